"""Alert mails through real SMTP servers: digests, routing, retries, exactly-once, header injection."""

from __future__ import annotations

import dataclasses
import email
import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from email.policy import default

import pytest
from sqlmodel import Session, select

from monitor.alerts import delivery
from monitor.alerts.outbox import AlertPayload, queue
from monitor.alerts.mailsink import MailSink
from monitor.archive.models import PENDING, SENT, Alert, CrawlRun, Delivery
from monitor.timeutil import utcnow

from .conftest import changed, document, make_archive, page, seed_report
from .smtp_servers import RefusingServer, ScriptedServer


def on_port(config, port: int, **mail):
    return dataclasses.replace(config, mail=dataclasses.replace(config.mail, host="127.0.0.1", port=port, **mail))


def revise_and_withdraw(archive) -> None:
    """Two crawls: three reports, then one revised, one gone (410)."""
    kaifeng, city, office = seed_report(), seed_report("zhoukou_city_2021"), seed_report("zhoukou_office_2021")
    docs = [document(page(kaifeng)), document(page(city), url="http://kf.test/nb/city.html"),
            document(page(office), url="http://kf.test/nb/office.html")]
    run = archive.start_run("kf")
    for doc in docs:
        archive.record(doc, run)
    archive.finish_run(run)
    run = archive.start_run("kf")
    archive.record(document(page(changed(kaifeng, s2__licensing__decisions=206744))), run)
    archive.record(document(b"", url="http://kf.test/nb/city.html", status=410, revisit=True), run)
    archive.record(docs[2], run)
    archive.finish_run(run)


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=default)


def body_text(message, subtype: str = "plain") -> str:
    return message.get_body(preferencelist=(subtype,)).get_content()


def alerts(archive) -> list[Alert]:
    with Session(archive.engine) as s:
        return s.exec(select(Alert)).all()


def test_one_digest_per_recipient_and_run_with_counts_and_diffs(sqlite_url, tmp_path, config):
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    revise_and_withdraw(archive)
    with MailSink(tmp_path / "mails") as sink:
        result = delivery.deliver(archive.engine, on_port(config, sink.port))
        assert len(result.sent) == 2 and not result.failed
        [(first_to, first), (recipients, raw)] = sink.messages
    # run 1: the office's report lacks a section; run 2: one revised, one withdrawn
    assert first_to == recipients == ["zwgk@example.org"]
    assert parse(first)["Subject"] == "gxmon 开封市人民政府：0份修改、0份撤回、1份未通过校验"
    assert "[section.missing]" in body_text(parse(first))
    message = parse(raw)
    assert message["Subject"] == "gxmon 开封市人民政府：1份修改、1份撤回、0份未通过校验"
    assert message["To"] == "zwgk@example.org" and message["Message-ID"]
    text = body_text(message)
    assert "被修改的报告（1）" in text and "被撤回的报告（1）" in text
    assert "表二 行政许可 / 本年处理决定数量：206743 → 206744" in text
    assert "s2.licensing" not in text and "s2.licensing" not in body_text(message, "html")   # no cell ids
    assert "（北京时间）" in text.splitlines()[1] and "UTC" not in text
    assert "http://gxmon.test/diff/" in text and "http://kf.test/nb/city.html" in text
    html = body_text(message, "html")
    assert "<td>206743</td><td>206744</td>" in html.replace("\n", "").replace(" ", "")
    assert {a.status for a in alerts(archive)} == {SENT}
    assert list((tmp_path / "mails").glob("*.eml"))


def test_sending_again_sends_nothing(sqlite_url, tmp_path, config):
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    revise_and_withdraw(archive)
    with MailSink(tmp_path / "mails") as sink:
        delivery.deliver(archive.engine, on_port(config, sink.port))
        second = delivery.deliver(archive.engine, on_port(config, sink.port))
        assert (second.composed, second.sent) == (0, [])
        assert len(sink.messages) == 2


def test_failing_report_digest_lists_error_messages(sqlite_url, tmp_path, config):
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    run = archive.start_run("kf")
    archive.record(document(page(changed(seed_report(), s3__new_received__natural_person=500))), run)
    archive.finish_run(run)
    with MailSink(tmp_path / "mails") as sink:
        delivery.deliver(archive.engine, on_port(config, sink.port))
        [(_, raw)] = sink.messages
    message = parse(raw)
    assert message["Subject"] == "gxmon 开封市人民政府：0份修改、0份撤回、1份未通过校验"
    text = body_text(message)
    assert "- 表三行合计不符 [s3.row_sum]：表三" in text
    assert "== 规则说明 ==\n表三行合计不符 [s3.row_sum]：表三某一行六类申请人之和不等于该行总计。" in text.replace("\r", "")
    assert "<strong title=\"表三某一行六类申请人之和不等于该行总计。\">表三行合计不符</strong>" in body_text(message, "html")


def test_a_prose_revision_is_shown_as_published_with_the_changed_characters(sqlite_url, tmp_path, config):
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    kaifeng = seed_report()
    revised = {**kaifeng, "text": {**kaifeng["text"],
                                   "s5": kaifeng["text"]["s5"].replace("一些工作", "大量工作")}}
    for report in (kaifeng, revised):
        run = archive.start_run("kf")
        archive.record(document(page(report)), run)
        archive.finish_run(run)
    with MailSink(tmp_path / "mails") as sink:
        delivery.deliver(archive.engine, on_port(config, sink.port))
        [(_, raw)] = [m for m in sink.messages if "1份修改" in parse(m[1])["Subject"]]
    text, html = body_text(parse(raw)), body_text(parse(raw), "html")
    assert "五、存在的主要问题及改进情况：" in text
    assert "做了[-一些-]{+大量+}工作，取得了" in text                  # full-width ， as printed
    assert "<del" in html and ">一些</del><ins" in html and ">大量</ins>工作，取得了" in html


@pytest.mark.parametrize("server_kind", ["refuse", "drop"])
def test_smtp_failure_is_retried_with_backoff_and_nothing_is_lost(db_url, tmp_path, config, server_kind):
    archive = make_archive(db_url, tmp_path / "store", config)
    revise_and_withdraw(archive)
    server = RefusingServer() if server_kind == "refuse" else ScriptedServer("drop")
    with server:
        failing = on_port(config, server.port, retry_base_seconds=600)
        first = delivery.deliver(archive.engine, failing)
        assert len(first.failed) == 2 and not first.sent
        again = delivery.deliver(archive.engine, failing)          # not due yet: no new attempt
        assert not again.failed and again.waiting == 2
    with Session(archive.engine) as s:
        pending = s.exec(select(Delivery)).all()
    assert {(d.status, d.attempts) for d in pending} == {(PENDING, 1)}
    for d in pending:
        assert timedelta(seconds=590) < d.next_attempt_at - utcnow() <= timedelta(seconds=600)
    assert {a.status for a in alerts(archive)} == {PENDING}
    with MailSink(tmp_path / "mails") as sink:
        later = utcnow() + timedelta(seconds=601)
        done = delivery.deliver(archive.engine, on_port(config, sink.port), now=later)
        assert len(done.sent) == 2
        delivery.deliver(archive.engine, on_port(config, sink.port), now=later)
        received = sorted(parse(raw)["Message-ID"] for _, raw in sink.messages)
    assert received == sorted(d.message_id for d in pending)     # the stored mails, not new ones
    assert {a.status for a in alerts(archive)} == {SENT}


def test_backoff_doubles_up_to_the_cap(config):
    mail = dataclasses.replace(config.mail, retry_base_seconds=60, retry_max_seconds=300)
    assert [delivery.backoff(mail, n).total_seconds() for n in (1, 2, 3, 4, 5)] == [60, 120, 240, 300, 300]


def test_header_injection_from_web_text_is_impossible(sqlite_url, tmp_path, config):
    evil = "开封市人民政府\r\nBcc: victim@evil.example\r\nSubject: 假通知"
    evil_site = dataclasses.replace(config.sites[0], name="开封\r\nBcc: x@evil.example")
    config = dataclasses.replace(config, sites=(evil_site,))
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    run = archive.start_run("kf")
    with Session(archive.engine) as s:
        queue(s, ["zwgk@example.org"], site_id="kf", run_id=run, event_key="test:1",
              payload=AlertPayload(kind="revised", site="kf", summary=evil, agency=evil, title=evil,
                                   url='javascript:alert(1)"><script>x</script>'))
        s.commit()
    with MailSink(tmp_path / "mails") as sink:
        delivery.deliver(archive.engine, on_port(config, sink.port))
        [(recipients, raw)] = sink.messages
    assert recipients == ["zwgk@example.org"]
    message = parse(raw)
    assert message["Bcc"] is None
    assert set(message.keys()) == {"From", "To", "Subject", "Date", "Message-ID", "Auto-Submitted", "X-Gxmon-Run",
                                   "Content-Type", "MIME-Version"}
    assert "\n" not in message["Subject"] and "Bcc" in message["Subject"]   # flattened into one line
    assert "Bcc: victim@evil.example" in body_text(message)                 # the text, shown as text
    html = body_text(message, "html")
    assert "<script>" not in html and 'href="javascript' not in html


def test_one_mail_per_run_and_recipient(sqlite_url, tmp_path, config):
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    xinfang = seed_report("zhoukou_xinfang_2021")
    for upheld in (0, 1, 2):
        run = archive.start_run("kf")
        report = changed(xinfang, s4__review__upheld=xinfang["s4"]["review"]["upheld"] + upheld)
        archive.record(document(page(report)), run)
        archive.finish_run(run)
    with MailSink(tmp_path / "mails") as sink:
        delivery.deliver(archive.engine, on_port(config, sink.port))
        received = sorted((rcpt[0], parse(raw)["X-Gxmon-Run"]) for rcpt, raw in sink.messages)
    assert received == [("xinfang@example.org", "2"), ("xinfang@example.org", "3"),
                        ("zwgk@example.org", "2"), ("zwgk@example.org", "3")]


SEND_SCRIPT = textwrap.dedent("""
    import dataclasses, sys
    from monitor.alerts import delivery
    from monitor.config import load_config
    from monitor.archive.db import make_engine
    config = load_config(sys.argv[2])
    delivery.deliver(make_engine(sys.argv[1]), config)
""")


def test_killed_sender_is_resumed_and_the_mail_sent_once(db_url, tmp_path, config):
    """kill -9 while the mail is being handed over: the next run sends the stored mail, once."""
    archive = make_archive(db_url, tmp_path / "store", config)
    revise_and_withdraw(archive)
    with ScriptedServer("stall") as stalling:
        config_file = tmp_path / "sites.toml"
        config_file.write_text(textwrap.dedent(f"""
            [mail]
            host = "127.0.0.1"
            port = {stalling.port}
            sender = "gxmon@example.org"
            timeout = 60
            [[site]]
            id = "kf"
            name = "开封市人民政府"
            start_urls = ["http://www.kaifeng.gov.cn/"]
            alert_to = ["zwgk@example.org"]
        """), encoding="utf-8")
        sender = subprocess.Popen([sys.executable, "-c", SEND_SCRIPT, db_url, str(config_file)],
                                  cwd=os.getcwd())
        assert stalling.in_data.wait(30), "the sender never reached DATA"
        os.kill(sender.pid, signal.SIGKILL)
        sender.wait()
    with Session(archive.engine) as s:
        [stuck, waiting] = s.exec(select(Delivery).order_by(Delivery.id)).all()
        assert stuck.status == "sending" and stuck.claimed_by and waiting.status == "pending"
    with MailSink(tmp_path / "mails") as sink:
        delivery.deliver(archive.engine, on_port(config, sink.port))
        delivery.deliver(archive.engine, on_port(config, sink.port))
        received = sorted(parse(raw)["Message-ID"] for _, raw in sink.messages)
    assert received == sorted([stuck.message_id, waiting.message_id])
    assert {a.status for a in alerts(archive)} == {SENT}
    with Session(archive.engine) as s:
        assert s.exec(select(CrawlRun)).all()


@pytest.mark.parametrize("security", ["starttls", "ssl"])
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")   # the ssl server is all TLS
def test_tls_and_login_from_the_environment(sqlite_url, tmp_path, config, monkeypatch, security):
    from .smtp_servers import TlsServer

    archive = make_archive(sqlite_url, tmp_path / "store", config)
    revise_and_withdraw(archive)
    with TlsServer(security, tmp_path) as server:
        mail = dict(security=security, ca_file=server.cert, username="gxmon", password_env="TEST_SMTP_SECRET")
        monkeypatch.setenv("TEST_SMTP_SECRET", "wrong")
        refused = delivery.deliver(archive.engine, on_port(config, server.port, timeout=1, **mail))
        assert len(refused.failed) == 2 and not server.handler.messages
        monkeypatch.setenv("TEST_SMTP_SECRET", "s3cret")
        sent = delivery.deliver(archive.engine, on_port(config, server.port, **mail),
                                now=utcnow() + timedelta(seconds=1))
        assert len(sent.sent) == 2 and len(server.handler.messages) == 2
        assert set(server.logins) == {b"gxmon"}
    with Session(archive.engine) as s:
        stored = b"".join(d.message for d in s.exec(select(Delivery)).all())
    assert b"s3cret" not in stored and b"wrong" not in stored       # credentials never reach the archive


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_an_unverifiable_certificate_is_refused(sqlite_url, tmp_path, config):
    from .smtp_servers import TlsServer

    archive = make_archive(sqlite_url, tmp_path / "store", config)
    revise_and_withdraw(archive)
    with TlsServer("ssl", tmp_path) as server:
        result = delivery.deliver(archive.engine, on_port(config, server.port, security="ssl"))
        assert len(result.failed) == 2 and "CERTIFICATE_VERIFY_FAILED" in result.failed[0][1]
        assert not server.handler.messages

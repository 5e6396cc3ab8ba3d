"""Digests to chat channels through Apprise (notify = […]): webhooks and the WeCom, DingTalk and Feishu plugins
against local endpoints, retries, exactly once across restarts, secrets kept out of the archive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from urllib.parse import parse_qs

import pytest
from sqlmodel import Session, select

from monitor.alerts import delivery
from monitor.alerts.channels import channel_key
from monitor.alerts.chat import chat_message
from monitor.alerts.mail import build_digest
from monitor.alerts.mailsink import MailSink
from monitor.alerts.outbox import AlertPayload
from monitor.archive.models import PENDING, SENT, Alert, Delivery
from monitor.config import ConfigError, load_config, parse_config
from monitor.timeutil import utcnow

from .conftest import make_archive
from .http_endpoints import ServiceProxy, Webhook
from .test_mail import body_text, parse, revise_and_withdraw

SITE = {"id": "kf", "name": "开封市人民政府", "start_urls": ["http://www.kaifeng.gov.cn/"],
        "alert_to": ["zwgk@example.org"]}


def channel_config(site_notify: list[str], route_notify: list[str] = (), mail_port: int = 25, **mail):
    return parse_config({
        "site": [{**SITE, "notify": list(site_notify)}],
        "route": [{"site": "kf", "notify": list(route_notify)}] if route_notify else [],
        "web": {"base_url": "http://gxmon.test"},
        "mail": {"sender": "gxmon@example.org", "host": "127.0.0.1", "port": mail_port, "timeout": 5,
                 "retry_base_seconds": 0, **mail},
    })


def deliveries(archive) -> list[Delivery]:
    with Session(archive.engine) as s:
        return s.exec(select(Delivery).order_by(Delivery.id)).all()


def test_notify_urls_are_checked_beside_alert_to():
    config = channel_config(["json://127.0.0.1:9/hook"], ["wecombot://abc123"])
    assert config.recipients("kf", "开封市信访局") == ["zwgk@example.org", channel_key("json://127.0.0.1:9/hook"),
                                                        channel_key("wecombot://abc123")]
    assert set(config.channels().values()) == {"json://127.0.0.1:9/hook", "wecombot://abc123"}
    with pytest.raises(ConfigError, match=r"\[\[site\]\] #1 \(kf\): notify: Apprise 无法识别通知地址 'nosuch://…'"):
        channel_config(["nosuch://x"])
    with pytest.raises(ConfigError, match=r"\[\[route\]\] #1: notify: 'zwgk@example.org' 不是 Apprise 通知地址"):
        channel_config([], ["zwgk@example.org"])
    with pytest.raises(ConfigError, match="unknown key 'notfy'; did you mean 'notify'"):
        parse_config({"site": [{**SITE, "notfy": ["json://127.0.0.1/"]}]})
    with pytest.raises(ConfigError, match=r"\[\[route\]\] #1: unknown key 'notfy'; did you mean 'notify'"):
        parse_config({"site": [SITE], "route": [{"site": "kf", "notfy": []}]})


def test_the_mail_digest_goes_to_a_webhook_too(sqlite_url, tmp_path):
    with Webhook() as hook, MailSink(tmp_path / "mails") as sink:
        config = channel_config([hook.url("json")], [hook.url("form", "/form")], mail_port=sink.port)
        archive = make_archive(sqlite_url, tmp_path / "store", config)
        revise_and_withdraw(archive)
        result = delivery.deliver(archive.engine, config)
        assert len(result.sent) == 6 and not result.failed       # 2 runs × (mail, json, form)
        mails = [parse(raw) for _, raw in sink.messages]
    posted = [r.json() for r in hook.received if r.path == "/hook"]
    forms = [parse_qs(r.body.decode()) for r in hook.received if r.path == "/form"]
    assert len(posted) == len(forms) == 2
    for mail, message, form in zip(mails, posted, forms, strict=True):
        assert message["title"] == mail["Subject"] == form["title"][0]
        headline = body_text(mail).splitlines()[3]
        assert headline in message["message"] and headline in form["message"][0]
    revised = posted[1]["message"]
    assert revised.startswith("1份报告被修改，1份被撤回，0份未通过校验。\n抓取批次 #2，")
    assert "（北京时间）" in revised and "【被修改的报告（1）】" in revised and "【被撤回的报告（1）】" in revised
    assert "http://gxmon.test/diff/" in revised and revised.endswith("全部内容：http://gxmon.test/runs/2")
    assert "错误1项：缺少部分" in posted[0]["message"]                     # rules by their Chinese names


def test_a_failing_webhook_is_retried_then_delivered_once(db_url, tmp_path):
    with Webhook(failures=2) as hook:
        config = parse_config({"site": [{**SITE, "alert_to": [], "notify": [hook.url()]}],
                               "mail": {"retry_base_seconds": 600}})
        archive = make_archive(db_url, tmp_path / "store", config)
        revise_and_withdraw(archive)
        first = delivery.deliver(archive.engine, config)
        assert len(first.failed) == 2 and not first.sent and not hook.received
        assert "json://127.0.0.1" in first.failed[0][1] and "500" in first.failed[0][1]
        assert delivery.deliver(archive.engine, config).waiting == 2      # not due yet: no new attempt
        assert hook.attempts == 2
        stored = deliveries(archive)
        assert {(d.status, d.attempts) for d in stored} == {(PENDING, 1)}
        later = utcnow() + timedelta(seconds=601)
        assert len(delivery.deliver(archive.engine, config, now=later).sent) == 2
        assert not delivery.deliver(archive.engine, config, now=later).sent
    assert [r.json()["message"].encode() for r in hook.received] == [d.message for d in stored]
    assert {a.status for a in _alerts(archive)} == {SENT}


SEND = "from monitor.cli import main; main()"


def test_sent_once_across_restarts_by_gxmon_send(sqlite_url, tmp_path):
    """A first process fails to reach the webhook; later processes (gxmon send) send each digest once."""
    with Webhook(failures=2) as hook:
        config_file = tmp_path / "sites.toml"
        config_file.write_text(textwrap.dedent(f"""
            [mail]
            retry_base_seconds = 0
            [[site]]
            id = "kf"
            name = "开封市人民政府"
            start_urls = ["http://www.kaifeng.gov.cn/"]
            notify = ["{hook.url()}"]
        """), encoding="utf-8")
        config = load_config(config_file)
        archive = make_archive(sqlite_url, tmp_path / "store", config)
        revise_and_withdraw(archive)
        assert len(delivery.deliver(archive.engine, config).failed) == 2     # the first attempt fails
        db = sqlite_url.removeprefix("sqlite:///")
        outputs = [subprocess.run([sys.executable, "-c", SEND, "send", "--db", db, "--config", str(config_file)],
                                  capture_output=True, text=True, cwd=os.getcwd(), timeout=120) for _ in range(2)]
    assert [o.returncode for o in outputs] == [0, 0], outputs[0].stderr
    assert outputs[0].stdout.startswith("已发送 2，") and outputs[1].stdout.startswith("已发送 0，")
    assert len(hook.received) == 2


def _through(proxy: ServiceProxy, monkeypatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.port}")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", proxy.ca)
    for name in ("NO_PROXY", "no_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_wecom_dingtalk_and_feishu_bots_get_the_digest(sqlite_url, tmp_path, monkeypatch):
    with ServiceProxy(tmp_path) as proxy:
        _through(proxy, monkeypatch)
        urls = ["wecombot://wecomKEY123", "dingtalk://dingTOKEN456/", "feishu://feishuTOKEN789"]
        config = parse_config({"site": [{**SITE, "alert_to": [], "notify": urls}], "web": {"base_url": "http://g.test"}})
        archive = make_archive(sqlite_url, tmp_path / "store", config)
        revise_and_withdraw(archive)
        result = delivery.deliver(archive.engine, config)
        assert len(result.sent) == 6 and not result.failed
    by_host = {}
    for received in proxy.received:
        by_host.setdefault(received.host, []).append(received)
    assert {h: len(r) for h, r in by_host.items()} == {"qyapi.weixin.qq.com": 2, "oapi.dingtalk.com": 2,
                                                      "open.feishu.cn": 2}
    wecom = by_host["qyapi.weixin.qq.com"][1]
    assert wecom.path == "/cgi-bin/webhook/send?key=wecomKEY123"
    content = wecom.json()["text"]["content"]
    assert "1份报告被修改，1份被撤回" in content and len(content.encode()) <= 2048
    assert "access_token=dingTOKEN456" in by_host["oapi.dingtalk.com"][1].path
    assert "1份报告被修改" in json.dumps(by_host["oapi.dingtalk.com"][1].json(), ensure_ascii=False)
    assert by_host["open.feishu.cn"][1].path.startswith("/open-apis/bot/v2/hook/feishuTOKEN789")
    assert "1份报告被修改" in json.dumps(by_host["open.feishu.cn"][1].json(), ensure_ascii=False)
    with Session(archive.engine) as s:                        # the bots' secrets never reach the archive
        rows = [*s.exec(select(Delivery)).all(), *s.exec(select(Alert)).all()]
    stored = repr([(r.recipient, getattr(r, "message", b""), getattr(r, "payload", None)) for r in rows])
    assert not any(secret in stored for secret in ("wecomKEY123", "dingTOKEN456", "feishuTOKEN789"))


def test_a_message_the_service_refuses_with_http_200_stays_pending(sqlite_url, tmp_path, monkeypatch):
    refusals = {"qyapi.weixin.qq.com": {"errcode": 93000, "errmsg": "invalid webhook url"},
                "oapi.dingtalk.com": {"errcode": 310000, "errmsg": "sign not match"}}
    with ServiceProxy(tmp_path, refusals) as proxy:
        _through(proxy, monkeypatch)
        urls = ["wecombot://wecomKEY123", "dingtalk://dingTOKEN456/"]
        config = parse_config({"site": [{**SITE, "alert_to": [], "notify": urls}], "web": {"base_url": "http://g.test"}})
        archive = make_archive(sqlite_url, tmp_path / "store", config)
        revise_and_withdraw(archive)
        result = delivery.deliver(archive.engine, config)
    assert not result.sent and len(result.failed) == 4
    reasons = " ".join(reason for _, reason in result.failed)
    assert "errcode 93000：invalid webhook url" in reasons and "errcode 310000：sign not match" in reasons
    assert "wecomKEY123" not in reasons
    assert {d.status for d in deliveries(archive)} == {PENDING}


def test_a_channel_removed_from_the_config_keeps_its_digests_pending(sqlite_url, tmp_path):
    with Webhook() as hook:
        config = parse_config({"site": [{**SITE, "alert_to": [], "notify": [hook.url()]}]})
        archive = make_archive(sqlite_url, tmp_path / "store", config)
        revise_and_withdraw(archive)
        without = parse_config({"site": [{**SITE, "alert_to": []}]})
        result = delivery.deliver(archive.engine, without)
        assert len(result.failed) == 2 and "已不在配置中" in result.failed[0][1] and not hook.received
        assert len(delivery.deliver(archive.engine, config, now=utcnow() + timedelta(hours=1)).sent) == 2


def test_a_long_digest_fits_the_wecom_limit_and_counts_what_it_left_out():
    items = [AlertPayload(kind="failing", site="kf", summary="新报告未通过校验：3项错误" + "很长的说明" * 30,
                          agency=f"开封市第{n}局", year=2021, errors=[{"rule": "s3.balance", "message": "…"}],
                          links={"report": f"http://gxmon.test/reports/{n}"}) for n in range(60)]
    digest = build_digest(channel_key("wecombot://k"), "开封市人民政府", 7, utcnow(), items)
    title, body = chat_message(digest, 2048, "http://gxmon.test/runs/7")
    assert len(f"{title}\r\n{body}".encode()) <= 2048
    listed = body.count("· 开封市")
    assert 3 <= listed < 60 and f"……另有{60 - listed}份报告未列出" in body
    assert body.endswith("全部内容：http://gxmon.test/runs/7") and "表三收结不平衡" in body


def _alerts(archive) -> list[Alert]:
    with Session(archive.engine) as s:
        return s.exec(select(Alert)).all()

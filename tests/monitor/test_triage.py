"""Triage from the command line, and digests that repeat only what is new or still open.

A real archive (SQLite; the triage actions on PostgreSQL too) where Kaifeng's 2021 report gets an error in a
revision, keeps it in the next, and loses it in the one after; the digests go through the aiosmtpd sink.
"""

from __future__ import annotations

import email
import json
import re
from email.policy import default

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select

from monitor.alerts import delivery
from monitor.alerts.mailsink import MailSink
from monitor.archive.models import AuditEntry, Triage
from monitor.archive.triage import waiting_reports
from monitor.cli import main

from .conftest import changed, document, make_archive, page, seed_report
from .test_mail import on_port

EXTRA = "下一步，我们将进一步规范依申请公开答复文书。"


def gxmon(db: str, *args: str, code: int = 0, stdin: str | None = None) -> str:
    result = CliRunner(env={"COLUMNS": "200", "GXMON_USER": "张三"}).invoke(main, [*args, "--db", db], input=stdin,
                                                                           catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def crawl(archive, *reports: dict) -> None:
    run = archive.start_run("kf")
    for report in reports:
        archive.record(document(page(report)), run)
    archive.finish_run(run)


def digests(archive, config, folder) -> list[str]:
    """The plain-text digests the crawl queued, as the mail sink received them."""
    with MailSink(folder) as sink:
        delivery.deliver(archive.engine, on_port(config, sink.port))
        return [email.message_from_bytes(raw, policy=default).get_body(("plain",)).get_content()
                for _, raw in sink.messages]


def open_errors(db: str) -> list[dict]:
    return json.loads(gxmon(db, "triage", "--open", "--format", "json"))


@pytest.fixture
def kaifeng():
    report = seed_report()
    wrong = changed(report, s3__new_received__natural_person=509)          # s3 sums fail from here
    reworded = {**wrong, "text": {**wrong["text"], "s5": wrong["text"]["s5"] + "\n" + EXTRA}}
    return report, wrong, reworded


def test_a_digest_says_what_a_revision_introduces_and_leaves_out_what_was_acknowledged(sqlite_url, tmp_path, config,
                                                                                      kaifeng):
    report, wrong, reworded = kaifeng
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    crawl(archive, report)
    crawl(archive, wrong)
    [revised] = digests(archive, config, tmp_path / "m1")        # the first version had no error: no mail
    assert re.search(r"【新出现】表三\S* \[s3\.", revised)
    errors = open_errors(sqlite_url)
    assert errors and all(e["state"] is None for e in errors)
    refs = [e["ref"] for e in errors]
    out = gxmon(sqlite_url, "ack", *refs, "--note", "已电话联系该单位")
    assert f"{refs[0]}（报告 #1" in out and "已确认" in out
    assert {e["state"] for e in open_errors(sqlite_url)} == {"acknowledged"}

    crawl(archive, reworded)            # the prose changes, the acknowledged errors stay
    [still] = digests(archive, config, tmp_path / "m2")
    assert "文字修改" in still and "[s3." not in still
    assert f"另有 {len(refs)} 项错误已确认、已解决或已屏蔽，不再列出" in still

    crawl(archive, report)              # the figure put right: the errors are fixed
    [fixed] = digests(archive, config, tmp_path / "m3")
    assert "本版本已修正的错误" in fixed and "[s3." in fixed.split("本版本已修正的错误", 1)[1]
    with Session(archive.engine) as s:
        assert s.exec(select(Triage)).all() == []                      # nothing left to deal with
        actions = [(a.actor, a.action, a.origin) for a in s.exec(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[:len(refs)] == [("张三", "acknowledged", "cli")] * len(refs)
    assert ("gxmon", "fixed", "archive") in actions
    archive.engine.dispose()


def test_muting_an_agency_or_a_rule_keeps_it_out_of_digests(sqlite_url, tmp_path, config, kaifeng):
    report, wrong, reworded = kaifeng
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    crawl(archive, wrong)
    assert len(digests(archive, config, tmp_path / "m0")) == 1      # a new report that fails its checks
    for rule in sorted({e["rule"] for e in open_errors(sqlite_url)}):
        assert "屏蔽 #" in gxmon(sqlite_url, "mute", "--rule", rule, "--note", "模板口径问题")
    assert {e["muted"] for e in open_errors(sqlite_url)} == {True}
    crawl(archive, reworded)             # a revision is news, its errors of muted rules are not
    [revised] = digests(archive, config, tmp_path / "m1")
    assert "被修改的报告" in revised and "[s3." not in revised and "项错误已确认、已解决或已屏蔽" in revised
    assert "屏蔽 #" in gxmon(sqlite_url, "mute", "--agency", "开封市人民政府", "--note", "另行跟踪")
    crawl(archive, report)               # the agency muted: nothing at all
    assert digests(archive, config, tmp_path / "m2") == []
    listing = gxmon(sqlite_url, "triage")
    assert "机构 开封市人民政府：另行跟踪" in listing and "屏蔽" in listing
    assert "屏蔽 #1 已取消" in gxmon(sqlite_url, "unmute", "1")
    assert "取消屏蔽" in gxmon(sqlite_url, "triage")
    archive.engine.dispose()


def test_resolve_needs_a_note_and_reopen_undoes_it(db_url, tmp_path, config, kaifeng):
    _, wrong, _ = kaifeng
    archive = make_archive(db_url, tmp_path / "store", config)
    crawl(archive, wrong)
    archive.engine.dispose()
    ref = open_errors(db_url)[0]["ref"]
    assert "处理说明" in gxmon(db_url, "resolve", ref, "--note", " ", code=1)
    gxmon(db_url, "resolve", ref, "--note", "单位已更正并重新发布", "--by", "李四")
    listing = json.loads(gxmon(db_url, "triage", "--format", "json"))
    assert [(i["state"], i["by"], i["note"]) for i in listing["items"]] == [("resolved", "李四", "单位已更正并重新发布")]
    assert [a["action"] for a in listing["actions"]] == ["resolved"]
    gxmon(db_url, "reopen", ref)
    assert open_errors(db_url)[0]["state"] is None
    assert "没有编号为 F99999 的问题" in gxmon(db_url, "ack", "F99999", code=1)
    assert "不是问题或变化的编号" in gxmon(db_url, "ack", "report-1", code=1)
    change = json.loads(gxmon(db_url, "changes", "--since", "1d", "--format", "json"))[0]["id"]
    assert "已确认" in gxmon(db_url, "ack", f"C{change}")


def test_users_are_kept_as_argon2_hashes(sqlite_url, tmp_path, config):
    make_archive(sqlite_url, tmp_path / "store", config).engine.dispose()
    assert "至少 8 个字符" in gxmon(sqlite_url, "users", "add", "王五", "--password-stdin", stdin="short\n", code=1)
    gxmon(sqlite_url, "users", "add", "王五", "--password-stdin", stdin="correct horse battery\n")
    assert gxmon(sqlite_url, "users", "list").split() == ["王五"]
    from monitor.archive.db import make_engine
    from monitor.archive.models import WebUser
    from monitor.archive.users import check_password

    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        assert s.exec(select(WebUser.password_hash)).one().startswith("$argon2id$")
        assert check_password(s, "王五", "correct horse battery") and not check_password(s, "王五", "wrong one!")
        assert not check_password(s, "nobody", "correct horse battery")
    engine.dispose()
    gxmon(sqlite_url, "users", "remove", "王五")
    assert gxmon(sqlite_url, "users", "list").strip() == ""


def test_the_dashboards_waiting_count_follows_acknowledgements_and_mutes(sqlite_url, tmp_path, config, kaifeng):
    _, wrong, _ = kaifeng
    archive = make_archive(sqlite_url, tmp_path / "store", config)
    crawl(archive, wrong)
    errors = open_errors(sqlite_url)
    with Session(archive.engine) as s:
        assert waiting_reports(s) == 1
    for error in errors[:-1]:
        gxmon(sqlite_url, "ack", error["ref"], "--note", "已转办")
    with Session(archive.engine) as s:
        assert waiting_reports(s) == 1                       # one error still stands unhandled
    gxmon(sqlite_url, "mute", "--rule", errors[-1]["rule"], "--note", "模板口径问题")
    with Session(archive.engine) as s:
        assert waiting_reports(s) == 0
    gxmon(sqlite_url, "unmute", "1")
    with Session(archive.engine) as s:
        assert waiting_reports(s) == 1
    gxmon(sqlite_url, "mute", "--agency", "开封市人民政府", "--note", "另行跟踪")
    with Session(archive.engine) as s:
        assert waiting_reports(s) == 0
    archive.engine.dispose()

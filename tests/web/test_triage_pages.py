"""Triage on the web: read-only unless writes are on; then login, CSRF-checked forms, and the audit trail."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from monitor.archive import triage
from monitor.archive.db import make_engine
from monitor.archive.models import AuditEntry, Mute, Triage
from monitor.archive.users import add_user, dummy_hash
from monitor.web import create_app

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def writable(web_archive):
    engine = make_engine(web_archive.url)
    with Session(engine) as s:
        add_user(s, "审核员", PASSWORD)
        s.commit()
    app = create_app(web_archive.url, web_archive.store, writes=True)
    with TestClient(app) as client:
        yield client, engine
    app.state.engine.dispose()
    app.state.write_engine.dispose()
    engine.dispose()


def csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def first_finding(html: str) -> str:
    return re.search(r'<tr id="(F\d+)"', html).group(1)


def test_read_only_by_default(client):
    assert client.post("/triage", data={"item": "F1", "action": "acknowledge"}).status_code == 405
    assert client.post("/mutes", data={"rule": "s3.balance"}).status_code == 404
    assert client.get("/login").status_code == 404
    page = client.get("/findings")
    assert "set-cookie" not in page.headers and "triage-form" not in page.text and "登录" not in page.text
    assert "本站只读" in page.text
    assert client.get("/triage").status_code == 200


def test_writes_need_a_login(writable):
    client, _ = writable
    page = client.get("/findings")
    assert 'href="/login?back=/findings"' in page.text and "triage-form" not in page.text
    item = first_finding(page.text)
    refused = client.post("/triage", data={"item": item, "action": "acknowledge"})
    assert refused.status_code == 403 and "请先登录" in refused.text


def test_login_then_acknowledge_resolve_and_mute(writable):
    client, engine = writable
    form = client.get("/login?back=/findings")
    assert form.status_code == 200
    wrong = client.post("/login", data={"name": "审核员", "password": "not it at all", "csrf": csrf(form.text),
                                        "back": "/findings"}, follow_redirects=False)
    assert wrong.status_code == 303 and "failed=1" in wrong.headers["location"]
    stale = client.post("/login", data={"name": "审核员", "password": PASSWORD, "csrf": "forged", "back": "/"})
    assert stale.status_code == 403 and "CSRF" in stale.text
    ok = client.post("/login", data={"name": "审核员", "password": PASSWORD, "csrf": csrf(form.text),
                                     "back": "/findings"}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/findings"
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie

    page = client.get("/findings")
    assert "审核员" in page.text and "triage-form" in page.text
    token, item = csrf(page.text), first_finding(page.text)
    forged = client.post("/triage", data={"item": item, "action": "acknowledge", "csrf": "forged"})
    assert forged.status_code == 403
    done = client.post("/triage", data={"item": item, "action": "acknowledge", "note": "已通知单位",
                                        "csrf": token, "back": "//evil.test/"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/triage"      # never another host
    row = client.get("/findings").text.split(f'<tr id="{item}"', 1)[1].split("</tr>", 1)[0]
    assert "已确认" in row and "审核员" in row and "已通知单位" in row
    no_note = client.post("/triage", data={"item": item, "action": "resolve", "csrf": token})
    assert no_note.status_code == 400 and "处理说明" in no_note.text

    muted = client.post("/mutes", data={"rule": "s3.row_sum", "note": "口径问题", "csrf": token},
                        follow_redirects=False)
    assert muted.status_code == 303
    dealt = client.get("/triage").text
    assert "规则 s3.row_sum：口径问题" in dealt and "已通知单位" in dealt
    with Session(engine) as s:
        assert s.exec(select(Triage.actor)).all() == ["审核员"]
        mute_id = s.exec(select(Mute.id)).one()
        trail = [(a.actor, a.action, a.origin, a.address) for a in s.exec(select(AuditEntry).order_by(AuditEntry.id))]
    assert trail[:3] == [("审核员", "login_failed", "web", "testclient"), ("审核员", "login", "web", "testclient"),
                         ("审核员", "acknowledged", "web", "testclient")]
    assert trail[-1][:2] == ("审核员", "muted")
    assert client.post(f"/mutes/{mute_id}/delete", data={"csrf": token}).status_code == 200
    dashboard = client.get("/").text.split('id="dealt"', 1)[1].split("</section>", 1)[0]
    assert "审核员 取消屏蔽" in dashboard and "审核员 确认" in dashboard

    out = client.post("/logout", data={"csrf": token}, follow_redirects=False)
    assert out.status_code == 303
    assert client.post("/triage", data={"item": item, "action": "reopen", "csrf": token}).status_code == 403


def test_a_mute_of_an_agency_marks_that_agencys_findings_only(writable):
    client, engine = writable
    with Session(engine) as s:
        mute = triage.add_mute(s, rule=None, agency="开封市人民政府", report_id=None, actor="审核员", note="测试",
                               origin="test")
        s.commit()
        mute_id = mute.id
    try:
        listed = client.get("/findings").text.split('class="list findings-list"', 1)[1].split("</table>", 1)[0]
        rows = listed.split("<tr id=")[1:]
        marked = {"开封市人民政府" in row for row in rows if "已屏蔽" in row}
        assert marked == {True} and any("开封市人民政府" not in row and "已屏蔽" not in row for row in rows)
    finally:
        with Session(engine) as s:
            triage.remove_mute(s, mute_id, actor="审核员", origin="test")
            s.commit()


def test_the_unknown_names_hash_is_made_before_the_first_login_not_on_import(web_archive):
    # the hash a wrong name is checked against costs 0.23 s of CPU; made on import it cost that in every gxmon
    # command, made at the first login of an unknown name that login would take longer than a wrong password's
    dummy_hash.cache_clear()
    create_app(web_archive.url, web_archive.store).state.engine.dispose()
    assert dummy_hash.cache_info().currsize == 0
    app = create_app(web_archive.url, web_archive.store, writes=True)
    assert dummy_hash.cache_info().currsize == 1
    app.state.engine.dispose()
    app.state.write_engine.dispose()

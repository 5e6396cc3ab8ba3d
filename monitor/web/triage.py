"""Triage on the web: the /triage page (what has been dealt with, for everyone) and, when the operator turns
writes on (``[web] writes = true``), login and the forms that acknowledge, resolve, reopen and mute.

The pages stay read-only by default: without writes none of the POST routes exist and no session cookie is
set. With writes, every POST needs a logged-in user (``monitor.archive.users``) and the session's CSRF token;
writes go through their own engine (the pages' engine refuses writes), and each is written to the audit trail
with the user and the client's address.
"""

from __future__ import annotations

import os
import secrets
from typing import Annotated

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from starlette.middleware.sessions import SessionMiddleware

from monitor.archive import triage
from monitor.archive.db import make_engine
from monitor.archive.models import ACKNOWLEDGED, RESOLVED, Mute, Triage
from monitor.archive.users import check_password, dummy_hash
from monitor.web.auth import NotAllowed, check_csrf, csrf_token, require_user
from monitor.web.deps import SessionDep
from monitor.web.pages import render
from monitor.web.triage_state import triage_view

pages = APIRouter(include_in_schema=False)     # always
writes = APIRouter(include_in_schema=False)    # only with [web] writes = true
SESSION_HOURS = 12
ACTIONS = {"acknowledge": ACKNOWLEDGED, "resolve": RESOLVED}


def _back(target: str | None) -> str:
    """Where to go after a form: a path on this site only (never another host)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/triage"


def _write_session(request: Request) -> Session:
    return Session(request.app.state.write_engine, expire_on_commit=False)


def _address(request: Request) -> str | None:
    return request.client.host if request.client else None


@pages.get("/triage", response_class=HTMLResponse)
def triage_page(request: Request, s: SessionDep) -> HTMLResponse:
    states = s.exec(select(Triage).order_by(col(Triage.at).desc())).all()
    mutes = [(m, triage.describe_mute(s, m)) for m in s.exec(select(Mute).order_by(col(Mute.id)))]
    return render(request, "triage.html", states=states, mutes=mutes, actions=triage.recent_actions(s, 100),
                  view=triage_view(request, s, []), state_names=triage.STATE_NAMES,
                  action_names=triage.ACTION_NAMES)


@writes.get("/login", response_class=HTMLResponse)
def login_form(request: Request, back: str | None = None, failed: str | None = None) -> HTMLResponse:
    return render(request, "login.html", back=_back(back), failed=bool(failed), csrf=csrf_token(request))


@writes.post("/login")
def login(request: Request, name: Annotated[str, Form()], password: Annotated[str, Form()],
          csrf: Annotated[str, Form()] = "", back: Annotated[str, Form()] = "/triage") -> Response:
    check_csrf(request, csrf)
    with _write_session(request) as s:
        ok = check_password(s, name, password)
        triage.audit(s, name.strip()[:100] or "?", "login" if ok else "login_failed", "web", address=_address(request))
        s.commit()
    if not ok:
        return RedirectResponse(f"/login?failed=1&back={_back(back)}", status_code=303)
    request.session.clear()     # a new session on login: no fixation
    request.session.update(user=name.strip(), csrf=secrets.token_urlsafe(32))
    return RedirectResponse(_back(back), status_code=303)


@writes.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/", status_code=303)


@writes.post("/triage")
def triage_action(request: Request, item: Annotated[str, Form()], action: Annotated[str, Form()],
                  note: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = "",
                  back: Annotated[str, Form()] = "/triage") -> Response:
    user = require_user(request, csrf)
    with _write_session(request) as s:
        if action == "reopen":
            triage.reopen(s, item, user, note, "web", _address(request))
        elif action in ACTIONS:
            triage.set_state(s, item, ACTIONS[action], user, note, "web", _address(request))
        else:
            raise triage.TriageError(f"{action!r} 不是处理操作之一：acknowledge, resolve, reopen")
        s.commit()
    return RedirectResponse(_back(back), status_code=303)


@writes.post("/mutes")
def mute_action(request: Request, rule: Annotated[str, Form()] = "", agency: Annotated[str, Form()] = "",
                report: Annotated[str, Form()] = "", note: Annotated[str, Form()] = "",
                csrf: Annotated[str, Form()] = "", back: Annotated[str, Form()] = "/triage") -> Response:
    user = require_user(request, csrf)
    report_id = int(report) if report.strip().isdigit() else None
    if report.strip() and report_id is None:
        raise triage.TriageError(f"报告编号 {report!r} 不是整数")
    with _write_session(request) as s:
        triage.add_mute(s, rule=rule.strip() or None, agency=agency.strip() or None, report_id=report_id,
                        actor=user, note=note, origin="web", address=_address(request))
        s.commit()
    return RedirectResponse(_back(back), status_code=303)


@writes.post("/mutes/{mute_id}/delete")
def unmute_action(request: Request, mute_id: int, csrf: Annotated[str, Form()] = "",
                  back: Annotated[str, Form()] = "/triage") -> Response:
    user = require_user(request, csrf)
    with _write_session(request) as s:
        triage.remove_mute(s, mute_id, user, "web", _address(request))
        s.commit()
    return RedirectResponse(_back(back), status_code=303)


def _error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status, status=status, message=message)


def install(app: FastAPI, db_url: str, allow_writes: bool) -> None:
    """The triage routes on ``app``; with ``allow_writes`` also sessions, login and the forms' POST routes."""
    app.state.writes = allow_writes
    app.include_router(pages)

    async def not_allowed(request: Request, exc: NotAllowed) -> Response:
        return _error_page(request, 403, str(exc))

    async def triage_error(request: Request, exc: triage.TriageError) -> Response:
        return _error_page(request, 400, str(exc))

    app.add_exception_handler(NotAllowed, not_allowed)
    app.add_exception_handler(triage.TriageError, triage_error)
    if not allow_writes:
        return
    dummy_hash()   # made now, so the first login of an unknown name costs what any other does
    engine: Engine = make_engine(db_url)
    app.state.write_engine = engine
    secret = os.environ.get("GXMON_WEB_SECRET") or secrets.token_urlsafe(32)
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="gxmon_session",
                       max_age=SESSION_HOURS * 3600, same_site="strict", https_only=False)
    app.include_router(writes)


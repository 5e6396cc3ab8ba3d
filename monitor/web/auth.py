"""Who may write on the web pages: logins (users: monitor.archive.users), sessions, CSRF tokens.

Writes are off unless the operator sets ``[web] writes = true``; then the triage forms need a login. The
session is a signed cookie (starlette's SessionMiddleware, itsdangerous; ``SameSite=strict``, HttpOnly), its
key from ``$GXMON_WEB_SECRET`` (else a random key per process: a restart logs everyone out). Every form
carries the session's CSRF token, compared in constant time before anything is written.
"""

from __future__ import annotations

import secrets

from fastapi import Request

class NotAllowed(PermissionError):
    """A write without login, with a stale CSRF token, or while writes are off."""


def current_user(request: Request) -> str | None:
    """The logged-in user's name, when writes are on."""
    if not getattr(request.app.state, "writes", False):
        return None
    return request.session.get("user")


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf(request: Request, token: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not token or not secrets.compare_digest(expected, token):
        raise NotAllowed("表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试")


def require_user(request: Request, token: str | None) -> str:
    """The user allowed to write now; NotAllowed when writes are off, nobody is logged in, or the form's
    token is not the session's."""
    if not getattr(request.app.state, "writes", False):
        raise NotAllowed("本站只读：管理员未开启网页处理功能（[web] writes = true）")
    user = request.session.get("user")
    if not user:
        raise NotAllowed("请先登录")
    check_csrf(request, token)
    return user


def login_state(request: Request) -> dict[str, object]:
    """What a page header shows: whether writes are on, who is logged in, the token for the logout form."""
    user = current_user(request)
    return {"writes": bool(getattr(request.app.state, "writes", False)), "user": user,
            "csrf": csrf_token(request) if user else None}

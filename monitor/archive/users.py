"""The users who may triage on the web pages: names and Argon2 password hashes (argon2-cffi), never passwords."""

from __future__ import annotations

import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from monitor.archive.models import WebUser

MIN_PASSWORD = 8
_hasher = PasswordHasher()


class PasswordError(ValueError):
    """A user name or password that cannot be used."""


def add_user(s: Session, name: str, password: str) -> WebUser:
    """Add ``name`` or give it a new password."""
    name = name.strip()
    if not name or len(name) > 100:
        raise PasswordError("用户名不能为空，最长 100 个字符")
    if len(password) < MIN_PASSWORD:
        raise PasswordError(f"密码至少 {MIN_PASSWORD} 个字符")
    user = s.exec(select(WebUser).where(WebUser.name == name)).first() or WebUser(name=name, password_hash="")
    user.password_hash = _hasher.hash(password)
    s.add(user)
    return user


def remove_user(s: Session, name: str) -> bool:
    user = s.exec(select(WebUser).where(WebUser.name == name)).first()
    if user is None:
        return False
    s.delete(user)
    return True


@cache
def dummy_hash() -> str:
    """Verified when a name is unknown, so a wrong name costs as long as a wrong password. Made on first use, not
    on import (0.23 s of CPU in every gxmon command); the web app makes it before it serves a login."""
    return _hasher.hash(secrets.token_hex(16))


def check_password(s: Session, name: str, password: str) -> bool:
    user = s.exec(select(WebUser).where(WebUser.name == name.strip())).first()
    try:
        return _hasher.verify(user.password_hash if user else dummy_hash(), password) and user is not None
    except (VerificationError, InvalidHashError):
        return False

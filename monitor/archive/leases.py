"""Leases: a row claimed by one process at a time (a site being crawled, a mail being sent).

A claim is a compare-and-swap UPDATE on the row's holder column, so it is atomic on SQLite and
PostgreSQL alike. A claim lapses when its time runs out, or at once when its holder was a process on
this machine that no longer runs (a crawl killed with ``kill -9`` must not block the site for the
lease's length).
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import update
from sqlmodel import Session, select

from monitor.timeutil import utcnow


def _start_ticks(pid: int) -> str | None:
    """The process's start time in clock ticks (Linux), which tells a live process from a reused pid."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


@cache
def holder_id() -> str:
    """``host:pid:start`` naming this process."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_start_ticks(pid) or '-'}"


def holder_alive(holder: str) -> bool:
    """False when ``holder`` was a process on this host that has ended; True if unsure (another host)."""
    host, _, rest = holder.partition(":")
    pid_text, _, start = rest.partition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return True
    pid = int(pid_text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return start in ("-", "") or _start_ticks(pid) == start


def claim(session: Session, model: type, key: object, holder_col: str, until_col: str,
          seconds: float, extra: tuple = ()) -> bool:
    """Claim the row of ``model`` with primary key ``key`` for this process; commit; True on success.

    ``extra`` holds further WHERE conditions the row must meet (e.g. a delivery still pending).
    """
    table = model.__table__
    pk = next(iter(table.primary_key.columns))
    holder, until = table.c[holder_col], table.c[until_col]
    now = utcnow()
    current = session.exec(select(holder, until).where(pk == key)).first()
    if current is None:
        return False
    old_holder, old_until = current
    free = (old_holder is None or old_holder == holder_id()
            or (old_until is not None and old_until < now) or not holder_alive(old_holder))
    if not free:
        return False
    condition = holder.is_(None) if old_holder is None else holder == old_holder
    result = session.exec(update(table).where(pk == key, condition, *extra)
                          .values({holder_col: holder_id(), until_col: now + timedelta(seconds=seconds)}))
    session.commit()
    return result.rowcount == 1


def release(session: Session, model: type, key: object, holder_col: str, until_col: str) -> None:
    """Give up this process's claim on the row (no-op if another process holds it)."""
    table = model.__table__
    pk = next(iter(table.primary_key.columns))
    session.exec(update(table).where(pk == key, table.c[holder_col] == holder_id())
                 .values({holder_col: None, until_col: None}))
    session.commit()


def expired(until: datetime | None) -> bool:
    return until is None or until < utcnow()

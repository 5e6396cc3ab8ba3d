"""Counts over the whole archive (and the years and sites the filters offer), remembered until the archive changes.

The report list and the findings page show counts over every report (flags, totals, open findings by rule)
that cost tens of milliseconds at a million versions, far more than the rest of the page, yet change only
when a crawl writes. SQLite tells a connection whether anything was committed since it last asked
(``PRAGMA data_version``: another value after any other connection's commit; the web's connections never
write), so each pooled connection keeps what it counted until then. Other databases count every time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy.engine import Connection
from sqlmodel import Session

T = TypeVar("T")

MAX_REMEMBERED = 512     # per connection; the agency search is free text, so the keys are not a closed set
_INFO_KEY = "gxmon_remembered"


def _archive_version(connection: Connection) -> int | None:
    if connection.dialect.name != "sqlite":
        return None
    return connection.exec_driver_sql("PRAGMA data_version").scalar_one()


def remembered(s: Session, key: Hashable, count: Callable[[], T]) -> T:
    """``count()``, or what it returned for ``key`` on this connection while the archive has not changed."""
    connection = s.connection()
    version = _archive_version(connection)
    if version is None:
        return count()
    held_version, values = connection.info.get(_INFO_KEY, (None, {}))
    if held_version != version or len(values) >= MAX_REMEMBERED:
        values = {}
        connection.info[_INFO_KEY] = (version, values)
    if key not in values:
        values[key] = count()
    return values[key]

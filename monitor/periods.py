"""Periods people type (``7d``, ``2026-11-01``); times are shown by ``monitor.timeutil``.

A date means midnight of that day in the configured zone (``[schedule] timezone``, Asia/Shanghai unless set),
so ``--since 2026-11-01`` starts where an officer's 1 November starts, not at 08:00 北京时间.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from monitor.timeutil import DEFAULT_ZONE, utcnow

_SPAN = re.compile(r"^\s*(\d+)\s*([hdw])\s*$", re.IGNORECASE)
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


class PeriodError(ValueError):
    """A period that cannot be read; the message says what is accepted."""


def parse_since(text: str, zone: str = DEFAULT_ZONE, now: datetime | None = None) -> datetime:
    """``7d``, ``12h``, ``2w`` (that long before ``now``) or a date ``2026-11-01`` (its midnight in ``zone``),
    or a date and time ``2026-11-01T08:00``, as an aware UTC datetime."""
    span = _SPAN.match(text)
    if span:
        return (now or utcnow()) - int(span.group(1)) * _UNITS[span.group(2).lower()]
    return parse_moment(text, zone)


def parse_moment(text: str, zone: str = DEFAULT_ZONE, end_of_day: bool = False) -> datetime:
    """A date (its midnight in ``zone``; with ``end_of_day`` the next midnight, so a range ``until`` a day
    includes it) or a date and time in ``zone`` (or with its own offset), as an aware UTC datetime."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            start = datetime.combine(day + timedelta(days=1) if end_of_day else day, time(), ZoneInfo(zone))
            return start.astimezone(UTC)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise PeriodError(f"{text!r} 不是时间段或日期（可写 7d、12h、2w 或 2026-11-01）") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC)

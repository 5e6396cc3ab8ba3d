"""Time in the archive and in front of people.

The archive holds timezone-aware UTC datetimes (SQLite stores them without offset; they read back as UTC).
People read them in one zone, the configured one (``[schedule] timezone``, default Asia/Shanghai), labelled
with the zone's Chinese name, the same in mails, on the command line and on the web pages: ``local_time``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Shanghai"
# What a Chinese reader calls the zone; a zone not listed is named by its tz database name.
ZONE_LABELS = {
    "Asia/Shanghai": "北京时间", "Asia/Chongqing": "北京时间", "Asia/Harbin": "北京时间", "Asia/Urumqi": "乌鲁木齐时间",
    "Asia/Hong_Kong": "香港时间", "Asia/Macau": "澳门时间", "Asia/Taipei": "台北时间",
    "UTC": "协调世界时", "Etc/UTC": "协调世界时",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_timestamp(text: str | None) -> datetime | None:
    """An ISO timestamp from an item (``2024-03-05T06:00:00Z``; naive means UTC) as an aware UTC datetime."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def zone_label(zone: str = DEFAULT_ZONE) -> str:
    """``Asia/Shanghai`` → ``北京时间``."""
    return ZONE_LABELS.get(zone, zone)


def in_zone(value: datetime, zone: str = DEFAULT_ZONE) -> datetime:
    """A stored time (naive means UTC) in ``zone``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(ZoneInfo(zone))


def local_time(value: datetime | None, zone: str = DEFAULT_ZONE, *, labelled: bool = True,
               with_time: bool = True, empty: str = "") -> str:
    """``2026-12-04 17:30（北京时间）``: a stored time as people read it; ``empty`` for no time."""
    if value is None:
        return empty
    text = in_zone(value, zone).strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
    return f"{text}（{zone_label(zone)}）" if labelled and with_time else text

"""Time in the archive: timezone-aware UTC datetimes (SQLite stores them without offset, read back as UTC)."""

from __future__ import annotations

from datetime import UTC, datetime


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

"""A report's versions as its page lists them: the timeline and the choices of the compare form.

A report re-crawled for years has dozens of versions, and the page prints each one three times (its
entry in the timeline and a choice in each of the compare form's two lists), each with its times in the
configured zone. Formatting those times in the template cost a filter call per time per place, more than
the rest of the page; here each version's times are formatted once and the template only prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.archive.queries import ChangeRow, HistoryRow
from monitor.web.render import DATE_LENGTH, shown_time


@dataclass(slots=True)     # not frozen: building a frozen one costs five times as much, and a page has dozens
class TimelineEntry:
    """One version with its times as printed (the zone is named once, in the page's footer)."""

    version: int
    seq: int
    choice: str                 # the compare form's label: 第3版（2026-12-04）
    first_seen: str
    last_seen: str
    digest: str
    errors: int
    warnings: int
    parse_error: str | None
    changes: list[ChangeRow]
    previous: int | None        # the version before it, to compare with; None for the first


def _entry(row: HistoryRow, previous: int | None, zone: str) -> TimelineEntry:
    first_seen = shown_time(row.first_seen, zone)
    day = first_seen[:DATE_LENGTH]      # as shown_time(…, with_time=False) prints it
    return TimelineEntry(row.version, row.seq, f"第{row.seq}版（{day}）", first_seen, shown_time(row.last_seen, zone),
                         row.digest, row.errors, row.warnings, row.parse_error, row.changes, previous)


def timeline(versions: list[HistoryRow], zone: str) -> list[TimelineEntry]:
    """``versions`` (oldest first, as ``version_history`` gives them) as the page prints them."""
    return [_entry(row, versions[i - 1].version if i else None, zone) for i, row in enumerate(versions)]

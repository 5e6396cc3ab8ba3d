"""A report's versions as its page lists them: the timeline and the choices of the compare form.

A report re-crawled for years has dozens of versions. Its page lists the latest ``LATEST`` in full (what
changed, when, and the links to each), newest first, and when it shows an older version, that version with
the ones just before and after it; each run of versions left out is one line (a ``Fold``) linking to the
report's whole history (``/reports/{id}/versions``), where every version is listed. The compare form offers
every version on both pages. Listing fifty versions in full cost more than the rest of the page (~1.5 ms of
template, 50 KB of HTML) and buried the version the page shows.

Each version's times are formatted once, in the configured zone, and the template only prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from monitor.archive.queries import ChangeRow, HistoryRow
from monitor.web.render import DATE_LENGTH, shown_time

LATEST = 10      # versions a report page lists in full, newest first


@dataclass(slots=True)     # not frozen: building a frozen one costs five times as much, and a page has dozens
class TimelineEntry:
    """One version with its times as printed (the zone is named once, in the page's footer)."""

    version: int
    seq: int
    first_seen: str
    last_seen: str
    digest: str
    errors: int
    warnings: int
    parse_error: str | None
    changes: list[ChangeRow]
    previous: int | None        # the version before it, to compare with; None for the first
    folded = False


@dataclass(slots=True)
class Fold:
    """Versions the page leaves out, from ``oldest`` to ``newest`` (their numbers, 第N版)."""

    newest: int
    oldest: int
    count: int
    first_version: int          # the newest of them (an anchor of the whole history)
    folded = True


@dataclass(slots=True)
class Choice:
    version: int
    choice: str                 # the compare form's label: 第3版（2026-12-04）


@dataclass
class Timeline:
    choices: list[Choice]                       # every version, oldest first
    listed: list[TimelineEntry | Fold]          # newest first
    latest: int | None                          # the latest version's id

    def __len__(self) -> int:
        return len(self.choices)

    def options(self, selected: int) -> Markup:
        """The compare form's choices as ``<option>``s, the one at position ``selected`` (from the end when
        negative) selected. Written here: a select of fifty versions through the template cost ~0.5 ms."""
        chosen = selected % len(self.choices)
        return Markup("".join(f'<option value="{c.version}"{" selected" if i == chosen else ""}>{escape(c.choice)}</option>'
                              for i, c in enumerate(self.choices)))


def _entry(row: HistoryRow, previous: int | None, zone: str) -> TimelineEntry:
    return TimelineEntry(row.version, row.seq, shown_time(row.first_seen, zone), shown_time(row.last_seen, zone),
                         row.digest, row.errors, row.warnings, row.parse_error, row.changes, previous)


def _choice(row: HistoryRow, zone: str) -> Choice:
    day = shown_time(row.first_seen, zone)[:DATE_LENGTH]      # as shown_time(…, with_time=False) prints it
    return Choice(row.version, f"第{row.seq}版（{day}）")


def _fold(rows: list[HistoryRow]) -> Fold:
    """``rows``, newest first, as one line."""
    return Fold(rows[0].seq, rows[-1].seq, len(rows), rows[0].version)


def listed_positions(count: int, shown: int | None, everything: bool) -> set[int]:
    """Positions (oldest first) of the versions listed in full: all of them, or the latest ``LATEST`` and,
    when the shown version is older, its own and its neighbours'."""
    if everything or count <= LATEST:
        return set(range(count))
    listed = set(range(count - LATEST, count))
    if shown is not None and shown not in listed:
        listed |= {i for i in (shown - 1, shown, shown + 1) if 0 <= i < count}
    return listed


def timeline(versions: list[HistoryRow], zone: str, shown: int | None = None, everything: bool = False) -> Timeline:
    """``versions`` (oldest first, as ``version_history`` gives them) as a page prints them; ``shown`` is the
    id of the version the page shows; ``everything`` lists every version in full."""
    position = next((i for i, row in enumerate(versions) if row.version == shown), None)
    listed = listed_positions(len(versions), position, everything)
    items: list[TimelineEntry | Fold] = []
    left_out: list[HistoryRow] = []
    for i in reversed(range(len(versions))):
        if i not in listed:
            left_out.append(versions[i])
            continue
        if left_out:
            items.append(_fold(left_out))
            left_out = []
        items.append(_entry(versions[i], versions[i - 1].version if i else None, zone))
    if left_out:
        items.append(_fold(left_out))
    return Timeline([_choice(row, zone) for row in versions], items, versions[-1].version if versions else None)

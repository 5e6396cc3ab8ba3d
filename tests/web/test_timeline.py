"""A report's versions as its page prints them (monitor.web.timeline), and the times every page prints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.archive.queries import HistoryRow
from monitor.timeutil import local_time
from monitor.web.render import shown_time
from monitor.web.timeline import LATEST, Fold, timeline


def row(version: int, seq: int, first_seen: datetime, last_seen: datetime) -> HistoryRow:
    return HistoryRow(version, seq, first_seen, last_seen, "d" * 64, "http://example.gov.cn/", 0, 0, None)


def test_times_are_printed_in_the_zone_and_each_version_links_the_one_before():
    late_evening = datetime(2026, 12, 4, 17, 30, tzinfo=UTC)       # the next morning in Beijing
    rows = [row(7, 1, late_evening, late_evening), row(9, 2, datetime(2026, 12, 6, 1, 0, tzinfo=UTC),
                                                       datetime(2026, 12, 7, 2, 15, tzinfo=UTC))]
    beijing, utc = timeline(rows, "Asia/Shanghai"), timeline(rows, "UTC")
    assert [c.choice for c in beijing.choices] == ["第1版（2026-12-05）", "第2版（2026-12-06）"]
    assert [c.choice for c in utc.choices] == ["第1版（2026-12-04）", "第2版（2026-12-06）"]
    newest, first = beijing.listed
    assert (first.first_seen, newest.last_seen) == ("2026-12-05 01:30", "2026-12-07 10:15")
    assert [e.previous for e in beijing.listed] == [7, None]


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "UTC", "America/New_York"])
def test_times_are_printed_as_local_time_prints_them(zone):
    start = datetime(2019, 1, 1, tzinfo=UTC)
    times = [start + timedelta(hours=7 * i, minutes=13 * i, seconds=i) for i in range(2000)]   # DST changes too
    times.append(datetime(2026, 12, 4, 17, 30))                                                # naive means UTC
    for t in times:
        for with_time in (True, False):
            assert shown_time(t, zone, with_time) == local_time(t, zone, labelled=False, with_time=with_time)
    assert shown_time(None, zone) == "—"


def history(count: int) -> list[HistoryRow]:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [row(100 + seq, seq, start + timedelta(days=seq), start + timedelta(days=seq)) for seq in range(1, count + 1)]


def outline(listed) -> list[str | tuple[int, int, int]]:
    """Entries as their numbers, folds as (oldest, newest, count)."""
    return [(e.oldest, e.newest, e.count) if isinstance(e, Fold) else e.seq for e in listed]


def test_a_long_history_lists_the_latest_versions_and_folds_the_rest_into_one_line():
    rows = history(LATEST + 15)
    shown = timeline(rows, "UTC")
    assert outline(shown.listed) == [*range(LATEST + 15, 15, -1), (1, 15, 15)]
    assert shown.listed[-1].first_version == 115          # the newest left out: the anchor on the whole history
    assert len(shown) == len(shown.choices) == LATEST + 15 and shown.latest == 100 + LATEST + 15
    assert shown.listed[LATEST - 1].previous == 115        # still compared with the version before it
    assert outline(timeline(rows, "UTC", everything=True).listed) == list(range(LATEST + 15, 0, -1))
    assert outline(timeline(history(LATEST), "UTC").listed) == list(range(LATEST, 0, -1))


def test_an_older_version_shown_is_listed_with_the_versions_before_and_after_it():
    rows = history(LATEST + 15)
    assert outline(timeline(rows, "UTC", shown=105).listed) == [*range(LATEST + 15, 15, -1), (7, 15, 9), 6, 5, 4,
                                                                   (1, 3, 3)]
    assert outline(timeline(rows, "UTC", shown=101).listed) == [*range(LATEST + 15, 15, -1), (3, 15, 13), 2, 1]
    assert outline(timeline(rows, "UTC", shown=115).listed) == [*range(LATEST + 15, 13, -1), (1, 13, 13)]


def test_the_compare_form_offers_every_version_with_one_selected():
    shown = timeline(history(LATEST + 5), "UTC")
    older, newer = shown.options(-2), shown.options(-1)
    assert older.count("<option") == newer.count("<option") == LATEST + 5
    assert '<option value="114" selected>第14版（2024-01-15）</option>' in older and " selected" not in older[-60:]
    assert newer.endswith('<option value="115" selected>第15版（2024-01-16）</option>')

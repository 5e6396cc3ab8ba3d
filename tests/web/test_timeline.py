"""A report's versions as its page prints them (monitor.web.timeline), and the times every page prints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.archive.queries import HistoryRow
from monitor.timeutil import local_time
from monitor.web.render import shown_time
from monitor.web.timeline import timeline


def row(version: int, seq: int, first_seen: datetime, last_seen: datetime) -> HistoryRow:
    return HistoryRow(version, seq, first_seen, last_seen, "d" * 64, "http://example.gov.cn/", 0, 0, None)


def test_times_are_printed_in_the_zone_and_each_version_links_the_one_before():
    late_evening = datetime(2026, 12, 4, 17, 30, tzinfo=UTC)       # the next morning in Beijing
    rows = [row(7, 1, late_evening, late_evening), row(9, 2, datetime(2026, 12, 6, 1, 0, tzinfo=UTC),
                                                       datetime(2026, 12, 7, 2, 15, tzinfo=UTC))]
    beijing, utc = timeline(rows, "Asia/Shanghai"), timeline(rows, "UTC")
    assert [e.choice for e in beijing] == ["第1版（2026-12-05）", "第2版（2026-12-06）"]
    assert [e.choice for e in utc] == ["第1版（2026-12-04）", "第2版（2026-12-06）"]
    assert (beijing[0].first_seen, beijing[1].last_seen) == ("2026-12-05 01:30", "2026-12-07 10:15")
    assert [e.previous for e in beijing] == [None, 7]


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "UTC", "America/New_York"])
def test_times_are_printed_as_local_time_prints_them(zone):
    start = datetime(2019, 1, 1, tzinfo=UTC)
    times = [start + timedelta(hours=7 * i, minutes=13 * i, seconds=i) for i in range(2000)]   # DST changes too
    times.append(datetime(2026, 12, 4, 17, 30))                                                # naive means UTC
    for t in times:
        for with_time in (True, False):
            assert shown_time(t, zone, with_time) == local_time(t, zone, labelled=False, with_time=with_time)
    assert shown_time(None, zone) == "—"

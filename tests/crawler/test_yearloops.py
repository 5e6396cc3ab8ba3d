"""The years a script computes: the current year and the years a loop offers (crawler.scripted.yearloops)."""

from __future__ import annotations

import time
from datetime import date

import pytest

from crawler.scripted.yearloops import MAX_LOOPS_TRIED, MAX_YEAR_SHIFT, MAX_YEARS, looped_years, year_value

TODAY = date(2026, 3, 1)


@pytest.mark.parametrize("written, year", [
    ("new Date().getFullYear()", 2026), ("(new Date).getFullYear()", 2026), ("new Date().getFullYear() - 1", 2025),
    ("(new Date()).getFullYear()+1", 2027), ("2023", 2023),
    ("new Date().getMonth()", None), ("new Date(t).getFullYear()", None), ("this.year", None),
])
def test_a_year_is_a_literal_or_the_current_year_shifted(written, year):
    assert year_value(written, TODAY) == year


def test_a_current_year_shifted_further_than_any_filter_is_no_year():
    assert year_value(f"new Date().getFullYear() - {MAX_YEAR_SHIFT}", TODAY) == 2026 - MAX_YEAR_SHIFT
    assert year_value("new Date().getFullYear() - 99", TODAY) is None


@pytest.mark.parametrize("loop, years", [
    ("for (var y = new Date().getFullYear(); y >= 2023; y--)", ["2026", "2025", "2024", "2023"]),
    ("for (var y = new Date().getFullYear(); y > 2023; y -= 1)", ["2026", "2025", "2024"]),
    ("for (let i = 2023; i < new Date().getFullYear(); i++)", ["2025", "2024", "2023"]),
    ("for (var y = 2099; y >= 2024; --y)", ["2027", "2026", "2025", "2024"]),   # never past next year
    ("for (var i = 0; i < 10; i++)", None),                                      # no year's loop
])
def test_a_loop_offers_its_years_newest_first_never_past_next_year(loop, years):
    assert looped_years(f"var years = []; {loop} years.push(y);", TODAY) == ([years] if years else [])


def test_a_loop_offers_at_most_max_years():
    [years] = looped_years("for (var y = new Date().getFullYear(); y >= 1900; y--) years.push(y);", TODAY)
    assert years == [str(y) for y in range(2026, 2026 - MAX_YEARS, -1)]


def test_a_script_of_many_year_loops_is_read_in_bounded_time():
    code = "for (var y = 2024; y >= 2019; y--) a.push(y);\n" * 100_000 + "for (var y = 2026; y >= 2020; y--);"
    started = time.process_time()
    found = looped_years(code, TODAY)
    assert time.process_time() - started < 1
    assert len(found) == MAX_LOOPS_TRIED and ["2026"] not in [f[:1] for f in found]

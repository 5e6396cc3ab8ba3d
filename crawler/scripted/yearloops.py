"""The years a script computes rather than writes: the current year (``new Date().getFullYear()``, minified
``(new Date).getFullYear()``, ± a few years) and the years a loop offers a choice of
(``for (var y = new Date().getFullYear(); y >= 2019; y--) years.push(y)``, also counting up to this year).

What a loop offers is bounded as a choice of years is read: never past next year (a report is of a year past; a
loop to 2099 is no promise of reports), never more than ``MAX_YEARS``, the newest kept."""

from __future__ import annotations

import re
from datetime import date

MAX_YEARS = 15          # years a year-filtered list is asked for
MAX_YEAR_SHIFT = 9      # new Date().getFullYear() - 9: further is no year a list is filtered by
MAX_LOOPS_TRIED = 20    # year loops read per script
_NOW = r"(?:new\s+Date\s*\(\s*\)|\(\s*new\s+Date\s*(?:\(\s*\))?\s*\))\s*\.\s*getFullYear\s*\(\s*\)"
_YEAR = rf"(?:{_NOW}(?:\s*[-+]\s*\d)?|(?:19|20)\d{{2}})"
CURRENT_YEAR = re.compile(rf"^{_NOW}(?:\s*([-+])\s*(\d))?$")
# for (var y = START; y >= END; y--) or for (let y = START; y <= END; y++): the bounds a year each.
_LOOP = re.compile(rf"""for\s*\(\s*(?:var\s+|let\s+)?([A-Za-z_$][\w$]*)\s*=\s*({_YEAR})\s*;\s*\1\s*([<>]=?)\s*"""
                   rf"""({_YEAR})\s*;\s*(?:\1\s*(?:--|\+\+|[-+]=\s*1)|(?:--|\+\+)\s*\1)\s*\)""")


def year_value(written: str, today: date | None = None) -> int | None:
    """The year an expression makes: a literal year, or the current year ± at most ``MAX_YEAR_SHIFT``."""
    written = written.strip()
    if re.fullmatch(r"(?:19|20)\d{2}", written):
        return int(written)
    now = CURRENT_YEAR.match(written)
    if now is None:
        return None
    shift = int(now.group(2) or 0) * (-1 if now.group(1) == "-" else 1)
    return (today or date.today()).year + shift if abs(shift) <= MAX_YEAR_SHIFT else None


def looped_years(code: str, today: date | None = None) -> list[list[str]]:
    """The years each loop of the script offers, newest first, at most ``MAX_YEARS`` of each and none past next
    year; of at most ``MAX_LOOPS_TRIED`` loops."""
    latest = (today or date.today()).year + 1
    found = []
    for _, loop in zip(range(MAX_LOOPS_TRIED), _LOOP.finditer(code)):
        start, end = year_value(loop.group(2), today), year_value(loop.group(4), today)
        if start is None or end is None:
            continue
        strict = "=" not in loop.group(3)   # y > 2018, y < 2026: the bound itself not offered
        if ">" in loop.group(3):
            low, high = end + strict, start
        else:
            low, high = start, end - strict
        years = [str(y) for y in range(min(high, latest), max(low, 1900) - 1, -1)][:MAX_YEARS]
        if years:
            found.append(years)
    return found

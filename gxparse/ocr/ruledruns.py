"""One-digit cells OCR read run together with the table rules before each of them read as 1s.

``0  0  10101010  0`` is 0|0|0|0|0|0|0 whose four middle cells ran together, each rule before them a 1: a run
of 1-and-digit pairs, two pairs at least, the last cell's figure of several digits at times (``1010101010195``). Unlike the zero-led run (``document._RULED_DIGITS``) it may as well be
a count (1010): it is read as cells only where that gives the row its width and no other reading does. A rule
read as 1 glued before one figure (``37 1351`` for 37 | 351) is dropped only where that alone mends the row's sum
(``rules_led``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

# the run, and the figure of several digits ending it after its rule (``1010101010195``: 0|0|0|0|0|95)
_RULES_AS_ONES = re.compile(r"^(?P<pairs>(?:1\d){2,})(?:1(?P<last>\d{2,}))?$")
MAX_RUNS = 4   # runs of a row tried at once: 2**4 readings at most, whatever the line
# a row's figures and rule glyphs read by ``rules_between``: a row of table 三 with a rule read between each of its
# seven cells is some 30 characters; a longer one is too garbled, and its readings too many to weigh
MAX_RULED_CHARS = 48
MAX_RULED_STEPS = 20_000   # steps of the search: ~20 ms; a row of 1s and 0s can branch at every glyph
MAX_RULE_GLYPHS = 3        # glyphs read for one rule (a rule doubled: 0 1|1 2)
_RULE_GLYPHS = "1|l"
_RULED_ROW = re.compile(r"^[0-9|l ]+$")
MAX_RULED_READINGS = 8     # readings of one row handed to the table's balances to choose from
_MAX_DIGITS = 5            # a count of table 三 (a city's 12,345 requests at most) has no more digits


def ruled_reading(values: Sequence[str], width: int, holds: Callable[[list[str]], bool]) -> list[str] | None:
    """The one reading of a row of ``values`` (not ``width`` long) that takes some of its runs as cells
    (``_RULES_AS_ONES``), is ``width`` long and ``holds`` (the row's sums); None if there is none, several, or
    more runs than ``MAX_RUNS``."""
    runs = [i for i, v in enumerate(values) if _RULES_AS_ONES.match(v)]
    if len(values) == width or not runs or len(runs) > MAX_RUNS:
        return None
    readings = []
    for taken in itertools.chain.from_iterable(itertools.combinations(runs, n) for n in range(1, len(runs) + 1)):
        cells = [c for i, v in enumerate(values) for c in (_cells(v) if i in taken else [v])]
        if len(cells) == width and holds(cells):
            readings.append(cells)
    return readings[0] if len(readings) == 1 else None


def rules_between(values: Sequence[str], width: int, holds: Callable[[list[str]], bool],
                  max_steps: int | None = None) -> list[str] | None:
    """The one reading of ``ruled_readings``; None if there is none or several."""
    readings = ruled_readings(values, width, holds, max_steps)
    return readings[0] if readings is not None and len(readings) == 1 else None


def ruled_readings(values: Sequence[str], width: int, holds: Callable[[list[str]], bool],
                   max_steps: int | None = None) -> list[list[str]] | None:
    """The readings of a row of ``values`` in OCR's text (not ``width`` long, or not holding) that take rule
    glyphs (``1``, ``|``, ``l``: one to ``MAX_RULE_GLYPHS`` of them) between its cells, glued to a figure or set off,
    for the table's rules (``0 01 10101010 1`` is 0|0|0|0|0|0|1; ``31 0 1 0 1101010131`` 31|0|0|0|0|0|31 or
    3|0|0|0|0|0|3), are ``width`` long and ``holds``, in order; None past ``MAX_RULED_CHARS`` characters,
    ``max_steps`` steps of the search (``MAX_RULED_STEPS`` unless given) or ``MAX_RULED_READINGS`` readings (a row
    too garbled to tell)."""
    text = " ".join(values)
    if len(text) > MAX_RULED_CHARS or not _RULED_ROW.match(text) or (len(values) == width and holds(list(values))):
        return None
    readings: set[tuple[str, ...]] = set()
    steps = 0
    bound = MAX_RULED_STEPS if max_steps is None else max_steps

    def walk(i: int, cells: tuple[str, ...], glyphs: int, apart: bool) -> bool:
        nonlocal steps
        steps += 1
        if steps > bound:
            return False
        while i < len(text) and text[i] == " ":
            i, apart = i + 1, True
        if i == len(text):
            if len(cells) == width and holds(list(cells)):
                readings.add(cells)
            return True
        if text[i] in _RULE_GLYPHS and glyphs < MAX_RULE_GLYPHS and not walk(i + 1, cells, glyphs + 1, apart):
            return False
        if not text[i].isdigit() or len(cells) == width or cells and not (glyphs or apart):
            return True
        ends = [i + 1] if text[i] == "0" else range(i + 1, min(len(text), i + _MAX_DIGITS) + 1)
        for end in ends:
            if not text[i:end].isdigit():
                break
            if not walk(end, (*cells, text[i:end]), 0, False):
                return False
        return True

    if not walk(0, (), 0, False) or len(readings) > MAX_RULED_READINGS:
        return None
    return [list(cells) for cells in sorted(readings) if list(cells) != list(values)]


def rules_led(values: Sequence[int], holds: Callable[[list[int]], bool]) -> list[int] | None:
    """The one reading of a row of counts that does not hold (``holds``: its sums) taking the leading 1 of some
    of its figures of several digits for the table rule before their cell (``37 | 351`` read ``37 1351``) that
    holds; None where the row holds, where no such reading or several do, or past ``MAX_RUNS`` such figures."""
    if holds(list(values)):
        return None
    led = [i for i, v in enumerate(values) if _rule_led(str(v))]
    if not led or len(led) > MAX_RUNS:
        return None
    readings = []
    for taken in itertools.chain.from_iterable(itertools.combinations(led, n) for n in range(1, len(led) + 1)):
        cells = [int(str(v)[1:]) if i in taken else v for i, v in enumerate(values)]
        if holds(cells):
            readings.append(cells)
    return readings[0] if len(readings) == 1 else None


def _rule_led(figure: str) -> bool:
    """Whether ``figure`` may be a rule read as 1 before a count: 1 and a count no 0 leads (0 alone aside)."""
    return len(figure) > 1 and figure[0] == "1" and (figure[1] != "0" or len(figure) == 2)


def _cells(run: str) -> list[str]:
    """The cells of a run (``_RULES_AS_ONES``): the digit after each rule, and the figure ending it."""
    m = _RULES_AS_ONES.match(run)
    return [*m["pairs"][1::2], *([m["last"]] if m["last"] else [])]  # type: ignore[index]

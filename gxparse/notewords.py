"""Figures followed by a bare note word (``12注``; the HTML reader's ``12（注）`` comes as ``12注``): the word is the
agency's mark, no digit of any figure, so the cell is the figure, whether or not a line below explains the notes
(``注：…``, ``备注：…``, ``（注）…``). A scan is read so only above such a line: there a word after a figure may be a
digit the OCR read as a word (``cells.parse_count`` leaves such a cell unread). A note word naming its note
(``12注1``) stays unread everywhere: the digits after it may be the figure's own."""

from __future__ import annotations

import re
from dataclasses import replace

from gxparse.document import Line, is_value
from gxparse.normalize import squash

NOTE = "注"
# a line explaining notes: the note word opening it, then a colon or the word bracketed (NFKC made ：（） ASCII)
_EXPLAINING = re.compile(rf"^(?:备?{NOTE}[:：]|\({NOTE}\))")


def explains_notes(line: Line) -> bool:
    """A line explaining the notes made above it (``注：…``): text under a table that is no part of a row."""
    return not line.values and _EXPLAINING.match(squash(line.text)) is not None


def _noted(value: str) -> bool:
    """A value cell that is a figure and a bare note word after it (``12注``)."""
    return value.endswith(NOTE) and is_value(value) and is_value(value[:-len(NOTE)])


def figures_noted(lines: list[Line], scanned: bool = False) -> list[Line]:
    """``lines`` with every value cell that is a figure and a bare note word read as the figure; in a scan
    (``scanned``) only on the lines above the last line explaining notes (a note is explained below where it is
    made). One pass each way."""
    last = len(lines)
    if scanned:
        last = next((n for n in range(len(lines) - 1, -1, -1) if explains_notes(lines[n])), -1)
    return [replace(line, values=[v[:-len(NOTE)] if _noted(v) else v for v in line.values])
            if n < last and any(_noted(v) for v in line.values) else line for n, line in enumerate(lines)]

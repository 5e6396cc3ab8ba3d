"""Figures followed by a note word (``12注``; the HTML reader's ``12（注）`` comes as ``12注``): the figure, where
the document explains its notes on a line below (``注：…``, ``备注：…``, ``（注）…``); else the cell stays unread
(``cells.parse_count``: a word after a figure may be a misprint, or a digit a tool read as a word). A note word
naming its note (``12注1``) stays unread: the digits after it may be the figure's own."""

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


def explained_notes(lines: list[Line]) -> list[Line]:
    """``lines`` with every value cell that is a figure and a bare note word read as the figure, on the lines
    above the last line explaining notes (a note is explained below where it is made). One pass each way."""
    last = next((n for n in range(len(lines) - 1, -1, -1) if explains_notes(lines[n])), -1)
    return [replace(line, values=[v[:-len(NOTE)] if _noted(v) else v for v in line.values])
            if n < last and any(_noted(v) for v in line.values) else line for n, line in enumerate(lines)]

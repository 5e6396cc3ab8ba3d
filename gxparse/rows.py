"""Collecting table rows by their labels, across the ways real documents break them.

Handled: labels wrapped over several lines, values on the line after the label, group labels (三、本年度办理结果,
（三）不予公开) printed in front of or above the item label, header lines between rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from gxparse.document import Line
from gxparse.normalize import label_key

_MAX_LINE_LABEL = 60    # characters: a longer label-only line is prose, not part of a table row
_MAX_LABEL = 160        # a wrapped label never grows beyond this


def _is_prose(line: Line) -> bool:
    if line.values:
        return False
    if line.label.rstrip().endswith("。"):
        return True
    # the raw label is never shorter than its key, so most lines need no normalising to decide
    return len(line.label) > _MAX_LINE_LABEL and len(label_key(line.label)) > _MAX_LINE_LABEL


@dataclass
class RawRow:
    key: str | None
    label: str
    values: list[str] = field(default_factory=list)
    where: str = ""
    in_grid: bool = False
    order: int = 0       # place among the rows of one collect_rows call, in document order


class LabelMatcher:
    """Finds which template row a label names: the anchor matching latest in the label wins, because
    the item label comes after the group labels a grid row or a wrapped line carries in front of it."""

    def __init__(self, anchors: Iterable[tuple[str, str]]) -> None:
        self._anchors = [(key, re.compile(pattern)) for key, pattern in anchors]
        self._known: dict[str, str | None] = {}   # labels repeat across documents of one template

    def __call__(self, label: str) -> str | None:
        if label not in self._known:
            if len(self._known) > 10_000:
                self._known.clear()
            self._known[label] = self._match(label)
        return self._known[label]

    def _match(self, label: str) -> str | None:
        text = label_key(label)
        best: tuple[int, int, str] | None = None
        for key, pattern in self._anchors:
            for m in pattern.finditer(text):
                rank = (m.end(), m.end() - m.start(), key)
                if best is None or rank[:2] > best[:2]:
                    best = rank
        return best[2] if best else None


def collect_rows(lines: Iterable[Line], match: LabelMatcher) -> tuple[dict[str, RawRow], list[RawRow]]:
    """Rows by template key (first occurrence wins) and the rows with values that match no template row."""
    rows: dict[str, RawRow] = {}
    extras: list[RawRow] = []
    pending: RawRow | None = None   # a label seen without values yet

    def emit(row: RawRow) -> None:
        row.order = len(rows) + len(extras)
        if row.key is None or row.key in rows:
            extras.append(row)
        else:
            rows[row.key] = row

    for line in lines:
        if _is_prose(line):
            pending = None
            continue
        own = match(line.label) if line.label else None
        if line.values:
            if own is None and pending is not None:
                label = f"{pending.label} {line.label}".strip()
                row = RawRow(match(label) or pending.key, label, line.values, line.where, line.in_grid)
            else:
                row = RawRow(own, line.label, line.values, line.where, line.in_grid)
            emit(row)
            pending = None
        elif own is not None:
            pending = RawRow(own, line.label, [], line.where, line.in_grid)
        elif pending is not None and len(label_key(pending.label)) <= _MAX_LABEL:
            pending.label = f"{pending.label} {line.label}".strip()
            pending.key = match(pending.label) or pending.key
        else:
            pending = RawRow(None, line.label, [], line.where, line.in_grid)
    return rows, extras

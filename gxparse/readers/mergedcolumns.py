"""Columns a table-finding tool merged into one field, read apart where the header shows how many they are.

PyMuPDF's ``find_tables()`` on a print without ruling lines guesses the columns from the text's gaps, and where
two columns' text lies close it makes one column of them: the header field holds both columns' labels (stacked,
``自然人`` over ``商业企业``; side by side, ``本年制发件数 本年废止件数``; two vertical labels a character per line
interleaved, ``结 结`` / ``果 果`` / ``维 纠`` / ``持 正``) and each row's field both figures (``508 2``).

A header field that reads as k column labels of the template (``template.COLUMN_LABELS``), k ≥ 2, heads k
columns. Under it, down to the next field of text in that column, a field of exactly k figures (on each of its
lines: rows stacked in one field stay stacked) is those k cells; a blank field is k blank cells (no text lies
where either column is printed); any other field of figures (one figure for two columns) cannot be placed and
spans the k columns: its row is short of cells, read only where the table's sums fix it (``row.repaired``) and
else unread. In a field of rows stacked a line each, a line of k figures is its row's cells and any other line's
figures are k unread cells of its row. A column is read apart only where a field under its header holds k
figures: the header's evidence and the figures' must agree. Elsewhere in the table its fields span the k
columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from gxparse.cells import UNREAD_FIGURE
from gxparse.document import is_value
from gxparse.layout.grid import SpannedCell
from gxparse.normalize import label_key
from gxparse.template import COLUMN_LABELS

_MAX_HEADER = 48   # characters of a header field read as labels: the template's longest few side by side
_MAX_MERGED = 7    # columns one field may hold: table 三's seven at the most



@dataclass(frozen=True)
class MergedColumn:
    """Column ``column`` of the records holds ``labels`` columns in records ``first`` … ``last - 1``."""

    column: int
    labels: tuple[str, ...]
    first: int
    last: int


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {label_key(label): label for label in COLUMN_LABELS}


@lru_cache(maxsize=1)
def _label_chars() -> frozenset[str]:
    return frozenset("".join(_labels()))


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(map(len, _labels()))


def _side_by_side(pieces: list[str]) -> tuple[str, ...] | None:
    """``pieces`` (label keys) as consecutive column labels, the fewest that read it; None when none do."""
    labels = _labels()
    text = "".join(pieces)
    if not text or len(text) > _MAX_HEADER or not set(text) <= _label_chars():   # a row's label, most fields
        return None
    # best[i]: the fewest labels reading text[:i], as a tuple of them
    best: list[tuple[str, ...] | None] = [()] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - _longest()), end):
            if best[start] is not None and text[start:end] in labels and (
                    best[end] is None or len(best[start]) + 1 < len(best[end])):
                best[end] = (*best[start], labels[text[start:end]])
    return best[-1]


@lru_cache(maxsize=4096)   # a table's header fields repeat page after page
def header_labels(field: str) -> tuple[str, ...] | None:
    """The column labels a header field holds, when it holds two or more: its lines each of k pieces (vertical
    labels side by side, a character of each per line) read column by column, or its text as labels one after
    another."""
    lines = [line.split() for line in field.split("\n") if line.strip()]
    widths = {len(line) for line in lines}
    if len(lines) > 1 and len(widths) == 1 and 1 < (width := widths.pop()) <= _MAX_MERGED:
        columns = [label_key("".join(line[k] for line in lines)) for k in range(width)]
        if all(column in _labels() for column in columns):
            return tuple(_labels()[column] for column in columns)
    read = _side_by_side([label_key(line) for line in field.split("\n")])
    return read if read is not None and 1 < len(read) <= _MAX_MERGED else None


def _figures(field: str) -> list[list[str]] | None:
    """The field's figures line by line, None when it holds anything else (or nothing)."""
    lines = [line.split() for line in field.split("\n") if line.strip()]
    return lines if lines and all(is_value(token) for line in lines for token in line) else None


def _has_text(field: str) -> bool:
    return bool(field.strip()) and _figures(field) is None


def merged_columns(records: list[list[str]]) -> list[MergedColumn]:
    """The columns of ``records`` (normalised fields, of one width) whose header field holds several column
    labels and under which a field holds as many figures on each of its lines."""
    found = []
    width = len(records[0]) if records else 0
    for column in range(width):
        row = 0
        while row < len(records):
            labels = header_labels(records[row][column]) if _has_text(records[row][column]) else None
            if labels is None:
                row += 1
                continue
            last = row + 1
            while last < len(records) and not _has_text(records[last][column]):
                last += 1
            if any((lines := _figures(records[r][column])) and all(len(line) == len(labels) for line in lines)
                   for r in range(row + 1, last)):
                found.append(MergedColumn(column, labels, row, last))
            row = last
    return found


def _apart(field: str, merged: MergedColumn, row: int) -> list[SpannedCell]:
    """The field of ``row`` in a merged column as the cells it covers."""
    count = len(merged.labels)
    if row == merged.first:
        return [(label, 1, 1) for label in merged.labels]
    if not merged.first < row < merged.last or _has_text(field):
        return [(field, 1, count)]
    lines = _figures(field)
    if lines is None:
        return [("", 1, 1)] * count
    if all(len(line) == count for line in lines):
        return [("\n".join(line[k] for line in lines), 1, 1) for k in range(count)]
    if len(lines) > 1 and any(len(line) == count for line in lines):
        # rows stacked in the field (stackedrecords): a line of k figures is its row's k cells, any other line's
        # figures are placed in neither column
        lines = [line if len(line) == count else [UNREAD_FIGURE] * count for line in lines]
        return [("\n".join(line[k] for line in lines), 1, 1) for k in range(count)]
    return [(field, 1, count)]


def spread(records: list[list[str]]) -> list[list[SpannedCell]]:
    """The records as grid rows, each merged column's fields read apart (``merged_columns``)."""
    by_column: dict[int, list[MergedColumn]] = {}
    for merged in merged_columns(records):
        by_column.setdefault(merged.column, []).append(merged)
    # a column merged under headers of other counts has no one width to span: left as it is
    by_column = {c: spans for c, spans in by_column.items() if len({len(m.labels) for m in spans}) == 1}
    rows = []
    for r, record in enumerate(records):
        cells: list[SpannedCell] = []
        for column, field in enumerate(record):
            spans = by_column.get(column)
            if spans is None:
                cells.append((field, 1, 1))
                continue
            merged = next((m for m in spans if m.first <= r < m.last), spans[0])
            cells += _apart(field, merged, r)
        rows.append(cells)
    return rows

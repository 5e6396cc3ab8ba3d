"""A layout table's cell written as one Markdown row → the lines and pipe tables it flattened.

Government CMS pages often put the whole article inside a layout table. markdownify (behind markitdown)
writes a table cell on one line: its paragraphs joined by two or more spaces, and each table nested in it
written inline, its rows one space apart::

    | 一、总体情况  正文……  |  |  |  |  | | --- | --- | --- | --- | | 规章 | 0 | 0 | 0 | | 行政许可 | 12 | | | |

Split at its pipes, such a row is a stream of segments: a cell is `` text `` (one space on each side) or
two spaces (empty); a lone space is either the mark of a column the cell before it spans or the gap between
two rows (the same characters); anything else (prose, ending in the spaces before a table) is no cell.
A nested table is found by its delimiter (`` --- `` segments, its column count): the cells right before it
are its header, the cells after it its rows, read while they parse with that count (see ``_rows``). A
delimiter without rows is a layout table's (its cells hold the article, not figures): only its header text
is kept. What no table takes is prose, a line per run of two or more spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gxparse.document import is_value
from gxparse.template import SECTIONS

_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r"^ ?:?-{3,}:? ?$")
# an inline delimiter: the end of the header row, the gap, two delimiter cells
_INLINE_DELIMITER = re.compile(r"\| \| ?:?-{3,}:? ?\| ?:?-{3,}:? ?\|")
_PARAGRAPH_GAP = re.compile(r"\s{2,}")
_SECTION_HEADING = re.compile("(" + "|".join(re.escape(f"{s.numeral}、{s.title}") for s in SECTIONS) + ")")
# a row's label begins with its number (一、 （一） 1.): a gap before such a label ends the row before it
_ROW_NUMERAL = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、．](?!\d))")
_GAP = " "   # between two rows, or the mark of a spanned column
_EMPTY = "  "
_MIN_COLUMNS = 2   # a statistics table has a label and a figure at least


def has_inline_tables(line: str) -> bool:
    """A pipe row holding tables written inline (a `` | --- | --- |`` delimiter inside it)."""
    return line.lstrip().startswith("|") and _INLINE_DELIMITER.search(line) is not None


def _is_cell(segment: str) -> bool:
    return segment == _EMPTY or (len(segment) >= 3 and segment[0] == " " and segment[-1] == " "
                                 and segment[1] != " " and segment[-2] != " ")


def _is_data_cell(segment: str) -> bool:
    return _is_cell(segment) and not _DELIMITER_CELL.match(segment)


def _is_figure(segment: str) -> bool:
    return segment != _EMPTY and is_value(segment)


def _is_text(segment: str) -> bool:
    return segment != _EMPTY and not is_value(segment)


@dataclass
class _Table:
    header: list[str]   # raw segments, spans (" ") included
    columns: int
    rows: list[list[str]]

    def markdown(self) -> list[str]:
        lines = ["|" + "|".join(self.header) + "|", "|" + " --- |" * self.columns]
        return lines + ["|" + "|".join(row) + "|" for row in self.rows]


def _gap_run(segments: list[str], i: int) -> int:
    """How many gap segments follow position ``i``."""
    m = 0
    while i + 1 + m < len(segments) and segments[i + 1 + m] == _GAP:
        m += 1
    return m


def _closes(segments: list[str], i: int, width: int, columns: int, figures: bool) -> bool:
    """Whether a row at ``width`` going on with the cell at ``i`` can end (at the next gaps, or where the cells
    end) within ``columns`` and without text after its figures (rows print labels, then figures)."""
    while i < len(segments) and _is_data_cell(segments[i]):
        width += 1
        if width > columns or figures and _is_text(segments[i]):
            return False
        figures = figures or _is_figure(segments[i])
        m = _gap_run(segments, i)
        after = i + 1 + m
        if m:   # where the cells end, the gaps beyond the table's width close the cell around it
            return width + m - 1 <= columns or after >= len(segments) or not _is_data_cell(segments[after])
        i += 1
    return True


def _rows(segments: list[str], start: int, columns: int) -> tuple[list[list[str]], int]:
    """The rows of a nested table from ``start`` and where they end. A cell followed by gaps spans one
    column per gap, but the last gap may end the row instead: it does when the row cannot take them all,
    when the next cell begins with a row's number (一、, （一）, 1.), or when going on could not end a row
    (too wide, or a label after figures: the next row's label); where the cells end, every gap left is a
    span. Rows are read while they parse; a row that does not is no part of the table."""
    rows: list[list[str]] = []
    row: list[str] = []
    width, figures, i, row_start = 0, False, start, start
    while i < len(segments) and _is_data_cell(segments[i]):
        cell, m = segments[i], _gap_run(segments, i)
        width += 1
        if width > columns:
            return rows, row_start
        figures = figures or _is_figure(cell)
        row.append(cell)
        after = i + 1 + m
        if not m:
            i += 1
            continue
        if after >= len(segments) or not _is_data_cell(segments[after]):
            # the table ends: its last row's gaps are spans, any more close the cell around the table
            row += [_GAP] * min(m, columns - width)
            i = after
            break
        if width + m - 1 > columns:
            return rows, row_start
        ends = (width + m > columns or _ROW_NUMERAL.match(segments[after].strip()) is not None
                or not _closes(segments, after, width + m, columns, figures))
        row += [_GAP] * (m - 1 if ends else m)
        if ends:
            rows.append(row)
            row, width, figures, row_start = [], 0, False, after
        else:
            width += m
        i = after
    if row:
        rows.append(row)
        row_start = i
    return rows, row_start


def _header(segments: list[str], end: int, floor: int, columns: int) -> int:
    """Where the header row ending before ``end`` starts: up to ``columns`` cells and spans, after ``floor``."""
    start = end
    while start > floor and end - start < columns and (_is_cell(segments[start - 1]) or segments[start - 1] == _GAP):
        start -= 1
    while start < end and segments[start] == _GAP:
        start += 1
    return start


def _prose(segments: list[str]) -> list[str]:
    """A line per paragraph; a section heading written whole is a line of its own (markdownify writes a
    ``<hN>`` inside a cell as bare text: one space, or nothing, between it and its neighbours)."""
    return [line for segment in segments for part in _PARAGRAPH_GAP.split(segment.strip())
            for line in map(str.strip, _SECTION_HEADING.split(part)) if line]


def unflatten(line: str) -> list[str] | None:
    """The lines a row holding inline tables flattened: prose lines and each nested table as a pipe table
    (between blank lines); None when no nested table with rows is found (the row is an ordinary one)."""
    segments = _PIPE.split(line.strip())
    out: list[str] = []
    done, found = 0, False
    i = done
    while i < len(segments):
        if not _DELIMITER_CELL.match(segments[i]) or i == 0 or segments[i - 1] != _GAP:
            i += 1
            continue
        run = i
        while i < len(segments) and _DELIMITER_CELL.match(segments[i]):
            i += 1
        columns = i - run
        start = _header(segments, run - 1, done, columns)
        if columns < _MIN_COLUMNS or start == run - 1:
            continue
        rows, end = _rows(segments, i + 1, columns) if i < len(segments) and segments[i] == _GAP else ([], i)
        out += _prose(segments[done:start])
        table = _Table(segments[start:run - 1], columns, rows)
        if rows:
            found = True
            out += ["", *table.markdown(), ""]
        else:   # a layout table's delimiter: its header's text is prose
            out += _prose(segments[start:run - 1])
        done = i = max(end, i)
    out += _prose(segments[done:])
    return out if found else None

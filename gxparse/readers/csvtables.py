"""Comma-separated tables, as a "table to CSV" step writes what it found in a PDF (pdfplumber's
``extract_tables()`` through Python's ``csv``, camelot's and tabula's CSV export) → document lines.

Each record is a table row and each field a cell, so the tables are read as grids, like HTML tables: a cell
printed over several lines (a quoted field holding line breaks) is one cell whose label lines join while
figures each on a line stay apart (``document.joined_cell_lines``); a merged cell is its first field, the
fields it covered empty. A record of one field (a caption, a line of prose) or a blank line ends a table; so does,
where every record is as wide (Excel's "save as CSV" pads each to the sheet's width), a record of text in its
first field alone.
Fields are normalised one by one, after the CSV is split: NFKC makes a full-width comma (，) of the text a
comma that would split it.
"""

from __future__ import annotations

import csv
import io
import re
from itertools import groupby

from gxparse.document import Document, Line, joined_cell_lines, lines_from_text
from gxparse.layout.grid import expand_spans, grid_lines
from gxparse.limits import check_lines, check_table, table_too_large
from gxparse.normalize import normalize_text
from gxparse.readers.longform import is_long_form, long_form_lines
from gxparse.readers.mergedcolumns import spread
from gxparse.readers.stackedrecords import unstacked_records

_MIN_FIELDS = 3     # a table row of the report has a label and at least two figures or headers
_MIN_RUN = 3        # a table: consecutive records of one width (a caption, a header and a row at the least)
_MIN_RECORDS = 5
# of a CSV's non-blank records, those in tables; a caption, a framed paragraph or a table's ragged page between
# them are the rest (the real reports: 54 % and more; prose and extracted text with commas: 15 % and less)
_TABLE_SHARE = 0.5
_POINT_APART = re.compile(r"\d+ \d+")   # a figure's two digit runs either side of the space its point left


def _records(text: str) -> list[list[str]] | None:
    """The text's records, or None where it is no CSV the module reads (a field over its 128 KB limit)."""
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return None


def _record_lines(text: str, first: int, count: int) -> list[int]:
    """The lines of the file records ``first`` … ``first + count - 1`` start on (a quoted field may span lines);
    read again only to name a table refused, the records' lines are not kept as they are read."""
    reader, starts, line = csv.reader(io.StringIO(text, newline="")), [], 1
    for index, _ in enumerate(reader):
        if index >= first:
            starts.append(line)
        if index + 1 == first + count:
            break
        line = reader.line_num + 1
    return starts


def is_csv(window: str) -> bool:
    """The start of a text is comma-separated tables: of at least ``_MIN_RECORDS`` non-blank records (the last,
    perhaps cut by the window, left out) ``_TABLE_SHARE`` are in runs of ``_MIN_RUN`` records or more of one
    width of ``_MIN_FIELDS`` fields or more. A line of prose or extracted text may hold commas (``3,119件``), but
    never as many as the lines around it."""
    records = [r for r in (_records(window) or [])[:-1] if any(field.strip() for field in r)]
    in_tables = 0
    for width, run in groupby(records, len):
        count = sum(1 for _ in run)
        in_tables += count if width >= _MIN_FIELDS and count >= _MIN_RUN else 0
    return len(records) >= _MIN_RECORDS and in_tables >= _TABLE_SHARE * len(records)


def _point_put_back(lines: list[str]) -> list[str]:
    """A figure whose decimal point the tool wrote on a line of its own (PyMuPDF's ``find_tables``: ``144 4399`` /
    ``.``) with a space where the point stood: the point put back there. Only one space among the digits shows
    where; without one (``961716`` / ``.``) nothing does, and the cell stays as written (unread)."""
    parts = [line.strip() for line in lines if line.strip()]
    if len(parts) == 2 and parts[1] == "." and _POINT_APART.fullmatch(parts[0]):
        return [parts[0].replace(" ", ".")]
    return lines


def _grid_rows(table: list[list[str]], number: int, text: str, first: int) -> list[list[tuple[str, int, int]]]:
    """The table's records (the ``first``-th of ``text`` on) as grid rows, each filled out to the widest; a table
    over ``limits.MAX_TABLE_CELLS`` slots so filled raises ``LimitExceeded`` naming its lines in the file and its
    widest record before a cell is made (one record of 100,000 commas over 70,000 short ones would make 7·10⁹)."""
    widest = max(range(len(table)), key=lambda k: len(table[k]))
    width, where = len(table[widest]), f"表{number}"
    if table_too_large(len(table), width, 0):
        lines = _record_lines(text, first, len(table))
        where += f"（文件第 {lines[0]}–{lines[-1]} 行，最宽的是第 {lines[widest]} 行的 {width} 个字段）"
    check_table(len(table), width, 0, where)
    fields = [[normalize_text(field) for field in record] + [""] * (width - len(record)) for record in table]
    return [[(joined_cell_lines(_point_put_back(text.split("\n"))), rowspan, colspan)
             for text, rowspan, colspan in row] for row in unstacked_records(spread(fields))]


def _first_field_alone(record: list[str]) -> bool:
    return bool(record[0].strip()) and not any(field.strip() for field in record[1:])


def read_csv(text: str) -> Document:
    records = _records(text)
    if records is None:
        return Document(lines_from_text(text), "text")
    check_lines(len(records), "CSV 文件（按记录计）", counted=True)
    if is_long_form(records):   # a data portal's record per figure: put back into tables
        return Document(long_form_lines(records), "csv")
    lines: list[Line] = []
    table: list[list[str]] = []
    tables = 0
    # a spreadsheet's export: every record as wide as the sheet, a caption or prose line its first field alone
    padded = len({len(record) for record in records if record}) == 1
    for index, record in enumerate([*records, []]):
        if len(record) > 1 and not (padded and _first_field_alone(record)):
            table.append(record)
            continue
        if table:
            tables += 1
            rows = _grid_rows(table, tables, text, index - len(table))
            lines += grid_lines(expand_spans(rows, f"表{tables}"), tables)
            table = []
        if record and record[0].strip():
            lines += lines_from_text(record[0])
    return Document(lines, "csv")

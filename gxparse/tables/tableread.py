"""What the readers of tables 二, 三 and 四 return (``TableRead``) and the steps two or more of them share: a
row's meaningful cells, lists of figures, wrapped tails, cell-per-line runs and the order they show, side-by-side
cells left unread, the finding of a repaired row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from gxparse.extraction.cellstream import labelled_runs, StreamRead
from gxparse.cells import UNREAD_FIGURE, parse_count, thousands_readings
from gxparse.document import Line, wrapped_tails
from gxparse.model import WARNING, Cell, Finding, Table
from gxparse.extraction.sidebyside import doubted_cells, side_by_side
from gxparse.arithmetic.placement import holds
from gxparse.arithmetic.realign import RowSum, Vector
from gxparse.rows import MAX_FUZZY_LINES, LabelMatcher, RawRow
from gxparse.template import Column


@dataclass
class TableRead:
    table: Table | None
    findings: list[Finding] = field(default_factory=list)
    extras: list[RawRow] = field(default_factory=list)
    layout: str | None = None   # for table 三: the （六） layout the rows show (None: no （六） row printed)
    rows: dict[str, RawRow] = field(default_factory=dict)   # the printed row each template row was read from
    cell_per_line: bool = False   # printed a cell per line: a row not read is never shown absent (order unsure)
    borrowed: int = 0   # lines of the next section whose figures were this table's (``read_s3``'s ``following``)
    tails: list[str] = field(default_factory=list)   # where the lines of its rows' wrapped tails stand (read or not)


def vector_cells(vector: Vector) -> list[Cell]:
    return [Cell(v, "" if v is None else str(v)) for v in vector]


def repaired_finding(table: str, label: str, raw: RawRow, width: int, vector: Vector, cells: list[str]) -> Finding:
    shown = ", ".join("?" if v is None else str(v) for v in vector)
    return Finding("row.repaired", WARNING,
                   f"{table}「{label}」行（{raw.where}）印有{len(raw.values)}个数（应为{width}个），"
                   f"按表内勾稽关系唯一确定为：{shown}", cells)


def as_listed(row: RawRow, width: int) -> RawRow:
    """A row whose figures were written as a list after its label (``RawRow.listed``): they are its cells in order
    where there are as many as it has (a list leaves no blank cell to find), else none of them is certain (its
    label then quotes the list as printed)."""
    if not row.listed or len(row.values) == width:
        return row
    return replace(row, label=f"{row.label} {row.listed}", values=[UNREAD_FIGURE] * width)


def listed_extras(extras: Sequence[RawRow], widths: set[int]) -> list[RawRow]:
    """The ``extras`` but lists of figures as many as no row's cells (``RawRow.listed``): no row of the table,
    they stay text of its section (table 四's fifteen figures in section 二)."""
    return [row for row in extras if not row.listed or len(row.values) in widths]


def tails_under(rows: dict[str, RawRow], extras: Sequence[RawRow]) -> dict[str, RawRow]:
    """The lines of digits alone that stand right under a text row's line (no blank line, no other line between:
    ``document.wrapped_tails``), by the row's key: the tails its narrow cells wrapped (``行政许可 12`` / ``502``,
    ``行政许可 1 1`` / ``6 9``). A line after a blank line is no tail (a stray figure under a row is the report's
    own)."""
    under = {extra.line: extra for extra in extras
             if extra.line >= 0 and wrapped_tails(extra.label, extra.values, extra.in_grid, extra.after_gap)}
    return {key: under[row.line + 1] for key, row in rows.items()
            if row.line >= 0 and not row.in_grid and row.line + 1 in under}


_PAGE_DIGITS = 3   # a report of a thousand pages or more is none


def may_be_page_number(values: Sequence[str]) -> bool:
    """Whether a line of ``values`` under a row may be the number of its page rather than a wrapped tail: one whole
    number of at most ``_PAGE_DIGITS`` digits, as a row-per-line tool writes a page's footer right after its last
    row (``行政许可 12`` / ``3``); one led by 0 (``082``) is a tail, no page's number."""
    return len(values) == 1 and values[0].isdigit() and len(values[0]) <= _PAGE_DIGITS and values[0][0] != "0"


def cells_apart(row: RawRow | Line) -> bool:
    """Whether a grid or a delimiter (tab, pipe) keeps the row's cells apart: two cells are two figures there,
    never one figure's thousands groups split at a space."""
    return row.in_grid or row.cells_delimited


def meaningful(values: list[str], width: int, apart: bool, sums: Sequence[RowSum] = ()) -> list[str]:
    """Drop blank slots beyond the template width: in a grid they are layout (merged or spacer cells); in text
    split at spaces (not ``apart``), more cells than the width may be a figure's thousands groups
    (``_regrouped``)."""
    if len(values) <= width:
        return values
    filled = [v for v in values if v.strip()]
    if len(filled) <= width:
        return filled
    return values if apart else _regrouped(values, width, sums)


def _regrouped(values: list[str], width: int, sums: Sequence[RowSum]) -> list[str]:
    """A text row's cells with its thousands groups joined (``cells.thousands_readings``) where that gives the
    width: a cell the ways of joining disagree on is unread (``6 1 234 567`` in three: 1,234 and 567, or 1 and
    234,567), and so is every joined cell where the row's sums (``sums``) do not hold, since only the groups'
    shape says to join them. The cells as they are where no joining gives the width."""
    readings = thousands_readings(values, width)
    if readings is None:
        return [UNREAD_FIGURE] * width
    if not readings:
        return values
    cells = [column[0] if len(set(column)) == 1 else UNREAD_FIGURE for column in zip(*readings)]
    figures = tuple(parse_count(cell).value for cell in cells)
    if sums and None not in figures and not holds(figures, sums):
        return [UNREAD_FIGURE if cell not in values else cell for cell in cells]
    return cells


def nonblank(values: Sequence[str]) -> list[str]:
    return [v for v in values if v.strip()]


def unread_side_by_side(read: StreamRead, lines: Sequence[Line], columns: Sequence[Column],
                         spanning: Sequence[str]) -> None:
    """``read`` with the cells of columns whose figures a text box holds side by side (``sidebyside``) unread:
    the stream's order of those figures is the tool's, never their columns'."""
    boxes = side_by_side(lines, [c.label for c in columns], spanning)
    for key, row in list(read.rows.items()) if boxes else ():
        doubted = doubted_cells([f.where for f in row.printed], row.values, len(columns), boxes)
        if doubted and len(row.printed) == len(row.values):
            read.rows[key] = replace(row, values=[UNREAD_FIGURE if n in doubted else v
                                                  for n, v in enumerate(row.values)])


def named_runs(lines: Sequence[Line], match: LabelMatcher, headers_apart: bool = False) -> list[RawRow]:
    """Every run of single figures with the label lines over it, in document order; ``key`` is the row the
    label names (None: none, or several — labels printed together, then their figures, give no row its own);
    ``headers_apart`` as for ``labelled_runs``."""
    rows = []
    tried = 0   # labels compared by edit distance: at most MAX_FUZZY_LINES, as the row grammar's
    for n, run in enumerate(labelled_runs(lines, headers_apart)):
        label = " ".join(run.pieces)
        near = tried < MAX_FUZZY_LINES
        tried += near and match.may_be_near(label)
        key, fuzzy = match.find(label, near)
        if key is not None and {match(" ".join(run.pieces[:k])) for k in range(1, len(run.pieces))} - {None, key}:
            key = None
        rows.append(RawRow(key, label, run.values, run.where, order=n, fuzzy=fuzzy))
    return rows


def labelled_rows(lines: Sequence[Line], match: LabelMatcher) -> dict[str, RawRow]:
    """The rows whose label stands right over their figures in a cell-per-line table; a row named twice is
    neither's."""
    rows: dict[str, RawRow] = {}
    twice = set()
    for row in named_runs(lines, match):
        if row.key is None:
            continue
        if row.key in rows:
            twice.add(row.key)
        rows[row.key] = row
    return {key: row for key, row in rows.items() if key not in twice}


def printed_in_row_order(lines: Sequence[Line], rows: dict[str, RawRow], extras: Sequence[RawRow],
                          keys: Sequence[str], widths: dict[str, int]) -> bool:
    """Whether a table printed a cell per line shows its rows itself (PyMuPDF: each row's label, then its figures,
    row after row): every figure stands in a run right under label lines (``cellstream.labelled_runs``), the row
    grammar gave every run to a row of ``keys`` (no figures under no row), none holds more figures than its
    ``widths``, and the rows come in the order of ``keys``."""
    figures = sum(len(line.values) for line in lines)
    if figures == 0 or sum(len(run.values) for run in labelled_runs(lines)) != figures:
        return False
    return printed_in_boxes(rows, extras, keys, widths)


def printed_in_boxes(rows: dict[str, RawRow], extras: Sequence[RawRow], keys: Sequence[str],
                      widths: dict[str, int]) -> bool:
    """Whether the rows read from a table's text boxes joined (``rowboxes``) show the table row by row: no
    figures under no row, every row one of ``keys``, in their order, none holding more figures than its width."""
    if any(extra.values for extra in extras) or any(key not in widths for key in rows):
        return False
    printed = sorted(rows, key=lambda key: rows[key].order)
    return printed == [key for key in keys if key in rows] and all(len(rows[k].values) <= widths[k] for k in rows)

"""Figures printed with marks no count carries — letters for digits (``O`` for 0, ``l``, ``I`` or ``|`` for 1:
fonts mapped by glyph shape, OCR'd text layers) or a dash before them (``—5``, ``－5``, ``-5``) — read only
where the tables' sums prove the reading.

Such a cell is read unread (``document.marked_figure``, ``document.misread_figure``), its printed text kept
(``cells.UnreadFigure``), or, for a minus sign, as a negative count. A cell of table 三 or 四 is read as its
figure (letters written as digits, the dash left out) when every sum it stands in whose other cells are all read
(its row's, its column's, table 三's balance, table 四's block) holds with that reading, and at least one
does: such a sum leaves its one unknown a single value, so the reading is the only one the table allows. A sum
through other unread cells proves a reading only where its read cells leave 0 to them all on one side (a count is
never negative: each is 0); otherwise it proves nothing. A reading no sum confirms, or one a sum contradicts,
stays unread; so does a figure after a minus sign that the sums read neither way or that no sum weighs (a dash
an extraction put before it: ``-`` or ``—`` for 无 beside it, a rule). Only where the sums read it negative (the
agency's total counts the minus) does it stay the negative count ``value.invalid`` names: the one positive
evidence that the agency printed a negative count. Each figure read so is named in ``cell.marks_read``
(warning): what was printed, and what it was read as. Table 二 has no sums: a figure printed there with a dash
before it stays unread (``cell.unread``, warning), never ``value.invalid``, as one in 三/四 no sum weighs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gxparse.cells import OCR_NOISE
from gxparse.checks import cell_name, not_filled_cells
from gxparse.model import WARNING, Cell, Finding, Report
from gxparse.normalize import normalize_text
from gxparse.template import S3_APPLICANT_COLUMNS, S3_COLUMNS, S3_RESULT_PREFIX, S3_RESULT_TOTAL, S4_COLUMNS

# the letters and marks printed for digits (full-width forms are these once NFKC has normalised the text)
LETTER_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_LETTERED = re.compile(r"^[\dOolI|]{1,9}$")
# dashes of any width before a figure (NFKC has made － a hyphen)
_DASHED = re.compile(r"^[\u2010-\u2015\u2212\u2500\u2501-]+(\d{1,9})$")
_NAMED = 3   # figures a warning names by place; its cells list every one


@dataclass(frozen=True)
class Sum:
    """Cells whose figures add up on both sides: ``left`` = ``right`` (parts = total; table 三's balance)."""

    left: tuple[str, ...]
    right: tuple[str, ...]

    @property
    def cells(self) -> tuple[str, ...]:
        return self.left + self.right


@dataclass(frozen=True)
class _Marked:
    path: str
    cell: Cell       # as read before: unread, or a negative count
    reading: int     # the figure the marks stand for


def marked_reading(printed: str) -> int | None:
    """The count ``printed`` is with its letters written as digits or its dashes left out; None for other text,
    text with no such mark, or a reading with a leading zero (no count is printed so)."""
    text = normalize_text(printed).strip().replace(" ", "")
    if dashed := _DASHED.match(text):
        digits = dashed.group(1)
    else:
        digits = text.translate(LETTER_DIGITS)
        if not _LETTERED.match(text) or digits == text:
            return None
    return None if OCR_NOISE.match(digits) else int(digits)


def table_sums(report: Report) -> list[Sum]:
    """Every sum of tables 三 and 四 (template.md §5): table 三's rows and result columns, its balance
    (新收 + 上年结转 = 办理结果总计 + 结转下年度), table 四's blocks."""
    sums: list[Sum] = []
    s3 = report.s3 or {}
    for row in s3:
        sums.append(Sum(tuple(f"s3.{row}.{c.key}" for c in S3_APPLICANT_COLUMNS), (f"s3.{row}.total",)))
    results = [r for r in s3 if r.startswith(S3_RESULT_PREFIX) and r != S3_RESULT_TOTAL]
    for column in S3_COLUMNS if S3_RESULT_TOTAL in s3 else ():
        sums.append(Sum(tuple(f"s3.{r}.{column.key}" for r in results), (f"s3.{S3_RESULT_TOTAL}.{column.key}",)))
        if {"new_received", "carried_over", "carry_forward"} <= s3.keys():
            sums.append(Sum((f"s3.new_received.{column.key}", f"s3.carried_over.{column.key}"),
                            (f"s3.{S3_RESULT_TOTAL}.{column.key}", f"s3.carry_forward.{column.key}")))
    for block in report.s4 or {}:
        sums.append(Sum(tuple(f"s4.{block}.{c.key}" for c in S4_COLUMNS[:-1]), (f"s4.{block}.total",)))
    return sums


def _known(report: Report, path: str) -> int | None:
    value = report.value(path)
    return value if isinstance(value, int) else None


def _sum_leaves(report: Report, total: Sum, path: str) -> int | None:
    """The one value ``total`` leaves the cell at ``path``: what its read cells leave the unread, where that
    is the cell alone, or where it is 0 for unread cells all on the cell's side (counts are never negative, so
    each of them is 0); None otherwise."""
    same, other = (total.left, total.right) if path in total.left else (total.right, total.left)
    if any(_known(report, c) is None for c in other):
        return None
    values = [_known(report, c) for c in same if c != path]
    left = sum(_known(report, c) for c in other) - sum(v for v in values if v is not None)  # type: ignore[misc]
    return left if None not in values or left == 0 else None


def _leaves(report: Report, path: str, sums: list[Sum]) -> list[int]:
    """What each sum through ``path`` that can weigh it leaves it."""
    return [value for s in sums if path in s.cells and (value := _sum_leaves(report, s, path)) is not None]


def _proved(report: Report, path: str, reading: int, sums: list[Sum]) -> bool:
    left = _leaves(report, path, sums)
    return bool(left) and all(value == reading for value in left)


def _set(report: Report, path: str, cell: Cell) -> None:
    table_key, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    getattr(report, table_key)[row][column] = cell


def _marked_cells(report: Report) -> Iterator[_Marked]:
    for table_key in ("s3", "s4"):
        for row, cols in (getattr(report, table_key) or {}).items():
            for column, cell in cols.items():
                unread = cell.value is None and not cell.invalid
                negative = isinstance(cell.value, int) and cell.value < 0
                if (unread or negative) and (reading := marked_reading(cell.raw)) is not None:
                    yield _Marked(f"{table_key}.{row}.{column}", cell, reading)


def read_marked_figures(report: Report) -> list[Finding]:
    """Reads in place the cells printed with letters for digits or a dash before their figure that the sums
    prove (module doc), one round after another while a reading lets another sum prove more; their warnings,
    a table each. Bounded by the template: each round reads a cell of tables 三 and 四 (190 at most) or ends,
    and weighs each pending cell against its few sums (a row's, a column's, a balance)."""
    _unread_table_two_dashes(report)
    blocked = not_filled_cells(report)   # cells read as 0 that are known not to be: no sum through them holds
    sums = [s for s in table_sums(report) if not blocked & set(s.cells)]
    pending = list(_marked_cells(report))
    for marked in pending:   # unknown while the sums weigh them: a negative count is no figure to add up
        _set(report, marked.path, Cell(None, marked.cell.raw))
    read: list[_Marked] = []
    while proved := [m for m in pending if _proved(report, m.path, m.reading, sums)]:
        for marked in proved:
            _set(report, marked.path, Cell(marked.reading, marked.cell.raw))
        read += proved
        pending = [m for m in pending if m not in proved]
    for marked in pending:
        # a negative count only where the sums read it so (the agency's total counts it): a minus no sum weighs
        # may be the extraction's dash, as table 二's is
        if marked.cell.value is not None and _proved(report, marked.path, marked.cell.value, sums):
            _set(report, marked.path, marked.cell)
    return [_finding(report, [m for m in read if m.path.startswith(table + ".")])
            for table in ("s3", "s4") if any(m.path.startswith(table + ".") for m in read)]


def _unread_table_two_dashes(report: Report) -> None:
    """Table 二's counts printed with a dash before their figure, read as an invalid negative count, made unread
    in place: no sum runs through table 二, so nothing tells a minus the agency printed from a dash mark before a
    count (a column of changes, 2019's 增/减, is signed: its minus is read)."""
    for cols in (report.s2 or {}).values():
        for column, cell in cols.items():
            if cell.invalid and isinstance(cell.value, int) and cell.value < 0 and marked_reading(cell.raw) is not None:
                cols[column] = Cell(None, cell.raw, unit=cell.unit)


def _finding(report: Report, read: list[_Marked]) -> Finding:
    named = "；".join(f"{cell_name(m.path)}印作「{m.cell.raw.strip()}」，读作{m.reading}" for m in read[:_NAMED])
    more = f"等{len(read)}格" if len(read) > _NAMED else ""
    rows = list(dict.fromkeys(m.path.rpartition(".")[0] for m in read))
    return Finding("cell.marks_read", WARNING,
                   f"{named}{more}：数字中印有字母（O作0、l或I作1）或数字前印有横线，按表内勾稽关系唯一读出，"
                   "请对照原件核对",
                   [m.path for m in read], [e for row in rows if (e := report.row_sources.get(row)) is not None][:_NAMED])

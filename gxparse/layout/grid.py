"""Table grids (from HTML, DOCX or PDF) turned into document lines.

A grid is the table with every rowspan/colspan expanded, so each slot holds the cell that covers it. Rows are
then read by label, never by position: the label is the text left of the value columns, the values are the
slots from the first value column on, one per source cell.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gxparse.cells import UNREAD_FIGURE, UnreadFigure
from gxparse.document import Line, is_value, marked_figure, misread_figure
from gxparse.layout.turned import upright
from gxparse.limits import MAX_DIGITS, check_table

MAX_REPEATED_HEADER_ROWS = 4   # header rows a table repeats on a new page (table 三's three), looked back over
_MIN_FIGURES_AROUND_MISREAD = 3   # figures a row needs before letters among them are a misread figure
# A figure with text after it that no reader could make a value of (``508(注)``, ``12万``, ``7*2``): a figure is
# printed there, but which one is not known. Item numbers (``2.重复申请``, ``3.其他``) are labels, never this.
_UNREADABLE_FIGURE = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?\s*(?:\([^()]{1,4}\)|[^\d\s.、()]{1,3})?\s*\S?$")


@dataclass(slots=True)   # not frozen: a frozen __init__ costs several times more, and grids are hot
class GridCell:
    text: str
    origin: int    # identity of the source cell: spanned slots share it
    numeric: bool  # a value cell (number or blank marker), decided once per source cell


Grid = list[list[GridCell | None]]
SpannedCell = tuple[str, int, int]   # a cell as a reader finds it: text, rowspan, colspan


def expand_spans(rows: list[list[SpannedCell]], where: str = "") -> Grid:
    """Expand rows of (text, rowspan ≥ 1, colspan ≥ 1) cells into a rectangular grid of slots.

    The text must already be normalised (``normalize.normalize_text``): readers normalise a whole page or
    file at once, which is much cheaper than normalising cell by cell. A grid over ``limits.MAX_TABLE_CELLS``
    slots (``where`` names the table) raises ``LimitExceeded`` before it is built.
    """
    grid: list[list[GridCell | None]] = [[] for _ in rows]
    origin = 0
    spanned = 0   # slots written by spanning cells: overlapping spans write some slots more than once
    for r, cells in enumerate(rows):
        row = grid[r]
        c = 0
        for text, rowspan, colspan in cells:
            while c < len(row) and row[c] is not None:
                c += 1   # skip slots filled by a rowspan from above
            text = text.strip()
            cell = GridCell(text, origin, bool(text) and is_value(text))
            origin += 1
            if rowspan == colspan == 1 and c == len(row):
                row.append(cell)   # the common case: a plain cell at the end of its row
                c += 1
                continue
            spanned += min(rowspan, len(rows) - r) * colspan
            check_table(len(rows), c + colspan, spanned, where)
            for target in grid[r:r + rowspan]:
                if len(target) < c + colspan:
                    target.extend([None] * (c + colspan - len(target)))
                target[c:c + colspan] = [cell] * colspan
            c += colspan
    width = max((len(row) for row in grid), default=0)
    check_table(len(grid), width, spanned, where)
    return [row + [None] * (width - len(row)) for row in grid]


def _drop_empty_columns(grid: Grid) -> Grid:
    """Spacer columns (empty in every row) carry no cell of the template."""
    if not grid:
        return grid
    keep = [c for c in range(len(grid[0])) if any(row[c] is not None and row[c].text for row in grid)]
    return [[row[c] for c in keep] for row in grid]


_SERIAL_HEADERS = frozenset({"序号", "编号", "序"})
_MIN_SERIALS = 3   # numbered rows: two consecutive figures in a first column can be a table's counts


def _drop_serial_column(grid: Grid) -> Grid:
    """A first column numbering the rows (序号: 1, 2, 3 … down the table, under a header word or none) holds no
    cell of the template; left in, each row's number reads as its first figure or hides its label."""
    if not grid or len(grid[0]) < 2:
        return grid
    numbers: list[int] = []
    last = None
    for row in grid:
        slot = row[0]
        if slot is None or not slot.text or slot.origin == last:
            continue
        if row[1] is slot:   # spans into the next column: a caption or a label, not a row's number
            return grid
        last = slot.origin
        if slot.text in _SERIAL_HEADERS and not numbers:
            continue
        if not slot.text.isdecimal() or len(slot.text) > MAX_DIGITS:   # int() refuses 4,301 digits
            return grid
        numbers.append(int(slot.text))
    if len(numbers) < _MIN_SERIALS or any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return grid
    return [row[1:] for row in grid]


def _first_value_column(row: list[GridCell | None]) -> int | None:
    for c, slot in enumerate(row):
        if slot is not None and slot.numeric:
            return c
    return None


def _first_figure_column(row: list[GridCell | None]) -> int | None:
    """The first slot holding a value or a figure no rule reads, when a value follows it: a row's first
    figure printed with a note (``508(注)``) is where its values begin."""
    first = _first_value_column(row)
    if first is None:
        return None
    c = first
    while c > 0 and row[c - 1] is not None and row[c - 1] is not row[first] and (
            row[c - 1].numeric or unreadable_figure(row[c - 1].text)):
        c -= 1
    return c


def _blank(slot: GridCell | None) -> bool:
    return slot is None or not slot.text


def unreadable_figure(text: str) -> bool:
    """A cell holding a figure and text that makes it no value (``_UNREADABLE_FIGURE``), or a figure with
    letters written for some of its digits or a dash before it (``marked_figure``)."""
    return (bool(_UNREADABLE_FIGURE.match(text)) or marked_figure(text)) and not is_value(text)


def _all_values_from(row: list[GridCell | None], start: int) -> bool:
    """Every slot from ``start`` on is a value, blank, a figure with text no rule reads (an unread figure, never
    label text: read as label, a row of them would be a row printed blank), or (among figures) a figure OCR
    misread as letters. A cell spanning from the label columns is no figure of the row."""
    slots = row[start:]
    label = row[start - 1].origin if start > 0 and row[start - 1] is not None else None
    if all(_blank(slot) or slot.numeric or slot.origin != label and unreadable_figure(slot.text) for slot in slots):
        return True
    figures = sum(1 for slot in slots if slot is not None and slot.numeric and slot.text)
    return figures >= _MIN_FIGURES_AROUND_MISREAD and all(
        _blank(slot) or slot.numeric or misread_figure(slot.text) for slot in slots)


def _value_text(slot: GridCell) -> str:
    return slot.text if slot.numeric or not slot.text else UnreadFigure(slot.text)


def _value_start(grid: Grid) -> int | None:
    """Where the value columns begin: the most common first-value column among rows with values. Rows with
    text after their first value (a header with a misread or numeric heading) count only when no row is
    values to its end. A column blank in every row of values but headed above is a value column left
    empty, not a label column."""
    firsts = [(c, row) for row in grid if (c := _first_figure_column(row)) is not None]
    data = [(c, row) for c, row in firsts if _all_values_from(row, c)] or firsts
    if not data:
        return None
    start = Counter(c for c, _ in data).most_common(1)[0][0]
    rows = [row for _, row in data]
    while start > 0 and all(_blank(row[start - 1]) for row in rows) and any(
            not _blank(row[start - 1]) for row in grid):
        start -= 1
    return start


def _trailing_blanks(row: list[GridCell | None]) -> int:
    """Where the run of printed blank cells that ends the row begins (the row's length when none does; a
    slot no cell covers, at the end of a row a converter left short, is not printed)."""
    c = len(row)
    while c > 0 and row[c - 1] is not None and not row[c - 1].text:
        c -= 1
    return c


_BLANK_ROWS = 2   # rows blank from one column: the template's tables have many, a header's fragment one


def _blank_value_start(grid: Grid) -> int | None:
    """Where the value columns of a table printed without one figure begin (every count of the year zero,
    printed empty), or None when the grid is not such a table. Its rows are a label and then blanks to the
    end, most of them from the same column (a label a lattice cut in two leaves a row blank from further
    left; table 四's one row has no label: blank from the first column), under header rows of which one at
    least is printed in every value column (the others may be short or shifted by a converter's merges).
    Prose or a header that a converter broke into a grid has text after a blank among its rows, or a single
    row ending blank."""
    labelled = [row for row in grid if any(not _blank(slot) for slot in row)]
    starts = Counter(c for row in labelled if (c := _trailing_blanks(row)) < len(row))
    if starts:
        start, count = starts.most_common(1)[0]
    elif len(labelled) < len(grid):
        start, count = 0, _BLANK_ROWS
    else:
        return None
    blank = [_trailing_blanks(row) <= start for row in labelled]
    header = [all(not _blank(slot) for slot in row[start:]) for row in labelled]
    body = blank.index(True) if True in blank else len(labelled)
    fits = all(b or h for b, h in zip(blank[body:], header[body:]))
    return start if any(header[:body]) and fits and count >= _BLANK_ROWS else None


def _distinct(slots: list[GridCell | None]) -> list[GridCell]:
    out: list[GridCell] = []
    for slot in slots:
        if slot is not None and (not out or out[-1].origin != slot.origin):
            out.append(slot)
    return out


def grid_lines(grid: Grid, table_no: int, page: int | None = None) -> list[Line]:
    """One line per grid row with its label cells and its value slots (blank slots kept as '')."""
    grid = _drop_serial_column(_drop_empty_columns(upright(grid)))
    printed = [row for row in grid if any(s is not None and s.text for s in row)]
    start = _value_start(printed)
    if start is None and printed and (blank_start := _blank_value_start(grid)) is not None:
        # a table without a single figure is still a table whose cells are blank, never "no table"; the row
        # of blanks under the headers of a table without row labels (table 四) is kept
        start = blank_start
        grid = grid[grid.index(printed[0]):] if blank_start == 0 else printed
    else:
        grid = printed
    lines = []
    above: set[int] = set()
    for r, row in enumerate(grid, start=1):
        where = f"第{page}页表{table_no}第{r}行" if page else f"表{table_no}第{r}行"
        cells = _distinct(row)
        texts = [s.text for s in cells if s.text]
        # a header or caption row reaching into the value columns is all label
        is_data = start is not None and _all_values_from(row, start)
        if is_data:
            label_cells = [s.text for s in _distinct(row[:start]) if s.text]
            # a row of figures only (another table glued under this one) begins at its first figure
            first = start if label_cells and not all(s.numeric for s in _distinct(row[:start]) if s.text) else (
                _first_figure_column(row) or 0)
            label_cells = [] if first < start else label_cells
            if first == start and (pushed := _figures_left_of(row, start)) < start:
                # a converter that dropped the label's span (DOC → DOCX) left the first figures under the
                # label columns: the label ends at its last word, the figures after it are values
                first = pushed
                label_cells = [s.text for s in _distinct(row[:first]) if s.text]
            # a slot spanned down from the row above is not this row's value
            values = [_value_text(s) for s in _distinct(row[first:]) if s.origin not in above]
            lines.append(Line("\t".join(texts), " ".join(label_cells), values, where, page, in_grid=True))
        else:
            lines.append(_merged_row(texts, where, page))
        above = {s.origin for s in cells}
    return _rows_broken_by_page(lines)


def _rows_broken_by_page(lines: list[Line]) -> list[Line]:
    """The grid's rows with a row a page break cut in two made one again: its label with every value cell
    blank, then only header rows the table repeats (a text its rows above already had), then figures alone,
    as many as the label row's cells: Word and WPS let a row break across pages, its label left on the page
    and its figures printed after the header repeated on the next. Read apart, the figures would be a row of
    no label and the label's row printed blank, read as 0."""
    out: list[Line] = []
    seen: Counter[str] = Counter()   # how many of the rows kept so far print each text
    for line in lines:
        start = len(out) - 1
        while start >= max(0, len(out) - MAX_REPEATED_HEADER_ROWS) and seen[out[start].text] > 1:
            start -= 1   # a repeated header row
        label = out[start] if 0 <= start < len(out) - 1 else None
        if label is not None and line.values and not line.label.strip() and len(line.values) == len(label.values) \
                and label.label.strip() and not any(label.values) and all(line.values):
            out[start] = Line(f"{label.text}\t{line.text}", label.label, line.values, label.where, label.page,
                              in_grid=True)
            continue
        out.append(line)
        seen[line.text] += 1
    return out


def _figures_left_of(row: list[GridCell | None], start: int) -> int:
    """Where a run of figures that reaches the value columns from the left begins, after the row's last
    word (``start`` when the slots just left of the value columns are not all figures)."""
    c = start
    while c > 0 and row[c - 1] is not None and row[c - 1].text and row[c - 1].numeric:
        c -= 1
    words = [slot for slot in row[:c] if slot is not None and slot.text]
    return c if words and c < start else start


_RULE_MARKS = {"|", "丨", "||"}   # a column rule a scan's reading kept as a character: the cell is blank


def _merged_row(texts: list[str], where: str, page: int | None) -> Line:
    """A grid row without value cells read as the text reader reads a line, when it ends in figures: a cell
    holding a rule's remnant (|) is blank, and a last cell of figures separated by spaces (a row whose column
    rules were not found, too short on a scan) is split at them. Figures no rule reads (``_UNREADABLE_FIGURE``)
    are unread values, never label text (a row of labels alone is read as a row printed blank). Such a row is
    never lost."""
    if not texts or not any(ch.isdigit() for ch in texts[-1]):   # a header or caption row, as most are
        return Line("\t".join(texts), " ".join(texts), [], where, page, in_grid=True)
    cells = ["" if t in _RULE_MARKS else UnreadFigure(t) if unreadable_figure(t) else t for t in texts]
    if " " in cells[-1]:
        cells[-1:] = ["" if w in _RULE_MARKS else w for w in cells[-1].split()]
    last_text = max((i for i, c in enumerate(cells) if c and not is_value(c)), default=-1)
    values = cells[last_text + 1:]
    # a row of figures alone is a row only when some could not be read (else a data row took it already)
    if last_text < 0 and UNREAD_FIGURE not in values or sum(1 for v in values if v) < 2:
        return Line("\t".join(texts), " ".join(texts), [], where, page, in_grid=True)
    return Line("\t".join(texts), " ".join(c for c in cells[:last_text + 1] if c), values, where, page, in_grid=True)

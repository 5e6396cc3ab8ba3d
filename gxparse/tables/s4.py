"""Reading table 四 (administrative reconsideration and litigation: a single row of fifteen counts) from document
lines into cells: as a row, in blocks, under its headers, in text boxes or as a list, each reading held to
its blocks' sums.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from gxparse.extraction.cellstream import (Shape, in_no_order_adds_up, is_cell_per_line, read_parts, read_stream,
                                           StreamRow)
from gxparse.cells import (UNREAD_FIGURE, figure_count, holds_figures, listed_figures, lists_figures, parse_count,
                           printed_after, trailing_figures)
from gxparse.document import Line, wrapped_tails
from gxparse.model import WARNING, Cell, Finding, Table
from gxparse.normalize import label_key, squash
from gxparse.extraction.headerorder import headers_against_order
from gxparse.extraction.s4boxes import read_boxed
from gxparse.layout.interleavedblocks import StatedSum, interleaved_readings
from gxparse.arithmetic.placement import block_readings, glued_readings, holds
from gxparse.arithmetic.realign import RowSum, Vector, agreed, candidates
from gxparse.ocr.ruledruns import rules_between, rules_led
from gxparse.rows import RawRow
from gxparse.sections import table_header_lines
from gxparse.extraction.wrappedfigures import drifted_readings, tail_readings, unwrapped_lines
from gxparse.template import (S3_COLUMNS, S3_ROWS, S4_BLOCK_ROW_LABELS, S4_BLOCKS, S4_LITIGATION_HEADER, S4_COLUMNS,
                              S4_COLUMN_WORDS, S4_WIDTH, s4_block_label)
from gxparse.layout.strayfigures import others_last
from gxparse.extraction.textcolumns import (keeps_no_places, spread_by_fitted_scale, spread_by_starts,
                                            spread_under_characters, spread_under_headers)
from gxparse.extraction.linescales import spread_by_line_scales
from gxparse.tables.tableread import (TableRead, as_listed, cells_apart, may_be_page_number, meaningful,
                                      nonblank, repaired_finding, unread_side_by_side, vector_cells)


_S4_SUMS = [RowSum(tuple(range(b * 5, b * 5 + 4)), b * 5 + 4) for b in range(len(S4_BLOCKS))]
_S4_BLOCK_SUM = [RowSum((0, 1, 2, 3), 4)]
_S4_BLOCK_ROWS = tuple((key, re.compile(pattern)) for key, pattern in S4_BLOCK_ROW_LABELS)
_S4_HEADER_WORDS = ("数量", "件数", "合计")
_S4_ROW_LABEL_CHARS = 8   # characters of the data row's label at most (数量, 案件数量（件）)
_S4_COLUMN_CHARS = frozenset("".join(c.label for c in S4_COLUMNS))
_S4_NAMES = frozenset(label_key(c.label) for c in (*S4_BLOCKS, *S4_COLUMNS)) | {label_key(S4_LITIGATION_HEADER)}
_S3_NAMES = frozenset(label_key(c.label) for c in S3_COLUMNS)
_S3_MOST_CELLS = len(S3_COLUMNS) * max(len(rows) for rows in S3_ROWS.values())


def s4_before_heading(lines: Sequence[Line]) -> int:
    """Where table 四 starts in section 三's ``lines`` when the tool wrote section 四's heading after the table: its
    ``S4_WIDTH`` figures last, each after a name of table 四's (``strayfigures.others_last``), and the section
    holding more figures than table 三 has cells (so some are another table's); ``len(lines)`` otherwise."""
    if sum(len(line.values) for line in lines) <= _S3_MOST_CELLS:
        return len(lines)
    start = others_last(lines, _S4_NAMES, _S3_NAMES)
    return start if sum(len(line.values) for line in lines[start:]) == S4_WIDTH else len(lines)
_S4_SPANNING = (S4_LITIGATION_HEADER, *(b.label for b in S4_BLOCKS))
_S4_PITCH_SLACK = 0.5   # characters two steps of one header line may differ by and still be one pitch
_S4_HEADER_TOLERANCE = 1.5   # characters between the places of two header words of one column (centred words)
_S4_TOTAL_CHARS = frozenset(label_key(S4_COLUMNS[-1].label))   # 总计's: no result column's header holds them


def _s4_value_lines(lines: Sequence[Line]) -> list[Line]:
    """The data row of table 四 has no label (or a short one such as 数量): a longer one naming 数量 or 件数 is prose
    ending in a figure (本年度行政复议、行政诉讼案件数量合计 56, the table a picture), no row of it."""
    return [ln for ln in lines if ln.values and (not ln.label or any(w in ln.label for w in _S4_HEADER_WORDS)
                                                  and len(label_key(ln.label)) <= _S4_ROW_LABEL_CHARS)]


def _s4_stream(lines: Sequence[Line]) -> TableRead | None:
    """Table 四 printed a cell per line: its 15 figures, read in order when nothing breaks them or its sums hold."""
    read = read_stream(lines, Shape.even(("s4",), S4_WIDTH, _S4_SUMS))
    if read is None:
        return None
    unread_side_by_side(read, lines, S4_COLUMNS, _S4_SPANNING)
    row = read.rows.get("s4")
    shape = Shape.even(tuple(b.key for b in S4_BLOCKS), len(S4_COLUMNS), _S4_BLOCK_SUM)
    if row is None and not in_no_order_adds_up(lines, len(S4_BLOCKS), len(S4_COLUMNS)):
        # its sums broke where another order would keep them: the blocks whose own sums hold are read where the
        # stream puts them
        blocks = read_parts(lines, shape)
        if blocks is not None:
            unread_side_by_side(blocks, lines, S4_COLUMNS, _S4_SPANNING)
        return _s4_blocks_read(blocks.rows if blocks else {}, lines[0].where)
    if row is None:   # no order keeps its sums: the report's, read as the stream gives it
        whole = read_parts(lines, Shape.even(("s4",), S4_WIDTH))
        row = whole.rows["s4"] if whole else None
    if row is None:
        return _s4_blocks_read({}, lines[0].where)
    values = [row.values[b * 5:(b + 1) * 5] for b in range(len(S4_BLOCKS))]
    return _s4_blocks_read({block.key: StreamRow(v, row.where, "", False) for block, v in zip(S4_BLOCKS, values)},
                           row.where)


def _s4_blocks_read(blocks: dict[str, StreamRow], where: str) -> TableRead:
    table: Table = {}
    rows: dict[str, RawRow] = {}
    for block in S4_BLOCKS:
        read = blocks.get(block.key)
        cells = [parse_count(v) for v in read.values] if read else [Cell(None)] * len(S4_COLUMNS)
        table[block.key] = dict(zip((col.key for col in S4_COLUMNS), cells))
        rows[block.key] = RawRow(block.key, "", read.values if read else [], read.where if read else where)
    return TableRead(table, rows=rows, cell_per_line=True)


def _s4_block_rows(lines: Sequence[Line]) -> TableRead | None:
    """Table 四 printed a block per row (``S4_BLOCK_ROW_LABELS``): read when all three blocks are there."""
    found: dict[str, Line] = {}
    for line in lines:
        if not line.label or not line.values:
            continue
        label = squash(line.label)
        block = next((key for key, pattern in _S4_BLOCK_ROWS if pattern.search(label)), None)
        if block is not None and block not in found:
            found[block] = line
    if len(found) != len(S4_BLOCKS):
        return None
    table: Table = {}
    findings: list[Finding] = []
    rows: dict[str, RawRow] = {}
    placed: list[str] = []
    width = len(S4_COLUMNS)
    for block in S4_BLOCKS:
        line = found[block.key]
        values = meaningful(line.values, width, cells_apart(line), _S4_BLOCK_SUM)
        cells = [parse_count(v) for v in values]
        rows[block.key] = RawRow(block.key, line.label, list(line.values), line.where)
        if (blank := _s4_blank(cells, 1)) is not None:
            cells = blank
            placed += [f"s4.{block.key}.{c.key}" for c, cell in zip(S4_COLUMNS, cells) if cell.value is not None]
        elif len(cells) != width:
            readings = candidates([c.value for c in cells], width, _S4_BLOCK_SUM)  # type: ignore[misc]
            vector = readings[0] if len(readings) == 1 else (agreed(readings) if readings else (None,) * width)
            cells = vector_cells(vector)
            if len(readings) == 1 and None not in vector:
                findings.append(repaired_finding("表四", block.label, rows[block.key], width, vector,
                                          [f"s4.{block.key}.{c.key}" for c in S4_COLUMNS]))
        table[block.key] = {col.key: cells[i] for i, col in enumerate(S4_COLUMNS)}
    return TableRead(table, findings + _s4_placed_by_sum(placed, rows[S4_BLOCKS[0].key]), rows=rows)


def _s4_cell_rows(lines: Sequence[Line]) -> TableRead | None:
    """Table 四 written down the page, a row per cell (类别 · 结果 · 数量: ``行政复议 结果维持 | 5``), as pages too narrow
    for its fifteen columns print it: read where every line of figures holds one, its label ends in a result
    column's word (``S4_COLUMN_WORDS``) after its block's (or after nothing: the block is the line above's, a rowspan a tool wrote
    once), and each of the fifteen cells is printed once; else not this layout."""
    found: dict[tuple[str, str], Line] = {}
    block = None
    for line in lines:
        if not line.values:
            continue
        label = label_key(line.label)
        column, word = next(((c, w) for c in S4_COLUMNS for w in S4_COLUMN_WORDS[c.key] if label.endswith(w)),
                            (None, ""))
        if len(line.values) != 1 or column is None:
            return None
        named = label[:-len(word)]
        if named:
            block = next((key for key, pattern in _S4_BLOCK_ROWS if pattern.search(named)), None)
        if block is None or (block, column.key) in found:
            return None
        found[(block, column.key)] = line
    if len(found) != S4_WIDTH:
        return None
    table: Table = {b.key: {c.key: parse_count(found[(b.key, c.key)].values[0]) for c in S4_COLUMNS}
                    for b in S4_BLOCKS}
    rows = {b.key: RawRow(b.key, found[(b.key, S4_COLUMNS[0].key)].label,
                          [found[(b.key, c.key)].values[0] for c in S4_COLUMNS], found[(b.key, S4_COLUMNS[0].key)].where)
            for b in S4_BLOCKS}
    return TableRead(table, rows=rows)


def _s4_blank(cells: Sequence[Cell], blocks: int) -> list[Cell] | None:
    """Table 四's cells (``blocks`` blocks of five) printed two or more figures short, zeros printed as empty cells:
    the figures cut in order into the blocks, each block's 总计 the sum of its results (``placement.block_readings``);
    a cell every reading agrees on is read (a 0 no figure printed is blank), the rest unread. None when the row is
    not that short, holds an unreadable figure, or prints a 0: a table that prints its zeros leaves none empty, so
    its missing figures were lost (printed elsewhere, cut off), not blank."""
    values = [cell.value for cell in cells]
    width = len(S4_COLUMNS)
    if len(values) > blocks * width - 2 or None in values or 0 in values:
        return None
    readings = block_readings(values, blocks, width, _S4_BLOCK_SUM)  # type: ignore[arg-type]
    if not readings:
        return None
    vector = agreed(readings)
    return [Cell(None) if v is None else Cell(v, "" if v == 0 else str(v), blank=v == 0) for v in vector]


_MAX_JOINS_TRIED = 5000   # ways to join wrapped counts tried at most
# steps of the search for table 四's line with rules read between its fifteen cells (``s4_rules_between``): one line
# a document, branching more than a row of table 三's seven (~0.1 s)
MAX_S4_RULED_STEPS = 100_000


def _s4_unwrapped(value_lines: Sequence[Line], tails_alone: bool = False) -> list[Vector]:
    """The readings of table 四's row printed long where a narrow cell wrapped a count over two lines (``3 0 0 0
    3 1`` / ``8`` for …3, 18): as many joins of a line's last figure with the next line's first as the row has
    figures too many, each reading one under which every block adds up; with ``tails_alone`` only joins with a
    line of one figure alone between the row's lines (``_s4_tail_lines``). A row with more ways to join than
    ``_MAX_JOINS_TRIED`` (a figure per line, many too many) is not tried: its time would have no bound."""
    lines = [[v for v in line.values if v] for line in value_lines]
    if not all(v.isascii() and v.isdigit() for line in lines for v in line):
        return []
    breaks = list(itertools.accumulate(len(line) for line in lines))[:-1]
    if tails_alone:
        breaks = [at for n, at in enumerate(breaks) if n + 1 in _s4_tail_lines(lines)]
    values = [v for line in lines for v in line]
    extra = len(values) - S4_WIDTH
    if extra <= 0 or math.comb(len(breaks), extra) > _MAX_JOINS_TRIED:
        return []
    out = []
    for joins in itertools.combinations(breaks, extra):
        joined = list(values)
        for at in reversed(joins):
            if joined[at - 1] == "0":
                break
            joined[at - 1:at + 1] = [joined[at - 1] + joined[at]]
        else:
            vector = tuple(int(v) for v in joined)
            if holds(vector, _S4_SUMS):
                out.append(vector)
    return out


def _s4_tail_lines(lines: Sequence[Sequence[str]]) -> set[int]:
    """The lines of one figure alone between the lines of table 四's row printed long: where a row-per-line tool
    (pypdf, pdfium) writes a narrow cell's wrapped tail, a little lower than the row, on a line of its own between
    the row's pieces (``3 0 0 0 3 1`` / ``8`` / ``5 1 0 2`` / ``4`` / ``7 0 0 0 7``). The last line is none: a line
    after the row may be its page's number."""
    return {n for n in range(1, len(lines) - 1) if len(lines[n]) == 1}


def _s4_tails_held(heads: Sequence[str], tails: Sequence[str]) -> list[Vector]:
    """Every way of writing ``tails`` in order on to table 四's fifteen ``heads`` (``tail_readings``) under which
    every block adds up, found block by block (a block's five figures take a run of the tails: at most
    ``C(5, k)`` ways each, where the row's ways together may be thousands). More readings than
    ``_MAX_JOINS_TRIED`` give one reading of no cell, so that none is taken as the only one."""
    width = len(S4_COLUMNS)
    if len(tails) > S4_WIDTH:   # more tails than figures: no way
        return []
    blocks = [heads[b * width:(b + 1) * width] for b in range(len(S4_BLOCKS))]
    out: list[Vector] = []
    for split in itertools.product(range(min(len(tails), width) + 1), repeat=len(S4_BLOCKS)):
        if sum(split) != len(tails):
            continue
        starts = list(itertools.accumulate(split, initial=0))
        options = [_s4_block_tails(block, tails[start:start + k]) for block, start, k in zip(blocks, starts, split)]
        if math.prod(len(o) for o in options) + len(out) > _MAX_JOINS_TRIED:
            return [(None,) * S4_WIDTH]
        out += [tuple(v for block in chosen for v in block) for chosen in itertools.product(*options)]
    return out


def _s4_block_tails(heads: Sequence[str], tails: Sequence[str]) -> list[Vector]:
    """The ways of writing ``tails`` on to one block's five ``heads`` under which the block adds up."""
    readings = tail_readings(heads, tails) if tails else [list(heads)]
    return [counts for values in readings or []
            if None not in (counts := tuple(parse_count(v).value for v in values)) and holds(counts, _S4_BLOCK_SUM)]


def _s4_placed_by_sum(cells: Sequence[str], row: RawRow) -> list[Finding]:
    if not cells:
        return []
    return [Finding("cell.placed_by_sum", WARNING,
                    f"表四（{row.where}）印出的数字少于列数（空白按0读取），各数所在的列只由各栏的总计等于其余四列之和确定；"
                    f"这些数字已无法再由表内合计检验，请对照原件核对", list(cells))]


def _s4_under_headers(lines: Sequence[Line], value_lines: Sequence[Line]) -> list[str] | None:
    """Table 四's row of figures printed short laid under the 15 column headers of a header line above it
    (layout-kept text, ``textcolumns``), when every block then adds up: its values, blank cells ``""``."""
    if len(value_lines) != 1 or not (row := value_lines[0]).value_offsets:
        return None
    above = lines[:next(n for n, line in enumerate(lines) if line is row)]
    # pdftotext -layout lays each page on a grid of its own: a header a page break cuts is read on the row's page
    return next((laid for lines_above in _s4_header_pages(above, row) if (laid := _s4_laid(row, lines_above))),
                None)


def _s4_header_pages(above: Sequence[Line], row: Line) -> list[Sequence[Line]]:
    """The header lines to lay ``row`` under: those on its own page first where a page break stands among them."""
    same_page = [line for line in above if line.page == row.page]
    return [same_page, above] if row.page is not None and len(same_page) < len(above) else [above]


def _s4_laid(row: Line, above: Sequence[Line]) -> list[str] | None:
    """``row`` laid under the column headers of the lines ``above`` it, when every block then adds up."""
    headers = _s4_header_places(above)
    laid = spread_under_headers(row.values, row.value_offsets, headers) if headers else None
    if laid is None and (starts := _s4_header_places(above, starts=True)) is not None:
        laid = spread_by_starts(row.values, row.value_offsets, starts)
    if laid is None and (characters := _s4_character_starts(above)) is not None:
        laid = spread_under_characters(row.values, row.value_offsets, characters)
    if laid is None:
        laid = _s4_fitted_under_headers(row, above)
    if laid is None and (header_lines := _s4_header_line_columns(above)):
        laid = spread_by_line_scales(row.values, row.value_offsets, header_lines, S4_WIDTH)
    if laid is None and (results := _s4_result_places(above)) is not None:
        laid = spread_under_headers(row.values, row.value_offsets, results)
    counts = [parse_count(v).value for v in laid or []]
    if laid is None or None in counts or not holds(tuple(counts), _S4_SUMS):
        return None
    return laid


def _s4_fitted_under_headers(row: Line, above: Sequence[Line]) -> list[str] | None:
    """Table 四's row laid under its column headers on a scale fitted between them and its figures
    (``textcolumns.spread_by_fitted_scale``: PyMuPDF's sorted text spaces each line anew), the columns' places
    taken from the best evidence the header gives: one line printing a header piece of every column (its own
    places, which no other line's spacing shifts); else header lines each stepping by one pitch (columns of one
    width: their places 0 … 14); else the header words' starts over all lines."""
    columns = _s4_line_starts(above)
    if columns is None and (starts := _s4_header_places(above, starts=True)) is not None:
        columns = [float(c) for c in range(S4_WIDTH)] if _s4_header_pitched(above) else starts
    return spread_by_fitted_scale(row.values, row.value_offsets, columns) if columns else None


def _s4_header_line_columns(lines: Sequence[Line]) -> list[list[tuple[int, float]]]:
    """Each line of table 四's column headers as its words' (column, middle): a word's column the one of
    ``_s4_header_places`` it stands within ``_S4_HEADER_TOLERANCE`` of; [] unless those make 15 columns."""
    columns = _s4_header_places(lines)
    if columns is None:
        return []
    out = []
    for line in lines:
        words = []
        for _, middle in _s4_header_cells(line):
            nearest = min(range(S4_WIDTH), key=lambda c: abs(columns[c] - middle))
            if abs(columns[nearest] - middle) > _S4_HEADER_TOLERANCE:
                return []
            words.append((nearest, middle))
        out += [words] if words else []
    return out


def _s4_header_cells(line: Line) -> list[tuple[str, float]]:
    """The cells of a line of table 四's column headers with their offsets ([] for any other line)."""
    cells = line.text.split("\t")
    if line.values or len(cells) != len(line.offsets):
        return []
    if not all((key := label_key(cell)) and set(key) <= _S4_COLUMN_CHARS for cell in cells):
        return []
    return list(zip(cells, line.offsets))


def _s4_line_starts(lines: Sequence[Line]) -> list[float] | None:
    """Where table 四's fifteen columns start by the one header line printing a header word or character of
    every column (结 / 果 / 他 …, 结果 / 其他 …); None unless exactly one line does."""
    whole = [[offset - len(cell) / 2 for cell, offset in cells]
             for line in lines if len(cells := _s4_header_cells(line)) == S4_WIDTH]
    return whole[0] if len(whole) == 1 else None


def _s4_header_pitched(lines: Sequence[Line]) -> bool:
    """Whether every line of table 四's column headers (two words or more) steps from word to word by whole
    pitches of one (``结果维持 结果纠正 …`` five characters each; two over a column whose word is on another
    line): columns of one width, however the tool indents each line."""
    steps = [b - a for line in lines if len(cells := _s4_header_cells(line)) > 1
             for a, b in itertools.pairwise(offset - len(cell) / 2 for cell, offset in cells)]
    pitch = min(steps, default=0.0)
    return pitch > 0 and all(abs(step - round(step / pitch) * pitch) <= _S4_PITCH_SLACK for step in steps)


_S4_HEADER_CHARS = frozenset(label_key(S4_LITIGATION_HEADER + "".join(c.label for c in (*S4_BLOCKS, *S4_COLUMNS))))


def s4_header_piece(line: Line) -> bool:
    """A line printing only words or pieces of words of table 四's header (总 / 计, 结果维持), no figure."""
    return bool(line.label) and not line.values and set(label_key(line.label)) <= _S4_HEADER_CHARS


def _s4_after_headers(lines: Sequence[Line], first: bool = False) -> list[Line]:
    """The lines after the last one printing only words of table 四's header (with ``first``, after the first
    such line): its data row lies under its header, so figures a tool wrote before the header's words (table
    三's boxes, which pdfminer.six may put after section 四's heading) are no cells of it; [] when no such line
    stands among figures. The first header line serves where the tool wrote the column headers' pieces among
    the figures (持 / 18 / 正 / 5, pdfminer.six's default boxes order)."""
    header = [n for n, line in enumerate(lines) if line.label and not line.values
              and set(label_key(line.label)) <= _S4_HEADER_CHARS]
    if not header:
        return []
    at = header[0] if first else header[-1]
    if not any(line.values for line in lines[:at]):
        return []
    return list(lines[at + 1:])


def s4_review_start(lines: Sequence[Line], header: int) -> int:
    """Where table 四 printed without its heading starts, given ``header``, the index of its first line of header
    words (``table_header_lines``: 行政诉讼, 复议后起诉, …; not 行政复议, which prose names too): the review block's
    label (行政复议) stands left of them in the header row, so a tool writing the table a column box at a time puts
    that block's header and figures before them. The index of a line printing that label alone when only table
    四's header pieces and figures stand between it and ``header``; else ``header``."""
    review = label_key(S4_BLOCKS[0].label)
    for n in range(header - 1, -1, -1):
        line = lines[n]
        if line.label and not line.values and label_key(line.label) == review:
            return n
        if line.label and not set(label_key(line.label)) <= _S4_HEADER_CHARS:
            return header
    return header


def _s4_header_places(lines: Sequence[Line], starts: bool = False, columns: int = S4_WIDTH) -> list[float] | None:
    """Where table 四's 15 columns stand in layout-kept text: the places of the column-header words above its
    figures (结果维持 … 总计, whole on one line or wrapped over several, 结果 / 维持, a character a line), a column
    wherever such words stand within ``_S4_HEADER_TOLERANCE`` of each other; None unless they make ``columns``
    columns. The words' middles, or with ``starts`` their first characters' places."""
    places = sorted(offset - (len(cell) / 2 if starts else 0) for line in lines if not line.values and line.offsets
                    for cell, offset in zip(line.text.split("\t"), line.offsets)
                    if (key := label_key(cell)) and set(key) <= _S4_COLUMN_CHARS)
    found: list[list[float]] = []
    for place in places:
        if found and place - found[-1][-1] <= _S4_HEADER_TOLERANCE:
            found[-1].append(place)
        else:
            found.append([place])
    return [sum(c) / len(c) for c in found] if len(found) == columns else None


def _s4_result_places(lines: Sequence[Line]) -> list[float] | None:
    """Table 四's 15 columns where its header words show only each block's four result columns (the header's
    last line after a page break: ``持 正 果 结``, 总计 ended a line above, on the page before): each block's
    总计 stands one column width (its results' mean step) right of its fourth result; None unless the words make
    those twelve columns and none is 总计's."""
    words = [label_key(cell) for line in lines if not line.values and line.offsets for cell in line.text.split("\t")]
    if any(set(word) & _S4_TOTAL_CHARS for word in words):
        return None
    results = _s4_header_places(lines, columns=len(S4_BLOCKS) * (len(S4_COLUMNS) - 1))
    if results is None:
        return None
    width = len(S4_COLUMNS) - 1
    places: list[float] = []
    for block in range(len(S4_BLOCKS)):
        first, *_, last = results[block * width:(block + 1) * width]
        places += [*results[block * width:(block + 1) * width], last + (last - first) / (width - 1)]
    return places


def _s4_character_starts(lines: Sequence[Line]) -> list[float] | None:
    """Where table 四's 15 columns start in layout-kept text whose column headers are printed a character per
    line (结 / 果 / 维 / 持): the columns where such characters stand; None unless they make 15."""
    starts = {offset - len(cell) / 2 for line in lines if not line.values and line.offsets
              for cell, offset in zip(line.text.split("\t"), line.offsets)
              if len(key := label_key(cell)) == 1 and key in _S4_COLUMN_CHARS}
    return sorted(starts) if len(starts) == S4_WIDTH else None


def _any_read(read: TableRead) -> bool:
    return read.table is not None and any(c.value is not None for cells in read.table.values() for c in cells.values())


def _cells_unread(read: TableRead) -> bool:
    return read.table is not None and any(c.value is None for cells in read.table.values() for c in cells.values())


def _reads_more(read: TableRead, than: TableRead) -> bool:
    """Whether ``read`` reads every cell ``than`` reads, the same, and more: two readings of one table's text that
    agree where both read, the fuller one kept (a stream that leaves a block unread, its boxes that place it)."""
    if read.table is None or than.table is None:
        return False
    pairs = [(cell, than.table[row][column]) for row, cells in read.table.items() for column, cell in cells.items()]
    return (all(mine.value == theirs.value for mine, theirs in pairs if theirs.value is not None)
            and sum(mine.value is not None for mine, _ in pairs) > sum(theirs.value is not None for _, theirs in pairs))


def _s4_vector(read: TableRead) -> Vector:
    """Table 四's cells as read, block by block (None: unread)."""
    table = read.table or {}
    return tuple((table.get(b.key) or {}).get(c.key, Cell(None)).value for b in S4_BLOCKS for c in S4_COLUMNS)


def _s4_boxed(lines: Sequence[Line], known: Vector = (None,) * S4_WIDTH,
              stated: Sequence[StatedSum] = ()) -> TableRead | None:
    """Table 四 from boxes holding a figure under its column's header words, or right after them (``s4boxes``):
    the cells every assignment keeping the boxes, the blocks' sums, the ``known`` cells (another reading's) and
    where it can the prose's ``stated`` totals agrees on, named as placed by the sums."""
    read = read_boxed(lines, known, stated)
    if read is None:
        return None
    prose = "及第一部分所述的合计" if read.by_prose else ""
    return _s4_solved([v for block in read.blocks for v in block], read.where,
                      "各数所在的格只由其上方（或紧挨其前）的列名（及栏名）、一栏五数相连印出时的先后和各栏的总计等于"
                      f"其余四列之和{prose}唯一确定")


def _s4_interleaved(lines: Sequence[Line], stated: Sequence[StatedSum]) -> TableRead | None:
    """Table 四 whose blocks' figures a tool wrote interleaved, each block's left to right (``interleavedblocks``):
    the cells every split of the stream into blocks that add up, named as the prose's stated totals allow,
    agrees on, named as placed by the sums."""
    figures = [parse_count(v).value for line in lines for v in line.values]
    if not lines or not stated or None in figures:
        return None
    readings = interleaved_readings(figures, stated)  # type: ignore[arg-type]
    if not readings:
        return None
    return _s4_solved(list(agreed(readings)), lines[0].where,
                      "各栏的数字只由各栏五数的先后、各栏的总计等于其余四列之和及第一部分所述的合计确定")


def _s4_solved(vector: Sequence[int | None], where: str, how: str) -> TableRead | None:
    """Table 四 from cells a text's order does not show but its sums placed (block-major, None: unread), named
    in one ``cell.solved_by_sum`` saying ``how``; None when no cell is placed."""
    if all(v is None for v in vector):
        return None
    table: Table = {}
    rows: dict[str, RawRow] = {}
    width = len(S4_COLUMNS)
    for number, block in enumerate(S4_BLOCKS):
        values = vector[number * width:(number + 1) * width]
        table[block.key] = {c.key: Cell(None) if v is None else Cell(v, str(v)) for c, v in zip(S4_COLUMNS, values)}
        rows[block.key] = RawRow(block.key, "", [UNREAD_FIGURE if v is None else str(v) for v in values], where)
    cells = [f"s4.{b.key}.{c.key}" for n, (b, c) in enumerate(itertools.product(S4_BLOCKS, S4_COLUMNS))
             if vector[n] is not None]
    finding = Finding("cell.solved_by_sum", WARNING,
                      f"表四（{where}起）逐格输出，数字顺序已无法从文本看出；{how}；这些数字已无法再由表内合计检验，请对照原件核对",
                      cells)
    return TableRead(table, [finding], rows=rows, cell_per_line=True)


def s4_stated(figures: Mapping[str, int]) -> list[StatedSum]:
    """The sums of table 四's cells the prose states (``narrative.stated_figures``' keys ``s4.<block>.<column>``,
    joined by ``+`` for a sum of cells), as cell indices block-major."""
    index = {f"s4.{b.key}.{c.key}": n for n, (b, c) in enumerate(itertools.product(S4_BLOCKS, S4_COLUMNS))}
    return [StatedSum(tuple(index[part] for part in key.split("+")), value) for key, value in figures.items()
            if all(part in index for part in key.split("+"))]


def read_s4(lines: Sequence[Line], stated: Sequence[StatedSum] = ()) -> TableRead:
    """Table 四 from its section's lines; ``stated``: sums of its cells the prose of section 一 states."""
    read = _s4_by_layout(lines, stated)
    if _any_read(read):
        return read
    # its fifteen figures on one line, or on one line and the digits a narrow column wrapped under it
    return (_s4_whole_line(lines) or _s4_whole_line(unwrapped_lines(lines)) or _s4_drifted_wrap(lines)
            or _s4_tails_without_places(lines) or _s4_listed(lines) or _s4_label_figures(lines) or read)


def s4_rules_read_as_ones(read: TableRead) -> TableRead:
    """Table 四 of OCR's text with each block whose sum fails read where the leading 1 of some of its figures is
    the table rule before their cell (``ocr.ruledruns.rules_led``: tesseract's ``37 1351 113 14 18 1 26`` for
    37 | 351 | 13 | 4 | 8 | 1 | 26), said by ``row.repaired``; a block no such reading alone mends stays as read."""
    if read.table is None:
        return read
    table = {block: dict(cells) for block, cells in read.table.items()}
    findings = list(read.findings)
    for block, cells in table.items():
        values = [cell.value for cell in cells.values()]
        if len(values) != len(S4_COLUMNS) or not all(isinstance(v, int) for v in values):
            continue
        reading = rules_led(values, lambda row: sum(row[:-1]) == row[-1])  # type: ignore[arg-type]
        if reading is None:
            continue
        table[block] = {column: Cell(value, str(value)) if value != cell.value else cell
                        for (column, cell), value in zip(cells.items(), reading)}
        findings.append(Finding("row.repaired", WARNING,
                                f"表四「{s4_block_label(block)}」栏识别为{' '.join(map(str, values))}，合计不成立；"
                                f"部分数字开头的1当是其前的表格线（OCR把竖线读成了1），按该栏合计唯一确定为："
                                f"{' '.join(map(str, reading))}", [f"s4.{block}.{c}" for c in cells]))
    return replace(read, table=table, findings=findings)


def s4_rules_between(lines: Sequence[Line], read: TableRead) -> TableRead:
    """Table 四 of OCR's text of which ``read`` read no cell, read from the one line of its section whose figures,
    with the rule glyphs read between its cells taken for rules (``ocr.ruledruns.rules_between``: tesseract's
    ``1 1 0 01|1211101010 1|12|10111013`` for 1|1|0|0|2|1|0|0|0|1|2|0|1|0|3), are its fifteen cells in one reading
    alone that keeps every block's sum, said by ``row.repaired``; ``read`` unless exactly one line reads so."""
    if _any_read(read):
        return read
    readings = [(line, cells) for line in lines if line.values
                and (cells := rules_between(line.values, len(S4_BLOCKS) * len(S4_COLUMNS), _s4_blocks_hold,
                                            MAX_S4_RULED_STEPS)) is not None]
    if len(readings) != 1:
        return read
    line, cells = readings[0]
    row = RawRow("s4", line.label, cells, line.where)
    finding = Finding("row.repaired", WARNING,
                      f"表四（{line.where}）识别为{' '.join(line.values)}，其中的1与竖线当是表格线（OCR把竖线读成了1），"
                      f"按各栏合计唯一确定为：{' '.join(cells)}",
                      [f"s4.{block.key}.{column.key}" for block in S4_BLOCKS for column in S4_COLUMNS])
    return TableRead(_s4_table([parse_count(v) for v in cells]), [finding], rows={b.key: row for b in S4_BLOCKS})


def _s4_blocks_hold(cells: list[str]) -> bool:
    values = [int(v) for v in cells]
    width = len(S4_COLUMNS)
    return all(sum(values[b:b + width - 1]) == values[b + width - 1] for b in range(0, len(values), width))


def _s4_table(cells: Sequence[Cell]) -> Table:
    """Table 四 from its fifteen cells in printed order, block by block."""
    return {block.key: {col.key: cells[b * 5 + i] for i, col in enumerate(S4_COLUMNS)}
            for b, block in enumerate(S4_BLOCKS)}


def _s4_listed(lines: Sequence[Line]) -> TableRead | None:
    """Table 四 written as one list of its fifteen figures alone on a line (``5，17，3，…``: no cell reads them)
    where no line holds a value cell: the list is its row in order, read as printed (its sums are the report's)."""
    if any(line.values for line in lines):
        return None
    whole = [line for line in lines if _s4_list_alone(line)]
    if len(whole) != 1:
        return None
    line, figures = whole[0], listed_figures(whole[0].label).figures
    row = RawRow("s4", line.label, list(figures), line.where, listed=line.label)
    return TableRead(_s4_table([parse_count(v) for v in figures]), rows={block.key: row for block in S4_BLOCKS})


def _s4_label_figures(lines: Sequence[Line]) -> TableRead | None:
    """Table 四's row printed in its label's cell (a converter merged the cells: ``数量 5 17 3 …`` before empty
    cells) where no line holds a figure in a cell of its own and one line's label ends in figures: its figures in
    order where they are fifteen, else the row unread (never a table printed blank, ``read_blank_s4``)."""
    if any(figure_count(line.values) for line in lines):
        return None
    ending = [(line, label) for line in lines if (label := trailing_figures(line.label)).figures]
    if len(ending) != 1:
        return None
    line, label = ending[0]
    row = RawRow("s4", label.label, list(label.figures), line.where, listed=printed_after(line.label, label.label))
    if label.count != S4_WIDTH:
        row = as_listed(row, S4_WIDTH)
        return TableRead(_s4_table([Cell(None)] * S4_WIDTH), rows={block.key: row for block in S4_BLOCKS})
    return TableRead(_s4_table([parse_count(v) for v in label.figures]), rows={block.key: row for block in S4_BLOCKS})


def _s4_whole_line(lines: Sequence[Line]) -> TableRead | None:
    """Table 四 printed whole on one line of its fifteen figures, each block adding up, among lines of stray
    figures no layout could place (text tools put the columns of a table cut by a page break after it): the
    only such line is the table."""
    whole = [line for line in lines if len(line.values) == S4_WIDTH]
    counts = [parse_count(v).value for v in whole[0].values] if len(whole) == 1 else []
    if not counts or None in counts or not holds(tuple(counts), _S4_SUMS):
        return None
    row = RawRow("s4", whole[0].label, list(whole[0].values), whole[0].where)
    return TableRead(_s4_table([Cell(count) for count in counts]), rows={block.key: row for block in S4_BLOCKS})


def _s4_drifted_wrap(lines: Sequence[Line]) -> TableRead | None:
    """Table 四's one line of fifteen figures with the digits a narrow column wrapped on the line under it, drifted
    from the figures they continue (``drifted_readings``: PyMuPDF's sorted text spaces each line anew): read where
    exactly one way of writing them on keeps every block's sum, named in ``row.repaired``; None otherwise."""
    whole = [n for n, line in enumerate(lines[:-1]) if len(line.values) == S4_WIDTH]
    if len(whole) != 1:
        return None
    line, below = lines[whole[0]], lines[whole[0] + 1]
    held = [counts for values in drifted_readings(line, below) or []
            if None not in (counts := tuple(parse_count(v).value for v in values)) and holds(counts, _S4_SUMS)]
    if len(held) != 1:
        return None
    row = RawRow("s4", line.label, [*line.values, *below.values], line.where)
    finding = repaired_finding("表四", "行政复议、行政诉讼", row, S4_WIDTH, held[0],
                               [f"s4.{b.key}.{c.key}" for b in S4_BLOCKS for c in S4_COLUMNS])
    return TableRead(_s4_table([Cell(count, str(count)) for count in held[0]]), [finding],
                     rows={block.key: row for block in S4_BLOCKS})


def _s4_tails_without_places(lines: Sequence[Line]) -> TableRead | None:
    """Table 四's one line of fifteen figures whose narrow cells each wrapped a figure of two digits or more after
    its first digit, the tails on the line right under it in order and nothing showing which figures they continue
    (its figures a space apart, ``keeps_no_places``: ``3 0 0 0 3 1 5 1 0 2 …`` / ``8 4``: …, 18, 5, 1, 0, 24):
    the cells every way of writing them on that keeps every block's sum agrees on (``_s4_tails_held``), named in
    ``row.repaired`` where the way is one; None where no way is, or where the line under may be the page's number
    (``may_be_page_number``: a row-per-line tool writes it right after the page's last row). Tried after the
    readings by places (``unwrapped_lines``, ``_s4_drifted_wrap``), which know more."""
    whole = [n for n, line in enumerate(lines[:-1]) if len([v for v in line.values if v]) == S4_WIDTH]
    if len(whole) != 1:
        return None
    line, tail = lines[whole[0]], lines[whole[0] + 1]
    if (line.in_grid or not keeps_no_places(line.values, line.value_offsets) or may_be_page_number(tail.values)
            or not wrapped_tails(tail.label, tail.values, tail.in_grid, tail.after_gap)):
        return None
    readings = _s4_tails_held([v for v in line.values if v], tail.values)
    if not readings:
        return None
    vector = agreed(readings)
    row = RawRow("s4", line.label, [*line.values, *tail.values], line.where)
    findings = [] if len(readings) > 1 else [Finding(
        "row.repaired", WARNING,
        f"表四（{line.where}）的数字被窄格折行，尾数印在下一行（{tail.where}：{' '.join(tail.values)}），"
        f"按各栏总计等于其余四列之和唯一确定为：{', '.join(map(str, vector))}",
        [f"s4.{b.key}.{c.key}" for b in S4_BLOCKS for c in S4_COLUMNS])]
    return TableRead(_s4_table(vector_cells(vector)), findings, rows={block.key: row for block in S4_BLOCKS})


def _s4_by_layout(lines: Sequence[Line], stated: Sequence[StatedSum]) -> TableRead:
    if (down := _s4_cell_rows(lines)) is not None:
        return down
    if is_cell_per_line(lines) and headers_against_order(lines, [c.label for c in S4_COLUMNS]):
        # the header pieces among the figures show the stream is not in the table's order: only the boxes place,
        # or each block's figures in order with the blocks interleaved; the prose's totals name the boxes' blocks
        # only where neither reads a cell without them
        return (_s4_boxed(lines) or _s4_interleaved(lines, stated) or _s4_boxed(lines, stated=stated)
                or _s4_blocks_read({}, lines[0].where))
    stream = _s4_stream(lines) if is_cell_per_line(lines) else None
    if stream is not None and _any_read(stream):
        boxed = _s4_boxed(lines, _s4_vector(stream)) if _cells_unread(stream) else None
        return boxed if boxed is not None and _reads_more(boxed, stream) else stream
    if is_cell_per_line(lines) and (boxed := _s4_boxed(lines)) is not None:
        return boxed
    if stream is not None:
        return stream
    after = _s4_after_headers(lines)
    last = _s4_stream(after) if is_cell_per_line(after) else None
    if last is None or not _any_read(last):
        # the figures after the first header words: only a reading that reads a cell replaces the last's
        after = _s4_after_headers(lines, first=True)
        if is_cell_per_line(after) and (first := _s4_stream(after)) is not None and _any_read(first):
            return first
    if last is not None:
        return last
    if (by_block := _s4_block_rows(lines)) is not None:
        return by_block
    value_lines = _s4_value_lines(lines)
    if not value_lines:
        return TableRead(None)
    printed_values = [v for ln in value_lines for v in ln.values]
    label = trailing_figures(value_lines[0].label)
    # the row's first figures printed in its label's cell (数量 5 / 17 / 3 …, a converter's merge): read in order
    # only where they and the cells' are fifteen; else the cells alone, whose figures' columns nothing then shows
    if len(value_lines) == 1 and label.figures and label.count + len(printed_values) == S4_WIDTH:
        printed_values = [*label.figures, *printed_values]
    values = meaningful(printed_values, S4_WIDTH, any(cells_apart(ln) for ln in value_lines), _S4_SUMS)
    cells = [parse_count(v) for v in values]
    findings = []
    # the row as printed (``12 502``), not as joined: a finding quotes what the reader can find in the report
    printed = RawRow("s4", value_lines[0].label, printed_values, value_lines[0].where)
    if len(cells) != S4_WIDTH and (laid := _s4_under_headers(lines, value_lines)) is not None:
        cells = [parse_count(v) for v in laid]
    if (blank := _s4_blank(cells, len(S4_BLOCKS))) is not None:
        cells = blank
        findings += _s4_placed_by_sum([f"s4.{b.key}.{c.key}" for n, (b, c) in enumerate(
            (b, c) for b in S4_BLOCKS for c in S4_COLUMNS) if cells[n].value is not None], printed)
    elif len(cells) != S4_WIDTH:
        readings = candidates([c.value for c in cells], S4_WIDTH, _S4_SUMS)  # type: ignore[misc]
        # a figure a narrow cell wrapped is as likely as one too many, but where each figure too many stands alone
        # on a line between the row's pieces (``_s4_tail_lines``) and joining them all makes every block add up,
        # the lines show the wrap: a figure dropped instead would leave those lines unexplained
        wrapped = _s4_unwrapped(value_lines, tails_alone=True) if len(cells) > S4_WIDTH else []
        tails = _s4_tail_lines([nonblank(ln.values) for ln in value_lines])
        if len(wrapped) == 1 and len(tails) == len(cells) - S4_WIDTH:
            readings = wrapped
        elif len(cells) > S4_WIDTH:
            readings = list(dict.fromkeys([*readings, *_s4_unwrapped(value_lines)]))
        if all(None in reading for reading in readings):   # no figure lost alone: cells whose gaps were lost?
            readings = glued_readings(values, S4_WIDTH, _S4_SUMS) or readings
        vector = readings[0] if len(readings) == 1 else (agreed(readings) if readings else (None,) * S4_WIDTH)
        cells = vector_cells(vector)
        if len(readings) == 1 and None not in vector:
            findings.append(repaired_finding("表四", "数据", printed, S4_WIDTH, vector,
                                      [f"s4.{b.key}.{c.key}" for b in S4_BLOCKS for c in S4_COLUMNS]))
    return TableRead(_s4_table(cells), findings, rows={block.key: printed for block in S4_BLOCKS})


def read_blank_s4(lines: Sequence[Line]) -> TableRead | None:
    """Table 四 printed with every cell blank (a year without reviews or suits, in a report that leaves zeros
    blank): its column headers and not one figure among its lines. Read as 15 blank zeros, which the checks say
    are blank. Only for text printed a row per line: a cell stream may have put its figures elsewhere."""
    header = table_header_lines(lines, "s4")
    if not header or any(figure_count(line.values) or lists_figures(line.text) or holds_figures(line.label)
                         for line in lines):
        return None
    printed = RawRow("s4", header[-1].text, [], header[-1].where)
    table: Table = {block.key: {col.key: Cell(0, "", blank=True) for col in S4_COLUMNS} for block in S4_BLOCKS}
    return TableRead(table, rows={block.key: printed for block in S4_BLOCKS})


def _s4_list_alone(line: Line) -> bool:
    """A line that is one list of table 四's fifteen figures and nothing else (``0，0，…``: ``_s4_listed``)."""
    listed = listed_figures(line.label)
    return not line.values and not listed.label and listed.count == S4_WIDTH


def s4_candidate_lines(lines: Sequence[Line]) -> list[Line]:
    """Unlabelled rows of 14–16 numbers (blank grid slots of merged cells not counted), and lines that are one
    list of its fifteen figures alone (``_s4_listed``, read as printed as under its heading): table 四 printed
    without its heading."""
    return [ln for ln in lines if not ln.label and S4_WIDTH - 1 <= s4_candidate_figures(ln) <= S4_WIDTH + 1
            or _s4_list_alone(ln)]


def s4_candidate_figures(line: Line) -> int:
    """How many figures a line of ``s4_candidate_lines`` holds: its filled cells, or the figures it lists."""
    return S4_WIDTH if _s4_list_alone(line) else len([v for v in line.values if v])

"""Reading the tables of sections 二, 三 and 四 from document lines into cells.

Rows are found by label (``rows.collect_rows``); rows with too few or too many numbers are realigned with the
table's own arithmetic (``realign``) and used only when exactly one reading satisfies every rule.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from gxparse.extraction.cellstream import (
    TILING_BUDGET,
    HeaderRun,
    LabelledRun,
    Shape,
    column_boxes,
    header_runs,
    in_no_order_adds_up,
    is_cell_per_line,
    is_column_header,
    labelled_runs,
    lay_run,
    named_columns,
    read_parts,
    read_flow,
    read_stream,
    StreamRead,
    StreamRow,
    boxes_of,
)
from gxparse.cells import (OCR_NOISE, UNREAD_FIGURE, figure_count, holds_figures, joins_group, listed_figures,
                           lists_figures, parse_count, parse_money, printed_after, thousands_readings,
                           trailing_figures)
from gxparse.document import Line, wrapped_tails
from gxparse.arithmetic.multiset import Budget, solve_blank_rows, solve_rows
from gxparse.arithmetic.tiling import Box, Layout, Undecided, tile
from gxparse.model import WARNING, Cell, Finding, Table
from gxparse.normalize import CJK_CHAR, label_key, squash
from gxparse.extraction.headerorder import headers_against_order
from gxparse.extraction.s4boxes import read_boxed
from gxparse.extraction.sidebyside import doubted_cells, side_by_side
from gxparse.arithmetic.placement import (Balance, blank_readings, block_readings, consistent_readings, glued_readings,
                                          holds)
from gxparse.arithmetic.realign import RowSum, Vector, agreed, candidates, solve
from gxparse.fuzzy import NearestLabel
from gxparse.rows import Collected, LabelMatcher, RawRow, collect_rows
from gxparse.sections import table_header_lines
from gxparse.extraction.rowboxes import joined_boxes, under_labels
from gxparse.extraction.splitrows import RowShape
from gxparse.extraction.wrappedfigures import tail_readings, unwrapped_lines
from gxparse.template import (
    S2_CONTENT_HEADER,
    S2_ITEMS,
    S3_ALL_ROWS,
    S3_APPLICANT_COLUMNS,
    S3_APPLICANT_HEADER,
    S3_COLUMNS,
    S3_NAMELESS_LABELS,
    S3_ORG_HEADER,
    S3_OTHER_SINGLE,
    S3_OTHER_SPLIT,
    S3_RESULT_PREFIX,
    S3_RESULT_TOTAL,
    S3_ROWS,
    S4_BLOCK_ROW_LABELS,
    S4_BLOCKS,
    S4_LITIGATION_HEADER,
    S4_COLUMNS,
    S4_WIDTH,
    Column,
    Item,
    s3_row_cells,
    s3_row_label,
)
from gxparse.extraction.scaledheader import spread_under_scaled_header
from gxparse.extraction.textcolumns import (header_middles, header_starts, spread_by_fitted_scale, spread_by_starts,
                                             spread_short_rows, spread_under_characters, spread_under_headers, spread_under_starts)
from gxparse.extraction.linescales import spread_by_line_scales
from gxparse.extraction.totalruns import spread_by_total_runs


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


def _vector_cells(vector: Vector) -> list[Cell]:
    return [Cell(v, "" if v is None else str(v)) for v in vector]


def _repaired(table: str, label: str, raw: RawRow, width: int, vector: Vector, cells: list[str]) -> Finding:
    shown = ", ".join("?" if v is None else str(v) for v in vector)
    return Finding("row.repaired", WARNING,
                   f"{table}「{label}」行（{raw.where}）印有{len(raw.values)}个数（应为{width}个），"
                   f"按表内勾稽关系唯一确定为：{shown}", cells)


# ---------------------------------------------------------------------------------------------------
# 二

# What agencies print before an item's label, in label_key form: the sub-table's caption in a column of its own
# (第二十条第（一）项), a serial-number column (序号), or a numbering of their own (1. / 1、 / （一） / 一、). An
# item's anchor is held to the label's start (``^规章``), so without these the row names nothing.
_S2_LABEL_PREFIX = r"(?:第二十条第\([一二三四五六七八九十]{1,2}\)项)?(?:\d{1,2}\.?|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2})?"


def _s2_anchor(anchor: str) -> str:
    return "^" + _S2_LABEL_PREFIX + anchor[1:] if anchor.startswith("^") else anchor


S2_MATCHER = {version: LabelMatcher((item.key, _s2_anchor(item.anchor)) for item in items)
              for version, items in S2_ITEMS.items()}


def _parse_item_cell(item: Item, column: str, raw: str) -> Cell:
    if column in item.money:
        return parse_money(raw)
    return parse_count(raw, signed=column in item.signed)


def _s2_by_position(rows: dict[str, RawRow], extras: list[RawRow], items: Sequence[Item]) -> list[Finding]:
    """An item of table 二 not found by its label is the row of figures printed right before the item after it
    or right after the item before it, when that row has the item's width, a figure at least, and names nothing (a short label
    OCR misread: 规章 → 大); an item so placed places its neighbour in turn (规章 and 行政规范性文件 both
    misread). Moves such rows from ``extras`` into ``rows``, with a warning for each."""
    findings = []
    by_order = {r.order: r for r in extras}
    placed = True
    while placed:
        placed = False
        for n, item in enumerate(items):
            if item.key in rows:
                continue
            width = len(item.columns)
            near = [rows[items[n + 1].key].order - 1] if n + 1 < len(items) and items[n + 1].key in rows else []
            near += [rows[items[n - 1].key].order + 1] if n > 0 and items[n - 1].key in rows else []
            # a row of blank slots only (a header row of the next table under a caption left without its row)
            # shows no figure of the item
            row = next((by_order[o] for o in near if o in by_order and len(by_order[o].values) == width
                        and _filled(by_order[o].values)), None)
            if row is None:
                continue
            extras.remove(row)
            del by_order[row.order]
            rows[item.key] = replace(row, key=item.key)
            placed = True
            findings.append(Finding(
                "row.by_position", WARNING,
                f"表二的行名「{row.label}」（{row.where}）不是模板中的行名；它印在「{item.label}」的位置，按位置读作「{item.label}」",
                [f"s2.{item.key}.{c.key}" for c in item.columns]))
    return findings


@dataclass
class _HeaderCells:
    """Cells of table 二 read from runs of figures right under their column's header words: by item, by column."""

    cells: dict[str, dict[str, str]]
    where: dict[str, str]

    def rows(self, items: Sequence[Item]) -> dict[str, RawRow]:
        """The items every column of which was read so."""
        return {item.key: RawRow(item.key, "", [self.cells[item.key][c.key] for c in item.columns], self.where[item.key],
                                 order=n)
                for n, item in enumerate(items) if len(self.cells.get(item.key, {})) == len(item.columns)}

    def disagree(self, item: Item, values: Sequence[str]) -> bool:
        """Whether ``values`` (the item read by its label, a figure a column) give a column another figure."""
        cells = self.cells.get(item.key, {})
        return any(c.key in cells and cells[c.key] != v for c, v in zip(item.columns, values))


def _s2_by_headers(lines: Sequence[Line], items: Sequence[Item]) -> _HeaderCells:
    """Table 二's cells read from the runs of figures printed right under one column's header words
    (``cellstream.header_runs``): a run is that column of the sub-table (第二十条第（X）项) with as many items as it
    has figures, its items top to bottom — used for a column's name only when it heads one run per sub-table
    printing it, each as long as one of them, and only for a run whose length one sub-table alone has (v2019's
    上一年项目数量 heads （五） and （六） of two items each, and （八） of one: the run of one figure is （八）'s)."""
    heading: dict[str, list[tuple[list[Item], str]]] = {}
    for table in _s2_subtables(items):
        for column in table[0].columns:
            heading.setdefault(label_key(column.label), []).append((table, column.key))
    # row labels and captions may stand between a column's name and its figures; a run holding a figure its
    # column cannot (an amount under a count's name) is then another column's
    passing = frozenset(label_key(text) for item in items for text in (item.label, item.caption, S2_CONTENT_HEADER))
    runs: dict[str, list[HeaderRun]] = {}
    for run in header_runs(lines, frozenset(heading), passing):
        runs.setdefault(run.header, []).append(run)
    cells: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for header, columns in heading.items():
        # one run per sub-table: which it is, its length tells (the tool's order of sub-tables is its own; one run
        # through several is not read: a repeated header word may have been dropped as a page's running header)
        sizes = Counter(len(table) for table, _ in columns)
        by_size = {len(table): (table, column) for table, column in columns if sizes[len(table)] == 1}
        printed = runs.get(header, [])
        if sorted(len(r.values) for r in printed) != sorted(sizes.elements()):
            continue
        for run in printed:
            if len(run.values) not in by_size:
                continue   # sub-tables of as many items: which one's run this is, nothing says
            table, column = by_size[len(run.values)]
            if any(_parse_item_cell(item, column, value).invalid for item, value in zip(table, run.values)):
                continue
            for item, value in zip(table, run.values):
                cells.setdefault(item.key, {})[column] = value
                where.setdefault(item.key, run.where)
    _s2_under_box_headers(lines, _s2_subtables(items), cells, where)
    return _HeaderCells(cells, where)


def _s2_subtables(items: Sequence[Item]) -> list[list[Item]]:
    """Table 二's items by sub-table (第二十条第（X）项), in order."""
    tables: list[list[Item]] = []
    for item in items:
        if tables and tables[-1][0].caption == item.caption:
            tables[-1].append(item)
        else:
            tables.append([item])
    return tables


def _s2_blocks(lines: Sequence[Line], items: Sequence[Item]) -> dict[str, RawRow]:
    """The items of table 二's sub-tables of several items and columns whose figures' boxes follow the sub-table's
    header row, a name a box (``cellstream.column_boxes``): the boxes' order says nothing of which figure is whose, so
    a block is read only where its figures are all one (``boxorders``: a block of zeros). A header row two
    sub-tables print alike (v2019's （五） and （六）) names no block."""
    named = Counter(tuple(label_key(c.label) for c in table[0].columns) for table in _s2_subtables(items))
    blocks = {tuple(label_key(c.label) for c in table[0].columns): table for table in _s2_subtables(items)
              if len(table) > 1 and len(table[0].columns) > 1}
    blocks = {headers: table for headers, table in blocks.items() if named[headers] == 1}
    passing = frozenset(label_key(text) for item in items for text in (item.label, item.caption, S2_CONTENT_HEADER))
    rows: dict[str, RawRow] = {}
    for block in column_boxes(lines, blocks, one_line=False, passing=passing):
        table = blocks[block.names]
        for item, value in zip(table, block.rows(len(table)) or []):
            if _fits(item, value):
                rows[item.key] = RawRow(item.key, "", [value] * len(item.columns), block.where, order=items.index(item))
    return rows


def _fits(item: Item, value: str | None) -> bool:
    """Whether ``value`` is a figure every cell of ``item`` can hold."""
    return value is not None and not any(_parse_item_cell(item, c.key, value).invalid for c in item.columns)


def _s2_under_box_headers(lines: Sequence[Line], tables: Sequence[Sequence[Item]], cells: dict[str, dict[str, str]],
                          where: dict[str, str]) -> None:
    """Adds to ``cells`` the items of a sub-table printed as column boxes under one line naming its columns
    (``cellstream.column_boxes``), those whose figure every box holds (which box is which column, nothing says)."""
    columns = {frozenset(label_key(c.label) for c in table[0].columns): table for table in tables}
    named = [tuple(label_key(c.label) for c in table[0].columns) for table in tables]
    for boxes in column_boxes(lines, named, one_line=True):
        table = columns[frozenset(boxes.names)]
        if len(boxes.names) != len(table[0].columns):
            continue
        for item, value in zip(table, boxes.rows(len(table)) or []):
            if item.key not in cells and _fits(item, value):
                cells[item.key] = {c.key: value for c in item.columns}
                where[item.key] = boxes.where


def _short_of(values: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether ``values`` (an item read by its label, fewer figures than its columns: no reading of its row) are
    some of ``whole``'s figures in their order (the item read under its columns' header words): no disagreement
    (政府集中采购 / 采购项目数量 / 2 read by the label, 2 and 32.00 under 采购项目数量 and 采购总金额)."""
    rest = iter(whole)
    return len(values) < len(whole) and all(value in rest for value in values)


def _s2_under_other_headers(rows: dict[str, RawRow], header_cells: _HeaderCells, items: Sequence[Item]) -> list[str]:
    """The items read by their labels whose figures start with one printed right under another item's column
    header words (the run of that column starting on the same line): that figure is the other item's (a tool
    writing boxes by their lower edge put 本年收费金额's box among 行政许可's label lines), so the reading is not; an
    item read under its own headers (a run of several items' figures starts on one line) keeps its reading."""
    own = header_cells.rows(items)
    return [key for key, row in rows.items() if row.values and (key not in own or own[key].values != row.values)
            and any(other != key and where == row.where and row.values[0] in header_cells.cells[other].values()
                    for other, where in header_cells.where.items())]


def _s2_trailing_column(lines: Sequence[Line], rows: dict[str, RawRow], items: Sequence[Item]) -> list[Finding]:
    """Table 二 in tab text whose every item row (two at least) holds one filled cell more than its columns, each
    under a header line naming just its columns (``_headed_by_columns``): the last cell of every row stands
    under no header, a column the template lacks (``规章 1 0 4 100`` under ``信息内容 本年制发件数 本年废止件数
    现行有效件数``). It is dropped, and a warning says so, where one row's last cell at least can be no thousands
    group of the cell before it (``0 100``, ``12502 100``). A table where any row holds just its columns has no such
    column: a row one cell longer there may hold a figure's thousands groups apart, which this never reads."""
    columns = {item.key: item for item in items}
    wide = {key: row for key, row in rows.items() if key in columns and row.cells_delimited and row.values}
    # no blank cell among them: a row's cells are then just its columns and the one after
    if len(wide) < 2 or any(_filled(row.values) != row.values or len(row.values) != len(columns[key].columns) + 1
                            or not _headed_by_columns(lines, row, columns[key]) for key, row in wide.items()):
        return []
    # last cells each of which may be a thousands group of the cell before it: figures apart, maybe no column
    if all(joins_group(row.values[-2], row.values[-1]) for row in wide.values()):
        return []
    findings = []
    for key, row in wide.items():
        item, values = columns[key], row.values
        rows[key] = replace(row, values=values[:-1])
        findings.append(Finding(
            "row.repaired", WARNING,
            f"表二「{item.label}」行（{row.where}）比表头多一格（{values[-1]}），表二各行都是如此："
            f"多出的一格不在表头各栏之下，不读", [f"s2.{key}.{column.key}" for column in item.columns]))
    return findings


def _headed_by_columns(lines: Sequence[Line], row: RawRow, item: Item) -> bool:
    """Whether the nearest tab header line above ``row`` (no figure, more than one filled cell) names ``item``'s
    columns in its cells after the first, and nothing after them (a header's trailing words may differ:
    ``本年收费金额（单位：万元，保留4位小数）``)."""
    at = next((n for n, line in enumerate(lines) if line.where == row.where), 0)
    for line in reversed(lines[:at]):
        cells = _filled(line.text.split("\t")) if line.cells_delimited and not line.values else []
        if len(cells) < 2:
            continue
        names = [label_key(cell) for cell in cells[1:]]
        return len(names) == len(item.columns) and all(
            name.startswith(label_key(column.label).split("(")[0]) for name, column in zip(names, item.columns))
    return False


def _s2_labels_and_headers(lines: Sequence[Line], items: Sequence[Item], header_cells: _HeaderCells,
                           version: str) -> dict[str, RawRow] | None:
    """Table 二 printed a cell per line in narrow columns: each item's figures right under its label, save a
    column's that stand right under that column's header words (``_s2_by_headers``, printed apart, after the
    labels). Read only where every figure of the table stands in one such run and they fill every item exactly:
    an item's run its cells in column order, the columns read under their headers left out; None otherwise."""
    if not header_cells.cells:
        return None
    labelled: dict[str, LabelledRun] = {}
    for run in labelled_runs(lines):
        key = _s2_run_item(run, lines, S2_MATCHER[version])
        if key is None or key in labelled:
            return None
        labelled[key] = run
    rows: dict[str, RawRow] = {}
    for n, item in enumerate(items):
        under = header_cells.cells.get(item.key, {})
        run = labelled.get(item.key)
        printed = iter(run.values if run else [])
        free = [c.key for c in item.columns if c.key not in under]
        if len(run.values if run else []) != len(free):
            return None
        values = [under[c.key] if c.key in under else next(printed) for c in item.columns]
        rows[item.key] = RawRow(item.key, " ".join(run.pieces) if run else "", values,
                                run.where if run else header_cells.where[item.key], order=n)
    taken = sum(len(row.values) for row in rows.values())
    return rows if taken == sum(len(line.values) for line in lines) else None


def _s2_run_item(run: LabelledRun, lines: Sequence[Line], match: LabelMatcher) -> str | None:
    """The item a run's label names: its label lines, or their last with the text line right after the run (a
    narrow label cell wrapped around its figures, the label's rest printed after them: 行政规范性文 / 134 / 262 / 件)."""
    if (key := match(" ".join(run.pieces))) is not None:
        return key
    start = next((n for n, line in enumerate(lines) if line.where == run.where and line.values), None)
    after = lines[start + len(run.values)] if start is not None and start + len(run.values) < len(lines) else None
    if after is None or after.values or not after.label:
        return None
    return match(run.pieces[-1] + after.label)


def _s2_stream(lines: Sequence[Line], items: Sequence[Item], labelled: dict[str, RawRow]) -> dict[str, RawRow] | None:
    """Table 二 printed a cell per line (``cellstream``): its items from the stream of figures; an item the row
    grammar read with as many figures but other ones, or given a figure its column cannot hold, is not read."""
    read = read_stream(lines, Shape(tuple(item.key for item in items), tuple(len(item.columns) for item in items)))
    if read is None:
        return None
    matcher = S2_MATCHER[next(v for v, known in S2_ITEMS.items() if known == tuple(items))]
    rows = {}
    for n, item in enumerate(items):
        row = read.rows.get(item.key)
        # no sums to tell a row's figures from a column's: a row is read where its own label stands right before
        # its figures with no other text among them (a narrow table's last column comes as a box after the other
        # rows' labels), or where the boxes the tool made show the columns
        certain = row is not None and (row.columnwise or matcher(row.label) == item.key
                                       and not any(f.after_text for f in row.printed[1:]))
        values, where = (row.values, row.where) if certain else ([], lines[0].where)
        by_label = labelled.get(item.key)
        if by_label is not None and len(by_label.values) == len(values) and by_label.values != values:
            values = []
        if any(_parse_item_cell(item, c.key, v).invalid for c, v in zip(item.columns, values)):
            values = []   # a figure no cell of its column can hold (a negative count) was misplaced
        rows[item.key] = RawRow(item.key, by_label.label if by_label else "", values, where, order=n)
    return rows


def _s2_under_headers(lines: Sequence[Line], item: Item, raw: RawRow) -> list[str] | None:
    """An item of table 二 printed short laid under its columns' header words, printed as the template names
    them at the end of a line above it (layout-kept text, ``textcolumns``): its values, blank cells ``""``."""
    header = _s2_header_line(lines, item, raw)
    if header is None:
        return None
    return spread_under_headers(raw.values, raw.offsets, lines[header].offsets[-len(item.columns):])


def _s2_under_whole_row(lines: Sequence[Line], item: Item, raw: RawRow, rows: dict[str, RawRow]) -> list[str] | None:
    """An item of table 二 printed short laid under the figures of an item printed whole under the same header
    line (规章 under 行政规范性文件's three figures): layout-kept text whose header words are spaced on another
    scale than figures (PyMuPDF's sorted text) still puts the figures of one column at one place; its values,
    blank cells ``""``; None unless exactly one such item stands under that header."""
    header = _s2_header_line(lines, item, raw, wrapped=True)
    if header is None:
        return None
    width = len(item.columns)
    whole = [row for key, row in rows.items() if key != item.key and len(row.values) == width == len(row.offsets)
             and _same_columns(key, item) and _s2_header_line(lines, item, row, wrapped=True) == header]
    return spread_under_headers(raw.values, raw.offsets, whole[0].offsets) if len(whole) == 1 else None


def _same_columns(key: str, item: Item) -> bool:
    other = next((i for items in S2_ITEMS.values() for i in items if i.key == key), None)
    return other is not None and [c.key for c in other.columns] == [c.key for c in item.columns]


def _s2_header_line(lines: Sequence[Line], item: Item, raw: RawRow, wrapped: bool = False) -> int | None:
    """The index of the last line above ``raw`` ending in its item's column header words; None when none.
    ``wrapped``: a line ending in the last column's word and naming two columns at least, in order, will do (a
    header wrapped over lines, 本年废止件 / 数 above and below the line of the others): it tells which rows stand
    under one header, not where its columns are."""
    at = next((n for n, line in enumerate(lines) if line.where == raw.where), None) if raw.offsets else None
    wanted = [label_key(column.label) for column in item.columns]
    for n in range(at - 1, -1, -1) if at is not None else ():
        cells = lines[n].label.split(" ")
        if lines[n].values or len(lines[n].offsets) != len(cells):
            continue
        named = [label_key(c) for c in cells]
        if named[-len(wanted):] == wanted or wrapped and _names_columns_in_order(named, wanted):
            return n
    return None


def _names_columns_in_order(named: Sequence[str], wanted: Sequence[str]) -> bool:
    """Whether the cells end in the last wanted column and name two wanted columns at least, in their order."""
    found = [wanted.index(cell) for cell in named if cell in wanted]
    return bool(named) and named[-1] == wanted[-1] and len(found) >= 2 and found == sorted(set(found))


def _as_listed(row: RawRow, width: int) -> RawRow:
    """A row whose figures were written as a list after its label (``RawRow.listed``): they are its cells in order
    where there are as many as it has (a list leaves no blank cell to find), else none of them is certain (its
    label then quotes the list as printed)."""
    if not row.listed or len(row.values) == width:
        return row
    return replace(row, label=f"{row.label} {row.listed}", values=[UNREAD_FIGURE] * width)


def _listed_extras(extras: Sequence[RawRow], widths: set[int]) -> list[RawRow]:
    """The ``extras`` but lists of figures as many as no row's cells (``RawRow.listed``): no row of the table,
    they stay text of its section (table 四's fifteen figures in section 二)."""
    return [row for row in extras if not row.listed or len(row.values) in widths]


def _s2_labels_alone(collected: Collected, items: Sequence[Item]) -> dict[str, RawRow]:
    """Items of table 二 printed as a label alone (zeros printed as empty cells, positions lost), as rows of blank
    cells: only where every figure of the table stands under an item holding no more figures than its columns
    (figures under no item, or more than an item holds, may be a lone label's own), and the label holds none."""
    widths = {item.key: len(item.columns) for item in items}
    if any(parse_count(v).value is not None for extra in collected.extras for v in extra.values):
        return {}
    if any(len(_meaningful(row.values, widths[key], _apart(row))) > widths[key] for key, row in collected.rows.items()):
        return {}
    return {key: replace(row, values=[""] * widths[key]) for key, row in collected.bare.items()
            if key in widths and key not in collected.rows and not holds_figures(row.label)}


def s2_lead(lines: Sequence[Line], version: str) -> list[Line]:
    """The last lines of ``lines`` (the text before section 二's heading) that are table 二's column boxes: runs
    of single figures each under one of its column names. A tool writing a page's text boxes in its own order
    (pdfminer.six) may put a table's first boxes before its section's heading; those names head no other table."""
    items = S2_ITEMS[version if version in S2_ITEMS else "v2021"]
    headers = {label_key(c.label) for item in items for c in item.columns}
    end = len(lines)
    while end and _s4_header_piece(lines[end - 1]):
        end -= 1   # table 四 run on under table 二 without a heading: its last column boxes, no figures
    start = end
    for n in range(end - 1, -1, -1):
        line = lines[n]
        if line.in_grid:
            break
        if not line.values and (label_key(line.label) in headers or named_columns(line, headers)):
            start = n
        elif line.label or len(line.values) != 1:
            break
    return list(lines[start:end])


def _s4_header_piece(line: Line) -> bool:
    """A line printing only words or pieces of words of table 四's header (总 / 计, 结果维持), no figure."""
    return bool(line.label) and not line.values and set(label_key(line.label)) <= _S4_HEADER_CHARS


def s2_trail(lines: Sequence[Line], version: str) -> list[Line]:
    """The first lines of ``lines`` (section 三) that are table 二's column boxes: a column name only table 二
    prints and the single figures right under it, before any other figure (among section 三's header words at
    most). A tool writing a page's text boxes in its own order (pdftotext) may put the next section's heading
    before a table's last column."""
    items = S2_ITEMS[version if version in S2_ITEMS else "v2021"]
    headers = {label_key(c.label) for item in items for c in item.columns}
    trail: list[Line] = []
    under = False   # the lines since the last text are a table 二 column's name and figures
    for line in lines:
        if line.in_grid or len(line.values) > 1 or line.values and line.label or line.values and not under:
            break
        under = bool(line.values) or label_key(line.label) in headers
        if under:
            trail.append(line)
    return trail


def read_s2(lines: Sequence[Line], version: str, lead: Sequence[Line] = (), trail: Sequence[Line] = ()) -> TableRead:
    """Table 二 from its section's ``lines``; ``lead`` (``s2_lead``) and ``trail`` (``s2_trail``) are its column
    boxes printed before the heading or after the next section's, read only under their header words (where
    they stand in the tool's stream says nothing)."""
    version = version if version in S2_ITEMS else "v2021"
    items = S2_ITEMS[version]
    widths = {item.key: len(item.columns) for item in items}
    collected = collect_rows(lines, S2_MATCHER[version])
    rows = {key: _as_listed(row, widths[key]) for key, row in collected.rows.items()}
    extras = _listed_extras(collected.extras, set(widths.values()))
    cell_per_line = is_cell_per_line(lines)
    header_cells = _s2_by_headers([*lead, *lines, *trail], items)
    by_headers = header_cells.rows(items)
    # a tool that put the table's column boxes before its heading wrote its figures away from their labels: a label
    # alone there is no row printed blank
    alone = {} if any(line.values for line in lead) else _s2_labels_alone(collected, items)
    # every item a label alone: a table printed without a figure (its items' labels are no prose)
    printed_blank = len(alone) > len(items) // 2
    if not rows and not printed_blank and not by_headers:
        return TableRead(None, extras=extras)
    if not cell_per_line or _printed_in_row_order(lines, rows, extras, [item.key for item in items], widths):
        rows = rows | alone
    elif (split := _s2_labels_and_headers(lines, items, header_cells, version)) is not None:
        rows, extras = split, []
    else:
        stream = _s2_stream(lines, S2_ITEMS[version], rows)
        if stream is None:   # only the items whose label stands right over as many figures as they hold
            stream = {key: row for key, row in _labelled_runs(lines, S2_MATCHER[version]).items()
                      if len(row.values) == widths[key]}
        rows, extras = stream, []
    # figures right under one column's header (a narrow table's text boxes, a few figures too few to make the
    # table one printed a cell per line) check the rows read by label
    headed = {row.values[0] for row in by_headers.values() if len(row.values) == 1}
    for key, row in by_headers.items():
        read = rows.get(key)
        rows[key] = row if read is None or not read.values or _short_of(read.values, row.values) \
            else read if read.values == row.values \
            else replace(read, values=[])   # two readings that disagree: neither is certain
    # a figure under a column's header words that the item read by its label gives that column another: neither
    # reading is certain (a narrow cell's figure in another item's run: 政府集中采购 2 39, its amount 32.00 printed
    # under 采购总金额)
    for item in items:
        read = rows.get(item.key)
        if read is not None and len(read.values) == len(item.columns) and header_cells.disagree(item, read.values):
            rows[item.key] = replace(read, values=[])
    for key in _s2_under_other_headers(rows, header_cells, items):
        rows[key] = replace(rows[key], values=[])
    for key, row in _s2_blocks([*lead, *lines, *trail], items).items():
        if key not in rows or not rows[key].values:
            rows[key] = row
    trailing = _s2_trailing_column(lines, rows, items)
    extras = [extra for extra in extras if not (len(extra.values) == 1 and extra.values[0] in headed)]
    table: Table = {}
    findings = _s2_by_position(rows, extras, S2_ITEMS[version]) + trailing
    # a row whose label lists figures (``行政许可 1，288，行政处罚 2331``): the figures after it may be another's
    listing = [key for key, row in rows.items() if lists_figures(row.label)]
    lines_apart = {extra.where for extra in extras}
    findings += _s2_unwrap(rows, extras, S2_ITEMS[version])
    tails = sorted(lines_apart - {extra.where for extra in extras})   # the tail lines _s2_unwrap took from extras
    for key in listing:
        rows[key] = replace(rows[key], values=[])
    for item in S2_ITEMS[version]:
        keys = [c.key for c in item.columns]
        raw = rows.get(item.key)
        values = _meaningful(raw.values, len(keys), _apart(raw)) if raw else []
        if raw is None:
            table[item.key] = {k: Cell(None) for k in keys}
            continue
        if len(values) == len(keys):
            table[item.key] = {k: _parse_item_cell(item, k, v) for k, v in zip(keys, values)}
            continue
        if (laid := _s2_under_headers(lines, item, raw) or _s2_under_whole_row(lines, item, raw, rows)) is not None:
            table[item.key] = {k: _parse_item_cell(item, k, v) for k, v in zip(keys, laid)}
            continue
        parsed = [_parse_item_cell(item, keys[min(i, len(keys) - 1)], v).value for i, v in enumerate(values)]
        readings = [] if _group_unread(values, parsed) else candidates(parsed, len(keys), [])
        vector = readings[0] if len(readings) == 1 else agreed(readings) if readings else (None,) * len(keys)
        table[item.key] = dict(zip(keys, _vector_cells(vector)))
        if len(readings) == 1 and None not in vector:
            findings.append(_repaired("表二", item.label, raw, len(keys), vector,
                                      [f"s2.{item.key}.{k}" for k in keys]))
    return TableRead(table, findings, extras, rows=rows, cell_per_line=cell_per_line, tails=tails)


_PAGE_DIGITS = 3   # a report of a thousand pages or more is none


def _group_unread(values: Sequence[str], parsed: Sequence[int | str | None]) -> bool:
    """Whether a cell no count reads is a thousands group the cell before it may lead (``1`` ``082``) or digits
    led by a zero, which no figure prints (``8937`` ``0276``: an amount's point lost): a piece of a figure, never
    a speck ``candidates`` may leave out, so the row's figures are not certain."""
    return any(figure is None and n and (joins_group(values[n - 1], value) or OCR_NOISE.match(value))
               for n, (value, figure) in enumerate(zip(values, parsed)))


def _page_number(values: Sequence[str]) -> bool:
    """Whether a line of ``values`` under a row may be the number of its page rather than a wrapped tail: one whole
    number of at most ``_PAGE_DIGITS`` digits, as a row-per-line tool writes a page's footer right after its last
    row (``行政许可 12`` / ``3``); one led by 0 (``082``) is a tail, no page's number."""
    return len(values) == 1 and values[0].isdigit() and len(values[0]) <= _PAGE_DIGITS and values[0][0] != "0"


def _s2_unwrap(rows: dict[str, RawRow], extras: list[RawRow], items: Sequence[Item]) -> list[Finding]:
    """The 表二 text rows with the tails of their wrapped figures right under them (``_tails_under``): read where
    the tails are as many as the row's figures a tail can continue (a figure other than 0, digits alone), so each
    takes the next in order, the one way of writing them (``行政许可 1`` / ``2502``; ``1 1 2`` / ``2 8 71``); else
    unread (``6 3 7`` / ``2 4``: which two were wrapped, nothing says), and so where the line may be a page's
    number (``_page_number``). A tail line the row's figures can take leaves ``extras``: it is the row's, never
    figures of a table not read."""
    findings = []
    columns = {item.key: item for item in items}
    for key, tail in _tails_under(rows, extras).items():
        row, item = rows[key], columns[key]
        starts = [n for n, head in enumerate(row.values) if head.isdigit() and head[0] != "0"]
        if _page_number(tail.values):
            rows[key] = replace(row, values=[])
            continue
        if len(tail.values) <= len(starts):
            extras.remove(tail)
        values = list(row.values)
        for n, piece in zip(starts, tail.values):
            values[n] += piece
        cells = [_parse_item_cell(item, column.key, value) for column, value in zip(item.columns, values)]
        if len(tail.values) != len(starts) or len(values) != len(item.columns) \
                or any(cell.value is None or cell.invalid for cell in cells):
            rows[key] = replace(row, values=[])
            continue
        rows[key] = replace(row, values=values)
        findings.append(Finding(
            "row.repaired", WARNING,
            f"表二「{item.label}」行（{row.where}）的数字被窄格折行，尾数印在下一行（{tail.where}："
            f"{' '.join(tail.values)}），每个数各接一段尾数，唯一确定为：{', '.join(values)}",
            [f"s2.{key}.{column.key}" for column in item.columns]))
    return findings


def _tails_under(rows: dict[str, RawRow], extras: Sequence[RawRow]) -> dict[str, RawRow]:
    """The lines of digits alone that stand right under a text row's line (no blank line, no other line between:
    ``document.wrapped_tails``), by the row's key: the tails its narrow cells wrapped (``行政许可 12`` / ``502``,
    ``行政许可 1 1`` / ``6 9``). A line after a blank line is no tail (a stray figure under a row is the report's
    own)."""
    under = {extra.line: extra for extra in extras
             if extra.line >= 0 and wrapped_tails(extra.label, extra.values, extra.in_grid, extra.after_gap)}
    return {key: under[row.line + 1] for key, row in rows.items()
            if row.line >= 0 and not row.in_grid and row.line + 1 in under}


def _apart(row: RawRow | Line) -> bool:
    """Whether a grid or a delimiter (tab, pipe) keeps the row's cells apart: two cells are two figures there,
    never one figure's thousands groups split at a space."""
    return row.in_grid or row.cells_delimited


def _meaningful(values: list[str], width: int, apart: bool, sums: Sequence[RowSum] = ()) -> list[str]:
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


def _s3_row_values(row: RawRow) -> list[str]:
    """A 表三 row's cells as printed (``_meaningful``), its thousands groups joined where its sum allows."""
    return _meaningful(row.values, S3_WIDTH, _apart(row), _S3_ROW_SUM)


# ---------------------------------------------------------------------------------------------------
# 三

# near misses are measured against every row label and against the labels that name no row (group labels,
# headers): a label nearer to one of those names nothing
S3_MATCHER = LabelMatcher(((row.key, row.anchor) for row in S3_ALL_ROWS),
                          NearestLabel([(row.key, row.label) for row in S3_ALL_ROWS]
                                       + [(None, label) for label in S3_NAMELESS_LABELS]))
S3_WIDTH = len(S3_COLUMNS)
_S3_MIN_ROWS = 3   # fewer labelled rows are stray matches in prose or another table, not table 三
# labels printed alone: as many as half the table's rows are a table printed without a figure (every cell blank)
_S3_MIN_BARE = 12
_S3_ROW_SUM = [RowSum(tuple(range(len(S3_APPLICANT_COLUMNS))), S3_WIDTH - 1)]


def _s3_row_holds(row: RawRow) -> bool:
    """Whether a 表三 row's own sum holds: printed whole, as it stands; printed short (zeros left blank), its
    last figure the sum of the others (``_adds_up``)."""
    values = _s3_row_values(row)
    return _counts_hold(values, _S3_ROW_SUM) if len(values) == S3_WIDTH else _adds_up(values)


def _s3_unwrap(rows: dict[str, RawRow], extras: list[RawRow]) -> list[Finding]:
    """The 表三 text rows with the tails of their wrapped figures right under them (``_tails_under``): read where
    exactly one way of writing the tails on to the row's figures (``tail_readings``) holds the row's own sum, else
    unread, never read as printed (the heads alone break its sum: no evidence of the report's error). The tails'
    lines leave ``extras``. A line the row's figures cannot take (more tails than figures other than 0:
    ``tail_readings`` gives no way) is no tail; one they can take in too many ways leaves the row unread."""
    findings = []
    for key, tail in _tails_under(rows, extras).items():
        row = rows[key]
        readings = tail_readings(row.values, tail.values)
        if readings == []:
            continue
        extras.remove(tail)
        held = [values for values in readings or [] if _s3_row_holds(replace(row, values=values))]
        rows[key] = replace(row, values=held[0] if len(held) == 1 else [])
        if len(held) == 1:
            findings.append(Finding(
                "row.repaired", WARNING,
                f"表三「{s3_row_label(key)}」行（{row.where}）的数字被窄格折行，尾数印在下一行（{tail.where}："
                f"{' '.join(tail.values)}），按该行合计唯一确定为：{', '.join(held[0])}",
                s3_row_cells(key)))
    return findings


def _filled(values: Sequence[str]) -> list[str]:
    return [v for v in values if v.strip()]


def _s3_trailing_column(rows: dict[str, RawRow]) -> bool:
    """Whether the table's tab or pipe rows show a column after 总计 that the template lacks: the rows printing one
    figure more than its width each hold their sum without their last figure, and in one at least without no
    other (a row of zeros would hold without any)."""
    wide = [values for row in rows.values() if row.cells_delimited
            and len(values := _filled(row.values)) == S3_WIDTH + 1]
    if not wide or not all(_counts_hold(values[:-1], _S3_ROW_SUM) for values in wide):
        return False
    return any(not any(_counts_hold(values[:n] + values[n + 1:], _S3_ROW_SUM) for n in range(S3_WIDTH))
               for values in wide)


def _s3_without_trailing(rows: dict[str, RawRow]) -> None:
    """In a table with a column after 总计 (``_s3_trailing_column``), a tab or pipe row of no more figures than the
    width whose own sum fails may hold that column's cell last (a row printed short: 2 0 0 0 16 18 100): read
    without it where the rest holds (``_s3_row_holds``), else unread, never read as printed (the report's error
    is not certain where one cell of the row is not the table's)."""
    if not _s3_trailing_column(rows):
        return
    for key, row in rows.items():
        values = _filled(row.values)
        if row.cells_delimited and 1 < len(values) <= S3_WIDTH and not _s3_row_holds(row):
            rest = replace(row, values=values[:-1])
            rows[key] = rest if _s3_row_holds(rest) else replace(row, values=[])


def _s3_printed_layout(rows: dict[str, RawRow]) -> str | None:
    if any(k in rows for k in S3_OTHER_SPLIT):
        return "v2021"
    if S3_OTHER_SINGLE in rows:
        return "v2019"
    return None


def _s3_labels_layout(lines: Sequence[Line]) -> str | None:
    """The （六） layout the labels of a table printed a cell per line show, wherever they stand (apart from their
    figures); a column's header word (其他, printed over its first figure) names no row."""
    named = {S3_MATCHER(line.label) for line in lines if line.label and not is_column_header(line.label)}
    if named & set(S3_OTHER_SPLIT):
        return "v2021"
    return "v2019" if S3_OTHER_SINGLE in named else None


def _counts_hold(values: Sequence[str], sums: Sequence[RowSum]) -> bool:
    counts = tuple(parse_count(v).value for v in values)
    return None not in counts and holds(counts, sums)


def _adds_up(values: Sequence[str]) -> bool:
    """Figures of a row printed short (zeros as empty cells): at least two, the last the sum of the others."""
    return len(values) > 1 and _counts_hold(values, [RowSum(tuple(range(len(values) - 1)), len(values) - 1)])


_S3_SHAPE = RowShape(S3_WIDTH, lambda values: _counts_hold(values, _S3_ROW_SUM), _adds_up)


def _s3_rows_hold(rows: dict[str, RawRow], layout: str) -> bool:
    """Whether the rows printed whole keep R3.1 and R3.2 where they can be checked."""
    vectors = {}
    for key, row in rows.items():
        counts = tuple(parse_count(v).value for v in row.values)
        if len(counts) == S3_WIDTH and None not in counts:
            vectors[key] = counts
    return s3_consistent(vectors, [r.key for r in S3_ROWS[layout]])


def s3_consistent(rows: dict[str, Vector], row_keys: Sequence[str]) -> bool:
    """R3.1 and R3.2 (``_s3_balances``) on every column where all the cells involved are known."""
    for balance in _s3_balances(row_keys):
        for c in range(S3_WIDTH):
            plus = [rows[k][c] if k in rows else None for k in balance.plus]
            minus = [rows[k][c] if k in rows else None for k in balance.minus]
            if None not in plus + minus and sum(plus) != sum(minus):  # type: ignore[arg-type]
                return False
    return True


def _place_by_position(rows: dict[str, RawRow], extras: list[RawRow], row_keys: Sequence[str]) -> list[Finding]:
    """Template rows not found by their labels are the rows of figures whose labels name no row, printed
    between the two found rows around them, when there are exactly as many of those as rows missing there
    (labels OCR garbled, or an agency reworded): read in order. Before the first found row and after the last,
    where nothing bounds them but the section, such rows must also be whole: the table's width of figures
    adding up to their total. Moves such rows from ``extras`` into ``rows``, with a warning for each."""
    findings = []
    found = [i for i, key in enumerate(row_keys) if key in rows]
    if not found:
        return findings
    bounds = [(-1, found[0]), *zip(found, found[1:]), (found[-1], len(row_keys))]
    for before, after in bounds:
        missing = row_keys[before + 1:after]
        lower = rows[row_keys[before]].order if before >= 0 else -1
        upper = rows[row_keys[after]].order if after < len(row_keys) else len(rows) + len(extras)
        between = [r for r in extras if lower < r.order < upper and r.values]
        if not missing or len(between) != len(missing):
            continue
        if (before < 0 or after == len(row_keys)) and not all(_whole(row) for row in between):
            continue
        for key, row in zip(missing, between):
            extras.remove(row)
            rows[key] = replace(row, key=key)
            findings.append(Finding(
                "row.by_position", WARNING,
                f"表三的行名「{row.label}」（{row.where}）不是模板中的行名；它印在{_between(row_keys, before, after)}，"
                f"按位置读作「{s3_row_label(key)}」",
                s3_row_cells(key)))
    return findings


def _whole(row: RawRow) -> bool:
    """A row of exactly the table's width of readable figures whose total is the sum of the others."""
    return len(row.values) == S3_WIDTH and _counts_hold(row.values, _S3_ROW_SUM)


def _between(row_keys: Sequence[str], before: int, after: int) -> str:
    if before < 0:
        return f"表三「{s3_row_label(row_keys[after])}」之前"
    if after == len(row_keys):
        return f"表三「{s3_row_label(row_keys[before])}」之后"
    return f"「{s3_row_label(row_keys[before])}」与「{s3_row_label(row_keys[after])}」之间"


def _fuzzy_findings(rows: dict[str, RawRow], row_keys: Sequence[str]) -> list[Finding]:
    return [Finding("label.fuzzy", WARNING,
                    f"表三的行名「{rows[key].label}」（{rows[key].where}）与模板行名不完全一致，"
                    f"按最接近的模板行名读作「{s3_row_label(key)}」",
                    s3_row_cells(key))
            for key in row_keys if key in rows and rows[key].fuzzy]


def _spilled(lines: Sequence[Line], following: Sequence[Line], wanted: int) -> int:
    """How many of ``following``'s first lines hold the figures ``lines`` lack to make ``wanted`` (0: none).

    A tool that writes a page's text boxes in its own order may put the next section's heading before the
    last columns of a table printed a cell per line; those figures come first in the next section, before its
    own table (``S4_WIDTH`` figures must be left to it)."""
    missing = wanted - sum(len(line.values) for line in lines)
    if missing <= 0 or sum(len(line.values) for line in following) < missing + S4_WIDTH:
        return 0
    taken = 0
    for n, line in enumerate(following):
        taken += len(line.values)
        if taken >= missing:
            return n + 1 if taken == missing else 0
    return 0


def _led(lines: Sequence[Line], preceding: Sequence[Line], wanted: int) -> int:
    """How many of ``preceding``'s last lines hold exactly the figures ``lines`` lack to make ``wanted`` (0: none).

    A tool that writes a page's text boxes by their lower edge (pdfminer.six without its boxes' reading order)
    writes the section's heading where the box joining it to the table's header cells ends, after the table's
    first rows: those figures end the section before, after its own table, among column header words only."""
    missing = wanted - sum(len(line.values) for line in lines)
    taken = 0
    for n, line in enumerate(reversed(preceding)):
        if line.label and not is_column_header(line.label) and len(label_key(line.label)) > 1 \
                or any(parse_count(v).value is None for v in line.values):
            return 0
        taken += len(line.values)
        if taken >= missing:
            return n + 1 if taken == missing > 0 else 0
    return 0


@dataclass
class _Tail:
    """Rows a page break cut (their labels with their first figures) and the next section's first lines holding
    the rest of their figures (``_page_tail``)."""

    keys: list[str]
    lines: list[Line]


def _page_tail(lines: Sequence[Line], rows: dict[str, RawRow], extras: Sequence[RawRow], following: Sequence[Line],
               row_keys: Sequence[str]) -> _Tail | None:
    """The rows of table 三 a page break cut, whose other figures the tool wrote after the next section's heading.

    A browser prints a table continued on the next page so that pdftotext writes each row of that page with its
    first cells beside its label, and the page's other columns, a block at a time, after the next heading that
    page holds (section 四's, before table 四's header). Where every row of the table is read, those printed
    short are consecutive (the page's), no figure of the table stands under no row, and the first lines of the
    next section are figures alone holding exactly what the short rows lack with table 四's 15 after them, those
    lines are the short rows' (their order is the tool's: the caller solves them by the arithmetic)."""
    if extras and any(extra.values for extra in extras) or any(key not in rows for key in row_keys):
        return None
    short = [n for n, key in enumerate(row_keys) if len(rows[key].values) < S3_WIDTH]
    if len(short) < 2 or short != list(range(short[0], short[-1] + 1)) \
            or any(len(rows[key].values) > S3_WIDTH for key in row_keys):
        return None
    taken = _spilled(lines, following, S3_WIDTH * len(row_keys))
    if not taken or any(line.label or not line.values for line in following[:taken]):
        return None
    return _Tail([row_keys[n] for n in short], list(following[:taken]))


def _page_cut(lines: Sequence[Line], rows: dict[str, RawRow], extras: Sequence[RawRow], following: Sequence[Line],
              default_layout: str) -> bool:
    """Whether the rows as the grammar collected them show a page break's cut rows whose other figures stand
    after the next heading (``_page_tail``), once rows of no template row are placed by position as ``read_s3``
    places them (on copies)."""
    row_keys = [r.key for r in S3_ROWS[_s3_printed_layout(rows) or default_layout]]
    placed = {key: row for key, row in rows.items() if key in row_keys}
    others = [*extras, *(row for key, row in rows.items() if key not in row_keys)]
    _place_by_position(placed, others, row_keys)
    return _page_tail(lines, placed, others, following, row_keys) is not None


def _s3_tile_tail(rows: dict[str, RawRow], heads: dict[str, list[str]], tail: Sequence[Line],
                  row_keys: Sequence[str]) -> None:
    """The cells of a page's cut rows (``heads``: their figures on their label lines) that the sums alone left
    unread, read where every tiling of the tool's boxes agrees (``tiling``): each row printed whole, and each
    head's figures, a box along its row from its first cell; the tail's boxes (figures stacked in a text block
    down a column, a line of several along a row) anywhere; the cells read keep their figures. The columns of
    a page are interchangeable for the sums, a column's box of several rows is not."""
    boxes = boxes_of(tail)
    known = {key: tuple(None if v == UNREAD_FIGURE else parse_count(v).value for v in rows[key].values)
             for key in row_keys}
    printed = {key: heads.get(key, rows[key].values) for key in row_keys}
    if boxes is None or any(None in vector and key not in heads or len(vector) != S3_WIDTH
                            for key, vector in known.items()):
        return
    boxes = boxes + [Box(tuple(parse_count(v).value for v in printed[key]), True, r)  # type: ignore[misc]
                     for r, key in enumerate(row_keys) if printed[key]]
    layout = Layout(tuple(row_keys), S3_WIDTH, tuple(_S3_ROW_SUM), tuple(_s3_balances(row_keys)))
    try:
        tiled = tile(boxes, layout, known, Budget(TILING_BUDGET))
    except Undecided:
        return
    for key, vector in (tiled or {}).items():
        rows[key] = replace(rows[key], values=[UNREAD_FIGURE if v is None else str(v) for v in vector])


@dataclass
class _Streamed:
    """Table 三 read as a stream: the layout whose rows the figures fill, its rows (a row whose figures cannot be
    placed has none), how many lines of the next section it took (``_spilled``), and the rows solved from the
    figures the others left (``cellstream``'s ``solved``, ``by_prose`` when the prose's totals decided some)."""

    layout: str
    rows: dict[str, RawRow]
    borrowed: int = 0
    solved: list[str] = field(default_factory=list)
    by_prose: bool = False


def _unborrowed(read: StreamRead, borrowed: Sequence[Line]) -> None:
    """The rows of ``read`` that took figures from the next section (``borrowed``) made unread, with the rows
    solved from what the others left: the order the tool gave those figures is trusted only where R3.1 and
    R3.2 check it, in a table read whole, and a row unread leaves both unchecked."""
    spilled = {line.where for line in borrowed}
    doubtful = [key for key, row in read.rows.items() if any(f.where in spilled for f in row.printed)]
    if doubtful:
        doubtful += [key for key, row in read.rows.items() if row.solved and key not in doubtful]
    for key in doubtful:
        del read.rows[key]
    read.unread += doubtful


def _unread_side_by_side(read: StreamRead, lines: Sequence[Line], columns: Sequence[Column],
                         spanning: Sequence[str]) -> None:
    """``read`` with the cells of columns whose figures a text box holds side by side (``sidebyside``) unread:
    the stream's order of those figures is the tool's, never their columns'."""
    boxes = side_by_side(lines, [c.label for c in columns], spanning)
    for key, row in list(read.rows.items()) if boxes else ():
        doubted = doubted_cells([f.where for f in row.printed], row.values, len(columns), boxes)
        if doubted and len(row.printed) == len(row.values):
            read.rows[key] = replace(row, values=[UNREAD_FIGURE if n in doubted else v
                                                  for n, v in enumerate(row.values)])


_S3_SPANNING = (S3_APPLICANT_HEADER, S3_ORG_HEADER)


def _s3_stream(lines: Sequence[Line], layouts: Sequence[str], following: Sequence[Line] = (),
               stated: Mapping[str, int] | None = None, preceding: Sequence[Line] = ()) -> _Streamed:
    """Table 三 printed a cell per line (``cellstream``, see ``_Streamed``); ``stated``: rows' totals the prose
    states (``Shape.stated``); ``preceding``: the section before, whose last lines may hold the table's first
    figures (``_led``), taken only where the stream without them cannot be laid at all, and read only as text
    boxes written by their lower edge (``cellstream.read_flow``), the order that puts them there.
    When the stream fits no layout, the rows read are those whose label stands right over a row's figures
    that add up (short of a cell only in text printed in row order), and only when the table's rules across
    rows hold for them."""
    for layout in layouts:
        keys = tuple(r.key for r in S3_ROWS[layout])
        shape = replace(Shape.even(keys, S3_WIDTH, _S3_ROW_SUM, _s3_balances(keys)),
                        stated=tuple((key, S3_WIDTH - 1, figure) for key, figure in (stated or {}).items()))
        borrowed = _spilled(lines, following, sum(shape.widths))
        read = read_stream([*lines, *following[:borrowed]], shape, lambda rows, keys=keys: s3_consistent(rows, keys),
                           S3_MATCHER)
        if read is None and not borrowed and (led := _led(lines, preceding, sum(shape.widths))):
            read = read_flow([*preceding[-led:], *lines], shape, lambda rows, keys=keys: s3_consistent(rows, keys),
                             S3_MATCHER)
        if read is None or borrowed and not read.rows:
            continue
        if borrowed and read.unread:
            _unborrowed(read, following[:borrowed])
        _unread_side_by_side(read, [*preceding, *lines, *following], S3_COLUMNS, _S3_SPANNING)
        rows = {key: RawRow(key, "", row.values, row.where, order=n) for n, (key, row) in enumerate(read.rows.items())}
        rows |= {key: RawRow(key, "", [], lines[0].where, order=len(rows) + n) for n, key in enumerate(read.unread)}
        return _Streamed(layout, rows, borrowed, [key for key, row in read.rows.items() if row.solved], read.by_prose)
    if len(layouts) == 1 and sum(len(line.values) for line in following) <= S4_WIDTH \
            and (blank := _s3_blank_stream(lines, layouts[0])) is not None:
        return blank
    layout = layouts[0]
    keys = [r.key for r in S3_ROWS[layout]]
    labelled = _s3_labelled_runs(lines, keys)
    # every row printed under its own label, in the template's order: the text is in row order, so a row short
    # of a cell may be realigned (by its sums and the table's); otherwise a row must hold all its figures
    in_order = len(labelled) >= 2 * len(keys) // 3 and [k for k in keys if k in labelled] == list(labelled)
    sound, vectors = {}, {}
    for key, row in labelled.items():
        readings = candidates([parse_count(v).value for v in row.values], S3_WIDTH, _S3_ROW_SUM)
        if readings and (len(row.values) == S3_WIDTH or in_order and len(row.values) < S3_WIDTH):
            sound[key] = row
            if len(readings) == 1:
                vectors[key] = readings[0]
    return _Streamed(layout, sound if s3_consistent(vectors, keys) else {})


def _s3_blank_stream(lines: Sequence[Line], layout: str) -> _Streamed | None:
    """Table 三 printed a cell per line with fewer figures than cells: zeros printed as empty cells, so no stream
    of the template's size is there to lay, and a row's figures need not stand together (a column of sparse
    figures comes out as a text block of its own). Every figure takes a cell, every other cell is 0, each run
    under a row's own label stays in its order in that row and the rows after it whose labels stand over no run
    (``multiset.solve_blank_rows``), the row's sums and
    the rules across rows hold; a cell is read where every such assignment agrees. None when the layout is not
    known from the labels, the figures are as many as the cells, a figure is no count, fewer than half the rows
    print a run under their own label (figures missing from a table printed apart from its labels are
    more likely elsewhere than blank) or nothing is agreed. The caller makes sure the next section holds no
    more figures than its own table (the missing ones could be there, ``_spilled``)."""
    keys = [r.key for r in S3_ROWS[layout]]
    figures = [parse_count(v).value for line in lines for v in line.values]
    if not figures or len(figures) >= S3_WIDTH * len(keys) or None in figures:
        return None
    runs = [run for run in _named_runs(lines, S3_MATCHER, headers_apart=True) if run.key in keys]
    named = Counter(run.key for run in runs)
    led = {run.key: [parse_count(v).value for v in run.values] for run in runs if named[run.key] == 1}
    if 2 * len(led) < len(keys):
        return None
    solved = solve_blank_rows(keys, figures, S3_WIDTH, _S3_ROW_SUM, _s3_balances(keys), led)  # type: ignore[arg-type]
    if solved is None or all(v is None for vector in solved.values() for v in vector):
        return None
    where = {run.key: run.where for run in runs}
    rows = {key: RawRow(key, "", [UNREAD_FIGURE if v is None else str(v) for v in vector],
                        where.get(key, lines[0].where), order=n)
            for n, (key, vector) in enumerate(solved.items()) if any(v is not None for v in vector)}
    as_printed = [key for key, row in rows.items() if row.values == [str(v) for v in led.get(key, ())]]
    return _Streamed(layout, rows, solved=[key for key in rows if key not in as_printed])


def _named_runs(lines: Sequence[Line], match: LabelMatcher, headers_apart: bool = False) -> list[RawRow]:
    """Every run of single figures with the label lines over it, in document order; ``key`` is the row the
    label names (None: none, or several — labels printed together, then their figures, give no row its own);
    ``headers_apart`` as for ``labelled_runs``."""
    rows = []
    for n, run in enumerate(labelled_runs(lines, headers_apart)):
        label = " ".join(run.pieces)
        key, fuzzy = match.find(label)
        if key is not None and {match(" ".join(run.pieces[:k])) for k in range(1, len(run.pieces))} - {None, key}:
            key = None
        rows.append(RawRow(key, label, run.values, run.where, order=n, fuzzy=fuzzy))
    return rows


def _labelled_runs(lines: Sequence[Line], match: LabelMatcher) -> dict[str, RawRow]:
    """The rows whose label stands right over their figures in a cell-per-line table; a row named twice is
    neither's."""
    rows: dict[str, RawRow] = {}
    twice = set()
    for row in _named_runs(lines, match):
        if row.key is None:
            continue
        if row.key in rows:
            twice.add(row.key)
        rows[row.key] = row
    return {key: row for key, row in rows.items() if key not in twice}


def _s3_spread(lines: Sequence[Line], rows: dict[str, RawRow], bare: dict[str, RawRow], extras: Sequence[RawRow],
               row_keys: Sequence[str]) -> dict[str, RawRow]:
    """The rows with those printed short laid under their columns by where layout-kept text puts their figures
    (``textcolumns``: empty cells; where no grid lays them, the rows whose figures start where the column
    headers do, else the rows of runs sharing their total's place whose figures' places are the columns:
    ``totalruns``; where neither lays any, all the rows together under header words on a scale of their own:
    ``scaledheader``), when every row then adds up and R3.1 and R3.2 hold where they can be checked;
    rows laid by a pitch or a fitted scale alone also need R3.1 (the table's four summary rows) checked on every
    column (a label alone counting as a row of zeros, unless figures stand under no row)."""
    printed = {key: rows[key] for key in row_keys if key in rows}
    laid = spread_short_rows(printed, S3_WIDTH)
    runs = {} if laid.rows else spread_by_total_runs(printed, S3_WIDTH)
    spread = laid.rows or _agreed_layings(_s3_under_header_starts(lines, printed), runs)
    scaled = {} if spread else _s3_under_scaled_header(lines, printed)
    spread = spread or scaled
    if not spread:
        return rows
    zeros = not any(parse_count(v).value is not None for extra in extras for v in extra.values)
    vectors: dict[str, Vector] = {key: (0,) * S3_WIDTH for key in bare if zeros and key not in rows}
    for key, row in (rows | spread).items():
        values = tuple(parse_count(v).value for v in _s3_row_values(row))
        if len(values) == S3_WIDTH and None not in values:
            if not holds(values, _S3_ROW_SUM):
                return rows
            vectors[key] = values
    summary = _s3_balances(row_keys)[-1]   # R3.1
    fitted = laid.by_pitch or bool(scaled)   # a grid fitted, not shown by a row printed whole
    proven = s3_consistent(vectors, row_keys) and (not fitted or {*summary.plus, *summary.minus} <= set(vectors))
    # rows laid under the header words alone: the rows left short must still be placeable by the sums with them
    if proven and not set(spread) <= set(laid.rows) | set(runs) and not all(key in spread or key in rows and len(rows[key].values) == S3_WIDTH
                                            for key in row_keys):
        proven = _s3_by_sum(rows | spread, bare, row_keys, extras) is not None
    return rows | spread if proven else rows


def _agreed_layings(first: dict[str, RawRow], second: dict[str, RawRow]) -> dict[str, RawRow]:
    """The rows either laying lays, but none the two lay differently (the text's evidence then disagrees)."""
    return {key: row for key, row in (first | second).items()
            if key not in first or key not in second or first[key].values == second[key].values}


def _s3_under_header_starts(lines: Sequence[Line], rows: dict[str, RawRow]) -> dict[str, RawRow]:
    """The rows printed short laid under the column headers printed above the table's first figures, where each
    figure starts exactly where its column's header word does (``textcolumns.spread_under_starts``)."""
    first = next((n for n, line in enumerate(lines) if line.values), len(lines))
    starts = header_starts(lines[:first], [c.label for c in S3_COLUMNS])
    return spread_under_starts(rows, starts) if starts else {}


def _s3_under_scaled_header(lines: Sequence[Line], rows: dict[str, RawRow]) -> dict[str, RawRow]:
    """The rows printed short laid together under the column headers printed above the table's first figures,
    their words spaced on another scale than the figures (``scaledheader``)."""
    first = next((n for n, line in enumerate(lines) if line.values), len(lines))
    middles = header_middles(lines[:first], [c.label for c in S3_COLUMNS])
    return spread_under_scaled_header(rows, middles) if middles else {}


def _s3_balances(row_keys: Sequence[str]) -> tuple[Balance, ...]:
    """R3.2 (the result rows add up to （七）总计) and R3.1 (一 + 二 = （七）总计 + 四), column by column."""
    results = tuple(k for k in row_keys if k.startswith(S3_RESULT_PREFIX) and k != S3_RESULT_TOTAL)
    return (Balance(results, (S3_RESULT_TOTAL,)),
            Balance(("new_received", "carried_over"), (S3_RESULT_TOTAL, "carry_forward")))


def _s3_by_sum(rows: dict[str, RawRow], bare: dict[str, RawRow], row_keys: Sequence[str],
               extras: Sequence[RawRow]) -> tuple[Table, dict[str, RawRow], list[Finding]] | None:
    """Table 三 with rows printed short (zeros printed as empty cells, positions lost), long, or with no figure at
    all (``bare``: a label alone) placed by the table's arithmetic (``placement``): the table, the rows it was
    read from and its findings. Rows one figure short or long keep ``realign``'s readings (a lost cell or a blank
    one), solved with the others here because many of them outgrow ``realign.solve`` (a column whose zeros are all
    blank). None when every row is whole, a short row holds an unreadable figure, or no placement satisfies every
    rule: the rows are then read as ever. A label alone is read as a row of zeros only when
    every figure of the table was found under a row: figures under no row may be its own (its label printed
    apart from them), and zeros would then be read where the report prints figures."""
    # figures found under no row may be a bare row's own: then no label alone is read as zeros
    bare = {} if any(parse_count(v).value is not None for extra in extras for v in extra.values) else bare
    glued = _glued_cuts(rows)
    options: dict[str, list[Vector]] = {}
    short, repaired, lost = [], [], []
    for key in row_keys:
        raw = rows.get(key)
        if raw is None:
            options[key] = [(0,) * S3_WIDTH] if key in bare else [(None,) * S3_WIDTH]
            short += [key] if key in bare else []
            continue
        values = [parse_count(v).value for v in _s3_row_values(raw)]
        if len(values) == S3_WIDTH:
            if None not in values and values[-1] != sum(values[:-1]):  # type: ignore[arg-type]
                return None   # a row printed whole that does not add up: the table is read as printed
            options[key] = [tuple(values)]
        elif len(values) > S3_WIDTH:
            options[key] = candidates(values, S3_WIDTH, _S3_ROW_SUM)
            repaired.append(key)
        elif glued is not None and key in glued:   # every short row cut, none read with blanks; one no cut
            options[key] = glued[key] or [(None,) * S3_WIDTH]   # explains holds others' figures
            (repaired if glued[key] else lost).append(key)
        elif None in values:
            return None
        else:
            options[key] = blank_readings(values, S3_WIDTH, _S3_ROW_SUM)  # type: ignore[arg-type]
            (short if len(values) < S3_WIDTH - 1 else repaired).append(key)
    for key in [k for k in short if k not in rows] if lost else ():   # a label alone may own those figures
        options[key] = [(None,) * S3_WIDTH]
        short.remove(key)
    if not short and not repaired:
        return None
    kept = consistent_readings(options, _s3_balances(row_keys), S3_WIDTH)
    if kept is None:
        return None
    used = dict(rows) | {key: bare[key] for key in short if key not in rows}
    columns = [c.key for c in S3_COLUMNS]
    table: Table = {}
    findings: list[Finding] = []
    for key in row_keys:
        readings = kept[key]
        vector = readings[0] if len(readings) == 1 else agreed(readings)
        if key in short:
            printed_zero = any(parse_count(v).value == 0 for v in used[key].values)
            cells = [Cell(v, "") if v is None else Cell(v, "" if v == 0 and not printed_zero else str(v),
                                                          blank=v == 0 and not printed_zero) for v in vector]
        elif key in repaired or key in lost:
            cells = _vector_cells(vector)
            if len(readings) == 1 and None not in vector:
                findings.append(_repaired("表三", s3_row_label(key), rows[key], S3_WIDTH, vector,
                                          [f"s3.{key}.{c}" for c in columns]))
        else:
            cells = [parse_count(v) for v in _s3_row_values(rows[key])] if key in rows else _vector_cells(vector)
        table[key] = dict(zip(columns, cells))
    placed = [key for key in short if None not in (cell.value for cell in table[key].values())]
    return table, used, findings + ([_placed_by_sum(placed, used)] if placed else [])


def _glued_cuts(rows: dict[str, RawRow]) -> dict[str, list[Vector]] | None:
    """The cuts of every row printed short (``placement.glued_readings``) where table 三 prints its cells without
    the gaps between them (``8162140 94``): a short row that no reading with blank zeros makes add up, and a cut
    of its runs of digits does; None where no row shows it."""
    cuts: dict[str, list[Vector]] = {}
    shown = False
    for key, raw in rows.items():
        printed = _s3_row_values(raw)
        # a run such as 0100001 (0 1 0 0 0 0 1 glued) is no count as printed (a leading zero), but a run all
        # the same: it is cut like the others
        if len(printed) < S3_WIDTH and all(v.isascii() and v.isdigit() for v in printed):
            cuts[key] = glued_readings(printed, S3_WIDTH, _S3_ROW_SUM)
            values = [parse_count(v).value for v in printed]
            shown = shown or bool(cuts[key]) and (
                None in values or not blank_readings(values, S3_WIDTH, _S3_ROW_SUM))  # type: ignore[arg-type]
    return cuts if shown else None


def _labels_printed_among(lines: Sequence[Line], keys: Sequence[str]) -> dict[str, RawRow]:
    """Rows of ``keys`` whose label is printed in pieces among other rows' label text (narrow label cells
    wrapped side by side: ``(三)不 1.属于国 予公开 家秘密``), by a piece of ``_PIECE`` characters only its label
    has, on a line of table text: labels alone, for ``_s3_by_sum`` (which reads them as blank rows only where
    no figure of the table stands under no row and the table's rules hold)."""
    table_text = [line for line in lines if len(squash(line.text)) <= _MAX_CELL_TEXT]
    found: dict[str, RawRow] = {}
    for key in keys:
        own = _own_pieces(key)
        line = next((ln for ln in table_text if any(piece in _cjk(ln.text) for piece in own)), None)
        if line is not None:
            found[key] = RawRow(key, line.text, [], line.where)
    return found


@cache
def _own_pieces(key: str) -> tuple[str, ...]:
    """The runs of ``_PIECE`` characters of table 三's row ``key``'s label that no other row's label has."""
    labels = {row.key: _cjk(row.label) for row in S3_ALL_ROWS}
    others = "|".join(text for k, text in labels.items() if k != key)
    pieces = [labels[key][i:i + _PIECE] for i in range(len(labels[key]) - _PIECE + 1)]
    return tuple(piece for piece in pieces if piece not in others)


def _s3_extras_named(rows: dict[str, RawRow], extras: Sequence[RawRow], keys: Sequence[str]) -> list[RawRow]:
    """Figures under label text the row grammar named no row (a row's label cell wrapped beside its group's,
    part of it printed after its figures: ``(五) 不予处 1.信访 举报投`` / 3 / 3 / ``理 诉类申 请``) given to the
    one row of ``keys`` not read otherwise whose own pieces (``_own_pieces``) that text holds; the extras left."""
    owner = {piece: key for key in keys for piece in _own_pieces(key)}
    left = []
    for extra in extras:
        text = _cjk(extra.label) if extra.values else ""
        named = {owner[text[i:i + _PIECE]] for i in range(len(text) - _PIECE + 1) if text[i:i + _PIECE] in owner}
        if len(named) == 1 and (key := next(iter(named))) not in rows:
            rows[key] = replace(extra, key=key)
        else:
            left.append(extra)
    return left


def _cjk(text: str) -> str:
    return "".join(CJK_CHAR.findall(text))


def _placed_by_sum(keys: Sequence[str], rows: dict[str, RawRow]) -> Finding:
    names = "、".join(f"「{s3_row_label(key)}」（{rows[key].where}）" for key in keys)
    return Finding("cell.placed_by_sum", WARNING,
                   f"表三{names}行印出的数字少于列数（空白按0读取），各数所在的列只由表内勾稽关系（行的总计、"
                   f"各列的办理结果之和与收支平衡）唯一确定；这些数字已无法再由表内合计检验，请对照原件核对",
                   [f"s3.{key}.{c.key}" for key in keys for c in S3_COLUMNS])


def _solved_by_sum(rows: dict[str, RawRow], keys: Sequence[str], where: str, printed: str = "逐格输出",
                   by_prose: bool = False) -> Finding:
    """The rows of ``keys`` solved by the arithmetic alone (``by_prose``: and the totals section 一 states),
    naming the cells read (a tiling may leave some); ``printed`` says how the table was printed."""
    names = "、".join(f"「{s3_row_label(key)}」" for key in keys)
    prose = "及第一部分正文所述的各行总数" if by_prose else ""
    return Finding("cell.solved_by_sum", WARNING,
                   f"表三（{where}起）{printed}，{names}行的数字顺序已无法从文本看出，各数所在的格只由表内勾稽关系"
                   f"（行的总计、各列的办理结果之和与收支平衡）{prose}唯一确定；这些数字已无法再由表内合计检验，请对照原件核对",
                   [f"s3.{key}.{c.key}" for key in keys for c, value in zip(S3_COLUMNS, rows[key].values)
                    if value != UNREAD_FIGURE])


def _s3_labelled_runs(lines: Sequence[Line], keys: Sequence[str]) -> dict[str, RawRow]:
    """Table 三's rows whose label stands right over their figures; a run holding more figures than its row is
    laid into the rows after it up to the row the next run names (``cellstream.lay_run``), the last run into
    the rows to the table's end — only where the runs name rows in the template's order.
    A run holding more than its row that cannot be laid so holds figures of rows whose labels the tool printed
    after them: from the next run on, each label stands over a later row's figures, until labels of several rows
    (or none) stand over one run; the rows named in between are not read from their runs."""
    runs = [run for run in _named_runs(lines, S3_MATCHER) if run.key is None or run.key in keys]
    named = [keys.index(run.key) for run in runs if run.key is not None]
    rows = {key: row for key, row in _labelled_runs(lines, S3_MATCHER).items() if key in keys}
    if named != sorted(set(named)):
        return rows
    displaced = False
    for n, run in enumerate(runs):
        if run.key is None:
            displaced = False
            continue
        if displaced:
            rows.pop(run.key, None)
            continue
        if len(run.values) <= S3_WIDTH:
            continue
        first = keys.index(run.key)
        following = runs[n + 1] if n + 1 < len(runs) else None
        if following is None:
            end = len(keys)
        elif following.key is None:
            continue
        else:
            end = keys.index(following.key)
        laid = lay_run(run.values, [S3_WIDTH] * (end - first), _S3_ROW_SUM) if end - first > 1 else None
        displaced = not laid
        for key, values in zip(keys[first:end], laid or []):
            rows[key] = replace(run, key=key, values=values, label=run.label if key == run.key else "")
    return dict(sorted(rows.items(), key=lambda item: (item[1].order, keys.index(item[0]))))


def _printed_in_row_order(lines: Sequence[Line], rows: dict[str, RawRow], extras: Sequence[RawRow],
                          keys: Sequence[str], widths: dict[str, int]) -> bool:
    """Whether a table printed a cell per line shows its rows itself (PyMuPDF: each row's label, then its figures,
    row after row): every figure stands in a run right under label lines (``cellstream.labelled_runs``), the row
    grammar gave every run to a row of ``keys`` (no figures under no row), none holds more figures than its
    ``widths``, and the rows come in the order of ``keys``."""
    figures = sum(len(line.values) for line in lines)
    if figures == 0 or sum(len(run.values) for run in labelled_runs(lines)) != figures:
        return False
    return _printed_in_boxes(rows, extras, keys, widths)


def _printed_in_boxes(rows: dict[str, RawRow], extras: Sequence[RawRow], keys: Sequence[str],
                      widths: dict[str, int]) -> bool:
    """Whether the rows read from a table's text boxes joined (``rowboxes``) show the table row by row: no
    figures under no row, every row one of ``keys``, in their order, none holding more figures than its width."""
    if any(extra.values for extra in extras) or any(key not in widths for key in rows):
        return False
    printed = sorted(rows, key=lambda key: rows[key].order)
    return printed == [key for key in keys if key in rows] and all(len(rows[k].values) <= widths[k] for k in rows)


def _s3_rows_in_order(lines: Sequence[Line], rows: dict[str, RawRow], bare: dict[str, RawRow],
                      extras: Sequence[RawRow], default_layout: str
                      ) -> tuple[Table, dict[str, RawRow], list[Finding], str | None] | None:
    """Table 三 printed a cell per line in row order, each row's label right over its figures, with zeros printed
    as empty cells (PyMuPDF: the empty cells leave no line, so no stream of the template's size is there to lay):
    the labels bound the rows, and the rows short of figures are placed by the table's arithmetic as in text
    (``_s3_by_sum``). Only where every figure of the table stands in a run right under label lines, every run
    is one row's (at most a row's width, no figures the row grammar gave no row) and the rows come in the
    template's order — or, a row's figures printed as several text boxes (pdftotext), the same holds once the
    boxes between two text lines are joined (``rowboxes``); None otherwise, or when the arithmetic places
    nothing."""
    printed_layout = _s3_printed_layout(rows) or _s3_labels_layout(lines)
    layout = printed_layout or default_layout
    row_keys = [r.key for r in S3_ROWS[layout]]
    widths = dict.fromkeys(row_keys, S3_WIDTH)
    rows = dict(rows)
    extras = _s3_extras_named(rows, extras, row_keys)
    if len(rows) < _S3_MIN_ROWS or not _printed_in_row_order(lines, rows, extras, row_keys, widths):
        # a row's figures printed as several text boxes (pdftotext): the boxes between two text lines joined
        boxed = joined_boxes(lines)
        if not under_labels(boxed):
            return None
        rows, extras, bare = _s3_collected(collect_rows(boxed, S3_MATCHER))
        if len(rows) < _S3_MIN_ROWS or _s3_printed_layout(rows) not in (None, layout) \
                or not _printed_in_boxes(rows, extras, row_keys, widths):
            return None
    # a label alone naming a row of the other layout is a group label here (（六）其他处理 over its three rows)
    bare = {key: row for key, row in bare.items() if key in row_keys}
    by_sum = _s3_by_sum(rows, bare, row_keys, extras)
    if by_sum is None:
        return None
    table, used, findings = by_sum
    return table, used, _fuzzy_findings(rows, row_keys) + findings, printed_layout


def _s3_solve_left(rows: dict[str, RawRow], extras: list[RawRow], middle: Sequence[RawRow], left: Sequence[RawRow],
                   row_keys: Sequence[str]) -> list[str]:
    """The rows of ``middle`` (rows whose labels stand apart from the rest of their figures that ``tailrows``
    could not lay) given the cells every assignment of their figures and those of the lines ``left`` agrees on
    (``multiset.solve_rows``: the figures on a row's label line its first cells, the rows whole keeping theirs),
    those lines dropped from ``extras``; the keys of the rows so read (none when some cell is no count or a row
    is no row of the table)."""
    keys = [row.key for row in middle]
    if any(key not in row_keys for key in keys) or len(set(keys)) < len(keys):
        return []
    values = [parse_count(v).value for row in [*middle, *left] for v in row.values]
    known = {key: tuple(parse_count(v).value for v in row.values) for key, row in rows.items()
             if key not in keys and len(row.values) == S3_WIDTH}
    if None in values or any(None in vector for vector in known.values()):
        return []
    pinned = {row.key: [parse_count(v).value for v in row.values] for row in middle}
    solved = solve_rows([(keys, values)], S3_WIDTH, _S3_ROW_SUM, _s3_balances(row_keys), known,  # type: ignore[list-item]
                        pinned=pinned)  # type: ignore[arg-type]
    if solved is None or all(v is None for vector in solved.values() for v in vector):
        return []
    for row in middle:
        rows[row.key] = replace(row, values=[UNREAD_FIGURE if v is None else str(v) for v in solved[row.key]],  # type: ignore[index]
                                order=rows[row.key].order if row.key in rows else len(rows) + len(extras))
    wheres = {line.where for line in left}
    extras[:] = [row for row in extras if row.label or row.where not in wheres]
    return keys  # type: ignore[return-value]


def _s3_collected(collected: Collected) -> tuple[dict[str, RawRow], list[RawRow], dict[str, RawRow]]:
    """Table 三's rows, extras and labels alone as collected, its rows' figures written as lists kept only where
    as many as its columns (``_as_listed``, ``_listed_extras``)."""
    rows = {key: _as_listed(_s3_zeros_listed(row), S3_WIDTH) for key, row in collected.rows.items()}
    return rows, _listed_extras(collected.extras, {S3_WIDTH}), _labels_alone(collected.bare)


def _labels_alone(bare: dict[str, RawRow]) -> dict[str, RawRow]:
    """The labels alone but those whose cell holds figures no cell reads (``cells.holds_figures``:
    ``1.属于国家秘密 0 0 0（注）``): never a row printed blank, such a row is left unread."""
    return {key: row for key, row in bare.items() if not holds_figures(row.label)}


def _s3_zeros_listed(row: RawRow) -> RawRow:
    """A 表三 row listing zeros alone, one fewer than its columns or more (``0，0，0，0，0，0``): which cell a zero
    is, the list cannot say, yet every reading is the same row of zeros: one left out is 0 by the others' sum or
    its total, zeros beyond the columns are any columns'. It is read as the row printed with spaces would be (no
    longer ``listed``: the short rows' repair fills it, with its row.repaired warning). Any other list not as many
    as the columns stays unread (``_as_listed``)."""
    if row.listed and len(row.values) >= S3_WIDTH - 1 and all(value == "0" for value in row.values):
        return replace(row, listed="")
    return row


def read_s3(lines: Sequence[Line], default_layout: str = "v2021", following: Sequence[Line] = (),
            stated: Mapping[str, int] | None = None, preceding: Sequence[Line] = ()) -> TableRead:
    """Table 三; ``default_layout`` decides the （六） rows when the document prints none of them; ``following``
    (section 四's lines) may hold the last figures of a table printed a cell per line (``_spilled``), ``preceding``
    (section 二's lines) its first figures (``_led``); ``stated``:
    rows' totals the prose states (by row key), deciding between readings of such a table the arithmetic leaves
    open."""
    cell_per_line = is_cell_per_line(lines)
    # a row's figures split over several lines are joined (not in a table printed a cell per line: ``cellstream``
    # lays those); rows joined short (zeros printed blank) are kept only where the table's rules across rows hold
    # for them. Rows joined whole are kept as they are: each holds its own sum, and a report whose table breaks
    # R3.1 or R3.2 is read, and its error reported, as it would be printed a row per line
    collected = collect_rows(lines, S3_MATCHER, None if cell_per_line else _S3_SHAPE)
    joined_short = any(row.where in collected.joined and len(row.values) < S3_WIDTH
                       for row in [*collected.rows.values(), *collected.extras])
    if joined_short and not _s3_rows_hold(collected.rows, _s3_printed_layout(collected.rows) or default_layout):
        collected = collect_rows(lines, S3_MATCHER)
    # rows given the figures printed after their labels: the order is the tool's, so kept only where the rows
    # printed whole then keep R3.1 and R3.2
    if collected.tailed and not _s3_rows_hold(collected.rows, _s3_printed_layout(collected.rows) or default_layout):
        collected = collect_rows(lines, S3_MATCHER, _S3_SHAPE, tails=False)
    rows, extras, bare = _s3_collected(collected)
    # a row holding only a blank slot or two (the rest of a group label's cell a lattice cut into rows) prints
    # no figure: a label alone, which names no layout
    for key in [k for k, row in rows.items() if len(row.values) < S3_WIDTH and not any(v.strip() for v in row.values)]:
        bare.setdefault(key, replace(rows.pop(key), values=[]))
    bare = _labels_alone(bare)
    # labels alone (or with a figure or two the tool joined to their boxes) while the next section holds more
    # figures than its own table, enough for this one's: the tool put that section's heading before this table's
    # figures (pdfminer.six), so they are no table printed without a figure, nor one read by its labels
    spilled = any(_spilled(lines, following, S3_WIDTH * len(layout)) for layout in S3_ROWS.values())
    if (not rows and not extras or spilled and not cell_per_line and not _page_cut(lines, rows, extras, following,
                                                                                 default_layout)) \
            and sum(len(line.values) for line in following) > S4_WIDTH:
        bare, cell_per_line = {}, is_cell_per_line(following)
    if len(rows) < _S3_MIN_ROWS and not cell_per_line and len(bare) < _S3_MIN_BARE:
        return TableRead(None, extras=extras + list(rows.values()))
    printed_layout = _s3_printed_layout(rows)
    layout = printed_layout or default_layout
    borrowed = 0
    if cell_per_line and (ordered := _s3_rows_in_order(lines, rows, bare, extras, default_layout)) is not None:
        table, used, findings, printed_layout = ordered
        return TableRead(table, findings, [], printed_layout, used, cell_per_line)
    if cell_per_line:   # labels printed apart from their figures: few rows may have been found by them
        printed_layout = _s3_labels_layout(lines)
        layouts = [printed_layout] if printed_layout else [default_layout, *(k for k in S3_ROWS if k != default_layout)]
        streamed = _s3_stream(lines, layouts, following, stated, preceding)
        if not streamed.rows and len(rows) < _S3_MIN_ROWS:
            return TableRead(None, extras=extras + list(rows.values()))
        layout, borrowed = streamed.layout, streamed.borrowed
        rows, printed_layout, extras, bare = streamed.rows, printed_layout or layout, [], {}
    row_keys = [r.key for r in S3_ROWS[layout]]
    columns = [c.key for c in S3_COLUMNS]
    extras += [rows.pop(k) for k in list(rows) if k not in row_keys]
    unwrapped = [] if cell_per_line else _s3_unwrap(rows, extras)
    _s3_without_trailing(rows)
    placed = _place_by_position(rows, extras, row_keys)
    findings = unwrapped + placed + _fuzzy_findings(rows, row_keys)
    tailed = [key for middle, left in collected.left for key in _s3_solve_left(rows, extras, middle, left, row_keys)]
    if not cell_per_line and (spill := _page_tail(lines, rows, extras, following, row_keys)):
        heads = {key: list(rows[key].values) for key in spill.keys}
        solved = _s3_solve_left(rows, extras, [rows[key] for key in spill.keys],
                                [RawRow(None, "", list(line.values), line.where) for line in spill.lines], row_keys)
        if solved:
            _s3_tile_tail(rows, heads, spill.lines, row_keys)
        tailed += solved
        borrowed = len(spill.lines) if solved else 0
    if not cell_per_line:
        rows = _s3_spread(lines, rows, bare, extras, row_keys)
    if cell_per_line and streamed.solved:
        findings.append(_solved_by_sum(rows, streamed.solved, lines[0].where, by_prose=streamed.by_prose))
    if tailed:
        findings.append(_solved_by_sum(rows, tailed, rows[tailed[0]].where, "各行数字与行名分开印出"))
    if not cell_per_line:
        apart = _labels_printed_among(lines, [k for k in row_keys if k not in rows and k not in bare])
        bare = bare | _labels_alone(apart)
    # a table printed a cell per line is laid out by ``cellstream``: its rows' order is too unsure to place by sums
    if not cell_per_line and (by_sum := _s3_by_sum(rows, bare, row_keys, extras)) is not None:
        table, rows, more = by_sum
        return TableRead(table, findings + more, extras, printed_layout, rows, cell_per_line, borrowed)

    printed: dict[str, list[Cell]] = {}
    options: dict[str, list[Vector]] = {}
    for key in row_keys:
        raw = rows.get(key)
        cells = [parse_count(v) for v in _s3_row_values(raw)] if raw else []
        if raw is None or len(cells) == S3_WIDTH:
            printed[key] = cells or [Cell(None) for _ in columns]
            options[key] = [tuple(c.value for c in printed[key])]  # type: ignore[misc]
        else:
            options[key] = candidates([c.value for c in cells], S3_WIDTH, _S3_ROW_SUM)  # type: ignore[misc]

    accepted = solve(options, lambda assignment: s3_consistent(assignment, row_keys))
    table: Table = {}
    for key in row_keys:
        if key in printed:
            table[key] = dict(zip(columns, printed[key]))
            continue
        readings = [a[key] for a in accepted] if accepted else options[key]
        vector = readings[0] if len(set(readings)) == 1 else (agreed(readings) if readings else (None,) * S3_WIDTH)
        table[key] = dict(zip(columns, _vector_cells(vector)))
        if len(set(readings)) == 1 and None not in vector:
            findings.append(_repaired("表三", s3_row_label(key), rows[key], S3_WIDTH, vector,
                                      [f"s3.{key}.{c}" for c in columns]))
    return TableRead(table, findings, extras, printed_layout, rows, cell_per_line, borrowed)


# ---------------------------------------------------------------------------------------------------
# 四

_PIECE = 3             # characters running that, only in one row's label, show that label printed
_MAX_CELL_TEXT = 60     # characters of a line of table text (longer is prose)
_S4_SUMS = [RowSum(tuple(range(b * 5, b * 5 + 4)), b * 5 + 4) for b in range(len(S4_BLOCKS))]
_S4_BLOCK_SUM = [RowSum((0, 1, 2, 3), 4)]
_S4_BLOCK_ROWS = tuple((key, re.compile(pattern)) for key, pattern in S4_BLOCK_ROW_LABELS)
_S4_HEADER_WORDS = ("数量", "件数", "合计")
_S4_ROW_LABEL_CHARS = 8   # characters of the data row's label at most (数量, 案件数量（件）)
_S4_COLUMN_CHARS = frozenset("".join(c.label for c in S4_COLUMNS))
_S4_SPANNING = (S4_LITIGATION_HEADER, *(b.label for b in S4_BLOCKS))
_S4_PITCH_SLACK = 0.5   # characters two steps of one header line may differ by and still be one pitch
_S4_HEADER_TOLERANCE = 1.5   # characters between the places of two header words of one column (centred words)


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
    _unread_side_by_side(read, lines, S4_COLUMNS, _S4_SPANNING)
    row = read.rows.get("s4")
    shape = Shape.even(tuple(b.key for b in S4_BLOCKS), len(S4_COLUMNS), _S4_BLOCK_SUM)
    if row is None and not in_no_order_adds_up(lines, len(S4_BLOCKS), len(S4_COLUMNS)):
        # its sums broke where another order would keep them: the blocks whose own sums hold are read where the
        # stream puts them
        blocks = read_parts(lines, shape)
        if blocks is not None:
            _unread_side_by_side(blocks, lines, S4_COLUMNS, _S4_SPANNING)
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
        values = _meaningful(line.values, width, _apart(line), _S4_BLOCK_SUM)
        cells = [parse_count(v) for v in values]
        rows[block.key] = RawRow(block.key, line.label, list(line.values), line.where)
        if (blank := _s4_blank(cells, 1)) is not None:
            cells = blank
            placed += [f"s4.{block.key}.{c.key}" for c, cell in zip(S4_COLUMNS, cells) if cell.value is not None]
        elif len(cells) != width:
            readings = candidates([c.value for c in cells], width, _S4_BLOCK_SUM)  # type: ignore[misc]
            vector = readings[0] if len(readings) == 1 else (agreed(readings) if readings else (None,) * width)
            cells = _vector_cells(vector)
            if len(readings) == 1 and None not in vector:
                findings.append(_repaired("表四", block.label, rows[block.key], width, vector,
                                          [f"s4.{block.key}.{c.key}" for c in S4_COLUMNS]))
        table[block.key] = {col.key: cells[i] for i, col in enumerate(S4_COLUMNS)}
    return TableRead(table, findings + _s4_placed_by_sum(placed, rows[S4_BLOCKS[0].key]), rows=rows)


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


def _s4_unwrapped(value_lines: Sequence[Line]) -> list[Vector]:
    """The readings of table 四's row printed long where a narrow cell wrapped a count over two lines (``3 0 0 0
    3 1`` / ``8`` for …3, 18): as many joins of a line's last figure with the next line's first as the row has
    figures too many, each reading one under which every block adds up. A row with more ways to join than
    ``_MAX_JOINS_TRIED`` (a figure per line, many too many) is not tried: its time would have no bound."""
    lines = [[v for v in line.values if v] for line in value_lines]
    if not all(v.isascii() and v.isdigit() for line in lines for v in line):
        return []
    breaks = list(itertools.accumulate(len(line) for line in lines))[:-1]
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


def _s4_header_places(lines: Sequence[Line], starts: bool = False) -> list[float] | None:
    """Where table 四's 15 columns stand in layout-kept text: the places of the column-header words above its
    figures (结果维持 … 总计, whole on one line or wrapped over several, 结果 / 维持, a character a line), a column
    wherever such words stand within ``_S4_HEADER_TOLERANCE`` of each other; None unless they make 15 columns.
    The words' middles, or with ``starts`` their first characters' places."""
    places = sorted(offset - (len(cell) / 2 if starts else 0) for line in lines if not line.values and line.offsets
                    for cell, offset in zip(line.text.split("\t"), line.offsets)
                    if (key := label_key(cell)) and set(key) <= _S4_COLUMN_CHARS)
    columns: list[list[float]] = []
    for place in places:
        if columns and place - columns[-1][-1] <= _S4_HEADER_TOLERANCE:
            columns[-1].append(place)
        else:
            columns.append([place])
    return [sum(c) / len(c) for c in columns] if len(columns) == S4_WIDTH else None


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


def _s4_boxed(lines: Sequence[Line], known: Vector = (None,) * S4_WIDTH) -> TableRead | None:
    """Table 四 from boxes holding a figure under its column's header words (``s4boxes``): the cells every
    assignment keeping the boxes, the blocks' sums and the ``known`` cells (another reading's) agrees on, named
    as placed by the sums."""
    read = read_boxed(lines, known)
    if read is None or not any(v is not None for block in read.blocks for v in block):
        return None
    table: Table = {}
    rows: dict[str, RawRow] = {}
    for block, values in zip(S4_BLOCKS, read.blocks):
        table[block.key] = {c.key: Cell(None) if v is None else Cell(v, str(v)) for c, v in zip(S4_COLUMNS, values)}
        rows[block.key] = RawRow(block.key, "", [UNREAD_FIGURE if v is None else str(v) for v in values], read.where)
    cells = [f"s4.{b.key}.{c.key}" for b, values in zip(S4_BLOCKS, read.blocks)
             for c, v in zip(S4_COLUMNS, values) if v is not None]
    finding = Finding("cell.solved_by_sum", WARNING,
                      f"表四（{read.where}起）逐格输出，数字顺序已无法从文本看出；各数所在的格只由其上方的列名（及栏名）、"
                      f"一栏五数相连印出时的先后和各栏的总计等于其余四列之和唯一确定；这些数字已无法再由表内合计检验，请对照原件核对", cells)
    return TableRead(table, [finding], rows=rows, cell_per_line=True)


def read_s4(lines: Sequence[Line]) -> TableRead:
    read = _s4_by_layout(lines)
    if _any_read(read):
        return read
    # its fifteen figures on one line, or on one line and the digits a narrow column wrapped under it
    return (_s4_whole_line(lines) or _s4_whole_line(unwrapped_lines(lines)) or _s4_listed(lines)
            or _s4_label_figures(lines) or read)


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
        row = _as_listed(row, S4_WIDTH)
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


def _s4_by_layout(lines: Sequence[Line]) -> TableRead:
    if is_cell_per_line(lines) and headers_against_order(lines, [c.label for c in S4_COLUMNS]):
        # the header pieces among the figures show the stream is not in the table's order: only the boxes place
        return _s4_boxed(lines) or _s4_blocks_read({}, lines[0].where)
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
    values = _meaningful(printed_values, S4_WIDTH, any(_apart(ln) for ln in value_lines), _S4_SUMS)
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
        if len(cells) > S4_WIDTH:   # a figure a narrow cell wrapped is as likely as one too many
            readings = list(dict.fromkeys([*readings, *_s4_unwrapped(value_lines)]))
        if all(None in reading for reading in readings):   # no figure lost alone: cells whose gaps were lost?
            readings = glued_readings(values, S4_WIDTH, _S4_SUMS) or readings
        vector = readings[0] if len(readings) == 1 else (agreed(readings) if readings else (None,) * S4_WIDTH)
        cells = _vector_cells(vector)
        if len(readings) == 1 and None not in vector:
            findings.append(_repaired("表四", "数据", printed, S4_WIDTH, vector,
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

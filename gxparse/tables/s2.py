"""Reading table 二 (what the agency disclosed on its own initiative: rules and normative documents, licences,
penalties, compulsory measures, fees) from document lines into cells: rows found by item label, under the
column headers or in the order printed, and the lines of its boxes a tool wrote outside the section
(``s2_lead``, ``s2_trail``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gxparse.extraction.cellstream import (HeaderRun, LabelledRun, Shape, column_boxes, header_runs, is_cell_per_line,
                                           labelled_runs, named_columns, read_stream)
from gxparse.cells import OCR_NOISE, UNREAD_FIGURE, holds_figures, joins_group, lists_figures, parse_count, parse_money
from gxparse.document import Line
from gxparse.model import WARNING, Cell, Finding, Table
from gxparse.normalize import label_key
from gxparse.arithmetic.placement import glued_readings
from gxparse.arithmetic.realign import Vector, agreed, candidates
from gxparse.rows import Collected, LabelMatcher, RawRow, collect_rows
from gxparse.template import S2_CONTENT_HEADER, S2_ITEMS, Item
from gxparse.extraction.textcolumns import spread_under_headers
from gxparse.tables.s4 import s4_header_piece
from gxparse.tables.tableread import (TableRead, as_listed, cells_apart, labelled_rows, listed_extras,
                                      may_be_page_number, meaningful, nonblank, printed_in_row_order, repaired_finding,
                                      tails_under, vector_cells)


# What agencies print before an item's label, in label_key form: the sub-table's caption in a column of its own
# (第二十条第（一）项), a serial-number column (序号), or a numbering of their own (1. / 1、 / （一） / 一、). An
# item's anchor is held to the label's start (``^规章``), so without these the row names nothing.
_S2_LABEL_PREFIX = r"(?:第二十条第\([一二三四五六七八九十]{1,2}\)项)?(?:\d{1,2}\.?|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2})?"


# A figure OCR read as a word where it stands (71 → 也): a few letters or ideographs, no digit, bracket or mark
_MISREAD_WORD = re.compile(r"^[A-Za-z\u4e00-\u9fff]{1,3}$")
# units printed after a label in a cell of their own (行政事业性收费 万元): no figure misread
_UNIT_WORDS = frozenset({"万元", "元", "件", "个", "条", "项", "次", "人", "家"})


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
                        and nonblank(by_order[o].values)), None)
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


def _s2_captioned_runs(lines: Sequence[Line], items: Sequence[Item]) -> dict[str, RawRow]:
    """Items read from runs whose column's name follows one sub-table's caption (第二十条第（五）项 / 信息内容 /
    本年处理决定数量 / 550: pdftotext writes a sub-table's caption, its header and first figures row by row): the run
    is that sub-table's column, whatever other sub-table prints the same name, when it holds a figure for each of
    its items; the items every column of which was read so."""
    passing = frozenset(label_key(text) for item in items for text in (item.label, item.caption, S2_CONTENT_HEADER))
    headers = frozenset(label_key(c.label) for item in items for c in item.columns)
    cells: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for run in header_runs(lines, headers, passing):
        _s2_captioned_run(run, items, cells, where)
    return _HeaderCells(cells, where).rows(items)


def _s2_captioned_run(run: HeaderRun, items: Sequence[Item], cells: dict[str, dict[str, str]],
                      where: dict[str, str]) -> None:
    """Adds to ``cells`` the column ``run`` holds when its name follows exactly one sub-table's caption, is one of
    that sub-table's columns and the run holds a figure for each of its items (no cell another run read)."""
    captions = {label_key(item.caption) for item in items}
    named = [key for key in run.passed if key in captions]
    if len(named) != 1:
        return
    table = [item for item in items if label_key(item.caption) == named[0]]
    column = next((c.key for c in table[0].columns if label_key(c.label) == run.header), None)
    if column is None or len(run.values) != len(table) or any(
            _parse_item_cell(item, column, value).invalid for item, value in zip(table, run.values)):
        return
    for item, value in zip(table, run.values):
        cells.setdefault(item.key, {}).setdefault(column, value)
        where.setdefault(item.key, run.where)


def _s2_under_caption_headers(lines: Sequence[Line], items: Sequence[Item]) -> dict[str, dict[str, str]]:
    """Cells of table 二 printed a cell per line where each sub-table's caption (第二十条第（五）项) is followed by a
    header line naming only its first columns (上一年项目数量 本年增/减: the other columns' names and figures the
    tool wrote as boxes apart) and then, item after item, its label and one figure a named column: those cells,
    by item, by column. A sub-table is read only where every item of it prints exactly that many figures under its
    label, in the template's order, each one its column can hold (a blank cell among them would leave a figure
    short: nothing is read); the columns not named stay for other readings."""
    captions = {label_key(table[0].caption): table for table in _s2_subtables(items)}
    content = label_key(S2_CONTENT_HEADER)
    found: dict[str, dict[str, str]] = {}
    table: list[Item] | None = None
    columns: list[str] = []
    printed: list[tuple[Item, list[str]]] = []

    def close() -> None:
        if table is not None and columns and [item for item, _ in printed] == table \
                and all(len(values) == len(columns) for _, values in printed) \
                and not any(_parse_item_cell(item, c, v).invalid for item, values in printed
                            for c, v in zip(columns, values)):
            for item, values in printed:
                found[item.key] = dict(zip(columns, values))

    for line in lines:
        key = label_key(line.label) if line.label and not line.values else ""
        if key in captions:
            close()
            table, columns, printed = captions[key], [], []
        elif table is None or key == content:
            continue
        elif not columns:
            named = [label_key(word) for word in line.label.split()] if key else []
            wanted = [label_key(c.label) for c in table[0].columns]
            if named and len(named) < len(wanted) and named == wanted[:len(named)]:
                columns = [c.key for c in table[0].columns[:len(named)]]
            else:
                table = None
        elif key and (item := next((i for i in table if label_key(i.label) == key), None)) is not None:
            printed.append((item, []))
        elif printed and len(line.values) == 1 and not line.label:
            printed[-1][1].append(line.values[0])
        else:
            close()
            table = None
    close()
    return found


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
    if len(wide) < 2 or any(nonblank(row.values) != row.values or len(row.values) != len(columns[key].columns) + 1
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
        cells = nonblank(line.text.split("\t")) if line.cells_delimited and not line.values else []
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


def _s2_labelled_rows(lines: Sequence[Line], version: str) -> dict[str, RawRow]:
    """The items whose label stands right over their figures (``labelled_rows``), and those whose narrow label
    cell wraps around them (行政规范性文 / 12 / 18 / 271 / 件: ``_s2_run_item``), each run so named once."""
    match = S2_MATCHER[version]
    rows = labelled_rows(lines, match)
    wrapped: dict[str, list[RawRow]] = {}
    for n, run in enumerate(labelled_runs(lines)):
        if match(" ".join(run.pieces)) is None and (key := _s2_run_item(run, lines, match)) is not None:
            wrapped.setdefault(key, []).append(RawRow(key, " ".join(run.pieces), run.values, run.where, order=n))
    return rows | {key: found[0] for key, found in wrapped.items() if len(found) == 1 and key not in rows}


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


def _s2_labels_alone(collected: Collected, items: Sequence[Item], lines: Sequence[Line]) -> dict[str, RawRow]:
    """Items of table 二 printed as a label alone (zeros printed as empty cells, positions lost), as rows of blank
    cells: only where every figure of the table stands under an item holding no more figures than its columns
    (figures under no item, or more than an item holds, may be a lone label's own), and the label holds none.
    A label whose line ends in a glyph OCR made of a figure (``_figure_misread``) is a row unread: which of its
    cells the glyph stands for is not known, so none is read as a zero."""
    widths = {item.key: len(item.columns) for item in items}
    if any(parse_count(v).value is not None for extra in collected.extras for v in extra.values):
        return {}
    if any(len(meaningful(row.values, widths[key], cells_apart(row))) > widths[key] for key, row in collected.rows.items()):
        return {}
    labels = {line.where: line.label for line in lines}
    misread = {item.key for item in items if (row := collected.bare.get(item.key)) is not None
               and _figure_misread(labels.get(row.where, ""), item)}
    return {key: replace(row, values=[UNREAD_FIGURE if key in misread else ""] * widths[key])
            for key, row in collected.bare.items()
            if key in widths and key not in collected.rows and not holds_figures(row.label)}


def _figure_misread(label: str, item: Item) -> bool:
    """Whether a line's ``label`` is ``item``'s label followed by a short word set off (``行政强制 也``: OCR's glyph
    for 71 where its figure stands): a cell that could not be read, never one printed blank. A unit or a
    bracketed note is no such word."""
    named, _, word = label.strip().rpartition(" ")
    return (bool(_MISREAD_WORD.match(word)) and word not in _UNIT_WORDS
            and label_key(named).endswith(label_key(item.label)))


def s2_lead(lines: Sequence[Line], version: str) -> list[Line]:
    """The last lines of ``lines`` (the text before section 二's heading) that are table 二's column boxes: runs
    of single figures each under one of its column names. A tool writing a page's text boxes in its own order
    (pdfminer.six) may put a table's first boxes before its section's heading; those names head no other table."""
    items = S2_ITEMS[version if version in S2_ITEMS else "v2021"]
    headers = {label_key(c.label) for item in items for c in item.columns}
    end = len(lines)
    while end and s4_header_piece(lines[end - 1]):
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
    rows = {key: as_listed(row, widths[key]) for key, row in collected.rows.items()}
    extras = listed_extras(collected.extras, set(widths.values()))
    cell_per_line = is_cell_per_line(lines)
    header_cells = _s2_by_headers([*lead, *lines, *trail], items)
    by_headers = header_cells.rows(items)
    # a tool that put the table's column boxes before its heading wrote its figures away from their labels: a label
    # alone there is no row printed blank
    alone = {} if any(line.values for line in lead) else _s2_labels_alone(collected, items, lines)
    # every item a label alone: a table printed without a figure (its items' labels are no prose)
    printed_blank = len(alone) > len(items) // 2
    if not rows and not printed_blank and not by_headers:
        return TableRead(None, extras=extras)
    if not cell_per_line or printed_in_row_order(lines, rows, extras, [item.key for item in items], widths):
        rows = rows | alone
    elif (split := _s2_labels_and_headers(lines, items, header_cells, version)) is not None:
        rows, extras = split, []
    else:
        stream = _s2_stream(lines, S2_ITEMS[version], rows)
        if stream is None:   # only the items whose label stands right over as many figures as they hold
            stream = {key: row for key, row in _s2_labelled_rows(lines, version).items()
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
    for key, row in (_s2_captioned_runs(lines, items) | _s2_blocks([*lead, *lines, *trail], items)).items():
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
        values = meaningful(raw.values, len(keys), cells_apart(raw)) if raw else []
        if raw is None:
            table[item.key] = {k: Cell(None) for k in keys}
            continue
        if len(values) == len(keys):
            table[item.key] = {k: _parse_item_cell(item, k, v) for k, v in zip(keys, values)}
            continue
        if (laid := _s2_under_headers(lines, item, raw) or _s2_under_whole_row(lines, item, raw, rows)) is not None:
            table[item.key] = {k: _parse_item_cell(item, k, v) for k, v in zip(keys, laid)}
            continue
        if (cut := _s2_one_cut(item, values)) is not None:
            table[item.key] = dict(zip(keys, vector_cells(cut)))
            findings.append(_s2_cut_finding(item, raw, values, cut))
            continue
        parsed = [_parse_item_cell(item, keys[min(i, len(keys) - 1)], v).value for i, v in enumerate(values)]
        readings = [] if _group_unread(values, parsed) else candidates(parsed, len(keys), [])
        vector = readings[0] if len(readings) == 1 else agreed(readings) if readings else (None,) * len(keys)
        table[item.key] = dict(zip(keys, vector_cells(vector)))
        if len(readings) == 1 and None not in vector:
            findings.append(repaired_finding("表二", item.label, raw, len(keys), vector,
                                      [f"s2.{item.key}.{k}" for k in keys]))
    if cell_per_line:
        _s2_fill_unread(table, items, _s2_under_caption_headers(lines, items))
    return TableRead(table, findings, extras, rows=rows, cell_per_line=cell_per_line, tails=tails)


def _s2_fill_unread(table: Table, items: Sequence[Item], found: dict[str, dict[str, str]]) -> None:
    """Gives the ``items`` nothing else read (every cell unknown) the columns ``found`` holds for them."""
    for item in items:
        cells = table.get(item.key)
        if cells is not None and item.key in found and all(cell.value is None for cell in cells.values()):
            for column, value in found[item.key].items():
                cells[column] = _parse_item_cell(item, column, value)


def _s2_one_cut(item: Item, values: Sequence[str]) -> Vector | None:
    """The cells of an item of counts printed short with its figures run together (lxml's ``text_content``:
    ``规章 000``), where only one reading exists: its runs cut into counts (none but 0 begins with 0) in every way,
    any cell left blank (``glued_readings`` with ``blanks``: no sum checks table 二, so no cut is preferred to a
    blank). Only where the runs hold a digit for every cell (fewer may have lost a figure elsewhere); None where
    an amount or a signed count is among the columns, or the readings are several."""
    width = len(item.columns)
    if item.money or item.signed or sum(map(len, values)) < width:
        return None
    readings = glued_readings(values, width, [], blanks=True)
    return readings[0] if len(readings) == 1 else None


def _s2_cut_finding(item: Item, raw: RawRow, values: Sequence[str], cut: Vector) -> Finding:
    return Finding("row.repaired", WARNING,
                   f"表二「{item.label}」行（{raw.where}）的数字连在一起印出（{' '.join(values)}），"
                   f"无论哪格留空，只有一种分法：{', '.join(map(str, cut))}",
                   [f"s2.{item.key}.{c.key}" for c in item.columns])


def _group_unread(values: Sequence[str], parsed: Sequence[int | str | None]) -> bool:
    """Whether a cell no count reads is a thousands group the cell before it may lead (``1`` ``082``) or digits
    led by a zero, which no figure prints (``8937`` ``0276``: an amount's point lost): a piece of a figure, never
    a speck ``candidates`` may leave out, so the row's figures are not certain."""
    return any(figure is None and n and (joins_group(values[n - 1], value) or OCR_NOISE.match(value))
               for n, (value, figure) in enumerate(zip(values, parsed)))


def _s2_unwrap(rows: dict[str, RawRow], extras: list[RawRow], items: Sequence[Item]) -> list[Finding]:
    """The 表二 text rows with the tails of their wrapped figures right under them (``tails_under``): read where
    the tails are as many as the row's figures a tail can continue (a figure other than 0, digits alone), so each
    takes the next in order, the one way of writing them (``行政许可 1`` / ``2502``; ``1 1 2`` / ``2 8 71``); else
    unread (``6 3 7`` / ``2 4``: which two were wrapped, nothing says), and so where the line may be a page's
    number (``tableread.may_be_page_number``). A tail line the row's figures can take leaves ``extras``: it is the
    row's, never figures of a table not read."""
    findings = []
    columns = {item.key: item for item in items}
    for key, tail in tails_under(rows, extras).items():
        row, item = rows[key], columns[key]
        starts = [n for n, head in enumerate(row.values) if head.isdigit() and head[0] != "0"]
        if may_be_page_number(tail.values):
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

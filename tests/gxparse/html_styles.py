"""Report pages in the table styles real publishers' tools write: the seeds' and real reports' figures as
Word (``Save as Web Page`` / filtered HTML), WPS, Excel and web editors (UEditor, KindEditor, TinyMCE,
CKEditor) write them, the same tables with other legal rowspan/colspan structures, split or nested, zeros
written as marks or left empty, figures with stray text, and CSS "tables" of ``<div>``s.

A table is built once as rows of ``Cell`` (the official structure of shared/spec/template.md), then a style
changes its structure (``Shape``) and writes its cells (``Writer``); ``STYLES`` names each combination. The
truth of every page is the report's own figures (a mark for zero is still 0).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from urllib.parse import quote

from gxparse.template import (
    S2_CONTENT_HEADER,
    S2_ITEMS,
    S3_APPLICANT_HEADER,
    S3_COLUMNS,
    S3_CORNER_NOTE,
    S3_ORG_HEADER,
    S3_RESULTS_GROUP,
    S4_BLOCKS,
    S4_COLUMNS,
    S4_LITIGATION_HEADER,
    SECTIONS,
    Section,
)
from simsite.render import S2_VALUE_SLOTS, _s3_rows
from tests.gxparse.seeds import SEEDS, expected, report_dict, seed_prose

_S3_LABEL_SLOTS = 3


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False   # a caption or column header
    figure: bool = False   # a figure of the report
    group: bool = False    # a group label of table 三 (三、本年度办理结果, （三）不予公开 …)
    hidden: bool = False   # in a row the page does not show (display:none)


@dataclass
class Table:
    key: str                      # s2, s3 or s4
    rows: list[list[Cell]]
    head: int = 0                 # how many of the first rows are column headers


# ---------------------------------------------------------------------------------------------------
# the official structure


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _s2(report: dict) -> Table:
    rows: list[list[Cell]] = []
    caption = None
    s2 = report["s2"] or {}
    for item in S2_ITEMS[report["template"]]:
        widths = [1] * (len(item.columns) - 1) + [S2_VALUE_SLOTS - len(item.columns) + 1]
        if item.caption != caption:
            caption = item.caption
            rows.append([Cell(caption, colspan=1 + S2_VALUE_SLOTS, header=True)])
            rows.append([Cell(S2_CONTENT_HEADER, header=True)]
                        + [Cell(c.label, colspan=w, header=True) for c, w in zip(item.columns, widths)])
        values = s2.get(item.key) or {}
        rows.append([Cell(item.label)] + [Cell(_text(values.get(c.key)), colspan=w, figure=True)
                                          for c, w in zip(item.columns, widths)])
    return Table("s2", rows)


def _s3_head() -> list[list[Cell]]:
    org = S3_COLUMNS[1:-1]
    return [
        [Cell(S3_CORNER_NOTE, rowspan=3, colspan=_S3_LABEL_SLOTS, header=True),
         Cell(S3_APPLICANT_HEADER, colspan=len(S3_COLUMNS), header=True)],
        [Cell(S3_COLUMNS[0].label, rowspan=2, header=True), Cell(S3_ORG_HEADER, colspan=len(org), header=True),
         Cell(S3_COLUMNS[-1].label, rowspan=2, header=True)],
        [Cell(c.label, header=True) for c in org],
    ]


def _s3(report: dict) -> Table:
    s3 = report["s3"]
    rows = _s3_rows(s3, report["template"])
    results = [r for r in rows if r.key.startswith("result.")]
    sizes = {g: sum(1 for r in results if r.group == g) for g in {r.group for r in results if r.group}}
    out = _s3_head()
    seen: set[str] = set()
    for row in rows:
        labels: list[Cell] = []
        if row is results[0]:
            labels.append(Cell(S3_RESULTS_GROUP, rowspan=len(results), group=True))
        if not row.key.startswith("result."):
            labels.append(Cell(row.label, colspan=_S3_LABEL_SLOTS))
        elif row.group is None:
            labels.append(Cell(row.label, colspan=_S3_LABEL_SLOTS - 1))
        else:
            if row.group not in seen:
                seen.add(row.group)
                labels.append(Cell(row.group, rowspan=sizes[row.group], group=True))
            labels.append(Cell(row.label))
        values = s3.get(row.key) or {}
        out.append(labels + [Cell(_text(values.get(c.key)), figure=True) for c in S3_COLUMNS])
    return Table("s3", out, head=3)


def _s4(report: dict) -> Table:
    s4 = report["s4"]
    review, *litigation = S4_BLOCKS
    width = len(S4_COLUMNS)
    return Table("s4", [
        [Cell(review.label, colspan=width, header=True),
         Cell(S4_LITIGATION_HEADER, colspan=width * len(litigation), header=True)],
        [Cell(c.label, rowspan=2, header=True) for c in S4_COLUMNS]
        + [Cell(b.label, colspan=width, header=True) for b in litigation],
        [Cell(c.label, header=True) for _ in litigation for c in S4_COLUMNS],
        [Cell(_text((s4.get(b.key) or {}).get(c.key)), figure=True) for b in S4_BLOCKS for c in S4_COLUMNS],
    ], head=3)


def official_tables(report: dict) -> dict[str, Table]:
    builders = {"s2": _s2, "s3": _s3, "s4": _s4}
    return {key: build(report) for key, build in builders.items() if report.get(key) is not None}


# ---------------------------------------------------------------------------------------------------
# shapes: the same table with another legal structure (each returns the tables to print for one)

Shape = Callable[[Table], list[Table]]


def _grid(table: Table) -> list[list[tuple[Cell, bool, bool]]]:
    """The table with every span expanded: each slot holds its cell, whether it is the cell's first row and
    whether its first column."""
    grid: list[list[tuple[Cell, bool, bool] | None]] = [[] for _ in table.rows]
    for r, cells in enumerate(table.rows):
        c = 0
        for cell in cells:
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            for dr in range(cell.rowspan):
                row = grid[r + dr]
                row.extend([None] * (c + cell.colspan - len(row)))
                for dc in range(cell.colspan):
                    row[c + dc] = (cell, dr == 0, dc == 0)
            c += cell.colspan
    return grid   # type: ignore[return-value]


def as_is(table: Table) -> list[Table]:
    return [table]


def groups_repeated(table: Table) -> list[Table]:
    """Every row-spanning label cell written again on each row it spans (no rowspan in the body)."""
    if table.key != "s3":
        return [table]
    rows = []
    for r, slots in enumerate(_grid(table)):
        if r < table.head:
            rows.append(table.rows[r])
            continue
        cells = []
        for cell, _, first_col in slots:
            if first_col:
                cells.append(replace(cell, rowspan=1) if cell.group else cell)
        rows.append(cells)
    return [replace(table, rows=rows)]


def groups_unspanned(table: Table) -> list[Table]:
    """Row-spanning label cells unmerged as a spreadsheet unmerges them: the label in the first row, an empty
    cell in each row below."""
    if table.key != "s3":
        return [table]
    rows = [*table.rows[:table.head]]
    for slots in _grid(table)[table.head:]:
        rows.append([replace(cell, rowspan=1, text=cell.text if first_row else "") if cell.group else cell
                     for cell, first_row, first_col in slots if first_col])
    return [replace(table, rows=rows)]


def groups_merged(table: Table) -> list[Table]:
    """Table 三's label columns merged into one: each row's group labels joined in front of its own label
    (``（三）不予公开 1.属于国家秘密``), the result group left out as its own column."""
    if table.key != "s3":
        return [table]
    rows = [[replace(table.rows[0][0], colspan=1), *table.rows[0][1:]], *table.rows[1:table.head]]
    for slots in _grid(table)[table.head:]:
        labels = [cell for cell, _, first_col in slots if first_col and not cell.figure]
        own = [cell.text for cell in labels if cell.text != S3_RESULTS_GROUP]
        rows.append([Cell(" ".join(own))] + [cell for cell, _, first_col in slots if first_col and cell.figure])
    return [replace(table, rows=rows)]


def leading_empty_column(table: Table) -> list[Table]:
    """An empty first column in every row (a spacer the editor kept from a wider table)."""
    return [replace(table, rows=[[Cell(""), *cells] for cells in table.rows])]


def header_flat(table: Table) -> list[Table]:
    """Table 三's header on one row: no 申请人情况 / 法人或其他组织 rows, each column named once; table 四's
    header as block × column names on one row."""
    if table.key == "s3":
        head = [Cell("", colspan=_S3_LABEL_SLOTS, header=True)] + [Cell(c.label, header=True) for c in S3_COLUMNS]
        return [replace(table, rows=[head, *table.rows[table.head:]], head=1)]
    if table.key == "s4":
        head = [Cell(f"{b.label}{c.label}", header=True) for b in S4_BLOCKS for c in S4_COLUMNS]
        return [replace(table, rows=[head, table.rows[-1]], head=1)]
    return [table]


def header_two_rows(table: Table) -> list[Table]:
    """Table 三's header in two rows: 自然人 and 总计 spanning both, 法人或其他组织 over its five; the corner
    cell spanning two rows."""
    if table.key != "s3":
        return [table]
    org = S3_COLUMNS[1:-1]
    head = [[Cell(S3_CORNER_NOTE, rowspan=2, colspan=_S3_LABEL_SLOTS, header=True),
             Cell(S3_COLUMNS[0].label, rowspan=2, header=True), Cell(S3_ORG_HEADER, colspan=len(org), header=True),
             Cell(S3_COLUMNS[-1].label, rowspan=2, header=True)],
            [Cell(c.label, header=True) for c in org]]
    return [replace(table, rows=[*head, *table.rows[table.head:]], head=2)]


def header_total_apart(table: Table) -> list[Table]:
    """Table 三's header with 申请人情况 over the six applicant columns and 总计 spanning all three header rows."""
    if table.key != "s3":
        return [table]
    org = S3_COLUMNS[1:-1]
    head = [[Cell(S3_CORNER_NOTE, rowspan=3, colspan=_S3_LABEL_SLOTS, header=True),
             Cell(S3_APPLICANT_HEADER, colspan=len(S3_COLUMNS) - 1, header=True),
             Cell(S3_COLUMNS[-1].label, rowspan=3, header=True)],
            [Cell(S3_COLUMNS[0].label, rowspan=2, header=True), Cell(S3_ORG_HEADER, colspan=len(org), header=True)],
            [Cell(c.label, header=True) for c in org]]
    return [replace(table, rows=[*head, *table.rows[table.head:]])]


def s2_unspanned(table: Table) -> list[Table]:
    """Table 二's single-figure items in the first value column, the columns after it empty cells (no colspan)."""
    if table.key != "s2":
        return [table]
    rows = []
    for cells in table.rows:
        out = []
        for cell in cells:
            spread = cell.colspan > 1 and (len(cells) > 1)
            out.append(replace(cell, colspan=1) if spread else cell)
            out += [Cell("", header=cell.header) for _ in range(cell.colspan - 1)] if spread else []
        rows.append(out)
    return [replace(table, rows=rows)]


def s4_blocks(table: Table) -> list[Table]:
    """Table 四 a block per row: the five result columns over three labelled rows."""
    if table.key != "s4":
        return [table]
    figures = table.rows[-1]
    width = len(S4_COLUMNS)
    rows = [[Cell("", header=True)] + [Cell(c.label, header=True) for c in S4_COLUMNS]]
    for b, block in enumerate(S4_BLOCKS):
        label = block.label if b == 0 else f"{S4_LITIGATION_HEADER}（{block.label}）"
        rows.append([Cell(label)] + figures[b * width:(b + 1) * width])
    return [Table("s4", rows, head=1)]


SUBTOTAL = "小计"


def org_subtotal(table: Table) -> list[Table]:
    """Table 三 with a 小计 column after the five 法人或其他组织 columns (their sum), as some tools add."""
    if table.key != "s3":
        return [table]
    org = len(S3_COLUMNS) - 2
    head = [list(cells) for cells in table.rows[:table.head]]
    head[0][-1] = replace(head[0][-1], colspan=head[0][-1].colspan + 1)
    head[1][1] = replace(head[1][1], colspan=org + 1)
    head[2].append(Cell(SUBTOTAL, header=True))
    rows = []
    for cells in table.rows[table.head:]:
        figures = [c for c in cells if c.figure]
        labels = cells[:len(cells) - len(figures)]
        total = sum(int(c.text or 0) for c in figures[1:1 + org])
        rows.append([*labels, *figures[:1 + org], Cell(str(total), figure=True), figures[-1]])
    return [replace(table, rows=[*head, *rows])]


def group_subtotals(table: Table) -> list[Table]:
    """Table 三 with a row of its own for each group （三）…（六） holding the group's sums, its items under it."""
    if table.key != "s3":
        return [table]
    flat = groups_repeated(table)[0]
    rows: list[list[Cell]] = list(flat.rows[:flat.head])
    body = flat.rows[flat.head:]
    for r, cells in enumerate(body):
        group = next((c.text for c in cells if c.group and c.text != S3_RESULTS_GROUP), None)
        first = group is not None and next((c.text for c in body[r - 1] if c.group and c.text == group), None) is None
        if first:
            members = [row for row in body if any(c.group and c.text == group for c in row)]
            sums = [sum(int(c.text or 0) for c in column) for column in
                    zip(*([c for c in row if c.figure] for row in members))]
            rows.append([Cell(S3_RESULTS_GROUP, group=True), Cell(group, colspan=2)]
                        + [Cell(str(v), figure=True) for v in sums])
        rows.append(cells)
    return [replace(flat, rows=_respan(rows, flat.head))]


def rowspan_overshoot(table: Table) -> list[Table]:
    """Table 三's result group spanning one row more than it has (四、结转下年度 pushed right by a column), as
    browsers lay out a hand-edited span."""
    if table.key != "s3":
        return [table]
    rows = [[replace(c, rowspan=c.rowspan + 1) if c.group and c.text == S3_RESULTS_GROUP else c for c in cells]
            for cells in table.rows]
    return [replace(table, rows=rows)]


def row_per_table(table: Table) -> list[Table]:
    """Each row of table 三's body a table of its own (a CMS that pastes a Word table row by row); spans
    within a row kept, group labels repeated."""
    if table.key != "s3":
        return [table]
    flat = groups_repeated(table)[0]
    return [replace(flat, rows=flat.rows[:flat.head])] + [Table("s3", [cells]) for cells in flat.rows[flat.head:]]


def hidden_rows(table: Table) -> list[Table]:
    """Every figure row of table 三 preceded by a hidden copy of itself with other figures (an Excel sheet's
    hidden draft rows, saved as ``display:none`` rows)."""
    if table.key != "s3":
        return [table]
    flat = groups_repeated(table)[0]
    rows = list(flat.rows[:flat.head])
    for cells in flat.rows[flat.head:]:
        rows.append([replace(c, text=str(int(c.text or 0) + 1), hidden=True) if c.figure else replace(c, hidden=True)
                     for c in cells])
        rows.append(cells)
    return [replace(flat, rows=rows)]


def split_at_page(table: Table) -> list[Table]:
    """Table 三 broken where a Word page ends, its header repeated over the second part (the rowspans of the
    group labels cut there and started again)."""
    if table.key != "s3":
        return [table]
    flat = groups_repeated(table)[0]
    body = flat.rows[flat.head:]
    cut = len(body) // 2
    return [replace(flat, rows=_respan(flat.rows[:flat.head] + body[:cut], flat.head)),
            replace(flat, rows=_respan(flat.rows[:flat.head] + body[cut:], flat.head))]


def _respan(rows: list[list[Cell]], head: int) -> list[list[Cell]]:
    """Repeated group labels in consecutive rows made one row-spanning cell again."""
    out = [list(cells) for cells in rows]
    for r in range(len(out) - 1, head, -1):
        for cell in list(out[r]):
            above = out[r - 1]
            match = next((c for c in above if c.group and cell.group and c.text == cell.text), None)
            if match is not None:
                match.rowspan += cell.rowspan
                out[r].remove(cell)
    return out


def split_by_columns(table: Table) -> list[Table]:
    """Table 三 in two column parts on a page too narrow for it: each row's labels, then 自然人 … 科研机构 in the
    first; the labels again, then 社会公益组织 … 总计 in the second (a header spanning the cut written in both)."""
    if table.key != "s3":
        return [table]
    grid = _grid(table)
    labels = min(c for slots in grid[table.head:] for c, (cell, _, _) in enumerate(slots) if cell.figure)
    return [_columns(grid, table, labels, 0, labels + 3), _columns(grid, table, labels, labels + 3, len(grid[0]))]


def _columns(grid: list[list[tuple[Cell, bool, bool]]], table: Table, labels: int, start: int, end: int) -> Table:
    """The label columns and the columns ``start`` … ``end`` of the grid as a table, spans cut at its edges."""
    columns = [*range(labels), *range(max(start, labels), end)]
    rows = []
    for slots in grid:
        cells = []
        for n, c in enumerate(columns):
            cell, first_row, first_col = slots[c]
            if first_row and (first_col or n == 0 or columns[n - 1] != c - 1 or slots[c - 1][0] is not cell):
                width = next((k for k in range(n + 1, len(columns)) if slots[columns[k]][0] is not cell
                              or columns[k] != columns[k - 1] + 1), len(columns)) - n
                cells.append(replace(cell, colspan=width))
        rows.append(cells)
    return replace(table, rows=rows)


def split_by_part(table: Table) -> list[Table]:
    """Table 三 as three tables: 一 and 二 under the header, the results, 四 — the header printed once."""
    if table.key != "s3":
        return [table]
    flat = groups_repeated(table)[0]
    body = flat.rows[flat.head:]
    return [replace(flat, rows=flat.rows[:flat.head] + body[:2]),
            Table("s3", _respan(body[2:-1], 0)), Table("s3", body[-1:])]


def split_by_subtable(table: Table) -> list[Table]:
    """Table 二 written as one table per 第二十条 item, each with its caption."""
    if table.key != "s2":
        return [table]
    parts: list[list[list[Cell]]] = []
    for cells in table.rows:
        if cells[0].header and cells[0].colspan > 1:
            parts.append([])
        parts[-1].append(cells)
    return [Table("s2", rows) for rows in parts]


def groups_vertical(table: Table) -> list[Table]:
    """The result group label printed vertically one character per paragraph (Word's vertical text pasted
    as lines)."""
    rows = [[replace(c, text="\n".join(c.text)) if c.group and c.text == S3_RESULTS_GROUP else c for c in cells]
            for cells in table.rows]
    return [replace(table, rows=rows)]


def compose(*shapes: Shape) -> Shape:
    def shaped(table: Table) -> list[Table]:
        tables = [table]
        for shape in shapes:
            tables = [out for t in tables for out in shape(t)]
        return tables
    return shaped


# ---------------------------------------------------------------------------------------------------
# figures: how a cell's figure is written


Figure = Callable[[str], str]


def figure_as_is(text: str) -> str:
    return text


def zero_as(mark: str) -> Figure:
    return lambda text: mark if text == "0" else text


def fullwidth(text: str) -> str:
    return text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))


def with_unit(text: str) -> str:
    """Counts followed by their unit, as some editors type them (money keeps its header's unit)."""
    return f"{text}件" if text.isdigit() else text


def with_spaced_unit(text: str) -> str:
    return f"{text} （件）" if text.isdigit() else text


def with_note(text: str) -> str:
    """Figures other than zero followed by a bracketed note word, text gxparse must not guess at."""
    return f"{text}（注）" if text.isdigit() and text != "0" else text


def tracked(text: str) -> str:
    """Word's tracked changes left in the page: every figure typed over a struck-out earlier one (the page
    shows both, the earlier struck through)."""
    if not text.isdigit():
        return text
    return f"<del cite=\"mailto:admin\" datetime=\"2024-01-20T10:12\">{int(text) + 1}</del><ins>{text}</ins>"


def hidden_text(text: str) -> str:
    """Word's hidden text (``mso-hide:all``) left beside each figure: a draft figure the page does not show."""
    return f"{text}<span style='display:none;mso-hide:all'>{text}0</span>" if text.isdigit() else text


def _draft_before(markup: Callable[[str], str]) -> Figure:
    """Every figure typed after an earlier draft of itself (one more) that ``markup`` keeps from view."""
    return lambda text: f"{markup(str(int(text) + 1))}{text}" if text.isdigit() else text


# Word's hidden-text mark alone, the display:none Word writes beside it dropped (a cleaner that strips display from
# inline styles and keeps mso- properties): a browser shows the draft, Word does not
word_hidden_only = _draft_before(lambda draft: f"<span style='mso-hide:all'>{draft}</span>")
hidden_by_class = _draft_before(lambda draft: f'<span class="hid">{draft}</span>')
invisible = _draft_before(lambda draft: f'<span style="visibility: hidden">{draft}</span>')
font_zero = _draft_before(lambda draft: f'<span style="font-size:0px;line-height:0">{draft}</span>')
struck_by_class = _draft_before(lambda draft: f'<span class="del">{draft}</span>')
struck_by_style = _draft_before(lambda draft: f'<span style="text-decoration: line-through;">{draft}</span>')
# a screen-only rule hides the draft; a print-only rule hides the figure on paper alone (the screen shows it)
screen_hidden = _draft_before(lambda draft: f'<span class="scr-hide">{draft}</span>')
MEDIA_SHEET = ("<style type=\"text/css\">\n@charset \"utf-8\";\n@media print { .noprint, .scr-only { display: none } }\n"
               "@media screen, projection { .scr-hide { display:none } }\n"
               "@media screen and (max-width: 480px) { .wide { display: none } }\n.plain { color: #333 }\n</style>\n")


def screen_only(text: str) -> str:
    """The figure in a span a print-only rule hides, its draft before it in one a screen rule hides."""
    return f'<span class="noprint">{screen_hidden(text)}</span>' if text.isdigit() else text


def _earlier(text: str) -> str:
    return str(int(text) + 1) if text.isdigit() else text


def hidden_drafts(key: str, draft: str) -> str:
    """An earlier draft of a whole section (its heading and tables, other figures) kept in the page hidden:
    by an inline ``display:none``, the ``hidden`` attribute or a class the style sheet hides, a section each."""
    opening = {"s2": '<div style="display: none;">', "s3": "<div hidden>"}.get(key, '<div class="draft-copy">')
    return f"{opening}\n{draft}</div>\n"


def tab_panel(body: str) -> str:
    """The article in a tab panel kept from view until a script shows it (正文 | 解读 tabs), beside the portal's
    navigation table and the shown 解读 panel, as CMS article pages with tabs have."""
    return ('<table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td>'
            '<td><a href="/zwgk/ndbg/">政府信息公开年报</a></td></tr></table>\n'
            '<ul class="tabs"><li onclick="tab(1)">正文</li><li onclick="tab(2)">解读</li></ul>\n'
            f'<div id="tab1" class="tab-panel" style="display:none">\n{body}</div>\n'
            '<div id="tab2" class="tab-panel"><p>一图读懂：本机关本年度政府信息公开工作情况。</p>'
            '<p>本报告依据《中华人民共和国政府信息公开条例》编制，全文请见“正文”。</p></div>\n'
            '<script>function tab(n){for(var i=1;i<=2;i++){document.getElementById("tab"+i).style.display='
            'i==n?"block":"none";}}</script>\n')


def tab_fold(body: str) -> str:
    """The article in a tab panel (``tab_panel``) folded within it under 展开全文: a line shown, the report in a
    block kept from view until the reader unfolds it, as CMS pages with long articles write it."""
    return tab_panel('<p>本报告共六个部分，点击“展开全文”阅读。</p>\n'
                     '<p class="unfold"><a href="javascript:;" onclick="unfold(this)">展开全文</a></p>\n'
                     f'<div class="fold-body" style="display:none">\n{body}</div>\n')


def thousands_spaced(text: str) -> str:
    """Counts of four digits or more grouped by thousands as typesetters do: a thin space, a space, ``&nbsp;``."""
    if not text.isdigit() or len(text) < 4:
        return text
    return f"{int(text):,}".replace(",", ("\u2009", " ", "&nbsp;")[int(text) % 3])


def note_marks(text: str) -> str:
    """Figures other than zero with a note's mark raised or lowered after them: a digit, a bracketed digit, 注."""
    if not text.isdigit() or text == "0":
        return text
    return f"{text}{('<sup>1</sup>', '<sub>2</sub>', '<sup>[3]</sup>', '<sup>注</sup>')[int(text) % 4]}"


def zero_width(text: str) -> str:
    """A zero-width space before the figure and a byte-order mark after it, as web editors leave them."""
    return f"\u200b{text}\ufeff" if text else text


def with_stray(text: str) -> str:
    """Counts with the stray text editors leave: a unit after a space, in brackets, a note mark."""
    if not text.isdigit():
        return text
    return (f"{text} 件", f"{text}（件）", f"{text}※", text)[int(text) % 4]


# ---------------------------------------------------------------------------------------------------
# writers: a table's markup


@dataclass
class Writer:
    table_open: str
    cell: Callable[[Cell, str], str]   # a cell and its (escaped, figure-converted) content → <td>…</td>
    table_close: str = "</table>\n"
    row_open: str = "<tr>"
    head_group: bool = False           # header rows in <thead>, body rows in <tbody>
    spacer_row: str = ""               # written after the last row (Word's misaligned-columns row)
    row_around: tuple[str, str] = ("", "")   # markup a row is written inside (a content control's)
    paragraph: Callable[[str], str] = field(default=lambda text: f"<p>{text}</p>\n")
    heading: Callable[[str], str] = field(default=lambda text: f"<p><strong>{text}</strong></p>\n")


def _attrs(cell: Cell) -> str:
    colspan = f" colspan={cell.colspan}" if cell.colspan > 1 else ""
    return colspan + (f" rowspan={cell.rowspan}" if cell.rowspan > 1 else "")


def _lines(content: str, joiner: str) -> str:
    return joiner.join(content.split("\n"))


def plain_cell(cell: Cell, content: str) -> str:
    return f"<td{_attrs(cell)}>{_lines(content, '<br>')}</td>"


def corner_nested_cell(cell: Cell, content: str) -> str:
    """Table 三's corner cell split diagonally as editors do it: a small table of its own inside the cell, the
    column's name above, the note below."""
    if not (cell.header and cell.rowspan > 1 and cell.colspan > 1):
        return plain_cell(cell, content)
    return (f'<td{_attrs(cell)}><table width="100%" border="0"><tr><td align="right">{S3_APPLICANT_HEADER}</td></tr>'
            f"<tr><td>{content}</td></tr></table></td>")


def word_cell(cell: Cell, content: str) -> str:
    """Word's Save as Web Page: every cell a paragraph of class MsoNormal, figures in a lang=EN-US span closed
    by <o:p>, an empty cell an <o:p>&nbsp;</o:p>, widths in the cell's style."""
    style = ("width:42.55pt;border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;"
             "padding:0cm 5.4pt 0cm 5.4pt")
    paragraphs = []
    for line in content.split("\n") or [""]:
        if not line:
            span = "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
        elif cell.figure:
            span = (f"<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\",serif;"
                    f"mso-fareast-font-family:宋体'>{line}<o:p></o:p></span>")
        else:
            span = (f"<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:\"Times New Roman\";"
                    f"mso-hansi-font-family:\"Times New Roman\"'>{line}</span>")
        paragraphs.append(f"<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>"
                          f"{span}</p>")
    return f"\n  <td width=57{_attrs(cell)} valign=center style='{style}'>\n  {''.join(paragraphs)}\n  </td>"


_WORD_SPACER = ("<![if !supportMisalignedColumns]>\n <tr height=0>\n"
                + "".join("  <td width=57 style='border:none'></td>\n" for _ in range(10))
                + " </tr>\n <![endif]>\n")


def wps_cell(cell: Cell, content: str) -> str:
    """WPS Writer's HTML: the cell's paragraph of class p0 or MsoNormal with its font in a span, no <o:p>."""
    inner = "".join(f"<p class=p0 style='text-align:center;'><span style='font-family:仿宋_GB2312;"
                    f"font-size:10.5000pt;mso-spacerun:\"yes\";'>{line or '&nbsp;'}</span></p>"
                    for line in content.split("\n"))
    return (f"<td width=60{_attrs(cell)} valign=center style='width:45.0500pt;padding:0.0000pt 5.4000pt;"
            f"border:0.5000pt solid windowtext;'>{inner}</td>")


def excel_cell(cell: Cell, content: str) -> str:
    """Excel's Save as Web Page: class xlNN, x:num on figures, a full-width space in empty label cells."""
    num = f" x:num=\"{content}\"" if cell.figure and content.isdigit() else ""
    return f"<td class=xl6{5 + cell.header}{_attrs(cell)}{num}>{_lines(content, '<br>') or '　'}</td>"


def excel_formatted_cell(cell: Cell, content: str) -> str:
    """Excel's Save as Web Page of a sheet whose figures carry number formats: the displayed text grouped by
    thousands (``#,##0``) beside the raw ``x:num``, zeros shown as ``-`` by an accounting format, a total's
    formula in ``x:fmla``, a text cell marked ``x:str``."""
    if not (cell.figure and content.isdigit()):
        return f"<td class=xl6{5 + cell.header}{_attrs(cell)} x:str>{_lines(content, '<br>') or '　'}</td>"
    value = int(content)
    shown = f"{value:,}" if value else "-"
    formula = ' x:fmla="=SUM(B3:B9)"' if value % 7 == 3 else ""
    return (f"<td class=xl7{value % 3}{_attrs(cell)} x:num=\"{value}\"{formula} style='mso-number-format:"
            f"\"\\#\\,\\#\\#0_ \\;\\-\\#\\,\\#\\#0\";'>{shown}</td>")


def ueditor_cell(cell: Cell, content: str) -> str:
    """UEditor: a styled cell, the content in a centred paragraph of a font span, the header words bold,
    ``<br/>`` closing a paragraph, ``&nbsp;`` in an empty cell."""
    text = _lines(content, "<br/>") or "&nbsp;"
    if cell.header:
        text = f"<strong>{text}</strong>"
    return (f'<td width="60" valign="middle" style="word-break: break-all; border-width: 1px; border-style: solid;"'
            f'{_attrs(cell)}><p style="text-align:center"><span style="font-size: 14px; font-family: 宋体, SimSun;">'
            f"{text}</span><br/></p></td>")


def digit_spans_cell(cell: Cell, content: str) -> str:
    """Each character of a figure in a span of its own (a pasted Word run per character), headers as <th>."""
    if cell.figure:
        text = "".join(f'<span style="font-family:Times New Roman">{ch}</span>' for ch in content) or "&nbsp;"
    else:
        text = _lines(content, "<br />")
    tag = "th" if cell.header else "td"
    return f'<{tag}{_attrs(cell)} style="text-align: center;">{text}</{tag}>'


def kindeditor_cell(cell: Cell, content: str) -> str:
    """KindEditor: the content bare, ``<br />`` after it, ``&nbsp;`` around figures typed with spaces."""
    text = f"&nbsp;{content}&nbsp;" if cell.figure and content else _lines(content, "<br />")
    return f"<td{_attrs(cell)}>{text}<br /></td>"


def th_header_cell(cell: Cell, content: str) -> str:
    """CKEditor / TinyMCE: header cells as <th scope="col">, label cells of the body as <th scope="row">."""
    if cell.header:
        return f'<th scope="col"{_attrs(cell)}>{_lines(content, "<br />")}</th>'
    if not cell.figure:
        return f'<th scope="row"{_attrs(cell)}>{_lines(content, "<br />")}</th>'
    return f'<td{_attrs(cell)} style="width: 8%;">{content}</td>'


def footnote_cell(cell: Cell, content: str) -> str:
    """A figure carrying a footnote mark in superscript (a note under the table explains it)."""
    if cell.figure and content not in ("", "0"):
        return f"<td{_attrs(cell)}>{content}<sup>*</sup></td>"
    return plain_cell(cell, content)


def content_control_cell(cell: Cell, content: str) -> str:
    """Word's Save as Web Page of a form: each figure's cell a content control (``<w:Sdt>``), written around the
    ``<td>`` as Word does (a browser moves the element out of the row and keeps the cell in it)."""
    cell_markup = word_cell(cell, content)
    return f'<w:Sdt DocPart="DefaultPlaceholder" ID="{len(content)}">{cell_markup}</w:Sdt>' if cell.figure else cell_markup


def custom_element_cell(cell: Cell, content: str) -> str:
    """A page a front-end framework rendered, its components' custom elements left around cells and figures
    (``<x-cell><td><x-num>``), an inserted figure in ``<ins><font>`` of an old editor, a run of an editor's
    ``<span data-…>``."""
    if not cell.figure:
        return plain_cell(cell, content)
    inner = f'<span data-offset-key="{len(content)}-0"><x-num>{content}</x-num></span>' if content else ""
    return f'<x-cell><ins cite="mailto:editor"><font color="#000000"><td{_attrs(cell)}>{inner}</td></font></ins></x-cell>'


WORD = Writer(
    "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=604 style='width:453.2pt;"
    "border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;"
    "mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n",
    word_cell, row_open="\n <tr style='mso-yfti-irow:0;height:22.7pt'>", spacer_row=_WORD_SPACER,
    paragraph=lambda text: (f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                            f"<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{text}<span lang=EN-US>"
                            f"<o:p></o:p></span></span></p>\n"),
    heading=lambda text: (f"<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;"
                          f"font-family:黑体'>{text}<span lang=EN-US><o:p></o:p></span></span></b></p>\n"))
WPS = Writer("<table class=MsoNormalTable border=1 cellspacing=0 style='border-collapse:collapse;width:453.60pt;"
             "mso-table-layout-alt:fixed;border:none;mso-padding-alt:0.0000pt 5.4000pt 0.0000pt 5.4000pt;'>",
             wps_cell, row_open="<tr style='height:22.6500pt;'>",
             paragraph=lambda text: f"<p class=p0 style='text-indent:32.0000pt;'><span style='font-family:仿宋_GB2312;"
                                    f"font-size:16.0000pt;'>{text}</span></p>\n")
EXCEL = Writer("<table x:str border=0 cellpadding=0 cellspacing=0 width=864 style='border-collapse:collapse;"
               "table-layout:fixed;width:648pt'>\n <col width=72 span=12 style='width:54pt'>\n",
               excel_cell, row_open="\n <tr height=19 style='height:14.25pt'>",
               spacer_row="<![if supportMisalignedColumns]>\n <tr height=0 style='display:none'>"
                          + "<td width=72 style='width:54pt'></td>" * 12 + "</tr>\n <![endif]>\n")
def excel_wan_cell(cell: Cell, content: str) -> str:
    """Excel's Save as Web Page of a sheet showing figures of four digits or more in 万 to one decimal (the custom
    format ``0!.0,"万"``): the displayed text rounds what ``x:num`` holds."""
    if not (cell.figure and content.isdigit() and int(content) >= 1000):
        return excel_formatted_cell(cell, content)
    return (f"<td class=xl74{_attrs(cell)} x:num=\"{content}\" style='mso-number-format:\"0\\!\\.0\\,\\\"万\\\"\";'>"
            f"{int(content) / 10000:.1f}万</td>")


def word_list_heading(text: str) -> str:
    """A heading Word numbers as a list item, saved as HTML: the number in a downlevel-revealed conditional
    (``<![if !supportLists]>``) with its tab as spaces in a tiny font, the list's definition in a conditional
    comment only Word reads."""
    number, _, title = text.partition("、")
    return ("<!--[if gte mso 9]><xml><w:LatentStyles DefLockedState=\"false\"/></xml><![endif]-->\n"
            "<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'>"
            f"<![if !supportLists]><span style='font-family:黑体;mso-bidi-font-family:黑体'><span "
            f"style='mso-list:Ignore'>{number}、<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; "
            f"</span></span></span><![endif]><b><span style='font-family:黑体'>{title}<o:p></o:p></span></b></p>\n")


EXCEL_FORMATTED = replace(EXCEL, cell=excel_formatted_cell)
WORD_LISTS = replace(WORD, heading=word_list_heading)
EXCEL_WAN = replace(EXCEL, cell=excel_wan_cell)
UEDITOR = Writer('<table width="100%" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">',
                 ueditor_cell, row_open="<tr>",
                 paragraph=lambda text: f'<p style="text-indent: 2em; line-height: 2em;">'
                                        f'<span style="font-size: 16px;">{text}</span></p>\n')
# 135editor / 秀米 WeChat styles pasted into UEditor: every block in styled <section>s, the table inside a <p>, a
# picture of the same table before it (alt text only), &nbsp; in empty cells
WECHAT = replace(UEDITOR, table_open='<section style="margin:10px 0;box-sizing:border-box"><section '
                 'style="display:inline-block;width:100%"><p><img src="/u/cms/table.png" alt="统计表" '
                 'data-ratio="0.62" style="width:100%"/></p><p>' + UEDITOR.table_open,
                 table_close="</table></p></section></section>\n",
                 paragraph=lambda text: f'<section style="line-height:2em"><p><span>{text}</span></p></section>\n')
KINDEDITOR = Writer('<table style="width:100%;" cellpadding="2" cellspacing="0" border="1" bordercolor="#000000">'
                    "<tbody>", kindeditor_cell, table_close="</tbody></table>\n",
                    paragraph=lambda text: f"{text}<br />\n")
TINYMCE = Writer('<table style="border-collapse: collapse; width: 100%;" border="1"><colgroup>'
                 + '<col style="width: 9%;">' * 10 + "</colgroup>", th_header_cell, head_group=True)
CKEDITOR = Writer('<table align="center" border="1" cellpadding="1" cellspacing="0" style="width:100%">',
                  digit_spans_cell, head_group=True)
WORD_CONTROLS = replace(WORD, cell=content_control_cell,
                        row_around=('<w:Sdt DocPart="Rows" ID="9">', "</w:Sdt>"))
CUSTOM_ELEMENTS = Writer('<table border="1" cellspacing="0"><tbody><x-rows>', custom_element_cell,
                         table_close="</x-rows></tbody></table>\n")
PLAIN = Writer('<table border="1" cellspacing="0">', plain_cell)
FOOTNOTED = Writer('<table border="1" cellspacing="0">', footnote_cell)
CORNER_NESTED = Writer('<table border="1" cellspacing="0">', corner_nested_cell)


HIDDEN_ROW = "\n <tr height=0 style='display:none'>"


def write_table(table: Table, writer: Writer, figure: Figure, hidden_row: str = HIDDEN_ROW) -> str:
    rows = []
    for cells in table.rows:
        tds = "".join(writer.cell(cell, figure(escape(cell.text)) if cell.figure else escape(cell.text))
                      for cell in cells)
        row_open = hidden_row if any(c.hidden for c in cells) else writer.row_open
        rows.append(f"{writer.row_around[0]}{row_open}{tds}</tr>{writer.row_around[1]}\n")
    if writer.head_group and table.head:
        body = (f"<thead>{''.join(rows[:table.head])}</thead>\n<tbody>{''.join(rows[table.head:])}</tbody>\n")
    else:
        body = "".join(rows)
    return f"{writer.table_open}{body}{writer.spacer_row}{writer.table_close}"


# ---------------------------------------------------------------------------------------------------
# CSS tables of <div>s: no spans, each label in full on its row


def div_table(table: Table, figure: Figure, grid: bool = False) -> str:
    """The table as ``display:table-row`` / ``table-cell`` divs (``grid``: a CSS grid of divs, a row's cells
    children of one container). Spans cannot be written: group labels are repeated and merged into the row's
    label, a header cell is written once."""
    flat = groups_merged(table)[0] if table.key == "s3" else table
    rows = []
    for cells in flat.rows:
        content = "".join(
            f'<div class="{"cell" if grid else "td"}" style="{"" if grid else "display:table-cell;"}'
            f'border:1px solid #000">{figure(escape(c.text)) if c.figure else escape(c.text)}</div>'
            for c in cells)
        style = "display:grid;grid-template-columns:repeat(10,1fr)" if grid else "display:table-row"
        rows.append(f'<div class="{"grid-row" if grid else "tr"}" style="{style}">{content}</div>\n')
    return f'<div class="table" style="{"" if grid else "display:table;"}width:100%">\n{"".join(rows)}</div>\n'


def grid_table(table: Table, figure: Figure) -> str:
    """The table as one CSS grid: every cell a child of the grid container, in order, its spans as
    ``grid-column`` / ``grid-row`` spans (the browser places each in the next free slot, as a table's cells)."""
    width = max(len(row) for row in _grid(table))
    cells = []
    for row in table.rows:
        for c in row:
            spans = "".join(f"grid-{axis}: span {n};" for axis, n in (("column", c.colspan), ("row", c.rowspan)) if n > 1)
            text = figure(escape(c.text)) if c.figure else escape(c.text)
            cells.append(f'<div class="cell" style="{spans}border:1px solid #000">{_lines(text, "<br>")}</div>')
    return (f'<div class="report-grid" style="display: grid; grid-template-columns: 2fr repeat({width - 1}, 1fr)">\n'
            + "\n".join(cells) + "\n</div>\n")


# ---------------------------------------------------------------------------------------------------
# article bodies written by a script, as several CMSs serve them


def js_string(text: str) -> str:
    """``text`` as a JavaScript string literal a CMS template prints: non-ASCII as ``\\uXXXX``, ``</`` as ``<\\/``."""
    return json.dumps(text).replace("</", "<\\/")


def js_escape(text: str) -> str:
    """``text`` as JavaScript's ``escape()`` writes it: ``%XX`` for ASCII marks, ``%uXXXX`` beyond."""
    safe = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./")
    return "".join(ch if ch in safe else f"%{ord(ch):02X}" if ord(ch) < 256 else f"%u{ord(ch):04X}" for ch in text)


def script_var(body: str) -> str:
    """The body in a variable a script puts into the article's container (a JSON-escaped string, cut in two)."""
    cut = len(body) // 2
    return ('<div id="zoom"></div>\n<script type="text/javascript">\n'
            f"var content = {js_string(body[:cut])} +\n    {js_string(body[cut:])};\n"
            'document.getElementById("zoom").innerHTML = content;\n</script>\n')


def script_unescape(body: str) -> str:
    return f"<script language=\"javascript\">document.write(unescape('{js_escape(body)}'));</script>\n"


def script_uri(body: str) -> str:
    return f'<script>document.write(decodeURIComponent("{quote(body, safe="")}"));</script>\n'


def textarea(body: str) -> str:
    """The body escaped in a hidden textarea whose value a script shows (an editor's saved source)."""
    return (f'<textarea id="content-src" style="display:none">{escape(body)}</textarea>\n<div id="zoom"></div>\n'
            '<script>document.getElementById("zoom").innerHTML = '
            'document.getElementById("content-src").value;</script>\n')


def script_template(body: str) -> str:
    """The body in a ``text/html`` script a template engine renders into the page."""
    return (f'<script type="text/html" id="tpl-article">\n{body}</script>\n<div id="zoom"></div>\n'
            '<script>$("#zoom").html($("#tpl-article").html());</script>\n')


# ---------------------------------------------------------------------------------------------------
# styles


@dataclass(frozen=True)
class Style:
    """How one publisher's tool writes the report: its table markup, structure, figures, and what wraps it."""

    writer: Writer | None          # None: a CSS table of divs
    shape: Shape = as_is
    figure: Figure = figure_as_is
    nested: bool = False           # the tables inside a layout table's cell
    div_grid: bool = False
    css_grid: bool = False         # every table one CSS grid container of its cells (``grid_table``)
    stylesheet: str = ""           # a <style> the article carries before its content
    hidden_row: str = HIDDEN_ROW   # how a row the page does not show opens
    scripted: Callable[[str], str] | None = None   # the article as a script writes it into the page
    draft: Callable[[str, str], str] | None = None   # a section's key and an earlier draft of it → the markup
                                                     # keeping that draft hidden before the section
    note: str = ""                 # a paragraph under table 四 explaining the notes its figures carry


STYLES: dict[str, Style] = {
    "word": Style(WORD, groups_vertical),
    "word-split": Style(WORD, compose(split_at_page, split_by_subtable)),
    "word-blank": Style(WORD, figure=zero_as("")),
    "word-lists": Style(WORD_LISTS, groups_vertical),
    "wps": Style(WPS, header_two_rows),
    "excel": Style(EXCEL, compose(groups_repeated, leading_empty_column)),
    "excel-formatted": Style(EXCEL_FORMATTED, compose(groups_repeated, leading_empty_column)),
    "excel-wan": Style(EXCEL_WAN),
    "ueditor": Style(UEDITOR),
    "wechat-sections": Style(WECHAT, figure=zero_as("")),
    "ueditor-blank": Style(UEDITOR, figure=zero_as("")),
    "kindeditor": Style(KINDEDITOR, groups_repeated),
    "tinymce": Style(TINYMCE, header_flat),
    "word-controls": Style(WORD_CONTROLS),
    "custom-elements": Style(CUSTOM_ELEMENTS),
    "ckeditor": Style(CKEDITOR, groups_merged),
    "nested": Style(PLAIN, split_by_subtable, nested=True),
    "groups-unspanned": Style(PLAIN, groups_unspanned),
    "split-parts": Style(PLAIN, split_by_part),
    "header-total-apart": Style(PLAIN, header_total_apart),
    "s2-unspanned": Style(PLAIN, s2_unspanned),
    "s4-blocks": Style(PLAIN, s4_blocks),
    "zero-fullwidth": Style(PLAIN, figure=lambda t: fullwidth(t)),
    "zero-dash": Style(PLAIN, figure=zero_as("-")),
    "zero-emdash": Style(PLAIN, figure=zero_as("—")),
    "zero-slash": Style(PLAIN, figure=zero_as("/")),
    "zero-none": Style(PLAIN, figure=zero_as("无")),
    "unit": Style(PLAIN, figure=with_unit),
    "unit-spaced": Style(PLAIN, figure=with_spaced_unit),
    "stray": Style(PLAIN, figure=with_stray),
    "zero-width": Style(UEDITOR, figure=zero_width),
    "tracked": Style(WORD, figure=tracked),
    "hidden-text": Style(WORD, figure=hidden_text),
    "hidden-rows": Style(EXCEL, hidden_rows),
    "hidden-mso": Style(WORD, figure=word_hidden_only),
    "noted": Style(PLAIN, figure=with_note),
    "noted-explained": Style(PLAIN, figure=with_note, note="注：标“（注）”的数字含上级机关转办的申请。"),
    "org-subtotal": Style(PLAIN, org_subtotal),
    "group-subtotals": Style(PLAIN, group_subtotals),
    "rowspan-overshoot": Style(PLAIN, rowspan_overshoot),
    "row-per-table": Style(PLAIN, row_per_table),
    "footnote": Style(FOOTNOTED),
    "div-table": Style(None),
    "div-grid": Style(None, div_grid=True),
    "css-grid": Style(None, css_grid=True),
    "corner-nested": Style(CORNER_NESTED),
    "hidden-class": Style(EXCEL, hidden_rows, figure=hidden_by_class, hidden_row="\n <tr class=draft>",
                          stylesheet="<style type=\"text/css\">\n.hid, TR.draft { DISPLAY: none; color:#f00 }\n"
                                     "p.MsoNormal {margin:0cm}</style>\n"),
    "invisible": Style(UEDITOR, figure=invisible),
    "font-zero": Style(WORD, figure=font_zero),
    "struck-class": Style(PLAIN, figure=struck_by_class,
                          stylesheet="<style>\n.del{text-decoration:line-through;color:red}\n</style>\n"),
    "struck-style": Style(KINDEDITOR, figure=struck_by_style),
    "script-var": Style(UEDITOR, scripted=script_var),
    "script-unescape": Style(PLAIN, scripted=script_unescape),
    "script-uri": Style(KINDEDITOR, scripted=script_uri),
    "textarea": Style(UEDITOR, scripted=textarea),
    "script-template": Style(TINYMCE, header_flat, scripted=script_template),
    "thousands-spaced": Style(PLAIN, figure=thousands_spaced),
    "zero-ling": Style(PLAIN, figure=zero_as("零")),
    "zero-circle": Style(WORD, figure=zero_as("〇")),
    "note-marks": Style(PLAIN, figure=note_marks),
    "hidden-draft": Style(UEDITOR, draft=hidden_drafts, stylesheet="<style>.draft-copy{display:none}</style>\n"),
    "media-screen": Style(PLAIN, figure=screen_only, stylesheet=MEDIA_SHEET),
    "tab-panel": Style(UEDITOR, scripted=tab_panel),
    "tab-panel-drafts": Style(UEDITOR, scripted=tab_panel, draft=hidden_drafts,
                              stylesheet="<style>.draft-copy{display:none}</style>\n"),
    "tab-fold-drafts": Style(UEDITOR, scripted=tab_fold, draft=hidden_drafts,
                             stylesheet="<style>.draft-copy{display:none}</style>\n"),
}


def _prose(writer: Writer | None, text: str) -> str:
    paragraph = writer.paragraph if writer is not None else (lambda t: f"<p>{t}</p>\n")
    return "".join(paragraph(escape(p.strip())) for p in text.split("\n\n") if p.strip())


def _heading(writer: Writer | None, text: str) -> str:
    return (writer.heading if writer is not None else (lambda t: f"<h3>{t}</h3>\n"))(escape(text))


def _section(spec: Style, section: Section, table: Table, figure: Figure) -> str:
    """A section's heading and its table in ``spec``'s markup, its figures written by ``figure``."""
    heading = _heading(spec.writer, f"{section.numeral}、{section.title}")
    return heading + "".join(write_table(t, spec.writer, figure, spec.hidden_row) if spec.writer is not None
                             else grid_table(t, figure) if spec.css_grid
                             else div_table(t, figure, spec.div_grid) for t in spec.shape(table))


def render_body(report: dict, style: str) -> str:
    """The report's title, six sections and tables in ``style``."""
    spec = STYLES[style]
    tables = official_tables(report)
    parts = [spec.stylesheet, f"<p align=center style='text-align:center'><b>{escape(report['title'])}</b></p>\n"]
    for section in SECTIONS:
        if section.key in tables:
            if spec.draft is not None:
                parts.append(spec.draft(section.key, _section(spec, section, tables[section.key], _earlier)))
            parts.append(_section(spec, section, tables[section.key], spec.figure))
            if section.key == "s4" and spec.note:
                parts.append(_prose(spec.writer, spec.note))
        else:
            parts.append(_heading(spec.writer, f"{section.numeral}、{section.title}"))
            parts.append(_prose(spec.writer, report.get(f"{section.key}_text") or ""))
    body = "".join(parts)
    if spec.nested:   # an older portal's page: the article in a layout table beside the navigation
        body = ('<table width="1000" border="0"><tr><td width="200"><ul><li>首页</li><li>信息公开年报</li></ul></td>'
                f'<td valign="top">{body}</td></tr></table>\n')
    return spec.scripted(body) if spec.scripted is not None else body


def render_page(report: dict, style: str) -> str:
    """A whole page in ``style``: Word's and Excel's own page heads for theirs, a CMS page for the others."""
    body = render_body(report, style)
    writer = STYLES[style].writer
    if writer is WORD or writer is WPS:
        return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n'
                '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">\n'
                '<meta name=Generator content="Microsoft Word 15">\n'
                f"<title>{escape(report['title'])}</title>\n"
                "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author></o:DocumentProperties>"
                "</xml><![endif]-->\n<style><!-- p.MsoNormal {margin:0cm;font-size:10.5pt;} --></style>\n</head>\n"
                "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n"
                f"<div class=WordSection1 style='layout-grid:15.6pt'>\n{body}</div>\n</body>\n</html>\n")
    if writer is EXCEL:
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">\n'
                '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">'
                "<meta name=ProgId content=Excel.Sheet>"
                f"<title>{escape(report['title'])}</title></head>\n"
                f"<body link=blue vlink=purple>\n{body}</body></html>\n")
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{escape(report['title'])}</title></head>\n<body>\n"
            f'<div class="article-content TRS_Editor">\n{body}</div>\n</body></html>\n')


# ---------------------------------------------------------------------------------------------------
# the reports: the seeds with a table 三 and the real reports, by name


def report_of(name: str) -> dict:
    """A report dict of the seed's figures and prose, or of a real report's hand-read truth."""
    if name in SEEDS:
        return report_dict(name, **seed_prose(name))
    truth = json.loads((REAL_DIR / f"{name}.truth.json").read_text(encoding="utf-8"))
    return {"title": f"{truth['agency']}{truth['year']}年政府信息公开工作年度报告",
            **{key: truth[key] for key in ("agency", "year", "template", "s2", "s3", "s4")}}


REAL_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "real"
REPORTS = (*(n for n in SEEDS if expected(n)["s3"] is not None),
           *sorted(p.name.removesuffix(".truth.json") for p in REAL_DIR.glob("*.truth.json")))


# a seed with prose and every kind of row, and a real report whose table 四 does not add up (an error it deserves)
DESERVING = {"kaifeng_2021": set(), "002_huaian_hongze_2023": {"s4.block_sum"}}


def assert_only_deserved_errors(findings: list[dict], name: str, zeros_empty: bool) -> None:
    """Hongze prints its table-四 totals 0 beside 10 + 1 and 5: an error it deserves where the 0 is printed;
    printed empty (a style writing its zeros so), the totals say only that they were not filled."""
    errors = {f["rule"] for f in findings if f["severity"] == "error"}
    if zeros_empty and DESERVING[name]:
        assert errors == set()
        assert "total.not_filled" in {f["rule"] for f in findings}
    else:
        assert errors == DESERVING[name]

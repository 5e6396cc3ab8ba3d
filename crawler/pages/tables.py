"""What a link in a table of agencies by years stands for, when its own text does not say.

A 年报汇总 page is one table: a row per agency (市发展和改革委员会 …), a column per year, each cell a link whose
text is only 查看, 下载, the year, or an icon. A person reads such a cell by its row's first cell and its
column's header, under what the table is called; so is the link named (北川市教育局 2022年 政府信息公开年度报告汇总).

Only a link in a body row of a table with a header row (its ``<thead>``, else a first row of ``<th>``), whose
column's header or own text is a year, is named so (a list's table, 标题 | 发布日期 | 下载, is not); a row is
read to ``MAX_CELLS`` cells, ``colspan`` counted, and each cell through the page's ``LeadingText`` (``text``): a
caption or a header is read for every link of its table, and may hold millions of characters (a caption of 10⁷
read whole for each of 300 links: 27 s). So a page costs no more than its size.

A list's table names its items in a column of their own (索引号 | 名称 | 发文日期 | 操作): a link there that says
only 查看 is named by its row's cell under that column's header (``row_title``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

MAX_CELLS = 50
MAX_CELL_CHARS = 40
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# The header of a list table's column holding each item's name
_NAME_HEADER = re.compile(r"^(?:信息|文件|文章|公开|事项)?(?:名称|标题|题名|主题)$")
MAX_TITLE_CHARS = 200


def cell_label(a, own: str, heading: Callable[[object], str], text: Callable[[object], str]) -> str | None:
    """The name of link ``a`` (own text ``own``) read from its row's first cell, its column's header, and the
    table's caption (else ``heading`` of the table), each cell's leading text by ``text``; None when it is in no
    table of agencies by years."""
    placed = _placed(a)
    if placed is None:
        return None
    cell, row, table, header = placed
    cells = _positions(row)
    position = next((start for start, _, c in cells if c is cell), None)
    if position is None:
        return None
    # the row's name: its first cell before this one that holds words and no link (a 序号 cell holds a number)
    row_name = next((_words(text(c)) for start, _, c in cells if start < position and not c.xpath(".//a")
                     and _CJK.search(_words(text(c)))), "")
    column_name = next((_words(text(c)) for start, end, c in _positions(header) if start <= position < end), "")
    year = _YEAR.search(column_name) or _YEAR.search(own)
    if not row_name or year is None:
        return None   # a list's table (标题 | 发布日期 | 下载): its row is the item, read as a list item
    caption = table.find("caption")
    title = _words(text(caption)) if caption is not None else heading(table)
    rest = "" if _YEAR.search(column_name) else column_name
    parts = (row_name, f"{year.group(1)}年", rest, title)
    return " ".join(p for p in parts if p)


def row_title(a, text: Callable[[object], str]) -> str | None:
    """The name of link ``a`` in a list's table: its row's cell under the header 名称/标题 (its leading text by
    ``text``); None elsewhere."""
    placed = _placed(a)
    if placed is None:
        return None
    _, row, _, header = placed
    column = next((start for start, _, c in _positions(header) if _NAME_HEADER.match(_words(text(c)).replace(" ", ""))),
                  None)
    cell = next((c for start, _, c in _positions(row) if start == column), None)
    if column is None or cell is None:
        return None
    return " ".join(text(cell).split())[:MAX_TITLE_CHARS] or None


def _placed(a) -> tuple | None:
    """Link ``a``'s cell, body row, table and the table's header row; None outside a body row of such a table."""
    cell = next(a.iterancestors("td", "th"), None)
    row = cell.getparent() if cell is not None else None
    if row is None or row.tag != "tr":
        return None
    table = next(row.iterancestors("table"), None)
    header = _header_row(table) if table is not None else None
    if header is None or header is row:
        return None
    return cell, row, table, header


def _header_row(table):
    """The table's header row: the first of its ``<thead>``, else its first row when that is of ``<th>``."""
    first = next(table.iter("tr"), None)
    if first is None or next(first.iterancestors("table"), None) is not table:
        return None
    if first.getparent().tag == "thead" or (len(first) and all(c.tag == "th" for c in first if isinstance(c.tag, str))):
        return first
    return None


def _positions(row) -> list[tuple[int, int, object]]:
    """The row's cells, each with the columns it spans (``colspan`` counted: start, end), at most ``MAX_CELLS``."""
    out, position = [], 0
    for cell in row:
        if cell.tag not in ("td", "th"):
            continue
        if len(out) == MAX_CELLS:
            break
        span = (cell.get("colspan") or "1").strip()
        end = position + (min(int(span), MAX_CELLS) if span.isdigit() and int(span) > 0 else 1)
        out.append((position, end, cell))
        position = end
    return out


def _words(text: str) -> str:
    return " ".join(text.split())[:MAX_CELL_CHARS]

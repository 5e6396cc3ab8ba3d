"""Excel 2003 XML Spreadsheet (SpreadsheetML 2003: Excel's and WPS's "XML 表格 2003 (*.xml)", statistics and OA
systems' exports, often named ``.xls``): a workbook in one XML file, root ``Workbook`` in the
``urn:schemas-microsoft-com:office:spreadsheet`` namespace. A ``Worksheet``'s ``Table`` holds its ``Row``s and
their ``Cell``s, each at the column after the last (a slot a merge from above covers skipped) unless its
``ss:Index`` says which (so are rows), a merged cell's ``ss:MergeAcross``/``ss:MergeDown`` the slots it covers
beyond itself, its text its ``Data``'s (rich text's markup within too). The sheets are read as an XLSX's are
(``spreadsheet.sheet_lines``: rows of one text cell are text, the rows between a grid); a hidden sheet
(``x:Visible`` SheetHidden) is not printed and not read. Bounded as a workbook is: its cells, each sheet's range,
a merge at most ``limits.MAX_SPAN`` wide or tall and the slots all merges cover; a DOCTYPE is refused."""

from __future__ import annotations

from lxml import etree

from gxparse import limits
from gxparse.document import Document, Line
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.normalize import normalize_text
from gxparse.readers.officexml import office_xml
from gxparse.readers.spreadsheet import Sheet, sheet_lines

_SS = "urn:schemas-microsoft-com:office:spreadsheet"
_X = "urn:schemas-microsoft-com:office:excel"
_WORKSHEET, _TABLE, _ROW, _CELL, _DATA = (f"{{{_SS}}}{t}" for t in ("Worksheet", "Table", "Row", "Cell", "Data"))
_NAME, _INDEX = f"{{{_SS}}}Name", f"{{{_SS}}}Index"
_ACROSS, _DOWN = f"{{{_SS}}}MergeAcross", f"{{{_SS}}}MergeDown"
_VISIBLE = f"{{{_X}}}WorksheetOptions/{{{_X}}}Visible"
_TITLE = "{urn:schemas-microsoft-com:office:office}DocumentProperties/{urn:schemas-microsoft-com:office:office}Title"
_MAX_INDEX = 1 << 20   # Excel's rows; its columns are fewer (16,384)
_KIND = "XML 表格"


def _number(el: etree._Element, name: str, low: int, high: int) -> int | None:
    value = el.get(name)
    return min(max(int(value), low), high) if value is not None and value.strip().isdigit() else None


def _sheet(ws: etree._Element, cells_before: int) -> tuple[Sheet, int]:
    """The worksheet's texts and merges, and the workbook's cells counted so far."""
    title = ws.get(_NAME) or ""
    texts: dict[tuple[int, int], str] = {}
    merges = []
    covered: set[tuple[int, int]] = set()
    r = spanned = 0
    for row in ws.iterfind(f"{_TABLE}/{_ROW}"):
        r = _number(row, _INDEX, r + 1, _MAX_INDEX) or r + 1
        c = 0
        for cell in row.iterfind(_CELL):
            c = _number(cell, _INDEX, c + 1, _MAX_INDEX) or c + 1
            while (r, c) in covered:   # a slot a merge from above covers: Excel names the column after it
                c += 1
            cells_before += 1
            limits.check_sheet_cells(cells_before, f"工作表“{title}”")
            across = _number(cell, _ACROSS, 0, limits.MAX_SPAN) or 0
            down = _number(cell, _DOWN, 0, limits.MAX_SPAN) or 0
            limits.check_sheet_range(r + down, c + across, f"工作表“{title}”")
            data = cell.find(_DATA)
            if data is not None and (text := normalize_text("".join(data.itertext())).strip()):
                texts[r, c] = text
            if across or down:
                # overlapping merges cover some slots more than once: each counted, as the grid counts them
                spanned += (down + 1) * (across + 1)
                limits.check_table(r + down, c + across, spanned, f"工作表“{title}”")
                merges.append((r, c, r + down, c + across))
                covered.update((r + dr, c + dc) for dr in range(down + 1) for dc in range(across + 1))
            c += across
    return Sheet(title, texts, merges), cells_before


def read_spreadsheet_xml(data: bytes, source: str) -> Document:
    """The workbook's visible sheets as lines, in sheet order, titled by its properties' title."""
    root = office_xml(data, source, _KIND, "Excel")
    lines: list[Line] = []
    tables = cells = 0
    try:
        for ws in root.iterfind(_WORKSHEET):
            if (ws.findtext(_VISIBLE) or "").strip() in ("SheetHidden", "SheetVeryHidden"):
                continue
            sheet, cells = _sheet(ws, cells)
            more, tables = sheet_lines(sheet, tables)
            lines += more
    except LimitExceeded as exc:
        raise DocumentError(source, exc.reason) from exc
    title = normalize_text(root.findtext(_TITLE) or "").strip()
    return Document(lines, "xls", title=title or None)   # what it is named and shown as: an Excel workbook

"""Excel 2003 XML Spreadsheet (SpreadsheetML 2003, "XML 表格"): a workbook in one XML file, root ``Workbook`` in
the ``urn:schemas-microsoft-com:office:spreadsheet`` namespace. Statistics and OA systems export it, often named
``.xls``. Each ``Worksheet``'s ``Table`` holds ``Row``s of ``Cell``s placed by ``ss:Index`` (1-based; a cell or row
without one follows the one before, a merged cell's width included), merged by ``ss:MergeAcross`` and
``ss:MergeDown``, their text in ``Data``. A sheet is read as an XLSX sheet is (``spreadsheet.sheet_lines``): rows of
one text cell are text, the rows between a grid. A DOCTYPE or entity declaration (Excel never writes one) is
refused, entities are never resolved nor fetched."""

from __future__ import annotations

from lxml import etree

from gxparse import limits
from gxparse.document import Document, Line
from gxparse.normalize import normalize_text
from gxparse.readers.officexml import office_xml
from gxparse.readers.spreadsheet import Sheet, sheet_lines

SS = "urn:schemas-microsoft-com:office:spreadsheet"


def _index(el: etree._Element, name: str, default: int) -> int:
    try:
        return max(1, int(el.get(f"{{{SS}}}{name}", default)))
    except ValueError:
        return default


def _span(el: etree._Element, name: str) -> int:
    try:
        return max(0, int(el.get(f"{{{SS}}}{name}", 0)))
    except ValueError:
        return 0


def _sheet(worksheet: etree._Element, cells_before: int) -> tuple[Sheet, int]:
    texts: dict[tuple[int, int], str] = {}
    merges: list[tuple[int, int, int, int]] = []
    name = worksheet.get(f"{{{SS}}}Name", "")
    r = 0
    for row in worksheet.iterfind(f"{{{SS}}}Table/{{{SS}}}Row"):
        r = _index(row, "Index", r + 1)
        c = 0
        for cell in row.iterfind(f"{{{SS}}}Cell"):
            c = _index(cell, "Index", c + 1)
            across, down = _span(cell, "MergeAcross"), _span(cell, "MergeDown")
            limits.check_sheet_range(r + down, c + across, f"工作表“{name}”")
            cells_before += 1 + across + down
            limits.check_sheet_cells(cells_before, f"工作表“{name}”")
            data = cell.find(f"{{{SS}}}Data")
            if data is not None and (text := normalize_text("".join(data.itertext())).strip()):
                texts[r, c] = text
            if across or down:
                merges.append((r, c, r + down, c + across))
            c += across
    return Sheet(name, texts, merges), cells_before


def read_spreadsheet_xml(data: bytes, source: str) -> Document:
    root = office_xml(data, source, "XML 表格", "Excel")
    lines: list[Line] = []
    tables = cells = 0
    for worksheet in root.iterfind(f"{{{SS}}}Worksheet"):
        sheet, cells = _sheet(worksheet, cells)
        sheet_part, tables = sheet_lines(sheet, tables)
        lines += sheet_part
    return Document(lines, "xls")

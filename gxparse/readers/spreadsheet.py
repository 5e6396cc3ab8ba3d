"""XLSX → document (XLS and WPS 表格's ET converted to XLSX by LibreOffice first): each visible sheet, in
sheet order, is its name (unless Excel's default), then its rows: a row holding a single text cell (a title
such as 某某局2023年政府信息公开工作年度报告, a section heading, a paragraph) is a line of text, and the rows
between such lines are a table grid, its merged ranges as spans, read like every other reader's grids.

openpyxl reads the workbook in full (not read-only) mode: only that mode gives the merged ranges, which carry
the tables' labels (三、本年度办理结果 down its rows, the figures of table 二 across their columns). It keeps
an object for every cell and every slot of a merged range, so the sheets' XML is measured first (cells and
merged slots in all, ``limits.MAX_WORKBOOK_CELLS``), as the package is (zip bombs).

Figures are written as the cell prints them (``_printed``). Formulas are read by their cached values, the
figure the file was saved with; a formula saved without one (a file written by a program, never opened in
Excel or WPS) is an unread figure, never 0, like a figure OCR could not read.
"""

from __future__ import annotations

import contextlib
import io
import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import openpyxl
from lxml import etree
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from gxparse import limits
from gxparse.cells import UNREAD_FIGURE
from gxparse.document import Document, Line, is_value, lines_from_text
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.layout.grid import expand_spans, grid_lines
from gxparse.normalize import normalize_text
from gxparse.readers.office import convert


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_C, _F, _V, _IS, _ROW, _MERGE = (f"{{{_MAIN}}}{t}" for t in ("c", "f", "v", "is", "row", "mergeCell"))
_DEFAULT_SHEET_NAME = re.compile(r"^(?:sheet|工作表)\s*\d*$", re.I)   # Excel's, WPS's and LibreOffice's


@dataclass
class _Claims:
    """What the package's sheets hold, measured before openpyxl reads them."""

    slots: int = 0                  # cells, and the slots of merged ranges
    unvalued_formulas: bool = False  # a formula saved without its value


def _measure_part(part: io.BufferedIOBase, name: str, claims: _Claims) -> None:
    """Counts the cells and merged slots of one part (every part is looked at: a worksheet is wherever the
    workbook's relationships say), streaming, each row dropped once read."""
    for _, el in etree.iterparse(part, events=("end",), tag=(_C, _ROW, _MERGE), resolve_entities=False,
                                 no_network=True):
        if el.tag == _C:
            claims.slots += 1
            if el.find(_F) is not None and not (el.findtext(_V) or el.find(_IS) is not None):
                claims.unvalued_formulas = True
        elif el.tag == _MERGE:
            min_col, min_row, max_col, max_row = range_boundaries(el.get("ref", ""))
            claims.slots += (max_col - min_col + 1) * (max_row - min_row + 1)
        else:
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
        limits.check_sheet_cells(claims.slots, name)


def _measure(data: bytes, label: str) -> _Claims:
    limits.check_package(data, label)
    claims = _Claims()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            with package.open(info) as part:
                try:
                    _measure_part(part, info.filename, claims)
                except etree.XMLSyntaxError:
                    continue   # not XML (a picture), or XML openpyxl will refuse in its turn
    return claims


@contextlib.contextmanager
def _as_document_error(source: str, label: str) -> Iterator[None]:
    """Every failure of the package or of openpyxl a ``DocumentError`` naming the file (limits are the
    parser's to report)."""
    try:
        yield
    except (LimitExceeded, MemoryError, RecursionError):
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
        raise DocumentError(source, f"{label} 文件损坏或不完整（压缩包结构错误），无法打开") from exc
    except (RuntimeError, NotImplementedError) as exc:   # zipfile: encrypted, or an unknown compression
        raise DocumentError(source, f"{label} 文件已加密或使用了不支持的压缩方式，无法打开") from exc
    except KeyError as exc:
        raise DocumentError(source, f"不是有效的 Excel 工作簿（{label} 缺少工作簿或工作表部件），无法打开") from exc
    except Exception as exc:
        # openpyxl assumes a well-formed package: a damaged part surfaces as a parse error, ValueError,
        # TypeError or AttributeError from deep inside it (defusedxml refuses entities with a ValueError; so
        # does range_boundaries a merged range that names no cells)
        raise DocumentError(source, f"{label} 文件中的 XML、合并单元格或部件关系损坏，或含有不允许的结构（实体展开），"
                                    "无法解析") from exc


def _load(data: bytes, data_only: bool) -> openpyxl.Workbook:
    with warnings.catch_warnings():   # openpyxl warns of what it leaves out (data validation, extensions)
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(io.BytesIO(data), data_only=data_only, keep_links=False)


def _open(data: bytes, source: str, label: str) -> tuple[openpyxl.Workbook, set[tuple[str, int, int]]]:
    """The workbook with cached values, and where formulas saved without a value stand (sheet, row, column):
    those are read from a second reading of the workbook that keeps the formulas, done only when needed."""
    with _as_document_error(source, label):
        claims = _measure(data, label)
        workbook = _load(data, data_only=True)
        if not claims.unvalued_formulas:
            return workbook, set()
        formulas = _load(data, data_only=False)
    return workbook, {(ws.title, r, c) for ws in formulas.worksheets
                      for r, row in enumerate(_slots(ws), start=ws.min_row)
                      for c, cell in enumerate(row, start=ws.min_column) if cell.data_type == "f"}


def _slots(ws: Worksheet) -> tuple:
    """Every slot of the sheet's range, rows of cells: bounded before openpyxl fills the range's gaps."""
    rows, columns = ws.max_row - ws.min_row + 1, ws.max_column - ws.min_column + 1
    limits.check_sheet_range(rows, columns, f"工作表“{ws.title}”")
    return tuple(ws.iter_rows(min_row=ws.min_row, max_row=ws.max_row, min_col=ws.min_column, max_col=ws.max_column))


# ---------------------------------------------------------------------------------------------------
# a cell as printed

_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')   # quoted text, escapes, padding, fills, [colour]
_DECIMALS = re.compile(r"\.([0#?]+)")


def _number(value: int | float, number_format: str) -> str:
    """A number as its format prints it: its decimals (0.00 → 144.40, 0.0000 → 8937.0276), thousands
    separators, percent. General and text formats print the number as stored, decimals kept (144.4399; 12.0
    is 12). A format's words (万元, 件) are left out: the table's headers name the unit. A negative number keeps
    its minus whatever the format's section for negatives prints (brackets, red)."""
    section = _LITERALS.sub("", number_format.split(";")[0])
    if section.lower() in ("general", "@", ""):
        return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:.15g}"
    if "%" in section:
        value *= 100
    m = _DECIMALS.search(section)
    places = Decimal(1).scaleb(-len(m.group(1))) if m else Decimal(1)
    try:
        rounded = Decimal(repr(value)).quantize(places, rounding=ROUND_HALF_UP)
    except InvalidOperation:   # too many digits for the format (1e300): printed as stored
        return f"{value:.15g}"
    text = format(rounded, ",f" if "," in section.split(".")[0] else "f")
    return text + ("%" if "%" in section else "")


def _printed(value: object, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return _number(value, number_format)
    if isinstance(value, datetime) and value.time() == time():
        value = value.date()
    if isinstance(value, date) and not isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)   # text, times, and error values (#DIV/0!, #N/A): not a figure, unread where one stands


# ---------------------------------------------------------------------------------------------------
# a sheet as lines

_Merge = tuple[int, int, int, int]   # top, left, bottom, right


@dataclass
class Sheet:
    """A sheet's printed range (an XLSX's or a SpreadsheetML's): its texts by slot and its merged ranges, both in sheet coordinates."""

    title: str
    texts: dict[tuple[int, int], str]                          # the non-empty slots
    merges: list[_Merge]


def _read_sheet(ws: Worksheet, unvalued: set[tuple[str, int, int]]) -> Sheet:
    texts = {}
    for r, row in enumerate(_slots(ws), start=ws.min_row):
        for c, cell in enumerate(row, start=ws.min_column):
            if cell.value is None and (ws.title, r, c) in unvalued:
                texts[r, c] = UNREAD_FIGURE
            elif text := normalize_text(_printed(cell.value, cell.number_format)).strip():
                texts[r, c] = text
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    return Sheet(ws.title, texts, merges)


@dataclass
class _Block:
    """Rows of a sheet read together: a row of a single text cell, or a table."""

    top: int
    bottom: int
    text: str | None = None                                   # the text row's
    merges: list[_Merge] = field(default_factory=list)        # the table's merged ranges


def _blocks(sheet: Sheet) -> list[_Block]:
    """The sheet's rows as blocks: a row of a single text cell (a title, a heading, a paragraph) is text, the
    runs of other rows between are tables. A merge reaching over several rows belongs to a table (三、本年度办理结果
    down its rows), so each merged range falls within one block."""
    by_row: dict[int, list[int]] = {}
    for r, c in sheet.texts:
        by_row.setdefault(r, []).append(c)
    if not by_row:
        return []
    first, last = min(by_row), max(by_row)
    spanning = {r for top, _, bottom, _ in sheet.merges if top != bottom
                for r in range(max(top, first), min(bottom, last) + 1)}
    out: list[_Block] = []
    block_of: dict[int, _Block] = {}
    for r in range(first, last + 1):
        printed = by_row.get(r, [])
        if len(printed) == 1 and r not in spanning and not is_value(text := sheet.texts[r, printed[0]]):
            out.append(_Block(r, r, text))
        elif out and out[-1].text is None:
            out[-1].bottom = r
        else:
            out.append(_Block(r, r))
        block_of[r] = out[-1]
    for merge in sheet.merges:
        if merge[2] >= first and merge[0] <= last and (block := block_of[max(merge[0], first)]).text is None:
            block.merges.append(merge)
    return out


def _grid_rows(sheet: Sheet, block: _Block, left: int, right: int) -> list[list[tuple[str, int, int]]]:
    """The block's rows as rows of (text, rowspan, colspan), as HTML has them: a merged range clipped to the
    rows and columns read, the slots it covers left out."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for m_top, m_left, m_bottom, m_right in block.merges:
        t, b = max(m_top, block.top), min(m_bottom, block.bottom)
        lft, rgt = max(m_left, left), min(m_right, right)
        if lft <= rgt:
            spans[t, lft] = (b - t + 1, rgt - lft + 1)
            covered.update((r, c) for r in range(t, b + 1) for c in range(lft, rgt + 1))
    rows = []
    for r in range(block.top, block.bottom + 1):
        row = []
        for c in range(left, right + 1):
            if (r, c) in spans:
                row.append((sheet.texts.get((r, c), ""), *spans[r, c]))
            elif (r, c) not in covered:
                row.append((sheet.texts.get((r, c), ""), 1, 1))
        rows.append(row)
    return rows


def sheet_lines(sheet: Sheet, tables: int) -> tuple[list[Line], int]:
    """The sheet's lines, its name first unless Excel's default, and the number of tables read so far."""
    lines = []
    if not _DEFAULT_SHEET_NAME.match(sheet.title.strip()):
        lines += _text_lines(sheet.title, f"工作表“{sheet.title}”")
    if not sheet.texts:
        return lines, tables
    left, right = min(c for _, c in sheet.texts), max(c for _, c in sheet.texts)
    for block in _blocks(sheet):
        if block.text is not None:
            lines += _text_lines(block.text, f"工作表“{sheet.title}”第{block.top}行")
        else:
            tables += 1
            grid = expand_spans(_grid_rows(sheet, block, left, right), f"第{tables}个表格")
            lines += grid_lines(grid, tables)
        limits.check_lines(len(lines), f"工作表“{sheet.title}”（到其第{block.top}行）")
    return lines, tables


def _text_lines(text: str, where: str) -> list[Line]:
    lines = lines_from_text(text)
    for line in lines:
        line.where = where
    return lines


def read_xlsx(data: bytes, source: str, kind: str = "xlsx") -> Document:
    """The workbook's visible sheets as lines, in sheet order; ``kind`` is the format it was published in
    (xlsx, or xls/et converted to this XLSX)."""
    label = kind.upper()
    workbook, unvalued = _open(data, source, label)
    lines: list[Line] = []
    tables = 0
    # openpyxl reads a sheet's cells only when asked: a cell beyond Excel's grid (A1048577) fails there
    with _as_document_error(source, label):
        for ws in workbook.worksheets:
            if ws.sheet_state == "visible":   # a hidden sheet is not printed (an agency's working figures)
                read, tables = sheet_lines(_read_sheet(ws, unvalued), tables)
                lines += read
    title = normalize_text(workbook.properties.title or "").strip()
    return Document(lines, kind, title=title or None)   # xlsx | xls | et: report-json.md's list, extended


def read_binary_workbook(data: bytes, source: str, kind: str) -> Document:
    """XLS or ET: converted to XLSX by LibreOffice, then read as XLSX."""
    return read_xlsx(convert(data, source, kind), source, kind)

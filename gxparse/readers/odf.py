"""OpenDocument (ODF, ISO/IEC 26300): a text (.odt) or spreadsheet (.ods) as LibreOffice, WPS and 永中 save it,
packaged or flat (.fodt/.fods: the package's parts in one XML file, root ``office:document``).

The package is a zip whose first part, ``mimetype``, names the kind; ``content.xml`` holds the body, ``meta.xml``
the title: ``text:h``/``text:p`` paragraphs and ``table:table``s whose spans are ``table:number-columns-spanned``
and ``table:number-rows-spanned``, every slot a span covers a ``table:covered-table-cell``. The body is written
out as HTML (a heading, a paragraph, a table with rowspan/colspan) and read by the HTML reader; a text box's
blocks follow its paragraph. Text a reviewer deleted (``text:tracked-changes``), comments (``office:annotation``)
and notes are not the report's and are left out. A spreadsheet repeats a cell or row by a count
(``number-columns-repeated``: thousands of empty cells to the sheet's edge): at most ``_MAX_REPEAT`` are
written, and empty repeats at a row's or a table's end none. Bounded: the zip's members measured before they are
inflated, a span at most ``limits.MAX_SPAN``, the slots written at most ``limits.MAX_TABLE_CELLS``; a DOCTYPE is
refused."""

from __future__ import annotations

import dataclasses
import html
import io
import struct
import zipfile
import zlib

from lxml import etree

from gxparse import limits
from gxparse.document import Document
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.readers.html import read_html
from gxparse.readers.officexml import office_xml

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_MAX_REPEAT = 64
# not the report's text: deleted text kept for review, comments, notes, conditionally hidden text (a field
# Writer shows only when its condition fails), a table's or frame's title
_LEFT_OUT = frozenset({f"{{{_TEXT}}}tracked-changes", f"{{{_OFFICE}}}annotation", f"{{{_TEXT}}}note",
                       f"{{{_TEXT}}}note-body", f"{{{_TEXT}}}note-citation", f"{{{_TEXT}}}hidden-text",
                       f"{{{_TABLE}}}table-source"})
_FRAME, _TEXT_BOX = f"{{{_DRAW}}}frame", f"{{{_DRAW}}}text-box"
_ROW_GROUPS = frozenset({f"{{{_TABLE}}}{name}" for name in ("table-header-rows", "table-rows", "table-row-group")})
_KIND = "ODF 文档"


def _text(el: etree._Element) -> str:
    """A paragraph's text: spaces (``text:s``), tabs and line breaks as the elements say; a frame's text box is
    read after the paragraph (``_body``)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag in _LEFT_OUT or child.tag == _FRAME:
            pass
        elif child.tag == f"{{{_TEXT}}}s":
            parts.append(" " * min(_count(child, f"{{{_TEXT}}}c"), _MAX_REPEAT))
        elif child.tag == f"{{{_TEXT}}}tab":
            parts.append("\t")
        elif child.tag == f"{{{_TEXT}}}line-break":
            parts.append("\n")
        elif isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _count(el: etree._Element, name: str) -> int:
    """A spanned or repeated count as the format writes it: 1 unless a positive number, at most
    ``limits.MAX_SPAN``."""
    value = el.get(name, "1")
    return max(1, min(int(value), limits.MAX_SPAN)) if value.isdigit() else 1


def _rows(table: etree._Element) -> list[etree._Element]:
    rows = []
    for child in table:
        if child.tag == f"{{{_TABLE}}}table-row":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows += _rows(child)
    return rows


class _Writer:
    """The body as HTML, counting the table slots written over the whole document: repeats are clipped, yet
    a document of many repeated rows would still write without bound."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.tables = self.slots = 0

    def body(self, el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str) or child.tag in _LEFT_OUT:
                continue
            if child.tag == f"{{{_TEXT}}}h":
                level = min(max(_level(child), 1), 6)
                self.out.append(f"<h{level}>{html.escape(_text(child))}</h{level}>")
                self._boxes(child)
            elif child.tag == f"{{{_TEXT}}}p":
                self.out.append(f"<p>{html.escape(_text(child)).replace(chr(10), '<br>')}</p>")
                self._boxes(child)
            elif child.tag == f"{{{_TABLE}}}table":
                self._table(child)
            else:   # lists, sections, frames, a spreadsheet's body: what they hold
                self.body(child)

    def _boxes(self, paragraph: etree._Element) -> None:
        for box in paragraph.iter(_TEXT_BOX):
            self.body(box)

    def _cell(self, cell: etree._Element) -> str:
        span = "".join(f' {attr}="{_count(cell, f"{{{_TABLE}}}{name}")}"' for attr, name in
                       (("colspan", "number-columns-spanned"), ("rowspan", "number-rows-spanned"))
                       if _count(cell, f"{{{_TABLE}}}{name}") > 1)
        inner = _Writer()
        inner.body(cell)
        self.slots += inner.slots
        return f"<td{span}>{''.join(inner.out)}</td>"

    def _table(self, table: etree._Element) -> None:
        self.tables += 1
        rows: list[str] = []
        for row in _rows(table):
            cells: list[str] = []
            for cell in row:
                if cell.tag != f"{{{_TABLE}}}table-cell":
                    continue   # a covered cell is a span's slot
                written = self._cell(cell)
                cells += [written] * min(_count(cell, f"{{{_TABLE}}}number-columns-repeated"), _MAX_REPEAT)
            repeated = min(_count(row, f"{{{_TABLE}}}number-rows-repeated"), _MAX_REPEAT)
            # a row of no cells is a row still (its columns counted as one), lest empty rows run without bound
            self.slots += len(cells) * repeated
            limits.check_table(len(rows) + repeated, max(len(cells), 1), self.slots, f"第{self.tables}个表格（单元格数连同其前各表格计）")
            while cells and cells[-1] == "<td></td>":
                cells.pop()
            rows += ["<tr>" + "".join(cells) + "</tr>"] * repeated
        while rows and rows[-1] == "<tr></tr>":
            rows.pop()
        self.out.append("<table>" + "".join(rows) + "</table>")


def _level(heading: etree._Element) -> int:
    try:
        return int(heading.get(f"{{{_TEXT}}}outline-level", "2"))
    except ValueError:
        return 2


def _members(data: bytes, source: str) -> tuple[bytes, bytes | None]:
    """content.xml and meta.xml (None without it) of the package, measured before they are inflated."""
    try:
        limits.check_package(data, "ODF")
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "content.xml" not in names:
                raise DocumentError(source, "ODF 文档缺少正文（content.xml），无法读取")
            return package.read("content.xml"), package.read("meta.xml") if "meta.xml" in names else None
    except LimitExceeded as exc:
        raise DocumentError(source, exc.reason) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
        raise DocumentError(source, "ODF 文档损坏或不完整（压缩包结构错误），无法打开") from exc
    except (RuntimeError, NotImplementedError) as exc:   # zipfile: encrypted, or an unknown compression
        raise DocumentError(source, "ODF 文档已加密或使用了不支持的压缩方式，无法打开") from exc


def read_odf(data: bytes, source: str) -> Document:
    """An ODF package's body as lines, titled by its metadata's title."""
    content, meta = _members(data, source)
    root = office_xml(content, source, f"{_KIND}的正文（content.xml）", "LibreOffice")
    title = office_xml(meta, source, f"{_KIND}的元数据（meta.xml）", "LibreOffice").findtext(f".//{_DC_TITLE}") \
        if meta is not None else None
    return _document(root, title, source)


def read_flat_odf(data: bytes, source: str) -> Document:
    """A flat ODF (``.fodt``/``.fods``, ``office:document``): the package's parts in one XML file."""
    root = office_xml(data, source, _KIND, "LibreOffice")
    return _document(root, root.findtext(f".//{_DC_TITLE}"), source)


def _document(root: etree._Element, title: str | None, source: str) -> Document:
    body = root.find(f"{{{_OFFICE}}}body")
    if body is None:
        raise DocumentError(source, "ODF 文档没有正文（office:body），无法读取")
    writer = _Writer()
    try:
        writer.body(body)
    except LimitExceeded as exc:
        raise DocumentError(source, exc.reason) from exc
    head = f"<title>{html.escape(title.strip())}</title>" if title and title.strip() else ""
    return dataclasses.replace(read_html(f"<html><head>{head}</head><body>" + "\n".join(writer.out)
                                         + "</body></html>", source), source_type="odf")

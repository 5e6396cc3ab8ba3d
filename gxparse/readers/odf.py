"""OpenDocument (ODF, ISO/IEC 26300): a text (.odt) or spreadsheet (.ods) as LibreOffice, WPS and 永中 save it.

The package is a zip whose first part, ``mimetype``, names the kind; ``content.xml`` holds the body:
``text:h``/``text:p`` paragraphs and ``table:table``s whose spans are ``table:number-columns-spanned`` and
``table:number-rows-spanned``, every slot a span covers a ``table:covered-table-cell``. The body is written
out as HTML (a heading, a paragraph, a table with rowspan/colspan) and read by the HTML reader. Text a
reviewer deleted (``text:tracked-changes``), comments (``office:annotation``) and notes' bodies are not the
report's and are left out. A spreadsheet repeats a cell or row by a count (``number-columns-repeated``:
thousands of empty cells to the sheet's edge): at most ``_MAX_REPEAT`` are written, and empty repeats at a
row's or a table's end none."""

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
from gxparse.errors import DocumentError
from gxparse.readers.html import read_html
from gxparse.readers.officexml import office_xml

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_MAX_REPEAT = 64
# not the report's text: deleted text kept for review, comments, notes' bodies, a table's or frame's title
_LEFT_OUT = frozenset({f"{{{_TEXT}}}tracked-changes", f"{{{_OFFICE}}}annotation", f"{{{_TEXT}}}note-body",
                       f"{{{_TEXT}}}note-citation", f"{{{_TABLE}}}table-source"})
_ROW_GROUPS = frozenset({f"{{{_TABLE}}}{name}" for name in ("table-header-rows", "table-rows", "table-row-group")})


def _text(el: etree._Element) -> str:
    """A paragraph's text: spaces (``text:s``), tabs and line breaks as the elements say."""
    parts = [el.text or ""]
    for child in el:
        if child.tag in _LEFT_OUT:
            pass
        elif child.tag == f"{{{_TEXT}}}s":
            parts.append(" " * min(int(child.get(f"{{{_TEXT}}}c", "1") or 1), _MAX_REPEAT))
        elif child.tag == f"{{{_TEXT}}}tab":
            parts.append("\t")
        elif child.tag == f"{{{_TEXT}}}line-break":
            parts.append("\n")
        elif isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _count(el: etree._Element, name: str) -> int:
    try:
        return max(1, int(el.get(f"{{{_TABLE}}}{name}", "1")))
    except ValueError:
        return 1


def _rows(table: etree._Element) -> list[etree._Element]:
    rows = []
    for child in table:
        if child.tag == f"{{{_TABLE}}}table-row":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows += _rows(child)
    return rows


def _cell(cell: etree._Element) -> str:
    span = "".join(f' {attr}="{_count(cell, name)}"' for attr, name in
                   (("colspan", "number-columns-spanned"), ("rowspan", "number-rows-spanned"))
                   if _count(cell, name) > 1)
    inner: list[str] = []
    _body(cell, inner)
    return f"<td{span}>{''.join(inner)}</td>"


def _table(table: etree._Element, out: list[str]) -> None:
    rows: list[str] = []
    for row in _rows(table):
        cells: list[str] = []
        for cell in row:
            if cell.tag != f"{{{_TABLE}}}table-cell":
                continue   # a covered cell is a span's slot
            written = _cell(cell)
            cells += [written] * min(_count(cell, "number-columns-repeated"), _MAX_REPEAT)
        while cells and cells[-1] == "<td></td>":
            cells.pop()
        rows += ["<tr>" + "".join(cells) + "</tr>"] * min(_count(row, "number-rows-repeated"), _MAX_REPEAT)
    while rows and rows[-1] == "<tr></tr>":
        rows.pop()
    out.append("<table>" + "".join(rows) + "</table>")


def _body(el: etree._Element, out: list[str]) -> None:
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _LEFT_OUT:
            continue
        if child.tag == f"{{{_TEXT}}}h":
            level = min(max(_count_level(child), 1), 6)
            out.append(f"<h{level}>{html.escape(_text(child))}</h{level}>")
        elif child.tag == f"{{{_TEXT}}}p":
            out.append(f"<p>{html.escape(_text(child)).replace(chr(10), '<br>')}</p>")
        elif child.tag == f"{{{_TABLE}}}table":
            _table(child, out)
        else:   # lists, sections, frames, a spreadsheet's body: what they hold
            _body(child, out)


def _count_level(heading: etree._Element) -> int:
    try:
        return int(heading.get(f"{{{_TEXT}}}outline-level", "2"))
    except ValueError:
        return 2


def read_odf(data: bytes, source: str) -> Document:
    try:
        limits.check_package(data, "ODF")
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            content = package.read("content.xml")
    except KeyError as exc:
        raise DocumentError(source, "ODF 文档缺少正文（content.xml），无法读取") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
        raise DocumentError(source, "ODF 文档损坏或不完整（压缩包结构错误），无法打开") from exc
    except (RuntimeError, NotImplementedError) as exc:   # zipfile: encrypted, or an unknown compression
        raise DocumentError(source, "ODF 文档已加密或使用了不支持的压缩方式，无法打开") from exc
    root = office_xml(content, source, "ODF 文档的正文（content.xml）", "LibreOffice")
    body = root.find(f"{{{_OFFICE}}}body")
    if body is None:
        raise DocumentError(source, "ODF 文档没有正文（office:body），无法读取")
    out: list[str] = []
    _body(body, out)
    return dataclasses.replace(read_html("<html><body>" + "\n".join(out) + "</body></html>", source),
                               source_type="odf")

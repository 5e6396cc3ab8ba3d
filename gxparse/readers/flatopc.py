"""Word's Flat OPC (Word 2007+'s "Word XML 文档 (*.xml)", ``pkg:package``): a DOCX package's parts in one XML
file, each a ``pkg:part`` named as in the zip, its XML inline (``pkg:xmlData``) or its bytes in base64
(``pkg:binaryData``), its content type on it. The parts are packed into the DOCX they are, with the
``[Content_Types].xml`` their types make, and read by the DOCX reader: what it reads in a DOCX it reads here.
Bounded as a DOCX is (parts, a part's and all parts' sizes); a DOCTYPE is refused."""

from __future__ import annotations

import base64
import binascii
import io
import zipfile
from xml.sax.saxutils import quoteattr

from lxml import etree

from gxparse import limits
from gxparse.document import Document
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.readers.officexml import office_xml
from gxparse.readers.wordfile import read_docx

_PKG = "http://schemas.microsoft.com/office/2006/xmlPackage"
_PART, _NAME, _TYPE = f"{{{_PKG}}}part", f"{{{_PKG}}}name", f"{{{_PKG}}}contentType"
_XML_DATA, _BINARY_DATA = f"{{{_PKG}}}xmlData", f"{{{_PKG}}}binaryData"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_KIND = "Word XML（Flat OPC）文档"


def _parts(data: bytes, source: str) -> list[tuple[str, str, bytes]]:
    """The package's parts as (name in the zip, content type, bytes), bounded as a DOCX's members are."""
    root = office_xml(data, source, _KIND, "Word")
    parts, total = [], 0
    for part in root.iter(_PART):
        limits.check_zip_members(len(parts) + 1, _KIND)
        name = (part.get(_NAME) or "").lstrip("/")
        xml, binary = part.find(_XML_DATA), part.find(_BINARY_DATA)
        if not name or (xml is None) == (binary is None):
            continue
        try:
            payload = (etree.tostring(xml[0], xml_declaration=True, encoding="UTF-8") if xml is not None and len(xml)
                       else base64.b64decode(binary.text or "") if binary is not None else b"")
        except binascii.Error as exc:
            raise DocumentError(source, f"{_KIND}的部件 {name} 的 base64 数据损坏（{exc}）") from exc
        limits.check_zip_member(name, len(payload), len(payload), _KIND)
        total += len(payload)
        limits.check_unzipped(total, _KIND)
        parts.append((name, part.get(_TYPE) or "application/octet-stream", payload))
    limits.check_distinct_names([name for name, _, _ in parts], _KIND)
    return parts


def _package(parts: list[tuple[str, str, bytes]]) -> bytes:
    types = "".join(f"<Override PartName={quoteattr('/' + name)} ContentType={quoteattr(kind)}/>"
                    for name, kind, _ in parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_TYPES_NS}">'
                                                f"{types}</Types>")
        for name, _, payload in parts:
            package.writestr(name, payload)
    return out.getvalue()


def read_flat_opc(data: bytes, source: str) -> Document:
    try:
        parts = _parts(data, source)
    except LimitExceeded as exc:
        raise DocumentError(source, exc.reason) from exc
    if not any(name.startswith("word/") for name, _, _ in parts):
        raise DocumentError(source, f"{_KIND}中没有 Word 正文部件（/word/document.xml），无法读取")
    return read_docx(_package(parts), source)

"""What a document is (sniffed from its bytes, never its name) and how its text is decoded."""

from __future__ import annotations

import codecs
import re

import olefile
from charset_normalizer import from_bytes

from gxparse.errors import DocumentError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table|div|p|title)\b",
                         re.I | re.S)
# GB2312 and GBK are subsets of GB18030: decoding with the superset never loses a character.
_CHINESE_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
                     "cp936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030"}


def sniff(data: bytes) -> str:
    """html | text | pdf | docx | zip | doc | wps | ole (XLS, …) | png | jpeg | gif | tiff | bmp | unknown."""
    head = data[:4096]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_kind(data)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"BM"):
        return "bmp"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    body = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(body):
        return "html"
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return "unknown"
    return "text"


# WPS Office stamps its build number into the document properties of every file it saves.
_WPS_MARKERS = (b"KSOProductBuildVer", "KSOProductBuildVer".encode("utf-16-le"))
_WPS_APPLICATIONS = (b"WPS", b"Kingsoft")


def _ole_kind(data: bytes) -> str:
    """doc | wps for a Word binary document (WPS Office writes the same format), ole for anything else.

    An OLE file too damaged to list its streams is taken for a DOC: that is what such attachments
    almost always are, and the converter then says what is wrong with it.
    """
    try:
        with olefile.OleFileIO(data) as ole:
            if not ole.exists("WordDocument"):
                return "ole"
            application = ole.get_metadata().creating_application or b""
    except (OSError, ValueError, IndexError, TypeError):
        return "doc"
    if any(name in application for name in _WPS_APPLICATIONS) or any(m in data for m in _WPS_MARKERS):
        return "wps"
    return "doc"


def _codec(name: str) -> str | None:
    name = name.lower()
    name = _CHINESE_CHARSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str) -> str:
    """Decode HTML or text in whatever charset it really uses.

    UTF-8 is tried first because valid UTF-8 is almost never GBK text by accident, while GBK decodes almost
    any byte string: this keeps a wrong ``<meta charset>`` from garbling the page.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    candidates = ["utf-8"]
    if m := _META_CHARSET.search(data[:4096]):
        if codec := _codec(m.group(1).decode("ascii", "ignore")):
            candidates.append(codec)
    candidates.append("gb18030")
    for codec in candidates:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(source, "无法识别文本编码 (undecodable text)")
    return str(best)

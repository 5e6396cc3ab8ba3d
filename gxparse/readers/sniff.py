"""What a document is (sniffed from its bytes, never its name) and how its text is decoded."""

from __future__ import annotations

import codecs
import json
import re
from typing import NamedTuple

import olefile
from charset_normalizer import from_bytes

from gxparse.errors import DocumentError
from gxparse.readers.csvtables import is_csv
from gxparse.readers.latextables import LATEX_TABLE
from gxparse.readers.ocrboxes import is_paddle_lines
from gxparse.readers.ocrtsv import TSV_HEADER, is_tesseract_tsv

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# HTML elements a page or an article fragment is made of. A CMS saves an article's body without <html> or
# <body>, starting with whatever its template puts first (<h1 class="article-title">, <span>, a comment),
# sometimes after an XML declaration or a line of text; a page is HTML by its markup, not by its first tag.
_ELEMENTS = (rb"html|head|body|meta|title|link|style|script|table|tbody|thead|tr|td|th|div|p|span|font|"
             rb"h[1-6]|section|article|header|footer|main|nav|center|ul|ol|li|dl|dt|dd|strong|b|em|i|u|a|img|"
             rb"blockquote|pre|form")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|(?:" + _ELEMENTS
                         + rb")\b[^<>]*>)", re.I | re.S)
# closing tags: Markdown converters write a bare <br> into pipe-table cells, never a closed element
_HTML_CLOSING = re.compile(rb"</(?:" + _ELEMENTS + rb")\s*>", re.I)
_HTML_WINDOW = 16384
_HTML_CLOSINGS = 2
# GB2312 and GBK are subsets of GB18030: decoding with the superset never loses a character.
_CHINESE_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb-2312-80": "gb18030", "x-gbk": "gb18030",
                     "cp936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030",
                     "big5": "big5hkscs", "cp950": "big5hkscs", "x-x-big5": "big5hkscs"}


# A Markdown pipe table: a row of cells, then its delimiter row (|---|---|).
_MARKDOWN_TABLE = re.compile(rb"\|[^\n]*\|[ \t]*\r?\n[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|")
# Markdown converters that keep complex tables as HTML (MinerU, PaddleOCR, olmOCR) write each on a line of its
# own, often wrapped in <html><body>, between prose without markup: HTML only inside its table blocks
_TABLE_BLOCK_WRAPPERS = r"html|body|div|center|p"
HTML_TABLE_BLOCK_START = rf"^[ \t]*(?:<(?:{_TABLE_BLOCK_WRAPPERS})\b[^<>]*>\s*)*<table\b"   # the Markdown reader's too
_HTML_TABLE_BLOCK = re.compile(HTML_TABLE_BLOCK_START.encode(), re.I | re.M)
_WHOLE_TABLE_BLOCK = re.compile((HTML_TABLE_BLOCK_START + rf".*?(?:</table\s*>(?:\s*</(?:{_TABLE_BLOCK_WRAPPERS})\s*>)*|\Z)")
                                .encode(), re.I | re.M | re.S)
# Mathpix Markdown and other PDF-to-Markdown tools write tables as LaTeX (\begin{tabular})
_LATEX_TABLE = re.compile(LATEX_TABLE.encode())
_MARKDOWN_WINDOW = 1 << 20   # bytes searched for one: converters put prose of a few pages before the first


# MHTML: a MIME header block from the first byte (From: <Saved by Blink>, MIME-Version …, folded lines) that
# declares the whole multipart/related; an e-mail (.eml) forwarding a report is read the same way: its
# multipart/alternative or multipart/mixed body holds the report's page as its text/html part, or its one body
# is that text/html or text/plain part (encoded quoted-printable or base64, which only its reader decodes)
_MHTML = re.compile(rb"^(?:[A-Za-z][\w-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
                    rb"Content-Type:[ \t]*(?:multipart/(?:related|alternative|mixed)|text/(?:plain|html))\b", re.I)


# Word 2003 XML ("XML 文档"): the root w:wordDocument in WordprocessingML 2003's namespace, after the XML
# declaration and <?mso-application?> in the first KBs
_WORD_XML = re.compile(rb"<(?:[\w.-]+:)?wordDocument\b[^>]*http://schemas\.microsoft\.com/office/word/2003/wordml")
_WORD_XML_WINDOW = 4096


# Excel 2003 XML Spreadsheet ("XML 表格", statistics systems' .xls exports): the root Workbook in the
# SpreadsheetML 2003 namespace, after the XML declaration and <?mso-application?>
_SPREADSHEET_XML = re.compile(rb"<(?:[\w.-]+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet")
# A flat OpenDocument file (.fodt, .fods: LibreOffice's "Flat XML"): the root office:document in ODF's office
# namespace (a package's parts, office:document-content, -meta, -styles, read alone are no document)
_FLAT_ODF = re.compile(rb"<(?:[\w.-]+:)?document\s[^>]*urn:oasis:names:tc:opendocument:xmlns:office:1\.0")
# Word's Flat OPC (Word 2007+'s "Word XML 文档"): a DOCX's parts in one pkg:package
_FLAT_OPC = re.compile(rb"<(?:[\w.-]+:)?package\b[^>]*http://schemas\.microsoft\.com/office/2006/xmlPackage")


# JSON: an object or array from the first character, the whole of it JSON (a detail API's answer)
_JSON_START = re.compile(rb"^\s*[\[{]")
_JSON_MAX_BYTES = 8 * 1024 * 1024   # larger is read as text, which refuses it


# Archives other than ZIP an attachment may be (a report and its annexes packed): RAR 4 and 5, 7z, gzip, xz
_ARCHIVES = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b", b"\xfd7zXZ\x00")


def sniff(data: bytes) -> str:
    """html | mhtml | json | wordxml (Word 2003 XML) | spreadsheetml (Excel 2003 XML) | flatodf (.fodt/.fods) | flatopc (Word's Flat OPC) | ocrtsv (Tesseract's TSV) | ocrboxes (PaddleOCR's printed boxes) | markdown | csv | text | pdf | docx | xlsx | ofd | odf | zip | archive | doc | wps | xls | et |
    encrypted | ole (PPT, …) | png | jpeg | gif | tiff | bmp | rtf | unknown. Markdown is text holding a pipe table or an HTML
    table block; other Markdown reads as text."""
    head = data[:4096]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "ofd" if _is_ofd(data) else _package_kind(data[:_PACKAGE_WINDOW])
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_kind(data)
    if head.startswith(_ARCHIVES):
        return "archive"
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
    if _MHTML.match(head):
        return "mhtml"
    window = data[:_HTML_WINDOW]
    if encoding := bom_encoding(head):
        # text with a byte-order mark: its markup is judged in the characters, not the bytes
        window = window.decode(encoding, errors="ignore").encode("utf-8")
    elif b"\x00" in head:
        return "unknown"
    if _JSON_START.match(window) and _is_json(data):
        return "json"
    if _WORD_XML.search(window, 0, _WORD_XML_WINDOW):
        return "wordxml"
    if _SPREADSHEET_XML.search(window, 0, _WORD_XML_WINDOW):
        return "spreadsheetml"
    if _FLAT_ODF.search(window, 0, _WORD_XML_WINDOW):
        return "flatodf"
    if _FLAT_OPC.search(window, 0, _WORD_XML_WINDOW):
        return "flatopc"
    if is_tesseract_tsv(window[:len(TSV_HEADER) + 3].decode("utf-8", errors="ignore")):
        return "ocrtsv"
    if is_paddle_lines(window.decode("utf-8", errors="ignore")):
        return "ocrboxes"
    if _HTML_TABLE_BLOCK.search(window) and not _is_html(_WHOLE_TABLE_BLOCK.sub(b"", window)):
        return "markdown"
    if _is_html(window):
        return "html"
    if (_MARKDOWN_TABLE.search(data, 0, _MARKDOWN_WINDOW) or _HTML_TABLE_BLOCK.search(data, 0, _MARKDOWN_WINDOW)
            or _LATEX_TABLE.search(data, 0, _MARKDOWN_WINDOW)):
        return "markdown"
    # commas and quotes are ASCII, never a byte of a GB18030 or UTF-8 character: the window's bytes as Latin-1
    # split into the same records as the text
    if is_csv(window.decode("latin-1")):
        return "csv"
    return "text"


def _is_json(data: bytes) -> bool:
    """The whole document is one JSON object or array (UTF-8, or with a byte-order mark)."""
    if len(data) > _JSON_MAX_BYTES:
        return False
    try:
        json.loads(data.decode(bom_encoding(data) or "utf-8"))
    except (ValueError, RecursionError):   # UnicodeDecodeError is a ValueError
        return False
    return True


def is_html(head: bytes) -> bool:
    """Markup first, or elements closed in the first KBs."""
    return _is_html(head[:_HTML_WINDOW])


def _is_html(head: bytes) -> bool:
    """Markup first, or elements closed in the first KBs (a fragment that starts with text)."""
    return bool(_HTML_START.match(head)) or len(_HTML_CLOSING.findall(head)) >= _HTML_CLOSINGS


_PACKAGE_WINDOW = 65536   # the first parts' local headers, where a package names its folders


class _ZipHeader(NamedTuple):
    signature: bytes
    name_length_at: int   # offsets from the signature
    name_at: int


# An OFD (GB/T 33190) is a zip whose entry file OFD.xml is at its root: named by a local header among the first
# parts, or by the central directory at the end (a producer may write the pictures first)
_LOCAL_HEADER = _ZipHeader(b"PK\x03\x04", 26, 30)
_CENTRAL_HEADER = _ZipHeader(b"PK\x01\x02", 28, 46)
_OFD_ENTRY = b"OFD.xml"


def _is_ofd(data: bytes) -> bool:
    return (_names_entry(data[:_PACKAGE_WINDOW], _LOCAL_HEADER)
            or _names_entry(data[-_PACKAGE_WINDOW:], _CENTRAL_HEADER))


def _names_entry(window: bytes, header: _ZipHeader) -> bool:
    """Whether a zip header in ``window`` names OFD.xml at the package's root."""
    at = window.find(header.signature)
    while at >= 0:
        length = int.from_bytes(window[at + header.name_length_at:at + header.name_length_at + 2], "little")
        if length == len(_OFD_ENTRY) and window[at + header.name_at:at + header.name_at + length] == _OFD_ENTRY:
            return True
        at = window.find(header.signature, at + 4)
    return False


# An OpenDocument package (ODT, ODS) starts with its stored ``mimetype`` part, whose text names the kind
_ODF_MIMETYPE = (b"mimetype", b"application/vnd.oasis.opendocument.")


def _package_kind(head: bytes) -> str:
    """odf for an OpenDocument package; docx | xlsx by the folder of the main part's name (word/, xl/) whichever comes first in the zip (a DOCX
    may embed a workbook as word/embeddings/….xlsx); docx for another Office Open XML package (the DOCX reader
    then says what is wrong with it), zip for the rest."""
    if head[_LOCAL_HEADER.name_at:].startswith(_ODF_MIMETYPE[0]) and _ODF_MIMETYPE[1] in head[:256]:
        return "odf"
    word, sheet = head.find(b"word/"), head.find(b"xl/")
    if sheet >= 0 and (word < 0 or sheet < word):
        return "xlsx"
    return "docx" if word >= 0 or b"[Content_Types].xml" in head else "zip"


# WPS Office stamps its build number into the document properties of every file it saves.
_WPS_MARKERS = (b"KSOProductBuildVer", "KSOProductBuildVer".encode("utf-16-le"))
_WPS_APPLICATIONS = (b"WPS", b"Kingsoft")


# The binary formats in an OLE file, by the stream that holds the content: Word's (WPS 文字 writes the same), and
# Excel's workbook (``Book`` before Excel 97; WPS 表格's .et writes ``Workbook``), with WPS Office's kind of each.
_OLE_KINDS = (("WordDocument", "doc", "wps"), ("Workbook", "xls", "et"), ("Book", "xls", "et"))
_ENCRYPTED_PACKAGE = "EncryptedPackage"   # ECMA-376 agile or standard encryption of a DOCX/XLSX


def _ole_kind(data: bytes) -> str:
    """doc | wps for a Word binary document, xls | et for a binary workbook (WPS Office's when it stamped the
    file), encrypted for a password-protected Office Open XML document (DOCX, XLSX: encryption wraps the
    package in an OLE file), ole for anything else.

    An OLE file too damaged to list its streams is taken for a DOC: that is what such attachments
    almost always are, and the converter then says what is wrong with it.
    """
    try:
        with olefile.OleFileIO(data) as ole:
            if ole.exists(_ENCRYPTED_PACKAGE):
                return "encrypted"
            found = next(((kind, wps) for stream, kind, wps in _OLE_KINDS if ole.exists(stream)), None)
            if found is None:
                return "ole"
            application = ole.get_metadata().creating_application or b""
    except Exception:   # olefile raises whatever a damaged file leads it to: judged damaged, not by kind
        return "doc"
    kind, wps = found
    if any(name in application for name in _WPS_APPLICATIONS) or any(m in data for m in _WPS_MARKERS):
        return wps
    return kind


# UTF-32 before UTF-16: the UTF-32LE mark begins with the UTF-16LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Declared charsets a page cannot really be in: the HTML standard reads a page declaring UTF-16 as UTF-8
# (a UTF-16 page carries a byte-order mark), and these codecs turn plain ASCII markup into other text.
_IGNORED_DECLARATIONS = ("utf-16", "utf-32", "utf-7", "unicode-escape", "raw-unicode-escape", "punycode", "idna")
# A double-byte character whose second byte is below 0xA1 is outside GB2312, where simplified Chinese
# text lives; Big5 puts two fifths of its characters there. GBK text has a few percent of them at most.
_LOW_TRAIL = re.compile(rb"[\x81-\xfe][\x40-\xa0]")
_DOUBLE_BYTE = re.compile(rb"[\x81-\xfe][\x40-\xfe]")
_BIG5_SHARE = 0.15


def bom_encoding(data: bytes) -> str | None:
    """The Unicode encoding a byte-order mark at the start of ``data`` names, if any."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def text_codec(name: str) -> str | None:
    """The Python codec of a declared charset (GB2312 and GBK read as GB18030), None for no text codec."""
    name = name.lower().replace("_", "-")
    name = _CHINESE_CHARSETS.get(name, name)
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    # bytes-to-bytes codecs (zlib, hex, base64) are found by lookup too; only this flag tells them apart
    if not codec._is_text_encoding or codec.name.startswith(_IGNORED_DECLARATIONS):
        return None
    return codec.name


def _looks_like_big5(data: bytes) -> bool:
    """Whether double-byte text that GB18030 decodes is really Big5 (traditional Chinese): many of its
    characters fall outside GB2312 and the whole decodes as Big5."""
    pairs = len(_DOUBLE_BYTE.findall(data))
    if not pairs or len(_LOW_TRAIL.findall(data)) < _BIG5_SHARE * pairs:
        return False
    try:
        data.decode("big5hkscs")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, source: str) -> str:
    """Decode HTML or text in whatever charset it really uses.

    A byte-order mark decides first (UTF-8, UTF-16, UTF-32). Then UTF-8 is tried, because valid UTF-8 is
    almost never GBK text by accident, while GBK decodes almost any byte string: this keeps a wrong
    ``<meta charset>`` from garbling the page. GB18030 is the guess for the rest, unless the bytes are Big5.
    """
    if encoding := bom_encoding(data):
        return data.decode(encoding, errors="replace")
    candidates = ["utf-8"]
    if m := _META_CHARSET.search(data[:4096]):
        if codec := text_codec(m.group(1).decode("ascii", "ignore")):
            candidates.append(codec)
    candidates.append("gb18030")
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeError, LookupError):
            continue
        if codec == "gb18030" and _looks_like_big5(data):
            return data.decode("big5hkscs")
        return text
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(source, "无法识别文本编码")
    return str(best)

"""What kind of document a response holds: from its Content-Type, or sniffed from the first bytes."""

from __future__ import annotations

import re

from scrapy.http import Response, TextResponse

# Files a report page may hold its report in (issue 4: PDF, DOC, DOCX, WPS, RTF, XLS, images).
ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "wps", "rtf", "xls", "xlsx", "et", "ofd", "jpg", "jpeg", "png",
                         "gif", "tif", "tiff")
ATTACHMENT_HREF = re.compile(r"\.(?:" + "|".join(ATTACHMENT_EXTENSIONS) + r")(?:[?#].*)?$", re.IGNORECASE)
# A file served by a download script has no extension in its URL (Hanweb ``/module/download/downfile.jsp?
# classid=0&fileId=123``, ``/attachment/download?id=``, ``getFile.do?fid=``): the script's name says it is a file,
# or the link text names the file (附件：某局2023年政府信息公开工作年度报告.pdf); the answer's Content-Disposition
# names it too.
DOWNLOAD_HREF = re.compile(r"/(?:down(?:load)?(?:file)?|getfile|filedown(?:load)?|attach(?:ment)?download)"
                           r"(?:\.\w{2,4})?(?:\?|$)", re.IGNORECASE)
FILE_NAME = re.compile(r"\.(?:" + "|".join(ATTACHMENT_EXTENSIONS) + r")\s*[)）]?$", re.IGNORECASE)
IMAGE_HREF = re.compile(r"\.(?:jpe?g|png|gif|tiff?)(?:[?#].*)?$", re.IGNORECASE)
# What a script names that is a page's resource (code, style, picture, font, media), never a way to reports; also
# the folders app frameworks build their files into (Nuxt's ``assetsPath`` ``/fgw/_nuxt/``, Next.js's
# ``/_next/static/``, SvelteKit's ``/_app/immutable/``): a script's config names them, and they hold no page.
RESOURCE_HREF = re.compile(r"\.(?:js|css|png|jpe?g|gif|svg|ico|woff2?|ttf|eot|swf|mp[34]|flv)(?:[?#].*)?$"
                           r"|/(?:_nuxt|_next/static|_app/immutable)/", re.I)

_MAGIC = (
    (b"%PDF", "application/pdf"),
    (b"\xd0\xcf\x11\xe0", "application/msword"),  # OLE2: DOC, WPS, XLS
    (b"PK\x03\x04", "application/zip"),            # OOXML (DOCX/XLSX) and other zips
    (b"{\\rtf", "application/rtf"),                # what Java and old Word exporters write
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
)
# A zip's kind by the folder or file its first parts name: Word's, Excel's, or an OFD's root file (GB/T 33190's
# registered type); whichever comes first, as a DOCX may embed a workbook under word/embeddings/.
_PACKAGE_PARTS = ((b"word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                  (b"xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                  (b"OFD.xml", "application/ofd"))
_HTML_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<!doctype html|<html|<head|<meta|<body|<div|<table|<p\b|<!--)",
                         re.IGNORECASE)


def is_attachment(url: str, text: str = "") -> bool:
    """The link leads to a file: by its URL's extension, a download script's name, or the file name as its
    text."""
    return bool(ATTACHMENT_HREF.search(url) or DOWNLOAD_HREF.search(url) or FILE_NAME.search(text.strip()))


def sniff_content_type(body: bytes, header: str | None = None) -> str:
    """The media type (no parameters): the header's unless it is missing or generic, else from the bytes."""
    declared = (header or "").split(";")[0].strip().lower()
    if declared and declared not in ("application/octet-stream", "binary/octet-stream", "application/x-download",
                                     "application/force-download"):
        return declared
    for magic, kind in _MAGIC:
        if body.startswith(magic):
            return _package_type(body) if kind == "application/zip" else kind
    if _HTML_START.match(body[:1024]):
        return "text/html"
    return declared or "application/octet-stream"


def _package_type(body: bytes) -> str:
    head = body[:4096]
    found = [(at, kind) for part, kind in _PACKAGE_PARTS if (at := head.find(part)) >= 0]
    return min(found)[1] if found else "application/zip"


def is_html(body: bytes, header: str | None = None) -> bool:
    return sniff_content_type(body, header) in ("text/html", "application/xhtml+xml")


def header_value(response: Response, name: str) -> str | None:
    """A header of the answer as text (headers are bytes; latin-1 keeps every byte)."""
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def response_text(response: Response) -> str:
    """The answer as text: its declared encoding's, else UTF-8 with what does not decode replaced."""
    if isinstance(response, TextResponse):
        return response.text
    return response.body.decode("utf-8", errors="replace")

"""The file a document preview service shows, read from the address a page links or frames in the file's place:

- pdf.js's viewer, ``/pdfjs/web/viewer.html?file=/upload/a.pdf``, the address URL-encoded once or twice
  (``file=%252Fupload%252Fa.pdf``);
- kkFileView, ``:8012/onlinePreview?url=<the file's address in Base64, URL-encoded>`` (3.x and 4.x; 2.x takes the
  address itself);
- Office Online, ``view.officeapps.live.com/op/view.aspx?src=<the address>``;
- 永中 DCS, ``/onlinefile?downloadUrl=<the address>``, and other previews' ``?fileUrl=`` / ``?furl=``.

The value is the file only where, decoded, it reads as a file's address (an attachment's extension or a download
script's name, relative or http(s)); else the link is the preview page itself. Which host the file is on is the
caller's to judge, as for any other file.

Bounded: at most ``exits.MAX_QUERY_FIELDS`` fields are read (``exits.query_fields``), a value longer than ``MAX_VALUE_CHARS`` is no address, and a
value is decoded at most ``MAX_DECODINGS`` times (URL-decoding and Base64 together).
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote, unquote_plus, urljoin

from crawler.documents.content import is_attachment
from crawler.pages.exits import query_fields

MAX_VALUE_CHARS = 2000
MAX_DECODINGS = 4
# The names previews give the file they show.
_FILE_KEY = re.compile(r"^(?:file|src|f?url|file_?url|download_?url|file_?path)$", re.IGNORECASE)
# Base64 as js-base64 and Java write it (standard or URL-safe alphabet); '+' read from a query as a space.
_BASE64 = re.compile(r"^[A-Za-z0-9+/_ -]{8,}={0,2}$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# A separator still URL-encoded (%2F, %3A) or an encoded percent sign: the value is to be decoded again.
_ENCODED = re.compile(r"%(?:2F|3A|25)", re.IGNORECASE)


def viewed_file(url: str) -> str:
    """The file a preview of ``url`` shows (``…/viewer.html?file=/upload/a.pdf``, ``…/onlinePreview?url=aHR0…``),
    joined to ``url``; else ``url`` itself."""
    for key, value in query_fields(url):
        if _FILE_KEY.match(key) and len(value) <= MAX_VALUE_CHARS and (file := _file_address(value)):
            return urljoin(url, file)
    return url


def _file_address(value: str) -> str | None:
    """The file's address ``value`` holds, URL-encoded (once or more) or in Base64, else None."""
    value = unquote_plus(value).strip()
    for _ in range(MAX_DECODINGS):
        if _is_file_address(value):
            return value
        if "%" in value:
            value = unquote(value).strip()
        elif _BASE64.match(value) and (decoded := _base64_text(value)):
            value = decoded
        else:
            return None
    return value if _is_file_address(value) else None


def _is_file_address(value: str) -> bool:
    scheme = _SCHEME.match(value)
    if scheme and scheme.group(0).lower() not in ("http:", "https:"):
        return False
    return not _ENCODED.search(value) and is_attachment(value)


def _base64_text(value: str) -> str | None:
    """The text ``value`` encodes in Base64 (UTF-8), else None."""
    data = value.replace(" ", "+").replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(data + "=" * (-len(data) % 4), validate=True).decode("utf-8").strip()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None

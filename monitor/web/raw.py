"""Archived documents as downloads: the bytes as fetched, never shown as a page of this site.

An archived HTML page is whatever the agency's site (or whoever controlled it) served, scripts included.
It is sent as an attachment, with its content type only when that is a well-formed media type, no
sniffing, and a Content-Security-Policy that sandboxes it and allows nothing, so a browser that opened
it anyway would run none of it with this site's origin. The file is sent from the store in chunks (a
document of many megabytes costs the server a chunk per download, not the document), after its bytes have
been checked against their SHA-256 name.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from fastapi.responses import FileResponse
from starlette.exceptions import HTTPException
from starlette.responses import MalformedRangeHeader, RangeNotSatisfiable

from monitor.web.queries import RawDocument

RAW_CSP = "default-src 'none'; sandbox"
_MEDIA_TYPE = re.compile(r"^[A-Za-z0-9][\w.+-]*/[\w.+-]+(?:\s*;\s*charset=\"?[\w.:-]+\"?)?$")
_UNSAFE_NAME = re.compile(r"[^\w.\-\u4e00-\u9fff]+")
FALLBACK_TYPE = "application/octet-stream"


def media_type(content_type: str | None) -> str:
    value = (content_type or "").strip()
    return value if _MEDIA_TYPE.match(value) else FALLBACK_TYPE


BUNDLE_TYPE = "multipart/related"   # MHTML: the crawler's bundle of a report page and its pictures
# types Python's mimetypes does not know: OFD (GB/T 33190), which the crawler names from the file's bytes
_EXTENSIONS = {"application/ofd": ".ofd"}


def safe_name(name: str, fallback: str, content_type: str) -> str:
    """``name`` made safe as a file name (else ``fallback``), with an extension of its type when it has none."""
    name = _UNSAFE_NAME.sub("_", name).strip("._") or fallback
    media = content_type.split(";")[0].strip()
    if media == BUNDLE_TYPE:   # a page bundled with its pictures is no page to open as .html
        name = f"{name.rsplit('.', 1)[0] if '.' in name else name}.mhtml"
    elif "." not in name:
        name += _EXTENSIONS.get(media) or mimetypes.guess_extension(media) or ".bin"
    return name[:150]


def filename(doc: RawDocument, content_type: str) -> str:
    """The file name of the URL's last path segment, made safe; else one made from the version id."""
    return safe_name(unquote(PurePosixPath(urlsplit(doc.url).path).name), f"gxmon-version-{doc.version_id}",
                     content_type)


def download_headers(name: str, content_type: str, etag: str) -> dict[str, str]:
    """An archived file's headers: a download of its exact bytes, never sniffed nor shown as a page of this site."""
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
    return {
        "Content-Type": content_type,
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": RAW_CSP,
        "Cache-Control": "private, max-age=86400, immutable",   # content-addressed: the bytes never change
        "ETag": f'"{etag}"',
    }


class OwnRangeErrors(FileResponse):
    """A FileResponse whose refusals of a Range header are the app's own errors (Chinese, with the security
    headers): Starlette answered a malformed or unsatisfiable range itself, in English plain text ("Range
    header: start must be less than end"). Archived documents and the site's static files are sent so."""

    @classmethod
    def _parse_range_header(cls, http_range: str, file_size: int) -> list[tuple[int, int]]:
        try:
            return super()._parse_range_header(http_range, file_size)
        except MalformedRangeHeader:
            raise HTTPException(400) from None
        except RangeNotSatisfiable:
            raise HTTPException(416, headers={"Content-Range": f"bytes */{file_size}"}) from None


def download(path: Path, doc: RawDocument) -> FileResponse:
    content_type = media_type(doc.content_type)
    return OwnRangeErrors(path, media_type=content_type,
                          headers=download_headers(filename(doc, content_type), content_type, doc.sha256))

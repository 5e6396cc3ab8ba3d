"""The parts of a bundled version (``crawler.documents.bundle``: an article's page with its attached 附表.xls, 正文.pdf and
pictures as one MHTML document), listed and each served as a download of its exact bytes.

The stored MHTML is parsed with the stdlib ``email`` package under gxparse's bounds (its size limit, at most
``MAX_PARTS`` parts, gxparse's own count). A listing is kept per document hash, which names the bytes for good,
so a report page shown again parses nothing.
"""

from __future__ import annotations

import email
import functools
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from gxparse import limits
from gxparse.errors import LimitExceeded
from monitor.archive.queries import NotFound
from monitor.archive.store import RAW, BlobStore
from monitor.web.raw import BUNDLE_TYPE, media_type, safe_name

MAX_PARTS = 1000        # as gxparse.readers.mhtml reads: a page with its pictures has tens
_LISTINGS_KEPT = 256    # bundles whose listing is kept (a listing is a few hundred bytes a part)


@dataclass(frozen=True)
class BundlePart:
    index: int           # its place among the bundle's parts, from 0 (the page)
    location: str        # its Content-Location: the URL it was fetched from
    name: str            # a safe file name for its download
    content_type: str    # a well-formed media type, else application/octet-stream
    size: int            # bytes, decoded


def is_bundle(content_type: str | None) -> bool:
    return media_type(content_type).split(";")[0].strip().lower() == BUNDLE_TYPE


def _parts(data: bytes) -> list[Message]:
    """The bundle's leaf parts, in order; a bundle over gxparse's bounds lists none (limits.LimitExceeded)."""
    limits.check_mhtml_size(len(data))
    parts = [part for part in email.message_from_bytes(data).walk() if not part.is_multipart()]
    if len(parts) > MAX_PARTS:
        raise LimitExceeded(f"MHTML 文件的部分过多：{len(parts)} 个，上限 {MAX_PARTS} 个")
    return parts


def _payload(part: Message) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _described(index: int, part: Message, body: bytes) -> BundlePart:
    location = (part.get("Content-Location") or "").strip()
    content_type = media_type(part.get("Content-Type"))
    name = unquote(PurePosixPath(urlsplit(location).path).name)
    return BundlePart(index, location, safe_name(name, f"part-{index}", content_type), content_type, len(body))


@functools.lru_cache(maxsize=_LISTINGS_KEPT)
def _listing(store: BlobStore, sha256: str) -> tuple[BundlePart, ...]:
    return tuple(_described(i, part, _payload(part)) for i, part in enumerate(_parts(store.get(RAW, sha256))))


def bundle_parts(store: BlobStore, sha256: str, content_type: str | None) -> list[BundlePart]:
    """The parts of a stored version that is a bundle; none for any other document."""
    return list(_listing(store, sha256)) if is_bundle(content_type) else []


def bundle_part(store: BlobStore, sha256: str, content_type: str | None, index: int) -> tuple[BundlePart, bytes]:
    """One part of a bundled version and its exact bytes; NotFound for a document that is no bundle or an
    index it has no part at."""
    if not is_bundle(content_type):
        raise NotFound("此版本不是打包的文档，没有附件部分")
    parts = _parts(store.get(RAW, sha256))
    if not 0 <= index < len(parts):
        raise NotFound(f"此版本没有第 {index} 个部分（共 {len(parts)} 个）")
    body = _payload(parts[index])
    return _described(index, parts[index], body), body

"""MHTML (RFC 2557 ``multipart/related``): a web page saved with its pictures in one file.

Browsers write it ("Save as MHTML", Chromium's ``From: <Saved by Blink>``), Word and WPS save documents as it
(单个文件网页, ``.mht``), and the crawler bundles a report page whose tables are pasted as pictures this way.
The page is the first ``text/html`` part; a picture it shows is the part whose ``Content-Location`` is the
``<img src>`` resolved against the page's location (or its ``<base href>``), percent-encoded or not, or whose
``Content-ID`` a ``cid:`` source names. Further ``text/html`` parts that are no frame of the page are the
further pages of its article (the crawler bundles an article its CMS split into pages so), read after it.
"""

from __future__ import annotations

import email
import email.policy
import functools
import re
from collections.abc import Callable
from dataclasses import replace
from email.message import EmailMessage
from urllib.parse import unquote, urljoin

from gxparse import limits
from gxparse.document import Document
from gxparse.errors import DocumentError
from gxparse.readers.html import Pictures, read_html
from gxparse.readers.sniff import decode, text_codec

_MAX_PARTS = 1000   # parts looked at: a page with its pictures has tens
_MAX_PAGES = 20     # pages of one article (as the crawler fetches them)
_BASE = re.compile(r"""<base\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)
# what a page embeds (a frame's or a picture's src, a CSS url(), a <link href>: Word's header.htm), as against
# the pages it links to with <a href>
_EMBEDDED = re.compile(r"""(?:\bsrc\s*=\s*|\burl\(\s*|<link\b[^>]*\bhref\s*=\s*)["']?([^"'\s)>]+)""", re.I)


def _parts(data: bytes, source: str) -> list[EmailMessage]:
    limits.check_mhtml_size(len(data))
    message = email.message_from_bytes(data, policy=email.policy.default)
    parts = [part for part in message.walk() if not part.is_multipart()]
    if not parts:
        raise DocumentError(source, "MHTML 文件中没有任何内容部分")
    if len(parts) > _MAX_PARTS:
        raise DocumentError(source, f"MHTML 文件的部分过多：{len(parts)} 个，上限 {_MAX_PARTS} 个")
    return parts  # type: ignore[return-value]


def _payload(part: EmailMessage) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _page_text(part: EmailMessage, source: str) -> str:
    data = _payload(part)
    limits.check_text_size(len(data))
    if (charset := part.get_content_charset()) and (codec := text_codec(charset)):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass   # a wrong declaration: the bytes decide, as for a page on its own
    return decode(data, source)


def _pictures(parts: list[EmailMessage], page_location: str) -> Pictures:
    by_location: dict[str, EmailMessage] = {}
    by_id: dict[str, EmailMessage] = {}
    for part in parts:
        if part.get_content_maintype() != "image":
            continue
        if location := (part.get("Content-Location") or "").strip():
            by_location.setdefault(unquote(location), part)   # written percent-encoded or not
        if content_id := (part.get("Content-ID") or "").strip().strip("<>"):
            by_id.setdefault(content_id, part)

    def picture(src: str) -> bytes | None:
        if src.lower().startswith("cid:"):
            part = by_id.get(src[4:])
        else:
            part = by_location.get(unquote(urljoin(page_location, src))) or by_location.get(unquote(src))
        return _payload(part) if part is not None else None

    return picture


def _located(part: EmailMessage, source: str) -> tuple[str, str]:
    """A page part's text and the location its sources are relative to (its ``<base href>``, else its own)."""
    text = _page_text(part, source)
    location = (part.get("Content-Location") or "").strip()
    if base := _BASE.search(text):
        location = urljoin(location, base.group(1))
    return text, location


def _further_pages(parts: list[EmailMessage], first: EmailMessage, text: str, location: str) -> list[EmailMessage]:
    """The page parts after the first that it does not embed (Chromium saves a page's frames as parts, named
    ``frame-…`` by their Content-ID; Word its header and footer as ``header.htm``): the further pages of an
    article its CMS split into pages."""
    embedded = {unquote(urljoin(location, src)) for src in _EMBEDDED.findall(text)}
    return [part for part in parts if part is not first and part.get_content_type() == "text/html"
            and not (part.get("Content-ID") or "").strip("<> ").startswith("frame-")
            and unquote((part.get("Content-Location") or "").strip()) not in embedded][:_MAX_PAGES - 1]


def read_mhtml(data: bytes, source: str, pictures_by_ocr: bool = False) -> Document:
    """The page of an MHTML file with the further pages of its article, its pictures read by OCR where they
    stand when ``pictures_by_ocr`` (the document's ``read_pictures`` reads it so when its tables are not found
    in the page's text)."""
    parts = _parts(data, source)
    first = next((part for part in parts if part.get_content_type() == "text/html"), None)
    if first is None:
        raise DocumentError(source, "MHTML 文件中没有网页（text/html）部分")
    text, location = _located(first, source)
    page = read_html(text, source, _pictures(parts, location), pictures_by_ocr)
    further = _further_pages(parts, first, text, location)
    if not further:
        return page
    documents = [page]
    size, lines = len(text), len(page.lines)
    for part in further:
        text, location = _located(part, source)
        size += len(text)
        limits.check_text_size(size)   # the article's pages in all, as one page's text is bounded
        documents.append(read_html(text, source, _pictures(parts, location), pictures_by_ocr))
        lines += len(documents[-1].lines)
        limits.check_lines(lines)
    return _article(documents, functools.partial(read_mhtml, data, source, True) if not pictures_by_ocr else None)


def _article(pages: list[Document], again: Callable[[], Document] | None) -> Document:
    """The pages of one article as one document, each line of a further page placed by its page number (the
    same table or line number recurs on every page)."""
    lines = list(pages[0].lines)
    for number, page in enumerate(pages[1:], start=2):
        lines += [replace(line, where=f"第{number}页{line.where}") for line in page.lines]
    first = pages[0]
    return Document(lines, "ocr" if any(p.source_type == "ocr" for p in pages) else first.source_type,
                    title=first.title, publisher=first.publisher, ocr_text=any(p.ocr_text for p in pages),
                    read_pictures=again if any(p.read_pictures for p in pages) else None,
                    notes=[*first.notes, *(replace(note, where=f"第{number}页{note.where}")
                                          for number, page in enumerate(pages[1:], start=2) for note in page.notes)])

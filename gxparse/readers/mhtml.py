"""MHTML (RFC 2557 ``multipart/related``): a web page saved with its pictures in one file.

Browsers write it ("Save as MHTML", Chromium's ``From: <Saved by Blink>``), Word and WPS save documents as it
(单个文件网页, ``.mht``), and the crawler bundles a report page whose tables are pasted as pictures this way.
The page is the first ``text/html`` part; a picture it shows is the part whose ``Content-Location`` is the
``<img src>`` resolved against the page's location (or its ``<base href>``), percent-encoded or not, or whose
``Content-ID`` a ``cid:`` source names. Further ``text/html`` parts that are no frame of the page are the
further pages of its article (the crawler bundles an article its CMS split into pages so), read after it.

A part that is a document of its own (PDF, Word, Excel, WPS, OFD: the kind its bytes show, whatever type it
is labelled; the first 4) is an attachment holding a part of the report: the crawler bundles an article with
the attachments that are parts of it (its 附表.xls, or 正文.pdf and 附表.xls) so, ``crawler.documents.parts`` says
which. Each is read by the reader of its kind, its lines placed by ``附件N``: one report, its title and
publisher the article's, each section from whichever parts hold it. A part restating the article's headings
(a 附表 workbook's sheets each under 二、/三、/四、) has its lines under that section after the article's own
(their 详见附表), since a heading counts only in order, unless the article prints that section's table itself
(a copy beside it is no second table); a part with no heading of its own follows the article's lines.
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
from gxparse.document import Document, Line
from gxparse.errors import DocumentError
from gxparse.readers.formats import BINARY_READERS, IMAGE_KINDS
from gxparse.readers.html import Pictures, read_html
from gxparse.readers.plaintext import read_plain_text
from gxparse.readers.sniff import decode, sniff, text_codec
from gxparse.sections import split_sections
from gxparse.template import SECTIONS

_MAX_PARTS = 1000   # parts looked at: a page with its pictures has tens
_MAX_PAGES = 20     # pages of one article (as the crawler fetches them)
_MAX_ATTACHED = 4   # documents attached to one article (the crawler bundles as many: crawler.documents.parts.MAX_PARTS)
# the kinds an attached part is read as; a picture is the page's (shown by an <img>), an MHTML in an MHTML none
_ATTACHED_KINDS = frozenset(BINARY_READERS) - {"mhtml", *IMAGE_KINDS}
_BASE = re.compile(r"""<base\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)
# what a page embeds (a frame's or a picture's src, a CSS url(), a <link href>: Word's header.htm), as against
# the pages it links to with <a href>
# parts of an Office "单个文件网页" that belong to the page's look, never an attachment: Word's theme
# (themedata.thmx, an Office Open XML package the sniffer takes for a DOCX)
_OFFICE_PAGE_PARTS = frozenset({"application/vnd.ms-officetheme"})
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
        return _plain_message(parts, source)
    text, location = _located(first, source)
    page = read_html(text, source, _pictures(parts, location), pictures_by_ocr)
    further = _further_pages(parts, first, text, location)
    attached = _attached(parts)
    if not further and not attached:
        return page
    documents = [page]
    size, lines = len(text), len(page.lines)
    for part in further:
        text, location = _located(part, source)
        size += len(text)
        limits.check_text_size(size)   # the article's pages in all, as one page's text is bounded
        documents.append(read_html(text, source, _pictures(parts, location), pictures_by_ocr))
        lines += len(documents[-1].lines)
        limits.check_lines(lines, "MHTML 文件（正文各页与附件）")
    attachments = _read_attached(attached, source, lines)
    again = functools.partial(read_mhtml, data, source, True) if not pictures_by_ocr else None
    return _article(documents, attachments, again)


def _plain_message(parts: list[EmailMessage], source: str) -> Document:
    """An e-mail with no page: its text body (the first text/plain part, decoded, its quotes read as the text
    they quote) with the documents attached to it."""
    body = next((part for part in parts if part.get_content_type() == "text/plain"), None)
    if body is None:
        raise DocumentError(source, "MHTML 或电子邮件文件中没有网页（text/html）或正文（text/plain）部分")
    message = read_plain_text(_page_text(body, source))
    attachments = _read_attached(_attached(parts), source, len(message.lines))
    return _article([message], attachments, None) if attachments else message


def _read_attached(attached: list[tuple[str, EmailMessage]], source: str, lines: int) -> list[Document]:
    """The attached documents read, their lines with the ``lines`` read before bounded as one file's."""
    documents = []
    for kind, part in attached:
        documents.append(BINARY_READERS[kind](_payload(part), source))
        lines += len(documents[-1].lines)
        limits.check_lines(lines, "MHTML 文件（正文各页与附件）")
    return documents


def _attached(parts: list[EmailMessage]) -> list[tuple[str, EmailMessage]]:
    """The parts that are documents of their own (an article's attachments), with their sniffed kind, in order."""
    found: list[tuple[str, EmailMessage]] = []
    for part in parts:
        if len(found) == _MAX_ATTACHED:
            break
        if (part.get_content_maintype() not in ("text", "image") and part.get_content_type() not in _OFFICE_PAGE_PARTS
                and (kind := sniff(_payload(part))) in _ATTACHED_KINDS):
            found.append((kind, part))
    return found


def _by_sections(article: list[Line], parts: list[list[Line]]) -> list[Line]:
    """The lines of an article and of its attached parts, each section's lines together: the article's
    preamble, then section by section its heading (the first found) and the lines under it, the article's
    before the parts' (the parts' none where the article's own lines hold figures: its table); a part's lines
    before its first heading (its title) after all. Parts with no heading of their own follow the article as
    they are."""
    split = [split_sections(article), *(split_sections(lines) for lines in parts)]
    if not any(s.headings for s in split[1:]):
        return [*article, *(line for lines in parts for line in lines)]
    lines = list(split[0].preamble)
    for section in SECTIONS:
        heading = next((s.headings[section.key] for s in split if section.key in s.headings), None)
        if heading is None:
            continue
        own = split[0].bodies.get(section.key, [])
        # a section whose table the article prints itself: a part's copy of it (附表 beside the table) is no
        # second table of the section
        others = [] if any(line.values for line in own) else [s.bodies.get(section.key, []) for s in split[1:]]
        lines += [heading, *own, *(line for body in others for line in body)]
    return lines + [line for s in split[1:] for line in s.preamble]


def _article(pages: list[Document], attachments: list[Document], again: Callable[[], Document] | None) -> Document:
    """The pages of one article and the documents attached as its parts as one document, each line of a further
    page placed by its page number and of an attachment by ``附件N`` (the same table or line number recurs on
    each); its title and publisher the first page's."""
    named = [(f"第{number}页", page) for number, page in enumerate(pages[1:], start=2)]
    named += [(f"附件{number}", document) for number, document in enumerate(attachments, start=1)]
    placed = {name: [replace(line, where=f"{name}{line.where}") for line in document.lines] for name, document in named}
    first = pages[0]
    article = [*first.lines, *(line for name, _ in named[:len(pages) - 1] for line in placed[name])]
    lines = _by_sections(article, [placed[name] for name, _ in named[len(pages) - 1:]])
    documents = [first, *(document for _, document in named)]
    return Document(lines, "ocr" if any(d.source_type == "ocr" for d in documents) else first.source_type,
                    title=first.title, publisher=first.publisher, ocr_text=any(d.ocr_text for d in documents),
                    read_pictures=again if any(d.read_pictures for d in documents) else None,
                    notes=[*first.notes, *(replace(note, where=f"{name}{note.where}")
                                          for name, document in named for note in document.notes)])

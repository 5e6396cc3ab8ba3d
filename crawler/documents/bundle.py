"""A report page with the further pages of its article, the attachments that are parts of its report
(``crawler.documents.parts``: its 附表.xls, its 正文.pdf) and the pictures of its tables as one MHTML document (RFC 2557
``multipart/related``, the shape of Chromium's "Save as MHTML"): the page first, then its further pages in
order, then its attached parts in the order it links them (each with its own media type, bytes exact), then
each picture in the order the pages show them, every part named by its ``Content-Location``, so a reader
resolves each ``<img src>`` against the page's URL and finds the picture's part.

The archive keeps a new version whenever a document's bytes change, so the same page and pictures always
give the same bytes: no Date header, a boundary made from a hash of the parts. Every part is base64: the
page's own bytes (its encoding, its line ends) come back exactly, which quoted-printable does not promise.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from email import encoders, policy
from email.generator import BytesGenerator
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart

from scrapy.http import TextResponse

from crawler.documents.picture_state import KnownPicture
from crawler.items import ReportDocument
from crawler.steering.classify import Verdict

MHTML_TYPE = "multipart/related"
# A page's pictures are asked no further once this many failed: its host is failing them (a tarpit trickling
# each until the timeout would hold the page a timeout a picture); the page is archived with those that came.
MAX_FAILED_PICTURES = 2
# CRLF as MIME wants; no header folding (a long URL has no place to fold, and must stay one token).
_POLICY = policy.compat32.clone(linesep="\r\n", max_line_length=0)


@dataclass(frozen=True)
class Part:
    """One part: a URL (as requested, percent-encoded), its media type without parameters, its bytes; a
    picture's validators too, which the MHTML leaves out (the next crawl checks the picture with them)."""

    url: str
    content_type: str
    body: bytes = field(repr=False)
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PagedArticle:
    """A report page whose CMS split the article into pages, waiting for its further pages, fetched one after
    another (the requests carry it in their meta): what is still to fetch, and what has come."""

    first: TextResponse           # the article's first page
    title: str
    verdict: Verdict
    waiting: list[str]            # further pages still to fetch, in order
    pages: list[TextResponse] = field(default_factory=list)

    @property
    def size(self) -> int:
        """The bytes of the pages that came, the first included."""
        return len(self.first.body) + sum(len(page.body) for page in self.pages)


@dataclass
class PicturedPage:
    """A report page waiting for its attached parts and the pictures of its tables, fetched one after another
    (the requests carry it in their meta): what is still to fetch, and what has come."""

    item: ReportDocument          # the page's item, as it would be yielded without its pictures
    charset: str | None           # the page's encoding
    waiting: list[str]            # attached parts' then picture URLs still to fetch, in page order
    pictures: list[Part] = field(default_factory=list)
    pages: list[Part] = field(default_factory=list)   # the article's further pages (``PagedArticle``)
    failed: int = 0               # pictures that could not be fetched
    documents: frozenset[str] = frozenset()   # which of the URLs are attached parts (``crawler.documents.parts``)
    attached: list[Part] = field(default_factory=list)

    def waits_for_document(self) -> bool:
        """The next URL to fetch is an attached part, not a picture."""
        return bool(self.waiting) and self.waiting[0] in self.documents

    @property
    def size(self) -> int:
        """The bytes of the page and of what came."""
        return len(self.item.body) + sum(len(p.body) for p in [*self.pages, *self.attached, *self.pictures])

    def failed_one(self) -> int:
        """The picture asked failed: it is left out, and so are those still to fetch once MAX_FAILED_PICTURES
        have failed; → how many of those were given up."""
        self.waiting.pop(0)
        self.failed += 1
        if self.failed < MAX_FAILED_PICTURES:
            return 0
        given_up, self.waiting = len(self.waiting), []
        return given_up

    def bundled(self) -> ReportDocument:
        """The page's item, its body the MHTML of the page, its further pages, its attached parts and the pictures
        that came (the page alone if none). Attached parts are known as pictures are: the next crawl checks them
        with their validators when the page answers 304."""
        if not self.pictures and not self.pages and not self.attached:
            return self.item
        page = Part(self.item.final_url, "text/html", self.item.body)
        known = [asdict(KnownPicture.fetched(p.url, p.etag, p.last_modified, p.body, part))
                 for parts, part in ((self.attached, True), (self.pictures, False)) for p in parts]
        headers = self.item.headers
        if self.pages:   # the first page's validators say nothing of the others (where the tables are): the
            # next crawl fetches the article whole, and the archive keeps a new version only if its bytes changed
            headers = {name: value for name, value in headers.items() if name not in ("etag", "last-modified")}
        return replace(self.item, body=mhtml(page, [*self.pages, *self.attached, *self.pictures], self.charset),
                       content_type=MHTML_TYPE, pictures=known, headers=headers)


def mhtml(page: Part, parts: Sequence[Part], charset: str | None = None) -> bytes:
    """The page and its other parts (its further pages, attachments, pictures) as MHTML bytes; ``charset``: the pages'
    encoding, for their parts' Content-Type."""
    parts = [page, *parts]
    message = MIMEMultipart("related", boundary=_boundary(parts), type=page.content_type)
    message["Snapshot-Content-Location"] = page.url
    for part in parts:
        message.attach(_mime_part(part, charset if part.content_type == "text/html" else None))
    out = io.BytesIO()
    BytesGenerator(out, mangle_from_=False, policy=_POLICY).flatten(message)
    return out.getvalue()


def _boundary(parts: Sequence[Part]) -> str:
    """A boundary from the parts' hash: the same parts, the same bytes; and no part can hold it by chance."""
    digest = hashlib.sha256()
    for part in parts:
        for value in (part.url.encode(), part.content_type.encode(), part.body):
            digest.update(len(value).to_bytes(8, "big"))
            digest.update(value)
    return f"----MultipartBoundary--{digest.hexdigest()[:40]}----"


def _mime_part(part: Part, charset: str | None) -> MIMENonMultipart:
    maintype, _, subtype = part.content_type.partition("/")
    mime = MIMENonMultipart(maintype, subtype or "octet-stream", **({"charset": charset} if charset else {}))
    del mime["MIME-Version"]   # said once, by the whole message
    mime.set_payload(part.body)
    encoders.encode_base64(mime)
    mime["Content-Location"] = part.url
    return mime

"""What a report page is bundled with before it is yielded: its tables' pictures and its attached parts
(``crawler.documents.pictures``, ``crawler.documents.parts``) and the further pages of a paged article
(``crawler.documents.continuations``), each asked after the one before; and the attachments whose addresses the
page's script writes from an answer it asks (Jeecms's ``Cms.attachment``: ``crawler.scripted.jeecms``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.coverage import PORTAL
from crawler.documents.bundle import PagedArticle, Part, PicturedPage
from crawler.documents.content import header_value, is_html, sniff_content_type
from crawler.documents.continuations import MAX_ARTICLE_BYTES
from crawler.documents.parts import MAX_BUNDLE_BYTES, attachment_verdicts
from crawler.items import ReportDocument
from crawler.scripted.jeecms import AttachmentCall, attachment_links
from crawler.steering.classify import Verdict
from crawler.steering.frontier import PICTURE_PRIORITY


class ReportPartSteps:
    """The spider's steps through a report page's pictures, parts and further pages (``ReportsSpider`` is
    composed of them)."""

    def _picture_request(self, page: PicturedPage, meta: dict[str, Any]) -> scrapy.Request:
        """The page's next attached part or picture. Never filtered as a duplicate: another page may show the
        same picture, and a dropped request would lose the page's item. An attached part is fetched within the
        site's download limit and what the bundle may still hold (``crawler.documents.parts.MAX_BUNDLE_BYTES``)."""
        maxsize = self.settings.getint("REPORT_PICTURE_MAXSIZE")
        if page.waits_for_document():
            maxsize = max(MAX_BUNDLE_BYTES - page.size, 1)
            maxsize = min(maxsize, self.settings.getint("DOWNLOAD_MAXSIZE") or maxsize)
        return scrapy.Request(page.waiting[0], callback=self.parse_picture, errback=self.on_picture_error,
                              dont_filter=True, priority=PICTURE_PRIORITY, meta={
            "role": "picture", "page": page, "subsite": meta.get("subsite", PORTAL), "download_maxsize": maxsize})

    def parse_picture(self, response: Response) -> Iterator[ReportDocument | scrapy.Request]:
        """A picture (or attached part) of the page joins its bundle (unless it is no picture, or a page
        where a file was linked); then the next, or the item."""
        page: PicturedPage = response.meta["page"]
        document = page.waits_for_document()
        url = page.waiting.pop(0)   # as the page names it, whatever redirects the request followed
        kind = _part_type(response) if document else _picture_type(response)
        if kind is None:
            self.logger.info("not a %s, left out of %s: %s", "file" if document else "picture", page.item.final_url,
                             url)
        else:
            (page.attached if document else page.pictures).append(
                Part(url, kind, response.body, header_value(response, "etag"), header_value(response, "last-modified")))
        yield self._next_picture(page, response.meta)

    def on_picture_error(self, failure: Failure) -> Iterator[ReportDocument | scrapy.Request]:
        """A picture that cannot be fetched is left out; the page keeps the others, and once MAX_FAILED_PICTURES
        failed, is archived with those that came (the rest counted in the frontier's skipped, pictures_given_up)."""
        self._record_error(failure)
        page: PicturedPage = failure.request.meta["page"]
        if given_up := page.failed_one():
            self.crawler.stats.inc_value("gxmon/frontier/pictures_given_up", given_up)
        yield self._next_picture(page, failure.request.meta)

    def _next_picture(self, page: PicturedPage, meta: dict[str, Any]) -> ReportDocument | scrapy.Request:
        return self._picture_request(page, meta) if page.waiting else page.bundled()

    def _continuation_request(self, article: PagedArticle) -> scrapy.Request:
        """The article's next page, no larger than what the article may still hold. Never filtered as a
        duplicate: the article's item waits for it."""
        return scrapy.Request(article.waiting[0], callback=self.parse_continuation,
                              errback=self.on_continuation_error, dont_filter=True, priority=PICTURE_PRIORITY,
                              meta={"role": "continuation", "article": article,
                                    "subsite": article.first.meta.get("subsite", PORTAL),
                                    "download_maxsize": MAX_ARTICLE_BYTES - article.size})

    def parse_continuation(self, response: Response) -> Iterator[ReportDocument | scrapy.Request]:
        """A further page of the article joins it (unless it is no web page); then the next, or the article."""
        article: PagedArticle = response.meta["article"]
        article.waiting.pop(0)
        if isinstance(response, TextResponse) and is_html(response.body, header_value(response, "content-type")):
            article.pages.append(response)
        yield from self._next_continuation(article)

    def on_continuation_error(self, failure: Failure) -> Iterator[ReportDocument | scrapy.Request]:
        """A further page that cannot be fetched is left out: the article is read from the pages that came,
        and gxparse says what it could not find."""
        self._record_error(failure)
        article: PagedArticle = failure.request.meta["article"]
        article.waiting.pop(0)
        yield from self._next_continuation(article)

    def _next_continuation(self, article: PagedArticle) -> Iterator[ReportDocument | scrapy.Request]:
        if article.waiting and article.size < MAX_ARTICLE_BYTES:
            yield self._continuation_request(article)
        else:
            yield from self._read_document_page(article.first, article.title, article.verdict, article.pages)

    def _attachment_keys_request(self, calls: list[AttachmentCall], page: ReportDocument | None, verdict: Verdict,
                                 meta: dict[str, Any]) -> scrapy.Request:
        """The answer giving the keys of the attachments a page's script links (``calls[0]``), the page's other
        calls asked after it; ``page``, the page's own item yielded when none of them gives an attachment (the page
        is all that was published), or None."""
        return scrapy.Request(calls[0].keys_url, callback=self.parse_attachment_keys,
                              errback=self.on_attachment_keys_error, dont_filter=True, priority=PICTURE_PRIORITY, meta={
            **meta, "role": "attachment_keys", "call": calls[0], "calls": calls[1:], "fallback": page,
            "verdict": verdict.value})

    def parse_attachment_keys(self, response: Response) -> Iterator[ReportDocument | scrapy.Request]:
        """The attachments the page's script would link, asked as the page's own attachments, then the keys of its
        next call; the page's item when no call's answer gives any."""
        meta = response.meta
        files = attachment_links(meta["call"], response.text) if isinstance(response, TextResponse) else []
        if not files:
            self.logger.info("no attachment keys in %s", response.url)
        for link, file_verdict in attachment_verdicts(files, Verdict(meta["verdict"])):
            if link.url not in self._requested and (request := self._document_request(
                    link, file_verdict, response, meta.get("subsite", PORTAL), page_title=meta.get("page_title"),
                    published_at=meta.get("published_at"), source=meta.get("source"))) is not None:
                yield request
        yield from self._next_attachment_call(meta, meta["fallback"] if not files else None)

    def on_attachment_keys_error(self, failure: Failure) -> Iterator[ReportDocument | scrapy.Request]:
        self._record_error(failure)
        yield from self._next_attachment_call(failure.request.meta, failure.request.meta["fallback"])

    def _next_attachment_call(self, meta: dict[str, Any],
                              fallback: ReportDocument | None) -> Iterator[ReportDocument | scrapy.Request]:
        """The keys of the page's next ``Cms.attachment`` call, carrying ``fallback`` (None once a call gave an
        attachment); the fallback itself after the last call."""
        if meta["calls"]:
            yield self._attachment_keys_request(
                meta["calls"], fallback, Verdict(meta["verdict"]),
                {k: meta[k] for k in _KEYS_CARRIED if k in meta})
        elif fallback is not None:
            yield fallback


# what a Cms.attachment call's keys request carries on to the next call's: the page's place and what it says of itself
_KEYS_CARRIED = ("listing_url", "list_of", "agency_hint", "subsite", "hops", "chain", "page_title", "published_at",
                 "source")


def _picture_type(response: Response) -> str | None:
    """A picture's media type, from its first bytes or else its Content-Type; None for anything else (an
    error page answered 200)."""
    sniffed = sniff_content_type(response.body)
    declared = sniff_content_type(b"", header_value(response, "content-type"))
    kind = sniffed if sniffed.startswith("image/") else declared
    return kind if kind.startswith("image/") else None


def _part_type(response: Response) -> str | None:
    """An attached part's media type, its Content-Type's unless that is generic, else what its bytes show; None
    for a web page (an error page answered 200, a page where a file was linked)."""
    if is_html(response.body):
        return None
    kind = sniff_content_type(response.body, header_value(response, "content-type"))
    return None if kind in ("text/html", "application/xhtml+xml") else kind

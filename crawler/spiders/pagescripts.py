"""A page read with its own script files (``crawler.pages.sitescripts``): the files asked first, one after the
other, the page read once the last has answered (or failed), each file's text kept for the crawl's other pages. A page
needing a file already asked waits for its answer (the frontier refuses a second fetch of it): many list pages of
one template arrive together, each needing the same ``page.js``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin
from weakref import WeakKeyDictionary

import scrapy
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.response import get_base_url
from twisted.python.failure import Failure

from crawler.documents.content import is_html, response_text
from crawler.pages.links import PageTemplates
from crawler.pages.scriptcalls import MAX_SCRIPT_CHARS
from crawler.pages.scriptwrites import write_in, writer_elements
from crawler.pages.sitescripts import MAX_PER_CRAWL, MAX_SCRIPT_BYTES, site_script_urls, wants_site_scripts
from crawler.steering.frontier import LIST_PAGE_PRIORITY


class PageScriptSteps:
    """The spider's steps through a page's own script files (``ReportsSpider`` is composed of them)."""

    _site_scripts: dict[str, str]   # a script file's URL → its text ('' when it failed)
    _scripts_asked: int
    # a script file's URL asked, not yet answered → the pages waiting for it, each with the files it needs after it
    _script_waiters: dict[str, list[tuple[dict[str, Any], list[str]]]]
    _templates: WeakKeyDictionary[TextResponse, PageTemplates]

    def _awaited_scripts(self, response: Response) -> list[scrapy.Request] | None:
        """The request for the first of the script files the page needs before it is read (none when that file is
        asked already: the page waits for its answer); None when it is read now (it needs none, or they are known,
        or the crawl's ``MAX_PER_CRAWL`` are asked)."""
        if response.meta.get("scripts_read") or not isinstance(response, TextResponse) or not is_html(response.body):
            return None
        root, base = response.selector.root, get_base_url(response)
        writers = [urljoin(base, script.get("src").strip()) for script in writer_elements(root, base)]
        urls = [url for url in dict.fromkeys(writers + site_script_urls(root, base))
                if url not in self._site_scripts and self.scope.contains(url) and not self._denied(url)]
        if not urls or self._scripts_asked >= MAX_PER_CRAWL or not (writers or wants_site_scripts(root)):
            return None
        page = {"url": response.url, "body": response.body, "encoding": response.encoding,
                "method": response.request.method, "meta": dict(response.meta)}
        return self._ask_scripts(urls, page)

    def _ask_scripts(self, urls: list[str], page: dict[str, Any]) -> list[scrapy.Request]:
        """The request for the first of ``urls``, or none when it is asked already and the page waits for it."""
        if urls[0] in self._script_waiters:
            self._script_waiters[urls[0]].append((page, urls[1:]))
            return []
        self._script_waiters[urls[0]] = []
        return [self._script_request(urls, page)]

    def _script_request(self, urls: list[str], page: dict[str, Any]) -> scrapy.Request:
        self._scripts_asked += 1
        return scrapy.Request(urls[0], callback=self.parse_site_script, errback=self.site_script_failed,
                              priority=LIST_PAGE_PRIORITY, dont_filter=True,
                              meta={"role": "script", "page": page, "scripts": urls[1:],
                                    "download_maxsize": MAX_SCRIPT_BYTES})

    def parse_site_script(self, response: Response) -> Iterator[scrapy.Request]:
        self._site_scripts[response.url] = response_text(response)[:MAX_SCRIPT_CHARS] \
            if isinstance(response, TextResponse) else ""
        yield from self._after_answer(response.url, response.meta)

    def site_script_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        """A file that did not answer (or was larger than ``MAX_SCRIPT_BYTES``): the page is read without it."""
        self._site_scripts.setdefault(failure.request.url, "")
        yield from self._after_answer(failure.request.url, failure.request.meta)

    def _after_answer(self, url: str, meta: dict[str, Any]) -> Iterator[scrapy.Request]:
        """The asking page, then the pages that waited for this file, each on to its next file or read."""
        waiting = self._script_waiters.pop(url, [])
        yield from self._after_script(meta["page"], meta["scripts"])
        for page, scripts in waiting:
            yield from self._after_script(page, scripts)

    def _after_script(self, page: dict[str, Any], scripts: list[str]) -> Iterator[scrapy.Request]:
        rest = [url for url in scripts if url not in self._site_scripts]
        if rest and self._scripts_asked < MAX_PER_CRAWL:
            yield from self._ask_scripts(rest, page)
            return
        request = scrapy.Request(page["url"], method=page["method"], meta={**page["meta"], "scripts_read": True})
        yield from self.parse_page(HtmlResponse(page["url"], body=page["body"], encoding=page["encoding"],
                                                request=request))

    def _write_scripts(self, response: Response) -> None:
        """Puts into the page what its own script files write where they stand (``crawler.pages.scriptwrites``)."""
        if isinstance(response, TextResponse) and is_html(response.body):
            write_in(response.selector.root, get_base_url(response), self._site_scripts)

    def _page_codes(self, response: TextResponse) -> list[str]:
        """The texts of the page's inline scripts and of its own script files that the crawl has read."""
        return response.xpath("//script[not(@src)]/text()").getall() + self._site_codes(response)

    def _page_templates(self, response: TextResponse) -> PageTemplates:
        """The URL templates of the functions of the page's inline scripts and its own script files, read once a
        page."""
        if response not in self._templates:
            self._templates[response] = PageTemplates(response.selector.root, self._site_codes(response))
        return self._templates[response]

    def _site_bytes(self, response: TextResponse) -> list[bytes]:
        """The page's own script files that the crawl has read, as bytes (searched as the page's body is)."""
        return [code.encode() for code in self._site_codes(response)]

    def _site_codes(self, response: TextResponse) -> list[str]:
        """The texts of the page's own script files that the crawl has read."""
        return [code for url in site_script_urls(response.selector.root, get_base_url(response))
                if (code := self._site_scripts.get(url))]

"""The spider's way to what only a browser shows: a page that gave no way on the static readers could use, and is a
script shell (``crawler.scripted.shells``), is asked again to be rendered (``crawler.middlewares.RenderMiddleware``,
``crawler.transport.browser``); the rendered page is read as any page (``parse_page``), the JSON its scripts fetched
as API answers (``crawler.scripted.jsonlinks``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
import scrapy
from scrapy.http import Response, TextResponse

from crawler.documents.content import is_html
from crawler.pages.links import Link, answer_links
from crawler.scripted.jsonp import json_text
from crawler.scripted.shells import is_script_shell

# Links written in the page's markup (crawler.pages.links): the others are what the static readers found in its
# scripts and data.
_MARKUP = frozenset({"a", "area", "frame", "option", "form"})
# What Scrapy's middlewares noted of the page's download: the rendering is a download of its own.
_DOWNLOAD_KEYS = frozenset({"download_slot", "download_latency", "redirect_times", "redirect_ttl", "redirect_urls",
                            "redirect_reasons", "retry_times"})


class RenderSteps:
    def _render_shell(self, response: Response, links: list[Link], bundles: bool) -> Iterator[scrapy.Request]:
        """A page that gave no new way on asked again to be rendered, when the static readers found nothing on it
        (no document, whose requests may wait for its list; no link its scripts or data name, which may have
        been asked already) and it is a script shell; a shell whose bundles are being read
        (``ScriptSteps._bundles``) only once the crawl runs dry and they led nowhere."""
        meta = response.meta
        if meta.get("gxmon_render") or not isinstance(response, TextResponse) or not is_html(response.body) \
                or any(link.source not in _MARKUP for link in links) or self._parse_documents(links, response.url) \
                or self.traps.trapped(response.url, meta.get("chain", 0)) \
                or not is_script_shell(response.selector.root):
            return
        render = self._render_request(response)
        if bundles:
            self._shells[response.url] = render
            return
        if meta.get("role") == "list":   # its list's documents wait for the rendered page too
            self._held.expect(meta.get("list_of") or response.url, 1)
        yield render

    def _shell_renders(self) -> list[scrapy.Request]:
        """The shells waiting for their bundles whose bundles led to no list and no document."""
        shells, self._shells = self._shells, {}
        return [request for url, request in shells.items() if url not in self._shells_led]

    def _shell_ways(self, shell: str, requests: Iterable[scrapy.Request]) -> Iterator[scrapy.Request]:
        """A shell's bundle's requests: any but another bundle's is a way on the static readers found."""
        for request in requests:
            if request.meta.get("role") != "bundle":
                self._shells_led.add(shell)
            yield request

    def _render_request(self, response: Response) -> scrapy.Request:
        return scrapy.Request(response.url, callback=self.parse_page, errback=self.on_error, dont_filter=True,
                              priority=response.request.priority,
                              meta={**{k: v for k, v in response.meta.items() if k not in _DOWNLOAD_KEYS},
                                    "gxmon_render": True})

    def may_fetch(self, url: str) -> bool:
        """A request a rendered page makes may be asked of the downloader (``crawler.transport.browsergate``, where
        robots.txt and the site's limits are checked as for any request): it is on the site, not denied by its
        config."""
        return self.scope.contains(url) and not self._denied(url)

    @staticmethod
    def _rendered_links(response: Response) -> list[Link]:
        """The links of the JSON answers a rendered page's scripts fetched."""
        return [link for answer in response.meta.get("rendered_answers", ())
                for link in answer_links(json_text(answer), response.url)]

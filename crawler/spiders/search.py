"""The site's own search boxes as a way in once navigation is done (``crawler.steering.sitesearch``): their result
pages' report links asked as documents, a result page drawn by a script asked of its API."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse

from crawler.coverage import PORTAL
from crawler.documents.content import header_value, is_html
from crawler.pages.links import answer_links, page_links
from crawler.scripted.bundles import page_scripts
from crawler.scripted.jsonp import is_json_answer, json_text
from crawler.steering.classify import classify_title
from crawler.transport.challenge import script_challenge

MAX_SEARCH_SCRIPTS = 10      # inline scripts of a search result page read for the API that draws its results


class SearchSteps:
    """The spider's steps through a site's search boxes (``ReportsSpider`` is composed of them)."""

    def _may_search(self, url: str) -> bool:
        """A search box may send to the site, or to a government host (a province's unified search); not where
        the host's robots.txt, read already, disallows it: such a box would take the place of another."""
        robots = self._robots.get(urlsplit(url).netloc)
        return (self.scope.contains(url) or self.scope.government(url)) and not self._denied(url) \
            and (robots is None or robots.allowed(url, self.settings.get("USER_AGENT")))

    def _search_site(self) -> int:
        """Ask the site's search boxes for its reports (``crawler.steering.sitesearch``)."""
        requests = self.site_search.first_requests(self.scope.contains, self.parse_search, self.on_error)
        for request in requests:
            self.crawler.engine.crawl(request)
        return len(requests)

    def parse_search(self, response: Response) -> Iterator[scrapy.Request]:
        """A result page: its report links are documents as any page's are (in scope, by their titles); then
        the next result page, or the next term. An answer that is no page ends the box's search."""
        step = response.meta["search"]
        if step.page == 0:   # the robots.txt of a box on another host
            first = self.site_search.after_robots(step, response.status, response.body,
                                                  self.settings.get("USER_AGENT"), self.parse_search, self.on_error)
            if first is not None:
                yield first
            return
        if not isinstance(response, TextResponse):
            return
        if step.api is not None:   # a script-drawn result page's API: its answer lists the results
            links = answer_links(json_text(response.text), response.url) if is_json_answer(response.body) else []
        elif is_html(response.body, header_value(response, "content-type")):
            links = page_links(response.selector.root, response.url)
        else:
            return
        if not links and script_challenge(response.body):
            return
        for document in self._parse_documents(links, response.url):
            # a province's search lists every city's files: a file on another government host is none of the site's
            if document.link.url not in self._requested and self.scope.contains(document.link.url):
                yield self._document_request(document.link, document.verdict, response,
                                             self.subsites.locate(document.link.url, PORTAL))
        following = None
        if step.api is None and not any(classify_title(link.text).worth_fetching for link in links):
            # a page whose results a script draws: its API is asked instead (crawler.steering.sitesearch)
            codes = response.xpath("//script[not(@src)]/text()").getall()[:MAX_SEARCH_SCRIPTS]
            codes += self.site_search.files.get(step.endpoint, [])
            following = self.site_search.script_request(step, codes, response.url, self.parse_search, self.on_error)
            # the script may be a file of its own (search.js): read before the search goes on
            following = following or self.site_search.script_file_request(
                step, page_scripts(response.selector.root, response.url), response.url, self.parse_search_script,
                self.on_error)
        following = following or self.site_search.after(step, links, response.url, self.parse_search, self.on_error)
        if following is not None:
            yield following

    def parse_search_script(self, response: Response) -> Iterator[scrapy.Request]:
        """A result page's script file (``crawler.steering.sitesearch``): the API it asks with the words, else the next
        file, else the search goes on as after a page listing nothing."""
        step, page = response.meta["search"], response.meta["search_page"]
        if isinstance(response, TextResponse):
            self.site_search.read_script_file(step, response.text)
        following = self.site_search.script_request(step, self.site_search.files.get(step.endpoint, []), page,
                                                    self.parse_search, self.on_error) \
            or self.site_search.script_file_request(step, response.meta["files_left"], page, self.parse_search_script,
                                                    self.on_error) \
            or self.site_search.after(step, [], page, self.parse_search, self.on_error)
        if following is not None:
            yield following

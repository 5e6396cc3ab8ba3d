"""A report an app's detail API gives (``crawler.scripted.hashroutes``, ``crawler.scripted.querydetail``): its JSON
answer is the document, titled, dated and sourced by its fields, or the files it attaches; the next API the
script names when one answers no report."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import JsonRequest, Response
from twisted.python.failure import Failure

from crawler.coverage import PORTAL
from crawler.documents.content import is_attachment, response_text
from crawler.items import ReportDocument
from crawler.pages.links import answer_links, iso_date
from crawler.scripted.hashroutes import DetailAnswer, detail_answer
from crawler.scripted.jsonp import json_text
from crawler.steering.classify import Verdict, classify_title, combine, title_agency

_MARKUP = re.compile(r"<[^<>]{0,2000}>")   # a tag of an answer's HTML, read as a space


class DetailSteps:
    """The spider's steps through detail APIs (``ReportsSpider`` is composed of them)."""

    def parse_detail(self, response: Response) -> Iterator[ReportDocument | scrapy.Request]:
        """A detail API's answer for a hash-route item: the report when it holds one (its title, date and
        source from its fields), else the next detail API the script names."""
        meta = response.meta
        if self.traps.drops_listed(meta):
            return
        if response.status != 200:   # 304: nothing to read, the status is the news
            yield self._detail_item(response, meta.get("link_text", ""), Verdict(meta["verdict"]))
            return
        answer = detail_answer(response.body)
        if answer is None and (files := self._parse_answer_files(response)):
            yield from files   # no text at all, a file attached: the report is the file
            return
        if answer is None:
            self.logger.info("no report in the detail answer %s (for %s)", response.url, meta["hash_route"])
            yield from self._next_detail(response.request)
            return
        verdict = combine(Verdict(meta["verdict"]), classify_title(answer.title))
        if not verdict.worth_fetching:
            return
        if not self._has_report_body(_MARKUP.sub(" ", answer.content)) \
                and (files := self._parse_answer_files(response)):
            yield from files   # 详见附件: the report is the file the answer attaches
            return
        yield answered_item(self._detail_item(response, answer.title, verdict), answer)

    def _detail_item(self, response: Response, title: str, verdict: Verdict) -> ReportDocument:
        item = self._item(response, title, verdict)
        item.url = response.meta["hash_route"]   # the report's address in the app; final_url is the API's
        if response.request.method == "POST":   # one address answering every item: the route is the report's
            item.final_url = item.url
        return item

    def on_detail_error(self, failure: Failure) -> Iterator[scrapy.Request]:
        self._record_error(failure)
        yield from self._next_detail(failure.request)

    def _next_detail(self, request: scrapy.Request) -> Iterator[scrapy.Request]:
        """The next detail API for the same item, if the script names another."""
        left = request.meta.get("details_left") or []
        if left:
            (url, body), rest = left[0], left[1:]
            self._note_detail(url, body)
            yield detail_api_request(url, body, callback=request.callback, errback=request.errback,
                                  priority=request.priority, meta={**request.meta, "details_left": rest}, dont_filter=True)

    def _note_detail(self, url: str, body: dict | None) -> None:
        """A detail API asked for an item: a GET's address is the report's, revisited as any document's; a
        POST's answers every item, so it is no report's address."""
        if body is None:
            self._listed.add(url)
        self._requested[url if body is None else f"POST {url} {json.dumps(body, sort_keys=True)}"] = "document"

    def _parse_answer_files(self, response: Response) -> list[scrapy.Request]:
        """The requests for the files a detail API's answer attaches (``files: [{name, url}]``) named as reports
        or as what may be one."""
        requests = []
        for link in answer_links(json_text(response_text(response)), response.url):
            verdict = classify_title(link.text)
            if is_attachment(link.url, link.text) and verdict.worth_fetching \
                    and link.url not in self._requested and self.scope.contains(link.url):
                request = self._document_request(link, verdict, response, response.meta.get("subsite", PORTAL))
                if request is not None:
                    requests.append(request)
        return requests


def answered_item(item: ReportDocument, answer: DetailAnswer) -> ReportDocument:
    """The item of a detail API's answer, dated and sourced by its fields."""
    item.published_at = iso_date(answer.published) if answer.published else item.published_at
    if answer.source and not title_agency(answer.title):
        item.agency = answer.source
    return item


def detail_api_request(url: str, body: dict | None, **kwargs: Any) -> scrapy.Request:
    """A detail API's request: a GET of its address, or a POST of the id as the script sends it (JSON)."""
    return JsonRequest(url, data=body, **kwargs) if body is not None else scrapy.Request(url, **kwargs)

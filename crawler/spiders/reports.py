"""The generic spider: from a site's start URL to every 政府信息公开工作年度报告 on it and its sub-sites.

Pages are read in one of two ways:
- ``parse_page`` (start, platform, directory and column pages): report links become document requests;
  navigation links (platform, 年报 column, 部门/区县 directory, sub-sites) are followed up to the site's
  depth; a column page's other pages are followed (TRS ``createPageHTML``, ``?page=N``, 下一页).
- ``parse_document`` (what a report link leads to): a report page is yielded; a report page holding only a
  file yields the file; look-alikes are dropped; when titles cannot tell, gxparse reads the document.

When the crawl runs dry, documents the archive knows but no list page showed are requested once more
(``revisit``), so a withdrawn report shows up as a 404 item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.classify import Verdict, classify_title, combine, document_is_report, title_agency, title_year
from crawler.content import ATTACHMENT_HREF, IMAGE_HREF, is_html, sniff_content_type
from crawler.extensions import record_failure
from crawler.items import ReportDocument
from crawler.navigation import Role, create_page_urls, link_label, link_role
from crawler.siteconfig import Site, load_sites, site_from_url
from crawler.validators import validator_store
from gxparse.normalize import squash
from gxparse.template import SECTIONS

NAV_ROLES = (Role.PLATFORM, Role.COLUMN, Role.DIRECTORY, Role.SUBSITE)
_DATE = r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
_PUBLISHED = re.compile(r"(?:发布日期|发布时间|发文日期|公开日期|发布于)\s*[:：]?\s*" + _DATE)
_WRITTEN = re.compile(r"成文日期\s*[:：]?\s*" + _DATE)
_ANY_DATE = re.compile(_DATE)
_SOURCE = re.compile(r"(?:发布机构|发布单位|信息来源|来源)\s*[:：]\s*([^\s|｜]{2,30})")
_SECTION_ANCHORS = [re.compile("|".join(s.anchors)) for s in SECTIONS]
# Elements that hold an article's body on common CMSs (TRS, 大汉, 拓尔思, 网站群).
_CONTENT_XPATH = ("//*[contains(@class,'TRS_Editor') or contains(@class,'content') or contains(@class,'article')"
                  " or contains(@id,'zoom') or contains(@class,'zoom') or contains(@id,'content')]")


@dataclass(frozen=True)
class PageLink:
    url: str
    text: str           # the text to judge it by (title attribute when the visible text is cut off)
    date: str | None    # ISO date printed beside it in a list


class ReportsSpider(scrapy.Spider):
    name = "reports"

    def __init__(self, site: Site | str | None = None, start_url: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if (site is None) == (start_url is None):
            raise ValueError("give the spider exactly one of -a site=<id from config> or -a start_url=<url>")
        # A site id is looked up in the config named by the settings, in from_crawler.
        self._site_id_arg = site if isinstance(site, str) else None
        self.site: Site | None = site_from_url(start_url) if start_url else site if isinstance(site, Site) else None
        self._listed: set[str] = set()   # document URLs some page linked to this crawl
        self._lists_read = 0
        self._revisited = False

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any) -> ReportsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.site is None:
            spider.site = _site_from_config(crawler.settings.get("GXMON_CONFIG"), spider._site_id_arg)
        spider.allowed_domains = list(spider.site.allowed_domains)
        apply_site_settings(crawler.settings, spider.site)
        crawler.signals.connect(spider._spider_idle, signal=signals.spider_idle)
        return spider

    @property
    def site_id(self) -> str:
        return self.site.id

    async def start(self):
        for url in self.site.start_urls:
            yield scrapy.Request(url, callback=self.parse_page, errback=self.on_error,
                                 meta={"role": "start", "hops": 0, "agency_hint": self.site.name})

    # -- list and navigation pages -----------------------------------------------------------------

    def parse_page(self, response: Response) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse) or not is_html(response.body, _header(response, "content-type")):
            self.logger.warning("not an HTML page, nothing to follow: %s", response.url)
            return
        role, hops = response.meta["role"], response.meta["hops"]
        if role == "column":
            self._lists_read += 1
        links = self._parse_links(response)
        found = 0
        for link in links:
            verdict = classify_title(link.text)
            if verdict.worth_fetching and link_role(link.text, link.url, extra=self._extra_roles()) is Role.OTHER:
                found += 1
                yield self._document_request(link, verdict, response)
        if role == "column" or found:
            yield from self._follow_pages(response, links)
        if hops < self.site.depth:
            yield from self._follow_navigation(response, links, on_directory=role == "directory")

    def _follow_pages(self, response: TextResponse, links: list[PageLink]) -> Iterator[scrapy.Request]:
        pages = create_page_urls(response.text, response.url)
        pages += [link.url for link in links
                  if link_role(link.text, link.url, extra=self._extra_roles()) is Role.PAGER]
        for url in pages:
            yield self._page_request(url, "column", response.meta["hops"], response.meta["agency_hint"])

    def _follow_navigation(self, response: TextResponse, links: list[PageLink],
                           on_directory: bool) -> Iterator[scrapy.Request]:
        for link in links:
            role = link_role(link.text, link.url, on_directory=on_directory, extra=self._extra_roles())
            if role not in NAV_ROLES:
                continue
            hint = link.text if role is Role.SUBSITE else response.meta["agency_hint"]
            next_role = {Role.COLUMN: "column", Role.DIRECTORY: "directory"}.get(role, "nav")
            yield self._page_request(link.url, next_role, response.meta["hops"] + 1, hint)

    def _page_request(self, url: str, role: str, hops: int, hint: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_page, errback=self.on_error,
                              meta={"role": role, "hops": hops, "agency_hint": hint})

    def _document_request(self, link: PageLink, verdict: Verdict, response: Response,
                          **meta: Any) -> scrapy.Request:
        self._listed.add(link.url)
        return scrapy.Request(link.url, callback=self.parse_document, errback=self.on_error, meta={
            "role": "document", "gxmon_document": True, "handle_httpstatus_list": [304],
            "verdict": verdict.value, "link_text": link.text, "list_date": link.date,
            "listing_url": response.meta.get("listing_url", response.url),
            "agency_hint": response.meta["agency_hint"], **meta})

    # -- documents ---------------------------------------------------------------------------------

    def parse_document(self, response: Response) -> Iterator[ReportDocument | scrapy.Request]:
        meta = response.meta
        if response.status != 200:  # 304, or 404/410 on a revisit: nothing to read, the status is the news
            yield self._item(response, meta.get("page_title") or meta["link_text"])
            return
        link_verdict = Verdict(meta["verdict"])
        if not is_html(response.body, _header(response, "content-type")) or not isinstance(response, TextResponse):
            if link_verdict is Verdict.REPORT or document_is_report(response.body, response.url):
                yield self._item(response, meta.get("page_title") or meta["link_text"])
            return
        title = self._parse_title(response)
        verdict = combine(link_verdict, classify_title(title))
        if not verdict.worth_fetching:
            return
        text = self._parse_text(response)
        if self._has_report_body(text):
            if verdict is Verdict.REPORT or document_is_report(response.body, response.url):
                yield self._item(response, title)
            return
        files = self._parse_attachments(response)
        if not files and verdict is Verdict.REPORT:
            yield self._item(response, title)  # neither text nor file: the page is all that was published
        for link, file_verdict in _attachment_verdicts(files, verdict):
            yield self._document_request(link, file_verdict, response, page_title=title,
                                         published_at=self._parse_published(text), source=self._parse_source(text))

    def _item(self, response: Response, title: str) -> ReportDocument:
        meta = response.meta
        headers = {k.decode("latin-1").lower(): v[0].decode("latin-1") for k, v in response.headers.items() if v}
        published = meta.get("published_at") or meta.get("list_date")
        source = meta.get("source")
        if response.status == 200 and isinstance(response, TextResponse) and is_html(response.body):
            text = self._parse_text(response)
            published = self._parse_published(text) or published
            source = self._parse_source(text) or source
        link_text = meta.get("link_text", "")
        return ReportDocument(
            site_id=self.site.id,
            url=(meta.get("redirect_urls") or [response.url])[0],
            final_url=response.url,
            status=response.status,
            headers=headers,
            body=response.body if response.status == 200 else b"",
            content_type=sniff_content_type(response.body, headers.get("content-type")) if response.body
            else headers.get("content-type", ""),
            link_text=link_text,
            page_title=title,
            agency=title_agency(title) or source or title_agency(link_text) or meta.get("agency_hint"),
            year=title_year(title) or title_year(link_text),
            published_at=published,
            listing_url=meta.get("listing_url"),
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            not_modified=response.status == 304,
            revisit=bool(meta.get("revisit")),
        )

    # -- revisits and failures ---------------------------------------------------------------------

    def _spider_idle(self) -> None:
        """Once, when the crawl runs dry: re-request archived documents no list page showed this time."""
        if self._revisited or not self._lists_read:
            return  # no list page was read (site down?): absence from the lists proves nothing
        self._revisited = True
        missing = [u for u in validator_store(self.crawler).known_urls(self.site.id) if u not in self._listed]
        for url in missing:
            self.crawler.engine.crawl(scrapy.Request(url, callback=self.parse_document, errback=self.on_error, meta={
                "role": "document", "gxmon_document": True, "handle_httpstatus_list": [304, 404, 410],
                "verdict": Verdict.REPORT.value, "link_text": "", "revisit": True, "listing_url": None,
                "agency_hint": self.site.name}))
        if missing:
            raise DontCloseSpider

    def on_error(self, failure: Failure) -> None:
        request = failure.request
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        elif "robots.txt" in str(failure.value):
            return  # obeying robots.txt is not a failure; Scrapy counts it in robotstxt/forbidden
        else:
            reason = f"{type(failure.value).__name__}: {failure.value}".rstrip(": ")
        self.logger.info("failed %s: %s", request.url, reason)
        record_failure(self.crawler.stats, request, reason)

    # -- small parsers -----------------------------------------------------------------------------

    def _extra_roles(self) -> dict[Role, tuple[str, ...]]:
        rules = self.site.rules
        return {Role.COLUMN: rules.column, Role.PLATFORM: rules.platform, Role.DIRECTORY: rules.directory}

    def _parse_links(self, response: TextResponse) -> list[PageLink]:
        """Every http(s) link of the page with its judged text and the date printed beside it.

        Walks lxml elements directly: a parsel Selector per text node costs more than the rest of the crawl.
        """
        out = []
        for a in response.selector.root.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("javascript:", "mailto:", "#")):
                continue
            url = response.urljoin(href)
            if not url.startswith(("http://", "https://")) or self._denied(url):
                continue
            text = link_label("".join(a.itertext()), a.get("title"))
            row = next(a.iterancestors("li", "tr", "dd", "p"), None)
            date = _iso_date(_ANY_DATE.search("".join(row.itertext()))) if row is not None else None
            out.append(PageLink(url.split("#")[0], text, date))
        return out

    def _denied(self, url: str) -> bool:
        return any(re.search(pattern, url) for pattern in self.site.rules.deny)

    def _parse_title(self, response: TextResponse) -> str:
        """The article heading, else the <title> (whose site-name decoration does not hurt the rules)."""
        root = response.selector.root
        for xpath in ("//h1", "//*[contains(@class,'title') and not(self::title)]", "//h2", "//title"):
            for node in root.xpath(xpath):
                text = " ".join("".join(node.itertext()).split())
                if text and classify_title(text) is not Verdict.UNRELATED:
                    return text
        return " ".join("".join(t for node in root.xpath("//title") for t in node.itertext()).split())

    @staticmethod
    def _parse_text(response: TextResponse) -> str:
        """The page's text, one space between text nodes (so table cells stay apart)."""
        return " ".join(response.selector.root.xpath("//body//text()"))

    @staticmethod
    def _parse_published(text: str) -> str | None:
        return _iso_date(_PUBLISHED.search(text)) or _iso_date(_WRITTEN.search(text))

    @staticmethod
    def _parse_source(text: str) -> str | None:
        """The publishing body from the metadata line (来源：/发布机构：), when the title does not name it."""
        match = _SOURCE.search(text)
        return match.group(1) if match else None

    @staticmethod
    def _has_report_body(text: str) -> bool:
        """The page itself carries the report: most of the six section headings are in its text."""
        squashed = squash(text)
        return sum(1 for anchor in _SECTION_ANCHORS if anchor.search(squashed)) >= 4

    def _parse_attachments(self, response: TextResponse) -> list[PageLink]:
        files = [link for link in self._parse_links(response) if ATTACHMENT_HREF.search(link.url)]
        if not files:  # a scanned report shown as images in the article body
            for src in response.xpath(_CONTENT_XPATH + "//img/@src").getall():
                url = response.urljoin(src)
                if ATTACHMENT_HREF.search(url):
                    files.append(PageLink(url, "", None))
        return list({f.url: f for f in files}.values())


def _attachment_verdicts(files: list[PageLink], page: Verdict) -> list[tuple[PageLink, Verdict]]:
    """Which files of a report page to fetch, and how sure we are each is the report.

    Files named as a report are the report. Otherwise a report page's only file is its report, and images
    on a report page are its scanned pages (each becomes a document); with several other unnamed files, or
    on a page that only might be a report, gxparse decides file by file.
    """
    verdicts = [(f, classify_title(f.text)) for f in files]
    named = [(f, v) for f, v in verdicts if v is Verdict.REPORT]
    if named:
        return named
    candidates = [f for f, v in verdicts if v is not Verdict.LOOKALIKE]
    if page is Verdict.REPORT and (len(candidates) == 1 or all(IMAGE_HREF.search(f.url) for f in candidates)):
        return [(f, Verdict.REPORT) for f in candidates]  # one file, or the scanned pages of one report
    return [(f, Verdict.MAYBE) for f in candidates]


def _site_from_config(path: str, site_id: str) -> Site:
    for site in load_sites(path):
        if site.id == site_id:
            return site
    raise ValueError(f"{path}: no [[site]] with id {site_id!r}")


def apply_site_settings(settings, site: Site) -> None:
    """The site's politeness and limits, at "spider" priority (``-s`` on the command line still wins)."""
    values = {
        "CONCURRENT_REQUESTS_PER_DOMAIN": site.concurrency,
        "DOWNLOAD_DELAY": site.delay,
        "AUTOTHROTTLE_START_DELAY": max(site.delay, 0.1),
        "CLOSESPIDER_PAGECOUNT": site.max_pages,
        "DOWNLOAD_MAXSIZE": site.max_bytes,
        "DOWNLOAD_TIMEOUT": site.timeout,
        "RETRY_TIMES": site.retries,
    }
    root = settings.get("GXMON_JOBDIR_ROOT")
    if root and not settings.get("JOBDIR"):
        values["JOBDIR"] = f"{root}/{site.id}"
    for name, value in values.items():
        settings.set(name, value, priority="spider")


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _iso_date(match: re.Match | None) -> str | None:
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups()[-3:])
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None

"""The generic spider: from a site's start URL to every 政府信息公开工作年度报告 on it and its sub-sites.

There is no fixed path through a site. Every page is read the same way (``parse_page``):

- its links (``crawler.pages.links``: anchors, drop-downs, script strings, Hanweb datastore records) whose text
  looks like a report become document requests;
- a page that lists reports is a report column: its other pages are read (``crawler.steering.pagers``);
- every other in-scope link is judged by ``crawler.steering.frontier`` (its text, its block's heading, its URL's
  words, whether it names an agency, what this page is) and requested with that score as its priority;
  FOLLOW links always, EXPLORE/AVOID ones only while their sub-site has no column (``crawler.steering.budget``).
  An agency's name in a list of agencies enters a sub-site (``crawler.coverage``), also on a host of its
  own when ``crawler.hosts.scope`` admits it;
- traps (``crawler.steering.traps``) are recognised as pages are read, and what they list is not yielded.

``parse_document`` reads what a report link leads to: a report page is yielded (one whose tables are pictures
with them, fetched one after another and bundled with the page as MHTML: ``crawler.documents.pictures``,
``crawler.documents.bundle``; so is an article with the attachments that are parts of its report, its 附表.xls or its
正文.pdf and 附表.xls: ``crawler.documents.parts``; when such a page answers 304 on a later crawl,
``PictureRecheckMiddleware`` has checked its pictures and parts before the spider sees the answer); a report page
holding only a file yields the file; look-alikes are
dropped; a document the titles cannot decide on is yielded as ``maybe`` and ``crawler.pipelines.ParsePipeline``
keeps it only if gxparse reads an annual report (parsing is never done in the spider: it would stop the
reactor); a "report" that is itself a list of reports is read as a list.

A report column's documents are requested once the column has been read to its end (``crawler.steering.holding``), so
an endless list recognised as a trap has nothing its endless pages list yielded (an endless pager listing no new
report past its first pages is cut there; what its pages of another pattern list, the column the site links,
stands: ``crawler.steering.traps``). When the crawl runs dry: documents still
held are released (unless their list turned out to be a trap), then the site's search boxes are asked for its
reports (``crawler.steering.sitesearch``), then URLs of the site's sitemaps (robots.txt ``Sitemap:`` lines, else
``/sitemap.xml``) that no page linked are requested, then documents the archive knows but no list page showed
(``revisit``), so a withdrawn report shows up as a 404 item. A document page saying it is gone while answering
200, or sent on to the home page (``crawler.documents.gone``), is such an absence too.

The spider is composed of one mixin per other way to reports, each in its own module: ``sitemaps``, ``search``,
``scripts`` (a page's script API requests, an app's bundles and chunks), ``details`` (detail APIs),
``reportparts`` (a report page's pictures, parts and further pages) and ``rendering`` (a script shell that gave no
way on, read rendered in headless Chromium).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import islice
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit
from weakref import WeakKeyDictionary

from lxml import etree
import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.request import request_from_dict
from scrapy.utils.response import get_base_url
from twisted.python.failure import Failure

from crawler.coverage import PORTAL, Subsites
from crawler.documents.bundle import PagedArticle, Part, PicturedPage
from crawler.documents.content import (ATTACHMENT_HREF, header_value, is_attachment, is_html, response_text,
                                       sniff_content_type)
from crawler.documents.continuations import continuation_pages
from crawler.documents.gone import gone_reason
from crawler.documents.parts import attachment_verdicts, part_urls
from crawler.documents.pictures import holds_report_text, opens_report_text, table_pictures
from crawler.documents.previews import viewed_file
from crawler.documents.shown import embedded_files, loaded_bodies, named_files, script_files
from crawler.documents.validators import validator_store
from crawler.extensions import record_failure, record_unread
from crawler.hosts.hostnames import desktop_twin
from crawler.hosts.mobilecopy import SeenArticles, article_lines, desktop_page, mobile_copies
from crawler.hosts.scope import Scope
from crawler.hosts.twinorigins import OriginTwins, page_sign
from crawler.items import ReportDocument
from crawler.jobformat import open_job
from crawler.pages.elementtext import LeadingText
from crawler.pages.fragments import is_fragment
from crawler.pages.links import (MAX_PAGE_LINKS, Link, PageTemplates, answer_links, fragment_links, iso_date,
                                 links_cut, page_fields, page_links, record_count, record_links, xml_answer_links)
from crawler.pages.metadata import PUBLISHED, SOURCE, WRITTEN
from crawler.scripted.bundles import MOUNT_HINT
from crawler.scripted.drawnlinks import drawn_requests, may_draw_links
from crawler.scripted.gkmlpt import catalog_links, platform_sid, tree_items
from crawler.scripted.hashroutes import detail_answer, detail_requests, is_hash_route, item_id
from crawler.scripted.jeecms import attachment_calls
from crawler.scripted.jpaas import DECLARES, unit_page_urls
from crawler.scripted.jsonlinks import MAX_ANSWER_CHARS
from crawler.scripted.jsonp import is_json_answer, json_text
from crawler.scripted.nextdata import next_data_pages
from crawler.scripted.querydetail import query_detail_requests
from crawler.scripted.scriptapis import ItemUrl
from crawler.scripted.xmlanswers import is_xml_answer
from crawler.scripted.xxgktree import is_catalogue_tree
from crawler.scripted.ztree import AsyncTrees, loaded_trees
from crawler.siteconfig import Site, apply_site_settings, site_from_config, site_from_url
from crawler.spiders.details import DetailSteps, answered_item, detail_api_request
from crawler.spiders.pagescripts import PageScriptSteps
from crawler.spiders.rendering import RenderSteps
from crawler.spiders.reportparts import ReportPartSteps
from crawler.spiders.scripts import QueryBundle, ScriptSteps
from crawler.spiders.search import SearchSteps
from crawler.spiders.sitemaps import SitemapSteps
from crawler.steering.budget import EXPLORING, SUBSITE_DONE, Budget, FrontierSkip
from crawler.steering.classify import (Verdict, announces_report, classify_title, combine, folder_year, is_bare_item,
                                       names_attached_report, title_agency, title_year)
from crawler.steering.formpagers import submitted_pages
from crawler.steering.frontier import (COLUMN_URL_TOKEN, COLUMN_WORDS, DOCUMENT_PRIORITY, LIST_PAGE_PRIORITY,
                                       OTHER_ANNUAL_REPORT_WORDS, ExtraWords, abbreviates, completed_agency, Judgement,
                                       Step, directory_heading, is_agency_name, is_more_link, is_notice_column,
                                       is_view, judge, names_level_alone, names_notice_column, short_of_report_season,
                                       undated_notices, page_priority, url_tokens)
from crawler.steering.holding import UNTIL_DRY, HeldDocuments
from crawler.steering.pagerhabits import PagerHabit, habit_pages, learned_habit, pager_count
from crawler.steering.pagerplugins import loaded_list_pages, plugin_pager_urls
from crawler.steering.pagers import (counted_page_params, counted_page_urls, create_page_urls, folder_pager_urls,
                                     fragment_page_params, fragment_page_urls, full_page_params,
                                     cursor_page_params, cursor_page_url, is_first_page_again, is_pager_link,
                                     is_start_page_again, json_page_params, MAX_CURSOR_PAGES,
                                     json_page_urls, MAX_GENERATED_PAGES, MAX_POSTED_FORM, MAX_POSTED_PAGES,
                                     load_more_urls, more_button_urls,
                                     names_later_page, names_page_one, open_load_more, postback_pages, proxy_form,
                                     proxy_page_urls, script_pager_urls)
from crawler.steering.sitesearch import SiteSearch
from crawler.steering.traps import TrapWatch, listed_before, listing_sign, url_pattern
from crawler.transport.challenge import script_challenge
from gxparse.normalize import squash

# plain strings: an XPath's default "smart" ones each know their parent, four times the cost on a report page
_BODY_TEXTS = etree.XPath("//body//text()", smart_strings=False)
# Elements that hold an article's body on common CMSs (TRS, 大汉, 拓尔思, 网站群).
_CONTENT_XPATH = ("//*[contains(@class,'TRS_Editor') or contains(@class,'content') or contains(@class,'article')"
                  " or contains(@id,'zoom') or contains(@class,'zoom') or contains(@id,'content')]")
# Links that are never pages to read: archives, media, code.
_NOT_A_PAGE = re.compile(r"\.(?:zip|rar|7z|gz|exe|apk|msi|mp[34]|avi|flv|wmv|mov|css|js|xml|txt)(?:[?#].*)?$",
                         re.IGNORECASE)
_DATASTORE = re.compile(rb"<datastore|<recordset", re.IGNORECASE)
_ASYNC_TREE = re.compile(rb"\bautoParam\b")
_TREE_INIT = re.compile(rb"\bzTree\s*\.\s*init\s*\(")
# A script that may ask an API for a list (jQuery, axios, fetch, a request config: {url: '/api/…').
# a request config's address joined from a name, {url: baseURL + '/report/list'}, too (crawler.scripted.wrappers)
_SCRIPT_REQUEST = re.compile(rb"\.\s*(?:ajax|post|get|getJSON|request)\s*\(|(?:\baxios|\$http|\$axios|\bfetch)\s*\("
                             rb"|\burl\s*:\s*(?:[\"']|[\w$.]{1,100}\s*\+)")
_GOVERNMENT = ("人民政府", "政府", "街道办事处", "办事处")
# What a site's <title> says around the agency's name: 欢迎访问…网站, …门户网站, …欢迎您, and a platform unit's
# …政府信息公开 (青山镇人民政府政府信息公开: the 政府 of 人民政府信息公开 is the name's own).
_SITE_WORDS = re.compile(r"^欢迎(?:访问|光临|您)?|(?:门户网站|政府网站|网站|官网|政府网|"
                         r"(?:(?<!人民)政府|政务)?信息公开(?:平台|目录|专栏)?|政务公开(?:平台|专栏)?)?(?:欢迎您|欢迎你)?$")
DROPPED = "dropped"   # how _requested marks a way the frontier dropped as exploring a sub-site done with
_NAVIGATION_STEPS = frozenset({*(step.value for step in Step), DROPPED})   # … and a URL asked as a way
MAX_FRAMES = 10             # frames of a frameset document read as its files
MAX_SCANS = 60              # pictures of a report scanned onto one page bundled with it: reports run to 10–30 pages
LIST_MIN_REPORT_LINKS = 3   # report links that make a page a report column whatever it is called
MAX_TITLE_CHARS = 1000      # of a page's heading read for its title: a report's title is a few dozen
MAX_NOTICE_PAGES = 10       # pages of a 通知公告 column asked for (the sub-site's budget may drop them)
MAX_UNDATED_NOTICE_PAGES = 2   # … while its pages list no date and no announcement of a report
MAX_NAMING_PAGES = 5        # pages of a sub-site named by its level alone (市商务局) read for its place
MAX_BANNER_TEXTS = 20       # texts of a page's logo, banner and footer read for its agency's full name
# Where a site names its agency besides the <title>: the logo's picture, the banner, the footer's 主办单位, the
# breadcrumb (当前位置：首页 > 信息公开 > 北澜县教育局: a platform's one template for every department).
_BANNER = "|".join(f"//*[contains(@class,'{word}') or contains(@id,'{word}')]"
                   for word in ("logo", "banner", "header", "footer", "copyright", "position", "crumb", "location"))


@dataclass(frozen=True)
class DocumentLink:
    link: Link
    verdict: Verdict
    year: int | None = None   # the year its list's folder gives a title naming none (classify.folder_year)


class ReportsSpider(SitemapSteps, SearchSteps, ReportPartSteps, ScriptSteps, PageScriptSteps, DetailSteps, RenderSteps,
                    scrapy.Spider):
    name = "reports"

    def __init__(self, site: Site | str | None = None, start_url: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if (site is None) == (start_url is None):
            raise ValueError("give the spider exactly one of -a site=<id from config> or -a start_url=<url>")
        # A site id is looked up in the config named by the settings, in from_crawler.
        self._site_id_arg = site if isinstance(site, str) else None
        self.site: Site | None = site_from_url(start_url) if start_url else site if isinstance(site, Site) else None
        self._listed: set[str] = set()          # document URLs some page linked to this crawl
        self._requested: dict[str, str] = {}    # URL → step it was requested with ("document", "list", Step)
        self._explorers: dict[str, set[int]] = {}   # URL asked exploring → sub-sites whose pages linked it so since
        # URL asked as a way, not entering → the agency link to it read since (meta "enter"): it enters the sub-site
        self._late_entries: dict[str, tuple[str, str]] = {}
        self._held = HeldDocuments()            # documents waiting for their list's end (or the crawl's)
        # an app's bundle → it and its lazy chunks that read their page's address (?deptId=), and the other shells
        # they are read for, once fetched
        self._query_bundles: dict[str, list[QueryBundle]] = {}
        self._bundle_shells: dict[str, list[dict[str, Any]]] = {}
        self._sitemap_urls: dict[str, None] = {}
        self._sitemap_hosts: set[str] = set()
        self._sitemaps = 0                      # sitemaps asked (MAX_SITEMAPS)
        self._sitemaps_waiting: dict[str, list[str]] = {}   # host → its sitemaps, asked once it answers a page
        self._robots: dict[str, Any] = {}       # host → its robots.txt as Scrapy read it
        self.lists_read = 0                     # report-column pages read (crawl summary: list_pages)
        # the search boxes of the site's home pages (crawler.steering.sitesearch)
        self.site_search = SiteSearch()
        self._trees = AsyncTrees()              # the column trees zTree loads a branch at a time
        self._articles = SeenArticles()         # report pages' articles, by title: a copy is not yielded again
        self._naming_pages: Counter[int] = Counter()   # sub-site → its pages read for its place (_parse_place)
        self._site_scripts: dict[str, str] = {}   # pages' own script files read (crawler.spiders.pagescripts)
        self._script_waiters: dict[str, list] = {}   # pages waiting for a script file asked (pagescripts)
        self._scripts_asked = 0
        self._pager_habits: dict[str, PagerHabit] = {}   # host → how its list pages name their later pages
        # each page's functions' URL templates, read once for its links and its navigation
        self._templates: WeakKeyDictionary[TextResponse, PageTemplates] = WeakKeyDictionary()
        self._shells: dict[str, scrapy.Request] = {}   # shells rendered once their bundles led nowhere
        self._shells_led: set[str] = set()               # shells whose bundles led to a list or a document
        self._departments = 0   # list calls filled with a department of a menu's answer (MAX_DEPARTMENTS_PER_SITE)
        # The site's search runs once navigation is done, whatever it found (it cannot know what it missed). Run
        # from the start instead, it found the same reports with the same pages fetched on the five frozen
        # portals (tests/crawler/portal*.py); run last, what navigation found costs the search nothing more than
        # its result pages, items keep the column that listed them as their listing, and navigation's choices
        # do not depend on a search box.
        self._idle_steps: list[Callable[[], int]] = [self._search_site, self._follow_sitemaps, self._revisit]
        if self.site is not None:
            self._set_up()

    def _set_up(self) -> None:
        site = self.site
        self.scope = Scope(site.start_urls, site.allowed_domains)
        self.allowed_domains = self.scope.domains   # the same list: hosts admitted later are allowed too
        self.subsites = Subsites(site.name, site.start_urls[0])
        self.traps = TrapWatch()
        self.budget = Budget(self.subsites, self.traps, site.explore_pages)
        self.twins = OriginTwins(site.start_urls)
        self._extra_words = ExtraWords(site.rules.column, site.rules.platform, site.rules.directory).table()

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any) -> ReportsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.site is None:
            spider.site = site_from_config(crawler.settings.get("GXMON_CONFIG"), spider._site_id_arg)
            spider._set_up()
        apply_site_settings(crawler.settings, spider.site)
        if jobdir := crawler.settings.get("JOBDIR"):
            open_job(jobdir)   # before Scrapy's scheduler loads the folder's queue
        crawler.signals.connect(spider._spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(spider._save_state, signal=signals.spider_closed)
        crawler.signals.connect(spider._item_scraped, signal=signals.item_scraped)
        return spider

    @property
    def site_id(self) -> str:
        return self.site.id

    async def start(self):
        self._restore_state()
        for url in self.site.start_urls:
            self._requested[url] = "start"
            yield scrapy.Request(url, callback=self.parse_page, errback=self.on_error,
                                 meta={"role": "start", "hops": 0, "chain": 0, "subsite": PORTAL})

    # -- resuming an interrupted crawl (JOBDIR): what the frontier knew, in Scrapy's spider state -----------

    def _save_state(self, reason: str) -> None:
        """Keep the frontier's knowledge for a resumed crawl; a finished crawl leaves nothing behind.

        Runs before Scrapy's SpiderState extension pickles ``self.state`` (it connected after the spider).
        """
        state = getattr(self, "state", None)
        if state is None:
            return  # no JOBDIR
        state.clear()
        if reason != "finished":
            state["frontier"] = {"subsites": self.subsites, "traps": self.traps, "explored": self.budget.explored,
                                 "held": self._held.to_state(self), "listed": self._listed,
                                 "requested": self._requested, "lists_read": self.lists_read,
                                 "explorers": self._explorers, "late_entries": self._late_entries,
                                 "site_search": self.site_search, "trees": self._trees,
                                 "challenged": self.budget.challenged, "departments": self._departments,
                                 # shells waiting for their bundles (to be rendered should they lead nowhere), and
                                 # for a bundle's chunks that read their address: in no queue Scrapy keeps
                                 "shells": [r.to_dict(spider=self) for r in self._shells.values()],
                                 "shells_led": self._shells_led, "query_bundles": self._query_bundles,
                                 "bundle_shells": self._bundle_shells}

    def _restore_state(self) -> None:
        saved = getattr(self, "state", {}).get("frontier")
        if not saved:
            return
        self.subsites, self.traps = saved["subsites"], saved["traps"]
        self.budget = Budget(self.subsites, self.traps, self.site.explore_pages)
        self.budget.explored = saved["explored"]
        self.budget.challenged = saved.get("challenged", set())
        self._held = HeldDocuments.from_state(saved["held"], self)
        self._listed, self._requested, self.lists_read = saved["listed"], saved["requested"], saved["lists_read"]
        self._explorers = saved.get("explorers", {})
        self._late_entries = saved.get("late_entries", {})
        self.site_search = saved.get("site_search", self.site_search)
        self._trees = saved.get("trees", self._trees)   # a queued branch request is read by its tree's setting
        self._departments = saved.get("departments", 0)
        self._shells = {d["url"]: request_from_dict(d, spider=self) for d in saved.get("shells", [])}
        self._shells_led = saved.get("shells_led", set())
        self._query_bundles = saved.get("query_bundles", {})
        self._bundle_shells = saved.get("bundle_shells", {})

    # -- pages -------------------------------------------------------------------------------------

    def parse_page(self, response: Response) -> Iterator[scrapy.Request]:
        self._enter_late(response.meta, response.url)
        if (scripts := self._awaited_scripts(response)) is not None:   # read once its own script files are
            yield from scripts
            return
        self._write_scripts(response)
        parsed = self._parse_page_links(response)
        if parsed is None:
            self.logger.warning("not an HTML page, nothing to follow: %s", response.url)
            return
        links, records = parsed
        if isinstance(response, TextResponse) and is_html(response.body) \
                and (instead := self._parse_copy(response)) is not None:
            yield from instead
            return
        if not links and (challenge := script_challenge(response.body)):
            record_failure(self.crawler.stats, response.request, f"HTTP {response.status}: {challenge}")
            self.subsites.challenged(response.url, response.meta.get("enter"), response.meta.get("subsite", PORTAL))
            self.budget.host_challenged(response.url)
            return
        if (title := self._parse_reached_report(response)) is not None:
            yield from self._read_reached_report(response, title)
            return
        ways, bundles = 0, False
        for request in self._read_page(response, links, records):
            role = request.meta.get("role")
            bundles |= role == "bundle"
            # navigation's links and a host's sitemaps lead past what a script draws on this page
            ways += role not in ("sitemap", "bundle") and "step" not in request.meta
            yield request
        if not ways:
            yield from self._render_shell(response, links, bundles)

    def _read_page(self, response: Response, links: list[Link], records: int) -> Iterator[scrapy.Request]:
        """What a page read as a page leads to: documents, its list's other pages, navigation, its scripts' lists."""
        self.budget.host_read(response.url)
        yield from self._waiting_sitemaps(urlsplit(response.url).netloc)
        self._parse_origin(response, links)
        meta = response.meta
        if (meta.get("role") == "start" or "enter" in meta) and isinstance(response, TextResponse) \
                and is_html(response.body):   # a home page: its search box
            self.site_search.read_home(response.selector.root, response.url, response.encoding, self._may_search)
        subsite = self._parse_subsite(response)
        self._parse_place(response, subsite)
        documents = self._parse_documents(links, response.url, self._says_column(response),
                                          self._parse_title(response) if isinstance(response, TextResponse)
                                          and is_html(response.body) else "")
        # A URL some page linked as a way (a picture's link, 详情) is a document once a link says it is one: asked
        # again as one, past the duplicate filter, whichever of the two links was read first.
        as_page = {d.link.url for d in documents if self._requested.get(d.link.url) in _NAVIGATION_STEPS}
        new = [d for d in documents if d.link.url not in self._requested or d.link.url in as_page]
        keys = [(title_agency(d.link.text), title_year(d.link.text), d.link.url) for d in new
                if d.verdict is Verdict.REPORT]
        list_id = meta.get("list_of") or response.url
        trap = self.traps.observe(response.url, meta.get("chain", 0), keys, meta.get("role") != "list", subsite)
        if trap is not None:
            self.logger.warning("trap: %s (%s), nothing this page lists is kept", trap.pattern, trap.reason)
            if trap.whole_list:
                self.traps.trap_list(list_id)
                self.traps.held(trap, 0, len(self._held.release(list_id)))
            else:
                self.traps.chain_trapped(list_id, trap)
                if meta.get("role") == "list":   # the page its list waited for: the list ends here, its documents go
                    held = self._held.arrived(list_id)
                    released = list(self._released(held))   # but those the trap's pages listed, and the farm's
                    self.traps.held(trap, len(released), len(held) - len(released))
                    yield from released
            return
        if keys:   # its pattern lists reports: the pages of it navigation held back go
            yield from self._held.release(url_pattern(response.url))
        # A block showing a column's latest items beside its 更多 link is a preview: the column is where 更多 leads.
        # Announcements of reports (关于公布…年度报告的公告) make no 年报 column: it lists reports.
        previews = {link.heading for link in links if link.heading and is_more_link(link.text)}
        listed = [d for d in documents if d.link.heading not in previews and not announces_report(d.link.text)]
        notices = self._is_notice_list(response)
        # a page of a year's folder listing that year's report by its kind (classify.folder_year) is a 年报 list too
        # a column listing nothing (暂无信息) is none, though its menu links the 通知公告 column (a column's name, no
        # title it lists): the sub-site's notices are still explored for its reports
        column = (meta.get("role") == "list" and not notices) or len(listed) >= LIST_MIN_REPORT_LINKS \
            or any(d.year for d in listed) or (
            self._says_column(response) and (any(classify_title(link.text) is not Verdict.UNRELATED
                                                 and not is_notice_column(link.text) for link in links)
                                             or self._loads_its_list(response)))
        if column:
            self.lists_read += 1
            self.subsites.column_found(subsite, list_id)
            pages = [] if self._repeats_its_page_before(response, links) else \
                list(self._list_pages(response, links, records, subsite))
            self._held.expect(list_id, len(pages))
            yield from pages
        elif notices:
            if documents:
                self.subsites.notices_found(subsite, list_id)
            yield from self._notice_paging(response, links, records, subsite, documents)
        suspect = self.traps.suspect(response.url, meta.get("chain", 0), subsite)
        for document in new:
            request = self._document_request(document.link, document.verdict, response, subsite,
                                             **({"list_year": document.year} if document.year else {}))
            if request is None:
                continue
            if document.link.url in as_page:
                request = request.replace(dont_filter=True)
            if suspect:
                self._held.hold(UNTIL_DRY, request)
            elif self._held.waiting(list_id):
                self._held.hold(list_id, request)
            else:
                yield request
        if meta.get("role") == "list":
            yield from self._released(self._held.arrived(list_id))
        if meta.get("hops", 0) < self.site.depth:
            yield from self._navigation(response, links, subsite, column)
        if isinstance(response, TextResponse) and is_html(response.body) and self._says_column(response) \
                and any(_SCRIPT_REQUEST.search(code) for code in (response.body, *self._site_bytes(response))):
            yield from self._script_lists(response, subsite)
        if DECLARES.search(response.body) and isinstance(response, TextResponse) and is_html(response.body) \
                and self._says_column(response):
            yield from self._declared_lists(response, subsite)   # JPaaS's unit builder (crawler.scripted.jpaas)
        if is_catalogue_tree(response.url) and isinstance(response, TextResponse):
            yield from self._catalogue_tree_lists(response, subsite)   # 大汉's 信息公开 tree (crawler.scripted.xxgktree)
        if MOUNT_HINT.search(response.body) and isinstance(response, TextResponse) and is_html(response.body):
            yield from self._bundles(response, subsite, self._says_column(response))
        if meta.get("api", {}).get("fills") and isinstance(response, TextResponse) and is_json_answer(response.body):
            yield from self._department_lists(response)   # a department menu's answer (crawler.scripted.deptapis)

    def _parse_reached_report(self, response: Response) -> str | None:
        """The title of a page asked as a way (a column, a year's sub-column) that is itself a report: its heading
        names one (``classify.Verdict.REPORT``) and its text holds the report's sections. A 年报 column whose
        entries are named by their year alone (2024年度) links its reports so, and so does a column whose CMS
        shows its one article in its place. None for any other page, and for a document's."""
        if response.meta.get("role") in ("document", "start") or not isinstance(response, TextResponse) \
                or not is_html(response.body):
            return None
        title = self._parse_title(response)
        if classify_title(title) is not Verdict.REPORT or not self._has_report_body(self._parse_text(response)):
            return None
        return title

    def _read_reached_report(self, response: TextResponse, title: str) -> Iterator[ReportDocument | scrapy.Request]:
        """A report reached as a way, read as the document it is, listed on the page whose link led to it."""
        subsite = self._parse_subsite(response)
        referer = response.request.headers.get("Referer")
        self._requested[response.url] = "document"
        response.meta.update({"verdict": Verdict.REPORT.value, "subsite": subsite,
                              "listing_url": referer.decode("latin-1") if referer else None,
                              "agency_hint": response.meta.get("agency_hint") or self.subsites.name(subsite)})
        yield from self._read_document_page(response, title, Verdict.REPORT)

    @staticmethod
    def _is_notice_list(response: Response) -> bool:
        """A page of a 通知公告 column a sub-site with no 年报 column is explored through: so called by the link that
        led here (通知公告, or 更多 under it: the page's title)."""
        meta = response.meta
        if meta.get("notices") or meta.get("step") not in EXPLORING:
            return bool(meta.get("notices"))
        html = isinstance(response, TextResponse) and is_html(response.body)
        return names_notice_column(meta.get("link_text", ""), response.xpath("//title/text()").get("") if html else "")

    def _notice_paging(self, response: Response, links: list[Link], records: int, subsite: int,
                       documents: list[DocumentLink]) -> Iterator[scrapy.Request]:
        """A 通知公告 column is paged through only while its pages list a report or an announcement of one (most
        such columns publish none), at most MAX_NOTICE_PAGES pages deep. A page listing none asks its next page
        only where it cannot tell: too recent to reach last January's announcements (short_of_report_season), or
        dated not at all, then at most MAX_UNDATED_NOTICE_PAGES pages in all."""
        page = response.meta.get("notice_page", 1)
        dates = [link.date for link in links]
        if page >= MAX_NOTICE_PAGES:
            return
        if documents:
            yield from self._notice_pages(response, links, records, subsite)
        elif short_of_report_season(dates) or (undated_notices(dates) and page < MAX_UNDATED_NOTICE_PAGES):
            yield from self._notice_pages(response, links, records, subsite, next_only=True)

    def _notice_pages(self, response: Response, links: list[Link], records: int, subsite: int,
                      next_only: bool = False) -> Iterator[scrapy.Request]:
        """A 通知公告 column's other pages, whose titles are read for articles publishing a report (关于公布…年度
        报告的公告): explored as the column was, so each counts against the sub-site's budget and none is fetched
        once its 年报 column is found; never the sub-site's column, its notices no reports. ``next_only``: the
        first page its pager names, itself paged through only as its own notices and dates say."""
        number = response.meta.get("notice_page", 1) + 1
        pages = islice(self._list_pages(response, links, records, subsite), 1 if next_only else MAX_NOTICE_PAGES)
        for request in pages:
            request.meta.update(notices="next" if next_only else True, notice_page=number,
                                step=response.meta["step"])
            yield request

    @staticmethod
    def _loads_its_list(response: Response) -> bool:
        """The page holds none of its list: a function its pager plugin calls loads every page
        (``crawler.steering.pagerplugins``)."""
        return isinstance(response, TextResponse) and is_html(response.body) \
            and bool(loaded_list_pages(response.selector.root, response.url))

    def _repeats_its_page_before(self, response: Response, links: list[Link]) -> bool:
        """Whether a page of a list lists what one of the pages that led to it listed (``traps.REPEAT_WINDOW``), its
        pager's links aside: a pager without end answering its last page again, or its last two in turn (reported
        as a trap, ``TrapWatch.observe_repeat``). Page 1 under another of its addresses (``pagers.names_page_one``)
        listing what the list's first page listed is that page again, its pager followed: no repetition. The
        page's sign and theirs go on with the list's next pages (``_list_meta``), and the first page's."""
        meta = response.meta
        # links to the page itself and to the list's first page are its pager's too (首页; page 1 answered again
        # under index_2.html names index_2.html as its 下一页)
        own = {response.url, meta.get("list_of") or response.url}
        sign = listing_sign(link.url for link in links
                            if link.url not in own and not is_pager_link(link.text, link.url, response.url))
        before = meta.get("listed") or []
        if not meta.get("list_of"):
            meta["first_listing"] = sign
        page_one = sign == meta.get("first_listing") and names_page_one(response.url, meta.get("list_of") or "")
        repeats = sign is not None and meta.get("role") == "list" and sign in before and not page_one
        meta["listing"] = listed_before(before, sign) if sign is not None else []
        if repeats:
            trap = self.traps.observe_repeat(response.url)
            self.logger.warning("trap: %s (%s)", trap.pattern, trap.reason)
        return repeats

    def _habit_pages(self, response: Response, pager_links: list[str], paged: bool) -> list[str]:
        """Learns the host's habit of naming later pages from a page's pager links; gives a page whose pager holds
        its count only (no pages found otherwise) its later pages named so (``crawler.steering.pagerhabits``)."""
        host = urlsplit(response.url).netloc
        if pager_links:
            if (habit := learned_habit(response.url, pager_links)) is not None:
                self._pager_habits.setdefault(host, habit)
            return []
        if paged or host not in self._pager_habits or not (isinstance(response, TextResponse) and is_html(response.body)):
            return []
        count = pager_count(response.selector.root)
        return habit_pages(response.url, count, self._pager_habits[host]) if count else []

    def _list_pages(self, response: Response, links: list[Link], records: int,
                    subsite: int) -> Iterator[scrapy.Request]:
        """The column's other pages: script pagers, data-proxy pages, pager links."""
        text = response_text(response)
        page = isinstance(response, TextResponse) and is_html(response.body)
        codes = self._page_codes(response) if page else []
        fields = page_fields(response.selector.root) if page else {}
        urls = create_page_urls(text, response.url, codes, fields) + proxy_page_urls(text, response.url, records)
        # An answer asked because an earlier answer's count named it names no more pages by its own count: a list
        # whose count grew with every page asked (a 广东 gkmlpt catalog without end) was asked to MAX_POSTED_PAGES.
        # Its count is compared with the first's all the same: one growing as it is read is a trap.
        counting = not response.meta.get("counted")
        counted: list[str] = []
        # a cursor-paged API's next page, which only this answer names (MAX_CURSOR_PAGES in a row)
        cursors = int(response.meta.get("cursors", 0))
        following = None
        api = response.meta.get("api", {})
        if is_json_answer(response.body):
            # a JPaaS unit's answer: its fragment's pager counts, pages numbered in paramJson (crawler.scripted.jpaas);
            # an answer saying no count: the pages its column's pager binds (crawler.steering.boundpagers)
            claimed = (json_page_urls(json_text(text), response.url) or unit_page_urls(json_text(text), response.url)
                       or (counted_page_urls(response.url, api["pages"])
                           if api.get("pages") and api["method"] == "GET" else []))
            self._observe_count(response, len(claimed), counting)
            counted = claimed if counting else []
            urls += counted
            if cursors < MAX_CURSOR_PAGES and response.request.method == "GET":
                following = cursor_page_url(json_text(text), response.url)
                urls += [following] if following else []
            if api.get("method") == "GET" and counting and not claimed and following is None:
                yield from self._after_full_page(response, links, api, subsite)
        elif isinstance(response, TextResponse) and is_html(response.body):
            urls += script_pager_urls(response.selector.root, response.url)
            urls += load_more_urls(response.selector.root, response.url)
            # a Next.js page's later pages, which its pager's buttons ask of /_next/data (crawler.scripted.nextdata)
            urls += next_data_pages(response.xpath("//script[@id='__NEXT_DATA__']/text()").get(), response.url)
            urls += plugin_pager_urls(response.selector.root, response.url)
        if response.request.method == "GET" and self._loaded_fragment(response):
            urls += fragment_page_urls(response.selector.root, response.url)
        if isinstance(response, TextResponse) and not is_json_answer(response.body) and not is_xml_answer(response.body):
            # a page or a fragment it loaded: its 加载更多 button's next page
            urls += more_button_urls(response.selector.root, response.url)
        pager_links = [link.url for link in links if is_pager_link(link.text, link.url, response.url)]
        urls += pager_links + self._habit_pages(response, pager_links, bool(urls))
        urls += folder_pager_urls([(link.text, link.url) for link in links], response.url)
        # A column shown a year at a time, the year chosen in its form: each year's list is part of the column.
        urls += [link.url for link in links if link.source == "form"]
        more = dict(self._more_pages(response, links))
        urls += list(more)
        meta = response.meta
        first = meta.get("list_of") or response.url
        numbered = {link.url: link.text for link in links if names_later_page(link.text)}
        for url in dict.fromkeys(urls):
            # page 2's link to ?page=1: the page the list began with, at its address or another
            if url in self._requested or not self.scope.contains(url) or self._denied(url) \
                    or is_first_page_again(url, first, numbered.get(url, "")) \
                    or is_start_page_again(url, response.url, first):
                continue
            self._requested[url] = "list"
            meta = self._list_meta(response, url, subsite)
            if url in more:
                meta["more"] = more[url]
            meta["counted"] = url in counted
            if url == following:
                meta["cursors"] = cursors + 1
            yield scrapy.Request(url, callback=self.parse_page, errback=self.on_error, priority=LIST_PAGE_PRIORITY,
                                 meta=meta)
        if (form := proxy_form(response.url, response.request.method, records)) is not None \
                and f"POST {response.url}" not in self._requested:   # a JCMS proxy reading its unit from a POST
            self._requested[f"POST {response.url}"] = "list"
            yield scrapy.FormRequest(response.url, formdata=form, callback=self.parse_page, errback=self.on_error,
                                     priority=LIST_PAGE_PRIORITY, meta=self._list_meta(response, response.url, subsite))
        if isinstance(response, TextResponse) and is_html(response.body):
            yield from self._postbacks(response, subsite)
            yield from self._submitted_pages(response, subsite)
        if (api := meta.get("api")) and api["method"] == "POST":
            data = [tuple(p) for p in api["data"]]
            # a JSON answer's counts, or the pages an HTML fragment's pager writes (the loader posts the page): a
            # fragment opening with a tag a page may open with (大汉's 信息公开 module answers <table>) sniffs as HTML
            if is_json_answer(response.body):
                claimed_params = json_page_params(json_text(text), data) or (
                    counted_page_params(data, api["pages"]) if api.get("pages") else [])
                self._observe_count(response, len(claimed_params), counting)
                pages = claimed_params if counting else []
            else:
                pages = fragment_page_params(response.selector.root, data) if self._loaded_fragment(response) else []
            for params in pages:
                request = self._api_request(response.url, {**api, "data": params},
                                            {**self._list_meta(response, response.url, subsite),
                                             "counted": is_json_answer(response.body)})
                if request is not None:
                    yield request
            posted_next = cursor_page_params(json_text(text), data) \
                if is_json_answer(response.body) and cursors < MAX_CURSOR_PAGES else None
            if posted_next is not None and (request := self._api_request(
                    response.url, {**api, "data": [list(p) for p in posted_next]},
                    {**self._list_meta(response, response.url, subsite), "cursors": cursors + 1})) is not None:
                yield request
            elif is_json_answer(response.body) and not pages and counting:
                yield from self._after_full_page(response, links, api, subsite)

    def _after_full_page(self, response: Response, links: list[Link], api: dict[str, Any],
                         subsite: int) -> Iterator[scrapy.Request]:
        """A list API's next page when its answer said no count (``pagers.full_page_params``; posted, or asked by GET
        at the call's address with its parameters): asked while each page is full and lists something not asked yet
        (an API answering every page alike ends there), at most ``MAX_POSTED_PAGES`` in a row."""
        filled = int(response.meta.get("filled", 0))
        after = full_page_params([tuple(p) for p in api["data"]], len({link.url for link in links}))
        if after is None or filled >= MAX_POSTED_PAGES or all(link.url in self._requested for link in links):
            return
        request = self._api_request(response.meta.get("api_url", response.url),
                                    {**api, "data": [list(p) for p in after]},
                                    {**self._list_meta(response, response.url, subsite), "filled": filled + 1})
        if request is not None:
            yield request

    @staticmethod
    def _loaded_fragment(response: Response) -> bool:
        """The answer is HTML a loader puts in place, whatever tag it opens with (大汉's 信息公开 module and
        ``$('#list').load(…)`` answer ``<table>``, which sniffs as a page would): asked for a script's list (an API
        call's), or a piece of a page (``pages.fragments.is_fragment``, a frame ``.load`` fills); no JSON, no XML."""
        return isinstance(response, TextResponse) and not is_json_answer(response.body) \
            and not is_xml_answer(response.body) and ("api" in response.meta or is_fragment(response.body))

    def _observe_count(self, response: Response, others: int, followed: bool) -> None:
        """An answer's count naming ``others`` pages of its list besides itself, told the trap watch."""
        if not others:
            return   # an answer saying nothing of pages
        list_id = response.meta.get("list_of") or response.url
        if trap := self.traps.observe_count(list_id, response.url, others + 1, followed):
            self.logger.warning("trap: %s (%s), what its growing answers list is not kept", trap.pattern, trap.reason)

    def _more_pages(self, response: Response, links: list[Link]) -> Iterator[tuple[str, list]]:
        """A 加载更多 button that names no last page (``pagers.open_load_more``) loads a page at a time: its
        next page, then after each loaded page that still listed something new, the one after; (URL, the
        ``more`` its request carries: prefix, suffix, page), at most ``MAX_GENERATED_PAGES``."""
        if more := response.meta.get("more"):
            prefix, suffix, n = more
            listed = any(classify_title(link.text) is not Verdict.UNRELATED and link.url not in self._requested
                         for link in links)
            if listed and n < MAX_GENERATED_PAGES:
                yield f"{prefix}{n + 1}{suffix}", [prefix, suffix, n + 1]
        elif isinstance(response, TextResponse) and is_html(response.body) \
                and (opened := open_load_more(response.selector.root, response.url)):
            prefix, suffix, first = opened
            yield f"{prefix}{first}{suffix}", [prefix, suffix, first]

    def _postbacks(self, response: TextResponse, subsite: int) -> Iterator[scrapy.Request]:
        """An ASP.NET list's later pages: its form posted back once per page, as a browser does (hidden fields
        as they are, no button clicked: the form's search button would answer search results)."""
        pages = postback_pages(response.selector.root)
        forms = response.selector.root.xpath("//form[.//input[@name='__VIEWSTATE']]") if pages else []
        if not forms:
            return
        # lxml's form_values are the controls a browser sends: no submit button, checked boxes, chosen options.
        fields = [(k, v) for k, v in forms[0].form_values() if k not in ("__EVENTTARGET", "__EVENTARGUMENT")]
        url = urljoin(get_base_url(response), forms[0].get("action") or response.url).split("#")[0]
        if len(urlencode(fields)) > MAX_POSTED_FORM or not self.scope.contains(url) or self._denied(url):
            return
        for target, argument in pages:
            key = f"{url} {target} {argument}"   # one POST per page of a list, whichever page named it
            if key in self._requested:
                continue
            self._requested[key] = "list"
            yield scrapy.FormRequest(url, formdata=[*fields, ("__EVENTTARGET", target), ("__EVENTARGUMENT", argument)],
                                     callback=self.parse_page, errback=self.on_error, priority=LIST_PAGE_PRIORITY,
                                     meta=self._list_meta(response, url, subsite))

    def _submitted_pages(self, response: TextResponse, subsite: int) -> Iterator[scrapy.Request]:
        """A list's later pages that its pager's function asks by submitting the page's form
        (``crawler.steering.formpagers``): the form sent once per page, by its method."""
        codes = self._page_codes(response)
        for page in submitted_pages(response.selector.root, get_base_url(response), codes):
            # one request per page, whichever page named it (the form's digest: keys last the crawl)
            key = f"{page.method} {page.url} {hashlib.blake2b(urlencode(page.fields).encode()).hexdigest()}"
            if key in self._requested or not self.scope.contains(page.url) or self._denied(page.url):
                continue
            self._requested[key] = "list"
            yield scrapy.FormRequest(page.url, method=page.method, formdata=list(page.fields), callback=self.parse_page,
                                     errback=self.on_error, priority=LIST_PAGE_PRIORITY,
                                     meta=self._list_meta(response, page.url, subsite))

    def _list_meta(self, response: Response, url: str, subsite: int) -> dict[str, Any]:
        meta = response.meta
        return {"role": "list", "hops": meta.get("hops", 0), "subsite": subsite,
                "chain": self.traps.chain(response.url, meta.get("chain", 0), url),
                "list_of": meta.get("list_of") or response.url, "link_text": meta.get("link_text", ""),
                "listed": meta.get("listing"), "first_listing": meta.get("first_listing"),
                **({"agency_hint": meta["agency_hint"]} if "agency_hint" in meta else {}),
                **({"api": meta["api"]} if "api" in meta else {}),
                **({"functions": meta["functions"]} if "functions" in meta else {})}

    def _navigation(self, response: Response, links: list[Link], subsite: int,
                    column: bool) -> Iterator[scrapy.Request]:
        """Every other link worth a look, most promising first (the score is the request's priority)."""
        hops = response.meta.get("hops", 0) + 1
        views = [link.url for link in links if is_view(link.url, response.url)]
        if trap := self.traps.observe_views(response.url, views):
            self.logger.warning("trap: %s (%s), its pages are not requested", trap.pattern, trap.reason)
        best: dict[str, tuple[Link, Judgement]] = {}
        says = any(link.source == "frame" for link in links) and self._says_column(response)
        # what a script call opens may be a fragment of this page, calling its functions (inline, or of its own
        # script files: crawler.pages.sitescripts)
        functions = {**response.meta.get("functions", {}), **self._page_templates(response).own} \
            if any(link.source == "script" for link in links) and isinstance(response, TextResponse) else {}
        # a block listing reports names its column: the link of the block's heading leads there, whatever its words
        named = {squash(link.heading) for link in links if link.heading
                 and (classify_title(link.text) is Verdict.REPORT or announces_report(link.text))}
        for link in links:
            if not self._navigable(link, response.url, named):
                continue
            heading = directory_heading(link.text, link.heading, link.block_agencies,
                                        response.meta.get("link_text", ""))
            judgement = judge(link.text, heading, link.url, block_agencies=link.block_agencies,
                              source=link.source, page_url=response.url, on_column=column, depth=hops,
                              extra=self._extra_words)
            if link.url not in best or judgement.score > best[link.url][1].score:
                best[link.url] = (link, judgement)
        for url, (link, judgement) in best.items():
            if self.traps.trapped(url) or ((twin := desktop_twin(url)) and (twin in best or twin in self._requested)):
                continue   # a mobile copy of a page linked in its own right
            before = self._requested.get(url)
            upgrade = before in EXPLORING and judgement.step is Step.FOLLOW
            if before in EXPLORING and not upgrade:
                self._explorers.setdefault(url, set()).add(subsite)   # asked for it should the first be dropped
            if before is not None and not upgrade and before != DROPPED:
                if judgement.subsite and before in _NAVIGATION_STEPS:
                    self._late_entries.setdefault(url, (link.text, link.heading or link.source))
                continue
            if not self.scope.contains(url) and not ((judgement.vouched or judgement.own_platform)
                                                     and self.scope.admit_subsite(url, response.url)):
                continue
            if self.scope.shared_home(url):
                continue   # a shared platform's home page: its other tenants are not the site's
            # a frame of a page called a column ($('#list').load(…) filling it) is part of it: called the same
            called = response.meta.get("link_text", "") if link.source == "frame" and not link.text and says else ""
            meta = {"role": "page", "hops": hops, "subsite": subsite, "step": judgement.step.value,
                    "chain": self.traps.chain(response.url, response.meta.get("chain", 0), url),
                    "link_text": link.text or called}
            if functions and link.source == "script":
                meta["functions"] = functions
            if link.source == "catalogue":
                meta["catalogue"] = True
            if judgement.subsite:
                meta["enter"] = (link.text, link.heading or link.source)
            if judgement.villages:
                meta["villages"] = True   # refused when its turn comes, so frontier_skipped counts it
            if before == DROPPED and judgement.step is not Step.FOLLOW and self.budget.exploring_refusal(meta):
                continue   # dropped for a sub-site done with: asked again for one still exploring only
            self._requested[url] = judgement.step.value
            # An upgrade may follow a request the budget dropped; the budget refuses a second fetch of a URL.
            request = scrapy.Request(url, callback=self.parse_page, errback=self.on_error,
                                     dont_filter=upgrade or before == DROPPED,
                                     priority=page_priority(judgement.score), meta=meta)
            if judgement.step is Step.AVOID:
                self._held.hold(UNTIL_DRY, request)  # news, services, calendars: only if the crawl runs dry
            elif self.traps.ask(url):   # until a page of its pattern lists a report, or the crawl runs dry
                self._held.hold(url_pattern(url), request)
            else:
                yield request

    def _navigable(self, link: Link, page_url: str, columns: set[str] = frozenset()) -> bool:
        """Not a document (a report, or a look-alike whose title says what else it is, but a name of ``columns``:
        the headings of the page's blocks listing reports), a file or a pager."""
        return not (link.url == page_url or is_first_page_again(link.url, page_url, link.text)
                    or is_attachment(link.url, link.text)
                    or _NOT_A_PAGE.search(link.url)
                    or self._denied(link.url)
                    or (classify_title(link.text) is not Verdict.UNRELATED and not is_notice_column(link.text)
                        and squash(link.text) not in columns)
                    or is_pager_link(link.text, link.url, page_url))

    def _document_request(self, link: Link, verdict: Verdict, response: Response, subsite: int,
                          **meta: Any) -> scrapy.Request | None:
        """The request for a document; a hash route of an app (``crawler.scripted.hashroutes``) is asked of the detail
        API its script names, with the item's id (None when there is none in scope: the shell is no report)."""
        self._listed.add(link.url)
        self._requested[link.url] = "document"
        page = response.meta
        url, body, callback, errback = link.url, None, self.parse_document, self.on_error
        api = page.get("api") or {}
        if is_hash_route(link.url):   # the server answers the app's shell: the report is the detail API's
            item = item_id(link.url, api.get("item_urls", []))
            asks = [[u, b] for u, b in detail_requests(item, api.get("details", []), api.get("posted_details", []))
                    if self.scope.contains(u) and not self._denied(u)] if item is not None else []
            if not asks:
                return None
            (url, body), callback, errback = asks[0], self.parse_detail, self.on_detail_error
            meta = {**meta, "hash_route": link.url, "details_left": asks[1:]}
            self._note_detail(url, body)
        # The page that links it, whatever path the request takes (held documents are released when the crawl
        # runs dry, past the Referer middleware): file servers refuse downloads not referred by their site.
        return detail_api_request(url, body, callback=callback, errback=errback, headers={"Referer": response.url},
                              priority=DOCUMENT_PRIORITY + (10 if verdict is Verdict.REPORT else 0), meta={
            "role": "document", "gxmon_document": True, "handle_httpstatus_list": [304],
            "verdict": verdict.value, "link_text": link.text, "list_date": link.date,
            "listing_url": page.get("listing_url", response.url), "subsite": subsite,
            "list_of": page.get("list_of") or page.get("listing_url", response.url),
            "agency_hint": page.get("agency_hint") or self.subsites.name(subsite),
            # a file a list links on a government storage host out of scope (_file_store) is asked there
            "allow_offsite": not self.scope.contains(link.url),
            "hops": page.get("hops", 0), "chain": page.get("chain", 0), **meta})

    # -- documents ---------------------------------------------------------------------------------

    def parse_document(self, response: Response) -> Iterator[ReportDocument | scrapy.Request]:
        meta = response.meta
        if self.traps.drops_listed(meta, (meta.get("redirect_urls") or [response.url])[0]):
            return  # listed on a page recognised as a trap since it was requested (at the address it listed)
        if response.status != 200:  # 304, or 404/410 on a revisit: nothing to read, the status is the news
            yield self._item(response, meta.get("page_title") or meta["link_text"])
            return
        link_verdict = Verdict(meta["verdict"])
        if not is_html(response.body, header_value(response, "content-type")) or not isinstance(response, TextResponse):
            yield from self._read_file(response, link_verdict)
            return
        if reason := self._parse_gone(response):
            yield self._gone_item(response, reason)
            return
        if (instead := self._parse_copy(response)) is not None:
            yield from instead
            return
        # an article's body loaded from a file of its own: the article's title is the report's
        title = meta["page_title"] if meta.get("page_title") and is_fragment(response.body) \
            else self._parse_title(response)
        verdict = combine(link_verdict, classify_title(title))
        if not verdict.worth_fetching:
            return
        # a list of reports named by its pager like an article's pages (index_1.html) opens no report; a report
        # printed as pictures opens with a picture of its first page
        if (further := continuation_pages(response.selector.root, response.url)) \
                and (opens_report_text(self._parse_text(response)) or self._parse_scans(response)):
            yield from self._next_continuation(PagedArticle(response, title, verdict, further))
            return
        if urlsplit(response.url).query and (request := self._parse_query_detail(response, verdict)) is not None:
            yield request   # a shell whose script loads the article by its query's id (crawler.scripted.querydetail)
            return
        yield from self._read_document_page(response, title, verdict)

    def _read_file(self, response: Response, verdict: Verdict) -> Iterator[ReportDocument]:
        """A document that is no page: a file, or an article given as a detail API's JSON (``{"title": …,
        "content": "<p>…<table>…"}``, kept as sent: gxparse reads its content), titled, dated and sourced by
        the answer's fields, a look-alike title dropped; an answer holding no report is the file the link named."""
        answer = detail_answer(response.body) if response.body.lstrip()[:1] in (b"{", b"[") else None
        if answer is None:
            yield self._item(response, response.meta.get("page_title") or response.meta["link_text"], verdict)
        elif (verdict := combine(verdict, classify_title(answer.title))).worth_fetching:
            yield answered_item(self._item(response, answer.title, verdict), answer)

    def _gone_item(self, response: TextResponse, reason: str) -> ReportDocument:
        """A document whose answer says it is no longer there: an absence, as a 404 is (its page is not kept)."""
        self.logger.info("document gone %s: %s", response.url, reason)
        item = self._item(response, response.meta.get("page_title") or response.meta["link_text"])
        item.gone, item.body, item.content_type = reason, b"", ""
        return item

    def _read_document_page(self, response: TextResponse, title: str, verdict: Verdict,
                            further: Sequence[TextResponse] = ()) -> Iterator[ReportDocument | scrapy.Request]:
        """A document page (with the ``further`` pages of its article): the report itself, a list of reports,
        or a page of attachments."""
        meta = response.meta
        texts = [self._parse_text(page) for page in [response, *further]]
        text = " ".join(texts)
        report_body = self._has_report_body(text)
        scans = [] if report_body else self._parse_scanned_report(response, further)
        if report_body or scans:
            if same := self._articles.same_as(response.url, title, article_lines(response.selector.root)):
                self.logger.info("%s holds the article of %s: not yielded again", response.url, same)
                return
            item = self._item(response, title, verdict, texts[0])
            pictures = scans or [url for page in [response, *further] for url in self._parse_table_pictures(page)]
            if further:   # each page's pictures are capped, and so are the article's (a scan's, a picture a page)
                cap = self.settings.getint("REPORT_PICTURES_MAX")
                pictures = pictures[:max(cap, 1 + len(further)) if scans else cap]
            elif len(scans) > MAX_SCANS:
                self._unread(response, f"a scan of {len(scans)} pictures: past its first {MAX_SCANS} not kept")
                pictures = pictures[:MAX_SCANS]
            parts = part_urls([f for page in [response, *further] for f in self._parse_attachments(page)], True) \
                if report_body else []
            bundle = PicturedPage(item, response.encoding, [*parts, *pictures], documents=frozenset(parts),
                                  pages=[Part(page.url, "text/html", page.body) for page in further])
            yield self._picture_request(bundle, meta) if bundle.waiting else bundle.bundled()
            return
        files = self._parse_attachments(response)
        if parts := part_urls(files, False):   # an article of parts (正文.pdf, 附表.xls): one report
            bundle = PicturedPage(self._item(response, title, verdict, texts[0]), response.encoding, parts,
                                  documents=frozenset(parts))
            yield self._picture_request(bundle, meta)
            return
        if not files and len(self._parse_documents(page_links(response.selector.root, response.url),
                                                   response.url)) >= 2:
            yield from self.parse_page(response)  # a "report" link that leads to a list of reports
            return
        page = self._item(response, title, text=texts[0]) if not files and verdict is Verdict.REPORT else None
        if not files and (calls := attachment_calls(response.selector.root,
                                                    response.xpath("//script[not(@src)]/text()").getall(), response.url)):
            yield self._attachment_keys_request(calls, page, verdict, {
                **{k: meta[k] for k in ("listing_url", "list_of", "agency_hint", "subsite", "hops", "chain") if k in meta},
                "page_title": title, "published_at": self._parse_published(text), "source": self._parse_source(text)})
            return
        if page is not None:
            yield page  # neither text nor file: the page is all that was published
        for link, file_verdict in attachment_verdicts(files, verdict):
            if link.url in self._requested:
                continue
            # a file on its province's storage host (or sent there) is asked there, the host entering no crawl
            yield self._document_request(link, file_verdict, response, meta.get("subsite", PORTAL),
                                         page_title=title, published_at=self._parse_published(text),
                                         source=self._parse_source(text), framed=link.source == "frame",
                                         allow_offsite=self.scope.contains(link.url) or self.scope.government(link.url))

    def _item(self, response: Response, title: str, verdict: Verdict = Verdict.REPORT,
              text: str | None = None) -> ReportDocument:
        """The document item of ``response``; ``text`` is the page's ``_parse_text`` when the caller has read it."""
        meta = response.meta
        headers = {k.decode("latin-1").lower(): v[0].decode("latin-1") for k, v in response.headers.items() if v}
        published = meta.get("published_at") or meta.get("list_date")
        source = meta.get("source")
        if response.status == 200 and isinstance(response, TextResponse) and is_html(response.body):
            text = self._parse_text(response) if text is None else text
            published = self._parse_published(text) or published
            source = self._parse_source(text) or source
        link_text = meta.get("link_text", "")
        item = ReportDocument(
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
            agency=completed_agency(title_agency(title), meta.get("agency_hint"), self.subsites.names()) or source
            or title_agency(link_text)
            or meta.get("agency_hint"),
            year=title_year(title) or title_year(link_text) or meta.get("list_year"),
            published_at=published,
            listing_url=meta.get("listing_url"),
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            not_modified=response.status == 304,
            revisit=bool(meta.get("revisit")),
            verdict=verdict.value,
        )
        return item

    def _item_scraped(self, item: ReportDocument, response: Response | Failure) -> None:
        """A document the pipelines kept is a report found (a ``maybe`` that gxparse did not confirm is not).
        An item an errback yielded (a page whose last picture failed) comes with the Failure."""
        meta = response.meta if isinstance(response, Response) else response.request.meta
        if item.status in (200, 304):
            self.subsites.report_found(meta.get("subsite", PORTAL), item.agency, item.year, item.final_url)

    # -- running dry: held documents, sitemaps, revisits --------------------------------------------

    def _spider_idle(self) -> None:
        # sitemaps of hosts that answered no page (a file server, errors): asked now, a challenged host's refused
        released = [request for host in list(self._sitemaps_waiting) for request in self._waiting_sitemaps(host)]
        released += self._released(self._held.release_all())
        released += self._shell_renders()
        for request in released:
            self.crawler.engine.crawl(request)
        if released:
            raise DontCloseSpider
        while self._idle_steps:
            if self._idle_steps.pop(0)():
                raise DontCloseSpider

    def _released(self, requests: list[scrapy.Request]) -> Iterator[scrapy.Request]:
        """Held documents whose list has not turned out to be a trap meanwhile."""
        return (r for r in requests
                if not self.traps.drops_listed(r.meta, r.url))

    def _revisit(self) -> int:
        """Re-request archived documents no list page showed this time (a withdrawn one answers 404)."""
        if not self.lists_read:
            return 0  # no list page was read (site down?): absence from the lists proves nothing
        # a hash route never reaches the server (its shell answers for every route): a revisit proves nothing
        missing = [u for u in validator_store(self.crawler).known_urls(self.site.id)
                   if u not in self._listed and not is_hash_route(u)]
        for url in missing:
            # referred by the site's home page, as a person who comes back to it (file servers check the Referer)
            self.crawler.engine.crawl(scrapy.Request(url, callback=self.parse_document, errback=self.on_error,
                                                     headers={"Referer": self.site.start_urls[0]}, meta={
                "role": "document", "gxmon_document": True, "handle_httpstatus_list": [304, 404, 410],
                "verdict": Verdict.REPORT.value, "link_text": "", "revisit": True, "listing_url": None,
                "subsite": PORTAL, "agency_hint": self.site.name}))
        return len(missing)

    def on_error(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request
        self._enter_late(request.meta, request.url)
        if failure.check(FrontierSkip) and failure.value.args[0] in SUBSITE_DONE:
            yield from self._explored_elsewhere(request)
        if request.meta.get("role") == "list":  # a list page that will never be read: its list may be complete
            yield from self._released(self._held.arrived(request.meta["list_of"]))
        if "bundles" in request.meta:   # a runtime file that will never be read: its shell's bundles without it
            yield from self._bundle_requests(request.meta["bundles"], {k: v for k, v in request.meta.items()
                                                                     if k != "bundles"})
        self._record_error(failure)

    def _enter_late(self, meta: dict[str, Any], url: str) -> None:
        """A page asked as a way enters an agency's sub-site when a link read since its request names it so, as
        it would have, that link read first (``meta`` is its request's, ``url`` where it was answered)."""
        asked = (meta.get("redirect_urls") or [url])[0]
        if (late := self._late_entries.pop(asked, None)) and "enter" not in meta and meta.get("role") == "page":
            meta["enter"] = late

    def _explored_elsewhere(self, request: scrapy.Request) -> Iterator[scrapy.Request]:
        """A way the frontier dropped as exploring a sub-site done with (its column found, its budget spent), asked
        for another sub-site whose page linked it too, whichever page was read first; else by the next link to it."""
        others = self._explorers.pop(request.url, set()) - {request.meta.get("subsite", PORTAL)}
        if not others:
            self._requested[request.url] = DROPPED
            return
        subsite = min(others)
        if others - {subsite}:
            self._explorers[request.url] = others - {subsite}
        yield request.replace(dont_filter=True, meta={**request.meta, "subsite": subsite})

    def _record_error(self, failure: Failure) -> None:
        request = failure.request
        if failure.check(FrontierSkip):
            return  # the frontier dropped it on purpose; counted in the stats
        if request.meta.get("role") == "search":
            # A search box that errs, times out or answers too much is a way in less, not a failure of the crawl.
            self.logger.info("site search failed %s: %s", request.url, failure.value)
            return
        if failure.check(HttpError):
            if request.meta.get("role") == "sitemap":
                return  # most sites have no /sitemap.xml
            response = failure.value.response
            challenge = script_challenge(response.body)
            reason = f"HTTP {response.status}" + (f": {challenge}" if challenge else "")
            if challenge:
                self.subsites.challenged(request.url, request.meta.get("enter"), request.meta.get("subsite", PORTAL))
                self.budget.host_challenged(response.url)
        elif "robots.txt" in str(failure.value):
            # Obeying robots.txt is no failure: coverage names the host, and the agency whose link led there.
            self.subsites.robots_refused(request.url, *(request.meta.get("enter") or (None, "")),
                                         request.meta.get("subsite", PORTAL))
            return
        else:
            reason = f"{type(failure.value).__name__}: {failure.value}".rstrip(": ")
        self.logger.info("failed %s: %s", request.url, reason)
        record_failure(self.crawler.stats, request, reason)

    def _unread(self, response: Response, reason: str) -> None:
        """What of a page or answer was left unread, said in the crawl's errors."""
        self.logger.warning("%s: %s", response.url, reason)
        record_unread(self.crawler.stats, response.url, reason)

    # -- small parsers -----------------------------------------------------------------------------

    def _parse_origin(self, response: Response, links: list[Link]) -> None:
        """Compare the page with the same path's under the other origins of its host name
        (``crawler.hosts.twinorigins``): once two are shown to be one site, one is asked from then on."""
        if not self.twins.wants(response.url) or not isinstance(response, TextResponse) \
                or not is_html(response.body, header_value(response, "content-type")):
            return   # a page past those an origin keeps, or an API's answer: no page to compare
        title = " ".join(response.selector.root.xpath("//title//text()"))
        if joined := self.twins.observe(response.url, page_sign(response.body, title, (link.url for link in links))):
            self.logger.info("%s serves the site %s serves: asked there from now on", *joined)
            self.scope.names.join(*joined)

    def _parse_page_links(self, response: Response) -> tuple[list[Link], int] | None:
        """The links of a page and the number of datastore records on it; None when it is no page."""
        if _DATASTORE.search(response.body[:4096]) and not is_html(response.body):
            text = response_text(response)
            return record_links(text, response.url), record_count(text)
        if is_json_answer(response.body):
            text = json_text(response_text(response))
            if len(text) > MAX_ANSWER_CHARS:   # neither its links nor its pages read
                self._unread(response, f"an answer of {len(text)} characters, more than {MAX_ANSWER_CHARS}: not read")
                return [], 0
            templates = tuple(ItemUrl(*t) for t in response.meta.get("api", {}).get("item_urls", ()))
            # a gkmlpt tree's catalogs, named by id alone (crawler.scripted.gkmlpt)
            templates += tree_items(response.url)
            links = self._trees.branch_links(answer_links(text, response.url, templates,
                                                          self._trees.branches(response.url)), response.url) \
                + fragment_links(text, response.url)   # a list answered as markup (JPaaS's data.html)
            if len(links) == MAX_PAGE_LINKS:
                self._unread(response, f"the links of an answer past its first {MAX_PAGE_LINKS} not read")
            return links, 0
        if "api" in response.meta and is_xml_answer(response.body):
            # an older interface's XML (crawler.scripted.xmlanswers)
            templates = tuple(ItemUrl(*t) for t in response.meta["api"].get("item_urls", ()))
            return xml_answer_links(response.body, response.url, templates), 0
        if not isinstance(response, TextResponse) or not is_html(response.body, header_value(response, "content-type")):
            return None
        # a fragment a page's function loaded calls that page's functions
        functions = response.meta.get("functions") if is_fragment(response.body) else None
        links = page_links(response.selector.root, response.url, functions, self._site_codes(response),
                           self._page_templates(response))
        if links_cut(response.selector.root):
            self._unread(response, f"the links of a page past its first {MAX_PAGE_LINKS} not read")
        if (sid := platform_sid(response.selector.root, response.url)) is not None:   # crawler.scripted.gkmlpt
            links += catalog_links(response.selector.root, response.url, sid)
        # the page's trees are set up by its inline scripts or by its own script files (a platform's deptTree.js)
        scripts = (response.body, *self._site_bytes(response))
        if any(_ASYNC_TREE.search(code) for code in scripts):
            # a column tree zTree loads a branch at a time (crawler.scripted.ztree)
            links = self._trees.first_asked(links, self._page_codes(response), get_base_url(response))
        elif any(_TREE_INIT.search(code) for code in scripts):
            # a column tree zTree draws whole from an answer (crawler.scripted.ztree)
            links += [Link(url, "", "", "catalogue") for code in self._page_codes(response)
                      for url in loaded_trees(code, get_base_url(response))]
        elif may_draw_links(response.body) and not self._says_column(response):
            # a catalogue a script writes as links from an answer (crawler.scripted.drawnlinks); a 年报 column's
            # script drawing its own list from an API is read as the column's list (_script_lists): asked first as
            # a link of no name, its answer would be read as no column, its later pages never asked
            links += [Link(url, "", "", "catalogue") for code in response.xpath("//script[not(@src)]/text()").getall()
                      for url in drawn_requests(code, get_base_url(response))]
        return links + self._rendered_links(response), record_count(response.text)

    def _parse_documents(self, links: list[Link], page_url: str, column: bool = False,
                         page_title: str = "") -> list[DocumentLink]:
        """Links whose text says (or may say) they lead to a report, one per URL, in scope; on a page called a 年报
        ``column``, its items named only 附件 or 全文 too (MAYBE: their page or file tells); on a page titled
        by the report's kind alone (``page_title``), its files named by a year (classify.names_attached_report)."""
        out: dict[str, DocumentLink] = {}
        for link in links:
            if (file := viewed_file(link.url)) != link.url:   # a viewer's link: the report is its file
                link = replace(link, url=file)
            verdict = classify_title(link.text)
            if column and verdict is Verdict.UNRELATED and is_bare_item(link.text):
                verdict = Verdict.MAYBE
            if verdict is Verdict.MAYBE and page_title and is_attachment(link.url, link.text) \
                    and names_attached_report(link.text, page_title):
                verdict = Verdict.REPORT
            year = folder_year(link.text, link.url, page_url)
            verdict = Verdict.REPORT if year else verdict
            if not verdict.worth_fetching or is_pager_link(link.text, link.url, page_url) or self._denied(link.url) \
                    or not (self.scope.contains(link.url) or self._file_store(link)):
                continue
            kept = out.get(link.url)
            if kept is None or (kept.verdict is Verdict.MAYBE and verdict is Verdict.REPORT):
                out[link.url] = DocumentLink(link, verdict, year)
        return list(out.values())

    def _file_store(self, link: Link) -> bool:
        """A file on a government host out of scope (its province's storage host): asked there, the host entering
        no crawl."""
        return is_attachment(link.url, link.text) and self.scope.government(link.url)

    def _parse_subsite(self, response: Response) -> int:
        """The sub-site the page belongs to (entering it, when an agency link led here)."""
        meta = response.meta
        if "enter" in meta:
            name, found_via = meta["enter"]
            return self.subsites.enter(self._parse_full_name(response, name), response.url, found_via)
        return self.subsites.locate(response.url, meta.get("subsite", PORTAL))

    def _parse_copy(self, response: TextResponse) -> list[scrapy.Request] | None:
        """None when the page is to be read; else it is the mobile copy of the desktop page it names canonical
        (``crawler.hosts.mobilecopy``): nothing when that page was asked, else its request in the copy's place. The
        mobile copies the page names are never asked."""
        root = response.selector.root
        for copy in mobile_copies(root, response.url):
            if copy != response.url:
                self.budget.copies.add(copy)
                self._requested.setdefault(copy, "mobile_copy")
        desktop = desktop_page(root, response.url)
        if desktop is None or not self.scope.contains(desktop) or self._denied(desktop):
            return None
        self.logger.info("%s is the mobile copy of %s", response.url, desktop)
        if desktop in self._requested:
            return []
        self._requested[desktop] = self._requested.get(response.url, "document")
        request = response.request
        meta = {k: v for k, v in request.meta.items() if not k.startswith(("redirect_", "download_", "twin_of"))}
        return [request.replace(url=desktop, meta=meta)]

    def _parse_place(self, response: Response, subsite: int) -> None:
        """A sub-site still named by its level alone (市商务局: its link and its entry page named no place) takes
        its full name from a later page of its own host that gives it, on at most MAX_NAMING_PAGES pages."""
        if subsite == PORTAL or "enter" in response.meta or not names_level_alone(name := self.subsites.name(subsite)) \
                or self._naming_pages[subsite] >= MAX_NAMING_PAGES \
                or urlsplit(response.url).netloc != urlsplit(self.subsites.entry(subsite)).netloc:
            return
        self._naming_pages[subsite] += 1
        if (full := self._parse_full_name(response, name)) != name:
            self.subsites.rename(subsite, full)

    @staticmethod
    def _parse_full_name(response: Response, name: str) -> str:
        """The agency's full name as its own page's title, else its logo, banner, footer or breadcrumb gives it (市教育局 →
        南湖市教育局, 石门县 → 石门县人民政府, and what people shorten, 发改 → 南河市发展和改革委员会: the short
        name's characters in order), else the link's."""
        if not isinstance(response, TextResponse) or not is_html(response.body):
            return name
        core = squash(name).lstrip("市县区")
        cores = (core, core[:-1] + "委员会") if core.endswith("委") else (core,)   # 卫生健康委 is short for …委员会
        root = response.selector.root
        banner = islice((t for node in root.xpath(_BANNER) for t in
                                   [node.get("alt") or "", node.get("title") or "", *node.xpath(".//text()|.//img/@alt")]
                                   if t.strip()), MAX_BANNER_TEXTS)
        texts = [response.xpath("//title/text()").get(""), *banner]
        by_level = None   # a name by its level alone (市财政局 of 市财政局-北沅市财政局) when no part gives the place
        for part in (p for text in texts for p in re.split(r"[_\-|｜–—·:：,，\s]+", text)):
            part = _SITE_WORDS.sub("", squash(part))
            longer = part.endswith(cores) or (part.startswith(squash(name)) and part[len(squash(name)):] in _GOVERNMENT) \
                or abbreviates(core, part)
            if core and longer and len(part) > len(squash(name)) and is_agency_name(part):
                if not names_level_alone(part):
                    return part
                by_level = by_level or part
        return by_level or name

    def _says_column(self, response: Response) -> bool:
        """The page is called a 年报 column: by the link that led here, its title, or its URL."""
        # An API's JSON answer has no title (its selector is JSON's): the link or the page that asked names it.
        html = isinstance(response, TextResponse) and is_html(response.body)
        title = response.xpath("//title/text()").get("") if html else ""
        words = squash(f"{response.meta.get('link_text', '')} {title}")
        if re.search(OTHER_ANNUAL_REPORT_WORDS, words):
            return False   # another 年报 column (企业年报公示, 统计年报)
        return bool(re.search(COLUMN_WORDS, words)) or any(COLUMN_URL_TOKEN.match(t) for t in url_tokens(response.url))

    def _denied(self, url: str) -> bool:
        return any(re.search(pattern, url) for pattern in self.site.rules.deny)

    def _parse_title(self, response: TextResponse) -> str:
        """The article heading, else the <title> (whose site-name decoration does not hurt the rules)."""
        root, leading = response.selector.root, LeadingText(MAX_TITLE_CHARS)   # headings may nest hundreds deep
        for xpath in ("//h1", "//*[contains(@class,'title') and not(self::title)]", "//h2", "//title"):
            for node in root.xpath(xpath):
                text = " ".join(leading(node).split())
                if text and classify_title(text) is not Verdict.UNRELATED:
                    return text
        return " ".join(" ".join(leading(node) for node in root.xpath("//title")).split())

    @staticmethod
    def _parse_gone(response: TextResponse) -> str | None:
        """Why the page answering a document request says the document is gone (``crawler.documents.gone``), or None."""
        requested = (response.meta.get("redirect_urls") or [response.url])[0]
        return gone_reason(response.selector.root, requested, response.url)

    @staticmethod
    def _parse_text(response: TextResponse) -> str:
        """The page's text, one space between text nodes (so table cells stay apart)."""
        return " ".join(_BODY_TEXTS(response.selector.root))

    @staticmethod
    def _parse_published(text: str) -> str | None:
        match = PUBLISHED.search(text) or WRITTEN.search(text)
        return iso_date(match.group(0)) if match else None

    @staticmethod
    def _parse_source(text: str) -> str | None:
        """The publishing body from the metadata line (来源：/发布机构：), when the title does not name it."""
        match = SOURCE.search(text)
        return match.group(1) if match else None

    @staticmethod
    def _has_report_body(text: str) -> bool:
        """The page itself carries the report: most of the six section headings are in its text."""
        return holds_report_text(text)

    def _parse_query_detail(self, response: TextResponse, verdict: Verdict) -> scrapy.Request | None:
        """The first detail API a shell's script asks with the id of the shell's own query; None when none, or
        when the page opens a report or holds a file (its scripts read first: most pages have no such script)."""
        asks = [[url, body] for url, body in query_detail_requests(
            response.xpath("//script[not(@src)]/text()").getall(), response.url)
            if self.scope.contains(url) and not self._denied(url) and url not in self._requested]
        if not asks or opens_report_text(self._parse_text(response)) or self._parse_attachments(response):
            return None
        (url, body), rest = asks[0], asks[1:]
        self._note_detail(url, body)
        return detail_api_request(url, body, callback=self.parse_detail, errback=self.on_detail_error,
                               priority=response.request.priority, dont_filter=True, meta={
                                   **response.meta, "verdict": verdict.value, "hash_route": response.url,
                                   "details_left": rest})

    def _parse_table_pictures(self, response: TextResponse) -> list[str]:
        """The pictures holding the page's tables, when it prints them so (``crawler.documents.pictures``), at most
        ``REPORT_PICTURES_MAX``."""
        pictures = table_pictures(response.selector.root, get_base_url(response), self.scope.contains)
        return pictures[:self.settings.getint("REPORT_PICTURES_MAX")] if pictures else []

    def _parse_attachments(self, response: TextResponse) -> list[Link]:
        """Files the page links, names (``<file href>``) or shows (a frame, ``<embed>``, a viewer's ``?file=`` or
        ``data-`` attribute holding a PDF)."""
        links = page_links(response.selector.root, response.url)
        # a preview's link (kkFileView's onlinePreview?url=…) is its file's; a viewer's file is kept in a data-
        # attribute its script reads (JPaaS's <div id="pdfshow" data-value="….pdf">: crawler.pages.datalinks)
        files = [replace(link, url=viewed_file(link.url)) for link in links if link.source in ("a", "area", "data")]
        files += named_files(response.selector.root, get_base_url(response))   # <file href="….pdf">
        files = [link for link in files if is_attachment(link.url, link.text)]
        files += script_files(response.selector.root, get_base_url(response), links)
        for src in response.xpath("//iframe/@src | //embed/@src | //object/@data").getall():
            url = viewed_file(response.urljoin(src))
            if ATTACHMENT_HREF.search(url):
                files.append(Link(url, ""))
        files += [Link(url, "") for url in embedded_files(response.selector.root, get_base_url(response))]
        files += [Link(url, "") for url in loaded_bodies(response.selector.root, get_base_url(response))]
        # an old frameset has no body: what it shows, the report among its banner and menu, is in its frames; a
        # frame's own frames are not asked (framesets each naming ten new ones were a trap without end)
        files += [Link(response.urljoin(src), "", source="frame") for src in
                  response.xpath("//frameset//frame/@src").getall()[:MAX_FRAMES]
                  if response.urljoin(src) != response.url and not response.meta.get("framed")]
        if not files:  # a scanned report shown as images in the article body
            files = [Link(url, "") for url in self._parse_scans(response)]
        return list({f.url: f for f in files}.values())

    def _parse_scanned_report(self, response: TextResponse, further: Sequence[TextResponse]) -> list[str]:
        """The pictures of a report printed as pictures, in order: over a paged article, a page of the report a page;
        or on one page whose article shows them and links no file (a scan of its pages): one report, never a
        report a picture."""
        if further:
            return list(dict.fromkeys(url for page in [response, *further] for url in self._parse_scans(page)))
        scans = self._parse_scans(response)
        return scans if scans and [f.url for f in self._parse_attachments(response)] == list(dict.fromkeys(scans)) \
            else []

    def _parse_scans(self, response: TextResponse) -> list[str]:
        """The pictures the page's article shows (a scanned report's pages), in order."""
        if next(response.selector.root.iter("img"), None) is None:
            return []   # the content XPath walks every element: most pages have no picture at all
        urls = (response.urljoin(src) for src in response.xpath(_CONTENT_XPATH + "//img/@src").getall())
        return [url for url in urls if ATTACHMENT_HREF.search(url)]

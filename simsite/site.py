"""The simulated municipal government site: what exists where, built deterministically from a seed.

A city portal leads to its 政府信息公开 platform, whose 年报 column lists the city's reports; 部门信息公开 and
区县信息公开 directories lead to department and county sub-sites with their own platforms and columns. Each
column mixes reports (HTML pages, attachment-only pages, direct file links), look-alikes, broken links,
redirects, an off-site redirect and a robots-disallowed area. ``size`` adds county-hosted agencies (and
counties) until the site has about that many pages.

``SimSite.get(target)`` answers a request path with a ``Resource``; ``simsite.server`` puts it on HTTP.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from simsite import pages
from simsite.documents import attachment_bytes, doc_fixture_report
from simsite.figures import YEARS, Agency, report_series, revise
from simsite.misprints import apply, misprint_of
from simsite.names import (
    CITY,
    CITY_GOVERNMENT,
    CITY_HOSTED,
    COUNTY_DEPARTMENTS,
    DEPARTMENTS,
    PROVINCE,
    TOWNS,
    county_names,
)
from simsite.picture_pages import PicturePages
from simsite.pictures import is_pictured, table_pictures
from simsite.render import render_report_body
from simsite.republish import Republishing
from simsite.resource import CST, MIME, PORTAL, Clock, ExpectedReport, Resource

PER_PAGE = {"trs": 15, "query": 10, "table": 10_000}
ROBOTS_TXT = "User-agent: *\nDisallow: /private/\nDisallow: /search\n"
BASE_DEPARTMENTS = 7
BASE_COUNTIES = 4
GBK_COUNTY = 2            # index of the county whose sub-site is served in GBK
PAGES_PER_AGENCY = 14.5   # a hosted agency adds 6 reports, ~6 look-alikes, attachments and list pages
FIXTURE_DOC_REPORT = "daj-2020"


@dataclass
class Entry:
    """One item of a report column: a report, a look-alike, or a trap (broken, off-site, disallowed, loop)."""

    id: str
    kind: str                   # report | lookalike | broken | offsite | private | loop
    title: str                  # the document's own title (detail page heading)
    link_text: str
    published: datetime
    href: str                   # what the list links to
    link_title: str | None = None
    page: str | None = None     # detail page path
    attachment: str | None = None
    attachment_name: str = ""
    fmt: str = "html"           # html | pdf | docx | doc (format of the report document)
    agency: Agency | None = None
    year: int | None = None
    prose: tuple[str, ...] = ()  # body of a look-alike page
    title_style: int = 0
    date_style: int = 0
    revision: int = 0
    modified: datetime | None = None
    withdrawn: bool = False
    retaken: dict[str, datetime] = field(default_factory=dict)   # table key → when its picture was re-uploaded

    @property
    def document(self) -> str | None:
        """The path of the document a crawler should archive: the page, or the file it only points to."""
        return self.attachment or self.page


@dataclass
class Subsite:
    id: str
    name: str
    prefix: str          # "/" for the city, "/bm/fgw/" for a department, "/qx/c00/" for a county
    style: str           # trs | query | table
    encoding: str        # utf-8 | gbk
    platform_text: str   # link text from the home page to the platform
    column_text: str     # link text from the platform to the report column
    entries: list[Entry] = field(default_factory=list)

    @property
    def home(self) -> str:
        return f"{self.prefix}index.html"

    @property
    def platform(self) -> str:
        return "/zwgk/index.html" if self.prefix == "/" else f"{self.prefix}xxgk/index.html"

    @property
    def column(self) -> str:
        return "/zwgk/ndbg/" if self.prefix == "/" else f"{self.prefix}xxgk/ndbg/"


class SimSite(Republishing, PicturePages):
    """A deterministic simulated government site (the ``classic`` family); see the module docstring."""

    name = "classic"
    hosts = (PORTAL,)  # one host; the off-site redirect goes to the same server under another name

    def __init__(self, seed: int | str = 0, size: int = 400):
        self.seed = seed
        self.size = size
        self.base_url = ""                              # set by bind (simsite.serve calls it)
        self.offsite_base = "http://localhost"          # another host, for the off-site redirect
        self._rng = random.Random(f"simsite/{seed}")
        self._counter = 0
        self._routes: dict[str, Callable[[dict[str, list[str]]], Resource]] = {}
        self._entries: dict[str, Entry] = {}
        self._series = lru_cache(maxsize=1024)(self._make_series)
        self.clock = Clock()
        self.subsites = self._build()
        self._route_all()

    # -- public switches and ground truth ----------------------------------------------------------

    def expected_reports(self) -> list[ExpectedReport]:
        out = []
        for entry in self._entries.values():
            if entry.kind != "report" or entry.withdrawn:
                continue
            report = self.report(entry)
            # A file behind a report page is requested by its own URL; anything else by the list's link.
            requested = entry.attachment if entry.attachment and entry.page else entry.href
            out.append(ExpectedReport(entry.id, report["agency"], report["year"], report["template"], entry.fmt,
                                      self.base_url + requested, self.base_url + entry.document,
                                      entry.published.date().isoformat(), report, misprint_of(entry.id),
                                      self._pictured(entry)))
        return sorted(out, key=lambda e: e.id)

    def entries(self, kind: str | None = None) -> list[Entry]:
        return [e for e in self._entries.values() if kind is None or e.kind == kind]

    def page_count(self) -> int:
        """Distinct URLs that answer 200 (list pages counted one by one)."""
        return len(self._routes) + sum(self._list_page_count(s) - 1 for s in self.subsites if s.style == "query")

    def report(self, entry: Entry) -> dict:
        """The report dict behind a report entry, as currently published (misprints included)."""
        if entry.id == FIXTURE_DOC_REPORT:
            return doc_fixture_report(self.name)
        report = {**self._series(entry.agency)[entry.year], "title": entry.title}
        for n in range(1, entry.revision + 1):
            report = revise(report, n)
        misprint = misprint_of(entry.id)
        return apply(report, misprint) if misprint else report

    # -- answering requests ------------------------------------------------------------------------

    def bind(self, urls: Mapping[str, str]) -> None:
        """Learn where the server put the site (``{host key: base URL}``); absolute URLs are built from it."""
        self.base_url = urls[PORTAL]
        self.offsite_base = self.base_url.replace("127.0.0.1", "localhost", 1)

    def get(self, target: str, host: str = PORTAL) -> Resource:
        """The resource for a request target (path and query); the site has only the portal host."""
        parts = urlsplit(target)
        path = parts.path + ("index.html" if parts.path.endswith("/") else "")
        handler = self._routes.get(path)
        if handler is None:
            return self._picture(host, path) or self._not_found()
        return handler(parse_qs(parts.query))

    def _not_found(self) -> Resource:
        return Resource(404, "<html><body><h1>404 页面不存在</h1></body></html>".encode(), last_modified=None)

    # -- building the site -------------------------------------------------------------------------

    def _make_series(self, agency: Agency) -> dict[int, dict]:
        return report_series(agency, "fixture" if agency.id == "daj" else self.seed)

    def _next(self) -> int:
        self._counter += 1
        return self._counter

    def _build(self) -> list[Subsite]:
        rng = self._rng
        styles = ("trs", "query", "table")
        city = Subsite("lj", CITY_GOVERNMENT, "/", "trs", "utf-8", "政府信息公开", "政府信息公开年报")
        departments = [
            Subsite(dept_id, f"{CITY}{name}", f"/bm/{dept_id}/", styles[n % 3], "utf-8",
                    ("政府信息公开", "信息公开")[n % 2], ("年度报告", "政府信息公开年报", "信息公开年报")[n % 3])
            for n, (dept_id, name) in enumerate(DEPARTMENTS[:BASE_DEPARTMENTS])
        ]
        base_pages = 420
        extra_agencies = max(0, math.ceil((self.size - base_pages) / PAGES_PER_AGENCY))
        hosted_total = 2 * BASE_COUNTIES + extra_agencies
        per_county_max = len(COUNTY_DEPARTMENTS) + len(TOWNS)
        county_count = max(BASE_COUNTIES, math.ceil(hosted_total / per_county_max))
        counties = [
            Subsite(cid, f"{name}人民政府", f"/qx/{cid}/", ("trs", "query", "trs", "table")[n % 4],
                    "gbk" if n == GBK_COUNTY else "utf-8", "政府信息公开", ("政府信息公开年报", "年报专栏")[n % 2])
            for n, (cid, name) in enumerate(county_names(county_count))
        ]
        # The city's column: the city government and the departments without a sub-site.
        city_agencies = [Agency("lj", CITY_GOVERNMENT, "city")] + [
            Agency(aid, f"{CITY}{name}", "department") for aid, name in CITY_HOSTED]
        self._fill_column(city, city_agencies, own=city_agencies[0])
        self._add_city_traps(city)
        for sub in departments:
            agency = Agency(sub.id, sub.name, "department")
            self._fill_column(sub, [agency], own=agency)
            if rng.random() < 0.5:
                self._add_broken(sub, agency)
        for n, sub in enumerate(counties):
            county = sub.name.removesuffix("人民政府")
            share = hosted_total // county_count + (1 if n < hosted_total % county_count else 0)
            hosted = [Agency(f"{sub.id}-d{k:02d}", f"{county}{name}", "department")
                      for k, name in enumerate(COUNTY_DEPARTMENTS)]
            hosted += [Agency(f"{sub.id}-t{k:02d}", f"{county}{name}", "town") for k, name in enumerate(TOWNS)]
            own = Agency(sub.id, sub.name, "county")
            self._fill_column(sub, [own] + hosted[:share], own=own)
            self._add_notice(sub)
        return [city, *departments, *counties]

    def _fill_column(self, sub: Subsite, agencies: list[Agency], own: Agency) -> None:
        for agency in agencies:
            for year in YEARS:
                self._add(sub, self._report_entry_for(sub, agency, year, vague_ok=agency is own))
                self._add(sub, self._lookalike(sub, agency, year, vague_ok=agency is own))

    def _add(self, sub: Subsite, entry: Entry) -> None:
        sub.entries.append(entry)
        self._entries[entry.id] = entry

    def _paths(self, sub: Subsite, published: datetime) -> tuple[str, str]:
        """A TRS-style detail path and the stem for its attachments: ./202201/t20220128_123.html."""
        n = self._next()
        folder = f"{sub.column}{published:%Y%m}/"
        return f"{folder}t{published:%Y%m%d}_{n}.html", f"{folder}P0{published:%Y%m%d}{n:06d}"

    def _published(self, agency: Agency, year: int) -> datetime:
        """Publication inside the legal deadline: departments by 31 Jan, governments by 31 Mar (RX.4)."""
        rng = self._rng
        month = {"department": 1, "town": rng.randint(1, 2), "county": rng.randint(2, 3),
                 "city": rng.randint(2, 3)}[agency.level]
        return datetime(year + 1, month, rng.randint(5, 28), rng.randint(9, 17), rng.randint(0, 59), tzinfo=CST)

    def _report_entry_for(self, sub: Subsite, agency: Agency, year: int, vague_ok: bool) -> Entry:
        rng = self._rng
        report_id = f"{agency.id}-{year}"
        published = self._published(agency, year)
        page, stem = self._paths(sub, published)
        canonical = f"{agency.name}{year}年政府信息公开工作年度报告"
        title = canonical if report_id == FIXTURE_DOC_REPORT else rng.choices(
            (canonical, f"{agency.name}{year}年度政府信息公开工作年度报告",
             f"{year}年{agency.name}政府信息公开工作年度报告", f"{agency.name}{year}年政府信息公开年报"),
            weights=(70, 10, 10, 10))[0]
        entry = Entry(report_id, "report", title, title, published, page, page=page, agency=agency, year=year,
                      title_style=rng.randrange(3), date_style=rng.randrange(3))
        if report_id == FIXTURE_DOC_REPORT:
            form = "page-doc"
        else:
            form = rng.choices(("html", "page-pdf", "page-docx", "file-pdf", "file-docx"),
                               weights=(60, 15, 10, 10, 5))[0]
        if form.startswith(("page-", "file-")):
            entry.fmt = form.split("-")[1]
            entry.attachment = f"{stem}.{entry.fmt}"
            entry.attachment_name = rng.choice((f"{title}.{entry.fmt}", entry.attachment.rsplit("/", 1)[1]))
        if form.startswith("file-"):
            entry.page, entry.href = None, entry.attachment
            return entry
        self._vary_link(entry, vague_ok)
        if rng.random() < 0.08:  # an old link that the site now redirects
            entry.href = f"{sub.column}art/{self._next()}.html"
        return entry

    def _vary_link(self, entry: Entry, vague_ok: bool) -> None:
        """Link texts as lists print them: full, cut with a title attribute, cut bare, or just '2021年年报'."""
        rng = self._rng
        style = rng.choices(("full", "cut-title", "cut", "vague"), weights=(60, 20, 12, 8 if vague_ok else 0))[0]
        if style == "cut-title":
            entry.link_text, entry.link_title = entry.title[:18] + "...", entry.title
        elif style == "cut":
            entry.link_text = entry.title[:16] + "…"
        elif style == "vague" and entry.fmt == "html":
            entry.link_text = entry.title = f"{entry.year}年年报"

    def _lookalike(self, sub: Subsite, agency: Agency, year: int, vague_ok: bool) -> Entry:
        rng = self._rng
        kinds = {
            "yaodian": (f"{agency.name}{year}年政务公开工作要点", datetime(year, rng.randint(3, 5), 10, 9, 0)),
            "fazhi": (f"{agency.name}{year}年法治政府建设年度报告", datetime(year + 1, 3, rng.randint(1, 28), 10, 0)),
            "tujie": (f"图解：{agency.name}{year}年政府信息公开工作年度报告", datetime(year + 1, 1, 29, 15, 0)),
            "baobiao": (f"{agency.name}{year}年政府网站工作年度报表", datetime(year + 1, 1, rng.randint(5, 20), 9, 0)),
        }
        if agency.level in ("department", "town"):
            kinds["juesuan"] = (f"{agency.name}{year}年部门决算", datetime(year + 1, 8, rng.randint(1, 28), 9, 0))
        if vague_ok and rng.random() < 0.15:
            kind, (title, when) = "vague", (f"{year}年度报告", datetime(year + 1, 3, 30, 9, 0))
        else:
            kind = rng.choice(sorted(kinds))
            title, when = kinds[kind]
        published = when.replace(tzinfo=CST)
        page, _ = self._paths(sub, published)
        text = title if rng.random() < 0.8 or kind == "vague" else title[:16] + "…"
        return Entry(f"{agency.id}-{year}-{kind}", "lookalike", title, text, published, page, page=page,
                     agency=agency, year=year, prose=_lookalike_prose(kind, agency.name, year),
                     title_style=rng.randrange(3), date_style=rng.randrange(3))

    def _add_notice(self, sub: Subsite) -> None:
        """Governments publish the notice on compiling the reports in the same column."""
        for year in YEARS:
            published = datetime(year, 12, 15, 9, 0, tzinfo=CST)
            page, _ = self._paths(sub, published)
            title = f"关于做好{year}年度政府信息公开工作年度报告编制发布工作的通知"
            prose = (f"各乡镇人民政府、街道办事处，县直各单位：根据《中华人民共和国政府信息公开条例》规定，现就做好{year}年度"
                     "政府信息公开工作年度报告编制发布工作通知如下。",
                     f"各单位应于{year + 1}年1月31日前在本单位政府信息公开专栏发布年度报告。")
            self._add(sub, Entry(f"{sub.id}-{year}-notice", "lookalike", title, title, published, page, page=page,
                                 prose=prose))

    def _add_city_traps(self, city: Subsite) -> None:
        self._add_notice(city)
        for year in YEARS:
            published = datetime(year + 1, 4, 2, 10, 0, tzinfo=CST)
            page, _ = self._paths(city, published)
            title = f"掌上{CITY.removesuffix('市')}丨{PROVINCE}人民政府{year}年政府信息公开工作年度报告"
            self._add(city, Entry(f"zhangshang-{year}", "lookalike", title, title, published, page, page=page,
                                  prose=(f"来源：掌上{CITY.removesuffix('市')}客户端转载{PROVINCE}人民政府门户网站。",)))
        stamp = datetime(2025, 2, 20, 9, 0, tzinfo=CST)
        traps = (
            ("private", f"{CITY_GOVERNMENT}2024年政府信息公开工作年度报告", "/private/ndbg/t20250220_1.html"),
            ("offsite", f"{PROVINCE}人民政府2024年政府信息公开工作年度报告", "/link/province-2024.html"),
            ("loop", f"{CITY_GOVERNMENT}2017年政府信息公开工作年度报告", "/loop/a.html"),
            ("broken", f"{CITY_GOVERNMENT}2018年政府信息公开工作年度报告", "/zwgk/ndbg/201903/t20190320_404.html"),
        )
        for kind, title, href in traps:
            self._add(city, Entry(f"trap-{kind}", kind, title, title, stamp, href, page=href))

    def _add_broken(self, sub: Subsite, agency: Agency) -> None:
        published = datetime(2019, 1, 25, 9, 0, tzinfo=CST)
        title = f"{agency.name}2018年政府信息公开工作年度报告"
        href = f"{sub.column}201901/t20190125_missing.html"
        self._add(sub, Entry(f"{agency.id}-2018-broken", "broken", title, title, published, href))

    def _report_entry(self, report_id: str) -> Entry:
        entry = self._entries.get(report_id)
        if entry is None or entry.kind != "report":
            raise KeyError(f"no report {report_id!r} on this site (ids look like 'fgw-2021')")
        return entry

    # -- routes ------------------------------------------------------------------------------------

    def _route_all(self) -> None:
        r = self._routes
        r["/robots.txt"] = lambda q: Resource(200, ROBOTS_TXT.encode(), "text/plain; charset=utf-8")
        r["/index.html"] = lambda q: self._html(self.subsites[0], f"{CITY_GOVERNMENT}门户网站", self._portal())
        for stub in ("/zwfw/index.html", "/hdjl/index.html", "/wzdt/index.html"):
            r[stub] = lambda q, s=stub: self._html(self.subsites[0], "栏目", pages.nav_page("栏目", [], "栏目建设中。"))
        r["/zwgk/bmxxgk/index.html"] = lambda q: self._directory("部门信息公开", "/bm/")
        r["/zwgk/qxxxgk/index.html"] = lambda q: self._directory("区县信息公开", "/qx/")
        r["/private/ndbg/index.html"] = lambda q: self._private_list()
        r["/link/province-2024.html"] = lambda q: Resource(
            302, location=f"{self.offsite_base}/province/ndbg/2024.html")
        r["/province/ndbg/2024.html"] = lambda q: self._html(
            self.subsites[0], f"{PROVINCE}人民政府2024年政府信息公开工作年度报告",
            pages.prose([f"{PROVINCE}人民政府2024年政府信息公开工作年度报告（省政府门户网站）。"]))
        r["/loop/a.html"] = lambda q: Resource(302, location="/loop/b.html")
        r["/loop/b.html"] = lambda q: Resource(302, location="/loop/a.html")
        for sub in self.subsites:
            if sub.prefix != "/":
                r[sub.home] = lambda q, s=sub: self._html(s, s.name, self._subsite_home(s))
            r[sub.platform] = lambda q, s=sub: self._html(s, f"{s.name}政府信息公开", self._platform(s))
            for guide in ("xxgkzn", "xxgkzd", "fdzdgknr"):
                r[f"{sub.platform.rsplit('/', 1)[0]}/{guide}/index.html"] = (
                    lambda q, s=sub: self._html(s, "政府信息公开", pages.nav_page("政府信息公开", [], "内容维护中。")))
            r[f"{sub.column}index.html"] = lambda q, s=sub: self._list(s, self._page_param(q))
            if sub.style == "trs":
                for n in range(1, self._list_page_count(sub)):
                    r[f"{sub.column}index_{n}.html"] = lambda q, s=sub, n=n: self._list(s, n + 1)
            for entry in sub.entries:
                self._route_entry(sub, entry)

    def _route_entry(self, sub: Subsite, entry: Entry) -> None:
        r = self._routes
        if entry.kind in ("broken", "offsite", "loop"):
            return
        if entry.kind == "private":
            r[entry.page] = lambda q, s=sub, e=entry: self._html(s, e.title, pages.prose([e.title]))
            return
        if entry.page:
            r[entry.page] = lambda q, s=sub, e=entry: self._detail(s, e)
        if entry.attachment:
            r[entry.attachment] = lambda q, e=entry: self._attachment(e)
        if entry.href not in (entry.page, entry.attachment):
            r[entry.href] = lambda q, e=entry: self._gone(e) or Resource(301, location=e.page)

    @staticmethod
    def _page_param(query: dict[str, list[str]]) -> int:
        try:
            return max(1, int(query.get("page", ["1"])[0]))
        except ValueError:
            return 1

    def _visible(self, sub: Subsite) -> list[Entry]:
        return sorted((e for e in sub.entries if not e.withdrawn), key=lambda e: (e.published, e.id), reverse=True)

    def _list_page_count(self, sub: Subsite) -> int:
        return max(1, math.ceil(len(self._visible(sub)) / PER_PAGE[sub.style]))

    def _encode(self, sub: Subsite, html_for: Callable[[str | None, bool], str], path_key: str) -> Resource:
        """Encode a page for its sub-site; the GBK sub-site declares its charset in three different ways."""
        if sub.encoding == "utf-8":
            return Resource(200, html_for("utf-8", False).encode("utf-8"), "text/html; charset=utf-8",
                            last_modified=self.clock.changed_at)
        variant = int(hashlib.md5(path_key.encode()).hexdigest(), 16) % 3
        charset, http_equiv, header = (("gbk", False, "text/html; charset=GBK"),
                                       ("gb2312", True, "text/html"),
                                       (None, False, "text/html"))[variant]
        return Resource(200, html_for(charset, http_equiv).encode("gbk"), header,
                        last_modified=self.clock.changed_at)

    def _html(self, sub: Subsite, title: str, body: str, path_key: str | None = None) -> Resource:
        return self._encode(sub, lambda charset, eq: pages.page(title, body, charset, eq), path_key or title)

    def _portal(self) -> str:
        links = [pages.Link("/index.html", "首页"), pages.Link("/zwgk/index.html", "政务公开"),
                 pages.Link("/zwfw/index.html", "政务服务"), pages.Link("/hdjl/index.html", "互动交流")]
        return pages.nav_page(f"{CITY_GOVERNMENT}门户网站", links, f"欢迎访问{CITY_GOVERNMENT}门户网站。")

    def _platform(self, sub: Subsite) -> str:
        base = sub.platform.rsplit("/", 1)[0]
        links = [pages.Link(f"{base}/xxgkzn/index.html", "政府信息公开指南"),
                 pages.Link(f"{base}/xxgkzd/index.html", "政府信息公开制度"),
                 pages.Link(f"{base}/fdzdgknr/index.html", "法定主动公开内容"),
                 pages.Link(f"{sub.column}index.html", sub.column_text)]
        if sub.prefix == "/":
            links += [pages.Link("/zwgk/bmxxgk/index.html", "部门信息公开"),
                      pages.Link("/zwgk/qxxxgk/index.html", "区县信息公开"),
                      pages.Link("/private/ndbg/index.html", "政府信息公开年报（内部审核）")]
        return pages.nav_page(f"{sub.name}政府信息公开", links)

    def _subsite_home(self, sub: Subsite) -> str:
        links = [pages.Link(sub.home, "首页"), pages.Link(sub.platform, sub.platform_text),
                 pages.Link("/hdjl/index.html", "互动交流")]
        return pages.nav_page(sub.name, links, f"欢迎访问{sub.name}网站。")

    def _directory(self, title: str, prefix: str) -> Resource:
        links = [pages.Link(s.home, s.name) for s in self.subsites if s.prefix.startswith(prefix)]
        return self._html(self.subsites[0], title, pages.nav_page(title, links))

    def _private_list(self) -> Resource:
        links = [pages.Link(e.href, e.link_text) for e in self.subsites[0].entries if e.kind == "private"]
        return self._html(self.subsites[0], "内部审核", pages.nav_page("政府信息公开年报（内部审核）", links))

    def _list(self, sub: Subsite, page_no: int) -> Resource:
        visible = self._visible(sub)
        count = self._list_page_count(sub)
        if page_no > count:
            return self._not_found()
        per = PER_PAGE[sub.style]
        chunk = visible[(page_no - 1) * per: page_no * per]
        if sub.style == "trs":  # TRS links are relative to the column folder: ./202201/t20220128_5.html
            links = [pages.Link(e.href.replace(sub.column, "./", 1) if e.href.startswith(sub.column) else e.href,
                                e.link_text, e.link_title, f"{e.published:%Y-%m-%d}") for e in chunk]
            body = pages.trs_list(sub.column_text, links, count, page_no - 1)
        elif sub.style == "query":
            links = [pages.Link(e.href, e.link_text, e.link_title, f"{e.published:%Y-%m-%d}") for e in chunk]
            body = pages.query_list(sub.column_text, links, count, page_no)
        else:
            links = [pages.Link(e.href, e.link_text, e.link_title, f"{e.published:%Y年%m月%d日}") for e in chunk]
            body = pages.table_list(sub.column_text, links)
        return self._html(sub, f"{sub.column_text}_{sub.name}", body, path_key=f"{sub.column}{page_no}")

    def _gone(self, entry: Entry) -> Resource | None:
        return self._not_found() if entry.withdrawn else None

    def _detail(self, sub: Subsite, entry: Entry) -> Resource:
        if entry.withdrawn:
            return self._not_found()
        if entry.kind == "lookalike":
            content = pages.prose(entry.prose)
        elif entry.attachment:
            intro = "" if self._stable(entry) % 2 else f"现将{entry.title}予以公布。"
            href = entry.attachment.rsplit("/", 1)[1]
            content = pages.attachment_content(intro, f"./{href}", entry.attachment_name)
        elif self._pictured(entry):
            content = self._pictured_content(entry)
        else:
            content = render_report_body(self.report(entry), with_title=False)
        source = entry.agency.name if entry.agency else sub.name
        body = pages.article(pages.breadcrumb(sub.platform, f"{sub.column}index.html", sub.column_text),
                             entry.title, entry.title_style,
                             pages.date_line(entry.date_style, entry.published, source), content)
        if self._pictured(entry):
            body = self._decorated(body, sub.name)
        title = (entry.title, f"{entry.title}_{sub.name}", f"{sub.name}-{entry.title}")[self._stable(entry) % 3]
        resource = self._html(sub, title, body, path_key=entry.page)
        resource.last_modified = entry.modified or entry.published.astimezone(UTC)
        return resource

    def _pictured(self, entry: Entry) -> bool:
        """A share of the HTML reports prints its tables as pictures; not a misprinted one (the demo reads
        its failing sums)."""
        return (entry.kind == "report" and entry.fmt == "html" and entry.page is not None
                and misprint_of(entry.id) is None and is_pictured(f"{self.name}/{self.seed}", entry.id))

    def _picture_location(self, entry: Entry, name: str) -> tuple[str, str]:
        return PORTAL, f"/uploads/{entry.published:%Y/%m}/{name}.png"

    def _picture_src(self, entry: Entry, host: str, path: str) -> str:
        return path

    def _attachment(self, entry: Entry) -> Resource:
        if entry.withdrawn:
            return self._not_found()
        return Resource(200, attachment_bytes(entry.fmt, self.report(entry)), MIME[entry.fmt],
                        last_modified=entry.modified or entry.published.astimezone(UTC))

    def prerender(self) -> None:
        """Build every attachment and table picture now, so a timed crawl measures the crawler and not
        reportlab or PIL."""
        for entry in self._entries.values():
            if entry.kind == "report" and entry.attachment and not entry.withdrawn:
                attachment_bytes(entry.fmt, self.report(entry))
            elif self._pictured(entry) and not entry.withdrawn:
                table_pictures(self.report(entry))

    @staticmethod
    def _stable(entry: Entry) -> int:
        return int(hashlib.md5(entry.id.encode()).hexdigest(), 16)


def _lookalike_prose(kind: str, agency: str, year: int) -> tuple[str, ...]:
    if kind == "yaodian":
        return (f"为深入推进{year}年政务公开工作，{agency}制定本工作要点。", "一、加强政策解读。二、做好重点领域信息公开。")
    if kind in ("fazhi", "vague"):
        return (f"{agency}{year}年法治政府建设年度报告", f"{year}年，{agency}深入学习贯彻习近平法治思想，全面推进依法行政。",
                "一、主要举措和成效。二、存在的不足和原因。三、下一年度工作安排。")
    if kind == "tujie":
        return (f"一图读懂{agency}{year}年政府信息公开工作年度报告。",)
    if kind == "baobiao":
        return (f"{agency}{year}年政府网站工作年度报表。", "网站名称、首页网址、主办单位、信息发布总数等情况。")
    return (f"{agency}{year}年度部门决算公开说明。", "一、部门基本情况。二、收入支出决算总体情况。")

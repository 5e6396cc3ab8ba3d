"""A big, news-heavy city portal, generated: many units (departments, districts, towns), each with news columns
of hundreds of list pages, and its 政府信息公开年报 three or four clicks deep (issue 11: a real city's portal,
read far less completely than the small simulated ones, under the crawl's page budget).

Every page is made when asked (nothing is stored but the reports' figures), so 100 units with 4 news columns of
100–500 pages each (some 200,000 pages in all) cost nothing until crawled:

- the home page: the city's news columns, its 政府信息公开 platform, the units as 部门网站 / 县区网站 blocks,
  a 站内搜索 form and a news calendar (both traps: every query, every day is a page);
- the platform: 政府信息公开指南, 法定主动公开内容 (whose 政府信息公开年报 column holds the city's reports), and
  部门信息公开, a list of most units' 信息公开 pages (the others reached from their own home only);
- each unit: its home (news columns 工作动态, 通知公告, 图片新闻, 媒体聚焦, 20 items a page, and its 信息公开);
  its 信息公开 page (指南, 制度, 法定主动公开内容 → 政府信息公开年报), or, for some units, the reports among the
  部门文件 of their 法定主动公开内容, not in a column of their own.

``NewsHeavySite(seed, units, news_pages)`` answers the interface of ``simsite.serve`` on one host;
``expected_reports()`` says what a crawler must find. Latency is the server's (``serve(site, delay=…)``).
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime
from html import escape
from urllib.parse import parse_qs, urlsplit

from simsite.figures import YEARS, Agency, report_series
from simsite.names import COUNTY_DEPARTMENTS, DEPARTMENTS, TOWNS, county_names
from simsite.render import render_report_body
from simsite.resource import PORTAL, ExpectedReport, Resource

CITY = "汉川市"
NEWS_COLUMNS = (("gzdt", "工作动态"), ("tzgg", "通知公告"), ("tpxw", "图片新闻"), ("mtjj", "媒体聚焦"))
ITEMS_PER_PAGE = 20
NEWS_PAGES = (100, 500)          # list pages of one unit's news column
FILED_AS_DOCUMENTS = 0.25        # share of units whose reports sit among their 部门文件, no column of their own
UNLISTED = 0.4                   # share of units the platform's 部门信息公开 leaves out: reached from their home only
OTHER_DOCUMENTS = 30             # the 部门文件 column's other files
CALENDAR_YEARS = (2000, 2030)    # the news calendar answers every day of these years
MODIFIED = datetime(2025, 4, 1, tzinfo=UTC)


def _units(units: int) -> list[Agency]:
    """``units`` agencies: the city's departments, then districts and counties, then towns."""
    names = [(f"d{n:02d}", f"{CITY}{name}", "department") for n, (_, name) in enumerate(DEPARTMENTS)]
    names += [(f"d{n + len(DEPARTMENTS):02d}", f"{CITY}{name}", "department")
              for n, name in enumerate(d for d in COUNTY_DEPARTMENTS if d not in dict(DEPARTMENTS).values())]
    names += [(cid, name + "人民政府", "county") for cid, name in county_names(12)]
    towns = [f"{county[:2]}{town}" for _, county in county_names(12) for town in TOWNS]
    names += [(f"t{n:03d}", name, "town") for n, name in enumerate(towns)]
    if units > len(names):
        raise ValueError(f"at most {len(names)} units, not {units}")
    return [Agency(uid, name, level) for uid, name, level in names[:units]]


def _page(title: str, body: str) -> Resource:
    html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"
            f"<div class='top'><a href='/'>首页</a> <form action='/search/' method='get'><input name='q'>"
            f"<button>站内搜索</button></form></div>{body}<div class='foot'>{CITY}人民政府 主办</div></body></html>")
    return Resource(200, html.encode("utf-8"), last_modified=MODIFIED)


def _links(heading: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f"<li><a href='{href}'>{escape(text)}</a></li>" for href, text in links)
    return f"<div class='block'><h3>{escape(heading)}</h3><ul>{items}</ul></div>"


def _pager(base: str, page: int, pages: int) -> str:
    """TRS's static pager: index.html, index_1.html, … with 下一页/尾页."""
    def href(n: int) -> str:
        return f"{base}index.html" if n == 0 else f"{base}index_{n}.html"
    parts = [f"<span>共{pages}页</span>"]
    if page > 0:
        parts.append(f"<a href='{href(page - 1)}'>上一页</a>")
    if page + 1 < pages:
        parts += [f"<a href='{href(page + 1)}'>下一页</a>", f"<a href='{href(pages - 1)}'>尾页</a>"]
    return f"<div class='pager'>{' '.join(parts)}</div>"


class NewsHeavySite:
    """See the module docstring."""

    name = "newsheavy"
    hosts = (PORTAL,)

    def __init__(self, seed: int | str = 0, units: int = 100, news_pages: tuple[int, int] = NEWS_PAGES):
        self.seed = seed
        rng = random.Random(f"newsheavy/{seed}")
        self.city = Agency("city", f"{CITY}人民政府", "city")
        self.units = _units(units)
        self.news_pages = {(u.id, code): rng.randint(*news_pages) for u in self.units for code, _ in NEWS_COLUMNS}
        self.news_pages.update({("city", code): rng.randint(*news_pages) for code, _ in NEWS_COLUMNS})
        self.filed = {u.id for u in self.units if rng.random() < FILED_AS_DOCUMENTS}
        self.unlisted = {u.id for u in self.units if rng.random() < UNLISTED}
        self.report_paths = {self._report_path(a, y) for a in (self.city, *self.units) for y in YEARS}
        self.size = sum(self.news_pages.values()) * (ITEMS_PER_PAGE + 1)
        self.urls = {PORTAL: "http://www.unbound.invalid"}

    # -- the interface of simsite.serve ------------------------------------------------------------

    def bind(self, urls: Mapping[str, str]) -> None:
        self.urls = {PORTAL: urls[PORTAL]}

    @property
    def base_url(self) -> str:
        return self.urls[PORTAL]

    def prerender(self) -> None:
        """Nothing to build ahead: every page is HTML made when asked."""

    def page_count(self) -> int:
        return self.size

    def expected_reports(self) -> list[ExpectedReport]:
        out = []
        for agency in (self.city, *self.units):
            for year, report in report_series(agency, self.seed).items():
                url = self.base_url + self._report_path(agency, year)
                out.append(ExpectedReport(f"{agency.id}-{year}", agency.name, year, report["template"], "html",
                                          url, url, f"{year + 1}-01-20", report))
        return out

    def kind_of(self, target: str) -> str:
        """What a request target is: report, trap (search, calendar), news (a news list or article), platform
        (a 信息公开 page: the way to reports) or other."""
        folders = set(urlsplit(target).path.split("/"))
        if target in self.report_paths:
            return "report"
        if folders & {"search", "calendar"}:
            return "trap"
        if folders & ({code for code, _ in NEWS_COLUMNS} | {"news"}):
            return "news"
        return "platform" if folders & {"xxgk", "zwgk"} else "other"

    def get(self, target: str, host: str = PORTAL) -> Resource:
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        segments = [s for s in path.split("/") if s]
        if path in ("/", "/index.html"):
            return self._home()
        if segments[:1] == ["search"]:
            return self._search(query.get("q", [""])[0])
        if segments[:2] == ["news", "calendar"]:
            return self._calendar(query.get("date", ["2024-01-01"])[0])
        unit = self.city if segments[0] in ("news", "zwgk") else self._unit(segments[0])
        rest = segments if unit is self.city else segments[1:]
        if unit is None:
            return _not_found()
        return self._unit_page(unit, rest) or _not_found()

    # -- pages -------------------------------------------------------------------------------------

    def _unit(self, uid: str) -> Agency | None:
        return next((u for u in self.units if u.id == uid), None)

    def _root(self, unit: Agency) -> str:
        return "" if unit is self.city else f"/{unit.id}"

    def _xxgk(self, unit: Agency) -> str:
        return "/zwgk/" if unit is self.city else f"/{unit.id}/xxgk/"

    def _report_path(self, agency: Agency, year: int) -> str:
        column = "bmwj" if agency.id in self.filed else "ndbg"
        return f"{self._xxgk(agency)}fdzdgk/{column}/{year + 1}01/t{year + 1}0120_{zlib.crc32(agency.id.encode()) % 9000 + 1000}{year}.html"

    def _news_menu(self, unit: Agency) -> list[tuple[str, str]]:
        news = "/news/" if unit is self.city else f"{self._root(unit)}/"
        return [(f"{news}{code}/index.html", name) for code, name in NEWS_COLUMNS]

    def _home(self) -> Resource:
        departments = [(f"/{u.id}/index.html", u.name) for u in self.units if u.level == "department"]
        counties = [(f"/{u.id}/index.html", u.name) for u in self.units if u.level != "department"]
        body = (_links("新闻中心", self._news_menu(self.city)) + _links("政务公开", [("/zwgk/index.html", "政府信息公开")])
                + _links("新闻日历", [("/news/calendar/?date=2024-03-05", "2024年3月5日")])
                + _links("部门网站", departments) + _links("县区网站", counties))
        return _page(f"{CITY}人民政府门户网站", body)

    def _search(self, q: str) -> Resource:
        hits = [(f"/search/?q={escape(q)}{n}", f"{q}{n} 相关结果") for n in range(10)]
        return _page("站内搜索", _links("搜索结果", hits))

    def _calendar(self, day: str) -> Resource:
        try:
            date = datetime.strptime(day, "%Y-%m-%d")
        except ValueError:
            return _not_found()
        if not CALENDAR_YEARS[0] <= date.year <= CALENDAR_YEARS[1]:
            return _not_found()
        ordinal = date.toordinal()
        days = [datetime.fromordinal(ordinal + d).strftime("%Y-%m-%d") for d in (-1, 1)]
        return _page(f"新闻日历 {day}", _links("新闻日历", [(f"/news/calendar/?date={d}", d) for d in days]))

    def _unit_page(self, unit: Agency, rest: list[str]) -> Resource | None:
        if rest in ([], ["index.html"]) and unit is not self.city:
            body = _links("栏目", self._news_menu(unit) + [(f"{self._xxgk(unit)}index.html", "信息公开")])
            return _page(unit.name, body)
        head = rest[0] if rest else ""
        if unit is self.city and head == "news":
            rest = rest[1:]
            head = rest[0] if rest else ""
        if head in dict(NEWS_COLUMNS):
            return self._news(unit, head, rest[1:])
        if head in ("xxgk", "zwgk"):
            return self._platform(unit, rest[1:])
        return None

    def _news(self, unit: Agency, code: str, rest: list[str]) -> Resource | None:
        pages = self.news_pages[(unit.id, code)]
        base = f"/news/{code}/" if unit is self.city else f"{self._root(unit)}/{code}/"
        name = dict(NEWS_COLUMNS)[code]
        if len(rest) == 2:   # a news article: 202403/t20240305_12345.html
            return _page(f"{name}-{unit.name}", f"<div class='article'><h1>{unit.name}{name}</h1><p>正文。</p></div>")
        page = 0 if rest in ([], ["index.html"]) else _page_number(rest[0])
        if page is None or page >= pages:
            return None
        items = []
        for n in range(ITEMS_PER_PAGE):
            k = page * ITEMS_PER_PAGE + n
            ordinal = datetime(2024, 12, 31).toordinal() - k
            day = datetime.fromordinal(ordinal)
            items.append((f"{base}{day:%Y%m}/t{day:%Y%m%d}_{k + 10000}.html",
                          f"{unit.name}召开{('安全生产', '乡村振兴', '营商环境', '民生实事')[k % 4]}工作推进会（{k}）"))
        return _page(f"{name}-{unit.name}", _links(name, items) + _pager(base, page, pages))

    def _platform(self, unit: Agency, rest: list[str]) -> Resource | None:
        xxgk = self._xxgk(unit)
        if rest in ([], ["index.html"]):
            links = [(f"{xxgk}zn/index.html", "政府信息公开指南"), (f"{xxgk}zd/index.html", "政府信息公开制度"),
                     (f"{xxgk}fdzdgk/index.html", "法定主动公开内容")]
            body = _links("信息公开", links)
            if unit is self.city:
                body += _links("部门信息公开", [(f"{self._xxgk(u)}index.html", u.name) for u in self.units
                                               if u.id not in self.unlisted])
            return _page(f"信息公开-{unit.name}", body)
        if rest[0] in ("zn", "zd"):
            return _page(f"信息公开-{unit.name}", "<p>依照《中华人民共和国政府信息公开条例》。</p>")
        if rest[0] != "fdzdgk":
            return None
        rest = rest[1:]
        columns = [(f"{xxgk}fdzdgk/bmwj/index.html", "部门文件"), (f"{xxgk}fdzdgk/ghjh/index.html", "规划计划")]
        if unit.id not in self.filed:
            columns.append((f"{xxgk}fdzdgk/ndbg/index.html", "政府信息公开年报"))
        if rest in ([], ["index.html"]):
            return _page(f"法定主动公开内容-{unit.name}", _links("法定主动公开内容", columns))
        column, inner = rest[0], rest[1:]
        if column not in {href.split("/")[-2] for href, _ in columns}:
            return None
        reports = {self._report_path(unit, y): y for y in YEARS}
        if len(inner) == 2:
            year = reports.get(f"{xxgk}fdzdgk/{column}/{'/'.join(inner)}")
            if year is not None:
                report = report_series(unit, self.seed)[year]
                title = f"{unit.name}{year}年政府信息公开工作年度报告"
                return _page(title, f"<h1>{escape(title)}</h1>" + render_report_body(report, with_title=False))
            return _page(f"{unit.name}文件", "<p>正文。</p>") if column != "ndbg" else None
        if inner not in ([], ["index.html"]):
            return None
        items = [(path, f"{unit.name}{year}年政府信息公开工作年度报告") for path, year in reports.items()
                 if path.split("/")[-3] == column]
        if column == "bmwj":
            items += [(f"{xxgk}fdzdgk/bmwj/202{n % 5}06/t202{n % 5}0601_{n + 500}.html",
                       f"关于印发{('安全生产', '乡村振兴', '营商环境')[n % 3]}工作方案的通知（{n}）")
                      for n in range(OTHER_DOCUMENTS)]
        name = dict((href.split("/")[-2], text) for href, text in columns)[column]
        return _page(f"{name}-{unit.name}", _links(name, sorted(items, key=lambda i: i[0], reverse=True)))


def _page_number(name: str) -> int | None:
    stem = name.removesuffix(".html")
    if not stem.startswith("index_") or not stem[6:].isdigit():
        return None
    return int(stem[6:])


def _not_found() -> Resource:
    return Resource(404, b"<html><body><h1>404 Not Found</h1></body></html>")

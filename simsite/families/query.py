"""The query-string CMS family: a "网站群" site-group platform of the .NET kind (markup in ``query_pages``).

How 沧澜市 is laid out:
- one platform serves the portal at ``/`` and each department and county as a site under ``/<code>/``; the
  first county runs its own server (``county``). Lists are ``list.aspx?cid=12&page=3`` with pagers of real
  links and ``div.list-item`` rows. Details are hashed: ``/content/post_8f3a09c2d1.html`` on the portal,
  ``/<code>/202301/2f9c3b7e.shtml`` on department and county sites, ``/content/post_<n>.html`` on the county's
  own server; attachments under ``/uploadfiles/<yyyymm>/``; some list items link the PDF/DOCX/DOC itself, some
  old links (``content.aspx?id=…``) answer 301.
- sub-sites: departments on a directory page (信息公开目录, links named 沧澜市水利局 …); counties only as data
  in a script that writes their links when the page runs (home page and 信息公开 page).
- every 年报 column sits in its site's 法定主动公开内容 sub-menu, named 信息公开年报 or 政府信息公开年度报告,
  linked as ``/<code>/column/ndbg``, which answers 302 to its ``list.aspx?cid=…``.
- a sub-site's own reports are titled without its name (2020年度政府信息公开工作年度报告): the agency is the
  site's; reports of agencies a column carries for others keep their names.
- robots.txt names ``Sitemap:`` indexes of per-site sitemaps; distractors: news and notices, news by day
  (前一天/后一天 forever), 政务服务, 互动交流, a robots-disallowed search.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from simsite.families import query_pages as html
from simsite.families.base import FamilySite, Query
from simsite.families.publishing import (
    Doc,
    Habits,
    Publisher,
    hosted_for_size,
    list_items,
    plan_city,
)
from simsite.families.query_pages import Frame
from simsite.names import FAMILY_CITIES, TOPICS
from simsite.resource import CST, PORTAL, Resource

COUNTY_HOST = "county"
CITY = FAMILY_CITIES["query"]
PER_PAGE = 10
HABITS = Habits(
    titles={"{agency}{year}年度政府信息公开工作年度报告": 40, "{agency}{year}年政府信息公开工作年度报告": 60},
    own_titles={"{year}年度政府信息公开工作年度报告": 35, "{year}年政府信息公开工作年度报告": 25,
                "{agency}{year}年政府信息公开工作年度报告": 40},
    forms={"html": 50, "page-pdf": 12, "page-docx": 6, "file-pdf": 18, "file-docx": 10},
    lookalikes={"yaodian": 3, "jiedu": 3, "tujie": 2, "fazhi": 3, "qiye": 2, "tongji": 2, "tongzhi": 3, "zongjie": 3,
                "juesuan": 3, "baobiao": 2, "gongzuobaogao": 3},
    doc_form="file-doc", broken=0.6, strip_own_name=True)
OLD_LINKS = 0.08  # share of report pages a list still links by the previous CMS's content.aspx?id=…
BASE_PAGES, PAGES_PER_AGENCY = 390, 13
ROBOTS = "User-agent: *\nDisallow: /search.aspx\nDisallow: /admin/\nSitemap: {base}/sitemap.xml\n"
DAY_BROWSER = "/news/day.aspx"
CSS = "body{font:14px/1.8 'Microsoft YaHei'}.list-item{display:flex;justify-content:space-between}\n"


@dataclass
class Column:
    """A column of one site of the group: ``list.aspx?cid=…`` under the site's prefix."""

    site: Site
    cid: int
    name: str
    crumbs: tuple[tuple[str, str], ...]
    docs: list[Doc] = field(default_factory=list)

    def url(self, page: int = 1) -> str:
        return f"{self.site.prefix}list.aspx?cid={self.cid}" + (f"&page={page}" if page > 1 else "")

    def visible(self) -> list[Doc]:
        return sorted((d for d in self.docs if not d.withdrawn), key=lambda d: (d.published, d.id), reverse=True)

    def count(self) -> int:
        return max(1, math.ceil(len(self.visible()) / PER_PAGE))


@dataclass
class Site:
    """One site of the group: the portal, a department's or a county's."""

    publisher: Publisher
    host: str
    prefix: str                   # "/" or "/slj/"
    frame: Frame
    details: str                  # post-hash | shtml | post-number: how its detail URLs look
    columns: dict[int, Column] = field(default_factory=dict)
    texts: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # path -> (title, paragraphs)

    @property
    def home(self) -> str:
        return f"{self.prefix}index.aspx"

    @property
    def platform(self) -> str:
        return f"{self.prefix}xxgk/index.aspx"

    @property
    def submenu(self) -> str:
        return f"{self.prefix}xxgk/fdzdgknr.aspx"

    @property
    def column_link(self) -> str:
        return f"{self.prefix}column/ndbg"


class QuerySite(FamilySite):
    """The query-string CMS family (see the module docstring)."""

    name = "query"
    hosts = (PORTAL, COUNTY_HOST)
    index_document = "index.aspx"

    def _build(self) -> list[Publisher]:
        rng = self.rng
        self._serial = 1000 + rng.randrange(9000)
        self._last_cid = 10
        plan = plan_city(CITY, rng, hosted_for_size(self.size, BASE_PAGES, PAGES_PER_AGENCY))
        plan.counties[0].host = COUNTY_HOST
        self._doc_fixture_for(plan.departments[0].agency)
        self.plan = plan
        self.sites = [self._site(p) for p in plan.publishers]
        self.portal = self.sites[0]
        self.reports = {s.publisher.id: self._report_column(s) for s in self.sites}
        for site in self.sites:
            self._fill(site)
        self.news = self._content(self.portal, "新闻动态", 24, "{city}召开{topic}工作会议",
                                  ("{city}召开{year}年度政务公开工作推进会", "{city}发布{year}年国民经济和社会发展统计公报"))
        self.notices = self._content(self.portal, "通知公告", 8, "关于{topic}有关事项的通知",
                                     ("关于开展{year}年度企业年报公示工作的通知",))
        self.policies = self._content(self.portal, "政策文件", 10, "{city}人民政府办公室关于推进{topic}的实施意见", ())
        self.portal.frame = Frame(self.portal.frame.site_name, self.portal.home,
                                  (("/index.aspx", "首页"), (self.portal.platform, "信息公开"), (self.news.url(), "新闻动态"),
                                   ("/zwfw.aspx", "政务服务"), ("/hdjl.aspx", "互动交流")))
        self._route_all()
        return plan.publishers

    # -- who is where ------------------------------------------------------------------------------

    def _site(self, publisher: Publisher) -> Site:
        own_root = publisher.level == "city" or publisher.host == COUNTY_HOST
        prefix = "/" if own_root else f"/{publisher.id}/"
        details = "post-hash" if publisher.level == "city" else "post-number" if own_root else "shtml"
        nav = ((f"{prefix}index.aspx", "首页"), (f"{prefix}xxgk/index.aspx", "信息公开"))
        if not own_root:
            nav += ((self.link(publisher.host, PORTAL, "/index.aspx"), f"{CITY.city}人民政府"),)
        site = Site(publisher, publisher.host, prefix, Frame(publisher.name, f"{prefix}index.aspx", nav), details)
        name = publisher.name
        site.texts = {
            f"{prefix}xxgk/zn.aspx": ("政府信息公开指南", (f"为便于公民、法人和其他组织获取{name}的政府信息，编制本指南。",)),
            f"{prefix}xxgk/ysq.aspx": ("依申请公开", ("申请人可通过在线申请、信函申请等方式提出申请。",)),
            f"{prefix}xxgk/jgxx.aspx": ("机构信息", (f"{name}主要职责、内设机构和领导分工。",)),
        }
        return site

    def _new_column(self, site: Site, name: str, crumbs: tuple[tuple[str, str], ...]) -> Column:
        self._last_cid += self.rng.randint(1, 9)
        column = Column(site, self._last_cid, name, crumbs)
        site.columns[column.cid] = column
        return column

    def _report_column(self, site: Site) -> Column:
        name = "信息公开年报" if site.publisher.level == "city" else "政府信息公开年度报告"
        crumbs = ((site.home, "首页"), (site.platform, "信息公开"), (site.submenu, "法定主动公开内容"))
        column = self._new_column(site, name, crumbs)
        column.docs = site.publisher.docs
        return column

    # -- what each column holds --------------------------------------------------------------------

    def _fill(self, site: Site) -> None:
        for doc in self._publish(site.publisher, HABITS):
            self._place(site, doc)

    def _place(self, site: Site, doc: Doc) -> None:
        """Hashed detail paths in the site's style; attachments under /uploadfiles/<yyyymm>/."""
        stamp, digest = doc.published, hashlib.sha1(f"{self.seed}/{doc.id}".encode()).hexdigest()
        doc.host = site.host
        if doc.kind == "report" and doc.fmt != "html":
            doc.file = f"/uploadfiles/{stamp:%Y%m}/{digest[10:26]}.{doc.fmt}"
        if site.details == "post-hash":
            page = f"/content/post_{digest[:10]}.html"
        elif site.details == "shtml":
            page = f"{site.prefix}{stamp:%Y%m}/{digest[:8]}.shtml"
        else:
            self._serial += self.rng.randint(1, 50)
            page = f"/content/post_{self._serial}.html"
        doc.page = None if doc.linked_file or doc.kind == "broken" else page
        doc.href = doc.page or doc.file or page
        if doc.kind == "report" and doc.page and self.rng.random() < OLD_LINKS:
            doc.href = f"{site.prefix}content.aspx?id={self.rng.randrange(10_000, 99_999)}"

    def _content(self, site: Site, name: str, count: int, pattern: str, special: tuple[str, ...]) -> Column:
        """An ordinary column of the portal: pages that never lead to reports."""
        rng = self.rng
        column = self._new_column(site, name, ((site.home, "首页"),))
        topics = rng.sample(TOPICS, len(TOPICS))
        for n in range(count):
            published = datetime(2024, rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 18), tzinfo=CST)
            topic = topics[n % len(topics)]
            title = (special[n] if n < len(special) else pattern).format(city=CITY.city, topic=topic,
                                                                        year=published.year - 1)
            doc = Doc(f"c{column.cid}-{n}", "page", title, published,
                      prose=(f"{title}。", f"各有关单位要进一步提高认识，扎实做好{topic}各项工作。"))
            self._docs[doc.id] = doc
            self._place(site, doc)
            column.docs.append(doc)
        return column

    # -- routes ------------------------------------------------------------------------------------

    def _route_all(self) -> None:
        for host in self.hosts:
            self._route(host, "/robots.txt", lambda q, h=host: Resource(
                200, ROBOTS.format(base=self.urls[h]).encode(), "text/plain; charset=utf-8"), 0)
            self._route(host, "/sitemap.xml", lambda q, h=host: self._sitemap_index(h), 0)
            self._route(host, "/static/css/main.css", lambda q: Resource(200, CSS.encode(), "text/css"), 0)
            self._route(host, "/search.aspx", lambda q, h=host: self._search(h, q), 0)
            for path, title in (("/sitemap.aspx", "网站地图"), ("/about.aspx", "关于我们")):
                self._route(host, path, lambda q, h=host, p=path, t=title: self._site_map(h, p, t))
        for path, title, text in (("/zwfw.aspx", "政务服务", "个人办事、法人办事、部门服务，请登录省政务服务网办理。"),
                                  ("/hdjl.aspx", "互动交流", "市长信箱、在线访谈、征集调查。")):
            self._route(PORTAL, path, lambda q, p=path, t=title, x=text: self._text(self.portal, p, t, (x,)))
        self._route(PORTAL, "/index.aspx", lambda q: self._home())
        self._route(PORTAL, "/xxgk/ml.aspx", lambda q: self._directory())
        self._route(PORTAL, DAY_BROWSER, self._day, 0)
        for site in self.sites:
            self._route_site(site)

    def _route_site(self, site: Site) -> None:
        host = site.host
        if site is not self.portal:
            self._route(host, site.home, lambda q, s=site: self._site_home(s))
        self._route(host, site.platform, lambda q, s=site: self._platform(s))
        self._route(host, site.submenu, lambda q, s=site: self._submenu(s))
        self._route(host, site.column_link, lambda q, s=site: self._redirect(self.reports[s.publisher.id].url()), 0)
        self._route(host, f"{site.prefix}sitemap_{site.publisher.id}.xml", lambda q, s=site: self._sitemap(s), 0)
        self._route(host, f"{site.prefix}list.aspx", lambda q, s=site: self._list(s, q),
                    lambda s=site: sum(c.count() for c in s.columns.values()))
        for path, (title, paragraphs) in site.texts.items():
            self._route(host, path, lambda q, s=site, p=path, t=title, x=paragraphs: self._text(s, p, t, x))
        for column in site.columns.values():
            for doc in column.docs:
                if doc.page:
                    self._route(host, doc.page, lambda q, c=column, d=doc: self._detail(c, d))
                if doc.file:
                    self._route(host, doc.file, lambda q, d=doc: self._file(d))
                if doc.href not in (doc.page, doc.file) and doc.kind != "broken":
                    self._route(host, doc.href.split("?")[0], lambda q, s=site: self._old_link(s, q), 0)

    # -- pages -------------------------------------------------------------------------------------

    def _page(self, site: Site, title: str, body: str, modified: datetime | None = None) -> Resource:
        return self._html(html.page(site.frame, title, body), modified=modified)

    def _county_sites(self, on_host: str) -> list[tuple[str, str]]:
        """(name, URL) of every county's 信息公开 page, as a page on ``on_host`` links them."""
        return [(s.publisher.name.removesuffix("人民政府"), self.link(on_host, s.host, s.platform))
                for s in self.sites if s.publisher.level == "county"]

    def _home(self) -> Resource:
        body = (html.latest(self.news.name, self.news.url(), list_items(self.news.visible()[:8]))
                + html.latest(self.notices.name, self.notices.url(), list_items(self.notices.visible()[:6]))
                + html.latest("按日期浏览", f"{DAY_BROWSER}?date=2024-12-31", [])
                + html.script_sites("县区网站", "xqwz", self._county_sites(PORTAL)))
        return self._page(self.portal, f"{CITY.city}人民政府门户网站", body)

    def _site_home(self, site: Site) -> Resource:
        column = self.reports[site.publisher.id]
        body = html.latest("信息公开", site.platform, list_items(column.visible()[:5]))
        return self._page(site, site.frame.site_name, body)

    def _platform(self, site: Site) -> Resource:
        links = [(f"{site.prefix}xxgk/zn.aspx", "政府信息公开指南"), (site.submenu, "法定主动公开内容"),
                 (f"{site.prefix}xxgk/ysq.aspx", "依申请公开")]
        side = ""
        if site is self.portal:
            links.append(("/xxgk/ml.aspx", "信息公开目录"))
            side = html.script_sites("县区政府信息公开", "xqxxgk", self._county_sites(PORTAL))
        body = html.menu_page(((site.home, "首页"), (site.platform, "信息公开")), "政府信息公开", links, side)
        return self._page(site, f"政府信息公开-{site.frame.site_name}", body)

    def _submenu(self, site: Site) -> Resource:
        column = self.reports[site.publisher.id]
        links = [(f"{site.prefix}xxgk/jgxx.aspx", "机构信息")]
        if site is self.portal:
            links.append((self.policies.url(), self.policies.name))
        links.append((site.column_link, column.name))
        path = ((site.home, "首页"), (site.platform, "信息公开"), (site.submenu, "法定主动公开内容"))
        return self._page(site, f"法定主动公开内容-{site.frame.site_name}", html.menu_page(path, "法定主动公开内容", links))

    def _directory(self) -> Resource:
        departments = [(s.platform, s.publisher.name) for s in self.sites if s.publisher.level == "department"]
        body = html.directory(((self.portal.home, "首页"), (self.portal.platform, "信息公开")), "信息公开目录",
                              [("市政府部门", departments)])
        return self._page(self.portal, "信息公开目录", body)

    def _text(self, site: Site, path: str, title: str, paragraphs: tuple[str, ...]) -> Resource:
        body = html.crumbs(((site.home, "首页"), (path, title))) + f'<div class="text-page"><h2>{title}</h2>\n' \
            + html.prose(paragraphs) + "</div>\n"
        return self._page(site, f"{title}-{site.frame.site_name}", body)

    def _site_map(self, host: str, path: str, title: str) -> Resource:
        sites = [s for s in self.sites if s.host == host]
        links = [(s.home, s.frame.site_name) for s in sites] + [(s.platform, f"{s.frame.site_name}信息公开")
                                                                 for s in sites]
        return self._page(sites[0], title, html.menu_page(((sites[0].home, "首页"),), title, links))

    def _list(self, site: Site, query: Query) -> Resource:
        try:
            column = site.columns[int(query.get("cid", [""])[0])]
            page = int(query.get("page", ["1"])[0])
        except (KeyError, ValueError):
            return self._not_found()
        count = column.count()
        if not 1 <= page <= count:
            return self._not_found()
        items = list_items(column.visible()[(page - 1) * PER_PAGE:page * PER_PAGE])
        pages = [(column.url(1), "首页")] + ([(column.url(page - 1), "上一页")] if page > 1 else [])
        pages += [(column.url(n), str(n)) for n in range(max(1, page - 3), min(count, page + 3) + 1)]
        pages += ([(column.url(page + 1), "下一页")] if page < count else []) + [(column.url(count), "尾页")]
        body = html.list_page(column.crumbs + ((column.url(), column.name),), column.name, items, pages, page, count)
        return self._page(site, f"{column.name}-{site.frame.site_name}", body)

    def _detail(self, column: Column, doc: Doc) -> Resource:
        if doc.withdrawn:
            return self._not_found()
        attachment = None
        if doc.kind != "report":
            content = html.prose(doc.prose)
        elif doc.file:
            attachment = (doc.file, f"{doc.title}.{doc.fmt}")
            content = html.prose(("详见附件。",))
        else:
            content = self._report_content(doc)
        source = doc.agency.name if doc.agency else column.site.publisher.name
        body = html.article(column.crumbs + ((column.url(), column.name),), doc.title, source,
                            f"{doc.published:%Y-%m-%d %H:%M}", content, attachment)
        if self._pictured(doc):
            body = self._decorated(body, column.site.frame.site_name)
        return self._page(column.site, f"{doc.title}-{column.site.frame.site_name}", body, self._doc_modified(doc))

    def _picture_location(self, doc: Doc, name: str) -> tuple[str, str]:
        """The group keeps every site's uploads on the portal's file area, county sites' too."""
        return PORTAL, f"/uploads/{doc.published:%Y/%m}/{name}.png"

    def _old_link(self, site: Site, query: Query) -> Resource:
        """The previous CMS's content.aspx?id=… addresses answer 301 with the new page."""
        wanted = f"{site.prefix}content.aspx?id={query.get('id', [''])[0]}"
        doc = next((d for d in self.reports[site.publisher.id].docs if d.href == wanted), None)
        if doc is None or doc.withdrawn:
            return self._not_found()
        return self._redirect(doc.page, 301)

    def _day(self, query: Query) -> Resource:
        """News of one day, with 前一天/后一天 links that go on for ever."""
        try:
            day = datetime.strptime(query.get("date", ["2024-12-31"])[0], "%Y-%m-%d")
        except ValueError:
            return self._not_found()
        items = [d for d in self.news.visible() if d.published.date() == day.date()]
        before, after = day - timedelta(days=1), day + timedelta(days=1)
        body = html.day_browser("按日期浏览", f"{day:%Y-%m-%d}", f"{DAY_BROWSER}?date={before:%Y-%m-%d}",
                                f"{DAY_BROWSER}?date={after:%Y-%m-%d}", list_items(items))
        return self._page(self.portal, f"按日期浏览 {day:%Y-%m-%d}", body)

    def _search(self, host: str, query: Query) -> Resource:
        keyword = query.get("keyword", [""])[0]
        hits = [d for d in self._docs.values() if keyword and keyword in d.title and d.host == host
                and d.kind != "broken" and not d.withdrawn][:10]
        site = next(s for s in self.sites if s.host == host and s.prefix == "/")
        return self._page(site, "搜索结果", html.search_results(keyword, list_items(hits)))

    # -- sitemaps ----------------------------------------------------------------------------------

    def _sitemap_index(self, host: str) -> Resource:
        urls = [self.url(host, f"{s.prefix}sitemap_{s.publisher.id}.xml") for s in self.sites if s.host == host]
        return Resource(200, html.sitemap_index(urls).encode(), "application/xml",
                        last_modified=self.clock.changed_at)

    def _sitemap(self, site: Site) -> Resource:
        """A site's pages: its home, platform, sub-menu, first list pages, and every article it shows."""
        stamp = f"{self.clock.changed_at:%Y-%m-%d}"
        entries = [(self.url(site.host, p), stamp) for p in (site.home, site.platform, site.submenu)]
        entries += [(self.url(site.host, c.url()), stamp) for c in site.columns.values()]
        entries += [(self.url(site.host, d.page), f"{d.published:%Y-%m-%d}") for c in site.columns.values()
                    for d in c.visible() if d.page]
        return Resource(200, html.sitemap(entries).encode(), "application/xml", last_modified=self.clock.changed_at)

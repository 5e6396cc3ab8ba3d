"""The Hanweb JCMS (大汉) family: a city portal and its department and county sites as one JCMS site group
(markup in ``hanweb_pages``).

How 岚州市 is laid out:
- every column is ``/col/col<N>/index.html`` (numbers only, no words in any path); its list items exist only as
  CDATA records of a ``<script type="text/xml">`` datastore (page 1 inline); later pages come from
  ``/module/web/jpage/dataproxy.jsp?…&startrecord=16&endrecord=30&perpage=15`` (GET or POST) as the same XML;
  the pager is written by the jpage script. Details are ``/art/2023/1/30/art_<col>_<id>.html``.
- the home page footer lists the departments' sites under 部门网站 (links named 市审计局 …) and the counties
  in a 县区网站 drop-down (``<option value="http://…">``, opened by its onchange script); the first county runs
  its own JCMS on another host (``county``).
- each site's 信息公开 page is a tabbed block: the 年报 tab (named 政府信息公开工作年度报告, 年度报告 … as each
  site words it) has no link but its pane's 更多, which for departments is ``/col/col<N>`` and answers 301.
- report titles write the year 2020 or 二〇二〇, some say 年度政府信息公开工作报告; attachments come from
  ``/module/download/downfile.jsp?classid=0&filename=….pdf`` as octet-stream downloads, and list items that
  link a file straight point at ``/picture/0/….pdf``.
- distractors: 新闻动态 and 通知公告 (datastores too), 政策文件, a 政务日历 whose 上一月/下一月 never run out,
  a 领导信箱 form, a robots-disallowed search.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote

from simsite.families import hanweb_pages as html
from simsite.families.base import FamilySite, Query
from simsite.families.hanweb_pages import Frame
from simsite.families.publishing import (
    Doc,
    Habits,
    Publisher,
    hosted_for_size,
    list_items,
    plan_city,
)
from simsite.names import FAMILY_CITIES, TOPICS
from simsite.resource import CST, PORTAL, Resource

COUNTY_HOST = "county"
CITY = FAMILY_CITIES["hanweb"]
HABITS = Habits(
    titles={"{agency}{year}年政府信息公开工作年度报告": 60, "{agency}{cn_year}年政府信息公开工作年度报告": 20,
            "{agency}{year}年度政府信息公开工作报告": 10, "{agency}{year}年政府信息公开年报": 10},
    forms={"html": 60, "page-pdf": 14, "page-docx": 6, "file-pdf": 14, "file-docx": 6},
    lookalikes={"yaodian": 4, "jiedu": 4, "tujie": 3, "fazhi": 4, "draft": 1, "zongjie": 3, "baobiao": 3,
                "tongzhi": 4, "gongzuobaogao": 4},
    doc_form="page-doc")
COLUMN_NAMES = ("年度报告", "政府信息公开年报", "信息公开年度报告")
BASE_PAGES, PAGES_PER_AGENCY = 380, 14
PER_PAGE, GROUP_SIZE = 15, 3
ROBOTS = "User-agent: *\nDisallow: /jrobot/\nDisallow: /module/hlw/submit.jsp\n"
DOWNLOAD = "/module/download/downfile.jsp"
CALENDAR = "/module/calendar/index.jsp"
MAILBOX = "/module/hlw/index.jsp"


@dataclass
class Column:
    """A JCMS column: a list of documents behind one number, or a page of text."""

    host: str
    id: int
    unit: int                              # the list module's unitid
    webid: int
    name: str
    crumbs: tuple[tuple[str, str], ...]    # ancestors, home first
    frame: Frame
    docs: list[Doc] = field(default_factory=list)
    text: tuple[str, ...] = ()             # a text column (指南, 制度) has no list
    source: str = ""

    @property
    def path(self) -> str:
        return f"/col/col{self.id}/index.html"

    def visible(self) -> list[Doc]:
        return sorted((d for d in self.docs if not d.withdrawn), key=lambda d: (d.published, d.id), reverse=True)


@dataclass
class Web:
    """One JCMS site of the group (a webid): the portal's own, a department's or a county's."""

    publisher: Publisher
    host: str
    webid: int
    frame: Frame
    platform: str                          # path of its 信息公开 page (tabs)
    column: Column                         # its 年报 column
    column_link: str                       # what its 年报 tab's 更多 links
    tabs: list[Column] = field(default_factory=list)

    @property
    def home(self) -> str:
        return self.frame.home


class HanwebSite(FamilySite):
    """The Hanweb JCMS family (see the module docstring)."""

    name = "hanweb"
    hosts = (PORTAL, COUNTY_HOST)

    def _build(self) -> list[Publisher]:
        rng = self.rng
        self._last_id = 1000 + rng.randrange(3000)
        self._serial = 50_000 + rng.randrange(400_000)
        self.columns: dict[tuple[str, int], Column] = {}
        plan = plan_city(CITY, rng, hosted_for_size(self.size, BASE_PAGES, PAGES_PER_AGENCY))
        plan.counties[0].host = COUNTY_HOST
        self._doc_fixture_for(plan.departments[0].agency)
        self.plan = plan
        self.webs = [self._web(p, n) for n, p in enumerate(plan.publishers)]
        for web in self.webs:
            self._fill(web)
        self.portal, self.county = self.webs[0], self._web_of(plan.counties[0])
        self.news = self._content(self.portal, "新闻动态", 24, "{city}召开{topic}工作推进会",
                                  ("{city}召开{year}年度政务公开工作推进会", "市政府常务会议审议《{next}年政府工作报告（征求意见稿）》"))
        self.notices = self._content(self.portal, "通知公告", 8, "关于做好{topic}工作的通知",
                                     ("关于做好{year}年度政府信息公开工作年度报告编制发布工作的补充通知",))
        self.policies = self._content(self.portal, "政策文件", 10, "{city}人民政府关于加强{topic}工作的意见",
                                      ("{city}人民政府办公室关于印发{city}{next}年政务公开工作要点的通知",))
        self.county_news = self._content(self.county, "工作动态", 6, "{county}推进{topic}工作", ())
        self.portal.frame.nav = ((self.portal.home, "首页"), (self.portal.platform, "政务公开"),
                                 (self.news.path, "新闻动态"), (MAILBOX, "互动交流"), (CALENDAR, "政务日历"))
        self.county.frame.nav += ((self.county_news.path, "工作动态"),)
        for web in self.webs:
            web.tabs = self._tabs(web)
        self._route_all()
        return plan.publishers

    # -- who is where ------------------------------------------------------------------------------

    def _new_id(self) -> int:
        self._last_id += self.rng.randint(1, 40)
        return self._last_id

    def _col(self, host: str, webid: int, frame: Frame, name: str, crumbs: tuple[tuple[str, str], ...],
             text: tuple[str, ...] = (), source: str = "") -> Column:
        col_id = self._new_id()
        column = Column(host, col_id, col_id + 4000 + self.rng.randrange(90), webid, name, crumbs, frame,
                        text=text, source=source)
        self.columns[(host, col_id)] = column
        return column

    def _col_of(self, web: Web, name: str, text: tuple[str, ...] = (), under_platform: bool = True) -> Column:
        """A new column of ``web``; one of its 信息公开 tabs has the 信息公开 page in its breadcrumb."""
        crumbs = ((web.home, "首页"),) + (((web.platform, "信息公开"),) if under_platform else ())
        return self._col(web.host, web.webid, web.frame, name, crumbs, text, web.publisher.name)

    def _web(self, publisher: Publisher, n: int) -> Web:
        """A JCMS site: the city's and the own-host county's at /index.html, the others at a column number."""
        own_home = publisher.level == "city" or publisher.host == COUNTY_HOST
        home = "/index.html" if own_home else f"/col/col{self._new_id()}/index.html"
        platform = f"/col/col{self._new_id()}/index.html"
        nav = () if publisher.level == "city" else (
            (home, "首页"), (platform, "信息公开"),
            (self.link(publisher.host, PORTAL, "/index.html"), CITY.government))
        frame = Frame(publisher.name, f"36{11 + n:02d}000001", home, nav)
        name = ("政府信息公开工作年度报告" if publisher.level == "city"
                else COLUMN_NAMES[zlib.crc32(publisher.id.encode()) % len(COLUMN_NAMES)])
        webid = 1 if own_home else n + 1
        column = self._col(publisher.host, webid, frame, name, ((home, "首页"), (platform, "信息公开")),
                           source=publisher.name)
        column.docs = publisher.docs
        # JCMS answers a column asked without index.html and slash with a 301; departments link it so.
        link = column.path if own_home else f"/col/col{column.id}"
        return Web(publisher, publisher.host, webid, frame, platform, column, link)

    def _web_of(self, publisher: Publisher) -> Web:
        return next(w for w in self.webs if w.publisher is publisher)

    # -- what each column holds --------------------------------------------------------------------

    def _fill(self, web: Web) -> None:
        for doc in self._publish(web.publisher, HABITS):
            self._place(web.column, doc)

    def _place(self, column: Column, doc: Doc) -> None:
        """JCMS paths: /art/Y/M/D/art_<col>_<id>.html; files by downfile.jsp, or /picture/0/… when lists
        link them straight."""
        rng, stamp = self.rng, doc.published
        self._serial += rng.randint(1, 300)
        page = f"/art/{stamp.year}/{stamp.month}/{stamp.day}/art_{column.id}_{self._serial}.html"
        doc.host = column.host
        if doc.kind == "report" and doc.fmt != "html":
            name = f"{stamp:%y%m%d}{rng.randrange(10 ** 9, 10 ** 10)}.{doc.fmt}"
            doc.file = f"/picture/0/{name}" if doc.linked_file else f"{DOWNLOAD}?classid=0&filename={name}"
        doc.page = None if doc.linked_file or doc.kind == "broken" else page
        doc.href = doc.page or doc.file or page

    def _content(self, web: Web, name: str, count: int, pattern: str, special: tuple[str, ...]) -> Column:
        """An ordinary column of the site (news, notices, policies): pages that never lead to reports."""
        rng = self.rng
        column = self._col_of(web, name, under_platform=name == "政策文件")
        topics = rng.sample(TOPICS, len(TOPICS))
        county = self.plan.counties[0].name.removesuffix("人民政府")
        for n in range(count):
            published = datetime(2024, rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 18), tzinfo=CST)
            title = (special[n] if n < len(special) else pattern).format(
                city=CITY.city, county=county, topic=topics[n % len(topics)], year=published.year - 1,
                next=published.year)
            doc = Doc(f"col{column.id}-{n}", "page", title, published,
                      prose=(f"{title}。", f"会议强调，要把{topics[n % len(topics)]}工作抓实抓细，确保各项任务落地见效。"))
            self._docs[doc.id] = doc
            self._place(column, doc)
            column.docs.append(doc)
        return column

    def _tabs(self, web: Web) -> list[Column]:
        """The columns of a site's 信息公开 tabs, the 年报 column among them."""
        guide = self._col_of(web, "政府信息公开指南",
                          (f"本指南依据《中华人民共和国政府信息公开条例》编制，适用于{web.publisher.name}。",))
        apply = self._col_of(web, "依申请公开", ("申请人可以通过网上申请、信函申请、当面申请等方式提出政府信息公开申请。",))
        statutory = self.policies if web is self.portal else self._col_of(
            web, "法定主动公开内容", (f"{web.publisher.name}机构职能、领导信息、内设机构。",))
        return [statutory, web.column, guide, apply]

    # -- routes ------------------------------------------------------------------------------------

    def _route_all(self) -> None:
        for host in self.hosts:
            self._route(host, "/robots.txt", lambda q: Resource(200, ROBOTS.encode(), "text/plain"), 0)
            self._route(host, "/module/jslib/jquery/jquery.js",
                        lambda q: Resource(200, html.JQUERY_JS.encode(), "application/javascript"), 0)
            self._route(host, "/module/jslib/jquery/jpage/jquery.jpage.js",
                        lambda q: Resource(200, html.JPAGE_JS.encode(), "application/javascript"), 0)
            self._route(host, html.PROXY, lambda q, h=host: self._proxy(h, q), lambda h=host: self._proxy_pages(h))
            self._route(host, DOWNLOAD, lambda q, h=host: self._download(h, q), 0)
            self._route(host, "/jrobot/search.do", lambda q, h=host: self._search(h, q), 0)
        self._route(PORTAL, "/index.html", lambda q: self._home())
        self._route(PORTAL, MAILBOX, lambda q: self._mailbox())
        self._route(PORTAL, CALENDAR, self._calendar, 0)
        self._route(COUNTY_HOST, "/index.html", lambda q: self._county_home())
        for web in self.webs:
            if web.home != "/index.html":
                self._route(web.host, web.home, lambda q, w=web: self._sub_home(w))
            self._route(web.host, web.platform, lambda q, w=web: self._platform(w))
        for column in self.columns.values():
            if column.text:
                self._route(column.host, column.path, lambda q, c=column: self._text(c))
            else:
                self._route(column.host, column.path, lambda q, c=column: self._list(c))
            for doc in column.docs:
                if doc.page:
                    self._route(column.host, doc.page, lambda q, c=column, d=doc: self._detail(c, d))
                if doc.file and doc.linked_file:
                    self._route(column.host, doc.file, lambda q, d=doc: self._file(d))

    # -- pages -------------------------------------------------------------------------------------

    def _page(self, frame: Frame, title: str, body: str, column: str = "", article: tuple[str, str] | None = None,
              modified: datetime | None = None) -> Resource:
        return self._html(html.page(frame, title, body, column, article), modified=modified)

    def _home(self) -> Resource:
        web = self.portal
        departments = [(w.home, w.publisher.short) for w in self.webs if w.publisher.level == "department"]
        counties = [(self.url(w.host, w.home), w.publisher.name.removesuffix("人民政府"))
                    for w in self.webs if w.publisher.level == "county"]
        footer = html.link_list("部门网站", departments, "bmwz") + html.site_select("县区网站", counties)
        frame = Frame(web.frame.site_name, web.frame.site_code, web.home, web.frame.nav, footer)  # the home's own
        body = html.blocks([(c.name, c.path, list_items(c.visible()[:7])) for c in (self.news, self.notices)])
        body += html.blocks([("政务日历", CALENDAR, [])])
        return self._page(frame, f"{CITY.government}门户网站", body)

    def _county_home(self) -> Resource:
        web = self.county
        body = html.blocks([(self.county_news.name, self.county_news.path,
                             list_items(self.county_news.visible()[:6])),
                            ("信息公开", web.platform, list_items(web.column.visible()[:4]))])
        return self._page(web.frame, web.frame.site_name, body)

    def _sub_home(self, web: Web) -> Resource:
        body = html.blocks([("信息公开", web.platform, list_items(web.column.visible()[:5]))])
        body += html.prose((f"{web.publisher.name}欢迎您。",))
        return self._page(web.frame, web.frame.site_name, body, web.publisher.short)

    def _platform(self, web: Web) -> Resource:
        panes = [(c.name, web.column_link if c is web.column else c.path, list_items(c.visible()[:5]))
                 for c in web.tabs]
        body = html.position(((web.home, "首页"), (web.platform, "信息公开"))) + html.tabs(panes)
        return self._page(web.frame, f"信息公开_{web.frame.site_name}", body, "信息公开")

    def _text(self, column: Column) -> Resource:
        body = (html.position(column.crumbs + ((column.path, column.name),))
                + f'<div class="lm-title">{column.name}</div>\n' + html.prose(column.text))
        return self._page(column.frame, f"{column.name}_{column.frame.site_name}", body, column.name)

    def _store(self, column: Column, start: int, end: int) -> str:
        """The datastore of records ``start``..``end`` (1-based, inclusive)."""
        records = [html.record(r, 20) for r in list_items(column.visible()[start - 1:end])]
        return html.datastore(records, html.nextgroup(column.webid, column.id, column.unit,
                                                      quote(column.frame.site_name)))

    def _list(self, column: Column) -> Resource:
        total = len(column.visible())
        body = html.column_page(column.crumbs + ((column.path, column.name),), column.name, column.unit,
                                self._store(column, 1, PER_PAGE), PER_PAGE, total, column.webid, column.id)
        return self._page(column.frame, f"{column.name}_{column.frame.site_name}", body, column.name)

    def _proxy(self, host: str, query: Query) -> Resource:
        """The data proxy: records startrecord..endrecord of a column, as the datastore XML."""
        try:
            column = self.columns[(host, int(query.get("columnid", ["0"])[0]))]
            per = int(query.get("perpage", [str(PER_PAGE)])[0])
            start = max(1, int(query.get("startrecord", ["1"])[0]))
            end = int(query.get("endrecord", [str(start + per * GROUP_SIZE - 1)])[0])
        except (KeyError, ValueError):
            return self._not_found()
        if column.text:
            return self._not_found()
        return Resource(200, html.proxy_answer(self._store(column, start, end)).encode(), "text/xml; charset=UTF-8",
                        last_modified=self.clock.changed_at)

    def _proxy_pages(self, host: str) -> int:
        """The proxy's pages a list's jpage asks for: one per page after the first of every list column."""
        return sum(max(0, math.ceil(len(c.visible()) / PER_PAGE) - 1) for (h, _), c in self.columns.items()
                   if h == host and not c.text)

    def _download(self, host: str, query: Query) -> Resource:
        name = query.get("filename", [""])[0]
        doc = next((d for d in self.entries("report") if d.host == host and d.file
                    and d.file.endswith(f"filename={name}")), None)
        if doc is None or not name:
            return self._not_found()
        return self._file(doc, download_name=f"{doc.title}.{doc.fmt}")

    def _detail(self, column: Column, doc: Doc) -> Resource:
        if doc.withdrawn:
            return self._not_found()
        stable = zlib.crc32(doc.id.encode())
        source = doc.agency.name if doc.agency else column.source
        meta = (("索引号", f"{column.webid:03d}{stable % 10 ** 6:06d}/{doc.published:%Y}-{stable % 997:05d}"),
                ("主题分类", "政务公开"), ("发布机构", source), ("生成日期", f"{doc.published:%Y-%m-%d}"),
                ("名称", doc.title), ("文号", ""))
        attachment = None
        if doc.kind != "report":
            content = html.prose(doc.prose)
        elif doc.file:
            attachment = (doc.file, f"{doc.title}.{doc.fmt}")
            content = html.prose((f"现将{doc.title}予以公布。",)) if stable % 2 else ""
        else:
            content = self._report_content(doc)
        crumbs = column.crumbs + ((column.path, column.name),)
        date_line = f"发布日期：{doc.published:%Y-%m-%d %H:%M}　来源：{source}"
        body = html.article(crumbs, doc.title, meta, date_line, content, attachment)
        if self._pictured(doc):
            body = self._decorated(body, column.frame.site_name)
        return self._page(column.frame, doc.title, body, column.name,
                          (doc.title, f"{doc.published:%Y-%m-%d %H:%M}"), self._doc_modified(doc))

    def _picture_location(self, doc: Doc, name: str) -> tuple[str, str]:
        """JCMS keeps uploads in /picture/0/, as it does attachments linked straight."""
        return doc.host, f"/picture/0/{doc.published:%y%m%d}{name}.png"

    def _calendar(self, query: Query) -> Resource:
        """Any month answers, with links to the month before and after: a walk along it never ends."""
        try:
            year, month = int(query.get("year", ["2025"])[0]), int(query.get("month", ["4"])[0])
        except ValueError:
            year, month = 2025, 4
        month = min(max(month, 1), 12)
        before = (year - 1, 12) if month == 1 else (year, month - 1)
        after = (year + 1, 1) if month == 12 else (year, month + 1)
        body = html.calendar("政务日历", year, month, f"{CALENDAR}?year={before[0]}&month={before[1]}",
                             f"{CALENDAR}?year={after[0]}&month={after[1]}")
        return self._page(self.portal.frame, f"政务日历_{year}年{month}月", body, "政务日历")

    def _mailbox(self) -> Resource:
        return self._page(self.portal.frame, "互动交流", html.mailbox("市长信箱", "/module/hlw/submit.jsp"), "互动交流")

    def _search(self, host: str, query: Query) -> Resource:
        keyword = query.get("q", [""])[0]
        hits = [d for d in self._docs.values() if keyword and keyword in d.title and d.host == host
                and d.kind != "broken" and not d.withdrawn][:10]
        return self._page(self.portal.frame, "检索结果", html.search_results(keyword, list_items(hits)))


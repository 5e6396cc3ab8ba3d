"""The TRS WCM family: a city portal published by TRS WCM as static files (markup in ``trs_pages``).

How 云州市 is laid out:
- portal ``/index.html`` → 政务公开 ``/zwgk/``: the 政府信息公开 platform, a left-nav tree whose
  政府信息公开年报 opens the city's column, and blocks headed 部门信息公开 and 县区信息公开 whose links are the
  agency names alone (市教育局, 淯阳县人民政府). There is no directory page.
- departments at ``/zwgk/bmxxgk/<id>/``, each column named in the department's own words, in its tree at the
  top or inside the 法定主动公开内容 sub-menu; counties at ``/zwgk/xqxxgk/<id>/`` with table lists.
- the first county runs its own TRS site on another host (``county``); the second is served in GBK with no
  charset in the HTTP header and none, or gb2312 (wrong: its name is not in GB2312), in its pages.
- columns are folders: index.html, index_1.html, … whose pager is only ``createPageHTML(…)``; documents
  ``./YYYYMM/tYYYYMMDD_ID.html``, attachments ``./YYYYMM/P0….pdf``; some list items link the file itself.
- distractors: 新闻中心 and 通知公告 columns, 政策文件, 互动交流 (市长信箱, 在线访谈), 政务服务, a
  robots-disallowed search, 网站地图.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field
from datetime import datetime

from simsite.families import trs_pages as html
from simsite.families.base import FamilySite, Query
from simsite.families.publishing import (
    CityPlan,
    Doc,
    Habits,
    Publisher,
    hosted_for_size,
    list_items,
    plan_city,
)
from simsite.families.trs_pages import Frame
from simsite.names import FAMILY_CITIES, TOPICS
from simsite.resource import CST, PORTAL, Resource

COUNTY_HOST = "county"
CITY = FAMILY_CITIES["trs"]
HABITS = Habits(
    titles={"{agency}{year}年政府信息公开工作年度报告": 75, "{agency}{year}年度政府信息公开工作年度报告": 15,
            "{agency}政府信息公开工作{year}年度报告": 10},
    forms={"html": 55, "page-pdf": 14, "page-docx": 8, "file-pdf": 15, "file-docx": 8},
    lookalikes={"yaodian": 3, "jiedu": 3, "tujie": 3, "fazhi": 3, "baobiao": 3, "juesuan": 3, "tongzhi": 3,
                "gongzuobaogao": 3, "tongji": 3, "qiye": 3},
    doc_form="page-doc", second_lookalike=0.35)
# (folder, name) of a department's or county's report column: each names it in its own words.
COLUMNS = (("ndbg", "年度报告"), ("xxgknb", "信息公开年报"), ("gzndbg", "政府信息公开工作年度报告"),
           ("zfxxgknb", "政府信息公开年报"))
BASE_PAGES, PAGES_PER_AGENCY = 360, 14
ROBOTS = {PORTAL: "User-agent: *\nDisallow: /was5/\nDisallow: /manage/\n", COUNTY_HOST: "User-agent: *\nDisallow:\n"}
SERVICES = ("社会保障卡申领", "居住证办理", "不动产登记", "个体工商户登记", "二手房交易", "住房公积金提取")
NEWS, OPEN, TALK, SERVE = ("/xwzx/", "新闻中心"), ("/zwgk/", "政府信息公开"), ("/hdjl/", "互动交流"), ("/zwfw/", "政务服务")
# The ordinary columns: host, folder, name, parent, how many documents, the first titles, the title of the rest.
CONTENT = (
    (PORTAL, "/xwzx/sjyw/", "市级要闻", NEWS, 20, ("{city}召开{year}年度政务公开工作推进会",
                                               "市政府常务会议讨论《{next}年政府工作报告（征求意见稿）》"),
     "{city}召开{topic}工作推进会"),
    (PORTAL, "/xwzx/bmdt/", "部门动态", NEWS, 10, (), "{dept}扎实推进{topic}工作"),
    (PORTAL, "/xwzx/xqdt/", "县区动态", NEWS, 8, (), "{county}开展{topic}专项行动"),
    (PORTAL, "/xwzx/tzgg/", "通知公告", NEWS, 8, ("关于开展{year}年度企业年报公示工作的通知",), "关于做好{topic}工作的通知"),
    (PORTAL, "/zwgk/zcwj/", "政策文件", OPEN, 12, ("{city}人民政府办公室关于印发{city}{next}年政务公开工作要点的通知",),
     "{city}人民政府办公室关于印发{city}{topic}实施方案的通知"),
    (PORTAL, "/zwgk/ghjh/", "规划计划", OPEN, 4, (), "{city}“十四五”{topic}规划"),
    (PORTAL, "/hdjl/szxx/", "市长信箱", TALK, 10, (), "关于{topic}的咨询"),
    (PORTAL, "/hdjl/zxft/", "在线访谈", TALK, 3, (), "{dept}负责人谈{topic}"),
    (PORTAL, "/zwfw/bszn/", "办事指南", SERVE, len(SERVICES), (), "{service}办事指南"),
    (COUNTY_HOST, "/xwdt/", "新闻动态", None, 8, (), "{county}召开{topic}工作会议"),
)


@dataclass
class Channel:
    """A TRS column: a folder of static list pages over its documents."""

    host: str
    folder: str
    name: str
    crumbs: tuple[tuple[str, str], ...]  # (path, text) of its ancestors, home first
    frame: Frame
    docs: list[Doc] = field(default_factory=list)
    source: str = ""                     # 来源 of its documents when they name no agency
    encoding: str = "utf-8"
    table: bool = False
    cut: int = 26
    per_page: int = 20
    variables: bool = False              # the pager script passes its numbers through variables

    def visible(self) -> list[Doc]:
        return sorted((d for d in self.docs if not d.withdrawn), key=lambda d: (d.published, d.id), reverse=True)

    def count(self) -> int:
        return max(1, math.ceil(len(self.visible()) / self.per_page))

    def index(self, n: int) -> str:
        return f"{self.folder}index.html" if n == 0 else f"{self.folder}index_{n}.html"


@dataclass
class Subsite:
    """A publisher's part of the TRS site: its 政府信息公开 platform and report column."""

    publisher: Publisher
    platform: str            # folder of its platform page
    column: Channel
    in_submenu: bool = False  # the column sits in the 法定主动公开内容 sub-menu of its tree


class TrsSite(FamilySite):
    """The TRS WCM family (see the module docstring)."""

    name = "trs"
    hosts = (PORTAL, COUNTY_HOST)

    def _build(self) -> list[Publisher]:
        rng = self.rng
        self._serial = 4_000_000 + rng.randrange(500_000)
        plan = plan_city(CITY, rng, hosted_for_size(self.size, BASE_PAGES, PAGES_PER_AGENCY))
        own_host, gbk = plan.counties[0], plan.counties[1]
        own_host.host, gbk.encoding = COUNTY_HOST, "gbk"
        self._doc_fixture_for(plan.departments[0].agency)
        self.portal = Frame(f"{CITY.government}门户网站", "/index.html",
                            (("/index.html", "首页"), ("/zwgk/", "政务公开"), ("/xwzx/", "新闻中心"),
                             ("/zwfw/", "政务服务"), ("/hdjl/", "互动交流")),
                            f"主办：{CITY.government}办公室　承办：{CITY.city}大数据中心　网站标识码：5399000001")
        self.county = Frame(own_host.name, "/index.html",
                            (("/index.html", "首页"), ("/zwgk/", "政务公开"), ("/xwdt/", "新闻动态")),
                            f"主办：{own_host.name}办公室　网站标识码：5399020001", search=False)
        self.subsites = [self._city_subsite(plan.city)]
        self.subsites += [self._department(n, p) for n, p in enumerate(plan.departments)]
        self.subsites += [self._county(p) for p in plan.counties]
        for sub in self.subsites:
            self._fill(sub)
        self.channels = self._content_channels(plan)
        self._route_all()
        return plan.publishers

    # -- who is where ------------------------------------------------------------------------------

    def _city_subsite(self, city: Publisher) -> Subsite:
        column = Channel(PORTAL, "/zwgk/zfxxgknb/", "政府信息公开年报", (("/index.html", "首页"), ("/zwgk/", "政府信息公开")),
                         self.portal, city.docs, city.name, cut=28)
        return Subsite(city, "/zwgk/", column)

    def _department(self, n: int, dept: Publisher) -> Subsite:
        platform = f"/zwgk/bmxxgk/{dept.id}/"
        folder, name = COLUMNS[n % len(COLUMNS)]
        crumbs = (("/index.html", "首页"), ("/zwgk/", "政府信息公开"), (platform, dept.short))
        column = Channel(PORTAL, f"{platform}{folder}/", name, crumbs, self.portal, dept.docs, dept.name, cut=24)
        return Subsite(dept, platform, column, in_submenu=n % 2 == 1)

    def _county(self, county: Publisher) -> Subsite:
        if county.host == COUNTY_HOST:
            column = Channel(COUNTY_HOST, "/zwgk/zfxxgknb/", "政府信息公开年报",
                             (("/index.html", "首页"), ("/zwgk/", "政府信息公开")), self.county, county.docs,
                             county.name, per_page=15, variables=True)
            return Subsite(county, "/zwgk/", column)
        platform = f"/zwgk/xqxxgk/{county.id}/"
        folder, name = COLUMNS[zlib.crc32(county.id.encode()) % len(COLUMNS)]
        crumbs = (("/index.html", "首页"), ("/zwgk/", "政府信息公开"), (platform, county.name))
        column = Channel(PORTAL, f"{platform}{folder}/", name, crumbs, self.portal, county.docs, county.name,
                         encoding=county.encoding, table=True, cut=30)
        return Subsite(county, platform, column)

    # -- what each column holds --------------------------------------------------------------------

    def _fill(self, sub: Subsite) -> None:
        for doc in self._publish(sub.publisher, HABITS):
            self._place(sub.column, doc)

    def _place(self, channel: Channel, doc: Doc) -> None:
        """TRS paths: a month folder of the column, tYYYYMMDD_<id>.html and P0<date><digits>.<ext> beside it."""
        rng = self.rng
        self._serial += rng.randint(3, 400)
        folder = f"{channel.folder}{doc.published:%Y%m}/"
        page = f"{folder}t{doc.published:%Y%m%d}_{self._serial}.html"
        doc.host = channel.host
        if doc.kind == "report" and doc.fmt != "html":
            doc.file = f"{folder}P0{doc.published:%Y%m%d}{rng.randrange(10 ** 11, 10 ** 12)}.{doc.fmt}"
        doc.page = None if doc.linked_file or doc.kind == "broken" else page
        doc.href = doc.page or doc.file or page

    def _content_channels(self, plan: CityPlan) -> list[Channel]:
        """The ordinary columns (news, notices, policies, letters, services): many pages, no reports."""
        rng = self.rng
        channels = []
        for host, folder, name, parent, count, special, pattern in CONTENT:
            frame = self.portal if host == PORTAL else self.county
            crumbs = (("/index.html", "首页"),) + ((parent,) if parent else ())
            channel = Channel(host, folder, name, crumbs, frame, source=frame.site_name, table=folder == "/hdjl/szxx/")
            topics = rng.sample(TOPICS, len(TOPICS))
            for n in range(count):
                published = datetime(2024, rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 18), tzinfo=CST)
                words = {"city": CITY.city, "topic": topics[n % len(topics)], "year": published.year - 1,
                         "next": published.year, "dept": rng.choice(plan.departments).short,
                         "county": (plan.counties[0] if host == COUNTY_HOST else rng.choice(plan.counties))
                         .name.removesuffix("人民政府"),
                         "service": SERVICES[n % len(SERVICES)]}
                title = (special[n] if n < len(special) else pattern).format(**words)
                doc = Doc(f"{folder.strip('/').replace('/', '-')}-{n}", "page", title, published,
                          prose=(f"{title}。", f"围绕{words['topic']}，有关单位认真落实各项工作部署，取得积极成效。"))
                self._docs[doc.id] = doc
                self._place(channel, doc)
                channel.docs.append(doc)
            channels.append(channel)
        return channels

    # -- routes ------------------------------------------------------------------------------------

    def _route_all(self) -> None:
        for host, frame in ((PORTAL, self.portal), (COUNTY_HOST, self.county)):
            self._route(host, "/robots.txt", lambda q, h=host: Resource(200, ROBOTS[h].encode(), "text/plain"), 0)
            self._route(host, "/images/common.js",
                        lambda q: Resource(200, html.COMMON_JS.encode(), "application/javascript"), 0)
            self._route(host, "/images/style.css", lambda q: Resource(200, html.STYLE_CSS.encode(), "text/css"), 0)
            self._route(host, "/lxwm/index.html", lambda q, f=frame: self._prose_page(
                f, "/lxwm/index.html", "联系我们", (f"地址：{f.site_name}办公室。",)))
        self._route(PORTAL, "/index.html", lambda q: self._home())
        self._route(PORTAL, "/zwgk/index.html", lambda q: self._city_platform())
        self._route(PORTAL, "/wzdt/index.html", lambda q: self._site_map())
        self._route(PORTAL, "/was5/web/search", lambda q: self._search(q), 0)
        for folder, name in (("/xwzx/", "新闻中心"), ("/hdjl/", "互动交流"), ("/zwfw/", "政务服务")):
            self._route(PORTAL, f"{folder}index.html", lambda q, f=folder, n=name: self._hub(f, n))
        for path, title, text in (("/zwgk/xxgkzn/index.html", "政府信息公开指南", "本指南依据《中华人民共和国政府信息公开条例》编制。"),
                                  ("/zwgk/xxgkzd/index.html", "政府信息公开制度", "政府信息公开保密审查制度、发布协调制度。"),
                                  ("/zwgk/jgzn/index.html", "机构职能", f"{CITY.government}办公室负责政务公开工作。"),
                                  ("/zwgk/ysqgk/index.html", "依申请公开", "申请人可通过在线申请、信函等方式提出申请。")):
            self._route(PORTAL, path, lambda q, p=path, t=title, x=text: self._prose_page(self.portal, p, t, (x,)))
        self._route(COUNTY_HOST, "/index.html", lambda q: self._county_home())
        self._route(COUNTY_HOST, "/wzdt/index.html", lambda q: self._prose_page(
            self.county, "/wzdt/index.html", "网站地图", ("首页　政务公开　新闻动态",)))
        for sub in self.subsites:
            if sub.publisher.level != "city":
                self._route(sub.column.host, f"{sub.platform}index.html", lambda q, s=sub: self._sub_platform(s))
                for page, title in (("jggk", "机构概况"), ("xxgkzn", "政府信息公开指南")):
                    path = f"{sub.platform}{page}/index.html"
                    self._route(sub.column.host, path, lambda q, s=sub, p=path, t=title: self._prose_page(
                        s.column.frame, p, t, (f"{s.publisher.name}{t}。",), s.column.encoding))
            self._route_channel(sub.column)
        for channel in self.channels:
            self._route_channel(channel)

    def _route_channel(self, channel: Channel) -> None:
        for n in range(channel.count()):
            self._route(channel.host, channel.index(n), lambda q, c=channel, n=n: self._list(c, n),
                        lambda c=channel, n=n: int(n < c.count()))
        for doc in channel.docs:
            if doc.page:
                self._route(channel.host, doc.page, lambda q, c=channel, d=doc: self._detail(c, d))
            if doc.file:
                self._route(channel.host, doc.file, lambda q, d=doc: self._file(d))

    # -- pages -------------------------------------------------------------------------------------

    def _respond(self, frame: Frame, path: str, title: str, body: str, encoding: str = "utf-8",
                 modified: datetime | None = None) -> Resource:
        """Encode a page; GBK pages name no charset in the header and none, or gb2312, in the page."""
        if encoding == "utf-8":
            return self._html(html.page(frame, path, title, body, "utf-8"), modified=modified)
        charset = None if zlib.crc32(path.encode()) % 2 else "gb2312"
        return self._html(html.page(frame, path, title, body, charset), "gbk", header_charset=False,
                          modified=modified)

    def _prose_page(self, frame: Frame, path: str, title: str, paragraphs: tuple[str, ...],
                    encoding: str = "utf-8") -> Resource:
        body = html.position(path, ((frame.home, "首页"),)) + f'<div class="main"><h2>{title}</h2>\n' \
            + html.prose(paragraphs) + "</div>\n"
        return self._respond(frame, path, title, body, encoding)

    def _channel(self, folder: str) -> Channel:
        return next(c for c in self.channels if c.folder == folder)

    def _home(self) -> Resource:
        path = "/index.html"
        blocks = [(c.name, c.folder, list_items(c.visible()[:6]))
                  for c in map(self._channel, ("/xwzx/sjyw/", "/xwzx/tzgg/", "/xwzx/bmdt/"))]
        body = html.banner(path, "/zwgk/", "政府信息公开") + html.hub(path, (), blocks)
        return self._respond(self.portal, path, self.portal.site_name, body)

    def _county_home(self) -> Resource:
        path, news = "/index.html", self._channel("/xwdt/")
        body = (html.banner(path, "/zwgk/", "政府信息公开")
                + html.hub(path, (), [(news.name, news.folder, list_items(news.visible()[:6]))])
                + html.box(path, "友情链接", [(self.url(PORTAL, "/index.html"), CITY.government)]))
        return self._respond(self.county, path, self.county.site_name, body)

    def _hub(self, folder: str, name: str) -> Resource:
        path = f"{folder}index.html"
        blocks = [(c.name, c.folder, list_items(c.visible()[:6])) for c in self.channels
                  if c.host == PORTAL and c.folder.startswith(folder)]
        return self._respond(self.portal, path, name, html.hub(path, (("/index.html", "首页"),), blocks))

    def _tree(self, sub: Subsite, path: str) -> str:
        column = (sub.column.name, sub.column.folder)
        if sub.publisher.level == "city":
            branches = [("政府信息公开指南", "/zwgk/xxgkzn/"), ("政府信息公开制度", "/zwgk/xxgkzd/"),
                        ("法定主动公开内容", [("/zwgk/jgzn/", "机构职能"), ("/zwgk/zcwj/", "政策文件"),
                                        ("/zwgk/ghjh/", "规划计划")]),
                        column, ("依申请公开", "/zwgk/ysqgk/")]
        else:
            base = sub.platform
            statutory = [(f"{base}jggk/", "机构概况")]
            if sub.in_submenu:
                statutory.append((sub.column.folder, sub.column.name))
            branches = [("政府信息公开指南", f"{base}xxgkzn/"), ("法定主动公开内容", statutory)]
            if not sub.in_submenu:
                branches.append(column)
        return html.tree(path, f"{sub.publisher.name}信息公开", branches)

    def _city_platform(self) -> Resource:
        path, city = "/zwgk/index.html", self.subsites[0]
        departments = [(s.platform, s.publisher.short) for s in self.subsites if s.publisher.level == "department"]
        counties = [(self.link(PORTAL, s.column.host, s.platform), s.publisher.name)
                    for s in self.subsites if s.publisher.level == "county"]
        policies = list_items(self._channel("/zwgk/zcwj/").visible()[:6])
        boxes = [html.box(path, "最新公开", [(i.href, i.title) for i in policies]),
                 html.box(path, "部门信息公开", departments, "box bm"),
                 html.box(path, "县区信息公开", counties, "box xq")]
        return self._respond(self.portal, path, f"政府信息公开_{self.portal.site_name}",
                             html.platform(path, self._tree(city, path), boxes))

    def _sub_platform(self, sub: Subsite) -> Resource:
        path, column = f"{sub.platform}index.html", sub.column
        latest = [(i.href, i.title) for i in list_items(column.visible()[:5])]
        body = (html.position(path, column.crumbs)
                + html.platform(path, self._tree(sub, path), [html.box(path, "最新公开", latest)]))
        return self._respond(column.frame, path, f"{sub.publisher.name}信息公开", body, column.encoding)

    def _site_map(self) -> Resource:
        path = "/wzdt/index.html"
        links = [(href, text) for href, text in self.portal.nav] + [(c.folder, c.name) for c in self.channels
                                                                      if c.host == PORTAL]
        return self._respond(self.portal, path, "网站地图", html.links_page(path, (("/index.html", "首页"),),
                                                                        "网站地图", links))

    def _search(self, query: Query) -> Resource:
        keyword = query.get("searchword", [""])[0]
        hits = [d for d in self._docs.values() if keyword and keyword in d.title and d.host == PORTAL
                and d.kind != "broken" and not d.withdrawn][:10]
        return self._respond(self.portal, "/was5/web/search", "检索结果",
                             html.search_results(keyword, list_items(hits)))

    def _list(self, channel: Channel, n: int) -> Resource:
        if n >= channel.count():
            return self._not_found()
        path = channel.index(n)
        items = list_items(channel.visible()[n * channel.per_page:(n + 1) * channel.per_page])
        body = html.list_page(path, channel.crumbs, channel.name, items, channel.cut, channel.table,
                              channel.count(), n, channel.variables)
        return self._respond(channel.frame, path, f"{channel.name}_{channel.frame.site_name}", body, channel.encoding)

    def _detail(self, channel: Channel, doc: Doc) -> Resource:
        if doc.withdrawn:
            return self._not_found()
        stable = zlib.crc32(doc.id.encode())
        source = doc.agency.name if doc.agency else channel.source
        meta = (f"发布日期：{doc.published:%Y-%m-%d %H:%M}　来源：{source}" if stable % 2
                else f"时间：{doc.published:%Y-%m-%d}　信息来源：{source}")
        attachment = None
        if doc.kind != "report":
            content = html.prose(doc.prose)
        elif doc.file:
            name = f"{doc.title}.{doc.fmt}" if stable % 3 else doc.file.rsplit("/", 1)[1]
            attachment = (doc.file, name)
            content = html.prose((f"{doc.title}详见附件。",)) if stable % 4 else ""
        else:
            content = self._report_content(doc)
        crumbs = channel.crumbs + ((channel.folder, channel.name),)
        title = doc.title if stable % 2 else f"{doc.title}_{channel.frame.site_name}"
        body = html.article(doc.page, crumbs, doc.title, meta, content, attachment)
        if self._pictured(doc):
            body = self._decorated(body, channel.frame.site_name)
        return self._respond(channel.frame, doc.page, title, body, channel.encoding, self._doc_modified(doc))

    def _picture_location(self, doc: Doc, name: str) -> tuple[str, str]:
        """TRS publishes an article's pictures beside its page: ./W0<date><id>.png."""
        return doc.host, f"{doc.page.rsplit('/', 1)[0]}/W0{doc.published:%Y%m%d}{name}.png"

    def _picture_src(self, doc: Doc, host: str, path: str) -> str:
        return html.rel(doc.page, path)

"""A twenty-sixth portal, 平川县, under host names (``pingchuan.gov.cn``) on one server told apart by the Host header:
a county's 集约化 site group (one CMS serving the county and its departments) and what lies around it, habits of
real government sites that no other portal serves, for crawls over real HTTP. The names resolve to 127.0.0.1 in the
crawl under test only (``HostsResolver``).

- ``www.``: the county's home page links 政府信息公开 (the site group's platform) and a 部门网站 page (``/bmwz.html``)
  where each department's site is a logo alone (``<a href="http://wjj.…/"><img src="/images/bmwz/wjj.png"></a>``,
  no ``alt``, no text, as many county portals draw that page);
- ``xxgk.``: the site group's 信息公开 platform, 新点 (Epoint)-style (its list address as a public crawler of
  绵竹市's shows it: ``/info/iList.jsp?node_id=GKmzs&cat_id=15971&cur_page=1``): every body's column is that one
  path told apart by its query, the county ``node_id=GKpcx``, each department ``node_id=GKpcx`` + its code; the
  platform's 部门 tab lists them (``/info/iIndex.jsp?node_id=GKpcxfgj``). The corpus shows no article address: they
  are built as the list's sibling (``/info/iInfo.jsp?node_id=…&info_id=…``);
- the county's 政府信息公开年报 column (``…&cat_id=1201``, linked without ``cur_page``): the county's reports 2019–2025
  (2025 linked as its PDF) and those of its towns and 街道 (城关镇, 河口乡, 东街街道办事处: reports, taken under
  their own names), eight a page; its pager links page 1 as ``…&cur_page=1``, another address of the page the
  crawl came in by;
- 县发展和改革局 (``GKpcxfgj``): a plain list beside reports that are not annual ones: a 第一季度 and a 上半年 政府信息公开
  工作报告, a report for a fiscal-year period (2023年7月1日至2024年6月30日);
- 县财政局 (``GKpcxczj``): a plain list, reached from the platform's 部门 tab only;
- ten more departments (教育局 … 统计局) on the platform, a report each, and after them in its 部门 tab 县档案馆,
  县供销合作社联合社, 县残疾人联合会: bodies that publish reports too, named neither 局 nor 委 nor 办, each a plain list;
- 县卫生健康局 (``wjj.``): a sub-site on its own host, linked only by the logo on www's 部门网站 page; its column a
  TRS-style static list (``index.html``, ``index_1.html`` …) three a page whose 下一页 never ends: every page after
  the last real one (``index_2.html``) answers that page's items again and links one more;
- 王庄镇 (on www, as 山东's county portals host their towns: a public page of 莘县's shows
  ``/site_wzjzabh/channel_x_5669_13598/doc_65b069ef3a2203212e9eea8f.html``): the town a ``/site_{code}/`` site, its
  年报 channel ``channel_x_….html``, its articles in the channel's folder named by a 24-digit hexadecimal id (the corpus
  shows no channel page: it is built as the articles' folder's name + ``.html``); reached from www's 乡镇街道 block;
- 大芦镇 (on www, as 甘肃's 集约化 platform files a town: a public copy of 靖远县's shows
  ``/zfxxgk/bmhxzxxgk/xzxxgk/dlz/zfxxgknb/2023n/art/2024/art_4085…31de.html``): reached from the 部门和乡镇信息公开 page,
  its 年报 column a folder per year named ``2024n`` (n for 年), each listing that year's report; the 2024 one titled
  by its kind alone (政府信息公开工作年度报告), its year only in the folder, its agency only in the article's
  metadata table (发布机构) and 信息来源 line;
- decoys: a 年度工作报告, a 统计公报 and a 政务公开工作要点 in the county's column, a 企业年度报告公示 notice among the
  towns' items, the quarterly, half-year and fiscal-year reports and a 部门预算 in 发改局's list, a 其他年报 (统计年报) in
  财政局's, a 工作总结 in 卫健局's, a 年报 解读 in 王庄镇's channel.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from tests.crawler import portal_o
from tests.crawler.portal import Host, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import LOOK, PortalS
from tests.crawler.portal_u import NOT_FOUND, query_value

DOMAIN = "pingchuan.gov.cn"
COUNTY = "平川县人民政府"
TOWNS = ("平川县城关镇人民政府", "平川县河口乡人民政府", "平川县东街街道办事处")
WANGZHUANG, DALU = "平川县王庄镇人民政府", "平川县大芦镇人民政府"
DEPARTMENTS = {f"GKpcx{code}": f"平川县{name}" for code, name in (
    ("jyj", "教育局"), ("gaj", "公安局"), ("mzj", "民政局"), ("sfj", "司法局"), ("rsj", "人力资源和社会保障局"),
    ("zrzyj", "自然资源局"), ("zjj", "住房和城乡建设局"), ("jtj", "交通运输局"), ("slj", "水利局"), ("tjj", "统计局"))}
OTHER_BODIES = {"GKpcxdag": "平川县档案馆", "GKpcxgxs": "平川县供销合作社联合社", "GKpcxcl": "平川县残疾人联合会"}
DEVELOPMENT, FINANCE, HEALTH = "平川县发展和改革局", "平川县财政局", "平川县卫生健康局"
PER_PAGE = 8                                    # the platform's list
HEALTH_PER_PAGE = 3                             # 卫健局's static list
_ENDLESS = re.compile(r"/xxgk/ndbg/index_(\d+)\.html")


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 平川县's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalZ(OneServerPortal):
    """The hosts of 平川县 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.xxgk, self.wjj = Host(), Host(), Host()
        self.serve({"www": self.www, "xxgk": self.xxgk, "wjj": self.wjj})
        self.base = self.url("www", "/")
        # the platform's node_ids
        self.bodies = {"GKpcx": COUNTY, "GKpcxfgj": DEVELOPMENT, "GKpcxczj": FINANCE, **DEPARTMENTS, **OTHER_BODIES}
        self.columns: dict[str, list[tuple[str, str]]] = {}   # node_id → its 年报 column's items
        self.infos: dict[str, bytes] = {}                      # info_id → the article
        self._home()
        self._platform()
        self._county()
        self._development()
        self._finance()
        self._other_bodies()
        self._endless()
        self._town_site()
        self._year_folders()

    _noise = staticmethod(PortalS._noise)

    def _home(self) -> None:
        self.www.pages["/"] = Page(LOOK.html(f"{COUNTY}门户网站", (
            f'<div class="nav2"><a href="{self.url("xxgk", "/info/iIndex.jsp?node_id=GKpcx")}">政府信息公开</a>'
            '<a href="/bmwz.html">部门网站</a><a href="/xwzx/index.html">新闻中心</a></div>'
            '<div class="xzjd"><h3>乡镇街道</h3><ul><li><a href="/site_wzzzf/index.html">王庄镇</a></li>'
            '<li><a href="/zfxxgk/bmhxzxxgk/index.html">更多</a></li></ul></div>')))
        self.www.pages["/zfxxgk/bmhxzxxgk/index.html"] = Page(LOOK.html("部门和乡镇信息公开", (
            '<div class="gk-tab"><h3>乡镇信息公开</h3><ul>'
            '<li><a href="/zfxxgk/bmhxzxxgk/xzxxgk/dlz/index.html">大芦镇</a></li>'
            '<li><a href="/site_wzzzf/index.html">王庄镇</a></li></ul></div>')))
        self.www.pages["/xwzx/index.html"] = Page(LOOK.html("新闻中心", "<ul></ul>"))
        self.www.pages["/bmwz.html"] = Page(LOOK.html("部门网站", (
            '<div class="bmwz"><ul>'
            f'<li><a href="{self.url("wjj", "/")}" target="_blank"><img src="/images/bmwz/wjj.png"></a></li>'
            f'<li><a href="{self.url("xxgk", "/info/iIndex.jsp?node_id=GKpcxfgj")}" target="_blank">'
            '<img src="/images/bmwz/fgj.png"></a></li></ul></div>')))

    @staticmethod
    def _list(node: str, cat: int, page: int | None = None) -> str:
        query = {"node_id": node, "cat_id": cat} | ({"cur_page": page} if page else {})
        return "/info/iList.jsp?" + urlencode(query)

    def _info(self, node: str, title: str, agency: str = "", year: int = 0) -> str:
        """An article of the platform: a report of ``agency`` for ``year`` (expected) or, without them, noise."""
        info_id = str(5000 + len(self.infos))
        path = "/info/iInfo.jsp?" + urlencode({"node_id": node, "info_id": info_id})
        self.infos[info_id] = (LOOK.article(title, agency, year) if agency else
                               LOOK.html(title, f"<h1>{title}</h1><p>正文。</p>"))
        if agency:
            self.expected[self.url("xxgk", path)] = (agency, year)
        return path

    def _platform(self) -> None:
        """The site group's platform: a body's index (目录 and 部门 tab), its columns' lists, the articles."""
        bodies = self.bodies

        def index(query: dict[str, list[str]]) -> Page:
            node = query_value(query, "node_id")
            if node not in bodies:
                return NOT_FOUND
            departments = "".join(f'<li><a href="/info/iIndex.jsp?node_id={n}">{b}</a></li>'
                                  for n, b in bodies.items() if n != "GKpcx")
            return Page(LOOK.html(f"{bodies[node]}信息公开", (
                '<div class="ewb-tab"><span>信息公开目录</span><span>部门</span></div>'
                f'<ul class="ewb-tree"><li><a href="{self._list(node, 1101)}">政府信息公开指南</a></li>'
                f'<li><a href="{self._list(node, 1201)}">政府信息公开年报</a></li>'
                f'<li><a href="{self._list(node, 1301)}">通知公告</a></li></ul>'
                f'<ul class="ewb-dept">{departments}</ul>')))

        def listing(query: dict[str, list[str]]) -> Page:
            node, cat = query_value(query, "node_id"), query_value(query, "cat_id")
            if node not in bodies or not (query_value(query, "cur_page") or "1").isdigit():
                return NOT_FOUND
            items = self.columns.get(node, []) if cat == "1201" else []
            pages = max(1, -(-len(items) // PER_PAGE))
            page = int(query_value(query, "cur_page") or "1")
            if not 1 <= page <= pages:
                return NOT_FOUND
            shown = items[(page - 1) * PER_PAGE:page * PER_PAGE]
            pager = ""
            if pages > 1:
                numbers = "".join(f'<a href="{self._list(node, int(cat), n)}">{n}</a>' for n in range(1, pages + 1))
                following = f'<a href="{self._list(node, int(cat), page + 1)}">下一页</a>' if page < pages else ""
                pager = (f'<div class="ewb-page"><a href="{self._list(node, int(cat), 1)}">首页</a>{numbers}'
                         f'{following}<a href="{self._list(node, int(cat), pages)}">尾页</a>'
                         f'<span>共{pages}页</span></div>')
            return Page(LOOK.html(f"政府信息公开年报-{bodies[node]}", (
                f'<div class="ewb-job"><ul class="list">{list_items(shown)}</ul></div>{pager}')))

        def info(query: dict[str, list[str]]) -> Page:
            body = self.infos.get(query_value(query, "info_id"))
            return Page(body) if body else NOT_FOUND

        self.xxgk.dynamic.update({"/info/iIndex.jsp": index, "/info/iList.jsp": listing, "/info/iInfo.jsp": info})
        self.xxgk.pages["/"] = Page(LOOK.html("平川县政府信息公开", '<a href="/info/iIndex.jsp?node_id=GKpcx">进入</a>'))

    def _county(self) -> None:
        """The county's column: its reports (2025 the PDF), its towns' reports, decoys."""
        node, items = "GKpcx", []
        for year in range(2025, 2018, -1):
            title = f"{COUNTY}{year}年政府信息公开工作年度报告"
            if year > 2024:
                path = "/upload/info/2026/pcx_ndbg_2025.pdf"
                self.xxgk.pages[path] = Page(b"%PDF-1.4\n% report\n", "application/pdf")
                self.expected[self.url("xxgk", path)] = (COUNTY, year)
            else:
                path = self._info(node, title, COUNTY, year)
            items.append((path, title))
        for town in TOWNS:
            for year in (2024, 2023):
                title = f"{town}{year}年政府信息公开工作年度报告"
                items.append((self._info(node, title, town, year), title))
        for at, title in ((1, f"{COUNTY}2024年度工作报告"), (5, "平川县2023年国民经济和社会发展统计公报"),
                          (9, "平川县2025年政务公开工作要点"), (12, "关于开展2024年度企业年度报告公示工作的通知")):
            items.insert(at, (self._info(node, title), title))
        self.columns[node] = items

    def _development(self) -> None:
        """发改局: its reports beside a quarterly, a half-year and a fiscal-year period's report, a 部门预算."""
        node, agency = "GKpcxfgj", DEVELOPMENT
        items = [(self._info(node, t, agency, y), t) for y in range(2024, 2018, -1)
                 for t in (f"{agency}{y}年政府信息公开工作年度报告",)]
        for at, title in ((1, f"{agency}2024年第一季度政府信息公开工作报告"),
                          (2, f"{agency}2023年上半年政府信息公开工作报告"),
                          (4, f"{agency}2023年7月1日至2024年6月30日政府信息公开工作报告"),
                          (6, f"{agency}2024年部门预算")):
            items.insert(at, (self._info(node, title), title))
        self.columns[node] = items

    def _finance(self) -> None:
        """财政局: reached from the platform's 部门 tab only; a plain list and a 统计年报."""
        node, agency = "GKpcxczj", FINANCE
        items = [(self._info(node, f"{agency}{y}年政府信息公开工作年度报告", agency, y),
                  f"{agency}{y}年政府信息公开工作年度报告") for y in range(2024, 2018, -1)]
        items.insert(3, (self._info(node, "平川县2023年财政统计年报"), "平川县2023年财政统计年报"))
        self.columns[node] = items

    def _other_bodies(self) -> None:
        """Ten departments with a report each; 档案馆, 供销合作社联合社, 残疾人联合会 with two: a plain list each."""
        for node, agency in {**DEPARTMENTS, **OTHER_BODIES}.items():
            self.columns[node] = [(self._info(node, f"{agency}{y}年政府信息公开工作年度报告", agency, y),
                                   f"{agency}{y}年政府信息公开工作年度报告")
                                  for y in ((2024, 2023) if node in OTHER_BODIES else (2024,))]

    def _endless(self) -> None:
        """卫健局: a static list three a page whose 下一页 never ends, repeating the last real page's items."""
        agency, items = HEALTH, []
        for year in range(2024, 2018, -1):
            path = f"/xxgk/ndbg/{year + 1}01/t{year + 1}0120_{7300 + year}.html"
            items.append((path, PortalS._report(self, self.wjj, "wjj", path, agency, year)))
        items.insert(2, ("/xxgk/ndbg/202402/t20240201_9901.html",
                         self._noise(self.wjj, "/xxgk/ndbg/202402/t20240201_9901.html", f"{agency}2023年工作总结")))
        pages = [items[k:k + HEALTH_PER_PAGE] for k in range(0, len(items), HEALTH_PER_PAGE)]

        def page(n: int) -> Page:
            following = f"index_{n + 1}.html"
            return Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{list_items(pages[min(n, len(pages) - 1)])}</ul>'
                f'<div class="page"><a href="index.html">首页</a><a href="{following}">下一页</a></div>')))

        def endless(target: str, cookie: str | None) -> Page | None:
            found = _ENDLESS.fullmatch(target.split("?")[0])
            return page(int(found.group(1))) if found else None

        self.wjj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.wjj.pages["/xxgk/ndbg/index.html"] = page(0)
        self.wjj.gates["/xxgk/ndbg/index_"] = endless

    def _town_site(self) -> None:
        """王庄镇: a ``/site_{code}/`` site on www, its 年报 channel, articles named by a hexadecimal id."""
        agency, site, channel = WANGZHUANG, "/site_wzzzf", "/site_wzzzf/channel_x_5669_13598.html"
        items = []
        for year in range(2024, 2020, -1):
            path = f"{site}/channel_x_5669_13598/doc_65b069ef3a22{year}e9eea8f0.html"
            items.append((path, PortalS._report(self, self.www, "www", path, agency, year)))
        path = f"{site}/channel_x_5669_13598/doc_65b069ef3a2220230e9eea91.html"
        items.insert(1, (path, self._noise(self.www, path, f"《{agency}2023年政府信息公开工作年度报告》解读")))
        self.www.pages[f"{site}/index.html"] = Page(LOOK.html(agency, (
            f'<div class="menu"><a href="{site}/channel_x_5669_13590.html">政务动态</a>'
            f'<a href="{channel}">政府信息公开年报</a></div>')))
        self.www.pages[f"{site}/channel_x_5669_13590.html"] = Page(LOOK.html(f"政务动态-{agency}", "<ul></ul>"))
        self.www.pages[channel] = Page(LOOK.html(f"政府信息公开年报-{agency}",
                                                 f'<ul class="list">{list_items(items)}</ul>'))

    def _year_folders(self) -> None:
        """大芦镇: a 年报 folder per year (``2024n``), its 2024 report titled by its kind alone, its agency only in
        the article's metadata."""
        agency, root = DALU, "/zfxxgk/bmhxzxxgk/xzxxgk/dlz"
        folders = []
        for year, title in ((2024, "政府信息公开工作年度报告"), (2023, f"{agency}2023年政府信息公开工作年度报告")):
            folder, key = f"{root}/zfxxgknb/{year}n", f"40850702{year}a647ddab8e4a569b3d31de"
            path = f"{folder}/art/{year + 1}/art_{key}.html"
            self.www.pages[path] = Page(LOOK.html(title, (
                '<table class="meta"><tr><th>索引号：</th><td>11620421013913/{0}-00001</td><th>生成日期：</th>'
                '<td>{0}-01-24</td></tr><tr><th>发布机构：</th><td>{1}</td><th>主题分类：</th><td>其他</td></tr>'
                '</table><div class="article"><h1>{2}</h1><div class="info">信息来源：{1}　发布时间：{0}-01-24 10:56'
                '</div><div class="content">{3}</div></div>').format(year + 1, agency, title,
                                                                  LOOK.report_body(agency, year))))
            self.expected[self.url("www", path)] = (agency, year)
            self.www.pages[f"{folder}/index.html"] = Page(LOOK.html(f"{year}年度-政府信息公开年报-{agency}", (
                f'<ul class="list"><li><a href="{path}">{title}</a><span>{year + 1}-01-24</span></li></ul>')))
            folders.append((f"{folder}/index.html", f"{year}年度"))
        self.www.pages[f"{root}/index.html"] = Page(LOOK.html(f"{agency}信息公开", (
            f'<ul class="ml"><li><a href="{root}/zfxxgkzn/index.html">政府信息公开指南</a></li>'
            f'<li><a href="{root}/zfxxgknb/index.html">政府信息公开年报</a></li></ul>')))
        self.www.pages[f"{root}/zfxxgknb/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}",
                                                                      f'<ul class="years">{list_items(folders)}</ul>'))

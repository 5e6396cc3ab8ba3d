"""A portal, 岑阳市, under host names (``cenyang.gov.cn``) on one server told apart by the Host header: a city and
departments on the 甘肃/黑龙江 platform whose column pages are empty shells that ``listPage.js`` fills from
``GET /common/search/<channelId>?_isJson=true…`` (JSON ``data.results``), departments on 江苏's static
``xxgk_list.shtml`` columns paged by ``createPageHTML('page_div', …)``, counties on 大汉's ``/col/col<id>/index.html``
reached as ``?uid=<unit>&pageNum=1`` (江西, 内蒙古, 浙江) and counties on 常州's ``/class/<code>`` and 南通's
``<name>.html`` lists — their habits reproduced as public code found them, for crawls over real HTTP. The names resolve
to 127.0.0.1 in the crawl under test only (``HostsResolver``).

Evidence (public repositories, read through the tool library; quoted as found):

| site | habit | evidence |
| --- | --- | --- |
| 甘肃 gdj./kjt./zrzy./sthj.gansu.gov.cn, www.gansu.gov.cn, 黑龙江 hrss.hlj.gov.cn, 新疆 www.klmy.gov.cn, www.nhc.gov.cn, www.spb.gov.cn | a column page ``/<site>/c<id>/<name>.shtml`` (``xwzxcdh.shtml``, ``zfxxgk.shtml?tab=gkzc``, ``common_zfxxgk.shtml``, ``public_zfxxgk.shtml``) drawn by the same-origin ``/<site>/xhtml/js/listPage.js``: ``$.ajax({url: '/common/search/' + this.channelId + '?_isAgg=true&_isJson=true&_pageSize=' + parseInt($("#pageSize").val()) + '&_template=index&_rangeTimeGte=&_channelName=&page=' + parseInt($("#page").val()), type: 'get', success: function(data) { table_page(data.data.total); table_each("list", ajax_success(data)); }})``; the page's hidden ``#pageSize``, ``#page``; the answer ``{"data": {"page", "rows", "channelId", "total", "results": [{"title", "url": "/gdj/c109213/202604/174315227.shtml", "manuscriptId", "publishedTime", "publishedTimeStr", "channelName", "channelCodeName", "channelId", "domainMetaList"}]}, "locationUrl", "channelName"}``; pages to ``ceil(total / rows)``; details ``/<site>/c<id>/<yyyymm>/<id>.shtml``, title ``h6.text_title_f``, body ``.notice_content`` | a collector's analysis of gdj.gansu.gov.cn (``listPage.js``'s template quoted, the JSON answer, ``#page_div a.zxfPagenum``), a 黑龙江 人社厅 collector (``/common/search/{channel_id}?_isAgg=true&_isJson=true&_pageSize=15&_template=index&_rangeTimeGte=&_channelName=&page={page}&websiteCodeName=hrss``, ``data.results``, ``publishedTime``), collectors of kjt.gansu.gov.cn, www.klmy.gov.cn (``/search/<hex>?…``, details ``/klmys/c100186/<yyyymm>/<32 hex>.shtml``), www.spb.gov.cn; survey lists of ``/hlj/c108369/zfxxgk.shtml``, ``jyt.hlj.gov.cn/jyt/c110487/public_zfxxgk.shtml?tab=gfxwj``, ``www.jixi.gov.cn/jixi/c100103/common_zfxxgk.shtml``, ``zfxxgk_list.shtml`` |
| 江苏 sthj.zhenjiang.gov.cn, sthj./fgw./xfj.suqian.gov.cn, 甘肃 zrzy./sthj.gansu.gov.cn, 江西 www.yichun.gov.cn | static columns ``/<site>/<column>/xxgk_list.shtml``, items ``ul.pageList.newsList li`` (``div.pageList > ul > li``): ``a[title]`` and ``span.time``; pages by ``createPageHTML('page_div', 总页数, 当前页, '文件名前缀', 'shtml', 总条数)``, page N ``xxgk_list_N.shtml`` (1 ``xxgk_list.shtml``; 宿迁 ``xxgk_list_N``, N ≥ 1); details' body ``div.article-content#zoomcon`` | a 镇江 collector's shared module (its docstring and ``CREATE_PAGE_RE``), 宿迁 collectors (``分页规则：…/xxgk_list_N.shtml (N >= 1)``), a 江苏 collector's config (``base.replace("xxgk_list.shtml", f"xxgk_list_{p-1}.shtml")``), 甘肃 and 宜春 collectors' start URLs |
| 江西 www.jiangxi.gov.cn, 内蒙古 www.nmg.gov.cn, 浙江 wjw.wenzhou.gov.cn, 湖北 ggzy.wuxue.gov.cn | 大汉's columns reached as ``/col/col<id>/index.html?uid=<unit>&pageNum=1`` (``col48473/index.html?uid=406462&pageNum=1`` 江西省政府文件; 政府信息公开 ``col4929/index.html?vc_xxgkarea=…``) | a collector's commented start list (江西), a 内蒙古 Scrapy spider's ``original_page_url``, a 温州 data source list, a 武穴 collector's data rows |
| 江苏 sthjj.changzhou.gov.cn, shuju.nantong.gov.cn | a column ``/class/<code>`` (``/class/ALFJELKI``), page N ``/class/<code>/N``; a column ``/<site>/<name>/<name>.html``, page N ``<name>_<N-1>.html`` | a 江苏 collector's config (``f"{base}/{p}"``, ``base.replace("sphjgs.html", f"sphjgs_{p-1}.html")``) |

Assumptions (no evidence found): where ``listPage.js``'s object takes ``channelId`` from (here the page's hidden
``#channelId``, read as the page's ``#page`` and ``#pageSize`` are) and the object's name; ``table_page``'s and
``table_each``'s bodies; the 年报 column's name on each platform; 大汉's list on the ``?uid=&pageNum=`` page (here its
datastore holding every record, jpage paging them in the browser, as 大汉's static columns do); the pagers' markup
of ``/class/<code>`` and ``<name>.html`` (here a 下一页 link); the 甘肃 platform's 政府信息公开 hub's links.
Left out, no shape found: 徐州's ``/dynamic/zwgk/govInfoPub.html?categorynum=`` (its list "a POST interface", no
public code shows its call or answer), 辽宁's ``glist.html``, 南威, 万户 ezEIP, 政通, 国脉.

The portal:

- ``www.``: the city on the 甘肃 platform (site ``cys``), its 政府信息公开 hub ``/cys/c100050/zfxxgk.shtml`` linking
  the 年报 column ``/cys/c100063/zfxxgk_list.shtml``, an empty shell drawn by ``listPage.js`` from
  ``/common/search/<channelId>`` (two pages of 3); 部门网站 and 县区 linked from the home page;
- 发展和改革委员会, 教育局, 工业和信息化局, 民政局 (``fgw.``, ``jyj.``, ``gxj.``, ``mzj.``): the same platform on their own
  hosts, their hubs ``zfxxgk.shtml?tab=gkzc``, ``common_zfxxgk.shtml`` or ``public_zfxxgk.shtml``;
- 生态环境局, 自然资源局, 卫生健康委员会, 司法局 (``sthj.``, ``zrzy.``, ``wjw.``, ``sfj.``): 江苏's static
  ``xxgk_list.shtml`` (生态环境局's two pages by ``createPageHTML('page_div', 2, 1, 'xxgk_list', 'shtml', 5)``);
- 岑东县, 岑西县, 岑南区 (``cdx.``, ``cxx.``, ``cnq.``): 大汉's ``/col/col<id>/index.html?uid=<unit>&pageNum=1``;
- 岑北区 (``cbq.``): ``/class/<code>``, two pages; 岑山县 (``csx.``): ``/<site>/gknb/gknb.html``, two pages;
- decoys: a 解读, a 政府工作报告, a 统计公报 and a 决算 among the rows.
"""

from __future__ import annotations

import json
import zlib
from html import escape

from tests.crawler import portal_o
from tests.crawler.helpers import FILES
from tests.crawler.portal import JSON, SCRIPT, Host, Look, Page, stable_hex
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_u import query_value

DOMAIN = "cenyang.gov.cn"
CITY = "岑阳市人民政府"
LOOK = Look('<a href="/">首页</a>', seed=197, day=1)
PAGE_SIZE = 3   # the platform's rows a page (#pageSize): the city's 年报 column two pages
# sub-domain → (agency, hub's file, years): departments on the 甘肃/黑龙江 platform
PLATFORM_UNITS = {"fgw": ("岑阳市发展和改革委员会", "zfxxgk.shtml?tab=gkzc", [2024, 2023, 2022]),
                  "jyj": ("岑阳市教育局", "common_zfxxgk.shtml", [2024, 2023]),
                  "gxj": ("岑阳市工业和信息化局", "public_zfxxgk.shtml", [2024, 2023, 2022]),
                  "mzj": ("岑阳市民政局", "zfxxgk.shtml?tab=gkzc", [2024, 2023])}
CITY_YEARS = [2024, 2023, 2022, 2021]
# sub-domain → (agency, site folder, years): departments on 江苏's static xxgk_list.shtml columns
STATIC_UNITS = {"sthj": ("岑阳市生态环境局", "cysthj", [2024, 2023, 2022, 2021]),
                "zrzy": ("岑阳市自然资源局", "zrzy", [2024, 2023]),
                "wjw": ("岑阳市卫生健康委员会", "cyswjw", [2024, 2023, 2022]),
                "sfj": ("岑阳市司法局", "sfj", [2024, 2023])}
STATIC_PER_PAGE = 3
# sub-domain → (agency, column id, unit id, years): counties on 大汉's columns reached as ?uid=&pageNum=1
HANWEB_UNITS = {"cdx": ("岑东县人民政府", 48473, 406462, [2024, 2023, 2022, 2021, 2020]),
                "cxx": ("岑西县人民政府", 4929, 45663, [2024, 2023, 2022]),
                "cnq": ("岑阳市岑南区人民政府", 1209919, 3978136, [2024, 2023, 2022, 2021])}
NORTH = "岑阳市岑北区人民政府"
NORTH_YEARS = [2024, 2023, 2022, 2021, 2020]
NORTH_CLASS = "/class/ALFJELKI"
HILL = "岑山县人民政府"
HILL_YEARS = [2024, 2023, 2022, 2021]
HILL_COLUMN = "/cssx/gknb/"
TWO_PAGES_OF = 3   # rows on the first page of the /class/ and <name>.html columns
AGENCIES = [CITY, *(a for a, _, _ in PLATFORM_UNITS.values()), *(a for a, _, _ in STATIC_UNITS.values()),
            *(a for a, _, _, _ in HANWEB_UNITS.values()), NORTH, HILL]

# The platform's shared list script, its ajax call as 甘肃's listPage.js writes it (the frozen file the unit tests read).
_LIST_PAGE = (FILES / "list_common_search_listpage.js").read_bytes()


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 岑阳市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))



def _number(text: str) -> int:
    return 170000000 + zlib.crc32(text.encode()) % 9000000


Row = tuple[str, str, str]   # a list's row: path, title, date


class PortalAO(OneServerPortal):
    """The hosts of 岑阳市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        subs = ("www", *PLATFORM_UNITS, *STATIC_UNITS, *HANWEB_UNITS, "cbq", "csx")
        self.hosts = {sub: Host() for sub in subs}
        self.serve(self.hosts)
        self.www = self.hosts["www"]
        self.base = self.url("www", "/")
        self._platform("www", CITY, "cys", "zfxxgk.shtml", CITY_YEARS)
        for sub, (agency, hub, years) in PLATFORM_UNITS.items():
            self._platform(sub, agency, sub, hub, years)
        for sub, (agency, site, years) in STATIC_UNITS.items():
            self._static(sub, agency, site, years)
        for sub, (agency, column, unit, years) in HANWEB_UNITS.items():
            self._hanweb(sub, agency, column, unit, years)
        self._north()
        self._hill()
        self._home()

    def _home(self) -> None:
        departments = [(sub, agency) for sub, (agency, *_) in {**PLATFORM_UNITS, **STATIC_UNITS}.items()]
        counties = [(sub, agency) for sub, (agency, *_) in HANWEB_UNITS.items()] + [("cbq", NORTH), ("csx", HILL)]
        links = list_items([(self.url(sub, "/"), agency.removeprefix("岑阳市")) for sub, agency in departments])
        towns = list_items([(self.url(sub, "/"), agency.removeprefix("岑阳市")) for sub, agency in counties])
        self.www.pages["/"] = _page(f"{CITY}门户网站", (
            '<div class="nav2"><a href="/cys/c100050/zfxxgk.shtml">政府信息公开</a><a href="/cys/c100020/list.shtml">'
            f'新闻中心</a></div><div class="links"><h3>部门网站</h3><ul>{links}</ul><h3>县区</h3><ul>{towns}</ul></div>'))
        self.www.pages["/cys/c100020/list.shtml"] = _page("新闻中心", "<ul></ul>")

    def _platform(self, sub: str, agency: str, site: str, hub: str, years: list[int]) -> None:
        """The 甘肃/黑龙江 platform: a hub linking the 年报 column, an empty shell ``listPage.js`` fills from
        ``/common/search/<channelId>``'s JSON, paged by ``page`` to ``ceil(total / _pageSize)``."""
        host, column = self.hosts[sub], f"/{site}/c1000{63 + len(site)}/"
        rows = self.listed_reports(LOOK, sub, agency, years, lambda year, title:
                                    f"{column}{year + 1}01/{_number(title)}.shtml", 'class="notice_content"')
        title = f"《{agency}2023年政府信息公开工作年度报告》解读"
        rows.insert(1, self.decoy(LOOK, sub, f"{column}202402/{_number(title)}.shtml", title, "2024-02-02"))
        channel = stable_hex(agency + "年报", 32)

        def search(query: dict[str, list[str]]) -> Page:
            size = int(query_value(query, "_pageSize") or 20) if query_value(query, "_pageSize").isdigit() else 20
            page = int(query_value(query, "page")) if query_value(query, "page").isdigit() else 1
            results = [{"title": text, "content": "", "url": path, "subTitle": text, "manuscriptId": path[-15:-6],
                        "publishedTime": 0, "publishedTimeStr": f"{date} 09:30:03", "channelName": "政府信息公开年报",
                        "channelCodeName": column.split("/")[2], "channelId": channel, "domainMetaList": []}
                       for path, text, date in rows[(page - 1) * size:page * size]]
            return Page(json.dumps({"data": {"page": page, "rows": size, "channelId": channel, "total": len(rows),
                                             "relateSubChannels": "true", "results": results},
                                    "locationUrl": f"{column}zfxxgk_list.shtml", "channelName": "政府信息公开年报"},
                                   ensure_ascii=False).encode(), JSON)

        host.dynamic[f"/common/search/{channel}"] = search
        host.pages[f"/{site}/xhtml/js/listPage.js"] = Page(_LIST_PAGE, SCRIPT)
        host.pages[f"/{site}/xhtml/js/jquery.min.js"] = Page(b"/*! jQuery v1.12.4 */", SCRIPT)
        host.pages[f"{column}zfxxgk_list.shtml"] = _page(f"政府信息公开年报-{agency}", (
            f'<input type="hidden" id="channelId" value="{channel}"><input type="hidden" id="page" value="1">'
            f'<input type="hidden" id="pageSize" value="{PAGE_SIZE}"><div class="pagelist"><ul id="list"></ul></div>'
            f'<div id="page_div"></div><script src="/{site}/xhtml/js/jquery.min.js"></script>'
            f'<script src="/{site}/xhtml/js/listPage.js"></script>'))
        hub_path = f"/{site}/c100050/{hub}"
        host.pages[hub_path.split("?")[0]] = _page(f"政府信息公开-{agency}", (
            f'<ul class="zfxx-nav"><li><a href="/{site}/c100051/zfxxgk_zn.shtml">政府信息公开指南</a></li>'
            f'<li><a href="{column}zfxxgk_list.shtml">政府信息公开年报</a></li></ul>'))
        host.pages[f"/{site}/c100051/zfxxgk_zn.shtml"] = _page("政府信息公开指南", '<div class="notice_content">指南。</div>')
        if sub != "www":
            host.pages["/"] = _page(f"{agency}网站", f'<div class="nav2"><a href="{hub_path}">政府信息公开</a></div>')

    def _static(self, sub: str, agency: str, site: str, years: list[int]) -> None:
        """江苏's ``/<site>/<column>/xxgk_list.shtml``: ``ul.pageList.newsList`` rows, ``createPageHTML`` pages."""
        host, column = self.hosts[sub], f"/{site}/gknb/"
        rows = self.listed_reports(LOOK, sub, agency, years, lambda year, title:
                                    f"{column}{year + 1}01/t{year + 1}0110_{_number(title)}.shtml",
                                    'class="article-content" id="zoomcon"')
        title = f"{agency}2024年部门决算"
        rows.insert(1, self.decoy(LOOK, sub, f"{column}202503/t20250302_{_number(title)}.shtml", title, "2025-03-02"))
        pages = -(-len(rows) // STATIC_PER_PAGE)
        for page in range(1, pages + 1):
            shown = rows[(page - 1) * STATIC_PER_PAGE:page * STATIC_PER_PAGE]
            items = "".join(f'<li><a href="{path}" target="_blank" title="{escape(text)}">{escape(text)}</a>'
                            f'<span class="time">{date}</span></li>' for path, text, date in shown)
            name = "xxgk_list" if page == 1 else f"xxgk_list_{page}"
            host.pages[f"{column}{name}.shtml"] = _page(f"政府信息公开年报-{agency}", (
                f'<ul class="pageList newsList">{items}</ul><div id="page_div"></div><script>'
                f"createPageHTML('page_div', {pages}, {page}, 'xxgk_list', 'shtml', {len(rows)});</script>"))
        host.pages[f"/{site}/xxgk/xxgk_index.shtml"] = _page(f"政府信息公开-{agency}", (
            f'<ul class="xxgk-nav"><li><a href="{column}xxgk_list.shtml">政府信息公开年报</a></li></ul>'))
        host.pages["/"] = _page(f"{agency}网站", (
            f'<div class="nav2"><a href="/{site}/xxgk/xxgk_index.shtml">政府信息公开</a></div>'))

    def _hanweb(self, sub: str, agency: str, column: int, unit: int, years: list[int]) -> None:
        """大汉's column reached as ``/col/col<id>/index.html?uid=<unit>&pageNum=1``, its records in a datastore."""
        host = self.hosts[sub]
        rows = self.listed_reports(LOOK, sub, agency, years, lambda year, title:
                                    f"/art/{year + 1}/1/1{year % 10}/art_{column}_{_number(title) % 100000}.html")
        title = f"{agency}2025年政府工作报告"
        rows.insert(0, self.decoy(LOOK, sub, f"/art/2025/2/10/art_{column}_90001.html", title, "2025-02-10"))
        records = "".join(f'<record><![CDATA[<li><a href="{path}" title="{escape(text)}" target="_blank">'
                          f'{escape(text)}</a><span>{date}</span></li>]]></record>' for path, text, date in rows)
        host.pages[f"/col/col{column}/index.html"] = _page(f"政府信息公开年报-{agency}", (
            f'<div id="{unit}"><script type="text/xml"><datastore><totalrecord>{len(rows)}</totalrecord>'
            f"<recordset>{records}</recordset></datastore></script></div>"))
        host.pages["/"] = _page(f"{agency}门户网站", (
            f'<div class="nav2"><a href="/col/col{column}/index.html?uid={unit}&amp;pageNum=1">政府信息公开年报</a>'
            '</div>'))

    def _next_paged(self, sub: str, first: str, second: str, agency: str, rows: list[Row]) -> None:
        """``rows`` on two pages, ``first`` linking ``second`` by 下一页."""
        host = self.hosts[sub]
        for path, shown, pager in ((first, rows[:TWO_PAGES_OF], f'<a href="{second}">下一页</a>'),
                                   (second, rows[TWO_PAGES_OF:], f'<a href="{first}">上一页</a>')):
            items = "".join(f'<li><a href="{p}" target="_blank">{escape(t)}</a><span>{d}</span></li>'
                            for p, t, d in shown)
            host.pages[path] = _page(f"政府信息公开年报-{agency}", f'<ul class="list">{items}</ul><div class="page">'
                                                                   f"{pager}</div>")

    def _north(self) -> None:
        """岑北区: 常州's ``/class/<code>``, page 2 ``/class/<code>/2``."""
        rows = self.listed_reports(LOOK, "cbq", NORTH, NORTH_YEARS, lambda year, title:
                                    f"/art/{year + 1}/1/1{year % 10}/art_{_number(title) % 100000}.html")
        title = "岑北区2024年国民经济和社会发展统计公报"
        rows.insert(1, self.decoy(LOOK, "cbq", "/art/2025/3/20/art_77001.html", title, "2025-03-20"))
        self._next_paged("cbq", NORTH_CLASS, f"{NORTH_CLASS}/2", NORTH, rows)
        self.hosts["cbq"].pages["/"] = _page(f"{NORTH}门户网站", (
            f'<div class="nav2"><a href="{NORTH_CLASS}">政府信息公开年报</a></div>'))

    def _hill(self) -> None:
        """岑山县: 南通's ``<name>.html``, page 2 ``<name>_1.html``."""
        rows = self.listed_reports(LOOK, "csx", HILL, HILL_YEARS, lambda year, title:
                                    f"{HILL_COLUMN}{year + 1}01/{stable_hex(title, 32)}.html")
        title = f"{HILL}2025年政府工作报告"
        rows.insert(0, self.decoy(LOOK, "csx", f"{HILL_COLUMN}202502/{stable_hex(title, 32)}.html", title,
                                  "2025-02-10"))
        self._next_paged("csx", f"{HILL_COLUMN}gknb.html", f"{HILL_COLUMN}gknb_1.html", HILL, rows)
        self.hosts["csx"].pages["/"] = _page(f"{HILL}门户网站", (
            f'<div class="nav2"><a href="{HILL_COLUMN}gknb.html">政府信息公开年报</a></div>'))

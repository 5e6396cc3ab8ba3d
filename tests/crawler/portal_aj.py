"""A portal, 峤岭市, under host names (``qiaoling.gov.cn``) on one server told apart by the Host header: the
政府信息公开 platforms provinces run for their cities, counties and departments — 贵州's ``/zfxxgk/`` with its 年报
column in year sub-columns, 云南's (昆明's) department sites whose lists a script pages, a county on 昆明's
``/zfxxgkml/zfxxgkndbg/``, a district on 河北's ``/columns/<uuid>/`` whose list is a block its script loads, a county
on 广西's ``/zfxxgk/zfxxgkgl/`` and a district on 北京's 年报 tree of year folders with its streets' sub-tree — their
habits reproduced as public crawlers of those sites found them, for crawls over real HTTP. The names resolve to
127.0.0.1 in the crawl under test only (``HostsResolver``).

Evidence (public repositories, read through the tool library; quoted as found):

| site | habit | evidence |
| --- | --- | --- |
| 贵州 jyj.zunyi.gov.cn (遵义) | a unit's catalogue ``/zfxxgk/fdzdgknr/…``, columns in numbered folders (``zcjd_5711610/``); a list's items ``div.zfxxgk_zdgkc ul a`` with the date in a ``b``; pages ``index_N.html`` counted by ``createPageHTML(N, …)`` only; a detail's ``meta[name=ArticleTitle]``, ``meta[name=PubDate]``, body ``div.scroll_cont.ScrollStyle`` with its files as ``p a``; a look-alike column ``fzzfjsqkndbg`` (法治政府建设情况年度报告) | a Portia spider ``jyj_zunyi_gov_cn_gk`` (``LIST_XPATH``, ``Regex(r'createPageHTML\\((\\d+),')``, ``index_{page}.html``) |
| 贵州 www.shuicheng.gov.cn (水城) | the 年报 column ``/zwgk/zfxxgk_1/zfxxgknb/`` holds a sub-column a year, ``nb_2022n/`` ("疑似 实际是板块": a folder, not an article) | a URL classifier's notes |
| 云南 czj.km.gov.cn, rsj.km.gov.cn (昆明) | a department's own host, its 政府信息公开年报 ``/zfxxgk/zfxxgknb/``; pages ``index_N.shtml``; the count in the page's script only: ``PageIndex > N ? N : PageIndex`` (czj), ``ele.value>N`` (rsj); items ``ul#newslist li a`` + ``span`` (czj) or ``div.item-url`` ``p[1]/a`` with the date ``2024.01.20`` in ``p[2]/a`` (rsj); a look-alike ``zfwzgzndbb`` (政府网站工作年度报表) | the Portia spiders ``CzjKmGovCn`` (``REGEX['total_page']``, ``index_{page + 1}.shtml``) and ``RsjKmGovCnGfSpider`` (``Regex(r"ele\\.value>(\\d+)")``, ``index_{page + 2}.shtml``) |
| 云南 xd.km.gov.cn, lq.km.gov.cn (昆明's counties) | the catalogue ``/zfxxgkml/`` with ``zfxxgkndbg/`` (年度报告) beside ``zfgzbg/`` (政府工作报告); details ``/c/<yyyy-mm-dd>/<id>.shtml``, title ``li.article-name span``, body ``div.L2``; pages ``index_N.shtml`` | a CrawlSpider (``Rule(LinkExtractor(allow=r'/c/\\d+-\\d+-\\d+/\\d+\\.shtml'))``), a second's ``start_urls`` |
| 河北 www.hebei.gov.cn | a column ``/columns/<uuid>/index.html``; its list a block ``/columns/<uuid>/templates/<uuid>/blocks/<uuid>?page=N&fix=0`` answering HTML, items ``li.xxgk_gfxwjk-list-li`` (``item.a.get('href')``); details ``/columns/<uuid>/<yyyymm>/<dd>/<uuid>.html``, body ``div.content`` | HBGovSpider's ``hebeiGovSpider._getProjectIDByType`` and its subclasses, a collector's docstring (正文容器 ``div.content``) |
| 广西 sthjt.gxzf.gov.cn, zjt.gxzf.gov.cn, jyt.gxzf.gov.cn | a unit's 政府信息公开 under ``/zfxxgk/zfxxgkgl/`` (信息公开管理) and ``/zfxxgk/fdzdgknr/``; a list ``div#morelist ul.more-list li a`` whose items are ``./t<id>.shtml`` in the column's own folder; a detail's body ``div.article div.article-con`` | a scrapy spider (``response.xpath("//div[@id='morelist']/ul[@class='more-list']/li/a/@href")``, ``url[1:]`` joined to the column), a recruitment note, reference lists of ``…/fdzdgknr/wjtz/t6187953.shtml`` |
| 北京 www.bjmy.gov.cn, www.bjdx.gov.cn, www.bjhr.gov.cn (密云, 大兴, 怀柔) | a district's 年报 tree ``/zfxxgk/zfxxgknb/{Y}/`` (密云 ``gknb{Y}/``, 怀柔 ``gknb/{Y}nb/``), its streets' and towns' reports in a sub-tree (``{Y}n/xzjd/``, ``{Y}nb/zxjd{Y}/``); reports as static HTML ``…/gknb2017/201802/t20180223_195744.html`` or Office/PDF files | a research note's template table (``年报树根模板``, ``街乡镇子树``) |

Assumptions (no evidence found): the pages that link one column to the next (a unit's 政府信息公开 page, the
year sub-columns' links); the 昆明 scripts around their page counts (a 跳转 field whose value is clamped, then
``location.href``); the 河北 column page's script that loads its block (``$.get`` of the block's URL with ``page`` and
``fix``) and the block's pager (links calling that script with the page); the 北京 year folders' lists; 广西's 年报
column's place (``/zfxxgk/zfxxgkgl/zfxxgknb/``, beside the 指南 under 信息公开管理) and its ``createPageHTML`` pager.

The portal:

- ``www.``: 政府信息公开 ``/zfxxgk/``: 法定主动公开内容, 政府信息公开年报 ``/zfxxgk/zfxxgknb/`` (a year sub-column
  each, ``nb_2024n/`` …, holding the city's and its towns' reports, two pages by ``createPageHTML``), 部门信息公开;
  reports as ``scroll_cont`` articles or their ``P0…pdf`` files; a 法治政府建设情况年度报告 column beside;
- departments on their own hosts (``czj.``, ``rsj.`` …): ``/zfxxgk/zfxxgknb/``, two items a page, the later pages
  ``index_2.shtml`` … known from the script's clamp only (``PageIndex > N ? N : PageIndex`` or ``ele.value>N``);
- 峤西县 (``qx.``): ``/zfxxgkml/zfxxgkndbg/``, details ``/c/<date>/<id>.shtml``;
- 峤新区 (``qn.``): 河北's columns, its 年报 column's list the block its script loads, paged by the block's links;
- 峤东县 (``qd.``): 广西's ``/zfxxgk/zfxxgkgl/zfxxgknb/``, ``#morelist .more-list`` of ``./t<id>.shtml`` details;
- 峤北区 (``qb.``): 北京's 年报 tree, ``/zfxxgk/zfxxgknb/<Y>/`` with the streets' ``<Y>/xzjd/``;
- decoys: 法治政府建设情况年度报告, 政府网站工作年度报表, 政府工作报告, 年报解读.
"""

from __future__ import annotations

from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import Host, Look, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import PDF
from tests.crawler.portal_u import query_value

DOMAIN = "qiaoling.gov.cn"
CITY = "峤岭市人民政府"
LOOK = Look('<a href="/">首页</a><a href="/zfxxgk/">政府信息公开</a>', seed=139, day=1)
PER_PAGE = 2

# The city's 年报 column: a sub-column a year holding the city's and its towns' reports ("art" an article, "pdf" its
# file), newest first.
CITY_YEARS = {
    2024: [(CITY, "art"), ("峤岭市石门镇人民政府", "pdf"), ("峤岭市龙溪镇人民政府", "art")],
    2023: [(CITY, "pdf"), ("峤岭市石门镇人民政府", "art"), ("峤岭市龙溪镇人民政府", "art")],
    2022: [(CITY, "art"), ("峤岭市白云街道办事处", "art")],
}
# The departments on their own hosts (昆明's habit): (sub-domain, name, list layout, pager script, years).
# Layout "newslist" czj's ``ul#newslist``, "items" rsj's ``div.item-url``; script "clamp" czj's
# ``PageIndex > N ? N : PageIndex``, "compare" rsj's ``ele.value>N``.
DEPARTMENTS = [
    ("czj", "峤岭市财政局", "newslist", "clamp", (2024, 2023, 2022)),
    ("rsj", "峤岭市人力资源和社会保障局", "items", "compare", (2024, 2023, 2022)),
    ("jyj", "峤岭市教育体育局", "newslist", "clamp", (2024, 2023)),
    ("mzj", "峤岭市民政局", "items", "compare", (2024, 2023, 2022)),
    ("sfj", "峤岭市司法局", "newslist", "compare", (2024,)),
    ("zrzyj", "峤岭市自然资源局", "items", "clamp", (2024, 2023, 2022)),
    ("wjj", "峤岭市卫生健康局", "newslist", "clamp", (2024, 2023, 2022)),
    ("swj", "峤岭市商务局", "items", "compare", (2024, 2023)),
    ("nyj", "峤岭市农业农村局", "newslist", "compare", (2024, 2023, 2022)),
    ("sthjj", "峤岭市生态环境局", "items", "clamp", (2024,)),
]
COUNTY = ("qx", "峤西县人民政府", "峤西县", (2024, 2023, 2022, 2021))
HEBEI = ("qn", "峤新区人民政府", "峤新区", (2024, 2023, 2022))
COLUMN, TEMPLATE, BLOCK = ("5f2d7c1a-3b4e-4a9d-8c61-2e7f90ab13c4", "0b6e1d2f-7a8c-4e3b-9f15-6c4d2a8e7b90",
                           "c3a9e5f1-2d7b-4c8a-a6e0-91f4b3d7c25e")
GK_COLUMN = "8e1f4a2b-6c3d-4e5f-a7b8-9c0d1e2f3a4b"
GUANGXI = ("qd", "峤东县人民政府", "峤东县", (2024, 2023, 2022))
BEIJING = ("qb", "峤北区人民政府", "峤北区", (2024, 2023))
STREETS = ["峤北区东华街道办事处", "峤北区西坝街道办事处", "峤北区柳河镇人民政府"]
AGENCIES = [*dict.fromkeys(agency for units in CITY_YEARS.values() for agency, _ in units),
            *(d[1] for d in DEPARTMENTS),
            COUNTY[1], HEBEI[1], GUANGXI[1], BEIJING[1], *STREETS]


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 峤岭市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))


def _title(agency: str, year: int) -> str:
    return f"{agency}{year}年政府信息公开工作年度报告"


class PortalAJ(OneServerPortal):
    """The hosts of 峤岭市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.county, self.hebei, self.guangxi, self.beijing = Host(), Host(), Host(), Host(), Host()
        self.departments = {sub: Host() for sub, *_ in DEPARTMENTS}
        self.serve({"www": self.www, COUNTY[0]: self.county, HEBEI[0]: self.hebei, GUANGXI[0]: self.guangxi,
                    BEIJING[0]: self.beijing, **self.departments})
        self.base = self.url("www", "/")
        self._home()
        self._city()
        for department in DEPARTMENTS:
            self._department(*department)
        self._county()
        self._hebei()
        self._guangxi()
        self._beijing()

    def _home(self) -> None:
        units = "".join(f'<li><a href="{self.url(sub, "/")}">{name.removeprefix("峤岭市")}</a></li>'
                        for sub, name, *_ in DEPARTMENTS)
        areas = "".join(f'<li><a href="{self.url(sub, "/")}">{short}</a></li>'
                        for sub, _, short, _ in (COUNTY, HEBEI, GUANGXI, BEIJING))
        self.www.pages["/"] = _page(f"{CITY}门户网站", (
            '<div class="nav2"><a href="/zfxxgk/">政府信息公开</a><a href="/xwzx/">新闻中心</a></div>'
            f'<div class="links"><h3>部门网站</h3><ul>{units}</ul><h3>区县</h3><ul>{areas}</ul></div>'))
        self.www.pages["/xwzx/"] = _page("新闻中心", "<ul></ul>")

    # 贵州: the city's /zfxxgk/, its 年报 column a sub-column a year
    def _city(self) -> None:
        self.www.pages["/zfxxgk/"] = _page(f"政府信息公开-{CITY}", (
            '<div class="zfxxgk_nav"><ul>'
            + list_items([("./zfxxgkzn/", "政府信息公开指南"), ("./fdzdgknr/", "法定主动公开内容"),
                          ("./zfxxgknb/", "政府信息公开年报")]) + "</ul></div>"))
        self.www.pages["/zfxxgk/fdzdgknr/"] = _page(f"法定主动公开内容-{CITY}", (
            '<div class="zfxxgk_nav"><ul>'
            + list_items([("./zcwj_5711608/", "政策文件"), ("./qtfdxx_5959354/fzzfjsqkndbg/", "法治政府建设情况年度报告")])
            + "</ul></div>"))
        rule_of_law = "/zfxxgk/fdzdgknr/qtfdxx_5959354/fzzfjsqkndbg/"
        decoy = f"{rule_of_law}202503/t20250318_86210431.html"
        self._trs_list(rule_of_law, [(decoy, f"{CITY}2024年法治政府建设情况年度报告", "2025-03-18")])
        self.www.pages[decoy] = self._trs_detail(f"{CITY}2024年法治政府建设情况年度报告", "2025-03-18", "<p>正文。</p>")
        years = [(f"./nb_{year}n/", f"{year}年") for year in CITY_YEARS]
        self.www.pages["/zfxxgk/zfxxgknb/"] = _page(f"政府信息公开年报-{CITY}", (
            '<div class="zfxxgk_zdgkc"><ul>' + list_items(years) + "</ul></div>"))
        for year, units in CITY_YEARS.items():
            folder = f"/zfxxgk/zfxxgknb/nb_{year}n/"
            items = [self._trs_report(folder, year, k, agency, way) for k, (agency, way) in enumerate(units)]
            if year == 2024:
                leaflet = f"{folder}202502/t20250210_86200993.html"
                self.www.pages[leaflet] = self._trs_detail(f"一图读懂{CITY}2024年政府信息公开工作年度报告",
                                                           "2025-02-10", "<p>图解。</p>")
                items.insert(1, (leaflet, f"一图读懂{CITY}2024年政府信息公开工作年度报告", "2025-02-10"))
            self._trs_list(folder, items)

    def _trs_list(self, folder: str, items: list[tuple[str, str, str]]) -> None:
        """A TRS list in pages of ``PER_PAGE``: ``index.html``, ``index_1.html`` …, counted by ``createPageHTML``."""
        pages = max(1, -(-len(items) // PER_PAGE))
        for number in range(pages):
            shown = items[number * PER_PAGE:(number + 1) * PER_PAGE]
            rows = "".join(f'<li><a href="{href}" title="{escape(title)}" target="_blank">{escape(title)}</a>'
                           f'<b>{date}</b></li>' for href, title, date in shown)
            name = "index.html" if number == 0 else f"index_{number}.html"
            page = _page("政府信息公开", (
                f'<div class="zfxxgk_zdgkc"><ul>{rows}</ul></div><div class="page"><script>'
                f'createPageHTML({pages}, {number}, "index", "html");</script></div>'))
            self.www.pages[folder + name] = page
            if number == 0:
                self.www.pages[folder] = page

    def _trs_detail(self, title: str, date: str, body: str) -> Page:
        return Page(LOOK.html(title, (
            f'<div class="dqwz_content">当前位置：政府信息公开</div><h1>{escape(title)}</h1>'
            f'<div class="scroll_cont ScrollStyle">{body}</div>')).replace(
            b"</title>", (f'</title><meta name="ArticleTitle" content="{escape(title)}">'
                          f'<meta name="PubDate" content="{date} 09:30">').encode(), 1))

    def _trs_report(self, folder: str, year: int, k: int, agency: str, way: str) -> tuple[str, str, str]:
        """``agency``'s report for ``year`` in the city's year sub-column, expected: its list item."""
        title, month = _title(agency, year), f"{year + 1}01"
        path = f"{folder}{month}/t{month}2{k}_8100{year % 100}{k:02d}.html"
        date = f"{year + 1}-01-2{k}"
        if way == "art":
            body = LOOK.report_body(agency, year)
            self.expected[self.url("www", path)] = (agency, year)
        else:
            name = f"P020{month}2{k}60887409337{k}.pdf"
            self.www.pages[f"{folder}{month}/{name}"] = Page(PDF, "application/pdf")
            self.expected[self.url("www", f"{folder}{month}/{name}")] = (agency, year)
            body = f'<p>{escape(title)}详见附件。</p><p>附件：<a href="./{name}">{escape(title)}.pdf</a></p>'
        self.www.pages[path] = self._trs_detail(title, date, body)
        return path, title, date

    # 云南 (昆明): a department's own host, its 年报 paged by a script's clamp
    def _department(self, sub: str, agency: str, layout: str, script: str, years: tuple[int, ...]) -> None:
        host = self.departments[sub]
        host.pages["/"] = _page(f"{agency}", (
            f'<div class="nav2"><a href="/">首页</a><a href="/zfxxgk/">政府信息公开</a></div><h1>{agency}</h1>'))
        host.pages["/zfxxgk/"] = _page(f"政府信息公开-{agency}", (
            '<ul class="gk-nav">' + list_items([("/zfxxgk/fdzdgknr/zfwzgzndbb/", "政府网站工作年度报表"),
                                                ("/zfxxgk/zfxxgknb/", "政府信息公开年报")]) + "</ul>"))
        items = []
        for k, year in enumerate(years):
            title = _title(agency, year)
            path = f"/zfxxgk/zfxxgknb/{year + 1}01/t{year + 1}012{k}_{sum(map(ord, sub)) % 1000:03d}{year}.shtml"
            host.pages[path] = Page(LOOK.article(title, agency, year))
            self.expected[self.url(sub, path)] = (agency, year)
            items.append((path, title, f"{year + 1}.01.2{k}"))
        report_form = f"/zfxxgk/fdzdgknr/zfwzgzndbb/202501/t20250115_{len(sub)}7120.shtml"
        host.pages[report_form] = _page(f"{agency}2024年政府网站工作年度报表", "<table><tr><td>网站名称</td></tr></table>")
        host.pages["/zfxxgk/fdzdgknr/zfwzgzndbb/"] = _page("政府网站工作年度报表", (
            f'<ul id="newslist"><li><a href="{report_form}">{agency}2024年政府网站工作年度报表</a><span>2025-01-15</span>'
            '</li></ul>'))
        pages = max(1, -(-len(items) // PER_PAGE))
        _numbered(host, "/zfxxgk/zfxxgknb/", [
            _page(f"政府信息公开年报-{agency}", _km_list(items[(n - 1) * PER_PAGE:n * PER_PAGE], layout)
                  + _km_pager(n, pages, script)) for n in range(1, pages + 1)])

    # 云南 (昆明's counties): /zfxxgkml/zfxxgkndbg/, details /c/<date>/<id>.shtml
    def _county(self) -> None:
        sub, agency, short, years = COUNTY
        host = self.county
        host.pages["/"] = _page(f"{agency}门户网站", '<div class="nav2"><a href="/zfxxgkml/">政府信息公开目录</a></div>')
        host.pages["/zfxxgkml/"] = _page(f"政府信息公开目录-{agency}", '<ul class="gkml">' + list_items([
            ("/zfxxgkml/zfgzbg/", "政府工作报告"), ("/zfxxgkml/zfxxgkndbg/", "政府信息公开年度报告")]) + "</ul>")
        work = "/c/2025-02-14/4821377.shtml"
        host.pages[work] = _county_detail(f"{agency}2025年政府工作报告", "2025-02-14", "<p>各位代表：</p>")
        host.pages["/zfxxgkml/zfgzbg/"] = _page("政府工作报告", (
            f'<ul class="list"><li><a href="{work}">{short}2025年政府工作报告</a><span>2025-02-14</span></li></ul>'))
        items = []
        for k, year in enumerate(years):
            title, date = _title(agency, year), f"{year + 1}-01-2{k}"
            path = f"/c/{date}/48213{year % 100}{k}.shtml"
            host.pages[path] = _county_detail(title, date, LOOK.report_body(agency, year))
            self.expected[self.url(sub, path)] = (agency, year)
            items.append((path, title, date))
        pages = -(-len(items) // PER_PAGE)
        listed = []
        for number in range(1, pages + 1):
            rows = "".join(f'<li><a href="{href}" title="{escape(title)}">{escape(title)}</a><span>{date}</span></li>'
                           for href, title, date in items[(number - 1) * PER_PAGE:number * PER_PAGE])
            links = "".join(f'<a href="{_numbered_name(n)}">{n}</a>' for n in range(1, pages + 1) if n != number)
            listed.append(_page(f"政府信息公开年度报告-{agency}", f'<ul class="list">{rows}</ul><div class="page">{links}</div>'))
        _numbered(host, "/zfxxgkml/zfxxgkndbg/", listed)

    # 河北: /columns/<uuid>/, the list a block the column page's script loads
    def _hebei(self) -> None:
        sub, agency, short, years = HEBEI
        host = self.hebei
        column = f"/columns/{COLUMN}/"
        block = f"{column}templates/{TEMPLATE}/blocks/{BLOCK}"
        host.pages["/"] = _page(f"{agency}门户网站", (
            f'<div class="nav2"><a href="/columns/{GK_COLUMN}/index.html">政府信息公开</a></div>'))
        host.pages[f"/columns/{GK_COLUMN}/index.html"] = _page(f"政府信息公开-{agency}", (
            '<ul class="xxgk-nav">' + list_items([(f"/columns/{GK_COLUMN}/zn.html", "政府信息公开指南"),
                                                  (f"{column}index.html", "政府信息公开年报")]) + "</ul>"))
        host.pages[f"{column}index.html"] = _page(f"政府信息公开年报-{agency}", (
            '<div class="xxgk-list" id="list"></div><script src="/js/jquery.min.js"></script>'
            f"<script>var blockUrl = '{block}';"
            "function loadBlock(page){$.get(blockUrl, {page: page, fix: 0}, function(html){$('#list').html(html);});}"
            "loadBlock(1);</script>"))
        host.pages["/js/jquery.min.js"] = Page(b"/*! jQuery v3.6.0 */", "application/javascript")
        items = []
        for k, year in enumerate(years):
            title, day = _title(agency, year), f"2{k}"
            path = f"{column}{year + 1}01/{day}/{_uuid(year, k)}.html"
            host.pages[path] = _page(title, f'<h1>{escape(title)}</h1><div class="content">'
                                            f'{LOOK.report_body(agency, year)}</div>')
            self.expected[self.url(sub, path)] = (agency, year)
            items.append((path, title, f"{year + 1}-01-{day}"))
        reading = f"{column}202502/10/{_uuid(2099, 9)}.html"
        host.pages[reading] = _page(f"解读：{short}2024年政府信息公开工作年度报告", '<div class="content"><p>解读。</p></div>')
        items.insert(1, (reading, f"解读：{short}2024年政府信息公开工作年度报告", "2025-02-10"))
        host.dynamic[block] = lambda query: _block(query, items)

    # 广西: /zfxxgk/zfxxgkgl/, a #morelist of details ./t<id>.shtml in the column's folder
    def _guangxi(self) -> None:
        sub, agency, short, years = GUANGXI
        host, column = self.guangxi, "/zfxxgk/zfxxgkgl/zfxxgknb/"
        host.pages["/"] = _page(f"{agency}门户网站", '<div class="nav2"><a href="/zfxxgk/">政府信息公开</a></div>')
        host.pages["/zfxxgk/"] = _page(f"政府信息公开-{agency}", '<ul class="gk">' + list_items([
            ("/zfxxgk/zfxxgkgl/zfxxgkzn/", "政府信息公开指南"), (column, "政府信息公开年报"),
            ("/zfxxgk/fdzdgknr/", "法定主动公开内容")]) + "</ul>")
        items = []
        for k, year in enumerate(years):
            title, path = _title(agency, year), f"{column}t{27298550 + year * 10 + k}.shtml"
            host.pages[path] = _page(title, f'<div class="article"><h1>{escape(title)}</h1><div class="article-con">'
                                            f'{LOOK.report_body(agency, year)}</div></div>')
            self.expected[self.url(sub, path)] = (agency, year)
            items.append(("./" + path.rsplit("/", 1)[1], title, f"{year + 1}-01-2{k}"))
        reading = f"{column}t27311990.shtml"
        host.pages[reading] = _page(f"{short}2024年政府信息公开工作年度报告政策解读", '<div class="article-con"><p>解读。</p></div>')
        items.insert(1, ("./t27311990.shtml", f"{short}2024年政府信息公开工作年度报告政策解读", "2025-02-11"))
        pages = -(-len(items) // PER_PAGE)
        listed = [_page(f"政府信息公开年报-{agency}", '<div id="morelist"><ul class="more-list">' + "".join(
            f'<li><a href="{href}" title="{escape(title)}">{escape(title)}</a><span>{date}</span></li>'
            for href, title, date in items[n * PER_PAGE:(n + 1) * PER_PAGE])
            + f'</ul><script>createPageHTML({pages}, {n}, "index", "shtml");</script></div>') for n in range(pages)]
        host.pages[column] = listed[0]
        for n, page in enumerate(listed):
            host.pages[column + ("index.shtml" if n == 0 else f"index_{n}.shtml")] = page

    # 北京: the 年报 tree, a folder a year, the streets' reports in its xzjd/ sub-tree
    def _beijing(self) -> None:
        sub, agency, short, years = BEIJING
        host = self.beijing
        root = "/zfxxgk/zfxxgknb/"
        host.pages["/"] = _page(f"{agency}门户网站", '<div class="nav2"><a href="/zfxxgk/">政府信息公开</a></div>')
        host.pages["/zfxxgk/"] = _page(f"政府信息公开-{agency}", '<ul class="gk">' + list_items([
            ("/zfxxgk/zfxxgkzn/", "政府信息公开指南"), (root, "政府信息公开年报")]) + "</ul>")
        host.pages[root] = _page(f"政府信息公开年报-{agency}", '<ul class="nb">' + list_items(
            [(f"{root}{year}/", f"{year}年度") for year in years]) + "</ul>")
        for year in years:
            folder = f"{root}{year}/"
            own = self._beijing_report(folder, year, 0, agency)
            streets = [self._beijing_report(f"{folder}xzjd/", year, k + 1, street) for k, street in enumerate(STREETS)]
            host.pages[folder] = _page(f"{year}年度-政府信息公开年报", (
                f'<ul class="list">{list_items([own])}</ul><h3><a href="./xzjd/">街道乡镇</a></h3>'))
            host.pages[f"{folder}xzjd/"] = _page(f"街道乡镇-{year}年度", f'<ul class="list">{list_items(streets)}</ul>')

    def _beijing_report(self, folder: str, year: int, k: int, agency: str) -> tuple[str, str]:
        title, month = _title(agency, year), f"{year + 1}01"
        path = f"{folder}{month}/t{month}2{k}_19574{k}.html"
        self.beijing.pages[path] = Page(LOOK.article(title, agency, year))
        self.expected[self.url(BEIJING[0], path)] = (agency, year)
        return path, title


def _numbered_name(number: int) -> str:
    return "index.shtml" if number == 1 else f"index_{number}.shtml"


def _numbered(host: Host, folder: str, pages: list[Page]) -> None:
    """A list's pages as 昆明's sites serve them: the first at the folder and ``index.shtml``, page N at
    ``index_N.shtml``."""
    host.pages[folder] = pages[0]
    for number, page in enumerate(pages, 1):
        host.pages[folder + _numbered_name(number)] = page


def _uuid(year: int, k: int) -> str:
    return f"{year:08x}-{k:04x}-4a1b-9c2d-{year * 31 + k:012x}"


def _km_list(items: list[tuple[str, str, str]], layout: str) -> str:
    if layout == "newslist":
        return '<ul id="newslist">' + "".join(
            f'<li><a href="{href}" title="{escape(title)}">{escape(title)}</a><span>{date}</span></li>'
            for href, title, date in items) + "</ul>"
    return '<div class="data-list">' + "".join(
        f'<div class="item-url"><p><a href="{href}" title="{escape(title)}">{escape(title)}</a></p>'
        f'<p><a>{date}</a></p></div>' for href, title, date in items) + "</div>"


def _km_pager(number: int, pages: int, script: str) -> str:
    """The page's 跳转 field and its script, the page count only in the clamp of the number asked."""
    if script == "clamp":
        check = f"PageIndex = PageIndex > {pages} ? {pages} :PageIndex;"
    else:
        check = f"if(ele.value>{pages}){{ele.value={pages};}} var PageIndex = ele.value;"
    return (f'<div id="page_div"><span>第{number}页</span>转到<input id="pageNum" type="text" value="{number}">页'
            '<a href="javascript:void(0)" onclick="goPage()">GO</a></div>'
            "<script>function goPage(){var ele = document.getElementById('pageNum');"
            f"var PageIndex = parseInt(ele.value); {check}"
            "location.href = PageIndex <= 1 ? 'index.shtml' : 'index_' + PageIndex + '.shtml';}</script>")


def _county_detail(title: str, date: str, body: str) -> Page:
    return _page(title, (f'<ul class="list"><li class="article-name"><span>{escape(title)}</span></li>'
                         f'<li>索引号：</li><li>文号：</li><li>发布日期：<span>{date}</span></li></ul>'
                         f'<div class="L2">{body}</div>'))


def _block(query: dict[str, list[str]], items: list[tuple[str, str, str]]) -> Page:
    """The 河北 block: the list's page ``page`` (``fix`` as the column page asks it) as an HTML fragment, its pager
    links calling the column page's ``loadBlock``."""
    page = int(query_value(query, "page")) if query_value(query, "page").isdigit() else 1
    pages = -(-len(items) // PER_PAGE)
    rows = "".join(f'<li class="xxgk_gfxwjk-list-li" style="display:block"><a href="{href}" title="{escape(title)}" '
                   f'target="_blank">{escape(title)}</a><span class="date">{date}</span></li>'
                   for href, title, date in items[(page - 1) * PER_PAGE:page * PER_PAGE])
    links = "".join(f'<a href="javascript:loadBlock({n})">{n}</a>' for n in range(1, pages + 1) if n != page)
    nxt = f'<a href="javascript:loadBlock({page + 1})">下一页</a>' if page < pages else ""
    return Page(f'<ul class="xxgk_gfxwjk-list">{rows}</ul><div class="page">{links}{nxt}</div>'.encode())

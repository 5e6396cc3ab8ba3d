"""A portal, 岷川市, under host names (``minchuan.gov.cn``) on one server told apart by the Host header: a city on the
``/info/iList.jsp`` 政府信息公开 platform (``node_id=GK…``, ``cat_id``, ``cur_page``) as real cities and counties of
四川, 陕西, 湖北, 上海 and 新疆 run it, and a district on 福建's TRS ``/fjdzapp/search``, their habits reproduced as
public crawlers of those sites found them, for crawls over real HTTP. The names resolve to 127.0.0.1 in the crawl
under test only (``HostsResolver``).

Evidence (public repositories, read through the tool library; quoted as found):

| site | habit | evidence |
| --- | --- | --- |
| 四川 www.deyang.gov.cn, www.mz.gov.cn (绵竹); 陕西 www.shaanxi.gov.cn, www.hancheng.gov.cn; 湖北 www.wehdz.gov.cn; 上海 yjglj.sh.gov.cn, www.stcsm.gov.cn; 新疆 www.cjs.gov.cn, www.xjahq.gov.cn | a unit's catalogue is ``/info/iList.jsp?isSd=false&node_id=GK<unit>&cat_id=<n>`` (a city's node ``GKdyszf``, a department's ``GKfgw``), sometimes with ``site_id=HIWCM<site>``/``CMS<site>`` and ``tm_id``; page N adds ``&cur_page=N`` | a deyang cost-info test (``LIST_URL``), DIYgod/RSSHub ``gov/sichuan/deyang`` (``basicUrl``), shaanxi scrapy spiders (``url_dict``), a hancheng R script, a wuhan bidding monitor (``url_path``), xjahq spider (``start_urls``, ``Rule(allow=…cur_page=\\d+)``) |
| the platform's own Java (``CategoryManager``) | a category with children is ``/info/iIndex.jsp?cat_id=``, a leaf ``/info/iList.jsp?cat_id=`` | a published source file (``ccpb.setUrl("/info/iIndex.jsp?cat_id="…``) |
| shaanxi | a list is ``table.gk_list_table``, a header row then one row an item: ``a[title]`` (the whole title), 文号 ``td.textCenter``, date ``td[align=center]``; the pager is a form whose first span says ``共N页``: crawlers build ``&cur_page=N`` themselves (one renders with Splash) | ``response.css('table.gk_list_table tr')[1:]``, ``form span:nth-child(1)`` … ``split('共')`` |
| xjwqx, xjahq (新疆) | the 公开 home ``/gkindex.htm`` and the departments' list ``/gkbmlb.htm``; a unit's page frames its catalogue (``iframe#rightFrame``, ``//iframe/@src``); the catalogue's categories are ``div#node-items`` links; rows ``#gk_list_table tr``; next page the fifth ``li`` of ``#list > div[2] … ul`` (a link with ``cur_page``); a detail page's ``#gk-info`` table and ``div#text`` | the two spiders' XPaths |
| mz.gov.cn | a list ``.list_div li`` ``a[title]``; a detail page's ``#attribute`` spans (索引号, 文号, 发布日期, …) with its files as ``<file href>`` elements in ``span.gk.fj`` | RSSHub's route (``$('#attribute > span.gk.fj > file')``, ``.attr('href')``) |
| deyang | details ``/gk/fjbm/<dept>/fadingnarong/<column>/<id>.htm``; files ``/wcm.files/upload/GK<unit>/eupload/ueditor/file/<yyyymmdd>/<id>.pdf`` linked by the detail | the deyang test's ``DETAIL_URL``, ``PDF_URL`` |
| wehdz (湖北) | a list as ``<table class="info-list">`` of cards, each item rows ``<th>标　　题</th><td colspan="3"><a href>…`` then 索引号, 发布日期 ``<td>2017-01-01</td>``, 所属主题; the pager in ``<td colspan="4" class="c">`` | the monitor's regexes (``table_p``, ``items_p``, ``release_time_p``) |
| 福建 www.fujian.gov.cn, sthjt/gxt/jtyst/scjgj/yjj.*.fujian.gov.cn, www.pingtan.gov.cn (TRS) | a column ``/zwgk/zfxxgkzl/zfxxgkml/<column>/`` whose list is ``POST /fjdzapp/search`` with ``channelid=229105``, ``sortfield=-docorderpri,-docreltime``, ``classsql=chnlid=<column>``, ``classcol=publishyear``, ``classnum=100``, ``classsort=0``, ``cache=true``, ``page``, ``prepage``; the answer ``{data: [{doctitle, docpuburl, docreltime, chnldocurl, files: [{_href}]}], pageCount}``; the column page's script says ``recordCount: '<n>'``; details ``…/<yyyymm>/t<yyyymmdd>_<id>.htm``, the body ``.TRS_Editor``, files in ``.article_attachment`` | feapder/scrapy spiders (``from_data``, ``formdata``, ``re.findall("recordCount: '(\\d+)'")``, ``item.get("docpuburl") or item.get("chnldocurl")``), a statistics collector's notes (``JSON 返回: { data: [{doctitle, docpuburl, docreltime}], pageCount: N }``), a crawler task's notes (``.article_attachment 与列表 files[]._href 互备拾取附件``), a pingtan archive's README, zrzyt/sft detail URLs |

Assumptions (no evidence found): the form pager's controls past its ``共N页`` span (a page field named ``cur_page``,
hidden ``node_id``/``cat_id`` and a script's ``下一页``), the card list's pager links; the 福建 column page's script
around its ``recordCount`` (a ``$.ajax`` POST of the form above, drawing ``data`` into ``.fjdzapp-list``).

The portal:

- ``www.``: the home page's 政务公开 links ``/gkindex.htm`` (its categories, the city's catalogue framed by
  ``iframe#rightFrame``: ``/info/iIndex.jsp?node_id=GKmcszf``, whose ``#node-items`` lead to 政府信息公开年报, a
  ``gk_list_table`` paged by the form only) and 部门信息公开 (``/gkbmlb.htm``): each department's page frames its
  catalogue (``/info/iIndex.jsp?isSd=false&node_id=GK<dept>``, its 年报 category only: fewer pages), its 年报 a
  ``#gk_list_table`` or ``.list_div`` list, two items a page, next page a link;
- reports as detail pages (``#gk-info`` and ``div#text``) holding the report, or linking its PDF under ``wcm.files``
  (an ``<a>``), or naming it by a ``<file href>`` element in ``#attribute span.gk.fj`` (教育局, 水利局);
- 岷东县 (``md.``): the same platform, its own host and ``site_id``, a card list (``table.info-list``);
- 岷西区 (``mx.``): on the 福建 TRS platform's ``fjdzapp`` search: its 年报 column's page holds no item, its script
  posts the search (two items a page, ``pageCount`` in the answer); a report as a ``.TRS_Editor`` article or a
  ``P0…pdf`` in its ``.article_attachment``;
- decoys: a 统计公报 and a 政府工作报告 in the city's column, a 部门预算 in 财政局's, a 年报 解读 in 岷东县's, a
  统计公报 in 岷西区's.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlencode

from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from tests.crawler import portal_o
from tests.crawler.portal import JSON, Host, Look, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import PDF
from tests.crawler.portal_u import query_value

DOMAIN = "minchuan.gov.cn"
CITY = "岷川市人民政府"
LOOK = Look('<a href="/">首页</a><a href="/gkindex.htm">政务公开</a>', seed=137, day=1)
PER_PAGE = 2
LIST = "/info/iList.jsp"
INDEX = "/info/iIndex.jsp"

# The departments on the city's 部门信息公开: (folder, name, 年报 category, list layout, reports: year → delivery).
# Layout "table" a #gk_list_table, "div" a .list_div; delivery "art" the detail page holds the report, "wcm" it
# links the PDF, "tag" it names the PDF by a <file href> element.
DEPARTMENTS = [
    ("fgw", "岷川市发展和改革委员会", 20101, "table", {2024: "art", 2023: "art"}),
    ("jyj", "岷川市教育局", 20102, "div", {2024: "tag"}),
    ("kjj", "岷川市科学技术局", 20103, "table", {2024: "wcm"}),
    ("jxj", "岷川市经济和信息化局", 20104, "div", {2024: "art"}),
    ("mzj", "岷川市民政局", 20105, "table", {2024: "wcm", 2023: "art"}),
    ("sfj", "岷川市司法局", 20106, "div", {2024: "art"}),
    ("czj", "岷川市财政局", 20107, "table", {2024: "art", 2023: "wcm"}),
    ("rsj", "岷川市人力资源和社会保障局", 20108, "div", {2024: "art"}),
    ("zrzyj", "岷川市自然资源和规划局", 20109, "table", {2024: "art"}),
    ("sthjj", "岷川市生态环境局", 20110, "div", {2024: "wcm"}),
    ("zjj", "岷川市住房和城乡建设局", 20111, "table", {2024: "art"}),
    ("jtysj", "岷川市交通运输局", 20112, "div", {2024: "art"}),
    ("slj", "岷川市水利局", 20113, "table", {2024: "tag", 2023: "art"}),
    ("nyncj", "岷川市农业农村局", 20114, "div", {2024: "art"}),
    ("swj", "岷川市商务局", 20115, "table", {2024: "art"}),
    ("wjw", "岷川市卫生健康委员会", 20116, "div", {2024: "art", 2023: "art"}),
]
CITY_NODE, CITY_CATEGORY = "GKmcszf", 10012
CITY_YEARS = {2024: "art", 2023: "wcm", 2022: "art", 2021: "art", 2020: "wcm", 2019: "art"}
COUNTY = ("md", "岷东县人民政府", "岷东县", "GKmdx", "HIWCMmdx", 3855, {2024: "art", 2023: "wcm", 2022: "art"})
DISTRICT = ("mx", "岷西区人民政府", "岷西区", 4910, {2024: "art", 2023: "pdf", 2022: "art"})
SEARCH = "/fjdzapp/search"
SEARCH_FORM = {"channelid": "229105", "sortfield": "-docorderpri,-docreltime", "classcol": "publishyear",
               "classnum": "100", "classsort": "0", "cache": "true"}
AGENCIES = [CITY, *(name for _, name, *_ in DEPARTMENTS), COUNTY[1], DISTRICT[1]]


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 岷川市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN

    def getHostByName(self, host: str, timeout=()) -> defer.Deferred:  # noqa: N802 (Twisted's interface)
        if host == DOMAIN or host.endswith("." + DOMAIN):
            return defer.succeed("127.0.0.1")
        return defer.fail(DNSLookupError(f"{host} is no name of the portal under test"))


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))


def list_url(node: str, category: int, page: int = 1, site: str = "") -> str:
    """A catalogue list's address as the platform links it (``cur_page`` past the first page)."""
    query = {"isSd": "false", "node_id": node, **({"site_id": site} if site else {}), "cat_id": category,
             **({"cur_page": page} if page > 1 else {})}
    return f"{LIST}?{urlencode(query)}"


class PortalAH(OneServerPortal):
    """The hosts of 岷川市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.county, self.district = Host(), Host(), Host()
        # host → (node, category) → layout, items (href, title, date), site_id
        self.lists: dict[str, dict[tuple[str, int], tuple[str, list[tuple[str, str, str]], str]]] = {}
        self.serve({"www": self.www, COUNTY[0]: self.county, DISTRICT[0]: self.district})
        self.base = self.url("www", "/")
        self._home()
        self._city()
        self._departments()
        self._county()
        self._district()

    def _home(self) -> None:
        self.www.pages["/"] = _page(f"{CITY}门户网站", (
            '<div class="nav2"><a href="/gkindex.htm">政务公开</a><a href="/xwzx/index.htm">新闻中心</a></div>'
            f'<div class="links"><h3>区县</h3><ul><li><a href="{self.url(COUNTY[0], "/")}">{COUNTY[2]}</a></li>'
            f'<li><a href="{self.url(DISTRICT[0], "/")}">{DISTRICT[2]}</a></li></ul></div>'))
        self.www.pages["/xwzx/index.htm"] = _page("新闻中心", "<ul></ul>")
        self.www.pages["/gkindex.htm"] = _page(f"政府信息公开-{CITY}", (
            '<ul class=" am-avg-sm-2 am-thumbnails"><li><a href="/gkindex.htm">政府信息公开</a></li>'
            '<li><a href="/gkbmlb.htm">部门信息公开</a></li></ul>'
            f'<iframe id="rightFrame" src="{INDEX}?node_id={CITY_NODE}" width="100%" height="900"></iframe>'))

    def _catalogue(self, host: Host, node: str, categories: list[tuple[str, str]]) -> None:
        """A unit's catalogue home: its categories as ``#node-items`` links (the page served for its node)."""
        host.pages[f"{INDEX}?node_id={node}"] = host.pages[f"{INDEX}?isSd=false&node_id={node}"] = _page(
            "政府信息公开目录", f'<div id="node-items"><ul>{list_items(categories)}</ul></div>')

    def _city(self) -> None:
        guide = list_url(CITY_NODE, 10011)
        annual = list_url(CITY_NODE, CITY_CATEGORY)
        self._catalogue(self.www, CITY_NODE, [(guide, "政府信息公开指南"), (list_url(CITY_NODE, 10013), "法定主动公开内容"),
                                              (annual, "政府信息公开年报")])
        self._list(self.www, "www", CITY_NODE, CITY_CATEGORY, "form", CITY, CITY_YEARS,
                   [(1, "岷川市2023年国民经济和社会发展统计公报"), (4, f"{CITY}2024年政府工作报告")], "szf")

    def _departments(self) -> None:
        units = []
        for folder, agency, category, layout, years in DEPARTMENTS:
            node = f"GK{folder}"
            home = f"/gkbm/{folder}.htm"
            units.append((home, agency.removeprefix("岷川市")))
            self.www.pages[home] = _page(f"{agency}信息公开", (
                f'<h1>{agency}</h1><iframe src="{INDEX}?isSd=false&amp;node_id={node}" width="100%"></iframe>'))
            self._catalogue(self.www, node, [(list_url(node, category), "政府信息公开年报")])
            noise = [(0, f"{agency}2024年部门预算")] if folder == "czj" else []
            self._list(self.www, "www", node, category, layout, agency, years, noise, folder)
        self.www.pages["/gkbmlb.htm"] = _page(f"部门信息公开-{CITY}", f'<ul class="bmlb">{list_items(units)}</ul>')

    def _county(self) -> None:
        sub, agency, short, node, site, category, years = COUNTY
        self.county.pages["/"] = _page(f"{agency}门户网站", (
            f'<div class="nav2"><a href="{INDEX}?node_id={node}">政府信息公开</a></div>'))
        self._catalogue(self.county, node, [(list_url(node, category - 1, site=site), "政府信息公开指南"),
                                            (list_url(node, category, site=site), "政府信息公开年报")])
        self._list(self.county, sub, node, category, "cards", agency, years,
                   [(1, f"图解：{short}2023年政府信息公开工作年度报告")], "md", site)

    def _district(self) -> None:
        """岷西区 on the 福建 TRS platform: its 年报 column's list only by the ``fjdzapp`` search its script posts."""
        sub, agency, short, column, years = DISTRICT
        host = self.district
        records = []
        for k, (year, way) in enumerate(sorted(years.items(), reverse=True)):
            title = f"{agency}{year}年政府信息公开工作年度报告"
            records.append(self._trs_article(host, sub, k, year, way, title, agency))
        decoy = f"{short}2023年国民经济和社会发展统计公报"
        decoy_path = "/zwgk/zfxxgkzl/zfxxgkml/xxgknb/202503/t20250302_6537990.htm"
        host.pages[decoy_path] = _page(decoy, f'<h1>{decoy}</h1><div class="TRS_Editor"><p>正文。</p></div>')
        records.insert(1, {"doctitle": decoy, "docpuburl": self.url(sub, decoy_path),
                           "chnldocurl": self.url(sub, decoy_path), "docreltime": "2025-03-02 09:00:00", "files": []})
        host.pages["/"] = _page(f"{agency}门户网站", (
            '<div class="nav2"><a href="/zwgk/zfxxgkzl/zfxxgkml/">政府信息公开目录</a></div>'))
        host.pages["/zwgk/zfxxgkzl/zfxxgkml/"] = _page(f"政府信息公开目录-{agency}", (
            '<ul class="gkml"><li><a href="./zcwj/">政策文件</a></li><li><a href="./xxgknb/">政府信息公开年报</a></li></ul>'))
        host.pages["/zwgk/zfxxgkzl/zfxxgkml/xxgknb/"] = _page(f"政府信息公开年报-{agency}", (
            '<div class="fjdzapp-list"></div><div id="page"></div>'
            '<script src="/fjdzapp/js/jquery.min.js"></script>'
            f"<script>var pageConfig = {{ recordCount: '{len(records)}', pageSize: {PER_PAGE} }};"
            "function loadList(page){$.ajax({url: '" + SEARCH + "', type: 'POST', dataType: 'json', data: {"
            + ", ".join(f"{key}: '{value}'" for key, value in SEARCH_FORM.items())
            + f", classsql: 'chnlid={column}', page: page, prepage: {PER_PAGE}}}, success: function(res){{"
            "$('.fjdzapp-list').html($.map(res.data, function(d){return '<div class=\"fjdzapp-list-item\">"
            "<a href=\"' + d.docpuburl + '\">' + d.doctitle + '</a><span>' + d.docreltime.substr(0, 10)"
            " + '</span></div>';}).join(''));"
            "}});}loadList(1);</script>"))
        host.pages["/fjdzapp/js/jquery.min.js"] = Page(b"/*! jQuery v3.6.0 */", "application/javascript")
        host.posted[SEARCH] = lambda q, form: _search(form, column, records)

    def _trs_article(self, host: Host, sub: str, k: int, year: int, way: str, title: str, agency: str) -> dict:
        """``agency``'s report for ``year`` as a TRS article (``way`` "art": its ``.TRS_Editor`` the report, "pdf": a
        file in its ``.article_attachment``), expected; its record in the search's answer."""
        month = f"{year + 1}01"
        path = f"/zwgk/zfxxgkzl/zfxxgkml/xxgknb/{month}/t{month}2{k}_65379{k:02d}.htm"
        files = []
        if way == "art":
            article = LOOK.article(title, agency, year)
            host.pages[path] = Page(article.replace(b'class="content"', b'class="TRS_Editor"'))
            self.expected[self.url(sub, path)] = (agency, year)
        else:
            name = f"P020{month}2{k}56042681328{k}.pdf"
            file = f"/zwgk/zfxxgkzl/zfxxgkml/xxgknb/{month}/{name}"
            host.pages[file] = Page(PDF, "application/pdf")
            self.expected[self.url(sub, file)] = (agency, year)
            files.append({"_href": self.url(sub, file), "_title": f"{title}.pdf"})
            host.pages[path] = _page(title, (
                f'<h1>{escape(title)}</h1><div class="TRS_Editor"><p>{escape(title)}详见附件。</p></div>'
                f'<div class="article_attachment">附件：<a href="./{name}">{escape(title)}.pdf</a></div>'))
        return {"doctitle": title, "docpuburl": self.url(sub, path), "chnldocurl": self.url(sub, path),
                "docreltime": f"{year + 1}-01-2{k} 09:00:00", "files": files}

    def _list(self, host: Host, sub: str, node: str, category: int, layout: str, agency: str, years: dict[int, str],
              noise: list[tuple[int, str]], folder: str, site: str = "") -> None:
        """``agency``'s 年报 category (newest first, ``noise`` at its indices) served by the list's handler."""
        items = []
        for k, (year, way) in enumerate(sorted(years.items(), reverse=True)):
            title = f"{agency}{year}年政府信息公开工作年度报告"
            detail = self._report(host, sub, node, folder, k, year, way, title, agency)
            items.append((detail, title, f"{year + 1}-01-2{k}"))
        for at, title in noise:
            detail = f"/gk/fjbm/{folder}/fadingnarong/qtxx/{category * 100 + 90 + at}.htm"
            host.pages[detail] = _page(title, f"<h1>{escape(title)}</h1><div id=\"text\"><p>正文。</p></div>")
            items.insert(at, (detail, title, f"2025-03-0{at + 1}"))
        self.lists.setdefault(sub, {})[(node, category)] = (layout, items, site)
        host.dynamic[LIST] = lambda q, s=sub: self._answer(q, s)

    def _report(self, host: Host, sub: str, node: str, folder: str, k: int, year: int, way: str, title: str,
                agency: str) -> str:
        """``agency``'s report for ``year`` delivered ``way``, expected; the detail page its list links."""
        detail = f"/gk/fjbm/{folder}/fadingnarong/xxgknb/{year * 10 + k}.htm"
        if way == "art":
            host.pages[detail] = Page(LOOK.article(title, agency, year))
            self.expected[self.url(sub, detail)] = (agency, year)
            return detail
        file = f"/wcm.files/upload/{node}/eupload/ueditor/file/{year + 1}012{k}/17{year}{k:02d}8437452077195.pdf"
        host.pages[file] = Page(PDF, "application/pdf")
        self.expected[self.url(sub, file)] = (agency, year)
        named = escape(title) + ".pdf"
        attachment = (f'<span class="gk fj">附件：<file href="{file}">{named}</file></span>' if way == "tag" else
                      '<span class="gk fj"></span>')
        linked = f'<p>附件：<a href="{file}">{named}</a></p>' if way == "wcm" else ""
        host.pages[detail] = _page(title, (
            f'<table id="gk-info"><tr><th>索引号</th><td>{node}-{year}-{k}</td><th>文号</th><td></td></tr>'
            f'<tr><th>标题</th><td colspan="3">{escape(title)}</td></tr><tr><th>发布机构</th><td>{escape(agency)}</td>'
            f'<th>发布日期</th><td>{year + 1}-01-2{k}</td></tr></table>'
            f'<div id="attribute"><span>索引号：{node}-{year}-{k}</span><span>文号：</span>'
            f'<span>发布日期：{year + 1}-01-2{k}</span>{attachment}<span>信息来源：{escape(agency)}</span>'
            f'<span>关键词：年报</span></div><div id="text"><p>{escape(title)}详见附件。</p>{linked}</div>'))
        return detail

    def _answer(self, query: dict[str, list[str]], sub: str) -> Page:
        """``/info/iList.jsp``: the category's page ``cur_page`` (the first when none), in the list's layout; an
        unknown category the platform's empty list."""
        node, category = query_value(query, "node_id"), query_value(query, "cat_id")
        layout, items, site = self.lists[sub].get((node, int(category) if category.isdigit() else 0), ("", [], ""))
        number = max(1, int(query_value(query, "cur_page") or 1)) if query_value(query, "cur_page").isdigit() else 1
        pages = max(1, -(-len(items) // PER_PAGE))
        shown = items[(number - 1) * PER_PAGE:number * PER_PAGE]
        pager = {"form": _form_pager, "cards": _card_pager}.get(layout, _list_pager)(node, int(category or 0), number,
                                                                                     pages, site)
        if layout == "cards":   # the pager a row of the cards' table
            return _page("政府信息公开目录", f'<table class="info-list">{_cards(shown)}{pager}</table>')
        body = _list_div(shown) if layout == "div" else _table_rows(shown)
        return _page("政府信息公开目录", f'<div id="list"><div>{body}</div><div><div><div>{pager}</div></div></div></div>')


def _search(form: dict[str, list[str]], column: int, records: list[dict]) -> Page:
    """``POST /fjdzapp/search``: the column's records of ``page`` (``prepage`` a page), with ``pageCount``; a form
    without the column's ``classsql`` or the platform's ``channelid`` an error."""
    if (query_value(form, "classsql") != f"chnlid={column}"
            or query_value(form, "channelid") != SEARCH_FORM["channelid"]):
        return Page(json.dumps({"error": True, "msg": "参数错误"}, ensure_ascii=False).encode(), JSON)
    size = int(query_value(form, "prepage") or 15) if query_value(form, "prepage").isdigit() else 15
    page = int(query_value(form, "page")) if query_value(form, "page").isdigit() else 1
    return Page(json.dumps({"data": records[(page - 1) * size:page * size], "pageCount": -(-len(records) // size),
                            "recordCount": len(records)}, ensure_ascii=False).encode(), JSON)


def _cut(title: str) -> str:
    return title[:16] + "…" if len(title) > 16 else title


def _table_rows(items: list[tuple[str, str, str]]) -> str:
    rows = "".join(f'<tr><td class="textCenter">{k + 1}</td><td><a href="{href}" title="{escape(title)}" '
                   f'target="_blank">{escape(_cut(title))}</a></td><td class="textCenter"></td>'
                   f'<td align="center">{date}</td></tr>' for k, (href, title, date) in enumerate(items))
    return (f'<table class="gk_list_table" id="gk_list_table"><tr><th>序号</th><th>名称</th><th>文号</th>'
            f'<th>发布日期</th></tr>{rows}</table>')


def _list_div(items: list[tuple[str, str, str]]) -> str:
    rows = "".join(f'<li><a href="{href}" title="{escape(title)}" target="_blank">{escape(_cut(title))}</a>'
                   f'<span>{date}</span></li>' for href, title, date in items)
    return f'<div class="list_div"><ul>{rows}</ul></div>'


def _cards(items: list[tuple[str, str, str]]) -> str:
    cards = "".join(f'<tr><th>标　　题</th><td colspan="3"><a href="{href}" target="_blank">{escape(title)}</a></td></tr>'
                    f'<tr><th>索 引 号</th><td>000014349/{date[:4]}-{k:05d}</td><th>发布日期</th><td>{date}</td></tr>'
                    '<tr><th>所属主题</th><td colspan="3">综合政务</td></tr>' for k, (href, title, date) in enumerate(items))
    return cards


def _list_pager(node: str, category: int, number: int, pages: int, site: str) -> str:
    """首页, 上一页, the page numbers, 下一页 (the fifth item: a link while a next page exists), 尾页."""
    def item(text: str, page: int) -> str:
        return f'<li><a href="{escape(list_url(node, category, page, site))}">{text}</a></li>'
    return (f'<ul>{item("首页", 1)}{item("上一页", max(1, number - 1))}<li>{number}/{pages}</li>'
            f'<li>共{pages}页</li>{item("下一页", number + 1) if number < pages else "<li>下一页</li>"}'
            f'{item("尾页", pages)}</ul>')


def _form_pager(node: str, category: int, number: int, pages: int, site: str) -> str:
    """The form the crawlers read ``共N页`` from: its first span the count, the pages only by its script."""
    return (f'<form name="pageForm" action="{LIST}" method="get"><span>共{pages}页</span><span>当前第{number}页</span>'
            f'<a href="javascript:void(0)" onclick="goPage({number + 1})">下一页</a>'
            f'<input type="hidden" name="node_id" value="{node}"><input type="hidden" name="cat_id" value="{category}">'
            f'转到<input type="text" name="cur_page" size="2">页<input type="submit" value="GO"></form>'
            f'<script>function goPage(n){{if(n>{pages})return;document.pageForm.cur_page.value=n;'
            'document.pageForm.submit();}</script>')


def _card_pager(node: str, category: int, number: int, pages: int, site: str) -> str:
    links = "".join(f'<a href="{escape(list_url(node, category, page, site))}">{page}</a>'
                    for page in range(1, pages + 1) if page != number)
    return f'<tr><td colspan="4" class="c">共{pages}页 {links}</td></tr>'

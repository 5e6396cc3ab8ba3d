"""A twentieth municipal portal, 北澜市, under host names (``beilan.gov.cn``) on one server told apart by the Host
header: habits of real government CMS families that no other portal serves live, for crawls over real HTTP. The
names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 to the city's gkmlpt platform and lists the departments' sites and the
  county's under 部门网站 / 县区;
- the city's gkmlpt (``/gkmlpt/index``, 2019–2025): a shell linking no catalog at all: its script, in a file of its
  own, draws the catalog tree from the platform's API (``$.getJSON('/gkmlpt/api/tree', {sid: SID}, …)``, answered
  ``{"catalogs": [{"id", "name", "children"}]}``) and asks each catalog's list of ``'/gkmlpt/api/all/' + id``; the
  list's dates only as ``first_publish_time`` epoch seconds, or milliseconds (the newer platform's), and its 2024
  and 2025 reports PDFs: their publication date is that time's;
- 市教育局 (``jyj.``): its list prints each title only in the link's ``title``, the visible text the category tag
  ``【年度报告】`` or the date alone;
- 市卫生健康委员会 (``wjw.``): year tabs (``<li onclick="loadYear(2024)">``), the current year's list in the page,
  the others loaded by ``loadYear(y)``, a function of the page GETting ``'list_' + y + '.html'``;
- 市司法局 (``sfj.``): a TRS-style static list paged by a ``page.js`` of its own reading ``var totalPage = 3`` from
  the page (``index.html``, ``index_1.html``, ``index_2.html``), no page link in the HTML;
- 北澜县 (``blx.``): a shared 信息公开 platform, every department under ``/xxgk/{deptcode}/`` with one template (its
  ``<title>`` 政府信息公开 alone), linked by short names (教育局, 卫健局, 民政局): the department's full name is only
  in the breadcrumb (当前位置：首页 > 信息公开 > 北澜县教育局), its reports titled without an agency
  (2023年政府信息公开工作年度报告): their agency is the breadcrumb's;
- decoys: a 政府工作报告, a 统计公报 and a 政府信息公开指南 in the city's catalogs, a 年度工作报告 in 教育局's list, a
  国有企业's 年度报告 in 卫健委's 2023 tab, a 部门决算报告 and a 法治政府建设年度报告 on 司法局's pages, a 预算报告 and a
  企业年度报告公示 notice in the county's 教育局 list, a 政府信息公开目录 at every county department.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import SCRIPT, Host, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import LOOK, PortalS, _json

DOMAIN = "beilan.gov.cn"
CITY = "北澜市人民政府"
COUNTY = "北澜县"
SID = "7652"
GKML_PER_PAGE = 5
GKML_SCRIPT = (
    "function tree() { $.getJSON('/gkmlpt/api/tree', {sid: SID}, function (d) { var h = '';"
    " $.each(d.catalogs, function (i, c) { h += '<li onclick=\"loadList(' + c.id + ', 1)\">' + c.name + '</li>'; });"
    " $('#catalog').html(h); }); }\n"
    "function loadList(catId, page) { $.getJSON('/gkmlpt/api/all/' + catId, {page: page, sid: SID}, function (d) {"
    " var h = ''; $.each(d.articles, function (i, a) { h += '<li><a href=\"' + a.url + '\" target=\"_blank\">' +"
    " a.title + '</a><span>' + fmt(a.first_publish_time) + '</span></li>'; }); $('#list').html(h); }); }\n"
    "$(tree);\n")
SFJ_PAGES = 3
SFJ_PAGE_SCRIPT = (
    "var html = '';\n"
    "for (var i = 0; i < totalPage; i++) {\n"
    "  var href = i == 0 ? 'index.html' : 'index_' + i + '.html';\n"
    "  html += i == currentPage ? '<span>' + (i + 1) + '</span>' : '<a href=\"' + href + '\">' + (i + 1) + '</a>';\n"
    "}\n"
    "document.getElementById('page').innerHTML = html;\n")
COUNTY_DEPTS = (("113301", "教育局", "北澜县教育局"), ("113302", "卫健局", "北澜县卫生健康局"),
                ("113303", "民政局", "北澜县民政局"))


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 北澜市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalT(OneServerPortal):
    """The hosts of 北澜市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)
    and the publication dates a report's PDF has only from its list (``published``: URL → ISO date)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.county, self.jyj, self.wjw, self.sfj = (Host() for _ in range(5))
        self.serve({
            "www": self.www, "blx": self.county, "jyj": self.jyj, "wjw": self.wjw,
            "sfj": self.sfj})
        self.base = self.url("www", "/")
        self.published: dict[str, str] = {}
        self._home()
        self._gkmlpt()
        self._tag_titles()
        self._year_calls()
        self._page_script()
        self._county()

    # a report page or PDF, and a decoy's page, as 南溪市's
    _report, _noise = PortalS._report, staticmethod(PortalS._noise)

    def _home(self) -> None:
        self.home(LOOK, CITY, "/gkmlpt/index", county=("blx", "北澜县"), departments=[
            ("jyj", "/", "市教育局"),
            ("wjw", "/", "市卫生健康委员会"),
            ("sfj", "/", "市司法局")])

    def _gkmlpt(self) -> None:
        """The city's gkmlpt: its catalog tree from the API, each list the API's, dates as epoch times."""
        catalog = 2059
        self.www.pages["/gkmlpt/index"] = Page(LOOK.html(f"{CITY}信息公开目录", (
            '<div class="gkml"><ul id="catalog"></ul><ul id="list"></ul><div id="pager"></div></div>'
            f"<script>var SID = '{SID}';</script><script src=\"/gkmlpt/static/js/gkml.js\"></script>")))
        self.www.pages["/gkmlpt/static/js/gkml.js"] = Page(GKML_SCRIPT.encode(), SCRIPT)
        articles = []
        for year in range(2025, 2018, -1):
            post = f"/gkmlpt/content/2/{catalog}/post_{catalog}{year}.{'pdf' if year > 2023 else 'html'}"
            title = self._report(self.www, "www", post, CITY, year)
            published = datetime(year + 1, 1, 20, 9, 30, tzinfo=timezone.utc)
            if post.endswith(".pdf"):
                self.published[self.url("www", post)] = published.date().isoformat()
            stamp = int(published.timestamp())
            articles.append({"id": catalog * 10000 + year, "title": title, "url": self.url("www", post),
                             "first_publish_time": stamp * 1000 if year > 2023 else stamp})
        for at, title in ((1, f"2025年{CITY}工作报告"), (4, "北澜市2023年国民经济和社会发展统计公报")):
            post = f"/gkmlpt/content/2/{catalog}/post_{catalog}{at}.html"
            articles.insert(at, {"id": at, "title": self._noise(self.www, post, title),
                                 "url": self.url("www", post), "first_publish_time": 1704412800})
        guide = "/gkmlpt/content/2/2060/post_1.html"
        lists = {str(catalog): articles, "2101": [], "2102": [],
                 "2060": [{"id": 1, "title": self._noise(self.www, guide, f"{CITY}政府信息公开指南"),
                           "url": self.url("www", guide), "first_publish_time": 1704412800}]}
        tree = {"catalogs": [{"id": 2060, "name": "政府信息公开指南", "children": []},
                             {"id": catalog, "name": "政府信息公开年报", "children": []},
                             {"id": 2101, "name": "政策文件", "children": [{"id": 2102, "name": "规范性文件"}]}]}
        self.www.dynamic["/gkmlpt/api/tree"] = lambda query: _json(tree if query.get("sid") == [SID] else
                                                                   {"code": 400, "msg": "sid required"})

        def api(catalog_id: str, query: dict[str, list[str]]) -> Page:
            if query.get("sid") != [SID]:
                return _json({"code": 400, "msg": "sid required"})
            listed, page = lists[catalog_id], int((query.get("page") or ["1"])[0])
            return _json({"articles": listed[(page - 1) * GKML_PER_PAGE:page * GKML_PER_PAGE],
                          "total": len(listed), "page": page, "page_size": GKML_PER_PAGE})

        for catalog_id in lists:
            self.www.dynamic[f"/gkmlpt/api/all/{catalog_id}"] = lambda query, c=catalog_id: api(c, query)

    def _tag_titles(self) -> None:
        """教育局: each title only in the link's ``title``, the text a tag 【年度报告】 or the date alone."""
        agency = "北澜市教育局"
        rows = []
        for year in range(2024, 2019, -1):
            path = f"/xxgk/ndbg/{year + 1}01/t{year + 1}0115_{year}.html"
            title = self._report(self.jyj, "jyj", path, agency, year)
            text = "【年度报告】" if year % 2 else f"{year + 1}-01-15"
            rows.append(f'<li><a href="{path}" title="{escape(title)}" target="_blank">{text}</a>'
                        f'<span>{year + 1}-01-15</span></li>')
        work = "/xxgk/ndbg/202401/t20240110_gz.html"
        rows.insert(2, f'<li><a href="{work}" title="{self._noise(self.jyj, work, f"{agency}2023年度工作报告")}"'
                       ' target="_blank">【年度报告】</a><span>2024-01-10</span></li>')
        self.jyj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.jyj.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}",
                                                                 f'<ul class="list">{"".join(rows)}</ul>'))

    def _year_calls(self) -> None:
        """卫健委: year tabs, the current year's list in the page, the others loaded by ``loadYear(y)``."""
        agency = "北澜市卫生健康委员会"
        lists = {}
        for year in range(2024, 2019, -1):
            path = f"/xxgk/ndbg/{year}/art_{year}.html"
            lists[year] = [(path, self._report(self.wjw, "wjw", path, agency, year))]
        soe = "/xxgk/ndbg/2023/art_gq.html"
        lists[2023].append((soe, self._noise(self.wjw, soe, "北澜市城市建设投资集团有限公司2023年度报告")))
        for year, items in lists.items():
            self.wjw.pages[f"/xxgk/ndbg/list_{year}.html"] = Page(f'<ul>{list_items(items)}</ul>'.encode())
        tabs = "".join(f'<li onclick="loadYear({y})"{" class=on" if y == 2024 else ""}>{y}年</li>' for y in lists)
        self.wjw.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.wjw.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            f'<ul class="tabs">{tabs}</ul><div id="list"><ul>{list_items(lists[2024])}</ul></div><script>'
            "function loadYear(y) { $.get('/xxgk/ndbg/list_' + y + '.html', function (h) { $('#list').html(h); });"
            " $('.tabs li').removeClass('on'); }</script>")))

    def _page_script(self) -> None:
        """司法局: a static list paged by its own ``page.js`` reading ``var totalPage`` from the page."""
        agency = "北澜市司法局"
        items = []
        for year in range(2024, 2018, -1):
            path = f"/zwgk/ndbg/{year + 1}01/t{year + 1}0112_{year}.html"
            items.append((path, self._report(self.sfj, "sfj", path, agency, year)))
        for at, path, title in ((1, "/zwgk/ndbg/202402/t20240201_js.html", f"{agency}2023年部门决算报告"),
                                (4, "/zwgk/ndbg/202403/t20240301_fz.html", f"{agency}2023年法治政府建设年度报告")):
            items.insert(at, (path, self._noise(self.sfj, path, title)))
        per_page = -(-len(items) // SFJ_PAGES)
        self.sfj.pages["/"] = Page(LOOK.html(agency, '<a href="/zwgk/ndbg/index.html">政府信息公开年报</a>'))
        self.sfj.pages["/zwgk/ndbg/page.js"] = Page(SFJ_PAGE_SCRIPT.encode(), SCRIPT)
        for page in range(SFJ_PAGES):
            chunk = items[page * per_page:(page + 1) * per_page]
            self.sfj.pages[f"/zwgk/ndbg/index{f'_{page}' if page else ''}.html"] = Page(LOOK.html(
                f"政府信息公开年报-{agency}", (
                    f'<ul class="list">{list_items(chunk)}</ul><div id="page"></div>'
                    f"<script>var totalPage = {SFJ_PAGES}; var currentPage = {page};</script>"
                    '<script src="page.js"></script>')))

    def _county(self) -> None:
        """北澜县: one 信息公开 template for every department under ``/xxgk/{code}/``, the name in the breadcrumb."""
        depts = "".join(f'<li><a href="/xxgk/{code}/index.html">{short}</a></li>' for code, short, _ in COUNTY_DEPTS)
        self.county.pages["/"] = Page(LOOK.html(f"{COUNTY}人民政府", '<a href="/xxgk/index.html">政府信息公开</a>'))
        self.county.pages["/xxgk/index.html"] = Page(LOOK.html("政府信息公开", (
            f'<div class="bm"><h3>部门信息公开</h3><ul>{depts}</ul></div>')))
        for k, (code, _, agency) in enumerate(COUNTY_DEPTS):
            crumb = (f'<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/index.html">信息公开</a>'
                     f' &gt; <a href="/xxgk/{code}/index.html">{agency}</a></div>')
            base = f"/xxgk/{code}"
            self.county.pages[f"{base}/index.html"] = Page(LOOK.html("政府信息公开", (
                f'{crumb}<ul class="menu"><li><a href="{base}/zn/index.html">政府信息公开指南</a></li>'
                f'<li><a href="{base}/ml/index.html">政府信息公开目录</a></li>'
                f'<li><a href="{base}/ndbg/index.html">政府信息公开年报</a></li></ul>')))
            self._noise(self.county, f"{base}/zn/index.html", "政府信息公开指南")
            self._noise(self.county, f"{base}/ml/index.html", "政府信息公开目录")
            items = []
            for year in range(2024, 2021, -1):
                path = f"{base}/ndbg/{year + 1}01/t{year + 1}012{k}_{year}.html"
                title = f"{year}年政府信息公开工作年度报告"
                self.county.pages[path] = Page(LOOK.html(title, (
                    f'{crumb}<div class="article"><h1>{title}</h1><div class="info">发布时间：{year + 1}-01-2{k}</div>'
                    f'<div class="content">{LOOK.report_body(agency, year)}</div></div>')))
                self.expected[self.url("blx", path)] = (agency, year)
                items.append((path, title))
            if k == 0:
                items.insert(1, (f"{base}/ndbg/202402/t20240205_ys.html",
                                 self._noise(self.county, f"{base}/ndbg/202402/t20240205_ys.html", "2024年部门预算报告")))
                items.insert(3, (f"{base}/ndbg/202403/t20240305_qy.html", self._noise(
                    self.county, f"{base}/ndbg/202403/t20240305_qy.html", "关于开展2023年度企业年度报告公示工作的通知")))
            self.county.pages[f"{base}/ndbg/index.html"] = Page(LOOK.html("政府信息公开", (
                f'{crumb}<ul class="list">{list_items(items)}</ul>')))

"""A nineteenth municipal portal, 南溪市, under host names (``nanxi.gov.cn``) on one server told apart by the Host
header: CMS families of real government sites that no other portal serves live, for crawls over real HTTP. The
names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 to the city's 广东-style gkmlpt platform and lists the departments'
  sites and the county's under 部门网站 / 县区;
- the city's gkmlpt (``/gkmlpt/index``, 2019–2025): a shell whose catalog menu links hash routes (``#2059``
  政府信息公开年报, ``#2101`` 政策文件) and whose script, in a file of its own, asks each catalog's list of the JSON
  API ``'/gkmlpt/api/all/' + catId`` with ``{page, sid: SID}`` (``var SID = '7651'`` in the page), answered
  ``{"articles": [{"title", "url", "first_publish_time"}], "total", "page_size"}``, five a page;
- 南溪县 (``nxx.``): the same platform under its own host, its home page linking the 年报 catalog as
  ``/gkmlpt/index#2061``;
- 市发展和改革委员会 (``fgw.``): a JCMS column (``/col/col1229001234/index.html``) whose first three records are
  a ``<script type="text/xml"><datastore>`` block, the rest served by ``/module/web/jpage/dataproxy.jsp`` only
  to a POST of the jpage form (``columnid``, ``unitid``, ``webid`` … in the body, ``startrecord``/``endrecord``/
  ``perpage`` in the query); a GET answers an empty datastore, as such proxies do;
- 市教育局 (``jyj.``): each item of its server-rendered list is ``/detail?id=8842``, a shell whose script loads
  the article from ``'/api/content/' + id`` (``{"data": {"title", "htmlContent", "files": [{"name", "url"}]}}``):
  a report written into ``htmlContent`` is that answer, one given only as a ``files[]`` PDF is the file;
- 市卫生健康委员会 (``wjw.``): its list's titles cut with "…" (南溪市卫生健康委员会2023年政府信息公开工作年度报…),
  no ``title`` attribute, the date only in a ``<span>`` after the link: the full title only on the report page;
- 政府信息公开年报专栏 (``zwgk.``): every agency's report listed through a search API asked by a JSON POST
  (``axios.post('/api/search/list', {pageNo: 1, pageSize: 5, channelId: 'ndbg'})``, a form refused), answered
  ``{"data": {"list": […], "total": 8}}``: 市人力资源和社会保障局's and 市民政局's reports;
- decoys: a 政府工作报告 and a 统计公报 in the city's catalog, a 年度工作报告 and a 企业年度报告公示 notice in the
  county's, a 部门预算 in 发改委's records, a 部门决算 in 教育局's list, a 部门预算 and a 统计公报 cut short in
  卫健委's, a 政府信息公开指南 and a 企业年度报告公示 notice in the 专栏's answers.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import JSON, SCRIPT, Host, Look, Page
from tests.crawler.portal_o import OneServerPortal, list_items

DOMAIN = "nanxi.gov.cn"
CITY = "南溪市人民政府"
COUNTY = "南溪县人民政府"
PDF = b"%PDF-1.4\n% report\n"
LOOK = Look('<a href="/">首页</a>', seed=97, day=1)
GKML_PER_PAGE = 5
GKML_SCRIPT = (
    "function loadList(catId, page) { $.getJSON('/gkmlpt/api/all/' + catId, {page: page, sid: SID}, function (d) {"
    " var h = ''; $.each(d.articles, function (i, a) { h += '<li><a href=\"' + a.url + '\" target=\"_blank\">' +"
    " a.title + '</a><span>' + fmt(a.first_publish_time) + '</span></li>'; }); $('#list').html(h);"
    " pager(d.total, d.page_size, page); }); }\n"
    "function route() { var id = location.hash.replace('#', '') || '0'; loadList(id, 1); }\n"
    "window.addEventListener('hashchange', route); $(route);\n")
PROXY_PER_PAGE = 3
SEARCH_PER_PAGE = 5


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 南溪市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _stamp(year: int, day: int) -> int:
    return int(datetime(year, 1, day, tzinfo=timezone.utc).timestamp())


def _json(value: object) -> Page:
    return Page(json.dumps(value, ensure_ascii=False).encode(), JSON)


class PortalS(OneServerPortal):
    """The hosts of 南溪市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.county, self.fgw, self.jyj, self.wjw, self.zwgk = (Host() for _ in range(6))
        self.serve({
            "www": self.www, "nxx": self.county, "fgw": self.fgw, "jyj": self.jyj,
            "wjw": self.wjw, "zwgk": self.zwgk})
        self.base = self.url("www", "/")
        self._home()
        self._gkmlpt(self.www, "www", CITY, 2059, range(2025, 2018, -1),
                     [(1, f"2025年{CITY}工作报告"), (4, "南溪市2023年国民经济和社会发展统计公报")])
        self._gkmlpt(self.county, "nxx", COUNTY, 2061, range(2024, 2019, -1),
                     [(2, f"{COUNTY}2023年度工作报告"), (3, "关于开展2023年度企业年度报告公示工作的通知")])
        self.county.pages["/"] = Page(LOOK.html(f"{COUNTY}门户网站", (
            '<div class="xxgk"><h3>政府信息公开</h3><ul><li><a href="/gkmlpt/index">信息公开目录</a></li>'
            '<li><a href="/gkmlpt/index#2061">政府信息公开年报</a></li></ul></div>')))
        self._jcms()
        self._detail_api()
        self._cut_titles()
        self._search_column()

    def _report(self, host: Host, sub: str, path: str, agency: str, year: int, title: str = "") -> str:
        title = title or f"{agency}{year}年政府信息公开工作年度报告"
        host.pages[path] = Page(PDF, "application/pdf") if path.endswith(".pdf") else Page(LOOK.article(title, agency, year))
        self.expected[self.url(sub, path)] = (agency, year)
        return title

    @staticmethod
    def _noise(host: Host, path: str, title: str) -> str:
        host.pages[path] = Page(LOOK.html(title, f"<h1>{escape(title)}</h1><p>正文。</p>"))
        return title

    def _home(self) -> None:
        self.home(LOOK, CITY, "/gkmlpt/index", county=("nxx", "南溪县"), departments=[
            ("fgw", "/", "市发展和改革委员会"),
            ("jyj", "/", "市教育局"),
            ("wjw", "/", "市卫生健康委员会"),
            ("zwgk", "/ndbg/index.html", "政府信息公开年报专栏")])

    def _gkmlpt(self, host: Host, sub: str, agency: str, catalog: int, years: range,
                decoys: list[tuple[int, str]]) -> None:
        """A gkmlpt platform: hash-routed catalogs, each list the JSON API's answer, five a page."""
        host.pages["/gkmlpt/index"] = Page(LOOK.html(f"{agency}信息公开目录", (
            '<div class="gkml"><ul class="catalog"><li><a href="/gkmlpt/guide">政府信息公开指南</a></li>'
            f'<li><a href="#{catalog}">政府信息公开年报</a></li><li><a href="#2101">政策文件</a></li>'
            '<li><a href="#2102">规划信息</a></li></ul><ul id="list"></ul><div id="pager"></div></div>'
            "<script>var SID = '7651';</script>"
            '<script src="/gkmlpt/static/js/gkml.js"></script>')))
        host.pages["/gkmlpt/static/js/gkml.js"] = Page(GKML_SCRIPT.encode(), SCRIPT)
        self._noise(host, "/gkmlpt/guide", "政府信息公开指南")
        articles = []
        for year in years:
            post = f"/gkmlpt/content/2/{catalog}/post_{catalog}{year}.{'pdf' if year > 2024 else 'html'}"
            title = self._report(host, sub, post, agency, year)
            articles.append({"id": catalog * 10000 + year, "title": title, "url": self.url(sub, post) + f"#{catalog}",
                             "first_publish_time": _stamp(year + 1, 20)})
        for at, title in decoys:
            post = f"/gkmlpt/content/2/{catalog}/post_{catalog}{at}.html"
            articles.insert(at, {"id": at, "title": self._noise(host, post, title),
                                 "url": self.url(sub, post) + f"#{catalog}", "first_publish_time": _stamp(2024, 5)})
        others = [{"id": 1, "title": f"{agency}关于印发2024年政务公开工作要点的通知",
                   "url": self.url(sub, "/gkmlpt/content/2/2101/post_1.html#2101"), "first_publish_time": 0}]
        self._noise(host, "/gkmlpt/content/2/2101/post_1.html", others[0]["title"])

        lists = {str(catalog): articles, "2101": others, "2102": []}

        def api(catalog_id: str, query: dict[str, list[str]]) -> Page:
            if query.get("sid") != ["7651"]:
                return _json({"code": 400, "msg": "sid required"})
            listed = lists[catalog_id]
            page = int((query.get("page") or ["1"])[0])
            chunk = listed[(page - 1) * GKML_PER_PAGE:page * GKML_PER_PAGE]
            return _json({"articles": chunk, "total": len(listed), "page": page, "page_size": GKML_PER_PAGE})

        for catalog_id in lists:
            host.dynamic[f"/gkmlpt/api/all/{catalog_id}"] = lambda query, c=catalog_id: api(c, query)

    def _jcms(self) -> None:
        """发改委: a JCMS column, three records inline, the rest from the data proxy by POST only."""
        agency = "南溪市发展和改革委员会"
        records = []
        for year in range(2025, 2018, -1):
            path = f"/art/{year + 1}/1/16/art_1229001234_{year}.{'pdf' if year > 2024 else 'html'}"
            title = self._report(self.fgw, "fgw", path, agency, year)
            records.append(f'<li><a href="{path}" target="_blank" title="{title}">{title}</a>'
                           f'<span>{year + 1}-01-16</span></li>')
        budget = "/art/2024/2/1/art_1229001234_ys.html"
        records.insert(2, f'<li><a href="{budget}" target="_blank">'
                          f'{self._noise(self.fgw, budget, f"{agency}2024年部门预算")}</a><span>2024-02-01</span></li>')
        inline = "".join(f"<record><![CDATA[{r}]]></record>" for r in records[:PROXY_PER_PAGE])
        self.fgw.pages["/"] = Page(LOOK.html(agency, (
            '<div class="xxgk"><a href="/col/col1229001234/index.html">政府信息公开年报</a>'
            '<a href="/col/col1229001235/index.html">政府信息公开指南</a></div>')))
        self._noise(self.fgw, "/col/col1229001235/index.html", "政府信息公开指南")
        self.fgw.pages["/col/col1229001234/index.html"] = Page(LOOK.html(f"政府信息公开年报 {agency}", (
            '<div id="4373541"><script type="text/xml"><datastore>'
            f"<nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp?page=1&webid=2&path=/&columnid=1229001234"
            f'&unitid=4373541&permissiontype=0"></a>]]></nextgroup><recordset>{inline}</recordset></datastore>'
            "</script></div>"
            '<script src="/module/web/jpage/jpage.js"></script><script>$(document).ready(function () {'
            f" $('#4373541').jpage({{dataStore: dataStore, totalRecord: {len(records)}, perPage: {PROXY_PER_PAGE},"
            " groupSize: 1, proxyUrl: '/module/web/jpage/dataproxy.jsp', ajaxParam: {col: 1, appid: 1, webid: 2,"
            " path: '/', columnid: 1229001234, sourceContentType: 1, unitid: '4373541', webname: '南溪市发展和改革委员会',"
            " permissiontype: 0}});});</script>")))

        def datastore(chunk: list[str]) -> Page:
            rows = "".join(f"<record><![CDATA[{r}]]></record>" for r in chunk)
            return Page(f"<datastore><totalrecord>{len(records)}</totalrecord><recordset>{rows}</recordset>"
                        "</datastore>".encode(), "text/xml; charset=utf-8")

        def proxy(query, form) -> Page:
            if form.get("columnid") != ["1229001234"]:
                return datastore([])
            start, end = int(query["startrecord"][0]), int(query["endrecord"][0])
            return datastore(records[start - 1:end])

        self.fgw.dynamic["/module/web/jpage/dataproxy.jsp"] = lambda query: datastore([])
        self.fgw.posted["/module/web/jpage/dataproxy.jsp"] = proxy

    def _detail_api(self) -> None:
        """教育局: ``/detail?id=`` shells whose article is ``/api/content/{id}``, a PDF in ``files[]`` or HTML."""
        agency = "南溪市教育局"
        items = []
        for k, year in enumerate(range(2025, 2020, -1)):
            id_ = 8840 + k
            title = f"{agency}{year}年政府信息公开工作年度报告"
            if year % 2:
                pdf = f"/upload/2026/{id_}.pdf"
                self.jyj.pages[pdf] = Page(PDF, "application/pdf")
                self.expected[self.url("jyj", pdf)] = (agency, year)
                data = {"title": title, "htmlContent": "<p>详见附件。</p>",
                        "files": [{"name": f"{title}.pdf", "url": pdf}]}
            else:
                self.expected[self.url("jyj", f"/api/content/{id_}")] = (agency, year)
                data = {"title": title, "htmlContent": LOOK.report_body(agency, year), "files": []}
            self.jyj.pages[f"/api/content/{id_}"] = _json({"code": 200, "data": {**data, "publishTime":
                                                                                  f"{year + 1}-01-15"}})
            items.append((f"/detail?id={id_}", title))
        self.jyj.pages["/api/content/8850"] = _json({"code": 200, "data": {
            "title": f"{agency}2023年度部门决算", "htmlContent": "<p>部门决算。</p>", "files": []}})
        items.insert(2, ("/detail?id=8850", f"{agency}2023年度部门决算"))
        self.jyj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.jyj.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}",
                                                                 f'<ul class="list">{list_items(items)}</ul>'))
        self.jyj.pages["/detail"] = Page(LOOK.html(agency, (
            '<div class="article"><h1 id="title"></h1><div id="content"></div><ul id="files"></ul></div><script>'
            "var id = new URLSearchParams(location.search).get('id');"
            "$.getJSON('/api/content/' + id, function (r) { $('#title').text(r.data.title);"
            " $('#content').html(r.data.htmlContent); $.each(r.data.files, function (i, f) {"
            " $('#files').append('<li><a href=\"' + f.url + '\">' + f.name + '</a></li>'); }); });</script>")))

    def _cut_titles(self) -> None:
        """卫健委: titles cut with "…", no title attribute, the date in a ``<span>`` after the link."""
        agency = "南溪市卫生健康委员会"
        rows = []
        for year in range(2024, 2019, -1):
            path = f"/art/{year + 1}/1/18/art_1_{year}.html"
            title = self._report(self.wjw, "wjw", path, agency, year)
            rows.append((path, title, f"{year + 1}-01-18"))
        rows.insert(1, ("/art/2024/2/1/art_1_ys.html",
                        self._noise(self.wjw, "/art/2024/2/1/art_1_ys.html", f"{agency}2024年部门预算公开"), "2024-02-01"))
        rows.insert(3, ("/art/2023/4/1/art_1_tj.html",
                        self._noise(self.wjw, "/art/2023/4/1/art_1_tj.html", "南溪市2022年卫生健康事业发展统计公报"),
                        "2023-04-01"))
        cut = "".join(f'<li><a href="{path}" target="_blank">{escape(title[:24])}…</a><span class="date">{date}'
                      "</span></li>" for path, title, date in rows)
        self.wjw.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.wjw.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}",
                                                                 f'<ul class="list">{cut}</ul>'))

    def _search_column(self) -> None:
        """The 年报专栏: every agency's report listed by a search API asked with a JSON POST."""
        listed = []
        for agency, code in (("南溪市人力资源和社会保障局", "rsj"), ("南溪市民政局", "mzj")):
            for year in range(2024, 2021, -1):
                path = f"/ndbg/{code}/{year}.html"
                listed.append({"title": self._report(self.zwgk, "zwgk", path, agency, year), "url": path,
                               "publishDate": f"{year + 1}-01-20", "deptName": agency})
        listed.insert(2, {"title": self._noise(self.zwgk, "/ndbg/zn.html", "南溪市政府信息公开指南"),
                          "url": "/ndbg/zn.html", "publishDate": "2024-01-02"})
        listed.insert(5, {"title": self._noise(self.zwgk, "/ndbg/qynb.html", "南溪市2023年度企业年度报告公示的公告"),
                          "url": "/ndbg/qynb.html", "publishDate": "2024-03-01"})
        self.zwgk.pages["/ndbg/index.html"] = Page(LOOK.html("政府信息公开年报专栏", (
            '<div id="app"><ul class="list"><li v-for="item in list"><a :href="item.url" target="_blank">'
            '{{ item.title }}</a><span>{{ item.publishDate }}</span></li></ul></div><script>'
            "new Vue({el: '#app', data: {list: [], total: 0, pageNo: 1}, mounted: function () { this.load(); },"
            " methods: {load: function () { var vm = this; axios.post('/api/search/list', {pageNo: this.pageNo,"
            " pageSize: 5, channelId: 'ndbg'}).then(function (r) { vm.list = r.data.data.list;"
            " vm.total = r.data.data.total; }); }}});</script>")))

        def search(query, body) -> Page:
            if not isinstance(body.get("pageNo"), int) or body.get("channelId") != "ndbg":
                return _json({"code": 500, "msg": "参数错误"})
            page, size = body["pageNo"], int(body.get("pageSize") or SEARCH_PER_PAGE)
            return _json({"code": 200, "data": {"list": listed[(page - 1) * size:page * size],
                                                "total": len(listed)}})

        self.zwgk.posted["/api/search/list"] = search


"""A twenty-fourth municipal portal, 南峰市, under host names (``nanfeng.gov.cn``) on one server told apart by the Host
header: habits of real government sites in hiding a report's document or the way to it that no other portal serves,
for crawls over real HTTP. The names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 and lists the departments' sites and the county's under 部门网站 / 县区;
  two of them (发改委, 南峰县) only through the portal's 外链 warning page, ``/link.jsp?url=`` and the site's address
  URL-encoded: the page answers 200 with 您即将离开南峰市人民政府门户网站 and a script that reads the address from
  its own query (``decodeURIComponent(getQueryString('url'))``) and sends the browser on after three seconds;
- the city's 政府信息公开年报 column (``/xxgk/ndbg/index.html``, 2019–2025, 2025 linked as its PDF): a plain list;
- 市发展和改革委员会 (``fgw.``): reached only through ``link.jsp``, a plain list;
- 市教育局 (``jyj.``): its list links each report straight to a Java download servlet
  (``/servlet/DownloadServlet?fileId=…``) under the report's title, no file name in the address nor in the text;
  the servlet answers ``application/octet-stream`` with ``Content-Disposition: attachment; filename*=UTF-8''…pdf``;
- 市卫生健康委员会 (``wjw.``): each report an article whose body is empty but for a ``<div id="pdf-box">`` and
  ``PDFObject.embed("/upload/2024/0120/a1b2c3.pdf", "#pdf-box")``, the file named by a hash: the report is the file;
- 市民政局 (``mzj.``): its list the data of a ``<script type="application/json" id="list-data">`` island
  (``{"list": [{"title", "link", "date"}]}``) drawn into the page by a script;
- 南峰县 (``nfx.``): reached only through ``link.jsp``; its reports titled by the period they cover
  (南峰县人民政府2023年1月1日至2023年12月31日政府信息公开工作年度报告, …（2022年1月1日—2022年12月31日）);
- decoys: a 年度工作报告 and a 统计公报 in the city's list, a 部门预算 in 发改委's, a 统计年报 behind 教育局's servlet, a
  统计公报 shown by PDFObject in 卫健委's, a 企业年度报告公示 notice in 民政局's island, a 社会组织年报 notice and a
  部门决算 in the county's.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from tests.crawler import portal_o
from tests.crawler.portal import Host, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import LOOK, PDF, PortalS
from tests.crawler.portal_u import NOT_FOUND, query_value

DOMAIN = "nanfeng.gov.cn"
CITY = "南峰市人民政府"
COUNTY = "南峰县人民政府"
_LEAVING = (
    "function getQueryString(name) { var m = location.search.match(new RegExp('[?&]' + name + '=([^&]*)'));"
    " return m ? m[1] : ''; }\n"
    "var url = decodeURIComponent(getQueryString('url'));\n"
    "document.getElementById('target').innerHTML = url;\n"
    "setTimeout(function () { location.href = url; }, 3000);\n")


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 南峰市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalX(OneServerPortal):
    """The hosts of 南峰市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.fgw, self.jyj, self.wjw, self.mzj, self.county = (Host() for _ in range(6))
        self.serve({"www": self.www, "fgw": self.fgw, "jyj": self.jyj, "wjw": self.wjw, "mzj": self.mzj,
                    "nfx": self.county})
        self.base = self.url("www", "/")
        self._home()
        self._city()
        self._leaving_only()
        self._servlet()
        self._pdfobject()
        self._json_island()
        self._periods()

    _report, _noise = PortalS._report, staticmethod(PortalS._noise)

    @staticmethod
    def _column(host: Host, agency: str, items: list[tuple[str, str]], column: str = "/xxgk/ndbg/index.html") -> None:
        """The department's home page linking its 年报 column, and the column's plain list of ``items``."""
        host.pages["/"] = Page(LOOK.html(agency, f'<a href="{column}">政府信息公开年报</a>'))
        host.pages[column] = Page(LOOK.html(f"政府信息公开年报-{agency}", f'<ul class="list">{list_items(items)}</ul>'))

    def _leaving(self, sub: str, path: str) -> str:
        """The address of the portal's 外链 warning page sending the browser on to ``path`` on ``sub``."""
        return "/link.jsp?url=" + quote(self.url(sub, path), safe="")

    def _home(self) -> None:
        links = "".join(f'<li><a href="{href}" target="_blank">{name}</a></li>' for href, name in (
            (self._leaving("fgw", "/"), "市发展和改革委员会"), (self.url("jyj", "/"), "市教育局"),
            (self.url("wjw", "/"), "市卫生健康委员会"), (self.url("mzj", "/"), "市民政局")))
        self.www.pages["/"] = Page(LOOK.html(f"{CITY}门户网站", (
            '<div class="nav2"><a href="/xxgk/index.html">政府信息公开</a><a href="/xwzx/index.html">新闻中心</a></div>'
            f'<div class="links"><h3>部门网站</h3><ul>{links}</ul><h3>县区</h3><ul><li><a href="'
            f'{self._leaving("nfx", "/")}" target="_blank">南峰县</a></li></ul></div>')))
        self.www.pages["/xxgk/index.html"] = Page(LOOK.html(f"{CITY}政府信息公开", (
            '<ul class="ml"><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li>'
            '<li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))

        def leaving(query: dict[str, list[str]]) -> Page:
            if not query_value(query, "url"):
                return NOT_FOUND
            return Page(LOOK.html("提示", (
                '<div class="leave"><p>您即将离开南峰市人民政府门户网站，访问：<span id="target"></span></p>'
                '<p>3秒后自动跳转，<a href="javascript:history.back()">返回</a></p></div>'
                f"<script>{_LEAVING}</script>")))

        self.www.dynamic["/link.jsp"] = leaving

    def _city(self) -> None:
        """The city's column: a plain list, 2025 linked as its PDF."""
        items = []
        for year in range(2025, 2018, -1):
            path = "/xxgk/ndbg/upload/2026/ndbg2025.pdf" if year > 2024 else f"/xxgk/ndbg/{year + 1}01/t{year + 1}0118_{8800 + year}.html"
            items.append((path, self._report(self.www, "www", path, CITY, year)))
        for at, path, title in ((1, "/xxgk/ndbg/202402/t20240205_9901.html", f"{CITY}2023年度工作报告"),
                                (4, "/xxgk/ndbg/202403/t20240301_9902.html", "南峰市2023年国民经济和社会发展统计公报")):
            items.insert(at, (path, self._noise(self.www, path, title)))
        self.www.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{CITY}",
                                                                 f'<ul class="list">{list_items(items)}</ul>'))

    def _leaving_only(self) -> None:
        """发改委: reached only through the 外链 warning page; a plain list."""
        agency = "南峰市发展和改革委员会"
        items = []
        for year in range(2024, 2018, -1):
            path = f"/xxgk/ndbg/art_{3100 + year}.html"
            items.append((path, self._report(self.fgw, "fgw", path, agency, year)))
        items.insert(2, ("/xxgk/ndbg/art_9001.html", self._noise(self.fgw, "/xxgk/ndbg/art_9001.html",
                                                                 f"{agency}2024年部门预算")))
        self._column(self.fgw, agency, items)

    def _servlet(self) -> None:
        """教育局: its list links a download servlet under each report's title, the file's name only in the answer."""
        agency = "南峰市教育局"
        items, files = [], {}
        for year in range(2024, 2018, -1):
            key, title = str(7700 + year), f"{agency}{year}年政府信息公开工作年度报告"
            files[key] = (f"{title}.pdf", PDF)
            self.expected[self.url("jyj", f"/servlet/DownloadServlet?fileId={key}")] = (agency, year)
            items.append((f"/servlet/DownloadServlet?fileId={key}", title))
        files["9100"] = ("南峰市2023年教育事业统计年报.pdf", PDF)
        items.insert(3, ("/servlet/DownloadServlet?fileId=9100", "南峰市2023年教育事业统计年报"))
        self._column(self.jyj, agency, items)

        def download(query: dict[str, list[str]]) -> Page:
            if query_value(query, "fileId") not in files:
                return NOT_FOUND
            name, body = files[query_value(query, "fileId")]
            return Page(body, "application/octet-stream", headers={
                "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

        self.jyj.dynamic["/servlet/DownloadServlet"] = download

    def _pdfobject(self) -> None:
        """卫健委: each article shows its PDF with PDFObject, the file named by a hash."""
        agency = "南峰市卫生健康委员会"
        items = []
        shown = [(year, f"{agency}{year}年政府信息公开工作年度报告") for year in range(2024, 2018, -1)]
        shown.insert(2, (0, "南峰市2023年卫生健康事业发展统计公报"))
        for k, (year, title) in enumerate(shown):
            path, pdf = f"/xxgk/ndbg/content_{5500 + k}.html", f"/upload/2024/0120/{k:02d}a1b2c3.pdf"
            self.wjw.pages[path] = Page(LOOK.html(title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：2024-01-20</div>'
                '<div class="content"><div id="pdf-box" style="height:800px"></div></div></div>'
                '<script src="/js/pdfobject.min.js"></script>'
                f'<script>PDFObject.embed("{pdf}", "#pdf-box");</script>')))
            self.wjw.pages[pdf] = Page(PDF, "application/pdf")
            if year:
                self.expected[self.url("wjw", pdf)] = (agency, year)
            items.append((path, title))
        self.wjw.pages["/js/pdfobject.min.js"] = Page(b"var PDFObject={embed:function(u,t){}};",
                                                      "application/javascript")
        self._column(self.wjw, agency, items)

    def _json_island(self) -> None:
        """民政局: its list the data of a JSON island, drawn by the page's script."""
        agency = "南峰市民政局"
        records = []
        for year in range(2024, 2018, -1):
            path = f"/xxgk/ndbg/{year + 1}/{6600 + year}.html"
            records.append({"title": self._report(self.mzj, "mzj", path, agency, year), "link": path,
                            "date": f"{year + 1}-01-18"})
        path = "/xxgk/ndbg/2024/9300.html"
        records.insert(1, {"title": self._noise(self.mzj, path, "关于开展2023年度企业年度报告公示工作的通知"),
                           "link": path, "date": "2024-03-01"})
        island = json.dumps({"list": records}, ensure_ascii=False)
        self.mzj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.mzj.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            f'<ul class="list" id="list"></ul><script type="application/json" id="list-data">{island}</script>'
            "<script>var data = JSON.parse(document.getElementById('list-data').textContent);"
            " document.getElementById('list').innerHTML = data.list.map(function (d) {"
            " return '<li><a href=\"' + d.link + '\">' + d.title + '</a><span>' + d.date + '</span></li>';"
            " }).join('');</script>")))

    def _periods(self) -> None:
        """南峰县: reached only through the 外链 warning page; its reports titled by the period they cover."""
        agency = COUNTY
        items = []
        for year in range(2024, 2018, -1):
            path = f"/zwgk/ndbg/{year + 1}/{4400 + year}.html"
            title = (f"{agency}{year}年1月1日至{year}年12月31日政府信息公开工作年度报告" if year % 2 else
                     f"{agency}政府信息公开工作年度报告（{year}年1月1日—{year}年12月31日）")
            items.append((path, self._report(self.county, "nfx", path, agency, year, title)))
        for at, path, title in ((1, "/zwgk/ndbg/2024/9501.html", "关于做好2023年度社会组织年报工作的通知"),
                                (4, "/zwgk/ndbg/2024/9502.html", "南峰县2023年度部门决算")):
            items.insert(at, (path, self._noise(self.county, path, title)))
        self._column(self.county, agency, items, "/zwgk/ndbg/index.html")

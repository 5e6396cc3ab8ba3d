"""An eighteenth municipal portal, 西岭市, under host names (``xiling.gov.cn``) on one server told apart by the Host
header: habits of real government sites in sending a visitor on, drawing a list by script, filing a year only in
the address, answering unknown addresses and guarding a department that no other portal has, for crawls over
real HTTP. The names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: every address a 302 to the bare host's home page, a TRS column code (``xiling.gov.cn/col/col1/
  index.html``);
- the bare host: its 信息公开 page draws its 目录 from a JSON tree its script fetches (``/api/catalog/tree.json``),
  the only place naming the 年报 column's TRS code (``/col/col12345/index.html``) and the departments' sites;
- the city's 年报 column (2019–2025, 2025 linked as its PDF): written by ``document.write`` from a script array of
  [address, title, date];
- 市交通运输局 (``jtj.``): its list a ``<script type="text/template">`` filled from an inline JSON array;
- 市住房和城乡建设局 (``zjj.``): one tab per year (``/xxgk/ndbg/2024/``), the year only in the tab and the address,
  its titles without a year;
- 市农业农村局 (``nyj.``): a folder per year (``/ndbg/2023/``) named 2023年度, its reports titled by their kind alone
  (政府信息公开工作年度报告), no agency, no year;
- 市审计局 (``sjj.``): every address answered HTTP 412 with a 瑞数-type obfuscated script and a cookie it computes:
  the crawler cannot pass it and must say so in coverage (refused, and why), never that the site has no 年报 column;
- 西岭县 (``xlx.``): every unknown address answered 200 with a page saying 您访问的页面不存在 (a "soft 404"), its
  list still linking the withdrawn 2019 report;
- noise: a 政府工作报告 and a 统计公报 in the city's array, a 部门决算 in 交通局's JSON, a 预算报告 in 住建局's 2024
  tab, a 年度工作报告 and a 企业年度报告公示 column at the county.
"""

from __future__ import annotations

import json

from tests.crawler import portal_o
from tests.crawler.portal import Host, HostServer, Look, Page
from tests.crawler.portal_o import NamedHosts, OneServerPortal, host_name, list_items

DOMAIN = "xiling.gov.cn"
CITY = "西岭市人民政府"
COUNTY = "西岭县人民政府"
AUDIT = "西岭市审计局"
PDF = b"%PDF-1.4\n% report\n"
LOOK = Look('<a href="/col/col1/index.html">首页</a>', seed=89, day=1)
DEPT_LOOK = Look('<a href="/">首页</a>', seed=89, day=1)
SOFT_404 = Page(DEPT_LOOK.html("西岭县人民政府", '<div class="err"><p>对不起，您访问的页面不存在或已删除！</p>'
                                           '<a href="/">返回首页</a></div>'))
# a 瑞数-type challenge: a cookie computed by an obfuscated script, then a reload
CHALLENGE = Page(("<html><head><meta charset=\"utf-8\"><script>var $_ts=window['$_ts'];if(!$_ts)$_ts={};"
                  "$_ts.nsd=48211;$_ts.cd='qEpEr1AlcGqlrGAyDhWJ';</script>"
                  '<script src="/fJ3kEeUw8ZmB/c.FxJzG50F.js" charset="utf-8"></script></head><body></body></html>'
                  ).encode(), status=412)


def name(sub: str) -> str:
    return host_name(DOMAIN, sub)


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 西岭市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class Everywhere(Host):
    """A host answering every address alike (a redirect, a challenge), as a gate in front of a site does."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page

    def answer(self, target: str, referer: str | None = None, host: str | None = None,
               cookie: str | None = None) -> Page:
        self.log.append(target)
        return self.page


class SoftMissing(Host):
    """A host answering an address it lacks with 200 and a page saying so."""

    def answer(self, target: str, referer: str | None = None, host: str | None = None,
               cookie: str | None = None) -> Page:
        page = super().answer(target, referer, host, cookie)
        return SOFT_404 if page.status == 404 else page


class PortalR(OneServerPortal):
    """The hosts of 西岭市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.city, self.jtj, self.zjj, self.nyj, self.county = Host(), Host(), Host(), Host(), SoftMissing()
        self.audit = Everywhere(CHALLENGE)
        self.server = HostServer("127.0.0.1", NamedHosts({
            name("www"): Everywhere(Page(b"", status=302)), name(""): self.city, name("jtj"): self.jtj,
            name("zjj"): self.zjj, name("nyj"): self.nyj, name("sjj"): self.audit, name("xlx"): self.county}))
        self.port = self.server.server_address[1]
        self.server.host.hosts[name("www")].page.location = self.url("", "/col/col1/index.html")
        self.base = self.url("www", "")
        self.expected: dict[str, tuple[str, int]] = {}
        self._home()
        self._city()
        self._transport()
        self._housing()
        self._agriculture()
        self._county()

    def _report(self, host: Host, sub: str, path: str, agency: str, year: int, title: str = "") -> str:
        title = title or f"{agency}{year}年政府信息公开工作年度报告"
        host.pages[path] = Page(DEPT_LOOK.article(title, agency, year))
        self.expected[self.url(sub, path)] = (agency, year)
        return title

    def _pdf(self, host: Host, sub: str, path: str, agency: str, year: int) -> str:
        host.pages[path] = Page(PDF, "application/pdf")
        self.expected[self.url(sub, path)] = (agency, year)
        return f"{agency}{year}年政府信息公开工作年度报告"

    @staticmethod
    def _noise(host: Host, path: str, title: str) -> str:
        host.pages[path] = Page(DEPT_LOOK.html(title, "<p>正文。</p>"))
        return title

    def _home(self) -> None:
        """The bare host's home page and its 信息公开 page, whose 目录 is a JSON tree its script fetches."""
        self.city.pages["/col/col1/index.html"] = Page(LOOK.html(f"{CITY}门户网站", (
            '<div class="nav2"><a href="/col/col2/index.html">政府信息公开</a><a href="/col/col3/index.html">新闻中心</a>'
            '</div><div class="news"><ul><li><a href="/art/2025/3/1/art_3_1.html">西岭市2024年企业年度报告公示工作启动'
            '</a></li></ul></div>')))
        self._noise(self.city, "/art/2025/3/1/art_3_1.html", "西岭市2024年企业年度报告公示工作启动")
        self.city.pages["/col/col3/index.html"] = Page(LOOK.html("新闻中心", "<ul></ul>"))
        self.city.pages["/col/col2/index.html"] = Page(LOOK.html(f"{CITY}政府信息公开", (
            '<div class="catalog"><h3>信息公开目录</h3><ul id="tree"></ul></div><script>'
            "fetch('/api/catalog/tree.json').then(function (r) { return r.json(); }).then(function (nodes) {"
            " var ul = document.getElementById('tree'); nodes.forEach(function (n) {"
            " ul.insertAdjacentHTML('beforeend', '<li><a href=\"' + n.url + '\">' + n.name + '</a></li>'); }); });"
            "</script>")))
        nodes = [{"id": 11, "pId": 0, "name": "政府信息公开指南", "url": "/col/col11/index.html"},
                 {"id": 12, "pId": 0, "name": "政府信息公开年报", "url": "/col/col12345/index.html"},
                 {"id": 13, "pId": 0, "name": "部门信息公开", "isParent": True},
                 {"id": 14, "pId": 13, "name": "市交通运输局", "url": self.url("jtj", "/")},
                 {"id": 15, "pId": 13, "name": "市住房和城乡建设局", "url": self.url("zjj", "/")},
                 {"id": 18, "pId": 13, "name": "市农业农村局", "url": self.url("nyj", "/")},
                 {"id": 16, "pId": 13, "name": AUDIT, "url": self.url("sjj", "/")},
                 {"id": 17, "pId": 0, "name": "西岭县", "url": self.url("xlx", "/")}]
        self.city.pages["/api/catalog/tree.json"] = Page(json.dumps(nodes, ensure_ascii=False).encode(),
                                                         "application/json; charset=utf-8")
        self.city.pages["/col/col11/index.html"] = Page(LOOK.html("政府信息公开指南", "<p>指南。</p>"))

    def _city(self) -> None:
        """The city's 年报 column: ``document.write`` of a script array."""
        rows = []
        for year in range(2024, 2018, -1):
            path = f"/art/{year + 1}/1/15/art_12345_{year}.html"
            rows.append([path, self._report(self.city, "", path, CITY, year), f"{year + 1}-01-15"])
        pdf = "/art/2026/1/15/art_12345_2025.pdf"
        rows.insert(0, [pdf, self._pdf(self.city, "", pdf, CITY, 2025), "2026-01-15"])
        rows.insert(1, ["/art/2025/1/20/art_12345_gzbg.html",
                        self._noise(self.city, "/art/2025/1/20/art_12345_gzbg.html", "2025年西岭市政府工作报告"), "2025-01-20"])
        rows.insert(3, ["/art/2024/3/1/art_12345_tjgb.html",
                        self._noise(self.city, "/art/2024/3/1/art_12345_tjgb.html", "西岭市2023年国民经济和社会发展统计公报"),
                        "2024-03-01"])
        self.city.pages["/col/col12345/index.html"] = Page(LOOK.html("政府信息公开年报", (
            f'<h2>政府信息公开年报</h2><ul class="list"><script>var docs = {json.dumps(rows, ensure_ascii=False)};'
            "for (var i = 0; i < docs.length; i++) { document.write('<li><a href=\"' + docs[i][0] +"
            " '\" target=\"_blank\">' + docs[i][1] + '</a><span>' + docs[i][2] + '</span></li>'); }</script></ul>")))

    def _transport(self) -> None:
        """交通局: a ``text/template`` filled from an inline JSON array."""
        agency = "西岭市交通运输局"
        records = [{"title": self._report(self.jtj, "jtj", f"/xxgk/ndbg/{y + 1}/t{y}.html", agency, y),
                    "url": f"/xxgk/ndbg/{y + 1}/t{y}.html", "date": f"{y + 1}-01-18"} for y in range(2024, 2018, -1)]
        records.insert(0, {"title": self._pdf(self.jtj, "jtj", "/xxgk/ndbg/2026/t2025.pdf", agency, 2025),
                           "url": "/xxgk/ndbg/2026/t2025.pdf", "date": "2026-01-18"})
        records.insert(2, {"title": self._noise(self.jtj, "/xxgk/czzj/2024/js.html", f"{agency}2023年度部门决算"),
                           "url": "/xxgk/czzj/2024/js.html", "date": "2024-08-30"})
        self.jtj.pages["/"] = Page(DEPT_LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.jtj.pages["/xxgk/ndbg/index.html"] = Page(DEPT_LOOK.html(f"政府信息公开年报-{agency}", (
            '<ul class="list" id="list"></ul>'
            '<script type="text/template" id="tpl"><li><a href="{{url}}" target="_blank">{{title}}</a>'
            "<span>{{date}}</span></li></script>"
            f"<script>var listData = {json.dumps(records, ensure_ascii=False)};"
            "var tpl = document.getElementById('tpl').innerHTML; document.getElementById('list').innerHTML ="
            " listData.map(function (d) { return tpl.replace(/\\{\\{(\\w+)\\}\\}/g, function (m, k) { return d[k]; });"
            " }).join('');</script>")))

    def _housing(self) -> None:
        """住建局: a tab per year, the year only in the tab and the address, titles without a year."""
        agency = "西岭市住房和城乡建设局"
        years = range(2024, 2018, -1)
        tabs = "".join(f'<li><a href="/xxgk/ndbg/{y}/">{y}年</a></li>' for y in years)
        for year in years:
            path = f"/xxgk/ndbg/{year}/201_{year}.html"
            items = [(path, self._report(self.zjj, "zjj", path, agency, year, f"{agency}政府信息公开工作年度报告"))]
            if year == 2024:
                budget = "/xxgk/ndbg/2024/ys.html"
                items.append((budget, self._noise(self.zjj, budget, f"{agency}部门预算报告")))
            self.zjj.pages[f"/xxgk/ndbg/{year}/"] = Page(DEPT_LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="tab">{tabs}</ul><ul class="list">{list_items(items)}</ul>')))
        self.zjj.pages["/"] = Page(DEPT_LOOK.html(agency, '<a href="/xxgk/ndbg/2024/">政府信息公开年报</a>'))

    def _agriculture(self) -> None:
        """农业农村局: a folder per year (``/ndbg/2023/``) listed as 2023年度, each report titled by its kind alone."""
        agency = "西岭市农业农村局"
        years = range(2024, 2018, -1)
        for year in years:
            path = f"/ndbg/{year}/a{year}.html"
            title = self._report(self.nyj, "nyj", path, agency, year, "政府信息公开工作年度报告")
            self.nyj.pages[f"/ndbg/{year}/"] = Page(DEPT_LOOK.html(f"{year}年度", (
                f'<div class="crumb">首页 > 政府信息公开年报 > {year}年度</div><ul class="list">{list_items([(path, title)])}</ul>')))
        folders = "".join(f'<li><a href="/ndbg/{y}/">{y}年度</a></li>' for y in years)
        self.nyj.pages["/"] = Page(DEPT_LOOK.html(agency, (
            f'<h3>政府信息公开年报</h3><ul class="years">{folders}</ul>'
            '<h3>财政信息</h3><ul><li><a href="/czxx/ys2024.html">2024年部门预算</a></li></ul>')))
        self._noise(self.nyj, "/czxx/ys2024.html", f"{agency}2024年部门预算")

    def _county(self) -> None:
        """西岭县: unknown addresses answered 200 页面不存在, its withdrawn 2019 report still listed."""
        host = self.county
        host.pages["/"] = Page(DEPT_LOOK.html(f"{COUNTY}门户网站", (
            '<ul><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li>'
            '<li><a href="/xxgk/qynb/index.html">企业年度报告公示</a></li></ul>')))
        items = [(f"/xxgk/ndbg/nb{y}.html", self._report(host, "xlx", f"/xxgk/ndbg/nb{y}.html", COUNTY, y))
                 for y in range(2024, 2019, -1)]
        items.append(("/xxgk/ndbg/nb2019.html", f"{COUNTY}2019年政府信息公开工作年度报告"))   # withdrawn
        items.insert(1, ("/xxgk/ndbg/gzbg.html", self._noise(host, "/xxgk/ndbg/gzbg.html", f"{COUNTY}2024年度工作报告")))
        host.pages["/xxgk/ndbg/index.html"] = Page(DEPT_LOOK.html("政府信息公开年报", f'<ul class="list">{list_items(items)}</ul>'))
        listed = [("/xxgk/qynb/1.html", self._noise(host, "/xxgk/qynb/1.html", "西岭县鑫源建材有限公司2024年度报告"))]
        host.pages["/xxgk/qynb/index.html"] = Page(DEPT_LOOK.html("企业年度报告公示",
                                                                 f'<ul class="list">{list_items(listed)}</ul>'))

"""A seventeenth municipal portal, 南渚市, under host names (``nanzhu.gov.cn``) on one server told apart by the Host
header: habits of real government sites in sending a visitor on, choosing a department on a 信息公开 platform,
listing, paging and attaching a report that no other portal has, for crawls over real HTTP. The names resolve to
127.0.0.1 in the crawl under test only (``HostsResolver``); any other name (mp.weixin.qq.com) is refused.

- ``www.`` (its bare twin the same pages): its root only a ``<meta http-equiv="refresh" content="0;url=/site/
  index.html">``; the home page links 政府信息公开 on a platform of its own host, ``xxgk.``, 市教育局 on ``jyj.``
  and 南渚县 as ``nanzhuxian.``, which 302s every address to the county's ``nzx.``; its news link a WeChat copy of
  the city's report (``mp.weixin.qq.com``: out of scope, never fetched) and 企业年报 news;
- ``xxgk.``: its root a script alone (``location.replace("/xxgk/index.html")``); the platform's departments are
  one set of pages told apart by ``?deptId=``, chosen in a department tree whose nodes are inline zTree data
  (``var zNodes = [{id: 2, pId: 0, name: "市发展和改革委员会", url: "/xxgk/catalog.html?deptId=1002"}]``) and, for
  the others, a ``<select name="deptId">`` of a GET form; a department's 信息公开目录 is a tree its script loads as
  JSON (``$.getJSON('/xxgk/catalog.json', {deptId: '1002'}, …)``) naming the columns by the national 目录 code
  (``/zfxxgk/fdzdgknr/ndbg/index.html?deptId=1002``);
- 市政府办公室 (deptId 1001, the city's own reports, 2019–2025, 2025 linked as its PDF): its 年报 column a list of year sub-columns
  (``2024年`` → ``/zfxxgk/fdzdgknr/ndbg/2024/index.html?deptId=1001``), each listing that year's documents;
- 市发展和改革委员会 (1002): two items a page and a 加载更多 button naming its next page in ``data-next``
  (``…&page=2&ajax=1``), answered as an HTML fragment with the next button in it;
- 市财政局 (1003): each report an article whose attachment is a download address naming no file
  (``/attach/0/8a8e…``), the link's text 下载, the file's name in its ``title`` only and in Content-Disposition
  (RFC 5987 ``filename*=UTF-8''…``, or raw GBK bytes);
- 市卫生健康委员会 (1004) and 市民政局 (1005): chosen only in the select, plain lists;
- 市教育局 (``jyj.``): GBK pages declaring their charset only in the HTTP header; its column at a TRS code
  (``/col/col12345/index.html``); its 2022 report an old frameset whose main frame holds the report;
- 南渚县 (``nzx.``): its 年报 column beside a 社会组织年报 and a 企业年度报告公示 column (decoys);
- noise: a 年度工作报告, a 政府工作报告, a 统计公报 and the next year's 政务公开工作要点 among the city's year
  sub-columns, a 部门预算 in 发改委's, a 部门决算 among 财政局's articles (its attachment's title naming it), a 统计年报
  in 卫健委's, a 工作总结 in 教育局's, a WeChat copy among the county's.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from tests.crawler import portal_o
from tests.crawler.portal import Host, HostServer, Look, Page
from tests.crawler.portal_o import NamedHosts, OneServerPortal, host_name, list_items

DOMAIN = "nanzhu.gov.cn"
CITY = "南渚市人民政府"
COUNTY = "南渚县人民政府"
PDF = b"%PDF-1.4\n% report\n"
LOOK = Look('<a href="/site/index.html">首页</a>', seed=79, day=1)
PLATFORM = Look('<a href="/xxgk/index.html">政府信息公开</a>', seed=79, day=1)
COUNTY_LOOK = Look('<a href="/">首页</a><a href="/xxgk/index.html">政府信息公开</a>', seed=83, day=1)
WEIXIN = "https://mp.weixin.qq.com/s/Xq8a1b2c3d4e5f"


def name(sub: str) -> str:
    return host_name(DOMAIN, sub)


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 南渚市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalQ(OneServerPortal):
    """The hosts of 南渚市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.xxgk, self.jyj, self.county = Host(), Host(), Host(), Host()
        self.moved = Host()
        self.server = HostServer("127.0.0.1", NamedHosts({
            name("www"): self.www, name(""): self.www, name("xxgk"): self.xxgk, name("jyj"): self.jyj,
            name("nzx"): self.county, name("nanzhuxian"): self.moved}))
        self.port = self.server.server_address[1]
        self.base = self.url("www", "")
        self.expected: dict[str, tuple[str, int]] = {}
        self.columns: dict[str, object] = {}   # deptId → the department's 年报 column, callable(query) -> Page
        self._home()
        self._platform()
        self._office()
        self._development()
        self._finance()
        self._plain("1004", "南渚市卫生健康委员会", range(2024, 2019, -1), ("tj", "南渚市卫生健康委员会2023年卫生健康统计年报"))
        self._plain("1005", "南渚市民政局", range(2024, 2019, -1), ("zj", "南渚市民政局2024年工作总结"))
        self._education()
        self._county()

    def _report(self, host: Host, sub: str, path: str, agency: str, year: int, look: Look = PLATFORM) -> str:
        title = f"{agency}{year}年政府信息公开工作年度报告"
        host.pages[path] = Page(look.article(title, agency, year))
        self.expected[self.url(sub, path)] = (agency, year)
        return title

    @staticmethod
    def _noise(host: Host, path: str, title: str, look: Look = PLATFORM) -> str:
        host.pages[path] = Page(look.html(title, "<p>正文。</p>"))
        return title

    def _home(self) -> None:
        self.www.pages["/"] = Page(b'<html><head><meta http-equiv="refresh" content="0;url=/site/index.html">'
                                   b'</head><body></body></html>')
        self.www.pages["/site/index.html"] = Page(LOOK.html(f"{CITY}门户网站", (
            f'<div class="gk"><a href="{self.url("xxgk", "/")}">政府信息公开</a></div>'
            f'<div class="links"><div class="hd">部门网站</div><a href="{self.url("jyj", "/")}">市教育局</a></div>'
            f'<div class="links"><div class="hd">区县政府</div><a href="{self.url("nanzhuxian", "/")}">南渚县</a></div>'
            '<div class="news"><ul>'
            f'<li><a href="{WEIXIN}">南渚市2024年政府信息公开工作年度报告</a></li>'
            '<li><a href="/site/xw/1.html">市市场监管局：2024年度企业年报公示工作启动</a></li></ul></div>')))
        self._noise(self.www, "/site/xw/1.html", "市市场监管局：2024年度企业年报公示工作启动", LOOK)
        self.moved.pages["/"] = Page(b"", status=302, location=self.url("nzx", "/"))

    def _platform(self) -> None:
        """The 信息公开 platform: a zTree of three departments, a select of two more, each department's 目录 a
        tree loaded as JSON."""
        self.xxgk.pages["/"] = Page(b'<html><head><script>location.replace("/xxgk/index.html");</script></head>'
                                    b'<body></body></html>')
        tree = [("1001", "南渚市人民政府办公室"), ("1002", "南渚市发展和改革委员会"), ("1003", "南渚市财政局")]
        nodes = ", ".join(f'{{id: {k + 1}, pId: 0, name: "{n}", url: "/xxgk/catalog.html?deptId={d}", target: "_self"}}'
                          for k, (d, n) in enumerate(tree))
        self.xxgk.pages["/xxgk/index.html"] = Page(PLATFORM.html(f"{CITY}政府信息公开平台", (
            '<div class="left"><h3>政府部门</h3><ul id="deptTree" class="ztree"></ul>'
            '<form action="/xxgk/catalog.html" method="get"><select name="deptId">'
            '<option value="">--其他部门--</option><option value="1004">市卫生健康委员会</option>'
            '<option value="1005">市民政局</option></select><input type="submit" value="进入"></form></div>'
            '<script src="/xxgk/js/jquery.ztree.core.min.js"></script><script>'
            'var setting = {data: {simpleData: {enable: true}}};'
            f'var zNodes = [{nodes}];'
            '$(document).ready(function () { $.fn.zTree.init($("#deptTree"), setting, zNodes); });</script>')))
        names = dict(tree) | {"1004": "南渚市卫生健康委员会", "1005": "南渚市民政局"}

        def catalog(query) -> Page:
            dept = (query.get("deptId") or [""])[0]
            if dept not in names:
                return Page(b"<h1>404</h1>", status=404)
            return Page(PLATFORM.html(f"{names[dept]}信息公开目录", (
                f'<h2>{names[dept]}</h2><ul id="catalog" class="ztree"></ul><script>'
                f"$.getJSON('/xxgk/catalog.json', {{deptId: '{dept}'}}, function (nodes) {{"
                " $.fn.zTree.init($('#catalog'), {data: {simpleData: {enable: true}}}, nodes); });</script>")))

        def catalog_json(query) -> Page:
            dept = (query.get("deptId") or [""])[0]
            if dept not in names:
                return Page(b"[]", "application/json")
            nodes = [{"id": "zn", "pId": "0", "name": "政府信息公开指南", "url": f"/zfxxgk/zn/index.html?deptId={dept}"},
                     {"id": "fdzdgknr", "pId": "0", "name": "法定主动公开内容", "isParent": True},
                     {"id": "jgzn", "pId": "fdzdgknr", "name": "机构职能", "url": f"/zfxxgk/fdzdgknr/jgzn/index.html?deptId={dept}"},
                     {"id": "ndbg", "pId": "fdzdgknr", "name": "政府信息公开年报",
                      "url": f"/zfxxgk/fdzdgknr/ndbg/index.html?deptId={dept}"}]
            return Page(json.dumps(nodes, ensure_ascii=False).encode(), "application/json; charset=utf-8")

        self.xxgk.dynamic["/xxgk/catalog.html"] = catalog
        self.xxgk.dynamic["/xxgk/catalog.json"] = catalog_json

        def column(query) -> Page:
            answer = self.columns.get((query.get("deptId") or [""])[0])
            return answer(query) if answer else Page(b"<h1>404</h1>", status=404)
        self.xxgk.dynamic["/zfxxgk/fdzdgknr/ndbg/index.html"] = column
        self.xxgk.dynamic["/zfxxgk/zn/index.html"] = lambda query: Page(PLATFORM.html("政府信息公开指南", "<p>指南。</p>"))
        self.xxgk.dynamic["/zfxxgk/fdzdgknr/jgzn/index.html"] = lambda query: Page(PLATFORM.html("机构职能", "<p>职能。</p>"))

    def _office(self) -> None:
        """市政府办公室: a 年报 column of year sub-columns, each listing its year's documents."""
        agency, years = CITY, range(2025, 2018, -1)
        noise = {2024: [("gzbg", f"{CITY}2024年度工作报告"), ("tjgb", "南渚市2024年国民经济和社会发展统计公报")],
                 2025: [("zfgzbg", "2025年南渚市政府工作报告"), ("yd", f"{CITY}2026年政务公开工作要点")]}
        lists = {}
        for year in years:
            path = f"/art/{year + 1}/gb{year}.html"
            if year == 2025:   # the newest linked as its PDF
                path = f"/upload/{year + 1}/gb{year}.pdf"
                self.xxgk.pages[path] = Page(PDF, "application/pdf")
                self.expected[self.url("xxgk", path)] = (agency, year)
                items = [(path, f"{agency}{year}年政府信息公开工作年度报告")]
            else:
                items = [(path, self._report(self.xxgk, "xxgk", path, agency, year))]
            items += [(f"/art/{year + 1}/{key}.html", self._noise(self.xxgk, f"/art/{year + 1}/{key}.html", title))
                      for key, title in noise.get(year, [])]
            lists[str(year)] = Page(PLATFORM.html(f"{year}年-政府信息公开年报", f'<ul class="list">{list_items(items)}</ul>'))
        for year, page in lists.items():
            self.xxgk.pages[f"/zfxxgk/fdzdgknr/ndbg/{year}/index.html"] = page
        folders = "".join(f'<li><a href="/zfxxgk/fdzdgknr/ndbg/{y}/index.html?deptId=1001">{y}年</a></li>' for y in years)
        self.columns["1001"] = lambda query: Page(PLATFORM.html("政府信息公开年报-南渚市人民政府办公室", (
            f'<h2>政府信息公开年报</h2><ul class="years">{folders}</ul>')))

    def _development(self) -> None:
        """发改委: two items a page, a 加载更多 button naming its next page in ``data-next``, fragments after."""
        agency = "南渚市发展和改革委员会"
        items = [(f"/art/{y + 1}/fgw{y}.html", self._report(self.xxgk, "xxgk", f"/art/{y + 1}/fgw{y}.html", agency, y))
                 for y in range(2024, 2018, -1)]
        items.insert(1, ("/art/2024/fgwys.html", self._noise(self.xxgk, "/art/2024/fgwys.html", f"{agency}2024年部门预算")))
        pages = [items[k:k + 2] for k in range(0, len(items), 2)]

        def more(number: int) -> str:
            if number >= len(pages):
                return ""
            return (f'<button class="more" data-next="/zfxxgk/fdzdgknr/ndbg/index.html?deptId=1002&page={number + 1}'
                    '&ajax=1">加载更多</button>')

        def answer(query) -> Page:
            number = int((query.get("page") or ["1"])[0] or 1)
            if not 1 <= number <= len(pages):
                return Page(b"", status=404)
            fragment = f'<ul class="list">{list_items(pages[number - 1])}</ul>{more(number)}'
            if query.get("ajax"):
                return Page(fragment.encode())
            return Page(PLATFORM.html(f"政府信息公开年报-{agency}", (
                f'<h2>政府信息公开年报</h2><div id="box">{fragment}</div><script>'
                "$(document).on('click', '.more', function () { var btn = $(this);"
                " $.get(btn.data('next'), function (html) { btn.replaceWith(html); }); });</script>")))
        self.columns["1002"] = answer

    def _finance(self) -> None:
        """财政局: each article's attachment a download address naming no file, the name in ``title`` only."""
        agency = "南渚市财政局"
        files: dict[str, tuple[str, bool]] = {}
        items = []
        for number, year, title in ((9, 2024, f"{agency}2024年政府信息公开工作年度报告"),
                                    (8, 2024, f"{agency}2023年部门决算"),
                                    (7, 2023, f"{agency}2023年政府信息公开工作年度报告"),
                                    (6, 2022, f"{agency}2022年政府信息公开工作年度报告"),
                                    (5, 2021, f"{agency}2021年政府信息公开工作年度报告")):
            key = f"8a8e81c{number}7d3e2f1a017d{number}b4c9e2{number}0a1"
            path = f"/art/{year + 1}/cz{number}.html"
            self.xxgk.pages[path] = Page(PLATFORM.html(title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-12</div>'
                f'<div class="content"><p>详见附件。</p><p>附件：<a href="/attach/0/{key}" title="{escape(title)}.pdf">'
                '下载</a></p></div></div>')))
            files[key] = (f"{title}.pdf", number % 2 == 0)
            if "年度报告" in title:
                self.expected[self.url("xxgk", f"/attach/0/{key}")] = (agency, year)
            items.append((path, title))
        for key, (file_name, gbk) in files.items():
            disposition = (b'attachment; filename="' + file_name.encode("gbk") + b'"').decode("latin-1") if gbk \
                else f"attachment; filename*=UTF-8''{quote(file_name)}"
            self.xxgk.pages[f"/attach/0/{key}"] = Page(PDF, "application/octet-stream",
                                                       headers={"Content-Disposition": disposition})
        self.columns["1003"] = lambda query: Page(PLATFORM.html(f"政府信息公开年报-{agency}",
                                                                f'<ul class="list">{list_items(items)}</ul>'))

    def _plain(self, dept: str, agency: str, years: range, noise: tuple[str, str]) -> None:
        """A department chosen only in the platform's select: a plain list."""
        items = [(f"/art/{y + 1}/{dept}_{y}.html", self._report(self.xxgk, "xxgk", f"/art/{y + 1}/{dept}_{y}.html",
                                                                agency, y)) for y in years]
        key, title = noise
        items.insert(1, (f"/art/2024/{dept}{key}.html", self._noise(self.xxgk, f"/art/2024/{dept}{key}.html", title)))
        self.columns[dept] = lambda query: Page(PLATFORM.html(f"政府信息公开年报-{agency}",
                                                              f'<ul class="list">{list_items(items)}</ul>'))

    def _education(self) -> None:
        """教育局 (``jyj.``): GBK, its charset only in the HTTP header; its 2022 report a frameset."""
        agency, host = "南渚市教育局", self.jyj

        def gbk(title: str, body: str) -> Page:
            page = (f"<html><head><title>{escape(title)}</title></head><body>"
                    f'<div class="nav"><a href="/">首页</a></div>{body}</body></html>')
            return Page(page.encode("gbk"), "text/html; charset=GBK")
        host.pages["/"] = gbk(agency, f'<h1>{agency}</h1><a href="/col/col12345/index.html">政府信息公开年报</a>')
        items = []
        for year in range(2024, 2020, -1):
            title, path = f"{agency}{year}年政府信息公开工作年度报告", f"/art/{year + 1}/art_{year}.html"
            report = LOOK.article(title, agency, year).decode()
            body = report[report.index("<body>") + 6:report.index("</body>")]
            if year == 2022:
                host.pages[path] = Page((f'<html><head><title>{escape(title)}</title></head><frameset rows="80,*">'
                                         f'<frame src="/art/2023/top.html" name="top"><frame src="/art/2023/main_{year}.html"'
                                         ' name="main"></frameset></html>').encode("gbk"), "text/html; charset=GBK")
                host.pages["/art/2023/top.html"] = gbk("南渚市教育局", "<div>南渚市教育局</div>")
                path = f"/art/2023/main_{year}.html"
            host.pages[path] = gbk(title, body)
            self.expected[self.url("jyj", path)] = (agency, year)
            items.append((f"/art/{year + 1}/art_{year}.html", title))
        items.insert(2, ("/art/2024/zj.html", f"{agency}2023年工作总结"))
        host.pages["/art/2024/zj.html"] = gbk(f"{agency}2023年工作总结", "<p>正文。</p>")
        host.pages["/col/col12345/index.html"] = gbk(f"政府信息公开年报-{agency}", f'<ul class="list">{list_items(items)}</ul>')

    def _county(self) -> None:
        """南渚县 (``nzx.``): its 年报 column beside decoy columns of companies' and social organisations' reports."""
        host = self.county
        host.pages["/"] = Page(COUNTY_LOOK.html(f"{COUNTY}门户网站", '<a href="/xxgk/index.html">政府信息公开</a>'))
        host.pages["/xxgk/index.html"] = Page(COUNTY_LOOK.html(f"{COUNTY}政府信息公开", (
            '<ul><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li>'
            '<li><a href="/xxgk/shzz/index.html">社会组织年报</a></li>'
            '<li><a href="/xxgk/qynb/index.html">企业年度报告公示</a></li></ul>')))
        items = [(f"/xxgk/ndbg/nb{y}.html", self._report(host, "nzx", f"/xxgk/ndbg/nb{y}.html", COUNTY, y, COUNTY_LOOK))
                 for y in range(2024, 2019, -1)]
        items.insert(1, (WEIXIN + "2", f"{COUNTY}2023年政府信息公开工作年度报告（图解）"))
        host.pages["/xxgk/ndbg/index.html"] = Page(COUNTY_LOOK.html("政府信息公开年报", f'<ul class="list">{list_items(items)}</ul>'))
        for folder, title, decoys in (
                ("shzz", "社会组织年报", ("南渚县慈善总会2024年度工作报告（社会组织年报）", "关于开展2024年度社会组织年报工作的通知")),
                ("qynb", "企业年度报告公示", ("南渚县宏达机械有限公司2024年度报告", "关于做好2024年度企业年度报告公示工作的通知"))):
            listed = [(f"/xxgk/{folder}/{k}.html", self._noise(host, f"/xxgk/{folder}/{k}.html", t, COUNTY_LOOK))
                      for k, t in enumerate(decoys)]
            host.pages[f"/xxgk/{folder}/index.html"] = Page(COUNTY_LOOK.html(title, f'<ul class="list">{list_items(listed)}</ul>'))

"""A sixteenth municipal portal, 西屏市, on two hosts: habits of real government sites in showing a report, listing
it and reaching a county's towns that no other portal has, for crawls over real HTTP.

- the city's 政府信息公开年报 column (``/xxgk/ndbg/index.html``), 2019–2025: a server-rendered list (the way in, and
  noise: a 年度工作报告, a 政府工作报告, a 统计公报, a 政务公开工作要点 of another year);
- 市发展和改革委员会 (``/fgw/``): its list's items link a PDF viewer, ``/pdfjs/web/viewer.html?file=`` and the
  file's address URL-encoded (``%2Ffgw%2Fupload%2F…pdf``): the report is the file;
- 市教育局 (``/jyj/``): each article's attachment is ``<a href="javascript:void(0)" onclick="downloadFile('8812')">``,
  the page's script declaring the download address (``window.location.href = '/jyj/common/download.do?fileId=' +
  id``), the file's name in Content-Disposition: the report is the download;
- 市民政局 (``/mzj/``): each article's body is loaded by script from a file of its own
  (``$('#zoom').load('/mzj/content/2024/7301.htm')``), the report's tables in it: the report is that file;
- 市卫生健康委员会 (``/wjw/``): year tabs (``<li data-year="2024">``), the first year's list in the page, the others
  each loaded from ``list_2023.html`` by the tab's click handler;
- 市人力资源和社会保障局 (``/rsj/``): its column page holds the list in an ``<iframe src>``; the list's later pages
  (``index_1.shtml``, ``index_2.shtml``) are announced only by 共3页 and a ``<select onchange="goPage(this.value)">``
  of page numbers whose function writes the address;
- 市市场监督管理局 (``/scjg/``): its 政府信息公开年报 column beside a 企业年度报告公示 column (companies' annual
  reports and notices about them) and a 社会组织年报 column: decoys;
- 市司法局 (``/sfj/``): its column drawn by script from a list API whose items, titled cut short
  (西屏市司法局2024年政府信息公开工…), give each article's detail API (``/sfj/api/article/8842``), the article its
  JSON answer (``{"code": 200, "data": {"title": …, "content": "<p>…<table>…"}}``, or title and content bare):
  the report is that answer, titled by it;
- 屏山县 (a host of its own), linked from the home page's 区县政府 list: its 政府信息公开 page links its 年报
  column and a 乡镇街道 page listing 城关镇 and 石门镇, each with a 信息公开年报 column of its own, and 城区街道, a
  page a level deeper listing 东城 and 西城街道办事处, each with a 年报 column of its own; 城关镇's 村（社区） page
  lists six villages and communities (东关社区 …), whose 村务公开 pages hold no government's report (never asked);
- noise: a 部门预算 in 发改委's list, a 部门决算报告 among 教育局's articles, a 统计年报 in 卫健委's 2023 tab, a
  工作总结 on 人社局's second page, a 部门预算 in 司法局's API, 企业年报 notices, a 政府工作报告 and a 决算 in 屏山县's column.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from tests.crawler.portal import Host, HostServer, Look, OneHost, Page

CITY = "西屏市人民政府"
COUNTY = "屏山县人民政府"
NAV = '<a href="/">首页</a><a href="/xxgk/index.html">政府信息公开</a>'
COUNTY_NAV = '<a href="/">首页</a><a href="/zwgk/index.html">政府信息公开</a>'
PDF = b"%PDF-1.4\n% report\n"
JSON = "application/json; charset=utf-8"
ON = ' class="on"'

LOOK = Look(NAV, seed=71, day=1)
COUNTY_LOOK = Look(COUNTY_NAV, seed=73, day=1)
html = LOOK.html


def listing(title: str, items: list[tuple[str, str]], look: Look = LOOK, extra: str = "") -> Page:
    """A list page of ``items`` (address, text)."""
    return Page(look.html(title, '<ul class="list">' + "".join(
        f'<li><a href="{url}" target="_blank">{escape(text)}</a></li>' for url, text in items) + f"</ul>{extra}"))


class PortalP(OneHost):
    """The two hosts of 西屏市 (the county's ``county``), with the reports a crawl must find (``expected``: URL →
    agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self.county = Host()
        self.county_server = HostServer("127.0.0.2", self.county)
        self.county_base = self.county_server.base
        self._home()
        self._city()
        self._development()
        self._education()
        self._civil_affairs()
        self._health()
        self._labour()
        self._market()
        self._justice()
        self._county()
        self._towns()

    def close(self) -> None:
        super().close()
        self.county_server.close()

    def _report(self, path: str, agency: str, year: int, nav: str = NAV) -> tuple[str, str]:
        return path, self.report(LOOK, path, agency, year, nav)

    def _noise(self, path: str, title: str, nav: str = NAV) -> tuple[str, str]:
        return path, self.noise(LOOK, path, title, nav)

    def _department(self, folder: str, name: str, links: str) -> str:
        return self.department_home(LOOK, folder, name, links)

    def _home(self) -> None:
        self.main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="gk"><a href="/xxgk/index.html">政府信息公开</a></div>'
            '<div class="links"><div class="hd">部门网站</div><a href="/fgw/index.html">市发展和改革委员会</a>'
            '<a href="/jyj/index.html">市教育局</a><a href="/mzj/index.html">市民政局</a>'
            '<a href="/wjw/index.html">市卫生健康委员会</a><a href="/rsj/index.html">市人力资源和社会保障局</a>'
            '<a href="/scjg/index.html">市市场监督管理局</a><a href="/sfj/index.html">市司法局</a></div>'
            f'<div class="links"><div class="hd">区县政府</div><a href="{self.county_base}/">屏山县</a></div>'
            '<div class="news"><ul><li><a href="/xwzx/1.html">市市场监管局：2024年度企业年报公示工作启动</a></li>'
            '<li><a href="/xwzx/2.html">西屏市2024年度社会组织年报工作的通知</a></li></ul></div>')))
        for key, title in (("1", "市市场监管局：2024年度企业年报公示工作启动"), ("2", "西屏市2024年度社会组织年报工作的通知")):
            self._noise(f"/xwzx/{key}.html", title)
        self.main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))

    def _city(self) -> None:
        items = [self._report(f"/xxgk/ndbg/{year}.html", CITY, year) for year in range(2024, 2018, -1)]
        # the newest report an article showing its PDF in an <object>
        title = f"{CITY}2025年政府信息公开工作年度报告"
        self.main.pages["/xxgk/ndbg/2025.html"] = Page(html(title, (
            f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：2026-01-20</div>'
            '<object data="/xxgk/ndbg/upload/2025.pdf" type="application/pdf" width="100%" height="800"></object>'
            '</div>')))
        self.main.pages["/xxgk/ndbg/upload/2025.pdf"] = Page(PDF, "application/pdf")
        self.expected[self.base + "/xxgk/ndbg/upload/2025.pdf"] = (CITY, 2025)
        items.insert(0, ("/xxgk/ndbg/2025.html", title))
        items[1:1] = [self._noise(f"/xxgk/ndbg/{key}.html", title) for key, title in (
            ("gzbg", f"{CITY}2024年度工作报告"), ("zfgzbg", "2025年西屏市政府工作报告"),
            ("tjgb", "西屏市2024年国民经济和社会发展统计公报"), ("yd", f"{CITY}2026年政务公开工作要点"))]
        self.main.pages["/xxgk/ndbg/index.html"] = listing("政府信息公开年报", items)

    def _development(self) -> None:
        """发改委: the list's items link the PDF viewer, the file's address URL-encoded in ``?file=``."""
        name, folder = "西屏市发展和改革委员会", "/fgw/"
        self._department(folder, name, '<a href="/fgw/xxgk/ndbg/index.html">政府信息公开年度报告</a>')
        self.main.pages["/pdfjs/web/viewer.html"] = Page(html("PDF.js viewer", (
            '<div id="outerContainer"><div id="viewerContainer"><div id="viewer" class="pdfViewer"></div></div></div>'
            '<script src="viewer.js"></script>')))
        items = []
        for year in range(2024, 2021, -1):
            path = f"/fgw/upload/{year + 1}/01/nb{year}.pdf"
            self.main.pages[path] = Page(PDF, "application/pdf")
            self.expected[self.base + path] = (name, year)
            items.append((f"/pdfjs/web/viewer.html?file={quote(path, safe='')}", f"{name}{year}年政府信息公开工作年度报告"))
        self.main.pages["/fgw/upload/2024/ys.pdf"] = Page(PDF, "application/pdf")
        items.insert(1, (f"/pdfjs/web/viewer.html?file={quote('/fgw/upload/2024/ys.pdf', safe='')}", f"{name}2024年部门预算"))
        self.main.pages["/fgw/xxgk/ndbg/index.html"] = listing(f"政府信息公开年度报告-{name}", items)

    def _education(self) -> None:
        """教育局: each article's attachment a ``downloadFile('…')`` call whose address the page's script declares."""
        name, folder = "西屏市教育局", "/jyj/"
        nav = self._department(folder, name, '<a href="/jyj/xxgk/ndbg/index.html">政府信息公开年报</a>')
        script = ("<script>function downloadFile(id) { window.location.href = '/jyj/common/download.do?fileId=' + id; }"
                  "</script>")
        downloads: dict[str, tuple[str, bytes]] = {}
        items = []
        for number, year, title in ((8812, 2024, f"{name}2024年政府信息公开工作年度报告"),
                                    (8790, 2024, f"{name}2024年部门决算报告"),
                                    (8521, 2023, f"{name}2023年政府信息公开工作年度报告"),
                                    (8233, 2022, f"{name}2022年政府信息公开工作年度报告")):
            path, file_id = f"/jyj/art/{year + 1}/{number}.html", str(number * 10 + 1)
            self.main.pages[path] = Page(html(title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-15</div>'
                f'<div class="content"><p>现将{escape(title)}予以公布。</p><p>附件：<a href="javascript:void(0)" '
                f'onclick="downloadFile(\'{file_id}\')">{escape(title)}.pdf</a></p></div></div>{script}'), nav))
            downloads[file_id] = (f"{title}.pdf", PDF)
            if "年度报告" in title:
                self.expected[f"{self.base}/jyj/common/download.do?fileId={file_id}"] = (name, year)
            items.append((path, title))

        def download(query) -> Page:
            file_name, body = downloads.get((query.get("fileId") or [""])[0], ("", b""))
            if not body:
                return Page(b"<h1>404</h1>", status=404)
            return Page(body, "application/octet-stream",
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(file_name)}"})
        self.main.dynamic["/jyj/common/download.do"] = download
        self.main.pages["/jyj/xxgk/ndbg/index.html"] = listing(f"政府信息公开年报-{name}", items)

    def _civil_affairs(self) -> None:
        """民政局: each article's body loaded by script from a file of its own, the report's tables in it."""
        name, folder = "西屏市民政局", "/mzj/"
        nav = self._department(folder, name, '<a href="/mzj/xxgk/ndbg/index.html">政府信息公开年报</a>'
                                             '<a href="/mzj/xxgk/shzz/index.html">社会组织年报</a>')
        items = []
        for number, year in ((7301, 2024), (6954, 2023), (6522, 2022)):
            title, content = f"{name}{year}年政府信息公开工作年度报告", f"/mzj/content/{year + 1}/{number}.htm"
            path = f"/mzj/art/{year + 1}/{number}.html"
            self.main.pages[path] = Page(html(title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-18　来源：{name}'
                f'</div><div id="zoom"></div></div><script src="/js/jquery.min.js"></script>'
                f"<script>$(function () {{ $('#zoom').load('{content}'); }});</script>"), nav))
            self.main.pages[content] = Page(f'<div class="TRS_Editor">{LOOK.report_body(name, year)}</div>'.encode())
            self.expected[self.base + content] = (name, year)
            items.append((path, title))
        self.main.pages["/mzj/xxgk/ndbg/index.html"] = listing(f"政府信息公开年报-{name}", items)
        self.main.pages["/mzj/xxgk/shzz/index.html"] = listing(f"社会组织年报-{name}", [
            self._noise(f"/mzj/shzz/{k}.html", t, nav) for k, t in (
                ("1", "西屏市慈善总会2024年度工作报告（社会组织年报）"), ("2", "关于开展2024年度社会组织年报工作的通知"))])

    def _health(self) -> None:
        """卫健委: year tabs, the first year's list in the page, the others loaded from ``list_<year>.html``."""
        name, folder = "西屏市卫生健康委员会", "/wjw/"
        nav = self._department(folder, name, '<a href="/wjw/xxgk/ndbg/index.html">政府信息公开年度报告</a>')
        lists = {year: [self._report(f"/wjw/art/{year}/nb{year}.html", name, year, nav)] for year in range(2024, 2020, -1)}
        lists[2023].append(self._noise("/wjw/art/2023/tj2023.html", f"{name}2023年卫生健康统计年报", nav))
        for year, items in lists.items():
            self.main.pages[f"/wjw/xxgk/ndbg/list_{year}.html"] = Page("".join(
                f'<li><a href="{u}">{escape(t)}</a></li>' for u, t in items).encode())
        tabs = "".join(f'<li data-year="{y}"{ON if y == 2024 else ""}>{y}年</li>' for y in lists)
        first = "".join(f'<li><a href="{u}">{escape(t)}</a></li>' for u, t in lists[2024])
        self.main.pages["/wjw/xxgk/ndbg/index.html"] = Page(html(f"政府信息公开年度报告-{name}", (
            f'<ul class="tabs">{tabs}</ul><ul id="list">{first}</ul><script>'
            "$('.tabs li').click(function () { $(this).addClass('on').siblings().removeClass('on');"
            " $('#list').load('/wjw/xxgk/ndbg/list_' + $(this).attr('data-year') + '.html'); });</script>"), nav))

    def _labour(self) -> None:
        """人社局: the list in an ``<iframe>``, its later pages only in 共3页 and a select of page numbers."""
        name, folder = "西屏市人力资源和社会保障局", "/rsj/"
        nav = self._department(folder, name, '<a href="/rsj/xxgk/ndbg/index.html">政府信息公开年报</a>')
        self.main.pages["/rsj/xxgk/ndbg/index.html"] = Page(html(f"政府信息公开年报-{name}", (
            '<div class="main"><h2>政府信息公开年报</h2><iframe src="/rsj/xxgk/ndbg/list/index.shtml" width="100%" '
            'height="600" frameborder="0" scrolling="no"></iframe></div>'), nav))
        reports = [self._report(f"/rsj/art/{year}/nb{year}.html", name, year, nav) for year in range(2024, 2019, -1)]
        pages = [reports[:2], [reports[2], self._noise("/rsj/art/2022/zj.html", f"{name}2022年工作总结", nav)],
                 reports[3:]]
        for number, items in enumerate(pages):
            options = "".join(f'<option value="{k + 1}"{" selected" if k == number else ""}>{k + 1}</option>'
                              for k in range(len(pages)))
            self.main.pages[f"/rsj/xxgk/ndbg/list/index{f'_{number}' if number else ''}.shtml"] = Page((
                '<html><head><meta charset="utf-8"></head><body><ul>' + "".join(
                    f'<li><a href="{u}" target="_blank">{escape(t)}</a></li>' for u, t in items) +
                f'</ul><div class="page">共{len(pages)}页 当前第{number + 1}页 转到<select '
                f'onchange="goPage(this.value)">{options}</select>页</div><script>function goPage(n) {{ '
                "location.href = n == 1 ? 'index.shtml' : 'index_' + (n - 1) + '.shtml'; }</script></body></html>"
            ).encode())

    def _market(self) -> None:
        """市场监管局: its 年报 column beside a 企业年度报告公示 column: decoys."""
        name, folder = "西屏市市场监督管理局", "/scjg/"
        nav = self._department(folder, name, '<a href="/scjg/xxgk/ndbg/index.html">政府信息公开年报</a>'
                                             '<a href="/scjg/qynb/index.html">企业年度报告公示</a>')
        self.main.pages["/scjg/xxgk/ndbg/index.html"] = listing(f"政府信息公开年报-{name}", [
            self._report(f"/scjg/art/nb{year}.html", name, year, nav) for year in range(2024, 2021, -1)])
        self.main.pages["/scjg/qynb/index.html"] = listing(f"企业年度报告公示-{name}", [
            self._noise(f"/scjg/qynb/{k}.html", t, nav) for k, t in (
                ("1", "关于做好2024年度企业年度报告公示工作的通知"), ("2", "西屏市宏达机械有限公司2024年度报告"),
                ("3", "2023年度个体工商户年报填报指南"), ("4", "西屏市2023年度市场主体年报公示情况"))])

    def _justice(self) -> None:
        """司法局: its 年报 column drawn by script from a list API whose items give each article's detail API
        (``/sfj/api/article/8842``) under a title cut short (西屏市司法局2024年政府信息公开…), the article its JSON answer (``{"code": 200, "data": {"title": …, "content":
        "<p>…<table>…"}}``, or the title and content bare): the report is that answer."""
        name, folder = "西屏市司法局", "/sfj/"
        nav = self._department(folder, name, '<a href="/sfj/xxgk/ndbg/index.html">政府信息公开年报</a>')
        items = []
        for number, year in ((8842, 2024), (8410, 2023), (8017, 2022)):
            title, path = f"{name}{year}年政府信息公开工作年度报告", f"/sfj/api/article/{number}"
            article = {"id": number, "title": title, "content": LOOK.report_body(name, year),
                       "publishTime": f"{year + 1}-01-2{year % 10}", "source": name}
            answer = article if year == 2022 else {"code": 200, "msg": "success", "data": article}
            self.main.pages[path] = Page(json.dumps(answer, ensure_ascii=False).encode(), JSON)
            self.expected[self.base + path] = (name, year)
            items.append({"id": number, "title": title[:18] + "…", "url": path, "publishTime": article["publishTime"]})
        budget = f"{name}2024年部门预算"
        self.main.pages["/sfj/api/article/8801"] = Page(json.dumps({"code": 200, "data": {
            "id": 8801, "title": budget, "content": "<p>部门预算说明。</p>"}}, ensure_ascii=False).encode(), JSON)
        items.insert(1, {"id": 8801, "title": budget[:11] + "…", "url": "/sfj/api/article/8801", "publishTime": "2024-02-01"})
        self.main.pages["/sfj/api/article/list"] = Page(json.dumps(
            {"code": 200, "data": {"total": len(items), "list": items}}, ensure_ascii=False).encode(), JSON)
        self.main.pages["/sfj/xxgk/ndbg/index.html"] = Page(html(f"政府信息公开年报-{name}", (
            '<h2>政府信息公开年报</h2><ul id="list"></ul><script src="/js/jquery.min.js"></script><script>'
            "$.getJSON('/sfj/api/article/list', {channel: 'ndbg', page: 1}, function (res) { var out = '';"
            " $.each(res.data.list, function (i, item) { out += '<li><a href=\"' + item.url + '\">' + item.title"
            " + '</a></li>'; }); $('#list').html(out); });</script>"), nav))

    def _streets(self) -> None:
        """屏山县's 城区街道, a level deeper than its towns: a page listing its two 街道办事处, each a 信息公开年报
        column of its own."""
        county = self.county
        streets = (("dcjd", "屏山县东城街道办事处", "东城街道"), ("xcjd", "屏山县西城街道办事处", "西城街道"))
        county.pages["/xzjd/cqbsc/index.html"] = Page(COUNTY_LOOK.html("城区街道", "<h1>城区街道</h1><ul>" + "".join(
            f'<li><a href="/xzjd/cqbsc/{key}/index.html">{name}</a></li>' for key, name, _ in streets) + "</ul>"))
        for key, name, short in streets:
            folder = f"/xzjd/cqbsc/{key}/"
            county.pages[f"{folder}index.html"] = Page(COUNTY_LOOK.html(name, (
                f'<h1>{name}</h1><ul><li><a href="{folder}gzdt.html">工作动态</a></li>'
                f'<li><a href="{folder}ndbg.html">政府信息公开年报</a></li></ul>')))
            county.pages[f"{folder}gzdt.html"] = listing(f"工作动态-{short}", [
                (f"{folder}art/dt1.html", f"{short}开展2024年度安全生产检查")], COUNTY_LOOK)
            county.pages[f"{folder}art/dt1.html"] = Page(COUNTY_LOOK.html(f"{short}开展2024年度安全生产检查",
                                                                          "<p>正文。</p>"))
            self._local_reports(name, folder, f"{folder}ndbg.html", f"政府信息公开年报-{short}")

    def _local_reports(self, name: str, folder: str, column: str, column_title: str) -> None:
        """A town's or street's 2024 and 2023 reports under ``folder``art/, listed at ``column``."""
        items = []
        for year in (2024, 2023):
            title, path = f"{name}{year}年政府信息公开工作年度报告", f"{folder}art/nb{year}.html"
            self.county.pages[path] = Page(COUNTY_LOOK.article(title, name, year))
            self.expected[self.county_base + path] = (name, year)
            items.append((path, title))
        self.county.pages[column] = listing(column_title, items, COUNTY_LOOK)

    def _villages(self) -> None:
        """城关镇's 村（社区） page: its villages' and communities' 村务公开 pages, which hold no government's
        report (a level below the towns that publish none)."""
        county = self.county
        villages = ("东关社区", "西关社区", "南街村", "北坪村", "河口村", "石桥村")
        county.pages["/xzjd/cgz/index.html"] = Page(COUNTY_LOOK.html("屏山县城关镇人民政府", (
            '<h1>屏山县城关镇人民政府</h1><a href="/xzjd/cgz/xxgk/index.html">城关镇信息公开</a>'
            '<a href="/xzjd/cgz/cun/index.html">村（社区）</a>')))
        county.pages["/xzjd/cgz/cun/index.html"] = Page(COUNTY_LOOK.html("村（社区）-城关镇", "<ul>" + "".join(
            f'<li><a href="/xzjd/cgz/cun/{k}/index.html">{v}</a></li>' for k, v in enumerate(villages)) + "</ul>"))
        for k, village in enumerate(villages):
            folder = f"/xzjd/cgz/cun/{k}/"
            county.pages[f"{folder}index.html"] = Page(COUNTY_LOOK.html(village, (
                f'<h1>{village}</h1><ul><li><a href="{folder}cwgk.html">{village}村务公开</a></li>'
                f'<li><a href="{folder}dwgk.html">党务公开</a></li></ul>')))
            county.pages[f"{folder}cwgk.html"] = listing(f"村务公开-{village}", [
                (f"{folder}art/cw{year}.html", f"{village}{year}年度村务公开") for year in (2024, 2023)], COUNTY_LOOK)
            for year in (2024, 2023):
                county.pages[f"{folder}art/cw{year}.html"] = Page(COUNTY_LOOK.html(f"{village}{year}年度村务公开",
                                                                                     "<p>正文。</p>"))

    def _county(self) -> None:
        """屏山县, a host of its own: its 年报 column and a 乡镇街道 page."""
        county, base = self.county, self.county_base
        county.pages["/"] = Page(COUNTY_LOOK.html(f"{COUNTY}门户网站", (
            '<div class="gk"><a href="/zwgk/index.html">政府信息公开</a></div>')))
        county.pages["/zwgk/index.html"] = Page(COUNTY_LOOK.html(f"{COUNTY}政府信息公开", (
            '<ul><li><a href="/zwgk/ndbg/index.html">政府信息公开年报</a></li>'
            '<li><a href="/zwgk/xzjd.html">乡镇街道</a></li></ul>')))
        items = []
        for year in range(2024, 2021, -1):
            title, path = f"{COUNTY}{year}年政府信息公开工作年度报告", f"/zwgk/ndbg/nb{year}.html"
            county.pages[path] = Page(COUNTY_LOOK.article(title, COUNTY, year))
            self.expected[base + path] = (COUNTY, year)
            items.append((path, title))
        for key, title in (("zfgzbg", "2025年屏山县政府工作报告"), ("js", "屏山县2023年财政决算报告")):
            county.pages[f"/zwgk/ndbg/{key}.html"] = Page(COUNTY_LOOK.html(title, "<p>正文。</p>"))
            items.insert(1, (f"/zwgk/ndbg/{key}.html", title))
        county.pages["/zwgk/ndbg/index.html"] = listing("政府信息公开年报", items, COUNTY_LOOK)

    def _towns(self) -> None:
        """屏山县's towns, each a 信息公开年报 column of its own under ``/xzjd/<town>/``."""
        county = self.county
        towns = (("cgz", "屏山县城关镇人民政府", "城关镇"), ("smz", "屏山县石门镇人民政府", "石门镇"))
        county.pages["/zwgk/xzjd.html"] = Page(COUNTY_LOOK.html("乡镇街道", "<ul>" + "".join(
            f'<li><a href="/xzjd/{key}/index.html">{short}</a></li>' for key, _, short in towns) +
            '<li><a href="/xzjd/cqbsc/index.html">城区街道</a></li></ul>'))
        for key, name, short in towns:
            county.pages[f"/xzjd/{key}/index.html"] = Page(COUNTY_LOOK.html(name, (
                f'<h1>{name}</h1><a href="/xzjd/{key}/xxgk/index.html">{short}信息公开</a>')))
            county.pages[f"/xzjd/{key}/xxgk/index.html"] = Page(COUNTY_LOOK.html(f"{short}信息公开", (
                f'<ul><li><a href="/xzjd/{key}/xxgk/ndbg.html">信息公开年报</a></li></ul>')))
            self._local_reports(name, f"/xzjd/{key}/", f"/xzjd/{key}/xxgk/ndbg.html", f"信息公开年报-{short}")
        self._streets()
        self._villages()

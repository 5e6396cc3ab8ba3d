"""A county's portal written blind (without reading the crawler), 青溪县 under ``qingxi.gov.cn``: the habits of real
county sites, each with the public page or code it was seen on, so that a crawl of it measures the crawler as the
real world will. One server answers every host name, told apart by the Host header (``OneServerPortal``); the names
resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

Habits, and where they were seen:

- the 政府信息公开 platform on a host of its own (``xxgk.``), linked from the home page as 政务公开
  (hdzfxxgk.hd.gov.cn/zfxxgknb/); its departments under paths named by code (zfxxgk.beijing.gov.cn/110016/zfxxgknb/
  list.shtml), its towns under the portal's ``/xzjd/`` folder with columns named ``zfxxgknb_<id>``
  (www.hukou.gov.cn/flx/zfxxgknb_171215/202601/t20260106_7142469.html), one town on a host of its own;
- the county's 年报 column split into one sub-column per year (www.bjmy.gov.cn/zwgk/zfxxgk/zfxxgknb/gknb2017/,
  www.shuicheng.gov.cn/.../zfxxgknb/nb_2022n/);
- list pagers: TRS's ``createPageHTML(count, index, "index", "shtml")`` writing ``index_N.shtml`` links
  (rsj.km.gov.cn/zfxxgk/zfxxgknb/ paged as index_{page}.shtml); numbered files ``1.html``, ``2.html``
  (jyj.yanan.gov.cn/zfxxgk/zfxxgknb/1.html); a JSP list paged by ``cur_page`` through a ``<form>`` whose page-number
  input a script submits (www.mz.gov.cn/info/iList.jsp?node_id=GKmzs&cat_id=15971&cur_page=1); an ASP.NET list
  paged by ``page=`` (hrss.yn.gov.cn/InfoPublic.aspx?cid=1019&pid=971&page=1); a list its script asks of a JSON API
  by ``pageIndex``/``pageSize`` and pages with ``jumpToPage(n)`` (createPage(total, pageNo, totalpage) in
  526dong/machine-learn's 分页.html); ``?pageIndex=N`` links; a department home's block whose 更多>> is the only
  way to its column;
- titles as agencies write them: with the full name, a short one (县财政局), none (2024年度政府信息公开工作年度报告
  under a department's header), the town after the year (…年度报告（城关镇）), 政务信息公开工作年报 (岳西县五河镇's
  五河镇2017年度政务信息公开工作年报), full-width digits, the year in brackets after the title, and lists cutting
  long titles with ``...`` (the full title in the link's ``title``);
- reports only as a PDF or Word attachment of a short notice (关于公布…年度报告的公告), one served by a download
  script with Content-Disposition (Hanweb's /module/download/downfile.jsp?classid=0&filename=…);
- a report as a scan (pictures only); a report republished in 通知公告 under another address;
- look-alikes: 企业年报公示 notices, 政务公开工作要点, 年度工作总结, 部门整体支出绩效自评报告, 法治政府建设情况报告,
  统计公报;
- robots.txt naming a sitemap that is gone, a department link that is broken, a department and a town whose
  columns are empty, a link off the site.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlsplit

from simsite.documents import attachment_bytes
from simsite.figures import Agency, report_series
from simsite.pictures import table_pictures
from tests.crawler import portal_o
from tests.crawler.portal import JSON, Host, Look, Page
from tests.crawler.portal_o import OneServerPortal

DOMAIN = "qingxi.gov.cn"
COUNTY = "青溪县人民政府"
SEED = 131
LOOK = Look('<a href="/">首页</a><a href="/zwgk/">政务公开</a>', seed=SEED, day=1)


def dept(name: str) -> str:
    return f"青溪县{name}"


FGJ, CZJ, RSJ, ZRZYJ = dept("发展和改革局"), dept("财政局"), dept("人力资源和社会保障局"), dept("自然资源局")
ZJJ, JTJ, NYNCJ, SLJ = dept("住房和城乡建设局"), dept("交通运输局"), dept("农业农村局"), dept("水利局")
WJW, JYJ, SCJGJ, MZJ = dept("卫生健康局"), dept("教育体育局"), dept("市场监督管理局"), dept("民政局")
TJJ, SJJ, SFJ = dept("统计局"), dept("审计局"), dept("司法局")
CGZ, QSZ, HKX, SQZ = dept("城关镇人民政府"), dept("青山镇人民政府"), dept("河口乡人民政府"), dept("石桥镇人民政府")
WHZ, BSZ, LTJD = dept("五河镇人民政府"), dept("白沙镇人民政府"), dept("龙潭街道办事处")
AGENCIES = (COUNTY, FGJ, CZJ, RSJ, ZRZYJ, ZJJ, JTJ, NYNCJ, SLJ, WJW, JYJ, SCJGJ, MZJ, TJJ, SJJ, SFJ,
            CGZ, QSZ, HKX, SQZ, WHZ, BSZ, LTJD)


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 青溪县's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def published(year: int, day: int = 20) -> str:
    """When a report for ``year`` went up: January of the next year."""
    return f"{year + 1}-01-{day:02d}"


def li(url: str, title: str, date: str, cut: int = 0) -> str:
    """A list item as CMS templates print it; ``cut`` shortens the shown title as lists do, the full one kept in
    the link's title."""
    shown = title if not cut or len(title) <= cut else title[:cut] + "..."
    return (f'<li><a href="{url}" target="_blank" title="{escape(title)}">{escape(shown)}</a>'
            f'<span class="date">{date}</span></li>')


@dataclass(frozen=True)
class Item:
    """A list's entry: where it points, its title, its date."""

    url: str
    title: str
    date: str


def items_html(items: list[Item], cut: int = 0) -> str:
    return "".join(li(i.url, i.title, i.date, cut) for i in items)


def frame(site: str, title: str, body: str, menu: str = "") -> bytes:
    """A page of one agency's site: its name in the header, its menu on the left, the content on the right."""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}-{escape(site)}</title></head>'
            f'<body><div class="header"><div class="site-name">{escape(site)}</div></div>'
            f'<div class="main"><div class="left-menu">{menu}</div><div class="right-con">{body}</div></div>'
            f'<div class="footer">主办：{escape(site)}　<a href="http://www.qingxi.gov.cn/">青溪县人民政府</a></div>'
            '</body></html>').encode()


TRS_PAGER = ("<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){"
             "if(_nPageCount == null || _nPageCount<=1){return;}"
             "var nCurrIndex = _nCurrIndex || 0;"
             'if(nCurrIndex == 0){document.write("首页&nbsp;上一页&nbsp;");}'
             'else{var p = (nCurrIndex-1 == 0) ? _sPageName+"."+_sPageExt : _sPageName+"_"+(nCurrIndex-1)+"."+_sPageExt;'
             'document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a>&nbsp;<a href=\\""+p+"\\">上一页</a>&nbsp;");}'
             'if(nCurrIndex+1 >= _nPageCount){document.write("下一页&nbsp;尾页");}'
             'else{document.write("<a href=\\""+_sPageName+"_"+(nCurrIndex+1)+"."+_sPageExt+"\\">下一页</a>&nbsp;'
             '<a href=\\""+_sPageName+"_"+(_nPageCount-1)+"."+_sPageExt+"\\">尾页</a>");}}</script>')


class PortalBlind(OneServerPortal):
    """The hosts of 青溪县 on one server, with the reports a crawl must find (``expected``: URL → agency, year) and
    the copies it may also yield (``republished``)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.xxgk, self.jyj, self.wjw, self.sqz = Host(), Host(), Host(), Host(), Host()
        self.serve({"www": self.www, "xxgk": self.xxgk, "jyj": self.jyj, "wjw": self.wjw, "sqz": self.sqz})
        self.base = self.url("www", "")
        self.republished: set[str] = set()
        self._home()
        self._platform()
        self._county()
        self._fgj()
        self._czj()
        self._rsj()
        self._zrzyj()
        self._zjj()
        self._jtj()
        self._nyncj()
        self._slj()
        self._wjw()
        self._jyj()
        self._scjgj()
        self._mzj()
        self._tjj()
        self._sjj()
        self._sfj()
        self._dag()
        self._towns()

    # --- documents -------------------------------------------------------------------------------------------

    def _report(self, sub: str, path: str, title: str, agency: str, year: int, site: str = "") -> str:
        """A report page at ``path`` of host ``sub``, expected; its address."""
        host: Host = getattr(self, sub)
        body = (f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published(year)}'
                f'　来源：{escape(site or agency)}</div><div class="content">{LOOK.report_body(agency, year)}</div>'
                '</div>')
        host.pages[path] = Page(frame(site or agency, title, body))
        url = self.url(sub, path)
        self.expected[url] = (agency, year)
        return url

    def _reports(self, titles: dict[int, str], agency: str, path_of: Callable[[int], str], day: int,
                 sub: str = "xxgk", shown: Callable[[int], str] | None = None) -> list[Item]:
        """``agency``'s reports (year → title) at ``path_of(year)`` of ``sub``, expected; their list entries, linked
        as ``shown(year)`` (else by path), dated ``day`` January of the next year."""
        items = []
        for y, title in titles.items():
            self._report(sub, path_of(y), title, agency, y)
            items.append(Item(shown(y) if shown else path_of(y), title, published(y, day)))
        return items

    def _column(self, code: str, agency: str, items: list[Item], menu: str) -> None:
        """A department's 年报 column on the platform: one page listing ``items``."""
        self.xxgk.pages[f"/bm/{code}/zfxxgknb/index.shtml"] = Page(frame(agency, "政府信息公开年报",
                                                                        f"<ul>{items_html(items)}</ul>", menu))

    def _copy(self, sub: str, path: str, of: str) -> str:
        """The page at ``of`` republished at ``path`` of ``sub``: a report too, expected or not."""
        src = target(of)
        host: Host = getattr(self, sub)
        source: Host = getattr(self, sub_of(of))
        host.pages[path] = source.pages[src]
        url = self.url(sub, path)
        self.republished.add(url)
        return url

    def _noise(self, sub: str, path: str, title: str, site: str, text: str = "正文。") -> str:
        host: Host = getattr(self, sub)
        host.pages[path] = Page(frame(site, title, f'<div class="article"><h1>{escape(title)}</h1>'
                                                   f'<div class="content"><p>{escape(text)}</p></div></div>'))
        return self.url(sub, path)

    def _attachment(self, sub: str, path: str, agency: str, year: int, fmt: str, headers: dict | None = None,
                    content_type: str = "") -> str:
        """The report as a ``fmt`` file at ``path``, expected."""
        report = report_series(Agency(agency, agency, "department"), SEED)[year]
        types = {"pdf": "application/pdf",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        getattr(self, sub).pages[path] = Page(attachment_bytes(fmt, report), content_type or types[fmt],
                                              headers=headers or {})
        url = self.url(sub, path)
        self.expected[url] = (agency, year)
        return url

    def _scan(self, sub: str, path: str, title: str, agency: str, year: int) -> str:
        """A report page that is a scan: the pages of the report as pictures, no text but the title."""
        host: Host = getattr(self, sub)
        folder = path.rsplit("/", 1)[0]
        report = report_series(Agency(agency, agency, "department"), SEED)[year]
        imgs = []
        for n, picture in enumerate(table_pictures(report), 1):
            host.pages[f"{folder}/W0{year + 1}0120{n:02d}.png"] = Page(picture.png, "image/png")
            imgs.append(f'<p style="text-align:center"><img src="./W0{year + 1}0120{n:02d}.png" '
                        f'width="{picture.shown_width}" /></p>')
        body = (f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published(year)}</div>'
                f'<div class="content">{"".join(imgs)}</div></div>')
        host.pages[path] = Page(frame(agency, title, body))
        url = self.url(sub, path)
        self.expected[url] = (agency, year)
        return url

    # --- the portal and the platform ---------------------------------------------------------------------------

    def _home(self) -> None:
        notices = [Item("/art/2025/3/6/art_12_3301.html", "关于开展2024年度企业年报公示工作的通知", "2025-03-06"),
                   Item("/art/2025/2/18/art_12_3288.html", "青溪县2025年政务公开工作要点", "2025-02-18"),
                   Item("/art/2025/1/26/art_12_3270.html", "青溪县人民政府2024年度工作总结", "2025-01-26")]
        for item in notices:
            self._noise("www", item.url, item.title, COUNTY)
        self.www.pages["/"] = Page(frame(COUNTY, "首页", (
            '<div class="nav"><a href="/">首页</a><a href="/zjqx/">走进青溪</a>'
            f'<a href="{self.url("xxgk", "/")}" target="_blank">政务公开</a>'
            '<a href="http://www.zjzwfw.gov.cn/" target="_blank">政务服务</a><a href="/hdjl/">互动交流</a></div>'
            f'<div class="tzgg"><h3>通知公告</h3><ul>{items_html(notices)}</ul>'
            '<a href="/tzgg/index.shtml" class="more">更多>></a></div>')))
        self.www.pages["/zjqx/"] = Page(frame(COUNTY, "走进青溪", "<p>青溪县位于……</p>"))
        self.www.pages["/robots.txt"] = Page(
            f"User-agent: *\nDisallow: /search/\nSitemap: {self.url('www', '/sitemap.xml')}\n".encode(), "text/plain")

    def _platform(self) -> None:
        """The 政府信息公开 platform: its menu, its departments by code, its towns on the portal's folder."""
        x = self.url
        departments = [("fgj", "县发改局"), ("czj", "县财政局"), ("rsj", "县人社局"), ("zrzyj", "县自然资源局"),
                       ("zjj", "县住建局"), ("jtj", "县交通运输局"), ("nyncj", "县农业农村局"), ("slj", "县水利局"),
                       ("scjgj", "县市场监管局"), ("mzj", "县民政局"), ("tjj", "县统计局"), ("sjj", "县审计局"),
                       ("sfj", "县司法局"), ("ybj", "县医保局"), ("dag", "县档案馆")]
        links = "".join(f'<li><a href="/bm/{code}/index.shtml">{name}</a></li>' for code, name in departments)
        links += (f'<li><a href="{x("wjw", "/")}">县卫健局</a></li>'
                  f'<li><a href="{x("jyj", "/")}">县教体局</a></li>')
        towns = [("cgz", "城关镇"), ("qsz", "青山镇"), ("hkx", "河口乡"), ("whz", "五河镇"), ("bsz", "白沙镇"),
                 ("ltjd", "龙潭街道"), ("xhx", "新华乡")]
        town_links = "".join(f'<li><a href="{x("www", f"/xzjd/{py}/index.shtml")}">{name}</a></li>'
                             for py, name in towns)
        town_links += f'<li><a href="{x("sqz", "/")}">石桥镇</a></li>'
        self.xxgk.pages["/"] = Page(frame("青溪县政府信息公开", "政府信息公开", (
            '<div class="zwgk-menu"><a href="/xxgkzn/">政府信息公开指南</a><a href="/xxgkzd/">政府信息公开制度</a>'
            '<a href="/fdzdgknr/">法定主动公开内容</a><a href="/zfxxgknb/">政府信息公开年报</a>'
            '<a href="/ysqgk/">依申请公开</a></div>'
            f'<div class="bmxxgk"><h3>部门信息公开</h3><ul>{links}</ul></div>'
            f'<div class="xzxxgk"><h3>乡镇（街道）信息公开</h3><ul>{town_links}</ul></div>')))
        for path, title in (("/xxgkzn/", "政府信息公开指南"), ("/xxgkzd/", "政府信息公开制度"),
                            ("/ysqgk/", "依申请公开")):
            self.xxgk.pages[path] = Page(frame("青溪县政府信息公开", title, f"<p>{title}。</p>"))
        tasks = self._noise("xxgk", "/fdzdgknr/ghjh/202502/t20250218_3288.shtml", "青溪县2025年政务公开工作要点",
                            COUNTY)
        self.xxgk.pages["/fdzdgknr/"] = Page(frame("青溪县政府信息公开", "法定主动公开内容", (
            f'<ul>{li(tasks, "青溪县2025年政务公开工作要点", "2025-02-18")}</ul>')))

    def _menu(self, code: str, entries: list[tuple[str, str]]) -> str:
        return "".join(f'<a href="/bm/{code}/{path}">{name}</a>' for path, name in entries)

    def _dept_home(self, code: str, agency: str, entries: list[tuple[str, str]], body: str = "") -> str:
        """A department's page on the platform with its menu; the menu."""
        menu = self._menu(code, [("index.shtml", "首页"), ("jgzn/", "机构职能"), *entries])
        self.xxgk.pages[f"/bm/{code}/index.shtml"] = Page(frame(agency, "首页", body or "<p>部门信息公开。</p>",
                                                                menu))
        self.xxgk.pages[f"/bm/{code}/jgzn/"] = Page(frame(agency, "机构职能", "<p>主要职责。</p>", menu))
        return menu

    # --- the county ------------------------------------------------------------------------------------------

    def _county(self) -> None:
        """The county's column: one sub-column a year; its 2024 report republished in the portal's 通知公告."""
        years = range(2024, 2019, -1)
        subs = "".join(f'<li><a href="nb{y}/index.shtml">{y}年度</a></li>' for y in years)
        self.xxgk.pages["/zfxxgknb/"] = Page(frame("青溪县政府信息公开", "政府信息公开年报", f"<ul>{subs}</ul>"))
        for y in years:
            title = f"青溪县人民政府{y}年政府信息公开工作年度报告"
            path = f"/zfxxgknb/nb{y}/{y + 1}01/t{y + 1}0120_{7100 + y}.shtml"
            self._report("xxgk", path, title, COUNTY, y, "青溪县政府信息公开")
            self.xxgk.pages[f"/zfxxgknb/nb{y}/index.shtml"] = Page(frame(
                "青溪县政府信息公开", f"{y}年度", f'<ul>{li("./" + path.rsplit("/", 2)[1] + "/" + path.rsplit("/", 1)[1], title, published(y))}</ul>'))
        copy = self._copy("www", "/tzgg/202501/t20250125_9901.shtml",
                          self.url("xxgk", "/zfxxgknb/nb2024/202501/t20250120_9124.shtml"))
        self.www.pages["/tzgg/index.shtml"] = Page(frame(COUNTY, "通知公告", (
            f'<ul>{li(copy, "青溪县人民政府2024年政府信息公开工作年度报告", "2025-01-25")}'
            f'{li("/art/2025/3/6/art_12_3301.html", "关于开展2024年度企业年报公示工作的通知", "2025-03-06")}</ul>')))

    # --- departments on the platform -----------------------------------------------------------------------------

    def _fgj(self) -> None:
        """TRS: ``createPageHTML`` pages index.shtml, index_1.shtml, …; documents linked ``./YYYYMM/t….shtml``."""
        menu = self._dept_home("fgj", FGJ, [("zfxxgknb/index.shtml", "政府信息公开年报")])
        items = self._reports({y: f"{FGJ}{y}年政府信息公开工作年度报告" for y in range(2024, 2019, -1)}, FGJ,
                              lambda y: f"/bm/fgj/zfxxgknb/{y + 1}01/t{y + 1}0115_{5200 + y}.shtml", 15,
                              shown=lambda y: f"./{y + 1}01/t{y + 1}0115_{5200 + y}.shtml")
        pages = [items[i:i + 2] for i in range(0, len(items), 2)]
        for n, chunk in enumerate(pages):
            name = "index.shtml" if n == 0 else f"index_{n}.shtml"
            self.xxgk.pages[f"/bm/fgj/zfxxgknb/{name}"] = Page(frame(FGJ, "政府信息公开年报", (
                f'<ul class="list">{items_html(chunk)}</ul><div class="page">{TRS_PAGER}'
                f'<script>createPageHTML({len(pages)}, {n}, "index", "shtml");</script></div>'), menu))

    def _czj(self) -> None:
        """Numbered list files 1.html, 2.html; titles with the short name; a 绩效 report among them."""
        menu = self._dept_home("czj", CZJ, [("zfxxgknb/", "政府信息公开年报")])
        items = self._reports({y: f"县财政局{y}年度政府信息公开工作年度报告" for y in range(2024, 2021, -1)}, CZJ,
                              lambda y: f"/bm/czj/zfxxgknb/{y + 1}01/t{y + 1}0118_{6300 + y}.shtml", 18)
        perf = self._noise("xxgk", "/bm/czj/zfxxgknb/202409/t20240910_6390.shtml",
                           "县财政局2023年度部门整体支出绩效自评报告", CZJ)
        items.insert(1, Item(perf, "县财政局2023年度部门整体支出绩效自评报告", "2024-09-10"))
        pages = [items[:3], items[3:]]
        for n, chunk in enumerate(pages, 1):
            nav = '<a href="2.html">下一页</a>' if n == 1 else '<a href="1.html">上一页</a>'
            page = Page(frame(CZJ, "政府信息公开年报", f'<ul>{items_html(chunk)}</ul><div class="page">'
                                                        f'共{len(pages)}页 {nav}</div>', menu))
            self.xxgk.pages[f"/bm/czj/zfxxgknb/{n}.html"] = page
            if n == 1:
                self.xxgk.pages["/bm/czj/zfxxgknb/"] = page

    def _rsj(self) -> None:
        """A JSP list paged by ``cur_page`` through a form a script submits; titles without the agency."""
        menu = self._dept_home("rsj", RSJ, [("list.jsp?cat_id=1203&cur_page=1", "政府信息公开年报")])
        items = self._reports({y: f"{y}年度政府信息公开工作年度报告" for y in range(2024, 2019, -1)}, RSJ,
                              lambda y: f"/bm/rsj/content.jsp?id={8800 + y}&cat_id=1203", 22,
                              shown=lambda y: f"content.jsp?id={8800 + y}&amp;cat_id=1203")
        per = 2
        count = -(-len(items) // per)

        def listing(query: dict) -> Page:
            n = int((query.get("cur_page") or ["1"])[0] or 1)
            if query.get("cat_id") != ["1203"] or not 1 <= n <= count:
                return Page(frame(RSJ, "提示", "<p>参数错误</p>"), status=200)
            chunk = items[(n - 1) * per:n * per]
            pager = (f'<div class="page">共{len(items)}条 共{count}页 当前第{n}页 '
                     '<a href="javascript:goPage(1)">首页</a> '
                     f'<a href="javascript:goPage({max(n - 1, 1)})">上一页</a> '
                     f'<a href="javascript:goPage({min(n + 1, count)})">下一页</a> '
                     f'<a href="javascript:goPage({count})">尾页</a>'
                     '<form name="pageForm" id="pageForm" action="list.jsp" method="get">'
                     '<input type="hidden" name="cat_id" value="1203">'
                     f'<input type="text" name="cur_page" id="cur_page" value="{n}" size="2">'
                     '<input type="button" value="GO" onclick="goPage(document.getElementById(\'cur_page\').value)">'
                     '</form></div><script>function goPage(n){document.getElementById("cur_page").value=n;'
                     'document.pageForm.submit();}</script>')
            return Page(frame(RSJ, "政府信息公开年报", f"<ul>{items_html(chunk)}</ul>{pager}", menu))
        self.xxgk.dynamic["/bm/rsj/list.jsp"] = listing

    def _zrzyj(self) -> None:
        """A list the page's script asks of a JSON API by pageIndex/pageSize, paged by ``jumpToPage(n)``."""
        menu = self._dept_home("zrzyj", ZRZYJ, [("zfxxgknb/index.shtml", "政府信息公开年报")])
        records = [{"id": 4400 + n, "title": i.title, "url": i.url, "publishDate": i.date} for n, i in enumerate(
            self._reports({y: f"{ZRZYJ}{y}年政府信息公开工作年度报告" for y in range(2024, 2020, -1)}, ZRZYJ,
                          lambda y: f"/bm/zrzyj/zfxxgknb/{y + 1}01/t{y + 1}0125_{4400 + y}.shtml", 25))]
        summary = self._noise("xxgk", "/bm/zrzyj/tzgg/202501/t20250110_4499.shtml", "县自然资源局2024年度工作总结",
                              ZRZYJ)
        records.insert(0, {"id": 4499, "title": "县自然资源局2024年度工作总结", "url": target(summary),
                           "publishDate": "2025-01-10"})
        self.xxgk.pages["/bm/zrzyj/zfxxgknb/index.shtml"] = Page(frame(ZRZYJ, "政府信息公开年报", (
            '<ul id="listBox"></ul><div id="page"></div>'
            '<script src="/js/jquery.min.js"></script><script>'
            "var channelId = '1207';"
            "function loadList(pageIndex){$.ajax({url:'/api/content/list',type:'GET',dataType:'json',"
            "data:{channelId:channelId,pageIndex:pageIndex,pageSize:3},success:function(res){var html='';"
            "$.each(res.data.list,function(i,n){html+='<li><a href=\"'+n.url+'\" target=\"_blank\">'+n.title+"
            "'</a><span>'+n.publishDate+'</span></li>';});$('#listBox').html(html);"
            "$('#page').html(createPage(res.data.total,pageIndex,res.data.pages));}});}"
            "function jumpToPage(n){loadList(n);}"
            "$(function(){loadList(1);});</script>"), menu))
        self.xxgk.pages["/js/jquery.min.js"] = Page(b"/*! jQuery v1.12.4 | (c) jQuery Foundation */",
                                                    "application/javascript")

        def listing(query: dict) -> Page:
            if query.get("channelId") != ["1207"]:
                return Page(json.dumps({"code": 500, "msg": "栏目不存在", "data": None}).encode(), JSON)
            index = int((query.get("pageIndex") or ["1"])[0])
            size = int((query.get("pageSize") or ["10"])[0])
            chunk = records[(index - 1) * size:index * size]
            data = {"total": len(records), "pages": -(-len(records) // size), "pageIndex": index, "list": chunk}
            return Page(json.dumps({"code": 200, "msg": "success", "data": data}, ensure_ascii=False).encode(), JSON)
        self.xxgk.dynamic["/api/content/list"] = listing

    def _zjj(self) -> None:
        """ASP.NET: InfoPublic.aspx?cid=…&page=N, a __VIEWSTATE field, 年报 in the title."""
        menu = self._dept_home("zjj", ZJJ, [("InfoPublic.aspx?cid=1019", "政府信息公开年报")])
        items = self._reports({y: f"{ZJJ}{y}年度政府信息公开工作年报" for y in range(2024, 2019, -1)}, ZJJ,
                              lambda y: f"/bm/zjj/InfoDetail.aspx?id={3300 + y}", 19,
                              shown=lambda y: f"InfoDetail.aspx?id={3300 + y}")
        per, count = 2, 3

        def listing(query: dict) -> Page:
            n = int((query.get("page") or ["1"])[0])
            pager = " ".join(f'<a href="InfoPublic.aspx?cid=1019&amp;page={k}">{k}</a>' for k in range(1, count + 1))
            body = ('<form method="post" action="./InfoPublic.aspx?cid=1019" id="form1">'
                    '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTk1NjQ2NzQ4OWRk" />'
                    f'<ul>{items_html(items[(n - 1) * per:n * per])}</ul><div class="pager">{pager}</div></form>')
            return Page(frame(ZJJ, "政府信息公开年报", body, menu))
        self.xxgk.dynamic["/bm/zjj/InfoPublic.aspx"] = listing

    def _jtj(self) -> None:
        """Reports only as attachments of short notices 关于公布…年度报告的公告 (a PDF, once a Word file)."""
        menu = self._dept_home("jtj", JTJ, [("zfxxgknb/index.shtml", "政府信息公开年报")])
        items = []
        for y, fmt in ((2024, "pdf"), (2023, "pdf"), (2022, "docx")):
            stamp = f"{y + 1}0115093011{y % 100}"
            file = self._attachment("xxgk", f"/uploadfile/{y + 1}/0115/{stamp}.{fmt}", JTJ, y, fmt)
            title = f"{JTJ}关于公布{y}年度政府信息公开工作年度报告的公告"
            path = f"/bm/jtj/zfxxgknb/{y + 1}01/t{y + 1}0115_{2600 + y}.shtml"
            self.xxgk.pages[path] = Page(frame(JTJ, title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="content">'
                f'<p>根据《中华人民共和国政府信息公开条例》规定，现将我局{y}年度政府信息公开工作年度报告予以公布。</p>'
                f'<p>附件：<a href="{target(file)}">{JTJ}{y}年度政府信息公开工作年度报告.{fmt}</a></p>'
                f'<p style="text-align:right">{JTJ}<br>{published(y, 15)}</p></div></div>')))
            items.append(Item(path, title, published(y, 15)))
        self._column("jtj", JTJ, items, menu)

    def _nyncj(self) -> None:
        """A notice titled as the report, the report itself a file behind a download script (Content-Disposition)."""
        menu = self._dept_home("nyncj", NYNCJ, [("zfxxgknb/index.shtml", "政府信息公开年报")])
        items = []
        for y in range(2024, 2021, -1):
            name = f"{NYNCJ}{y}年政府信息公开工作年度报告.pdf"
            stamp = f"1{y + 1}0118102233{y % 100}"
            file = self._attachment(
                "xxgk", f"/module/download/downfile.jsp?classid=0&filename={stamp}.pdf", NYNCJ, y, "pdf",
                {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}, "application/octet-stream")
            title = f"{NYNCJ}{y}年政府信息公开工作年度报告"
            path = f"/bm/nyncj/zfxxgknb/{y + 1}01/t{y + 1}0118_{1700 + y}.shtml"
            href = target(file).replace("&", "&amp;")
            self.xxgk.pages[path] = Page(frame(NYNCJ, title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="content"><p>详见附件。</p>'
                f'<p><a href="{href}">{escape(name)}</a></p></div></div>')))
            items.append(Item(path, title, published(y, 18)))
        self._column("nyncj", NYNCJ, items, menu)

    def _slj(self) -> None:
        """A department home whose block's 更多>> is the only way to its column (its menu names none)."""
        items = self._reports({y: f"{SLJ}{y}年政府信息公开工作年度报告" for y in range(2024, 2020, -1)}, SLJ,
                              lambda y: f"/bm/slj/zfxxgknb/{y + 1}01/t{y + 1}0121_{9300 + y}.shtml", 21)
        block = (f'<div class="box"><div class="hd"><span>政府信息公开年报</span>'
                 f'<a class="more" href="zfxxgknb/index.shtml">更多>></a></div><ul>{items_html(items[:2])}</ul></div>')
        menu = self._dept_home("slj", SLJ, [("tzgg/", "通知公告")], block)
        self.xxgk.pages["/bm/slj/tzgg/"] = Page(frame(SLJ, "通知公告", "<ul></ul>", menu))
        self._column("slj", SLJ, items, menu)

    def _scjgj(self) -> None:
        """年报 as agencies shorten it, beside the 企业年报 notices of the same office."""
        menu = self._dept_home("scjgj", SCJGJ, [("zfxxgknb/index.shtml", "政府信息公开年报"), ("tzgg/", "通知公告")])
        items = self._reports({2024: "2024年县市场监管局政府信息公开年报",
                               2023: f"{SCJGJ}2023年度政府信息公开工作年度报告",
                               2022: f"{SCJGJ}2022年度政府信息公开工作年度报告"}, SCJGJ,
                              lambda y: f"/bm/scjgj/zfxxgknb/{y + 1}01/t{y + 1}0116_{1100 + y}.shtml", 16)
        self._column("scjgj", SCJGJ, items, menu)
        notices = []
        for n, title in enumerate(("关于开展2024年度企业年报公示工作的通知", "2024年度个体工商户年报公示提醒",
                                   "关于2023年度农民专业合作社年报公示情况的通告"), 1):
            notices.append(Item(self._noise("xxgk", f"/bm/scjgj/tzgg/202503/t2025030{n}_{1190 + n}.shtml", title,
                                            SCJGJ), title, f"2025-03-0{n}"))
        self.xxgk.pages["/bm/scjgj/tzgg/"] = Page(frame(SCJGJ, "通知公告", f"<ul>{items_html(notices)}</ul>", menu))

    def _mzj(self) -> None:
        """An older template: the list is a table, dates in a cell of their own, long titles cut with ``...``."""
        menu = self._dept_home("mzj", MZJ, [("zfxxgknb/index.shtml", "政府信息公开年报")])
        rows = [f'<tr><td class="bt"><a href="{i.url}" title="{i.title}" target="_blank">{i.title[:16]}...</a>'
                f'</td><td class="rq">{i.date}</td></tr>' for i in self._reports(
                    {y: f"{MZJ}{y}年政府信息公开工作年度报告" for y in range(2024, 2020, -1)}, MZJ,
                    lambda y: f"/bm/mzj/zfxxgknb/{y + 1}01/t{y + 1}0123_{2200 + y}.shtml", 23)]
        self.xxgk.pages["/bm/mzj/zfxxgknb/index.shtml"] = Page(frame(MZJ, "政府信息公开年报", (
            f'<table width="100%" border="0" cellspacing="0" cellpadding="0">{"".join(rows)}</table>'), menu))

    def _tjj(self) -> None:
        """A 统计公报 column beside the 年报 one."""
        menu = self._dept_home("tjj", TJJ, [("zfxxgknb/index.shtml", "政府信息公开年报"), ("tjgb/", "统计公报")])
        items = self._reports({y: f"{TJJ}{y}年政府信息公开工作年度报告" for y in range(2024, 2021, -1)}, TJJ,
                              lambda y: f"/bm/tjj/zfxxgknb/{y + 1}01/t{y + 1}0124_{3900 + y}.shtml", 24)
        self._column("tjj", TJJ, items, menu)
        bulletins = []
        for y in (2024, 2023):
            title = f"青溪县{y}年国民经济和社会发展统计公报"
            bulletins.append(Item(self._noise("xxgk", f"/bm/tjj/tjgb/{y + 1}03/t{y + 1}0320_{3990 + y}.shtml",
                                              title, TJJ), title, f"{y + 1}-03-20"))
        self.xxgk.pages["/bm/tjj/tjgb/"] = Page(frame(TJJ, "统计公报", f"<ul>{items_html(bulletins)}</ul>", menu))

    def _sjj(self) -> None:
        """Titles in full-width digits, and with the year in brackets after the title."""
        menu = self._dept_home("sjj", SJJ, [("zfxxgknb/index.shtml", "政府信息公开年报")])
        full_width = str.maketrans("0123456789", "０１２３４５６７８９")
        items = self._reports({2024: f"{SJJ}{str(2024).translate(full_width)}年度政府信息公开工作年度报告",
                               2023: f"{SJJ}政府信息公开工作年度报告（2023年度）",
                               2022: f"{SJJ}政府信息公开工作年度报告（2022年度）"}, SJJ,
                              lambda y: f"/bm/sjj/zfxxgknb/{y + 1}01/t{y + 1}0117_{4700 + y}.shtml", 17)
        self._column("sjj", SJJ, items, menu)

    def _sfj(self) -> None:
        """No 年报 column: the reports among 通知公告, beside the 法治政府建设 reports."""
        menu = self._dept_home("sfj", SFJ, [("tzgg/index.shtml", "通知公告")])
        items = []
        for y in (2024, 2023):
            lookalike = f"{SFJ}{y}年度法治政府建设情况报告"
            items.append(Item(self._noise("xxgk", f"/bm/sfj/tzgg/{y + 1}02/t{y + 1}0226_{5500 + y}.shtml", lookalike,
                                          SFJ), lookalike, f"{y + 1}-02-26"))
            title = f"{SFJ}{y}年政府信息公开工作年度报告"
            path = f"/bm/sfj/tzgg/{y + 1}01/t{y + 1}0120_{5600 + y}.shtml"
            self._report("xxgk", path, title, SFJ, y)
            items.append(Item(path, title, published(y)))
        self.xxgk.pages["/bm/sfj/tzgg/index.shtml"] = Page(frame(SFJ, "通知公告", f"<ul>{items_html(items)}</ul>",
                                                                 menu))

    def _dag(self) -> None:
        """A column with nothing in it yet."""
        menu = self._dept_home("dag", dept("档案馆"), [("zfxxgknb/index.shtml", "政府信息公开年报")])
        self.xxgk.pages["/bm/dag/zfxxgknb/index.shtml"] = Page(frame(dept("档案馆"), "政府信息公开年报",
                                                                     '<div class="nodata">暂无信息</div>', menu))

    # --- departments on hosts of their own ------------------------------------------------------------------------

    def _wjw(self) -> None:
        """A site of its own: 信息公开 → 年度报告 paged by ``?pageIndex=N``; one year's report a scan."""
        site = WJW
        self.wjw.pages["/"] = Page(frame(site, "首页", (
            '<div class="nav"><a href="/">首页</a><a href="/xwdt/">新闻动态</a><a href="/xxgk/">信息公开</a></div>')))
        self.wjw.pages["/xwdt/"] = Page(frame(site, "新闻动态", "<ul></ul>"))
        self.wjw.pages["/xxgk/"] = Page(frame(site, "信息公开", "<p>信息公开目录</p>", (
            '<a href="/xxgk/xxgkzn/">信息公开指南</a><a href="/xxgk/ndbg/">年度报告</a>')))
        self.wjw.pages["/xxgk/xxgkzn/"] = Page(frame(site, "信息公开指南", "<p>指南。</p>"))
        items = []
        for y in range(2024, 2020, -1):
            title = f"{WJW}{y}年政府信息公开工作年度报告"
            path = f"/xxgk/ndbg/{y + 1}01/t{y + 1}0114_{6600 + y}.html"
            if y == 2023:
                self._scan("wjw", path, title, WJW, y)
            else:
                self._report("wjw", path, title, WJW, y)
            items.append(Item(path, title, published(y, 14)))

        def listing(query: dict) -> Page:
            n = int((query.get("pageIndex") or ["1"])[0])
            nav = '<a href="?pageIndex=2">下一页</a>' if n == 1 else '<a href="?pageIndex=1">上一页</a>'
            return Page(frame(site, "年度报告", f'<ul>{items_html(items[(n - 1) * 2:n * 2])}</ul>'
                                               f'<div class="page">{nav}</div>'))
        self.wjw.dynamic["/xxgk/ndbg/"] = listing

    def _jyj(self) -> None:
        """A site of its own: the home page's block and its 更多>>; one report republished in 通知公告."""
        site = JYJ
        items = self._reports({y: f"{JYJ}{y}年政府信息公开工作年度报告" for y in range(2024, 2021, -1)}, JYJ,
                              lambda y: f"/zwgk/gknb/{y + 1}01/t{y + 1}0112_{7700 + y}.html", 12, sub="jyj")
        copy = self._copy("jyj", "/tzgg/202501/t20250122_7799.html", self.url("jyj", items[0].url))
        self.jyj.pages["/"] = Page(frame(site, "首页", (
            f'<div class="box"><div class="hd"><span>信息公开年报</span><a class="more" href="/zwgk/gknb/">更多>></a>'
            f'</div><ul>{items_html(items[:1])}</ul></div>'
            '<div class="box"><div class="hd"><span>通知公告</span><a class="more" href="/tzgg/">更多>></a></div></div>')))
        self.jyj.pages["/zwgk/gknb/"] = Page(frame(site, "信息公开年报", f"<ul>{items_html(items)}</ul>"))
        notice = self._noise("jyj", "/tzgg/202502/t20250210_7801.html", "青溪县教育体育局2025年工作要点", site)
        self.jyj.pages["/tzgg/"] = Page(frame(site, "通知公告", (
            f'<ul>{li(notice, "青溪县教育体育局2025年工作要点", "2025-02-10")}'
            f'{li(target(copy), "转发：" + items[0].title, "2025-01-22")}</ul>')))

    # --- towns ---------------------------------------------------------------------------------------------------

    def _town_site(self, sub: str, folder: str, agency: str, column: str) -> str:
        """A town's pages under ``folder``: home, 政府信息公开年报 in its menu; the menu."""
        host: Host = getattr(self, sub)
        menu = (f'<a href="{folder}index.shtml">首页</a><a href="{folder}xzgk/">乡镇概况</a>'
                f'<a href="{folder}{column}/">政府信息公开年报</a>')
        host.pages[f"{folder}index.shtml"] = Page(frame(agency, "首页", "<p>乡镇信息公开。</p>", menu))
        if folder == "/":
            host.pages["/"] = host.pages["/index.shtml"]
        host.pages[f"{folder}xzgk/"] = Page(frame(agency, "乡镇概况", "<p>概况。</p>", menu))
        return menu

    def _town(self, sub: str, folder: str, agency: str, column: str, titles: dict[int, str],
              scans: tuple[int, ...] = (), per: int = 10) -> None:
        """A town's column with ``titles`` (year → title), paged ``index_N.shtml`` by plain 下一页 links."""
        menu = self._town_site(sub, folder, agency, column)
        host: Host = getattr(self, sub)
        items = []
        for y, title in titles.items():
            path = f"{folder}{column}/{y + 1}01/t{y + 1}0126_{zlib.crc32(agency.encode()) % 9000 + y}.shtml"
            (self._scan if y in scans else self._report)(sub, path, title, agency, y)
            items.append(Item(path, title, published(y, 26)))
        pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
        for n, chunk in enumerate(pages):
            name = "" if n == 0 else f"index_{n}.shtml"
            nav = f'<a href="index_{n + 1}.shtml">下一页</a>' if n + 1 < len(pages) else ""
            body = f'<ul>{items_html(chunk)}</ul><div class="page">{nav}</div>' if chunk else \
                '<div class="nodata">暂无信息</div>'
            host.pages[f"{folder}{column}/{name}"] = Page(frame(agency, "政府信息公开年报", body, menu))

    def _towns(self) -> None:
        years = range(2024, 2021, -1)
        self._town("www", "/xzjd/cgz/", CGZ, "zfxxgknb_3301",
                   {y: f"{y}年政府信息公开工作年度报告（城关镇）" for y in years})
        self._town("www", "/xzjd/qsz/", QSZ, "zfxxgknb_3302", {y: f"青山镇{y}年度政府信息公开工作年报" for y in years})
        self._town("www", "/xzjd/hkx/", HKX, "zfxxgknb_3303",
                   {y: f"河口乡人民政府{y}年政府信息公开工作年度报告" for y in range(2024, 2020, -1)}, per=3)
        self._town("www", "/xzjd/whz/", WHZ, "zfxxgknb_3304", {y: f"五河镇{y}年度政务信息公开工作年报" for y in years})
        self._town("www", "/xzjd/bsz/", BSZ, "zfxxgknb_3305",
                   {y: f"白沙镇{y}年政府信息公开工作年度报告" for y in years}, scans=(2024,))
        self._town("www", "/xzjd/ltjd/", LTJD, "zfxxgknb_3306",
                   {y: f"龙潭街道办事处{y}年政府信息公开工作年度报告" for y in years})
        self._town("www", "/xzjd/xhx/", dept("新华乡人民政府"), "zfxxgknb_3307", {})
        self._town("sqz", "/", SQZ, "zfxxgknb", {y: f"{SQZ}{y}年政府信息公开工作年度报告" for y in years})



def target(url: str) -> str:
    """The path and query of one of the portal's addresses, as a request names them."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sub_of(url: str) -> str:
    """The sub-domain of one of the portal's addresses (``www`` of ``http://www.qingxi.gov.cn:port/…``)."""
    return urlsplit(url).hostname[:-len(DOMAIN) - 1]

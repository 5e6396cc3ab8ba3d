"""A CITY's portal written blind (without reading the crawler), 北沅市 under ``beiyuan.gov.cn``: a 地级市 whose
政府信息公开 is kept on its province's platform, on another registrable domain (``xxgk.yunze.gov.cn/by/``), with the
habits of real city sites, each with the public page or code it was seen on. One server answers every host name,
told apart by the Host header; the names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

Habits, and where they were seen:

- the city's 政府信息公开 on a province-run platform of another domain, hosting the city's, one county's and another
  city's (青山市: not this site's) 信息公开 under one folder each (浙江政务服务网 / 宁波江北 www.nbjb.gov.cn/col/
  col1229214366/index.html "信息公开部门目录", a province's 集约化 platform); its pages' breadcrumb leads to the
  platform's home page listing every city;
- the platform's 部门 written by a script as a tree (zTree's ``var zNodes=[{id, pId, name, url}]`` and
  ``$.fn.zTree.init``: techflowing/Blog header.blade.php, sunder-xie/xiaoyuServer deptTree.jsp), no ``<a>`` in the
  HTML; one node broken (404);
- the home page's 区县 in a ``<select onchange>`` whose options are the sites (zyzxxx/dswork index_links.jsp
  ``<select onchange="location.href=this.value;">``), its 部门网站 an image map (``<map><area href alt>``) as older
  home pages have them, and a 乡镇街道 menu written by ``document.writeln`` from a script file (mhxqwer/
  zyjhenan.gov.cn static/js/link.js);
- 年报 columns under names the platforms use: 政府信息公开年报, 年度报告, 信息公开年报专栏, 年报专栏,
  政府信息公开工作年度报告, 工作年报, 年度报表; look-alike columns 统计年报, 政府工作报告, 企业年报公示;
- a county's own site whose 年报 list is an ``<iframe>`` of the province platform's host;
- lists paged as ``index_N.html`` (TRS/集约化 platforms), ``?page=N``;
- titles with the full name, a short one (市财政局), none (the unit's name in the page header), the year in
  brackets; reports as article pages, as PDF/Word attachments of a short notice (关于公布…年度报告的公告), a scan;
- look-alikes: 年度工作总结, 政务公开工作要点, 部门整体支出绩效自评报告, 企业年报公示, 统计年报, 政府工作报告;
- robots.txt, a department link that is broken, a 街道 whose column is empty.

Measured blind, the crawler found 39 of its 62 reports (38 with their agency and year) and yielded 2 of the
platform's other city: the 区县 drop-down headed by --请选择-- vouched for no county site of its own domain (临河区,
西泉县: 20 reports), the 街道 menu a script file writes was unread (4), a 年报 column named 年度报表 (a look-alike's
word) was left (1), reports a unit's entry page lists were credited to 市财政局 (its title's first part), and the
platform's home page led to 青山市. Now 62/62, nothing else.
"""

from __future__ import annotations

import json
import zlib
from html import escape

from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from simsite.documents import attachment_bytes
from simsite.figures import Agency, report_series
from simsite.pictures import table_pictures
from tests.crawler import portal_o
from tests.crawler.portal import Host, HostServer, Look, Page
from tests.crawler.portal_blind import frame, li, published
from tests.crawler.portal_o import NamedHosts

DOMAINS = ("beiyuan.gov.cn", "yunze.gov.cn", "bylh.gov.cn", "byxq.gov.cn")
CITY = "北沅市人民政府"
SEED = 149
LOOK = Look('<a href="/">首页</a>', seed=SEED, day=1)
YEARS = range(2024, 2022, -1)
WWW, XXGK, LH, XQ, DP, JYJ, WJW = ("www.beiyuan.gov.cn", "xxgk.yunze.gov.cn", "www.bylh.gov.cn", "www.byxq.gov.cn",
                                   "dpq.beiyuan.gov.cn", "jyj.beiyuan.gov.cn", "wjw.beiyuan.gov.cn")

# 市直部门 on the platform: code, full name, the 年报 column's name
PLATFORM_UNITS = (
    ("fgw", "北沅市发展和改革委员会", "政府信息公开年报"),
    ("czj", "北沅市财政局", "信息公开年报专栏"),
    ("rsj", "北沅市人力资源和社会保障局", "年报专栏"),
    ("mzj", "北沅市民政局", "政府信息公开工作年度报告"),
    ("tjj", "北沅市统计局", "工作年报"),
    ("sjj", "北沅市审计局", "年度报告"),
    ("slj", "北沅市水利局", "年度报表"),
    ("zrzyj", "北沅市自然资源和规划局", "政府信息公开年报"),
    ("scjgj", "北沅市市场监督管理局", "政府信息公开年报"),
    ("sthjj", "北沅市生态环境局", "政府信息公开年报"),
)
SJYJ, SWJW = "北沅市教育局", "北沅市卫生健康委员会"
LHQ, LH_JYJ, LH_WJJ, CNJD, CBJD = ("北沅市临河区人民政府", "临河区教育局", "临河区卫生健康局", "临河区城南街道办事处",
                                   "临河区城北街道办事处")
XQX, XQ_NYJ, XQ_JTJ, SMZ = "西泉县人民政府", "西泉县农业农村局", "西泉县交通运输局", "西泉县石门镇人民政府"
DPQ, DP_ZJJ, DP_SFJ, DPJD = "北沅市东坪区人民政府", "东坪区住房和城乡建设局", "东坪区司法局", "东坪区东坪街道办事处"
NLX, NL_CZJ, CGZ = "南岭县人民政府", "南岭县财政局", "南岭县城关镇人民政府"
AGENCIES = (CITY, *(name for _, name, _ in PLATFORM_UNITS), SJYJ, SWJW, LHQ, LH_JYJ, LH_WJJ, CNJD, CBJD,
            XQX, XQ_NYJ, XQ_JTJ, SMZ, DPQ, DP_ZJJ, DP_SFJ, NLX, NL_CZJ, CGZ)


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: the names of 北沅市's domains and its province's platform are 127.0.0.1, any
    other name is refused."""

    def getHostByName(self, host: str, timeout=()) -> defer.Deferred:  # noqa: N802 (Twisted's interface)
        if any(host == d or host.endswith("." + d) for d in DOMAINS):
            return defer.succeed("127.0.0.1")
        return defer.fail(DNSLookupError(f"{host} is no name of the portal under test"))


def article(site: str, title: str, text: str, date: str) -> bytes:
    return frame(site, title, f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{date}</div>'
                              f'<div class="content"><p>{escape(text)}</p></div></div>')


class PortalAE:
    """北沅市's hosts on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        self.hosts = {name: Host() for name in (WWW, XXGK, LH, XQ, DP, JYJ, WJW)}
        self.server = HostServer("127.0.0.1", NamedHosts(self.hosts))
        self.port = self.server.server_address[1]
        self.expected: dict[str, tuple[str, int]] = {}
        self.base = self.url(WWW, "")
        self._home()
        self._platform()
        self._linhe()
        self._xiquan()
        self._dongping()
        self._nanling()
        self._own_sites()
        self._other_city()

    def close(self) -> None:
        self.server.close()

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"

    # --- the pieces every column is made of --------------------------------------------------------------------

    def _report(self, host: str, path: str, title: str, agency: str, year: int) -> tuple[str, str, str]:
        body = (f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{published(year)}'
                f'　来源：{escape(agency)}</div><div class="content">{LOOK.report_body(agency, year)}</div></div>')
        self.hosts[host].pages[path] = Page(frame(agency, title, body))
        self.expected[self.url(host, path)] = (agency, year)
        return path, title, published(year)

    def _attachment(self, host: str, path: str, agency: str, year: int, fmt: str) -> str:
        report = report_series(Agency(agency, agency, "department"), SEED)[year]
        types = {"pdf": "application/pdf",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        self.hosts[host].pages[path] = Page(attachment_bytes(fmt, report), types[fmt])
        self.expected[self.url(host, path)] = (agency, year)
        return path

    def _notice(self, host: str, path: str, agency: str, year: int, fmt: str) -> tuple[str, str, str]:
        """A short notice 关于公布…年度报告的公告 whose attachment is the report."""
        folder = path.rsplit("/", 1)[0]
        file = self._attachment(host, f"{folder}/P0{year + 1}0116{year % 100}.{fmt}", agency, year, fmt)
        title = f"{agency}关于公布{year}年度政府信息公开工作年度报告的公告"
        self.hosts[host].pages[path] = Page(frame(agency, title, (
            f'<div class="article"><h1>{escape(title)}</h1><div class="content">'
            f'<p>根据《中华人民共和国政府信息公开条例》，现将{escape(agency)}{year}年度政府信息公开工作年度报告予以公布。</p>'
            f'<p>附件：<a href="{file}">{year}年度政府信息公开工作年度报告.{fmt}</a></p></div></div>')))
        return path, title, published(year, 16)

    def _scan(self, host: str, path: str, title: str, agency: str, year: int) -> tuple[str, str, str]:
        folder = path.rsplit("/", 1)[0]
        report = report_series(Agency(agency, agency, "department"), SEED)[year]
        imgs = []
        for n, picture in enumerate(table_pictures(report), 1):
            self.hosts[host].pages[f"{folder}/W0{year + 1}0120{n:02d}.jpg"] = Page(picture.png, "image/png")
            imgs.append(f'<p style="text-align:center"><img src="W0{year + 1}0120{n:02d}.jpg" /></p>')
        self.hosts[host].pages[path] = Page(frame(agency, title, (
            f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{published(year)}</div>'
            f'<div class="content">{"".join(imgs)}</div></div>')))
        self.expected[self.url(host, path)] = (agency, year)
        return path, title, published(year)

    def _noise(self, host: str, path: str, site: str, title: str, year: int) -> tuple[str, str, str]:
        self.hosts[host].pages[path] = Page(article(site, title, f"{title}全文如下……", published(year, 9)))
        return path, title, published(year, 9)

    def _list(self, host: str, folder: str, site: str, column: str, rows: list[tuple[str, str, str]], menu: str,
              per: int = 0) -> None:
        """``rows`` (path, title, date) as ``folder``'s list, paged ``index_N.html`` by ``per`` when given."""
        per = per or len(rows) or 1
        chunks = [rows[i:i + per] for i in range(0, len(rows), per)] or [[]]
        for n, chunk in enumerate(chunks):
            items = "".join(li(path, title, date, cut=24) for path, title, date in chunk)
            pager = ""
            if len(chunks) > 1:
                def page(k: int) -> str:
                    return "index.html" if k == 0 else f"index_{k}.html"
                pager = ('<div class="page"><a href="index.html">首页</a>'
                         + (f'<a href="{page(n - 1)}">上一页</a>' if n else "")
                         + (f'<a href="{page(n + 1)}">下一页</a>' if n + 1 < len(chunks) else "")
                         + f'<a href="{page(len(chunks) - 1)}">尾页</a> 共{len(chunks)}页 {len(rows)}条</div>')
            self.hosts[host].pages[f"{folder}{'index.html' if n == 0 else f'index_{n}.html'}"] = Page(
                frame(site, column, f'<h2>{escape(column)}</h2><ul class="list">{items}</ul>{pager}', menu))
        self.hosts[host].pages[folder] = self.hosts[host].pages[f"{folder}index.html"]

    def _datastore(self, folder: str, site: str, column: str, rows: list[tuple[str, str, str]], menu: str) -> None:
        """``rows`` as a Hanweb (大汉) column page: the records in a ``<script type="text/xml">`` datastore, each an
        HTML fragment in CDATA, the next group asked of ``dataproxy.jsp`` (none here: one group holds them all)."""
        column_id = self._column_id(folder)
        records = "".join(f"<record><![CDATA[<li><a href='{path}' title='{escape(title)}' target=\"_blank\">"
                          f"{escape(title)}</a><span>{date}</span></li>]]></record>\n" for path, title, date in rows)
        body = (f'<h2>{escape(column)}</h2><div id="{column_id + 1}"><script type="text/xml"><datastore>'
                f'<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=110&path=/'
                f'&columnid={column_id}&unitid={column_id + 1}&permissiontype=0"></a>]]></nextgroup>'
                f'<recordset>{records}</recordset></datastore></script></div>'
                '<script language="javascript" src="/module/web/jpage/jpage.js"></script>'
                f'<script>$(document).ready(function(){{$("#{column_id + 1}").jpage({{dataStore:dataStore,'
                f'perPage:15,proxyUrl:"/module/web/jpage/dataproxy.jsp",totalRecord:{len(rows)}}});}});</script>')
        self.hosts[XXGK].pages[f"{folder}index.html"] = Page(frame(site, column, body, menu))
        self.hosts[XXGK].pages[folder] = self.hosts[XXGK].pages[f"{folder}index.html"]

    def _column_id(self, folder: str) -> int:
        return zlib.crc32(folder.encode()) % 90000 + 10000

    def _art(self, folder: str, year: int, day: int) -> str:
        """A Hanweb article's address: under ``/art/`` by date, whatever its column (not under the column's folder)."""
        column_id = self._column_id(folder)
        return f"/art/{year + 1}/1/{day}/art_{column_id}_{column_id * 7 + year}.html"

    def _stamp(self, code: str, year: int) -> str:
        return f"t{year + 1}01{zlib.crc32(code.encode()) % 20 + 10}_{zlib.crc32(code.encode()) % 90000 + year}.html"

    # --- the city's portal ----------------------------------------------------------------------------------------

    def _home(self) -> None:
        www = self.hosts[WWW]
        counties = "".join(f'<option value="{url}">{name}</option>' for url, name in (
            (self.url(LH, "/"), "临河区"), (self.url(DP, "/"), "东坪区"), (self.url(XQ, "/"), "西泉县"),
            (self.url(XXGK, "/by/nlx/index.html"), "南岭县")))
        areas = "".join(f'<area shape="rect" coords="{i * 120},0,{i * 120 + 110},40" href="{url}" alt="{name}" '
                        f'target="_blank">' for i, (url, name) in enumerate((
                            (self.url(JYJ, "/"), "市教育局"), (self.url(WJW, "/"), "市卫健委"),
                            ("http://gaj.beiyuan.gov.cn/", "市公安局"))))
        news = "".join(li(p, t, d) for p, t, d in self._news())
        reports = "".join(li(p, t, d) for p, t, d in self._gov_work_reports())
        body = (f'<div class="nav2"><a href="/xwzx/index.html">新闻中心</a>'
                f'<a href="{self.url(XXGK, "/by/index.html")}" target="_blank">政府信息公开</a>'
                '<a href="http://zwfw.yunze.gov.cn/by/">政务服务</a><a href="/hdjl/">互动交流</a></div>'
                f'<div class="news"><h3>北沅要闻</h3><ul>{news}</ul></div>'
                f'<div class="box"><h3>政府工作报告</h3><ul>{reports}</ul></div>'
                '<div class="links"><span>区县网站</span><select onchange="window.open(this.value)">'
                f'<option value="">--请选择--</option>{counties}</select>'
                '<span>部门网站</span><img src="/images/bmwz.jpg" usemap="#bmwz" border="0">'
                f'<map name="bmwz" id="bmwz">{areas}</map></div>')
        www.pages["/"] = Page(frame(CITY, "首页", body))
        www.pages["/index.html"] = www.pages["/"]
        www.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /search/\nDisallow: /hdjl/\n", "text/plain")

    def _news(self) -> list[tuple[str, str, str]]:
        rows = [self._noise(WWW, f"/xwzx/bydt/2025{n % 12 + 1:02d}/t2025{n:04d}.html", CITY,
                            f"北沅市召开{'全市经济工作会议' if n % 2 else '政务公开工作推进会'}（第{n}期）", 2024)
                for n in range(1, 13)]
        self._list(WWW, "/xwzx/", CITY, "北沅要闻", rows, '<a href="/">首页</a>', per=6)
        return rows[:5]

    def _gov_work_reports(self) -> list[tuple[str, str, str]]:
        return [self._noise(WWW, f"/zwgk/zfgzbg/{y + 1}02/t{y + 1}0210_{y}.html", CITY,
                            f"{y + 1}年北沅市政府工作报告", y) for y in YEARS]

    # --- the province's platform: the city's and its departments' 信息公开 ------------------------------------------

    def _crumb(self, *parts: tuple[str, str]) -> str:
        return '当前位置：<a href="/">云泽省政府信息公开平台</a>' + "".join(
            f' &gt; <a href="{href}">{escape(name)}</a>' for href, name in parts)

    def _platform(self) -> None:
        xxgk = self.hosts[XXGK]
        xxgk.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /by/search/\nSitemap: /sitemap.xml\n",
                                         "text/plain")
        xxgk.pages["/"] = Page(frame("云泽省政府信息公开平台", "首页", (
            '<h3>市州政府信息公开</h3><ul><li><a href="/by/index.html">北沅市</a></li>'
            '<li><a href="/qs/index.html">青山市</a></li></ul>')))
        nodes = [{"id": 1, "pId": 0, "name": "市政府部门", "open": True}]
        nodes += [{"id": 10 + i, "pId": 1, "name": name.removeprefix("北沅市"), "url": f"/by/{code}/index.html",
                   "target": "_self"} for i, (code, name, _) in enumerate(PLATFORM_UNITS)]
        nodes.append({"id": 99, "pId": 1, "name": "市应急管理局", "url": "/by/yjj/index.html", "target": "_self"})
        nodes.append({"id": 2, "pId": 0, "name": "县（市、区）", "open": False})
        nodes.append({"id": 21, "pId": 2, "name": "南岭县", "url": "/by/nlx/index.html", "target": "_self"})
        tree = ('<div class="left"><h3>信息公开目录</h3><ul id="bmTree" class="ztree"></ul></div>'
                '<script src="/js/jquery.ztree.core.min.js"></script><script type="text/javascript">'
                f'var setting={{data:{{simpleData:{{enable:true}}}}}};var zNodes={json.dumps(nodes, ensure_ascii=False)};'
                '$(document).ready(function(){$.fn.zTree.init($("#bmTree"),setting,zNodes);});</script>')
        city = [self._report(XXGK, self._art("/by/szf/nb/", y, 20),
                             f"{CITY}{y}年政府信息公开工作年度报告", CITY, y) for y in range(2024, 2020, -1)]
        menu = (f'{self._crumb(("/by/index.html", "北沅市"))}<ul><li><a href="/by/szf/zn/index.html">政府信息公开指南</a>'
                '</li><li><a href="/by/szf/nb/index.html">政府信息公开年报</a></li></ul>')
        xxgk.pages["/by/index.html"] = Page(frame("北沅市政府信息公开", "北沅市", menu + tree + (
            f'<div class="box"><h3>政府信息公开年报</h3><ul>{"".join(li(p, t, d) for p, t, d in city[:3])}</ul>'
            '<a href="/by/szf/nb/index.html" class="more">更多</a></div>')))
        xxgk.pages["/by/szf/zn/index.html"] = Page(frame("北沅市政府信息公开", "政府信息公开指南",
                                                          "<p>本指南适用于北沅市人民政府……</p>", menu))
        self._datastore("/by/szf/nb/", "北沅市政府信息公开", "政府信息公开年报", city, menu)
        for code, name, column in PLATFORM_UNITS:
            self._platform_unit(code, name, column)

    def _platform_unit(self, code: str, name: str, column: str) -> None:
        short = name.replace("北沅市", "市")
        crumb = self._crumb(("/by/index.html", "北沅市"), (f"/by/{code}/index.html", short))
        others = [("xxgkzn", "政府信息公开指南"), ("gzdt", "工作动态"), ("ghjh", "规划计划")]
        if code == "scjgj":
            others.append(("qynbgs", "企业年报公示"))
        if code == "tjj":
            others.append(("tjnb", "统计年报"))
        menu = crumb + "<ul>" + "".join(f'<li><a href="/by/{code}/{c}/index.html">{t}</a></li>'
                                        for c, t in (*others, ("nb", column))) + "</ul>"
        rows = []
        for k, y in enumerate(YEARS):
            path = self._art(f"/by/{code}/nb/", y, 10 + k)
            if code == "czj":
                title = f"{short}{y}年度政府信息公开工作年度报告"
            elif code == "rsj" and k == 0:
                title = f"{y}年政府信息公开工作年度报告"
            elif code == "mzj":
                title = f"{name}政府信息公开工作年度报告（{y}年度）"
            else:
                title = f"{name}{y}年政府信息公开工作年度报告"
            if code == "slj":
                rows.append(self._notice(XXGK, path, name, y, "pdf" if k else "docx"))
            elif code == "sthjj" and k == 1:
                rows.append(self._scan(XXGK, path, title, name, y))
            else:
                rows.append(self._report(XXGK, path, title, name, y))
        self._datastore(f"/by/{code}/nb/", name, column, rows, menu)
        look_alikes = {
            "gzdt": [(f"{name}{y}年度工作总结", y) for y in YEARS] + [(f"{name}召开{y}年政务公开工作会议", y)
                                                                    for y in YEARS],
            "ghjh": [(f"{name}{y + 1}年政务公开工作要点", y) for y in YEARS]
                    + [(f"{name}{y}年度部门整体支出绩效自评报告", y) for y in YEARS],
            "xxgkzn": [(f"{name}政府信息公开指南", 2024)],
            "qynbgs": [(f"关于{y}年度企业年报公示工作的通告", y) for y in YEARS],
            "tjnb": [(f"北沅市{y}年统计年报", y) for y in YEARS] + [(f"{y}年北沅市国民经济和社会发展统计公报", y)
                                                              for y in YEARS],
        }
        for c, _ in others:
            noise = [self._noise(XXGK, f"/by/{code}/{c}/{y + 1}03/t{y + 1}03{n:02d}_{zlib.crc32(t.encode()) % 9999}.html",
                                 name, t, y) for n, (t, y) in enumerate(look_alikes[c])]
            self._list(XXGK, f"/by/{code}/{c}/", name, dict(others)[c], noise, menu)
        block = "".join(li(p, t, d) for p, t, d in rows[:1])
        self.hosts[XXGK].pages[f"/by/{code}/index.html"] = Page(frame(name, short, (
            f'<div class="box"><h3>{escape(column)}</h3><ul>{block}</ul></div>'), menu))

    def _nanling(self) -> None:
        """南岭县 keeps its 信息公开 on the platform too, under the city's folder, its units beneath."""
        crumb = self._crumb(("/by/index.html", "北沅市"), ("/by/nlx/index.html", "南岭县"))
        menu = crumb + ('<ul><li><a href="/by/nlx/zfxxgknb/index.html">政府信息公开年报</a></li>'
                        '<li><a href="/by/nlx/czj/index.html">县财政局</a></li>'
                        '<li><a href="/by/nlx/cgz/index.html">城关镇</a></li></ul>')
        self.hosts[XXGK].pages["/by/nlx/index.html"] = Page(frame(NLX, "南岭县政府信息公开", "<p>南岭县。</p>", menu))
        for folder, agency in (("zfxxgknb", NLX), ("czj/nb", NL_CZJ), ("cgz/nb", CGZ)):
            rows = [self._report(XXGK, f"/by/nlx/{folder}/{y + 1}01/{self._stamp(folder, y)}",
                                 f"{agency}{y}年政府信息公开工作年度报告", agency, y) for y in YEARS]
            self._list(XXGK, f"/by/nlx/{folder}/", agency, "政府信息公开年报", rows, menu)
        for unit, agency in (("czj", NL_CZJ), ("cgz", CGZ)):
            self.hosts[XXGK].pages[f"/by/nlx/{unit}/index.html"] = Page(frame(agency, agency, (
                f'<ul><li><a href="/by/nlx/{unit}/nb/index.html">政府信息公开年报</a></li></ul>'), menu))

    def _other_city(self) -> None:
        """青山市, the platform's other city: its reports are not 北沅市's."""
        rows = [self._noise(XXGK, f"/qs/szf/nb/{y + 1}01/t{y + 1}0120_{y}.html", "青山市人民政府",
                            f"青山市人民政府{y}年政府信息公开工作年度报告", y) for y in YEARS]
        menu = self._crumb(("/qs/index.html", "青山市")) + '<a href="/qs/szf/nb/index.html">政府信息公开年报</a>'
        self.hosts[XXGK].pages["/qs/index.html"] = Page(frame("青山市政府信息公开", "青山市", "<p>青山市。</p>", menu))
        self._list(XXGK, "/qs/szf/nb/", "青山市政府信息公开", "政府信息公开年报", rows, menu)

    # --- the districts and counties on sites of their own ----------------------------------------------------------

    def _county(self, host: str, agency: str, folder: str, title: str, entries: list[tuple[str, str]],
                menu: str) -> None:
        """A county's home page and its disclosure page listing ``entries`` (href, text)."""
        self.hosts[host].pages["/"] = Page(frame(agency, "首页", f"<p>{escape(agency)}</p>", menu))
        items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in entries)
        self.hosts[host].pages[f"{folder}index.html"] = Page(frame(agency, title, f"<ul>{items}</ul>", menu))

    def _unit(self, host: str, folder: str, agency: str, column: str, rows: list[tuple[str, str, str]],
              menu: str) -> None:
        """A county unit's page under ``folder`` whose menu leads to its 年报 column ``column`` of ``rows``."""
        unit_menu = menu + f'<a href="{folder}nb/index.html">{column}</a>'
        self._list(host, f"{folder}nb/", agency, column, rows, unit_menu)
        self.hosts[host].pages[f"{folder}index.html"] = Page(frame(agency, agency, "<p>机构职能</p>", unit_menu))

    def _linhe(self) -> None:
        """临河区 on a domain of its own; its 街道 listed by a script file's ``document.writeln``."""
        lh = self.hosts[LH]
        menu = ('<a href="/">首页</a><a href="/zwgk/index.html">政务公开</a>'
                '<script src="/js/xzjd.js" type="text/javascript"></script>')
        lines = "".join(f"document.writeln('<li><a href=\"/zwgk/jdxxgk/{c}/index.html\" target=\"_blank\">{n}</a>"
                        f"</li>');\n" for c, n in (("cnjd", "城南街道"), ("cbjd", "城北街道")))
        lh.pages["/js/xzjd.js"] = Page(f"document.writeln('<div class=\"xzjd\"><h4>街道信息公开</h4><ul>');\n"
                                       f"{lines}document.writeln('</ul></div>');\n".encode(),
                                       "application/javascript; charset=utf-8")
        lh.pages["/"] = Page(frame(LHQ, "首页", "<p>临河区人民政府门户网站</p>", menu))
        lh.pages["/zwgk/index.html"] = Page(frame(LHQ, "政务公开", (
            '<ul><li><a href="/zwgk/zfxxgknb/index.html">政府信息公开年报</a></li>'
            '<li><a href="/zwgk/bmxxgk/jyj/index.html">区教育局</a></li>'
            '<li><a href="/zwgk/bmxxgk/wjj/index.html">区卫健局</a></li></ul>'), menu))
        rows = [self._report(LH, f"/zwgk/zfxxgknb/{y + 1}01/{self._stamp('lhq', y)}",
                             f"临河区{y}年政府信息公开工作年度报告", LHQ, y) for y in range(2024, 2020, -1)]
        self._list(LH, "/zwgk/zfxxgknb/", LHQ, "政府信息公开年报", rows, menu, per=2)
        for folder, agency, column in (("bmxxgk/jyj", LH_JYJ, "年度报告"), ("bmxxgk/wjj", LH_WJJ, "信息公开年报"),
                                       ("jdxxgk/cnjd", CNJD, "政府信息公开年报"), ("jdxxgk/cbjd", CBJD, "年报专栏")):
            rows = [self._report(LH, f"/zwgk/{folder}/nb/{y + 1}01/{self._stamp(folder, y)}",
                                 f"{y}年政府信息公开工作年度报告", agency, y) for y in YEARS]
            self._unit(LH, f"/zwgk/{folder}/", agency, column, rows, menu)

    def _xiquan(self) -> None:
        """西泉县 on a domain of its own; its 年报 list an ``<iframe>`` of the province platform, paged ``?page=N``."""
        menu = '<a href="/">首页</a><a href="/xxgk/index.html">信息公开</a>'
        self._county(XQ, XQX, "/xxgk/", "信息公开", [
            ("/xxgk/ndbg/index.html", "政府信息公开年度报告"), ("/xxgk/bm/nyj/index.html", "县农业农村局"),
            ("/xxgk/bm/jtj/index.html", "县交通运输局"), ("/xxgk/xz/smz/index.html", "石门镇")], menu)
        rows = [self._report(XXGK, f"/by/xqx/nb/{y + 1}01/{self._stamp('xqx', y)}",
                             f"西泉县{y}年度政府信息公开工作年度报告", XQX, y) for y in range(2024, 2020, -1)]
        for page in (1, 2):
            chunk = rows[(page - 1) * 2:page * 2]
            pager = (f'<a href="list.jsp?page={3 - page}">{"下一页" if page == 1 else "上一页"}</a>')
            self.hosts[XXGK].pages[f"/by/xqx/nb/list.jsp?page={page}"] = Page(
                f'<html><head><meta charset="utf-8"></head><body><ul>{"".join(li(p, t, d) for p, t, d in chunk)}'
                f'</ul><div class="page">{pager} 第{page}页/共2页</div></body></html>'.encode())
        self.hosts[XQ].pages["/xxgk/ndbg/index.html"] = Page(frame(XQX, "政府信息公开年度报告", (
            f'<iframe src="{self.url(XXGK, "/by/xqx/nb/list.jsp?page=1")}" width="100%" height="500" '
            'frameborder="0" scrolling="no"></iframe>'), menu))
        for folder, agency in (("bm/nyj", XQ_NYJ), ("bm/jtj", XQ_JTJ), ("xz/smz", SMZ)):
            rows = []
            for k, y in enumerate(YEARS):
                path = f"/xxgk/{folder}/nb/{y + 1}01/{self._stamp(folder, y)}"
                title = f"{agency}{y}年政府信息公开工作年度报告"
                if folder == "bm/jtj":
                    rows.append(self._notice(XQ, path, agency, y, "pdf"))
                elif folder == "xz/smz" and k == 0:
                    rows.append(self._scan(XQ, path, title, agency, y))
                else:
                    rows.append(self._report(XQ, path, title, agency, y))
            self._unit(XQ, f"/xxgk/{folder}/", agency, "政府信息公开年度报告", rows, menu)

    def _dongping(self) -> None:
        """东坪区 on a host of the city's domain: its column 年报专栏, a 街道's column empty."""
        menu = '<a href="/">首页</a><a href="/zfxxgk/index.html">政府信息公开</a>'
        self._county(DP, DPQ, "/zfxxgk/", "政府信息公开", [
            ("/zfxxgk/nbzl/index.html", "年报专栏"), ("/zfxxgk/bm/zjj/index.html", "区住建局"),
            ("/zfxxgk/bm/sfj/index.html", "区司法局"), ("/zfxxgk/jd/dpjd/index.html", "东坪街道")], menu)
        rows = [self._report(DP, f"/zfxxgk/nbzl/{y + 1}01/{self._stamp('dpq', y)}",
                             f"东坪区{y}年政府信息公开工作年度报告", DPQ, y) for y in YEARS]
        self._list(DP, "/zfxxgk/nbzl/", DPQ, "年报专栏", rows, menu)
        for folder, agency in (("bm/zjj", DP_ZJJ), ("bm/sfj", DP_SFJ), ("jd/dpjd", DPJD)):
            if folder == "jd/dpjd":
                rows = []
            elif folder == "bm/sfj":
                rows = [self._notice(DP, f"/zfxxgk/{folder}/nb/{y + 1}01/{self._stamp(folder, y)}", agency, y,
                                     "docx") for y in YEARS]
            else:
                rows = [self._report(DP, f"/zfxxgk/{folder}/nb/{y + 1}01/{self._stamp(folder, y)}",
                                     f"{agency}{y}年政府信息公开工作年度报告", agency, y) for y in YEARS]
            self._unit(DP, f"/zfxxgk/{folder}/", agency, "政府信息公开年报", rows, menu)

    def _own_sites(self) -> None:
        """The 市直 departments with sites of their own, reached by the home page's image map."""
        jyj = self.hosts[JYJ]
        menu = '<a href="/">首页</a><a href="/xxgk/index.html">信息公开</a>'
        jyj.pages["/"] = Page(frame(SJYJ, "首页", "<p>北沅市教育局</p>", menu))
        jyj.pages["/xxgk/index.html"] = Page(frame(SJYJ, "信息公开", (
            '<ul><li><a href="/xxgk/ndbg/index.html">年度报告</a></li>'
            '<li><a href="/xxgk/zsks/index.html">招生考试</a></li></ul>'), menu))
        rows = [self._report(JYJ, f"/xxgk/ndbg/{y + 1}01/{self._stamp('sjyj', y)}",
                             f"市教育局{y}年政府信息公开工作年度报告", SJYJ, y) for y in YEARS]
        self._list(JYJ, "/xxgk/ndbg/", SJYJ, "年度报告", rows, menu)
        noise = [self._noise(JYJ, f"/xxgk/zsks/{y + 1}06/t{y + 1}0601_{y}.html", SJYJ,
                             f"北沅市{y + 1}年普通高中招生工作实施方案", y) for y in YEARS]
        self._list(JYJ, "/xxgk/zsks/", SJYJ, "招生考试", noise, menu)
        wjw = self.hosts[WJW]
        menu = '<a href="/">首页</a><a href="/zwgk/">政务公开</a>'
        wjw.pages["/"] = Page(frame(SWJW, "首页", '<p>北沅市卫生健康委员会</p>', menu))
        wjw.pages["/zwgk/"] = Page(frame(SWJW, "政务公开", (
            '<ul><li><a href="/zwgk/xxgknb.html">政府信息公开年报</a></li></ul>'), menu))
        rows = [self._report(XXGK, f"/by/wjw/nb/{y + 1}01/{self._stamp('swjw', y)}",
                             f"{SWJW}{y}年政府信息公开工作年度报告", SWJW, y) for y in YEARS]
        self._list(XXGK, "/by/wjw/nb/", SWJW, "政府信息公开年报", rows, "")
        wjw.pages["/zwgk/xxgknb.html"] = Page(frame(SWJW, "政府信息公开年报", (
            f'<iframe src="{self.url(XXGK, "/by/wjw/nb/index.html")}" width="100%" height="600" frameborder="0">'
            '</iframe>'), menu))

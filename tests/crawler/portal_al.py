"""A COUNTY-LEVEL CITY's portal written blind (without reading the crawler), 澄川市 under ``chengchuan.gov.cn``: a
县级市 whose departments are a 站群 (site group), with the habits of real sites each with where it was seen. One
server answers every host name, told apart by the Host header (``OneServerPortal``); the names resolve to 127.0.0.1
in the crawl under test only (``HostsResolver``).

Habits, and where they were seen:

- the bare name (``chengchuan.gov.cn``) 301s to ``www`` (most 县级市 portals: ``yiwu.gov.cn`` → ``www.yiwu.gov.cn``);
- a 站群: departments as sub-sites under the portal's host, ``/<dept>/`` (www.jiangyin.gov.cn/jyfgj/,
  www.kunshan.gov.cn/ksgaj/), each with its own header and 信息公开 menu, or on ``<dept>.<city>.gov.cn``
  (jyj.yiwu.gov.cn); the home page's 站群导航 written ``<a href="javascript:void(0)" onclick="openWin('…')">`` or with
  the address in ``data-url`` (jQuery ``$('[data-url]').click(function(){window.open($(this).data('url'))})``);
- the 政府信息公开 platform's 部门 directory loaded as a tree from a JSON file (``$.getJSON('…/tree.json')`` feeding
  ``treeData`` to a jQuery tree: no ``<a>`` in the HTML), one node broken (404); its 镇（街道） in a plain block;
- the city's 年报 column split into 2024年度 / 2023年度 sub-columns (www.bjmy.gov.cn/zwgk/zfxxgk/zfxxgknb/gknb2017/),
  each a ``<table>`` with 序号/标题/发文日期/文号 columns (the JSP platforms of 江苏 county-level cities);
- one article holding every year's report as attachments, titles only in link texts ``2024年报.pdf`` (市财政局
  pages “政府信息公开工作年度报告” with 附件 lists, common on small 乡镇 and 部门 sites);
- a list page with ``<base href>`` set to the platform's root, its links relative to that; links written
  ``../../…``; list items linked ``javascript:void(0)`` with ``onclick="openWin('…')"``;
- a list paged as ``iList.jsp?node_id=…&cat_id=…&cur_page=N`` (www.mz.gov.cn/info/iList.jsp?node_id=GKmzs&
  cat_id=15971&cur_page=1, RSSHub's gov/sichuan/deyang route), the reports on page 2;
- a department site whose 年报 column's script reads its list from an XML file (``$.ajax({dataType: "xml"})``,
  ``$(xml).find("record")``: the older Hanweb/TRS list exports);
- a department site's home answering with ``<meta http-equiv="refresh">`` to ``/pc/index.html`` (mobile/PC split
  sites answering ``/`` with a redirect page);
- a department's own site linking its report hosted on the city's platform (another host);
- titles without 年度 (2024年政府信息公开工作报告), 关于…政府信息公开工作情况的报告, short names (青石镇…), none (the
  unit's name only in the page header), 年度 twice (2024年度政府信息公开工作年度报告);
- reports as article pages, PDF/Word attachments, a scan;
- look-alikes: 年度工作总结, 政务公开工作要点, 部门整体支出绩效自评报告, 企业年报公示, 统计年报, 政府工作报告, the
  依申请公开 form; robots.txt, a broken town link, an empty column;
- links off the portal passing through a 您即将离开 notice (``/wzlink.jsp?url=…``: most portals since 2020); an
  ``.PDF`` served as ``application/octet-stream``; a department's 信息公开 as a ``<frameset>``; a list's later page
  reached from its pager's ``<select>`` only; hrefs broken over lines; hrefs with backslashes (``..\\uploadfiles\\
  2024ndbg.docx``, written by Windows editors and read by browsers as slashes).

Measured blind, the unchanged crawler found 35 of its 52 reports (each with its agency and year), nothing else: the
platform's 部门 tree, a jQuery tree widget fed by ``$.getJSON`` whose nodes open on click (no anchor written), was
never asked (7 departments, 14 reports); the backslashed hrefs were asked as written (2); of two agencies' pages both
titled 2024年度政府信息公开工作年度报告, a scan (its heading its one line of text) and an article, the later one was
taken for a copy of the first (1). Its first version also expected the 开发区 under their 管理委员会 names, which the
titles do not give (the title's name is kept: the same body). Now 52/52 with agency and year, nothing else.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from simsite.documents import attachment_bytes
from simsite.figures import Agency, report_series
from simsite.pictures import table_pictures
from tests.crawler import portal_o
from tests.crawler.portal import JSON, Host, Look, Page
from tests.crawler.portal_blind import frame, li, published
from tests.crawler.portal_o import Moved, OneServerPortal

DOMAIN = "chengchuan.gov.cn"
CITY = "澄川市人民政府"
SEED = 157
LOOK = Look('<a href="/">首页</a>', seed=SEED, day=1)
YEARS = (2024, 2023)


def unit(name: str) -> str:
    return f"澄川市{name}"


# 市直部门 on the platform (/zwgk/bm/<code>/), listed by the JSON tree
FGJ, CZJ, SJJ, MZJ, RSJ, SCJGJ, TJJ, ZRZYJ = (unit(n) for n in (
    "发展和改革局", "财政局", "审计局", "民政局", "人力资源和社会保障局", "市场监督管理局", "统计局", "自然资源和规划局"))
# 站群 sub-sites under www (/<code>/) and on hosts of their own
GAJ, NYJ, WLJ, JTJ, SFJ = unit("公安局"), unit("农业农村局"), unit("文化广电和旅游局"), unit("交通运输局"), unit("司法局")
JYJ, WJJ, ZJJ = unit("教育局"), unit("卫生健康局"), unit("住房和城乡建设局")
# 开发区, in the city's per-year 年报 columns
JKQ, GXQ = "澄川经济开发区", "澄川高新技术产业园区"
# 镇（街道） on the platform (/zwgk/xz/<code>/): code, name
TOWNS = (("qsz", "青石镇"), ("hxz", "河西镇"), ("lqz", "柳桥镇"), ("dgz", "东岗镇"), ("sjz", "沙集镇"),
         ("bmz", "白马镇"), ("xyz", "新圩镇"), ("cdjd", "城东街道"), ("cxjd", "城西街道"), ("ntz", "南塘镇"))


def town(name: str) -> str:
    return unit(f"{name}{'办事处' if name.endswith('街道') else '人民政府'}")


AGENCIES = (CITY, FGJ, CZJ, SJJ, MZJ, RSJ, SCJGJ, TJJ, GAJ, NYJ, WLJ, JTJ, SFJ, JYJ, WJJ, ZJJ, JKQ, GXQ,
            *(town(n) for c, n in TOWNS if c not in ("cxjd", "ntz")))


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 澄川市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def table(rows: list[tuple[str, str, str]]) -> str:
    """A list as the JSP platforms print it: a ``<table>`` of 序号/标题/发文日期/文号, the link in the 标题 cell."""
    cells = "".join(f'<tr><td>{n}</td><td class="bt"><a href="{url}" title="{escape(title)}" target="_blank">'
                    f'{escape(title)}</a></td><td>{date}</td><td></td></tr>'
                    for n, (url, title, date) in enumerate(rows, 1))
    return ('<table class="xxgk_table" width="100%"><tr class="head"><th>序号</th><th>标题</th><th>发文日期</th>'
            f'<th>文号</th></tr>{cells}</table>')


def ul(rows: list[tuple[str, str, str]]) -> str:
    return f'<ul class="list">{"".join(li(u, t, d, cut=26) for u, t, d in rows)}</ul>'


class PortalAL(OneServerPortal):
    """澄川市's hosts on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.jyj, self.wjj, self.zjj = Host(), Host(), Host(), Host()
        self.serve({"": Moved(lambda target: self.url("www", target)), "www": self.www, "jyj": self.jyj,
                    "wjj": self.wjj, "zjj": self.zjj})
        self.base = self.url("", "")
        self._home()
        self._platform()
        self._city_column()
        self._departments()
        self._subsites()
        self._jyj()
        self._wjj()
        self._zjj()
        self._towns()

    # --- documents -------------------------------------------------------------------------------------------

    def _host(self, sub: str) -> Host:
        return getattr(self, sub)

    def _article(self, sub: str, path: str, title: str, agency: str, year: int, site: str = "") -> tuple[str, str, str]:
        """A report page, expected; its list row (address, title, date)."""
        body = (f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published(year)}'
                f'　信息来源：{escape(site or agency)}</div><div class="content">{LOOK.report_body(agency, year)}</div>'
                '</div>')
        self._host(sub).pages[path] = Page(frame(site or agency, title, body))
        self.expected[self.url(sub, path)] = (agency, year)
        return path, title, published(year)

    def _file(self, sub: str, path: str, agency: str, year: int) -> str:
        """A report as a PDF or Word file at ``path`` (its suffix says which), expected."""
        fmt = path.rsplit(".", 1)[1].lower()
        kinds = {"pdf": "application/octet-stream" if path.endswith(".PDF") else "application/pdf",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        report = report_series(Agency(agency, agency, "department"), SEED)[year]
        # a file named in Chinese (2024年报.pdf) is asked for percent-encoded, as a browser asks
        self._host(sub).pages[quote(path)] = Page(attachment_bytes(fmt, report), kinds[fmt])
        self.expected[self.url(sub, quote(path))] = (agency, year)
        return path

    def _scan(self, sub: str, path: str, title: str, agency: str, year: int) -> tuple[str, str, str]:
        folder = path.rsplit("/", 1)[0]
        report = report_series(Agency(agency, agency, "department"), SEED)[year]
        imgs = []
        for n, picture in enumerate(table_pictures(report), 1):
            self._host(sub).pages[f"{folder}/img{year}_{n}.png"] = Page(picture.png, "image/png")
            imgs.append(f'<p align="center"><img src="img{year}_{n}.png" border="0"></p>')
        self._host(sub).pages[path] = Page(frame(agency, title, (
            f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published(year)}</div>'
            f'<div class="content">{"".join(imgs)}</div></div>')))
        self.expected[self.url(sub, path)] = (agency, year)
        return path, title, published(year)

    def _other(self, sub: str, path: str, site: str, title: str, year: int) -> tuple[str, str, str]:
        """A page that is no report."""
        self._host(sub).pages[path] = Page(frame(site, title, (
            f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published(year, 8)}</div>'
            f'<div class="content"><p>{escape(title)}全文如下。</p></div></div>')))
        return path, title, published(year, 8)

    def _page(self, sub: str, path: str, site: str, title: str, body: str, menu: str = "") -> None:
        self._host(sub).pages[path] = Page(frame(site, title, body, menu))
        if path.endswith("/index.html"):
            self._host(sub).pages[path[:-len("index.html")]] = self._host(sub).pages[path]

    # --- the city's portal ---------------------------------------------------------------------------------------

    def _home(self) -> None:
        self.www.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /search/\nDisallow: /admin/\n",
                                             "text/plain")
        subsites = [("gaj", "公安局"), ("nyj", "农业农村局"), ("wlj", "文化广电和旅游局"), ("jtj", "交通运输局"),
                    ("sfj", "司法局")]
        group = "".join(
            f'<li><a href="javascript:void(0)" onclick="openWin(\'/{code}/index.html\')">{name}</a></li>' if n % 2
            else f'<li><a href="javascript:void(0);" data-url="/{code}/index.html">{name}</a></li>'
            for n, (code, name) in enumerate(subsites))
        group += "".join(f'<li><a href="/wzlink.jsp?url={quote(self.url(sub, "/"), safe="")}" target="_blank">{name}</a>'
                         '</li>' for sub, name in (("jyj", "教育局"), ("wjj", "卫生健康局"), ("zjj", "住房和城乡建设局")))
        self.www.dynamic["/wzlink.jsp"] = self._leaving
        news = ul([self._other("www", f"/xwzx/jryw/202503/t2025031{n}_{4410 + n}.html", CITY, t, 2024)
                   for n, t in enumerate(("澄川市召开2025年政务公开工作会议", "市领导调研开发区重点项目",
                                          "澄川市2024年度工作总结表彰大会召开"))])
        gzbg = ul([self._other("www", "/zwgk/zfgzbg/202502/t20250210_4401.html", CITY, "2025年澄川市政府工作报告",
                               2024)])
        self._page("www", "/index.html", CITY, "澄川市人民政府门户网站", (
            '<div class="nav"><a href="/index.html">首页</a><a href="/zjcc/index.html">走进澄川</a>'
            '<a href="/zwgk/index.html">政务公开</a><a href="http://zwfw.jiangsu.gov.cn/">政务服务</a>'
            '<a href="/hdjl/index.html">互动交流</a></div>'
            f'<div class="news"><h3>今日澄川</h3>{news}</div><div class="box"><h3>政府工作报告</h3>{gzbg}</div>'
            f'<div class="zqdh"><h3>站群导航</h3><ul>{group}</ul></div>'
            '<script>function openWin(u){window.open(u,"_blank");}'
            '$(function(){$("[data-url]").click(function(){window.open($(this).data("url"));});});</script>'))
        self.www.pages["/"] = self.www.pages["/index.html"]

    def _leaving(self, query: dict) -> Page:
        """The notice a link off the portal passes through (您即将离开…), the address it leaves for in its query."""
        to = escape((query.get("url") or ["/"])[0])
        return Page(frame(CITY, "温馨提示", (
            f'<div class="tips"><p>您即将离开澄川市人民政府网站，访问：{to}</p><p>请注意您的账号和财产安全。</p>'
            f'<a class="go" href="{to}">继续访问</a> <a href="javascript:history.back();">放弃</a></div>'
            f'<script>setTimeout(function(){{location.href="{to}";}},5000);</script>')))

    def _platform(self) -> None:
        menu = ('<ul><li><a href="/zwgk/zn/index.html">政府信息公开指南</a></li>'
                '<li><a href="/zwgk/zd/index.html">政府信息公开制度</a></li>'
                '<li><a href="/zwgk/ndbg/index.html">政府信息公开年报</a></li>'
                '<li><a href="/zwgk/ysq/index.html">依申请公开</a></li></ul>')
        tree = [{"id": 1, "text": "市政府部门", "children": [
            {"id": 10 + n, "text": name, "url": f"/zwgk/bm/{code}/index.html"} for n, (code, name) in enumerate(
                (("fgj", FGJ), ("czj", CZJ), ("sjj", SJJ), ("mzj", MZJ), ("rsj", RSJ), ("scjgj", SCJGJ),
                 ("tjj", TJJ), ("zrzyj", ZRZYJ), ("tyjrj", unit("退役军人事务局"))))]}]
        self.www.pages["/zwgk/js/tree.json"] = Page(json.dumps(tree, ensure_ascii=False).encode(), JSON)
        towns = "".join(f'<li><a href="/zwgk/xz/{code}/index.html">{name}</a></li>' for code, name in TOWNS)
        self._page("www", "/zwgk/index.html", CITY, "政府信息公开", (
            '<div class="left"><h3>部门信息公开</h3><div id="deptTree" class="tree"></div></div>'
            '<script src="/zwgk/js/jquery.tree.js"></script>'
            '<script>var treeData;$.getJSON("/zwgk/js/tree.json",function(d){treeData=d;'
            '$("#deptTree").tree({data:treeData,onClick:function(n){if(n.url){window.open(n.url);}}});});</script>'
            f'<div class="box"><h3>镇（街道）信息公开</h3><ul>{towns}</ul></div>'), menu)
        self._page("www", "/zwgk/zn/index.html", CITY, "政府信息公开指南", "<p>指南正文。</p>", menu)
        self._page("www", "/zwgk/zd/index.html", CITY, "政府信息公开制度", "<p>制度。</p>", menu)
        self._page("www", "/zwgk/ysq/index.html", CITY, "依申请公开", (
            '<h2>政府信息公开申请表</h2><form action="/zwgk/ysq/submit.do" method="post">'
            '<input name="name"><textarea name="content"></textarea><input type="submit" value="提交"></form>'), menu)

    def _city_column(self) -> None:
        """The city's 年报 column: one sub-column per year, each a table of the city's and its 开发区' reports."""
        menu = ('<ul><li><a href="/zwgk/ndbg/index.html">政府信息公开年报</a><ul>'
                + "".join(f'<li><a href="/zwgk/ndbg/{y}nd/index.html">{y}年度</a></li>' for y in YEARS)
                + "</ul></li></ul>")
        self._page("www", "/zwgk/ndbg/index.html", CITY, "政府信息公开年报", (
            "<h2>政府信息公开年报</h2><div class='sub'>"
            + "".join(f'<a href="/zwgk/ndbg/{y}nd/index.html">{y}年度</a>' for y in YEARS) + "</div>"), menu)
        for y in YEARS:
            jkq = self._file("www", f"/zwgk/ndbg/{y}nd/{y + 1}01/P{y + 1}0126{y}.pdf", JKQ, y)
            rows = [self._article("www", f"/zwgk/ndbg/{y}nd/{y + 1}01/t{y + 1}0125_{5500 + y}.html",
                                  f"澄川市人民政府{y}年政府信息公开工作报告", CITY, y),
                    (jkq, f"澄川经济开发区{y}年度政府信息公开工作年度报告", published(y, 26)),
                    self._article("www", f"/zwgk/ndbg/{y}nd/{y + 1}01/t{y + 1}0127_{5600 + y}.html",
                                  f"关于澄川高新技术产业园区{y}年政府信息公开工作情况的报告", GXQ, y)]
            self._page("www", f"/zwgk/ndbg/{y}nd/index.html", CITY, f"{y}年度",
                       f"<h2>{y}年度</h2>{table(rows)}", menu)

    # --- 市直部门 on the platform ---------------------------------------------------------------------------------

    def _dept_menu(self, code: str, column: str = "政府信息公开年报", href: str = "") -> str:
        return (f'<ul><li><a href="/zwgk/bm/{code}/index.html">首页</a></li>'
                f'<li><a href="/zwgk/bm/{code}/zn/index.html">信息公开指南</a></li>'
                f'<li><a href="/zwgk/bm/{code}/jggk/index.html">机构概况</a></li>'
                f'<li><a href="{href or f"/zwgk/bm/{code}/ndbg/index.html"}">{column}</a></li></ul>')

    def _dept(self, code: str, name: str, column: str, body: str, extra: str = "", href: str = "") -> str:
        """A department's pages on the platform, its 年报 column holding ``body`` (or at ``href``); its menu."""
        menu = self._dept_menu(code, column, href) + extra
        self._page("www", f"/zwgk/bm/{code}/index.html", name, name, f"<h2>{escape(name)}信息公开</h2>", menu)
        self._page("www", f"/zwgk/bm/{code}/zn/index.html", name, "信息公开指南", "<p>指南。</p>", menu)
        self._page("www", f"/zwgk/bm/{code}/jggk/index.html", name, "机构概况", "<p>机构职能。</p>", menu)
        if not href:
            self._page("www", f"/zwgk/bm/{code}/ndbg/index.html", name, column, f"<h2>{escape(column)}</h2>{body}",
                       menu)
        return menu

    def _departments(self) -> None:
        b = "/zwgk/bm"
        # a table list, 年度 twice in the titles
        rows = [self._article("www", f"{b}/fgj/ndbg/{y + 1}01/t{y + 1}0115_{6100 + y}.html",
                              f"澄川市发展和改革局{y}年度政府信息公开工作年度报告", FGJ, y) for y in YEARS]
        rows.append(self._other("www", f"{b}/fgj/ndbg/202502/t20250210_6300.html", FGJ,
                                "澄川市发展和改革局2024年度部门整体支出绩效自评报告", 2024))
        self._dept("fgj", FGJ, "政府信息公开年报", table(rows))
        # one article holding every year's report as attachments named by the year only
        files = "".join(f'<p><a href="{self._file("www", f"{b}/czj/ndbg/202501/P0202501{y - 2000}0123.pdf", CZJ, y)}">'
                        f'{y}年报.pdf</a></p>' for y in YEARS)
        self._page("www", f"{b}/czj/ndbg/202501/t20250123_6201.html", CZJ, "澄川市财政局政府信息公开工作年度报告",
                   f'<div class="article"><h1>澄川市财政局政府信息公开工作年度报告</h1><div class="content">'
                   f'<p>附件：</p>{files}</div></div>')
        self._dept("czj", CZJ, "政府信息公开年报", ul([
            ("/zwgk/bm/czj/ndbg/202501/t20250123_6201.html", "澄川市财政局政府信息公开工作年度报告", "2025-01-23"),
            self._other("www", f"{b}/czj/ndbg/202412/t20241230_6202.html", CZJ, "澄川市财政局2024年度工作总结",
                        2024)]))
        # <base href> at the platform's root, links relative to it
        rows = [self._article("www", f"{b}/sjj/ndbg/{y + 1}01/t{y + 1}0118_{6300 + y}.html",
                              f"{y}年政府信息公开工作报告", SJJ, y, SJJ) for y in YEARS]
        rel = [(u.removeprefix("/zwgk/"), t, d) for u, t, d in rows]
        self._dept("sjj", SJJ, "年度报告", ul(rel))
        page = self.www.pages[f"{b}/sjj/ndbg/index.html"]
        page.body = page.body.replace(b"<head>", f'<head><base href="{self.url("www", "/zwgk/")}">'.encode(), 1)
        # links written ../../ from the column to the department's folder of articles
        rows = [self._article("www", f"{b}/mzj/art/{y + 1}/art_{7100 + y}.html",
                              f"澄川市民政局{y}年政府信息公开工作年度报告", MZJ, y) for y in YEARS]
        self._dept("mzj", MZJ, "政府信息公开年报",
                   ul([(u.replace(f"{b}/mzj/", "../../mzj/"), t, d) for u, t, d in rows]))
        # iList.jsp paged by cur_page, the reports on page 2 under titles without the agency's name
        self._rsj()
        # list items opened by openWin; a look-alike column of 企业年报公示
        rows = [self._article("www", f"{b}/scjgj/ndbg/{y + 1}01/t{y + 1}0121_{6500 + y}.html",
                              f"澄川市市场监督管理局{y}年政府信息公开工作年度报告", SCJGJ, y) for y in YEARS]
        items = "".join(f'<li><a href="javascript:void(0)" onclick="openWin(\'{u}\')">{escape(t)}</a>'
                        f'<span>{d}</span></li>' for u, t, d in rows)
        qynb = ul([self._other("www", f"{b}/scjgj/qynb/202506/t20250601_6590.html", SCJGJ,
                               "关于开展2024年度企业年报公示工作的通告", 2024)])
        self._page("www", f"{b}/scjgj/qynb/index.html", SCJGJ, "企业年报公示", qynb, self._dept_menu("scjgj"))
        self._dept("scjgj", SCJGJ, "政府信息公开年报", f'<ul class="list">{items}</ul>'
                   '<script>function openWin(u){window.open(u);}</script>',
                   f'<ul><li><a href="{b}/scjgj/qynb/index.html">企业年报公示</a></li></ul>')
        # 年度报告 beside a look-alike 统计年报 column
        rows = [self._article("www", f"{b}/tjj/ndbg/{y + 1}01/t{y + 1}0110_{6600 + y}.html",
                              f"澄川市统计局{y}年政府信息公开工作年度报告", TJJ, y) for y in YEARS]
        tjnb = ul([self._other("www", f"{b}/tjj/tjnb/{y + 1}06/t{y + 1}0630_{6700 + y}.html", TJJ,
                               f"澄川市{y}年统计年报", y) for y in YEARS])
        self._page("www", f"{b}/tjj/tjnb/index.html", TJJ, "统计年报", tjnb, self._dept_menu("tjj", "年度报告"))
        # the reports on page 2, reached from the pager's drop-down only
        news = [self._other("www", f"{b}/tjj/ndbg/2025{m:02d}/t2025{m:02d}12_{6650 + m}.html", TJJ, t, 2024)
                for m, t in enumerate(("澄川市2024年国民经济和社会发展统计公报", "2024年度统计执法检查工作总结",
                                       "澄川市统计局2024年度部门决算公开"), 1)]
        jump = ('<div class="page">共2页 跳转到<select onchange="window.location=this.options[this.selectedIndex].value">'
                '<option value="index.html">第1页</option><option value="index_1.html">第2页</option></select></div>')
        self._dept("tjj", TJJ, "年度报告", ul(news) + jump,
                   f'<ul><li><a href="{b}/tjj/tjnb/index.html">统计年报</a></li></ul>')
        self._page("www", f"{b}/tjj/ndbg/index_1.html", TJJ, "年度报告", f"<h2>年度报告</h2>{ul(rows)}{jump}",
                   self._dept_menu("tjj", "年度报告"))
        # an empty column
        self._dept("zrzyj", ZRZYJ, "政府信息公开年报", '<div class="nodata">暂无信息</div>')

    def _rsj(self) -> None:
        b = "/zwgk/bm/rsj"
        column = "政府信息公开年报"
        news = [self._other("www", f"{b}/ndbg/2025{m:02d}/t2025{m:02d}05_{6800 + m}.html", RSJ, t, 2024)
                for m, t in enumerate(("澄川市2025年事业单位公开招聘工作人员公告", "关于2024年度社会保险缴费基数的通知",
                                       "2025年政务公开工作要点", "澄川市人社局2024年度工作总结",
                                       "关于发放2024年度高校毕业生就业补贴的公示"), 1)]
        reports = [self._article("www", f"{b}/ndbg/{y + 1}01/t{y + 1}0112_{6900 + y}.html",
                                 f"关于{y}年政府信息公开工作情况的报告", RSJ, y, RSJ) for y in YEARS]
        pages = {1: news, 2: reports}
        menu = self._dept("rsj", RSJ, column, "", href="/info/iList.jsp?node_id=GKccs&cat_id=2104&cur_page=1")

        def listing(query: dict) -> Page:
            if query.get("cat_id") != ["2104"]:
                return Page(b"<h1>404</h1>", status=404)
            n = int((query.get("cur_page") or ["1"])[0]) if (query.get("cur_page") or ["1"])[0].isdigit() else 1
            rows = pages.get(n, [])
            pager = "".join(f'<a href="iList.jsp?node_id=GKccs&cat_id=2104&cur_page={k}">{k}</a>' for k in pages)
            pager = (f'<div class="page">共{len(news) + len(reports)}条 第{n}/2页 {pager}'
                     + (f'<a href="iList.jsp?node_id=GKccs&cat_id=2104&cur_page={n + 1}">下一页</a>' if n < 2 else "")
                     + "</div>")
            return Page(frame(RSJ, column, f"<h2>{column}</h2>{table(rows)}{pager}", menu))
        self.www.dynamic["/info/iList.jsp"] = listing

    # --- 站群 sub-sites under www ---------------------------------------------------------------------------------

    def _subsite(self, code: str, name: str, column: str, body: str, extra: str = "") -> None:
        top = f'<div class="sub-nav"><a href="/{code}/index.html">首页</a><a href="/{code}/xxgk/index.html">信息公开</a></div>'
        menu = (f'<ul><li><a href="/{code}/xxgk/zn/index.html">信息公开指南</a></li>'
                f'<li><a href="/{code}/xxgk/ndbg/index.html">{column}</a></li></ul>{extra}')
        self._page("www", f"/{code}/index.html", name, name, f'{top}<div class="news"><h3>工作动态</h3></div>')
        self._page("www", f"/{code}/xxgk/index.html", name, "信息公开", f"{top}<h2>信息公开</h2>", menu)
        self._page("www", f"/{code}/xxgk/zn/index.html", name, "信息公开指南", f"{top}<p>指南。</p>", menu)
        self._page("www", f"/{code}/xxgk/ndbg/index.html", name, column, f"{top}<h2>{escape(column)}</h2>{body}", menu)

    def _subsites(self) -> None:
        # per-year sub-columns under the 年报 column
        subs = "".join(f'<li><a href="/gaj/xxgk/ndbg/{y}nd/index.html">{y}年度</a></li>' for y in YEARS)
        self._subsite("gaj", GAJ, "政府信息公开年报", f'<ul class="sub">{subs}</ul>')
        for y in YEARS:
            row = self._article("www", f"/gaj/xxgk/ndbg/{y}nd/t{y + 1}0120_{8000 + y}.html",
                                f"澄川市公安局{y}年度政府信息公开工作年度报告", GAJ, y)
            self._page("www", f"/gaj/xxgk/ndbg/{y}nd/index.html", GAJ, f"{y}年度", f"<h2>{y}年度</h2>{ul([row])}")
        # Word files linked straight from the list
        # hrefs written with backslashes (a Windows editor's), which browsers read as slashes
        self._subsite("nyj", NYJ, "年报", ul([
            (self._file("www", f"/nyj/xxgk/uploadfiles/{y + 1}01/{y}ndbg.docx", NYJ, y).replace(
                "/nyj/xxgk/", "..\\").replace("/", "\\"),
             f"澄川市农业农村局{y}年政府信息公开工作年度报告", published(y)) for y in YEARS]
            + [self._other("www", "/nyj/xxgk/ndbg/t20250305_8101.html", NYJ, "2025年政务公开工作要点", 2024)]))
        # a scan and an article
        self._subsite("wlj", WLJ, "政府信息公开年报", ul([
            self._scan("www", "/wlj/xxgk/ndbg/202501/t20250122_8201.html", "2024年度政府信息公开工作年度报告", WLJ, 2024),
            self._article("www", "/wlj/xxgk/ndbg/202401/t20240122_8202.html", "2023年度政府信息公开工作年度报告", WLJ,
                          2023)]))
        # titles without 年度, the 信息公开 a frameset (its menu in one frame, the column in the other)
        self._subsite("jtj", JTJ, "年度报告", ul([
            self._article("www", f"/jtj/xxgk/ndbg/{y + 1}01/t{y + 1}0116_{8300 + y}.html",
                          f"澄川市交通运输局{y}年政府信息公开工作报告", JTJ, y) for y in YEARS]))
        # PDF attachments of short notices
        rows = []
        for y in YEARS:
            self._file("www", f"/sfj/xxgk/ndbg/{y + 1}01/P{y + 1}0119.PDF", SFJ, y)
            title = f"澄川市司法局关于公布{y}年度政府信息公开工作年度报告的公告"
            self._page("www", f"/sfj/xxgk/ndbg/{y + 1}01/t{y + 1}0119_{8400 + y}.html", SFJ, title, (
                f'<div class="article"><h1>{title}</h1><div class="content"><p>现将{y}年度报告予以公布。</p>'
                f'<p>附件：<a href="P{y + 1}0119.PDF">{SFJ}{y}年度政府信息公开工作年度报告.PDF</a></p></div></div>'))
            rows.append((f"/sfj/xxgk/ndbg/{y + 1}01/t{y + 1}0119_{8400 + y}.html", title, published(y, 19)))
        self._subsite("sfj", SFJ, "政府信息公开工作年度报告", ul(rows))

        self.www.pages["/jtj/xxgk/left.html"] = Page(frame(JTJ, "目录", "", self._host("www").pages[
            "/jtj/xxgk/index.html"].body.decode().split('<div class="left-menu">')[1].split("</div>")[0]))
        self.www.pages["/jtj/xxgk/index.html"] = Page(
            f'<html><head><meta charset="utf-8"><title>信息公开-{JTJ}</title></head><frameset cols="220,*">'
            '<frame src="left.html" name="left" scrolling="no"><frame src="zn/index.html" name="main">'
            '</frameset></html>'.encode())
        self.www.pages["/jtj/xxgk/"] = self.www.pages["/jtj/xxgk/index.html"]

    # --- departments on hosts of their own --------------------------------------------------------------------

    def _jyj(self) -> None:
        """The 年报 column an empty shell whose script reads the list from an XML file."""
        rows = [self._article("jyj", f"/art/{y + 1}/1/14/art_3301_{9000 + y}.html",
                              f"澄川市教育局{y}年政府信息公开工作年度报告", JYJ, y) for y in YEARS]
        rows.append(self._other("jyj", "/art/2025/2/1/art_3302_9100.html", JYJ, "澄川市教育局2024年度工作总结", 2024))
        menu = '<ul><li><a href="/col/col3301/index.html">政府信息公开年报</a></li></ul>'
        self._page("jyj", "/index.html", JYJ, JYJ, '<a href="/col/col3300/index.html">信息公开</a>')
        self.jyj.pages["/"] = self.jyj.pages["/index.html"]
        self._page("jyj", "/col/col3300/index.html", JYJ, "信息公开", "<h2>信息公开</h2>", menu)
        records = "".join(f"<record><title>{escape(t)}</title><url>{u}</url><date>{d}</date></record>"
                          for u, t, d in rows)
        self.jyj.pages["/col/col3301/list.xml"] = Page(
            f'<?xml version="1.0" encoding="UTF-8"?><records>{records}</records>'.encode(), "text/xml; charset=UTF-8")
        self._page("jyj", "/col/col3301/index.html", JYJ, "政府信息公开年报", (
            '<h2>政府信息公开年报</h2><ul id="list"></ul><script>$.ajax({url: "/col/col3301/list.xml", type: "GET",'
            ' dataType: "xml", success: function (xml) { var h = "";'
            ' $(xml).find("record").each(function () { h += \'<li><a href="\' + $(this).find("url").text() + \'">\''
            ' + $(this).find("title").text() + "</a></li>"; }); $("#list").html(h); }});</script>'), menu)

    def _wjj(self) -> None:
        """A home page that refreshes to the PC site's."""
        self.wjj.pages["/"] = Page(b'<html><head><meta http-equiv="refresh" content="0;url=/pc/index.html">'
                                   b'<script>if(/Android|iPhone/i.test(navigator.userAgent)){location.href="/m/";}'
                                   b'</script></head><body></body></html>')
        rows = [self._article("wjj", f"/pc/xxgk/ndbg/{y + 1}01/t{y + 1}0117_{9200 + y}.html",
                              f"{y}年度政府信息公开工作年度报告", WJJ, y) for y in YEARS]
        menu = '<ul><li><a href="/pc/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>'
        self._page("wjj", "/pc/index.html", WJJ, WJJ, '<a href="/pc/xxgk/index.html">信息公开</a>')
        self._page("wjj", "/pc/xxgk/index.html", WJJ, "信息公开", "<h2>信息公开</h2>", menu)
        self._page("wjj", "/pc/xxgk/ndbg/index.html", WJJ, "政府信息公开年报", ul(rows), menu)

    def _zjj(self) -> None:
        """Its 年报 column links reports hosted on the city's platform."""
        rows = [self._article("www", f"/zwgk/bm/zjj/ndbg/{y + 1}01/t{y + 1}0124_{9300 + y}.html",
                              f"澄川市住房和城乡建设局{y}年政府信息公开工作年度报告", ZJJ, y) for y in YEARS]
        menu = '<ul><li><a href="/xxgk/ndbg.html">政府信息公开年报</a></li></ul>'
        self._page("zjj", "/index.html", ZJJ, ZJJ, '<a href="/xxgk/index.html">信息公开</a>')
        self.zjj.pages["/"] = self.zjj.pages["/index.html"]
        self._page("zjj", "/xxgk/index.html", ZJJ, "信息公开", "<h2>信息公开</h2>", menu)
        self._page("zjj", "/xxgk/ndbg.html", ZJJ, "政府信息公开年报",
                   ul([(self.url("www", u), t, d) for u, t, d in rows]), menu)

    # --- 镇（街道） on the platform ---------------------------------------------------------------------------

    def _towns(self) -> None:
        for n, (code, name) in enumerate(TOWNS):
            if code == "ntz":
                continue   # its link is broken
            agency, folder = town(name), f"/zwgk/xz/{code}"
            menu = (f'<ul><li><a href="{folder}/zn/index.html">信息公开指南</a></li>'
                    f'<li><a href="{folder}/ndbg/index.html">政府信息公开年报</a></li>'
                    f'<li><a href="{folder}/gzzj/index.html">工作总结</a></li></ul>')
            self._page("www", f"{folder}/index.html", agency, agency, f"<h2>{name}信息公开</h2>", menu)
            self._page("www", f"{folder}/zn/index.html", agency, "信息公开指南", "<p>指南。</p>", menu)
            self._page("www", f"{folder}/gzzj/index.html", agency, "工作总结", ul([
                self._other("www", f"{folder}/gzzj/t20250108_{n}.html", agency, f"{name}2024年度工作总结", 2024)]),
                menu)
            rows = []
            if code == "cxjd":
                body = '<div class="nodata">暂无信息</div>'
            elif code == "sjz":   # every year's report attached to one article
                files = "".join(f'<p><a href="{self._file("www", f"{folder}/ndbg/file/{y}年报.pdf", agency, y)}">'
                                f'{y}年报.pdf</a></p>' for y in YEARS)
                self._page("www", f"{folder}/ndbg/t20250120_1.html", agency, "政府信息公开工作年度报告",
                           f'<div class="article"><h1>政府信息公开工作年度报告</h1><div class="content">{files}</div>'
                           '</div>')
                body = ul([(f"{folder}/ndbg/t20250120_1.html", "政府信息公开工作年度报告", "2025-01-20")])
            else:
                for y in YEARS:
                    title = (f"{name}{y}年政府信息公开工作年度报告" if n % 3 == 0 else
                             f"{y}年政府信息公开工作年度报告" if n % 3 == 1 else
                             f"关于{name}{y}年度政府信息公开工作情况的报告")
                    path = f"{folder}/ndbg/{y + 1}01/t{y + 1}01{10 + n}_{n}{y}.html"
                    rows.append(self._article("www", path, title, agency, y) if code != "bmz" or y == 2024 else
                                (self._file("www", f"{folder}/ndbg/{y + 1}01/{y}.docx", agency, y), title,
                                 published(y)))
                rows.append(self._other("www", f"{folder}/ndbg/202503/t20250302_{n}.html", agency,
                                        f"{name}2025年政务公开工作要点", 2024))
                if code == "dgz":   # a template writing its hrefs over lines
                    rows = [(f"\n\t\t{u}\n\t", t, d) for u, t, d in rows]
                body = table(rows) if n % 2 else ul(rows)
            self._page("www", f"{folder}/ndbg/index.html", agency, "政府信息公开年报", body, menu)

"""A blind portal (written before reading the crawler): 梧岭县, a county whose site and departments live on its
province's 集约化 platform (青川省, ``qc.gov.cn``), for crawls over real HTTP. One server answers every name
(``OneServerPortal``); the resolver takes any ``*.gov.cn`` name to it.

- ``www.wuling.gov.cn``: the county's portal (a CNAME of the platform): news, a 部门网站 block linking five of
  the departments' sites on the platform host, two shapes (``/site/<code>/index.html`` and
  ``/index.jsp?siteId=<code>``), 政府信息公开 linked to the province's 信息公开 platform, and a site search
  (站内搜索, a GET form ``/search/index.html?q=``);
- ``zfwz.qc.gov.cn``: the province's 集约化 platform hosting the departments' sites; each links 信息公开 to the
  county's shared column on the 信息公开 platform (no department has a column of its own);
- ``xxgk.qc.gov.cn/wlx/``: the county's 信息公开 platform: 法定主动公开内容 → 政府信息公开年报, ONE list of the
  county's and every department's reports filtered by a ``<select name="unitId">`` of units (a GET form; the
  county's own by default), its next page a form POST (``<form method="post">`` with a hidden ``pageNo``);
  every report is the PDF attachment ``2023年度报告.pdf`` of an article, the departments' articles titled
  generically (政府信息公开工作年度报告, no year), the publishing unit in the article's 发布机构 cell only;
- 乡镇信息公开 (``/wlx/xzjd/``) under the county's platform: 青石镇 and 白沙镇 with a 年报 column; 梧桐乡 and
  龙泉镇 without one, their reports reached only through the site search answering ``?q=年度报告``;
- decoys: 政务公开工作要点, 预决算, 统计公报, 年报 培训 notices, each with a PDF attachment too; the county's 2018
  report (the old format, before the 2019 template) is a report all the same (gxparse's ``legacy`` edition).
"""

from __future__ import annotations

from html import escape

from tests.crawler.portal import Host, Look, Page, stable_hex
from tests.crawler.portal_o import HostsResolver, OneServerPortal

COUNTY = "梧岭县人民政府"
WWW, PLATFORM, XXGK = "www.wuling", "zfwz.qc", "xxgk.qc"
LOOK = Look('<a href="/">首页</a>', seed=83, day=1)
COLUMN = "/wlx/fdzdgknr/zfxxgknb/index.html"
PER_PAGE = 8
PDF = b"%PDF-1.4\n% report\n"

# unit id, name, how its site is linked from the county's home (None: it is not)
DEPARTMENTS = (
    ("wlxjyj", "梧岭县教育局", "site"), ("wlxmzj", "梧岭县民政局", "siteId"), ("wlxczj", "梧岭县财政局", "site"),
    ("wlxwjj", "梧岭县卫生健康局", "siteId"), ("wlxzjj", "梧岭县住房和城乡建设局", "site"),
    ("wlxzrj", "梧岭县自然资源局", None), ("wlxnyj", "梧岭县农业农村局", None),
    ("wlxscj", "梧岭县市场监督管理局", None), ("wlxfgj", "梧岭县发展和改革局", None),
)
DEPARTMENT_YEARS = range(2020, 2024)
COUNTY_YEARS = range(2018, 2024)   # 2018 in the old format (before the 2019 template): a report still
TOWN_YEARS = range(2021, 2024)
# code, name, whether its 年报 column is linked (the others are found by the site search only)
TOWNS = (("qsz", "青石镇", True), ("bsz", "白沙镇", True), ("wtx", "梧桐乡", False), ("lqz", "龙泉镇", False))


class Resolver(HostsResolver):
    domain = "gov.cn"   # the county's names and the province's platforms alike


def _article(title: str, unit: str, date: str, attachment: tuple[str, str]) -> bytes:
    """An article of the 信息公开 platform: its metadata table (发布机构 the publishing unit) and one attachment."""
    href, name = attachment
    return LOOK.html(title, (
        '<table class="xxgk-info"><tr><td>索引号：</td><td>11xxxx-' + stable_hex(title, 8) + '</td>'
        f'<td>发布机构：</td><td>{escape(unit)}</td></tr><tr><td>生成日期：</td><td>{date}</td>'
        f'<td>主题分类：</td><td>其他</td></tr><tr><td>名称：</td><td colspan="3">{escape(title)}</td></tr></table>'
        f'<div class="article"><h1>{escape(title)}</h1><div class="content"><p>现将有关内容公开如下。</p></div>'
        f'<div class="fj">附件：<a href="{href}">{escape(name)}</a></div></div>'))


class PortalAT(OneServerPortal):
    """The servers of 梧岭县 and its province's platforms, with the reports a crawl must find."""

    def __init__(self) -> None:
        self.www, self.platform, self.xxgk = Host(), Host(), Host()
        self.hosts = {WWW: self.www, PLATFORM: self.platform, XXGK: self.xxgk}
        self.domain = Resolver.domain
        self.serve(self.hosts)
        self.base = self.url(WWW, "")
        self.rows: dict[str, list[tuple[str, str, str]]] = {}   # unit id → its list rows (path, title, date)
        self.search_rows: list[tuple[str, str, str]] = []
        self._home()
        self._departments()
        self._xxgk_home()
        self._county_rows()
        self._department_rows()
        self._column()
        self._towns()
        self._search()

    def _post(self, unit: str, year: int | None, title: str, date: str, name: str, expected: str | None) -> str:
        """An article of ``unit`` with its PDF attachment ``name`` (expected as ``expected``'s report of ``year``
        when given); the article's path."""
        key = stable_hex(f"{unit}{title}{date}", 12)
        path, pdf = f"/wlx/content/post_{key}.html", f"/attach/wlx/{date[:4]}/{date[5:7]}/{key}.pdf"
        self.xxgk.pages[path] = Page(_article(title, unit, date, (pdf, name)))
        self.xxgk.pages[pdf] = Page(PDF, "application/pdf")
        if expected is not None and year is not None:
            self.expected[self.url(XXGK, pdf)] = (expected, year)
        return path

    def _home(self) -> None:
        news = "".join(f'<li><a href="/xwzx/2024/03/{d:02d}/art_{d}.html">梧岭县召开第{d}次专题会议部署重点工作</a></li>'
                       for d in range(1, 9))
        for d in range(1, 9):
            self.www.pages[f"/xwzx/2024/03/{d:02d}/art_{d}.html"] = Page(LOOK.html("梧岭要闻", "<p>正文。</p>"))
        sites = "".join(f'<li><a href="{self._site_url(code, shape)}" target="_blank">{name}</a></li>'
                        for code, name, shape in DEPARTMENTS if shape)
        self.www.pages["/"] = Page(LOOK.html(f"{COUNTY}门户网站", (
            '<div class="search"><form action="/search/index.html" method="get" target="_blank">'
            '<input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>'
            f'<div class="nav2"><a href="{self.url(XXGK, "/wlx/index.html")}" target="_blank">政府信息公开</a>'
            '<a href="/xwzx/index.html">新闻中心</a></div>'
            f'<div class="news"><h3>梧岭要闻</h3><ul>{news}</ul></div>'
            f'<div class="links"><h3>部门网站</h3><ul>{sites}</ul></div>')))
        self.www.pages["/xwzx/index.html"] = Page(LOOK.html("新闻中心", f"<ul>{news}</ul>"))

    def _site_url(self, code: str, shape: str) -> str:
        return self.url(PLATFORM, f"/site/{code}/index.html" if shape == "site" else f"/index.jsp?siteId={code}")

    def _departments(self) -> None:
        """The departments' sites on the platform: news, and 信息公开 sent to the county's shared platform."""
        pages = {}
        for code, name, shape in DEPARTMENTS:
            if not shape:
                continue
            page = Page(LOOK.html(name, (
                f'<div class="top"><h1>{name}</h1></div><div class="nav2">'
                f'<a href="/site/{code}/gzdt/index.html">工作动态</a>'
                f'<a href="{self.url(XXGK, "/wlx/index.html")}">信息公开</a></div>'
                f'<ul><li><a href="/site/{code}/gzdt/1.html">{name}开展业务培训</a></li></ul>')))
            self.platform.pages[f"/site/{code}/gzdt/index.html"] = page
            self.platform.pages[f"/site/{code}/gzdt/1.html"] = Page(LOOK.html(f"{name}开展业务培训", "<p>正文。</p>"))
            if shape == "site":
                self.platform.pages[f"/site/{code}/index.html"] = page
            else:
                pages[code] = page
        self.platform.dynamic["/index.jsp"] = lambda q: pages.get(q.get("siteId", [""])[0]) or Page(
            b"<h1>404</h1>", status=404)

    def _xxgk_home(self) -> None:
        self.xxgk.pages["/wlx/index.html"] = Page(LOOK.html(f"{COUNTY}信息公开", (
            '<ul class="menu"><li><a href="/wlx/gkzn/index.html">政府信息公开指南</a></li>'
            '<li><a href="/wlx/gkzd/index.html">政府信息公开制度</a></li>'
            '<li><a href="/wlx/fdzdgknr/index.html">法定主动公开内容</a></li>'
            '<li><a href="/wlx/ysqgk/index.html">依申请公开</a></li>'
            '<li><a href="/wlx/xzjd/index.html">乡镇信息公开</a></li></ul>')))
        for path, title in (("/wlx/gkzn/index.html", "政府信息公开指南"), ("/wlx/gkzd/index.html", "政府信息公开制度"),
                            ("/wlx/ysqgk/index.html", "依申请公开"), ("/wlx/fdzdgknr/czyjs/index.html", "财政预决算"),
                            ("/wlx/fdzdgknr/tjxx/index.html", "统计信息"), ("/wlx/fdzdgknr/zcwj/index.html", "政策文件")):
            self.xxgk.pages[path] = Page(LOOK.html(title, f"<h1>{title}</h1><ul></ul>"))
        self.xxgk.pages["/wlx/fdzdgknr/index.html"] = Page(LOOK.html("法定主动公开内容", (
            '<div class="tree"><ul><li><a href="/wlx/fdzdgknr/zcwj/index.html">政策文件</a></li>'
            '<li><a href="/wlx/fdzdgknr/czyjs/index.html">财政预决算</a></li>'
            '<li><a href="/wlx/fdzdgknr/tjxx/index.html">统计信息</a></li>'
            f'<li><a href="{COLUMN}">政府信息公开年报</a></li></ul></div>')))

    def _county_rows(self) -> None:
        rows = []
        for year in COUNTY_YEARS:
            title, date = f"{COUNTY}{year}年政府信息公开工作年度报告", f"{year + 1}-01-2{year % 10}"
            rows.append((self._post(COUNTY, year, title, date, f"{year}年度报告.pdf", COUNTY), title, date))
        decoys = (("梧岭县2024年政务公开工作要点", "2024-03-01", "2024年政务公开工作要点.pdf"),
                  ("梧岭县2023年部门预算公开", "2023-02-10", "2023年部门预算.pdf"),
                  ("梧岭县2022年部门决算公开", "2023-08-10", "2022年部门决算.pdf"),
                  ("梧岭县2023年国民经济和社会发展统计公报", "2024-04-01", "2023年统计公报.pdf"),
                  ("关于举办政府信息公开工作年度报告编制培训的通知", "2023-12-05", "培训回执.pdf"))
        rows += [(self._post(COUNTY, None, title, date, name, None), title, date) for title, date, name in decoys]
        self.rows["wlx"] = sorted(rows, key=lambda row: row[2], reverse=True)

    def _department_rows(self) -> None:
        for code, name, _ in DEPARTMENTS:
            rows = []
            for year in DEPARTMENT_YEARS:
                date = f"{year + 1}-01-1{year % 10}"
                rows.append((self._post(name, year, "政府信息公开工作年度报告", date, f"{year}年度报告.pdf", name),
                             "政府信息公开工作年度报告", date))
            extra = [(f"{name}{year}年部门决算", f"{year + 1}-08-0{year % 10}", f"{year}年部门决算.pdf")
                     for year in range(2018, 2024)] if code == "wlxczj" else [
                (f"{name}2024年政务公开工作要点", "2024-03-05", "工作要点.pdf")]
            rows += [(self._post(name, None, title, date, pdf, None), title, date) for title, date, pdf in extra]
            self.rows[code] = sorted(rows, key=lambda row: row[2], reverse=True)

    def _column(self) -> None:
        """The one 年报 list: a GET form's ``<select>`` of units, and a POST form for the next page."""
        units = (("wlx", COUNTY), *((code, name) for code, name, _ in DEPARTMENTS))

        def page(unit: str, number: int) -> Page:
            rows = self.rows.get(unit)
            if rows is None:
                return Page(LOOK.html("政府信息公开年报", "<p>暂无信息</p>"))
            last = (len(rows) + PER_PAGE - 1) // PER_PAGE
            number = min(max(number, 1), last)
            items = "".join(f'<li><a href="{path}" target="_blank" title="{escape(title)}">{escape(title)}</a>'
                            f'<span>{date}</span></li>' for path, title, date in
                            rows[(number - 1) * PER_PAGE:number * PER_PAGE])
            options = "".join(f'<option value="{code}"{" selected" if code == unit else ""}>{name}</option>'
                              for code, name in units)
            pager = (f'<div class="page">共{len(rows)}条 第{number}/{last}页 '
                     + (f'<a href="javascript:;" onclick="goPage({number + 1})">下一页</a>' if number < last else "")
                     + f'</div><form id="pageForm" method="post" action="{COLUMN}">'
                     f'<input type="hidden" name="pageNo" id="pageNo" value="{number}">'
                     f'<input type="hidden" name="unitId" value="{unit}"></form>'
                     "<script>function goPage(n){document.getElementById('pageNo').value=n;"
                     "document.getElementById('pageForm').submit();}</script>")
            return Page(LOOK.html("政府信息公开年报", (
                '<div class="crumb">当前位置：<a href="/wlx/index.html">首页</a> &gt; '
                '<a href="/wlx/fdzdgknr/index.html">法定主动公开内容</a> &gt; 政府信息公开年报</div>'
                f'<form method="get" action="{COLUMN}" class="filter"><label>发布机构：</label>'
                f'<select name="unitId" onchange="this.form.submit()">{options}</select>'
                '<input type="submit" value="查询"></form>'
                f'<ul class="list">{items}</ul>{pager}')))

        def answer(query: dict, form: dict | None = None) -> Page:
            fields = {**query, **(form or {})}
            number = fields.get("pageNo", ["1"])[0]
            return page(fields.get("unitId", ["wlx"])[0] or "wlx", int(number) if number.isdigit() else 1)
        self.xxgk.dynamic[COLUMN] = answer
        self.xxgk.posted[COLUMN] = answer

    def _towns(self) -> None:
        links = "".join(f'<li><a href="/wlx/xzjd/{code}/index.html">{name}</a></li>' for code, name, _ in TOWNS)
        self.xxgk.pages["/wlx/xzjd/index.html"] = Page(LOOK.html("乡镇信息公开", f'<ul class="towns">{links}</ul>'))
        for code, name, linked in TOWNS:
            agency = f"{name}人民政府"
            rows = []
            for year in TOWN_YEARS:
                title, date = f"{agency}{year}年政府信息公开工作年度报告", f"{year + 1}-01-3{year % 2}"
                rows.append((self._post(agency, year, title, date, f"{year}年度报告.pdf", agency), title, date))
            notice = (f"{name}关于开展政府信息公开年报培训的通知", "2023-11-20")
            rows.append((self._post(agency, None, *notice, "通知.pdf", None), *notice))
            column = f"/wlx/xzjd/{code}/zfxxgknb/index.html"
            menu = (f'<li><a href="{column}">政府信息公开年报</a></li>' if linked else "")
            self.xxgk.pages[f"/wlx/xzjd/{code}/index.html"] = Page(LOOK.html(f"{agency}信息公开", (
                f'<h1>{agency}</h1><ul class="menu"><li><a href="/wlx/xzjd/{code}/jgzn/index.html">机构职能</a></li>'
                f"{menu}</ul>")))
            self.xxgk.pages[f"/wlx/xzjd/{code}/jgzn/index.html"] = Page(LOOK.html("机构职能", "<p>职能。</p>"))
            items = "".join(f'<li><a href="{path}">{escape(title)}</a><span>{date}</span></li>'
                            for path, title, date in rows)
            if linked:
                self.xxgk.pages[column] = Page(LOOK.html("政府信息公开年报", f'<ul class="list">{items}</ul>'))
            else:
                self.search_rows += rows

    def _search(self) -> None:
        """站内搜索: the articles whose title holds the query, linking the articles on the 信息公开 platform."""
        def search(query: dict) -> Page:
            words = query.get("q", [""])[0]
            hits = [row for row in self.search_rows + self.rows["wlx"] if words and words in row[1]]
            items = "".join(f'<li><a href="{self.url(XXGK, path)}" target="_blank">'
                            f'{escape(title).replace(escape(words), f"<em>{escape(words)}</em>")}</a>'
                            f'<span>{date}</span></li>' for path, title, date in hits)
            return Page(LOOK.html("站内搜索", f'<div class="result">共{len(hits)}条结果<ul>{items}</ul></div>'
                                  if hits else "<p>未找到相关结果</p>"))
        self.www.dynamic["/search/index.html"] = search

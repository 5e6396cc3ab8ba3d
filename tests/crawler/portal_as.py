"""A blind municipal portal, 沂川市 (``yichuan.gov.cn``), written before reading the crawler (issue 11): a
prefecture city as built today, its departments on the city's 信息公开 platform or on hosts of their own, a
district on its own host with another CMS. One server answers every name (``OneServerPortal``).

- ``www.``: the home page links 政府信息公开 (a frameset: the left frame a tree, the main frame a welcome page),
  新闻中心 (news about 年报 培训), 专题 (another city's report, on that city's own host), the districts, and a
  ``<select onchange="window.open(this.value)">`` of 市直部门网站 (three department hosts);
- the tree's 法定主动公开内容 › 年度报告 is the city's column: titles ``2023年度报告``, a jqPaginator pager whose
  total is a script variable (``index_1.html``), a 法治政府建设年度报告 and a 工作要点 among them;
- the tree's 部门 nodes carry only ids (``data-id``); a click handler builds ``/zwgk/unit/<id>/index.html``:
  市发展和改革委员会 (a table: ``<td><a>`` and dates), 市教育局 (the year only in a ``<span>``: 政府信息公开工作年度报告
  · 2023年度), 市财政局 (pagination.js, ``var pageCount``, ``list_2.html``; 预算, 决算 decoys), 市人力资源和社会保障局
  (``2023年度报告`` in a table);
- 市民政局: linked on the home page as ``/mzj/``, which redirects to the mobile host ``m.``: its column is there;
- ``wjw.`` 市卫生健康委员会: 政务公开 an iframe shell, its 目录 in the frame, a pagination.js list;
- ``zrzyj.`` 市自然资源和规划局: its 年报 column named only in its 政府信息公开指南's prose;
- ``jtj.`` 市交通运输局: its 年报 column only in its 信息公开目录 page; the year only in a ``<span>``;
- ``ydq.`` 沂东区人民政府: an ASP.NET CMS (``List.aspx?ClassID=…``, 下一页), its departments through a 部门
  ``<select>`` (区教育和体育局) and an ``onclick="showDept(22)"`` link (区财政局), a 统计公报 decoy.
"""

from __future__ import annotations

from html import escape

from tests.crawler.portal import Host, Look, Page
from tests.crawler.portal_o import HostsResolver, OneServerPortal

DOMAIN = "yichuan.gov.cn"
CITY = "沂川市人民政府"
YEARS = [2019, 2020, 2021, 2022, 2023]
LOOK = Look('<a href="/">首页</a><a href="/zwgk/index.html">政府信息公开</a><a href="/xwzx/">新闻中心</a>', seed=97, day=1)
# the units the city platform's tree shows by id: id, name, how their list is printed
TREE_UNITS = (("11370301", "沂川市发展和改革委员会"), ("11370302", "沂川市教育局"), ("11370303", "沂川市财政局"),
              ("11370304", "沂川市人力资源和社会保障局"))


class AsResolver(HostsResolver):
    domain = DOMAIN


def page(title: str, body: str, nav: str | None = None) -> Page:
    return Page(LOOK.html(title, body, nav))


def jq_paginator(total: int, first: str, before: str, after: str) -> str:
    """A jqPaginator pager as TRS templates print it: the total in a script variable, the first page at ``first``,
    page n at ``before`` n-1 ``after`` (``index_1.html`` is page 2)."""
    return (f'<div id="pagination" class="pagination"></div><script>var totalPage = {total}; var currentPage = 1;'
            "$('#pagination').jqPaginator({totalPages: totalPage, visiblePages: 5, currentPage: currentPage,"
            "first: '<li class=\"first\"><a href=\"javascript:;\">首页</a></li>',"
            "next: '<li class=\"next\"><a href=\"javascript:;\">下一页</a></li>',"
            "page: '<li class=\"page\"><a href=\"javascript:;\">{{page}}</a></li>',"
            "onPageChange: function (num, type) { if (type == 'change') {"
            f" if (num == 1) {{ window.location.href = '{first}'; }} else {{ window.location.href = '{before}' +"
            f" (num - 1) + '{after}'; }} }} }} }});</script>")


def pagination_js(total: int, prefix: str) -> str:
    """A pagination.js pager (jquery.pagination): the page count in a script variable, page n at
    ``prefix``n``.html`` (the first at index.html)."""
    return ('<div class="M-box"></div><script src="/js/jquery.pagination.js"></script><script>'
            f"var pageCount = {total}; var curPage = 1;"
            "$('.M-box').pagination({pageCount: pageCount, current: curPage, jump: true, coping: true,"
            " homePage: '首页', endPage: '末页', prevContent: '上页', nextContent: '下页',"
            f" callback: function (api) {{ var n = api.getCurrent(); window.location.href = n == 1 ? 'index.html' :"
            f" '{prefix}' + n + '.html'; }} }});</script>")


class PortalAS(OneServerPortal):
    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.m = Host(), Host()
        self.wjw, self.zrzyj, self.jtj, self.ydq = Host(), Host(), Host(), Host()
        self.hosts = {"www": self.www, "m": self.m, "wjw": self.wjw, "zrzyj": self.zrzyj, "jtj": self.jtj,
                      "ydq": self.ydq}
        self.serve(self.hosts)
        self.base = self.url("www", "")
        self._home()
        self._news()
        self._special()
        self._platform()
        self._city_column()
        self._tree_units()
        self._civil_affairs()
        self._health()
        self._natural_resources()
        self._transport()
        self._district()

    def _reports(self, sub: str, agency: str, folder: str, ids: int) -> list[tuple[str, str, str]]:
        """``agency``'s reports as TRS-style articles under ``folder`` on host ``sub``; rows newest first."""
        rows = self.listed_reports(LOOK, sub, agency, YEARS,
                                   lambda year, title: f"{folder}{year + 1}01/t{year + 1}0118_{ids + year}.html")
        return rows[::-1]

    def _home(self) -> None:
        departments = "".join(f'<option value="{self.url(sub, "/")}">{name}</option>' for sub, name in (
            ("wjw", "市卫生健康委员会"), ("zrzyj", "市自然资源和规划局"), ("jtj", "市交通运输局")))
        self.www.pages["/"] = page(f"{CITY}门户网站", (
            f'<div class="top"><a href="{self.url("m", "/")}">手机版</a><a href="/zt/">专题专栏</a></div>'
            '<div class="news"><h3>沂川要闻</h3><ul>'
            '<li><a href="/xwzx/202403/t20240312_5101.html">市政府办公室举办政府信息公开工作年度报告编制培训会</a></li>'
            '<li><a href="/xwzx/202402/t20240226_5088.html">我市召开全市政务公开工作推进会</a></li></ul>'
            '<a href="/xwzx/">更多</a></div>'
            '<div class="service"><h3>部门服务</h3><ul><li><a href="/mzj/">市民政局</a></li></ul></div>'
            f'<div class="area"><h3>区县</h3><ul><li><a href="{self.url("ydq", "/")}">沂东区</a></li></ul></div>'
            '<div class="footer"><select onchange="window.open(this.value)"><option value="">市直部门网站</option>'
            f'{departments}</select><select onchange="window.open(this.value)"><option value="">友情链接</option>'
            '<option value="http://www.gov.cn/">中国政府网</option></select></div>'))

    def _news(self) -> None:
        self.www.pages["/xwzx/"] = page("新闻中心", (
            '<ul><li><a href="/xwzx/202403/t20240312_5101.html">市政府办公室举办政府信息公开工作年度报告编制培训会</a>'
            '<span>2024-03-12</span></li><li><a href="/xwzx/202402/t20240226_5088.html">我市召开全市政务公开工作推进会'
            '</a><span>2024-02-26</span></li></ul>'))
        self.www.pages["/xwzx/202403/t20240312_5101.html"] = page(
            "市政府办公室举办政府信息公开工作年度报告编制培训会",
            "<h1>市政府办公室举办政府信息公开工作年度报告编制培训会</h1><p>3月12日，培训会对2023年度报告的编制作了部署。</p>")
        self.www.pages["/xwzx/202402/t20240226_5088.html"] = page("我市召开全市政务公开工作推进会", "<p>正文。</p>")

    def _special(self) -> None:
        self.www.pages["/zt/"] = page("专题专栏", '<ul><li><a href="/zt/zwgkbg/index.html">政务公开标杆学习</a></li></ul>')
        self.www.pages["/zt/zwgkbg/index.html"] = page("政务公开标杆学习", (
            '<ul><li><a href="http://www.yibei.gov.cn/zwgk/ndbg/202401/t20240120_77.html">'
            '沂北市人民政府2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>'
            '<li><a href="/zt/zwgkbg/202402/t20240201_61.html">学习借鉴兄弟城市年报编制经验</a></li></ul>'))
        self.www.pages["/zt/zwgkbg/202402/t20240201_61.html"] = page("学习借鉴兄弟城市年报编制经验", "<p>正文。</p>")

    def _platform(self) -> None:
        self.www.pages["/zwgk/index.html"] = Page((
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>沂川市政府信息公开</title></head>'
            '<frameset cols="240,*" frameborder="0"><frame src="/zwgk/tree.html" name="left">'
            '<frame src="/zwgk/main.html" name="main"><noframes><body>您的浏览器不支持框架。</body></noframes>'
            '</frameset></html>').encode())
        units = "".join(f'<li class="unit" data-id="{uid}"><span>{escape(name.removeprefix("沂川"))}</span></li>'
                        for uid, name in TREE_UNITS)
        self.www.pages["/zwgk/tree.html"] = page("目录", (
            '<div class="tree"><h3>法定主动公开内容</h3><ul>'
            '<li><a href="/zwgk/fdzdgknr/jgzn/index.html" target="main">机构职能</a></li>'
            '<li><a href="/zwgk/fdzdgknr/zcwj/index.html" target="main">政策文件</a></li>'
            '<li><a href="/zwgk/fdzdgknr/czyjs/index.html" target="main">财政预决算</a></li>'
            '<li><a href="/zwgk/fdzdgknr/ndbg/index.html" target="main">年度报告</a></li></ul>'
            f'<h3>部门信息公开</h3><ul id="unitTree">{units}</ul></div>'
            "<script>$('#unitTree li.unit').on('click', function () {"
            " window.parent.frames['main'].location.href = '/zwgk/unit/' + $(this).data('id') + '/index.html'; });"
            "</script>"))
        self.www.pages["/zwgk/main.html"] = page("政府信息公开", (
            '<div class="welcome"><a href="/zwgk/zn.html">政府信息公开指南</a><a href="/zwgk/zd.html">政府信息公开制度</a>'
            "</div>"))
        self.www.pages["/zwgk/zn.html"] = page("政府信息公开指南", "<p>本指南适用于沂川市人民政府。</p>")
        for folder, title in (("jgzn", "机构职能"), ("zcwj", "政策文件")):
            self.www.pages[f"/zwgk/fdzdgknr/{folder}/index.html"] = page(title, "<ul></ul>")
        self.www.pages["/zwgk/fdzdgknr/czyjs/index.html"] = page("财政预决算", (
            '<ul><li><a href="/zwgk/fdzdgknr/czyjs/202402/t20240205_3001.html">沂川市2024年市级预算</a></li></ul>'))
        self.www.pages["/zwgk/fdzdgknr/czyjs/202402/t20240205_3001.html"] = page("沂川市2024年市级预算", "<p>预算。</p>")

    def _city_column(self) -> None:
        rows = self._reports("www", CITY, "/zwgk/fdzdgknr/ndbg/", 8800)
        decoys = [self.decoy(LOOK, "www", "/zwgk/fdzdgknr/ndbg/202403/t20240310_8901.html",
                             "沂川市2023年法治政府建设年度报告", "2024-03-10"),
                  self.decoy(LOOK, "www", "/zwgk/fdzdgknr/ndbg/202403/t20240301_8899.html",
                             "沂川市2024年政务公开工作要点", "2024-03-01")]
        items = [(path, f"{title.removeprefix(CITY)[:4]}年度报告", date) for path, title, date in rows]
        items = decoys + items
        lines = [f'<li><a href="./{path.removeprefix("/zwgk/fdzdgknr/ndbg/")}" target="_blank" title="{escape(t)}">'
                 f'{escape(t)}</a><span class="date">{d}</span></li>' for path, t, d in items]
        self.www.pages["/zwgk/fdzdgknr/ndbg/index.html"] = page("年度报告", (
            f'<div class="list"><ul>{"".join(lines[:4])}</ul></div>'
            + jq_paginator(2, "index.html", "index_", ".html")))
        self.www.pages["/zwgk/fdzdgknr/ndbg/index_1.html"] = page("年度报告", (
            f'<div class="list"><ul>{"".join(lines[4:])}</ul></div>'
            + jq_paginator(2, "index.html", "index_", ".html")))

    def _tree_units(self) -> None:
        for uid, name in TREE_UNITS:
            folder = f"/zwgk/unit/{uid}/"
            self.www.pages[f"{folder}index.html"] = page(f"{name}信息公开", (
                f'<h2>{name}</h2><div class="columns"><h3>法定主动公开内容</h3><ul>'
                f'<li><a href="{folder}jgzn/index.html">机构职能</a></li>'
                f'<li><a href="{folder}czyjs/index.html">部门预决算</a></li>'
                f'<li><a href="{folder}ndbg/index.html">年度报告</a></li></ul></div>'))
            self.www.pages[f"{folder}jgzn/index.html"] = page("机构职能", "<p>主要职责。</p>")
            self.www.pages[f"{folder}czyjs/index.html"] = page("部门预决算", "<ul></ul>")
            rows = self._reports("www", name, f"{folder}ndbg/", int(uid[-2:]) * 100)
            getattr(self, f"_unit_{uid[-2:]}")(folder + "ndbg/", name, rows)

    def _unit_01(self, folder: str, name: str, rows: list[tuple[str, str, str]]) -> None:
        """发改委: a table of ``<td><a>`` and dates."""
        table = "".join(f'<tr><td class="title"><a href="{p}" target="_blank">{escape(t)}</a></td><td>{d}</td></tr>'
                        for p, t, d in rows)
        self.www.pages[f"{folder}index.html"] = page("年度报告", (
            f'<table class="list"><tr><th>标题</th><th>发布日期</th></tr>{table}</table>'))

    def _unit_02(self, folder: str, name: str, rows: list[tuple[str, str, str]]) -> None:
        """教育局: the year only in a span beside a title without it."""
        items = "".join(f'<li><a href="{p}" target="_blank">政府信息公开工作年度报告</a>'
                        f'<span class="nd">{t.removeprefix(name)[:4]}年度</span><span class="date">{d}</span></li>'
                        for p, t, d in rows)
        self.www.pages[f"{folder}index.html"] = page("年度报告", f'<ul class="list">{items}</ul>')

    def _unit_03(self, folder: str, name: str, rows: list[tuple[str, str, str]]) -> None:
        """财政局: pagination.js, three rows a page, budget decoys among them."""
        decoys = [self.decoy(LOOK, "www", f"{folder}202402/t20240208_{k}.html", title, "2024-02-08")
                  for k, title in ((7001, "沂川市财政局2024年部门预算"), (7002, "沂川市财政局2022年度部门决算"))]
        items = [f'<li><a href="{p}" target="_blank">{escape(t)}</a><span>{d}</span></li>' for p, t, d in decoys + rows]
        pages = [items[k:k + 3] for k in range(0, len(items), 3)]
        for n, chunk in enumerate(pages, 1):
            path = f"{folder}index.html" if n == 1 else f"{folder}list_{n}.html"
            self.www.pages[path] = page("年度报告", f'<ul class="list">{"".join(chunk)}</ul>'
                                                + pagination_js(len(pages), "list_"))

    def _unit_04(self, folder: str, name: str, rows: list[tuple[str, str, str]]) -> None:
        """人社局: ``2023年度报告`` titles in a table."""
        table = "".join(f'<tr><td><a href="{p}" target="_blank">{t.removeprefix(name)[:4]}年度报告</a></td>'
                        f"<td>{d}</td></tr>" for p, t, d in rows)
        self.www.pages[f"{folder}index.html"] = page("年度报告", f'<table class="list">{table}</table>')

    def _civil_affairs(self) -> None:
        """市民政局 has only a mobile site: the desktop address redirects to it."""
        self.www.pages["/mzj/"] = Page(b"", status=302, location=self.url("m", "/mzj/index.html"))
        self.m.pages["/"] = page("沂川市人民政府手机版", '<a href="/mzj/index.html">市民政局</a>')
        self.m.pages["/mzj/index.html"] = page("沂川市民政局", (
            '<div class="grid"><a href="/mzj/dt.html">民政动态</a><a href="/mzj/xxgk.html">信息公开</a></div>'))
        self.m.pages["/mzj/dt.html"] = page("民政动态", "<ul></ul>")
        self.m.pages["/mzj/xxgk.html"] = page("信息公开", (
            '<div class="tabs"><a href="/mzj/xxgk/zn.html">公开指南</a><a href="/mzj/xxgk/ndbg.html">年度报告</a></div>'))
        self.m.pages["/mzj/xxgk/zn.html"] = page("公开指南", "<p>指南。</p>")
        rows = self.listed_reports(LOOK, "m", "沂川市民政局", YEARS,
                                   lambda year, title: f"/mzj/xxgk/content_{year}0{year % 7 + 1}.html")[::-1]
        items = "".join(f'<div class="item"><a href="{p}"><p class="t">{escape(t)}</p><p class="d">{d}</p></a></div>'
                        for p, t, d in rows)
        self.m.pages["/mzj/xxgk/ndbg.html"] = page("年度报告", f'<div class="m-list">{items}</div>')

    @staticmethod
    def _front(host: Host, name: str, entry: tuple[str, str], news: tuple[str, str]) -> None:
        """A department host's home page: its 信息公开 ``entry`` and its ``news`` (path, text), the news empty."""
        host.pages["/"] = page(name, f'<a href="{entry[0]}">{entry[1]}</a><a href="{news[0]}">{news[1]}</a>')
        host.pages[news[0]] = page(news[1], "<ul></ul>")

    def _health(self) -> None:
        """卫健委: its 政务公开 an iframe shell; its column in the framed 目录; a pagination.js list."""
        self._front(self.wjw, "沂川市卫生健康委员会", ("/zwgk/", "政务公开"), ("/xwdt/", "新闻动态"))
        self.wjw.pages["/zwgk/"] = page("政务公开", '<iframe src="/zwgk/ml.html" name="content" width="100%" '
                                                 'height="900" frameborder="0" scrolling="no"></iframe>')
        self.wjw.pages["/zwgk/ml.html"] = page("信息公开目录", (
            '<ul><li><a href="/zwgk/ghjh/">规划计划</a></li><li><a href="/zwgk/ndbg/index.html">年度报告</a></li></ul>'))
        self.wjw.pages["/zwgk/ghjh/"] = page("规划计划", "<ul></ul>")
        rows = self._reports("wjw", "沂川市卫生健康委员会", "/zwgk/ndbg/", 4400)
        items = [f'<li><a href="{p}">{escape(t)}</a><span>{d}</span></li>' for p, t, d in rows]
        self.wjw.pages["/zwgk/ndbg/index.html"] = page("年度报告", f"<ul>{''.join(items[:3])}</ul>"
                                                               + pagination_js(2, "index_"))
        self.wjw.pages["/zwgk/ndbg/index_2.html"] = page("年度报告", f"<ul>{''.join(items[3:])}</ul>"
                                                                 + pagination_js(2, "index_"))

    def _natural_resources(self) -> None:
        """自然资源和规划局: its column is named only in its 指南's prose."""
        self._front(self.zrzyj, "沂川市自然资源和规划局", ("/xxgk/", "信息公开"), ("/ywdt/", "业务动态"))
        self.zrzyj.pages["/xxgk/"] = page("信息公开", (
            '<ul><li><a href="/xxgk/gkzn/">政府信息公开指南</a></li><li><a href="/xxgk/gkzd/">政府信息公开制度</a></li>'
            '<li><a href="/xxgk/ysq/">依申请公开</a></li></ul>'))
        self.zrzyj.pages["/xxgk/gkzd/"] = page("政府信息公开制度", "<p>制度。</p>")
        self.zrzyj.pages["/xxgk/ysq/"] = page("依申请公开", "<p>申请。</p>")
        self.zrzyj.pages["/xxgk/gkzn/"] = page("政府信息公开指南", (
            "<h1>沂川市自然资源和规划局政府信息公开指南</h1><p>五、政府信息公开工作年度报告</p><p>本机关每年1月31日前"
            '编制上一年度政府信息公开工作年度报告，在本网站<a href="/xxgk/gknb/">“政府信息公开年报”</a>栏目公布。</p>'))
        rows = self._reports("zrzyj", "沂川市自然资源和规划局", "/xxgk/gknb/", 5500)
        items = "".join(f'<li><a href="{p}">{escape(t)}</a><span>{d}</span></li>' for p, t, d in rows)
        self.zrzyj.pages["/xxgk/gknb/"] = page("政府信息公开年报", f"<ul>{items}</ul>")

    def _transport(self) -> None:
        """交通运输局: its column only in its 目录; the year only in a span."""
        self._front(self.jtj, "沂川市交通运输局", ("/xxgk/", "政府信息公开"), ("/jtyw/", "交通要闻"))
        self.jtj.pages["/xxgk/"] = page("政府信息公开", (
            '<a href="/xxgk/zn.html">公开指南</a><a href="/xxgk/ml.html">公开目录</a><a href="/xxgk/ysq.html">依申请公开</a>'))
        self.jtj.pages["/xxgk/zn.html"] = page("公开指南", "<p>指南。</p>")
        self.jtj.pages["/xxgk/ysq.html"] = page("依申请公开", "<p>申请。</p>")
        self.jtj.pages["/xxgk/ml.html"] = page("公开目录", (
            '<div class="ml"><h3>法定主动公开内容</h3><ul><li><a href="/xxgk/ml/jgzn/">机构职能</a></li>'
            '<li><a href="/xxgk/ml/tzgg/">通知公告</a></li><li><a href="/xxgk/ml/ndbg/">年度报告</a></li></ul></div>'))
        self.jtj.pages["/xxgk/ml/jgzn/"] = page("机构职能", "<p>职责。</p>")
        self.jtj.pages["/xxgk/ml/tzgg/"] = page("通知公告", "<ul></ul>")
        rows = self._reports("jtj", "沂川市交通运输局", "/xxgk/ml/ndbg/", 6600)
        items = "".join(f'<li><a href="{p}">政府信息公开工作年度报告</a><span>{t.removeprefix("沂川市交通运输局")[:4]}'
                        f"</span><span>{d}</span></li>" for p, t, d in rows)
        self.jtj.pages["/xxgk/ml/ndbg/"] = page("年度报告", f"<ul>{items}</ul>")

    def _district(self) -> None:
        """沂东区: an ASP.NET CMS; its departments by a 部门 select and an id-only onclick link."""
        ydq, district = self.ydq, "沂东区人民政府"
        nav = '<a href="/">首页</a><a href="/zfxxgk/Index.aspx">政府信息公开</a>'
        ydq.pages["/"] = page(district, '<a href="/zfxxgk/Index.aspx">政府信息公开</a><a href="/News.aspx">沂东要闻</a>', nav)
        ydq.pages["/News.aspx"] = page("沂东要闻", "<ul></ul>", nav)
        ydq.pages["/zfxxgk/Index.aspx"] = page("沂东区政府信息公开", (
            '<div class="left"><a href="/zfxxgk/List.aspx?ClassID=11">政策文件</a>'
            '<a href="/zfxxgk/List.aspx?ClassID=19">年度报告</a><a href="/zfxxgk/List.aspx?ClassID=21">统计信息</a></div>'
            '<div class="dept">部门：<select onchange="window.open(this.value)"><option value="">请选择部门</option>'
            '<option value="/zfxxgk/Dept.aspx?DeptID=21">区教育和体育局</option></select>'
            '<a href="javascript:void(0)" onclick="showDept(22)">区财政局</a></div>'
            "<script>function showDept(id) { window.location.href = '/zfxxgk/Dept.aspx?DeptID=' + id; }</script>"),
            nav)
        lists: dict[str, list[str]] = {"11": [], "21": []}
        stats = "/zfxxgk/Show.aspx?ID=3390"
        ydq.pages[stats] = page("沂东区2023年国民经济和社会发展统计公报", "<h1>统计公报</h1><p>正文。</p>", nav)
        lists["21"].append(f'<tr><td><a href="{stats}">沂东区2023年国民经济和社会发展统计公报</a></td><td>2024-03-15</td></tr>')
        units = {"19": (district, 3000), "29": ("沂东区教育和体育局", 3100), "39": ("沂东区财政局", 3200)}
        for cid, (agency, first) in units.items():
            years = YEARS if cid == "19" else YEARS[1:]
            rows = self.listed_reports(LOOK, "ydq", agency, years,
                                       lambda year, title, first=first: f"/zfxxgk/Show.aspx?ID={first + year - 2000}")
            lists[cid] = [f'<tr><td><a href="{p}" target="_blank">{escape(t)}</a></td><td>{d}</td></tr>'
                          for p, t, d in rows[::-1]]
        for dept, cid in (("21", "29"), ("22", "39")):
            ydq.pages[f"/zfxxgk/Dept.aspx?DeptID={dept}"] = page(f"{units[cid][0]}信息公开", (
                f'<a href="/zfxxgk/List.aspx?ClassID={cid}">年度报告</a><a href="/zfxxgk/List.aspx?ClassID={cid}1">'
                "工作动态</a>"), nav)

        def listing(query) -> Page:
            cid, n = query.get("ClassID", [""])[0], int(query.get("page", ["1"])[0])
            rows = lists.get(cid, [])[(n - 1) * 3:n * 3]
            more = (f'<a href="/zfxxgk/List.aspx?ClassID={cid}&amp;page={n + 1}">下一页</a>'
                    if len(lists.get(cid, [])) > n * 3 else "")
            return page("年度报告" if cid in units else "信息公开", (
                f'<table class="list">{"".join(rows)}</table><div class="pager">共{len(lists.get(cid, []))}条 '
                f'第{n}页 {more}</div>'), nav)
        ydq.dynamic["/zfxxgk/List.aspx"] = listing

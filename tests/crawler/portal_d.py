"""A fourth municipal portal, 西岭市, small, built from platform families that ``simsite``, ``portal.py``,
``portal_b.py`` and ``portal_c.py`` do not have: for crawls over real HTTP on one host.

- the city's 政府信息公开目录 (``/xxgk/index.html``) draws its column tree with zTree loaded asynchronously: the
  page holds only ``setting.async = {enable: true, url: "/xxgk/tree.do", autoParam: ["id"]}``; the tree's JSON
  answer (``/xxgk/tree.do``, a branch's children at ``?id=…``) names the columns (``{"id": "12", "pId": "1",
  "name": "政府信息公开年报", "isParent": false, "url": "/xxgk/list.do?id=12"}``), its 年报 node among them;
- the 年报 column shows one year at a time, chosen in a ``<select name="year">`` of a GET ``<form>``
  (``/xxgk/list.do?id=12&year=2022``): the other years' lists are only reachable through the form;
- 市水利局 (``/slj/``): its 年度报告 column's pager is made of ``<input type="button"
  onclick="location.href='?page=2'">`` elements, no link at all;
- 市水利局's 2023 report is split by its CMS into two pages (``623.html``, ``623_1.html``), a pager under each;
- noise: a 统计年报 and a 工作总结 in the city's column, a 部门预算 in 水利局's.
"""

from __future__ import annotations

import json
from html import escape

from tests.crawler.portal import JSON, Look, OneHost, Page

CITY = "西岭市人民政府"
NAV = '<a href="/">首页</a><a href="/xwzx/index.html">新闻中心</a><a href="/xxgk/index.html">政府信息公开</a>'

LOOK = Look(NAV, seed=17)
html, article = LOOK.html, LOOK.article


class PortalD(OneHost):
    """The host of 西岭市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self._home()
        self._catalogue()
        self._water()

    def _home(self) -> None:
        main = self.main
        main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="news"><div class="hd">新闻中心</div><ul>'
            '<li><a href="/xwzx/2024/301.html">西岭市召开2023年度政务公开工作总结会</a></li></ul></div>'
            '<div class="links"><a href="/slj/index.html">市水利局</a></div>')))
        main.pages["/xwzx/index.html"] = Page(html("新闻中心", '<a href="/xwzx/2024/301.html">工作总结会</a>'))
        main.pages["/xwzx/2024/301.html"] = Page(html("西岭市召开2023年度政务公开工作总结会", "<p>正文。</p>"))

    def _catalogue(self) -> None:
        """The 信息公开目录: a zTree loaded asynchronously, and a 年报 column whose years are a GET form's choice."""
        main = self.main
        script = ('<script src="/js/jquery.ztree.core.min.js"></script><script>\n'
                  'var setting = {async: {enable: true, url: "/xxgk/tree.do", autoParam: ["id"]},\n'
                  '  data: {simpleData: {enable: true, pIdKey: "pId"}},\n'
                  '  callback: {onClick: function (e, id, node) { if (node.url) { $("#main").attr("src", node.url); } }}};\n'
                  '$(function () { $.fn.zTree.init($("#tree"), setting); });\n</script>')
        main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开目录", (
            '<div class="left"><div class="tit">主动公开目录</div><ul id="tree" class="ztree"></ul></div>'
            f'<iframe id="main" name="main" src="/xxgk/guide.html"></iframe>{script}')))
        main.pages["/xxgk/guide.html"] = Page(html("政府信息公开指南", "<p>指南。</p>"))
        roots = [{"id": "1", "pId": "0", "name": "法定主动公开内容", "isParent": True},
                 {"id": "2", "pId": "0", "name": "政府信息公开指南", "isParent": False, "url": "/xxgk/guide.html"}]
        children = [{"id": "11", "pId": "1", "name": "机构职能", "isParent": False, "url": "/xxgk/list.do?id=11"},
                    {"id": "12", "pId": "1", "name": "政府信息公开年报", "isParent": False, "url": "/xxgk/list.do?id=12"},
                    {"id": "13", "pId": "1", "name": "财政预决算", "isParent": False, "url": "/xxgk/list.do?id=13"}]
        main.dynamic["/xxgk/tree.do"] = lambda query: Page(json.dumps(
            children if query.get("id", [""])[0] == "1" else roots if not query.get("id") else [],
            ensure_ascii=False).encode(), JSON)
        years = range(2023, 2018, -1)
        rows: dict[int, list[str]] = {}
        for year in years:
            path, title = f"/xxgk/show/{4000 + year}.html", f"{CITY}{year}年政府信息公开工作年度报告"
            main.pages[path] = Page(article(title, CITY, year))
            self.expected[self.base + path] = (CITY, year)
            rows[year] = [f'<li><a href="{path}">{escape(title)}</a><span>{year + 1}-01-20</span></li>']
        for k, noise in enumerate(("西岭市2023年国民经济和社会发展统计年报", "西岭市2023年度政务公开工作总结")):
            main.pages[f"/xxgk/show/{4100 + k}.html"] = Page(html(noise, "<p>正文。</p>"))
            rows[2023].append(f'<li><a href="/xxgk/show/{4100 + k}.html">{noise}</a><span>2024-03-01</span></li>')

        def listing(query: dict) -> Page:
            column = query.get("id", [""])[0]
            if column != "12":
                return Page(html("机构职能", "<p>职能。</p>"))
            year = query.get("year", ["2023"])[0]
            chosen = int(year) if year.isdigit() and int(year) in rows else 2023
            options = "".join(f'<option value="{y}"{" selected" if y == chosen else ""}>{y}年</option>' for y in years)
            return Page(html("政府信息公开年报", (
                '<div class="tit">政府信息公开年报</div>'
                '<form action="/xxgk/list.do" method="get"><input type="hidden" name="id" value="12" />'
                f'年度：<select name="year">{options}</select><input type="submit" value="查询" /></form>'
                f'<ul class="list">{"".join(rows[chosen])}</ul>')))
        main.dynamic["/xxgk/list.do"] = listing

    def _water(self) -> None:
        """市水利局: a 年度报告 column whose pager is buttons (``onclick="location.href='?page=2'"``)."""
        main, name = self.main, "西岭市水利局"
        nav = '<a href="/slj/index.html">首页</a><a href="/slj/xxgk/index.html">信息公开</a>'
        main.pages["/slj/index.html"] = Page(html(name, f'<h1>{name}</h1><a href="/slj/xxgk/index.html">信息公开</a>', nav))
        main.pages["/slj/xxgk/index.html"] = Page(html(f"信息公开-{name}", (
            '<ul class="lm"><li><a href="/slj/xxgk/ndbg/list.html">年度报告</a></li>'
            '<li><a href="/slj/xxgk/bmys/list.html">部门预算</a></li></ul>'), nav))
        main.pages["/slj/xxgk/bmys/list.html"] = Page(html("部门预算", (
            '<ul><li><a href="/slj/show/700.html">西岭市水利局2024年度部门预算</a></li></ul>'), nav))
        main.pages["/slj/show/700.html"] = Page(html("西岭市水利局2024年度部门预算", "<p>预算。</p>", nav))
        items = []
        for year in range(2023, 2018, -1):
            path, title = f"/slj/show/{600 + year % 100}.html", f"{name}{year}年政府信息公开工作年度报告"
            main.pages[path] = Page(article(title, name, year, nav))
            self.expected[self.base + path] = (name, year)
            items.append(f'<li><a href="{path}">{escape(title)}</a></li>')
        self._split("/slj/show/623.html")
        pages = [items[k:k + 2] for k in range(0, len(items), 2)]   # three pages

        def listing(query: dict) -> Page:
            n = query.get("page", ["1"])[0]
            n = max(1, min(int(n) if n.isdigit() else 1, len(pages)))
            buttons = "".join(f'<input type="button" value="{label}" onclick="location.href=\'?page={k}\'" />'
                              for label, k in (("首页", 1), ("上一页", max(1, n - 1)), ("下一页", min(len(pages), n + 1)),
                                               ("尾页", len(pages))))
            return Page(html("年度报告", f'<ul>{"".join(pages[n - 1])}</ul><div class="page">第{n}/{len(pages)}页'
                                        f'{buttons}</div>', nav))
        main.dynamic["/slj/xxgk/ndbg/list.html"] = listing

    def _split(self, path: str) -> None:
        """The report at ``path`` split by its CMS into two pages at section 三 (``623.html``, ``623_1.html``),
        a pager of links under each."""
        page = self.main.pages[path].body.decode()
        head, cut, tail = page.partition("<h2>三、")
        body_end = tail.index("</div></div>")   # the article's content ends there
        further = path.replace(".html", "_1.html")
        pager = (f'<div class="pager"><a href="{path.rsplit("/", 1)[1]}">1</a> '
                 f'<a href="{further.rsplit("/", 1)[1]}">2</a> <a href="{further.rsplit("/", 1)[1]}">下一页</a></div>')
        start, _, _ = head.partition('<div class="content">')
        self.main.pages[path] = Page((head + "</div>" + pager + "</div></body></html>").encode())
        self.main.pages[further] = Page((start + '<div class="content">' + cut + tail[:body_end] + "</div>" + pager
                                         + "</div></body></html>").encode())
        self.split = (self.base + path, self.base + further)

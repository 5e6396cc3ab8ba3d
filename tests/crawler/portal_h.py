"""An eighth municipal portal, 北川市, on one host, built from ways into a report that classic portals use and
no other fixture has: for crawls over real HTTP.

- the home page lists the departments' sites by bare short names (发改, 财政, 人社, 卫健) in a plain ``<ul>``, under
  no 部门网站 heading;
- the city's 政府信息公开年度报告汇总 (``/xxgk/ndbg/hz.html``): one table, a row per agency (北川市人民政府,
  北川市教育局, 北川市民政局), a column per year; each cell a link whose text is only 查看, the year, or an icon:
  the agency and the year are the row's and the column's headers;
- 发改 (``/fgw/``): its 年度报告 column's list is a JSONP answer (``$.ajax({url: "/fgw/api/list", dataType:
  "jsonp", …})``, answered ``<callback>({"list": [{"id": …, "title": …}]})``, a request without a callback
  refused), each item's address built by the script (``'/fgw/art/' + item.id + '.html'``); its older reports
  name it as it shortens itself (发展改革委2021年政府信息公开工作年度报告);
- 财政 (``/czj/``): its column's links are ``<a href="javascript:;" data-url="/czj/art/2023/8842.html">``, opened
  by a ``$(document).on('click', '[data-url]', …)`` handler;
- 人社 (``/rsj/``): its 信息公开目录 is a zTree loaded asynchronously whose branch parameter is not ``id``
  (``autoParam: ["id=channelId", "level=lv"]``, ``otherParam: {"siteId": "rsj"}``);
- 卫健 (``/wjw/``): its column's items carry only an id (``<li class="item" data-id="3323">``), the address
  built by the click handler (``location.href = '/wjw/art/' + $(this).data('id') + '.html'``);
- noise: a 法治政府建设年度报告, a 部门预算, a 统计年报, a 工作总结, and news on 企业年报.
"""

from __future__ import annotations

import json
from html import escape

from tests.crawler.portal import JSON, Look, OneHost, Page

CITY = "北川市人民政府"
NAV = '<a href="/">首页</a><a href="/xwzx/index.html">新闻中心</a><a href="/xxgk/index.html">政府信息公开</a>'

LOOK = Look(NAV, seed=23)
html, article = LOOK.html, LOOK.article


class PortalH(OneHost):
    """The host of 北川市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self._home()
        self._summary()
        self._development()
        self._finance()
        self._labour()
        self._health()

    def _report(self, path: str, agency: str, year: int, nav: str | None = None, named: str = "") -> str:
        """A report of ``agency``, its title naming it as ``named`` (as the agency shortens itself) when given."""
        title = f"{named or agency}{year}年政府信息公开工作年度报告"
        self.main.pages[path] = Page(article(title, agency, year, nav))
        self.expected[self.base + path] = (agency, year)
        return title

    def _department(self, code: str, name: str, column: str, short: str, full: str) -> str:
        """A department's home page (``/<code>/index.html``) linking its column; its navigation bar."""
        nav = f'<a href="/{code}/index.html">首页</a><a href="{column}">{short}</a>'
        self.main.pages[f"/{code}/index.html"] = Page(html(name, f'<h1>{name}</h1><a href="{column}">{full}</a>', nav))
        return nav

    def _noise(self, path: str, title: str, nav: str | None = None) -> None:
        self.main.pages[path] = Page(html(title, f"<h1>{escape(title)}</h1><p>正文。</p>", nav))

    def _home(self) -> None:
        main = self.main
        self._noise("/xwzx/2024/11.html", "我市开展2023年度企业年报报送工作")
        self._noise("/xwzx/2024/12.html", "北川市2023年度政务公开工作总结")
        main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="news"><div class="hd">新闻中心</div><ul>'
            '<li><a href="/xwzx/2024/11.html">我市开展2023年度企业年报报送工作</a></li>'
            '<li><a href="/xwzx/2024/12.html">北川市2023年度政务公开工作总结</a></li></ul></div>'
            '<div class="foot-links"><ul class="bm"><li><a href="/fgw/index.html">发改</a></li>'
            '<li><a href="/czj/index.html">财政</a></li><li><a href="/rsj/index.html">人社</a></li>'
            '<li><a href="/wjw/index.html">卫健</a></li></ul></div>')))
        main.pages["/xwzx/index.html"] = Page(html("新闻中心", '<a href="/xwzx/2024/11.html">企业年报报送</a>'))

    def _summary(self) -> None:
        """The 年报汇总 table: rows of agencies, columns of years, cells saying only 查看, the year, or an icon."""
        main = self.main
        self._noise("/xxgk/fzzf/2024.html", "北川市2023年法治政府建设年度报告")
        main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul class="lm"><li><a href="/xxgk/ndbg/hz.html">政府信息公开年度报告</a></li>'
            '<li><a href="/xxgk/fzzf/index.html">法治政府建设</a></li></ul>')))
        main.pages["/xxgk/fzzf/index.html"] = Page(html("法治政府建设", (
            '<ul><li><a href="/xxgk/fzzf/2024.html">北川市2023年法治政府建设年度报告</a></li></ul>')))
        years = (2023, 2022, 2021)
        cells = {2023: lambda y: "查看", 2022: lambda y: str(y), 2021: lambda y: '<img src="/img/view.png" alt="">'}
        rows = []
        for k, agency in enumerate(("北川市人民政府", "北川市教育局", "北川市民政局")):
            links = []
            for year in years:
                path = f"/xxgk/ndbg/art/{year}/{700 + k}.html"
                self._report(path, agency, year)
                links.append(f'<td><a href="{path}" target="_blank">{cells[year](year)}</a></td>')
            rows.append(f'<tr><td>{agency}</td>{"".join(links)}</tr>')
        head = "".join(f"<th>{year}年</th>" for year in years)
        main.pages["/xxgk/ndbg/hz.html"] = Page(html("政府信息公开年度报告汇总", (
            '<div class="tit">政府信息公开年度报告汇总</div><table class="hz">'
            f'<thead><tr><th>单位</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')))

    def _development(self) -> None:
        """发改: a 年度报告 column whose list is a JSONP answer, each item's address built by the script."""
        main, name = self.main, "北川市发展和改革委员会"
        nav = self._department("fgw", name, "/fgw/ndbg/index.html", "年度报告", "政府信息公开年度报告")
        items = [{"id": 8800 + year, "pubDate": f"{year + 1}-01-15",
                  "title": self._report(f"/fgw/art/{8800 + year}.html", name, year, nav, "" if year > 2021 else "发展改革委")}
                 for year in range(2023, 2019, -1)]
        self._noise("/fgw/art/8900.html", f"{name}2024年部门预算", nav)
        items.append({"id": 8900, "title": f"{name}2024年部门预算", "pubDate": "2024-02-01"})
        script = ('<script>\n$(function () {\n  $.ajax({url: "/fgw/api/list", dataType: "jsonp", '
                  'data: {channelId: "ndbg", page: 1},\n    success: function (d) { var h = "";\n'
                  '      $.each(d.list, function (i, item) { h += \'<li><a href="/fgw/art/\' + item.id + \'.html">\' '
                  '+ item.title + "</a></li>"; });\n      $("#list").html(h); }});\n});\n</script>')
        main.pages["/fgw/ndbg/index.html"] = Page(html("政府信息公开年度报告", (
            f'<div class="tit">政府信息公开年度报告</div><ul id="list"></ul>{script}'), nav))

        def listing(query: dict) -> Page:
            callback = query.get("callback", [""])[0]
            if not callback.replace("_", "").isalnum():   # as a JSONP endpoint: no callback, no answer
                return Page(b'{"error": "callback required"}', "application/json", 400)
            answer = json.dumps({"total": len(items), "list": items}, ensure_ascii=False)
            return Page(f"{callback}({answer});".encode(), "application/javascript;charset=UTF-8")
        main.dynamic["/fgw/api/list"] = listing

    def _finance(self) -> None:
        """财政: a 年度报告 column whose links keep their address in ``data-url``, opened by a click handler."""
        main, name = self.main, "北川市财政局"
        nav = self._department("czj", name, "/czj/ndbg/index.html", "年度报告", "政府信息公开年度报告")
        entries = [(f"/czj/art/{year}/{8842 + year}.html", self._report(f"/czj/art/{year}/{8842 + year}.html",
                                                                         name, year, nav)) for year in range(2023, 2019, -1)]
        for path, title in (("/czj/art/2024/90.html", f"{name}2023年法治政府建设年度报告"),
                            ("/czj/art/2024/91.html", "北川市2023年财政统计年报")):
            self._noise(path, title, nav)
            entries.append((path, title))
        items = "".join(f'<li><a href="javascript:;" data-url="{path}">{escape(title)}</a></li>' for path, title in entries)
        script = ("<script>$(document).on('click', '[data-url]', function () {"
                  " window.open($(this).data('url')); });</script>")
        main.pages["/czj/ndbg/index.html"] = Page(html("政府信息公开年度报告", (
            f'<div class="tit">政府信息公开年度报告</div><ul class="list">{items}</ul>{script}'), nav))

    def _labour(self) -> None:
        """人社: a 信息公开目录 drawn by zTree, its branches asked with ``channelId``, ``lv`` and ``siteId``."""
        main, name = self.main, "北川市人力资源和社会保障局"
        nav = self._department("rsj", name, "/rsj/xxgk/index.html", "信息公开目录", "信息公开目录")
        script = ('<script>\nvar setting = {async: {enable: true, url: "/rsj/xxgk/tree.do",'
                  ' autoParam: ["id=channelId", "level=lv"], otherParam: {"siteId": "rsj"}},\n'
                  '  callback: {onClick: function (e, id, node) { if (node.url) { $("#main").attr("src", node.url); } }}};\n'
                  '$(function () { $.fn.zTree.init($("#tree"), setting); });\n</script>')
        main.pages["/rsj/xxgk/index.html"] = Page(html(f"{name}信息公开目录", (
            f'<ul id="tree" class="ztree"></ul><iframe id="main" src="/rsj/xxgk/guide.html"></iframe>{script}'), nav))
        self._noise("/rsj/xxgk/guide.html", "信息公开指南", nav)
        roots = [{"id": "5", "name": "法定主动公开内容", "isParent": True}]
        children = [{"id": "51", "name": "机构职能", "isParent": False, "url": "/rsj/xxgk/list.do?channelId=51"},
                    {"id": "52", "name": "政府信息公开年报", "isParent": False, "url": "/rsj/xxgk/list.do?channelId=52"}]

        def tree(query: dict) -> Page:
            # as a real platform: an answer without the channel it knows is the roots
            branch = query.get("channelId", [""])[0] if query.get("siteId") == ["rsj"] else ""
            nodes = children if branch == "5" else [] if branch else roots
            return Page(json.dumps(nodes, ensure_ascii=False).encode(), JSON)
        main.dynamic["/rsj/xxgk/tree.do"] = tree
        rows = [f'<li><a href="/rsj/art/{500 + year}.html">{escape(self._report(f"/rsj/art/{500 + year}.html", name, year, nav))}'
                f'</a></li>' for year in range(2023, 2020, -1)]
        self._noise("/rsj/art/600.html", "北川市2023年人力资源和社会保障统计年报", nav)
        rows.append('<li><a href="/rsj/art/600.html">北川市2023年人力资源和社会保障统计年报</a></li>')

        def listing(query: dict) -> Page:
            if query.get("channelId") != ["52"]:
                return Page(html("机构职能", "<p>职能。</p>", nav))
            return Page(html("政府信息公开年报", f'<div class="tit">政府信息公开年报</div><ul>{"".join(rows)}</ul>', nav))
        main.dynamic["/rsj/xxgk/list.do"] = listing

    def _health(self) -> None:
        """卫健: a 年度报告 column of items carrying only an id (``data-id``), the address built by a click handler."""
        main, name = self.main, "北川市卫生健康委员会"
        nav = self._department("wjw", name, "/wjw/ndbg/index.html", "年度报告", "政府信息公开年度报告")
        entries = [(3300 + year, self._report(f"/wjw/art/{3300 + year}.html", name, year, nav))
                   for year in range(2023, 2020, -1)]
        self._noise("/wjw/art/3400.html", f"{name}2023年度工作总结", nav)
        entries.append((3400, f"{name}2023年度工作总结"))
        items = "".join(f'<li class="item" data-id="{key}"><span class="t">{escape(title)}</span></li>'
                        for key, title in entries)
        script = ("<script>$(document).on('click', '.list .item', function () {"
                  " location.href = '/wjw/art/' + $(this).data('id') + '.html'; });</script>")
        main.pages["/wjw/ndbg/index.html"] = Page(html("政府信息公开年度报告", (
            f'<div class="tit">政府信息公开年度报告</div><ul class="list">{items}</ul>{script}'), nav))

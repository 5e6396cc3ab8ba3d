"""A tenth municipal portal, 西山市, on one host, built from ways into a list that classic portals use and no
other fixture has: for crawls over real HTTP. Each department is another family:

- the city's 政府信息公开年报 column (``/xxgk/ndbg/index.html``): a kkpager configured in a script
  (``kkpager.generPageHtml({pno: 1, total: 3, totalRecords: 6, hrefFormer: 'index', hrefLatter: '.html',
  getLink: …})``), its pages ``index_2.html`` …, no page link in the HTML;
- 发改 (``/fgw/``): a layui laypage (``laypage.render({elem: 'page', count: 6, limit: 2, jump: function (obj,
  first) { if (!first) location.href = 'list_' + obj.curr + '.html'; }})``);
- 教育 (``/jyj/``): a JSP CMS writing ``;jsessionid=…`` on every link of every page (a new one each answer, as
  for a client it cannot give a cookie), its pager links cache-busted too (``&_=1701234567890``);
- 民政 (``/mzj/``): the column's list is a fragment loaded by jQuery (``$('#list').load('/mzj/ndbg/list.html
  #content')``);
- 财政 (``/czj/``): the column's list is HTML kept in a ``<script type="text/template">`` that the page draws;
- 卫健 (``/wjw/``): the column's list is a script's data (``var listData = [{"title": …, "url": …}]``) drawn by
  a loop;
- 住建 (``/zjj/``): an old frameset (``<frame src="top.html">``, ``<frame name="main" src="main.html">``, a
  ``<noframes>`` body), its column opened into the main frame (``target="main"``), paged by a ``<select
  onchange="location.href=this.value">``;
- 交通 (``/jtj/``): a list whose only pager is a jump box (``<input id="jump">`` and a GO link building
  ``'list_' + document.getElementById('jump').value + '.html'``) with the total written as 共3页;
- 水利 (``/slj/``): a jqPaginator (``totalPages: 3``) whose ``onPageChange`` calls ``loadList(n)``, a ``$.get`` of
  the list's HTML fragment ``'/slj/ndbg/list_' + n + '.html'``: page 1 too is only loaded by the script;
- 农业 (``/nyj/``): no pager plugin: 上一页/下一页 buttons call the page's ``load(page + 1)``, a ``$.get`` of
  ``'/nyj/ndbg/list_' + p + '.html'``, up to ``var pageCount = 3``; the page itself holds page 1;
- noise: a 法治政府建设年度报告, a 部门预算, a 统计年报, a 工作总结, and news on 企业年报.
"""

from __future__ import annotations

import itertools
import json
from html import escape

from tests.crawler.portal import Host, Look, OneHost, Page

CITY = "西山市人民政府"
NAV = '<a href="/">首页</a><a href="/xwzx/index.html">新闻中心</a><a href="/xxgk/index.html">政府信息公开</a>'
DEPARTMENTS = (("fgw", "西山市发展和改革委员会"), ("jyj", "西山市教育局"), ("mzj", "西山市民政局"), ("czj", "西山市财政局"),
               ("wjw", "西山市卫生健康委员会"), ("zjj", "西山市住房和城乡建设局"), ("jtj", "西山市交通运输局"),
               ("slj", "西山市水利局"), ("nyj", "西山市农业农村局"))

LOOK = Look(NAV, seed=29)
html, article = LOOK.html, LOOK.article


class SessionHost(Host):
    """A host whose JSP CMS takes a path parameter ``;jsessionid=…`` on any address, as servlet containers do."""

    def answer(self, target: str, referer: str | None = None, host: str | None = None,
               cookie: str | None = None) -> Page:
        path, semicolon, rest = target.partition(";jsessionid=")
        query = rest[rest.index("?"):] if "?" in rest else ""
        return super().answer(path + query if semicolon else target, referer, host, cookie)


class PortalJ(OneHost):
    """The host of 西山市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self.main = self.server.host = SessionHost()
        self._sessions = itertools.count(0x8A2F0000)
        self._home()
        self._city()
        self._development()
        self._education()
        self._civil()
        self._finance()
        self._health()
        self._housing()
        self._transport()
        self._water()
        self._agriculture()

    def _report(self, path: str, agency: str, year: int, nav: str | None = None) -> str:
        title = f"{agency}{year}年政府信息公开工作年度报告"
        self.main.pages[path] = Page(article(title, agency, year, nav))
        self.expected[self.base + path] = (agency, year)
        return title

    def _noise(self, path: str, title: str, nav: str | None = None) -> str:
        self.main.pages[path] = Page(html(title, f"<h1>{escape(title)}</h1><p>正文。</p>", nav))
        return title

    def _department(self, code: str, name: str, column: str) -> str:
        """A department's home page (``/<code>/index.html``) linking its column; its navigation bar."""
        nav = f'<a href="/{code}/index.html">首页</a><a href="{column}">政府信息公开年报</a>'
        self.main.pages[f"/{code}/index.html"] = Page(html(name, f'<h1>{name}</h1><a href="{column}">政府信息公开年报</a>', nav))
        return nav

    def _items(self, code: str, name: str, years: range, nav: str, noise: str) -> list[tuple[str, str]]:
        """The department's reports of ``years`` and one noise page, as (path, title)."""
        entries = [(f"/{code}/art/{year}/{100 + year % 100}.html", "") for year in years]
        entries = [(path, self._report(path, name, year, nav)) for (path, _), year in zip(entries, years)]
        path = f"/{code}/art/2024/900.html"
        return entries + [(path, self._noise(path, noise, nav))]

    @staticmethod
    def _list(entries: list[tuple[str, str]]) -> str:
        return "".join(f'<li><a href="{path}" target="_blank">{escape(title)}</a></li>' for path, title in entries)

    def _home(self) -> None:
        main = self.main
        self._noise("/xwzx/2024/11.html", "我市开展2023年度企业年报报送工作")
        self._noise("/xwzx/2024/12.html", "西山市2023年度政务公开工作总结")
        departments = "".join(f'<li><a href="/{code}/index.html">{name}</a></li>' for code, name in DEPARTMENTS)
        main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="news"><div class="hd">新闻中心</div><ul>'
            '<li><a href="/xwzx/2024/11.html">我市开展2023年度企业年报报送工作</a></li>'
            '<li><a href="/xwzx/2024/12.html">西山市2023年度政务公开工作总结</a></li></ul></div>'
            f'<div class="bm"><div class="hd">部门网站</div><ul>{departments}</ul></div>')))
        main.pages["/xwzx/index.html"] = Page(html("新闻中心", '<a href="/xwzx/2024/11.html">企业年报报送</a>'))
        main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul class="lm"><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li>'
            '<li><a href="/xxgk/fzzf/index.html">法治政府建设</a></li></ul>')))
        main.pages["/xxgk/fzzf/index.html"] = Page(html("法治政府建设", (
            '<ul><li><a href="/xxgk/fzzf/2024.html">西山市2023年法治政府建设年度报告</a></li></ul>')))
        self._noise("/xxgk/fzzf/2024.html", "西山市2023年法治政府建设年度报告")

    def _city(self) -> None:
        """The city's column: three pages whose pager is a kkpager the script configures."""
        entries = self._items("xxgk", CITY, range(2023, 2018, -1), NAV, "西山市2023年国民经济和社会发展统计年报")
        pages = _two_a_page(entries)
        for n, listed in enumerate(pages, 1):
            script = ("<script>\n$(function () {\n  kkpager.generPageHtml({\n"
                      f"    pno: {n}, total: {len(pages)}, totalRecords: {len(entries)},\n"
                      "    hrefFormer: 'index', hrefLatter: '.html',\n"
                      "    getLink: function (n) { if (n == 1) { return this.hrefFormer + this.hrefLatter; }\n"
                      "      return this.hrefFormer + '_' + n + this.hrefLatter; }\n  });\n});\n</script>")
            name = "index.html" if n == 1 else f"index_{n}.html"
            self.main.pages[f"/xxgk/ndbg/{name}"] = Page(html("政府信息公开年报", (
                f'<div class="tit">政府信息公开年报</div><ul class="list">{self._list(listed)}</ul>'
                f'<div id="kkpager"></div>{script}')))

    def _development(self) -> None:
        """发改: three pages paged by a layui laypage whose ``jump`` sends the browser to ``list_<n>.html``."""
        code, name = DEPARTMENTS[0]
        nav = self._department(code, name, f"/{code}/ndbg/list_1.html")
        entries = self._items(code, name, range(2023, 2018, -1), nav, f"{name}2024年部门预算")
        for n in range(1, 4):
            script = ("<script>\nlayui.use('laypage', function () {\n  var laypage = layui.laypage;\n"
                      f"  laypage.render({{elem: 'page', count: {len(entries)}, limit: 2, curr: {n},\n"
                      "    jump: function (obj, first) { if (!first) { location.href = 'list_' + obj.curr + '.html'; } }\n"
                      "  });\n});\n</script>")
            self.main.pages[f"/{code}/ndbg/list_{n}.html"] = Page(html("政府信息公开年报", (
                f'<div class="tit">政府信息公开年报</div><ul class="list">{self._list(entries[2 * n - 2:2 * n])}</ul>'
                f'<div id="page"></div>{script}'), nav))

    def _education(self) -> None:
        """教育: a JSP CMS writing a new ``;jsessionid=`` on every link of every answer, its pager cache-busted."""
        code, name = DEPARTMENTS[1]
        entries = self._items(code, name, range(2023, 2019, -1), "", f"{name}2023年度工作总结")
        pages = _two_a_page(entries)

        def session() -> str:
            return f";jsessionid={next(self._sessions):X}5C1E0D3B7A9F2E41"

        def home(query: dict) -> Page:
            sid = session()
            latest = "".join(f'<li><a href="{path}{sid}">{escape(title)}</a></li>' for path, title in entries[:2])
            return Page(html(name, (f'<h1>{name}</h1><div class="hd">最新公开</div><ul>{latest}</ul>'
                                    f'<a href="/{code}/ndbg/list.jsp{sid}?page=1">政府信息公开年报</a>'),
                             f'<a href="/{code}/index.jsp{sid}">首页</a>'))

        def listing(query: dict) -> Page:
            sid, n = session(), query.get("page", ["1"])[0]
            n = max(1, min(int(n) if n.isdigit() else 1, len(pages)))
            links = "".join(f'<li><a href="{path}{sid}">{escape(title)}</a></li>' for path, title in pages[n - 1])
            pager = "".join(f'<a href="/{code}/ndbg/list.jsp{sid}?page={k}&amp;_=17012345{next(self._sessions) % 100000:05d}">'
                            f'{k}</a>' for k in range(1, len(pages) + 1))
            return Page(html("政府信息公开年报", (f'<div class="tit">政府信息公开年报</div><ul>{links}</ul>'
                                             f'<div class="page">{pager}</div>'), f'<a href="/{code}/index.jsp{sid}">首页</a>'))
        self.main.dynamic[f"/{code}/index.jsp"] = home
        self.main.dynamic[f"/{code}/ndbg/list.jsp"] = listing
        self.main.pages[f"/{code}/index.html"] = Page(b"", status=302, location=f"/{code}/index.jsp")

    def _civil(self) -> None:
        """民政: the column's list is a fragment of another page, loaded by jQuery's ``.load(url + ' #content')``."""
        code, name = DEPARTMENTS[2]
        nav = self._department(code, name, f"/{code}/ndbg/index.html")
        entries = self._items(code, name, range(2023, 2020, -1), nav, f"{name}2023年度工作总结")
        script = f"<script>\n$(function () {{ $('#list').load('/{code}/ndbg/list.html #content'); }});\n</script>"
        self._column_page(code, nav, f'<div id="list"></div>{script}')
        self.main.pages[f"/{code}/ndbg/list.html"] = Page(html("列表", (
            f'<div id="content"><ul class="list">{self._list(entries)}</ul></div>'), nav))

    def _finance(self) -> None:
        """财政: the column's list is HTML kept in a ``<script type="text/template">`` the page draws."""
        code, name = DEPARTMENTS[3]
        nav = self._department(code, name, f"/{code}/ndbg/index.html")
        entries = self._items(code, name, range(2023, 2020, -1), nav, f"{name}2024年部门预算")
        self._column_page(code, nav, (
            '<div id="list"></div>'
            f'<script type="text/template" id="list-tpl"><ul class="list">{self._list(entries)}</ul></script>'
            "<script>$('#list').html($('#list-tpl').html());</script>"))

    def _health(self) -> None:
        """卫健: the column's list is a script's data (``var listData = [{"title", "url"}]``) drawn by a loop."""
        code, name = DEPARTMENTS[4]
        nav = self._department(code, name, f"/{code}/ndbg/index.html")
        entries = self._items(code, name, range(2023, 2020, -1), nav, "西山市2023年卫生健康统计年报")
        data = json.dumps([{"title": title, "url": path, "date": "2024-01-20"} for path, title in entries],
                          ensure_ascii=False)
        script = (f"<script>\nvar listData = {data};\nvar h = '';\n"
                  "for (var i = 0; i < listData.length; i++) {\n"
                  "  h += '<li><a href=\"' + listData[i].url + '\">' + listData[i].title + '</a></li>';\n}\n"
                  "document.getElementById('list').innerHTML = h;\n</script>")
        self._column_page(code, nav, f'<ul id="list"></ul>{script}')

    def _housing(self) -> None:
        """住建: a frameset; its column opened into the main frame, paged by a ``<select>``."""
        code, name = DEPARTMENTS[5]
        entries = self._items(code, name, range(2023, 2019, -1), "", f"{name}2023年度工作总结")
        main = self.main
        main.pages[f"/{code}/index.html"] = Page((
            f'<html><head><meta charset="utf-8"><title>{name}</title></head>'
            f'<frameset rows="120,*"><frame src="/{code}/top.html" name="top">'
            f'<frame src="/{code}/main.html" name="main"></frameset>'
            '<noframes><body>您的浏览器不支持框架。</body></noframes></html>').encode())
        main.pages[f"/{code}/top.html"] = Page((
            f'<html><head><meta charset="utf-8"><title>{name}</title></head><body><h1>{name}</h1>'
            f'<a href="/{code}/main.html" target="main">首页</a>'
            f'<a href="/{code}/ndbg/list_1.html" target="main">政府信息公开年报</a></body></html>').encode())
        main.pages[f"/{code}/main.html"] = Page(html(name, "<p>欢迎访问。</p>", ""))
        pages = _two_a_page(entries)
        for n, listed in enumerate(pages, 1):
            options = "".join(f'<option value="list_{k}.html"{" selected" if k == n else ""}>第{k}页</option>'
                              for k in range(1, len(pages) + 1))
            main.pages[f"/{code}/ndbg/list_{n}.html"] = Page(html("政府信息公开年报", (
                f'<div class="tit">政府信息公开年报</div><ul>{self._list(listed)}</ul>'
                f'<select onchange="location.href=this.value">{options}</select>'), ""))

    def _transport(self) -> None:
        """交通: a list whose only pager is a jump box, the total written as 共3页."""
        code, name = DEPARTMENTS[6]
        nav = self._department(code, name, f"/{code}/ndbg/list_1.html")
        entries = self._items(code, name, range(2023, 2018, -1), nav, f"{name}2023年法治政府建设年度报告")
        pages = _two_a_page(entries)
        for n, listed in enumerate(pages, 1):
            self.main.pages[f"/{code}/ndbg/list_{n}.html"] = Page(html("政府信息公开年报", (
                f'<div class="tit">政府信息公开年报</div><ul>{self._list(listed)}</ul>'
                f'<div class="page">共{len(pages)}页 当前第{n}页 转到<input id="jump" size="3" />页 '
                "<a href=\"javascript:;\" onclick=\"location.href='list_' + "
                "document.getElementById('jump').value + '.html'\">GO</a></div>"), nav))

    def _water(self) -> None:
        """水利: every page of the list, the first too, an HTML fragment a jqPaginator's callback loads by ajax."""
        code, name = DEPARTMENTS[7]
        nav = self._department(code, name, f"/{code}/ndbg/index.html")
        entries = self._items(code, name, range(2023, 2018, -1), nav, f"{name}2024年部门预算")
        pages = self._fragments(code, entries)
        script = ("<script>\nfunction loadList(num) {\n"
                  f"  $.get('/{code}/ndbg/list_' + num + '.html', function (html) {{ $('#list').html(html); }});\n}}\n"
                  f"$('#p').jqPaginator({{totalPages: {len(pages)}, visiblePages: 5, currentPage: 1,\n"
                  "  onPageChange: function (num, type) { loadList(num); }\n});\n</script>")
        self._column_page(code, nav, f'<div id="list"></div><div id="p"></div>{script}')

    def _agriculture(self) -> None:
        """农业: the list's first page in the page, the others HTML fragments its buttons' function loads by GET."""
        code, name = DEPARTMENTS[8]
        nav = self._department(code, name, f"/{code}/ndbg/index.html")
        entries = self._items(code, name, range(2023, 2018, -1), nav, f"{name}2023年度工作总结")
        pages = self._fragments(code, entries)
        script = (f"<script>\nvar page = 1;\nvar pageCount = {len(pages)};\nfunction load(p) {{\n"
                  "  if (p < 1 || p > pageCount) { return; }\n  page = p;\n"
                  f"  $.get('/{code}/ndbg/list_' + p + '.html', function (html) {{ $('#list').html(html); }});\n}}\n</script>")
        self._column_page(code, nav, (
            f'<div id="list"><ul>{self._list(pages[0])}</ul></div>'
            '<div class="page"><button onclick="load(page - 1)">上一页</button>'
            f'<button onclick="load(page + 1)">下一页</button></div>{script}'))

    def _column_page(self, code: str, nav: str, body: str) -> None:
        """The department's 年报 column (``/<code>/ndbg/index.html``): ``body`` under the column's heading."""
        self.main.pages[f"/{code}/ndbg/index.html"] = Page(html("政府信息公开年报", (
            f'<div class="tit">政府信息公开年报</div>{body}'), nav))

    def _fragments(self, code: str, entries: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
        """The column's list as HTML fragments a script loads (``list_N.html``, two entries each): its pages."""
        pages = _two_a_page(entries)
        for n, listed in enumerate(pages, 1):
            self.main.pages[f"/{code}/ndbg/list_{n}.html"] = Page(f"<ul>{self._list(listed)}</ul>".encode())
        return pages


def _two_a_page(entries: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """A list's entries as its pages, two a page (three pages of the five years and the noise)."""
    return [entries[k:k + 2] for k in range(0, len(entries), 2)]

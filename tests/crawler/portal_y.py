"""A twenty-fifth municipal portal, 北岩市, under host names (``beiyan.gov.cn``) on one server told apart by the Host
header: navigation written by script the way real government sites write it and no other portal serves: the
functions a list's links call live in the site's own script files, not in the page, for crawls over real HTTP. The
names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 and lists the departments' sites and the county's under 部门网站 / 县区;
- the city's 政府信息公开年报 column (``/xxgk/ndbg/index.html``, 2019–2024): each item ``<a href="javascript:goUrl(8842)"
  title="…">``, ``function goUrl(id) { window.open('/xxgk/ndbg/art/' + id + '.html'); }`` in the site's
  ``/js/common.js`` beside ``/js/jquery.min.js``: the page itself defines no function;
- 市发展和改革委员会 (``fgw.``): items ``<a href="javascript:void(0)" onclick="openArticle('8842','2')">`` and a pager
  of ``<a href="javascript:goPage(2)">`` links (共3页), both functions in ``/static/js/list.js``, the article's
  address with the arguments in another order (``'/art/' + type + '/' + id + '.html'``), the pages'
  ``'/xxgk/ndbg/list_' + n + '.html'``;
- 市教育局 (``jyj.``): a JSP list (``/xxgk/list.do?columnId=12``) paged by a form POST: ``<form id="pageForm"
  method="post">`` of hidden fields (``columnId``, ``pageNo``), pager links ``javascript:goPage(2)`` whose function
  sets ``pageNo`` and submits the form; a GET with ``pageNo`` in its query answers page 1;
- 市卫生健康委员会 (``wjw.``): year tabs ``<button data-src="/xxgk/ndbg/2023/list.json">2023</button>``, the tabs'
  script in ``/js/tabs.js`` (``loadList($(this).data('src'))``), each year's list a JSON answer
  (``{"total", "pages", "list": [{"title", "url", "date"}]}``);
- 市民政局 (``mzj.``): a table whose rows are clickable, no anchor (``<tr onclick="viewInfo('345')">``), the
  function in ``/js/xxgk.js`` (``location.href = '/xxgk/ndbg/content_' + id + '.html'``);
- 市财政局 (``czj.``): a list of three pages numbered as TRS numbers them (``/xxgk/ndbg/index.html``,
  ``index_1.html``, ``index_2.html``) whose pager links call ``turnPage(n)``, kept in the site's ``/js/page.js``,
  that writes the address relative to the page and in a ternary (``n == 1 ? 'index.html' : 'index_' + (n - 1) +
  '.html'``); beside it a function opening a sized
  window whose concatenation (``'width=' + w``) is no address;
- 市审计局 (``sjj.``): year tabs ``<a href="javascript:void(0)" onclick="loadYear('/xxgk/ndbg/2023.html')">``
  loading each year's fragment (no ``<html>``, no script) whose items call ``goUrl(id)``: both functions in the
  site's ``/js/sjj.js``, none in the page;
- 市人力资源和社会保障局 (``rsj.``): a list of three pages (``/xxgk/ndbg/list_1.html`` …) whose pager is drawn by an
  inline call ``drawPager(1, 3, 'list_', '.html')`` of the site's ``/js/pager.js`` (the current page first, the
  count, the prefix, the extension), beside a ``tabBar(4, 1)`` whose loop writes ``'tab_' + t``, no address;
- 市住房和城乡建设局 (``zjj.``): a list its page's script asks of ``/api/cms/list.json`` whose items' paths are
  relative to the column (``"url": "2024/art_7524.html"``), the script writing ``location.origin + '/xxgk/ndbg/' +
  item.url``: relative to the answer's URL they are no pages;
- 市交通运输局 (``jtj.``): a JSP list (``/jtgk/ndbg/index.jsp``) three a page whose pager calls ``goPage(r)`` with
  the page's first record (1, 4, 7), the function writing the form's action and submitting it (``form.action =
  'index.jsp?startrow=' + r``, ``<form method="post">`` of ``channelId``): the server answers the later pages to
  that POST only, a GET of them 405;
- 市水务局 (``swj.``): a list of three pages (``/xxgk/ndbg/list_1.html`` …) whose pager calls ``turnPage(n)``, the
  function writing the page's file into its form's action and submitting it (``form.action = 'list_' + n +
  '.html'``, ``<form method="get">`` of ``channelId``): the later pages answer only the query the form sends
  (``list_2.html?channelId=2231``);
- 北岩县 (``byx.``): items ``<a href="javascript:openWin('/zwgk/ndbg/345.html')">``, the address an argument of a
  function that opens a sized window;
- decoys: a 年度工作报告 and a 统计公报 in the city's list, a 部门预算 in 发改委's, a 其他年报 (统计年报) in 教育局's, a
  企业年度报告公示 notice in 卫健委's 2023 answer, a 政务公开工作要点 in 民政局's table, a 部门决算 in the county's,
  a 部门预算 in 财政局's, a 审计工作报告 in 审计局's 2023 fragment, a 统计公报 in 人社局's, a 部门决算 in 住建局's answer,
a 交通运输统计公报 in 交通运输局's.
"""

from __future__ import annotations

import json
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import Host, Page
from tests.crawler.portal_o import OneServerPortal
from tests.crawler.portal_s import LOOK, PortalS
from tests.crawler.portal_u import query_value

DOMAIN = "beiyan.gov.cn"
CITY = "北岩市人民政府"
COUNTY = "北岩县人民政府"
_JS = "application/javascript"
_JQUERY = b"/*! jQuery v3.6.0 | (c) OpenJS Foundation */ window.jQuery = window.$ = function () {};"


def _pager(current: int, count: int, function: str = "goPage") -> str:
    """A pager of ``javascript:goPage(k)`` links (or another function's), the current page unlinked."""
    return "".join(f'<a href="javascript:{function}({k})">{k}</a>' if k != current else f"<b>{k}</b>"
                   for k in range(1, count + 1))


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 北岩市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalY(OneServerPortal):
    """The hosts of 北岩市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.fgw, self.jyj, self.wjw, self.mzj, self.czj, self.sjj, self.rsj, self.zjj, self.jtj, \
            self.swj, self.county = (Host() for _ in range(12))
        self.serve({"www": self.www, "fgw": self.fgw, "jyj": self.jyj, "wjw": self.wjw, "mzj": self.mzj,
                    "czj": self.czj, "sjj": self.sjj, "rsj": self.rsj, "zjj": self.zjj, "jtj": self.jtj,
                    "swj": self.swj, "byx": self.county})
        self.base = self.url("www", "/")
        self.home(LOOK, CITY, "/xxgk/index.html", county=("byx", "北岩县"), departments=[
            ("fgw", "/", "市发展和改革委员会"), ("jyj", "/", "市教育局"), ("wjw", "/", "市卫生健康委员会"),
            ("mzj", "/", "市民政局"), ("czj", "/", "市财政局"), ("sjj", "/", "市审计局"),
            ("rsj", "/", "市人力资源和社会保障局"), ("zjj", "/", "市住房和城乡建设局"), ("jtj", "/", "市交通运输局"),
            ("swj", "/", "市水务局")])
        self.www.pages["/xxgk/index.html"] = Page(LOOK.html(f"{CITY}政府信息公开", (
            '<ul class="ml"><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li>'
            '<li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))
        self._city()
        self._external_pager()
        self._posted_pager()
        self._year_tabs()
        self._row_handlers()
        self._relative_pager()
        self._loaded_fragments()
        self._drawn_pager()
        self._relative_answer()
        self._action_pager()
        self._get_action_pager()
        self._sized_window()

    _report, _noise = PortalS._report, staticmethod(PortalS._noise)

    @staticmethod
    def _entry(host: Host, agency: str, column: str) -> None:
        host.pages["/"] = Page(LOOK.html(agency, f'<a href="{column}">政府信息公开年报</a>'))

    def _city(self) -> None:
        """The city's column: ``javascript:goUrl(id)`` links, the function in the site's common.js."""
        items = []
        for year in range(2024, 2018, -1):
            key = 8800 + year
            items.append((key, self._report(self.www, "www", f"/xxgk/ndbg/art/{key}.html", CITY, year)))
        for at, key, title in ((1, 9901, f"{CITY}2023年度工作报告"), (4, 9902, "北岩市2023年国民经济和社会发展统计公报")):
            items.insert(at, (key, self._noise(self.www, f"/xxgk/ndbg/art/{key}.html", title)))
        rows = "".join(f'<li><a href="javascript:goUrl({key})" title="{escape(title)}">{escape(title)}</a>'
                       f"<span>2024-01-18</span></li>" for key, title in items)
        self.www.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{CITY}", (
            f'<script src="/js/jquery.min.js"></script><script src="/js/common.js"></script>'
            f'<ul class="list">{rows}</ul>')))
        self.www.pages["/js/jquery.min.js"] = Page(_JQUERY, _JS)
        self.www.pages["/js/common.js"] = Page((
            "function addFavorite(url, title) { try { window.external.addFavorite(url, title); } catch (e) {} }\n"
            "function goUrl(id) {\n  window.open('/xxgk/ndbg/art/' + id + '.html');\n}\n").encode(), _JS)

    def _external_pager(self) -> None:
        """发改委: ``openArticle(id, type)`` items and a ``goPage(n)`` pager, both functions in the site's list.js."""
        agency = "北岩市发展和改革委员会"
        items = [(str(3100 + year), self._report(self.fgw, "fgw", f"/art/2/{3100 + year}.html", agency, year))
                 for year in range(2024, 2018, -1)]
        items.insert(2, ("9001", self._noise(self.fgw, "/art/2/9001.html", f"{agency}2024年部门预算")))
        pages = [items[0:3], items[3:6], items[6:]]
        self._entry(self.fgw, agency, "/xxgk/ndbg/list_1.html")
        for n, chunk in enumerate(pages, start=1):
            rows = "".join(f'<li><a href="javascript:void(0)" onclick="openArticle(\'{key}\',\'2\')">'
                           f"{escape(title)}</a><span>2024-01-18</span></li>" for key, title in chunk)
            pager, nxt = _pager(n, len(pages)), f'<a href="javascript:goPage({n + 1})">下一页</a>' if n < len(pages) else ""
            self.fgw.pages[f"/xxgk/ndbg/list_{n}.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
                '<script src="/static/js/jquery.min.js"></script><script src="/static/js/list.js"></script>'
                f'<ul class="list">{rows}</ul><div class="page">共{len(pages)}页 {pager} {nxt}</div>')))
        self.fgw.pages["/static/js/jquery.min.js"] = Page(_JQUERY, _JS)
        self.fgw.pages["/static/js/list.js"] = Page((
            "function openArticle(id, type) {\n  location.href = '/art/' + type + '/' + id + '.html';\n}\n"
            "function goPage(n) {\n  location.href = '/xxgk/ndbg/list_' + n + '.html';\n}\n").encode(), _JS)

    def _posted_pager(self) -> None:
        """教育局: a JSP list paged by a form POST of ``pageNo``; a GET answers page 1 whatever its query."""
        agency = "北岩市教育局"
        items = [(f"/xxgk/info.do?id={5500 + year}",
                  self._report(self.jyj, "jyj", f"/xxgk/info.do?id={5500 + year}", agency, year))
                 for year in range(2024, 2018, -1)]
        items.insert(3, ("/xxgk/info.do?id=9100", self._noise(self.jyj, "/xxgk/info.do?id=9100",
                                                              "北岩市2023年教育事业统计年报")))
        pages = [items[0:3], items[3:6], items[6:]]
        articles = {path.split("=")[1]: self.jyj.pages.pop(path) for path, _ in items}
        self._entry(self.jyj, agency, "/xxgk/list.do?columnId=12")

        def article(query: dict[str, list[str]]) -> Page:
            return articles.get(query_value(query, "id"), Page(b"<h1>404</h1>", status=404))

        def listed(n: int) -> Page:
            rows = "".join(f'<li><a href="{path}" target="_blank">{escape(title)}</a><span>2024-01-18</span></li>'
                           for path, title in pages[n - 1])
            pager = _pager(n, len(pages))
            return Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{rows}</ul>'
                '<form id="pageForm" name="pageForm" method="post" action="/xxgk/list.do">'
                '<input type="hidden" name="columnId" value="12">'
                f'<input type="hidden" id="pageNo" name="pageNo" value="{n}"></form>'
                f'<div class="page">共{len(pages)}页 当前第{n}页 {pager}</div>'
                "<script>function goPage(n) { document.getElementById('pageNo').value = n;"
                " document.getElementById('pageForm').submit(); }</script>")))

        def posted(query: dict[str, list[str]], form: dict[str, list[str]]) -> Page:
            page = query_value(form, "pageNo")
            if query_value(form, "columnId") != "12" or not page.isdigit() or not 1 <= int(page) <= len(pages):
                return Page(b"<h1>404</h1>", status=404)
            return listed(int(page))

        self.jyj.dynamic["/xxgk/list.do"] = lambda query: listed(1) if query_value(query, "columnId") == "12" \
            else Page(b"<h1>404</h1>", status=404)
        self.jyj.posted["/xxgk/list.do"] = posted
        self.jyj.dynamic["/xxgk/info.do"] = article

    def _year_tabs(self) -> None:
        """卫健委: year tabs naming each year's JSON list in ``data-src``, read by the site's tabs.js."""
        agency = "北岩市卫生健康委员会"
        tabs = []
        for year in range(2024, 2018, -1):
            path = f"/xxgk/ndbg/{year}/art_{4400 + year}.html"
            listed = [{"title": self._report(self.wjw, "wjw", path, agency, year), "url": path,
                       "date": f"{year + 1}-01-18"}]
            if year == 2023:
                notice = "/xxgk/ndbg/2023/art_9300.html"
                listed.append({"title": self._noise(self.wjw, notice, "关于开展2023年度企业年度报告公示工作的通知"),
                               "url": notice, "date": "2024-03-01"})
            answer = {"total": len(listed), "pages": 1, "list": listed}
            self.wjw.pages[f"/xxgk/ndbg/{year}/list.json"] = Page(json.dumps(answer, ensure_ascii=False).encode(),
                                                                  "application/json; charset=utf-8")
            tabs.append(f'<button class="tab" data-src="/xxgk/ndbg/{year}/list.json">{year}年</button>')
        self._entry(self.wjw, agency, "/xxgk/ndbg/index.html")
        self.wjw.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            f'<div class="tabs">{"".join(tabs)}</div><ul class="list" id="list"></ul>'
            '<script src="/js/jquery.min.js"></script><script src="/js/tabs.js"></script>')))
        self.wjw.pages["/js/jquery.min.js"] = Page(_JQUERY, _JS)
        self.wjw.pages["/js/tabs.js"] = Page((
            "$(function () {\n  $('.tabs .tab').on('click', function () { loadList($(this).data('src')); });\n"
            "  $('.tabs .tab').first().click();\n});\n"
            "function loadList(src) {\n  $.getJSON(src, function (d) {\n    $('#list').html(d.list.map(function (i) {\n"
            "      return '<li><a href=\"' + i.url + '\">' + i.title + '</a><span>' + i.date + '</span></li>';\n"
            "    }).join(''));\n  });\n}\n").encode(), _JS)

    def _row_handlers(self) -> None:
        """民政局: a table of clickable rows, no anchor; the rows' function in the site's xxgk.js."""
        agency = "北岩市民政局"
        rows = [(str(6600 + year), self._report(self.mzj, "mzj", f"/xxgk/ndbg/content_{6600 + year}.html", agency,
                                                year)) for year in range(2024, 2018, -1)]
        rows.insert(1, ("9400", self._noise(self.mzj, "/xxgk/ndbg/content_9400.html", "北岩市民政局2024年政务公开工作要点")))
        table = "".join(f'<tr onclick="viewInfo(\'{key}\')" style="cursor:pointer"><td>{k + 1}</td>'
                        f"<td>{escape(title)}</td><td>2024-01-18</td></tr>" for k, (key, title) in enumerate(rows))
        self._entry(self.mzj, agency, "/xxgk/ndbg/index.html")
        self.mzj.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            '<script src="/js/xxgk.js"></script>'
            f'<table class="list"><tr><th>序号</th><th>标题</th><th>发布日期</th></tr>{table}</table>')))
        self.mzj.pages["/js/xxgk.js"] = Page(
            b"function viewInfo(id) {\n  location.href = '/xxgk/ndbg/content_' + id + '.html';\n}\n", _JS)

    def _relative_pager(self) -> None:
        """财政局: a ``turnPage(n)`` pager whose function, in the site's page.js, writes a relative address in a
        ternary."""
        agency = "北岩市财政局"
        items = [(f"/xxgk/ndbg/art_{7700 + year}.html",
                  self._report(self.czj, "czj", f"/xxgk/ndbg/art_{7700 + year}.html", agency, year))
                 for year in range(2024, 2018, -1)]
        items.insert(4, ("/xxgk/ndbg/art_9601.html", self._noise(self.czj, "/xxgk/ndbg/art_9601.html",
                                                                 f"{agency}2024年部门预算")))
        pages = [items[0:3], items[3:5], items[5:]]
        self._entry(self.czj, agency, "/xxgk/ndbg/index.html")
        for n, chunk in enumerate(pages, start=1):
            rows = "".join(f'<li><a href="{path}" target="_blank">{escape(title)}</a><span>2024-01-18</span></li>'
                           for path, title in chunk)
            pager = _pager(n, len(pages), "turnPage")
            self.czj.pages["/xxgk/ndbg/index.html" if n == 1 else f"/xxgk/ndbg/index_{n - 1}.html"] = Page(LOOK.html(
                f"政府信息公开年报-{agency}", (
                    '<script src="/js/page.js"></script>'
                    f'<ul class="list">{rows}</ul><div class="page">共{len(pages)}页 {pager}</div>'
                    '<a href="javascript:openWin(800, 600)">打印本页</a>')))
        self.czj.pages["/js/page.js"] = Page((
            "function openWin(w, h) { window.open('about:blank', '_blank', 'width=' + w + ',height=' + h); }\n"
            "function turnPage(n) {\n  location.href = n == 1 ? 'index.html' : 'index_' + (n - 1) + '.html';\n}\n"
        ).encode(), _JS)

    def _loaded_fragments(self) -> None:
        """审计局: year tabs loading fragments whose items call ``goUrl(id)``, both functions in the site's sjj.js."""
        agency = "北岩市审计局"
        tabs = []
        for year in range(2024, 2018, -1):
            items = [(2200 + year, self._report(self.sjj, "sjj", f"/xxgk/ndbg/art/{2200 + year}.html", agency, year))]
            if year == 2023:
                items.append((9701, self._noise(self.sjj, "/xxgk/ndbg/art/9701.html",
                                                "关于北岩市2023年度市级预算执行和其他财政收支的审计工作报告")))
            self.sjj.pages[f"/xxgk/ndbg/{year}.html"] = Page("".join(
                f'<li><a href="javascript:goUrl({key})">{escape(title)}</a><span>{year + 1}-01-18</span></li>'
                for key, title in items).encode())
            tabs.append(f'<a href="javascript:void(0)" onclick="loadYear(\'/xxgk/ndbg/{year}.html\')">{year}年</a>')
        self._entry(self.sjj, agency, "/xxgk/ndbg/index.html")
        self.sjj.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            f'<div class="tabs">{"".join(tabs)}</div><ul class="list" id="list"></ul>'
            '<script src="/js/jquery.min.js"></script><script src="/js/sjj.js"></script>')))
        self.sjj.pages["/js/jquery.min.js"] = Page(_JQUERY, _JS)
        self.sjj.pages["/js/sjj.js"] = Page((
            "function loadYear(url) {\n  $('#list').load(url);\n}\n"
            "function goUrl(id) {\n  window.open('/xxgk/ndbg/art/' + id + '.html');\n}\n").encode(), _JS)

    def _drawn_pager(self) -> None:
        """人社局: a pager drawn by ``drawPager(cur, total, prefix, ext)`` of the site's pager.js, called inline."""
        agency = "北岩市人力资源和社会保障局"
        items = [(f"/xxgk/ndbg/art_{3300 + year}.html",
                  self._report(self.rsj, "rsj", f"/xxgk/ndbg/art_{3300 + year}.html", agency, year))
                 for year in range(2024, 2018, -1)]
        items.insert(3, ("/xxgk/ndbg/art_9801.html", self._noise(self.rsj, "/xxgk/ndbg/art_9801.html",
                                                                 "北岩市2023年度人力资源和社会保障事业发展统计公报")))
        pages = [items[0:2], items[2:5], items[5:]]
        self._entry(self.rsj, agency, "/xxgk/ndbg/list_1.html")
        for n, chunk in enumerate(pages, start=1):
            rows = "".join(f'<li><a href="{path}" target="_blank">{escape(title)}</a><span>2024-01-18</span></li>'
                           for path, title in chunk)
            self.rsj.pages[f"/xxgk/ndbg/list_{n}.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
                '<script src="/js/pager.js"></script>'
                f'<ul class="list">{rows}</ul><div class="tabs" id="tabs"></div><div class="page" id="pager"></div>'
                f"<script>tabBar(4, 1); drawPager({n}, {len(pages)}, 'list_', '.html');</script>")))
        self.rsj.pages["/js/pager.js"] = Page((
            "function tabBar(count, active) {\n  for (var t = 1; t <= count; t++) {\n"
            "    document.getElementById('tab_' + t).className = t == active ? 'on' : '';\n  }\n}\n"
            "function drawPager(cur, total, prefix, ext) {\n  var html = '<span>共' + total + '页</span>';\n"
            "  for (var i = 1; i <= total; i++) {\n    if (i == cur) html += '<b>' + i + '</b>';\n"
            "    else html += '<a href=\"' + prefix + i + ext + '\">' + i + '</a>';\n  }\n"
            "  document.getElementById('pager').innerHTML = html;\n}\n").encode(), _JS)

    def _relative_answer(self) -> None:
        """住建局: a JSON list whose items' paths are relative to the column, the page's script joining them with
        ``location.origin + '/xxgk/ndbg/'``."""
        agency = "北岩市住房和城乡建设局"
        listed = [{"title": self._report(self.zjj, "zjj", f"/xxgk/ndbg/{year}/art_{5500 + year}.html", agency, year),
                   "url": f"{year}/art_{5500 + year}.html", "date": f"{year + 1}-01-18"} for year in range(2024, 2018, -1)]
        listed.insert(2, {"title": self._noise(self.zjj, "/xxgk/ndbg/2023/art_9901.html", f"{agency}2023年部门决算"),
                          "url": "2023/art_9901.html", "date": "2024-08-01"})
        answer = json.dumps({"total": len(listed), "data": listed}, ensure_ascii=False).encode()
        self._entry(self.zjj, agency, "/xxgk/ndbg/index.html")
        self.zjj.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            '<ul class="list" id="list"></ul><script src="/js/jquery.min.js"></script>'
            "<script>$(function () {\n  $.getJSON('/api/cms/list.json', {channelId: 12, pageNo: 1}, function (res) {\n"
            "    $('#list').html(res.data.map(function (item) {\n"
            "      return '<li><a href=\"' + location.origin + '/xxgk/ndbg/' + item.url + '\">' + item.title + '</a></li>';\n"
            "    }).join(''));\n  });\n});</script>")))
        self.zjj.pages["/js/jquery.min.js"] = Page(_JQUERY, _JS)
        self.zjj.dynamic["/api/cms/list.json"] = lambda query: Page(answer, "application/json; charset=utf-8")

    def _action_pager(self) -> None:
        """交通运输局: a JSP list whose pager writes the page's first record into its form's action and posts the
        form; its later pages answer that POST only."""
        agency, per_page = "北岩市交通运输局", 3
        items = [(f"/jtgk/ndbg/art/{6600 + year}.html",
                  self._report(self.jtj, "jtj", f"/jtgk/ndbg/art/{6600 + year}.html", agency, year))
                 for year in range(2024, 2018, -1)]
        items.insert(4, ("/jtgk/ndbg/art/9701.html",
                         self._noise(self.jtj, "/jtgk/ndbg/art/9701.html", "北岩市2023年交通运输统计公报")))
        starts = range(1, len(items) + 1, per_page)
        self._entry(self.jtj, agency, "/jtgk/ndbg/index.jsp")

        def listed(start: int) -> Page:
            rows = "".join(f'<li><a href="{path}">{escape(title)}</a><span>2024-01-18</span></li>'
                           for path, title in items[start - 1:start - 1 + per_page])
            numbers = "".join(f'<a href="javascript:goPage({r})">{k}</a>' if r != start else f"<b>{k}</b>"
                              for k, r in enumerate(starts, start=1))
            return Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{rows}</ul>'
                '<form name="pageForm" method="post" action="index.jsp">'
                '<input type="hidden" name="channelId" value="1024"></form>'
                f'<div class="page">共{len(starts)}页 <a href="javascript:goPage(1)">首页</a>{numbers}'
                f'<a href="javascript:goPage({starts[-1]})">尾页</a></div>'
                "<script>function goPage(r) { var form = document.pageForm;"
                " form.action = 'index.jsp?startrow=' + r; form.submit(); }</script>")))

        def posted(query: dict[str, list[str]], form: dict[str, list[str]]) -> Page:
            start = query_value(query, "startrow")
            if query_value(form, "channelId") != "1024" or not start.isdigit() or int(start) not in starts:
                return Page(b"<h1>404</h1>", status=404)
            return listed(int(start))

        self.jtj.dynamic["/jtgk/ndbg/index.jsp"] = lambda query: Page(b"<h1>405</h1>", status=405) if query \
            else listed(1)
        self.jtj.posted["/jtgk/ndbg/index.jsp"] = posted

    def _get_action_pager(self) -> None:
        """水务局: a list whose pager writes the page's file into its form's action and sends the form by GET; its
        later pages answer the form's query only."""
        agency, per_page, pages = "北岩市水务局", 2, 3
        items = [(f"/xxgk/ndbg/art/{7700 + year}.html",
                  self._report(self.swj, "swj", f"/xxgk/ndbg/art/{7700 + year}.html", agency, year))
                 for year in range(2024, 2019, -1)]
        items.insert(3, ("/xxgk/ndbg/art/9801.html", self._noise(self.swj, "/xxgk/ndbg/art/9801.html",
                                                                  "北岩市2023年水资源公报")))
        self._entry(self.swj, agency, "/xxgk/ndbg/list_1.html")

        def listed(n: int, query: dict[str, list[str]]) -> Page:
            if n > 1 and query_value(query, "channelId") != "2231":
                return Page(b"<h1>404</h1>", status=404)
            rows = "".join(f'<li><a href="{path}">{escape(title)}</a><span>2024-01-18</span></li>'
                           for path, title in items[(n - 1) * per_page:n * per_page])
            return Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{rows}</ul>'
                '<form name="pageForm" id="pageForm" method="get" action="list_1.html">'
                '<input type="hidden" name="channelId" value="2231"></form>'
                f'<div class="page">共{pages}页 <a href="javascript:turnPage(1)">首页</a>{_pager(n, pages, "turnPage")}'
                f'<a href="javascript:turnPage({pages})">尾页</a></div>'
                "<script>function turnPage(n) { var form = document.getElementById('pageForm');"
                " form.action = 'list_' + n + '.html'; form.submit(); }</script>")))

        for n in range(1, pages + 1):
            self.swj.dynamic[f"/xxgk/ndbg/list_{n}.html"] = lambda query, n=n: listed(n, query)

    def _sized_window(self) -> None:
        """北岩县: ``javascript:openWin('…')`` links, the address the argument of a function opening a window."""
        agency = COUNTY
        items = [(f"/zwgk/ndbg/{4400 + year}.html",
                  self._report(self.county, "byx", f"/zwgk/ndbg/{4400 + year}.html", agency, year))
                 for year in range(2024, 2018, -1)]
        items.insert(2, ("/zwgk/ndbg/9501.html", self._noise(self.county, "/zwgk/ndbg/9501.html", "北岩县2023年度部门决算")))
        rows = "".join(f"<li><a href=\"javascript:openWin('{path}', 800, 600)\">{escape(title)}</a></li>"
                       for path, title in items)
        self._entry(self.county, agency, "/zwgk/ndbg/index.html")
        self.county.pages["/zwgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            f'<ul class="list">{rows}</ul><script>function openWin(url, w, h) {{ window.open(url, "_blank",'
            ' "width=" + w + ",height=" + h + ",scrollbars=yes"); }</script>')))

"""A ninth municipal portal, 白水市, whose reports only its own search lists, and whose search is drawn by a
script: for crawls over real HTTP.

- the city's 政府信息公开年报 column (``/zwgk/ndbg/index.html``) is an empty ``<div id="app">`` filled by a
  bundle that asks a signed API, which refuses anyone without the signature (as portal_f's);
- the home page's search box (a GET form, ``/search/index.html?q=``) opens a page that holds only a result
  template and a script: it reads the words from its own address and asks a JSON API for them (``$.ajax({url:
  "/search/api", data: {q: q, page: page, size: 3}})``), draws the answer's results (title, url) and a pager of
  ``javascript:goPage(2)`` links; the API matches every word of the query, three results a page, and lists
  noise too (a 年报 解读, an 编制 notice) and the reports of the city's 教育局 (``/jyj/``, linked nowhere).
"""

from __future__ import annotations

import json

from tests.crawler.portal import Host, HostServer, Look, Page
from tests.crawler.portal_f import SIGNED_BUNDLE, matches

CITY = "白水市人民政府"
YEARS = range(2023, 2018, -1)
PER_PAGE = 3
NAV = '<a href="/">首页</a><a href="/zwgk/index.html">政府信息公开</a>'
SEARCH_PAGE = """<div class="search-result"><div id="list"></div><div id="pager"></div></div>
<script type="text/html" id="tpl"><li><a href="{{url}}" target="_blank">{{title}}</a><span>{{date}}</span></li></script>
<script>
function getQueryString(name) { var m = location.search.match(new RegExp("[?&]" + name + "=([^&]*)"));
  return m ? decodeURIComponent(m[1]) : ""; }
var q = getQueryString("q");
function search(page) {
  $.ajax({type: "GET", url: "/search/api", dataType: "json", data: {q: q, page: page, size: 3},
    success: function (r) { render(r.data.list); pager(r.data.total, page); }});
}
function goPage(n) { search(n); }
search(1);
</script>"""

LOOK = Look(NAV, seed=23)
html, article = LOOK.html, LOOK.article


class PortalI:
    """The host of 白水市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        self.main = Host()
        self.servers = [HostServer("127.0.0.1", self.main)]
        self.base = self.servers[0].base
        self.expected: dict[str, tuple[str, int]] = {}
        self.indexed: list[tuple[str, str]] = []   # the search's index: (path, title)
        self._home()
        self._reports()
        self._search()

    def close(self) -> None:
        for server in self.servers:
            server.close()

    def _home(self) -> None:
        main = self.main
        main.pages["/static/js/app.8c1e.js"] = Page(SIGNED_BUNDLE, "application/javascript")
        main.posted["/api/cms/list"] = lambda query, form: Page(b'{"code":401}', "application/json")
        main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<form class="search" action="/search/index.html" method="get"><input type="text" name="q"'
            ' placeholder="请输入关键词"><button type="submit">搜索</button></form>'
            '<div class="news"><a href="/xwzx/2024/0301/1.html">白水市召开政务公开工作会议</a></div>')))
        main.pages["/xwzx/2024/0301/1.html"] = Page(html("白水市召开政务公开工作会议", "<p>会议。</p>"))
        main.pages["/zwgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul><li><a href="/zwgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))
        main.pages["/zwgk/ndbg/index.html"] = Page(html("政府信息公开年报", (
            '<div id="app"></div><script>window.COLUMN="ndbg";</script>'
            '<script src="/static/js/app.8c1e.js"></script>')))

    def _reports(self) -> None:
        for agency, folder in ((CITY, "zwgk/ndbg"), ("白水市教育局", "jyj/ndbg")):
            for year in YEARS:
                path, title = f"/{folder}/{year}.html", f"{agency}{year}年政府信息公开工作年度报告"
                self.main.pages[path] = Page(article(title, agency, year))
                self.expected[self.base + path] = (agency, year)
                self.indexed.append((path, title))
        for n, title in enumerate(("白水市2023年政府信息公开工作年度报告解读",
                                   "关于做好2023年度政府信息公开工作年度报告编制工作的通知")):
            path = f"/zwgk/tzgg/{n}.html"
            self.main.pages[path] = Page(html(title, "<p>正文。</p>"))
            self.indexed.append((path, title))

    def _search(self) -> None:
        self.main.pages["/search/index.html"] = Page(html("搜索结果", SEARCH_PAGE))

        def api(query: dict) -> Page:
            words = query.get("q", [""])[0]
            hits = [(p, t) for p, t in self.indexed if matches(t, words, every=True)]
            n = query.get("page", ["1"])[0]
            n = int(n) if n.isdigit() and int(n) >= 1 else 1
            shown = hits[(n - 1) * PER_PAGE:n * PER_PAGE]
            answer = {"code": 200, "data": {"total": len(hits), "page": n,
                                            "list": [{"title": t, "url": p, "date": "2024-01-20"} for p, t in shown]}}
            return Page(json.dumps(answer, ensure_ascii=False).encode(), "application/json")
        self.main.dynamic["/search/api"] = api

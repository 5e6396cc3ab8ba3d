"""A sixth municipal portal, 东川市, whose navigation hides most of its reports from the crawler, and whose site
searches list them: for crawls over real HTTP.

- the city's 政府信息公开年报 column (``/zwgk/ndbg/index.html``) is an empty ``<div id="app">`` filled by a
  bundle that asks a signed API (``/api/cms/list``), which refuses anyone without the signature;
- 市教育局 (``/jyj/``) and 市卫生健康委员会 (``/wjw/``) are linked only from a 部门网站 menu a script builds from
  codes (``'/' + code + '/index.html'``); 卫健委 publishes its reports in the city's 通知公告 list
  (``/tzgg/list_N.html``, 300 pages of notices, the reports far down);
- the home page has two search boxes: 本站搜索 (``/search/index.html?keyword=``), which robots.txt disallows,
  and 全省统一搜索, a POST form to the province's search on another host (``/s``, fields ``siteCode``, ``qt``;
  127.0.0.9), whose result pages (``?siteCode=…&qt=…&page=2``) list this city's reports, 云阳市's (on a host
  of their own, 127.0.0.10, served so that taking one would show) and noise (a 法治政府建设年度报告, a 部门预算,
  an 编制通知, a news item on 年度报告 work); it matches any word of the query;
- 青石县 (127.0.0.2), linked from the home page's 县区政府 block: its 年报 column is script-drawn as the city's,
  its home page has a Hanweb 智能检索 GET form (``/jsearchfront/search.do?websiteid=…&q=…``, pages ``&p=2``)
  that matches every word of the query: its older reports are titled …政府信息公开年报 and only the second
  term finds them; 青石县财政局's column is reachable by navigation (found before any search), its own search box
  answers 500.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from tests.crawler.portal import Host, HostServer, Look, Page

CITY = "东川市人民政府"
COUNTY = "青石县人民政府"
OTHER_CITY = "云阳市人民政府"
YEARS = range(2023, 2018, -1)
SITE_CODE = "4499000001"
NOTICE_PAGES = 300
UNIFIED_PER_PAGE = 10
COUNTY_PER_PAGE = 6
# The words the search engines know; a query is the words it contains.
WORDS = ("政府信息公开", "信息公开", "年度报告", "年报", "工作", "预算")
NAV = ('<a href="/">首页</a><a href="/xwzx/index.html">新闻中心</a><a href="/zwgk/index.html">政府信息公开</a>'
       '<a href="/tzgg/list_1.html">通知公告</a>')
SIGNED_BUNDLE = (b"!function(){var t=Date.now(),s=md5('dc#'+t);axios.post('/api/cms/list',{columnId:window.COLUMN,"
                 b"page:1},{headers:{'X-Sign':s,'X-Time':t}}).then(function(r){render(r.data.rows)})}();")

LOOK = Look(NAV, seed=19)
html, article = LOOK.html, LOOK.article


def script_column(title: str, column: str, nav: str = NAV) -> Page:
    """A 年报 column whose list a bundle asks a signed API for: nothing in the page itself."""
    return Page(html(title, f'<div class="tit">{escape(title)}</div><div id="app"></div>'
                            f'<script>window.COLUMN="{column}";</script><script src="/static/js/app.8c1e.js"></script>',
                     nav))


def matches(title: str, query: str, every: bool) -> int:
    """How many of the query's words the title has (0 unless all, for an engine that wants ``every`` word)."""
    words = [w for w in WORDS if w in query]
    hits = sum(w in title for w in words)
    return hits if words and (hits == len(words) or not every) else 0


class PortalF:
    """The hosts of 东川市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        self.main, self.county, self.province, self.other = Host(), Host(), Host(), Host()
        self.servers = [HostServer(f"127.0.0.{n}", host) for n, host in
                        ((1, self.main), (2, self.county), (9, self.province), (10, self.other))]
        self.base, self.county_base, self.search_base, self.other_base = (s.base for s in self.servers)
        self.expected: dict[str, tuple[str, int]] = {}
        self.indexed: list[tuple[str, str, str]] = []   # the province's index: (URL, title, date)
        self._home()
        self._city_column()
        self._departments()
        self._notices()
        self._county()
        self._other_city()
        self._noise()
        self._province_search()

    def close(self) -> None:
        for server in self.servers:
            server.close()

    def _report(self, host: Host, base: str, path: str, title: str, agency: str, year: int, nav: str = NAV,
                indexed: bool = True) -> None:
        host.pages[path] = Page(article(title, agency, year, nav))
        self.expected[base + path] = (agency, year)
        if indexed:
            self.indexed.append((base + path, title, f"{year + 1}-01-2{year % 10}"))

    def _home(self) -> None:
        main = self.main
        main.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /search/\n", "text/plain")
        main.pages["/static/js/app.8c1e.js"] = Page(SIGNED_BUNDLE, "application/javascript")
        main.posted["/api/cms/list"] = lambda query, form: Page(b'{"code":401,"msg":"\\u7b7e\\u540d\\u65e0\\u6548"}',
                                                                 "application/json")
        main.dynamic["/api/cms/list"] = lambda query: Page(b'{"code":401}', "application/json")
        menu = ('<div class="bmwz"><span onclick="toggle()">部门网站</span><ul id="bm"></ul></div><script>\n'
                'var bm = [["jyj", "\\u6559\\u80b2\\u5c40"], ["wjw", "\\u536b\\u5065\\u59d4"]];\n'
                'for (var i = 0; i < bm.length; i++) { var a = document.createElement("a");'
                ' a.href = "/" + bm[i][0] + "/index.html"; a.innerText = bm[i][1];'
                ' document.getElementById("bm").appendChild(a); }\n</script>')
        searches = ('<div class="search"><form action="/search/index.html" method="get"><input type="text" name="keyword"'
                    ' placeholder="本站搜索"><input type="submit" value="搜索"></form>'
                    f'<form action="{self.search_base}/s" method="post" target="_blank">'
                    f'<input type="hidden" name="siteCode" value="{SITE_CODE}"><input type="text" name="qt">'
                    '<input type="submit" value="全省统一搜索"></form></div>')
        main.pages["/"] = Page(html(f"{CITY}门户网站", searches + (
            '<div class="news"><div class="hd">新闻中心</div><ul>'
            '<li><a href="/xwzx/2024/0301/88.html">东川市召开政务公开工作推进会</a></li></ul></div>'
            f'{menu}<div class="xq"><div class="hd">县区政府</div><ul>'
            f'<li><a href="{self.county_base}/">青石县</a></li></ul></div>')))
        main.pages["/xwzx/index.html"] = Page(html("新闻中心", '<a href="/xwzx/2024/0301/88.html">推进会</a>'))
        main.pages["/xwzx/2024/0301/88.html"] = Page(html("东川市召开政务公开工作推进会", "<p>会议部署了年度报告编制。</p>"))
        main.pages["/zwgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul class="lm"><li><a href="/zwgk/znzn/index.html">政府信息公开指南</a></li>'
            '<li><a href="/zwgk/ndbg/index.html">政府信息公开年报</a></li>'
            '<li><a href="/zwgk/zcwj/index.html">政策文件</a></li></ul>')))
        main.pages["/zwgk/znzn/index.html"] = Page(html("政府信息公开指南", "<p>指南。</p>"))
        main.pages["/zwgk/zcwj/index.html"] = Page(html("政策文件", (
            '<ul><li><a href="/zwgk/zcwj/2024/501.html">东川市人民政府关于印发东川市2024年重点工作的通知</a></li></ul>')))
        main.pages["/zwgk/zcwj/2024/501.html"] = Page(html("关于印发东川市2024年重点工作的通知", "<p>通知。</p>"))

    def _city_column(self) -> None:
        self.main.pages["/zwgk/ndbg/index.html"] = script_column("政府信息公开年报", "ndbg")
        for year in YEARS:
            self._report(self.main, self.base, f"/zwgk/ndbg/{year + 1}01/t{year + 1}0120_{year}1.html",
                         f"{CITY}{year}年政府信息公开工作年度报告", CITY, year)

    def _departments(self) -> None:
        """市教育局: a sub-site with a column of its own, linked only from the script-built menu."""
        name = "东川市教育局"
        nav = '<a href="/jyj/index.html">首页</a><a href="/jyj/xxgk/index.html">信息公开</a>'
        self.main.pages["/jyj/index.html"] = Page(html(name, '<a href="/jyj/xxgk/ndbg/index.html">政府信息公开年报</a>', nav))
        rows = []
        for year in YEARS:
            path, title = f"/jyj/xxgk/ndbg/{year}.html", f"{name}{year}年政府信息公开工作年度报告"
            self._report(self.main, self.base, path, title, name, year, nav)
            rows.append(f'<li><a href="{path}">{escape(title)}</a></li>')
        self.main.pages["/jyj/xxgk/ndbg/index.html"] = Page(html("政府信息公开年报", f'<ul>{"".join(rows)}</ul>', nav))
        self.main.pages["/wjw/index.html"] = Page(html("东川市卫生健康委员会", "<p>欢迎。</p>"))

    def _notices(self) -> None:
        """通知公告: 300 pages of notices; 卫健委's reports among them, on pages 140 to 144."""
        name = "东川市卫生健康委员会"
        buried: dict[int, tuple[str, str]] = {}
        for k, year in enumerate(YEARS):
            path, title = f"/tzgg/{year + 1}01/art_{year}7.html", f"{name}{year}年政府信息公开工作年度报告"
            self._report(self.main, self.base, path, title, name, year)
            buried[140 + k] = (path, title)

        def listing(n: int) -> Page:
            items = [f'<li><a href="/tzgg/notice/{n * 10 + k}.html">关于做好第{n * 10 + k}批防汛工作的通知</a></li>'
                     for k in range(9)]
            if n in buried:
                items.append(f'<li><a href="{buried[n][0]}">{escape(buried[n][1])}</a></li>')
            pager = (f'<a href="/tzgg/list_{n - 1}.html">上一页</a>' if n > 1 else "") + \
                    (f'<a href="/tzgg/list_{n + 1}.html">下一页</a>' if n < NOTICE_PAGES else "")
            return Page(html("通知公告", f'<ul>{"".join(items)}</ul><div class="page">{pager}</div>'))
        for n in range(1, NOTICE_PAGES + 1):
            self.main.pages[f"/tzgg/list_{n}.html"] = listing(n)

    def _county(self) -> None:
        county, base = self.county, self.county_base
        nav = '<a href="/">首页</a><a href="/col/col1001/index.html">政务公开</a>'
        county.pages["/static/js/app.8c1e.js"] = Page(SIGNED_BUNDLE, "application/javascript")
        county.pages["/"] = Page(html(f"{COUNTY}门户网站", (
            '<form class="search" action="/jsearchfront/search.do" method="get" target="_blank">'
            '<input type="hidden" name="websiteid" value="449902000000000"><input type="hidden" name="tpl" value="1421">'
            '<input type="text" name="q" placeholder="请输入关键字"><input type="hidden" name="p" value="1">'
            '<button type="submit">搜索</button></form>'), nav))
        county.pages["/col/col1001/index.html"] = Page(html("政务公开", (
            '<ul><li><a href="/col/col1005/index.html">政府信息公开年报</a></li></ul>'
            '<div class="hd">县直部门</div><ul><li><a href="/czj/index.html">青石县财政局</a></li></ul>'), nav))
        county.pages["/col/col1005/index.html"] = script_column("政府信息公开年报", "1005", nav)
        indexed: list[tuple[str, str]] = []
        for year in YEARS:
            path = f"/art/{year + 1}/1/20/art_1005_{year}3.html"
            title = f"{COUNTY}{year}年政府信息公开工作年度报告" if year >= 2021 else f"青石县{year}年政府信息公开年报"
            self._report(county, base, path, title, COUNTY, year, nav, indexed=False)
            indexed.append((path, title))
        # 县财政局: reached by navigation; the search lists its reports too.
        rows = []
        for year in YEARS:
            path, title = f"/czj/ndbg/{year}.html", f"青石县财政局{year}年政府信息公开工作年度报告"
            self._report(county, base, path, title, "青石县财政局", year, nav, indexed=False)
            indexed.append((path, title))
            rows.append(f'<li><a href="{path}">{escape(title)}</a></li>')
        county.pages["/czj/index.html"] = Page(html("青石县财政局", (
            '<form action="/czj/search.do" method="get"><input type="text" name="keyword"><input type="submit" '
            'value="搜索"></form><a href="/czj/ndbg/index.html">政府信息公开年报</a>'), nav))
        county.pages["/czj/search.do"] = Page(b"<h1>500 Internal Server Error</h1>", status=500)
        county.pages["/czj/ndbg/index.html"] = Page(html("政府信息公开年报", f'<ul>{"".join(rows)}</ul>', nav))
        for path, title in (("/art/2024/2/1/art_1009_1.html", "关于做好青石县2023年政府信息公开工作年度报告编制工作的通知"),
                            ("/art/2024/2/2/art_1009_2.html", "青石县2023年政府信息公开工作年度报告解读")):
            county.pages[path] = Page(html(title, "<p>正文。</p>", nav))
            indexed.append((path, title))

        def search(query: dict) -> Page:
            q = query.get("q", [""])[0]
            hits = [(p, t) for p, t in indexed if matches(t, q, every=True)]
            n = query.get("p", ["1"])[0]
            n = int(n) if n.isdigit() and int(n) >= 1 else 1
            shown = hits[(n - 1) * COUNTY_PER_PAGE:n * COUNTY_PER_PAGE]
            rows = "".join(f'<div class="jcse-news"><a href="{p}" target="_blank">{escape(t)}</a>'
                           f'<span>{base}{p}</span></div>' for p, t in shown)
            last = (len(hits) + COUNTY_PER_PAGE - 1) // COUNTY_PER_PAGE
            params = {k: v[0] for k, v in query.items() if k != "p"}
            pager = (f'<a href="?{urlencode({**params, "p": n + 1})}">下一页</a>' if n < last else "")
            return Page(html("智能检索", f'<div class="jcse-result">找到{len(hits)}条结果{rows}</div>'
                                     f'<div class="page">第{n}/{max(last, 1)}页 {pager}</div>', nav))
        county.dynamic["/jsearchfront/search.do"] = search

    def _other_city(self) -> None:
        """云阳市: another city of the province, whose reports the province's search lists too."""
        for year in YEARS:
            path, title = f"/zwgk/ndbg/{year}.html", f"{OTHER_CITY}{year}年政府信息公开工作年度报告"
            self.other.pages[path] = Page(article(title, OTHER_CITY, year))
            self.indexed.append((self.other_base + path, title, f"{year + 1}-01-25"))

    def _noise(self) -> None:
        for n, title in enumerate(("东川市2023年法治政府建设年度报告", "东川市教育局2024年部门预算",
                                   "关于做好2023年度政府信息公开工作年度报告编制工作的通知",
                                   "东川市召开政务公开工作推进会 部署年度报告编制")):
            path = f"/xwzx/2024/0201/{n}.html"
            self.main.pages[path] = Page(html(title, "<p>正文。</p>"))
            self.indexed.append((self.base + path, title, "2024-02-01"))

    def _province_search(self) -> None:
        """The province's unified search: any word of the query, most words first, then the newest; a POST (the
        form) or a GET (its pager)."""
        def search(query: dict) -> Page:
            q = query.get("qt", [""])[0]
            hits = sorted((h for h in self.indexed if matches(h[1], q, every=False)),
                          key=lambda h: (-matches(h[1], q, every=False), h[2]), reverse=False)
            n = query.get("page", ["1"])[0]
            n = int(n) if n.isdigit() and int(n) >= 1 else 1
            shown = hits[(n - 1) * UNIFIED_PER_PAGE:n * UNIFIED_PER_PAGE]
            rows = "".join(f'<li><a href="{u}" target="_blank">{escape(t)}</a><p>{u}</p><span>{d}</span></li>'
                           for u, t, d in shown)
            last = (len(hits) + UNIFIED_PER_PAGE - 1) // UNIFIED_PER_PAGE
            params = {"siteCode": query.get("siteCode", [""])[0], "qt": q}
            pages = "".join(f'<a href="/s?{urlencode({**params, "page": k})}">{k}</a>' for k in range(1, last + 1))
            pager = pages + (f'<a href="/s?{urlencode({**params, "page": n + 1})}">下一页</a>' if n < last else "")
            return Page(html("搜索结果", f'<div class="result-count">相关结果{len(hits)}条</div><ul>{rows}</ul>'
                                     f'<div class="pagination">{pager}</div>', ""))
        self.province.dynamic["/s"] = search
        self.province.posted["/s"] = lambda query, form: search({**query, **form})

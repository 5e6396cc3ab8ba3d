"""A twenty-second municipal portal, 西浦市, under host names (``xipu.gov.cn``) on one server told apart by the Host
header: CMS families of real government sites that no other portal serves, for crawls over real HTTP. The names
resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 and lists the departments' sites and the county's under 部门网站 / 县区;
- the city's 信息公开目录 (2019–2025, 2025 linked as its PDF): 大汉's 信息公开 module, each column a search of
  ``/module/xxgk/search.jsp?infotypeId=A0112&area=…`` answering an HTML table (索引号 | 名称 | 生成日期) of
  ``/art/…/art_1229_…html`` articles, paged only by a GET form of the column's hidden fields, a page-number input
  (``<input name="currpage">``) and a 跳转 button beside 共3页;
- 市发展和改革委员会 (``fgw.``): WordPress with pretty permalinks, its column a category (``/category/xxgk/ndbg/``),
  later pages a path segment (``/category/xxgk/ndbg/page/2/``), its articles filed by date under a slug
  (``/2025/01/20/2024-zfxxgk-ndbg/``), paged by WordPress's numbered ``page-numbers`` links; its 2023 report a
  post split by ``<!--nextpage-->`` at section 三, its tables on the post's page 2 (``…/2023-zfxxgk-ndbg/2/``);
- 市民政局 (``mzj.``): WordPress with its default permalinks, every page ``/`` told apart by its query (the category
  ``/?cat=5``, later pages ``&paged=2``, articles ``/?p=1234``), paged only by an older theme's ``« 较早文章`` /
  ``较新文章 »`` links; its 2022 report a post split as 发改委's, page 2 ``/?p=1232&page=2``;
- 市教育局 (``jyj.``): PageAdmin, its column a folder (``/xxgk/ndbg/``), articles ``/xxgk/ndbg/56.html``, paged only by
  a GET form without an action holding a page-number input (``<input name="page">``) and a GO button beside 共3页;
- 市卫生健康委员会 (``wjw.``): Z-Blog PHP with its rewrite rules, the column ``/category-3.html``, later pages
  ``/category-3_2.html``, articles ``/post/123.html``, paged by ``‹‹`` / ``››`` and page numbers;
- 西浦县 (``xpx.``): EasySite (浙江/江苏 网站群), its column ``/col/col1229456/index.html``, later pages the same
  address with ``?uid=7788&pageNum=2``, articles ``/art/2025/1/22/art_1229456_9001.html``;
- decoys: a 政府工作报告 and a 统计公报 in the city's table, a 部门预算 and a 统计公报 in 发改委's category, a 年度工作报告
  in 民政局's, a 社会组织年报 notice in 教育局's, a 卫生健康统计年报 in 卫健委's, a 企业年度报告公示 notice and a 部门决算
  in the county's.
"""

from __future__ import annotations

from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import Host, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import LOOK, PortalS
from tests.crawler.portal_u import NOT_FOUND, pages_of, query_value

DOMAIN = "xipu.gov.cn"
CITY = "西浦市人民政府"
COUNTY = "西浦县人民政府"


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 西浦市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _page(query: dict[str, list[str]], key: str, pages: int) -> int:
    """The page a query asks (1 when it asks none), 0 when it is no page of ``pages``."""
    asked = query_value(query, key) or "1"
    return int(asked) if asked.isdigit() and 1 <= int(asked) <= pages else 0


def split_post(page: bytes, first: str, further: str) -> tuple[bytes, bytes]:
    """A report page split as WordPress splits a post at ``<!--nextpage-->`` before section 三: (its page 1, its
    page 2), each under the post's title with WordPress's page links (``wp_link_pages``) to ``first`` and
    ``further``."""
    html = page.decode()
    head, cut, tail = html.partition("<h2>三、")
    body_end = tail.index("</div></div>")   # the article's content ends there
    start, _, _ = head.partition('<div class="content">')

    def links(current: int) -> str:
        return '<div class="page-links">分页：' + "".join(
            f'<span class="post-page-numbers current" aria-current="page">{n}</span>' if n == current else
            f'<a href="{escape(href)}" class="post-page-numbers">{n}</a>' for n, href in ((1, first), (2, further))) \
            + "</div>"
    return ((head + "</div>" + links(1) + "</div></body></html>").encode(),
            (start + '<div class="content">' + cut + tail[:body_end] + "</div>" + links(2)
             + "</div></body></html>").encode())


class PortalV(OneServerPortal):
    """The hosts of 西浦市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.fgw, self.mzj, self.jyj, self.wjw, self.county = (Host() for _ in range(6))
        self.serve({
            "www": self.www, "fgw": self.fgw, "mzj": self.mzj, "jyj": self.jyj,
            "wjw": self.wjw, "xpx": self.county})
        self.base = self.url("www", "/")
        self.split: dict[str, tuple[str, str]] = {}   # agency → its split report's pages (first, further)
        self._home()
        self._xxgk_module()
        self._wordpress_pretty()
        self._wordpress_plain()
        self._pageadmin()
        self._zblog()
        self._easysite()

    _report, _noise = PortalS._report, staticmethod(PortalS._noise)

    def _home(self) -> None:
        self.home(LOOK, CITY, "/zfxxgk/index.html", county=("xpx", "西浦县"), departments=[
            ("fgw", "/", "市发展和改革委员会"),
            ("mzj", "/", "市民政局"),
            ("jyj", "/", "市教育局"),
            ("wjw", "/", "市卫生健康委员会")])

    def _xxgk_module(self) -> None:
        """The city's 目录: 大汉's 信息公开 module, a table paged only by a GET form's page-number input."""
        area = "11500000XP0000000A"
        search = f"/module/xxgk/search.jsp?infotypeId=A0112&amp;area={area}"
        self.www.pages["/zfxxgk/index.html"] = Page(LOOK.html(f"{CITY}政府信息公开", (
            f'<ul class="ml"><li><a href="/module/xxgk/search.jsp?infotypeId=A0110&amp;area={area}">政府信息公开指南</a>'
            f'</li><li><a href="{search}">政府信息公开年报</a></li></ul>')))
        rows = []
        for k, year in enumerate(range(2025, 2018, -1)):
            path = "/picture/0/2601181530123.pdf" if year > 2024 else f"/art/{year + 1}/1/18/art_1229_{8801 + k}.html"
            rows.append((f"{area}/{year + 1}-0000{k}", path, self._report(self.www, "www", path, CITY, year),
                         f"{year + 1}-01-18"))
        for at, key, title in ((1, 8901, "2025年西浦市政府工作报告"), (4, 8902, "西浦市2023年国民经济和社会发展统计公报")):
            path = f"/art/2024/3/1/art_1229_{key}.html"
            rows.insert(at, (f"{area}/2024-00{key}", path, self._noise(self.www, path, title), "2024-03-01"))
        chunks = pages_of(rows)

        def listing(query: dict[str, list[str]]) -> Page:
            if query_value(query, "infotypeId") != "A0112" or query_value(query, "area") != area:
                return Page(LOOK.html("政府信息公开指南", "<p>指南。</p>"))
            page = _page(query, "currpage", len(chunks))
            if not page:
                return NOT_FOUND
            body = "".join(f'<tr><td>{code}</td><td><a href="{path}" target="_blank">{escape(title)}</a></td>'
                           f'<td>{date}</td></tr>' for code, path, title, date in chunks[page - 1])
            return Page(LOOK.html(f"政府信息公开年报-{CITY}", (
                '<table class="xxgk_table"><tr><th>索引号</th><th>名称</th><th>生成日期</th></tr>'
                f'{body}</table><form name="pageform" action="search.jsp" method="get">'
                f'<input type="hidden" name="infotypeId" value="A0112"><input type="hidden" name="area" value="{area}">'
                f'共{len(rows)}条 共{len(chunks)}页 当前第{page}页 转到第<input type="text" name="currpage" size="2" '
                f'value="{page}">页 <input type="submit" value="跳转"></form>')))

        self.www.dynamic["/module/xxgk/search.jsp"] = listing

    def _wordpress_pretty(self) -> None:
        """发改委: WordPress, its category's later pages ``/page/2/``, articles filed by date under a slug."""
        agency = "西浦市发展和改革委员会"
        items = []
        for year in range(2024, 2018, -1):
            path = f"/{year + 1}/01/20/{year}-zfxxgk-ndbg/"
            items.append((path, self._report(self.fgw, "fgw", path, agency, year)))
        for at, path, title in ((1, "/2024/02/05/2024-bmys/", f"{agency}2024年部门预算"),
                                (5, "/2024/03/01/2023-tjgb/", "西浦市2023年国民经济和社会发展统计公报")):
            items.insert(at, (path, self._noise(self.fgw, path, title)))
        post = "/2024/01/20/2023-zfxxgk-ndbg/"
        self.fgw.pages[post], self.fgw.pages[post + "2/"] = (Page(half) for half in split_post(
            self.fgw.pages[post].body, self.url("fgw", post), self.url("fgw", post + "2/")))
        self.split[agency] = (self.url("fgw", post), self.url("fgw", post + "2/"))
        chunks = pages_of(items)
        column = "/category/xxgk/ndbg/"
        self.fgw.pages["/"] = Page(LOOK.html(agency, f'<a href="{column}">政府信息公开年报</a>'))

        def address(n: int) -> str:
            return column if n == 1 else f"{column}page/{n}/"

        for page, chunk in enumerate(chunks, 1):
            pager = [f'<a class="prev page-numbers" href="{address(page - 1)}">上一页</a>'] if page > 1 else []
            pager += [f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == page else
                      f'<a class="page-numbers" href="{address(n)}">{n}</a>' for n in range(1, len(chunks) + 1)]
            if page < len(chunks):
                pager.append(f'<a class="next page-numbers" href="{address(page + 1)}">下一页</a>')
            self.fgw.pages[address(page)] = Page(LOOK.html(f"政府信息公开年报 – {agency}", (
                f'<ul class="list">{list_items(chunk)}</ul><nav class="navigation pagination" aria-label="文章分页">'
                f'<div class="nav-links">{"".join(pager)}</div></nav>')))

    def _wordpress_plain(self) -> None:
        """民政局: WordPress's default permalinks (``/?cat=5&paged=2``, ``/?p=1234``), older/newer links only."""
        agency = "西浦市民政局"
        items, articles = [], {}
        for k, year in enumerate(range(2024, 2018, -1)):
            key = str(1234 - k)
            title = f"{agency}{year}年政府信息公开工作年度报告"
            articles[key] = Page(LOOK.article(title, agency, year))
            self.expected[self.url("mzj", f"/?p={key}")] = (agency, year)
            items.append((f"/?p={key}", title))
        articles["1232"], articles["1232&2"] = (Page(half) for half in split_post(
            articles["1232"].body, "/?p=1232", "/?p=1232&page=2"))
        self.split[agency] = (self.url("mzj", "/?p=1232"), self.url("mzj", "/?p=1232&page=2"))
        articles["1300"] = Page(LOOK.html(f"{agency}2023年度工作报告", "<h1>2023年度工作报告</h1><p>正文。</p>"))
        items.insert(2, ("/?p=1300", f"{agency}2023年度工作报告"))
        chunks = pages_of(items)
        home = Page(LOOK.html(agency, '<a href="/?cat=5">政府信息公开年报</a>'))

        def index(query: dict[str, list[str]]) -> Page:
            if "p" in query:   # a post, or a page of a post split by <!--nextpage--> (&page=2)
                key = query_value(query, "p") + (f"&{query_value(query, 'page')}" if "page" in query else "")
                return articles.get(key, NOT_FOUND)
            if "cat" not in query:
                return home
            page = _page(query, "paged", len(chunks))
            if query_value(query, "cat") != "5" or not page:
                return NOT_FOUND
            older = (f'<div class="nav-previous"><a href="/?cat=5&amp;paged={page + 1}"><span class="meta-nav">«</span>'
                     " 较早文章</a></div>") if page < len(chunks) else ""
            newer = (f'<div class="nav-next"><a href="/?cat=5&amp;paged={page - 1}">较新文章 <span class="meta-nav">»'
                     "</span></a></div>") if page > 1 else ""
            return Page(LOOK.html(f"政府信息公开年报 | {agency}", (
                f'<ul class="list">{list_items(chunks[page - 1])}</ul>'
                f'<nav id="nav-below" class="navigation">{older}{newer}</nav>')))

        self.mzj.dynamic["/"] = index

    def _pageadmin(self) -> None:
        """教育局: PageAdmin, a column folder paged only by a GET form (no action) with ``<input name="page">``."""
        agency = "西浦市教育局"
        items = []
        for k, year in enumerate(range(2024, 2018, -1)):
            path = f"/xxgk/ndbg/{56 - k}.html"
            items.append((path, self._report(self.jyj, "jyj", path, agency, year)))
        items.insert(3, ("/xxgk/ndbg/60.html", self._noise(self.jyj, "/xxgk/ndbg/60.html",
                                                          "关于做好2023年度社会组织年报工作的通知")))
        chunks = pages_of(items)
        self.jyj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/">政府信息公开年报</a>'))

        def listing(query: dict[str, list[str]]) -> Page:
            page = _page(query, "page", len(chunks))
            if not page:
                return NOT_FOUND
            return Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{list_items(chunks[page - 1])}</ul><div class="pageadmin_pager">'
                f'<span>共{len(items)}条</span> <span>{page}/{len(chunks)}页</span> <form method="get">'
                f'<input type="text" name="page" class="page_input" value="{page}">'
                '<input type="submit" class="page_go" value="GO"></form></div>')))

        self.jyj.dynamic["/xxgk/ndbg/"] = listing

    def _zblog(self) -> None:
        """卫健委: Z-Blog PHP, the column ``/category-3.html``, later pages ``/category-3_2.html``."""
        agency = "西浦市卫生健康委员会"
        items = []
        for k, year in enumerate(range(2024, 2018, -1)):
            path = f"/post/{123 - k}.html"
            items.append((path, self._report(self.wjw, "wjw", path, agency, year)))
        items.insert(4, ("/post/140.html", self._noise(self.wjw, "/post/140.html", "西浦市2023年卫生健康统计年报")))
        chunks = pages_of(items)
        self.wjw.pages["/"] = Page(LOOK.html(agency, '<a href="/category-3.html">政府信息公开年报</a>'))

        def address(n: int) -> str:
            return "/category-3.html" if n == 1 else f"/category-3_{n}.html"

        for page, chunk in enumerate(chunks, 1):
            pager = [f'<a href="{address(1)}"><span class="page">‹‹</span></a>']
            pager += [f'<span class="now-page">{n}</span>' if n == page else
                      f'<a href="{address(n)}"><span class="page">{n}</span></a>' for n in range(1, len(chunks) + 1)]
            pager.append(f'<a href="{address(len(chunks))}"><span class="page">››</span></a>')
            self.wjw.pages[address(page)] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{list_items(chunk)}</ul><div class="pagebar">{"".join(pager)}</div>')))

    def _easysite(self) -> None:
        """西浦县: EasySite, its column paged by ``?uid=…&pageNum=…`` on the column's own address."""
        agency = COUNTY
        items = []
        for k, year in enumerate(range(2024, 2018, -1)):
            path = f"/art/{year + 1}/1/22/art_1229456_{9001 + k}.html"
            items.append((path, self._report(self.county, "xpx", path, agency, year)))
        for at, path, title in ((1, "/art/2024/5/6/art_1229456_9101.html", "关于开展2023年度企业年度报告公示工作的通知"),
                                (4, "/art/2024/9/6/art_1229456_9102.html", "西浦县2023年度部门决算")):
            items.insert(at, (path, self._noise(self.county, path, title)))
        chunks = pages_of(items)
        column = "/col/col1229456/index.html"
        self.county.pages["/"] = Page(LOOK.html(agency, f'<a href="{column}">政府信息公开年报</a>'))

        def listing(query: dict[str, list[str]]) -> Page:
            page = _page(query, "pageNum", len(chunks))
            if not page:
                return NOT_FOUND

            def link(n: int, text: str) -> str:
                return f'<a href="{column}?uid=7788&amp;pageNum={n}" class="bt_link">{text}</a>'
            pager = [f"共{len(items)}条 {page}/{len(chunks)}页", link(1, "首页")]
            pager += [link(page - 1, "上页") if page > 1 else "上页",
                      link(page + 1, "下页") if page < len(chunks) else "下页", link(len(chunks), "尾页")]
            return Page(LOOK.html(f"政府信息公开年报 {agency}", (
                f'<div id="7788"><ul class="list">{list_items(chunks[page - 1])}</ul>'
                f'<div class="default_pgContainer">{" ".join(pager)}</div></div>')))

        self.county.dynamic[column] = listing

"""A twenty-first municipal portal, 东渝市, under host names (``dongyu.gov.cn``) on one server told apart by the Host
header: CMS families of real government sites that no other portal serves, for crawls over real HTTP. The names
resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 and lists the departments' sites and the county's under 部门网站 / 县区;
- the city's 信息公开目录 (``/zfxxgk/ml.do?catId=12``, 2019–2025, 2025 linked as its PDF): its list an HTML table (索引号 | 名称 | 发布日期),
  each title whole only in the link's ``title``, its text cut short (``2024年政府信息公开工作年度…``); paged only by a
  ``<select onchange="location.href='ml.do?catId=12&pageNo='+this.value">`` of page numbers;
- 市发展和改革委员会 (``fgw.``): DedeCMS, its column a folder (``/a/xxgk/ndbg/``), the later pages named after the
  column's id (``list_12_2.html``, ``list_12_3.html``), its articles filed by date (``/a/xxgk/ndbg/2025/0120/87.html``);
- 市教育局 (``jyj.``): PHPCMS v9 without static pages, every page ``/index.php`` told apart by its query
  (``?m=content&c=index&a=lists&catid=12&page=2``, articles ``…&a=show&catid=12&id=345``);
- 市卫生健康委员会 (``wjw.``): 帝国CMS (EmpireCMS) listing dynamically (``/e/action/ListInfo/?classid=12``, later pages
  ``&page=1`` … counted from 0), its 2024 report an article showing its PDF in an ``<iframe src="….pdf#toolbar=0">``;
- 市民政局 (``mzj.``): 动易 SiteFactory (``/Category_12/Index.aspx``, ``Index_2.aspx``; articles ``/Item/345.aspx``
  outside the column's folder), its 2024 report an article showing its PDF in an ``<embed>``;
- 东渝县 (``dyx.``): a JSP CMS whose pager links call ``javascript:goPage(2)``, the page's function writing the
  address with the column after the page number (``location.href='list.jsp?pageNo='+n+'&cid=12'``): a list asked
  without its column answers 404;
- decoys: a 政府工作报告 and a 统计公报 in the city's table, a 部门预算 and a 统计公报 in 发改委's list, a 年度工作报告
  in 教育局's, a 卫生健康统计年报 in 卫健委's, a 社会组织年报 notice in 民政局's, a 企业年度报告公示 notice and a
  部门决算 in the county's.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import Host, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import LOOK, PortalS

DOMAIN = "dongyu.gov.cn"
CITY = "东渝市人民政府"
COUNTY = "东渝县人民政府"
PER_PAGE = 3
NOT_FOUND = Page(b"<h1>404</h1>", status=404)


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 东渝市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def pages_of(items: list) -> list[list]:
    """The items cut into the pages of a list, ``PER_PAGE`` each."""
    return [items[k:k + PER_PAGE] for k in range(0, len(items), PER_PAGE)]


def dedecms_pager(page: int, pages: int, records: int, href: Callable[[int], str]) -> str:
    """DedeCMS's pager on ``page`` of ``pages`` (首页 上一页 1 2 3 下一页 末页 and its 共N页M条记录), page n at ``href(n)``."""
    def link(n: int, text: str) -> str:
        return f"<li><a href='{href(n)}'>{text}</a></li>"
    pager = [link(1, "首页")] + ([link(page - 1, "上一页")] if page > 1 else [])
    pager += [f'<li class="thisclass"><a>{n}</a></li>' if n == page else link(n, str(n)) for n in range(1, pages + 1)]
    pager += ([link(page + 1, "下一页")] if page < pages else []) + [link(pages, "末页")]
    pager.append(f'<li><span class="pageinfo">共 <strong>{pages}</strong>页<strong>{records}</strong>条记录</span></li>')
    return f'<div class="dede_pages"><ul class="pagelist">{"".join(pager)}</ul></div>'


def query_value(query: dict[str, list[str]], key: str) -> str:
    """The first value of ``key`` in a parsed query, "" when it has none."""
    return (query.get(key) or [""])[0]


class PortalU(OneServerPortal):
    """The hosts of 东渝市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.fgw, self.jyj, self.wjw, self.mzj, self.county = (Host() for _ in range(6))
        self.serve({
            "www": self.www, "fgw": self.fgw, "jyj": self.jyj, "wjw": self.wjw,
            "mzj": self.mzj, "dyx": self.county})
        self.base = self.url("www", "/")
        self._home()
        self._catalogue_table()
        self._dedecms()
        self._phpcms()
        self._empirecms()
        self._powereasy()
        self._jsp_county()

    _report, _noise = PortalS._report, staticmethod(PortalS._noise)

    def _home(self) -> None:
        self.home(LOOK, CITY, "/zfxxgk/index.html", county=("dyx", "东渝县"), departments=[
            ("fgw", "/", "市发展和改革委员会"),
            ("jyj", "/", "市教育局"),
            ("wjw", "/", "市卫生健康委员会"),
            ("mzj", "/", "市民政局")])
        self.www.pages["/zfxxgk/index.html"] = Page(LOOK.html(f"{CITY}政府信息公开", (
            '<ul class="ml"><li><a href="/zfxxgk/ml.do?catId=11">政府信息公开指南</a></li>'
            '<li><a href="/zfxxgk/ml.do?catId=12">政府信息公开年报</a></li></ul>')))

    def _catalogue_table(self) -> None:
        """The city's 目录: a table, titles whole in ``title`` only, paged by a ``<select>`` writing the address."""
        rows = []
        for year in range(2025, 2018, -1):
            path = "/zfxxgk/upload/2026/0118/ndbg2025.pdf" if year > 2024 else f"/zfxxgk/content.do?id={7700 + year}"
            rows.append((f"11500000MB0000{year}/2026-0{year % 9 + 1}", path,
                         self._report(self.www, "www", path, CITY, year), f"{year + 1}-01-18"))
        for at, key, title in ((1, "zfgzbg", "2025年东渝市政府工作报告"),
                               (4, "tjgb", "东渝市2023年国民经济和社会发展统计公报")):
            path = f"/zfxxgk/content.do?id={key}"
            rows.insert(at, ("11500000MB0000/2024-00", path, self._noise(self.www, path, title), "2024-03-01"))
        chunks = pages_of(rows)

        def listing(query: dict[str, list[str]]) -> Page:
            if query_value(query, "catId") != "12":
                return Page(LOOK.html("政府信息公开指南", "<p>指南。</p>"))
            page = int(query_value(query, "pageNo") or "1")
            if not 1 <= page <= len(chunks):
                return NOT_FOUND
            body = "".join(f'<tr><td>{code}</td><td><a href="{path}" title="{escape(title)}" target="_blank">'
                           f'{escape(title[title.find("20"):][:14])}…</a></td><td>{date}</td></tr>'
                           for code, path, title, date in chunks[page - 1])
            options = "".join(f'<option value="{k}"{" selected" if k == page else ""}>第{k}页</option>'
                              for k in range(1, len(chunks) + 1))
            return Page(LOOK.html(f"政府信息公开年报-{CITY}", (
                '<table class="xxgk"><tr><th>索引号</th><th>名称</th><th>发布日期</th></tr>'
                f'{body}</table><div class="page">共{len(chunks)}页 跳转到：'
                f"<select onchange=\"location.href='ml.do?catId=12&pageNo='+this.value\">{options}</select></div>")))

        self.www.dynamic["/zfxxgk/ml.do"] = listing

    def _dedecms(self) -> None:
        """发改委: DedeCMS, the column a folder, later pages ``list_{typeid}_{n}.html``."""
        agency = "东渝市发展和改革委员会"
        items = []
        for k, year in enumerate(range(2024, 2018, -1)):
            path = f"/a/xxgk/ndbg/{year + 1}/0120/{80 + k}.html"
            items.append((path, self._report(self.fgw, "fgw", path, agency, year)))
        for at, path, title in ((1, "/a/xxgk/ndbg/2024/0205/91.html", f"{agency}2024年部门预算"),
                                (5, "/a/xxgk/ndbg/2024/0301/92.html", "东渝市2023年国民经济和社会发展统计公报")):
            items.insert(at, (path, self._noise(self.fgw, path, title)))
        chunks = pages_of(items)
        self.fgw.pages["/"] = Page(LOOK.html(agency, '<a href="/a/xxgk/ndbg/">政府信息公开年报</a>'))
        for page, chunk in enumerate(chunks, 1):
            body = Page(LOOK.html(f"政府信息公开年报_{agency}", (
                f'<ul class="list">{list_items(chunk)}</ul>'
                f'{dedecms_pager(page, len(chunks), len(items), lambda n: f"list_12_{n}.html")}')))
            self.fgw.pages[f"/a/xxgk/ndbg/list_12_{page}.html"] = body
            if page == 1:
                self.fgw.pages["/a/xxgk/ndbg/"] = self.fgw.pages["/a/xxgk/ndbg/index.html"] = body

    def _phpcms(self) -> None:
        """教育局: PHPCMS v9, every page ``/index.php`` told apart by its query."""
        agency = "东渝市教育局"
        lists = "index.php?m=content&c=index&a=lists&catid=12"
        items, articles = [], {}
        for k, year in enumerate(range(2024, 2018, -1)):
            key = str(345 - k)
            path = f"/index.php?m=content&c=index&a=show&catid=12&id={key}"
            articles[key] = Page(LOOK.article(self._report(self.jyj, "jyj", path, agency, year), agency, year))
            items.append((path, f"{agency}{year}年政府信息公开工作年度报告"))
        work = "/index.php?m=content&c=index&a=show&catid=12&id=400"
        articles["400"] = Page(LOOK.html(f"{agency}2023年度工作报告", "<h1>2023年度工作报告</h1><p>正文。</p>"))
        items.insert(2, (work, f"{agency}2023年度工作报告"))
        chunks = pages_of(items)

        def index(query: dict[str, list[str]]) -> Page:
            if (query_value(query, "m"), query_value(query, "c")) != ("content", "index"):
                return Page(LOOK.html(agency, f'<a href="/{escape(lists)}">政府信息公开年报</a>'))
            if query_value(query, "a") == "show":
                return articles.get(query_value(query, "id"), NOT_FOUND)
            page = int(query_value(query, "page") or "1")
            if query_value(query, "a") != "lists" or query_value(query, "catid") != "12" or not 1 <= page <= len(chunks):
                return NOT_FOUND
            pager = [f'<a class="a1">{len(items)}条</a>',
                     f'<a href="{escape(lists)}&amp;page={max(page - 1, 0)}" class="a1">上一页</a>']
            pager += [f"<span>{n}</span>" if n == page else f'<a href="{escape(lists)}&amp;page={n}">{n}</a>'
                      for n in range(1, len(chunks) + 1)]
            pager.append(f'<a href="{escape(lists)}&amp;page={min(page + 1, len(chunks))}" class="a1">下一页</a>')
            return Page(LOOK.html(f"政府信息公开年报 - {agency}", (
                f'<ul class="list">{list_items([(escape(u), t) for u, t in chunks[page - 1]])}</ul>'
                f'<div id="pages">{" ".join(pager)}</div>')))

        self.jyj.pages["/"] = Page(LOOK.html(agency, f'<a href="/{escape(lists)}">政府信息公开年报</a>'))
        self.jyj.dynamic["/index.php"] = index

    def _articles(self, host: Host, sub: str, agency: str, path_of: Callable[[int, int], str], pdf: str,
                  shown: str, decoy: tuple[int, str, str]) -> list[tuple[str, str]]:
        """``agency``'s reports 2024–2019 as a list's (article, title), the article of the k-th ``path_of(k, year)``,
        and a decoy (at, article, title) among them; the 2024 article shows its PDF at ``pdf`` in the element
        ``shown`` (``{pdf}`` in it): the report is the file."""
        items = []
        for k, year in enumerate(range(2024, 2018, -1)):
            path = path_of(k, year)
            if year == 2024:
                title = f"{agency}{year}年政府信息公开工作年度报告"
                host.pages[path] = Page(LOOK.html(title, (
                    f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-22</div>'
                    f'{shown.format(pdf=pdf)}</div>')))
                self._report(host, sub, pdf, agency, year)
            else:
                title = self._report(host, sub, path, agency, year)
            items.append((path, title))
        at, path, title = decoy
        items.insert(at, (path, self._noise(host, path, title)))
        return items

    def _empirecms(self) -> None:
        """卫健委: EmpireCMS's dynamic list, pages counted from 0, the 2024 report a PDF in an ``<iframe>``."""
        agency = "东渝市卫生健康委员会"
        items = self._articles(self.wjw, "wjw", agency, lambda k, year: f"/xxgk/ndbg/{year + 1}-01-22/{560 + k}.html",
                               "/d/file/xxgk/ndbg/2025-01-22/5f3a9c.pdf",
                               '<iframe src="{pdf}#toolbar=0&amp;navpanes=0" width="100%" height="900"></iframe>',
                               (3, "/xxgk/ndbg/2024-06-30/590.html", "东渝市2023年卫生健康统计年报"))
        chunks = pages_of(items)
        lists = "/e/action/ListInfo/?classid=12"

        def listing(query: dict[str, list[str]]) -> Page:
            page = int(query_value(query, "page") or "0")
            if query_value(query, "classid") != "12" or not 0 <= page < len(chunks):
                return NOT_FOUND
            pager = [f'<a title="Total record">&nbsp;<b>{len(items)}</b> </a>']
            pager += [f"<b>{n + 1}</b>" if n == page else f'<a href="{lists}&amp;page={n}">{n + 1}</a>'
                      for n in range(len(chunks))]
            if page < len(chunks) - 1:
                pager += [f'<a href="{lists}&amp;page={page + 1}">下一页</a>',
                          f'<a href="{lists}&amp;page={len(chunks) - 1}">尾页</a>']
            return Page(LOOK.html(f"政府信息公开年报 - {agency}", (
                f'<ul class="list">{list_items(chunks[page])}</ul><div class="epages">{"&nbsp;".join(pager)}</div>')))

        self.wjw.pages["/"] = Page(LOOK.html(agency, f'<a href="{lists}">政府信息公开年报</a>'))
        self.wjw.dynamic["/e/action/ListInfo/"] = listing

    def _powereasy(self) -> None:
        """民政局: 动易 SiteFactory, ``/Category_12/Index_2.aspx`` pages, ``/Item/345.aspx`` articles, an ``<embed>``."""
        agency = "东渝市民政局"
        items = self._articles(self.mzj, "mzj", agency, lambda k, year: f"/Item/{3450 + k}.aspx",
                               "/UploadFiles/2025/1/2025012214301234.pdf",
                               '<embed src="{pdf}" type="application/pdf" width="100%" height="900">',
                               (2, "/Item/3470.aspx", "关于做好2023年度社会组织年报工作的通知"))
        chunks = pages_of(items)
        self.mzj.pages["/"] = Page(LOOK.html(agency, '<a href="/Category_12/Index.aspx">政府信息公开年报</a>'))
        for page, chunk in enumerate(chunks, 1):
            def link(n: int, text: str) -> str:
                return f'<a href="/Category_12/Index{f"_{n}" if n > 1 else ""}.aspx">{text}</a>'
            pager = [f"共 {len(items)} 条记录 {page}/{len(chunks)}页", link(1, "首页")]
            pager += [link(page - 1, "上一页") if page > 1 else "上一页",
                      link(page + 1, "下一页") if page < len(chunks) else "下一页", link(len(chunks), "尾页")]
            self.mzj.pages[f"/Category_12/Index{f'_{page}' if page > 1 else ''}.aspx"] = Page(LOOK.html(
                f"政府信息公开年报_{agency}",
                f'<ul class="list">{list_items(chunk)}</ul><div class="pager">{" ".join(pager)}</div>'))

    def _jsp_county(self) -> None:
        """东渝县: a JSP list paged by ``goPage(n)``, the column written after the page number."""
        agency = COUNTY
        items, articles = [], {}
        for year in range(2024, 2018, -1):
            key = str(9100 + year)
            path = f"/xxgk/content.jsp?id={key}&cid=12"
            title = f"{agency}{year}年政府信息公开工作年度报告"
            articles[key] = Page(LOOK.article(title, agency, year))
            self.expected[self.url("dyx", path)] = (agency, year)
            items.append((path, title))
        for at, key, title in ((1, "9001", "关于开展2023年度企业年度报告公示工作的通知"),
                               (4, "9002", "东渝县2023年度部门决算")):
            articles[key] = Page(LOOK.html(title, f"<h1>{escape(title)}</h1><p>正文。</p>"))
            items.insert(at, (f"/xxgk/content.jsp?id={key}&cid=12", title))
        chunks = pages_of(items)

        def listing(query: dict[str, list[str]]) -> Page:
            page = int(query_value(query, "pageNo") or "1")
            if query_value(query, "cid") != "12" or not 1 <= page <= len(chunks):
                return NOT_FOUND
            pager = [f'<span>第{page}页</span>' if n == page else f'<a href="javascript:goPage({n})">{n}</a>'
                     for n in range(1, len(chunks) + 1)]
            if page < len(chunks):
                pager.append(f'<a href="javascript:goPage({page + 1})">下一页</a>')
            return Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{list_items([(escape(u), t) for u, t in chunks[page - 1]])}</ul>'
                f'<div class="page">{"".join(pager)}</div>'
                "<script>function goPage(n){location.href='list.jsp?pageNo='+n+'&cid=12'}</script>")))

        self.county.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/list.jsp?cid=12">政府信息公开年报</a>'))
        self.county.dynamic["/xxgk/list.jsp"] = listing
        self.county.dynamic["/xxgk/content.jsp"] = lambda query: articles.get(query_value(query, "id"), NOT_FOUND)

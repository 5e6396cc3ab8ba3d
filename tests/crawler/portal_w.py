"""A twenty-third municipal portal, 东滨市, under host names (``dongbin.gov.cn``) on one server told apart by the Host
header: CMS families and habits of real government sites that no other portal serves, for crawls over real HTTP. The
names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 and lists the departments' sites and the county's under 部门网站 / 县区;
- the city's 信息公开 (2019–2025, 2025 linked as its PDF): SiteServer CMS, its channels ``/channels/8.html``, the
  年报 channel ``/channels/12.html``, later pages named after the channel's id (``/channels/12_2.html``), contents
  ``/contents/12/345.html``, paged by SiteServer's ``stl:pageItems`` (首页 上一页 1 2 3 下一页 末页);
- 市发展和改革委员会 (``fgw.``): Typecho, its column a category (``/category/ndbg/``), later pages a bare number
  segment (``/category/ndbg/2/``, no ``page`` word, as Pelican's too), articles ``/archives/123/``, paged by
  Typecho's ``page-navigator`` (``« 前一页``, page numbers, ``后一页 »``);
- 市教育局 (``jyj.``): PHPCMS v9 with its rewrite rules, the list ``/list-12-1.html``, later pages
  ``/list-12-2.html``, articles ``/show-12-345-1.html``, PHPCMS's ``pages()`` pager (relative links);
- 市卫生健康委员会 (``wjw.``): a JSP list (``/xxgk/list.jsp?cid=12``, later pages ``&pageIndex=2``), a table whose
  title cell is plain text, the report only the PDF behind the row's 点击下载 link (a hashed file name);
- 市民政局 (``mzj.``): each report an article saying 详见附件, its attachment named by its file name alone
  (``2023年报.pdf``, no agency): the report is the file; its 2019 report attached only as ``2019年报.zip``, an
  archive the crawler never fetches (``crawler.spiders.reports``' policy): that report is its article, which gxparse
  then says it could not read (``expected``), never a report missing;
- 东滨县 (``dbx.``): DedeCMS listing dynamically (``/plus/list.php?tid=12``), later pages
  ``?tid=12&TotalResult=8&PageNo=2`` (the record count carried in every pager link), articles
  ``/plus/view.php?aid=345``;
- 市司法局 (``sfj.``): an ASP site (``/xxgk/list.asp?classid=12``, later pages ``&page=2``, articles
  ``/xxgk/show.asp?id=345``) whose pager is words in brackets only (``[首页] [上一页] [下一页] [尾页]``, no page
  numbers) beside 页次：1/3页;
- decoys: a 政府工作报告 and a 统计公报 in the city's channel, a 部门预算 in 发改委's category, a 年度工作报告 in
  教育局's, a 卫生健康统计年报 in 卫健委's table (its PDF behind 点击下载 too), a 民政事业统计公报 in 民政局's, a
  企业年度报告公示 notice and a 部门决算 in the county's, a 法治政府建设年度报告 in 司法局's.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import Host, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import LOOK, PDF, PortalS
from tests.crawler.portal_u import NOT_FOUND, dedecms_pager, pages_of, query_value
from tests.crawler.portal_v import _page

DOMAIN = "dongbin.gov.cn"
CITY = "东滨市人民政府"
COUNTY = "东滨县人民政府"


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 东滨市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalW(OneServerPortal):
    """The hosts of 东滨市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.fgw, self.jyj, self.wjw, self.mzj, self.sfj, self.county = (Host() for _ in range(7))
        self.hosts = {"www": self.www, "fgw": self.fgw, "jyj": self.jyj, "wjw": self.wjw,
                      "mzj": self.mzj, "sfj": self.sfj, "dbx": self.county}
        self.serve(self.hosts)
        self.base = self.url("www", "/")
        self._home()
        self._siteserver()
        self._typecho()
        self._phpcms_rewrite()
        self._download_table()
        self._file_named_attachments()
        self._dedecms_dynamic()
        self._asp_bracket_pager()

    _report, _noise = PortalS._report, staticmethod(PortalS._noise)

    def _column(self, sub: str, agency: str, path_of: Callable[[int, int], str], decoys: list[tuple[int, str, str]],
                years: range = range(2024, 2018, -1)) -> list[tuple[str, str]]:
        """A column's items (address, title), newest first: ``agency``'s report of each year at ``path_of(k, year)``
        (k its place), the decoys (place, address, title) among them."""
        host = self.hosts[sub]
        items = [(path_of(k, year), self._report(host, sub, path_of(k, year), agency, year))
                 for k, year in enumerate(years)]
        for at, path, title in decoys:
            items.insert(at, (path, self._noise(host, path, title)))
        return items

    def _home(self) -> None:
        self.home(LOOK, CITY, "/channels/8.html", county=("dbx", "东滨县"), departments=[
            ("fgw", "/", "市发展和改革委员会"),
            ("jyj", "/", "市教育局"),
            ("wjw", "/", "市卫生健康委员会"),
            ("mzj", "/", "市民政局"),
            ("sfj", "/", "市司法局")])
        self.www.pages["/channels/8.html"] = Page(LOOK.html(f"政府信息公开_{CITY}", (
            '<ul class="sub-channels"><li><a href="/channels/11.html">政府信息公开指南</a></li>'
            '<li><a href="/channels/12.html">政府信息公开年报</a></li></ul>')))
        self.www.pages["/channels/11.html"] = Page(LOOK.html("政府信息公开指南", "<p>指南。</p>"))

    def _siteserver(self) -> None:
        """The city's 年报 channel: SiteServer, later pages ``/channels/12_2.html``."""
        items = self._column("www", CITY, lambda k, year: "/upload/files/2026/1/18093015123.pdf" if year > 2024
                             else f"/contents/12/{345 - k}.html",
                             [(1, "/contents/12/401.html", "2025年东滨市政府工作报告"),
                              (4, "/contents/12/402.html", "东滨市2023年国民经济和社会发展统计公报")], range(2025, 2018, -1))
        chunks = pages_of(items)

        def address(n: int) -> str:
            return "/channels/12.html" if n == 1 else f"/channels/12_{n}.html"

        for page, chunk in enumerate(chunks, 1):
            pager = [f'<a href="{address(1)}">首页</a>',
                     f'<a href="{address(page - 1)}">上一页</a>' if page > 1 else "<span>上一页</span>"]
            pager += [f'<span class="current">{n}</span>' if n == page else f'<a href="{address(n)}">{n}</a>'
                      for n in range(1, len(chunks) + 1)]
            pager += [f'<a href="{address(page + 1)}">下一页</a>' if page < len(chunks) else "<span>下一页</span>",
                      f'<a href="{address(len(chunks))}">末页</a>']
            self.www.pages[address(page)] = Page(LOOK.html(f"政府信息公开年报_{CITY}", (
                f'<ul class="list">{list_items(chunk)}</ul><div class="pagination">{" ".join(pager)}</div>')))

    def _typecho(self) -> None:
        """发改委: Typecho, its category's later pages a bare number segment (``/category/ndbg/2/``)."""
        agency = "东滨市发展和改革委员会"
        items = self._column("fgw", agency, lambda k, year: f"/archives/{123 - k}/",
                             [(2, "/archives/140/", f"{agency}2024年部门预算")])
        chunks = pages_of(items)
        column = "/category/ndbg/"
        self.fgw.pages["/"] = Page(LOOK.html(agency, f'<a href="{column}">政府信息公开年报</a>'))

        def address(n: int) -> str:
            return column if n == 1 else f"{column}{n}/"

        for page, chunk in enumerate(chunks, 1):
            pager = [f'<li class="prev"><a href="{address(page - 1)}">&laquo; 前一页</a></li>'] if page > 1 else []
            pager += [f'<li class="current"><a href="{address(n)}">{n}</a></li>' if n == page else
                      f'<li><a href="{address(n)}">{n}</a></li>' for n in range(1, len(chunks) + 1)]
            if page < len(chunks):
                pager.append(f'<li class="next"><a href="{address(page + 1)}">后一页 &raquo;</a></li>')
            self.fgw.pages[address(page)] = Page(LOOK.html(f"分类 政府信息公开年报 下的文章 - {agency}", (
                f'<ul class="list">{list_items(chunk)}</ul><ol class="page-navigator">{"".join(pager)}</ol>')))

    def _phpcms_rewrite(self) -> None:
        """教育局: PHPCMS v9's rewrite rules, ``/list-12-2.html`` and ``/show-12-345-1.html``."""
        agency = "东滨市教育局"
        items = self._column("jyj", agency, lambda k, year: f"/show-12-{345 - k}-1.html",
                             [(3, "/show-12-360-1.html", f"{agency}2023年度工作报告")])
        chunks = pages_of(items)
        self.jyj.pages["/"] = Page(LOOK.html(agency, '<a href="/list-12-1.html">政府信息公开年报</a>'))
        for page, chunk in enumerate(chunks, 1):
            pager = [f'<a class="a1">{len(items)}条</a>',
                     f'<a href="list-12-{max(page - 1, 1)}.html" class="a1">上一页</a>']
            pager += [f"<span>{n}</span>" if n == page else f'<a href="list-12-{n}.html">{n}</a>'
                      for n in range(1, len(chunks) + 1)]
            pager.append(f'<a href="list-12-{min(page + 1, len(chunks))}.html" class="a1">下一页</a>')
            self.jyj.pages[f"/list-12-{page}.html"] = Page(LOOK.html(f"政府信息公开年报 - {agency}", (
                f'<ul class="list">{list_items(chunk)}</ul><div id="pages" class="text-c">{" ".join(pager)}</div>')))

    def _download_table(self) -> None:
        """卫健委: a table whose title cells are text, each report only the PDF behind the row's 点击下载."""
        agency = "东滨市卫生健康委员会"
        rows = []
        for k, year in enumerate(range(2024, 2018, -1)):
            path = f"/upload/{year + 1}/01/20/{'8f3a2c' if k % 2 else '5e9b1d'}{year}{k}.pdf"
            rows.append((path, self._report(self.wjw, "wjw", path, agency, year), f"{year + 1}-01-20"))
        path = "/upload/2024/06/10/7c1e4b2023.pdf"
        self.wjw.pages[path] = Page(PDF, "application/pdf")
        rows.insert(2, (path, "东滨市2023年卫生健康统计年报", "2024-06-10"))
        chunks = pages_of(rows)
        self.wjw.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/list.jsp?cid=12">政府信息公开年报</a>'))

        def listing(query: dict[str, list[str]]) -> Page:
            page = _page(query, "pageIndex", len(chunks))
            if query_value(query, "cid") != "12" or not page:
                return NOT_FOUND
            body = "".join(f'<tr><td>{(page - 1) * 3 + n}</td><td class="title">{escape(title)}</td><td>{date}</td>'
                           f'<td><a href="{path}" target="_blank">点击下载</a></td></tr>'
                           for n, (path, title, date) in enumerate(chunks[page - 1], 1))
            pager = [f'<a href="list.jsp?cid=12&amp;pageIndex={page - 1}">上一页</a>' if page > 1 else "",
                     f'第{page}/{len(chunks)}页',
                     f'<a href="list.jsp?cid=12&amp;pageIndex={page + 1}">下一页</a>' if page < len(chunks) else ""]
            return Page(LOOK.html(f"政府信息公开年报-{agency}", (
                '<table class="list"><tr><th>序号</th><th>标题</th><th>发布日期</th><th>下载</th></tr>'
                f'{body}</table><div class="page">{" ".join(pager)}</div>')))

        self.wjw.dynamic["/xxgk/list.jsp"] = listing

    def _file_named_attachments(self) -> None:
        """民政局: articles saying 详见附件, each report the attachment named by its file name (``2023年报.pdf``)."""
        agency = "东滨市民政局"
        items = []
        for k, year in enumerate(range(2024, 2018, -1)):
            article = f"/xxgk/ndbg/{year + 1}/0120/{500 + k}.html"
            ext = "zip" if year == 2019 else "pdf"
            attachment = f"/uploadfile/{year + 1}/0120/{year + 1}0120093015{k}.{ext}"
            if ext == "pdf":
                self._report(self.mzj, "mzj", attachment, agency, year)
            else:   # the archive is never asked: the article is all a crawl can give of that report
                self.mzj.pages[attachment] = Page(b"PK\x03\x04archive", "application/zip")
                self.expected[self.url("mzj", article)] = (agency, year)
            title = f"{agency}{year}年政府信息公开工作年度报告"
            self.mzj.pages[article] = Page(LOOK.html(title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-20　来源：'
                f'{agency}</div><div class="content"><p>详见附件。</p></div><div class="attachments">附件：'
                f'<a href="{attachment}">{year}年报.{ext}</a></div></div>')))
            items.append((article, title))
        self._noise(self.mzj, "/xxgk/ndbg/2024/0301/520.html", "东滨市2023年民政事业发展统计公报")
        items.insert(2, ("/xxgk/ndbg/2024/0301/520.html", "东滨市2023年民政事业发展统计公报"))
        self.mzj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.mzj.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            f'<ul class="list">{list_items(items)}</ul>')))

    def _dedecms_dynamic(self) -> None:
        """东滨县: DedeCMS's dynamic list, ``/plus/list.php?tid=12&TotalResult=8&PageNo=2``."""
        agency = COUNTY
        items = self._column("dbx", agency, lambda k, year: f"/plus/view.php?aid={345 - k}",
                             [(1, "/plus/view.php?aid=360", "关于开展2023年度企业年度报告公示工作的通知"),
                              (4, "/plus/view.php?aid=361", "东滨县2023年度部门决算")])
        chunks = pages_of(items)
        self.county.pages["/"] = Page(LOOK.html(agency, '<a href="/plus/list.php?tid=12">政府信息公开年报</a>'))

        def listing(query: dict[str, list[str]]) -> Page:
            page = _page(query, "PageNo", len(chunks))
            if query_value(query, "tid") != "12" or not page:
                return NOT_FOUND

            return Page(LOOK.html(f"政府信息公开年报_{agency}", (
                f'<ul class="list">{list_items(chunks[page - 1])}</ul>'
                + dedecms_pager(page, len(chunks), len(items),
                                lambda n: f"/plus/list.php?tid=12&TotalResult={len(items)}&PageNo={n}"))))

        self.county.dynamic["/plus/list.php"] = listing

    def _asp_bracket_pager(self) -> None:
        """司法局: an ASP list paged by ``&page=2`` under bracketed words alone (``[下一页]``), no page numbers."""
        agency = "东滨市司法局"
        items = self._column("sfj", agency, lambda k, year: f"/xxgk/show.asp?id={345 - k}",
                             [(2, "/xxgk/show.asp?id=360", "东滨市2023年法治政府建设年度报告")])
        chunks = pages_of(items)
        self.sfj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/list.asp?classid=12">政府信息公开年报</a>'))

        def listing(query: dict[str, list[str]]) -> Page:
            page = _page(query, "page", len(chunks))
            if query_value(query, "classid") != "12" or not page:
                return NOT_FOUND

            def link(n: int, text: str) -> str:
                return f"<a href='list.asp?classid=12&page={n}'>[{text}]</a>"
            pager = [link(1, "首页"), link(page - 1, "上一页") if page > 1 else "[上一页]",
                     link(page + 1, "下一页") if page < len(chunks) else "[下一页]", link(len(chunks), "尾页")]
            return Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{list_items(chunks[page - 1])}</ul><div class="page">共{len(items)}条记录 '
                f'页次：{page}/{len(chunks)}页 {" ".join(pager)}</div>')))

        self.sfj.dynamic["/xxgk/list.asp"] = listing

"""A second small county portal, 白水县 under ``baishui.gov.cn``, of older sites' habits, written after the blind
portal (``portal_blind``) was measured: its author had by then read parts of the crawler, so it is less blind. Each
habit is one department's 年报 column on the 政府信息公开 page of the www host:

- 县民政局: the column page frames its list (``<iframe src="list.jsp?catid=1201">``), as old JSP and ASP sites do;
- 县林业局: list rows opened by the row's ``onclick="window.open('…')"``, no anchor (older table templates);
- 县应急管理局: reports attached under their Chinese file names (``/uploadfiles/白水县应急管理局2024年….pdf``, the
  browser percent-encoding them) and upper-case extensions (``.PDF``) of Windows servers;
- 县文化和旅游局: a card list whose title is a ``<span>`` beside a link reading 查看详情;
- 县商务局: its column reached only by a 更多 that is a picture (``<img alt="更多">``) under the block's heading;
- volume, as real sites have it: the home page's 新闻中心 and each department's 工作动态, 20 news a page, paged
  ``NEWS_PAGES`` deep (``list_2.html`` …), none of them a report.
"""

from __future__ import annotations

import zlib
from html import escape
from urllib.parse import quote

from simsite.documents import attachment_bytes
from simsite.figures import Agency, report_series
from tests.crawler import portal_o
from tests.crawler.portal import Host, Look, Page
from tests.crawler.portal_blind import frame, published
from tests.crawler.portal_o import OneServerPortal

DOMAIN = "baishui.gov.cn"
COUNTY = "白水县人民政府"
SEED = 137
LOOK = Look('<a href="/">首页</a>', seed=SEED, day=1)
MZJ, LYJ, YJGLJ, WLJ, SWJ = (f"白水县{n}" for n in ("民政局", "林业局", "应急管理局", "文化和旅游局", "商务局"))
AGENCIES = (MZJ, LYJ, YJGLJ, WLJ, SWJ)
YEARS = range(2024, 2021, -1)
NEWS_PAGES = 40   # pages of each news column: a county's 新闻中心 runs to hundreds
NEWS_PER_PAGE = 20


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 白水县's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalBlind2(OneServerPortal):
    """白水县's www host on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www = Host()
        self.serve({"www": self.www})
        self.base = self.url("www", "")
        self._home()
        self._news("/xwzx/", COUNTY)
        self._framed_list()
        self._row_clicks()
        self._chinese_files()
        self._cards()
        self._picture_more()

    def _report(self, path: str, title: str, agency: str, year: int) -> str:
        body = (f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published(year)}'
                f'　来源：{escape(agency)}</div><div class="content">{LOOK.report_body(agency, year)}</div></div>')
        self.www.pages[path] = Page(frame(agency, title, body))
        self.expected[self.url("www", path)] = (agency, year)
        return path

    def _reports(self, code: str, agency: str, day: int) -> list[tuple[str, str, int]]:
        """``agency``'s reports of ``YEARS`` under ``/zwgk/<code>/ndbg/``, expected: (path, title, year) each."""
        out = []
        for y in YEARS:
            title = f"{agency}{y}年政府信息公开工作年度报告"
            out.append((self._report(f"/zwgk/{code}/ndbg/{y + 1}/01{day}/{zlib.crc32(code.encode()) % 9000 + y}.html",
                                     title, agency, y), title, y))
        return out

    def _home(self) -> None:
        departments = [("mzj", "县民政局"), ("lyj", "县林业局"), ("yjglj", "县应急管理局"), ("wlj", "县文化和旅游局"),
                       ("swj", "县商务局")]
        links = "".join(f'<li><a href="/zwgk/{code}/index.html">{name}</a></li>' for code, name in departments)
        self.www.pages["/"] = Page(frame(COUNTY, "首页", '<div class="nav"><a href="/zwgk/">政府信息公开</a>'
                                                        '<a href="/xwzx/index.html">新闻中心</a></div>'))
        self.www.pages["/zwgk/"] = Page(frame(COUNTY, "政府信息公开", f'<h3>部门信息公开</h3><ul>{links}</ul>'))

    def _news(self, folder: str, agency: str) -> None:
        """A news column under ``folder``: ``NEWS_PAGES`` pages of ``NEWS_PER_PAGE`` items, each a page."""
        for n in range(1, NEWS_PAGES + 1):
            items = []
            for k in range(NEWS_PER_PAGE):
                path = f"{folder}{2025 - n // 12}{n % 12 + 1:02d}/t_{n}_{k}.html"
                title = f"{agency}召开第{n * NEWS_PER_PAGE + k}次工作推进会"
                self.www.pages[path] = Page(frame(agency, title, f"<h1>{title}</h1><p>会议要求……</p>"))
                items.append(f'<li><a href="{path}">{title}</a><span>2025-0{n % 9 + 1}-1{k % 10}</span></li>')
            previous = "index.html" if n == 2 else f"list_{n - 1}.html"
            pager = (f'<a href="{previous}">上一页</a>' if n > 1 else "") + \
                (f'<a href="list_{n + 1}.html">下一页</a>' if n < NEWS_PAGES else "") + f" 共{NEWS_PAGES}页"
            name = "index.html" if n == 1 else f"list_{n}.html"
            self.www.pages[f"{folder}{name}"] = Page(frame(agency, "工作动态", f'<ul>{"".join(items)}</ul>'
                                                                            f'<div class="page">{pager}</div>'))

    def _dept(self, code: str, agency: str, column: str = "ndbg/index.html", body: str = "") -> str:
        self._news(f"/zwgk/{code}/gzdt/", agency)
        menu = f'<a href="/zwgk/{code}/index.html">首页</a><a href="/zwgk/{code}/gzdt/index.html">工作动态</a>' + (
            f'<a href="/zwgk/{code}/{column}">政府信息公开年报</a>' if column else "")
        self.www.pages[f"/zwgk/{code}/index.html"] = Page(frame(agency, "首页", body or "<p>部门信息公开。</p>", menu))
        return menu

    def _framed_list(self) -> None:
        menu = self._dept("mzj", MZJ)
        rows = [f'<li><a href="{path}" target="_blank">{title}</a><span>{published(y)}</span></li>'
                for path, title, y in self._reports("mzj", MZJ, 20)]
        self.www.pages["/zwgk/mzj/ndbg/index.html"] = Page(frame(MZJ, "政府信息公开年报", (
            '<iframe src="list.jsp?catid=1201" width="100%" height="600" frameborder="0" scrolling="no"></iframe>'),
            menu))
        self.www.pages["/zwgk/mzj/ndbg/list.jsp?catid=1201"] = Page(
            f'<html><head><meta charset="utf-8"></head><body><ul>{"".join(rows)}</ul></body></html>'.encode())

    def _row_clicks(self) -> None:
        menu = self._dept("lyj", LYJ)
        rows = [f'<tr onclick="window.open(\'{path}\')" style="cursor:pointer"><td class="bt">{title}</td>'
                f'<td>{published(y, 21)}</td></tr>' for path, title, y in self._reports("lyj", LYJ, 21)]
        self.www.pages["/zwgk/lyj/ndbg/index.html"] = Page(frame(LYJ, "政府信息公开年报",
                                                                 f'<table>{"".join(rows)}</table>', menu))

    def _chinese_files(self) -> None:
        menu = self._dept("yjglj", YJGLJ)
        items = []
        for y in YEARS:
            name = f"{YJGLJ}{y}年政府信息公开工作年度报告.PDF"
            path = f"/uploadfiles/{y + 1}01/{name}"
            report = report_series(Agency(YJGLJ, YJGLJ, "department"), SEED)[y]
            self.www.pages[quote(path)] = Page(attachment_bytes("pdf", report), "application/pdf")
            self.expected[self.url("www", quote(path))] = (YJGLJ, y)
            items.append(f'<li><a href="{path}" target="_blank">{YJGLJ}{y}年政府信息公开工作年度报告</a>'
                         f'<span>{published(y, 22)}</span></li>')
        self.www.pages["/zwgk/yjglj/ndbg/index.html"] = Page(frame(YJGLJ, "政府信息公开年报",
                                                                   f'<ul>{"".join(items)}</ul>', menu))

    def _cards(self) -> None:
        menu = self._dept("wlj", WLJ)
        cards = [f'<div class="card"><span class="title">{title}</span><span class="date">{published(y, 23)}</span>'
                 f'<a href="{path}" class="btn">查看详情</a></div>' for path, title, y in self._reports("wlj", WLJ, 23)]
        self.www.pages["/zwgk/wlj/ndbg/index.html"] = Page(frame(WLJ, "政府信息公开年报", "".join(cards), menu))

    def _picture_more(self) -> None:
        items = [f'<li><a href="{path}">{title}</a></li>' for path, title, _ in self._reports("swj", SWJ, 24)]
        block = ('<div class="box"><div class="box-hd"><span>政府信息公开年报</span>'
                 '<a href="/zwgk/swj/ndbg/index.html"><img src="/images/more.gif" alt="更多"></a></div>'
                 f'<ul>{items[0]}</ul></div>')
        menu = self._dept("swj", SWJ, "", block)
        self.www.pages["/zwgk/swj/ndbg/index.html"] = Page(frame(SWJ, "政府信息公开年报",
                                                                 f'<ul>{"".join(items)}</ul>', menu))

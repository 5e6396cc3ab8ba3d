"""The smallest site a crawl finds reports on: one county's, whose home page links its 年报 column, which lists
the county's reports of some years and a 工作总结. For tests that serve it another way (over old TLS, behind a file
server guarding against hotlinking) or change it between two crawls."""

from __future__ import annotations

from collections.abc import Sequence

from tests.crawler.portal import Host, Look, Page

AGENCY = "临川县人民政府"
LOOK = Look('<a href="/">首页</a><a href="/zwgk/">政务公开</a>', seed=23)
COLUMN = "/zwgk/ndbg/index.html"
SUMMARY = "/zwgk/ndbg/zj.html"   # a 工作总结 in the column: not a report


def report_path(year: int) -> str:
    return f"/zwgk/ndbg/{year}.html"


def county_site(host: Host, years: Sequence[int]) -> list[str]:
    """The site's pages on ``host``, with the county's reports of ``years``: their paths."""
    host.pages["/"] = Page(LOOK.html(AGENCY, f'<a href="{COLUMN}">政府信息公开年报</a>'))
    host.pages[SUMMARY] = Page(LOOK.html(f"{AGENCY}2023年度工作总结", "<p>正文。</p>"))
    for year in years:
        host.pages[report_path(year)] = Page(LOOK.article(f"{AGENCY}{year}年政府信息公开工作年度报告", AGENCY, year))
    list_reports(host, years)
    return [report_path(year) for year in years]


def list_reports(host: Host, years: Sequence[int]) -> None:
    """The column as listing the reports of ``years`` (and the 工作总结)."""
    items = "".join(f'<li><a href="{report_path(year)}">{AGENCY}{year}年政府信息公开工作年度报告</a></li>'
                    for year in years)
    host.pages[COLUMN] = Page(LOOK.html("政府信息公开年报", (
        f'<ul>{items}<li><a href="{SUMMARY}">{AGENCY}2023年度工作总结</a></li></ul>')))

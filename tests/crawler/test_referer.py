"""Documents are requested as a person's browser requests them, referred by a page of their site: file servers
that refuse hotlinked downloads (防盗链: 403 without a Referer of the site) give the crawler their reports too."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Request

from crawler.classify import Verdict
from crawler.links import Link
from tests.crawler.helpers import list_meta, portal_crawl
from tests.crawler.portal import Host, HostServer, Look, Page

LIST = "http://www.zhoukou.gov.cn/zwgk/ndbg/index.html"


def test_a_document_request_names_the_page_that_links_it(spider):
    response = HtmlResponse(LIST, body=b"<html></html>", request=Request(LIST, meta=list_meta()))
    link = Link("http://www.zhoukou.gov.cn/zwgk/ndbg/2023.pdf", "2023年政府信息公开工作年度报告")
    request = spider._document_request(link, Verdict.REPORT, response, 0)
    assert request.headers.get("Referer") == LIST.encode()


def test_a_report_a_file_server_guards_against_hotlinking_is_revisited_with_a_referer(tmp_path):
    """Over HTTP: the report drops from its list; the next crawl revisits it, referred by the site's home page."""
    agency = "临川县人民政府"
    look = Look('<a href="/">首页</a>', seed=23)
    host = Host(guarded={"/zwgk/ndbg/2022.html", "/zwgk/ndbg/2023.html"})
    host.pages["/"] = Page(look.html(agency, '<a href="/zwgk/ndbg/index.html">政府信息公开年报</a>'))

    def column(*years: int) -> Page:
        items = "".join(f'<li><a href="/zwgk/ndbg/{y}.html">{agency}{y}年政府信息公开工作年度报告</a></li>'
                        for y in years)
        return Page(look.html("政府信息公开年报", f"<ul>{items}</ul>"))

    host.pages["/zwgk/ndbg/index.html"] = column(2023, 2022)
    for year in (2022, 2023):
        host.pages[f"/zwgk/ndbg/{year}.html"] = Page(look.article(f"{agency}{year}年政府信息公开工作年度报告",
                                                                  agency, year))
    server = HostServer("127.0.0.1", host)
    try:
        _, first = portal_crawl("linchuan", agency, server.base, tmp_path)
        (tmp_path / "items.jsonl").unlink()   # the feed of the first crawl; the site's state stays
        host.pages["/zwgk/ndbg/index.html"] = column(2022)
        _, second = portal_crawl("linchuan", agency, server.base, tmp_path)
    finally:
        server.close()
    revisited = server.base + "/zwgk/ndbg/2023.html"
    assert sorted(i["final_url"] for i in first) == [server.base + "/zwgk/ndbg/2022.html", revisited]
    assert [(i["status"], i["revisit"]) for i in second if i["url"] == revisited] == [(200, True)]

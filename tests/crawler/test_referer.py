"""Documents are requested as a person's browser requests them, referred by a page of their site: file servers
that refuse hotlinked downloads (防盗链: 403 without a Referer of the site) give the crawler their reports too."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Request

from crawler.pages.links import Link
from crawler.steering.classify import Verdict
from tests.crawler.helpers import list_meta, portal_crawl
from tests.crawler.county_site import AGENCY, county_site, list_reports, report_path
from tests.crawler.portal import Host, HostServer

LIST = "http://www.zhoukou.gov.cn/zwgk/ndbg/index.html"


def test_a_document_request_names_the_page_that_links_it(spider):
    response = HtmlResponse(LIST, body=b"<html></html>", request=Request(LIST, meta=list_meta()))
    link = Link("http://www.zhoukou.gov.cn/zwgk/ndbg/2023.pdf", "2023年政府信息公开工作年度报告")
    request = spider._document_request(link, Verdict.REPORT, response, 0)
    assert request.headers.get("Referer") == LIST.encode()


def test_a_report_a_file_server_guards_against_hotlinking_is_revisited_with_a_referer(tmp_path):
    """Over HTTP: the report drops from its list; the next crawl revisits it, referred by the site's home page."""
    host = Host(guarded={report_path(2022), report_path(2023)})
    county_site(host, (2023, 2022))
    server = HostServer("127.0.0.1", host)
    try:
        _, first = portal_crawl("linchuan", AGENCY, server.base, tmp_path)
        (tmp_path / "items.jsonl").unlink()   # the feed of the first crawl; the site's state stays
        list_reports(host, (2022,))
        _, second = portal_crawl("linchuan", AGENCY, server.base, tmp_path)
    finally:
        server.close()
    revisited = server.base + report_path(2023)
    assert sorted(i["final_url"] for i in first) == [server.base + report_path(2022), revisited]
    assert [(i["status"], i["revisit"]) for i in second if i["url"] == revisited] == [(200, True)]

"""A site served under two origins of one host name, another port each (http://X:8080/ beside http://X/), its
pages linking both: read under one (``crawler.hosts.twinorigins``), each page fetched and each report yielded once."""

from __future__ import annotations

from tests.crawler.county_site import AGENCY, COLUMN, LOOK, county_site
from tests.crawler.helpers import portal_crawl
from tests.crawler.portal import Host, HostServer, Page

YEARS = (2024, 2023, 2022)


def test_a_site_served_on_two_ports_is_read_under_the_start_urls_origin(tmp_path):
    site = Host()
    paths = county_site(site, YEARS)
    served, twin = HostServer("127.0.0.1", site), HostServer("127.0.0.1", Host(pages=site.pages))
    try:
        # the CMS writes some links absolute, under the port of the origin it was published on
        site.pages["/"] = Page(LOOK.html(AGENCY, f'<a href="{twin.base}/">网站首页</a>'
                                                 f'<a href="{twin.base}/zwgk/">政务公开栏目</a>'))
        site.pages["/zwgk/"] = Page(LOOK.html("政务公开", f'<a href="{COLUMN}">政府信息公开年报</a>'))
        summary, items = portal_crawl("linchuan", AGENCY, served.base, tmp_path)
    finally:
        served.close()
        twin.close()
    reports = sorted(item["url"] for item in items)
    assert reports == sorted(served.base + path for path in paths)
    # read under the other origin before its pages showed it the same site: its home and 政务公开 (the sitemap
    # its first page's answer let go may come before or after)
    assert {"/", "/robots.txt", "/zwgk/"} <= set(twin.host.log) <= {"/", "/robots.txt", "/zwgk/", "/sitemap.xml"}
    assert summary.frontier_skipped.get("twin_origin", 0) >= 1

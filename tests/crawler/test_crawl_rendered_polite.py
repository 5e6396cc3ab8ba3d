"""A rendered page's requests are the crawl's (crawler.transport.browsergate): a script asking ITEMS addresses at
once has them sent one after another, spaced by the site's download delay, each counted among the pages
fetched; a redirect its script follows is checked against robots.txt as any of the crawl's."""

from __future__ import annotations

from tests.crawler.browser_sites import AGENCY, ITEMS, PacedPortal
from tests.crawler.portal_checks import crawl_of

DELAY = 0.1   # seconds: Scrapy waits 0.5 to 1.5 times it between two requests to a host (RANDOMIZE_DOWNLOAD_DELAY)
crawl = crawl_of(PacedPortal, "qingya", AGENCY, more={"DOWNLOAD_DELAY": DELAY})


def test_the_page_is_rendered_and_its_report_found(crawl):
    portal, summary, items = crawl
    assert (summary.rendered_pages, [i["final_url"] for i in items]) == (1, list(portal.expected))


def test_the_scripts_requests_arrive_spaced_by_the_delay(crawl):
    portal, _, _ = crawl
    assert len(portal.items_at) == ITEMS
    # their span, not each gap: under a loaded suite one arrival late by 60 ms makes one gap short and the next long
    # (two full runs: 0.013 s and 0.038 s between sends spaced >= 0.05 s); sent at once, the span is near 0
    assert portal.items_at[-1] - portal.items_at[0] >= (ITEMS - 1) * DELAY / 2 * 0.9


def test_the_scripts_requests_are_fetches_of_the_crawl(crawl):
    portal, summary, _ = crawl
    # each request the server got, the rendered page's own once (the rendering is no fetch of its own)
    assert summary.pages_fetched == len(portal.main.log)
    assert sum(target.startswith("/api/item") for target in portal.main.log) == ITEMS == summary.render_requests


def test_a_redirect_the_script_follows_obeys_robots_txt(crawl):
    portal, summary, _ = crawl
    assert "/go" in portal.main.log and "/private/x" not in portal.main.log
    assert summary.robots_forbidden == 1

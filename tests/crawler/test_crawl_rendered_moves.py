"""A rendered page whose script moves it to another address the server redirects (``/`` to ``/web#/list``,
redirected to ``/web/``) is read at the address it ended on: its scripts' relative requests and its relative links
resolve there; a request of the page sent with the cookie challenge its host set keeps the cookies its script set.
A rendered DOM is bounded as a page is: one holding an element of too many attributes is that page's error."""

from __future__ import annotations

from tests.crawler.browser_sites import AGENCY, MovingPortal
from tests.crawler.portal_checks import crawl_of

crawl = crawl_of(MovingPortal, "qingya", AGENCY)


def test_the_moved_page_is_read_where_it_ended_with_its_own_cookies(crawl):
    portal, summary, items = crawl
    assert "/web/api/list" in portal.main.log
    assert (summary.rendered_pages, [i["final_url"] for i in items]) == (2, list(portal.expected))


def test_the_redirected_page_is_fetched_once(crawl):
    portal, _, _ = crawl
    assert portal.main.log.count("/web") == 1


def test_a_rendered_dom_no_parser_reads_in_time_is_the_pages_error(crawl):
    portal, summary, _ = crawl
    assert [e.url[len(portal.base):] for e in summary.errors] == ["/web/big.html"]
    assert "markup no parser reads in time" in summary.errors[0].reason

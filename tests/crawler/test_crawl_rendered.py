"""A portal only a browser can read (tests/crawler/spa_site.py), crawled over real HTTP from its home page alone:
its script shells are rendered in headless Chromium, their drawn menu, list and pager read as pages and the JSON
their script fetched as API answers; every report is found. A page whose script never ends costs its render's
time and is that page's error; one asking 10,000 requests has at most MAX_RENDER_REQUESTS sent, none off the site
or against robots.txt, and no picture is fetched."""

from __future__ import annotations

import pytest

from crawler.transport.browser import MAX_RENDER_REQUESTS
from tests.crawler.helpers import portal_crawl
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    test_every_report_is_found, test_nothing_but_reports_is_yielded, test_the_crawl_ends_by_itself)
from tests.crawler.spa_site import AGENCY, SpaPortal

RENDER_SECONDS = 5.0   # the hanging page's cost; the others render within it on a loaded machine


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    portal = SpaPortal()
    try:
        summary, items = portal_crawl("qinglan", AGENCY, portal.base, tmp_path_factory.mktemp("qinglan"),
                                      more={"GXMON_RENDER_SECONDS": RENDER_SECONDS})
        yield portal, summary, items
    finally:
        portal.close()


def test_only_the_shells_are_rendered(crawl):
    portal, summary, _ = crawl
    # the home page, the column's three pages, the two hostile pages
    assert summary.rendered_pages == 3 + portal.list_pages


def test_every_list_page_is_asked_of_the_api(crawl):
    portal, _, _ = crawl
    asked = [t for t in portal.main.log if t.startswith("/api/list")]
    assert sorted(set(asked)) == [f"/api/list?page={n}" for n in range(1, portal.list_pages + 1)]


def test_a_script_that_never_ends_is_that_pages_error(crawl):
    portal, summary, _ = crawl
    assert (portal.base + "/zwgk/tzgg.html", f"RenderError: not rendered within {RENDER_SECONDS:g} s") in \
        [(e.url, e.reason) for e in summary.errors]


def test_a_flood_of_requests_is_cut_at_the_limit(crawl):
    portal, _, _ = crawl
    assert 0 < sum(t.startswith("/api/ping") for t in portal.main.log) <= MAX_RENDER_REQUESTS


def test_robots_txt_and_pictures_hold_for_the_browser(crawl):
    portal, _, _ = crawl
    assert [t for t in portal.main.log if t.startswith(("/private/", "/logo.png"))] == []

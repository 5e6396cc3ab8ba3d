"""A site's limits stop the browser too (crawler.transport.browsergate): a rendered page whose script asks
FLOOD_ITEMS addresses at once has no more sent than the site's max_pages lets, nor past its bytes, and one asking an address every
TICK_MS ms for ever has none sent past the site's max_time, and is read as it is then; one whose script never
ends is given up GXMON_STOP_GRACE seconds past max_time, as a download is."""

from __future__ import annotations

import pytest

from tests.crawler.browser_sites import AGENCY, FLOOD_ITEMS, FloodPortal, LoopingPortal
from tests.crawler.helpers import portal_crawl

MAX_PAGES = 10
MAX_BYTES = 4000   # the robots.txt, the home page twice and a few of its scripts' answers
MAX_TIME = 5.0
SLACK_SECONDS = 1.0   # past max_time, for the downloads under way when it came to end
CLOSE_SECONDS = 1.5   # past max_time, to read the page as it is and close the crawl
GRACE = 1.0           # GXMON_STOP_GRACE: past max_time, a render is cut


def _crawl(tmp_path_factory, portal, limit: dict):
    try:
        summary, _ = portal_crawl("qingya", AGENCY, portal.base, tmp_path_factory.mktemp("qingya"), more=limit)
        return portal, summary
    finally:
        portal.close()


@pytest.fixture(scope="module")
def flood(tmp_path_factory):
    return _crawl(tmp_path_factory, FloodPortal(ticking=False), {"CLOSESPIDER_PAGECOUNT": MAX_PAGES})


@pytest.fixture(scope="module")
def flood_bytes(tmp_path_factory):
    return _crawl(tmp_path_factory, FloodPortal(ticking=False), {"GXMON_MAX_TOTAL_BYTES": MAX_BYTES})


@pytest.fixture(scope="module")
def ticking(tmp_path_factory):
    return _crawl(tmp_path_factory, FloodPortal(ticking=True), {"CLOSESPIDER_TIMEOUT": MAX_TIME})


@pytest.fixture(scope="module")
def looping(tmp_path_factory):
    return _crawl(tmp_path_factory, LoopingPortal(), {"CLOSESPIDER_TIMEOUT": MAX_TIME, "GXMON_STOP_GRACE": GRACE})


def test_max_pages_stops_the_browser(flood):
    portal, summary = flood
    assert summary.finish_reason == "closespider_pagecount"
    assert 0 < len(portal.items_at) and len(portal.main.log) <= MAX_PAGES


def test_max_bytes_stops_the_browser(flood_bytes):
    portal, summary = flood_bytes
    assert summary.finish_reason == "closespider_bytes"
    assert 0 < len(portal.items_at) < FLOOD_ITEMS / 2


def test_max_time_stops_the_browser(ticking):
    portal, summary = ticking
    assert summary.finish_reason == "closespider_timeout"
    assert portal.items_at and portal.items_at[-1] - portal.robots_at[0] <= MAX_TIME + SLACK_SECONDS


def test_the_page_is_read_as_it_is_once_max_time_comes(ticking):
    _, summary = ticking
    # not past the render's wait for its scripts (a third of GXMON_RENDER_SECONDS, 5 s)
    assert summary.rendered_pages == 1 and summary.elapsed_seconds <= MAX_TIME + CLOSE_SECONDS


def test_a_page_whose_script_never_ends_is_cut_past_max_time(looping):
    _, summary = looping
    # not its render's 15 s (GXMON_RENDER_SECONDS)
    assert summary.finish_reason == "closespider_timeout" and summary.elapsed_seconds <= MAX_TIME + GRACE + CLOSE_SECONDS
    assert [e.reason for e in summary.errors] == ["RenderError: cut: the crawl's time is over"]

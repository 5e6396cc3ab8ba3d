"""The portal only a browser can read (tests/crawler/spa_site.py) crawled with rendering off (``GXMON_RENDER``), as
the crawler was before it rendered: its shell gives no report, the crawl ends, the page it would have rendered
counted unfetched (``render_off``)."""

from __future__ import annotations

import pytest

from tests.crawler.helpers import portal_crawl
from tests.crawler.spa_site import AGENCY, SpaPortal


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    portal = SpaPortal()
    try:
        yield portal, *portal_crawl("qinglan", AGENCY, portal.base, tmp_path_factory.mktemp("qinglan-off"),
                                    more={"GXMON_RENDER": False})
    finally:
        portal.close()


def test_no_report_is_found_without_the_browser(crawl):
    _, summary, items = crawl
    assert (items, summary.finish_reason) == ([], "finished")


def test_no_page_is_rendered_and_the_shell_is_counted(crawl):
    _, summary, _ = crawl
    assert (summary.rendered_pages, summary.frontier_skipped) == (0, {"render_off": 1})

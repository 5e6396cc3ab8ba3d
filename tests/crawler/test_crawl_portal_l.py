"""A crawl of a twelfth portal, its department sub-sites CMS families and habits no other portal has
(tests/crawler/portal_l.py), over real HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_l import PortalL

crawl = crawl_of(PortalL, "beihu", "北湖市人民政府")


@pytest.mark.parametrize("folder", ["/xxgk/", "/zjj/", "/gkpt/", "/czj/", "/mzj/", "/sjj/", "/rsj/", "/lyj/", "/slj/",
                                    "/jtj/"])
def test_each_familys_reports_are_found(crawl, folder):
    assert found_under(crawl, crawl[0].base + folder) == expected_under(crawl, crawl[0].base + folder)

"""A crawl of a thirteenth portal, its departments' lists loaded by POST, from answers of ids only, or through the
parent bundle's request function (tests/crawler/portal_m.py), over real HTTP, from its home page alone: every report
found and nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_m import PortalM

crawl = crawl_of(PortalM, "nanling", "南岭市人民政府")


@pytest.mark.parametrize("folder", ["/xxgk/", "/fgw/", "/zjj/", "/jyj/", "/wjw/", "/nyj/", "/czj/", "/tjj/", "/sjj/",
                                    "/jtj/", "/slj/"])
def test_each_familys_reports_are_found(crawl, folder):
    assert found_under(crawl, crawl[0].base + folder) == expected_under(crawl, crawl[0].base + folder)

"""A crawl of an eleventh portal, each department's 年报 column a platform family no other portal has
(tests/crawler/portal_k.py), over real HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_k import PortalK

crawl = crawl_of(PortalK, "dongyue", "东岳市人民政府")


@pytest.mark.parametrize("folder", ["/xxgk/", "/fgw/", "/czj/", "/jyj/", "/wjw/", "/mzj/", "/sjj/", "/sfj/",
                                    "/yjj/"])
def test_each_familys_reports_are_found(crawl, folder):
    assert found_under(crawl, crawl[0].base + folder) == expected_under(crawl, crawl[0].base + folder)


def test_only_the_report_views_chunks_are_fetched(crawl):
    assert "/sjj/xxgk/assets/index.5c6d7e8f.js" not in crawl[0].main.log   # the 政策文件 view's


def test_no_library_script_is_fetched(crawl):
    assert not [t for t in crawl[0].main.log if "vendor" in t or "polyfills" in t]

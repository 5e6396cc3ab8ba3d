"""A crawl of a nineteenth portal under host names (tests/crawler/portal_s.py): 广东-style gkmlpt platforms whose
catalogs are hash routes and whose lists a JSON API answers, a JCMS column whose data proxy answers only a POST,
``/detail?id=`` shells whose article is a content API's JSON (the report in ``htmlContent`` or a ``files[]`` PDF),
titles cut with "…" and no title attribute, a 年报专栏 listed by a search API asked with a JSON POST, decoys, over
real HTTP from the www home page alone: every report found with its year, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded, test_pages_fetched_per_report_stay_low,
    test_the_crawl_ends_by_itself)
from tests.crawler.portal_s import CITY, PortalS

crawl = crawl_of(PortalS, "nanxi", CITY, "tests.crawler.portal_s.HostsResolver")


@pytest.mark.parametrize("agency", ["南溪市人民政府", "南溪县人民政府", "南溪市发展和改革委员会", "南溪市教育局",
                                    "南溪市卫生健康委员会", "南溪市人力资源和社会保障局", "南溪市民政局"])
def test_each_agencys_reports_are_found_with_their_year(crawl, agency):
    portal, _, items = crawl
    found = {(i["final_url"], i["year"]) for i in items}
    assert sorted(u for u, (a, y) in portal.expected.items() if a == agency and (u, y) not in found) == []

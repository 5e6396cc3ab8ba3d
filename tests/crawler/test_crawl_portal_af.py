"""A crawl of a thirtieth portal (tests/crawler/portal_af.py), its departments' 年报 columns each keeping one list habit
the crawler learnt last — an address joined from a base another inline script declares, a request function's joined
address, an Element UI pager's bound total over an answer without a count, a <table> fragment .load() fills, a pager
count its site's page.js draws, an article calling Cms.attachment twice — over real HTTP from its home page alone:
every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_af import AUDIT, CIVIL, DEVELOPMENT, EDUCATION, STATISTICS, WATER, PortalAD
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAD, "nanxi", "南溪市人民政府")


@pytest.mark.parametrize("agency", [AUDIT, DEVELOPMENT, WATER, CIVIL, STATISTICS, EDUCATION])
def test_each_departments_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


def test_the_answer_without_a_count_is_asked_for_each_page_its_pager_binds_once(crawl):
    asked = sorted(t for t in crawl[0].main.log if t.startswith("/slj/api/"))
    assert asked == [f"/slj/api/xxgk/list?pageNo={n}&catId=nb" for n in (1, 2, 3)]

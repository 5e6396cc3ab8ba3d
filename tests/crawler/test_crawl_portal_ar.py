"""A crawl of the blind county portal 岚石县 (``portal_ar``) from its home page alone. The crawler at 64ec5a0 found 3 of
its 62 reports (1 news page yielded, 20 pages fetched)."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ar import COUNTY, EDUCATION, HEALTH, PLATFORM_DEPARTMENTS, TOWNS, PortalAR
from tests.crawler.portal_checks import (crawl_of, missed_of, test_every_report_is_found,  # noqa: F401
                                         test_nothing_but_reports_is_yielded, test_pages_fetched_per_report_stay_low,
                                         test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAR, "lanshi", COUNTY)


def test_the_portal_has_many_units_mostly_towns():
    portal = PortalAR()
    try:
        agencies = {agency for agency, _ in portal.expected.values()}
        assert len(agencies) >= 12 and len(portal.expected) >= 40
        assert len(TOWNS) > len(agencies) / 2
    finally:
        portal.close()


def test_the_county_column_in_an_iframe_paged_by_laypage_is_read(crawl):
    assert missed_of(crawl, COUNTY) == []


@pytest.mark.parametrize("name", [name for _, name, _ in TOWNS])
def test_each_town_on_the_platform_is_read(crawl, name):
    # the unit only in a JSONP tree, its list of openDoc links paged by createPage
    assert missed_of(crawl, name) == []


@pytest.mark.parametrize("name", [name for _, name, _ in PLATFORM_DEPARTMENTS])
def test_each_department_on_the_platform_is_read(crawl, name):
    assert missed_of(crawl, name) == []


def test_a_list_loaded_by_a_json_post_is_read(crawl):
    assert missed_of(crawl, EDUCATION) == []


def test_reports_only_attached_to_generic_notices_are_read(crawl):
    assert missed_of(crawl, HEALTH) == []

"""A crawl of the blind portal 梧岭县 (``portal_at``): a county on its province's 集约化 platform, its reports the
PDF attachments of one unit-filtered list on the province's 信息公开 platform, two towns' found by site search."""

from __future__ import annotations

import pytest

from tests.crawler.portal_at import COUNTY, DEPARTMENTS, TOWNS, PortalAT
from tests.crawler.portal_checks import (crawl_of, missed_of, test_every_report_is_found,  # noqa: F401
                                         test_nothing_but_reports_is_yielded, test_pages_fetched_per_report_stay_low,
                                         test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAT, "wuling", COUNTY, resolver="tests.crawler.portal_at.Resolver")


@pytest.mark.parametrize("agency", [COUNTY])
def test_the_countys_reports_behind_the_post_pager_are_found(crawl, agency):
    assert missed_of(crawl, agency) == []


@pytest.mark.parametrize("agency", [name for _, name, _ in DEPARTMENTS])
def test_each_departments_reports_behind_the_unit_select_are_found(crawl, agency):
    assert missed_of(crawl, agency) == []


@pytest.mark.parametrize("agency", [f"{name}人民政府" for _, name, linked in TOWNS if linked])
def test_the_towns_reports_in_the_township_column_are_found(crawl, agency):
    assert missed_of(crawl, agency) == []


@pytest.mark.parametrize("agency", [f"{name}人民政府" for _, name, linked in TOWNS if not linked])
def test_the_towns_reports_only_the_site_search_lists_are_found(crawl, agency):
    assert missed_of(crawl, agency) == []

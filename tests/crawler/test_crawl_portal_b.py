"""A crawl of a second portal built unlike simsite and tests/crawler/portal.py (tests/crawler/portal_b.py), over
real HTTP on two hosts, from its home page alone: every report found and nothing else."""

from __future__ import annotations

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_b import PortalB


crawl = crawl_of(PortalB, "beishan", "北山市人民政府")


def test_downloaded_files_take_the_agency_and_year_of_their_page(crawl):
    _, _, items = crawl
    assert sorted((i["agency"], i["year"]) for i in items if "downfile.jsp" in i["final_url"]) == \
        [("北山市发展和改革委员会", year) for year in range(2019, 2024)]


def test_items_titled_by_the_year_alone_take_their_year(crawl):
    _, _, items = crawl
    assert sorted(i["year"] for i in items if "/c1026/" in i["final_url"]) == [2021, 2022, 2023]


def test_nothing_the_enterprises_annual_report_column_lists_is_requested(crawl):
    assert not [t for t in crawl[0].main.log if t.startswith("/public/2002/970000")]


def test_a_sub_site_named_by_an_abbreviation_takes_its_full_name(crawl):
    assert "北山市卫生健康委员会" in {s.name for s in crawl[1].coverage.subsites}


def test_each_unit_of_the_platform_has_its_own_column(crawl):
    columns = {s.name: s.columns for s in crawl[1].coverage.subsites}
    assert [len(columns[name]) for name in ("北山市人民政府", "北山市发展和改革委员会", "北山市市场监督管理局")] == [1, 1, 1]


def test_the_work_report_column_is_no_report_column(crawl):
    columns = {s.name: s.columns for s in crawl[1].coverage.subsites}
    assert not [c for c in columns["北山市人民政府"] if "catId=8703" in c]

"""A crawl of a portal built unlike simsite (tests/crawler/portal.py), over real HTTP on two hosts, from its home
page alone: every report found and nothing else, traps recognised, coverage reported."""

from __future__ import annotations

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal import Portal


crawl = crawl_of(Portal, "nanhu", "南湖市人民政府")


def test_the_link_farm_is_recognised_as_a_trap(crawl):
    assert any("/zfxxgk/hb/" in t["pattern"] for t in crawl[1].coverage.traps)


def test_nothing_the_farm_lists_is_requested(crawl):
    portal = crawl[0]
    assert not [t for t in portal.main.log if t.startswith("/zfxxgk/hb/") and t.endswith(".html")]


def test_the_calendar_costs_few_pages(crawl):
    assert len([t for t in crawl[0].main.log if "date=" in t or "month=" in t]) <= 3


def test_each_host_robots_txt_is_read_and_obeyed(crawl):
    county = crawl[0].county.log
    assert county[0] == "/robots.txt" and "/private/" not in county


def test_the_county_on_its_own_host_is_entered(crawl):
    portal, _, items = crawl
    assert {i["agency"] for i in items if i["final_url"].startswith(portal.county_base)} == {"东湖区人民政府"}


def test_nothing_outside_the_portal_is_requested(crawl):
    assert not [e for e in crawl[1].errors if "gov.cn" in e.url]


def test_titles_without_an_agency_take_the_sub_site_full_name(crawl):
    _, _, items = crawl
    assert {i["agency"] for i in items if "/bm/jyj/" in i["final_url"]} == {"南湖市教育局"}


def test_years_in_chinese_numerals_are_read(crawl):
    _, _, items = crawl
    assert sorted(i["year"] for i in items if "/art/" in i["final_url"]) == [2019, 2020, 2021, 2022, 2023]


def test_coverage_lists_the_sub_sites_entered(crawl):
    names = {s.name for s in crawl[1].coverage.subsites}
    assert {"南湖市教育局", "南湖市民政局", "南湖市财政局", "南湖市司法局", "东湖区人民政府", "西洋县人民政府"} <= names


def test_coverage_names_the_column_found_on_each_department(crawl):
    columns = {s.name: s.columns for s in crawl[1].coverage.subsites}
    assert all(columns[name] for name in ("南湖市教育局", "南湖市民政局", "南湖市财政局", "南湖市司法局", "东湖区人民政府"))


def test_a_column_only_the_sitemap_lists_is_found_and_counted_for_its_sub_site(crawl):
    assert crawl[1].coverage.without_column == []


def test_coverage_counts_reports_per_agency_and_year(crawl):
    reports = {r.agency: r.years for r in crawl[1].coverage.reports}
    assert reports["东湖区人民政府"] == {year: 1 for year in range(2019, 2024)}

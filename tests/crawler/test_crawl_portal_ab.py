"""A crawl of a twenty-eighth portal under host names (tests/crawler/portal_ab.py): three 政府信息公开 platforms whose
department menu is a department API's answer (a flat list, a nested ``children`` tree, a zTree of ``{id, pId}``) and
whose 年报 list is one call the script fills with the clicked department's key (in the query string, a JSON body, a
path segment); decoys, over real HTTP from the www home page alone: every department's reports found with their
year and agency (the department's name the menu's where the list's titles name none), nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ab import DEPARTMENTS, PortalAB
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAB, "nanwan", "南湾市人民政府", "tests.crawler.portal_ab.HostsResolver")


@pytest.mark.parametrize("agency", sorted(DEPARTMENTS.values()))
def test_each_departments_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


def test_the_flat_lists_key_is_asked_in_the_query_once_a_department(crawl):
    asked = sorted(t for t in crawl[0].bmgk.log if t.startswith("/api/article/list"))
    assert asked == [f"/api/article/list?deptId={d}&channelCode=ndbg&pageNo=1&pageSize=10"
                     for d in ("101", "102", "103", "104")]


def test_the_trees_key_is_posted_for_each_node_of_it(crawl):
    assert crawl[0].zwgk.log.count("POST /prod-api/gk/ndbg/page") == 6   # five bodies and the towns' group


def test_the_ztrees_key_is_a_path_segment(crawl):
    asked = sorted(t for t in crawl[0].gk.log if t.startswith("/gk/api/unit/"))
    assert [t for t in asked if t != "/gk/api/unit//ndbg"] == [
        f"/gk/api/unit/{u}/ndbg" for u in ("400", "401", "402", "403")]


def test_an_address_joined_from_strings_and_names_is_asked_for_each_department(crawl):
    asked = sorted(t for t in crawl[0].bm.log if t.startswith("/portal/"))
    assert [t for t in asked if t != "/portal/xxgk/unit//ndbg.json"] == [
        "/portal/xxgk/dept/list.json", "/portal/xxgk/unit/501/ndbg.json", "/portal/xxgk/unit/502/ndbg.json"]

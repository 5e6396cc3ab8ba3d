"""A crawl of a fourth portal built from platform families the other fixtures do not have
(tests/crawler/portal_d.py), over real HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_d import PortalD


crawl = crawl_of(PortalD, "xiling", "西岭市人民政府")


def test_a_column_tree_loaded_by_ztree_is_read(crawl):
    assert "/xxgk/tree.do" in crawl[0].main.log


def test_every_year_of_a_get_form_select_is_read(crawl):
    assert found_under(crawl, crawl[0].base + "/xxgk/") == expected_under(crawl, crawl[0].base + "/xxgk/")


def test_a_pager_of_buttons_is_read_to_its_end(crawl):
    assert found_under(crawl, crawl[0].base + "/slj/") == expected_under(crawl, crawl[0].base + "/slj/")

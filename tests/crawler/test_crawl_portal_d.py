"""A crawl of a fourth portal built from platform families the other fixtures do not have
(tests/crawler/portal_d.py), over real HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.helpers import portal_crawl
from tests.crawler.portal_d import PortalD


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    portal = PortalD()
    try:
        summary, items = portal_crawl("xiling", "西岭市人民政府", portal.base, tmp_path_factory.mktemp("portal_d"))
        yield portal, summary, items
    finally:
        portal.close()


def _found(crawl, prefix: str) -> list[str]:
    portal, _, items = crawl
    return sorted(u for u in portal.expected if u.startswith(prefix) and u in {i["final_url"] for i in items})


def _expected(crawl, prefix: str) -> list[str]:
    return sorted(u for u in crawl[0].expected if u.startswith(prefix))


def test_every_report_is_found(crawl):
    portal, _, items = crawl
    assert sorted(set(portal.expected) - {i["final_url"] for i in items}) == []


def test_nothing_but_reports_is_yielded(crawl):
    portal, _, items = crawl
    assert [i["final_url"] for i in items if i["final_url"] not in portal.expected] == []


def test_the_crawl_ends_by_itself(crawl):
    assert crawl[1].finish_reason == "finished"


def test_pages_fetched_per_report_stay_low(crawl):
    portal, summary, _ = crawl
    assert summary.pages_fetched / len(portal.expected) <= 8


def test_a_column_tree_loaded_by_ztree_is_read(crawl):
    assert "/xxgk/tree.do" in crawl[0].main.log


def test_every_year_of_a_get_form_select_is_read(crawl):
    assert _found(crawl, crawl[0].base + "/xxgk/") == _expected(crawl, crawl[0].base + "/xxgk/")


def test_a_pager_of_buttons_is_read_to_its_end(crawl):
    assert _found(crawl, crawl[0].base + "/slj/") == _expected(crawl, crawl[0].base + "/slj/")

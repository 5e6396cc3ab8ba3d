"""A crawl of a fourth portal built from platform families the other fixtures do not have
(tests/crawler/portal_d.py), over real HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

import base64
import email

from gxparse import parse_document
from simsite.figures import Agency, report_series
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


def test_a_report_its_cms_split_into_pages_is_archived_whole(crawl):
    portal, _, items = crawl
    first, further = portal.split
    [item] = [i for i in items if i["final_url"] == first]
    parts = email.message_from_bytes(base64.b64decode(item["body"])).get_payload()
    assert [part["Content-Location"] for part in parts] == [first, further]
    report = parse_document(base64.b64decode(item["body"]), first).to_dict()
    truth = report_series(Agency("西岭市水利局", "西岭市水利局", "department"), 17)[2023]
    assert [report[t] for t in ("s2", "s3", "s4")] == [truth[t] for t in ("s2", "s3", "s4")]

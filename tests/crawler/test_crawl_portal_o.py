"""A crawl of a fifteenth portal under host names (tests/crawler/portal_o.py): www and bare twins, an http → https
move across names, a mobile twin, departments on hosts of their own, one refusing robots, one down, over real
HTTP from its home page alone, the names resolved to 127.0.0.1 in this crawl only: every report within reach found
once and nothing else."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from crawler.coverage import CHALLENGE_REFUSED, ROBOTS_REFUSED
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded, test_pages_fetched_per_report_stay_low,
    test_the_crawl_ends_by_itself)
from tests.crawler.portal_o import CITY, PortalO

# The portal served, crawled once from its https://www home page, its names resolved by the test's resolver.
crawl = crawl_of(PortalO, "dongjiang", CITY, "tests.crawler.portal_o.HostsResolver")


def test_each_report_is_yielded_once(crawl):
    finals = [i["final_url"] for i in crawl[2]]
    assert sorted(u for u in set(finals) if finals.count(u) > 1) == []


def test_no_page_is_fetched_under_two_names(crawl):
    """www and its bare twin answer the same pages: each is asked once, whichever name a link used."""
    asked = [t for t in crawl[0].www.log if t != "/robots.txt"]
    assert sorted(t for t in set(asked) if asked.count(t) > 1) == []


@pytest.mark.parametrize(("host", "says"), [("gaj.dongjiang.gov.cn", "Connection refused"),
                                           ("swj.dongjiang.gov.cn", "瑞数")])
def test_a_department_host_down_or_behind_a_gate_is_named_once_and_the_rest_crawled(crawl, host, says):
    reasons = [e.reason for e in crawl[1].errors if urlsplit(e.url).hostname == host]
    assert len(reasons) == 1 and says in reasons[0]


def test_coverage_counts_each_sub_site_once_under_its_own_host_and_no_mobile_twin(crawl):
    subsites = crawl[1].coverage.subsites
    hosts = [urlsplit(s.url).hostname for s in subsites]
    assert len({s.name for s in subsites}) == len(subsites) and "m.dongjiang.gov.cn" not in hosts
    assert {"fgw.dongjiang.gov.cn", "jyj.dongjiang.gov.cn", "sfj.dongjiang.gov.cn"} <= set(hosts)
    assert [s.reports for s in subsites if s.name == CITY] == [6]


def test_a_redirect_within_the_site_is_followed_and_one_leaving_it_refused(crawl):
    portal, summary, _ = crawl
    assert any(t.startswith("/xxgk/ndbg/") for t in portal.moved.log)
    assert [e.reason for e in summary.errors if "example-ads" in e.reason][0].startswith(
        "IgnoreRequest: off-site redirect refused")


def test_coverage_names_the_department_host_whose_robots_refuse_the_crawl(crawl):
    portal, summary, _ = crawl
    assert summary.coverage.robots_refused == {portal.url("wjw", "").split("//")[1]: ["东江市卫生健康委员会"]}
    assert not [t for t in portal.depts["wjw"].log if t != "/robots.txt"]


def test_a_departments_www_twin_and_other_scheme_are_fetched_once_and_its_mobile_twins_never(crawl):
    """fgw. and www.fgw., over http and https alike, answer the same pages on one server: each asked once; its
    mobile twins (m.fgw., /m/) mirror them and are left alone."""
    portal = crawl[0]
    asked = [t for t in portal.depts["fgw"].log if t != "/robots.txt"]
    assert sorted(t for t in set(asked) if asked.count(t) > 1) == []
    assert portal.depts["m.fgw"].log == [] and not [t for t in asked if t.startswith("/m/")]


def test_coverage_counts_a_departments_column_once_whatever_twin_linked_it(crawl):
    portal, summary, _ = crawl
    assert [s.columns for s in summary.coverage.subsites if s.name == "东江市发展和改革委员会"] \
        == [[portal.url("fgw", "/xxgk/ndbg/")]]


def test_a_notices_column_announcing_reports_is_named_as_notices_never_as_a_report_column(crawl):
    portal, summary, _ = crawl
    [sfj] = [s for s in summary.coverage.subsites if s.name == "东江市司法局"]
    assert (sfj.columns, sfj.notices, sfj.reports) == ([], [portal.url("sfj", "/tzgg/index.html")], 6)
    assert "东江市司法局" not in summary.coverage.without_column


def test_the_departments_whose_robots_or_challenge_refuse_the_crawl_are_said_refused_never_without_a_column(crawl):
    portal, summary, _ = crawl
    assert sorted((s.name, s.url, s.found_via, s.reports, s.refused) for s in summary.coverage.refused) \
        == [("东江市卫生健康委员会", portal.url("wjw", "/"), "部门网站", 0, ROBOTS_REFUSED),
            ("东江市商务局", portal.url("swj", "/"), "部门网站", 0, CHALLENGE_REFUSED)]
    assert summary.coverage.without_column == []


def test_a_mobile_first_departments_column_under_its_mobile_folder_is_found(crawl):
    portal, _, items = crawl
    assert sorted(i["final_url"] for i in items if "mzj." in i["final_url"]) == sorted(
        u for u in portal.expected if "mzj." in u)

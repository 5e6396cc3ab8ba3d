"""A crawl of an eighteenth portal under host names (tests/crawler/portal_r.py): a www host sending every address
to the bare host's TRS column code, a 目录 drawn from a JSON tree, lists written by document.write of a script
array and by a text/template filled from inline JSON, years only in the tabs and addresses, a department behind
an anti-bot challenge it cannot pass, a county answering unknown addresses 200 页面不存在, decoys, over real HTTP
from the www root alone: every report found, nothing else, and the guarded department reported as refused."""

from __future__ import annotations

import pytest

from crawler.coverage import CHALLENGE_REFUSED
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_r import AUDIT, CITY, PortalR

crawl = crawl_of(PortalR, "xiling", CITY, "tests.crawler.portal_r.HostsResolver")


@pytest.mark.parametrize("agency", ["西岭市人民政府", "西岭市交通运输局", "西岭市住房和城乡建设局", "西岭市农业农村局",
                                    "西岭县人民政府"])
def test_each_agencys_reports_are_found_with_their_year(crawl, agency):
    portal, _, items = crawl
    found = {(i["final_url"], i["year"]) for i in items}
    assert sorted(u for u, (a, y) in portal.expected.items() if a == agency and (u, y) not in found) == []


def test_nothing_but_reports_is_yielded_the_withdrawn_report_only_as_gone(crawl):
    # the county's list still links its 2019 report, whose address answers 200 您访问的页面不存在
    portal, _, items = crawl
    others = [i for i in items if i["final_url"] not in portal.expected]
    assert [(i["final_url"].split("/", 3)[3], bool(i["gone"])) for i in others] == [("xxgk/ndbg/nb2019.html", True)]


def test_the_department_behind_a_challenge_is_refused_with_the_reason_never_without_a_column(crawl):
    portal, summary, _ = crawl
    coverage = summary.coverage
    assert [(s.name, s.refused) for s in coverage.refused] == [(AUDIT, CHALLENGE_REFUSED)]
    assert coverage.without_column == []
    assert [e.url for e in summary.errors] == [portal.url("sjj", "/")]


def test_the_challenged_host_is_asked_no_further_than_its_entry_and_the_files_every_host_is_asked(crawl):
    portal, _, _ = crawl
    assert sorted(line for line in portal.log if line.startswith("sjj.")) \
        == ["sjj.xiling.gov.cn/", "sjj.xiling.gov.cn/robots.txt"]

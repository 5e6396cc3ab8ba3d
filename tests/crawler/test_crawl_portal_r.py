"""A crawl of an eighteenth portal under host names (tests/crawler/portal_r.py): a www host sending every address
to the bare host's TRS column code, a 目录 drawn from a JSON tree, lists written by document.write of a script
array and by a text/template filled from inline JSON, years only in the tabs and addresses, a department behind
an anti-bot challenge it cannot pass, a county answering unknown addresses 200 页面不存在, decoys, over real HTTP
from the www root alone: every report found, nothing else, and the guarded department reported as refused."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded, test_pages_fetched_per_report_stay_low,
    test_the_crawl_ends_by_itself)
from tests.crawler.portal_r import AUDIT, CITY, PortalR

crawl = crawl_of(PortalR, "xiling", CITY, "tests.crawler.portal_r.HostsResolver")


@pytest.mark.parametrize("agency", ["西岭市人民政府", "西岭市交通运输局", "西岭市住房和城乡建设局", "西岭县人民政府"])
def test_each_agencys_reports_are_found(crawl, agency):
    portal, _, items = crawl
    found = {i["final_url"] for i in items}
    assert sorted(u for u, (a, _) in portal.expected.items() if a == agency and u not in found) == []

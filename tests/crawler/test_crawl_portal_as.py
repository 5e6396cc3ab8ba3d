"""A crawl of the blind portal 沂川市 (``portal_as``): each agency's reports, found however its site is built."""

from __future__ import annotations

import pytest

from tests.crawler.portal_as import PortalAS
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAS, "yichuan", "沂川市人民政府", "tests.crawler.portal_as.AsResolver")


@pytest.mark.parametrize("agency", [
    "沂川市人民政府",                 # 法定主动公开内容 › 年度报告 in a frameset's tree; jqPaginator
    "沂川市发展和改革委员会",          # a tree node with an id only; a table
    "沂川市教育局",                   # a tree node; the year only in a span
    "沂川市财政局",                   # a tree node; pagination.js
    "沂川市人力资源和社会保障局",      # a tree node; 2023年度报告 titles
    "沂川市民政局",                   # redirected to the mobile host
    "沂川市卫生健康委员会",            # a select's option; an iframe; pagination.js
    "沂川市自然资源和规划局",          # a select's option; the column named in its 指南
    "沂川市交通运输局",               # a select's option; the column in its 目录; the year in a span
    "沂东区人民政府",                 # its own host, an ASP.NET CMS, 下一页
    "沂东区教育和体育局",             # the district's 部门 select
    "沂东区财政局",                   # the district's onclick="showDept(22)"
])
def test_each_agency_is_found(crawl, agency: str) -> None:
    assert missed_of(crawl, agency) == []

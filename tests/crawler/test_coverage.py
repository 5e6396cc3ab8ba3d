"""Which sub-site a page belongs to (crawler.coverage.Subsites)."""

from __future__ import annotations

from crawler.coverage import PORTAL, Subsites

PLATFORM = "http://www.beishan.gov.cn/public/column/"


def test_units_of_one_platform_folder_are_told_apart_by_their_last_segment():
    subsites = Subsites("北山市人民政府", "http://www.beishan.gov.cn/")
    subsites.enter("发展改革委", PLATFORM + "2001?type=4", "市直部门")
    market = subsites.enter("市场监管局", PLATFORM + "2002?type=4", "市直部门")
    assert subsites.locate(PLATFORM + "2002?type=4&catId=20022&action=list", PORTAL) == market


def test_units_told_apart_by_a_query_only_keep_the_pages_they_link():
    subsites = Subsites("北山市人民政府", "http://www.beishan.gov.cn/")
    subsites.enter("发展改革委", "http://www.beishan.gov.cn/xxgk/unit.jsp?unitId=2001", "市直部门")
    market = subsites.enter("市场监管局", "http://www.beishan.gov.cn/xxgk/unit.jsp?unitId=2002", "市直部门")
    assert subsites.locate("http://www.beishan.gov.cn/xxgk/list.jsp?unitId=2002&catId=9", market) == market

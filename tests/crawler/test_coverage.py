"""Which sub-site a page belongs to (crawler.coverage.Subsites)."""

from __future__ import annotations

import pickle

from crawler.coverage import PORTAL, ROBOTS_REFUSED, Coverage, Subsites

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


def test_a_unit_entered_at_one_page_of_a_flat_folder_takes_none_of_its_siblings():
    # ezEIP: every unit's and the portal's columns side by side in /channels/; the town read first must not take
    # the portal's 年报 column read before a second unit shows the folder shared
    subsites = Subsites("桐江县人民政府", "http://www.tongjiang.gov.cn/")
    town = subsites.enter("新桥镇人民政府", "http://www.tongjiang.gov.cn/channels/304.html", "乡镇")
    assert subsites.locate("http://www.tongjiang.gov.cn/channels/1004.html", PORTAL) == PORTAL
    assert subsites.locate("http://www.tongjiang.gov.cn/channels/3045.html", town) == town


def test_a_unit_entered_at_its_folders_own_page_keeps_the_folder():
    subsites = Subsites("汉川市人民政府", "http://www.hanchuan.gov.cn/")
    finance = subsites.enter("汉川市财政局", "http://www.hanchuan.gov.cn/czj/index.html", "部门网站")
    assert subsites.locate("http://www.hanchuan.gov.cn/czj/ndbg/2024.html", PORTAL) == finance


def test_coverage_names_the_hosts_whose_robots_refused_the_crawler_and_the_agencies_linked_there():
    subsites = Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/")
    subsites.robots_refused("http://wjw.dongjiang.gov.cn/", "市卫生健康委员会")
    subsites.robots_refused("http://wjw.dongjiang.gov.cn/sitemap.xml", None)
    subsites.robots_refused("https://www.dongjiang.gov.cn:8443/search/", None)
    coverage = subsites.coverage([], lambda url: False)
    assert coverage.robots_refused == {"wjw.dongjiang.gov.cn": ["东江市卫生健康委员会"], "www.dongjiang.gov.cn:8443": []}
    assert Coverage.from_dict(coverage.to_dict()) == coverage


def test_a_register_pickled_before_robots_refusals_were_kept_resumes():
    subsites = Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/")
    del subsites._refused
    resumed = pickle.loads(pickle.dumps(subsites))
    resumed.robots_refused("http://wjw.dongjiang.gov.cn/", "东江市卫生健康委员会")
    assert resumed.coverage([], lambda url: False).robots_refused == {"wjw.dongjiang.gov.cn": ["东江市卫生健康委员会"]}


def test_a_sub_site_whose_notices_publish_its_reports_is_not_listed_as_without_a_column():
    subsites = Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/")
    sfj = subsites.enter("东江市司法局", "http://sfj.dongjiang.gov.cn/", "部门网站")
    subsites.enter("东江市水利局", "http://slj.dongjiang.gov.cn/", "部门网站")
    subsites.notices_found(sfj, "http://sfj.dongjiang.gov.cn/tzgg/index.html")
    coverage = subsites.coverage([], lambda url: False)
    assert coverage.subsites[sfj].notices == ["http://sfj.dongjiang.gov.cn/tzgg/index.html"]
    assert coverage.without_column == ["东江市水利局"]
    assert Coverage.from_dict(coverage.to_dict()) == coverage


def test_a_register_pickled_before_notices_pages_were_kept_resumes():
    subsites = Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/")
    del subsites._found[0].notices
    resumed = pickle.loads(pickle.dumps(subsites))
    resumed.notices_found(0, "https://www.dongjiang.gov.cn/tzgg/")
    assert resumed.coverage([], lambda url: False).subsites[0].notices == ["https://www.dongjiang.gov.cn/tzgg/"]


def test_a_sub_site_refused_by_its_robots_is_listed_with_the_reason_and_no_reports():
    subsites = Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/")
    subsites.robots_refused("http://wjw.dongjiang.gov.cn/", "东江市卫生健康委员会", "部门网站")
    subsites.robots_refused("http://wjw.dongjiang.gov.cn/xxgk/", None)
    coverage = subsites.coverage([], lambda url: False)
    assert [(s.name, s.found_via, s.reports, s.refused) for s in coverage.refused] \
        == [("东江市卫生健康委员会", "部门网站", 0, ROBOTS_REFUSED)]
    assert coverage.without_column == [] and Coverage.from_dict(coverage.to_dict()) == coverage


def test_a_refused_agency_named_by_its_level_alone_takes_the_place_of_the_page_that_linked_it():
    # its robots.txt refusing the crawl, the agency's own page never gives its full name: the portal's place does
    subsites = Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/")
    county = subsites.enter("屏山县人民政府", "http://www.pingshan.gov.cn/", "县区")
    subsites.robots_refused("http://wjw.dongjiang.gov.cn/", "市卫生健康委员会", "部门网站")
    subsites.robots_refused("http://jyj.pingshan.gov.cn/", "县教育局", "部门", county)
    subsites.robots_refused("http://sjj.dongjiang.gov.cn/", "市审计局", "部门", county)   # the city's: no place given
    assert [s.name for s in subsites.coverage([], lambda url: False).refused] == [
        "东江市卫生健康委员会", "屏山县教育局", "市审计局"]


def test_a_column_found_under_one_entry_of_an_agency_is_its_other_entrys_too():
    subsites = Subsites("汉川市人民政府", "http://www.hanchuan.gov.cn/")
    home = subsites.enter("汉川市财政局", "http://www.hanchuan.gov.cn/czj/index.html", "部门网站")
    platform = subsites.enter("汉川市财政局", "http://www.hanchuan.gov.cn/czj/xxgk/index.html", "部门信息公开")
    other = subsites.enter("汉川市教育局", "http://www.hanchuan.gov.cn/jyj/index.html", "部门网站")
    subsites.column_found(platform, "http://www.hanchuan.gov.cn/czj/xxgk/ndbg/index.html")
    assert subsites.has_column(home) and not subsites.has_column(other)
    assert not subsites.has_column(home, lambda url: "/ndbg/" in url)   # a trapped column is none

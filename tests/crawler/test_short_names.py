"""Departments listed by bare short names (发改, 财政, 人社) in a plain list under no heading are sub-sites, a
services bar of topics (教育, 医疗, 社保) is not: from a frozen home page (tests/files/home_short_department_names.html);
a report naming its agency shortened (发展改革委) is credited to the sub-site's full name."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Request

from crawler.steering.frontier import judge
from tests.crawler.helpers import file_response

HOME = "http://www.zhoukou.gov.cn/"


def _entered(spider) -> dict[str, str]:
    requests = spider.parse_page(file_response("home_short_department_names.html", HOME,
                                               {"role": "start", "hops": 0, "chain": 0}))
    return {r.url.removeprefix(HOME): r.meta["enter"][0] for r in requests if "enter" in r.meta}


def test_a_plain_list_of_department_short_names_enters_each_department(spider):
    assert _entered(spider) == {"fgw/index.html": "发改", "czj/index.html": "财政", "rsj/index.html": "人社",
                                "zjj/index.html": "住建", "wjw/index.html": "卫健"}


def test_a_short_name_alone_is_no_department():
    assert not judge("财政", "", HOME + "czj/index.html", block_agencies=1).subsite


def _credited(spider, title: str, hint: str) -> str:
    url = HOME + "fgw/art/8821.html"
    response = HtmlResponse(url=url, body=f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>"
                            .encode(), encoding="utf-8", request=Request(url, meta={"agency_hint": hint, "link_text": ""}))
    return spider._item(response, title).agency


def test_a_report_naming_its_agency_shortened_is_credited_to_the_sub_sites_full_name(spider):
    assert _credited(spider, "发展改革委2021年政府信息公开工作年度报告", "周口市发展和改革委员会") == "周口市发展和改革委员会"


def test_a_report_naming_another_agency_keeps_that_name(spider):
    assert _credited(spider, "周口市民政局2021年政府信息公开工作年度报告", "周口市人民政府") == "周口市民政局"


def test_a_department_named_short_on_a_shared_template_takes_its_full_name_from_the_breadcrumb(spider):
    # a county platform's one template for every department: <title> 政府信息公开, the name only in 当前位置
    page = file_response("county_dept_breadcrumb.html", "http://blx.beilan.gov.cn/xxgk/113302/index.html")
    assert spider._parse_full_name(page, "卫健局") == "北澜县卫生健康局"


def test_a_title_naming_the_department_by_its_level_then_with_its_place_gives_the_name_with_the_place(spider):
    # a province's platform: <title>市财政局-北沅市财政局</title>; the first part would leave 市财政局 unplaced
    page = file_response("platform_unit_level_then_place.html", "http://xxgk.yunze.gov.cn/by/czj/index.html")
    assert spider._parse_full_name(page, "财政局") == "北沅市财政局"


def test_a_platform_units_title_of_its_name_and_its_government_information_disclosure_gives_the_name(spider):
    # a 集约化 platform's unit page: <title>岚石县柳林镇人民政府政府信息公开</title>, the town linked as 柳林镇
    url = "http://www.lanshi.gov.cn/xxgk/unit.html?deptId=2007"
    for title, name, full in (("岚石县柳林镇人民政府政府信息公开", "柳林镇", "岚石县柳林镇人民政府"),
                              ("岚石县财政局政务公开", "财政局", "岚石县财政局"),
                              ("岚石县人民政府信息公开", "岚石县", "岚石县人民政府")):
        page = HtmlResponse(url=url, body=f"<html><head><title>{title}</title></head><body></body></html>".encode(),
                            encoding="utf-8")
        assert spider._parse_full_name(page, name) == full

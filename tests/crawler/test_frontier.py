"""Link scores: what a person looking for annual reports would read into a link (crawler.steering.frontier)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from crawler.pages.links import page_links
from crawler.steering.frontier import (ExtraWords, Step, completed_agency, is_agency_name, is_view, judge,
                                      names_villages)

FILES = Path(__file__).resolve().parent.parent / "files"
PLATFORM = "http://www.nanhu.gov.cn/zfxxgk/"


@pytest.mark.parametrize("text", ["市教育局", "东湖区人民政府", "城关镇", "市政务服务和数据管理局", "西洋县", "市卫生健康委",
                                  "南湖市发展和改革委员会", "东城街道", "县档案馆", "县供销合作社联合社", "市残疾人联合会",
                                  "县总工会", "市红十字会", "县科学技术协会"])
def test_agency_names(text):
    assert is_agency_name(text)


@pytest.mark.parametrize("text", ["部门信息公开", "县区", "各县区", "乡镇街道", "南湖市人民政府门户网站", "首页",
                                  "市教育局2023年政府信息公开工作年度报告", "政府", "东关社区", "幸福小区"])
def test_words_that_are_not_agency_names(text):
    assert not is_agency_name(text)


def _best(name: str, url: str = PLATFORM, on_column: bool = False) -> dict[str, int]:
    scores: dict[str, int] = {}
    for link in page_links(lxml.html.fromstring((FILES / name).read_bytes()), url):
        score = judge(link.text, link.heading, link.url, block_agencies=link.block_agencies, source=link.source,
                      page_url=url, on_column=on_column).score
        scores[link.text] = max(score, scores.get(link.text, score))
    return scores


def test_the_enterprises_annual_report_column_is_avoided():
    scores = _best("unit_enterprise_reports.html", "http://127.0.0.1/public/column/2002?type=4")
    assert scores["企业年报公示"] <= -30


def test_the_report_column_is_the_most_promising_link_of_a_platform():
    scores = _best("platform_agency_blocks.html")
    assert max(scores, key=scores.get) == "政府信息公开年报"


def test_agencies_of_the_department_block_come_before_the_platform_guides():
    scores = _best("platform_agency_blocks.html")
    assert scores["市民政局"] > scores["政府信息公开指南"]


def test_a_department_named_like_a_service_is_still_an_agency():
    assert judge("市政务服务和数据管理局", "部门信息公开", "http://www.nanhu.gov.cn/zfxxgk/bm/zwfwj/").step is Step.FOLLOW


@pytest.mark.parametrize("text, url", [
    ("新闻中心", "http://www.nanhu.gov.cn/xwzx/"), ("互动交流", "http://www.nanhu.gov.cn/hdjl/"),
    ("政务服务", "http://zwfw.nanhu.gov.cn/"), ("搜索", "http://www.nanhu.gov.cn/search/"),
    ("市政府召开常务会议 研究部署一季度经济运行和安全生产等工作", "http://www.nanhu.gov.cn/xwzx/202403/t20240312_1.html"),
    ("媒体聚焦", "http://www.nanhu.gov.cn/col/col2051/index.html"),   # news columns of a big portal's units
    ("热点关注", "http://www.nanhu.gov.cn/col/col2052/index.html"),
])
def test_sections_that_never_lead_to_reports_are_avoided(text, url):
    assert judge(text, "", url).step is Step.AVOID


def test_an_agency_in_a_department_block_is_a_sub_site():
    assert judge("市教育局", "部门信息公开", "http://jyj.nanhu.gov.cn/").subsite


def test_a_department_block_vouches_for_its_sub_sites():
    assert judge("东湖区人民政府", "县区信息公开", "http://www.donghu.gov.cn/").vouched


def test_a_drop_down_of_county_sites_vouches_for_them():
    assert judge("湖山市", "---县市区政府网站---", "http://www.hushan.gov.cn/", source="option").vouched


def test_governments_in_the_links_to_elsewhere_are_not_sub_sites():
    assert not judge("湖南省人民政府", "友情链接", "http://www.hnsheng.gov.cn/", block_agencies=4).subsite


def test_a_lone_agency_name_is_followed_but_not_taken_for_a_sub_site():
    assert not judge("市教育局", "", "http://www.nanhu.gov.cn/bm/jyj/", block_agencies=1).subsite


def test_a_year_on_a_report_column_is_its_sub_column():
    assert judge("2022年度", "", "http://www.nanhu.gov.cn/zfxxgk/zfxxgknb/2022/", on_column=True).step is Step.FOLLOW


def test_a_year_elsewhere_is_not_followed_for_itself():
    assert judge("2022年", "", "http://www.nanhu.gov.cn/rl/2022/").step is not Step.FOLLOW


def test_items_of_a_report_column_are_not_ways_on():
    url = "http://www.nanhu.gov.cn/zfxxgk/zfxxgknb/202203/t20220309_776655.html"
    assert judge("南湖市民政局2022年政务公开工作要点", "政府信息公开年报", url, on_column=True).step is not Step.FOLLOW


def test_a_more_link_under_a_report_heading_is_followed():
    assert judge("更多>>", "政府信息公开年报", "http://www.nanhu.gov.cn/zfxxgk/zfxxgknb/").step is Step.FOLLOW


def test_url_words_alone_can_make_a_link_worth_following():
    assert judge("", "", "http://www.nanhu.gov.cn/zfxxgk/ndbg/").step is Step.FOLLOW


@pytest.mark.parametrize("url", [
    "http://www.nanhu.gov.cn/XxgkAnnualReport/index.html",                            # 安徽's 年报 module
    "http://www.nanhu.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2021&area=11",   # 大汉's (浙江)
])
def test_an_annual_report_module_named_in_english_is_a_column_word(url):
    assert judge("", "", url).step is Step.FOLLOW


def test_a_calendar_day_of_the_page_itself_is_avoided():
    url = "http://www.nanhu.gov.cn/channel/list.php?cid=17"
    assert judge("5", "", url + "&date=2024-03-05", page_url=url).step is Step.AVOID


def test_another_column_of_a_query_string_cms_is_no_view():
    assert not is_view("http://a.gov.cn/list.php?cid=18", "http://a.gov.cn/list.php?cid=17")


def test_deeper_links_score_lower():
    assert judge("信息公开", "", "http://a.gov.cn/xxgk/", depth=5).score < judge("信息公开", "", "http://a.gov.cn/xxgk/").score


def test_site_rules_add_words():
    extra = ExtraWords(column=("^阳光年度账本$",)).table()
    assert judge("阳光年度账本", "", "http://a.gov.cn/x/", extra=extra).step is Step.FOLLOW


_VILLAGES = ["村（社区）", "村居信息公开", "村务公开", "居务公开", "村（居）务公开", "南街村村务公开", "东关社区", "南街村",
             "河口村委会", "石桥村民委员会", "西关社区居委会"]
_NOT_VILLAGES = ["城关镇", "城关镇信息公开", "城关街道办事处", "美丽乡村", "新农村", "农业农村局", "乡村振兴局",
                 "社区服务中心", "党务公开", "社区"]


@pytest.mark.parametrize(("text", "villages"), [(t, True) for t in _VILLAGES] + [(t, False) for t in _NOT_VILLAGES])
def test_a_towns_villages_are_named_as_the_level_below_it_its_agencies_and_topics_not(text, villages):
    assert names_villages(text) is villages


@pytest.mark.parametrize("url", [
    "http://www.nanhu.gov.cn/zfxxgk/zfxxgknb/content_776655.htm",   # gov.cn's kind
    "http://www.nanhu.gov.cn/zfxxgknb/info/1052/20831.htm",         # 博达
    "http://www.nanhu.gov.cn/zfxxgknb/show-23-345-1.html",          # PHPCMS rewritten
    "http://www.nanhu.gov.cn/Item/24071.aspx",                      # 动易 (PowerEasy)
    "http://www.nanhu.gov.cn/zfxxgk/ndbg/2024-01-20/345.html",      # EmpireCMS's day folders
    "http://www.nanhu.gov.cn/zfxxgk/ndbg/2024/0120/345.html",
    "http://www.nanhu.gov.cn/zfxxgk/ndbg/20240120/345.html",
    "http://www.nanhu.gov.cn/zwgkcontent-888888040-56270.html",    # 河北's (stored public pages: 雄县, 蠡县)
    "http://www.nanhu.gov.cn/XxgkAnnualReport/show/123.html",       # 安徽's 年报 module (宁国, 广德)
])
def test_articles_of_more_cms_families_on_a_report_column_are_not_ways_on(url):
    assert judge("南湖市民政局2022年政务公开工作要点", "政府信息公开年报", url, on_column=True).step is not Step.FOLLOW


def test_a_title_naming_a_place_alone_is_that_places_government_when_the_crawl_entered_it():
    # 西泉县's list framed from its site but served in the city's folder of a platform: the page's sub-site the city's
    entered = {"北沅市人民政府", "西泉县人民政府"}
    assert completed_agency("西泉县", "北沅市人民政府", entered) == "西泉县人民政府"
    assert completed_agency("西泉县", "北沅市人民政府", {"北沅市人民政府"}) == "西泉县"   # no such sub-site: as named
    assert completed_agency("教育局", "北川市教育局", entered) == "北川市教育局"
    assert completed_agency("市教育局", None, {"市教育局人民政府"}) == "市教育局"   # no place alone

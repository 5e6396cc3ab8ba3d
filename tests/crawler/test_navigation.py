"""Link roles on government sites, TRS createPageHTML pagers, and which link text to judge."""

from __future__ import annotations

import pytest

from crawler.navigation import Role, create_page_urls, link_label, link_role


@pytest.mark.parametrize("text", ["政府信息公开年报", "年度报告", "信息公开年报", "年报专栏", "政府信息公开工作年度报告",
                                  "政府信息公开年报（内部审核）"])
def test_report_column_links(text):
    assert link_role(text, "/x/") is Role.COLUMN


@pytest.mark.parametrize("text", ["政府信息公开", "信息公开", "政务公开", "政府信息公开专栏"])
def test_platform_links(text):
    assert link_role(text, "/x/") is Role.PLATFORM


@pytest.mark.parametrize("text", ["部门信息公开", "区县信息公开", "乡镇（街道）信息公开", "县（市、区）政务公开"])
def test_directory_links(text):
    assert link_role(text, "/x/") is Role.DIRECTORY


@pytest.mark.parametrize("text", ["下一页", "尾页", "3", ">>"])
def test_pager_links(text):
    assert link_role(text, "?page=3") is Role.PAGER


def test_sub_sites_only_on_directory_pages():
    assert link_role("临江市教育局", "/bm/jyj/", on_directory=True) is Role.SUBSITE
    assert link_role("临江市教育局", "/bm/jyj/") is Role.OTHER


@pytest.mark.parametrize("text", ["政府信息公开指南", "依申请公开", "网站地图", "临江市人民政府门户网站"])
def test_other_links_are_not_followed(text):
    assert link_role(text, "/x/", on_directory=True) is Role.OTHER


def test_site_rules_add_patterns():
    assert link_role("年度公开报告", "/x/", extra={Role.COLUMN: ["^年度公开报告$"]}) is Role.COLUMN


def test_create_page_html_lists_every_page():
    html = '<script>createPageHTML(4, 2, "index", "shtml");</script>'
    assert create_page_urls(html, "http://a.gov.cn/ndbg/index_2.shtml") == [
        "http://a.gov.cn/ndbg/index.shtml", "http://a.gov.cn/ndbg/index_1.shtml",
        "http://a.gov.cn/ndbg/index_2.shtml", "http://a.gov.cn/ndbg/index_3.shtml"]


def test_create_page_html_with_quoted_numbers():
    assert len(create_page_urls("createPageHTML('3','0','index','html')", "http://a.gov.cn/l/")) == 3


def test_no_script_no_pages():
    assert create_page_urls("<p>createPage</p>", "http://a.gov.cn/") == []


def test_cut_text_is_replaced_by_its_title_attribute():
    assert link_label("临江市教育局2021年政府信息...", "临江市教育局2021年政府信息公开工作年度报告") == \
        "临江市教育局2021年政府信息公开工作年度报告"


def test_unrelated_title_attribute_is_ignored():
    assert link_label("2021年年报", "点击查看") == "2021年年报"


def test_image_link_takes_its_title():
    assert link_label("", "2021年年报") == "2021年年报"

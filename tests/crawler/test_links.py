"""Links as a person reads them, from frozen pages of several real-world styles (tests/files/): one field a test."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html
import pytest
from scrapy.http import HtmlResponse

from crawler.pages.links import (MAX_OPTIONS, MAX_PAGE_LINKS, MAX_SCRIPT_LINKS, Link, link_label, links_cut, page_links,
                                 record_count, record_links)

FILES = Path(__file__).resolve().parent.parent / "files"
NANHU = "http://www.nanhu.gov.cn/zfxxgk/"
ZHOUKOU_XXGK = "http://www.zhoukou.gov.cn/xxgk/index.html"


def links(name: str, url: str = NANHU) -> list[Link]:
    return page_links(lxml.html.fromstring((FILES / name).read_bytes()), url)


def by_text(name: str, text: str, url: str = NANHU) -> Link:
    return next(link for link in links(name, url) if link.text == text)


def test_an_agency_link_carries_the_heading_of_its_block():
    assert by_text("platform_agency_blocks.html", "市教育局").heading == "部门信息公开"


def test_a_county_link_carries_its_own_block_heading():
    assert by_text("platform_agency_blocks.html", "东湖区人民政府").heading == "县区信息公开"


def test_a_block_of_agency_links_is_counted():
    assert by_text("platform_agency_blocks.html", "市财政局").block_agencies == 6


def test_hrefs_are_read_as_a_browser_reads_them():
    # a Windows editor's backslashes, a template's line breaks; a backslash in the query is the query's
    page = "http://www.chengchuan.gov.cn/nyj/xxgk/ndbg/index.html"
    assert [link.url for link in links("list_hrefs_as_editors_write.html", page)] == [
        "http://www.chengchuan.gov.cn/nyj/xxgk/uploadfiles/202501/2024ndbg.docx",
        "http://www.chengchuan.gov.cn/zwgk/xz/dgz/ndbg/202401/t20240113_32023.html",
        "http://www.chengchuan.gov.cn/nyj/xxgk/show.jsp?path=a\\b&id=5"]


def test_links_to_elsewhere_carry_their_footer_heading():
    assert by_text("platform_agency_blocks.html", "中国政府网").heading == "友情链接"


def test_an_image_link_is_read_by_its_alt_text():
    assert by_text("platform_agency_blocks.html", "政府信息公开年报").url == NANHU + "zfxxgknb/"


def test_an_image_link_with_an_empty_alt_is_read_by_its_title():
    assert by_text("subsite_home_left_tree.html", "政府信息公开", "http://jyj.nanhu.gov.cn/").url == \
        "http://jyj.nanhu.gov.cn/xxgk/"


def test_a_drop_down_option_is_a_link():
    assert by_text("home_footer_selects.html", "市司法局", "http://www.nanhu.gov.cn/").url == \
        "http://www.nanhu.gov.cn/bm/sfj/index.html"


def test_a_drop_down_is_headed_by_its_first_option():
    assert by_text("home_footer_selects.html", "西洋县", "http://www.nanhu.gov.cn/").heading == "---县市区政府网站---"


def test_only_drop_down_values_that_look_like_addresses_are_links():
    # a search form's field (标题/正文/全文: title, content, all) and sort order are values the form sends
    options = [(link.url, link.text) for link in links("search_form_field_dropdown.html", ZHOUKOU_XXGK)
               if link.source == "option"]
    assert options == [("http://jyj.zhoukou.gov.cn/", "周口市教育局"), ("http://www.zhoukou.gov.cn/bm/sjj/", "周口市审计局"),
                       ("http://www.zhoukou.gov.cn/bm/fgw/index.html", "周口市发展和改革委员会"),
                       ("http://www.zhoukou.gov.cn/xxgk/bm/mzj.html", "周口市民政局"),
                       ("http://www.zhoukou.gov.cn/bm/list.jsp?unit=wjw", "周口市卫生健康委员会")]


def test_a_drop_down_option_says_where_it_came_from():
    assert by_text("home_footer_selects.html", "东湖区", "http://www.nanhu.gov.cn/").source == "option"


def test_a_url_in_a_script_is_named_by_the_string_beside_it():
    assert by_text("home_footer_selects.html", "南湖市政府网站群", "http://www.nanhu.gov.cn/").url == \
        "http://www.nanhu.gov.cn/wzq/index.html"


def test_a_url_in_a_script_whose_slashes_are_escaped_is_read():
    """Nuxt's state writes every / of a string as \\u002F (devalue), PHP's json_encode as \\/."""
    url = "http://www.zhoukou.gov.cn/fgw/xxgk/ndbg/"
    found = {link.url: link.text for link in links("page_nuxt_state.html", url)}
    assert found["http://www.zhoukou.gov.cn/fgw/art/2024/8842.html"] == "周口市发展和改革委员会2023年政府信息公开工作年度报告"
    assert found["http://www.zhoukou.gov.cn/fgw/art/2023/8501.html"] == "周口市发展和改革委员会2022年政府信息公开工作年度报告"
    assert found["http://www.zhoukou.gov.cn/fgw/art/2022/7710.html"] == "周口市发展和改革委员会2021年政府信息公开工作年度报告"


def test_a_minified_bundle_inline_gives_at_most_the_script_links_bound_the_first_in_page_order():
    """10 MB of a bundle's functions each naming an address ('/api/v7/list', '/c/1'): tens of thousands of
    links, each a request to judge, took a live crawl 207 s; the first MAX_SCRIPT_LINKS are read."""
    bundle = "".join(f'function r{n}(e){{var u=e.url||"/api/v{n}/list";return u}}' for n in range(5000))
    root = lxml.html.fromstring(f'<html><body><a href="/ndbg/a.html">年报</a><script>{bundle}</script>'
                                f'<script>var more="/api/last/list";</script></body></html>')
    found = page_links(root, "http://h.gov.cn/ndbg/")
    scripted = [link.url for link in found if link.source == "script"]
    assert len(scripted) == MAX_SCRIPT_LINKS and scripted[0] == "http://h.gov.cn/api/v0/list"
    assert found[0].url == "http://h.gov.cn/ndbg/a.html"


def test_scripts_and_styles_are_not_links():
    urls = {link.url for link in links("home_footer_selects.html", "http://www.nanhu.gov.cn/")}
    assert not [u for u in urls if u.endswith((".js", ".css"))]


def test_datastore_records_are_links():
    link = by_text("hanweb_datastore_list.html", "2023年政府信息公开工作年度报告", "http://mzj.nanhu.gov.cn/col/col4321/")
    assert link.url == "http://mzj.nanhu.gov.cn/art/2024/1/20/art_4321_998877.html"


def test_datastore_records_say_where_they_came_from():
    assert by_text("hanweb_datastore_list.html", "2023年政府信息公开工作年度报告").source == "record"


def test_datastore_record_date_is_kept():
    assert by_text("hanweb_datastore_list.html", "二〇二二年政府信息公开工作年度报告").date == "2023-01-18"


def test_datastore_records_are_counted():
    assert record_count((FILES / "hanweb_datastore_list.html").read_text(encoding="utf-8")) == 4


def test_a_data_proxy_answer_has_its_records_as_links():
    answer = (FILES / "hanweb_dataproxy_answer.xml").read_text(encoding="utf-8")
    assert [link.text for link in record_links(answer, "http://mzj.nanhu.gov.cn/")] == [
        "2020年政府信息公开工作年度报告", "南湖市民政局2019年部门决算", "2019年政府信息公开工作年度报告"]


def test_a_date_in_a_div_list_item_is_kept():
    assert by_text("query_cms_div_list.html", "2023年政府信息公开工作年度报告").date == "2024-01-29"


def test_a_date_in_a_table_row_is_kept():
    link = by_text("trs_table_list_page_div.html", "西洋县城关镇2023年政府信息公开工作年度报告")
    assert link.date == "2024-01-18"


def test_no_date_is_taken_from_another_item():
    assert by_text("column_year_subcolumns.html", "2023年度").date is None


@pytest.mark.parametrize("text, title, label", [
    ("临江市教育局2021年政府信息...", "临江市教育局2021年政府信息公开工作年度报告", "临江市教育局2021年政府信息公开工作年度报告"),
    ("2021年年报", "点击查看", "2021年年报"),
    ("", "2021年年报", "2021年年报"),
])
def test_link_label_takes_the_title_when_the_text_is_cut(text, title, label):
    assert link_label(text, title) == label


def test_a_catalogues_name_cut_after_dropping_its_agency_is_read_by_the_title():
    named = {link.url.rsplit("=", 1)[1]: link.text for link in
             links("catalogue_select_writes_address.html", "http://www.zhoukou.gov.cn/zfxxgk/ml.do?catId=12")
             if "content.do" in link.url}
    assert named == {"9725": "周口市人民政府2024年政府信息公开工作年度报告", "9724": "周口市人民政府2023年政府信息公开工作年度报告"}


@pytest.mark.parametrize("text, title", [
    ("2024年年报", "某局2024年政府信息公开工作年度报告"),         # not cut: the list's own words
    ("2024年部门预算…", "某局2024年政府信息公开工作年度报告"),     # cut, but from another text
])
def test_a_title_holding_no_cut_text_is_not_taken(text, title):
    assert link_label(text, title) == text


BASE = "http://www.nanhu.gov.cn/zfxxgk/nb/"


def test_relative_links_resolve_against_the_base_element():
    assert by_text("list_download_links.html", "南湖市教育局2023年政府信息公开工作年度报告", "http://x.gov.cn/").url == \
        BASE + "files/jyj2023.pdf"


def test_a_download_link_is_read_by_its_rows_title():
    urls = {link.text: link.url for link in links("list_download_links.html", BASE)}
    assert urls["南湖市民政局2023年政府信息公开工作年度报告"] == BASE + "files/mzj2023.docx"


def test_a_date_printed_inside_the_link_is_not_part_of_its_text():
    assert by_text("list_download_links.html", "南湖市司法局2023年政府信息公开工作年度报告", BASE).url == \
        BASE + "2024/0130/1001.html"


def test_a_url_passed_to_a_function_in_onclick_is_a_link():
    assert by_text("list_download_links.html", "南湖市公安局2023年政府信息公开工作年度报告", BASE).url == \
        "http://www.nanhu.gov.cn/zfxxgk/nb/2024/0131/1002.html"


def test_frames_are_links():
    frame = by_text("platform_in_frame.html", "公开目录内容", "http://www.nanhu.gov.cn/gkml/")
    assert (frame.url, frame.source) == ("http://www.nanhu.gov.cn/gkml/list.jsp?unitid=12&catid=ndbg", "frame")


def test_each_pane_of_a_tab_box_is_headed_by_its_tab():
    link = by_text("platform_tabs_preview.html", "南湖市交通运输局2022年政府信息公开工作年度报告", "http://www.nanhu.gov.cn/")
    assert link.heading == "政府信息公开年度报告"


def test_the_more_link_of_a_pane_is_headed_by_its_tab():
    more = [link for link in links("platform_tabs_preview.html", "http://www.nanhu.gov.cn/") if link.text == "更多"]
    assert [link.heading for link in more] == ["通知公告", "政府信息公开年度报告", "部门预决算"]


def test_a_page_header_with_a_search_box_is_no_heading():
    assert by_text("platform_tabs_preview.html", "信息公开", "http://www.nanhu.gov.cn/").heading == ""


def test_a_link_inside_a_heading_carries_that_heading():
    more = next(link for link in links("home_script_sites.html", "http://www.nanhu.gov.cn/") if link.text == "更多")
    assert more.heading == "政务动态"


def test_links_a_script_writes_into_an_element_carry_its_heading():
    assert by_text("home_script_sites.html", "城关镇", "http://www.nanhu.gov.cn/").heading == "镇街网站"


def test_links_a_script_writes_are_named_by_the_string_beside_them():
    assert by_text("home_script_sites.html", "东城街道", "http://www.nanhu.gov.cn/").url == \
        "http://www.nanhu.gov.cn/dcjd/index.html"


def test_a_function_of_the_page_opens_the_url_it_builds_from_a_call_arguments():
    link = by_text("list_function_links.html", "临江市发展和改革委员会2023年政府信息公开工作年度报告",
                   "http://fgw.linjiang.gov.cn/col/col7/index.html")
    assert link.url == "http://fgw.linjiang.gov.cn/art/2023/8842.html"


def test_a_function_that_builds_its_url_from_a_variable_of_the_page_is_no_template():
    urls = {link.url for link in links("list_function_links.html", "http://fgw.linjiang.gov.cn/col/col7/index.html")}
    assert not [u for u in urls if "/site/" in u or u.endswith("/art/")]


def test_a_call_with_an_argument_that_is_no_literal_builds_nothing():
    urls = {link.url for link in links("list_function_links.html", "http://fgw.linjiang.gov.cn/col/col7/index.html")}
    assert "http://fgw.linjiang.gov.cn/art/2019/8838.html" not in urls and not [u for u in urls if "year" in u]


def test_a_javascript_href_calling_a_function_of_the_page_is_its_url():
    link = by_text("list_function_links.html", "临江市发展和改革委员会2018年政府信息公开工作年度报告",
                   "http://fgw.linjiang.gov.cn/col/col7/index.html")
    assert link.url == "http://fgw.linjiang.gov.cn/col/col7/content.jsp?id=8837"


def test_an_address_a_javascript_href_hands_a_script_is_a_link():
    # javascript:window.open('/…'), a site-wide script's javascript:openInfo('/…'), javascript:location.href='/…'
    found = {link.text: link.url for link in links("list_javascript_hrefs.html", "http://www.xiping.gov.cn/zfxxgk/")}
    assert [found.get(f"西屏市{agency}2024年政府信息公开工作年度报告") for agency in ("水利局", "林业局", "审计局")] == [
        "http://www.xiping.gov.cn/zfxxgk/xxgknb/2025/0120/3101.html",
        "http://www.xiping.gov.cn/zfxxgk/xxgknb/2025/0118/3100.html",
        "http://www.xiping.gov.cn/zfxxgk/xxgknb/2025/0115/3099.html"]


def test_an_image_map_area_is_named_by_its_alt_under_the_alt_of_its_picture():
    link = by_text("home_department_dropdown.html", "交通", "http://www.linjiang.gov.cn/")
    assert (link.source, link.heading) == ("area", "部门网站")


SLJ = "http://www.xiling.gov.cn/slj/xxgk/ndbg/list.html"


def test_a_button_that_sends_the_browser_on_is_a_link_named_by_its_value():
    assert by_text("list_button_pager.html", "下一页", SLJ).url == SLJ + "?page=2"


def test_a_button_element_that_sends_the_browser_on_is_a_link():
    assert by_text("list_button_pager.html", "尾页", SLJ).url == SLJ + "?page=3"


def test_a_button_whose_address_the_script_completes_is_no_link():
    assert not [link for link in links("list_button_pager.html", SLJ) if link.text == "跳转"]


def test_each_year_of_a_get_forms_drop_down_is_a_link_sent_as_a_browser_sends_the_form():
    year = by_text("list_year_form.html", "2022年", "http://www.xiling.gov.cn/xxgk/list.do?id=12")
    assert (year.url, year.source) == ("http://www.xiling.gov.cn/xxgk/list.do?id=12&title=&year=2022", "form")


def test_the_years_a_form_sends_are_not_addresses():
    assert not [link for link in links("list_year_form.html", "http://www.xiling.gov.cn/xxgk/list.do?id=12")
                if link.url.endswith("/xxgk/2022")]


def test_a_drop_down_of_addresses_in_a_form_is_still_read_as_addresses():
    assert by_text("list_year_form.html", "中国政府网").url == "http://www.gov.cn/"


def test_the_year_a_form_has_selected_is_the_page_itself():
    assert not [link for link in links("list_year_form.html", "http://www.xiling.gov.cn/xxgk/list.do?id=12")
                if link.text == "2023年"]


def test_a_page_of_many_year_drop_downs_gives_the_years_of_a_few_only():
    from crawler.pages.links import MAX_YEAR_CHOICES
    selects = "".join(f'<form><select name="y{k}"><option>2023</option><option>2022</option></select></form>'
                      for k in range(500))
    found = page_links(lxml.html.fromstring(f"<html><body>{selects}</body></html>"), NANHU)
    assert len([link for link in found if link.source == "form"]) == 2 * MAX_YEAR_CHOICES


def test_a_year_drop_down_in_a_form_of_too_many_fields_gives_no_links():
    fields = "".join(f'<input type="hidden" name="f{k}" value="{k}" />' for k in range(300))
    form = f'<form>{fields}<select name="year"><option>2023</option><option>2022</option></select></form>'
    assert not [link for link in page_links(lxml.html.fromstring(f"<html><body>{form}</body></html>"), NANHU)
                if link.source == "form"]


def test_an_app_frameworks_build_folder_in_its_state_is_no_link():
    page = lxml.html.fromstring(
        '<html><body><div id="__nuxt"></div><script>window.__NUXT__=(function(a){return {data:[{list:[{title:'
        '"2023年年报",url:"\\u002Ffgw\\u002Fxxgk\\u002F1.html"}]}],config:{_app:{basePath:"\\u002F",'
        'assetsPath:"\\u002Ffgw\\u002F_nuxt\\u002F",cdnURL:a}}}}(null));</script></body></html>')
    urls = {link.url for link in page_links(page, "http://www.dy.gov.cn/fgw/xxgk/ndbg/")}
    assert "http://www.dy.gov.cn/fgw/xxgk/1.html" in urls
    assert "http://www.dy.gov.cn/fgw/_nuxt/" not in urls


def test_a_view_calling_the_pages_function_in_a_lists_row_is_named_by_its_row():
    # 索引号 | 名称 | 发文日期 | 操作: the 查看/详情 calls openDetail(id), which opens the item's address; the row's
    # name is its 名称 cell (the 索引号 would name an agency 11500119MB1527643X/2025-00012南川市财政局)
    named = {link.url.rsplit("/", 1)[1]: link.text for link in links("list_index_table_opendetail.html")
             if "detail_" in link.url}
    assert named == {"detail_3021.html": "南川市财政局2024年政府信息公开工作年度报告",
                     "detail_2877.html": "南川市财政局2023年政府信息公开工作年度报告",
                     "detail_2950.html": "南川市2023年市级财政决算报告"}


@pytest.mark.parametrize(("text", "title", "label"), [
    ("下载", "某局2024年政府信息公开工作年度报告.pdf", "某局2024年政府信息公开工作年度报告.pdf"),
    ("点击查看", "某局2024年政府信息公开工作年度报告", "某局2024年政府信息公开工作年度报告"),
    ("下载", "download", "下载"),
    ("2024年年报", "某局2024年政府信息公开工作年度报告", "2024年年报")])
def test_a_link_saying_only_download_is_named_by_its_title(text, title, label):
    assert link_label(text, title) == label


@pytest.mark.parametrize(("text", "title", "label"), [
    ("2023 Annual Report on Government Information Disclosure", "临江市2023年政府信息公开工作年度报告",
     "临江市2023年政府信息公开工作年度报告"),
    ("zfxxgkndbg2023", "临江市2023年政府信息公开工作年度报告", "临江市2023年政府信息公开工作年度报告"),
    ("2023", "打开新窗口", "2023"),                          # a year's sub-column: digits are no rendering
    ("English", "English", "English")])
def test_a_link_text_in_latin_letters_is_named_by_its_chinese_title(text, title, label):
    assert link_label(text, title) == label


def test_a_drop_down_of_agencies_submitting_its_get_form_links_each_agency_as_the_form_sends_it():
    # a platform's departments, each a ?deptId= of the same pages, chosen in a <select name="deptId">
    page = "http://www.zhoukou.gov.cn/xxgk/index.html"
    response = HtmlResponse(page, body=(FILES / "platform_department_select.html").read_bytes())
    options = [(link.url, link.text) for link in page_links(response.selector.root, page)
               if link.source == "option" and "deptId" in link.url]
    assert options == [(f"http://www.zhoukou.gov.cn/xxgk/catalog.html?siteId=zkxxgk&deptId={n}", name) for n, name in (
        ("1004", "市卫生健康委员会"), ("1005", "市民政局"), ("1006", "市交通运输局"))]


def test_a_department_list_naming_agencies_short_is_read_by_the_full_names_of_their_titles():
    # 卫健委, 发改: a portal's list as people say them, the full name in the title (a refused sub-site keeps it)
    page = "http://www.dongjiang.gov.cn/bmwz.html"
    response = HtmlResponse(page, body=(FILES / "departments_short_names_titled.html").read_bytes())
    assert [link.text for link in page_links(response.selector.root, page)] == [
        "首页", "政府", "东江市卫生健康委员会", "东江市发展和改革委员会", "东江市教育局", "司法局"]


def test_a_script_arrays_address_is_named_by_the_title_of_its_own_entry_never_the_nearer_one_before():
    # document.write of [address, title, date] entries: a short title before may lie nearer than the entry's own
    named = {link.url.rsplit("/", 1)[1]: link.text for link in links("list_document_write_array.html",
                                                                      "http://xiling.gov.cn/col/col12345/index.html")}
    assert named["art_12345_80.html"] == "西岭市人民政府2024年政府信息公开工作年度报告"
    assert named["art_12345_76.html"] == "西岭市人民政府2023年政府信息公开工作年度报告"
    assert named["art_12345_81.html"] == "2025年政府工作报告" and named["art_12345_77.html"] == "2023年统计公报"


@pytest.mark.parametrize(("code", "name"), [
    ("show({title: '市教育局2023年年度报告', url: '/a/1.html'});", "市教育局2023年年度报告"),   # an object's name before
    ("open('/a/1.html', '市教育局2023年年度报告');", "市教育局2023年年度报告"),                   # a call's arguments
    ("var a = ['/a/1.html']; var b = ['名称'];", ""),                                          # another array's string
])
def test_a_script_address_is_named_within_its_entry(code, name):
    root = lxml.html.fromstring(f"<html><body><script>{code}</script></body></html>")
    assert [link.text for link in page_links(root, NANHU) if link.url.endswith("/a/1.html")] == [name]


def test_a_drop_down_of_a_hundred_thousand_agencies_gives_at_most_the_options_bound():
    # every option was a ?deptId= link of the form: 100,000 links, 2.3 s of the spider's event loop
    names = ["市财政局", "市卫生健康委员会", "市教育局", "市审计局", "市统计局"]
    options = "".join(f"<option value='{i}'>{names[i % 5]}</option>" for i in range(100_000))
    root = lxml.html.fromstring(f"<html><body><form action='catalog.html'><select name='deptId'>{options}"
                                "</select></form></body></html>")
    links = page_links(root, "http://a.gov.cn/")
    assert 0 < len(links) <= MAX_OPTIONS and links[0].url == "http://a.gov.cn/catalog.html?deptId=0"


def _list_of(count: int):
    items = "".join(f'<li><a href="/w/{n}.html">第{n}局年报</a></li>' for n in range(count))
    return lxml.html.fromstring(f"<html><body><h2>年报</h2><ul>{items}</ul></body></html>")


def test_a_list_of_the_page_links_bound_is_read_in_linear_time():
    # each link's heading counted every link of its list: 5,000 links 2.3 s of CPU, 20,000 37 s
    root = _list_of(MAX_PAGE_LINKS)
    started = time.process_time()
    links = page_links(root, "http://a.gov.cn/ndbg/")
    assert len(links) == MAX_PAGE_LINKS and time.process_time() - started < 1.0


def test_a_page_of_more_anchors_than_the_bound_is_read_to_it_and_said_cut():
    # a page of 10⁶ anchors (46 MB) was minutes of the spider's event loop
    links = page_links(_list_of(MAX_PAGE_LINKS + 1), "http://a.gov.cn/ndbg/")
    assert len(links) == MAX_PAGE_LINKS and links_cut(_list_of(MAX_PAGE_LINKS + 1))
    assert not links_cut(_list_of(MAX_PAGE_LINKS))


def test_a_page_of_more_script_handlers_than_the_bound_is_read_to_it():
    # each javascript: href and onclick hands an address: a page of 10⁶ was 10⁶ links to judge
    items = "".join(f'''<li><a href="javascript:openInfo('/w/{n}.html')">第{n}局年报</a></li>'''
                    for n in range(MAX_PAGE_LINKS + 1))
    root = lxml.html.fromstring(f"<html><body><ul>{items}</ul></body></html>")
    assert len(page_links(root, "http://a.gov.cn/ndbg/")) == MAX_PAGE_LINKS


def test_a_link_whose_text_is_only_a_category_tag_is_read_by_its_title():
    root = lxml.html.fromstring((FILES / "list_tag_titles.html").read_text(encoding="utf-8"))
    texts = [link.text for link in page_links(root, "http://jyj.beilan.gov.cn/xxgk/ndbg/index.html")
             if "/ndbg/20" in link.url]
    assert texts == ["北澜市教育局2024年政府信息公开工作年度报告", "北澜市教育局2023年政府信息公开工作年度报告",
                     "北澜市教育局2023年度工作报告", "北澜市教育局2021年政府信息公开工作年度报告"]
    assert link_label("【年度报告】", None) == "【年度报告】"


def test_a_javascript_href_opening_an_address_in_a_window_is_that_address():
    assert by_text("list_javascript_openwin.html", "北岩县人民政府2024年政府信息公开工作年度报告",
                   "http://byx.beiyan.gov.cn/zwgk/ndbg/index.html").url == "http://byx.beiyan.gov.cn/zwgk/ndbg/6424.html"


def test_a_javascript_href_without_an_address_is_no_link():
    assert [link.text for link in links("list_javascript_openwin.html") if link.text in ("返回", "打印")] == []


@pytest.mark.parametrize("url, text", [
    ("http://www.baishui.gov.cn/zwgk/wlj/ndbg/2025/0123/10424.html", "白水县文化和旅游局2024年政府信息公开工作年度报告"),
    ("http://www.baishui.gov.cn/zwgk/wlj/ndbg/2024/0123/10423.html", "白水县文化和旅游局2023年政府信息公开工作年度报告"),
    ("http://www.baishui.gov.cn/zwgk/wlj/tzgg/2024/0110/10401.html", "白水县文化和旅游局2023年度工作总结"),
])
def test_a_view_details_button_of_a_card_is_named_by_its_card(url, text):
    # a card list (<div class="card"><span>title</span><span>date</span><a>查看详情</a></div>): no <li> or row
    found = {link.url: link.text for link in links("list_cards_view_details.html", "http://www.baishui.gov.cn/zwgk/wlj/ndbg/")}
    assert found[url] == text


def test_a_drop_down_whose_first_option_only_asks_for_a_choice_is_headed_by_its_label():
    # <option value="">--请选择--</option> heads nothing: the label before the select does (区县网站)
    home = "http://www.beiyuan.gov.cn/"
    assert [by_text("home_select_placeholder.html", t, home).heading for t in ("西泉县", "市教育局")] == \
        ["区县网站", "部门网站"]


def test_a_script_answers_rows_built_an_element_at_a_time_are_named_by_their_own_row():
    # WAS5 advsch.jsp answering a script (福州): urls[i]='…';titles[i]='…';i++; — subscripts' brackets part no rows
    response = HtmlResponse("http://czj.rongquan.gov.cn/was5/web/search?page=1", encoding="utf-8",
                            body=(FILES / "was5_advsch_script_answer.html").read_bytes())
    named = {link.url.rsplit("/", 1)[1]: link.text for link in page_links(response.selector.root, response.url)}
    assert named == {"t20250120_6558140.htm": "榕泉市财政局2024年政府信息公开工作年度报告",
                     "t20250302_843720.htm": "榕泉市财政局2025年部门预算",
                     "t20240121_6558131.htm": "榕泉市财政局2023年政府信息公开工作年度报告",
                     "t20230122_6558122.htm": "榕泉市财政局2022年政府信息公开工作年度报告"}


def test_an_address_a_script_posts_to_is_no_link_though_what_it_sends_is_unknown():
    # 新点's $.ajax({url: '/EWB-FRONT/rest/lightfrontaction/getgovinfolist', type: 'POST', data: …siteGuid of a site's
    # script}): asked as a page by GET, it answered an error
    assert links("column_epoint_site_guid.html", "http://www.zhoukou.gov.cn/dynamic/zwgk/govInfoPub.html") == []

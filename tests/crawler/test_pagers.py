"""The other pages of a list: pager links of the same list only, TRS scripts, Hanweb data-proxy pages."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest

from crawler.pages.links import MAX_PAGE_LINKS, page_fields, page_links
from crawler.steering.pagers import (MAX_BUTTON_SCRIPT_CHARS, MAX_CURSOR_CHARS, MAX_POSTED_PAGES, create_page_urls,
                                     cursor_page_params, cursor_page_url, folder_pager_urls, full_page_params,
                                     is_pager_link, is_pager_text, json_page_params,
                                     fragment_page_urls, load_more_urls, more_button_urls, names_page_one,
                                     open_load_more, postback_pages,
                                     proxy_page_urls, script_pager_urls)

FILES = Path(__file__).resolve().parent.parent / "files"
LIST = "http://www.nanhu.gov.cn/channel/list.php?cid=17"
HANWEB = "http://mzj.nanhu.gov.cn/col/col4321/index.html"


@pytest.mark.parametrize("text, url", [
    ("下一页", LIST + "&page=2"), ("尾页", LIST + "&page=4"), ("3", "http://a.gov.cn/ndbg/index_3.html"),
    ("", "http://a.gov.cn/ndbg/index_2.html"), ("2", "http://a.gov.cn/ndbg/2.html"),
])
def test_pager_links_of_the_same_list(text, url):
    page = LIST if url.startswith(LIST) else "http://a.gov.cn/ndbg/index.html"
    if text == "2":
        page = "http://a.gov.cn/ndbg/1.html"
    assert is_pager_link(text, url, page)


def test_a_jeecms_list_pages_its_jhtml_first_page():
    assert is_pager_link("下一页", "http://a.gov.cn/zwgk/c1025/index_2.jhtml", "http://a.gov.cn/zwgk/c1025/index.jhtml")


def test_a_phpcms_list_numbers_its_later_pages_alone_beside_index_html():
    assert is_pager_link("下一页", "http://a.gov.cn/wjw/html/xxgk/bg/2.html", "http://a.gov.cn/wjw/html/xxgk/bg/")


def test_a_dedecms_list_numbers_its_later_pages_after_the_columns_id():
    column = "http://a.gov.cn/a/xxgk/ndbg/"
    assert is_pager_link("2", column + "list_12_2.html", column)
    assert is_pager_link("下一页", column + "list_12_3.html", column + "list_12_2.html")
    assert is_pager_link("下一页", column + "list-12-2.html", column + "index.html")   # PHPCMS's pseudo-static pages
    assert not is_pager_link("", column + "list_12_2.html", column)                  # no pager's label
    assert not is_pager_link("下一页", column + "list_2.html", column)               # a stem neither alone nor an id's


def test_a_page_numbered_alone_without_a_pager_label_is_not_believed():
    assert not is_pager_link("", "http://a.gov.cn/wjw/html/xxgk/bg/2.html", "http://a.gov.cn/wjw/html/xxgk/bg/")


@pytest.mark.parametrize("text, url", [
    ("4", "http://www.nanhu.gov.cn/channel/list.php?cid=18"),             # another column
    ("5", LIST + "&date=2024-03-05"),                                       # a calendar's day
    ("下一页", LIST + "&month=2024-04"),                                     # a calendar's next month
    ("2", "http://www.nanhu.gov.cn/other/index_2.html"),                    # another folder
    ("通知公告", LIST + "&page=2"),                                          # a text that is no pager's
])
def test_links_that_are_not_pagers_of_this_list(text, url):
    assert not is_pager_link(text, url, LIST)


@pytest.mark.parametrize("url, first, one", [
    ("/ndbg/index_1.html", "/ndbg/index.html", True), ("/ndbg/index_0.html", "/ndbg/", True),
    ("/ndbg/index.html", "/ndbg/index_1.html", True), ("/list.jsp?cid=3&page=1", "/list.jsp?cid=3", True),
    ("/ndbg/index_2.html", "/ndbg/index.html", False), ("/ndbg/list_1.html", "/ndbg/index.html", False),
    ("/ndbg/index_1.shtml", "/ndbg/index.html", False), ("/ndbg/a/index_1.html", "/ndbg/index.html", False),
    ("/list.jsp?cid=3&page=2", "/list.jsp?cid=3", False), ("/ndbg/index.html", "/ndbg/", True),
    ("/ndbg/", "/ndbg/default.htm", True), ("/ndbg/index_2.html", "/ndbg/", False), ("/ndbg/art.html", "/ndbg/", False)])
def test_page_one_under_another_address_of_the_list(url, first, one):
    site = "http://wjj.linjiang.gov.cn"
    assert names_page_one(site + url, site + first) is one


def test_a_list_counting_its_pages_from_zero_links_page_2_as_page_1():
    # EmpireCMS: <a href="…&page=1">2</a> is the second page, not the first again; a link to ?page=1 labelled
    # otherwise, from a page without a page number, still is the first
    first = "http://a.gov.cn/e/action/ListInfo/?classid=12"
    assert is_pager_link("2", first + "&page=1", first)
    assert not is_pager_link("1", first + "&page=1", first)
    assert not is_pager_link("首页", first + "&page=1", first)


def test_an_empirecms_dynamic_list_pages_its_folder_by_its_index_file():
    # /e/action/ListInfo/?classid=12, its later pages /e/action/ListInfo/index.php?page=1&classid=12&totalnum=45
    # (numbered from 0); another column's page (classid=13) is none
    first = "http://swj.xiping.gov.cn/e/action/ListInfo/?classid=12"
    later = "http://swj.xiping.gov.cn/e/action/ListInfo/index.php?page={}&classid=12&totalnum=45"
    assert _pager_urls("list_empirecms_dynamic_pages.html", first) == [later.format(1), later.format(2)]


def test_a_boda_list_numbers_its_later_pages_in_a_folder_named_after_it():
    # 博达's ndbg.htm, its pages ndbg/3.htm (2), ndbg/2.htm, ndbg/1.htm (尾页), and from there on in that folder; a
    # side box's number in another folder, a year's page in that folder and an unlabelled link are none
    column = "http://zrzyj.xiping.gov.cn/zfxxgk/"
    assert _pager_urls("list_boda_own_folder_pages.html", column + "ndbg.htm") == [
        column + "ndbg/3.htm", column + "ndbg/2.htm", column + "ndbg/1.htm"]
    assert is_pager_link("下页", column + "ndbg/1.htm", column + "ndbg/2.htm")
    assert not is_pager_link("", column + "ndbg/3.htm", column + "ndbg.htm")


def _pager_urls(name: str, page_url: str) -> list[str]:
    """The addresses a frozen list's pager links lead to, in the order the page links them."""
    links = page_links(lxml.html.fromstring((FILES / name).read_bytes()), page_url)
    return list(dict.fromkeys(link.url for link in links if is_pager_link(link.text, link.url, page_url)))


def test_a_wordpress_category_pages_by_a_page_segment_after_its_own_path():
    column = "https://fgw.example.gov.cn/category/xxgk/ndbg/"
    assert _pager_urls("list_wordpress_page_numbers.html", column + "page/2/") == [column + "page/3/"]
    assert is_pager_link("2", column + "page/2/", column)
    assert is_pager_link("下一页", column + "page/2/", column[:-1])                      # the category without its slash
    assert not is_pager_link("2", "https://fgw.example.gov.cn/category/xxgk/tzgg/page/2/", column)   # another list's
    assert not is_pager_link("2", column + "page/2/?s=年报", column)                     # a search's pages


def test_wordpress_older_posts_links_are_a_pager():
    page = "http://mzj.example.gov.cn/?cat=5&paged=2"
    assert _pager_urls("list_wordpress_older_posts.html", page) == [
        "http://mzj.example.gov.cn/?cat=5&paged=3", "http://mzj.example.gov.cn/?cat=5&paged=1"]


def test_a_zblog_list_names_its_later_pages_after_its_first_pages_name():
    site = "http://wjw.example.gov.cn/"
    assert _pager_urls("list_zblog_pagebar.html", site + "category-3.html") == [
        site + "category-3_2.html", site + "category-3_3.html"]
    assert not is_pager_link("", site + "category-3_2.html", site + "category-3.html")   # no pager's label


def test_a_siteserver_channel_names_its_later_pages_after_its_number():
    site = "http://www.example.gov.cn/channels/"
    assert _pager_urls("list_siteserver_channel.html", site + "12.html") == [site + "12_2.html", site + "12_3.html"]
    assert is_pager_link("下一页", site + "12_3.html", site + "12_2.html")
    assert not is_pager_link("", site + "12_2.html", site + "12.html")   # no pager's label


def test_a_list_whose_file_name_joins_words_numbers_its_later_pages_after_that_name():
    # xxgk_list.html, xxgk_list_1.html …: a stem of words joined by _ or -, as a column's own file names its pages
    folder = "http://zrzyj.example.gov.cn/zwgk/xxgkml/"
    assert _pager_urls("list_underscored_stem.html", folder + "xxgk_list.html") == [
        folder + "xxgk_list_1.html", folder + "xxgk_list_2.html"]
    # page 2's link back to the first page is where the list was entered, as index.html is from index_1.html
    assert _pager_urls("list_underscored_stem_1.html", folder + "xxgk_list_1.html") == [folder + "xxgk_list_2.html"]
    # a column number before the stem's words (3011002_list_2.html), or after them (more_newlist_14_2.html)
    assert is_pager_link("下一页", folder + "3011002_list_2.html?LM_ID=3011002", folder + "3011002_list_1.html?LM_ID=3011002")
    assert is_pager_link("2", folder + "more_newlist_14_2.html", folder + "more_newlist_14.html")
    assert not is_pager_link("2", folder + "more_newlist_15_2.html", folder + "more_newlist_14.html")   # another column's


def test_a_list_entered_at_its_folder_has_its_next_and_last_pages_by_their_pagers_words():
    # gov.cn's lists: /zhengce/xxgk/ serves home.htm, its later pages home_1.htm … home_8.htm; the folder's own
    # page names no file whose stem they share. A number alone (list_2.html, zhuanti_1.htm of a side box: another
    # column's pages, a DedeCMS column's list_2.html) is no evidence; a run of one stem's files under 下一页 is.
    folder = "http://www.xiping.gov.cn/zhengce/xxgk/"
    links = page_links(lxml.html.fromstring((FILES / "list_folder_home_pages.html").read_bytes()), folder)
    assert folder_pager_urls([(link.text, link.url) for link in links], folder) == [
        folder + "home_1.htm", folder + "home_2.htm", folder + "home_8.htm"]
    assert is_pager_link("3", folder + "home_2.htm", folder + "home_1.htm")   # from page 2 on, its own stem
    assert folder_pager_urls([("下一页", folder + "list_2.html")], folder) == []   # one file: no run


def test_a_load_more_link_to_the_lists_next_file_is_its_pager():
    # <a class="jzgd" href="ndbg_2.shtml">加载更多</a> under a list: its next page, by the pager's rules of the
    # address (one stem, numbered); a 加载更多 of another column's box is not, nor a 查看更多 to a column
    column = "http://www.xiping.gov.cn/xxgk/c100302/"
    assert _pager_urls("list_load_more_anchor.html", column + "ndbg.shtml") == [column + "ndbg_2.shtml"]
    assert is_pager_link("点击加载更多", column + "ndbg_3.shtml", column + "ndbg_2.shtml")


def test_a_typecho_category_pages_by_a_bare_number_segment_after_its_own_path():
    column = "http://fgw.example.gov.cn/category/ndbg/"
    assert _pager_urls("list_typecho_page_navigator.html", column + "2/") == [column + "3/"]
    assert is_pager_link("后一页 »", column + "2/", column)
    assert not is_pager_link("3", "http://fgw.example.gov.cn/2024/3/", "http://fgw.example.gov.cn/2024/")  # a month
    assert not is_pager_link("2023", "http://fgw.example.gov.cn/2023/", "http://fgw.example.gov.cn/2024/")  # a year


@pytest.mark.parametrize("text", ["« 前一页", "后一页 »", "下一页 »", "« 上一页", "下一页>>", "[下一页]", "【尾页】", "[ 首页 ]",
                                  "前页", "后页", "第一页", "最后页"])
def test_a_pager_word_between_arrows_or_brackets_is_a_pagers_label(text):
    assert is_pager_text(text)


def test_an_asp_list_paged_by_bracketed_words_alone():
    page = "http://sfj.example.gov.cn/xxgk/list.asp?classid=12&page=2"
    assert _pager_urls("list_bracketed_pager_words.html", page) == [
        "http://sfj.example.gov.cn/xxgk/list.asp?classid=12&page=1", "http://sfj.example.gov.cn/xxgk/list.asp?classid=12&page=3"]


def test_a_dedecms_dynamic_list_carries_its_record_count_in_its_pager_links():
    first = "http://dbx.example.gov.cn/plus/list.php?tid=12"
    more = "http://dbx.example.gov.cn/plus/list.php?tid=12&TotalResult=8&PageNo="
    assert _pager_urls("list_dedecms_dynamic.html", first) == [more + "2", more + "3"]
    assert is_pager_link("下一页", more + "3", more + "2")


def test_jcms_pager_adds_the_column_id_to_a_static_first_page():
    first = "http://a.gov.cn/col/col2134/index.html"
    assert is_pager_link("下一页", first + "?uid=5134&pageNum=2", first)
    assert is_pager_link("3", first + "?uid=5134&pageNum=3", first + "?uid=5134&pageNum=2")
    assert not is_pager_link("", first + "?uid=5134&pageNum=2", first)           # no pager's label: not believed
    assert not is_pager_link("下一页", first + "?uid=5134&month=2024-04", first)   # no page key changes


def test_trs_pager_counts_from_page_zero():
    assert create_page_urls('createPageHTML(4, 0, "index", "html")', "http://a.gov.cn/ndbg/index.html") == [
        "http://a.gov.cn/ndbg/index_1.html", "http://a.gov.cn/ndbg/index_2.html", "http://a.gov.cn/ndbg/index_3.html"]


def test_trs_pager_with_a_target_element_counts_from_page_one():
    html = (FILES / "trs_table_list_page_div.html").read_text(encoding="utf-8")
    urls = create_page_urls(html, "http://xiyang.nanhu.gov.cn/zfxxgk/zfxxgknb/index.shtml")
    assert [u.rsplit("/", 1)[1] for u in urls] == [f"index_{k}.shtml" for k in range(2, 7)]


def test_trs_pager_with_variables():
    html = "var countPage = 3;var currentPage = 0;createPageHTML(countPage, currentPage, 'index', 'htm');"
    assert len(create_page_urls(html, "http://a.gov.cn/ndbg/")) == 2


def test_trs_pager_on_a_later_page_asks_for_the_first_page():
    urls = create_page_urls('createPageHTML(5, 3, "index", "shtml")', "http://a.gov.cn/ndbg/index_3.shtml")
    assert urls[0] == "http://a.gov.cn/ndbg/index.shtml"


def test_trs_pager_defined_inline_before_its_call():
    html = ('<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){'
            'if(_nPageCount == null || _nPageCount<=1){ return; }}</script>'
            '<div class="page"><script>createPageHTML(3, 0, "index", "html");</script></div>')
    assert create_page_urls(html, "http://a.gov.cn/ndbg/index.html") == [
        "http://a.gov.cn/ndbg/index_1.html", "http://a.gov.cn/ndbg/index_2.html"]


def test_trs_pager_with_its_count_parsed_from_the_templates_text():
    html = "var countPage = parseInt('3');createPageHTML(countPage, 0, 'index', 'html');"
    assert create_page_urls(html, "http://a.gov.cn/ndbg/index.html") == [
        "http://a.gov.cn/ndbg/index_1.html", "http://a.gov.cn/ndbg/index_2.html"]


def _parsed_page_urls(html: str, page_url: str) -> list[str]:
    """The page's other pages, its fields read from the parsed page as the spider reads them."""
    return create_page_urls(html, page_url, (), page_fields(lxml.html.fromstring(html)))


def test_a_page_declaring_its_count_in_hidden_fields_for_its_pager_script_has_its_pages():
    html = (FILES / "list_hidden_pager_fields.html").read_text(encoding="utf-8")
    assert _parsed_page_urls(html, "http://a.gov.cn/ndbg/index.html") == [
        "http://a.gov.cn/ndbg/index_1.html", "http://a.gov.cn/ndbg/index_2.html"]


def test_a_field_the_page_only_comments_out_or_writes_in_a_script_is_none_of_its_pager():
    # an old template's field left in a comment, and one a script writes for another list: not the page's fields
    html = (FILES / "list_hidden_pager_fields.html").read_text(encoding="utf-8").replace(
        '<ul class="list">', '<!-- <input type="hidden" id="countPage" value="9" /> -->'
        '<script>var box = \'<input id="currentPage" value="5">\';</script><ul class="list">')
    assert _parsed_page_urls(html, "http://a.gov.cn/ndbg/index.html") == [
        "http://a.gov.cn/ndbg/index_1.html", "http://a.gov.cn/ndbg/index_2.html"]


def test_a_pager_declaring_its_count_in_data_attributes_has_its_pages_and_a_record_count_none():
    html = (FILES / "list_pager_data_attributes.html").read_text(encoding="utf-8")
    assert create_page_urls(html, "http://a.gov.cn/ndbg/index.html") == [
        "http://a.gov.cn/ndbg/index_1.html", "http://a.gov.cn/ndbg/index_2.html"]
    records_only = html.replace('<div class="pager" data-total-page="3" data-current-page="0"></div>', "")
    assert create_page_urls(records_only, "http://a.gov.cn/ndbg/index.html") == []


def test_hidden_fields_are_read_among_the_pages_first_inputs_and_cost_little():
    fields = '<input id="countPage" value="3"><input id="currentPage" value="0">'
    assert _parsed_page_urls("<input>" * (MAX_PAGE_LINKS - 2) + fields, "http://a.gov.cn/ndbg/index.html") == [
        "http://a.gov.cn/ndbg/index_1.html", "http://a.gov.cn/ndbg/index_2.html"]
    assert _parsed_page_urls("<input>" * MAX_PAGE_LINKS + fields, "http://a.gov.cn/ndbg/index.html") == []
    started = time.monotonic()
    assert _parsed_page_urls('<input id="x" value="1">' * 20_000, "http://a.gov.cn/ndbg/index.html") == []
    assert time.monotonic() - started < 1


def test_no_script_no_pages():
    assert create_page_urls("<p>createPage</p>", "http://a.gov.cn/") == []


def _queries(urls: list[str]) -> list[dict[str, str]]:
    return [{k: v[0] for k, v in parse_qs(urlsplit(u).query).items()} for u in urls]


def test_data_proxy_pages_start_after_the_records_inline():
    html = (FILES / "hanweb_datastore_list.html").read_text(encoding="utf-8")
    assert _queries(proxy_page_urls(html, HANWEB, 4))[0]["startrecord"] == "5"


def test_data_proxy_pages_cover_the_record_count():
    html = (FILES / "hanweb_datastore_list.html").read_text(encoding="utf-8")
    assert _queries(proxy_page_urls(html, HANWEB, 4))[-1]["endrecord"] == "49"


def test_data_proxy_pages_keep_the_column_parameters():
    html = (FILES / "hanweb_datastore_list.html").read_text(encoding="utf-8")
    assert {q["columnid"] for q in _queries(proxy_page_urls(html, HANWEB, 4))} == {"4321"}


def test_data_proxy_parameters_from_the_unit_script():
    html = ("<script>var totalRecord = 30; $('#1').jpage({perPage: 15, proxyUrl: '/module/web/jpage/dataproxy.jsp',"
            " ajaxParam: {columnid: 77, unitid: '9'}});</script>")
    assert _queries(proxy_page_urls(html, HANWEB, 15)) == [
        {"startrecord": "16", "endrecord": "30", "perpage": "15", "columnid": "77", "unitid": "9"}]


def test_a_short_data_proxy_answer_is_the_last_page():
    answer = (FILES / "hanweb_dataproxy_answer.xml").read_text(encoding="utf-8")
    url = "http://mzj.nanhu.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15&columnid=4321"
    assert proxy_page_urls(answer, url, 3) == []


def test_a_full_data_proxy_answer_leads_to_the_next_page():
    answer = (FILES / "hanweb_dataproxy_answer.xml").read_text(encoding="utf-8")
    url = "http://mzj.nanhu.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=3&columnid=4321"
    assert _queries(proxy_page_urls(answer, url, 3))[0]["startrecord"] == "7"


def test_a_pager_drawn_by_a_script_gives_the_later_pages_of_its_url():
    root = lxml.html.fromstring((FILES / "list_script_gopage.html").read_bytes())
    page = "http://127.0.0.1/public/column/1001?type=4&catId=8801&action=list"
    assert script_pager_urls(root, page) == [f"{page}&pageIndex={n}" for n in (2, 3)]


def test_a_script_pager_writing_a_forms_action_asks_no_page_by_get():
    # the form is posted to it (crawler.steering.formpagers): a GET answers page 1, or nothing
    html = (FILES / "list_form_action_pager.html").read_text().replace("startrow", "pageNo")
    assert script_pager_urls(lxml.html.fromstring(html), "http://jtj.beiyan.gov.cn/jtgk/ndbg/index.jsp") == []


def test_a_script_pager_keeps_what_its_url_writes_after_the_page_number():
    # a JSP list asked without its column answers nothing: the column is written after the page number
    root = lxml.html.fromstring((FILES / "list_gopage_column_after.html").read_bytes())
    page = "http://dyx.zhoukou.gov.cn/xxgk/list.jsp?cid=12"
    assert script_pager_urls(root, page) == [f"http://dyx.zhoukou.gov.cn/xxgk/list.jsp?pageNo={n}&cid=12" for n in (2, 3)]


def _postbacks(pager: str) -> list[tuple[str, str]]:
    return postback_pages(lxml.html.fromstring(f'<html><body><div class="pager">{pager}</div></body></html>'))


def test_a_gridview_pager_posts_its_page_arguments():
    pager = "<a href=\"javascript:__doPostBack('ctl00$GridView1','Page$2')\">2</a>" \
            "<a href=\"javascript:__doPostBack('ctl00$GridView1','Page$3')\">3</a>"
    assert _postbacks(pager) == [("ctl00$GridView1", "Page$2"), ("ctl00$GridView1", "Page$3")]


def test_a_postback_pager_claiming_endless_pages_is_believed_up_to_the_bound():
    pager = "<a href=\"javascript:__doPostBack('ctl00$Pager','9999')\">尾页</a>"
    assert len(_postbacks(pager)) == MAX_POSTED_PAGES - 1


def test_a_postback_link_that_is_no_pager_is_not_a_page():
    assert _postbacks("<a href=\"javascript:__doPostBack('ctl00$lnkDelete','2')\">删除附件</a>") == []


LOAD_MORE = "http://www.linjiang.gov.cn/czj/list/29.html"


def _load_more(html: str) -> list[str]:
    return load_more_urls(lxml.html.fromstring(html), LOAD_MORE)


def test_a_load_more_button_loads_its_next_pages_to_the_last_it_names():
    assert _load_more((FILES / "list_load_more.html").read_text(encoding="utf-8")) == \
        [f"http://www.linjiang.gov.cn/czj/list/29_{n}.html" for n in (2, 3)]


def test_a_load_more_buttons_data_total_counts_as_the_pages_script_reads_it():
    # Math.ceil(btn.data("total") / pageSize): 32 records of 15, 3 pages (was 31 pages asked, 31_2 … 31_32)
    html = (FILES / "list_load_more_records.html").read_text(encoding="utf-8")
    column = "http://www.linjiang.gov.cn/tjj/list/31.html"
    assert load_more_urls(lxml.html.fromstring(html), column) == [
        f"http://www.linjiang.gov.cn/tjj/list/31_{n}.html" for n in (2, 3)]
    # page * pageSize >= btn.data("total"): records, of no size read here: the next page only, open-ended
    records = html.replace('var pages = Math.ceil(btn.data("total") / pageSize);', "").replace(
        "page >= pages", 'page * pageSize >= btn.data("total")')
    assert load_more_urls(lxml.html.fromstring(records), column) == ["http://www.linjiang.gov.cn/tjj/list/31_2.html"]
    assert open_load_more(lxml.html.fromstring(records), column) == ("http://www.linjiang.gov.cn/tjj/list/31_", ".html", 2)


def test_a_load_more_buttons_data_total_is_read_within_the_scripts_bound_and_costs_little():
    html = (FILES / "list_load_more.html").read_text(encoding="utf-8")
    padded = html.replace("var pageSize = 10;", "var pageSize = 10; /*" + " " * MAX_BUTTON_SCRIPT_CHARS + "*/")
    assert _load_more(padded) == ["http://www.linjiang.gov.cn/czj/list/29_2.html"]   # its comparison past the bound
    hostile = html.replace("var pageSize = 10;", "a" * 1_000_000 + " " + "x >= " * 100_000)
    started = time.monotonic()
    assert _load_more(hostile) == ["http://www.linjiang.gov.cn/czj/list/29_2.html"]
    assert time.monotonic() - started < 1


def test_a_load_more_button_without_a_last_page_loads_the_next_one():
    html = (FILES / "list_load_more.html").read_text(encoding="utf-8").replace(' data-total="3"', "")
    assert _load_more(html) == ["http://www.linjiang.gov.cn/czj/list/29_2.html"]


def test_a_load_more_button_without_a_last_page_is_open_ended():
    html = (FILES / "list_load_more.html").read_text(encoding="utf-8").replace(' data-total="3"', "")
    assert open_load_more(lxml.html.fromstring(html), LOAD_MORE) == ("http://www.linjiang.gov.cn/czj/list/29_", ".html", 2)


def test_a_load_more_button_naming_its_last_page_is_not_open_ended():
    assert open_load_more(lxml.html.fromstring((FILES / "list_load_more.html").read_text(encoding="utf-8")),
                          LOAD_MORE) is None


def test_a_page_number_in_a_button_that_loads_nothing_more_is_no_pager():
    html = (FILES / "list_load_more.html").read_text(encoding="utf-8").replace(">加载更多<", ">返回顶部<")
    assert _load_more(html) == []


RUOYI_ASKED = [("channelId", "nb"), ("pageNum", "1"), ("pageSize", "10")]


def test_an_answer_giving_its_record_count_only_is_paged_by_the_size_asked():
    answer = (FILES / "api_ruoyi_rows.json").read_text(encoding="utf-8")   # total 23, no page size
    assert [dict(p)["pageNum"] for p in json_page_params(answer, RUOYI_ASKED)] == ["2", "3"]


def test_a_posted_api_claiming_endless_pages_is_believed_up_to_the_bound():
    assert len(json_page_params('{"total": 9999999, "rows": []}', RUOYI_ASKED)) == MAX_POSTED_PAGES - 1


OFFSET_ASKED = [("channel", "ndbg"), ("offset", "0"), ("limit", "3")]


def test_an_api_paged_by_record_offset_is_asked_at_each_pages_first_record():
    # bootstrap-table's server side paging: offset=0&limit=3 answered {"total": 8, "rows": […3]}
    answer = (FILES / "api_offset_rows.json").read_text(encoding="utf-8")
    assert [dict(p)["offset"] for p in json_page_params(answer, OFFSET_ASKED)] == ["3", "6"]


def test_an_offset_paged_api_claiming_endless_records_is_believed_up_to_the_bound():
    assert len(json_page_params('{"total": 9999999, "rows": []}', OFFSET_ASKED)) == MAX_POSTED_PAGES - 1


CURSOR_API = "http://wjw.zhoukou.gov.cn/api/v1/articles?channelId=ndbg&limit=3&nextToken="


def test_an_api_paged_by_cursor_is_asked_for_the_page_its_answer_names():
    answer = (FILES / "api_cursor_items.json").read_text(encoding="utf-8")
    assert cursor_page_url(answer, CURSOR_API) == CURSOR_API + "b2Zmc2V0PTM%3D"
    assert cursor_page_params(answer, [("pageToken", ""), ("limit", "3")]) == [("pageToken", "b2Zmc2V0PTM="),
                                                                                ("limit", "3")]


@pytest.mark.parametrize("answer, url", [
    ((FILES / "api_cursor_last.json").read_text(encoding="utf-8"), CURSOR_API),        # the last page
    ((FILES / "api_cursor_items.json").read_text(encoding="utf-8"), CURSOR_API[:-11]),  # a request without cursor
    ('{"data": {"items": [], "nextToken": "b2Zm"}}', CURSOR_API + "b2Zm"),             # the same page again
    ('{"data": {"nextToken": "%s"}}' % ("x" * (MAX_CURSOR_CHARS + 1)), CURSOR_API),     # no token a list is asked by
])
def test_a_cursor_paged_api_names_no_next_page(answer, url):
    assert cursor_page_url(answer, url) is None


# A list page's inline picture (an editor's pasted <img src="data:image/png;base64,…">): one run of 400 KB without a
# quote or a space, read by every pager of every list page.
INLINE_PICTURE = '<img src="data:image/png;base64,' + "iVBORw0KGgo" * 40_000 + '">'


def test_an_api_numbering_its_pages_by_current_is_asked_for_its_other_pages():
    # a form POSTed to a list API (current=1&pageSize=15&channelCode[]=…) answering its record count
    answer = (FILES / "api_query_list_current.json").read_text(encoding="utf-8")
    asked = [("current", "1"), ("pageSize", "15"), ("webSiteCode[]", "sjzrzyj"), ("channelCode[]", "ndbg")]
    assert json_page_params(answer, asked) == [[("current", str(n)), *asked[1:]] for n in (2, 3)]
    page = "http://zrzyj.example.gov.cn/ndbg/list.html?channel=ndbg"
    assert is_pager_link("下一页", page + "&current=2", page)
    assert not is_pager_link("下一页", page + "&current=1", page)   # the first page again


def test_a_list_page_with_a_long_inline_picture_is_read_for_its_proxy_pages_in_linear_time():
    text = INLINE_PICTURE + '<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?columnid=9&perpage=15">'
    started = time.process_time()
    urls = proxy_page_urls(text + "<totalrecord>31</totalrecord>", HANWEB, 15)
    assert time.process_time() - started < 1
    assert [parse_qs(urlsplit(u).query)["startrecord"] for u in urls] == [["16"], ["31"]]


def test_a_page_of_unclosed_create_page_calls_is_read_in_linear_time():
    text = "createPageHTML(" * 100_000 + INLINE_PICTURE
    started = time.process_time()
    assert create_page_urls(text, "http://a.gov.cn/ndbg/") == []
    assert time.process_time() - started < 1


@pytest.mark.parametrize(("button", "asked"), [
    ('<button class="more" data-next="?page=2&amp;ajax=1">加载更多</button>', ["http://a.gov.cn/ndbg/?page=2&ajax=1"]),
    ('<a href="javascript:;" data-url="/ndbg/list_2.html">点击加载更多</a>', ["http://a.gov.cn/ndbg/list_2.html"]),
    ('<a href="javascript:;" data-url="/ndbg/art/8842.html">某局2023年政府信息公开工作年度报告</a>', []),
    ('<button class="more" data-next="2">加载更多</button>', [])])
def test_a_load_more_button_naming_its_next_pages_address_gives_that_page(button, asked):
    assert more_button_urls(lxml.html.fromstring(f"<div>{button}</div>"), "http://a.gov.cn/ndbg/") == asked


def _nested(attributes: str, depth: int = 200) -> lxml.html.HtmlElement:
    """``depth`` nested elements carrying a pager's attributes around 2 million characters of 加载更多."""
    return lxml.html.fromstring(f"<html><body>{f'<div {attributes}>' * depth}<p>{'加载更多 ' * 400_000}</p>"
                                f"{'</div>' * depth}</body></html>")


def test_elements_carrying_a_load_more_address_around_the_whole_page_read_its_text_once():
    # each of the 200 was read whole as a button's label: 60 s, 200 buttons; the innermost is the button
    root = _nested('data-url="/ndbg/list_2.html"')
    started = time.process_time()
    assert more_button_urls(root, "http://a.gov.cn/ndbg/") == ["http://a.gov.cn/ndbg/list_2.html"]
    assert time.process_time() - started < 1


def test_elements_carrying_a_load_more_page_around_the_whole_page_read_its_text_once():
    root = _nested('data-page="2"')
    root.append(lxml.html.fragment_fromstring("<script>var url = '/czj/list/29_' + page + '.html';</script>"))
    started = time.process_time()
    assert open_load_more(root, LOAD_MORE) == ("http://www.linjiang.gov.cn/czj/list/29_", ".html", 2)
    assert time.process_time() - started < 1


def test_a_list_paged_by_its_own_page_script_gives_the_pages_it_declares():
    html = (FILES / "list_page_js.html").read_text(encoding="utf-8")
    base = "http://sfj.beilan.gov.cn/zwgk/ndbg/"
    assert create_page_urls(html, base + "index.html") == [base + "index_1.html", base + "index_2.html"]
    assert create_page_urls(html.replace("currentPage = 0", "currentPage = 1"), base + "index_1.html") == \
        [base + "index.html", base + "index_2.html"]
    assert create_page_urls(html.replace("var currentPage = 0;", ""), base + "index.html") == []


def test_a_list_entered_at_its_folder_numbers_its_declared_pages_after_the_first_page_its_script_names():
    # 邯郸's inline pager declares var countPage and currentPage and writes page 1 as "index.html": a column linked
    # as its folder has its later pages all the same
    html = "<script>" + (FILES / "pager_document_write.js").read_text(encoding="utf-8") + "</script>"
    base = "http://zfxxgk.handan.gov.cn/gszbm/auto23716/zfxxgknb/"
    assert create_page_urls(html, base) == [base + "index_1.html"]
    assert create_page_urls(html.replace("index.html", "index.shtml").replace('"html', '"shtml'), base) == \
        [base + "index_1.shtml"]
    assert create_page_urls(html.replace('\\"index.html', '\\"/xxgk/index.html'), base) == []   # another folder's


def test_a_fragments_pager_calling_its_loader_with_the_page_is_the_fragments_request_at_that_page():
    # 河北's blocks: the fragment holds no script; its links call the column page's loadBlock(n), which asks the
    # fragment's own request with page n
    root = lxml.html.fromstring((FILES / "fragment_block_pager.html").read_text())
    block = "http://www.hebei.gov.cn/columns/5f2d/templates/0b6e/blocks/c3a9"
    assert fragment_page_urls(root, f"{block}?page=1&fix=0") == [f"{block}?page=2&fix=0", f"{block}?page=3&fix=0"]
    assert fragment_page_urls(root, block) == []   # no page key: which request it was is unknown


def test_a_full_page_asks_the_next_page_by_its_page_key_or_record_offset():
    assert full_page_params([("categorynum", "003011"), ("pageIndex", "1"), ("pageSize", "20")], 20) == [
        ("categorynum", "003011"), ("pageIndex", "2"), ("pageSize", "20")]
    assert full_page_params([("offset", "20"), ("limit", "10")], 10) == [("offset", "30"), ("limit", "10")]


def test_a_shorter_page_or_a_request_naming_no_page_or_size_asks_no_next_page():
    assert full_page_params([("pageIndex", "2"), ("pageSize", "20")], 19) is None
    assert full_page_params([("categorynum", "003011"), ("pageSize", "20")], 20) is None
    assert full_page_params([("pageIndex", "1"), ("categorynum", "003011")], 20) is None

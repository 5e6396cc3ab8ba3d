"""A page read with its own script files (crawler/pages/sitescripts.py, crawler/pages/links.py), from frozen list pages
and the script files they load (tests/files/): one field a test."""

from __future__ import annotations

import time

import lxml.html

from crawler.pages.libraries import is_library
from crawler.pages.links import PageTemplates, page_functions, page_links
from crawler.pages.scriptcalls import MAX_CHOICES, MAX_TERNARY_CHARS, called_url, unfold_choices, url_templates
from crawler.pages.sitescripts import MAX_HANDLERS, MAX_PAGE_SCRIPTS, site_script_urls, wants_site_scripts
from tests.crawler.helpers import FILES

PAGE = "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"


def root(name: str):
    return lxml.html.fromstring((FILES / name).read_bytes())


def urls_of(name: str, script: str, text: str) -> list[str]:
    links = page_links(root(name), PAGE, site_codes=[(FILES / script).read_text()])
    return [link.url for link in links if text in link.text]


def test_a_link_calling_a_function_of_the_sites_script_file_is_the_address_it_builds():
    assert urls_of("list_site_script_calls.html", "site_script_common.js", "2024年政府信息公开") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/art/10824.html"]


def test_a_clickable_row_calling_a_function_of_the_sites_script_file_is_the_address_it_builds():
    assert urls_of("list_site_script_calls.html", "site_script_common.js", "2022年政府信息公开") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/content_8622.html"]


def test_an_address_in_a_data_attribute_the_sites_script_file_reads_is_a_link():
    assert urls_of("list_site_script_tabs.html", "site_script_tabs.js", "2023年") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/2023/list.json"]


def test_a_page_calling_functions_it_does_not_define_wants_its_script_files():
    assert wants_site_scripts(root("list_site_script_calls.html"))


def test_a_page_keeping_addresses_its_inline_scripts_do_not_read_wants_its_script_files():
    assert wants_site_scripts(root("list_site_script_tabs.html"))


def test_a_page_defining_the_functions_it_calls_wants_none():
    assert not wants_site_scripts(root("list_javascript_openwin.html"))


def test_the_script_files_read_are_the_pages_own_but_libraries():
    assert site_script_urls(root("list_site_script_calls.html"), PAGE) == [
        "http://www.zhoukou.gov.cn/js/common.js?v=20240118"]


def test_a_page_of_many_script_files_has_only_the_first_read():
    scripts = "".join(f'<script src="/js/part{n}.js"></script>' for n in range(50))
    assert len(site_script_urls(lxml.html.fromstring(f"<html><head>{scripts}</head></html>"), PAGE)) == MAX_PAGE_SCRIPTS


def test_a_call_past_the_handlers_read_asks_for_no_script_file():
    defined = '<a href="javascript:show(1)">1</a>' * MAX_HANDLERS
    page = (f'<html><head><script src="/js/common.js"></script><script>function show(n) {{}}</script></head><body>'
            f'{defined}<a href="javascript:goUrl(8842)">报告</a></body></html>')
    assert not wants_site_scripts(lxml.html.fromstring(page))


def test_a_pager_function_writing_a_relative_address_in_a_ternary_is_its_pages():
    assert urls_of("list_site_script_pager.html", "site_script_pager.js", "下一页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index_3.html"]


def test_the_page_a_pager_functions_ternary_names_is_that_pages_address():
    assert urls_of("list_site_script_pager.html", "site_script_pager.js", "首页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"]


def test_a_relative_concatenation_that_is_no_pages_address_is_no_template():
    assert urls_of("list_site_script_pager.html", "site_script_pager.js", "打印") == []
    assert urls_of("list_site_script_pager.html", "site_script_pager.js", "政策解读") == []


def test_a_pager_function_numbering_its_pages_from_the_second_as_one_is_its_pages():
    assert urls_of("list_site_script_pager.html", "site_script_pager_trs.js", "下一页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index_2.html"]
    assert urls_of("list_site_script_pager.html", "site_script_pager_trs.js", "首页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"]


def test_a_ternary_further_before_its_branch_than_the_bound_is_not_read():
    code = (FILES / "site_script_pager.js").read_text().replace(": 'index_'", ":" + " " * MAX_TERNARY_CHARS + "'index_'")
    links = page_links(root("list_site_script_pager.html"), PAGE, site_codes=[code])
    assert [link.url for link in links if link.text == "首页"] == ["http://www.zhoukou.gov.cn/xxgk/ndbg/index_1.html"]


def test_a_pager_function_special_casing_its_first_page_by_an_if_statement_is_its_pages():
    assert urls_of("list_site_script_pager.html", "site_script_pager_if.js", "下一页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index_3.html"]
    assert urls_of("list_site_script_pager.html", "site_script_pager_if.js", "首页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"]


def test_a_pager_function_naming_its_first_page_for_numbers_up_to_one_is_its_pages():
    assert urls_of("list_site_script_pager.html", "site_script_pager_le.js", "下一页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index_3.html"]
    assert urls_of("list_site_script_pager.html", "site_script_pager_le.js", "首页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"]
    code = (FILES / "site_script_pager_le.js").read_text()
    assert called_url("turnPage(0)", url_templates([code])) == "index.html"


def test_a_pager_function_naming_its_first_page_in_the_else_branch_is_its_pages():
    assert urls_of("list_site_script_pager.html", "site_script_pager_later.js", "下一页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/list_3.html"]
    assert urls_of("list_site_script_pager.html", "site_script_pager_later.js", "首页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"]
    templates = url_templates([(FILES / "site_script_pager_later.js").read_text()])
    assert [called_url(f"goPage({n})", templates) for n in (1, 2)] == ["index.html", "list_2.html"]


def test_a_pager_function_writing_its_pages_query_is_its_pages():
    assert urls_of("list_site_script_pager.html", "site_script_pager_query.js", "下一页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/list.jsp?pageNo=3&channelId=1024"]
    templates = url_templates([(FILES / "site_script_pager_query.js").read_text()])
    assert called_url("goPage(2)", templates) == "?pageNo=2"
    assert called_url("toPage(2)", templates) == "index_2.html#list"
    assert called_url("showTab(2)", templates) is None


def test_a_pager_function_choosing_its_first_pages_name_inside_its_concatenation_is_its_pages():
    # 'index' + (n == 1 ? '' : '_' + (n - 1)) + '.html', 'list' + (n > 1 ? '_' + n : '') + '.html'
    templates = url_templates([(FILES / "site_script_pager_forms.js").read_text()])
    assert [called_url(f"turnPage({n})", templates) for n in (1, 2, 3)] == ["index.html", "index_1.html",
                                                                            "index_2.html"]
    assert [called_url(f"toPage({n})", templates) for n in (1, 2)] == ["list.html", "list_2.html"]
    assert urls_of("list_site_script_pager.html", "site_script_pager_forms.js", "首页") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"]


def test_ternaries_inside_concatenations_past_the_bound_are_left_as_they_are_at_little_cost():
    choice = "x = 'a' + (n == 1 ? 'b' : 'c');\n"
    assert unfold_choices(choice * (MAX_CHOICES + 1)).count("n == 1 ? 'ab' : 'ac'") == MAX_CHOICES
    hostile = "'a' + " * 100_000 + "(n == 1 ? " + "(" * 100_000 + "x" * 800_000
    started = time.process_time()
    unfold_choices(hostile)
    assert time.process_time() - started < 1


def test_a_pager_reading_its_page_from_the_pages_field_when_called_without_an_argument_is_its_pages():
    links = page_links(root("list_field_pager.html"), PAGE.replace("index.html", "index_1.html"))
    assert {link.text: link.url for link in links if link.source == "script"} == {
        "上一页": "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html",
        "下一页": "http://www.zhoukou.gov.cn/xxgk/ndbg/index_2.html",
        "GO": "http://www.zhoukou.gov.cn/xxgk/ndbg/index_1.html"}


def test_a_first_page_case_writing_no_address_is_no_address():
    code = (FILES / "site_script_pager_if.js").read_text()
    assert called_url("goPage(1)", url_templates([code])) == "index_1.html"


def test_a_page_whose_inline_script_calls_a_function_it_does_not_define_wants_its_script_files():
    assert wants_site_scripts(root("list_site_script_pager_call.html"))


def test_a_pages_templates_read_once_give_its_links_as_read_afresh_and_are_kept():
    page, codes = root("list_site_script_calls.html"), [(FILES / "site_script_common.js").read_text()]
    templates = PageTemplates(page, codes)
    shared = page_links(page, PAGE, site_codes=codes, templates=templates)
    assert shared == page_links(page, PAGE, site_codes=codes)
    assert "own" in vars(templates)   # read by the links' handlers, kept for the spider's navigation
    assert templates.own == {**url_templates(codes), **page_functions(page)}


def test_a_functions_address_written_into_a_forms_action_is_no_link_asked_by_get():
    # the form is posted to it (crawler.steering.formpagers)
    assert urls_of("list_form_action_pager.html", "site_script_common.js", "下一页") == []


def test_hidden_fields_no_inline_script_reads_beside_an_empty_list_want_the_sites_script_files():
    # 甘肃's column shell: #channelId, #page, #pageSize read by the site's listPage.js, which fills #list
    assert wants_site_scripts(root("list_common_search_shell.html"))


def test_hidden_fields_an_inline_script_reads_want_no_script_file():
    page = root("list_common_search_shell.html")
    script = lxml.html.fragment_fromstring('<script>var id = $("#channelId").val(), p = $("#page").val(),'
                                           ' s = $("#pageSize").val();</script>')
    page.body.append(script)
    assert not wants_site_scripts(page)


def test_an_empty_box_on_a_page_of_no_inline_script_wants_the_script_files_that_draw_it():
    page = '<html><head><script src="/xxgk/js/deptTree.js"></script></head><body><ul id="deptTree"></ul></body></html>'
    assert wants_site_scripts(lxml.html.fromstring(page))
    filled = page.replace("</body>", "<script>$('#deptTree').html(nodes);</script></body>")
    assert not wants_site_scripts(lxml.html.fromstring(filled))


def test_an_application_shells_empty_mount_point_is_left_to_its_bundles():
    """A Vue/React shell (an empty ``#app``, no inline script) is read from its bundles (crawler.scripted.bundles);
    asked as site scripts too, each bundle was fetched twice."""
    shell = '<html><head><script src="/static/js/app.3f2a1c9e.js"></script></head><body><div id="app"></div></body></html>'
    assert not wants_site_scripts(lxml.html.fromstring(shell))


def test_a_bundlers_chunk_of_libraries_is_a_library():
    for name in ("chunk-vendors.5e2b.js", "vendors~main.3c1a.js", "runtime.8f1d.js", "polyfills-legacy.2b.js"):
        assert is_library(f"http://www.zhoukou.gov.cn/static/js/{name}"), name
    assert not is_library("http://www.zhoukou.gov.cn/static/js/app.3f2a1c9e.js")


def test_a_statement_calling_an_undefined_function_with_an_object_or_a_computed_argument_wants_the_script_files():
    head = '<html><head><script src="/js/list.js"></script></head><body><div id="list">暂无</div><script>'
    for call in ("loadList({columnCode: 'ndbg', pageNo: 1, pageSize: 4});",
                 "createPage('pager', Math.ceil(totalCount / pageSize), 1, 'list.html?pageNo=');"):
        assert wants_site_scripts(lxml.html.fromstring(f"{head}{call}</script></body></html>"))

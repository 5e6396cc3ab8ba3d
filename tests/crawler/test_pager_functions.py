"""The pages a pager function of a site's script file draws, its arguments' roles read from its body
(crawler/steering/pagerfunctions.py through pagers.create_page_urls), from the frozen tests/files/site_script_pager_functions.js."""

from __future__ import annotations

from crawler.steering.pagerfunctions import MAX_PAGER_BODY_CHARS, MAX_PAGES
from crawler.steering.pagers import create_page_urls
from tests.crawler.helpers import FILES

PAGE = "http://www.zhoukou.gov.cn/xxgk/ndbg/list_3.html"
CODE = (FILES / "site_script_pager_functions.js").read_text()


def pages(call: str, page: str = PAGE) -> list[str]:
    return create_page_urls(f'<div id="pager"></div><script>{call}</script>', page, [CODE])


def test_a_pager_function_counting_first_its_pages_and_then_the_current_one_draws_them():
    html = (FILES / "list_site_script_pager_call.html").read_text()
    assert create_page_urls(html, PAGE, [CODE]) == [
        f"http://www.zhoukou.gov.cn/xxgk/ndbg/list_{k}.html" for k in (1, 2, 4)]


def test_a_pager_function_taking_the_prefix_and_extension_after_the_numbers_draws_its_pages():
    assert pages("pageNav(3, 0, 'index_', '.shtml');", "http://www.zhoukou.gov.cn/xxgk/index_0.shtml") == [
        "http://www.zhoukou.gov.cn/xxgk/index_1.shtml", "http://www.zhoukou.gov.cn/xxgk/index_2.shtml"]


def test_a_pager_function_taking_the_current_page_first_and_counting_in_its_text_draws_its_pages():
    assert pages("showPages(1, 3);") == ["http://www.zhoukou.gov.cn/xxgk/ndbg/list.jsp?pageNo=2",
                                         "http://www.zhoukou.gov.cn/xxgk/ndbg/list.jsp?pageNo=3"]


def test_the_numbers_a_page_declares_are_its_calls_arguments():
    assert pages("var total = 2, cur = 1; setPage(total, cur, 'list_');") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/list_2.html"]


def test_a_loop_writing_no_pages_address_draws_no_pages():
    assert pages("yearOptions(2019, 2024, 2023);") == []
    assert pages("tabBar(5, 1);") == []


def test_a_call_of_more_pages_than_the_bound_draws_the_bound():
    assert len(pages("setPage(100000, 1, 'list_');")) == MAX_PAGES - 1


def test_a_function_no_script_defines_draws_no_pages():
    assert create_page_urls("<script>setPage(4, 3, 'list_');</script>", PAGE) == []


def test_a_pager_whose_loop_lies_past_the_body_read_draws_no_pages():
    code = CODE.replace("  var html = '<span>", "  /*" + " " * MAX_PAGER_BODY_CHARS + "*/ var html = '<span>")
    assert create_page_urls("<script>setPage(4, 3, 'list_');</script>", PAGE, [code]) == []

"""A list paged by submitting its own form (crawler/steering/formpagers.py), from a frozen JSP list (tests/files/)."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from crawler.steering.formpagers import MAX_POSTED_PAGES, FormPage, submitted_pages

FILES = Path(__file__).resolve().parent.parent / "files"
PAGE = "http://jyj.beiyan.gov.cn/xxgk/list.do?columnId=12"


def pages(html: str) -> list[FormPage]:
    root = lxml.html.fromstring(html)
    return submitted_pages(root, PAGE, [s.text or "" for s in root.iter("script") if not s.get("src")])


def test_each_later_page_is_the_form_posted_with_its_page_number():
    assert pages((FILES / "list_form_post_pager.html").read_text()) == [
        FormPage("http://jyj.beiyan.gov.cn/xxgk/list.do", "POST",
                 (("columnId", "12"), ("orderBy", "publishDate"), ("pageNo", str(n)))) for n in (2, 3, 4)]


def test_a_pager_claiming_more_pages_than_believed_gives_no_more():
    html = (FILES / "list_form_post_pager.html").read_text().replace("goPage(4)", "goPage(9999)")
    assert len(pages(html)) == MAX_POSTED_PAGES - 1


def test_a_pager_calling_a_function_that_submits_a_search_word_gives_no_pages():
    html = (FILES / "list_form_post_pager.html").read_text().replace("javascript:goPage(", "javascript:goSearch(")
    assert pages(html) == []

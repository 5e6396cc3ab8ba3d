"""A list paged by submitting its own form (crawler/steering/formpagers.py), from a frozen JSP list (tests/files/)."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from crawler.steering.formpagers import MAX_POSTED_PAGES, FormPage, submitted_pages
from crawler.steering.pagers import MAX_POSTED_FORM

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


def test_a_form_larger_than_any_pagers_as_sent_gives_no_pages():
    """A form of 100,000 fields (3 MB as sent) was posted for every page its pager claims, each body held."""
    fields = "".join(f'<input type="hidden" name="f{n}" value="{"v" * 20}">' for n in range(MAX_POSTED_FORM // 20))
    html = (FILES / "list_form_post_pager.html").read_text()
    assert pages(html.replace('<input type="hidden" name="columnId" value="12">', fields)) == []
    near = fields[:len(fields) // 2]   # under the bound: read
    assert len(pages(html.replace('<input type="hidden" name="columnId" value="12">', near))) == 3

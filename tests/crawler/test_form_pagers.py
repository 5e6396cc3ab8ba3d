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


JSP = "http://jtj.beiyan.gov.cn/jtgk/ndbg/index.jsp"


def action_pages(html: str) -> list[FormPage]:
    root = lxml.html.fromstring(html)
    return submitted_pages(root, JSP, [s.text or "" for s in root.iter("script") if not s.get("src")])


def test_a_pager_writing_the_forms_action_posts_the_form_to_each_action_but_the_first_pages():
    fields = (("channelId", "1024"), ("pageSize", "3"))
    assert action_pages((FILES / "list_form_action_pager.html").read_text()) == [
        FormPage(f"{JSP}?startrow={r}", "POST", fields) for r in (4, 7)]


def test_a_form_named_by_its_name_or_place_is_the_one_posted():
    html = (FILES / "list_form_action_pager.html").read_text()
    for named in ("document.pageForm", "document.forms[1]", "document.forms['pageForm']", "$('#pageForm')[0]"):
        written = html.replace("document.getElementById('pageForm')", named)
        assert [page.fields for page in action_pages(written)] == [(("channelId", "1024"), ("pageSize", "3"))] * 2


def test_a_jquery_pager_setting_the_forms_action_attribute_posts_the_form_there():
    html = (FILES / "list_form_action_pager.html").read_text().replace(
        "form.action = 'index.jsp?startrow=' + r;\n  form.submit();",
        "$('#pageForm').attr('action', 'index.jsp?startrow=' + r).submit();")
    assert [page.url for page in action_pages(html)] == [f"{JSP}?startrow={r}" for r in (4, 7)]


def test_a_form_sent_by_get_loses_its_actions_page_and_gives_none():
    html = (FILES / "list_form_action_pager.html").read_text().replace('method="post" action="index.jsp"',
                                                                       'method="get" action="index.jsp"')
    assert action_pages(html) == []


def test_a_form_sent_by_get_to_the_file_its_pager_writes_is_each_page_with_its_fields():
    # form.action = 'list_' + n + '.html'; form.submit(): the browser asks list_n.html?channelId=2231
    html = (FILES / "list_form_get_action_pager.html").read_text()
    root = lxml.html.fromstring(html)
    folder = "http://swj.beiyan.gov.cn/swj/xxgk/ndbg/"
    assert submitted_pages(root, folder + "list_1.html", [s.text or "" for s in root.iter("script")]) == [
        FormPage(f"{folder}list_{n}.html", "GET", (("channelId", "2231"),)) for n in (2, 3)]


def test_a_form_larger_than_any_pagers_as_sent_is_not_posted_to_the_actions_its_pager_writes():
    fields = "".join(f'<input type="hidden" name="f{n}" value="{"v" * 20}">' for n in range(MAX_POSTED_FORM // 20))
    html = (FILES / "list_form_action_pager.html").read_text()
    assert len(action_pages(html)) == 2
    assert action_pages(html.replace('<input type="hidden" name="pageSize" value="3">', fields)) == []

"""What a page's own script file writes where it stands (crawler.pages.scriptwrites), on a frozen district page
whose 街道 menu a script file writes line by line (tests/files/menu_written_by_script.*)."""

from __future__ import annotations

import lxml.html

from crawler.pages.links import page_links
from crawler.pages.scriptwrites import MAX_WRITTEN_CHARS, write_in, writer_elements, written_html
from tests.crawler.helpers import FILES

PAGE = "http://www.bylh.gov.cn/zwgk/index.html"
MENU = "http://www.bylh.gov.cn/js/xzjd.js"


def page():
    return lxml.html.fromstring((FILES / "menu_written_by_script.html").read_bytes())


def test_only_a_script_standing_in_the_pages_content_is_read_as_a_writer():
    # the head's and the body's loose scripts are behaviour (common.js, a counter), jQuery a library
    assert [s.get("src") for s in writer_elements(page(), PAGE)] == ["/js/xzjd.js"]


def test_the_links_a_script_file_writes_are_the_pages_under_the_heading_it_writes():
    root = page()
    assert write_in(root, PAGE, {MENU: (FILES / "menu_written_by_script.js").read_text(encoding="utf-8")})
    written = {link.text: (link.url, link.heading) for link in page_links(root, PAGE)}
    assert written["城南街道"] == ("http://www.bylh.gov.cn/zwgk/jdxxgk/cnjd/index.html", "街道信息公开")
    assert written["城北街道"][0] == "http://www.bylh.gov.cn/zwgk/jdxxgk/cbjd/index.html"


def test_a_call_writing_a_variable_is_left_out():
    assert "jdUrl" not in written_html((FILES / "menu_written_by_script.js").read_text(encoding="utf-8"))


def test_a_file_not_yet_read_writes_nothing():
    root = page()
    assert not write_in(root, PAGE, {})
    assert "城南街道" not in {link.text for link in page_links(root, PAGE)}


def test_what_a_file_writes_is_bounded():
    assert len(written_html(("document.write('<p>" + "年" * 5000 + "</p>');\n") * 100)) == MAX_WRITTEN_CHARS

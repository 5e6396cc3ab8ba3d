"""Which pictures of a report page are its tables (crawler.documents.pictures), on frozen pages: one rule per test."""

from __future__ import annotations

import lxml.html
import pytest

from crawler.documents import pictures
from crawler.documents.pictures import figure_tables, report_element, table_pictures
from crawler.hosts.scope import Scope
from gxparse.normalize import squash
from gxparse.template import SECTIONS
from tests.crawler.helpers import FILES

PAGE = "http://www.zhoukou.gov.cn/zwgk/ndbg/202501/t20250124_1345678.html"
SCOPE = Scope(["http://www.zhoukou.gov.cn/"], ["zhoukou.gov.cn"])


def _root(name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((FILES / name).read_bytes())


def _pictures(name: str = "detail_picture_tables.html") -> list[str]:
    return table_pictures(_root(name), PAGE, SCOPE.contains)


def test_the_report_element_is_the_article_body():
    assert report_element(_root("detail_picture_tables.html")).get("class") == "TRS_Editor"


def test_a_page_without_the_report_text_has_no_report_element():
    assert report_element(_root("detail_scanned_images.html")) is None


def test_the_report_element_is_found_squashing_each_text_of_the_page_once(monkeypatch):
    # descending 200 nested elements to the report's, each level squashed its whole text again: 200 times the page
    report = "".join(f"<p>{s.numeral}、{s.title}</p><p>{'正文' * 500}</p>" for s in SECTIONS)
    root = lxml.html.fromstring(f"<html><body>{'<div>' * 200}{report}{'</div>' * 200}<p>页脚</p></body></html>")
    squashed = []
    monkeypatch.setattr(pictures, "squash", lambda text: squashed.append(len(text)) or squash(text))
    assert report_element(root) is root.xpath("//div")[-1]
    assert sum(squashed) <= 2 * len(" ".join(root.find("body").itertext()))


@pytest.mark.parametrize("between", ["", "<!-- 注 -->", "<b></b>", " <i>二</i> "])
def test_the_report_element_is_the_first_child_holding_the_report_comments_and_empty_elements_between(between):
    sections = "".join(f"<p>{s.numeral}、{s.title}</p>" for s in SECTIONS)
    root = lxml.html.fromstring(f"<html><body><div>导航{between}<div id='a'>{between}<div id='b'>{sections}</div>"
                                f"{between}</div>{between}<div id='c'>{sections}</div></div></body></html>")
    assert report_element(root).get("id") == "b"


def test_a_page_with_its_tables_as_pictures_has_no_table_of_figures():
    assert figure_tables(report_element(_root("detail_picture_tables.html"))) == 0


def test_a_page_with_its_tables_has_three_tables_of_figures():
    assert figure_tables(report_element(_root("detail_report_page.html"))) == 3


def test_tables_of_figures_are_counted_no_further_than_asked():
    report = report_element(_root("detail_report_page.html"))
    assert [figure_tables(report, enough) for enough in (1, 2, 3, 4)] == [1, 2, 3, 3]


def test_the_table_pictures_are_taken_in_page_order():
    assert _pictures() == ["http://www.zhoukou.gov.cn/zwgk/ndbg/202501/W020250124593812345678.png",
                           "http://www.zhoukou.gov.cn/uploads/2025/01/24/a5f3c0e1.png",
                           "http://file.zhoukou.gov.cn/uploads/2025/01/b7e2d4c9.jpg",
                           "http://www.zhoukou.gov.cn/uploads/2025/01/24/e8f9a0b1.png"]


def test_a_picture_shown_twice_is_taken_once():
    assert len(_pictures()) == len(set(_pictures()))


def test_a_picture_on_another_host_of_the_site_is_taken():
    assert "http://file.zhoukou.gov.cn/uploads/2025/01/b7e2d4c9.jpg" in _pictures()


def test_a_picture_outside_the_site_is_left_out():
    assert not [url for url in _pictures() if "cdn.example.com" in url]


def test_an_inline_data_picture_is_left_out():
    assert not [url for url in _pictures() if url.startswith("data:")]


def test_a_picture_drawn_one_pixel_wide_is_left_out():
    assert not [url for url in _pictures() if url.endswith("spacer.gif")]


def test_a_picture_whose_id_names_a_share_button_is_left_out():
    assert not [url for url in _pictures() if url.endswith("fx01.png")]


def test_a_qr_code_named_in_its_path_is_left_out():
    assert not [url for url in _pictures() if "ewm" in url]


def test_an_icon_and_a_close_button_are_left_out():
    assert not [url for url in _pictures() if "icon_pdf" in url or "close_btn" in url]


def test_the_site_logo_above_the_article_is_left_out():
    assert not [url for url in _pictures() if url.endswith("zk_top.png")]


def test_a_print_icon_beside_the_date_line_is_left_out():
    assert not [url for url in _pictures() if url.endswith("dy.gif")]


def test_a_qr_code_under_the_article_is_left_out():
    assert not [url for url in _pictures() if url.endswith("d4e5f6a7.png")]


def test_a_page_printing_its_tables_needs_no_pictures():
    assert _pictures("detail_report_page.html") == []


def test_scanned_pages_without_report_text_are_not_table_pictures():
    assert _pictures("detail_scanned_images.html") == []


def test_a_picture_loaded_as_it_scrolls_into_view_is_taken_by_its_real_source():
    assert "http://www.zhoukou.gov.cn/uploads/2025/01/24/e8f9a0b1.png" in _pictures()
    assert not [url for url in _pictures() if url.endswith("loading.gif")]

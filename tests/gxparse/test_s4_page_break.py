"""Table 四 in ``pdftotext -layout`` text whose header a page break cuts: each page is laid on a grid of its own,
so the row is laid under the header words on its own page (form feeds give text lines their pages), where only
the four result columns of each block show (gxparse.tables.s4._s4_result_places)."""

from __future__ import annotations

from gxparse.document import lines_from_text
from gxparse.tables.s4 import _s4_result_places
from tests.gxparse.extracted import EXTRACTED, document_truth, parsed_rendering

# the header's last line, on the page after the break (zhoukou_city_2021's LibreOffice print, zeros blank)
_RESULTS = "持    正   果    结        维   纠   结   审        维   纠   结   审\n"


def test_a_table_four_whose_header_a_page_break_cuts_is_read_under_the_header_on_its_page() -> None:
    report = parsed_rendering(EXTRACTED / "pdftotext-layout", "zhoukou_city_2021.libreoffice-blank")
    assert report["s4"] == document_truth("zhoukou_city_2021")["s4"]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_form_feeds_give_text_lines_their_pages() -> None:
    lines = lines_from_text("一\n二\f三\n\f四\n")
    assert [(line.text, line.page) for line in lines] == [("一", 1), ("二", 1), ("三", 2), ("四", 3)]
    assert [line.where for line in lines] == ["第1行", "第2行", "第3行", "第5行"]
    assert {line.page for line in lines_from_text("一\n二\n")} == {None}


def test_each_blocks_total_stands_one_column_right_of_its_fourth_result() -> None:
    places = _s4_result_places(lines_from_text(_RESULTS))
    assert places is not None and len(places) == 15
    assert [round(p, 1) for p in places[4::5]] == [19.2, 39.5, 60.5]


def test_header_words_of_a_total_leave_no_place_to_infer() -> None:
    assert _s4_result_places(lines_from_text(_RESULTS.rstrip() + "   总\n")) is None
    assert _s4_result_places(lines_from_text("持    正   果    结        维   纠   结   审\n")) is None

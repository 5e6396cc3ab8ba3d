"""Table 四's figures laid under a header spread over several lines, each spaced on its own scale
(``gxparse.extraction.linescales``). Frozen input: tests/fixtures/extracted/pymupdf-sort/kaifeng_2021.cms-blank
(PyMuPDF's sorted text of a CMS page printed with zeros blank)."""

from __future__ import annotations

import time

from gxparse import parse_document
from gxparse.extraction.linescales import spread_by_line_scales
from tests.gxparse.extracted import EXTRACTED, document_truth


# kaifeng 2021's header lines as (column, middle): 结果 结果 其他 / 尚未审结 总计 / 维持 纠正 结果 结果 结果 其他 …
HEADER = [[(0, 2.0), (1, 5.0), (2, 8.0)],
          [(3, 12.0), (4, 16.0)],
          [(0, 2.0), (1, 5.0), (2, 8.0), (5, 19.0), (6, 22.0), (7, 25.0), (10, 36.0), (11, 39.0), (12, 42.0)],
          [(8, 30.0), (9, 34.0), (13, 48.0), (14, 52.0)],
          [(5, 19.0), (6, 22.0), (7, 25.0), (10, 36.0), (11, 39.0), (12, 42.0)]]
VALUES = ["5", "17", "3", "25", "9", "4", "1", "14", "9", "5", "3", "17"]
PLACES = (3.5, 9.0, 14.5, 29.0, 34.5, 40.5, 53.5, 61.0, 66.5, 72.5, 78.5, 93.0)


def test_figures_are_laid_where_each_header_line_on_its_own_scale_puts_them():
    # one scale from header to figures puts 3 (其他 of 复议后起诉) 2.9 characters off: the lines' scales differ
    assert spread_by_line_scales(VALUES, PLACES, HEADER, 15) == [
        "5", "17", "3", "", "25", "9", "4", "", "1", "14", "9", "5", "3", "", "17"]


def test_a_figure_under_no_header_word_lays_nothing():
    # without the line naming 尚未审结 / 总计 of 行政复议, 25 may stand under either
    assert spread_by_line_scales(VALUES, PLACES, [HEADER[0], *HEADER[2:]], 15) is None


def test_header_lines_whose_scales_differ_by_more_than_a_type_size_lay_nothing():
    wider = [(column, middle * 1.2) for column, middle in HEADER[3]]
    assert spread_by_line_scales(VALUES, PLACES, [*HEADER[:3], wider, HEADER[4]], 15) is None


def test_a_row_that_two_layings_fit_is_not_laid():
    # one header line of even columns: 4 and 10 stand at twice columns 0 and 1, or near 0.9 times 1 and 3
    header = [[(c, 2.0 + 3 * c) for c in range(7)]]
    assert spread_by_line_scales(["1", "1"], (4.0, 10.0), header, 7) is None


def test_layings_are_bounded():
    started = time.process_time()
    header = [[(c, 2.0 + 3 * c) for c in range(15)]] * 8
    assert spread_by_line_scales(["1"] * 7, tuple(4.0 + 6 * c for c in range(7)), header, 15) is None
    assert spread_by_line_scales(["1"] * 7, tuple(4.0 + 6 * c for c in range(7)), header * 2, 15) is None
    assert time.process_time() - started < 5


def test_sorted_text_of_a_header_spread_over_lines_reads_table_four():
    name = "kaifeng_2021"
    truth = document_truth(name)["s4"]
    report = parse_document((EXTRACTED / "pymupdf-sort" / f"{name}.cms-blank.txt").read_bytes(), "r.txt").to_dict()
    assert report["s4"] == truth

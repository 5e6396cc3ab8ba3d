"""Table 三's rows printed short, none whole, laid together under column headers spaced on another scale than
their figures (``gxparse.extraction.scaledheader``). Frozen input: tests/fixtures/extracted/pymupdf-sort/
simsite-c00-2019.cms-blank (PyMuPDF's sorted text of a CMS page printed with zeros blank: no row prints 其他)."""

from __future__ import annotations

import time

from gxparse import parse_document
from gxparse.extraction.scaledheader import spread_under_scaled_header
from gxparse.rows import RawRow
from tests.gxparse.extracted import EXTRACTED, document_truth


# the header words' middles: 自然人 商业 科研 社会公益 法律 其他 总计 (a CJK word one character a glyph)
HEADERS = [38.5, 42.0, 45.0, 49.0, 53.0, 56.0, 59.0]
# rows as printed: each shifted by its label, its figures 1.77 times the header words' distances from the total
ROWS = {
    "new_received": (["81", "6", "2", "1", "4", "94"], (48.0, 54.5, 59.5, 66.5, 73.5, 84.0)),
    "carried_over": (["3", "1", "4"], (47.5, 53.5, 83.5)),
    "result.partial": (["6", "1", "7"], (68.5, 74.5, 104.5)),
    "result.unable.not_held": (["4", "1", "1", "1", "7"], (43.5, 49.5, 54.5, 69.5, 80.5)),
    "result.unable.unclear": (["2", "1", "3"], (43.5, 69.5, 80.5)),
    "carry_forward": (["2", "2"], (50.5, 87.5)),
}


def _rows(rows: dict[str, tuple[list[str], tuple[float, ...]]]) -> dict[str, RawRow]:
    return {key: RawRow(key, key, values, offsets=offsets) for key, (values, offsets) in rows.items()}


def test_rows_none_printed_whole_are_laid_together_under_the_header_on_its_own_scale():
    laid = {key: row.values for key, row in spread_under_scaled_header(_rows(ROWS), HEADERS).items()}
    assert laid == {
        "new_received": ["81", "6", "2", "1", "4", "", "94"],
        "carried_over": ["3", "1", "", "", "", "", "4"],
        "result.partial": ["6", "1", "", "", "", "", "7"],
        "result.unable.not_held": ["4", "1", "1", "", "1", "", "7"],
        "result.unable.unclear": ["2", "", "", "", "1", "", "3"],
        "carry_forward": ["2", "", "", "", "", "", "2"],
    }


def test_rows_of_two_figures_alone_pin_no_scale_and_lay_nothing():
    pairs = {key: row for key, row in ROWS.items() if len(row[0]) == 2}
    assert spread_under_scaled_header(_rows(pairs), HEADERS) == {}


def test_a_figure_standing_between_two_columns_lays_nothing():
    # 1 of 法律服务机构 printed 3 characters right: midway between 法律服务机构 and 其他 on the rows' scale
    moved = ROWS | {"result.unable.unclear": (["2", "1", "3"], (43.5, 72.5, 80.5))}
    assert spread_under_scaled_header(_rows(moved), HEADERS) == {}


def test_a_header_on_the_figures_own_scale_fitting_two_layings_lays_nothing():
    # evenly spaced columns and rows whose figures stand two or four columns apart: any of several scales fit
    even = [float(6 * c) for c in range(7)]
    rows = {"a": (["1", "1", "2"], (0.0, 12.0, 24.0)), "b": (["1", "1"], (10.0, 22.0))}
    assert spread_under_scaled_header(_rows(rows), even) == {}


def test_scales_tried_are_bounded_by_the_rows():
    started = time.process_time()
    many = {f"r{n}": (["1", "1", "2"], (0.0, 12.0, 24.0)) for n in range(10_000)}
    assert spread_under_scaled_header(_rows(many), HEADERS) == {}
    assert time.process_time() - started < 2


def test_sorted_text_of_a_table_three_printed_with_every_zero_blank_is_read():
    name = "simsite-c00-2019"
    truth = document_truth(name)["s3"]
    report = parse_document((EXTRACTED / "pymupdf-sort" / f"{name}.cms-blank.txt").read_bytes(), "r.txt").to_dict()
    assert report["s3"] == truth
    assert not [f for f in report["findings"] if f["rule"] in ("cell.unread", "table.unread")]

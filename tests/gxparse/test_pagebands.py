"""A table written a page at a time, each page's rows a column at a time (``gxparse.extraction.pagebands``): the
page breaks and the row labels on each page give the bands, the header words' order the columns', the sums the
rest."""

from __future__ import annotations

import time

from gxparse.arithmetic.realign import RowSum
from gxparse.arithmetic.tiling import Layout
from gxparse.document import lines_from_text
from gxparse.extraction.pagebands import MAX_PAGES, read_by_pages

_LAYOUT = Layout(("a", "b", "c"), 3, (RowSum((0, 1), 2),))
_NAMED = {"行一": "a", "行二": "b", "行三": "c"}.get
_HEADERS = ("甲", "乙")


def _is_header(label: str) -> bool:
    return label in {"甲", "乙", "总"}


def _read(*pages: str, headers: str = "甲 乙 总") -> dict[str, tuple[tuple[int, ...], bool]] | None:
    text = "\f".join("\n\n".join(page.split()) + "\n" for page in (f"{headers} {pages[0]}", *pages[1:]))
    read = read_by_pages(lines_from_text(text), _LAYOUT, _NAMED, _is_header, _HEADERS, lambda rows: True)
    return None if read is None else {key: (row.vector, row.filled) for key, row in read.items()}


def test_each_pages_rows_are_read_a_column_at_a_time():
    assert _read("行一 行二 1 2 3 4 4 6", "行三 5 0 5") == {
        "a": ((1, 3, 4), False), "b": ((2, 4, 6), False), "c": ((5, 0, 5), False)}


def test_a_band_one_figure_short_is_read_where_the_sums_fill_the_gap_one_way():
    # 1 2 3 5 4 7 with the 3 left out: only a gap in row a's second cell keeps both rows' sums
    assert _read("行一 行二 1 2 5 4 7", "行三 5 0 5") == {
        "a": ((1, 3, 4), True), "b": ((2, 5, 7), False), "c": ((5, 0, 5), False)}


def test_a_gap_the_sums_fill_in_two_ways_leaves_its_rows_unread():
    # 1 2 3 4 4 6 with the 3 left out: a gap in row a's second cell (3) or its total (5) keeps the sums
    assert _read("行一 行二 1 2 4 4 6", "行三 5 0 5") == {"b": ((2, 4, 6), False), "c": ((5, 0, 5), False)}


def test_rows_the_column_and_the_row_order_read_differently_are_unread():
    # 0 2 2 1 2 3 keeps the sums a column at a time (b: 2 1 3) and a row at a time (b: 1 2 3)
    assert _read("行一 行二 0 2 2 1 2 3", "行三 5 0 5") == {"a": ((0, 2, 2), False), "c": ((5, 0, 5), False)}


def test_header_words_out_of_the_templates_order_leave_the_columns_in_that_order_said_to_be_assumed():
    # pdfminer.six writes header words in an order of its own (总计 before 其他), whatever its columns' runs are in
    text = "\f".join("\n\n".join(page.split()) + "\n" for page in ("乙 甲 总 行一 行二 1 2 3 4 4 6", "行三 5 0 5"))
    read = read_by_pages(lines_from_text(text), _LAYOUT, _NAMED, _is_header, _HEADERS, lambda rows: True)
    assert {key: (row.vector, row.by_position) for key, row in read.items()} == {
        "a": ((1, 3, 4), True), "b": ((2, 4, 6), True), "c": ((5, 0, 5), True)}


def test_figures_right_after_a_run_of_labels_are_the_last_rows_first_cells():
    # 6 beside 行二 (the header words after it); the first column's run holds 行一's alone: 1 / 2 3 / 3 9
    assert _read("行一 行二 6 甲 乙 总 1 2 3 3 9", "行三 5 0 5", headers="") == {
        "a": ((1, 2, 3), False), "b": ((6, 3, 9), False), "c": ((5, 0, 5), False)}


def _added(rows: dict[str, tuple[int, ...]]) -> bool:
    """A rule across rows: 行三 is 行一 + 行二, column by column."""
    return len(rows) < 3 or all(a + b == c for a, b, c in zip(rows["a"], rows["b"], rows["c"]))


def test_a_page_whose_runs_the_templates_order_cannot_lay_is_read_in_the_order_the_rules_across_rows_leave():
    # 行三's runs 6 / 2 / 4: 2 4 6 and 4 2 6 keep its sum, only 2 4 6 is 行一 + 行二 column by column
    text = "\f".join("\n\n".join(page.split()) + "\n" for page in ("甲 乙 总 行一 行二 1 1 3 1 4 2", "行三 6 2 4"))
    read = read_by_pages(lines_from_text(text), _LAYOUT, _NAMED, _is_header, _HEADERS, _added)
    assert {key: (row.vector, row.by_position) for key, row in read.items()} == {
        "a": ((1, 3, 4), False), "b": ((1, 1, 2), False), "c": ((2, 4, 6), True)}


def test_text_without_pages_or_with_a_pages_figures_under_no_row_reads_nothing():
    lines = lines_from_text("甲\n\n乙\n\n行一\n\n行二\n\n行三\n\n" + "\n\n".join("1 2 3 4 4 6 5 0 5".split()))
    assert read_by_pages(lines, _LAYOUT, _NAMED, _is_header, _HEADERS, lambda rows: True) is None
    assert _read("行一 行二 1 2 3 4 4 6", "5 0 5") is None


def test_a_table_over_more_pages_than_the_bound_reads_nothing_and_fast():
    rows = tuple(f"r{n}" for n in range(MAX_PAGES + 1))
    layout = Layout(rows, 3, (RowSum((0, 1), 2),))
    text = "甲\n\n乙\n\n" + "\f".join(f"行{n}\n\n1\n\n1\n\n2\n" for n in range(MAX_PAGES + 1))
    started = time.perf_counter()
    read = read_by_pages(lines_from_text(text), layout, {f"行{n}": f"r{n}" for n in range(MAX_PAGES + 1)}.get,
                         _is_header, _HEADERS, lambda rows: True)
    assert read is None and time.perf_counter() - started < 1.0


def test_pages_no_reading_lays_in_the_templates_order_read_the_rows_every_order_of_their_runs_gives_alike():
    # 行一 and 行二's runs 3 0 / 1 0 / 2 0: the total first; 1 0 and 2 0 may be either column, 行二 is 0 0 0 in both;
    # 行三's 5 / 5 / 0 reads 5 0 5 or 0 5 5
    assert _read("行一 行二 3 0 1 0 2 0", "行三 5 5 0") == {"b": ((0, 0, 0), False)}

"""Rows of table 三 whose figures a text tool printed as several lines (pdftotext's text blocks of a ruled table
with columns of unequal width: ``2 0 0`` / ``0`` / ``0 0 2``), joined by the row's shape where its sums hold, the
join leaves no other way and, for rows printed short, the table's rules across rows hold (``gxparse.extraction.splitrows``); column-header words over
the first row; a table 二 item a figure under a column's header contradicts."""

from __future__ import annotations

from gxparse.document import lines_from_text
from gxparse.extraction.splitrows import RowShape, _only_cut
from gxparse.tables.s2 import _s2_by_headers
from gxparse.tables.s3 import _S3_SHAPE, read_s3
from gxparse.template import S2_ITEMS, S3_ROWS

# a consistent table: 2 new requests, 1 granted and 1 partly granted
FIGURES = {"new_received": "2 0 0 0 0 0 2", "result.granted": "1 0 0 0 0 0 1", "result.partial": "1 0 0 0 0 0 1",
           "result.total": "2 0 0 0 0 0 2"}
ZEROS = "0 0 0 0 0 0 0"


def _table(**printed: str) -> str:
    """Table 三 a row per line, the rows named (keys with ``__`` for ``.``) printed as given instead."""
    printed = {key.replace("__", "."): text for key, text in printed.items()}
    return "\n".join(printed.get(row.key, f"{row.label} {FIGURES.get(row.key, ZEROS)}")
                     for row in S3_ROWS["v2021"]) + "\n"


def _rows(text: str) -> dict[str, list[int | None]]:
    read = read_s3(lines_from_text(text))
    assert read.table is not None
    return {key: [cell.value for cell in cells.values()] for key, cells in read.table.items()}


def test_a_rows_figures_split_into_blocks_after_its_label_are_joined():
    rows = _rows(_table(result__partial="（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0\n\n0\n\n0 0 1"))
    assert rows["result.partial"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["result.total"] == [2, 0, 0, 0, 0, 0, 2]


def test_a_label_printed_after_its_joined_figures_pairs_with_them():
    rows = _rows(_table(result__granted="1 0 0\n\n0 0\n\n0 1\n（一）予以公开",
                        result__partial="1 0 0 0\n\n0 0 1\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）"))
    assert rows["result.granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["result.partial"] == [1, 0, 0, 0, 0, 0, 1]


def test_label_pieces_between_the_blocks_still_name_the_row():
    rows = _rows(_table(result__partial="三、本年度 （二）部分公开（区分处理的，只计这一情形，不 1 0 0\n办理结果\n计其他情形）\n"
                                        "0\n0 0 1"))
    assert rows["result.partial"] == [1, 0, 0, 0, 0, 0, 1]


def test_a_whole_row_joined_is_kept_and_the_tables_error_stays_the_reports():
    # 2 0 0 / 0 / 0 0 2 makes a whole row that holds its own sum: the report's 予以公开 1 + 部分公开 2 against its
    # total of 2 is its own error, reported as it would be printed a row per line
    text = _table(result__partial="（二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0\n\n0\n\n0 0 2")
    assert _rows(text)["result.partial"] == [2, 0, 0, 0, 0, 0, 2]
    printed = text.replace("2 0 0\n\n0\n\n0 0 2", "2 0 0 0 0 0 2")
    assert _rows(printed)["result.partial"] == [2, 0, 0, 0, 0, 0, 2]


def test_a_row_printed_whole_is_never_joined():
    # the whole row stays as printed: its sum does not hold, and the report's error stays the report's
    rows = _rows(_table(result__partial="（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 2\n\n0"))
    assert rows["result.partial"] == [1, 0, 0, 0, 0, 0, 2]


def _holds(values: list[str]) -> bool:
    counts = [int(v) for v in values]
    return sum(counts[:-1]) == counts[-1]


def test_figure_lines_that_make_rows_in_two_ways_are_not_joined():
    shape = RowShape(7, _holds, lambda values: False)
    assert _only_cut([["1", "0", "0"], ["0"], ["0", "0", "1"]], shape) == ((0, 2),)
    # 0 0 0 with 0 0 0 0, or 0 0 0 0 with 0 0 0: either is a row
    assert _only_cut([["0", "0", "0"], ["0", "0", "0", "0"], ["0", "0", "0"]], shape) is None
    assert _only_cut([["1", "0", "0", "0", "0", "0", "1"], ["0"]], shape) == ()


def test_column_header_words_over_the_first_row_name_no_row():
    # pdftotext printed the header words (其他 heads a column, and is the label of （六）3.其他 too), then the
    # figures of the first rows, then their labels
    head = "\n".join(["申请人情况", "自然人", "法人或其他组织", "总计", "其他", "企业 机构 组织 服务",
                      FIGURES["new_received"], ZEROS, FIGURES["result.granted"],
                      "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开"])
    rest = _table().split("\n", 3)[3]
    rows = _rows(head + "\n" + rest)
    assert rows["new_received"] == [2, 0, 0, 0, 0, 0, 2]
    assert rows["result.granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["result.other.other"] == [0] * 7


def test_a_row_printed_short_split_into_blocks_is_joined_where_its_figures_add_up():
    # zeros printed as empty cells: 予以公开 prints 414 (自然人), 20, 2 and its total 436 in two blocks
    assert _only_cut([["414"], ["20", "2", "436"]], _S3_SHAPE) == ((0, 1),)
    # a block that adds up by itself is a row printed short of its own (3 3), never joined to the next
    assert _only_cut([["3", "3"], ["1", "1"]], _S3_SHAPE) == ()
    blank = {"new_received": "一、本年新收政府信息公开申请数量 2 3\n\n5", "result.granted": "（一）予以公开 2 2",
             "result.partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 3", "result.total": "（七）总计 2 3 5"}
    rows = _rows("\n".join(blank.get(row.key, row.label) for row in S3_ROWS["v2021"]) + "\n")
    assert rows["new_received"][-1] == 5


def test_a_table_two_item_whose_figure_a_column_header_run_contradicts_is_not_read():
    # pdftotext, zeros printed empty: 政府集中采购's amount stands under 采购总金额, the 39 after its count is another
    # item's figure in a box of its own
    text = "\n".join(["二、主动公开政府信息情况", "第二十条第（九）项", "信息内容", "采购项目数量", "政府集中采购", "2", "",
                      "39", "采购总金额", "32.00"])
    lines = lines_from_text(text)[1:]
    procurement = next(item for item in S2_ITEMS["v2019"] if item.key == "central_procurement")
    headed = _s2_by_headers(lines, S2_ITEMS["v2019"])
    assert headed.cells["central_procurement"] == {"amount": "32.00"}
    assert headed.disagree(procurement, ["2", "39"]) and not headed.disagree(procurement, ["2", "32.00"])


def test_a_label_wrapped_between_two_figure_lines_opens_a_row_of_its_own():
    # pypdfium2 on a LibreOffice print: each row's label wrapped over lines, then its figures run together; the two
    # rows' 1000001 would add up as one row printed short, but 7.属于 / 行政执 / 法案卷 together name a row
    figures = {"new_received": "2 0 0 0 0 0 2", "result.total": "2 0 0 0 0 0 2"}
    text = "\n".join(row.label + " " + figures.get(row.key, ZEROS) for row in S3_ROWS["v2021"]).replace(
        "6.属于四类过程性信息 " + ZEROS, "6.属于\n四类过\n程性信息\n1000001").replace(
        "7.属于行政执法案卷 " + ZEROS, "7.属于\n行政执\n法案卷\n1000001") + "\n"
    assert "1000001" in text
    rows = _rows(text)
    assert rows["result.denied.process_info"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["result.denied.enforcement_file"] == [1, 0, 0, 0, 0, 0, 1]


def test_a_column_run_whose_length_one_sub_table_alone_has_is_that_sub_tables():
    # pdftotext prints table 二's labels, then each column under its header words: 上一年项目数量 heads （五） and （六）
    # (two items each: which run is whose, nothing says) and （八） (one item: the run of one figure is its)
    text = "\n".join(["第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务事项", "第二十条第（六）项", "信息内容",
                      "行政处罚", "行政强制", "第二十条第（八）项", "信息内容", "行政事业性收费", "",
                      "上一年项目数量", "34", "11", "", "上一年项目数量", "6", "61", "", "上一年项目数量", "62"])
    headed = _s2_by_headers(lines_from_text(text + "\n"), S2_ITEMS["v2019"])
    assert headed.cells["admin_fees"] == {"prev_items": "62"}
    assert not {"licensing", "other_services", "penalty", "coercion"} & set(headed.cells)

"""The grammar of tables printed a cell per line (gxparse.extraction.cellstream), on small made-up streams: boxes of a
column's cells read a column at a time, a figure out of place never read, labels printed together before their
figures never guessed at; and OCR's digit noise in text ends as warnings."""

from __future__ import annotations

from gxparse import parse_document
from gxparse.extraction.cellstream import Shape, column_boxes, header_runs, labelled_runs, lay_run, read_stream
from gxparse.document import lines_from_text
from gxparse.tables.s2 import s2_trail
from gxparse.tables.s3 import _s3_labelled_runs
from gxparse.template import S3_ROWS
from gxparse.arithmetic.multiset import solve_blank_rows, solve_rows
from gxparse.arithmetic.placement import Balance
from gxparse.arithmetic.realign import RowSum

SUM = RowSum((0, 1), 2)   # three columns: the third is the sum of the first two
SHAPE = Shape.even(("a", "b", "c"), 3, [SUM])


def _stream(*boxes: str) -> list:
    """Lines of figures, each box's figures one per line, boxes ended by a blank line."""
    return lines_from_text("\n\n".join("\n".join(box.split()) for box in boxes))


def _values(read) -> dict[str, list[str]]:
    return {key: row.values for key, row in read.rows.items()}


def test_single_figure_boxes_are_read_row_by_row():
    read = read_stream(_stream(*"1 2 3 4 0 4 0 5 5".split()), SHAPE)
    assert _values(read) == {"a": ["1", "2", "3"], "b": ["4", "0", "4"], "c": ["0", "5", "5"]}


def test_boxes_of_a_columns_cells_are_read_a_column_at_a_time():
    read = read_stream(_stream("1 4 0", "2 0 5", "3 4 5"), SHAPE)
    assert _values(read) == {"a": ["1", "2", "3"], "b": ["4", "0", "4"], "c": ["0", "5", "5"]}
    assert all(row.columnwise for row in read.rows.values())


def test_a_row_the_stream_puts_out_of_order_is_not_read():
    # the tool put row b's total before its second figure: 4 4 0 breaks b's sum, so b is left unread
    read = read_stream(_stream(*"1 1 2 4 4 0 0 5 5".split()), SHAPE)
    assert _values(read) == {"a": ["1", "1", "2"], "c": ["0", "5", "5"]} and read.unread == ["b"]


def test_single_boxes_a_column_at_a_time_are_read_when_the_sums_show_it():
    read = read_stream(_stream(*"1 4 0 2 0 5 3 4 5".split()), SHAPE)
    assert _values(read) == {"a": ["1", "2", "3"], "b": ["4", "0", "4"], "c": ["0", "5", "5"]}


def test_a_reading_most_rows_break_is_the_wrong_reading():
    read = read_stream(_stream(*"1 9 7 2 8 6 3 5 4".split()), SHAPE)
    assert not read or (read.rows == {} and read.unread == ["a", "b", "c"])


def test_figures_not_as_many_as_the_rows_hold_are_not_laid():
    assert read_stream(_stream(*"1 2 3 4 0 4 0 5".split()), SHAPE) is None


_BOX_FIRST = "1\n1\n2\n\n甲行\n甲行续\n\n0\n3\n3\n\n乙行\n4\n1\n5\n丙行\n丙行续\n"


def test_a_run_in_its_labels_text_box_is_that_rows_whatever_the_runs_order():
    # PyMuPDF's blocks sorted by their bottom edge: a's figures before its tall label, then c's (tall label) before
    # the box that opens with b's one-line label and holds b's figures and c's label: the runs' order is a, c, b,
    # read as a, b, c, but the box gives 4 1 5 to b; nothing says 0 3 3 is c's but the order, so c is not read
    read = read_stream(lines_from_text(_BOX_FIRST), SHAPE, named={"甲行": "a", "乙行": "b", "丙行": "c"}.get)
    assert _values(read) == {"a": ["1", "1", "2"], "b": ["4", "1", "5"]} and read.unread == ["c"]


def test_the_row_a_text_box_takes_a_run_from_is_solved_by_the_tables_rules():
    shape = Shape.even(("a", "b", "c"), 3, [SUM], [Balance(("b", "c"), ("a",))])   # a = b + c, column by column
    lines = lines_from_text(_BOX_FIRST.replace("1\n1\n2", "4\n4\n8"))
    read = read_stream(lines, shape, named={"甲行": "a", "乙行": "b", "丙行": "c"}.get)
    assert _values(read) == {"a": ["4", "4", "8"], "b": ["4", "1", "5"], "c": ["0", "3", "3"]}
    assert read.rows["c"].solved


def test_a_reading_the_tables_rules_reject_is_set_right_by_a_text_box_before_it_is_judged():
    # t = a + b: the tool wrote t's figures before b's one-line box (label and figures), so row by row b takes
    # 6 2 8 and t 5 0 5, which breaks t = a + b; the box gives 5 0 5 to b, t is solved from what is left, and
    # no band of columns guessed (a = 1 5 6, b = 2 0 2 adds up too) overrides what the box names
    shape = Shape.even(("a", "b", "t"), 3, [SUM], [Balance(("a", "b"), ("t",))])

    def adds_up(rows: dict) -> bool:
        return not {"a", "b", "t"} <= set(rows) or all(
            x + y == z for x, y, z in zip(rows["a"], rows["b"], rows["t"]))

    lines = lines_from_text("1\n2\n3\n\n甲行\n甲行续\n\n6\n2\n8\n\n乙行\n5\n0\n5\n丙行\n丙行续\n")
    read = read_stream(lines, shape, adds_up, named={"甲行": "a", "乙行": "b", "丙行": "t"}.get)
    assert _values(read) == {"a": ["1", "2", "3"], "b": ["5", "0", "5"], "t": ["6", "2", "8"]}
    assert read.rows["t"].solved


def test_a_run_in_its_labels_text_box_that_the_reading_gives_that_row_is_read():
    lines = lines_from_text("1\n1\n2\n\n甲行\n\n乙行\n0\n3\n3\n丙行\n\n4\n1\n5\n")
    read = read_stream(lines, SHAPE, named={"甲行": "a", "乙行": "b", "丙行": "c"}.get)
    assert _values(read) == {"a": ["1", "1", "2"], "b": ["0", "3", "3"], "c": ["4", "1", "5"]}


def _report(text: str) -> dict:
    return parse_document(text.encode("utf-8"), "made-up.txt").to_dict()


_S2_LABELS_FIRST = """二、主动公开政府信息情况
第二十条第（一）项
信息内容
规章
行政规范性文件
本年制发件数
1
8
本年废止件数
0
26
现行有效件数
11
66
第二十条第（五）项
信息内容
本年处理决定数量
行政许可
550
第二十条第（六）项
信息内容
本年处理决定数量
行政处罚
41
行政强制
19
第二十条第（八）项
信息内容
本年收费金额（单位：万元）
行政事业性收费
7.28
三、收到和处理政府信息公开申请情况
"""


def test_table_two_items_printed_before_their_figures_are_read_by_column_boxes():
    s2 = _report(_S2_LABELS_FIRST)["s2"]
    assert s2["regulations"] == {"issued": 1, "repealed": 0, "in_force": 11}
    assert s2["normative_docs"] == {"issued": 8, "repealed": 26, "in_force": 66}
    assert (s2["licensing"], s2["admin_fees"]) == ({"decisions": 550}, {"amount_wan_yuan": "7.28"})


# a narrow table as pdftotext writes it: each label with the figures beside it, the last column a box of its own
# after the other rows' labels (规章's 现行有效件数 4 comes after 行政规范性文件's figures)
_S2_NARROW = """二、主动公开政府信息情况
第二十条第（一）项
信息内容
本年制发件数
本年废止件数
规章
1
0
行政规范性文
134
262
件
第二十条第（五）项
信息内容
本年处理决定数量
行政许可
206743
第二十条第（六）项
信息内容
本年处理决定数量
行政处罚
10582
行政强制
1082
第二十条第（八）项
信息内容
本年收费金额（单位：万元）
行政事业性收
8937.0276
费

现行有效件数
4
1408

三、收到和处理政府信息公开申请情况
"""


def test_a_table_two_item_whose_figures_run_past_another_items_label_is_read_by_labels_and_headers_not_in_order():
    # in the stream's order 规章 would take 1 0 134: the third figure stands after 行政规范性文件's label; every row
    # after it is shifted too. Every figure stands right under an item's label (行政规范性文 … 件 wrapped around its
    # figures) or under 现行有效件数 (that column's, two items): read so, nothing misplaced
    report = _report(_S2_NARROW)
    assert report["s2"]["regulations"] == {"issued": 1, "repealed": 0, "in_force": 4}
    assert report["s2"]["normative_docs"] == {"issued": 134, "repealed": 262, "in_force": 1408}
    assert report["s2"]["admin_fees"] == {"amount_wan_yuan": "8937.0276"}


def test_table_two_runs_under_labels_that_leave_a_figure_over_are_not_read_so():
    # a figure under no label nor header (2): the labels and headers do not hold the table, nothing is read by them
    report = _report(_S2_NARROW.replace("1082\n", "1082\n\n2\n"))
    assert report["s2"] is None or report["s2"]["regulations"]["in_force"] is None


_S2_FEW_UNDER_HEADERS = """二、主动公开政府信息情况
第二十条第（一）项
信息内容
规章
行政规范性文件
第二十条第（五）项
信息内容
行政许可
第二十条第（六）项

本年处理决定数量
434545

本年处理决定数量
348019
33716

信息内容
行政处罚
行政强制
第二十条第（八）项
信息内容
行政事业性收费

本年收费金额（单位：万元）
129127.0135

三、收到和处理政府信息公开申请情况
"""


def test_table_two_figures_under_their_columns_header_check_the_rows_read_by_label():
    # pdfminer.six on a narrow table: four figures, each run under its column's header; the row grammar alone
    # gave 行政强制 the fee amount (a count with decimals: an error the report does not deserve)
    report = _report(_S2_FEW_UNDER_HEADERS)
    s2 = report["s2"]
    assert (s2["licensing"], s2["penalty"]) == ({"decisions": 434545}, {"decisions": 348019})
    assert s2["admin_fees"] == {"amount_wan_yuan": "129127.0135"} and s2["coercion"]["decisions"] in (None, 33716)
    assert not [f for f in report["findings"] if f["severity"] == "error" and f["cells"][0].startswith("s2.")]


def test_table_two_figures_with_nothing_to_tell_rows_from_columns_are_not_read():
    # the same figures one box each: 1 8 0 26 11 66 may be two rows or three columns; no sum decides
    text = _S2_LABELS_FIRST.replace("本年废止件数\n", "").replace("现行有效件数\n", "").replace("\n0\n", "\n\n0\n")
    text = "\n\n".join(text.splitlines())
    report = _report(text)
    assert set(report["s2"]["regulations"].values()) == set(report["s2"]["normative_docs"].values()) == {None}
    assert report["s2"]["licensing"] == {"decisions": 550}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_ocr_digit_noise_in_text_makes_no_error():
    rows = "\n".join(f"| {label} | {figures} |" for label, figures in [
        ("一、本年新收政府信息公开申请数量", "5|0|0|0|0|0|5"), ("二、上年结转政府信息公开申请数量", "010|0|0|0|0|0"),
        ("（一）予以公开", "3|0|0|0|0|0|3"), ("（七）总计", "5|0|0|0|0|0|5"), ("四、结转下年度继续办理", "9|0|0|0|0|0|9")])
    report = _report(f"三、收到和处理政府信息公开申请情况\n{rows}\n四、政府信息公开行政复议、行政诉讼情况\n")
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    # the noisy figure (010) is never taken as printed: unread, or what the table's sums leave, named as such
    named = {c for f in report["findings"] if f["rule"] in ("cell.unread", "row.repaired") for c in f["cells"]}
    assert "s3.carried_over.natural_person" in named
    assert report["s3"]["carried_over"]["natural_person"] in (None, 9)
    assert report["s3"]["new_received"]["total"] == 5


SHAPE5 = Shape.even(("a", "b", "c", "d", "e"), 3, [SUM])


def _column_sums_hold(rows: dict[str, tuple]) -> bool:
    """A rule across rows: row e is the sum of rows a to d, column by column (where all are read)."""
    if not all(k in rows for k in "abcde"):
        return True
    return all(sum(rows[k][c] for k in "abcd") == rows["e"][c] for c in range(3))


def test_bands_of_single_boxes_a_column_at_a_time_are_read_whatever_labels_fall_among_them():
    # pdfminer.six: rows a–b a column at a time, then rows c–e a column at a time, a label among c–e's figures
    # (a row label's text box put inside the column's run); every box holds one figure
    figures = ["1", "4", "2", "1", "3", "5", "2", "一行", "0", "7", "1", "1", "5", "3", "1", "12"]
    read = read_stream(lines_from_text("\n\n".join(figures)), SHAPE5, _column_sums_hold)
    assert _values(read) == {"a": ["1", "2", "3"], "b": ["4", "1", "5"], "c": ["2", "1", "3"],
                             "d": ["0", "1", "1"], "e": ["7", "5", "12"]}


def test_a_first_cell_printed_with_its_rows_label_is_that_rows_in_a_band():
    # pdfminer.six joins the cell beside a row's label to the label's box: d's first figure comes with its label,
    # ahead of the column it belongs to (1 4 2 _ 7)
    figures = ["丁行标签 0", "1", "4", "2", "7", "2", "1", "1", "1", "5", "3", "5", "3", "1", "12"]
    read = read_stream(lines_from_text("\n\n".join(figures)), SHAPE5, _column_sums_hold, {"丁行标签": "d"}.get)
    assert _values(read) == {"a": ["1", "2", "3"], "b": ["4", "1", "5"], "c": ["2", "1", "3"],
                             "d": ["0", "1", "1"], "e": ["7", "5", "12"]}


def test_a_row_two_groupings_into_bands_read_alike_by_the_sums_is_not_read():
    # rows a–b in order (0 1 1 / 0 1 1) or a column at a time (0 1 1 / 1 0 1): both add up, b is not read
    read = read_stream(_stream(*"0 1 1 0 1 1 2 2 4".split()), SHAPE)
    assert _values(read) == {"a": ["0", "1", "1"], "c": ["2", "2", "4"]} and read.unread == ["b"]


# a run of figures under one row's label that holds the rows after it too (their labels printed elsewhere)
def test_a_run_holding_several_rows_is_laid_in_row_order_where_every_row_adds_up():
    assert lay_run("1 2 3 4 0 4 0 5 5".split(), [3, 3, 3], [SUM]) == [["1", "2", "3"], ["4", "0", "4"], ["0", "5", "5"]]


def test_a_run_whose_rows_do_not_add_up_in_row_order_is_not_laid():
    # the same figures a column at a time: 1 4 0 breaks the first row's sum, so the order is not row order
    assert lay_run("1 4 0 2 0 5 3 4 5".split(), [3, 3, 3], [SUM]) is None


def test_a_run_one_figure_short_is_laid_where_only_one_row_can_be_short():
    # the middle row printed a zero blank: rows laid from both ends meet at it
    assert lay_run("1 2 3 4 4 0 5 5".split(), [3, 3, 3], [SUM]) == [["1", "2", "3"], ["4", "4"], ["0", "5", "5"]]


def test_a_run_short_where_several_rows_could_be_the_short_one_is_not_laid():
    # zeros add up wherever the blank is: which row lacks a figure is not known
    assert lay_run("0 0 0 0 0 0 0 0".split(), [3, 3, 3], [SUM]) is None


SHAPE8 = Shape.even(tuple("abcdefgh"), 3, [SUM])


def test_rows_in_order_between_a_jumbled_head_and_tail_are_read_and_the_ends_are_not():
    # pdftotext: rows a–b's cells among the header words, rows c–g in order, h's total before its first figure
    figures = "3 1 5 1 2 6  2 0 2  0 3 3  4 1 5  0 0 0  1 1 2  4 2 2".split()
    read = read_stream(_stream(*figures), SHAPE8)
    assert _values(read) == {"c": ["2", "0", "2"], "d": ["0", "3", "3"], "e": ["4", "1", "5"],
                             "f": ["0", "0", "0"], "g": ["1", "1", "2"]}
    assert read.unread == ["a", "b", "h"]


def test_rows_in_order_that_would_add_up_shifted_too_are_not_read():
    # zeros add up at any phase: nothing shows where the order resumes after the jumbled head
    figures = "3 1 5 1 2 6  0 0 0  0 0 0  0 0 0  0 0 0  0 0 0  4 2 2".split()
    read = read_stream(_stream(*figures), SHAPE8)
    assert read is None or not read.rows


def test_a_row_breaking_its_sums_amid_rows_in_order_leaves_the_stream_unread():
    figures = "3 1 5 1 2 6  2 0 2  0 3 3  4 5 1  0 0 0  1 1 2  4 2 2".split()
    read = read_stream(_stream(*figures), SHAPE8)
    assert read is None or not read.rows


def test_a_band_printing_two_neighbouring_columns_in_the_other_order_is_read_when_no_order_kept_adds_up():
    # pdfminer.six: the total column's box reaches higher than its left neighbour's and comes first
    read = read_stream(_stream("1 4 0", "3 4 5", "2 0 5"), SHAPE)
    assert _values(read) == {"a": ["1", "2", "3"], "b": ["4", "0", "4"], "c": ["0", "5", "5"]}


def test_columns_in_order_are_never_read_exchanged():
    # 1 2 3 / 0 0 0 / 2 2 4 adds up in order; exchanging the first two columns adds up too but is not tried
    read = read_stream(_stream("1 0 2", "2 0 2", "3 0 4"), SHAPE)
    assert _values(read) == {"a": ["1", "2", "3"], "b": ["0", "0", "0"], "c": ["2", "2", "4"]}


def test_figures_a_narrow_cell_wrapped_over_two_lines_are_joined_where_only_that_adds_up():
    # 14 and 21 printed a digit per line: 11 figures for 9 cells; joining 1|4 and 2|1 is the one way rows add up
    read = read_stream(_stream("7", "1 4", "2 1", "4", "0", "4", "0", "5", "5"), SHAPE)
    assert _values(read) == {"a": ["7", "14", "21"], "b": ["4", "0", "4"], "c": ["0", "5", "5"]}


def test_figures_that_add_up_joined_two_ways_are_not_joined():
    # 1 1 1 12 joined either way reads 11 1 12 or 1 11 12: which cell wrapped is not known
    read = read_stream(_stream("1 1 1 12", "4", "0", "4", "0", "5", "5"), SHAPE)
    assert read is None or "a" not in read.rows


# a table with rules across rows: a + b = t + k and r1 + r2 = t, column by column
BALANCES = (Balance(("r1", "r2"), ("t",)), Balance(("a", "b"), ("t", "k")))
BALANCED = Shape.even(("a", "b", "r1", "r2", "t", "k"), 3, [SUM], BALANCES)


def test_a_row_printed_out_of_order_is_solved_from_the_figures_the_other_rows_left():
    # a's cells among the header words (4 1 3): its figures are the ones the rows read left, placed by the sums
    read = read_stream(_stream(*"4 1 3  1 0 1  2 1 3  1 0 1  3 1 4  1 0 1".split()), BALANCED)
    assert _values(read)["a"] == ["3", "1", "4"] and read.rows["a"].solved and not read.unread
    # the same where the tool printed the total row's cells out of order
    read = read_stream(_stream(*"3 1 4  1 0 1  2 1 3  1 0 1  4 3 1  1 0 1".split()), BALANCED)
    assert _values(read)["t"] == ["3", "1", "4"] and read.rows["t"].solved


def test_rows_whose_figures_either_could_hold_stay_unread():
    # a and b both out of order: a = 3 1 4, b = 1 0 1 and the other way round both keep every sum
    read = read_stream(_stream(*"4 1 3  0 1 1  2 1 3  1 0 1  3 1 4  1 0 1".split()), BALANCED)
    assert read.unread == ["a", "b"] and "a" not in read.rows


def test_rows_out_of_order_at_both_ends_take_the_figures_at_their_end():
    # a jumbled at the head, k at the tail: as one set, a = 1 1 2 and k = 0 2 2 would keep the sums too
    read = read_stream(_stream(*"2 2 0  3 1 4  1 1 2  1 1 2  2 2 4  2 1 1".split()), BALANCED)
    assert _values(read)["a"] == ["0", "2", "2"] and _values(read)["k"] == ["1", "1", "2"]
    known = {"b": [3, 1, 4], "r1": [1, 1, 2], "r2": [1, 1, 2], "t": [2, 2, 4]}
    assert solve_rows([(["a", "k"], [2, 2, 0, 2, 1, 1])], 3, [SUM], BALANCES, known) == \
        {"a": (None, None, 2), "k": (None, None, 2)}


def test_figures_no_assignment_adds_up_with_are_not_solved():
    # the report's own sums break (k = 1 1 3): no order of the figures left keeps them, nothing is guessed
    known = {"b": [3, 1, 4], "r1": [1, 1, 2], "r2": [1, 1, 2], "t": [2, 2, 4]}
    assert solve_rows([(["a"], [2, 2, 0]), (["k"], [1, 1, 3])], 3, [SUM], BALANCES, known) is None


# zeros printed blank (k prints nothing, b and r2 a cell short) and a's 1 written apart, as a column of sparse
# figures is by a text tool: every figure placed once, a run under a row's label kept in that row in its order
_BLANK_FIGURES = [3, 4, 1, 1, 1, 2, 1, 3, 2, 2, 4, 1, 5]
_BLANK_ROWS = ["a", "b", "r1", "r2", "t", "k"]


def test_a_table_with_blank_zeros_is_solved_from_its_figures_and_the_runs_under_its_labels():
    led = {"a": [3, 4], "b": [1, 1], "r1": [2, 1, 3], "r2": [2, 2], "t": [4, 1, 5]}
    assert solve_blank_rows(_BLANK_ROWS, _BLANK_FIGURES, 3, [SUM], BALANCES, led) == {
        "a": (3, 1, 4), "b": (1, 0, 1), "r1": (2, 1, 3), "r2": (2, 0, 2), "t": (4, 1, 5), "k": (0, 0, 0)}


def test_blank_zeros_without_runs_leave_interchangeable_columns_unread():
    # the first two columns are alike for the arithmetic: only the runs' order tells them apart
    solved = solve_blank_rows(_BLANK_ROWS, _BLANK_FIGURES, 3, [SUM], BALANCES, {})
    assert solved["a"] == (None, None, None) and solved["t"] == (None, None, 5) and solved["k"] == (0, 0, 0)


def test_a_run_holds_the_rows_after_its_own_whose_labels_were_printed_apart():
    # r2's label printed elsewhere: r1's run holds r2's figures after r1's, in order
    led = {"a": [3, 1, 4], "b": [1, 1], "r1": [2, 1, 3, 2, 2], "t": [4, 1, 5]}
    solved = solve_blank_rows(_BLANK_ROWS, _BLANK_FIGURES, 3, [SUM], BALANCES, led)
    assert solved["r1"] == (2, 1, 3) and solved["r2"] == (2, 0, 2)


def test_a_run_longer_than_its_rows_hold_gives_them_only_a_prefix():
    # r1's run holds t's figures too (t's label printed apart, after r2's run): its rest is placed elsewhere
    led = {"a": [3, 1, 4], "b": [1, 1], "r1": [2, 1, 3, 4, 1, 5], "r2": [2, 2]}
    solved = solve_blank_rows(_BLANK_ROWS, _BLANK_FIGURES, 3, [SUM], BALANCES, led)
    assert solved["r1"] == (2, 1, 3) and solved["t"] == (4, 1, 5)


def test_a_run_after_column_header_words_is_the_columns_not_the_labels_when_headers_part_them():
    lines = lines_from_text("1.本机关不掌握相关政府信息\n\n法律服务\n机构\n\n0\n\n3\n")
    assert [run.values for run in labelled_runs(lines)] == [["0", "3"]]
    assert labelled_runs(lines, headers_apart=True) == []


def test_table_two_column_boxes_at_the_head_of_section_three_are_its_trail_and_nothing_after():
    lines = lines_from_text("（本列数\n\n申请人情况\n\n现行有效件数\n0\n149\n\n据的勾稽\n\n自然人\n\n79\n\n5\n")
    assert [line.values for line in s2_trail(lines, "v2021")] == [[], ["0"], ["149"]]
    # a figure before any table 二 column name is table 三's: no trail
    assert s2_trail(lines_from_text("申请人情况\n\n79\n\n现行有效件数\n0\n149\n"), "v2021") == []


# table 二's labels as pdftotext and pdfminer.six write them, each alone on a line, before any figure
_S2_LABELS = """二、主动公开政府信息情况
第二十条第（一）项
信息内容
规章
行政规范性文件
第二十条第（五）项
信息内容
行政许可
第二十条第（六）项
信息内容
行政处罚
行政强制
第二十条第（八）项
信息内容
行政事业性收费
"""

_S2_HEADERS_OVER_COLUMNS = _S2_LABELS + """本年制发件数

1
8

本年处理决定数量

41
19

本年处理决定数量

550

本年收费金额（单位：万元）

7.28

本年废止件数

0
26

现行有效件数

11
66
三、收到和处理政府信息公开申请情况
"""


def test_table_two_columns_under_their_header_words_are_read_by_the_sub_tables_sizes():
    # pdftotext: every label first, then each column's header word over its cells; （六）'s column before （五）'s
    s2 = _report(_S2_HEADERS_OVER_COLUMNS)["s2"]
    assert s2["regulations"] == {"issued": 1, "repealed": 0, "in_force": 11}
    assert s2["normative_docs"] == {"issued": 8, "repealed": 26, "in_force": 66}
    assert (s2["licensing"], s2["penalty"], s2["coercion"]) == ({"decisions": 550}, {"decisions": 41},
                                                                 {"decisions": 19})
    assert s2["admin_fees"] == {"amount_wan_yuan": "7.28"}


def test_table_two_header_words_over_runs_no_sub_table_fits_are_not_read():
    # one 本年处理决定数量 over three figures: （五）'s and （六）'s cells in an order nothing shows
    text = _S2_HEADERS_OVER_COLUMNS.replace("19\n\n本年处理决定数量\n\n550", "19\n550")
    s2 = _report(text)["s2"]
    assert {s2[key]["decisions"] for key in ("licensing", "penalty", "coercion")} == {None}
    assert s2["regulations"] == {"issued": 1, "repealed": 0, "in_force": 11}


def test_header_words_printed_together_then_figures_head_no_run():
    lines = lines_from_text("本年制发件数\n本年废止件数\n现行有效件数\n1\n0\n4\n规章\n本年制发件数\n5\n6")
    runs = header_runs(lines, frozenset({"本年制发件数", "本年废止件数", "现行有效件数"}))
    assert [(run.header, run.values) for run in runs] == [("本年制发件数", ["5", "6"])]


_ISSUED = [("本年制发件数", "本年废止件数", "现行有效件数")]


def test_boxes_under_one_line_naming_several_columns_give_the_rows_every_box_agrees_on():
    # the boxes' order is the tool's (pdfminer.six's default writes the third column before the second)
    lines = lines_from_text("本年制发件数 本年废止件数 现行有效件数\n0\n6\n\n0\n32\n\n0\n74\n\n规章")
    assert [(boxes.names, boxes.rows(2)) for boxes in column_boxes(lines, _ISSUED, one_line=True)] == [
        (("本年制发件数", "本年废止件数", "现行有效件数"), ["0", None])]


def test_boxes_that_may_be_rows_or_do_not_match_the_names_are_no_columns():
    # three boxes of three under three names: columns or rows, nothing says; boxes of unequal length; two boxes
    for text in ("本年制发件数 本年废止件数 现行有效件数\n0\n6\n1\n\n0\n32\n2\n\n0\n74\n3\n",
                 "本年制发件数 本年废止件数 现行有效件数\n0\n6\n\n0\n32\n\n0\n",
                 "本年制发件数 本年废止件数 现行有效件数\n0\n6\n\n0\n32\n\n规章\n0\n74\n",
                 "本年制发件数 信息内容 现行有效件数\n0\n6\n\n0\n32\n\n0\n74\n"):
        assert column_boxes(lines_from_text(text), _ISSUED, one_line=True) == []


def test_table_two_row_labels_between_a_columns_header_words_and_its_figures_keep_the_run():
    # pdfminer.six's default boxes (reportlab prints): （六）'s column header, the labels beside it, its figures
    text = _boxes("二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "行政规范性文件", "第二十条第（五）项",
                  "信息内容", "行政许可", "第二十条第（六）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
                  "0", "6", "0", "32", "0", "74", "本年处理决定数量", "12502", "本年处理决定数量", "行政处罚", "行政强制",
                  "第二十条第（八）项", "信息内容", "行政事业性收费", "2331", "21", "本年收费金额（单位：万元）", "144.4399",
                  "三、收到和处理政府信息公开申请情况")
    s2 = _report(text)["s2"]
    assert (s2["licensing"], s2["penalty"], s2["coercion"]) == ({"decisions": 12502}, {"decisions": 2331},
                                                                 {"decisions": 21})
    # header words printed together over figures in an order nothing shows (columns or rows): unread
    assert set(s2["regulations"].values()) == set(s2["normative_docs"].values()) == {None}


def test_table_twos_block_of_zeros_after_its_header_row_is_read_in_whatever_order():
    # pdfminer.six's default boxes (zhoukou_xinfang_2021 as a CMS page): （一）'s header row (a name wrapped in its box),
    # the labels beside it, its six figures' boxes; all zeros, so no order of them changes a cell
    text = _boxes("二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件/数", "现行有效件数",
                  "规章", "行政规范性文件", "0", "0", "0", "0", "0", "0", "信息内容", "行政许可", "信息内容", "行政处罚",
                  "行政强制", "第二十条第（五）项", "本年处理决定数量", "7", "第二十条第（六）项", "本年处理决定数量", "5", "3",
                  "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "0",
                  "三、收到和处理政府信息公开申请情况")
    report = _report(text)
    zeros = {"issued": 0, "repealed": 0, "in_force": 0}
    assert (report["s2"]["regulations"], report["s2"]["normative_docs"]) == (zeros, zeros)
    assert not [f for f in report["findings"] if any(c.startswith("s2.regulations") for c in f["cells"])]


def test_a_run_after_row_labels_holding_a_figure_its_column_cannot_is_no_run_of_it():
    lines = lines_from_text("本年处理决定数量\n\n行政事业性收费\n\n144.4399\n\n本年处理决定数量\n\n2331\n\n21")
    runs = header_runs(lines, frozenset({"本年处理决定数量"}), frozenset({"行政事业性收费"}))
    assert [(run.header, run.values) for run in runs] == [("本年处理决定数量", ["144.4399"]),
                                                          ("本年处理决定数量", ["2331", "21"])]
    text = _boxes("二、主动公开政府信息情况", "第二十条第（五）项", "信息内容", "行政许可", "第二十条第（六）项", "信息内容",
                  "行政处罚", "行政强制", "第二十条第（八）项", "信息内容", "本年处理决定数量", "行政事业性收费", "144.4399",
                  "本年处理决定数量", "2331", "21", "本年收费金额（单位：万元）", "三、收到和处理政府信息公开申请情况")
    report = _report(text)
    assert report["s2"]["licensing"] == {"decisions": None}
    assert (report["s2"]["penalty"], report["s2"]["coercion"]) == ({"decisions": 2331}, {"decisions": 21})
    assert not [f for f in report["findings"] if f["severity"] == "error" and "s2.licensing.decisions" in f["cells"]]


def test_table_four_blocks_that_add_up_are_read_where_another_blocks_figures_came_out_of_order():
    # pdftotext: the first block's total among its header words (3 0 0 3 0 for 3 0 0 0 3)
    figures = "3 0 0 3 0 18 5 1 0 24 7 0 0 0 7".split()
    report = _report("四、政府信息公开行政复议、行政诉讼情况\n" + "\n\n".join(figures) + "\n五、存在的主要问题及改进情况\n")
    s4 = report["s4"]
    assert s4["litigation_direct"] == {"upheld": 18, "corrected": 5, "other": 1, "pending": 0, "total": 24}
    assert s4["litigation_after_review"] == {"upheld": 7, "corrected": 0, "other": 0, "pending": 0, "total": 7}
    assert set(s4["review"].values()) == {None}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_table_four_whose_figures_add_up_in_no_order_is_read_as_printed_and_its_error_found():
    # 洪泽 2023: 10 + 1 printed with a total of 0 — no order of these figures keeps the blocks' sums
    figures = "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0".split()
    report = _report("四、政府信息公开行政复议、行政诉讼情况\n" + "\n\n".join(figures) + "\n五、存在的主要问题及改进情况\n")
    assert report["s4"]["review"] == {"upheld": 10, "corrected": 1, "other": 0, "pending": 0, "total": 0}
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert {f["rule"] for f in errors} == {"s4.block_sum"}


_S2_BOXES_BEFORE_HEADING = """一、总体情况
全年主动公开政府信息 1200 条。

本年废止件数
0
26

现行有效件数
11
66

本年制发件数
1
8

""" + _S2_LABELS + """
本年处理决定数量
41
19

本年处理决定数量
550

本年收费金额（单位：万元）
7.28
三、收到和处理政府信息公开申请情况
"""


def test_table_two_column_boxes_printed_before_its_heading_are_read_under_their_header_words():
    # pdfminer.six may write a table's first boxes before its section's heading
    s2 = _report(_S2_BOXES_BEFORE_HEADING)["s2"]
    assert s2["regulations"] == {"issued": 1, "repealed": 0, "in_force": 11}
    assert s2["normative_docs"] == {"issued": 8, "repealed": 26, "in_force": 66}


def test_figures_before_the_heading_under_prose_are_no_table_two_column():
    text = _S2_BOXES_BEFORE_HEADING.replace("1\n8\n\n二、", "1\n8\n全年办理 3 件。\n\n二、")
    s2 = _report(text)["s2"]
    assert set(s2["regulations"].values()) == set(s2["normative_docs"].values()) == {None}


_S4_HEADER = "\n".join(["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                        "未经复议直接起诉", "复议后起诉", *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2])


def test_table_four_figures_after_its_header_are_read_apart_from_table_three_boxes_before_it():
    # pdfminer.six (CMS prints): section 四's heading, table 三's last boxes, table 四's header words, its figures
    spilled = "\n\n".join("1 0 1 2 0 0 2 1 0 3 505 6".split())
    figures = "\n\n".join("5 17 3 0 25 9 4 0 1 14 9 5 3 0 17".split())
    report = _report(f"四、政府信息公开行政复议、行政诉讼情况\n{spilled}\n\n{_S4_HEADER}\n\n{figures}\n"
                     "五、存在的主要问题及改进情况\n")
    assert report["s4"]["review"] == {"upheld": 5, "corrected": 17, "other": 3, "pending": 0, "total": 25}
    assert report["s4"]["litigation_after_review"] == {"upheld": 9, "corrected": 5, "other": 3, "pending": 0,
                                                       "total": 17}


def test_table_four_figures_among_its_header_pieces_are_read_after_its_first_header_words():
    # pdfminer.six's default boxes on a browser's print: section 四's heading, table 三's last boxes, table 四's
    # header words, then its litigation columns' headers broken (结果维 / 持) with the pieces' ends among the
    # figures: the figures after the first header words, in order, each block adding up
    text = _boxes(
        "四、政府信息公开行政复议、行政诉讼情况", *["0"] * 30, "16 19", "0", "0",
        "行政复议", "行政诉讼", "结果维/持", "结果纠/正", "其他结/果", "尚未审/结", "总/计", "3", "0", "0", "0", "3",
        "未经复议直接起诉", "复议后起诉", *["结果维", "结果纠", "其他结", "尚未审", "总"] * 2,
        "持", "18", "正", "5", "果", "1", "结", "0", "计", "持", "24 7", "正", "0", "果", "0", "结", "0", "计", "7",
        "五、存在的主要问题及改进情况")
    s4 = _report(text)["s4"]
    assert s4["review"] == {"upheld": 3, "corrected": 0, "other": 0, "pending": 0, "total": 3}
    assert s4["litigation_direct"] == {"upheld": 18, "corrected": 5, "other": 1, "pending": 0, "total": 24}
    assert s4["litigation_after_review"] == {"upheld": 7, "corrected": 0, "other": 0, "pending": 0, "total": 7}


def _boxes(*boxes: str) -> str:
    """Text boxes as pdfminer.six writes them: a box's lines (``/`` here), a blank line after each box."""
    return "\n\n".join(box.replace("/", "\n") for box in boxes)


# pdfminer.six on a ruled LibreOffice table 四: header words a character a line, a figure in its column header's
# box (the first column of a block under the block's label too), single figures anywhere, table 三's last boxes
_S4_BOXED = _boxes(
    "四、政府信息公开行政复议、行政诉讼情况/行政复议/结/结/果/果/纠/维/正/持", "行政诉讼/未经复议直接起诉/结/果/维/持/9",
    "5", "17", "3", "0", "25", "尚/未/审/结/1", "其/他/结/果/0", "结/果/纠/正/4", "其/他/结/果", "尚/未/审/结", "总/计",
    "0/0/0", "总/计", "14", "4/33/0", "0/2/0", "7/542/6", "复议后起诉/结/果/维/持/9", "结/果/纠/正/5", "其/他/结/果/3",
    "尚/未/审/结/0", "总/计", "17", "五、存在的主要问题及改进情况")


def test_table_four_cells_every_assignment_under_the_boxes_header_words_agrees_on_are_read():
    # 行政复议's five figures not written one after another (header words between): no run says they are a row
    report = _report(_S4_BOXED.replace("\n\n3\n\n0\n\n", "\n\n3\n\n行政诉讼\n\n0\n\n"))
    s4 = report["s4"]
    # the blocks are alike for the sums: only cells the boxes' block labels or every assignment fix are read
    assert s4["litigation_direct"] == {"upheld": 9, "corrected": None, "other": None, "pending": None, "total": None}
    assert s4["litigation_after_review"]["upheld"] == 9 and s4["review"]["total"] == 25
    assert sum(v is not None for block in s4.values() for v in block.values()) == 3
    solved = [f for f in report["findings"] if f["rule"] == "cell.solved_by_sum"]
    assert solved and solved[0]["severity"] == "warning" and "s4.review.total" in solved[0]["cells"]


def test_table_four_five_lone_figure_boxes_in_a_row_adding_up_are_a_blocks_row_left_to_right():
    # 行政复议's header words printed apart, its figures five boxes one after another, the last their sum: one
    # block's row in column order; the boxes naming 行政诉讼's two blocks leave it 行政复议
    s4 = _report(_S4_BOXED)["s4"]
    assert s4["review"] == {"upheld": 5, "corrected": 17, "other": 3, "pending": 0, "total": 25}
    assert s4["litigation_direct"]["upheld"] == 9 and s4["litigation_after_review"]["upheld"] == 9


def test_table_four_five_lone_figure_boxes_not_adding_up_are_no_blocks_row():
    # the fifth is not the sum of the others: the run is not a block's row from its first column
    s4 = _report(_S4_BOXED.replace("\n\n5\n\n17\n\n3\n\n0\n\n25\n\n", "\n\n5\n\n17\n\n25\n\n3\n\n0\n\n"))["s4"]
    assert s4["review"] == {"upheld": None, "corrected": None, "other": None, "pending": None, "total": 25}


def test_table_four_block_a_stream_leaves_unread_is_read_from_its_run_of_boxes():
    # pdfminer.six on a LibreOffice print: 行政复议's five figures right after 行政诉讼's first box, the other
    # boxes with their header words; the stream reads 行政诉讼's blocks, the run is the block left
    text = _boxes(
        "四、政府信息公开行政复议、行政诉讼情况/行政/复议/结果/维持", "复议后起诉", "其他/结果", "尚未/审结", "结果/纠正",
        "行政诉讼", "总计", "未经/复议/直接/起诉/结果/维持/1", "1", "0", "0", "0", "1", "结果/纠正/0", "其他/结果/0",
        "尚未/审结/0", "总计", "1", "结果/维持/0", "结果/纠正/0", "其他/结果/0", "尚未/审结/1", "总计", "1",
        "五、存在的主要问题及改进情况")
    s4 = _report(text)["s4"]
    assert s4["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert s4["litigation_direct"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert s4["litigation_after_review"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}


def test_table_four_boxes_with_a_figure_under_other_text_are_not_read_so():
    # a row of table 三 written with its figure in one box: the boxes are not table 四's alone
    text = _S4_BOXED.replace("\n\n17\n\n五、", "\n\n（七）总计\n17\n\n五、")
    s4 = _report(text)["s4"] or {}
    assert all(v is None for block in s4.values() for v in block.values())


def _runs(*rows: tuple[str, str]) -> str:
    """Table 三's text a cell per line: each label, then its figures one per line, boxes ended by a blank line."""
    return "\n\n".join(label + "\n" + "\n".join(figures.split()) if figures else label for label, figures in rows)


def test_labels_after_a_run_holding_the_next_rows_figures_are_not_read_over_their_runs():
    # pdfminer.six without boxes_flow: 重新确认's figures come before its label, in 大量反复申请's run, so each label
    # after it stands over a later row's figures until two labels stand over one run (2. and 3. of （六）)
    text = _runs(("4.无正当理由大量反复申请", "0 0 0 0 0 0 0 2 0 0 1 0 0 3"),
                 ("5.要求行政机关确认或重新出具已获取信息", "1 0 0 0 1 0 2"),
                 ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"),
                 ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ""),
                 ("3.其他", "5 0 1 0 1 0 7"), ("（七）总计", "9 0 1 1 2 0 13"))
    rows = _s3_labelled_runs(lines_from_text(text), [row.key for row in S3_ROWS["v2021"]])
    assert "result.not_processed.reconfirm" not in rows and "result.other.no_correction" not in rows
    assert rows["result.total"].values == "9 0 1 1 2 0 13".split()


class _Looked(list):
    """Lines that count how often one is looked up by its place."""

    looks = 0

    def __getitem__(self, index):
        _Looked.looks += 1
        return super().__getitem__(index)


def test_boxes_under_header_lines_are_found_in_looks_linear_in_the_lines():
    block = lines_from_text("本年制发件数 本年废止件数 现行有效件数\n" + "\n".join("7" * 50) + "\n\n规章")
    lines = _Looked(block * 1_000)
    assert len(lines) > 50_000 and column_boxes(lines, _ISSUED, one_line=True) == []
    assert _Looked.looks <= len(lines)

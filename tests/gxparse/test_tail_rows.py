"""Rows of table 三 whose label lines carry only their first figures, the rest printed as lines of figures after
the page's labels (pdftotext on a browser's print of a table continued over a page): laid in order where each
row fills with whole lines and adds up, the rows the order cannot give solved by the table's sums
(``gxparse.extraction.tailrows``)."""

from __future__ import annotations

from gxparse.document import lines_from_text
from gxparse.rows import RawRow
from gxparse.tables.s3 import _counts_hold, _S3_ROW_SUM, read_s3
from gxparse.extraction.tailrows import lay_tails
from gxparse.template import S3_ROWS

# a consistent table: rows printed whole, but the last six rows' label lines carry their first figure only
WHOLE = {"new_received": "5 1 0 0 0 0 6", "result.granted": "2 0 0 0 0 0 2", "result.partial": "1 0 0 0 0 0 1",
         "result.not_processed.duplicate": "1 1 0 0 0 0 2", "result.other.other": "1 0 0 0 0 0 1",
         "result.total": "5 1 0 0 0 0 6"}
ZEROS = "0 0 0 0 0 0 0"
TAILED = ("result.not_processed.reconfirm", "result.other.no_correction", "result.other.fee_unpaid",
          "result.other.other", "result.total", "carry_forward")


def _table(tail: list[str], whole: dict[str, str] = WHOLE) -> str:
    """Table 三 a row per line (``whole`` the rows not all zeros), except ``TAILED``: their labels with their first
    figure, then ``tail``."""
    lines = []
    for row in S3_ROWS["v2021"]:
        figures = whole.get(row.key, ZEROS)
        lines.append(f"{row.label} {figures.split()[0]}" if row.key in TAILED else f"{row.label} {figures}")
    return "\n".join(lines + [""] + tail) + "\n"


def _rows(text: str) -> dict[str, list[int | None]]:
    read = read_s3(lines_from_text(text))
    assert read.table is not None
    return {key: [cell.value for cell in cells.values()] for key, cells in read.table.items()}


def _rest(key: str, whole: dict[str, str] = WHOLE) -> list[str]:
    """A row's figures after its first as pdftotext's column blocks print them: 2, 1, 2 and 1 a line."""
    rest = whole.get(key, ZEROS).split()[1:]
    return [" ".join(rest[0:2]), rest[2], " ".join(rest[3:5]), rest[5]]


def test_the_rest_of_each_row_printed_after_the_labels_is_laid_in_order():
    rows = _rows(_table([line for key in TAILED for line in _rest(key)]))
    assert rows["result.not_processed.duplicate"] == [1, 1, 0, 0, 0, 0, 2]
    assert rows["result.total"] == [5, 1, 0, 0, 0, 0, 6]
    assert rows["carry_forward"] == [0] * 7


def test_rows_the_order_breaks_are_solved_by_the_tables_sums_and_named():
    # the last two rows a column block at a time: laid in order they do not add up; R3.2 and R3.1 give them
    total, carry = _rest("result.total"), _rest("carry_forward")
    tail = [line for key in TAILED[:-2] for line in _rest(key)] + [total[0], carry[0], total[1], carry[1],
                                                                   total[2], carry[2], total[3], carry[3]]
    read = read_s3(lines_from_text(_table(tail)))
    assert [cell.value for cell in read.table["result.total"].values()] == [5, 1, 0, 0, 0, 0, 6]
    assert [cell.value for cell in read.table["carry_forward"].values()] == [0] * 7
    solved = [f for f in read.findings if f.rule == "cell.solved_by_sum"]
    assert solved and "s3.result.total.commercial_enterprise" in solved[0].cells


def test_a_tail_holding_other_figures_than_the_rows_lack_is_not_laid():
    rows = _rows(_table([line for key in TAILED for line in _rest(key)] + ["3"]))
    assert rows["result.total"] == [None] * 7


def test_a_line_is_never_cut_between_two_rows():
    holds = lambda values: _counts_hold(values, _S3_ROW_SUM)   # noqa: E731
    heads = [RawRow("a", "a", ["1"]), RawRow("b", "b", ["0"])]
    # 0 0 0 0 0 / 1 0 / 0 0 0 0 0 would fill a with a line cut after its sixth figure
    tail = [RawRow(None, "", ["0", "0", "0", "0", "0"]), RawRow(None, "", ["1", "0"]), RawRow(None, "", ["0"] * 5)]
    assert not lay_tails([*heads, *tail], 7, holds).values


def _labels_alone(tail: list[str], garbled: str | None = None) -> str:
    """Table 三 a row per line, except ``TAILED``: their labels alone (``garbled`` for 2.申请人逾期…), then ``tail``
    with a blank line after each line (pdftotext's boxes)."""
    lines = []
    for row in S3_ROWS["v2021"]:
        if row.key not in TAILED:
            lines.append(f"{row.label} {WHOLE.get(row.key, ZEROS)}")
        else:
            lines.append(garbled if garbled and row.key == "result.other.fee_unpaid" else row.label)
    return "\n".join(lines + [""] + [f"{line}\n" for line in tail])


def _boxes(key: str) -> list[str]:
    """A row's figures as pdftotext's column blocks print them: 1, 2, 1, 2 and 1 a box."""
    figures = WHOLE.get(key, ZEROS).split()
    return [figures[0], " ".join(figures[1:3]), figures[3], " ".join(figures[4:6]), figures[6]]


def test_labels_printed_alone_take_the_figures_after_them_box_by_box():
    # the single figures (a row's last, the next row's first) are joined into one line by the grammar: a box each
    text = _labels_alone([box for key in TAILED for box in _boxes(key)])
    rows = _rows(text)
    assert rows["result.not_processed.duplicate"] == [1, 1, 0, 0, 0, 0, 2]
    assert rows["result.total"] == [5, 1, 0, 0, 0, 0, 6]
    assert rows["carry_forward"] == [0] * 7


def test_a_label_the_grammar_cannot_name_is_a_row_when_it_holds_an_items_number():
    garbled = "2.申请人逾期未按收费通知要求缴纳费 三、本年度 （六）其 用、行政机关不再处理其政府信息公开申"
    rows = _rows(_labels_alone([box for key in TAILED for box in _boxes(key)], garbled))
    assert rows["result.other.fee_unpaid"] == [0] * 7
    assert rows["result.total"] == [5, 1, 0, 0, 0, 0, 6]


def test_rows_printed_a_block_at_a_time_are_not_laid_row_by_row():
    # 3.其他 prints its 法律服务机构 figure; it and the row before come a block at a time (their first blocks,
    # then their second, …): read row by row they would still add up, 1 moved to another column
    whole = WHOLE | {"result.other.other": "0 0 0 0 1 0 1", "result.total": "4 1 0 0 1 0 6",
                     "new_received": "4 1 0 0 1 0 6"}
    boxes = {key: _rest(key, whole) for key in TAILED}
    band = [box for pair in zip(boxes["result.other.fee_unpaid"], boxes["result.other.other"]) for box in pair]
    tail = [*boxes[TAILED[0]], *boxes[TAILED[1]], *band, *boxes[TAILED[4]], *boxes[TAILED[5]]]
    rows = _rows(_table(tail, whole))
    assert rows["result.other.no_correction"] == [0] * 7 and rows["result.total"] == [4, 1, 0, 0, 1, 0, 6]
    assert all(v in (None, t) for v, t in zip(rows["result.other.other"], [0, 0, 0, 0, 1, 0, 1]))


def test_lines_of_single_figures_show_no_rows():
    # a figure a line: a column at a time would read the same way, so nothing is laid
    holds = lambda values: _counts_hold(values, _S3_ROW_SUM)   # noqa: E731
    heads = [RawRow("a", "a", ["1"]), RawRow("b", "b", ["0"])]
    tail = [RawRow(None, "", [figure]) for figure in ["0", "0", "0", "0", "0", "1", *["0"] * 6]]
    assert not lay_tails([*heads, *tail], 7, holds).values
    assert lay_tails([*heads, RawRow(None, "", ["0", "0"]), *tail[2:]], 7, holds).values


def test_the_rest_of_a_page_cut_rows_printed_after_the_next_heading_is_solved_by_the_sums():
    # a browser's print, table 三 continued on a page that holds section 四's heading: pdftotext writes each of that
    # page's rows with its first two figures beside its label, and the page's other columns, a block at a time in
    # its own order, after section 四's heading, before table 四's header
    whole = {"new_received": "3 0 0 0 0 1 4", "result.granted": "2 0 0 0 0 1 3", "result.partial": "1 0 0 0 0 0 1",
             "result.total": "3 0 0 0 0 1 4"}
    keys = [row.key for row in S3_ROWS["v2021"]]
    cut = keys[keys.index("result.not_processed.petition"):]
    lines = [f"{row.label} " + (" ".join(whole.get(row.key, ZEROS).split()[:2]) if row.key in cut
                                else whole.get(row.key, ZEROS)) for row in S3_ROWS["v2021"]]
    rest = ["0"] * 20 + ["0 0"] * 9 + ["0 4", "1 0"] + ["0 0"] * 4   # 50 figures: what the cut rows lack
    following = lines_from_text("\n".join(rest + ["行政复议", "行政诉讼", " ".join(["0"] * 15)]) + "\n")
    read = read_s3(lines_from_text("\n".join(lines) + "\n"), following=following)
    assert read.table is not None and read.borrowed == len(rest)
    assert [cell.value for cell in read.table["result.total"].values()] == [3, 0, 0, 0, 0, 1, 4]
    assert all(cell.value == 0 for key in cut[:-2] for cell in read.table[key].values())
    assert [f for f in read.findings if f.rule == "cell.solved_by_sum"]


def test_cells_the_sums_leave_open_are_read_where_every_tiling_of_the_tools_boxes_agrees():
    # the cut rows' columns a text block each, a column's ten figures stacked: the sums alone cannot tell which
    # result row holds the 1 of 科研机构 (R3.2 adds the column up either way), the block of that column can
    whole = {"new_received": "0 0 1 0 0 0 1", "result.total": "0 0 1 0 0 0 1",
             "result.not_processed.petition": "0 0 1 0 0 0 1"}
    keys = [row.key for row in S3_ROWS["v2021"]]
    cut = keys[keys.index("result.not_processed.petition"):]
    lines = [f"{row.label} " + (" ".join(whole.get(row.key, ZEROS).split()[:2]) if row.key in cut
                                else whole.get(row.key, ZEROS)) for row in S3_ROWS["v2021"]]
    ones = "\n".join(["1"] + ["0"] * 7 + ["1", "0"])
    rest = "\n\n".join([ones, *["\n".join(["0"] * 10)] * 3, ones])
    following = lines_from_text(rest + "\n\n行政复议\n行政诉讼\n" + " ".join(["0"] * 15) + "\n")
    read = read_s3(lines_from_text("\n".join(lines) + "\n"), following=following)
    assert read.table is not None and read.borrowed == 50
    assert [cell.value for cell in read.table["result.not_processed.petition"].values()] == [0, 0, 1, 0, 0, 0, 1]
    assert [cell.value for cell in read.table["result.not_processed.duplicate"].values()] == [0] * 7
    assert [cell.value for cell in read.table["result.total"].values()] == [0, 0, 1, 0, 0, 0, 1]

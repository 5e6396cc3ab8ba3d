"""Zeros printed as empty cells where the reader loses cell positions (a row per line of extracted text, a
flattened Markdown table): a row prints fewer figures than table 三 has columns, or none. Figures are placed by
the table's arithmetic only where every consistent placement agrees (``gxparse.arithmetic.placement``), said with
``cell.placed_by_sum``; the rest is unread, never guessed. Dev set: tests/fixtures/extracted ``*-blank`` and
tests/fixtures/markdown ``*.markitdown-pdf-*-blank.md`` (``benchmarks.accuracy`` prints them as their own lines)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.arithmetic import placement
from gxparse.document import lines_from_text
from gxparse.readers.markdown import read_markdown
from gxparse.arithmetic.placement import (Balance, blank_readings, consistent_readings, joint_readings,
                                         misread_readings)
from gxparse.arithmetic.realign import RowSum
from gxparse.rows import RawRow, collect_rows
from gxparse.tables.s2 import read_s2
from gxparse.tables.s3 import S3_MATCHER, _s3_extras_named, read_s3
from tests.gxparse.extracted import document_truth
from gxparse.tables.s4 import read_s4
from gxparse.tables.tableread import TableRead
from gxparse.template import S3_ROWS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ROW_SUM = [RowSum((0, 1, 2, 3, 4, 5), 6)]
LABELS = {row.key: f"{row.group or ''}{row.label}" for row in S3_ROWS["v2021"]}


def _report(printed: dict[str, str], s4: str = "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0") -> dict:
    """A report whose table 三 prints, a row per line, the figures of ``printed`` after each label (a row not
    named prints its label alone: every cell blank), and table 四 the figures of ``s4``."""
    rows = "\n".join(f"{label} {printed.get(key, '')}".rstrip() for key, label in LABELS.items())
    text = (f"某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度，某县人民政府依法公开政府信息。\n"
            f"二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n{rows}\n"
            f"四、政府信息公开行政复议、行政诉讼情况\n{s4}\n五、存在的主要问题及改进情况\n无。\n"
            f"六、其他需要报告的事项\n无。\n")
    return parse_document(text.encode(), "blank.txt").to_dict()


def _values(report: dict, key: str) -> list[int | None]:
    return [cell for cell in report["s3"][key].values()]


# every applicant column holds a figure somewhere, each figure tells its column apart by the sums
UNIQUE = {
    "new_received": "7 2 4 6 7 3 29",
    "carried_over": "1 1",
    "result.granted": "5 2 3 10",
    "result.partial": "1 4 5",
    "result.unable.not_held": "2 6 7 15",
    "result.total": "8 2 4 6 7 3 30",
}


def test_short_and_bare_rows_are_placed_where_the_arithmetic_allows_one_reading():
    report = _report(UNIQUE)
    assert _values(report, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert _values(report, "result.granted") == [5, 2, 0, 0, 0, 3, 10]
    assert _values(report, "result.partial") == [1, 0, 4, 0, 0, 0, 5]
    assert _values(report, "result.unable.not_held") == [2, 0, 0, 6, 7, 0, 15]
    assert _values(report, "carry_forward") == [0] * 7   # its label alone: every cell blank
    assert _values(report, "result.denied.state_secret") == [0] * 7
    findings = {f["rule"]: f for f in report["findings"]}
    assert "s3.result.granted.total" in findings["cell.placed_by_sum"]["cells"]
    assert "s3.carry_forward.total" in findings["cell.placed_by_sum"]["cells"]
    assert "表三" in findings["cell.placed_by_sum"]["message"]
    assert "cell.unread" not in findings
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_figures_no_sum_tells_apart_are_left_unread():
    # no organisation ever applied: the figures of a row could stand in any column the others leave blank
    report = _report({"new_received": "9 9", "result.granted": "4 4", "result.partial": "5 5",
                      "result.total": "9 9"})
    assert _values(report, "result.granted") == [None] * 6 + [4]
    assert _values(report, "new_received")[6] == 9
    rules = {f["rule"] for f in report["findings"]}
    assert "cell.unread" in rules
    assert not [f for f in report["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize("broken", [{"result.total": "8 2 4 6 7 4 31", "new_received": "7 2 4 6 7 4 30"},
                                    {"new_received": "7 2 4 6 7 3 30"}])
def test_a_table_that_does_not_add_up_is_read_as_before(broken, monkeypatch):
    # no placement satisfies every rule, or a row printed whole breaks its own sum: the table reads exactly as
    # without the search, and its printed rows keep accusing the report
    report = _report(dict(UNIQUE, **broken))
    monkeypatch.setattr("gxparse.tables.s3._s3_by_sum", lambda *args: None)
    assert report == _report(dict(UNIQUE, **broken))
    assert "cell.placed_by_sum" not in {f["rule"] for f in report["findings"]}


def test_a_row_printed_whole_that_breaks_its_sum_is_still_an_error():
    report = _report(dict(UNIQUE, new_received="7 2 4 6 7 3 30"))
    assert "s3.row_sum" in {f["rule"] for f in report["findings"] if f["severity"] == "error"}


def test_rows_printed_whole_are_not_searched():
    whole = {key: " ".join(["0"] * 7) for key in LABELS} | {"new_received": "1 0 0 0 0 0 1",
                                                          "result.granted": "1 0 0 0 0 0 1",
                                                          "result.total": "1 0 0 0 0 0 1"}
    report = _report(whole)
    assert "cell.placed_by_sum" not in {f["rule"] for f in report["findings"]}
    assert _values(report, "result.granted") == [1, 0, 0, 0, 0, 0, 1]


def test_a_search_beyond_its_bounds_places_nothing(monkeypatch):
    monkeypatch.setattr(placement, "STATE_LIMIT", 1)
    report = _report(UNIQUE)
    assert "cell.placed_by_sum" not in {f["rule"] for f in report["findings"]}
    assert _values(report, "result.granted")[1] is None


def test_blank_readings_put_each_other_cell_blank_or_fill_one_a_sum_lost():
    assert blank_readings([3, 3], 7, ROW_SUM) == [(3, 0, 0, 0, 0, 0, 3), (0, 3, 0, 0, 0, 0, 3),
                                                (0, 0, 3, 0, 0, 0, 3), (0, 0, 0, 3, 0, 0, 3),
                                                (0, 0, 0, 0, 3, 0, 3), (0, 0, 0, 0, 0, 3, 3)]
    assert blank_readings([], 7, ROW_SUM) == [(0,) * 7]
    assert blank_readings([1, 2, 5], 7, ROW_SUM) == []   # no blank and no single lost cell adds up
    assert (1, 1, 1, 1, 1, 1, 6) in blank_readings([1] * 6, 7, ROW_SUM)   # 总计 lost: the sum gives it


def test_misread_readings_change_one_cell_of_a_whole_row_or_fill_one_lost_among_blanks():
    # printed whole: each cell in turn the figure the sum gives it (never negative)
    assert misread_readings([56, 9, 0, 0, 0, 0, 62], 7, ROW_SUM) == [(53, 9, 0, 0, 0, 0, 62), (56, 6, 0, 0, 0, 0, 62),
                                                                     (56, 9, 0, 0, 0, 0, 65)]
    # printed short: the figures in order, every other cell a blank zero but one lost figure the sum fills
    assert misread_readings([2, 0, 0, 0, 0], 7, ROW_SUM) == [(2, 0, 0, 0, 0, 0, 2), (0, 2, 0, 0, 0, 0, 2)]
    assert (30, 1, 0, 0, 0, 0, 31) in misread_readings([30, 0, 0, 0, 31], 7, ROW_SUM)
    # a figure OCR could not make out is the misread one; two of them are more than one misread
    assert misread_readings([None, 0, 0, 0, 0, 0, 8], 7, ROW_SUM) == [(8, 0, 0, 0, 0, 0, 8)]
    assert misread_readings([None, None, 8], 7, ROW_SUM) == []


def _ocr_s3(printed: dict[str, str]) -> dict[str, list[int | None]]:
    """Table 三 of OCR's text printing, a row per line, the figures of ``printed`` after each label."""
    text = "\n".join(f"{label} {printed.get(key, '')}".rstrip() for key, label in LABELS.items())
    table = read_s3(lines_from_text(text), ocr=True).table
    assert table is not None
    return {key: [cell.value for cell in cells.values()] for key, cells in table.items()}


def test_rows_are_placed_past_a_row_whose_sum_a_misread_broke_and_it_stays_as_read():
    # (七)总计 8 2 4 6 7 3 30 read with 31 for 30: before, it was left out of every rule and no short row could be
    # placed; of its readings past one misread only 8 2 4 6 7 3 30 keeps R3.1 (一 + 二 = 总计 + 四), so the short
    # rows are placed as in a typed table; the misread row stays as OCR read it, named with the rows so placed
    read = read_s3(lines_from_text("\n".join(f"{label} {dict(UNIQUE, **{'result.total': '8 2 4 6 7 3 31'}).get(key, '')}"
                                             .rstrip() for key, label in LABELS.items())), ocr=True)
    rows = {key: [cell.value for cell in cells.values()] for key, cells in read.table.items()}
    assert rows["result.total"] == [8, 2, 4, 6, 7, 3, 31]
    assert rows["result.granted"] == [5, 2, 0, 0, 0, 3, 10]
    assert rows["result.unable.not_held"] == [2, 0, 0, 6, 7, 0, 15]
    assert rows["carried_over"] == [1, 0, 0, 0, 0, 0, 1]
    placed = {c for f in read.findings if f.rule == "cell.placed_by_sum" and "只有一处误读" in f.message
              for c in f.cells}
    assert {"s3.result.total.total", "s3.result.granted.natural_person"} <= placed


def test_a_row_a_misread_broke_places_nothing_two_of_its_readings_leave_open():
    # 一 7 1 4 6 7 3 29 (its sum broken): read 8 1 … or 7 2 … it keeps R3.1 with 二's 1 1 under 自然人 or under
    # 商业企业 alike: that figure's column stays unread, never guessed; only what both readings give is read
    rows = _ocr_s3(dict(UNIQUE, new_received="7 1 4 6 7 3 29"))
    assert rows["carried_over"] == [None, None, 0, 0, 0, 0, 1]
    assert rows["new_received"] == [7, 1, 4, 6, 7, 3, 29]
    assert rows["result.granted"] == [5, 2, 0, 0, 0, 3, 10]   # (七)总计 places the results as ever
    # the same figures' readings by the placement alone: both kept
    misread = {"r1": misread_readings([2, 2, 5], 3, [RowSum((0, 1), 2)]), "r2": [(1, 0, 1), (0, 1, 1)]}
    balance = [Balance(("r1", "r2"), ("t",))]
    assert sorted(consistent_readings(misread | {"t": [(3, 3, 6)]}, balance, 3)["r2"]) == [(0, 1, 1), (1, 0, 1)]
    assert consistent_readings(misread | {"t": [(4, 2, 6)]}, balance, 3)["r2"] == [(1, 0, 1)]


def test_consistent_readings_keep_what_some_solution_uses():
    balance = [Balance(("a", "b"), ("t",))]
    options = {"a": [(1, 0), (0, 1)], "b": [(2, 0), (0, 2)], "t": [(1, 2)]}
    assert consistent_readings(options, balance, 2) == {"a": [(1, 0)], "b": [(0, 2)], "t": [(1, 2)]}
    ambiguous = {"a": [(1, 0), (0, 1)], "b": [(1, 0), (0, 1)], "t": [(1, 1)]}
    assert consistent_readings(ambiguous, balance, 2) == {"a": [(1, 0), (0, 1)], "b": [(1, 0), (0, 1)],
                                                          "t": [(1, 1)]}
    assert consistent_readings({"a": [(1, 0)], "b": [(2, 0)], "t": [(1, 2)]}, balance, 2) is None
    # a cell nobody could read leaves its column unchecked
    assert consistent_readings({"a": [(1, 0), (0, 1)], "b": [(0, 2)], "t": [(None, 3)]}, balance, 2) == {
        "a": [(0, 1)], "b": [(0, 2)], "t": [(None, 3)]}


def test_rows_read_together_keep_only_the_choices_some_solution_keeps_whole():
    balance = [Balance(("a", "b"), ("t",))]
    ambiguous = {"a": [(1, 0), (0, 1)], "b": [(1, 0), (0, 1)], "t": [(1, 1)]}
    # a and b printed at one place (one column for both): no solution
    same_column = [[{"a": (1, 0), "b": (1, 0)}, {"a": (0, 1), "b": (0, 1)}]]
    assert joint_readings(ambiguous, same_column, balance, 2) is None
    # their places in this order: a's figure in the first column, b's in the second
    apart = [[{"a": (1, 0), "b": (0, 1)}]]
    assert joint_readings(ambiguous, apart, balance, 2) == {"a": [(1, 0)], "b": [(0, 1)], "t": [(1, 1)]}
    # two groups sharing a row (a run by its figures' starts, another by their ends) are read as one
    starts, ends = [[{"a": (1, 0), "b": (0, 1)}, {"a": (0, 1), "b": (1, 0)}]], [[{"b": (0, 1)}]]
    assert joint_readings(ambiguous, starts + ends, balance, 2) == {"a": [(1, 0)], "b": [(0, 1)], "t": [(1, 1)]}
    # groups that never agree on their shared row, or one no reading of whose rows allows: no solution
    assert joint_readings(ambiguous, apart + [[{"b": (1, 0)}], [{"a": (1, 0)}]], balance, 2) is None
    assert joint_readings(ambiguous, [[{"a": (2, 0)}]], balance, 2) is None


def test_layout_kept_ocr_text_whose_runs_of_rows_tell_nothing_is_read():
    # tesseract --psm 4 keeps the page's spaces: runs of rows no laying of which adds up are left out, never
    # an internal error (an IndexError before)
    path = FIXTURES / "ocrtext" / "tesseract-psm4" / "zhoukou_city_2021.reportlab.txt"
    report = parse_document(path.read_bytes(), "r.txt").to_dict()
    assert report["agency"] == "周口市人民政府" and report["s3"] is not None


# ---------------------------------------------------------------------------------------------------
# the row grammar: a row printed blank between rows whose figures stand on their label's first line


def test_a_numbered_label_after_a_blank_row_opens_its_own_row():
    # the blank row's label does not take the figures printed on the first line of the next row's label
    text = "\n".join(["4.无正当理由大量反复申请", "5.要求行政机关确认或重新出 2 2", "具已获取信息"])
    collected = collect_rows(lines_from_text(text), S3_MATCHER)
    assert collected.rows["result.not_processed.reconfirm"].values == ["2", "2"]
    assert "result.not_processed.excessive" in collected.bare


def test_figures_beside_an_unfinished_numbered_label_are_not_the_blank_row_before_it():
    # pdftotext -layout of a narrow table: the next item's label never completes (its group label's last
    # character runs into it: 理诉类申), yet its number shows the figures beside it are its own
    text = "\n".join(["2.没有现成信息需要另行制作   3   1   4", "3.补正", "后申请内容仍不明确", "（五） 1.信访   3   3",
                      "不予处 举报投", "理诉类申", "请", "2.重复申请   6   1   7"])
    collected = collect_rows(lines_from_text(text), S3_MATCHER)
    assert "result.unable.unclear" not in collected.rows
    assert "result.unable.unclear" in collected.bare


def test_a_group_label_naming_a_row_still_takes_its_first_item():
    # （六）其他处理 names the v2019 row; in a 2021 table it is the group label of 1.申请人…
    text = "\n".join(["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1 1"])
    collected = collect_rows(lines_from_text(text), S3_MATCHER)
    assert collected.rows["result.other.no_correction"].values == ["1", "1"]


# ---------------------------------------------------------------------------------------------------
# the dev set: what is read is the report's figure, or unread, never misplaced; no error the report does not
# deserve


BLANK_TEXT = sorted(f"{p.parent.name}/{p.name}" for p in (FIXTURES / "extracted").glob("*/*-blank.txt"))
BLANK_MARKDOWN = sorted(p.name for p in (FIXTURES / "markdown").glob("*.markitdown-pdf-*-blank.md"))


def _misplaced(report: dict, truth: dict) -> dict:
    return {f"{row}.{col}": (report["s3"][row][col], value) for row, cols in (truth["s3"] or {}).items()
            for col, value in cols.items() if report["s3"] and report["s3"][row][col] not in (None, value)}


@pytest.mark.parametrize("rendering", BLANK_TEXT)
def test_extracted_text_with_blank_zeros(rendering):
    truth = document_truth(rendering.split("/")[1].split(".")[0])
    report = parse_document((FIXTURES / "extracted" / rendering).read_bytes(), rendering).to_dict()
    assert not _misplaced(report, truth)
    assert {f["rule"] for f in report["findings"] if f["severity"] == "error"} <= set(truth["errors"])


def test_a_label_continued_below_its_first_line_of_figures_keeps_them():
    # a top-aligned cell: the row's numbered first line carries the figures, its next line names the row by itself
    text = "\n".join(["8.属于行政查询事项", "（四）无 1.本机关 13 1 1 1 16", "法提供 不掌握相", "关政府信息"])
    collected = collect_rows(lines_from_text(text), S3_MATCHER)
    assert collected.rows["result.unable.not_held"].values == ["13", "1", "1", "1", "16"]
    assert "result.denied.admin_query" in collected.bare


@pytest.mark.parametrize("file", BLANK_MARKDOWN)
def test_markdown_of_a_pdf_with_blank_zeros(file):
    truth = document_truth(file.split(".")[0])
    report = parse_document((FIXTURES / "markdown" / file).read_bytes(), file).to_dict()
    assert not _misplaced(report, truth)
    assert {f["rule"] for f in report["findings"] if f["severity"] == "error"} <= set(truth["errors"])


def test_a_table_printed_without_a_figure_in_text_is_a_table_of_blanks():
    report = _report({})   # every label alone: an agency with no application prints table 三 empty
    assert all(_values(report, key) == [0] * 7 for key in LABELS)
    rules = {f["rule"] for f in report["findings"]}
    assert "cell.placed_by_sum" in rules and "cell.unread" not in rules


def test_a_few_labels_alone_are_no_table():
    lines = "\n".join(["（一）予以公开", "（二）部分公开", "（七）总计"])
    assert read_s3(lines_from_text(lines)).table is None


# ---------------------------------------------------------------------------------------------------
# Markdown whose tables the converter guessed from a page's text (markitdown's PDF converter)


GUESSED = """三、收到和处理政府信息公开申请情况
| 一、本年新收政府信息公开申请数量 | 7 2 | 4 6 | 7 3 | 29 |
| --- | --- | --- | --- | --- |
| 二、上年结转政府信息公开申请数量 | 1 |  |  | 1 |
"""


def test_empty_cells_of_a_guessed_table_are_no_columns():
    # one table shows the converter guessed its columns (several figures in a cell): the empty cells of every
    # table of the document are its guesses, so a row is read as the text it was guessed from
    text = GUESSED + ("申请数量\n| （一）予以公开 | 5 | 2 |  |  | 3 | 10 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
                      "| （二）部分公开 | 1 |  | 4 |  |  | 5 |\n")
    lines = [line for line in read_markdown(text).lines if line.values]
    assert [line.values for line in lines] == [["7", "2", "4", "6", "7", "3", "29"], ["1", "1"], ["5", "2", "3", "10"],
                                               ["1", "4", "5"]]


def test_a_label_alone_is_no_zeros_while_figures_stand_under_no_row():
    # pdfplumber joined the tail of the row above, the start of this row's label and its figures into one line
    # the grammar names no row by; the rest of its label stands alone below. Its figures are printed: not zeros.
    printed = {**UNIQUE, "result.unable.not_held": "2 6 7 15"}
    lines = []
    for key, label in LABELS.items():
        if key == "result.total":
            continue                                   # not found: no column sum through it can be checked
        if key == "result.unable.needs_creation":
            lines += ["关政府信息 2.没有现成信息需 3 3", "要另行制作"]
        else:
            lines.append(f"{label} {printed.get(key, '')}".rstrip())
    text = ("某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度，某县人民政府依法公开政府信息。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n" + "\n".join(lines) +
            "\n四、政府信息公开行政复议、行政诉讼情况\n" + "0 " * 14 + "0\n五、存在的主要问题及改进情况\n无。\n")
    report = parse_document(text.encode(), "joined.txt").to_dict()
    assert 0 not in _values(report, "result.unable.needs_creation")
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_consistent_readings_meet_the_totals_first(monkeypatch):
    # four rows each one figure in any column, a total of four in one column: added first, their partial sums
    # are 35; with the total met first only the readings it leaves room for go on
    monkeypatch.setattr(placement, "STATE_LIMIT", 10)
    ones = [tuple(int(c == k) for c in range(4)) for k in range(4)]
    options = {"a": ones, "b": ones, "c": ones, "d": ones, "t": [tuple(4 * v for v in one) for one in ones]}
    kept = consistent_readings(options, [Balance(("a", "b", "c", "d"), ("t",))], 4)
    assert kept is not None and {key: set(v) for key, v in kept.items()} == {key: set(v) for key, v in options.items()}


# two applicant columns nobody used: 总计 and the rows the sums settle are read, the rest is unread, the search
# stays within its bounds (in the template's order its partial sums outgrow STATE_LIMIT)
UNUSED_COLUMNS = {
    "new_received": "412 3 21 4 440",
    "carried_over": "5 5",
    "result.granted": "300 2 9 3 314",
    "result.partial": "21 4 25",
    "result.denied.third_party": "6 6",
    "result.denied.internal_affairs": "3 3",
    "result.denied.admin_query": "4 1 3 1 9",
    "result.unable.not_held": "40 40",
    "result.unable.needs_creation": "2 2 4",
    "result.not_processed.petition": "3 3",
    "result.not_processed.duplicate": "4 4",
    "result.other.other": "27 3 30",
    "result.total": "410 3 21 4 438",
    "carry_forward": "7 7",
}


def test_a_table_with_applicant_columns_nobody_used_reads_its_totals():
    report = _report(UNUSED_COLUMNS)
    assert [_values(report, key)[6] for key in ("new_received", "result.granted", "result.total")] == [440, 314, 438]
    assert _values(report, "result.denied.state_secret") == [0] * 7
    assert "cell.placed_by_sum" in {f["rule"] for f in report["findings"]}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


# ---------------------------------------------------------------------------------------------------
# a cell per line in row order with the empty cells gone (PyMuPDF): the labels bound the rows


def _cell_per_line(printed: dict[str, str], order: list[str] | None = None) -> list:
    """Table 三's lines printed a cell per line: each row's label, then each of its figures on a line of its own
    (a row not named prints its label alone)."""
    text = []
    for key in order or list(LABELS):
        text.append(LABELS[key])
        text += printed.get(key, "").split()
    return lines_from_text("\n".join(text))


def _read_values(read: TableRead, key: str) -> list[int | None]:
    return [cell.value for cell in read.table[key].values()]


def test_a_cell_per_line_table_in_row_order_places_its_short_rows_by_the_sums():
    read = read_s3(_cell_per_line(UNIQUE))
    assert read.cell_per_line
    assert _read_values(read, "result.granted") == [5, 2, 0, 0, 0, 3, 10]
    assert _read_values(read, "result.unable.not_held") == [2, 0, 0, 6, 7, 0, 15]
    assert _read_values(read, "carry_forward") == [0] * 7
    assert "cell.placed_by_sum" in {f.rule for f in read.findings}


def test_a_row_whose_label_cell_wraps_beside_its_groups_around_its_figures_is_named_by_its_own_words():
    # PyMuPDF: the group cell and the row's label cell wrapped side by side, part of both printed after the
    # figures; the text over them names no row whole, but 信访举 only the petition row's label holds
    printed = {key: value for key, value in UNIQUE.items() if key != "result.unable.not_held"}
    text = []
    for key in LABELS:
        if key == "result.not_processed.petition":
            text += ["（五）", "不予处", "1.信访", "举报投", "2", "6", "7", "15", "理", "诉类申", "请"]
        else:
            text += [LABELS[key], *printed.get(key, "").split()]
    read = read_s3(lines_from_text("\n".join(text)))
    assert _read_values(read, "result.not_processed.petition") == [2, 0, 0, 6, 7, 0, 15]
    assert _read_values(read, "result.granted") == [5, 2, 0, 0, 0, 3, 10]


def test_label_text_is_named_by_its_own_words_in_time_linear_in_the_text():
    # 100,000 figures under label text (each naming a row, or several) are looked up a piece at a time
    keys = [r.key for r in S3_ROWS["v2021"]]
    extras = [RawRow(None, "不予处1.信访举报投" + "2.重复申请" * (n % 2), ["3"]) for n in range(100_000)]
    rows: dict[str, RawRow] = {}
    started = time.process_time()
    left = _s3_extras_named(rows, extras, keys)
    assert time.process_time() - started < 5
    assert list(rows) == ["result.not_processed.petition"] and len(left) == len(extras) - 1


def test_a_cell_per_line_table_out_of_row_order_is_not_placed_by_the_sums():
    # the tool's order is not the rows' (a row's label and figures after the total): nothing says the labels
    # bound the rows
    order = [key for key in LABELS if key != "result.granted"]
    order.insert(order.index("result.total") + 1, "result.granted")
    read = read_s3(_cell_per_line(UNIQUE, order))
    assert read.table is None or _read_values(read, "result.unable.not_held")[3] is None


def test_figures_under_no_label_keep_a_cell_per_line_table_from_being_placed_by_the_sums():
    # a run of figures printed right under the column headers belongs to no label: which row's, no label says
    # (every other row prints a 0, so no row is a label alone)
    lines = lines_from_text("\n".join(["商业企业", "1", "1"])) + _cell_per_line({key: "0" for key in LABELS} | UNIQUE)
    read = read_s3(lines)
    assert "cell.placed_by_sum" not in {f.rule for f in read.findings}


def _in_boxes(printed: dict[str, str], after: str = "") -> list:
    """Table 三's lines as pdftotext writes a browser's print of it: each row's label, then its figures as text
    boxes (``|`` parts a row's figures into boxes, a box a line), then ``after`` (a group label's piece)."""
    text = []
    for key in LABELS:
        text.append(LABELS[key])
        text += [box.strip() for box in printed.get(key, "").split("|") if box.strip()]
        text += [after] if after else []
    return lines_from_text("\n".join(text))


# most boxes a single figure (the empty cells between them part the rows' runs): printed a cell per line
BOXED = {"new_received": "7|2|4|6|7|3|29", "carried_over": "1|1", "result.granted": "5 | 2 3 10",
         "result.partial": "1|4|5", "result.unable.not_held": "2 | 6 7 | 15", "result.total": "8|2|4|6|7|3|30"}


def test_a_row_printed_as_several_text_boxes_is_one_row_placed_by_the_sums():
    read = read_s3(_in_boxes(BOXED, after="理结果"))
    assert _read_values(read, "result.granted") == [5, 2, 0, 0, 0, 3, 10]
    assert _read_values(read, "result.unable.not_held") == [2, 0, 0, 6, 7, 0, 15]
    assert _read_values(read, "new_received") == [7, 2, 4, 6, 7, 3, 29]
    assert "cell.placed_by_sum" in {f.rule for f in read.findings}


def test_text_boxes_under_no_row_label_are_not_joined_into_rows():
    # a box of figures right after column header words: no row's label stands over it
    lines = lines_from_text("\n".join(["商业企业", "1 1"])) + _in_boxes(BOXED)
    read = read_s3(lines)
    assert "cell.placed_by_sum" not in {f.rule for f in read.findings}


# ---------------------------------------------------------------------------------------------------
# table 四 printed short: three blocks, each 总计 the sum of the four results


def _s4(report: dict) -> list[list[int | None]]:
    return [list(report["s4"][block].values()) for block in ("review", "litigation_direct", "litigation_after_review")]


def test_table_four_printed_short_reads_each_blocks_total():
    report = _report(UNIQUE, "2 2 5 1 6 3 3")
    assert [block[4] for block in _s4(report)] == [2, 6, 3]
    assert _s4(report)[0][:4] == [None] * 4   # which result the 2 is, no sum says
    rules = {f["rule"] for f in report["findings"]}
    assert {"cell.placed_by_sum", "cell.unread"} <= rules
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_table_four_blocks_two_cuts_satisfy_stay_unread():
    # two blocks printed, three places for them: which block is blank, no sum says
    report = _report(UNIQUE, "1 2 3 4 10 7 7")
    assert [block[4] for block in _s4(report)] == [None] * 3
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_table_four_block_printing_its_four_results_is_read_whole():
    report = _report(UNIQUE, "1 2 3 4 10 1 1 2 2 2")
    assert _s4(report)[0] == [1, 2, 3, 4, 10]
    assert [block[4] for block in _s4(report)] == [10, 2, 2]


def test_table_four_that_prints_its_zeros_and_lacks_figures_is_not_read_as_blanks():
    # figures printed elsewhere (after the next heading, a page cut): a 0 printed shows none was left empty
    report = _report(UNIQUE, "0 0 0 1 1 0 0")
    assert _s4(report) == [[None] * 5] * 3
    assert "cell.placed_by_sum" not in {f["rule"] for f in report["findings"] if "s4" in str(f["cells"])}


def test_block_readings_cut_the_figures_in_order():
    sums = [RowSum((0, 1, 2, 3), 4)]
    assert placement.block_readings([4, 4], 1, 5, sums) == [(4, 0, 0, 0, 4), (0, 4, 0, 0, 4), (0, 0, 4, 0, 4),
                                                           (0, 0, 0, 4, 4)]
    assert placement.block_readings([1, 2, 3], 2, 5, sums) == [(0,) * 5 + (1, 2, 0, 0, 3), (0,) * 5 + (1, 0, 2, 0, 3),
                                                              (0,) * 5 + (1, 0, 0, 2, 3), (0,) * 5 + (0, 1, 2, 0, 3),
                                                              (0,) * 5 + (0, 1, 0, 2, 3), (0,) * 5 + (0, 0, 1, 2, 3),
                                                              (1, 2, 0, 0, 3) + (0,) * 5, (1, 0, 2, 0, 3) + (0,) * 5,
                                                              (1, 0, 0, 2, 3) + (0,) * 5, (0, 1, 2, 0, 3) + (0,) * 5,
                                                              (0, 1, 0, 2, 3) + (0,) * 5, (0, 0, 1, 2, 3) + (0,) * 5]
    assert placement.block_readings([1, 2, 5], 1, 5, sums) == []


def test_table_four_printed_a_block_per_row_reads_short_blocks_by_their_sums():
    lines = lines_from_text("\n".join(["行政复议 1 2 3 4 10", "行政诉讼（未经复议直接起诉） 3 3", "行政诉讼（复议后起诉） 2 5 7"]))
    read = read_s4(lines)
    assert [cell.value for cell in read.table["review"].values()] == [1, 2, 3, 4, 10]
    assert [cell.value for cell in read.table["litigation_direct"].values()] == [None] * 4 + [3]
    assert [cell.value for cell in read.table["litigation_after_review"].values()][4] == 7
    assert "cell.placed_by_sum" in {f.rule for f in read.findings}


# ---------------------------------------------------------------------------------------------------
# table 二: an item printed as its label alone


S2_TEXT = ["第二十条第（一）项", "信息内容 本年制发件数 本年废止件数 现行有效件数", "规章", "行政规范性文件 6 32 74",
           "第二十条第（五）项", "信息内容 本年处理决定数量", "行政许可 12502", "第二十条第（六）项", "信息内容 本年处理决定数量",
           "行政处罚", "行政强制 21", "第二十条第（八）项", "信息内容 本年收费金额（单位：万元）", "行政事业性收费 144.4399"]


def _s2_values(read: TableRead, key: str) -> list:
    return [cell.value for cell in read.table[key].values()]


def test_a_table_two_item_printed_as_its_label_alone_is_blank():
    read = read_s2(lines_from_text("\n".join(S2_TEXT)), "v2021")
    assert _s2_values(read, "regulations") == [0, 0, 0]
    assert all(cell.blank for cell in read.table["regulations"].values())
    assert _s2_values(read, "penalty") == [0]
    assert _s2_values(read, "normative_docs") == [6, 32, 74]


def test_a_table_two_label_alone_is_no_zeros_while_figures_stand_under_no_item():
    lines = lines_from_text("\n".join([*S2_TEXT, "合计 7 7"]))   # figures under no item
    read = read_s2(lines, "v2021")
    assert _s2_values(read, "regulations") == [None] * 3
    assert _s2_values(read, "penalty") == [None]


def test_a_table_two_printed_without_a_figure_is_a_table_of_blanks():
    labels = [line.split(" ")[0] for line in S2_TEXT]
    read = read_s2(lines_from_text("\n".join(labels)), "v2021")
    assert read.table is not None and _s2_values(read, "licensing") == [0]
    assert _s2_values(read, "admin_fees") == ["0"]


def test_a_table_two_printed_a_cell_per_line_in_row_order_reads_its_labels_alone():
    stream = [piece for line in S2_TEXT for piece in (line.split(" ") if line[0] in "规行" else [line])]
    read = read_s2(lines_from_text("\n".join(stream)), "v2021")
    assert read.cell_per_line
    assert _s2_values(read, "regulations") == [0, 0, 0]
    assert _s2_values(read, "normative_docs") == [6, 32, 74]
    assert _s2_values(read, "coercion") == [21]


def test_a_row_adding_up_as_printed_keeps_its_total_where_a_column_nobody_used_could_take_it():
    # 其他 nobody used; rows one figure short add up as printed, their last figure the 总计 — not a 总计 lost with
    # 其他 printing the sum of the other columns
    assert (79, 5, 1, 1, 4, 90, 180) not in blank_readings([79, 5, 1, 1, 4, 90], 7, ROW_SUM)
    report = _report({"new_received": "10 2 1 1 3 17", "carried_over": "2 2", "result.granted": "8 2 1 1 2 14",
                      "result.partial": "3 1 4", "result.total": "11 2 1 1 3 18", "carry_forward": "1 1"})
    assert [_values(report, key)[6] for key in ("new_received", "result.granted", "result.total")] == [17, 14, 18]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize("misread", [(), [frozenset({column, 6}) for column in range(6)]])
def test_a_hostile_table_of_thirty_rows_of_one_figure_each_is_bounded_and_places_nothing(misread):
    # every row's one figure may stand in any of six columns and the total spreads over all six: the partial
    # column sums grow past the search's bounds (WORK_LIMIT, about a second), which places nothing, never a guess;
    # so too where a misread may leave a column and the total off (the bounds prune less: 1.3 s)
    rows = {f"r{i}": blank_readings([1 + i % 5, 1 + i % 5], 7, ROW_SUM) for i in range(30)}
    total = sum(1 + i % 5 for i in range(30))
    rows["total"] = [(15, 15, 15, 15, 15, total - 75, total)]
    started = time.perf_counter()
    assert consistent_readings(rows, [Balance(tuple(f"r{i}" for i in range(30)), ("total",))], 7, misread) is None
    assert time.perf_counter() - started < 10


def test_readings_past_a_misread_keep_every_balance_but_in_the_columns_it_may_break():
    # t printed 6 10 16, read 9 10 19 (6 read as 9 in its first figure and its total: the row still adds up): the
    # balance fails in those columns, so no choice keeps every column; past the misread the short row a is placed
    # by the column left (2 0 2, not 0 2 2), and only where the columns left off are those a misread may break
    balance = [Balance(("a", "b"), ("t",))]
    options = {"a": [(2, 0, 2), (0, 2, 2)], "b": [(4, 10, 14)], "t": [(9, 10, 19)]}
    assert consistent_readings(options, balance, 3) is None
    assert consistent_readings(options, balance, 3, [frozenset({0, 2})]) == {
        "a": [(2, 0, 2)], "b": [(4, 10, 14)], "t": [(9, 10, 19)]}
    assert consistent_readings(options, balance, 3, [frozenset({1, 2})]) is None

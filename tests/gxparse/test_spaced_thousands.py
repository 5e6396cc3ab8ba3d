"""Thousands grouped by a space (``1 288``) in a cell of its own are one figure in every reader, as the HTML
reader reads them: tab and pipe text, a Markdown table, a Word table. Text split at spaces alone cannot tell
``1 288`` from two figures: a row holding more cells than its columns has its groups joined where one way of
joining gives its width (and its sums hold), and the cells the ways disagree on are unread."""

from gxparse import parse_document
from gxparse.cells import thousands_readings
from gxparse.document import lines_from_text, shows_ocr_noise
from gxparse.readers.markdown import read_markdown
from gxparse.readers.wordfile import read_docx
from tests.gxparse.docx_styles import docx_package, run
from tests.gxparse.figure_notations import text_in_notation
from tests.gxparse.seeds import seed_bytes


def _values(lines) -> dict[str, list[str]]:
    return {line.label: line.values for line in lines if line.values}


def test_a_text_cell_of_grouped_thousands_is_one_figure():
    assert _values(lines_from_text("规章\t1 288\t0\t12\u2009000\n")) == {"规章": ["1,288", "0", "12,000"]}
    assert _values(lines_from_text("| 规章 | 1 288 | 0 | 4 |\n")) == {"规章": ["1,288", "0", "4"]}
    # figures apart by spaces that are no grouping stay apart (a row whose columns were joined)
    assert _values(lines_from_text("规章\t3 0 12\n")) == {"规章": ["3", "0", "12"]}


def test_a_markdown_or_word_table_cell_of_grouped_thousands_is_one_figure_lines_apart_stay_apart():
    markdown = "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 1 288 |\n| 行政处罚 | 1<br>288 |\n"
    assert _values(read_markdown(markdown).lines) == {"行政许可": ["1,288"], "行政处罚": ["1", "288"]}
    cell = "<w:tc><w:p>{}</w:p></w:tc>"
    body = f"<w:tbl><w:tr>{cell.format(run('行政许可'))}{cell.format(run('1 288'))}</w:tr></w:tbl>"
    assert _values(read_docx(docx_package(body), "x.docx").lines) == {"行政许可": ["1,288"]}


def test_a_report_in_tab_text_reads_grouped_thousands():
    text = seed_bytes("huangchuan_2021").decode().replace("行政许可\t12502", "行政许可\t12 502")
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert report["s2"]["licensing"]["decisions"] == 12502
    assert not [f for f in report["findings"] if f["severity"] == "error" or "licensing" in str(f["cells"])]


def _spaced_report(name: str, old: str, new: str) -> dict:
    text = text_in_notation(name, "spaced").decode()
    assert old in text
    return parse_document(text.replace(old, new).encode(), "x.txt").to_dict()


def _named(report: dict, path: str) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in report["findings"] if path in f["cells"]]


def test_the_ways_of_joining_a_rows_groups_into_its_width():
    assert thousands_readings(["6", "32", "12", "502"], 3) == [["6", "32", "12,502"]]
    assert thousands_readings(["1", "234", "567"], 1) == [["1,234,567"]]
    assert thousands_readings(["129", "127.0135"], 1) == [["129,127.0135"]]
    assert thousands_readings(["1", "234", "567"], 2) == [["1,234", "567"], ["1", "234,567"]]
    # a group never follows a zero, a group with decimals, or stands first; a lead is no group
    assert thousands_readings(["0", "502"], 1) == []
    assert thousands_readings(["1.5", "502"], 1) == []
    assert thousands_readings(["12", "50"], 1) == []
    assert thousands_readings(["1"] + ["234"] * 40, 21) is None   # too many ways: not weighed


def test_a_space_split_row_reads_a_figure_whose_thousands_are_grouped_by_spaces():
    report = _spaced_report("zhoukou_city_2021", "⾏政处罚 348019", "⾏政处罚 348 019")
    assert report["s2"]["penalty"]["decisions"] == 348019
    assert _named(report, "s2.penalty.decisions") == []
    report = _spaced_report("huangchuan_2021", "行政规范性文件 6 32 74", "行政规范性文件 6 32 12 502")
    assert report["s2"]["normative_docs"] == {"issued": 6, "repealed": 32, "in_force": 12502}


def test_a_table_three_row_reads_its_groups_where_the_row_adds_up():
    report = _spaced_report("huangchuan_2021", "一、本年新收政府信息公开申请数量 3 0 0 0 0 16 19",
                            "一、本年新收政府信息公开申请数量 3 0 0 0 0 1 016 1 019")
    assert report["s3"]["new_received"] == {"natural_person": 3, "commercial_enterprise": 0,
                                            "research_institution": 0, "social_welfare_org": 0,
                                            "legal_service_org": 0, "other_org": 1016, "total": 1019}
    # the balance the altered row breaks is an error: a group after its lead (016) is no OCR noise
    assert ("s3.balance", "error") in _named(report, "s3.new_received.total")


def test_a_joined_figure_the_rows_sum_does_not_confirm_is_unread_never_an_error():
    report = _spaced_report("huangchuan_2021", "一、本年新收政府信息公开申请数量 3 0 0 0 0 16 19",
                            "一、本年新收政府信息公开申请数量 3 0 0 0 0 12 502 19")
    assert report["s3"]["new_received"]["other_org"] is None
    assert report["s3"]["new_received"]["total"] == 19
    assert _named(report, "s3.new_received.other_org") == [("cell.unread", "warning")]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_cells_the_ways_of_joining_disagree_on_are_unread():
    report = _spaced_report("huangchuan_2021", "行政规范性文件 6 32 74", "行政规范性文件 134 262 1 408")
    assert report["s2"]["normative_docs"] == {"issued": None, "repealed": None, "in_force": None}
    assert _named(report, "s2.normative_docs.in_force") == [("cell.unread", "warning")]


def test_a_group_split_from_its_lead_is_no_ocr_noise_a_zero_led_count_is():
    assert not shows_ocr_noise(lines_from_text("行政处罚 1 016 3\n"))
    assert shows_ocr_noise(lines_from_text("行政处罚 0 016 3\n"))


def test_a_row_before_the_tail_of_its_wrapped_figure_is_unread_never_read_short():
    # a narrow cell wrapped 12502: the row-per-line text prints 12, then 502 on a line of its own (a page's number?)
    report = _spaced_report("huangchuan_2021", "行政许可 12502", "行政许可 12\n502")
    assert report["s2"]["licensing"]["decisions"] is None
    assert _named(report, "s2.licensing.decisions") == [("cell.unread", "warning")]
    # a tail no page's number can be (decimals): the one way of writing it on to the row's one figure
    fee = "⾏政事业性收费 129127.0135"
    report = _spaced_report("zhoukou_city_2021", fee, fee.replace(" 12", " 12\n"))
    assert report["s2"]["admin_fees"]["amount_wan_yuan"] == "129127.0135"
    assert _named(report, "s2.admin_fees.amount_wan_yuan") == [("row.repaired", "warning")]
    assert report["s2"]["coercion"]["decisions"] == 33716
    # a tail led by 0 is no page's number: written on to the row's one figure
    report = _spaced_report("huangchuan_2021", "行政强制 21", "行政强制 1\n082")
    assert report["s2"]["coercion"]["decisions"] == 1082
    assert _named(report, "s2.coercion.decisions") == [("row.repaired", "warning")]


def test_a_table_three_row_takes_the_tails_of_its_wrapped_figures_right_under_it_where_its_sum_decides():
    # narrow cells wrapped 16 and 19: the row's line holds its width in heads (1 1), the tails (6 9) right under it
    row = "一、本年新收政府信息公开申请数量 3 0 0 0 0 16 19"
    report = _spaced_report("huangchuan_2021", row, row.replace("16 19", "1 1\n6 9"))
    assert list(report["s3"]["new_received"].values()) == [3, 0, 0, 0, 0, 16, 19]
    assert _named(report, "s3.new_received.total") == [("row.repaired", "warning")]
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    # a row printed short (zeros blank): its last figure the sum of the others decides the tails too
    report = _spaced_report("huangchuan_2021", "(一) 予以公开 2 0 0 0 16 18", "(一) 予以公开 2 0 0 0 1 1\n6 8")
    assert report["s3"]["result.granted"]["total"] == 18
    # two ways hold (1 1 1 with 1 1: 11 1 12 or 1 11 12): unread, never read as printed
    report = _spaced_report("huangchuan_2021", row, "一、本年新收政府信息公开申请数量 0 0 0 0 1 1 1\n1 2")
    assert set(report["s3"]["new_received"].values()) == {None}
    assert _named(report, "s3.new_received.total") == [("cell.unread", "warning")]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_line_no_figure_of_the_row_above_can_continue_is_no_tail():
    # a row of zeros, a line of zeros under it (the rest of a row a text view wrapped): no figure is continued from 0
    row = "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"
    report = _spaced_report("huangchuan_2021", row, row + "\n0 0")
    assert list(report["s3"]["carried_over"].values()) == [0] * 7
    assert _named(report, "s3.carried_over.total") == []   # read as printed, not unread and placed by sums


def test_a_line_of_digits_after_a_blank_line_is_no_tail_of_the_row_above():
    # a whole row that breaks its sum is the report's error, whatever stands after the blank line under it
    row = "一、本年新收政府信息公开申请数量 3 0 0 0 0 16 19"
    report = _spaced_report("huangchuan_2021", row, row.replace("16 19", "1 1\n\n6 9"))
    assert list(report["s3"]["new_received"].values()) == [3, 0, 0, 0, 0, 1, 1]
    assert ("s3.row_sum", "error") in _named(report, "s3.new_received.total")


def test_an_unread_table_four_cell_is_quoted_as_printed_never_as_the_unread_mark():
    report = _spaced_report("huangchuan_2021", "3 0 0 0 3 18 5 1 0 24 7 0 0 0 7",
                            "3 0 0 0 3 18 5 1 0 24 1 234 567 0 0 7")
    assert report["s4"]["litigation_after_review"]["upheld"] is None
    [finding] = [f for f in report["findings"] if "s4.litigation_after_review.upheld" in f["cells"]]
    assert finding["rule"] == "cell.unread"
    assert "1 234 567" in finding["message"] and "\ufffd" not in finding["message"]
    assert [e["text"] for e in finding["evidence"]] == ["3 0 0 0 3 18 5 1 0 24 1 234 567 0 0 7"]


def test_two_tab_cells_are_two_figures_never_one_figures_groups():
    # a tab delimits cells (a cell's own 12 502 is joined within it): one cell too many is unread, never 74,100
    text = seed_bytes("huangchuan_2021").decode()
    for row in ("行政规范性文件\t6\t32\t74\t100", "行政规范性文件\t6\t32\t12\t502"):
        report = parse_document(text.replace("行政规范性文件\t6\t32\t74", row).encode(), "x.txt").to_dict()
        assert report["s2"]["normative_docs"] == {"issued": None, "repealed": None, "in_force": None}
        assert _named(report, "s2.normative_docs.in_force") == [("cell.unread", "warning")]
    assert _values(lines_from_text("规章\t1\t288\n")) == {"规章": ["1", "288"]}
    assert [line.cells_delimited for line in lines_from_text("规章\t1\t288\n| 规章 | 1 |\n规章 1 288\n")] \
        == [True, True, False]


def test_figures_listed_as_many_as_a_rows_cells_are_its_cells_in_order_else_unread_never_blank():
    report = _spaced_report("huangchuan_2021", "行政规范性文件 6 32 74", "行政规范性文件 6，32，74")
    assert report["s2"]["normative_docs"] == {"issued": 6, "repealed": 32, "in_force": 74}
    assert not _named(report, "s2.normative_docs.in_force")
    # a list one figure short of the row's cells (a blank cell it left out) places none of them
    report = _spaced_report("huangchuan_2021", "行政规范性文件 6 32 74", "行政规范性文件 6，32")
    assert report["s2"]["normative_docs"] == {"issued": None, "repealed": None, "in_force": None}
    assert _named(report, "s2.normative_docs.in_force") == [("cell.unread", "warning")]
    # 1，288 reads as one figure in a cell; listed in a label, the figure after is not surely the item's
    report = _spaced_report("huangchuan_2021", "行政许可 12502", "行政许可 1，288，行政处罚 2331")
    assert report["s2"]["licensing"]["decisions"] is None
    assert _spaced_report("huangchuan_2021", "行政许可 12502", "行政许可 1，288")["s2"]["licensing"]["decisions"] == 1288


def test_a_table_three_row_listing_its_figures_reads_them_in_order_one_short_by_the_sums_else_unread_never_zeros():
    granted = "(一) 予以公开 2 0 0 0 16 18"
    # listed as many as the row's cells (kaifeng's and zhoukou_city's lists): its cells in order, the row's sum
    # the report's
    report = _spaced_report("huangchuan_2021", granted, "(一) 予以公开 2，0，0，0，0，16，18")
    assert list(report["s3"]["result.granted"].values()) == [2, 0, 0, 0, 0, 16, 18]
    assert not _named(report, "s3.result.granted.total")
    # one figure short (a cell left out without a trace): read as the row printed with spaces is, the left-out
    # cell where the table's sums put it (huangchuan's 予以公开 prints six figures: R3.2's 自然人 3 = 2 + 1 places
    # the 2 first), named by row.repaired
    report = _spaced_report("huangchuan_2021", granted, "(一) 予以公开 2，0，0，0，16，18")
    assert list(report["s3"]["result.granted"].values()) == [2, 0, 0, 0, 0, 16, 18]
    assert _named(report, "s3.result.granted.total") == [("row.repaired", "warning")]
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    # two figures short: beyond the lost-cell readings, unread, never placed by the table's sums nor read as zeros
    report = _spaced_report("huangchuan_2021", granted, "(一) 予以公开 2，0，0，16，18")
    assert list(report["s3"]["result.granted"].values()) == [None] * 7
    assert _named(report, "s3.result.granted.total") == [("cell.unread", "warning")]
    [finding] = [f for f in report["findings"] if "s3.result.granted.total" in f["cells"]]
    assert "2,0,0,16,18" in finding["message"] and "\ufffd" not in finding["message"]
    assert not [f for f in report["findings"] if f["rule"] in ("cell.blank", "cell.placed_by_sum")
                and "s3.result.granted.total" in f["cells"]]


def test_table_four_written_as_one_list_of_its_fifteen_figures_is_read_in_order():
    report = _spaced_report("huangchuan_2021", "3 0 0 0 3 18 5 1 0 24 7 0 0 0 7",
                            "3，0，0，0，3，18，5，1，0，24，7，0，0，0，7")
    assert list(report["s4"]["litigation_direct"].values()) == [18, 5, 1, 0, 24]
    assert not [f for f in report["findings"] if f["rule"] == "cell.blank" and "s4.review.total" in f["cells"]]
    # fourteen figures listed: no table 四 read from them, nor printed blank
    report = _spaced_report("huangchuan_2021", "3 0 0 0 3 18 5 1 0 24 7 0 0 0 7",
                            "3，0，0，0，3，18，5，1，0，24，7，0，0，7")
    assert not [f for f in report["findings"] if f["rule"] == "cell.blank" and "s4.review.total" in f["cells"]]
    assert report["s4"] is None or report["s4"]["review"]["total"] is None


def test_a_table_three_label_its_figures_listed_after_is_unread_never_missing():
    # 3.其他 with its figures listed names no row as printed, and a wrapped label may take it: the row is printed,
    # its figures unread
    report = _spaced_report("huangchuan_2021", "3.其他 0 0 0 0 0 0", "3.其他 0，0，1，0，0，1")
    assert _named(report, "s3.result.other.other.total") == [("cell.unread", "warning")]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_table_three_row_listing_zeros_alone_one_short_or_more_is_a_row_of_zeros():
    # whichever cell a list of zeros left out is 0 by the row's sum, and zeros beyond its columns are any columns':
    # every reading is the same row (named row.repaired, as the row printed with spaces is)
    report = _spaced_report("huangchuan_2021", "3.其他 0 0 0 0 0 0", "3.其他 0，0，0，0，0，0")
    assert list(report["s3"]["result.other.other"].values()) == [0] * 7
    assert _named(report, "s3.result.other.other.total") == [("row.repaired", "warning")]
    report = _spaced_report("huangchuan_2021", "3.其他 0 0 0 0 0 0", "3.其他 " + "，".join(["0"] * 12))
    assert list(report["s3"]["result.other.other"].values()) == [0] * 7
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    # five zeros for seven cells (two left out): beyond the rule (one short at most), unread
    report = _spaced_report("huangchuan_2021", "3.其他 0 0 0 0 0 0", "3.其他 0，0，0，0，0")
    assert _named(report, "s3.result.other.other.total") == [("cell.unread", "warning")]


def test_table_four_listed_alone_under_no_heading_is_read_as_printed_a_list_of_another_width_never_missing():
    # zhoukou_office prints table 四 as one line of 15 figures under no heading: listed, it is read as the same
    # line printed with spaces is (in order, as under its heading), never as table 三 (7), whose section stays missing
    zeros = " ".join(["0"] * 15)
    report = _spaced_report("zhoukou_office_2021", zeros, "，".join(["0"] * 14 + ["3"]))
    assert list(report["s4"]["litigation_after_review"].values()) == [0, 0, 0, 0, 3]
    found = {(f["rule"], f["severity"], f["message"][:6]) for f in report["findings"] if f["rule"].startswith("section")}
    assert ("section.heading_missing", "warning", "未找到第四部") in found
    assert ("section.missing", "error", "缺少第三部分") in found
    assert ("section.missing", "error", "缺少第四部分") not in found
    # fourteen listed: no row of table 四 (a list leaves no blank cell to find), its figures said unread
    report = _spaced_report("zhoukou_office_2021", zeros, "，".join(["0"] * 14))
    assert report["s4"] is None
    found = {(f["rule"], f["severity"], f["message"][:6]) for f in report["findings"]
             if f["rule"].startswith("section")}
    assert ("section.not_found", "warning", "未找到第四部") in found
    assert ("section.missing", "error", "缺少第四部分") not in found


def _tab_report(old: str, new: str) -> dict:
    text = text_in_notation("huangchuan_2021", "tab-extra-cell").decode()
    assert old in text
    return parse_document(text.replace(old, new).encode(), "x.txt").to_dict()


def test_a_tab_row_short_of_a_column_with_a_cell_after_its_total_is_read_without_it():
    # every row carries one more cell (100) than table 三's columns: the rows printing 7 figures hold their sum
    # without their last, so the column is after 总计; huangchuan's rows printed short (6 figures) carry it as 7th
    granted = "2\t0\t0\t0\t16\t18\t100"
    report = _tab_report(granted, granted)
    assert list(report["s3"]["result.granted"].values()) == [2, 0, 0, 0, 0, 16, 18]
    assert report["s3"]["result.partial"]["total"] == 0
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    # the rest of a row that does not hold either: unread, never the report's error
    report = _tab_report(granted, "2\t0\t0\t0\t16\t19\t100")
    assert report["s3"]["result.granted"]["total"] is None
    assert ("cell.unread", "warning") in _named(report, "s3.result.granted.total")
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    # no row printing one figure more than the columns shows a column after 总计: a whole row as printed, its error
    # the report's
    report = parse_document(seed_bytes("huangchuan_2021").decode().replace(
        "2\t0\t0\t0\t16\t18", "2\t0\t0\t0\t16\t18\t100").encode(), "x.txt").to_dict()
    assert report["s3"]["result.granted"]["total"] == 100
    assert ("s3.row_sum", "error") in _named(report, "s3.result.granted.total")


def test_the_tails_of_figures_wrapped_under_a_row_are_no_ocr_noise():
    # 508 wrapped as 5 / 08: the tail begins with 0, right under a row of as many figures or more
    assert not shows_ocr_noise(lines_from_text("一、本年新收政府信息公开申请数量 5 2 0 0 3 2 5\n08 3 45\n"))
    # a count with a leading zero in a row, after a blank line, or on a line of more figures than the row above,
    # is OCR's
    assert shows_ocr_noise(lines_from_text("一、本年新收政府信息公开申请数量 5 2 0 0 3 2 5\n\n08 3 45\n"))
    assert shows_ocr_noise(lines_from_text("一、本年新收政府信息公开申请数量 508 2 0 010 33 2 545\n"))
    assert shows_ocr_noise(lines_from_text("规章 1 0\n08 3 45\n"))


def test_a_table_two_item_is_unread_only_where_a_line_of_digits_stands_right_under_it():
    # 行政许可 12 / 502: the tail of a wrapped cell, right under its item's line
    report = _spaced_report("huangchuan_2021", "行政许可 12502", "行政许可 12\n502")
    assert report["s2"]["licensing"]["decisions"] is None
    assert _named(report, "s2.licensing.decisions") == [("cell.unread", "warning")]
    # after a blank line (a text box ended) a stray figure is no tail: the item is read as printed
    report = _spaced_report("huangchuan_2021", "行政许可 12502", "行政许可 12502\n\n7")
    assert report["s2"]["licensing"]["decisions"] == 12502


def test_a_table_two_cell_after_every_rows_columns_under_no_header_is_dropped_else_the_row_unread():
    # every item row of 表二 carries one cell (100) after its columns, each under a header naming just its columns
    report = _tab_report("行政规范性文件\t6\t32\t74\t100", "行政规范性文件\t6\t32\t74\t100")
    assert report["s2"]["normative_docs"] == {"issued": 6, "repealed": 32, "in_force": 74}
    assert report["s2"]["licensing"]["decisions"] == 12502
    assert report["s2"]["admin_fees"]["amount_wan_yuan"] == "144.4399"
    assert ("row.repaired", "warning") in _named(report, "s2.licensing.decisions")
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    # one row holding just its columns: no column after them, the longer rows' last cell may be a thousands group
    report = _tab_report("规章\t0\t0\t0\t100", "规章\t0\t0\t0")
    assert report["s2"]["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}
    assert report["s2"]["licensing"]["decisions"] is None
    assert ("cell.unread", "warning") in _named(report, "s2.licensing.decisions")
    # every row's last cell a thousands group the cell before it may lead: groups apart as likely as a column
    report = _tab_report("规章\t0\t0\t0\t100", "规章\t0\t0\t1\t100")
    assert report["s2"]["licensing"]["decisions"] == 12502
    text = text_in_notation("huangchuan_2021", "tab-extra-cell").decode()
    for old, new in (("规章\t0\t0\t0\t100", "规章\t0\t0\t1\t100"), ("行政许可\t12502\t100", "行政许可\t12\t502"),
                     ("行政处罚\t2331\t100", "行政处罚\t2\t331")):
        text = text.replace(old, new)
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert report["s2"]["licensing"]["decisions"] is None
    assert report["s2"]["coercion"]["decisions"] is None
    # a header naming a column more than the row's item (the cell after is under it): no column the template lacks
    report = _tab_report("信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
                         "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\t备注")
    assert report["s2"]["normative_docs"]["in_force"] is None


def test_a_table_two_cell_no_count_reads_that_may_be_a_group_of_the_figure_before_leaves_the_item_unread():
    # 1082 with its thousands group in a cell of its own: 082 is no count, yet no speck to leave out either
    text = seed_bytes("huangchuan_2021").decode()
    assert "行政强制\t21\t" in text
    report = parse_document(text.replace("行政强制\t21\t", "行政强制\t1\t082\t").encode(), "x.txt").to_dict()
    assert report["s2"]["coercion"]["decisions"] is None
    assert _named(report, "s2.coercion.decisions") == [("cell.unread", "warning")]

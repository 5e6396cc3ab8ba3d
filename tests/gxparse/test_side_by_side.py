"""Figures in a text box holding several columns side by side (gxparse.extraction.sidebyside), on small frozen
streams as pdfminer.six with ``LAParams(boxes_flow=None)`` writes a narrow LibreOffice print: a header spanning
columns joins their header words and the figures under them into one box whose lines come by their top edge,
side by side in the tool's order. Those cells are read right or unread, never swapped."""

from __future__ import annotations

from gxparse.document import lines_from_text
from gxparse.extraction.sidebyside import doubted_cells, side_by_side
from gxparse.tables.s4 import read_s4
from gxparse.template import S3_COLUMNS, S3_ORG_HEADER, S4_COLUMNS

# section 四 of simsite-c00-2019 printed narrow (tests/fixtures/extracted/pdfminer-flow): 未经复议直接起诉's box
# holds 结果维持 and 结果纠正 side by side, 纠正's 0 written before 维持's 1
_S4 = "\n".join([
    "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结", "结", "果", "果", "纠", "维", "正", "持", "",
    "其", "他", "结", "果", "", "尚", "未", "审", "结", "", "1", "", "1", "", "0", "", "1", "", "3", "",
    "行政诉讼", "未经复议直接起诉", "结", "结", "果", "果", "纠", "维", "正", "持", "0", "1", "",
    "其", "他", "结", "果", "1", "", "尚", "未", "审", "结", "0", "", "2", "",
    "复议后起诉", "结", "果", "维", "持", "1", "", "结", "果", "纠", "正", "1", "", "其", "他", "结", "果", "0", "",
    "尚", "未", "审", "结", "0", "", "2", ""])


def test_figures_in_a_box_of_two_columns_side_by_side_are_unread_never_read_in_the_boxs_order():
    s4 = read_s4(lines_from_text(_S4)).table
    assert s4 is not None
    assert {c: cell.value for c, cell in s4["litigation_direct"].items()} == \
        {"upheld": None, "corrected": None, "other": 1, "pending": 0, "total": 2}
    assert {c: cell.value for c, cell in s4["litigation_after_review"].items()} == \
        {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2}


def test_a_box_of_columns_side_by_side_names_its_columns_and_figures():
    lines = lines_from_text("306 4\n\n法人或其他组织\n社\n科\n商\n会\n研\n业\n公\n机\n企\n益\n构\n业\n组\n织\n6\n\n5\n")
    boxes = side_by_side(lines, [c.label for c in S3_COLUMNS], [S3_ORG_HEADER])
    assert [(sorted(b.columns), len(b.figures)) for b in boxes] == [([1, 2, 3], 1)]
    six = next(iter(boxes[0].figures))
    # 306 and 4 share a line (left to right: in place); 6 and 5 are 科研机构's and 社会公益组织's in either order
    row, values = ["l1", "l1", six, "l5", "l6", "l7", "l8"], ["306", "4", "6", "5", "9", "4", "334"]
    assert doubted_cells(row, values, len(S3_COLUMNS), boxes) == [2, 3]
    # the same figure in every doubted cell is read: any order gives it
    assert doubted_cells(row, ["306", "4", "0", "0", "9", "4", "323"], len(S3_COLUMNS), boxes) == []


def test_a_box_of_one_columns_header_words_is_no_box_side_by_side():
    lines = lines_from_text("复议后起诉\n结\n果\n维\n持\n1\n\n结\n果\n纠\n正\n1\n")
    assert side_by_side(lines, [c.label for c in S4_COLUMNS], ["复议后起诉"]) == []
    # nor one holding more figures than its columns (rows stacked: another layout)
    lines = lines_from_text("结\n结\n果\n果\n纠\n维\n正\n持\n0\n1\n2\n")
    assert side_by_side(lines, [c.label for c in S4_COLUMNS], []) == []


def test_header_pieces_written_level_by_level_left_to_right_leave_the_figures_in_order():
    # pdftotext writes lines side by side left to right, figures too: nothing is doubted
    columns = [c.label for c in S4_COLUMNS]
    assert side_by_side(lines_from_text("结\n结\n果\n果\n维\n纠\n持\n正\n1\n0\n"), columns, []) == []
    # the columns under a spanning header printed after the first column's first piece start a level lower
    lines = lines_from_text("申请人情况\n自\n法人或其他组织\n然\n商\n科\n社\n人\n业\n研\n会\n企\n机\n公\n业\n构\n益\n组\n织\n"
                            "3\n0\n0\n0\n")
    assert side_by_side(lines, [c.label for c in S3_COLUMNS], ["申请人情况", S3_ORG_HEADER]) == []
    # the same pieces out of that order (纠 before 维) are pdfminer.six's grouping order: doubted
    assert len(side_by_side(lines_from_text("结\n结\n果\n果\n纠\n维\n正\n持\n0\n1\n"), columns, [])) == 1

"""Table 二 as pdfminer.six with ``LAParams(boxes_flow=None)`` writes a narrow LibreOffice print (frozen excerpts of
tests/fixtures/extracted/pdfminer-flow/*.narrow): the column boxes by their lower edge, the first before the
section's heading, others among the items' label lines. A label alone there is unread, never read as blank; a
figure under another item's header words is never the figure of the item a label reading gave it to."""

from __future__ import annotations

from gxparse.document import lines_from_text
from gxparse.tables.s2 import read_s2, s2_lead

_HEADING = "二、主动公开政府信息情况"


def _read(text: str) -> dict[str, dict[str, object]]:
    lines = lines_from_text(text)
    at = next(n for n, line in enumerate(lines) if line.label == _HEADING)
    read = read_s2(lines[at + 1:], "v2021", s2_lead(lines[:at], "v2021"))
    assert read.table is not None
    return {item: {column: cell.value for column, cell in cells.items()} for item, cells in read.table.items()}


def test_a_label_alone_is_no_blank_row_where_the_tables_boxes_stand_before_its_heading():
    # kaifeng_2021: 规章 and 行政规范性文件's figures (1 134, 0 262, 4 1408) stand before the heading, their labels alone
    table = _read("本年制发件数 本年废止件数 现行有效件数\n1\n134\n\n0\n262\n\n4\n1408\n\n本年处理决定数量\n206743\n\n"
                  "本年处理决定数量\n10582\n1082\n\n本年收费金额（单位：万元）\n8937.0276\n\n" + _HEADING + "\n"
                  "第二十条第（一）项\n信息内容\n规章\n行政规范性文\n件\n第二十条第（五）项\n信息内容\n行政许可\n"
                  "第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n第二十条第（八）项\n信息内容\n行政事业性收\n费\n\n")
    assert table["normative_docs"] == {"issued": None, "repealed": None, "in_force": None}
    assert table["licensing"] == {"decisions": 206743}
    assert table["admin_fees"] == {"amount_wan_yuan": "8937.0276"}



def test_a_row_every_column_box_agrees_on_is_read_under_one_line_naming_the_columns():
    # huangchuan_2021: the names on one line, a box of two figures for each column (规章's, 行政规范性文件's) before the
    # heading; which box is which column the tool's order does not say: 规章's 0 in every box is read, the other not
    table = _read("本年制发件数 本年废止件数 现行有效件数\n0\n6\n\n0\n32\n\n0\n74\n\n" + _HEADING + "\n"
                  "第二十条第（一）项\n信息内容\n规章\n行政规范性文\n件\n\n本年处理决定数量\n12502\n\n"
                  "本年收费金额（单位：万元）\n144.4399\n\n第二十条第（五）项\n信息内容\n行政许可\n"
                  "第二十条第（六）项\n本年处理决定数量\n信息内容\n2331\n行政处罚\n行政强制\n21\n"
                  "第二十条第（八）项\n信息内容\n行政事业性收\n费\n\n")
    assert table["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}
    assert table["normative_docs"] == {"issued": None, "repealed": None, "in_force": None}


def test_a_figure_under_another_items_header_is_not_the_item_its_label_reading_gave_it():
    # huangchuan_2021: 本年收费金额's 144.4399 printed among 行政许可's label lines is 行政事业性收费's, never 行政许可's
    lines = lines_from_text("本年制发件数 本年废止件数 现行有效件数\n0\n6\n\n0\n32\n\n0\n74\n\n" + _HEADING + "\n"
                            "第二十条第（一）项\n信息内容\n规章\n行政规范性文\n件\n\n本年处理决定数量\n12502\n\n"
                            "本年收费金额（单位：万元）\n144.4399\n\n第二十条第（五）项\n信息内容\n行政许可\n"
                            "第二十条第（六）项\n本年处理决定数量\n信息内容\n2331\n行政处罚\n行政强制\n21\n"
                            "第二十条第（八）项\n信息内容\n行政事业性收\n费\n\n")
    at = next(n for n, line in enumerate(lines) if line.label == _HEADING)
    read = read_s2(lines[at + 1:], "v2021", s2_lead(lines[:at], "v2021"))
    assert read.table is not None
    licensing = read.table["licensing"]["decisions"]
    assert licensing.value is None and not licensing.invalid   # unread, never a count printed with decimals
    assert read.table["admin_fees"]["amount_wan_yuan"].value == "144.4399"


def test_table_fours_header_pieces_between_table_twos_boxes_and_its_heading_end_nothing():
    # zhoukou_office_2021 (table 四 runs on under table 二, no heading of its own): its 总计 columns' broken header
    # words (总 / 计) stand between table 二's column boxes and section 二's heading
    table = _read("本年制发件数\n0\n12\n\n本年废止件数\n0\n18\n\n现行有效件数\n0\n271\n\n本年处理决定数量\n3\n\n"
                  "本年处理决定数量\n5\n0\n\n本年收费金额（单位：万元）\n\n总\n计\n\n总\n计\n\n" + _HEADING + "\n"
                  "第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n第二十条第（五）项\n信息内容\n行政许可\n"
                  "第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n第二十条第（八）项\n信息内容\n")
    assert table["normative_docs"] == {"issued": 12, "repealed": 18, "in_force": 271}
    assert table["licensing"] == {"decisions": 3}
    assert table["penalty"] == {"decisions": 5}
    assert table["coercion"] == {"decisions": 0}


def test_a_figure_after_table_fours_header_pieces_is_no_figure_of_table_two():
    # 总 / 计 / 0 right before the heading: table 四's 总计 column box with its figure, not 本年收费金额's; the lead
    # (which holds only column names and the figures under them) ends there
    lines = lines_from_text("本年制发件数\n0\n12\n\n本年收费金额（单位：万元）\n\n总\n计\n0\n\n" + _HEADING + "\n")
    assert s2_lead(lines[:-1], "v2021") == []


def test_a_label_reading_of_fewer_figures_that_the_header_reading_holds_gives_way_to_it():
    # simsite-c00-2019: 政府集中采购 / 采购项目数量 / 2 read by its label (one figure of two), the item's columns under
    # their header words 2 and 32.00: no disagreement, the whole reading stands
    lines = lines_from_text("第二十条第（九）项\n信息内容\n政府集中采购\n\n采购项目数量\n2\n\n采购总金额\n32.00\n\n总计\n\n")
    read = read_s2(lines, "v2019")
    assert read.table is not None
    assert {key: cell.value for key, cell in read.table["central_procurement"].items()} == {
        "projects": 2, "amount": "32.00"}

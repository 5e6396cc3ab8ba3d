"""simsite.render: the official table layout, checked cell by cell on the expanded grid."""

from __future__ import annotations

import lxml.html
import pytest

from gxparse.template import (
    S2_ITEMS, S3_COLUMNS, S3_CORNER_NOTE, S3_RESULTS_GROUP, S3_ROWS, S4_BLOCKS, S4_COLUMNS, SECTIONS,
)
from simsite.render import render_report_html


def make_report(template: str, *, single_other: bool = False) -> dict:
    """A report whose every cell holds a distinct value, so a value found proves its position."""
    counter = iter(range(1, 10_000))
    s2 = {item.key: {c.key: (f"{next(counter)}.25" if c.key in item.money else next(counter))
                     for c in item.columns} for item in S2_ITEMS[template]}
    rows = [r.key for r in S3_ROWS[template]]
    if single_other:
        rows = [k for k in rows if not k.startswith("result.other.")]
        rows.insert(rows.index("result.total"), "result.other")
    s3 = {row: {c.key: next(counter) for c in S3_COLUMNS} for row in rows}
    s4 = {b.key: {c.key: next(counter) for c in S4_COLUMNS} for b in S4_BLOCKS}
    return {"title": "示例市人民政府2021年政府信息公开工作年度报告", "agency": "示例市人民政府", "year": 2021,
            "template": template, "s2": s2, "s3": s3, "s4": s4,
            "s1_text": "第一段。\n\n第二段。", "s5_text": "问题。", "s6_text": "无。"}


def tables(html: str) -> list:
    return lxml.html.fromstring(html).findall(".//table")


def grid(table) -> list[list[str]]:
    """The table expanded into a full grid: a merged cell's text fills every slot it covers."""
    out: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for td in tr:
            while (r, c) in out:
                c += 1
            for dr in range(int(td.get("rowspan", 1))):
                for dc in range(int(td.get("colspan", 1))):
                    out[(r + dr, c + dc)] = td.text_content()
            c += int(td.get("colspan", 1))
    height = max(r for r, _ in out) + 1
    width = max(c for _, c in out) + 1
    return [[out.get((r, c)) for c in range(width)] for r in range(height)]


def spans(table, text: str) -> tuple[int, int]:
    td = next(td for td in table.iter("td") if td.text_content() == text)
    return int(td.get("rowspan", 1)), int(td.get("colspan", 1))


def test_page_declares_charset_and_title():
    html = render_report_html(make_report("v2021"), charset="gbk")
    doc = lxml.html.fromstring(html)
    assert doc.find(".//meta").get("charset") == "gbk"
    assert doc.findtext(".//title") == doc.findtext(".//h1") == "示例市人民政府2021年政府信息公开工作年度报告"


def test_charset_none_leaves_the_declaration_out():
    assert "<meta" not in render_report_html(make_report("v2021"), charset=None)


def test_six_section_headings_in_order():
    doc = lxml.html.fromstring(render_report_html(make_report("v2021")))
    assert [h.text_content() for h in doc.iter("h2")] == [f"{s.numeral}、{s.title}" for s in SECTIONS]


def test_prose_is_split_into_paragraphs_on_blank_lines():
    doc = lxml.html.fromstring(render_report_html(make_report("v2021")))
    assert [p.text_content() for p in doc.iter("p")] == ["第一段。", "第二段。", "问题。", "无。"]


@pytest.mark.parametrize("template", ["v2021", "v2019"])
def test_s2_caption_rows_span_the_table(template):
    t2 = tables(render_report_html(make_report(template)))[0]
    captions = {item.caption for item in S2_ITEMS[template]}
    for caption in captions:
        assert spans(t2, caption) == (1, 4)
    assert len(grid(t2)[0]) == 4


def test_s2_single_value_cells_span_three_columns():
    report = make_report("v2021")
    t2 = tables(render_report_html(report))[0]
    assert spans(t2, "本年处理决定数量") == (1, 3)
    assert spans(t2, str(report["s2"]["licensing"]["decisions"])) == (1, 3)
    assert spans(t2, report["s2"]["admin_fees"]["amount_wan_yuan"]) == (1, 3)


@pytest.mark.parametrize("template", ["v2021", "v2019"])
def test_s2_values_in_their_cells(template):
    report = make_report(template)
    g = grid(tables(render_report_html(report))[0])
    for item in S2_ITEMS[template]:
        row = next(r for r in g if r[0] == item.label)
        for n, column in enumerate(item.columns):
            assert row[1 + n] == str(report["s2"][item.key][column.key]), (item.key, column.key)


def test_s2_v2019_procurement_has_two_columns_filling_three_slots():
    t2 = tables(render_report_html(make_report("v2019")))[0]
    assert spans(t2, "采购总金额") == (1, 2)


def test_s3_header_block():
    t3 = tables(render_report_html(make_report("v2021")))[1]
    assert spans(t3, S3_CORNER_NOTE) == (3, 3)
    assert spans(t3, "申请人情况") == (1, 7)
    assert spans(t3, "法人或其他组织") == (1, 5)
    assert spans(t3, "自然人") == (2, 1)
    g = grid(t3)
    assert g[2][3:] == [c.label for c in S3_COLUMNS]
    assert spans(t3, "总计") == (2, 1)


@pytest.mark.parametrize("template, results, other", [("v2021", 22, 3), ("v2019", 20, None)])
def test_s3_group_cells_rowspan(template, results, other):
    t3 = tables(render_report_html(make_report(template)))[1]
    assert spans(t3, S3_RESULTS_GROUP) == (results, 1)
    assert spans(t3, "（三）不予公开") == (8, 1)
    assert spans(t3, "（四）无法提供") == (3, 1)
    assert spans(t3, "（五）不予处理") == (5, 1)
    assert spans(t3, "（六）其他处理") == ((other, 1) if other else (1, 2))
    assert spans(t3, "（七）总计") == (1, 2)
    assert spans(t3, "一、本年新收政府信息公开申请数量") == (1, 3)


def test_s3_v2021_with_single_other_row():
    t3 = tables(render_report_html(make_report("v2021", single_other=True)))[1]
    assert spans(t3, S3_RESULTS_GROUP) == (20, 1)
    assert spans(t3, "（六）其他处理") == (1, 2)


@pytest.mark.parametrize("template", ["v2021", "v2019"])
def test_s3_values_in_their_cells(template):
    report = make_report(template)
    g = grid(tables(render_report_html(report))[1])
    data = g[3:]
    assert len(data) == len(S3_ROWS[template])
    for row, line in zip(S3_ROWS[template], data):
        assert line[2] == row.label
        if row.group:
            assert line[1] == row.group
        assert line[3:] == [str(report["s3"][row.key][c.key]) for c in S3_COLUMNS], row.key


def test_s4_header_and_values():
    report = make_report("v2021")
    t4 = tables(render_report_html(report))[2]
    assert spans(t4, "行政复议") == (1, 5)
    assert spans(t4, "行政诉讼") == (1, 10)
    assert spans(t4, "未经复议直接起诉") == (1, 5)
    assert spans(t4, "复议后起诉") == (1, 5)
    assert spans(t4, "结果维持") == (2, 1)
    g = grid(t4)
    assert len(g) == 4 and len(g[0]) == 15
    assert g[2] == [c.label for _ in S4_BLOCKS for c in S4_COLUMNS]
    assert g[3] == [str(report["s4"][b.key][c.key]) for b in S4_BLOCKS for c in S4_COLUMNS]


def test_none_cells_render_empty():
    report = make_report("v2021")
    report["s3"]["result.granted"]["natural_person"] = None
    report["s4"]["review"]["total"] = None
    t3, t4 = tables(render_report_html(report))[1:]
    granted = next(r for r in grid(t3) if r[2] == "（一）予以公开")
    assert granted[3] == ""
    assert grid(t4)[3][4] == ""


def test_absent_table_renders_heading_only():
    report = make_report("v2021")
    report["s4"] = None
    html = render_report_html(report)
    assert len(tables(html)) == 2
    assert "四、政府信息公开行政复议、行政诉讼情况" in html


def test_labels_are_escaped():
    report = make_report("v2021")
    report["title"] = "A<B>&C"
    assert "<h1>A&lt;B&gt;&amp;C</h1>" in render_report_html(report)

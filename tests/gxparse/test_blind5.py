"""The rules round 6 of the blind renderings asked for (tests/fixtures/blind5, see its README), each on the
rendering that showed it and on the cases around it."""

from __future__ import annotations

import json

import pytest

from gxparse.readers.blockgraph import block_pieces, recognized
from gxparse.readers.layoutjson import layout_html
from tests.gxparse.extracted import EXTRACTED, differences

BLIND5 = EXTRACTED.with_name("blind5")


@pytest.mark.parametrize("rendering", [
    "mineru-content-list/kaifeng_2021.json",           # MinerU's blocks: each table's HTML in its own block
    "unstructured-json/zhoukou_city_2021.json",        # unstructured's elements: text_as_html beside flat text
    "docling-json/simsite-c01-2020.json",              # docling: body.children $refs, table_cells by offsets
    "docx2python-json/001_huaian_szf_2024.json",       # docx2python: tables × rows × cells × paragraphs
    "adobe-extract-json/003_huaian_hongze_2024.json",  # Adobe Extract: elements named by structure paths
    "textract-json/zhoukou_city_2021.json",            # Textract: CELL slots' WORDs, MERGED_CELLs over them
    "azure-di-json/001_huaian_szf_2024.json",          # Azure: paragraphs and tables apart, ordered by offsets
    "pdf2htmlex/003_huaian_hongze_2024.html",          # pdf2htmlEX: table 三's group labels a character a line
])
def test_every_cell_is_the_reports_figure_and_the_errors_are_the_reports(rendering):
    assert differences(BLIND5 / rendering) == {}


def test_a_pointer_held_by_a_field_points_back_and_is_not_followed():
    # docling's items name their parent by a $ref: following it would read the body again from every item
    doc = {"body": {"children": [{"$ref": "#/texts/0"}, {"$ref": "#/tables/0"}, {"$ref": "#/tables/1"}]},
           "texts": [{"parent": {"$ref": "#/body"}, "text": "一、总体情况"}],
           "tables": [{"parent": {"$ref": "#/body"}, "data": {"table_cells": [
               {"start_row_offset_idx": r, "end_row_offset_idx": r + 1, "start_col_offset_idx": c,
                "end_col_offset_idx": c + 1, "text": f"{r}{c}"} for r in range(2) for c in range(2)]}}
               for _ in range(2)]}
    assert layout_html(doc).count("<p>一、总体情况</p>") == 1


def test_blocks_kept_by_kind_are_read_in_the_order_of_their_offsets():
    cells = [{"rowIndex": 0, "columnIndex": c, "content": "x", "spans": [{"offset": 10 + c, "length": 1}]}
             for c in range(2)]
    later = [dict(c, spans=[{"offset": 30 + k, "length": 1}]) for k, c in enumerate(cells)]
    answer = {"content": "…", "paragraphs": [{"content": "二、主动公开", "spans": [{"offset": 0, "length": 5}]},
                                             {"content": "三、收到", "spans": [{"offset": 20, "length": 4}]}],
              "tables": [{"cells": cells}, {"cells": later}]}
    page = layout_html(answer)
    assert page.index("二、主动公开") < page.index("<table>") < page.index("三、收到") < page.rindex("<table>")


def test_one_field_holding_the_whole_report_is_no_layout_tools_blocks():
    answer = {"data": {"title": "x", "content": "<p>二、</p><table><tr><td>1</td></tr></table>"
                                                "<table><tr><td>2</td></tr></table>"}}
    assert layout_html(answer) is None
    assert layout_html(json.loads('[[[["只有一段"]]]]')) is None
    # a list API's articles, each holding its tables among its paragraphs, are no blocks of one document
    article = "<div><p>二、</p><table><tr><td>1</td></tr></table></div>"
    articles = {"data": [{"title": f"{year}年报告", "content": article} for year in (2022, 2023)]}
    assert layout_html(articles) is None


def test_structure_paths_make_tables_with_the_spans_their_cells_name():
    def cell(path: str, text: str, **spans: int) -> list[dict]:
        return [{"Path": path, "attributes": spans}, {"Path": path + "/P", "Text": text + " "}]

    answer = {"elements": [{"Path": "//Document/H1", "Text": "四、复议 "}, {"Path": "//Document/Table"},
                           *cell("//Document/Table/TR/TH", "行政复议", ColSpan=2),
                           *cell("//Document/Table/TR[2]/TD", "1"), *cell("//Document/Table/TR[2]/TD[2]", "2"),
                           {"Path": "//Document/Table[2]"}, *cell("//Document/Table[2]/TR/TD", "3")]}
    assert layout_html(answer).split("\n")[1:4] == [
        "<p>四、复议</p>", '<table><tr><td colspan="2">行政复议</td></tr><tr><td>1</td><td>2</td></tr></table>',
        "<table><tr><td>3</td></tr></table>"]


def _block(kind: str, ident: str, children: list[str] = (), top: float = 0.5, **more: object) -> dict:
    block = {"BlockType": kind, "Id": ident, "Page": 1, "Geometry": {"BoundingBox": {"Top": top}}, **more}
    return {**block, "Relationships": [{"Type": "CHILD", "Ids": list(children)}]} if children else block


def test_a_merged_cells_text_is_every_slots_words_and_lines_in_tables_are_no_paragraphs():
    # the label of a span over two rows is printed, and so read, in its second slot
    answer = {"Blocks": [
        _block("LINE", "l1", ["w0"], top=0.1, Text="四、复议"), _block("LINE", "l2", ["w1", "w2"], Text="不予 公开"),
        _block("WORD", "w0", top=0.1, Text="四、复议", TextType="PRINTED"),
        _block("WORD", "w1", Text="不予"), _block("WORD", "w2", Text="公开"), _block("WORD", "w3", Text="7"),
        _block("WORD", "w4", Text="8"),
        _block("TABLE", "t", top=0.4,
               Relationships=[{"Type": "CHILD", "Ids": ["c11", "c12", "c21", "c22"]},
                              {"Type": "MERGED_CELL", "Ids": ["m"]}]),
        _block("CELL", "c11", RowIndex=1, ColumnIndex=1), _block("CELL", "c12", ["w3"], RowIndex=1, ColumnIndex=2),
        _block("CELL", "c21", ["w1", "w2"], RowIndex=2, ColumnIndex=1),
        _block("CELL", "c22", ["w4"], RowIndex=2, ColumnIndex=2),
        _block("MERGED_CELL", "m", ["c11", "c21"], RowIndex=1, ColumnIndex=1, RowSpan=2, ColumnSpan=1)]}
    assert block_pieces(answer) == [
        "<p>四、复议</p>", '<table><tr><td rowspan="2">不予公开</td><td>7</td></tr><tr><td>8</td></tr></table>']
    assert recognized(answer)

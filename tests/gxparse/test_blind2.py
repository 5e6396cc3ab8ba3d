"""The rules round 2 of the blind renderings asked for (tests/fixtures/blind2, read whole in test_blind.py), on
the cases around them: what they must leave as it was."""

from __future__ import annotations

from gxparse import parse_document
from gxparse.layout.columnparts import joined_parts
from gxparse.layout.grid import expand_spans
from tests.gxparse.extracted import EXTRACTED

BLIND2 = EXTRACTED.with_name("blind2")


def _grid(rows: list[list[str]]):
    return expand_spans([[(text, 1, 1) for text in row] for row in rows])


def test_two_copies_of_one_table_are_not_joined_as_its_column_parts():
    # this year's table and last year's under it: the same labels and the same column headers
    table = [["项目", "自然人", "总计"], ["一、本年新收政府信息公开申请数量", "3", "3"]]
    assert joined_parts(_grid(table), _grid(table)) is None
    other = [["项目", "商业企业", "其他"], ["一、本年新收政府信息公开申请数量", "1", "0"]]
    assert [[s.text for s in row] for row in joined_parts(_grid(table), _grid(other))] == [
        ["项目", "自然人", "总计", "商业企业", "其他"], ["一、本年新收政府信息公开申请数量", "3", "3", "1", "0"]]


def _excel_page(cell: str) -> bytes:
    page = (BLIND2 / "excel-html" / "kaifeng_2021.htm").read_text(encoding="utf-8")
    assert page.count('x:num="8937.0276">8,937.03</td>') == 1
    return page.replace('x:num="8937.0276">8,937.03</td>', cell).encode("utf-8")


def test_an_amount_excel_shows_rounded_is_read_as_stored_only_where_the_display_is_its_rounding():
    report = parse_document(_excel_page('x:num="8937.0276">8,937.03</td>'), "kaifeng_2021.htm").to_dict()
    assert report["s2"]["admin_fees"]["amount_wan_yuan"] == "8937.0276"
    # a display that is no rounding of the stored value is what the report says: read as displayed
    report = parse_document(_excel_page('x:num="8937.0276">8,937.10</td>'), "kaifeng_2021.htm").to_dict()
    assert report["s2"]["admin_fees"]["amount_wan_yuan"] == "8937.10"

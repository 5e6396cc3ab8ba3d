"""Text an LLM pipeline keeps of a report (tests/fixtures/markdown/llm-segments, built by llm_segments.py in the
shape of real 宿迁市 and 打浦桥街道 2025 texts): what it did not keep is unread, never missing from the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from gxparse import parse_document
from tests.gxparse.seeds import expected

SEGMENTS = Path(__file__).parents[1] / "fixtures" / "markdown" / "llm-segments"


@pytest.fixture(scope="module")
def kept() -> dict:
    return parse_document((SEGMENTS / "kaifeng_2021.md").read_bytes(), "kaifeng_2021.md").to_dict()


@pytest.fixture(scope="module")
def headings_lost() -> dict:
    return parse_document((SEGMENTS / "kaifeng_2021.headings-lost.md").read_bytes(), "k.md").to_dict()


def _rules(report: dict, severity: str) -> list[str]:
    return [f["rule"] for f in report["findings"] if f["severity"] == severity]


def test_sub_tables_of_table_two_the_text_does_not_print_are_unread_not_missing(kept):
    seed = expected("kaifeng_2021")
    assert kept["s2"]["regulations"] == dict(zip(("issued", "repealed", "in_force"), seed["s2"]["regulations"]))
    assert _rules(kept, "error") == []
    # four rows unread, more than MAX_ROW_WARNINGS: one warning for the table naming them, every cell in cells
    (unread,) = [f for f in kept["findings"] if f["rule"] == "cell.unread" and f["cells"][0].startswith("s2.")]
    assert set(unread["cells"]) == {"s2.licensing.decisions", "s2.penalty.decisions", "s2.coercion.decisions",
                                    "s2.admin_fees.amount_wan_yuan"}
    assert "第二十条第（五）项" in unread["message"] and "读出的行为「规章」、「行政规范性文件」" in unread["message"]
    assert [list(kept["s4"][b].values()) for b in ("review", "litigation_direct", "litigation_after_review")] == \
        [seed["s4"][b] for b in ("review", "litigation_direct", "litigation_after_review")]


def test_a_first_section_whose_parts_are_printed_without_its_heading_is_not_missing(headings_lost):
    assert _rules(headings_lost, "error") == []
    (first,) = [f for f in headings_lost["findings"] if f["rule"] == "section.not_found" and "第一部分" in f["message"]]
    assert "分项小标题" in first["message"] and "(一)主动公开" in first["message"]
    # 五 is the last section found: its parts after table 四 show it is there, not that the text ends early
    (fifth,) = [f for f in headings_lost["findings"] if f["rule"] == "section.not_found" and "第五部分" in f["message"]]
    assert "分项小标题" in fifth["message"] and "(二)改进情况" in fifth["message"]


def test_the_rows_kept_of_table_three_are_read_and_the_others_unread(kept):
    seed = expected("kaifeng_2021")
    assert list(kept["s3"]["new_received"].values()) == seed["s3"]["new_received"]
    assert kept["s3"]["carried_over"]["total"] is None
    # one warning for the table, not one a row: the count, the row read, why; its cells every unread cell
    (unread,) = [f for f in kept["findings"] if f["rule"] == "cell.unread" and f["cells"][0].startswith("s3.")]
    assert unread["cells"] == [f"s3.{row}.{col}" for row, cols in kept["s3"].items() if row != "new_received"
                               for col in cols]
    assert "表三共25行，其中24行" in unread["message"] and "只保留了该表的1行" in unread["message"]
    assert "读出的行为「一、本年新收政府信息公开申请数量」" in unread["message"]


def test_a_lone_row_whose_sum_fails_is_no_part_of_table_three_read():
    text = (SEGMENTS / "kaifeng_2021.md").read_text(encoding="utf-8").replace("| 545 |", "| 546 |")
    report = parse_document(text.encode(), "k.md").to_dict()
    assert report["s3"] is None and "table.unread" in _rules(report, "warning")

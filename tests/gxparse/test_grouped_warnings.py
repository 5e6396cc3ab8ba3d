"""Warnings grouped so an officer's mail is short (checks.MAX_ROW_WARNINGS): a table's many repaired rows, table 四's
blocks all unread, the sections not found for one cause, each one warning whose ``cells`` still name every cell."""

from __future__ import annotations

from tests.gxparse.extracted import EXTRACTED, parsed_rendering


def _found(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


def test_a_table_every_row_of_which_was_repaired_is_one_warning_naming_every_cell():
    # pypdf lost a column of this borderless print: each of table 三's 25 rows printed 6 figures of 7
    report = parsed_rendering(EXTRACTED, "pypdf/zhoukou_xinfang_2021.borderless")
    (repaired,) = _found(report, "row.repaired")
    assert repaired["severity"] == "warning" and len(repaired["cells"]) == 25 * 7
    assert repaired["message"].startswith("表三全部25行印出的数字与表头不齐")
    assert "（如表三「一、本年新收政府信息公开申请数量」行（第72行）印有6个数（应为7个）" in repaired["message"]


def test_table_four_whose_three_blocks_are_all_unread_is_one_warning():
    report = parsed_rendering(EXTRACTED, "pdfium/kaifeng_2021.cms-blank")
    (unread,) = [f for f in _found(report, "cell.unread") if f["cells"][0].startswith("s4.")]
    assert len(unread["cells"]) == 12
    assert "表四共3行，其中3行" in unread["message"] and "「行政复议」、「未经复议直接起诉」、「复议后起诉」" in unread["message"]


def test_sections_not_found_for_one_cause_are_one_warning():
    # the tables alone (a table extractor's CSV of a print): no heading found, the four sections whose tables are
    # not there are not found for that one cause
    report = parsed_rendering(EXTRACTED, "pdfplumber-tables/zhoukou_office_2021.libreoffice")
    (not_found,) = _found(report, "section.not_found")
    assert not_found["message"].startswith("未找到第一部分“总体情况”、第三部分")
    assert "第五部分" in not_found["message"] and "第六部分" in not_found["message"]

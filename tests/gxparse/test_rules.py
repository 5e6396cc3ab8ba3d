"""Mutation tests: change one figure of a clean report; the rule fires and names the right cells."""

import pytest

from gxparse import parse_document
from tests.gxparse.seeds import seed_bytes


def mutate(seed: str, old: str, new: str) -> list:
    text = seed_bytes(seed).decode("utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {seed}"
    return parse_document(text.replace(old, new).encode("utf-8"), seed).findings


def fired(findings: list, rule: str) -> list:
    return [f for f in findings if f.rule == rule]


S3_NEW = "一、本年新收政府信息公开申请数量\t\t508\t2\t0\t0\t33\t2\t545"


def test_row_sum_names_the_row():
    (finding,) = fired(mutate("kaifeng_2021", S3_NEW, S3_NEW.replace("\t508\t", "\t509\t")), "s3.row_sum")
    assert finding.severity == "error"
    assert finding.cells == [f"s3.new_received.{c}" for c in (
        "natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org", "total")]
    assert "509" in finding.message and "545" in finding.message and "本年新收" in finding.message


def test_balance_names_the_column():
    row = "四、结转下年度继续办理\t\t6\t0\t0\t0\t0\t0\t6"
    findings = mutate("kaifeng_2021", row, row.replace("\t\t6\t", "\t\t7\t").replace("\t0\t6", "\t0\t7"))
    balance = fired(findings, "s3.balance")
    assert {f.cells[0] for f in balance} == {"s3.new_received.natural_person", "s3.new_received.total"}
    natural = next(f for f in balance if f.cells[0].endswith("natural_person"))
    assert natural.cells == ["s3.new_received.natural_person", "s3.carried_over.natural_person",
                             "s3.result.total.natural_person", "s3.carry_forward.natural_person"]
    assert natural.message == "表三（自然人列）：新收508 + 上年结转3 = 511，但办理结果总计505 + 结转下年度7 = 512"
    assert not fired(findings, "s3.row_sum") and not fired(findings, "s3.results_sum")


def test_results_sum_names_the_column_and_rows():
    row = "(一) 予以公开\t\t414\t0\t0\t0\t20\t2\t436"
    findings = mutate("kaifeng_2021", row, row.replace("414", "415").replace("436", "437"))
    results = fired(findings, "s3.results_sum")
    assert {f.cells[-1] for f in results} == {"s3.result.total.natural_person", "s3.result.total.total"}
    assert "s3.result.granted.natural_person" in results[0].cells
    assert "506" in " ".join(f.message for f in results)
    assert not fired(findings, "s3.balance")


def test_block_sum_names_the_block():
    findings = mutate("kaifeng_2021", "\n5\t17\t3\t0\t25\t", "\n6\t17\t3\t0\t25\t")
    (finding,) = fired(findings, "s4.block_sum")
    assert finding.cells == [f"s4.review.{c}" for c in ("upheld", "corrected", "other", "pending", "total")]
    assert "行政复议" in finding.message and "26" in finding.message and "25" in finding.message


def test_fractional_count_is_invalid():
    row = "→→5.属于三类内部事务信息→→2→0→0→0→0→0→2".replace("→", "\t")
    (finding,) = fired(mutate("kaifeng_2021", row, row.replace("\t\t2\t", "\t\t1.5\t")), "value.invalid")
    assert finding.cells == ["s3.result.denied.internal_affairs.natural_person"]
    assert "1.5" in finding.message


def test_a_minus_before_a_table_two_count_is_unread_never_invalid():
    """Table 二 has no sums: nothing tells a minus from a dash mark before the count (markedfigures)."""
    findings = mutate("kaifeng_2021", "行政强制\t1082", "行政强制\t-1082")
    assert fired(findings, "value.invalid") == []
    assert any("s2.coercion.decisions" in f.cells for f in fired(findings, "cell.unread"))


def test_missing_section_heading():
    findings = mutate("kaifeng_2021", "五、存在的主要问题及改进情况", "")
    (finding,) = fired(findings, "section.missing")
    assert "第五部分" in finding.message


def test_unresolvable_row_leaves_cells_null():
    findings = mutate("kaifeng_2021", S3_NEW, "一、本年新收政府信息公开申请数量\t\t508\t0\t0\t545")
    # the row is printed with four figures for seven cells: gxparse cannot place them, the agency printed it
    unread = fired(findings, "cell.unread")
    assert unread and all(c.startswith("s3.new_received.") for f in unread for c in f.cells)
    assert unread[0].severity == "warning" and unread[0].evidence[0].where == "第53行"
    assert not fired(findings, "cell.missing")
    report = parse_document(seed_bytes("kaifeng_2021").decode().replace(
        S3_NEW, "一、本年新收政府信息公开申请数量\t\t508\t0\t0\t545").encode(), "x")
    assert any(cell.value is None for cell in report.s3["new_received"].values())


def test_template_mismatch():
    findings = mutate("kaifeng_2021", "开封市人民政府2021年政府信息公开工作年度报告", "开封市人民政府2020年政府信息公开工作年度报告")
    (finding,) = fired(findings, "template.mismatch")
    assert "2020" in finding.message and "2019年版" in finding.message


def test_blank_cell_read_as_zero():
    row = "→→3.危及“三安全一稳定”→→0→0→0→0→0→0→0".replace("→", "\t")
    findings = mutate("kaifeng_2021", row, row[: row.rindex("\t0\t0")] + "\t-\t0")
    (finding,) = fired(findings, "cell.blank")
    assert finding.severity == "warning"
    assert finding.cells == ["s3.result.denied.security_stability.other_org"]
    assert not fired(findings, "s3.column_not_filled")   # one blank in a filled column is not R3.7


def _blank_result_cells(seed: str, column: int) -> bytes:
    """The seed with one column of table 三 printed as "-" in every result row, its totals kept."""
    lines = seed_bytes(seed).decode("utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if "予以公开" in line and "\t" in line)
    total = next(i for i, line in enumerate(lines) if line.startswith("(七) 总计"))
    for i in range(first, total):
        cells = lines[i].split("\t")
        numbers = [j for j, cell in enumerate(cells) if cell.strip().isdigit()]
        cells[numbers[column]] = "-"
        lines[i] = "\t".join(cells)
    return "\n".join(lines).encode("utf-8")


RESULT_ROWS = 21   # the result rows of a v2021 table 三 above （七）总计


def test_column_blank_except_totals_is_one_not_filled_finding():
    report = parse_document(_blank_result_cells("kaifeng_2021", -1), "kaifeng_2021")
    (finding,) = fired(report.findings, "s3.column_not_filled")
    assert finding.severity == "warning"
    assert len(finding.cells) == RESULT_ROWS and all(c.endswith(".total") for c in finding.cells)
    assert finding.cells[0] == "s3.result.granted.total" and "s3.result.total.total" not in finding.cells
    assert "「总计」列" in finding.message and "542" in finding.message and "未填写" in finding.message
    assert not fired(report.findings, "cell.blank")         # the column's blanks are not repeated row by row
    assert report.value("s3.result.granted.total") == 0     # still read as 0, as the contract says


def test_a_column_left_unfilled_is_no_evidence_for_any_sum():
    # Shanghai 2019 (上海市人民政府办公厅) printed its 总计 column blank in every result row, 805 in （七）总计:
    # the blanks are no zeros, so no row's sum and no column's results sum rests on them
    report = parse_document(_blank_result_cells("kaifeng_2021", -1), "kaifeng_2021")
    assert fired(report.findings, "s3.column_not_filled")
    assert not [f for f in report.findings if f.severity == "error"]
    assert not fired(report.findings, "s3.row_sum") and not fired(report.findings, "s3.results_sum")


def test_blank_column_with_zero_totals_stays_zero():
    report = parse_document(_blank_result_cells("kaifeng_2021", 2), "kaifeng_2021")   # 科研机构: all zeros
    assert not fired(report.findings, "s3.column_not_filled")
    (blank,) = fired(report.findings, "cell.blank")   # more rows than MAX_ROW_WARNINGS: one for the table
    assert len(blank.cells) == RESULT_ROWS and all(c.endswith(".research_institution") for c in blank.cells)
    assert f"表三有{RESULT_ROWS}行的科研机构列印为空白" in blank.message


def test_short_row_repaired():
    row = "→→2.重复申请→→2→0→0→0→0→0→2".replace("→", "\t")
    findings = mutate("kaifeng_2021", row, row.replace("\t0\t0\t0\t0\t0\t", "\t0\t0\t0\t0\t", 1))
    (finding,) = fired(findings, "row.repaired")
    assert "2, 0, 0, 0, 0, 0, 2" in finding.message


def test_narrative_mismatch():
    findings = mutate("zhoukou_city_2021", "已按时办结335件", "已按时办结336件")
    (finding,) = fired(findings, "narrative.mismatch")
    assert finding.cells == ["s3.result.total.total"] and "336" in finding.message and "335" in finding.message


def test_narrative_sum():
    (finding,) = fired(mutate("huangchuan_2021", "潢川要闻700条", "潢川要闻701条"), "narrative.sum")
    assert "2511" in finding.message and "2512" in finding.message


def test_narrative_rate():
    (finding,) = fired(mutate("huangchuan_2021", "采用率76.1%", "采用率78.1%"), "narrative.rate")
    assert "156" in finding.message and "205" in finding.message and "78.1" in finding.message


@pytest.mark.parametrize("printed", ["89370276元", "12345678.5"])
def test_fees_unit(printed):
    (finding,) = fired(mutate("kaifeng_2021", "8937.0276", printed), "fees.unit")
    assert finding.cells == ["s2.admin_fees.amount_wan_yuan"]

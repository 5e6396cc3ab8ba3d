"""The rows the list pages print from Python (monitor.web.listrows): every value from the archive escaped."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import html

from monitor.web.listrows import finding_rows, report_rows
from monitor.web.queries import FindingRow, ReportRow
from monitor.web.triage_state import TriageView

SCRIPT = '<script>alert("x")</script>'


def report(**changes) -> ReportRow:
    values = dict(id=7, site="kf", agency_id=3, agency="开封市" + SCRIPT, year=2021, title="年报" + SCRIPT,
                  status="withdrawn", versions=2, errors=1, warnings=0,
                  first_seen=datetime(2024, 3, 5, tzinfo=UTC), last_fetched=datetime(2024, 3, 5, 17, 30, tzinfo=UTC),
                  revised=True)
    return ReportRow(**{**values, **changes})


def test_a_report_row_escapes_what_the_archive_holds_and_prints_times_in_the_zone():
    rows = report_rows([report(), report(id=8, agency_id=None, agency=None, year=None, title=None, revised=False,
                                        errors=0, last_fetched=None)], "Asia/Shanghai")
    assert "<script>" not in rows and "&lt;script&gt;alert(&#34;x&#34;)" in rows
    first, second = html.fromstring(f"<table>{rows}</table>").xpath("//tr")
    assert first.get("class") == "has-errors" and second.get("class") == ""
    assert [td.text_content().strip() for td in first.xpath("td")] == [
        "开封市" + SCRIPT, "2021", "年报" + SCRIPT + "\n已修改", "已撤回", "2", "1", "0", "2024-03-06 01:30"]
    assert [td.text_content().strip() for td in second.xpath("td")][:3] == ["—", "—", "（无标题）"]
    assert second.xpath("td")[-1].text == "—"


def test_a_finding_says_its_report_rule_and_cells_escaped():
    finding = FindingRow(7, None, None, 2021, "s3.row_sum", "error", "合计" + SCRIPT, ["s3.new_received.total"], id=5)
    [(row, said, state, muted)] = finding_rows([finding], TriageView())
    assert row is finding and state is None and muted is None
    assert "<script>" not in said and "合计&lt;script&gt;" in said
    cells = html.fromstring(f"<table><tr>{said}</tr></table>").xpath("//td")
    assert cells[0].xpath("a/@href") == ["/reports/7"] and cells[0].text_content() == "报告 7 2021"
    assert cells[2].xpath("span/@title")[0].startswith("表三")
    assert cells[3].xpath("div[@class='cells']/span")[0].text == "表三 一、本年新收政府信息公开申请数量 / 总计"

"""The simulated reports obey every consistency rule of template.md §5, and read back through gxparse exactly."""

from __future__ import annotations

import re

import pytest

from gxparse import parse_document
from gxparse.template import S3_APPLICANT_COLUMNS, S3_COLUMNS, S3_ROWS, S4_BLOCKS, expected_template
from simsite.documents import report_docx, report_pdf
from simsite.figures import YEARS, Agency, report_series, revise
from simsite.render import render_report_html

AGENCIES = [Agency("lj", "临江市人民政府", "city"), Agency("c01", "东湖区人民政府", "county"),
            Agency("fgw", "临江市发展和改革委员会", "department"), Agency("c01-t03", "东湖区青山镇", "town")]
SERIES = [(seed, agency, report_series(agency, seed)) for seed in (0, 7, "x") for agency in AGENCIES]


def check_report(r: dict) -> None:
    """Every exact rule of template.md §5 on one report (R3.1–R3.5, R4.1–R4.2, R2.5, RX.1, RX.2)."""
    s3, s4 = r["s3"], r["s4"]
    assert r["template"] == expected_template(r["year"])                                  # RX.2
    assert set(s3) == {row.key for row in S3_ROWS[r["template"]]}
    results = [k for k in s3 if k.startswith("result.") and k != "result.total"]
    for c in (c.key for c in S3_COLUMNS):
        assert s3["new_received"][c] + s3["carried_over"][c] == s3["result.total"][c] + s3["carry_forward"][c]  # R3.1
        assert s3["result.total"][c] == sum(s3[k][c] for k in results)                   # R3.2
    for row in s3.values():
        assert sum(row[a.key] for a in S3_APPLICANT_COLUMNS) == row["total"]              # R3.3
        assert all(isinstance(v, int) and v >= 0 for v in row.values())                   # R3.4
    for block in S4_BLOCKS:
        cells = s4[block.key]
        assert cells["upheld"] + cells["corrected"] + cells["other"] + cells["pending"] == cells["total"]  # R4.1
        assert all(isinstance(v, int) and v >= 0 for v in cells.values())                 # R4.2
    for item in r["s2"].values():                                                        # R2.5
        for key, value in item.items():
            if isinstance(value, int) and key != "delta_items":
                assert value >= 0
    prose = r["s1_text"]                                                                  # RX.1
    assert f"申请{s3['new_received']['total']}件" in prose
    assert f"上年结转{s3['carried_over']['total']}件" in prose or f"上年结转申请{s3['carried_over']['total']}件" in prose
    assert f"结{s3['result.total']['total']}件" in prose
    assert f"予以公开{s3['result.granted']['total']}件" in prose
    assert f"行政复议{s4['review']['total']}件" in prose or f"行政复议案件{s4['review']['total']}件" in prose


@pytest.mark.parametrize("seed, agency, series", SERIES, ids=lambda v: getattr(v, "id", str(v))[:12])
def test_every_report_obeys_the_exact_rules(seed, agency, series):
    for report in series.values():
        check_report(report)


@pytest.mark.parametrize("seed, agency, series", SERIES, ids=lambda v: getattr(v, "id", str(v))[:12])
def test_year_over_year_rules_hold(seed, agency, series):
    for year in YEARS[1:]:
        this, last = series[year], series[year - 1]
        for c in (c.key for c in S3_COLUMNS):                                              # R3.6
            assert this["s3"]["carried_over"][c] == last["s3"]["carry_forward"][c]
        if this["template"] == last["template"] == "v2021":                               # R2.1, R2.2
            for key in ("regulations", "normative_docs"):
                now, before = this["s2"][key], last["s2"][key]
                assert now["in_force"] == before["in_force"] + now["issued"] - now["repealed"]
                assert now["repealed"] <= before["in_force"] + now["issued"]
        if this["template"] == last["template"] == "v2019":                               # R2.3
            for key in ("licensing", "other_services", "penalty", "coercion", "admin_fees"):
                assert last["s2"][key]["prev_items"] + last["s2"][key]["delta_items"] == this["s2"][key]["prev_items"]


def test_publication_is_deterministic_from_the_seed():
    assert report_series(AGENCIES[2], 5) == report_series(AGENCIES[2], 5)
    assert report_series(AGENCIES[2], 5) != report_series(AGENCIES[2], 6)


def test_revision_changes_figures_and_keeps_every_rule():
    report = report_series(AGENCIES[0], 1)[2022]
    revised = revise(report, 1)
    assert revised["s3"] != report["s3"] and revised["s2"] != report["s2"]
    check_report(revised)
    for key in ("carried_over", "carry_forward"):
        assert revised["s3"][key] == report["s3"][key]


def test_fees_are_decimal_strings_in_wan_yuan():
    for _, _, series in SERIES:
        for report in series.values():
            if report["template"] == "v2021":
                assert re.fullmatch(r"0|\d+\.\d{4}", report["s2"]["admin_fees"]["amount_wan_yuan"])


@pytest.mark.parametrize("fmt, make", [("html", lambda r: render_report_html(r).encode()), ("pdf", report_pdf),
                                       ("docx", report_docx)])
@pytest.mark.parametrize("year", [2020, 2023])
def test_gxparse_reads_back_every_figure_without_findings(fmt, make, year):
    report = report_series(AGENCIES[1], 3)[year]
    parsed = parse_document(make(report), f"report.{fmt}")
    data = parsed.to_dict()
    assert (parsed.is_annual_report, parsed.year, parsed.agency, parsed.template) == \
        (True, year, "东湖区人民政府", report["template"])
    assert (data["s2"], data["s3"], data["s4"]) == (report["s2"], report["s3"], report["s4"])
    assert parsed.findings == []

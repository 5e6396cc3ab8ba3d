"""Every figure of the five real seed reports, against expected files read from the documents by hand."""

import pytest

from gxparse import parse_document
from tests.gxparse.seeds import SEEDS, expected, expected_tables, seed_bytes


@pytest.fixture(scope="module", params=SEEDS)
def parsed(request):
    name = request.param
    return name, parse_document(seed_bytes(name), f"{name}.txt").to_dict()


@pytest.mark.parametrize("table", ["s2", "s3", "s4"])
def test_every_figure_of_the_tables(parsed, table):
    name, report = parsed
    assert report[table] == expected_tables(name)[table]


def test_metadata(parsed):
    name, report = parsed
    exp = expected(name)
    assert (report["agency"], report["year"], report["template"]) == (exp["agency"], exp["year"], exp["template"])
    assert report["title"] == f"{exp['agency']}{exp['year']}年政府信息公开工作年度报告"
    assert report["source_type"] == "text"


def test_sections_present(parsed):
    name, report = parsed
    assert report["sections_present"] == expected(name)["sections_present"]


def test_narrative_figures(parsed):
    name, report = parsed
    assert {n["key"]: n["value"] for n in report["narrative"]} == expected(name)["narrative"]


def test_finding_rules(parsed):
    name, report = parsed
    assert sorted({f["rule"] for f in report["findings"]}) == expected(name)["rules"]


def test_zhoukou_office_says_its_table_three_is_missing():
    report = parse_document(seed_bytes("zhoukou_office_2021"), "x").to_dict()
    missing = [f for f in report["findings"] if f["rule"] == "section.missing"]
    assert [f["message"] for f in missing] == ["缺少第三部分“收到和处理政府信息公开申请情况”：「二、主动公开政府信息情况」"
                                               "（第29行）之后的下一部分是「五、存在的主要问题及改进情况」（第48行）"]
    assert {"text": "全年共收到政府信息公开申请61件", "key": "s3.new_received.total", "value": 61} in report["narrative"]


def test_huangchuan_short_rows_are_repaired_by_arithmetic():
    report = parse_document(seed_bytes("huangchuan_2021"), "x")
    granted = [f for f in report.findings if f.rule == "row.repaired" and "予以公开" in f.message]
    assert len(granted) == 1
    assert "印有6个数（应为7个）" in granted[0].message and "2, 0, 0, 0, 0, 16, 18" in granted[0].message
    assert "s3.result.granted.total" in granted[0].cells


def test_kaifeng_prose_disagrees_with_its_table():
    report = parse_document(seed_bytes("kaifeng_2021"), "x")
    mismatch = next(f for f in report.findings if f.rule == "narrative.mismatch")
    assert "548" in mismatch.message and "545" in mismatch.message
    assert mismatch.cells == ["s3.new_received.total"]


def test_clean_seeds_have_no_error_findings():
    for name in ("huangchuan_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021", "kaifeng_2021"):
        report = parse_document(seed_bytes(name), name)
        assert [f for f in report.findings if f.severity == "error"] == [], name

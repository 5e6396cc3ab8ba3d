"""An error accuses an agency: on every fixture, every error finding names text the document prints and
cells of the parse, and no fixture gets an error it does not deserve (the seeds' expected rules, the real
reports' own inconsistencies, the simulated site's misprints). What gxparse could not read is a warning that
says so. The format fixtures (DOCX, PDF, scans) are checked the same way in tests/gxparse/formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gxparse import parse_document
from simsite.render import render_report_html
from simsite.site import SimSite
from tests.gxparse.evidence import assert_errors_rest_on_evidence, error_rules
from tests.gxparse.seeds import SEEDS, expected, report_dict, seed_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ERRORS = {"s3.row_sum", "s3.balance", "s3.results_sum", "s4.block_sum", "value.invalid", "section.missing",
          "cell.missing", "template.mismatch"}
REAL = sorted(p.name.removesuffix(".truth.json") for p in (FIXTURES / "real").glob("*.truth.json"))
# the blank-zero prints through markitdown's PDF converter are the dev set of test_blank_zeros
MARKDOWN = sorted(p.name for p in (FIXTURES / "markdown").glob("*.*.md") if not p.name.endswith(("libreoffice-blank.md",
                                                                                                 "reportlab-blank.md")))


def deserved(name: str) -> set[str]:
    """The error rules a seed, real or simulated report deserves: its expected rules, or its known
    inconsistencies."""
    truth = FIXTURES / "real" / f"{name}.truth.json"
    if truth.exists():
        entries = json.loads(truth.read_text(encoding="utf-8"))["known_inconsistencies"]
        return {"s4.block_sum" for entry in entries if entry.startswith("s4.")}
    if (FIXTURES / "markdown" / f"{name}.truth.json").exists():
        return set()   # a simulated report rendered as Markdown: consistent by construction (simsite.figures)
    if (extracted := FIXTURES / "extracted" / "truth" / f"{name}.truth.json").exists() and name not in SEEDS:
        return set(json.loads(extracted.read_text(encoding="utf-8"))["errors"])
    return set(expected(name)["rules"]) & ERRORS


def check(data: bytes, source: str, deserves: set[str]) -> dict:
    report = parse_document(data, source).to_dict()
    assert error_rules(report) == deserves, source
    assert_errors_rest_on_evidence(report, data, source)
    return report


@pytest.mark.parametrize("name", SEEDS)
def test_seed_text(name):
    check(seed_bytes(name), f"{name}.txt", deserved(name))


@pytest.mark.parametrize("name", [n for n in SEEDS if expected(n)["s3"] is not None])
def test_seed_in_the_official_html_layout(name):
    prose = parse_document(seed_bytes(name), name)
    page = render_report_html(report_dict(name, s1_text=prose.s1_text, s5_text=prose.s5_text,
                                          s6_text=prose.s6_text)).encode()
    check(page, f"{name}.html", deserved(name))


@pytest.mark.parametrize("kind", ["pdf", "txt"])
@pytest.mark.parametrize("name", REAL)
def test_real_report(name, kind):
    path = FIXTURES / "real" / f"{name}.{kind}"
    check(path.read_bytes(), path.name, deserved(name))


@pytest.mark.parametrize("file", MARKDOWN)
def test_markdown_rendering(file):
    path = FIXTURES / "markdown" / file
    check(path.read_bytes(), file, deserved(file.split(".")[0]))


def test_every_report_of_the_simulated_site():
    site = SimSite(seed=1, size=400)
    for report in site.expected_reports():
        deserves = set(report.misprint.rules) if report.misprint else set()
        check(site.get(report.final_url).body, report.id, deserves)


# ---------------------------------------------------------------------------------------------------
# planted mistakes: the errors they deserve, each resting on evidence


KAIFENG = seed_bytes("kaifeng_2021").decode()
PLANTED = {
    "row sum": (("\t\t508\t2\t0\t0\t33\t2\t545", "\t\t509\t2\t0\t0\t33\t2\t545"),),
    "block sum": (("\n5\t17\t3\t0\t25\t", "\n6\t17\t3\t0\t25\t"),),
    "fraction": (("5.属于三类内部事务信息\t\t2\t", "5.属于三类内部事务信息\t\t1.5\t"),),
    "section": (("五、存在的主要问题及改进情况", ""),),
    "year": (("开封市人民政府2021年政府信息公开工作年度报告", "开封市人民政府2020年政府信息公开工作年度报告"),),
    "row": (("\t\t8.属于行政查询事项\t\t5\t1\t0\t0\t8\t0\t14\n", ""),),
}


@pytest.mark.parametrize("mistake", PLANTED)
def test_planted_mistakes_rest_on_evidence(mistake):
    text = KAIFENG
    for old, new in PLANTED[mistake]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    report = parse_document(text.encode(), "planted.txt").to_dict()
    assert error_rules(report), mistake
    assert_errors_rest_on_evidence(report, text.encode(), "planted.txt")


def test_a_minus_before_a_table_two_count_is_no_accusation():
    # a dash before a figure may be the extraction's (a rule, a placeholder) as well as the agency's: table 二 has no
    # sums to tell, so the cell is unread and flagged, never value.invalid (gxparse.markedfigures)
    text = KAIFENG.replace("行政强制\t1082", "行政强制\t-1082")
    report = parse_document(text.encode(), "planted.txt").to_dict()
    assert error_rules(report) == set()
    assert any(f["rule"] == "cell.unread" and "1082" in f["message"] for f in report["findings"])

"""The query commands of gxmon (cli.md): options, table/JSON/CSV output, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from monitor.cli import main

from .conftest import changed, document, make_archive, page, seed_report


@pytest.fixture
def archived(sqlite_url, tmp_path, config):
    """Two reports; Kaifeng's revised once (and failing since), Zhoukou Xinfang's unchanged."""
    archive = make_archive(sqlite_url, tmp_path / "gxmon-store", config)
    kaifeng, xinfang = seed_report(), seed_report("zhoukou_xinfang_2021")
    for report in (kaifeng, changed(kaifeng, s3__new_received__natural_person=509)):
        run = archive.start_run("kf")
        archive.record(document(page(report)), run)
        archive.record(document(page(xinfang), url="http://kf.test/nb/xinfang.html"), run)
        archive.finish_run(run)
    archive.engine.dispose()
    return sqlite_url


def gxmon(db: str, *args: str, code: int = 0):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_reports_in_three_formats_and_filtered(archived):
    rows = json.loads(gxmon(archived, "reports", "--format", "json"))
    assert [(r["agency"], r["year"], r["versions"]) for r in rows] == [("开封市人民政府", 2021, 2),
                                                                        ("周口市信访局", 2021, 1)]
    assert rows[0]["url"] == "http://kf.test/nb/2021.html" and rows[0]["errors"] > 0
    failing = json.loads(gxmon(archived, "reports", "--failing", "--format", "json"))
    assert [r["agency"] for r in failing] == ["开封市人民政府"]
    assert json.loads(gxmon(archived, "reports", "--agency", "信访", "--format", "json"))[0]["agency"] == "周口市信访局"
    assert json.loads(gxmon(archived, "reports", "--year", "2020", "--format", "json")) == []
    table = list(csv.DictReader(io.StringIO(gxmon(archived, "reports", "--format", "csv"))))
    assert table[1]["agency"] == "周口市信访局" and table[1]["versions"] == "1"
    text = gxmon(archived, "reports")
    assert "2 reports" in text and "开封市人民政府" in text


def test_history_by_id_or_url(archived):
    by_url = json.loads(gxmon(archived, "history", "http://kf.test/nb/2021.html", "--format", "json"))
    by_id = json.loads(gxmon(archived, "history", str(by_url["report"]["id"]), "--format", "json"))
    assert by_url == by_id
    first, second = by_url["versions"]
    assert [c["kind"] for c in first["changes"]] == ["new_report"]
    assert [c["kind"] for c in second["changes"]] == ["figures_changed"]
    assert first["last_seen"] < second["first_seen"] and len(second["digest"]) == 64
    text = gxmon(archived, "history", "1")
    assert "508→509" in text and second["digest"][:12] in text
    assert "no report 'http://nowhere.test/'" in gxmon(archived, "history", "http://nowhere.test/", code=1)


def test_diff_shows_cells_and_prose(archived):
    history = json.loads(gxmon(archived, "history", "1", "--format", "json"))
    a, b = (v["version"] for v in history["versions"])
    diff = json.loads(gxmon(archived, "diff", str(a), str(b), "--format", "json"))
    assert diff["figures"] == [{"cell": "s3.new_received.natural_person", "old": 508, "new": 509}]
    assert diff["a"]["id"] == a and diff["b"]["agency"] == "开封市人民政府"
    text = gxmon(archived, "diff", str(a), str(b))
    assert "s3.new_received.natural_person" in text and "本年新收" in text
    assert "no version 999" in gxmon(archived, "diff", str(a), "999", code=1)


def test_findings_filtered_in_three_formats(archived):
    errors = json.loads(gxmon(archived, "findings", "--severity", "error", "--format", "json"))
    assert errors and {f["severity"] for f in errors} == {"error"}
    assert {f["agency"] for f in errors} == {"开封市人民政府"}
    row_sum = json.loads(gxmon(archived, "findings", "--rule", "s3.row_sum", "--format", "json"))
    assert row_sum and {f["rule"] for f in row_sum} == {"s3.row_sum"}
    assert all("s3.new_received.natural_person" in f["cells"] for f in row_sum)
    table = list(csv.DictReader(io.StringIO(gxmon(archived, "findings", "--format", "csv"))))
    assert {"report_id", "rule", "severity", "message", "cells"} <= set(table[0])
    assert "findings" in gxmon(archived, "findings")


def test_export_every_version_with_every_figure(archived, tmp_path):
    out = tmp_path / "versions.csv"
    gxmon(archived, "export", "--format", "csv", "--out", str(out))
    table = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(table) == 3
    kaifeng = [r for r in table if r["agency"] == "开封市人民政府"]
    assert [r["s3.new_received.natural_person"] for r in kaifeng] == ["508", "509"]
    assert kaifeng[0]["s2.admin_fees.amount_wan_yuan"] == "8937.0276"
    lines = gxmon(archived, "export", "--format", "jsonl").splitlines()
    objects = [json.loads(line) for line in lines if line.startswith("{")]
    assert len(objects) == 3 and objects[0]["s4.review.total"] == 25


def test_crawl_without_config_or_start_url_is_a_usage_error(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--db", sqlite_url, "crawl"])
    assert result.exit_code == 2 and "no config" in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text('[[site]]\nid = "x"\nname = "X"\nstart_urls = ["http://x.gov.cn/"]\nschedule = "every day"\n',
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", sqlite_url, "crawl", "--config", str(bad)])
    assert result.exit_code == 1
    assert "bad.toml: [[site]] #1 (x): schedule 'every day' is not cron syntax" in result.output

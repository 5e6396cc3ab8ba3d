"""The query commands of gxmon (cli.md): options, table/JSON/CSV output, exit codes."""

from __future__ import annotations

import csv
import io
import json
import re

import openpyxl
import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.output import csv_cell

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
    assert "2份报告" in text and "开封市人民政府" in text and "最近抓取（北京时间）" in text


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
    assert "存档中没有报告 'http://nowhere.test/'" in gxmon(archived, "history", "http://nowhere.test/", code=1)


def test_diff_shows_cells_and_prose(archived):
    history = json.loads(gxmon(archived, "history", "1", "--format", "json"))
    a, b = (v["version"] for v in history["versions"])
    diff = json.loads(gxmon(archived, "diff", str(a), str(b), "--format", "json"))
    assert diff["figures"] == [{"cell": "s3.new_received.natural_person", "old": 508, "new": 509}]
    assert diff["a"]["id"] == a and diff["b"]["agency"] == "开封市人民政府"
    text = gxmon(archived, "diff", str(a), str(b))
    assert "s3.new_received.natural_person" in text and "本年新收" in text
    assert "存档中没有编号为 999 的版本" in gxmon(archived, "diff", str(a), "999", code=1)


def test_findings_filtered_in_three_formats(archived):
    errors = json.loads(gxmon(archived, "findings", "--severity", "error", "--format", "json"))
    assert errors and {f["severity"] for f in errors} == {"error"}
    assert {f["agency"] for f in errors} == {"开封市人民政府"}
    row_sum = json.loads(gxmon(archived, "findings", "--rule", "s3.row_sum", "--format", "json"))
    assert row_sum and {f["rule"] for f in row_sum} == {"s3.row_sum"}
    assert all("s3.new_received.natural_person" in f["cells"] for f in row_sum)
    table = list(csv.DictReader(io.StringIO(gxmon(archived, "findings", "--format", "csv"))))
    assert {"report_id", "rule", "severity", "message", "cells", "url"} <= set(table[0])
    assert all(row["url"].startswith("http://") for row in table if row["rule"] == "s3.row_sum")
    findings = gxmon(archived, "findings")
    assert "项问题" in findings and "表三行合计不符" in findings and "s3.row_sum" in findings


def test_export_every_version_with_every_figure(archived, tmp_path):
    out = tmp_path / "versions.csv"
    gxmon(archived, "export", "--format", "csv", "--out", str(out))
    table = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(table) == 3
    kaifeng = [r for r in table if r["机构"] == "开封市人民政府"]
    assert [r["表三 一、本年新收政府信息公开申请数量 / 自然人"] for r in kaifeng] == ["508", "509"]
    assert kaifeng[0]["表二 行政事业性收费 / 本年收费金额（单位：万元）"] == "8937.0276"
    lines = gxmon(archived, "export", "--format", "jsonl").splitlines()
    objects = [json.loads(line) for line in lines if line.startswith("{")]
    assert len(objects) == 3 and objects[0]["s4.review.total"] == 25


def test_crawl_without_config_or_start_url_is_a_usage_error(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--db", sqlite_url, "crawl"])
    assert result.exit_code == 2 and "没有配置文件" in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text('[[site]]\nid = "x"\nname = "X"\nstart_urls = ["http://x.gov.cn/"]\nschedule = "every day"\n',
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", sqlite_url, "crawl", "--config", str(bad)])
    assert result.exit_code == 1
    assert "bad.toml: [[site]] #1 (x): schedule 'every day' is not cron syntax" in result.output


# -- a safe command line (issue 13 §5) ----------------------------------------------------------------------

READ_ONLY = [("reports",), ("history", "1"), ("diff", "1", "2"), ("findings", "--format", "csv"),
             ("export", "--format", "csv", "--out", "versions.csv"), ("serve",), ("send",), ("sites", "list")]


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda args: args[0])
def test_read_only_commands_refuse_a_missing_archive_in_one_line_and_create_nothing(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GXMON_DB", raising=False)
    for where in ([], ["--db", "elsewhere/archive.db"], ["--db", f"sqlite:///{tmp_path / 'x.db'}"]):
        result = CliRunner().invoke(main, [*args, *where])
        assert result.exit_code == 1, result.output
        assert result.stdout == "" and result.stderr.count("\n") == 1 and "没有这个存档文件" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_database_is_one_line_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from monitor.alerts.mailsink import free_port

    result = CliRunner().invoke(main, ["reports", "--db", f"postgresql+psycopg://x@127.0.0.1:{free_port()}/gxmon"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "cannot open the archive" in result.stderr


def test_archive_options_before_or_after_the_command(archived, tmp_path):
    before = gxmon(archived, "reports", "--format", "json")
    after = CliRunner().invoke(main, ["reports", "--db", archived, "--format", "json"])
    assert after.exit_code == 0 and after.output == before
    store = str(tmp_path / "gxmon-store")
    assert CliRunner().invoke(main, ["diff", "1", "3", "--db", archived, "--store", store]).exit_code == 0
    elsewhere = CliRunner().invoke(main, ["--db", "nowhere.db", "reports", "--db", archived])
    assert elsewhere.exit_code == 0           # the later one wins


def test_config_option_before_or_after_the_command(sqlite_url, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[site]]\nid = "x"\nname = "X"\nstart_urls = ["http://x.gov.cn/"]\nschedul = "0 6 * * *"\n',
                   encoding="utf-8")
    for args in (["--config", str(bad), "crawl", "--db", sqlite_url], ["crawl", "--config", str(bad)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert "[[site]] #1 (x): unknown key 'schedul'; did you mean 'schedule'?" in result.stderr


def test_run_without_any_scheduled_site_is_an_error(sqlite_url, tmp_path):
    config = tmp_path / "sites.toml"
    config.write_text('[[site]]\nid = "x"\nname = "X"\nstart_urls = ["http://x.gov.cn/"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--db", sqlite_url, "--config", str(config)])
    assert result.exit_code == 1 and "没有任何网站设置了 schedule" in result.stderr


def test_version():
    from importlib.metadata import version

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"gxmon, version {version('gxmon')}"


def test_the_console_script_leaves_its_heap_to_the_exit_uncollected(monkeypatch):
    """``gxmon`` is ``console_script``: ``main`` with the process's objects frozen on the way out (``gc.freeze``),
    so that its exit does not collect them (seconds of each gxmon process on a loaded machine)."""
    import gc
    from importlib.metadata import entry_points

    from monitor.cli import console_script

    [script] = entry_points(group="console_scripts", name="gxmon")
    assert script.value == "monitor.cli:console_script"
    monkeypatch.setattr("sys.argv", ["gxmon", "--version"])
    gc.unfreeze()
    made_before = []   # a tracked object: among those the collector walks until frozen
    try:
        with pytest.raises(SystemExit):
            console_script()
        assert not any(o is made_before for o in gc.get_objects())
    finally:
        gc.unfreeze()   # this test process's heap is collected as before


def test_diff_of_versions_of_two_reports_says_so(archived):
    kaifeng = json.loads(gxmon(archived, "history", "1", "--format", "json"))["versions"][0]["version"]
    xinfang = json.loads(gxmon(archived, "history", "2", "--format", "json"))["versions"][0]["version"]
    table = CliRunner().invoke(main, ["--db", archived, "diff", str(kaifeng), str(xinfang)])
    assert table.exit_code == 0
    warning = f"版本 {kaifeng} 和 {xinfang} 属于两份不同的报告：#1 开封市人民政府 2021（kf）"
    assert warning in table.stderr and table.stdout.startswith(f"不是修改：{warning}")
    as_json = CliRunner().invoke(main, ["--db", archived, "diff", str(kaifeng), str(xinfang), "--format", "json"])
    assert warning in as_json.stderr and json.loads(as_json.stdout)["same_report"] is False
    same = CliRunner().invoke(main, ["--db", archived, "diff", str(kaifeng), "3", "--format", "json"])
    assert same.stderr == "" and json.loads(same.stdout)["same_report"] is True


def test_tables_fit_80_columns_without_cutting_a_field(archived):
    from rich.cells import cell_len

    url = "http://kf.test/nb/2021.html"
    for args in (("reports",), ("findings",), ("history", "1"), ("diff", "1", "3")):
        result = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["--db", archived, *args])
        assert result.exit_code == 0, result.output
        assert max(cell_len(line) for line in result.output.splitlines()) <= 80, args
        assert "…" not in result.output, args
    reports = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["--db", archived, "reports"]).output
    assert url in "".join(reports.split()) and "开封市人民政府2021" in "".join(reports.split())


# Crawled text that would style the output ([bold]), crash rich ([/]), write the clipboard (OSC 52), move the
# cursor (ESC [ and its one-byte form U+009B) or reverse what follows (U+202E).
HOSTILE = "开封[/]市[bold]人民\x1b]52;c;SGVsbG8=\x07政府\x1b[2J\u202e\x9b31m局"
SHOWN = "开封[/]市[bold]人民政府局"


def _written_everywhere(archived: str, text: str) -> str:
    """The archive with ``text`` in every field the commands print (each agency's name ending in its id)."""
    from sqlalchemy import update
    from sqlmodel import Session, select

    from monitor.archive.db import make_engine
    from monitor.archive.models import Agency, Change, Finding, Report

    engine = make_engine(archived)
    with Session(engine) as s:
        for agency in s.exec(select(Agency)):
            agency.name = f"{text}{agency.id}"
        for model, values in ((Report, {"title": text}), (Finding, {"message": text}), (Change, {"summary": text})):
            s.exec(update(model).values(values))
        s.commit()
    engine.dispose()
    return archived


@pytest.fixture
def hostile(archived):
    """The archive with outside text in every field the commands print."""
    return _written_everywhere(archived, HOSTILE)


@pytest.fixture
def long_titles(archived):
    """The archive with every field the commands print a million characters long."""
    return _written_everywhere(archived, LONG)


LONG = "开封市人民政府" * 142_858     # 1,000,006 characters


@pytest.mark.parametrize("args", [("reports",), ("findings",), ("history", "1")], ids=lambda args: args[0])
def test_a_field_of_a_million_characters_is_shown_cut_saying_its_length(long_titles, args):
    """Before the cut: `gxmon findings` printed 8 MB in 10 s of CPU, `reports` 2.4 MB, `history` 3 MB."""
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["--db", long_titles, *args])
    assert result.exit_code == 0, result.output[-500:]
    assert re.search(r"共10000\d\d字", "".join(result.output.split()))   # the length the field had
    assert len(result.output) < 60_000, len(result.output)
    whole = json.loads(CliRunner().invoke(main, ["--db", long_titles, *args, "--format", "json"]).output)
    assert LONG in json.dumps(whole, ensure_ascii=False)      # the data itself is whole


def _safe(text: str) -> None:
    for character in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert character not in text, repr(character)


@pytest.mark.parametrize("args", [("reports",), ("findings",), ("history", "1"), ("diff", "1", "3")],
                         ids=lambda args: args[0])
def test_outside_text_is_printed_as_data_in_tables(hostile, args):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["--db", hostile, *args])
    assert result.exit_code == 0, result.output          # no MarkupError
    _safe(result.output)
    if args[0] != "diff":
        assert SHOWN in result.output                     # [/] and [bold] shown as written, not as markup


@pytest.mark.parametrize("command", ["reports", "findings"])
def test_outside_text_is_stripped_in_csv_and_escaped_in_json(hostile, command):
    table = CliRunner().invoke(main, ["--db", hostile, command, "--format", "csv"]).output
    _safe(table)
    assert {row["agency"] for row in csv.DictReader(io.StringIO(table))} == {f"{SHOWN}1", f"{SHOWN}2"} - (
        {f"{SHOWN}2"} if command == "findings" else set())
    text = CliRunner().invoke(main, ["--db", hostile, command, "--format", "json"]).output
    _safe(text)
    assert {row["agency"] for row in json.loads(text)} <= {f"{HOSTILE}1", f"{HOSTILE}2"}   # the data is whole


def test_outside_text_in_exports(hostile, tmp_path):
    gxmon(hostile, "export", "--format", "csv", "--out", str(tmp_path / "v.csv"))
    text = (tmp_path / "v.csv").read_text(encoding="utf-8-sig")
    _safe(text)
    assert {row["机构"] for row in csv.DictReader(io.StringIO(text))} == {f"{SHOWN}1", f"{SHOWN}2"}
    lines = CliRunner().invoke(main, ["--db", hostile, "export", "--format", "jsonl"]).stdout
    _safe(lines)
    assert {json.loads(line)["agency"] for line in lines.splitlines()} == {f"{HOSTILE}1", f"{HOSTILE}2"}


FORMULA = '=HYPERLINK("http://evil.test/","开封市人民政府")'


@pytest.fixture
def formulas(archived):
    """The archive with text a spreadsheet would run as a formula in every field the commands print."""
    return _written_everywhere(archived, FORMULA)


def test_outside_text_is_never_a_formula_in_csv(formulas, tmp_path):
    table = CliRunner().invoke(main, ["--db", formulas, "reports", "--format", "csv"]).output
    assert {row["agency"] for row in csv.DictReader(io.StringIO(table))} == {f"'{FORMULA}1", f"'{FORMULA}2"}
    gxmon(formulas, "export", "--format", "csv", "--out", str(tmp_path / "v.csv"))
    text = (tmp_path / "v.csv").read_text(encoding="utf-8-sig")
    assert {row["机构"] for row in csv.DictReader(io.StringIO(text))} == {f"'{FORMULA}1", f"'{FORMULA}2"}
    gxmon(formulas, "export", "--format", "xlsx", "--out", str(tmp_path / "v.xlsx"))   # openpyxl wrote a formula
    sheet = openpyxl.load_workbook(tmp_path / "v.xlsx").worksheets[0]
    assert not [c.value for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_a_formula_looking_title_is_a_text_cell_in_xlsx_as_published(formulas, tmp_path):
    """No apostrophe shows in the sheet (CSV's defence): the cell is text, kept so when edited (quote prefix)."""
    gxmon(formulas, "export", "--format", "xlsx", "--out", str(tmp_path / "v.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "v.xlsx").worksheets[0]
    column = [c.value for c in sheet[1]].index("机构")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert {c.value for c in cells} == {f"{FORMULA}1", f"{FORMULA}2"}
    assert {(c.data_type, c.quotePrefix) for c in cells} == {("s", True)}


@pytest.mark.parametrize("cell, written", [("@SUM(A1)", "'@SUM(A1)"), ("+86 cmd|' /c calc'!A0", "'+86 cmd|' /c calc'!A0"),
                                           ("-5", "-5"), ("+1.5", "+1.5"), ("-", "-"), ("开封", "开封")])
def test_a_csv_cell_keeps_numbers_and_blank_marks_and_defuses_formulas(cell, written):
    assert csv_cell(cell) == written

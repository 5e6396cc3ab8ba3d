"""gxmon export for Excel and WPS: BOM, Chinese headers, a file per template version, URL columns, filters, .xlsx."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import update
from sqlmodel import Session

from monitor.archive.models import Version
from monitor.cli import main
from monitor.export.columns import figure_columns, identity_columns
from monitor.timeutil import utcnow
from simsite.figures import Agency, report_series
from simsite.render import render_report_html

from .conftest import changed, document, make_archive, page, seed_report

TRANSPORT = Agency("kfjt", "开封市交通运输局", "department")


@pytest.fixture
def archived(sqlite_url, tmp_path, config):
    """开封市人民政府 2021 (two versions, v2021); 开封市交通运输局 2020 (v2019) and 2021 (v2021). The first
    version of 开封市人民政府 was first seen 30 days ago."""
    archive = make_archive(sqlite_url, tmp_path / "gxmon-store", config)
    kaifeng = seed_report()
    series = report_series(TRANSPORT, 1)
    run = archive.start_run("kf")
    archive.record(document(page(kaifeng)), run)
    for year in (2020, 2021):
        archive.record(document(render_report_html(series[year]).encode(), url=f"http://kf.test/jt/{year}.html"), run)
    archive.finish_run(run)
    run = archive.start_run("kf")
    archive.record(document(page(changed(kaifeng, s3__new_received__natural_person=509))), run)
    archive.finish_run(run)
    with Session(archive.engine) as s:
        s.exec(update(Version).where(Version.id == 1).values(first_seen=utcnow() - timedelta(days=30)))
        s.commit()
    archive.engine.dispose()
    (tmp_path / "sites.toml").write_text('[web]\nbase_url = "http://gxmon.test"\n', encoding="utf-8")
    return sqlite_url


def gxmon(db: str, *args: str, code: int = 0) -> str:
    config = db.removeprefix("sqlite:///").replace("archive.db", "sites.toml")
    result = CliRunner().invoke(main, ["--db", db, "--config", config, *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.stdout


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_starts_with_a_bom_and_has_chinese_headers_and_links(archived):
    text = gxmon(archived, "export", "--format", "csv")
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    rows = read_csv(text)
    assert len(rows) == 4
    kaifeng = [r for r in rows if r["机构"] == "开封市人民政府"]
    assert [r["表三 一、本年新收政府信息公开申请数量 / 自然人"] for r in kaifeng] == ["508", "509"]
    assert kaifeng[0]["表二 行政事业性收费 / 本年收费金额（单位：万元）"] == "8937.0276"
    assert kaifeng[1]["报告页面"] == "http://gxmon.test/reports/1"
    assert kaifeng[1]["本版本页面"] == f"http://gxmon.test/versions/{kaifeng[1]['版本编号']}"
    assert kaifeng[1]["文档地址"] == "http://kf.test/nb/2021.html"
    assert len(kaifeng[1]["首次发现（北京时间）"]) == len("2026-12-04 17:30")
    assert not any(key.startswith(("s2.", "s3.", "s4.")) for key in rows[0])


def test_a_folder_gets_one_file_per_template_version(archived, tmp_path):
    folder = tmp_path / "out"
    gxmon(archived, "export", "--format", "csv", "--out", f"{folder}/")
    assert sorted(p.name for p in folder.iterdir()) == ["versions-v2019.csv", "versions-v2021.csv"]
    v2019 = read_csv((folder / "versions-v2019.csv").read_text(encoding="utf-8"))
    v2021 = read_csv((folder / "versions-v2021.csv").read_text(encoding="utf-8"))
    assert [(r["机构"], r["年度"], r["模板"]) for r in v2019] == [("开封市交通运输局", "2020", "v2019")]
    assert {r["模板"] for r in v2021} == {"v2021"} and len(v2021) == 3
    assert "表二 规章 / 本年新制作数量" in v2019[0] and "表二 规章 / 本年制发件数" not in v2019[0]
    assert "表二 规章 / 本年制发件数" in v2021[0] and "表二 规章 / 本年新制作数量" not in v2021[0]
    assert "表二 政府集中采购 / 采购总金额" in v2019[0]
    assert v2019[0]["表三 （六）其他处理 / 总计"] != ""


def test_headers_are_unique_and_keys_on_request(archived):
    for template in ("v2021", "v2019", "other"):
        headers = [c.header for c in identity_columns("Asia/Shanghai") + figure_columns(template)]
        assert len(headers) == len(set(headers)), template
    rows = read_csv(gxmon(archived, "export", "--format", "csv", "--template", "v2021", "--keys"))
    assert rows[0]["s3.new_received.natural_person"] == "508" and rows[0]["agency"] == "开封市人民政府"


@pytest.mark.parametrize(("args", "expected"), [
    (("--since", "7d"), {("开封市人民政府", 2), ("开封市交通运输局", 1)}),
    (("--since", "2000-01-01"), {("开封市人民政府", 1), ("开封市人民政府", 2), ("开封市交通运输局", 1)}),
    (("--year", "2020"), {("开封市交通运输局", 1)}),
    (("--agency", "交通"), {("开封市交通运输局", 1)}),
    (("--site", "elsewhere"), set()),
    (("--template", "v2019"), {("开封市交通运输局", 1)}),
])
def test_filters(archived, args, expected):
    objects = [json.loads(line) for line in gxmon(archived, "export", "--format", "jsonl", *args).splitlines()]
    assert {(o["agency"], o["seq"]) for o in objects} == expected


def test_since_in_words_is_refused_in_chinese(archived):
    result = CliRunner().invoke(main, ["--db", archived, "export", "--format", "csv", "--since", "last week"])
    assert result.exit_code == 2 and "'last week' 不是时间" in result.output


def test_xlsx_has_a_sheet_per_template_version(archived, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "versions.xlsx"
    gxmon(archived, "export", "--format", "xlsx", "--out", str(path))
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["2021版模板", "2019版模板"]
    rows = list(book["2021版模板"].iter_rows(values_only=True))
    header, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:3] == ("报告编号", "版本编号", "版本序号") and len(rows) == 4
    assert first["机构"] == "开封市人民政府" and first["表三 一、本年新收政府信息公开申请数量 / 自然人"] == 508
    assert first["文档地址"] == "http://kf.test/nb/2021.html"
    [transport] = list(book["2019版模板"].iter_rows(min_row=2, values_only=True))
    assert "开封市交通运输局" in transport
    result = CliRunner().invoke(main, ["--db", archived, "export", "--format", "xlsx"])
    assert result.exit_code == 2 and "--out" in result.output

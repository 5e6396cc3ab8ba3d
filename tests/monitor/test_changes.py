"""``gxmon changes``: what changed in a period, on a real archive (SQLite; PostgreSQL for the query itself)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from sqlmodel import Session

from monitor.archive.changes import ChangeFilter, count_changes, kind_counts
from monitor.archive.db import make_engine
from monitor.archive.models import NEW_REPORT, WITHDRAWN_CHANGE
from monitor.cli import main

from .conftest import changed, document, make_archive, page, seed_report

NOW = datetime.now(UTC)
EXTRA = "下一步，我们将进一步规范依申请公开答复文书。"


def _at(days: float) -> str:
    return (NOW - timedelta(days=days)).isoformat()


def build(url: str, store, config) -> None:
    """Kaifeng 2021 and Zhoukou Xinfang 2021 new 40 days ago; Kaifeng's figures revised 10 days ago (an error
    since), its prose 1 day ago, when Xinfang's page answered 404 (withdrawn)."""
    archive = make_archive(url, store, config)
    kaifeng, xinfang = seed_report(), seed_report("zhoukou_xinfang_2021")
    revised = changed(kaifeng, s3__new_received__natural_person=509)
    reworded = {**revised, "text": {**revised["text"], "s5": revised["text"]["s5"] + "\n" + EXTRA}}
    xinfang_url = "http://kf.test/nb/xinfang.html"
    crawls = [(40, [document(page(kaifeng)), document(page(xinfang), url=xinfang_url)]),
              (10, [document(page(revised)), document(page(xinfang), url=xinfang_url)]),
              (1, [document(page(reworded)), document(b"", url=xinfang_url, status=404)])]
    for days, docs in crawls:
        run = archive.start_run("kf")
        for doc in docs:
            doc.fetched_at = _at(days)
            archive.record(doc, run)
        archive.finish_run(run)
    archive.engine.dispose()


@pytest.fixture
def archived(sqlite_url, tmp_path, config) -> str:
    build(sqlite_url, tmp_path / "gxmon-store", config)
    return sqlite_url


def gxmon(db: str, *args: str, code: int = 0) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["changes", "--db", db, *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_since_30_days_is_a_json_list_newest_first(db_url, tmp_path, config):
    build(db_url, tmp_path / "store", config)
    rows = json.loads(gxmon(db_url, "--since", "30d", "--format", "json"))
    assert [(r["kind"], r["agency"]) for r in rows] == [("withdrawn", "周口市信访局"),
                                                         ("text_changed", "开封市人民政府"),
                                                         ("figures_changed", "开封市人民政府")]
    figures = rows[2]
    assert figures["kind_name"] == "数字修改" and figures["errors"] > 0 and figures["year"] == 2021
    assert figures["url"] == "http://kf.test/nb/2021.html" and figures["from_version"] < figures["to_version"]
    # Times in the configured zone (Asia/Shanghai), with their offset: the same instant as stored.
    detected = datetime.fromisoformat(figures["detected_at"])
    assert detected.utcoffset() == timedelta(hours=8)
    assert abs(detected - (NOW - timedelta(days=10))) < timedelta(seconds=1)
    everything = json.loads(gxmon(db_url, "--since", "60d", "--format", "json"))
    assert [r["kind"] for r in everything].count("new_report") == 2


def test_since_a_date_starts_at_its_midnight_in_beijing(archived):
    five_days_ago = (NOW - timedelta(days=5)).astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()
    rows = json.loads(gxmon(archived, "--since", five_days_ago, "--format", "json"))
    assert [r["kind"] for r in rows] == ["withdrawn", "text_changed"]
    eleven_days_ago = (NOW - timedelta(days=11)).astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()
    rows = json.loads(gxmon(archived, "--since", "90d", "--until", eleven_days_ago, "--format", "json"))
    assert sorted(r["kind"] for r in rows) == ["new_report", "new_report"]


def test_filters_by_kind_site_and_agency(archived):
    def kinds(*args: str) -> list[str]:
        return [r["kind"] for r in json.loads(gxmon(archived, "--since", "30d", "--format", "json", *args))]

    assert kinds("--kind", "figures") == ["figures_changed"]
    assert kinds("--kind", "withdrawn", "--kind", "text") == ["withdrawn", "text_changed"]
    assert kinds("--kind", "failing") == ["text_changed", "figures_changed"]    # both made versions with errors
    assert kinds("--agency", "信访") == ["withdrawn"]
    assert kinds("--site", "elsewhere") == []
    assert kinds("--limit", "1") == ["withdrawn"]


def test_table_and_csv(archived):
    table = gxmon(archived, "--since", "30d")
    assert "3 项变化" in table and "北京时间" in table and "数字修改（有错误）" in table and "撤回" in table
    rows = list(csv.DictReader(io.StringIO(gxmon(archived, "--since", "30d", "--format", "csv"))))
    assert [r["kind"] for r in rows] == ["withdrawn", "text_changed", "figures_changed"]
    assert rows[0]["agency"] == "周口市信访局" and rows[0]["kind_name"] == "撤回"


def test_wrong_period_or_kind_is_a_usage_error_in_chinese(archived):
    assert "不是时间段或日期" in gxmon(archived, "--since", "last week", code=2)
    assert "不是变化类型之一" in gxmon(archived, "--kind", "typo", code=2)


def test_a_missing_archive_is_an_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "none.db"
    gxmon(str(missing), code=1)
    assert not missing.exists()


def test_counts_stop_past_their_cap(archived):
    engine = make_engine(archived)
    with Session(engine) as s:
        every = count_changes(s, ChangeFilter())
        assert every > 2
        assert count_changes(s, ChangeFilter(), cap=2) == 3            # "more than 2", without counting on
        assert count_changes(s, ChangeFilter(), cap=every) == every
        assert kind_counts(s, ChangeFilter(), cap=1)[NEW_REPORT] == 2   # two new reports: more than 1
        assert kind_counts(s, ChangeFilter())[WITHDRAWN_CHANGE] == 1
    engine.dispose()

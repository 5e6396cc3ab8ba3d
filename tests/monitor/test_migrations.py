"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import monitor.archive.models  # noqa: F401
from monitor.archive.db import make_engine, migrate


def test_migrated_schema_matches_the_models(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert differences == []
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url):
    engine = make_engine(sqlite_url)
    migrate(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert "ix_report_failing" in {i["name"] for i in inspect(conn).get_indexes("report")}
    engine.dispose()


def test_downgrade_and_upgrade_again(sqlite_url):
    from alembic import command

    from monitor.archive.db import alembic_config

    engine = make_engine(sqlite_url)
    migrate(engine)
    command.downgrade(alembic_config(engine), "base")
    with engine.connect() as conn:
        assert not inspect(conn).has_table("version")
    migrate(engine)
    with engine.connect() as conn:
        assert inspect(conn).has_table("version")
    engine.dispose()


def _finding_indexes(engine) -> dict[str, list[str]]:  # noqa: ANN001 (Engine)
    with engine.connect() as conn:
        return {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("finding")}


def test_0002_adds_the_findings_pages_index_and_downgrades_to_0001(db_url):
    from alembic import command

    from monitor.archive.db import alembic_config

    engine = make_engine(db_url)
    migrate(engine)
    assert _finding_indexes(engine)["ix_finding_version_rule_severity"] == ["version_id", "rule", "severity"]
    command.downgrade(alembic_config(engine), "0001")
    assert "ix_finding_version_rule_severity" not in _finding_indexes(engine)
    migrate(engine)        # an archive made before 0002 gains the index
    assert "ix_finding_version_rule_severity" in _finding_indexes(engine)
    engine.dispose()


# -- 0004: reports belong to their site ---------------------------------------------------------------------

def _at(minute: int):
    from datetime import UTC, datetime

    return datetime(2022, 3, 1, 8, minute, tzinfo=UTC)


REAL, OTHER = "http://lj.gov.cn/nb/2021.html", "http://evil.test/nb.html"
REPOST = "http://evil.test/copy.html"


def _mixed_archive_at_0003(engine) -> None:  # noqa: ANN001 (Engine)
    """What 0003 let happen: a page on another site (``evil``) titled with 临江市人民政府's agency and year
    became version 2 of the real site's report, with a false revision and a move; the other site also
    reposted the real report unchanged (REPOST) and fetched the real site's URL itself."""
    from alembic import command
    from sqlalchemy import MetaData, Table

    from monitor.archive.db import alembic_config

    migrate(engine)
    command.downgrade(alembic_config(engine), "0003")
    meta = MetaData()
    t = {name: Table(name, meta, autoload_with=engine)
         for name in ("site", "agency", "crawl_run", "report", "report_url", "blob", "version", "fetch", "finding",
                      "change", "alert")}
    common_run = {"trigger": "cli", "status": "ok", "pages_fetched": 1, "documents": 1, "reports_found": 1,
                  "reports_listed": 1, "new_reports": 0, "new_versions": 1, "revisions": 0, "withdrawals": 0,
                  "errors": 0, "warnings": 0}
    with engine.begin() as conn:
        conn.execute(t["site"].insert(), [{"id": "lj", "created_at": _at(0)}, {"id": "evil", "created_at": _at(0)}])
        conn.execute(t["agency"].insert(), [{"id": 1, "name": "临江市人民政府"}])
        conn.execute(t["crawl_run"].insert(), [{**common_run, "id": 1, "site_id": "lj", "started_at": _at(1)},
                                               {**common_run, "id": 2, "site_id": "evil", "started_at": _at(2)},
                                               {**common_run, "id": 3, "site_id": "lj", "started_at": _at(3)}])
        conn.execute(t["report"].insert(), [{
            "id": 1, "site_id": "lj", "agency_id": 1, "year": 2021, "status": "active", "title": "假冒的报告",
            "first_seen": _at(1), "first_run_id": 1, "last_fetched_at": _at(3), "latest_version_id": 2,
            "latest_url_id": 2, "version_count": 2, "error_count": 2, "warning_count": 0, "missing_runs": 0}])
        url = {"first_seen": _at(1), "last_seen": _at(3), "report_id": 1, "etag": None}
        conn.execute(t["report_url"].insert(), [{**url, "id": 1, "url": REAL, "etag": '"real"', "first_run_id": 1},
                                                {**url, "id": 2, "url": OTHER, "first_run_id": 2},
                                                {**url, "id": 3, "url": REPOST, "first_run_id": 2}])
        conn.execute(t["blob"].insert(), [{"sha256": c * 64, "kind": "raw", "size": 1, "stored_at": _at(0)}
                                          for c in "ab"])
        version = {"report_id": 1, "content_type": "text/html", "is_annual_report": True, "info_count": 0}
        conn.execute(t["version"].insert(), [
            {**version, "id": 1, "seq": 1, "url_id": 1, "captured_run_id": 1, "content_digest": "d1" * 32,
             "raw_sha256": "a" * 64, "first_seen": _at(1), "last_seen": _at(3), "title": "临江市人民政府2021年报告",
             "error_count": 0, "warning_count": 1},
            {**version, "id": 2, "seq": 2, "url_id": 2, "captured_run_id": 2, "content_digest": "d2" * 32,
             "raw_sha256": "b" * 64, "first_seen": _at(2), "last_seen": _at(2), "title": "假冒的报告",
             "error_count": 2, "warning_count": 0}])
        fetch = {"status": 200, "not_modified": False, "revisit": False, "report_id": 1}
        conn.execute(t["fetch"].insert(), [
            {**fetch, "id": 1, "run_id": 1, "url_id": 1, "version_id": 1, "fetched_at": _at(1), "outcome": "new_version"},
            {**fetch, "id": 2, "run_id": 2, "url_id": 2, "version_id": 2, "fetched_at": _at(2), "outcome": "new_version"},
            {**fetch, "id": 3, "run_id": 2, "url_id": 3, "version_id": 1, "fetched_at": _at(4), "outcome": "unchanged"},
            {**fetch, "id": 4, "run_id": 2, "url_id": 1, "version_id": 1, "fetched_at": _at(5), "outcome": "unchanged"},
            {**fetch, "id": 5, "run_id": 3, "url_id": 1, "version_id": 1, "fetched_at": _at(6), "outcome": "unchanged"}])
        finding = {"report_id": 1, "origin": "parser", "created_at": _at(1), "cells": []}
        conn.execute(t["finding"].insert(), [
            {**finding, "id": 1, "version_id": 1, "rule": "publication.late", "severity": "warning", "message": "晚"},
            {**finding, "id": 2, "version_id": 2, "rule": "s3.row_sum", "severity": "error", "message": "不等"},
            {**finding, "id": 3, "version_id": 2, "rule": "s3.balance", "severity": "error", "message": "不平"}])
        change = {"report_id": 1, "from_version_id": None, "to_version_id": None}
        conn.execute(t["change"].insert(), [
            {**change, "id": 1, "run_id": 1, "kind": "new_report", "to_version_id": 1, "detected_at": _at(1),
             "summary": "新报告", "detail": {"url": REAL}},
            {**change, "id": 2, "run_id": 2, "kind": "figures_changed", "from_version_id": 1,
             "to_version_id": 2, "detected_at": _at(2), "summary": "数字修改 等110处", "detail": {"figures": []}},
            {**change, "id": 3, "run_id": 2, "kind": "moved", "from_version_id": 2, "detected_at": _at(2),
             "summary": "报告迁移到新地址", "detail": {"old_urls": [REAL], "new_url": OTHER}}])
        alert = {"site_id": "lj", "run_id": 2, "report_id": 1, "recipient": "zwgk@lj.example.org",
                 "status": "sent", "created_at": _at(2), "payload": {}}
        conn.execute(t["alert"].insert(), [{**alert, "id": 1, "change_id": 2, "kind": "revised", "event_key": "v:2"},
                                           {**alert, "id": 2, "change_id": 3, "kind": "moved", "event_key": "c:3"}])
        if conn.dialect.name == "postgresql":     # ids were given: move the sequences past them
            for name in ("agency", "crawl_run", "report", "report_url", "version", "fetch", "finding", "change",
                         "alert"):
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM \"{name}\"")


def _table(engine, name: str) -> list[dict]:  # noqa: ANN001 (Engine)
    from sqlalchemy import MetaData, Table, select

    table = Table(name, MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(select(table).order_by(table.c[next(iter(
            c.name for c in table.primary_key.columns))]))]


def test_0004_splits_a_report_that_mixed_two_sites(db_url):
    engine = make_engine(db_url)
    _mixed_archive_at_0003(engine)
    migrate(engine)
    real, other = _table(engine, "report")
    assert (real["site_id"], real["year"], other["site_id"], other["year"]) == ("lj", 2021, "evil", 2021)
    assert other["agency_id"] == real["agency_id"] == 1

    urls = {(u["site_id"], u["url"]): u for u in _table(engine, "report_url")}
    assert {key: u["report_id"] for key, u in urls.items()} == {
        ("lj", REAL): real["id"], ("evil", OTHER): other["id"], ("evil", REPOST): other["id"],
        ("evil", REAL): other["id"]}                    # the real URL, fetched by both, has a row per site
    assert urls[("evil", REAL)]["etag"] == '"real"'

    versions = {v["id"]: v for v in _table(engine, "version")}
    assert [(v["seq"], v["content_digest"][:2]) for v in versions.values() if v["report_id"] == real["id"]] \
        == [(1, "d1")]
    theirs = sorted((v for v in versions.values() if v["report_id"] == other["id"]), key=lambda v: v["seq"])
    assert [(v["seq"], v["content_digest"][:2], v["captured_run_id"]) for v in theirs] == [(1, "d2", 2), (2, "d1", 2)]
    copy = theirs[1]                                    # the real report as the other site reposted it
    assert copy["raw_sha256"] == "a" * 64 and urls[("evil", REPOST)]["id"] == copy["url_id"]

    fetches = {f["id"]: (f["report_id"], f["version_id"]) for f in _table(engine, "fetch")}
    assert fetches == {1: (real["id"], 1), 2: (other["id"], 2), 3: (other["id"], copy["id"]),
                       4: (other["id"], copy["id"]), 5: (real["id"], 1)}
    findings = {(f["report_id"], f["version_id"], f["rule"]) for f in _table(engine, "finding")}
    assert findings == {(real["id"], 1, "publication.late"), (other["id"], 2, "s3.row_sum"),
                        (other["id"], 2, "s3.balance"), (other["id"], copy["id"], "publication.late")}

    changes = [(c["report_id"], c["kind"], c["from_version_id"], c["to_version_id"]) for c in _table(engine, "change")]
    assert changes == [(real["id"], "new_report", None, 1), (other["id"], "new_report", None, 2)]
    assert [(a["report_id"], a["change_id"]) for a in _table(engine, "alert")] == [(other["id"], None)] * 2

    assert (real["version_count"], real["latest_version_id"], real["latest_url_id"]) == (1, 1, 1)
    assert (real["error_count"], real["warning_count"], real["title"]) == (0, 1, "临江市人民政府2021年报告")
    assert (other["version_count"], other["latest_version_id"], other["error_count"]) == (2, copy["id"], 0)
    assert other["same_as_id"] == real["id"] and real["same_as_id"] is None
    engine.dispose()


def test_0004_downgrades_what_0003_cannot_hold_and_upgrades_again(db_url):
    from alembic import command

    from monitor.archive.db import alembic_config

    engine = make_engine(db_url)
    _mixed_archive_at_0003(engine)
    migrate(engine)
    command.downgrade(alembic_config(engine), "0003")
    reports = _table(engine, "report")
    assert [(r["site_id"], r["year"]) for r in reports] == [("lj", 2021), ("evil", None)]   # nothing merged
    urls = _table(engine, "report_url")
    assert sorted(u["url"] for u in urls) == sorted([REAL, OTHER, REPOST])                 # one row per URL
    real_url = next(u["id"] for u in urls if u["url"] == REAL)
    assert {f["url_id"] for f in _table(engine, "fetch") if f["id"] in (1, 4, 5)} == {real_url}
    migrate(engine)
    assert [(r["site_id"], r["year"]) for r in _table(engine, "report")] == [("lj", 2021), ("evil", None)]
    engine.dispose()

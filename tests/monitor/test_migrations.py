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

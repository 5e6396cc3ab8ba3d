"""Alembic environment: the engine comes from monitor.archive.db (``config.attributes["engine"]``).

On SQLite a migration that changes a constraint rebuilds the table (SQLite's ALTER cannot drop one), and the
rebuild drops the old table while other tables still reference it: foreign keys are switched off for the
migration and checked as a whole before it commits.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import monitor.archive.models  # noqa: F401 (registers the tables on SQLModel.metadata)

engine = context.config.attributes["engine"]
sqlite = engine.dialect.name == "sqlite"


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise RuntimeError(f"the migration leaves {len(broken)} rows with a dangling foreign key, e.g. {broken[:3]}")


with engine.connect() as connection:
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")   # only outside a transaction
        connection.commit()
    try:
        context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=sqlite,
                          include_name=lambda name, type_, _parent: not (type_ == "table"
                                                                          and name == "apscheduler_jobs"))
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                _check_foreign_keys(connection)
        connection.commit()
    finally:
        if sqlite:
            connection.rollback()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()

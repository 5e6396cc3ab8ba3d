"""Alembic environment: the engine comes from monitor.archive.db (``config.attributes["engine"]``)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import monitor.archive.models  # noqa: F401 (registers the tables on SQLModel.metadata)

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=SQLModel.metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      include_name=lambda name, type_, _parent: not (type_ == "table" and name == "apscheduler_jobs"))
    with context.begin_transaction():
        context.run_migrations()

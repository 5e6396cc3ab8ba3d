"""Connecting to the archive: SQLite (the embedded default) or PostgreSQL through the same code.

SQLite runs in WAL mode (readers do not block the crawl's writer) with foreign keys enforced and a busy
timeout, since the crawl's child process and the parent write to the same file. The schema is created
and upgraded by the Alembic migrations in ``monitor/migrations``.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

DEFAULT_DB = "sqlite:///gxmon.db"
MIGRATIONS = Path(__file__).parent / "migrations"
ARCHIVE_TABLES = ("report", "version", "finding", "change", "fetch")


class ArchiveMissing(RuntimeError):
    """The database holds no gxmon archive (or cannot be opened); the message names it, password hidden."""


def database_url(url: str | None = None) -> str:
    """The archive URL: the argument, else ``$GXMON_DB``, else ``gxmon.db`` in the current folder.

    A plain path (``archive.db``) is taken as a SQLite file.
    """
    url = url or os.environ.get("GXMON_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def default_store(url: str) -> Path:
    """Raw documents live beside a SQLite file (``gxmon-store/`` in its folder), else in ./gxmon-store."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        return Path(parsed.database).resolve().parent / "gxmon-store"
    return Path("gxmon-store").resolve()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API connection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")   # durable across process crashes in WAL mode
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-32768")     # 32 MiB of page cache per connection
    cursor.close()


def make_engine(url: str | None = None, connections: int | None = None) -> Engine:
    """An engine on ``url``; with ``connections``, its pool holds exactly that many (none beyond)."""
    url = database_url(url)
    parsed = make_url(url)
    pool = {"pool_size": connections, "max_overflow": 0} if connections else {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).resolve().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **pool)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the archive's schema."""
    command.upgrade(alembic_config(engine), revision)


def open_engine(url: str | None = None) -> Engine:
    """An engine on an archive whose schema is current (created if the database is new)."""
    engine = make_engine(url)
    migrate(engine)
    return engine


def check_archive(url: str | None = None) -> None:
    """Raise ArchiveMissing unless ``url`` is an existing gxmon archive. Creates nothing: a SQLite file that
    is not there is not opened (SQLite would create it), a PostgreSQL database is only connected to."""
    url = database_url(url)
    parsed = make_url(url)
    name = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise ArchiveMissing(f"{name}: an in-memory database holds no archive")
        if not Path(parsed.database).is_file():
            raise ArchiveMissing(f"{parsed.database}：没有这个存档文件")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            missing = [t for t in ARCHIVE_TABLES if not inspect(conn).has_table(t)]
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise ArchiveMissing(f"{name}: cannot open the archive: {reason}") from None
    finally:
        engine.dispose()
    if missing:
        raise ArchiveMissing(f"{name}: no gxmon archive here (tables {', '.join(missing)} missing); "
                             "`gxmon crawl` creates one")


def open_archive(url: str | None = None) -> Engine:
    """An engine on an existing archive (its schema upgraded if older); ArchiveMissing when there is none."""
    check_archive(url)
    return open_engine(url)


def session(engine: Engine) -> Session:
    return Session(engine, expire_on_commit=False)

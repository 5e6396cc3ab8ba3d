"""A read-only connection to the archive for the web pages.

The web server never writes: every connection it opens is made read-only by the database itself
(SQLite ``PRAGMA query_only``, PostgreSQL ``default_transaction_read_only``), so a bug in a page cannot
change the archive. It does not create or migrate the schema either: an archive that has none is an error
that names the database.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine, make_url

from monitor.archive.db import ARCHIVE_TABLES, ArchiveMissing, database_url, make_engine

SQLITE_MMAP_BYTES = 4 << 30     # address space only; the OS pages in what is read
SQLITE_CACHE_KIB = 32 << 10     # per connection


def _sqlite_read_only(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    # A reader walks indexes all over a large file: map it rather than copy pages into a small cache.
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def _postgres_read_only(dbapi_connection, _record) -> None:
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    dbapi_connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    dbapi_connection.autocommit = autocommit


def readonly_engine(url: str | None = None, connections: int | None = None) -> Engine:
    """An engine on an existing archive whose connections cannot write (a pool of ``connections``)."""
    url = database_url(url)
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:") and not Path(parsed.database).exists():
        raise ArchiveMissing(f"{parsed.database}：没有这个存档文件")
    engine = make_engine(url, connections)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_read_only)
    elif backend == "postgresql":
        event.listen(engine, "connect", _postgres_read_only)
    else:
        raise ArchiveMissing(f"{parsed.render_as_string(hide_password=True)}: unsupported database "
                             f"{backend!r} (SQLite or PostgreSQL)")
    missing = [t for t in ARCHIVE_TABLES if not inspect(engine).has_table(t)]
    if missing:
        engine.dispose()
        raise ArchiveMissing(f"{parsed.render_as_string(hide_password=True)}: no gxmon archive here "
                             f"(tables {', '.join(missing)} missing); run `gxmon crawl` first")
    return engine

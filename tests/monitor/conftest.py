"""Fixtures of the monitor tests: real databases (SQLite file, PostgreSQL server), archives, report pages.

The PostgreSQL server is started by the tests themselves (``tests.servers.running_postgres``: ``initdb``/``pg_ctl``
from the Debian package that scripts/system-packages.txt installs) in a temporary directory on a free port of
127.0.0.1, once per test process, and stopped at the end. Each test gets a fresh database copied from a migrated template.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from gxparse import parse_document
from monitor.archive.record import Archive
from monitor.config import MonitorConfig, parse_config
from monitor.archive.db import make_engine, migrate
from monitor.archive.documents import FetchedDocument
from monitor.archive.store import BlobStore
from simsite.render import render_report_html
from tests.servers import ServerMissing, new_database, running_postgres

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for this test process: yields its base URL (``postgresql+psycopg://…/``)."""
    try:
        with running_postgres() as server:
            yield server
    except ServerMissing as exc:
        pytest.fail(str(exc))


new_postgres_database = new_database


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An empty SQLite archive migrated once per test process: a test's copy costs a file copy, not the
    migrations (~0.2 CPU s each), as the PostgreSQL databases are copied from their template."""
    path = tmp_path_factory.mktemp("sqlite-template") / "archive.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()   # the last connection closed: the WAL is checkpointed into the file and removed
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty, migrated archive database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        shutil.copyfile(request.getfixturevalue("sqlite_template"), tmp_path / "archive.db")
        return f"sqlite:///{tmp_path / 'archive.db'}"
    return new_postgres_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'archive.db'}"


@pytest.fixture
def config() -> MonitorConfig:
    return parse_config({
        "site": [{"id": "kf", "name": "开封市人民政府", "start_urls": ["http://www.kaifeng.gov.cn/"],
                  "alert_to": ["zwgk@example.org"]}],
        "route": [{"site": "kf", "agency": "信访局", "to": ["xinfang@example.org"]}],
        "web": {"base_url": "http://gxmon.test"},
        "mail": {"sender": "gxmon@example.org", "retry_base_seconds": 0, "timeout": 5},
    })


def make_archive(url: str, store_dir: Path, config: MonitorConfig | None = None) -> Archive:
    engine = make_engine(url)
    migrate(engine)
    return Archive(engine, BlobStore(store_dir), config)


@pytest.fixture
def archive(db_url, tmp_path, config) -> Archive:
    archive = make_archive(db_url, tmp_path / "store", config)
    yield archive
    archive.engine.dispose()


def seed_report(name: str = "kaifeng_2021") -> dict:
    """The parsed JSON of a seed report (a real 2021 report)."""
    return parse_document((SEEDS / f"{name}.txt").read_bytes(), name).to_dict()


def page(report: dict, extra: str = "") -> bytes:
    """The report as an HTML page in the official layout, with ``extra`` HTML before </body>.

    simsite.render reads the prose from ``s1_text``…; report JSON holds it under ``text``."""
    prose = {f"{key}_text": value for key, value in (report.get("text") or {}).items()}
    return render_report_html({**report, **prose}).replace("</body>", f"{extra}</body>").encode("utf-8")


def changed(report: dict, **cells: int) -> dict:
    """A copy of ``report`` with cells set, e.g. ``changed(r, s3__new_received__total=9)`` (``__`` for dots
    between table, row and column; rows with dots use ``_dot_``)."""
    result = copy.deepcopy(report)
    for key, value in cells.items():
        table, row, column = key.replace("_dot_", ".").split("__")
        result[table][row][column] = value
    return result


def document(body: bytes, url: str = "http://kf.test/nb/2021.html", site: str = "kf", status: int = 200,
             **fields) -> FetchedDocument:
    return FetchedDocument(site_id=site, url=url, status=status, body=body,
                           **{"content_type": "text/html", "listing_url": "http://kf.test/nb/", **fields})

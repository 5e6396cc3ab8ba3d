"""Fixtures of the monitor tests: real databases (SQLite file, PostgreSQL server), archives, report pages.

The PostgreSQL server is started by the tests themselves (``initdb``/``pg_ctl`` from the Debian package
that scripts/system-packages.txt installs) in a temporary directory on a free port of 127.0.0.1, once per
test process, and stopped at the end. Each test gets a fresh database copied from a migrated template.
"""

from __future__ import annotations

import copy
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest

from gxparse import parse_document
from monitor.archive.record import Archive
from monitor.config import MonitorConfig, parse_config
from monitor.archive.db import make_engine, migrate
from monitor.archive.documents import FetchedDocument
from monitor.alerts.mailsink import free_port
from monitor.archive.store import BlobStore
from simsite.render import render_report_html

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


def _pg_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if not found:
        pytest.fail("PostgreSQL is not installed: run scripts/install-system.sh (package postgresql)")
    return Path(found[-1])


def _as_postgres(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:   # initdb and postgres refuse to run as root
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for this test process: yields its base URL (``postgresql+psycopg://…/``)."""
    bindir = _pg_bindir()
    root = Path(tempfile.mkdtemp(prefix="gxmon-pg-"))
    root.chmod(0o755)
    data = root / "data"
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    port = free_port()
    _as_postgres([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--no-sync", "--locale=C"])
    _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", "60",
                  "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c synchronous_commit=off -c full_page_writes=off", "start"])
    base = f"postgresql+psycopg://postgres@127.0.0.1:{port}/"
    try:
        with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE gxmon_template")
        engine = make_engine(base + "gxmon_template")
        migrate(engine)
        engine.dispose()
        yield {"base": base, "port": port}
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--"] * (os.geteuid() == 0)
                       + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def new_postgres_database(server: dict) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"host=127.0.0.1 port={server['port']} user=postgres dbname=postgres",
                         autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE gxmon_template")
    return server["base"] + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty, migrated archive database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
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

"""Real servers the tests and benchmarks start for themselves: PostgreSQL and Redis from Debian's packages
(scripts/system-packages.txt), in temporary folders, on free ports of 127.0.0.1, never left running.

- ``running_postgres()``: a PostgreSQL server (``initdb``/``pg_ctl``; as the ``postgres`` user when run as root,
  which they refuse) with a migrated template database ``gxmon_template``; ``new_database(server)`` copies it.
- ``RedisServer``: ``redis-server`` without persistence (or with ``appendonly``), restartable on its port.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import redis

from monitor.alerts.mailsink import free_port
from monitor.archive.db import make_engine, migrate


class ServerMissing(RuntimeError):
    """A server's Debian package is not installed."""


def _pg_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if not found:
        raise ServerMissing("PostgreSQL is not installed: run scripts/install-system.sh (package postgresql)")
    return Path(found[-1])


def _as_postgres(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:   # initdb and postgres refuse to run as root
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


@contextmanager
def running_postgres() -> Iterator[dict]:
    """A PostgreSQL server: yields ``{"base": "postgresql+psycopg://…/", "port": N}``; stopped at the end."""
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


def new_database(server: dict) -> str:
    """A fresh archive database on ``server``, copied from the migrated template; its URL."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"host=127.0.0.1 port={server['port']} user=postgres dbname=postgres",
                         autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE gxmon_template")
    return server["base"] + name


class RedisServer:
    def __init__(self, folder: Path, appendonly: bool = False) -> None:
        if shutil.which("redis-server") is None:
            raise ServerMissing("redis-server is not installed: run scripts/install-system.sh (package redis-server)")
        self.folder = folder
        self.appendonly = appendonly
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "yes" if self.appendonly else "no", "--daemonize", "no",
             "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = self.client()
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start: {(self.folder / 'redis.log').read_text()}")
                time.sleep(0.05)
        client.close()
        return self

    def kill(self) -> None:
        """Stop it outright (SIGKILL): what it held in memory only is gone."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def restart(self, down_seconds: float = 0.0) -> None:
        self.kill()
        time.sleep(down_seconds)
        self.start()

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)

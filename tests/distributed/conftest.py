"""Fixtures of the distributed-crawl tests: a real Redis per test, the PostgreSQL server of the monitor tests."""

from __future__ import annotations

import pytest

from simsite import SimServer, SimSite

from tests.monitor.conftest import new_postgres_database, postgres_server  # noqa: F401 (fixture)
from tests.servers import RedisServer



@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.kill()


@pytest.fixture
def pg_url(postgres_server) -> str:  # noqa: F811 (the fixture above)
    """A fresh, migrated archive database on the test process's PostgreSQL server."""
    return new_postgres_database(postgres_server)


@pytest.fixture
def cities():
    """Two simulated cities, each served on an address of its own."""
    sites = [SimSite(seed=f"scale-{n}", size=0) for n in range(2)]
    servers = [SimServer(site, addresses=[f"127.0.3.{10 + n}"]).start() for n, site in enumerate(sites)]
    yield list(zip(sites, servers, strict=True))
    for server in servers:
        server.close()

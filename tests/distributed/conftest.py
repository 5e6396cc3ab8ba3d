"""Fixtures of the distributed-crawl tests: a real Redis per test, the PostgreSQL server of the monitor tests."""

from __future__ import annotations

import pytest

from tests.monitor.conftest import new_postgres_database, postgres_server  # noqa: F401 (fixture)

from .redis_server import RedisServer


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.kill()


@pytest.fixture
def pg_url(postgres_server) -> str:  # noqa: F811 (the fixture above)
    """A fresh, migrated archive database on the test process's PostgreSQL server."""
    return new_postgres_database(postgres_server)

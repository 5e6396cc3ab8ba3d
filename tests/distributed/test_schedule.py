"""`gxmon run` with ``[schedule] redis``: a scheduled crawl is put on the queue, crawled by a worker, closed here."""

from __future__ import annotations

import pytest
from sqlmodel import select

from crawler.siteconfig import ConfigError
from monitor.archive.models import CrawlRun
from monitor.config import load_config, parse_config
from monitor.crawling.scheduler import crawl_job

from .helpers import COLUMNS, REPORTS_PER_COLUMN, scalar, start_worker, stop, write_config


def test_the_schedule_names_its_redis_by_url():
    assert parse_config({"schedule": {"redis": "redis://10.0.0.5:6379/2"}}).redis_url == "redis://10.0.0.5:6379/2"
    assert parse_config({}).redis_url is None
    with pytest.raises(ConfigError, match=r"\[schedule\]: redis 'localhost:6379' is not a Redis URL"):
        parse_config({"schedule": {"redis": "localhost:6379"}})


def test_a_scheduled_crawl_goes_through_the_queue(cities, redis_server, pg_url, tmp_path):
    config = write_config(tmp_path / "sites.toml", cities[:1], delay=0.0, columns=COLUMNS[:1])
    config.write_text(f'[schedule]\nredis = "{redis_server.url}"\n' + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    [site] = load_config(config).sites
    worker = start_worker(redis_server.url, tmp_path / "worker.log")
    try:
        crawl_job(pg_url, str(tmp_path / "store"), str(config), site.id)
    finally:
        stop(worker)
    run = scalar(pg_url, select(CrawlRun))
    assert (run.trigger, run.status, run.reports_found) == ("schedule", "ok", REPORTS_PER_COLUMN)
    assert f"crawling {site.id}" in (tmp_path / "worker.log").read_text()

"""Broken sites and per-site limits, all in one crawl: each bad site is reported and none stops the others."""

from __future__ import annotations

import socket

import pytest

from crawler.run import run_crawl
from crawler.siteconfig import Site
from simsite import SimSite, serve


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    good_site = SimSite(seed=41)
    good_site.prerender()
    servers = {"good": serve(good_site)}
    for fault in ("5xx", "loop", "garbage", "slow", "challenge"):
        servers[fault] = serve(SimSite(seed=41), fault=fault, delay=3.0 if fault == "slow" else 0.0)
    home = {name: s.base_url + "/index.html" for name, s in servers.items()}
    home["down"] = f"http://127.0.0.1:{closed_port()}/index.html"
    fast = {"delay": 0, "concurrency": 8, "retries": 0, "timeout": 20.0}
    sites = [Site(name, name, (url,), **{**fast, "timeout": 1.0 if name == "slow" else 20.0})
             for name, url in home.items()]
    sites += [Site("max-time", "max-time", (home["slow"],), **{**fast, "max_time": 2.0}),
              Site("max-total-bytes", "max-total-bytes", (home["good"],), **{**fast, "max_total_bytes": 60_000}),
              Site("max-pages", "max-pages", (home["good"],), **{**fast, "max_pages": 25}),
              Site("depth-2", "depth-2", (home["good"],), **{**fast, "depth": 2}),
              Site("max-bytes", "max-bytes", (home["good"],), **{**fast, "max_bytes": 6000})]
    state = tmp_path_factory.mktemp("faults")
    summary = run_crawl(sites, {"AUTOTHROTTLE_ENABLED": False, "GXMON_STATE_DIR": str(state),
                                "FEEDS": {str(state / "%(name)s-items.jsonl"): {"format": "jsonlines"}}},
                        timeout=180)
    yield summary, good_site
    for server in servers.values():
        server.close()


def test_good_site_is_crawled_completely_beside_the_broken_ones(crawl):
    summary, site = crawl
    good = summary.site("good")
    assert (good.failure, good.reports, good.finish_reason) == (None, len(site.expected_reports()), "finished"), \
        good.errors


@pytest.mark.parametrize("name, reason", [
    ("down", "Connection was refused"),
    ("5xx", "HTTP 503"),
    ("loop", "redirect loop"),
    ("slow", "TimeoutError"),
    ("challenge", "HTTP 412: an anti-bot script challenge (瑞数信息"),
])
def test_broken_site_is_reported_with_its_reason(crawl, name, reason):
    summary = crawl[0].site(name)
    assert summary.failure and reason in summary.failure and summary.documents == 0


def test_site_serving_garbage_is_reported(crawl):
    summary = crawl[0].site("garbage")
    assert summary.failure == "no 年报 column and no report link found from the start URL(s)"


def test_max_pages_stops_the_site(crawl):
    summary = crawl[0].site("max-pages")
    assert summary.finish_reason == "closespider_pagecount" and summary.pages_fetched < 60


def test_max_time_stops_the_site(crawl):
    summary = crawl[0].site("max-time")
    assert summary.finish_reason == "closespider_timeout" and summary.elapsed_seconds < 10


def test_max_total_bytes_stops_the_site(crawl):
    summary = crawl[0].site("max-total-bytes")
    assert summary.finish_reason == "closespider_bytes" and summary.reports < len(crawl[1].expected_reports())


def test_depth_limits_navigation_hops(crawl):
    summary = crawl[0].site("depth-2")
    assert 0 < summary.reports < len(crawl[1].expected_reports()) and summary.failure is None


def test_max_bytes_drops_large_responses(crawl):
    summary = crawl[0].site("max-bytes")
    assert summary.reports < len(crawl[1].expected_reports())
    assert any("max" in e.reason.lower() or "cancel" in e.reason.lower() for e in summary.errors)

"""Every simsite site family, on two seeds, crawled over real HTTP from its home page alone, as
`gxmon crawl --start-url` would: every report found, nothing else, robots.txt of every host obeyed, and the
crawl ends by itself without trap and within the pages-per-report target."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from protego import Protego

from crawler.run import run_crawl
from crawler.siteconfig import site_from_url
from simsite import serve
from simsite.families import FAMILIES, make_site

SEEDS = ("1", "frontier")
MAX_PAGES_PER_REPORT = 8


@pytest.fixture(scope="module", params=[(family, seed) for family in FAMILIES for seed in SEEDS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def crawl(request, tmp_path_factory):
    family, seed = request.param
    site = make_site(family, seed)
    site.prerender()
    state = tmp_path_factory.mktemp(f"{family}-{seed}")
    feed = Path(state, "items.jsonl")
    with serve(site) as server:
        target = site_from_url(server.base_url + "/")
        settings = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
                    "GXMON_STATE_DIR": str(state), "FEEDS": {str(feed): {"format": "jsonlines"}}}
        summary = run_crawl([target], settings, timeout=300).site(target.id)
        robots = {host: site.get("/robots.txt", host) for host in site.hosts}
        yield site, summary, [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()], \
            list(server.log), robots


def test_every_report_is_found(crawl):
    site, _, items, _, _ = crawl
    assert {r.final_url for r in site.expected_reports()} - {i["final_url"] for i in items} == set()


def test_nothing_but_reports_is_yielded(crawl):
    site, _, items, _, _ = crawl
    assert {i["final_url"] for i in items} - {r.final_url for r in site.expected_reports()} == set()


def test_every_host_robots_txt_is_obeyed(crawl):
    _, _, _, log, robots = crawl
    rules = {host: Protego.parse(answer.body.decode("utf-8", "replace")) for host, answer in robots.items()
             if answer.status == 200}
    assert [(e.host, e.path) for e in log if e.host in rules and not rules[e.host].can_fetch(e.path, "gxmon")] == []


def test_the_crawl_ends_by_itself_without_a_trap(crawl):
    _, summary, _, _, _ = crawl
    assert (summary.finish_reason, summary.coverage.traps) == ("finished", [])


def test_pages_fetched_per_report_stay_low(crawl):
    site, summary, _, _, _ = crawl
    assert summary.pages_fetched / len(site.expected_reports()) <= MAX_PAGES_PER_REPORT

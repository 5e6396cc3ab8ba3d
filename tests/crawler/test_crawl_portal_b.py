"""A crawl of a second portal built unlike simsite and tests/crawler/portal.py (tests/crawler/portal_b.py), over
real HTTP on two hosts, from its home page alone: every report found and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.run import run_crawl
from crawler.siteconfig import Site
from tests.crawler.portal_b import PortalB


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    state = tmp_path_factory.mktemp("portal_b")
    portal = PortalB()
    feed = Path(state, "items.jsonl")
    site = Site("beishan", "北山市人民政府", (portal.base + "/",), delay=0, concurrency=4, max_pages=800)
    settings = {"AUTOTHROTTLE_ENABLED": False, "GXMON_STATE_DIR": str(state),
                "FEEDS": {str(feed): {"format": "jsonlines"}}}
    try:
        summary = run_crawl([site], settings, timeout=240).site("beishan")
        items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
        yield portal, summary, items
    finally:
        portal.close()


def test_every_report_is_found(crawl):
    portal, _, items = crawl
    assert sorted(set(portal.expected) - {i["final_url"] for i in items}) == []


def test_nothing_but_reports_is_yielded(crawl):
    portal, _, items = crawl
    assert [i["final_url"] for i in items if i["final_url"] not in portal.expected] == []


def test_the_crawl_ends_by_itself(crawl):
    assert crawl[1].finish_reason == "finished"


def test_pages_fetched_per_report_stay_low(crawl):
    portal, summary, _ = crawl
    assert summary.pages_fetched / len(portal.expected) <= 8

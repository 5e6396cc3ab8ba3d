"""A crawl of a small instance of the generated news-heavy portal (simsite.newsheavy), under a tight page budget:
each unit linked twice, its home among the 部门网站 and its 信息公开 page among the 部门信息公开, both entered as
sub-sites; once the agency's 年报 column is found under one, the news columns of the other are not explored."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from crawler.run import run_crawl
from crawler.siteconfig import Site
from simsite import serve
from simsite.newsheavy import NewsHeavySite

UNITS = 8
MAX_PAGES = 150   # the reports (54) and the way to them (about 70 pages) fit; the bound keeps the test cheap either way


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> tuple[NewsHeavySite, set[str], Counter]:
    state = tmp_path_factory.mktemp("newsheavy")
    site = NewsHeavySite(1, units=UNITS, news_pages=(3, 6))
    with serve(site) as server:
        feed = Path(state, "items.jsonl")
        target = Site("newsheavy", "汉川市人民政府", (server.base_url + "/",), delay=0, concurrency=4,
                      max_pages=MAX_PAGES)
        run_crawl([target], {"AUTOTHROTTLE_ENABLED": False, "GXMON_STATE_DIR": str(state),
                             "FEEDS": {str(feed): {"format": "jsonlines", "fields": ["final_url"]}}}, timeout=120)
        found = {json.loads(line)["final_url"] for line in feed.read_text(encoding="utf-8").splitlines()}
        return site, found, Counter(site.kind_of(entry.path) for entry in server.log)


def test_every_report_is_found(crawl):
    site, found, _ = crawl
    assert found == {r.final_url for r in site.expected_reports()}


def test_no_news_page_is_explored_once_each_agencys_column_is_found(crawl):
    _, _, kinds = crawl
    assert kinds["news"] == 0

"""Crawls of the simulated site over real HTTP, through ``run_crawl`` (a child Scrapy process).

One site is crawled three times in a row: the first crawl must find every report and nothing else, the
second must be answered with 304s only, the third sees one report revised and one withdrawn.
"""

from __future__ import annotations

import base64
import email
import json
from pathlib import Path

import pytest

from crawler.run import run_crawl
from crawler.siteconfig import Site
from simsite import SimSite, serve

FAST = {"AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "INFO"}


def crawl(server, state: Path, name: str, settings: dict | None = None, **site_options):
    """One crawl of the served site (with further Scrapy ``settings``); returns its summary and the items of
    its feed."""
    feed = state / f"{name}.jsonl"
    site = Site("sim", "临江市人民政府", (server.base_url + "/index.html",), delay=0, concurrency=8,
                **site_options)
    settings = {**FAST, "GXMON_STATE_DIR": str(state), "FEEDS": {str(feed): {"format": "jsonlines"}},
                **(settings or {})}
    summary = run_crawl([site], settings, timeout=180)
    items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    return summary.site("sim"), items


@pytest.fixture(scope="module")
def site():
    site = SimSite(seed=21)
    site.prerender()
    return site


@pytest.fixture(scope="module")
def server(site):
    with serve(site) as server:
        yield server


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    return tmp_path_factory.mktemp("crawl-state")


@pytest.fixture(scope="module")
def first(server, state):
    start = len(server.log)
    summary, items = crawl(server, state, "first")
    return summary, items, server.log[start:]


@pytest.fixture(scope="module")
def second(first, server, state):
    start = len(server.log)
    summary, items = crawl(server, state, "second")
    return summary, items, server.log[start:]


@pytest.fixture(scope="module")
def third(second, site, server, state):
    reports = site.expected_reports()
    revised = next(r for r in reports if r.format == "pdf")
    withdrawn = next(r for r in reports if r.format == "html" and r.url == r.final_url)
    site.revise(revised.id)
    site.withdraw(withdrawn.id)
    start = len(server.log)
    summary, items = crawl(server, state, "third")
    return summary, items, server.log[start:], revised, withdrawn


# -- the first crawl -------------------------------------------------------------------------------------

def test_recall_and_precision_are_both_100_percent(first, site):
    _, items, _ = first
    found = [i["final_url"] for i in items if i["status"] == 200]
    assert len(found) == len(set(found))
    assert set(found) == {r.final_url for r in site.expected_reports()}


def test_items_say_the_agency_and_year_the_site_states(first, site):
    expected = {r.final_url: (r.agency, r.year) for r in site.expected_reports()}
    assert {i["final_url"]: (i["agency"], i["year"]) for i in first[1]} == expected


def test_items_carry_the_publication_date_shown(first, site):
    expected = {r.final_url: r.published for r in site.expected_reports()}
    assert {i["final_url"]: i["published_at"] for i in first[1]} == expected


def test_items_carry_the_exact_bytes_served(first, site, server):
    for item in first[1]:
        path = item["final_url"].removeprefix(server.base_url)
        assert _page_bytes(item) == site.get(path).body


def test_pages_whose_tables_are_pictures_come_with_them(first, site):
    pictured = {r.final_url for r in site.expected_reports() if r.pictured}
    types = {i["content_type"] for i in first[1] if i["final_url"] in pictured and i["verdict"] == "report"}
    assert types == {"multipart/related"}


def _page_bytes(item: dict) -> bytes:
    """The page of an item: its body, or the first part of an MHTML bundle (a page with its pictures)."""
    body = base64.b64decode(item["body"])
    if item["content_type"] != "multipart/related":
        return body
    return email.message_from_bytes(body).get_payload()[0].get_payload(decode=True)


def test_items_remember_the_url_before_redirects(first, site):
    moved = {r.final_url: r.url for r in site.expected_reports() if r.url != r.final_url}
    assert moved and all(i["url"] == moved[i["final_url"]] for i in first[1] if i["final_url"] in moved)


def test_items_name_their_listing_page(first, server):
    assert all("/ndbg/index" in i["listing_url"] for i in first[1])


def test_robots_txt_is_fetched_first_and_obeyed(first):
    _, _, log = first
    assert log[0].path == "/robots.txt"
    assert not [e for e in log if e.path.startswith("/private/")]


def test_user_agent_identifies_the_crawler_and_a_contact_url(first):
    assert all(e.user_agent.startswith("gxmon/") and "+http" in e.user_agent for e in first[2])


def test_offsite_redirect_is_not_followed_and_is_reported(first):
    summary, _, log = first
    assert not [e for e in log if e.path.startswith("/province/")]
    assert any("off-site redirect refused" in e.reason for e in summary.errors)


def test_redirect_loop_is_reported(first):
    assert any(e.reason.startswith("IgnoreRequest: redirect loop") for e in first[0].errors)


def test_broken_links_are_reported(first, site, server):
    broken = {server.base_url + e.href for e in site.entries("broken")}
    assert broken <= {e.url for e in first[0].errors if e.reason == "HTTP 404"}


def test_lookalike_pages_are_mostly_not_even_fetched(first, site):
    fetched = {e.path for e in first[2]}
    lookalikes = [e for e in site.entries("lookalike")]
    assert sum(e.page in fetched for e in lookalikes) < len(lookalikes) / 4


def test_gbk_sub_site_reports_are_found_and_decoded(first, site):
    gbk = next(s for s in site.subsites if s.encoding == "gbk")
    items = [i for i in first[1] if f"/qx/{gbk.id}/" in i["final_url"]]
    assert items and all(i["agency"].startswith(gbk.name.removesuffix("人民政府")) for i in items)


def test_summary_counts(first, site):
    summary = first[0]
    n = len(site.expected_reports())
    assert (summary.documents, summary.reports, summary.failure, summary.finish_reason) == (n, n, None, "finished")
    assert summary.list_pages > 10 and summary.robots_forbidden >= 1


# -- the second crawl: nothing changed -------------------------------------------------------------------

def test_second_crawl_answers_every_unchanged_document_with_304(second, site):
    _, items, log = second
    documents = {r.final_url.split(":", 2)[2].split("/", 1)[1] for r in site.expected_reports()}
    answers = {e.path.lstrip("/"): e.status for e in log if e.path.lstrip("/") in documents}
    assert answers and set(answers.values()) == {304} and set(answers) == documents


def test_second_crawl_items_are_all_not_modified(second, site):
    _, items, _ = second
    assert len(items) == len(site.expected_reports())
    assert all(i["not_modified"] and i["status"] == 304 and i["body"] == "" for i in items)


def test_list_pages_are_always_reread(second):
    lists = [e for e in second[2] if "/ndbg/index" in e.path]
    assert lists and all(e.status == 200 and e.if_none_match is None for e in lists)


# -- the third crawl: one report revised, one withdrawn --------------------------------------------------

def test_revised_report_is_downloaded_again(third, site):
    _, items, _, revised, _ = third
    item = next(i for i in items if i["final_url"] == revised.final_url)
    path = revised.final_url.removeprefix(site.base_url)
    assert item["status"] == 200 and base64.b64decode(item["body"]) == site.get(path).body


def test_withdrawn_report_is_revisited_and_reported_gone(third):
    _, items, _, _, withdrawn = third
    item = next(i for i in items if i["url"] == withdrawn.url)
    assert (item["status"], item["revisit"], item["not_modified"]) == (404, True, False)


def test_everything_else_is_still_304(third, site):
    _, items, _, revised, withdrawn = third
    rest = [i for i in items if i["url"] not in (revised.url, withdrawn.url)]
    assert len(rest) == len(site.expected_reports()) - 1 and all(i["status"] == 304 for i in rest)

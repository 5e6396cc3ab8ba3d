"""Crawls closed by a limit while a report page's pictures are being fetched, and a crawl that crashes, over
real HTTP.

The page's item waits for its last picture, so a limit that strikes in between (here: as soon as one chosen
picture has answered, ``tests.crawler.limits``) leaves the page out of that crawl. It is not yielded without
its remaining pictures: that would archive a version with tables missing, and the complete page the next
crawl brings would be a second version, a revision the agency never made. Nothing records the page as
archived either (validators, pictures), so the next crawl fetches it in full; with a JOBDIR, the resumed
crawl fetches the pictures still to come and yields the page once.

A crawl killed outright saves nothing at close; what it archived stays known with its pictures (the picture
store's journal is written as each item is archived), so a picture replaced since is still noticed.
"""

from __future__ import annotations

import base64
import email
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from crawler.run import run_crawl
from crawler.siteconfig import Site
from simsite import SimSite, serve
from tests.crawler.limits import closing_at_picture, crashing_after_bundles
from tests.crawler.test_crawl import FAST, crawl


def _site() -> SimSite:
    site = SimSite(seed=21)
    site.prerender()
    return site


def _target(site: SimSite, server):
    """The first report page printed with pictures, and the paths of its pictures in page order."""
    report = next(r for r in site.expected_reports() if r.pictured)
    page = site.get(report.final_url.removeprefix(server.base_url)).body.decode()
    return report, re.findall(r'src="(/uploads/[^"]+\.png)"', page)


def _items_of(items: list[dict], url: str) -> list[dict]:
    return [i for i in items if i["final_url"] == url]


def _pictures(item: dict) -> dict[str, bytes]:
    """An MHTML item's pictures by their Content-Location."""
    parts = email.message_from_bytes(base64.b64decode(item["body"])).get_payload()
    return {part["Content-Location"]: part.get_payload(decode=True) for part in parts[1:]}


# -- without a JOBDIR: the next crawl starts afresh --------------------------------------------------------

@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A crawl closed after the target's first picture, then a whole one; then, after a picture of the
    target is replaced, a crawl closed as soon as that picture has answered its check, then a whole one."""
    state: Path = tmp_path_factory.mktemp("limits-fresh")
    site = _site()
    with serve(site) as server:
        report, pictures = _target(site, server)
        runs = {"cut": crawl(server, state, "cut", closing_at_picture(pictures[0])),
                "after": crawl(server, state, "after")}
        site.retake_picture(report.id, "s3")
        runs["check_cut"] = crawl(server, state, "check_cut", closing_at_picture(pictures[1]))
        runs["check_after"] = crawl(server, state, "check_after")
        yield site, server.base_url, report, pictures, runs


def test_the_limit_struck_while_the_page_waited_for_its_pictures(fresh):
    *_, runs = fresh
    summary, items = runs["cut"]
    assert summary.finish_reason == "closespider_pagecount" and 0 < len(items) < summary.pages_fetched


def test_a_page_cut_off_from_its_pictures_is_not_yielded_without_them(fresh):
    _, _, report, _, runs = fresh
    assert _items_of(runs["cut"][1], report.final_url) == []
    assert all(len(i["pictures"]) == 3 for i in runs["cut"][1] if i["content_type"] == "multipart/related")


def test_the_next_crawl_fetches_the_page_with_every_picture(fresh):
    site, base, report, pictures, runs = fresh
    [item] = _items_of(runs["after"][1], report.final_url)
    assert item["status"] == 200 and list(_pictures(item)) == [base + p for p in pictures]


def test_a_page_whose_changed_picture_was_seen_just_before_the_limit_is_not_yielded(fresh):
    _, _, report, _, runs = fresh
    assert _items_of(runs["check_cut"][1], report.final_url) == []


def test_the_next_crawl_still_finds_the_changed_picture(fresh):
    site, base, report, pictures, runs = fresh
    [item] = _items_of(runs["check_after"][1], report.final_url)
    assert item["status"] == 200 and _pictures(item)[base + pictures[1]] == site.get(pictures[1]).body


# -- with a JOBDIR: the crawl resumes ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    state: Path = tmp_path_factory.mktemp("limits-jobdir")
    jobs = {"GXMON_JOBDIR_ROOT": str(state / "jobs")}
    site = _site()
    with serve(site) as server:
        report, pictures = _target(site, server)
        cut = crawl(server, state, "cut", {**jobs, **closing_at_picture(pictures[0])})
        rest = crawl(server, state, "rest", jobs)
        yield site, server.base_url, report, pictures, cut, rest


def test_the_resumed_crawl_yields_the_page_once_with_every_picture(resumed):
    _, base, report, pictures, cut, rest = resumed
    [item] = _items_of(cut[1] + rest[1], report.final_url)
    assert cut[0].finish_reason == "closespider_pagecount" and rest[0].finish_reason == "finished"
    assert list(_pictures(item)) == [base + p for p in pictures]


def test_the_two_runs_yield_every_report_once(resumed):
    site, _, _, _, cut, rest = resumed
    yielded = Counter(i["final_url"] for i in cut[1] + rest[1])
    assert set(yielded) == {r.final_url for r in site.expected_reports()} and set(yielded.values()) == {1}


# -- a crash: the crawl is killed outright once two bundled pages are archived ------------------------------

@pytest.fixture(scope="module")
def crashed(tmp_path_factory):
    """A crawl killed after archiving two bundles (validators kept per item, as the archive keeps them); then,
    after a picture of one of those pages is replaced, a whole crawl."""
    state: Path = tmp_path_factory.mktemp("limits-crash")
    archive = {"GXMON_VALIDATORS": "tests.crawler.limits.PerItemValidators"}
    site = _site()
    with serve(site) as server:
        killed = crawl_unfinished(server, state, {**archive, **crashing_after_bundles(2)})
        archived = json.loads((state / "sim" / "validators.json").read_text())["documents"]
        bundled = [r for r in site.expected_reports() if r.pictured and r.url in archived]
        site.retake_picture(bundled[0].id, "s3")
        after = crawl(server, state, "after", archive)
        yield site, server.base_url, killed, bundled, after


def crawl_unfinished(server, state: Path, settings: dict):
    """The summary of a crawl that will not close; no feed (a killed crawl's feed is cut anywhere)."""
    site = Site("sim", "临江市人民政府", (server.base_url + "/index.html",), delay=0, concurrency=8)
    return run_crawl([site], {**FAST, "GXMON_STATE_DIR": str(state), **settings}, timeout=180).site("sim")


def test_the_crawl_was_killed_after_archiving_bundles(crashed):
    site, _, killed, bundled, _ = crashed
    # At least two: a bundle whose last handler ran in the same turn of the reactor is archived too.
    assert killed.finish_reason == "missing" and 2 <= len(bundled) < sum(r.pictured for r in site.expected_reports())


def test_after_a_crash_a_picture_replaced_since_is_still_noticed(crashed):
    site, base, _, bundled, after = crashed
    [item] = _items_of(after[1], bundled[0].final_url)
    assert item["status"] == 200
    assert all(body == site.get(url.removeprefix(base)).body for url, body in _pictures(item).items())


def test_after_a_crash_an_unchanged_bundle_answers_304(crashed):
    _, _, _, bundled, after = crashed
    [item] = _items_of(after[1], bundled[1].final_url)
    assert item["status"] == 304

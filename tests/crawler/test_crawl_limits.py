"""Crawls closed by a limit while a report page's pictures are being fetched, over real HTTP.

The page's item waits for its last picture, so a limit that strikes in between (here: as soon as one chosen
picture has answered, ``tests.crawler.limits``) leaves the page out of that crawl. It is not yielded without
its remaining pictures: that would archive a version with tables missing, and the complete page the next
crawl brings would be a second version, a revision the agency never made. Nothing records the page as
archived either (validators, pictures), so the next crawl fetches it in full; with a JOBDIR, the resumed
crawl fetches the pictures still to come and yields the page once.
"""

from __future__ import annotations

import base64
import email
import re
from collections import Counter
from pathlib import Path

import pytest

from simsite import SimSite, serve
from tests.crawler.limits import closing_at_picture
from tests.crawler.test_crawl import crawl


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

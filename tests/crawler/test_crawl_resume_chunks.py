"""An interrupted crawl (Ctrl-C) resumes the shells of an app waiting for its bundle's lazy chunk that reads their
address (crawler/spiders/scripts.py ``_bundle_shells``, saved in the crawl's state by crawler/spiders/reports.py):
in no queue Scrapy keeps, the resumed crawl reads the chunk for each of them.

东泽市开发区's platform (tests/crawler/zones_site.py): one shell for two zones (``?deptId=5001``, ``?deptId=5002``),
both read before the chunk is asked. The server holds the chunk until the first crawl, run as a user runs it
(``scrapy crawl reports -s JOBDIR=…``), has been told to stop (SIGINT), then answers it 503 once (a busy server): the
graceful stop lets that download end, and the chunk's retry is left in the saved queue, with both shells waiting
for it. The resumed crawl fetches the chunk and asks the list of each zone."""

from __future__ import annotations

import threading

import pytest

from tests.crawler.portal import Page
from tests.crawler.resumes import WAIT_SECONDS, interrupted_and_resumed
from tests.crawler.zones_site import ZONE_CHUNK, ZonesPortal


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("resume_chunks")
    portal = ZonesPortal()
    chunk, released, answered = portal.main.pages.pop(ZONE_CHUNK), threading.Event(), []

    def held_chunk(query: dict) -> Page:
        if answered:
            return chunk
        released.wait(WAIT_SECONDS)
        answered.append(True)
        return Page(b"<h1>503 Service Unavailable</h1>", status=503)

    portal.main.dynamic[ZONE_CHUNK] = held_chunk
    try:
        yield portal, *interrupted_and_resumed(portal, ZONE_CHUNK, released, tmp), tmp
    finally:
        released.set()
        portal.close()


def test_the_first_crawl_stopped_with_both_shells_waiting_for_the_chunk(resumed):
    portal, asked_first, _, tmp = resumed
    assert "Closing spider (shutdown)" in (tmp / "first.log").read_text(encoding="utf-8")
    first = portal.main.log[:asked_first]
    assert {"/index.html?deptId=5001", "/index.html?deptId=5002"} <= set(first)
    assert not [t for t in first if t.startswith("/api/ndbg/list")]


def test_the_resumed_crawl_reads_the_chunk_for_each_shell_and_finds_every_report(resumed):
    portal, asked_first, items, _ = resumed
    assert sorted(t for t in portal.main.log[asked_first:] if t.startswith("/api/ndbg/list")) == [
        f"/api/ndbg/list?deptId={d}&pageNo=1&pageSize=10" for d in ("5001", "5002")]
    assert sorted({i["final_url"] for i in items if i["status"] == 200}) == sorted(portal.expected)

"""An interrupted crawl (Ctrl-C) resumes the script shells waiting in it: a shell whose bundle is being read waits to be
rendered until the crawl runs dry (crawler/spiders/rendering.py), in no queue Scrapy keeps; the resumed crawl
still renders it and finds the reports behind it.

青岚县's portal (tests/crawler/spa_site.py), only a browser can read: its home page is an app shell whose framework
file is held by the server until the first crawl, run as a user runs it (``scrapy crawl reports -s JOBDIR=…``), has
been told to stop (SIGINT): the shell is then waiting for its bundle, the crawl stops without rendering it."""

from __future__ import annotations

import threading

import pytest

from tests.crawler.portal import Page
from tests.crawler.resumes import WAIT_SECONDS, interrupted_and_resumed
from tests.crawler.spa_site import SpaPortal


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("resume_shells")
    portal = SpaPortal()
    for hostile in ("/zwgk/tzgg.html", "/zwgk/zwgk.html"):   # their renders cost time and find nothing: gone
        del portal.main.pages[hostile]
    framework, released = portal.main.pages.pop("/static/qf.js"), threading.Event()

    def held_framework(query: dict) -> Page:
        released.wait(WAIT_SECONDS)
        return framework

    portal.main.dynamic["/static/qf.js"] = held_framework
    try:
        yield portal, *interrupted_and_resumed(portal, "/static/qf.js", released, tmp), tmp
    finally:
        released.set()
        portal.close()


def test_the_first_crawl_stopped_with_its_shell_waiting(resumed):
    portal, asked_first, items, tmp = resumed
    assert "Closing spider (shutdown)" in (tmp / "first.log").read_text(encoding="utf-8")
    assert not [t for t in portal.main.log[:asked_first] if t.startswith("/api/list")]


def test_the_resumed_crawl_renders_the_shell_and_finds_every_report(resumed):
    portal, _, items, _ = resumed
    assert sorted({i["final_url"] for i in items if i["status"] == 200}) == sorted(portal.expected)

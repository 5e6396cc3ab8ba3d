"""An interrupted crawl (Ctrl-C) resumes the script shells waiting in it: a shell whose bundle is being read waits to be
rendered until the crawl runs dry (crawler/spiders/rendering.py), in no queue Scrapy keeps; the resumed crawl
still renders it and finds the reports behind it.

青岚县's portal (tests/crawler/spa_site.py), only a browser can read: its home page is an app shell whose framework
file is held by the server until the first crawl, run as a user runs it (``scrapy crawl reports -s JOBDIR=…``), has
been told to stop (SIGINT): the shell is then waiting for its bundle, the crawl stops without rendering it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.crawler.portal import Page
from tests.crawler.spa_site import SpaPortal

ROOT = Path(__file__).resolve().parents[2]
RENDER_SECONDS = 5
WAIT_SECONDS = 120


def scrapy_crawl(url: str, jobdir: Path, feed: Path, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "scrapy", "crawl", "reports", "-a", f"start_url={url}", "-O", str(feed),
               "-s", f"JOBDIR={jobdir}", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", f"GXMON_RENDER_SECONDS={RENDER_SECONDS}", "-s", f"LOG_FILE={log}"]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"})


def wait_for(condition, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert condition(), "the crawl never came to the moment it is interrupted at"


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
        first = scrapy_crawl(portal.base + "/", tmp / "job", tmp / "first.jsonl", tmp / "first.log")
        wait_for(lambda: "/static/qf.js" in portal.main.log, first)
        first.send_signal(signal.SIGINT)
        log = tmp / "first.log"
        wait_for(lambda: log.exists() and "shutting down gracefully" in log.read_text(encoding="utf-8"), first)
        released.set()
        assert first.wait(timeout=WAIT_SECONDS) == 0
        asked_first = len(portal.main.log)
        second = scrapy_crawl(portal.base + "/", tmp / "job", tmp / "second.jsonl", tmp / "second.log")
        assert second.wait(timeout=WAIT_SECONDS * 2) == 0
        yield portal, asked_first, [json.loads(line) for name in ("first", "second")
                                    for line in (tmp / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()], tmp
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

"""A crawl run as a user runs it (``scrapy crawl reports -s JOBDIR=…``), told to stop (SIGINT) at a moment a test
holds it at, then resumed from its job directory: for the tests of what an interrupted crawl keeps."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

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


def interrupted_and_resumed(portal, held: str, released: threading.Event, tmp: Path) -> tuple[int, list[dict]]:
    """Crawls ``portal`` from its home page, tells the crawl to stop once the server was asked for ``held`` (which
    it answers once ``released`` is set: set here when the crawl is shutting down), then resumes it: (the requests
    the server answered the first crawl, the items of both crawls)."""
    first = scrapy_crawl(portal.base + "/", tmp / "job", tmp / "first.jsonl", tmp / "first.log")
    wait_for(lambda: held in portal.main.log, first)
    first.send_signal(signal.SIGINT)
    log = tmp / "first.log"
    wait_for(lambda: log.exists() and "shutting down gracefully" in log.read_text(encoding="utf-8"), first)
    released.set()
    assert first.wait(timeout=WAIT_SECONDS) == 0
    asked_first = len(portal.main.log)
    second = scrapy_crawl(portal.base + "/", tmp / "job", tmp / "second.jsonl", tmp / "second.log")
    assert second.wait(timeout=WAIT_SECONDS * 2) == 0
    return asked_first, [json.loads(line) for name in ("first", "second")
                         for line in (tmp / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]

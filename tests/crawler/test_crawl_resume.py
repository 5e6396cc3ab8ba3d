"""An interrupted crawl (Ctrl-C) resumes from its JOBDIR without losing or repeating a document.

Runs ``scrapy crawl reports -a start_url=… -O feed.jsonl`` as a user would, interrupting the first run with
SIGINT once the site has answered a fair share of its requests.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from simsite import SimSite, serve

ROOT = Path(__file__).resolve().parents[2]


def scrapy_crawl(url: str, jobdir: Path, feed: Path, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "scrapy", "crawl", "reports", "-a", f"start_url={url}", "-O", str(feed),
               "-s", f"JOBDIR={jobdir}", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", f"LOG_FILE={log}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    return subprocess.Popen(command, cwd=ROOT, env=env)


def items(feed: Path) -> list[dict]:
    return [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("resume")
    site = SimSite(seed=33)
    site.prerender()
    with serve(site, delay=0.02) as server:
        first = scrapy_crawl(server.base_url + "/index.html", tmp / "job", tmp / "first.jsonl", tmp / "first.log")
        deadline = time.monotonic() + 120
        while len(server.log) < 120 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        first.send_signal(signal.SIGINT)
        assert first.wait(timeout=120) == 0
        interrupted_at = len(server.log)
        second = scrapy_crawl(server.base_url + "/index.html", tmp / "job", tmp / "second.jsonl", tmp / "second.log")
        assert second.wait(timeout=180) == 0
        yield site, server.log[:], interrupted_at, items(tmp / "first.jsonl"), items(tmp / "second.jsonl"), tmp


def test_first_run_was_really_interrupted(resumed):
    *_, first, second, tmp = resumed
    assert "Closing spider (shutdown)" in (tmp / "first.log").read_text(encoding="utf-8")
    assert first and second


def test_nothing_is_lost(resumed):
    site, _, _, first, second, _ = resumed
    found = {i["final_url"] for i in first + second if i["status"] == 200}
    assert found == {r.final_url for r in site.expected_reports()}


def test_nothing_is_archived_twice(resumed):
    _, _, _, first, second, _ = resumed
    assert not {i["url"] for i in first} & {i["url"] for i in second}
    assert len({i["url"] for i in second}) == len(second)


def test_no_document_is_downloaded_twice(resumed):
    site, log, _, _, _, _ = resumed
    documents = {r.final_url.removeprefix(site.base_url) for r in site.expected_reports()}
    downloads = Counter(e.path for e in log if e.path in documents and e.status == 200)
    assert set(downloads.values()) == {1}


def test_finished_job_forgets_its_queue_for_the_next_crawl(resumed):
    *_, tmp = resumed
    assert not (tmp / "job" / "requests.seen").exists()
    assert (tmp / "job" / "validators.json").exists()

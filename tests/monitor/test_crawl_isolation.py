"""One site's bombs, trap or crash cost only that site (issue 12): sites crawled into one archive, one serving
hostile attachments, one a link farm, one whose crawl process is killed, one plain; and a crawl as a whole
stops at its [crawl] max_time. Over real HTTP (tests/crawler/hostile.py)."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from sqlmodel import Session, select

from monitor.archive.models import CrawlRun, Finding, ReportUrl, Version
from monitor.archive.record import UNREADABLE_RULE
from monitor.archive.store import RAW
from monitor.config import load_config
from monitor.crawling.job import crawl_now
from tests.crawler.hostile import HostileSite
from tests.crawler.test_crawl_hostile import farm, poisoned
from tests.monitor.conftest import make_archive

FAST = {"delay": 0, "concurrency": 4, "retries": 0, "timeout": 20, "parse_seconds": 3}


def write_config(path: Path, sites: dict[str, HostileSite], crawl: str = "") -> Path:
    path.write_text(crawl + "".join(
        f'[[site]]\nid = "{name}"\nname = "{site.name}人民政府"\nstart_urls = ["{site.start_url}"]\n'
        + "".join(f"{key} = {value}\n" for key, value in FAST.items()) for name, site in sites.items()),
        encoding="utf-8")
    return path


def _crawl_child_of(site_id: str) -> int | None:
    """The pid of this process's crawl child that crawls ``site_id`` (its job file names the site)."""
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            argv = (entry / "cmdline").read_bytes().decode().split("\0")
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == os.getpid() and "crawler.run" in argv and argv[-2].endswith(".json"):
            job = json.loads(Path(argv[-2]).read_text(encoding="utf-8"))
            if [s["id"] for s in job["sites"]] == [site_id]:
                return int(entry.name)
    return None


def _kill_when_running(site_id: str, done: threading.Event) -> None:
    """SIGKILL the site's crawl child a little after it has started (as the kernel's OOM killer would)."""
    deadline = time.monotonic() + 120
    while not done.is_set() and time.monotonic() < deadline:
        pid = _crawl_child_of(site_id)
        if pid is not None:
            time.sleep(3)
            os.kill(pid, signal.SIGKILL)
            return
        time.sleep(0.2)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("isolation")
    bad, bombs = poisoned()
    good, victim = HostileSite("乙市"), HostileSite("庚市", trickle=0.05)   # the victim is slow: killed mid-crawl
    sites = {"poisoned": bad, "good": good, "victim": victim, "farm": farm()}
    config = load_config(write_config(tmp / "sites.toml", sites))
    archive = make_archive(f"sqlite:///{tmp / 'archive.db'}", tmp / "store", config)
    done = threading.Event()
    killer = threading.Thread(target=_kill_when_running, args=("victim", done))
    killer.start()
    try:
        result = crawl_now(archive.engine, archive.store, config, send_mail=False, timeout=240)
        yield archive, sites, bombs, {site.site_id: site.run for site in result.sites}
    finally:
        done.set()
        killer.join()
        archive.engine.dispose()
        for site in sites.values():
            site.close()


def _versions(archive, site_id: str, urls) -> dict[str, Version]:
    with Session(archive.engine) as s:
        rows = s.exec(select(ReportUrl.url, Version).join(Version, Version.url_id == ReportUrl.id)
                      .where(ReportUrl.site_id == site_id, ReportUrl.url.in_(list(urls)))).all()
    return dict(rows)


def test_every_report_of_the_good_site_is_archived(crawled):
    archive, sites, _, runs = crawled
    assert set(_versions(archive, "good", sites["good"].expected)) == set(sites["good"].expected)
    assert runs["good"].status == "ok"


def test_the_genuine_reports_beside_the_bombs_are_archived(crawled):
    archive, sites, _, _ = crawled
    assert set(_versions(archive, "poisoned", sites["poisoned"].expected)) == set(sites["poisoned"].expected)


def test_each_bomb_is_archived_with_its_raw_bytes_and_a_finding_naming_why_it_is_unreadable(crawled):
    archive, _, bombs, _ = crawled
    versions = _versions(archive, "poisoned", bombs)
    with Session(archive.engine) as s:
        messages = {url: s.exec(select(Finding.message).where(Finding.version_id == version.id,
                                                             Finding.rule == UNREADABLE_RULE)).one()
                    for url, version in versions.items()}
    assert {url: reason in messages.get(url, "") for url, reason in bombs.items()} == dict.fromkeys(bombs, True)
    assert all(archive.store.exists(RAW, version.raw_sha256) for version in versions.values())


def test_a_killed_site_crawl_fails_its_own_run_and_says_why(crawled):
    run: CrawlRun = crawled[3]["victim"]
    assert run.status == "failed" and "exited with -9 (SIGKILL)" in run.error


def test_a_link_farm_is_named_in_its_run_and_nothing_it_lists_is_archived(crawled):
    archive, _, _, runs = crawled
    traps = json.loads(runs["farm"].coverage)["traps"]
    with Session(archive.engine) as s:
        farmed = s.exec(select(ReportUrl.url).where(ReportUrl.site_id == "farm", ReportUrl.url.contains("/hb/"))).all()
    assert [t["pattern"] for t in traps if "/hb/" in t["pattern"]] and farmed == []


def test_a_crawl_stops_at_its_max_time_and_closes_its_runs_as_interrupted(tmp_path):
    sites = {"tarpit": HostileSite("辛市", trickle=0.05)}   # 20 KB report pages: 16 s each
    config = load_config(write_config(tmp_path / "sites.toml", sites, "[crawl]\nmax_time = 6\n"))
    archive = make_archive(f"sqlite:///{tmp_path / 'archive.db'}", tmp_path / "store", config)
    try:
        result = crawl_now(archive.engine, archive.store, config, send_mail=False)
    finally:
        archive.engine.dispose()
        sites["tarpit"].close()
    assert [site.run.status for site in result.sites] == ["interrupted"]

"""Run a crawl of one or more sites from Python and get a summary back.

Scrapy's Twisted reactor cannot be restarted inside a process, and one site must never cost another its
crawl: every site is crawled in a child process of its own (``python -m crawler.run JOB.json``), at most
``parallel`` at once. A site whose child dies (killed for its memory, a crash) fails alone, with the exit
status and the end of its log as the reason; the others go on. Each crawler writes its summary
(``crawler.extensions.CrawlSummaryWriter``) and the parent reads them back into a ``CrawlSummary``.

The caller's ``settings`` (e.g. the monitor's ``ITEM_PIPELINES``, ``GXMON_VALIDATORS``, ``GXMON_DB``) go to
every crawler at command-line priority, above the per-site values of the config. They cross the process
boundary as JSON, so components are named by dotted path.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from crawler.coverage import Coverage
from crawler.siteconfig import Site, site_from_dict

LOG_TAIL_CHARS = 4000
PARALLEL_SITES = 4        # site crawls at once (each a process: a reactor, a parse worker)
STOP_GRACE_SECONDS = 60   # after Scrapy's graceful stop, how long a child may take before it is killed
POLL_SECONDS = 0.2


class CrawlError(RuntimeError):
    """The crawl could not run at all (bad settings, the child process crashed)."""


@dataclass(frozen=True)
class FetchError:
    url: str
    reason: str


FINISHED = "finished"   # Scrapy's finish reason for a crawl that ran out of requests: the only whole one


@dataclass
class SiteSummary:
    site_id: str
    finish_reason: str           # Scrapy's: finished, closespider_pagecount, shutdown …; "missing" if none
    pages_fetched: int = 0       # responses received, all statuses
    documents: int = 0           # items yielded (reports, 304s, 404s of withdrawn reports)
    reports: int = 0             # items that are live reports (200 or 304)
    not_modified: int = 0        # 304 answers
    list_pages: int = 0          # report-column pages read
    rendered_pages: int = 0      # script shells read in the browser (crawler.transport.browser), among pages_fetched
    render_requests: int = 0     # of pages_fetched, those fetched for the rendered pages' requests (their scripts')
    robots_forbidden: int = 0
    error_count: int = 0
    errors: list[FetchError] = field(default_factory=list)  # the first 200
    failure: str | None = None   # why the site as a whole could not be crawled
    elapsed_seconds: float = 0.0
    peak_rss_mb: float = 0.0     # peak memory of the crawl process (shared by all sites of one run)
    frontier_skipped: dict[str, int] = field(default_factory=dict)  # requests dropped unfetched, by reason
    coverage: Coverage | None = None   # sub-sites, 年报 columns, reports per agency and year, traps
    log_tail: str = ""           # the end of the site's crawl log, for a person looking into a failure

    @property
    def ok(self) -> bool:
        return self.failure is None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (what the summary writer writes), the inverse of ``from_dict``."""
        return {**{f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("errors", "coverage")},
                "errors": [asdict(e) for e in self.errors],
                "coverage": self.coverage.to_dict() if self.coverage is not None else None}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], **more: Any) -> SiteSummary:
        return cls(**{**data, **more, "errors": [FetchError(**e) for e in data.get("errors") or []],
                      "coverage": Coverage.from_dict(data["coverage"]) if data.get("coverage") else None})


@dataclass
class CrawlSummary:
    sites: list[SiteSummary]

    def site(self, site_id: str) -> SiteSummary:
        for summary in self.sites:
            if summary.site_id == site_id:
                return summary
        raise KeyError(f"no site {site_id!r} in this crawl")

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sites)


def run_crawl(sites: Sequence[Site], settings: Mapping[str, Any] | None = None, timeout: float | None = None,
              parallel: int = PARALLEL_SITES, stop: threading.Event | None = None,
              halt: threading.Event | None = None) -> CrawlSummary:
    """Crawl ``sites``, each in a child process of its own, at most ``parallel`` at once, and return what
    happened to each.

    ``timeout`` (seconds, the whole crawl's limit) stops the crawls still running the way Ctrl-C does
    (in-flight requests finish, JOBDIR state is kept for a resume); sites that had not closed by then, or not
    started, are reported with finish_reason "missing". ``stop``, once set, starts no further site; the
    caller that sets it stops the running children itself (``monitor.crawling.job.interrupt_crawls``).
    ``halt``, once set, stops them as the timeout does (a caller that stops one crawl of several it runs).
    """
    if not sites:
        raise CrawlError("no sites to crawl")
    ids = [s.id for s in sites]
    if len(set(ids)) != len(ids):
        raise CrawlError(f"site ids must be unique in one crawl: {ids}")
    with tempfile.TemporaryDirectory(prefix="gxmon-crawl-") as tmp:
        children = [_SiteChild(site.id, Path(tmp, f"job-{n}.json"), Path(tmp, f"crawl-{n}.log"))
                    for n, site in enumerate(sites)]
        for site, child in zip(sites, children):
            job = {"sites": [site.to_dict()], "settings": {**(settings or {}), "GXMON_SUMMARY_DIR": tmp}}
            try:
                child.job.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
            except TypeError as exc:
                raise CrawlError(f"crawl settings must be JSON values (name components by dotted path): {exc}") \
                    from None
        _run_children(children, max(1, parallel), time.monotonic() + timeout if timeout else None, stop, halt)
        return CrawlSummary([_read_summary(Path(tmp), child) for child in children])


@dataclass
class _SiteChild:
    """The child process that crawls one site."""

    site_id: str
    job: Path
    log: Path
    process: subprocess.Popen | None = None
    returncode: int | None = None
    stopped_at: float | None = None   # when it was asked to stop
    killed: bool = False              # by us, for not stopping within STOP_GRACE_SECONDS

    def start(self) -> None:
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
        project_root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [project_root, env.get("PYTHONPATH")]))
        with self.log.open("wb") as log:
            # A process group of its own: Ctrl-C at the terminal reaches only the caller, which stops the crawl
            # once (a second SIGINT would make Scrapy's shutdown unclean) with the group's parse workers and
            # converters.
            self.process = subprocess.Popen([sys.executable, "-m", "crawler.run", str(self.job)], env=env,
                                            stdout=log, stderr=subprocess.STDOUT, process_group=0)

    def stop(self) -> None:
        """Scrapy's graceful shutdown."""
        if self.stopped_at is None:
            self.stopped_at = time.monotonic()
            self.process.send_signal(signal.SIGINT)

    def poll(self) -> bool:
        """Whether the child has ended (killed when it outlives its grace after a stop)."""
        if self.stopped_at is not None and not self.killed and time.monotonic() - self.stopped_at > STOP_GRACE_SECONDS:
            self.killed = True
            self.process.kill()
        self.returncode = self.process.poll()
        return self.returncode is not None

    @property
    def crashed(self) -> bool:
        return self.returncode not in (None, 0, -signal.SIGINT)


def _run_children(children: list[_SiteChild], parallel: int, deadline: float | None,
                  stop: threading.Event | None, halt: threading.Event | None) -> None:
    waiting, running = list(children), []
    while waiting or running:
        over = deadline is not None and time.monotonic() > deadline or halt is not None and halt.is_set()
        if over or (stop is not None and stop.is_set()):
            waiting.clear()
        if over:
            for child in running:
                child.stop()
        while waiting and len(running) < parallel:
            child = waiting.pop(0)
            child.start()
            running.append(child)
            if stop is not None and stop.is_set():
                child.stop()   # the stop came while it was starting: its caller may have missed it
        running = [child for child in running if not child.poll()]
        if running:
            time.sleep(POLL_SECONDS)


def _read_summary(folder: Path, child: _SiteChild) -> SiteSummary:
    """The site's summary as its crawler wrote it; a child that died says so, with the end of its log."""
    log_tail = child.log.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL_CHARS:] if child.log.exists() else ""
    path = folder / f"{child.site_id}.json"
    if path.exists():
        summary = SiteSummary.from_dict(json.loads(path.read_text(encoding="utf-8")), log_tail=log_tail)
    elif child.process is None or (child.stopped_at is not None and not child.killed):
        summary = SiteSummary(child.site_id, "missing")   # stopped before it began, or while it was starting
    else:
        summary = SiteSummary(child.site_id, "missing", log_tail=log_tail,
                              failure="the crawl of this site did not finish (see log_tail)")
    if child.killed:
        summary.failure = f"the crawl did not stop within {STOP_GRACE_SECONDS} s of being asked to: killed"
    elif child.crashed:
        summary.failure = f"crawl process exited with {_exit_status(child.returncode)}: {_last_line(log_tail)}"
    return summary


def _exit_status(returncode: int) -> str:
    if returncode >= 0:
        return str(returncode)
    name = signal.Signals(-returncode).name if -returncode in signal.valid_signals() else "?"
    hint = " (killed: out of memory?)" if returncode == -signal.SIGKILL else ""
    return f"{returncode} ({name}){hint}"


def _last_line(log_tail: str) -> str:
    lines = [line for line in log_tail.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no output"


def _child_main(job_path: str) -> None:
    """In the child: one Scrapy crawler per site of the job (run_crawl gives each child one)."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawler.spiders.reports import ReportsSpider

    job = json.loads(Path(job_path).read_text(encoding="utf-8"))
    settings = get_project_settings()
    settings.setdict(job["settings"], priority="cmdline")
    process = CrawlerProcess(settings)
    for data in job["sites"]:
        process.crawl(ReportsSpider, site=site_from_dict(data))
    process.start()


if __name__ == "__main__":
    _child_main(sys.argv[1])

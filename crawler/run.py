"""Run a crawl of one or more sites from Python and get a summary back.

Scrapy's Twisted reactor cannot be restarted inside a process, so every ``run_crawl`` starts a child
process (``python -m crawler.run JOB.json``) that crawls all sites side by side, one Scrapy crawler per site:
a site that is down, slow or broken only fails its own crawler. Each crawler writes its summary
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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.coverage import Coverage
from crawler.siteconfig import Site, site_from_dict

LOG_TAIL_CHARS = 4000


class CrawlError(RuntimeError):
    """The crawl could not run at all (bad settings, the child process crashed)."""


@dataclass(frozen=True)
class FetchError:
    url: str
    reason: str


@dataclass
class SiteSummary:
    site_id: str
    finish_reason: str           # Scrapy's: finished, closespider_pagecount, shutdown …; "missing" if none
    pages_fetched: int = 0       # responses received, all statuses
    documents: int = 0           # items yielded (reports, 304s, 404s of withdrawn reports)
    reports: int = 0             # items that are live reports (200 or 304)
    not_modified: int = 0        # 304 answers
    list_pages: int = 0          # report-column pages read
    robots_forbidden: int = 0
    error_count: int = 0
    errors: list[FetchError] = field(default_factory=list)  # the first 200
    failure: str | None = None   # why the site as a whole could not be crawled
    elapsed_seconds: float = 0.0
    peak_rss_mb: float = 0.0     # peak memory of the crawl process (shared by all sites of one run)
    frontier_skipped: dict[str, int] = field(default_factory=dict)  # requests dropped unfetched, by reason
    coverage: Coverage | None = None   # sub-sites, 年报 columns, reports per agency and year, traps

    @property
    def ok(self) -> bool:
        return self.failure is None


@dataclass
class CrawlSummary:
    sites: list[SiteSummary]
    log_tail: str = ""           # the end of the crawl's log, for a person looking into a failure

    def site(self, site_id: str) -> SiteSummary:
        for summary in self.sites:
            if summary.site_id == site_id:
                return summary
        raise KeyError(f"no site {site_id!r} in this crawl")

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sites)


def run_crawl(sites: Sequence[Site], settings: Mapping[str, Any] | None = None,
              timeout: float | None = None) -> CrawlSummary:
    """Crawl ``sites`` in a child process and return what happened to each.

    ``timeout`` (seconds) stops the crawl the way Ctrl-C does (in-flight requests finish, JOBDIR state is
    kept for a resume); sites that had not closed by then are reported with finish_reason "missing".
    """
    if not sites:
        raise CrawlError("no sites to crawl")
    ids = [s.id for s in sites]
    if len(set(ids)) != len(ids):
        raise CrawlError(f"site ids must be unique in one crawl: {ids}")
    with tempfile.TemporaryDirectory(prefix="gxmon-crawl-") as tmp:
        job = {"sites": [s.to_dict() for s in sites],
               "settings": {**(settings or {}), "GXMON_SUMMARY_DIR": tmp}}
        try:
            Path(tmp, "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        except TypeError as exc:
            raise CrawlError(f"crawl settings must be JSON values (name components by dotted path): {exc}") \
                from None
        log_path = Path(tmp, "crawl.log")
        returncode = _run_child(Path(tmp, "job.json"), log_path, timeout)
        log_tail = log_path.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL_CHARS:]
        if returncode not in (0, -signal.SIGINT):
            raise CrawlError(f"crawl process exited with {returncode}:\n{log_tail}")
        return CrawlSummary([_read_summary(Path(tmp), site_id) for site_id in ids], log_tail)


def _run_child(job: Path, log_path: Path, timeout: float | None) -> int:
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    project_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [project_root, env.get("PYTHONPATH")]))
    with log_path.open("wb") as log:
        # A process group of its own: Ctrl-C at the terminal reaches only the caller, which stops the crawl
        # once (a second SIGINT would make Scrapy's shutdown unclean) with the group's converters.
        child = subprocess.Popen([sys.executable, "-m", "crawler.run", str(job)], env=env, stdout=log,
                                 stderr=subprocess.STDOUT, process_group=0)
        try:
            return child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGINT)  # Scrapy's graceful shutdown
            try:
                return child.wait(timeout=60)
            except subprocess.TimeoutExpired:
                child.kill()
                return child.wait()


def _read_summary(folder: Path, site_id: str) -> SiteSummary:
    path = folder / f"{site_id}.json"
    if not path.exists():
        return SiteSummary(site_id, "missing", failure="the crawl of this site did not finish (see log_tail)")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["errors"] = [FetchError(**e) for e in data["errors"]]
    data["coverage"] = Coverage.from_dict(data["coverage"]) if data.get("coverage") else None
    return SiteSummary(**data)


def _child_main(job_path: str) -> None:
    """In the child: one Scrapy crawler per site, all in one reactor."""
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

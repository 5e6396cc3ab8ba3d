"""One crawl job: ``gxmon crawl`` runs it now, ``gxmon run`` on schedule, ``gxmon demo`` twice.

For each site: take the site's lease in the archive (no two crawls of one site at once, across processes),
open a crawl run, let ``crawler.run.run_crawl`` crawl in a child process with the monitor's pipeline and
validator store plugged in through settings, close the run (failed and empty crawls, withdrawals, moves,
overdue reports), give the lease back; then send the alert mails that are due.
"""

from __future__ import annotations

import json
import logging
import os
import signal
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from crawler.coverage import Coverage

from monitor.archive import leases
from monitor.archive.record import Archive
from monitor.config import MonitorConfig
from monitor.archive.db import session
from monitor.alerts.delivery import DeliveryReport, deliver
from monitor.archive.models import CrawlRun, Site
from monitor.output import console, print_table
from monitor.archive.store import BlobStore

log = logging.getLogger(__name__)

SITE_LEASE_SECONDS = 12 * 3600   # a crawl longer than this is presumed dead even if its holder lives
PIPELINE = "monitor.crawling.pipeline.ArchivePipeline"
VALIDATORS = "monitor.crawling.validators.ArchiveValidatorStore"


class CrawlRequestError(Exception):
    """The crawl asked for cannot run: unknown site, no sites, bad start URL."""


@dataclass
class SiteResult:
    site_id: str
    run: CrawlRun | None = None
    skipped: str | None = None       # why the site was not crawled (its lease is held elsewhere)


@dataclass
class CrawlResult:
    sites: list[SiteResult] = field(default_factory=list)
    mail: DeliveryReport | None = None


def crawl_settings(engine: Engine, store: BlobStore, config: MonitorConfig, runs: dict[str, int]) -> dict:
    """The Scrapy settings that plug the archive into a crawl (JSON values: they cross a process boundary)."""
    settings = {
        "ITEM_PIPELINES": {PIPELINE: 300},
        "GXMON_VALIDATORS": VALIDATORS,
        "GXMON_DB": engine.url.render_as_string(hide_password=False),
        "GXMON_STORE": str(Path(store.root).resolve()),
        "GXMON_RUNS": runs,
    }
    if config.path is not None:
        settings["GXMON_CONFIG"] = str(Path(config.path).resolve())
    return settings


def resolve_sites(config: MonitorConfig, site_ids: list[str], start_urls: list[str]) -> list:
    """The crawler's Site objects for the ids asked for (all configured sites when none is) and start URLs."""
    from crawler.siteconfig import ConfigError, site_from_url

    sites = []
    try:
        if config.path is not None and (site_ids or not start_urls):
            configured = {s.id: s for s in config.sites}   # read by crawler.siteconfig when the config was loaded
            unknown = [i for i in site_ids if i not in configured]
            if unknown:
                raise CrawlRequestError(f"{config.path}: no site {', '.join(unknown)}")
            sites = [configured[i] for i in site_ids] if site_ids else list(configured.values())
        sites += [site_from_url(url) for url in start_urls]
    except ConfigError as exc:
        raise CrawlRequestError(str(exc)) from None
    if not sites:
        raise CrawlRequestError("nothing to crawl: no [[site]] in the config and no --start-url")
    return sites


def _take_lease(archive: Archive, site_id: str, name: str | None) -> bool:
    with session(archive.engine) as s:
        if s.get(Site, site_id) is None:
            s.add(Site(id=site_id, name=name))
            s.commit()
        return leases.claim(s, Site, site_id, "lock_holder", "lock_until", SITE_LEASE_SECONDS)


def _give_lease(archive: Archive, site_id: str) -> None:
    with session(archive.engine) as s:
        leases.release(s, Site, site_id, "lock_holder", "lock_until")


def crawl_now(engine: Engine, store: BlobStore, config: MonitorConfig, site_ids: list[str] | None = None,
              start_urls: list[str] | None = None, send_mail: bool = True, trigger: str = "cli",
              today: date | None = None, timeout: float | None = None) -> CrawlResult:
    """Crawl the sites asked for once, archive everything, close the runs, send due mail."""
    from crawler.run import CrawlError, run_crawl

    archive = Archive(engine, store, config)
    result = CrawlResult()
    sites, runs = [], {}
    for site in resolve_sites(config, list(site_ids or []), list(start_urls or [])):
        if not _take_lease(archive, site.id, site.name):
            result.sites.append(SiteResult(site.id, skipped="another crawl of this site is running"))
            continue
        sites.append(site)
        runs[site.id] = archive.start_run(site.id, trigger=trigger, site_name=site.name)
    try:
        if sites:
            summary, failure = None, None
            try:
                summary = run_crawl(sites, crawl_settings(engine, store, config, runs), timeout=timeout)
            except CrawlError as exc:
                failure = str(exc).splitlines()[0]
                log.error("crawl failed: %s", exc)
            for site in sites:
                run_summary = summary.site(site.id) if summary else None
                interrupted = run_summary is not None and run_summary.finish_reason in ("shutdown", "missing") \
                    and run_summary.failure is None
                error = failure or (run_summary.failure if run_summary else None)
                coverage = run_summary.coverage if run_summary else None
                run = archive.finish_run(runs[site.id], error=error, interrupted=interrupted,
                                         pages_fetched=run_summary.pages_fetched if run_summary else None,
                                         today=today, coverage=json.dumps(coverage.to_dict(), ensure_ascii=False)
                                         if coverage else None)
                result.sites.append(SiteResult(site.id, run))
    except BaseException:   # Ctrl-C in the middle: close the runs as interrupted, keep what was archived
        for site in sites:
            if not any(r.site_id == site.id for r in result.sites):
                archive.finish_run(runs[site.id], interrupted=True, today=today)
        raise
    finally:
        for site in sites:
            _give_lease(archive, site.id)
    if send_mail:
        result.mail = deliver(engine, config)
    return result


def interrupt_crawls() -> int:
    """Ask the crawl child processes of this process to stop (SIGINT: Scrapy's graceful shutdown).

    ``gxmon run`` calls this on SIGTERM: a process manager that signals only the scheduler must not leave
    crawls running without it. Linux only (reads /proc); elsewhere the children finish their crawl.
    """
    me, found = os.getpid(), 0
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == me and b"crawler.run" in cmdline:
            os.kill(int(entry.name), signal.SIGINT)
            found += 1
    return found


def print_coverage(site_id: str, coverage: Coverage) -> None:
    """What the crawl covered: sub-sites and their 年报 columns, reports per agency and year, traps."""
    years = sorted({year for agency in coverage.reports for year in agency.years})
    print_table(f"{site_id}: sub-sites ({len(coverage.subsites)}) and their 年报 columns",
                ["sub-site", "found via", "columns", "reports"],
                [(s.name, s.found_via, len(s.columns), s.reports) for s in coverage.subsites])
    print_table(f"{site_id}: reports per agency and year", ["agency", *map(str, years)],
                [(a.agency, *(a.years.get(y, "") for y in years)) for a in coverage.reports])
    if coverage.without_column:
        console().print(f"{site_id}: no 年报 column found on {', '.join(coverage.without_column)}",
                        highlight=False, markup=False)
    for trap in coverage.traps:
        console().print(f"{site_id}: trap {trap['pattern']}: {trap['reason']}", highlight=False, markup=False)


def print_summary(result: CrawlResult) -> None:
    """What ``gxmon crawl`` prints: per site, pages, reports, versions, revisions, withdrawals, findings, and
    what the crawl covered."""
    rows = []
    for site in result.sites:
        run = site.run
        if run is None:
            console().print(f"{site.site_id}: skipped, {site.skipped}", highlight=False, markup=False)
            continue
        status = run.status + (f": {run.error}" if run.error else "")
        rows.append((site.site_id, status, run.pages_fetched, run.reports_found, run.new_reports, run.new_versions,
                     run.revisions, run.withdrawals, run.errors, run.warnings))
    if rows:
        print_table("crawl", ["site", "status", "pages", "reports", "new", "versions", "revised", "withdrawn",
                              "errors", "warnings"], rows)
    for site in result.sites:
        if site.run is not None and site.run.coverage:
            print_coverage(site.site_id, Coverage.from_dict(json.loads(site.run.coverage)))
    if result.mail is not None:
        mail = result.mail
        console().print(f"mail: {len(mail.sent)} sent, {len(mail.failed)} failed"
                      + (f", {mail.waiting} waiting for a retry" if mail.waiting else ""), highlight=False)
        for delivery_id, error in mail.failed:
            console().print(f"  mail #{delivery_id} not sent: {error}", highlight=False, markup=False)

"""One crawl job: ``gxmon crawl`` runs it now, ``gxmon run`` on schedule, ``gxmon demo`` twice.

For each site: take the site's lease in the archive (no two crawls of one site at once, across processes),
open a crawl run, let ``crawler.run.run_crawl`` crawl (a child process per site: a crash fails only its own
site's run) with the monitor's pipeline and validator store plugged in through settings, close the run
(failed and empty crawls, withdrawals, moves, overdue reports), give the lease back; then send the alert
mails that are due.

Stopping: SIGTERM or Ctrl-C asks the crawl children (each with its process group) to stop the way Ctrl-C
stops Scrapy, so what was fetched is archived and the runs close as interrupted (``stop_on_signals``); sites
not started yet are not; a second signal kills the children. A gxmon killed outright leaves its runs `running`: the child stops by itself
(``monitor.crawling.runwatch``) and the next crawl or scheduler closes those runs (``close_stale_runs``).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import partial
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import select

from crawler.coverage import Coverage
from crawler.run import FINISHED

from monitor.labels import RUN_STATUS_NAMES
from monitor.archive import leases
from monitor.archive.record import Archive
from monitor.config import MonitorConfig
from monitor.archive.db import session
from monitor.alerts.delivery import DeliveryReport, deliver
from monitor.archive.models import EMPTY, FAILED, RUNNING, CrawlRun, Site
from monitor.crawling.progress import CrawlProgress
from monitor.output import print_table, say
from monitor.archive.store import BlobStore

log = logging.getLogger(__name__)

SITE_LEASE_SECONDS = 12 * 3600   # a crawl longer than this is presumed dead even if its holder lives
PARSE = "crawler.pipelines.ParsePipeline"      # gxparse in worker processes, within per-document limits
PIPELINE = "monitor.crawling.pipeline.ArchivePipeline"
RUN_WATCH = "monitor.crawling.runwatch.RunWatch"
VALIDATORS = "monitor.crawling.validators.ArchiveValidatorStore"
STALE_NOTE = "the process running this crawl ended without closing it (killed?)"


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

    @property
    def failed(self) -> list[SiteResult]:
        """Sites whose crawl failed or came back empty (the alerts that go to the administrators)."""
        return [site for site in self.sites if site.run is not None and site.run.status in (FAILED, EMPTY)]


CRAWL_STATE_FOLDER = "gxmon-crawl-state"


def crawl_settings(engine: Engine, store: BlobStore, config: MonitorConfig, runs: dict[str, int]) -> dict:
    """The Scrapy settings that plug the archive into a crawl (JSON values: they cross a process boundary)."""
    settings = {
        "ITEM_PIPELINES": {PARSE: 100, PIPELINE: 300, RUN_WATCH: 900},
        "GXMON_PARSE_ALL": True,      # every document parsed in the pool, none by the archive in the crawl process
        "GXMON_VALIDATORS": VALIDATORS,
        "GXMON_DB": engine.url.render_as_string(hide_password=False),
        "GXMON_STORE": str(Path(store.root).resolve()),
        # the crawler's own state between crawls (the pictures each bundled page was archived with) is kept
        # beside the archive's store, never in whatever folder gxmon happens to be started from
        "GXMON_STATE_DIR": str(Path(store.root).resolve().parent / CRAWL_STATE_FOLDER),
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
        if (config.path is not None or config.sites) and (site_ids or not start_urls):
            configured = {s.id: s for s in config.sites}   # the config's and the archive's watch list
            unknown = [i for i in site_ids if i not in configured]
            if unknown:
                raise CrawlRequestError(f"{config.path or '监测列表'}: no site {', '.join(unknown)}")
            sites = [configured[i] for i in site_ids] if site_ids else list(config.crawlable_sites)
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


def close_stale_runs(archive: Archive) -> list[int]:
    """Close as interrupted the runs left `running` by a process that is gone; returns their ids.

    A run names its process (``CrawlRun.holder``); one from before it did (no holder) is stale when no live
    process holds its site's lease. A holder on another host is never judged from here.
    """
    with session(archive.engine) as s:
        running = s.exec(select(CrawlRun.id, CrawlRun.holder, Site.lock_holder, Site.lock_until)
                         .join(Site, Site.id == CrawlRun.site_id).where(CrawlRun.status == RUNNING)).all()
    stale = [run_id for run_id, holder, lock_holder, lock_until in running
             if (not leases.holder_alive(holder) if holder else
                 lock_holder is None or leases.expired(lock_until) or not leases.holder_alive(lock_holder))]
    for run_id in stale:
        log.warning("crawl run %s was left running by a process that is gone: closed as interrupted", run_id)
        archive.finish_run(run_id, interrupted=True, note=STALE_NOTE)
    return stale


def crawl_now(engine: Engine, store: BlobStore, config: MonitorConfig, site_ids: list[str] | None = None,
              start_urls: list[str] | None = None, send_mail: bool = True, trigger: str = "cli",
              today: date | None = None, timeout: float | None = None, progress: bool = False,
              stop: threading.Event | None = None, redis_url: str | None = None) -> CrawlResult:
    """Crawl the sites asked for once, archive everything, close the runs, send due mail.

    ``timeout`` (default: the config's ``[crawl] max_time``) bounds the whole crawl: sites still running then
    stop like Ctrl-C and their runs close as interrupted.
    ``progress`` shows pages, reports and sites done on stderr while the crawl runs (on a terminal only);
    ``stop`` set before the crawl starts closes the runs as interrupted without crawling. With ``redis_url``
    the sites are crawled by ``gxmon worker``s from the queue in that Redis (``monitor.crawling.distributed``).
    """
    from crawler.run import CrawlError, run_crawl

    if redis_url:
        from monitor.crawling.distributed import crawl_through_queue
        from monitor.crawling.queue import CrawlQueue

        crawl = partial(crawl_through_queue, CrawlQueue(redis_url), stop=stop)
    else:
        crawl = partial(run_crawl, stop=stop, parallel=config.crawl.parallel_sites)

    archive = Archive(engine, store, config)
    close_stale_runs(archive)
    result = CrawlResult()
    sites, runs = [], {}
    for site in resolve_sites(config, list(site_ids or []), list(start_urls or [])):
        if not _take_lease(archive, site.id, site.name):
            result.sites.append(SiteResult(site.id, skipped="另一次抓取正在进行"))
            continue
        sites.append(site)
        runs[site.id] = archive.start_run(site.id, trigger=trigger, site_name=site.name)
    try:
        if sites and stop is not None and stop.is_set():
            for site in sites:
                run = archive.finish_run(runs[site.id], interrupted=True, today=today, note="stopped before it began")
                result.sites.append(SiteResult(site.id, run))
        elif sites:
            summary, failure = None, None
            try:
                with CrawlProgress(engine, list(runs.values())) if progress else nullcontext():
                    summary = crawl(sites, crawl_settings(engine, store, config, runs),
                                    timeout=config.crawl.max_time if timeout is None else timeout)
            except CrawlError as exc:
                failure = str(exc).splitlines()[0]
                log.error("crawl failed: %s", exc)
            for site in sites:
                run_summary = summary.site(site.id) if summary else None
                # a crawl a limit closed (closespider_pagecount, _timeout, _bytes) or a stop cut short saw part
                # of the site: like a stop, it proves nothing about what it did not reach (overdue, moved)
                interrupted = run_summary is not None and run_summary.finish_reason != FINISHED \
                    and run_summary.failure is None
                error = failure or (run_summary.failure if run_summary else None)
                coverage = run_summary.coverage if run_summary else None
                run = archive.finish_run(runs[site.id], error=error, interrupted=interrupted,
                                         pages_fetched=run_summary.pages_fetched if run_summary else None,
                                         today=today, coverage=json.dumps(coverage.to_dict(), ensure_ascii=False)
                                         if coverage else None,
                                         note=f"stopped ({run_summary.finish_reason})" if interrupted else None)
                result.sites.append(SiteResult(site.id, run))
    except BaseException:   # Ctrl-C in the middle: close the runs as interrupted, keep what was archived
        for site in sites:
            if not any(r.site_id == site.id for r in result.sites):
                archive.finish_run(runs[site.id], interrupted=True, today=today, note="stopped")
        raise
    finally:
        for site in sites:
            _give_lease(archive, site.id)
    if send_mail:
        result.mail = deliver(engine, config)
    return result


def interrupt_crawls(signum: int = signal.SIGINT) -> int:
    """Signal the crawl child processes of this process, each with its process group (the converters a
    crawl starts too); SIGINT is Scrapy's graceful shutdown, SIGKILL the end.

    ``gxmon run`` and ``gxmon crawl`` call this on SIGTERM/SIGINT: a process manager that signals only gxmon
    must not leave crawls running without it. Linux only (reads /proc); elsewhere the children finish.
    """
    me, found = os.getpid(), 0
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == me and b"crawler.run" in cmdline:
            pid = int(entry.name)
            try:
                os.killpg(pid, signum) if os.getpgid(pid) == pid else os.kill(pid, signum)
                found += 1
            except ProcessLookupError:
                continue
    return found


class StopRequest(threading.Event):
    """Set by the first SIGTERM or SIGINT during a crawl; ``signum`` says which."""

    signum: int | None = None


@contextmanager
def stop_on_signals() -> Iterator[StopRequest]:
    """While a crawl runs in this (main) thread: the first SIGTERM or SIGINT stops the crawl child gracefully
    (its runs close as interrupted), a second one kills it and raises KeyboardInterrupt."""
    stopping = StopRequest()

    def handler(signum: int, _frame: object) -> None:
        if stopping.is_set():
            interrupt_crawls(signal.SIGKILL)
            raise KeyboardInterrupt
        stopping.signum = signum
        stopping.set()
        log.warning("%s: stopping the crawl (again to kill it)", signal.Signals(signum).name)
        interrupt_crawls()

    previous = {signum: signal.signal(signum, handler) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stopping
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def print_coverage(site_id: str, coverage: Coverage) -> None:
    """What the crawl covered: sub-sites and their 年报 columns, reports per agency and year, traps."""
    years = sorted({year for agency in coverage.reports for year in agency.years})
    print_table(f"{site_id}: sub-sites ({len(coverage.subsites)}) and their 年报 columns",
                ["sub-site", "found via", "columns", "reports"],
                [(s.name, s.found_via, len(s.columns), s.reports) for s in coverage.subsites],
                long=("sub-site", "found via"))
    print_table(f"{site_id}: reports per agency and year", ["agency", *map(str, years)],
                [(a.agency, *(a.years.get(y, "") for y in years)) for a in coverage.reports], long=("agency",))
    if coverage.without_column:
        say(f"{site_id}: no 年报 column found on {', '.join(coverage.without_column)}")
    for subsite in coverage.refused:
        say(f"{site_id}: {subsite.name} not crawled: {subsite.refused} ({subsite.url})")
    for trap in coverage.traps:
        say(f"{site_id}: trap {trap['pattern']}: {trap['reason']}")


def print_summary(result: CrawlResult) -> None:
    """What ``gxmon crawl`` prints: per site, pages, reports, versions, revisions, withdrawals, findings; why
    each site that did not end ok did not, in full lines (a table column would cut the reason short); and
    what the crawl covered."""
    rows = []
    for site in result.sites:
        run = site.run
        if run is None:
            say(f"{site.site_id}：跳过，{site.skipped}")
            continue
        rows.append((site.site_id, RUN_STATUS_NAMES.get(run.status, run.status), run.pages_fetched,
                     run.reports_found, run.new_reports, run.new_versions, run.revisions, run.withdrawals, run.errors,
                     run.warnings))
    if rows:
        print_table("抓取", ["网站", "状态", "页面", "报告", "新报告", "新版本", "修改", "撤回", "错误", "警告"], rows,
                    long=("网站",))
    for site in result.sites:
        if site.run is not None and site.run.error:
            say((f"{site.site_id} {RUN_STATUS_NAMES.get(site.run.status, site.run.status)}",
                 "bold red" if site.run.status == FAILED else "bold"), f"：{site.run.error}")
    for site in result.sites:
        if site.run is not None and site.run.coverage:
            print_coverage(site.site_id, Coverage.from_dict(json.loads(site.run.coverage)))
    if result.mail is not None:
        mail = result.mail
        say(f"提醒：已发送 {len(mail.sent)}，失败 {len(mail.failed)}"
            + (f"，等待重试 {mail.waiting}" if mail.waiting else ""))
        for delivery_id, error in mail.failed:
            say(f"  投递 #{delivery_id} 未发出：{error}")

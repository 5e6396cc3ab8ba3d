"""``gxmon run``: every site on its cron schedule, with APScheduler 3 and a job store in the archive database.

- Jobs live in the table ``apscheduler_jobs`` of the archive, so a restart picks up where the last run
  left off: a job keeps its next run time across restarts (it is only rescheduled when its cron line or
  its arguments change in the config), and runs missed while the scheduler was down are run once
  (``coalesce``, no misfire grace limit).
- Each crawl runs Scrapy in its own child process (``crawler.run.run_crawl``; the Twisted reactor
  cannot restart), from a worker thread here; with ``[schedule] redis = "redis://…"`` it is put on that
  queue instead and crawled by ``gxmon worker``s (``monitor.crawling.distributed``), closed here. ``max_instances=1`` keeps one crawl per site in this
  scheduler; the site lease in the archive (``monitor.crawling.job``) keeps ``gxmon crawl`` and other
  schedulers from crawling the same site at the same time.
- Mail goes out after each crawl; an outbox job retries what is still due every few minutes.
- The watch list is the config's sites and the archive's (``gxmon sites add``, ``monitor.watchlist``): a job
  held in memory looks at it every minute, so a site added, paused or resumed while the scheduler runs is
  scheduled or unscheduled without a restart.
- SIGTERM or Ctrl-C stops it cleanly: no new jobs start, running crawls are asked to stop and waited for.
"""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.engine import Engine

from monitor.config import MonitorConfig, load_config
from monitor.archive.record import Archive
from monitor.crawling.job import close_stale_runs, interrupt_crawls
from monitor.archive.db import open_engine
from monitor.output import print_table
from monitor.archive.store import BlobStore
from monitor.watchlist import merged_config

log = logging.getLogger(__name__)

CRAWL_PREFIX = "crawl:"
OUTBOX_JOB = "outbox"
OUTBOX_MINUTES = 5
WATCHLIST_JOB = "watchlist"
WATCHLIST_SECONDS = 60
JOBS_TABLE = "apscheduler_jobs"

# Set by SIGTERM/SIGINT: jobs that have not started yet do not start.
stopping = threading.Event()


def crawl_job(db_url: str, store_dir: str, config_path: str, site_id: str) -> None:
    """One scheduled crawl of one site (runs in a worker thread; Scrapy runs in a child process)."""
    from monitor.crawling.job import crawl_now

    if stopping.is_set():
        return
    engine = open_engine(db_url)
    try:
        config = merged_config(load_config(config_path), engine)
        if config.site(site_id) is None or site_id in config.paused:
            log.info("not crawling %s: paused or no longer watched", site_id)
            return
        crawl_now(engine, BlobStore(store_dir), config, site_ids=[site_id], trigger="schedule", stop=stopping,
                  redis_url=config.redis_url)
    finally:
        engine.dispose()


def outbox_job(db_url: str, config_path: str) -> None:
    """Send alert mails whose retry time has come."""
    from monitor.alerts.delivery import deliver

    engine = open_engine(db_url)
    try:
        deliver(engine, merged_config(load_config(config_path), engine))
    finally:
        engine.dispose()


def build_scheduler(db_url: str, config: MonitorConfig, workers: int = 4) -> BackgroundScheduler:
    return BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=db_url, tablename=JOBS_TABLE), "memory": MemoryJobStore()},
        executors={"default": ThreadPoolExecutor(max_workers=workers)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        timezone=config.timezone,
    )


def sync_jobs(scheduler: BackgroundScheduler, config: MonitorConfig, db_url: str, store_dir: Path) -> None:
    """Make the stored jobs match the config, keeping the next run time of every job that did not change."""
    config_path = str(Path(config.path).resolve())
    wanted = {f"{CRAWL_PREFIX}{site.id}": site for site in config.crawlable_sites if site.schedule}
    for job in scheduler.get_jobs():
        if job.id.startswith(CRAWL_PREFIX) and job.id not in wanted:
            log.info("removing job %s (site no longer scheduled)", job.id)
            job.remove()
    for job_id, site in wanted.items():
        trigger = CronTrigger.from_crontab(site.schedule, timezone=config.timezone)
        args = [db_url, str(Path(store_dir).resolve()), config_path, site.id]
        job = scheduler.get_job(job_id)
        if job is None:
            scheduler.add_job(crawl_job, trigger, id=job_id, name=f"crawl {site.id} ({site.schedule})", args=args)
            log.info("scheduled %s: %s", job_id, site.schedule)
        elif repr(job.trigger) != repr(trigger) or list(job.args) != args:
            job.modify(args=args, name=f"crawl {site.id} ({site.schedule})")
            job.reschedule(trigger)
            log.info("rescheduled %s: %s", job_id, site.schedule)
    if scheduler.get_job(OUTBOX_JOB) is None:
        scheduler.add_job(outbox_job, IntervalTrigger(minutes=OUTBOX_MINUTES), id=OUTBOX_JOB,
                          args=[db_url, config_path], name="send due alert mails")


def sync_watch_list(scheduler: BackgroundScheduler, engine: Engine, config_path: str, db_url: str,
                    store_dir: Path) -> None:
    """Schedule what the watch list holds now (sites added, paused or resumed since the last look)."""
    sync_jobs(scheduler, merged_config(load_config(config_path), engine), db_url, store_dir)


def run_scheduler(db_url: str, store_dir: Path, config: MonitorConfig, ready: threading.Event | None = None) -> None:
    """Run until SIGTERM/SIGINT; then let running crawls stop and shut down."""
    if config.path is None:
        raise ValueError("the scheduler needs a config file")
    stopping.clear()
    engine = open_engine(db_url)    # create or upgrade the archive schema first
    close_stale_runs(Archive(engine, BlobStore(store_dir), config))
    engine.dispose()
    scheduler = build_scheduler(db_url, config)
    done = threading.Event()

    def stop(signum: int, _frame: object) -> None:
        log.info("signal %s: stopping", signal.Signals(signum).name)
        stopping.set()
        done.set()
        interrupt_crawls()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    scheduler.start(paused=True)
    engine = open_engine(db_url)
    sync_jobs(scheduler, merged_config(config, engine), db_url, store_dir)
    scheduler.add_job(sync_watch_list, IntervalTrigger(seconds=WATCHLIST_SECONDS), id=WATCHLIST_JOB,
                      jobstore="memory", args=[scheduler, engine, str(config.path), db_url, store_dir],
                      name="follow the watch list")
    scheduler.resume()
    jobs = [job for job in scheduler.get_jobs() if job.id.startswith(CRAWL_PREFIX)]
    print_table(f"gxmon run: {len(jobs)} crawls scheduled (SIGTERM or Ctrl-C stops)", ["job", "schedule", "next run"],
                [(job.id, job.name, job.next_run_time.isoformat(timespec="minutes") if job.next_run_time else "paused")
                 for job in jobs])
    if ready is not None:
        ready.set()
    done.wait()
    scheduler.shutdown(wait=True)   # running crawls see `stopping` and end early
    engine.dispose()
    log.info("scheduler stopped")

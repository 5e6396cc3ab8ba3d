"""The progress of a long `gxmon crawl`, on stderr: pages fetched, reports archived, sites done, time taken.

The crawl runs in a child process; what it has done so far is in the archive: the pages each site's crawler
received and whether it is done with the site (written by ``monitor.crawling.runwatch``), and the reports
whose documents were fetched (the fetch rows of the runs). A thread reads them once a second. The display is
shown only when stderr is a terminal: piped, redirected or under cron, it stays quiet.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from types import TracebackType

from rich.console import Console
from rich.live import Live
from rich.text import Text
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from monitor.archive.models import CrawlRun, Fetch

REFRESH_SECONDS = 1.0


@dataclass(frozen=True)
class Snapshot:
    pages: int
    reports: int
    sites_done: int
    sites: int
    elapsed: float

    def line(self) -> str:
        minutes, seconds = divmod(int(self.elapsed), 60)
        return (f"crawling: {self.pages:,} pages · {self.reports:,} reports · "
                f"{self.sites_done}/{self.sites} sites done · {minutes}:{seconds:02d}")


def snapshot(engine: Engine, run_ids: list[int], started: float) -> Snapshot:
    """How far the crawl of these runs has come, as the archive knows it now."""
    with Session(engine) as s:
        pages, done = s.exec(select(func.coalesce(func.sum(CrawlRun.pages_fetched), 0),
                                    func.count(col(CrawlRun.crawled_at)))
                             .where(col(CrawlRun.id).in_(run_ids))).one()
        reports = s.exec(select(func.count(func.distinct(Fetch.report_id)))
                         .where(col(Fetch.run_id).in_(run_ids), col(Fetch.report_id).is_not(None))).one()
    return Snapshot(pages, reports, done, len(run_ids), time.monotonic() - started)


class CrawlProgress:
    """A context manager showing the crawl's progress on stderr while it runs (nothing if not a terminal)."""

    def __init__(self, engine: Engine, run_ids: list[int], console: Console | None = None) -> None:
        self.engine = engine
        self.run_ids = list(run_ids)
        self.console = console or Console(stderr=True)
        self.started = time.monotonic()
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def __enter__(self) -> CrawlProgress:
        if self.console.is_terminal and self.run_ids:
            self.thread = threading.Thread(target=self._show, name="gxmon-progress", daemon=True)
            self.thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join()

    def _show(self) -> None:
        with Live(Text("crawling…"), console=self.console, transient=True, auto_refresh=False) as live:
            while not self.stop.wait(REFRESH_SECONDS):
                try:
                    line = snapshot(self.engine, self.run_ids, self.started).line()
                except Exception as exc:  # noqa: BLE001 — a busy archive must not end the crawl's display
                    line = f"crawling… ({type(exc).__name__})"
                live.update(Text(line), refresh=True)

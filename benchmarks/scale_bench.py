"""Scale benchmark: a simulated province crawled through Redis by 1, 2 and 4 workers into one PostgreSQL.

    .venv/bin/python -m benchmarks.scale_bench                      # 8 county portals: minutes on 2 cores
    .venv/bin/python -m benchmarks.scale_bench --sites 200 --delay 0.5 --province   # the issue's province

Options: --sites N, --delay S (per site), --workers 1,2,4, --parallel P (sites per worker), --province (city
portals at their size: one to seven counties; by default every portal is county-sized, so that a small run
is not one city portal's tail), --seed.

The province (``simsite.province``: one city portal to seven county portals, 200 portals ≈ 100,000 pages) is
served from this process, every portal on addresses of its own; its documents are rendered before any clock
starts. A real Redis and a real PostgreSQL are started here (``tests.servers``). For each worker count: a fresh
archive database and an empty Redis, that many ``gxmon worker --parallel P`` processes, and ``gxmon crawl
--redis`` for every portal (per-site ``delay``, ``concurrency`` 1), timed from enqueueing to the closed runs.

Printed per worker count: wall time, pages/min, reports found against the province's own list, versions per
report (must be 1), peak memory per worker (its process and its crawl processes, sampled), archive rows written
per second, CPU seconds per page; then the ratios against the 1-worker run of this same invocation, and the
projection to 10,000 portals from the measured figures (what bounds it: politeness, CPU, the database).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from monitor.archive.db import make_engine
from monitor.archive.models import Agency, Change, CrawlRun, Fetch, Finding, Report, ReportUrl, Version
from simsite.province import Province
from tests.servers import RedisServer, running_postgres, new_database

GXMON = str(Path(sys.executable).with_name("gxmon"))
PROJECTED_SITES = 10_000
SAMPLE_SECONDS = 0.5


@dataclass
class RunFigures:
    workers: int
    seconds: float
    pages: int
    reports: int             # of the province's own list, found
    expected: int
    duplicate_versions: int
    rows: int
    peak_mb: float           # the largest peak of one worker (its process tree)
    cpu_seconds: float       # every gxmon process of the run: workers, crawl processes, the coordinator
    status: str
    missed: list[tuple[str, str, int]] = field(default_factory=list)   # (portal, agency, year) not archived

    @property
    def pages_per_minute(self) -> float:
        return self.pages / self.seconds * 60

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds


def write_config(province: Province, path: Path, delay: float) -> Path:
    lines = []
    for portal in province.portals:
        lines.append(f'[[site]]\nid = "{portal.id}"\nname = "{portal.name}"\nstart_urls = ["{province.url(portal.id)}"]\n'
                     f"delay = {delay}\nconcurrency = 1\nmax_pages = 20000\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


class TreeMemory:
    """Samples the resident memory of each worker's process tree (the worker and its crawl processes)."""

    def __init__(self, pids: list[int]) -> None:
        self.peaks = {pid: 0.0 for pid in pids}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self.stop.wait(SAMPLE_SECONDS):
            parents, rss = {}, {}
            for entry in Path("/proc").glob("[0-9]*"):
                try:
                    parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                    rss[int(entry.name)] = int((entry / "statm").read_text().split()[1]) * page
                except (OSError, ValueError, IndexError):
                    continue
            for root in self.peaks:
                tree, frontier = {root}, [root]
                while frontier:
                    parent = frontier.pop()
                    children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
                    tree.update(children)
                    frontier.extend(children)
                total = sum(rss.get(pid, 0) for pid in tree) / 2 ** 20
                self.peaks[root] = max(self.peaks[root], total)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl_with(workers: int, args: argparse.Namespace, province: Province, config: Path, db: str,
               redis: RedisServer, folder: Path) -> RunFigures:
    redis.client().flushall()
    env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"}
    cpu_before = children_cpu()
    started = time.monotonic()
    processes = [subprocess.Popen([GXMON, "worker", "--redis", redis.url, "--parallel", str(args.parallel),
                                   "--store", str(folder / "store"), "--exit-when-idle", "30"],
                                  stdout=subprocess.DEVNULL, stderr=(folder / f"worker-{workers}-{n}.log").open("w"),
                                  env=env) for n in range(workers)]
    with TreeMemory([p.pid for p in processes]) as memory:
        crawl = subprocess.run([GXMON, "--db", db, "--store", str(folder / "store"), "crawl", "--config", str(config),
                                "--redis", redis.url, "--no-mail"], capture_output=True, text=True, env=env)
        seconds = time.monotonic() - started
        for process in processes:
            process.wait()
    figures = archive_figures(db)
    expected = {(site_id, e.agency, e.year) for site_id, reports in province.expected_reports().items()
                for e in reports}
    failures = [line.strip() for line in crawl.stdout.splitlines() if " failed: " in line or " empty: " in line]
    status = "ok" if crawl.returncode == 0 else f"exit {crawl.returncode}: {'; '.join(failures)[-400:]}"
    return RunFigures(workers, seconds, figures["pages"], len(expected & figures["reports"]), len(expected),
                      figures["duplicates"],
                      figures["rows"], max(memory.peaks.values()), children_cpu() - cpu_before, status,
                      sorted(expected - figures["reports"]))


def archive_figures(db: str) -> dict:
    """Pages fetched, archived reports as (site, agency, year), reports with more than one version, rows."""
    engine = make_engine(db)
    with Session(engine) as s:
        count = lambda model: s.exec(select(func.count()).select_from(model)).one()[0]   # noqa: E731
        per_report = select(Version.report_id, func.count().label("n")).group_by(Version.report_id).subquery()
        figures = {
            "pages": s.exec(select(func.coalesce(func.sum(CrawlRun.pages_fetched), 0))).one()[0],
            "reports": {tuple(row) for row in s.exec(select(Report.site_id, Agency.name, Report.year)
                                                     .join(Agency, Agency.id == Report.agency_id))},
            "duplicates": s.exec(select(func.count()).select_from(per_report).where(per_report.c.n > 1)).one()[0],
            "rows": sum(count(model) for model in (Fetch, Version, Finding, Change, Report, ReportUrl)),
        }
    engine.dispose()
    return figures


def print_figures(runs: list[RunFigures], args: argparse.Namespace, province: Province) -> None:
    base = runs[0]
    print(f"\n{len(province.portals)} portals, {province.page_count():,} pages on the sites, delay {args.delay} s, "
          f"concurrency 1 per site, --parallel {args.parallel} per worker; load average before: {args.load}")
    print(f"{'workers':>7} {'wall s':>8} {'pages':>7} {'pages/min':>9} {'×1w':>5} {'reports':>11} {'dup':>4} "
          f"{'peak MB/worker':>14} {'rows/s':>7} {'CPU ms/page':>11}  status")
    for run in runs:
        print(f"{run.workers:>7} {run.seconds:>8.1f} {run.pages:>7} {run.pages_per_minute:>9.0f} "
              f"{base.seconds / run.seconds:>5.2f} {run.reports:>5}/{run.expected:<5} {run.duplicate_versions:>4} "
              f"{run.peak_mb:>14.0f} {run.rows_per_second:>7.1f} {run.cpu_seconds / max(run.pages, 1) * 1000:>11.1f}"
              f"  {run.status}")
    for run in runs:
        if run.missed:
            by_portal: dict[str, list[str]] = {}
            for portal, agency, year in run.missed:
                by_portal.setdefault(portal, []).append(f"{agency} {year}")
            print(f"  {run.workers} worker(s) missed: " + "; ".join(
                f"{portal} {len(items)} ({', '.join(items[:3])}{', …' if len(items) > 3 else ''})"
                for portal, items in sorted(by_portal.items())))
    project(runs, args, province)


def project(runs: list[RunFigures], args: argparse.Namespace, province: Province) -> None:
    """10,000 portals from this run's figures: the bound of each resource, in hours."""
    pages_per_site = province.page_count() / len(province.portals)
    pages = PROJECTED_SITES * pages_per_site
    best = max(runs, key=lambda r: r.pages_per_minute)
    cpu_per_page = sum(r.cpu_seconds for r in runs) / max(sum(r.pages for r in runs), 1)
    rows_per_page = best.rows / max(best.pages, 1)
    print(f"\nprojection to {PROJECTED_SITES:,} portals ({pages_per_site:.0f} pages each, {pages / 1e6:.1f} M pages):")
    print(f"  politeness: {pages * args.delay / 3600:,.0f} site-hours at {args.delay} s a page; with S sites crawled "
          f"at once that is {pages * args.delay / 3600:,.0f}/S hours (S = workers × --parallel)")
    print(f"  CPU: {cpu_per_page * 1000:.0f} ms a page → {pages * cpu_per_page / 3600:,.0f} core-hours")
    print(f"  database: {rows_per_page:.2f} rows a page → {pages * rows_per_page / 1e6:.1f} M rows; at the "
          f"{best.rows_per_second:.0f} rows/s written here (not the database's limit) "
          f"{pages * rows_per_page / best.rows_per_second / 3600:,.1f} hours")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=8)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds between requests to one site")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--parallel", type=int, default=2, help="sites each worker crawls at once")
    parser.add_argument("--province", action="store_true", help="city portals at a city's size (1 in 8)")
    parser.add_argument("--seed", default="0")
    args, _ = parser.parse_known_args()
    args.load = " ".join(f"{x:.1f}" for x in os.getloadavg())

    started = time.monotonic()
    province = Province(args.sites, args.seed, county_only=not args.province)
    for site in province.sites.values():
        site.prerender()
    print(f"province: {len(province.portals)} portals, {province.page_count():,} pages, "
          f"{sum(len(r) for r in province.expected_reports().values()):,} reports "
          f"(built and rendered in {time.monotonic() - started:.0f} s)")
    with tempfile.TemporaryDirectory(prefix="gxmon-scale-") as tmp, province.serve(), running_postgres() as pg:
        folder = Path(tmp)
        redis = RedisServer(folder / "redis").start()
        try:
            config = write_config(province, folder / "sites.toml", args.delay)
            runs = [crawl_with(int(w), args, province, config, new_database(pg), redis, folder)
                    for w in args.workers.split(",")]
        finally:
            redis.kill()
    print_figures(runs, args, province)


if __name__ == "__main__":
    main()

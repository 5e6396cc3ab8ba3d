"""Web benchmark: every page of ``gxmon serve`` at a million versions, against a trivial route of the same server,
one request at a time and under 200 concurrent clients.

    .venv/bin/python -m benchmarks.web_bench [--versions 1000000] [--reports 20000] [--rounds 21] [--dir DIR]
                                             [--concurrency 200] [--load-seconds 15] [--workers CORES] [--skip-pages]

1. Builds the archive of benchmarks/archive_bench.py (its ``build``: ``--reports`` reports, ``--versions``
   versions with their fetches, changes and findings) in DIR, or reuses the one a previous run left there
   with the same sizes. The builder stores no parsed reports, so every version is pointed at one of the
   seed reports, parsed by gxparse and put in the store, so that report, version and comparison pages
   render the official tables as they do in use.
2. Serves the archive with ``gxmon serve --workers N`` (default: one process per core; its limits and
   connection slots) in a child process on 127.0.0.1.
3. Requests each page ``--rounds`` times over HTTP (random reports, versions and agencies each round, the
   same sequence every run), interleaved with the baseline route ``/healthz`` (no database, no template),
   and prints each page's median, its first (cold) and slowest time, and the median's ratio to the
   baseline's median. Target: every page's median under 200 ms.
4. Under load: wrk (the Debian package; a C client, so that the client is not what is measured) holds
   ``--concurrency`` keep-alive connections, each sending its next request when its last is answered, for
   ``--load-seconds`` on one route after another (2000 of its paths in turn), the baseline ``/healthz`` first,
   and it prints p50, p99, slowest, requests per second and failures of each, with p99 as a multiple of the
   baseline's. Target: p99 under 1 s at 200 concurrent on every route, and no failure. In this closed loop
   p99 is about concurrency ÷ throughput: a page the server answers 60 times a second per core needs
   about 200 ÷ 60 cores for it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
from sqlalchemy import text

from benchmarks.archive_bench import build
from gxparse import parse_document
from monitor.archive.db import make_engine
from monitor.archive.models import Blob
from monitor.archive.store import PARSED, BlobStore

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
TARGET_MS = 200.0
LOAD_TARGET_MS = 1000.0
BASELINE = "/healthz"
GXMON = str(Path(sys.executable).with_name("gxmon"))
LOAD_ROUTES = ("api report", "report", "version", "api version", "api cdx, report collapsed", "reports list",
               "reports, failing", "findings")


def prepare(folder: Path, n_reports: int, n_versions: int) -> str:
    """The benchmark archive in ``folder`` (built unless a previous run left one of this size)."""
    url = f"sqlite:///{folder / 'big.db'}"
    marker = folder / "web_bench.json"
    sizes = {"reports": n_reports, "versions": n_versions}
    if marker.exists() and json.loads(marker.read_text()) == sizes and (folder / "big.db").exists():
        print(f"reusing the archive in {folder}", flush=True)
        return url
    for suffix in ("", "-wal", "-shm"):
        (folder / f"big.db{suffix}").unlink(missing_ok=True)
    print(f"building {n_versions:,} versions of {n_reports:,} reports in {folder} (archive_bench.build)", flush=True)
    seconds = build(url, n_reports, n_versions)
    print(f"built in {seconds:.0f} s", flush=True)
    attach_parsed_reports(url, BlobStore(folder / "gxmon-store"))
    marker.write_text(json.dumps(sizes))
    return url


def attach_parsed_reports(url: str, store: BlobStore) -> None:
    """Point every version at one of the seed reports' parsed JSON (version id modulo the seeds)."""
    digests = []
    for path in sorted(SEEDS.glob("*.txt")):
        digest = store.put_json(parse_document(path.read_bytes(), path.name).to_dict())
        digests.append((digest, store.path(PARSED, digest).stat().st_size))
    engine = make_engine(url)
    with engine.begin() as conn:
        for digest, size in digests:
            conn.execute(Blob.__table__.insert().prefix_with("OR IGNORE"),
                         {"sha256": digest, "kind": PARSED, "size": size, "content_type": "application/json"})
        cases = " ".join(f"WHEN {i} THEN '{d}'" for i, (d, _) in enumerate(digests))
        conn.execute(text(f"UPDATE version SET parsed_sha256 = CASE id % {len(digests)} {cases} END"))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def serve(url: str, port: int, workers: int) -> subprocess.Popen:
    """``gxmon serve --workers N`` over ``url`` (store beside the database), in a child process; its log line
    per request goes nowhere."""
    process = subprocess.Popen([GXMON, "--db", url, "serve", "--port", str(port), "--workers", str(workers)],
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gxmon serve exited with status {process.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}{BASELINE}", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the web server did not start within 300 s")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pages(n_reports: int, n_versions: int, n_agencies: int, rng: random.Random) -> dict[str, Callable[[], str]]:
    """Each page's path, drawn afresh per round."""
    per_report = n_versions // n_reports

    def version_pair() -> str:
        report = rng.randint(0, n_reports - 1)
        first = report * per_report + 1
        a, b = sorted(rng.sample(range(first, first + per_report), 2))
        return f"/diff/{a}/{b}"

    return {
        "reports list": lambda: "/reports",
        "api report": lambda: f"/api/reports/{rng.randint(1, n_reports)}",
        "reports, failing": lambda: "/reports?failing=1",
        "reports, revised": lambda: "/reports?revised=1",
        "reports, withdrawn": lambda: "/reports?status=withdrawn",
        "reports, agency search": lambda: f"/reports?agency=第{rng.randint(0, n_agencies - 1)}局",
        "reports, by agency name": lambda: "/reports?sort=agency&order=asc",
        "reports, year+failing, p.5": lambda: "/reports?year=2021&failing=1&page=5",
        "reports, page 300": lambda: "/reports?page=300",
        "report": lambda: f"/reports/{rng.randint(1, n_reports)}",
        "version": lambda: f"/versions/{rng.randint(1, n_versions)}",
        "report, every version": lambda: f"/reports/{rng.randint(1, n_reports)}/versions",
        "compare two versions": version_pair,
        "findings": lambda: "/findings",
        "findings, one rule": lambda: "/findings?rule=s3.row_sum&severity=error",
        "findings, page 100": lambda: "/findings?page=100",
        "agencies search": lambda: f"/agencies?q=第{rng.randint(0, n_agencies - 1)}",
        "agency": lambda: f"/agencies/{rng.randint(1, n_agencies)}",
        "crawl run (every change)": lambda: "/runs/1",
        "dashboard": lambda: "/",
        "changes": lambda: "/changes",
        "changes, 30 days, revisions": lambda: "/changes?since=30d&kind=figures_changed&kind=text_changed",
        "changes, agency, page 5": lambda: f"/changes?agency=第{rng.randint(0, n_agencies - 1)}局&page=5",
        "changes feed (Atom)": lambda: "/changes.atom",
        "crawl runs": lambda: "/runs",
        "triage (dealt with)": lambda: "/triage",
        "api reports": lambda: "/api/reports?failing=true",
        "api version": lambda: f"/api/versions/{rng.randint(1, n_versions)}",
        "api cdx, report collapsed": lambda: f"/api/cdx?report={rng.randint(1, n_reports)}&collapse=digest",
        "api cdx, agency": lambda: f"/api/cdx?agency=模拟市{(a := rng.randint(0, n_agencies - 1)) % 20}第{a}局",
    }


def measure(client: httpx.Client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {response.status_code}: {response.text[:200]}")
    return elapsed


@dataclass
class LoadResult:
    p50: float          # ms
    p99: float
    slowest: float
    per_second: float
    failures: int       # non-2xx answers, connection errors and timeouts


# wrk's Lua: the requests cycle through the paths written above it; at the end one line of figures as JSON.
WRK_SCRIPT = """
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"p50": %f, "p99": %f, "max": %f, "requests": %d, "seconds": %f, "failures": %d}\\n',
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.requests,
    summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def _wrk(base_url: str, path: Callable[[], str], concurrency: int, seconds: float, folder: Path) -> LoadResult:
    """``concurrency`` keep-alive connections sending requests for ``seconds``, each its next when its last is
    answered, by wrk (a C load generator: the client must not be what is measured)."""
    paths = [quote(path(), safe="/?=&%") for _ in range(2000)]
    script = folder / "wrk-paths.lua"
    script.write_text("paths = {" + ", ".join(json.dumps(p) for p in paths) + "}\n" + WRK_SCRIPT)
    done = subprocess.run(["wrk", f"-t{min(concurrency, os.cpu_count() or 1)}", f"-c{concurrency}",
                           f"-d{seconds:g}s", "--timeout", "60s", "-s", str(script), base_url],
                          capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return LoadResult(figures["p50"], figures["p99"], figures["max"], figures["requests"] / figures["seconds"],
                      figures["failures"])


def under_load(base_url: str, routes: dict[str, Callable[[], str]], concurrency: int, seconds: float,
               folder: Path) -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("the load phase needs wrk (apt-get install wrk; scripts/system-packages.txt lists it)")
    print(f"\nunder load: {concurrency} concurrent connections for {seconds:g} s per route (keep-alive, wrk)")
    print(f"  {'route':<30} {'p50':>8} {'p99':>8} {'slowest':>8} {'req/s':>7} {'failed':>6}  p99/baseline")
    baseline = _wrk(base_url, lambda: BASELINE, concurrency, seconds, folder)
    print(f"  {'baseline ' + BASELINE:<30} {baseline.p50:>8.0f} {baseline.p99:>8.0f} {baseline.slowest:>8.0f} "
          f"{baseline.per_second:>7.0f} {baseline.failures:>6}")
    missed = []
    for name in LOAD_ROUTES:
        result = _wrk(base_url, routes[name], concurrency, seconds, folder)
        if result.p99 >= LOAD_TARGET_MS or result.failures:
            missed.append(name)
        print(f"  {name:<30} {result.p50:>8.0f} {result.p99:>8.0f} {result.slowest:>8.0f} {result.per_second:>7.0f} "
              f"{result.failures:>6}  {result.p99 / baseline.p99:>7.1f}×", flush=True)
    verdict = "ok" if not missed else "MISSED: " + ", ".join(missed)
    print(f"target: p99 under {LOAD_TARGET_MS:.0f} ms at {concurrency} concurrent, no failure: {verdict} (ms)")


def one_at_a_time(base_url: str, routes: dict[str, Callable[[], str]], rounds: int, n_versions: int,
                  n_reports: int) -> None:
    times: dict[str, list[float]] = {name: [] for name in routes}
    first: dict[str, float] = {}
    baseline: list[float] = []
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for name, path in routes.items():     # one warm-up request each (reported, not counted)
            first[name] = measure(client, path())
        for _ in range(rounds):
            for name, path in routes.items():
                baseline.append(measure(client, BASELINE))
                times[name].append(measure(client, path()))
    base = statistics.median(baseline)
    print(f"\npages at {n_versions:,} versions / {n_reports:,} reports, median of {rounds} "
          f"(HTTP on 127.0.0.1, gxmon serve, SQLite)")
    print(f"  {'baseline ' + BASELINE:<30} {base:>8.2f} ms")
    missed = []
    for name, samples in times.items():
        median = statistics.median(samples)
        verdict = "ok" if median < TARGET_MS else "MISSED"
        if median >= TARGET_MS:
            missed.append(name)
        print(f"  {name:<30} {median:>8.2f} ms  (first {first[name]:>7.2f}, slowest {max(samples):>7.2f})"
              f"  {median / base:>7.1f}× baseline   < {TARGET_MS:.0f} ms {verdict}")
    verdict = "ok" if not missed else "MISSED: " + ", ".join(missed)
    print(f"target: every page's median under {TARGET_MS:.0f} ms: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--load-seconds", type=float, default=15, help="how long each route is loaded")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="gxmon serve --workers (default: the cores)")
    parser.add_argument("--skip-pages", action="store_true", help="only the load phase")
    parser.add_argument("--dir", type=Path, default=None, help="where to build (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="gxmon-web-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = prepare(folder, args.reports, args.versions)
    n_agencies = (args.reports + 3) // 4          # archive_bench: one agency per four report years
    port = free_port()
    server = serve(url, port, args.workers)
    print(f"gxmon serve --workers {args.workers} on {os.cpu_count()} cores", flush=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        routes = pages(args.reports, args.versions, n_agencies, random.Random(5))
        if not args.skip_pages:
            one_at_a_time(base_url, routes, args.rounds, args.versions, args.reports)
        under_load(base_url, routes, args.concurrency, args.load_seconds, folder)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()

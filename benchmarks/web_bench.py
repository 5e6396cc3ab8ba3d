"""Web benchmark: every page of ``gxmon serve`` at a million versions, against a trivial route of the same server.

    .venv/bin/python -m benchmarks.web_bench [--versions 1000000] [--reports 20000] [--rounds 21] [--dir DIR]

1. Builds the archive of benchmarks/archive_bench.py (its ``build``: ``--reports`` reports, ``--versions``
   versions with their fetches, changes and findings) in DIR, or reuses the one a previous run left there
   with the same sizes. The builder stores no parsed reports, so every version is pointed at one of the
   seed reports, parsed by gxparse and put in the store, so that report, version and comparison pages
   render the official tables as they do in use.
2. Serves the archive with uvicorn in a child process on 127.0.0.1, as ``gxmon serve`` does.
3. Requests each page ``--rounds`` times over HTTP (random reports, versions and agencies each round, the
   same sequence every run), interleaved with the baseline route ``/healthz`` (no database, no template),
   and prints each page's median, its first (cold) and slowest time, and the median's ratio to the
   baseline's median. Target: every page's median under 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import text

from benchmarks.archive_bench import build
from gxparse import parse_document
from monitor.archive.db import make_engine
from monitor.archive.models import Blob
from monitor.archive.store import PARSED, BlobStore

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
TARGET_MS = 200.0
BASELINE = "/healthz"


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


def serve(url: str, port: int) -> subprocess.Popen:
    """uvicorn with the app over ``url`` (store beside the database), in a child process."""
    env = {**os.environ, "GXMON_DB": url}
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "monitor.web:create_app", "--factory",
                                "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{BASELINE}", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the web server did not start within 60 s")


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
        "reports, failing": lambda: "/reports?failing=1",
        "reports, revised": lambda: "/reports?revised=1",
        "reports, withdrawn": lambda: "/reports?status=withdrawn",
        "reports, agency search": lambda: f"/reports?agency=第{rng.randint(0, n_agencies - 1)}局",
        "reports, by agency name": lambda: "/reports?sort=agency&order=asc",
        "reports, year+failing, p.5": lambda: "/reports?year=2021&failing=1&page=5",
        "reports, page 300": lambda: "/reports?page=300",
        "report": lambda: f"/reports/{rng.randint(1, n_reports)}",
        "version": lambda: f"/versions/{rng.randint(1, n_versions)}",
        "compare two versions": version_pair,
        "findings": lambda: "/findings",
        "findings, one rule": lambda: "/findings?rule=s3.row_sum&severity=error",
        "findings, page 100": lambda: "/findings?page=100",
        "agencies search": lambda: f"/agencies?q=第{rng.randint(0, n_agencies - 1)}",
        "agency": lambda: f"/agencies/{rng.randint(1, n_agencies)}",
        "crawl run (every change)": lambda: "/runs/1",
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--dir", type=Path, default=None, help="where to build (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="gxmon-web-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = prepare(folder, args.reports, args.versions)
    n_agencies = (args.reports + 3) // 4          # archive_bench: one agency per four report years
    port = free_port()
    server = serve(url, port)
    try:
        rng = random.Random(5)
        routes = pages(args.reports, args.versions, n_agencies, rng)
        times: dict[str, list[float]] = {name: [] for name in routes}
        first: dict[str, float] = {}
        baseline: list[float] = []
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for name, path in routes.items():     # one warm-up request each (reported, not counted)
                first[name] = measure(client, path())
            for _ in range(args.rounds):
                for name, path in routes.items():
                    baseline.append(measure(client, BASELINE))
                    times[name].append(measure(client, path()))
    finally:
        server.terminate()
        server.wait(timeout=30)
    base = statistics.median(baseline)
    print(f"\npages at {args.versions:,} versions / {args.reports:,} reports, median of {args.rounds} "
          f"(HTTP on 127.0.0.1, uvicorn, SQLite)")
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


if __name__ == "__main__":
    main()

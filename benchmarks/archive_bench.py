"""Archive benchmark: query speed at a million versions, and what an unchanged re-crawl adds.

    .venv/bin/python -m benchmarks.archive_bench [--versions 1000000] [--reports 20000] [--documents 400]
                                                 [--dir DIR] [--keep]

1. Fills a SQLite archive (schema by the Alembic migrations, so the real indexes) with synthetic reports
   and versions by bulk inserts: ``--reports`` reports of 20 sites, ``--versions`` versions in all (each
   with its raw blob row, its fetch and its change; findings on one version in ten; 15 % of reports
   failing), and a small archive of 1 % of that size built the same way as the baseline.
2. Times the queries behind ``gxmon history`` (``queries.report_history`` on random reports) and
   ``gxmon reports --failing`` (``queries.list_reports(failing=True)``) on both, and prints the medians and
   the ratio big/small (1.0 = the query does not slow down as the archive grows). Target: under 50 ms each.
3. Crawls ``--documents`` real report pages (rendered from the seed reports with different figures,
   parsed by gxparse) into the big archive through ``Archive.record``, then twice more unchanged: once
   with a different visit counter and date stamp on every page (new bytes, same content) and once byte
   for byte. Prints new blobs (target: none) and database bytes per document fetched (target: under 1 KB),
   against the first crawl as the baseline.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from gxparse import parse_document
from monitor.archive import queries
from monitor.archive.record import Archive
from monitor.archive.db import make_engine, migrate, session
from monitor.archive.documents import FetchedDocument
from monitor.archive.models import Agency, Blob, Change, CrawlRun, Fetch, Finding, Report, ReportUrl, Site, Version
from monitor.archive.store import PARSED, RAW, BlobStore
from simsite.render import render_report_html

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
SITES = 20
YEARS = (2019, 2020, 2021, 2022)
FAILING_SHARE = 0.15
CHUNK = 20_000
START = datetime(2020, 1, 1, tzinfo=UTC)


def _sha(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _insert(conn, model, rows: list[dict]) -> None:
    for i in range(0, len(rows), CHUNK):
        conn.execute(insert(model.__table__), rows[i:i + CHUNK])


def build(url: str, n_reports: int, n_versions: int, seed: int = 7) -> float:
    """Fill an empty archive with synthetic rows; returns the seconds it took."""
    started = time.perf_counter()
    rng = random.Random(seed)
    engine = make_engine(url)
    migrate(engine)
    per_report = [n_versions // n_reports + (1 if i < n_versions % n_reports else 0) for i in range(n_reports)]
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        _insert(conn, Site, [{"id": f"site{s}", "name": f"模拟市{s}", "created_at": START} for s in range(SITES)])
        n_agencies = (n_reports + len(YEARS) - 1) // len(YEARS)
        _insert(conn, Agency, [{"id": a + 1, "name": f"模拟市{a % SITES}第{a}局"} for a in range(n_agencies)])
        _insert(conn, CrawlRun, [{"id": 1, "site_id": "site0", "trigger": "bench", "started_at": START,
                                  "status": "ok"}])
        reports, urls = [], []
        version_id = 0
        for r in range(n_reports):
            agency = r // len(YEARS)
            failing = rng.random() < FAILING_SHARE
            version_id += per_report[r]
            reports.append({
                "id": r + 1, "site_id": f"site{agency % SITES}", "agency_id": agency + 1,
                "year": YEARS[r % len(YEARS)], "status": "active", "title": f"模拟市第{agency}局{YEARS[r % 4]}年报告",
                "first_seen": START, "last_fetched_at": START + timedelta(days=per_report[r]),
                "latest_version_id": version_id, "latest_url_id": r + 1, "version_count": per_report[r],
                "error_count": rng.randint(1, 4) if failing else 0, "warning_count": rng.randint(0, 3),
                "missing_runs": 0})
            urls.append({"id": r + 1, "report_id": r + 1, "site_id": f"site{agency % SITES}",
                         "url": f"http://site{agency % SITES}.test/nb/{r}.html", "first_seen": START, "last_seen": START, "first_run_id": 1, "last_listed_run_id": 1})
        _insert(conn, Report, reports)
        _insert(conn, ReportUrl, urls)
        version_id = 0
        for r in range(n_reports):
            blobs, versions, fetches, changes, findings = [], [], [], [], []
            for seq in range(1, per_report[r] + 1):
                version_id += 1
                when = START + timedelta(days=seq)
                raw = _sha("raw", version_id)
                blobs.append({"sha256": raw, "kind": RAW, "size": 60_000, "content_type": "text/html",
                              "stored_at": when})
                versions.append({
                    "id": version_id, "report_id": r + 1, "seq": seq, "url_id": r + 1, "captured_run_id": 1,
                    "content_digest": _sha("content", version_id), "raw_sha256": raw, "first_seen": when,
                    "last_seen": when, "content_type": "text/html", "source_type": "html",
                    "parser_version": "bench", "is_annual_report": True, "title": reports[r]["title"],
                    "template": "v2021", "error_count": 0, "warning_count": 0, "info_count": 0})
                fetches.append({"run_id": 1, "report_id": r + 1, "url_id": r + 1, "version_id": version_id,
                                "fetched_at": when, "status": 200, "raw_sha256": bytes.fromhex(raw),
                                "outcome": "new_version", "not_modified": False, "revisit": False})
                first = seq == 1
                changes.append({"report_id": r + 1, "run_id": 1, "kind": "new_report" if first else "figures_changed",
                                "from_version_id": None if first else version_id - 1, "to_version_id": version_id,
                                "detected_at": when, "summary": "新报告" if first else "数字修改：表三 … 508→509",
                                "detail": {"figures": [{"cell": "s3.new_received.natural_person", "old": 508,
                                                        "new": 509}]}})
                if version_id % 10 == 0:
                    for rule in ("s3.row_sum", "narrative.mismatch"):
                        findings.append({"report_id": r + 1, "version_id": version_id, "rule": rule,
                                         "severity": "error" if rule == "s3.row_sum" else "warning",
                                         "message": "表三（自然人列）：新收306 + 上年结转3 = 309，但…", "cells": [],
                                         "origin": "parser", "created_at": when})
            _insert(conn, Blob, blobs)
            _insert(conn, Version, versions)
            _insert(conn, Fetch, fetches)
            _insert(conn, Change, changes)
            if findings:
                _insert(conn, Finding, findings)
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return time.perf_counter() - started


def median_ms(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def time_queries(url: str, n_reports: int, rounds: int) -> dict[str, float]:
    engine = make_engine(url)
    rng = random.Random(11)
    with session(engine) as s:
        queries.list_reports(s, failing=True)        # warm the page cache once, as a running system is
        history = median_ms(lambda: queries.report_history(s, rng.randint(1, n_reports)), rounds)
        failing = median_ms(lambda: queries.list_reports(s, failing=True), rounds)
        failing_rows = len(queries.list_reports(s, failing=True))
    engine.dispose()
    return {"history": history, "failing": failing, "failing_rows": failing_rows}


def documents(n: int) -> list[tuple[str, dict]]:
    """``n`` report pages: the seed reports with figures and titles varied, each its own agency and year."""
    bases = [parse_document(p.read_bytes(), p.name).to_dict() for p in sorted(SEEDS.glob("*.txt"))]
    bases = [b for b in bases if b["s3"]]
    out = []
    for i in range(n):
        report = copy.deepcopy(bases[i % len(bases)])
        agency = f"基准市第{i}局"
        report["title"] = f"{agency}2021年政府信息公开工作年度报告"
        report["agency"] = agency
        report["s3"]["new_received"]["natural_person"] += i
        report["s3"]["new_received"]["total"] += i
        prose = {f"{k}_text": v for k, v in (report.get("text") or {}).items()}
        out.append((f"http://bench.test/nb/{i}.html", {**report, **prose}))
    return out


def page(report: dict, visits: int, day: int) -> bytes:
    chrome = f"<p>浏览次数：{visits}</p><p>今天是2024年3月{day}日</p>"
    return render_report_html(report).replace("</body>", chrome + "</body>").encode("utf-8")


def db_bytes(engine) -> int:
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute(text("PRAGMA page_count")).scalar()
        free = conn.execute(text("PRAGMA freelist_count")).scalar()
        size = conn.execute(text("PRAGMA page_size")).scalar()
    return (pages - free) * size


def crawl(archive: Archive, docs: list[tuple[str, dict]], visits: int, day: int, pages: dict) -> float:
    run = archive.start_run("bench")
    started = time.perf_counter()
    for url, report in docs:
        body = pages.setdefault((url, visits, day), page(report, visits, day))
        archive.record(FetchedDocument(site_id="bench", url=url, status=200, body=body, content_type="text/html",
                                       listing_url="http://bench.test/nb/"), run)
    elapsed = time.perf_counter() - started
    archive.finish_run(run)
    return elapsed


def growth(url: str, store: Path, n_docs: int) -> list[dict]:
    engine = make_engine(url)
    archive = Archive(engine, BlobStore(store))
    docs = documents(n_docs)
    cache: dict = {}
    results = []
    for label, visits, day in (("first crawl", 100, 5), ("re-crawl, new counter/date", 101, 6),
                               ("re-crawl, same bytes", 101, 6)):
        before_bytes, before_blobs = db_bytes(engine), archive.store.count(RAW) + archive.store.count(PARSED)
        seconds = crawl(archive, docs, visits, day, cache)
        results.append({"label": label, "bytes_per_doc": (db_bytes(engine) - before_bytes) / n_docs,
                        "new_blobs": archive.store.count(RAW) + archive.store.count(PARSED) - before_blobs,
                        "ms_per_doc": seconds * 1000 / n_docs})
    engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=41)
    parser.add_argument("--dir", type=Path, default=None, help="where to build (default: a temporary folder)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="gxmon-archive-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    small_url, big_url = f"sqlite:///{folder / 'small.db'}", f"sqlite:///{folder / 'big.db'}"
    small = (max(args.reports // 100, 1), max(args.versions // 100, 1))
    for path in ("small.db", "big.db"):
        for suffix in ("", "-wal", "-shm"):
            (folder / f"{path}{suffix}").unlink(missing_ok=True)
    print(f"building: baseline {small[1]:,} versions / {small[0]:,} reports, then {args.versions:,} versions / "
          f"{args.reports:,} reports, in {folder}", flush=True)
    build(small_url, *small)
    seconds = build(big_url, args.reports, args.versions)
    size = (folder / "big.db").stat().st_size
    print(f"built the big archive in {seconds:.0f} s ({args.versions / seconds:,.0f} versions/s), "
          f"{size / 2**20:,.0f} MiB", flush=True)

    base = time_queries(small_url, small[0], args.rounds)
    big = time_queries(big_url, args.reports, args.rounds)
    print(f"\nqueries (median of {args.rounds})          baseline ({small[1]:,} v)   {args.versions:,} v   "
          "ratio   target")
    for key, label in (("history", "gxmon history REPORT"), ("failing", "gxmon reports --failing")):
        verdict = "ok" if big[key] < 50 else "MISSED"
        print(f"  {label:<32} {base[key]:>10.2f} ms {big[key]:>10.2f} ms {big[key] / base[key]:>6.2f}×   "
              f"< 50 ms {verdict}")
    per_row = [1000 * r["failing"] / max(r["failing_rows"], 1) for r in (base, big)]
    print(f"  (reports --failing returns {big['failing_rows']:,} rows at {args.versions:,} versions, "
          f"{base['failing_rows']:,} in the baseline: {per_row[1]:.1f} µs per row returned, "
          f"{per_row[0]:.1f} µs in the baseline, {per_row[1] / per_row[0]:.2f}×)")

    print(f"\narchive growth, {args.documents} real report pages into the {args.versions:,}-version archive")
    rows = growth(big_url, folder / "store", args.documents)
    first = rows[0]["bytes_per_doc"]
    for row in rows:
        print(f"  {row['label']:<30} {row['bytes_per_doc']:>8.0f} B/document ({row['bytes_per_doc'] / first:.3f}× "
              f"the first crawl)  {row['new_blobs']:>5} new blobs  {row['ms_per_doc']:.1f} ms/document")
    unchanged = rows[1:]
    ok = all(r["new_blobs"] == 0 and r["bytes_per_doc"] < 1024 for r in unchanged)
    print(f"  target for unchanged re-crawls: no new blobs, < 1024 B/document: {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()

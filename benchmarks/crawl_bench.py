"""Crawl benchmark: a 10,000-page simulated site crawled with politeness off, beside ``scrapy bench``.

    .venv/bin/python -m benchmarks.crawl_bench [--size 10000] [--seed 1] [--concurrency 16]

``scrapy bench`` (Scrapy's own link-following spider against its own local server, 10 seconds) runs first,
then our crawl of the simulated site (served from this process) through ``crawler.run.run_crawl``: same
machine, same run. Prints pages per minute and peak memory (max RSS) of both.
Targets (issue 4): at least 70 % of scrapy bench's pages per minute, peak memory under 300 MB.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crawler.run import run_crawl
from crawler.siteconfig import Site
from simsite import SimSite, serve


def scrapy_bench() -> tuple[int, float, float]:
    """(pages, seconds, peak MB) of ``scrapy bench``, run outside the project so it uses Scrapy's defaults."""
    with tempfile.TemporaryDirectory() as tmp:
        log = subprocess.run([sys.executable, "-m", "scrapy", "bench"], cwd=tmp, capture_output=True, text=True,
                             check=True).stderr
    pages = int(re.search(r"'response_received_count': (\d+)", log).group(1))
    seconds = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", log).group(1))
    # Only the bench (and its server) has ended as a child of this process so far.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return pages, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="pages of the simulated site")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--concurrency", type=int, default=16, help="parallel requests to the site")
    args, _ = parser.parse_known_args()

    bench_pages, bench_seconds, bench_peak = scrapy_bench()
    bench_rate = bench_pages / bench_seconds * 60

    started = time.monotonic()
    site = SimSite(seed=args.seed, size=args.size)
    expected = len(site.expected_reports())
    site.prerender()
    print(f"simulated site: {site.page_count()} pages, {expected} reports "
          f"(built with its attachments in {time.monotonic() - started:.0f} s)")
    with serve(site) as server, tempfile.TemporaryDirectory() as state:
        target = Site("bench", "临江市人民政府", (server.base_url + "/index.html",), delay=0,
                      concurrency=args.concurrency, max_pages=10 * args.size)
        summary = run_crawl([target], {"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": args.concurrency,
                                       "GXMON_STATE_DIR": str(Path(state)), "LOG_LEVEL": "WARNING"})
    crawl = summary.site("bench")
    rate = crawl.pages_fetched / crawl.elapsed_seconds * 60

    print(f"{'':<22}{'pages':>8}{'seconds':>9}{'pages/min':>11}{'peak MB':>9}")
    print(f"{'gxmon reports spider':<22}{crawl.pages_fetched:>8}{crawl.elapsed_seconds:>9.1f}{rate:>11.0f}"
          f"{crawl.peak_rss_mb:>9.0f}   ({crawl.reports}/{expected} reports found, {crawl.error_count} errors)")
    print(f"{'scrapy bench':<22}{bench_pages:>8}{bench_seconds:>9.1f}{bench_rate:>11.0f}{bench_peak:>9.0f}"
          "   (baseline, same machine, same run)")
    ratio = rate / bench_rate
    print(f"target >= 70% of scrapy bench: {ratio:.0%} -> {'PASS' if ratio >= 0.7 else 'FAIL'}")
    print(f"target peak memory < 300 MB: {crawl.peak_rss_mb:.0f} MB -> "
          f"{'PASS' if crawl.peak_rss_mb < 300 else 'FAIL'}")
    print(f"all reports found: {crawl.reports}/{expected} -> {'PASS' if crawl.reports == expected else 'FAIL'}")


if __name__ == "__main__":
    main()

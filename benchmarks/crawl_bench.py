"""Crawl benchmark: every simsite family crawled from its home page, and a 10,000-page site, beside `scrapy bench`.

    .venv/bin/python -m benchmarks.crawl_bench [--size 10000] [--seed 1] [--concurrency 16] [--families trs,…]

``scrapy bench`` (Scrapy's own link-following spider against its own local server, 10 seconds) runs first.
Then, in the same run, each site family of ``simsite.families.FAMILIES`` (at its own size) is served and
crawled from its portal's home page through ``crawler.run.run_crawl``, with politeness off; then the classic
family at ``--size`` pages for throughput. Prints per family: recall and precision against the site's
expected reports, **pages fetched per report found**, pages per minute, pages rendered in the browser; and peak
memory (max RSS). Targets (issues 4, 10 and 11): recall and precision 100 %, at most 8 pages per report found, at
least 70 % of scrapy bench's pages per minute, peak memory under 300 MB, no page rendered (the static readers serve
every family: the browser is for pages they cannot read).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from crawler.run import SiteSummary, run_crawl
from crawler.siteconfig import Site
from simsite import serve
from simsite.families import FAMILIES, make_site

MAX_PAGES_PER_REPORT = 8


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


@dataclass
class Result:
    name: str
    summary: SiteSummary
    expected: int
    found: int        # expected reports among the documents yielded
    extra: int        # documents yielded that are no expected report

    @property
    def rate(self) -> float:
        return self.summary.pages_fetched / self.summary.elapsed_seconds * 60

    @property
    def pages_per_report(self) -> float:
        return self.summary.pages_fetched / max(1, self.found)


def crawl(name: str, family: str, seed: str, size: int | None, concurrency: int) -> Result:
    site = make_site(family, seed, size)
    site.prerender()
    with serve(site) as server, tempfile.TemporaryDirectory() as state:
        expected = {r.final_url for r in site.expected_reports()}   # URLs are known once the site is served
        feed = Path(state, "items.jsonl")
        target = Site(name, "市人民政府", (server.base_url + "/",), delay=0, concurrency=concurrency,
                      max_pages=20 * max(site.page_count(), 1000))
        summary = run_crawl([target], {"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": concurrency,
                                       "GXMON_STATE_DIR": state, "LOG_LEVEL": "WARNING",
                                       "FEEDS": {str(feed): {"format": "jsonlines", "fields": ["final_url", "status"]}}})
        found = {json.loads(line)["final_url"] for line in feed.read_text(encoding="utf-8").splitlines()}
    return Result(name, summary.site(name), len(expected), len(found & expected), len(found - expected))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="pages of the large classic site")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--concurrency", type=int, default=16, help="parallel requests to the site")
    parser.add_argument("--families", default=",".join(FAMILIES), help="families to crawl at their own size")
    args, _ = parser.parse_known_args()

    bench_pages, bench_seconds, bench_peak = scrapy_bench()
    bench_rate = bench_pages / bench_seconds * 60

    started = time.monotonic()
    results = [crawl(family, family, args.seed, None, args.concurrency) for family in args.families.split(",")]
    results.append(crawl(f"classic-{args.size}", "classic", args.seed, args.size, args.concurrency))
    print(f"crawled {len(results)} sites in {time.monotonic() - started:.0f} s (site building included)")

    print(f"{'site':<16}{'reports':>9}{'recall':>8}{'precision':>10}{'pages':>7}{'pages/report':>13}"
          f"{'pages/min':>10}{'peak MB':>8}{'renders':>8}")
    for r in results:
        precision = r.found / max(1, r.found + r.extra)
        print(f"{r.name:<16}{r.found:>5}/{r.expected:<4}{r.found / max(1, r.expected):>7.1%}{precision:>10.1%}"
              f"{r.summary.pages_fetched:>7}{r.pages_per_report:>13.2f}{r.rate:>10.0f}{r.summary.peak_rss_mb:>8.0f}"
              f"{r.summary.rendered_pages:>8}")
    print(f"{'scrapy bench':<16}{'':>9}{'':>8}{'':>10}{bench_pages:>7}{'':>13}{bench_rate:>10.0f}{bench_peak:>8.0f}"
          "   (baseline, same machine, same run)")

    large = results[-1]
    ratio = large.rate / bench_rate
    complete = all(r.found == r.expected and not r.extra for r in results)
    cheap = all(r.pages_per_report <= MAX_PAGES_PER_REPORT for r in results)
    print(f"target recall and precision 100 % on every site: {'PASS' if complete else 'FAIL'}")
    print(f"target <= {MAX_PAGES_PER_REPORT} pages per report found on every site: {'PASS' if cheap else 'FAIL'}")
    print(f"target >= 70% of scrapy bench ({large.name}): {ratio:.0%} -> {'PASS' if ratio >= 0.7 else 'FAIL'}")
    peak = max(r.summary.peak_rss_mb for r in results)
    print(f"target peak memory < 300 MB: {peak:.0f} MB -> {'PASS' if peak < 300 else 'FAIL'}")
    renders = sum(r.summary.rendered_pages for r in results)
    print(f"target no page rendered (the static readers serve every family): {renders} -> "
          f"{'PASS' if not renders else 'FAIL'}")


if __name__ == "__main__":
    main()

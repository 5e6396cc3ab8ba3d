"""A big, news-heavy portal under the crawl's own budgets (issue 11): recall, where the pages went, time.

    .venv/bin/python -m benchmarks.newsheavy_bench [--units 100] [--seed 1] [--max-pages 5000] [--latency 0]
                                                   [--concurrency 16]

``simsite.newsheavy`` generates the portal (100 units with 4 news columns of 100–500 list pages each, their
reports 3–4 clicks deep under 信息公开, some among 部门文件; a search page and a news calendar) and serves it,
each answer after ``--latency`` seconds. It is crawled from its home page with the site's default budgets
(``crawler.siteconfig.Site``: ``max_pages``, ``explore_pages``, ``depth``), AutoThrottle off so the time is
the crawler's. Prints recall and precision against the site's reports, and the pages fetched by kind: news
(list pages and articles), traps (search, calendar), 信息公开 pages (the way to reports), reports, other.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from crawler.run import run_crawl
from crawler.siteconfig import Site
from simsite import serve
from simsite.newsheavy import NewsHeavySite

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--max-pages", type=int, default=Site.max_pages)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--concurrency", type=int, default=16)
    args, _ = parser.parse_known_args()   # `python -m benchmarks` passes every module the same arguments

    site = NewsHeavySite(args.seed, units=args.units)
    started = time.monotonic()
    with serve(site, delay=args.latency) as server, tempfile.TemporaryDirectory() as state:
        expected = {r.final_url for r in site.expected_reports()}
        feed = Path(state, "items.jsonl")
        target = Site("newsheavy", "汉川市人民政府", (server.base_url + "/",), delay=0,
                      concurrency=args.concurrency, max_pages=args.max_pages)
        summary = run_crawl([target], {"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": args.concurrency,
                                       "GXMON_STATE_DIR": state, "LOG_LEVEL": "WARNING",
                                       "FEEDS": {str(feed): {"format": "jsonlines", "fields": ["final_url"]}}})
        found = {json.loads(line)["final_url"] for line in feed.read_text(encoding="utf-8").splitlines()}
        order = [site.kind_of(entry.path) for entry in server.log]
        kinds = Counter(order)
        last_report = max((n for n, kind in enumerate(order) if kind == "report"), default=-1) + 1
        news_before = order[:last_report].count("news")
    result = summary.site("newsheavy")
    hits = len(found & expected)
    print(f"newsheavy: {args.units} units, {site.page_count()} pages, {len(expected)} reports, "
          f"max_pages {args.max_pages}, latency {args.latency} s")
    print(f"recall {hits}/{len(expected)} = {hits / len(expected):.1%}, false {len(found - expected)}, "
          f"pages {result.pages_fetched}, {time.monotonic() - started:.0f} s, finished: {result.finish_reason}")
    print(f"skipped unfetched: {result.frontier_skipped}")
    print(f"the last report was request {last_report}; news pages before it: {news_before}")
    print("pages by kind: " + ", ".join(f"{k} {kinds[k]}" for k in ("news", "trap", "platform", "report", "other")))


if __name__ == "__main__":
    main()

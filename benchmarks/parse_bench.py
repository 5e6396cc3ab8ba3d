"""Parse benchmark: every text and HTML fixture, parsed and checked, in one single-threaded process.

    .venv/bin/python -m benchmarks.parse_bench [--rounds N]

Prints documents per second, the median time per document, peak memory, and the same pipeline with
BeautifulSoup's ``html.parser`` as the HTML reader (the baseline), measured in the same run on the same pages.
Targets (issue 2): median under 20 ms per document, and at least 5× faster than the baseline on HTML.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from gxparse import parse_document
from gxparse.document import Document, Line, lines_from_text
from gxparse.grid import expand_spans, grid_lines
from gxparse.parser import build_report
from gxparse.sniff import decode
from simsite.render import render_report_html
from tests.gxparse.seeds import SEEDS, report_dict, seed_bytes
from tests.gxparse.test_robustness import v2019_report

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
TABLE_SEEDS = ["huangchuan_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021", "kaifeng_2021"]


def corpus() -> dict[str, list[tuple[str, bytes]]]:
    text = [(f"{name}.txt", seed_bytes(name)) for name in SEEDS]
    html = [(f"{name}.{cs}.html", render_report_html(report_dict(name), charset=cs).encode(cs))
            for name in TABLE_SEEDS for cs in ("utf-8", "gbk")]
    html.append(("v2019.html", render_report_html(v2019_report()).encode()))
    html += [(p.name, p.read_bytes()) for p in sorted((FIXTURES / "html").glob("*.html"))]
    return {"text": text, "html": html}


def parse_with_bs4(data: bytes, source: str) -> object:
    """The baseline: the same pipeline, reading the HTML with BeautifulSoup's pure-Python html.parser."""
    soup = BeautifulSoup(decode(data, source), "html.parser")
    lines: list[Line] = []
    tables = 0
    body = soup.body or soup
    for table in body.find_all("table"):
        if table.find("table"):
            continue
        tables += 1
        rows = [[(td.get_text(" ", strip=True), int(td.get("rowspan", 1) or 1), int(td.get("colspan", 1) or 1))
                 for td in tr.find_all(["td", "th"], recursive=False)] for tr in table.find_all("tr")]
        lines += grid_lines(expand_spans(rows), tables)
        table.replace_with(soup.new_string("\n"))
    for block in body.find_all(["p", "h1", "h2", "h3", "div"]):
        if isinstance(block, Tag) and not block.find(["p", "div"]):
            lines += lines_from_text(block.get_text())
    title = soup.title.get_text(strip=True) if soup.title else None
    return build_report(Document(lines, "html", title=title), source)


def time_each(docs: list[tuple[str, bytes]], parse: Callable[[bytes, str], object], rounds: int) -> list[float]:
    """Median seconds per document (each document timed ``rounds`` times)."""
    medians = []
    for source, data in docs:
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            parse(data, source)
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times))
    return medians


def peak_memory(docs: list[tuple[str, bytes]]) -> float:
    tracemalloc.start()
    for source, data in docs:
        parse_document(data, source)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    docs = corpus()
    for _, (source, data) in zip(range(3), docs["text"] + docs["html"]):
        parse_document(data, source)   # warm caches and imports
    print(f"{'format':<8}{'docs':>6}{'median ms':>12}{'max ms':>9}{'docs/s':>9}")
    ours: dict[str, list[float]] = {}
    for kind, items in docs.items():
        ours[kind] = time_each(items, parse_document, args.rounds)
        median = statistics.median(ours[kind])
        print(f"{kind:<8}{len(items):>6}{median * 1000:>12.2f}{max(ours[kind]) * 1000:>9.2f}"
              f"{len(items) / sum(ours[kind]):>9.0f}")
    baseline = time_each(docs["html"], parse_with_bs4, args.rounds)
    ratio = statistics.median(baseline) / statistics.median(ours["html"])
    print(f"{'bs4':<8}{len(baseline):>6}{statistics.median(baseline) * 1000:>12.2f}{max(baseline) * 1000:>9.2f}"
          f"{len(baseline) / sum(baseline):>9.0f}   (baseline: html.parser reader, same pipeline)")
    all_docs = docs["text"] + docs["html"]
    print(f"peak Python-heap (tracemalloc) for parse+check of all {len(all_docs)} documents: {peak_memory(all_docs):.1f} MB; "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    worst = max(statistics.median(v) for v in ours.values()) * 1000
    print(f"target median < 20 ms: {worst:.2f} ms -> {'PASS' if worst < 20 else 'FAIL'}")
    print(f"target >= 5x faster than bs4 html.parser on HTML: {ratio:.1f}x -> {'PASS' if ratio >= 5 else 'FAIL'}")


if __name__ == "__main__":
    main()

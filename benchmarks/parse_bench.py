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
from gxparse.layout.grid import expand_spans, grid_lines
from gxparse.parser import build_report
from gxparse.readers.sniff import decode
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


def time_each(docs: list[tuple[str, bytes]], parsers: list[Callable[[bytes, str], object]],
              rounds: int) -> list[list[float]]:
    """Median seconds per document for each parser; the parsers take turns on every document and round,
    so a load change on the machine hits them alike."""
    medians: list[list[float]] = [[] for _ in parsers]
    for source, data in docs:
        times: list[list[float]] = [[] for _ in parsers]
        for _ in range(rounds):
            for parse, bucket in zip(parsers, times):
                start = time.perf_counter()
                parse(data, source)
                bucket.append(time.perf_counter() - start)
        for per_parser, bucket in zip(medians, times):
            per_parser.append(statistics.median(bucket))
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
    ours["text"], = time_each(docs["text"], [parse_document], args.rounds)
    ours["html"], baseline = time_each(docs["html"], [parse_document, parse_with_bs4], args.rounds)
    rows = [("text", ours["text"], ""), ("html", ours["html"], ""),
            ("bs4", baseline, "   (baseline: html.parser reader, same pipeline, same pages)")]
    for kind, medians, note in rows:
        print(f"{kind:<8}{len(medians):>6}{statistics.median(medians) * 1000:>12.2f}{max(medians) * 1000:>9.2f}"
              f"{len(medians) / sum(medians):>9.0f}{note}")
    ratio = statistics.median(baseline) / statistics.median(ours["html"])
    all_docs = docs["text"] + docs["html"]
    print(f"peak Python-heap (tracemalloc) for parse+check of all {len(all_docs)} documents: {peak_memory(all_docs):.1f} MB; "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    worst = max(statistics.median(v) for v in ours.values()) * 1000
    print(f"target median < 20 ms: {worst:.2f} ms -> {'PASS' if worst < 20 else 'FAIL'}")
    print(f"target >= 5x faster than bs4 html.parser on HTML: {ratio:.1f}x -> {'PASS' if ratio >= 5 else 'FAIL'}")


if __name__ == "__main__":
    main()

"""Hostile-input benchmark: every attack of ``tests/gxparse/hostile/attacks.py`` (the slow ones the tests leave
out included) parsed in a fresh child process limited to 1 GB of address space, against normal reports of
each format parsed the same way in the same run.

    .venv/bin/python -m benchmarks.hostile [--only NAME ...]
    .venv/bin/python -m benchmarks.hostile --crawl

``--crawl`` runs the crawler's attacks instead (tests/crawler/test_crawl_hostile_lists.py and
test_crawl_hostile_pages.py): the hostile sites crawled in one run beside a good one over real HTTP, and prints
per site the pages fetched, its seconds, the crawl process's peak memory, its errors and requests dropped
unfetched, and the genuine reports yielded. Targets: every genuine report, no site failed, each under
CRAWL_SECONDS.

Prints, per input, the outcome (refused: a DocumentError; parsed; crashed, killed or timeout: not handled),
wall-clock and CPU seconds and peak resident memory (the child's VmHWM), the CPU and memory as multiples of
the normal report of the same reader, and the worst case. Targets (issue 12): every input handled, each
parse under 1 GB and 60 s. CPU seconds are the measure of time: on a shared machine the wall clock also
counts the others' work. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from gxparse.readers.sniff import sniff
from simsite.render import render_report_html
from tests.gxparse.formats.build import Fixtures
from tests.gxparse.hostile import bounded
from tests.gxparse.hostile.attacks import ATTACKS, Attack
from tests.gxparse.seeds import report_dict, seed_bytes

SEED = "kaifeng_2021"
IMAGES = ("png", "jpeg", "tiff", "bmp", "gif")
HANDLED = ("refused", "parsed")
CRAWL_SECONDS = 60


def _reader(data: bytes) -> str:
    kind = sniff(data)
    return "ocr" if kind in IMAGES else kind if kind in ("text", "html", "pdf", "docx", "doc") else "text"


def baselines(folder: Path) -> dict[str, Path]:
    """The seed report as each reader's normal input: text, HTML, a PDF with a text layer, a DOCX, a DOC
    (LibreOffice converts it), and its table 三 scanned at 150 dpi."""
    fixtures = Fixtures(folder, [SEED])
    html = folder / f"{SEED}.html"
    html.write_text(render_report_html(report_dict(SEED)), encoding="utf-8")
    text = folder / f"{SEED}.txt"
    text.write_bytes(seed_bytes(SEED))
    scan = next(p for p in fixtures.table_images(SEED) if ".s3." in p.name)
    return {"text": text, "html": html, "pdf": fixtures.reportlab_pdf(SEED), "docx": fixtures.docx(SEED),
            "doc": fixtures.doc(SEED), "ocr": scan}


def _row(name: str, outcome: bounded.Outcome, normal: bounded.Outcome | None) -> str:
    ratios = (f"{outcome.cpu_seconds / max(normal.cpu_seconds, 1e-3):7.1f}× {outcome.peak_mb / normal.peak_mb:5.1f}×"
              if normal is not None and outcome.outcome in HANDLED else " " * 14)
    return (f"  {name:<30} {outcome.outcome:<8} {outcome.seconds:7.2f} {outcome.cpu_seconds:7.2f} "
            f"{outcome.peak_mb:7.0f} {ratios}  {outcome.reason[:70]}")


def crawl_attacks() -> bool:
    """The crawler's attacks crawled together; prints a row a site; → whether every target was met."""
    from tests.crawler import test_crawl_hostile_lists as lists
    from tests.crawler import test_crawl_hostile_pages as pages
    from tests.crawler.hostile import HostileSite, crawled

    sites = {"good": HostileSite("乙市"), **{name: make() for name, make in lists.SCENARIOS.items()},
             "paged-scans": pages.paged_scans()[0], "bundles": pages.picture_bundles()[0],
             "answers": pages.list_answers(), "notices": pages.endless_notices(), "script": pages.big_script()}
    options = {name: {"timeout": pages.TIMEOUT} for name in sites if name != "good"}
    met = True
    print(f"  {'site':<15} {'finish':<10} {'pages':>6} {'asked':>6} {'seconds':>8} {'peak MB':>8} {'errors':>6} "
          f"{'dropped':>7}  genuine")
    with crawled(sites, Path(tempfile.mkdtemp(prefix="gxmon-hostile-crawl-")), options) as done:
        for summary in done.summary.sites:
            site = done.sites[summary.site_id]
            found = len(set(site.expected) & {item["final_url"] for item in done.items[summary.site_id]})
            print(f"  {summary.site_id:<15} {summary.finish_reason:<10} {summary.pages_fetched:>6} {len(site.log):>6} "
                  f"{summary.elapsed_seconds:>8.1f} {summary.peak_rss_mb:>8.0f} {summary.error_count:>6} "
                  f"{sum(summary.frontier_skipped.values()):>7}  {found}/{len(site.expected)}"
                  f"{'  failed: ' + summary.failure[:60] if summary.failure else ''}", flush=True)
            # a site publishing no report (the 通知公告 attack's) fails as a site where none is found does
            met &= (found == len(site.expected) and (summary.failure is None or not site.expected)
                    and summary.elapsed_seconds < CRAWL_SECONDS)
        print(f"whole crawl {done.seconds:.1f} s")
    return met


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=None, help="names of the attacks to run")
    parser.add_argument("--crawl", action="store_true", help="the crawler's attacks instead of gxparse's")
    args, _ = parser.parse_known_args()   # `python -m benchmarks --rounds N` passes its options to every one
    if args.crawl:
        sys.exit(0 if crawl_attacks() else 1)
    attacks = [a for a in ATTACKS if args.only is None or a.name in args.only]
    folder = Path(tempfile.mkdtemp(prefix="gxparse-hostile-bench-"))
    print(f"building the inputs in {folder} …", flush=True)

    header = f"  {'input':<30} {'outcome':<8} {'wall s':>7} {'cpu s':>7} {'peak MB':>7} {'× normal cpu, MB':>14}"
    print("\nnormal reports (the baseline), each in a fresh limited process:\n" + header)
    normal: dict[str, bounded.Outcome] = {}
    for kind, path in baselines(folder).items():
        normal[kind] = bounded.run(str(path))
        print(_row(f"{kind}: {path.name}", normal[kind], None), flush=True)

    print(f"\nhostile inputs ({len(attacks)}):\n" + header)
    results: list[tuple[Attack, bounded.Outcome]] = []
    for attack in attacks:
        if isinstance(attack.build, str):
            path, kind = attack.build, "text"
        else:
            data = attack.build()
            path, kind = folder / attack.name, _reader(data)
            path.write_bytes(data)
        outcome = bounded.run(str(path))
        results.append((attack, outcome))
        print(_row(attack.name, outcome, normal[kind]), flush=True)

    handled = [(a, o) for a, o in results if o.outcome in HANDLED]
    as_expected = [a for a, o in handled if (o.outcome == "refused") == (a.refused is not None)]
    worst_cpu = max(handled, key=lambda r: r[1].cpu_seconds, default=None)
    worst_peak = max(handled, key=lambda r: r[1].peak_mb, default=None)
    limit_mb = bounded.MEMORY_LIMIT / (1 << 20)
    print(f"\n{len(handled)} of {len(results)} handled (refused with a message or read; no crash, kill or "
          f"timeout), {len(as_expected)} as the suite expects")
    if worst_cpu and worst_peak:
        print(f"worst CPU time {worst_cpu[1].cpu_seconds:.2f} s ({worst_cpu[0].name}), target < {bounded.TIME_LIMIT:.0f} s")
        print(f"worst peak memory {worst_peak[1].peak_mb:.0f} MB ({worst_peak[0].name}), target < {limit_mb:.0f} MB")
    missed = (len(handled) < len(results) or (worst_cpu and worst_cpu[1].cpu_seconds >= bounded.TIME_LIMIT)
              or (worst_peak and worst_peak[1].peak_mb >= limit_mb))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()

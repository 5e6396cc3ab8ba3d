"""Format benchmark: PDF, DOCX, DOC, WPS and scans of the seed reports, parsed and checked, single-threaded.

    .venv/bin/python -m benchmarks.parse_formats_bench [--rounds N]

Prints pages per second per format, the 10-page text-layer PDF against pdfplumber's ``extract_tables`` on the
same file in the same run (with the figures of both compared), the OCR time per page, and the peak memory
of a fresh process parsing a 50-page PDF.
Targets (issue 3): 10-page PDF under 150 ms median and ≥ 5× faster than pdfplumber with equal figures;
OCR under 3 s a page on one core; peak memory under 300 MB for 50 pages.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
from PIL import Image

from gxparse import parse_document
from gxparse.document import Document, line_from_cells
from gxparse.normalize import normalize_text
from gxparse.ocr.engine import Setup, read_words
from gxparse.parser import build_report
from tests.gxparse.formats.build import Fixtures, render_pages
from tests.gxparse.formats.make_pdf import Quirks, write_pdf
from tests.gxparse.formats.plan import Block, ReportPlan, report_plan

TABLE_SEEDS = ["huangchuan_2021", "kaifeng_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021"]
LONG_SEED = "zhoukou_city_2021"


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _cpu(fn: Callable[[], object]) -> float:
    """CPU seconds of this process for one call: the time on one core, whatever else the machine runs."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def _median(fn: Callable[[], object], rounds: int) -> float:
    return statistics.median(_timed(fn) for _ in range(rounds))


def _interleaved(ours: Callable[[], object], theirs: Callable[[], object], rounds: int,
                 every: int) -> tuple[list[float], list[float]]:
    """Seconds per round of ``ours`` and, every ``every`` rounds, of ``theirs``: taking turns, both see the
    same load on a shared machine, so their ratio holds even when the absolute times drift."""
    ours_t, theirs_t = [], []
    for n in range(rounds):
        ours_t.append(_timed(ours))
        if n % every == 0:
            theirs_t.append(_timed(theirs))
    return ours_t, theirs_t


def _pages(path: Path) -> int:
    return len(pdfium.PdfDocument(str(path)))


def long_plan(name: str, pages: int, folder: Path) -> Path:
    """The seed's report with its prose repeated until the reportlab PDF has at least ``pages`` pages."""
    base = report_plan(name)
    for times in range(1, 200):
        blocks: list[Block] = []
        for block in base.blocks:
            blocks += [block] * (times if block.kind == "para" else 1)
        path = folder / f"{name}.{pages}p.pdf"
        write_pdf(ReportPlan(name, blocks), path, Quirks(split_at=12))
        if _pages(path) >= pages:
            return path
    raise AssertionError("could not lengthen the report")


def pdfplumber_baseline(data: bytes, source: str) -> dict:
    """The same report read with pdfplumber: ``extract_tables`` for the tables, its text lines outside the
    tables for the rest, in page order, then the same parsing and checks."""
    lines = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]
            items: list[tuple[float, list[str]]] = []
            for text_line in page.extract_text_lines():
                cx, cy = (text_line["x0"] + text_line["x1"]) / 2, (text_line["top"] + text_line["bottom"]) / 2
                if not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes):
                    items.append((text_line["top"], [text_line["text"]]))
            for table in tables:
                for r, row in enumerate(table.extract()):
                    items.append((table.bbox[1] + r * 1e-3, [(c or "").replace("\n", "") for c in row if c is not None]))
            for n, (_, cells) in enumerate(sorted(items, key=lambda it: it[0]), start=1):
                lines.append(line_from_cells([normalize_text(c).strip() for c in cells], f"第{number}页第{n}行", number))
        pages = len(pdf.pages)
    return build_report(Document(lines, "pdf", pages=pages), source).to_dict()


def _peak_rss_mb(path: Path) -> float:
    """Peak resident memory of a fresh process parsing ``path``: the kernel's high-water mark of the process's
    own memory (VmHWM), not ru_maxrss, which Linux carries over from the parent across exec, so it would
    report this benchmark's own size."""
    code = ("import sys; from gxparse import parse_document; "
            "parse_document(open(sys.argv[1],'rb').read(), 'x'); "
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')))")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return float(done.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gxparse-formats-bench-"))
    fixtures = Fixtures(folder, TABLE_SEEDS)
    print(f"building fixtures in {folder} …", flush=True)

    ten = long_plan(LONG_SEED, 10, folder)
    fifty = long_plan(LONG_SEED, 50, folder)
    ten_data = ten.read_bytes()
    ours = parse_document(ten_data, ten.name).to_dict()
    theirs = pdfplumber_baseline(ten_data, ten.name)
    same = all(ours[t] == theirs[t] for t in ("s2", "s3", "s4"))
    ours_t, theirs_t = _interleaved(lambda: parse_document(ten_data, ten.name),
                                    lambda: pdfplumber_baseline(ten_data, ten.name), args.rounds, every=5)
    ours_s, theirs_s = statistics.median(ours_t), statistics.median(theirs_t)
    print(f"\n10-page PDF ({_pages(ten)} pages, text layer), parsed and checked:")
    print(f"  gxparse (pypdfium2)          median {ours_s * 1000:7.1f} ms   target < 150 ms"
          f"   (fastest round {min(ours_t) * 1000:.1f} ms)")
    print(f"  pdfplumber extract_tables    median {theirs_s * 1000:7.1f} ms")
    print(f"  speed-up {theirs_s / ours_s:5.1f}×  (target ≥ 5×);  figures equal: {same}")

    print("\npages per second, per format (median of rounds; DOC/WPS include the LibreOffice conversion):")
    rows: list[tuple[str, list[Path], Callable[[Path], int], int]] = [
        ("pdf (reportlab)", [fixtures.reportlab_pdf(n) for n in TABLE_SEEDS], _pages, args.rounds),
        ("pdf (LibreOffice)", [fixtures.libreoffice_pdf(n) for n in TABLE_SEEDS], _pages, args.rounds),
        ("docx", [fixtures.docx(n) for n in TABLE_SEEDS],
         lambda p: _pages(fixtures.libreoffice_pdf(p.stem)), args.rounds),
        ("doc", [fixtures.doc(n) for n in TABLE_SEEDS[:2]], lambda p: _pages(fixtures.libreoffice_pdf(p.stem)), 1),
        ("wps", [fixtures.wps(n) for n in TABLE_SEEDS[:2]], lambda p: _pages(fixtures.libreoffice_pdf(p.stem)), 1),
        ("ocr (PNG/JPEG table scans)", [p for n in TABLE_SEEDS[:2] for p in fixtures.table_images(n)],
         lambda p: 1, 1),
        ("ocr (image-only PDF)", [fixtures.scanned_pdf(TABLE_SEEDS[0])], _pages, 1),
        ("ocr (whole report scanned)", [fixtures.scanned_report(TABLE_SEEDS[0])], _pages, 1),
    ]
    for label, paths, count, rounds in rows:
        total_pages = sum(count(p) for p in paths)
        datas = [(p.read_bytes(), p.name) for p in paths]
        seconds = _median(lambda: [parse_document(d, n) for d, n in datas], rounds)
        print(f"  {label:<28} {total_pages:3d} pages  {total_pages / seconds:8.1f} pages/s  "
              f"{seconds / total_pages * 1000:8.1f} ms/page")

    print("\nOCR per scanned page, parsed and checked, CPU seconds (Tesseract in-process on one thread), "
          "target < 3 s;\n  baseline: Tesseract's bare chi_sim reading of the same page in the same run:")
    scans = [(path.name, path.read_bytes()) for n in TABLE_SEEDS[:2] for path in fixtures.table_images(n)]
    scans.append(("table 三 askew 0.7°, noisy, 300 dpi", fixtures.askew_scan(TABLE_SEEDS[0], 0.7, 300)))
    for n, page in enumerate(render_pages(fixtures.libreoffice_pdf(TABLE_SEEDS[0])), start=1):
        buffer = io.BytesIO()
        page.convert("L").save(buffer, format="PNG", dpi=(150, 150))
        scans.append((f"whole report, page {n}", buffer.getvalue()))
    for name, data in scans:
        with Image.open(io.BytesIO(data)) as image:
            dpi = float(image.info.get("dpi", (150, 150))[0])
            a4 = image.width * image.height / (dpi * 8.27 * dpi * 11.69)
            gray = np.asarray(image.convert("L"))
        ours = [_cpu(lambda: parse_document(data, name)) for _ in range(3)]
        bare = [_cpu(lambda: read_words(gray, dpi, Setup("chi_sim", psm=11), name, 1)) for _ in range(3)]
        print(f"  {name:<36} {statistics.median(ours):5.2f} s  (min {min(ours):.2f})   bare reading "
              f"{statistics.median(bare):5.2f} s → {statistics.median(ours) / statistics.median(bare):4.2f}×   "
              f"({a4:.2f} A4 pages of area)")

    print(f"\npeak memory, fresh process parsing a {_pages(fifty)}-page PDF: {_peak_rss_mb(fifty):.0f} MB "
          f"(target < 300 MB)")


if __name__ == "__main__":
    main()

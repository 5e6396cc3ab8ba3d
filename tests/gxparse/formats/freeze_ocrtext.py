"""Writes tests/fixtures/ocrtext: the plain text other projects' OCR pipelines write from our PDFs' page images.

    .venv/bin/python -m tests.gxparse.formats.freeze_ocrtext [--tools …] [--jobs N]

PDFs: the real reports of tests/fixtures/real as published, the seeds written by reportlab (``make_pdf``) and the
simulated reports written by reportlab (``simsite.documents.report_pdf``); their truth is the one beside
tests/fixtures/extracted (``freeze_extracted`` writes it). Every page is rendered at ``DPI`` (``build.render_pages``,
as a scanner or ``pdftoppm`` gives it) and read by the ``tesseract`` program (Debian ``tesseract-ocr``,
``-l chi_sim``) in the page segmentation modes other projects run: ``--psm 3`` (its default: text blocks, a
table's cells as columns of lines), ``--psm 4`` (a column of lines), ``--psm 6`` (one block: a row per line), and
``--psm 6`` with ``preserve_interword_spaces=1``, and ``--psm 6``'s words (``tsv``) joined by a space a line
at a time (as pytesseract's ``image_to_data`` users do: Chinese text comes spaced, ``收 到 和 处 理``). The program's text of each page ends with a form feed, as it
writes it. And by RapidOCR (``rapidocr-onnxruntime``, its PaddleOCR models in the wheel; not a test extra: run with
it importable), its text boxes written as other projects write them: a box per line in its order
(``rapidocr-boxes``), and boxes grouped into lines by their middle's height, left to right, joined by a space
(``rapidocr-lines``). Each rendering is ``<tool>/<document>.<printer>.txt``. Run it again only when a program or
its model changes: the files are test data.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from simsite.documents import report_pdf
from simsite.families import make_site
from tests.gxparse.formats.build import Fixtures, render_pages
from tests.gxparse.formats.freeze_extracted import SIMSITE_REPORTS
from tests.gxparse.seeds import SEEDS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
OUT = FIXTURES / "ocrtext"
DPI = 200
# the tesseract program's arguments after the image and its output (stdout)
TOOLS = {
    "tesseract-psm3": ["-l", "chi_sim"],
    "tesseract-psm4": ["-l", "chi_sim", "--psm", "4"],
    "tesseract-psm6": ["-l", "chi_sim", "--psm", "6"],
    "tesseract-psm6-spaces": ["-l", "chi_sim", "--psm", "6", "-c", "preserve_interword_spaces=1"],
    # its words (``tsv``, as pytesseract's image_to_data gives them) joined by a space a line at a time: the
    # model's words are a character or two, so Chinese text comes spaced (``收 到 和 处 理 政府 信息``)
    "tesseract-psm6-words": ["-l", "chi_sim", "--psm", "6", "tsv"],
}


def _pdfs(folder: Path) -> dict[str, Path]:
    pdfs = {f"{pdf.stem}.published": pdf for pdf in sorted((FIXTURES / "real").glob("*.pdf"))}
    fixtures = Fixtures(folder)
    pdfs |= {f"{name}.reportlab": fixtures.reportlab_pdf(name) for name in SEEDS}
    reports = {r.id: r for r in make_site("classic", 1).expected_reports()}
    for report_id in SIMSITE_REPORTS:
        path = folder / f"simsite-{report_id}.reportlab.pdf"
        path.write_bytes(report_pdf(reports[report_id].report))
        pdfs[f"simsite-{report_id}.reportlab"] = path
    return pdfs


def _page_images(pdf: Path, folder: Path) -> list[Path]:
    images = []
    for number, page in enumerate(render_pages(pdf, DPI), 1):
        images.append(folder / f"{pdf.stem}.{number}.png")
        page.save(images[-1], dpi=(DPI, DPI))
    return images


def tesseract_text(image: Path, arguments: list[str]) -> str:
    """The page's text as ``tesseract IMAGE - ARGUMENTS`` prints it (a form feed at its end), or for ``tsv`` its
    words joined by a space a line at a time."""
    out = subprocess.run(["tesseract", str(image), "-", *arguments], capture_output=True, check=True,
                         text=True, encoding="utf-8").stdout
    return tsv_lines(out) if arguments[-1] == "tsv" else out


def tsv_lines(tsv: str) -> str:
    """The words of tesseract's TSV (level, page, block, paragraph, line, word, box, confidence, text) joined by
    a space per line."""
    lines: dict[tuple[str, ...], list[str]] = {}
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) == 12 and fields[0] == "5" and fields[11].strip():
            lines.setdefault(tuple(fields[1:5]), []).append(fields[11].strip())
    return "".join(" ".join(words) + "\n" for words in lines.values())


RAPIDOCR_TOOLS = ("rapidocr-boxes", "rapidocr-lines")


@dataclass(frozen=True)
class Box:
    """A text box RapidOCR found: its text and the height of its middle and its left edge, in pixels."""

    text: str
    middle: float
    left: float
    height: float


def rapidocr_boxes(image: Path) -> list[Box]:
    from rapidocr_onnxruntime import RapidOCR   # not a test extra: only this script runs it

    found, _ = RapidOCR()(str(image))
    return [Box(text, sum(y for _, y in corners) / 4, min(x for x, _ in corners),
                max(y for _, y in corners) - min(y for _, y in corners)) for corners, text, _ in found or []]


def boxes_as_lines(boxes: list[Box]) -> str:
    """Boxes whose middles lie within half a box's height of a line's first box make that line, left to right."""
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        if lines and abs(box.middle - lines[-1][0].middle) <= lines[-1][0].height / 2:
            lines[-1].append(box)
        else:
            lines.append([box])
    return "".join(" ".join(b.text for b in sorted(line, key=lambda b: b.left)) + "\n" for line in lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--tools", help="comma-separated tools to write (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="tesseract programs run at once")
    args = parser.parse_args()
    tools = [t for t in [*TOOLS, *RAPIDOCR_TOOLS] if not args.tools or t in args.tools.split(",")]
    with tempfile.TemporaryDirectory(prefix="gxparse-ocrtext-") as tmp:
        folder = Path(tmp)
        pdfs = _pdfs(folder)
        images = {name: _page_images(pdf, folder) for name, pdf in pdfs.items()}
        with ThreadPoolExecutor(args.jobs) as pool:
            for tool in (t for t in tools if t in TOOLS):
                (OUT / tool).mkdir(parents=True, exist_ok=True)
                for name, pages in images.items():
                    text = "".join(pool.map(lambda image: tesseract_text(image, TOOLS[tool]), pages))
                    (OUT / tool / f"{name}.txt").write_text(text, encoding="utf-8")
        for tool in (t for t in tools if t in RAPIDOCR_TOOLS):
            (OUT / tool).mkdir(parents=True, exist_ok=True)
        # RapidOCR takes half a minute a page on a shared machine: the real reports and the seeds only
        rapid = {name: pages for name, pages in images.items() if not name.startswith("simsite-")}
        for name, pages in rapid.items() if set(tools) & set(RAPIDOCR_TOOLS) else ():
            boxes = [rapidocr_boxes(image) for image in pages]
            written = {"rapidocr-boxes": "".join(b.text + "\n" for page in boxes for b in page),
                       "rapidocr-lines": "".join(boxes_as_lines(page) for page in boxes)}
            for tool in (t for t in tools if t in RAPIDOCR_TOOLS):
                (OUT / tool / f"{name}.txt").write_text(written[tool], encoding="utf-8")
    print(f"{len(pdfs)} PDFs read into {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

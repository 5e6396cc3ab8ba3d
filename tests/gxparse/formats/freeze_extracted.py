"""Writes tests/fixtures/extracted: the text that PDF-to-text tools give for our PDFs, frozen with its truth.

    .venv/bin/python -m tests.gxparse.formats.freeze_extracted [--blank | --narrow | --cms | --browser] [--tools …]

PDFs: the real reports of tests/fixtures/real as published; the seeds printed by LibreOffice (from the DOCX of
``build``) and written by reportlab (``make_pdf``: ruled, without rules, and the seed's text printed as lines);
reports of the simulated site of both templates (v2019 and
v2021) written by reportlab (``simsite.documents.report_pdf``) and printed by LibreOffice from their DOCX.
Tools: poppler's ``pdftotext`` as it runs by default and with ``-layout``, pdfminer.six's ``extract_text`` and PyMuPDF's
``page.get_text()``, each writing a table cell per line (PyMuPDF also sorted by position, ``pymupdf-sort``: a row per line;
and its text blocks sorted, ``pymupdf-blocks``; pdfminer also without its boxes' reading order, ``pdfminer-flow``), and pdfplumber's ``extract_text`` (a row per line), also with
``layout=True`` (rows as lines with their columns kept by spaces); pypdf's ``extract_text`` and pypdfium2's text
(``pdfium``: a row's figures run together where the PDF draws no space between cells), and the tools and options
other projects use (``pdftotext -raw``, pypdf's layout mode, pdfplumber's text flow, words and tables as CSV,
pdfminer's ``all_texts`` and ``detect_vertical``, PyMuPDF's words, spans and tables as CSV: ``build.extracted_text``). Each rendering is ``<tool>/<document>.<printer>.txt``;
a tool that gets no text from a PDF writes no file; the truth of a document is ``truth/<document>.truth.json`` (its figures, agency, year, template and the error
rules it deserves). Run it again only when a tool or a printer changes (``--tools`` writes only those tools'
renderings): the files are test data.

``--blank`` writes only the same seeds and simulated reports with every zero of their tables printed as an empty
cell (as many agencies print them), printed by reportlab and LibreOffice (``<document>.reportlab-blank``,
``<document>.libreoffice-blank``) and extracted by the row-per-line and cell-per-line tools of ``BLANK_TOOLS``.

``--narrow`` writes only the same seeds and simulated reports printed by LibreOffice from their DOCX made as many
agencies print them (``narrow``: an A5 page, every table column equally narrow, labels and header words wrapped
a few characters a line), ``<document>.narrow``, extracted by the text-box tools of ``NARROW_TOOLS``.

``--cms`` writes only the seeds (those with table 三) and simulated reports as CMS article pages print them
(``cms_page``: group labels repeated on every row, columns of unequal width) printed by Chromium in each of
``cms_page.LOOKS`` (``<document>.cms``, ``<document>.cms-large``) and with every zero an empty cell
(``<document>.cms-blank``), extracted by the text-box tools of ``CMS_TOOLS``: pdftotext splits a row's figures into
blocks.

``--browser`` writes only the seeds' official pages (those with table 三) as a person prints them from a
browser, with its header and footer (the date and title over each page, the page's address and page x/y under
it), printed by Chromium (``<document>.browser``), extracted by the tools of ``BROWSER_TOOLS``: pdftotext writes
the first cells of the rows a page break cuts beside their labels, the rest a column at a time after the next
section's heading.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from simsite.documents import report_docx, report_pdf
from simsite.families import make_site
from simsite.render import render_report_html
from tests.gxparse.formats.build import PDF_QUIRKS, Fixtures, _soffice_convert, chromium_print, extracted_text
from tests.gxparse.formats.cms_page import LOOKS, cms_page
from tests.gxparse.formats.make_docx import write_docx
from tests.gxparse.formats.make_pdf import write_pdf
from tests.gxparse.formats.narrow import narrow_docx
from tests.gxparse.formats.plan import report_plan, with_zero_marks
from tests.gxparse.seeds import SEEDS, expected, expected_tables, report_dict, seed_prose

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
OUT = FIXTURES / "extracted"
TOOLS = ("pdftotext", "pdftotext-layout", "pdfminer", "pdfminer-flow", "pymupdf", "pymupdf-sort", "pymupdf-blocks",
         "pdfplumber", "pdfplumber-layout", "pypdf", "pdfium",
         # tools and options other projects use (build.extracted_text)
         "pdftotext-raw", "pypdf-layout", "pdfplumber-flow", "pdfplumber-words", "pdfplumber-tables", "pdfminer-all",
         "pdfminer-vertical", "pymupdf-words", "pymupdf-dict", "pymupdf-tables")
BLANK_TOOLS = ("pymupdf", "pymupdf-sort", "pdfplumber", "pdfplumber-layout", "pdftotext-layout")
NARROW_TOOLS = ("pdftotext", "pdfminer", "pdfminer-flow", "pypdf", "pdfium", "pymupdf-sort", "pdftotext-layout")
CMS_TOOLS = ("pdftotext", "pdfminer", "pypdf", "pdfium", "pymupdf-sort")
BROWSER_TOOLS = ("pdftotext", "pdfminer", "pypdf", "pdfium", "pdfplumber", "pymupdf", "pymupdf-sort")
# simulated reports with non-zero figures in most cells, two of each template
SIMSITE_REPORTS = ("c00-2019", "c01-2020", "c00-2022", "c01-2024")
_ERROR_RULES = {"s3.row_sum", "s3.balance", "s3.results_sum", "s4.block_sum", "value.invalid", "section.missing",
                "cell.missing", "template.mismatch"}


def _write_truth(name: str, truth: dict) -> None:
    path = OUT / "truth" / f"{name}.truth.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _real(folder: Path) -> dict[str, Path]:
    pdfs = {}
    for pdf in sorted((FIXTURES / "real").glob("*.pdf")):
        truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
        errors = sorted({"s4.block_sum" for e in truth.get("known_inconsistencies", []) if e.startswith("s4.")})
        _write_truth(pdf.stem, {k: truth[k] for k in ("agency", "year", "template", "s2", "s3", "s4")}
                     | {"errors": errors})
        pdfs[f"{pdf.stem}.published"] = pdf
    return pdfs


def _seeds(folder: Path) -> dict[str, Path]:
    fixtures = Fixtures(folder)
    pdfs = {}
    for name in SEEDS:
        exp = expected(name)
        _write_truth(name, {"agency": exp["agency"], "year": exp["year"], "template": exp["template"],
                            **expected_tables(name), "errors": sorted(set(exp["rules"]) & _ERROR_RULES)})
        pdfs[f"{name}.libreoffice"] = fixtures.libreoffice_pdf(name)
        pdfs[f"{name}.reportlab"] = fixtures.reportlab_pdf(name)
        pdfs[f"{name}.borderless"] = fixtures.borderless_pdf(name)
        pdfs[f"{name}.textview"] = fixtures.text_view_pdf(name)
    return pdfs


def _simsite(folder: Path) -> dict[str, Path]:
    reports = {r.id: r for r in make_site("classic", 1).expected_reports()}
    pdfs, docx = {}, []
    for report_id in SIMSITE_REPORTS:
        report = reports[report_id]
        name = f"simsite-{report_id}"
        _write_truth(name, {"agency": report.agency, "year": report.year, "template": report.template,
                            **{t: report.report.get(t) for t in ("s2", "s3", "s4")}, "errors": []})
        path = folder / f"{name}.reportlab.pdf"
        path.write_bytes(report_pdf(report.report))
        pdfs[f"{name}.reportlab"] = path
        docx.append(folder / f"{name}.docx")
        docx[-1].write_bytes(report_docx(report.report))
    _soffice_convert(docx, "pdf", folder)
    pdfs |= {f"{d.stem}.libreoffice": d.with_suffix(".pdf") for d in docx}
    return pdfs


def blank_zeros(report: dict) -> dict:
    """A report whose every zero is ``None``: ``simsite.render`` prints it as an empty cell."""
    return {**report, **{t: {row: {col: None if v == 0 else v for col, v in cols.items()}
                             for row, cols in report[t].items()} for t in ("s2", "s3", "s4") if report.get(t)}}


def blank_pdfs(folder: Path) -> dict[str, Path]:
    """The seeds and simulated reports with every zero printed as an empty cell: the seeds by reportlab (with
    their quirks: table 三 over two pages) and by LibreOffice from their DOCX, the simulated reports by
    ``simsite.documents`` (reportlab) and LibreOffice."""
    pdfs, docx = {}, []
    for name in SEEDS:
        plan = with_zero_marks(report_plan(name), "")
        pdfs[f"{name}.reportlab-blank"] = write_pdf(plan, folder / f"{name}.reportlab-blank.pdf", PDF_QUIRKS[name])
        docx.append(write_docx(plan, folder / f"{name}.libreoffice-blank.docx"))
    reports = {r.id: r for r in make_site("classic", 1).expected_reports()}
    for report_id in SIMSITE_REPORTS:
        name, report = f"simsite-{report_id}", blank_zeros(reports[report_id].report)
        path = folder / f"{name}.reportlab-blank.pdf"
        path.write_bytes(report_pdf(report))
        pdfs[f"{name}.reportlab-blank"] = path
        docx.append(folder / f"{name}.libreoffice-blank.docx")
        docx[-1].write_bytes(report_docx(report))
    _soffice_convert(docx, "pdf", folder)
    return pdfs | {d.stem: d.with_suffix(".pdf") for d in docx}


def narrow_pdfs(folder: Path) -> dict[str, Path]:
    """The seeds and simulated reports printed by LibreOffice from their DOCX made narrow (``narrow_docx``)."""
    docx = [folder / f"{name}.narrow.docx" for name in SEEDS]
    for name, path in zip(SEEDS, docx):
        path.write_bytes(narrow_docx(write_docx(report_plan(name), folder / f"{name}.docx").read_bytes()))
    reports = {r.id: r for r in make_site("classic", 1).expected_reports()}
    for report_id in SIMSITE_REPORTS:
        docx.append(folder / f"simsite-{report_id}.narrow.docx")
        docx[-1].write_bytes(narrow_docx(report_docx(reports[report_id].report)))
    _soffice_convert(docx, "pdf", folder)
    return {d.stem: d.with_suffix(".pdf") for d in docx}


def cms_pdfs(folder: Path) -> dict[str, Path]:
    """The seeds with a table 三 and the simulated reports as CMS article pages (``cms_page``) printed by Chromium,
    in each look."""
    reports = {name: report_dict(name, **seed_prose(name)) for name in SEEDS if expected(name)["s3"] is not None}
    simulated = {r.id: r for r in make_site("classic", 1).expected_reports()}
    reports |= {f"simsite-{report_id}": simulated[report_id].report for report_id in SIMSITE_REPORTS}
    pages = {f"{name}.{look}": cms_page(report, look) for name, report in reports.items() for look in LOOKS}
    # and as many agencies print them: every zero an empty cell (the look whose rows pdftotext splits)
    pages |= {f"{name}.cms-blank": cms_page(blank_zeros(report), "cms") for name, report in reports.items()}
    pdfs = {}
    for stem, html in pages.items():
        page = folder / f"{stem}.html"
        page.write_text(html, encoding="utf-8")
        pdfs[stem] = chromium_print(page, folder / f"{stem}.pdf")
    return pdfs


def browser_pdfs(folder: Path) -> dict[str, Path]:
    """The seeds' official pages with a table 三 printed by Chromium with its header and footer."""
    pdfs = {}
    for name in (n for n in SEEDS if expected(n)["s3"] is not None):
        page = folder / f"{name}.browser.html"
        page.write_text(render_report_html(report_dict(name, **seed_prose(name))), encoding="utf-8")
        pdfs[f"{name}.browser"] = chromium_print(page, folder / f"{name}.browser.pdf", header_footer=True)
    return pdfs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--blank", action="store_true", help="the renderings with zeros printed as empty cells")
    parser.add_argument("--narrow", action="store_true", help="the renderings of tables with narrow columns")
    parser.add_argument("--cms", action="store_true", help="the renderings of CMS pages printed by a browser")
    parser.add_argument("--browser", action="store_true", help="the official pages printed from a browser")
    parser.add_argument("--tools", help="comma-separated tools to write (default: all)")
    args = parser.parse_args()
    tools = BLANK_TOOLS if args.blank else NARROW_TOOLS if args.narrow else CMS_TOOLS if args.cms else \
        BROWSER_TOOLS if args.browser else TOOLS
    if args.tools:
        tools = tuple(t for t in tools if t in args.tools.split(","))
    with tempfile.TemporaryDirectory(prefix="gxparse-extracted-") as tmp:
        folder = Path(tmp)
        pdfs = blank_pdfs(folder) if args.blank else narrow_pdfs(folder) if args.narrow else \
            cms_pdfs(folder) if args.cms else browser_pdfs(folder) if args.browser else \
            _real(folder) | _seeds(folder) | _simsite(folder)
        for tool in tools:
            (OUT / tool).mkdir(parents=True, exist_ok=True)
            for name, pdf in pdfs.items():
                text = extracted_text(pdf, tool)
                if text.strip():   # poppler gets no text from reportlab's simulated PDFs (their CJK font)
                    (OUT / tool / f"{name}.txt").write_text(text, encoding="utf-8")
    print(f"{len(pdfs)} PDFs written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

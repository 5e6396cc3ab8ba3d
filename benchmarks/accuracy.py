"""Accuracy benchmark: every document whose figures are known, read by gxparse and compared cell by cell.

    .venv/bin/python -m benchmarks.accuracy [--slow] [--formats text,html,...] [--documents]

Documents (the truth is the same figures in every rendering of a report):
- the five seeds as text, in the official HTML layout (with their prose) as a page and as CMS article
  fragments of every shape (``tests/gxparse/fragments.py``), and in the formats the format tests
  build from them: DOCX, XLSX (the whole report on one sheet; its tables alone on three sheets: xlsx-tables),
  PDF printed by LibreOffice, PDF written by reportlab (a table split over pages, a
  cell left out, blanks), the same PDF without ruling lines, the reportlab print as other producers make it
  (zeros written 零/〇 or left blank, ruled and borderless; labels in distributed alignment a glyph per text
  object; rules drawn as filled rectangles; pages turned under /Rotate 90: ``tests/gxparse/pdf_families.py``,
  pdf-<family>), the print redrawn as WPS, Word, PDF printers, OCR programs and 2-up printing draw it (cell sides
  as separate rectangles, double frames and shaded headers, radical code points or none, diagonal watermarks, A3
  sheets of two pages, a hidden layer, layers chosen by membership dictionaries, figures with letters for digits, a row
  broken across a page, thousands grouped by commas, figures left white on the paper or off the page, a scan under
  a misaligned invisible text layer: tests/fixtures/producers, pdf-producer-<habit>), the HTML page (alone and laid out in a table)
  saved as DOCX by LibreOffice and printed by Chromium; with ``--slow`` also DOC, WPS, XLS and ET (LibreOffice),
  scans of each table (PNG/JPEG), image-only PDFs of them, the DOCX with its tables pasted as those scans
  (pictured-docx) and printed to PDF (pictured-pdf), the web page with its tables pasted as screenshots and
  saved with them as MHTML (mhtml-pictured), whole reports scanned page by page (OCR): the
  LibreOffice print (scan-report), the same report written as agencies' Word/WPS files look (serif prose at
  16 pt, a two-line 22 pt title, a signature; a light grey grid; table 三 over two pages with hairline rules:
  scan-look-<look>-<dpi>, ``tests/gxparse/formats/build.looks``), and the real PDFs (scan-real);
- the seeds' and real reports' figures as HTML pages in the table styles of real publishers' tools (Word, WPS,
  Excel, web editors; other rowspan structures, split and nested tables, zero marks, units, CSS div tables:
  ``tests/gxparse/html_styles.py``), a family per style (html-style-<style>), and as the DOCX structures Word and
  WPS write (merges, rows shorter than the grid, text boxes, tracked changes, hidden text, content controls,
  fields, WPS markup: ``tests/gxparse/docx_styles.py``, docx-style-<style>);
- the real reports of tests/fixtures/real (published PDF and its pdfplumber text; the PDF with its pages put
  into Form XObjects, as watermark stamping does);
- the OFD renderings of the seeds and the real reports (tests/fixtures/ofd): as a virtual printer writes a print
  (ofd-printer, real-ofd-printer; a text object per printed line: ofd-lines, real-ofd-lines) and as easyofd
  converts a PDF (ofd-easyofd, real-ofd-easyofd); with ``--slow``
  also the real reports as easyofd writes them as pictures of their pages (scan-ofd, OCR);
- the Markdown renderings of tests/fixtures/markdown (pymupdf4llm, markitdown; ``md-markitdown-layout``: seed
  and simulated report pages laid out in a CMS layout table, which markitdown writes as one table row);
- the text PDF-to-text tools extract from the real, seed and simulated reports' PDFs, one cell per line
  (pdftotext, pdfminer.six, PyMuPDF) or a row per line (pdfplumber, pypdf), figures run together (pypdfium2),
  with the options other projects use (pdftotext -raw, pypdf's layout mode, pdfplumber's text flow and words,
  pdfminer's all_texts and detect_vertical, PyMuPDF's words and spans) and the tables alone written as CSV
  (pdfplumber's extract_tables, PyMuPDF's find_tables): tests/fixtures/extracted;
- the text HTML-to-text tools write from the seeds', real reports' and simulated sites' report pages
  (BeautifulSoup's get_text with each separator, lxml's text_content and itertext, html-text, html2text,
  markdownify, inscriptis, trafilatura, readability, lynx, w3m, links and pandoc -t plain: a cell per line,
  cells glued or spaced on one line, Markdown pipe tables, tables drawn as aligned columns):
  tests/fixtures/htmltext, htmltext-<tool>;
- the same PDFs as PDF-to-HTML converters show them on the web, their text placed by CSS position (pdfminer's
  ``pdf2txt.py -t html``, PyMuPDF's ``get_text("html")``, pdf2htmlEX's structure, pdf.js's text layers):
  tests/fixtures/htmlpos,
  htmlpos-<tool>;
- the text other projects' OCR writes from the same PDFs' page images, read as a ``.txt`` (the tesseract program
  in page segmentation modes 3, 4 and 6, RapidOCR's boxes a line each or grouped into lines):
  tests/fixtures/ocrtext;
- reports as real sites, editors and other projects' converters write them, made without reading gxparse
  (Shanghai/Fujian/Jiangsu pages, WPS pastes, WeChat, docling/marker/MinerU Markdown, Word text, pdftotext pages,
  Unstructured): tests/fixtures/blind, blind-<style>; round 2 (Beijing/Guangdong pages, Word and Excel web pages,
  CSV, antiword, docx2txt, Tika, pdftotext of WPS PDFs, PaddleOCR, tables split by columns): tests/fixtures/blind2,
  blind2-<style>; round 3 (Fujian font soup in layout tables, <div> grids, hidden duplicates, tables as images with
  a text copy, table 三 transposed, one big table, LibreOffice/Word runs, Azure/pandoc/Mathpix Markdown, mutool,
  ocrmypdf, hOCR, Tesseract TSV, Word 2003 XML, RTF, e-mail): tests/fixtures/blind3, blind3-<style>; round 5
  (CMS API JSON, Next.js data, 繁體 Big5 pages, SpreadsheetML and HTML-as-XLS exports, long-form CSV, ODT, altChunk
  DOCX, Word MHT, UTF-16 text, PaddleOCR/Tencent/Baidu OCR output, Acrobat HTML, table 三 without 总计, table 四 as
  a matrix): tests/fixtures/blind4, blind4-<style>; round 6 (docling/MinerU/unstructured/Textract/Document AI/
  Azure/Adobe Extract JSON, pdftohtml -xml, pdf2htmlEX, pdf.js text, Tika XHTML, mammoth HTML, docx2python,
  LlamaParse and LLM-flattened Markdown): tests/fixtures/blind5, blind5-<style>;
- made-up reports in the text styles real agencies' pages are stored in (cells apart by `` | ``, a cell a line,
  spacer pipes): tests/fixtures/realpages, realpages-<style>;
- every report of every simulated site family (classic, TRS, Hanweb, query-string CMS: HTML pages and
  PDF/DOCX/DOC attachments), misprints included; with ``--slow`` also the report pages whose tables are
  pictures, as the crawler bundles them with their pictures (simsite-<family>-mhtml).

Reports read by OCR never get errors (a misread digit is no evidence, ``gxparse.ocr.checks``): for them every
error counts as false, and a rule they deserve is missed only when not even a warning names it. Reports whose
text another program's OCR wrote (a scan's invisible OCR layer, the ocrtext files) are judged so too: the parser
demotes their errors to warnings, each ending in ``ocr.checks.READING_NOTE``, and a deserved rule said as such
a warning is no miss. Printed per format and overall, then per document (every document with ``--documents``, else those not read
perfectly): cells read exactly / cells in the
truth (a table the truth does not have counts its cells as wrong), documents whose agency, year and
template are right, and false errors: error findings whose rule the document does not deserve (the seed's
expected rules, the real report's known inconsistencies, the simulated site's misprints; a ``section.missing``
is false unless the document lacks the section it names: the seed's sections not printed whose table it lacks,
a table 二/三/四 the truth does not have, sections 一/五/六 of the tables alone on sheets). Missed errors
(a deserved rule that did not fire; on a scan, not even as a warning) are printed beside them, and silent
cells: cells read wrong (a table not read at all aside) that no finding names (``cell.blank`` does not
count: it says the cell was printed empty and read as 0, no doubt about the figure), and flagged wrong cells:
figures read wrong that no finding but ``cell.solved_by_sum`` names (it says where the sums placed a figure, not
that the figure is doubtful). Targets (issue 11):
99.9 % of cells, 0 false errors.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

from gxparse import DocumentError, parse_document
from gxparse.ocr.checks import READING_NOTE
from gxparse.template import SECTIONS
from simsite.render import render_report_html
from simsite.families import FAMILIES, make_site
from tests.gxparse.formats.repackaged import pages_as_forms
from tests.gxparse.html_styles import REPORTS as STYLE_REPORTS, STYLES as HTML_STYLES
from tests.gxparse.html_styles import render_page as render_style_page, report_of as style_report
from tests.gxparse.docx_styles import STYLES as DOCX_STYLES, render_docx
from tests.gxparse.fragments import SHAPES as FRAGMENT_SHAPES, fragment
from tests.gxparse.pdf_families import FAMILIES as PDF_FAMILIES
from tests.gxparse.seeds import SEEDS, expected, expected_tables, report_dict, seed_bytes, seed_prose
from tests.gxparse.zero_marks import MARKS as ZERO_MARKS, text_with_zeros, xlsx_with_zeros
from tests.gxparse.figure_notations import NOTATIONS, ROW_NOTATIONS, text_in_notation

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
TABLES = ("s2", "s3", "s4")
ERROR_RULES = {"s3.row_sum", "s3.balance", "s3.results_sum", "s4.block_sum", "value.invalid", "section.missing",
               "cell.missing", "template.mismatch"}


@dataclass
class Truth:
    tables: dict[str, dict | None]
    agency: str | None
    year: int | None
    template: str | None
    errors: set[str] = field(default_factory=set)   # error rules the document deserves
    # sections the document lacks (keys): the only ones a section.missing may name
    absent: frozenset[str] = frozenset()


def _absent_tables(tables: dict[str, dict | None], errors: set[str]) -> frozenset[str]:
    """A truth that deserves ``section.missing`` without naming the section lacks the tables it does not have."""
    return frozenset(t for t in TABLES if tables[t] is None) if "section.missing" in errors else frozenset()


@dataclass
class Case:
    format: str
    name: str
    load: Callable[[], bytes]
    truth: Truth


@dataclass
class Score:
    cells: int = 0
    exact: int = 0
    documents: int = 0
    metadata: int = 0
    titled: int = 0   # documents with a title to read (not a table scanned alone)
    false_errors: list[str] = field(default_factory=list)
    missed_errors: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)   # cells read wrong that no finding names
    # cells read wrong that only cell.solved_by_sum names: it says where the sums placed a figure, not that it is
    # doubtful, so a wrong figure under it is as wrong as a silent one
    flagged: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)   # documents gxparse refused

    def add(self, other: Score) -> None:
        self.cells += other.cells
        self.exact += other.exact
        self.documents += other.documents
        self.metadata += other.metadata
        self.titled += other.titled
        self.false_errors += other.false_errors
        self.missed_errors += other.missed_errors
        self.silent += other.silent
        self.flagged += other.flagged
        self.failures += other.failures


# ---------------------------------------------------------------------------------------------------
# truths


def seed_truth(name: str) -> Truth:
    exp = expected(name)
    tables = expected_tables(name)
    # a section whose heading is missing but whose table is printed (zhoukou_office's 四) is not absent
    absent = {s.key for s in SECTIONS if s.key not in exp["sections_present"] and tables.get(s.key) is None}
    errors = set(exp["rules"]) & ERROR_RULES
    return Truth(tables, exp["agency"], exp["year"], exp["template"], errors,
                 frozenset(absent) if "section.missing" in errors else frozenset())


def _known_inconsistency_rules(entries: list[str]) -> set[str]:
    """Real truth files list where the report itself does not add up ("s4.review: 10+1+0+0 = 11 != total 0")."""
    rules = set()
    for entry in entries:
        if entry.startswith("s4."):
            rules.add("s4.block_sum")
        elif entry.startswith("s3."):
            rules |= {"s3.row_sum", "s3.balance", "s3.results_sum"}
    return rules


def real_truth(stem: str, folder: str = "real") -> Truth:
    """A real report's hand-read truth, or (folder markdown) a simulated report's figures rendered beside it."""
    truth = json.loads((FIXTURES / folder / f"{stem}.truth.json").read_text(encoding="utf-8"))
    tables = {t: truth.get(t) for t in TABLES}
    errors = _known_inconsistency_rules(truth.get("known_inconsistencies", []))
    return Truth(tables, truth["agency"], truth["year"], truth["template"], errors, _absent_tables(tables, errors))


def extracted_truth(document: str, folder: str = "extracted") -> Truth:
    """The truth frozen beside tests/fixtures/extracted or htmltext (seeds, real and simulated reports)."""
    truth = json.loads((FIXTURES / folder / "truth" / f"{document}.truth.json").read_text(encoding="utf-8"))
    tables = {t: truth[t] for t in TABLES}
    errors = set(truth["errors"])
    return Truth(tables, truth["agency"], truth["year"], truth["template"], errors, _absent_tables(tables, errors))


def _truth_of(stem: str) -> Truth:
    for folder in ("real", "markdown"):
        if (FIXTURES / folder / f"{stem}.truth.json").exists():
            return real_truth(stem, folder)
    return seed_truth(stem) if stem in SEEDS else extracted_truth(stem)


# ---------------------------------------------------------------------------------------------------
# documents


def _reading(path: Path) -> Callable[[], bytes]:
    return path.read_bytes


def text_cases() -> Iterator[Case]:
    for name in SEEDS:
        yield Case("text", name, lambda name=name: seed_bytes(name), seed_truth(name))


def html_cases() -> Iterator[Case]:
    # the official layout prints every row: a report that leaves rows out (zhoukou_office) has no HTML here
    for name in (n for n in SEEDS if expected(n)["s3"] is not None):
        yield Case("html", name, lambda name=name: render_report_html(report_dict(name, **seed_prose(name))).encode(),
                   seed_truth(name))


def fragment_cases() -> Iterator[Case]:
    """The HTML layout saved as a CMS article's body without <html>/<body>, in every fragment shape."""
    for name in (n for n in SEEDS if expected(n)["s3"] is not None):
        for shape in FRAGMENT_SHAPES:
            yield Case("html-fragment", f"{name}.{shape}",
                       lambda name=name, shape=shape: fragment(name, shape, **seed_prose(name)), seed_truth(name))


def html_style_cases() -> Iterator[Case]:
    """The seeds' and real reports' figures in the table styles of real publishers' tools
    (``tests/gxparse/html_styles.py``): one family per style, html-style-<style>."""
    for style in HTML_STYLES:
        for name in STYLE_REPORTS:
            yield Case(f"html-style-{style}", name,
                       lambda name=name, style=style: render_style_page(style_report(name), style).encode(),
                       _truth_of(name))


def docx_style_cases() -> Iterator[Case]:
    """The same reports as the DOCX structures Word and WPS write (``tests/gxparse/docx_styles.py``): one family
    per style, docx-style-<style>."""
    for style in DOCX_STYLES:
        for name in STYLE_REPORTS:
            yield Case(f"docx-style-{style}", name,
                       lambda name=name, style=style: render_docx(style_report(name), style), _truth_of(name))


def zero_mark_cases(folder: Path) -> Iterator[Case]:
    """The seeds with their zeros typed as a character (``tests/gxparse/zero_marks.py``): as tab text
    (text-zero-<mark>) and as a workbook of text cells (xlsx-zero-<mark>); the DOCX's are docx-style-zero-<mark>."""
    for key, mark in ZERO_MARKS.items():
        for name in SEEDS:
            yield Case(f"text-zero-{key}", name, lambda name=name, mark=mark: text_with_zeros(name, mark),
                       seed_truth(name))
            yield Case(f"xlsx-zero-{key}", name,
                       lambda name=name, mark=mark, key=key: xlsx_with_zeros(name, mark, folder / f"{name}.{key}.xlsx"),
                       seed_truth(name))


def notation_cases() -> Iterator[Case]:
    """The seeds as text split by spaces with their figures in each notation real reports use
    (``tests/gxparse/figure_notations.py``): text-notation-<notation>."""
    for notation in [*NOTATIONS, *ROW_NOTATIONS]:
        for name in SEEDS:
            yield Case(f"text-notation-{notation}", name,
                       lambda name=name, notation=notation: text_in_notation(name, notation), seed_truth(name))


def pdf_family_cases(folder: Path) -> Iterator[Case]:
    """The seeds' reportlab print as other producers make it (``tests/gxparse/pdf_families.py``): pdf-<family>."""
    for family, build in PDF_FAMILIES.items():
        for name in SEEDS:
            yield Case(f"pdf-{family}", name,
                       lambda build=build, name=name, family=family: build(name, folder / f"{name}.{family}.pdf"),
                       seed_truth(name))


def producer_cases() -> Iterator[Case]:
    """The seeds as the PDF producers agencies use print them, frozen (tests/fixtures/producers,
    ``formats.freeze_producers``): pdf-producer-<habit>."""
    for path in sorted((FIXTURES / "producers").glob("*.pdf"), key=lambda p: p.name.split(".")[::-1]):
        name, habit = path.name.split(".")[:2]
        yield Case(f"pdf-producer-{habit}", name, _reading(path), seed_truth(name))


def real_cases() -> Iterator[Case]:
    for path in sorted((FIXTURES / "real").glob("*.truth.json")):
        stem = path.name.removesuffix(".truth.json")
        for kind in ("pdf", "txt"):
            document = path.with_name(f"{stem}.{kind}")
            if document.exists():
                yield Case(f"real-{kind}", stem, _reading(document), real_truth(stem))
        yield Case("real-pdf-stamped", stem, lambda pdf=path.with_name(f"{stem}.pdf"): pages_as_forms(pdf.read_bytes()),
                   real_truth(stem))


def markdown_cases() -> Iterator[Case]:
    for path in sorted((FIXTURES / "markdown").glob("*.md")):
        stem, _, style = path.name.removesuffix(".md").partition(".")
        if style:
            yield Case(f"md-{style}", stem, _reading(path), _truth_of(stem))


def ofd_cases(slow: bool) -> Iterator[Case]:
    """The OFD renderings of tests/fixtures/ofd (``formats.freeze_ofd``): the seeds (ofd-<producer>) and the real
    reports (real-ofd-<producer>), as a virtual printer and as easyofd write them; with ``--slow`` also the real
    reports as easyofd's pictures of their pages (scan-ofd, OCR)."""
    for path in sorted((FIXTURES / "ofd").glob("*.ofd")):
        stem, producer = path.name.removesuffix(".ofd").rsplit(".", 1)
        if producer.endswith("-scan"):
            if slow:
                yield Case("scan-ofd", stem, _reading(path), _truth_of(stem))
            continue
        family = "ofd" if stem in SEEDS else "real-ofd"
        yield Case(f"{family}-{producer}", stem, _reading(path), _truth_of(stem))


def extracted_cases() -> Iterator[Case]:
    folder = FIXTURES / "extracted"
    for path in sorted(folder.glob("*/*.txt")):
        document, _, printer = path.name.removesuffix(".txt").rpartition(".")
        # zeros printed as empty cells (freeze_extracted --blank), narrow tables (--narrow) and CMS pages printed by a
        # browser (--cms) are lines of their own
        variant = "-cms" * printer.startswith("cms") + ("-blank" if printer.endswith("-blank") else
                                                        "-narrow" if printer == "narrow" else "")
        yield Case(f"extracted-{path.parent.name}{variant}", f"{document}.{printer}", _reading(path),
                   extracted_truth(document))


def htmltext_cases() -> Iterator[Case]:
    """The text HTML-to-text tools write from report pages (tests/fixtures/htmltext): htmltext-<tool>."""
    for path in sorted((FIXTURES / "htmltext").glob("*/*.txt")):
        document, _, page = path.name.removesuffix(".txt").rpartition(".")
        yield Case(f"htmltext-{path.parent.name}", f"{document}.{page}", _reading(path),
                   extracted_truth(document, "htmltext"))


def htmlpos_cases() -> Iterator[Case]:
    """Our PDFs as PDF-to-HTML converters show them on the web, text placed by CSS position
    (tests/fixtures/htmlpos: pdfminer, PyMuPDF, pdf2htmlEX's structure, pdf.js's text layers): htmlpos-<tool>."""
    for path in sorted((FIXTURES / "htmlpos").glob("*/*.html")):
        document, _, printer = path.name.removesuffix(".html").rpartition(".")
        yield Case(f"htmlpos-{path.parent.name}", f"{document}.{printer}", _reading(path), extracted_truth(document))


def ocrtext_cases() -> Iterator[Case]:
    """The text other projects' OCR writes from the same PDFs' page images (tests/fixtures/ocrtext: the tesseract
    program in several page segmentation modes, RapidOCR's boxes), read as plain text: ocrtext-<tool>."""
    for path in sorted((FIXTURES / "ocrtext").glob("*/*.txt")):
        document, _, printer = path.name.removesuffix(".txt").rpartition(".")
        yield Case(f"ocrtext-{path.parent.name}", f"{document}.{printer}", _reading(path), extracted_truth(document))


def blind_cases() -> Iterator[Case]:
    """Reports as real sites, editors and other projects' converters write them, made without reading gxparse
    (tests/fixtures/blind, ``tests.fixtures.blind.freeze``): blind-<style>."""
    for path in sorted((FIXTURES / "blind").glob("blind-*/*.*")):
        yield Case(path.parent.name, path.name, _reading(path), extracted_truth(path.name.partition(".")[0]))


def blind2_cases() -> Iterator[Case]:
    """Round 2 of the blind renderings: habits no earlier family writes, made without reading gxparse
    (tests/fixtures/blind2, ``tests.fixtures.blind2.freeze``): blind2-<style>."""
    for path in sorted((FIXTURES / "blind2").glob("*/*.*")):
        yield Case(f"blind2-{path.parent.name}", path.name, _reading(path), extracted_truth(path.name.partition(".")[0]))


def blind3_cases() -> Iterator[Case]:
    """Round 3 of the blind renderings: CMS families, OCR and converter outputs and file formats no earlier family
    writes, made without reading gxparse (tests/fixtures/blind3, ``tests.fixtures.blind3.freeze``): blind3-<style>."""
    for path in sorted((FIXTURES / "blind3").glob("*/*.*")):
        yield Case(f"blind3-{path.parent.name}", path.name, _reading(path), extracted_truth(path.name.partition(".")[0]))


def blind4_cases() -> Iterator[Case]:
    """Round 5 of the blind renderings: portal APIs and SPA pages, 繁體 pages, spreadsheet exports, ODT, altChunk
    DOCX, Word MHT, UTF-16 text, OCR services' JSON and other tables' layouts, made without reading gxparse
    (tests/fixtures/blind4, ``tests.fixtures.blind4.freeze``): blind4-<style>."""
    for path in sorted((FIXTURES / "blind4").glob("*/*.*")):
        yield Case(f"blind4-{path.parent.name}", path.name, _reading(path), extracted_truth(path.name.partition(".")[0]))


def blind5_cases() -> Iterator[Case]:
    """Round 6 of the blind renderings: what other projects' PDF and Word pipelines write (layout parsers' and
    cloud document services' JSON, PDF-to-HTML/XML converters, pdf.js text, Word converters, LLM-cleaned Markdown),
    made without reading gxparse (tests/fixtures/blind5, ``tests.fixtures.blind5.freeze``): blind5-<style>."""
    for path in sorted((FIXTURES / "blind5").glob("*/*.*")):
        yield Case(f"blind5-{path.parent.name}", path.name, _reading(path), extracted_truth(path.name.partition(".")[0]))


def realpages_cases() -> Iterator[Case]:
    """Reports in the text styles real agencies' pages are stored in (cells apart by `` | ``, a cell a line, spacer
    pipes; tests/fixtures/realpages, ``tests.fixtures.realpages.freeze``): realpages-<style>."""
    for path in sorted((FIXTURES / "realpages").glob("*/*.txt")):
        yield Case(f"realpages-{path.parent.name}", path.name, _reading(path),
                   extracted_truth(path.name.partition(".")[0], "realpages"))


def simsite_cases(slow: bool, seed: int = 1) -> Iterator[Case]:
    """Every report of every site family (the classic simulated city, TRS, Hanweb, query-string CMS); a report
    page whose tables are pictures as the crawler bundles it with them (MHTML, read by OCR: ``--slow`` only)."""
    for family in FAMILIES:
        site = make_site(family, seed)
        hosts = getattr(site, "urls", {None: site.base_url})   # the classic site has one host

        def fetch(url: str, site=site, hosts=hosts) -> bytes:
            host, base = next((h, u) for h, u in hosts.items() if url.startswith(u))
            target = url.removeprefix(base)
            return site.get(target).body if host is None else site.get(target, host).body

        for report in site.expected_reports():
            tables = {t: report.report.get(t) for t in TABLES}
            errors = set(report.misprint.rules) if report.misprint else set()
            truth = Truth(tables, report.agency, report.year, report.template, errors, _absent_tables(tables, errors))
            if not report.pictured:
                yield Case(f"simsite-{family}-{report.format}", report.id,
                           lambda url=report.final_url, fetch=fetch: fetch(url), truth)
            elif slow:
                yield Case(f"simsite-{family}-mhtml", report.id,
                           lambda url=report.final_url, fetch=fetch: _bundled(url, fetch), truth)


def _bundled(url: str, fetch: Callable[[str], bytes]) -> bytes:
    """The page and the pictures of its tables as the crawler bundles them (``crawler.documents.pictures``,
    ``bundle``)."""
    from crawler.documents.bundle import Part, mhtml
    from crawler.documents.pictures import table_pictures

    origin = "" if urlsplit(url).scheme else _UNBOUND   # the classic site is not served: its URLs are paths
    page = fetch(url)
    sources = table_pictures(lxml.html.fromstring(page), origin + url, lambda _: True)
    return mhtml(Part(origin + url, "text/html", page),
                 [Part(src, "image/png", fetch(src.removeprefix(origin))) for src in sources])


_UNBOUND = "http://simsite.invalid"


def format_cases(folder: Path, slow: bool) -> Iterator[Case]:
    """The format tests' fixtures, built on first use (LibreOffice for the DOCX prints)."""
    from tests.gxparse.formats.build import Fixtures, scanned_copy   # imported here: needs reportlab, LibreOffice

    fixtures = Fixtures(folder)
    builders: list[tuple[str, Callable[[str], Path]]] = [
        ("docx", fixtures.docx), ("pdf-libreoffice", fixtures.libreoffice_pdf),
        ("pdf-reportlab", fixtures.reportlab_pdf), ("pdf-borderless", fixtures.borderless_pdf),
        ("xlsx", fixtures.xlsx),
    ]
    if slow:
        builders += [("doc", fixtures.doc), ("wps", fixtures.wps), ("xls", fixtures.xls), ("et", fixtures.et),
                     ("scan-report", fixtures.scanned_report),
                     # the tables pasted as pictures in the Word file, and that file printed to PDF
                     ("pictured-docx", fixtures.pictured_docx), ("pictured-pdf", fixtures.pictured_pdf)]
    for kind, build in builders:
        for name in SEEDS:
            yield Case(kind, name, lambda build=build, name=name: build(name).read_bytes(), seed_truth(name))
    # the tables alone on three sheets under the report's title: its prose is not in it, which is no fault
    for name in SEEDS:
        yield Case("xlsx-tables", name, lambda name=name: fixtures.xlsx_tables(name).read_bytes(), seed_truth(name))
    # web pages made documents: saved as Word by LibreOffice (the page alone, and laid out in a table),
    # printed by Chromium; the official layout prints every row, so not zhoukou_office (see html_cases)
    web: list[tuple[str, Callable[[str], Path]]] = [
        ("docx-web-page", lambda name: fixtures.web_docx(name, "page")),
        ("docx-web-layout", lambda name: fixtures.web_docx(name, "layout")),
        ("pdf-chromium", lambda name: fixtures.chromium_pdf(name, "layout")),
        # zeros printed empty, table 三 in large type continued over pages
        ("pdf-chromium-blank", fixtures.chromium_blank_pdf),
    ]
    if slow:   # the page with its tables pasted as screenshots, saved with them as MHTML (OCR)
        web.append(("mhtml-pictured", fixtures.pictured_mhtml))
    for kind, build in web:
        for name in (n for n in SEEDS if expected(n)["s3"] is not None):
            yield Case(kind, name, lambda build=build, name=name: build(name).read_bytes(), seed_truth(name))
    if slow:   # whole reports as agencies' Word/WPS files look, printed and scanned (formats.build.looks)
        for look, dpi in (("wps", 150), ("grey", 150), ("long", 150), ("wps", 200)):
            for name in SEEDS:
                yield Case(f"scan-look-{look}-{dpi}", name,
                           lambda name=name, look=look, dpi=dpi: fixtures.scanned_look(name, look, dpi).read_bytes(),
                           seed_truth(name))
        for path in sorted((FIXTURES / "real").glob("*.pdf")):   # the real PDFs printed and scanned
            stem = path.stem
            yield Case("scan-real", stem,
                       lambda path=path: scanned_copy(path, folder / f"{path.stem}.scan.pdf").read_bytes(),
                       real_truth(stem))
        for name in SEEDS:   # the tables scanned alone: no title to read
            tables = Truth(seed_truth(name).tables, None, None, None)
            yield Case("scan-pdf", name, lambda name=name: fixtures.scanned_pdf(name).read_bytes(), tables)
        for name in SEEDS:
            truth = seed_truth(name)
            for image in fixtures.table_images(name):
                table = image.name.split(".")[1]
                only = Truth({t: (truth.tables[t] if t == table else None) for t in TABLES}, None, None, None)
                yield Case("scan-image", f"{name}.{table}", _reading(image), only)


# ---------------------------------------------------------------------------------------------------
# scoring


def score(case: Case) -> tuple[Score, dict]:
    out = Score(documents=1)
    try:
        report = parse_document(case.load(), case.name).to_dict()
    except DocumentError as exc:
        out.failures.append(f"{case.name}: {exc}")
        out.cells = sum(len(cols) for t in TABLES for cols in (case.truth.tables[t] or {}).values())
        return out, {}
    single_table = case.truth.agency is None
    # cell.blank says a cell was printed empty: a figure read wrong under it is as silent as one no finding names
    named = {cell for f in report["findings"] if f["rule"] != "cell.blank" for cell in f["cells"]}
    doubted = {cell for f in report["findings"] if f["rule"] not in ("cell.blank", "cell.solved_by_sum")
               for cell in f["cells"]}
    for table in TABLES:
        truth, read = case.truth.tables[table], report[table]
        if truth is None:
            if read is not None and not single_table:
                out.cells += sum(len(cols) for cols in read.values())   # a table the document does not have
            continue
        for row, cols in truth.items():
            for column, value in cols.items():
                out.cells += 1
                got = ((read or {}).get(row) or {}).get(column)
                exact = got == value
                out.exact += exact
                path = f"{table}.{row}.{column}"
                if not exact and read is not None and path not in named:
                    out.silent.append(f"{case.name}: {path}")
                elif not exact and got is not None and path not in doubted:
                    out.flagged.append(f"{case.name}: {path}")
    if not single_table:
        out.titled = 1
        out.metadata += (report["agency"], report["year"], report["template"]) == (
            case.truth.agency, case.truth.year, case.truth.template)
    fired = {f["rule"] for f in report["findings"] if f["severity"] == "error"}
    # a scan's findings are never errors (gxparse.ocr.checks): what it deserves is said as warnings, and
    # missed when not even a warning says it; so are those of text another program's OCR wrote (a scan's OCR
    # layer, OCR's text files), which the parser judges so: the note on each error it demoted says it
    # (ocr.low_confidence does not: a text whose digits look misread keeps its errors beside it)
    scan = report["source_type"] == "ocr" or any(f["message"].endswith(READING_NOTE) for f in report["findings"])
    said = {f["rule"] for f in report["findings"]} if scan else fired
    # section.missing is judged per section it names (_undeserved_missing_sections)
    out.false_errors += [f"{case.name}: {rule}"
                         for rule in sorted(fired - (set() if scan else case.truth.errors) - {"section.missing"})]
    out.false_errors += [f"{case.name}: section.missing of {numeral}"
                         for numeral in _undeserved_missing_sections(report, set() if scan else case.truth.absent)]
    out.missed_errors += [f"{case.name}: {rule}" for rule in sorted(case.truth.errors - said)]
    return out, report


def _undeserved_missing_sections(report: dict, absent: frozenset[str]) -> list[str]:
    """The numerals of the sections an error says are missing that the document does not lack: a deserved
    ``section.missing`` of another section does not excuse it."""
    said = [f["message"] for f in report["findings"] if f["rule"] == "section.missing" and f["severity"] == "error"]
    return [s.numeral for s in SECTIONS if s.key not in absent
            and any(message.startswith(f"缺少第{s.numeral}部分") for message in said)]


def _percent(exact: int, total: int) -> str:
    return f"{100 * exact / total:6.2f} %" if total else "     - "


def _row(label: str, s: Score) -> str:
    return (f"{label:48s} {s.documents:4d} {s.exact:7d}/{s.cells:<7d} {_percent(s.exact, s.cells)}  "
            f"{s.metadata:3d}/{s.titled:<3d}  {len(s.false_errors):5d}  {len(s.missed_errors):5d}  {len(s.silent):6d}  {len(s.flagged):7d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow", action="store_true", help="also DOC/WPS and scans (LibreOffice, OCR: minutes)")
    parser.add_argument("--formats", help="comma-separated format prefixes to run (e.g. text,md,real)")
    parser.add_argument("--documents", action="store_true", help="a line for every document, not only the imperfect")
    args, _ = parser.parse_known_args()   # make bench passes every benchmark the same arguments
    wanted = tuple(args.formats.split(",")) if args.formats else None

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gxparse-accuracy-") as tmp:
        groups = (text_cases(), zero_mark_cases(Path(tmp)), notation_cases(), html_cases(), fragment_cases(),
                  html_style_cases(), docx_style_cases(), real_cases(), ofd_cases(args.slow),
                  markdown_cases(), extracted_cases(), htmltext_cases(), htmlpos_cases(),
                  ocrtext_cases(), blind_cases(), blind2_cases(), blind3_cases(), blind4_cases(), blind5_cases(),
                  realpages_cases(),
                  simsite_cases(args.slow),
                  format_cases(Path(tmp), args.slow), pdf_family_cases(Path(tmp)), producer_cases())
        by_format: dict[str, Score] = {}
        details: list[str] = []
        for group in groups:
            for case in group:
                if wanted and not case.format.startswith(wanted):
                    continue
                result, _ = score(case)
                by_format.setdefault(case.format, Score()).add(result)
                perfect = (result.exact == result.cells and result.metadata == result.titled
                           and not (result.false_errors or result.missed_errors or result.silent or result.flagged
                                    or result.failures))
                if args.documents or not perfect:
                    details.append(_row(f"  {case.format} {case.name}", result))
    total = Score()
    print(f"{'format':48s} {'docs':>4s} {'cells exact/total':>15s} {'':>8s}  {'meta':>7s}  {'false':>5s}  {'missed':>5s}  {'silent':>6s}  {'flagged':>7s}")
    for name, s in by_format.items():
        total.add(s)
        print(_row(name, s))
    print(_row("ALL", total))
    if details:
        print("\n".join(["", "per document" + ("" if args.documents else " (those not read perfectly)") + ":",
                          *details]))
    for title, items in (("false errors", total.false_errors), ("missed errors", total.missed_errors),
                         ("cells read wrong that no finding names", total.silent),
                         ("cells read wrong that only cell.solved_by_sum names", total.flagged),
                         ("unreadable", total.failures)):
        if items:
            print(f"\n{title}:\n  " + "\n  ".join(items))
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

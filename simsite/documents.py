"""Report attachments: the same report as PDF (reportlab) and DOCX (python-docx), and the committed DOC fixture.

Both are built from the HTML that ``simsite.render`` produces, so the three formats share one layout: the
headings, paragraphs and tables with their merged cells come out of that page, not from a second template.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import lxml.html
from docx import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from simsite.render import render_report_body

# reportlab's built-in Adobe CID font: needs no font file, and PDF readers map it back to Unicode.
CJK_FONT = "STSong-Light"

# Word 97 documents made once with LibreOffice from the DOCX of one report per site family (make_doc_fixture):
# data/doc/<family>.doc beside <family>.json, the report it holds.
DOC_FIXTURES = Path(__file__).parent / "data" / "doc"


@dataclass
class Cell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    cells: list[Cell]
    rows: int
    cols: int


def blocks(report: dict) -> list[tuple[str, str | Grid]]:
    """The report as ('h1'|'h2'|'p', text) and ('table', Grid) blocks in page order."""
    root = lxml.html.fragment_fromstring(render_report_body(report), create_parent="div")
    out: list[tuple[str, str | Grid]] = []
    for el in root:
        out.append((el.tag, table_grid(el) if el.tag == "table" else el.text_content()))
    return out


def table_grid(table) -> Grid:
    """Place each cell on the grid, skipping slots already covered by a rowspan from above."""
    taken: set[tuple[int, int]] = set()
    cells = []
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for td in tr:
            while (r, c) in taken:
                c += 1
            cell = Cell(td.text_content(), r, c, int(td.get("rowspan", 1)), int(td.get("colspan", 1)))
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            cells.append(cell)
            c += cell.colspan
    return Grid(cells, max(r for r, _ in taken) + 1, max(c for _, c in taken) + 1)


# ---------------------------------------------------------------------------------------------------
# PDF

@cache
def _pdf_styles() -> dict[str, ParagraphStyle]:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    base = dict(fontName=CJK_FONT, wordWrap="CJK")
    return {
        "h1": ParagraphStyle("h1", fontSize=15, leading=20, alignment=1, spaceAfter=10, **base),
        "h2": ParagraphStyle("h2", fontSize=11.5, leading=16, spaceBefore=8, spaceAfter=4, **base),
        "p": ParagraphStyle("p", fontSize=10, leading=15, firstLineIndent=20, **base),
        "cell": ParagraphStyle("cell", fontSize=6.5, leading=8, **base),
    }


def _pdf_table(grid: Grid, width: float) -> Table:
    styles = _pdf_styles()
    data = [[""] * grid.cols for _ in range(grid.rows)]
    commands = [("GRID", (0, 0), (-1, -1), 0.4, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONT", (0, 0), (-1, -1), CJK_FONT, 6.5)]
    for cell in grid.cells:
        # Numbers fit their column as plain strings; only labels need a (much slower) wrapping Paragraph.
        data[cell.row][cell.col] = cell.text if len(cell.text) <= 6 else Paragraph(cell.text, styles["cell"])
        if cell.rowspan > 1 or cell.colspan > 1:
            end = (cell.col + cell.colspan - 1, cell.row + cell.rowspan - 1)
            commands.append(("SPAN", (cell.col, cell.row), end))
    # Table 三's label columns need room for the long row labels; every other column is a number.
    if grid.cols == 10:
        label = [0.08 * width, 0.09 * width, 0.23 * width]
        widths = label + [(width - sum(label)) / 7] * 7
    else:
        widths = [width / grid.cols] * grid.cols
    return Table(data, colWidths=widths, style=TableStyle(commands), repeatRows=0)


def report_pdf(report: dict) -> bytes:
    styles = _pdf_styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=36, rightMargin=36, topMargin=40, bottomMargin=40,
                            title=report.get("title") or "", invariant=True)
    story = []
    for kind, content in blocks(report):
        if isinstance(content, Grid):
            story += [_pdf_table(content, doc.width), Spacer(1, 6)]
        else:
            story.append(Paragraph(content, styles[kind]))
    doc.build(story)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------
# DOCX

def report_docx(report: dict) -> bytes:
    doc = DocxDocument()
    for kind, content in blocks(report):
        if isinstance(content, Grid):
            _docx_table(doc, content)
        elif kind == "p":
            doc.add_paragraph(content)
        else:
            doc.add_heading(content, level=0 if kind == "h1" else 1)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip_times(out.getvalue())


def _docx_table(doc, grid: Grid) -> None:
    """Append the table as OOXML built in one go (python-docx's cell.merge is too slow for a 10,000-page site).

    A merged cell is one <w:tc> with gridSpan for its width and vMerge="restart"; each row it covers below
    holds a continuation <w:tc> with vMerge and the same gridSpan.
    """
    origin = {(c.row, c.col): c for c in grid.cells}
    covered = {(c.row + dr, c.col): c for c in grid.cells for dr in range(1, c.rowspan)}
    rows = []
    for r in range(grid.rows):
        cells, col = [], 0
        while col < grid.cols:
            cell = origin.get((r, col)) or covered.get((r, col))
            if cell is None:  # a slot the HTML left empty: keep the grid rectangular
                cells.append(_tc(1, None, ""))
                col += 1
                continue
            if cell.row == r:
                cells.append(_tc(cell.colspan, "restart" if cell.rowspan > 1 else None, cell.text))
            else:
                cells.append(_tc(cell.colspan, "continue", ""))
            col += cell.colspan
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    grid_cols = "".join("<w:gridCol/>" for _ in range(grid.cols))
    xml = (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           f"</w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>")
    doc.element.body._insert_tbl(parse_xml(xml))  # before the closing sectPr, like add_table
    doc.add_paragraph()


def _tc(span: int, vmerge: str | None, text: str) -> str:
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else "")
    run = f'<w:r><w:rPr><w:sz w:val="14"/></w:rPr><w:t>{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{run}</w:p></w:tc>"


def _fixed_zip_times(data: bytes) -> bytes:
    """The same DOCX with every zip entry dated 1980-01-01, so one report always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------
# One cache for every site in the process: building a file costs 0.05-0.1 s, and tests build many sites.

_built: dict[tuple[str, str], bytes] = {}


def _key(fmt: str, report: dict) -> tuple[str, str]:
    return fmt, json.dumps(report, ensure_ascii=False, sort_keys=True)


def attachment_bytes(fmt: str, report: dict) -> bytes:
    """The report as a ``pdf``, ``docx`` or ``doc`` file (a DOC is the committed fixture of that report), built once."""
    if fmt == "doc":
        return _doc_holding(report)
    key = _key(fmt, report)
    if key not in _built:
        _built[key] = BUILDERS[fmt](report)
    return _built[key]


# ---------------------------------------------------------------------------------------------------
# DOC: no pure-Python writer exists, so each site family serves one committed file (see make_doc_fixture).

def doc_fixture_path(family: str) -> Path:
    return DOC_FIXTURES / f"{family}.doc"


def doc_fixture_report(family: str) -> dict:
    """The report a family's committed DOC holds (its figures do not depend on the site's seed)."""
    return json.loads((DOC_FIXTURES / f"{family}.json").read_text(encoding="utf-8"))


def _doc_holding(report: dict) -> bytes:
    for path in sorted(DOC_FIXTURES.glob("*.json")):
        if doc_fixture_report(path.stem) == report:
            return doc_fixture_path(path.stem).read_bytes()
    raise ValueError(f"no committed DOC holds {report.get('title')!r}; make one with make_doc_fixture")


def make_doc_fixture(report: dict, soffice: str = "soffice") -> bytes:
    """Convert the DOCX of ``report`` to Word 97 with LibreOffice; run once by hand to refresh the fixture."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "report.docx")
        source.write_bytes(report_docx(report))
        subprocess.run([soffice, "--headless", "--convert-to", "doc", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=120)
        return Path(tmp, "report.doc").read_bytes()


def save_doc_fixture(family: str, report: dict) -> None:
    """Write a family's committed DOC and the report it holds (run once by hand, like make_doc_fixture)."""
    (DOC_FIXTURES / f"{family}.doc").write_bytes(make_doc_fixture(report))
    (DOC_FIXTURES / f"{family}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")


BUILDERS = {"pdf": report_pdf, "docx": report_docx}

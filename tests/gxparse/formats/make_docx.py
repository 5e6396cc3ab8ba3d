"""A seed report as the DOCX an agency writes: paragraphs, and real Word tables merged in the official layout
(horizontal merges become ``gridSpan``, vertical ones ``vMerge``).

``Look`` prints it as agencies' Word/WPS documents look: a serif CJK font for the prose (仿宋/宋体 at 三号,
16 pt), the title in large type on two lines (the agency, then 〈year〉年政府信息公开工作年度报告), the table text
larger (so that table 三 runs over two pages), the grid a lighter grey, a signature and date at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from tests.gxparse.formats.plan import ReportPlan, TablePlan


@dataclass(frozen=True)
class Look:
    font: str = "Noto Serif CJK SC"   # a 宋体/仿宋-like face (the fonts agencies use are not packaged here)
    body_pt: float = 16
    title_pt: float = 22
    table_pt: float = 12
    grid: str = "000000"               # the colour of the table's rules
    grid_eighths: int = 4              # their width in eighths of a point
    signature: tuple[str, ...] = ()    # lines at the end, right-aligned: the agency's name, the date


def _add_table(doc: Document, plan: TablePlan, look: Look | None) -> None:
    table = doc.add_table(rows=plan.n_rows, cols=plan.n_cols)
    table.style = "Table Grid"
    for cell in plan.cells:
        top_left = table.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            top_left = top_left.merge(table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        top_left.text = cell.text
        if look is not None:
            for run in (r for p in top_left.paragraphs for r in p.runs):
                _font(run, look.font, look.table_pt)
    if look is not None:
        _grid(table, look)


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _grid(table, look: Look) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", str(look.grid_eighths)), ("space", "0"), ("color", look.grid)):
            edge.set(qn(f"w:{key}"), value)
        borders.append(edge)
    table._tbl.tblPr.append(borders)


def _paragraph(doc: Document, text: str, look: Look, size: float, centred: bool = False, indent: bool = True):
    paragraph = doc.add_paragraph()
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        paragraph.paragraph_format.first_line_indent = Pt(2 * size)
    _font(paragraph.add_run(text), look.font, size)
    return paragraph


def _title_lines(title: str) -> list[str]:
    """A title broken before its year, as agencies print it: 〈agency〉 / 〈year〉年…报告."""
    m = re.search(r"(?:19|20)\d{2}年", title)
    return [title[:m.start()], title[m.start():]] if m and m.start() > 0 else [title]


def write_docx(plan: ReportPlan, path: Path, look: Look | None = None, pictures: dict[str, Path] | None = None) -> Path:
    """The report as Word writes it; with ``pictures`` (table key → image) each of those tables pasted as
    that picture, six inches wide, as agencies paste a screenshot of a table."""
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    for block in plan.blocks:
        if look is not None and block.kind != "table":
            if block.kind == "title":
                for line in _title_lines(block.text):
                    _paragraph(doc, line, look, look.title_pt, centred=True)
            else:
                _paragraph(doc, block.text, look, look.body_pt, indent=block.kind == "para")
        elif block.kind == "title":
            doc.add_heading(block.text, level=1)
        elif block.kind == "heading":
            doc.add_heading(block.text, level=2)
        elif block.kind == "para":
            doc.add_paragraph(block.text)
        elif block.table is not None and pictures and block.table.key in pictures:
            doc.add_picture(str(pictures[block.table.key]), width=Inches(6))
        elif block.table is not None:
            _add_table(doc, block.table, look)
    for line in look.signature if look is not None else ():
        _paragraph(doc, line, look, look.body_pt).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(str(path))
    return path

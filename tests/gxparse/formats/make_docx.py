"""A seed report as the DOCX an agency writes: paragraphs, and real Word tables merged in the official layout
(horizontal merges become ``gridSpan``, vertical ones ``vMerge``)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt

from tests.gxparse.formats.plan import ReportPlan, TablePlan


def _add_table(doc: Document, plan: TablePlan) -> None:
    table = doc.add_table(rows=plan.n_rows, cols=plan.n_cols)
    table.style = "Table Grid"
    for cell in plan.cells:
        top_left = table.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            top_left = top_left.merge(table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        top_left.text = cell.text


def write_docx(plan: ReportPlan, path: Path) -> Path:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    for block in plan.blocks:
        if block.kind == "title":
            doc.add_heading(block.text, level=1)
        elif block.kind == "heading":
            doc.add_heading(block.text, level=2)
        elif block.kind == "para":
            doc.add_paragraph(block.text)
        elif block.table is not None:
            _add_table(doc, block.table)
    doc.save(str(path))
    return path

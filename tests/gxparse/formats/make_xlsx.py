"""A seed report as the workbooks agencies publish: the whole report on one sheet (title, headings and
paragraphs a row each, the official tables with their merged cells), or its three tables on sheets of their own
(表二, 表三, 表四) under a title row. Figures are stored as numbers, as a person types them into Excel: counts as
integers, 万元 amounts with their decimals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from gxparse.template import SECTION_BY_KEY
from tests.gxparse.formats.plan import ReportPlan, TablePlan

TABLE_SHEETS = {"s2": "表二", "s3": "表三", "s4": "表四"}
# The workbook's author: long enough for ``build.stamped_by_wps`` to write WPS Office's name in its place.
AUTHOR = "Government Information Disclosure Office"


def _figure(text: str) -> int | float | str:
    """A cell's text as Excel stores what was typed: a number where it is one."""
    try:
        number = Decimal(text)
    except ArithmeticError:
        return text
    return int(number) if number == number.to_integral_value() and "." not in text else float(number)


def write_table(ws: Worksheet, table: TablePlan, top: int) -> int:
    """``table`` with its top-left cell at row ``top``, column A; the row after it."""
    for cell in table.cells:
        row, col = top + cell.row, 1 + cell.col
        ws.cell(row, col, _figure(cell.text))
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + cell.rowspan - 1,
                           end_column=col + cell.colspan - 1)
    return top + table.n_rows


def write_report_sheet(plan: ReportPlan, path: Path) -> Path:
    """The whole report on one sheet, as some agencies publish it: a row for each line of text."""
    book = Workbook()
    book.properties.creator = AUTHOR
    ws = book.active
    ws.title = "年度报告"
    row = 1
    for block in plan.blocks:
        if block.table is not None:
            row = write_table(ws, block.table, row)
        else:
            ws.cell(row, 1, block.text)
            row += 1
    book.save(path)
    return path


def write_table_sheets(plan: ReportPlan, title: str, path: Path) -> Path:
    """The three tables on sheets of their own, each under a title row merged across it and its section
    heading."""
    book = Workbook()
    book.properties.creator = AUTHOR
    book.remove(book.active)
    for key, table in plan.tables().items():
        ws = book.create_sheet(TABLE_SHEETS[key])
        section = SECTION_BY_KEY[key]
        ws.cell(1, 1, title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=table.n_cols)
        ws.cell(2, 1, f"{section.numeral}、{section.title}")
        write_table(ws, table, 3)
    book.save(path)
    return path

"""Findings of a report read by OCR: no error, and ``ocr.low_confidence`` for the figures the tables' own
arithmetic does not confirm.

A failed check on a scan may be the reading's fault as much as the agency's (a 5 read as 3 breaks a row and
a column sum; a heading OCR garbled makes a section look missing), and an error accuses the agency. So every
finding of a scanned report is at most a warning, its message saying it may come from the reading.

A scanned table whose sums all hold is trusted: a misread digit would have to break no row, column or block
sum. When sums fail, every cell of the failing sums is named, those that break two sums at once (their row
and their column: the likely misreadings) first, and so is every cell OCR could not read. So are the cells
no sum can confirm: those of a sum with a cell OCR could not read (a lost 2 read as a blank 0 keeps its row
sum, and only its column, unchecked, would show it), and those a row's sums filled in rather than the scan
(``row.repaired``: a misprint there would be repaired away). Nothing is corrected.

Table 二's figures are in no sum. Read by gxparse's own OCR each was read again alone, digits only
(``gxparse.ocr.digits``); in text another program's OCR wrote (``Document.ocr_text``: its noise shows, and it
reads 6 as 0 or 5 as 3 with no mark) nothing vouches for them, so they are named too.
"""

from __future__ import annotations

from collections import Counter

from gxparse.checks import check_s3_sums, check_s4_block_sum
from dataclasses import replace

from gxparse.model import ERROR, WARNING, Finding, Report
from gxparse.template import (
    S3_APPLICANT_COLUMNS,
    S3_COLUMNS,
    S3_RESULT_PREFIX,
    S3_RESULT_TOTAL,
    S4_COLUMNS,
    column_label,
    row_label,
    s3_row_label,
    s4_block_label,
)

_ARITHMETIC = (check_s3_sums, check_s4_block_sum)


def _cell_label(path: str) -> str:
    table, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    if table == "s2":
        return f"表二「{row_label('s2', row)}」「{column_label('s2', column)}」"
    if table == "s3":
        return f"表三「{s3_row_label(row)}」行「{column_label('s3', column)}」列"
    return f"表四「{s4_block_label(row)}」「{column_label('s4', column)}」"


def _unreadable(report: Report) -> list[str]:
    return [f"{key}.{row}.{col}" for key in ("s3", "s4") for row, cols in (getattr(report, key) or {}).items()
            for col, cell in cols.items() if cell.value is None]


def _sums(report: Report) -> list[list[str]]:
    """The cells of every sum of tables 三 and 四 (rows, columns of results, balances, blocks)."""
    sums = []
    s3_rows = list(report.s3 or {})
    for row in s3_rows:
        sums.append([f"s3.{row}.{c.key}" for c in S3_APPLICANT_COLUMNS] + [f"s3.{row}.total"])
    results = [r for r in s3_rows if r.startswith(S3_RESULT_PREFIX)]
    balance = [r for r in ("new_received", "carried_over", S3_RESULT_TOTAL, "carry_forward") if r in s3_rows]
    for column in S3_COLUMNS if report.s3 else ():
        sums.append([f"s3.{r}.{column.key}" for r in results])
        sums.append([f"s3.{r}.{column.key}" for r in balance])
    sums += [[f"s4.{block}.{c.key}" for c in S4_COLUMNS] for block in report.s4 or {}]
    return sums


def unconfirmed(report: Report) -> list[str]:
    """Cells read that no sum can confirm: in a sum with a cell not read, or filled in by a repair."""
    values = {path: report.value(path) for cells in _sums(report) for path in cells}
    out = {path for cells in _sums(report) if any(values[c] is None for c in cells)
           for path in cells if values[path] is not None}
    out |= {path for f in report.findings if f.rule == "row.repaired" for path in f.cells
            if path in values and values[path] is not None}
    return sorted(out)


def table_two_read(report: Report) -> list[str]:
    """Table 二's figures read: no sum checks them."""
    return [f"s2.{row}.{column}" for row, cols in (report.s2 or {}).items() for column, cell in cols.items()
            if cell.value is not None]


def cells_in_doubt(report: Report) -> tuple[list[str], list[str]]:
    """(likely, involved): cells that break two sums at once, then the other cells of failing sums."""
    counts: Counter[str] = Counter()
    for check in _ARITHMETIC:
        for finding in check(report):
            counts.update(finding.cells)
    likely = [cell for cell, n in counts.items() if n >= 2]
    return likely, [cell for cell in counts if cell not in likely]


def low_confidence(report: Report, foreign_text: bool = False) -> list[Finding]:
    """``foreign_text``: the report was read from text another program's OCR wrote (table 二 is checked by
    nothing then, see the module's doc)."""
    likely, involved = cells_in_doubt(report)
    unreadable = [c for c in _unreadable(report) if c not in likely and c not in involved]
    unchecked = [c for c in unconfirmed(report) if c not in likely and c not in involved]
    unchecked += table_two_read(report) if foreign_text else []
    if not likely and not involved and not unreadable and not unchecked:
        return []
    parts = []
    if likely:
        parts.append("最可能误识：" + "、".join(f"{_cell_label(c)}（读作{report.value(c)}）" for c in likely))
    if involved:
        parts.append(f"另有{len(involved)}个单元格所在的合计不成立")
    if unreadable:
        parts.append(f"{len(unreadable)}个单元格未能识别：" + "、".join(_cell_label(c) for c in unreadable[:7])
                     + ("等" if len(unreadable) > 7 else ""))
    if unchecked:
        parts.append(f"另有{len(unchecked)}个单元格无法核对（所在的合计含未识别或按勾稽关系补出的单元格，"
                     "或如表二的数字不在任何合计之中）")
    return [Finding("ocr.low_confidence", WARNING,
                    "表格由OCR识别，表内勾稽关系未能确认其数字，请对照原件核对（数字按识别结果保留，未作更正）："
                    + "；".join(parts), likely + involved + unreadable + unchecked)]


# said after every error a scan (or text another program's OCR wrote) demotes to a warning
READING_NOTE = "（扫描件经OCR识别，可能是识别有误，请对照原件核对）"


def scanned_findings(report: Report, foreign_text: bool = False) -> list[Finding]:
    """The report's findings as a scan supports them: errors kept as warnings saying they may come from the
    reading, then ``ocr.low_confidence`` (``foreign_text``: see ``low_confidence``)."""
    kept = [replace(f, severity=WARNING, message=f.message + READING_NOTE) if f.severity == ERROR else f
            for f in report.findings]
    return kept + low_confidence(report, foreign_text)

"""Findings of a report read by OCR: no error, and ``ocr.low_confidence`` for the figures the tables' own
arithmetic does not confirm.

A failed check on a scan may be the reading's fault as much as the agency's (a 5 read as 3 breaks a row and
a column sum; a heading OCR garbled makes a section look missing), and an error accuses the agency. So every
finding of a scanned report is at most a warning, its message saying it may come from the reading.

A scanned table whose sums all hold is trusted: a misread digit would have to break no row, column or block
sum. When sums fail, every cell of the failing sums is named, those that break two sums at once (their row
and their column: the likely misreadings) first, and so is every cell OCR could not read. Nothing is
corrected.
"""

from __future__ import annotations

from collections import Counter

from gxparse.checks import (
    check_s3_balance,
    check_s3_results_sum,
    check_s3_row_sum,
    check_s4_block_sum,
)
from dataclasses import replace

from gxparse.model import ERROR, WARNING, Finding, Report
from gxparse.template import column_label, s3_row_label, s4_block_label

_ARITHMETIC = (check_s3_row_sum, check_s3_balance, check_s3_results_sum, check_s4_block_sum)


def _cell_label(path: str) -> str:
    table, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    if table == "s3":
        return f"表三「{s3_row_label(row)}」行「{column_label('s3', column)}」列"
    return f"表四「{s4_block_label(row)}」「{column_label('s4', column)}」"


def _unreadable(report: Report) -> list[str]:
    return [f"{key}.{row}.{col}" for key in ("s3", "s4") for row, cols in (getattr(report, key) or {}).items()
            for col, cell in cols.items() if cell.value is None]


def cells_in_doubt(report: Report) -> tuple[list[str], list[str]]:
    """(likely, involved): cells that break two sums at once, then the other cells of failing sums."""
    counts: Counter[str] = Counter()
    for check in _ARITHMETIC:
        for finding in check(report):
            counts.update(finding.cells)
    likely = [cell for cell, n in counts.items() if n >= 2]
    return likely, [cell for cell in counts if cell not in likely]


def low_confidence(report: Report) -> list[Finding]:
    likely, involved = cells_in_doubt(report)
    unreadable = [c for c in _unreadable(report) if c not in likely and c not in involved]
    if not likely and not involved and not unreadable:
        return []
    parts = []
    if likely:
        parts.append("最可能误识：" + "、".join(f"{_cell_label(c)}（读作{report.value(c)}）" for c in likely))
    if involved:
        parts.append(f"另有{len(involved)}个单元格所在的合计不成立")
    if unreadable:
        parts.append(f"{len(unreadable)}个单元格未能识别：" + "、".join(_cell_label(c) for c in unreadable[:7])
                     + ("等" if len(unreadable) > 7 else ""))
    return [Finding("ocr.low_confidence", WARNING,
                    "表格由OCR识别，表内勾稽关系未能确认其数字，请对照原件核对（数字按识别结果保留，未作更正）："
                    + "；".join(parts), likely + involved + unreadable)]


_READING = "（扫描件经OCR识别，可能是识别有误，请对照原件核对）"


def scanned_findings(report: Report) -> list[Finding]:
    """The report's findings as a scan supports them: errors kept as warnings saying they may come from the
    reading, then ``ocr.low_confidence``."""
    kept = [replace(f, severity=WARNING, message=f.message + _READING) if f.severity == ERROR else f
            for f in report.findings]
    return kept + low_confidence(report)

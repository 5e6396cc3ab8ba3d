"""``ocr.low_confidence``: figures read by OCR that the tables' own arithmetic does not confirm.

A scanned table whose sums all hold is trusted: a misread digit would have to break no row, column or block
sum. When sums fail, the cells in doubt are named; a cell that breaks two sums at once (its row and its
column) is the likely misreading, so those are named alone when there are any. Nothing is corrected.
"""

from __future__ import annotations

from collections import Counter

from gxparse.checks import check_s3_balance, check_s3_results_sum, check_s3_row_sum, check_s4_block_sum
from gxparse.model import WARNING, Finding, Report
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


def cells_in_doubt(report: Report) -> list[str]:
    """Cells of the failing sums, narrowed to those that fail two sums when some do."""
    counts: Counter[str] = Counter()
    for check in _ARITHMETIC:
        for finding in check(report):
            counts.update(finding.cells)
    if not counts:
        return []
    crossing = [cell for cell, n in counts.items() if n >= 2]
    return crossing or list(counts)


def low_confidence(report: Report) -> list[Finding]:
    doubtful = cells_in_doubt(report)
    unreadable = [c for c in _unreadable(report) if c not in doubtful]
    if not doubtful and not unreadable:
        return []
    parts = [f"{_cell_label(c)}（读作{report.value(c)}）" for c in doubtful]
    parts += [f"{_cell_label(c)}（未能识别）" for c in unreadable]
    return [Finding("ocr.low_confidence", WARNING,
                    f"表格由OCR识别，表内勾稽关系未能确认以下{len(parts)}个单元格，可能误识，请对照原件核对"
                    f"（数字按识别结果保留，未作更正）：" + "、".join(parts), doubtful + unreadable)]

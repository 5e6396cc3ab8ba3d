"""What a page shows of a version's figures: the official tables, the cells findings name, what changed.

Findings are numbered in the order a page lists them; each table lists beside it the findings that name
one of its cells, and each such cell carries the numbers of its findings. A comparison marks the cells
whose value differs between the two versions, with old and new value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from monitor.archive.diff import DocumentDiff, diff_documents, flatten_figures
from monitor.web.queries import FindingView, VersionView
from monitor.web.tablehtml import Marks, table_html
from monitor.web.tables import grids, stray_cells

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass
class NumberedFinding:
    number: int
    finding: FindingView


@dataclass(frozen=True)
class ShownTable:
    key: str                # s2 | s3 | s4
    title: str
    html: Markup            # the table as printed (tablehtml); empty when the report has no such table


@dataclass
class Figures:
    """A version's tables with their marks, ready for the template."""

    tables: list[ShownTable]
    beside: dict[str, list[NumberedFinding]] = field(default_factory=dict)   # table key → its findings
    general: list[NumberedFinding] = field(default_factory=list)       # findings naming no table cell
    stray: dict[str, Any] = field(default_factory=dict)                # figures with no cell in the layout


def figures(version: VersionView, side: str = "v", diff: DocumentDiff | None = None,
            findings: bool = True) -> Figures:
    """The tables of ``version`` marked with ``diff``'s changes and, with ``findings``, its findings; cell ids
    are prefixed with ``side`` (v on a report page, a and b in a comparison)."""
    document = version.report
    tables = grids(document)
    view = Figures([], stray=stray_cells(document, tables))
    marks = Marks(changed={c.cell: c for c in diff.figures} if diff is not None else {})
    table_of = {path: grid.key for grid in tables for path in grid.paths}
    for number, finding in enumerate(version.findings if findings else [], start=1):
        numbered = NumberedFinding(number, finding)
        named = [c for c in finding.cells if c in table_of]
        for cell in named:
            marks.notes.setdefault(cell, []).append(number)
            worst = marks.severity.get(cell)
            if worst is None or SEVERITY_RANK.get(finding.severity, 9) < SEVERITY_RANK.get(worst, 9):
                marks.severity[cell] = finding.severity
        keys = list(dict.fromkeys(table_of[c] for c in named))
        for key in keys:
            view.beside.setdefault(key, []).append(numbered)
        if not keys:
            view.general.append(numbered)
    values = flatten_figures(document)
    view.tables = [ShownTable(grid.key, grid.title, table_html(grid, side, values, marks) if grid.rows else Markup())
                   for grid in tables]
    return view


@dataclass
class Comparison:
    a: VersionView
    b: VersionView
    diff: DocumentDiff
    left: Figures
    right: Figures


def compare(a: VersionView, b: VersionView) -> Comparison:
    diff = diff_documents(a.report, b.report)
    # A comparison marks what changed; the findings are each version's own page.
    return Comparison(a, b, diff, figures(a, "a", diff, findings=False), figures(b, "b", diff, findings=False))

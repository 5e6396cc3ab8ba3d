"""What a page shows of a version's figures: the official tables, the cells findings name, what changed.

Findings are numbered in the order a page lists them; each table lists beside it the findings that name
one of its cells, and each such cell carries the numbers of its findings. A comparison marks the cells
whose value differs between the two versions, with old and new value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from monitor.archive.diff import CellChange, DocumentDiff, diff_documents, flatten_figures
from monitor.web.queries import FindingView, VersionView
from monitor.web.tables import Grid, grids, stray_cells

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass
class NumberedFinding:
    number: int
    finding: FindingView


@dataclass
class Figures:
    """A version's tables with their marks, ready for the template."""

    tables: list[Grid]
    values: dict[str, Any]
    notes: dict[str, list[int]] = field(default_factory=dict)          # cell path → finding numbers
    cell_severity: dict[str, str] = field(default_factory=dict)        # cell path → worst severity
    beside: dict[str, list[NumberedFinding]] = field(default_factory=dict)   # table key → its findings
    general: list[NumberedFinding] = field(default_factory=list)       # findings naming no table cell
    stray: dict[str, Any] = field(default_factory=dict)                # figures with no cell in the layout
    changed: dict[str, CellChange] = field(default_factory=dict)       # cell path → old/new (comparisons)


def figures(version: VersionView, diff: DocumentDiff | None = None) -> Figures:
    document = version.report
    tables = grids(document)
    view = Figures(tables, flatten_figures(document), stray=stray_cells(document, tables))
    table_of = {path: grid.key for grid in tables for path in grid.paths}
    for number, finding in enumerate(version.findings, start=1):
        numbered = NumberedFinding(number, finding)
        named = [c for c in finding.cells if c in table_of]
        for cell in named:
            view.notes.setdefault(cell, []).append(number)
            worst = view.cell_severity.get(cell)
            if worst is None or SEVERITY_RANK.get(finding.severity, 9) < SEVERITY_RANK.get(worst, 9):
                view.cell_severity[cell] = finding.severity
        keys = list(dict.fromkeys(table_of[c] for c in named))
        for key in keys:
            view.beside.setdefault(key, []).append(numbered)
        if not keys:
            view.general.append(numbered)
    if diff is not None:
        view.changed = {c.cell: c for c in diff.figures}
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
    return Comparison(a, b, diff, figures(a, diff), figures(b, diff))

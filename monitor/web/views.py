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
from monitor.web.render import figure
from monitor.web.tables import Cell, Grid, grids, stray_cells

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass
class NumberedFinding:
    number: int
    finding: FindingView


@dataclass(slots=True)     # not frozen: a frozen dataclass is built in ~4 µs against ~0.7, and a page has 200
class ShownCell:
    """A value cell as a page shows it, worked out here once rather than per cell in the template: its
    classes (the worst severity of the findings naming it, changed, absent), its figure as printed, and the
    numbers of the findings naming it."""

    path: str
    title: str
    colspan: int
    css: str
    value: str
    change: CellChange | None
    notes: tuple[int, ...]


@dataclass(frozen=True)
class ShownTable:
    key: str                                        # s2 | s3 | s4
    title: str
    rows: tuple[tuple[Cell | ShownCell, ...], ...]  # label cells as laid out, value cells as shown


@dataclass
class Figures:
    """A version's tables with their marks, ready for the template."""

    tables: list[ShownTable]
    beside: dict[str, list[NumberedFinding]] = field(default_factory=dict)   # table key → its findings
    general: list[NumberedFinding] = field(default_factory=list)       # findings naming no table cell
    stray: dict[str, Any] = field(default_factory=dict)                # figures with no cell in the layout


@dataclass
class _Marks:
    notes: dict[str, list[int]] = field(default_factory=dict)          # cell path → finding numbers
    severity: dict[str, str] = field(default_factory=dict)             # cell path → worst severity
    changed: dict[str, CellChange] = field(default_factory=dict)       # cell path → old/new (comparisons)


def _shown(cell: Cell, values: dict[str, Any], marks: _Marks) -> Cell | ShownCell:
    if cell.path is None:
        return cell
    value, change, severity = values.get(cell.path), marks.changed.get(cell.path), marks.severity.get(cell.path)
    css = (("fail fail-" + severity if severity else "") + (" changed" if change else "")
           + (" absent" if value is None and not change else ""))
    return ShownCell(cell.path, cell.title, cell.colspan, css, figure(value), change,
                     tuple(marks.notes.get(cell.path, ())))


def _show(grid: Grid, values: dict[str, Any], marks: _Marks) -> ShownTable:
    return ShownTable(grid.key, grid.title, tuple(tuple(_shown(c, values, marks) for c in row) for row in grid.rows))


def figures(version: VersionView, diff: DocumentDiff | None = None, findings: bool = True) -> Figures:
    """The tables of ``version`` marked with ``diff``'s changes and, with ``findings``, its findings."""
    document = version.report
    tables = grids(document)
    view = Figures([], stray=stray_cells(document, tables))
    marks = _Marks(changed={c.cell: c for c in diff.figures} if diff is not None else {})
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
    view.tables = [_show(grid, values, marks) for grid in tables]
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
    return Comparison(a, b, diff, figures(a, diff, findings=False), figures(b, diff, findings=False))

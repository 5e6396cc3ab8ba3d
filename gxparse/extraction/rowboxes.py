"""A row's figures split into text boxes, in a table printed a cell per line row after row.

poppler's ``pdftotext`` without ``-layout`` writes a ruled table whose columns differ in width (a CMS page printed
by a browser) a text box at a time: a row's label, then its figures as one to three boxes (``508 2`` / ``33 2 545``,
a box per run of cells the column gaps leave together), then the pieces of the group labels beside it
(``理结果``), then the next row's label. Where zeros are printed as empty cells, most boxes hold one figure, so the
table looks printed a cell per line, but no stream of the template's size is there to lay, and the row grammar
pairs only a row's first box with its label.

``joined_boxes`` joins every run of figure boxes (lines of figures without text) into the line before it when
that line prints figures too (a label's line with its first cell, or the run's first box): the boxes between
two text lines are one row's. Whether the table really is printed so, the caller checks on what the grammar then
reads (each run right under a row's label, the rows in the template's order, none longer than a row; the
arithmetic places the short rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from gxparse.document import Line


def joined_boxes(lines: Sequence[Line]) -> list[Line]:
    """The lines with each line of figures alone joined into the line before it when that one prints figures
    (new lines: the document's are not changed)."""
    out: list[Line] = []
    for line in lines:
        if out and _figures_alone(line) and out[-1].values and not out[-1].in_grid:
            last = out[-1]
            out[-1] = replace(last, text="\t".join([last.text, *line.values]), values=[*last.values, *line.values],
                              offsets=())
            continue
        out.append(line)
    return out


def under_labels(lines: Sequence[Line]) -> bool:
    """Whether every line of figures alone stands right after a line of text alone (its row's label, or words
    the row grammar then names no row with: the caller sees their figures under no row)."""
    previous: Line | None = None
    for line in lines:
        if _figures_alone(line) and (previous is None or previous.values or not previous.label):
            return False
        previous = line
    return True


def _figures_alone(line: Line) -> bool:
    return bool(line.values) and not line.label and not line.in_grid

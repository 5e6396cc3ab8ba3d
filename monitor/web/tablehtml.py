"""An official table as the page prints it, written here rather than cell by cell in a Jinja macro.

A report page prints ~200 value cells and ~100 label cells; through the macro each cell cost a dozen
template steps (tests, attribute lookups, an escape per printed value), ~1.3 ms a page. Most of a table never
changes: its label cells (the template's Chinese row and column names), the rows' breaks and each value
cell's id, span and title are the same on every page of a layout, so they are written once per process
(``skeleton``, per layout and side) and a page writes only what is its own: each value cell's classes,
figure and finding numbers.

The markup is the one the macro printed, byte for byte. Every value is escaped as Jinja's autoescaping
escapes it (``markupsafe.escape``), so the result is ``Markup`` the templates print as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markupsafe import Markup, escape

from monitor.archive.diff import CellChange
from monitor.web.render import figure
from monitor.web.tables import Cell, Grid


@dataclass(frozen=True)
class Slot:
    """A value cell of a skeleton: the markup around its own parts, fixed for the layout and side. Most cells
    have a figure and no mark, so that all their markup but the figure is fixed: ``plain`` and ``after``."""

    path: str
    opening: str     # <td id="v-s3.x.total"[ colspan="3"] class="
    middle: str      # " title="…">\n
    closing: str     # </td>\n and every fixed cell after it, up to the next value cell
    plain: str       # opening + middle + <span class="value">
    after: str       # </span> + closing


@dataclass(frozen=True)
class Skeleton:
    head: str                   # the markup before the first value cell
    slots: tuple[Slot, ...]


def _span(name: str, n: int) -> str:
    return f' {name}="{n}"' if n > 1 else ""


def _label(cell: Cell) -> str:
    return f"<th{_span('colspan', cell.colspan)}{_span('rowspan', cell.rowspan)}>{escape(cell.text)}</th>\n"


def _slot(cell: Cell, side: str, closing: str) -> Slot:
    opening = f'<td id="{escape(side)}-{escape(cell.path)}"{_span("colspan", cell.colspan)} class="'
    middle = f'" title="{escape(cell.title)}">\n'
    return Slot(cell.path or "", opening, middle, closing, opening + middle + '<span class="value">',
                "</span>" + closing)


@cache     # per layout (tables.grid builds one grid per layout) and side: a handful per process
def skeleton(grid: Grid, side: str) -> Skeleton:
    """The fixed markup of ``grid``, its cell ids prefixed by ``side``."""
    pieces: list[str | Cell] = [f'<div class="table-wrap">\n<table class="official {escape(grid.key)}">\n<tbody>\n']
    for row in grid.rows:
        pieces += ["<tr>\n", *(c if c.path else _label(c) for c in row), "</tr>\n"]
    pieces.append("</tbody>\n</table>\n</div>")
    head, cells, closings = "", [], []
    for piece in pieces:
        if isinstance(piece, Cell):
            cells.append(piece)
            closings.append("</td>\n")
        elif cells:
            closings[-1] += piece
        else:
            head += piece
    return Skeleton(head, tuple(_slot(c, side, closing) for c, closing in zip(cells, closings)))


@dataclass
class Marks:
    """What a page marks in its tables, by cell path."""

    notes: dict[str, list[int]] = field(default_factory=dict)          # numbers of the findings naming it
    severity: dict[str, str] = field(default_factory=dict)             # the worst severity among them
    changed: dict[str, CellChange] = field(default_factory=dict)       # old/new (comparisons)

    def __contains__(self, path: str) -> bool:
        return path in self.notes or path in self.changed


def _figure(value: Any) -> str:
    """A figure as printed and escaped (a count, the common case, needs no escaping)."""
    return str(value) if type(value) is int else escape(figure(value))


def _marked(slot: Slot, value: Any, marks: Marks, side: str, note_link: str) -> list[str]:
    """A value cell with its classes (the worst severity of the findings naming it, changed, absent), its
    figure (old → new on the newer side of a comparison) and the numbers of the findings naming it."""
    change, severity = marks.changed.get(slot.path), marks.severity.get(slot.path)
    css = (("fail fail-" + severity if severity else "") + (" changed" if change else "")
           + (" absent" if value is None and not change else ""))
    if change is not None and side == "b":
        content = (f'<del>{_figure(change.old)}</del><span class="arrow">→</span>'
                   f'<ins>{_figure(change.new)}</ins>')
    else:
        content = f'<span class="value">{_figure(value)}</span>'
    notes = "".join(f'{note_link}{n}">{n}</a>' for n in marks.notes.get(slot.path, ()))
    return [slot.opening, escape(css), slot.middle, content, notes, slot.closing]


def table_html(grid: Grid, side: str, values: dict[str, Any], marks: Marks) -> Markup:
    """``grid`` with ``values`` (figures by cell path) and ``marks``; finding numbers link to the list beside
    the table (``#{side}-{table}-f{n}``)."""
    frame = skeleton(grid, side)
    note_link = f'<a class="note" href="#{escape(side)}-{escape(grid.key)}-f'
    parts = [frame.head]
    for slot in frame.slots:
        value = values.get(slot.path)
        if value is None or slot.path in marks:
            parts += _marked(slot, value, marks, side, note_link)
        else:
            parts += (slot.plain, _figure(value), slot.after)
    return Markup("".join(parts))

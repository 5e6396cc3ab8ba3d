"""A sub-table's figures in one-figure-column text boxes, read only where the order the tool wrote them in cannot
change its cells.

pdfminer.six (``LTLayoutContainer.group_textboxes``) joins a page's text boxes two at a time, the pair whose
joint bounding box wastes the least area first, and writes every group's two parts in the order of
``(1 - boxes_flow) * x0 - (1 + boxes_flow) * (y0 + y1)``. Which boxes join depends on each figure's printed width
and on boxes beyond the block, which the text does not keep: a block of 2 x 3 figures comes column by column, row
by row, or (simsite-c00-2022's reportlab print, table 二's first block) its second and third columns, then its
first, joined to the column of the sub-table printed under it; a narrow sub-table's columns, each one box under a
header printed on one line, come in any order (the third before the second). So the order says nothing of which
figure is whose; only the figures themselves can: a row whose every box holds one figure at its place reads the
same whichever box is which column, and a block whose figures are all one figure (a block of zeros) reads the same
in every order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ColumnBoxes:
    """A sub-table's figures as a tool wrote them in text boxes right after its column names (``label_key``, in the
    order printed), each box's figures top to bottom (``cellstream.column_boxes``). ``by_column``: the names printed
    on one line over as many boxes, as long as one another, each one column's cells; else each name a box of its own
    and then one-figure boxes, the block's cells in an order nothing shows."""

    names: tuple[str, ...]
    boxes: tuple[tuple[str, ...], ...]
    where: str
    by_column: bool

    def rows(self, count: int) -> list[str | None] | None:
        """The figure every order of the boxes gives each of ``count`` rows, None where two orders give two; None
        where the boxes do not hold ``count`` rows of as many cells as names."""
        if self.by_column:
            if any(len(box) != count for box in self.boxes):
                return None
            cells = [set(row) for row in zip(*self.boxes)]
        else:
            figures = [figure for box in self.boxes for figure in box]
            if len(figures) != count * len(self.names):
                return None
            cells = [set(figures)] * count
        return [next(iter(cell)) if len(cell) == 1 else None for cell in cells]

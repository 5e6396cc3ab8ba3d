"""A block of one-figure text boxes read only where the order the tool wrote them in cannot change its cells.

pdfminer.six (``LTLayoutContainer.group_textboxes``) joins a page's text boxes two at a time, the pair whose
joint bounding box wastes the least area first, and writes every group's two parts in the order of
``(1 - boxes_flow) * x0 - (1 + boxes_flow) * (y0 + y1)``. Which boxes join depends on each figure's printed width
and on boxes beyond the block, which the text does not keep: a block of 2 x 3 figures comes column by column, row
by row, or (simsite-c00-2022's reportlab print, table 二's first block) its second and third columns, then its
first, joined to the column of the sub-table printed under it. So the order says nothing of which figure is whose;
only the figures themselves can: a block whose figures are all one figure (a block of zeros) reads the same in
every order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def one_figure_block(values: Sequence[str], rows: int, columns: int,
                 fits: Callable[[int, int, str], bool]) -> list[list[str]] | None:
    """The ``rows`` x ``columns`` block's cells from ``values``, the figures of its boxes in an order nothing shows:
    read only where they are exactly as many as its cells and all one figure every cell can hold (``fits``), which
    no order changes; None otherwise."""
    if len(values) != rows * columns or len(set(values)) != 1:
        return None
    figure = values[0]
    if not all(fits(row, column, figure) for row in range(rows) for column in range(columns)):
        return None
    return [[figure] * columns for _ in range(rows)]

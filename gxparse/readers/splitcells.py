"""Tables within a table's cells: a layout (a page or a frame laid out in a table, only the tables within carry
figures) or cells an editor split with small tables of their own (a diagonal corner's column name over its note),
the outer table then carrying the figures. HTML and Word documents both have them."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

MAX_SPLIT_CELLS = 6   # cells of a table inside a data table's cell: more is a table of its own


def carries_data(own_cells: int, inner_tables: Iterable[Iterator[object]]) -> bool:
    """Whether a table holding tables (``inner_tables``: the cells of each) carries data itself: each table within
    has at most ``MAX_SPLIT_CELLS`` cells and the table's ``own_cells`` outnumber theirs. Each table within is
    counted only up to that bound."""
    inner = 0
    for cells in inner_tables:
        count = sum(1 for _ in itertools.islice(cells, MAX_SPLIT_CELLS + 1))
        if count > MAX_SPLIT_CELLS:
            return False
        inner += count
    return own_cells > inner

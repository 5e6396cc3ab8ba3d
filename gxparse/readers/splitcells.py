"""Tables within a table's cells: a layout (a page or a frame laid out in a table, only the tables within carry
figures) or cells an editor split with small tables of their own (a diagonal corner's column name over its note),
the outer table then carrying the figures. HTML and Word documents both have them."""

from __future__ import annotations

import itertools

MAX_SPLIT_CELLS = 6   # cells of a table inside a data table's cell: more is a table of its own


def carries_data(table, table_tag: str, cell_tags: tuple[str, ...]) -> bool:
    """Whether ``table`` (an lxml element whose tables and cells are ``table_tag`` and ``cell_tags`` elements)
    carries data itself: it holds no table, or each table within has at most ``MAX_SPLIT_CELLS`` cells and the
    table's own cells outnumber theirs. Each table within is counted only up to that bound."""
    inner, tables = 0, 0
    for within in table.iterdescendants(table_tag):
        count = sum(1 for _ in itertools.islice(within.iter(*cell_tags), MAX_SPLIT_CELLS + 1))
        if count > MAX_SPLIT_CELLS:
            return False
        inner, tables = inner + count, tables + 1
    if not tables:
        return True
    return sum(1 for cell in table.iter(*cell_tags) if next(cell.iterancestors(table_tag)) is table) > inner

"""Table 三 printed turned (its applicant columns as rows, its rows as columns): turned back before reading.

A page too narrow for 25 rows of figures, or a table retyped from a spreadsheet the other way round, prints
自然人 … 社会公益组织 down one column and the row labels (本年新收…, （一）予以公开 …) across the header rows.
The grid is read by rows, so such a table is transposed first: the applicants in one column and the
application rows' labels in one row tell it, nothing less (a table whose column merely lists a few applicant
words is left as it is).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from gxparse.normalize import label_key
from gxparse.template import S3_APPLICANT_COLUMNS, S3_ROW_BY_KEY

if TYPE_CHECKING:   # grid.py turns its grids with this module
    from gxparse.layout.grid import Grid

_APPLICANTS = frozenset(label_key(c.label) for c in S3_APPLICANT_COLUMNS if c.key != "other_org")
_MIN_APPLICANTS = 4   # of the five organisation-free applicant labels, in one column
# the row labels that must stand in one row: the first two and the last of the table
_ROW_ANCHORS = tuple(re.compile(S3_ROW_BY_KEY[key].anchor) for key in ("new_received", "carried_over", "carry_forward"))
_MIN_TURNED_WIDTH = 20   # slots across: a turned table 三 has a column for each of its 23 or 25 rows


def upright(grid: Grid) -> Grid:
    """The grid transposed when it is table 三 turned, else the grid as it is."""
    if not grid or len(grid[0]) < _MIN_TURNED_WIDTH or len(grid[0]) <= len(grid):
        return grid
    columns = [list(column) for column in zip(*grid)]
    if not any(len({label_key(s.text) for s in column if s is not None} & _APPLICANTS) >= _MIN_APPLICANTS
               for column in columns[:4]):
        return grid
    if not any(all(any(s is not None and anchor.search(label_key(s.text)) for s in row) for anchor in _ROW_ANCHORS)
               for row in grid[:4]):
        return grid
    return columns

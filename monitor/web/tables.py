"""Tables 二, 三 and 四 in the official layout, as grids of cells that templates render and mark up.

The layout follows shared/spec/template.md §2–§4 cell for cell (caption rows, rowspans, colspans), as
``simsite.render`` prints it; here each value cell keeps its cell path (``s3.new_received.total``) so a
page can mark the cells a finding names, or a changed cell with its old and new value. Row and column
labels come from ``gxparse.template``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from gxparse.template import (
    S2_CONTENT_HEADER,
    S2_ITEMS,
    S3_APPLICANT_HEADER,
    S3_COLUMNS,
    S3_CORNER_NOTE,
    S3_ORG_HEADER,
    S3_RESULTS_GROUP,
    S3_ROW_BY_KEY,
    S3_ROWS,
    S4_BLOCKS,
    S4_COLUMNS,
    S4_LITIGATION_HEADER,
    SECTION_BY_KEY,
    Item,
    Row,
)
from monitor.archive.diff import flatten_figures
from monitor.labels import cell_label

S2_VALUE_SLOTS = 3   # value columns of table 二; items with fewer columns widen their last cell
S3_LABEL_SLOTS = 3   # label columns of table 三 (result group, sub-group, item)
TABLE_TITLES = {key: f"{SECTION_BY_KEY[key].numeral}、{SECTION_BY_KEY[key].title}" for key in ("s2", "s3", "s4")}


@dataclass(frozen=True)
class Cell:
    """A label cell (``path`` None) or a value cell (``path`` names the figure, ``title`` says it in words)."""

    text: str = ""
    path: str | None = None
    colspan: int = 1
    rowspan: int = 1
    title: str = ""


@dataclass(frozen=True, eq=False)     # one per layout (``grid``), hashed by identity: a key of what is derived from it
class Grid:
    key: str                              # s2 | s3 | s4
    title: str
    rows: tuple[tuple[Cell, ...], ...]    # empty when the report has no such table

    @cached_property
    def paths(self) -> frozenset[str]:
        return frozenset(c.path for row in self.rows for c in row if c.path)


def _label(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text=text, colspan=colspan, rowspan=rowspan)


def _value(path: str, colspan: int = 1) -> Cell:
    return Cell(path=path, colspan=colspan, title=cell_label(path))


def layout_template(document: dict[str, Any]) -> str:
    """The layout to draw: the report's template, or v2021 for one the parser could not date."""
    template = document.get("template")
    return template if template in S2_ITEMS else "v2021"


# -- table 二: caption row 第二十条第（X）项 over each group of items, a header row, one row per item ------

def _widths(item: Item) -> list[int]:
    n = len(item.columns)
    return [1] * (n - 1) + [S2_VALUE_SLOTS - n + 1]


@cache     # a layout is the same for every report of its template: built once
def s2_rows(template: str) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = []
    caption = None
    for item in S2_ITEMS[template]:
        widths = _widths(item)
        if item.caption != caption:
            caption = item.caption
            rows.append((_label(caption, colspan=1 + S2_VALUE_SLOTS),))
            rows.append((_label(S2_CONTENT_HEADER),
                         *(_label(c.label, colspan=w) for c, w in zip(item.columns, widths))))
        rows.append((_label(item.label),
                     *(_value(f"s2.{item.key}.{c.key}", colspan=w) for c, w in zip(item.columns, widths))))
    return tuple(rows)


# -- table 三: three header rows, label columns merged as the official format prints them ----------------

def _s3_layout_rows(template: str, single_other: bool) -> tuple[Row, ...]:
    """The template's rows, except a 2021 report that keeps （六） as the single 2019 row."""
    rows = S3_ROWS[template]
    if single_other:
        rows = tuple(r for r in rows if not r.key.startswith("result.other."))
        at = next(i for i, r in enumerate(rows) if r.key == "result.total")
        rows = rows[:at] + (S3_ROW_BY_KEY["result.other"],) + rows[at:]
    return rows


def _single_other(s3: dict[str, Any], template: str) -> bool:
    return template == "v2021" and "result.other" in s3


def s3_rows(s3: dict[str, Any], template: str) -> tuple[tuple[Cell, ...], ...]:
    return _s3_grid(template, _single_other(s3, template))


@cache
def _s3_grid(template: str, single_other: bool) -> tuple[tuple[Cell, ...], ...]:
    org_columns = S3_COLUMNS[1:-1]
    grid: list[tuple[Cell, ...]] = [
        (_label(S3_CORNER_NOTE, colspan=S3_LABEL_SLOTS, rowspan=3),
         _label(S3_APPLICANT_HEADER, colspan=len(S3_COLUMNS))),
        (_label(S3_COLUMNS[0].label, rowspan=2), _label(S3_ORG_HEADER, colspan=len(org_columns)),
         _label(S3_COLUMNS[-1].label, rowspan=2)),
        tuple(_label(c.label) for c in org_columns),
    ]
    rows = _s3_layout_rows(template, single_other)
    results = [r for r in rows if r.key.startswith("result.")]
    group_sizes: dict[str, int] = {}
    for r in results:
        if r.group:
            group_sizes[r.group] = group_sizes.get(r.group, 0) + 1
    seen: set[str] = set()
    for row in rows:
        labels: list[Cell] = []
        if row is results[0]:
            labels.append(_label(S3_RESULTS_GROUP, rowspan=len(results)))
        if not row.key.startswith("result."):
            labels.append(_label(row.label, colspan=S3_LABEL_SLOTS))
        elif row.group is None:
            labels.append(_label(row.label, colspan=S3_LABEL_SLOTS - 1))
        else:
            if row.group not in seen:
                seen.add(row.group)
                labels.append(_label(row.group, rowspan=group_sizes[row.group]))
            labels.append(_label(row.label))
        grid.append((*labels, *(_value(f"s3.{row.key}.{c.key}") for c in S3_COLUMNS)))
    return tuple(grid)


# -- table 四: 行政复议 (5 columns) beside 行政诉讼 (two blocks of 5), one data row ---------------------------

@cache
def s4_rows() -> tuple[tuple[Cell, ...], ...]:
    review, *litigation = S4_BLOCKS
    width = len(S4_COLUMNS)
    return (
        (_label(review.label, colspan=width), _label(S4_LITIGATION_HEADER, colspan=width * len(litigation))),
        (*(_label(c.label, rowspan=2) for c in S4_COLUMNS), *(_label(b.label, colspan=width) for b in litigation)),
        tuple(_label(c.label) for _ in litigation for c in S4_COLUMNS),
        tuple(_value(f"s4.{b.key}.{c.key}") for b in S4_BLOCKS for c in S4_COLUMNS),
    )


@cache     # one grid per layout, so that what is derived from it (its paths, its markup) is derived once
def grid(key: str, template: str | None, single_other: bool = False) -> Grid:
    """Table ``key`` (s2 | s3 | s4) in ``template``'s layout; no rows for ``template`` None (a table the report
    lacks)."""
    if template is None:
        rows: tuple[tuple[Cell, ...], ...] = ()
    elif key == "s2":
        rows = s2_rows(template)
    elif key == "s3":
        rows = _s3_grid(template, single_other)
    else:
        rows = s4_rows()
    return Grid(key, TABLE_TITLES[key], rows)


def grids(document: dict[str, Any] | None) -> list[Grid]:
    """The three tables of a parsed report; a table the report lacks has no rows."""
    document = document or {}
    template = layout_template(document)
    single_other = document.get("s3") is not None and _single_other(document["s3"], template)
    return [grid(key, template if document.get(key) is not None else None, key == "s3" and single_other)
            for key in ("s2", "s3", "s4")]


def stray_cells(document: dict[str, Any] | None, tables: list[Grid]) -> dict[str, Any]:
    """Figures of the report that the official layout has no cell for (so a page can still show them)."""
    drawn = frozenset().union(*(g.paths for g in tables))
    return {path: value for path, value in flatten_figures(document).items() if path not in drawn}

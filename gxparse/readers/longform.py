"""A report's figures as open data in long form: a record per figure, as data portals (开放数据平台) publish the
annual reports' statistics: ``年度,单位名称,表格,项目,指标,数值`` → ``2023,某区人民政府,二、主动公开政府信息情况,
第二十条第（一）项/规章,本年制发件数,0``.

The header names the figure's column (数值, 数量, 值, value) last; the two fields before it are the row (项目:
its path, levels apart by ``/``) and the column (指标) of the figure's table, the one before those (表格, when
it varies) the table. Fields the same in every record (年度, 单位名称) are said once, as text (``年度：2023``).
The figures are put back into tables: under each table's name, a header row of the columns its rows use and
a row per item, its label the item's path joined; a header row again where the next rows use other columns
(table 二's blocks)."""

from __future__ import annotations

from gxparse.document import Line, lines_from_text
from gxparse.layout.grid import expand_spans, grid_lines
from gxparse.normalize import normalize_text

_VALUE_NAMES = frozenset({"数值", "数量", "值", "value", "取值", "指标值"})
_PATH_APART = "/"


def is_long_form(records: list[list[str]]) -> bool:
    """Whether the records are figures in long form: a header whose last field names the figure, every record
    as wide, at least 4 fields."""
    header = [normalize_text(f).strip().lower() for f in records[0]] if records else []
    return (len(header) >= 4 and header[-1] in _VALUE_NAMES
            and all(len(record) == len(header) for record in records[1:] if any(f.strip() for f in record)))


def long_form_lines(records: list[list[str]]) -> list[Line]:
    header = [normalize_text(f).strip() for f in records[0]]
    body = [[normalize_text(f).strip() for f in record] for record in records[1:] if any(f.strip() for f in record)]
    if not body:
        return []
    width = len(header)
    constant = [k for k in range(width - 3) if len({record[k] for record in body}) == 1]
    table_at = next((k for k in range(width - 4, -1, -1) if k not in constant), None)
    lines = [line for k in constant for line in lines_from_text(f"{header[k]}：{body[0][k]}")]
    tables = 0
    for name in dict.fromkeys(record[table_at] if table_at is not None else "" for record in body):
        rows = [r for r in body if table_at is None or r[table_at] == name]
        if name:
            lines += lines_from_text(name)
        tables += 1
        lines += grid_lines(expand_spans(_grid(header[-3], rows), f"表{tables}"), tables)
    return lines


def _grid(item: str, records: list[list[str]]) -> list[list[tuple[str, int, int]]]:
    """A table's records as grid rows: a header row where the columns change, a row per item."""
    items: dict[str, dict[str, str]] = {}
    for record in records:
        items.setdefault(record[-3], {})[record[-2]] = record[-1]
    rows: list[list[tuple[str, int, int]]] = []
    columns: list[str] | None = None
    for path, values in items.items():
        if list(values) != columns:
            columns = list(values)
            rows.append([(item, 1, 1)] + [(c, 1, 1) for c in columns])
        rows.append([(path.replace(_PATH_APART, ""), 1, 1)] + [(values[c], 1, 1) for c in columns])
    width = max(len(row) for row in rows)
    return [row + [("", 1, 1)] * (width - len(row)) for row in rows]

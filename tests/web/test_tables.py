"""The official layout as grids: every row as wide as the table, every figure of the JSON has its cell."""

from __future__ import annotations

import pytest

from gxparse.template import S3_COLUMNS, S3_ROWS
from monitor.archive.diff import CellChange, flatten_figures
from monitor.web.tablehtml import Marks, skeleton, table_html
from monitor.web.tables import grid, grids, s2_rows, s3_rows, s4_rows, stray_cells
from tests.monitor.conftest import seed_report


def widths(rows) -> list[int]:
    """The number of columns each row covers, counting cells that rows above span into it."""
    carried: list[int] = []          # rows still covered by rowspans from above, per spanning cell
    result = []
    for row in rows:
        spanning = sum(width for width, left in carried if left > 0)
        result.append(spanning + sum(c.colspan for c in row))
        carried = [(w, left - 1) for w, left in carried if left - 1 > 0]
        carried += [(c.colspan, c.rowspan - 1) for c in row if c.rowspan > 1]
    return result


@pytest.mark.parametrize("template", ["v2021", "v2019"])
def test_every_row_is_as_wide_as_its_table(template):
    s3 = {row.key: {} for row in S3_ROWS[template]}
    assert set(widths(s2_rows(template))) == {4}
    assert set(widths(s3_rows(s3, template))) == {3 + len(S3_COLUMNS)}
    assert set(widths(s4_rows())) == {15}


def test_a_2021_report_printing_the_single_other_row_gets_that_row():
    s3 = {row.key: {} for row in S3_ROWS["v2021"] if not row.key.startswith("result.other.")}
    s3["result.other"] = {}
    rows = s3_rows(s3, "v2021")
    paths = {c.path.rsplit(".", 1)[0] for row in rows for c in row if c.path}
    assert "s3.result.other" in paths and "s3.result.other.fee_unpaid" not in paths
    assert set(widths(rows)) == {10}


@pytest.mark.parametrize("seed", ["kaifeng_2021", "zhoukou_city_2021", "huangchuan_2021"])
def test_every_figure_of_a_real_report_has_a_cell(seed):
    report = seed_report(seed)
    tables = grids(report)
    drawn = frozenset().union(*(g.paths for g in tables))
    assert set(flatten_figures(report)) <= drawn
    assert stray_cells(report, tables) == {}


def test_a_missing_table_has_no_rows_and_unknown_cells_are_kept():
    report = seed_report("kaifeng_2021")
    report["s4"] = None
    report["s2"]["licensing"]["extra_column"] = 7
    tables = {g.key: g for g in grids(report)}
    assert tables["s4"].rows == () and tables["s3"].rows
    assert stray_cells(report, list(tables.values())) == {"s2.licensing.extra_column": 7}


def test_an_undated_template_is_drawn_as_v2021():
    report = seed_report("kaifeng_2021")
    report["template"] = "unknown"
    assert {g.key: bool(g.rows) for g in grids(report)} == {"s2": True, "s3": True, "s4": True}
    assert stray_cells(report, grids(report)) == {}


def test_a_table_is_written_with_its_marks_and_every_value_escaped():
    table = grid("s4", "v2021")
    values = {"s4.review.upheld": 3, "s4.review.corrected": "<b>1</b>", "s4.review.other": 2}
    marks = Marks(notes={"s4.review.upheld": [1, 2]}, severity={"s4.review.upheld": "error"},
                  changed={"s4.review.other": CellChange("s4.review.other", 1, 2)})
    newer = table_html(table, "b", values, marks)
    assert ('<td id="b-s4.review.upheld" class="fail fail-error" title="表四 行政复议 / 结果维持">\n'
            '<span class="value">3</span><a class="note" href="#b-s4-f1">1</a><a class="note" href="#b-s4-f2">2</a>'
            '</td>\n') in newer
    assert '<span class="value">&lt;b&gt;1&lt;/b&gt;</span>' in newer
    assert ('<td id="b-s4.review.other" class=" changed" title="表四 行政复议 / 其他结果">\n'
            '<del>1</del><span class="arrow">→</span><ins>2</ins></td>\n') in newer
    assert '<td id="a-s4.review.other" class=" changed" title="表四 行政复议 / 其他结果">\n<span class="value">2</span>' \
        in table_html(table, "a", values, marks)      # the older side shows its own figure
    assert '<td id="b-s4.review.total" class=" absent" title="表四 行政复议 / 总计">\n<span class="value">—</span></td>' \
        in newer


def test_a_layout_is_one_grid_whose_fixed_markup_is_written_once():
    report = seed_report("kaifeng_2021")
    assert [id(g) for g in grids(report)] == [id(g) for g in grids(seed_report("kaifeng_2021"))]
    assert skeleton(grid("s3", "v2021"), "v") is skeleton(grid("s3", "v2021"), "v")
    table = grid("s3", "v2021")
    html = table_html(table, "v", {}, Marks())
    assert html.count("<th") == sum(c.path is None for row in table.rows for c in row)
    assert html.count("<td") == len(table.paths) and html.endswith("</tbody>\n</table>\n</div>")

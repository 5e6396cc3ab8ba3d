"""Table 二's runs of figures under a column's name that follows one sub-table's caption (pdftotext writes a
sub-table's caption, its header and its first figures row by row): that sub-table's, though another prints the
same name (gxparse.tables.s2._s2_captioned_run)."""

from __future__ import annotations

from gxparse.extraction.cellstream import HeaderRun
from gxparse.normalize import label_key
from gxparse.document import lines_from_text
from gxparse.tables.s2 import _s2_captioned_run, _s2_under_caption_headers
from gxparse.template import S2_ITEMS
from tests.gxparse.extracted import EXTRACTED, document_truth, parsed_rendering


def test_a_run_under_a_captioned_header_shared_with_another_sub_table_is_read() -> None:
    """洪泽 2023 as pdftotext writes it: 第二十条第（五）项 / 信息内容 / 本年处理决定数量 / 550 / 行政许可; （六）'s
    本年处理决定数量 heads no run (its labels stand between), so the name alone heads one run for two sub-tables."""
    report = parsed_rendering(EXTRACTED / "pdftotext", "002_huaian_hongze_2023.published")
    assert report["s2"] == document_truth("002_huaian_hongze_2023")["s2"]


_HEADER = label_key("本年处理决定数量")
_CAPTION_5, _CAPTION_6 = label_key("第二十条第（五）项"), label_key("第二十条第（六）项")


def _cells(*runs: HeaderRun) -> dict[str, dict[str, str]]:
    cells: dict[str, dict[str, str]] = {}
    for run in runs:
        _s2_captioned_run(run, S2_ITEMS["v2021"], cells, {})
    return cells


def test_a_captioned_run_is_its_sub_tables_column() -> None:
    assert _cells(HeaderRun(_HEADER, ["4119", "195"], "", (_CAPTION_6, label_key("信息内容")))) == {
        "penalty": {"decisions": "4119"}, "coercion": {"decisions": "195"}}


def test_a_run_of_more_figures_than_its_sub_table_has_items_is_not_read_by_its_caption() -> None:
    assert _cells(HeaderRun(_HEADER, ["550", "12"], "", (_CAPTION_5,))) == {}


def test_a_run_after_two_captions_is_not_read_by_either() -> None:
    assert _cells(HeaderRun(_HEADER, ["550"], "", (_CAPTION_5, _CAPTION_6))) == {}


def test_a_run_under_a_name_its_captions_sub_table_lacks_is_not_read() -> None:
    assert _cells(HeaderRun(label_key("本年制发件数"), ["550"], "", (_CAPTION_5,))) == {}


def test_items_under_a_caption_and_a_header_naming_their_first_columns_are_read_in_those_columns() -> None:
    """A v2019 report printed with blank zeros as pdftotext writes it: （五）'s caption, 上一年项目数量 本年增/减 on
    one line, then 行政许可 / 34 / 2 / 其他对外管理服务事项 / 11 / 3; 处理决定数量's box comes apart later, twice
    (（五） and （六） alike: unread). （六） prints the same header line again (no running header: it names template
    columns only); （九）'s item prints a figure more than its one named column (39, 规范性文件's, under it): unread."""
    report = parsed_rendering(EXTRACTED / "pdftotext", "simsite-c00-2019.cms-blank")
    truth = document_truth("simsite-c00-2019")["s2"]
    for item in ("licensing", "other_services", "penalty", "coercion"):
        assert report["s2"][item] == truth[item] | {"decisions": None}
    assert report["s2"]["admin_fees"] == {"prev_items": 62, "delta_items": None}
    assert set(report["s2"]["central_procurement"].values()) == {None}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def _under_headers(text: str) -> dict[str, dict[str, str]]:
    return _s2_under_caption_headers(lines_from_text(text), S2_ITEMS["v2019"])


def test_a_sub_table_is_read_under_its_header_only_where_every_item_prints_a_figure_a_named_column() -> None:
    head = "第二十条第（五）项\n信息内容\n上一年项目数量 本年增/减\n"
    assert _under_headers(head + "行政许可\n34\n2\n其他对外管理服务事项\n11\n3\n") == {
        "licensing": {"prev_items": "34", "delta_items": "2"}, "other_services": {"prev_items": "11", "delta_items": "3"}}
    # a cell left blank: 其他对外管理服务事项 prints one figure, which column's nothing says
    assert _under_headers(head + "行政许可\n34\n2\n其他对外管理服务事项\n3\n") == {}
    # a header naming every column is the row grammar's; one not the template's first columns names none
    assert _under_headers("第二十条第（五）项\n上一年项目数量 本年增/减 处理决定数量\n行政许可\n34\n2\n5\n"
                          "其他对外管理服务事项\n11\n3\n6\n") == {}
    assert _under_headers("第二十条第（五）项\n本年增/减\n行政许可\n34\n其他对外管理服务事项\n11\n") == {}

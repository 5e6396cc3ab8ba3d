"""Table 二's runs of figures under a column's name that follows one sub-table's caption (pdftotext writes a
sub-table's caption, its header and its first figures row by row): that sub-table's, though another prints the
same name (gxparse.tables.s2._s2_captioned_run)."""

from __future__ import annotations

from gxparse.extraction.cellstream import HeaderRun
from gxparse.normalize import label_key
from gxparse.tables.s2 import _s2_captioned_run
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

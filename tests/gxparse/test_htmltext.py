"""Text that HTML-to-text tools write from the seeds', real reports' and simulated sites' report pages
(tests/fixtures/htmltext, see its README). No rendering gets an error its report does not deserve; figures are
read exactly, or left unread, never misplaced; the tools that keep a table's cells apart are read whole."""

from __future__ import annotations

from functools import lru_cache

import pytest

from gxparse.layout.boxtables import MAX_GRID_CELLS, unboxed
from tests.gxparse.extracted import HTMLTEXT, document_truth, parsed_rendering, table_cells as _cells

RENDERINGS = sorted(f"{p.parent.name}/{p.name.removesuffix('.txt')}" for p in HTMLTEXT.glob("*/*.txt"))
# tools that keep a table's cells apart (a cell per line, tab, space or pipe between cells, columns drawn)
READ_WHOLE = ("bs4-newline/", "bs4-strip/", "bs4-space/", "bs4-tab/", "html-text/", "html2text/", "markdownify/",
              "inscriptis/", "lynx/", "w3m/", "links/", "lxml-itertext/")
# 洪泽 2023's 表四 does not add up as printed: figures glued together are not split against it
PARTIAL = ("002_huaian_hongze_2023",)


def truth(rendering: str) -> dict:
    return document_truth(rendering.split("/")[1].rsplit(".", 1)[0], HTMLTEXT)


@lru_cache(maxsize=None)
def parsed(rendering: str) -> dict:
    return parsed_rendering(HTMLTEXT, rendering)


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_no_error_the_report_does_not_deserve(rendering):
    errors = {f["rule"] for f in parsed(rendering)["findings"] if f["severity"] == "error"}
    assert errors <= set(truth(rendering)["errors"])


@pytest.mark.parametrize("rendering", [r for r in RENDERINGS if r.startswith(READ_WHOLE)])
def test_every_cell_is_the_reports_figure(rendering):
    expected, got = _cells(truth(rendering)), _cells(parsed(rendering))
    wrong = {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value}
    assert not wrong, f"{rendering}: {len(wrong)} of {len(expected)} cells differ: {wrong}"


@pytest.mark.parametrize("rendering", [r for r in RENDERINGS if not r.startswith(READ_WHOLE)])
def test_figures_are_exact_or_unread(rendering):
    """lxml's text_content glues a row's cells (``行政许可36-22322``), pandoc and the article extractors leave tables
    out: what is read is the report's figure, what is not is said unread."""
    report = parsed(rendering)
    expected, got = _cells(truth(rendering)), _cells(report)
    named = {cell for f in report["findings"] if f["rule"] != "cell.blank" for cell in f["cells"]}
    wrong = {cell: (got[cell], value) for cell, value in expected.items()
             if got.get(cell) not in (None, value) and cell not in named}
    assert not wrong, f"{rendering}: figures read wrong that no finding names {wrong}"


# w3m draws a table's cells in box-drawing characters, a label wrapped a few characters a line beside its figures,
# a group label over the rows it spans
@pytest.mark.parametrize("rendering", ["w3m/kaifeng_2021.word", "w3m/002_huaian_hongze_2023.official",
                                       "w3m/simsite-hanweb-c00-2021.site"])
def test_tables_drawn_in_box_characters_are_read_a_row_between_rules(rendering):
    assert _cells(parsed(rendering)) == _cells(truth(rendering))


def test_a_box_drawn_row_is_one_line_of_its_cells_a_spanning_cell_in_its_first_row():
    text = ("┌────┬──────┬──┐\n"
            "│（三│1.属于│0 │\n"
            "│）不├──────┼──┤\n"
            "│予公│2.其他│12│\n"
            "│开  │      │  │\n"
            "└────┴──────┴──┘\n"
            "五、其他")
    assert unboxed(text).split("\n") == ["", "（三）不予公开\t1.属于\t0", "", "\t2.其他\t12", "", "", "五、其他"]


def test_a_line_cut_into_more_cells_than_a_table_has_is_left_as_it_is():
    wide = "│" + "0│" * (MAX_GRID_CELLS + 1)
    text = "\n".join(["┌──┐", wide, "└──┘"])
    assert unboxed(text) == text


# lxml's text_content runs a row's cells together: table 二's rows have no sums to split them by, and a change printed
# negative among them (行政处罚3-3360) is a row printed with figures, unread, never a row printed blank
@pytest.mark.parametrize("rendering", ["lxml/simsite-trs-c00-2020.site", "lxml/simsite-classic-c00-2019.site"])
def test_a_table_two_row_glued_with_a_negative_change_is_unread_not_blank(rendering):
    report = parsed(rendering)
    glued = {cell: None for cell in _cells(truth(rendering), ("s2",)) if not cell.startswith("s2.regulations.")}
    assert _cells(report, ("s2",)).items() >= glued.items()
    unread = {cell for f in report["findings"] if f["rule"] == "cell.unread" for cell in f["cells"]}
    assert {"s2.penalty.prev_items", "s2.penalty.delta_items", "s2.penalty.decisions"} <= unread


# lxml's itertext joined by spaces writes the whole page on a few lines: a line of more figures than any row is
# a page's text nodes run on, and so is every line of that text (section headings inside its prose)
@pytest.mark.parametrize("rendering", ["lxml-itertext/kaifeng_2021.official", "lxml-itertext/zhoukou_city_2021.word",
                                       "lxml-itertext/zhoukou_xinfang_2021.official"])
def test_text_nodes_run_on_by_spaces_are_read_a_node_a_cell(rendering):
    report = parsed(rendering)
    assert _cells(report) == _cells(truth(rendering))
    assert report["sections_present"] == ["s1", "s2", "s3", "s4", "s5", "s6"]


# a label ending in a closing quote with the row's figures glued to it (3.危及“三安全一稳定”0000000): the run is
# the row's, cut by the table's sums
@pytest.mark.parametrize("rendering", ["lxml/kaifeng_2021.official", "lxml/huangchuan_2021.official"])
def test_figures_glued_to_a_label_ending_in_a_quote_are_the_rows(rendering):
    row = "s3.result.denied.security_stability"
    assert _cells(parsed(rendering), ("s3",)).items() >= {k: v for k, v in _cells(truth(rendering), ("s3",)).items()
                                                         if k.startswith(row)}.items()


# lxml's text_content runs table 二's row 规章 0 0 0 together as 规章000: however its cells were left blank, three
# zeros are three cells of 0, the one reading (``tables.s2._s2_one_cut``); 规范性文件884 (8 8 4 or 88 4 or 8 84 …) has
# several and stays unread
@pytest.mark.parametrize("rendering", ["lxml/huangchuan_2021.official", "lxml/simsite-classic-c00-2019.site",
                                       "lxml/002_huaian_hongze_2023.official"])
def test_a_table_two_row_glued_with_one_reading_is_read(rendering):
    report = parsed(rendering)
    cells = _cells(report, ("s2",))
    assert {k: v for k, v in cells.items() if k.startswith("s2.regulations.")} == {
        k: v for k, v in _cells(truth(rendering), ("s2",)).items() if k.startswith("s2.regulations.")}
    assert {v for k, v in cells.items() if k.startswith("s2.normative_docs.")} == {None}
    repaired = [f for f in report["findings"] if f["rule"] == "row.repaired"
                and all(cell.startswith("s2.regulations.") for cell in f["cells"])]
    assert len(repaired) == 1 and "只有一种分法" in repaired[0]["message"]


# trafilatura and readability keep some pages' tables alone, without the section headings nor the title: a header
# row (信息内容 | 本年制发件数 | …, no figure in it) or a label a line (逾期不补正) still names the template
@pytest.mark.parametrize("rendering", ["trafilatura/002_huaian_hongze_2023.official",
                                       "trafilatura/003_huaian_hongze_2024.official",
                                       "readability/001_huaian_szf_2024.official"])
def test_the_tables_labels_name_the_template_when_no_heading_is_read(rendering):
    report = parsed(rendering)
    assert report["sections_present"] == []
    assert report["template"] == truth(rendering)["template"] == "v2021"


# pandoc -t plain writes a table with rowspans as [TABLE]: the warning says the text holds no figure of it (not
# that it may be a picture) and shows that line
@pytest.mark.parametrize("rendering", ["pandoc/kaifeng_2021.word", "pandoc/002_huaian_hongze_2023.word"])
def test_a_table_a_converter_wrote_as_a_placeholder_is_said_to_be_missing_from_the_text(rendering):
    report = parsed(rendering)
    assert report["s3"] is None
    [finding] = [f for f in report["findings"] if f["rule"] == "table.unread"]
    assert finding["severity"] == "warning" and "「[TABLE]」" in finding["message"]
    assert "图片" not in finding["message"]
    assert [e["text"] for e in finding["evidence"]][-1] == "[TABLE]"

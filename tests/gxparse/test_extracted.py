"""Text that PDF-to-text tools extract from real, seed and simulated reports' PDFs (tests/fixtures/extracted, see
its README): one cell per line (pdftotext, pdfminer.six, PyMuPDF) or a row per line (pdfplumber). No rendering
gets an error its report does not deserve; figures are read exactly, or left unread, never misplaced."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from gxparse import parse_document
from tests.gxparse.extracted import EXTRACTED, document_truth, parsed_rendering, table_cells as _cells

RENDERINGS = sorted(f"{p.parent.name}/{p.name.removesuffix('.txt')}" for p in EXTRACTED.glob("*/*.txt"))
# renderings that cannot be read whole: zhoukou_office prints table 四 under table 二 without a heading; 洪泽 2023's
# 表四 does not add up as printed, and figures a cell per line that break their sums are not read. (zhoukou_city's
# reportlab prints leave one column's zeros blank, rows one figure short: the rules across rows place them.)
PARTIAL = ("zhoukou_office_2021.", "002_huaian_hongze_2023")


def truth(rendering: str) -> dict:
    document = rendering.split("/")[1].rsplit(".", 1)[0]
    return document_truth(document)


@lru_cache(maxsize=None)
def parsed(rendering: str) -> dict:
    return parsed_rendering(EXTRACTED, rendering)


# the tools and options other projects use (freeze_extracted.TOOLS' last ten)
OTHER_TOOLS = ("pdftotext-raw/", "pypdf-layout/", "pdfplumber-flow/", "pdfplumber-words/", "pdfplumber-tables/",
               "pdfminer-all/", "pdfminer-vertical/", "pymupdf-words/", "pymupdf-dict/", "pymupdf-tables/")
READ_WHOLE = ("pdftotext-raw/", "pypdf-layout/", "pdfplumber-flow/", "pdfplumber-words/", "pymupdf-words/",
              "pymupdf-dict/", "pdfplumber-tables/")


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_no_error_the_report_does_not_deserve(rendering):
    errors = {f["rule"] for f in parsed(rendering)["findings"] if f["severity"] == "error"}
    assert errors <= set(truth(rendering)["errors"])


@pytest.mark.parametrize("rendering", [r for r in RENDERINGS if r.startswith(("pymupdf/", "pdfplumber/", *READ_WHOLE))
                                       and not r.split("/")[1].startswith(PARTIAL) and not r.endswith("-blank")])
def test_every_cell_is_the_reports_figure(rendering):
    expected, got = _cells(truth(rendering)), _cells(parsed(rendering))
    wrong = {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value}
    assert not wrong, f"{rendering}: {len(wrong)} of {len(expected)} cells differ: {wrong}"


@pytest.mark.parametrize("rendering", [
    r for r in RENDERINGS if r.startswith(("pdftotext/", "pdfminer/", "pypdf/", "pdfium/", "pymupdf-blocks/",
                                           "pdfminer-flow/", *OTHER_TOOLS))])
def test_figures_are_exact_or_unread(rendering):
    expected, got = _cells(truth(rendering)), _cells(parsed(rendering))
    wrong = {cell: (got[cell], value) for cell, value in expected.items() if got.get(cell) not in (None, value)}
    assert not wrong, f"{rendering}: misplaced figures {wrong}"


# pdfminer.six writes each cell of a reportlab table as a box of its own, a band of rows a column at a time (the
# two first rows, then the rest of the page), may put section 四's heading before the last columns of table 三,
# and joins the cell beside a row's label to the label's box (kaifeng, simsite-c01-2020)
@pytest.mark.parametrize("rendering", [f"pdfminer/{r}.reportlab" for r in
                                       ("simsite-c00-2019", "simsite-c00-2022", "simsite-c01-2024", "simsite-c01-2020",
                                        "kaifeng_2021")])
def test_table_three_printed_a_column_at_a_time_in_bands_is_read_whole(rendering):
    expected, got = _cells(truth(rendering), ("s3", "s4")), _cells(parsed(rendering), ("s3", "s4"))
    assert got == expected


# pdfminer.six without its boxes' reading order on LibreOffice's prints: boxes by their lower edge, so table 三's first
# rows before section 三's heading (its box joins the header cells), bands of rows a column's box at a time, first
# cells printed with their labels far from their rows; the first row's cells in the header box's order (solved by sums)
@pytest.mark.parametrize("rendering", [f"pdfminer-flow/{r}.libreoffice" for r in
                                       ("kaifeng_2021", "huangchuan_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021")])
def test_table_three_written_by_the_boxes_lower_edges_is_read_whole(rendering):
    assert _cells(parsed(rendering), ("s3",)) == _cells(truth(rendering), ("s3",))


# pdfminer.six on the real 洪泽 PDFs: the first band of rows a column at a time with the 总计 column before 其他
@pytest.mark.parametrize("rendering", ["pdfminer/003_huaian_hongze_2024.published", "pdfminer/002_huaian_hongze_2023.published"])
def test_table_three_bands_with_two_columns_exchanged_are_read_whole(rendering):
    assert _cells(parsed(rendering), ("s3",)) == _cells(truth(rendering), ("s3",))


# pdfminer.six on a CMS print: section 四's heading before table 三's figures, one of which (a row's first cell)
# the tool joined to its label's box in section 三; table 四's header words and figures after them
def test_table_three_spilled_into_section_four_past_a_figure_joined_to_its_label_is_read():
    rendering = "pdfminer/simsite-c01-2024.cms"
    assert _cells(parsed(rendering), ("s3", "s4")) == _cells(truth(rendering), ("s3", "s4"))


# the real 洪泽 2023 表四 adds up in no order of its figures: read as printed, its error found whatever the tool
@pytest.mark.parametrize("tool", ["pdftotext", "pdfminer", "pymupdf"])
def test_a_table_four_no_order_adds_up_is_the_reports_error(tool):
    report = parsed(f"{tool}/002_huaian_hongze_2023.published")
    assert _cells(report, ("s4",)) == _cells(truth(f"{tool}/002_huaian_hongze_2023.published"), ("s4",))
    assert "s4.block_sum" in {f["rule"] for f in report["findings"] if f["severity"] == "error"}


# pdftotext writes a row's figures under its label, but some labels elsewhere (the rows after them in one run)
def test_table_three_runs_holding_several_rows_are_laid_in_row_order():
    rendering = "pdftotext/huangchuan_2021.reportlab"
    assert _cells(parsed(rendering), ("s3",)) == _cells(truth(rendering), ("s3",))


# pdftotext's LibreOffice prints: the first rows' cells among the header words, tall rows near the end out of
# order, the rows between in order; the header word 其他 over a first figure is no v2021 row (c00-2019 is v2019)
@pytest.mark.parametrize("rendering", ["pdftotext/simsite-c00-2019.libreoffice", "pdftotext/simsite-c01-2024.libreoffice"])
def test_table_three_rows_in_order_between_jumbled_ends_are_read(rendering):
    expected, got = _cells(truth(rendering), ("s3",)), _cells(parsed(rendering), ("s3",))
    read = {cell for cell, value in got.items() if value is not None}
    assert len(read) >= len(expected) * 2 // 3 and all(got[cell] == expected[cell] for cell in read)


# the rows those readings leave (a jumbled head or tail) solved from the figures left by the table's sums alone
@pytest.mark.parametrize("rendering", ["pdftotext/simsite-c00-2022.libreoffice", "pdftotext/simsite-c01-2020.libreoffice",
                                       "pdftotext/zhoukou_city_2021.libreoffice"])
def test_table_three_rows_solved_from_the_figures_left_are_the_reports_and_named(rendering):
    report = parsed(rendering)
    solved = [cell for f in report["findings"] if f["rule"] == "cell.solved_by_sum" for cell in f["cells"]]
    expected, got = _cells(truth(rendering), ("s3",)), _cells(report, ("s3",))
    assert solved and all(got[cell] == expected[cell] for cell in solved)
    assert all(f["severity"] == "warning" for f in report["findings"] if f["rule"] == "cell.solved_by_sum")


def test_rows_the_sums_cannot_tell_apart_are_read_by_the_totals_the_prose_states():
    # pdftotext puts 新收 and 上年结转's cells among the column headers: R3.1 adds the two rows up alike, so the sums
    # alone let them trade figures (80 or 2 new); the prose states 新收 80 and 上年结转 2, which decides
    rendering = "pdftotext/simsite-c00-2022.libreoffice"
    expected = _cells(truth(rendering), ("s3",))
    rows = [f"s3.{row}.{col}" for row in ("new_received", "carried_over") for col in
            ("natural_person", "commercial_enterprise", "legal_service_org", "other_org", "total")]
    report = parsed(rendering)
    assert all(_cells(report, ("s3",))[cell] == expected[cell] for cell in rows)
    # the officer is told the prose decided them: a table that contradicts its prose goes unseen in these rows
    assert any("正文所述" in f["message"] for f in report["findings"] if f["rule"] == "cell.solved_by_sum")
    # prose that states neither reading decides nothing: the cells stay unread, never guessed
    text = (EXTRACTED / f"{rendering}.txt").read_text(encoding="utf-8")
    assert "申请 80 件，另有上年结转申请 2 件" in text
    other = text.replace("申请 80 件，另有上年结转申请 2 件", "申请 81 件，另有上年结转申请 1 件")
    report = parse_document(other.encode("utf-8"), "other.txt").to_dict()
    assert all(_cells(report, ("s3",))[cell] is None for cell in rows)
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_table_whose_stream_cannot_be_laid_is_said_unread_as_a_whole():
    # pdfminer.six's boxes of a LibreOffice print come in an order no reading of bands lays into the rows
    report = parsed("pdfminer/simsite-c00-2022.libreoffice")
    unread = [f for f in report["findings"] if f["rule"] == "table.unread"]
    assert report["s3"] is None and unread and all(f["severity"] == "warning" for f in unread)
    assert not [f for f in report["findings"] if f["rule"] == "cell.unread" and f["cells"][0].startswith("s3.")]


# rows every other reading left, tiled from pdftotext's boxes with the rows read kept (gxparse.arithmetic.tiling): cells read
# only where every tiling agrees, each named as solved by the sums (before the tiling: 126 and 119 cells)
@pytest.mark.parametrize(("rendering", "at_least"), [("pdftotext/simsite-c01-2020.libreoffice", 145),
                                                     ("pdftotext/simsite-c00-2019.libreoffice", 139)])
def test_table_three_rows_left_unread_are_tiled_from_the_tools_boxes(rendering, at_least):
    report = parsed(rendering)
    expected, got = _cells(truth(rendering), ("s3",)), _cells(report, ("s3",))
    read = {cell for cell, value in got.items() if value is not None}
    solved = {cell for f in report["findings"] if f["rule"] == "cell.solved_by_sum" for cell in f["cells"]}
    assert len(read) >= at_least and all(got[cell] == expected[cell] for cell in read) and solved <= read


# pdftotext on reportlab prints leaving one column's zeros blank (borderless: no rules either): fewer figures than
# cells, each row's under its label, but a sparse column's figures and long ones written as blocks of their own
# (gxparse.arithmetic.multiset.solve_blank_rows), a run under a label holding the figures of the rows after it whose
# labels were printed apart: cells read only where every placement agrees, named as solved by the sums (before:
# 129, 126, 140, 98 and 74 cells of table 三; with each run one row's: 155, 141, 175, 144 and none)
@pytest.mark.parametrize(("rendering", "at_least"), [("pdftotext/huangchuan_2021.borderless", 155),
                                                     ("pdftotext/kaifeng_2021.borderless", 163),
                                                     ("pdftotext/zhoukou_xinfang_2021.borderless", 175),
                                                     ("pdftotext/zhoukou_city_2021.reportlab", 167),
                                                     ("pdftotext/zhoukou_city_2021.borderless", 137)])
def test_table_three_with_blank_zeros_and_figures_apart_from_their_rows_is_solved_by_its_sums(rendering, at_least):
    report = parsed(rendering)
    expected, got = _cells(truth(rendering), ("s3",)), _cells(report, ("s3",))
    read = {cell for cell, value in got.items() if value is not None}
    solved = {cell for f in report["findings"] if f["rule"] == "cell.solved_by_sum" for cell in f["cells"]}
    assert len(read) >= at_least and all(got[cell] == expected[cell] for cell in read) and solved and solved <= read


# pdftotext on a LibreOffice print puts section 三's heading (and its header words) before table 二's last column,
# 现行有效件数 over its two figures: read under its header in section 三 (gxparse.tables.s2.s2_trail)
def test_table_two_column_printed_after_section_three_heading_is_read_under_its_header():
    rendering = "pdftotext/simsite-c01-2024.libreoffice"
    assert _cells(parsed(rendering), ("s2",)) == _cells(truth(rendering), ("s2",))


# pdftotext on a narrow print: each item's figures right under its label (a label wrapped around them, its rest
# printed after: 行政规范性文 / 134 / 262 / 件), the 现行有效件数 column apart under its header after the labels: read
# where every figure stands in one such run and they fill every item (gxparse.tables.s2._s2_labels_and_headers)
@pytest.mark.parametrize("rendering", [f"pdftotext/{d}.narrow" for d in
                                       ("kaifeng_2021", "huangchuan_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021")])
def test_table_two_items_under_their_labels_and_a_column_under_its_header_are_read(rendering):
    assert _cells(parsed(rendering), ("s2",)) == _cells(truth(rendering), ("s2",))


# pdftotext on a CMS page printed in large type: rows on the second page print their labels (with their first
# figure, or alone) and then their figures after the page's labels, row after row (gxparse.extraction.tailrows); where the
# last two rows come a block at a time, they are solved by the sums
@pytest.mark.parametrize("rendering", [f"pdftotext/{r}.cms-large" for r in
                                       ("kaifeng_2021", "zhoukou_city_2021", "huangchuan_2021", "zhoukou_xinfang_2021",
                                        "simsite-c00-2022", "simsite-c01-2024")])
def test_table_three_rows_printed_after_their_labels_are_read_whole(rendering):
    report = parsed(rendering)
    assert _cells(report, ("s3",)) == _cells(truth(rendering), ("s3",))
    if rendering.startswith(("pdftotext/kaifeng", "pdftotext/zhoukou_city")):
        assert any(f["rule"] == "cell.solved_by_sum" for f in report["findings"])


def test_table_four_headers_wrapped_over_lines_place_a_short_row():
    """pdfplumber's layout text of a narrow table 四 whose zeros are blank: its column headers wrapped (结果 / 维持)
    and split over two lines (the litigation blocks lower), their places still say whose each figure is."""
    rendering = "pdfplumber-layout/simsite-c01-2020.libreoffice-blank"
    assert parsed(rendering)["s4"] == truth(rendering)["s4"]


def test_table_four_printed_all_blank_is_read_as_blank_zeros():
    rendering = "pdfplumber-layout/zhoukou_xinfang_2021.reportlab-blank"
    assert parsed(rendering)["s4"] == truth(rendering)["s4"]
    blank = [f for f in parsed(rendering)["findings"] if f["rule"] == "cell.blank" and "表四" in f["message"]]
    assert len(blank) == 3


def test_table_four_without_figures_after_a_cell_stream_is_not_read_as_blank():
    """Where table 三 came a cell per line, table 四's figures may stand anywhere: no figure under its header is
    no evidence that it is blank."""
    seed = (EXTRACTED.parent / "seeds" / "kaifeng_2021.txt").read_text(encoding="utf-8")
    start, end = seed.index("(本列数据的勾稽关系"), seed.index("四、政府信息公开行政复议")
    figures = seed[end:].split("\n")[5]
    text = seed[:start] + seed[start:end].replace("\t", "\n") + seed[end:].replace(figures, "")
    assert parse_document(text.encode(), "kaifeng.txt").to_dict()["s4"] is None


def test_rows_printed_blank_with_labels_wrapped_among_others_are_blank_rows():
    """Narrow label cells wrapped side by side print a blank row's label in pieces among its neighbours' (（三）不
    1.属于国 予公开 家秘密): a row printed without figures, read as zeros where every figure stands under a row and
    the table's rules hold, which lets the rules place the other rows' figures too."""
    rendering = "pdfplumber-layout/simsite-c01-2020.libreoffice-blank"
    report = parsed(rendering)
    assert _cells(report, ("s3",)) == _cells(truth(rendering), ("s3",))
    (placed,) = [f for f in report["findings"] if f["rule"] == "cell.placed_by_sum"]
    assert "1.属于国家秘密" in placed["message"]


@pytest.mark.parametrize("printer", ["reportlab", "libreoffice", "borderless"])
def test_table_four_without_heading_is_read_under_its_column_headers(printer):
    """zhoukou_office prints table 四 right under table 二 with no heading: PyMuPDF writes its header words, then its
    figures a cell per line."""
    rendering = f"pymupdf/zhoukou_office_2021.{printer}"
    report = parsed(rendering)
    assert report["s4"] == truth(rendering)["s4"]
    assert any(f["rule"] == "section.heading_missing" and "表四" in f["message"] for f in report["findings"])


def test_a_run_of_zeros_is_that_many_zero_cells():
    """The seed's tab-separated text printed as it stands: pdftotext writes the tabs as nothing, a row of zeros
    as 0000000 and table 四 as 000000000000000; counts never print a leading zero, so each 0 is a cell."""
    rendering = "pdftotext-layout/zhoukou_xinfang_2021.textview"
    report = parsed(rendering)
    assert _cells(report, ("s3", "s4")) == _cells(truth(rendering), ("s3", "s4"))


# pdfminer.six's detect_vertical on the real published PDFs of 洪泽: table 三 a column's boxes at a time, its total
# column (总计) the third of the seven (cellstream._band_readings, the last column printed before others)
@pytest.mark.parametrize("rendering", [f"pdfminer-vertical/{r}.published" for r in
                                       ("002_huaian_hongze_2023", "003_huaian_hongze_2024")])
def test_table_three_whose_total_column_comes_before_others_is_read_whole(rendering):
    assert _cells(parsed(rendering), ("s3",)) == _cells(truth(rendering), ("s3",))


# pdfminer.six's detect_vertical on 淮安市 2024's published PDF: table 三's first page of figures before section 三's
# heading among the table's own labels, table 二's last sub-tables (labels and figures) right after the heading
# (gxparse.layout.strayfigures, s3._past_heading)
def test_table_three_whose_first_figures_come_before_its_heading_is_read_whole():
    rendering = "pdfminer-vertical/001_huaian_szf_2024.published"
    assert _cells(parsed(rendering), ("s3", "s4")) == _cells(truth(rendering), ("s3", "s4"))


# pdfminer.six's detect_vertical on the seeds' reportlab prints: table 四's figures, each after its header words,
# before section 四's heading, so section 三 holds 15 figures more than table 三 has cells (tables.s4.s4_before_heading)
@pytest.mark.parametrize("rendering", [f"pdfminer-vertical/{r}.reportlab" for r in
                                       ("kaifeng_2021", "zhoukou_xinfang_2021")])
def test_table_three_before_table_four_written_ahead_of_its_heading_is_read_whole(rendering):
    assert _cells(parsed(rendering), ("s3",)) == _cells(truth(rendering), ("s3",))


# pdfminer.six's default boxes on a CMS page printed in large type: table 三 a page at a time, each page's column
# runs in the order the tool grouped them (kaifeng's first page 法律服务机构, 其他, 总计, then 自然人 …; simsite-c01-2020's
# second page 自然人 last), the header words in an order of their own, and the first cells of the rows whose labels
# end a page's label column printed right after those labels (extraction.pagebands): read whole, the columns' order
# said to be the template's or the arithmetic's
@pytest.mark.parametrize("rendering", [f"pdfminer/{r}.cms-large" for r in
                                       ("kaifeng_2021", "simsite-c00-2022", "simsite-c01-2020", "simsite-c01-2024",
                                        "zhoukou_city_2021")])
def test_table_three_whose_pages_come_a_column_run_at_a_time_in_any_order_is_read_whole(rendering):
    report = parsed(rendering)
    assert _cells(report, ("s3",)) == _cells(truth(rendering), ("s3",))
    assert any(f["rule"] == "cell.columns_by_position" for f in report["findings"])


# pdfminer.six's default boxes on kaifeng's CMS page on one A3 page: the column runs of the one band in an order of
# the tool's own (法律服务机构, 其他, 总计, 商业企业 …, 自然人's last rows last), whose columns no rule across rows tells
# apart: the rows every order keeping the sums gives alike are read (each run's figure the same, 18 of 25 rows)
def test_table_three_whose_one_page_comes_a_column_run_at_a_time_reads_the_rows_every_order_agrees_on():
    rendering = "pdfminer/kaifeng_2021.cms"
    report = parsed(rendering)
    expected = _cells(truth(rendering), ("s3",))
    got = {cell: value for cell, value in _cells(report, ("s3",)).items() if value is not None}
    assert len(got) == 18 * 7 and all(expected[cell] == value for cell, value in got.items())
    assert any(f["rule"] == "cell.columns_by_position" for f in report["findings"])


# pdfminer.six's default boxes on huangchuan's reportlab print: table 三 a page at a time, each page's rows a column
# at a time (a figure joined to its row's label), the first page one cell short (the print leaves 予以公开's second
# cell out), the second page's last two rows' boxes apart: the page bands and the sums read it (extraction.pagebands)
@pytest.mark.parametrize("rendering", [f"{tool}/huangchuan_2021.reportlab"
                                       for tool in ("pdfminer", "pdfminer-all", "pdfminer-vertical")])
def test_table_three_written_a_page_at_a_time_a_column_at_a_time_is_read_whole(rendering):
    assert _cells(parsed(rendering), ("s3",)) == _cells(truth(rendering), ("s3",))
    solved = [f for f in parsed(rendering)["findings"] if f["rule"] == "cell.solved_by_sum"]
    assert any("s3.result.granted.commercial_enterprise" in f["cells"] for f in solved)


# pdfminer.six's detect_vertical on the seeds' reportlab prints: table 四 written right to left before section 四's
# heading, each figure a box right after a box of its column's whole header (结 果 维 持 / 9). The pieces place each
# figure's column, the blocks' sums and the totals the prose states (开封: 行政复议25件, 直接起诉14件, 复议后起诉17件)
# its block (extraction.s4boxes); where two blocks trade figures keeping their sums (开封's 纠正/尚未审结 4+1 or 5+0)
# or nothing names a block (潢川), the cells stay unread and named
_S4_TRADED = {f"s4.{block}.{column}" for block in ("litigation_direct", "litigation_after_review")
              for column in ("corrected", "pending")}
_S4_NO_BLOCK = {f"s4.{block}.{column}" for block in ("review", "litigation_direct", "litigation_after_review")
                for column in ("upheld", "corrected", "other", "total")}


@pytest.mark.parametrize(("rendering", "unread"), [("pdfminer-vertical/zhoukou_xinfang_2021.reportlab", set()),
                                                   ("pdfminer-vertical/kaifeng_2021.reportlab", _S4_TRADED),
                                                   ("pdfminer-vertical/huangchuan_2021.reportlab", _S4_NO_BLOCK)])
def test_table_four_figures_after_their_column_headers_are_placed_by_them_and_the_sums(rendering, unread):
    report = parsed(rendering)
    expected, got = _cells(truth(rendering), ("s4",)), _cells(report, ("s4",))
    assert {cell for cell, value in got.items() if value is None} == unread
    assert all(got[cell] == value for cell, value in expected.items() if cell not in unread)
    assert unread <= {cell for f in report["findings"] if f["rule"] == "cell.unread" for cell in f["cells"]}


def _kaifeng_vertical_s4_pieces_moved(moved: str) -> dict:
    """开封's detect_vertical rendering with table 四's header pieces moved (``after``: each after its figure;
    ``both``: one more after each figure that had none after it, so every figure has one on both sides), parsed."""
    text = (EXTRACTED / "pdfminer-vertical/kaifeng_2021.reportlab.txt").read_text(encoding="utf-8")
    at = text.index("总 计\n\n17\n\n")
    if moved == "after":
        pairs = re.compile(r"(总 计|尚 未 审 结|其 他 结 果|结 果 纠 正|结 果 维 持)\n\n(\d+)\n\n")
        table, count = pairs.subn(r"\2\n\n\1\n\n", text[at:])
        assert count == 15
    else:
        table = text[at:].replace("5\n\n行政复议", "5\n\n总 计\n\n行政复议", 1).replace(
            "25\n\n行政诉讼", "25\n\n结 果 维 持\n\n行政诉讼", 1)
        assert table.count("总 计") == 4 and table.count("结 果 维 持") == 4
    return parse_document((text[:at] + table).encode("utf-8"), f"{moved}.txt").to_dict()


@pytest.mark.parametrize("moved", ["after", "both"])
def test_table_four_header_pieces_on_the_figures_other_side_place_nothing(moved):
    # which side a piece stands on is in doubt where the first figure has none before it, or every figure has one
    # on both sides: no piece places a figure, and no other reading does
    report = _kaifeng_vertical_s4_pieces_moved(moved)
    assert all(value is None for value in _cells(report, ("s4",)).values())


# pypdf and pdfium write table 四's row a line, but a narrow cell's wrapped tail (18 as 1 / 8), printed a little
# lower, on a line of its own between the row's pieces (3 0 0 0 3 1 / 8 / 5 1 0 2 / 4 / 7 0 0 0 7): joined, not
# dropped as a figure too many (which adds up too: …, 1, 1, 0, 2, 4, …); said as a repair
@pytest.mark.parametrize("rendering", ["pypdf/huangchuan_2021.narrow", "pdfium/huangchuan_2021.narrow"])
def test_table_four_tails_alone_between_the_rows_pieces_are_joined(rendering):
    report = parsed(rendering)
    assert _cells(report, ("s4",)) == _cells(truth(rendering), ("s4",))
    assert any(f["rule"] == "row.repaired" and "s4.litigation_direct.upheld" in f["cells"] for f in report["findings"])


# pdfium prints a narrow label cell's lines around its row's figures (5.属 / 于三类内部事 / 2000002 / 务信息): the
# label line opening item 5 ends the row before it, whose figures are never joined with item 5's (2000002 twice
# adds up as one row printed short)
def test_figures_after_an_item_numbers_first_label_line_are_that_items():
    rendering = "pdfium/zhoukou_city_2021.narrow"
    got, expected = _cells(parsed(rendering), ("s3",)), _cells(truth(rendering), ("s3",))
    rows = [cell for cell in expected if cell.startswith(("s3.result.denied.third_party.",
                                                          "s3.result.denied.internal_affairs."))]
    assert rows and all(got[cell] == expected[cell] for cell in rows)

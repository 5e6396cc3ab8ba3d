"""A row whose label's cell also holds its figures: a converter merged the cells (``行政处罚 12`` in one tab or pipe
cell, ``<td>行政处罚 12</td>`` before an empty one, a Word cell), or a text reader took CSV fields for one word
(``行政处罚,12,``; ``行政事业性收费,"144 4399`` / ``.",``, a quoted field of PyMuPDF's ``find_tables`` in a fragment too
short to be read as CSV). The figures are the row's, read where they are as many as its cells, else the row is
unread: never a row printed blank (0 under ``cell.blank``), never the figure after the quote alone (``rows``)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.cells import holds_figures, trailing_figures
from simsite.render import render_report_html
from tests.gxparse.formats.make_docx import write_docx
from tests.gxparse.formats.plan import Block, ReportPlan, TablePlan, report_plan
from tests.gxparse.seeds import SEED_DIR, report_dict
from tests.gxparse.test_markdown import FIXTURES

HEADING = "二、主动公开政府信息情况\n"
ROWS = {   # kaifeng_2021's rows of table 二 as the seed prints them, and their cells
    "penalty": ("行政处罚\t10582\t\t", "decisions", 10582),
    "admin_fees": ("行政事业性收费\t8937.0276\t\t", "amount_wan_yuan", "8937.0276"),
    "regulations": ("规章\t1\t0\t4", None, {"issued": 1, "repealed": 0, "in_force": 4}),
}


def _text(key: str, printed: str, heading: bool = True) -> bytes:
    seed = (SEED_DIR / "kaifeng_2021.txt").read_text(encoding="utf-8")
    assert ROWS[key][0] in seed and HEADING in seed
    seed = seed.replace(ROWS[key][0], printed)
    return (seed if heading else seed.replace(HEADING, "")).encode()


def _s2(data: bytes, source: str) -> tuple[dict, dict[str, set[str]]]:
    report = parse_document(data, source).to_dict()
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    rules: dict[str, set[str]] = {}
    for finding in report["findings"]:
        for cell in finding["cells"]:
            rules.setdefault(cell, set()).add(finding["rule"])
    return report["s2"], rules


def _assert_read(s2: dict, rules: dict[str, set[str]], key: str) -> None:
    _, column, figure = ROWS[key]
    assert s2[key] == ({column: figure} if column else figure)
    assert not any(cell.startswith(f"s2.{key}.") for cell in rules)


def _assert_unread(s2: dict, rules: dict[str, set[str]], key: str) -> None:
    _, column, _ = ROWS[key]
    assert s2[key][column] is None
    assert "cell.unread" in rules[f"s2.{key}.{column}"]


@pytest.mark.parametrize("heading", [True, False], ids=["heading", "no-heading"])
@pytest.mark.parametrize(("key", "printed"), [
    ("penalty", "行政处罚 10582\t\t"),                      # a tab cell holding the label and the figure
    ("admin_fees", "行政事业性收费 8937.0276\t\t"),
    ("penalty", "行政处罚,10582,"),                          # CSV fields among text lines
    ("admin_fees", "行政事业性收费,8937.0276,,"),
    ("regulations", "规章 1 0 4\t\t"),                       # as many figures as the row's cells, in order
], ids=["tab-count", "tab-amount", "csv-count", "csv-amount", "tab-three"])
def test_figures_in_a_tab_or_csv_label_cell_are_the_rows(key, printed, heading):
    _assert_read(*_s2(_text(key, printed, heading), "k.txt"), key)


@pytest.mark.parametrize("heading", [True, False], ids=["heading", "no-heading"])
@pytest.mark.parametrize(("key", "printed"), [
    ("admin_fees", "行政事业性收费 8937 0276\t\t"),             # its point lost: two figures for one cell
    ("admin_fees", '行政事业性收费,"8937 0276\n.",'),          # PyMuPDF's quoted field, the point on its own line
    ("admin_fees", '行政事业性收费,"8937 0276\n.",,'),
], ids=["tab-two-figures", "csv-quoted", "csv-quoted-wide"])
def test_figures_in_a_label_cell_more_than_its_cells_leave_the_row_unread(key, printed, heading):
    s2, rules = _s2(_text(key, printed, heading), "k.txt")
    _assert_unread(s2, rules, key)


@pytest.mark.parametrize("heading", [True, False], ids=["heading", "no-heading"])
@pytest.mark.parametrize("printed", ['行政事业性收费,"144 4399\n.",', '行政事业性收费,"144 4399\n.",,'])
def test_a_quoted_field_is_never_read_as_its_last_figure_alone(printed, heading):
    """huangchuan_2021's fee as PyMuPDF's find_tables writes it (144.4399, tests/fixtures/extracted/pymupdf-tables),
    among text lines: the quote glued ``"144`` to the label, and 4399 was read as the fee with no finding."""
    seed = (SEED_DIR / "huangchuan_2021.txt").read_text(encoding="utf-8")
    fee = "行政事业性收费\t144.4399\t\t"
    assert fee in seed
    seed = seed.replace(fee, printed)
    s2, rules = _s2((seed if heading else seed.replace(HEADING, "")).encode(), "h.txt")
    assert s2["admin_fees"] == {"amount_wan_yuan": None}
    assert "cell.unread" in rules["s2.admin_fees.amount_wan_yuan"]


def test_three_cells_with_two_figures_in_the_label_cell_are_unread():
    s2, rules = _s2(_text("regulations", "规章 1 0\t\t"), "k.txt")
    assert s2["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert "cell.unread" in rules["s2.regulations.issued"]


@pytest.mark.parametrize("printed", ["行政处罚 10582 （注）\t\t", "行政处罚 10582（注）\t\t"])
def test_a_label_cell_holding_a_figure_before_a_note_is_no_row_printed_blank(printed):
    """The label ends in no figure (a note follows it), so no cell reads the figure: the row is unread, never 0."""
    s2, rules = _s2(_text("penalty", printed, heading=False), "k.txt")
    _assert_unread(s2, rules, "penalty")


def test_a_label_alone_is_still_a_row_printed_blank():
    """Guard: a row whose cells are empty and whose label holds no figure is read as blank zeros (passes before)."""
    s2, rules = _s2(_text("penalty", "行政处罚\t\t\t"), "k.txt")
    assert s2["penalty"] == {"decisions": 0}
    assert "cell.blank" in rules["s2.penalty.decisions"]


@pytest.mark.parametrize(("label", "figure"), [("行政处罚", "10582"), ("行政事业性收费", "8937.0276")])
def test_html_label_cell_holding_the_figure_before_an_empty_cell(label, figure):
    page = render_report_html(report_dict("kaifeng_2021"))
    printed = f'<td>{label}</td><td colspan="3">{figure}</td>'
    assert printed in page
    page = page.replace(printed, f'<td>{label} {figure}</td><td colspan="3"></td>')
    key = next(k for k, (row, _, _) in ROWS.items() if row.startswith(label + "\t"))
    _assert_read(*_s2(page.encode(), "k.html"), key)


def test_html_label_cell_holding_two_figures_for_one_cell_is_unread():
    page = render_report_html(report_dict("kaifeng_2021")).replace(
        '<td>行政事业性收费</td><td colspan="3">8937.0276</td>', '<td>行政事业性收费 8937 0276</td><td colspan="3"></td>')
    _assert_unread(*_s2(page.encode(), "k.html"), "admin_fees")


def test_markdown_pipe_cell_holding_the_label_and_an_amount():
    markdown = (FIXTURES / "markdown" / "kaifeng_2021.markitdown-docx.md").read_text(encoding="utf-8")
    printed = "| 行政事业性收费 | 8937.0276 | | |"
    assert printed in markdown
    markdown = markdown.replace(printed, "| 行政事业性收费 8937.0276 | | | |")
    _assert_read(*_s2(markdown.encode(), "k.md"), "admin_fees")


@pytest.mark.parametrize("printed", ["| 行政事业性收费 8937 0276 | | | |", "| 行政事业性收费 | 8937 0276 | | |",
                                     "| 行政事业性收费 8937 0276 |"])
def test_markdown_amount_broken_at_its_point_is_unread_never_its_first_piece(printed):
    """0276 is led by a zero, which no figure prints: a piece of the amount, never a speck left out (it read 8937
    under row.repaired)."""
    markdown = (FIXTURES / "markdown" / "kaifeng_2021.markitdown-docx.md").read_text(encoding="utf-8")
    whole = "| 行政事业性收费 | 8937.0276 | | |"
    assert whole in markdown
    _assert_unread(*_s2(markdown.replace(whole, printed).encode(), "k.md"), "admin_fees")


def _merged_docx(label: str, figure: str, path: Path) -> bytes:
    """kaifeng_2021 as a Word file whose row ``label`` prints its figure in the label's cell, its own cell empty."""
    blocks = []
    for block in report_plan("kaifeng_2021").blocks:
        if block.table is not None and block.table.key == "s2":
            table = block.table
            row = next(c.row for c in table.cells if c.text == label)
            cells = [replace(c, text=f"{label} {figure}") if c.row == row and c.text == label
                     else replace(c, text="") if c.row == row and c.text == figure else c for c in table.cells]
            block = Block(block.kind, block.text, TablePlan(table.key, cells, table.n_rows, table.n_cols,
                                                            table.header_rows))
        blocks.append(block)
    return write_docx(ReportPlan("kaifeng_2021", blocks), path).read_bytes()


@pytest.mark.parametrize(("key", "label", "figure"), [("penalty", "行政处罚", "10582"),
                                                       ("admin_fees", "行政事业性收费", "8937.0276")])
def test_docx_label_cell_holding_the_figure_before_an_empty_cell(key, label, figure, tmp_path):
    _assert_read(*_s2(_merged_docx(label, figure, tmp_path / "k.docx"), "k.docx"), key)


@pytest.mark.parametrize(("label", "head", "figures"), [
    ("行政事业性收费 144 4399", "行政事业性收费", ("144", "4399")),
    ('行政事业性收费,"144', "行政事业性收费", ("144",)),
    ("行政处罚,12,", "行政处罚", ("12",)),
    ("本年增/减 -3", "本年增/减", ("-3",)),
    ("（三）不予公开 1.", "（三）不予公开 1.", ()),          # an item number is no figure
    ("1.属于国家秘密", "1.属于国家秘密", ()),
    ("行政处罚,,", "行政处罚,,", ()),
    ("第二十条第（一）项", "第二十条第（一）项", ()),
])
def test_trailing_figures_are_the_figures_a_label_ends_in(label, head, figures):
    read = trailing_figures(label)
    assert (read.label, read.figures) == (head, figures)


@pytest.mark.parametrize(("text", "holds"), [
    ("行政处罚 12 （注）", True), ("行政处罚 12（注）", True), ("规章 1，0，4", True), ('行政处罚,"12', True),
    ("1.属于国家秘密", False), ("（三）不予公开 1.属于", False), ("第二十条第（一）项", False),
    ("本年收费金额（单位：万元，保留4位小数）", False), ("行政处罚12", False),
])
def test_a_label_holds_figures_where_one_is_set_off_in_it(text, holds):
    assert holds_figures(text) is holds


def test_trailing_figures_are_found_in_linear_time():
    label = " 1" * 200_000 + " 行政处罚" + ",2" * 200_000
    start = time.process_time()
    assert trailing_figures(label).count == 200_000
    assert not trailing_figures(label + "x").figures
    assert time.process_time() - start < 2


def _with_line(seed: str, printed: str, replacement: str) -> dict:
    text = (SEED_DIR / f"{seed}.txt").read_text(encoding="utf-8")
    assert printed in text
    report = parse_document(text.replace(printed, replacement).encode(), f"{seed}.txt").to_dict()
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    return report


def _rules_of(report: dict, prefix: str) -> set[str]:
    return {f["rule"] for f in report["findings"] for cell in f["cells"] if cell.startswith(prefix)}


def _unread_quotes(report: dict, prefix: str) -> list[str]:
    return [f["message"] for f in report["findings"]
            if f["rule"] == "cell.unread" and any(cell.startswith(prefix) for cell in f["cells"])]


GRANTED = "三、本年度办理结果\t(一) 予以公开\t\t414\t0\t0\t0\t20\t2\t436\t"   # kaifeng_2021's table 三
S3_GRANTED = {"natural_person": 414, "commercial_enterprise": 0, "research_institution": 0, "social_welfare_org": 0,
              "legal_service_org": 20, "other_org": 2, "total": 436}


def test_table_three_row_printed_in_its_label_cell_is_read_in_order():
    """Guard: seven figures in the label's cell before empty cells are the row's (passes before)."""
    report = _with_line("kaifeng_2021", GRANTED, "三、本年度办理结果\t(一) 予以公开 414 0 0 0 20 2 436" + "\t" * 9)
    assert report["s3"]["result.granted"] == S3_GRANTED
    assert not _rules_of(report, "s3.result.granted.")


def test_table_three_row_short_in_its_label_cell_is_unread_quoting_its_figures_as_printed():
    """Four figures for seven cells (zeros left out): unread, quoted as printed (``tableread.as_listed`` joined them by
    commas before: ``414,20,2,436``)."""
    report = _with_line("kaifeng_2021", GRANTED, "三、本年度办理结果\t(一) 予以公开 414 20 2 436" + "\t" * 9)
    assert set(report["s3"]["result.granted"].values()) == {None}
    quotes = _unread_quotes(report, "s3.result.granted.")
    assert quotes and all("(一) 予以公开 414 20 2 436」" in quote for quote in quotes)


@pytest.mark.parametrize("note", ["（注）", " （注）", "（见说明）"])
def test_table_three_label_cell_holding_zeros_before_a_note_is_no_row_printed_blank(note):
    """kaifeng_2021's 1.属于国家秘密, its zeros in the label's cell before a note (no cell reads them): was read
    as a row printed blank (0 under cell.blank, placed by the sums); now unread."""
    row = "\t(三) 不予公开\t1.属于国家秘密\t\t0\t0\t0\t0\t0\t0\t0"
    report = _with_line("kaifeng_2021", row, "\t(三) 不予公开\t1.属于国家秘密 0 0 0 0 0 0 0" + note + "\t" * 8)
    assert set(report["s3"]["result.denied.state_secret"].values()) == {None}
    rules = _rules_of(report, "s3.result.denied.state_secret.")
    assert "cell.unread" in rules and "cell.blank" not in rules


S4_ROW = "3\t0\t0\t0\t3\t18\t5\t1\t0\t24\t7\t0\t0\t0\t7"   # huangchuan_2021's table 四, a row of 15 cells


def test_table_four_row_printed_in_its_label_cell_is_read_in_order():
    """The fifteen figures in one label cell before empty cells: were read as table 四 printed blank (15 zeros
    under cell.blank: silent wrong cells, the prose states no figure of the table)."""
    report = _with_line("huangchuan_2021", S4_ROW, "件数 " + S4_ROW.replace("\t", " ") + "\t" * 14)
    assert report["s4"] == {"review": {"upheld": 3, "corrected": 0, "other": 0, "pending": 0, "total": 3},
                            "litigation_direct": {"upheld": 18, "corrected": 5, "other": 1, "pending": 0,
                                                  "total": 24},
                            "litigation_after_review": {"upheld": 7, "corrected": 0, "other": 0, "pending": 0,
                                                        "total": 7}}
    assert not _rules_of(report, "s4.")


def test_table_four_row_short_in_its_label_cell_is_unread_quoting_its_figures_as_printed():
    """Eight figures for fifteen cells (zeros left out): was read as 15 blank zeros; now unread, quoted."""
    report = _with_line("huangchuan_2021", S4_ROW, "件数 3 3 18 5 1 24 7 7" + "\t" * 14)
    assert {v for block in report["s4"].values() for v in block.values()} == {None}
    quotes = _unread_quotes(report, "s4.")
    assert quotes and all("件数 3 3 18 5 1 24 7 7」" in quote for quote in quotes)
    assert "cell.blank" not in _rules_of(report, "s4.")


def test_table_four_label_cell_holding_figures_before_a_note_is_no_table_printed_blank():
    """Figures no cell reads (a note after them): was table 四 printed blank (15 zeros); now not read."""
    report = _with_line("huangchuan_2021", S4_ROW, "件数 " + S4_ROW.replace("\t", " ") + "（注）" + "\t" * 14)
    assert report["s4"] is None
    assert "table.unread" in {f["rule"] for f in report["findings"]}


@pytest.mark.parametrize("printed", ['行政事业性收费,"144 4399\n.",', "行政事业性收费 144 4399\t\t"])
def test_an_unread_row_quotes_the_figures_of_its_label_cell_as_printed(printed):
    """huangchuan_2021's fee, its two figures in the label's cell: quoted ``144 4399`` as printed (was
    ``144,4399``, joined by commas, a figure the report never printed)."""
    report = _with_line("huangchuan_2021", "行政事业性收费\t144.4399\t\t", printed)
    quotes = _unread_quotes(report, "s2.admin_fees.")
    assert quotes and all("「行政事业性收费 144 4399」" in quote for quote in quotes)


KAIFENG_S4 = "5\t17\t3\t0\t25\t9\t4\t0\t1\t14\t9\t5\t3\t0\t17\n"
KAIFENG_S4_READ = {"review": {"upheld": 5, "corrected": 17, "other": 3, "pending": 0, "total": 25},
                   "litigation_direct": {"upheld": 9, "corrected": 4, "other": 0, "pending": 1, "total": 14},
                   "litigation_after_review": {"upheld": 9, "corrected": 5, "other": 3, "pending": 0, "total": 17}}


@pytest.mark.parametrize("printed", ["数量 5\t17\t3\t0\t25\t9\t4\t0\t1\t14\t9\t5\t3\t0\t17\n",
                                     "数量 5 17\t3\t0\t25\t9\t4\t0\t1\t14\t9\t5\t3\t0\t17\n"])
def test_table_four_row_led_by_figures_in_its_label_cell_is_read_in_order(printed):
    """kaifeng_2021's 表四 row with its first figures in the label's cell (数量 5 / 17 / …), fifteen in all: read in
    order (block 行政复议 was cell.unread, four figures in its five cells)."""
    report = _with_line("kaifeng_2021", KAIFENG_S4, printed)
    assert report["s4"] == KAIFENG_S4_READ
    assert not _rules_of(report, "s4.")


def test_table_four_row_led_by_figures_in_its_label_cell_fewer_than_fifteen_is_unread():
    """Guard (passes before): zeros left empty, twelve figures: which cells are blank nothing shows."""
    report = _with_line("kaifeng_2021", KAIFENG_S4, "数量 5\t17\t3\t\t25\t9\t4\t\t1\t14\t9\t5\t3\t\t17\n")
    assert {v for block in report["s4"].values() for v in block.values()} == {None}
    assert "cell.unread" in _rules_of(report, "s4.")


@pytest.mark.parametrize("prose", ["本年度收到行政复议、行政诉讼案件数量合计 56", "本机关本年度行政复议和行政诉讼件数 3"])
def test_prose_ending_in_a_figure_where_table_four_is_a_picture_is_one_table_unread(prose):
    """Section 四 printing prose naming 数量/件数 that ends in a figure, its table a picture: one table.unread (was
    three cell.unread, one a block, quoting the prose as the table's row)."""
    seed = (SEED_DIR / "kaifeng_2021.txt").read_text(encoding="utf-8")
    heading, after = "四、政府信息公开行政复议、行政诉讼情况\n", "五、存在的主要问题及改进情况"
    text = seed[:seed.index(heading)] + heading + "\n" + prose + "\n\n" + seed[seed.index(after):]
    report = parse_document(text.encode(), "k.txt").to_dict()
    assert report["s4"] is None
    assert [f["rule"] for f in report["findings"] if f["rule"] in ("table.unread", "cell.unread")] == ["table.unread"]

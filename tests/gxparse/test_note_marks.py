"""A footnote mark after a figure (``12①``, ``12²``, ``12*``, ``12※``) or a bare note word (``12注``) leaves the
figure read, and a note word naming its note (``12注1``) leaves it unread in its place, in a cell of any reader
and in text split at spaces, where a mark read as text would make the figures before it a label's."""

import pytest

from gxparse import parse_document
from gxparse.cells import parse_count, parse_money
from gxparse.document import is_value, lines_from_text
from gxparse.normalize import normalize_text
from gxparse.notewords import figures_noted
from gxparse.readers.markdown import read_markdown
from tests.gxparse.figure_notations import text_in_notation
from tests.gxparse.html_styles import render_page as render_style_page, report_of as style_report
from tests.gxparse.seeds import expected_tables


def test_a_circled_or_superscript_digit_after_a_figure_is_a_mark_not_its_digit():
    assert normalize_text("12①") == "12*" and normalize_text("3⑳") == "3*" and normalize_text("１２²") == "12*"
    assert normalize_text("①属于国家秘密") == "1属于国家秘密"   # not after a figure: as NFKC writes it
    assert parse_count("12①").value == 12 and parse_money("144.4399①").value == "144.4399"


@pytest.mark.parametrize("cell", ["12*", "12※", "12#", "12件*", "12＊"])
def test_a_figure_with_a_mark_is_the_figure(cell):
    assert is_value(normalize_text(cell))
    assert parse_count(cell).value == 12 and parse_count(cell).invalid is None


@pytest.mark.parametrize("cell", ["12注", "12注1", "144.4399注"])
def test_a_figure_with_a_note_word_is_a_value_cell_unread(cell):
    assert is_value(cell)
    for read in (parse_count(cell), parse_money(cell)):
        assert read.value is None and read.invalid is None


def test_a_mark_alone_or_before_a_figure_is_no_figure():
    assert parse_count("*").value is None and parse_count("注12").value is None
    assert not is_value("*12")


def test_a_space_split_row_with_marks_keeps_its_figures_apart_from_its_label():
    assert [(line.label, line.values) for line in lines_from_text("行政规范性文件 6① 32* 74注 5\n")] == [
        ("行政规范性文件", ["6*", "32*", "74注", "5"])]
    markdown = "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 12① |\n"
    assert [[parse_count(v).value for v in line.values] for line in read_markdown(markdown).lines if line.values] \
        == [[12]]


@pytest.mark.parametrize("notation", ["note-circled", "note-star"])
@pytest.mark.parametrize("name", ["huangchuan_2021", "zhoukou_city_2021"])
def test_a_report_whose_figures_carry_marks_reads_every_figure(name, notation):
    report = parse_document(text_in_notation(name, notation), f"{name}.txt").to_dict()
    for table, figures in expected_tables(name).items():
        assert report[table] == figures, table
    assert not [f for f in report["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize("notation", ["note-word", "note-word-explained"])
@pytest.mark.parametrize("name", ["huangchuan_2021", "zhoukou_city_2021"])
def test_figures_with_a_bare_note_word_are_read_whether_or_not_a_line_explains_the_notes(name, notation):
    report = parse_document(text_in_notation(name, notation), f"{name}.txt").to_dict()
    for table, figures in expected_tables(name).items():
        assert report[table] == figures, table
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_bare_note_word_is_read_off_its_figure_and_one_naming_its_note_stays():
    text = "行政规范性文件 6注 32注1 74注\n行政许可 12注\n"
    noted = {line.label: line.values for line in figures_noted(lines_from_text(text)) if line.values}
    assert noted == {"行政规范性文件": ["6", "32注1", "74"], "行政许可": ["12"]}


def test_a_scan_reads_a_bare_note_word_only_above_a_line_explaining_the_notes():
    # OCR may read a digit as a word: there the word is the agency's note only where the report explains it
    text = "行政规范性文件 6注 32注1 74注\n注：含转办件。\n行政许可 12注\n"
    noted = {line.label: line.values for line in figures_noted(lines_from_text(text), scanned=True) if line.values}
    assert noted == {"行政规范性文件": ["6", "32注1", "74"], "行政许可": ["12注"]}
    unexplained = lines_from_text("行政许可 12注\n注意事项 3\n")
    assert figures_noted(unexplained, scanned=True) == unexplained


def test_a_line_explaining_notes_under_a_table_is_no_text_of_a_missing_row():
    # zhoukou_office prints no 行政事业性收费 row: the note line under its table 二 leaves it missing, as printed
    report = parse_document(text_in_notation("zhoukou_office_2021", "note-word-explained"), "x.txt").to_dict()
    assert ("cell.missing", "error") in [(f["rule"], f["severity"]) for f in report["findings"]
                                         if "s2.admin_fees.amount_wan_yuan" in f["cells"]]


def test_a_web_page_with_note_words_reads_the_figures_and_their_errors():
    # 002_huaian_hongze_2023's table 四 breaks a block's sum: found once its noted figures are read, explained or not
    report = style_report("002_huaian_hongze_2023")
    for style in ("noted-explained", "noted"):
        read = parse_document(render_style_page(report, style).encode(), "x.html").to_dict()
        assert "s4.block_sum" in {f["rule"] for f in read["findings"] if f["severity"] == "error"}, style

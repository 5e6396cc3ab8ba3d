"""Markdown as converters write it reads like the HTML it came from: the renderings of the seed and real
reports by pymupdf4llm and markitdown (tests/fixtures/markdown) give every figure, and each thing converters do
to a table is undone on a small table of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.cells import UNREAD_FIGURE
from gxparse.readers.markdown import read_markdown
from gxparse.readers.sniff import sniff
from tests.gxparse.seeds import expected, expected_tables

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# the prints with zeros as empty cells converted by markitdown's PDF converter (blank_pdfs.py) lose where a blank
# cell was: only what the table's arithmetic places is read (test_blank_zeros.py)
ALL = sorted(p.name for p in (FIXTURES / "markdown").glob("*.*.md") if not p.name.endswith(("libreoffice-blank.md",
                                                                                            "reportlab-blank.md")))


def truth_file(name: str) -> Path | None:
    """The hand-read truth of a real report, or the figures of a simulated one rendered beside it."""
    return next((p for p in (FIXTURES / "real" / f"{name}.truth.json", FIXTURES / "markdown" / f"{name}.truth.json")
                 if p.exists()), None)


def truth(name: str) -> dict:
    if path := truth_file(name):
        return {t: json.loads(path.read_text(encoding="utf-8"))[t] for t in ("s2", "s3", "s4")}
    return expected_tables(name)


LAYOUT = sorted(p.name for p in (FIXTURES / "markdown").glob("*.markitdown-layout.md"))


@pytest.mark.parametrize("file", LAYOUT)
def test_a_page_laid_out_in_a_table_gives_its_title_and_no_error(file):
    # markitdown writes a CMS page whose article sits in a layout table as one table row holding the whole
    # report, its tables inline (tests/fixtures/markdown/layout_pages.py); every figure is checked above
    name = file.split(".")[0]
    path = truth_file(name)
    exp = json.loads(path.read_text(encoding="utf-8")) if path else expected(name)
    report = parse_document((FIXTURES / "markdown" / file).read_bytes(), file).to_dict()
    assert (report["agency"], report["year"], report["template"]) == (exp["agency"], exp["year"], exp["template"])
    assert report["sections_present"] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert [f["rule"] for f in report["findings"] if f["severity"] == "error"] == []


@pytest.mark.parametrize("file", ALL)
def test_rendering_gives_every_figure(file):
    report = parse_document((FIXTURES / "markdown" / file).read_bytes(), file).to_dict()
    assert report["source_type"] == "markdown"
    expected = truth(file.split(".")[0])
    for table in ("s2", "s3", "s4"):
        assert report[table] == expected[table], table


def test_markdown_is_told_by_its_pipe_table():
    assert sniff("# 标题\n\n| 规章 | 1 |\n|---|---|\n".encode()) == "markdown"
    assert sniff("规章 | 1 | 0 | 4\n行政许可 | 5\n".encode()) == "text"       # pipes, but no table
    assert sniff("一、总体情况\n---\t---\t---\n".encode()) == "text"


def _rows(markdown: str) -> dict[str, list[str]]:
    return {line.label: line.values for line in read_markdown(markdown).lines if line.values}


def test_placeholder_headers_are_empty_cells():
    for header in ("|数据1|数据2|数据3|数据4|", "|Col1|Col2|Col3|Col4|", "| Column1 | Column2 | Column3 | Column4 |"):
        rows = _rows(f"{header}\n|---|---|---|---|\n|规章|1|0|4|\n|行政规范性文件|134|262|1408|\n")
        assert rows == {"规章": ["1", "0", "4"], "行政规范性文件": ["134", "262", "1408"]}


def test_a_value_written_once_per_merged_column_is_one_cell():
    rows = _rows("|第二十条第（五）项|第二十条第（五）项|第二十条第（五）项|第二十条第（五）项|\n|---|---|---|---|\n"
                 "|信息内容|本年处理决定数量|本年处理决定数量|本年处理决定数量|\n|行政许可|550|550|550|\n"
                 "|信息内容|本年制发件数|本年废止件数|现行有效件数|\n|规章|0|0|0|\n")
    assert rows == {"行政许可": ["550"], "规章": ["0", "0", "0"]}


def test_a_label_broken_at_a_page_boundary_continues_in_the_next_fragment():
    markdown = ("|Col1|Col2|Col3|Col4|\n|---|---|---|---|\n|（三）不予公开|3.危及“三<br>安全一|0|1|\n"
                "\n     - 3\n\n|Col1|稳定”|Col3|Col4|\n|---|---|---|---|\n|（三）不予公开|4.保护第三方合法权益|7|0|\n")
    rows = _rows(markdown)
    assert rows == {"(三)不予公开 3.危及\"三安全一稳定\"": ["0", "1"], "(三)不予公开 4.保护第三方合法权益": ["7", "0"]}


def test_label_pieces_under_a_row_of_figures_are_the_rest_of_its_label():
    markdown = ("| | （六） | 1.申请 | 1 | 0 | 1 |\n| --- | --- | --- | --- | --- | --- |\n| | 其他处 | 人无正 | | | |\n"
                "| | 理 | 当理由 | | | |\n")
    assert _rows(markdown) == {"(六)其他处理 1.申请人无正当理由": ["1", "0", "1"]}
    # a whole label with empty cells is a line of its own (a caption, or a row printed blank: Markdown cannot
    # tell them apart, so its figures are not read as zeros)
    blank_row = "| 规章 | 1 | 0 | 4 |\n| --- | --- | --- | --- |\n| 行政规范性文件 | | | |\n"
    assert [ln.label for ln in read_markdown(blank_row).lines] == ["规章", "行政规范性文件"]


def test_rows_shortened_by_a_rowspan_keep_their_figures_at_the_right():
    markdown = ("|  |  |  |  |  |\n| --- | --- | --- | --- | --- |\n| （三）不予公开 | 1.属于国家秘密 | 0 | 1 | 1 |\n"
                "| 2.其他法律行政法规禁止公开 | 2 |  | 2 |\n")   # markdownify writes an empty cell with two spaces
    rows = _rows(markdown)
    assert rows["2.其他法律行政法规禁止公开"] == ["2", "", "2"]   # the empty cell is a blank cell, in its column


def test_markdownify_spans_are_one_cell_and_its_empty_cells_blanks():
    # markdownify (markitdown's Word and HTML converters) writes a cell spanning two columns as "| 25 | |"
    # and an empty cell as "|  |"; rows under a rowspan are short, a row printed blank too
    markdown = ("|  |  |  |  |  |  |\n| --- | --- | --- | --- | --- | --- |\n"
                "| 项目 | | 自然人 | 法人 | 总计 | |\n"
                "| 一、本年新收政府信息公开申请数量 | | 3 |  | 25 | |\n"
                "| 二、上年结转政府信息公开申请数量 | |  |  |  | |\n"
                "| （三）不予公开 | 1.属于国家秘密 |  | 1 | 1 | |\n"
                "| 2.其他法律行政法规禁止公开 |  |  |  | |\n")
    assert _rows(markdown) == {"一、本年新收政府信息公开申请数量": ["3", "", "25"],
                               "二、上年结转政府信息公开申请数量": ["", "", ""],
                               "(三)不予公开 1.属于国家秘密": ["", "1", "1"],
                               "2.其他法律行政法规禁止公开": ["", "", ""]}


def test_br_joins_a_wrapped_label_and_keeps_figures_apart():
    rows = _rows("|项目|数|\n|---|---|\n|一、本年新收政府信息公<br>开申请数量|21|\n")
    assert rows == {"一、本年新收政府信息公开申请数量": ["21"]}


def test_a_group_label_pushed_into_the_figures_joins_the_label():
    rows = _rows("|数据1|数据2|数据3|数据4|数据5|\n|---|---|---|---|---|\n|1.属于国家秘密|0|不予公开|0|1|\n")
    assert rows == {"1.属于国家秘密 不予公开": ["0", "0", "1"]}


def test_a_table_of_several_figures_per_cell_is_read_as_text():
    lines = read_markdown("| 一、本年新收政府信息公开申请数量 | 21 0 | 0 0 | 0 0 | 21 |\n| --- | --- | --- | --- | --- |\n").lines
    assert [(ln.label, ln.values) for ln in lines] == [("一、本年新收政府信息公开申请数量", ["21", "0", "0", "0", "0", "0", "21"])]


def test_headings_and_emphasis_leave_prose_and_headings_plain():
    document = read_markdown("# 淮安市人民政府2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n（五） **监督保障情况** 。\n")
    assert [ln.text for ln in document.lines] == ["淮安市人民政府2024年政府信息公开工作年度报告", "一、总体情况",
                                                 "(五)\t监督保障情况\t。"]


def test_label_pieces_after_a_row_of_figures_without_label_become_its_label():
    # a PDF-to-Markdown converter put a row's figures in one fragment and its whole label in the next one's
    # header row (this raised IndexError: gxparse 内部错误)
    markdown = ("| 项目 | 自然人 | 法人 | 总计 |\n| --- | --- | --- | --- |\n"
                "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 3 |\n|  | 5 | 1 | 6 |\n\n"
                "| 5.要求行政机关确认或重新出具已获取信息 |  |  |  |\n| --- | --- | --- | --- |\n"
                "| 四、结转下年度继续办理 | 0 | 0 | 0 |\n")
    assert _rows(markdown) == {"一、本年新收政府信息公开申请数量": ["3", "0", "3"],
                               "5.要求行政机关确认或重新出具已获取信息": ["5", "1", "6"],
                               "四、结转下年度继续办理": ["0", "0", "0"]}


def _flattened(article: str) -> str:
    """A layout table as markitdown writes it: its empty header, its delimiter, one row holding the article."""
    return "|  |  |\n| --- | --- |\n| " + article + " | |\n"


def test_tables_written_inline_in_a_layout_row_are_read():
    markdown = _flattened("**二、主动公开政府信息情况**  |  |  |  | | --- | --- | --- | | 规章 | 1 | 0 | "
                          "| 行政许可 | 12 | | |  **三、收到和处理政府信息公开申请情况**  正文")
    document = read_markdown(markdown)
    assert {ln.label: ln.values for ln in document.lines if ln.values} == {"规章": ["1", "0"], "行政许可": ["12"]}
    assert [ln.text for ln in document.lines if not ln.values] == ["二、主动公开政府信息情况",
                                                                  "三、收到和处理政府信息公开申请情况", "正文"]


def test_a_gap_in_an_inline_table_is_a_span_or_the_end_of_a_row():
    # one space is both a spanned column and the gap between two rows: a row shortened by a rowspan ends
    # before the next row's label (text after figures, or a numbered label); a label spanning two columns
    # keeps its figures
    markdown = _flattened("  |  |  |  |  | | --- | --- | --- | --- | "
                          "| （三）不予公开 | 1.属于国家秘密 | 0 | 1 | | 2.其他法律行政法规禁止公开 | 2 |  | "
                          "| （七）总计 | | 5 | 6 | | 四、结转下年度继续办理 | | 7 | 8 |")
    assert _rows(markdown) == {"(三)不予公开 1.属于国家秘密": ["0", "1"], "2.其他法律行政法规禁止公开": ["2", ""],
                               "(七)总计": ["5", "6"], "四、结转下年度继续办理": ["7", "8"]}


def test_a_delimiter_whose_rows_do_not_parse_is_layout():
    # a nested layout table (its cells hold prose) is no table: its header's text is a line, its cells prose
    markdown = _flattened("|  |  |  | | --- | --- | --- |  **一、总体情况**  本年度工作  |  |  | | --- | --- | "
                          "| 规章 | 3 |")
    assert [(ln.label, ln.values) for ln in read_markdown(markdown).lines] == [
        ("一、总体情况", []), ("本年度工作", []), ("规章", ["3"])]


def test_a_row_that_merely_holds_dashes_is_an_ordinary_row():
    markdown = "| 项目 | 数 | 备注 |\n| --- | --- | --- |\n| 规章 | | --- | --- |\n"
    assert [ln.text for ln in read_markdown(markdown).lines] == ["项目\t数\t备注", "规章\t---\t---"]   # as before: no table inside


HTML_TABLES = FIXTURES / "markdown" / "001_huaian_szf_2024.html-tables.md"


def test_markdown_with_html_tables_is_markdown_however_long_its_prose():
    # MinerU, PaddleOCR and olmOCR write complex tables as <table> HTML on a line of their own between
    # Markdown prose; the first table may come after many pages of prose
    text = HTML_TABLES.read_text(encoding="utf-8")
    title, _, rest = text.partition("\n\n")
    long = title + "\n\n" + "全年持续推进基层政务公开标准化规范化建设，更新公开目录。\n\n" * 400 + rest
    for data in (text.encode(), long.encode()):
        assert sniff(data) == "markdown"
        report = parse_document(data, HTML_TABLES.name).to_dict()
        for table in ("s2", "s3", "s4"):
            assert report[table] == truth("001_huaian_szf_2024")[table], table


def test_an_html_page_is_html_though_it_holds_tables_on_lines_of_their_own():
    page = "本报告依据条例编制。\n<p>一、总体情况</p>\n<p>全年主动公开信息。</p>\n<table><tr><td>规章</td><td>1</td></tr></table>\n"
    assert sniff(page.encode()) == "html"


def test_an_html_table_block_is_read_as_a_grid_wherever_its_lines_break():
    markdown = ("二、主动公开政府信息情况\n\n<html><body>\n<table>\n  <tr><td colspan=\"4\">第二十条第（一）项</td></tr>\n"
                "  <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n"
                "  <tr><td>规章</td><td>1</td><td>0</td><td>11</td></tr>\n</table>\n</body></html>\n\n"
                "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 447228 |\n")
    assert _rows(markdown) == {"规章": ["1", "0", "11"], "行政许可": ["447228"]}


def test_letters_ocr_read_for_a_figure_keep_its_slot_unread_and_make_the_text_ocr():
    # an OCR-to-Markdown tool writes O for 0 and 1O for 10: such a cell is no piece of the label (moving it
    # there shifted the row's figures one column, silently), but a figure unread in its column
    markdown = ("| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
                "|---|---|---|---|---|---|---|---|\n"
                "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | O | 16 | 19 |\n"
                "| 二、上年结转政府信息公开申请数量 | 1O | 0 | 0 | 0 | 0 | 0 | 10 |\n")
    document = read_markdown(markdown)
    assert _rows(markdown) == {"一、本年新收政府信息公开申请数量": ["3", "0", "0", "0", UNREAD_FIGURE, "16", "19"],
                               "二、上年结转政府信息公开申请数量": [UNREAD_FIGURE, "0", "0", "0", "0", "0", "10"]}
    assert document.ocr_text   # its figures are no evidence for an error


def test_rows_stacked_in_one_pipe_row_are_read_as_the_rows():
    # marker and MinerU write a cell's lines apart by <br>: rows Word merged into one come as one pipe row
    # whose label cell holds a label a line and whose figure cells a figure a line
    text = (FIXTURES / "markdown" / "kaifeng_2021.markitdown-docx.md").read_text(encoding="utf-8")
    rows = [line for line in text.split("\n") if re.match(r"\| [2-8]\.(其他法律|危及|保护|属于[三四行])", line)]
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    stacked = "| " + " | ".join("<br>".join(column) for column in zip(*cells)) + " |"
    text = text.replace("\n".join(rows), stacked)
    assert len(rows) == 7 and stacked in text
    report = parse_document(text.encode(), "kaifeng.md").to_dict()
    assert report["s3"] == expected_tables("kaifeng_2021")["s3"]

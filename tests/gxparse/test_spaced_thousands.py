"""Thousands grouped by a space (``1 288``) in a cell of its own are one figure in every reader, as the HTML
reader reads them: tab and pipe text, a Markdown table, a Word table. (Text split at spaces alone cannot tell
``1 288`` from two figures: that is left to the row's width.)"""

from gxparse import parse_document
from gxparse.document import lines_from_text
from gxparse.readers.markdown import read_markdown
from gxparse.readers.wordfile import read_docx
from tests.gxparse.docx_styles import docx_package, run
from tests.gxparse.seeds import seed_bytes


def _values(lines) -> dict[str, list[str]]:
    return {line.label: line.values for line in lines if line.values}


def test_a_text_cell_of_grouped_thousands_is_one_figure():
    assert _values(lines_from_text("规章\t1 288\t0\t12\u2009000\n")) == {"规章": ["1,288", "0", "12,000"]}
    assert _values(lines_from_text("| 规章 | 1 288 | 0 | 4 |\n")) == {"规章": ["1,288", "0", "4"]}
    # figures apart by spaces that are no grouping stay apart (a row whose columns were joined)
    assert _values(lines_from_text("规章\t3 0 12\n")) == {"规章": ["3", "0", "12"]}


def test_a_markdown_or_word_table_cell_of_grouped_thousands_is_one_figure_lines_apart_stay_apart():
    markdown = "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 1 288 |\n| 行政处罚 | 1<br>288 |\n"
    assert _values(read_markdown(markdown).lines) == {"行政许可": ["1,288"], "行政处罚": ["1", "288"]}
    cell = "<w:tc><w:p>{}</w:p></w:tc>"
    body = f"<w:tbl><w:tr>{cell.format(run('行政许可'))}{cell.format(run('1 288'))}</w:tr></w:tbl>"
    assert _values(read_docx(docx_package(body), "x.docx").lines) == {"行政许可": ["1,288"]}


def test_a_report_in_tab_text_reads_grouped_thousands():
    text = seed_bytes("huangchuan_2021").decode().replace("行政许可\t12502", "行政许可\t12 502")
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert report["s2"]["licensing"]["decisions"] == 12502
    assert not [f for f in report["findings"] if f["severity"] == "error" or "licensing" in str(f["cells"])]

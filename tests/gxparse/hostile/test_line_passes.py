"""The passes over a document's lines, each bounded: labels compared by edit distance at most ``MAX_FUZZY_LINES`` a
table (the rest named untried), the forms of short texts remembered at most ``MAX_REMEMBERED`` while a document is
read, the lines, sections and gaps read within the parse's time, and runs of rows' labels at most ``MAX_HEADS``."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from gxparse import DocumentError, deadline, limits, normalize
from gxparse.document import lines_from_text
from gxparse.readers.html import read_html
from gxparse.readers import mhtml
from gxparse.readers.mhtml import read_mhtml
from gxparse.readers.wordfile import read_docx
from gxparse.extraction.tailrows import MAX_HEADS, lay_tails
from gxparse.gaps import TableContext, row_gaps
from gxparse.normalize import label_key, remembering, squash
from gxparse.rows import MAX_FUZZY_LINES, LabelMatcher, _required_text
from gxparse.sections import split_sections
from gxparse.tables import tableread
from gxparse.tables.s3 import S3_MATCHER, read_s3
from gxparse.template import S3_ALL_ROWS, S3_ROWS
from tests.gxparse.hostile import files
from tests.gxparse.hostile.attacks import mhtml_article, mhtml_of_parts
from tests.gxparse.seeds import seed_bytes

_HEAD = ("一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
         "（一）予以公开 1 0 0 0 0 0 1\n")
_PROSE = "".join(f"附第{n}项工作说明\n" for n in range(MAX_FUZZY_LINES))   # label-only lines no anchor names


def test_past_the_fuzzy_bound_a_typo_label_is_named_untried_not_read():
    read = read_s3(lines_from_text(_HEAD + "2.其他法律行政止公开 4 0 0 0 0 0 4\n" + _PROSE
                                   + "4.保护第三方合法权义 3 0 0 0 0 0 3\n"))
    assert read.table["result.denied.law_prohibited"]["total"].value == 4   # within the bound: read by its near miss
    assert read.table["result.denied.third_party"]["total"].value is None
    untried = [f for f in read.findings if f.rule == "label.untried"]
    # the typo's line and the last line of prose (line 4 was the first compared) are the two past the bound
    assert len(untried) == 1 and f"自第{MAX_FUZZY_LINES + 4}行起有 2 行" in untried[0].message
    assert untried[0].severity == "warning"


def test_runs_of_figures_under_their_labels_compare_at_most_the_fuzzy_bound_of_labels(monkeypatch):
    """A table printed a cell per line: each run's label is compared as the row grammar's are, within the bound."""
    lines = lines_from_text("附加说明\n1\n2.其他法律行政止公开\n4\n0\n0\n0\n0\n0\n4\n")
    assert [row.key for row in tableread.named_runs(lines, S3_MATCHER)] == [None, "result.denied.law_prohibited"]
    monkeypatch.setattr(tableread, "MAX_FUZZY_LINES", 1)   # the first label, 附加说明, spends it
    assert [row.key for row in tableread.named_runs(lines, S3_MATCHER)] == [None, None]


def test_a_text_of_more_lines_of_figures_than_the_limit_is_refused_at_the_first_past_it(monkeypatch):
    """95,000 lines of a table's full row took 15 CPU s (64 s under load) to read."""
    monkeypatch.setattr(limits, "MAX_FIGURE_LINES", 2)
    assert len(lines_from_text("规章 1 2\n说明\n行政处罚 3 4\n")) == 3
    with pytest.raises(limits.LimitExceeded, match="含数字的行过多：文本读到第4行时已有 3 行含数字，超过上限 2 行"):
        lines_from_text("规章 1 2\n说明\n行政处罚 3 4\n其他 5 6\n")


def test_a_word_document_of_more_paragraphs_of_figures_than_the_limit_is_refused_as_they_are_read(monkeypatch):
    """Each paragraph is a text of its own: counted over the document as read, a table of 100,000 one-figure rows
    (benchmarks.hostile's docx-100000-table-rows: 13 CPU s read whole and laid out) is refused past the bound."""
    monkeypatch.setattr(limits, "MAX_FIGURE_LINES", 2)
    body = files.paragraph("规章 1 2") + files.paragraph("说明") + files.paragraph("行政处罚 3 4")
    assert len(read_docx(files.docx(files.document_xml(body)), "a.docx").lines) == 3
    with pytest.raises(limits.LimitExceeded, match="含数字的行过多：文本读到Word 文档第4行时已有 3 行含数字，超过上限 2 行"):
        read_docx(files.docx(files.document_xml(body + files.paragraph("其他 5 6"))), "a.docx")


def test_a_web_page_of_more_blocks_of_figures_than_the_limit_is_refused_as_they_are_read(monkeypatch):
    """Each block of a page is a text of its own: counted over the page, an MHTML article of 99,000 one-figure
    paragraphs a page (benchmarks.hostile's mhtml-long-article: 7 CPU s) is refused within its first page."""
    monkeypatch.setattr(limits, "MAX_FIGURE_LINES", 2)
    assert len(read_html("<p>规章 1 2</p><p>说明</p><p>行政处罚 3 4</p>").lines) == 3
    with pytest.raises(limits.LimitExceeded, match="含数字的行过多：文本读到网页第4行时已有 3 行含数字，超过上限 2 行"):
        read_html("<p>规章 1 2</p><p>说明</p><p>行政处罚 3 4</p><p>其他 5 6</p>")


def test_an_mhtml_article_of_more_lines_than_the_limit_over_its_pages_is_refused(monkeypatch):
    """Each page within the bound, the article past it (benchmarks.hostile's mhtml-long-article, 2 million lines)."""
    monkeypatch.setattr(limits, "MAX_LINES", 5)
    assert len(read_mhtml(mhtml_article(1, 4, "<p>说明</p>".encode()), "a.mht").lines) == 4
    with pytest.raises(limits.LimitExceeded, match="行数过多：MHTML 文件（正文各页与附件）读到第 8 行时"):
        read_mhtml(mhtml_article(2, 4, "<p>说明</p>".encode()), "a.mht")


def test_an_mhtml_file_of_more_parts_than_the_limit_is_refused(monkeypatch):
    """benchmarks.hostile's mhtml-many-parts: 20,000 parts."""
    monkeypatch.setattr(mhtml, "_MAX_PARTS", 3)
    read_mhtml(mhtml_of_parts(2), "a.mht")
    with pytest.raises(DocumentError, match="MHTML 文件的部分过多：4 个，上限 3 个"):
        read_mhtml(mhtml_of_parts(3), "a.mht")


def test_an_anchor_is_searched_only_in_labels_holding_its_characters():
    assert _required_text("(?:^|[^\\d])3\\.?其他$|^其他$") == "其他"
    assert _required_text("[予子]以公开") == "以公开"
    assert _required_text("ab|cd") == "" and _required_text("(?i)abc") == "" and _required_text("a(?i:bcd)") == "a"
    plain = LabelMatcher([("x", "(?:^|[^\\d])3\\.?其他$|^其他$"), ("y", "ab|cd")])
    assert plain("3.其他") == "x" and plain("1cd") == "y" and plain("其") is None
    # every template label names its row through the index as through every anchor
    assert all(S3_MATCHER(row.label) == row.key for layout in S3_ROWS.values() for row in layout)
    assert {S3_MATCHER(row.label) for row in S3_ALL_ROWS} >= {row.key for row in S3_ROWS["v2021"]}


def test_the_forms_remembered_are_bounded_and_forgotten_with_the_document(monkeypatch):
    monkeypatch.setattr(normalize, "MAX_REMEMBERED", 10)
    long = "长" * (normalize.MAX_REMEMBERED_TEXT + 1)
    with remembering():
        for n in range(25):
            assert label_key(f"第 {n} 行：") == f"第{n}行"
        assert squash(long) == long
        forms = normalize._memory.forms
        assert forms is not None and 0 < len(forms[1]) <= 10 and long not in forms[0]
    assert normalize._memory.forms is None and label_key("第 1 行") == "第1行"


@pytest.fixture
def spent(monkeypatch):
    """A document whose parse time, the layout's overrun included, is spent."""
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", -limits.MAX_LAYOUT_OVERRUN_SECONDS - 1)
    with deadline.document_deadline():
        yield


def test_the_lines_of_a_text_are_read_within_the_parse_time(spent):
    with pytest.raises(deadline.OutOfTime):
        lines_from_text("一、总体情况\n二、主动公开政府信息情况\n")


def test_sections_are_split_within_the_parse_time(monkeypatch):
    lines = lines_from_text(seed_bytes("kaifeng_2021").decode())
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", -limits.MAX_LAYOUT_OVERRUN_SECONDS - 1)
    with deadline.document_deadline(), pytest.raises(deadline.OutOfTime):
        split_sections(lines)


def test_the_gaps_are_looked_for_within_the_parse_time(monkeypatch):
    lines = lines_from_text(_HEAD + "（二）部分公开\n说明\n")
    read = read_s3(lines)
    keys = [row.key for row in S3_ROWS["v2021"]]
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", -limits.MAX_LAYOUT_OVERRUN_SECONDS - 1)
    with deadline.document_deadline(), pytest.raises(deadline.OutOfTime):
        row_gaps(read, keys, TableContext(lines, None, None), S3_MATCHER)


@dataclass
class _Piece:
    label: str
    key: str | None
    values: list[str]
    in_grid: bool = False


def _labels_then_tail(heads: int) -> list[_Piece]:
    """``heads`` rows' labels, each with one of its three figures, then a line of the two others for each."""
    return ([_Piece(f"第{n}项", f"k{n}", ["1"]) for n in range(heads)]
            + [_Piece("", None, ["1", "1"]) for _ in range(heads)])


def test_a_stretch_of_more_labels_than_a_run_holds_is_passed_over_whole():
    laid = lay_tails(_labels_then_tail(MAX_HEADS), 3, lambda values: True)
    assert len(laid.values) == MAX_HEADS and all(values == ["1", "1", "1"] for values in laid.values.values())
    assert lay_tails(_labels_then_tail(MAX_HEADS + 1), 3, lambda values: True).values == {}

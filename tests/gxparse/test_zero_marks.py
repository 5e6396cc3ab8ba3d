"""Zeros typed as a character (零, 〇) read as 0 by every reader, as the HTML reader reads them: tab text,
a workbook of text cells, a Markdown table, a space-split text line (the DOCX renderings: ``test_docx_styles``)."""

from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.cells import parse_count, parse_money
from gxparse.document import lines_from_text
from gxparse.readers.markdown import read_markdown
from tests.gxparse.seeds import expected_tables, seed_bytes
from tests.gxparse.zero_marks import MARKS, text_with_zeros, xlsx_with_zeros

# a seed with many zeros in every table, and one that leaves rows of table 三 out
SEEDS = ("kaifeng_2021", "zhoukou_office_2021")


@pytest.mark.parametrize("mark", sorted(MARKS.values()))
@pytest.mark.parametrize("name", SEEDS)
def test_zeros_typed_as_a_character_are_zero_in_text_and_in_a_workbook(name, mark, tmp_path: Path):
    truth = expected_tables(name)
    deserved = _errors(parse_document(seed_bytes(name), f"{name}.txt").to_dict())   # as the zeros typed 0 give
    for data, file in ((text_with_zeros(name, mark), f"{name}.txt"),
                       (xlsx_with_zeros(name, mark, tmp_path / f"{name}.xlsx"), f"{name}.xlsx")):
        report = parse_document(data, file).to_dict()
        for table in ("s2", "s3", "s4"):
            assert report[table] == truth[table], (file, table)
        assert _errors(report) == deserved, file


def _errors(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"] if f["severity"] == "error"}


def test_zero_word_alone_is_zero_and_inside_text_is_no_figure():
    assert parse_count("零").value == 0 and parse_money(" 零 ").value == "0"
    assert parse_count("零件").value is None and parse_count("零").invalid is None


def test_zero_word_is_a_value_in_a_markdown_table_and_on_a_space_split_line():
    rows = {line.label: line.values for line in read_markdown("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
                                                              "|---|---|---|---|\n| 规章 | 零 | 1 | 〇 |\n").lines}
    assert rows["规章"] == ["零", "1", "〇"]
    assert [(line.label, line.values) for line in lines_from_text("规章 零 1 4\n")] == [("规章", ["零", "1", "4"])]

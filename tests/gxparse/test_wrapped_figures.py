"""Table 四 as ``pdftotext -layout`` writes a narrow print of it: a two-digit figure its column wraps a digit a
line (``1`` over ``8`` for 18) is read back where each wrapped digit stands under one figure and the blocks add
up; otherwise the row stays unread (``extraction.wrappedfigures``)."""

import json
from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.document import lines_from_text
from gxparse.extraction.wrappedfigures import tail_readings, wrapped_digits
from gxparse.tables import read_s4

EXTRACTED = Path(__file__).resolve().parent.parent / "fixtures" / "extracted"
NARROW = sorted(p.name.removesuffix(".narrow.txt") for p in (EXTRACTED / "pdftotext-layout").glob("*.narrow.txt"))
# tests/fixtures/extracted/pdftotext-layout/huangchuan_2021.narrow.txt, lines 325-332
HEADER = """\
行政复议                    行政诉讼
结 结 其       尚   总       未经复议直接起诉      复议后起诉
果 果 他       未   计       结 结 其 尚 总     结 结 其    尚   总
维 纠 结       审           果 果 他 未 计     果 果 他    未   计
持 正 果       结           维 纠 结 审       维 纠 结    审
                        持 正 果 结       持 正 果    结
"""
FIGURES = "3   0   0   0   3       1 5 1 0 2     7 0 0    0   7\n"


def _s4(wrapped: str) -> dict[str, list[int | None]]:
    table = read_s4(lines_from_text(HEADER + FIGURES + wrapped)).table or {}
    return {block: [cell.value for cell in cells.values()] for block, cells in table.items()}


def test_digits_a_narrow_column_wrapped_are_written_on_to_their_figures():
    table = _s4("                        8        4\n")
    assert table["litigation_direct"] == [18, 5, 1, 0, 24]
    assert table["review"] == [3, 0, 0, 0, 3]
    assert table["litigation_after_review"] == [7, 0, 0, 0, 7]


def test_a_digit_between_two_figures_joins_nothing():
    # the 4 stands between the 0 and the 2 of 未经复议直接起诉: which figure it ends is not known
    assert not any(_s4("                        8      4\n").get("litigation_direct", []))


def test_joined_figures_whose_blocks_do_not_add_up_are_not_the_table():
    assert not any(_s4("                        8 9      4\n").get("litigation_direct", []))


def test_tails_without_places_are_written_on_to_the_figures_every_way_in_order():
    assert tail_readings(["3", "0", "1", "1"], ["6", "9"]) == [["36", "0", "19", "1"], ["36", "0", "1", "19"],
                                                              ["3", "0", "16", "19"]]
    # a figure is never continued from 0 (zeros and a line of zeros under them: no way), a tail is digits only, and
    # too many ways are not weighed
    assert tail_readings(["0", "0", "5"], ["2"]) == [["0", "0", "52"]]
    assert tail_readings(["0", "0", "0"], ["0", "0"]) == []
    assert tail_readings(["1", "1"], ["6."]) == []
    assert tail_readings(["1"] * 20, ["1"] * 10) is None


def test_a_line_with_a_label_continues_no_figure():
    above, below = lines_from_text("1 5 1 0 2\n合 计\n")
    assert wrapped_digits(above, below) is None


@pytest.mark.parametrize("document", NARROW)
def test_table_four_of_every_narrow_print_is_read(document):
    truth = json.loads((EXTRACTED / "truth" / f"{document}.truth.json").read_text("utf-8"))
    text = (EXTRACTED / "pdftotext-layout" / f"{document}.narrow.txt").read_bytes()
    assert parse_document(text, "r.txt").to_dict()["s4"] == truth["s4"]

"""Rows whose figures a text tool printed without the gaps between cells: a PDF that draws no space between table
cells (LibreOffice's exports read by pypdfium2, a text view printed to PDF) gives ``8162140 94`` for
81 6 2 1 4 0 94. The runs are cut into counts by the row sums and the rules across rows
(``placement.glued_readings``), a cell read only where every cut that keeps them agrees, named in
``row.repaired``; a tab-separated cell holding figures apart by spaces is that many cells (``document``). The
opposite, a count a narrow cell wrapped over two lines, makes table 四's row long: joined again where it adds up."""

from __future__ import annotations

import re

import pytest

from gxparse import parse_document
from gxparse.arithmetic.placement import glued_readings
from gxparse.arithmetic.realign import RowSum
from tests.gxparse.seeds import SEED_DIR, expected_tables

S3_SUM = [RowSum((0, 1, 2, 3, 4, 5), 6)]
S4_SUMS = [RowSum(tuple(range(b * 5, b * 5 + 4)), b * 5 + 4) for b in range(3)]
S4_ROW = "5\t17\t3\t0\t25\t9\t4\t0\t1\t14\t9\t5\t3\t0\t17"   # kaifeng_2021's table 四 as the seed prints it


def _glued_lines(glued: str | None = None, tabs: bool = False, figures: dict[str, str] | None = None) -> list[str]:
    """kaifeng_2021's lines with each row of table 三 printed without gaps: its 总计 ``apart`` from the other
    figures by a space (as pypdfium2 prints a PDF whose cells carry no space) or ``joined`` to them, the label
    tab-separated from them where ``tabs``; ``figures`` gives some rows (by label) other figures first."""
    lines = (SEED_DIR / "kaifeng_2021.txt").read_text(encoding="utf-8").split("\n")
    for label, row in (figures or {}).items():
        i = next(i for i, line in enumerate(lines) if label in line)
        lines[i] = re.sub(r"(\t\d+)+\t*$", "\t" + row.replace(" ", "\t"), lines[i])
    first = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    last = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度"))
    gap = "\t" if tabs else " "
    for i in range(first, last + 1) if glued else ():
        cells = [c for c in lines[i].split("\t") if c]
        figures = [c for c in cells if re.fullmatch(r"\d+", c)]
        label = gap.join(c for c in cells if c not in figures)
        total = f" {figures[-1]}" if glued == "apart" else figures[-1]
        lines[i] = f"{label}{gap}{''.join(figures[:-1])}{total}"
    return lines


def _parsed(text: str) -> dict:
    return parse_document(text.encode("utf-8"), "glued.txt").to_dict()


def _kaifeng(glued: str | None = None, tabs: bool = False, s4: str | None = None) -> dict:
    """kaifeng_2021 with table 三 printed as ``_glued_lines`` and table 四's row printed as ``s4``."""
    return _parsed("\n".join(_glued_lines(glued, tabs)).replace(S4_ROW, s4 or S4_ROW))


def test_runs_of_digits_are_cut_where_the_row_sum_holds():
    assert glued_readings(["8162140", "94"], 7, S3_SUM) == [(81, 6, 2, 1, 4, 0, 94)]
    assert glued_readings(["1000001"], 7, S3_SUM) == [(1, 0, 0, 0, 0, 0, 1)]


def test_every_cut_that_adds_up_is_kept_for_the_rules_across_rows():
    assert sorted(glued_readings(["5651120", "65"], 7, S3_SUM)) == [(5, 6, 51, 1, 2, 0, 65), (56, 5, 1, 1, 2, 0, 65)]


def test_no_count_but_zero_begins_with_zero_and_runs_are_never_joined():
    assert glued_readings(["1020003"], 7, S3_SUM) == [(1, 0, 2, 0, 0, 0, 3)]
    assert glued_readings(["12", "3"], 3, [RowSum((0, 1), 2)]) == [(1, 2, 3)]
    assert glued_readings(["1", "1", "2"], 2, [RowSum((0,), 1)]) == []   # 11 and 2 would be a join


def test_what_is_not_a_run_of_digits_or_outgrows_the_search_is_no_reading():
    assert glued_readings(["81a6", "94"], 7, S3_SUM) == []
    assert glued_readings(["1" * 60], 15, S4_SUMS) == []


@pytest.mark.parametrize("glued", ["apart", "joined"])
def test_table_三_printed_without_gaps_reads_as_the_table_printed_with_them(glued):
    report = _kaifeng(glued)
    assert report["s3"] == expected_tables("kaifeng_2021")["s3"]
    # rows of zeros are read as ever, the table's many repaired rows named in one warning (checks.MAX_ROW_WARNINGS)
    (repaired,) = [f for f in report["findings"] if f["rule"] == "row.repaired" and f["cells"][0].startswith("s3.")]
    assert len({cell.rpartition(".")[0] for cell in repaired["cells"]}) >= 15
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_run_beginning_with_zero_is_cut_like_the_others():
    # 0100001 is no count as printed (a leading zero: unreadable alone), but glued it is 0 1 0 0 0 0 1; it
    # once made the whole table unread. Two rows changed so that the columns still add up.
    changed = {"6.属于四类过程性信息": "0 1 0 0 0 0 1", "2.没有现成信息需要另行制作": "2 0 0 0 0 0 2"}
    report = _parsed("\n".join(_glued_lines("apart", figures=changed)))
    assert report["s3"]["result.denied.process_info"] == {
        "natural_person": 0, "commercial_enterprise": 1, "research_institution": 0, "social_welfare_org": 0,
        "legal_service_org": 0, "other_org": 0, "total": 1}
    assert report["s3"]["new_received"] == expected_tables("kaifeng_2021")["s3"]["new_received"]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_table_四_printed_without_gaps_is_cut_block_by_block():
    report = _kaifeng(s4="5173025 9401149530 17")
    assert report["s4"] == expected_tables("kaifeng_2021")["s4"]
    assert [f for f in report["findings"] if f["rule"] == "row.repaired" and f["cells"][0].startswith("s4.")]


@pytest.mark.parametrize("glued", ["apart", "joined"])
def test_a_tab_cell_of_figures_apart_by_spaces_is_that_many_cells_never_a_label(glued):
    report = _kaifeng(glued, tabs=True)
    assert report["s3"] == expected_tables("kaifeng_2021")["s3"]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_row_no_cut_explains_is_unread_and_a_label_alone_no_row_of_zeros():
    # 6.属于四类过程性信息's figures printed after 5.属于三类内部事务信息's, its label alone (a narrow label the
    # grammar could not join): 5's runs hold two rows' figures, and 6 may own some of them
    lines = _glued_lines("apart")
    internal = next(i for i, line in enumerate(lines) if "5.属于三类内部事务信息" in line)
    lines[internal] += " 100000 1"
    lines[internal + 1] = lines[internal + 1].rsplit(" ", 2)[0]
    report = _parsed("\n".join(lines))
    assert set(report["s3"]["result.denied.internal_affairs"].values()) == {None}
    assert set(report["s3"]["result.denied.process_info"].values()) == {None}
    assert report["s3"]["result.denied.third_party"] == expected_tables("kaifeng_2021")["s3"]["result.denied.third_party"]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_table_四_printed_long_where_a_count_wrapped_alone_on_a_line_is_joined():
    # a narrow cell wrapped 18 and 24 (1 / 8, 2 / 4), each tail alone on a line between the row's pieces: dropping
    # two figures adds up too (1 1 0 2 4), but leaves those lines unexplained; the joins are the row (row.repaired)
    report = _kaifeng(s4="3 0 0 0 3 1\n8\n5 1 0 2\n4\n7 0 0 0 7")
    assert report["s4"]["review"] == {"upheld": 3, "corrected": 0, "other": 0, "pending": 0, "total": 3}
    assert report["s4"]["litigation_direct"] == {"upheld": 18, "corrected": 5, "other": 1, "pending": 0, "total": 24}
    assert report["s4"]["litigation_after_review"]["total"] == 7
    assert any(f["rule"] == "row.repaired" and "s4.litigation_direct.upheld" in f["cells"] for f in report["findings"])


def test_a_run_longer_than_any_row_of_counts_is_no_reading():
    # 4,301 digits: no seven counts of at most limits.MAX_DIGITS digits each, and never turned into an int
    assert glued_readings(["1" * 4301], 7, S3_SUM) == []


def test_with_blanks_a_run_is_read_only_where_every_way_of_leaving_cells_blank_agrees():
    assert glued_readings(["000"], 3, [], blanks=True) == [(0, 0, 0)]
    assert glued_readings(["003"], 3, [], blanks=True) == [(0, 0, 3)]
    # 1 0 4, or 10 4 or 104 with cells left blank anywhere
    assert sorted(glued_readings(["104"], 3, [], blanks=True)) == [(0, 0, 104), (0, 10, 4), (0, 104, 0), (1, 0, 4),
                                                                   (10, 0, 4), (10, 4, 0), (104, 0, 0)]
    assert glued_readings(["12a"], 3, [], blanks=True) == []
    # the sums still choose: 1 2 3 (1 + 2 = 3) or 12 with blanks, which no sum keeps
    assert glued_readings(["123"], 3, [RowSum((0, 1), 2)], blanks=True) == [(1, 2, 3)]

"""Empty cells read back from runs of rows whose totals stand at one place in layout-kept text
(``gxparse.extraction.totalruns``): ``pdftotext -layout`` squeezes crowded lines, so the rows of one table come in
runs of their own grids. Frozen input: tests/fixtures/extracted/pdftotext-layout/zhoukou_city_2021.libreoffice-blank."""

from __future__ import annotations

import math
import time
from dataclasses import replace

from gxparse import parse_document
from gxparse.document import lines_from_text
from gxparse.extraction.totalruns import _MAX_LAYINGS, _starts, run_layings, spread_by_total_runs
from gxparse.rows import RawRow
from tests.gxparse.extracted import EXTRACTED, document_truth



def _rows(text: str) -> dict[str, RawRow]:
    """A row per line of layout-kept text, named by its label, in order."""
    rows = {}
    for order, line in enumerate(lines_from_text(text)):
        rows[line.label] = RawRow(line.label, line.label, line.values, line.where, order=order,
                                  offsets=line.value_offsets)
    return rows


# zhoukou 2021's 表三 as pdftotext -layout writes it with zeros printed blank: three runs, each its own grid
SQUEEZED = """\
甲一        306 4   5     6     9       4    334
甲二        3                                3
乙一    189       3   4   4   3   203
乙二    21    3   1               25
乙三    63            1   2       66
丙一           6                     1            7
丙二           5          1          1            7
丙三           308   4    5     6    9   3        335
丙四           1                         1        2
"""


def test_a_run_whose_figures_stand_at_as_many_places_as_columns_is_laid_under_them():
    laid = {key: row.values for key, row in spread_by_total_runs(_rows(SQUEEZED), 7).items()}
    assert laid == {"甲二": ["3", "", "", "", "", "", "3"],
                    # no row of this run is printed whole: its figures stand at seven places together
                    "乙一": ["189", "", "3", "4", "4", "3", "203"],
                    "乙二": ["21", "3", "1", "", "", "", "25"],
                    "乙三": ["63", "", "", "1", "2", "", "66"],
                    "丙一": ["6", "", "", "", "1", "", "7"],
                    "丙二": ["5", "", "1", "", "1", "", "7"],
                    "丙四": ["1", "", "", "", "", "1", "2"]}


def test_a_run_printing_fewer_places_than_columns_lays_none_of_its_rows():
    # 乙's runs never print its 商业企业 column: which of its places is which column nothing shows
    rows = {key: row for key, row in _rows(SQUEEZED).items() if key != "乙二"}
    laid = spread_by_total_runs(rows, 7)
    assert not {"乙一", "乙三"} & set(laid) and {"甲二", "丙一"} <= set(laid)


def test_two_grids_sharing_a_totals_place_lay_none():
    # rows of two grids whose totals start at one place: their figures stand at more places than columns
    rows = _rows("甲一    189       3   4   4   3   203\n"
                 "甲二      21    3     1           25\n")
    assert [_starts(row)[-1] for row in rows.values()] == [32, 32]
    assert spread_by_total_runs(rows, 7) == {}


def test_a_short_row_with_one_space_between_its_figures_lays_none():
    rows = _rows("甲一    189 2 3 4 4 3 205\n"
                 "甲二    21    3 1       25\n")
    assert spread_by_total_runs(rows, 7) == {}


def test_figures_aligned_at_the_right_of_their_cells_are_laid_by_their_ends():
    rows = _rows("甲一    189    3    4   14    3   213\n"
                 "甲二     21    1                   22\n")
    assert spread_by_total_runs(rows, 6)["甲二"].values == ["21", "1", "", "", "", "22"]


def test_runs_are_laid_in_linear_time():
    pair = list(_rows("甲一    189       3   4   4   3   203\n甲二    21    3   1               25\n").values())
    rows = {f"{n}": replace(pair[n % 2], order=n) for n in range(100_000)}
    started = time.process_time()
    assert len(spread_by_total_runs(rows, 7)) == 100_000
    assert time.process_time() - started < 5


def test_layout_text_with_crowded_lines_reads_each_row_of_table_three_laid_by_its_run():
    name = "zhoukou_city_2021"
    truth = document_truth(name)["s3"]
    report = parse_document((EXTRACTED / "pdftotext-layout" / f"{name}.libreoffice-blank.txt").read_bytes(),
                            "r.txt").to_dict()
    laid = ["carried_over", "result.granted", "result.partial", "result.unable.not_held", "result.unable.needs_creation",
            "result.not_processed.duplicate", "result.not_processed.reconfirm", "result.other.no_correction",
            "result.other.other", "carry_forward"]
    assert {key: report["s3"][key] for key in laid} == {key: truth[key] for key in laid}


# simsite-c00-2022's first rows as pdftotext -layout writes them with zeros blank: the run's figures stand at five
# places; 科研机构 and 社会公益 are empty in both rows, and the sums cannot tell which two of the four middle columns
# are: the gap the two blank columns leave between 商业企业 and 法律服务 can
FEWER = """\
甲一   68      6                      4      2    80
甲二   1       1                                  2
"""


def test_a_run_printing_fewer_places_is_laid_every_way_whose_columns_stand_evenly():
    # their figures start at one place a column (their ends, of figures one and two digits wide, do not)
    run = next(run for run in run_layings(_rows(FEWER), 7) if run.keys == ("甲一", "甲二"))
    assert ((0, 1, 4, 5, 6), (0, 1, 6)) in run.layings
    # the two blank columns after 法律服务's place: a column 23 characters wide beside others 5 to 8
    assert ((0, 1, 2, 3, 6), (0, 1, 6)) not in run.layings
    assert all(columns[-1] == 6 for laying in run.layings for columns in laying)


def test_a_run_with_too_many_layings_to_try_gives_none():
    rows = _rows("甲一   1   2   3   4   10\n甲二   1   2   3   4   10\n")
    assert math.comb(11, 4) > _MAX_LAYINGS and run_layings(rows, 12) == []
    assert run_layings(rows, 7)


def test_layout_text_with_blank_zeros_reads_table_three_by_its_runs_places_and_sums():
    name = "simsite-c00-2022"
    truth = document_truth(name)["s3"]
    report = parse_document((EXTRACTED / "pdftotext-layout" / f"{name}.libreoffice-blank.txt").read_bytes(),
                            "r.txt").to_dict()
    assert report["s3"] == truth
    assert not [f for f in report["findings"] if f["rule"] == "cell.unread"]

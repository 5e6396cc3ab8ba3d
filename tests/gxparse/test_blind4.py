"""The rules round 5 of the blind renderings asked for (tests/fixtures/blind4, see its README), each on the
rendering that showed it and on the cases around it."""

from __future__ import annotations

import pytest

from gxparse import parse_document
from tests.gxparse.extracted import EXTRACTED, document_truth, table_cells

BLIND4 = EXTRACTED.with_name("blind4")


def _read(rendering: str) -> tuple[dict, dict]:
    path = BLIND4 / rendering
    return parse_document(path.read_bytes(), path.name).to_dict(), document_truth(path.name.partition(".")[0])


@pytest.mark.parametrize("rendering", [
    "word-mht/simsite-c01-2020.mht",                   # Word's .mht: its theme part is no attachment
])
def test_every_cell_is_the_reports_figure_and_the_errors_are_the_reports(rendering):
    report, truth = _read(rendering)
    expected, got = table_cells(truth), table_cells(report)
    assert {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value} == {}
    assert {f["rule"] for f in report["findings"] if f["severity"] == "error"} == set(truth["errors"])
    assert (report["agency"], report["year"]) == (truth["agency"], truth["year"])

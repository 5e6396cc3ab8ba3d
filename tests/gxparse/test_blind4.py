"""The rules round 5 of the blind renderings asked for (tests/fixtures/blind4, see its README), each on the
rendering that showed it and on the cases around it."""

from __future__ import annotations

import pytest

from gxparse import parse_document
from gxparse.readers.html import read_html
from tests.gxparse.extracted import EXTRACTED, document_truth, table_cells

BLIND4 = EXTRACTED.with_name("blind4")


def _read(rendering: str) -> tuple[dict, dict]:
    path = BLIND4 / rendering
    return parse_document(path.read_bytes(), path.name).to_dict(), document_truth(path.name.partition(".")[0])


@pytest.mark.parametrize("rendering", [
    "word-mht/simsite-c01-2020.mht",                   # Word's .mht: its theme part is no attachment
    "thepaper-next/simsite-c00-2022.html",             # the article only in Next.js's __NEXT_DATA__ JSON
])
def test_every_cell_is_the_reports_figure_and_the_errors_are_the_reports(rendering):
    report, truth = _read(rendering)
    expected, got = table_cells(truth), table_cells(report)
    assert {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value} == {}
    assert {f["rule"] for f in report["findings"] if f["severity"] == "error"} == set(truth["errors"])
    assert (report["agency"], report["year"]) == (truth["agency"], truth["year"])


def test_curly_quotes_in_a_scripts_string_do_not_end_it():
    # the page's normalisation makes “ ” ASCII quotes: inside a script's literal they would close it early
    page = ('<html><body><div id="c"></div><script>var content = "<table><tr><td>3.危及“三安全一稳定”</td>'
            '<td>7</td></tr></table>";</script></body></html>')
    assert [(line.label, line.values) for line in read_html(page).lines] == [('3.危及"三安全一稳定"', ["7"])]

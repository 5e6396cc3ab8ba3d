"""Reports as real sites, editors and other projects' converters write them, made without reading gxparse
(tests/fixtures/blind, see its README): every figure read exactly, every error the report deserves and no other."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from gxparse import parse_document
from tests.gxparse.extracted import EXTRACTED, document_truth, table_cells

BLIND = EXTRACTED.with_name("blind")
RENDERINGS = sorted(f"{p.parent.name}/{p.name}" for p in BLIND.glob("blind-*/*.*"))


def truth(rendering: str) -> dict:
    return document_truth(Path(rendering).name.partition(".")[0])


@lru_cache(maxsize=None)
def parsed(rendering: str) -> dict:
    return parse_document((BLIND / rendering).read_bytes(), Path(rendering).name).to_dict()


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_every_cell_is_the_reports_figure(rendering):
    expected, got = table_cells(truth(rendering)), table_cells(parsed(rendering))
    assert {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value} == {}


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_the_errors_the_report_deserves_and_no_other(rendering):
    errors = {f["rule"] for f in parsed(rendering)["findings"] if f["severity"] == "error"}
    assert errors == set(truth(rendering)["errors"])

"""The PDF-to-text and HTML-to-text renderings in tests/fixtures/extracted and tests/fixtures/htmltext and the
hand-read truth of the documents they print."""

from __future__ import annotations

import json
from pathlib import Path

from gxparse import parse_document

EXTRACTED = Path(__file__).resolve().parent.parent / "fixtures" / "extracted"
HTMLTEXT = EXTRACTED.with_name("htmltext")


def document_truth(document: str, folder: Path = EXTRACTED) -> dict:
    """Every figure of ``document`` (``kaifeng_2021``, ``simsite-c00-2019``) as its truth file in ``folder`` holds
    them."""
    return json.loads((folder / "truth" / f"{document}.truth.json").read_text(encoding="utf-8"))


def parsed_rendering(folder: Path, rendering: str) -> dict:
    """The report gxparse reads from ``folder/<rendering>.txt`` (``pdftotext/kaifeng_2021.libreoffice``)."""
    return parse_document((folder / f"{rendering}.txt").read_bytes(), f"{rendering}.txt").to_dict()


def differences(path: Path) -> dict[str, object]:
    """What gxparse reads from a rendering ``path`` (``<style>/<report>.<ext>``) otherwise than its report's truth
    says: cells (read, true), error rules found or missed, (agency, year); {} when it reads it all."""
    report = parse_document(path.read_bytes(), path.name).to_dict()
    truth = document_truth(path.name.partition(".")[0])
    got, errors = table_cells(report), {f["rule"] for f in report["findings"] if f["severity"] == "error"}
    out: dict[str, object] = {
        "cells": {cell: (got.get(cell), value) for cell, value in table_cells(truth).items() if got.get(cell) != value},
        "errors": errors ^ set(truth["errors"]),
        "metadata": {(report["agency"], report["year"])} - {(truth["agency"], truth["year"])}}
    return {key: value for key, value in out.items() if value}


def table_cells(tables: dict, names: tuple[str, ...] = ("s2", "s3", "s4")) -> dict[str, object]:
    """Every cell of ``names`` in a report or truth, by its path (``s3.result.granted.total``)."""
    return {f"{t}.{row}.{col}": value for t in names for row, cols in (tables[t] or {}).items()
            for col, value in cols.items()}

"""The seed reports (tests/fixtures/seeds) and their hand-read expected figures."""

from __future__ import annotations

import json
from pathlib import Path

from gxparse import parse_document
from gxparse.template import S2_ITEMS, S3_COLUMNS, S4_COLUMNS

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEEDS = sorted(p.stem for p in SEED_DIR.glob("*.txt"))


def seed_bytes(name: str) -> bytes:
    return (SEED_DIR / f"{name}.txt").read_bytes()


def expected(name: str) -> dict:
    return json.loads((SEED_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))


def expected_tables(name: str) -> dict:
    """The expected figures in the JSON-contract shape: s2/s3/s4 as row → column → value."""
    exp = expected(name)
    items = {item.key: [c.key for c in item.columns] for item in S2_ITEMS[exp["template"]]}
    s2 = {row: dict(zip(items[row], values)) for row, values in exp["s2"].items()} if exp["s2"] else None
    s3_cols = [c.key for c in S3_COLUMNS]
    s3 = {row: dict(zip(s3_cols, values)) for row, values in exp["s3"].items()} if exp["s3"] else None
    s4_cols = [c.key for c in S4_COLUMNS]
    s4 = {block: dict(zip(s4_cols, values)) for block, values in exp["s4"].items()} if exp["s4"] else None
    return {"s2": s2, "s3": s3, "s4": s4}


def report_dict(name: str, **extra: object) -> dict:
    """A report dict of the seed's expected figures, as renderers take it."""
    exp = expected(name)
    return {"title": f"{exp['agency']}{exp['year']}年政府信息公开工作年度报告", "agency": exp["agency"],
            "year": exp["year"], "template": exp["template"], **expected_tables(name), **extra}


def seed_prose(name: str) -> dict:
    """The seed's prose sections (as the text reader reads them), so that a rendering carries its narrative."""
    text = parse_document(seed_bytes(name), name)
    return {"s1_text": text.s1_text, "s5_text": text.s5_text, "s6_text": text.s6_text}

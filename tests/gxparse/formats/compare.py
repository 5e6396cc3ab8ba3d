"""What "the same figures as the text version" means, asserted one field at a time."""

from __future__ import annotations

from functools import lru_cache

from gxparse import parse_document
from tests.gxparse.seeds import seed_bytes

TABLES = ("s2", "s3", "s4")
DOCUMENT_FIELDS = ("title", "agency", "year", "template", "sections_present")


@lru_cache(maxsize=None)
def text_version(name: str) -> dict:
    return parse_document(seed_bytes(name), f"{name}.txt").to_dict()


def rules(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"]}


def assert_same_tables(report: dict, name: str) -> None:
    text = text_version(name)
    for table in TABLES:
        assert report[table] == text[table], f"{name}: {table} differs from the text version"


def assert_same_figures(report: dict, name: str) -> None:
    """Tables, prose figures and the document's metadata all as the text version reads them."""
    assert_same_tables(report, name)
    text = text_version(name)
    for field in DOCUMENT_FIELDS:
        assert report[field] == text[field], f"{name}: {field}"
    assert report["narrative"] == text["narrative"], f"{name}: narrative figures"

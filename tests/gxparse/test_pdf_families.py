"""The PDF producer families of ``pdf_families`` read as their seed's text: zeros written 零/〇 or left blank,
ruled and borderless; labels in distributed alignment a glyph per text object; rules drawn as filled
rectangles; pages turned under /Rotate 90."""

from pathlib import Path

import pytest

from gxparse import parse_document
from tests.gxparse.pdf_families import FAMILIES
from tests.gxparse.seeds import expected_tables

SEED = "zhoukou_city_2021"   # every row of table 三, zeros in every table, a column of zeros only (科研机构)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_table_is_read_as_printed(family: str, tmp_path: Path):
    report = parse_document(FAMILIES[family](SEED, tmp_path / f"{SEED}.pdf"), f"{SEED}.pdf").to_dict()
    truth = expected_tables(SEED)
    # 表四's one row without rules, its zeros left blank, is laid under its header's cells (layout.columns)
    assert (report["s3"], report["s4"]) == (truth["s3"], truth["s4"])
    if family != "borderless-zero-blank":
        assert report["s2"] == truth["s2"]

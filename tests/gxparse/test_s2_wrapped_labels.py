"""Table 二 printed a cell per line whose stream cannot be laid into the template's rows (a figure left out):
an item whose narrow label cell wraps around its figures (行政规范性文 / 12 / 18 / 271 / 件) is still read by its
label. Frozen input: tests/fixtures/extracted/pdftotext/zhoukou_office_2021.narrow (the report prints no fee row)."""

from __future__ import annotations

from gxparse import parse_document
from tests.gxparse.extracted import EXTRACTED


def test_an_item_whose_label_wraps_around_its_figures_is_read_where_the_stream_is_not():
    report = parse_document((EXTRACTED / "pdftotext" / "zhoukou_office_2021.narrow.txt").read_bytes(),
                            "r.txt").to_dict()
    assert report["s2"]["normative_docs"] == {"issued": 12, "repealed": 18, "in_force": 271}
    # the row the report does not print is said missing once the rows around it are read (before: unread)
    assert report["s2"]["admin_fees"] == {"amount_wan_yuan": None}
    assert [f["severity"] for f in report["findings"] if "s2.admin_fees.amount_wan_yuan" in f["cells"]] == ["error"]
    assert any(f["rule"] == "cell.missing" and f["cells"] == ["s2.admin_fees.amount_wan_yuan"]
               for f in report["findings"])

"""Three real reports as their agencies published them (ruled PDFs from Jiangsu) and their pdfplumber text,
against figures read by hand (tests/fixtures/real, see its README): every cell exact from the PDF and from the
text, 洪泽 2023's unbalanced 表四 found, and no other error."""

from __future__ import annotations

import io
import json
from functools import lru_cache
from pathlib import Path

import pypdf
import pytest

from gxparse import parse_document
from tests.gxparse.formats.repackaged import pages_as_forms, with_page_pictures

REAL_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "real"
REPORTS = sorted(p.stem for p in REAL_DIR.glob("*.truth.json"))
NAMES = [name.removesuffix(".truth") for name in REPORTS]
KINDS = ("pdf", "txt")


def truth(name: str) -> dict:
    return json.loads((REAL_DIR / f"{name}.truth.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def parsed(name: str, kind: str) -> dict:
    path = REAL_DIR / f"{name}.{kind}"
    return parse_document(path.read_bytes(), path.name).to_dict()


def _cells(tables: dict) -> dict[str, object]:
    return {f"{t}.{row}.{col}": value for t in ("s2", "s3", "s4") for row, cols in (tables[t] or {}).items()
            for col, value in cols.items()}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_every_cell_is_the_hand_read_figure(name, kind):
    expected = _cells(truth(name))
    got = _cells(parsed(name, kind))
    wrong = {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value}
    assert not wrong, f"{name}.{kind}: {len(wrong)} of {len(expected)} cells differ: {wrong}"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_year_template_and_sections(name, kind):
    report = parsed(name, kind)
    assert (report["year"], report["template"]) == (truth(name)["year"], truth(name)["template"])
    assert report["sections_present"] == ["s1", "s2", "s3", "s4", "s5", "s6"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_blank_cells_are_those_the_truth_names(name, kind):
    blank = {c for f in parsed(name, kind)["findings"] if f["rule"] == "cell.blank" for c in f["cells"]}
    assert blank == set(truth(name)["blank_cells"])


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_only_the_reports_own_inconsistencies_are_errors(name, kind):
    errors = [f for f in parsed(name, kind)["findings"] if f["severity"] == "error"]
    if name.startswith("002_"):   # 表四: 行政复议 10+1+0+0 ≠ 0, 复议后起诉 5+0+0+0 ≠ 0, as printed
        assert [(f["rule"], f["cells"][-1]) for f in errors] == [
            ("s4.block_sum", "s4.review.total"), ("s4.block_sum", "s4.litigation_after_review.total")]
    else:
        assert errors == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["002_huaian_hongze_2023", "003_huaian_hongze_2024"])
def test_the_printed_label_typo_is_read_as_its_row_and_said(name, kind):
    fuzzy = [f for f in parsed(name, kind)["findings"] if f["rule"] == "label.fuzzy"]
    assert len(fuzzy) == 1 and fuzzy[0]["severity"] == "warning"
    assert "其他法律行政止公开" in fuzzy[0]["message"] and "2.其他法律行政法规禁止公开" in fuzzy[0]["message"]
    assert fuzzy[0]["cells"][0] == "s3.result.denied.law_prohibited.natural_person"


@pytest.mark.parametrize("kind", KINDS)
def test_a_narrative_figure_that_contradicts_the_table_is_a_warning(kind):
    mismatch = [f for f in parsed("003_huaian_hongze_2024", kind)["findings"] if f["rule"] == "narrative.mismatch"]
    assert [(f["severity"], f["cells"]) for f in mismatch] == [("warning", ["s3.new_received.total"])]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_no_row_is_guessed_by_its_place(name, kind):
    assert "row.by_position" not in {f["rule"] for f in parsed(name, kind)["findings"]}


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_pages_drawn_sideways_and_turned_upright_read_as_printed(rotation):
    # some printers (and landscape tables on portrait sheets) draw a page's content turned and set /Rotate to
    # show it upright: characters and rules come in the content's frame and are read in the displayed one
    name = "002_huaian_hongze_2023"
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(REAL_DIR / f"{name}.pdf"))
    for page in writer.pages:
        page.rotate(rotation)
        page.transfer_rotation_to_content()
        page.rotate(360 - rotation)
    out = io.BytesIO()
    writer.write(out)
    report = parse_document(out.getvalue(), f"{name}.rotated.pdf").to_dict()
    assert _cells(report) == _cells(truth(name))
    assert report["agency"] == truth(name)["agency"]


@pytest.mark.parametrize("placed", [b"1 0 0 1 0 0", b"0.9 0 0 0.9 30 40"], ids=["as-is", "scaled-and-moved"])
def test_pages_put_in_form_xobjects_read_as_printed(placed):
    # pdfium gives the paths inside a form in the form's space: without them the rules of 001's table 四 were
    # not seen and 15 cells were lost
    name = "001_huaian_szf_2024"
    data = pages_as_forms((REAL_DIR / f"{name}.pdf").read_bytes(), placed)
    report = parse_document(data, f"{name}.stamped.pdf").to_dict()
    assert report["source_type"] == "pdf"
    assert _cells(report) == _cells(truth(name))


@pytest.mark.parametrize(("text", "evidence"), [("invisible", False), ("beneath", False), ("visible", True)])
def test_a_scans_ocr_layer_is_no_evidence(text, evidence):
    # 002 prints an unbalanced 表四, errors in the PDF itself. Made a searchable scan (its text another
    # program's OCR, invisible over the page's picture or under it), the same figures are OCR's reading:
    # warnings. Text printed over a full-page background picture is the document's own.
    name = "002_huaian_hongze_2023"
    data = with_page_pictures((REAL_DIR / f"{name}.pdf").read_bytes(), text)
    report = parse_document(data, f"{name}.{text}.pdf").to_dict()
    assert _cells(report) == _cells(truth(name))
    block = {f["severity"] for f in report["findings"] if f["rule"] == "s4.block_sum"}
    assert block == ({"error"} if evidence else {"warning"})

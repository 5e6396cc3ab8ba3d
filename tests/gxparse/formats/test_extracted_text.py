"""Text as other tools extract it from the seeds' PDFs (pdfplumber ``extract_text``, poppler ``pdftotext -layout``
and ``-raw``), handed to gxparse as .txt: labels wrapped in narrow cells beside their group label, figures on
the first, middle or other line of their label, page numbers between rows. Every figure is the text version's
and no error is added."""

import pytest

from gxparse import parse_document
from tests.gxparse.formats.build import extracted_text
from tests.gxparse.formats.compare import assert_same_tables, text_version
from tests.gxparse.seeds import SEEDS

TOOLS = ("pdfplumber", "layout", "raw")


def _errors(report: dict) -> list[str]:
    return sorted(f["rule"] for f in report["findings"] if f["severity"] == "error")


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("name", SEEDS)
def test_text_extracted_from_the_libreoffice_pdf_gives_the_text_figures(fixtures, name, tool):
    text = extracted_text(fixtures.libreoffice_pdf(name), tool)
    report = parse_document(text.encode("utf-8"), f"{name}.{tool}.txt").to_dict()
    assert_same_tables(report, name)
    assert _errors(report) == _errors(text_version(name))


# zhoukou_city's reportlab print leaves a column's zeros blank: text split at spaces keeps no trace of where a blank
# cell was, so those rows are ambiguous there (the PDF itself reads them by position)
@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("name", [n for n in SEEDS if n != "zhoukou_city_2021"])
def test_text_extracted_from_the_reportlab_pdf_gives_the_text_figures(fixtures, name, tool):
    text = extracted_text(fixtures.reportlab_pdf(name), tool)
    report = parse_document(text.encode("utf-8"), f"{name}.{tool}.txt").to_dict()
    assert_same_tables(report, name)
    assert _errors(report) == _errors(text_version(name))


# text that keeps the page's layout shows where the blank cells of zhoukou_city's reportlab print are
@pytest.mark.parametrize("tool", ["layout", "pdfplumber-layout"])
def test_layout_kept_text_of_a_print_with_blank_cells_gives_the_text_figures(fixtures, tool):
    text = extracted_text(fixtures.reportlab_pdf("zhoukou_city_2021"), tool)
    report = parse_document(text.encode("utf-8"), f"zhoukou_city_2021.{tool}.txt").to_dict()
    assert_same_tables(report, "zhoukou_city_2021")
    assert _errors(report) == _errors(text_version("zhoukou_city_2021"))

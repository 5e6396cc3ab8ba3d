"""The seeds as the PDF producers agencies use print them (tests/fixtures/producers, ``freeze_producers``): every
figure as the text version reads it, and no error the report does not deserve."""

from pathlib import Path

import pytest

from gxparse import parse_document
from tests.gxparse.evidence import assert_errors_rest_on_evidence
from tests.gxparse.formats.compare import assert_same_figures, text_version

PRODUCERS = Path(__file__).resolve().parents[2] / "fixtures" / "producers"
PRINTS = sorted(PRODUCERS.glob("*.pdf"))


def _errors(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"] if f["severity"] == "error"}


@pytest.mark.parametrize("path", PRINTS, ids=lambda path: path.stem)
def test_producer_print_gives_the_text_figures(path):
    name = path.name.split(".")[0]
    data = path.read_bytes()
    report = parse_document(data, path.name).to_dict()
    assert_errors_rest_on_evidence(report, data, path.name)
    assert_same_figures(report, name)
    assert _errors(report) <= _errors(text_version(name)) | {"cell.missing"}


def test_every_habit_is_frozen():
    from tests.gxparse.formats.freeze_producers import HABITS
    assert {path.name.split(".")[1] for path in PRINTS} == set(HABITS)


def test_hidden_layers_are_read_at_most_max_layers():
    import pymupdf

    from gxparse.readers.pdflayers import MAX_LAYERS, hidden_layers
    document = pymupdf.open()
    document.new_page()
    for number in range(MAX_LAYERS + 5):
        document.add_ocg(f"layer{number}", on=False)
    names = hidden_layers(document.tobytes())
    assert len(names) == MAX_LAYERS and b"layer0" in names

"""DOC and WPS: converted by LibreOffice, read as DOCX, giving the text version's figures."""

import pytest

from gxparse import DocumentError, parse_document
from gxparse.readers.sniff import sniff
from tests.gxparse.evidence import assert_errors_rest_on_evidence
from tests.gxparse.formats.compare import assert_same_figures, rules, text_version
from tests.gxparse.seeds import SEEDS


@pytest.mark.parametrize("name", SEEDS)
def test_doc_gives_the_text_figures(fixtures, name):
    data = fixtures.doc(name).read_bytes()
    report = parse_document(data, f"{name}.doc").to_dict()
    assert report["source_type"] == "doc"
    assert_same_figures(report, name)
    assert_errors_rest_on_evidence(report, data, f"{name}.doc")
    assert rules(report) == rules(text_version(name)) - {"row.repaired"}


@pytest.mark.parametrize("name", ["kaifeng_2021", "zhoukou_xinfang_2021"])
def test_wps_is_sniffed_from_its_bytes_and_gives_the_text_figures(fixtures, name):
    data = fixtures.wps(name).read_bytes()
    assert sniff(data) == "wps" and sniff(fixtures.doc(name).read_bytes()) == "doc"
    report = parse_document(data, "attachment.bin").to_dict()   # the name says nothing
    assert report["source_type"] == "wps"
    assert_same_figures(report, name)


def test_damaged_doc_raises_document_error(fixtures):
    data = fixtures.doc("kaifeng_2021").read_bytes()
    with pytest.raises(DocumentError) as err:
        parse_document(data[:4096], "broken.doc")
    assert "DOC" in err.value.reason

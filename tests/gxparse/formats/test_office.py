"""DOC and WPS: converted by LibreOffice, read as DOCX, giving the text version's figures."""

import tempfile

import psutil
import pytest

from gxparse import DocumentError, limits, parse_document
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


def _running_from(folder) -> list[str]:
    """Command lines of the processes still running with ``folder`` in them (their profile or document)."""
    found = []
    for process in psutil.process_iter(["cmdline", "status"]):
        line = " ".join(process.info["cmdline"] or [])
        if str(folder) in line and process.info["status"] != psutil.STATUS_ZOMBIE:
            found.append(line)
    return found


def test_a_conversion_over_its_time_leaves_no_libreoffice_running(fixtures, tmp_path, monkeypatch):
    data = fixtures.doc("kaifeng_2021").read_bytes()
    monkeypatch.setattr(limits, "MAX_CONVERT_WALL_SECONDS", 0.5)  # LibreOffice takes seconds to start
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))      # the conversion's folder, to find its processes
    with pytest.raises(DocumentError) as err:
        parse_document(data, "slow.doc")
    assert "转换超时" in err.value.reason
    assert _running_from(tmp_path) == []                          # soffice.bin, soffice's child, killed too

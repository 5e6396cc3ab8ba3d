"""Unreadable documents: a clear error (exit 1, ``error`` in the JSON line), never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from gxparse import DocumentError, parse_document


def _encrypted(path) -> bytes:
    """A PDF that opens only with a user password (reportlab writes the encryption)."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas
    out = path / "locked.pdf"
    c = canvas.Canvas(str(out), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(72, 720, "2021")
    c.save()
    return out.read_bytes()


@pytest.fixture(scope="module")
def broken(tmp_path_factory, fixtures):
    folder = tmp_path_factory.mktemp("broken")
    pdf = fixtures.reportlab_pdf("kaifeng_2021").read_bytes()
    docx = fixtures.docx("kaifeng_2021").read_bytes()
    files = {
        "empty.pdf": b"",
        "truncated.pdf": pdf[: len(pdf) // 2],
        "corrupt.pdf": pdf[:1024] + b"\x00garbage" * 200 + b"\n%%EOF\n",
        "locked.pdf": _encrypted(folder),
        "truncated.docx": docx[: len(docx) // 3],
        "corrupt.docx": docx[:40] + b"\xff" * 400 + docx[440:],
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("name, says", [
    ("empty.pdf", "文件为空"), ("truncated.pdf", "不完整"), ("corrupt.pdf", "损坏"), ("locked.pdf", "密码"),
    ("truncated.docx", "DOCX"), ("corrupt.docx", "DOCX"),
])
def test_unreadable_file_is_a_document_error(broken, name, says):
    with pytest.raises(DocumentError) as err:
        parse_document((broken / name).read_bytes(), name)
    assert says in err.value.reason


@pytest.mark.parametrize("name", ["encrypted.docx", "encrypted.xlsx"])
def test_a_password_protected_office_document_is_called_encrypted(name):
    data = (Path(__file__).parents[2] / "fixtures" / "office" / name).read_bytes()
    with pytest.raises(DocumentError) as err:
        parse_document(data, name)
    assert "加密" in err.value.reason


def test_cli_prints_the_error_as_json_and_exits_1(broken, fixtures):
    good = fixtures.reportlab_pdf("huangchuan_2021")
    paths = [str(broken / n) for n in ("empty.pdf", "truncated.pdf", "locked.pdf", "corrupt.docx")] + [str(good)]
    gxparse = Path(sys.executable).with_name("gxparse")   # the console script pip installed beside python
    done = subprocess.run([str(gxparse), "parse", *paths], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [set(obj) == {"source", "error"} for obj in lines] == [True, True, True, True, False]
    assert lines[-1]["source_type"] == "pdf" and lines[-1]["s3"] is not None
    assert "密码" in lines[2]["error"]


def test_a_pdf_whose_owner_password_only_restricts_printing_still_reads(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas
    out = tmp_path / "restricted.pdf"
    c = canvas.Canvas(str(out), encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0))
    c.drawString(72, 720, "hello")
    c.save()
    assert len(pdfium.PdfDocument(out.read_bytes())) == 1
    assert parse_document(out.read_bytes(), "restricted.pdf").source_type == "pdf"

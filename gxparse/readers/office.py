"""DOC and WPS (the binary Word formats, WPS Office's included) → DOCX by LibreOffice, then read as DOCX.

The conversion runs ``soffice --headless`` with a profile of its own in a temporary folder, so parallel
conversions never share (and lock) a profile. The system package is listed in scripts/system-packages.txt.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from gxparse.document import Document
from gxparse.errors import DocumentError
from gxparse.readers.wordfile import read_docx

CONVERT_TIMEOUT = 180   # seconds: a first start of LibreOffice on a cold machine takes a while


def _soffice(source: str) -> str:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        raise DocumentError(source, "读取 DOC/WPS 文件需要 LibreOffice（soffice），本机未安装")
    return binary


def to_docx(data: bytes, source: str, kind: str) -> bytes:
    """The document converted to DOCX by LibreOffice; DocumentError when LibreOffice cannot read it."""
    soffice = _soffice(source)
    with tempfile.TemporaryDirectory(prefix="gxparse-office-") as tmp:
        folder = Path(tmp)
        # named .doc whatever it is: LibreOffice takes a .wps name for a Microsoft Works file
        document = folder / "document.doc"
        document.write_bytes(data)
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nologo", "--convert-to", "docx:MS Word 2007 XML",
                   "--outdir", str(folder / "out"), str(document)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise DocumentError(source, f"{kind.upper()} 文件转换超时（LibreOffice 超过 {CONVERT_TIMEOUT} 秒）") from exc
        converted = folder / "out" / "document.docx"
        if done.returncode != 0 or not converted.exists() or converted.stat().st_size == 0:
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            reason = said[-1] if said else f"exit {done.returncode}"
            raise DocumentError(source, f"{kind.upper()} 文件损坏或无法转换（LibreOffice：{reason}）")
        return converted.read_bytes()


def read_word_binary(data: bytes, source: str, kind: str) -> Document:
    return read_docx(to_docx(data, source, kind), source, source_type=kind)

"""The binary Office formats → Office Open XML by LibreOffice, for the readers of that to read: DOC, WPS (the
binary Word formats, WPS Office's included) and RTF as DOCX, XLS and ET (Excel's binary workbook, WPS 表格's) as
XLSX.

The conversion runs ``soffice --headless`` with a profile of its own in a temporary folder, so parallel
conversions never share (and lock) a profile, under ``prlimit`` (util-linux): a hostile file can make
LibreOffice take no more memory, CPU time and disk than ``limits`` allows. The system packages are listed in
scripts/system-packages.txt.

``soffice`` starts ``soffice.bin`` as a child of its own, so a conversion runs in a process group (session) of
its own and the whole group is killed however the conversion ends (done, timed out, or the caller unwound by
an exception or by SIGTERM turned into one, as the crawl's parse workers do): killing ``soffice`` alone would
leave ``soffice.bin`` running, an orphan holding its memory.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gxparse import deadline, limits
from gxparse.errors import DocumentError
from gxparse.readers.olechains import check_chains
from gxparse.readers.rtfbinary import check_binary_runs

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Target:
    name: str      # the file LibreOffice is given: named by the binary format whatever the kind (LibreOffice
                   # takes a .wps name for a Microsoft Works file, and has no filter of its own for .et)
    filter: str    # LibreOffice's export filter
    output: str    # the file it writes


_TARGETS = {
    "doc": _Target("document.doc", "docx:MS Word 2007 XML", "document.docx"),
    "wps": _Target("document.doc", "docx:MS Word 2007 XML", "document.docx"),
    "rtf": _Target("document.rtf", "docx:MS Word 2007 XML", "document.docx"),
    "xls": _Target("workbook.xls", "xlsx:Calc MS Excel 2007 XML", "workbook.xlsx"),
    "et": _Target("workbook.xls", "xlsx:Calc MS Excel 2007 XML", "workbook.xlsx"),
}


def _soffice(source: str, kind: str) -> list[str]:
    """The LibreOffice command, started under the conversion's resource limits."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        raise DocumentError(source, f"读取 {kind.upper()} 文件需要 LibreOffice（soffice），本机未安装")
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        raise DocumentError(source, f"读取 {kind.upper()} 文件需要 prlimit（Debian 软件包 util-linux），本机未找到")
    return [prlimit, f"--as={limits.MAX_CONVERT_MEMORY}", f"--cpu={limits.MAX_CONVERT_SECONDS}",
            f"--fsize={limits.MAX_DOCX_UNZIPPED}", "--", binary]


# What LibreOffice says of a file it cannot open, in words for a person: its own words are a program's, and
# a line it is not known to say is logged, never shown.
_LIBREOFFICE_SAID = {"source file could not be loaded": "无法打开此文件"}


def _said(done: subprocess.CompletedProcess, source: str) -> str:
    """What LibreOffice said about a failed conversion, in Chinese: its last line that is not a warning about
    Java when it is one LibreOffice is known to say (without its ``Error:``), else its exit status."""
    lines = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
    lines = [line for line in lines if not line.startswith("Warning")]
    line = lines[-1].removeprefix("Error:").strip() if lines else ""
    if line in _LIBREOFFICE_SAID:
        return _LIBREOFFICE_SAID[line]
    _log.info("LibreOffice on %s: exit status %s, %r", source, done.returncode, line)
    return f"退出码 {done.returncode}" if done.returncode else "未写出转换结果"


# the wall time of all the conversions of one document: a DOCX's RTF chunks, read again with its pictures
_conversions = deadline.WallBudget(lambda: limits.MAX_CONVERT_WALL_SECONDS)
conversion_budget = _conversions.opened
_conversion_seconds_left = _conversions.seconds_left


def _seconds_left() -> float:
    """What a conversion may take: what is left of the document's conversions or of its reading, the lesser."""
    return min(_conversion_seconds_left(), deadline.seconds_left())


def _time_limit() -> str:
    """The limit a conversion out of time ran into, in words."""
    if deadline.seconds_left() <= _conversion_seconds_left():
        return f"本文件的读取时限 {limits.MAX_DOCUMENT_SECONDS} 秒"
    return f"本文件的 LibreOffice 转换时限 {limits.MAX_CONVERT_WALL_SECONDS} 秒"


def _run(command: list[str], seconds: float) -> subprocess.CompletedProcess:
    """``command`` in a session of its own, with its whole process group killed when this returns or raises."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=seconds)
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def convert(data: bytes, source: str, kind: str) -> bytes:
    """The document (``kind``: doc, wps, rtf, xls or et) converted to DOCX or XLSX by LibreOffice; DocumentError
    when LibreOffice cannot read it."""
    target = _TARGETS[kind]
    if kind == "rtf":
        check_binary_runs(data, source)
    else:
        check_chains(data, source, kind)
    soffice = _soffice(source, kind)
    seconds = _seconds_left()
    if seconds <= 0:
        raise DocumentError(source, f"{kind.upper()} 内容未能转换：{_time_limit()}已用满（上限）")
    with tempfile.TemporaryDirectory(prefix="gxparse-office-") as tmp:
        folder = Path(tmp)
        document = folder / target.name
        document.write_bytes(data)
        command = [*soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nologo", "--convert-to", target.filter,
                   "--outdir", str(folder / "out"), str(document)]
        try:
            done = _run(command, seconds)
        except subprocess.TimeoutExpired as exc:
            raise DocumentError(source, f"{kind.upper()} 文件转换超时：超过{_time_limit()}（上限）") from exc
        except OSError as exc:
            _log.warning("LibreOffice could not start for %s: %s", source, exc)
            raise DocumentError(source, f"无法启动 LibreOffice 转换 {kind.upper()} 文件") from exc
        converted = folder / "out" / target.output
        if done.returncode != 0 or not converted.exists() or converted.stat().st_size == 0:
            raise DocumentError(source, f"{kind.upper()} 文件损坏、过大或无法转换（LibreOffice：{_said(done, source)}）")
        return converted.read_bytes()


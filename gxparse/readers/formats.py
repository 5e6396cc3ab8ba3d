"""The readers of binary formats, by sniffed kind. Each is imported on first use: a text or HTML parse
never loads pdfium, python-docx or the OCR engine."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable

from gxparse import limits
from gxparse.document import Document

Reader = Callable[[bytes, str], Document]
IMAGE_KINDS = ("png", "jpeg", "tiff", "bmp", "gif")   # the sniffed kinds OCR reads


def _on_first_use(module: str, function: str, *args: str) -> Reader:
    """The reader ``module.function(data, source, *args)``, its module imported when it first reads."""
    def read(data: bytes, source: str) -> Document:
        return getattr(importlib.import_module(module), function)(data, source, *args)
    return read


BINARY_READERS: dict[str, Reader] = {
    "pdf": _on_first_use("gxparse.readers.pdf", "read_pdf"),
    "docx": _on_first_use("gxparse.readers.wordfile", "read_docx"),
    # binary: its pictures' bytes; the page in it is checked as text is
    "mhtml": _on_first_use("gxparse.readers.mhtml", "read_mhtml"),
    **{kind: _on_first_use("gxparse.readers.wordfile", "read_word_binary", kind) for kind in ("doc", "wps", "rtf")},
    "wordxml": _on_first_use("gxparse.readers.wordxml", "read_word_xml"),
    "spreadsheetml": _on_first_use("gxparse.readers.spreadsheetml", "read_spreadsheet_xml"),
    "xlsx": _on_first_use("gxparse.readers.spreadsheet", "read_xlsx"),
    "ofd": _on_first_use("gxparse.readers.ofd", "read_ofd"),
    "odf": _on_first_use("gxparse.readers.odf", "read_odf"),
    "flatodf": _on_first_use("gxparse.readers.odf", "read_flat_odf"),
    "flatopc": _on_first_use("gxparse.readers.flatopc", "read_flat_opc"),
    **{kind: _on_first_use("gxparse.readers.spreadsheet", "read_binary_workbook", kind) for kind in ("xls", "et")},
    **{kind: _on_first_use("gxparse.ocr.scan", "read_image", kind) for kind in IMAGE_KINDS},
}


def ocr_budget() -> contextlib.AbstractContextManager[None]:
    """One OCR time budget for all the pictures of a document (the OCR engine loaded only then)."""
    from gxparse.ocr.engine import document_budget
    return document_budget()


def read_picture(data: bytes, source: str, kind: str, number: int) -> Document:
    """A document's ``number``-th picture read by OCR (a table pasted as a picture), to be placed where it stands;
    its notes name it (``第3张图片``) when OCR had no time for it. A document's pictures count against its limit
    of pages read by OCR."""
    from gxparse.ocr.scan import read_image
    limits.check_scanned_pages(number)
    return read_image(data, source, kind, f"第{number}张图片")


def scanned_findings(report: object, foreign_text: bool = False) -> list:
    """The findings of a report read by OCR: errors as warnings, and ``ocr.low_confidence`` (see
    ``gxparse.ocr.checks``; ``foreign_text``: read from text another program's OCR wrote)."""
    from gxparse.ocr.checks import scanned_findings as findings
    return findings(report, foreign_text)  # type: ignore[arg-type]

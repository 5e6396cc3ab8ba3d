"""The readers of binary formats, by sniffed kind. Each is imported on first use: a text or HTML parse
never loads pdfium, python-docx or the OCR engine."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from gxparse import limits
from gxparse.document import Document, Line

Reader = Callable[[bytes, str], Document]
IMAGE_KINDS = ("png", "jpeg", "tiff", "bmp", "gif")   # the sniffed kinds OCR reads


def _read_pdf(data: bytes, source: str) -> Document:
    from gxparse.readers.pdf import read_pdf
    return read_pdf(data, source)


def _read_docx(data: bytes, source: str) -> Document:
    from gxparse.readers.wordfile import read_docx
    return read_docx(data, source)


def _read_mhtml(data: bytes, source: str) -> Document:
    from gxparse.readers.mhtml import read_mhtml
    return read_mhtml(data, source)


def _read_word_binary(kind: str) -> Reader:
    def read(data: bytes, source: str) -> Document:
        from gxparse.readers.office import read_word_binary
        return read_word_binary(data, source, kind)
    return read


def _read_xlsx(data: bytes, source: str) -> Document:
    from gxparse.readers.spreadsheet import read_xlsx
    return read_xlsx(data, source)


def _read_binary_workbook(kind: str) -> Reader:
    def read(data: bytes, source: str) -> Document:
        from gxparse.readers.spreadsheet import read_binary_workbook
        return read_binary_workbook(data, source, kind)
    return read


def _read_image(kind: str) -> Reader:
    def read(data: bytes, source: str) -> Document:
        from gxparse.ocr.scan import read_image
        return read_image(data, source, kind)
    return read


BINARY_READERS: dict[str, Reader] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "mhtml": _read_mhtml,   # binary: its pictures' bytes; the page in it is checked as text is
    "doc": _read_word_binary("doc"),
    "wps": _read_word_binary("wps"),
    "xlsx": _read_xlsx,
    "xls": _read_binary_workbook("xls"),
    "et": _read_binary_workbook("et"),
    **{kind: _read_image(kind) for kind in IMAGE_KINDS},
}


def ocr_budget() -> contextlib.AbstractContextManager[None]:
    """One OCR time budget for all the pictures of a document (the OCR engine loaded only then)."""
    from gxparse.ocr.engine import document_budget
    return document_budget()


def picture_lines(data: bytes, source: str, kind: str, number: int) -> list[Line]:
    """The lines of a document's ``number``-th picture read by OCR where it stands (a table pasted as a picture):
    a document's pictures count against its limit of pages read by OCR."""
    from gxparse.ocr.scan import read_image
    limits.check_scanned_pages(number)
    return read_image(data, source, kind).lines


def scanned_findings(report: object) -> list:
    """The findings of a report read by OCR: errors as warnings, and ``ocr.low_confidence`` (see
    ``gxparse.ocr.checks``)."""
    from gxparse.ocr.checks import scanned_findings as findings
    return findings(report)  # type: ignore[arg-type]

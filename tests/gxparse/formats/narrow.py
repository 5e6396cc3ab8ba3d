"""A Word file as many agencies print their reports: a small page, every table column narrow.

Tables laid out in Word, WPS or LibreOffice with narrow columns wrap each row label over several lines (a
character per line in the narrowest), break the applicant header words (自然/人, 商业/企业, 社会/公益/组织) and
may put a whole table in a narrow column of the page. PDF-to-text tools then write such tables as text boxes
in orders of their own (``freeze_extracted --narrow``).
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length

PAGE = (Cm(14.8), Cm(21.0))   # A5 portrait
MARGIN = Cm(1.8)
_EMU_PER_TWIP = 635           # Word measures table widths in twentieths of a point


def narrow_docx(data: bytes) -> bytes:
    """The DOCX ``data`` on an A5 page, each table as wide as the text and its grid's columns all equally narrow
    (a fixed layout, so the printer does not widen them to fit the labels)."""
    document = Document(BytesIO(data))
    for section in document.sections:
        section.page_width, section.page_height = PAGE
        section.left_margin = section.right_margin = MARGIN
    text_width = Length(PAGE[0] - 2 * MARGIN)
    for table in document.tables:
        _narrow_table(table._tbl, int(text_width) // _EMU_PER_TWIP)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _narrow_table(tbl, width: int) -> None:
    columns = tbl.tblGrid.findall(qn("w:gridCol"))
    each = width // len(columns)
    for column in columns:
        column.set(qn("w:w"), str(each))
    _set(tbl.tblPr, "w:tblW", {"w:w": str(each * len(columns)), "w:type": "dxa"})
    _set(tbl.tblPr, "w:tblLayout", {"w:type": "fixed"})
    for cell in tbl.iter(qn("w:tc")):
        props = cell.get_or_add_tcPr()
        span = props.find(qn("w:gridSpan"))
        spanned = int(span.get(qn("w:val"))) if span is not None else 1
        _set(props, "w:tcW", {"w:w": str(each * spanned), "w:type": "dxa"})


def _set(parent, tag: str, attributes: dict[str, str]) -> None:
    """``parent``'s child ``tag`` (made when missing) with ``attributes``."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)
    for name, value in attributes.items():
        element.set(qn(name), value)

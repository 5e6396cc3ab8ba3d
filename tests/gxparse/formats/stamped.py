"""PDFs whose pages were put into Form XObjects: iText's getImportedPage (how CMS platforms stamp a watermark
or a seal on an attachment), qpdf overlays and LaTeX pdfpages all draw the original page as a form."""

from __future__ import annotations

import io

import pypdf
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def pages_as_forms(data: bytes, placed: bytes = b"1 0 0 1 0 0") -> bytes:
    """Every page's content moved into a Form XObject drawn with the matrix ``placed`` (``a b c d e f``),
    with a light square over it for the stamp."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        form = DecodedStreamObject()
        form.set_data(page.get_contents().get_data())
        form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                     NameObject("/BBox"): page.mediabox, NameObject("/Resources"): page["/Resources"]})
        stamp = DecodedStreamObject()
        stamp.set_data(b"q " + placed + b" cm /Page Do Q q 0.9 g 100 100 20 20 re f Q")
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/XObject"): DictionaryObject({NameObject("/Page"): writer._add_object(form)})})
        page[NameObject("/Contents")] = writer._add_object(stamp)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

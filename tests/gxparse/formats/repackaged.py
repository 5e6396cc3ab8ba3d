"""PDFs as other tools package them again: pages put into Form XObjects (iText's getImportedPage, how CMS
platforms stamp a watermark or a seal on an attachment; qpdf overlays; LaTeX pdfpages), and scans made
searchable, their OCR text laid invisibly over the page image (Tesseract, OCRmyPDF, Acrobat) or drawn
beneath it (ABBYY FineReader)."""

from __future__ import annotations

import io

import pypdf
import pypdfium2 as pdfium
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, NumberObject, StreamObject


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


def with_page_pictures(data: bytes, text: str, dpi: int = 100) -> bytes:
    """Every page drawn as its picture (rendered at ``dpi``) with the page's own text: ``invisible`` over the
    picture (text render mode 3) or ``beneath`` it, as a searchable scan's OCR layer, or ``visible`` over it,
    as on a page printed over a full-page background picture (a letterhead)."""
    pictures = _page_pictures(data, dpi)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    for page, (jpeg, width, height) in zip(writer.pages, pictures):
        picture = StreamObject()
        picture._data = jpeg
        picture.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
                        NameObject("/Width"): NumberObject(width), NameObject("/Height"): NumberObject(height),
                        NameObject("/ColorSpace"): NameObject("/DeviceGray"),
                        NameObject("/BitsPerComponent"): NumberObject(8), NameObject("/Filter"): NameObject("/DCTDecode")})
        page[NameObject("/Resources")].setdefault(NameObject("/XObject"), DictionaryObject())[
            NameObject("/Scan")] = writer._add_object(picture)
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        draw = f"q {w} 0 0 {h} 0 0 cm /Scan Do Q".encode()
        printed = page.get_contents().get_data()
        content = DecodedStreamObject()
        layers = {"invisible": draw + b" 3 Tr " + printed, "beneath": b"q " + printed + b" Q " + draw,
                  "visible": draw + b" " + printed}
        content.set_data(layers[text])
        page[NameObject("/Contents")] = writer._add_object(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_pictures(data: bytes, dpi: int) -> list[tuple[bytes, int, int]]:
    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for page in pdf:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=85)
            out.append((buffer.getvalue(), image.width, image.height))
        return out
    finally:
        pdf.close()

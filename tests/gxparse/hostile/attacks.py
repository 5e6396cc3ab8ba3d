"""The hostile inputs: bombs, broken files and pathological text, each built at run time from a few lines.

Every attack says what a correct gxparse does with it: refuse it with a ``DocumentError`` whose reason holds
``refused`` (a clear Chinese message), or read it (``refused`` is None) without a traceback. The standing
test suite (``test_attacks``) and ``benchmarks.hostile`` both run this list.
"""

from __future__ import annotations

import base64
import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import olefile
from PIL import Image

from tests.gxparse.hostile import files
from tests.gxparse.hostile.files import (HELVETICA, docx, document_xml, paragraph, pdf, pdf_pages, pdf_stream,
                                         sheet_xml, xlsx)
from tests.gxparse.seeds import seed_bytes

DEV_ZERO = "/dev/zero"


@dataclass(frozen=True)
class Attack:
    name: str
    what: str
    build: Callable[[], bytes] | str    # the bytes, or a path to read them from (a device)
    refused: str | None                 # a fragment of the DocumentError's reason; None: the document reads
    slow: bool = False                  # takes the whole OCR budget: run by benchmarks.hostile, not the tests
    small: bool = False                 # no bomb, read or refused in milliseconds: the tests read it in their own
                                        # process, not a child's (a fork and a pipe each)


def _seed_with(sentence: str) -> bytes:
    """The Kaifeng seed with ``sentence`` put into its 总体情况 prose."""
    text = seed_bytes("kaifeng_2021").decode()
    heading = "一、总体情况"
    assert heading in text
    return text.replace(heading, f"{heading}\n{sentence}", 1).encode()


def _csv_records(count: int = 6) -> bytes:
    """Records of a table 二 written as CSV: enough for the sniffer to call the file CSV."""
    return "项目,本年新收,上年结转\n".encode() + "规章,1,2\n".encode() * (count - 1)


def _huge_page() -> bytes:
    """One 14,400 pt square page (the largest PDF allows) with one filled rectangle and no text: 466 bytes."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R >>",
                pdf_stream(b"10 10 500 500 re f")])


def _huge_page_with_text() -> bytes:
    return pdf_pages(1, b"BT /F1 40 Tf 100 14000 Td (2021) Tj ET", size=(14400, 14400), resources=HELVETICA)


def _page_tree_loop() -> bytes:
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
                b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>",
                b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>"])


def _page_count_lie() -> bytes:
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 100000000 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])


def _content_bomb() -> bytes:
    """A page whose Flate content stream inflates to 520 MB of tiny rectangles (40 million path objects)."""
    bomb = files.deflated_repeat(b"0 0 1 1 re f\n" * 10_000, 4_000)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb.data)
    zlib_data = b"\x78\xda" + bomb.data + bomb.crc.to_bytes(4, "big")   # adler32 is not checked by pdfium
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                stream + zlib_data + b"\nendstream"])


def _image_bomb() -> bytes:
    """An image-only page whose image claims 60,000 × 60,000 grey pixels (3.6 GB decoded)."""
    width = height = 60_000
    rows = files.deflated_repeat(b"\xff" * width, 2_000)   # the first 2,000 rows: enough to decode a strip
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
             b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(rows.data) + 2)
             + b"\x78\xda" + rows.data + b"\nendstream")
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
                pdf_stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"), image])


def _form(content: bytes, draws: int | None) -> bytes:
    """A form XObject drawing ``content``, with /X naming form ``draws`` (None: no forms of its own)."""
    names = b"/XObject << /X %d 0 R >> " % draws if draws is not None else b""
    return pdf_stream(content, b"/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << %s%s >>"
                      % (names, HELVETICA))


def _forms_page(forms: list[bytes]) -> bytes:
    """One page drawing form 5 (the first of ``forms``) once."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /XObject << /X 5 0 R >> >> >>", pdf_stream(b"/X Do"), *forms])


def _form_drawing_itself() -> bytes:
    """658 bytes: a form that draws itself four times (pdfium allocated 43 MB a second loading the page)."""
    return _forms_page([_form(b"/X Do /X Do /X Do /X Do", 5)])


def _form_fan_out() -> bytes:
    """Twenty forms each drawing the next ten times and a character: 10^20 form instances on one page."""
    return _forms_page([_form(b"/X Do " * 10 + b"BT /F1 1 Tf (1) Tj ET", 6 + n) for n in range(20)]
                       + [_form(b"BT /F1 1 Tf (1) Tj ET", None)])


def _jpx_size_lie() -> bytes:
    """An image-only page whose 4 KB JPEG 2000 image is 12,000 × 12,000 px under a dictionary saying 40 × 30
    (pdfium sized it by the dictionary and openjpeg decoded the codestream's size: 770 MB; at 20,000 × 20,000
    the process was killed)."""
    out = io.BytesIO()
    Image.new("L", (12_000, 12_000), 255).save(out, format="JPEG2000", tile_size=(1024, 1024), quality_mode="rates",
                                               quality_layers=[400])
    image = pdf_stream(out.getvalue(), b"/Type /XObject /Subtype /Image /Width 40 /Height 30 /ColorSpace /DeviceGray "
                                       b"/BitsPerComponent 8 /Filter /JPXDecode")
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
                pdf_stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"), image])


def _xref_zeroed(data: bytes) -> bytes:
    """``data`` with every cross-reference entry pointing at offset 0: pdfminer finds no page by it, pdfium
    rebuilds the table and finds every one."""
    return re.sub(rb"\d{10} 00000 n", b"0000000000 00000 n", data)


def _object_stream_bomb() -> bytes:
    """A one-page PDF with a form, its cross-reference table zeroed, and an object stream inflating to 18 MB of
    tokens: pdfminer, rebuilding the table, parses every one (58 s and 883 MB for 49 MB)."""
    chunk, times = b"0 " * 10_000, 900
    tokens = files.deflated_repeat(chunk, times)
    adler = 1
    for _ in range(times):
        adler = zlib.adler32(chunk, adler)
    stream = (b"<< /Type /ObjStm /N 3 /First 12 /Filter /FlateDecode /Length %d >>\nstream\n" % (len(tokens.data) + 6)
              + b"\x78\xda" + tokens.data + adler.to_bytes(4, "big") + b"\nendstream")
    return _xref_zeroed(_forms_page([_form(b"BT /F1 12 Tf 72 720 Td (2021) Tj ET", None)])
                        .replace(b"xref\n", b"99 0 obj\n" + stream + b"\nendobj\nxref\n", 1))


def _annotated_page(count: int) -> bytes:
    """A page of text whose /Annots names one text annotation ``count`` times."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << %s >> "
                b"/Annots [%s] >>" % (HELVETICA, b"5 0 R " * count),
                pdf_stream(b"BT /F1 12 Tf 72 720 Td (2021) Tj ET"),
                b"<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (x) >>"])


def _numbered_docx(count: int) -> bytes:
    """A DOCX of ``count`` numbering definitions, every tenth used by a paragraph."""
    from tests.gxparse.docx_styles import docx_package
    body = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{n + 1}"/></w:numPr></w:pPr>'
                   f"<w:r><w:t>1</w:t></w:r></w:p>" for n in range(0, count, 10))
    with zipfile.ZipFile(io.BytesIO(docx_package(body))) as package:
        members = {name: package.read(name) for name in package.namelist()}
    levels = "".join(f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                     f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' for n in range(count))
    numbers = "".join(f'<w:num w:numId="{n + 1}"><w:abstractNumId w:val="{n}"/></w:num>' for n in range(count))
    members["word/numbering.xml"] = (f'<?xml version="1.0"?><w:numbering xmlns:w="{files.W}">{levels}{numbers}'
                                     "</w:numbering>").encode()
    members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/numbering" Target="numbering.xml"/></Relationships>')
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.numbering+xml"/></Types>')
    return files.zip_file(members)


def _png_with(chunks: bytes) -> bytes:
    """A blank 100 × 100 PNG with ``chunks`` after its header."""
    picture = files.png(100, 100)
    return picture[:33] + chunks + picture[33:]


def _endobj_dropped(data: bytes) -> bytes:
    """``data`` without the ``endobj`` of its catalog and page tree: pdfminer finds no page, pdfium one."""
    return data.replace(b"endobj", b"", 2)


def _forms_nested(depth: int) -> bytes:
    """Forms each drawing the next twice, ``depth`` deep: 2^depth instances of the last."""
    return _forms_page([_form(b"/X Do /X Do", 6 + n) for n in range(depth)] + [_form(b"BT /F1 1 Tf (1) Tj ET", None)])


def _million_characters() -> bytes:
    """One page with a million characters of text in a 1 pt font."""
    line = b"(" + b"0 1 2 3 4 5 6 7 8 9 " * 50 + b") Tj T* "
    return pdf_pages(1, b"BT /F1 1 Tf 1 TL 10 830 Td " + line * 1000 + b" ET", resources=HELVETICA)


def _many_rules() -> bytes:
    """One page ruled by 100,000 thin lines (a table grid gone mad)."""
    rules = b"".join(b"%d 10 m %d 830 l S 10 %d m 585 %d l S " % (10 + i % 575, 10 + i % 575, 10 + i % 820,
                                                                  10 + i % 820) for i in range(50_000))
    return pdf_pages(1, b"0.5 w " + rules + b" BT /F1 9 Tf 20 20 Td (1) Tj ET", resources=HELVETICA)


def _grid_span_docx() -> bytes:
    """A 36 KB DOCX whose table cells each span 200,000,000 grid columns."""
    cell = ('<w:tc><w:tcPr><w:gridSpan w:val="200000000"/></w:tcPr>' + paragraph("1") + "</w:tc>")
    row = "<w:tr>" + cell * 20 + "</w:tr>"
    return docx(document_xml(paragraph("表格") + "<w:tbl>" + row * 20 + "</w:tbl>"))


def _docx_bomb() -> bytes:
    """A DOCX of a few MB whose document.xml inflates to 2 GB of empty paragraphs."""
    head, tail = document_xml("").split(b"</w:body>")
    body = files.deflated_repeat(b"<w:p/>" * 1_000_000, 350, head.removesuffix(b"<w:body>") + b"<w:body>",
                                 b"</w:body>" + tail)
    return docx(body)


def _docx_size_lie() -> bytes:
    """A DOCX whose headers declare document.xml at 1 KB while it inflates to 60 MB."""
    body = files.deflated_repeat(paragraph("1").encode() * 100_000, 25, *document_xml("|").split(b"|"))
    return docx(body, declared_sizes={"word/document.xml": 1000})


def _odd_content_types(content_types: str) -> Callable[[], bytes]:
    return lambda: docx(document_xml(paragraph("2021年")), content_types=content_types)


_CT_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"'
_RELS_CT = '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'


def _billion_laughs() -> bytes:
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    return docx(document_xml(paragraph("&a9;"), f"<!DOCTYPE w:document [{entities}]>"))


def _external_entity() -> bytes:
    return docx(document_xml(paragraph("&secret;"), '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'))


def _many_pictures_docx() -> bytes:
    """A report heading and 150 full-width pictures (one small PNG, stretched): each could be a table pasted
    as a picture, so each is read by OCR when the text has no table, within one budget and page limit."""
    import docx as python_docx
    from docx.shared import Inches

    picture = io.BytesIO()
    Image.new("L", (40, 30), 255).save(picture, format="PNG")
    document = python_docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    for _ in range(150):
        picture.seek(0)
        document.add_picture(picture, width=Inches(6))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _far_cell_xlsx() -> bytes:
    """A sheet claiming the whole of Excel's grid: two cells, at A1 and XFD1048576."""
    rows = f'<row r="1">{_text_cell("A1", "规章")}</row><row r="1048576">{_text_cell("XFD1048576", "1")}</row>'
    return xlsx(sheet_xml(rows, before='<dimension ref="A1:XFD1048576"/>'))


def _merged_grid_xlsx() -> bytes:
    """One cell merged across the whole of Excel's grid (openpyxl makes an object of every merged slot)."""
    return xlsx(sheet_xml(f'<row r="1">{_text_cell("A1", "规章")}</row>',
                          after='<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))


def _many_cells_xlsx() -> bytes:
    """300,000 cells in 14 KB."""
    return xlsx(files.deflated_repeat(b"<row><c><v>1</v></c></row>", 300_000, *sheet_xml("|").split(b"|")))


def _xlsx_bomb() -> bytes:
    """An XLSX whose sheet inflates to 2 GB of rows."""
    return xlsx(files.deflated_repeat(b"<row><c><v>1</v></c></row>" * 40_000, 2000, *sheet_xml("|").split(b"|")))


def _xlsx_billion_laughs() -> bytes:
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    return xlsx(sheet_xml(f'<row r="1">{_text_cell("A1", "&a9;")}</row>').replace(
        b"<worksheet", f"<!DOCTYPE worksheet [{entities}]><worksheet".encode(), 1))


def _deep_docx() -> bytes:
    return docx(document_xml("<w:sdt><w:sdtContent>" * 5000 + paragraph("1") + "</w:sdtContent></w:sdt>" * 5000))


def _colspan_grid() -> bytes:
    """HTML tables whose every cell spans 1,000 columns and 1,000 rows."""
    cell = '<td colspan="1000" rowspan="1000">1</td>'
    table = "<table>" + ("<tr>" + cell * 200 + "</tr>") * 200 + "</table>"
    return ("<html><body><p>2021年</p>" + table * 5 + "</body></html>").encode()


def _wide_rows_html() -> bytes:
    """One table of 600 rows × 600 cells: 360,000 cells in 3.6 MB of markup."""
    return ("<html><body><table>" + ("<tr>" + "<td>1</td>" * 600 + "</tr>") * 600 + "</table></body></html>").encode()


def _deep_html() -> bytes:
    return ("<html><body>" + "<div>" * 100_000 + "2021" + "</div>" * 100_000 + "</body></html>").encode()


def _deep_table_html() -> bytes:
    return ("<html><body>" + "<table><tr><td>" * 20_000 + "1" + "</td></tr></table>" * 20_000 + "</body></html>").encode()


def _many_small_elements_html() -> bytes:
    return ("<html><body>" + "<b>1</b>" * 900_000 + "</body></html>").encode()


def _gif_frames() -> bytes:
    return files.gif_frames(5000, 5000, 200)


def _tiff_pages() -> bytes:
    page = Image.new("1", (600, 800), 1)
    out = io.BytesIO()
    page.save(out, format="TIFF", save_all=True, append_images=[page] * 299, compression="group4", dpi=(100, 100))
    return out.getvalue()


def _big_png() -> bytes:
    return files.png(13_500, 13_500)   # 182 Mpx: over Pillow's own bomb limit


def _large_png() -> bytes:
    return files.png(10_000, 10_000)   # 100 Mpx: Pillow only warns


def _tall_png() -> bytes:
    return files.png(2_000, 37_000, dpi=200)   # 10 × 185 inches: a roll, not a page


def _tiny_dpi_png() -> bytes:
    return files.png(1_700, 2_200, dpi=1_000_000)


def _huge_jpeg_header() -> bytes:
    """A JPEG whose header claims 65,000 × 65,000 pixels, cut off after the header."""
    out = io.BytesIO()
    Image.new("L", (64, 64), 255).save(out, format="JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = (65000).to_bytes(2, "big") * 2
    return bytes(data[: data.index(b"\xff\xda") + 20])   # the header and the start of the scan


def _exif_segments(count: int, size: int) -> bytes:
    """A 100 × 100 px JPEG after ``count`` Exif (APP1) segments of ``size`` bytes each."""
    picture = io.BytesIO()
    Image.new("L", (100, 100), 255).save(picture, format="JPEG")
    segment = b"\xff\xe1" + struct.pack(">H", size) + b"Exif\x00\x00" + bytes(size - 8)
    return picture.getvalue()[:2] + segment * count + picture.getvalue()[2:]


def _progressive_scans(repeats: int, side: int = 5000) -> bytes:
    """A white progressive JPEG whose second scan (a band of AC coefficients, all zero: a few bytes passing over
    every block) and the table before it are repeated ``repeats`` times."""
    out = io.BytesIO()
    Image.new("L", (side, side), 255).save(out, format="JPEG", progressive=True)
    data = out.getvalue()
    start = data.index(b"\xff\xc4", data.index(b"\xff\xda"))   # coded data holds no marker: ff is followed by 00
    end = data.index(b"\xff\xc4", start + 2)
    return data[:-2] + data[start:end] * repeats + data[-2:]


# a report as pdfminer's pdf2txt -t html writes it: a page of absolutely positioned text boxes
_POSITIONED = Path(__file__).resolve().parents[2] / "fixtures/htmlpos/pdfminer/001_huaian_szf_2024.published.html"
_OCR_TEXT = Path(__file__).resolve().parents[2] / "fixtures/ocrtext/rapidocr-boxes/001_huaian_szf_2024.published.txt"


def _positioned(change: Callable[[str], str]) -> Callable[[], bytes]:
    return lambda: change(_POSITIONED.read_text()).encode()


# a report as pdf2htmlEX writes it: its fonts embedded as @font-face WOFFs whose glyphs advance as the PDF's
_PDF2HTMLEX = Path(__file__).resolve().parents[2] / "fixtures/htmlpos/pdf2htmlex-svg/kaifeng_2021.reportlab.html"
_EMBEDDED_WOFF = re.compile(r"font-woff;base64,([^)]+)\)")


def embedded_woffs() -> list[bytes]:
    """The fonts the frozen pdf2htmlEX page embeds."""
    return [base64.b64decode(data) for data in _EMBEDDED_WOFF.findall(_PDF2HTMLEX.read_text())]


def with_cmap(font: bytes, cmap: bytes) -> bytes:
    """The font ``font`` with its character map's bytes ``cmap``, as OpenType (a WOFF's packing is no bound)."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables.DefaultTable import DefaultTable
    read = TTFont(io.BytesIO(font))
    table = DefaultTable("cmap")
    table.data = cmap
    read["cmap"] = table
    read.flavor = None
    out = io.BytesIO()
    read.save(out)
    return out.getvalue()


def format_12_cmap(*groups: tuple[int, int]) -> bytes:
    """A ``cmap`` table of one format 12 map (Windows, UCS-4) of ``groups`` of code points, each to glyph 1."""
    body = b"".join(struct.pack(">LLL", start, end, 1) for start, end in groups)
    return struct.pack(">HHHHL", 0, 1, 3, 10, 12) + struct.pack(">HHLLL", 12, 0, 16 + len(body), 0, len(groups)) + body


def woff_bomb(inflated: int, stated: int) -> bytes:
    """A WOFF of one table whose packed bytes inflate to ``inflated`` zero bytes, its length stated as ``stated``."""
    packer = zlib.compressobj(9)
    chunk = b"\0" * 1_000_000
    packed = b"".join(packer.compress(chunk) for _ in range(inflated // len(chunk))) + packer.flush()
    header = struct.pack(">4s4sIHHI", b"wOFF", b"\0\1\0\0", 64 + len(packed), 1, 0, stated) + b"\0" * 24
    return header + struct.pack(">4sIIII", b"hmtx", 64, len(packed), stated, 0) + packed


def _pdf2htmlex_font(font: Callable[[], bytes]) -> Callable[[], bytes]:
    """The frozen pdf2htmlEX page with its first embedded font replaced by ``font()``."""
    def build() -> bytes:
        data = base64.b64encode(font()).decode()
        return _EMBEDDED_WOFF.sub(lambda m: f"font-woff;base64,{data})", _PDF2HTMLEX.read_text(), 1).encode()
    return build


def _png(size: tuple[int, int], grey: int) -> bytes:
    out = io.BytesIO()
    Image.new("L", size, grey).save(out, "PNG")
    return out.getvalue()


def _background_pictures(count: int, size: tuple[int, int], grey: int) -> Callable[[], bytes]:
    """The frozen pdf2htmlEX page with ``count`` more page-sized background pictures, each a PNG of ``size`` px in
    one ``grey``."""
    def build() -> bytes:
        uri = "data:image/png;base64," + base64.b64encode(_png(size, grey)).decode()
        pictures = f'<img class="bi" style="position:absolute;left:0;top:0;width:595px;height:842px" src="{uri}"/>'
        return _PDF2HTMLEX.read_text().replace("</body>", pictures * count + "</body>", 1).encode()
    return build


def ocr_layer_pages(count: int, words: int = 400) -> bytes:
    """``count`` pages each a blank scan under an invisible OCR layer of ``words`` words (one shared stream)."""
    scan = pdf_stream(zlib.compress(bytes(200 * 280)), b"/Type /XObject /Subtype /Image /Width 200 /Height 280 "
                      b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode")
    layer = b"".join(b"1 0 0 1 %d %d Tm (2021) Tj " % (50 + 60 * (n % 8), 60 + 12 * (n // 8)) for n in range(words))
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << %s "
            b"/XObject << /Im1 4 0 R >> >> >>" % HELVETICA)
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(count))
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
                pdf_stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q BT 3 Tr /F1 10 Tf " + layer + b"ET"), scan]
               + [page] * count)


def _copied_body(text: str, times: int) -> str:
    body = text[text.index("<body>") + 6:text.rindex("</body>")]
    return text.replace(body, body * times)


def _descendant_rules() -> bytes:
    rules = "".join(f"div div div .c{n} span{{left:{n}px}}\n" for n in range(60_000))
    spans = "".join(f'<span class="c{n}" style="position:absolute;top:{n}px;left:1px">{n}</span>' for n in range(30_000))
    return f"<html><head><style>{rules}</style></head><body>{'<div>' * 200}{spans}{'</div>' * 200}</body></html>".encode()


def ruled_rows_of_boxes(rows: int, per_row: int) -> str:
    """A positioned page of ``rows`` ruled rows, ``per_row`` one-character boxes in each."""
    rules = "".join(f'<i style="position:absolute;left:0;top:{20 * r}px;width:800px;height:0;'
                    f'border-top:1px solid #000"></i>' for r in range(rows + 1))
    boxes = "".join(f'<b style="position:absolute;left:{60 * c + 5}px;top:{20 * r + 4}px">规</b>'
                    for r in range(rows) for c in range(per_row))
    return f'<html><body><div style="width:900px;height:{20 * rows + 100}px">{rules}{boxes}</div></body></html>'


def ruled_rows_of_two_line_boxes(rows: int, per_row: int) -> str:
    """A positioned page of ``rows`` ruled rows, ``per_row`` two-line boxes over each pair of them (each box's
    lines placed in the rows it covers)."""
    rules = "".join(f'<i style="position:absolute;left:0;top:{20 * r}px;width:800px;height:0;'
                    f'border-top:1px solid #000"></i>' for r in range(rows + 1))
    boxes = "".join(f'<b style="position:absolute;left:{60 * c + 5}px;top:{40 * r + 4}px;height:36px">规<br>章</b>'
                    for r in range(rows // 2) for c in range(per_row))
    return f'<html><body><div style="width:900px;height:{20 * rows + 100}px">{rules}{boxes}</div></body></html>'


def stacked_page_frames(pages: int, lines: int, chars: int) -> str:
    """``pages`` page frames drawn one under another on the canvas (as pdfminer draws them), ``lines`` lines of
    ``chars`` figures in each."""
    frames = "".join(f'<i style="position:absolute;left:0;top:{900 * p}px;width:600px;height:850px;'
                     f'border:1px solid #000"></i>' for p in range(pages))
    text = "".join(f'<b style="position:absolute;left:20px;top:{900 * p + 20 * k + 10}px">{"1" * chars}</b>'
                   for p in range(pages) for k in range(lines))
    return f"<html><body>{frames}{text}</body></html>"


def table_three_rows_gone_among_prose(lines: int) -> bytes:
    """The Kaifeng seed with table 三's rows from 三、本年度办理结果 to the total gone, ``lines`` short lines of
    prose in their place: every row gone is a gap, each looked for among those lines."""
    text = seed_bytes("kaifeng_2021").decode()
    start, end = text.index("三、本年度办理结果"), text.index("(七) 总计")
    return (text[:start] + "".join(f"说明第{n}条工作情况\n" for n in range(lines)) + text[end:]).encode()


def table_three_rows_replaced_by(line: str, lines: int) -> bytes:
    """The Kaifeng seed with table 三's rows gone as in ``table_three_rows_gone_among_prose``, ``line`` printed
    ``lines`` times in their place."""
    text = seed_bytes("kaifeng_2021").decode()
    start, end = text.index("三、本年度办理结果"), text.index("(七) 总计")
    return (text[:start] + line * lines + text[end:]).encode()


def _ocr_text_of_a_long_table_three(rows: int) -> bytes:
    """RapidOCR's boxes (a figure a line) of a report whose table 三 has ``rows`` more rows of figures, its row
    sums kept."""
    text = _OCR_TEXT.read_text()
    label = "、上年结转政府信息公开申请数量\n"
    figures = "".join(f"{r % 9}\n0\n0\n0\n{r % 7}\n0\n{r % 9 + r % 7}\n" for r in range(rows))
    return text.replace(label, label + figures, 1).encode()


def page_sized_boxes(count: int) -> str:
    """A positioned page of ``count`` bordered boxes the size of a page drawn on its canvas, none holding another,
    and 30 lines of text."""
    boxes = "".join(f'<i style="position:absolute;left:{k}px;top:{k}px;width:300px;height:300px;'
                    f'border:1px solid #000"></i>' for k in range(count))
    text = "".join(f'<b style="position:absolute;left:10px;top:{20 * k}px">规章 {k}</b>' for k in range(30))
    return f"<html><body>{boxes}{text}</body></html>"


def _noise_tiff(pages: int) -> Callable[[], bytes]:
    """A TIFF of A4 pages of random specks at 200 dpi: Tesseract works hardest on noise."""
    def build() -> bytes:
        rng = np.random.default_rng(12)
        frames = [Image.fromarray((rng.random((2339, 1654)) > 0.5).astype(np.uint8) * 255).convert("1")
                  for _ in range(4)]
        out = io.BytesIO()
        frames[0].save(out, format="TIFF", save_all=True, append_images=(frames * pages)[1:pages],
                       compression="group4", dpi=(200, 200))
        return out.getvalue()
    return build


_MHTML_HEAD = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n'
               b"--B\r\nContent-Type: text/html; charset=utf-8\r\nContent-Location: http://x.gov.cn/a.html\r\n\r\n")


def _mhtml_many_pictures() -> bytes:
    """A report heading over 150 pictures, all one large blank PNG part: each could be a table pasted as a
    picture, so each is read by OCR when the page has no table, within one budget and page limit."""
    picture = io.BytesIO()
    Image.new("L", (1600, 1200), 255).save(picture, format="PNG")
    encoded = base64.encodebytes(picture.getvalue())
    page = "<h1>某县人民政府2023年政府信息公开工作年度报告</h1>" + "<img src='t.png'>" * 150
    return (_MHTML_HEAD + page.encode() + b"\r\n--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64"
            b"\r\nContent-Location: http://x.gov.cn/t.png\r\n\r\n" + encoded + b"\r\n--B--\r\n")


def mhtml_of_parts(pictures: int) -> bytes:
    """A page and ``pictures`` picture parts of one byte each."""
    part = b"--B\r\nContent-Type: image/png\r\n\r\nx\r\n"
    return _MHTML_HEAD + b"<p>report</p>\r\n" + part * pictures + b"--B--\r\n"


def _mhtml_nested() -> bytes:
    """Multiparts nested 20,000 deep, each opening the next."""
    depth = 20_000
    opening = b"".join(b"--B%d\r\nContent-Type: multipart/related; boundary=\"B%d\"\r\n\r\n" % (n, n + 1)
                       for n in range(depth))
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B0"\r\n\r\n' + opening
            + b"--B%d\r\nContent-Type: text/html\r\n\r\n<p>report</p>\r\n" % depth)


def mhtml_article(pages: int, lines: int, line: bytes = b"<p>1</p>") -> bytes:
    """An article of ``pages`` page parts, each of ``lines`` times ``line``."""
    page = b"<html><body>" + line * lines + b"</body></html>"
    further = b"".join(b"\r\n--B\r\nContent-Type: text/html; charset=utf-8\r\nContent-Location: "
                       b"http://x.gov.cn/a_%d.html\r\n\r\n" % n + page for n in range(2, pages + 1))
    return _MHTML_HEAD + page + further + b"\r\n--B--\r\n"


def _mhtml_large_picture() -> bytes:
    """A 70 MB MHTML: a page and one picture part of 52 MB (Python's email parser holds 9 bytes a byte)."""
    encoded = base64.encodebytes(bytes(52_000_000))
    return (_MHTML_HEAD + b"<p>report</p>\r\n--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64"
            b"\r\nContent-Location: http://x.gov.cn/t.png\r\n\r\n" + encoded + b"\r\n--B--\r\n")


_OFD_TEXT = ('<ofd:TextObject ID="{n}" Boundary="{x} {y} 10 5" Size="3"><ofd:TextCode X="0" Y="4">{text}'
             '</ofd:TextCode></ofd:TextObject>')


def _ofd_many_text_objects() -> bytes:
    """One page of 100,000 text objects of a digit each, in a grid of 20 columns."""
    return files.ofd([files.ofd_page("".join(_OFD_TEXT.format(n=n, x=n % 20 * 10, y=n // 20 % 280, text=n % 10)
                                             for n in range(100_000)))])


def _ofd_page_doctype(doctype: str, text: str) -> Callable[[], bytes]:
    page = files.ofd_page(_OFD_TEXT.format(n=1, x=10, y=10, text=text))
    return lambda: files.ofd([page.replace("?>", f"?><!DOCTYPE ofd:Page [{doctype}]>", 1)])


def _laughs_entities() -> str:
    return '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))


def _big5() -> bytes:
    return seed_bytes("kaifeng_2021").decode().encode("big5", errors="replace")


def _utf16_html() -> bytes:
    return ('<html><head><meta charset="utf-16"></head><body><p>2021年政府信息公开工作年度报告</p></body></html>'
            .encode("utf-16"))


def _utf32_text() -> bytes:
    return seed_bytes("kaifeng_2021").decode().encode("utf-32")


def _flattened_row(article: str, times: int) -> bytes:
    """markitdown's rendering of a page laid out in a table: the article cell, tables and all, on one line."""
    return ("|  |  |\n| --- | --- |\n| 正文" + article * times + " |\n").encode()


def _bogus_charset(name: str) -> Callable[[], bytes]:
    return lambda: (f'<html><head><meta charset="{name}"></head><body><p>年度报告 \xff</p></body></html>'
                    .encode("gb18030"))


def _zero_cell_stream() -> bytes:
    """Table 三 printed a cell per line, its 175 figures and 7 more nearly all zeros, six row labels among them:
    every grouping of its rows into bands a column at a time adds up, the most work for ``cellstream``."""
    labels = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
              "5.属于三类内部事务信息", "6.属于四类过程性信息"]
    lines = ["三、收到和处理政府信息公开申请情况"]
    for n in range(182):
        if n % 25 == 3 and n // 25 < len(labels):
            lines.append(labels[n // 25])
        lines += ["1" if n % 61 == 7 else "0", ""]
    return "\n".join([*lines, "四、政府信息公开行政复议、行政诉讼情况"]).encode()


def _s4_figure_per_line() -> bytes:
    """Table 四 printed a figure per line, 40 of them for its 15 cells: a wrapped count joins two lines, and
    the ways to join 25 of 39 line ends are billions."""
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼"]
    lines += [str(n % 9 + 1) for n in range(40)]
    return "\n".join([*lines, "五、存在的主要问题及改进情况"]).encode()


def _ofd_bomb() -> bytes:
    """An OFD whose page inflates to 2 GB."""
    head, tail = files.ofd_page("|").encode().split(b"|")
    return files.ofd([files.deflated_repeat(b"<ofd:TextObject/>" * 1000, 120_000, head, tail)])


def _ofd_page_loop() -> bytes:
    """1,000 pages naming one 0.9 MB page: 900 MB of XML to parse for 1 MB of file."""
    return files.ofd([files.ofd_page(" " * 900_000)], listed=1000)


def _ofd_absurd() -> bytes:
    """Boundaries, sizes, gaps and matrices of 1e300 and worse around one readable heading."""
    text = ('<ofd:TextObject ID="2" Boundary="{} 40 100 10" Size="{}" CTM="{}"><ofd:TextCode X="0" Y="4" '
            'DeltaX="{}">{}</ofd:TextCode></ofd:TextObject>')
    objects = [text.format(1e308, 4, "1 0 0 1 0 0", "", "无处"), text.format(20, 1e300, "1 0 0 1 0 0", "", "巨大"),
               text.format(20, 4, "1e300 0 0 1e300 1e300 0", "", "溢出"),
               text.format(20, 4, "1 0 0 1 0 0", "g 1000000000000 1e300", "远方" * 1000),
               text.format(20, 4, "1 0 0 1 0 60", "", "一、总体情况")]
    return files.ofd([files.ofd_page("".join(objects))])


_OFD_HEADING = _OFD_TEXT.format(n=1, x=10, y=20, text="一、总体情况")


def _ofd_path_segments() -> bytes:
    """One page of 600 paths of 1,999 segments each (1.2 million), coordinates that do not compress: the
    100 MB of XML an OFD may hold could draw 16 million, a minute of work."""
    rng = np.random.default_rng(5)
    points = rng.integers(0, 200, (600, 1999, 2))
    paths = "".join('<ofd:PathObject ID="2" Boundary="0 0 200 280"><ofd:AbbreviatedData>M 0 0 '
                    + " ".join(f"L {x} {y}" for x, y in path) + "</ofd:AbbreviatedData></ofd:PathObject>"
                    for path in points.tolist())
    return files.ofd([_random_page(_OFD_HEADING + paths)])


def _random_page(objects: str) -> files.Deflated:
    """A page of random coordinates deflated fast: at level 9 zlib searches 10 MB of them for matches for 5 s
    of the build and packs them a fifth smaller, which the parse does not see."""
    return files.deflated(files.ofd_page(objects).encode(), level=1)


def _ofd_million_points() -> bytes:
    """One path of a million points (9 MB of AbbreviatedData)."""
    rng = np.random.default_rng(6)
    data = " ".join(f"L {x} {y}" for x, y in rng.integers(100, 999, (1_000_000, 2)).tolist())
    return files.ofd([_random_page(_OFD_HEADING + '<ofd:PathObject ID="2" Boundary="0 0 200 280">'
                                   f"<ofd:AbbreviatedData>M 0 0 {data}</ofd:AbbreviatedData></ofd:PathObject>")])


def _ofd_image_bomb() -> bytes:
    """A scanned page whose picture is a 2 KB PNG of 60,000 × 60,000 pixels (3.6 billion)."""
    picture = '<ofd:ImageObject ID="3" ResourceID="9" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>'
    resources = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{files.OFD_NS}" BaseLoc="Res">'
                 '<ofd:MultiMedias><ofd:MultiMedia ID="9" Type="Image"><ofd:MediaFile>bomb.png</ofd:MediaFile>'
                 "</ofd:MultiMedia></ofd:MultiMedias></ofd:Res>")
    return files.ofd([files.ofd_page(picture)], parts={"Doc_0/DocumentRes.xml": resources.encode(),
                                                       "Doc_0/Res/bomb.png": files.png(60_000, 60_000)},
                     document_extra="<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>")


def _ofd_self_references() -> bytes:
    """A page whose template is itself, in a document whose resource file names itself as a resource."""
    page = files.ofd_page(_OFD_HEADING).replace("<ofd:Content>", '<ofd:Template TemplateID="5"/><ofd:Content>')
    templates = ('<ofd:TemplatePage ID="5" BaseLoc="Pages/Page_0/Content.xml"/>'
                 "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes><ofd:PublicRes>DocumentRes.xml</ofd:PublicRes>")
    resources = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{files.OFD_NS}" BaseLoc=".">'
                 "<ofd:MultiMedias><ofd:MultiMedia ID=\"9\"><ofd:MediaFile>DocumentRes.xml</ofd:MediaFile>"
                 "</ofd:MultiMedia></ofd:MultiMedias></ofd:Res>")
    return files.ofd([page], parts={"Doc_0/DocumentRes.xml": resources.encode()}, document_extra=templates)


def _ofd_docroot_itself() -> bytes:
    """OFD.xml naming itself as the document (DocRoot → OFD.xml)."""
    entry = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{files.OFD_NS}" DocType="OFD"><ofd:DocBody>'
             "<ofd:DocRoot>OFD.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    return files.ofd([files.ofd_page(_OFD_HEADING)], parts={"OFD.xml": entry.encode()})


def _word_stream(fat: dict[int, int] | None = None, declared: int | None = None, marker: bytes = b"") -> bytes:
    """A compound file holding a 9 KB WordDocument stream (three sectors); ``marker``, bytes WPS Office writes."""
    word = b"\xec\xa5" + marker + bytes(9000)   # the Word binary format's magic number
    entries = [files.ole_entry("Root Entry", 5, child=1), files.ole_entry("WordDocument", 2, 0, declared or len(word))]
    return files.ole(entries, [word], fat)


def _word_in_mini_stream() -> bytes:
    """A compound file holding a 2,000-byte WordDocument stream in the mini stream (32 sectors of 64 bytes),
    whose mini allocation table chains its last sector back to its first."""
    word = b"\xec\xa5" + bytes(1998)
    chain = [*range(1, 32), 0]   # the loop: sector 31 → 0
    mini_fat = struct.pack("<32I", *chain).ljust(4096, b"\xff")
    entries = [files.ole_entry("Root Entry", 5, 0, 4096, child=1), files.ole_entry("WordDocument", 2, 0, len(word))]
    return files.ole(entries, [word.ljust(4096, b"\0"), mini_fat], mini_fat=1)


def _workbook_stream(fat: dict[int, int], marker: bytes = b"") -> bytes:
    """A compound file holding a 9 KB Workbook stream (BIFF8: a BOF record first) over three sectors."""
    workbook = b"\x09\x08\x10\x00\x00\x06\x05\x00" + bytes(12) + marker + bytes(9000)
    entries = [files.ole_entry("Root Entry", 5, child=1), files.ole_entry("Workbook", 2, 0, len(workbook))]
    return files.ole(entries, [workbook], fat)


def _xls_claiming_the_grid() -> bytes:
    """A real XLS (three records of table 二) whose DIMENSION record says its cells fill the sheet's greatest
    range: rows to 2^20 (beyond BIFF8's 65,536) and columns to XFD (16,384)."""
    data = bytearray(files.xls_from_csv("项目,本年新收,上年结转\n规章,1,2\n规范性文件,3,4\n".encode()))
    dimension = data.index(b"\x00\x02\x0e\x00")   # record 0x0200, 14 bytes: first/last+1 row, first/last+1 column
    data[dimension + 4:dimension + 18] = struct.pack("<IIHH", 0, 1 << 20, 0, 16_384) + bytes(2)
    return bytes(data)


def _ole_deep_directory() -> bytes:
    """100,000 directory entries, each the right sibling of the one before: a tree 100,000 deep."""
    entries = [files.ole_entry("Root Entry", 5, child=1)] + [
        files.ole_entry(f"S{n}", 2, 0, 1, right=n + 2 if n < 99_998 else 0xFFFFFFFF) for n in range(99_999)]
    return files.ole(entries, [b"x"])


def _page_with(entry: bytes) -> bytes:
    """One page whose dictionary holds ``entry`` besides its own keys."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + entry + b" >>"])


def _xref_stream(entries: bytes) -> bytes:
    """A one-page PDF whose last cross-reference section is a stream of 10 bytes with these ``entries``."""
    base = pdf_pages(1, b"BT /F1 12 Tf 72 720 Td (2021) Tj ET", resources=HELVETICA)
    table = base.index(b"xref")
    stream = (b"9 0 obj\n<< /Type /XRef " + entries + b" /Length 10 /Root 1 0 R >>\n"
              b"stream\n" + b"\x01" * 10 + b"\nendstream\nendobj\n")
    return base[:table] + stream + b"startxref\n%d\n%%%%EOF\n" % table


def _xref_prev_loop() -> bytes:
    """A one-page PDF whose trailer's /Prev names its own cross-reference table."""
    base = pdf_pages(1, b"BT /F1 12 Tf 72 720 Td (2021) Tj ET", resources=HELVETICA)
    table, trailer = base.index(b"xref"), base.index(b"trailer")
    return base[:trailer] + b"trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (table, table)


def font_streams(count: int, size: int) -> bytes:
    """A page of text and ``count`` font programs of ``size`` zero bytes each, deflated (64 KB for 64 MB), none
    over a stream's own limit."""
    program = zlib.compress(bytes(size), 9)
    stream = b"<< /Length %d /Filter /FlateDecode /Length1 %d >>\nstream\n" % (len(program), size) + program + b"\nendstream"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << " + HELVETICA
                + b" >> >>",
                pdf_stream(b"BT /F1 12 Tf 72 720 Td (2021) Tj ET"), *[stream] * count])


def _font_bomb() -> bytes:
    """A TrueType font program inflating to 200 MB under a page of four characters."""
    font = files.deflated_repeat(bytes(100_000), 2000)
    program = (b"<< /Length %d /Filter /FlateDecode /Length1 200000000 >>\nstream\n" % (len(font.data) + 2)
               + b"\x78\xda" + font.data + b"\nendstream")
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 6 0 R >> >> >>",
                pdf_stream(b"BT /F1 12 Tf 72 720 Td (2021) Tj ET"), program,
                b"<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 32 /LastChar 126 /FontDescriptor 7 0 R >>",
                b"<< /Type /FontDescriptor /FontName /X /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 "
                b"/Descent -200 /CapHeight 700 /StemV 80 /FontFile2 5 0 R >>"])


def _docx_in_one_paragraph(xml: bytes, times: int, around: tuple[bytes, bytes] = (b"<w:p>", b"</w:p>")) -> bytes:
    head, tail = document_xml("|").split(b"|")
    return docx(files.deflated_repeat(xml, times, head + around[0], around[1] + tail))


def _html(body: bytes) -> bytes:
    return b"<html><body>" + body + b"</body></html>"


def _laughs_svg() -> str:
    return f'<?xml version="1.0"?><!DOCTYPE svg [{_laughs_entities()}]><svg xmlns="http://www.w3.org/2000/svg"><text>&a9;</text></svg>'


def _svg_in_html() -> bytes:
    """A page whose picture is an SVG of nested entities, inline and as a data: address."""
    svg = _laughs_svg()
    return _html(f"<p>一、总体情况</p>{svg.split('?>', 1)[1]}<img src='data:image/svg+xml;base64,"
                 f"{base64.b64encode(svg.encode()).decode()}'>".encode())


def _docx_with_picture(blob: bytes) -> bytes:
    """A DOCX whose only picture, drawn full width under table 三's heading, holds ``blob``."""
    import docx as python_docx
    from docx.shared import Inches

    out = io.BytesIO()
    document = python_docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    document.add_picture(io.BytesIO(files.png(40, 30)), width=Inches(6))
    document.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source:
        members = {name: source.read(name) for name in source.namelist()}
    picture = next(name for name in members if name.startswith("word/media/"))
    members[picture] = blob
    return files.zip_file(members)


def _svg_in_docx() -> bytes:
    """A DOCX whose only picture is an SVG of nested entities (word/media/image1.svg, drawn full width)."""
    return _docx_with_picture(_laughs_svg().encode())


def _emf_header(size: int) -> bytes:
    """An EMF's header record claiming bounds and a frame of ``size`` × ``size`` (device units, 0.01 mm), no more:
    a table pasted from Excel is often kept as an EMF picture."""
    header = struct.pack("<II4i4iIIIIHH", 1, 108, 0, 0, size, size, 0, 0, size, size, 0x464D4520, 0x10000,
                         1 << 31, 1 << 30, 65535, 0)
    return header + bytes(108 - len(header))


def _wmf_header(size: int) -> bytes:
    """A placeable WMF's header claiming a picture of ``size`` × ``size`` units at one unit an inch."""
    return struct.pack("<IHhhhhHIH", 0x9AC6CDD7, 0, -size, -size, size, size, 1, 0, 0) + bytes(18)


def _rtf_chunks_docx(count: int) -> bytes:
    """A DOCX importing ``count`` tiny RTF documents (w:altChunk), each one a LibreOffice conversion of 2–3 s."""
    from tests.gxparse.docx_styles import docx_package
    return docx_package("".join(f'<w:altChunk r:id="c{n}"/>' for n in range(count)),
                        chunks={f"c{n}": ("application/rtf", b"{\\rtf1 %d}" % n) for n in range(count)})


def _pdf_actions() -> bytes:
    """A page opening with a Launch action (/bin/sh, cmd.exe) and an endless JavaScript, named and on open."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(a) 6 0 R] >> >> >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << " + HELVETICA
                + b" >> /AA << /O 6 0 R >> >>", pdf_stream(b"BT /F1 12 Tf 72 720 Td (2021) Tj ET"),
                b"<< /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c calc) >> >>",
                b"<< /S /JavaScript /JS (while(true){}) >>"])


def _pdf_encrypted_by(handler: bytes) -> bytes:
    base = pdf_pages(1, b"BT /F1 12 Tf 72 720 Td (2021) Tj ET", resources=HELVETICA)
    return base.replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt << /Filter /%s /V 9 /R 9 /Length 128 /O <00> /U <00> "
                        b"/P -1 >> /ID [<00> <00>]" % handler)


def _ofd_with(part: str, xml: bytes) -> Callable[[], bytes]:
    return lambda: files.ofd([files.ofd_page(_OFD_HEADING)], parts={part: xml})


def _ole_with(stream: str) -> bytes:
    """A compound file holding one stream named ``stream``."""
    return files.ole([files.ole_entry("Root Entry", 5, child=1), files.ole_entry(stream, 2, 0, 100)], [bytes(100)])


ATTACKS: list[Attack] = [
    # what gxparse does not read, said in Chinese: no library's words, no kind's internal name
    Attack("empty", "a file of zero bytes", lambda: b"", "文件为空（0 字节）", small=True),
    Attack("zip-of-a-pdf", "a ZIP attachment holding a report's PDF", lambda: files.zip_file(
        {"2023年报告.pdf": files.deflated(pdf_pages(1, b"BT /F1 12 Tf 72 720 Td (2023) Tj ET", resources=HELVETICA))}),
           "不支持的压缩包：不是 Word、Excel 或 OFD 文档", small=True),
    Attack("rar-archive", "a RAR 5 attachment", lambda: b"Rar!\x1a\x07\x01\x00" + bytes(200), "不支持的压缩包（RAR", small=True),
    Attack("7z-archive", "a 7z attachment", lambda: b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(200), "不支持的压缩包（RAR", small=True),
    Attack("gzip-of-html", "a report page gzipped (a server's Content-Encoding kept as the file)",
           lambda: __import__("gzip").compress(seed_bytes("kaifeng_2021")), "不支持的压缩包（RAR", small=True),
    Attack("ole-encrypted-docx", "a password-protected DOCX (an OLE file holding EncryptedPackage)",
           lambda: _ole_with("EncryptedPackage"), "文档已加密", small=True),
    Attack("ole-powerpoint", "a PowerPoint compound file", lambda: _ole_with("PowerPoint Document"), "不支持的 OLE 复合文件", small=True),
    Attack("binary-noise", "4 KB of random bytes", lambda: np.random.default_rng(9).bytes(4096), "无法识别文件格式", small=True),
    # input size
    Attack("dev-zero", "/dev/zero as the input: endless bytes", DEV_ZERO, "文件过大"),
    Attack("nul-text", "16 MB of NUL bytes", lambda: b"\x00" * 16_000_000, "不支持的文件类型"),
    # PDF
    Attack("pdf-huge-page", "466-byte PDF: one 14,400 pt page with one rectangle", _huge_page, "页面过大"),
    Attack("pdf-huge-page-text", "a 14,400 pt page with a text layer (nothing to render)", _huge_page_with_text, None),
    Attack("pdf-2000-pages", "2,000 pages with a shape on every page", lambda: pdf_pages(2000, b"100 100 300 300 re f"),
           "页数过多"),
    Attack("pdf-300-shape-pages", "300 pages, a shape on every page (OCR each?)",
           lambda: pdf_pages(300, b"100 100 300 300 re f"), "需要识别的页面过多"),
    Attack("pdf-page-tree-loop", "a page tree whose kid is its own parent", _page_tree_loop, "PDF"),
    Attack("pdf-page-count-lie", "/Count 100,000,000 over one page (pdfium counts the pages)", _page_count_lie, None),
    Attack("pdf-content-bomb", "a content stream inflating to 520 MB of rectangles", _content_bomb, "PDF"),
    Attack("pdf-image-bomb", "an image-only page whose image is 60,000 × 60,000 px", _image_bomb, "图像过大"),
    Attack("pdf-form-loop", "a 658-byte page whose form XObject draws itself four times", _form_drawing_itself,
           "引用自身"),
    Attack("pdf-form-fan-out", "twenty form XObjects each drawing the next ten times (10^20 instances)",
           _form_fan_out, "展开后的页面内容超过"),
    Attack("pdf-form-loop-xref-zeroed", "a form drawing itself, every cross-reference entry at offset 0 (pdfminer finds "
           "no page, pdfium finds one)", lambda: _xref_zeroed(_form_drawing_itself()), "引用自身"),
    Attack("pdf-form-fan-out-endobj-dropped", "10^20 form instances, the catalog and page tree without endobj",
           lambda: _endobj_dropped(_form_fan_out()), "展开后的页面内容超过"),
    Attack("pdf-form-once-xref-zeroed", "a page drawing a form of text once, every cross-reference entry at offset 0",
           lambda: _xref_zeroed(_forms_nested(1)), None),
    Attack("pdf-forms-1000-deep", "forms nested 1,000 deep, each drawing the next twice", lambda: _forms_nested(1000),
           "嵌套超过"),
    Attack("pdf-jpx-size-lie", "a JPEG 2000 image of 12,000 × 12,000 px whose dictionary says 40 × 30", _jpx_size_lie,
           "图像过大"),
    Attack("pdf-million-chars", "a page of a million characters in a 1 pt font", _million_characters, "字符过多"),
    Attack("pdf-many-rules", "a page of 100,000 ruling lines", _many_rules, None),
    # DOCX
    Attack("docx-gridspan", "36 KB DOCX, gridSpan 200,000,000", _grid_span_docx, "表格过大"),
    Attack("docx-many-pictures", "150 full-page pictures where a table should be", _many_pictures_docx, None),
    Attack("docx-zip-bomb", "a DOCX whose document.xml inflates to 2 GB", _docx_bomb, "解压后过大"),
    Attack("docx-size-lie", "a DOCX whose headers understate a part's size", _docx_size_lie, "DOCX"),
    Attack("docx-ct-no-partname", "[Content_Types].xml Override without PartName",
           _odd_content_types(f'<Types {_CT_NS}>{_RELS_CT}<Override ContentType="application/xml"/></Types>'), "DOCX"),
    Attack("docx-ct-no-extension", "[Content_Types].xml Default without Extension",
           _odd_content_types(f'<Types {_CT_NS}>{_RELS_CT}<Default ContentType="application/xml"/></Types>'), "DOCX"),
    Attack("docx-ct-wrong-namespace", "[Content_Types].xml in another namespace",
           _odd_content_types('<Types xmlns="urn:x">' + _RELS_CT + "</Types>"), "DOCX"),
    Attack("docx-ct-not-xml", "[Content_Types].xml that is not XML", _odd_content_types("not xml <<"), "DOCX"),
    Attack("docx-billion-laughs", "document.xml with nested entities (a billion laughs)", _billion_laughs, "DOCX"),
    Attack("docx-xxe", "document.xml with an external entity for /etc/passwd", _external_entity, None),
    Attack("docx-deep", "content controls nested 5,000 deep", _deep_docx, "DOCX"),
    # XLSX
    Attack("xlsx-far-cell", "2 cells, at A1 and XFD1048576 (the sheet's range: 17 billion slots)", _far_cell_xlsx,
           "工作表过大"),
    Attack("xlsx-merged-grid", "A1:XFD1048576 merged", _merged_grid_xlsx, "电子表格过大"),
    Attack("xlsx-many-cells", "300,000 cells in 14 KB", _many_cells_xlsx, "电子表格过大"),
    Attack("xlsx-zip-bomb", "an XLSX whose sheet inflates to 2 GB", _xlsx_bomb, "XLSX 解压后过大"),
    Attack("xlsx-billion-laughs", "a sheet with nested entities (a billion laughs)", _xlsx_billion_laughs, "XLSX"),
    # OFD
    Attack("ofd-zip-bomb", "an OFD whose page inflates to 2 GB", _ofd_bomb, "OFD 解压后过大"),
    Attack("ofd-many-pages", "an OFD naming 1,001 pages", lambda: files.ofd([files.ofd_page("")], listed=1001),
           "页数过多"),
    Attack("ofd-100000-pages", "an OFD naming 100,000 pages (refused before any is parsed)",
           lambda: files.ofd([files.ofd_page("")], listed=100_000), "页数过多"),
    Attack("ofd-page-loop", "1,000 pages naming one 0.9 MB page", _ofd_page_loop, "OFD 内容过大"),
    Attack("ofd-many-text-objects", "one page of 100,000 text objects", _ofd_many_text_objects, None),
    Attack("ofd-billion-laughs", "a page with nested entities (a billion laughs)",
           _ofd_page_doctype(_laughs_entities(), "&a9;"), "OFD"),
    Attack("ofd-xxe", "a page with an external entity for /etc/passwd",
           _ofd_page_doctype('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"), None),
    Attack("ofd-absurd", "boundaries, sizes, gaps and matrices of 1e300 beside a heading", _ofd_absurd, None),
    Attack("ofd-path-segments", "600 paths of 1,999 segments on one page (1.2 million)", _ofd_path_segments,
           "路径过多"),
    # 10 MB of text in one element: over libxml2's limit of a text node, which huge_tree=False keeps
    Attack("ofd-million-point-path", "one path of a million points", _ofd_million_points, "超出 XML 解析的上限"),
    Attack("ofd-image-bomb", "a scanned page whose 2 KB PNG is 60,000 × 60,000 px", _ofd_image_bomb, "图像过大"),
    Attack("ofd-self-references", "a page that is its own template; a resource file naming itself",
           _ofd_self_references, None),
    Attack("ofd-docroot-itself", "OFD.xml naming itself as the document", _ofd_docroot_itself, "OFD"),
    # MHTML
    Attack("mhtml-many-pictures", "150 large blank pictures where the tables should be", _mhtml_many_pictures, None),
    Attack("mhtml-many-parts", "20,000 parts", lambda: mhtml_of_parts(20_000), "部分过多", slow=True),
    Attack("mhtml-nested", "multiparts nested 20,000 deep", _mhtml_nested, "嵌套过深"),
    Attack("mhtml-long-article", "20 page parts of 99,000 one-figure lines each: one article of 2 million lines",
           lambda: mhtml_article(20, 99_000), "含数字的行过多", slow=True),
    Attack("mhtml-large", "a 70 MB MHTML, most of it one picture", _mhtml_large_picture, "MHTML 文件过大"),
    # JSON
    Attack("json-deep-objects", "objects nested 100,000 deep", lambda: b'{"a":' * 100_000 + b'"x"' + b"}" * 100_000,
           None),
    Attack("json-deep-report-html", "a detail answer whose content is HTML nested 100,000 deep",
           lambda: json.dumps({"data": {"title": "年度报告", "content": "<p>一、总体情况</p>" + "<div>" * 100_000 + "1"
                                        + "</div>" * 100_000}}).encode(), None),
    # DOC
    Attack("doc-fat-loop", "a compound file whose WordDocument chain loops back to its start", lambda: _word_stream({2: 0}),
           "DOC 文件损坏"),
    Attack("doc-4gb-stream", "a WordDocument stream declared 4 GB long over three sectors",
           lambda: _word_stream(declared=(4 << 30) - 1), "DOC 文件损坏"),
    Attack("doc-mini-stream-loop", "a compound file whose mini-stream chain (WordDocument's) loops back to its start",
           _word_in_mini_stream, "DOC 文件损坏"),
    Attack("xls-fat-loop", "a compound file whose Workbook chain loops back to its start", lambda: _workbook_stream({2: 0}),
           "XLS 文件损坏：Workbook 流的扇区链循环"),
    Attack("et-fat-loop", "a WPS 表格 (.et) compound file whose Workbook chain loops back to its start",
           lambda: _workbook_stream({2: 0}, b"KSOProductBuildVer"), "ET 文件损坏：Workbook 流的扇区链循环"),
    Attack("xls-chain-short", "a compound file whose Workbook chain ends after one of its three sectors",
           lambda: _workbook_stream({0: olefile.ENDOFCHAIN}), "XLS 文件损坏：Workbook 流的扇区链比流的长度短", small=True),
    Attack("wps-fat-loop", "a WPS 文字 compound file whose WordDocument chain loops back to its start",
           lambda: _word_stream({2: 0}, marker=b"KSOProductBuildVer"), "WPS 文件损坏"),
    # LibreOffice converts the cells the records hold, not the range claimed (within MAX_CONVERT_MEMORY and
    # MAX_CONVERT_SECONDS); the XLSX it writes is held to MAX_WORKBOOK_CELLS and check_sheet_range
    Attack("xls-dimension-grid", "an XLS whose DIMENSION record claims rows to 2^20 and columns to XFD",
           _xls_claiming_the_grid, None),
    Attack("doc-deep-directory", "a compound file of 100,000 directory entries chained 100,000 deep",
           _ole_deep_directory, "DOC 文件损坏"),
    Attack("xls-65536-rows", "an XLS of 65,536 rows × 4 (BIFF8's every row): 262,144 cells", lambda: files.xls_from_csv(
        "".join(f"{n},1,2,3\n" for n in range(65_536)).encode()), "电子表格过大", slow=True),
    Attack("doc-broken-ole", "an OLE signature followed by 64 KB of noise (LibreOffice gets it)",
           lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + np.random.default_rng(3).bytes(65536), None, slow=True),
    # HTML and text
    Attack("html-colspan-grid", "tables of 200 × 200 cells, each colspan=1000 rowspan=1000", _colspan_grid, "表格过大"),
    Attack("html-wide-table", "one table of 600 rows × 600 cells", _wide_rows_html, "表格过大"),
    Attack("html-deep-nesting", "100,000 nested <div>", _deep_html, None),
    Attack("html-deep-tables", "20,000 nested tables", _deep_table_html, None),
    Attack("html-many-elements", "900,000 <b> elements in 7 MB", _many_small_elements_html, None),
    Attack("html-many-attributes", "one element of 100,000 attributes (libxml2 compares each name with all before it)",
           lambda: ("<html><body><p " + " ".join(f"a{n}" for n in range(100_000)) + ">2021</p></body></html>").encode(),
           "属性过多"),
    Attack("html-too-large", "a 20 MB page", lambda: b"<html><body>" + b"<p>1</p>" * 2_500_000, "过大"),
    Attack("html-utf16", "HTML in UTF-16 with a BOM", _utf16_html, None),
    Attack("html-charset-zlib", '<meta charset="zlib">: a codec that is not a text encoding', _bogus_charset("zlib"), None),
    Attack("html-charset-punycode", '<meta charset="punycode">', _bogus_charset("punycode"), None),
    Attack("html-charset-idna", '<meta charset="idna">', _bogus_charset("idna"), None),
    Attack("text-utf32", "a report in UTF-32 with a BOM", _utf32_text, None),
    Attack("text-big5", "a report in Big5", _big5, None),
    Attack("text-long-line", "one 7 MB line of numbers", lambda: b"1 " * 3_500_000, "行过长"),
    Attack("text-many-lines", "3.5 million lines of one digit", lambda: b"1\n" * 3_500_000, "行数过多"),
    Attack("text-many-cr-lines", "3.5 million lines ended by a lone CR", lambda: b"1\r" * 3_500_000, "行数过多"),
    Attack("md-flattened-tables", "a 7 MB Markdown layout row holding 100,000 tables written inline",
           lambda: _flattened_row("  |  |  | | --- | --- | | 规章 | 1 | | 行政许可 | 2 |  段落", 100_000), "行数过多"),
    Attack("md-flattened-gaps", "a 6 MB inline table, every cell followed by a gap (a span, or a row's end)",
           lambda: _flattened_row("  |  |  | | --- | --- | " + "| 1 | | 规章 " * 400_000, 1), "行数过多"),
    Attack("md-many-tables", "33,000 tiny pipe tables", lambda: "| 规章 | 1 |\n| --- | --- |\n\n".encode() * 33_000, None),
    Attack("text-long-label-row", "a table-三 label followed by 100,000 numbers",
           lambda: _seed_with("(一) 予以公开\t" + "\t".join(map(str, range(100_000)))), "行过长"),
    Attack("text-zero-cell-stream", "table 三 a cell per line, 182 figures nearly all zeros, labels among them",
           _zero_cell_stream, None),
    Attack("text-s4-figure-per-line", "table 四 a figure per line, 40 figures for its 15 cells", _s4_figure_per_line,
           None),
    Attack("text-rate-400-digits", "a 400-digit number in a rate sentence",
           lambda: _seed_with(f"共收到申请{'9' * 400}件，其中办结{'9' * 400}件，办结率100%。"), None),
    Attack("text-4300-digits", "a 5,000-digit count in a 受理 sentence",
           lambda: _seed_with(f"本年度新收到政府信息公开申请{'7' * 5000}件。"), None),
    Attack("text-4300-digit-cell", "a 5,000-digit figure in a table cell",
           lambda: seed_bytes("kaifeng_2021").decode().replace("\t414\t", "\t" + "4" * 5000 + "\t", 1).encode(), None),
    Attack("text-4300-digit-rate", "a 5,000-digit percentage",
           lambda: _seed_with(f"共收到申请100件，其中办结50件，办结率{'5' * 5000}%。"), None),
    # table 二's sub-table headers on one line over boxes of figures (cellstream.column_boxes, both header shapes)
    Attack("text-header-boxes", "a header line naming three columns over 90,000 lone figures",
           lambda: _seed_with("本年制发件数 本年废止件数 现行有效件数\n" + "0\n" * 90_000), "含数字的行过多"),
    Attack("text-many-header-lines", "20,000 header lines naming three columns, each over three lone figures",
           lambda: _seed_with("本年制发件数 本年废止件数 现行有效件数\n0\n6\n32\n" * 20_000), "含数字的行过多"),
    Attack("text-label-million-figures", "a table-二 label followed by a million figures",
           lambda: _seed_with("规章 " + "0 " * 1_000_000), "行过长"),
    # tables written as CSV
    Attack("csv-ragged-wide", "a CSV table: one record of 100,000 commas among 70,000 records of three fields",
           lambda: _csv_records() + b"," * 100_000 + b"\n" + b"a,b,c\n" * 70_000, "表格过大"),
    Attack("csv-wide-records", "a CSV table of 100 records of 30,000 fields",
           lambda: _csv_records() + (b"1," * 30_000 + b"\n") * 100, "表格过大"),
    Attack("csv-many-records", "600,000 CSV records of a table-二 row", lambda: _csv_records(600_000), "行数过多"),
    Attack("csv-many-tables", "300,000 CSV tables of three records",
           lambda: b"a,b,c\na,b,c\na,b,c\n\n" * 300_000, "行数过多"),
    Attack("csv-quote-never-closed", "a CSV whose last field opens a quote and runs 6 MB to the end",
           lambda: _csv_records() + b'"' + b"x" * 6_000_000, None),
    Attack("csv-7mb-field", "a CSV field of 7 MB of digits", lambda: _csv_records() + b'"' + b"1" * 7_000_000 + b'",2,3\n',
           None),
    Attack("csv-3m-lines-in-a-field", "a quoted CSV field of 3 million lines",
           lambda: _csv_records() + b'"' + b"1\n" * 3_000_000 + b'",2,3\n', "行数过多"),
    Attack("csv-nul-fields", "a CSV of NUL fields", lambda: _csv_records() + b"1,\x00,2\n" * 100_000, "不支持"),
    Attack("csv-gbk-after-utf8", "CSV records in UTF-8, then 10,000 in GBK",
           lambda: _csv_records() + "规章,一,二\n".encode("gbk") * 10_000, None),
    # images
    Attack("gif-200-frames", "4.6 KB GIF, 200 frames on a 5000 × 5000 screen", _gif_frames, "帧数过多"),
    Attack("tiff-300-pages", "a 300-page TIFF", _tiff_pages, "帧数过多"),
    Attack("png-182-mpx", "a PNG of 182 megapixels (Pillow's bomb error)", _big_png, "图像过大"),
    Attack("png-100-mpx", "a PNG of 100 megapixels (Pillow only warns)", _large_png, "图像过大"),
    # read as 13 page-high slices (gxparse.ocr.slices), each a page within MAX_SCANNED_PAGES and the OCR budget
    Attack("png-tall-roll", "a 2,000 × 37,000 px PNG at 200 dpi (a 185-inch page)", _tall_png, None),
    Attack("png-absurd-dpi", "a PNG that states 1,000,000 dpi", _tiny_dpi_png, None),
    # read until the OCR budget or the document's deadline runs out: the pages left are named unread, never missing
    Attack("tiff-noise-40-pages", "40 A4 pages of noise (3–6 s of OCR each)", _noise_tiff(40), None, slow=True),
    Attack("pdf-100-a2-shape-pages", "100 A2 pages, one rectangle each, no text (OCR each)",
           lambda: pdf_pages(100, b"100 100 300 300 re f", size=(1190, 1684)), None, slow=True),
    # attacked anew (issue 12's second round): each read or refused within the bounds
    Attack("pdf-deep-arrays", "a page dictionary holding arrays nested 100,000 deep",
           lambda: _page_with(b"/X " + b"[" * 100_000 + b"]" * 100_000), None),
    Attack("pdf-deep-dictionaries", "a page dictionary holding dictionaries nested 50,000 deep",
           lambda: _page_with(b"/X " + b"<< /A " * 50_000 + b"1" + b" >>" * 50_000), None),
    Attack("pdf-deep-content-arrays", "a TJ array nested 200,000 deep in a page's content", lambda: pdf_pages(
        1, b"BT /F1 12 Tf 72 720 Td " + b"[" * 200_000 + b"(1)" + b"]" * 200_000 + b" TJ ET", resources=HELVETICA), None),
    Attack("pdf-2000-texts-in-10000-nested-marks", "a page's 2,000 texts inside 10,000 nested marked contents (pdfium "
           "copies 20 million marks: aborted under 1 GB)", lambda: pdf_pages(
        1, b"/Span BMC " * 10_000 + b"BT /F1 10 Tf 100 700 Td (2021) Tj ET " * 2_000 + b"EMC " * 10_000,
        resources=HELVETICA), "标记内容（BDC/BMC）嵌套过深"),
    Attack("pdf-1000-ocr-layer-pages", "1,000 pages of a blank scan under an invisible OCR layer of 400 words (each "
           "page's rules rendered, its words placed in cells, the table joined on: the deadline, 58 s)",
           lambda: ocr_layer_pages(1000), "扫描页过多", slow=True),
    Attack("pdf-million-saves", "a page's content of a million unbalanced q (graphics state saves)", lambda: pdf_pages(
        1, b"q " * 1_000_000 + b"BT /F1 12 Tf 72 720 Td (1) Tj ET", resources=HELVETICA), None),
    Attack("pdf-xref-stream-lie", "a cross-reference stream claiming 99,999,999 entries in 10 bytes",
           lambda: _xref_stream(b"/Size 99999999 /W [1 4 2] /Index [0 99999999]"), None),
    Attack("pdf-xref-prev-loop", "a trailer whose /Prev names its own cross-reference table", _xref_prev_loop, None),
    Attack("pdf-font-bomb", "a font program inflating to 200 MB", _font_bomb, "解压后过大"),
    Attack("pdf-40-fonts-of-63-mb", "a 2.5 MB PDF of 40 font programs inflating to 63 MB each (measuring 3,000 of "
           "them in 200 MB took 120 s)", lambda: font_streams(40, 63 << 20), "解压后合计过大", slow=True),
    Attack("docx-nested-tables", "tables nested 1,000 deep", lambda: docx(document_xml(
        "<w:tbl><w:tr><w:tc>" * 1000 + paragraph("1") + "</w:tc></w:tr></w:tbl>" * 1000)), "DOCX"),
    Attack("docx-million-runs", "one paragraph of a million one-character runs",
           lambda: _docx_in_one_paragraph(b"<w:r><w:t>1</w:t></w:r>", 1_000_000), None, slow=True),
    Attack("docx-100000-table-rows", "one table of 100,000 rows", lambda: _docx_in_one_paragraph(
        b"<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>", 100_000, (b"<w:tbl>", b"</w:tbl>")),
        "含数字的行过多", slow=True),
    Attack("html-100000-table-rows", "one table of 100,000 rows of two cells",
           lambda: _html(b"<table>" + b"<tr><td>1</td><td>2</td></tr>" * 100_000 + b"</table>"), "含数字的行过多",
           slow=True),
    Attack("html-7mb-attribute", "an attribute value of 7 MB", lambda: _html(b'<p title="' + b"a" * 7_000_000 + b'">2021</p>'),
           None),
    Attack("html-unclosed-spans", "300,000 <span> never closed", lambda: _html(b"<span>" * 300_000 + b"1"), None),
    Attack("html-unclosed-tables", "50,000 tables opened in each other's cells, never closed",
           lambda: _html(b"<table><tr><td><p>" * 50_000 + b"1"), None),
    Attack("html-7mb-comment", "a comment of 7 MB never closed", lambda: _html(b"<!--" + b"-" * 7_000_000 + b"<p>1</p>"),
           None),
    Attack("html-200000-css-rules", "a style sheet of 200,000 hiding rules of four selectors each", lambda: (
        b"<html><head><style>" + b".a .b .c .d {display:none}\n" * 200_000 + b"</style></head><body><p class='a'>1</p>"
        b"</body></html>"), "隐藏规则过多", slow=True),
    Attack("html-huge-character-reference", "a character reference of 100,000 digits",
           lambda: _html(b"<p>&#" + b"9" * 100_000 + b";</p><p>2021</p>"), None),
    Attack("text-100000-digit-cell", "a 100,000-digit figure in a table cell",
           lambda: seed_bytes("kaifeng_2021").decode().replace("\t414\t", "\t" + "4" * 100_000 + "\t", 1).encode(), None),
    Attack("csv-100000-digit-field", "a CSV record with a 100,000-digit field",
           lambda: _csv_records() + b"a," + b"9" * 100_000 + b",1\n", None),
    Attack("json-100000-digit-cell", "a detail answer whose table cell holds 100,000 digits",
           lambda: json.dumps({"data": {"title": "年度报告", "content": "<p>一、总体情况</p><table><tr><td>" + "9" * 100_000
                                        + "</td></tr></table>"}}).encode(), None),
    # attacked anew (issue 12's third round)
    Attack("rtf-bin-past-the-end", "a 1 KB RTF whose \\bin declares 2,000,000,000 bytes (LibreOffice waited 180 s)",
           lambda: b"{\\rtf1 \\bin2000000000 " + b"x" * 1000 + b"}", "RTF 文件损坏：\\bin 声明", small=True),
    Attack("rtf-bin-100000-digits", "an RTF whose \\bin has a length of 100,000 digits",
           lambda: b"{\\rtf1 \\bin" + b"9" * 100_000 + b" x}", "RTF 文件损坏", small=True),
    Attack("rtf-bin-200000-runs", "200,000 groups of a one-byte \\bin run", lambda: b"{\\rtf1 " + b"{\\bin1 x}" * 200_000
           + b"}", None, slow=True),
    Attack("ofd-broken-entry-xml", "OFD.xml cut off mid-element", _ofd_with("OFD.xml", b"<ofd:OFD><ofd:DocBody><ofd:Doc"),
           "OFD 的入口文件（OFD.xml）不是有效的 XML", small=True),
    Attack("ofd-broken-document-xml", "Document.xml cut off mid-element",
           _ofd_with("Doc_0/Document.xml", f'<ofd:Document xmlns:ofd="{files.OFD_NS}"><ofd:Pages><ofd:Page'.encode()),
           "OFD 的文档描述文件（Doc_0/Document.xml）不是有效的 XML", small=True),
    Attack("ofd-broken-page-xml", "a page's Content.xml cut off mid-element",
           _ofd_with("Doc_0/Pages/Page_0/Content.xml", files.ofd_page(_OFD_HEADING)[:-30].encode()), "不是有效的 XML", small=True),
    Attack("html-svg-laughs", "an SVG of nested entities inline and as a data: picture", _svg_in_html, None, small=True),
    Attack("docx-svg-laughs", "a DOCX whose picture is an SVG of nested entities", _svg_in_docx, None, small=True),
    Attack("wps-that-is-html", "a .wps/.et attachment that is an HTML page (read by its bytes, not its name)",
           lambda: _html("<p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table>".encode()), None, small=True),
    Attack("pdf-launch-and-javascript", "a page with a Launch action and endless JavaScript (never run)", _pdf_actions,
           None, small=True),
    Attack("pdf-unknown-security-handler", "a PDF encrypted by an unknown security handler",
           lambda: _pdf_encrypted_by(b"FooBar"), "PDF 使用了不支持的加密方式", small=True),
    Attack("pdf-standard-handler-revision-9", "a PDF under the standard handler at an unknown revision",
           lambda: _pdf_encrypted_by(b"Standard"), "PDF", small=True),
    Attack("md-deep-quote", "a block quote nested 100,000 deep", lambda: b">" * 100_000 + b" 1\n", None),
    Attack("rtf-deep-groups", "an RTF of groups nested 100,000 deep (LibreOffice converts it)",
           lambda: b"{\\rtf1 " + b"{" * 100_000 + b"1" + b"}" * 100_000 + b"}", None),
    Attack("png-1x100-mpx", "a PNG of 100,000,000 × 1 px", lambda: files.png(100_000_000, 1), "图像过大"),
    Attack("png-100-mpx-x1", "a PNG of 1 × 100,000,000 px", lambda: files.png(1, 100_000_000), "图像过大"),
    Attack("jpeg-huge-header", "a truncated JPEG claiming 65,000 × 65,000 px", _huge_jpeg_header, "图像过大"),
    # attacked anew (issue 12's fourth round)
    # pictures OCR does not read (EMF, WMF: Excel tables pasted into Word) reach no decoder, their header unread
    Attack("docx-emf-huge-header", "a full-width EMF picture whose header claims 2^31 × 2^31 units and 2^31 records",
           lambda: _docx_with_picture(_emf_header((1 << 31) - 1)), None, small=True),
    Attack("docx-wmf-huge-header", "a full-width placeable WMF claiming 32,767 × 32,767 inches",
           lambda: _docx_with_picture(_wmf_header(32_767)), None, small=True),
    Attack("pdf-object-stream-bomb", "a damaged PDF whose object stream inflates to 18 MB of tokens (pdfminer parses each)",
           _object_stream_bomb, "对象流"),
    Attack("jpeg-100000-exif-segments", "a 10 MB JPEG of 100 × 100 px after 100,000 Exif segments (Pillow: 36 s)",
           lambda: _exif_segments(100_000, 100), "元数据段过多", small=True),
    Attack("jpeg-progressive-20000-scans", "a 1.4 MB progressive JPEG of 5000 × 5000 px in 20,000 scans of 64 bytes "
           "(libjpeg: 28 s)", lambda: _progressive_scans(20_000), "扫描段过多", small=True),
    Attack("html-positioned-infinite-offsets", "a positioned page (pdfminer's) whose offsets are 400-digit numbers",
           _positioned(lambda t: re.sub(r"(left|top):[\d.]+px", lambda m: f"{m.group(1)}:-{'9' * 400}px", t)), None,
           small=True),
    Attack("html-positioned-absurd-transforms", "a positioned page whose boxes are scaled by 1e308, NaN and infinity",
           _positioned(lambda t: t.replace('style="position:absolute;', 'style="transform:matrix(1e308,1e308,1e308,'
                                           '1e308,0,0) scale(nan, inf);position:absolute;')), None, small=True),
    Attack("html-positioned-font-of-2200000000-code-points", "a pdf2htmlEX page whose font's character map names "
           "2,000 times the whole of Unicode in 24 kB (fontTools lists each code point)", _pdf2htmlex_font(
               lambda: with_cmap(embedded_woffs()[0], format_12_cmap(*[(0, 0x10FFFF)] * 2_000))), None, small=True),
    Attack("html-positioned-woff-bomb", "a pdf2htmlEX page whose font's table of 100 KB inflates to 100 MB, "
           "stated as 1 kB", _pdf2htmlex_font(lambda: woff_bomb(100_000_000, 1024)), None, small=True),
    Attack("html-positioned-60-copies", "a positioned report's boxes 60 times over in 7.5 MB (200,000 boxes)",
           _positioned(lambda t: _copied_body(t, 60)), None, slow=True),
    Attack("html-positioned-100000-boxes-10000-rows", "100,000 positioned boxes over 10,000 ruled rows (6 MB: each "
           "box looked at every rule, over 300 s)", lambda: ruled_rows_of_boxes(10_000, 10).encode(), None, slow=True),
    Attack("html-positioned-30-pictures-of-1-x-16000000-px", "a pdf2htmlEX page under 30 background PNGs of "
           "1 × 16,000,000 px drawn a page high (25 s and a deadline; a page wide 16,000,000 × 1: 837 MB)",
           _background_pictures(30, (1, 16_000_000), 0), None),
    Attack("html-positioned-60-inked-pictures-of-16000000-px", "a pdf2htmlEX page under 60 background PNGs of "
           "4,000 × 4,000 px all ink (0.4 s each: 12 s to the document's 500,000,000 pixels)",
           _background_pictures(60, (4000, 4000), 0), None, slow=True),
    Attack("html-positioned-svg-path-of-1000000-segments", "a positioned page whose inline SVG path draws 1,000,000 "
           "segments (7 MB: 22 s and 690 MB read)", _positioned(lambda t: t.replace(
               "</body>", f'<svg width="500" height="500"><path d="M0 -3000{"h10m5 0" * 1_000_000}"/></svg></body>')),
           "路径坐标超过", slow=True),
    Attack("ocrtext-table-3-of-10000-rows", "RapidOCR's text of a report whose table 三 has 10,000 more rows of figures "
           "(70,000 lines, each a figure: past limits.MAX_FIGURE_LINES)", lambda: _ocr_text_of_a_long_table_three(10_000),
           "含数字的行过多", slow=True),
    Attack("html-positioned-60000-page-sized-boxes", "60,000 page-sized boxes drawn on a positioned page's canvas "
           "(6 MB: each was tested against every other, 8,000 took 7.9 s)", lambda: page_sized_boxes(60_000).encode(),
           "页面大小的方框过多", slow=True),
    Attack("html-200-hiding-rules-over-300000-elements", "a 2.4 MB page: 200 rules hiding a class each over 300,000 "
           "<b> (each tried against each: 29 s)", lambda: _html(
               f"<style>{','.join(f'.h{n}' for n in range(200))}{{display:none}}</style><p>".encode()
               + b"<b>1</b>" * 300_000), None, slow=True),
    Attack("html-60000-descendant-rules-200-deep", "60,000 rules `div div div .cN span` over 30,000 spans 200 divs "
           "deep (each try walked 200 ancestors: over 300 s)", _descendant_rules, None, slow=True),
    Attack("pdf-xref-stream-wide-field", "a cross-reference stream whose /W names a field 100,000,000 bytes wide",
           lambda: _xref_stream(b"/Size 3 /W [1 100000000 1] /Index [0 3]"), None, small=True),
    Attack("pdf-100000-annotations", "a page naming one annotation 100,000 times in /Annots",
           lambda: _annotated_page(100_000), None, small=True),
    Attack("pdf-million-annotations", "a page naming one annotation 1,000,000 times in /Annots (6 MB)",
           lambda: _annotated_page(1_000_000), None, slow=True),
    Attack("docx-100000-numberings", "100,000 numbering definitions, 10,000 of them used", lambda: _numbered_docx(100_000),
           None, slow=True),
    Attack("xlsx-million-empty-rows", "a sheet of 1,000,000 empty rows", lambda: xlsx(sheet_xml(
        "".join(f'<row r="{n}"/>' for n in range(1, 1_000_001)))), None, slow=True),
    Attack("png-iccp-8mb", "a 100 × 100 PNG whose ICC profile inflates to 8 MB (Pillow reads 1 MB)",
           lambda: _png_with(files.png_chunk(b"iCCP", b"icc\x00\x00" + zlib.compress(bytes(8_000_000), 9))),
           "图片文件损坏", small=True),
    Attack("png-10000-text-chunks", "a 100 × 100 PNG after 10,000 text chunks",
           lambda: _png_with(files.png_chunk(b"tEXt", b"k\x00" + b"v" * 100) * 10_000), None, small=True),
    Attack("md-20000-columns", "a Markdown pipe table of 20,000 columns",
           lambda: b"| " + b"a | " * 20_000 + b"\n|" + b" --- |" * 20_000 + b"\n", None, small=True),
    # attacked anew (issue 12's fifth round): pdfium's loading of a page, bounded by the document's deadline
    Attack("pdf-20-pages-of-220000-inline-images", "20 pages sharing one 7.7 MB content stream of 220,000 one-pixel "
           "inline images (each page's pictures looked at: 5 s)",
           lambda: pdf_pages(20, b"BI /W 1 /H 1 /BPC 8 /CS /G ID x EI " * 220_000), "图片过多", slow=True),
    Attack("pdf-1000-pages-of-one-8mb-stream", "1,000 pages sharing one 8 MB content stream of colour operators "
           "(pdfium parses it anew for each page: 145 s)", lambda: pdf_pages(1000, b"0 g " * 2_000_000),
           "各页绘制的页面内容合计过大", slow=True),
    Attack("html-positioned-50000-two-line-boxes-10000-rows", "50,000 two-line positioned boxes over 10,000 ruled "
           "rows (3 MB: each box looked at every rule for its rows, 14 s, then read as it flows)",
           lambda: ruled_rows_of_two_line_boxes(10_000, 10).encode(), None, slow=True),
    Attack("html-positioned-1000-stacked-page-frames", "1,000 page frames on a positioned page's canvas, 600,000 "
           "characters in them (1.3 MB: each character tested against every frame, 22 s)",
           lambda: stacked_page_frames(1000, 10, 60).encode(), None, slow=True),
    Attack("text-table-3-rows-gone-among-95000-lines", "table 三's 21 rows gone, 95,000 lines of prose in their "
           "place (each gap matched every line's label again: 21 × 95,000)",
           lambda: table_three_rows_gone_among_prose(95_000), None, slow=True),
    # attacked anew (issue 12's sixth round)
    Attack("pdf-1000-pages-in-an-object-stream-of-one-8mb-stream", "1,000 pages kept in a compressed object stream "
           "sharing one 8 MB content stream (their references unseen until it is inflated; pdfium parses the stream "
           "anew for each page)", lambda: files.pdf_pages_in_object_stream(1000, b"0 g " * 2_000_000),
           "各页绘制的页面内容合计过大", slow=True),
    Attack("text-table-3-of-95000-labels-alone", "table 三's rows gone, one row's label alone on 95,000 lines (each "
           "began a run of rows' labels through all those after it: over 300 s)",
           lambda: table_three_rows_replaced_by("（一）予以公开\n", 95_000), None, slow=True),
    Attack("text-table-3-of-95000-lines-of-figures", "table 三's rows gone, 95,000 lines of a row's figures without "
           "a label (each began a tail of figures through all those after it: over 300 s)",
           lambda: table_three_rows_replaced_by("1 0 0 0 0 0 1\n", 95_000), "含数字的行过多", slow=True),
    # attacked anew (issue 12's seventh round)
    Attack("text-table-3-of-95000-full-rows", "table 三's rows gone, one full row (its label and its seven figures) "
           "printed on 95,000 lines", lambda: table_three_rows_replaced_by("(一) 予以公开\t414\t0\t0\t0\t20\t2\t436\n",
                                                                          95_000), "含数字的行过多", slow=True),
    Attack("html-1000-hiding-rules-of-one-tag-over-100000-elements", "a 1.9 MB page: 1,000 rules `.hN b` hiding "
           "text, all keyed on <b>, over 100,000 <b class=c> in a table cell (each tried against each)", lambda: _html(
               "".join(f".h{n} b{{display:none}}" for n in range(1000)).join(("<style>", "</style>")).encode()
               + b"<table><tr><td>" + b"<b class='c'>1</b>" * 100_000 + b"</td></tr></table>"), "隐藏规则过多", slow=True),
    Attack("docx-1000-rtf-chunks", "a 130 KB DOCX importing 1,000 RTF documents (8 took 21 s to convert one by one)",
           lambda: _rtf_chunks_docx(1000), "导入的 RTF 文档过多", small=True),
    # attacked anew (issue 12's eighth round)
    Attack("pdf-page-of-1000000-text-objects", "one page of 1,000,000 text objects of one glyph, its 31 MB content "
           "stream not compressed (pdfium made an object of each: 816 MB, past the deadline)",
           lambda: pdf_pages(1, b"BT /F1 1 Tf 10 10 Td (1) Tj ET " * 1_000_000, resources=HELVETICA), "页面内容流过大",
           slow=True),
]

BY_NAME = {attack.name: attack for attack in ATTACKS}


def attack_bytes(attack: Attack) -> bytes:
    assert callable(attack.build)
    return attack.build()

"""Hand-written container formats for hostile files: a PDF from its objects, a ZIP from its members (with
deflate data built without compressing the whole payload, so a gigabyte bomb costs milliseconds), a GIF of
1×1 frames on a large screen, a PNG from its rows. Each writes exactly the bytes an attacker would send."""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def pdf_stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entries, data)


def pdf_pages(count: int, contents: bytes, size: tuple[float, float] = (595, 842), resources: bytes = b"") -> bytes:
    """A PDF of ``count`` pages sharing one content stream."""
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 3 0 R /Resources << %s >> >>" % (
        size[0], size[1], resources)
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
                pdf_stream(contents)] + [page] * count)


def pdf_pages_in_object_stream(count: int, contents: bytes) -> bytes:
    """A PDF 1.5 of ``count`` pages sharing one Flate content stream, the catalog, page tree and pages kept in a
    compressed object stream (their references to the content seen only once it is inflated), a cross-reference
    stream listing them."""
    first_page, content = 4, zlib.compress(contents, 9)
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << >> >>"
    packed = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
              **{first_page + i: page for i in range(count)}}
    header, body = bytearray(), bytearray()
    for number, text in packed.items():
        header += b"%d %d " % (number, len(body))
        body += text + b"\n"
    packed_stream = zlib.compress(bytes(header + body), 9)
    holder, xref = first_page + count, first_page + count + 1
    out = bytearray(b"%PDF-1.5\n")
    offsets = {3: len(out)}
    out += b"3 0 obj\n" + pdf_stream(content, b"/Filter /FlateDecode") + b"\nendobj\n"
    offsets[holder] = len(out)
    out += b"%d 0 obj\n" % holder + pdf_stream(packed_stream, b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode"
                                                % (len(packed), len(header))) + b"\nendobj\n"
    offsets[xref] = len(out)
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]
    for number in range(1, xref + 1):
        if number in offsets:
            rows.append(b"\x01" + struct.pack(">IH", offsets[number], 0))
        else:
            rows.append(b"\x02" + struct.pack(">IH", holder, list(packed).index(number)))
    table = b"".join(rows)
    out += b"%d 0 obj\n" % xref + pdf_stream(table, b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R" % (xref + 1))
    out += b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref]
    return bytes(out)


HELVETICA = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"


@dataclass(frozen=True)
class Deflated:
    """A member's raw deflate data with the size and CRC of what it inflates to."""

    data: bytes
    size: int
    crc: int


def deflated(payload: bytes, level: int = 9) -> Deflated:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Deflated(packer.compress(payload) + packer.flush(), len(payload), zlib.crc32(payload))


def deflated_repeat(chunk: bytes, times: int, head: bytes = b"", tail: bytes = b"") -> Deflated:
    """``head + chunk * times + tail`` deflated without compressing it whole: the chunk's block, ended by a
    full flush (byte-aligned, no back-references across it), is the same bytes every time it is repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "a flushed block must not depend on what came before"
    last = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    return Deflated(first + block * times + last, len(head) + len(chunk) * times + len(tail), zlib.crc32(tail, crc))


def zip_file(members: dict[str, bytes | Deflated], declared_sizes: dict[str, int] | None = None) -> bytes:
    """A ZIP archive of deflated members; ``declared_sizes`` makes a member's headers lie about its size."""
    out, central = bytearray(), bytearray()
    for name, member in members.items():
        packed = member if isinstance(member, Deflated) else deflated(member)
        size = (declared_sizes or {}).get(name, packed.size)
        raw_name = name.encode()
        offset = len(out)
        common = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, packed.crc, len(packed.data), size)
        out += b"PK\x03\x04" + common + struct.pack("<HH", len(raw_name), 0) + raw_name + packed.data
        central += (b"PK\x01\x02" + struct.pack("<H", 20) + common
                    + struct.pack("<HHHHHII", len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name)
    entries = min(len(members), 0xFFFF)   # readers count the central directory, not this field
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(central), len(out), 0)
    return bytes(out + central + end)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')


def document_xml(body: str, doctype: str = "") -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(document: bytes | Deflated, content_types: str = CONTENT_TYPES,
         declared_sizes: dict[str, int] | None = None) -> bytes:
    """The smallest package python-docx opens: content types, the package relationships, the document."""
    return zip_file({"[Content_Types].xml": content_types.encode(), "_rels/.rels": PACKAGE_RELS.encode(),
                     "word/document.xml": document}, declared_sizes)


def gif_frames(width: int, height: int, frames: int) -> bytes:
    """A GIF whose logical screen is ``width``×``height`` and whose ``frames`` frames are one pixel each: a
    decoder composes every frame onto the whole screen."""
    out = bytearray(b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff")
    out += b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"   # loop forever: an animation, as browsers see it
    for n in range(frames):
        out += b"!\xf9\x04\x04\x01\x00\x00\x00"           # graphic control: keep the frame, 10 ms
        out += b"," + struct.pack("<HHHHB", n % width, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    return bytes(out + b";")


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, bit_depth: int = 1, colour: int = 0, dpi: int | None = None) -> bytes:
    """A blank PNG of the given size, its pixel rows deflated without holding the image."""
    row = b"\x00" + b"\x00" * ((width * bit_depth * (3 if colour == 2 else 1) + 7) // 8)
    packer = zlib.compressobj(9)
    rows = b"".join(packer.compress(row * min(256, height - top)) for top in range(0, height, 256)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)
    physical = png_chunk(b"pHYs", struct.pack(">IIB", round(dpi / 0.0254), round(dpi / 0.0254), 1)) if dpi else b""
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + physical + png_chunk(b"IDAT", rows)
            + png_chunk(b"IEND", b""))


S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XLSX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{S}" xmlns:r="{_OFFICE_RELS}">'
             '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="{_OFFICE_RELS}/worksheet"/></Relationships>')


def sheet_xml(rows: str, before: str = "", after: str = "") -> bytes:
    """A worksheet part: ``before`` the sheet data (a dimension), its rows, ``after`` it (merged ranges)."""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S}">{before}<sheetData>{rows}</sheetData>'
            f'{after}</worksheet>').encode()


def xlsx(sheet: bytes | Deflated, declared_sizes: dict[str, int] | None = None) -> bytes:
    """The smallest workbook openpyxl opens: content types, relationships, the workbook, one sheet."""
    return zip_file({"[Content_Types].xml": XLSX_CONTENT_TYPES.encode(),
                     "_rels/.rels": PACKAGE_RELS.replace("word/document.xml", "xl/workbook.xml").encode(),
                     "xl/workbook.xml": _WORKBOOK.encode(), "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS.encode(),
                     "xl/worksheets/sheet1.xml": sheet}, declared_sizes)


OFD_NS = "http://www.ofdspec.org/2016"


def ofd_page(objects: str, prefix: str = "ofd:") -> str:
    """A page's Content.xml drawing ``objects`` (``prefix`` "": the OFD namespace unprefixed)."""
    p = prefix
    xmlns = f'xmlns:ofd="{OFD_NS}"' if p else f'xmlns="{OFD_NS}"'
    return (f'<?xml version="1.0" encoding="UTF-8"?><{p}Page {xmlns}><{p}Content><{p}Layer ID="1">{objects}'
            f'</{p}Layer></{p}Content></{p}Page>')


def ofd(pages: list[str | bytes | Deflated], parts: dict[str, bytes | Deflated] | None = None,
        listed: int | None = None, document_extra: str = "", location: str = "Pages/Page_{}/Content.xml") -> bytes:
    """An OFD package of these pages' Content.xml: ``listed``, how many pages Document.xml names (the last page
    named again for the rest); ``location``, how it names page n's part; ``document_extra``, more of its
    CommonData."""
    count = len(pages) if listed is None else listed
    entries = "".join(f'<ofd:Page ID="{n + 10}" BaseLoc="{location.format(min(n, len(pages) - 1))}"/>'
                      for n in range(count))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
                f'<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{document_extra}'
                f'</ofd:CommonData><ofd:Pages>{entries}</ofd:Pages></ofd:Document>')
    members: dict[str, bytes | Deflated] = {
        "OFD.xml": (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" DocType="OFD"><ofd:DocBody>'
                    '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>').encode(),
        "Doc_0/Document.xml": document.encode()}
    for n, page in enumerate(pages):
        members[f"Doc_0/Pages/Page_{n}/Content.xml"] = page.encode() if isinstance(page, str) else page
    members.update(parts or {})
    return zip_file(members)


# Compound files (OLE2, the container of DOC, WPS, XLS and ET) of version 4: 4096-byte sectors, so that a
# directory of 100,000 entries needs no DIFAT sectors.
_SECTOR = 4096
_FREE, _END, _FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def ole_entry(name: str, kind: int, start: int = _END, size: int = 0, right: int = _FREE, child: int = _FREE) -> bytes:
    """A directory entry: ``kind`` 5 the root, 2 a stream; ``right`` its right sibling, ``child`` a storage's first."""
    raw = name.encode("utf-16-le") + b"\0\0"
    return (raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), kind, 1, _FREE, right, child) + bytes(36)
            + struct.pack("<IQ", start, size))


def ole(entries: list[bytes], streams: list[bytes], fat: dict[int, int] | None = None,
        mini_fat: int | None = None) -> bytes:
    """A compound file of these directory entries and streams (the streams chained from sector 0 on, in order);
    ``fat`` overwrites entries of the allocation table (a chain made to loop); ``mini_fat``, which of the streams
    is the mini stream's allocation table (the root entry's stream then holds the streams under 4096 bytes, in
    64-byte sectors)."""
    sectors: list[bytes] = []
    table: list[int] = []
    for data in [*streams, b"".join(entries)]:
        count = max(1, -(-len(data) // _SECTOR))
        for i in range(count):
            sectors.append(data[i * _SECTOR:(i + 1) * _SECTOR].ljust(_SECTOR, b"\0"))
            table.append(len(sectors) if i < count - 1 else _END)
    directory = len(sectors) - max(1, -(-len(b"".join(entries)) // _SECTOR))
    starts = [sum(max(1, -(-len(data) // _SECTOR)) for data in streams[:n]) for n in range(len(streams))]
    mini_start, mini_count = (starts[mini_fat], 1) if mini_fat is not None else (_END, 0)
    fat_count = -(-(len(table) + 8) // (_SECTOR // 4))
    fat_start = len(sectors)
    table += [_FAT_SECTOR] * fat_count
    for index, value in (fat or {}).items():
        table[index] = value
    packed = b"".join(struct.pack("<I", v) for v in table).ljust(fat_count * _SECTOR, b"\xff")
    sectors += [packed[i * _SECTOR:(i + 1) * _SECTOR] for i in range(fat_count)]
    difat = [fat_start + i for i in range(fat_count)] + [_FREE] * (109 - fat_count)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<5H", 0x3E, 4, 0xFFFE, 12, 6) + bytes(6)
              + struct.pack("<9I", 0, fat_count, directory, 0, 4096, mini_start, mini_count, _END, 0)
              + struct.pack("<109I", *difat))
    return header.ljust(_SECTOR, b"\0") + b"".join(sectors)


def xls_from_csv(csv: bytes) -> bytes:
    """An Excel 97 workbook (BIFF8, the binary format .xls and WPS's .et share) of these CSV records, written
    by LibreOffice."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    assert binary, "LibreOffice (soffice) is needed to write an XLS"
    with tempfile.TemporaryDirectory(prefix="hostile-xls-") as tmp:
        folder = Path(tmp)
        (folder / "sheet.csv").write_bytes(csv)
        subprocess.run([binary, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "xls:MS Excel 97", "--outdir", str(folder), str(folder / "sheet.csv")],
                       capture_output=True, timeout=300, check=True)
        return (folder / "sheet.xls").read_bytes()

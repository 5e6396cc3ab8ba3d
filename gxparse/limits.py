"""Every resource limit of gxparse, in one place, and the bounded read of an input file.

A document over a limit is refused with a ``DocumentError`` naming what was too large and where, never read
at the cost of the machine: one hostile file must not take down a crawl of hundreds of sites. Each limit
leaves wide headroom over real reports (≤ 200 pages, A3 at most, scans ≤ 600 dpi, DOCX ≤ 50 MB unzipped)
and keeps the parse of any single input within about 1 GB of memory (``benchmarks.hostile`` measures it).
"""

from __future__ import annotations

import errno
import io
import itertools
import logging
import os
import re
import select
import stat
import time
import zipfile
from pathlib import Path

from gxparse.errors import DocumentError, LimitExceeded

MB = 1 << 20

# Wall seconds the whole parse of one document takes at most (gxparse.deadline), its layout's reserve included.
MAX_PARSE_SECONDS = 60
# Wall seconds of it kept for laying out the pages read, solving their tables' order and reading their rows (a
# scan whose OCR ran out of time is laid out still): past them the document is refused.
MAX_LAYOUT_OVERRUN_SECONDS = 10
# Wall seconds the reading of one document takes at most, LibreOffice's conversions, rendering and OCR together:
# a scan whose OCR runs out of it is read with the pages read by then, the rest named unread.
MAX_DOCUMENT_SECONDS = MAX_PARSE_SECONDS - MAX_LAYOUT_OVERRUN_SECONDS

# Input size. A 200-page report scanned at 300 dpi is about 100 MB; nothing larger is a report.
MAX_INPUT_BYTES = 200 * MB
# Seconds to read an input that is not a regular file (a pipe, a device): a named pipe nobody writes to, or a
# writer that stops, held `gxparse parse A B C` for ever, and every file after it unread.
MAX_READ_SECONDS = 20
# Text and HTML are held several times over while read (str, normalised copy, tree, lines): a real report
# page is under 1 MB, a Word-exported page with its styles under 5 MB.
MAX_TEXT_BYTES = 8 * MB
# Lines of one document: 200 pages × 50 lines is 10,000. A line costs about 1 KB once read.
MAX_LINES = 100_000
# Lines of a text that hold figures: a report's tables print a few hundred (table 三 about 25 rows, each a line, or
# seven lines of one figure each where OCR wrote a box a line). Each costs about 160 µs to read (its cells split,
# looked at for OCR's misreadings, then through the row grammar): 95,000 of them took 15 CPU s, 64 s under load.
MAX_FIGURE_LINES = 20_000
# Words (apart by spaces or tabs) of one text line: a table row has under 20, a page a tool wrote on one line a
# few thousand (825 in the longest of our renderings). Each word costs about 10 µs and 200 bytes once read.
MAX_LINE_WORDS = 20_000

# Pages. Text-layer pages are cheap (about 15 ms each); every page is still loaded and measured.
MAX_PAGES = 1000
# Pages read by OCR (image-only PDF pages and the frames of an image file): each takes 1–5 s on one core,
# so more could never be read within MAX_OCR_SECONDS; refused before the first is rendered. Scans under an OCR
# layer count too (each rendered for its tables' rules): refused at the first past it.
MAX_SCANNED_PAGES = 100
# CPU seconds the OCR of one document may take in all (a scanned report of 20 pages takes 20–40 s): it
# keeps the parse of any input under a minute. A page of noise takes 3–6 s. Out of it, the pages read are kept
# and the others named unread, as when the document's wall time runs out (gxparse.deadline).
MAX_OCR_SECONDS = 50
# Characters on one PDF page (a dense A3 page holds about 20,000) and in a whole PDF: pdfium and the
# layout keep about 200 bytes per character.
MAX_PAGE_CHARS = 100_000
MAX_DOCUMENT_CHARS = 2_000_000
# Pictures on one PDF page, each looked at for its size and resolution (~25 µs): a scan is one or a few, a scan
# cut into strips some hundreds; 8 MB of content fits 220,000 one-pixel inline images (5 s a look at them all)
MAX_PAGE_IMAGES = 10_000

# Flate streams of a PDF, inflated: a page's content, compressed or not (pdfium keeps about 25 bytes per byte of
# it: 8 MB is 200 MB; a dense real page has under 1 MB), and any other stream but images (a whole CJK font is
# 20–30 MB).
MAX_PDF_CONTENT_STREAM = 8 * MB
MAX_PDF_STREAM = 64 * MB
# Content the pages of a PDF draw in all, a stream once for each page drawing it (pdfium parses it anew for each,
# about 50 MB a second: 1,000 pages sharing one 8 MB stream took 145 s). A 200-page report draws under 100 MB.
MAX_PDF_DRAWN_CONTENT = 256 * MB
# All of a PDF's Flate streams but images, inflated (each once, to be measured, at about 1.6 GB a second): a
# 200-page report's fonts and pages are under 300 MB; 3,000 streams of 64 MB fit in a 200 MB file (120 s).
MAX_PDF_INFLATED = 1024 * MB
# Object streams of a PDF, inflated, in all: pdfminer parses an object stream whole (every token of it, whatever
# its /N says) when it reads one object of it or rebuilds a damaged cross-reference table, at about 1.2 s and
# 18 MB a MB (a 13 MB file of one 49 MB object stream: 58 s and 883 MB, then out of memory). They hold only
# dictionaries and arrays, a few KB a page (a tagged 200-page report's structure tree some 3 MB).
MAX_PDF_OBJECT_STREAMS = 16 * MB

# Rendering a page for OCR: at most this many pixels (A2 at 200 dpi, 16 MB in grey), one page at a time.
# A larger page is rendered at a lower resolution, down to MIN_RENDER_DPI (an A0 page); a page that would
# need less is refused: OCR reads nothing below it.
MAX_RENDER_PIXELS = 16_000_000
MIN_RENDER_DPI = 100

# Images (scans, and images inside PDF pages): A3 at 600 dpi is 70 Mpx. Pillow's own limit is set to this
# (gxparse.ocr.scan); every image is measured from its header before a pixel is decoded.
MAX_IMAGE_PIXELS = 75_000_000
# Markers of a JPEG before its image data (gxparse.ocr.jpegmarkers): a real one has about 20, an ICC profile
# at most 255 pieces; Pillow's time grows faster than their count (1,000 Exif segments: 18 s).
MAX_JPEG_SEGMENTS = 500
# Scans of a progressive JPEG: libjpeg passes over every block of the image for each, however small (20,000 scans
# of 64 bytes over 25 Mpx: 28 s, uninterruptible). A real one has 6–10; 100 at 75 Mpx is a few seconds.
MAX_JPEG_SCANS = 100
# A stated resolution outside this range is a mistake of the writer: the resolution is estimated instead.
MIN_STATED_DPI, MAX_STATED_DPI = 30, 2400

# Tables. Browsers cap colspan at 1000 (the HTML standard; Word allows 63 columns): a larger span is read as
# 1000. A table expanded to its grid holds at most this many slots (table 三 has about 300).
MAX_SPAN = 1000
MAX_TABLE_CELLS = 200_000

# DOCX and XLSX (and DOC/WPS/XLS/ET after conversion): the package unzipped, one part, and how much more a part
# may be than its compressed bytes (XML compresses 5–30×; a zip bomb 1000×).
MAX_DOCX_UNZIPPED = 100 * MB
MAX_DOCX_PART = 32 * MB
MAX_ZIP_RATIO = 200
# Parts of one package (a DOCX has 10–100): zipfile holds a record of every entry it lists.
MAX_ZIP_MEMBERS = 10_000
_RATIO_FROM = MB            # parts under this size are not judged by their ratio

# OFD: the XML of its parts parsed in all (a page's content counts once for every page that names it: a hostile
# document may name one large part on every page). A dense real page is under 1 MB.
MAX_OFD_XML = 100 * MB

# Attributes of one HTML element: libxml2's HTML parser compares each new attribute name with every one before it
# (40,000 names in one tag: 12 s; a page's 8 MB could hold 800,000). Word's markup writes a dozen at most.
MAX_ELEMENT_ATTRIBUTES = 1000
# a start tag at least this long is counted (a shorter one cannot hold MAX_ELEMENT_ATTRIBUTES names)
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}" % (2 * MAX_ELEMENT_ATTRIBUTES))
# a name and its value, quoted or not: a quoted value's spaces and equals signs name nothing
_ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?""")

# MHTML: Python's email parser holds about 9 bytes for every byte of the file (its lines, every part's payload
# and the decoded copy): a page saved with its pictures is a few MB, a scanned report saved so under 30 MB.
MAX_MHTML_BYTES = 64 * MB

# A spreadsheet (XLSX, and XLS/ET after conversion): its cells in all, merged slots included (openpyxl keeps an
# object of some 300 bytes for each and reads about 50,000 a second). A report's three tables have about 600;
# a workbook that also lists the year's disclosed documents a few tens of thousands.
MAX_WORKBOOK_CELLS = MAX_TABLE_CELLS

# LibreOffice converting a DOC, WPS, RTF, XLS or ET (a conversion takes 2–5 s of CPU and under 400 MB; its output
# is then read as a DOCX or an XLSX, within the limits above). A 300-page DOC (larger than any report) converts in
# 7 s of CPU and 12 s of wall time on two cores at load 7, its fresh profile included: the CPU and the wall time
# leave 3× and 2.5× that, so that a conversion leaves the parse time to read what it wrote within a minute.
MAX_CONVERT_MEMORY = 1 << 30
MAX_CONVERT_SECONDS = 20
# Wall seconds all the conversions of one document take together (a DOCX may import RTF chunks, each one
# converted): LibreOffice waiting on a hostile file uses no CPU, and 8 tiny chunks took 21 s (100, over 4 minutes).
MAX_CONVERT_WALL_SECONDS = 30
# RTF chunks one DOCX imports (w:altChunk), each one conversion of 2–3 s: a report assembled from its sections
# has six or seven; more are refused before the first is converted.
MAX_CONVERTED_CHUNKS = 10

# Digits in a number: a count or an amount of money has at most 15 (万元 with decimals included). A longer
# run of digits (a document number, an ID, garbage) is not read as a figure.
MAX_DIGITS = 15


def megabytes(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size} 字节"


def check_input_size(size: int) -> None:
    if size > MAX_INPUT_BYTES:
        raise LimitExceeded(f"文件过大：超过 {megabytes(MAX_INPUT_BYTES)}（上限），不是一份年度报告")


def check_text_size(size: int) -> None:
    if size > MAX_TEXT_BYTES:
        raise LimitExceeded(f"文本或网页过大：{megabytes(size)}，上限 {megabytes(MAX_TEXT_BYTES)}")


def check_mhtml_size(size: int) -> None:
    if size > MAX_MHTML_BYTES:
        raise LimitExceeded(f"MHTML 文件过大：{megabytes(size)}，上限 {megabytes(MAX_MHTML_BYTES)}")


def check_element_attributes(markup: str) -> None:
    """Refuses markup with an element of more than MAX_ELEMENT_ATTRIBUTES attributes before libxml2 parses it."""
    for tag in _LONG_TAG.finditer(markup):
        count = sum(1 for _ in itertools.islice(_ATTRIBUTE.finditer(tag.group(), 1), MAX_ELEMENT_ATTRIBUTES + 1))
        if count > MAX_ELEMENT_ATTRIBUTES:
            raise LimitExceeded(f"网页中一个元素的属性过多：超过 {MAX_ELEMENT_ATTRIBUTES} 个（上限）")


def check_lines(count: int, where: str, counted: bool = False) -> None:
    """Refuses ``where`` (the lines of what: 文件的文本, 网页, 工作表“表1”…) past MAX_LINES lines: ``count`` the lines
    read so far, or all of them when ``counted``."""
    if count > MAX_LINES:
        seen = f"有 {count} 行" if counted else f"读到第 {count} 行时"
        raise LimitExceeded(f"行数过多：{where}{seen}已超过可读的上限 {MAX_LINES} 行，未读取。年度报告不过几千行"
                            "（200 页 × 50 行才 1 万行）：请核对文件是否为年度报告、是否被转换工具写坏")


def check_line_words(line: str, where: str) -> None:
    """Refuses a text ``line`` (``where``: 第N行) of more than MAX_LINE_WORDS words, before any is read."""
    if len(line) > MAX_LINE_WORDS and (count := len(line.split())) > MAX_LINE_WORDS:
        raise LimitExceeded(f"行过长：{where}有 {count} 个以空白分开的词，超过可读的上限 {MAX_LINE_WORDS} 个，未读取。"
                            "年度报告的一行不过几百个词（整页连成一行也不过几千个）：请核对文件是否为年度报告、"
                            "是否被转换工具写坏")


def check_converted_chunks(count: int) -> None:
    if count > MAX_CONVERTED_CHUNKS:
        raise LimitExceeded(f"导入的 RTF 文档过多：Word 文件导入了 {count} 个 RTF 文档（w:altChunk），每个都须由 "
                            f"LibreOffice 转换，上限 {MAX_CONVERTED_CHUNKS} 个")


def check_figure_lines(count: int, where: str) -> None:
    """Refuses a text at its line ``where``, the first past MAX_FIGURE_LINES lines holding figures."""
    if count > MAX_FIGURE_LINES:
        raise LimitExceeded(f"含数字的行过多：文本读到{where}时已有 {count} 行含数字，超过上限 {MAX_FIGURE_LINES} 行"
                            "（年度报告的表格不过数百行）：请核对文件是否为年度报告")


def check_pages(count: int) -> None:
    if count > MAX_PAGES:
        raise LimitExceeded(f"页数过多：{count} 页，上限 {MAX_PAGES} 页")


def check_scanned_pages(count: int) -> None:
    if count > MAX_SCANNED_PAGES:
        raise LimitExceeded(f"需要识别的页面过多：{count} 页，OCR 上限 {MAX_SCANNED_PAGES} 页")


def check_layered_scans(count: int) -> None:
    """Scans under an OCR layer are read from their layer, but each page's tables are found in its rendered
    picture and its words placed in their cells: about as dear per page as the layout of a scan read by OCR."""
    if count > MAX_SCANNED_PAGES:
        raise LimitExceeded(f"扫描页过多：超过 {MAX_SCANNED_PAGES} 页是带文字层的扫描件（上限 {MAX_SCANNED_PAGES} 页）")


def check_frames(count: int) -> None:
    """Every frame of an image file is a page to read by OCR."""
    if count > MAX_SCANNED_PAGES:
        raise LimitExceeded(f"帧数过多：图片有 {count} 帧（页），OCR 上限 {MAX_SCANNED_PAGES} 页")


def check_page_chars(count: int, page: int) -> None:
    if count > MAX_PAGE_CHARS:
        raise LimitExceeded(f"字符过多：第{page}页有 {count} 个字符，上限 {MAX_PAGE_CHARS} 个")


def check_page_images(count: int, page: int) -> None:
    if count > MAX_PAGE_IMAGES:
        raise LimitExceeded(f"图片过多：第{page}页有超过 {MAX_PAGE_IMAGES} 张图片（上限）")


def check_drawn_content(size: int) -> None:
    if size > MAX_PDF_DRAWN_CONTENT:
        raise LimitExceeded(f"PDF 各页绘制的页面内容合计过大：超过 {megabytes(MAX_PDF_DRAWN_CONTENT)}（上限；"
                            "多个页面引用同一内容流时逐页累计），未读取")


def check_document_chars(count: int) -> None:
    if count > MAX_DOCUMENT_CHARS:
        raise LimitExceeded(f"字符过多：全文超过 {MAX_DOCUMENT_CHARS} 个字符（上限）")


def check_image(width: int, height: int, where: str) -> None:
    if width * height > MAX_IMAGE_PIXELS:
        raise LimitExceeded(f"图像过大：{where}的图像 {width}×{height} 像素（{width * height / 1e6:.0f} 百万像素），"
                            f"上限 {MAX_IMAGE_PIXELS / 1e6:.0f} 百万像素")


def image_bomb(where: str = "") -> LimitExceeded:
    """Pillow's refusal to open an image over twice its MAX_IMAGE_PIXELS (``gxparse.ocr.scan`` sets it to this
    limit): its size is not known, only that it is over."""
    return LimitExceeded(f"图像过大：{where + '的' if where else ''}图像超过 {2 * MAX_IMAGE_PIXELS / 1e6:.0f} 百万像素，"
                         f"上限 {MAX_IMAGE_PIXELS / 1e6:.0f} 百万像素")


def render_dpi(width_in: float, height_in: float, wanted: float, where: str) -> float:
    """The resolution to render a page of this size (inches) at for OCR: ``wanted``, lowered to keep within
    MAX_RENDER_PIXELS; a page too large to render at MIN_RENDER_DPI is refused."""
    area = max(width_in * height_in, 1e-6)
    dpi = min(wanted, (MAX_RENDER_PIXELS / area) ** 0.5)
    if dpi < min(MIN_RENDER_DPI, wanted):
        raise LimitExceeded(f"页面过大：{where} {width_in * 72:.0f}×{height_in * 72:.0f} 磅"
                            f"（{width_in * 2.54:.0f}×{height_in * 2.54:.0f} 厘米），超过 OCR 可识别的页面上限（约 A0）")
    return dpi


def table_too_large(rows: int, columns: int, slots: int) -> bool:
    return max(rows * columns, slots) > MAX_TABLE_CELLS


def check_table(rows: int, columns: int, slots: int, where: str = "") -> None:
    if table_too_large(rows, columns, slots):
        raise LimitExceeded(f"表格过大：{where or '一个表格'}有 {rows} 行 × {columns} 列（合并的单元格按所占的格数计），"
                            f"共 {max(rows * columns, slots)} 个单元格，超过可读的上限 {MAX_TABLE_CELLS} 个，未读取。"
                            "年度报告的表格不过几十行、十几列：请核对文件是否为年度报告，该表格是否被转换工具写坏")


def check_zip_member(name: str, size: int, packed: int, kind: str) -> None:
    if size > MAX_DOCX_PART:
        raise LimitExceeded(f"{kind} 解压后过大：{name} 解压后 {megabytes(size)}，上限 {megabytes(MAX_DOCX_PART)}")
    if size > _RATIO_FROM and size > MAX_ZIP_RATIO * max(packed, 1):
        raise LimitExceeded(f"{kind} 解压后过大：{name} 压缩比 {size // max(packed, 1)}:1 异常（压缩炸弹），"
                            f"上限 {MAX_ZIP_RATIO}:1")


def check_zip_members(count: int, kind: str) -> None:
    if count > MAX_ZIP_MEMBERS:
        raise LimitExceeded(f"{kind} 部件过多：{count} 个，上限 {MAX_ZIP_MEMBERS} 个")


def check_distinct_names(names: list[str], kind: str) -> None:
    """A package naming one part twice is refused: zipfile reads the last copy, Word the first or neither, so
    what gxparse read could differ from what a person reading the file sees (a silent wrong figure)."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise LimitExceeded(f"{kind} 文件已损坏：部件 {name} 出现不止一次，无法确定哪一份是文档的内容，未读取")
        seen.add(name)


def check_unzipped(total: int, kind: str) -> None:
    if total > MAX_DOCX_UNZIPPED:
        raise LimitExceeded(f"{kind} 解压后过大：超过 {megabytes(MAX_DOCX_UNZIPPED)}（上限）")


def check_package(data: bytes, kind: str) -> None:
    """Refuses a zip bomb (an Office Open XML package: DOCX, XLSX) before its library reads it: python-docx and
    openpyxl inflate each part whole, so every part is measured first, by its headers and then by inflating it
    in bounded steps (headers can lie; zipfile stops at the declared size and checks the CRC there).
    ``kind`` names the format in the messages."""
    check_zip_members(data.count(b"PK\x01\x02"), kind)   # central directory entries, before zipfile lists them
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = package.infolist()
        check_distinct_names([info.filename for info in members], kind)
        for info in members:
            check_zip_member(info.filename, info.file_size, info.compress_size, kind)
        check_unzipped(sum(info.file_size for info in members), kind)
        for info in members:
            with package.open(info) as part:
                while part.read(MB):
                    pass


def check_ofd_xml(total: int) -> None:
    if total > MAX_OFD_XML:
        raise LimitExceeded(f"OFD 内容过大：解析的页面内容累计超过 {megabytes(MAX_OFD_XML)}（上限）")


def check_sheet_cells(count: int, where: str) -> None:
    """The cells of a workbook counted so far, up to its part ``where``."""
    if count > MAX_WORKBOOK_CELLS:
        raise LimitExceeded(f"电子表格过大：到 {where} 为止已有 {count} 个单元格（含合并单元格），"
                            f"上限 {MAX_WORKBOOK_CELLS} 个")


def check_sheet_range(rows: int, columns: int, where: str) -> None:
    """The range a sheet's cells stand in (a cell far from the others makes it as large as the sheet)."""
    if rows * columns > MAX_TABLE_CELLS:
        raise LimitExceeded(f"工作表过大：{where}的单元格分布在 {rows} 行 × {columns} 列（{rows * columns} 个单元格）"
                            f"的范围内，上限 {MAX_TABLE_CELLS} 个")


_log = logging.getLogger(__name__)
_OS_ERRORS = {errno.ENOENT: "文件不存在", errno.EACCES: "没有读取权限", errno.EISDIR: "这是一个文件夹"}


def read_input(path: str | Path) -> bytes:
    """The bytes of a file, read no further than MAX_INPUT_BYTES: a device or a growing file (/dev/zero)
    is refused, not read to the end; a pipe or device not read within MAX_READ_SECONDS is refused too."""
    source = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)   # opening a named pipe waits for a writer
        with open(descriptor, "rb") as file:
            if stat.S_ISREG(os.fstat(descriptor).st_mode):
                data = file.read(MAX_INPUT_BYTES + 1)
            else:
                data = _read_stream(descriptor, source)
    except OSError as exc:
        said = _OS_ERRORS.get(exc.errno or 0, f"操作系统拒绝读取（错误号 {exc.errno}）")
        _log.info("reading %r: %s", source, exc)
        raise DocumentError(source, f"无法读取文件：{said}") from exc
    except ValueError as exc:   # the one the os module raises for a path: a NUL in it (a name taken from a URL)
        raise DocumentError(source.replace("\0", "\\0"), "无法读取文件：文件名含有空字符（NUL）") from exc
    try:
        check_input_size(len(data))
    except LimitExceeded as exc:
        raise DocumentError(source, exc.reason) from None
    return data


def _read_stream(descriptor: int, source: str) -> bytes:
    """A pipe's or a device's bytes to its end or just past MAX_INPUT_BYTES, within MAX_READ_SECONDS."""
    deadline = time.monotonic() + MAX_READ_SECONDS
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_INPUT_BYTES:
        if not select.select([descriptor], [], [], max(deadline - time.monotonic(), 0))[0]:
            raise DocumentError(source, f"读取超时：{MAX_READ_SECONDS} 秒内未能读完（管道或设备不再送来数据）")
        chunk = os.read(descriptor, MB)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)

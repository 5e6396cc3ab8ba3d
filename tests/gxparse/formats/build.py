"""Every fixture file of the format tests, built from the seed reports on first use into one folder.

DOCX by python-docx; PDF and DOC printed from that DOCX by LibreOffice (one soffice run per batch of
files); a WPS-like file (see ``stamped_by_wps``); XLSX by openpyxl (``make_xlsx``), XLS saved from it by
LibreOffice, and an ET-like file of that XLS; PDF written by reportlab with the quirks of ``make_pdf``;
scans: each table rendered alone at 150 dpi to PNG or JPEG, and an image-only PDF of those images.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
from dataclasses import replace
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

import numpy as np
import olefile
import pdfplumber
import pypdfium2 as pdfium
from PIL import Image

from gxparse.template import SECTION_BY_KEY
from simsite.render import render_report_html
from tests.gxparse.formats.make_docx import Look, write_docx
from tests.gxparse.formats.make_pdf import Quirks, write_pdf, write_table_pdf, write_text_pdf
from tests.gxparse.formats.make_xlsx import write_report_sheet, write_table_sheets
from tests.gxparse.formats.outline import outline_pdf
from tests.gxparse.formats.plan import ReportPlan, report_plan
from tests.gxparse.fragments import layout_page
from tests.gxparse.seeds import SEEDS, expected, report_dict, seed_bytes, seed_prose

SCAN_DPI = 150
# How each seed's reportlab PDF is printed: every seed splits table 三 over two pages, two repeat its header.
PDF_QUIRKS = {
    "huangchuan_2021": Quirks(split_at=14, repeat_header=True, missing_cell="（一）予以公开"),
    "kaifeng_2021": Quirks(split_at=10, repeat_header=False),
    "zhoukou_city_2021": Quirks(split_at=18, repeat_header=True, blank_zeros_in="科研机构"),
    "zhoukou_xinfang_2021": Quirks(split_at=8, repeat_header=False),
    "zhoukou_office_2021": Quirks(),
}
# The same PDFs with the tables printed without rules, each with zeros printed blank in one column of table 三
# (a different one per seed, the first and the last included) so that a cell's position decides its column.
# No cell is left out: without rules that is only a blank cell.
BORDERLESS_BLANKS = {
    "huangchuan_2021": "其他",
    "kaifeng_2021": "自然人",
    "zhoukou_city_2021": "法律服务机构",
    "zhoukou_xinfang_2021": "总计",
    "zhoukou_office_2021": "商业企业",
}
_PID_AUTHOR, _PID_APPNAME, _VT_LPSTR = 0x04, 0x12, 0x1E   # OLE SummaryInformation property ids, string type
_ZERO_CELL = re.compile(r"(?<=>)0(?=</td>)")
JPEG_SEEDS = ("kaifeng_2021", "zhoukou_xinfang_2021")   # scanned as JPEG; the others as PNG


def _soffice_convert(files: list[Path], target: str, out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (scripts/system-packages.txt: libreoffice-writer-nogui)"
    profile = out / ".lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=300)


def _soffice_convert_missing(targets: dict[Path, Path], target: str, out: Path) -> None:
    """Each source converted to its path in ``targets`` unless that file is there already (built earlier in
    the session by this process or another)."""
    missing = [source for source, path in targets.items() if not path.exists()]
    if missing:
        _soffice_convert(missing, target, out)


def chromium_print(page: Path, pdf: Path, header_footer: bool = False) -> Path:
    """``page`` printed to ``pdf`` by headless Chromium, without the browser's header and footer unless
    ``header_footer`` (the date and the page's title over each page, its address and page x/y under it)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Chromium is needed (scripts/system-packages.txt: chromium)"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    *(() if header_footer else ("--no-pdf-header-footer",)),
                    f"--user-data-dir={pdf.parent / '.chromium-profile'}", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf


def chromium_screenshot(page: Path, png: Path, width: int = 620, scale: int = 2) -> Path:
    """The whole of ``page`` as one image ``width`` × ``scale`` pixels wide, cut below its last ink."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Chromium is needed (scripts/system-packages.txt: chromium)"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--force-device-scale-factor={scale}", f"--window-size={width},12000",
                    f"--user-data-dir={png.parent / '.chromium-profile'}", f"--screenshot={png}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    with Image.open(png) as shot:
        gray = np.asarray(shot.convert("L"))
    last = int(np.nonzero((gray < 128).any(axis=1))[0].max())
    Image.fromarray(gray[:last + 40]).save(png)
    return png


_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
PICTURED_PAGE_URL = "http://www.example.gov.cn/art/2022/1/20/art_1_1.html"


def mhtml_bundle(url: str, html: str, pictures: dict[str, bytes]) -> bytes:
    """``html`` at ``url`` and its pictures (by ``src``, relative to ``url``) as MHTML, as Chromium saves it."""
    bundle = MIMEMultipart("related", type="text/html")
    bundle["From"] = "<Saved by Blink>"
    bundle["Snapshot-Content-Location"] = url
    page = MIMEText(html, "html", "utf-8")
    page["Content-Location"] = url
    bundle.attach(page)
    for src, data in pictures.items():
        picture = MIMEImage(data, "png")
        picture["Content-Location"] = urljoin(url, src)
        bundle.attach(picture)
    return bundle.as_bytes()


def stamped_by_wps(doc: bytes) -> bytes:
    """The DOC (or XLS) with its SummaryInformation naming WPS Office as the application that wrote it.

    A real WPS Office file cannot be made here (WPS Office is not packaged for Debian); what marks a file
    as WPS to a reader of the bytes is that property. LibreOffice writes none, so the file's author property
    (a string of the same type) is rewritten in place as the application name, NUL-padded to its length:
    olefile can only rewrite a stream at its own size.
    """
    ole = olefile.OleFileIO(doc)
    stream = bytearray(ole.openstream("\x05SummaryInformation").read())
    ole.close()
    section = struct.unpack_from("<I", stream, 44)[0]
    count = struct.unpack_from("<I", stream, section + 4)[0]
    entries = {struct.unpack_from("<I", stream, section + 8 + 8 * i)[0]: i for i in range(count)}
    index = entries.get(_PID_APPNAME, entries.get(_PID_AUTHOR))
    assert index is not None, "the DOC has neither an application name nor an author to rewrite"
    entry = section + 8 + 8 * index
    offset = struct.unpack_from("<I", stream, entry + 4)[0]
    kind, length = struct.unpack_from("<II", stream, section + offset)
    name = b"WPS Office"
    assert kind == _VT_LPSTR and length > len(name), "the property cannot hold the application name"
    struct.pack_into("<I", stream, entry, _PID_APPNAME)
    start = section + offset + 8
    stream[start:start + length] = name + b"\x00" * (length - len(name))
    data = io.BytesIO(doc)
    writer = olefile.OleFileIO(data, write_mode=True)
    writer.write_stream("\x05SummaryInformation", bytes(stream))
    writer.close()
    return data.getvalue()


def render_pages(pdf_path: Path, dpi: int = SCAN_DPI) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(pdf_path))
    images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    pdf.close()
    return images


class Fixtures:
    """Builds each fixture once, on first request, into ``folder``."""

    def __init__(self, folder: Path, seeds: list[str] = SEEDS) -> None:
        self.folder = folder
        self.seeds = seeds

    def plan(self, name: str) -> ReportPlan:
        return report_plan(name)

    @cached_property
    def _docx_files(self) -> dict[str, Path]:
        paths = {name: self.folder / f"{name}.docx" for name in self.seeds}
        for name, path in paths.items():
            if not path.exists():
                write_docx(self.plan(name), path)
        return paths

    def docx(self, name: str) -> Path:
        return self._docx_files[name]

    def _converted(self, target: str, suffix: str) -> dict[str, Path]:
        out = self.folder / suffix
        out.mkdir(exist_ok=True)
        paths = {name: out / f"{name}.{suffix}" for name in self.seeds}
        _soffice_convert_missing({self._docx_files[name]: path for name, path in paths.items()}, target, out)
        return paths

    @cached_property
    def _lo_pdf_files(self) -> dict[str, Path]:
        return self._converted("pdf", "pdf")

    def libreoffice_pdf(self, name: str) -> Path:
        return self._lo_pdf_files[name]

    @cached_property
    def _doc_files(self) -> dict[str, Path]:
        return self._converted("doc:MS Word 97", "doc")

    def doc(self, name: str) -> Path:
        return self._doc_files[name]

    def wps(self, name: str) -> Path:
        path = self.folder / f"{name}.wps"
        if not path.exists():
            path.write_bytes(stamped_by_wps(self.doc(name).read_bytes()))
        return path

    def xlsx(self, name: str) -> Path:
        """The whole report on one sheet of a workbook, its tables merged as the official layout is."""
        path = self.folder / f"{name}.xlsx"
        return path if path.exists() else write_report_sheet(self.plan(name), path)

    def xlsx_tables(self, name: str) -> Path:
        """The report's three tables on three sheets (表二, 表三, 表四), each under the report's title."""
        path = self.folder / f"{name}.tables.xlsx"
        return path if path.exists() else write_table_sheets(self.plan(name), report_dict(name)["title"], path)

    @cached_property
    def _xls_files(self) -> dict[str, Path]:
        """The whole-report workbooks saved as XLS (Excel 97) by LibreOffice."""
        out = self.folder / "xls"
        out.mkdir(exist_ok=True)
        paths = {name: out / f"{name}.xls" for name in self.seeds}
        _soffice_convert_missing({self.xlsx(name): path for name, path in paths.items()}, "xls:MS Excel 97", out)
        return paths

    def xls(self, name: str) -> Path:
        return self._xls_files[name]

    def et(self, name: str) -> Path:
        """The XLS stamped as WPS 表格 writes its .et files."""
        path = self.folder / f"{name}.et"
        if not path.exists():
            path.write_bytes(stamped_by_wps(self.xls(name).read_bytes()))
        return path

    @cached_property
    def _web_page_files(self) -> dict[str, Path]:
        """The seeds as web pages: the official layout alone, and the whole page laid out in a table."""
        out = self.folder / "web"
        out.mkdir(exist_ok=True)
        pages = {}
        for name in self.seeds:
            prose = seed_prose(name)
            pages[f"{name}.page"] = render_report_html(report_dict(name, **prose))
            pages[f"{name}.layout"] = layout_page(name, **prose)
        for stem, page in pages.items():
            if not (path := out / f"{stem}.html").exists():
                path.write_text(page, encoding="utf-8")
        return {stem: out / f"{stem}.html" for stem in pages}

    def web_page(self, name: str, shape: str) -> Path:
        """Seed ``name`` as a web page of ``shape`` (page | layout)."""
        return self._web_page_files[f"{name}.{shape}"]

    @cached_property
    def _web_docx_files(self) -> dict[str, Path]:
        """The web pages saved as Word by LibreOffice (how a page becomes a DOCX attachment)."""
        out = self.folder / "webdocx"
        out.mkdir(exist_ok=True)
        paths = {stem: out / f"{stem}.docx" for stem in self._web_page_files}
        _soffice_convert_missing({self._web_page_files[stem]: path for stem, path in paths.items()},
                                 "docx:MS Word 2007 XML", out)
        return paths

    def web_docx(self, name: str, shape: str) -> Path:
        return self._web_docx_files[f"{name}.{shape}"]

    def chromium_pdf(self, name: str, shape: str = "page") -> Path:
        """The web page printed to PDF by headless Chromium (a browser's 'Save as PDF')."""
        path = self.folder / "web" / f"{name}.{shape}.pdf"
        if not path.exists():
            chromium_print(self.web_page(name, shape), path)
        return path

    def chromium_blank_pdf(self, name: str) -> Path:
        """The web page with every zero of its tables printed as an empty cell and the tables in large type (table
        三 runs over several pages), printed by headless Chromium."""
        path = self.folder / "web" / f"{name}.blank.pdf"
        if not path.exists():
            html = _ZERO_CELL.sub("", self.web_page(name, "page").read_text(encoding="utf-8"))
            page = path.with_suffix(".html")
            page.write_text(html.replace("</head>", "<style>td{font-size:28px;padding:8px}</style></head>"),
                            encoding="utf-8")
            chromium_print(page, path)
        return path

    def pictured_page(self, name: str) -> tuple[str, dict[str, bytes]]:
        """The web page with each of its tables pasted as a screenshot of it (how editors put Word tables into a
        CMS): the page's HTML and its pictures by their ``src``."""
        html = self.web_page(name, "page").read_text(encoding="utf-8")
        head = html.split("<body", 1)[0]
        pictures: dict[str, bytes] = {}

        def pasted(table: re.Match[str]) -> str:
            n = len(pictures) + 1
            page = self.folder / "web" / f"{name}.table{n}.html"
            if not (png := page.with_suffix(".png")).exists():
                page.write_text(f"{head}<body>{table[0]}</body></html>", encoding="utf-8")
                chromium_screenshot(page, png, width=760)
            pictures[f"images/{name}-table{n}.png"] = png.read_bytes()
            return f'<p style="text-align:center"><img src="images/{name}-table{n}.png" width="600" alt=""></p>'

        return _TABLE.sub(pasted, html), pictures

    def pictured_mhtml(self, name: str) -> Path:
        """The page with its tables as pictures saved with them as MHTML (a browser's "Save as MHTML", or the
        crawler's bundle of a report page and its pictures)."""
        path = self.folder / "web" / f"{name}.pictured.mhtml"
        if not path.exists():
            html, pictures = self.pictured_page(name)
            path.write_bytes(mhtml_bundle(PICTURED_PAGE_URL, html, pictures))
        return path

    def long_screenshot(self, name: str) -> Path:
        """The whole web page as one tall image (a phone's or a browser's long screenshot), 1240 px wide."""
        path = self.folder / "web" / f"{name}.long.png"
        if not path.exists():
            chromium_screenshot(self.web_page(name, "page"), path)
        return path

    def reportlab_pdf(self, name: str) -> Path:
        path = self.folder / f"{name}.reportlab.pdf"
        if not path.exists():
            write_pdf(self.plan(name), path, PDF_QUIRKS[name])
        return path

    def borderless_pdf(self, name: str) -> Path:
        """The reportlab PDF with no ruling lines at all, zeros printed blank in one column of table 三."""
        path = self.folder / f"{name}.borderless.pdf"
        if not path.exists():
            quirks = replace(PDF_QUIRKS[name], rules=False, missing_cell=None, blank_zeros_in=BORDERLESS_BLANKS[name])
            write_pdf(self.plan(name), path, quirks)
        return path

    def text_view_pdf(self, name: str) -> Path:
        """The seed's text printed as it stands: its tables are lines of figures separated by single spaces."""
        path = self.folder / f"{name}.textview.pdf"
        if not path.exists():
            write_text_pdf(seed_bytes(name).decode("utf-8"), path)
        return path

    def table_images(self, name: str) -> list[Path]:
        """Each table of the report alone under its section heading, scanned at 150 dpi."""
        paths = []
        for key, table in self.plan(name).tables().items():
            section = SECTION_BY_KEY[key]
            kind = "jpg" if name in JPEG_SEEDS else "png"
            path = self.folder / f"{name}.{key}.{kind}"
            if not path.exists():
                pdf = write_table_pdf(table, f"{section.numeral}、{section.title}", self.folder / f"{name}.{key}.pdf")
                image = _trim(render_pages(pdf)[0])
                image.save(path, dpi=(SCAN_DPI, SCAN_DPI), **({"quality": 90} if kind == "jpg" else {}))
            paths.append(path)
        return paths

    def pictured_docx(self, name: str) -> Path:
        """The DOCX with its tables pasted as pictures (the table scans, heading included)."""
        path = self.folder / f"{name}.pictured.docx"
        if not path.exists():
            pictures = {p.name.split(".")[1]: p for p in self.table_images(name)}
            write_docx(self.plan(name), path, pictures=pictures)
        return path

    def pictured_pdf(self, name: str) -> Path:
        """That DOCX printed to PDF by LibreOffice: prose in the text layer, tables as images."""
        path = self.folder / f"{name}.pictured.pdf"
        if not path.exists():
            _soffice_convert([self.pictured_docx(name)], "pdf", self.folder)
        return path

    def scanned_pdf(self, name: str) -> Path:
        """An image-only PDF of the table scans, one page each, as a scanner writes it."""
        path = self.folder / f"{name}.scan.pdf"
        if not path.exists():
            images = [Image.open(p).convert("L") for p in self.table_images(name)]
            images[0].save(path, save_all=True, append_images=images[1:], resolution=SCAN_DPI)
        return path

    def outlined_pdf(self, name: str) -> Path:
        """The LibreOffice print with its text turned into outlines: no text layer, no image."""
        path = self.folder / f"{name}.outlined.pdf"
        return path if path.exists() else outline_pdf(self.libreoffice_pdf(name), path)

    def askew_scan(self, name: str, angle: float, dpi: int) -> bytes:
        """Table 三 as an office scanner delivers it: fed askew by ``angle`` degrees, at ``dpi``, with sensor
        noise, saved as a JPEG of middling quality."""
        self.table_images(name)   # writes the table's own PDF beside its scan
        page = render_pages(self.folder / f"{name}.s3.pdf", dpi)[0].convert("L")
        page = page.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
        noise = np.random.default_rng(1).normal(0, 12, (page.height, page.width))
        noisy = np.clip(np.asarray(page, dtype=np.float32) + noise, 0, 255).astype(np.uint8)
        buffer = io.BytesIO()
        Image.fromarray(noisy).save(buffer, format="JPEG", quality=75, dpi=(dpi, dpi))
        return buffer.getvalue()

    def look_pdf(self, name: str, look: str) -> Path:
        """The report written in one of ``looks`` and printed by LibreOffice."""
        out = self.folder / "looks"
        out.mkdir(exist_ok=True)
        pdf = out / f"{name}.{look}.pdf"
        if not pdf.exists():
            _soffice_convert([write_docx(self.plan(name), pdf.with_suffix(".docx"), looks(name)[look])], "pdf", out)
        return pdf

    def scanned_look(self, name: str, look: str, dpi: int = SCAN_DPI) -> Path:
        """The report written in one of ``looks``, printed by LibreOffice and scanned at ``dpi``."""
        pdf = self.look_pdf(name, look)
        return scanned_copy(pdf, pdf.with_name(f"{name}.{look}.{dpi}.scan.pdf"), dpi)

    def scanned_report(self, name: str) -> Path:
        """The whole report printed by LibreOffice and scanned at 150 dpi, every page an image, as an agency
        that scans its signed paper copy publishes it."""
        return scanned_copy(self.libreoffice_pdf(name), self.folder / f"{name}.fullscan.pdf")


def looks(name: str) -> dict[str, Look]:
    """How agencies' Word/WPS reports look when printed and scanned: 宋体-like prose at 三号 with the title in
    二号 on two lines and a signature (wps); the same with a light grey grid (grey); with the tables in
    小四 so that table 三 runs over pages and rules of a quarter point (long)."""
    exp = expected(name)
    signature = (exp["agency"], f"{exp['year'] + 1}年1月20日") if exp["agency"] else ()
    return {"wps": Look(signature=signature),
            "grey": Look(grid="A6A6A6", signature=signature),
            "long": Look(table_pt=14, grid="808080", grid_eighths=2, signature=signature)}


def scanned_copy(pdf: Path, path: Path, dpi: int = SCAN_DPI) -> Path:
    """Every page of ``pdf`` rendered at ``dpi`` into an image-only PDF: the report printed and scanned."""
    if not path.exists():
        pages = [page.convert("L") for page in render_pages(pdf, dpi)]
        pages[0].save(path, save_all=True, append_images=pages[1:], resolution=dpi)
    return path


def _pypdf_layout(pdf: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text(extraction_mode="layout") or "" for page in pypdf.PdfReader(pdf).pages)


def _pdfplumber_flow(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text(use_text_flow=True) or "" for page in document.pages)


def _word_lines(words: list[tuple[float, float, str]], tolerance: float = 3) -> list[str]:
    """Words (top, x0, text) as lines: a word within ``tolerance`` of the line's first word's top joins it."""
    lines: list[list[tuple[float, float, str]]] = []
    for word in sorted(words):
        if lines and word[0] - lines[-1][0][0] <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [" ".join(text for _, _, text in sorted(line, key=lambda w: w[1])) for line in lines]


def _pdfplumber_words(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return "\n".join("\n".join(_word_lines([(w["top"], w["x0"], w["text"]) for w in page.extract_words()]))
                         for page in document.pages)


def _csv_tables(tables: list[list[list[str | None]]]) -> str:
    """Tables as a "table to CSV" step writes them: Python's ``csv``, a blank line after each table."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for table in tables:
        writer.writerows([["" if cell is None else cell for cell in row] for row in table])
        out.write("\n")
    return out.getvalue()


def _pdfplumber_tables(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return _csv_tables([table for page in document.pages for table in page.extract_tables()])


def _pymupdf_tables(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(pdf) as document:
        return _csv_tables([table.extract() for page in document for table in page.find_tables().tables])


def _pdfminer(pdf: Path, **laparams: bool) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    return extract_text(str(pdf), laparams=LAParams(**laparams))


def _pymupdf_words(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(pdf) as document:
        pages = []
        for page in document:
            lines: dict[tuple[int, int], list[str]] = {}
            for word in page.get_text("words"):
                lines.setdefault((word[5], word[6]), []).append(word[4])
            pages.append("\n".join(" ".join(words) for words in lines.values()))
        return "\n".join(pages)


def _pymupdf_dict(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(pdf) as document:
        return "\n".join(" ".join(span["text"] for span in line["spans"])
                         for page in document for block in page.get_text("dict")["blocks"]
                         for line in block.get("lines", ()))


_OTHER_TOOLS = {
    "pypdf-layout": _pypdf_layout,
    "pdfplumber-flow": _pdfplumber_flow,
    "pdfplumber-words": _pdfplumber_words,
    "pdfplumber-tables": _pdfplumber_tables,
    "pymupdf-tables": _pymupdf_tables,
    "pdfminer-all": lambda pdf: _pdfminer(pdf, all_texts=True),
    "pdfminer-vertical": lambda pdf: _pdfminer(pdf, detect_vertical=True),
    "pymupdf-words": _pymupdf_words,
    "pymupdf-dict": _pymupdf_dict,
}


def extracted_text(pdf: Path, tool: str) -> str:
    """The PDF's text as other tools hand it on: pdfplumber's ``extract_text`` (pages joined by a newline),
    also with ``layout=True`` (``pdfplumber-layout``: the page's columns kept by spaces, a tall row's figures on
    the line its cells are centred on, often above or below its label's lines);
    poppler's ``pdftotext`` in its ``-layout`` (columns kept by spaces) or ``-raw`` (content-stream order) mode,
    or as it runs by default (``pdftotext``: reading order, one table cell per line); pdfminer.six's
    ``extract_text`` (``pdf2txt.py``: one cell per line, cells of a column often run together), PyMuPDF's
    ``page.get_text()`` (one cell per line, pages joined by a newline), also with ``sort=True``
    (``pymupdf-sort``: text blocks by position, a row's cells on one line, a vertical group label's characters
    on the lines of the rows beside them, before or after their figures), and its text blocks sorted
    (``pymupdf-blocks``: ``get_text("blocks", sort=True)``, block texts joined by newlines: a cell per block,
    blocks ordered by their bottom edge, so a tall label's row has its figures before the label, a one-line
    label's after it), pdfminer.six's ``extract_text`` without its boxes' reading order
    (``pdfminer-flow``: ``LAParams(boxes_flow=None)``, text boxes top to bottom, a cell per line), pypdf's ``page.extract_text()`` (content
    order, a row per line) and pypdfium2's ``get_text_bounded()`` (``pdfium``: where the PDF draws no space
    between cells, a row's figures run together: ``8162140 94``).

    Tools and options other projects use: ``pdftotext-raw`` (``-raw``: content-stream order), ``pypdf-layout``
    (``extract_text(extraction_mode="layout")``), ``pdfplumber-flow`` (``extract_text(use_text_flow=True)``:
    characters in the order they are drawn), ``pdfplumber-words`` (``extract_words()`` joined a line at a time),
    ``pdfplumber-tables`` (``extract_tables()`` written as CSV rows, a table after another), ``pdfminer-all``
    (``LAParams(all_texts=True)``, as ``pdf2txt.py -A``), ``pdfminer-vertical`` (``detect_vertical=True``),
    ``pymupdf-words`` (``get_text("words")`` joined a line at a time), ``pymupdf-tables`` (``find_tables()``, each
    table's ``extract()`` written as CSV rows) and ``pymupdf-dict`` (``get_text("dict")``:
    each line's spans joined by a space)."""
    if tool in _OTHER_TOOLS:
        return _OTHER_TOOLS[tool](pdf)
    if tool in ("pdfplumber", "pdfplumber-layout"):
        with pdfplumber.open(pdf) as document:
            return "\n".join(page.extract_text(layout=tool == "pdfplumber-layout") or "" for page in document.pages)
    if tool == "pdfminer":
        from pdfminer.high_level import extract_text

        return extract_text(str(pdf))
    if tool == "pdfminer-flow":
        from pdfminer.high_level import extract_text
        from pdfminer.layout import LAParams

        return extract_text(str(pdf), laparams=LAParams(boxes_flow=None))
    if tool == "pymupdf-blocks":
        import pymupdf

        with pymupdf.open(pdf) as document:
            return "\n".join("\n".join(block[4] for block in page.get_text("blocks", sort=True)) for page in document)
    if tool in ("pymupdf", "pymupdf-sort"):
        import pymupdf

        with pymupdf.open(pdf) as document:
            return "\n".join(page.get_text(sort=tool == "pymupdf-sort") for page in document)
    if tool == "pypdf":
        import pypdf

        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages)
    if tool == "pdfium":
        import pypdfium2

        document = pypdfium2.PdfDocument(pdf)
        try:
            return "\n".join(page.get_textpage().get_text_bounded() for page in document)
        finally:
            document.close()
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is needed (scripts/system-packages.txt: poppler-utils)"
    mode = [] if tool == "pdftotext" else [f"-{tool.removeprefix('pdftotext-')}"]   # layout | raw, or pdftotext-layout …
    return subprocess.run([pdftotext, *mode, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")


def _trim(image: Image.Image) -> Image.Image:
    """The page cut below the table, as a scan of a table is cut."""
    box = Image.eval(image, lambda v: 255 - v).getbbox()
    if box is None:
        return image
    return image.crop((0, 0, image.width, min(image.height, box[3] + 60)))

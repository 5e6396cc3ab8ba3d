"""Scans → document: ruling lines found in the image, words recognised by Tesseract (chi_sim), tables rebuilt
from both by ``pages`` exactly as for a PDF text layer.

The rules are found first (long straight runs of dark pixels) and painted out before recognition, because
Tesseract reads a cell border next to a digit as part of it ("|32", "l74"); the number cells are then read
again on their own (``ocr.digits``). Tesseract runs in-process on one thread (``ocr.engine``), so the time per
page is the time on one core.
"""

from __future__ import annotations

import io
import re
import warnings

import numpy as np
from PIL import Image

from gxparse import limits
from gxparse.ocr.deskew import straighten
from gxparse.document import Document
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.ocr.digits import number_reader
from gxparse.ocr.engine import Setup, document_budget, read_words
from gxparse.ocr.labels import snap_label, snap_title
from gxparse.ocr.slices import page_slices
from gxparse.layout.pages import Box, Glyph, Page, Reread, Rule, document_lines, table_pages

# Pillow refuses images over twice this (DecompressionBombError) and warns over it; gxparse measures every
# image against limits.MAX_IMAGE_PIXELS itself before decoding, so the warning says nothing new.
Image.MAX_IMAGE_PIXELS = limits.MAX_IMAGE_PIXELS
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

# sparse-text mode: table cells are read one by one instead of as lines running across the columns
_PAGE_SETUP = Setup("chi_sim", psm=11)
# Scans are read at no more than 200 dpi: a 300-dpi page takes half as long again, and table print read
# at 200 dpi is as exact (measured on skewed, noisy JPEG scans of the seeds); number cells are scaled up.
MAX_DPI = 200
_RULE_LEVEL = 170         # grey level below which a pixel may be part of a ruling line (thin lines print grey)
_MIN_RULE_H = 0.30        # inches: a horizontal run this long is a rule, not a stroke of a character
_MIN_RULE_V = 0.18        # inches: vertical rules between two merged cells can be one short row tall
_A4_WIDTH = 8.27          # inches, to estimate the resolution of an image that does not state it
# Shapes Tesseract's Chinese model gives to digits in a table cell; mapped back only when the whole word
# is made of digits and these shapes, so words of prose are left alone.
_DIGIT_SHAPES = str.maketrans({"O": "0", "o": "0", "〇": "0", "○": "0", "D": "0", "Q": "0",
                               "l": "1", "I": "1", "|": "1", "丨": "1", "S": "5", "B": "8", "Z": "2"})
_DIGITISH = re.compile(r"^[\d,.OoDQ〇○lI|丨SBZ]+$")
_ZERO_SHAPES = ("O", "o", "〇", "○")
_STRAY = "\"'“”‘’`,.·、:;"   # specks and table-rule remnants Tesseract reads as punctuation next to a digit


def _digits(text: str) -> str:
    """A word that is a number in a digit's disguise ("O", "l74", '"0') read as that number."""
    bare = text.strip(_STRAY)
    if bare and _DIGITISH.match(bare) and (any(ch.isdigit() for ch in bare) or bare in _ZERO_SHAPES):
        return bare.translate(_DIGIT_SHAPES)
    return text


def _runs(dark: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of ink at least ``min_length`` long in each row."""
    padded = np.zeros((dark.shape[0], dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    edges = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    keep = ends - starts >= min_length
    return list(zip(rows_s[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()))


def _line_ink(gray: np.ndarray) -> np.ndarray:
    """Where a line along the rows may run: a thin line printed between two pixel rows is grey in both, so
    each pixel is taken with the one below it, at their darker, against a lighter level than text ink."""
    paired = np.minimum(gray, np.vstack((gray[1:], gray[-1:])))
    return paired < _RULE_LEVEL


def _paint_out(cleaned: np.ndarray, gray: np.ndarray, runs: list[tuple[int, int, int]]) -> None:
    """Whitens the lines of ``runs`` (found on pairs of rows: a run at y stands for rows y and y + 1) in
    ``cleaned``, only in the rows where the line itself lies: a character touching a rule keeps its ink."""
    for y, x0, x1 in runs:
        for row in range(y, min(y + 2, gray.shape[0])):
            if (gray[row, x0:x1] < _RULE_LEVEL).mean() > 0.5:
                cleaned[row, x0:x1] = 255


def find_rules(gray: np.ndarray, dpi: float) -> tuple[list[Rule], np.ndarray]:
    """The ruling lines of an image and the image with them painted white."""
    horizontal = _runs(_line_ink(gray), int(_MIN_RULE_H * dpi))
    vertical = _runs(_line_ink(gray.T), int(_MIN_RULE_V * dpi))
    cleaned = gray.copy()
    _paint_out(cleaned, gray, horizontal)
    _paint_out(cleaned.T, gray.T, vertical)
    rules = [Rule(True, float(y), float(x0), float(x1)) for y, x0, x1 in horizontal]
    rules += [Rule(False, float(x), float(y0), float(y1)) for x, y0, y1 in vertical]
    return rules, cleaned


def recognise(image: np.ndarray, dpi: float, source: str, page: int) -> list[Glyph]:
    """Words with their boxes, in pixels, from one Tesseract run over the page."""
    return [Glyph(_digits(w.text), w.left, w.top, w.right, w.bottom)
            for w in read_words(image, dpi, _PAGE_SETUP, source, page)]


def _reduced(image: Image.Image, dpi: float, number: int) -> tuple[Image.Image, float]:
    """The scan at no more than MAX_DPI (finer scans read no better and take longer) and within
    ``limits.MAX_RENDER_PIXELS`` (a page too large for that at a resolution OCR reads is refused)."""
    target = limits.render_dpi(image.width / dpi, image.height / dpi, min(dpi, MAX_DPI), f"第{number}页")
    if target >= dpi:
        return image, dpi
    scale = target / dpi
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.LANCZOS), target


def ocr_page(image: Image.Image, number: int, dpi: float, source: str) -> Page:
    image, dpi = _reduced(image.convert("L"), dpi, number)
    gray = straighten(np.asarray(image))
    rules, cleaned = find_rules(gray, dpi)
    glyphs = recognise(cleaned, dpi, source, number)
    height, width = gray.shape
    return Page(number, float(width), float(height), glyphs, rules, unit=dpi / 72,
                reread=_reread_later(cleaned, dpi, source, number))


def _reread_later(cleaned: np.ndarray, dpi: float, source: str, number: int) -> Reread:
    """The page's number re-reader (``ocr.digits``), holding the page PNG-compressed (a scan shrinks about
    twentyfold) until its tables are read: every page of a document is recognised before any table is
    rebuilt, and only one page's pixels should be in memory at a time."""
    buffer = io.BytesIO()
    Image.fromarray(cleaned).save(buffer, format="PNG", compress_level=1)
    packed = buffer.getvalue()

    def reread(cells: list[tuple[str, Box]]) -> list[str]:
        with Image.open(io.BytesIO(packed)) as image:
            return number_reader(np.asarray(image), dpi, source, number)(cells)

    return reread


def _dpi(image: Image.Image) -> float:
    stated = image.info.get("dpi")
    try:
        dpi = float(stated[0]) if stated else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if limits.MIN_STATED_DPI < dpi <= limits.MAX_STATED_DPI:
        return dpi
    return image.width / _A4_WIDTH


# Each sniffed kind is opened by its own Pillow plugin only: bytes that sniff as PNG are never tried as
# another of Pillow's many formats.
_FORMATS = {"png": ("PNG",), "jpeg": ("JPEG", "MPO"), "tiff": ("TIFF",), "bmp": ("BMP", "DIB"), "gif": ("GIF",)}


def _open_image(data: bytes, kind: str, source: str) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data), formats=_FORMATS[kind])
        frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError as exc:
        # Pillow refuses at twice its MAX_IMAGE_PIXELS, set to gxparse's limit
        raise DocumentError(source, f"图像过大：超过 {2 * limits.MAX_IMAGE_PIXELS / 1e6:.0f} 百万像素，"
                                    f"上限 {limits.MAX_IMAGE_PIXELS / 1e6:.0f} 百万像素") from exc
    except Exception as exc:
        # Pillow's plugins raise what the bytes lead them to (OSError, SyntaxError, ValueError,
        # struct.error, EOFError, …): to a person it is one thing
        raise DocumentError(source, "图片文件损坏或无法识别") from exc
    limits.check_frames(frames)
    return image


def _frame(image: Image.Image, index: int, source: str) -> Image.Image:
    """Frame ``index`` of the image in grey, measured before a pixel of it is decoded."""
    try:
        image.seek(index)
        limits.check_image(image.width, image.height, f"第{index + 1}页")
        return image.convert("L")
    except (LimitExceeded, MemoryError):
        raise
    except Exception as exc:
        raise DocumentError(source, f"图片文件损坏，第{index + 1}页无法解码") from exc


def read_image(data: bytes, source: str, kind: str) -> Document:
    """A scanned report as PNG, JPEG, TIFF (every frame a page), BMP or GIF, read one frame at a time; a
    frame many pages tall (a long screenshot) in page-high slices."""
    image = _open_image(data, kind, source)
    with image, document_budget():
        pages: list[Page] = []
        for index in range(getattr(image, "n_frames", 1)):
            frame = _frame(image, index, source)
            dpi = _dpi(frame)
            parts = page_slices(frame, dpi)   # a long screenshot is read a page at a time
            limits.check_frames(len(pages) + len(parts))
            pages += [ocr_page(part, len(pages) + n, dpi, source) for n, part in enumerate(parts, start=1)]
        return scanned_document(pages)


def scanned_document(pages: list[Page]) -> Document:
    lines = document_lines(pages, snap=snap_label)
    snap_title(lines)
    return Document(lines, "ocr", pages=len(pages), table_pages=table_pages(lines))

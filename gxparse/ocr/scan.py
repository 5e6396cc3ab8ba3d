"""Scans → document: ruling lines found in the image, words recognised by Tesseract (chi_sim), tables rebuilt
from both by ``pages`` exactly as for a PDF text layer.

The rules are found first (``ocr.rules``) and painted out before recognition, because Tesseract reads a cell
border next to a digit as part of it ("|32", "l74"); the number cells are then read again on their own
(``ocr.digits``). Tesseract runs in-process on one thread (``ocr.engine``), so the time per
page is the time on one core.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from PIL import Image

from gxparse import limits
from gxparse.deadline import OutOfTime
from gxparse.ocr.deskew import straighten
from gxparse.document import A4_INCHES, OCR_OUT_OF_TIME, Document, ReadNote
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.ocr.digits import INK_LEVEL, number_reader
from gxparse.ocr.engine import Setup, check_ocr_time, document_budget, read_words
from gxparse.ocr.jpegmarkers import check_segments
from gxparse.ocr.labels import snap_label, snap_place, snap_title
from gxparse.ocr.rules import LONG_RULE, find_rules
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
_PART_SETUP = Setup("chi_sim", psm=7)   # a piece of a word parted by a row rule: one line of text
_ACROSS = 0.4             # of a word's height: a rule this far inside both its edges parts two lines of text
_PART_MARGIN = 10         # pixels of blank around a piece read again
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


def recognise(image: np.ndarray, dpi: float, source: str, page: int, rules: Sequence[Rule] = ()) -> list[Glyph]:
    """Words with their boxes, in pixels, from one Tesseract run over the page; a word read across a row rule
    of a table (a header's 本 and the 0 under it read as one 六, in rows as tight as their text) is read again
    as the two pieces the rule parts."""
    glyphs = []
    for w in read_words(image, dpi, _PAGE_SETUP, source, page):
        glyph = Glyph(_digits(w.text), w.left, w.top, w.right, w.bottom)
        cut = _row_rule_across(glyph, rules, dpi)
        glyphs += [glyph] if cut is None else _read_parts(image, glyph, cut, dpi, source, page)
    return glyphs


def _row_rule_across(glyph: Glyph, rules: Sequence[Rule], dpi: float) -> float | None:
    """The row rule of a table that crosses ``glyph`` with a good part of it on each side, if any."""
    margin = _ACROSS * (glyph.y1 - glyph.y0)
    return next((r.pos for r in rules if r.horizontal and r.end - r.start >= LONG_RULE * dpi
                 and r.start <= glyph.x0 and glyph.x1 <= r.end and glyph.y0 + margin < r.pos < glyph.y1 - margin),
                None)


def _read_parts(image: np.ndarray, glyph: Glyph, cut: float, dpi: float, source: str, page: int) -> list[Glyph]:
    """The words above and below ``cut`` inside the glyph's box, each read on a blank margin."""
    x0, x1 = int(glyph.x0), int(glyph.x1) + 1
    out = []
    for top, bottom in ((int(glyph.y0), int(cut)), (int(cut) + 2, int(glyph.y1) + 1)):
        crop = image[top:bottom, x0:x1]
        if crop.size == 0 or int(crop.min()) > INK_LEVEL:
            continue
        pad = _PART_MARGIN
        padded = np.full((crop.shape[0] + 2 * pad, crop.shape[1] + 2 * pad), 255, dtype=np.uint8)
        padded[pad:pad + crop.shape[0], pad:pad + crop.shape[1]] = crop
        out += [Glyph(_digits(w.text), x0 + w.left - pad, top + w.top - pad, x0 + w.right - pad,
                      top + w.bottom - pad) for w in read_words(padded, dpi, _PART_SETUP, source, page)]
    return out


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
    check_ocr_time()   # between a page's stages (each up to a second or so on A2): overrun by a stage, not a page
    rules, cleaned = find_rules(gray, dpi)
    glyphs = recognise(cleaned, dpi, source, number, rules)
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
        try:
            with Image.open(io.BytesIO(packed)) as image:
                return number_reader(np.asarray(image), dpi, source, number)(cells)
        except OutOfTime:   # the document's time is up: the page's first reading stands
            return [text for text, _ in cells]

    return reread


def image_dpi(image: Image.Image) -> float:
    """The resolution an image states, or (none, or a mistaken one) its width over an A4 page's."""
    stated = image.info.get("dpi")
    try:
        dpi = float(stated[0]) if stated else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if limits.MIN_STATED_DPI < dpi <= limits.MAX_STATED_DPI:
        return dpi
    return image.width / A4_INCHES[0]


# Each sniffed kind is opened by its own Pillow plugin only: bytes that sniff as PNG are never tried as
# another of Pillow's many formats.
_FORMATS = {"png": ("PNG",), "jpeg": ("JPEG", "MPO"), "tiff": ("TIFF",), "bmp": ("BMP", "DIB"), "gif": ("GIF",)}


def _open_image(data: bytes, kind: str, source: str) -> Image.Image:
    if kind == "jpeg":
        check_segments(data)
    try:
        image = Image.open(io.BytesIO(data), formats=_FORMATS[kind])
        frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError as exc:
        raise DocumentError(source, limits.image_bomb().reason) from exc
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


def read_image(data: bytes, source: str, kind: str, within: str = "") -> Document:
    """A scanned report as PNG, JPEG, TIFF (every frame a page), BMP or GIF, read one frame at a time; a
    frame many pages tall (a long screenshot) in page-high slices. ``within``: the picture of a document this
    image is (``第3张图片``), named in what is told of it."""
    image = _open_image(data, kind, source)
    with image, document_budget():
        pages: list[Page] = []
        frames = getattr(image, "n_frames", 1)
        for index in range(frames):
            before = len(pages)
            try:
                check_ocr_time()   # before the frame is decoded: pictures past the time cost nothing
                frame = _frame(image, index, source)
                dpi = image_dpi(frame)
                parts = page_slices(frame, dpi)   # a long screenshot is read a page at a time
                limits.check_frames(len(pages) + len(parts))
                for part in parts:
                    check_ocr_time()   # before each slice is straightened and its rules found
                    pages.append(ocr_page(part, len(pages) + 1, dpi, source))
            except OutOfTime as exc:
                # the slices of a long screenshot read by then are kept, and the rest named
                sliced = SlicesUnread(index + 1, len(pages) - before + 1, len(parts)) if len(pages) > before else None
                unread = Unread(list(range(index + 1 + bool(sliced), frames + 1)), exc.limit,
                                f"{within}的" if within else "", sliced)
                return scanned_document(pages, unread, "帧" if within else "帧（图片）")
        return scanned_document(pages)


_Scan = TypeVar("_Scan")


@dataclass(frozen=True)
class SlicesUnread:
    """The page-high slices of a long screenshot's frame left unread: from ``first`` to the last of ``count``."""

    frame: int
    first: int
    count: int

    def told(self, unit: str) -> str:
        which = f"第{self.first}段" if self.first == self.count else f"第{self.first}至{self.count}段"
        return f"第{self.frame}{unit}的{which}（长图按页高切分，共{self.count}段）"


@dataclass(frozen=True)
class Unread:
    """Scanned pages (or frames) a time limit left unread: their numbers (at most ``limits.MAX_SCANNED_PAGES`` or
    ``MAX_FRAMES``, so the note naming them stays short), the limit as told, what holds them (a picture), and the
    slices of a frame read in part."""

    numbers: list[int]
    limit: str
    within: str = ""
    sliced: SlicesUnread | None = None

    def note(self, unit: str) -> ReadNote:
        """Told as a warning: their content is unknown, not missing."""
        told = [self.within + self.sliced.told(unit)] if self.sliced else []
        if self.numbers:
            told.append(f"{self.within}第{'、'.join(map(str, self.numbers))}{unit}")
        first = self.sliced.frame if self.sliced else self.numbers[0]
        return ReadNote(OCR_OUT_OF_TIME, f"读取时间用尽（{self.limit}）：{'及'.join(told)}未经 OCR 识别，其内容未读取"
                        "（不能据此认为报告缺少这些内容）", f"{self.within}第{first}{unit}")


def ocr_in_time(pages: list[Page], scans: Mapping[int, _Scan], read: Callable[[int, _Scan], Page]) -> Unread | None:
    """``pages[index] = read(index, scan)`` for each scanned page while the document's deadline and OCR budget
    last; the pages left unread (their text-layer reading stays: nothing)."""
    unread: list[int] = []
    limit = ""
    for index, scan in scans.items():
        if not unread:
            try:
                check_ocr_time()   # before the page is rendered
                pages[index] = read(index, scan)
                continue
            except OutOfTime as exc:
                limit = exc.limit
        unread.append(index + 1)
    return Unread(unread, limit) if unread else None


def scanned_document(pages: list[Page], unread: Unread | None = None, unit: str = "页") -> Document:
    """The document of pages read by OCR; ``unread`` (pages, or frames of an image file: ``unit``) a time limit
    left unread, told as a note."""
    lines = document_lines(pages, snap=snap_label)
    snap_title(lines)
    snap_place(lines)
    notes = [unread.note(unit)] if unread else []
    return Document(lines, "ocr", pages=len(pages), table_pages=table_pages(lines), notes=notes)

"""Scans → document: ruling lines found in the image, words recognised by Tesseract (chi_sim), tables rebuilt
from both by ``pages`` exactly as for a PDF text layer.

The rules are found first (long straight runs of dark pixels) and painted out before recognition, because
Tesseract reads a cell border next to a digit as part of it ("|32", "l74"). Tesseract runs in-process on
one thread (``ocr_engine``), so the time per page is the time on one core.
"""

from __future__ import annotations

import io
import re

import numpy as np
from PIL import Image, ImageFilter, ImageSequence, UnidentifiedImageError

from gxparse.deskew import straighten
from gxparse.document import Document, is_value
from gxparse.errors import DocumentError
from gxparse.ocr_engine import Setup, read_words
from gxparse.ocr_labels import snap_label
from gxparse.pages import Box, Glyph, Page, Reread, Rule, document_lines, table_pages

# sparse-text mode: table cells are read one by one instead of as lines running across the columns
_PAGE_SETUP = Setup("chi_sim", psm=11)
# doubtful number cells are read again, one per line, digits only: the latin model knows them
_DIGITS_SETUP = Setup("eng", psm=6, whitelist="0123456789.,")
MIN_DIGIT_CONFIDENCE = 30
# Scans are read at no more than 200 dpi: a 300-dpi page takes half as long again, and table print read
# at 200 dpi is as exact (measured on skewed, noisy JPEG scans of the seeds); number cells are scaled up.
MAX_DPI = 200
_DARK = 128               # grey level below which a pixel is ink
_MIN_RULE_H = 0.30        # inches: a horizontal run this long is a rule, not a stroke of a character
_MIN_RULE_V = 0.18        # inches: vertical rules between two merged cells can be one short row tall
_DIGIT_DPI = 450          # number cells are read again scaled up to this resolution (3× a 150-dpi scan)
_DIGIT_GAP = 45           # pixels of blank between two figures on the strip read at once (0.1 inch)
_MAX_STRIP = 30000        # pixels: Tesseract takes no image over 32767 high, so longer strips are cut
_SMOOTH = 1.5             # pixels of Gaussian blur over the scaled-up binarised figure
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


def find_rules(gray: np.ndarray, dpi: float) -> tuple[list[Rule], np.ndarray]:
    """The ruling lines of an image and the image with them painted white."""
    dark = gray < _DARK
    horizontal = _runs(dark, int(_MIN_RULE_H * dpi))
    vertical = _runs(dark.T, int(_MIN_RULE_V * dpi))
    cleaned = gray.copy()
    for y, x0, x1 in horizontal:
        cleaned[max(0, y - 1):y + 2, x0:x1] = 255
    for x, y0, y1 in vertical:
        cleaned[y0:y1, max(0, x - 1):x + 2] = 255
    rules = [Rule(True, float(y), float(x0), float(x1)) for y, x0, x1 in horizontal]
    rules += [Rule(False, float(x), float(y0), float(y1)) for x, y0, y1 in vertical]
    return rules, cleaned


def recognise(image: np.ndarray, dpi: float, source: str, page: int) -> list[Glyph]:
    """Words with their boxes, in pixels, from one Tesseract run over the page."""
    return [Glyph(_digits(w.text), w.left, w.top, w.right, w.bottom)
            for w in read_words(image, dpi, _PAGE_SETUP, source, page)]


def _looks_like_number(text: str) -> bool:
    """Empty, a number, one character (a digit the Chinese model took for an ideograph: 1 → 工, 7 → 了), or
    up to four characters that are latin or hold a digit (15 → Js, 2331 → 攻了3)."""
    return (not text or is_value(text) or len(text) == 1
            or (len(text) <= 4 and (text.isascii() and " " not in text or any(ch.isdigit() for ch in text))))


def _in_a_row_of_values(i: int, cells: list[tuple[str, Box]], tolerance: float) -> bool:
    """Whether cell ``i`` stands right of the first cell of its row, among cells of the same height that are
    mostly values: in a row of figures, a short word of ideographs is a misread figure (17 → 划洲), while the
    row's first cell is its label (规章)."""
    x0, y0, _, y1 = cells[i][1]
    row = [(box[0], text) for text, box in cells
           if abs(box[1] - y0) <= tolerance and abs(box[3] - y1) <= tolerance]
    values = sum(not text or is_value(text) for _, text in row)
    return x0 > min(x for x, _ in row) and 2 * values >= len(row)


def _number_cells(cells: list[tuple[str, Box]], tolerance: float) -> list[int]:
    """The cells that may hold a number. Labels and headers are longer, or Chinese without digits outside
    rows of figures, and are left alone."""
    return [i for i, (text, _) in enumerate(cells) if _looks_like_number(text)
            or (len(text) <= 4 and _in_a_row_of_values(i, cells, tolerance))]


def _otsu(gray: np.ndarray) -> int:
    """The grey level that best splits ``gray`` into ink and paper (Otsu's between-class variance)."""
    counts = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    weight = np.cumsum(counts)
    mass = np.cumsum(counts * np.arange(256))
    total, total_mass = weight[-1], mass[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mass * weight - mass * total) ** 2 / (weight * (total - weight))
    return int(np.nanargmax(between))


def _text_lines(rows: np.ndarray) -> int:
    """How many lines of text the inked pixel rows ``rows`` (sorted) make: runs of rows split by blank ones,
    not counting specks under a third of the tallest run's height."""
    runs = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1)
    heights = [run.size for run in runs]
    return sum(h * 3 >= max(heights) for h in heights)


def _cell_ink(image: np.ndarray, box: Box, inset: int, scale: float) -> np.ndarray | None:
    """A number cell's figure alone: cropped inside its border, scaled up, binarised, with what is left of the
    border (rows or columns inked across most of the crop) cleared, cut to its ink; None for a blank cell or
    one whose ink is on several lines (a header printed one character per line is no figure)."""
    x0, y0, x1, y1 = (int(v) for v in box)
    crop = image[y0 + inset:y1 - inset, x0 + inset:x1 - inset]
    if crop.size == 0 or int(crop.min()) > _DARK:
        return None
    height, width = crop.shape
    big = np.asarray(Image.fromarray(crop).resize((round(width * scale), round(height * scale)), Image.BICUBIC))
    ink = big < _otsu(big)
    border = (ink.mean(axis=1, keepdims=True) > 0.6) | (ink.mean(axis=0, keepdims=True) > 0.6)
    ink &= ~border
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0 or _text_lines(rows) > 1:
        return None
    # binarised, then smoothed: Tesseract takes the stair-stepped edge of a lone binarised 5 for a 3
    figure = Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])
    return np.asarray(figure.filter(ImageFilter.GaussianBlur(_SMOOTH)))


Slot = tuple[int, int, int]   # top and bottom of a figure's line on a strip, and the cell it came from


def _strips(figures: list[tuple[int, np.ndarray]]) -> list[tuple[np.ndarray, list[Slot]]]:
    """The figures stacked one per line on blank strips, each under Tesseract's size limit."""
    out: list[tuple[np.ndarray, list[Slot]]] = []
    batch: list[tuple[int, np.ndarray]] = []
    for n, (i, ink) in enumerate(figures):
        batch.append((i, ink))
        height = sum(ink.shape[0] + _DIGIT_GAP for _, ink in batch) + _DIGIT_GAP
        if n + 1 < len(figures) and height + figures[n + 1][1].shape[0] + _DIGIT_GAP <= _MAX_STRIP:
            continue
        strip = np.full((height, max(ink.shape[1] for _, ink in batch) + 2 * _DIGIT_GAP), 255, dtype=np.uint8)
        slots, top = [], _DIGIT_GAP
        for cell, ink in batch:
            strip[top:top + ink.shape[0], _DIGIT_GAP:_DIGIT_GAP + ink.shape[1]] = ink
            slots.append((top - _DIGIT_GAP // 2, top + ink.shape[0] + _DIGIT_GAP // 2, cell))
            top += ink.shape[0] + _DIGIT_GAP
        out.append((strip, slots))
        batch = []
    return out


def _reread_numbers(image: np.ndarray, dpi: float, source: str, page: int) -> Reread:
    """Read a table's number cells again, digits only, with the latin model: Tesseract's Chinese model
    misses lone digits in sparse table rows and reads some as ideographs. Each cell's figure is cut out,
    scaled up and binarised, and the figures are stacked one per line on a blank strip, so one run reads
    them all and a line's words belong to one cell."""
    inset = max(2, round(dpi / 50))
    scale = max(1.0, _DIGIT_DPI / dpi)

    def reread(cells: list[tuple[str, Box]]) -> list[str]:
        texts = [text for text, _ in cells]
        figures = [(i, ink) for i in _number_cells(cells, inset)
                   if (ink := _cell_ink(image, cells[i][1], inset, scale)) is not None]
        read: dict[int, list[tuple[int, str]]] = {}
        for strip, slots in _strips(figures):
            for word in read_words(strip, dpi * scale, _DIGITS_SETUP, source, page):
                cy = (word.top + word.bottom) / 2
                hit = next((i for y0, y1, i in slots if y0 <= cy < y1), None)
                if hit is not None and word.confidence >= MIN_DIGIT_CONFIDENCE:
                    read.setdefault(hit, []).append((word.left, word.text))
        for i, words in read.items():
            number = "".join(text for _, text in sorted(words)).strip(".,")
            if is_value(number):
                texts[i] = number
        return texts

    return reread


def _reduced(image: Image.Image, dpi: float) -> tuple[Image.Image, float]:
    """The scan at no more than MAX_DPI: finer scans read no better and take longer."""
    if dpi <= MAX_DPI:
        return image, dpi
    scale = MAX_DPI / dpi
    return image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS), MAX_DPI


def ocr_page(image: Image.Image, number: int, dpi: float, source: str) -> Page:
    image, dpi = _reduced(image.convert("L"), dpi)
    gray = straighten(np.asarray(image))
    rules, cleaned = find_rules(gray, dpi)
    glyphs = recognise(cleaned, dpi, source, number)
    height, width = gray.shape
    return Page(number, float(width), float(height), glyphs, rules, unit=dpi / 72,
                reread=_reread_numbers(cleaned, dpi, source, number))


def _dpi(image: Image.Image) -> float:
    stated = image.info.get("dpi")
    if stated and stated[0] and float(stated[0]) > 30:
        return float(stated[0])
    return image.width / _A4_WIDTH


def read_image(data: bytes, source: str) -> Document:
    """A scanned report as PNG, JPEG, TIFF (every frame a page), BMP or GIF."""
    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise DocumentError(source, f"图片文件损坏或无法识别 ({exc})") from exc
    return scanned_document([ocr_page(frame, n, _dpi(frame), source) for n, frame in enumerate(frames, start=1)])


def scanned_document(pages: list[Page]) -> Document:
    lines = document_lines(pages, snap=snap_label)
    return Document(lines, "ocr", pages=len(pages), table_pages=table_pages(lines))

"""The number cells of a scanned table read a second time, on their own.

Tesseract's Chinese model misses lone digits in sparse table rows and reads some as ideographs (1 → 工,
17 → 划洲). Each cell that may hold a figure is cut out inside its borders, scaled up, binarised and smoothed,
and the figures are stacked one per line on a blank strip read in one run by the latin model, digits only,
so a line's words belong to one cell.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from gxparse.cells import UNREAD_FIGURE
from gxparse.document import is_value
from gxparse.ocr.engine import Setup, read_words
from gxparse.layout.pages import Box, Reread
from gxparse.template import S2_CONTENT_HEADER

INK_LEVEL = 128           # grey level below which a pixel is ink
# the minus of a signed count (本年增/减) as well as digits
_DIGITS_SETUP = Setup("eng", psm=6, whitelist="0123456789.,-")
_WORD_SETUP = Setup("eng", psm=8, whitelist="0123456789.,-")   # one figure alone, as a single word
_ALONE_CONFIDENCE = 80    # a figure read alone is taken only when read surely (an 0 read alone can come out 6)
MIN_DIGIT_CONFIDENCE = 30
_MAX_MISREAD = 3          # characters: a figure OCR read as a word is no longer (17 → 划洲)
_DIGIT_DPI = 450          # number cells are read again scaled up to this resolution (3× a 150-dpi scan)
_DIGIT_GAP = 45           # pixels of blank between two figures on the strip read at once (0.1 inch)
_MAX_STRIP = 30000        # pixels: Tesseract takes no image over 32767 high, so longer strips are cut
_EDGE = 3                 # pixels of a crop's edge (before scaling) where a border's remnant may lie
_SMOOTH = 1.5             # pixels of Gaussian blur over the scaled-up binarised figure


def _looks_like_number(text: str) -> bool:
    """Empty, a number, one character (a digit the Chinese model took for an ideograph: 1 → 工, 7 → 了), mostly
    digits (a rule's remnant beside them: 88283|), or up to four characters that are latin or hold a digit or
    a latin mark (15 → Js, 2331 → 攻了3, 195 → ]关)."""
    return (not text or is_value(text) or len(text) == 1 or 2 * sum(ch.isdigit() for ch in text) >= len(text)
            or (len(text) <= 4 and (text.isascii() and " " not in text
                                    or any(ch.isdigit() or ch.isascii() and not ch.isspace() for ch in text))))


def _in_a_row_of_values(i: int, cells: list[tuple[str, Box]], tolerance: float) -> bool:
    """Whether cell ``i`` stands right of the first cell of its row, among cells of the same height that
    mostly look like numbers: in a row of figures, a short word of ideographs is a misread figure
    (17 → 划洲), while the row's first cell is its label (规章)."""
    x0, y0, _, y1 = cells[i][1]
    row = [(box[0], text) for text, box in cells
           if abs(box[1] - y0) <= tolerance and abs(box[3] - y1) <= tolerance]
    numbers = sum(_looks_like_number(text) for _, text in row)
    return x0 > min(x for x, _ in row) and 2 * numbers >= len(row)


def _in_a_column_of_values(i: int, cells: list[tuple[str, Box]], tolerance: float) -> bool:
    """Whether at least half the cells of cell ``i``'s column (same left and right edge) may hold a number:
    a label column's cells hold digits too (6.属于, 3.其他), but most of its labels are long."""
    x0, _, x1, _ = cells[i][1]
    column = [text for text, box in cells if abs(box[0] - x0) <= tolerance and abs(box[2] - x1) <= tolerance]
    return 2 * sum(map(_looks_like_number, column)) >= len(column)


def _a_figure_unread(i: int, cells: list[tuple[str, Box]], tolerance: float) -> bool:
    """Whether cell ``i``, read as no number (after the second reading), stands where only a figure can: a
    word too short to be a label (11 → 也) in a column of values and a row whose other cells right of its
    label are mostly figures read (not a header's wrapped words, which look like numbers too). Kept as an
    unreadable figure, it holds its place: as a word, it would cut the row in two, its figures before it
    taken for a label."""
    text, (x0, y0, _, y1) = cells[i]
    if is_value(text) or len(text) > _MAX_MISREAD or not _in_a_column_of_values(i, cells, tolerance):
        return False
    row = [(box[0], other) for j, (other, box) in enumerate(cells) if j != i
           and abs(box[1] - y0) <= tolerance and abs(box[3] - y1) <= tolerance]
    left = min((x for x, _ in row), default=x0)
    figures = [other for x, other in row if x > left]
    return x0 > left and bool(figures) and 2 * sum(map(is_value, figures)) >= len(figures)


def _number_cells(cells: list[tuple[str, Box]], tolerance: float) -> list[int]:
    """The cells that may hold a number: short words right of a row's label among figures, and cells that
    look like a number outside columns of labels. Labels and headers are left alone."""
    return [i for i, (text, _) in enumerate(cells)
            if (len(text) <= 4 and _in_a_row_of_values(i, cells, tolerance))
            or (_looks_like_number(text) and _in_a_column_of_values(i, cells, tolerance))]


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


def _inside(image: np.ndarray, box: Box, inset: int) -> np.ndarray:
    """A cell's pixels inside its border."""
    x0, y0, x1, y1 = (int(v) for v in box)
    return image[y0 + inset:y1 - inset, x0 + inset:x1 - inset]


def _cell_ink(image: np.ndarray, box: Box, inset: int, scale: float) -> np.ndarray | None:
    """A number cell's figure alone: cropped inside its border, scaled up, binarised, with what is left of the
    border (rows or columns at the crop's edge inked across most of it) cleared, cut to its ink; None for a
    blank cell or one whose ink is on several lines (a header printed one character per line is no figure)."""
    crop = _inside(image, box, inset)
    if crop.size == 0 or int(crop.min()) > INK_LEVEL:
        return None
    height, width = crop.shape
    big = np.asarray(Image.fromarray(crop).resize((round(width * scale), round(height * scale)), Image.BICUBIC))
    ink = big < _otsu(big)
    # only at the edges: in a row as tall as its figure, a digit's stem crosses most of the crop too
    edge = round(_EDGE * scale)
    border_rows, border_cols = ink.mean(axis=1) > 0.6, ink.mean(axis=0) > 0.6
    border_rows[edge:-edge] = False
    border_cols[edge:-edge] = False
    ink &= ~(border_rows[:, None] | border_cols[None, :])
    ink &= ~_inner_rules(ink, scale)[None, :]
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0 or _text_lines(rows) > 1:
        return None
    # binarised, then smoothed: Tesseract takes the stair-stepped edge of a lone binarised 5 for a 3
    figure = Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])
    return np.asarray(figure.filter(ImageFilter.GaussianBlur(_SMOOTH)))


_RULE_WIDTH = 3           # pixels (before scaling): a rule is no thicker


def _inner_rules(ink: np.ndarray, scale: float) -> np.ndarray:
    """The columns of a rule standing inside the crop (a cell whose box missed its border): a thin run of
    columns inked down most of the crop, apart from the rest of the ink. A figure alone (a 1 as tall as its
    cell) is never cleared."""
    inked = ink.any(axis=0)
    runs = np.split(np.flatnonzero(inked), np.flatnonzero(np.diff(np.flatnonzero(inked)) > 1) + 1)
    runs = [run for run in runs if run.size]
    rules = np.zeros(ink.shape[1], dtype=bool)
    if len(runs) < 2:
        return rules
    for run in runs:
        if run.size <= _RULE_WIDTH * scale and ink[:, run].any(axis=1).mean() > 0.8:
            rules[run] = True
    return rules if not rules[inked].all() else np.zeros_like(rules)


# what the Chinese model writes for a lone figure it took for an ideograph (a misread, yet a reading of that figure)
_LOOKALIKE_FIGURES = {"工": "1", "了": "7"}
_GLYPH_TALL = 0.6     # of the figure's height: a digit's ink reaches over at least this much of it
_GLYPH_LOW = 0.3      # of the figure's height: a minus, point or comma is no taller
_MINUS_WIDTH = 0.25   # of the figure's height: a minus is at least this wide
_BASELINE = 0.8       # of the figure's height: a point or comma reaches down below this


def _page_figure(text: str) -> str:
    """The figure the page's reading gives a number cell, lookalike ideographs read as their figure."""
    return text if is_value(text) else _LOOKALIKE_FIGURES.get(text, "")


def _glyphs(ink: np.ndarray) -> int:
    """How many characters a figure's ink holds: its runs of inked columns that are a digit (tall), a minus
    (flat and wide, at mid-height) or a point or comma (small, at the baseline). Any other run is a piece of
    a character whose hairline binarising broke (a serif 4's diagonal), or noise: no character."""
    dark = ink < INK_LEVEL
    rows = np.flatnonzero(dark.any(axis=1))
    if rows.size == 0:
        return 0
    top, height = rows[0], rows[-1] - rows[0] + 1
    columns = np.flatnonzero(dark.any(axis=0))
    count = 0
    for run in np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1):
        inked = np.flatnonzero(dark[:, run].any(axis=1))
        low, high = (inked[0] - top) / height, (inked[-1] - top + 1) / height
        extent = high - low
        minus = extent <= _GLYPH_LOW and run.size >= _MINUS_WIDTH * height and high < _BASELINE
        point = extent <= _GLYPH_LOW and high >= _BASELINE
        count += extent >= _GLYPH_TALL or minus or point
    return int(count)


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


_STROKE_WIDTH = 0.45       # of its height: a figure no wider than this is one upright stroke
_FIGURE_HEIGHT = (0.8, 1.2)  # of the usual figure's height on the page


def _read_alone(ink: np.ndarray, dpi: float, source: str, page: int, setups: tuple[Setup, ...],
                confidence: float) -> str:
    """One figure on its own blank margin, read in each of ``setups`` in turn, the first reading of at least
    ``confidence`` (Tesseract passes over some figures on a strip that it reads surely alone)."""
    image = np.full((ink.shape[0] + 2 * _DIGIT_GAP, ink.shape[1] + 2 * _DIGIT_GAP), 255, dtype=np.uint8)
    image[_DIGIT_GAP:_DIGIT_GAP + ink.shape[0], _DIGIT_GAP:_DIGIT_GAP + ink.shape[1]] = ink
    for setup in setups:
        words = [w for w in read_words(image, dpi, setup, source, page) if w.confidence >= confidence]
        number = "".join(w.text for w in sorted(words, key=lambda w: w.left)).strip(".,")
        if is_value(number):
            return number
    return ""


def _lone_strokes(figures: list[tuple[int, np.ndarray]], read: dict[int, str]) -> list[int]:
    """The cells whose figure nothing was read for but is one upright stroke as tall as the page's figures:
    a lone 1, which Tesseract reads as l or | (and so, allowed only digits, as nothing), leaving the cell
    blank, read as 0."""
    if not figures:
        return []
    heights = {i: int((ink < INK_LEVEL).any(axis=1).sum()) for i, ink in figures}
    usual = float(np.median(list(heights.values())))
    out = []
    for i, ink in figures:
        if is_value(read.get(i, "")):
            continue
        dark = ink < INK_LEVEL
        height, width = heights[i], int(dark.any(axis=0).sum())
        columns = np.flatnonzero(dark.any(axis=0))
        one_piece = columns.size > 0 and columns[-1] - columns[0] + 1 == columns.size   # no gap across
        if (one_piece and 0 < width <= _STROKE_WIDTH * height
                and _FIGURE_HEIGHT[0] * usual <= height <= _FIGURE_HEIGHT[1] * usual):
            out.append(i)
    return out


DASH = "\u2014"   # what a cell whose figure is a dash is read as: a blank mark (``cells.BLANK_MARK``), a zero
_DASH_RATIO = 1.6   # width over height: every digit is taller than wide, a dash (even a hyphen) wider than tall
_DASH_SOLID = 0.6   # of its bounding box inked: a dash is a bar, not a character's strokes
_FAINT_LEVEL = 200  # grey level: a cell whose darkest pixel is lighter holds nothing (paper, JPEG noise)


def _dashes(figures: list[tuple[int, np.ndarray]], read: dict[int, str]) -> list[int]:
    """The cells whose figure nothing was read for but is one flat solid bar: a dash, as many tables print a
    zero (—, －, -), which Tesseract reads as 一 or 二-like words, or nothing."""
    return [i for i, ink in figures if not is_value(read.get(i, "")) and _a_bar(ink < INK_LEVEL)]


def _faint_dash(image: np.ndarray, box: Box, inset: int) -> bool:
    """Whether a cell with no ink as dark as a figure's holds a fainter flat bar: a thin dash anti-aliased to
    grey (a figure's strokes are never that light), which the page's reading takes for a word (王, 已)."""
    crop = _inside(image, box, inset)
    if crop.size == 0 or not INK_LEVEL < int(crop.min()) < _FAINT_LEVEL:
        return False
    return _a_bar(crop < (int(crop.min()) + 255) // 2)


def _a_bar(dark: np.ndarray) -> bool:
    """Whether the inked pixels ``dark`` are one solid bar far wider than tall."""
    rows, cols = np.flatnonzero(dark.any(axis=1)), np.flatnonzero(dark.any(axis=0))
    if rows.size == 0:
        return False
    height, width = int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)
    solid = float(dark[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1].mean())
    return rows.size == height and cols.size == width and width >= _DASH_RATIO * height and solid >= _DASH_SOLID


def number_reader(image: np.ndarray, dpi: float, source: str, page: int) -> Reread:
    """The ``Reread`` of a scanned page: given a table's cells, their texts with the number cells read again."""
    inset = max(2, round(dpi / 50))
    scale = max(1.0, _DIGIT_DPI / dpi)

    def reread(cells: list[tuple[str, Box]]) -> list[str]:
        texts = [text for text, _ in cells]
        # tables 三 and 四 add up, and a sum that fails names a misread figure; table 二 has no sums, so there a
        # figure two readings disagree on and a third settles for neither is left unread rather than guessed
        summed = not any(S2_CONTENT_HEADER in text for text in texts)
        numbered = _number_cells(cells, inset)
        figures = [(i, ink) for i in numbered if (ink := _cell_ink(image, cells[i][1], inset, scale)) is not None]
        read: dict[int, list[tuple[int, str]]] = {}
        for strip, slots in _strips(figures):
            for word in read_words(strip, dpi * scale, _DIGITS_SETUP, source, page):
                cy = (word.top + word.bottom) / 2
                hit = next((i for y0, y1, i in slots if y0 <= cy < y1), None)
                if hit is not None and word.confidence >= MIN_DIGIT_CONFIDENCE:
                    read.setdefault(hit, []).append((word.left, word.text))
        numbers = {i: "".join(text for _, text in sorted(words)).strip(".,") for i, words in read.items()}
        glyphs = {i: _glyphs(ink) for i, ink in figures}
        for i, ink in figures:
            strip, on_page = numbers.get(i, ""), _page_figure(texts[i])
            if not is_value(strip):   # nothing from the strip: read alone, taken only when sure
                numbers[i] = _read_alone(ink, dpi * scale, source, page, (_DIGITS_SETUP, _WORD_SETUP),
                                         _ALONE_CONFIDENCE)
            elif strip == "-" + texts[i]:   # a minus the Chinese model passed over (本年增/减 -3): it stands
                continue
            elif on_page and on_page != strip:   # the page and the strip disagree
                fits = [reading for reading in (strip, on_page) if len(reading) == glyphs[i]]
                if len(fits) == 1:            # one of them read as many characters as the ink shows
                    numbers[i] = fits[0]
                    continue
                third = _read_alone(ink, dpi * scale, source, page, (_WORD_SETUP,), MIN_DIGIT_CONFIDENCE)
                numbers[i] = on_page if third == on_page else strip if third == strip or summed else UNREAD_FIGURE
        for i in _lone_strokes(figures, numbers):
            numbers[i] = "1"
        for i, _ in figures:   # a reading with fewer characters than the ink shows lost one (11 → 1, -5 → 5)
            final = numbers[i] if is_value(numbers.get(i, "")) else texts[i]
            if is_value(final) and final != UNREAD_FIGURE and len(final) < glyphs[i]:
                numbers[i] = UNREAD_FIGURE
        inked = {i for i, _ in figures}
        for i in [*_dashes(figures, numbers), *(i for i in numbered if i not in inked
                                                and _faint_dash(image, cells[i][1], inset))]:
            numbers[i] = DASH
        for i, number in numbers.items():
            if is_value(number):
                texts[i] = number
        read = [(text, box) for text, (_, box) in zip(texts, cells)]
        for i in [i for i in numbers if _a_figure_unread(i, read, inset)]:
            texts[i] = UNREAD_FIGURE
        return texts

    return reread

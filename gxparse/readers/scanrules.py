"""The ruling lines of a scan under an OCR text layer: the page's tables are drawn in its picture, not as paths,
so its text alone gives no cells. The layer's word boxes stand a few points off the picture's (OCR programs'
boxes are estimates), and without rules a word a row's height off joins the row above or below; against the
picture's rules each word is placed by its own box in the cell it lies in.

Bounded: the page is rendered at its scan's resolution, at most ``MAX_RULE_DPI``, in at most
``limits.MAX_RENDER_PIXELS`` (a larger page more coarsely, never refused); at most ``MAX_LAYER_WORDS`` words of a
page are placed."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium

from gxparse import limits
from gxparse.layout.charlines import CharBoxes
from gxparse.layout.pages import Rule
from gxparse.ocr.rules import find_rules

MIN_RULE_DPI = 72     # a coarser scan is rendered at this: a pixel of its line spread over two finds no rule
MAX_RULE_DPI = 200    # a finer scan's rules are found no better (as OCR reads scans: ocr.scan.MAX_DPI)
MAX_LAYER_WORDS = 5_000   # words of one page placed in cells (~0.1 s): a full A4 page of 5-pt text holds ~4,000


def scan_rules(page: pdfium.PdfPage, scan_dpi: float) -> list[Rule]:
    """The rules the page's picture draws, in points from the displayed page's top left corner: the page rendered
    at its scan's own resolution (``scan_dpi``), where a line is as thin as the scan draws it (finer, a blurred
    line is as thick as a stroke and is not found), within ``MIN_RULE_DPI`` and ``MAX_RULE_DPI``, and coarser for a
    page too large for ``limits.MAX_RENDER_PIXELS`` at that (its text is read all the same)."""
    width, height = page.get_size()
    fits = (limits.MAX_RENDER_PIXELS / max(width * height / 72 ** 2, 1e-6)) ** 0.5   # a large page: coarser
    dpi = min(max(scan_dpi, MIN_RULE_DPI), MAX_RULE_DPI, fits)
    gray = np.asarray(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
    rules, _ = find_rules(gray, dpi)
    scale = 72 / dpi
    return [Rule(r.horizontal, r.pos * scale, r.start * scale, r.end * scale) for r in rules]


def placed_in_cells(glyphs: CharBoxes, words: np.ndarray, rules: list[Rule]) -> CharBoxes:
    """The characters with each word (``words``: each character's word, an OCR layer's text object) drawn whole
    inside the cell its box's centre lies in: a word reaching across a column's rule has its characters squeezed,
    in their order, into the part of its box on its centre's side. Past ``MAX_LAYER_WORDS`` words the characters
    are left where the layer draws them."""
    names, word_of = np.unique(words, return_inverse=True)
    if not len(glyphs) or len(names) > MAX_LAYER_WORDS:
        return glyphs
    columns = np.array([(r.pos, r.start, r.end) for r in rules if not r.horizontal]).reshape(-1, 3)
    boxes = glyphs.boxes.copy()
    for word in range(len(names)):
        inside = word_of == word
        x0, y0 = boxes[inside, :2].min(axis=0)
        x1, y1 = boxes[inside, 2:].max(axis=0)
        mid_x, mid_y = (x0 + x1) / 2, (y0 + y1) / 2
        across = columns[(columns[:, 1] <= mid_y) & (mid_y <= columns[:, 2]), 0]
        left = max([x0, *across[(across > x0) & (across <= mid_x)]])
        right = min([x1, *across[(across < x1) & (across > mid_x)]])
        if (left, right) == (x0, x1):
            continue
        scale = (right - left) / (x1 - x0)
        boxes[inside, 0] = left + (boxes[inside, 0] - x0) * scale
        boxes[inside, 2] = left + (boxes[inside, 2] - x0) * scale
    return CharBoxes(glyphs.text, boxes, glyphs.spaced)

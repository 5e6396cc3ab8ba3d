"""The ruling lines a page's background picture draws: pdf2htmlEX writes a PDF page's text as positioned HTML and
its drawing (the table's lines) as a picture under it, an ``<img class="bi">`` of the page's size whose ``src`` is
an embedded SVG or PNG (``readers/positioned.py`` places the text on the rules read here).

An SVG's rules are its straight strokes (``readers/svgrules.py``), stretched from its ``viewBox`` to the size the
picture is drawn at. A PNG's are its thin bars of dark pixels, long ones with paper along their sides, and only
in a picture of plain lines: where dark pixels lie outside the bars (a seal, a photo, a scan, text drawn as a
picture) the picture's content is not known and it draws no rules (the page is read as without its picture).

Bounded: ``MAX_PICTURE_BYTES`` a picture's bytes, ``MAX_PICTURE_PIXELS`` its pixels, ``MAX_PICTURE_DENSITY`` its
pixels per point, ``MAX_PICTURE_RUNS`` its runs of dark pixels (counted ``_BAND_PIXELS`` at a time; past any of
them the picture draws no rules), ``MAX_DOCUMENT_PICTURE_PIXELS`` the pixels of all of one document's pictures
(past it the rest draw none)."""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass

import numpy as np
from lxml import etree
from PIL import Image

from gxparse.errors import LimitExceeded
from gxparse.layout.pages import Rule
from gxparse.ocr.rules import ink_runs
from gxparse.readers.datauris import data_uri, media_type
from gxparse.readers.fixedlayout import THIN, thin_rule
from gxparse.readers.svgrules import check_shapes, svg_rules

# bytes of one picture, decoded: a page's background is a few 10 kB (PNG of lines) to 1 MB (SVG of a busy page)
MAX_PICTURE_BYTES = 8_000_000
# pixels of one picture: pdf2htmlEX draws A4 at its default 144 dpi in 2,000,000, A2 in 8,000,000 (~0.1 s to read)
MAX_PICTURE_PIXELS = 16_000_000
# pixels of all of one document's pictures: 125 A4 pages at 144 dpi are 250,000,000 (~0.4 s each 16,000,000
# pixels, blank or inked: ~6 s)
MAX_DOCUMENT_PICTURE_PIXELS = 250_000_000
# pixels per point along either side of a picture as drawn (864 dpi): pdf2htmlEX draws at 2 (144 dpi); a finer
# picture is no converter's page of lines (a 1 × 16,000,000 px picture drawn a page high took 0.8 s to decode)
MAX_PICTURE_DENSITY = 12.0
# runs of dark pixels at least a rule long in one picture: a table's lines make a few thousand (one a pixel row of
# each line's width)
MAX_PICTURE_RUNS = 200_000
# pixels of a picture looked for runs at once: the runs of a band (a few MB of arrays) are counted before the next
# is looked at, so a picture of millions of short runs (a 16,000,000 × 1 px picture drawn a page wide: each pixel
# a rule's length) stops at MAX_PICTURE_RUNS instead of listing them all (over 800 MB)
_BAND_PIXELS = 100_000
MIN_RULE_LENGTH = 12.0      # points: a shorter bar is a glyph's stroke or a mark, no table's line
PLAIN_SHARE = 0.9           # of a picture's dark pixels in its bars: less is a picture of more than lines
_DARK = 128                 # grey level below which a pixel is ink
_JOIN = 2                   # pixels: runs of adjacent rows whose ends lie this close are one bar (a line's edge)
_SIDE_INK = 0.5             # of a bar's length inked just beside it: more is a slice of a filled shape
_CSS_URL = re.compile(r"url\(\s*([\"']?)(data:[^\"')]*)\1\s*\)", re.I)


@dataclass
class PicturePixels:
    """The pixels of one document's pictures read so far, against ``MAX_DOCUMENT_PICTURE_PIXELS``."""

    count: int = 0

    def take(self, pixels: int) -> bool:
        """Whether ``pixels`` more may be read (and counts them)."""
        if pixels > MAX_PICTURE_PIXELS or self.count + pixels > MAX_DOCUMENT_PICTURE_PIXELS:
            return False
        self.count += pixels
        return True


def background_source(element: etree._Element, background: str | None) -> str:
    """The embedded picture an element draws: an ``<img>``'s ``src``, else its CSS ``background-image``."""
    if element.tag == "img":
        return (element.get("src") or "").strip()
    m = _CSS_URL.search(background or "")
    return m.group(2).strip() if m else ""


def picture_rules(src: str, width: float, height: float, budget: PicturePixels) -> list[Rule]:
    """The rules an embedded picture draws when it is stretched to ``width`` × ``height`` points, from its top
    left corner; none for a picture not embedded, over the bounds, unreadable or of more than plain lines."""
    data = data_uri(src)
    if not data or len(data) > MAX_PICTURE_BYTES or width <= 0 or height <= 0:
        return []
    if media_type(src) == "image/svg+xml":
        return _svg_picture_rules(data, width, height)
    return _raster_rules(data, width, height, budget)


def _svg_picture_rules(data: bytes, width: float, height: float) -> list[Rule]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        svg = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return []
    if svg is None or etree.QName(svg).localname != "svg":
        return []
    try:
        check_shapes(svg)
    except LimitExceeded:
        return []
    return svg_rules(svg, 1.0, (width, height))


def _raster_rules(data: bytes, width: float, height: float, budget: PicturePixels) -> list[Rule]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            columns, rows = image.size
            if max(columns / width, rows / height) > MAX_PICTURE_DENSITY or not budget.take(columns * rows):
                return []
            grey = np.asarray(image.convert("LA"))
    except (OSError, ValueError, Image.DecompressionBombError):
        return []
    ink = (grey[..., 0] < _DARK) & (grey[..., 1] >= _DARK)
    if not ink.any():
        return []
    sx, sy = width / columns, height / rows
    across = _bars(ink, MIN_RULE_LENGTH / sx)
    down = _bars(np.ascontiguousarray(ink.T), MIN_RULE_LENGTH / sy)
    if across is None or down is None:
        return []
    covered = np.zeros_like(ink)
    rules = []
    for first, last, start, end in _edged(across, ink, THIN / sy):
        covered[first:last, start:end] = True
        if rule := thin_rule(start * sx, first * sy, end * sx, last * sy):
            rules.append(rule)
    for first, last, start, end in _edged(down, ink.T, THIN / sx):
        covered[start:end, first:last] = True
        if rule := thin_rule(first * sx, start * sy, last * sx, end * sy):
            rules.append(rule)
    inked = int(ink.sum())
    if inked and int((ink & covered).sum()) < PLAIN_SHARE * inked:
        return []   # more than lines: what the picture shows is not known
    return rules


def _edged(bars: list[tuple[int, int, int, int]], ink: np.ndarray, thin: float) -> list[tuple[int, int, int, int]]:
    """The bars that are lines: paper along both their sides where they run (ink there that is no bar itself, a
    line crossing aside, is a filled shape's: a seal's, a photo's), and not stacked with the bars beside them
    thicker than ``thin`` pixels (the rows of a filled disc)."""
    mask = np.zeros_like(ink)
    for first, last, start, end in bars:
        mask[first:last, start:end] = True
    stray = ink & ~mask
    kept = []
    for first, last, start, end in bars:
        sides = [row for row in (first - 1, last) if 0 <= row < ink.shape[0]]
        if any(stray[row, start:end].mean() > _SIDE_INK for row in sides):
            continue
        top, bottom = first, last
        while top > 0 and last - top <= thin and mask[top - 1, start:end].mean() > _SIDE_INK:
            top -= 1
        while bottom < ink.shape[0] and bottom - first <= thin and mask[bottom, start:end].mean() > _SIDE_INK:
            bottom += 1
        if bottom - top <= thin:
            kept.append((first, last, start, end))
    return kept


def _runs(ink: np.ndarray, min_length: int) -> list[tuple[int, int, int]] | None:
    """``ink_runs`` band by band of ``_BAND_PIXELS``; None past ``MAX_PICTURE_RUNS`` runs."""
    band = max(1, _BAND_PIXELS // max(ink.shape[1], 1))
    runs: list[tuple[int, int, int]] = []
    for top in range(0, ink.shape[0], band):
        runs += [(top + row, start, end) for row, start, end in ink_runs(ink[top:top + band], min_length)]
        if len(runs) > MAX_PICTURE_RUNS:
            return None
    return runs


def _bars(ink: np.ndarray, min_length: float) -> list[tuple[int, int, int, int]] | None:
    """The bars of ink along each row (first row, row past the last, start, end): runs of at least ``min_length``
    pixels whose ends in adjacent rows are ``_JOIN`` pixels apart at most; None past ``MAX_PICTURE_RUNS`` runs."""
    runs = _runs(ink, math.ceil(min_length))
    if runs is None:
        return None
    done: list[list[int]] = []
    live: dict[int, list[int]] = {}    # by where its run begins: bars reaching the row before this one
    grown: dict[int, list[int]] = {}   # bars reaching this row
    now = -2
    for row, start, end in runs:
        if row != now:
            done += live.values()      # not continued in the row before
            if row != now + 1:
                done += grown.values()
                grown = {}
            live, grown, now = grown, {}, row
        key = next((k for k in range(start - _JOIN, start + _JOIN + 1)
                    if k in live and abs(live[k][3] - end) <= _JOIN), None)
        bar = live.pop(key) if key is not None else [row, row, start, end]
        bar[1], bar[2], bar[3] = row + 1, min(bar[2], start), max(bar[3], end)
        grown[start] = bar
    done += live.values()
    done += grown.values()
    return [(first, last, start, end) for first, last, start, end in done]

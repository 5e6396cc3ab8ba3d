"""A long screenshot (a whole report saved as one tall image) cut into page-high slices for OCR.

Deskewing, the lattice of rules and Tesseract's layout analysis all expect a page; an image many pages tall
reads badly (a 1240×9000 screenshot gave 0–40 % of its cells). Each slice is about an A4 page high (the
image's width × √2). The cut is made in the slice's last third, on the pixel row that the fewest edges of ink
cross: a blank band between lines, or a table's row rule, never through a line of text. The slices overlap
by a few pixels there, so a rule on the cut borders both parts of its table.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from gxparse import limits

_PAGE_RATIO = 297 / 210   # A4 height / width
_TALL = 1.5               # pages: an image no taller than this is read whole
_SEARCH = 1 / 3           # of a page, above the page's end, searched for the cut
_OVERLAP = 0.02           # inches each slice takes beyond the cut (a rule is 1–3 px at 150–200 dpi)
_INK = 128                # grey level below which a pixel is ink


def _edges(gray: np.ndarray) -> np.ndarray:
    """Per pixel row, how many times ink starts or ends along it: many in a line of text, a few where only
    a table's column rules cross, none in a blank band."""
    dark = gray < _INK
    return np.count_nonzero(dark[:, 1:] != dark[:, :-1], axis=1)


def _cuts(edges: np.ndarray, page: int) -> list[int]:
    cuts = [0]
    height = len(edges)
    while height - cuts[-1] > _TALL * page:
        start = cuts[-1] + round(page * (1 - _SEARCH))
        end = cuts[-1] + page
        cuts.append(end - 1 - int(np.argmin(edges[start:end][::-1])))   # the lowest of the emptiest rows
    return [*cuts, height]


def page_slices(image: Image.Image, dpi: float) -> list[Image.Image]:
    """The grey image ``image`` as page-high slices, top to bottom (the image itself when it is no taller
    than one and a half pages)."""
    page = round(image.width * _PAGE_RATIO)
    if image.height <= _TALL * page:
        return [image]
    cuts = _cuts(_edges(np.asarray(image)), page)
    limits.check_frames(len(cuts) - 1)
    overlap = max(1, round(_OVERLAP * dpi))
    return [image.crop((0, max(0, top - overlap), image.width, min(image.height, bottom + overlap)))
            for top, bottom in zip(cuts, cuts[1:])]

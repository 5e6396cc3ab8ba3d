"""A long screenshot is cut into page-high slices at blank bands or rules, never through a line of text."""

import numpy as np
from PIL import Image, ImageDraw

from gxparse.ocr.slices import page_slices

WIDTH = 600
PAGE = round(WIDTH * 297 / 210)


def _screenshot(height: int, line_pitch: int = 40) -> tuple[Image.Image, list[tuple[int, int]]]:
    """Lines of 'text' (short dark bars) every ``line_pitch`` pixels, each 20 px tall."""
    image = Image.new("L", (WIDTH, height), 255)
    draw = ImageDraw.Draw(image)
    lines = []
    for top in range(10, height - 30, line_pitch):
        for x in range(20, WIDTH - 40, 12):
            draw.rectangle((x, top, x + 6, top + 20), fill=0)
        lines.append((top, top + 20))
    return image, lines


def test_an_image_up_to_one_and_a_half_pages_is_read_whole():
    image, _ = _screenshot(int(1.5 * PAGE))
    assert page_slices(image, 150) == [image]


def test_a_tall_image_is_cut_between_lines_into_page_high_overlapping_slices():
    image, lines = _screenshot(9000)
    slices = page_slices(image, 150)
    assert all(s.width == WIDTH and 2 * PAGE / 3 < s.height <= PAGE + 6 for s in slices[:-1])
    assert slices[-1].height <= 1.5 * PAGE + 3 and len(slices) == 11
    top = 0
    for part in slices[:-1]:
        cut = top + part.height - 3   # the slice runs 3 px (0.02 in at 150 dpi) past its cut
        assert not any(a <= cut <= b for a, b in lines), cut   # never through a line
        top = cut - 3
    stacked = np.vstack([np.asarray(s) for s in slices])
    assert (stacked < 128).sum() >= (np.asarray(image) < 128).sum()   # nothing lost

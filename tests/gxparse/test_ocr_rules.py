"""Ruling lines of a scan: a table's lattice is found and painted out, whatever its grey; the strokes of
characters (a large title's, the prose's at 16 pt) are not rules and keep their ink."""

import numpy as np
from PIL import Image, ImageDraw

from gxparse.ocr.rules import find_rules

DPI = 150


def _page() -> ImageDraw.ImageDraw:
    return Image.new("L", (1200, 700), 255)


def _grid(draw: ImageDraw.ImageDraw, top: int, fill: int, width: int = 1) -> None:
    """A table of four rows and five columns, ruled in ``fill``."""
    for y in range(top, top + 4 * 40 + 1, 40):
        draw.line((100, y, 1100, y), fill=fill, width=width)
    for x in range(100, 1101, 250):
        draw.line((x, top, x, top + 160), fill=fill, width=width)


def test_the_strokes_of_characters_are_not_rules_but_the_table_lattice_is():
    image = _page()
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 40, 203, 80), fill=0)    # the 丨 of a 22 pt title: 0.27 in, a short rule's length
    draw.rectangle((150, 58, 230, 61), fill=0)    # its 一, 0.53 in
    draw.rectangle((400, 40, 410, 150), fill=0)   # a bold 40 pt title's stroke, 11 px thick
    draw.rectangle((300, 200, 302, 233), fill=0)  # the 丨 of 16 pt prose: 0.22 in
    _grid(draw, 400, 0)
    rules, cleaned = find_rules(np.asarray(image), DPI)
    assert {r.horizontal for r in rules} == {True, False}
    assert all(395 <= (r.pos if r.horizontal else r.start) <= 561 for r in rules)   # the table's alone
    assert (cleaned[40:81, 200:204] == 0).all() and (cleaned[58:62, 150:231] == 0).all()
    assert (cleaned[40:151, 400:411] == 0).all() and (cleaned[200:234, 300:303] == 0).all()
    assert (cleaned[440, 100:1100] == 255).all() and (cleaned[401:440, 350] == 255).all()


def test_a_light_grey_grid_is_found_and_painted_out():
    """A grey (#A6A6A6) half-point grid at 150 dpi prints 241 and 209 over two pixel rows."""
    image = _page()
    draw = ImageDraw.Draw(image)
    _grid(draw, 200, 209)
    gray = np.asarray(image).copy()
    gray[[240, 280, 320], 100:1101] = 209
    gray[[241, 281, 321], 100:1101] = 241
    rules, cleaned = find_rules(gray, DPI)
    assert len({round(r.pos) for r in rules if r.horizontal}) >= 5
    assert len({round(r.pos) for r in rules if not r.horizontal}) >= 5
    assert cleaned[200:361, 100:1101].min() >= 241 - 12


def test_a_rule_bordering_a_shaded_row_is_a_rule_and_the_shading_is_not():
    image = _page()
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 200, 1100, 240), fill=215)   # a shaded header row
    _grid(draw, 200, 0)
    rules, cleaned = find_rules(np.asarray(image), DPI)
    rows = {round(r.pos) for r in rules if r.horizontal}
    assert {200, 240, 280} <= {y + d for y in rows for d in (0, 1)}
    assert not any(205 <= y <= 235 for y in rows)
    assert (cleaned[205:236, 150:340] == 215).all()   # the shading stays

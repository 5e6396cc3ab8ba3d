"""The ruling lines a page's background picture draws (``gxparse.readers.picturerules``): pdf2htmlEX's page
``<img class="bi">`` embedding the PDF's drawing as an SVG or a PNG (tests/fixtures/htmlpos/pdf2htmlex-svg and
pdf2htmlex-png, the lines of the same prints as the ``preview`` pages draw them)."""

from __future__ import annotations

import base64
import io
import re
import tracemalloc
from functools import lru_cache

import numpy as np
import pytest
from lxml import html
from PIL import Image, ImageDraw

from gxparse.layout.pages import Page, Rule
from gxparse.readers import picturerules, svgrules
from gxparse.readers.picturerules import PicturePixels, picture_rules
from gxparse.readers.positioned import positioned_pages
from tests.gxparse.test_positioned import HTMLPOS, wrong_cells

PRINT = "zhoukou_office_2021.libreoffice"
_EMBEDDED_FONT = re.compile(r"(font-family:ff(\d+);src:)url\(data:[^)]*\)")
_SOURCE = re.compile(r'<img class="bi[^"]*" alt="" src="(data:image/[^"]+)"')


@lru_cache(maxsize=None)
def pages(family: str) -> tuple[Page, ...]:
    root = html.fromstring((HTMLPOS / family / f"{PRINT}.html").read_bytes())
    return tuple(positioned_pages(root))


def _near(rule: Rule, others: list[Rule], scale: float) -> bool:
    """Whether ``rule`` (on a page ``scale`` times the others' size) is drawn by one of ``others`` (within 1 pt)."""
    return any(o.horizontal == rule.horizontal and abs(o.pos - rule.pos / scale) <= 1.0
               and o.start - 1.0 <= rule.start / scale and rule.end / scale <= o.end + 1.0 for o in others)


def _pictures(family: str) -> list[str]:
    text = (HTMLPOS / family / f"{PRINT}.html").read_text(encoding="utf-8")
    return _SOURCE.findall(text)


def _along(rule: Rule, others: list[Rule], scale: float) -> bool:
    """Whether ``rule`` lies along one of ``others`` (within 1 pt, over part of its length)."""
    return any(o.horizontal == rule.horizontal and abs(o.pos - rule.pos / scale) <= 1.0
               and o.start < rule.end / scale and rule.start / scale < o.end for o in others)


@pytest.mark.parametrize("family", ["pdf2htmlex-svg", "pdf2htmlex-png"])
def test_a_pdf2htmlex_pages_background_picture_draws_its_tables_rules(family):
    """The table's rules of 周口市政府办公室's LibreOffice print as its background picture draws them are the
    PDF's lines (the preview page's), on a page 1.5/(4/3) times as large (pdf2htmlEX's zoom over the preview's)."""
    printed = pages("preview")[1]
    scale = 1.5 / (4 / 3)
    drawn = picture_rules(_pictures(family)[1], printed.width * scale, printed.height * scale, PicturePixels())
    assert drawn and all(_along(r, printed.rules, scale) for r in drawn)
    # every line of the PDF is drawn (a PNG joins the segments that meet into one rule)
    shrunk = [Rule(r.horizontal, r.pos / scale, r.start / scale, r.end / scale) for r in drawn]
    assert all(_near(p, shrunk, 1.0) for p in printed.rules)


@pytest.mark.parametrize("rendering", ["pdf2htmlex-svg/zhoukou_office_2021.libreoffice",
                                       "pdf2htmlex-svg/002_huaian_hongze_2023.published"])
def test_a_pdf2htmlex_page_is_laid_on_its_pictures_rules_where_its_runs_prove_their_columns(rendering):
    """A line of pdf2htmlEX over a ruled row gives the gaps between its cells, not its characters' widths: each
    run is in the column every digit width a font may give puts it in (its background unread, or its runs not
    placed, the page had no rules)."""
    family, name = rendering.split("/")
    root = html.fromstring((HTMLPOS / family / f"{name}.html").read_bytes())
    assert any(page.rules for page in positioned_pages(root))
    assert not wrong_cells(rendering)


def test_a_page_whose_lines_cannot_be_laid_on_its_pictures_rules_is_read_without_them():
    """kaifeng's reportlab print as pdf2htmlEX shows it with its fonts in files of their own (``f1.woff``, not in
    the page): two digit widths put a row's figures in different columns, so the page is read as without its
    pictures (unruled, by its lines' places), not as it flows."""
    text = (HTMLPOS / "pdf2htmlex-svg" / "kaifeng_2021.reportlab.html").read_text(encoding="utf-8")
    unembedded, count = _EMBEDDED_FONT.subn(r"\1url(f\2.woff)", text)
    assert count > 1
    read = positioned_pages(html.fromstring(unembedded.encode()))
    assert read is not None and not any(page.rules for page in read)
    assert not wrong_cells("pdf2htmlex-svg/kaifeng_2021.reportlab")


def _frozen_png() -> bytes:
    return base64.b64decode(_pictures("pdf2htmlex-png")[1].split(",", 1)[1])


def _uri(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def test_a_png_of_more_than_lines_draws_no_rules():
    """A seal stamped on the page (a dark disc): what the picture shows is not known, its bars are no rules."""
    data = _frozen_png()
    assert picture_rules(_uri(data), 669.0, 946.0, PicturePixels())
    with Image.open(io.BytesIO(data)) as image:
        stamped = image.convert("RGB")
    ImageDraw.Draw(stamped).ellipse((300, 300, 600, 600), fill=(180, 0, 0))
    out = io.BytesIO()
    stamped.save(out, "PNG")
    assert picture_rules(_uri(out.getvalue()), 669.0, 946.0, PicturePixels()) == []


def test_pictures_over_their_byte_and_pixel_bounds_draw_no_rules(monkeypatch):
    data = _frozen_png()
    with Image.open(io.BytesIO(data)) as image:
        pixels = image.width * image.height
    monkeypatch.setattr(picturerules, "MAX_PICTURE_BYTES", len(data) - 1)
    assert picture_rules(_uri(data), 669.0, 946.0, PicturePixels()) == []
    monkeypatch.setattr(picturerules, "MAX_PICTURE_BYTES", len(data))
    monkeypatch.setattr(picturerules, "MAX_PICTURE_PIXELS", pixels - 1)
    assert picture_rules(_uri(data), 669.0, 946.0, PicturePixels()) == []
    monkeypatch.setattr(picturerules, "MAX_PICTURE_PIXELS", pixels)
    monkeypatch.setattr(picturerules, "MAX_DOCUMENT_PICTURE_PIXELS", 3 * pixels // 2)
    budget = PicturePixels()
    assert picture_rules(_uri(data), 669.0, 946.0, budget)
    assert picture_rules(_uri(data), 669.0, 946.0, budget) == []   # the document's pictures are over it


def test_a_png_of_too_many_runs_draws_no_rules(monkeypatch):
    monkeypatch.setattr(picturerules, "MAX_PICTURE_RUNS", 10)
    assert picture_rules(_uri(_frozen_png()), 669.0, 946.0, PicturePixels()) == []


def test_a_picture_finer_than_its_density_bound_draws_no_rules():
    """A picture of more pixels a point than any converter draws (a 1 × 16,000,000 px picture drawn a page high
    took 0.8 s to decode): not read, at no cost of decoding."""
    data = _frozen_png()
    with Image.open(io.BytesIO(data)) as image:
        columns, rows = image.size
    finest = picturerules.MAX_PICTURE_DENSITY
    assert picture_rules(_uri(data), columns / finest, rows / finest, PicturePixels())
    budget = PicturePixels()
    assert picture_rules(_uri(data), columns / finest / 1.1, rows / finest, budget) == []
    assert budget.count == 0


def test_a_pictures_runs_are_counted_band_by_band():
    """A checkerboard of 1,000 × 1,000 px: its 500,000 one-pixel runs are never all listed at once (26 MB)."""
    board = np.full((1000, 1000), 255, np.uint8)
    board[::2, ::2] = board[1::2, 1::2] = 0
    out = io.BytesIO()
    Image.fromarray(board).save(out, "PNG")
    tracemalloc.start()
    try:
        assert picture_rules(_uri(out.getvalue()), 100.0, 100.0, PicturePixels()) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12_000_000


def test_an_svg_picture_is_stretched_to_its_box_and_read_within_the_shape_bounds(monkeypatch):
    svg = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt" '
           b'viewBox="0 0 100 50"><g><path style="fill:none;stroke:rgb(0%,0%,0%)" d="M 10 10 L 90 10 " '
           b'transform="matrix(1,0,0,-1,0,50)"/></g></svg>')
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    assert [(r.horizontal, r.pos, r.start, r.end) for r in picture_rules(uri, 200.0, 100.0, PicturePixels())] == \
        [(True, 80.0, 20.0, 180.0)]
    monkeypatch.setattr(svgrules, "MAX_SVG_SHAPES", 0)
    assert picture_rules(uri, 200.0, 100.0, PicturePixels()) == []


def test_an_svg_picture_with_entities_or_broken_is_no_rules():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>')
    for data in (bomb, b"<svg", b"\x89PNG broken"):
        for kind in ("svg+xml", "png"):
            uri = f"data:image/{kind};base64," + base64.b64encode(data).decode()
            assert picture_rules(uri, 100.0, 100.0, PicturePixels()) == []


def test_a_pages_css_background_picture_draws_its_rules():
    """The same SVG as the page ``<div>``'s CSS ``background-image`` (no ``<img>``) draws the same rules."""
    text = (HTMLPOS / "pdf2htmlex-svg" / f"{PRINT}.html").read_text(encoding="utf-8")
    moved = re.sub(r'(<div id="pf[0-9a-f]+" class="pf [^"]*")([^>]*><div[^>]*>)<img class="bi[^"]*" alt="" '
                   r'src="(data:image/[^"]+)"/>',
                   lambda m: f"{m[1]} style=\"background-image:url('{m[3]}')\"{m[2]}", text)
    assert "<img" not in moved
    as_img, as_css = (positioned_pages(html.fromstring(page)) for page in (text, moved))
    def drawn(page: Page) -> list[tuple[bool, float, float, float]]:
        return sorted((r.horizontal, r.pos, r.start, r.end) for r in page.rules)

    assert drawn(as_css[1]) and drawn(as_css[1]) == drawn(as_img[1])

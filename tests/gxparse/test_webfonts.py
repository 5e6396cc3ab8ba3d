"""The advance widths of a page's embedded fonts (``gxparse.readers.webfonts``): pdf2htmlEX's ``@font-face`` WOFFs
(tests/fixtures/htmlpos/pdf2htmlex*, each PDF font embedded with the PDF's widths), by which a line's runs are
placed in their ruled columns (``readers/positioned.py``)."""

from __future__ import annotations

import base64
import io
import re
import struct

import pytest
from lxml import html

from fontTools.ttLib import TTFont

from gxparse import parse_document
from gxparse.readers import webfonts
from gxparse.readers.positioned import positioned_pages
from gxparse.readers.webfonts import embedded_fonts, font_widths
from tests.gxparse.extracted import document_truth, table_cells
from tests.gxparse.hostile.attacks import embedded_woffs, format_12_cmap, with_cmap, woff_bomb
from tests.gxparse.test_positioned import HTMLPOS, wrong_cells

PRINT = "kaifeng_2021.reportlab"
_FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
_WOFF = re.compile(r"font-woff;base64,([^)]+)\)")


def _page(family: str) -> str:
    return (HTMLPOS / family / f"{PRINT}.html").read_text(encoding="utf-8")


def _wrong_cells(text: str) -> dict:
    """The cells of kaifeng's truth the page ``text`` reads otherwise."""
    got = table_cells(parse_document(text.encode(), f"{PRINT}.html").to_dict())
    return {cell: got.get(cell) for cell, value in table_cells(document_truth("kaifeng_2021")).items()
            if got.get(cell) != value}


def _ruled(text: str) -> bool | None:
    """Whether the page is read on its pictures' rules (None: not read by position)."""
    pages = positioned_pages(html.fromstring(text.encode()))
    return None if pages is None else any(page.rules for page in pages)


@pytest.mark.parametrize("family", ["pdf2htmlex-svg", "pdf2htmlex-png"])
def test_a_pdf2htmlex_line_is_laid_on_its_pictures_rules_by_its_fonts_widths(family):
    """kaifeng's reportlab print: two digit widths a font may give put a row's figures in different columns; the
    widths of the fonts the page embeds put them in one (read without them, the page had no rules)."""
    assert _ruled(_page(family)) is True
    assert not wrong_cells(f"{family}/{PRINT}")


def test_the_fonts_give_the_pdfs_widths():
    fonts = embedded_fonts(html.fromstring(_page("pdf2htmlex").encode()))
    assert len(fonts) == len(embedded_woffs()) > 1
    digits = {round(font.advance("5"), 3) for font in fonts.values() if font.advance("5") is not None}
    assert digits == {0.6, 0.636}    # WenQuanYi Zen Hei's and DejaVu Sans's, as reportlab's print sets them
    assert all(font.advance("年") in (None, 1.0) for font in fonts.values())


def _narrowed(match: re.Match[str]) -> str:
    """A ``data:`` URI's font with each character 0.05 em narrower."""
    font = TTFont(io.BytesIO(base64.b64decode(match.group(1))))
    units, metrics = font["head"].unitsPerEm, font["hmtx"].metrics
    for name in set(font.getBestCmap().values()):
        metrics[name] = (metrics[name][0] - units // 20, metrics[name][1])
    out = io.BytesIO()
    font.save(out)
    return f"font-woff;base64,{base64.b64encode(out.getvalue()).decode()})"


def test_a_letter_spacing_is_added_after_each_character():
    """The fonts 0.05 em narrower and a letter spacing of 0.05 em put the characters where they were: the page
    is laid on its pictures' rules, its cells right (without the spacing, the runs would begin early)."""
    spaced = _WOFF.sub(_narrowed, _page("pdf2htmlex-svg")).replace(".ls0{letter-spacing:0px;}",
                                                                     ".ls0{letter-spacing:0.05em;}")
    assert _ruled(spaced) is True
    assert not _wrong_cells(spaced)


def test_a_spacing_in_a_form_not_read_leaves_the_widths_unknown():
    """The page is read as without its pictures' rules (by its lines' places), not on widths it cannot know."""
    spaced = _page("pdf2htmlex-svg").replace(".ls0{letter-spacing:0px;}", ".ls0{letter-spacing:calc(1px + 1px);}")
    assert spaced != _page("pdf2htmlex-svg") and _ruled(spaced) is False


def test_fonts_over_their_bounds_or_broken_give_no_widths(monkeypatch):
    data = max(embedded_woffs(), key=len)
    assert font_widths(data) is not None
    monkeypatch.setattr(webfonts, "MAX_FONT_BYTES", len(data) - 1)
    assert font_widths(data) is None
    monkeypatch.setattr(webfonts, "MAX_FONT_BYTES", 4_000_000)
    glyphs = len(font_widths(data).advances)
    monkeypatch.setattr(webfonts, "MAX_FONT_GLYPHS", glyphs - 1)
    assert font_widths(data) is None
    monkeypatch.setattr(webfonts, "MAX_FONT_GLYPHS", 40_000)
    assert font_widths(data[:100]) is None
    assert font_widths(b"wOF2" + data[4:]) is None


def test_a_woff_table_inflating_past_its_length_gives_no_widths():
    """A table whose packed bytes inflate to more than its stated length (a zip bomb) is not inflated past it; one
    stated longer than ``MAX_FONT_BYTES`` is not inflated at all."""
    assert font_widths(woff_bomb(1_000_000, 1024)) is None
    assert font_widths(woff_bomb(1_000_000, webfonts.MAX_FONT_BYTES + 1)) is None


def test_a_page_reads_at_most_max_fonts(monkeypatch):
    root = html.fromstring(_page("pdf2htmlex").encode())
    monkeypatch.setattr(webfonts, "MAX_FONTS", 1)
    assert len(embedded_fonts(root)) == 1


def test_a_character_map_naming_more_than_max_font_codes_gives_no_widths():
    """A group of a million code points is 12 bytes: the maps are counted before fontTools lists them."""
    data = max(embedded_woffs(), key=len)
    assert font_widths(with_cmap(data, format_12_cmap((0x30, 0x39)))).advance("5") is not None
    assert font_widths(with_cmap(data, format_12_cmap(*[(0, 99_999)] * 3))) is None
    many = struct.pack(">HH", 0, 33) + struct.pack(">HHL", 3, 10, 268) * 33
    assert font_widths(with_cmap(data, many + format_12_cmap((0x30, 0x39))[12:])) is None

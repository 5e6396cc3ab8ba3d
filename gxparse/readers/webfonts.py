"""The advance widths of the fonts a page embeds (``@font-face`` with a ``data:`` URI): pdf2htmlEX writes each PDF
font as a WOFF whose glyphs advance as the PDF's do, so a line's characters are as wide as that font says, not a
guess (``readers/positioned.py`` places the runs of a line by them).

Read: WOFF 1.0, TrueType and OpenType fonts in ``data:`` URIs (a font in a file of its own, ``f1.woff``, is not in
the page; WOFF2 needs a Brotli decoder gxparse does not carry): their characters' advances from ``cmap`` and
``hmtx`` in ems. A font that cannot be read, or is over the bounds, gives no widths (its characters' widths stay
unknown). Bounded: ``MAX_FONTS`` fonts a page, ``MAX_FONT_BYTES`` a font's bytes (WOFF: as it unpacks),
``MAX_FONT_GLYPHS`` its glyphs, ``MAX_FONT_CODES`` the code points its character maps name (counted from their
bytes before fontTools lists them) and ``MAX_CMAP_SUBTABLES`` its maps.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import dataclass

from lxml import etree

from gxparse.readers.datauris import data_uri
from gxparse.readers.stylesheet import declarations

MAX_FONTS = 1_000            # @font-face rules read a page: pdf2htmlEX writes one per PDF font, a few dozen
MAX_FONT_BYTES = 4_000_000   # one font's bytes (unpacked): pdf2htmlEX's subsets are a few 10 kB, a whole CJK font 20 MB
MAX_FONT_GLYPHS = 40_000     # one font's glyphs: a subset holds the characters used; a whole CJK font ~30,000
# code points a font's character maps name in all (a map's group of a million code points is 12 bytes: fontTools
# lists each): a whole CJK font's maps name ~2 × 40,000
MAX_FONT_CODES = 200_000
MAX_CMAP_SUBTABLES = 32      # character maps a font holds: fonts carry 1 to 5 (platforms and encodings)
_FONT_FACE = re.compile(r"@font-face\s*\{([^{}]*)\}", re.I)
_URL = re.compile(r"url\(\s*([\"']?)(data:[^\"')]*)\1\s*\)", re.I)
_FONT_MEDIA = ("application", "font")
_WOFF = b"wOFF"
_SFNT = (b"\x00\x01\x00\x00", b"OTTO", b"true")


@dataclass(frozen=True)
class FontWidths:
    """How far each character a font draws advances the pen, in ems."""

    advances: dict[str, float]

    def advance(self, ch: str) -> float | None:
        return self.advances.get(ch)


def embedded_fonts(root: etree._Element) -> dict[str, FontWidths]:
    """The fonts the page's ``<style>`` embeds that can be read, by family name (lowercased, unquoted)."""
    fonts: dict[str, FontWidths] = {}
    count = 0
    for element in root.iter("style"):
        for match in _FONT_FACE.finditer(element.text or ""):
            count += 1
            if count > MAX_FONTS:
                return fonts
            normal, _ = declarations(match.group(1))
            family = family_name(normal.get("font-family") or "")
            if family and family not in fonts and (widths := _font_widths(normal.get("src") or "")):
                fonts[family] = widths
    return fonts


def family_name(value: str) -> str:
    """The first family of a ``font-family`` list, lowercased and unquoted."""
    return value.split(",")[0].strip().strip("\"'").strip().lower()


def _font_widths(src: str) -> FontWidths | None:
    for m in _URL.finditer(src):
        if (data := data_uri(m.group(2), _FONT_MEDIA)) and (widths := font_widths(data)):
            return widths
    return None


def font_widths(data: bytes) -> FontWidths | None:
    """The advances of a WOFF, TrueType or OpenType font's characters; None for another or a broken font, or one
    over ``MAX_FONT_BYTES`` or ``MAX_FONT_GLYPHS``."""
    if len(data) > MAX_FONT_BYTES:
        return None
    from fontTools.ttLib import TTFont, TTLibError
    try:
        data = _unpacked_woff(data) if data[:4] == _WOFF else data
        if data is None or data[:4] not in _SFNT:
            return None
        font = TTFont(io.BytesIO(data), lazy=True)
        if font["maxp"].numGlyphs > MAX_FONT_GLYPHS or _cmap_codes(font.reader["cmap"]) > MAX_FONT_CODES:
            return None
        units = font["head"].unitsPerEm
        cmap = font.getBestCmap() or {}
        metrics = font["hmtx"].metrics
        if not units or len(cmap) > MAX_FONT_GLYPHS:
            return None
        return FontWidths({chr(code): metrics[name][0] / units for code, name in cmap.items() if name in metrics})
    except (TTLibError, KeyError, AssertionError, struct.error, ValueError, TypeError, IndexError, EOFError,
            zlib.error):
        return None


def _cmap_codes(cmap: bytes) -> int:
    """How many code points the character maps of a ``cmap`` table name (past ``MAX_FONT_CODES`` for more maps
    than ``MAX_CMAP_SUBTABLES`` or a map of a form not counted here), read before fontTools lists them."""
    _, count = struct.unpack(">HH", cmap[:4])
    if count > MAX_CMAP_SUBTABLES:
        return MAX_FONT_CODES + 1
    codes = 0
    for offset in sorted({struct.unpack(">HHL", cmap[4 + 8 * n:12 + 8 * n])[2] for n in range(count)}):
        form = struct.unpack(">H", cmap[offset:offset + 2])[0]
        if form == 0:
            codes += 256
        elif form == 4:
            segments = struct.unpack(">H", cmap[offset + 6:offset + 8])[0] // 2
            ends = struct.unpack(f">{segments}H", cmap[offset + 14:offset + 14 + 2 * segments])
            starts = struct.unpack(f">{segments}H", cmap[offset + 16 + 2 * segments:offset + 16 + 4 * segments])
            codes += sum(max(end - start + 1, 0) for start, end in zip(starts, ends))
        elif form == 6:
            codes += struct.unpack(">H", cmap[offset + 8:offset + 10])[0]
        elif form in (12, 13):
            groups = struct.unpack(">L", cmap[offset + 12:offset + 16])[0]
            if groups > MAX_FONT_CODES:
                return MAX_FONT_CODES + 1
            body = cmap[offset + 16:offset + 16 + 12 * groups]
            codes += sum(max(end - start + 1, 0) for start, end, _ in struct.iter_unpack(">LLL", body))
        elif form != 14:   # variation sequences: no character's glyph of its own
            return MAX_FONT_CODES + 1
    return codes


def _unpacked_woff(data: bytes) -> bytes | None:
    """A WOFF's font as TrueType/OpenType bytes, each table inflated no further than ``MAX_FONT_BYTES`` in all
    (a table that inflates past its stated length is a broken font: None)."""
    flavor, _, count = struct.unpack(">4sIH", data[4:14])
    tables = []
    left = MAX_FONT_BYTES
    for n in range(count):
        tag, offset, packed, length, checksum = struct.unpack(">4sIIII", data[44 + 20 * n:64 + 20 * n])
        if length > left:
            return None
        left -= length
        body = data[offset:offset + packed]
        if packed < length:
            inflater = zlib.decompressobj()
            body = inflater.decompress(body, length)
            if inflater.unconsumed_tail:
                return None
        if len(body) != length:
            return None
        tables.append((tag, checksum, body))
    power = 1 << (max(count, 1).bit_length() - 1)
    head = struct.pack(">4sHHHH", flavor, count, power * 16, power.bit_length() - 1, count * 16 - power * 16)
    offset = 12 + 16 * count
    records, bodies = [], []
    for tag, checksum, body in tables:
        records.append(struct.pack(">4sIII", tag, checksum, offset, len(body)))
        padded = body + b"\0" * (-len(body) % 4)
        bodies.append(padded)
        offset += len(padded)
    return head + b"".join(records) + b"".join(bodies)

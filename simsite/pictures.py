"""Report pages whose statistics tables are pictures, as editors paste them when their CMS mangles Word tables.

A small share of a site's HTML reports (``is_pictured``) prints tables 二, 三 and 四 as PNG pictures: each
table is the grid ``simsite.render`` prints (the template's labels, merged cells and figures), drawn with a
CJK font as a ruled grid, black on white, with glyphs of the size OCR reads best. Such pages also carry the
pictures every article page has around its text (the site's logo, a QR code, a share icon), which are no
part of the report.
"""

from __future__ import annotations

import hashlib
import io
import json
import zlib
from dataclasses import dataclass
from functools import cache

import lxml.html
from PIL import Image, ImageDraw, ImageFont, ImageOps

from simsite.documents import Grid, table_grid
from simsite.render import TABLE_SECTIONS, render_table

FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"   # Debian fonts-wqy-zenhei
GLYPH = 22          # px: CJK glyphs of 20–24 px are what Tesseract reads best
LINE = 30           # px between lines of a cell
PAD_X, PAD_Y = 10, 8
RULE = 2            # px
MARGIN = 12         # px of white around the grid
MAX_CELL = 10 * GLYPH + 2 * PAD_X   # a longer label wraps
SPANNING_CELL = 4 * GLYPH + 2 * PAD_X  # a label spanning several rows wraps narrow (三、本年度办理结果)
MAX_SHOWN = 900     # px: the widest a page shows a picture (its width attribute)
SHARE = 15          # one HTML report in SHARE is printed with pictures
RETAKE_BORDER = 6   # px of white a screenshot taken again has more around its grid

DECORATIONS = {     # path → (width, height): what every article page shows around its text
    "/images/logo.png": (320, 60),
    "/images/ewm.png": (120, 120),
    "/images/share_wx.png": (24, 24),
}


@dataclass(frozen=True)
class TablePicture:
    key: str        # the section: s2 | s3 | s4
    png: bytes
    width: int      # px

    @property
    def shown_width(self) -> int:
        return min(self.width, MAX_SHOWN)


def is_pictured(site: str, report_id: str) -> bool:
    """Whether the HTML report ``report_id`` of ``site`` (its family and seed) prints its tables as pictures."""
    return zlib.crc32(f"pictures/{site}/{report_id}".encode()) % SHARE == 0


def picture_name(report_id: str, revision: int, key: str) -> str:
    """The uploaded file's name: a revised report's pictures are new uploads, under new names."""
    return hashlib.sha1(f"{report_id}/{revision}/{key}".encode()).hexdigest()[:20]


def table_pictures(report: dict) -> list[TablePicture]:
    """The report's tables as pictures, in page order (a table the report lacks has none)."""
    return list(_pictures(json.dumps(report, ensure_ascii=False, sort_keys=True)))


@cache
def _pictures(report_json: str) -> tuple[TablePicture, ...]:
    report = json.loads(report_json)
    out = []
    for key in TABLE_SECTIONS:
        html = render_table(report, key)
        if html:
            png, width = draw_grid(table_grid(lxml.html.fragment_fromstring(html)))
            out.append(TablePicture(key, png, width))
    return tuple(out)


def draw_grid(grid: Grid) -> tuple[bytes, int]:
    """A table as a PNG (8-bit grey) and its width: ruled cells, each text centred and wrapped to fit."""
    font = _font()
    widths = _column_widths(grid, font)
    lines = {id(cell): _wrap(cell.text, sum(widths[cell.col:cell.col + cell.colspan]) - 2 * PAD_X, font)
             for cell in grid.cells}
    heights = _row_heights(grid, {k: len(v) for k, v in lines.items()})
    xs, ys = _offsets(widths), _offsets(heights)
    image = Image.new("L", (xs[-1] + 2 * MARGIN, ys[-1] + 2 * MARGIN), 255)
    draw = ImageDraw.Draw(image)
    for cell in grid.cells:
        left, top = MARGIN + xs[cell.col], MARGIN + ys[cell.row]
        right, bottom = MARGIN + xs[cell.col + cell.colspan], MARGIN + ys[cell.row + cell.rowspan]
        draw.rectangle((left, top, right, bottom), outline=0, width=RULE)
        text = lines[id(cell)]
        y = (top + bottom - LINE * len(text)) // 2
        for n, line in enumerate(text):
            x = (left + right - font.getlength(line)) / 2
            draw.text((x, y + n * LINE + (LINE - GLYPH) // 2), line, fill=0, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue(), image.width


@cache
def retaken_png(png: bytes) -> bytes:
    """The same table screenshot taken again: the grid a little further from the picture's edge."""
    image = ImageOps.expand(Image.open(io.BytesIO(png)), border=RETAKE_BORDER, fill=255)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def decoration_png(path: str) -> bytes:
    """The picture at one of the ``DECORATIONS`` paths: a grey block of its size."""
    return _decoration(path)


@cache
def _decoration(path: str) -> bytes:
    image = Image.new("L", DECORATIONS[path], 200)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def header_decoration(site_name: str) -> str:
    """The site's logo above the article."""
    return f'<div class="logo"><img src="/images/logo.png" alt="{site_name}"></div>\n'


def content_decoration() -> str:
    """The share icon editors leave at the end of the article's text."""
    return '<p class="share"><img src="/images/share_wx.png" width="24" height="24" alt="分享到微信"></p>\n'


def footer_decoration() -> str:
    """The QR code under the article."""
    return ('<div class="ewm"><img src="/images/ewm.png" width="120" height="120" alt="">'
            "<p>扫一扫在手机打开当前页</p></div>\n")


@cache
def _font() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_FILE, GLYPH)


def _column_widths(grid: Grid, font: ImageFont.FreeTypeFont) -> list[int]:
    """Each column as wide as its widest one-column cell (within limits), then widened for spanning cells."""
    widths = [2 * GLYPH + 2 * PAD_X] * grid.cols
    for cell in grid.cells:
        if cell.colspan == 1:
            limit = SPANNING_CELL if cell.rowspan > 1 else MAX_CELL
            widths[cell.col] = max(widths[cell.col], min(int(font.getlength(cell.text)) + 2 * PAD_X, limit))
    for cell in (c for c in grid.cells if c.colspan > 1):
        span = widths[cell.col:cell.col + cell.colspan]
        need = min(int(font.getlength(cell.text)) + 2 * PAD_X, MAX_CELL * cell.colspan) - sum(span)
        for n in range(cell.colspan if need > 0 else 0):
            widths[cell.col + n] += -(-need // cell.colspan)
    return widths


def _row_heights(grid: Grid, line_counts: dict[int, int]) -> list[int]:
    """Each row as high as its tallest one-row cell, then heightened for cells spanning rows."""
    heights = [LINE + 2 * PAD_Y] * grid.rows
    for cell in grid.cells:
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], LINE * line_counts[id(cell)] + 2 * PAD_Y)
    for cell in grid.cells:
        need = LINE * line_counts[id(cell)] + 2 * PAD_Y - sum(heights[cell.row:cell.row + cell.rowspan])
        for n in range(cell.rowspan if need > 0 else 0):
            heights[cell.row + n] += -(-need // cell.rowspan)
    return heights


def _offsets(sizes: list[int]) -> list[int]:
    out = [0]
    for size in sizes:
        out.append(out[-1] + size)
    return out


def _wrap(text: str, width: float, font: ImageFont.FreeTypeFont) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (Chinese breaks between any two characters)."""
    lines = [""]
    for char in text:
        if lines[-1] and font.getlength(lines[-1] + char) > width:
            lines.append("")
        lines[-1] += char
    return lines if text else []

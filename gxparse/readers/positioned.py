"""HTML whose text is placed by CSS position: a PDF or Word file shown as a web page by a converter (pdf2htmlEX,
pdfminer's ``pdf2txt.py -t html``, PyMuPDF's ``get_text("html")``, document-preview services, pdf.js text layers).

Such a page is a heap of absolutely positioned elements, a line, a word or a glyph run each; read in DOM order its
tables are a jumble. When most of a page's text stands in such elements, each element's characters are placed
on the page where CSS puts them (``left``/``top`` or ``bottom``, from inline styles and the page's own
``<style>`` class rules, scaled by a ``transform``) and the bordered boxes it draws become ruling lines: the
pages go to the layout path the PDF reader uses (``fixedlayout.paged_document``).

A character's width is not in the markup (the font draws it): where the page embeds the font (pdf2htmlEX's
``@font-face`` WOFFs, ``readers/webfonts.py``) it is the font's advance, else a wide (CJK) character is taken as
one em, any other as half an em, fitted to the element's CSS width where it has one; a gap an element leaves
inside a line (pdf2htmlEX's ``<span class="_ _3">``) moves the pen by its width.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace

from lxml import etree

from gxparse import deadline, limits
from gxparse.document import Document
from gxparse.errors import LimitExceeded
from gxparse.layout.pages import Glyph, Page, Rule
from gxparse.readers.framefinder import FrameBudgetExceeded, FrameFinder
from gxparse.readers.fixedlayout import NARROW_EM, THIN, advance, paged_document, thin_rule
from gxparse.readers.picturerules import PicturePixels, background_source, picture_rules
from gxparse.readers.ruleindex import RuleBudgetExceeded, RuleIndex, RuleTests
from gxparse.readers.svgrules import check_shapes, svg_rules
from gxparse.readers.stylesheet import StyleBudgetExceeded, Style, style_sheet
from gxparse.readers.webfonts import FontWidths, embedded_fonts, family_name

POSITIONED_SHARE = 0.8      # of the page's text in positioned elements: the page is read by position
MIN_POSITIONED = 20         # positioned elements with text: fewer is a page that places a badge or a caption
# positioned elements read (text and drawn boxes): pdfminer writes one per text box and line, a 200-page report
# a few 100,000 at most; each costs about 1 kB while read
MAX_POSITIONED_ELEMENTS = 400_000
MIN_PAGE_SIDE = 150.0       # points: a box of at least this width and height holding text is a page
# points from the canvas's corner a box may stand: MAX_PAGES pages of PDF's largest side (14,400 pt) stacked, as
# pdfminer stacks them; a box further away or at no number (inf, NaN) has no usable place
MAX_OFFSET = limits.MAX_PAGES * 14_400.0
# page-sized boxes drawn on the canvas, each tested against the others for the pages' frames: pdfminer draws a
# page's frame and a few tables and boxes in it; 8,000 took 7.9 s (80,000 fit in the 8 MB a page may be)
MAX_CANVAS_BOXES = 2 * limits.MAX_PAGES
PX = 0.75                   # points per CSS pixel
_LINE_HEIGHT = 1.2          # of the font size, where the element states no height
_MIN_ROW = 0.5             # of the font size: rules closer than this are one rule drawn twice, not a row
_CUT_MARGIN = 1.0           # points past a box's side a cut rounded to 0.1 pt may still fall within it
_ROW_SLACK = 0.1            # of a line: a row a little short of n lines' height still holds n (a glyph's overhang)
_FIT = (0.5, 2.0)           # bounds of the factor that fits characters to an element's CSS width
# the least and the most a digit advances in the fonts reports use, in ems (0.5 in SimSun and Times, 0.556 in
# Arial, 0.636 in DejaVu), tried in _DIGIT_STEPS steps
_DIGIT_EM = (0.45, 0.7)
_DIGIT_STEPS = 50
_OVERRUN = 0.25             # of the font size: text may run over its cell's right rule by this much
_RULE_SLACK = 1.0           # points: a cell's text begins after its left rule, give or take its width
_OTHER_EM = (0.2, 1.0)      # the same for a character neither a digit nor full-width
_SKIP = {"script", "style", "noscript", "head", "title", "template"}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(px|pt)?\s*$")
_PERCENT = re.compile(r"^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*%\s*$")
_EM = re.compile(r"^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*em\s*$")
# newer pdf.js text layers: calc(var(--scale-factor)*10.00px), either way round
_CALC_VAR = re.compile(r"^\s*calc\(\s*(?:var\(\s*(--[\w-]+)\s*\)\s*\*\s*([^()*]+?)"
                       r"|([^()*]+?)\s*\*\s*var\(\s*(--[\w-]+)\s*\))\s*\)\s*$")
_HORIZONTAL = {"left", "right", "width"}
_MATRIX = re.compile(r"matrix\(\s*([-\d.e]+)\s*,\s*([-\d.e]+)\s*,\s*([-\d.e]+)\s*,\s*([-\d.e]+)")
_SCALE = re.compile(r"scale([xy]?)\(\s*([-\d.e]+)\s*(?:,\s*([-\d.e]+))?\s*\)")
_BORDER_WIDTH = re.compile(r"(\d+(?:\.\d+)?)\s*(px|pt)|\b(thin|medium|thick)\b")
_NO_BORDER = re.compile(r"\b(none|hidden)\b|^\s*0\s*$")
_COLOUR = re.compile(r"#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|\b(?:black|gray|grey|silver|darkgray|darkgrey|dimgray"
                     r"|dimgrey|navy|blue|red|maroon|green)\b", re.I)
# white, or fully transparent: paints nothing on a white page
_INVISIBLE = re.compile(r"#f{3}(?:f{3})?\b|\bwhite\b|\btransparent\b|rgba?\(\s*255\s*,\s*255\s*,\s*255\b"
                        r"|rgba\([^)]*,\s*0(?:\.0*)?\s*\)", re.I)
_ORIGIN_WORDS = {"left": 0.0, "top": 0.0, "center": 0.5, "right": 1.0, "bottom": 1.0}


def _length(value: str | None) -> float | None:
    """A CSS length in points; None for another unit (%, em) or none."""
    if value is None or not (m := _LENGTH.match(value)):
        return None
    return float(m.group(1)) * (1.0 if m.group(2) == "pt" else PX)


def _scale(style: Style) -> tuple[float, float]:
    transform = style.get("transform") or style.get("-webkit-transform") or style.get("-ms-transform") or ""
    if m := _MATRIX.search(transform):
        a, b, c, d = map(float, m.groups())
        return (a * a + b * b) ** 0.5 or 1.0, (c * c + d * d) ** 0.5 or 1.0
    sx = sy = 1.0
    for axis, first, second in _SCALE.findall(transform):
        if axis == "x":
            sx = float(first)
        elif axis == "y":
            sy = float(first)
        else:
            sx, sy = float(first), float(second or first)
    return sx or 1.0, sy or 1.0


def _origin_y(style: Style) -> float:
    """Where a scaled element stays put, as a share of its height from its top (CSS's default: its middle)."""
    words = (style.get("transform-origin") or style.get("-webkit-transform-origin") or "").split()
    if len(words) < 2:
        return 0.5
    word = words[1]
    if word in _ORIGIN_WORDS:
        return _ORIGIN_WORDS[word]
    if word.endswith("%"):
        try:
            return float(word[:-1]) / 100
        except ValueError:
            return 0.5
    return 0.0


@dataclass
class _Box:
    """A positioned element where CSS puts it, in points from its page's top left."""

    element: etree._Element
    style: Style
    x: float
    y: float
    width: float | None
    height: float | None
    page: etree._Element | None       # the page-sized ancestor it is placed in, None: the canvas
    sx: float = 1.0
    sy: float = 1.0

    @property
    def right(self) -> float:
        return self.x + (self.width or 0.0) * self.sx

    @property
    def bottom(self) -> float:
        return self.y + (self.height or 0.0) * self.sy

    @property
    def placeable(self) -> bool:
        """Whether its place and scale are numbers within ``MAX_OFFSET`` (a 400-digit offset is infinite)."""
        return all(math.isfinite(v) and abs(v) <= MAX_OFFSET for v in (self.x, self.y, self.right, self.bottom)) \
            and all(math.isfinite(v) and 0 < abs(v) <= MAX_OFFSET for v in (self.sx, self.sy))


class _Placer:
    def __init__(self, root: etree._Element) -> None:
        self.sheet = style_sheet(root)
        self.fonts = embedded_fonts(root)
        self.fonts_of: dict[etree._Element, _Font] = {}
        self.styles: dict[etree._Element, Style] = {}
        self.places: dict[etree._Element, tuple[float, float, etree._Element | None]] = {}

    def style(self, element: etree._Element) -> Style:
        if (style := self.styles.get(element)) is None:
            style = self.styles[element] = self.sheet.style(element)
        return style

    def positioned(self, element: etree._Element) -> bool:
        """Placed by its own offsets: at ``position:absolute``, or with a left and a top or bottom offset and no
        position at all (PyMuPDF's ``<p style="top:…pt;left:…pt">``: offsets only a converter writes)."""
        style = self.style(element)
        position = style.get("position")
        if position is None:
            return "left" in style and ("top" in style or "bottom" in style)
        return position in ("absolute", "fixed")

    def is_page(self, element: etree._Element) -> bool:
        style = self.style(element)
        width, height = _length(style.get("width")), _length(style.get("height"))
        return (width is not None and height is not None and width >= MIN_PAGE_SIDE and height >= MIN_PAGE_SIDE
                and style.get("position") != "absolute")

    def size(self, element: etree._Element) -> tuple[float | None, float | None]:
        style = self.style(element)
        return _length(style.get("width")), _length(style.get("height"))

    def origin(self, element: etree._Element | None) -> tuple[float, float, etree._Element | None]:
        """Where ``element``'s own box begins on its page, and the page (None: the canvas)."""
        if element is None:
            return 0.0, 0.0, None
        if element in self.places:
            return self.places[element]
        if self.is_page(element):
            place: tuple[float, float, etree._Element | None] = (0.0, 0.0, element)
        elif self.positioned(element) or self.style(element).get("position") == "relative":
            box = self.box(element)
            place = (box.x, box.y, box.page)
        else:
            place = self.origin(element.getparent())
        self.places[element] = place
        return place

    def box(self, element: etree._Element) -> _Box:
        style = self.style(element)
        x0, y0, page = self.origin(element.getparent())
        width, height = self.size(element)
        sx, sy = _scale(style)
        left = self.length(element, "left") or 0.0
        top = self.length(element, "top")
        if top is None and (bottom := self.length(element, "bottom")) is not None:
            _, container = self.container_size(element.getparent())
            top = (container or 0.0) - bottom - (height or 0.0)
        top = top or 0.0
        if height is not None and sy != 1.0:   # the scaled box shrinks toward its transform origin
            top += _origin_y(style) * height * (1 - sy)
        return _Box(element, style, x0 + left, y0 + top, width, height, page, sx, sy)

    def container_size(self, element: etree._Element | None) -> tuple[float | None, float | None]:
        while element is not None:
            width, height = self.size(element)
            if height is not None:
                return width, height
            element = element.getparent()
        return None, None

    def font_size(self, element: etree._Element | None) -> float:
        while element is not None:
            if (size := self.length(element, "font-size")) is not None:
                return size
            element = element.getparent()
        return 12.0

    def font(self, element: etree._Element) -> _Font:
        """The embedded font ``element``'s characters are drawn in and the spacings CSS adds after them, its own or
        its nearest ancestor's (each ancestor's worked out once: a deep page costs its depth, not its depth per
        element)."""
        chain = []
        node: etree._Element | None = element
        while node is not None and node not in self.fonts_of:
            chain.append(node)
            node = node.getparent()
        found = self.fonts_of[node] if node is not None else _Font(None)
        for node in reversed(chain):
            style = self.style(node)
            if "font-family" in style:
                found = replace(found, widths=self.fonts.get(family_name(style["font-family"])))
            if "letter-spacing" in style:
                found = replace(found, letter=self.spacing(node, "letter-spacing"))
            if "word-spacing" in style:
                found = replace(found, word=self.spacing(node, "word-spacing"))
            self.fonts_of[node] = found
        return found

    def spacing(self, element: etree._Element, name: str) -> float | None:
        """A letter or word spacing in points (``normal``: none); None in a form not read."""
        return 0.0 if self.style(element)[name].strip() == "normal" else self.length(element, name)

    def length(self, element: etree._Element, name: str) -> float | None:
        """``element``'s CSS length ``name`` in points: px, pt, a share of its container (``%``: of its width for
        ``left``/``width``, else its height), ``em`` (of the font size) or a custom property times a length
        (``calc(var(--scale-factor)*10px)``); None for none or another form."""
        value = self.style(element).get(name)
        if value is None:
            return None
        if m := _CALC_VAR.match(value):
            factor = self.variable(element, m.group(1) or m.group(4))
            inner = _length(m.group(2) or m.group(3))
            return None if factor is None or inner is None else factor * inner
        if (m := _PERCENT.match(value)) and name == "font-size":
            return float(m.group(1)) / 100 * self.font_size(element.getparent())
        if m := _PERCENT.match(value):
            width, height = self.container_size(element.getparent())
            base = width if name in _HORIZONTAL else height
            return None if base is None else float(m.group(1)) / 100 * base
        if m := _EM.match(value):
            return float(m.group(1)) * self.font_size(element.getparent() if name == "font-size" else element)
        return _length(value)

    def variable(self, element: etree._Element | None, name: str) -> float | None:
        """A custom property's number as ``element`` inherits it (the nearest ancestor that sets it)."""
        while element is not None:
            if (value := self.style(element).get(name)) is not None:
                try:
                    return float(value)
                except ValueError:
                    return None
            element = element.getparent()
        return None


def _text_boxes(root: etree._Element, placer: _Placer) -> tuple[list[etree._Element], int, int]:
    """The positioned elements nearest to the page's text, and the text characters in them and in all."""
    owners: dict[etree._Element, None] = {}
    inside = total = 0

    def visit(element: etree._Element, owner: etree._Element | None) -> None:
        nonlocal inside, total
        if not isinstance(element.tag, str) or element.tag in _SKIP:
            return
        owner = element if placer.positioned(element) else owner
        for text, node in ((element.text, element), *((child.tail, child) for child in element)):
            if node is not element:
                visit(node, owner)
            count = len(text.strip()) if text else 0
            total += count
            if count and owner is not None:
                inside += count
                owners[owner] = None
                if len(owners) > MAX_POSITIONED_ELEMENTS:
                    raise LimitExceeded(f"定位元素过多：页面超过 {MAX_POSITIONED_ELEMENTS} 个（上限）")

    body = root.find("body")
    visit(body if body is not None else root, None)
    return list(owners), inside, total


@dataclass(frozen=True)
class _Font:
    """The embedded font an element's characters are drawn in (None: not embedded) and the spacings CSS adds after
    each of them and after each space, in points of the element's own units (None: in a form not read)."""

    widths: FontWidths | None
    letter: float | None = 0.0
    word: float | None = 0.0


@dataclass(frozen=True)
class _Char:
    """A character of a positioned element, ``size`` points tall; ``known``: its width in points as its embedded
    font draws it, None where not known."""

    text: str
    size: float
    known: float | None

    @property
    def advance(self) -> float:
        """Its width: the font's where known, else the one ``fixedlayout.advance`` takes."""
        return self.known if self.known is not None else advance(self.text, self.size)


def _char(ch: str, size: float, font: _Font, scale: float) -> _Char:
    """A character ``size`` points tall, its width known where its font is embedded and its spacings read (they
    are in its element's units: ``scale`` prints them)."""
    em = font.widths.advance(ch) if font.widths is not None else None
    spacing = font.letter if ch != " " or font.letter is None or font.word is None else font.letter + font.word
    return _Char(ch, size, None if em is None or spacing is None else em * size + spacing * scale)


def _glyphs(box: _Box, placer: _Placer, rules: RuleIndex) -> tuple[list[Glyph], bool]:
    """The characters of a positioned element where they are printed: its lines (``<br>``) one under another,
    each in a row of the ruled table the element stands in where it spans as many rows as it has lines (pdfminer
    places a text box, not its lines: a column of figures is one box), else spread evenly over its height; and
    whether they are where they are printed: not when the element spans cells of a ruled table otherwise (its
    lines may be any cells' lines, its characters' widths are guesses)."""
    runs: list[list[_Char | float]] = [[]]   # per line: a character or a gap's width

    def walk(element: etree._Element, nested: bool) -> None:
        if nested and placer.positioned(element):
            return   # placed by itself
        size = placer.font_size(element) * box.sy   # printed height; the width's own scale is in the fit
        font = placer.font(element) if placer.fonts else _Font(None)
        if element.tag == "br":
            runs.append([])
        elif nested and not "".join(element.itertext()).strip():
            style = placer.style(element)
            gap = (_length(style.get("width")) or 0.0) + (_length(style.get("margin-left")) or 0.0)
            runs[-1].append(gap * box.sx)
        runs[-1].extend(_char(ch, size, font, box.sy) for ch in element.text or "")
        for child in element:
            if isinstance(child.tag, str) and child.tag not in _SKIP:
                walk(child, True)
            runs[-1].extend(_char(ch, size, font, box.sy) for ch in child.tail or "")

    walk(box.element, False)
    lines = [line for line in runs if any(isinstance(p, _Char) and p.text.strip() for p in line)]
    if not lines:
        return [], True
    natural = max(sum(p if isinstance(p, float) else p.advance for p in line) for line in lines)
    fit = box.sx / box.sy   # scaleX narrows the characters, not their height
    if box.width is not None and natural > 0:
        fit = min(max(box.width * box.sx / natural, _FIT[0]), _FIT[1])
    sizes = [p.size for line in lines for p in line if isinstance(p, _Char)]
    size = max(sizes)
    height = box.height * box.sy if box.height else size * _LINE_HEIGHT * len(lines)
    step = height / len(lines)
    rows = _ruled_rows(box.x, box.y, box.y + height, size, rules) if len(lines) > 1 else []
    right = box.x + box.width * box.sx if box.width is not None else None
    tops = _tops_in_rows(len(lines), rows, box.y, box.y + height, size) if len(rows) > 1 else None
    in_rows = tops is not None
    placed: list[list[list[Glyph]]] = []
    for n, line in enumerate(lines):
        top = tops[n] if tops is not None else box.y + n * step + max(step - size, 0) / 2
        line_runs = _placed_runs(line, box.x, top, fit)
        if len(lines) == 1 and right is not None and len(line_runs) > 1:
            # a line's box ends where its last run does: that run is placed from the right edge
            line_runs[-1] = _shifted(line_runs[-1], right - line_runs[-1][-1].x1)
        placed.append(line_runs)
    glyphs = [g for line_runs in placed for run in line_runs for g in run]
    right = right if right is not None else max((g.x1 for g in glyphs), default=box.x)
    bottom = box.y + height
    if not _crossed(rules, None, box.x, right, box.y, bottom, NARROW_EM * size):
        return glyphs, True
    # over several cells: placed only where each line is known to be in its row and each run in its column
    if len(lines) > 1 and not in_rows:
        return glyphs, False
    across = _crossed(rules, False, box.x, right, box.y, bottom, NARROW_EM * size)
    glyphs = []
    for line_runs in placed:
        top = line_runs[0][0].y0
        columns = _ruled_columns(top + size / 2, box.x, right, size, rules)
        if len(columns) == len(line_runs) > 1:
            line_runs = [_shifted(run, (a + b - run[0].x0 - run[-1].x1) / 2) for run, (a, b) in zip(line_runs, columns)]
        elif len(lines) == 1 and box.width is None and _starts_left(box.style) and \
                (starts := _runs_in_columns(lines[0], box.x, fit, top + size / 2, size, rules)) is not None:
            line_runs = [_shifted(run, start - run[0].x0) for run, start in zip(line_runs, starts)]
        elif across and not (len(lines) == 1 and len(line_runs) <= 2 and box.width is not None):
            return glyphs, False
        glyphs += [g for run in line_runs for g in run]
    return glyphs, True


def _starts_left(style: Style) -> bool:
    """Whether an element's line begins at its left edge (text aligned to its start)."""
    return (style.get("text-align") or "left").strip() in ("left", "start", "justify")


def _runs_in_columns(line: list[_Char | float], x: float, fit: float, y: float, size: float,
                     rules: RuleIndex) -> list[float] | None:
    """Where each run of a line beginning at ``x`` begins, in the ruled column the page proves it stands in: the
    markup gives the gaps between runs, not the characters' widths, so each digit width a font may give
    (``_DIGIT_EM``, the same for every digit: figures are tabular) is tried, other characters at the least and
    the most they may advance (``_advance_bounds``); the widths at which every run lies inside a column (beginning
    after its left rule, ``_RULE_SLACK``, running over its right one by ``_OVERRUN`` at most) must all put the runs
    in the same columns. A run is placed as the middle one of those widths places it, inside its column. None
    else (no width fits, or two ways do)."""
    far = x + sum(p if isinstance(p, float) else _advance_bounds(p, _DIGIT_EM[1])[1] for p in line) * fit
    columns = _ruled_columns(y, x, far, size, rules)
    overrun = _OVERRUN * size
    ways: dict[tuple[tuple[float, float], ...], list[list[tuple[float, float]]]] = {}
    for step in range(_DIGIT_STEPS + 1):
        extents = _run_extents(line, x, fit, _DIGIT_EM[0] + (_DIGIT_EM[1] - _DIGIT_EM[0]) * step / _DIGIT_STEPS)
        found: list[tuple[float, float]] = []
        for low, high in extents:
            column = next(((a, b) for a, b in columns if a - _RULE_SLACK <= low and high <= b + overrun), None)
            if column is None:
                break
            found.append(column)
        else:
            ways.setdefault(tuple(found), []).append(extents)
    if len(ways) != 1:
        return None
    [(found, fitting)] = ways.items()
    extents = fitting[len(fitting) // 2]
    return [min(max(low, a), max(b - (high - low), a)) for (low, high), (a, b) in zip(extents, found)]


def _run_extents(line: list[_Char | float], x: float, fit: float,
                 digit: float) -> list[tuple[float, float]]:
    """The least ``x`` each run of a line (apart by a space or a gap) may begin at and the most it may end at,
    its digits ``digit`` em wide."""
    low = high = x
    extents: list[list[float]] = []
    in_run = False
    for part in line:
        if isinstance(part, float):
            low, high, in_run = low + part * fit, high + part * fit, False
            continue
        least, most = _advance_bounds(part, digit)
        if not part.text.isspace() and not in_run:
            extents.append([low, high])
        in_run = not part.text.isspace()
        low, high = low + least * fit, high + most * fit
        if in_run:
            extents[-1][1] = high
    return [(a, b) for a, b in extents]


def _advance_bounds(char: _Char, digit: float) -> tuple[float, float]:
    """The least and the most a character may advance: its embedded font's advance where known, else as in the
    fonts reports use: a digit ``digit`` em, a full-width character its em (CJK fonts draw ideographs and
    full-width punctuation a square each; Word and LibreOffice compress no punctuation unless told), any other
    ``_OTHER_EM``."""
    ch, size = char.text, char.size
    if char.known is not None:
        return char.known, char.known
    if "0" <= ch <= "9":
        return digit * size, digit * size
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return size, size
    return _OTHER_EM[0] * size, _OTHER_EM[1] * size


def _tops_in_rows(count: int, rows: list[tuple[float, float]], top: float, bottom: float,
                  size: float) -> list[float] | None:
    """Where each of a box's ``count`` lines (``size`` tall) stands, the box from ``top`` to ``bottom`` over the
    ruled ``rows``: each row holds one line or more, as many as fit in the part of it the box covers (lines do
    not overlap); None unless one way alone shares the lines out (a row of two lines beside a row of one may be
    either way round: no place is a guess). The lines of a row are spaced evenly about its middle."""
    spans = [(max(a, top), min(b, bottom)) for a, b in rows]
    room = [max(int((b - a) / size + _ROW_SLACK), 1) for a, b in spans]
    counts = _only_sharing(count, room)
    if counts is None:
        return None
    tops = []
    for (a, b), n in zip(spans, counts):
        pitch = min(size * _LINE_HEIGHT, (b - a) / n)
        first = (a + b - n * pitch) / 2 + (pitch - size) / 2
        tops += [first + k * pitch for k in range(n)]
    return tops


def _only_sharing(count: int, room: list[int]) -> list[int] | None:
    """The one way to share ``count`` lines out over rows holding 1 to ``room[i]`` each; None for none or more.
    Two ways exist unless every row is full or holds one, or a single row has a choice (the others forced)."""
    if not len(room) <= count <= sum(room):
        return None
    if count == sum(room):
        return list(room)
    if count == len(room):
        return [1] * len(room)
    free = [i for i, r in enumerate(room) if r > 1]
    if len(free) == 1:
        counts = [1] * len(room)
        counts[free[0]] = count - len(room) + 1
        return counts
    return None


def _shifted(run: list[Glyph], dx: float) -> list[Glyph]:
    return [g._replace(x0=g.x0 + dx, x1=g.x1 + dx) for g in run]


def _placed_runs(line: list[_Char | float], x: float, top: float, fit: float) -> list[list[Glyph]]:
    """A line's characters from ``x`` on, as runs apart by a space or a gap."""
    runs: list[list[Glyph]] = [[]]
    for part in line:
        if isinstance(part, float) or part.text.isspace():
            x += (part if isinstance(part, float) else part.advance) * fit
            if runs[-1]:
                runs.append([])
            continue
        width = part.advance * fit
        runs[-1].append(Glyph(part.text, x, top, x + width, top + part.size))
        x += width
    return [run for run in runs if run]


def _crossed(rules: RuleIndex, horizontal: bool | None, x0: float, x1: float, y0: float, y1: float,
             inset: float) -> bool:
    """Whether a rule (of the direction given, None: either) runs through the box's inside, ``inset`` or more
    from its edges: the box spans cells (nearer its edge the rule is a border the text runs over a little)."""
    if horizontal is not False:
        if any(r.start < x1 and r.end > x0 for r in rules.between(True, y0 + inset, y1 - inset)):
            return True
    if horizontal is not True:
        return any(r.start < y1 and r.end > y0 and _between_walls(rules, r, y0, y1)
                   for r in rules.between(False, x0 + inset, x1 - inset))
    return False


def _between_walls(rules: RuleIndex, rule: Rule, y0: float, y1: float) -> bool:
    """Whether a vertical rule has vertical rules on both sides where ``y0`` to ``y1`` runs over it, and so parts
    cells: the outermost is the edge of a table or of a shaded box, and text running over it is in no cell there."""
    top, bottom = max(y0, rule.start), min(y1, rule.end)

    def wall(r: Rule) -> bool:
        return abs(r.pos - rule.pos) > THIN and r.start < bottom and r.end > top
    return all(rules.nearest(False, rule.pos, before, wall) is not None for before in (True, False))


def _ruled_rows(x: float, top: float, bottom: float, size: float, rules: RuleIndex) -> list[tuple[float, float]]:
    """The rows (top, bottom) that the horizontal rules crossing ``x`` cut, of those an element from ``top`` to
    ``bottom`` covers for half a line or more."""
    return _cut(_cuts(rules, True, x, top, bottom), top, bottom, size)


def _ruled_columns(y: float, left: float, right: float, size: float,
                   rules: RuleIndex) -> list[tuple[float, float]]:
    """The columns (left, right) that the vertical rules crossing ``y`` cut, of those a line from ``left`` to
    ``right`` covers for half a character or more."""
    return _cut(_cuts(rules, False, y, left, right), left, right, size)


def _cuts(rules: RuleIndex, horizontal: bool, at: float, low: float, high: float) -> list[float]:
    """Where the rules of a direction crossing ``at`` cut, rounded: those from ``low`` to ``high`` (and a margin
    past the rounding) and the nearest crossing beyond each side, the only ones a part from low to high is cut by."""
    def crossing(r: Rule) -> bool:
        return r.start <= at <= r.end
    near = [r for r in rules.between(horizontal, low - _CUT_MARGIN, high + _CUT_MARGIN) if crossing(r)]
    beyond = [rules.nearest(horizontal, low - _CUT_MARGIN, True, crossing),
              rules.nearest(horizontal, high + _CUT_MARGIN, False, crossing)]
    return sorted({round(r.pos, 1) for r in near + [r for r in beyond if r is not None]})


def _cut(cuts: list[float], low: float, high: float, size: float) -> list[tuple[float, float]]:
    """The parts between ``cuts`` that a span from ``low`` to ``high`` covers for half a ``size`` or more."""
    return [(a, b) for a, b in zip(cuts, cuts[1:])
            if min(b, high) - max(a, low) >= 0.5 * min(size, b - a) and b - a > _MIN_ROW * size]


def _border_rules(box: _Box) -> list[Rule]:
    """The ruling lines a drawn box makes: each side with a border (a line drawn as a box of no height or width
    gives the same rule twice), and the box itself where it is a thin one filled with a colour (converters that
    draw a table's lines as ``<div style="height:1px;background:#000">``)."""
    if box.width is None or box.height is None:
        return []
    x0, y0, x1, y1 = box.x, box.y, box.right, box.bottom
    edges = {"top": (x0, y0, x1, y0), "bottom": (x0, y1, x1, y1), "left": (x0, y0, x0, y1), "right": (x1, y0, x1, y1)}
    rules = [r for side, edge in edges.items() if _border(box.style, side) and (r := thin_rule(*edge))]
    if not rules and _filled(box.style) and (rule := thin_rule(x0, y0, x1, y1)):
        rules.append(rule)
    return rules


def _filled(style: Style) -> bool:
    """Whether a box is painted with a colour that shows on a white page (a picture is no rule: its content is
    not known)."""
    value = style.get("background-color") or style.get("background") or ""
    return bool(_COLOUR.search(value)) and not _INVISIBLE.search(value)


def _drawn_in_svg(box: _Box) -> list[Rule]:
    """The rules an inline ``<svg>`` draws, on its page."""
    if box.element.tag != "svg":
        return []
    return [_offset(r, box.x, box.y) for r in svg_rules(box.element, PX)]


def _drawn_in_picture(box: _Box, budget: PicturePixels) -> list[Rule]:
    """The rules an embedded picture a box shows draws, on its page (pdf2htmlEX's page background ``<img>``)."""
    if box.width is None or box.height is None:
        return []
    source = background_source(box.element, box.style.get("background-image") or box.style.get("background"))
    if not source:
        return []
    found = picture_rules(source, box.right - box.x, box.bottom - box.y, budget)
    return [_offset(r, box.x, box.y) for r in found]


def _border(style: Style, side: str) -> bool:
    for value in (style.get(f"border-{side}"), style.get(f"border-{side}-width"), style.get("border"),
                  style.get("border-width")):
        if value is not None:
            return not _NO_BORDER.search(value) and bool(_BORDER_WIDTH.search(value))
    return False


@dataclass
class _PageFrame:
    key: etree._Element | None        # the page element, None: a frame drawn on the canvas
    x: float
    y: float
    width: float
    height: float
    drawn: _Box | None = None         # the box drawn as the page's frame
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


def _frames(page_elements: list[etree._Element], drawn: list[_Box], placer: _Placer) -> list[_PageFrame]:
    """The pages: the page-sized elements the text is placed in, else the largest boxes drawn on the canvas that
    hold no other (pdfminer draws each page's frame), else the canvas as one page."""
    frames = [_PageFrame(p, 0.0, 0.0, *(v or 0.0 for v in placer.size(p))) for p in page_elements]
    canvas = [b for b in drawn if b.page is None and b.width and b.height and b.element.tag != "svg"
              and b.width * b.sx >= MIN_PAGE_SIDE and b.height * b.sy >= MIN_PAGE_SIDE]
    if len(canvas) > MAX_CANVAS_BOXES:
        raise LimitExceeded(f"页面大小的方框过多：页面超过 {MAX_CANVAS_BOXES} 个（上限）")
    outer = [b for b in canvas if not any(o is not b and _holds(o, b) for o in canvas)]
    return frames + [_PageFrame(None, b.x, b.y, b.right - b.x, b.bottom - b.y, b)
                     for b in sorted(outer, key=lambda b: (b.y, b.x))]


def _holds(outer: _Box, inner: _Box) -> bool:
    return outer.x <= inner.x and outer.y <= inner.y and inner.right <= outer.right and inner.bottom <= outer.bottom


def positioned_pages(root: etree._Element) -> list[Page] | None:
    """The page's text and drawn rules as fixed-layout pages, when most of its text is placed by CSS position;
    None for a page that flows, for one where an element's text spans table cells at places not known, for one
    with a box at no usable place (``_Box.placeable``) and for one whose styles are over ``stylesheet``'s bounds
    (``MAX_STYLE_RULES`` rules, ``MAX_SELECTOR_TESTS`` tries)."""
    try:
        placer = _Placer(root)
        owners, inside, total = _text_boxes(root, placer)
    except StyleBudgetExceeded:
        return None
    if len(owners) < MIN_POSITIONED or inside < POSITIONED_SHARE * total:
        return None
    owned = set(owners)
    boxes = [placer.box(e) for e in owners]
    drawn = [placer.box(e) for e in root.iter() if isinstance(e.tag, str) and e not in owned
             and placer.positioned(e) and not "".join(e.itertext()).strip()]
    check_shapes(root)
    drawn += [placer.box(e) for e in root.iter("svg") if not placer.positioned(e)]   # placed where it flows
    if len(boxes) + len(drawn) > MAX_POSITIONED_ELEMENTS:
        raise LimitExceeded(f"定位元素过多：页面超过 {MAX_POSITIONED_ELEMENTS} 个（上限）")
    if not all(box.placeable for box in boxes + drawn):
        return None   # its positions cannot be used: the page is read as it flows
    pages = list(dict.fromkeys(b.page for b in boxes + drawn if b.page is not None))
    frames = _frames(pages, drawn, placer)
    limits.check_pages(len(frames))   # before each character is looked for in them
    rules = {id(box): _border_rules(box) + _drawn_in_svg(box) for box in drawn}
    # a page's own CSS background picture draws on it too (its borders are no table's)
    backgrounds = [_Box(p, placer.style(p), 0.0, 0.0, *placer.size(p), p) for p in pages]
    rules.update((id(box), []) for box in backgrounds)
    drawn += backgrounds
    pixels = PicturePixels()
    pictured = {id(box): found for box in drawn if (found := _drawn_in_picture(box, pixels))}
    framing = {id(f.drawn) for f in frames}
    tests = RuleTests()
    try:
        glyphs = _placed_glyphs(boxes, placer, _rule_indexes(drawn, framing, rules, pictured, tests), tests)
        if glyphs is None and pictured:
            # its text cannot be laid on the rules its pictures draw (pdf2htmlEX's lines over cells, their
            # characters' widths not known): read as it is read without them
            pictured = {}
            glyphs = _placed_glyphs(boxes, placer, _rule_indexes(drawn, framing, rules, pictured, tests), tests)
    except RuleBudgetExceeded:
        return None   # its places cost too much to work out: the page is read as it flows
    if glyphs is None:
        return None   # a guess is no reading: the page is read as it flows
    finder = FrameFinder(frames)
    try:
        placed = [(finder.find(page, *_centre(g)), g) for page, g in glyphs]
    except FrameBudgetExceeded:
        return None   # frames drawn over each other: the page is read as it flows
    # text outside every page frame is the converter's own (pdfminer's "Page 1" labels), unless it is most
    if not frames or sum(f is None for f, _ in placed) > (1 - POSITIONED_SHARE) * len(placed):
        frames = [_PageFrame(None, 0.0, 0.0, max((g.x1 for _, g in glyphs), default=0.0),
                             max((g.y1 for _, g in glyphs), default=0.0))]
        placed = [(frames[0], g) for _, g in glyphs]
        finder = FrameFinder(frames)
    limits.check_pages(len(frames))
    for frame, g in placed:
        if frame is not None:
            frame.glyphs.append(Glyph(g.text, g.x0 - frame.x, g.y0 - frame.y, g.x1 - frame.x, g.y1 - frame.y))
    framing = {id(f.drawn) for f in frames}
    try:
        for box in drawn:
            if id(box) not in framing and (frame := finder.find(box.page, box.x, box.y)):
                frame.rules += [_moved(r, frame) for r in rules[id(box)] + pictured.get(id(box), [])]
    except FrameBudgetExceeded:
        return None
    chars = 0
    result = []
    for number, frame in enumerate((f for f in frames if f.glyphs), 1):
        limits.check_page_chars(len(frame.glyphs), number)
        chars += len(frame.glyphs)
        limits.check_document_chars(chars)
        result.append(Page(number, frame.width, frame.height, frame.glyphs, frame.rules))
    return result


def _rule_indexes(drawn: list[_Box], framing: set[int], rules: dict[int, list[Rule]],
                  pictured: dict[int, list[Rule]], tests: RuleTests) -> dict[etree._Element | None, RuleIndex]:
    """Each page's rules, drawn and pictured, but its frame's (a page's frame parts no cells)."""
    by_page: dict[etree._Element | None, list[Rule]] = {}
    for box in drawn:
        if id(box) not in framing:
            by_page.setdefault(box.page, []).extend(rules[id(box)] + pictured.get(id(box), []))
    return {page: RuleIndex(page_rules, tests) for page, page_rules in by_page.items()}


def _placed_glyphs(boxes: list[_Box], placer: _Placer, indexes: dict[etree._Element | None, RuleIndex],
                   tests: RuleTests) -> list[tuple[etree._Element | None, Glyph]] | None:
    """The characters of the text boxes where they are printed, with their page; None when a box's are not
    known there (``_glyphs``)."""
    no_rules = RuleIndex([], tests)
    glyphs = []
    for box in boxes:
        deadline.check_time()
        read, placed_right = _glyphs(box, placer, indexes.get(box.page, no_rules))
        if not placed_right:
            return None
        glyphs += [(box.page, g) for g in read]
    return glyphs


def _moved(rule: Rule, frame: _PageFrame) -> Rule:
    """A rule drawn on the canvas, on its page."""
    return _offset(rule, -frame.x, -frame.y)


def _offset(rule: Rule, dx: float, dy: float) -> Rule:
    along, across = (dx, dy) if rule.horizontal else (dy, dx)
    return Rule(rule.horizontal, rule.pos + across, rule.start + along, rule.end + along)


def _centre(glyph: Glyph) -> tuple[float, float]:
    return glyph.cx, (glyph.y0 + glyph.y1) / 2


def read_positioned(root: etree._Element, title: str | None) -> Document | None:
    """The document of a page whose text is placed by CSS position, read as a fixed-layout document; None for a
    page that flows."""
    if (pages := positioned_pages(root)) is None:
        return None
    document = paged_document(pages, "html")
    document.title = title
    return document

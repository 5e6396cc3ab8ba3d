"""PDF → document: characters and ruling lines from the text layer (pypdfium2), pages without text by OCR.

pdfium gives each character with its box and each drawn path; ``pages`` rebuilds the tables from those.
A page that has no text layer but carries an image (a scan) or its text drawn as outlines goes to ``ocr``.
"""

from __future__ import annotations

import ctypes
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw
from PIL import Image

from gxparse import deadline, limits
from gxparse.layout.charlines import CharBoxes
from gxparse.document import Document
from gxparse.errors import DocumentError
from gxparse.layout.pages import Page, Rule
from gxparse.layout.twoup import split_two_up
from gxparse.readers.fixedlayout import (MAX_SEGMENTS, OCR_LAYER_SHARE, SCAN_SHARE, THIN, filled_rules, garbled,
                                         paged_document, stroked_rules, thin_rule)
from gxparse.readers.pdfforms import check_forms
from gxparse.readers.pdflayers import hidden_layers, in_hidden_layer, optional_content
from gxparse.readers.pdfmembership import Origin, hidden_origins, take_hidden, unjudged_note
from gxparse.readers.pdfstreams import check_streams
from gxparse.readers.scanrules import placed_in_cells, scan_rules

_MAX_FORM_DEPTH = 4            # forms inside forms followed this deep
_MAX_FORM_OBJECTS = 200_000    # objects inside a page's forms looked at
Affine = tuple[float, float, float, float, float, float]   # a b c d e f, as a PDF matrix
_PATHS = frozenset({raw.FPDF_PAGEOBJ_PATH})
_IMAGES = frozenset({raw.FPDF_PAGEOBJ_IMAGE})
_TEXT_AND_IMAGES = frozenset({raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_IMAGE})
_HIDDEN_TEXT = frozenset({raw.FPDF_TEXTRENDERMODE_INVISIBLE, raw.FPDF_TEXTRENDERMODE_CLIP})
MIN_SCAN_DPI = 150
# a picture covering this share of a page is content (a table pasted as a picture); a seal or logo is smaller
_MIN_PICTURE_SHARE = 0.08
_MAX_CHARS_OVER_PICTURE = 5   # text-layer characters on a picture before it is a background under text


def _untyped(function: object, restype: type, *argtypes: type) -> Callable[..., Any]:
    """A pdfium function taking and giving plain addresses, for the calls made once per character or page
    object: pypdfium2's typed pointers cost a conversion on every call, and releasing the GIL around a
    call this short is a good part of its cost (PYFUNCTYPE keeps it)."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_VOID_P, _INT = ctypes.c_void_p, ctypes.c_int
_BOX_SIZE = ctypes.sizeof(raw.FS_RECTF)   # four floats: left, top, right, bottom
_NO_CHARS = CharBoxes("", np.zeros((0, 4)))
# a space in the text layer (the line breaks pdfium adds are not spaces)
_SPACE_CODES = np.array([ord(" "), 0x3000, 0xA0], dtype=np.uint32)
_loose_char_box = _untyped(raw.FPDFText_GetLooseCharBox, _INT, _VOID_P, _INT, _VOID_P)  # text page, index, FS_RECTF*
_char_angle = _untyped(raw.FPDFText_GetCharAngle, ctypes.c_float, _VOID_P, _INT)             # text page, index
_text_object = _untyped(raw.FPDFText_GetTextObject, _VOID_P, _VOID_P, _INT)            # text page, index
_char_origin = _untyped(raw.FPDFText_GetCharOrigin, _INT, _VOID_P, _INT, _VOID_P, _VOID_P)  # text page, index, x*, y*
_count_marks = _untyped(raw.FPDFPageObj_CountMarks, _INT, _VOID_P)                       # page object
_page_object = _untyped(raw.FPDFPage_GetObject, _VOID_P, _VOID_P, _INT)                # page, index
_object_type = _untyped(raw.FPDFPageObj_GetType, _INT, _VOID_P)                        # page object
_fill_color = _untyped(raw.FPDFPageObj_GetFillColor, _INT, *[_VOID_P] * 5)              # page object, r g b a


# pdfium's reasons for refusing a document, as a person reads them (its own text, "PDFium: Success"
# included when it gives no reason, says nothing to one)
_OPEN_ERRORS = {
    raw.FPDF_ERR_PASSWORD: "PDF 受密码保护，无法打开",
    raw.FPDF_ERR_SECURITY: "PDF 使用了不支持的加密方式，无法打开",
    raw.FPDF_ERR_FORMAT: "PDF 文件损坏或格式错误，无法打开",
}


def _open(data: bytes, source: str) -> pdfium.PdfDocument:
    if b"%%EOF" not in data[-65536:]:
        raise DocumentError(source, "PDF 文件不完整：缺少结尾标记 %%EOF（可能下载中断或被截断）")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = _OPEN_ERRORS.get(raw.FPDF_GetLastError(), "PDF 文件损坏，无法打开")
        raise DocumentError(source, reason) from exc


def _address(pointer: object) -> int:
    return ctypes.cast(pointer, _VOID_P).value or 0


def _chars(page: pdfium.PdfPage, height: float, number: int, hidden: frozenset[bytes] = frozenset(),
           words: bool = False, unshown: Counter[Origin] | None = None) -> tuple[CharBoxes, np.ndarray | None]:
    """The page's visible characters and their loose boxes (the font's whole height, not the ink),
    top-down; none of the ``hidden`` layers' nor the ``unshown`` (drawn where a membership hides). With ``words``, also each character's text object (an OCR
    layer's word), else None."""
    textpage = page.get_textpage()
    objects = None
    try:
        count = textpage.count_chars()
        if count <= 0:
            return _NO_CHARS, np.zeros(0, dtype=np.int64) if words else None
        limits.check_page_chars(count, number)
        text = textpage.get_text_range(0, count)
        if len(text) != count:   # characters outside the BMP: read them one by one
            text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
        # Every box is written into one array (left, top, right, bottom per character) and read at once:
        # reading four ctypes fields per character costs more than the call that fills them.
        boxes = np.zeros((count, 4), dtype=np.float32)
        base, handle = boxes.ctypes.data, _address(textpage.raw)
        found = [i for i, ch in enumerate(text)
                 if not (ch.isspace() or ch == "\ufffe") and _loose_char_box(handle, i, base + _BOX_SIZE * i)]
        found = _upright(handle, found)
        if hidden:   # most files have no layer turned off: their characters' objects need no look
            found = _shown(handle, found, hidden)
        if unshown:
            found = _not_unshown(handle, text, found, unshown)
        if unseen := _white_on_paper(page):
            found = [i for i in found if (_text_object(handle, i) or 0) not in unseen]
        boxes = boxes.astype(np.float64)
        _fix_oversized(textpage.raw, boxes, found)
        if words:
            handle = _address(textpage.raw)
            objects = np.array([_text_object(handle, i) or 0 for i in found], dtype=np.int64)
    finally:
        textpage.close()
    left, top, right, bottom = boxes[found].T
    # a character whose middle lies outside the page's box is out of view (a template's leftovers moved off it)
    x0, y0, x1, y1 = page.get_bbox()
    middle_x, middle_y = (left + right) / 2, (top + bottom) / 2
    keep = (right > left) & (x0 <= middle_x) & (middle_x <= x1) & (y0 <= middle_y) & (middle_y <= y1)
    columns = np.column_stack((left, height - top, right, height - bottom))[keep]
    before = np.frombuffer((" " + text).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)[found]
    spaced = np.isin(before, _SPACE_CODES)[keep]   # the character before each found one (text shifted by one)
    chars = CharBoxes("".join(compress([text[i] for i in found], keep.tolist())), columns, spaced)
    return chars, None if objects is None else objects[keep]


# A character turned this far (degrees) from a quarter turn is set diagonally: a watermark (仅供参考, the agency's
# name) drawn across the page, over the tables, whose glyphs would join the lines and cells they cross. Text a
# page or cell turns by quarter turns (a landscape table, a vertical label) is read.
MAX_TILT = 5.0


def _upright(textpage: int, found: list[int]) -> list[int]:
    """The characters set upright or turned by quarter turns (pdfium gives -1 when it cannot tell: kept)."""
    angles = np.degrees(np.array([_char_angle(textpage, i) for i in found], dtype=np.float64))
    tilt = np.abs((angles + 45) % 90 - 45)
    return list(compress(found, ((angles < 0) | (tilt <= MAX_TILT)).tolist()))


# a fill at least this light in every channel (of 255) is the paper's colour: text drawn so on nothing darker is
# not seen (a template's leftover figures whitened, Word's hidden text printed white)
_PAPER = 250
_TEXT_AND_GROUNDS = frozenset({raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE,
                               raw.FPDF_PAGEOBJ_SHADING})


def _white_on_paper(page: pdfium.PdfPage) -> set[int]:
    """The addresses of the text objects filled white (or fully transparent) with nothing darker painted under
    their middle before them: no picture or shading, no path filled darker (white text on a shaded header is
    seen). Most pages have no light text: their other objects need no look."""
    drawn = list(_drawn(page, _TEXT_AND_GROUNDS))
    fills = _Fills()
    light = [kind == raw.FPDF_PAGEOBJ_TEXT and fills.light(obj) for obj, _, kind in drawn]
    if not any(light):
        return set()
    grounds: list[tuple[float, float, float, float]] = []
    unseen = set()
    for (obj, placed, kind), pale in zip(drawn, light):
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            if pale and raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_FILL:
                left, bottom, right, top = _bounds(obj, placed)
                x, y = (left + right) / 2, (bottom + top) / 2
                if not any(g[0] <= x <= g[2] and g[1] <= y <= g[3] for g in grounds):
                    unseen.add(ctypes.addressof(obj.contents))
        elif kind != raw.FPDF_PAGEOBJ_PATH or (_filled(obj) and not fills.light(obj)):
            grounds.append(_bounds(obj, placed))
    return unseen


class _Fills:
    """Reads objects' fill colours into one buffer."""

    def __init__(self) -> None:
        self.rgba = (ctypes.c_uint * 4)()
        self.at = [ctypes.addressof(self.rgba) + k * ctypes.sizeof(ctypes.c_uint) for k in range(4)]

    def light(self, obj: ctypes.c_void_p) -> bool:
        """Whether the object's fill is the paper's colour or fully transparent."""
        if not _fill_color(ctypes.addressof(obj.contents), *self.at):   # a page object: never NULL
            return False
        red, green, blue, alpha = self.rgba
        return alpha == 0 or min(red, green, blue) >= _PAPER


def _filled(path: ctypes.c_void_p) -> bool:
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(raw.FPDFPath_GetDrawMode(path, mode, stroke)) and mode.value != raw.FPDF_FILLMODE_NONE


def _shown(textpage: int, found: list[int], hidden: frozenset[bytes]) -> list[int]:
    """The characters not drawn by a text object of a hidden layer (each marked object looked at once)."""
    layered: dict[int, bool] = {}
    shown = []
    for i in found:
        address = _text_object(textpage, i) or 0
        if address not in layered:
            layered[address] = bool(address) and _count_marks(address) > 0 and in_hidden_layer(
                ctypes.cast(address, raw.FPDF_PAGEOBJECT), hidden)
        if not layered[address]:
            shown.append(i)
    return shown


def _not_unshown(textpage: int, text: str, found: list[int], unshown: Counter[Origin]) -> list[int]:
    """The characters but those drawn where a membership hides them (as many at an origin as it hides)."""
    left = unshown.copy()
    x, y = ctypes.c_double(), ctypes.c_double()
    shown = []
    for i in found:
        _char_origin(textpage, i, ctypes.addressof(x), ctypes.addressof(y))
        if not take_hidden(left, text[i], x.value, y.value):
            shown.append(i)
    return shown


_OVERSIZED = 3.0   # a loose box this many times the page's usual character height is not the character's


def _fix_oversized(textpage: object, boxes: np.ndarray, found: list[int]) -> None:
    """Loose boxes pdfium sized by the font size alone: text set at a huge size and scaled down by its matrix
    (199 pt × 0.05, seen in a vertical label printed one character per line) gets a box the size of the font,
    not of the glyph, whose centre then lies in another cell. Such boxes are scaled about the character's
    origin by the matrix's scale; the others are left as they are."""
    if len(found) < 2:
        return
    index = np.asarray(found)
    heights = boxes[index, 1] - boxes[index, 3]
    usual = float(np.median(heights))
    if not usual > 0:
        return
    x, y, matrix = ctypes.c_double(), ctypes.c_double(), raw.FS_MATRIX()
    for i in index[heights > _OVERSIZED * usual].tolist():
        if not (raw.FPDFText_GetCharOrigin(textpage, i, x, y) and raw.FPDFText_GetMatrix(textpage, i, matrix)):
            continue
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        if 0 < scale < 1:
            origin = np.array([x.value, y.value, x.value, y.value])
            boxes[i] = origin + (boxes[i] - origin) * scale


def _bounds(obj: ctypes.c_void_p, placed: Affine | None) -> tuple[float, float, float, float]:
    """An object's box (left, bottom, right, top) in page space."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    if placed is None:
        return left.value, bottom.value, right.value, top.value
    corners = [_apply(placed, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


# JPEG 2000's image size: the SIZ marker segment right after the codestream's start (SOC): Lsiz, Rsiz, then the
# reference grid's width and height and the image's offsets on it (ISO 15444-1 A.5.1)
_JPX_SIZE = re.compile(rb"\xff\x4f\xff\x51.{4}(.{4})(.{4})(.{4})(.{4})", re.S)


def _resolution(image: ctypes.c_void_p, width: float, number: int) -> float:
    """An image's dots per inch drawn ``width`` points wide on page ``number`` (0 for no width), its pixels
    checked within limits first: pdfium decodes an image whole to render it."""
    width_px, height_px = _px_size(image)
    limits.check_image(width_px, height_px, f"第{number}页")
    limits.check_image(*_coded_size(image), f"第{number}页")
    return width_px / (width / 72) if width > 0 else 0.0


def _filters(image: ctypes.c_void_p) -> list[bytes]:
    names = []
    for index in range(raw.FPDFImageObj_GetImageFilterCount(image)):
        buffer = ctypes.create_string_buffer(64)
        raw.FPDFImageObj_GetImageFilter(image, index, buffer, len(buffer))
        names.append(buffer.value)
    return names


def _coded_size(image: ctypes.c_void_p) -> tuple[int, int]:
    """The size in pixels a JPEG 2000 image's codestream states ((0, 0) for any other image): openjpeg decodes
    that many, whatever the image's dictionary says (a 2 KB codestream of 20,000 × 20,000 under /Width 40
    crashed pdfium rendering the page)."""
    if b"JPXDecode" not in _filters(image):
        return 0, 0
    length = raw.FPDFImageObj_GetImageDataRaw(image, None, 0)
    data = (ctypes.c_ubyte * length)()
    raw.FPDFImageObj_GetImageDataRaw(image, data, length)
    found = _JPX_SIZE.search(bytes(data))
    if found is None:
        return 0, 0
    width, height, left, top = (int.from_bytes(field, "big") for field in found.groups())
    return max(width - left, 0), max(height - top, 0)


def _px_size(image: ctypes.c_void_p) -> tuple[int, int]:
    """An image object's size in pixels ((0, 0) when pdfium cannot tell)."""
    width, height = ctypes.c_uint(), ctypes.c_uint()
    if not raw.FPDFImageObj_GetImagePixelSize(image, width, height):
        return 0, 0
    return width.value, height.value


def _matrix(obj: ctypes.c_void_p) -> Affine:
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    return m.a, m.b, m.c, m.d, m.e, m.f


def _then(inner: Affine, outer: Affine) -> Affine:
    """The matrix of ``inner`` followed by ``outer``."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _drawn(page: pdfium.PdfPage, kinds: frozenset[int]) -> Iterator[tuple[ctypes.c_void_p, Affine | None, int]]:
    """The page's objects of ``kinds`` (path, image, text) in the order they are painted, each with the
    matrix from its space into the page's (None for an object drawn on the page itself) and its kind.
    Objects inside form XObjects (a page imported or stamped as a form: iText's getImportedPage, overlays
    and watermarks, pdfpages) pdfium gives in the form's space. Kinds are read through the raw API: a page
    of prose holds thousands of text objects that need no wrapping."""
    handle = _address(page.raw)
    budget = [_MAX_FORM_OBJECTS]
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        found = _object_type(_page_object(handle, i))
        if found in kinds:
            yield raw.FPDFPage_GetObject(page.raw, i), None, found
        elif found == raw.FPDF_PAGEOBJ_FORM:
            form = raw.FPDFPage_GetObject(page.raw, i)
            yield from _in_form(form, _matrix(form), kinds, 1, budget)


def _images(page: pdfium.PdfPage, number: int) -> Iterator[tuple[ctypes.c_void_p, Affine | None]]:
    """The page's pictures as ``_drawn`` gives them, at most ``limits.MAX_PAGE_IMAGES``."""
    for count, (image, placed, _) in enumerate(_drawn(page, _IMAGES), 1):
        limits.check_page_images(count, number)
        yield image, placed


def _in_form(form: ctypes.c_void_p, placed: Affine, kinds: frozenset[int], depth: int,
             budget: list[int]) -> Iterator[tuple[ctypes.c_void_p, Affine, int]]:
    for j in range(raw.FPDFFormObj_CountObjects(form)):
        budget[0] -= 1
        if budget[0] < 0:
            return   # a page of that many drawn objects is a drawing, not a report's table
        obj = raw.FPDFFormObj_GetObject(form, j)
        found = raw.FPDFPageObj_GetType(obj)
        if found in kinds:
            yield obj, placed, found
        elif found == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            yield from _in_form(obj, _then(_matrix(obj), placed), kinds, depth + 1, budget)


def _path_rules(obj: ctypes.c_void_p, placed: Affine | None, height: float) -> list[Rule]:
    """The ruling lines a path draws: the path itself when it is thin, else its stroked straight segments,
    or, for a path only filled, its thin pieces (rules drawn as filled hairline rectangles). A filled piece
    that is not thin is a background (a shaded paragraph or cell): its edges are no rules, and taking them
    for rules made a table of the prose they shade."""
    left, bottom, right, top = _bounds(obj, placed)
    if rule := thin_rule(left, height - top, right, height - bottom):
        return [rule]
    count = raw.FPDFPath_CountSegments(obj)
    if not 0 < count <= MAX_SEGMENTS:
        return []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    points = _path_points(obj, placed, count, height)
    return stroked_rules(points) if stroke.value else filled_rules(points)


def _path_points(obj: ctypes.c_void_p, placed: Affine | None, count: int,
                 height: float) -> list[tuple[int, float, float]]:
    """The path's segments as (kind, x, y) in page coordinates, top-down."""
    m = _matrix(obj) if placed is None else _then(_matrix(obj), placed)
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[int, float, float]] = []
    for i in range(count):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = _apply(m, x.value, y.value)
        points.append((raw.FPDFPathSegment_GetType(segment), px, height - py))
    return points


def _rules(page: pdfium.PdfPage, height: float) -> list[Rule]:
    """Ruling lines from the page's path objects."""
    return [rule for path, placed, _ in _drawn(page, _PATHS) for rule in _path_rules(path, placed, height)]


def _scan_dpi(page: pdfium.PdfPage, number: int, text_unreadable: bool = False) -> float | None:
    """The resolution to render a page without a (readable) text layer at for OCR, or None when nothing is
    printed on it. A scan is rendered at the resolution of its largest image (more pixels only slow OCR down,
    fewer lose strokes); a page whose text was turned into outlines ("文字转曲": shapes drawn, no image) or
    whose text layer is glyph numbers at the most OCR reads."""
    best: tuple[float, float] | None = None
    for image, placed in _images(page, number):
        left, _, right, _ = _bounds(image, placed)
        dpi = _resolution(image, right - left, number)
        if right > left and (best is None or right - left > best[0]):
            best = (right - left, dpi)
    if best is None and not text_unreadable and not _has_shapes(page):
        return None
    return _ocr_dpi(None if best is None else best[1])


def _ocr_dpi(image_dpi: float | None) -> float:
    """The resolution to render a page for OCR at: its image's, no finer than OCR reads; the most for none."""
    from gxparse.ocr.scan import MAX_DPI   # imported here: only scans need the engine
    return MAX_DPI if image_dpi is None else min(max(image_dpi, MIN_SCAN_DPI), MAX_DPI)


def _has_shapes(page: pdfium.PdfPage) -> bool:
    """Whether a page draws any path that is not a thin line (a character's outline, not a table rule)."""
    for path, placed, _ in _drawn(page, _PATHS):
        left, bottom, right, top = _bounds(path, placed)
        if right - left > THIN and top - bottom > THIN:
            return True
    return False


def _page(pdf: pdfium.PdfDocument, index: int, source: str) -> pdfium.PdfPage:
    try:
        return pdf[index]
    except pdfium.PdfiumError as exc:
        raise DocumentError(source, f"PDF 第{index + 1}页损坏（页面树或页面内容无法读取）") from exc


@dataclass
class _PageRead:
    page: Page
    scan_dpi: float | None = None      # no (readable) text layer: the resolution to OCR the page at
    picture_dpi: float | None = None   # a text page holding a picture no text covers: to OCR it at, if need be
    ocr_layer: bool = False            # its text is the OCR layer another program laid on a scan


def _read_page(page: pdfium.PdfPage, number: int, hidden: frozenset[bytes] = frozenset(),
               unshown: Counter[Origin] | None = None) -> _PageRead:
    """The page as characters and rules (none of the ``hidden`` layers' nor the ``unshown``), or, for a page without a text layer,
    the resolution to render it at for OCR (None when nothing is printed on it)."""
    width, height = page.get_size()   # as displayed: /Rotate applied
    turn = _Turn(page.get_rotation(), width, height)
    layer = _ocr_layer(page, width * height)
    glyphs, words = _chars(page, turn.content_height, number, hidden, words=layer, unshown=unshown)
    unreadable = garbled(glyphs.text)
    dpi = None if len(glyphs) and not unreadable else _scan_dpi(page, number, unreadable)
    if dpi is not None:
        return _PageRead(Page(number, width, height, []), scan_dpi=dpi)
    rules = [turn.rule(r) for r in _rules(page, turn.content_height)]
    chars = turn.chars(glyphs)
    if words is not None and not rules:   # a scan's tables are drawn in its picture, its words placed whole
        rules = scan_rules(page, _scan_resolution(page, width * height, number))
        chars = placed_in_cells(chars, words, rules)
    return _PageRead(Page(number, width, height, chars, rules),
                     picture_dpi=_picture_dpi(page, glyphs, turn.content_height, number), ocr_layer=layer)


def _ocr_layer(page: pdfium.PdfPage, area: float) -> bool:
    """Whether the page's text is a scan's OCR layer, which another program read: a picture covers most of
    the page, and most of the text is hidden, drawn invisible (text render mode 3: Tesseract, OCRmyPDF,
    Acrobat) or painted before the picture, under it (ABBYY FineReader). Its figures are OCR's reading."""
    if not any(_covers(image, placed, area) for image, placed, _ in _drawn(page, _IMAGES)):
        return False   # most pages: no scan, and their text objects need no look
    drawn = list(_drawn(page, _TEXT_AND_IMAGES))
    scans = [(order, _bounds(obj, placed)) for order, (obj, placed, kind) in enumerate(drawn)
             if kind == raw.FPDF_PAGEOBJ_IMAGE and _covers(obj, placed, area)]
    texts = hidden = 0
    for order, (obj, placed, kind) in enumerate(drawn):
        if kind != raw.FPDF_PAGEOBJ_TEXT:
            continue
        texts += 1
        if raw.FPDFTextObj_GetTextRenderMode(obj) in _HIDDEN_TEXT:
            hidden += 1
            continue
        left, bottom, right, top = _bounds(obj, placed)
        x, y = (left + right) / 2, (bottom + top) / 2
        if any(later > order and box[0] <= x <= box[2] and box[1] <= y <= box[3] for later, box in scans):
            hidden += 1
    return texts > 0 and hidden >= OCR_LAYER_SHARE * texts


def _scan_resolution(page: pdfium.PdfPage, area: float, number: int) -> float:
    """The resolution of the page's scan: its largest picture covering the page's."""
    return max(_resolution(image, right - left, number) for image, placed in _images(page, number)
               if _covers(image, placed, area) for left, _, right, _ in [_bounds(image, placed)])


def _covers(image: ctypes.c_void_p, placed: Affine | None, area: float) -> bool:
    """Whether a picture is as large as a scanned page."""
    left, bottom, right, top = _bounds(image, placed)
    return (right - left) * (top - bottom) >= SCAN_SHARE * area


def _picture_dpi(page: pdfium.PdfPage, glyphs: CharBoxes, height: float, number: int) -> float | None:
    """The resolution to OCR a text page at whose large picture no text lies on (a table pasted as a
    picture), or None. Text over a picture (a scan's OCR layer, a background) is the page's text."""
    page_width, page_height = page.get_size()
    centres_x = (glyphs.boxes[:, 0] + glyphs.boxes[:, 2]) / 2
    centres_y = (glyphs.boxes[:, 1] + glyphs.boxes[:, 3]) / 2
    best = None
    for image, placed in _images(page, number):
        left, bottom, right, top = _bounds(image, placed)
        if (right - left) * (top - bottom) < _MIN_PICTURE_SHARE * page_width * page_height:
            continue
        over = ((left <= centres_x) & (centres_x <= right) & (height - top <= centres_y)
                & (centres_y <= height - bottom))
        if over.sum() > _MAX_CHARS_OVER_PICTURE:
            continue
        dpi = _resolution(image, right - left, number)
        best = dpi if best is None else max(best, dpi)
    return None if best is None else _ocr_dpi(best)


@dataclass(frozen=True)
class _Turn:
    """A page's /Rotate, applied to what its content gives. A page whose content is drawn sideways and turned
    upright by /Rotate (a landscape table on a portrait sheet, some printers' output) has its characters and
    rules in the content's frame; tables are read in the frame the page is displayed in."""

    rotation: int   # clockwise degrees: 0, 90, 180, 270
    width: float    # the page as displayed
    height: float

    @property
    def content_height(self) -> float:
        return self.width if self.rotation in (90, 270) else self.height

    def _points(self, x: Any, y: Any) -> tuple[Any, Any]:
        """Top-down content coordinates → top-down displayed ones (numbers or arrays)."""
        content_width = self.height if self.rotation in (90, 270) else self.width
        if self.rotation == 90:
            return self.content_height - y, x
        if self.rotation == 180:
            return content_width - x, self.content_height - y
        if self.rotation == 270:
            return y, content_width - x
        return x, y

    def chars(self, glyphs: CharBoxes) -> CharBoxes:
        if self.rotation not in (90, 180, 270) or not len(glyphs):
            return glyphs
        x0, y0 = self._points(glyphs.boxes[:, 0], glyphs.boxes[:, 1])
        x1, y1 = self._points(glyphs.boxes[:, 2], glyphs.boxes[:, 3])
        boxes = np.column_stack((np.minimum(x0, x1), np.minimum(y0, y1), np.maximum(x0, x1), np.maximum(y0, y1)))
        return CharBoxes(glyphs.text, boxes, glyphs.spaced)

    def rule(self, rule: Rule) -> Rule:
        if self.rotation not in (90, 180, 270):
            return rule
        ends = [(rule.start, rule.pos), (rule.end, rule.pos)] if rule.horizontal else [
            (rule.pos, rule.start), (rule.pos, rule.end)]
        (x0, y0), (x1, y1) = (self._points(x, y) for x, y in ends)
        if abs(y1 - y0) < abs(x1 - x0):
            return Rule(True, y0, min(x0, x1), max(x0, x1))
        return Rule(False, x0, min(y0, y1), max(y0, y1))


def _render(pdf: pdfium.PdfDocument, index: int, dpi: float, source: str) -> tuple[Image.Image, float]:
    """One page rendered in grey for OCR, at ``dpi`` or lower: within ``limits.MAX_RENDER_PIXELS``."""
    page = _page(pdf, index, source)
    try:
        width, height = page.get_size()
        dpi = limits.render_dpi(width / 72, height / 72, dpi, f"第{index + 1}页")
        return page.render(scale=dpi / 72, grayscale=True).to_pil(), dpi
    finally:
        page.close()


def read_pdf(data: bytes, source: str, pictures_by_ocr: bool = False) -> Document:
    """The PDF's lines; with ``pictures_by_ocr`` the text pages holding a large picture are read by OCR too
    (the document's ``read_pictures`` reads it so when its tables are not found in the text)."""
    check_streams(data)
    pdf = _open(data, source)
    try:
        count = len(pdf)
        if count == 0:
            raise DocumentError(source, "PDF 没有页面")
        limits.check_pages(count)
        check_forms(data, count)
        content = optional_content(data)
        hidden, memberships = hidden_layers(content), hidden_origins(content)
        notes = list(filter(None, [unjudged_note(memberships, count)]))
        pages: list[Page] = []
        scans: dict[int, float] = {}   # page index → the resolution to render it at; rendered one at a time
        pictured = False
        layered: set[int] = set()   # the pages (1-based) whose text is a scan's OCR layer
        chars = 0
        unloaded: list[int] = []   # pages the deadline left no time to load: unread, as OCR leaves a scan's
        for index in range(count):
            # pdfium loads a page whole, at most 8 MB of content (~0.15 s): pages sharing one such stream are
            # each parsed anew (a thousand took 145 s)
            if deadline.seconds_left() <= 0:
                unloaded = list(range(index, count))
                pages += [Page(i + 1, *pdf.get_page_size(i), []) for i in unloaded]
                break
            page = _page(pdf, index, source)
            try:
                read = _read_page(page, index + 1, hidden, memberships.hidden.get(index))
            except pdfium.PdfiumError as exc:
                raise DocumentError(source, f"PDF 第{index + 1}页损坏，无法读取") from exc
            finally:
                page.close()
            chars += len(read.page.glyphs)
            limits.check_document_chars(chars)
            pages.append(read.page)
            pictured |= read.picture_dpi is not None
            if read.ocr_layer:
                layered.add(index + 1)
                limits.check_layered_scans(len(layered))
            if dpi := read.scan_dpi or (read.picture_dpi if pictures_by_ocr else None):
                scans[index] = dpi
        if scans or unloaded:
            limits.check_scanned_pages(len(scans))
            scans.update((index, _ocr_dpi(None)) for index in unloaded)   # named unread: the time is spent
            from gxparse.ocr.engine import document_budget  # only scans need the OCR engine
            from gxparse.ocr.scan import ocr_in_time, ocr_page, scanned_document

            def read(index: int, dpi: float) -> Page:
                image, dpi = _render(pdf, index, dpi, source)
                return ocr_page(image, index + 1, dpi, source)
            with document_budget():
                scanned = scanned_document(pages, ocr_in_time(pages, scans, read))
            scanned.notes += notes
            return scanned
    finally:
        pdf.close()
    pages, sheets = split_two_up(pages)
    layered = {page for sheet in layered for page in sheets[sheet]}
    document = paged_document(pages, "pdf", layered,
                              functools.partial(read_pdf, data, source, True) if pictured else None)
    document.notes += notes
    return document

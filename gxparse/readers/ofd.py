"""OFD (GB/T 33190, the national fixed-layout format) → document: characters and ruling lines from each page's
XML, laid out as the PDF reader lays out pdfium's (``fixedlayout``, ``layout.pages``); pages that are scans by OCR.

An OFD is a zip: ``OFD.xml`` names the document (``DocBody/DocRoot``), whose ``Document.xml`` lists the pages
(``Pages/Page/@BaseLoc``, each a ``Content.xml``), the default page box (``CommonData/PageArea``, mm) and the
resource files (pictures). A page draws ``TextObject`` (text placed by ``TextCode`` X/Y and DeltaX/DeltaY, inside
the object's ``Boundary``, through its ``CTM``), ``PathObject`` (table rules: ``AbbreviatedData``), ``ImageObject``
and ``PageBlock`` groups. Template pages (``TemplatePage``: headers and footers drawn under every page),
signatures, seals and annotations (``Signs/``, ``Annots/``) are not read: none of them is the report's text.

Elements are matched by local name: producers use ``http://www.ofdspec.org/2016``, another namespace or none.
Coordinates are millimetres, top-down; they are turned into points, so that every threshold of the layout
means what it means for a PDF. Producers do not measure glyphs for the reader: a character's box is its
advance (the gap to the next character, or its font's usual width) by the font size.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from lxml import etree
from PIL import Image

from gxparse import limits
from gxparse.document import Document
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.layout.charlines import CharBoxes
from gxparse.layout.pages import Page, Rule
from gxparse.readers.fixedlayout import (CURVE, LINE, MAX_SEGMENTS, MOVE, OCR_LAYER_SHARE, SCAN_SHARE, PathPoint,
                                         advance, filled_rules, garbled, paged_document, stroked_rules, thin_rule)

_POINTS = 72 / 25.4        # points per millimetre
_A4 = (210.0, 297.0)       # mm: the page box when a document gives none
_ASCENT, _DESCENT = 0.88, 0.12   # of the font size above and below the baseline: a CJK font's usual box
_FAR = 5000.0              # mm: a coordinate beyond this prints on no page (an absurd Boundary, DeltaX)
_MAX_DEPTH = 16            # PageBlocks inside PageBlocks followed this deep
_MAX_PAGE_OBJECTS = 200_000   # drawn objects of one page looked at
# Path segments of a whole document read, at ~3 µs each: a report's tables take thousands; the 100 MB of XML
# a document may hold (limits.MAX_OFD_XML) could draw 16 million, a minute's work.
MAX_PATH_SEGMENTS = 1_000_000
_MIN_PAPER_WIDTH = 105 * _POINTS   # A6: a page printed narrower is no paper's, its size no measure of a scan's
_IMAGE_FORMATS = ("JPEG", "PNG", "TIFF", "BMP", "GIF")
_JBIG2 = b"\x97JB2\r\n\x1a\n"   # a JBIG2 file's header: bilevel scans some producers store, which Pillow cannot read
Affine = tuple[float, float, float, float, float, float]   # a b c d e f: x' = a x + c y + e, y' = b x + d y + f
_IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


# ---------------------------------------------------------------------------------------------------
# the package


class _Package:
    """The OFD's zip, its parts looked up by normalised name and its XML parsed without entities, DTDs or the
    network; every part parsed counts against ``limits.MAX_OFD_XML`` (pages may all name one large part)."""

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        try:
            limits.check_package(data, "OFD")
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
            raise DocumentError(source, "OFD 文件损坏或不完整（压缩包结构错误），无法打开") from exc
        except (RuntimeError, NotImplementedError) as exc:   # zipfile: encrypted, or an unknown compression
            raise DocumentError(source, "OFD 文件已加密或使用了不支持的压缩方式，无法打开") from exc
        self.parts = {_normal(info.filename): info for info in self.zip.infolist() if not info.is_dir()}
        self.parsed = 0
        self._parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                                       remove_comments=True, remove_pis=True)

    def has(self, name: str) -> bool:
        return _normal(name) in self.parts

    def read(self, name: str, what: str) -> bytes:
        info = self.parts.get(_normal(name))
        if info is None:
            raise DocumentError(self.source, f"OFD 缺少{what}（{name}），无法读取")
        return self.zip.read(info)

    def xml(self, name: str, what: str) -> etree._Element:
        data = self.read(name, what)
        self.parsed += len(data)
        limits.check_ofd_xml(self.parsed)
        try:
            root = etree.fromstring(data, self._parser)
        except etree.XMLSyntaxError as exc:
            if exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:   # well-formed, over what huge_tree=False allows
                raise DocumentError(self.source, f"OFD 的{what}（{name}）超出 XML 解析的上限（一段文本超过 10 MB，"
                                                 "或实体展开过多），无法读取") from exc
            raise DocumentError(self.source, f"OFD 的{what}（{name}）不是有效的 XML，无法读取") from exc
        if root is None:
            raise DocumentError(self.source, f"OFD 的{what}（{name}）是空的，无法读取")
        return root


def _normal(name: str) -> str:
    return posixpath.normpath("/" + name.replace("\\", "/")).lstrip("/")


def _located(package: _Package, base: str, location: str) -> str:
    """A part named in a file of folder ``base``: relative to that folder (as the standard says), else from the
    package's root (producers write either), an absolute name from the root."""
    location = location.strip()
    if location.startswith("/"):
        return _normal(location)
    beside = posixpath.join(base, location)
    return beside if package.has(beside) or not package.has(location) else location


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (child for child in element if _local(child) == name)


def _child(element: etree._Element | None, *path: str) -> etree._Element | None:
    for name in path:
        if element is None:
            return None
        element = next(_children(element, name), None)
    return element


def _numbers(text: str | None) -> list[float] | None:
    """A space-separated list of finite numbers, or None when it is not one."""
    try:
        values = [float(token) for token in (text or "").split()]
    except ValueError:
        return None
    return values if all(math.isfinite(v) for v in values) else None


def _box(element: etree._Element | None) -> tuple[float, float, float, float] | None:
    """A box "x y w h" (mm) of positive size, or None."""
    values = _numbers(element.text if element is not None else None)
    if not values or len(values) != 4 or values[2] <= 0 or values[3] <= 0:
        return None
    return values[0], values[1], values[2], values[3]


# ---------------------------------------------------------------------------------------------------
# the document's structure


@dataclass
class _Structure:
    box: tuple[float, float, float, float]
    pages: list[str]                     # each page's Content.xml
    resources: list[str]                 # DocumentRes and PublicRes files


def _structure(package: _Package) -> _Structure:
    if not package.has("OFD.xml"):
        raise DocumentError(package.source, "不是 OFD 文件：压缩包根目录下没有 OFD.xml")
    root = _child(package.xml("OFD.xml", "入口文件"), "DocBody", "DocRoot")
    if root is None or not (root.text or "").strip():
        raise DocumentError(package.source, "OFD.xml 没有指明文档（DocBody/DocRoot），无法读取")
    location = _normal(root.text.strip())
    document = package.xml(location, "文档描述文件")
    folder = posixpath.dirname(location)
    common = _child(document, "CommonData")
    listed = _child(document, "Pages")
    pages = [_located(package, folder, page.get("BaseLoc", ""))
             for page in (_children(listed, "Page") if listed is not None else ()) if page.get("BaseLoc")]
    resources = [_located(package, folder, r.text or "") for name in ("DocumentRes", "PublicRes")
                 for r in (_children(common, name) if common is not None else ()) if (r.text or "").strip()]
    return _Structure(_box(_child(common, "PageArea", "PhysicalBox")) or (0.0, 0.0, *_A4), pages, resources)


# ---------------------------------------------------------------------------------------------------
# what a page draws


class _Picture(NamedTuple):
    resource: str
    box: tuple[float, float, float, float]   # left, top, right, bottom (points)
    order: int                               # painted after the objects before it: over them

    @property
    def area(self) -> float:
        return (self.box[2] - self.box[0]) * (self.box[3] - self.box[1])


@dataclass
class _PathBudget:
    """The path segments a document has left to read (``MAX_PATH_SEGMENTS``)."""

    left: int = MAX_PATH_SEGMENTS

    def spend(self, number: int) -> None:
        self.left -= 1
        if self.left < 0:
            raise LimitExceeded(f"OFD 的路径过多：到第{number}页已超过 {MAX_PATH_SEGMENTS} 段（上限），"
                                "无法在限定时间内读取")


@dataclass
class _Drawn:
    """What a page draws, in points, top-down, from the page box's corner."""

    text: list[str] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    spaced: list[bool] = field(default_factory=list)
    order: list[int] = field(default_factory=list)      # each character's object, in painting order
    hidden: list[bool] = field(default_factory=list)    # each character drawn invisible (an OCR layer's way)
    rules: list[Rule] = field(default_factory=list)
    images: list[_Picture] = field(default_factory=list)
    textless: int = 0      # text objects drawing glyphs without characters
    objects: int = 0
    paths: _PathBudget = field(default_factory=_PathBudget)   # the document's


def _matrix(text: str | None) -> Affine | None:
    values = _numbers(text)
    return (values[0], values[1], values[2], values[3], values[4], values[5]) if values and len(values) == 6 else None


def _apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _placement(obj: etree._Element) -> Affine | None:
    """The matrix from an object's own space into the page's: its CTM, then its Boundary's origin; None for an
    object without a usable Boundary."""
    boundary = _numbers(obj.get("Boundary"))
    if not boundary or len(boundary) != 4 or max(map(abs, boundary)) > _FAR:
        return None
    a, b, c, d, e, f = _matrix(obj.get("CTM")) or _IDENTITY
    return a, b, c, d, e + boundary[0], f + boundary[1]


def _corners(m: Affine, left: float, top: float, right: float, bottom: float) -> tuple[float, float, float, float] | None:
    """A box of an object's space placed on the page, in points (None when it lies off any page)."""
    points = [_apply(m, x, y) for x in (left, right) for y in (top, bottom)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    if not all(math.isfinite(v) and abs(v) <= _FAR for v in xs + ys):
        return None
    return min(xs) * _POINTS, min(ys) * _POINTS, max(xs) * _POINTS, max(ys) * _POINTS


def _walk(element: etree._Element, drawn: _Drawn, number: int, depth: int = 0) -> None:
    """The objects of a layer or a page block, in the order they are painted."""
    for obj in element:
        kind = _local(obj)
        if kind == "PageBlock" and depth < _MAX_DEPTH:
            _walk(obj, drawn, number, depth + 1)
            continue
        if kind not in ("TextObject", "PathObject", "ImageObject"):
            continue
        hidden = obj.get("Visible", "true") == "false"
        if hidden and kind != "TextObject":   # hidden text is still text: a scan's OCR layer is drawn so
            continue
        drawn.objects += 1
        if drawn.objects > _MAX_PAGE_OBJECTS:
            raise LimitExceeded(f"OFD 第{number}页的图形对象过多：超过 {_MAX_PAGE_OBJECTS} 个（上限）")
        placed = _placement(obj)
        if placed is None:
            continue
        if kind == "TextObject":
            _text(obj, placed, drawn, number, hidden or _transparent(obj))
        elif kind == "PathObject":
            drawn.rules += _path_rules(obj, placed, drawn.paths, number)
        elif (box := _picture_box(obj, placed)) is not None:
            drawn.images.append(_Picture(obj.get("ResourceID", ""), box, drawn.objects))


def _picture_box(obj: etree._Element, placed: Affine) -> tuple[float, float, float, float] | None:
    """A picture fills the unit square of its space, which its CTM scales to its size; a producer that writes
    no CTM means the picture to fill its Boundary."""
    if obj.get("CTM") is not None:
        return _corners(placed, 0, 0, 1, 1)
    size = _numbers(obj.get("Boundary")) or [0.0] * 4
    return _corners(placed, 0, 0, size[2], size[3])


# ---------------------------------------------------------------------------------------------------
# text


def _deltas(spec: str | None, needed: int) -> list[float]:
    """DeltaX or DeltaY: the gaps between a TextCode's characters, ``g N d`` standing for N gaps of d; no more
    than ``needed`` are read, and what is malformed ends the list (the characters after it advance by their
    widths)."""
    gaps: list[float] = []
    tokens = (spec or "").split()
    i = 0
    try:
        while i < len(tokens) and len(gaps) < needed:
            if tokens[i] == "g":
                count, gap = float(tokens[i + 1]), float(tokens[i + 2])
                if not (math.isfinite(gap) and count >= 0):
                    break
                gaps += [gap] * int(min(count, needed - len(gaps)))
                i += 3
            else:
                gap = float(tokens[i])
                if not math.isfinite(gap):
                    break
                gaps.append(gap)
                i += 1
    except (ValueError, IndexError, OverflowError):
        pass
    return gaps


def _transparent(obj: etree._Element) -> bool:
    """Text filled in a fully transparent colour, as OCR programs lay their text over a scan."""
    fill = _child(obj, "FillColor")
    return fill is not None and fill.get("Alpha", "255").strip() == "0"


def _text(obj: etree._Element, placed: Affine, drawn: _Drawn, number: int, hidden: bool) -> None:
    """The characters of a text object, each with its box on the page; a text object that draws glyphs
    without characters is counted."""
    size = (_numbers(obj.get("Size") or obj.get("size")) or [0.0])[0]   # easyofd writes "size"
    scale = (_numbers(obj.get("HScale")) or [1.0])[0]
    if not 0 < size <= _FAR:
        return
    x = y = 0.0
    printed = False
    space_before = False
    for code in _children(obj, "TextCode"):
        chars = code.text or ""
        limits.check_page_chars(len(drawn.text) + len(chars), number)
        x = (_numbers(code.get("X")) or [x])[0]   # a TextCode without X or Y goes on where the last one ended
        y = (_numbers(code.get("Y")) or [y])[0]
        dxs, dys = _deltas(code.get("DeltaX"), len(chars) - 1), _deltas(code.get("DeltaY"), len(chars) - 1)
        for i, ch in enumerate(chars):
            width = advance(ch, size) * scale
            gap = dxs[i] if i < len(dxs) else width
            if ch.isspace():
                space_before = True
            else:
                box = _corners(placed, x, y - _ASCENT * size, x + (min(width, gap) if gap > 0 else width),
                               y + _DESCENT * size)
                if box is not None and box[2] > box[0]:
                    drawn.text.append(ch)
                    drawn.boxes.append(box)
                    drawn.spaced.append(space_before)
                    drawn.order.append(drawn.objects)
                    drawn.hidden.append(hidden)
                    printed = True
                space_before = False
            x += gap
            y += dys[i] if i < len(dys) else 0.0
    if not printed and _child(obj, "CGTransform") is not None:
        drawn.textless += 1


# ---------------------------------------------------------------------------------------------------
# paths


_ARGUMENTS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0, "Z": 0}
_TOKEN = re.compile(r"\S+")


def _segments(data: str) -> Iterator[tuple[str, list[float]]]:
    """AbbreviatedData's commands with their arguments, read as they are needed (a path is given up after
    ``MAX_SEGMENTS``, however long its data); an unknown command, or one short of its arguments, ends it."""
    tokens = (match.group() for match in _TOKEN.finditer(data))
    for command in tokens:
        count = _ARGUMENTS.get(command)
        if count is None:
            return
        values = _numbers(" ".join(next(tokens, "") for _ in range(count)))
        if values is None or len(values) != count:
            return
        yield command, values


def _path_points(obj: etree._Element, placed: Affine, budget: _PathBudget, number: int) -> list[PathPoint] | None:
    """The path's points on the page, in points, top-down: a curve goes to its end point; a closed sub-path
    goes back to its start. None for a path too long to be a table's rules."""
    points: list[PathPoint] = []
    start: tuple[float, float] | None = None
    for command, values in _segments(_abbreviated(obj)):
        budget.spend(number)
        if len(points) > MAX_SEGMENTS:
            return None
        if command in ("C", "Z"):
            if start is not None:
                points.append((LINE, *start))
            continue
        x, y = _apply(placed, values[-2], values[-1])
        if not (math.isfinite(x) and math.isfinite(y) and abs(x) <= _FAR and abs(y) <= _FAR):
            return None
        point = (x * _POINTS, y * _POINTS)
        if command in ("S", "M"):
            start = point
        points.append((MOVE if command in ("S", "M") else LINE if command == "L" else CURVE, *point))
    return points


def _abbreviated(obj: etree._Element) -> str:
    data = _child(obj, "AbbreviatedData")
    return data.text or "" if data is not None else ""


def _path_rules(obj: etree._Element, placed: Affine, budget: _PathBudget, number: int) -> list[Rule]:
    """The ruling lines a path draws, as the PDF reader reads them: the path itself when it is thin, else its
    stroked straight segments, or for a path only filled its thin pieces (rules drawn as hairline rectangles)."""
    points = _path_points(obj, placed, budget, number)
    if not points:
        return []
    xs, ys = [x for _, x, _ in points], [y for _, _, y in points]
    if rule := thin_rule(min(xs), min(ys), max(xs), max(ys)):
        return [rule]
    stroked = obj.get("Stroke", "true") != "false"
    return stroked_rules(points) if stroked else filled_rules(points) if obj.get("Fill") == "true" else []


# ---------------------------------------------------------------------------------------------------
# pages


@dataclass
class _PageRead:
    page: Page
    scan: tuple[str, float] | None = None    # no readable text: the picture to read by OCR, and its width (pt)
    unreadable: bool = False                 # text drawn as glyphs without characters, and no scan
    ocr_layer: bool = False                  # its text is the OCR layer another program laid on a scan


def _read_page(package: _Package, structure: _Structure, index: int, paths: _PathBudget) -> _PageRead:
    """A page's own content. The template pages drawn under it (``Template/@TemplateID``) are not read: they are
    what a producer draws on every page (running headers and footers, a letterhead), which a PDF reader can only
    guess at, and a header read with the page joins the first row of a table continued on it."""
    number = index + 1
    content = package.xml(structure.pages[index], f"第{number}页的页面内容")
    drawn = _Drawn(paths=paths)
    for layer in _children(_child(content, "Content") if _child(content, "Content") is not None else content,
                           "Layer"):
        _walk(layer, drawn, number)
    box = _box(_child(content, "Area", "PhysicalBox")) or structure.box
    return _page_read(drawn, box, number)


def _page_read(drawn: _Drawn, box: tuple[float, float, float, float], number: int) -> _PageRead:
    """The page in points from its box's corner; a page whose objects lie beyond its box (a producer that writes
    one default box for every page) is as large as they are."""
    x0, y0 = box[0] * _POINTS, box[1] * _POINTS
    width, height = box[2] * _POINTS, box[3] * _POINTS
    boxes = np.array(drawn.boxes, dtype=np.float64).reshape(-1, 4) - [x0, y0, x0, y0]
    rules = [Rule(r.horizontal, r.pos - (y0 if r.horizontal else x0), r.start - (x0 if r.horizontal else y0),
                  r.end - (x0 if r.horizontal else y0)) for r in drawn.rules]
    if len(boxes):
        width, height = max(width, float(boxes[:, 2].max())), max(height, float(boxes[:, 3].max()))
    text = "".join(drawn.text)
    scans = [picture for picture in drawn.images if picture.area >= SCAN_SHARE * width * height]
    if len(text) and not garbled(text):
        glyphs = CharBoxes(text, boxes, np.array(drawn.spaced, dtype=bool))
        return _PageRead(Page(number, width, height, glyphs, rules), ocr_layer=_ocr_layer(drawn, boxes, scans))
    empty = Page(number, width, height, CharBoxes("", np.zeros((0, 4))))
    if scans:
        widest = max(scans, key=lambda picture: picture.box[2] - picture.box[0])
        return _PageRead(empty, scan=(widest.resource, widest.box[2] - widest.box[0]))
    return _PageRead(empty, unreadable=bool(text) or drawn.textless > 0)


def _ocr_layer(drawn: _Drawn, boxes: np.ndarray, scans: list[_Picture]) -> bool:
    """Whether the page's text is a scan's OCR layer, which another program read: a picture covers most of the
    page and most characters are hidden, drawn invisible or transparent, or painted before the picture, under it
    (as the PDF reader judges, ``pdf._ocr_layer``). Its figures are OCR's reading, no evidence."""
    if not scans:
        return False
    hidden = np.array(drawn.hidden, dtype=bool)
    order = np.array(drawn.order)
    x, y = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    for picture in scans:
        left, top, right, bottom = picture.box
        hidden |= (order < picture.order) & (left <= x) & (x <= right) & (top <= y) & (y <= bottom)
    return bool(hidden.sum() >= OCR_LAYER_SHARE * len(hidden))


# ---------------------------------------------------------------------------------------------------
# scans


def _media(package: _Package, structure: _Structure) -> dict[str, str]:
    """Every picture of the resource files: its ID → its part (a resource file's BaseLoc is its folder)."""
    found: dict[str, str] = {}
    for location in structure.resources:
        if not package.has(location):
            continue
        resources = package.xml(location, "资源文件")
        folder = posixpath.join(posixpath.dirname(location), resources.get("BaseLoc", ""))
        for media in resources.iter("{*}MultiMedia", "MultiMedia"):
            file = _child(media, "MediaFile")
            if file is not None and (file.text or "").strip():
                found[media.get("ID", "")] = _located(package, folder, file.text)
    return found


def _scan_page(package: _Package, media: dict[str, str], resource: str, width: float, number: int) -> Page:
    """A scanned page's picture read by OCR at the resolution it is printed at."""
    from gxparse.ocr.scan import ocr_page   # imported here: only scans need the engine
    if resource not in media:
        raise DocumentError(package.source, f"OFD 第{number}页是扫描图片，但图片资源 {resource} 缺失，无法读取")
    data = package.read(media[resource], f"第{number}页的图片")
    if data.startswith(_JBIG2):
        raise DocumentError(package.source, f"OFD 第{number}页是 JBIG2 格式的扫描图片，暂不支持识别")
    try:
        image = Image.open(io.BytesIO(data), formats=_IMAGE_FORMATS)
        limits.check_image(image.width, image.height, f"第{number}页")
        image.load()
    except LimitExceeded:
        raise
    except Image.DecompressionBombError as exc:   # too large, not damaged
        raise limits.image_bomb(f"第{number}页") from exc
    except Exception as exc:   # Pillow raises what the bytes lead it to: to a person it is one thing
        raise DocumentError(package.source, f"OFD 第{number}页的扫描图片损坏或无法识别") from exc
    return ocr_page(image, number, _scan_dpi(image, width), package.source)


def _scan_dpi(image: Image.Image, width: float) -> float:
    """A page picture's resolution as printed ``width`` points wide; a page printed narrower than any paper
    (easyofd writes its pages 100 mm wide, whatever their paper) by the picture's own, as a scanned image's."""
    from gxparse.ocr.scan import image_dpi
    if width < _MIN_PAPER_WIDTH:
        return image_dpi(image)
    return max(image.width / (width / 72), limits.MIN_STATED_DPI)


def _scanned(package: _Package, structure: _Structure, pages: list[Page],
             scans: dict[int, tuple[str, float]]) -> Document:
    from gxparse.ocr.engine import document_budget   # only scans need the OCR engine
    from gxparse.ocr.scan import ocr_in_time, scanned_document
    limits.check_scanned_pages(len(scans))
    media = _media(package, structure)

    def read(index: int, scan: tuple[str, float]) -> Page:
        return _scan_page(package, media, *scan, index + 1)
    with document_budget():
        return scanned_document(pages, ocr_in_time(pages, scans, read))


# ---------------------------------------------------------------------------------------------------


def read_ofd(data: bytes, source: str) -> Document:
    """The OFD's lines: its pages' text laid out as the PDF reader lays out a text layer, scanned pages by OCR."""
    package = _Package(data, source)
    structure = _structure(package)
    if not structure.pages:
        raise DocumentError(source, "OFD 没有页面")
    limits.check_pages(len(structure.pages))
    pages: list[Page] = []
    scans: dict[int, tuple[str, float]] = {}
    unreadable: list[int] = []
    layered: set[int] = set()   # the pages (1-based) whose text is a scan's OCR layer
    chars = 0
    paths = _PathBudget()
    for index in range(len(structure.pages)):
        read = _read_page(package, structure, index, paths)
        chars += len(read.page.glyphs)
        limits.check_document_chars(chars)
        pages.append(read.page)
        if read.scan is not None:
            scans[index] = read.scan
        elif read.unreadable:
            unreadable.append(index + 1)
        if read.ocr_layer:
            layered.add(index + 1)
    if scans:
        return _scanned(package, structure, pages, scans)
    if unreadable and not chars:
        raise DocumentError(source, f"OFD 的文字只有字形、没有字符编码（第{_listed(unreadable)}页），"
                                    "且不是扫描图片，无法读取文本")
    return paged_document(pages, "ofd", layered)


def _listed(numbers: list[int]) -> str:
    return "、".join(map(str, numbers[:10])) + ("等" if len(numbers) > 10 else "")

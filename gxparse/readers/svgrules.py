"""The ruling lines an inline ``<svg>`` draws on a web page: document-preview services and some PDF-to-HTML
converters draw a table's lines as SVG ``<line>``, ``<rect>``, ``<polyline>`` or ``<path>`` shapes over the text
they place by CSS (``readers/positioned.py``).

A shape's coordinates are user units: CSS pixels unless the ``<svg>``'s ``viewBox`` and size scale them, moved and
scaled by the ``transform`` of each shape and group around it. Only straight horizontal and vertical strokes are
rules (``fixedlayout.thin_rule``): a curve or a slanted line rules no table.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from gxparse.errors import LimitExceeded
from gxparse.layout.pages import Rule
from gxparse.readers.fixedlayout import thin_rule

# shapes the inline SVGs of a page draw in all: a table of 200 pages draws a few 10,000 lines; past it the page is
# refused
MAX_SVG_SHAPES = 200_000
# numbers in the points of the page's paths and polylines in all: a table's lines take 2 points of 2 numbers each;
# one path of 1,000,000 segments (7 MB) took 22 s and 690 MB to read; past it the page is refused
MAX_SVG_NUMBERS = 400_000
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_COMMAND = re.compile(r"([MmLlHhVvZz])([^MmLlHhVvZzCcSsQqTtAa]*)|[CcSsQqTtAa][^MmLlHhVvZz]*")
_TRANSFORM = re.compile(r"(matrix|translate|scale)\s*\(([^)]*)\)")
_SHAPES = {"line", "rect", "polyline", "polygon", "path"}
_SVG_NS = "{http://www.w3.org/2000/svg}"   # an SVG file's elements (a page's inline SVG has none)
_SHAPE_TAGS = (*_SHAPES, *(_SVG_NS + s for s in _SHAPES))

Affine = tuple[float, float, float, float, float, float]   # a b c d e f, as SVG's matrix()
_IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def check_shapes(root: etree._Element) -> None:
    """Refuses a page whose inline SVGs draw more than ``MAX_SVG_SHAPES`` shapes, or give their paths and
    polylines more than ``MAX_SVG_NUMBERS`` coordinates, in all."""
    shapes = [e for svg in root.iter("svg", _SVG_NS + "svg") for e in svg.iter(*_SHAPE_TAGS)]
    if len(shapes) > MAX_SVG_SHAPES:
        raise LimitExceeded(f"SVG 图形过多：页面超过 {MAX_SVG_SHAPES} 个（上限）")
    coordinates = (m for e in shapes for m in _NUMBER.finditer(e.get("d") or e.get("points") or ""))
    if next(islice(coordinates, MAX_SVG_NUMBERS, None), None) is not None:
        raise LimitExceeded(f"SVG 图形过多：页面的路径坐标超过 {MAX_SVG_NUMBERS} 个（上限）")


def svg_rules(svg: etree._Element, scale: float, drawn: tuple[float, float] | None = None) -> list[Rule]:
    """The rules ``svg`` draws, from its top left corner, in its page's units (``scale`` of them to a CSS pixel);
    ``drawn``: the width and height it is stretched to (a picture's box), else its own attributes'."""
    rules: list[Rule] = []
    base = _compose((scale, 0.0, 0.0, scale, 0.0, 0.0), _view_box(svg, drawn))

    def visit(element: etree._Element, matrix: Affine) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            here = _compose(matrix, _transform(child.get("transform")))
            tag = etree.QName(child).localname.lower()
            if tag in _SHAPES:
                rules.extend(_shape_rules(child, tag, here))
            elif tag in ("g", "svg", "a"):
                visit(child, here)

    visit(svg, base)
    return rules


def _shape_rules(shape: etree._Element, tag: str, matrix: Affine) -> list[Rule]:
    if tag == "line":
        points = [(_number(shape.get("x1")), _number(shape.get("y1"))),
                  (_number(shape.get("x2")), _number(shape.get("y2")))]
        return _segments([points], matrix)
    if tag == "rect":
        x, y = _number(shape.get("x")), _number(shape.get("y"))
        w, h = _number(shape.get("width")), _number(shape.get("height"))
        corners = [_apply(matrix, px, py) for px, py in ((x, y), (x + w, y + h))]
        (x0, y0), (x1, y1) = corners
        if rule := thin_rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)):
            return [rule]   # a thin filled bar
        if (shape.get("stroke") or "none") == "none":
            return []       # a filled cell: shading, no rule
        return _segments([[(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]], matrix)
    if tag in ("polyline", "polygon"):
        values = [float(v) for v in _NUMBER.findall(shape.get("points") or "")]
        points = list(zip(values[::2], values[1::2]))
        if tag == "polygon" and points:
            points.append(points[0])
        return _segments([points], matrix)
    return _segments(_path_points(shape.get("d") or ""), matrix)


def _path_points(d: str) -> list[list[tuple[float, float]]]:
    """A path's straight subpaths as point lists (absolute and relative M, L, H, V, Z); a curve ends a subpath."""
    paths: list[list[tuple[float, float]]] = []
    x = y = 0.0
    for m in _COMMAND.finditer(d):
        command = m.group(1)
        if command is None:   # a curve or an arc: no rule, and its end point is not followed
            paths.append([])
            continue
        values = [float(v) for v in _NUMBER.findall(m.group(2))]
        relative = command.islower()
        kind = command.upper()
        if kind == "Z":
            if paths and paths[-1]:
                paths[-1].append(paths[-1][0])
                x, y = paths[-1][0]
            continue
        if kind in ("H", "V"):
            for v in values:
                if kind == "H":
                    x = x + v if relative else v
                else:
                    y = y + v if relative else v
                if paths:
                    paths[-1].append((x, y))
            continue
        pairs = list(zip(values[::2], values[1::2]))
        for n, (px, py) in enumerate(pairs):
            x, y = (x + px, y + py) if relative else (px, py)
            if kind == "M" and n == 0:
                paths.append([(x, y)])
            elif paths:
                paths[-1].append((x, y))
    return paths


def _segments(paths: list[list[tuple[float, float]]], matrix: Affine) -> list[Rule]:
    rules = []
    for points in paths:
        placed = [_apply(matrix, x, y) for x, y in points]
        for (x0, y0), (x1, y1) in zip(placed, placed[1:]):
            if rule := thin_rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)):
                rules.append(rule)
    return rules


def _view_box(svg: etree._Element, drawn: tuple[float, float] | None) -> Affine:
    """The ``viewBox`` scaled to the ``<svg>``'s width and height in px, or to the size it is ``drawn`` at
    (stretched: preview services draw their lines with the box's own proportions)."""
    values = [float(v) for v in _NUMBER.findall(svg.get("viewBox") or svg.get("viewbox") or "")]
    width, height = drawn or (_number(svg.get("width")), _number(svg.get("height")))
    if len(values) != 4 or values[2] <= 0 or values[3] <= 0 or not width or not height:
        return _IDENTITY
    sx, sy = width / values[2], height / values[3]
    return (sx, 0.0, 0.0, sy, -values[0] * sx, -values[1] * sy)


def _transform(value: str | None) -> Affine:
    matrix = _IDENTITY
    for name, args in _TRANSFORM.findall(value or ""):
        v = [float(a) for a in _NUMBER.findall(args)]
        if name == "matrix" and len(v) == 6:
            step: Affine = (v[0], v[1], v[2], v[3], v[4], v[5])
        elif name == "translate" and v:
            step = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale" and v:
            step = (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
        else:
            continue
        matrix = _compose(matrix, step)
    return matrix


def _compose(outer: Affine, inner: Affine) -> Affine:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _apply(matrix: Affine, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _number(value: str | None) -> float:
    """An attribute's leading number (``12``, ``12.5px``); 0 for none."""
    m = _NUMBER.match(value.strip()) if value else None
    return float(m.group()) if m else 0.0

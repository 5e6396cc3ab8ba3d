"""Writes tests/fixtures/htmlpos: our PDFs as PDF-to-HTML converters show them on the web, text placed by CSS.

    .venv/bin/python -m tests.gxparse.formats.freeze_htmlpos [--tools …]

PDFs (as in ``freeze_extracted``): the real reports of tests/fixtures/real as published, the seeds printed by
LibreOffice and written by reportlab, the simulated reports written by reportlab. Tools (``TOOLS``):

- ``pdfminer``: pdfminer.six's ``pdf2txt.py -t html`` (``extract_text_to_fp(output_type="html")``): one
  canvas for all pages, a ``<div>`` at ``position:absolute`` (px) per text box with its lines apart by ``<br>``,
  page frames and the PDF's lines and rectangles as bordered ``<span>`` boxes;
- ``pymupdf``: PyMuPDF's ``page.get_text("html")`` for each page: a ``<div>`` of the page's size per page, a
  ``<p style="top:…pt;left:…pt">`` per printed line;
- ``pdf2htmlex``: the structure pdf2htmlEX writes (``--zoom 1.5``; not installable here, ``pdf2htmlex_page``):
  ``pf`` page ``<div>`` s, a ``t m0 x… h… y… ff… fs…`` ``<div>`` per printed line whose coordinates are class
  rules of the page's ``<style>`` (``bottom:`` from the page's foot, text written at 4× its size and scaled by
  ``matrix(0.25,0,0,0.25,0,0)``), the gaps of a line as ``<span class="_ _N">`` of a class's width, the
  drawing (the table rules) a background picture, each PDF font an ``@font-face`` WOFF (``ff1``, …; a
  character of another font than its line's in a ``<span class="ffN">``) of Noto Sans CJK SC's glyphs
  advancing as the PDF's do (``_font_face``);
- ``pdfjs``: pdf.js's viewer saved with its text layers (``pdfjs_html``): a ``<span>`` per word at ``left``/``top``
  with no position of its own, fitted to its printed width by ``scaleX``;
- ``preview``: a page as document-preview services show a file (永中 DCS, kkFileView-like; ``preview_html``):
  a ``<div class="page">`` per page, a ``<p style="position:absolute;…">`` per glyph run, the table's lines as
  thin ``<div>`` s filled with black;
- ``preview-svg``: the ``preview`` pages with their lines in an inline ``<svg>`` per page (``preview_svg``, for
  the ``SVG`` ones): a ``viewBox`` in points, a ``<g>`` flipping y, ``<line>`` s and ``<path>`` s;
- ``pdf2htmlex-scoped``: the ``pdf2htmlex`` pages with their rules scoped as newer converters and site themes
  write them (``pdf2htmlex_scoped``, from the frozen ``pdf2htmlex`` pages, for the ``SCOPED`` ones): a
  line's classes under its page (``.pf .x3``, offsets ``!important``), the line and page rules in their content
  box and page container (``.pc > .t``, ``#page-container > .pf``);
- ``pdf2htmlex-svg``, ``pdf2htmlex-png``: the ``pdf2htmlex`` pages with their drawing embedded as pdf2htmlEX
  embeds its page backgrounds (``pdf2htmlex_background``, from the frozen ``pdf2htmlex`` and ``preview`` pages, for
  the ``BACKGROUND`` ones): an ``<img class="bi">`` of the page's size whose ``src`` is a ``data:`` URI of the
  preview page's lines as cairo's SVG or a 144 dpi PNG;
- ``pdfjs-relative``: the ``pdfjs`` pages as newer pdf.js text layers write them (``pdfjs_relative``, from the
  frozen ``pdfjs`` pages, for the ``RELATIVE`` ones): a page ``<div>`` setting ``--scale-factor``, a span's
  ``left``/``top`` in % of its page, its ``font-size`` as ``calc(var(--scale-factor)*10.00px)``.

Each rendering is ``<tool>/<document>.<printer>.html``; fonts and pictures the converters embed are left out
(``data:`` URIs of ``src``/``href`` emptied), but pdf2htmlEX's fonts and the backgrounds ``pdf2htmlex-svg`` and
``pdf2htmlex-png`` are made of. The truth
of a document is tests/fixtures/extracted's ``truth/<document>.truth.json``.
Run it again only when a tool or a printer changes: the renderings are test data.
"""

from __future__ import annotations

import argparse
import base64
import io
import re
import sys
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

from simsite.documents import report_pdf
from simsite.families import make_site
from tests.gxparse.formats.build import Fixtures
from tests.gxparse.formats.freeze_extracted import SIMSITE_REPORTS
from tests.gxparse.seeds import SEEDS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
OUT = FIXTURES / "htmlpos"
_DATA_URI = re.compile(r"""(src|href)=(["'])data:[^"']*\2""")
_PDF2HTMLEX_ZOOM = 1.5   # px per pt, as the sites that publish pdf2htmlEX pages run it
_PDF2HTMLEX_SCALE = 4    # pdf2htmlEX writes text at 4× its size and scales it back by its matrix
# the glyphs the PDF's fonts are embedded with (a free font installed here; the PDF's own are not all embedded)
_FONT_GLYPHS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2)   # Noto Sans CJK SC
_SAME_LINE = 1.0         # pt: characters whose baselines lie this close are on one printed line
_GAP = 0.15              # of the font size: a wider gap after a character is a gap span
_PREVIEW_ZOOM = 4 / 3     # px per pt: preview services draw pages at 96 dpi
# preview pages rewritten with their lines in an inline SVG: a published report, a LibreOffice and a reportlab print
SVG = ("002_huaian_hongze_2023.published", "zhoukou_office_2021.libreoffice", "kaifeng_2021.reportlab")
_PREVIEW_PAGE = re.compile(r'(<div class="page"[^>]*width:(\d+)px;height:(\d+)px;[^>]*>)(.*?)</div>(?=\n|$)', re.S)
_PREVIEW_BAR = re.compile(r'<div style="position:absolute;left:([\d.]+)px;top:([\d.]+)px;width:([\d.]+)px;'
                          r'height:([\d.]+)px;background-color:#000000"></div>')
_PREVIEW_BAR_HTML = re.compile(r'<div style="position:absolute;[^"]*background-color:#000000"></div>')
# pdf2htmlEX pages rewritten with their drawing embedded as an SVG or a PNG: a published report, a LibreOffice and
# a reportlab print
BACKGROUND = ("002_huaian_hongze_2023.published", "zhoukou_office_2021.libreoffice", "kaifeng_2021.reportlab")
_PDF2HTMLEX_BACKGROUND = re.compile(r'<div id="pf([0-9a-f]+)" class="pf (w\d+) (h\d+)"[^>]*><div[^>]*>'
                                    r'(<img class="bi x0 y0" alt="" src="[^"]*"/>)')
_PDF2HTMLEX_BACKGROUND_DPI = 144   # pdf2htmlEX's default --dpi, at which it draws its background pictures
# pdf2htmlEX pages rewritten with scoped rules: a published report, a LibreOffice print, a reportlab one
SCOPED = ("001_huaian_szf_2024.published", "huangchuan_2021.libreoffice", "kaifeng_2021.reportlab")
# pdf.js pages rewritten as newer text layers write them: a published report, a LibreOffice and a reportlab print
RELATIVE = ("002_huaian_hongze_2023.published", "kaifeng_2021.libreoffice", "zhoukou_city_2021.reportlab")
_PDFJS_PAGE = re.compile(r'(<div class="page"[^>]*style=")width: (\d+)px; height: (\d+)px;(".*?</div></div>)', re.S)
_PDFJS_SPAN = re.compile(r"left: ([\d.]+)px; top: ([\d.]+)px; font-size: ([\d.]+)px;")
_LINE_CLASS_RULE = re.compile(r"^\.((?:x|y|fs|_)\d+|m0)\{([^{}]*)\}", re.M)
_OFFSET = re.compile(r"((?:left|bottom):[^;}]*)")


def _pdfs(folder: Path) -> dict[str, Path]:
    pdfs = {f"{pdf.stem}.published": pdf for pdf in sorted((FIXTURES / "real").glob("*.pdf"))}
    fixtures = Fixtures(folder)
    for name in SEEDS:
        pdfs[f"{name}.libreoffice"] = fixtures.libreoffice_pdf(name)
        pdfs[f"{name}.reportlab"] = fixtures.reportlab_pdf(name)
    reports = {r.id: r for r in make_site("classic", 1).expected_reports()}
    for report_id in SIMSITE_REPORTS:
        path = folder / f"simsite-{report_id}.reportlab.pdf"
        path.write_bytes(report_pdf(reports[report_id].report))
        pdfs[path.stem] = path
    return pdfs


def pdfminer_html(pdf: Path) -> str:
    from pdfminer.high_level import extract_text_to_fp
    from pdfminer.layout import LAParams
    out = io.BytesIO()
    with pdf.open("rb") as source:   # pdf2txt.py lays the text out (LAParams) unless told -n
        extract_text_to_fp(source, out, laparams=LAParams(), output_type="html", codec="utf-8")
    return out.getvalue().decode("utf-8")


def pymupdf_html(pdf: Path) -> str:
    import fitz
    with fitz.open(pdf) as document:
        pages = "\n".join(page.get_text("html") for page in document)
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n{pages}</body></html>\n"


class _Classes:
    """pdf2htmlEX's numbered classes: one per distinct value of a property (``x3`` → ``.x3{left:…px}``)."""

    def __init__(self, prefix: str, rule: str) -> None:
        self.prefix, self.rule = prefix, rule
        self.values: dict[str, int] = {}

    def of(self, value: float) -> str:
        key = f"{value:.6f}"
        return f"{self.prefix}{self.values.setdefault(key, len(self.values))}"

    def css(self) -> str:
        return "".join(f".{self.prefix}{n}{{{self.rule}:{v}px;}}\n" for v, n in self.values.items())


def pdf2htmlex_html(pdf: Path) -> str:
    """The page pdf2htmlEX writes for ``pdf`` (``--zoom 1.5``), from the characters pdfplumber reads."""
    import pdfplumber
    z = _PDF2HTMLEX_ZOOM
    xs, ys, hs, fss = (_Classes("x", "left"), _Classes("y", "bottom"), _Classes("h", "height"),
                       _Classes("fs", "font-size"))
    ws, gaps = _Classes("w", "width"), _Classes("_", "width")
    fonts: dict[str, dict[str, float]] = {}   # the PDF's fonts in the order met: each character's advance in ems
    pages = []

    def font_class(ch: dict) -> str:
        widths = fonts.setdefault(ch["fontname"], {})
        widths.setdefault(ch["text"], (ch["x1"] - ch["x0"]) / ch["size"])
        return f"ff{list(fonts).index(ch['fontname']) + 1}"

    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            body = [f'<div id="pf{number:x}" class="pf {ws.of(page.width * z)} {hs.of(page.height * z)}" '
                    f'data-page-no="{number:x}"><div class="pc pc{number:x} {ws.of(page.width * z)} '
                    f'{hs.of(page.height * z)}"><img class="bi x0 y0" alt="" src="bg{number:x}.png"/>']
            for line in _printed_lines(page.chars):
                first, size = line[0], line[0]["size"]
                family = font_class(first)
                parts = []
                for ch, after in zip(line, line[1:] + [None]):
                    own = font_class(ch)
                    parts.append(escape(ch["text"]) if own == family else f'<span class="{own}">{escape(ch["text"])}</span>')
                    if after is not None and after["x0"] - ch["x1"] > _GAP * size:
                        # in the line's own units, which its matrix scales by 1/4 as it does the text
                        gap = (after["x0"] - ch["x1"]) * z * _PDF2HTMLEX_SCALE
                        parts.append(f'<span class="_ {gaps.of(gap)}"></span>')
                baseline = first["bottom"] - 0.12 * size   # the descent below the baseline
                classes = (f"t m0 {xs.of(first['x0'] * z)} {hs.of(size * 1.1 * z * _PDF2HTMLEX_SCALE)} "
                           f"{ys.of((page.height - baseline) * z)} {family} {fss.of(size * z * _PDF2HTMLEX_SCALE)} "
                           "fc0 sc0 ls0 ws0")
                body.append(f'<div class="{classes}">{"".join(parts)}</div>')
            body.append("</div></div>")
            pages.append("".join(body))
    style = ("#page-container{position:absolute;top:0;left:0;margin:0;padding:0;border:0;overflow:auto}\n"
             ".pf{position:relative;background-color:white;overflow:hidden;margin:0;border:0}\n"
             ".pc{position:absolute;border:0;padding:0;margin:0;top:0;left:0;width:100%;height:100%;"
             "overflow:hidden;display:block;transform-origin:0 0}\n"
             ".bi{position:absolute;border:0;margin:0;user-select:none}\n"
             ".t{position:absolute;white-space:pre;font-size:1px;transform-origin:0 100%;"
             "unicode-bidi:bidi-override}\n"
             "._{display:inline-block;}\n"
             ".m0{transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);"
             "-ms-transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);"
             "-webkit-transform:matrix(0.250000,0.000000,0.000000,0.250000,0,0);}\n"
             + "".join(_font_face(f"ff{n}", widths) for n, widths in enumerate(fonts.values(), 1)) +
             ".fc0{color:rgb(0,0,0);}\n.sc0{text-shadow:none;}\n.ls0{letter-spacing:0px;}\n.ws0{word-spacing:0px;}\n"
             ".x0{left:0px;}\n.y0{bottom:0px;}\n"
             + xs.css() + ys.css() + hs.css() + fss.css() + ws.css() + gaps.css())
    return ('<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<meta charset="utf-8"/>\n'
            '<meta name="generator" content="pdf2htmlEX"/>\n'
            f'<style type="text/css">\n{style}</style>\n</head>\n<body>\n'
            '<div id="sidebar"><div id="outline"></div></div>\n'
            f'<div id="page-container">\n' + "\n".join(pages) + "\n</div>\n</body>\n</html>\n")


def _font_face(family: str, widths: dict[str, float]) -> str:
    """pdf2htmlEX's rules for one PDF font: the font embedded as a WOFF (``--embed-font 1``, the default) whose
    glyphs advance as the PDF's do (pdf2htmlEX sets them from the PDF's widths), and its class."""
    data = base64.b64encode(_woff(widths)).decode()
    return (f'@font-face{{font-family:{family};src:url(data:application/font-woff;base64,{data})format("woff");}}'
            f".{family}{{font-family:{family};line-height:1.1;font-style:normal;font-weight:normal;"
            "visibility:visible;}\n")


def _woff(widths: dict[str, float]) -> bytes:
    """A WOFF of ``_FONT_GLYPHS``'s glyphs for the characters of ``widths``, each advancing its width (ems)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    font = TTFont(_FONT_GLYPHS[0], fontNumber=_FONT_GLYPHS[1], recalcTimestamp=False)   # the same bytes each run
    options = subset.Options()
    options.flavor, options.layout_features, options.name_IDs, options.notdef_outline = "woff", [], [], True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(widths))
    subsetter.subset(font)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    for code, name in font.getBestCmap().items():
        metrics[name] = (round(widths[chr(code)] * units), metrics[name][1])
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out)
    return out.getvalue()


def pdf2htmlex_scoped(html: str) -> str:
    """A ``pdf2htmlex`` page whose line rules are scoped to its pages (``.pf .x3{left:…!important}``) and whose
    line and page rules hold in their content box and page container only (``.pc > .t``, ``#page-container > .pf``)."""
    def scoped(match: re.Match) -> str:
        declarations = _OFFSET.sub(r"\1!important", match.group(2))
        return f".pf .{match.group(1)}{{{declarations}}}"

    # the line rule no more specific than the font-size classes (.pf .fs3) that must outrank its font-size:1px
    return (_LINE_CLASS_RULE.sub(scoped, html).replace("\n.t{", "\n.pc > .t{", 1)
            .replace("\n.pf{", "\n#page-container > .pf{", 1))


def pdfjs_relative(html: str) -> str:
    """A ``pdfjs`` page as newer pdf.js writes its text layers: the page ``<div>`` sets ``--scale-factor``, a
    span is placed in % of its page and sized as ``calc(var(--scale-factor)*…px)`` in the PDF's points."""
    z = _PDF2HTMLEX_ZOOM

    def page(match: re.Match) -> str:
        width, height = int(match.group(2)), int(match.group(3))

        def span(m: re.Match) -> str:
            left, top, size = (float(v) for v in m.groups())
            return (f"left: {left / width * 100:.4f}%; top: {top / height * 100:.4f}%; "
                    f"font-size: calc(var(--scale-factor)*{size / z:.2f}px);")

        return (f"{match.group(1)}--scale-factor: {z}; width: {width}px; height: {height}px;"
                + _PDFJS_SPAN.sub(span, match.group(4)))

    return _PDFJS_PAGE.sub(page, html)


def _printed_lines(chars: list[dict]) -> list[list[dict]]:
    """The page's characters (no spaces: pdf2htmlEX writes gaps as spans) as printed lines, left to right."""
    lines: list[list[dict]] = []
    for ch in sorted((c for c in chars if c["text"].strip()), key=lambda c: (round(c["bottom"]), c["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - ch["bottom"]) <= _SAME_LINE and ch["size"] == lines[-1][0]["size"]:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def pdfjs_html(pdf: Path) -> str:
    """A page of pdf.js's viewer saved with its text layers (``--zoom`` 1.5 as ``_PDF2HTMLEX_ZOOM``), from the
    words pdfplumber reads: a ``<span>`` per text item at ``left``/``top`` in px, scaled by ``scaleX`` to the
    item's printed width from what a browser's sans-serif font gives it (an em for a CJK character, 0.55 for
    another); no position of its own (``.textLayer span`` places it, a rule of the viewer's style sheet)."""
    import pdfplumber
    z = _PDF2HTMLEX_ZOOM
    pages = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            spans = []
            for word in page.extract_words(extra_attrs=["size"]):
                size = word["size"] * z
                measured = sum(size if ord(ch) > 0x2e80 else 0.55 * size for ch in word["text"])
                scale = (word["x1"] - word["x0"]) * z / measured if measured else 1.0
                spans.append(f'<span style="left: {word["x0"] * z:.2f}px; top: {word["top"] * z:.2f}px; '
                             f'font-size: {size:.2f}px; font-family: sans-serif; transform: scaleX({scale:.5f});">'
                             f'{escape(word["text"])}</span>')
            pages.append(f'<div class="page" data-page-number="{number}" style="width: {page.width * z:.0f}px; '
                         f'height: {page.height * z:.0f}px;"><div class="canvasWrapper"><canvas></canvas></div>'
                         f'<div class="textLayer">{"".join(spans)}</div></div>')
    style = (".pdfViewer .page{position:relative;margin:1px auto -8px auto;border:9px solid transparent}\n"
             ".textLayer{position:absolute;left:0;top:0;right:0;bottom:0;overflow:hidden;opacity:0.2;line-height:1}\n"
             ".textLayer span{color:transparent;position:absolute;white-space:pre;cursor:text;"
             "transform-origin:0% 0%}\n")
    return (f'<!DOCTYPE html>\n<html dir="ltr"><head><meta charset="utf-8"><style>{style}</style></head>\n<body>'
            f'<div id="viewerContainer"><div id="viewer" class="pdfViewer">\n' + "\n".join(pages)
            + "\n</div></div></body></html>\n")


def preview_html(pdf: Path) -> str:
    """A page as document-preview services show an office or PDF file (永中 DCS, kkFileView-like), from the
    characters and edges pdfplumber reads, at 96 dpi: a ``<div class="page">`` of the page's size per page, a
    ``<p style="position:absolute;left:…;top:…;width:…">`` per glyph run (a printed line cut at its wide gaps),
    the table's lines as thin ``<div>`` s filled with black."""
    import pdfplumber
    z = _PREVIEW_ZOOM
    pages = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            parts = [f'<div style="position:absolute;left:{e["x0"] * z:.1f}px;top:{e["top"] * z:.1f}px;'
                     f'width:{max(e["x1"] - e["x0"], 0.75) * z:.1f}px;height:{max(e["bottom"] - e["top"], 0.75) * z:.1f}px;'
                     f'background-color:#000000"></div>' for e in page.edges]
            for line in _printed_lines(page.chars):
                for run in _glyph_runs(line):
                    size = run[0]["size"] * z
                    parts.append(f'<p style="position:absolute;left:{run[0]["x0"] * z:.1f}px;top:{run[0]["top"] * z:.1f}px;'
                                 f'width:{(run[-1]["x1"] - run[0]["x0"]) * z:.1f}px;margin:0;white-space:nowrap;'
                                 f'line-height:1"><span style="font-size:{size:.1f}px;font-family:SimSun">'
                                 f'{escape("".join(c["text"] for c in run))}</span></p>')
            pages.append(f'<div class="page" id="page{number}" style="position:relative;width:{page.width * z:.0f}px;'
                         f'height:{page.height * z:.0f}px;margin:10px auto;background:#fff">{"".join(parts)}</div>')
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>文档预览</title></head>\n<body style="background:#ccc">'
            '<div id="viewer">\n' + "\n".join(pages) + "\n</div></body></html>\n")


def preview_svg(html: str) -> str:
    """A ``preview`` page whose table lines are drawn by an inline ``<svg>`` per page, as services and pdf.js's SVG
    back end draw them: a ``viewBox`` in points scaled to the page's px, a ``<g>`` flipping PDF's upward y
    (``matrix(1,0,0,-1,0,height)``), horizontal lines as ``<line>``, vertical ones as ``<path d="M x y V y2">``."""
    def page(m: re.Match[str]) -> str:
        width, height = float(m.group(2)), float(m.group(3))
        h = height / _PREVIEW_ZOOM
        shapes = []
        for left, top, w, tall in (map(float, bar) for bar in _PREVIEW_BAR.findall(m.group(4))):
            x0, y0 = left / _PREVIEW_ZOOM, h - top / _PREVIEW_ZOOM
            x1, y1 = (left + w) / _PREVIEW_ZOOM, h - (top + tall) / _PREVIEW_ZOOM
            if w >= tall:
                shapes.append(f'<line x1="{x0:.2f}" y1="{(y0 + y1) / 2:.2f}" x2="{x1:.2f}" y2="{(y0 + y1) / 2:.2f}"/>')
            else:
                shapes.append(f'<path d="M{(x0 + x1) / 2:.2f} {y0:.2f}V{y1:.2f}"/>')
        svg = (f'<svg style="position:absolute;left:0;top:0" width="{width:.0f}" height="{height:.0f}" '
               f'viewBox="0 0 {width / _PREVIEW_ZOOM:.2f} {h:.2f}"><g transform="matrix(1,0,0,-1,0,{h:.2f})" '
               f'stroke="#000" stroke-width="0.75">{"".join(shapes)}</g></svg>')
        return m.group(1) + svg + _PREVIEW_BAR_HTML.sub("", m.group(4)) + "</div>"

    return _PREVIEW_PAGE.sub(page, html)


def pdf2htmlex_background(html: str, preview: str, kind: str) -> str:
    """A ``pdf2htmlex`` page with its drawing embedded as pdf2htmlEX embeds it (``--embed-image 1``, the
    default): an ``<img class="bi x0 y0 w… h…">`` of the page's size per page whose ``src`` is a ``data:`` URI of
    the lines the frozen ``preview`` page draws (the PDF's edges) as ``kind`` draws them: ``svg`` as cairo's SVG
    surface writes them (``--bg-format svg``: a ``viewBox`` in points, horizontal lines stroked paths, vertical
    ones filled thin rectangles, each flipped by ``matrix(1,0,0,-1,0,h)``), ``png`` at pdf2htmlEX's 144 dpi."""
    pages = _PREVIEW_PAGE.findall(preview)
    # the page's corner as classes of their own: the frozen page's .x0 and .y0 are its first line's (pdf2htmlEX
    # numbers the picture's 0 first)
    x, y = (_free_class(html, axis) for axis in "xy")
    html = html.replace("</style>", f".{x}{{left:0px;}}\n.{y}{{bottom:0px;}}\n</style>", 1)

    def page(m: re.Match[str]) -> str:
        _, width, height, content = pages[int(m.group(1), 16) - 1]
        w, h = float(width) / _PREVIEW_ZOOM, float(height) / _PREVIEW_ZOOM
        bars = [tuple(float(v) / _PREVIEW_ZOOM for v in bar) for bar in _PREVIEW_BAR.findall(content)]
        data = _background_svg(bars, w, h) if kind == "svg" else _background_png(bars, w, h)
        uri = f"data:image/{'svg+xml' if kind == 'svg' else 'png'};base64,{base64.b64encode(data).decode()}"
        return f'{m.group(0)[:-len(m.group(4))]}<img class="bi {x} {y} {m.group(2)} {m.group(3)}" alt="" src="{uri}"/>'

    return _PDF2HTMLEX_BACKGROUND.sub(page, html)


def _free_class(html: str, prefix: str) -> str:
    """A class name ``prefix`` + a number the page's ``<style>`` does not use."""
    used = [int(n) for n in re.findall(rf"^\.{prefix}(\d+)\{{", html, re.M)]
    return f"{prefix}{max(used, default=-1) + 1}"


def _background_svg(bars: list[tuple[float, ...]], w: float, h: float) -> bytes:
    shapes = []
    for left, top, width, tall in bars:
        y0, y1 = h - top, h - top - tall
        if width >= tall:
            y = (y0 + y1) / 2
            shapes.append(f'<path style="fill:none;stroke-width:{tall:g};stroke-linecap:butt;stroke-linejoin:miter;'
                          f'stroke:rgb(0%,0%,0%);stroke-opacity:1;stroke-miterlimit:10;" '
                          f'd="M {left:.3f} {y:.3f} L {left + width:.3f} {y:.3f} " transform="matrix(1,0,0,-1,0,{h:g})"/>')
        else:
            x1 = left + width
            shapes.append(f'<path style=" stroke:none;fill-rule:nonzero;fill:rgb(0%,0%,0%);fill-opacity:1;" '
                          f'd="M {left:.3f} {y0:.3f} L {x1:.3f} {y0:.3f} L {x1:.3f} {y1:.3f} L {left:.3f} {y1:.3f} Z '
                          f'M {left:.3f} {y0:.3f} " transform="matrix(1,0,0,-1,0,{h:g})"/>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" width="{w:g}pt" height="{h:g}pt" viewBox="0 0 {w:g} {h:g}" '
            f'version="1.1">\n<g id="surface1">\n' + "\n".join(shapes) + "\n</g>\n</svg>\n").encode()


def _background_png(bars: list[tuple[float, ...]], w: float, h: float) -> bytes:
    from PIL import Image, ImageDraw
    z = _PDF2HTMLEX_BACKGROUND_DPI / 72
    image = Image.new("L", (round(w * z), round(h * z)), 255)
    draw = ImageDraw.Draw(image)
    for left, top, width, tall in bars:
        draw.rectangle((round(left * z), round(top * z), round((left + width) * z) - 1, round((top + tall) * z) - 1),
                       fill=0)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _glyph_runs(line: list[dict]) -> list[list[dict]]:
    """A printed line cut where a gap wider than ``_GAP`` of the font size lies between two characters."""
    runs = [[line[0]]]
    for before, ch in zip(line, line[1:]):
        if ch["x0"] - before["x1"] > _GAP * ch["size"]:
            runs.append([])
        runs[-1].append(ch)
    return runs


TOOLS: dict[str, Callable[[Path], str]] = {"pdfminer": pdfminer_html, "pymupdf": pymupdf_html,
                                           "pdf2htmlex": pdf2htmlex_html, "pdfjs": pdfjs_html,
                                           "preview": preview_html}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--tools", help="comma-separated tools to write (default: all)")
    args = parser.parse_args()
    tools = args.tools.split(",") if args.tools else list(TOOLS)
    with tempfile.TemporaryDirectory(prefix="gxparse-htmlpos-") as tmp:
        pdfs = _pdfs(Path(tmp))
        for tool in tools:
            (OUT / tool).mkdir(parents=True, exist_ok=True)
            for name, pdf in pdfs.items():
                html = _DATA_URI.sub(r"\1=\2\2", TOOLS[tool](pdf))
                (OUT / tool / f"{name}.html").write_text(html, encoding="utf-8")
    print(f"{len(pdfs)} PDFs written to {OUT}", file=sys.stderr)
    if "pdf2htmlex" in tools:
        _write_derived("pdf2htmlex", "pdf2htmlex-scoped", SCOPED, pdf2htmlex_scoped)
    if "pdf2htmlex" in tools or "preview" in tools:
        _write_backgrounds()
    if "pdfjs" in tools:
        _write_derived("pdfjs", "pdfjs-relative", RELATIVE, pdfjs_relative)
    if "preview" in tools:
        _write_derived("preview", "preview-svg", SVG, preview_svg)


def _write_backgrounds() -> None:
    """``pdf2htmlex-svg`` and ``pdf2htmlex-png``: the frozen ``pdf2htmlex`` pages ``BACKGROUND`` with the lines of
    their frozen ``preview`` pages as background pictures."""
    for kind in ("svg", "png"):
        (OUT / f"pdf2htmlex-{kind}").mkdir(exist_ok=True)
        for name in BACKGROUND:
            html = pdf2htmlex_background((OUT / "pdf2htmlex" / f"{name}.html").read_text(encoding="utf-8"),
                                         (OUT / "preview" / f"{name}.html").read_text(encoding="utf-8"), kind)
            (OUT / f"pdf2htmlex-{kind}" / f"{name}.html").write_text(html, encoding="utf-8")


def _write_derived(tool: str, family: str, names: tuple[str, ...], rewrite: Callable[[str], str]) -> None:
    """``family``: the frozen ``tool`` pages ``names`` rewritten by ``rewrite``."""
    (OUT / family).mkdir(exist_ok=True)
    for name in names:
        html = rewrite((OUT / tool / f"{name}.html").read_text(encoding="utf-8"))
        (OUT / family / f"{name}.html").write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()

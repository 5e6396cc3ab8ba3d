"""The seeds as PDF producers print them in ways no other fixture has (``benchmarks.accuracy``, pdf-<family>):

- zeros written 零 or 〇, or left blank, in every table, ruled and borderless (``zero-<mark>``,
  ``borderless-zero-<mark>``): some agencies type their zeros so or leave them out;
- labels in distributed alignment (Word's 分散对齐), each glyph its own text object spread over the cell's
  width (``spaced``): ``行 政 许 可`` as some printers emit it;
- the ruled tables with their rules drawn as thin filled rectangles (``filled-rules``), as Word's own PDF
  export and several virtual printers draw borders;
- every page printed landscape and rotated into a portrait page (``rotated``): the content drawn turned by 90°
  under ``/Rotate 90``, as scanners' and some virtual printers' PDFs are;
- page furniture on every page (``furniture-dashes``, ``furniture-of-pages``): the agency's name as a running
  header over a rule, a footer rule and line, and the page number as ``- 3 -`` or ``第 3 页 共 8 页``, so that
  table 三, split over two pages (its header repeated or not), has furniture between its two parts; also
  with the tables printed without rules (``borderless-furniture``), the furniture's rules the page's only ones;
- the prose before the tables set in two columns under the title (``two-column-prose``);
- every glyph drawn alone, the page's glyphs in a shuffled order (``shuffled-glyphs``), as some producers
  write a page's text in the order its objects were edited rather than as it reads.

Each is the reportlab print of ``formats.make_pdf`` from the seed's plan, so the truth is the seed's own.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pymupdf

from tests.gxparse.formats.build import PDF_QUIRKS
from tests.gxparse.formats.make_pdf import FONT_FILE, write_pdf
from tests.gxparse.formats.plan import report_plan, with_zero_marks

ZERO_MARKS = {"ling": "零", "circle": "〇", "blank": ""}


def _zeros(mark: str, rules: bool) -> Callable[[str, Path], bytes]:
    def build(name: str, path: Path) -> bytes:
        quirks = replace(PDF_QUIRKS[name], rules=rules, missing_cell=None, blank_zeros_in=None)
        return write_pdf(with_zero_marks(report_plan(name), mark), path, quirks).read_bytes()
    return build


def _spaced(name: str, path: Path) -> bytes:
    return write_pdf(report_plan(name), path, replace(PDF_QUIRKS[name], spaced_labels=True)).read_bytes()


def _filled_rules(name: str, path: Path) -> bytes:
    """The borderless print with the ruled print's every rule drawn over it as a filled rectangle."""
    ruled = pymupdf.open(write_pdf(report_plan(name), path.with_suffix(".ruled.pdf"), PDF_QUIRKS[name]))
    plain = pymupdf.open(write_pdf(report_plan(name), path, replace(PDF_QUIRKS[name], rules=False)))
    for source, page in zip(ruled, plain):
        for drawing in source.get_drawings():
            half = (drawing.get("width") or 0.6) / 2
            for item in drawing["items"]:
                if item[0] == "l":
                    a, b = item[1], item[2]
                    box = pymupdf.Rect(min(a.x, b.x) - half, min(a.y, b.y) - half,
                                       max(a.x, b.x) + half, max(a.y, b.y) + half)
                    page.draw_rect(box, color=None, fill=(0, 0, 0))
    return plain.tobytes()


def _rotated(name: str, path: Path) -> bytes:
    """Each page's content turned a quarter turn onto a page of swapped size that ``/Rotate 90`` shows upright."""
    source = pymupdf.open(write_pdf(report_plan(name), path, PDF_QUIRKS[name]))
    out = pymupdf.open()
    for number, page in enumerate(source):
        width, height = page.rect.width, page.rect.height
        turned = out.new_page(width=height, height=width)
        turned.show_pdf_page(turned.rect, source, number, rotate=90)
        turned.set_rotation(90)
    return out.tobytes()


def _furniture(number: Callable[[int, int], str], rules: bool = True) -> Callable[[str, Path], bytes]:
    def build(name: str, path: Path) -> bytes:
        quirks = replace(PDF_QUIRKS[name], rules=rules)
        document = pymupdf.open(write_pdf(report_plan(name), path, quirks))
        count = len(document)
        for index, page in enumerate(document):
            width, height = page.rect.width, page.rect.height
            page.insert_text((40, 30), RUNNING_HEADER, fontname="china-s", fontsize=9)
            page.draw_line((40, 36), (width - 40, 36), width=0.6)
            page.draw_line((40, height - 40), (width - 40, height - 40), width=0.6)
            page.insert_text((40, height - 28), FOOTER, fontname="china-s", fontsize=8)
            page.insert_text((width / 2 - 20, height - 16), number(index + 1, count), fontname="china-s", fontsize=9)
        return document.tobytes()
    return build


def _two_column_prose(name: str, path: Path) -> bytes:
    return write_pdf(report_plan(name), path, replace(PDF_QUIRKS[name], prose_columns=2)).read_bytes()


def _shuffled_glyphs(name: str, path: Path) -> bytes:
    """Each page's text removed and drawn again a glyph per text object where it stood, in a shuffled order."""
    document = pymupdf.open(write_pdf(report_plan(name), path, PDF_QUIRKS[name]))
    order = random.Random(name)
    for page in document:
        glyphs = [(char["origin"], char["c"], span["size"])
                  for block in page.get_text("rawdict")["blocks"] for line in block.get("lines", ())
                  for span in line["spans"] for char in span["chars"] if not char["c"].isspace()]
        page.add_redact_annot(page.rect)
        page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE, graphics=pymupdf.PDF_REDACT_LINE_ART_NONE)
        page.insert_font(fontname="zh", fontfile=FONT_FILE)
        order.shuffle(glyphs)
        for origin, glyph, size in glyphs:
            page.insert_text(origin, glyph, fontname="zh", fontsize=size)
    return document.tobytes()


RUNNING_HEADER = "某某县人民政府办公室"
FOOTER = "主办：某某县人民政府办公室　联系电话：0394-1234567"

FAMILIES: dict[str, Callable[[str, Path], bytes]] = {
    **{f"zero-{key}": _zeros(mark, True) for key, mark in ZERO_MARKS.items()},
    **{f"borderless-zero-{key}": _zeros(mark, False) for key, mark in ZERO_MARKS.items()},
    "spaced": _spaced,
    "filled-rules": _filled_rules,
    "rotated": _rotated,
    "furniture-dashes": _furniture(lambda page, count: f"- {page} -"),
    "furniture-of-pages": _furniture(lambda page, count: f"第 {page} 页 共 {count} 页"),
    "two-column-prose": _two_column_prose,
    "shuffled-glyphs": _shuffled_glyphs,
    "borderless-furniture": _furniture(lambda page, count: f"- {page} -", rules=False),
}

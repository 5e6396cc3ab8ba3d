"""Writes tests/fixtures/producers: the seeds as the PDF producers agencies use print them.

    .venv/bin/python -m tests.gxparse.formats.freeze_producers

Each is the reportlab print of ``formats.make_pdf`` (the truth is the seed's own) redrawn with one producer's habit:

- ``wps-cell-sides``: WPS Office's export: every cell's side a thin filled rectangle (an ``re`` path) of its
  own, stopping short of the joins, so that no rule runs the table's width;
- ``word-double``: Word's "Save as PDF": a line segment per cell side, the tables' frames doubled (a second
  line 1.5 pt outside) and the header row shaded grey behind its labels;
- ``radicals``: fonts whose ToUnicode maps glyphs to Kangxi radicals and CJK compatibility ideographs
  (``⼀`` for 一, ``⾏`` for 行, ``不`` for 不), as producers that pick a glyph's first code point write them;
- ``unmapped``: fonts whose ToUnicode leaves some glyphs out (the digit 7, 件, 处), as subsetting producers
  and some virtual printers write it;
- ``watermark``: ``仅供参考`` and the agency's name written large, grey and diagonal across every page, over the
  tables, as PDF printers' and OA systems' watermarks are;
- ``ocr-layer``: every page a scan under an invisible OCR text layer (render mode 3, as OCRmyPDF and Acrobat
  write it) whose words stand up to 4 pt off the picture's;
- ``white-text``: last year's figures left in the cells drawn white on the white paper, over the figures printed
  (a template's leftovers hidden by their colour);
- ``off-page``: last year's figures left outside the page's box, beside the figures and above the page's top
  (a template's leftovers moved out of view);
- ``two-up``: A3 landscape sheets each holding two A4 pages side by side (2-up printing);
- ``letters``: figures in a text layer that writes letters for digits (``O`` for 0, ``l`` and ``I`` for 1:
  ``l O O``, ``2O2l``) in every third cell holding a 0 or a 1, as producers whose fonts map glyphs by shape
  (and OCR'd text layers) write them;
- ``row-split``, ``row-split-unruled``: table 三's last row on a page split by the page break, its label
  there and its figures on the next page under the repeated header rows (Word and WPS let a row break across
  pages), ruled and printed without rules; ``row-split-bare``: so, ruled, with no header row repeated on the next
  page (its figures open it);
- ``thousands``: every table's figures with their thousands grouped by commas (``434,545``), as a spreadsheet's
  print shows them;
- ``hidden-layer``: an optional-content layer turned off (a reviewer's draft figures beside the printed ones),
  which no viewer shows;
- ``ocmd``: draft figures in layers chosen by membership dictionaries (``/OCMD``: ``/P /AllOff`` of a layer
  turned on, a ``/VE`` expression) that no viewer shows, the printed figures in one it shows, and last year's
  page as a form XObject (``/OC`` on the form) in the layer turned off, as InDesign and Acrobat's layer tools
  write them.

Run it again only when a habit or ``make_pdf`` changes: the files are test data.
"""

from __future__ import annotations

import random
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pymupdf

from tests.gxparse.formats.build import PDF_QUIRKS
from tests.gxparse.formats.make_pdf import write_pdf
from tests.gxparse.formats.plan import TablePlan, report_plan

OUT = Path(__file__).resolve().parents[2] / "fixtures" / "producers"
JOIN_GAP = 0.4      # how far short of a join WPS stops a cell side (points)
DOUBLE_GAP = 1.5    # between the two lines of Word's double frame
A3 = (1190.55, 841.89)
SCAN_DPI = 50       # the scan's resolution: small files, its picture is not read when a text layer covers it
SCAN_QUALITY = 40   # JPEG quality of the scan's picture
OCR_SHIFT = 4.0     # how far (points) an OCR layer's words stand off the picture's, either way
UNMAPPED = {"<0037>", "<4EF6>", "<5904>"}   # 7, 件, 处: glyphs some producers' ToUnicode leaves out
WATERMARKS = ("仅供参考", "某某县人民政府办公室")
# Ideographs and the Kangxi radicals producers' ToUnicode maps write for them (Unicode's EquivalentUnifiedIdeograph)
KANGXI = {"一": "⼀", "人": "⼈", "十": "⼗", "工": "⼯", "大": "⼤", "子": "⼦", "文": "⽂", "方": "⽅", "日": "⽇",
          "月": "⽉", "无": "⽆", "用": "⽤", "生": "⽣", "立": "⽴", "行": "⾏", "见": "⻅", "门": "⻔", "长": "⻓",
          "民": "⺠", "入": "⼊", "力": "⼒", "口": "⼝", "自": "⾃", "至": "⾄", "其": "其"}


@dataclass(frozen=True)
class Segment:
    horizontal: bool
    pos: float      # y of a horizontal segment, x of a vertical one
    start: float
    end: float
    width: float


def _segments(page: pymupdf.Page) -> list[Segment]:
    """The straight lines a page strokes."""
    out = []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] != "l":
                continue
            a, b = item[1], item[2]
            width = drawing.get("width") or 0.6
            if abs(a.y - b.y) < 0.1:
                out.append(Segment(True, a.y, min(a.x, b.x), max(a.x, b.x), width))
            elif abs(a.x - b.x) < 0.1:
                out.append(Segment(False, a.x, min(a.y, b.y), max(a.y, b.y), width))
    return out


def _cell_sides(segment: Segment, crossing: list[Segment]) -> list[tuple[float, float]]:
    """The segment cut at every line crossing or meeting it: one piece per cell side."""
    cuts = sorted({c.pos for c in crossing if c.horizontal != segment.horizontal
                   and segment.start - 0.5 <= c.pos <= segment.end + 0.5
                   and c.start - 0.5 <= segment.pos <= c.end + 0.5} | {segment.start, segment.end})
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b - a > 2 * JOIN_GAP]


def _box(segment: Segment, start: float, end: float, half: float) -> pymupdf.Rect:
    if segment.horizontal:
        return pymupdf.Rect(start, segment.pos - half, end, segment.pos + half)
    return pymupdf.Rect(segment.pos - half, start, segment.pos + half, end)


def _prints(name: str, folder: Path) -> tuple[pymupdf.Document, pymupdf.Document]:
    """The seed's ruled print and the same print without rules."""
    ruled = write_pdf(report_plan(name), folder / f"{name}.ruled.pdf", PDF_QUIRKS[name])
    plain = write_pdf(report_plan(name), folder / f"{name}.plain.pdf", replace(PDF_QUIRKS[name], rules=False))
    return pymupdf.open(ruled), pymupdf.open(plain)


def _wps_cell_sides(name: str, folder: Path) -> pymupdf.Document:
    ruled, plain = _prints(name, folder)
    for source, page in zip(ruled, plain):
        segments = _segments(source)
        sides = page.new_shape()
        for segment in segments:
            for start, end in _cell_sides(segment, segments):
                sides.draw_rect(_box(segment, start + JOIN_GAP, end - JOIN_GAP, segment.width / 2))
                sides.finish(color=None, fill=(0, 0, 0))   # a path object per side
        sides.commit()
    return plain


def _frames(segments: list[Segment]) -> list[pymupdf.Rect]:
    """The boxes of the page's tables: the lines that touch one another, joined."""
    boxes = [_box(s, s.start, s.end, 0.5) for s in segments]
    merged = True
    while merged:
        merged = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                if boxes[i].intersects(boxes[j]):
                    boxes[i] |= boxes.pop(j)
                    merged = True
                    break
            if merged:
                break
    return [box for box in boxes if box.width > 50 and box.height > 20]


def _word_double(name: str, folder: Path) -> pymupdf.Document:
    ruled, plain = _prints(name, folder)
    for source, page in zip(ruled, plain):
        segments = _segments(source)
        for frame in _frames(segments):
            rows = sorted({round(s.pos, 1) for s in segments if s.horizontal and frame.contains(_box(s, s.start, s.end, 0))})
            if len(rows) > 1:   # the header row's shading, painted before its text
                page.draw_rect(pymupdf.Rect(frame.x0, rows[0], frame.x1, rows[1]), color=None, fill=(0.85, 0.85, 0.85),
                               overlay=False)
            page.draw_rect(frame + (-DOUBLE_GAP, -DOUBLE_GAP, DOUBLE_GAP, DOUBLE_GAP), color=(0, 0, 0), width=0.5)
        lines = page.new_shape()
        for segment in segments:
            for start, end in _cell_sides(segment, segments):
                ends = ((start, segment.pos), (end, segment.pos)) if segment.horizontal else (
                    (segment.pos, start), (segment.pos, end))
                lines.draw_line(*ends)
                lines.finish(color=(0, 0, 0), width=0.5)
        lines.commit()
    return plain


def _compatibility_forms() -> dict[str, str]:
    """Ideographs and the CJK compatibility ideographs whose canonical form they are (不 for 不)."""
    forms = {}
    for code in range(0xF900, 0xFAFF):
        decomposed = unicodedata.normalize("NFC", chr(code))
        if decomposed != chr(code) and decomposed not in forms:
            forms[decomposed] = chr(code)
    return forms


def _radicals(name: str, folder: Path) -> pymupdf.Document:
    """The print's fonts' ToUnicode maps rewritten to give radical and compatibility code points for the glyphs
    of the ideographs that have them."""
    mapping = {f"<{ord(a):04X}>": f"<{ord(b):04X}>" for a, b in {**_compatibility_forms(), **KANGXI}.items()}
    document = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    _rewrite_to_unicode(document, lambda code: mapping.get(code, code))
    return document


def _unmapped(name: str, folder: Path) -> pymupdf.Document:
    """The print's fonts' ToUnicode maps without the entries of some glyphs (the digit 7 among them)."""
    document = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    _rewrite_to_unicode(document, lambda code: None if code in UNMAPPED else code)
    return document


def _rewrite_to_unicode(document: pymupdf.Document, rewrite: Callable[[str], str | None]) -> None:
    """Every ``<code> <unicode>`` entry of the fonts' ToUnicode maps rewritten (None: left out)."""
    for xref in range(1, document.xref_length()):
        kind, value = document.xref_get_key(xref, "ToUnicode")
        if kind != "xref":
            continue
        cmap = int(value.split()[0])
        lines, block = [], 0   # block: where the open bfchar block's count line is
        for line in document.xref_stream(cmap).decode("ascii").split("\n"):
            if line.endswith("beginbfchar"):
                block = len(lines)
            elif line.startswith("<") and len(line) == 11:
                code = rewrite(line[5:])
                if code is None:
                    count, word = lines[block].split()
                    lines[block] = f"{int(count) - 1} {word}"
                    continue
                line = line[:5] + code
            lines.append(line)
        document.update_stream(cmap, "\n".join(lines).encode("ascii"))


def _watermark(name: str, folder: Path) -> pymupdf.Document:
    document = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    for page in document:
        width, height = page.rect.width, page.rect.height
        for row, y in enumerate((height * 0.3, height * 0.6, height * 0.9)):
            text = WATERMARKS[row % 2]
            origin = pymupdf.Point(width * 0.15, y)
            page.insert_text(origin, text, fontname="china-s", fontsize=36, color=(0.75, 0.75, 0.75),
                             fill_opacity=0.4, morph=(origin, pymupdf.Matrix(-35)))
    return document


def _grouped(text: str) -> str:
    """A figure with its thousands grouped by commas (``129127.0135`` → ``129,127.0135``)."""
    whole, dot, fraction = text.partition(".")
    return f"{int(whole):,}{dot}{fraction}" if whole.isdigit() and (not fraction or fraction.isdigit()) else text


LETTERS = str.maketrans({"0": "O", "1": "l"})
CAPITAL_ONES = str.maketrans({"0": "O", "1": "I"})


def _lettered(cells: list) -> list:
    """Every third cell holding a 0 or a 1 with its digits 0 and 1 written as letters (alternately ``l`` and
    ``I`` for 1)."""
    out, count = [], 0
    for cell in cells:
        if cell.text.isdigit() and set(cell.text) & {"0", "1"}:
            count += 1
            if count % 3 == 0:
                cell = replace(cell, text=cell.text.translate(LETTERS if count % 2 else CAPITAL_ONES))
        out.append(cell)
    return out


def _letters(name: str, folder: Path) -> pymupdf.Document:
    plan = report_plan(name)
    blocks = [replace(block, table=replace(block.table, cells=_lettered(block.table.cells)))
              if block.table is not None else block for block in plan.blocks]
    return pymupdf.open(write_pdf(replace(plan, blocks=blocks), folder / f"{name}.pdf", PDF_QUIRKS[name]))


def _thousands(name: str, folder: Path) -> pymupdf.Document:
    """The figures of every table with their thousands grouped by commas, as a spreadsheet's print shows them."""
    plan = report_plan(name)
    blocks = [replace(block, table=replace(block.table, cells=[replace(c, text=_grouped(c.text))
                                                               for c in block.table.cells]))
              if block.table is not None else block for block in plan.blocks]
    return pymupdf.open(write_pdf(replace(plan, blocks=blocks), folder / f"{name}.pdf", PDF_QUIRKS[name]))


def _ocr_layer(name: str, folder: Path) -> pymupdf.Document:
    """Each page as a scan (a bilevel picture) under an invisible text layer (render mode 3) of its words, each
    placed a little off where the picture shows it, as OCR programs' word boxes are."""
    source = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    out = pymupdf.open()
    shift = random.Random(name)
    for page in source:
        picture = page.get_pixmap(dpi=SCAN_DPI, colorspace=pymupdf.csGRAY)
        scan = out.new_page(width=page.rect.width, height=page.rect.height)
        scan.insert_image(scan.rect, stream=picture.tobytes("jpeg", jpg_quality=SCAN_QUALITY))
        for x0, _, _, y1, word, *_ in page.get_text("words"):
            origin = (x0 + shift.uniform(-OCR_SHIFT, OCR_SHIFT), y1 - 2 + shift.uniform(-OCR_SHIFT, OCR_SHIFT))
            scan.insert_text(origin, word, fontname="china-s", fontsize=9, render_mode=3)
    return out


def _two_up(name: str, folder: Path) -> pymupdf.Document:
    source = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    out = pymupdf.open()
    width, height = A3
    for first in range(0, len(source), 2):
        sheet = out.new_page(width=width, height=height)
        for side, number in enumerate(range(first, min(first + 2, len(source)))):
            sheet.show_pdf_page(pymupdf.Rect(side * width / 2, 0, (side + 1) * width / 2, height), source, number)
    return out


def _hidden_layer(name: str, folder: Path) -> pymupdf.Document:
    """A layer turned off holding other figures over the table cells' own: a reviewer's corrections."""
    document = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    layer = document.add_ocg("修改稿", on=False)
    for page in document:
        for word in page.get_text("words"):
            if word[4].isdigit():
                page.insert_text((word[0], word[3] - 1), str(int(word[4]) + 7), fontname="helv", fontsize=8,
                                 color=(1, 0, 0), oc=layer)
    return document


def _ocmd(name: str, folder: Path) -> pymupdf.Document:
    """Figures in layers chosen by membership dictionaries: the draft's hidden (``/P /AllOff`` of the layer turned
    on; ``/VE [/Or off [/Not on]]``), the print's own shown (``/VE [/Not off]``); last year's page (the figures
    moved) stamped over each page as a form XObject whose ``/OC`` is the layer turned off."""
    document = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    off, on = document.add_ocg("修改稿", on=False), document.add_ocg("定稿", on=True)
    all_off = document.set_ocmd(ocgs=[on], policy="AllOff")
    either = document.set_ocmd(ve=["or", off, ["not", on]])
    shown = document.set_ocmd(ve=["not", off])
    leftover = pymupdf.open()
    for page in document:
        last_year = leftover.new_page(width=page.rect.width, height=page.rect.height)
        for word in page.get_text("words"):
            if word[4].isdigit():
                page.insert_text((word[0], word[3] - 1), str(int(word[4]) + 7), fontname="helv", fontsize=8,
                                 color=(1, 0, 0), oc=all_off)
                page.insert_text((word[0] + 2, word[3] - 3), str(int(word[4]) + 9), fontname="helv", fontsize=8,
                                 color=(1, 0, 0), oc=either)
                last_year.insert_text((word[0], word[3] - 2), str(int(word[4]) + 11), fontname="helv", fontsize=8)
        page.insert_text((page.rect.width - 80, page.rect.height - 20), "定稿", fontname="china-s", fontsize=8,
                         oc=shown)
    for page, last_year in zip(document, leftover):
        page.show_pdf_page(page.rect, leftover, last_year.number, oc=off)
    return document


FIRST_VALUE_COLUMN = 3   # table 三's columns before it hold its labels (make_pdf's plan)


def _split_row(table: TablePlan, row: int) -> TablePlan:
    """Table 三 with ``row`` made two: its labels, then its figures (cells spanning it span both)."""
    cells = []
    for cell in table.cells:
        if cell.row < row < cell.row + cell.rowspan:
            cells.append(replace(cell, rowspan=cell.rowspan + 1))
        elif cell.row == row:
            cells.append(cell if cell.col < FIRST_VALUE_COLUMN else replace(cell, row=row + 1))
        else:
            cells.append(replace(cell, row=cell.row + (cell.row > row)))
    return replace(table, cells=cells, n_rows=table.n_rows + 1)


def _row_split_print(name: str, folder: Path, rules: bool, repeat_header: bool = True) -> pymupdf.Document:
    """The print with table 三 broken inside its last row on the first page: label above, figures below."""
    plan, quirks = report_plan(name), replace(PDF_QUIRKS[name], rules=rules, repeat_header=repeat_header)
    blocks = [replace(block, table=_split_row(block.table, quirks.split_at - 1))
              if block.table is not None and block.table.key == "s3" else block for block in plan.blocks]
    return pymupdf.open(write_pdf(replace(plan, blocks=blocks), folder / f"{name}.pdf", quirks))


def _row_split(name: str, folder: Path) -> pymupdf.Document:
    return _row_split_print(name, folder, rules=True)


def _row_split_unruled(name: str, folder: Path) -> pymupdf.Document:
    return _row_split_print(name, folder, rules=False)


def _row_split_bare(name: str, folder: Path) -> pymupdf.Document:
    return _row_split_print(name, folder, rules=True, repeat_header=False)


def _white_text(name: str, folder: Path) -> pymupdf.Document:
    """Last year's figures left in the cells drawn white on the white paper (a template's leftovers hidden by their
    colour), over the figures printed."""
    document = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    for page in document:
        for word in page.get_text("words"):
            if word[4].isdigit():
                page.insert_text((word[0], word[3] - 1), str(int(word[4]) + 3), fontname="helv", fontsize=8,
                                 color=(1, 1, 1))
    return document


def _off_page(name: str, folder: Path) -> pymupdf.Document:
    """Last year's figures left beside the table outside the page's box, on the figures' lines (a template's
    leftover column moved out of view), and a leftover row above the page's top."""
    document = pymupdf.open(write_pdf(report_plan(name), folder / f"{name}.pdf", PDF_QUIRKS[name]))
    for page in document:
        for word in page.get_text("words"):
            if word[4].isdigit():
                page.insert_text((word[0] + page.rect.width, word[3] - 1), str(int(word[4]) + 5), fontname="helv",
                                 fontsize=8)
        page.insert_text((60, -30), "行政处罚 1 2 3 4 5 6 7", fontname="china-s", fontsize=10)
    return document


# each habit on one or two seeds (the files are kept small), every seed's layout quirks covered by some habit
HABITS: dict[str, tuple[Callable[[str, Path], pymupdf.Document], tuple[str, ...]]] = {
    "wps-cell-sides": (_wps_cell_sides, ("huangchuan_2021",)),
    "word-double": (_word_double, ("zhoukou_city_2021",)),
    "radicals": (_radicals, ("zhoukou_xinfang_2021",)),
    "watermark": (_watermark, ("kaifeng_2021",)),
    "two-up": (_two_up, ("zhoukou_office_2021", "zhoukou_xinfang_2021")),
    "hidden-layer": (_hidden_layer, ("kaifeng_2021",)),
    "ocmd": (_ocmd, ("zhoukou_city_2021",)),
    "thousands": (_thousands, ("zhoukou_city_2021",)),
    "letters": (_letters, ("kaifeng_2021",)),
    "row-split": (_row_split, ("huangchuan_2021",)),
    "row-split-unruled": (_row_split_unruled, ("zhoukou_city_2021",)),
    "row-split-bare": (_row_split_bare, ("huangchuan_2021",)),
    "unmapped": (_unmapped, ("huangchuan_2021",)),
    "white-text": (_white_text, ("huangchuan_2021",)),
    "off-page": (_off_page, ("kaifeng_2021",)),
    "ocr-layer": (_ocr_layer, ("zhoukou_xinfang_2021", "kaifeng_2021", "zhoukou_city_2021", "zhoukou_office_2021")),
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    wanted = sys.argv[1:] or list(HABITS)
    with tempfile.TemporaryDirectory() as tmp:
        for habit in wanted:
            build, names = HABITS[habit]
            for name in names:
                document = build(name, Path(tmp))
                document.subset_fonts()
                (OUT / f"{name}.{habit}.pdf").write_bytes(document.tobytes(garbage=4, deflate=True, use_objstms=1))


if __name__ == "__main__":
    main()

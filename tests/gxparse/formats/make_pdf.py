"""A seed report as a PDF written directly (reportlab), with the quirks of real PDF text layers:

- table 三 split over two pages, its three header rows repeated on the second page or not, and the
  merged label cells cut at the page boundary as word processors cut them;
- table 四's column headers stacked one character per line in narrow columns;
- long labels wrapped inside their cells;
- some characters written as Kangxi radicals / CJK Radicals Supplement code points (⻔ for 门, ⼾ for 户…),
  as PDF producers emit them;
- optionally a cell missing from a row (its neighbour widened over it) and zeros printed as blank cells;
- optionally the tables printed without any ruling line (a Word table with its borders turned off), every
  cell where the ruled table puts it;
- optionally the labels in distributed alignment (Word's 分散对齐): each glyph drawn alone, spread over the
  cell's width, a text object of its own;
- optionally the prose before the tables set in two columns (a newsletter-style page), the tables on pages of
  one column after it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageTemplate,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from tests.gxparse.formats.plan import Placed, ReportPlan, TablePlan

FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"   # Debian fonts-wqy-zenhei (TrueType outlines)
FONT = "WQYZenHei"
# Numbers in a Latin font, as Word sets them (its "西文字体"): Zen Hei's own 1 and 7 look like 工 and 了
DIGIT_FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"   # Debian fonts-dejavu-core
DIGIT_FONT = "DejaVuSans"
# Ideograph → the radical code point some PDF producers write for it.
RADICALS = {"门": "⻔", "见": "⻅", "长": "⻓", "户": "⼾", "民": "⺠", "车": "⻋", "页": "⻚"}
_RADICALS = str.maketrans(RADICALS)


@dataclass(frozen=True)
class Quirks:
    split_at: int = 14               # first row of table 三 printed on the second page
    repeat_header: bool = True
    missing_cell: str | None = None  # s3 row label whose second value cell is left out
    blank_zeros_in: str | None = None  # s3 column label whose zero cells are printed blank
    rules: bool = True               # False: no grid lines drawn around or inside the tables
    spaced_labels: bool = False      # labels in distributed alignment, a text object per glyph
    prose_columns: int = 1           # columns of the pages before the first table's heading


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_FILE, subfontIndex=0))
        pdfmetrics.registerFont(TTFont(DIGIT_FONT, DIGIT_FONT_FILE))


def _styles(cell_size: float = 8.5) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=FONT, fontSize=15, leading=22, alignment=1, spaceAfter=10),
        "heading": ParagraphStyle("heading", fontName=FONT, fontSize=12, leading=18, spaceBefore=8, spaceAfter=4),
        "para": ParagraphStyle("para", fontName=FONT, fontSize=10.5, leading=17, firstLineIndent=21,
                               wordWrap="CJK"),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=cell_size, leading=cell_size * 1.25,
                               wordWrap="CJK"),
    }


def _text(text: str) -> str:
    return text.translate(_RADICALS).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _column_widths(plan: TablePlan, width: float) -> list[float]:
    if plan.key == "s3":
        labels = [s * width / 515 for s in (34.0, 44.0, 120.0)]
        return labels + [(width - sum(labels)) / (plan.n_cols - 3)] * (plan.n_cols - 3)
    if plan.key == "s2":
        return [width * 0.34] + [width * 0.66 / (plan.n_cols - 1)] * (plan.n_cols - 1)
    return [width / plan.n_cols] * plan.n_cols


def _with_quirks(plan: TablePlan, quirks: Quirks) -> TablePlan:
    cells = list(plan.cells)
    if quirks.missing_cell:
        row = next(c.row for c in cells if c.text == quirks.missing_cell)
        values = sorted((c for c in cells if c.row == row and c.col >= 3), key=lambda c: c.col)
        cells.remove(values[1])
        cells[cells.index(values[0])] = replace(values[0], colspan=2)
    if quirks.blank_zeros_in:
        label = next(c for c in cells if c.text == quirks.blank_zeros_in)
        cells = [replace(c, text="") if c.col == label.col and c.row > label.row and c.text == "0" else c
                 for c in cells]
    return TablePlan(plan.key, cells, plan.n_rows, plan.n_cols, plan.header_rows)


def _split(plan: TablePlan, at: int, repeat_header: bool) -> tuple[TablePlan, TablePlan]:
    """The table cut before row ``at``: cells spanning the cut end above it and go on, empty, below."""
    top, bottom = [], []
    shift = plan.header_rows if repeat_header else 0
    if repeat_header:
        bottom = [c for c in plan.cells if c.row + c.rowspan <= plan.header_rows]
    for c in plan.cells:
        if c.row + c.rowspan <= at:
            top.append(c)
        elif c.row >= at:
            bottom.append(replace(c, row=c.row - at + shift))
        else:
            top.append(replace(c, rowspan=at - c.row))
            bottom.append(Placed("", shift, c.col, c.row + c.rowspan - at, c.colspan))
    return (TablePlan(plan.key, top, at, plan.n_cols, plan.header_rows),
            TablePlan(plan.key, bottom, plan.n_rows - at + shift, plan.n_cols, plan.header_rows))


class SpacedLabel(Flowable):
    """A label in distributed alignment: its glyphs spread evenly over each line of the cell, each drawn by
    a text object of its own."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style
        self.lines: list[str] = [text]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        per_line = max(1, int(avail_width // self.style.fontSize))
        self.lines = [self.text[i:i + per_line] for i in range(0, len(self.text), per_line)]
        self.width = avail_width
        return avail_width, len(self.lines) * self.style.leading

    def draw(self) -> None:
        size, leading = self.style.fontSize, self.style.leading
        for n, line in enumerate(self.lines):
            y = (len(self.lines) - n - 1) * leading + (leading - size) / 2 + size * 0.12
            step = (self.width - size) / (len(line) - 1) if len(line) > 1 else 0
            for i, glyph in enumerate(line):
                self.canv.setFont(self.style.fontName, size)
                self.canv.drawString(i * step, y, glyph)


def _cell_content(cell: Placed, key: str, styles: dict[str, ParagraphStyle], spaced: bool = False) -> object:
    if cell.text.replace(".", "").isdigit() or not cell.text:
        return cell.text
    narrow = key == "s4" and cell.colspan == 1 and cell.row > 0
    if spaced and not narrow:
        return SpacedLabel(cell.text.translate(_RADICALS), styles["cell"])
    text = _text(cell.text)
    if narrow:
        text = "<br/>".join(text)     # narrow header cells: one character per line
    return Paragraph(text, styles["cell"])


def _table(plan: TablePlan, width: float, styles: dict[str, ParagraphStyle], rules: bool = True,
           spaced: bool = False) -> Table:
    data: list[list[object]] = [["" for _ in range(plan.n_cols)] for _ in range(plan.n_rows)]
    commands: list[tuple] = [("FONT", (0, 0), (-1, -1), DIGIT_FONT, styles["cell"].fontSize),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    if rules:
        commands.append(("GRID", (0, 0), (-1, -1), 0.6, "black"))
    for cell in plan.cells:
        data[cell.row][cell.col] = _cell_content(cell, plan.key, styles, spaced)
        if cell.rowspan > 1 or cell.colspan > 1:
            commands.append(("SPAN", (cell.col, cell.row),
                             (cell.col + cell.colspan - 1, cell.row + cell.rowspan - 1)))
    return Table(data, colWidths=_column_widths(plan, width), style=TableStyle(commands))


def write_pdf(plan: ReportPlan, path: Path, quirks: Quirks = Quirks()) -> Path:
    _register_font()
    styles = _styles()
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=40, rightMargin=40, topMargin=50,
                            bottomMargin=50, title=plan.name)
    story: list[object] = []
    if quirks.prose_columns > 1:
        doc = _columned(doc, quirks.prose_columns)
        story.append(NextPageTemplate("columns"))
    tables_from = _first_table_heading(plan)
    for index, block in enumerate(plan.blocks):
        if index == tables_from and quirks.prose_columns > 1:
            story += [NextPageTemplate("page"), PageBreak()]
        if block.table is None:
            story.append(Paragraph(_text(block.text), styles[block.kind]))
            if block.kind == "title" and quirks.prose_columns > 1:
                story.append(FrameBreak())
            continue
        table = block.table
        if table.key == "s3":
            table = _with_quirks(table, quirks)
            first, rest = _split(table, quirks.split_at, quirks.repeat_header)
            story += [_table(first, doc.width, styles, quirks.rules, quirks.spaced_labels), PageBreak(),
                      _table(rest, doc.width, styles, quirks.rules, quirks.spaced_labels)]
        else:
            story.append(_table(table, doc.width, styles, quirks.rules, quirks.spaced_labels))
        story.append(Spacer(1, 6))
    try:
        doc.build(story)
    except LayoutError as exc:   # a fixture that cannot be laid out is a bug in the builder, say so
        raise AssertionError(f"{plan.name}: {exc}") from exc
    return path


def _columned(doc: SimpleDocTemplate, columns: int) -> BaseDocTemplate:
    """A document of ``doc``'s page and margins with three page templates: the first page's, the title across
    the page over ``columns`` frames side by side; the next pages', the columns alone; and one frame (``page``)."""
    gap, title = 16, 40
    width = (doc.width - gap * (columns - 1)) / columns

    def side_by_side(height: float, tag: str) -> list[Frame]:
        return [Frame(doc.leftMargin + i * (width + gap), doc.bottomMargin, width, height, id=f"{tag}{i}")
                for i in range(columns)]

    top = Frame(doc.leftMargin, doc.bottomMargin + doc.height - title, doc.width, title, id="title")
    page = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="page")
    columned = BaseDocTemplate(doc.filename, pagesize=doc.pagesize, leftMargin=doc.leftMargin,
                               rightMargin=doc.rightMargin, topMargin=doc.topMargin, bottomMargin=doc.bottomMargin,
                               title=doc.title)
    columned.addPageTemplates([PageTemplate("first", [top, *side_by_side(doc.height - title, "first")]),
                               PageTemplate("columns", side_by_side(doc.height, "column")),
                               PageTemplate("page", [page])])
    return columned


def _first_table_heading(plan: ReportPlan) -> int:
    """The index of the heading block over the first table (the table's own index if it has none)."""
    first = next(i for i, block in enumerate(plan.blocks) if block.table is not None)
    while first > 0 and plan.blocks[first - 1].kind == "heading":
        first -= 1
    return first


def write_table_pdf(table: TablePlan, heading: str, path: Path) -> Path:
    """One table under its section heading, in 11-point type on a landscape page tall enough to hold it:
    what an agency's scanned table is."""
    _register_font()
    styles = _styles(cell_size=11)
    doc = SimpleDocTemplate(str(path), pagesize=(A4[1], A4[0] * 1.9), leftMargin=40, rightMargin=40,
                            topMargin=40, bottomMargin=40)
    doc.build([Paragraph(heading, styles["heading"]), _table(table, doc.width, styles)])
    return path


def write_text_pdf(text: str, path: Path, size: float = 10.5) -> Path:
    """Text printed as it stands, one line under the other, long lines wrapped at the margin: what a report
    published as a text or web view and printed to PDF is. Tabs between table cells become one space, so a
    table is lines of figures separated by single spaces, with no rule and no column."""
    from reportlab.pdfgen.canvas import Canvas   # only this fixture draws on a canvas directly

    _register_font()
    width, height = A4
    margin, leading = 50, size * 1.6
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(FONT, size)
    y = height - margin
    for raw in text.splitlines():
        line = " ".join(cell.strip() for cell in raw.split("\t") if cell.strip())
        while line:
            n = len(line)
            while n > 1 and pdfmetrics.stringWidth(line[:n], FONT, size) > width - 2 * margin:
                n -= 1
            if y < margin:
                canvas.showPage()
                canvas.setFont(FONT, size)
                y = height - margin
            canvas.drawString(margin, y, line[:n])
            y -= leading
            line = line[n:].lstrip()
    canvas.save()
    return path

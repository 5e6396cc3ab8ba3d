"""Reports as the DOCX files Word and WPS write: the seeds' and real reports' figures (``html_styles``'s tables,
truth and reports) written as raw WordprocessingML in the structures real files have.

A table is built once as rows of ``Cell`` (``html_styles.official_tables``), a shape of ``html_styles`` may
change its structure, then a ``Style`` writes it: spans as Word stores them (``w:gridSpan``, ``w:vMerge``
restart / continue), rows shorter than the grid (``w:gridBefore`` / ``w:gridAfter``), header rows repeated
over a page break (``w:tblHeader``), text boxes written twice (DrawingML choice and VML fallback), tracked
changes, hidden text, content controls and custom XML around rows, cells and runs, fields, figures split over
runs, WPS's markup and a title in the page header. The truth of every file is the report's own figures.
"""

from __future__ import annotations

import io
import quopri
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from gxparse.template import S3_APPLICANT_HEADER, SECTIONS
from tests.gxparse.html_styles import REPORTS, Cell, Table, _grid, _respan, as_is, fullwidth, groups_repeated
from tests.gxparse.html_styles import official_tables, render_page, report_of, split_at_page, split_by_columns, zero_as

__all__ = ["REPORTS", "STYLES", "docx_package", "render_docx", "report_of", "run"]

_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
    'mc:Ignorable="w14 wpsCustomData"')

Runs = Callable[[str], str]   # a figure's text → the runs that write it


def run(text: str, props: str = "") -> str:
    """One run: ``\\n`` a line break, ``\\t`` a tab."""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(parts)}</w:r>"


# ---------------------------------------------------------------------------------------------------
# figures: how a cell's figure is written as runs


def plain_runs(text: str) -> str:
    return run(text, '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>') if text else ""


def digit_runs(text: str) -> str:
    """Each digit a run of its own with a proofing mark and a bookmark between, as editing leaves them."""
    return ('<w:proofErr w:type="gramStart"/>' + '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
            .join(run(ch, '<w:rFonts w:hint="eastAsia"/>') for ch in text))


def tracked_runs(text: str) -> str:
    """The figure typed over a deleted earlier one, and a moved-away draft figure, changes left tracked."""
    if not text.isdigit():
        return plain_runs(text)
    change = 'w:author="admin" w:date="2024-01-20T10:12:00Z"'
    return (f'<w:del w:id="1" {change}><w:r><w:delText>{int(text) + 1}</w:delText></w:r></w:del>'
            f'<w:moveFrom w:id="2" {change}><w:r><w:t>{int(text) + 7}</w:t></w:r></w:moveFrom>'
            f'<w:ins w:id="3" {change}>{run(text)}</w:ins>')


def hidden_runs(text: str) -> str:
    """A draft figure left beside the figure as hidden text (``w:vanish``, ``w:specVanish``)."""
    if not text.isdigit():
        return plain_runs(text)
    return run(text) + run(f"{text}0", "<w:vanish/>") + run("9", '<w:vanish/><w:specVanish w:val="1"/>')


def field_runs(text: str) -> str:
    """The figure as a field's result: a simple field (``w:fldSimple``) for even figures, a complex one
    (``w:fldChar`` begin / ``w:instrText`` / separate / end) for the others; the instruction is no text."""
    if not text.isdigit():
        return plain_runs(text)
    if int(text) % 2 == 0:
        return f'<w:fldSimple w:instr=" =SUM(LEFT) \\# &quot;0&quot; ">{run(text)}</w:fldSimple>'
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> =12+3 \\# "0" '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(text)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def wrapped_runs(text: str) -> str:
    """The figure's runs inside a content control, a smart tag and custom XML."""
    if not text:
        return ""
    return ('<w:sdt><w:sdtPr><w:id w:val="11"/><w:text/></w:sdtPr><w:sdtContent>'
            f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv">'
            f'<w:customXml w:element="figure">{run(text)}</w:customXml></w:smartTag></w:sdtContent></w:sdt>')


def fullwidth_runs(text: str) -> str:
    return plain_runs(fullwidth(text))


def blank_zero_runs(text: str) -> str:
    return plain_runs(zero_as("")(text))


def zero_mark_runs(mark: str) -> Runs:
    """Zeros typed as a character (零, 〇)."""
    return lambda text: plain_runs(zero_as(mark)(text))


def style_hidden_runs(text: str) -> str:
    """A draft figure beside the figure hidden by its character style (``w:rStyle`` of a style with
    ``w:vanish``, that style based on another), and a draft paragraph hidden by its paragraph style
    (``w:pStyle``): ``HIDDEN_STYLES`` defines them in styles.xml."""
    if not text.isdigit():
        return plain_runs(text)
    return (run(text) + run(f"{text}0", '<w:rStyle w:val="DraftChar"/>')
            + f'</w:p><w:p><w:pPr><w:pStyle w:val="DraftPara"/></w:pPr>{run(f"{text}9")}')


def default_hidden_runs(text: str) -> str:
    """The figure, then a draft figure in a run that says nothing of hiding: the document's default run
    properties (``DEFAULT_HIDDEN``) hide it, every run the page shows switches hiding off in its own."""
    return run(text) + f'<w:r w:rsidRPr="00D5A1C2"><w:t>{text}0</w:t></w:r>' if text.isdigit() else plain_runs(text)


# the document's default run properties hide text (w:docDefaults), the default paragraph style says nothing
DEFAULT_HIDDEN = ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/><w:vanish/><w:sz w:val="21"/>'
                  '</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" '
                  'w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>')


def unhidden(body: str) -> str:
    """Every run of the body written with hiding switched off in its own properties, but the drafts (runs with
    an rsid, as ``default_hidden_runs`` writes them)."""
    shown = '<w:vanish w:val="0"/>'
    return re.sub(r"<w:r>(?:<w:rPr>)?", lambda m: f"<w:r><w:rPr>{shown}" + ("" if m[0].endswith("<w:rPr>") else
                                                                             "</w:rPr>"), body)


def page_footer(page: int) -> list[str]:
    """What a PDF-to-Word converter keeps of a page's foot and the next page's head as text of the body."""
    return [f"— {page} —", f"第 {page} 页 共 {page + 2} 页", "政府信息公开工作年度报告"]


# a character style hiding its text through the style it is based on, and a paragraph style hiding its own
HIDDEN_STYLES = ('<w:style w:type="character" w:styleId="HiddenBase"><w:name w:val="Hidden Base"/><w:rPr><w:vanish/>'
                 '</w:rPr></w:style><w:style w:type="character" w:styleId="DraftChar"><w:name w:val="Draft"/>'
                 '<w:basedOn w:val="HiddenBase"/></w:style><w:style w:type="paragraph" w:styleId="DraftPara">'
                 '<w:name w:val="Draft Paragraph"/><w:rPr><w:vanish/></w:rPr></w:style>')


# ---------------------------------------------------------------------------------------------------
# labels: how a label cell's text is typed


def label_as_is(text: str) -> str:
    return text


def label_broken(text: str) -> str:
    """A long label broken by hand (Shift+Enter, ``w:br``) after its numbering or in its middle, a tab after
    a numbering that ends in a full stop (1.属于国家秘密 typed as 1.<tab>属于国家秘密)."""
    if len(text) < 8 or "\n" in text:
        return text
    for mark in ("）", "、"):
        if mark in text[:5]:
            at = text.index(mark) + 1
            return f"{text[:at]}\n{text[at:]}"
    if text[1:2] == ".":
        return f"{text[:2]}\t{text[2:]}"
    return f"{text[:len(text) // 2]}\n{text[len(text) // 2:]}"


# ---------------------------------------------------------------------------------------------------
# shapes of the DOCX files only


def header_copied_inside(table: Table) -> list[Table]:
    """Table 三's header rows copied by hand into the middle of the table where a page ends (no w:tblHeader:
    one table, its header printed twice), the group labels cut there and started again."""
    if table.key != "s3":
        return [table]
    flat = groups_repeated(table)[0]
    head, body = flat.rows[:flat.head], flat.rows[flat.head:]
    cut = len(body) // 2
    return [Table("s3", _respan(head + body[:cut] + [list(r) for r in head] + body[cut:], flat.head), flat.head)]


# ---------------------------------------------------------------------------------------------------
# tables


@dataclass(frozen=True)
class Style:
    shape: Callable[[Table], list[Table]] = as_is
    figure: Runs = plain_runs
    wrap_rows: bool = False    # every body row in a content control, every other in custom XML
    wrap_cells: bool = False   # every label cell in a content control
    grid_after: bool = False   # one grid column more than any row fills: every row ends with w:gridAfter
    corner_before: bool = False   # table 三's empty corner written as w:gridBefore on its header rows
    wps: bool = False          # WPS's markup: w14:paraId on every paragraph, labels split into runs by script,
                               # vMerge continue written out
    title: str = "body"        # body, textbox (twice: DrawingML and VML), header (the page header), table
    boxed: tuple[str, ...] = ()   # the tables (s2, s3, s4) in a text box of their own
    label: Callable[[str], str] = label_as_is
    enter_after: bool = False  # an empty paragraph after each figure's (Enter pressed in the cell)
    hmerge: bool = False       # horizontal merges as w:hMerge restart / continue cells (Word 97's way, which
                               # converters still write) instead of w:gridSpan
    framed: bool = False       # every table in the one cell of a frame table
    styles: str = ""           # the w:style definitions of styles.xml
    corner_nested: bool = False   # table 三's corner cell holding a small table of its own
    unhidden: bool = False     # every run but a draft's switches hiding off (``unhidden``)
    continued_unspanned: bool = False   # a vMerge continue cell without the gridSpan of the cell it continues
    footers: str = ""          # paragraphs (between the parts of a split table) or row (a full-width row inside
                               # table 三): where a PDF-to-Word converter writes the page's footer and header
    chunk: str = ""            # html, mht, docx, rtf: the whole report an imported chunk (w:altChunk) of the report's
                               # page as Word saves it, as OA systems' exporters (docx4j, html-docx-js, POI)
                               # write reports, or of the report as a Word document (docx4j, docxcompose merges)


def _paragraph(runs: str, style: Style, number: list[int], centred: bool = False) -> str:
    number[0] += 1
    ids = f' w14:paraId="{number[0]:08X}" w14:textId="77777777"' if style.wps else ""
    props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if centred else ""
    return f"<w:p{ids}>{props}{runs}</w:p>"


def _label_runs(text: str, style: Style) -> str:
    if not style.wps:
        return run(text) if text else ""
    # WPS writes a run per script: CJK with the east-Asian hint, ASCII digits and Latin with their own font
    pieces: list[str] = []
    for ch in text:
        if pieces and (ch.isascii() == pieces[-1][-1].isascii()):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return "".join(run(p, '<w:rFonts w:hint="eastAsia"/>' if not p.isascii() else
                       '<w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>') for p in pieces)


def _cell(cell: Cell, first_row: bool, style: Style, number: list[int]) -> str:
    if style.hmerge and cell.colspan > 1:
        merged = [(cell, '<w:hMerge w:val="restart"/>')] + [(Cell(""), "<w:hMerge/>")] * (cell.colspan - 1)
        return "".join(_cell(replace(part, colspan=1, rowspan=cell.rowspan), first_row, style, number)
                       .replace("<w:tcPr>", f"<w:tcPr>{merge}", 1) for part, merge in merged)
    props = [f'<w:tcW w:w="{600 * cell.colspan}" w:type="dxa"/>']
    if cell.colspan > 1 and (first_row or not style.continued_unspanned):
        props.append(f'<w:gridSpan w:val="{cell.colspan}"/>')
    if cell.rowspan > 1:
        props.append('<w:vMerge w:val="restart"/>' if first_row else
                     '<w:vMerge w:val="continue"/>' if style.wps else "<w:vMerge/>")
    props.append('<w:vAlign w:val="center"/>')
    text = cell.text if first_row else ""
    if cell.figure:
        runs = [style.figure(line) for line in text.split("\n")] + [""] * style.enter_after
    else:
        runs = [_label_runs(line, style) for line in (style.label(text) if text else text).split("\n")]
    body = "".join(_paragraph(r, style, number, centred=True) for r in runs)
    if style.corner_nested and cell.header and cell.rowspan > 1 and cell.colspan > 1 and first_row:
        # the corner split diagonally as editors do it: a small table inside the cell, a paragraph after it
        body = ('<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid><w:gridCol w:w="1800"/>'
                f'</w:tblGrid><w:tr><w:tc>{_paragraph(run(S3_APPLICANT_HEADER), style, number)}</w:tc></w:tr>'
                f"<w:tr><w:tc>{body}</w:tc></w:tr></w:tbl><w:p/>")
    tc = f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{body}</w:tc>"
    if style.wrap_cells and not cell.figure and text:
        return f'<w:sdt><w:sdtPr><w:id w:val="21"/></w:sdtPr><w:sdtContent>{tc}</w:sdtContent></w:sdt>'
    return tc


def write_table(table: Table, style: Style, number: list[int]) -> str:
    slots = _grid(table)
    width = max(len(row) for row in slots)
    columns = width + style.grid_after
    before = 3 if style.corner_before and table.key == "s3" and table.head else 0
    rows = []
    for r, row in enumerate(slots):
        skip = before if r < table.head else 0
        props = []
        if skip:
            props.append(f'<w:gridBefore w:val="{skip}"/>')
        if columns > len(row):
            props.append(f'<w:gridAfter w:val="{columns - len(row)}"/>')
        if r < table.head:
            props.append("<w:tblHeader/>")
        props.append('<w:trHeight w:val="454"/>')
        cells = "".join(_cell(cell, first_row, style, number) for c, (cell, first_row, first_col) in enumerate(row)
                        if first_col and c >= skip)
        tr = f"<w:tr><w:trPr>{''.join(props)}</w:trPr>{cells}</w:tr>"
        if style.wrap_rows and r >= table.head:
            tr = (f'<w:customXml w:element="row">{tr}</w:customXml>' if r % 2 else
                  f'<w:sdt><w:sdtPr><w:id w:val="{r}"/></w:sdtPr><w:sdtContent>{tr}</w:sdtContent></w:sdt>')
        rows.append(tr)
        if style.footers == "row" and table.key == "s3" and r == table.head + (len(slots) - table.head) // 2:
            # a full-width row with the page's foot and the next one's head, where the page ends
            rows.append(f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{width}"/></w:tcPr>'
                        + "".join(_paragraph(run(text), style, number) for text in page_footer(1)) + "</w:tc></w:tr>")
    grid = "".join('<w:gridCol w:w="600"/>' for _ in range(columns))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>'
            f'<w:top w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/></w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def _text_box(content: str) -> str:
    """A paragraph anchoring a text box as Word 2010 on writes it: a DrawingML shape, and the same box again
    as VML for older readers."""
    return ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
            'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
            '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionV><wp:extent cx="5400000" cy="600000"/><wp:wrapTopAndBottom/><wp:docPr id="1" '
            'name="文本框 1"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
            f'<w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>'
            '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" '
            'style="width:425pt;height:47pt"><v:textbox>'
            f'<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r></w:p>')


# ---------------------------------------------------------------------------------------------------
# the document


STYLES: dict[str, Style] = {
    "word": Style(),
    "grid-after": Style(grid_after=True, corner_before=True),
    "split-header": Style(split_at_page),
    "column-parts": Style(split_by_columns),
    "groups-repeated": Style(groups_repeated),
    "textbox": Style(title="textbox"),
    "tracked": Style(figure=tracked_runs),
    "hidden": Style(figure=hidden_runs),
    "fields": Style(figure=field_runs),
    "controls": Style(figure=wrapped_runs, wrap_rows=True, wrap_cells=True),
    "digit-runs": Style(figure=digit_runs),
    "fullwidth": Style(figure=fullwidth_runs),
    "textbox-table": Style(title="textbox", boxed=("s4",)),
    "header-copied": Style(header_copied_inside),
    "breaks": Style(label=label_broken, enter_after=True),
    "zero-blank": Style(figure=blank_zero_runs),
    "zero-ling": Style(figure=zero_mark_runs("零")),
    "zero-circle": Style(figure=zero_mark_runs("〇")),
    "hidden-style": Style(figure=style_hidden_runs, styles=HIDDEN_STYLES),
    "hmerge": Style(hmerge=True),
    "framed": Style(framed=True),
    "altchunk-html": Style(chunk="html"),
    "altchunk-mht": Style(chunk="mht"),
    "altchunk-docx": Style(chunk="docx"),
    "altchunk-rtf": Style(chunk="rtf"),
    "hidden-default": Style(figure=default_hidden_runs, styles=DEFAULT_HIDDEN, unhidden=True),
    "hidden-all": Style(styles=DEFAULT_HIDDEN),   # every run hidden by the default, nothing shown
    "vmerge-unspanned": Style(continued_unspanned=True),
    "corner-nested": Style(corner_nested=True),
    "corner-nested-blank": Style(corner_nested=True, figure=blank_zero_runs),
    "footer-paragraphs": Style(split_at_page, footers="paragraphs"),
    "footer-row": Style(footers="row"),
    "wps": Style(wps=True, title="header"),
    "title-table": Style(wps=True, title="table"),
}


def _body(report: dict, style: Style) -> tuple[str, str]:
    """The document's body and its page header's paragraphs."""
    number = [0]
    title = _paragraph(run(report["title"], '<w:b/><w:sz w:val="44"/>'), style, number, centred=True)
    header = ""
    parts = []
    if style.title == "body":
        parts.append(title)
    elif style.title == "textbox":
        parts.append(_text_box(title))
    elif style.title == "header":
        header = title
    else:   # the first page's title and date in a one-cell table (a red-head layout)
        parts.append('<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/>'
                     f"</w:tblGrid><w:tr><w:tc>{title}</w:tc></w:tr></w:tbl>")
    tables = official_tables(report)
    for section in SECTIONS:
        parts.append(_paragraph(run(f"{section.numeral}、{section.title}", "<w:b/>"), style, number))
        if section.key in tables:
            shaped = style.shape(tables[section.key])
            for i, table in enumerate(shaped):
                if i and style.footers == "paragraphs":
                    parts += [_paragraph(run(text), style, number) for text in page_footer(i)]
                elif i:   # a table continued on the next page: Word keeps a paragraph between the two parts
                    parts.append(_paragraph('<w:r><w:br w:type="page"/></w:r>', style, number))
                written = write_table(table, style, number)
                if style.framed:
                    written = ('<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid><w:gridCol '
                               f'w:w="9000"/></w:tblGrid><w:tr><w:tc>{written}<w:p/></w:tc></w:tr></w:tbl>')
                # a text box's table ends with a paragraph of its own, as Word requires
                parts.append(_text_box(written + "<w:p/>") if section.key in style.boxed else written)
        else:
            for text in (report.get(f"{section.key}_text") or "").split("\n\n"):
                if text.strip():
                    parts.append(_paragraph(run(text.strip()), style, number))
    return "".join(parts), header


def render_docx(report: dict, style: str) -> bytes:
    """The report as a DOCX in ``style``."""
    spec = STYLES[style]
    if spec.chunk:
        page = render_page(report, "word").encode()
        data = {"html": page, "mht": _mht(page), "docx": render_docx(report, "word"), "rtf": render_rtf(report)}[
            spec.chunk]
        return docx_package('<w:altChunk r:id="chunk1"/>', chunks={"chunk1": (_CHUNK_TYPES[spec.chunk], data)})
    body, header = _body(report, spec)
    body = unhidden(body) if spec.unhidden else body
    return docx_package(body, {"default": header} if header else {}, wps=spec.wps, styles=spec.styles)


def _rtf_text(text: str) -> str:
    """Text as RTF writes it: markup characters escaped, a line break ``\\line``, other than ASCII as ``\\uN?``
    (a signed 16-bit number)."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append(f"\\{ch}")
        elif ch == "\n":
            out.append("\\line ")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
    return "".join(out)


def _rtf_table(table: Table) -> str:
    """A table as Word writes it in RTF: each row its cells' right edges (``\\cellx``) and vertical merges
    (``\\clvmgf`` first, ``\\clvmrg`` continued), then their text."""
    rows = []
    for row in _grid(table):
        edges, texts = [], []
        for c, (cell, first_row, first_col) in enumerate(row):
            if not first_col:
                continue
            merge = "\\clvmgf" if cell.rowspan > 1 and first_row else "" if first_row else "\\clvmrg"
            edges.append(f"{merge}\\clvertalc\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs"
                         f"\\cellx{(c + cell.colspan) * 600}")
            texts.append(f"\\pard\\intbl\\qc {_rtf_text(cell.text) if first_row else ''}\\cell ")
        rows.append(f"\\trowd\\trgaph108\\trqc{''.join(edges)}\n{''.join(texts)}\\row\n")
    return "".join(rows) + "\\pard\n"


def render_rtf(report: dict) -> bytes:
    """The report as an RTF document: its title, six sections, tables and prose."""
    parts = ["{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0\\fs24\n",
             f"\\pard\\qc\\b {_rtf_text(report['title'])}\\b0\\par\n"]
    tables = official_tables(report)
    for section in SECTIONS:
        parts.append(f"\\pard\\b {_rtf_text(f'{section.numeral}、{section.title}')}\\b0\\par\n")
        if section.key in tables:
            parts.append(_rtf_table(tables[section.key]))
        else:
            parts += [f"\\pard {_rtf_text(text.strip())}\\par\n"
                      for text in (report.get(f"{section.key}_text") or "").split("\n\n") if text.strip()]
    return ("".join(parts) + "}").encode("ascii")


_CHUNK_TYPES = {"html": "text/html", "rtf": "application/rtf", "mht": "message/rfc822",
                "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"}


def _mht(page: bytes) -> bytes:
    """The page as html-docx-js wraps it: a one-part MHT document, quoted-printable."""
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n    type="text/html";\r\n'
            b'    boundary="----=mhtDocumentPart"\r\n\r\n\r\n------=mhtDocumentPart\r\n'
            b'Content-Type: text/html;\r\n    charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
            b"Content-Location: file:///C:/fake/document.html\r\n\r\n" + quopri.encodestring(page)
            + b"\r\n\r\n------=mhtDocumentPart--\r\n")


def docx_package(body: str, headers: dict[str, str] | None = None, wps: bool = False,
                 chunks: dict[str, tuple[str, bytes]] | None = None, styles: str = "") -> bytes:
    """A Word package of the body's WordprocessingML and its page headers' by type (default, first: the first
    page's, marked with w:titlePg), ``wps``: with WPS's settings; ``chunks``: the parts w:altChunk imports by
    relationship id (content type, bytes); ``styles``: the w:style elements of a styles part."""
    headers = headers or {}
    chunks = chunks or {}
    references = "".join(f'<w:headerReference w:type="{kind}" r:id="rIdH{kind}"/>' for kind in headers)
    titled = "<w:titlePg/>" if "first" in headers else ""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_NAMESPACES}><w:body>{body}'
                f'<w:sectPr>{references}<w:pgSz w:w="11906" w:h="16838"/>{titled}</w:sectPr></w:body></w:document>')
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'settings" Target="settings.xml"/>']
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.document.main+xml"/>',
                 '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.settings+xml"/>']
    parts: dict[str, str | bytes] = {"word/document.xml": document,
             "word/settings.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<w:settings {_NAMESPACES}>'
                                  + ('<wpsCustomData:documentUseType w:val="0"/>' if wps else "")
                                  + "</w:settings>"}
    if styles:
        rels.append('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                    'styles" Target="styles.xml"/>')
        overrides.append('<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.styles+xml"/>')
        parts["word/styles.xml"] = f'<?xml version="1.0" encoding="UTF-8"?>\n<w:styles {_NAMESPACES}>{styles}</w:styles>'
    for kind, header in headers.items():
        rels.append(f'<Relationship Id="rIdH{kind}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/header" Target="header-{kind}.xml"/>')
        overrides.append(f'<Override PartName="/word/header-{kind}.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.header+xml"/>')
        parts[f"word/header-{kind}.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<w:hdr {_NAMESPACES}>{header}'
                                            "</w:hdr>")
    for rid, (content_type, data) in chunks.items():
        rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/aFChunk" Target="{rid}.chunk"/>')
        overrides.append(f'<Override PartName="/word/{rid}.chunk" ContentType="{content_type}"/>')
        parts[f"word/{rid}.chunk"] = data
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}</Relationships>')
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'{"".join(overrides)}</Types>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return out.getvalue()


"""HTML pages → document lines: paragraphs become prose lines, data tables become grid lines.

A page may show its tables as pictures (pasted into the CMS editor as screenshots): a picture whose bytes are
at hand (a ``data:`` URI, or the page's ``Pictures``: an MHTML bundle's parts) and large enough to be content
makes the document's ``read_pictures`` read the page again with such pictures read by OCR where they stand.
"""

from __future__ import annotations

import contextlib
import functools
import html
import io
import re
from collections.abc import Callable

from lxml import etree
from PIL import Image

from gxparse import limits
from gxparse.cells import grouped_by_commas
from gxparse.document import (DISPLAY_MISMATCH, EVIDENCE_CHARS, HIDDEN_DRAFT, HIDDEN_TEXT, Document, Line, LinesRead,
                               ReadNote, is_value, lines_from_text, shows_ocr_noise)
from gxparse.readers.datauris import data_uri
from gxparse.readers.excelnum import UNIT_ENDS, amount_behind, count_behind, stored_number
from gxparse.readers.formats import IMAGE_KINDS, ocr_budget, read_picture
from gxparse.readers.sniff import sniff
from gxparse.readers.splitcells import carries_data
from gxparse.readers.scripted import outside_scripts, script_file_markup, scripted_markup
from gxparse.readers.unshown import HidingRules, block_text, drop_unshown, hiding_selectors, kept_from_view, revealed
from gxparse.layout.boxtables import unboxed
from gxparse.layout.columnparts import TableParts
from gxparse.layout.grid import Grid, expand_spans
from gxparse.layout.stacked import unstacked
from gxparse.normalize import normalize_text

Pictures = Callable[[str], "bytes | None"]   # a picture's bytes by its ``src`` as written; None when not at hand
_LAZY_SOURCES = ("data-original", "data-src", "src")   # the first present names the picture
_MIN_PICTURE_SIDE = 80          # pixels: smaller is an icon or a rule, never a table
_MIN_PICTURE_PIXELS = 60_000    # a table of a few rows in legible type is larger
_HTML_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SKIP = {"script", "style", "noscript", "head", "title", "template", "iframe", "select", "option", "button"}
_BLOCK = {"p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr",
          "table", "blockquote", "pre", "center", "dd", "dt", "dl", "hr", "header", "footer", "form", "body"}


_SPAN = re.compile(r"\s*\+?(\d{1,7})")   # leading digits, as browsers read them ("3px" is 3)


def _span(value: str | None) -> int:
    """A rowspan or colspan as browsers read it: 1 unless a positive number, at most ``limits.MAX_SPAN``."""
    m = _SPAN.match(value) if value is not None else None
    return max(1, min(int(m[1]), limits.MAX_SPAN)) if m else 1


_ROW_TAGS, _ROW_ENDS = frozenset({"tr"}), frozenset({"table", "td", "th"})
_CELL_TAGS, _CELL_ENDS = frozenset({"td", "th"}), frozenset({"table", "tr"})


def _own(el: etree._Element, wanted: frozenset[str], ends: frozenset[str]) -> list[etree._Element]:
    """The ``wanted`` elements (a table's rows, a row's cells) within ``el`` in document order, through whatever
    elements wrap them (``thead``, Word's content controls ``<w:Sdt>``, a framework's custom elements, ``<ins>``):
    a browser moves such a wrapper out of the table and keeps the row or cell in place. None within a nested
    table or within the ``ends`` that hold no such element of ``el``'s own."""
    found: list[etree._Element] = []
    stack = list(reversed(el))
    while stack:
        child = stack.pop()
        if not isinstance(child.tag, str):
            continue
        if child.tag in wanted:
            found.append(child)
        elif child.tag not in ends:
            stack.extend(reversed(child))
    return found
_TEXT = etree.XPath("normalize-space(string(.))")  # <br>-split labels join up
_LINE_BREAKS = etree.XPath(".//br | .//p | .//div | .//li")
_CELL_BLOCKS = {"p", "div", "li"}
# NFKC would turn these into markup characters; they are escaped before the whole page is normalised
_MARKUP_LOOKALIKES = {"＜": "&lt;", "＞": "&gt;", "＆": "&amp;", "﹤": "&lt;", "﹥": "&gt;", "﹠": "&amp;"}
_LOOKALIKE = re.compile("|".join(_MARKUP_LOOKALIKES))
# A circled or superscript digit right after a figure is a note mark (``508①``, ``12²``): NFKC would make it a
# digit of the figure (5081); it is made a mark of its own before the page is normalised.
_NOTE_DIGIT = re.compile(r"(?<=[0-9\uff10-\uff19])[\u2460-\u2473\u00b2\u00b3\u00b9\u2070\u2074-\u2079]")
_NOTE_MARK = "*"
# A figure with what an editor typed after it: a unit after a space or in brackets (``12 件``, ``12(件)``), a note
# mark (``12*``, ``12※``, ``12#``). Kept only when the figure and its unit make a value (a unit cells may carry).
_STRAY_FIGURE = re.compile(r"^(?P<figure>[+-]?\d[\d,]*(?:\.\d+)?)\s*"
                           r"(?:\(\s*(?P<bracketed>[^\d()]{1,3})\s*\)|(?P<unit>[^\d\s()*※#]{1,3}))?\s*[*※#]*$")
_FIGURE_STARTS = frozenset("+-0123456789")
_HEAD_CHARS = 20   # of a hidden block's first words in a note's message (its evidence holds more)
# the tables a page shows that hold data (none within another), beside which a script's article is not read
_SHOWN_DATA_TABLE = etree.XPath("(//table[not(.//table)][not(ancestor::noscript or ancestor::template)])[1]")


def _table_rows(table: etree._Element, number: int, notes: list[ReadNote]) -> list[list[tuple[str, int, int]]]:
    """The table's rows of cells (text, rowspan, colspan); ``notes`` take what a cell's reading must say."""
    rows = []
    count = 0
    for tr in _own(table, _ROW_TAGS, _ROW_ENDS):
        cells = []
        for td in _own(tr, _CELL_TAGS, _CELL_ENDS):
            count += 1
            if count > limits.MAX_TABLE_CELLS:
                limits.check_table(len(rows) + 1, len(cells), count, f"第{number}个表格")
            # most cells are a bare number: their .text is the whole content, no XPath needed
            text = (td.text or "").strip() if len(td) == 0 else _cell_text(td)
            text = _figure_text(text) if text and text[0] in _FIGURE_STARTS else text
            if text and text[-1] in UNIT_ENDS:   # a count Excel's number format shows in 万 or 亿
                text = _in_units(td, text, f"表{number}第{len(rows) + 1}行第{len(cells) + 1}格", notes)
            elif "." in text and (amount := amount_behind(td, text)) is not None:   # an amount shown rounded
                text = amount
            rowspan, colspan = td.get("rowspan"), td.get("colspan")
            cells.append((text, _span(rowspan) if rowspan else 1, _span(colspan) if colspan else 1))
        rows.append(cells)
    return rows


def _in_units(td: etree._Element, text: str, where: str, notes: list[ReadNote]) -> str:
    """A cell displayed in 万 or 亿 as its count behind (``excelnum.count_behind``), else as displayed; where the
    count Excel stores disagrees with the display, the cell is unread and ``notes`` say why."""
    if (count := count_behind(td, text)) is not None:
        return count
    if (stored := stored_number(td, text)) is not None:
        notes.append(ReadNote(DISPLAY_MISMATCH, f"Excel 单元格显示为{text}，存储的数值（x:num）为{stored}，二者不符：此格未读取",
                              where, text))
    return text


def _figure_text(text: str) -> str:
    """A cell's figure without the stray text after it (``_STRAY_FIGURE``): ``12 (件)`` is ``12件``, ``12※`` is
    ``12``; thousands grouped by spaces are grouped by commas; any other text stays as printed (``12万`` is
    no count of 12)."""
    if (grouped := grouped_by_commas(text)) != text:
        return grouped
    m = _STRAY_FIGURE.match(text)
    if m is None:
        return text
    figure = m["figure"] + (m["bracketed"] or m["unit"] or "").strip()
    return figure if is_value(figure) else text


def _cell_text(td: etree._Element) -> str:
    """A cell's text, its lines (broken by ``<br>`` or paragraphs) apart by ``\\n`` for ``stacked.unstacked``."""
    breaks = _LINE_BREAKS(td)
    if not breaks or len(breaks) == 1 and breaks[0].tag != "br":   # one paragraph is one line
        return _TEXT(td)
    lines = [td.text or ""]
    for event, el in etree.iterwalk(td, events=("start", "end")):
        if el is td:
            continue
        if event == "start":
            if el.tag == "br" or el.tag in _CELL_BLOCKS:
                lines.append("")
            lines[-1] += el.text or ""
        else:
            if el.tag in _CELL_BLOCKS:
                lines.append("")
            lines[-1] += el.tail or ""
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _is_data_table(table: etree._Element) -> bool:
    """Layout tables (a page wrapped in a table) hold other tables; only the innermost carry data, unless the
    tables within only split its cells (``splitcells.carries_data``): then they are its cells' text."""
    return carries_data(table, "table", ("td", "th"))


def picture_source(img: etree._Element) -> str:
    """The picture an ``<img>`` shows: a page that loads its pictures as they scroll into view names the real one
    in ``data-original`` or ``data-src``, its ``src`` a placeholder until then."""
    return next((value.strip() for name in _LAZY_SOURCES if (value := img.get(name)) and value.strip()), "")


def _content_picture(data: bytes | None) -> str | None:
    """The OCR kind of a picture large enough to hold a table, None for anything else (an icon, a broken file):
    its size from its header only."""
    if not data or (kind := sniff(data)) not in IMAGE_KINDS:
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    large = min(width, height) >= _MIN_PICTURE_SIDE and width * height >= _MIN_PICTURE_PIXELS
    return kind if large else None


class _Walker:
    def __init__(self, source: str = "<html>", pictures: Pictures | None = None,
                 pictures_by_ocr: bool = False) -> None:
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.tables = 0
        self.source = source
        self.pictures = pictures
        self.pictures_by_ocr = pictures_by_ocr
        self.pictured = False   # the page shows pictures that could be tables
        self.hiding = HidingRules()   # the page's style-sheet rules that hide text
        self.scripted: dict[etree._Element, str] = {}   # scripts and textareas with the article markup they hold
        self.pictures_read = 0
        # elements the page keeps from view are left out, then read again in ``revealed`` unless they are drafts
        # of what is shown: content a script reveals (a tab panel, ``<body style="display:none">`` until loaded)
        self.left_out: list[etree._Element] = []
        self.revealed: set[etree._Element] = set()
        # the revealed blocks whose own hidden blocks were not judged (``_revealed_within``'s last level): each
        # read whole, all of it shown with it
        self.revealed_whole: set[etree._Element] = set()
        self.shows_hidden = False
        self.revealing = 0   # revealed blocks being read, one within another: only the outermost is noted
        self.notes: list[ReadNote] = []
        self.parts = TableParts()   # the page's last table, joined with a column part after it
        self.read_so_far = LinesRead("网页")

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        for line in lines_from_text(text):
            line.where = f"段落{len(self.lines) + 1}"
            self.lines.append(line)
        self.read_so_far.check(self.lines)

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else None  # comments have no string tag
        if self.scripted and el in self.scripted:
            self.markup(self.scripted[el])
        elif tag is not None and tag not in _SKIP:
            if not self.shows_hidden and kept_from_view(el, self.hiding):
                self.hidden(el)
            else:
                self.shown(el, tag)
        if el.tail:
            self.buffer.append(el.tail)

    def shown(self, el: etree._Element, tag: str) -> None:
        if tag == "table" and _is_data_table(el):
            self.flush()
            self.tables += 1
            # a raised or lowered mark in a statistics table is a note's reference, never digits of a count
            # (5<sup>1</sup>, 5<sub>2</sub>)
            etree.strip_elements(el, "sup", "sub", with_tail=False)
            drop_unshown(el, self.hiding)
            grid = expand_spans(unstacked(_table_rows(el, self.tables, self.notes)), f"第{self.tables}个表格")
            self.table(grid)
        elif tag == "img":
            self.picture(el)
        else:
            if tag in _BLOCK:
                self.flush()
            if el.text:
                self.buffer.append(el.text)
            for child in el:
                self.walk(child)
            if tag in _BLOCK:
                self.flush()

    def table(self, grid: Grid) -> None:
        """A table's grid lines; a table printed in column parts (``columnparts``) is read as one, its lines
        written again with the part's columns beside those of the part before it."""
        self.parts.add(self.lines, grid, self.tables)
        self.read_so_far.check(self.lines)

    def hidden(self, el: etree._Element) -> None:
        """An element the page does not show: read whole when it is ``revealed``; otherwise left out, only the
        article markup a script within it writes elsewhere on the page read (a hidden textarea's article source)."""
        if el in self.revealed_whole or el in self.revealed:
            if not self.revealing:
                self.note(el, HIDDEN_TEXT, "网页隐藏的区块（display:none 等，由脚本显示，如选项卡、展开全文）已作为正文读取，区块")
            self.revealing += 1
            self.shows_hidden = el in self.revealed_whole
            self.shown(el, el.tag)
            self.shows_hidden = False
            self.revealing -= 1
            return
        self.left_out.append(el)
        self.note(el, HIDDEN_DRAFT, "网页隐藏的区块（display:none 等）视为草稿未读取（与页面显示的内容相同，或只有数字），区块")
        if self.scripted:
            for holder in el.iterdescendants("script", "textarea"):
                if holder in self.scripted:
                    self.markup(self.scripted[holder])

    def note(self, el: etree._Element, rule: str, what: str) -> None:
        """A note naming the hidden block ``el`` where it stands, when it holds figures (a table, a figure alone):
        what was read or left out of the report."""
        text = block_text(el, EVIDENCE_CHARS)
        if text.figures:
            self.notes.append(ReadNote(rule, f"{what}共{text.length}字，以“{text.head[:_HEAD_CHARS]}”开头",
                                       f"段落{len(self.lines) + 1}", text.head))

    def markup(self, markup: str) -> None:
        """Markup a script writes into the page, read where the script stands; scripts within it are not run
        again."""
        root = _parse(_prepared(markup))
        scripted, self.scripted = self.scripted, {}
        hiding, self.hiding = self.hiding, self.hiding + hiding_selectors(root)
        body = root.find("body")
        self.walk(body if body is not None else root)
        self.scripted, self.hiding = scripted, hiding

    def picture(self, img: etree._Element) -> None:
        if alt := (img.get("alt") or "").strip():
            # a title printed as a header image says itself in its alt text
            self.flush()
            self.buffer.append(alt)
            self.flush()
        src = picture_source(img)
        data = data_uri(src) or (self.pictures(src) if self.pictures is not None and src else None)
        if (kind := _content_picture(data)) is None:
            return
        self.pictured = True
        if self.pictures_by_ocr:
            self.flush()
            self.pictures_read += 1
            picture = read_picture(data, self.source, kind, self.pictures_read)  # type: ignore[arg-type]
            self.lines += picture.lines
            self.notes += picture.notes


def _prepared(text: str) -> str:
    """Markup normalised before it is parsed: once for the whole page instead of once per cell."""
    text = _NOTE_DIGIT.sub(_NOTE_MARK, _LOOKALIKE.sub(lambda m: _MARKUP_LOOKALIKES[m.group()], text))
    return outside_scripts(_PLAIN_PRE.sub(_unboxed_pre, text), normalize_text)


# a <pre> block of plain text (no markup within): a table pasted as text, drawn in box-drawing characters
_PLAIN_PRE = re.compile(r"(<pre\b[^>]*>)([^<]*)(</pre\s*>)", re.IGNORECASE)


def _unboxed_pre(m: re.Match[str]) -> str:
    """A plain <pre> block's box-drawn tables a row per line (``boxtables.unboxed``), read before the page is
    normalised: the drawing aligns its rules by display width, which NFKC changes (``（`` is two columns, ``(``
    one)."""
    if not any("\u2500" <= ch <= "\u257f" for ch in m[2]):
        return m[0]
    return m[1] + html.escape(unboxed(html.unescape(m[2])), quote=False) + m[3]


def _parse(text: str) -> etree._Element:
    # lxml refuses str input that still carries an XML encoding declaration; the text is decoded already
    # plain etree elements: lxml.html's element-class lookup costs more than the rest of the reading
    limits.check_element_attributes(text)
    root = etree.fromstring(_XML_DECL.sub("", text, count=1) or "<html/>", _HTML_PARSER)
    return root if root is not None else etree.fromstring("<html/>", _HTML_PARSER)


def _walked(root: etree._Element, tables_before: int = 0, walker: _Walker | None = None) -> _Walker:
    walker = walker or _Walker()
    walker.tables = tables_before
    walker.hiding = hiding_selectors(root)
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return walker


def read_html_block(markup: str, tables_before: int) -> tuple[list[Line], int]:
    """The lines of HTML written inside another document (a Markdown converter's ``<table>`` block), already
    normalised, and the tables counted so far: its tables are numbered after the document's ``tables_before``."""
    walker = _walked(_parse(markup), tables_before)
    return walker.lines, walker.tables


_MAX_REVEAL_DEPTH = 4   # a fold in an accordion in a tab panel: blocks hidden deeper are read whole with theirs


def _revealed_within(blocks: set[etree._Element], first: _Walker) -> tuple[set[etree._Element], set[etree._Element]]:
    """The blocks kept from view inside revealed ``blocks`` that are content a script reveals too, decided level by
    level: a level's hidden blocks are judged by ``unshown.revealed`` against what the page (the ``first`` walk)
    and the levels above show; a draft (an earlier copy of a section) is left out, content is revealed and its own
    hidden blocks judged at the next level. Returned: every block revealed, and those of the last level
    (``_MAX_REVEAL_DEPTH``), read whole with what they hold. A level walks only what the one above revealed, which
    hold none of each other, so the page's elements are walked at most once over all levels."""
    found: set[etree._Element] = set()
    shown = [line.text for line in first.lines]
    level = blocks
    for _ in range(_MAX_REVEAL_DEPTH):
        inner = _Walker(first.source)
        inner.hiding = first.hiding
        for block in level:
            inner.shown(block, block.tag)
        inner.flush()
        shown += [line.text for line in inner.lines]
        if not (level := revealed(inner.left_out, shown)):
            return found, set()
        found |= level
    return found, level


def read_html(text: str, source: str = "<html>", pictures: Pictures | None = None,
              pictures_by_ocr: bool = False) -> Document:
    """The page's lines; with ``pictures_by_ocr`` its content pictures (``data:`` URIs, or those ``pictures``
    gives) are read by OCR where they stand (the document's ``read_pictures`` reads it so when its tables are
    not found in the text)."""
    root = _parse(_prepared(script_file_markup(text) or text))
    # government CMS pages state the article's title and its publisher in meta tags (政府网站发展指引):
    # the article's title is more to the point than the page's, which is often the site's name
    title = _meta(root, "ArticleTitle") or (root.findtext(".//title") or "").strip()
    # imported here: its layout path loads numpy, which a text document's parse never needs (a worker's memory)
    from gxparse.readers.positioned import read_positioned

    if (placed := read_positioned(root, title or None)) is not None:   # a PDF shown as a web page
        return placed
    walker = _Walker(source, pictures, pictures_by_ocr)
    # a page that shows no table may be one whose article a script writes: it is read with that article
    walker.scripted = scripted_markup(root) if not _SHOWN_DATA_TABLE(root) else {}
    with ocr_budget() if pictures_by_ocr else contextlib.nullcontext():   # one budget for all the pictures
        _walked(root, walker=walker)
        if reveal := revealed(walker.left_out, [line.text for line in walker.lines]):
            first = walker
            walker = _Walker(source, pictures, pictures_by_ocr)
            within, walker.revealed_whole = _revealed_within(reveal, first)
            walker.scripted, walker.revealed = first.scripted, reveal | within
            _walked(root, walker=walker)
    # OCR tools write HTML too (PaddleOCR's tables): their digit noise makes the figures no evidence
    again = functools.partial(read_html, text, source, pictures, True) if walker.pictured else None
    # figures read from pictures make it a document read by OCR, as a Word file with such pictures is
    read_by_ocr = pictures_by_ocr and walker.pictured
    return Document(walker.lines, "ocr" if read_by_ocr else "html", title=title or None,
                    publisher=_meta(root, "ContentSource"), ocr_text=shows_ocr_noise(walker.lines),
                    read_pictures=None if pictures_by_ocr else again, notes=walker.notes)


def _meta(root: etree._Element, name: str) -> str | None:
    content = next((m.get("content") for m in root.iter("meta") if (m.get("name") or "").lower() == name.lower()),
                   None)
    return content.strip() or None if content else None

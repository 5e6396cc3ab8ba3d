"""HTML pages → document lines: paragraphs become prose lines, data tables become grid lines."""

from __future__ import annotations

import re

from lxml import etree

from gxparse import limits
from gxparse.document import Document, Line, lines_from_text, shows_ocr_noise
from gxparse.layout.grid import expand_spans, grid_lines
from gxparse.layout.stacked import unstacked
from gxparse.normalize import normalize_text

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


_ROWS = etree.XPath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
_TEXT = etree.XPath("normalize-space(string(.))")  # <br>-split labels join up
_LINE_BREAKS = etree.XPath(".//br | .//p | .//div | .//li")
_CELL_BLOCKS = {"p", "div", "li"}
# NFKC would turn these into markup characters; they are escaped before the whole page is normalised
_MARKUP_LOOKALIKES = {"＜": "&lt;", "＞": "&gt;", "＆": "&amp;", "﹤": "&lt;", "﹥": "&gt;", "﹠": "&amp;"}
_LOOKALIKE = re.compile("|".join(_MARKUP_LOOKALIKES))


def _table_rows(table: etree._Element, number: int) -> list[list[tuple[str, int, int]]]:
    rows = []
    count = 0
    for tr in _ROWS(table):
        cells = []
        for td in tr.iterchildren("td", "th"):
            count += 1
            if count > limits.MAX_TABLE_CELLS:
                limits.check_table(len(rows) + 1, len(cells), count, f"第{number}个表格")
            # most cells are a bare number: their .text is the whole content, no XPath needed
            text = (td.text or "").strip() if len(td) == 0 else _cell_text(td)
            rowspan, colspan = td.get("rowspan"), td.get("colspan")
            cells.append((text, _span(rowspan) if rowspan else 1, _span(colspan) if colspan else 1))
        rows.append(cells)
    return rows


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
    """Layout tables (a page wrapped in a table) hold other tables; only the innermost carry data."""
    return next(table.iterdescendants("table"), None) is None


class _Walker:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.tables = 0

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        for line in lines_from_text(text):
            line.where = f"段落{len(self.lines) + 1}"
            self.lines.append(line)
        limits.check_lines(len(self.lines))

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else None  # comments have no string tag
        if tag is not None and tag not in _SKIP:
            if tag == "table" and _is_data_table(el):
                self.flush()
                self.tables += 1
                grid = expand_spans(unstacked(_table_rows(el, self.tables)), f"第{self.tables}个表格")
                self.lines.extend(grid_lines(grid, self.tables))
            elif tag == "img" and (alt := (el.get("alt") or "").strip()):
                # a title printed as a header image says itself in its alt text
                self.flush()
                self.buffer.append(alt)
                self.flush()
            else:
                if tag in _BLOCK:
                    self.flush()
                if el.text:
                    self.buffer.append(el.text)
                for child in el:
                    self.walk(child)
                if tag in _BLOCK:
                    self.flush()
        if el.tail:
            self.buffer.append(el.tail)


def _parse(text: str) -> etree._Element:
    # lxml refuses str input that still carries an XML encoding declaration; the text is decoded already
    # plain etree elements: lxml.html's element-class lookup costs more than the rest of the reading
    root = etree.fromstring(_XML_DECL.sub("", text, count=1) or "<html/>", _HTML_PARSER)
    return root if root is not None else etree.fromstring("<html/>", _HTML_PARSER)


def _walked(root: etree._Element, tables_before: int = 0) -> _Walker:
    walker = _Walker()
    walker.tables = tables_before
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return walker


def read_html_block(markup: str, tables_before: int) -> tuple[list[Line], int]:
    """The lines of HTML written inside another document (a Markdown converter's ``<table>`` block), already
    normalised, and the tables counted so far: its tables are numbered after the document's ``tables_before``."""
    walker = _walked(_parse(markup), tables_before)
    return walker.lines, walker.tables


def read_html(text: str) -> Document:
    # one normalisation of the whole page instead of one per cell
    root = _parse(normalize_text(_LOOKALIKE.sub(lambda m: _MARKUP_LOOKALIKES[m.group()], text)))
    walker = _walked(root)
    # government CMS pages state the article's title and its publisher in meta tags (政府网站发展指引):
    # the article's title is more to the point than the page's, which is often the site's name
    title = _meta(root, "ArticleTitle") or (root.findtext(".//title") or "").strip()
    # OCR tools write HTML too (PaddleOCR's tables): their digit noise makes the figures no evidence
    return Document(walker.lines, "html", title=title or None, publisher=_meta(root, "ContentSource"),
                    ocr_text=shows_ocr_noise(walker.lines))


def _meta(root: etree._Element, name: str) -> str | None:
    content = next((m.get("content") for m in root.iter("meta") if (m.get("name") or "").lower() == name.lower()),
                   None)
    return content.strip() or None if content else None

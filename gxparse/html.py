"""HTML pages → document lines: paragraphs become prose lines, data tables become grid lines."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from gxparse.document import Document, Line, lines_from_text
from gxparse.grid import expand_spans, grid_lines

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SKIP = {"script", "style", "noscript", "head", "title", "template", "iframe", "select", "option", "button"}
_BLOCK = {"p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr",
          "table", "blockquote", "pre", "center", "dd", "dt", "dl", "hr", "header", "footer", "form", "body"}


def _span(el: etree._Element, name: str) -> int:
    value = el.get(name)
    if value is None:
        return 1
    try:
        return max(1, min(int(value.strip() or 1), 1000))
    except ValueError:
        return 1


_ROWS = etree.XPath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
_CELLS = etree.XPath("./td | ./th")
_TEXT = etree.XPath("normalize-space(string(.))")  # one C call per cell; <br>-split labels join up


def _table_rows(table: etree._Element) -> list[list[tuple[str, int, int]]]:
    return [[(_TEXT(td), _span(td, "rowspan"), _span(td, "colspan")) for td in _CELLS(tr)] for tr in _ROWS(table)]


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

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else None  # comments have no string tag
        if tag is not None and tag not in _SKIP:
            if tag == "table" and _is_data_table(el):
                self.flush()
                self.tables += 1
                self.lines.extend(grid_lines(expand_spans(_table_rows(el)), self.tables))
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
    return lxml.html.document_fromstring(_XML_DECL.sub("", text, count=1))


def read_html(text: str) -> Document:
    root = _parse(text)
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    title = root.findtext(".//title")
    return Document(walker.lines, "html", title=title.strip() if title else None)

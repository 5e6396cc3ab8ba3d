"""Which pictures of a report page are its content: the statistics tables pasted as pictures.

Many county and department sites print tables 二, 三 and 四 as pictures because their CMS editor mangles Word
tables. A page's pictures are worth fetching when the element holding the report's text (the deepest one
with most of the six section headings) has fewer than three tables of figures and shows pictures. Of its
pictures, furniture is left out: a logo, an icon, a QR code (二维码, ewm), a banner, a share, print or close
button (named so in its src, class or id), anything drawn smaller than ``MIN_SIDE`` px by its width or
height attribute, and pictures outside that element altogether (the site's logo above the article, the QR
code under it).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import islice
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement
from w3lib.url import safe_url_string

from crawler.pages.elementtext import LeadingText
from gxparse.normalize import squash
from gxparse.readers.html import picture_source
from gxparse.template import SECTIONS

TABLES = 3                 # tables of figures a report prints (二, 三, 四)
SECTIONS_NEEDED = 4        # of the six section headings, for an element to hold the report's text
MIN_SIDE = 60              # px: a picture drawn smaller is an icon
FIGURE_CELLS = 4           # number cells that make a table one of figures (not a layout or metadata table)
# a cell's characters read for its figure, each text of the page once: a cell of a nested table is read again for
# each table around it (30 tables nested around 10⁷ characters, read whole each time: 47 s)
MAX_FIGURE_CHARS = 40
# Text read of an element for the section headings: a report's text is some 20,000 characters, a page may hold
# 50 MB of text in elements nested hundreds deep, each level read in turn.
MAX_REPORT_CHARS = 1_000_000
_ANCHORS = [re.compile("|".join(s.anchors)) for s in SECTIONS]
_FURNITURE = re.compile(r"logo|icon|qr_?code|ewm|erweima|banner|share|print|close", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*-?\d[\d,]*(?:\.\d+)?\s*$")
_PIXELS = re.compile(r"^\s*(\d+)\s*(?:px)?\s*$")


def table_pictures(root: HtmlElement, base_url: str, in_scope: Callable[[str], bool]) -> list[str]:
    """URLs (percent-encoded, as requested) of the pictures holding the page's tables, in page order; none
    when the page prints its tables as tables or holds no report text."""
    if not any(_may_show(img) for img in root.iter("img")):
        return []   # most report pages show no picture but furniture: no need to find the report's text
    report = report_element(root)
    if report is None or figure_tables(report, TABLES) >= TABLES:
        return []
    urls: dict[str, None] = {}
    for img in report.iter("img"):
        url = _source(img, base_url)
        if url and not is_furniture(img) and in_scope(url):
            urls[url] = None
    return list(urls)


def report_element(root: HtmlElement) -> HtmlElement | None:
    """The deepest element whose text holds most of the six section headings, or None."""
    element = root.find("body") if root.find("body") is not None else root
    texts = _PageTexts(element, MAX_REPORT_CHARS)
    if not texts.holds_report(0):
        return None
    index = 0
    while True:
        inner = next(((child, i) for child, i in zip(element, texts.children(index))
                      if isinstance(child.tag, str) and texts.holds_report(i)), None)
        if inner is None:
            return element
        element, index = inner


def figure_tables(element: HtmlElement, enough: int | None = None) -> int:
    """How many tables in ``element`` hold figures; with ``enough``, counted no further (on every report page: the
    tables past those a caller needs, and each table's cells past ``FIGURE_CELLS``, are not read)."""
    text = LeadingText(MAX_FIGURE_CHARS + 1)   # a cell longer than the bound is no figure
    figures = (table for table in element.iter("table")
               if len(list(islice((cell for cell in table.iter("td", "th") if _is_figure(text(cell))),
                                  FIGURE_CELLS))) >= FIGURE_CELLS)
    return sum(1 for _ in islice(figures, enough))


def _is_figure(text: str) -> bool:
    return len(text) <= MAX_FIGURE_CHARS and _NUMBER.match(text) is not None


def is_furniture(img: HtmlElement) -> bool:
    """A logo, icon, QR code or button by its name, or a picture drawn too small to hold a table."""
    names = " ".join(img.get(attribute, "") for attribute in ("src", "class", "id"))
    if _FURNITURE.search(names):
        return True
    sizes = (_PIXELS.match(img.get(attribute, "")) for attribute in ("width", "height"))
    return any(size is not None and int(size.group(1)) < MIN_SIDE for size in sizes)


def holds_report_text(text: str) -> bool:
    """Whether ``text`` carries a report: most of the six section headings are in it."""
    return _holds_squashed(squash(text))


def opens_report_text(text: str) -> bool:
    """Whether ``text`` holds a section heading of a report (the first page of a report its CMS split into
    pages holds one or two)."""
    squashed = squash(text)
    return any(anchor.search(squashed) for anchor in _ANCHORS)


def _holds_squashed(squashed: str) -> bool:
    return sum(1 for anchor in _ANCHORS if anchor.search(squashed)) >= SECTIONS_NEEDED


class _PageTexts:
    """The texts of an element and of each element inside it, as ``leading_text(element, limit, " ")`` reads
    them, from one walk: an element's texts are a run of its page's (``itertext``'s order), each squashed once.
    Descending the page to the report's element, each level read its whole text again (depth × size)."""

    def __init__(self, top: HtmlElement, limit: int) -> None:
        self.limit = limit
        self._pieces: list[str] = []       # the texts in page order, each cut to the limit (no read goes past it)
        self._starts = array("q")          # where each text starts in the texts joined by a space
        self._squashed: list[str] = []     # the first texts squashed, as far as a read has gone
        # by node in page order (comments too, as iterating an element gives them): its run of texts, and the
        # node after its last descendant
        self._first, self._end, self._after = array("q"), array("q"), array("q")
        open_nodes = []
        for event, node in etree.iterwalk(top, events=("start", "end", "comment", "pi")):
            if event != "end":   # a node opens (a comment or a processing instruction opens and closes at once)
                open_nodes.append(len(self._first))
                self._first.append(len(self._pieces))
                self._end.append(0)
                self._after.append(0)
                if event == "start":
                    self._read(node.text)
                    continue
            index = open_nodes.pop()
            self._end[index], self._after[index] = len(self._pieces), len(self._first)
            if index:   # the top's tail is none of its text
                self._read(node.tail)

    def _read(self, text: str | None) -> None:
        if text:
            self._starts.append(self._starts[-1] + len(self._pieces[-1]) + 1 if self._pieces else 0)
            self._pieces.append(text[:self.limit])

    def children(self, index: int) -> Iterator[int]:
        """The indexes of the node's children, in order."""
        child = index + 1
        while child < self._after[index]:
            yield child
            child = self._after[child]

    def holds_report(self, index: int) -> bool:
        """``holds_report_text`` of the node's text cut to the limit. Squashing the texts one by one is squashing
        them joined: the space between two is a boundary of Unicode normalisation, and squashed away."""
        first, end = self._first[index], self._end[index]
        if first == end:
            return False
        start = self._starts[first]
        last = bisect_left(self._starts, start + self.limit, first, end) - 1   # the last text read, maybe cut
        while len(self._squashed) <= last:
            self._squashed.append(squash(self._pieces[len(self._squashed)]))
        kept = self.limit - (self._starts[last] - start)
        tail = self._squashed[last] if len(self._pieces[last]) <= kept else squash(self._pieces[last][:kept])
        return _holds_squashed("".join(self._squashed[first:last]) + tail)


def _may_show(img: HtmlElement) -> bool:
    """The picture may be one ``table_pictures`` takes: it names a source and is no furniture."""
    src = picture_source(img)
    return bool(src) and not src.startswith("data:") and not is_furniture(img)


def _source(img: HtmlElement, base_url: str) -> str | None:
    """The picture's URL as a request names it; None for an inline (data:) or non-web picture."""
    src = picture_source(img)
    if not src or src.startswith("data:"):
        return None
    url = safe_url_string(urljoin(base_url, src))
    return url if urlsplit(url).scheme in ("http", "https") else None

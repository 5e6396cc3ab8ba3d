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
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement
from w3lib.url import safe_url_string

from crawler.elementtext import leading_text
from gxparse.normalize import squash
from gxparse.readers.html import picture_source
from gxparse.template import SECTIONS

TABLES = 3                 # tables of figures a report prints (二, 三, 四)
SECTIONS_NEEDED = 4        # of the six section headings, for an element to hold the report's text
MIN_SIDE = 60              # px: a picture drawn smaller is an icon
FIGURE_CELLS = 4           # number cells that make a table one of figures (not a layout or metadata table)
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
    report = report_element(root)
    if report is None or figure_tables(report) >= TABLES:
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
    if not _holds_report(element):
        return None
    while True:
        inner = next((child for child in element if isinstance(child.tag, str) and _holds_report(child)), None)
        if inner is None:
            return element
        element = inner


def figure_tables(element: HtmlElement) -> int:
    """How many tables in ``element`` hold figures."""
    return sum(1 for table in element.iter("table")
               if sum(1 for cell in table.iter("td", "th") if _NUMBER.match(cell.text_content())) >= FIGURE_CELLS)


def is_furniture(img: HtmlElement) -> bool:
    """A logo, icon, QR code or button by its name, or a picture drawn too small to hold a table."""
    names = " ".join(img.get(attribute, "") for attribute in ("src", "class", "id"))
    if _FURNITURE.search(names):
        return True
    sizes = (_PIXELS.match(img.get(attribute, "")) for attribute in ("width", "height"))
    return any(size is not None and int(size.group(1)) < MIN_SIDE for size in sizes)


def holds_report_text(text: str) -> bool:
    """Whether ``text`` carries a report: most of the six section headings are in it."""
    squashed = squash(text)
    return sum(1 for anchor in _ANCHORS if anchor.search(squashed)) >= SECTIONS_NEEDED


def opens_report_text(text: str) -> bool:
    """Whether ``text`` holds a section heading of a report (the first page of a report its CMS split into
    pages holds one or two)."""
    squashed = squash(text)
    return any(anchor.search(squashed) for anchor in _ANCHORS)


def _holds_report(element: HtmlElement) -> bool:
    return holds_report_text(leading_text(element, MAX_REPORT_CHARS, " "))


def _source(img: HtmlElement, base_url: str) -> str | None:
    """The picture's URL as a request names it; None for an inline (data:) or non-web picture."""
    src = picture_source(img)
    if not src or src.startswith("data:"):
        return None
    url = safe_url_string(urljoin(base_url, src))
    return url if urlsplit(url).scheme in ("http", "https") else None

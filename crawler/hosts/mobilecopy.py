"""A page's mobile copy, recognised by the page itself rather than by a mobile folder or host
(``crawler.hosts.hostnames``).

Sites publish each article twice, the mobile template's copy at an address of its own (``/h5/content.html?id=345``
beside ``/art/2024/1/23/art_12_345.html``). The pages say so: the desktop page names its copy by ``<link
rel="alternate" media="handheld">`` (or a small-screen media query), the copy names the desktop page by ``<link
rel="canonical">``; and where they say nothing, the copy has the desktop page's title and article, in another
template. A copy named is never fetched; a copy naming its desktop page is that page (asked in its place when it
was not yet); a page whose title and article equal a page read is not yielded again (an article of fewer than
``MIN_COMPARED_LINES`` lines, a scan's heading alone, is compared with none).

A canonical link is trusted on a mobile template only (its viewport made for phones, a mobile meta): a desktop
CMS may name one canonical page for a whole list's pages, or the home page for every page.
"""

from __future__ import annotations

import hashlib
from itertools import islice
from urllib.parse import urljoin, urlsplit

from crawler.pages.elementtext import LeadingText

MAX_LINKS_READ = 20          # <link> elements of a page's head read
MIN_ARTICLE_LINE = 12        # characters of a paragraph or cell of an article (navigation and buttons are shorter)
MAX_ARTICLE_LINES = 300      # an article's lines kept, as digests
# characters of a line read for its digest (both copies read alike), each text of the page once: a cell of nested
# tables is read again for each cell around it (60 cells nested around 10⁷ characters, read whole each time: 12 s)
MAX_LINE_READ = 200
SAME_SHARE = 0.9             # of the shorter article's lines the other must hold
# an article of fewer lines (a scan: pictures under a heading, the heading its one line) tells no page from another
# of its title: two agencies' scans both headed 2024年度政府信息公开工作年度报告 are two reports
MIN_COMPARED_LINES = 3
MAX_PAGES_PER_TITLE = 8      # pages of one title compared
MAX_TITLES = 20_000          # titles remembered: past them, pages are no longer compared

_SMALL_SCREEN = ("handheld", "max-width", "max-device-width")


def mobile_copies(root, url: str) -> list[str]:
    """The addresses of the mobile copies the page names (``<link rel="alternate" media="handheld">``)."""
    return [urljoin(url, link.get("href").strip()) for link in _links(root)
            if "alternate" in (link.get("rel") or "").lower().split()
            and any(word in (link.get("media") or "").lower() for word in _SMALL_SCREEN) and link.get("href")]


def desktop_page(root, url: str) -> str | None:
    """The desktop page a mobile template's page names canonical (another address, not the site's root); None
    for any other page."""
    if not is_mobile_template(root):
        return None
    for link in _links(root):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            target = urljoin(url, link.get("href").strip()).split("#")[0]
            if target != url and urlsplit(target).path not in ("", "/") and target.startswith(("http:", "https:")):
                return target
            return None
    return None


def is_mobile_template(root) -> bool:
    """The page is made for phones: a mobile meta (applicable-device, HandheldFriendly, MobileOptimized), or a
    viewport forbidding zoom, as mobile templates write it (a responsive desktop page lets people zoom)."""
    for meta in root.iter("meta"):
        name, content = (meta.get("name") or "").lower(), (meta.get("content") or "").lower().replace(" ", "")
        if (name == "applicable-device" and "mobile" in content and "pc" not in content) \
                or name in ("handheldfriendly", "mobileoptimized") \
                or (name == "viewport" and ("user-scalable=no" in content or "user-scalable=0" in content
                                            or "maximum-scale=1" in content)):
            return True
    return False


def article_lines(root) -> frozenset[bytes]:
    """Digests of the article's lines: its paragraphs and cells of at least MIN_ARTICLE_LINE characters."""
    lines = set()
    read = LeadingText(MAX_LINE_READ)
    for node in root.iter("p", "td", "li", "h1", "h2", "h3"):
        text = "".join(read(node).split())
        if len(text) >= MIN_ARTICLE_LINE:
            lines.add(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest())
            if len(lines) >= MAX_ARTICLE_LINES:
                break
    return frozenset(lines)


class SeenArticles:
    """The articles read, by title: a page whose title and article equal one read is that page."""

    def __init__(self) -> None:
        self._by_title: dict[str, list[tuple[str, frozenset[bytes]]]] = {}

    def same_as(self, url: str, title: str, lines: frozenset[bytes]) -> str | None:
        """The address of a page read with ``title`` and the same article; else None, and the page is kept."""
        title = " ".join(title.split())
        if not title or len(lines) < MIN_COMPARED_LINES:
            return None
        pages = self._by_title.get(title, [])
        for seen_url, seen in pages:
            if seen_url != url and len(lines & seen) >= SAME_SHARE * min(len(lines), len(seen)):
                return seen_url
        if len(pages) < MAX_PAGES_PER_TITLE and (pages or len(self._by_title) < MAX_TITLES):
            self._by_title.setdefault(title, pages).append((url, lines))
        return None


def _links(root):
    return list(islice(root.iter("link"), MAX_LINKS_READ))

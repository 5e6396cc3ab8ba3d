"""What a page's own script files write into it where they stand, read as the browser shows it.

Sites keep a menu shared by many pages in a script file included where the menu shows (``<div class="menu"><script
src="/js/xzjd.js"></script></div>``, the file ``document.writeln('<li><a href="/jd/cnjd/">城南街道</a></li>');``
line by line): the page's HTML holds no link of it. A ``<script src>`` on the page's own host standing inside an
element of the page's content (not in ``<head>`` nor loose in ``<body>``, where scripts of behaviour go) is read as
such a writer: once its file is known (``crawler.spiders.pagescripts`` asks it), the HTML its ``document.write``
calls of string literals write (concatenated with ``+``; a call writing a variable writes what is unknown and is
left out) is put into the page after the script element. At most ``MAX_WRITTEN_CHARS`` of a file are put in.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.etree import ParserError

from crawler.pages.libraries import is_library

MAX_WRITTEN_CHARS = 200_000   # a menu written by a script is a few KB; a file writing more is a page of its own
MAX_WRITERS = 10              # script elements of a page read as writers
_LOOSE = {"head", "body", "html"}
# document.write('…' + "…"); the argument made of string literals only
_WRITE = re.compile(r"""document\s*\.\s*write(?:ln)?\s*\(\s*((?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
                    r"""(?:\s*\+\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))*)\s*\)""")
_LITERAL = re.compile(r"""'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)\"""")
_ESCAPE = re.compile(r"\\(.)")


def writer_elements(root, page_url: str) -> list:
    """The page's ``<script src>`` elements on its own host standing inside its content, libraries aside."""
    host = urlsplit(page_url).netloc
    out = []
    for script in root.iter("script"):
        src = (script.get("src") or "").strip()
        parent = script.getparent()
        if not src or parent is None or parent.tag in _LOOSE:
            continue
        url = urljoin(page_url, src)
        if urlsplit(url).netloc == host and not is_library(url):
            out.append(script)
            if len(out) == MAX_WRITERS:
                break
    return out


def written_html(code: str) -> str:
    """The HTML the code's ``document.write`` calls of string literals write, in order, its first
    ``MAX_WRITTEN_CHARS``."""
    parts, size = [], 0
    for call in _WRITE.finditer(code):
        text = "".join(_ESCAPE.sub(r"\1", a or b) for a, b in _LITERAL.findall(call.group(1)))
        parts.append(text)
        size += len(text)
        if size >= MAX_WRITTEN_CHARS:
            break
    return "".join(parts)[:MAX_WRITTEN_CHARS]


def write_in(root, page_url: str, codes: dict[str, str]) -> bool:
    """Puts into the page, after each writer script whose file's text ``codes`` holds (URL → text), the HTML it
    writes. True when something was put in."""
    wrote = False
    for script in writer_elements(root, page_url):
        html = written_html(codes.get(urljoin(page_url, script.get("src").strip()), ""))
        if "<" not in html:
            continue
        try:
            written = lxml.html.fragment_fromstring(html, create_parent="div")
        except (ParserError, ValueError):
            continue
        script.addnext(written)
        wrote = True
    return wrote

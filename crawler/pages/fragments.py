"""HTML a page shows that its tree does not hold as elements:

- fragments jQuery loads into it (``$('#list').load('/xxgk/ndbg/list.html #content')``): the page loaded is
  part of the page, as a frame's is (its address only; the selector after the space picks a part of it);
- templates kept in scripts (``<script type="text/template">``, ``text/html``, ``text/x-template``,
  ``text/x-jquery-tmpl``, ``text/x-handlebars-template``) that the page's script draws: their HTML, parsed as a
  fragment, its links read as the page's. A template's placeholders (``{{url}}``, ``${title}``, ``<%= url %>``)
  are no address;
- a fragment a page's function loads by an address it builds (``showList('0112', 1)`` GETting
  ``getList.do?catalogId=0112&page=1``): an answer with no ``<html>``, ``<head>`` or ``<body>`` (``is_fragment``),
  whose own calls (its pager's ``showList('0112', 2)``) name the functions of the page it is shown in.

Bounded: at most ``MAX_LOADS`` loads a script, ``MAX_TEMPLATES`` templates a page, each read up to
``MAX_TEMPLATE_CHARS``.
"""

from __future__ import annotations

import itertools
import re

import lxml.html
from lxml.etree import ParserError

# The element loaded into, when named by its id (``$("#list")``), and the address, written whole: one the script
# builds ('/list_' + year + '.html') is only its start.
_LOAD = re.compile(r"""(?:(?:\$|jQuery)\(\s*["']#([\w-]{1,100})["']\s*\))?\.load\(\s*(["'])([^"'\s]{1,300})"""
                   r"""(?:\s+[^"']{1,100})?\2(?!\s*\+)""")
TEMPLATE_TYPES = {"text/template", "text/html", "text/x-template", "text/x-jquery-tmpl", "text/x-handlebars-template",
                  "text/x-tmpl", "text/x-art-template"}
PLACEHOLDER = re.compile(r"\{\{|\}\}|\$\{|<%|%>|\{%")
MAX_LOADS = 10
FRAGMENT_HEAD_BYTES = 4096   # where a whole page says it is one
_WHOLE_PAGE = re.compile(rb"<(?:html|head|body|frameset)\b", re.IGNORECASE)
MAX_TEMPLATES = 10
MAX_TEMPLATE_CHARS = 200_000


def is_fragment(body: bytes) -> bool:
    """Whether an HTML answer is a piece of a page, shown in the page that loaded it: no ``<html>``, ``<head>``,
    ``<body>`` or ``<frameset>`` at its start."""
    return not _WHOLE_PAGE.search(body[:FRAGMENT_HEAD_BYTES])


def loaded_urls(code: str) -> list[tuple[str, str | None]]:
    """The fragments a script loads with jQuery's ``.load``: (address, relative as written; the id of the
    element it fills, when the script names it so)."""
    return [(m.group(3), m.group(1)) for m in itertools.islice(_LOAD.finditer(code), MAX_LOADS)
            if not PLACEHOLDER.search(m.group(3))]


def is_template(script) -> bool:
    """The script element holds HTML the page draws, not code."""
    return (script.get("type") or "").strip().lower() in TEMPLATE_TYPES


def template_fragments(root) -> list[tuple[object, object]]:
    """(script, the root of its parsed HTML) for each template of the page holding a link."""
    found = []
    for script in root.iter("script"):
        text = (script.text or "")[:MAX_TEMPLATE_CHARS]
        if not is_template(script) or "<a" not in text:
            continue
        try:
            found.append((script, lxml.html.fragment_fromstring(text, create_parent="div")))
        except (ParserError, ValueError):
            continue
        if len(found) == MAX_TEMPLATES:
            break
    return found

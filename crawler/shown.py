"""Where a page shows a report that its own HTML does not hold:

- a viewer given the file's address in its query (``/pdfjs/web/viewer.html?file=%2Fupload%2F2024%2Fa.pdf``), linked
  from a list or framed in an article: the report is the file (the address decoded);
- an article whose body its script loads from a file of its own into the article's empty element
  (``<div id="zoom"></div>`` and ``$('#zoom').load('/content/2024/123.htm')``): the report is that file. Loads
  into other elements (a header, a sidebar of related links) are no body.

Bounded: at most ``fragments.MAX_LOADS`` loads a script, ``MAX_SCRIPTS`` inline scripts a page.
"""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import parse_qs, urljoin, urlsplit

from crawler.content import ATTACHMENT_HREF
from crawler.fragments import loaded_urls

MAX_SCRIPTS = 50
# The ids and classes of an article's body element on common CMSs (TRS_Editor, zoom, content, article).
_BODY_NAME = re.compile(r"zoom|content|article|trs_editor|detail|text", re.IGNORECASE)


def viewed_file(url: str) -> str:
    """The file a viewer shows (``…/viewer.html?file=/upload/a.pdf``), else ``url`` itself."""
    shown = parse_qs(urlsplit(url).query).get("file")
    return urljoin(url, shown[0]) if shown and ATTACHMENT_HREF.search(shown[0]) else url


def loaded_bodies(root, base_url: str) -> list[str]:
    """The files the page's inline scripts load into its article's body element, left empty in the page."""
    out = []
    for script in islice((s for s in root.iter("script") if not s.get("src")), MAX_SCRIPTS):
        for href, into in loaded_urls(script.text or ""):
            filled = root.xpath("//*[@id=$id]", id=into) if into else []
            if filled and _is_empty_body(filled[0]):
                out.append(urljoin(base_url, href))
    return list(dict.fromkeys(out))


def _is_empty_body(element) -> bool:
    names = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(_BODY_NAME.search(names)) and not "".join(element.itertext()).strip()

"""Where a page shows a report that its own HTML does not hold:

- a viewer given the file's address in its query (``/pdfjs/web/viewer.html?file=%2Fupload%2F2024%2Fa.pdf``), linked
  from a list or framed in an article: the report is the file (the address decoded);
"""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

from crawler.content import ATTACHMENT_HREF


def viewed_file(url: str) -> str:
    """The file a viewer shows (``…/viewer.html?file=/upload/a.pdf``), else ``url`` itself."""
    shown = parse_qs(urlsplit(url).query).get("file")
    return urljoin(url, shown[0]) if shown and ATTACHMENT_HREF.search(shown[0]) else url

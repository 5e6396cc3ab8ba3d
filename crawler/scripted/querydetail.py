"""Article pages that are shells whose script loads the article by the id in the page's own query.

A CMS of this kind links each item as ``/detail?id=8842`` (``/content.html?articleId=…``): the server answers
one page for every id, whose script reads the id from its own address (``new URLSearchParams(location.search)
.get('id')``, ``getQueryString("id")``, ``location.search.match(/id=(\\d+)/)``) and asks a detail API with it
(``$.getJSON('/api/content/' + id, …)``). The article is that API's JSON answer, asked as a hash route's is
(``crawler.scripted.hashroutes``: the same templates, the same answers), the shell's address the report's.

Only a script that reads the page's query and names one of its parameters is read; at most ``MAX_DETAIL_APIS``
addresses are asked, none from a script longer than ``MAX_SCRIPT_CHARS``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

from crawler.scripted.hashroutes import detail_apis, detail_requests, posted_detail_apis
from crawler.scripted.scriptapis import MAX_SCRIPT_CHARS

MAX_QUERY_PARAMS = 8
_READS_QUERY = re.compile(r"location\s*\.\s*(?:search|href)|\b(?:getQueryString|getUrlParam|getQueryVariable|"
                          r"getParam|getQuery)\s*\(", re.IGNORECASE)
_ID_VALUE = re.compile(r"^[\w-]{1,64}$")


def query_detail_requests(scripts: list[str], page_url: str) -> list[tuple[str, dict | None]]:
    """What to ask for the article a shell at ``page_url`` loads (GET addresses, then POST bodies), given the
    page's inline scripts; empty when no script reads an id of the page's query and names a detail API."""
    query = parse_qsl(urlsplit(page_url).query)
    if not query or len(query) > MAX_QUERY_PARAMS:
        return []
    for code in scripts:
        if len(code) > MAX_SCRIPT_CHARS or not _READS_QUERY.search(code):
            continue
        named = [value for key, value in query if _ID_VALUE.match(value) and re.search(
            rf"""["']{re.escape(key)}["'=]|[?&]{re.escape(key)}=""", code)]
        if len(named) != 1:   # the id must be the one parameter the script reads
            continue
        apis = [[urljoin(page_url, api.prefix), api.suffix] for api in detail_apis(code)]
        posted = [[urljoin(page_url, api.url), api.key] for api in posted_detail_apis(code)]
        if asks := detail_requests(named[0], apis, posted):
            return asks
    return []

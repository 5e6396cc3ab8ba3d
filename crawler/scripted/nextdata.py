"""The later pages of a list a Next.js page renders on the server, which its pager asks in the browser.

A Next.js page with ``getServerSideProps`` writes the props it was rendered from into
``<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"list":[…],"total":27,"page":1}},
"page":"/xxgk/ndbg","query":{},"buildId":"abc"}</script>``. Its pager is buttons, not links: the browser's router
asks the next page's props of ``/_next/data/<buildId><page>.json?page=2`` (after the app's ``basePath``, the part of
the page's own path before ``page``), a JSON answer whose links are read as any API's.

The later pages are those of a list in the props (an array of objects) beside its total (``total``, ``totalCount``
…) and a page-like key set to the first page (``page: 1``, ``pageNo``, ``current``): the page count is the total
over the list's length (or its ``pageSize``), at most ``MAX_PAGES``. A page whose route has a parameter
(``/art/[id]``) or whose props are longer than ``MAX_DATA_CHARS`` gives none; the props are read ``MAX_DEPTH`` deep.
"""

from __future__ import annotations

import json
import math
import re
from urllib.parse import urlencode, urljoin, urlsplit

from crawler.scripted.scriptapis import PAGE_KEY

MAX_DATA_CHARS = 1_000_000
MAX_PAGES = 50
MAX_DEPTH = 4
_TOTAL_KEY = re.compile(r"^(?:total|totals|totalcount|totalnum|totalsize|totalrecords?|count|recordcount)$",
                        re.IGNORECASE)
_SIZE_KEY = re.compile(r"^(?:pagesize|size|limit|rows|perpage)$", re.IGNORECASE)
_PAGE = re.compile(r"^/[\w./-]{0,300}$")   # a route without parameters ([id])


def next_data_pages(code: str | None, page_url: str) -> list[str]:
    """The addresses of the later pages of the list in a Next.js page's ``__NEXT_DATA__`` (``code``)."""
    if not code or len(code) > MAX_DATA_CHARS:
        return []
    try:
        data = json.loads(code)
    except (ValueError, RecursionError):
        return []
    if not isinstance(data, dict):
        return []
    build, page, props = data.get("buildId"), data.get("page"), (data.get("props") or {})
    props = props.get("pageProps") if isinstance(props, dict) else None
    path = urlsplit(page_url).path.rstrip("/") or "/"
    if not (isinstance(build, str) and re.fullmatch(r"[\w-]{1,100}", build) and isinstance(page, str)
            and _PAGE.match(page) and isinstance(props, dict) and (page == "/" or path.endswith(page))):
        return []
    paging = _paging(props, 0)
    if paging is None:
        return []
    key, count = paging
    base = path[:len(path) - len(page)] if page != "/" else path.rstrip("/")
    data_url = urljoin(page_url, f"{base}/_next/data/{build}{page if page != '/' else '/index'}.json")
    query = {k: v for k, v in (data.get("query") or {}).items() if isinstance(v, str) and k != key}
    return [f"{data_url}?{urlencode({**query, key: n})}" for n in range(2, count + 1)]


def _paging(fields: dict, depth: int) -> tuple[str, int] | None:
    """(the page key, the page count) of the first object holding a list, its total and its first page."""
    lists = [v for v in fields.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
    total = next((v for k, v in fields.items() if _TOTAL_KEY.match(k) and _number(v)), None)
    key = next((k for k, v in fields.items() if PAGE_KEY.search(k) and not _SIZE_KEY.match(k) and _number(v) == 1),
               None)
    if lists and total is not None and key is not None:
        size = next((_number(v) for k, v in fields.items() if _SIZE_KEY.match(k) and _number(v)), None)
        per_page = size or len(lists[0])
        return key, min(math.ceil(_number(total) / per_page), MAX_PAGES)
    if depth >= MAX_DEPTH:
        return None
    return next((found for v in fields.values() if isinstance(v, dict) and (found := _paging(v, depth + 1))), None)


def _number(value: object) -> int | None:
    """A positive count or page number, written as a number or a string of digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value > 0:
        return value
    return int(value) if isinstance(value, str) and value.isdigit() and 0 < int(value) < 10**9 else None

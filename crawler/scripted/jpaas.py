"""Columns of Hanweb's (大汉) JPaaS 集约化 platform, whose list the column page declares in a script tag.

Cities of 浙江, 江苏, 山东 and 甘肃 and the State Council's ministries publish on it: a column page
(``/col/col1229696276/index.html``) holds no list, only the platform's unit builder, its request written in the tag's
own attributes; the script file, the same on every site, only reads them::

    <script src="/AuthorizedRead/unitbuild.js" url="/api-gateway/jpaas-publish-server/front/page/build/unit"
            queryData="{'webId':'3630','pageId':'1229696276','tplSetId':'…','tagId':'当前栏目list', …}"></script>

The builder GETs ``url`` with the ``queryData`` (JSON in single quotes) as its query; the answer is JSON whose
``data.html`` is the list as an HTML fragment, its pager an empty element carrying its counts
(``<div class="pagination" rows="15" count="48" pageNo="1">``). Later pages are the same query with
``paramJson={"pageNo":2,"pageSize":15}``, an object of its own kept whole otherwise (a 信息公开 list's ``search``).

A 信息公开 catalogue is one such page for all its nodes, told apart by the page's own query (``…/index.html?number=
A0012``, the node's xxgkId): its queryData says ``'unitType':'ajax-xxgk'`` and the builder sends
``paramJson={"pageNo":1,"pageSize":5,"search":"{\"xxgkId\":\"A0012\",\"className\":\"\"}"}`` (its source, as
published: ``if (queryData.unitType === 'ajax-xxgk' && getUrlParam('number'))``); the older builder reads
``?combination=<xxgkId>`` of any unit's page, its search ``{"xxgkId":…,"xxgkType":"xxgk_combination","className":""}``.
Without it the unit answers another node.

``declared_calls`` reads the declared requests of a page (at most ``MAX_DECLARED`` tags, none whose queryData is
longer than ``MAX_QUERY_CHARS``); ``unit_page_urls`` the other pages of an answer (at most ``MAX_POSTED_PAGES``).
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from crawler.scripted.scriptapis import ApiCall
from crawler.steering.pagers import MAX_POSTED_PAGES

MAX_DECLARED = 20
MAX_QUERY_CHARS = 4_000
MAX_ANSWER_CHARS = 2_000_000
PAGING_KEY = "paramJson"
CATALOGUE_UNIT = ("unitType", "ajax-xxgk")
CATALOGUE_NODE = "number"     # the page's query naming its catalogue node
COMBINATION_NODE = "combination"   # the older builder's, for any unit
CATALOGUE_PAGE_SIZE = 5
MAX_NODE_CHARS = 100
DECLARES = re.compile(rb"<script\b[^>]*\bquerydata\s*=", re.IGNORECASE)
# The pager the fragment carries: its attributes in any order (rows="15" count="48" pageNo="1").
_PAGER = re.compile(r"<(?:div|ul)\b[^>]*\bclass=[\"'][^\"']*\bpagination\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(rows|count|pageNo)\s*=\s*["'](\d{1,9})["']""", re.IGNORECASE)


def declared_calls(html_root, page_url: str) -> list[ApiCall]:
    """The GET request each script tag of the page declares in its ``url`` and ``queryData`` attributes."""
    calls = []
    page_query = parse_qs(urlsplit(page_url).query)
    node, combination = ((page_query.get(key) or [""])[0][:MAX_NODE_CHARS] for key in (CATALOGUE_NODE, COMBINATION_NODE))
    for script in html_root.iterfind(".//script[@src][@url]"):
        query = _query_data(script.get("querydata") or script.get("queryData") or "")
        if query is not None and (url := script.get("url").strip()):
            if combination:
                query += (_catalogue_search({"xxgkId": combination, "xxgkType": "xxgk_combination", "className": ""}),)
            elif node and CATALOGUE_UNIT in query:
                query += (_catalogue_search({"xxgkId": node, "className": ""}),)
            calls.append(ApiCall(urljoin(page_url, url), "GET", query))
            if len(calls) >= MAX_DECLARED:
                break
    return calls


def unit_page_urls(text: str, answer_url: str) -> list[str]:
    """The other pages of a unit answer ``text`` at ``answer_url``, by its fragment's pager counts, numbered in the
    query's ``paramJson``; none for an answer without that pager."""
    if len(text) > MAX_ANSWER_CHARS:
        return []
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    fragment = data.get("data", {}).get("html") if isinstance(data, dict) and isinstance(data.get("data"), dict) \
        else None
    pager = _PAGER.search(fragment) if isinstance(fragment, str) else None
    if pager is None:
        return []
    counts = {k.lower(): int(v) for k, v in _ATTRIBUTE.findall(pager.group(0))}
    rows, count = counts.get("rows", 0), counts.get("count", 0)
    if rows <= 0 or count <= rows:
        return []
    parts = urlsplit(answer_url)
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != PAGING_KEY]
    paging = _paging(dict(parse_qsl(parts.query)).get(PAGING_KEY, ""))
    if paging is None:
        return []
    current = counts.get("pageno") or int(paging.get("pageNo", 1) or 1)
    pages = min(-(-count // rows), MAX_POSTED_PAGES)
    return [urlunsplit(parts._replace(query=urlencode(
                params + [(PAGING_KEY, json.dumps({**paging, "pageNo": n, "pageSize": rows}, ensure_ascii=False,
                                                  separators=(",", ":")))])))
            for n in range(1, pages + 1) if n != current]


def _catalogue_search(search_fields: dict[str, str]) -> tuple[str, str]:
    """The ``paramJson`` the builder sends for a catalogue page's node, first page."""
    search = json.dumps(search_fields, ensure_ascii=False, separators=(",", ":"))
    return PAGING_KEY, json.dumps({"pageNo": 1, "pageSize": CATALOGUE_PAGE_SIZE, "search": search},
                                  ensure_ascii=False, separators=(",", ":"))


def _query_data(value: str) -> tuple[tuple[str, str], ...] | None:
    """The parameters of a ``queryData`` attribute (JSON, quoted with ' as the platform writes it); None when it is
    none, or longer than ``MAX_QUERY_CHARS``."""
    if not value or len(value) > MAX_QUERY_CHARS:
        return None
    for text in (value, value.replace("'", '"')):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict):
            return tuple((str(k), v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
                         for k, v in data.items())
    return None


def _paging(value: str) -> dict | None:
    """The ``paramJson`` object a request carries ({} when none); None when it is no object."""
    if not value:
        return {}
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None

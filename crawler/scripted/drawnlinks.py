"""Links a page's script draws from the answer of a GET it makes: a 信息公开目录 or a list shown whole.

A TRS or 大汉 portal's 信息公开 page often holds no link to its columns: its script fetches the catalogue as JSON
and writes each node as a link (``fetch('/api/catalog/tree.json').then(r => r.json()).then(function (nodes) {
nodes.forEach(function (n) { ul.insertAdjacentHTML('beforeend', '<a href="' + n.url + '">' + n.name + '</a>');
}); })``, ``$.getJSON('/module/xxgk/tree.jsp', function (data) { … '<a href="' + data[i].url + '">' … })``). The
column codes (``/col/col12345/index.html``) are named only in that answer. A tree widget drawing the nodes itself
(jQuery EasyUI's ``$('#t').tree({data: d, onClick: function (n) { window.open(n.url); }})``, layui's
``tree.render({data: d, click: function (o) { location.href = o.data.href; }})``) writes no anchor: its callback
opens a node's field instead. Such a request is a link of the page, its answer's nodes read as any JSON's
(``crawler.scripted.jsonlinks``): only a GET whose callback, written within ``MAX_CALLBACK_CHARS`` after it and
before the script's next request, writes an anchor whose address is a field of an item (``href="' + n.url``,
``href="${item.link}"``) or opens one (``window.open(n.url)``, ``location.href = n.url``); at most ``MAX_DRAWN`` a
script. A request whose answer is
drawn otherwise (a zTree: ``crawler.scripted.ztree``; a 年报 column's list API: ``crawler.scripted.scriptapis``) is read
there.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urljoin

from crawler.scripted.scriptapis import api_calls

MAX_DRAWN = 5
MAX_CALLBACK_CHARS = 600     # from a request's address to the anchor its callback writes
# an anchor whose address is an item's field: '<a href="' + n.url, "<a href='" + data[i].href, href="${d.url}"
# (the page's own location.origin is none: '<a href="' + location.origin + '/xxgk/' + n.url, crawler.scripted.scriptapis)
_FIELD = r"(?!(?:window|location|document|this)\b)[A-Za-z_$][\w$]*(?:\[[\w$]+\])?\s*\.\s*[A-Za-z_$][\w$]*"
DRAWN_HREF = re.compile(r"""href\s*=\s*\\?["']\s*["']\s*\+\s*""" + _FIELD + r"""|href\s*=\s*\\?["']\$\{\s*""" + _FIELD)
# a node's field opened when the node is clicked: window.open(n.url), location.href = o.data.href
_OPENED = r"(?:window\s*\.\s*open|location\s*\.\s*(?:assign|replace))\s*\(\s*|location(?:\s*\.\s*href)?\s*=\s*"
OPENED_FIELD = re.compile(f"(?:{_OPENED}){_FIELD}")
_BYTES_HINT = re.compile(rb"href\s*=\s*\\?[\"'](?:\s*[\"']\s*\+|\$\{)|" + OPENED_FIELD.pattern.encode())


def may_draw_links(body: bytes) -> bool:
    """A cheap look before reading the scripts: some script writes an anchor from a value, or opens one."""
    return _BYTES_HINT.search(body) is not None


def drawn_requests(code: str, base_url: str) -> list[str]:
    """The GET requests whose answers a script writes as links (its data as the query), absolute."""
    out = []
    calls = api_calls(code)
    starts = sorted(code.find(call.url) for call in calls)
    for call in calls:
        if call.method != "GET" or len(out) >= MAX_DRAWN:
            continue
        at = code.find(call.url)
        # its callback ends where the next request is written, at most MAX_CALLBACK_CHARS on
        end = min([s for s in starts if s > at] + [at + len(call.url) + MAX_CALLBACK_CHARS])
        if at >= 0 and (DRAWN_HREF.search(code, at, end) or OPENED_FIELD.search(code, at, end)):
            url = urljoin(base_url, call.url).split("#")[0]
            out.append(f"{url}{'&' if '?' in url else '?'}{urlencode(call.data)}" if call.data else url)
    return list(dict.fromkeys(out))

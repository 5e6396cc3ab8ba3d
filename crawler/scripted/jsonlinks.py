"""Links that exist only as JSON: the column trees and lists of platforms drawn by scripts.

广东's gkmlpt 政府信息公开目录 and the newer script-driven CMSs build their pages in the browser: the column
tree is a JSON literal in a script (``var CATEGORIES = [{"name": "政府信息公开年报", "children": [...]}]``) and
every list is the JSON answer of an API (``/gkmlpt/api/all/2059?page=1&sid=757`` →
``{"total": 23, "pageSize": 20, "articles": [{"title": …, "url": …}]}``). A walk of that JSON finds every
object that names something and gives its address: the name is the link's text, the name of the object it
sits in is its heading (the tree's 政府信息公开年报 over its 2020年, an article's title over its attachments).

A column tree loaded a branch at a time (zTree's ``async: {url: "/xxgk/tree.do", autoParam: ["id"]}``) answers
a closed branch as a node with ``isParent`` and no address: its children are the same answer asked with its
``id``, so that is its address.

A platform may write JSON inside a string of its answer (开普云's provincial platforms: ``"urls":
"{\\"pc\\":\\"/site/col/pc/content/content_1.html\\"}"``, ``"articleFiles": "[{…}]"``), or of the literal its list
page's script holds (the same platform's ``/pc/list.html``: ``var articleList = [{"title": …, "urls": "{…}"}]``):
such a string is read as the JSON it holds, one level down, each within ``MAX_EMBEDDED_CHARS`` and at most
``MAX_EMBEDDED`` of an answer or of a script's literals together, in the first ``MAX_NODES`` values of each. An
object's addresses per device under a URL key's plural (``"urls": {"pc": …, "h5": …}``) give its desktop one (``pc``,
``web``, ``www``), else the first.

A file's path may be under a host its object names (开普云's ``articleFiles``: ``{"filePath": "/doc/ucap/…/a.pdf",
"domainName": "http://file.example.gov.cn"}``, a file server's): an object's paths are joined with such an origin
(a scheme and a host, nothing after), else with the answer's or page's address.

An object with no address under a URL key may hold one under a key of its platform's own (安徽's openness platform
names a column's address ``code``): a string of it that is a path from the host's root or a URL with a scheme is
its address; no other string is.

A list's date may be an epoch time only (gkmlpt's ``first_publish_time``: seconds, or milliseconds on newer
platforms): it is read as the day it names in China (UTC+8), within 2000–2099.

Keys are matched without case and without ``_``/``-`` (``docTitle``, ``doc_title``). The walk is bounded in
depth and nodes, so a hostile answer costs no more than a page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import NamedTuple
from urllib.parse import urljoin

from w3lib.url import add_or_replace_parameter

from crawler.documents.content import RESOURCE_HREF
from crawler.scripted.scriptapis import ItemUrl
from gxparse.jsonwalk import json_objects

# An attachment named by its file alone (attachList: [{"fileName": "….pdf", "fileUrl": "/upload/….pdf"}]): so named.
TITLE_KEYS = ("title", "name", "text", "label", "doctitle", "catname", "channelname", "columnname", "subject",
              "wjbt", "bt", "biaoti", "mc", "filename", "attachname", "originalname")
# TRS WCM's document fields as its search answers give them (福建's /fjdzapp/search: DOCPUBURL the published
# address, CHNLDOCURL the column's, DOCRELTIME the release time)
URL_KEYS = ("url", "link", "href", "api", "docurl", "fileurl", "detailurl", "linkurl", "puburl", "jumpurl",
            "pageurl", "apiurl", "dataurl", "listurl", "path", "filepath", "docpuburl", "chnldocurl")
DATE_KEYS = ("publishtime", "displaypublishtime", "pubdate", "publishdate", "date", "fbrq", "releasedate",
             "createtime", "time", "docreltime")
EPOCH_KEYS = ("firstpublishtime", "publishtime", "pubtime", "releasetime", "createtime", "time")
_EPOCH_SPAN = (946_684_800, 4_102_444_800)   # 2000-01-01 to 2100-01-01, in seconds
_CHINA = timezone(timedelta(hours=8))
# How a closed branch of a tree is asked for, from the node's fields (crawler.scripted.ztree); None when it cannot be.
Branch = Callable[[dict[str, object]], str | None]
MAX_DEPTH = 12
MAX_NODES = 20_000
PARENT_KEYS = ("pid", "parentid")   # a flat tree's link to its parent (zTree simpleData: pId)
# JSON written in a string of an answer: a list's addresses or attachments are a few hundred characters each
MAX_EMBEDDED = 1_000
MAX_EMBEDDED_CHARS = 100_000
_EMBEDDED = re.compile(r"^\s*(?:\{.*\}|\[.*\])\s*$", re.DOTALL)
# An object's addresses per device (``"urls": {"pc": …, "h5": …}``): the desktop one first
DEVICE_URL_KEYS = ("urls", "links", "hrefs")
# The host an object's paths are under (开普云's articleFiles: domainName), as a scheme and a host alone
ORIGIN_KEYS = ("domainname",)
_ORIGIN = re.compile(r"^https?://[^/\s?#]+/?$", re.IGNORECASE)
DESKTOP_KEYS = ("pc", "web", "www")
MAX_LITERALS = 20               # JSON literals tried per script
MAX_SCRIPT_CHARS = 2_000_000
# An answer read for links: a list's page is tens of KB, a whole catalog in one answer a few MB; one of 46 MB (10⁶
# items) took 2 s and 320 MB to decode, in the spider's event loop where every site's downloads wait.
MAX_ANSWER_CHARS = 10_000_000
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)   # a scheme's or the host's root
_URL_VALUE = re.compile(r"^(?:https?://|/|\./|\.\./|[\w.-]+/)[^\s<>\"'{}]{0,300}$")
# A node's address under a key that names none (安徽's openness platform: its column tree's ``"code":
# "/opennessTarget/?branch_id=…&column_code=330000"``): taken only from the host's root or with a scheme, its first
# segment ASCII, so a code, an id, a root marker ("/") or a path of names ("/首页/信息公开") never is.
_ROOTED_VALUE = re.compile(r"^(?:https?://[^/\s]+)?/[A-Za-z0-9_.-][^\s<>\"'{}]{0,300}$")
_LITERAL_START = re.compile(r"[=:(,]\s*([\[{])")
_DATE = re.compile(r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}")


class JsonLink(NamedTuple):
    url: str
    name: str          # the link's text
    heading: str       # the name of the object holding it
    date: str | None   # a date string beside it (as printed)


def json_answer_links(text: str, base_url: str, heading: str = "", item_urls: tuple[ItemUrl, ...] = (),
                      branch: Branch | None = None) -> list[JsonLink]:
    """The links of an API's JSON answer (none when the text is not JSON). An item without an address gets
    the one the page's script builds from its fields (``item_urls``: ``'/detail.html?id=' + item.id``); a
    closed branch of a tree the one ``branch`` makes of its fields (``crawler.scripted.ztree``), else this answer's
    URL asked with its ``id``. An answer longer than ``MAX_ANSWER_CHARS`` gives none."""
    if len(text) > MAX_ANSWER_CHARS:
        return []
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):   # the decoder recurses: nesting deeper than the stack is no answer
        return []
    return list(_walk(_unstring(data), base_url, heading, item_urls, branch or (lambda fields: _by_id(base_url, fields))))


def data_links(data: object, base_url: str, item_urls: tuple[ItemUrl, ...] = ()) -> list[JsonLink]:
    """The links of an answer already read into objects (an XML answer: ``crawler.scripted.xmlanswers``)."""
    return list(_walk(data, base_url, "", item_urls))


def script_json_links(code: str, base_url: str, heading: str = "") -> list[JsonLink]:
    """The links of the JSON literals written in a script (a column tree, a list's first page)."""
    if len(code) > MAX_SCRIPT_CHARS:
        return []
    decoder, out, tried, position = json.JSONDecoder(), [], 0, 0
    embedded = [MAX_EMBEDDED]   # the strings read as JSON, shared by the script's literals
    while tried < MAX_LITERALS and (match := _LITERAL_START.search(code, position)):
        tried += 1
        try:
            data, end = decoder.raw_decode(code, match.start(1))
        except (ValueError, RecursionError):
            position = match.end()
            continue
        out += _walk(_unstring(data, embedded), base_url, heading)
        position = end
    return out


def _walk(data: object, base_url: str, heading: str, item_urls: tuple[ItemUrl, ...] = (),
          branch: Branch | None = None) -> Iterator[JsonLink]:
    """Depth first, each object's links under the name of the object holding it; with ``branch``, a closed
    branch of a tree loaded a branch at a time is a link to the answer giving its children."""
    nodes = list(json_objects(data, TITLE_KEYS, MAX_DEPTH, MAX_NODES, heading))
    parents = _names_by_id(nodes)
    for node in nodes:
        fields, name, above = node.fields, node.name, node.above or ""
        # zTree's simpleData: a flat list, each node naming its parent's id (pId) where nesting would hold it
        above = next((parents[str(v)] for key in PARENT_KEYS if isinstance(v := fields.get(key), (str, int))
                      and str(v) in parents), above)
        if name:
            date = _first(fields, DATE_KEYS, lambda v: isinstance(v, str) and bool(_DATE.search(v))) \
                or _epoch_date(fields)
            urls = [_based(key, value.strip(), item_urls) for key in URL_KEYS if isinstance(value := fields.get(key), str)
                    and _URL_VALUE.match(value.strip()) and not RESOURCE_HREF.search(value)]
            if not urls:
                urls = [_based("url", value, item_urls) for value in _device_urls(fields)]
            if not urls:
                urls = [f"{t.prefix}{value}{t.suffix}" for t in item_urls
                        if isinstance(value := fields.get(re.sub(r"[_-]", "", t.key).lower()), (str, int))
                        and not isinstance(value, bool)]
            if not urls:
                urls = _rooted_values(fields)
            if not urls and branch is not None and fields.get("isparent") in (True, "true") \
                    and (opened := branch(fields)):
                urls = [opened]
            origin = _first(fields, ORIGIN_KEYS, lambda v: isinstance(v, str) and bool(_ORIGIN.match(v.strip())))
            for url in urls:
                yield JsonLink(urljoin(origin.strip() if origin else base_url, url), name, above, date)


def _unstring(data: object, budget: list[int] | None = None) -> object:
    """``data`` with each string that holds a JSON object or list read as that JSON (one level: what it holds is
    not read again), at most ``MAX_EMBEDDED`` strings of at most ``MAX_EMBEDDED_CHARS`` (or what is left of a
    ``budget`` shared with other literals), in the first ``MAX_NODES`` values met."""
    budget, nodes = budget if budget is not None else [MAX_EMBEDDED], [MAX_NODES]

    def read(value: object, depth: int) -> object:
        if depth > MAX_DEPTH or nodes[0] <= 0:
            return value
        nodes[0] -= 1
        if isinstance(value, dict):
            return {key: read(item, depth + 1) for key, item in value.items()}
        if isinstance(value, list):
            return [read(item, depth + 1) for item in value]
        if isinstance(value, str) and budget[0] > 0 and len(value) <= MAX_EMBEDDED_CHARS and _EMBEDDED.match(value):
            budget[0] -= 1
            try:
                return json.loads(value)
            except (ValueError, RecursionError):
                return value
        return value

    return read(data, 0)


def _device_urls(fields: dict[str, object]) -> list[str]:
    """The desktop address of an object's addresses per device (``"urls": {"pc": "/a.html", "h5": "/m/a.html"}``),
    else its first."""
    for key in DEVICE_URL_KEYS:
        variants = fields.get(key)
        if not isinstance(variants, dict):
            continue
        urls = {str(k).lower(): v.strip() for k, v in variants.items()
                if isinstance(v, str) and _URL_VALUE.match(v.strip()) and not RESOURCE_HREF.search(v)}
        if urls:
            return [next((urls[k] for k in DESKTOP_KEYS if k in urls), next(iter(urls.values())))]
    return []


def _rooted_values(fields: dict[str, object]) -> list[str]:
    """The first address from the host's root (or with a scheme) among an object's other strings."""
    return next(([value.strip()] for value in fields.values() if isinstance(value, str)
                 and _ROOTED_VALUE.match(value.strip()) and not RESOURCE_HREF.search(value)), [])


def _based(key: str, value: str, item_urls: tuple[ItemUrl, ...]) -> str:
    """An item's path relative to the page that asked for it as the page's script writes it (``'/xxgk/' +
    item.url``); without such a base, the path as it stands (relative to the answer)."""
    if _ABSOLUTE.match(value):
        return value
    return next((f"{t.prefix}{value}{t.suffix}" for t in item_urls if re.sub(r"[_-]", "", t.key).lower() == key),
                value)


def _names_by_id(nodes: list) -> dict[str, str]:
    """The names of a tree's nodes by their id, for the nodes of a flat list naming their parent's."""
    if not any(key in node.fields for node in nodes for key in PARENT_KEYS):
        return {}
    return {str(v): node.name for node in nodes
            if node.name and isinstance(v := node.fields.get("id"), (str, int)) and not isinstance(v, bool)}


def _by_id(base_url: str, fields: dict[str, object]) -> str | None:
    """A branch asked as zTree asks it by default: the answer's URL with the node's ``id``."""
    node_id = fields.get("id")
    return add_or_replace_parameter(base_url, "id", str(node_id)) \
        if isinstance(node_id, (str, int)) and not isinstance(node_id, bool) else None


def _epoch_date(fields: dict[str, object]) -> str | None:
    """The day (``2024-01-20``) an epoch time under a date's key names, in seconds or milliseconds."""
    for key in EPOCH_KEYS:
        value = fields.get(key)
        if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) in (10, 13):
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        seconds = value // 1000 if value >= _EPOCH_SPAN[1] else value
        if _EPOCH_SPAN[0] <= seconds < _EPOCH_SPAN[1]:
            return datetime.fromtimestamp(seconds, _CHINA).date().isoformat()
    return None


def _first(fields: dict[str, object], keys: tuple[str, ...], accept) -> str | None:
    for key in keys:
        if key in fields and accept(fields[key]):
            return fields[key]  # type: ignore[return-value]
    return None

"""Reports a single-page application shows at a hash route, read from the detail API its script names.

A hash-mode app's item address is a route after ``#`` (``'#/detail/' + item.id``, ``'/#/article?id=' +
d.id``, ``<router-link :to="'/detail/' + item.id">`` or, compiled in a bundle, ``n("router-link",{attrs:{to:
"/detail/"+t.id}})``, unless the router keeps history): the fragment never reaches the server, which answers
the app's shell. The article is the JSON answer of a detail API the app's script asks with the item's id:
``getDetail(id){return request({url:'/api/info/detail',params:{id}})}``,
``axios.get('/api/info/' + id)``, ``{url:"/api/article/"+e,method:"get"}``, ``fetch(`/api/info/${id}`)``.
Those are read as templates (the address before and after the id); a hash-route item's id is what its own
template put between its prefix and suffix, and its report is asked of the detail API with it (at most
``MAX_DETAIL_APIS`` tried in turn, the first that answers a report kept). Only a GET naming one id-like
parameter, or concatenating one bare name into its address, is a detail API; or a POST whose JSON body is
one id-like entry (``axios.post('/api/article/detail', {id})``, ``request({url, method:'post', data:{id}})``),
tried after the GETs: its one address answers every item, so such a report's address is its route; at most ``MAX_TRIED`` sites of
each form are read per script, none of a script longer than ``MAX_SCRIPT_CHARS``.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple
from urllib.parse import quote, urljoin, urlsplit

from crawler.scripted.scriptapis import (MAX_LITERAL_CHARS, MAX_SCRIPT_CHARS, MAX_TRIED, ItemUrl, object_entries,
                                         string_literal)
from gxparse.readers.jsondoc import report_field

MAX_DETAIL_APIS = 3
_NAME = r"[A-Za-z_$][\w$]*"
# What asks for an address: a config's url, axios/$http/fetch/jQuery/request(…) called with it.
_ASKER = (r"""(?:\burl\s*:\s*|(?<![\w$.])(?:axios|\$http|\$axios|this\s*\.\s*\$(?:http|axios)|\$|jQuery|request|"""
          r"""fetch)\s*(?:\.\s*(?:get|getJSON|request))?\s*\(\s*)""")
# '/api/info/' + id (+ '.json'): one bare name (a function's parameter), not an item's field (item.id).
_CONCATENATED = re.compile(_ASKER + rf"""(["'])(/[^"'\s<>+]{{1,300}})\1\s*\+\s*{_NAME}(?!\s*[.\[(\w$])"""
                           r"""(?:\s*\+\s*(["'])([^"'\s<>]{0,100})\3)?\s*[,)}]""")
_TEMPLATE = re.compile(_ASKER + rf"""`(/[^`$\s<>]{{1,300}})\$\{{\s*{_NAME}\s*\}}([^`$\s<>]{{0,100}})`""")
# A request config or call naming its address whole, its id as a parameter: {url:'/api/detail', params:{id}}.
_WHOLE = re.compile(r"""\burl\s*:\s*(["'])(/[^"'\s<>]{1,300})\1""")
_AXIOS_GET = re.compile(r"""(?<![\w$.])(?:axios|\$http|this\s*\.\s*\$(?:http|axios))\s*\.\s*get\s*\(\s*(["'])"""
                        r"""(/[^"'\s<>]{1,300})\1\s*,\s*(?=\{)""")
_AXIOS_POST = re.compile(r"""(?<![\w$.])(?:axios|\$http|this\s*\.\s*\$(?:http|axios))\s*\.\s*post\s*\(\s*(["'])"""
                         r"""(/[^"'\s<>]{1,300})\1\s*,\s*(?=\{)""")
_ID_KEY = re.compile(r"^(?:id|\w*Id|\w*_id|guid|uuid)$")
_HASH_ROUTE = re.compile(r"^#!?/")
# A compiled <router-link>'s route (Vue 2 n("router-link",{attrs:{to:"/detail/"+t.id}}), Vue 3 {to:"/d/"+r.id}).
_ROUTE_TO = re.compile(rf"""(?<![\w$.])to\s*:\s*["'](/[^"'\s<>+]{{0,300}})["']\s*\+\s*{_NAME}(?:\.{_NAME}){{0,4}}"""
                       rf"""\.({_NAME})(?!\s*[.\[(])(?:\s*\+\s*["']([^"'\s<>]{{0,300}})["'])?""")
_HISTORY_MODE = re.compile(r"""mode\s*:\s*["']history["']|createWebHistory\s*\(""")
_CONFIG_BEFORE = 300   # how far before its url a config may open


class DetailApi(NamedTuple):
    prefix: str    # the address before the id
    suffix: str    # and after it


class PostedDetailApi(NamedTuple):
    url: str
    key: str       # the JSON body's one entry, the id


def detail_apis(code: str) -> tuple[DetailApi, ...]:
    """The detail APIs a script asks with an id: the address around the id."""
    if len(code) > MAX_SCRIPT_CHARS:
        return ()
    found = [DetailApi(m.group(2), m.group(4) or "") for _, m in zip(range(MAX_TRIED), _CONCATENATED.finditer(code))]
    found += [DetailApi(m.group(1), m.group(2)) for _, m in zip(range(MAX_TRIED), _TEMPLATE.finditer(code))]
    for _, match in zip(range(MAX_TRIED), _WHOLE.finditer(code)):
        config = _enclosing_object(code, match.start())
        fields = object_entries(code, config) if config is not None else None
        if fields and (string_literal(fields.get("method", "")) or "get").lower() == "get":
            key = _id_parameter(fields.get("params", ""))
            if key:
                found.append(DetailApi(f"{match.group(2)}{'&' if '?' in match.group(2) else '?'}{key}=", ""))
    for _, match in zip(range(MAX_TRIED), _AXIOS_GET.finditer(code)):
        key = _id_parameter((object_entries(code, match.end()) or {}).get("params", ""))
        if key:
            found.append(DetailApi(f"{match.group(2)}{'&' if '?' in match.group(2) else '?'}{key}=", ""))
    return tuple(dict.fromkeys(found))


def posted_detail_apis(code: str) -> tuple[PostedDetailApi, ...]:
    """The detail APIs a script asks by POSTing an id as JSON."""
    if len(code) > MAX_SCRIPT_CHARS:
        return ()
    found = []
    for _, match in zip(range(MAX_TRIED), _WHOLE.finditer(code)):
        config = _enclosing_object(code, match.start())
        fields = object_entries(code, config) if config is not None else None
        if fields and string_literal(fields.get("method", "")).lower() == "post":
            key = _id_parameter(fields.get("data", ""))
            if key:
                found.append(PostedDetailApi(match.group(2), key))
    for _, match in zip(range(MAX_TRIED), _AXIOS_POST.finditer(code)):
        key = _id_parameter(code[match.end():match.end() + MAX_LITERAL_CHARS])
        if key:
            found.append(PostedDetailApi(match.group(2), key))
    return tuple(dict.fromkeys(found))


def _enclosing_object(code: str, at: int) -> int | None:
    """Where the object literal holding ``code[at]`` opens (within ``_CONFIG_BEFORE`` characters)."""
    depth = 0
    for i in range(at - 1, max(-1, at - _CONFIG_BEFORE), -1):
        depth += (code[i] in "}])") - (code[i] in "{[(")
        if depth < 0:
            return i if code[i] == "{" else None
    return None


def _id_parameter(params: str) -> str | None:
    """The key of a parameter object holding one id-like entry whose value is a name (the id passed in)."""
    params = params.strip()
    entries = object_entries(params, 0) if params.startswith("{") else None
    if not entries or len(entries) != 1:
        return None
    key, value = next(iter(entries.items()))
    return key if _ID_KEY.match(key) and re.fullmatch(rf"(?:{_NAME}\s*\.\s*)?{_NAME}", value.strip()) else None


def is_hash_route(url: str) -> bool:
    """The address is a route of the page's app, after ``#`` (``/#/detail/5``, ``list.html#!/article/5``)."""
    fragment = urlsplit(url).fragment
    return bool(fragment) and bool(_HASH_ROUTE.match("#" + fragment))


def hash_templates(templates: list[list[str]], page_url: str) -> list[list[str]]:
    """Item-address templates with a hash-route prefix (``#/detail/``) made absolute against the app's page
    (not the API the answer came from); the others as they are."""
    return [[urljoin(page_url, prefix), *rest] if prefix.startswith("#") else [prefix, *rest]
            for prefix, *rest in templates]


def route_templates(code: str) -> bool:
    """Whether ``<router-link :to>`` routes are hash routes: Vue Router's history mode is not chosen."""
    return not _HISTORY_MODE.search(code)


def routed(code: str, templates: tuple[ItemUrl, ...], history: bool = False) -> tuple[ItemUrl, ...]:
    """A bundle's item-address templates, those a compiled ``<router-link>`` routes (``to:"/detail/"+t.id``)
    made hash routes (``#/detail/``) unless its router keeps history (``history``: a lazy chunk's router is
    in the bundle that loads it, which says so)."""
    if len(code) > MAX_SCRIPT_CHARS or history or not route_templates(code):
        return templates
    routes = {(m.group(1), m.group(2), m.group(3) or "") for _, m in zip(range(MAX_TRIED), _ROUTE_TO.finditer(code))}
    return tuple(ItemUrl("#" + t.prefix, t.key, t.suffix) if tuple(t) in routes else t for t in templates)


def item_id(url: str, templates: list[list[str]]) -> str | None:
    """The id a hash-route address was made of, by the template (prefix, key, suffix) that made it."""
    for prefix, _, suffix in templates:
        if "#" in prefix and url.startswith(prefix) and url.endswith(suffix) and len(url) > len(prefix) + len(suffix):
            return url[len(prefix):len(url) - len(suffix)]
    return None


def detail_urls(item: str, apis: list[list[str]]) -> list[str]:
    """The detail API addresses for an item's id (absolute templates), at most ``MAX_DETAIL_APIS``."""
    return list(dict.fromkeys(f"{prefix}{quote(item, safe='')}{suffix}" for prefix, suffix in apis))[:MAX_DETAIL_APIS]


def detail_requests(item: str, apis: list[list[str]], posted: list[list[str]]) -> list[tuple[str, dict | None]]:
    """What to ask for an item's id: each GET detail API's address (no body), then each POST one's with its
    JSON body; at most ``MAX_DETAIL_APIS``."""
    gets: list[tuple[str, dict | None]] = [(url, None) for url in detail_urls(item, apis)]
    return (gets + [(url, {key: item}) for url, key in posted])[:MAX_DETAIL_APIS]


class DetailAnswer(NamedTuple):
    title: str
    published: str | None
    source: str | None
    content: str = ""   # the report's HTML or text, as answered


_DATE_KEYS = ("publishtime", "publishdate", "pubdate", "releasedate", "fbrq", "createtime", "date")
_SOURCE_KEYS = ("source", "publisher", "deptname", "orgname", "fbjg", "ly")


def detail_answer(body: bytes) -> DetailAnswer | None:
    """The report a detail API answered (the title beside its content, its date and source), None when the
    answer is no JSON holding a report's HTML or text."""
    try:
        answer = json.loads(body.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return None
    found = report_field(answer)
    if found is None or not found.title:
        return None
    fields = {re.sub(r"[_-]", "", str(k)).lower(): v for k, v in found.holder.items()}
    texts = [next((v.strip() for k in keys if isinstance(v := fields.get(k), str) and v.strip()), None)
             for keys in (_DATE_KEYS, _SOURCE_KEYS)]
    return DetailAnswer(found.title, texts[0], texts[1], found.content)

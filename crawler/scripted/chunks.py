"""The chunks a single-page application's bundle loads on demand, and which of them hold a 年报 column's list.

A built app often keeps a page's component out of its main bundle: the router loads it when its route is
shown. webpack asks its runtime for the chunk (``n.e("ndbg").then(n.bind(null,"7a1b"))``, ``o.e(412)``) and
makes the file's address from the runtime's chunk map and public path (webpack 4 ``a.p+"js/"+({ndbg:"ndbg"}[e]
||e)+"."+{ndbg:"3f2a1c9b"}[e]+".js"``, ``a.p="/xxgk/"``; webpack 5 ``o.u=e=>"static/js/"+e+"."+{412:"9b8c"}[e]
+".js"``); Vite imports the chunk beside the bundle (``__vitePreload(()=>import("./NdbgList.5d4c.js"),[…])``).

A chunk is worth fetching when the route that loads it is the app's 年报 column: its ``meta.title``, ``name``
or ``path`` says so (``{path:"/ndbg",component:…,meta:{title:"政府信息公开年报"}}``), or, for a load in a Vite
``import.meta.glob`` map of views (whose paths the app's routes are made from), the view's path does
(``"./views/ndbg/index.vue":()=>h(()=>import("./index.8f2e.js"),[…])``); or, when the shell itself
is called a 年报 column, when its route is the one the shell shows at its own address (``path:"/"``), or no
router names it at all. A route called a 年报 column whose component is in the bundle itself makes the
bundle that column's. A chunk read as a column's may itself load the component holding the list (Vue 3's
``defineAsyncComponent(()=>import("./NbList.3c4d.js"))``): its loads are read as a column shell's bundle's are,
``MAX_DEPTH`` chunks deep. At most ``MAX_TRIED`` routes and loads are read per bundle, none of a bundle longer
than ``MAX_SCRIPT_CHARS``; at most ``MAX_PER_BUNDLE`` chunks of a bundle are kept, and the spider fetches at
most ``MAX_PER_SITE`` in a crawl.

A RuoYi-Vue app builds its routes from a menu API's answer (``getRouters``: ``{"data":[{"path":"/xxgk",
"children":[{"path":"ndbg","component":"xxgk/ndbg/index","meta":{"title":"政府信息公开年报"}}]}]}``), not from a
table in its bundle: each route's component is a view the bundle loads by its path (``require([`@/views/${view}`],
resolve)``, compiled to a context map ``{"./xxgk/ndbg/index.vue":["3c1f","chunk-2d0b3a"]}`` of chunk ids).
``router_api`` names that API, ``view_chunks`` the views' chunk files (at most ``MAX_VIEWS``), and
``menu_column_views`` the components of the answer's routes called a 年报 column (within ``MAX_MENU_NODES``).
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from crawler.scripted.scriptapis import MAX_SCRIPT_CHARS, MAX_TRIED, object_entries, string_literal
from crawler.steering.frontier import COLUMN_URL_TOKEN, COLUMN_WORDS, OTHER_ANNUAL_REPORT_WORDS, url_tokens
from gxparse.jsonwalk import json_objects
from gxparse.normalize import squash

MAX_PER_BUNDLE = 3
MAX_PER_SITE = 12
MAX_DEPTH = 2   # a route's chunk, and a chunk its component loads (the list's own component)
_NAME = r"[A-Za-z_$][\w$]*"
_MAP = r"\{[^{}]{0,5000}\}"
# webpack's chunk file: "js/"+({ndbg:"ndbg"}[e]||e)+"."+{ndbg:"3f2a1c9b"}[e]+".js" (the names map optional).
_CHUNK_FILE = re.compile(rf"""(["'])([\w./-]{{0,100}})\1\s*\+\s*(?:\(\s*(?P<names>{_MAP})\s*\[\s*{_NAME}\s*\]\s*\|\|"""
                         rf"""\s*{_NAME}\s*\)|{_NAME})\s*\+\s*(["'])([\w.-]{{0,20}})\4\s*\+\s*(?P<hashes>{_MAP})\s*"""
                         rf"""\[\s*{_NAME}\s*\]\s*\+\s*(["'])([\w.-]{{1,30}})\7""")
_MAP_ENTRY = re.compile(r"""(["']?)([\w$-]{1,100})\1\s*:\s*(["'])([\w.~-]{0,100})\3""")
_PUBLIC_PATH = re.compile(r"""(?<![\w$.])[\w$]{1,3}\s*\.\s*p\s*=\s*(["'])([^"'\s<>]{0,300})\1""")
_WEBPACK_LOAD = re.compile(r"""(?<![\w$])[\w$]{1,3}\s*\.\s*e\s*\(\s*(?:(["'])([\w.~-]{1,100})\1|(\d{1,10}))\s*\)""")
_IMPORT = re.compile(r"""(?<![\w$.])import\s*\(\s*(["'])(\.{1,2}/[^"'\s<>]{1,300}\.m?js)\1\s*\)""")
_ROUTE = re.compile(r"""\{\s*path\s*:\s*["']""")
# An entry of a Vite import.meta.glob map: a module's path, then the function importing it.
_GLOB_KEY = re.compile(r"""(["'])(\.{0,2}/[\w./@-]{1,200}\.(?:vue|[jt]sx?|svelte))\1\s*:\s*(?:\(\s*\)\s*=>"""
                       r"""|function\s*\(\s*\)\s*\{\s*return\b)""")
_GLOB_ENTRY_CHARS = 300   # how far before its import a glob entry's path may be
MAX_VIEWS = 500
MAX_MENU_NODES = 5_000
MAX_MENU_DEPTH = 12
# RuoYi's menu API in its request config, and the base its request instance puts before every address.
_ROUTER_API = re.compile(r"""["']?url["']?\s*:\s*(["'])(/[^"'\s<>]{0,200}?getRouters)\1""")
_BASE_URL = re.compile(r"""["']?baseURL["']?\s*:\s*(["'])((?:https?:/)?/[^"'\s<>]{0,200})\1""")
# A views context entry: "./xxgk/ndbg/index.vue":["3c1f","chunk-2d0b3a"] (the module, then its chunk).
_VIEW = re.compile(r"""(["'])\./([\w./-]{1,200}?)(?:\.vue)?\1\s*:\s*\[\s*(["']?)[\w$-]{1,100}\3\s*,\s*"""
                   r"""(["']?)([\w~.-]{1,100})\4""")


class LazyChunk(NamedTuple):
    url: str
    label: str     # what the route loading it is called (its title, else name, else path); "" outside a router
    home: bool     # that route is the one shown at the app's own address


def lazy_chunks(code: str, script_url: str, page_url: str, shell_files: dict[str, str] | None = None) -> list[LazyChunk]:
    """The chunks the bundle at ``script_url`` loads on demand, for the app whose shell is ``page_url``;
    ``shell_files``: the chunk map of a runtime the shell holds (``chunk_files``), when the bundle has none."""
    if len(code) > MAX_SCRIPT_CHARS:
        return []
    files = chunk_files(code, page_url) or shell_files or {}
    routes = _routes(code)
    found = []
    for _, load in zip(range(MAX_TRIED), _loads(code)):
        start, key = load
        url = files.get(key) if not key.startswith(".") else urljoin(script_url, key)
        if url is None or urlsplit(url).netloc != urlsplit(page_url).netloc:
            continue
        route = next((r for r in routes if r.start <= start < r.end), None)
        label = route.label if route else _glob_view(code, start)
        found.append(LazyChunk(url.split("#")[0], label, bool(route and route.home)))
    return list(dict.fromkeys(found))


def eager_column_route(code: str) -> str | None:
    """What the bundle's route called a 年报 column is called, when its component is in the bundle itself
    (``{path:"/ndbg",component:p["a"],meta:{title:"政府信息公开年报"}}``): the bundle holds that column's list."""
    if len(code) > MAX_SCRIPT_CHARS:
        return None
    return next((r.label for r in _routes(code) if says_column(r.label)
                 and not (_WEBPACK_LOAD.search(r.component) or _IMPORT.search(r.component))), None)


def column_chunks(chunks: list[LazyChunk], shell_is_column: bool) -> list[LazyChunk]:
    """The chunks that may hold a 年报 column's list, those whose route is called one first; at most
    ``MAX_PER_BUNDLE``."""
    named = [c for c in chunks if says_column(c.label)]
    routed = any(c.label for c in chunks)
    shown = [c for c in chunks if shell_is_column and (c.home or not routed)]
    return list(dict.fromkeys(named + shown))[:MAX_PER_BUNDLE]


def says_column(label: str) -> bool:
    """A route's title, name or path calls it a 年报 column (not another yearly report's: 统计年报)."""
    words = squash(label)
    if not words or re.search(OTHER_ANNUAL_REPORT_WORDS, words):
        return False
    return bool(re.search(COLUMN_WORDS, words)) or any(COLUMN_URL_TOKEN.match(t) for t in url_tokens(label))


def chunk_files(code: str, page_url: str) -> dict[str, str]:
    """A webpack runtime's chunk id → the chunk file's absolute address (a runtime in the bundle, or inlined in
    the shell's page as vue-element-admin and RuoYi-Vue's builds and create-react-app do)."""
    template = _CHUNK_FILE.search(code) if len(code) <= MAX_SCRIPT_CHARS else None
    if template is None:
        return {}
    public = _PUBLIC_PATH.search(code)
    base = urljoin(page_url, public.group(2)) if public else page_url
    names = dict(m.group(2, 4) for m in _MAP_ENTRY.finditer(template.group("names") or ""))
    hashes = dict(m.group(2, 4) for m in _MAP_ENTRY.finditer(template.group("hashes")))
    prefix, dot, suffix = template.group(2), template.group(5), template.group(8)
    return {key: urljoin(base, f"{prefix}{names.get(key, key)}{dot}{value}{suffix}") for key, value in hashes.items()}


def _glob_view(code: str, load: int) -> str:
    """The view a load is the entry of in a Vite ``import.meta.glob`` map (``{"./views/ndbg/index.vue":()=>h(()=>
    import("./index.8f2e.js"),[…])}``): the app's routes are often made from those paths; "" outside such a map."""
    keys = list(_GLOB_KEY.finditer(code, max(0, load - _GLOB_ENTRY_CHARS), load))
    return keys[-1].group(2) if keys else ""


def _loads(code: str) -> list[tuple[int, str]]:
    """Where the bundle loads a chunk, and the chunk: webpack's id, or Vite's relative file."""
    loads = [(m.start(), m.group(2) or m.group(3)) for _, m in zip(range(MAX_TRIED), _WEBPACK_LOAD.finditer(code))]
    loads += [(m.start(), m.group(2)) for _, m in zip(range(MAX_TRIED), _IMPORT.finditer(code))]
    return sorted(loads)


class _Route(NamedTuple):
    start: int
    end: int         # where its component's text ends
    label: str       # its title, else name, else path
    home: bool       # the route shown at the app's own address
    component: str   # as written


def _routes(code: str) -> list[_Route]:
    """The route objects of the bundle's router table (``{path, name, component, meta}``)."""
    found = []
    for _, match in zip(range(MAX_TRIED), _ROUTE.finditer(code)):
        fields = object_entries(code, match.start())
        if fields is None or "component" not in fields:
            continue
        meta = fields.get("meta", "").strip()
        title = string_literal((object_entries(meta, 0) or {}).get("title", "")) if meta.startswith("{") else ""
        path = string_literal(fields.get("path", ""))
        component = fields["component"]
        end = code.find(component, match.start()) + len(component)
        found.append(_Route(match.start(), end, title or string_literal(fields.get("name", "")) or path,
                            path in ("/", ""), component))
    return found


def router_api(code: str, page_url: str) -> str | None:
    """The address of the menu API a RuoYi-Vue bundle builds its routes from (``url:"/getRouters"``), after its
    request instance's ``baseURL`` (``"/prod-api"``)."""
    api = _ROUTER_API.search(code) if len(code) <= MAX_SCRIPT_CHARS else None
    if api is None:
        return None
    base = _BASE_URL.search(code)
    return urljoin(page_url, (base.group(2).rstrip("/") if base else "") + api.group(2))


def view_chunks(code: str, files: dict[str, str]) -> dict[str, str]:
    """A view's path (``xxgk/ndbg/index``) → its chunk file, from the bundle's views context and chunk map."""
    if len(code) > MAX_SCRIPT_CHARS:
        return {}
    found = {}
    for _, match in zip(range(MAX_VIEWS), _VIEW.finditer(code)):
        if (url := files.get(match.group(5))) is not None:
            found.setdefault(match.group(2), url)
    return found


def menu_column_views(text: str) -> list[tuple[str, str]]:
    """(what it is called, its component) of each route of a menu answer called a 年报 column."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    found = []
    for node in json_objects(data, (), MAX_MENU_DEPTH, MAX_MENU_NODES):
        component, meta = node.fields.get("component"), node.fields.get("meta")
        title = meta.get("title") if isinstance(meta, dict) else None
        label = title if isinstance(title, str) and title.strip() else node.fields.get("path")
        if isinstance(component, str) and isinstance(label, str) and says_column(label):
            found.append((label, component.strip().strip("/").removesuffix(".vue")))
    return list(dict.fromkeys(found))


def component_chunk(component: str, views: dict[str, str], files: dict[str, str]) -> str | None:
    """The chunk file of a menu route's component: its view's (``view_chunks``), else the chunk named after its path
    (``webpackChunkName``: ``xxgk/ndbg/index`` → ``xxgk-ndbg-index``)."""
    return views.get(component) or files.get(component.replace("/", "-"))

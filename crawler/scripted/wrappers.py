"""API requests a script makes through its own request functions.

A built single-page application seldom calls axios where it asks for a list. Its API module wraps the
project's request instance in one function per endpoint (RuoYi's ``export function listArticle(query) {
return request({url: '/api/article/list', method: 'post', data: query}) }``; minified by webpack 4,
``function r(e){return Object(a["a"])({url:"/api/article/list",method:"post",data:e})}`` exported as
``n.d(t,"b",(function(){return r}))``; by Vite, ``function k(e){return w({…, params:e})}``) and the component
calls it with its query object: ``Object(o["b"])(this.queryParams).then(…)``, ``k(n.value).then(…)``, ``await
listArticle(q)``. The request is the function's config with the call's object as its ``data`` (a JSON body,
as axios sends an object) or its ``params`` (the query); the object is read as ``crawler.scripted.scriptapis`` reads
any call's data (a literal, or the object written for the name the call passes).

A lazy chunk often calls a function of the app bundle's API module: webpack 4 ``Object(a["a"])(this.query)`` with
``a=n("365c")``, module ``"365c"`` of the parent bundle exporting its ``function r(e){return Object(o["a"])({url:
…,params:e})}`` as ``"a"`` (webpack 5: ``(0,a.Z)(…)``, ``a=n(223)``). ``exported_functions`` reads the parent's
request functions with the module and the name each is exported as; a chunk given them (``wrapped_calls``'s
``inherited``) resolves a call to one only through a variable it assigns that module's require, so another
module's export of the same name is never taken for it. Vite's chunks import them from the entry by its file
(``export{…,k as g}`` in ``index.6e5f4a3b.js``; ``import{g as q}from"./index.6e5f4a3b.js"`` and ``q({…}).then(…)``
in the chunk): the module is then the file's name.

A call site is one whose promise is used (``.then(`` after it, ``await`` before it): minified code calls its
one-letter names everywhere else too. At most ``MAX_FUNCTIONS`` request functions and ``MAX_TRIED`` call
sites are read per script, none of a script longer than ``MAX_SCRIPT_CHARS``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from crawler.scripted.scriptapis import (MAX_LITERAL_CHARS, MAX_SCRIPT_CHARS, MAX_TRIED, MERGE_ARGUMENT, ApiCall,
                                         PageGlobals, Variables, data_of, joined_address, object_entries, string_literal)

MAX_FUNCTIONS = 20
_NAME = r"[A-Za-z_$][\w$]*"
# A request config naming its address (other entries may come first): {url:"/api/…", {method:"post",url:"/…", or
# joined from names and strings, {url: baseURL + '/report/list'
_CONFIG = re.compile(r"""\{\s*(?:[\w$]+\s*:\s*(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|[\w$.]{1,100})\s*,\s*){0,4}"""
                     r"""["']?url["']?\s*:\s*(?:["'](?:https?://|/)|[\w$.]{1,100}\s*\+)""")
# What a request function's config follows: its definition (function r(e){return / r=function(e){return /
# r=e=>, r=(e)=>, k:(e)=> / listArticle(e){return, a method) and the call of the request instance (request(,
# w(, w.request(, Object(a["a"])(, (0,a.Z)(); minified, return(0,a.Z)( has no space after return.
_DEFINITION = re.compile(
    rf"""(?:function\s+(?P<f>{_NAME})\s*\(\s*(?P<fp>{_NAME})\s*\)\s*\{{\s*return(?:\s+|(?=\())"""
    rf"""|(?P<v>{_NAME})\s*[=:]\s*(?:function\s*(?:{_NAME})?\s*\(\s*(?P<vp>{_NAME})\s*\)\s*\{{\s*return(?:\s+|(?=\())"""
    rf"""|\(?\s*(?P<ap>{_NAME})\s*\)?\s*=>\s*(?:\{{\s*return(?:\s+|(?=\()))?)"""
    rf"""|(?P<m>{_NAME})\s*\(\s*(?P<mp>{_NAME})\s*\)\s*\{{\s*return(?:\s+|(?=\()))"""
    rf"""(?:Object\s*\(\s*{_NAME}\s*(?:\[\s*["']\w+["']\s*\]|\.\s*{_NAME})\s*\)"""
    rf"""|\(\s*0\s*,\s*{_NAME}\s*\.\s*{_NAME}\s*\)|{_NAME}(?:\s*\.\s*request)?)\s*\(\s*$""")
_DEFINITION_CHARS = 200   # how far before its config a request function's definition begins
# webpack's exports of a module: n.d(t,"b",(function(){return r})), n.d(t,"b",()=>r) (4); n.d(t,{b:()=>r}) (5).
_EXPORT = re.compile(rf"""\.\s*d\s*\(\s*{_NAME}\s*,\s*["']({_NAME})["']\s*,\s*\(?\s*"""
                     rf"""(?:function\s*\(\s*\)\s*\{{\s*return\s+({_NAME})|\(\s*\)\s*=>\s*({_NAME}))""")
_EXPORTS = re.compile(rf"\.\s*d\s*\(\s*{_NAME}\s*,\s*\{{")
_EXPORTED = re.compile(rf"^(?:\(\s*\)\s*=>\s*|function\s*\(\s*\)\s*\{{\s*return\s+)({_NAME})")
# The object a call passes: a merge of objects (Object.assign, Babel's spread), a reference (this.queryParams,
# n.value) or a flat literal.
_ARGUMENT = rf"{MERGE_ARGUMENT}|(?:{_NAME}\s*\.\s*){{0,3}}{_NAME}|\{{[^{{}}]{{0,{MAX_LITERAL_CHARS}}}\}}"


# A webpack module's definition: "365c":function(e,t,n){ (4), 255:(t,e,n)=>{ (5); its id.
_MODULE = re.compile(rf"""(["']?)([\w$/.~-]{{1,100}})\1\s*:\s*(?:function\s*)?\(\s*{_NAME}(?:\s*,\s*{_NAME}){{0,2}}\s*\)"""
                     r"""\s*(?:=>\s*)?\{""")
_MODULE_CHARS = 300   # how far before its exports a module's definition begins
# An ES module's exports (export{w as r,k as g}) and a chunk's import of names from a file (import{g as q}from"./x.js").
_ESM_EXPORT = re.compile(r"(?<![\w$.])export\s*\{([^{}]{0,2000})\}")
_ESM_IMPORT = re.compile(r"""(?<![\w$.])import\s*\{([^{}]{0,2000})\}\s*from\s*(["'])[^"'\s]{0,300}?([^/"'\s]{1,200})\2""")
_ESM_NAME = re.compile(rf"^\s*({_NAME})(?:\s+as\s+({_NAME}))?\s*$")
# A module required into a variable: a=n("365c"), s=n(223).
_REQUIRE = re.compile(rf"""(?<![\w$.])({_NAME})\s*=\s*{_NAME}\s*\(\s*(["']?)([\w$/.~-]{{1,100}})\2\s*\)""")


class RequestFunction(NamedTuple):
    name: str      # as the script defines it, or as its module exports it (exported_functions)
    url: str
    method: str    # GET or POST
    key: str       # the config's entry that is the function's parameter: data or params
    module: str = ""   # the webpack module exporting it as ``name``, for a chunk's calls; "" for its own script's


def wrapped_calls(code: str, inherited: tuple[RequestFunction, ...] = (),
                  page_query: dict[str, str] | None = None, page: PageGlobals | None = None) -> list[ApiCall]:
    """The requests the script makes by calling its request functions with an object it writes; ``inherited``:
    the functions of its parent bundle's modules (``exported_functions``), which it calls through their module;
    ``page_query``: the parameters of its page's address, which the object may read (``scriptapis.Variables``);
    ``page``: what the page's scripts assign (``scriptapis.PageGlobals``), which the script may read."""
    if len(code) > MAX_SCRIPT_CHARS:
        return []
    variables = Variables(code, page_query=page_query, page=page)
    functions = request_functions(code, variables)
    required = _required(code) if inherited else {}
    if inherited:   # an ES module's imports of them are functions of its own under the names it imports them as
        imported = {(f.module, f.name): f for f in inherited}
        functions += [imported[key]._replace(name=local, module="") for key, local in _imports(code) if key in imported]
    inherited = tuple(f for f in inherited if f.module in required.values())
    if not functions and not inherited:
        return []
    exported = _exports(code) if functions else {}
    by_name: dict[str, list[RequestFunction]] = {}
    for function in functions:
        by_name.setdefault(function.name, []).append(function)
        for export in exported.get(function.name, ()):
            by_name.setdefault(export, []).append(function)
    for function in inherited:
        by_name.setdefault(function.name, []).append(function)
    names = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    # The function by its own name, or webpack's module import of its export: Object(o["b"]), (0,o.b), o["b"].
    callee = (rf"""(?:(?<![\w$.])(?P<{{g}}l>{names})|Object\s*\(\s*(?P<{{g}}m>{_NAME})\s*(?:\[\s*["'](?P<{{g}}e>{names})["']"""
              rf"""\s*\]|\.\s*(?P<{{g}}d>{names}))\s*\)|\(\s*0\s*,\s*(?P<{{g}}n>{_NAME})\s*\.\s*(?P<{{g}}c>{names})\s*\))""")
    site = re.compile(rf"await\s+{callee.format(g='w')}\s*\(\s*(?P<wa>{_ARGUMENT})\s*\)"
                      rf"|{callee.format(g='t')}\s*\(\s*(?P<ta>{_ARGUMENT})\s*\)\s*\.\s*then\s*\(")
    calls = []
    for _, match in zip(range(MAX_TRIED), site.finditer(code)):
        name = next(g for g in match.group("wl", "we", "wd", "wc", "tl", "te", "td", "tc") if g)
        module = required.get(next((g for g in match.group("wm", "wn", "tm", "tn") if g), ""))
        read = data_of(variables, match.group("wa") or match.group("ta"), match.start())
        if read is None:
            continue
        data, bare, fill = read
        for function in (f for f in by_name[name] if not f.module or f.module == module):
            as_json = function.key == "data" and function.method == "POST"
            calls.append(ApiCall(function.url, function.method, data, as_json, bare if as_json else (), fill))
    return list(dict.fromkeys(calls))


def request_functions(code: str, variables: Variables | None = None) -> list[RequestFunction]:
    """The functions that send a request config with their one parameter as its data or params; an address joined
    from names (``baseURL + '/report/list'``) is made of the strings ``variables`` (the script's) declare."""
    found, variables = [], variables or Variables(code)
    for _, config in zip(range(MAX_TRIED), _CONFIG.finditer(code)):
        definition = _DEFINITION.search(code[max(0, config.start() - _DEFINITION_CHARS):config.start()])
        fields = object_entries(code, config.start()) if definition else None
        if fields is None:
            continue
        name = definition.group("f") or definition.group("v") or definition.group("m")
        parameter = next(p for p in definition.group("fp", "vp", "ap", "mp") if p)
        url = joined_address(variables, fields.get("url", ""))
        method = (string_literal(fields.get("method", "")) or "GET").upper()
        key = next((k for k in ("data", "params") if fields.get(k, "").strip() == parameter), None)
        if url and key and method in ("GET", "POST"):
            found.append(RequestFunction(name, url, method, key))
            if len(found) == MAX_FUNCTIONS:
                break
    return found


def exported_functions(code: str, file: str = "") -> tuple[RequestFunction, ...]:
    """The bundle's request functions its webpack modules export, each under its export name with its module's id,
    or, the bundle an ES module, that it exports with ``file`` (its name) as their module (for the lazy chunks that
    call them); at most ``MAX_FUNCTIONS``."""
    if len(code) > MAX_SCRIPT_CHARS:
        return ()
    functions = request_functions(code)
    if not functions:
        return ()
    local = {f.name: f for f in functions}
    found = []
    for at, export, name in _export_sites(code):
        modules = list(_MODULE.finditer(code, max(0, at - _MODULE_CHARS), at))
        if name in local and modules:
            found.append(local[name]._replace(name=export, module=modules[-1].group(2)))
    for _, match in zip(range(MAX_TRIED), _ESM_EXPORT.finditer(code) if file else ()):
        for name, export in _esm_names(match.group(1)):
            if name in local:
                found.append(local[name]._replace(name=export, module=file))
    return tuple(dict.fromkeys(found))[:MAX_FUNCTIONS]


def _imports(code: str) -> list[tuple[tuple[str, str], str]]:
    """An ES module's imports: ((the file's name, the name it exports), the name imported as)."""
    return [((match.group(3), export), local) for _, match in zip(range(MAX_TRIED), _ESM_IMPORT.finditer(code))
            for export, local in _esm_names(match.group(1))]


def _esm_names(listed: str) -> list[tuple[str, str]]:
    """The entries of an export or import list (``w as r, k``): (the name, what it is called across)."""
    return [(m.group(1), m.group(2) or m.group(1)) for entry in listed.split(",") if (m := _ESM_NAME.match(entry))]


def _required(code: str) -> dict[str, str]:
    """A chunk's variables assigned a module's require (``a=n("365c")``) → that module's id (at most
    ``MAX_TRIED``)."""
    return {m.group(1): m.group(3) for _, m in zip(range(MAX_TRIED), _REQUIRE.finditer(code))}


def _exports(code: str) -> dict[str, list[str]]:
    """A module's function name → the names webpack exports it as (at most ``MAX_TRIED`` of each form)."""
    out: dict[str, list[str]] = {}
    for _, export, name in _export_sites(code):
        out.setdefault(name, []).append(export)
    return out


def _export_sites(code: str) -> list[tuple[int, str, str]]:
    """Where a module exports a local name, the name it exports it as, and the local name (at most ``MAX_TRIED``
    of each form)."""
    sites = [(m.start(), m.group(1), m.group(2) or m.group(3)) for _, m in zip(range(MAX_TRIED), _EXPORT.finditer(code))]
    for _, match in zip(range(MAX_TRIED), _EXPORTS.finditer(code)):
        for export, value in (object_entries(code, match.end() - 1) or {}).items():
            if local := _EXPORTED.match(value.strip()):
                sites.append((match.start(), export, local.group(1)))
    return sites

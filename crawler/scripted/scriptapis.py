"""Lists a page's script asks an API for, and how the script turns the answer's items into links.

Script-driven columns (jQuery, Vue, React) are an empty shell whose list is the JSON answer of an API named
only in the script: ``$.ajax({type: "POST", url: "/api/content/list", data: {columnId: 1205, pageNo: 1}})``,
``$.post("/api/list", {…})``, ``$.get``/``$.getJSON`` (a JSONP callback named as jQuery names it:
``crawler.scripted.jsonp``); ``axios.post(url, {…})``, ``axios.get(url, {params: {…}})``, ``axios({method: 'post', url,
data})`` (also as Vue's ``this.$http``/``this.$axios``, as a webpack 4 bundle's module default ``o.a.get(url, {params:
{…}})``, and Angular's HttpClient ``this.http.get(url, {params: {…}})``, which asks as axios does); ``fetch(url,
{method: 'POST', body: JSON.stringify({…})})``; an address written as a template literal
(``fetch(`${API}/list?page=${p}`)``) is the one its substitutions make: strings the script declares (``const API = "/api"``), literals, and a page-like
query key's first page. Each is asked as the script asks: jQuery's ``data`` is a form
(a GET query), axios's ``data`` and anything ``JSON.stringify`` writes a JSON body (``qs.stringify``/``new
URLSearchParams`` make it a form again), axios's ``params`` a query. A JSON body keeps the values the script
writes unquoted (``pageNum: 1``) as numbers: an API reading a JSON body into typed fields refuses ``"1"``.
The answer often gives each item's id only; the script builds the item's address from it (``'<a
href="/content/detail.html?id=' + item.id + '">'``): those templates go with the request, so the answer's
items get their links (``crawler.scripted.jsonlinks``); so do a template literal's
(`` `<a href="/art/${d.id}.html">` ``), an address the script declares before the field
(``var base = '/detail.html?id='`` … ``base + item.id``), and the address a function of the page makes of the field the
item's markup calls it with (``'onclick="openDetail(\\'' + item.id + '\\')"'`` and
``function openDetail(id) { window.open('/detail.html?id=' + id); }``: ``crawler.pages.scriptcalls``).

A list filtered by a year the script offers a choice of (``years: [2025, 2024, 2023]`` and ``query: {year: 2025}``)
is asked for each of those years (``offered_years``, at most ``MAX_YEARS``); so are the years a loop offers
(``for (var y = new Date().getFullYear(); y >= 2019; y--) years.push(y)`` beside ``year: new Date().getFullYear()``,
the current year: ``crawler.scripted.yearloops``).

``data`` is read as the script writes it: literals, variables assigned a literal in the script (a name first
assigned anything else, minified ``var e=this``, holds what is unknown), and, for a
page-like key (``pageNo``, ``page``, ``current``), the first page (``pageNum: this.queryParams.pageNum`` too; a record
offset's, ``offset: offset``, is 0);
ES6 shorthand keys (``{channelId, pageNo}``) are such variables. Data given as a whole object
(``axios.post(url, this.queryParams)``) is the object literal the script writes for that name nearest before
the call (Vue's ``data()``: ``queryParams: {pageNum: 1, channelId: 'nb'}``; ``q = {…}``; a Vue 3 ``n =
ref({…})`` read as ``n.value``), or, for a parameter of the function around the call, the literal the page's call
of that function passes (``function loadList(param)`` of the site's list.js, ``loadList({columnCode: 'ndbg'})``
inline: ``defines_called`` makes such a file one of the page's list scripts). An object spread into another (``{...this.queryParams, pageNum: 1}``,
``Object.assign({}, n.value, {current: 1})``, and Babel's compiled spread: ``Object(o["a"])(Object(o["a"])({},
this.queryParams), {}, {pageNum: 1})``, ``(0,o.Z)(…)``, ``_objectSpread(…)``, a merge whose first object is written
in place) is read so, later entries overriding, at most ``MAX_SPREAD_DEPTH`` objects and merges deep. A call
whose data names anything else is not requested (what it would ask is unknown), but for a value not written in
place that the script fills from a field of an item of another answer (a department menu's clicked item: ``deptId =
d.deptId``, ``this.queryParams.orgId = t.orgId``, zTree's ``unitCode = node.id``), which the call keeps as its
``fill`` (``Fill``: its default, if any, sent as read); so does an address's substitution (`` `/api/unit/${unitCode}/ndbg`
``, ``FILL_MARK`` in its place): ``crawler.scripted.deptapis``. On a site search's result page
(``crawler.steering.sitesearch``), what the script sends under a search key (``SEARCH_KEY``: ``{q: q}``,
``{searchWord: keyword}``) but does not write in place is the words searched for. At most ``MAX_CALLS``
calls per script and per page, of ``MAX_TRIED`` call sites of each kind read; scripts longer than
``MAX_SCRIPT_CHARS`` and object literals longer than ``MAX_LITERAL_CHARS`` are not read.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import NamedTuple

from crawler.pages.scriptcalls import FIELD_READ, Template, url_templates
from crawler.scripted.jsonp import callback_parameter, named_callback
from crawler.scripted.yearloops import MAX_YEARS, looped_years, year_value

MAX_CALLS = 10
MAX_TRIED = 50               # call sites read per script, made or not
MAX_SCRIPT_CHARS = 2_000_000
MAX_LITERAL_CHARS = 5_000
MAX_SPREAD_DEPTH = 4         # Babel's {...q, p: 1}: a merge of a merge of a reference to a literal
_NAME = r"[A-Za-z_$][\w$]*"
_AJAX = re.compile(r"(?:\$|jQuery)\s*\.\s*ajax\s*\(\s*\{")
# An address written whole or joined from strings and names ("/api/unit/" + code + "/ndbg", base + '/list/' + id:
# read as the template literal it equals, ``_joined``); a page's number joined in ("/list_" + page) is the load-more
# pager's (crawler.steering.pagers).
_QUOTED = r"""(?:"[^"\s<>]{1,300}"|'[^'\s<>]{1,300}'|`[^`\s<>]{1,300}`)"""
_DOTTED = rf"(?:{_NAME}\s*\.\s*){{0,3}}{_NAME}"
MAX_JOINED = 8   # pieces joined into an address after its first
# A value joined in only to defeat caches (福州's WAS5 list: ``'&random=' + Math.random() + '&page=' + page``; ``'&t='
# + new Date().getTime()``, ``Date.now()``): the server reads none of it, so the address is asked with this one.
_BUSTER = (r"(?:Math\s*\.\s*random\s*\(\s*\)|\(?\s*new\s+Date\s*\(\s*\)\s*\)?\s*\.\s*getTime\s*\(\s*\)"
           r"|Date\s*\.\s*now\s*\(\s*\))")
CACHE_BUSTER = "0"
_ADDRESS = (rf"(?P<url>(?:{_QUOTED}|{_BUSTER}|{_DOTTED})(?:\s*\+\s*(?:{_QUOTED}|{_BUSTER}|{_DOTTED})){{0,{MAX_JOINED}}})")
_SHORTHAND = re.compile(rf"""(?:\$|jQuery)\s*\.\s*(?P<method>post|get|getJSON)\s*\(\s*{_ADDRESS}\s*(?=[,)])(?P<more>,\s*\{{)?""")
# axios by name, as Vue's this.$http/this.$axios, as a webpack 4 module's default (o.a: o=n.n(r), also o.default);
# Angular's HttpClient (this.http) asks with the same (url, {params}) and (url, body) as axios's get and post.
_AXIOS = r"(?<![\w$.])(?:axios|this\s*\.\s*\$(?:http|axios)|this\s*\.\s*http|[\w$]{1,3}\s*\.\s*(?:a|default)(?![\w$]))"
_AXIOS_SHORTHAND = re.compile(_AXIOS + rf"""\s*\.\s*(?P<method>post|get)\s*\(\s*{_ADDRESS}\s*(?=[,)])(?P<more>,\s*)?""")
_AXIOS_CONFIG = re.compile(_AXIOS + r"\s*(?:\.\s*request\s*)?\(\s*\{")
_FETCH = re.compile(rf"""(?<![\w$.])fetch\s*\(\s*{_ADDRESS}\s*(?=[,)])(?P<more>,\s*)?""")
# A template literal's substitution (`${API}/list?page=${p}`): a name, or a name's field (this.query.page).
_SUBSTITUTION = re.compile(rf"\$\{{\s*((?:{_NAME}\s*\.\s*){{0,3}}{_NAME})\s*\}}")
_QUERY_KEY = re.compile(r"[?&]([\w.-]{1,100})=$")
_DECLARED = re.compile(rf"""(?:(?<![\w$.])(?:const|let|var)\s+|,\s*|(?<![\w$.])window\s*\.\s*)({_NAME})\s*=\s*"""
                       rf"""(["'`])([^"'`\s<>$]{{0,300}})\2""")   # window.ctx = "/jcms" is a global as var ctx is
# a config object of strings (var cfg = {ctx: "/jcms"}, window.config = {…}): its entries known as cfg.ctx
_DECLARED_OBJECT = re.compile(rf"""(?<![\w$.])(?:(?:const|let|var)\s+|window\s*\.\s*)({_NAME})\s*=\s*(?=\{{)""")
MAX_CONFIG_OBJECTS = 20   # config objects of strings read a script
# What wraps an object literal to make a body of it, and the body it makes.
_WRAPPER = re.compile(r"^(?:JSON\s*\.\s*stringify|(?:qs|Qs)\s*\.\s*stringify|new\s+URLSearchParams)\s*\(")
_URL = re.compile(r"""^(?:https?://|/|\./|\.\./|[\w-]+/)[^"'\s<>]*$""")
_ENTRY = re.compile(rf"""^\s*(?:(["'])({_NAME})\1|({_NAME}))\s*:\s*(.+?)\s*$""", re.S)
_SHORTHAND_ENTRY = re.compile(rf"^\s*({_NAME})\s*$")   # {channelId, pageNo}: the variables of those names
# {...this.queryParams}: kept as the entry "...this.queryParams", its value the reference
_SPREAD_ENTRY = re.compile(rf"^\s*\.\.\.\s*((?:{_NAME}\s*\.\s*){{0,3}}{_NAME})\s*$")
# What merges objects: Object.assign, and the helper Babel compiles a spread to (webpack 4 Object(o["a"]), webpack 5
# (0,o.Z), unbundled _objectSpread2); its first argument is written in place ({}, or another merge).
_MERGER = (rf"""(?:Object\s*\.\s*assign|Object\s*\(\s*{_NAME}\s*(?:\[\s*["']\w+["']\s*\]|\.\s*{_NAME})\s*\)"""
           rf"""|\(\s*0\s*,\s*{_NAME}\s*\.\s*{_NAME}\s*\)|_objectSpread2?|_extends)\s*\(""")
_MERGE = re.compile(rf"^{_MERGER}")
# A merge as a call's argument, its parentheses nested one deep (Babel's merge of a merge).
MERGE_ARGUMENT = rf"{_MERGER}(?:[^()]|\([^()]{{0,{MAX_LITERAL_CHARS}}}\)){{0,{MAX_LITERAL_CHARS}}}\)"
# A whole object passed as the data: this.queryParams, e.queryParams, n.value (a Vue 3 ref's).
_REFERENCE_ARGUMENT = re.compile(rf"^((?:{_NAME}\s*\.\s*){{0,3}}{_NAME})\s*(?=[,)]|$)")
_HOLDERS = ("this", "value", "data", "form")   # names that hold the object rather than name it
# A list filtered by a year (year, nd for 年度, nf for 年份), and the years a script offers to choose it from.
YEAR_KEY = re.compile(r"^(?:year|years|nd|nf|niandu|nianfen|pubyear|yearnum)$", re.IGNORECASE)
MAX_YEAR_LIST = 60          # years an array may write to be read as a choice of years
_A_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_LIST = re.compile(r"""\[\s*((?:["']?(?:19|20)\d{2}["']?\s*,\s*){1,%d}["']?(?:19|20)\d{2}["']?)\s*,?\s*\]"""
                        % (MAX_YEAR_LIST - 1))
# A read of the page's own address: a platform's helper (getQueryString("deptId"), getUrlParam, getQueryVariable …),
# URLSearchParams of location.search, a router's query (this.$route.query.deptId); and a name assigned one.
_QUERY_READ = re.compile(r"""^(?:(?:get|Get)(?:Query|Url|URL)?(?:String|Param|Params|Parameter|Variable|QueryString)"""
                         r"""\s*\(\s*(["'])(?P<helper>[\w.-]{1,100})\1\s*\)"""
                         r"""|new\s+URLSearchParams\s*\(\s*(?:window\s*\.\s*)?location\s*\.\s*search\s*\)\s*\.\s*get\s*\(\s*"""
                         r"""(["'])(?P<searched>[\w.-]{1,100})\3\s*\)"""
                         r"""|(?:this\s*\.\s*|[\w$]{1,3}\s*\.\s*)?\$route\s*\.\s*query\s*\.\s*(?P<routed>[A-Za-z_$][\w$]{0,100}))$""")
_READS_QUERY = re.compile(r"""(?:get|Get)(?:Query|Url|URL)?(?:String|Param|Params|Parameter|Variable|QueryString)\s*\(\s*["']"""
                          r"""|URLSearchParams\s*\(\s*(?:window\s*\.\s*)?location\s*\.\s*search|\$route\s*\.\s*query\s*\.""")
_QUERY_ASSIGNMENT = re.compile(rf"""(?<![\w$.])({_NAME})\s*=\s*((?:(?:get|Get)\w{{0,30}}\s*\(|new\s+URLSearchParams|"""
                               r"""(?:this\s*\.\s*|[\w$]{1,3}\s*\.\s*)?\$route\s*\.)[^;,\n]{0,200}?)\s*(?=[;,\n}])""")
# A literal a value falls back to when what comes before is empty: || "1001", ?? '1001', || 1001.
_FALLBACK = re.compile(r"""(?:\|\||\?\?)\s*("[^"]{0,100}"|'[^']{0,100}'|\d{1,20})$""")
MAX_OBJECT_DISTANCE = 20_000   # how far before a call the object it sends may be written
# deptId = d.deptId, this.queryParams.orgId = t.orgId, unitCode = node.id: a name the script fills from an item's field
_FILLED = re.compile(r"(?<![\w$])([A-Za-z_$][\w$]*)\s*=(?![=>])\s*([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)"
                     r"(?!\s*[.(\[\w$])")
_NO_NAMES = frozenset({"null", "undefined", "this"})
FILL_MARK = "{gxmon-fill}"   # where an address takes the value an item fills (Fill.key "")
_LITERAL = re.compile(r"""^(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?)|(true|false))$""")
_REFERENCE = re.compile(rf"^(?:this\s*\.\s*)?(?:{_NAME}\s*\.\s*){{0,3}}({_NAME})$")   # pageNo, this.query.pageNum
# A name assigned a page's field's value, as an object's entry or a variable: channelId: $("#channelId").val()
_FIELD_ASSIGNMENT = re.compile(rf"""(?<![\w$.])(["']?)({_NAME})\1\s*(?::|=(?![=>]))\s*"""
                               rf"""(?:(?:parseInt|Number)\s*\(\s*)?{FIELD_READ}""")
_FIELD_READS = re.compile(FIELD_READ)
_ASSIGNMENT = re.compile(rf"""(?<![\w$.])({_NAME})\s*=\s*(["']?)([\w.-]{{1,100}})\2\s*[;,\n]""")
PAGE_KEY = re.compile(r"page|^(?:p|pn|pg|pi|cp|current|curr|start|offset)$", re.IGNORECASE)
# A record offset rather than a page number (bootstrap-table's offset/limit, skip): the first page's is 0.
OFFSET_KEY = re.compile(r"^(?:offset|skip)$", re.IGNORECASE)
# Names of a search's words field (q, keyword, searchword, 大汉 q, 开普云 searchWord, TRS sword, 百度式 wd …): a search
# box's text field, and the key a search page's script sends the words its address carries to its API under.
SEARCH_KEY = re.compile(r"^(?:q|qt|keys?|keywords?|searchword|searchwords|sword|wd|kw|word|words|query|"
                        r"searchkey|searchtext|search)$", re.IGNORECASE)
# '…/detail.html?id=' + item.id + '.html' (also list[i].id, item["id"], res.data.records[i].infoId): the address
# of an item of the answer, its field the last of the path (not a method's: item.title.substring(0, 10)); a
# hash route of the page's app too ('#/detail/' + item.id: crawler.scripted.hashroutes). Written of more than one field
# or variable ('/nb/' + item.year + '/' + item.id, root + '/art/' + item.id) it is none: never a partial address.
_START = r"""(?<=["'`=])(?<!\+["'])(?<!\+\s["'])"""   # an address begins a string or an attribute, no + before it
_END = r"""(?!["']?\s*\+\s*(?:["'][^"'\s<>]{0,300}["']\s*\+\s*)?[\w$])"""   # and no field comes after it
_ITEM_URL = re.compile(rf"""{_START}(?P<prefix>(?:https?://|/|\./|\.\./|#!?/)[^"'\s<>+]{{0,300}})["']\s*\+\s*{_NAME}"""
                       rf"""(?:\[{_NAME}\])?(?:\.{_NAME}(?:\[{_NAME}\])?){{0,4}}"""
                       rf"""(?:\.(?P<key>{_NAME})(?![\w$])|\[["'](?P<quoted>{_NAME})["']\])(?!\s*[.\[(])"""
                       rf"""(?:\s*\+\s*["'](?P<suffix>[^"'\s<>]{{0,300}})(?=["'\s<>]))?{_END}""")

# `<a href="/art/${d.id}.html">`: the same in a template literal, the field substituted (a name's field, so a
# variable of the script, ${API}, is no item's).
_ITEM_TEMPLATE = re.compile(rf"""{_START}(?P<prefix>(?:https?://|/|\./|\.\./|#!?/)[^"'`\s<>$]{{0,300}})\$\{{\s*{_NAME}"""
                            rf"""(?:\.{_NAME}){{0,4}}\.(?P<key>{_NAME})\s*\}}(?P<suffix>[^"'`\s<>$]{{0,300}})(?=[`"'\s<>])""")
# base + item.id: an address the script declared (var base = '/detail.html?id=') before an item's field.
_DECLARED_ITEM_URL = re.compile(rf"""(?<![\w$.])(?<!\+)(?<!\+\s)(?P<name>{_NAME})\s*\+\s*{_NAME}(?:\[{_NAME}\])?(?:\.{_NAME}){{0,4}}"""
                                rf"""\.(?P<key>{_NAME})(?!\s*[.\[(\w$])(?:\s*\+\s*["'](?P<suffix>[^"'\s<>]{{0,300}})"""
                                rf"""(?=["'\s<>]))?{_END}""")

# var id = item.id; const {id} = item; let {docId: id} = item: a name the loop gives an item's field, then writes
# into an address ('/art/' + id + '.html', base + id): the field's address.
_FIELD_ALIAS = re.compile(rf"""(?<![\w$.])(?:var|let|const)\s+(?P<name>{_NAME})\s*=\s*{_NAME}(?:\[{_NAME}\])?\s*"""
                          rf"""(?:\.\s*(?P<key>{_NAME})|\[\s*["'](?P<quoted>{_NAME})["']\s*\])\s*(?=[;,\n}}])""")
_DESTRUCTURED = re.compile(rf"""(?<![\w$.])(?:var|let|const)\s*\{{(?P<names>[^{{}}=]{{1,200}})\}}\s*=\s*{_NAME}"""
                           rf"""(?:\[{_NAME}\])?\s*(?=[;,\n}}])""")
_DESTRUCTURED_NAME = re.compile(rf"^\s*(?P<key>{_NAME})\s*(?::\s*(?P<name>{_NAME}))?\s*$")
_ALIAS_URL = re.compile(rf"""(?:(?<!\+)(?<!\+\s)["'](?P<prefix>(?:https?://|/|\./|\.\./|#!?/)[^"'\s<>+]{{0,300}})["']|(?<![\w$.])(?P<base>{_NAME}))"""
                        rf"""\s*\+\s*(?P<name>{_NAME})(?!\s*[.\[(\w$])(?:\s*\+\s*["'](?P<suffix>[^"'\s<>]{{0,300}})["'])?"""
                        r"""(?!\s*\+)""")   # an address of more than one field is none ItemUrl can write

# location.origin + '/xxgk/' + item.url: the page's own origin before a path is that path ('<a href="' +
# location.origin + '/xxgk/' …: the literals it joins are one).
_JOINED_ORIGIN = re.compile(r"""(["'])\s*\+\s*(?:window\.)?location\.origin\s*\+\s*\1(?=/)""")
_ORIGIN = re.compile(r"""(?<![\w$.])(?:window\.)?location\.origin\s*\+\s*(?=["']/)""")

# onclick="openDetail(\'' + item.id + '\')": a call the script writes into an item's markup with the item's field
# as its one argument, the function of the page making the address (crawler.pages.scriptcalls).
_ITEM_CALL = re.compile(rf"""(?<![\w$.])(?P<function>{_NAME})\(\s*(?:\\?["'])?["']\s*\+\s*{_NAME}(?:\[{_NAME}\])?"""
                        rf"""(?:\.{_NAME}){{0,4}}\.(?P<key>{_NAME})\s*\+\s*["'](?:\\?["'])?\s*\)""")


class Fill(NamedTuple):
    """A parameter of a call the script fills from a field of an item of another answer (a department menu's)."""

    key: str                  # the data's key it is sent under; "" for a segment of the address (FILL_MARK)
    fields: tuple[str, ...]   # the items' fields it may be filled from, the one the script assigns first
    default: bool             # the script gives it a value before (the call as read may be asked as it is)


class ApiCall(NamedTuple):
    url: str                           # as the script writes it
    method: str                        # GET or POST
    data: tuple[tuple[str, str], ...]  # the parameters, first page
    json: bool = False                 # sent as a JSON body, not a form
    bare: tuple[str, ...] = ()         # the keys whose values are numbers or booleans in a JSON body
    fill: Fill | None = None           # the one parameter the script fills from another answer's item


class ItemUrl(NamedTuple):
    prefix: str
    key: str       # the item's field the script puts between prefix and suffix
    suffix: str


def api_calls(code: str, words: str | None = None, page_query: dict[str, str] | None = None,
              page: PageGlobals | None = None) -> list[ApiCall]:
    """The API requests a script makes, with the first page's parameters; ``words``: what a search page's script
    sends under a search key (``SEARCH_KEY``), read from the page's address or its box (``{q: q}``); ``page_query``:
    the parameters of the address of the page the script runs in, which it may read (``getQueryString("deptId")``);
    ``page``: the globals of the page's scripts, which it reads where it assigns none of that name
    (``<script>var channelid = 229105;</script>``)."""
    if len(code) > MAX_SCRIPT_CHARS:
        return []
    calls, variables = [], Variables(code, words, page_query, page)
    for _, match in zip(range(MAX_TRIED), _AJAX.finditer(code)):
        fields = object_entries(code, match.end() - 1)
        if fields is not None:
            method = string_literal(fields.get("type", "")) or string_literal(fields.get("method", "")) or "GET"
            call = _call(variables, _joined(fields.get("url", "")), method, fields.get("data", "{}"), False,
                         match.start())
            callback = callback_parameter(*(string_literal(fields.get(k, "")) for k in ("dataType", "jsonp",
                                                                                       "jsonpCallback")))
            calls.append(call._replace(data=(*call.data, callback)) if call and callback else call)
    for _, match in zip(range(MAX_TRIED), _SHORTHAND.finditer(code)):
        data = code[match.end() - 1:match.end() - 1 + MAX_LITERAL_CHARS] if match["more"] else "{}"
        calls.append(_call(variables, named_callback(_joined(match["url"])), match["method"].replace("JSON", ""), data, False,
                           match.start()))
    for _, match in zip(range(MAX_TRIED), _AXIOS_SHORTHAND.finditer(code)):
        argument = code[match.end():match.end() + MAX_LITERAL_CHARS] if match["more"] else "{}"
        if match["method"] == "post":
            calls.append(_call(variables, _joined(match["url"]), "POST", argument, True, match.start()))
        elif (config := object_entries(argument, 0) if argument.startswith("{") else None) is not None:
            calls.append(_call(variables, _joined(match["url"]), "GET", config.get("params", "{}"), False, match.start()))
    for _, match in zip(range(MAX_TRIED), _AXIOS_CONFIG.finditer(code)):
        fields = object_entries(code, match.end() - 1)
        if fields is not None:
            method = (string_literal(fields.get("method", "")) or "GET").upper()
            data = fields.get("data", "{}") if method == "POST" else fields.get("params", "{}")
            url = _joined(fields.get("url", ""))
            calls.append(_call(variables, url, method, data, method == "POST", match.start()))
    for _, match in zip(range(MAX_TRIED), _FETCH.finditer(code)):
        # fetch(url, options): options not written in place (a variable) are unknown.
        options = object_entries(code, match.end()) if match["more"] else {}
        if options is not None:
            method = string_literal(options.get("method", "")) or "GET"
            calls.append(_call(variables, _joined(match["url"]), method, options.get("body", "{}"), None, match.start()))
    return list(dict.fromkeys(c for c in calls if c is not None))[:MAX_CALLS]


# A page's field read where the address is joined (parseInt($("#pageSize").val())): written as FIELD_NAME + its id.
_FIELD_PIECE = rf"(?:(?:parseInt|Number)\s*\(\s*{FIELD_READ}\s*(?:,\s*10\s*)?\)|{FIELD_READ})"
FIELD_NAME = "$field_"
_JOINED_PIECE = re.compile(rf"""\s*(?:(?P<quoted>{_QUOTED})|(?P<buster>{_BUSTER})|(?P<field>{_FIELD_PIECE})"""
                           rf"""|(?P<name>{_DOTTED}))\s*(?:\+|$)""")


def _joined(expression: str) -> str:
    """The address an expression writes, as a template literal's text: a string whole (``"/api/list"``), or
    strings and names joined (``"/api/unit/" + code + "/ndbg"`` as ``/api/unit/${code}/ndbg``, read by
    ``Variables.template``, which asks a page-like query key's first page: ``"/list?page=" + page``), or a name
    alone (``$.get(blockUrl, …)`` after ``var blockUrl = '/columns/…/blocks/…'``: the address only when the script
    declares that name a string); empty for anything else, or a page's number joined into the path (``"/list_" +
    page``: the load-more pager's, ``crawler.steering.pagers``)."""
    written, at, quoted = [], 0, False
    expression = expression.strip()
    while at < len(expression):
        piece = _JOINED_PIECE.match(expression, at)
        if piece is None or piece.end() == at or len(written) > MAX_JOINED:
            return ""
        at = piece.end()
        if piece["quoted"]:
            written.append(piece["quoted"][1:-1])
            quoted = True
        elif piece["buster"]:
            written.append(CACHE_BUSTER)
        elif piece["field"]:
            field = next(g for g in piece.groups()[3:7] if g)
            if not re.fullmatch(r"\w+", field):   # a name a template's substitution cannot hold
                return ""
            written.append("${" + FIELD_NAME + field + "}")
        elif PAGE_KEY.search(re.split(r"\s*\.\s*", piece["name"])[-1]) \
                and not ((key := _QUERY_KEY.search("".join(written))) and PAGE_KEY.search(key.group(1))):
            return ""
        else:
            written.append("${" + piece["name"] + "}")
    return "".join(written) if quoted or len(written) == 1 else ""


def joined_address(variables: Variables, expression: str) -> str:
    """The address an expression writes (``_joined``), its names the strings the script declares
    (``Variables.template``); empty when one is unknown or it is no address."""
    written = _joined(expression)
    url = variables.template(written) if "${" in written else written
    return url if url and _URL.match(url) else ""


def offered_years(code: str, call: ApiCall) -> list[ApiCall]:
    """The call, and the same call for each other year the script offers a choice of, when the list it asks is
    filtered by a year (``query: {year: 2025, …}`` beside ``years: [2025, 2024, 2023]``, an ``<el-select>``'s options):
    the first array of years the script writes holding the year asked, at most ``MAX_YEARS`` of it."""
    at = next((i for i, (k, v) in enumerate(call.data) if YEAR_KEY.match(k) and _A_YEAR.fullmatch(v)), None)
    if at is None or len(code) > MAX_SCRIPT_CHARS:
        return [call]
    key, asked = call.data[at]
    written = ([y.strip().strip("'\"") for y in match.group(1).split(",")]
               for _, match in zip(range(MAX_TRIED), _YEAR_LIST.finditer(code)))
    for years in (*written, *looped_years(code)):
        if asked in years:
            return [call] + [call._replace(data=(*call.data[:at], (key, year), *call.data[at + 1:]))
                             for year in dict.fromkeys(years[:MAX_YEARS]) if year != asked]
    return [call]


def reads_page_query(code: str) -> bool:
    """The script may read its page's address into a call's data (``getQueryString("deptId")``,
    ``URLSearchParams(location.search)``, ``$route.query``)."""
    return len(code) <= MAX_SCRIPT_CHARS and bool(_READS_QUERY.search(code))


def json_body(data: list[tuple[str, str]], bare: list[str]) -> dict[str, object]:
    """A JSON body's object: the values written unquoted as numbers and booleans again."""
    return {key: json.loads(value) if key in bare else value for key, value in data}


def item_urls(code: str) -> tuple[ItemUrl, ...]:
    """How the script builds an item's address from a field of the answer's items."""
    if len(code) > MAX_SCRIPT_CHARS:
        return ()
    code = _ORIGIN.sub("", _JOINED_ORIGIN.sub("", code))
    found = [ItemUrl(m.group("prefix"), m.group("key") or m.group("quoted"), m.group("suffix") or "")
             for _, m in zip(range(MAX_TRIED), _ITEM_URL.finditer(code))]
    found += [ItemUrl(m.group("prefix"), m.group("key"), m.group("suffix"))
              for _, m in zip(range(MAX_TRIED), _ITEM_TEMPLATE.finditer(code))]
    if _DECLARED_ITEM_URL.search(code):
        declared = Variables(code).declared
        found += [ItemUrl(prefix, m.group("key"), m.group("suffix") or "")
                  for _, m in zip(range(MAX_TRIED), _DECLARED_ITEM_URL.finditer(code))
                  if (prefix := declared.get(m.group("name"))) and _URL.match(prefix)]
    found += _aliased_item_urls(code)
    if _ITEM_CALL.search(code):
        templates = url_templates([code])
        found += [ItemUrl(around[0], m.group("key"), around[1])
                  for _, m in zip(range(MAX_TRIED), _ITEM_CALL.finditer(code))
                  if (around := _around_argument(templates.get(m.group("function"))))]
    return tuple(dict.fromkeys(found))


def _aliased_item_urls(code: str) -> list[ItemUrl]:
    """The addresses written of a name the script gives an item's field (``var id = item.id``, ``const {id} =
    item``): after an address ('/art/' + id) or a declared one (base + id)."""
    aliases = {m.group("name"): m.group("key") or m.group("quoted")
               for _, m in zip(range(MAX_TRIED), _FIELD_ALIAS.finditer(code))}
    for _, m in zip(range(MAX_TRIED), _DESTRUCTURED.finditer(code)):
        for part in m.group("names").split(","):
            if named := _DESTRUCTURED_NAME.match(part):
                aliases[named.group("name") or named.group("key")] = named.group("key")
    if not aliases:
        return []
    declared = Variables(code).declared if any(m.group("base") for m in _ALIAS_URL.finditer(code)) else {}
    found = []
    for _, m in zip(range(MAX_TRIED), (m for m in _ALIAS_URL.finditer(code) if m.group("name") in aliases)):
        prefix = m.group("prefix") if m.group("base") is None else declared.get(m.group("base"))
        if prefix is not None and _URL.match(prefix):
            found.append(ItemUrl(prefix, aliases[m.group("name")], m.group("suffix") or ""))
    return found


def _around_argument(template: Template | None) -> tuple[str, str] | None:
    """What a function's address template writes before and after its one argument (``'/detail.html?id=' + id``);
    None for a template of other arguments or of none."""
    if template is None or [part for part in template.parts if not isinstance(part, str)] != [0]:
        return None
    parts = template.parts
    at = parts.index(0)
    return "".join(str(part) for part in parts[:at]), "".join(str(part) for part in parts[at + 1:])


def _call(variables: Variables, url: str, method: str, body: str, as_json: bool | None,
          at: int) -> ApiCall | None:
    """The call at ``at``, when its URL is one and its body can be known. ``as_json`` is how the caller sends a
    bare object literal (None: it cannot, as ``fetch`` sends only a string); a wrapper around it says instead."""
    method, body = method.upper(), body.strip()
    segment = None
    if "${" in url:
        url, segment = variables.filled_segment(url)
        url = variables.template(url)
    if not (url and _URL.match(url) and method in ("GET", "POST")):
        return None
    wrapper = _WRAPPER.match(body)
    if wrapper:
        as_json = wrapper.group(0).startswith("JSON")
        body = body[wrapper.end():].strip()
    elif body != "{}" and as_json is None:
        return None
    read = data_of(variables, body, at)
    if read is None or (segment and read[2] and not read[2].default):   # two filled: which item fills both is unknown
        return None
    data, bare, fill = read
    as_json = bool(as_json) and method == "POST"
    return ApiCall(url, method, data, as_json, bare if as_json else (), segment or fill)


def data_of(variables: Variables, literal: str,
            at: int) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], Fill | None] | None:
    """An object literal's entries (or those of the object a reference names, for the call at ``at``) as
    request parameters, the keys whose values are bare numbers or booleans, and the one the script fills from
    another answer's item (``Fill``, its value the script's default or empty); None when one cannot be known."""
    fields = _merged_entries(variables, literal, at, 0)
    if fields is None:
        return None
    out, bare, fill = [], [], None
    for key, value in fields.items():
        known = _value(variables, key, value.strip())
        # one value filled from an item; another is sent as the script gives it first (unknown: not asked)
        if fill is None and (filled := variables.filled_fields(key, value.strip())):
            fill = Fill(key, filled, known is not None and known[0] != "")
            known = known or ("", False)
        if known is None:
            return None
        out.append((key, known[0]))
        if known[1]:
            bare.append(key)
    return tuple(out), tuple(bare), fill


def _merged_entries(variables: Variables, written: str, at: int, depth: int) -> dict[str, str] | None:
    """The entries of the object ``written`` (a literal, a reference, a merge: ``Object.assign(…)``), the objects spread
    into it merged in order; None when one of them cannot be known."""
    written = written.strip()
    if depth > MAX_SPREAD_DEPTH:
        return None
    if merge := _MERGE.match(written):
        end = _closing(written, merge.end() - 1)
        parts = _top_level_split(written[merge.end():end]) if end is not None else []
        if not parts or not (parts[0].strip().startswith("{") or _MERGE.match(parts[0].strip())):
            return None   # a function called with a first object not written in place: no merge to be sure of
        objects = [_merged_entries(variables, part, at, depth + 1) for part in parts]
        return None if None in objects else {k: v for o in objects for k, v in o.items()}
    if not written.startswith("{"):
        reference = _REFERENCE_ARGUMENT.match(written)
        literal = variables.object_literal(reference.group(1), at) if reference else None
        return _merged_entries(variables, literal, at, depth + 1) if literal is not None else None
    fields = object_entries(written, 0)
    if fields is None:
        return None
    merged: dict[str, str] = {}
    for key, value in fields.items():
        if key.startswith("..."):
            spread = _merged_entries(variables, value, at, depth + 1)
            if spread is None:
                return None
            merged.update(spread)
        else:
            merged[key] = value
    return merged


def _query_read(value: str) -> tuple[re.Match[str] | None, str | None]:
    """The read of the page's address a value is, and the literal it falls back to when the address has none
    (``getQueryString("deptId") || "1001"``, ``?? '1001'``, ``|| 1001``)."""
    fallback = _FALLBACK.search(value)
    if fallback and (read := _QUERY_READ.match(value[:fallback.start()].rstrip())):
        literal = _LITERAL.match(fallback.group(1))
        return read, next(g for g in literal.groups() if g is not None) if literal else None
    return _QUERY_READ.match(value), None


def _value(variables: Variables, key: str, value: str) -> tuple[str, bool] | None:
    """The value as text, and whether a JSON body holds it as a number or boolean."""
    literal = _LITERAL.match(value)
    if literal:
        return next(g for g in literal.groups() if g is not None), bool(literal.group(3) or literal.group(4))
    if variables.words is not None and SEARCH_KEY.match(key):   # not a literal written in place: an API key's
        return variables.words, False
    if (from_page := variables.page_value(value)) is not None:
        return from_page, False
    if YEAR_KEY.match(key) and (year := year_value(value)) is not None:   # new Date().getFullYear(): this year
        return str(year), True
    if "." in (dotted := declared_name(value)) and dotted in variables.declared:   # webId: cfg.webId
        return variables.declared[dotted], False
    reference = _REFERENCE.match(value)
    if reference:
        name = reference.group(1)
        if (known := variables.values.get(name)) is not None:
            return known
        if PAGE_KEY.search(key) or OFFSET_KEY.match(key):
            return ("0" if OFFSET_KEY.match(key) else "1"), True   # what the list is called with first: its first page
    return None


class PageGlobals:
    """What a page's inline scripts assign, shared by them as a browser shares their globals; read once for the
    page, when a script first needs a name it does not assign; nothing when together they are longer than
    ``MAX_SCRIPT_CHARS``."""

    def __init__(self, codes: list[str], fields: Mapping[str, str] | None = None) -> None:
        self.code = "\n".join(codes) if sum(len(code) for code in codes) <= MAX_SCRIPT_CHARS else ""
        self.fields = fields or {}   # the page's fields' values by id (crawler.pages.links.page_fields)

    @cached_property
    def values(self) -> dict[str, tuple[str, bool] | None]:
        return assigned_values(self.code)

    @cached_property
    def declared(self) -> dict[str, str]:
        return declared_strings(self.code)

    @cached_property
    def field_names(self) -> dict[str, str]:
        return field_names(self.code)


NO_GLOBALS = PageGlobals([])


def assigned_values(code: str) -> dict[str, tuple[str, bool] | None]:
    """name → the literal ``code`` first assigns it and whether it is a bare number or boolean, or None for a name
    first assigned no literal."""
    found: dict[str, tuple[str, bool] | None] = {}
    for match in _ASSIGNMENT.finditer(code):
        bare = not match.group(2) and bool(re.fullmatch(r"-?\d+(?:\.\d+)?|true|false", match.group(3)))
        found.setdefault(match.group(1), (match.group(3), bare) if bare or match.group(2) else None)
    return found


# a function's definition, its name and parameters (function loadList(param, page) {)
_FUNCTION_HEAD = re.compile(rf"function\s+({_NAME})\s*\(([^()]{{0,200}})\)\s*\{{")


def defines_called(code: str, callers: list[str]) -> bool:
    """Whether ``code`` (a site's script file) defines a function that one of the ``callers`` (the page's inline
    scripts) calls: the file draws the page's list when the page calls its function (``loadList({…})``)."""
    names = {match.group(1) for _, match in zip(range(MAX_TRIED), _FUNCTION_HEAD.finditer(code))}
    return any(re.search(rf"(?<![\w$.]){re.escape(name)}\s*\(", caller) for name in names for caller in callers
               if len(caller) <= MAX_SCRIPT_CHARS)


def reads_fields(code: str, fields: Mapping[str, str]) -> bool:
    """Whether ``code`` reads one of the page's ``fields`` (``$("#channelId").val()``): a site's script file that
    draws this page's list."""
    return any(field in fields for match in itertools.islice(_FIELD_READS.finditer(code), MAX_TRIED)
               for field in match.groups() if field)


def field_names(code: str) -> dict[str, str]:
    """name → the id of the page's field ``code`` first assigns it the value of (``channelId: $("#channelId").val()``,
    ``var size = parseInt(document.getElementById('pageSize').value)``), of its first ``MAX_TRIED`` such assignments."""
    found: dict[str, str] = {}
    for _, match in zip(range(MAX_TRIED), _FIELD_ASSIGNMENT.finditer(code)):
        found.setdefault(match.group(2), next(g for g in match.groups()[2:] if g))
    return found


def declared_strings(code: str) -> dict[str, str]:
    """name → the string a script first declares it with (``const API = "/wjw/api"``, ``var a=1,API="/api"``,
    the global ``window.ctx = "/jcms"``); a config object's strings under its name and their key (``var cfg = {ctx:
    "/jcms"}``: ``cfg.ctx``), of its first ``MAX_CONFIG_OBJECTS`` objects."""
    found: dict[str, str] = {}
    for match in _DECLARED.finditer(code):
        found.setdefault(match.group(1), match.group(3))
    for _, match in zip(range(MAX_CONFIG_OBJECTS), _DECLARED_OBJECT.finditer(code)):
        for key, value in (object_entries(code, match.end()) or {}).items():
            if (literal := _LITERAL.match(value.strip())) and (literal.group(1) or literal.group(2)):
                found.setdefault(f"{match.group(1)}.{key}", string_literal(value))
    return found


def declared_name(reference: str) -> str:
    """The name a reference to a declared string is known by: a config object's entry as ``cfg.ctx``, a global
    without its ``window.``."""
    return re.sub(r"^window\.", "", re.sub(r"\s+", "", reference))


class Variables:
    """The literals a script assigns to names (``var pageSize = 15;``), read in one pass when first needed,
    the object literals it writes for a name, and the parameters of its page's address (``page_query``)."""

    def __init__(self, code: str, words: str | None = None, page_query: dict[str, str] | None = None,
                 page: PageGlobals | None = None) -> None:
        self.code = code
        self.words = words   # a search's words, sent under a search key
        self.page_query = page_query or {}
        self.page = page or NO_GLOBALS   # what the page's scripts assign: a name this one never assigns may be one

    def page_value(self, value: str) -> str | None:
        """The parameter of the page's address a value reads (``getQueryString("deptId")``, ``new
        URLSearchParams(location.search).get("deptId")``, ``this.$route.query.deptId``), directly or through a name
        the script gives it (``var deptId = getQueryString("deptId")``), or, when the address has none, the literal
        the script falls back to (``getQueryString("deptId") || "1001"``, ``?? 1001``); None when it reads none the
        address has and falls back to none."""
        read, fallback = _query_read(value)
        if read is None and (name := _REFERENCE.match(value)):
            read, fallback = self.query_names.get(name.group(1), (None, None))
        name = (read.group("helper") or read.group("searched") or read.group("routed")) if read else None
        return (self.page_query.get(name) or fallback) if name else None

    @cached_property
    def query_names(self) -> dict[str, tuple[re.Match[str] | None, str | None]]:
        """name → the read of the page's address the script assigns it and its fallback, read in one pass."""
        found: dict[str, tuple[re.Match[str] | None, str | None]] = {}
        for _, match in zip(range(MAX_TRIED), _QUERY_ASSIGNMENT.finditer(self.code)):
            if (read := _query_read(match.group(2)))[0]:
                found.setdefault(match.group(1), read)
        return found

    @cached_property
    def values(self) -> dict[str, tuple[str, bool] | None]:
        """name → (value, whether it is written as a bare number or boolean), or None for a name first assigned no
        literal (minified ``var e=this``, ``n=t.page``: what it holds is unknown); a name the script never assigns,
        what the page's other scripts assign it."""
        return {**self.page.values, **assigned_values(self.code)}

    def filled_fields(self, key: str, value: str) -> tuple[str, ...]:
        """The fields of another answer's item the script fills a value not written in place from (``deptId:
        deptId`` and ``deptId = d.deptId``; ``orgId: null`` and ``this.queryParams.orgId = t.orgId``), by the
        parameter's key or the name the value reads; none for a page, an offset or a year (the list's own)."""
        if _LITERAL.match(value) or PAGE_KEY.search(key) or OFFSET_KEY.match(key) or YEAR_KEY.match(key):
            return ()
        reference = _REFERENCE.match(value)
        names = dict.fromkeys(n for n in (key, reference.group(1) if reference else "") if n and n not in _NO_NAMES)
        fields = [field for name in names for field in self._assigned_fields(name)]
        return tuple(dict.fromkeys(fields + list(names))) if fields else ()

    def _assigned_fields(self, name: str) -> list[str]:
        return self._filled.get(name, [])

    @cached_property
    def _filled(self) -> dict[str, list[str]]:
        """name → the items' fields the script assigns it (``deptId = d.deptId``), read in one pass."""
        found: dict[str, list[str]] = {}
        for match in _FILLED.finditer(self.code):
            if match.group(2) != "this":
                found.setdefault(match.group(1), []).append(match.group(3))
        return found

    def filled_segment(self, written: str) -> tuple[str, Fill | None]:
        """An address written as a template literal with the first substitution the script fills from another
        answer's item (``${unitCode}``, ``unitCode = node.id``) as ``FILL_MARK``, and that ``Fill``."""
        for match in _SUBSTITUTION.finditer(written):
            key = _QUERY_KEY.search(written[:match.start()])
            if key and PAGE_KEY.search(key.group(1)):
                continue
            name = re.split(r"\s*\.\s*", match.group(1))[-1]
            if fields := self.filled_fields("", name):
                default = self.declared.get(name) or (known[0] if (known := self.values.get(name)) else "")
                return written[:match.start()] + FILL_MARK + written[match.end():], Fill("", fields, bool(default))
        return written, None

    def template(self, written: str) -> str | None:
        """The address a template literal makes (``${API}/list?page=${p}``): each substitution a string the
        script assigns to that name (``const API="/api"``) or a literal value; a page-like query key's the first
        page; None when one is unknown."""
        parts, end = [], 0
        for match in _SUBSTITUTION.finditer(written):
            before = written[end:match.start()]
            name = re.split(r"\s*\.\s*", match.group(1))[-1]
            key = _QUERY_KEY.search("".join(parts) + before)
            if (field := self.field_value(name)) is not None:
                value = field   # what the page's field holds, as the browser sends it
            elif key and PAGE_KEY.search(key.group(1)):
                value = "1"   # the page the list is asked with first, whatever the name holds
            else:
                value = self.declared.get(declared_name(match.group(1))) or self.declared.get(name) \
                    or (known[0] if (known := self.values.get(name)) else None)
            if value is None:
                return None
            parts += [before, value]
            end = match.end()
        parts.append(written[end:])
        return "".join(parts)

    def field_value(self, name: str) -> str | None:
        """The value of the page's field a substitution reads (``FIELD_NAME`` + its id) or a name the scripts assign
        that field's value (``channelId: $("#channelId").val()`` read as ``this.channelId``); None when it reads none
        the page has."""
        if not self.page.fields:
            return None
        field = name.removeprefix(FIELD_NAME) if name.startswith(FIELD_NAME) else \
            self.field_names.get(name) or self.page.field_names.get(name)
        return self.page.fields.get(field) if field else None

    @cached_property
    def field_names(self) -> dict[str, str]:
        """name → the id of the page's field the script assigns it the value of, read in one pass."""
        return field_names(self.code)

    @cached_property
    def declared(self) -> dict[str, str]:
        """name → the string the script first declares it with (``const API = "/wjw/api"``, ``var a=1,API="/api"``),
        read in one pass; a name the script never declares, what the page's other scripts declare it."""
        return {**self.page.declared, **declared_strings(self.code)}

    def object_literal(self, reference: str, at: int) -> str | None:
        """The object literal written for the name ``reference`` ends with (``this.queryParams``: the one of
        ``queryParams: {…}``, ``queryParams = {…}``, ``queryParams = reactive({…})``), the nearest before
        ``at`` and at most ``MAX_OBJECT_DISTANCE`` before it: minified code reuses short names."""
        names = [n for n in re.split(r"\s*\.\s*", reference) if n not in _HOLDERS]
        if not names:
            return None
        name = re.escape(names[-1])
        written = re.compile(rf"""(?<![\w$.])(["']?){name}\1\s*(?::|=(?![=>]))\s*(?:{_NAME}\s*\(\s*)?\{{""")
        last = None
        for last in written.finditer(self.code, max(0, at - MAX_OBJECT_DISTANCE), at):
            pass
        if last is None:
            return self.passed_literal(names[-1], at) if len(names) == 1 else None
        end = _closing(self.code, last.end() - 1)
        return self.code[last.end() - 1:end + 1] if end is not None else None

    def passed_literal(self, name: str, at: int) -> str | None:
        """The object literal the page's scripts pass as the parameter ``name`` of the function written around
        ``at`` (``function loadList(param) { $.ajax({… data: JSON.stringify(param)}) }`` in the site's list.js and
        ``loadList({columnCode: 'ndbg', pageNo: 1})`` inline): its first call's, when that argument is one."""
        defined = None
        for defined in _FUNCTION_HEAD.finditer(self.code, max(0, at - MAX_OBJECT_DISTANCE), at):
            pass
        if defined is None:
            return None
        parameters = [p.strip() for p in defined.group(2).split(",")]
        if name not in parameters:
            return None
        for code in (self.code, self.page.code):
            for _, call in zip(range(MAX_TRIED), re.finditer(rf"(?<![\w$.]){re.escape(defined.group(1))}\s*\(", code)):
                if code[max(0, call.start() - 20):call.start()].rstrip().endswith("function"):
                    continue   # its definition
                end = _closing(code, call.end() - 1)
                arguments = _top_level_split(code[call.end():end]) if end is not None else []
                argument = arguments[parameters.index(name)].strip() if len(arguments) > parameters.index(name) else ""
                if argument.startswith("{"):
                    return argument
        return None


# a call's address joined from a base (url: baseURL + "/list", $.post(ctx + "/list"), fetch(API + "/list"))
_BASE_JOINED = re.compile(rf"""(?:(?<![\w$])url\s*:\s*|(?:\$|jQuery)\s*\.\s*(?:ajax|post|get|getJSON)\s*\(\s*|"""
                          rf"""(?<![\w$.])fetch\s*\(\s*)({_DOTTED})\s*\+\s*["'`]/""")
_ASSIGNED_NAME = re.compile(rf"(?<![\w$.])({_NAME})\s*=(?![=>])")
MAX_ASSIGNED_NAMES = 1000   # assignments read a script, to tell a base the script assigns itself
_BROWSER_BASE = re.compile(r"^(?:window\s*\.\s*)?(?:location|document|this)\b")


def undeclared_bases(codes: list[str]) -> list[str]:
    """The bases the scripts' calls join their addresses from (``url: baseURL + "/list"``) that none of the
    scripts declares (``PageGlobals``): a script file of the site declares them (``/js/config.js``)."""
    declared = PageGlobals(codes).declared
    found = (match.group(1) for code in codes if len(code) <= MAX_SCRIPT_CHARS
             for _, match in zip(range(MAX_TRIED), _BASE_JOINED.finditer(code)))
    assigned = {match.group(1) for code in codes if len(code) <= MAX_SCRIPT_CHARS
                for _, match in zip(range(MAX_ASSIGNED_NAMES), _ASSIGNED_NAME.finditer(code))}
    return [base for base in dict.fromkeys(found) if not _BROWSER_BASE.match(base)
            and declared_name(base) not in declared and re.split(r"\s*\.\s*", base)[-1] not in declared
            and re.split(r"\s*\.\s*", base)[0] not in assigned]   # var base = getCtx(): the script's own


def posted_urls(code: str) -> set[str]:
    """The addresses the script's ``$.ajax`` calls POST to, whether or not what they send can be known (a setting of
    the site's script, an answer's field): an address asked by POST is no page to GET."""
    if len(code) > MAX_SCRIPT_CHARS:
        return set()
    found = set()
    for _, match in zip(range(MAX_TRIED), _AJAX.finditer(code)):
        fields = object_entries(code, match.end() - 1) or {}
        method = string_literal(fields.get("type", "")) or string_literal(fields.get("method", ""))
        if method.upper() == "POST" and (url := _joined(fields.get("url", ""))) and _URL.match(url):
            found.add(url)
    return found


# a setting of a config object a call sends (siteGuid: webBuilderCommon.siteGuid): one name, one key
_SETTING = re.compile(rf"^{_NAME}\s*\.\s*{_NAME}$")


def undeclared_settings(codes: list[str]) -> list[str]:
    """The config objects' settings the scripts' ``$.ajax`` calls send (``data: {siteGuid: webBuilderCommon.siteGuid}``,
    also as ``JSON.stringify({…})``) that none of the scripts declares nor assigns: a script file of the site
    declares them (徐州's 新点 pages: ``/js/webBuilderCommon.js``)."""
    declared = PageGlobals(codes).declared
    assigned = {match.group(1) for code in codes if len(code) <= MAX_SCRIPT_CHARS
                for _, match in zip(range(MAX_ASSIGNED_NAMES), _ASSIGNED_NAME.finditer(code))}
    found = []
    for code in codes:
        if len(code) > MAX_SCRIPT_CHARS:
            continue
        for _, match in zip(range(MAX_TRIED), _AJAX.finditer(code)):
            data = ((object_entries(code, match.end() - 1) or {}).get("data") or "").strip()
            if wrapper := _WRAPPER.match(data):
                data = data[wrapper.end():].strip()
            entries = (object_entries(data, 0) if data.startswith("{") else None) or {}
            found += [value.strip() for value in entries.values() if _SETTING.match(value.strip())
                      and not _BROWSER_BASE.match(value.strip()) and declared_name(value) not in declared
                      and re.split(r"\s*\.\s*", value.strip())[0] not in assigned]
    return list(dict.fromkeys(found))


def object_entries(code: str, start: int) -> dict[str, str] | None:
    """The entries of the flat object literal opening at ``code[start]`` (``{``), values as written."""
    end = _closing(code, start) if code[start:start + 1] == "{" else None
    if end is None:
        return None
    fields = {}
    for entry in _top_level_split(code[start + 1:end]):
        match = _ENTRY.match(entry)
        if match:
            fields[match.group(2) or match.group(3)] = match.group(4)
        elif shorthand := _SHORTHAND_ENTRY.match(entry):
            fields[shorthand.group(1)] = shorthand.group(1)
        elif spread := _SPREAD_ENTRY.match(entry):
            fields[f"...{spread.group(1)}"] = spread.group(1)
    return fields


def _closing(code: str, start: int) -> int | None:
    """The index of the bracket closing the one at ``start``, skipping strings; None beyond the limit."""
    for i, char, depth in _outside_strings(code, start, start + MAX_LITERAL_CHARS):
        if char in "}])" and depth == 0:
            return i
    return None


def _top_level_split(body: str) -> list[str]:
    """The entries of an object or argument list: split at its commas outside strings and brackets."""
    cuts = [i for i, char, depth in _outside_strings(body, 0, len(body)) if char == "," and depth == 0]
    parts = [body[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(body)])]
    return [p for p in parts if p.strip()]


def _outside_strings(code: str, start: int, stop: int) -> Iterator[tuple[int, str, int]]:
    """The characters of ``code[start:stop]`` outside its strings, each with the bracket depth after it."""
    depth, quote = 0, ""
    for i in range(start, min(len(code), stop)):
        char = code[i]
        if quote:
            if char == quote and code[i - 1] != "\\":
                quote = ""
        elif char in "\"'`":
            quote = char
        else:
            depth += (char in "{[(") - (char in "}])")
            yield i, char, depth


def string_literal(value: str) -> str:
    """The text of a string literal written as ``value``; empty for anything else."""
    literal = _LITERAL.match(value.strip())
    return (literal.group(1) or literal.group(2) or "") if literal else ""

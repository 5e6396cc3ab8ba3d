"""Lists a page's scripts ask for: the API requests of a 年报 column's inline scripts (``crawler.scripted.scriptapis``,
``crawler.scripted.wrappers``), the lists a 大汉 信息公开 tree's 年报 categories ask (``crawler.scripted.xxgktree``),
and a single-page application's shell read through its script files, its webpack runtime, its menu API and the
chunks it loads on demand (``crawler.scripted.bundles``, ``crawler.scripted.chunks``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit

import scrapy
from scrapy.http import JsonRequest, Response, TextResponse
from scrapy.utils.response import get_base_url

from crawler.documents.content import response_text
from crawler.pages.links import page_fields
from crawler.scripted.bundles import MAX_PER_SITE as MAX_BUNDLES
from crawler.scripted.bundles import shell_runtime, shell_scripts
from crawler.scripted.chunks import MAX_DEPTH as MAX_CHUNK_DEPTH
from crawler.scripted.chunks import MAX_PER_SITE as MAX_CHUNKS
from crawler.scripted.chunks import (MAX_PER_BUNDLE, LazyChunk, chunk_files, column_chunks, component_chunk,
                                     eager_column_route, lazy_chunks, menu_column_views, router_api, says_column,
                                     view_chunks)
from crawler.scripted.hashroutes import (MAX_DETAIL_APIS, detail_apis, hash_templates, posted_detail_apis,
                                         route_templates, routed)
from crawler.scripted.deptapis import departments
from crawler.scripted.jpaas import declared_calls
from crawler.scripted.jsonp import is_json_answer, json_text
from crawler.scripted.scriptapis import MAX_CALLS as MAX_API_CALLS
from crawler.scripted.scriptapis import (FILL_MARK, ItemUrl, PageGlobals, api_calls, item_urls, json_body,
                                         defines_called, offered_years, reads_fields, reads_page_query)
from crawler.scripted.wrappers import MAX_FUNCTIONS, RequestFunction, exported_functions, wrapped_calls
from crawler.scripted.xxgktree import category_search, tree_nodes
from crawler.steering.boundpagers import bound_page_count, bound_page_name
from crawler.steering.frontier import LIST_PAGE_PRIORITY
from crawler.steering.pagers import is_page_key

MAX_SHELLS_PER_BUNDLE = 50   # shells of one app (?deptId=1002, 1003 …) a bundle that reads its page's address is read for
MAX_DEPARTMENTS_PER_SITE = 300   # departments of a crawl's menus a list call is filled with (crawler.scripted.deptapis)


@dataclass(frozen=True)
class QueryBundle:
    """A bundle or lazy chunk that reads its page's address, kept to be read for each other shell of its app: its
    code, the request functions it inherits, and what it is read as (a chunk: its route's column)."""

    code: str
    inherited: tuple[RequestFunction, ...]
    as_read: dict[str, Any]


class ScriptSteps:
    """The spider's steps through what a page's scripts ask (``ReportsSpider`` is composed of them)."""

    def _script_lists(self, response: TextResponse, subsite: int) -> Iterator[scrapy.Request]:
        """A page called a 年报 column whose list its script asks an API for (``crawler.scripted.scriptapis``): the
        answer is the column's list, asked as the script asks it, with the script's way of making an item's
        address."""
        # A Vue page may bind an item's address in its template (<a :href="'/detail.html?id=' + item.id">)
        # rather than write it in the script that asks.
        bound = item_urls("\n".join(response.xpath("//@*[name()=':href' or name()='v-bind:href']").getall()))
        codes = response.xpath("//script[not(@src)]/text()").getall()
        # <router-link :to="'/detail/' + item.id">: a route of the app, after # unless its router keeps history
        routes = item_urls("\n".join(response.xpath("//router-link/@*[name()=':to' or name()='v-bind:to']").getall()))
        if routes and route_templates("\n".join(codes)):
            bound += tuple(ItemUrl("#" + t.prefix, t.key, t.suffix) for t in routes if t.prefix.startswith("/"))
        # the site's script files reading the page's fields draw its list (甘肃's listPage.js: '/common/search/' +
        # this.channelId, channelId: $("#channelId").val())
        fields = page_fields(response.selector.root)
        # … and those defining the function an inline script calls to draw it (loadList({columnCode: 'ndbg'}))
        codes += [code for code in self._site_codes(response)
                  if reads_fields(code, fields) or defines_called(code, codes)]
        yield from self._script_api_requests(codes, bound, get_base_url(response),
                                             self._column_part_meta(response, subsite), fields=fields,
                                             declaring=self._site_codes(response),
                                             pages=bound_page_count(response.selector.root),
                                             page_name=bound_page_name(response.selector.root))

    def _declared_lists(self, response: TextResponse, subsite: int) -> Iterator[scrapy.Request]:
        """A 年报 column whose script tag declares the request its file makes (JPaaS's ``unitbuild.js`` with ``url``
        and ``queryData``, ``crawler.scripted.jpaas``): the answer is the column's list, asked as declared."""
        meta = self._column_part_meta(response, subsite)
        for call in declared_calls(response.selector.root, get_base_url(response)):
            api = {"method": call.method, "data": [list(p) for p in call.data], "item_urls": [], "json": False,
                   "bare": [], "details": [], "posted_details": []}
            if (request := self._api_request(call.url, api, meta)) is not None:
                yield request

    def _catalogue_tree_lists(self, response: TextResponse, subsite: int) -> Iterator[scrapy.Request]:
        """大汉's 信息公开 tree (``crawler.scripted.xxgktree``): each category a 年报 column's name labels, listed
        as its click asks ``search.jsp``."""
        meta = self._column_part_meta(response, subsite)
        for node in tree_nodes(response_text(response)):
            if says_column(node.label):
                url, form = category_search(response.url, node)
                api = {"method": "POST", "data": [list(p) for p in form], "item_urls": [], "json": False, "bare": [],
                       "details": [], "posted_details": []}
                if (request := self._api_request(url, api, {**meta, "link_text": node.label})) is not None:
                    yield request

    def _bundles(self, response: TextResponse, subsite: int, column: bool) -> Iterator[scrapy.Request]:
        """A single-page application's shell: its own script files (``crawler.scripted.bundles``), read once fetched
        (``parse_bundle``) as the column's scripts when the shell is called a 年报 column, else for the routes
        they name; at most ``MAX_BUNDLES`` a crawl."""
        fetched = sum(1 for step in self._requested.values() if step == "bundle")
        # a webpack runtime inlined in the shell: the chunk map its bundles' lazy loads need (crawler.scripted.chunks)
        files = chunk_files("\n".join(response.xpath("//script[not(@src)]/text()").getall()), response.url)
        scripts = shell_scripts(response.selector.root, response.url)
        urls = [url for url in scripts
                if url not in self._requested and self.scope.contains(url) and not self._denied(url)]
        urls = urls[:max(0, MAX_BUNDLES - fetched)]
        meta = {**self._column_part_meta(response, subsite), "role": "bundle", "shell": response.url,
                "column": column, "chunk_files": files}
        if urlsplit(response.url).query:   # one app shell for many bodies (?deptId=): its bundle read for this one too
            yield from self._shared_bundles([url for url in scripts if self._requested.get(url) == "bundle"], meta)
        runtime = shell_runtime(response.selector.root, response.url) if urls and not files else None
        if runtime is not None and runtime not in self._requested and self.scope.contains(runtime) \
                and not self._denied(runtime) and fetched + len(urls) < MAX_BUNDLES:
            # a runtime in a file of its own holds the chunk map: read before the bundles that need it
            self._requested[runtime] = "bundle"
            for url in urls:
                self._requested[url] = "bundle"
            yield scrapy.Request(runtime, callback=self.parse_runtime, errback=self.on_error,
                                 priority=LIST_PAGE_PRIORITY, meta={**meta, "bundles": urls})
            return
        yield from self._bundle_requests(urls, meta)

    def _bundle_requests(self, urls: list[str], meta: dict[str, Any]) -> Iterator[scrapy.Request]:
        for url in urls:
            self._requested[url] = "bundle"
            yield scrapy.Request(url, callback=self.parse_bundle, errback=self.on_error, priority=LIST_PAGE_PRIORITY,
                                 meta=meta)

    def parse_runtime(self, response: Response) -> Iterator[scrapy.Request]:
        """A shell's webpack runtime file: its chunk map (``crawler.scripted.chunks``) given to the shell's bundles."""
        meta = {k: v for k, v in response.meta.items() if k != "bundles"}
        meta["chunk_files"] = chunk_files(response_text(response), response.meta["shell"]) \
            if isinstance(response, TextResponse) else {}
        yield from self._bundle_requests(response.meta["bundles"], meta)

    def parse_bundle(self, response: Response) -> Iterator[scrapy.Request]:
        """A shell's script file: the API requests it makes, as the shell's (its URLs are the shell's), when
        the shell or the route loading it is a 年报 column; then the chunks it loads on demand that may be."""
        yield from self._shell_ways(response.meta["shell"], self._read_bundle(response))

    def _read_bundle(self, response: Response) -> Iterator[scrapy.Request]:
        meta = {k: v for k, v in response.meta.items() if k in ("hops", "subsite", "chain", "list_of", "link_text")}
        code, column = response_text(response), response.meta.get("column", True)
        route = None if column else eager_column_route(code)
        if route:   # the app's 年报 route shows a component of this bundle: its requests are that column's
            meta["link_text"] = f"{meta.get('link_text', '')} {route}".strip()
        # the request functions of the bundles above, which a lazy chunk calls through their module
        inherited = tuple(RequestFunction(*f) for f in response.meta.get("functions", ()))
        yield from self._bundle_lists(code, response.meta, inherited)
        depth, root = int(response.meta.get("chunk", 0)), response.meta.get("root", response.url)
        if reads_page_query(code):   # read again for each other shell of the app, a lazy chunk of its bundle too
            read = QueryBundle(code, inherited, {k: response.meta[k] for k in ("link_text", "history") if k in response.meta}
                               | ({"column": True} if depth else {}))
            self._query_bundles.setdefault(root, []).append(read)
            for shell in self._bundle_shells.get(root, []):
                yield from self._bundle_lists(code, {**shell, **read.as_read}, inherited)
        if depth < MAX_CHUNK_DEPTH:   # a column's chunk may load the component holding its list: one more
            functions = [list(f) for f in dict.fromkeys(inherited + exported_functions(code, _file_name(response.url)))]
            yield from self._chunks(response, code, column or depth > 0,
                                    {**meta, "functions": functions[:MAX_FUNCTIONS], "root": root}, depth)
        if not depth:
            yield from self._menu(response, code, meta)

    def _bundle_lists(self, code: str, shell: dict[str, Any],
                      inherited: tuple[RequestFunction, ...] = ()) -> Iterator[scrapy.Request]:
        """The API requests of a bundle read for the shell its request ``shell`` (meta) was made for, when the shell
        or the bundle's eager route is a 年报 column, made from the shell's address."""
        meta = {k: v for k, v in shell.items() if k in ("hops", "subsite", "chain", "list_of", "link_text")}
        column = shell.get("column", True)
        route = None if column else eager_column_route(code)
        if route:   # the app's 年报 route shows a component of this bundle: its requests are that column's
            meta["link_text"] = f"{meta.get('link_text', '')} {route}".strip()
        if column or route:
            yield from self._script_api_requests([code], (), shell["shell"], {**meta, "role": "page"},
                                                 shell.get("history", False), inherited)

    def _shared_bundles(self, urls: list[str], shell: dict[str, Any]) -> Iterator[scrapy.Request]:
        """Bundles another shell of the app fetched, and the lazy chunks they load, read for this shell when they read
        its address (``?deptId=``): at once when fetched, else once they are; at most ``MAX_SHELLS_PER_BUNDLE``
        shells each."""
        for url in urls:
            if len(shells := self._bundle_shells.setdefault(url, [])) >= MAX_SHELLS_PER_BUNDLE:
                continue
            shells.append(shell)   # the chunks of the bundle not yet fetched are read for it once they are
            for read in self._query_bundles.get(url, []):
                yield from self._bundle_lists(read.code, {**shell, **read.as_read}, read.inherited)

    def _menu(self, response: Response, code: str, meta: dict[str, Any]) -> Iterator[scrapy.Request]:
        """The menu API a RuoYi-Vue bundle builds its routes from (``crawler.scripted.chunks``), when the bundle can
        load views: asked once, its answer read by ``parse_menu``."""
        shell = response.meta["shell"]
        menu = router_api(code, shell)
        files = chunk_files(code, shell) or response.meta.get("chunk_files") or {}
        if menu is None or not files or menu in self._requested or not self.scope.contains(menu) or self._denied(menu):
            return
        self._requested[menu] = "bundle"
        yield scrapy.Request(menu, callback=self.parse_menu, errback=self.on_error, priority=LIST_PAGE_PRIORITY,
                             meta={**meta, "role": "bundle", "shell": shell, "views": view_chunks(code, files),
                                   "chunk_files": files, "history": not route_templates(code)})

    def parse_menu(self, response: Response) -> Iterator[scrapy.Request]:
        """A menu API's answer: the chunks of the views its routes called a 年报 column show."""
        yield from self._shell_ways(response.meta["shell"], self._read_menu(response))

    def _read_menu(self, response: Response) -> Iterator[scrapy.Request]:
        meta = {k: v for k, v in response.meta.items() if k in ("hops", "subsite", "chain", "list_of", "link_text")}
        views, files = response.meta["views"], response.meta["chunk_files"]
        routes = menu_column_views(json_text(response_text(response))) if is_json_answer(response.body) else []
        chunks = [LazyChunk(url, label, False) for label, component in routes
                  if (url := component_chunk(component, views, files)) is not None]
        yield from self._chunk_requests(chunks[:MAX_PER_BUNDLE], meta, response.meta["shell"], response.meta["history"])

    def _chunks(self, response: Response, code: str, column: bool, meta: dict[str, Any],
                depth: int = 0) -> Iterator[scrapy.Request]:
        """The chunks a bundle loads on demand that may hold a 年报 column's list (``crawler.scripted.chunks``), read as
        the column's bundles, called what their route is called; at most ``MAX_CHUNKS`` a crawl."""
        chunks = column_chunks(lazy_chunks(code, response.url, response.meta["shell"], response.meta.get("chunk_files")),
                               column)
        yield from self._chunk_requests(chunks, {**meta, "chunk_files": response.meta.get("chunk_files")},
                                        response.meta["shell"], not route_templates(code), depth + 1)

    def _chunk_requests(self, chunks: list[LazyChunk], meta: dict[str, Any], shell: str,
                        history: bool, depth: int = 1) -> Iterator[scrapy.Request]:
        """Chunks read as the column's bundles, called what their route is called; at most ``MAX_CHUNKS`` a crawl."""
        fetched = sum(1 for step in self._requested.values() if step == "chunk")
        for chunk in chunks[:max(0, MAX_CHUNKS - fetched)]:
            if chunk.url in self._requested or not self.scope.contains(chunk.url) or self._denied(chunk.url):
                continue
            self._requested[chunk.url] = "chunk"
            called = f"{meta.get('link_text', '')} {chunk.label}" if says_column(chunk.label) else meta.get("link_text", "")
            yield scrapy.Request(chunk.url, callback=self.parse_bundle, errback=self.on_error,
                                 priority=LIST_PAGE_PRIORITY, meta={**meta, "link_text": called.strip(), "role": "bundle",
                                                                    "shell": shell, "chunk": depth,
                                                                    "history": history})

    def _column_part_meta(self, response: Response, subsite: int) -> dict[str, Any]:
        """What a request made for a column page's own list carries: part of that page (hops and chain as
        its own), called what the page is called."""
        meta = response.meta
        title = response.xpath("//title/text()").get("")
        return {"role": "page", "hops": meta.get("hops", 0), "subsite": subsite, "chain": meta.get("chain", 0),
                "list_of": meta.get("list_of") or response.url,
                "link_text": f"{meta.get('link_text', '')} {title}".strip()}

    def _script_api_requests(self, codes: list[str], bound: tuple[ItemUrl, ...], page_url: str,
                             meta: dict[str, Any], history: bool = False,
                             inherited: tuple[RequestFunction, ...] = (), declaring: list[str] | None = None,
                             pages: int | None = None, page_name: str | None = None,
                             fields: dict[str, str] | None = None) -> Iterator[scrapy.Request]:
        """The API requests the scripts make (``crawler.scripted.scriptapis``, ``crawler.scripted.wrappers``;
        ``inherited``: request functions of a parent bundle), each with the scripts' ways of making an item's address
        (``history``: their app's router keeps history); at most ``MAX_API_CALLS``. ``declaring``: the page's own script
        files, read for the strings they declare only (``/js/config.js``: ``var baseURL = "/api"``). ``pages``: the page count the
        page's pager binds (``crawler.steering.boundpagers``), the list's when one API alone is asked by page or is
        asked by the name the pager binds its current page to (``page_name``)."""
        query = dict(parse_qsl(urlsplit(page_url).query))   # what the scripts may read of their page's address
        # what they assign, shared as a browser shares their globals, and the page's fields they read;
        # the site's script files declaring only (var baseURL = "/api" in /js/config.js)
        page = PageGlobals(codes + (declaring or []), fields)
        calls = [(code, call, hash_templates([list(t) for t in dict.fromkeys(routed(code, item_urls(code), history) + bound)],
                                             page_url))
                 for code in codes for call in api_calls(code, page_query=query, page=page)
                 + wrapped_calls(code, inherited, query, page)]
        # the detail APIs a hash-route item's report is asked of (crawler.scripted.hashroutes)
        details = list(dict.fromkeys((urljoin(page_url, d.prefix), d.suffix) for code in codes for d in detail_apis(code)))
        posted = list(dict.fromkeys((urljoin(page_url, d.url), d.key) for code in codes for d in posted_detail_apis(code)))
        # a list filtered by year: asked for each year the script offers (crawler.scripted.scriptapis.offered_years)
        asked = [(code, call, {"method": call.method, "data": [list(p) for p in call.data], "item_urls": templates,
                               "json": call.json, "bare": list(call.bare),
                               "details": [list(d) for d in details[:MAX_DETAIL_APIS]],
                               "posted_details": [list(d) for d in posted[:MAX_DETAIL_APIS]]})
                 for code, call, templates in calls[:MAX_API_CALLS] for call in offered_years(code, call)]
        paged = {(call.url, call.method) for _, call, _ in asked if any(is_page_key(k) for k, _ in call.data)}
        if len(paged) > 1 and page_name:   # the API the pager pages: the one asked by the page it binds
            paged = {(call.url, call.method) for _, call, _ in asked if any(k == page_name for k, _ in call.data)}
        if pages and len(paged) == 1:   # an answer saying no count is paged by the pager's (pagers.counted_page_params)
            asked = [(code, call, {**api, "pages": pages} if (call.url, call.method) in paged else api)
                     for code, call, api in asked]
        # a list call its script fills with a department: asked for each one the script's other answers name
        fills = {code: [{"url": urljoin(page_url, call.url), "api": api, "key": call.fill.key,
                         "fields": list(call.fill.fields)} for c, call, api in asked if c == code and call.fill]
                 for code in codes}
        for code, call, api in asked:
            if call.fill is None and fills[code]:
                api = {**api, "fills": fills[code]}
            elif call.fill is not None and not call.fill.default:   # what it asks for no department is unknown
                continue
            request = self._api_request(urljoin(page_url, call.url), api, meta)
            if request is not None:
                yield request

    def _department_lists(self, response: TextResponse) -> Iterator[scrapy.Request]:
        """A department menu's answer (``crawler.scripted.deptapis``): each list call its script fills with a
        department asked once for each department the answer names, called by the department's name; at most
        ``MAX_DEPARTMENTS_PER_SITE`` a crawl."""
        try:
            answer = json.loads(json_text(response_text(response)))
        except ValueError:
            return
        meta = {k: v for k, v in response.meta.items() if k in ("hops", "subsite", "chain", "list_of", "link_text")}
        for fill in response.meta["api"]["fills"]:
            key, api = fill["key"], fill["api"]
            for department in departments(answer, fill["fields"]):
                if self._departments >= MAX_DEPARTMENTS_PER_SITE:
                    return
                filled = {**api, "data": [[k, department.key if k == key else v] for k, v in api["data"]],
                          # a JSON body's number stays one; a code that is no number is sent as a string
                          "bare": [b for b in api["bare"] if b != key or department.key.isdigit()]}
                named = {"agency_hint": department.name} if department.name else {}
                request = self._api_request(fill["url"].replace(FILL_MARK, quote(department.key, safe="")), filled, {
                    **meta, **named, "role": "page",
                    "link_text": f"{meta.get('link_text', '')} {department.name}".strip()})
                if request is not None:
                    self._departments += 1
                    yield request

    def _api_request(self, url: str, api: dict[str, Any], meta: dict[str, Any]) -> scrapy.Request | None:
        """The request for one page of an API's list; None when it was made, or is out of scope."""
        data, called = [tuple(p) for p in api["data"]], url
        if api["method"] == "GET" and data:
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(data)}"
        body = json_body(data, api.get("bare", [])) if api.get("json") else None
        key = f"{api['method']} {url} {urlencode(data) if api['method'] == 'POST' else ''}{' json' if body is not None else ''}"
        if key in self._requested or not self.scope.contains(url) or self._denied(url):
            return None
        self._requested[key] = "list"
        meta = {**meta, "api": api, "api_url": called}   # the call's own address: its later pages' too
        if body is not None:   # as the script sends it: an API reading a JSON body refuses a form
            return JsonRequest(url, method="POST", data=body, callback=self.parse_page, errback=self.on_error,
                               priority=LIST_PAGE_PRIORITY, meta=meta)
        if api["method"] == "POST":
            return scrapy.FormRequest(url, formdata=data, callback=self.parse_page, errback=self.on_error,
                                      priority=LIST_PAGE_PRIORITY, meta=meta)
        return scrapy.Request(url, callback=self.parse_page, errback=self.on_error, priority=LIST_PAGE_PRIORITY,
                              meta=meta)


def _file_name(url: str) -> str:
    """The last segment of an address's path (a bundle's file: index.6e5f4a3b.js)."""
    return urlsplit(url).path.rsplit("/", 1)[-1]

"""A site's own search engine (站内搜索), asked for its reports: a way in that does not depend on how the
site's navigation is built.

Nearly every government portal has a search box: a GET form on its own host (TRS ``/was5/web/search?searchword=``,
Hanweb ``/jsearchfront/search.do?websiteid=…&q=``, ``/search/index.html?keyword=``), a POST form, a form that
sends the words to the province's unified search on another host (``so.….gov.cn/s?siteCode=…&qt=…``), or a
button whose script opens ``'/search.jsp?q=' + encodeURIComponent(v)``. Searching the words of ``TERMS`` lists
the site's reports on server-rendered result pages, with a 下一页 link.

- ``search_forms`` finds the boxes of a home page (the portal's and its sub-sites': ``SiteSearch.read_home``);
- ``SiteSearch`` asks each (at most ``MAX_ENDPOINTS``) for each term (``TERMS``), up to ``MAX_RESULT_PAGES``
  result pages a term, one page after the other: a page listing nothing that looks like a report ends the term,
  an answer that is no page (an error, a captcha, a file, more than ``MAX_RESULT_BYTES``) ends the box's search.
  So a search costs at most ``MAX_ENDPOINTS * len(TERMS) * MAX_RESULT_PAGES`` requests, each within
  ``SEARCH_TIMEOUT``, and a box that answers nothing useful one or two;
- a result page listing no report whose inline scripts (at most ``crawler.spiders.search.MAX_SEARCH_SCRIPTS``)
  ask a JSON API with the words under a search key (``$.ajax({url: "/search/api", data: {q: q, page: page}})``, read by
  ``crawler.scripted.scriptapis``; the words are the ones the page's address carries) is drawn by a script: that API
  is asked instead, as the script asks it (a query, a form, a JSON body), and its answers are the term's result
  pages (their results: title, url), the next one the same call with its page key one more (a pager of
  ``goPage(2)`` asks no more than that), within the same bounds, on the box's host only;
- a result page whose inline scripts ask no such API may keep that script in a file of its own (``<script
  src="/search/js/search.js">``): its own script files on the box's host, not a library
  (``crawler.scripted.bundles``), one named for searching first, at most ``MAX_SCRIPT_FILES`` a box, are read one
  after the other and kept for the box's other terms; the API the first names is asked as an inline script's
  would be;
- what a result page links is judged by the spider as any page's links are (a report only by its title, a
  result outside the site's scope never followed: a unified search lists other cities' reports too).

Result requests obey robots.txt (search URLs are often disallowed: then nothing is asked). Only the box's own
host may lie outside the site's scope, and then only a government host; Scrapy's robots.txt middleware cannot
read such a host's robots.txt (its request is dropped as off-site), so ``SiteSearch`` reads it first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import scrapy
from protego import Protego
from scrapy.http import JsonRequest

from crawler.pages.links import Link, form_fields
from crawler.scripted.scriptapis import PAGE_KEY, SEARCH_KEY, ApiCall, api_calls, json_body
from crawler.steering.classify import classify_title
from crawler.transport.robots import within_limit
from gxparse.normalize import squash

# What is searched for, in order: the report's full name, then the short one (信息公开年报) that titles like
# "…政府信息公开年报" carry and an engine matching every word of the first would miss.
TERMS = ("政府信息公开工作年度报告", "信息公开年报")
MAX_ENDPOINTS = 3          # search boxes asked per site (a portal's, a county's, the province's …)
MAX_RESULT_PAGES = 5       # result pages read per term: the engine ranks the reports first
MAX_RESULT_BYTES = 2 * 1024 * 1024   # a result page is a list of links; more is no result page
MAX_SCRIPT_FILES = 2       # a result page's own script files read a box (its search.js), each within MAX_RESULT_BYTES
SEARCH_TIMEOUT = 20        # seconds: a search engine that slow holds nothing up
# Words of a form (its action, class, id, name, placeholder, button) that say it is a search box; not 查询, which
# 办件查询 and 依申请 progress forms say too.
_SEARCH_WORDS = re.compile(r"search|sousuo|jsearch|was5|jrobot|检索|搜索", re.IGNORECASE)
# A script that opens the search page with the words appended: window.open('/search.jsp?q=' + …).
_SCRIPT_SEARCH = re.compile(r"""(?:window\.open|location\.assign|location(?:\.href)?\s*=)\s*\(?\s*(["'])"""
                            r"""([^"'\s<>]{1,200}?[?&]([A-Za-z_][\w.]*)=)\1\s*\+""")
_NEXT = re.compile(r"^(?:下一页|下页|>|›|»|next)$", re.IGNORECASE)
_TEXT_TYPES = ("text", "search", "")
# Every search request: the box may send to another host (a province's unified search), that request alone goes
# there; an error is not retried; a page too large or too slow is no result page.
_META = {"role": "search", "allow_offsite": True, "dont_retry": True, "download_maxsize": MAX_RESULT_BYTES,
         "download_timeout": SEARCH_TIMEOUT}


@dataclass(frozen=True)
class SearchForm:
    """A search box: where it sends, how, the other fields it sends as a browser does, and the words' field."""

    url: str
    method: str                              # GET | POST
    fields: tuple[tuple[str, str], ...]      # the form's other fields, in order
    query: str                               # the field the words go in
    # The page's: a GBK site reads its words in GBK. Not part of what the box is: a GBK sub-site's copy of its
    # portal's box is the same box.
    encoding: str = field(default="utf-8", compare=False)

    def request_for(self, term: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """(URL, POST fields) of the first result page for ``term``; the fields are () for a GET."""
        fields = (*self.fields, (self.query, term))
        if self.method == "POST":
            return self.url, fields
        return urlsplit(self.url)._replace(query=urlencode(fields, encoding=self.encoding)).geturl(), ()


@dataclass(frozen=True)
class SearchStep:
    """Where a search stands: which box, which term, which result page (carried by the request); page 0 is the
    robots.txt of a box on a host outside the site's scope. ``api``: the JSON API a script-drawn result page
    asks (its address absolute, its data the term's first page), whose answers are then the result pages."""

    endpoint: int
    term: int = 0
    page: int = 1
    api: ApiCall | None = None


@dataclass
class SiteSearch:
    """The site's search boxes and what has been asked of them; ``files``: the code of each box's result page's
    own script files (read once, for every term)."""

    endpoints: list[SearchForm] = field(default_factory=list)
    asked: set[str] = field(default_factory=set)
    files: dict[int, list[str]] = field(default_factory=dict)

    def read_home(self, root, page_url: str, encoding: str, allowed: Callable[[str], bool]) -> None:
        """Keep the search boxes of a home page whose address ``allowed`` admits (the site's, or a government
        host's: a province's unified search), up to ``MAX_ENDPOINTS``, each once."""
        for form in search_forms(root, page_url, encoding):
            if len(self.endpoints) >= MAX_ENDPOINTS:
                return
            if form not in self.endpoints and allowed(form.url):
                self.endpoints.append(form)

    def first_requests(self, in_scope: Callable[[str], bool], callback: Callable,
                       errback: Callable) -> list[scrapy.Request]:
        """The first result page of the first term for every box; for a box on a host outside the site's scope,
        that host's robots.txt first."""
        requests = []
        for k, form in enumerate(self.endpoints):
            if in_scope(form.url):
                request = self.request(SearchStep(k), callback, errback)
            else:
                parts = urlsplit(form.url)
                request = scrapy.Request(f"{parts.scheme}://{parts.netloc}/robots.txt", callback=callback,
                                         errback=errback, meta={**_META, "search": SearchStep(k, page=0),
                                                                "dont_obey_robotstxt": True,
                                                                "handle_httpstatus_all": True})
            if request is not None:
                requests.append(request)
        return requests

    def after_robots(self, step: SearchStep, status: int, body: bytes, user_agent: str, callback: Callable,
                     errback: Callable) -> scrapy.Request | None:
        """The box's first request, when its host's robots.txt allows it (as Scrapy reads one: none, 4xx, is
        no rule; a server error forbids)."""
        if status >= 500:
            return None
        rules = Protego.parse(within_limit(body).decode("utf-8", "replace") if status == 200 else "")
        url, _ = self.endpoints[step.endpoint].request_for(TERMS[0])
        return self.request(SearchStep(step.endpoint), callback, errback) if rules.can_fetch(url, user_agent) else None

    def after(self, step: SearchStep, links: list[Link], page_url: str, callback: Callable,
              errback: Callable) -> scrapy.Request | None:
        """What to ask after a result page: its next page while it lists reports (within ``MAX_RESULT_PAGES``),
        else the next term's first page."""
        listed = any(classify_title(link.text).worth_fetching for link in links)
        if step.api is not None:
            following = None
            if listed and step.page < MAX_RESULT_PAGES and (api := _api_page(step.api, step.page + 1)) is not None:
                following = self.api_request(SearchStep(step.endpoint, step.term, step.page + 1, api), callback, errback)
            if following is not None:
                return following
        else:
            following = next_page(links, page_url) if listed and step.page < MAX_RESULT_PAGES else None
            if following is not None and (request := self.request(SearchStep(step.endpoint, step.term, step.page + 1),
                                                                  callback, errback, following)) is not None:
                return request
        if step.term + 1 < len(TERMS):
            return self.request(SearchStep(step.endpoint, step.term + 1), callback, errback)
        return None

    def request(self, step: SearchStep, callback: Callable, errback: Callable,
                url: str | None = None) -> scrapy.Request | None:
        """A result page's request (the first page of the step's term, unless ``url`` names a later one); None
        when it was asked before."""
        form = self.endpoints[step.endpoint]
        data: tuple[tuple[str, str], ...] = ()
        if url is None:
            url, data = form.request_for(TERMS[step.term])
        key = f"{url} {urlencode(data)}"
        if key in self.asked:
            return None
        self.asked.add(key)
        meta = {**_META, "search": step}
        if data:
            return scrapy.FormRequest(url, formdata=data, encoding=form.encoding, callback=callback,
                                      errback=errback, meta=meta)
        return scrapy.Request(url, callback=callback, errback=errback, meta=meta, encoding=form.encoding)


    def script_request(self, step: SearchStep, codes: list[str], page_url: str, callback: Callable,
                       errback: Callable) -> scrapy.Request | None:
        """The first answer of the JSON API a result page's scripts ask with the step's term (the first call
        sending a search key: ``$.ajax({url: "/search/api", data: {q: q, page: page}})``), when the page draws
        its results so; None when no script does, or it was asked before."""
        term = TERMS[step.term]
        call = next((c for code in codes for c in api_calls(code, term)
                     if any(SEARCH_KEY.match(k) and v == term for k, v in c.data)), None)
        if call is None:
            return None
        api = call._replace(url=urljoin(page_url, call.url).split("#")[0])
        return self.api_request(SearchStep(step.endpoint, step.term, 1, api), callback, errback)

    def script_file_request(self, step: SearchStep, files: list[str], page_url: str, callback: Callable,
                            errback: Callable) -> scrapy.Request | None:
        """The first of a result page's own script files not read yet (at most ``MAX_SCRIPT_FILES`` a box, on the
        box's host), carrying the rest; None when there is none. The box's later terms read them too."""
        read = self.files.setdefault(step.endpoint, [])
        host = urlsplit(self.endpoints[step.endpoint].url).netloc
        files = [f for f in files if urlsplit(f).netloc == host and f not in self.asked]
        files.sort(key=lambda f: not _SEARCH_WORDS.search(urlsplit(f).path.rsplit("/", 1)[-1]))   # search.js first
        if not files or len(read) >= MAX_SCRIPT_FILES:
            return None
        self.asked.add(files[0])
        return scrapy.Request(files[0], callback=callback, errback=errback,
                              meta={**_META, "search": step, "search_page": page_url,
                                    "files_left": files[1:MAX_SCRIPT_FILES - len(read)]})

    def read_script_file(self, step: SearchStep, code: str) -> None:
        """Keep a result page's script file for the box's terms (within ``MAX_SCRIPT_FILES``)."""
        read = self.files.setdefault(step.endpoint, [])
        if len(read) < MAX_SCRIPT_FILES and len(code) <= MAX_RESULT_BYTES:
            read.append(code)

    def api_request(self, step: SearchStep, callback: Callable, errback: Callable) -> scrapy.Request | None:
        """A request of the step's API, as its script sends it (a query, a form, a JSON body); None when it was
        asked before or its host is not the box's."""
        api = step.api
        if urlsplit(api.url).netloc != urlsplit(self.endpoints[step.endpoint].url).netloc:
            return None
        url = api.url
        if api.method == "GET" and api.data:
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(api.data)}"
        key = f"{api.method} {url} {urlencode(api.data) if api.method == 'POST' else ''}"
        if key in self.asked:
            return None
        self.asked.add(key)
        meta = {**_META, "search": step}
        if api.method == "POST" and api.json:
            return JsonRequest(url, method="POST", data=json_body(list(api.data), list(api.bare)), callback=callback,
                               errback=errback, meta=meta)
        if api.method == "POST":
            return scrapy.FormRequest(url, formdata=api.data, callback=callback, errback=errback, meta=meta)
        return scrapy.Request(url, callback=callback, errback=errback, meta=meta)


def _api_page(api: ApiCall, page: int) -> ApiCall | None:
    """The API call asking for result page ``page`` (its page key, not a size, set); None when it has none."""
    keys = [k for k, v in api.data if PAGE_KEY.search(k) and "size" not in k.lower() and v.isdigit()]
    if not keys:
        return None
    return api._replace(data=tuple((k, str(page) if k == keys[0] else v) for k, v in api.data))


def search_forms(root, page_url: str, encoding: str = "utf-8") -> list[SearchForm]:
    """The search boxes of a parsed page: its search forms, then the searches its scripts open."""
    base = root.xpath("//base/@href")
    base_url = urljoin(page_url, base[0].strip()) if base else page_url
    found = [f for form in root.iter("form") if (f := _parse_form(form, base_url, encoding))]
    return list(dict.fromkeys(found + _parse_script_searches(root, base_url, encoding)))


def next_page(links: list[Link], page_url: str) -> str | None:
    """The result page after this one: a 下一页 link to the same search (host and path)."""
    here = urlsplit(page_url)
    for link in links:
        target = urlsplit(link.url)
        if _NEXT.match(squash(link.text)) and target[:3] == here[:3] and link.url != page_url:
            return link.url
    return None


def _parse_form(form, base_url: str, encoding: str) -> SearchForm | None:
    """A form that is a search box: one text field, named as search fields are or in a form that says it
    searches; not a login or a message form."""
    if form.xpath(".//input[@type='password'] | .//textarea"):
        return None
    texts = [i for i in form.iter("input") if (i.get("type") or "").lower() in _TEXT_TYPES and i.get("name")]
    if len(texts) != 1:
        return None
    box = texts[0]
    said = " ".join([form.get("action") or "", form.get("class") or "", form.get("id") or "", form.get("name") or "",
                     box.get("placeholder") or "", *form.xpath(".//button//text() | .//input[@type='submit']/@value")])
    if not (SEARCH_KEY.match(box.get("name")) or _SEARCH_WORDS.search(said)):
        return None
    action = urljoin(base_url, (form.get("action") or "").strip() or base_url).split("#")[0]
    if not action.startswith(("http://", "https://")):
        return None
    method = "POST" if (form.get("method") or "get").strip().lower() == "post" else "GET"
    fields = tuple(form_fields(form, box))   # all a browser sends, but the words' own field
    charset = (form.get("accept-charset") or "").split(",")[0].strip() or encoding
    return SearchForm(action, method, fields, box.get("name"), charset)


def _parse_script_searches(root, base_url: str, encoding: str) -> list[SearchForm]:
    """Search buttons whose script opens the result page with the words appended in a search field
    (``window.open('/search.jsp?siteid=3&q=' + encodeURIComponent(v))``)."""
    code = root.xpath("//script[not(@src)]/text() | //@onclick"
                      " | //@href[starts-with(normalize-space(.), 'javascript:')]")
    found = []
    for match in (m for text in code for m in _SCRIPT_SEARCH.finditer(text)):
        template, name = match.group(2), match.group(3)
        url = urljoin(base_url, template)
        if not url.startswith(("http://", "https://")) or not SEARCH_KEY.match(name):
            continue   # a pager's or an article's address the script completes (?page=, ?id=), even on a search
        parts = urlsplit(url)
        fields = tuple((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != name)
        found.append(SearchForm(parts._replace(query="").geturl(), "GET", fields, name, encoding))
    return found

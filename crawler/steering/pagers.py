"""The other pages of a list: pager links, TRS ``createPageHTML`` scripts and Hanweb/JCMS data-proxy pages.

A pager link is one that leads to another page *of the same list*: the same path with another value of a
page-like query key (``?page=3``, ``pageNo``, ``startrecord``), or a page of the same folder numbered like
this one (``index_3.html``, ``list_3.shtml``, ``3.html``; ``2.html`` or ``list_12_2.html`` beside ``index.html``
when a pager's label says so, as PHPCMS and DedeCMS number them; ``category-3_2.html`` after the first page's own
name ``category-3.html``, as Z-Blog names them; ``12_2.html`` after SiteServer's channel ``12.html``; 博达's
``ndbg/3.htm`` in the folder named after the first page ``ndbg.htm``; a folder's index file as the folder's page,
EmpireCMS's ``ListInfo/index.php?page=1&classid=12`` after ``ListInfo/?classid=12``), or a blog
engine's ``page/N/`` segment after the list's own path (WordPress's ``/category/ndbg/page/2/``), or the number alone
(Typecho's ``/category/ndbg/2/``). A record count carried in the pager's links only (DedeCMS's ``&TotalResult=8``)
makes no other list. A calendar's ``?date=2024-03-05`` or a link elsewhere with the text "3" is not one.

- TRS WCM writes its pager as a script, the only trace of the page count:
  ``createPageHTML(4, 0, "index", "html")``, or with a target element first
  ``createPageHTML('page_div', 4, 1, 'list', 'shtml', 68)``, or with variables (``var countPage = 4``). The
  first page is ``index.html``; the others are ``index_1.html`` … ``index_3.html`` when the first page calls
  itself page 0, ``list_2.shtml`` … ``list_4.shtml`` when it calls itself page 1. All in the current folder.
  A site whose call sits in a script file of its own (``<script src="page.js">``) declares it in the page
  alone: ``var totalPage = 3; var currentPage = 0;``, hidden fields (``<input type="hidden" id="countPage"
  value="3">``) or the pager's ``data-total-page``/``data-current-page``, its pages named after the page's own file.
- A 跳转 script that clamps the page asked to the last (``PageIndex > 12 ? 12 : PageIndex``), where no pager states
  the count: the pages of the address it writes around the page (``pagerfunctions.clamped_pages``).
- Hanweb/JCMS keep page 1 in ``<datastore>`` and serve the rest from a data proxy
  (``/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15&columnid=…``); the proxy URL is
  in the page (``<nextgroup>``, or the unit's script) with the record count (``totalRecord``/``<totalrecord>``)
  and the page size (``perpage``).
- A pager drawn by a script: its links call a function with the page number (``onclick="goPage(2)"``,
  ``href="javascript:toPage(3)"``), which appends it to a URL the page's script writes before a page key
  (``location.href = '…&pageIndex=' + n``), then what the script writes after it (``+ '&cid=12'``).
- A 加载更多 button that names the next page (``data-page="2"``, and the last in ``data-pages``, or in
  ``data-total`` where the page's script compares a page with it; ``data-total`` divided by a size in the script
  counts records of that size, else it is unread: the next page only) and a script that writes the URL around a
  page-named variable (``'/list/29_' + page + '.html'``): its later pages; one
  naming the next page's address whole (``data-next="?page=2&ajax=1"``): that page, and in each fragment it
  loads the next button's.
- ASP.NET WebForms pagers (AspNetPager, GridView) are links to ``__doPostBack('ctl00$…$AspNetPager1','2')``
  (or ``'Page$2'``): the page's form posted back with that event target and argument, its ``__VIEWSTATE`` as
  it is. The spider posts the form once per later page (``postback_pages``).
- Platforms drawn by scripts (gkmlpt and its kind) answer each page of a list in JSON with its record count and
  page size; the other pages differ from the URL asked in its page key (``?page=2``), or, for an API paged by record
  offset (bootstrap-table's server side: ``offset=0&limit=10``), in the offset of each page's first record
  (``offset=10``). An API paged by cursor names only the next page, by a token its answer gives
  (``{"data": {"items": […], "nextToken": "b2Zm…"}}``, "" or none on the last): the same request with that token,
  at most ``MAX_CURSOR_PAGES`` in a row.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from crawler.scripted.jsonlinks import MAX_ANSWER_CHARS
from crawler.scripted.scriptapis import OFFSET_KEY
from crawler.pages.elementtext import LeadingText
from crawler.pages.links import page_fields
from crawler.pages.scriptcalls import PAGE_EXTENSION, writes_form_action
from crawler.steering.pagerfunctions import (assigned_number, clamped_pages, field_value, looped_pages,
                                             pager_functions)
from gxparse.normalize import squash

# Blog engines' pagers too: Z-Blog's ‹‹ ››, WordPress themes' older/newer links (« 较早文章, 较新的文章 », Older posts),
# Typecho's « 前一页 / 后一页 »; any pager word may stand between arrows (下一页 », « 上一页, 下一页>>) or in brackets
# (old ASP and JSP pagers' [首页] [上一页] [下一页] [尾页], [2]).
_PAGER_TEXT = re.compile(r"^(?:[«‹←<>»›→]{1,2}|[«‹←<]*\s*[\[【]?\s*(?:下一页|下页|尾页|末页|最后一?页|上一页|上页|首页|第一页|"
                         r"前一?页|后一?页|第?\d{1,4}页?|next|prev(?:ious)?|last|first|"
                         r"(?:较早|较新|更早|更新|早期|较旧)的?(?:文章|日志|条目)|(?:older|newer)\s+(?:posts|entries))"
                         r"\s*[\]】]?\s*[»›→>]*)$", re.IGNORECASE)
# A link that loads the list's next page into it (<a class="jzgd" href="ndbg_2.shtml">加载更多</a>): a pager's, when
# its address is the list's next page by the rules of a pager's addresses. 查看更多 leads to a whole column instead.
_LOAD_MORE_LABEL = re.compile(r"^(?:点击)?加载更多|^load\s*more", re.IGNORECASE)
# ``current``: the page of MyBatis-Plus's Page, which many Java CMSs' list APIs take (current=1&size=15).
_PAGE_KEY = re.compile(r"page|^(?:p|pn|pg|pi|cp|no|num|start|startrecord|endrecord|offset|skip|index|curr?|current)$",
                       re.IGNORECASE)
# The list's record count, which some pagers carry in every link but the first page's address (DedeCMS's dynamic
# list.php?tid=12&TotalResult=8&PageNo=2): no other list for it.
_COUNT_KEY = re.compile(r"^(?:total\w{0,12}|\w{0,12}count|recordcount|records?)$", re.IGNORECASE)
# Pages' names: .shtml, JEECMS .jhtml/.jspx, .do and .action of Java CMSs too; a stem may be words joined by _ or -
# (xxgk_list.html, xxgk_list_1.html), after a column's number (3011002_list_2.html); it may carry the column's id
# before the page number (DedeCMS's list_12_2.html, PHPCMS's list-12-2.html, more_newlist_14_2.html), or be the
# column's number alone (SiteServer's channel 12.html, its later pages 12_2.html).
_NUMBERED_FILE = re.compile(r"^(?P<stem>(?:\d{1,9}[_-](?=[a-z]))?[a-z]*?(?:[_-][a-z]+)*(?P<column>[_-]\d{1,9}(?=[_-]\d))?"
                            r"|\d{1,9}(?=[_-]\d))[_-]?(?P<n>\d*)\.(?P<ext>[sj]?html?|jspx?|php|aspx?|do|action)$",
                            re.IGNORECASE)
# 博达 (VSB) names a list's later pages by number in a folder named after its first page (ndbg.htm, then ndbg/5.htm,
# ndbg/4.htm … ndbg/1.htm, the last): believed from a pager's label only; ndbg/2024.htm is a year's.
_OWN_FOLDER_PAGE = re.compile(r"^(?!(?:19|20)\d\d\.)[1-9]\d{0,4}\.(?P<ext>s?html?)$")
# A folder's index file is the folder's page (EmpireCMS's list /e/action/ListInfo/?classid=12, its later pages
# /e/action/ListInfo/index.php?page=1&classid=12).
_INDEX_FILE = re.compile(r"/index\.(?:php|jsp|aspx?|s?html?)$", re.IGNORECASE)
# A blog engine's later pages, a path segment after the list's own path: WordPress's /category/ndbg/page/2/, or
# the number alone (Typecho's, Pelican's /category/ndbg/2/) — never after a numbered folder (a date archive's
# /2024/3/) nor a year's number (/2023/).
_PAGE_SEGMENT = re.compile(r"^(?P<list>.*?/)(?:page/(?P<n>\d{1,4})|(?P<bare>[1-9]\d{0,2}))/?$")
_NUMBERED_FOLDER = re.compile(r"(?:^|/)\d+/$")
# A list entered at its folder (/zhengce/xxgk/) shows a file its address does not name (gov.cn's home.htm, its later
# pages home_1.htm …): its pager is a run of at least FOLDER_PAGER_RUN numbered files of one stem, one of them under
# a word for the next or last page (下一页, 尾页). One file under a pager's label is no evidence: a box beside the
# list may number another column's pages, a DedeCMS column's list_2.html.
FOLDER_PAGER_RUN = 2
# The file a server answers for a folder (/ndbg/ is /ndbg/index.html): the stems of the files of its page 1
_FOLDER_PAGE = re.compile(r"^(?:index|default|home|list)$", re.IGNORECASE)
_LATER_PAGE_WORD = re.compile(r"下一?页|后一?页|尾页|末页|最后一?页|next|last", re.IGNORECASE)
# Every run bounded: a page is read as often as it is long (an unbounded run tried from each occurrence is quadratic).
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^)]{0,500})\)")
_CREATE_PAGE_TRIED = 20      # occurrences of createPageHTML read (its definition, then its call)
# The page count and the current page a page declares for its pager script (page.js) to draw the links from: in a
# variable (var countPage = 12), a hidden field (<input type="hidden" id="countPage" value="12">) or a data-
# attribute of the pager (data-total-page="12" data-current-page="1"; not data-total, which may count records).
# A field is read from the parsed page (links.page_fields).


@dataclass(frozen=True)
class _Declaration:
    """Where a page declares one of its pager's numbers: a variable, a hidden field or a data- attribute."""

    variable: re.Pattern[str]
    field: re.Pattern[str]
    data: re.Pattern[str]

    def number(self, html: str, fields: Mapping[str, str]) -> int | None:
        found = self.variable.search(html) or self.data.search(html)
        if found:
            return _first_number(found)
        return field_value(fields, self.field)


def _declared(names: str, data_names: str) -> _Declaration:
    return _Declaration(re.compile(rf"""(?<![\w$.]){names}\s*=\s*['"]?(\d{{1,4}})\b"""),
                        re.compile(names),
                        re.compile(rf"""\bdata-{data_names}\s*=\s*["']?(\d{{1,4}})\b"""))


_DECLARED_COUNT = _declared("(?:totalPages?|countPage|pageCount|pageTotal)",
                            "(?:total-?pages?|page-?count|count-?page|page-?total|pages)")
_DECLARED_CURRENT = _declared("(?:currentPage|curPage|currPage|nowPage)", "(?:current|curr?)-?page")
# A list entered at its folder (/zfwj/jinqixxgk/) names its first page's file in its pager script alone (邯郸's
# document.write("<a href=\"index.html\">首页</a>")): the later pages it declares are numbered after that file.
_FOLDER_FIRST_PAGE = re.compile(r"""(?<![\w/.%-])((?:index|default|home|list)\.s?html?)(?=\\?["'])""", re.IGNORECASE)
_ARGUMENT = re.compile(r"""\s*(?:(["'])(?P<string>[^"']*)\1|(?P<number>-?\d+)|(?P<name>[A-Za-z_$][\w$.]*))\s*""")
# A page count computed from a record count and a page size (createPage('p', Math.ceil(totalCount / pageSize), 1, …))
_CEILING = re.compile(r"\s*Math\s*\.\s*ceil\s*\(\s*(?P<records>[\w$.]+)\s*/\s*(?P<size>[\w$.]+)\s*\)\s*")
_PROXY_WORD = "dataproxy.jsp"
_PROXY_URL_CHARS = 1000      # either side of its name: found from where the name is, never tried from every character
_PROXY_URL = re.compile(rf"""[^"'\s<>()]{{0,{_PROXY_URL_CHARS}}}dataproxy\.jsp[^"'\s<>()]{{0,{_PROXY_URL_CHARS}}}""")
_TOTAL_RECORDS = re.compile(r"<totalrecord>\s*(\d+)|totalRecord\w*\s*[:=]\s*['\"]?(\d+)", re.IGNORECASE)
_PER_PAGE = re.compile(r"perpage\s*[:=]\s*['\"]?(\d+)", re.IGNORECASE)
# The parameters a Hanweb data proxy needs, when the page gives them in the unit's script, not in a URL.
_PROXY_PARAM = re.compile(r"\b(col|appid|webid|path|columnid|sourceContentType|unitid|webname|permissiontype)"
                          r"\s*[:=]\s*['\"]?([^'\",}\s&]+)")
# A cursor the request carries (nextToken, pageToken, cursor) and the answer's token for the next page (nextToken,
# nextPageToken, nextCursor, or the request's own key).
_CURSOR_KEY = re.compile(r"^(?:next)?(?:page)?(?:token|cursor)$", re.IGNORECASE)
_NEXT_CURSOR_KEY = re.compile(r"^next(?:page)?(?:token|cursor)$", re.IGNORECASE)
MAX_CURSOR_CHARS = 500      # a token longer than this is no cursor a list is asked by
MAX_CURSOR_PAGES = 100      # pages of a cursor-paged list asked in a row: an answer always naming another is a trap
_JSON_COUNT_KEYS = {
    "total": ("total", "totalcount", "totalrecord", "totalrecords", "totalelements", "recordcount", "totalnum",
              "totalsize", "count"),
    # TRS WAS5 names its page size prepage (``/was5/web/search?…&prepage=15&page=1``)
    "size": ("pagesize", "size", "perpage", "prepage", "rows", "limit"),
    "pages": ("totalpage", "totalpages", "pagecount", "pages", "pagetotal"),
}
# A pager link's call with the page number (goPage(2), javascript:toPage('3')), and a URL a script writes up to
# a key's value followed by what it appends ('/list?catId=8801&pageIndex=' + n).
_PAGE_CALL = re.compile(r"^\s*(?:javascript:)?\s*[A-Za-z_$][\w$.]*\(\s*['\"]?(\d{1,4})['\"]?\s*\)\s*;?\s*$")
_MORE_ADDRESS = re.compile(r"^\s*(?:https?://|/|\./|\.\./|\?|[\w-]+[/.?])[^\s<>\"'{}]{0,300}\s*$")
_MORE_TEXT = re.compile(r"^(?:点击)?(?:加载|查看|显示)更多|^load\s*more", re.IGNORECASE)
# '/list/29_' + page + '.html': a URL written around a variable (the variable's name says it is the page).
_URL_AROUND_VARIABLE = re.compile(r"""(["'])((?:https?://|/|\./|\.\./)[^"'\s<>]{0,300})\1\s*\+\s*([A-Za-z_$][\w$]*)"""
                                  r"""(?:\s*\+\s*(["'])([^"'\s<>]{0,100})\4)?""")
# A URL a script writes up to a page key's value, and what it writes after the number when the key is not the last
# ('list.jsp?pageNo=' + n + '&cid=12').
_URL_BEFORE_PAGE = re.compile(r"""(["'])([^"'\s<>]*[?&]([A-Za-z_]\w*)=)\1\s*\+"""
                              r"""(?:\s*[A-Za-z_$][\w$]*\s*\+\s*(["'])([^"'\s<>]{0,300})\4)?""")
MAX_GENERATED_PAGES = 500   # a script claiming more pages than this is not believed beyond it
MAX_POSTED_PAGES = 100      # a POST per page (a postback, an API's form or JSON body): fewer than a static pager may claim
# characters of a form posted once per page, as sent (ASP.NET's __VIEWSTATE of a list is 5–100 KB): a form of 100,000
# fields (3 MB) posted for each of MAX_POSTED_PAGES pages held 300 MB of bodies, and as many of keys, for a crawl
MAX_POSTED_FORM = 300_000
MAX_BUTTON_SCRIPT_CHARS = 200_000   # a page's inline scripts read for what a 加载更多 button's data-total counts
_TOTAL_PAGES = re.compile(r"共\s*(\d{1,4})\s*页")
_TOTAL_PAGES_ELSEWHERE = re.compile(r"第?\s*\d{1,4}\s*/\s*(\d{1,4})\s*页")
_POSTBACK = re.compile(r"""__doPostBack\(\s*['"]([^'"]{1,200})['"]\s*,\s*['"]((?:Page\$)?)(\d{1,4})['"]\s*\)""")


def is_pager_text(text: str) -> bool:
    """``text`` is what a pager's link or button says (下一页, 尾页, 3, »)."""
    return bool(_PAGER_TEXT.match(squash(text)))


def is_pager_link(text: str, url: str, page_url: str) -> bool:
    """The link leads to another page of the list ``page_url`` is a page of."""
    label = squash(text)
    if label and not (_PAGER_TEXT.match(label) or _LOAD_MORE_LABEL.match(label)):
        return False
    target, page = urlsplit(url), urlsplit(page_url)
    if target.netloc != page.netloc or url == page_url:
        return False
    if _INDEX_FILE.sub("/", target.path) == _INDEX_FILE.sub("/", page.path):
        return not is_first_page_again(url, page_url, label) and _only_page_keys_differ(target.query, page.query, label)
    if (segment := _page_segment(target.path)) and target.query == page.query:
        return _list_path(page.path) == segment
    if _in_own_folder(target.path, page.path) and target.query == page.query:
        return bool(label)
    if posixpath.dirname(target.path) != posixpath.dirname(page.path):
        return False
    mine, theirs = _NUMBERED_FILE.match(posixpath.basename(page.path) or "index.html"), \
        _NUMBERED_FILE.match(posixpath.basename(target.path))
    if not (mine and theirs and theirs.group("n")):
        return False
    # PHPCMS numbers a list's later pages alone (2.html beside index.html), DedeCMS after the column's id
    # (list_12_2.html beside index.html): believed from a pager's label only.
    after_index = bool(label) and (not theirs.group("stem") or bool(theirs.group("column"))) \
        and mine.group("stem").lower() == "index" and not mine.group("n")
    # Z-Blog names a list's first page after its column (category-3.html), SiteServer after the channel's number
    # (12.html), the later ones after that name (category-3_2.html, 12_2.html): believed from a pager's label only.
    after_own_name = bool(label) and bool(theirs.group("column") or theirs.group("stem").isdigit()) \
        and theirs.group("stem").lower() == posixpath.splitext(posixpath.basename(page.path))[0].lower()
    return after_index or after_own_name or mine.group("stem").lower() == theirs.group("stem").lower()


def _in_own_folder(path: str, page_path: str) -> bool:
    """``path`` is a numbered file in the folder named after the page's file (博达's ndbg/3.htm beside ndbg.htm)."""
    stem, ext = posixpath.splitext(page_path)
    numbered = _OWN_FOLDER_PAGE.match(posixpath.basename(path))
    return bool(ext and numbered) and posixpath.dirname(path) == stem and numbered.group("ext") == ext[1:].lower()


def folder_pager_urls(links: list[tuple[str, str]], page_url: str) -> list[str]:
    """The later pages a list entered at its folder links, from its links' (text, URL): the numbered files of the
    folder, of one stem, that its pager names (``FOLDER_PAGER_RUN``)."""
    page = urlsplit(page_url)
    if posixpath.basename(page.path):
        return []
    runs: dict[str, dict[str, bool]] = {}
    for text, url in links:
        label, target = squash(text), urlsplit(url)
        numbered = _NUMBERED_FILE.match(posixpath.basename(target.path))
        if label and _PAGER_TEXT.match(label) and numbered and numbered.group("n") and target.netloc == page.netloc \
                and posixpath.dirname(target.path) + "/" == page.path and target.query == page.query:
            run = runs.setdefault(f"{numbered.group('stem').lower()}.{numbered.group('ext').lower()}", {})
            run[url] = run.get(url, False) or bool(_LATER_PAGE_WORD.search(label))
    return [url for run in runs.values() if len(run) >= FOLDER_PAGER_RUN and any(run.values()) for url in run]


def _page_segment(path: str) -> str | None:
    """The path of the list whose later page ``path`` is by a page segment (``…/page/2/``, ``…/2/``), else None."""
    segment = _PAGE_SEGMENT.match(path)
    if not segment or segment.group("bare") and (segment.group("list") == "/"
                                                 or _NUMBERED_FOLDER.search(segment.group("list"))):
        return None
    return segment.group("list")


def _list_path(path: str) -> str:
    """The path of the list a page's path is a page of: its own, or that before its page segment."""
    return _page_segment(path) or (path if path.endswith("/") else path + "/")


def is_first_page_again(url: str, page_url: str, label: str = "") -> bool:
    """``?page=1`` (or 0) linked from a page without a page number: the page itself — unless the link's label
    numbers a later page (``<a href="?classid=12&page=1">2</a>``: EmpireCMS counts a list's pages from 0)."""
    target, page = urlsplit(url), urlsplit(page_url)
    if target[:3] != page[:3] or names_later_page(label):
        return False
    mine, theirs = dict(parse_qsl(target.query, keep_blank_values=True)), dict(parse_qsl(page.query, keep_blank_values=True))
    changed = {k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k) and not _COUNT_KEY.match(k)}
    return bool(changed) and all(k not in theirs and _PAGE_KEY.search(k) and mine[k] in ("0", "1") for k in changed)


def names_page_one(url: str, first: str) -> bool:
    """``url`` is another address of page 1 of the list that began at ``first``: its numbered file of the same stem
    and extension, numbered 0 or 1 where the other is not numbered (``index_1.html`` beside ``index.html``, as
    gkmlpt and many TRS and JCMS sites name page 1 too), the folder's own file where the other is the folder
    (``index.html``, ``default.htm`` … beside ``/ndbg/``: ``_FOLDER_PAGE``), or its query's page key at 0 or 1
    (``?page=1``). TRS numbers page 2 ``index_1.html``: what such a page lists tells which it is."""
    if is_first_page_again(url, first) or is_first_page_again(first, url):
        return True
    target, page = urlsplit(url), urlsplit(first)
    if target[:2] != page[:2] or target.query != page.query \
            or posixpath.dirname(target.path) != posixpath.dirname(page.path):
        return False
    names = posixpath.basename(page.path), posixpath.basename(target.path)
    if "" in names:   # the folder, and a file in it
        numbered = _NUMBERED_FILE.match(names[0] or names[1])
        return bool(numbered and numbered.group("n") in ("", "0", "1") and _FOLDER_PAGE.match(numbered.group("stem")))
    mine, theirs = _NUMBERED_FILE.match(names[0]), _NUMBERED_FILE.match(names[1])
    return bool(mine and theirs) and {mine.group("n"), theirs.group("n")} in ({"", "0"}, {"", "1"}) \
        and mine.group("stem").lower() == theirs.group("stem").lower() \
        and mine.group("ext").lower() == theirs.group("ext").lower()


def names_later_page(label: str) -> bool:
    """A pager link's label is the number of a page after the first (2, [3], 第4页)."""
    number = re.fullmatch(r"第?\[?(\d{1,4})\]?页?", squash(label))
    return bool(number) and int(number.group(1)) >= 2


def is_start_page_again(url: str, page_url: str, first: str) -> bool:
    """A later page's link to page 1 (or 0) of its own address when the list began at another address
    (``first``): whatever asked for the later pages took ``first`` as page 1 (a Next.js page's
    ``/_next/data/…json?page=2`` answering ``page: 2`` of a list whose page 1 the HTML page holds)."""
    target, page = urlsplit(url), urlsplit(page_url)
    if target[:3] != page[:3] or target[:3] == urlsplit(first)[:3]:
        return False
    mine, theirs = dict(parse_qsl(target.query, keep_blank_values=True)), dict(parse_qsl(page.query, keep_blank_values=True))
    changed = {k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)}
    return bool(changed) and all(_PAGE_KEY.search(k) and mine.get(k) in ("0", "1") and theirs.get(k, "").isdigit()
                                 for k in changed)

def create_page_urls(html: str, page_url: str, codes: Sequence[str] = (),
                     fields: Mapping[str, str] | None = None) -> list[str]:
    """The other pages a TRS ``createPageHTML(…)`` call stands for, or a call of a pager function the page's
    scripts (``codes``: inline and its own files) define, or a loop of its scripts drawing them from the numbers
    they assign or read of the page (``crawler.steering.pagerfunctions``), or the numbers it declares for its pager
    script; ``fields`` the values
    of the page's fields (``links.page_fields`` of the parsed page), which the scripts may read.

    Many TRS pages carry the function's own definition inline, ahead of the call
    (``function createPageHTML(_nPageCount, …)``): every occurrence is tried, the first that is a call wins.
    """
    fields = fields or {}
    for _, match in zip(range(_CREATE_PAGE_TRIED), _CREATE_PAGE.finditer(html)):
        if not _is_definition(html, match):
            urls = _created_pages([_argument(a, html, fields) for a in _split_arguments(match.group(1))], page_url)
            if urls:
                return urls
    # a loop of the site's page.js drawing the pager from what the page holds (<div id="page" data-total="9">)
    return (_drawn_pages(html, page_url, codes, fields) or _looped_pages(html, page_url, fields)
            or next((pages for code in codes if (pages := _looped_pages(code, page_url, fields))), [])
            or _declared_pages(html, page_url, fields) or _clamped_pages(html, page_url))


def _is_definition(html: str, match: re.Match[str]) -> bool:
    return html[max(0, match.start() - 20):match.start()].rstrip().endswith("function")


def _drawn_pages(html: str, page_url: str, codes: Sequence[str], fields: Mapping[str, str]) -> list[str]:
    """The pages the first call of a pager function the scripts define draws (``setPage(12, 3, 'list_')``)."""
    functions = {name: pager for name, pager in pager_functions(codes).items() if name != "createPageHTML"}
    if not functions:
        return []
    # an argument may be a call itself (Math.ceil(totalCount / pageSize)): one level of parentheses
    calls = re.compile(rf"(?<![\w$.])({'|'.join(map(re.escape, functions))})\s*\(((?:[^()]|\([^()]{{0,100}}\)){{0,500}})\)")
    for _, match in zip(range(_CREATE_PAGE_TRIED), calls.finditer(html)):
        if _is_definition(html, match):
            continue
        pages = functions[match.group(1)].pages([_argument(a, html, fields) for a in _split_arguments(match.group(2))])
        urls = [url for page in pages if _is_page_address(page) and (url := urljoin(page_url, page)) != page_url]
        if urls:
            return urls
    return []


def _looped_pages(html: str, page_url: str, fields: Mapping[str, str]) -> list[str]:
    """The other pages a loop of the page's script draws with the numbers it assigns (``pagerfunctions``)."""
    urls = [urljoin(page_url, page) for page in looped_pages(html, fields) if _is_page_address(page)]
    return [url for url in dict.fromkeys(urls) if url != page_url]


def _clamped_pages(html: str, page_url: str) -> list[str]:
    """The other pages of a list whose 跳转 script clamps the page asked to the last (``pagerfunctions``), but
    another address of this page (``index.shtml`` beside the folder it was entered at)."""
    urls = [urljoin(page_url, page) for page in clamped_pages(html) if _is_page_address(page)]
    return [url for url in dict.fromkeys(urls) if url != page_url and not names_page_one(url, page_url)]


def _is_page_address(address: str) -> bool:
    """A page's address: its path ends with a page's extension, or its query names the page (?page=3)."""
    parts = urlsplit(address)
    return bool(PAGE_EXTENSION.search(parts.path)) or bool(_page_keys(parse_qsl(parts.query)))


def _declared_pages(html: str, page_url: str, fields: Mapping[str, str]) -> list[str]:
    """The other pages of a list whose pager script (``page.js``) draws them from the page count and the current
    page the page declares, numbered after the page's own file (``index.html``: ``index_1.html`` …), or, entered
    at its folder, after the first page's file its script names."""
    count, current = _DECLARED_COUNT.number(html, fields), _DECLARED_CURRENT.number(html, fields)
    file = posixpath.basename(urlsplit(page_url).path)
    if not file and (first := _FOLDER_FIRST_PAGE.search(html)):
        file = first.group(1)
    name = _NUMBERED_FILE.match(file)
    if count is None or current is None or not name or not name.group("stem"):
        return []
    return _created_pages([count, current, name.group("stem"), name.group("ext")], page_url)


def _created_pages(values: list[int | str | None], page_url: str) -> list[str]:
    numbers = [i for i, v in enumerate(values) if isinstance(v, int)]
    if len(numbers) < 2:
        return []
    count, current = min(values[numbers[0]], MAX_GENERATED_PAGES), values[numbers[1]]
    strings = [v for v in values[numbers[0]:] if isinstance(v, str)]
    prefix, suffix = strings[:2] if len(strings) >= 2 else ("index", "html")
    name = posixpath.basename(urlsplit(page_url).path)
    on_first = name in ("", f"{prefix}.{suffix}")
    if on_first and current in (0, 1):
        numbers_used = range(1 + current, count + current)
    else:  # a later page is numbered alike in both conventions: the pages both have, and the first page
        numbers_used = range(2, count)
    names = [] if on_first else [f"{prefix}.{suffix}"]   # the first page is this one (or its folder's index)
    names += [f"{prefix}_{k}.{suffix}" for k in numbers_used]
    return [urljoin(page_url, name) for name in names]


def _label(element) -> str:
    """A pager link's or button's text, read no further than ``elementtext.MAX_TEXT_CHARS``."""
    return squash(LeadingText()(element))


def _innermost(elements: list) -> list:
    """Those of the elements (in document order) holding none of the others: a button is the innermost element
    carrying its attributes, and each text is then read for one of them at most (the others, holding the
    page around it, would each convert the same text again)."""
    holding = set()
    for element in elements:
        for ancestor in element.iterancestors():
            if ancestor in holding:
                break   # its ancestors were marked with it
            holding.add(ancestor)
    return [element for element in elements if element not in holding]


def script_pager_urls(root, page_url: str) -> list[str]:
    """The pages a pager drawn by a script stands for: its links' page numbers (``onclick="goPage(2)"``) put
    after the page key of the URL the page's script writes (``'…&pageIndex=' + n``); none without both."""
    numbers = _called_pages(root)
    if not numbers:
        return []
    # a form's action is no address asked by GET: the form is posted (crawler.steering.formpagers)
    written = [(m.group(2), m.group(3), m.group(5) or "") for code in root.xpath("//script[not(@src)]/text()")
               for m in _URL_BEFORE_PAGE.finditer(code)
               if _PAGE_KEY.search(m.group(3)) and not writes_form_action(code, m.start())]
    if not written:
        return []
    prefix, key, suffix = written[0]
    current = dict(parse_qsl(urlsplit(page_url).query)).get(key)
    # The first page is where the list was entered: only the later ones are new.
    return [urljoin(page_url, f"{prefix}{n}{suffix}") for n in range(2, min(max(numbers), MAX_GENERATED_PAGES) + 1)
            if str(n) != current]


def _called_pages(root) -> set[int]:
    """The page numbers a pager's links call a function with (``onclick="goPage(2)"``, ``javascript:toPage(3)``)."""
    numbers = set()
    for anchor in root.xpath("//a[@onclick or starts-with(normalize-space(@href), 'javascript')]"):
        label = _label(anchor)
        call = _PAGE_CALL.match(anchor.get("onclick") or "") or _PAGE_CALL.match(anchor.get("href") or "")
        if call and (not label or _PAGER_TEXT.match(label)):
            numbers.add(int(call.group(1)))
    return numbers


def load_more_urls(root, page_url: str) -> list[str]:
    """The pages a 加载更多 button loads: from the page it names next (``data-page``) to the last
    (``data-pages``, or ``data-total`` as the page's script reads it; the next only without one:
    ``open_load_more``), each the URL the page's
    script writes around a page-named variable (``'/list/29_' + page + '.html'``); none without both."""
    numbers: set[int] = set()
    for first, last in _load_more_buttons(root):
        last_page = last if last is not None else first
        numbers.update(range(first, min(last_page, first + MAX_GENERATED_PAGES - 1) + 1))
    template = _load_more_template(root) if numbers else None
    if template is None:
        return []
    prefix, suffix = template
    return [urljoin(page_url, f"{prefix}{n}{suffix}") for n in sorted(numbers)]


def more_button_urls(root, page_url: str) -> list[str]:
    """The page a 加载更多 button names whole in a ``data-`` attribute (``<button class="more"
    data-next="…&page=2&ajax=1">加载更多</button>``): the list's next page, also where the button comes in a
    fragment without the script that reads it (the fragment a first press loaded); at most
    ``MAX_GENERATED_PAGES`` buttons read."""
    out = []
    for button in _innermost(root.xpath("//*[@data-next or @data-url or @data-href]"))[:MAX_GENERATED_PAGES]:
        address = next((button.get(name).strip() for name in ("data-next", "data-url", "data-href")
                        if _MORE_ADDRESS.match(button.get(name) or "")), None)
        if address and _MORE_TEXT.match(_label(button)):
            out.append(urljoin(page_url, address))
    return out


def open_load_more(root, page_url: str) -> tuple[str, str, int] | None:
    """A 加载更多 button that names no last page: the URL its pages are written in (absolute prefix, suffix)
    and the page it loads next. Only the pages themselves tell where the list ends."""
    first = min((first for first, last in _load_more_buttons(root) if last is None), default=None)
    template = _load_more_template(root) if first is not None else None
    return (urljoin(page_url, template[0]), template[1], first) if template else None


def _load_more_buttons(root) -> list[tuple[int, int | None]]:
    """Each 加载更多 button's next page and the last page it names (None when it names none): its ``data-pages``,
    or its ``data-total`` as the page's script reads it (``_total_pages``)."""
    found, code = [], None
    for button in _innermost(root.xpath("//*[@data-page or @data-pageno]"))[:MAX_GENERATED_PAGES]:
        label = _label(button)
        first = (button.get("data-page") or button.get("data-pageno") or "").strip()
        if not (_MORE_TEXT.match(label) and first.isdigit()):
            continue
        last = (button.get("data-pages") or "").strip()
        total = (button.get("data-total") or "").strip()
        if not last.isdigit() and total.isdigit():
            code = code if code is not None else \
                "\n".join(s.text or "" for s in root.iter("script"))[:MAX_BUTTON_SCRIPT_CHARS]
            found.append((int(first), _total_pages(int(total), code, page_fields(root))))
        else:
            found.append((int(first), int(last) if last.isdigit() else None))
    return found


# A page compared with a button's data-total (page >= parseInt(btn.attr("data-total")); not page * size >= …): it
# counts pages. One divided by a size (Math.ceil(btn.data("total") / 10), / pageSize): records of that size.
_TOTAL_READ = r"""(?:attr\(\s*["']data-total["']\s*\)|data\(\s*["']total["']\s*\)|dataset\.total)"""
_TOTAL_COMPARED = re.compile(rf"""(?<![*/%]\s)(?<![*/%])(?<![\w$.])[A-Za-z_$][\w$]*\s*[<>]=?\s*(?:(?:parseInt|Number)\s*\(\s*)?[\w$.]{{0,40}}(?:\(\s*(?:this|["'][^"']{{0,40}}["'])\s*\)\s*\.)?"""
                             rf"""{_TOTAL_READ}""")
_TOTAL_DIVIDED = re.compile(rf"""{_TOTAL_READ}\s*\)?\s*/\s*(?:(\d{{1,4}})|([A-Za-z_$][\w$]*))""")


def _total_pages(total: int, code: str, fields: Mapping[str, str]) -> int | None:
    """The last page a button's ``data-total`` says, as the page's ``code`` reads it: the number itself where a page
    is compared with it, records over the size it is divided by, else None (what it counts is unknown)."""
    if _TOTAL_COMPARED.search(code):
        return total
    divided = _TOTAL_DIVIDED.search(code)
    if divided is None:
        return None
    size = int(divided.group(1)) if divided.group(1) else assigned_number(divided.group(2), code, fields)
    return -(-total // size) if size else None


def _load_more_template(root) -> tuple[str, str] | None:
    """The URL the page's script writes around a page-named variable: (before it, after it)."""
    written = [(m.group(2), m.group(5) or "") for code in root.xpath("//script[not(@src)]/text()")
               for m in _URL_AROUND_VARIABLE.finditer(code)
               if _PAGE_KEY.search(m.group(3)) and "size" not in m.group(3).lower()]
    return written[0] if written else None


def postback_pages(root) -> list[tuple[str, str]]:
    """The later pages of an ASP.NET pager, as (``__EVENTTARGET``, ``__EVENTARGUMENT``) of the postback each
    needs: from page 2 to the highest page its links name (尾页 names the last), at most
    ``MAX_POSTED_PAGES``."""
    highest: dict[tuple[str, str], int] = {}
    for anchor in root.xpath("//a[contains(@href, '__doPostBack') or contains(@onclick, '__doPostBack')]"):
        label = _label(anchor)
        call = _POSTBACK.search(anchor.get("href") or "") or _POSTBACK.search(anchor.get("onclick") or "")
        if call and (not label or _PAGER_TEXT.match(label)):
            key = (call.group(1), call.group(2))
            highest[key] = max(highest.get(key, 0), int(call.group(3)))
    return [(target, f"{prefix}{n}") for (target, prefix), last in highest.items()
            for n in range(2, min(last, MAX_POSTED_PAGES) + 1)]


def proxy_page_urls(text: str, page_url: str, records_here: int) -> list[str]:
    """The data-proxy pages of a Hanweb/JCMS list after the ``records_here`` records this page holds.

    ``page_url`` is the list page (the proxy URL is then read from its text) or a proxy answer itself. With
    the record count known, every page at once; without it, the next page only (its answer leads on).
    """
    if "dataproxy" in urlsplit(page_url).path:
        proxy_url = page_url
    else:
        match = _proxy_url(text)
        if not match:
            return []
        proxy_url = urljoin(page_url, match.group(0).replace("&amp;", "&"))
    proxy = urlsplit(proxy_url)
    query = dict(parse_qsl(proxy.query, keep_blank_values=True))
    if "columnid" not in query:
        query = {**dict(_PROXY_PARAM.findall(text)), **query}
    per_page = int(query.get("perpage") or _first_int(_PER_PAGE, text) or records_here or 15)
    answer = proxy_url == page_url and "startrecord" in query
    start = int(query["startrecord"]) + per_page if answer else records_here + 1
    total = _first_int(_TOTAL_RECORDS, text)
    if total is None:
        if answer and records_here < per_page:
            return []  # an answer shorter than a page is the last one
        last = start + per_page - 1
    else:
        last = min(total, start - 1 + MAX_GENERATED_PAGES * per_page)
    params = {k: v for k, v in query.items() if k not in ("startrecord", "endrecord", "perpage", "page")}
    return [urlunsplit((proxy.scheme, proxy.netloc, proxy.path,
                        urlencode({"startrecord": first, "endrecord": first + per_page - 1, "perpage": per_page,
                                   **params}), ""))
            for first in range(start, last + 1, per_page)]


def proxy_form(page_url: str, method: str, records_here: int) -> list[tuple[str, str]] | None:
    """The form to post to a data-proxy page that answered a GET with no record, as jpage.js asks it: the
    unit's parameters (``columnid``, ``unitid``, ``webid`` …) in the body, the paging kept in the query. Some
    JCMS proxies read the unit only from a POST's body and answer a GET an empty datastore. None for any other
    answer (one with records, one already posted, no proxy's)."""
    parts = urlsplit(page_url)
    if records_here or method != "GET" or not parts.path.endswith(_PROXY_WORD):
        return None
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not any(key == "startrecord" for key, _ in query):
        return None
    form = [(key, value) for key, value in query if key not in ("startrecord", "endrecord", "perpage")]
    return form or None


def _proxy_url(text: str) -> re.Match[str] | None:
    """The data-proxy URL the text writes first: the run of URL characters around its first ``dataproxy.jsp``."""
    at = text.find(_PROXY_WORD)
    if at < 0:
        return None
    return _PROXY_URL.search(text, max(0, at - _PROXY_URL_CHARS), at + len(_PROXY_WORD) + _PROXY_URL_CHARS)


def json_page_urls(text: str, page_url: str) -> list[str]:
    """The other pages of a list an API answers in JSON, by its count and page size
    (``{"total": 45, "pageSize": 20, …}`` or ``{"totalPage": 3}``), numbered by the page key of its URL
    (``?page=1``, ``pageNo``, ``current``). None when the answer or its URL says nothing of pages."""
    parts = urlsplit(page_url)
    return [urlunsplit(parts._replace(query=urlencode(query)))
            for query in json_page_params(text, parse_qsl(parts.query, keep_blank_values=True))]


def json_page_params(text: str, params: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The parameters (of the form or JSON body a script posts) that ask an API answering ``text`` to
    ``params`` for each of the list's other pages, at most ``MAX_POSTED_PAGES``. An answer giving its record
    count only (RuoYi's ``{"total": 7, "rows": […]}``) is paged by the size the request asked for; an answer
    longer than ``MAX_ANSWER_CHARS`` is not read."""
    keys = _page_keys(params)
    if len(text) > MAX_ANSWER_CHARS or not keys:
        return []
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    counts = _json_counts(data)
    size = counts.get("size") or next((int(v) for k, v in params if v.isdigit() and int(v) > 0
                                       and re.sub(r"[_-]", "", k).lower() in _JSON_COUNT_KEYS["size"]), 0)
    pages = counts.get("pages") or (-(-counts["total"] // size) if counts.get("total") and size else 0)
    return _other_pages(params, keys[0], pages, size)


def cursor_page_params(text: str, params: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The parameters that ask an API paged by cursor for the page after the one answering ``text`` to ``params``:
    the request's cursor (``nextToken``, ``pageToken``, ``cursor``) set to the token the answer names for the next
    page, at its top or one object down; None on the last page, or when the request carries no cursor."""
    at = next((i for i, (k, _) in enumerate(params) if _CURSOR_KEY.match(re.sub(r"[_-]", "", k))), None)
    if at is None or len(text) > MAX_ANSWER_CHARS:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    key, current = params[at]
    nodes = (data, *(v for v in data.values() if isinstance(v, dict))) if isinstance(data, dict) else ()
    token = next((value for node in nodes for name, value in node.items()
                  if isinstance(value, (str, int)) and not isinstance(value, bool)
                  and (_NEXT_CURSOR_KEY.match(re.sub(r"[_-]", "", str(name))) or name == key)), None)
    if token is None or str(token) in ("", current) or len(str(token)) > MAX_CURSOR_CHARS:
        return None
    return params[:at] + [(key, str(token))] + params[at + 1:]


def full_page_params(params: list[tuple[str, str]], listed: int) -> list[tuple[str, str]] | None:
    """The parameters asking a list API for the page after the one it answered to ``params`` with ``listed``
    records and no count (新点's WebService answers a page's ``Table`` only, its count another call's): the page key
    at the next page (a record offset at the next page's first record) while the page was full, as many records as
    the size it asked for; None after a shorter page, or when the request names no page or no size."""
    keys = _page_keys(params)
    size = next((int(v) for k, v in params if v.isdigit() and int(v) > 0
                 and re.sub(r"[_-]", "", k).lower() in _JSON_COUNT_KEYS["size"]), 0)
    if not keys or not size or listed < size:
        return None
    key, current = params[keys[0]]
    after = int(current) + (size if OFFSET_KEY.match(key) else 1)
    return params[:keys[0]] + [(key, str(after))] + params[keys[0] + 1:]


def cursor_page_url(text: str, page_url: str) -> str | None:
    """The address of the page after the one a cursor-paged API answered ``text`` at ``page_url``."""
    parts = urlsplit(page_url)
    params = cursor_page_params(text, parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit(parts._replace(query=urlencode(params))) if params is not None else None


def fragment_page_urls(root, page_url: str) -> list[str]:
    """The other pages of a list asked by GET whose answer is an HTML fragment (its items and its pager, a loader
    puts in place), numbered by the page key of its URL, by the number of pages the fragment writes or the last
    its pager's links call the loader with (``fragment_total``)."""
    total = fragment_total(root) if _page_keys(parse_qsl(urlsplit(page_url).query)) else None
    return counted_page_urls(page_url, total) if total else []


def fragment_page_params(root, params: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The parameters (of the form or JSON body a script posts) that ask for each other page of a list answered
    as an HTML fragment (the list's items and its pager, a loader puts in place), by the number of pages the
    fragment writes (共2页, 第1/2页) or the last its pager's links call the loader with, at most
    ``MAX_POSTED_PAGES``."""
    total = fragment_total(root) if _page_keys(params) else None
    return counted_page_params(params, total) if total else []


def fragment_total(root) -> int | None:
    """The pages of a list a fragment holds a page of: the number it writes (共5页), else the last page its pager's
    links call a function with (河北's blocks: ``<a href="javascript:loadBlock(3)">3</a>``). The fragment holds no
    script: the function is its loader's, in the page it was loaded into, which asks the fragment's own request
    with another page (``blocks/…?page=3&fix=0``); a window of numbers (1 … 5, 下一页) widens as its pages are read."""
    return written_total(root) or max(_called_pages(root), default=None)


def counted_page_params(params: list[tuple[str, str]], pages: int) -> list[list[tuple[str, str]]]:
    """The parameters asking for each other page of a list of ``pages`` pages, by their page key (none without
    one), at most ``MAX_POSTED_PAGES``."""
    keys = _page_keys(params)
    return _other_pages(params, keys[0], pages) if keys else []


def counted_page_urls(page_url: str, pages: int) -> list[str]:
    """The other pages of a list of ``pages`` pages asked by GET at ``page_url``, by the page key of its query."""
    parts = urlsplit(page_url)
    return [urlunsplit(parts._replace(query=urlencode(query)))
            for query in counted_page_params(parse_qsl(parts.query, keep_blank_values=True), pages)]


def written_total(root) -> int | None:
    """The number of pages a page writes (共5页, 第1/5页)."""
    text = " ".join(root.itertext())
    total = _TOTAL_PAGES.search(text) or _TOTAL_PAGES_ELSEWHERE.search(text)
    return int(total.group(1)) if total else None


def is_page_key(name: str) -> bool:
    """A parameter's name says it is the page number (page, pageNo, currpage, pageNum; not pageSize, nor WAS5's
    prepage, its page's size)."""
    lowered = name.lower()
    return bool(_PAGE_KEY.search(name)) and "size" not in lowered \
        and re.sub(r"[_-]", "", lowered) not in _JSON_COUNT_KEYS["size"]


def _page_keys(params: list[tuple[str, str]]) -> list[int]:
    """Where the page number stands among the parameters (pageNo=1; not pageSize)."""
    return [i for i, (k, v) in enumerate(params) if is_page_key(k) and v.isdigit()]


def _other_pages(params: list[tuple[str, str]], index: int, pages: int,
                 size: int = 0) -> list[list[tuple[str, str]]]:
    """The parameters with the page number at ``index`` set to each other page of ``pages``, numbered from 0 when
    the current is 0, else from 1; a record offset (``offset``) set to each other page's first record, pages of
    ``size`` (none without it)."""
    current = int(params[index][1])
    if OFFSET_KEY.match(params[index][0]):
        numbers = [k * size for k in range(min(pages, MAX_POSTED_PAGES)) if size and k * size != current]
    else:
        first = 0 if current == 0 else 1
        numbers = [n for n in range(first, first + min(pages, MAX_POSTED_PAGES)) if n != current]
    return [params[:index] + [(params[index][0], str(n))] + params[index + 1:] for n in numbers]


def _json_counts(data: object) -> dict[str, int]:
    """Record count, page size and page count of a JSON answer, at its top or one object down (``data``)."""
    found: dict[str, int] = {}
    for node in (data, *(v for v in data.values() if isinstance(v, dict))) if isinstance(data, dict) else ():
        for key, value in node.items():
            name = re.sub(r"[_-]", "", str(key)).lower()
            if isinstance(value, str) and value.isdigit():
                value = int(value)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                continue
            for kind, names in _JSON_COUNT_KEYS.items():
                if name in names:
                    found.setdefault(kind, value)
    return found


def _only_page_keys_differ(query: str, other: str, label: str = "") -> bool:
    """Only page-like keys differ — or, for a link labelled as a pager (下一页, 3, 尾页), a page key changes and
    the rest are keys the first page does without: Hanweb/JCMS pages a static ``index.html`` as
    ``index.html?uid=…&pageNum=2``."""
    mine, theirs = dict(parse_qsl(query, keep_blank_values=True)), dict(parse_qsl(other, keep_blank_values=True))
    changed = {k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k) and not _COUNT_KEY.match(k)}
    paging = {k for k in changed if _PAGE_KEY.search(k)}
    if not any((mine.get(k) or "").isdigit() for k in paging):
        return False
    added_by_pager = bool(label) and not theirs and changed <= mine.keys()
    return paging == changed or added_by_pager


def _split_arguments(text: str) -> list[str]:
    return [part for part in re.split(r",(?=(?:[^\"']*[\"'][^\"']*[\"'])*[^\"']*$)", text) if part.strip()]


def _argument(text: str, html: str, fields: Mapping[str, str]) -> int | str | None:
    if ceiling := _CEILING.fullmatch(text):
        records, size = (_argument(ceiling.group(k), html, fields) for k in ("records", "size"))
        return -(-records // size) if isinstance(records, int) and isinstance(size, int) and size > 0 else None
    match = _ARGUMENT.fullmatch(text)
    if not match:
        return None
    if match.group("string") is not None:
        value = match.group("string")
        return int(value) if value.isdigit() else value
    if match.group("number") is not None:
        return int(match.group("number"))
    return assigned_number(match.group("name"), html, fields)


def _first_int(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return _first_number(match) if match else None


def _first_number(match: re.Match[str]) -> int:
    return int(next(g for g in match.groups() if g is not None))

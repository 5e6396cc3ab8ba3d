"""The further pages of an article its CMS split into pages: a long annual report published as
``t20240120_123.html``, ``t20240120_123_1.html``, ``t20240120_123_2.html`` … (TRS WCM and the CMSs that copy it;
DedeCMS and PHPCMS write ``123.html``, ``123_2.html``), with a pager under the text: links (``上一页 1 2 3
下一页``) or TRS's script ``createPageHTML(3, 0, "t20240120_123", "html")``, which writes them in the browser.

WordPress splits a post at ``<!--nextpage-->`` and links its pages under the text (``wp_link_pages``): the post's
address and the page's number, a folder after a pretty permalink (``/2024/01/20/slug/`` → ``…/slug/2/``), a
``page`` key after a plain one (``/?p=123`` → ``/?p=123&page=2``).

Read alone, the first page holds sections 一 and 二 at most: the report's tables 三 and 四 are on the others. A
page's continuations are the pages named after it (its own file name, ``_`` and a number, the same extension,
in its folder; for an address naming no file, its linked pages numbered after it as WordPress numbers them); the
spider asks for them only on a page that opens a report (a list of reports paged as ``index_1.html`` opens none).
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement

MAX_ARTICLE_PAGES = 20   # pages of one article, the first included: a longer "article" is not a report's
MAX_ARTICLE_BYTES = 20 * 1024 * 1024   # an article's pages are held until the last: a report's are ~100 KB each
# createPageHTML(pages, current, name, extension): TRS's pager of a paged article (and of its lists)
_TRS_PAGER = re.compile(r"""createPageHTML\(\s*(\d{1,4})\s*,\s*\d{1,4}\s*,\s*["']([\w.-]{1,100})["']\s*,\s*["'](\w{1,8})["']""")
_NUMBERED = re.compile(r"^(?P<stem>.+)_(?P<n>\d{1,3})$")
_POST_PAGE_KEY = "page"   # WordPress's page of a post under a plain permalink (/?p=123&page=2)
_POST_PAGE_FOLDER = re.compile(r"^(\d{1,3})/$")   # …and under a pretty one, a folder after the post's (…/slug/2/)


def continuation_pages(root: HtmlElement, url: str) -> list[str]:
    """The URLs of the further pages of the article at ``url``, in order (none for an article on one page, and
    none when ``url`` is itself a further page)."""
    parts = urlsplit(url)
    folder, _, name = parts.path.rpartition("/")
    if not name:
        return _post_pages(root, url)
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or _NUMBERED.match(stem):
        return []

    def page(n: int) -> str:
        return urlunsplit((parts.scheme, parts.netloc, f"{folder}/{stem}_{n}.{extension}", "", ""))

    numbers = set(_linked_numbers(root, url, folder, stem, extension)) | set(_scripted_numbers(root, stem, extension))
    return [page(n) for n in sorted(numbers) if 0 < n < MAX_ARTICLE_PAGES]


def _linked_numbers(root: HtmlElement, url: str, folder: str, stem: str, extension: str) -> list[int]:
    """The page numbers of the links to ``stem_N.extension`` in the page's folder."""
    numbers = []
    for a in root.iter("a"):
        target = urlsplit(urljoin(url, (a.get("href") or "").strip()))
        target_folder, _, name = target.path.rpartition("/")
        numbered = _NUMBERED.match(name.removesuffix(f".{extension}")) if name.endswith(f".{extension}") else None
        if target_folder == folder and numbered and numbered["stem"] == stem:
            numbers.append(int(numbered["n"]))
    return numbers


def _scripted_numbers(root: HtmlElement, stem: str, extension: str) -> range:
    """The further pages TRS's ``createPageHTML`` writes for this page: ``stem_1`` up to the page count less one
    (its first page is ``stem`` itself)."""
    for script in root.iter("script"):
        for match in _TRS_PAGER.finditer(script.text or ""):
            count, name, ext = int(match.group(1)), match.group(2), match.group(3)
            if name == stem and ext == extension:
                return range(1, min(count, MAX_ARTICLE_PAGES))
    return range(0)


def _post_pages(root: HtmlElement, url: str) -> list[str]:
    """The further pages of a post at an address naming no file that WordPress split (``<!--nextpage-->``): its
    links to the same address with a page number after it, a folder (``…/slug/2/``) or a ``page`` key
    (``/?p=123&page=2``), in order; none when ``url`` is itself a further page."""
    parts = urlsplit(url)
    own = dict(parse_qsl(parts.query, keep_blank_values=True))
    if _POST_PAGE_KEY in own:
        return []
    pages = {}
    for a in root.iter("a"):
        target = urlsplit(urljoin(url, (a.get("href") or "").strip()))
        number = _post_page_number(target, parts, own) if target.netloc == parts.netloc else ""
        if number.isdigit() and 1 < int(number) < MAX_ARTICLE_PAGES:
            pages[int(number)] = urlunsplit(target._replace(fragment=""))
    return [pages[n] for n in sorted(pages)]


def _post_page_number(target: SplitResult, post: SplitResult, query: dict[str, str]) -> str:
    """The page of the post at ``post`` (its query ``query``) that ``target`` addresses, "" for any other."""
    if target.path == post.path:
        asked = dict(parse_qsl(target.query, keep_blank_values=True))
        number = asked.pop(_POST_PAGE_KEY, "")
        return number if asked == query else ""
    if not target.path.startswith(post.path) or target.query != post.query:
        return ""
    folder = _POST_PAGE_FOLDER.match(target.path[len(post.path):])
    return folder.group(1) if folder else ""

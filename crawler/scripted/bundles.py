"""The script files that hold a single-page application's code, when a page is such an application's shell.

A page built by webpack (Vue CLI, create-react-app, Angular CLI) or Vite is an empty mount point (``<div id="app">
</div>``, ``<div id="root"></div>``, Angular's ``<app-root></app-root>``) and a few script files: what the page asks
an API for, and how it makes an item's address, is written in those files, not in the page. They are worth fetching
only then, only from the page's own host, and never a library or a vendor chunk (``chunk-vendors.*.js``,
``vendor.*.js``, ``jquery.min.js``: no list is asked there); at most ``MAX_PER_PAGE`` of a page, and the spider
fetches at most ``MAX_PER_SITE`` in a crawl. A webpack runtime in a file of its own (Vue CLI's and
create-react-app's ``runtimeChunk``: ``runtime.3f2a.js``, ``runtime~app.js``, ``runtime-main.js``) asks no list
either, but holds the chunk map the app's lazy routes are loaded by (``crawler.scripted.chunks``): ``shell_runtime``
names it, one a page.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from crawler.pages.libraries import is_library

MAX_PER_PAGE = 3
MAX_PER_SITE = 12
# A page that may be a shell, before it is parsed: it names a mount point (an element called app or root, or
# Angular's root component, a custom element: <app-root>).
MOUNT_HINT = re.compile(rb"""id\s*=\s*["']?(?:app|root)\b|<app-root[\s>]""")
_MOUNT = "//body//*[@id='app' or @id='root' or local-name()='app-root'][not(*)][not(normalize-space())]"
_SCRIPT_FILE = re.compile(r"\.m?js$", re.IGNORECASE)
_RUNTIME = re.compile(r"^runtime(?=[.~-])", re.IGNORECASE)


def shell_scripts(root: HtmlElement, page_url: str) -> list[str]:
    """The page's own script files (``<script src>``, ``<link rel="modulepreload">``), when the page is a
    single-page application's shell: its mount point is empty."""
    found = [url for url, _ in _own_scripts(root, page_url) if not is_library(url)]
    return list(dict.fromkeys(found))[:MAX_PER_PAGE]


def shell_runtime(root: HtmlElement, page_url: str) -> str | None:
    """The file of the webpack runtime of a single-page application's shell, when it has one of its own."""
    return next((url for url, name in _own_scripts(root, page_url) if _RUNTIME.match(name)), None)


def page_scripts(root: HtmlElement, page_url: str) -> list[str]:
    """The script files of any page on its own host that are no library (a search result page's own script)."""
    found = [url for url, _ in _scripts(root, page_url) if not is_library(url)]
    return list(dict.fromkeys(found))


def _own_scripts(root: HtmlElement, page_url: str) -> list[tuple[str, str]]:
    """(address, file name) of the script files on the page's own host, when the page is a shell (its mount
    point is empty)."""
    return _scripts(root, page_url) if has_empty_mount(root) else []


def has_empty_mount(root: HtmlElement) -> bool:
    """The page is an application's shell: its mount point is empty."""
    return bool(root.xpath(_MOUNT))


def _scripts(root: HtmlElement, page_url: str) -> list[tuple[str, str]]:
    """(address, file name) of the page's script files on its own host."""
    host = urlsplit(page_url).netloc
    found = []
    for src in root.xpath("//script/@src | //link[@rel='modulepreload']/@href"):
        url = urljoin(page_url, src.strip())
        parts = urlsplit(url)
        name = parts.path.rsplit("/", 1)[-1]
        if parts.netloc == host and _SCRIPT_FILE.search(name):
            found.append((url.split("#")[0], name))
    return found

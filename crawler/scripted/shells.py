"""Whether a page is a script shell: what it shows is drawn by its scripts, in a way no static reader understood.

The spider asks this of a page that gave it no way on (``ReportsSpider._render_request``); a shell is then read
rendered (``crawler.transport.browser``). A shell is, whatever framework built it:

- an empty mount point of an application (``<div id="app"></div>``, ``#root``, ``<app-root>``: ``bundles``);
- a page that shows almost nothing (``SHELL_TEXT_CHARS``), not even a link, but runs scripts (a short static page
  with a site-wide script, 政府信息公开指南 in two sentences under its menu, is none);
- a page with an empty container its own inline script names (``getElementById('list')``, ``$('#list')``,
  ``querySelector('.news-list')``): a list or a pager the script fills in.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.scripted.bundles import has_empty_mount

SHELL_TEXT_CHARS = 200       # shown characters under which a page running scripts shows nothing of its own
MAX_SCRIPT_CHARS = 200_000   # of a page's inline scripts read for the containers they name
MAX_CONTAINERS = 200         # empty containers of a page looked at
_SHOWN = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
_CONTAINERS = ("//body//*[self::div or self::ul or self::ol or self::dl or self::tbody or self::table"
               " or self::section or self::main][@id or @class][not(*)][not(normalize-space())]")
# A name a script selects an element by: '#list', getElementById("list"), '.news-list'.
_SELECTED = r"""(?:getElementById\s*\(\s*["']{name}["']|["'`][^"'`\n]{{0,80}}[#.]{name}(?![\w-]))"""


def is_script_shell(root: HtmlElement) -> bool:
    scripts = root.xpath("//script")
    if not scripts:
        return False
    if has_empty_mount(root):
        return True
    if not root.xpath("//body//a[@href]") and len("".join("".join(root.xpath(_SHOWN)).split())) < SHELL_TEXT_CHARS:
        return True
    code = "".join(script.text or "" for script in scripts if not script.get("src"))[:MAX_SCRIPT_CHARS]
    return bool(code) and any(_names(code, element) for element in root.xpath(_CONTAINERS)[:MAX_CONTAINERS])


def _names(code: str, element: HtmlElement) -> bool:
    """Some inline script selects the empty element by its id or one of its classes."""
    names = [element.get("id", "")] + element.get("class", "").split()
    return any(re.search(_SELECTED.format(name=re.escape(name)), code) for name in names if len(name) > 1)

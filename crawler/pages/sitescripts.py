"""A page's own script files, read as its scripts when the page uses what its inline scripts do not define.

Many CMS list pages keep their functions in the site's script files, not in the page: ``<a
href="javascript:goUrl(8842)">`` with ``function goUrl(id) { window.open('/art/' + id + '.html'); }`` in
``/js/common.js``, ``<tr onclick="viewInfo('345')">``, year tabs ``<button data-src="/ndbg/2023/list.json">`` whose
handler (``$(this).data('src')``) is in ``/js/tabs.js``, a pager drawn by ``setPage(12, 3, 'list_')`` of
``/js/pager.js``. A page is read with its script files when a handler of it or a statement of its inline scripts
calls, with literal arguments, a function no inline script defines, or an element carries an address in a
``data-`` attribute no inline script reads, or it holds hidden fields no inline script reads beside an empty list
(甘肃's column shell: ``#channelId``, ``#page``, ``#pageSize`` read by ``listPage.js``), or an ``$.ajax`` call sends a
config object's setting no inline script declares (徐州's 新点 lists: ``siteGuid: webBuilderCommon.siteGuid``, declared
in ``/js/webBuilderCommon.js``), or a pager's count
(``<div id="page" data-total="9">``, drawn by the site's ``page.js``), or it has empty boxes and no inline script at
all (a 集约化 platform's home: ``<ul id="deptTree" class="ztree">`` drawn by its ``deptTree.js``). The files read are the page's ``<script src>`` on its own host, libraries
(jQuery, layui …) aside: the first ``MAX_PAGE_SCRIPTS`` of a page, ``MAX_SCRIPT_BYTES`` of each, ``MAX_PER_CRAWL``
of a crawl.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import urljoin, urlsplit

from crawler.documents.content import RESOURCE_HREF
from crawler.pages.datalinks import MAX_ELEMENTS, looks_like_address, read_attributes
from crawler.pages.libraries import is_library
from crawler.pages.scriptcalls import called_function, defined_functions
from crawler.scripted.bundles import has_empty_mount
from crawler.scripted.scriptapis import undeclared_bases, undeclared_settings
from crawler.steering.pagerhabits import PAGER_COUNT

MAX_PAGE_SCRIPTS = 3
MAX_SCRIPT_BYTES = 300_000   # a site's own script of functions is a few KB; a bundle past this is not one
MAX_PER_CRAWL = 40
MAX_HANDLERS = 500           # clickable elements of a page looked at
# Libraries by their file names: they define no page's navigation.
# Calls of the language's and the browser's own functions: no file defines them.
_BUILT_IN = {"void", "alert", "confirm", "prompt", "eval", "print", "open", "close", "setTimeout", "setInterval",
             "escape", "encodeURI", "encodeURIComponent", "parseInt", "scroll", "scrollTo", "fetch",
             # and the globals of the libraries the page loads (axios({…}), $(…), layer.open), defined by no site file
             "axios", "$", "jQuery", "Vue", "layui", "layer", "laydate", "WdatePicker", "Swiper", "echarts", "require",
             "define"}
# A call standing as a whole statement of an inline script, of arguments (setPage(12, 3, 'list_');): not a method's
# (obj.show(1)), nor a method's definition (Vue's mounted() { … }), nor a chain's start ($("#list").html(h)).
# Its arguments may be any expression of one level of parentheses (createPage('p', Math.ceil(total / size), 1, 'list_'),
# loadList({columnCode: 'ndbg', pageNo: 1})): whatever they are, the function is the file's.
_STATEMENT_CALL = re.compile(r"(?:^|(?<=[;{}\n]))[ \t]*([A-Za-z_$][\w$]*)\s*\(\s*[^()\s](?:[^()\n]|\([^()\n]{0,100}\)){0,300}\)"
                             r"(?=[ \t]*(?:;|\r?\n|\}|$))")
# An element with an id, holding nothing: a list or a pager a script fills in
_EMPTY_CONTAINER = ("//body//*[self::ul or self::ol or self::tbody or self::table or self::div][@id][not(*)]"
                    "[not(normalize-space())]")
_UNRENDERED_TAGS = {"img", "iframe", "script", "source", "video", "audio", "link", "embed"}


def _unread_hidden_fields(root, codes: list[str]) -> list[str]:
    """The ids of the page's hidden fields (its first ``MAX_ELEMENTS``) that no inline script names."""
    ids = (field.get("id") for field in root.xpath("//input[@type='hidden'][@id]")[:MAX_ELEMENTS])
    return [name for name in ids if name and not any(name in code for code in codes)]


def site_script_urls(root, page_url: str) -> list[str]:
    """The page's script files on its own host, libraries aside: the first ``MAX_PAGE_SCRIPTS``."""
    host = urlsplit(page_url).netloc
    urls = (urljoin(page_url, (script.get("src") or "").strip()) for script in root.iter("script") if script.get("src"))
    own = (url for url in urls if urlsplit(url).netloc == host and urlsplit(url).scheme in ("http", "https")
           and not is_library(url))
    return list(itertools.islice(dict.fromkeys(own), MAX_PAGE_SCRIPTS))


def wants_site_scripts(root) -> bool:
    """Whether the page calls a function, or keeps an address in a ``data-`` attribute, that its inline scripts
    neither define nor read."""
    codes = [script.text or "" for script in root.iter("script") if not script.get("src")]
    defined = defined_functions(codes)
    handlers = root.xpath("//*[@onclick or @onchange or starts-with(normalize-space(@href), 'javascript:')]")
    called = [called_function(element.get(attribute) or "") for element in handlers[:MAX_HANDLERS]
              for attribute in ("onclick", "onchange", "href")]
    # an inline script's own statements too: a pager drawn by setPage(12, 3, 'list_') of the site's pager.js
    statements = itertools.islice((m.group(1) for code in codes for m in _STATEMENT_CALL.finditer(code)), MAX_HANDLERS)
    if any(name and name not in defined and name not in _BUILT_IN for name in itertools.chain(called, statements)):
        return True
    if undeclared_bases(codes):   # $.ajax({url: baseURL + "/list"}), baseURL declared in the site's config.js
        return True
    if undeclared_settings(codes):   # data: {siteGuid: webBuilderCommon.siteGuid}, declared in a site's script
        return True
    if _unread_hidden_fields(root, codes) and root.xpath(_EMPTY_CONTAINER):
        return True   # a list left empty beside the ids its file reads (甘肃's listPage.js: $("#channelId").val())
    # empty boxes on a page of no inline script: a file draws them (a platform's unit tree); an application
    # shell's empty mount point is read from its bundles instead (crawler.scripted.bundles)
    if not any(code.strip() for code in codes) and root.xpath(_EMPTY_CONTAINER) and not has_empty_mount(root):
        return True
    read = read_attributes(codes)
    for element in root.xpath("//*[@*[starts-with(name(), 'data-')]]")[:MAX_ELEMENTS]:
        if element.tag in _UNRENDERED_TAGS:
            continue
        for name, value in element.attrib.items():
            if name.startswith("data-") and name[5:] not in read and (
                    looks_like_address(value.strip()) and not RESOURCE_HREF.search(value)
                    or PAGER_COUNT.match(name) and value.strip().isdigit() and element.get("id")):
                return True
    return False

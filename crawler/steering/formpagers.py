"""The later pages of a list paged by submitting its own form, the address never changing.

JSP and ASP lists of many platforms keep a form of hidden fields (``<form id="pageForm" method="post"
action="list.do">`` with ``columnId`` and ``pageNo``) and a pager of calls (``<a href="javascript:goPage(2)">``)
whose function writes the page number into a field named as one (``pageNo``, ``page``, ``currpage``) and submits
the form::

    function goPage(n) { document.getElementById('pageNo').value = n; document.getElementById('pageForm').submit(); }

Each page is that form sent as the browser sends it (its fields, the page field at the page), by the form's
method. The function is a page script's (the first ``MAX_FUNCTIONS`` definitions, ``MAX_BODY_CHARS`` of each);
pages run from 2 to the highest its pager calls or its 共N页 writes, at most ``pagers.MAX_POSTED_PAGES``; a form larger
than ``pagers.MAX_POSTED_FORM`` as sent is no list's pager.

Others write the page into the form's action and submit it (a JSP list's record offset)::

    function goPage(r) { var f = document.pageForm; f.action = 'index.jsp?startrow=' + r; f.submit(); }

Each page its pager calls is then the form posted to that action with its fields, the form the function names
(``getElementById('pageForm')``, ``document.pageForm``, ``document.forms[0]``, ``$('#pageForm')``); the call of the
first page (an argument of 0 or 1 under a label naming no later page: 首页, 1) is the page read. A form sent by GET
loses the action's query (browsers write its fields there instead): its pages are the actions' paths with its
fields (a static list's ``f.action = 'list_' + n + '.html'``), none when only the query numbers the page.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin, urlsplit

from crawler.pages.scriptcalls import Template, action_template, called_url, function_definitions
from crawler.steering.pagers import MAX_POSTED_FORM, MAX_POSTED_PAGES, is_page_key, names_later_page, written_total

MAX_FUNCTIONS = 200
MAX_BODY_CHARS = 500        # a page function is a few statements
MAX_CALLERS = 200           # pager elements read
_NAME = r"[A-Za-z_$][\w$]*"
_FUNCTION = re.compile(rf"function\s+({_NAME})\s*\(\s*({_NAME})\s*\)\s*\{{")
_SUBMIT = re.compile(r"\.submit\s*\(\s*\)")
# the field the parameter is written into: getElementById('pageNo').value = n, $('#pageNo').val(n),
# document.pageForm.pageNo.value = n, document.forms[0].pageNo.value = n, form['pageNo'].value = n
_FIELD = r"""(?:getElementById\(\s*["']([\w-]+)["']\s*\)|\$\(\s*["']#([\w-]+)["']\s*\)|\.([A-Za-z_][\w]*)|\[\s*["']([\w-]+)["']\s*\])"""
_WRITTEN = r"""\s*(?:\.value\s*=\s*{param}\b|\.val\(\s*{param}\s*\))"""
_CALL = re.compile(rf"^\s*(?:javascript:)?\s*({_NAME})\s*\(\s*['\"]?(\d{{1,4}})['\"]?\s*\)\s*;?\s*(?:return\s+false\s*;?\s*)?$")
# the form a function submits: getElementById('pageForm'), document.forms['pageForm'] or [0], document.pageForm,
# $('#pageForm')
_FORM = re.compile(r"""getElementById\(\s*["']([\w-]+)["']\s*\)"""
                   r"""|document\.forms\[\s*(?:["']([\w-]+)["']|(\d{1,2}))\s*\]"""
                   r"""|document\.([A-Za-z_]\w*)(?![\w$]|\s*\()|\$\(\s*["']#([\w-]+)["']\s*\)""")
_FIRST_PAGE = ("0", "1")   # a call's argument the pager's first page has, unless its label names a later page


@dataclass(frozen=True)
class FormPage:
    url: str
    method: str                              # GET or POST, the form's
    fields: tuple[tuple[str, str], ...]      # as a browser sends them, the page field at this page


def submitted_pages(root, page_url: str, codes: list[str]) -> list[FormPage]:
    """The pages 2 … N of a list whose pager calls a function of ``codes`` that writes its argument into a field
    of a form of the page and submits that form."""
    for function, field in _page_functions(codes):
        element = next(iter(root.xpath("//form//*[self::input or self::select][@id=$f or @name=$f]", f=field)), None)
        if element is None or not is_page_key(element.get("name") or ""):   # a search box's word is no page
            continue
        form = next(element.iterancestors("form"))
        called = [int(call.argument) for call in _calls(root, function)]
        if not called:
            continue
        last = min(max(called + [written_total(root) or 0]), MAX_POSTED_PAGES)
        url = urljoin(page_url, form.get("action") or page_url).split("#")[0]
        method = "POST" if (form.get("method") or "").lower() == "post" else "GET"
        values = [(name, value) for name, value in form.form_values() if name != element.get("name")]
        if len(urlencode(values)) > MAX_POSTED_FORM:
            continue
        return [FormPage(url, method, tuple(values + [(element.get("name"), str(n))])) for n in range(2, last + 1)]
    return _action_pages(root, page_url, codes)


def _page_functions(codes: list[str]) -> list[tuple[str, str]]:
    """(name, field id or name) of each one-parameter function that writes its parameter into a field and submits."""
    out = []
    for code in codes:
        for match in itertools.islice(_FUNCTION.finditer(code), MAX_FUNCTIONS):
            body = code[match.end():match.end() + MAX_BODY_CHARS]
            param = re.escape(match.group(2))
            written = re.search(_FIELD + _WRITTEN.format(param=param), body)
            if written and _SUBMIT.search(body):
                out.append((match.group(1), next(g for g in written.groups() if g)))
    return out


def _action_pages(root, page_url: str, codes: list[str]) -> list[FormPage]:
    """The pages a pager calling a function that writes its argument into a form's action and submits that form
    stands for: the form sent to each action its pager's calls write, but the first page's. A form sent by GET
    replaces the action's query with its fields: its pages only when each action's path is its own
    (``'list_' + n + '.html'``), none when the number is in the query alone."""
    for name, template, body in _action_functions(codes):
        form = _submitted_form(root, body)
        method = (form.get("method") or "get").strip().upper() if form is not None else ""
        values = tuple(form.form_values()) if form is not None else ()
        if method not in ("GET", "POST") or len(urlencode(values)) > MAX_POSTED_FORM:
            continue
        written = [called_url(call.handler, {name: template}) for call in _calls(root, name)
                   if call.argument not in _FIRST_PAGE or names_later_page(call.label)]
        urls = list(dict.fromkeys(urljoin(page_url, w).split("#")[0] for w in written if w))
        read = page_url
        if method == "GET":
            sent = list(dict.fromkeys(_without_query(url) for url in urls))
            urls, read = sent if len(sent) == len(urls) else [], _without_query(page_url)
        urls = [url for url in urls if url != read]
        if urls:
            return [FormPage(url, method, values) for url in urls[:MAX_POSTED_PAGES]]
    return []


def _without_query(url: str) -> str:
    return urlsplit(url)._replace(query="").geturl()


def _action_functions(codes: list[str]) -> list[tuple[str, Template, str]]:
    """(name, template of the action, body) of each one-parameter function that writes its parameter into a
    form's action and submits."""
    return [(definition.name, template, definition.body)
            for definition in function_definitions(codes, MAX_BODY_CHARS) if len(definition.params) == 1
            and _SUBMIT.search(definition.body) and (template := action_template(definition.body, definition.params))]


def _submitted_form(root, body: str):
    """The page's form a function's ``body`` names first (by its id, its name, or its place among the forms)."""
    forms = root.xpath("//form")
    for reference in itertools.islice(_FORM.finditer(body), MAX_CALLERS):
        by_id, by_key, index, by_name, by_selector = reference.groups()
        if index is not None:
            return forms[int(index)] if int(index) < len(forms) else None
        name = by_id or by_key or by_name or by_selector
        named = [form for form in forms if name in (form.get("id"), form.get("name"))]
        if named:
            return named[0]
    return None


@dataclass(frozen=True)
class _Call:
    handler: str     # the href or onclick calling the function
    argument: str    # its number
    label: str       # the caller's text


def _calls(root, function: str) -> list[_Call]:
    """The calls of ``function`` with a number the page's elements make (the first ``MAX_CALLERS`` elements)."""
    return [_Call(handler, call.group(2), " ".join(element.itertext()).strip())
            for element in itertools.islice(root.xpath("//*[@href or @onclick]"), MAX_CALLERS)
            for handler in (element.get("href") or "", element.get("onclick") or "")
            if (call := _CALL.match(handler)) and call.group(1) == function]

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
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

from crawler.steering.pagers import MAX_POSTED_FORM, MAX_POSTED_PAGES, is_page_key, written_total

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
        called = [int(call.group(2)) for element_ in itertools.islice(root.xpath("//*[@href or @onclick]"), MAX_CALLERS)
                  for attribute in ("href", "onclick")
                  if (call := _CALL.match(element_.get(attribute) or "")) and call.group(1) == function]
        if not called:
            continue
        last = min(max(called + [written_total(root) or 0]), MAX_POSTED_PAGES)
        url = urljoin(page_url, form.get("action") or page_url).split("#")[0]
        method = "POST" if (form.get("method") or "").lower() == "post" else "GET"
        values = [(name, value) for name, value in form.form_values() if name != element.get("name")]
        if len(urlencode(values)) > MAX_POSTED_FORM:
            continue
        return [FormPage(url, method, tuple(values + [(element.get("name"), str(n))])) for n in range(2, last + 1)]
    return []


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

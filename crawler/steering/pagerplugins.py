"""The other pages of a list whose pager a script plugin draws from its settings, the HTML holding no page link:

- kkpager (``kkpager.generPageHtml({pno: 1, total: 5, hrefFormer: 'index', hrefLatter: '.html'})``): page 1 is
  ``hrefFormer + hrefLatter``, page n ``hrefFormer + '_' + n + hrefLatter`` (its default ``getLink``), or the
  address its own ``getLink: function (n) { … return '/list_' + n + '.shtml'; }`` returns around ``n``; in
  ``mode: 'click'`` its pages are a function's, not addresses;
- plugins given a page count, or a record count and a page size, read as each plugin's own options count
  (``COUNTINGS``: layui ``laypage.render({count: 48, limit: 10, jump: …})`` records, its 1.x ``laypage({pages: 5})``
  pages, jqPaginator ``totalPages``, twbs-pagination, bootstrap-paginator, simplePagination, EasyUI's ``total`` of
  ``pageSize``; never a size guessed for a plugin of no known options; a count written as a variable is the number
  the page's script assigns it, ``count: totalCount``), whose callback
  sends the browser to an address written around the page number (``location.href = 'list_' + obj.curr +
  '.html'``, the first page's perhaps chosen before it: ``obj.curr == 1 ? 'list.html' : 'list_' + …``) or around
  it less or more a number (``'index_' + (num - 1) + '.html'``, as TRS numbers a list's pages), or calls a function of the page that asks by GET for an address written around its parameter
  (``onPageChange: function (num) { loadList(num); }`` and ``function loadList(n) { $.get('/list_' + n +
  '.html', …) }``: every page, the first too, is the list's);
- a page jump box (``<input id="jump">`` and ``location.href = 'list_' + document.getElementById('jump').value +
  '.html'``, or a variable read from it, or its value passed to the page's function that sends the browser to an
  address written around its parameter, ``go($('#jump').val())``: its default value, the current page, says
  nothing) with the total written only as 共5页;
- no script at all, a GET form whose only text field is the page number (``<input name="currpage">`` or
  ``name="page"``, a 跳转 or GO button; 大汉's 信息公开 module, PageAdmin), the total written as 共5页 or 1/5页: its
  address (the page's own without an ``action``) asked with the form's other fields and each page;
- a drop-down of page numbers (``<select onchange="goPage(this.value)">``, ``<option value="2">2</option>``) whose
  function sends the browser to an address written around its parameter, or around it less or more a number
  (``location.href = n == 1 ? 'index.shtml' : 'index_' + (n - 1) + '.shtml'``, as TRS numbers a list's pages), or
  whose handler writes the address itself (``onchange="location.href='ml.do?catId=12&pageNo='+this.value"``);
- no plugin, buttons calling the page's loading function (``onclick="load(page+1)"`` and ``function load(p) {
  $.get('/list_' + p + '.html', …) }``), the total written as 共5页 or kept in a variable (``var pageCount = 5``).

The pages from 2 to the last (from 1 when a function loads them), at most ``pagers.MAX_GENERATED_PAGES``; the
first is where the list was entered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin, urlsplit

from crawler.pages.elementtext import LeadingText
from crawler.pages.links import MAX_FORM_QUERY, form_fields
from crawler.steering.pagerfunctions import assigned_number
from crawler.steering.pagers import MAX_GENERATED_PAGES, is_page_key, is_pager_text, written_total

_KKPAGER = re.compile(r"kkpager\s*\.\s*(?:generPageHtml|init)\s*\(\s*\{")
# kkpager's own getLink returning an address written around its parameter (``return '/list_' + n + '.shtml'``).
_GET_LINK = re.compile(r"""getLink\s*:\s*function\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{(?:(?!function)[\s\S]){0,300}?return\s*"""
                       r"""(["'])([^"'\s<>]{1,300})\2\s*\+\s*\1\s*(?:\+\s*(["'])([^"'\s<>]{0,100})\4)?""")
# $.jqPaginator('#p', {…}) too; layui 1.x's laypage({…}) is called bare
_PLUGIN = re.compile(r"(?:(?<![\w$.])(?P<bare>laypage)|laypage\s*\.\s*(?P<layui>render)|\.\s*(?P<name>jqPaginator|"
                     r"""twbsPagination|bootstrapPaginator|pagination|paging|Paginator))\s*\(\s*(?:["'][^"']{0,100}["']\s*,\s*)?\{""")
SETTINGS_CHARS = 3000   # a plugin's settings are read this far after its call


@dataclass(frozen=True)
class Counting:
    """How a plugin's settings count its pages, as its own options say: keys of a page count, and (record count's
    key, page size's key, the plugin's default size or None when it has none) of a record count."""

    pages: tuple[str, ...]
    records: tuple[tuple[str, str, int | None], ...] = ()


# Each plugin's own options: layui 2.x's count is records (limit 10), its 1.x's pages pages; jqPaginator's totalCounts
# needs its pageSize; .pagination is simplePagination's (pages, or items of itemsOnPage 1), EasyUI's (total of
# pageSize 10), Pagination.js's (totalNumber of pageSize 10) or jquery.pagination's (pageCount, or totalData of
# showData: the ``M-box`` pager of many Chinese CMS templates). A plugin of no known options (.paging, .Paginator)
# is read only by keys naming what they count, a record count only with its size written.
COUNTINGS = {
    "render": Counting((), (("count", "limit", 10),)),
    "laypage": Counting(("pages",)),
    "jqPaginator": Counting(("totalPages",), (("totalCounts", "pageSize", None),)),
    "twbsPagination": Counting(("totalPages",)),
    "bootstrapPaginator": Counting(("totalPages",)),
    "pagination": Counting(("pages", "pageCount"), (("items", "itemsOnPage", 1), ("total", "pageSize", 10),
                                                    ("totalNumber", "pageSize", 10), ("totalData", "showData", None))),
}
_SELF_NAMED = Counting(("totalPages", "totalPage", "pageCount"),
                       tuple((records, size, None) for records in ("totalCount", "totalRecords", "totalRows")
                             for size in ("pageSize", "perPage", "pageLimit")))
# An address assigned to the browser around an expression: (before it, the expression, after it); the first page's
# address may be chosen first (location.href = obj.curr == 1 ? 'list.html' : 'list_' + obj.curr + '.html').
_SENT_AROUND = re.compile(r"""(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\(|window\.open\()\s*"""
                          r"""(?:[^;?'"]{1,60}\?\s*(?:"[^"\s<>]{0,300}"|'[^'\s<>]{0,300}')\s*:\s*)?"""
                          r"""(["'])([^"'\s<>]{0,300})\1\s*\+\s*((?:[^+;()'"]|\(\s*["'][^"']{0,60}["']\s*\)|\(\s*\)){1,120}?)\s*(?:\+\s*(["'])([^"'\s<>]{0,100})\4)?"""
                          r"""\s*(?:[;)}]|$)""")
# A callback's call of a function with the page (``loadList(num)``), that function's GET of the list.
_CALLED = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(\s*[A-Za-z_$][\w$.]*\s*\)")
_GET_REQUEST = re.compile(r"\$\.get\s*\(|\.load\s*\(|\$\.ajax\s*\(|\$\.getJSON\s*\(")
_POST = re.compile(r"\$\.post\s*\(|type\s*:\s*['\"]post['\"]|method\s*:\s*['\"]post['\"]", re.IGNORECASE)
MAX_LOADERS = 5
LOADER_CHARS = 1000   # a loading function is read this far
_INPUT_VALUE = re.compile(r"""(?:document\.)?getElementById\(\s*["'][\w-]+["']\s*\)\s*\.value|\$\(\s*["']#[\w-]+["']\s*\)\s*\.val\(\s*\)""")
# A box's value passed to a function of the page that sends the browser on (go($('#jump').val()), go(parseInt(p)))
_VALUE_PASSED = re.compile(rf"""(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(\s*(?:(?:parseInt|Number)\s*\(\s*)?"""
                           rf"""({_INPUT_VALUE.pattern}|[A-Za-z_$][\w$]*)\s*\)?\s*\)""")
_READ_INTO = re.compile(r"""\b(?:var|let|const)?\s*([A-Za-z_$][\w$]*)\s*=\s*[^;=]{0,120}?(?:\.value\b|\.val\(\s*\))""")
# A button's call of a function with a page: a variable, a number, or either plus or minus one (``load(page+1)``).
_PAGE_CALL = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(\s*(?:[A-Za-z_$][\w$.]*|\d{1,4})\s*(?:[+-]\s*1\s*)?\)")
# A page count kept in a script's variable (``var pageCount = 5;``, ``totalPage = "5"``).
_PAGE_COUNT_VARIABLE = re.compile(r"(?<![\w$.])(?:totalPages?|pageCount|pageTotal|pages)\s*=\s*['\"]?(\d{1,4})\b")


def plugin_pager_urls(root, page_url: str) -> list[str]:
    """The pages of the list ``page_url`` that its script pager plugins or jump box stand for."""
    codes = [script.text or "" for script in root.iter("script") if not script.get("src")]
    urls = []
    for code in codes:
        urls += _kkpager_pages(code, page_url) + _plugin_pages(code, "\n".join(codes), page_url)
    if not urls:
        urls = _jump_pages(root, codes, page_url) or _form_pages(root, page_url) \
            or _button_loader_pages(root, codes, page_url) or _select_pages(root, "\n".join(codes), page_url)
    return [url for url in dict.fromkeys(urls) if url != page_url]


def loaded_list_pages(root, page_url: str) -> list[str]:
    """The pages of a list that a function called by a pager plugin loads, the first too: a page whose own HTML
    holds none of its list."""
    codes = [script.text or "" for script in root.iter("script") if not script.get("src")]
    return [url for code in codes for url in _plugin_pages(code, "\n".join(codes), page_url, loaded_only=True)]


def _kkpager_pages(code: str, page_url: str) -> list[str]:
    for call in _KKPAGER.finditer(code):
        settings = code[call.end():call.end() + SETTINGS_CHARS]
        total, former = _number(settings, ("total",)), _string(settings, "hrefFormer")
        if total is None or _string(settings, "mode") == "click":
            continue
        if returned := _GET_LINK.search(settings):
            before, after = returned.group(3), returned.group(5) or ""
        elif former is not None:
            before, after = f"{former}_", _string(settings, "hrefLatter") or ""
        else:
            continue
        return [urljoin(page_url, f"{before}{n}{after}") for n in range(2, min(total, MAX_GENERATED_PAGES) + 1)]
    return []


def _plugin_pages(code: str, page_code: str, page_url: str, loaded_only: bool = False) -> list[str]:
    """A plugin's pages: sent to by its callback (the first is this page), or each loaded by a function its
    callback calls (the first too: this page holds none of the list)."""
    for call in _PLUGIN.finditer(code):
        settings = code[call.end():call.end() + SETTINGS_CHARS]
        pages = _page_count(settings, COUNTINGS.get(call["bare"] or call["layui"] or call["name"], _SELF_NAMED),
                            page_code)
        if not pages:
            continue
        if (sent := _callback_template(settings)) and not loaded_only:
            before, shift, after = sent
            current = _number(settings, ("curr", "currentPage", "current", "pno", "startPage"))
            return [urljoin(page_url, f"{before}{n + shift}{after}")
                    for n in range(2, min(pages, MAX_GENERATED_PAGES) + 1) if n != current]
        if loaded := _loader_template(_CALLED.findall(settings), page_code):
            return [urljoin(page_url, f"{loaded[0]}{n}{loaded[1]}") for n in range(1, min(pages, MAX_GENERATED_PAGES) + 1)]
    return []


def _callback_template(settings: str) -> tuple[str, int, str] | None:
    """The address a plugin's callback sends the browser to: written around the page (``'list_' + obj.curr +
    '.html'``), or around it less or more a number (``'index_' + (num - 1) + '.html'``, as TRS numbers a list's
    pages, the first page's ``index.html`` sent to before it): (before it, the number added, after it)."""
    if sent := _SENT_AROUND.search(settings):
        return sent.group(2), 0, sent.group(5) or ""
    shifted = re.search(r"""function\s*\(\s*([A-Za-z_$][\w$]*)""", settings)
    return _sent_around(settings, re.escape(shifted.group(1)) + r"\b") if shifted else None


def _loader_template(names: list[str], page_code: str) -> tuple[str, str] | None:
    """The address one of the functions ``names`` (called from a plugin's settings, ``loadList(num)``, or a
    button) asks by GET for a page, written around its parameter (``$.get('/list_' + num + '.html', …)``):
    (before it, after it)."""
    for name in list(dict.fromkeys(names))[:MAX_LOADERS]:
        defined = re.search(rf"function\s+{re.escape(name)}\s*\(\s*([A-Za-z_$][\w$]*)", page_code)
        if defined is None:
            continue
        body = page_code[defined.end():defined.end() + LOADER_CHARS]
        if not _GET_REQUEST.search(body) or _POST.search(body):
            continue
        written = re.search(rf"""(["'])([^"'\s<>]{{1,300}})\1\s*\+\s*{re.escape(defined.group(1))}\b\s*"""
                            r"""(?:\+\s*(["'])([^"'\s<>]{0,100})\3)?""", body)
        if written and re.search(r"[/?._=]", written.group(2)):
            return written.group(2), written.group(4) or ""
    return None


def _page_count(settings: str, counting: Counting, page_code: str = "") -> int | None:
    """The pages a plugin's settings count, read as its own options say: a page count, else a record count over
    its page size (written, or the plugin's default); a number written as a variable is the one the page's
    script assigns it (``var totalCount = 7;`` … ``count: totalCount``)."""
    pages = _number(settings, counting.pages, page_code)
    if pages is not None:
        return pages
    for records_key, size_key, default in counting.records:
        records = _number(settings, (records_key,), page_code)
        size = _number(settings, (size_key,), page_code) or default
        if records is not None and size:
            return -(-records // size)
    return None


def _jump_pages(root, codes: list[str], page_url: str) -> list[str]:
    """A jump box's pages: an address sent around an input's value, up to the total the page writes."""
    total = written_total(root)
    if total is None:
        return []
    handlers = [e.get("onclick") or "" for e in root.xpath("//*[@onclick]")] + \
        [e.get("href") for e in root.xpath("//a[starts-with(normalize-space(@href), 'javascript:')]")]
    page_code = "\n".join(codes)
    for code in handlers + codes:
        read = {m.group(1) for m in _READ_INTO.finditer(code)}
        for sent in _SENT_AROUND.finditer(code):
            expression = sent.group(3).strip()
            if _INPUT_VALUE.fullmatch(expression) or expression in read:
                return [urljoin(page_url, f"{sent.group(2)}{n}{sent.group(5) or ''}")
                        for n in range(2, min(total, MAX_GENERATED_PAGES) + 1)]
        passed = dict.fromkeys(call.group(1) for call in _VALUE_PASSED.finditer(code)
                               if _INPUT_VALUE.fullmatch(call.group(2)) or call.group(2) in read)
        for name in list(passed)[:MAX_LOADERS]:
            if (template := _sent_template(name, page_code)) is not None:
                before, shift, after = template
                return [urljoin(page_url, f"{before}{n + shift}{after}")
                        for n in range(2, min(total, MAX_GENERATED_PAGES) + 1)]
    return []


_TYPED_FIELDS = ("text", "number", "tel", "search")   # the input types a visitor writes a page number into
MAX_FORMS = 20   # a page's forms read for a page-number box


def _form_pages(root, page_url: str) -> list[str]:
    """The pages of a GET form whose only field a visitor types into is named as a page number (``currpage``,
    ``page``): its address (this page's without an ``action``: a GET replaces the query) with the form's other
    fields as a browser sends them and each page from 2 to the total the page writes. A form with a second such
    field is a search's."""
    total = written_total(root)
    if total is None:
        return []
    for form in root.xpath("//form")[:MAX_FORMS]:
        typed = [field for field in form.iter("input") if (field.get("type") or "text").strip().lower() in _TYPED_FIELDS]
        if len(typed) != 1 or not is_page_key(name := typed[0].get("name") or "") \
                or (form.get("method") or "get").strip().lower() != "get":
            continue
        fields = form_fields(form, typed[0])
        if len(urlencode(fields)) > MAX_FORM_QUERY:
            continue
        action = urlsplit(urljoin(page_url, (form.get("action") or "").strip() or page_url))
        current = (typed[0].get("value") or "").strip()
        return [action._replace(query=urlencode([*fields, (name, n)]), fragment="").geturl()
                for n in map(str, range(2, min(total, MAX_GENERATED_PAGES) + 1)) if n != current]
    return []


def _button_loader_pages(root, codes: list[str], page_url: str) -> list[str]:
    """The pages a pager's buttons load by calling the page's function with a page (``load(page+1)``, ``load(3)``): every
    page, the first too (the loader's address for it need not be this page's), up to the total."""
    text = LeadingText()   # a clickable element may hold the page around the pager
    buttons = [e for e in root.xpath("//*[@onclick or starts-with(normalize-space(@href), 'javascript:')]")
               if is_pager_text(text(e) or e.get("value") or "")]
    names = [name for e in buttons for name in _PAGE_CALL.findall((e.get("onclick") or "") + " " + (e.get("href") or ""))]
    if not names or (loaded := _loader_template(names, "\n".join(codes))) is None:
        return []
    pages = written_total(root)
    if pages is None:
        pages = next((int(m.group(1)) for code in codes if (m := _PAGE_COUNT_VARIABLE.search(code))), None)
    if not pages:
        return []
    return [urljoin(page_url, f"{loaded[0]}{n}{loaded[1]}") for n in range(1, min(pages, MAX_GENERATED_PAGES) + 1)]


# A drop-down's value in its change handler (``this.value``, ``this.options[this.selectedIndex].value``), and the
# handler's call of a function with it (``goPage(this.value)``).
_THIS_VALUE = r"this\s*(?:\.options\s*\[\s*this\s*\.selectedIndex\s*\]\s*)?\.value\b"
_VALUE_CALL = re.compile(rf"(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(\s*{_THIS_VALUE}\s*\)")
_SENDS = re.compile(r"location(?:\.href)?\s*=|location\.(?:assign|replace)\(|window\.open\(")


def _select_pages(root, page_code: str, page_url: str) -> list[str]:
    """The pages of a drop-down of page numbers whose change sends the browser to an address written around the
    number, itself (``location.href = 'list.jsp?pageNo=' + this.value``) or by calling the page's function that
    does (the number less or more a constant where the function writes so): pages 2 and on, the first being where
    the list was entered."""
    for select in root.xpath("//select[@onchange]"):
        numbers = [int(v) for v in select.xpath("./option/@value | ./optgroup/option/@value") if v.strip().isdigit()]
        handler = (select.get("onchange") or "")[:LOADER_CHARS]
        call = _VALUE_CALL.search(handler)
        template = _sent_template(call.group(1), page_code) if call else _sent_around(handler, _THIS_VALUE)
        if len(numbers) < 2 or template is None:
            continue
        before, shift, after = template
        return [urljoin(page_url, f"{before}{n + shift}{after}")
                for n in sorted(set(numbers))[:MAX_GENERATED_PAGES] if n >= 2]
    return []


def _sent_template(name: str, page_code: str) -> tuple[str, int, str] | None:
    """The address the page's function ``name`` sends the browser to, written around its parameter or around it
    less or more a number (``'index_' + (n - 1) + '.shtml'``): (before it, the number added, after it)."""
    defined = re.search(rf"function\s+{re.escape(name)}\s*\(\s*([A-Za-z_$][\w$]*)\s*\)", page_code)
    if defined is None:
        return None
    return _sent_around(page_code[defined.end():defined.end() + LOADER_CHARS], re.escape(defined.group(1)) + r"\b")


def _sent_around(code: str, parameter: str) -> tuple[str, int, str] | None:
    """The address ``code`` sends the browser to, written around ``parameter`` (a pattern) or around it less or
    more a number: (before it, the number added, after it)."""
    if not _SENDS.search(code):
        return None
    written = re.search(rf"""(["'])([^"'\s<>]{{1,300}})\1\s*\+\s*(?:\(\s*{parameter}\s*([+-])\s*(\d{{1,3}})\s*\)|"""
                        rf"""{parameter})\s*(?:\+\s*(["'])([^"'\s<>]{{0,100}})\5)?""", code)
    if written is None or not re.search(r"[/?._=]", written.group(2)):
        return None
    shift = int(written.group(4) or 0) * (-1 if written.group(3) == "-" else 1)
    return written.group(2), shift, written.group(6) or ""


def _number(settings: str, keys: tuple[str, ...], page_code: str = "") -> int | None:
    for key in keys:
        match = re.search(rf"(?<![\w$.]){key}\s*:\s*['\"]?(\d{{1,7}})\b", settings)
        if match:
            return int(match.group(1))
        named = re.search(rf"(?<![\w$.]){key}\s*:\s*([A-Za-z_$][\w$]*)\s*[,}}\n]", settings) if page_code else None
        if named and (value := assigned_number(named.group(1), page_code, {})) is not None:
            return value
    return None


def _string(settings: str, key: str) -> str | None:
    match = re.search(rf"(?<![\w$.]){key}\s*:\s*(['\"])([^'\"]{{0,300}})\1", settings)
    return match.group(2) if match else None

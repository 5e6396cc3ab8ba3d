"""Lists a page's script asks an API for, and how the script turns the answer's items into links.

Script-driven columns (jQuery, Vue) are an empty shell whose list is the JSON answer of an API named only in
the script: ``$.ajax({type: "POST", url: "/api/content/list", data: {columnId: 1205, pageNo: 1, pageSize: 15}})``,
``$.post("/api/list", {…})``, ``$.get``/``$.getJSON``. The answer often gives each item's id only; the script
builds the item's address from it (``'<a href="/content/detail.html?id=' + item.id + '">'``): those
templates go with the request, so the answer's items get their links (``crawler.jsonlinks``).

``data`` is read as the script writes it: literals, variables assigned a literal in the script, and, for a
page-like key (``pageNo``, ``page``, ``current``), the first page. A call whose data names anything else is
not requested (what it would ask is unknown). At most ``MAX_CALLS`` calls per script and per page, of
``MAX_TRIED`` call sites read; scripts longer than ``MAX_SCRIPT_CHARS`` and object literals longer than
``MAX_LITERAL_CHARS`` are not read.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import NamedTuple

MAX_CALLS = 10
MAX_TRIED = 50               # call sites read per script, made or not
MAX_SCRIPT_CHARS = 2_000_000
MAX_LITERAL_CHARS = 5_000
_NAME = r"[A-Za-z_$][\w$]*"
_AJAX = re.compile(r"(?:\$|jQuery)\s*\.\s*ajax\s*\(\s*\{")
# The URL whole (a string the script continues, "/list_" + page, is the load-more pager's: crawler.pagers).
_SHORTHAND = re.compile(r"""(?:\$|jQuery)\s*\.\s*(post|get|getJSON)\s*\(\s*(["'])([^"'\s<>]{1,300})\2\s*(?=[,)])(,\s*\{)?""")
_URL = re.compile(r"""^(?:https?://|/|\./|\.\./|[\w-]+/)[^"'\s<>]*$""")
_ENTRY = re.compile(rf"""^\s*(?:(["'])({_NAME})\1|({_NAME}))\s*:\s*(.+?)\s*$""", re.S)
_LITERAL = re.compile(r"""^(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?)|(true|false))$""")
_ASSIGNMENT = re.compile(rf"""(?<![\w$.])({_NAME})\s*=\s*(["']?)([\w.-]{{1,100}})\2\s*[;,\n]""")
_PAGE_KEY = re.compile(r"page|^(?:p|pn|pg|pi|cp|current|curr|start|offset)$", re.IGNORECASE)
# '…/detail.html?id=' + item.id + '.html' (also list[i].id, item["id"]): the address of an item of the answer.
_ITEM_URL = re.compile(rf"""(?P<prefix>(?:https?://|/|\./|\.\./)[^"'\s<>+]{{0,300}})["']\s*\+\s*{_NAME}(?:\[{_NAME}\])?"""
                       rf"""(?:\.(?P<key>{_NAME})|\[["'](?P<quoted>{_NAME})["']\])"""
                       r"""(?:\s*\+\s*["'](?P<suffix>[^"'\s<>]{0,300}))?""")


class ApiCall(NamedTuple):
    url: str                           # as the script writes it
    method: str                        # GET or POST
    data: tuple[tuple[str, str], ...]  # the parameters, first page


class ItemUrl(NamedTuple):
    prefix: str
    key: str       # the item's field the script puts between prefix and suffix
    suffix: str


def api_calls(code: str) -> list[ApiCall]:
    """The API requests a script makes, with the first page's parameters."""
    if len(code) > MAX_SCRIPT_CHARS:
        return []
    calls, variables = [], _Variables(code)
    for _, match in zip(range(MAX_TRIED), _AJAX.finditer(code)):
        fields = _object(code, match.end() - 1)
        if fields is None:
            continue
        url = _string(fields.get("url", ""))
        method = (_string(fields.get("type", "")) or _string(fields.get("method", "")) or "GET").upper()
        data = _data(variables, fields.get("data", "{}"))
        if url and _URL.match(url) and method in ("GET", "POST") and data is not None:
            calls.append(ApiCall(url, method, data))
    for _, match in zip(range(MAX_TRIED), _SHORTHAND.finditer(code)):
        data = _data(variables, code[match.end() - 1:match.end() - 1 + MAX_LITERAL_CHARS]) if match.group(4) else ()
        if data is not None:
            calls.append(ApiCall(match.group(3), "POST" if match.group(1) == "post" else "GET", data))
    return list(dict.fromkeys(calls))[:MAX_CALLS]


def item_urls(code: str) -> tuple[ItemUrl, ...]:
    """How the script builds an item's address from a field of the answer's items."""
    if len(code) > MAX_SCRIPT_CHARS:
        return ()
    found = (ItemUrl(m.group("prefix"), m.group("key") or m.group("quoted"), m.group("suffix") or "")
             for _, m in zip(range(MAX_TRIED), _ITEM_URL.finditer(code)))
    return tuple(dict.fromkeys(found))


def _data(variables: _Variables, literal: str) -> tuple[tuple[str, str], ...] | None:
    """An object literal's entries as request parameters; None when one cannot be known."""
    literal = literal.strip()
    if not literal.startswith("{"):
        return None   # a variable or JSON.stringify(…): not read
    fields = _object(literal, 0)
    if fields is None:
        return None
    out = []
    for key, value in fields.items():
        known = _value(variables, key, value)
        if known is None:
            return None
        out.append((key, known))
    return tuple(out)


def _value(variables: _Variables, key: str, value: str) -> str | None:
    literal = _LITERAL.match(value)
    if literal:
        return next(g for g in literal.groups() if g is not None)
    if re.fullmatch(_NAME, value):
        if value in variables.values:
            return variables.values[value]
        if _PAGE_KEY.search(key):
            return "1"   # the page number the list is called with: its first page
    return None


class _Variables:
    """The literals a script assigns to names (``var pageSize = 15;``), read in one pass when first needed."""

    def __init__(self, code: str) -> None:
        self.code = code

    @cached_property
    def values(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for match in _ASSIGNMENT.finditer(self.code):
            found.setdefault(match.group(1), match.group(3))
        return found


def _object(code: str, start: int) -> dict[str, str] | None:
    """The entries of the flat object literal opening at ``code[start]`` (``{``), values as written."""
    end = _closing(code, start)
    if end is None:
        return None
    fields = {}
    for entry in _top_level_split(code[start + 1:end]):
        match = _ENTRY.match(entry)
        if match:
            fields[match.group(2) or match.group(3)] = match.group(4)
    return fields


def _closing(code: str, start: int) -> int | None:
    """The index of the bracket closing the one at ``start``, skipping strings; None beyond the limit."""
    depth, quote = 0, ""
    for i in range(start, min(len(code), start + MAX_LITERAL_CHARS)):
        char = code[i]
        if quote:
            if char == quote and code[i - 1] != "\\":
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
            if depth == 0:
                return i
    return None


def _top_level_split(body: str) -> list[str]:
    parts, depth, quote, current = [], 0, "", []
    for i, char in enumerate(body):
        if quote:
            if char == quote and body[i - 1] != "\\":
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [p for p in parts if p.strip()]


def _string(value: str) -> str:
    literal = _LITERAL.match(value.strip())
    return (literal.group(1) or literal.group(2) or "") if literal else ""

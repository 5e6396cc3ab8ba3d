"""The page count of a Vue component library's pager whose counts the page's template binds as numbers.

A Vue column whose server writes the list's count into the template (``<el-pagination layout="prev, pager, next"
:total="128" :page-size="15" @current-change="changePage">``) may load the list from an API whose answer says no count
(``{"code": 0, "data": […]}``): the pager alone tells how many pages there are, the script's call how to ask each
(its page key, ``crawler.scripted.scriptapis``). Each library counts as its own props say (``PAGERS``): Element's
``total`` records of ``page-size`` (10 unless bound) or its ``page-count``, ant-design-vue's ``total`` of
``pageSize``, iView's ``<Page>``, Vant's ``total-items`` of ``items-per-page``, Naive UI's ``item-count``. A count
bound to a name (``:total="total"``) is the script's, unknown here: no page count; one bound to arithmetic of
literals (``:page-size="5 * 3"``) is its value. When the page asks more than one API by page, the pager pages the one
whose page key is the name it binds its current page to (``:current-page.sync="query.pageNum"``: ``pageNum``).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

MAX_PAGERS = 10          # pager elements of a page read
MAX_BOUND_PAGES = 1000   # a count past this is none a list's pager shows
_NUMBER = re.compile(r"^\s*(\d{1,7})\s*$")
MAX_EXPRESSION_CHARS = 40   # a prop's arithmetic of literals read (:page-size="5 * 3")
_ARITHMETIC = re.compile(r"^[\d\s()+*/-]+$")
_OPERATORS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
              ast.Div: lambda a, b: a / b if b else None}


@dataclass(frozen=True)
class PagerProps:
    """A library's pager: its props naming a page count, a record count and a page size, and its default size."""

    pages: tuple[str, ...]
    records: tuple[str, ...]
    size: tuple[str, ...]
    current: tuple[str, ...]   # the prop the current page is bound to (.sync and v-model: forms too)
    default_size: int = 10


# lxml lowercases names: Element's page-size, ant-design-vue's pageSize (pagesize), iView's <Page> (page)
PAGERS = {
    "el-pagination": PagerProps(("page-count", "pagecount"), ("total",), ("page-size", "pagesize"),
                                ("current-page", "currentpage")),
    "a-pagination": PagerProps((), ("total",), ("page-size", "pagesize"), ("current",)),
    "page": PagerProps((), ("total",), ("page-size", "pagesize"), ("current",)),
    "i-page": PagerProps((), ("total",), ("page-size", "pagesize"), ("current",)),
    "van-pagination": PagerProps(("page-count", "pagecount"), ("total-items", "totalitems"),
                                 ("items-per-page", "itemsperpage"), ("",)),   # v-model alone
    "n-pagination": PagerProps(("page-count", "pagecount"), ("item-count", "itemcount"), ("page-size", "pagesize"),
                               ("page",)),
}


def bound_page_count(root) -> int | None:
    """The page count the first of the page's pagers (``PAGERS``, at most ``MAX_PAGERS`` read) binding its counts as
    numbers says; None when none does."""
    counted = _counted_pager(root)
    return counted[1] if counted else None


def bound_page_name(root) -> str | None:
    """The name the counted pager binds its current page to, its last part (``query.pageNum``: ``pageNum``)."""
    counted = _counted_pager(root)
    if counted is None:
        return None
    pager = counted[0]
    for prop in PAGERS[pager.tag].current:
        for attribute in (f":{prop}", f":{prop}.sync", f"v-bind:{prop}", f"v-model:{prop}" if prop else "v-model"):
            if (name := re.fullmatch(r"\s*(?:[A-Za-z_$][\w$]*\s*\.\s*){0,3}([A-Za-z_$][\w$]*)\s*",
                                     pager.get(attribute) or "")):
                return name.group(1)
    return None


def _counted_pager(root) -> tuple[object, int] | None:
    for pager in root.xpath(" | ".join(f"//{tag}" for tag in PAGERS))[:MAX_PAGERS]:
        if (count := _page_count(pager, PAGERS[pager.tag])) is not None:
            return pager, count
    return None


def _page_count(pager, props: PagerProps) -> int | None:
    pages = _prop(pager, props.pages)
    if isinstance(pages, int):
        return pages if 0 < pages <= MAX_BOUND_PAGES else None
    records, size = _prop(pager, props.records), _prop(pager, props.size)
    size = props.default_size if size is None else size
    if not isinstance(records, int) or not isinstance(size, int) or size < 1:
        return None
    pages = -(-records // size)
    return pages if 0 < pages <= MAX_BOUND_PAGES else None


def _prop(pager, names: tuple[str, ...]) -> int | str | None:
    """A prop's number, bound (``:total="28"``, ``v-bind:total``) or written (``total="28"``); the text of one bound
    to anything else (unknown); None when the pager has none of ``names``."""
    for name in names:
        for attribute in (f":{name}", f"v-bind:{name}", name):
            value = pager.get(attribute)
            if value is not None:
                number = _NUMBER.match(value)
                return int(number.group(1)) if number else _arithmetic(value) or value
    return None


def _arithmetic(value: str) -> int | None:
    """The whole number arithmetic of literals makes (``5 * 3``, ``(10 + 5)``); None for anything else."""
    if len(value) > MAX_EXPRESSION_CHARS or not _ARITHMETIC.match(value):
        return None
    try:
        result = _evaluated(ast.parse(value.strip(), mode="eval").body)
    except SyntaxError:
        return None
    return int(result) if result is not None and result == int(result) else None


def _evaluated(node: ast.expr) -> float | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _evaluated(node.left), _evaluated(node.right)
        return None if left is None or right is None else _OPERATORS[type(node.op)](left, right)
    return None

"""The page count of a Vue component library's pager whose counts the page's template binds as numbers.

A Vue column whose server writes the list's count into the template (``<el-pagination layout="prev, pager, next"
:total="128" :page-size="15" @current-change="changePage">``) may load the list from an API whose answer says no count
(``{"code": 0, "data": […]}``): the pager alone tells how many pages there are, the script's call how to ask each
(its page key, ``crawler.scripted.scriptapis``). Each library counts as its own props say (``PAGERS``): Element's
``total`` records of ``page-size`` (10 unless bound) or its ``page-count``, ant-design-vue's ``total`` of
``pageSize``, iView's ``<Page>``, Vant's ``total-items`` of ``items-per-page``, Naive UI's ``item-count``. A count
bound to an expression (``:total="total"``) is the script's, unknown here: no page count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PAGERS = 10          # pager elements of a page read
MAX_BOUND_PAGES = 1000   # a count past this is none a list's pager shows
_NUMBER = re.compile(r"^\s*(\d{1,7})\s*$")


@dataclass(frozen=True)
class PagerProps:
    """A library's pager: its props naming a page count, a record count and a page size, and its default size."""

    pages: tuple[str, ...]
    records: tuple[str, ...]
    size: tuple[str, ...]
    default_size: int = 10


# lxml lowercases names: Element's page-size, ant-design-vue's pageSize (pagesize), iView's <Page> (page)
PAGERS = {
    "el-pagination": PagerProps(("page-count", "pagecount"), ("total",), ("page-size", "pagesize")),
    "a-pagination": PagerProps((), ("total",), ("page-size", "pagesize")),
    "page": PagerProps((), ("total",), ("page-size", "pagesize")),
    "i-page": PagerProps((), ("total",), ("page-size", "pagesize")),
    "van-pagination": PagerProps(("page-count", "pagecount"), ("total-items", "totalitems"),
                                 ("items-per-page", "itemsperpage")),
    "n-pagination": PagerProps(("page-count", "pagecount"), ("item-count", "itemcount"), ("page-size", "pagesize")),
}


def bound_page_count(root) -> int | None:
    """The page count the first of the page's pagers (``PAGERS``, at most ``MAX_PAGERS`` read) binding its counts as
    numbers says; None when none does."""
    pagers = root.xpath(" | ".join(f"//{tag}" for tag in PAGERS))[:MAX_PAGERS]
    for pager in pagers:
        if (count := _page_count(pager, PAGERS[pager.tag])) is not None:
            return count
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
                return int(number.group(1)) if number else value
    return None

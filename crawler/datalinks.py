"""Addresses a page keeps in ``data-`` attributes, opened by its script.

Lists on many platforms write their links as ``<a href="javascript:;" data-url="/art/2023/8842.html">`` (or
``data-href``, ``data-link``) and open them in a handler bound by the script: ``$(document).on('click',
'[data-url]', function () { window.open($(this).data('url')); })``, ``el.dataset.url``,
``el.getAttribute('data-href')``. An attribute is read as an address only when an inline script of the page
reads that attribute (a ``data-url`` nothing reads is no link); its value must look like an address.
At most ``MAX_SCRIPT_CHARS`` of script are searched and ``MAX_ELEMENTS`` elements read.
"""

from __future__ import annotations

import re

MAX_SCRIPT_CHARS = 500_000
MAX_ELEMENTS = 2_000
_NAME = r"[A-Za-z][\w-]{0,30}"
# How a script reads an attribute: .data('url'), .attr("data-href"), getAttribute('data-url'), dataset.url,
# dataset['url'], a selector '[data-url]'.
_READS = re.compile(rf"""\.data\(\s*["']({_NAME})["']\s*\)|(?:attr|getAttribute)\(\s*["']data-({_NAME})["']\s*\)"""
                    rf"""|\bdataset\s*(?:\.\s*({_NAME})|\[\s*["']({_NAME})["']\s*\])|\[\s*data-({_NAME})\s*\]""")
_ADDRESS = re.compile(r"^(?:https?://|/|\./|\.\./|[\w-]+/)[^\s<>\"'{}]{0,300}$|^[\w-]+\.s?html?(?:\?\S*)?$")


def read_attributes(codes: list[str]) -> set[str]:
    """The ``data-`` attributes (without ``data-``, hyphenated) the scripts read."""
    text = "\n".join(codes)[:MAX_SCRIPT_CHARS]
    names = {next(g for g in m.groups() if g) for m in _READS.finditer(text)}
    return {re.sub(r"(?<!^)([A-Z])", r"-\1", name).lower() for name in names}   # dataset.detailUrl: data-detail-url


def data_addresses(root, attributes: set[str]) -> list[tuple[object, str]]:
    """The elements carrying an address in one of ``attributes`` and that address, in document order."""
    if not attributes:
        return []
    out = []
    for element in root.xpath("//*[@*[starts-with(name(), 'data-')]]")[:MAX_ELEMENTS]:
        for name in sorted(attributes):
            value = (element.get(f"data-{name}") or "").strip()
            if _ADDRESS.match(value):
                out.append((element, value))
                break
    return out

"""Addresses a page keeps in ``data-`` attributes, opened by its script.

Lists on many platforms write their links as ``<a href="javascript:;" data-url="/art/2023/8842.html">`` (or
``data-href``, ``data-link``) and open them in a handler bound by the script: ``$(document).on('click',
'[data-url]', function () { window.open($(this).data('url')); })``, ``el.dataset.url``,
``el.getAttribute('data-href')``. An attribute is read as an address only when an inline script of the page
reads that attribute (a ``data-url`` nothing reads is no link); its value must look like an address. An item
carrying only an id (``<li class="item" data-id="8842">``) has the address the handler builds around it
(``location.href = '/art/' + $(this).data('id') + '.html'``), also when the handler keeps the id in a variable first
(``var id = $(this).data('catalog-id'); $('#list').load('/gkpt/getList.do?catalogId=' + id + '&page=1')``, the
address within ``MAX_USE_CHARS`` of the variable's assignment). At most ``MAX_SCRIPT_CHARS`` of script are
searched, ``MAX_TEMPLATES`` addresses built and ``MAX_ELEMENTS`` elements read.
"""

from __future__ import annotations

import re

MAX_SCRIPT_CHARS = 500_000
MAX_ELEMENTS = 2_000
MAX_TEMPLATES = 10
_NAME = r"[A-Za-z][\w-]{0,30}"
# How a script reads an attribute: .data('url'), .attr("data-href"), getAttribute('data-url'), dataset.url,
# dataset['url'], a selector '[data-url]'.
_READS = re.compile(rf"""\.data\(\s*["']({_NAME})["']\s*\)|(?:attr|getAttribute)\(\s*["']data-({_NAME})["']\s*\)"""
                    rf"""|\bdataset\s*(?:\.\s*({_NAME})|\[\s*["']({_NAME})["']\s*\])|\[\s*data-({_NAME})\s*\]""")
# '/art/' + $(this).data('id') + '.html', "detail.html?id=" + this.dataset.id, '/a/' + el.getAttribute('data-id')
_READ = (rf"""(?:\$\([^()]{{0,40}}\)|[\w$.]{{1,60}})\s*(?:\.data\(\s*["']({_NAME})["']\s*\)"""
         rf"""|\.(?:attr|getAttribute)\(\s*["']data-({_NAME})["']\s*\)|\.dataset\s*(?:\.\s*({_NAME})"""
         rf"""|\[\s*["']({_NAME})["']\s*\]))""")
_BUILT = re.compile(rf"""(["'])((?:https?://|/|\./|\.\./|[\w-]+[/.?])[^"'\s<>]{{0,200}})\1\s*\+\s*{_READ}"""
                    rf"""(?:\s*\+\s*(["'])([^"'\s<>]{{0,100}})\7)?""")
# var id = $(this).data('catalog-id'): a read kept in a variable, then built into an address
_KEPT = re.compile(rf"""\b(?:var|let|const)\s+([A-Za-z_$][\w$]{{0,30}})\s*=\s*{_READ}""")
MAX_USE_CHARS = 300
_VALUE = re.compile(r"^[\w-]{1,64}$")   # an id the script puts in an address
_ADDRESS = re.compile(r"^(?:https?://|/|\./|\.\./|[\w-]+/)[^\s<>\"'{}]{0,300}$|^[\w-]+\.s?html?(?:\?\S*)?$")


def read_attributes(codes: list[str]) -> set[str]:
    """The ``data-`` attributes (without ``data-``, hyphenated) the scripts read."""
    text = "\n".join(codes)[:MAX_SCRIPT_CHARS]
    return {_attribute(m.groups()) for m in _READS.finditer(text)}


def built_addresses(codes: list[str]) -> list[tuple[str, str, str]]:
    """The addresses the scripts build around an attribute they read (``'/art/' + $(this).data('id') +
    '.html'``): (prefix, attribute without ``data-``, suffix), at most ``MAX_TEMPLATES``."""
    text = "\n".join(codes)[:MAX_SCRIPT_CHARS]
    out = [(match.group(2), _attribute(match.group(3, 4, 5, 6)), match.group(8) or "")
           for _, match in zip(range(MAX_TEMPLATES), _BUILT.finditer(text))]
    for _, kept in zip(range(MAX_TEMPLATES), _KEPT.finditer(text)):
        use = re.search(rf"""(["'])((?:https?://|/|\./|\.\./|[\w-]+[/.?])[^"'\s<>]{{0,200}})\1\s*\+\s*"""
                        rf"""{re.escape(kept.group(1))}(?![\w$])(?:\s*\+\s*(["'])([^"'\s<>]{{0,100}})\3)?""",
                        text[kept.end():kept.end() + MAX_USE_CHARS])
        if use:
            out.append((use.group(2), _attribute(kept.group(2, 3, 4, 5)), use.group(4) or ""))
    return list(dict.fromkeys(out))[:MAX_TEMPLATES]


def _attribute(names: tuple[str | None, ...]) -> str:
    """The attribute a read names, without ``data-`` and hyphenated (dataset.detailUrl: detail-url)."""
    return re.sub(r"(?<!^)([A-Z])", r"-\1", next(g for g in names if g)).lower()


def data_addresses(root, codes: list[str]) -> list[tuple[object, str]]:
    """The elements carrying an address in a ``data-`` attribute the scripts read, or a value the scripts build
    one around, and that address, in document order."""
    attributes, built = read_attributes(codes), built_addresses(codes)
    if not attributes:
        return []
    out = []
    for element in root.xpath("//*[@*[starts-with(name(), 'data-')]]")[:MAX_ELEMENTS]:
        given = (_data(element, name) for name in sorted(attributes))
        made = (f"{prefix}{_data(element, name)}{suffix}" for prefix, name, suffix in built
                if _VALUE.match(_data(element, name)))
        address = next((value for value in given if _ADDRESS.match(value)), None) or next(made, None)
        if address:
            out.append((element, address))
    return out


def looks_like_address(value: str) -> bool:
    """Whether an attribute's value is written as an address (``/art/8842.html``, ``list.json``)."""
    return bool(_ADDRESS.match(value))


def _data(element, name: str) -> str:
    return (element.get(f"data-{name}") or "").strip()

"""URLs a page's own functions build from the arguments of their calls.

Many CMS list pages link their items through a function instead of an address:
``<a href="javascript:void(0)" onclick="openArticle('2023','8842')">`` with, in the page's script,
``function openArticle(y, id) { window.open('/art/' + y + '/' + id + '.html'); }``. The URL is the function's
string concatenation with each parameter replaced by the call's argument. Only concatenations that begin with
a URL-like string, or with a file name's stem and end with a page's extension (a pager's ``'index_' + n +
'.html'``, relative to the page), and join string literals and the function's own parameters are templates;
calls whose arguments are all literals are applied. A concatenation that is the other branch of a ternary on a
parameter (``n == 1 ? 'index.html' : 'index_' + n + '.html'``) is that literal for the argument its condition
names; a parameter shifted by a number (``'index_' + (n - 1) + '.html'``, TRS's numbering) is the number
argument shifted by it. Scripts are read up to ``MAX_SCRIPT_CHARS``, the first ``MAX_FUNCTIONS`` definitions
of each, ``MAX_BODY_CHARS`` of each body, ``MAX_TERNARY_CHARS`` before a concatenation, so a hostile page costs
no more than its size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_FUNCTIONS = 200
MAX_BODY_CHARS = 2_000       # a template is near the start of its function
MAX_SCRIPT_CHARS = 2_000_000
MAX_TERNARY_CHARS = 200      # read before a concatenation for the ternary it is a branch of
_NAME = r"[A-Za-z_$][\w$]*"
_FUNCTION = re.compile(rf"function\s+({_NAME})\s*\(([^()]{{0,200}})\)\s*\{{")
_STRING = r"""(?:"[^"\n]{0,300}"|'[^'\n]{0,300}')"""
_SHIFTED = rf"\(\s*{_NAME}\s*[+-]\s*\d{{1,3}}\s*\)"   # (n - 1)
# A concatenation that starts with a path or an absolute URL ('/art/' + y + '/' + id + '.html'), or with a file
# name's stem ('index_' + n + '.html')
_CONCATENATION = re.compile(rf"""(["'])(?:(?:https?://|/|\./|\.\./)[^"'\s<>]{{0,300}}|(?P<stem>[A-Za-z][\w-]{{0,100}}))\1"""
                            rf"""(?:\s*\+\s*(?:{_NAME}|{_STRING}|{_SHIFTED}))+""")
# What a relative concatenation (one beginning with a stem) must end with to be a page's address: 'index_' + n + '.html'
_PAGE_EXTENSION = re.compile(r"\.(?:[sj]?html?|jspx?|php|aspx?|do|action)$", re.IGNORECASE)
# The ternary a concatenation may be the other branch of: n == 1 ? 'index.html' : …
_TERNARY = re.compile(rf"""({_NAME})\s*===?\s*(?:"(-?\d{{1,4}})"|'(-?\d{{1,4}})'|(-?\d{{1,4}}))\s*\?\s*"""
                      rf"""(?:"([^"\s<>]{{1,300}})"|'([^'\s<>]{{1,300}})')\s*:\s*$""")
_PART = re.compile(rf"""\s*(?:"([^"]*)"|'([^']*)'|({_NAME})|\(\s*({_NAME})\s*([+-])\s*(\d{{1,3}})\s*\))\s*""")
_CALL = re.compile(rf"^\s*(?:javascript:)?\s*(?:return\s+)?({_NAME})\s*\(([^()]{{0,300}})\)\s*;?\s*"
                   r"(?:return\s+false\s*;?\s*)?$")
_ARGUMENT = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|(-?\d+))\s*$""")



@dataclass(frozen=True)
class Shifted:
    """A parameter shifted by a number where it stands (``(n - 1)``): ``by`` is -1."""

    index: int
    by: int


Parts = tuple[str | int | Shifted, ...]   # literal text, the index of the parameter standing there, or it shifted


@dataclass(frozen=True)
class Template:
    """The address a function builds: its parts, and the literal it is instead when its parameter ``when[0]`` is
    the argument ``when[1]`` (a ternary's first branch)."""

    parts: Parts
    when: tuple[int, str, str] | None = None   # (parameter, argument, address)


def url_templates(scripts: Iterable[str]) -> dict[str, Template]:
    """The URL template of each function the scripts define whose body builds a URL from its parameters."""
    out: dict[str, Template] = {}
    for code in scripts:
        if len(code) > MAX_SCRIPT_CHARS:
            continue
        for _, match in zip(range(MAX_FUNCTIONS), _FUNCTION.finditer(code)):
            params = [p.strip() for p in match.group(2).split(",") if p.strip()]
            body = code[match.end():match.end() + MAX_BODY_CHARS]
            template = _template(body, params)
            if template is not None:
                out.setdefault(match.group(1), template)
    return out


def called_url(handler: str, templates: dict[str, Template]) -> str | None:
    """The URL a handler (``openArticle('2023','8842')``, ``javascript:show(12)``) opens, when it calls a
    function with a template and literal arguments."""
    call = _CALL.match(handler or "")
    if call is None or call.group(1) not in templates:
        return None
    arguments = []
    for argument in _split(call.group(2)):
        value = _ARGUMENT.match(argument)
        if value is None:
            return None
        arguments.append(next(g for g in value.groups() if g is not None))
    template = templates[call.group(1)]
    if any(_index(part) is not None and _index(part) >= len(arguments) for part in template.parts):
        return None
    if template.when and template.when[0] < len(arguments) and arguments[template.when[0]] == template.when[1]:
        return template.when[2]
    written = [_written(part, arguments) for part in template.parts]
    return None if None in written else "".join(written)


def _index(part: str | int | Shifted) -> int | None:
    return part if isinstance(part, int) else part.index if isinstance(part, Shifted) else None


def _written(part: str | int | Shifted, arguments: list[str]) -> str | None:
    """A part as the call writes it: a shifted parameter only of a number's argument."""
    if isinstance(part, Shifted):
        return str(int(arguments[part.index]) + part.by) if arguments[part.index].lstrip("-").isdigit() else None
    return arguments[part] if isinstance(part, int) else part


def called_function(handler: str) -> str | None:
    """The name of the function a handler calls with literal arguments (``goUrl(8842)``), whoever defines it."""
    call = _CALL.match(handler or "")
    if call is None or not all(_ARGUMENT.match(a) for a in _split(call.group(2))):
        return None
    return call.group(1)


def defined_functions(scripts: Iterable[str]) -> set[str]:
    """The names of the functions the scripts define (the first ``MAX_FUNCTIONS`` of each)."""
    return {match.group(1) for code in scripts if len(code) <= MAX_SCRIPT_CHARS
            for _, match in zip(range(MAX_FUNCTIONS), _FUNCTION.finditer(code))}


def _template(body: str, params: list[str]) -> Template | None:
    for match in _CONCATENATION.finditer(body):
        parts = _parts(match.group(0), params)
        if parts is None or all(_index(p) is None for p in parts):
            continue
        if match.group("stem") is not None and not (isinstance(parts[-1], str) and _PAGE_EXTENSION.search(parts[-1])):
            continue   # 'tab_' + n: an element's id, no page's address
        return Template(parts, _ternary(body[max(0, match.start() - MAX_TERNARY_CHARS):match.start()], params))
    return None


def _parts(concatenation: str, params: list[str]) -> Parts | None:
    parts: list[str | int] = []
    for piece in _split_plus(concatenation):
        part = _PART.fullmatch(piece)
        if part is None:
            return None
        name = part.group(3) or part.group(4)
        if name is None:
            parts.append(part.group(1) if part.group(1) is not None else part.group(2))
        elif name not in params:
            return None   # a variable of the page, not of the call: nothing a call site says
        elif part.group(4) is None:
            parts.append(params.index(name))
        else:
            parts.append(Shifted(params.index(name), int(part.group(6)) * (-1 if part.group(5) == "-" else 1)))
    return tuple(parts)


def _ternary(before: str, params: list[str]) -> tuple[int, str, str] | None:
    """The parameter, the argument and the address of the ternary a concatenation is the other branch of."""
    ternary = _TERNARY.search(before)
    if ternary is None or ternary.group(1) not in params:
        return None
    argument = next(g for g in ternary.group(2, 3, 4) if g is not None)
    address = next(g for g in ternary.group(5, 6) if g is not None)
    return params.index(ternary.group(1)), argument, address


def _split(arguments: str) -> list[str]:
    return [a for a in re.findall(r"""\s*(?:"[^"]*"|'[^']*'|[^,'"]+)\s*""", arguments) if a.strip()]


def _split_plus(expression: str) -> list[str]:
    return re.findall(r"""(?:"[^"]*"|'[^']*'|\([^()'"]*\)|[^+'"()]+)+""", expression)

"""URLs a page's own functions build from the arguments of their calls.

Many CMS list pages link their items through a function instead of an address:
``<a href="javascript:void(0)" onclick="openArticle('2023','8842')">`` with, in the page's script,
``function openArticle(y, id) { window.open('/art/' + y + '/' + id + '.html'); }``. The URL is the function's
string concatenation with each parameter replaced by the call's argument. Only concatenations that begin with
a URL-like string and join string literals and the function's own parameters are templates; calls whose
arguments are all literals are applied. Scripts are read up to ``MAX_SCRIPT_CHARS``, the first
``MAX_FUNCTIONS`` definitions of each, ``MAX_BODY_CHARS`` of each body, so a hostile page costs no more than
its size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_FUNCTIONS = 200
MAX_BODY_CHARS = 2_000       # a template is near the start of its function
MAX_SCRIPT_CHARS = 2_000_000
_NAME = r"[A-Za-z_$][\w$]*"
_FUNCTION = re.compile(rf"function\s+({_NAME})\s*\(([^()]{{0,200}})\)\s*\{{")
_STRING = r"""(?:"[^"\n]{0,300}"|'[^'\n]{0,300}')"""
# A concatenation that starts with a path or an absolute URL: '/art/' + y + '/' + id + '.html'
_CONCATENATION = re.compile(rf"""(["'])(?:https?://|/|\./|\.\./)[^"'\s<>]{{0,300}}\1(?:\s*\+\s*(?:{_NAME}|{_STRING}))+""")
_PART = re.compile(rf"""\s*(?:"([^"]*)"|'([^']*)'|({_NAME}))\s*""")
_CALL = re.compile(rf"^\s*(?:javascript:)?\s*(?:return\s+)?({_NAME})\s*\(([^()]{{0,300}})\)\s*;?\s*"
                   r"(?:return\s+false\s*;?\s*)?$")
_ARGUMENT = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|(-?\d+))\s*$""")

Template = tuple[str | int, ...]   # literal text, or the index of the parameter standing there


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
    if any(isinstance(part, int) and part >= len(arguments) for part in template):
        return None
    return "".join(arguments[part] if isinstance(part, int) else part for part in template)


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
        parts: list[str | int] = []
        for piece in _split_plus(match.group(0)):
            part = _PART.fullmatch(piece)
            if part is None:
                break
            name = part.group(3)
            if name is None:
                parts.append(part.group(1) if part.group(1) is not None else part.group(2))
            elif name in params:
                parts.append(params.index(name))
            else:
                break   # a variable of the page, not of the call: nothing a call site says
        else:
            if any(isinstance(p, int) for p in parts):
                return tuple(parts)
    return None


def _split(arguments: str) -> list[str]:
    return [a for a in re.findall(r"""\s*(?:"[^"]*"|'[^']*'|[^,'"]+)\s*""", arguments) if a.strip()]


def _split_plus(expression: str) -> list[str]:
    return re.findall(r"""(?:"[^"]*"|'[^']*'|[^+'"]+)+""", expression)

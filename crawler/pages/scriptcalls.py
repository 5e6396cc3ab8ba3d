"""URLs a page's own functions build from the arguments of their calls.

Many CMS list pages link their items through a function instead of an address:
``<a href="javascript:void(0)" onclick="openArticle('2023','8842')">`` with, in the page's script,
``function openArticle(y, id) { window.open('/art/' + y + '/' + id + '.html'); }``. The URL is the function's
string concatenation with each parameter replaced by the call's argument. Only concatenations that begin with
a URL-like string, or with a file name's stem and end with a page's extension (a pager's ``'index_' + n +
'.html'``, relative to the page), or with a page's name and its query (``'list.jsp?pageNo=' + n``) or a query
alone (``'?pageNo=' + n + '&cid=12'``), and join string literals and the function's own parameters are templates
(but one written into a form's action, ``form.action = 'index.jsp?startrow=' + r``: that form is posted there);
calls whose arguments are all literals are applied. A concatenation that is the other branch of a ternary or an
if statement on a parameter (``n == 1 ? 'index.html' : 'index_' + n + '.html'``, ``n <= 1 ? …``, ``if (n == 1) {
location.href = 'index.html'; } else { location.href = …``; or the other way round, ``n > 1 ? … : 'index.html'``,
``if (n != 1) url = …; else url = 'index.html'``) is that literal for the arguments its condition names, and so
is a ternary inside the concatenation, written around it whole (``'index' + (n == 1 ? '' : '_' + (n - 1)) +
'.html'``: ``unfold_choices``, the first ``MAX_CHOICES`` of a body); a variable the function reads from a field of the
page (``var page = parseInt($('#currentPage').val()) + 1``, or a parameter the call leaves out, ``if (!n) n =
$('#pageNo').val()``) is that field's value (``field_read``; ``called_url``'s ``fields``); a
parameter shifted by a number (``'index_' + (n - 1) + '.html'``, TRS's numbering) is the number argument shifted
by it. An address written from the page's location is the page's own (``location.protocol + '//' + location.host
+ '/col/…'``, ``window.location.origin``, ``location.pathname.replace(/index.*$/, '')``, ``location.pathname
before a query: ``page_relative``).
Scripts are read up to ``MAX_SCRIPT_CHARS``, the first ``MAX_FUNCTIONS`` definitions of each, ``MAX_BODY_CHARS``
of each body, ``MAX_TERNARY_CHARS`` before and after a concatenation, so a hostile page costs no more than its
size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

MAX_FUNCTIONS = 200
MAX_BODY_CHARS = 2_000       # a template is near the start of its function
MAX_SCRIPT_CHARS = 2_000_000
MAX_TERNARY_CHARS = 200      # read before a concatenation for the ternary or if statement it is a branch of
MAX_CHOICES = 20             # ternaries inside a concatenation unfolded in one function's body
MAX_FIELD_DIGITS = 6         # a page number a field holds: longer is none
_NAME = r"[A-Za-z_$][\w$]*"
_FUNCTION = re.compile(rf"function\s+({_NAME})\s*\(([^()]{{0,200}})\)\s*\{{")
_STRING = r"""(?:"[^"\n]{0,300}"|'[^'\n]{0,300}')"""
_SHIFTED = rf"\(\s*{_NAME}\s*[+-]\s*\d{{1,3}}\s*\)"   # (n - 1)
# A concatenation that starts with a path or an absolute URL ('/art/' + y + '/' + id + '.html'), or with a file
# name's stem ('index_' + n + '.html'), a page's name before its query ('list.jsp?pageNo=' + n) or a query alone
# ('?pageNo=' + n + '&cid=12')
_CONCATENATION = re.compile(rf"""(["'])(?:(?:https?://|/|\./|\.\./)[^"'\s<>]{{0,300}}|"""
                            rf"""(?P<stem>[A-Za-z][\w-]{{0,100}}(?:\.[A-Za-z]{{2,6}}\?[^"'\s<>]{{0,300}})?|\?[^"'\s<>]{{1,300}}))\1"""
                            rf"""(?:\s*\+\s*(?:{_NAME}|{_STRING}|{_SHIFTED}))+""")
# What a relative concatenation (one beginning with a stem) must end with to be a page's address: 'index_' + n + '.html'
PAGE_EXTENSION = re.compile(r"\.(?:[sj]?html?|jspx?|php|aspx?|do|action)$", re.IGNORECASE)
# The first page's special case a concatenation may be the other branch of: n == 1 ? 'index.html' : …, n <= 1 ? …,
# if (n == 1) { location.href = 'index.html'; } else { location.href = …
_CONDITION = rf"""({_NAME})\s*(===?|<=?)\s*(?:"(-?\d{{1,4}})"|'(-?\d{{1,4}})'|(-?\d{{1,4}}))"""
_LITERAL = r"""(?:"([^"\s<>]{1,300})"|'([^'\s<>]{1,300})')"""
_TARGET = r"""(?:[\w$.]{1,100}\s*=|[\w$.]{1,100}\s*\()"""   # url = …, location.href = …, window.open(…
_TERNARY = re.compile(rf"""{_CONDITION}\s*\?\s*{_LITERAL}\s*:\s*$""")
_IF_ELSE = re.compile(rf"""\bif\s*\(\s*{_CONDITION}\s*\)\s*\{{?\s*(?:return\s+|{_TARGET}\s*)?{_LITERAL}\s*\)?\s*;?"""
                      rf"""\s*\}}?\s*else\s*\{{?\s*(?:return\s+|{_TARGET}\s*)?$""")
# The same case written the other way round, the concatenation first and the literal after it: page > 1 ? … :
# 'index.html', if (page != 1) url = …; else url = 'index.html'. The literal's condition is the negation.
_LATER = rf"""({_NAME})\s*(!==?|>=?)\s*(?:"(-?\d{{1,4}})"|'(-?\d{{1,4}})'|(-?\d{{1,4}}))"""
_NEGATION = {"!=": "==", "!==": "==", ">": "<=", ">=": "<"}
_TERNARY_LATER = re.compile(rf"""{_LATER}\s*\?\s*$""")
_TERNARY_ELSE = re.compile(rf"""\s*:\s*{_LITERAL}""")
_IF_LATER = re.compile(rf"""\bif\s*\(\s*{_LATER}\s*\)\s*\{{?\s*(?:return\s+|{_TARGET}\s*)?$""")
_ELSE_LITERAL = re.compile(rf"""\s*\)?\s*;?\s*\}}?\s*else\s*\{{?\s*(?:return\s+|{_TARGET}\s*)?{_LITERAL}""")
# A script's address of the page's own site written from the page's location: the origin
# (location.protocol + '//' + location.host, window.location.origin) before a path, the page's folder
# (document.location.pathname.replace(/index.*$/, '')) before a file's name. Both are the page's own.
_LOCATION = r"(?:(?:window|document)\.)?location"
_ORIGIN = re.compile(rf"""{_LOCATION}\.(?:protocol\s*\+\s*(["'])//\1\s*\+\s*{_LOCATION}\.host(?:name)?|origin)"""
                     r"""\s*\+\s*(?=["']/)""")
_FOLDER = re.compile(rf"""{_LOCATION}\.pathname\.replace\(\s*/[^/\n]{{1,100}}/[gi]{{0,2}}\s*,\s*(["'])\1\s*\)\s*\+\s*(["'])"""
                     r"""(?=[\w-])""")
# The page's own path before a query (location.pathname + '?catId=12&pageIndex=' + n, as 湖北's and 湖南's
# /zwgk/public/column/ pages go to a page): the query alone is that address relative to the page.
_OWN_PATH = re.compile(rf"""{_LOCATION}\.pathname\s*\+\s*(?=["']\?)""")
# A ternary on a parameter inside a concatenation: 'index' + (n == 1 ? '' : '_' + (n - 1)) + '.html'; what it
# joins before and after it
_CHOICE = re.compile(rf"""\(\s*({_NAME}\s*(?:===?|!==?|<=?|>=?)\s*-?\d{{1,4}})\s*\?""")
_BEFORE_CHOICE = re.compile(rf"""(?:(?:{_STRING}|{_NAME}|{_SHIFTED})\s*\+\s*)*$""")
_AFTER_CHOICE = re.compile(rf"""(?:\s*\+\s*(?:{_STRING}|{_NAME}|{_SHIFTED}))*""")
# A page's field a script reads: document.getElementById('pageNo').value, $('#pageNo').val()
FIELD_READ = (r"""(?:document\.getElementById\(\s*["']([\w-]{1,100})["']\s*\)\.value"""
              r"""|\$\(\s*["']#([\w-]{1,100})["']\s*\)\.val\(\s*\))""")
_NAMES = re.compile(rf"(?<![\w$.'\"]){_NAME}")
_PART = re.compile(rf"""\s*(?:"([^"]*)"|'([^']*)'|({_NAME})|\(\s*({_NAME})\s*([+-])\s*(\d{{1,3}})\s*\))\s*""")
_CALL = re.compile(rf"^\s*(?:javascript:)?\s*(?:return\s+)?({_NAME})\s*\(([^()]{{0,300}})\)\s*;?\s*"
                   r"(?:return\s+false\s*;?\s*)?$")
_ARGUMENT = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|(-?\d+))\s*$""")
# A concatenation written into a form's action follows form.action =, $(f).attr('action', or setAttribute('action',
# within MAX_ACTION_CHARS
MAX_ACTION_CHARS = 40
_FORM_ACTION = re.compile(r"""(?:\.action\s*=|(?:\.(?:attr|prop)|setAttribute)\(\s*["']action["']\s*,)\s*$""")



@dataclass(frozen=True)
class Shifted:
    """A parameter shifted by a number where it stands (``(n - 1)``): ``by`` is -1."""

    index: int
    by: int


@dataclass(frozen=True)
class Field:
    """The number a field of the page holds (an ``<input>``'s value, by its id), plus ``by``: a pager reading its
    current page from the page (``var page = parseInt($('#currentPage').val()) + 1``)."""

    name: str
    by: int = 0

    def value(self, fields: Mapping[str, str]) -> str | None:
        held = fields.get(self.name, "").strip()
        return str(int(held) + self.by) if held.isdigit() and len(held) <= MAX_FIELD_DIGITS else None


Parts = tuple[str | int | Shifted, ...]   # literal text, the index of the parameter standing there, or it shifted


@dataclass(frozen=True)
class FirstPage:
    """The literal ``address`` a function builds instead when its parameter ``index`` compares as ``operator``
    (``==``, ``<=`` or ``<``) with the number ``bound``: a pager's first page (``n == 1 ? 'index.html' : …``)."""

    index: int
    operator: str
    bound: str
    address: str

    def applies(self, arguments: list[str]) -> bool:
        if self.index >= len(arguments):
            return False
        argument = arguments[self.index]
        if self.operator.startswith("=="):
            return argument == self.bound
        if not argument.lstrip("-").isdigit():
            return False
        return int(argument) <= int(self.bound) if self.operator == "<=" else int(argument) < int(self.bound)


@dataclass(frozen=True)
class Template:
    """The address a function builds: its parts, and the literal it is instead for its first page (the other
    branch of a ternary or an if statement)."""

    parts: Parts
    when: FirstPage | None = None
    # the field each parameter is read from when the call leaves it out (if (!n) n = $('#pageNo').val()), or None,
    # then those of the variables read from fields (var page = …), which stand after the parameters
    defaults: tuple[Field | None, ...] = ()
    arity: int | None = None   # the parameters', when variables stand after them


@dataclass(frozen=True)
class Definition:
    """A function a script defines: its name, its parameters, and the start of its body."""

    name: str
    params: list[str]
    body: str


def function_definitions(scripts: Iterable[str], body_chars: int = MAX_BODY_CHARS) -> Iterator[Definition]:
    """The first ``MAX_FUNCTIONS`` functions each script defines, ``body_chars`` of each body."""
    for code in scripts:
        if len(code) > MAX_SCRIPT_CHARS:
            continue
        for _, match in zip(range(MAX_FUNCTIONS), _FUNCTION.finditer(code)):
            yield Definition(match.group(1), [p.strip() for p in match.group(2).split(",") if p.strip()],
                             unfold_choices(page_relative(code[match.end():match.end() + body_chars])))


def url_templates(scripts: Iterable[str]) -> dict[str, Template]:
    """The URL template of each function the scripts define whose body builds a URL from its parameters (not
    a form's action: the form is submitted, by its method with its fields, ``crawler.steering.formpagers``)."""
    out: dict[str, Template] = {}
    for definition in function_definitions(scripts):
        template = _template(definition.body, definition.params)
        if template is not None:
            out.setdefault(definition.name, template)
    return out


def action_template(body: str, params: list[str]) -> Template | None:
    """The template of the address a function's ``body`` writes into a form's action (``form.action =
    'index.jsp?startrow=' + r``, ``$('#f').attr('action', …)``), before it submits the form."""
    return _template(body, params, action=True)


def writes_form_action(code: str, at: int) -> bool:
    """The concatenation at ``at`` in ``code`` is assigned to a form's action (read ``MAX_ACTION_CHARS`` before)."""
    return bool(_FORM_ACTION.search(code[max(0, at - MAX_ACTION_CHARS):at]))


def called_url(handler: str, templates: dict[str, Template], fields: Mapping[str, str] | None = None) -> str | None:
    """The URL a handler (``openArticle('2023','8842')``, ``javascript:show(12)``) opens, when it calls a
    function with a template and literal arguments; ``fields`` the values of the page's fields by id (a
    function reading its page from one, or a parameter the call leaves out)."""
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
    arguments = arguments[:template.arity]
    for default in template.defaults[len(arguments):]:
        value = default.value(fields or {}) if default is not None else None
        if value is None:
            break
        arguments.append(value)
    if any(_index(part) is not None and _index(part) >= len(arguments) for part in template.parts):
        return None
    if template.when and template.when.applies(arguments):
        return template.when.address
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


def _template(body: str, params: list[str], action: bool = False) -> Template | None:
    """The first concatenation of ``body`` that is an address (a form's action if ``action``, else not one)."""
    for match in _CONCATENATION.finditer(body):
        if writes_form_action(body, match.start()) is not action:
            continue
        # the function's variables read from the page's fields stand after its parameters
        names = params + [name for name in _NAMES.findall(match.group(0))
                          if name not in params and field_read(name, body) is not None]
        parts = _parts(match.group(0), names)
        if parts is None or all(_index(p) is None for p in parts):
            continue
        if match.group("stem") is not None and not _is_relative_page(parts):
            continue   # 'tab_' + n: an element's id, no page's address
        defaults = tuple(field_read(name, body) for name in names)
        return Template(parts, first_page(body[max(0, match.start() - MAX_TERNARY_CHARS):match.start()],
                                          body[match.end():match.end() + MAX_TERNARY_CHARS], names),
                        defaults if any(defaults) else (), len(params) if len(names) > len(params) else None)
    return None


def field_read(name: str, body: str) -> Field | None:
    """The page's field a function's ``body`` reads a variable from (``var page = parseInt($('#currentPage').val())
    + 1``, ``if (!n) n = document.getElementById('pageNo').value``), with what it adds."""
    read = re.search(rf"(?<![\w$.]){re.escape(name)}\s*=(?!=)\s*(?:{_NAME}\s*\|\|\s*)?(?:(?:parseInt|Number)\s*\(\s*)?"
                     rf"{FIELD_READ}\s*\)?\s*(?:([+-])\s*(\d{{1,2}}))?", body)
    if read is None:
        return None
    by = int(read.group(4)) * (-1 if read.group(3) == "-" else 1) if read.group(4) else 0
    return Field(read.group(1) or read.group(2), by)


def _is_relative_page(parts: Parts) -> bool:
    """A concatenation relative to the page writes a page's address: a name ending with a page's extension
    ('index_' + n + '.html', or + '.html#list'), with a query after it ('list.jsp?pageNo=' + n), or a query alone
    giving a parameter as a value ('?pageNo=' + n)."""
    written = "".join(part if isinstance(part, str) else "\x00" for part in parts).partition("#")[0]
    path, _, query = written.partition("?")
    return bool(PAGE_EXTENSION.search(path)) if path else "=\x00" in query


def _parts(concatenation: str, params: list[str]) -> Parts | None:
    parts: list[str | int | Shifted] = []
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


def first_page(before: str, after: str, params: list[str]) -> FirstPage | None:
    """The first page's case of the ternary or the if statement a concatenation is a branch of, from the text
    ``before`` and ``after`` it (each at most ``MAX_TERNARY_CHARS``)."""
    case = _TERNARY.search(before) or _IF_ELSE.search(before)
    if case is not None:
        operator, address = case.group(2), next(g for g in case.group(6, 7) if g is not None)
    else:
        case = _TERNARY_LATER.search(before)
        literal = _TERNARY_ELSE.match(after) if case else None
        if literal is None:
            case = _IF_LATER.search(before)
            literal = _ELSE_LITERAL.match(after) if case else None
        if literal is None:
            return None
        operator, address = _NEGATION[case.group(2)], next(g for g in literal.groups() if g is not None)
    if case.group(1) not in params:
        return None
    bound = next(g for g in case.group(3, 4, 5) if g is not None)
    if not (PAGE_EXTENSION.search(address.split("?")[0]) or "/" in address):
        return None   # if (n == 1) alert('已是首页'): a message, no page
    return FirstPage(params.index(case.group(1)), operator, bound, address)


def unfold_choices(code: str) -> str:
    """The code with each ternary inside a concatenation (the first ``MAX_CHOICES``) written around it whole:
    ``'index' + (n == 1 ? '' : '_' + (n - 1)) + '.html'`` as ``n == 1 ? 'index.html' : 'index' + '_' + (n - 1) +
    '.html'``, the case of a literal address ``first_page`` reads."""
    out, done = [], 0
    for _, choice in zip(range(MAX_CHOICES), _CHOICE.finditer(code)):
        if choice.start() < done:
            continue
        yes = _branch(code, choice.end(), ":")
        no = _branch(code, yes, ")") if yes is not None else None
        if no is None:
            continue
        before = _BEFORE_CHOICE.search(code, max(done, choice.start() - MAX_TERNARY_CHARS), choice.start())
        after = _AFTER_CHOICE.match(code, no + 1, no + 1 + MAX_TERNARY_CHARS)
        branches = [_folded(before.group(0) + branch.strip() + after.group(0))
                    for branch in (code[choice.end():yes], code[yes + 1:no])]
        out += [code[done:before.start()], f"{choice.group(1)} ? {branches[0]} : {branches[1]}"]
        done = after.end()
    return "".join(out) + code[done:]


def _branch(code: str, start: int, end: str) -> int | None:
    """Where a ternary's branch beginning at ``start`` ends (at ``end``, outside strings and parentheses), within
    ``MAX_TERNARY_CHARS``."""
    depth, quote = 0, ""
    for at in range(start, min(len(code), start + MAX_TERNARY_CHARS)):
        char = code[at]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == end and not depth:
            return at
        elif char in "?;\n":
            return None   # a ternary inside the branch, or the statement's end: not read
    return None


def _folded(expression: str) -> str:
    """A concatenation of string literals as the one literal it makes (``'index' + '' + '.html'``:
    ``'index.html'``); another as it is."""
    pieces = [_PART.fullmatch(piece) for piece in _split_plus(expression)]
    if not pieces or any(piece is None or (piece.group(1) is None and piece.group(2) is None) for piece in pieces):
        return expression
    text = "".join(piece.group(1) if piece.group(1) is not None else piece.group(2) for piece in pieces)
    return "'" + text + "'" if "'" not in text else '"' + text + '"'


def page_relative(code: str) -> str:
    """The code with the addresses it writes from the page's location written relative to the page
    (``location.protocol + '//' + location.host + '/col/'`` as ``'/col/'``, ``location.pathname.replace(/index.*$/,
    '') + 'index_'`` as ``'./index_'``, ``location.pathname + '?page='`` as ``'?page='``)."""
    return _OWN_PATH.sub("", _FOLDER.sub(r"\2./", _ORIGIN.sub("", code)))


def _split(arguments: str) -> list[str]:
    return [a for a in re.findall(r"""\s*(?:"[^"]*"|'[^']*'|[^,'"]+)\s*""", arguments) if a.strip()]


def _split_plus(expression: str) -> list[str]:
    return re.findall(r"""(?:"[^"]*"|'[^']*'|\([^()'"]*\)|[^+'"()]+)+""", expression)

"""The pages a pager function draws, its arguments' roles learnt from its body, never from their names.

Many CMS list pages draw their pager by calling a function of the site's script file with the list's numbers,
in an order and under names of the site's own choosing (``setPage(12, 3, 'list_')``, ``pageNav(total, current,
prefix, ext)``, ``showPages(cur, count)``). The body says what each argument is: the page count bounds the loop
over the pages (``for (var i = 1; i <= count; i++)``, or shifted: ``i < count + 1``, ``i <= count - 1``) or is
written as ``'共' + count + '页'``; the current page
is compared with the loop's variable (``i == cur``); the address of page ``i`` is the concatenation joining the
loop's variable with literals and parameters (``'<a href="' + prefix + i + '.html">'``,
``location.href = 'index_' + i + ext``), or the variable shifted by a number (``'index_' + (i - 1) + '.html'``,
TRS's numbering: one shift an address), a variable of the function's (or the page script's) own in it the
literal it assigns (``var base = 'list_'; var url = base + i + '.html'``). A function is read only when all three
are found; the address it writes
must be a page's (``pagers``: an extension of pages, or a page key in its query): ``'tab_' + i`` and a year's
``<option>`` are none. A first-page case on the loop's variable gives that page's literal address instead
(``if (i == 0) href = 'index.html'; else href = 'index_' + i + '.html'``), or a link a ternary's branch writes
whole (``i == 1 ? '<a href="index.html">1</a>' : …``). A page drawing its pager in a loop of
its inline script, with no function called, draws it with the numbers the script assigns (``var total =
parseInt('12'); for (i = 1; i <= total; i++)``, or a hidden field's value it reads, ``$('#pageTotal').val()``:
``looped_pages``, the first ``MAX_LOOPS`` loops read; the page's fields as the parsed page holds them,
``links.page_fields``). A 跳转 script that clamps the page asked to the last (``n > 12 ? 12 : n``) draws
pages 1 … 12 of the address it writes around the page (``clamped_pages``, the first ``MAX_CLAMPS`` clamps read).
A function drawing only 下一页/上一页, with no loop, writes the next page's address around its current page's
parameter plus one (``(cur + 1)``) and compares that parameter with the count's (``if (cur < total)``): it draws
pages 2 … count at that address (``_stepping``).
Bodies are read to ``MAX_PAGER_BODY_CHARS``, at most ``MAX_PAGES`` pages drawn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from crawler.pages.scriptcalls import (FIELD_READ, MAX_TERNARY_CHARS, FirstPage, first_page, function_definitions,
                                       page_relative)

MAX_PAGER_BODY_CHARS = 5_000   # a pager drawing its links in HTML is longer than an address's function
MAX_PAGES = 500                # a call claiming more pages is not believed beyond it
MAX_LOOPS = 20                 # loops of a page's script read for one drawing its pager
_NAME = r"[A-Za-z_$][\w$]*"
# for (var i = 1; i <= count; i++), and with the bound shifted: i < count + 1, i <= count - 1
_LOOP = re.compile(rf"for\s*\(\s*(?:var\s+|let\s+)?({_NAME})\s*=\s*(\d{{1,3}})\s*;\s*\1\s*(<=?)\s*({_NAME}|\d{{1,4}})"
                   r"(?:\s*([+-])\s*(\d{1,2}))?\s*;")
_COUNT_TEXT = re.compile(rf"""共\s*["']\s*\+\s*({_NAME})\s*\+\s*["']\s*页""")
# a concatenation's piece and the + after it: a literal, a name, or a name shifted by a number ((i - 1))
_PIECE = re.compile(rf"""\s*(?:"([^"\n]{{0,300}})"|'([^'\n]{{0,300}})'|({_NAME})|\(\s*({_NAME})\s*([+-])\s*(\d{{1,3}})\s*\))"""
                    r"""\s*(?:\+|$)""")
# an identifier is tried from its start only, and whole (possessive): tried from each of its characters, one of
# 5,000 characters with no + after it cost 12.5 million steps (200 such bodies of a 1 MB script: 58 s)
_WHOLE_NAME = r"(?<![\w$])[A-Za-z_$][\w$]*+"
_SHIFTED = rf"\(\s*{_NAME}\s*[+-]\s*\d{{1,3}}\s*\)"   # (i - 1)
_CONCATENATION = re.compile(rf"""(?:"[^"\n]{{0,300}}"|'[^'\n]{{0,300}}'|{_WHOLE_NAME})"""
                            rf"""(?:\s*\+\s*(?:"[^"\n]{{0,300}}"|'[^'\n]{{0,300}}'|{_WHOLE_NAME}|{_SHIFTED}))+""")
_FIELD_NUMBER = re.compile(r"\d{1,4}\b")
# An element's data- attribute read by its id: $('#page').attr('data-total'), $('#page').data('total'),
# document.getElementById('page').getAttribute('data-total'), ….dataset.total; not one computed further
_DATA_READ = (r"""(?:\$\(\s*["']#([\w-]{1,100})["']\s*\)\s*\.\s*(?:attr\(\s*["']data-([\w-]{1,100})["']\s*\)"""
              r"""|data\(\s*["']([\w-]{1,100})["']\s*\))"""
              r"""|document\.getElementById\(\s*["']([\w-]{1,100})["']\s*\)\s*\.\s*(?:getAttribute\(\s*["']data-"""
              r"""([\w-]{1,100})["']\s*\)|dataset\.([A-Za-z]\w{0,100}+)))(?!\s*\)?\s*[-+*/%.])""")
_HREF = re.compile(r"""href\s*=\s*["']?([^"'\s<>]*\x00-?\d+\x00[^"'\s<>]*)""")
_LOOP_MARK = "\x00"   # where the loop's variable stands in the address written (\x00-1\x00: less one)
# A 跳转 (go-to-page) script bounds the page asked by the list's last, where no pager states the count (昆明's
# department sites: PageIndex = PageIndex > 12 ? 12 : PageIndex; if (ele.value > 12) { ele.value = 12; }; and
# Math.min(n, 12)), then goes to the address it writes around the page (location.href = 'index_' + n + '.shtml').
_CLAMPED = r"[A-Za-z_$][\w$]*+(?:\.[A-Za-z_$][\w$]*+)?"
# read from the > on (a literal the search skips to), the name compared read back from it; Math.min from its name
_CLAMP = re.compile(rf">\s*(\d{{1,4}})\s*(?:\?\s*(\d{{1,4}})\s*:\s*({_CLAMPED})|\)\s*\{{?\s*({_CLAMPED})\s*=\s*(\d{{1,4}})\b)")
_COMPARED = re.compile(rf"(?<![\w$.])({_CLAMPED})\s*\Z")
_LEAST = re.compile(rf"Math\.min\(\s*({_CLAMPED})\s*,\s*(\d{{1,4}})\s*\)")
_COMPARED_CHARS = 100   # before a clamp's >, where the name compared is read
MAX_CLAMPS = 20   # clamps of a page's script read for one bounding the page it goes to
@dataclass(frozen=True)
class PagerFunction:
    """What a pager function's parameters are: ``count`` and ``current`` their indexes, ``address`` the parts of
    page ``i``'s address (literal text, a parameter's index, or None for the page's number), ``first`` the loop's
    start."""

    count: int
    current: int
    address: tuple[str | int | None, ...]
    first: int
    inclusive: bool
    when: FirstPage | None = None   # the literal address of the loop's first page (i == 0 ? 'index.html' : …)
    by: int = 0                     # the bound's shift: i < count + 1 is by 1
    written_by: int = 0             # what the address adds to the page's number: 'index_' + (i - 1) is -1

    def pages(self, arguments: list[int | str | None]) -> list[str]:
        """The addresses (relative to the page) of the pages the call draws but the current one."""
        if max(self.count, self.current, *(p for p in self.address if isinstance(p, int))) >= len(arguments):
            return []
        count, current = arguments[self.count], arguments[self.current]
        if not isinstance(count, int) or not isinstance(current, int) \
                or any(arguments[part] is None for part in self.address if isinstance(part, int)):
            return []
        last = min(count + self.by - (0 if self.inclusive else 1), self.first + MAX_PAGES - 1)
        return [self._written(k, arguments) for k in range(self.first, last + 1) if k != current]

    def _written(self, k: int, arguments: list[int | str | None]) -> str:
        if self.when is not None and self.when.applies([str(k)]):
            return self.when.address
        return "".join(str(k + self.written_by) if part is None else part if isinstance(part, str)
                       else str(arguments[part]) for part in self.address)


def pager_functions(scripts: Iterable[str]) -> dict[str, PagerFunction]:
    """The pager functions the scripts define, by name."""
    out: dict[str, PagerFunction] = {}
    for definition in function_definitions(scripts, MAX_PAGER_BODY_CHARS):
        pager = _pager(definition.body, definition.params)
        if pager is not None:
            out.setdefault(definition.name, pager)
    return out


def looped_pages(code: str, fields: Mapping[str, str]) -> list[str]:
    """The addresses (relative to the page) a loop of a page's script draws, not in a function called with the
    numbers but with those the script assigns (``var total = parseInt('12'); for (i = 1; i <= total; i++)``) or the
    page's ``fields`` hold, the page compared with the loop's variable (``i == cur``) left out: those of the first
    of its ``MAX_LOOPS`` loops that writes a page's address."""
    for _, loop in zip(range(MAX_LOOPS), _LOOP.finditer(code)):
        bound = loop.group(4)
        count = int(bound) if bound.isdigit() else assigned_number(bound, code, fields)
        body = page_relative(code[loop.end():loop.end() + MAX_PAGER_BODY_CHARS])
        address = _address(body, loop.group(1), [], code)
        if count is None or address is None:
            continue
        compared = _compared(body, loop.group(1))
        current = assigned_number(compared, code, fields) if compared else None
        pager = PagerFunction(0, 1, address[0], int(loop.group(2)), loop.group(3) == "<=", address[2], _shift(loop),
                              address[1])
        return pager.pages([count, -1 if current is None else current])   # -1: no page compared, every one drawn
    return []


def clamped_pages(code: str) -> list[str]:
    """The addresses (relative to the page) of the pages of a list whose 跳转 script clamps the page asked to the
    last (``n > 12 ? 12 : n``, ``if (n > 12) { n = 12 }``, ``Math.min(n, 12)``): each written as the script writes
    the address around the page, or around a name it gives the clamped value (``var PageIndex = ele.value``), its
    first page's case as written (``PageIndex <= 1 ? 'index.shtml' : …``). The first of ``MAX_CLAMPS`` clamps that
    writes an address; the text read after a clamp no longer than ``MAX_PAGER_BODY_CHARS``."""
    for name, count, at in _clamps(code):
        body = page_relative(code[at:at + MAX_PAGER_BODY_CHARS])
        given = re.compile(rf"(?<![\w$.])({_NAME})\s*=(?!=)\s*(?:(?:parseInt|Number)\s*\(\s*)?"
                           rf"{re.escape(name)}(?![\w$])")
        for variable in dict.fromkeys([name, *(m.group(1) for m in given.finditer(body))]):
            address = _address(body, variable, [], code) if "." not in variable else None
            if address is not None:
                return PagerFunction(0, 1, address[0], 1, True, address[2], 0, address[1]).pages([count, -1])
    return []


def _clamps(code: str) -> Iterator[tuple[str, int, int]]:
    """The clamps of the code, each the name clamped, its bound and where it is: the bound given back to the name
    compared (``n > 12 ? 12 : n``, ``if (n > 12) { n = 12``), or ``Math.min(n, 12)``; ``MAX_CLAMPS`` of each
    kind read."""
    for _, clamp in zip(range(MAX_CLAMPS), _CLAMP.finditer(code)):
        compared = _COMPARED.search(code, max(0, clamp.start() - _COMPARED_CHARS), clamp.start())
        bound, given, back, assigned, value = clamp.groups()
        name = compared.group(1) if compared else None
        if name is not None and ((given, back) == (bound, name) or (assigned, value) == (name, bound)):
            yield name, int(bound), compared.start()
    for _, least in zip(range(MAX_CLAMPS), _LEAST.finditer(code)):
        yield least.group(1), int(least.group(2)), least.start()


def assigned_number(name: str, code: str, fields: Mapping[str, str]) -> int | None:
    """The number a script first assigns to a variable (``total = 12``, ``= '12'``, ``= parseInt('12')``), or the
    value of the page's field it reads (``= $('#countPage').val()``, ``document.getElementById('countPage').value``)
    or of an element's ``data-`` attribute (``= parseInt($('#page').attr('data-total'))``, ``.data('total')``,
    ``.dataset.total``) among its ``fields`` (``links.page_fields``); none for a value it computes from one
    (``Math.ceil($('#page').data('total') / 15)``: what the attribute counts is then unknown)."""
    assigned = re.search(rf"(?<![\w$.]){re.escape(name)}\s*=(?!=)\s*(?:(?:parseInt|Number)\s*\(\s*)?"
                         rf"(?:['\"]?(\d{{1,6}})\b|{FIELD_READ}|{_DATA_READ})", code)
    if assigned is None:
        return None
    if assigned.group(1) is not None:
        return int(assigned.group(1))
    if assigned.group(2) or assigned.group(3):
        return field_value(fields, re.compile(re.escape(assigned.group(2) or assigned.group(3))))
    element = assigned.group(4) or assigned.group(7)
    attribute = next(g for g in assigned.group(5, 6, 8, 9) if g)
    attribute = re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), attribute)   # dataset.totalPage: total-page
    return field_value(fields, re.compile(re.escape(f"{element}@data-{attribute}")))


def assigned_text(name: str, code: str) -> str | None:
    """The string literal a script first assigns to a variable whole (``var prefix = 'list_';``)."""
    assigned = re.search(rf"""(?<![\w$.]){re.escape(name)}\s*=(?!=)\s*(?:"([^"\n]{{0,300}})"|'([^'\n]{{0,300}})')"""
                         r"""\s*[;,\n}]""", code)
    return None if assigned is None else next(g for g in assigned.groups() if g is not None)


def field_value(fields: Mapping[str, str], names: re.Pattern[str]) -> int | None:
    """The number the first of the page's ``fields`` (``links.page_fields``: by id and by name) whose key is one of
    ``names`` holds."""
    value = next((v for key, v in fields.items() if names.fullmatch(key)), None)
    number = _FIELD_NUMBER.match(value) if value is not None else None
    return int(number.group(0)) if number else None


def _pager(body: str, params: list[str]) -> PagerFunction | None:
    loop = _LOOP.search(body)
    if loop is None:
        return _stepping(body, params)
    variable = loop.group(1)
    count = _count(body, loop, params)
    current = _current(body, variable, params)
    address = _address(body, variable, params, body)
    if count is None or current is None or address is None:
        return None
    return PagerFunction(count, current, address[0], int(loop.group(2)), loop.group(3) == "<=", address[2],
                         _shift(loop), address[1])


def _stepping(body: str, params: list[str]) -> PagerFunction | None:
    """A pager drawing only its 下一页 (and 上一页) with no loop: the address joins the current page's parameter
    plus one (``'/channels/' + id + '_' + (cur + 1) + '.html'``), that parameter compared with the count's
    (``if (cur < total)``). Its pages are the numbers 2 … count written there (page 1 is the list's own)."""
    for param in params:
        name = re.escape(param)
        if not re.search(rf"\(\s*{name}\s*\+\s*1\s*\)", body):
            continue
        bound = re.search(rf"(?<![\w$.]){name}\s*[<>]=?\s*({_NAME})(?![\w$])|(?<![\w$.])({_NAME})\s*[<>]=?\s*{name}(?![\w$])",
                          body)
        count = bound and (bound.group(1) or bound.group(2))
        if count not in params or count == param:
            continue
        address = _address(body, param, params, body)
        if address is not None and address[1] == 1:
            return PagerFunction(params.index(count), params.index(param), address[0], 2, True)
    return None


def _shift(loop: re.Match[str]) -> int:
    """What the loop adds to its bound (``i < count + 1``: 1, ``i <= count - 1``: -1)."""
    return int(loop.group(6)) * (-1 if loop.group(5) == "-" else 1) if loop.group(6) else 0


def _count(body: str, loop: re.Match[str], params: list[str]) -> int | None:
    """The parameter bounding the loop, else the one written as 共N页."""
    if loop.group(4) in params:
        return params.index(loop.group(4))
    text = _COUNT_TEXT.search(body)
    return params.index(text.group(1)) if text and text.group(1) in params else None


def _current(body: str, variable: str, params: list[str]) -> int | None:
    """The parameter compared with the loop's variable."""
    for param in params:
        name = re.escape(param)
        if re.search(rf"(?<![\w$.]){variable}\s*[!=]==?\s*{name}(?![\w$])|(?<![\w$.]){name}\s*[!=]==?\s*{variable}(?![\w$])",
                     body):
            return params.index(param)
    return None


def _compared(body: str, variable: str) -> str | None:
    """The first variable the body compares with the loop's variable for (in)equality (``i == cur``)."""
    name = re.escape(variable)
    compared = re.search(rf"(?<![\w$.]){name}\s*[!=]==?\s*({_NAME})|(?<![\w$.])({_NAME})\s*[!=]==?\s*{name}(?![\w$])",
                         body)
    return next((g for g in compared.groups() if g is not None and g != variable), None) if compared else None


def _address(body: str, variable: str, params: list[str], scope: str) \
        -> tuple[tuple[str | int | None, ...], int, FirstPage | None] | None:
    """The parts of the address the first concatenation joining the loop's variable into an address writes, what
    it adds to the variable there (``'index_' + (i - 1) + '.html'``: -1), and the first page's case it is a branch
    of (``i == 0 ? 'index.html' : 'index_' + i + '.html'``). A variable of the code's own is the text ``scope``
    (the function's body, the page's script) assigns it (``var prefix = 'list_'``)."""
    for match in _CONCATENATION.finditer(body):
        parts = _concatenated(match.group(0), variable, params, scope)
        if parts is not None and (address := _address_parts(parts)) is not None:
            return *address, _first_page(body[max(0, match.start() - MAX_TERNARY_CHARS):match.start()],
                                         body[match.end():match.end() + MAX_TERNARY_CHARS], variable)
    return None


def _concatenated(text: str, variable: str, params: list[str], scope: str) -> list[str | int | _Looped] | None:
    """A concatenation's parts: literal text, a parameter's index, or the loop's variable (shifted or not); None
    where a variable of the code's own holds no text it assigns (nothing the call says) or a parameter is
    shifted."""
    parts: list[str | int | _Looped] = []
    at = 0
    while at < len(text):
        piece = _PIECE.match(text, at)
        if piece is None:
            return None
        at = piece.end()
        literal, name, shifted, sign, by = piece.group(1) if piece.group(1) is not None else piece.group(2), \
            *piece.group(3, 4, 5, 6)
        if literal is not None:
            parts.append(literal)
        elif shifted is not None:
            if shifted != variable:
                return None
            parts.append(_Looped(int(by) * (-1 if sign == "-" else 1)))
        elif name == variable:
            parts.append(_Looped(0))
        elif name in params:
            parts.append(params.index(name))
        elif (assigned := assigned_text(name, scope)) is not None:
            parts.append(assigned)
        else:
            return None
    return parts


@dataclass(frozen=True)
class _Looped:
    """The loop's variable where a concatenation joins it, plus ``by``."""

    by: int


# a first page's link written whole in the branch before the later pages' (i == 1 ? '<a href="index.html">1</a>' :)
_FIRST_LINK = re.compile(rf"""({_NAME})\s*===?\s*(\d{{1,4}})\s*\?\s*(?:"([^"\n]{{0,300}})"|'([^'\n]{{0,300}})')\s*:\s*$""")
_LINK_HREF = re.compile(r"""^<a\s[^<>]{0,200}?href\s*=\s*["']?([^"'\s<>]{1,300})""", re.IGNORECASE)


def _first_page(before: str, after: str, variable: str) -> FirstPage | None:
    """The first page's case of the ternary or the if statement the address is a branch of: a literal address,
    or a link's whole HTML."""
    if (case := first_page(before, after, [variable])) is not None:
        return case
    linked = _FIRST_LINK.search(before)
    if linked is None or linked.group(1) != variable:
        return None
    href = _LINK_HREF.match(linked.group(3) if linked.group(3) is not None else linked.group(4))
    return FirstPage(0, "==", linked.group(2), href.group(1)) if href else None


def _address_parts(parts: list[str | int | _Looped]) -> tuple[tuple[str | int | None, ...], int] | None:
    """The address among a concatenation's parts and what it adds to the loop's variable: the attribute holding
    the page's number in HTML the function writes (``'<a href="' + prefix + i + '.html">'``), else the whole
    concatenation. The variable must stand in it, shifted by one number."""
    text = "".join(part if isinstance(part, str) else f"\x00{part.by}\x00" if isinstance(part, _Looped)
                   else f"\x01{part}\x01" for part in parts)
    href = _HREF.search(text)
    address = href.group(1) if href else text
    shifts = set(re.findall(r"\x00(-?\d+)\x00", address))
    if re.search(r"[\s<>\"']", address) or len(shifts) != 1:
        return None
    out: list[str | int | None] = []
    for piece in re.split(r"(\x00-?\d+\x00|\x01\d+\x01)", address):
        if piece.startswith(_LOOP_MARK):
            out.append(None)
        elif piece.startswith("\x01"):
            out.append(int(piece.strip("\x01")))
        elif piece:
            out.append(piece)
    return tuple(out), int(shifts.pop())

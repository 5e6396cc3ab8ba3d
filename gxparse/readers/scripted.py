"""Article bodies a script writes into the page, as several CMSs serve them: the markup in a JavaScript string
(``var content = "…";``, ``document.write(unescape('%3Ctable…'))``, ``decodeURIComponent("%E4…")``), in a
hidden ``<textarea>`` whose value a script shows, or in a ``<script type="text/html">`` template.

Every step is linear in the script's size: string literals are found by searching for their closing quote,
their escapes undone by Python's codecs, and percent-encoding undone at most
``_MAX_DECODINGS`` times however many ``unescape`` calls are nested.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import unquote

from lxml import etree

_QUOTE = re.compile("[\"']")
# an escaped character JavaScript reads as itself: any but those Python's unicode_escape reads the same way
_OTHER_ESCAPE = re.compile(r"\\([^xu0-7nrtbfv'\"\\\n])")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONCATENATION = re.compile(r"\s*\+\s*")
_MARKUP = re.compile(r"<(?:table|tr|td|p|div|span|br|h[1-6]|section|article|img)\b", re.I)
_PERCENT_MARKUP = re.compile(r"%(?:25)*3C", re.I)   # a "<" escaped once or more
_UNICODE_PERCENT = re.compile(r"%u([0-9a-fA-F]{4})")
_BYTE_PERCENT = re.compile(r"%([0-9a-fA-F]{2})")
_MAX_DECODINGS = 3   # unescape(unescape(…)) deeper than this is no CMS's
_ESCAPED_ATTRIBUTE = re.compile(r"=\\[\"']")   # colspan=\"3\": markup written inside a string literal
_ATTRIBUTE = re.compile(r"=[\"']")
_TEMPLATE_TYPES = ("html", "template")   # text/html, text/template, text/x-template: markup as written
# a JSON data block's strings are JavaScript literals too: a server-rendered app's page state (Next.js
# ``<script id="__NEXT_DATA__" type="application/json">``) holds the article the app would render
_SCRIPT_TYPES = ("", "text/javascript", "application/javascript", "javascript", "text/ecmascript", "application/json")


def _js_string(literal: str) -> str | None:
    """A literal's value with its escapes undone (``\\x3C``, ``\\u4e00``, ``\\"``, ``\\/``); None when one
    names no character (``\\x4``). Python's codec undoes the escapes both languages share, at C speed, once
    every other escaped character is made itself (JavaScript's ``\\/`` is ``/``, ``\\a`` is ``a``): that is
    done between the escaped backslashes, which the codec reads."""
    body = literal[1:-1]
    if "\\" not in body:
        return body
    body = "\\\\".join(_OTHER_ESCAPE.sub(r"\1", part) for part in body.split("\\\\"))
    try:
        return _paired(body.encode("latin-1", "backslashreplace").decode("unicode_escape"))
    except UnicodeDecodeError:
        return None


def _paired(text: str) -> str:
    """Surrogate pairs (``\\ud83d\\ude00``, as JSON writes a character beyond the BMP) made their character;
    a lone half is the replacement character."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _percent_decoded(text: str) -> str:
    """``text`` as ``unescape`` (``%uXXXX``, a byte per ``%XX``) or ``decodeURIComponent`` (UTF-8) reads it."""
    if "%u" not in text and "%U" not in text:
        try:
            return unquote(text, errors="strict")
        except UnicodeDecodeError:
            pass
    escaped = _BYTE_PERCENT.sub(r"\\x\1", _UNICODE_PERCENT.sub(r"\\u\1", text.replace("\\", "\\\\")))
    return escaped.encode("latin-1", "backslashreplace").decode("unicode_escape")


def _unwrapped(text: str) -> str:
    """Percent-encoded markup decoded until it reads as markup, at most ``_MAX_DECODINGS`` times."""
    for _ in range(_MAX_DECODINGS):
        if _MARKUP.search(text) or not _PERCENT_MARKUP.search(text):
            break
        text = _percent_decoded(text)
    return text


def _escaped(script: str, at: int) -> bool:
    """Whether the character at ``at`` follows an odd run of backslashes."""
    before = at
    while before > 0 and script[before - 1] == "\\":
        before -= 1
    return (at - before) % 2 == 1


def _closing(script: str, start: int) -> tuple[int | None, int]:
    """Where the literal opened at ``start`` closes: its quote again, unescaped, before any line break that no
    backslash continues; else None, with where the search stopped: every quote of its kind before that is
    escaped, so none of them opens a literal that closes either. Each search runs to the next quote only."""
    quote = script[start]
    at = start + 1
    while (close := script.find(quote, at)) >= 0:
        while (newline := script.find("\n", at, close)) >= 0:
            if not _escaped(script, newline):
                return None, newline
            at = newline + 1
        if not _escaped(script, close):
            return close, close
        at = close + 1
    return None, len(script)


def _literals(script: str) -> Iterator[tuple[int, int]]:
    """The start and end of each string literal of ``script`` (``"…"`` or ``'…'``), in time linear in its size:
    a quote where a failed search of its kind went is not searched from again."""
    at = 0
    searched = {"'": 0, '"': 0}   # quotes of each kind before this close nothing
    while (m := _QUOTE.search(script, at)) is not None:
        start = m.start()
        if start < searched[m[0]]:
            at = start + 1
            continue
        close, stop = _closing(script, start)
        if close is None:
            searched[m[0]] = stop
            at = start + 1
            continue
        yield start, close + 1
        at = close + 1


def _chains(script: str) -> list[str]:
    """The script's string expressions: literals joined by ``+`` are one value."""
    chains: list[str] = []
    end = -1
    for start, stop in _literals(script):
        value = _js_string(script[start:stop])
        if value is None:
            end = -1
            continue
        if end >= 0 and _CONCATENATION.fullmatch(script, end, start):
            chains[-1] += value
        else:
            chains.append(value)
        end = stop
    return chains


def _script_markup(script: str) -> str:
    return "".join(text for chain in _chains(script) if _MARKUP.search(text := _unwrapped(chain)))


def held_markup(el: etree._Element) -> str | None:
    """The article markup a ``<script>`` or ``<textarea>`` holds for the page to show, None if it holds none."""
    text = el.text or ""
    kind = (el.get("type") or "").strip().lower()
    if el.tag == "textarea" or el.tag == "script" and any(word in kind for word in _TEMPLATE_TYPES):
        markup = text
    elif el.tag == "script" and kind in _SCRIPT_TYPES:
        markup = _script_markup(text)
    else:
        return None
    return markup if _MARKUP.search(markup) else None


def scripted_markup(root: etree._Element) -> dict[etree._Element, str]:
    """Each script and textarea of the page with the article markup it holds."""
    return {el: markup for el in root.iter("script", "textarea") if (markup := held_markup(el)) is not None}


_SCRIPT_OPEN = re.compile(r"<script\b[^>]*>", re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.I)


def outside_scripts(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to all but its scripts' code: a page's normalisation (“ ” made ")
    would end a script's string literals early and cut the article a script holds (``"3.危及“三安全一稳定”"``);
    the markup read from a script is normalised when it is read. Linear: each script's end is searched once."""
    out, at = [], 0
    while (opened := _SCRIPT_OPEN.search(text, at)) is not None:
        closed = _SCRIPT_CLOSE.search(text, opened.end())
        if closed is None:
            break
        out += [change(text[at:opened.end()]), text[opened.end():closed.start()]]
        at = closed.start()
    return "".join(out) + change(text[at:])


def script_file_markup(text: str) -> str | None:
    """The article markup of a document that is a script, not a page (a site's data file saved as found:
    ``let content = "<p>…<td colspan=\\"3\\">…";``), None for any other document. Its markup stands in string
    literals, so more of its attributes' quotes are escaped than not; read as a page, ``colspan=\\"3\\"`` spans
    nothing (as in a browser) and its tables fall apart. A page starts with markup, a script does not."""
    if text.lstrip("\ufeff \t\r\n").startswith("<"):
        return None
    if len(_ESCAPED_ATTRIBUTE.findall(text)) <= len(_ATTRIBUTE.findall(text)):
        return None
    markup = _script_markup(text)
    return markup if _MARKUP.search(markup) else None

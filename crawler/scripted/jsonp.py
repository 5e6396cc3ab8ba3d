"""The JSON of an API's answer, bare or wrapped as JSONP.

A list a script asks for with ``$.ajax({dataType: "jsonp"})``, ``$.getJSON('/api/list?callback=?')`` or a
``<script>`` of its own comes back as a call of the script's callback with the JSON: ``cb({"list": […]})``,
``jQuery1830_1700000000({…});``, ``/**/cb([…])``, or ``?({…})`` when the ``?`` the browser fills in was sent
as it is written. The JSON is what the call is given; only the answer's first ``MAX_HEAD`` bytes are looked at
to recognise it. A request is sent as jQuery sends it: ``dataType: "jsonp"`` adds the callback parameter
(``callback``, or the ``jsonp`` option's name), a ``=?`` in the URL is filled in, with ``CALLBACK`` where
jQuery makes a name up.

An answer written as a script's object rather than as JSON has its strings in single quotes where JSON has double
(TRS WAS5's list answers: ``"py":'###pypy###'``): such a string is read as the JSON string it means, in an answer of
at most ``MAX_REQUOTED_CHARS``.
"""

from __future__ import annotations

import re

MAX_HEAD = 160
# The callback's name a request sends where jQuery makes one up (jQuery1124_1701820000000): a server echoes it.
CALLBACK = "jsonpCallback"
_BLANK_CALLBACK = re.compile(r"=\?(?=&|$)")   # $.getJSON('/api/list?callback=?'): jQuery fills in the ?
_BARE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*[\[{]")
_CALL = r"^(?:\ufeff)?\s*(?:/\*\*/\s*)?[\w$.?]{1,100}\s*\(\s*(?=[\[{])"
_WRAPPED = re.compile(_CALL.replace(r"(?:\ufeff)?", r"(?:\xef\xbb\xbf)?").encode())
_WRAPPED_TEXT = re.compile(_CALL)
_CLOSE = re.compile(r"\)\s*;?\s*$")
# a value opened by a single quote (after a key, in a list). A list's answer is tens of KB (WAS5's of 730 documents
# some 300 KB); one of at most MAX_REQUOTED_CHARS is re-quoted, each character scanned once (2 MB of 200,000 strings
# in about 1 s); a string never closed ends the scan.
_SINGLE_QUOTED_VALUE = re.compile(r"[:,\[]\s*'")
MAX_REQUOTED_CHARS = 2_000_000
_QUOTE = re.compile(r"[\"']")
_DOUBLE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SINGLE = re.compile(r"'((?:[^'\\]|\\.)*)'", re.DOTALL)
_BARE_DOUBLE_QUOTE = re.compile(r'(?<!\\)"')


def is_json_answer(body: bytes) -> bool:
    """The answer is JSON, bare or as a JSONP call."""
    head = body[:MAX_HEAD]
    return bool(_BARE.match(head) or _WRAPPED.match(head))


def json_text(text: str) -> str:
    """The JSON of an answer: the text itself, or what its JSONP callback is called with."""
    start, end = _WRAPPED_TEXT.match(text), _CLOSE.search(text)
    text = text[start.end():end.start()] if start and end else text
    if len(text) > MAX_REQUOTED_CHARS or not _SINGLE_QUOTED_VALUE.search(text):
        return text
    return _requoted(text)


def _requoted(text: str) -> str:
    """``text`` with its single-quoted strings in double quotes, their quotes escaped as JSON escapes them; as
    written when a string is never closed (no JSON then)."""
    out, at = [], 0
    while quote := _QUOTE.search(text, at):
        string = (_DOUBLE if quote.group() == '"' else _SINGLE).match(text, quote.start())
        if string is None:
            return text
        out += [text[at:quote.start()], string.group(0) if quote.group() == '"' else _json_string(string.group(1))]
        at = string.end()
    out.append(text[at:])
    return "".join(out)


def _json_string(inner: str) -> str:
    """What a single-quoted string holds as a JSON string: its escaped single quotes bare, its double ones escaped."""
    inner = inner.replace("\\'", "'") if "\\'" in inner else inner
    return '"' + (_BARE_DOUBLE_QUOTE.sub(r'\\"', inner) if '"' in inner else inner) + '"'


def callback_parameter(data_type: str, name: str, callback: str) -> tuple[str, str] | None:
    """The parameter ``$.ajax`` adds to a JSONP request (its ``jsonp`` option's name, else ``callback``; its
    ``jsonpCallback``, else a name of ours); None for another ``dataType``."""
    return (name or "callback", callback or CALLBACK) if data_type.strip().lower() == "jsonp" else None


def named_callback(url: str) -> str:
    """The URL with the callback's ``?`` filled in, as jQuery fills it (``?callback=?`` → ``?callback=…``)."""
    return _BLANK_CALLBACK.sub(f"={CALLBACK}", url)

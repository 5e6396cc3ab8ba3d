"""Anti-bot script challenges: answers that hold no page, only a script a browser must run to earn a cookie.

Many government portals sit behind such a gate: 瑞数信息 (RiverSecurity) answers HTTP 412 (or 202) with a
``$_ts`` script, 知道创宇加速乐 HTTP 521 with a script writing ``__jsl_clearance``, others a short page that
writes ``document.cookie`` and reloads itself. gxmon runs no JavaScript: a gate whose cookie is written in string
literals is passed (``challenge_cookies``, read by ``crawler.middlewares.ChallengeCookieMiddleware``); any other
cannot be, and naming it tells the officer why nothing was found, where "no 年报 column" would blame the site's
layout.
"""

from __future__ import annotations

import re

# a challenge is a short page: its script comes as a file of its own or a few dozen KB inline
SCANNED_BYTES = 256 * 1024
_FAMILIES = (
    ("瑞数信息 (RiverSecurity)", re.compile(rb"\$_ts\s*=|\$_ts\s*\[|window\[['\"]\$_ts['\"]\]")),
    ("知道创宇加速乐 (Knownsec)", re.compile(rb"_jsl_clearance")),
)
_SETS_COOKIE = re.compile(rb"document\.cookie\s*=")
_RELOADS = re.compile(rb"location\.(?:reload|replace|href\s*=)|window\.location\s*=|http-equiv=[\"']?refresh",
                      re.IGNORECASE)


def script_challenge(body: bytes) -> str | None:
    """What gate the answer is, in words for the crawl summary; None when it is no challenge. Ask only of a
    page with no links: a page of the site may well set a cookie by script."""
    head = body[:SCANNED_BYTES]
    for name, pattern in _FAMILIES:
        if pattern.search(head):
            return f"an anti-bot script challenge ({name}): the site lets in only browsers that run its JavaScript"
    if _SETS_COOKIE.search(head) and _RELOADS.search(head):
        return "a script challenge: the page only sets a cookie by JavaScript and reloads itself"
    return None


# A cookie a challenge writes in literals is on a tiny page; a bigger one computes it.
LITERAL_CHALLENGE_BYTES = 16 * 1024
MAX_COOKIE_WRITES = 4
_COOKIE_WRITE = re.compile(r"document\.cookie\s*=\s*")
_LITERAL = re.compile(r"""\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')\s*""")
_END = re.compile(r"\s*(?:;|\n|</script|$)", re.IGNORECASE)
_COOKIE_PAIR = re.compile(r"\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)=([^;\s]+)")
_LINK = re.compile(rb"<a\s[^>]*href", re.IGNORECASE)
# control characters: a browser ignores a cookie holding one (RFC 6265bis 5.6), and none may go into a header
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def challenge_cookies(body: bytes) -> dict[str, str] | None:
    """The cookies a challenge page writes and reloads for, where each is written in string literals joined by ``+``
    (``document.cookie="__jsl_clearance=1700000000.123|0|abc" + ";path=/"``): name → value. None for any other
    page, and where a cookie is computed (any other expression: no JavaScript is evaluated)."""
    if len(body) > LITERAL_CHALLENGE_BYTES or _LINK.search(body) or not _RELOADS.search(body):
        return None
    text = body.decode("utf-8", "replace")
    cookies: dict[str, str] = {}
    for write in _COOKIE_WRITE.finditer(text):
        written = _literals(text, write.end()) or ""
        pair = _COOKIE_PAIR.match(written)
        if pair is None or _CONTROL.search(written) or len(cookies) == MAX_COOKIE_WRITES:
            return None   # computed, no cookie a browser keeps, or more than a gate writes
        cookies[pair.group(1)] = pair.group(2)
    return cookies or None


def _literals(text: str, start: int) -> str | None:
    """The string that string literals joined by ``+`` from ``start`` to the statement's end make; None where
    anything else stands in the expression."""
    parts, at = [], start
    while literal := _LITERAL.match(text, at):
        parts.append(literal.group(1) if literal.group(1) is not None else literal.group(2))
        at = literal.end()
        if not text.startswith("+", at):
            return "".join(parts) if _END.match(text, at) else None
        at += 1
    return None

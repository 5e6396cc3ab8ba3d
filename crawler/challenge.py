"""Anti-bot script challenges: answers that hold no page, only a script a browser must run to earn a cookie.

Many government portals sit behind such a gate: 瑞数信息 (RiverSecurity) answers HTTP 412 (or 202) with a
``$_ts`` script, 知道创宇加速乐 HTTP 521 with a script writing ``__jsl_clearance``, others a short page that
writes ``document.cookie`` and reloads itself. gxmon runs no JavaScript, so such a site cannot be crawled;
naming the gate tells the officer why nothing was found, where "no 年报 column" would blame the site's layout.
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

"""Where a site's exit page sends the browser on: portals link other sites (a department's, a county's) through a
warning page of their own, 您即将离开本站 (``/link.jsp?url=http%3A%2F%2Ffgw.example.gov.cn%2F``,
``/exit.html?target=…``, ``/redirect?goto=…``), which answers 200 and sends the browser on by a script reading the
address from its own query: no redirect a crawler could follow. The link leads to the address in the query.

Bounded: at most ``MAX_QUERY_FIELDS`` fields of a query are read, and a value longer than ``MAX_TARGET_CHARS`` is
no address.
"""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import unquote_plus, urlsplit

MAX_QUERY_FIELDS = 20
MAX_TARGET_CHARS = 2000
# The names exit pages give the address they send the browser on to.
_TARGET_KEY = re.compile(r"^(?:url|target|goto|go|redirect(?:_?url)?|link|jump(?:_?url)?|dest(?:ination)?|to)$",
                         re.IGNORECASE)


def query_fields(url: str) -> list[tuple[str, str]]:
    """The keys and values of ``url``'s query as written (not decoded), its first ``MAX_QUERY_FIELDS`` only."""
    query = urlsplit(url).query
    if "=" not in query:
        return []
    pairs = (pair.partition("=") for pair in islice(query.split("&"), MAX_QUERY_FIELDS))
    return [(key, value) for key, _, value in pairs]


def exit_target(url: str) -> str:
    """The address ``url``'s query sends the browser on to (an absolute http(s) address under a key such as
    ``url=``), else ``url`` itself."""
    for key, value in query_fields(url):
        if _TARGET_KEY.match(key) and len(value) <= MAX_TARGET_CHARS:
            target = unquote_plus(value).strip()
            if target.startswith(("http://", "https://")) and urlsplit(target).hostname:
                return target
    return url

"""The parts of an address that change on every answer without changing what it leads to, taken off so that one
page or report is one URL (fetched once, yielded once):

- a servlet container's session in a path parameter (``/art/123.html;jsessionid=8A2F…``): Java CMSs write it on
  every link for a client whose cookie they have not seen yet, a new one on each answer;
- cache-busters in the query (``?_=1701234567890``, ``&t=1701234567890``, ``&random=0.8231``): jQuery's
  ``cache: false`` and list scripts add the time in milliseconds or a random number to each request. Only
  those keys with such values: ``?t=2023`` or ``?r=12`` name something and are kept.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#;]*", re.IGNORECASE)
_BUSTER_KEY = re.compile(r"^(?:_|t|ts|timestamp|time|r|rnd|rand|random|nocache|cachebust)$", re.IGNORECASE)
# Epoch seconds or milliseconds (2001-2286), or a random fraction (Math.random()).
_BUSTER_VALUE = re.compile(r"^(?:[1-9]\d{9}|[1-9]\d{12}|0?\.\d{4,20})$")


def stable_url(url: str) -> str:
    """``url`` without its session path parameters and cache-busting query parameters."""
    if ";" not in url and "=" not in url:
        return url
    parts = urlsplit(url)
    path = _SESSION.sub("", parts.path)
    kept = [pair for pair in parts.query.split("&") if pair and not _is_buster(pair)] if parts.query else []
    return urlunsplit(parts._replace(path=path, query="&".join(kept)))


def _is_buster(pair: str) -> bool:
    key, _, value = pair.partition("=")
    return bool(_BUSTER_KEY.match(key) and _BUSTER_VALUE.match(value))

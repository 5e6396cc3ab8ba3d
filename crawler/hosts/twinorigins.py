"""Two origins of one host name that serve one site: ``http://X:8080/`` and ``https://X/``, ``www.X:8443`` and ``X``.

``crawler.hosts.hostnames`` joins a host's www/bare names and its http/https on the schemes' default ports by their
shape alone; another port may be another site (an intranet system, a test copy, a search engine's own server),
so only the pages can say. Where the crawl has read the same path under both origins, the two answers are the
same page when their bodies are equal, or their titles and the paths of their links are (each origin writes its
own absolute links). ``MATCHES_NEEDED`` such paths make the origins one: the preferred one (a start URL's, else
https, else no port written, else the one read first) is asked from then on, the other's links rewritten to it.
A pair is compared at most ``MAX_CHECKS`` times, and only the first ``MAX_PATHS`` pages of an origin are kept, as
a short sign each: memory is bounded by the hosts in scope.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

MATCHES_NEEDED = 2   # paths answering the same page under both origins
MAX_CHECKS = 6       # comparisons of one pair: past them without MATCHES_NEEDED matches, two sites
MAX_PATHS = 32       # pages kept per origin


@dataclass(frozen=True)
class PageSign:
    """What tells two answers of one path apart: their bodies', titles' and links' digests."""
    body: str
    title: str
    links: str

    def same_page(self, other: PageSign) -> bool:
        return self.body == other.body or (bool(self.title) and self.title == other.title
                                           and self.links == other.links)


def page_sign(body: bytes, title: str, link_urls: Iterable[str]) -> PageSign:
    """The sign of a page: its links by path and query alone (each origin writes its own absolute links)."""
    paths = sorted({_path(url) for url in link_urls})
    return PageSign(_digest(body), " ".join(title.split()), _digest("\n".join(paths).encode("utf-8")))


class OriginTwins:
    def __init__(self, start_urls: Iterable[str]):
        self._preferred = {_origin(url) for url in start_urls}
        self._order: dict[str, int] = {}                   # origin → when it was first read
        self._pages: dict[str, dict[str, PageSign]] = {}   # origin → path → sign
        self._matches: Counter[tuple[str, str]] = Counter()
        self._checks: Counter[tuple[str, str]] = Counter()
        self.joined: dict[str, str] = {}                   # origin → the origin it is read under

    def wants(self, url: str) -> bool:
        """Whether the page at ``url`` would be kept or compared: only then is its sign worth making (a site's
        pages past its origin's first ``MAX_PATHS`` are neither)."""
        origin = _origin(url)
        pages = self._pages.get(origin, {})
        return origin not in self.joined and len(pages) < MAX_PATHS and _path(url) not in pages

    def observe(self, url: str, sign: PageSign) -> tuple[str, str] | None:
        """The page at ``url`` was read: (the origin given up, the one kept) when it shows two origins are one."""
        origin, path = _origin(url), _path(url)
        if origin in self.joined:
            return None
        pages = self._pages.setdefault(origin, {})
        self._order.setdefault(origin, len(self._order))
        if path in pages or len(pages) >= MAX_PATHS:
            return None
        pages[path] = sign
        for other in [o for o in self._pages if o != origin and o not in self.joined and _twins(o, origin)]:
            seen = self._pages[other].get(path)
            pair = tuple(sorted((origin, other)))
            if seen is None or self._checks[pair] >= MAX_CHECKS:
                continue
            self._checks[pair] += 1
            self._matches[pair] += seen.same_page(sign)
            if self._matches[pair] >= MATCHES_NEEDED:
                kept = min(pair, key=self._rank)
                given_up = pair[1] if kept == pair[0] else pair[0]
                self.joined[given_up] = kept
                self._pages.pop(given_up, None)
                return given_up, kept
        return None

    def _rank(self, origin: str) -> tuple[bool, bool, bool, int]:
        parts = urlsplit(origin)
        return (origin not in self._preferred, parts.scheme != "https", parts.port is not None, self._order[origin])


def _twins(a: str, b: str) -> bool:
    """Two origins of one host name (www or not) differing by their scheme or port: candidates to compare."""
    return _name(a) == _name(b)


def _name(origin: str) -> str:
    return (urlsplit(origin).hostname or "").removeprefix("www.")


def _origin(url: str) -> str:
    """``scheme://host[:port]``, the port written only when it is not the scheme's default."""
    parts = urlsplit(url)
    port = parts.port if parts.port not in (None, {"http": 80, "https": 443}.get(parts.scheme)) else None
    return f"{parts.scheme}://{parts.hostname or ''}" + (f":{port}" if port else "")


def _path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=12).hexdigest()

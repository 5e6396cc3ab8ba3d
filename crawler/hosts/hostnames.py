"""The names a host answers under besides the one the crawl reads it under: its www/bare twin, its other scheme,
its mobile twin.

A government host answers under ``www.X`` and the bare ``X`` alike, often over http and https alike, with the
same pages, and its own links mix them; a mobile twin (``m.X``, ``wap.X``, ``3g.X``, ``mobile.X``, or the
folder ``X/m/``) mirrors the same reports. Every host in scope is read under one origin (one URL per page, so a
page is fetched once and a report yielded once): the configured one for a start URL's host, else the first
asked, or the one a redirect between twins moved to. The twin is decided by the name's shape, never by fetching
both: ``www.X`` and ``X`` on the same port (none written: the scheme's default) are one host, whichever scheme.
An origin on another port is joined to one of them only once its pages showed it serves the same site
(``crawler.hosts.twinorigins``).
A host's mobile twin is out of scope, its reports being the host's own, unless a start URL is on it, or but for
the folder a page of the host redirected to on it (``www.X/mzj/`` → ``m.X/mzj/index.html``: a department with a
mobile site only, the desktop host sending its visitors there; the twin's other folders stay out). A mobile
folder is no twin of a whole host: some small sites are mobile-first, their only 年报 column under ``/m/``; so
its pages are in scope, but a way into one is the page's desktop twin's when that is linked (``desktop_twin``:
the same path without the folder), else asked last (``crawler.steering.frontier``).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit

_MOBILE_LABELS = ("m", "wap", "3g", "mobile")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class SiteNames:
    def __init__(self, start_urls: Iterable[str]):
        parts = [urlsplit(u) for u in start_urls]
        self.configured = {p.hostname or "" for p in parts} - {""}
        self._origins: dict[tuple[str, int | None], tuple[str, str]] = {}   # twin key → (scheme, host name)
        # twin key → (scheme, host name, port) of the origin its pages showed it serves (crawler.hosts.twinorigins)
        self._joined: dict[tuple[str, int | None], tuple[str, str, int | None]] = {}
        # (mobile twin's host name, folder) a page of its host redirected to: that part of the site is there only
        self._mobile_only: set[tuple[str, str]] = set()
        for p in parts:
            if p.hostname and p.scheme in _DEFAULT_PORTS and _valid_port(p):
                self._origins.setdefault(_key(p), (p.scheme, p.hostname))

    def canonical(self, url: str, known: bool = True) -> str:
        """``url`` under the origin its host is read under. ``known``: the host is in scope, so a first sight of it
        fixes its origin (hosts out of scope are never remembered: the memory stays bounded by the scope)."""
        parts = urlsplit(url)
        if not parts.hostname or parts.scheme not in _DEFAULT_PORTS or not _valid_port(parts):
            return url
        if (joined := self._joined.get(_key(parts))) is not None:
            scheme, host, port = joined
            netloc = host + (f":{port}" if port is not None else "")
            return self.canonical(parts._replace(scheme=scheme, netloc=netloc).geturl(), known)
        scheme, host = self._origins.get(_key(parts)) or self._first(parts, known)
        if (scheme, host) == (parts.scheme, parts.hostname):
            return url
        port = f":{parts.port}" if _port(parts) is not None else ""
        return parts._replace(scheme=scheme, netloc=host + port).geturl()

    def moved(self, url: str) -> None:
        """A redirect led to ``url``: its host's twins are read under its origin from now on (a site moving
        ``www.X`` to ``X`` or http to https), when the host is already known."""
        parts = urlsplit(url)
        if parts.hostname and parts.scheme in _DEFAULT_PORTS and _valid_port(parts) and _key(parts) in self._origins:
            self._origins[_key(parts)] = (parts.scheme, parts.hostname)

    def join(self, given_up: str, kept: str) -> None:
        """The pages showed that origin ``given_up`` serves the site origin ``kept`` serves (another port:
        ``crawler.hosts.twinorigins``): its addresses are asked under ``kept`` from now on."""
        gone, kept_parts = urlsplit(given_up), urlsplit(kept)
        self._joined[_key(gone)] = (kept_parts.scheme, kept_parts.hostname or "", _port(kept_parts))

    def joined(self, url: str) -> bool:
        """``url`` is on an origin given up for another its pages showed it serves."""
        parts = urlsplit(url)
        return bool(self._joined) and _valid_port(parts) and _key(parts) in self._joined

    def mobile_twin(self, url: str, in_scope) -> bool:
        """``url`` is on the mobile twin of a host in scope (``m.X`` of ``X`` or ``www.X``) and on no start URL's
        host. ``in_scope``: whether a host name is in scope."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        if host in self.configured or (host, _folder(parts.path)) in self._mobile_only:
            return False
        label, _, rest = host.partition(".")
        return label in _MOBILE_LABELS and "." in rest and in_scope(rest)

    def redirected(self, source: str, target: str, in_scope) -> None:
        """A page ``source`` of a host in scope redirected to ``target``: when that is on the host's mobile twin, in
        a folder (not its home: a site sending every visitor to its twin mirrors itself there), that folder of the
        twin is in scope from now on."""
        parts = urlsplit(target)
        if in_scope(urlsplit(source).hostname or "") and _folder(parts.path) and self.mobile_twin(target, in_scope):
            self._mobile_only.add((parts.hostname or "", _folder(parts.path)))

    def _first(self, parts: SplitResult, known: bool) -> tuple[str, str]:
        origin = (parts.scheme, parts.hostname or "")
        if known:
            self._origins[_key(parts)] = origin
        return origin


def _key(parts: SplitResult) -> tuple[str, int | None]:
    return (parts.hostname or "").removeprefix("www."), _port(parts)


def _port(parts: SplitResult) -> int | None:
    """The port written in the URL, None when it is its scheme's default (http://X and https://X are twins)."""
    return None if parts.port == _DEFAULT_PORTS.get(parts.scheme) else parts.port


def _valid_port(parts: SplitResult) -> bool:
    """The URL's port, if written, is a number of 0..65535 (``urlsplit`` raises on reading it otherwise)."""
    try:
        parts.port
    except ValueError:
        return False
    return True


def desktop_twin(url: str) -> str | None:
    """``url`` without its mobile folder (``X/m/xxgk/ndbg/`` → ``X/xxgk/ndbg/``), None when it is in none."""
    parts = urlsplit(url)
    if not _mobile_folder(parts.path):
        return None
    return parts._replace(path="/" + parts.path.lstrip("/").split("/", 1)[1]).geturl()


def _mobile_folder(path: str) -> bool:
    """``/m/…``, ``/wap/…``: a site's mobile pages in a folder of its own."""
    return _folder(path) in _MOBILE_LABELS


def _folder(path: str) -> str:
    """The first folder of a path (``/m/a/b.html`` → ``m``), "" for a file at the root."""
    first = path.lstrip("/").split("/", 1)
    return first[0].lower() if len(first) == 2 else ""

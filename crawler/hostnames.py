"""The names a site answers under besides the one configured: its www/bare twin and its mobile twin.

A government site answers under ``www.X`` and the bare ``X`` alike, with the same pages, and its own links mix
the two; a mobile twin (``m.X``, ``wap.X``, ``3g.X``, ``mobile.X``) mirrors the same reports. An address on the
configured host's www/bare twin is read under the configured name (one URL per page, so a page is fetched once
and a report yielded once); the configured host's mobile twin is not crawled, its reports being the site's own.
Only the twins of a configured host are known: a department's host is crawled under the names its links use.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

_MOBILE_LABELS = ("m", "wap", "3g", "mobile")


class SiteNames:
    def __init__(self, start_urls: Iterable[str]):
        self.configured = {urlsplit(u).hostname or "" for u in start_urls} - {""}
        self._bare = {_bare(host): host for host in self.configured}

    def canonical(self, url: str) -> str:
        """``url`` under its host's configured name when it is on a configured host's www/bare twin, else as is."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        configured = self._bare.get(_bare(host))
        if configured is None or host == configured:
            return url
        netloc = configured + (f":{parts.port}" if parts.port is not None else "")
        return parts._replace(netloc=netloc).geturl()

    def mobile_twin(self, url: str) -> bool:
        """``url`` is on the mobile twin of a configured host (``m.X`` of ``www.X``) that is not configured itself."""
        host = urlsplit(url).hostname or ""
        label, _, rest = host.partition(".")
        return label in _MOBILE_LABELS and rest in self._bare and host not in self.configured


def _bare(host: str) -> str:
    return host.removeprefix("www.")

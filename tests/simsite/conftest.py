"""Each site family built once per test module, served on its loopback hosts and walked from its portal."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import pytest

from simsite import serve
from simsite.families import FAMILIES, Site, make_site
from simsite.server import SimServer
from tests.simsite.walker import Walk, walk

NEW_FAMILIES = [name for name in FAMILIES if name != "classic"]
SEED = 5


@dataclass
class Served:
    site: Site
    server: SimServer
    http: httpx.Client
    walk: Walk

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.http.get(url, **kwargs)

    def host_of(self, url: str) -> str:
        """The site's host key of an absolute URL."""
        netloc = urlsplit(url).netloc
        return next(host for host, base in self.server.urls.items() if urlsplit(base).netloc == netloc)

    def target(self, url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")


def served_family(name: str, seed: int | str = SEED):
    site = make_site(name, seed=seed)
    site.prerender()
    with serve(site) as server, httpx.Client(timeout=10) as http:
        # An endless calendar keeps a walk going: stop a little past the site's own pages.
        result = walk(http, server.base_url + "/", server.urls.values(), limit=site.page_count() + 300)
        yield Served(site, server, http, result)


@pytest.fixture(scope="module", params=NEW_FAMILIES)
def family(request):
    yield from served_family(request.param)

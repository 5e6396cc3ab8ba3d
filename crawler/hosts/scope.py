"""Which hosts a crawl may enter.

A host is in scope when

1. the site's ``allowed_domains`` cover it (by default the registered domains of its start URLs:
   ``www.zhoukou.gov.cn`` → ``zhoukou.gov.cn``, so ``xh.zhoukou.gov.cn`` is in), or
2. a page on a host of rule 1 links it *as a sub-site*: by an agency's name in a list headed as the site's own
   departments or counties (部门信息公开, 县区政府网站, a drop-down "---市直部门网站---"; not 友情链接), or as
   the site's own platform (政府信息公开, 信息公开目录 with no name before it: a platform on a host of its own), and
   the host is a government host (``.gov.cn``/``.gov``, or, for a portal served from a bare IP address as in
   tests, an address of the portal's own /24 network).

Hosts admitted by rule 2 do not vouch for further hosts, so the crawl never wanders from portal to province
to ministry. Every host's robots.txt is obeyed (Scrapy reads it per host). The mobile twin of a host in scope
(``m.X`` of ``www.X`` or of a department's ``fgw.X``: ``crawler.hosts.hostnames``) is out of scope: it mirrors the
host's own reports (a mobile folder, ``X/m/``, is in: the spider asks it last); a host is read under one origin
whichever www/bare name or scheme a link used.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

import tldextract

from crawler.hosts.hostnames import SiteNames

# The public-suffix list bundled with tldextract: no download at run time.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
_GOV_SUFFIXES = (".gov.cn", ".gov")


def registered_domain(host: str) -> str:
    """``www.zhoukou.gov.cn`` → ``zhoukou.gov.cn``; an IP address or a bare name stays as it is."""
    return _EXTRACT(host).top_domain_under_public_suffix or host


def host_in(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith(f".{d}") for d in domains)


class Scope:
    def __init__(self, start_urls: Iterable[str], allowed_domains: Iterable[str]):
        self.home = list(allowed_domains)
        self.domains = list(self.home)    # the home domains and the hosts admitted since (Scrapy's allowed_domains)
        start_urls = list(start_urls)
        self._start_hosts = [urlsplit(u).hostname or "" for u in start_urls]
        self.names = SiteNames(start_urls)

    def contains(self, url: str) -> bool:
        return self._in_scope(urlsplit(url).hostname or "") and not self.names.mobile_twin(url, self._in_scope)

    def canonical(self, url: str) -> str:
        """``url`` under the one origin its host is read under (``crawler.hosts.hostnames``)."""
        return self.names.canonical(url, known=self.contains(url))

    def admit_subsite(self, url: str, linked_from: str) -> bool:
        """Rule 2: a sub-site or own-platform link on a home-domain page to a government host. True when in
        scope now."""
        if self.contains(url):
            return True
        if self.names.mobile_twin(url, self._in_scope):
            return False
        host = urlsplit(url).hostname or ""
        if not host_in(urlsplit(linked_from).hostname or "", self.home) or not self._government_host(host):
            return False
        self.domains.append(host.removeprefix("www."))   # its www/bare twin with it
        return True

    def _in_scope(self, host: str) -> bool:
        return host_in(host, self.domains)

    def government(self, url: str) -> bool:
        """The URL is on a government host (a province's unified search may take a site's search box's words)."""
        return self._government_host(urlsplit(url).hostname or "")

    def _government_host(self, host: str) -> bool:
        if host.endswith(_GOV_SUFFIXES):
            return True
        address = _address(host)
        return address is not None and any(
            (start := _address(h)) is not None and address in ipaddress.ip_network(f"{start}/24", strict=False)
            for h in self._start_hosts)


def _address(host: str) -> ipaddress.IPv4Address | None:
    try:
        return ipaddress.IPv4Address(host)
    except ValueError:
        return None

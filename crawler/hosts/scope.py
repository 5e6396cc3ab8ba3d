"""Which hosts a crawl may enter.

A host is in scope when

1. the site's ``allowed_domains`` cover it (by default the registered domains of its start URLs:
   ``www.zhoukou.gov.cn`` → ``zhoukou.gov.cn``, so ``xh.zhoukou.gov.cn`` is in), or
2. a page on a host of rule 1 links it *as a sub-site*: by an agency's name in a list headed as the site's own
   departments or counties (部门信息公开, 县区政府网站, a drop-down "---市直部门网站---"; not 友情链接), or as
   the site's own platform (政府信息公开, 信息公开目录 with no name before it: a platform on a host of its own), and
   the host is a government host (``.gov.cn``/``.gov``; a public IP address, as counties' 集约化 platforms are
   served, ``http://1.25.240.11:8082/sites/wltqq/``, ``http://122.137.242.24:8080/pub/slsxxgkw/``; or, for a portal
   served from a bare IP address as in tests, an address of the portal's own /24 network) or one of the site's own
   name under another suffix (a city portal on ``zhoukou.cn``/``zhoukou.com.cn`` and its platform on
   ``xxgk.zhoukou.gov.cn``, either way round). A private address (an intranet's ``10.x``) is never one.

Hosts admitted by rule 2 do not vouch for further hosts, so the crawl never wanders from portal to province
to ministry; a host of another registered domain admitted at a folder of its own (a province's platform hosting
the city's 信息公开 under ``/city/``) is a tenancy: its home page, listing the platform's other cities, is not the
site's, nor the home of another of its folders one level deep (a sidebar 市县导航 on every page of the platform
linking ``/othercity/``: ``shared_home``); a host of the site's own name is never a tenancy, nor a host entered
at its home page. Every host's robots.txt is obeyed (Scrapy reads it per host). The mobile twin of a host in scope
(``m.X`` of ``www.X`` or of a department's ``fgw.X``: ``crawler.hosts.hostnames``) is out of scope: it mirrors the
host's own reports, but for a folder a page of the host redirected to (a department on the mobile site only) (a mobile folder, ``X/m/``, is in: the spider asks it last); a host is read under one origin
whichever www/bare name or scheme a link used.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import tldextract

from crawler.hosts.hostnames import SiteNames

# The public-suffix list bundled with tldextract: no download at run time.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
_GOV_SUFFIXES = (".gov.cn", ".gov")
_HOME_PATH = re.compile(r"^/?(?:(?:index|default|main|home)\.\w{2,5})?$", re.IGNORECASE)
_FOLDER_HOME = re.compile(r"^/([^/]+)/(?:(?:index|default|main|home)\.\w{2,5})?$", re.IGNORECASE)


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
        # hosts of other domains the site was admitted to at a folder of its own → those folders
        self._tenants: dict[str, set[str]] = {}

    def contains(self, url: str) -> bool:
        return self._in_scope(urlsplit(url).hostname or "") and not self.names.mobile_twin(url, self._in_scope)

    def redirected(self, source: str, target: str) -> None:
        """A page redirected: a page in scope sent to a folder of its host's mobile twin brings that folder in
        (``crawler.hosts.hostnames.SiteNames.redirected``)."""
        if self.contains(source):
            self.names.redirected(source, target, self._in_scope)

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
        own = self._own_name(host)
        if not host_in(urlsplit(linked_from).hostname or "", self.home) or not (own or self._government_host(host)):
            return False
        self.domains.append(host.removeprefix("www."))   # its www/bare twin with it
        # an address of the portal's own network stands for one of its own hosts (tests): no tenancy
        path = urlsplit(url).path
        if not (host_in(host, self.home) or own or self._own_network(host) or _HOME_PATH.match(path)):
            self._tenants.setdefault(host.removeprefix("www."), set()).add(path.strip("/").split("/")[0])
        return True

    def _own_name(self, host: str) -> bool:
        """The host's registered name is the site's under another suffix (``zhoukou.cn``, ``zhoukou.gov.cn``)."""
        name = _EXTRACT(host).domain
        return _address(host) is None and any(name == _EXTRACT(d).domain for d in self.home if _address(d) is None)

    def shared_home(self, url: str) -> bool:
        """The home page of a host of another registered domain admitted at a folder of its own (a province's
        platform, ``xxgk.province.gov.cn/city/``), listing every city it hosts, or the home of another folder of it
        one level deep (``/othercity/``, a sister city's): the platform's or another tenant's, not the site's."""
        parts = urlsplit(url)
        folders = self._tenants.get((parts.hostname or "").removeprefix("www."))
        if folders is None or parts.query:
            return False
        folder = _FOLDER_HOME.match(parts.path)
        return _HOME_PATH.match(parts.path) is not None or (folder is not None and folder.group(1) not in folders)

    def _in_scope(self, host: str) -> bool:
        return host_in(host, self.domains)

    def government(self, url: str) -> bool:
        """The URL is on a government host (a province's unified search may take a site's search box's words)."""
        return self._government_host(urlsplit(url).hostname or "")

    def _government_host(self, host: str) -> bool:
        address = _address(host)
        return host.endswith(_GOV_SUFFIXES) or (address is not None and address.is_global) or self._own_network(host)

    def _own_network(self, host: str) -> bool:
        """``host`` is an address of the /24 network of an address the site was started at."""
        address = _address(host)
        return address is not None and any(
            (start := _address(h)) is not None and address in ipaddress.ip_network(f"{start}/24", strict=False)
            for h in self._start_hosts)


def _address(host: str) -> ipaddress.IPv4Address | None:
    try:
        return ipaddress.IPv4Address(host)
    except ValueError:
        return None

"""HTTPS as government servers set up years ago speak it.

Many county and department sites still run servers configured a decade ago: TLS 1.0 or 1.1 only, 1024-bit
Diffie-Hellman groups, SHA-1 signatures. OpenSSL 3 refuses all of these at its default security level, so such
a site would be unreachable (``tlsv1 alert protocol version``) although any old browser opens it. The crawler
reads public documents and does not verify certificates (Scrapy's default), so it accepts what these servers
offer: OpenSSL security level 0, and TLS 1.0 as the lowest version (``DOWNLOAD_TLS_MIN_VERSION`` in
``crawler.settings``). The highest version both sides speak is still the one chosen.

Twisted turns ``DOWNLOADER_CLIENT_TLS_CIPHERS`` into a list of cipher names, which drops ``@SECLEVEL``, and
Scrapy's setting for another context factory is deprecated: so the level is set on each context here, and the
factory is installed by the download handler, which is Scrapy's own extension point (``DOWNLOAD_HANDLERS``).
"""

from __future__ import annotations

from OpenSSL import SSL
from scrapy.core.downloader.contextfactory import _ScrapyCertificateOptions, _ScrapyClientContextFactory
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler

LEGACY_CIPHERS = b"DEFAULT:@SECLEVEL=0"


class _LegacyCertificateOptions(_ScrapyCertificateOptions):
    def _makeContext(self, skipCiphers: bool = False) -> SSL.Context:  # noqa: N802, N803 (Twisted's names)
        context = super()._makeContext(skipCiphers)
        if not skipCiphers:
            context.set_cipher_list(LEGACY_CIPHERS)
        return context


class LegacyServersContextFactory(_ScrapyClientContextFactory):
    """Scrapy's context factory, its contexts at security level 0."""

    def _get_cert_options(self) -> _ScrapyCertificateOptions:
        return _LegacyCertificateOptions(**self._get_cert_options_kwargs())


class LegacyTLSDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, speaking TLS to old servers too."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self._contextFactory = LegacyServersContextFactory.from_crawler(crawler)

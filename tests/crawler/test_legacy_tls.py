"""Crawls over HTTPS of a small site served as old government servers serve it (TLS 1.0 or 1.1 only, a
1024-bit Diffie-Hellman group), and as a current one does: every report found (``crawler.transport.tls``)."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from tests.certificates import self_signed_certificate
from tests.crawler.helpers import portal_crawl
from tests.crawler.county_site import AGENCY, county_site
from tests.crawler.portal import Host, HostServer

DH_1024 = Path(__file__).resolve().parent.parent / "files" / "dh1024.pem"   # openssl dhparam 1024

def _old_server(folder: Path, version: ssl.TLSVersion) -> ssl.SSLContext:
    """A server speaking only ``version``; its own OpenSSL allows it, as an old server's OpenSSL did."""
    cert, key = self_signed_certificate(folder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    context.minimum_version = context.maximum_version = version
    context.load_cert_chain(cert, key)
    return context


def _weak_dh_server(folder: Path) -> ssl.SSLContext:
    """A TLS 1.2 server offering only Diffie-Hellman key exchange over a 1024-bit group (``dh key too small``)."""
    cert, key = self_signed_certificate(folder, rsa_bits=2048)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_ciphers("DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-SHA:@SECLEVEL=0")
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.load_dh_params(DH_1024)
    context.load_cert_chain(cert, key)
    return context


SERVERS = {
    "tls1.0": lambda folder: _old_server(folder, ssl.TLSVersion.TLSv1),
    "tls1.1": lambda folder: _old_server(folder, ssl.TLSVersion.TLSv1_1),
    "dh1024": _weak_dh_server,
    "tls1.3": lambda folder: _old_server(folder, ssl.TLSVersion.TLSv1_3),
}


@pytest.mark.parametrize("server_kind", SERVERS)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # ssl.TLSVersion.TLSv1 and TLSv1_1
def test_every_report_of_a_site_is_found_whatever_tls_its_server_speaks(tmp_path, server_kind):
    host = Host()
    paths = county_site(host, (2022, 2023))
    server = HostServer("127.0.0.1", host, tls=SERVERS[server_kind](tmp_path))
    try:
        summary, items = portal_crawl("linchuan", AGENCY, server.base, tmp_path / "state")
    finally:
        server.close()
    assert sorted(i["final_url"] for i in items) == sorted(server.base + p for p in paths)
    assert summary.finish_reason == "finished"

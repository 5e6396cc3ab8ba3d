"""The multi-host server: every host of a site on its own loopback address, several cities side by side,
and sites that are the same in every process for one seed (no dependence on Python's hash seed)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from urllib.parse import urlsplit

import httpx
import pytest

from simsite import serve
from simsite.families import make_site
from simsite.server import SHUTDOWN_POLL_SECONDS, loopback_addresses


def test_loopback_addresses_count_on_past_255():
    assert loopback_addresses(3) == ["127.0.0.1", "127.0.0.2", "127.0.0.3"]
    assert loopback_addresses(2, first=255) == ["127.0.0.255", "127.0.1.0"]


def test_two_cities_at_once_each_on_its_own_addresses():
    trs, hanweb = make_site("trs", seed=1), make_site("hanweb", seed=1)
    with serve(trs, addresses=loopback_addresses(2, first=11)) as one, \
            serve(hanweb, addresses=loopback_addresses(2, first=13)) as other, httpx.Client(timeout=10) as http:
        hosts = [urlsplit(u).hostname for u in (*one.urls.values(), *other.urls.values())]
        assert hosts == ["127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"]
        assert "云州市" in http.get(one.base_url + "/").text and "岚州市" in http.get(other.base_url + "/").text
        assert {e.host for e in one.log} == {"www"} and not other.requests_for("/", host="county")


def test_closing_a_server_costs_no_idle_half_second_per_host():
    """close() is paid at the teardown of every test that serves a site, once per host: it waits for each
    serving loop's next look for a shutdown (serve_forever's default 0.5 s made it up to that per host)."""
    with serve(make_site("trs", seed=1), addresses=loopback_addresses(2, first=23)) as server, \
            httpx.Client(timeout=10) as http:
        assert http.get(server.base_url + "/").status_code == 200   # its loop is back at waiting, as after a crawl
        started = time.monotonic()
        server.close()
        assert time.monotonic() - started < 2 * 2 * SHUTDOWN_POLL_SECONDS + 0.1   # two hosts; the rest is slack


def test_too_few_addresses_is_a_clear_error():
    with pytest.raises(ValueError, match="2 hosts but only 1 addresses"):
        serve(make_site("trs", seed=1), addresses=["127.0.0.21"])


DIGEST = """
import hashlib, sys
from simsite.families import make_site
site = make_site(sys.argv[1], seed=7)
site.bind({host: f"http://{host}.test" for host in site.hosts})
digest = hashlib.sha1()
for report in site.expected_reports():
    host = next(h for h, base in site.urls.items() if report.final_url.startswith(base))
    digest.update(report.final_url.encode())
    if report.format == "html":
        digest.update(site.get(report.final_url.removeprefix(site.urls[host]), host).body)
print(digest.hexdigest())
"""


@pytest.mark.parametrize("name", ["trs", "hanweb", "query"])
def test_a_seed_builds_the_same_site_in_every_process(name):
    digests = {subprocess.run([sys.executable, "-c", DIGEST, name], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(hash_seed)}).stdout for hash_seed in (1, 2)}
    assert len(digests) == 1

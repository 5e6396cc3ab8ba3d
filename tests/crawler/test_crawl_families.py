"""Every simsite site family, on two seeds, crawled over real HTTP from its home page alone, as
`gxmon crawl --start-url` would: every report found, nothing else, robots.txt of every host obeyed, and the
crawl ends by itself without trap and within the pages-per-report target. A report page whose tables are
pictures is yielded with them as one MHTML document; the pictures around its text are never fetched."""

from __future__ import annotations

import base64
import email
import json
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
from protego import Protego

from crawler.run import run_crawl
from crawler.siteconfig import site_from_url
from simsite import serve
from simsite.families import FAMILIES, make_site
from simsite.pictures import DECORATIONS, table_pictures

SEEDS = ("1", "frontier")
MAX_PAGES_PER_REPORT = 8


@pytest.fixture(scope="module", params=[(family, seed) for family in FAMILIES for seed in SEEDS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def crawl(request, tmp_path_factory):
    family, seed = request.param
    site = make_site(family, seed)
    site.prerender()
    state = tmp_path_factory.mktemp(f"{family}-{seed}")
    feed = Path(state, "items.jsonl")
    with serve(site) as server:
        target = site_from_url(server.base_url + "/")
        settings = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
                    "GXMON_STATE_DIR": str(state), "FEEDS": {str(feed): {"format": "jsonlines"}}}
        summary = run_crawl([target], settings, timeout=300).site(target.id)
        robots = {host: site.get("/robots.txt", host) for host in site.hosts}
        yield site, summary, [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()], \
            list(server.log), robots


def test_every_report_is_found(crawl):
    site, _, items, _, _ = crawl
    assert {r.final_url for r in site.expected_reports()} - {i["final_url"] for i in items} == set()


def test_nothing_but_reports_is_yielded(crawl):
    site, _, items, _, _ = crawl
    assert {i["final_url"] for i in items} - {r.final_url for r in site.expected_reports()} == set()


def test_every_host_robots_txt_is_obeyed(crawl):
    _, _, _, log, robots = crawl
    rules = {host: Protego.parse(answer.body.decode("utf-8", "replace")) for host, answer in robots.items()
             if answer.status == 200}
    assert [(e.host, e.path) for e in log if e.host in rules and not rules[e.host].can_fetch(e.path, "gxmon")] == []


def test_the_crawl_ends_by_itself_without_a_trap(crawl):
    _, summary, _, _, _ = crawl
    assert (summary.finish_reason, summary.coverage.traps) == ("finished", [])


def test_pages_fetched_per_report_stay_low(crawl):
    site, summary, _, _, _ = crawl
    assert summary.pages_fetched / len(site.expected_reports()) <= MAX_PAGES_PER_REPORT


def test_no_page_is_rendered(crawl):
    # the static readers serve every family: the browser is for pages they cannot read (crawler.transport.browser)
    _, summary, _, _, _ = crawl
    assert (summary.rendered_pages, {k: v for k, v in summary.frontier_skipped.items() if "render" in k}) == (0, {})

# -- report pages whose tables are pictures ------------------------------------------------------------

def _pictured_items(crawl, verdict: str) -> list[tuple]:
    site, _, items, _, _ = crawl
    by_url = {i["final_url"]: i for i in items}
    return [(r, by_url[r.final_url]) for r in site.expected_reports()
            if r.pictured and by_url[r.final_url]["verdict"] == verdict]


def _parts(item: dict) -> dict[str, bytes]:
    message = email.message_from_bytes(base64.b64decode(item["body"]))
    return {part["Content-Location"]: part.get_payload(decode=True) for part in message.get_payload()}


def _page_charset(item: dict) -> str:
    """The page's encoding, as the bundle's page part says it (GBK pages declare none of their own)."""
    return email.message_from_bytes(base64.b64decode(item["body"])).get_payload()[0].get_content_charset()


def _served(site, url: str) -> bytes:
    bases = getattr(site, "urls", {"www": site.base_url})
    host, base = next((h, b) for h, b in bases.items() if url.startswith(b + "/"))
    return site.get(url.removeprefix(base), host).body


def test_a_report_page_whose_tables_are_pictures_is_yielded_as_mhtml(crawl):
    pictured = _pictured_items(crawl, "report")
    assert pictured and {item["content_type"] for _, item in pictured} == {"multipart/related"}


def test_the_bundle_holds_the_page_as_served(crawl):
    site = crawl[0]
    for report, item in _pictured_items(crawl, "report"):
        assert _parts(item)[report.final_url] == _served(site, report.final_url), report.id


def test_the_bundle_holds_the_table_pictures_under_the_urls_the_page_names(crawl):
    for report, item in _pictured_items(crawl, "report"):
        parts = _parts(item)
        page = lxml.html.fromstring(parts.pop(report.final_url).decode(_page_charset(item)))
        shown = [urljoin(report.final_url, img.get("src")) for img in page.xpath("//p[@style]/img")]
        assert list(parts) == shown and list(parts.values()) == [p.png for p in table_pictures(report.report)]


def test_a_page_only_its_content_confirms_is_bundled_and_kept(crawl):
    """gxparse confirms a ``maybe`` page from the bundle (ParsePipeline drops what it does not confirm)."""
    assert {item["content_type"] for _, item in _pictured_items(crawl, "maybe")} <= {"multipart/related"}


def test_the_pictures_around_the_article_are_never_fetched(crawl):
    _, _, _, log, _ = crawl
    assert [e.path for e in log if e.path in DECORATIONS] == []

"""Helpers for the crawler tests: responses built from the frozen pages in tests/files/, and a crawl of one of
the frozen portals over real HTTP."""

from __future__ import annotations

import json
from pathlib import Path

from scrapy.http import HtmlResponse, Request, Response

from crawler.run import SiteSummary, run_crawl
from crawler.siteconfig import Site

FILES = Path(__file__).resolve().parent.parent / "files"


def file_response(name: str, url: str, meta: dict | None = None, headers: dict | None = None) -> Response:
    """A response carrying a frozen page, as if fetched from ``url`` by a request with ``meta``."""
    request = Request(url, meta=meta or {})
    return HtmlResponse(url=url, body=(FILES / name).read_bytes(), request=request, headers=headers)


def list_meta(role: str = "column") -> dict:
    return {"role": role, "hops": 1, "agency_hint": "周口市人民政府"}


def document_meta(verdict: str = "report", link_text: str = "", **extra) -> dict:
    return {"role": "document", "verdict": verdict, "link_text": link_text, "list_date": None,
            "listing_url": "http://www.zhoukou.gov.cn/zwgk/ndbg/index.html", "agency_hint": "周口市人民政府",
            **extra}


def portal_crawl(site_id: str, name: str, base_url: str, state: Path, resolver: str | None = None,
                 more: dict | None = None) -> tuple[SiteSummary, list[dict]]:
    """A crawl of a portal served at ``base_url`` from its home page alone, politeness off, its host names
    resolved by ``resolver`` (Scrapy's ``DNS_RESOLVER``) when it has some, with ``more`` settings: its summary and
    the items it yielded."""
    feed = state / "items.jsonl"
    site = Site(site_id, name, (base_url + "/",), delay=0, concurrency=4, max_pages=800)
    settings = {"AUTOTHROTTLE_ENABLED": False, "GXMON_RATE_LIMIT_WAIT": 0.2, "GXMON_STATE_DIR": str(state),
                "FEEDS": {str(feed): {"format": "jsonlines"}}, **({"DNS_RESOLVER": resolver} if resolver else {}),
                **(more or {})}
    summary = run_crawl([site], settings, timeout=240).site(site_id)
    return summary, [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]

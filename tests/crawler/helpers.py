"""Helpers for the crawler tests: responses built from the frozen pages in tests/files/."""

from __future__ import annotations

from pathlib import Path

from scrapy.http import HtmlResponse, Request, Response

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

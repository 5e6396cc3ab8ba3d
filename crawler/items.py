"""The one item the crawler yields: a fetched document (a report page or attachment), as docs/architecture.md
defines it. In feed exports (``-O out.jsonl``) the raw bytes are written base64-encoded in ``body``.

The spider fills the fetch; ``crawler.pipelines.ParsePipeline`` adds what gxparse read (``report``) or why it
could not (``unreadable``), and drops a ``maybe`` document that turns out not to be a report."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any


def _base64(body: bytes) -> str:
    return base64.b64encode(body).decode("ascii")


@dataclass
class ReportDocument:
    site_id: str
    url: str                      # URL requested
    final_url: str                # URL after redirects
    status: int                   # HTTP status of the final response (200, 304, 404, 410 …)
    headers: dict[str, str]       # first value of each header, lower-case names
    body: bytes = field(metadata={"serializer": _base64}, repr=False)  # raw bytes as fetched (empty for 304)
    content_type: str = ""        # from the header, or sniffed
    link_text: str = ""           # text of the link that led to it
    page_title: str = ""          # <title>/heading of the detail page
    agency: str | None = None     # agency as the site states it
    year: int | None = None       # report year as the site states it
    published_at: str | None = None  # ISO date shown on the page (发布日期/发布时间/成文日期)
    listing_url: str | None = None   # the list page it was found on
    fetched_at: str = ""          # ISO timestamp (UTC)
    not_modified: bool = False    # a conditional request was answered 304
    revisit: bool = False         # not on any list page this crawl; re-requested because the archive knows it
    gone: str | None = None       # why a 200 answer is the document's absence (crawler.documents.gone: "页面显示：信息已删除")
    verdict: str = "report"       # "report": its titles say so; "maybe": only its content can tell
    report: dict[str, Any] | None = field(default=None, repr=False)   # the report JSON gxparse read (ParsePipeline)
    unreadable: str | None = None          # why gxparse could not read it (ParsePipeline)
    # A page bundled with its pictures: each one's url, etag, last_modified and sha256, so the next crawl can
    # check them when the page answers 304 (crawler.documents.picture_state).
    pictures: list[dict[str, str | None]] = field(default_factory=list)

    @property
    def absent(self) -> bool:
        """The answer says the document is no longer there: 404/410, or a page saying so (``gone``)."""
        return self.status in (404, 410) or self.gone is not None

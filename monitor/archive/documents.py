"""The fetched document as the archive receives it: the fields of ``crawler.items.ReportDocument``.

The archive reads items through this dataclass so that it does not import the crawler (data flows
crawler → monitor through Scrapy settings, see docs/architecture.md) and so tests can build documents
directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from itemadapter import ItemAdapter


@dataclass
class FetchedDocument:
    site_id: str
    url: str
    status: int
    body: bytes = b""
    final_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = ""
    link_text: str = ""
    page_title: str = ""
    agency: str | None = None
    year: int | None = None
    published_at: str | None = None
    listing_url: str | None = None
    fetched_at: str | None = None
    not_modified: bool = False
    revisit: bool = False
    gone: str | None = None                # why a 200 answer is the document's absence (crawler.documents.gone)
    report: dict[str, Any] | None = None   # the report JSON, when the crawl has parsed the document already
    unreadable: str | None = None          # … or why the crawl's parse could not read it

    @property
    def effective_url(self) -> str:
        return self.final_url or self.url

    @classmethod
    def from_item(cls, item: Any) -> FetchedDocument:
        """From a ReportDocument (or any item with its fields); unknown fields are ignored."""
        adapter = ItemAdapter(item)
        names = {f.name for f in fields(cls)}
        values = {name: adapter[name] for name in names if name in adapter and adapter[name] is not None}
        missing = {"site_id", "url", "status"} - set(values)
        if missing:
            raise ValueError(f"item from {adapter.get('url', '?')} lacks {sorted(missing)}")
        return cls(**values)

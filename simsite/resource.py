"""What every simulated site answers a request with (``Resource``), what it promises a crawler will find
(``ExpectedReport``), and the clock that dates its changes. Shared by the classic site and every family."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from simsite.misprints import Misprint

CST = timezone(timedelta(hours=8))
MIME = {"html": "text/html", "pdf": "application/pdf", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
PORTAL = "www"  # the host key of a site's portal; other hosts (a county's own server) have their own keys


@dataclass
class Resource:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None
    last_modified: datetime | None = None
    disposition: str | None = None  # Content-Disposition of a download (``attachment; filename=…``)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'


@dataclass(frozen=True)
class ExpectedReport:
    """Ground truth for one report the crawler must find: where it is and what it says."""

    id: str
    agency: str
    year: int
    template: str
    format: str
    url: str        # the URL a crawler requests for the document (a list link, or a file's own URL)
    final_url: str  # the document's URL after the site's own redirects
    published: str  # ISO date the site shows
    report: dict    # the figures as printed, misprint included
    misprint: Misprint | None = None
    pictured: bool = False   # an HTML page whose tables are pictures (simsite.pictures)


class Clock:
    """When a site last changed: fixed when built (so a seed always gives the same pages), then strictly
    later at every revision or withdrawal (HTTP dates have whole seconds, and 304s compare them)."""

    def __init__(self) -> None:
        self.changed_at = datetime(2025, 4, 1, tzinfo=UTC)

    def touch(self) -> datetime:
        now = datetime.now(UTC).replace(microsecond=0)
        self.changed_at = max(now, self.changed_at + timedelta(seconds=1))
        return self.changed_at

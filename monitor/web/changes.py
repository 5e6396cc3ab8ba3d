"""/changes and /changes.atom: what changed in a period, by site, agency and kind, as a page and a feed.

Both read the same query string (``since``: 7d or a date; ``until``: a date; ``site``; ``agency``; ``kind``,
repeatable), so a feed reader subscribes to exactly what the page shows: a site's revisions, one agency's
withdrawals, every failing version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from monitor.archive.changes import (
    COUNT_CAP,
    KIND_FILTER_NAMES,
    KIND_FILTERS,
    ChangeFilter,
    InvalidChangeFilter,
    count_changes,
    kind_counts,
    list_changes,
)
from monitor.periods import PeriodError, parse_moment, parse_since
from monitor.web import queries
from monitor.web.deps import SessionDep, zone
from monitor.web.feed import ATOM_TYPE, changes_feed
from monitor.web.pages import _int as page_number
from monitor.web.pages import render as render_page

router = APIRouter(include_in_schema=False)
FEED_ENTRIES = 100
PERIODS = (("7d", "近 7 天"), ("30d", "近 30 天"), ("90d", "近 90 天"))
KindsQuery = Annotated[list[str] | None, Query()]


@dataclass
class ChangesQuery:
    """The query string of /changes, read and checked."""

    since: str | None
    until: str | None
    site: str | None
    agency: str | None
    kinds: list[str]
    filter: ChangeFilter

    @property
    def params(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "site": self.site, "agency": self.agency,
                "kind": self.kinds or None}


def read_query(request: Request, since: str | None, until: str | None, site: str | None, agency: str | None,
               kinds: list[str] | None) -> ChangesQuery:
    since, until = (since or "").strip() or None, (until or "").strip() or None
    kinds = [k for k in kinds or [] if k]
    tz = zone(request)
    try:
        start: datetime | None = parse_since(since, tz) if since else None
        end = parse_moment(until, tz, end_of_day=True) if until else None
    except PeriodError as exc:
        raise queries.InvalidQuery(f"since/until: {exc}") from None
    try:
        f = ChangeFilter(since=start, until=end, site=site or None, agency=(agency or "").strip() or None,
                         kinds=kinds)
    except InvalidChangeFilter as exc:
        raise queries.InvalidQuery(str(exc)) from None
    return ChangesQuery(since, until, f.site, f.agency, list(f.kinds), f)


@router.get("/changes", response_class=HTMLResponse)
def changes_page(request: Request, s: SessionDep, since: str | None = None, until: str | None = None,
                 site: str | None = None, agency: str | None = None, kind: KindsQuery = None,
                 page: str | None = None, per_page: str | None = None) -> HTMLResponse:
    q = read_query(request, since, until, site, agency, kind)
    current = page_number(page, "page", 1)
    size = page_number(per_page, "per_page", queries.PER_PAGE)
    queries.check_page(current, size)
    total = count_changes(s, q.filter, COUNT_CAP)
    rows = list_changes(s, q.filter, limit=size, offset=(current - 1) * size)
    params = {**q.params, "per_page": size if size != queries.PER_PAGE else None}
    return render_page(request, "changes.html", rows=rows, total=total, cap=COUNT_CAP, page=current,
                       pages=queries.page_count(min(total, COUNT_CAP), size), params=params, q=q,
                       counts=kind_counts(s, q.filter, COUNT_CAP), kinds=KIND_FILTERS, kind_names=KIND_FILTER_NAMES,
                       periods=PERIODS, sites=queries.sites(s))


@router.get("/changes.atom")
def changes_atom(request: Request, s: SessionDep, since: str | None = None, until: str | None = None,
                 site: str | None = None, agency: str | None = None, kind: KindsQuery = None) -> Response:
    q = read_query(request, since, until, site, agency, kind)
    rows = list_changes(s, q.filter, limit=FEED_ENTRIES)
    base = str(request.base_url).rstrip("/")
    query = request.url.query
    what = "、".join(KIND_FILTER_NAMES[k] for k in q.kinds) or "全部变化"
    scope = " ".join(part for part in (q.site and f"站点 {q.site}", q.agency) if part)
    body = changes_feed(rows, base=base, self_url=str(request.url),
                        page_url=f"{base}/changes" + (f"?{query}" if query else ""),
                        title=f"gxmon 年报变化：{what}" + (f"（{scope}）" if scope else ""), zone=zone(request))
    return Response(body, media_type=ATOM_TYPE)

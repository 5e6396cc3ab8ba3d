"""Reading what was archived: an HTML version shown as it was published, in a sandboxed frame, and a calendar
of the captures of one URL (every fetch, by day in the configured zone, new versions marked).

The frame's document is the archived bytes, served inline only to be framed by this site, under a
Content-Security-Policy ``sandbox`` with no script source: the browser gives it an opaque origin and runs none
of its scripts; it loads nothing from anywhere (no images, fonts or styles from the agency's site or ours), so
opening it tells nobody outside that it was read. Other formats (PDF, Word) stay downloads.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session, col, select

from monitor.archive.models import Fetch, ReportUrl
from monitor.archive.store import RAW
from monitor.timeutil import in_zone
from monitor.web import queries
from monitor.web.deps import SessionDep, StoreDep, zone
from monitor.web.pages import _int as whole_number
from monitor.web.pages import render
from monitor.web.params import Id
from monitor.web.raw import media_type

router = APIRouter(include_in_schema=False)
FRAME_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
HTML_TYPES = ("text/html", "application/xhtml+xml")
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


def is_html(content_type: str | None) -> bool:
    return media_type(content_type).split(";")[0].strip().lower() in HTML_TYPES


@router.get("/versions/{version_id}/page", response_class=HTMLResponse)
def archived_page(request: Request, version_id: Id, s: SessionDep, blobs: StoreDep) -> Response:
    """The archived page in a sandboxed frame, with what it is and where it came from above it."""
    version = queries.version_view(s, blobs, version_id, with_report=False)
    return render(request, "archived.html", version=version, report=queries.report_row(s, version.report_id),
                  framed=is_html(version.content_type))


@router.get("/versions/{version_id}/frame")
def archived_frame(version_id: Id, s: SessionDep, blobs: StoreDep) -> Response:
    """The archived HTML itself, for the frame only: sandboxed, scriptless, loading nothing."""
    doc = queries.raw_document(s, version_id)
    if not is_html(doc.content_type):
        raise queries.InvalidQuery(f"第 {version_id} 版不是网页（{doc.content_type or '未知类型'}），请下载原文查看")
    return Response(blobs.get(RAW, doc.sha256), headers={
        "Content-Type": media_type(doc.content_type),
        "Content-Security-Policy": FRAME_CSP,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "SAMEORIGIN",
        "Cache-Control": "private, max-age=86400, immutable",
    })


@dataclass
class Capture:
    at: datetime                 # in the configured zone
    status: int
    outcome: str
    version_id: int | None
    report_id: int | None
    new_version: bool


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[date | None]]


@dataclass
class CaptureCalendar:
    url: str
    year: int
    years: list[int]
    days: dict[date, list[Capture]] = field(default_factory=dict)
    months: list[Month] = field(default_factory=list)
    total: int = 0


def capture_calendar(s: Session, url: str, year: int | None, tz: str) -> CaptureCalendar:
    """The fetches of ``url`` (on every site that fetched it) in ``year`` (default: the latest with any)."""
    url_ids = list(s.exec(select(ReportUrl.id).where(ReportUrl.url == url)))
    if not url_ids:
        raise queries.NotFound(f"档案中没有抓取过 {url}")
    rows = s.exec(select(Fetch.fetched_at, Fetch.status, Fetch.outcome, Fetch.version_id, Fetch.report_id)
                  .where(col(Fetch.url_id).in_(url_ids)).order_by(col(Fetch.fetched_at), col(Fetch.id))).all()
    captures = [Capture(in_zone(at, tz), status, outcome, version, report, outcome == "new_version")
                for at, status, outcome, version, report in rows]
    years = sorted({c.at.year for c in captures}, reverse=True)
    chosen = year if year is not None else (years[0] if years else date.today().year)
    found = CaptureCalendar(url, chosen, years)
    by_day: dict[date, list[Capture]] = defaultdict(list)
    for capture in captures:
        if capture.at.year == chosen:
            by_day[capture.at.date()].append(capture)
    found.days, found.total = dict(by_day), sum(len(v) for v in by_day.values())
    weeks = calendar.Calendar(firstweekday=0)
    found.months = [Month(chosen, m, [[d if d.month == m else None for d in week]
                                      for week in weeks.monthdatescalendar(chosen, m)]) for m in range(1, 13)]
    return found


@router.get("/calendar", response_class=HTMLResponse)
def calendar_page(request: Request, s: SessionDep, url: str | None = None, year: str | None = None) -> HTMLResponse:
    if not (url or "").strip():
        raise queries.InvalidQuery("url: 请给出要查看的网址")
    found = capture_calendar(s, url.strip(), whole_number(year, "year"), zone(request))
    return render(request, "calendar.html", cal=found, weekdays=WEEKDAYS)

"""The landing page: what changed this week, what is wrong now, what is overdue, how each site's crawls go.

An officer answers "what changed since last week, what is wrong, what have we dealt with" from here: each
block counts, lists the first few, and links to the page with the whole list (/changes, /reports, /findings,
/triage, /runs). Every block is a few indexed queries (the week's changes by detection time, failing reports by the
denormalised error count, the latest run of each site).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func
from sqlmodel import Session, col, select

from monitor.archive.triage import ActionRow, recent_actions, waiting_reports
from monitor.archive.changes import COUNT_CAP, ChangeFilter, ChangeRow, count_changes, list_changes
from monitor.archive.models import (
    NEW_REPORT,
    REVISION_KINDS,
    WITHDRAWN_CHANGE,
    Agency,
    CrawlRun,
    Finding,
    Report,
    Site,
)
from monitor.timeutil import utcnow
from monitor.web.deps import SessionDep
from monitor.web.pages import render
from monitor.web.runs import PROBLEMS

router = APIRouter(include_in_schema=False)
WEEK = timedelta(days=7)
SHOWN = 10          # items each block lists; its link shows them all
OVERDUE_RULE = "report.overdue"


@dataclass
class FailingReport:
    id: int
    site: str
    agency: str | None
    year: int | None
    errors: int
    last_fetched: datetime | None


@dataclass
class OverdueReport:
    report_id: int
    site: str
    agency: str | None
    year: int | None
    message: str


@dataclass
class SiteHealth:
    site: str
    name: str | None
    last_run: int | None
    last_status: str | None
    last_started: datetime | None
    last_error: str | None
    pages: int
    reports_found: int
    last_ok: datetime | None
    problems_this_week: int

    @property
    def healthy(self) -> bool:
        return self.last_status not in PROBLEMS and not self.problems_this_week


@dataclass
class Dashboard:
    since: datetime
    revised: list[ChangeRow]
    revised_total: int
    new_total: int
    failing: list[FailingReport]
    failing_total: int
    failing_open: int             # reports with an error nobody acknowledged, resolved or muted
    overdue: list[OverdueReport]
    overdue_total: int
    sites: list[SiteHealth]
    dealt_with: list[ActionRow]   # triage actions this week, newest first


def _failing(s: Session) -> tuple[list[FailingReport], int]:
    total = s.exec(select(func.count()).select_from(Report).where(Report.error_count > 0)).one()
    rows = s.exec(select(Report.id, Report.site_id, Agency.name, Report.year, Report.error_count,
                         Report.last_fetched_at).outerjoin(Agency, Agency.id == Report.agency_id)
                  .where(Report.error_count > 0).order_by(col(Report.id).desc()).limit(SHOWN)).all()
    return [FailingReport(*r) for r in rows], total


def _overdue(s: Session) -> tuple[list[OverdueReport], int]:
    own = (Finding.rule == OVERDUE_RULE, col(Finding.version_id).is_(None))
    total = s.exec(select(func.count()).select_from(Finding).where(*own)).one()
    rows = s.exec(select(Finding.report_id, Report.site_id, Agency.name, Report.year, Finding.message)
                  .join(Report, Report.id == Finding.report_id).outerjoin(Agency, Agency.id == Report.agency_id)
                  .where(*own).order_by(col(Finding.id).desc()).limit(SHOWN)).all()
    return [OverdueReport(*r) for r in rows], total


def _site_health(s: Session, since: datetime) -> list[SiteHealth]:
    latest = dict(s.exec(select(CrawlRun.site_id, func.max(CrawlRun.id)).group_by(CrawlRun.site_id)).all())
    last_ok = dict(s.exec(select(CrawlRun.site_id, func.max(CrawlRun.started_at))
                          .where(CrawlRun.status == "ok").group_by(CrawlRun.site_id)).all())
    problems = dict(s.exec(select(CrawlRun.site_id, func.count())
                           .where(col(CrawlRun.status).in_(PROBLEMS), CrawlRun.started_at >= since)
                           .group_by(CrawlRun.site_id)).all())
    runs = {r.site_id: r for r in s.exec(select(CrawlRun).where(col(CrawlRun.id).in_(list(latest.values()))))}
    health = []
    for site_id, name in s.exec(select(Site.id, Site.name).order_by(col(Site.id))):
        run = runs.get(site_id)
        health.append(SiteHealth(site_id, name, run.id if run else None, run.status if run else None,
                                 run.started_at if run else None, run.error if run else None,
                                 run.pages_fetched if run else 0, run.reports_found if run else 0,
                                 last_ok.get(site_id), int(problems.get(site_id, 0))))
    return sorted(health, key=lambda h: (h.healthy, h.site))


def dashboard(s: Session, now: datetime | None = None) -> Dashboard:
    since = (now or utcnow()) - WEEK
    revisions = ChangeFilter(since=since, kinds=(*sorted(REVISION_KINDS), WITHDRAWN_CHANGE))
    failing, failing_total = _failing(s)
    overdue, overdue_total = _overdue(s)
    return Dashboard(since, list_changes(s, revisions, limit=SHOWN), count_changes(s, revisions, COUNT_CAP),
                     count_changes(s, ChangeFilter(since=since, kinds=(NEW_REPORT,)), COUNT_CAP), failing,
                     failing_total, waiting_reports(s), overdue, overdue_total, _site_health(s, since),
                     recent_actions(s, SHOWN, since=since))


@router.get("/", response_class=HTMLResponse)
def dashboard_page(request: Request, s: SessionDep) -> HTMLResponse:
    return render(request, "dashboard.html", d=dashboard(s), cap=COUNT_CAP)

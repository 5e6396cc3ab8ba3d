"""/runs: every crawl, newest first, with what it covered and why it failed (a run's page is /runs/{id}).

Coverage is the JSON the crawl stored (``crawler.coverage.Coverage``); the list shows its sums: sub-sites
entered, those where no 年报 column was found, those robots.txt kept the crawl out of, crawler traps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func
from sqlmodel import Session, col, select

from crawler.coverage import Coverage
from monitor.archive.models import EMPTY, FAILED, INTERRUPTED, OK, RUNNING, CrawlRun
from monitor.web import queries
from monitor.web.deps import SessionDep
from monitor.web.pages import _int as whole_number
from monitor.web.pages import render

router = APIRouter(include_in_schema=False)
RUN_STATUSES = (OK, FAILED, EMPTY, INTERRUPTED, RUNNING)
PROBLEMS = (FAILED, EMPTY, INTERRUPTED)


@dataclass
class RunRow:
    id: int
    site: str
    trigger: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    error: str | None
    pages_fetched: int
    documents: int
    reports_found: int
    reports_listed: int
    new_reports: int
    new_versions: int
    revisions: int
    withdrawals: int
    errors: int
    subsites: int | None          # None: the run stored no coverage
    without_column: list[str]
    refused: int                  # sub-sites linked that the crawl could not read (robots.txt, a challenge)
    traps: int

    @property
    def failed(self) -> bool:
        return self.status in PROBLEMS


def _row(run: CrawlRun) -> RunRow:
    coverage = Coverage.from_dict(json.loads(run.coverage)) if run.coverage else None
    return RunRow(run.id, run.site_id, run.trigger, run.started_at, run.finished_at, run.status, run.error,
                  run.pages_fetched, run.documents, run.reports_found, run.reports_listed, run.new_reports,
                  run.new_versions, run.revisions, run.withdrawals, run.errors,
                  len(coverage.subsites) if coverage else None, coverage.without_column if coverage else [],
                  len(coverage.refused) if coverage else 0, len(coverage.traps) if coverage else 0)


def list_runs(s: Session, site: str | None, status: str | None, page: int, per_page: int) -> tuple[list[RunRow], int]:
    """One page of runs (newest first) and how many there are."""
    if status is not None and status not in RUN_STATUSES:
        raise queries.InvalidQuery(f"status: {status!r} 不是抓取状态之一：{', '.join(RUN_STATUSES)}")
    queries.check_page(page, per_page)
    where = []
    if site:
        where.append(CrawlRun.site_id == site)
    if status:
        where.append(CrawlRun.status == status)
    total = s.exec(select(func.count()).select_from(CrawlRun).where(*where)).one()
    runs = s.exec(select(CrawlRun).where(*where).order_by(col(CrawlRun.id).desc())
                  .offset((page - 1) * per_page).limit(per_page)).all()
    return [_row(r) for r in runs], total


@router.get("/runs", response_class=HTMLResponse)
def runs_page(request: Request, s: SessionDep, site: str | None = None, status: str | None = None,
              page: str | None = None, per_page: str | None = None) -> HTMLResponse:
    current = whole_number(page, "page", 1)
    size = whole_number(per_page, "per_page", queries.PER_PAGE)
    rows, total = list_runs(s, site or None, status or None, current, size)
    params = {"site": site or None, "status": status or None,
              "per_page": size if size != queries.PER_PAGE else None}
    return render(request, "runs.html", rows=rows, total=total, page=current,
                  pages=queries.page_count(total, size), params=params, sites=queries.sites(s),
                  statuses=RUN_STATUSES)

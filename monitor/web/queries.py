"""The queries behind the web pages and the JSON API: each takes a Session and returns dataclasses.

They stay on indexed columns and on the counts that ``report`` keeps denormalised, so a page costs a few
index lookups whatever the size of the archive (benchmarks/web_bench.py measures them at a million
versions). Such a lookup takes ~0.1 ms in SQLite, while building its select and running it through the ORM
session took ~0.4 ms more; so the fixed queries of a report or version page (seven of them) are built once,
with bind parameters, and run on the session's connection (``_run``). They read columns, never ORM objects.
The version history of a report is ``monitor.archive.queries.version_history``, shared with the CLI.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, case, func, or_
from sqlalchemy.sql import Executable
from sqlmodel import Session, col, select

from crawler.coverage import Coverage

from monitor.archive import queries
from monitor.archive.models import (
    ACTIVE,
    MISSING,
    WITHDRAWN,
    Agency,
    Blob,
    Change,
    CrawlRun,
    Finding,
    Report,
    ReportUrl,
    Site,
    Version,
)
from monitor.archive.queries import NotFound, open_findings_query, open_findings_union
from monitor.archive.store import BlobStore
from monitor.web.memo import remembered

STATUSES = (ACTIVE, WITHDRAWN, MISSING)
SEVERITIES = ("error", "warning", "info")
YOY_RULES = ("yoy.carry", "yoy.in_force", "text.near_duplicate", "publication.late", "report.overdue")
PER_PAGE = 50
MAX_PER_PAGE = 500
# Bounds of what a request may ask for, so that every value fits the database's 64-bit integers.
MAX_ID = 2**63 - 1
MAX_PAGE = 1_000_000       # × MAX_PER_PAGE rows: beyond any archive
YEARS = (1, 9999)

_SORT_COLUMNS = {
    "year": Report.year,
    "agency": Agency.name,
    "errors": Report.error_count,
    "warnings": Report.warning_count,
    "versions": Report.version_count,
    "fetched": Report.last_fetched_at,
    "first_seen": Report.first_seen,
    "id": Report.id,
}
SORTS = tuple(_SORT_COLUMNS)


def page_count(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def _run(s: Session, statement: Executable, **params: Any) -> list[Row]:
    """The rows of ``statement`` (built once, at import) with ``params`` bound, on the session's connection."""
    return list(s.connection().execute(statement, params))


class InvalidQuery(ValueError):
    """A filter, sort or page that cannot be used; the message names the parameter."""


def check_page(page: int, per_page: int) -> None:
    if not 1 <= page <= MAX_PAGE:
        raise InvalidQuery(f"page：{page} 不是页码（1 到 {MAX_PAGE}）")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidQuery(f"per_page：{per_page} 不在 1 到 {MAX_PER_PAGE} 之间")


# -- reports -------------------------------------------------------------------------------------------

@dataclass
class ReportFilter:
    """What the report list shows: filters, order and page (the query string of /reports)."""

    site: str | None = None
    agency: str | None = None      # part of the agency name (a region such as 川汇区 matches too)
    year: int | None = None
    failing: bool = False          # the current version has error findings
    revised: bool = False          # a version changed figures, prose or the attachment
    status: str | None = None      # active | withdrawn | missing
    sort: str = "year"
    descending: bool = True
    page: int = 1
    per_page: int = PER_PAGE

    def __post_init__(self) -> None:
        if self.sort not in _SORT_COLUMNS:
            raise InvalidQuery(f"sort：{self.sort!r} 不是可用的排序（{'、'.join(SORTS)}）")
        if self.status is not None and self.status not in STATUSES:
            raise InvalidQuery(f"status：{self.status!r} 不是可用的状态（{'、'.join(STATUSES)}）")
        if self.year is not None and not YEARS[0] <= self.year <= YEARS[1]:
            raise InvalidQuery(f"year：{self.year} 不是年份")
        check_page(self.page, self.per_page)


@dataclass
class ReportRow:
    id: int
    site: str
    agency_id: int | None
    agency: str | None
    year: int | None
    title: str | None
    status: str
    versions: int
    errors: int
    warnings: int
    first_seen: datetime
    last_fetched: datetime | None
    revised: bool


@dataclass
class FlagCounts:
    """How many reports of the site/agency/year chosen have each flag, whatever flags are ticked."""

    reports: int
    failing: int
    revised: int
    withdrawn: int
    missing: int


@dataclass
class ReportList:
    rows: list[ReportRow]
    total: int
    page: int
    per_page: int
    pages: int
    flags: FlagCounts


def _revised():
    """Whether a report was revised: every version after a report's first is made by changes of the
    revision kinds (figures, prose, attachment: ``monitor.archive.record._classify``), so it has more than one
    version. This reads the report row alone, where a look into its changes would cost a lookup per report."""
    return Report.version_count > 1


def _report_columns():
    return (Report.id, Report.site_id, Report.agency_id, Agency.name, Report.year, Report.title, Report.status,
            Report.version_count, Report.error_count, Report.warning_count, Report.first_seen,
            Report.last_fetched_at, _revised().label("revised"))


def _filtered(query, f: ReportFilter, flags: bool = True):
    """``query`` narrowed by the filter; without ``flags``, by site, agency and year only."""
    if f.site:
        query = query.where(Report.site_id == f.site)
    if f.year is not None:
        query = query.where(Report.year == f.year)
    if f.agency:
        names = select(Agency.id).where(col(Agency.name).contains(f.agency, autoescape=True))
        query = query.where(col(Report.agency_id).in_(names))
    if not flags:
        return query
    if f.failing:
        query = query.where(Report.error_count > 0)
    if f.revised:
        query = query.where(_revised())
    if f.status:
        query = query.where(Report.status == f.status)
    return query


def _count_where(condition) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def flag_counts(s: Session, f: ReportFilter) -> FlagCounts:
    return remembered(s, ("flags", f.site, f.agency, f.year), lambda: _count_flags(s, f))


def _count_flags(s: Session, f: ReportFilter) -> FlagCounts:
    row = s.exec(_filtered(select(func.count(), _count_where(Report.error_count > 0), _count_where(_revised()),
                                  _count_where(Report.status == WITHDRAWN), _count_where(Report.status == MISSING))
                           .select_from(Report), f, flags=False)).one()
    return FlagCounts(*(int(n) for n in row))


def list_reports(s: Session, f: ReportFilter) -> ReportList:
    key = ("reports", f.site, f.agency, f.year, f.failing, f.revised, f.status)
    total = remembered(s, key, lambda: s.exec(_filtered(select(func.count()).select_from(Report), f)).one())
    order = _SORT_COLUMNS[f.sort]
    direction = (col(order).desc(), col(Report.id).desc()) if f.descending else (col(order).asc(), col(Report.id))
    query = (_filtered(select(*_report_columns()).outerjoin(Agency, Agency.id == Report.agency_id), f)
             .order_by(*direction).offset((f.page - 1) * f.per_page).limit(f.per_page))
    return ReportList([ReportRow(*row) for row in s.exec(query)], total, f.page, f.per_page,
                      page_count(total, f.per_page), flag_counts(s, f))


_REPORT_ROW = (select(*_report_columns()).outerjoin(Agency, Agency.id == Report.agency_id)
               .where(Report.id == bindparam("report_id")))


def report_row(s: Session, report_id: int) -> ReportRow:
    rows = _run(s, _REPORT_ROW, report_id=report_id)
    if not rows:
        raise NotFound(f"存档中没有编号为 {report_id} 的报告")
    return ReportRow(*rows[0])


@dataclass
class UrlRow:
    url: str
    first_seen: datetime
    last_seen: datetime
    gone_at: datetime | None
    listing_url: str | None
    link_text: str | None


_REPORT_URLS = (select(ReportUrl.url, ReportUrl.first_seen, ReportUrl.last_seen, ReportUrl.gone_at,
                       ReportUrl.listing_url, ReportUrl.link_text)
                .where(ReportUrl.report_id == bindparam("report_id")).order_by(col(ReportUrl.id)))


def report_urls(s: Session, report_id: int) -> list[UrlRow]:
    return [UrlRow(*r) for r in _run(s, _REPORT_URLS, report_id=report_id)]


def sites(s: Session) -> list[tuple[str, str | None]]:
    """The sites a filter offers, as ``years``: remembered while the archive has not changed."""
    return remembered(s, "sites", lambda: list(s.exec(select(Site.id, Site.name).order_by(col(Site.id)))))


def years(s: Session) -> list[int]:
    return remembered(s, "years", lambda: _years(s))


def _years(s: Session) -> list[int]:
    return [y for y in s.exec(select(Report.year).where(col(Report.year).is_not(None)).distinct()
                              .order_by(col(Report.year).desc()))]


# -- versions ------------------------------------------------------------------------------------------

@dataclass
class FindingView:
    id: int
    rule: str
    severity: str
    message: str
    cells: list[str]
    origin: str


@dataclass
class VersionView:
    id: int
    report_id: int
    seq: int
    url: str
    first_seen: datetime
    last_seen: datetime
    content_digest: str
    raw_sha256: str
    raw_size: int | None
    content_type: str | None
    source_type: str | None
    parser_version: str | None
    parse_error: str | None
    is_annual_report: bool
    title: str | None
    template: str | None
    published_at: str | None
    errors: int
    warnings: int
    infos: int
    findings: list[FindingView] = field(default_factory=list)
    report: dict[str, Any] | None = None     # the parsed report (report-json.md), None when unreadable


_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


_FINDING_COLUMNS = (Finding.id, Finding.rule, Finding.severity, Finding.message, Finding.cells, Finding.origin)
_VERSION_FINDINGS = (select(*_FINDING_COLUMNS).where(Finding.version_id == bindparam("version_id"))
                     .order_by(col(Finding.id)))
_REPORT_FINDINGS = select(*_FINDING_COLUMNS).where(Finding.report_id == bindparam("report_id"),
                                                   col(Finding.version_id).is_(None))


def _finding_views(rows: list[Row]) -> list[FindingView]:
    return [FindingView(i, rule, severity, message, list(cells or []), origin)
            for i, rule, severity, message, cells, origin in rows]


def version_findings(s: Session, version_id: int) -> list[FindingView]:
    found = _finding_views(_run(s, _VERSION_FINDINGS, version_id=version_id))
    return sorted(found, key=lambda f: _SEVERITY_ORDER.get(f.severity, len(SEVERITIES)))


# The columns of a VersionView up to its findings, in its order, and the version's parsed report.
_VERSION = (select(Version.id, Version.report_id, Version.seq, ReportUrl.url, Version.first_seen, Version.last_seen,
                   Version.content_digest, Version.raw_sha256, Blob.size, Version.content_type, Version.source_type,
                   Version.parser_version, Version.parse_error, Version.is_annual_report, Version.title,
                   Version.template, Version.published_at, Version.error_count, Version.warning_count,
                   Version.info_count, Version.parsed_sha256)
            .join(ReportUrl, ReportUrl.id == Version.url_id).outerjoin(Blob, Blob.sha256 == Version.raw_sha256)
            .where(Version.id == bindparam("version_id")))


def version_view(s: Session, store: BlobStore, version_id: int, with_report: bool = True) -> VersionView:
    rows = _run(s, _VERSION, version_id=version_id)
    if not rows:
        raise NotFound(f"存档中没有编号为 {version_id} 的版本")
    *columns, parsed = rows[0]
    document = store.get_json(parsed) if with_report and parsed else None
    return VersionView(*columns, version_findings(s, version_id), document)


def report_level_findings(s: Session, report_id: int) -> list[FindingView]:
    """Findings on the report rather than on a version (report.overdue)."""
    return _finding_views(_run(s, _REPORT_FINDINGS, report_id=report_id))


@dataclass
class RawDocument:
    version_id: int
    url: str
    sha256: str
    content_type: str | None


def raw_document(s: Session, version_id: int) -> RawDocument:
    row = s.exec(select(Version.id, ReportUrl.url, Version.raw_sha256,
                        func.coalesce(Version.content_type, Blob.content_type))
                 .join(ReportUrl, ReportUrl.id == Version.url_id).outerjoin(Blob, Blob.sha256 == Version.raw_sha256)
                 .where(Version.id == version_id)).first()
    if row is None:
        raise NotFound(f"存档中没有编号为 {version_id} 的版本")
    return RawDocument(*row)


# -- findings ------------------------------------------------------------------------------------------

@dataclass
class RuleCount:
    rule: str
    severity: str
    count: int


@dataclass
class FindingRow(queries.FindingRow):
    """A finding as the CLI lists it, plus its id (the pages link and page by it)."""

    id: int = field(kw_only=True)


@dataclass
class FindingList:
    counts: list[RuleCount]
    rows: list[FindingRow]
    total: int
    page: int
    per_page: int
    pages: int


def finding_counts(s: Session, site: str | None = None) -> list[RuleCount]:
    """Open findings (of each report's current version, and those on a report itself: report.overdue) by
    rule and severity (``open_findings_union``: each select walks an index)."""
    return remembered(s, ("findings", site), lambda: _count_findings(s, site))


def _count_findings(s: Session, site: str | None) -> list[RuleCount]:
    found = open_findings_union(Finding.rule, Finding.severity,
                                where=[Report.site_id == site] if site else []).subquery()
    rows = s.exec(select(found.c.rule, found.c.severity, func.count())
                  .group_by(found.c.rule, found.c.severity)).all()
    counts = [RuleCount(*r) for r in rows]
    return sorted(counts, key=lambda c: (_SEVERITY_ORDER.get(c.severity, len(SEVERITIES)), -c.count, c.rule))


def list_findings(s: Session, rule: str | None = None, severity: str | None = None, site: str | None = None,
                  page: int = 1, per_page: int = PER_PAGE) -> FindingList:
    if severity is not None and severity not in SEVERITIES:
        raise InvalidQuery(f"severity：{severity!r} 不是可用的级别（{'、'.join(SEVERITIES)}）")
    check_page(page, per_page)
    counts = finding_counts(s, site)
    total = sum(c.count for c in counts if (not rule or c.rule == rule) and (not severity or c.severity == severity))
    # Newest first by walking findings backwards and keeping the open ones: a page costs its offset, not
    # the number of open findings.
    query = open_findings_query(Finding.id, Finding.report_id, Finding.version_id, Agency.name, Report.year,
                                Finding.rule, Finding.severity, Finding.message, Finding.cells,
                                rule=rule, severity=severity, site=site)
    query = query.order_by(col(Finding.id).desc()).offset((page - 1) * per_page).limit(per_page)
    rows = [FindingRow(*r[1:8], list(r[8] or []), id=r[0]) for r in s.exec(query)]
    return FindingList(counts, rows, total, page, per_page, page_count(total, per_page))


# -- agencies ------------------------------------------------------------------------------------------

@dataclass
class AgencyRow:
    id: int
    name: str
    reports: int


def find_agencies(s: Session, text: str | None, limit: int = PER_PAGE) -> list[AgencyRow]:
    """Agencies whose name contains ``text`` (all when empty), with their report counts."""
    query = select(Agency.id, Agency.name).order_by(col(Agency.name)).limit(limit)
    if text:
        query = query.where(col(Agency.name).contains(text, autoescape=True))
    agencies = s.exec(query).all()
    counts = dict(s.exec(select(Report.agency_id, func.count()).where(
        col(Report.agency_id).in_([a for a, _ in agencies])).group_by(Report.agency_id)).all())
    return [AgencyRow(a, name, counts.get(a, 0)) for a, name in agencies]


@dataclass
class AgencyYear:
    """One year of an agency: its report, the figures the chart draws, and the checks across years."""

    report: ReportRow
    version_id: int | None
    figures: dict[str, int | None]
    checks: list[FindingView]


@dataclass
class AgencyView:
    id: int
    name: str
    years: list[AgencyYear]


# What the agency chart draws: applications received, and what became of them (sums of table 三 rows).
CHART_SERIES = {
    "received": "new_received",
    "granted": "result.granted",
    "partial": "result.partial",
    "denied": "result.denied",
    "unable": "result.unable",
    "not_processed": "result.not_processed",
    "other": "result.other",
}


def chart_figures(document: dict[str, Any] | None) -> dict[str, int | None]:
    """The 总计 column of table 三 for each chart series: its row, or the sum of its sub-rows (None when
    none holds a count)."""
    s3 = (document or {}).get("s3") or {}
    figures: dict[str, int | None] = {}
    for name, key in CHART_SERIES.items():
        values = [(columns or {}).get("total") for row, columns in s3.items()
                  if row == key or row.startswith(key + ".")]
        counts = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        figures[name] = sum(counts) if counts else None
    return figures


def agency_view(s: Session, store: BlobStore, agency_id: int) -> AgencyView:
    agency = s.get(Agency, agency_id)
    if agency is None:
        raise NotFound(f"存档中没有编号为 {agency_id} 的机构")
    rows = s.exec(select(*_report_columns(), Report.latest_version_id, Version.parsed_sha256)
                  .outerjoin(Agency, Agency.id == Report.agency_id)
                  .outerjoin(Version, Version.id == Report.latest_version_id)
                  .where(Report.agency_id == agency_id).order_by(col(Report.year))).all()
    latest = [r[-2] for r in rows if r[-2] is not None]
    checks: dict[int, list[FindingView]] = {}
    for i, report_id, rule, severity, message, cells, origin in s.exec(
            select(Finding.id, Finding.report_id, Finding.rule, Finding.severity, Finding.message, Finding.cells,
                   Finding.origin)
            .where(col(Finding.report_id).in_([r[0] for r in rows]), col(Finding.rule).in_(YOY_RULES),
                   or_(col(Finding.version_id).in_(latest), col(Finding.version_id).is_(None)))
            .order_by(col(Finding.id))):
        checks.setdefault(report_id, []).append(FindingView(i, rule, severity, message, list(cells or []), origin))
    years = []
    for *report, version_id, parsed in rows:
        document = store.get_json(parsed) if parsed else None
        years.append(AgencyYear(ReportRow(*report), version_id, chart_figures(document), checks.get(report[0], [])))
    return AgencyView(agency.id, agency.name, years)


# -- crawl runs ----------------------------------------------------------------------------------------

@dataclass
class RunChange:
    id: int
    report_id: int
    agency: str | None
    year: int | None
    kind: str
    summary: str
    from_version: int | None
    to_version: int | None


@dataclass
class RunView:
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
    new_reports: int
    new_versions: int
    revisions: int
    withdrawals: int
    errors: int
    warnings: int
    changes: list[RunChange]      # one page of the changes the crawl found, in the order found
    page: int
    more: bool                    # whether a next page has changes
    coverage: Coverage | None = None   # sub-sites, 年报 columns, reports per agency and year, traps


def run_view(s: Session, run_id: int, page: int = 1, per_page: int = 100) -> RunView:
    """A crawl run and one page of its changes (a first crawl of a large site finds thousands: the run's
    own counters summarise them, so they are paged without being counted)."""
    check_page(page, per_page)
    run = s.get(CrawlRun, run_id)
    if run is None:
        raise NotFound(f"存档中没有编号为 {run_id} 的抓取批次")
    changes = [RunChange(*r) for r in s.exec(
        select(Change.id, Change.report_id, Agency.name, Report.year, Change.kind, Change.summary,
               Change.from_version_id, Change.to_version_id)
        .join(Report, Report.id == Change.report_id).outerjoin(Agency, Agency.id == Report.agency_id)
        .where(Change.run_id == run_id).order_by(col(Change.id))
        .offset((page - 1) * per_page).limit(per_page + 1))]
    return RunView(run.id, run.site_id, run.trigger, run.started_at, run.finished_at, run.status, run.error,
                   run.pages_fetched, run.documents, run.reports_found, run.new_reports, run.new_versions,
                   run.revisions, run.withdrawals, run.errors, run.warnings, changes[:per_page], page,
                   len(changes) > per_page, Coverage.from_dict(json.loads(run.coverage)) if run.coverage else None)

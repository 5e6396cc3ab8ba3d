"""Read-only queries on the archive, shared by the CLI and the web pages (``gxmon serve``).

Each function takes a Session (and the store where it needs parsed reports) and returns dataclasses, so
callers render them as they like: rich tables, JSON, CSV, HTML. The queries behind ``gxmon reports`` and
``gxmon history`` stay on indexed columns and the denormalised counts of ``report`` (benchmarked at a
million versions by benchmarks/archive_bench.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, or_
from sqlmodel import Session, col, select

from monitor.archive.diff import DocumentDiff, diff_documents
from monitor.archive.models import Agency, Change, Finding, Report, ReportUrl, Version
from monitor.archive.store import BlobStore

SEVERITIES = ("error", "warning", "info")


class NotFound(LookupError):
    """No report, version or finding matches what was asked for."""


@dataclass
class ReportRow:
    id: int
    site: str
    agency: str | None
    year: int | None
    url: str | None
    status: str
    versions: int
    latest_fetch: datetime | None
    errors: int
    warnings: int
    title: str | None = None
    same_as: int | None = None     # the report of another site, archived earlier, with the same document


@dataclass
class ChangeRow:
    id: int
    kind: str
    summary: str
    detected_at: datetime
    from_version: int | None
    to_version: int | None


@dataclass
class HistoryRow:
    version: int
    seq: int
    first_seen: datetime
    last_seen: datetime
    digest: str
    url: str
    errors: int
    warnings: int
    parse_error: str | None
    changes: list[ChangeRow] = field(default_factory=list)


@dataclass
class VersionHistory:
    versions: list[HistoryRow]
    events: list[ChangeRow]      # changes that made no version: withdrawn, moved, reappeared


@dataclass
class ReportHistory:
    report: ReportRow
    versions: list[HistoryRow]
    events: list[ChangeRow]      # as in VersionHistory


@dataclass
class VersionInfo:
    id: int
    report_id: int
    seq: int
    agency: str | None
    year: int | None
    url: str
    first_seen: datetime
    last_seen: datetime
    digest: str
    site: str | None = None


@dataclass
class VersionDiff:
    a: VersionInfo
    b: VersionInfo
    diff: DocumentDiff
    a_document: dict[str, Any] | None = None     # the parsed reports (prose shown with monitor.prose)
    b_document: dict[str, Any] | None = None

    @property
    def same_report(self) -> bool:
        """False when the two versions belong to two reports: their differences are not a revision."""
        return self.a.report_id == self.b.report_id


@dataclass
class FindingRow:
    report_id: int
    version_id: int | None
    agency: str | None
    year: int | None
    rule: str
    severity: str
    message: str
    cells: list[str]
    url: str | None = None      # the address of the report's current document, to open it from a spreadsheet


def _report_select():
    return (select(Report.id, Report.site_id, Agency.name, Report.year, ReportUrl.url, Report.status,
                   Report.version_count, Report.last_fetched_at, Report.error_count, Report.warning_count,
                   Report.title, Report.same_as_id)
            .outerjoin(Agency, Agency.id == Report.agency_id)
            .outerjoin(ReportUrl, ReportUrl.id == Report.latest_url_id))


def list_reports(session: Session, *, year: int | None = None, agency: str | None = None,
                 site: str | None = None, failing: bool = False, limit: int | None = None) -> list[ReportRow]:
    """Reports, with their latest URL, version count, latest fetch and error/warning counts.

    ``agency`` matches part of the name; ``failing`` keeps reports whose current version has errors.
    """
    query = _report_select()
    if year is not None:
        query = query.where(Report.year == year)
    if agency:
        query = query.where(col(Agency.name).contains(agency))
    if site:
        query = query.where(Report.site_id == site)
    if failing:
        query = query.where(Report.error_count > 0)
    query = query.order_by(col(Report.id))
    if limit:
        query = query.limit(limit)
    return [ReportRow(*row) for row in session.exec(query)]


def find_report(session: Session, ref: str | int) -> ReportRow:
    """A report by id, or by any URL it was fetched from (or redirected from)."""
    query = _report_select()
    if isinstance(ref, int) or str(ref).isdigit():
        query = query.where(Report.id == int(ref))
    else:
        owner = select(ReportUrl.report_id).where(or_(ReportUrl.url == str(ref), ReportUrl.link_url == str(ref)))
        query = query.where(Report.id.in_(owner)).order_by(col(Report.id))   # sites sharing a URL: the first
    row = session.exec(query).first()
    if row is None:
        raise NotFound(f"存档中没有报告 {ref!r}")
    return ReportRow(*row)


def report_history(session: Session, ref: str | int) -> ReportHistory:
    """A report and its versions, oldest first, each with what changed since the version before."""
    report = find_report(session, ref)
    history = version_history(session, report.id)
    return ReportHistory(report, history.versions, history.events)


# Built once with a bind parameter and run on the session's connection, reading columns, not objects: every
# report page reads a history, and building a select and running it through the ORM cost ~0.4 ms more than the
# ~0.1 ms of the lookup itself.
_HISTORY_VERSIONS = (select(Version.id, Version.seq, Version.first_seen, Version.last_seen, Version.content_digest,
                            ReportUrl.url, Version.error_count, Version.warning_count, Version.parse_error)
                     .join(ReportUrl, ReportUrl.id == Version.url_id)
                     .where(Version.report_id == bindparam("report_id")).order_by(col(Version.seq)))
_HISTORY_CHANGES = (select(Change.id, Change.kind, Change.summary, Change.detected_at, Change.from_version_id,
                           Change.to_version_id)
                    .where(Change.report_id == bindparam("report_id")).order_by(col(Change.id)))


def version_history(session: Session, report_id: int) -> VersionHistory:
    """The versions of a report, oldest first, each with what changed since the version before (none for a
    report id that names nothing)."""
    connection = session.connection()
    rows = {v[0]: HistoryRow(*v) for v in connection.execute(_HISTORY_VERSIONS, {"report_id": report_id})}
    events = []
    for change in (ChangeRow(*row) for row in connection.execute(_HISTORY_CHANGES, {"report_id": report_id})):
        (rows[change.to_version].changes if change.to_version in rows else events).append(change)
    return VersionHistory(list(rows.values()), events)


def version_info(session: Session, version_id: int) -> VersionInfo:
    row = session.exec(
        select(Version.id, Version.report_id, Version.seq, Agency.name, Report.year, ReportUrl.url,
               Version.first_seen, Version.last_seen, Version.content_digest, Report.site_id)
        .join(Report, Report.id == Version.report_id).outerjoin(Agency, Agency.id == Report.agency_id)
        .join(ReportUrl, ReportUrl.id == Version.url_id).where(Version.id == version_id)).first()
    if row is None:
        raise NotFound(f"存档中没有编号为 {version_id} 的版本")
    return VersionInfo(*row)


def version_document(session: Session, store: BlobStore, version_id: int) -> dict[str, Any] | None:
    """The parsed report of a version (None for a document that could not be read)."""
    version = session.get(Version, version_id)
    if version is None:
        raise NotFound(f"存档中没有编号为 {version_id} 的版本")
    return store.get_json(version.parsed_sha256) if version.parsed_sha256 else None


def version_diff(session: Session, store: BlobStore, a: int, b: int) -> VersionDiff:
    """Figures, prose and metadata that differ from version ``a`` to version ``b`` (any two versions)."""
    info_a, info_b = version_info(session, a), version_info(session, b)
    doc_a, doc_b = version_document(session, store, a), version_document(session, store, b)
    return VersionDiff(info_a, info_b, diff_documents(doc_a, doc_b), doc_a, doc_b)


def open_findings_query(*columns: Any, rule: str | None = None, severity: str | None = None,
                        site: str | None = None) -> Any:
    """Select ``columns`` from the open findings: those of every report's current version, and the
    report-level ones (report.overdue, no version); filtered by rule, severity and site when given."""
    query = (select(*columns)
             .join(Report, Report.id == Finding.report_id).outerjoin(Agency, Agency.id == Report.agency_id)
             .where(or_(Finding.version_id == Report.latest_version_id, col(Finding.version_id).is_(None))))
    if rule:
        query = query.where(Finding.rule == rule)
    if severity:
        query = query.where(Finding.severity == severity)
    if site:
        query = query.where(Report.site_id == site)
    return query


def open_findings_union(*columns: Any, where: Sequence[Any] = ()) -> Any:
    """Select ``columns`` from the open findings meeting ``where`` (as ``open_findings_query``) as two selects
    joined by UNION ALL, so that each walks an index: reports to their current version's findings, and the
    findings without a version. For counting over the whole archive, where the OR of ``open_findings_query``
    would read every finding."""
    current = (select(*columns).select_from(Report).join(Finding, Finding.version_id == Report.latest_version_id)
               .where(*where))
    own = (select(*columns).select_from(Finding).join(Report, Report.id == Finding.report_id)
           .where(col(Finding.version_id).is_(None), *where))
    return current.union_all(own)


def list_findings(session: Session, *, severity: str | None = None, rule: str | None = None,
                  site: str | None = None, report_id: int | None = None) -> list[FindingRow]:
    """Findings of every report's current version, and report-level ones (report.overdue)."""
    query = open_findings_query(Finding.report_id, Finding.version_id, Agency.name, Report.year, Finding.rule,
                                Finding.severity, Finding.message, Finding.cells,
                                ReportUrl.url, rule=rule, severity=severity, site=site)
    query = query.outerjoin(ReportUrl, ReportUrl.id == Report.latest_url_id)
    if report_id is not None:
        query = query.where(Finding.report_id == report_id)
    query = query.order_by(col(Finding.report_id), col(Finding.id))
    rows = [FindingRow(*r[:7], list(r[7] or []), url=r[8]) for r in session.exec(query)]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(rows, key=lambda f: (order.get(f.severity, 9), f.report_id))

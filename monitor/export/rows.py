"""The versions an export holds, filtered, with every figure and the links to their pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from monitor.alerts.links import report_link, version_link
from monitor.archive.diff import flatten_figures
from monitor.archive.models import Agency, Report, ReportUrl, Version
from monitor.archive.store import BlobStore


@dataclass(frozen=True)
class ExportFilter:
    since: datetime | None = None       # versions first seen at or after this time
    year: int | None = None
    site: str | None = None
    agency: str | None = None           # part of the agency's name
    template: str | None = None         # v2021 | v2019


@dataclass
class ExportedVersion:
    report_id: int
    version_id: int
    seq: int
    site: str
    agency: str | None
    year: int | None
    template: str | None
    title: str | None
    published_at: str | None
    first_seen: datetime
    last_seen: datetime
    errors: int
    warnings: int
    parse_error: str | None
    report_page: str | None
    version_page: str | None
    url: str
    content_digest: str
    figures: dict[str, Any] = field(default_factory=dict)

    def value(self, key: str) -> Any:
        return self.figures.get(key) if key.startswith(("s2.", "s3.", "s4.")) else getattr(self, key)


def exported_versions(session: Session, store: BlobStore, where: ExportFilter, web_base: str | None = None,
                      batch: int = 500) -> Iterator[ExportedVersion]:
    """Every version the filter selects, in id order, read in batches (an archive of a million versions
    streams in constant memory)."""
    query = (select(Version, Report.site_id, Agency.name, Report.year, ReportUrl.url)
             .join(Report, Report.id == Version.report_id).outerjoin(Agency, Agency.id == Report.agency_id)
             .join(ReportUrl, ReportUrl.id == Version.url_id))
    if where.since:
        query = query.where(Version.first_seen >= where.since)
    if where.year:
        query = query.where(Report.year == where.year)
    if where.site:
        query = query.where(Report.site_id == where.site)
    if where.agency:
        query = query.where(col(Agency.name).contains(where.agency))
    if where.template:
        query = query.where(Version.template == where.template)
    last_id = 0
    while True:
        rows = session.exec(query.where(Version.id > last_id).order_by(col(Version.id)).limit(batch)).all()
        if not rows:
            return
        for version, site, agency, year, url in rows:
            document = store.get_json(version.parsed_sha256) if version.parsed_sha256 else None
            yield ExportedVersion(
                report_id=version.report_id, version_id=version.id, seq=version.seq, site=site, agency=agency,
                year=year, template=version.template, title=version.title, published_at=version.published_at,
                first_seen=version.first_seen, last_seen=version.last_seen, errors=version.error_count,
                warnings=version.warning_count, parse_error=version.parse_error,
                report_page=report_link(web_base, version.report_id), version_page=version_link(web_base, version.id),
                url=url, content_digest=version.content_digest, figures=flatten_figures(document))
        last_id = rows[-1][0].id

"""The JSON API: the data of every page under ``/api/…``, and captures queried like the Wayback CDX server.

Described by OpenAPI at ``/api/openapi.json``. Lists page by ``page``/``per_page``; ``/api/cdx`` pages by
resume key (see ``monitor.web.cdx``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import APIRouter, Query

from monitor.archive import queries as monitor_queries
from monitor.web import queries
from monitor.web.cdx import MAX_LIMIT, CdxQuery, CdxResult, query_captures
from monitor.web.deps import SessionDep, StoreDep
from monitor.web.params import Id, Page, Year

router = APIRouter(prefix="/api", tags=["archive"])

Sort = Literal["year", "agency", "errors", "warnings", "versions", "fetched", "first_seen", "id"]
Status = Literal["active", "withdrawn", "missing"]
Severity = Literal["error", "warning", "info"]


@dataclass
class ReportDetail:
    report: queries.ReportRow
    urls: list[queries.UrlRow]
    versions: list[monitor_queries.HistoryRow]      # oldest first, each with the changes that made it
    events: list[monitor_queries.ChangeRow]         # changes that made no version: withdrawn, moved, …
    findings: list[queries.FindingView]             # findings on the report itself (report.overdue)


@router.get("/reports", response_model=queries.ReportList, summary="Reports, filtered, sorted and paged")
def api_reports(s: SessionDep, site: str | None = None,
                agency: str | None = Query(None, description="Part of the agency name (or its region)"),
                year: Year = None, failing: bool = Query(False, description="Current version has errors"),
                revised: bool = Query(False, description="Figures, prose or attachment changed"),
                status: Status | None = None, sort: Sort = "year", order: Literal["asc", "desc"] = "desc",
                page: Page = 1, per_page: int = Query(queries.PER_PAGE, ge=1, le=queries.MAX_PER_PAGE),
                ) -> queries.ReportList:
    return queries.list_reports(s, queries.ReportFilter(site, agency, year, failing, revised, status, sort,
                                                        order == "desc", page, per_page))


@router.get("/reports/{report_id}", response_model=ReportDetail, summary="A report, its URLs and its versions")
def api_report(report_id: Id, s: SessionDep) -> ReportDetail:
    report = queries.report_row(s, report_id)
    history = monitor_queries.version_history(s, report_id)
    return ReportDetail(report, queries.report_urls(s, report_id), history.versions, history.events,
                        queries.report_level_findings(s, report_id))


@router.get("/versions/{version_id}", response_model=queries.VersionView,
            summary="A version: its findings and its figures (the report JSON)")
def api_version(version_id: Id, s: SessionDep, blobs: StoreDep) -> queries.VersionView:
    return queries.version_view(s, blobs, version_id)


@router.get("/diff/{version_a}/{version_b}", response_model=monitor_queries.VersionDiff,
            summary="What differs between any two versions: cells, prose, metadata")
def api_diff(version_a: Id, version_b: Id, s: SessionDep,
             blobs: StoreDep) -> monitor_queries.VersionDiff:
    return monitor_queries.version_diff(s, blobs, version_a, version_b)


@router.get("/findings", response_model=queries.FindingList,
            summary="Open findings (of current versions) counted by rule and severity, and listed")
def api_findings(s: SessionDep, rule: str | None = None, severity: Severity | None = None,
                 site: str | None = None, page: Page = 1,
                 per_page: int = Query(queries.PER_PAGE, ge=1, le=queries.MAX_PER_PAGE)) -> queries.FindingList:
    return queries.list_findings(s, rule, severity, site, page, per_page)


@router.get("/agencies", response_model=list[queries.AgencyRow], summary="Agencies whose name contains q")
def api_agencies(s: SessionDep, q: str | None = None,
                 limit: int = Query(queries.PER_PAGE, ge=1, le=queries.MAX_PER_PAGE)) -> list[queries.AgencyRow]:
    return queries.find_agencies(s, q, limit)


@router.get("/agencies/{agency_id}", response_model=queries.AgencyView,
            summary="An agency's reports year by year, with the checks across years")
def api_agency(agency_id: Id, s: SessionDep, blobs: StoreDep) -> queries.AgencyView:
    return queries.agency_view(s, blobs, agency_id)


@router.get("/runs/{run_id}", response_model=queries.RunView, summary="A crawl run and the changes it found")
def api_run(run_id: Id, s: SessionDep, page: Page = 1,
            per_page: int = Query(100, ge=1, le=queries.MAX_PER_PAGE)) -> queries.RunView:
    return queries.run_view(s, run_id, page, per_page)


@router.get("/cdx", response_model=CdxResult, summary="Captures (fetches) of reports, as a CDX query")
def api_cdx(s: SessionDep,
            url: str | None = Query(None, description="A report document's URL"),
            match_type: Literal["exact", "prefix"] = Query("exact", description="url is exact or a prefix"),
            agency: str | None = Query(None, description="The agency's name, exactly"),
            report: int | None = Query(None, ge=1, le=queries.MAX_ID, description="A report id"),
            from_: str | None = Query(None, alias="from", description="yyyy[MM[dd[hh[mm[ss]]]]] or ISO, UTC"),
            to: str | None = Query(None, description="yyyy[MM[dd[hh[mm[ss]]]]] or ISO, UTC, inclusive"),
            collapse: Literal["digest"] | None = Query(None, description="Drop adjacent captures of one digest"),
            limit: int = Query(1000, ge=1, le=MAX_LIMIT),
            resume_key: str | None = Query(None, description="The resume_key of the previous answer")) -> CdxResult:
    return query_captures(s, CdxQuery(url, match_type, agency, report, from_, to, collapse, limit, resume_key))

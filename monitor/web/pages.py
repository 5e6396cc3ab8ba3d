"""The HTML pages: reports, a report and its versions, comparisons, findings, agencies, crawl runs.

The paths ``/reports/{id}``, ``/versions/{id}``, ``/diff/{a}/{b}`` and ``/runs/{id}`` are the links of the
alert mails (``monitor.alerts.links``). Each page is a GET that reads the archive and renders a template; query
parameters come from forms, so an empty field means "not given".
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as FastPath
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from monitor.archive.queries import version_history
from monitor.archive.store import RAW, BlobStore
from gxparse.errors import LimitExceeded
from monitor.web import queries
from monitor.web.bundleparts import MAX_PARTS, BundlePart, bundle_part, bundle_parts
from monitor.web.chart import applications_chart
from monitor.prose import section_diffs
from monitor.web.deps import SessionDep, StoreDep, zone
from monitor.web.listrows import finding_rows, report_rows
from monitor.web.params import Id
from monitor.web.raw import download, download_headers
from monitor.web.render import templates
from monitor.web.timeline import timeline
from monitor.web.triage_state import triage_view
from monitor.web.views import compare, figures

router = APIRouter(include_in_schema=False)
TEMPLATES = templates()
AGENCY_LIMIT = 200   # agencies one search lists
PROSE_CONTEXT = 120  # characters of unchanged prose kept around each change on the diff page


def _int(value: str | None, name: str, default: int | None = None) -> int | None:
    """A whole-number form field that fits the database (ids, pages and years are checked by the queries);
    an empty field is ``default``."""
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise queries.InvalidQuery(f"{name}：{value[:40]!r} 不是整数") from None
    if abs(number) > queries.MAX_ID:
        raise queries.InvalidQuery(f"{name}：{value[:40]!r} 超出范围")
    return number


def _flag(value: str | None) -> bool:
    return bool(value) and value not in ("0", "false", "off")


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, s: SessionDep, site: str | None = None, agency: str | None = None,
                 year: str | None = None, failing: str | None = None, revised: str | None = None,
                 status: str | None = None, sort: str = "year", order: str = "desc",
                 page: str | None = None, per_page: str | None = None) -> HTMLResponse:
    f = queries.ReportFilter(site=site or None, agency=(agency or "").strip() or None, year=_int(year, "year"),
                             failing=_flag(failing), revised=_flag(revised), status=status or None,
                             sort=sort, descending=order != "asc", page=_int(page, "page", 1),
                             per_page=_int(per_page, "per_page", queries.PER_PAGE))
    listing = queries.list_reports(s, f)
    params = {"site": f.site, "agency": f.agency, "year": f.year, "failing": int(f.failing) or None,
              "revised": int(f.revised) or None, "status": f.status, "sort": f.sort,
              "order": "desc" if f.descending else "asc",
              "per_page": f.per_page if f.per_page != queries.PER_PAGE else None}
    return render(request, "reports.html", listing=listing, rows=report_rows(listing.rows, zone(request)),
                  filter=f, params=params, sites=queries.sites(s),
                  years=queries.years(s), sorts=queries.SORTS, statuses=queries.STATUSES)


def _report_page(request: Request, s: Session, blobs: BlobStore, report_id: int,
                 version: queries.VersionView | None = None) -> HTMLResponse:
    """A report's page, showing ``version`` (default: its latest)."""
    report = queries.report_row(s, report_id)
    history = version_history(s, report_id)
    if version is None and history.versions:
        version = queries.version_view(s, blobs, history.versions[-1].version)
    shown = timeline(history.versions, zone(request), version.id if version else None)
    parts, parts_unread = _parts(blobs, version) if version else ([], None)
    return render(request, "report.html", report=report, timeline=shown,
                  events=history.events, urls=queries.report_urls(s, report_id), version=version,
                  figures=figures(version) if version else None, parts=parts, parts_unread=parts_unread,
                  report_findings=queries.report_level_findings(s, report_id))


def _parts(blobs: BlobStore, version: queries.VersionView) -> tuple[list[BundlePart], str | None]:
    """A bundled version's parts, or why they cannot be listed (a bundle over gxparse's bounds)."""
    try:
        return bundle_parts(blobs, version.raw_sha256, version.content_type), None
    except LimitExceeded as exc:
        return [], str(exc)


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: Id, s: SessionDep,
                blobs: StoreDep) -> HTMLResponse:
    return _report_page(request, s, blobs, report_id)


@router.get("/reports/{report_id}/versions", response_class=HTMLResponse)
def versions_page(request: Request, report_id: Id, s: SessionDep) -> HTMLResponse:
    """Every version of a report in full (a report page lists the latest: ``timeline.LATEST``)."""
    report = queries.report_row(s, report_id)
    history = version_history(s, report_id)
    return render(request, "versions.html", report=report, version=None, events=history.events,
                  timeline=timeline(history.versions, zone(request), everything=True))


@router.get("/versions/{version_id}", response_class=HTMLResponse)
def version_page(request: Request, version_id: Id, s: SessionDep,
                 blobs: StoreDep) -> HTMLResponse:
    version = queries.version_view(s, blobs, version_id)
    return _report_page(request, s, blobs, version.report_id, version)


@router.get("/versions/{version_id}/raw")
def raw_page(version_id: Id, s: SessionDep, blobs: StoreDep) -> Response:
    doc = queries.raw_document(s, version_id)
    return download(blobs.verified_path(RAW, doc.sha256), doc)


@router.get("/versions/{version_id}/parts/{index}")
def part_page(version_id: Id, index: Annotated[int, FastPath(ge=0, le=MAX_PARTS)], s: SessionDep,
              blobs: StoreDep) -> Response:
    """One part of a bundled version (its article's page, an attached 附表.xls, a picture): its exact bytes as
    a download, under the raw document's headers."""
    doc = queries.raw_document(s, version_id)
    try:
        part, body = bundle_part(blobs, doc.sha256, doc.content_type, index)
    except LimitExceeded as exc:
        raise queries.NotFound(f"第 {version_id} 版的部分无法读取：{exc}") from None
    return Response(body, headers=download_headers(part.name, part.content_type, f"{doc.sha256}-{index}"))


@router.get("/compare")
def compare_form(a: str | None = None, b: str | None = None) -> Response:
    """The target of the version picker on a report page."""
    first, second = _int(a, "a"), _int(b, "b")
    if first is None or second is None:
        raise queries.InvalidQuery("a、b：请选择两个要比较的版本")
    return RedirectResponse(f"/diff/{first}/{second}", status_code=303)


@router.get("/diff/{version_a}/{version_b}", response_class=HTMLResponse)
def diff_page(request: Request, version_a: Id, version_b: Id, s: SessionDep,
              blobs: StoreDep) -> HTMLResponse:
    a, b = queries.version_view(s, blobs, version_a), queries.version_view(s, blobs, version_b)
    reports = {r: queries.report_row(s, r) for r in {a.report_id, b.report_id}}
    return render(request, "diff.html", cmp=compare(a, b), reports=reports,
                  prose=section_diffs(a.report, b.report, context=PROSE_CONTEXT))


@router.get("/findings", response_class=HTMLResponse)
def findings_page(request: Request, s: SessionDep, rule: str | None = None,
                  severity: str | None = None, site: str | None = None, page: str | None = None,
                  per_page: str | None = None) -> HTMLResponse:
    size = _int(per_page, "per_page", queries.PER_PAGE)
    found = queries.list_findings(s, rule or None, severity or None, site or None, _int(page, "page", 1), size)
    params = {"rule": rule or None, "severity": severity or None, "site": site or None,
              "per_page": size if size != queries.PER_PAGE else None}
    view = triage_view(request, s, [f.report_id for f in found.rows])
    return render(request, "findings.html", found=found, rows=finding_rows(found.rows, view), params=params,
                  sites=queries.sites(s), severities=queries.SEVERITIES, view=view)


@router.get("/agencies", response_class=HTMLResponse)
def agencies_page(request: Request, s: SessionDep, q: str | None = None) -> HTMLResponse:
    text = (q or "").strip()
    return render(request, "agencies.html", agencies=queries.find_agencies(s, text or None, limit=AGENCY_LIMIT),
                  q=text, limit=AGENCY_LIMIT)


@router.get("/agencies/{agency_id}", response_class=HTMLResponse)
def agency_page(request: Request, agency_id: Id, s: SessionDep,
                blobs: StoreDep) -> HTMLResponse:
    agency = queries.agency_view(s, blobs, agency_id)
    chart = applications_chart([(y.report.year, y.figures) for y in agency.years])
    return render(request, "agency.html", agency=agency, chart=chart)


@router.get("/runs/{run_id}", response_class=HTMLResponse)
def run_page(request: Request, run_id: Id, s: SessionDep, page: str | None = None) -> HTMLResponse:
    return render(request, "run.html", run=queries.run_view(s, run_id, _int(page, "page", 1)))

"""Turning fetched documents into the archive: fetches, versions, findings, changes and outbox alerts.

``Archive.record`` takes one fetched document and writes everything it implies in one transaction: the
fetch row always; when the normalised content differs from the version it is compared with, the raw
bytes (content-addressed), a new version, its findings, the changes against the version before, and the
alerts for the recipients of that report. ``Archive.finish_run`` closes a crawl: counts, failed or empty
crawls, reports gone from their list page for two crawls, reports that moved, and overdue reports.

Which version a fetch is compared with: the latest version from the same URL, or for a URL new to the
report, the report's latest version. So a report published as a page and as an attachment does not
flip between two "versions" on every crawl.

A report belongs to its site: a document is filed only among the reports of the site whose crawl fetched
it (by its URL there, else by agency and year there). The agency comes from the document's own title, which
any host can write: a page elsewhere titled with this site's agency and year is the other site's report,
never a version of this one. When another site's report already holds the same content (a repost), the new
report is linked to it (``Report.same_as_id``), not merged with it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from monitor.alerts import outbox
from monitor.alerts.outbox import MAIL_CONTEXT, MAX_FIGURES, AlertPayload
from monitor.prose import section_diffs
from monitor.archive import leases, triage
from monitor.archive.checks import CheckFinding, cross_year_checks, publication_late, report_overdue
from monitor.config import MonitorConfig
from monitor.archive.content import page_chrome, page_text_digest, raw_digest, report_digest
from monitor.archive.db import session as new_session
from monitor.archive.diff import DocumentDiff, diff_documents
from monitor.archive.documents import FetchedDocument
from monitor.labels import SECTION_NAMES, cell_label
from monitor.alerts.links import diff_link, report_link, version_link
from monitor.archive.models import (
    ACTIVE, ALERT_CRAWL_EMPTY, ALERT_CRAWL_FAILED, ALERT_FAILING, ALERT_MOVED, ALERT_OVERDUE, ALERT_REAPPEARED,
    ALERT_REVISED, ALERT_WITHDRAWN, ATTACHMENT_REPLACED, EMPTY, FAILED, FIGURES_CHANGED, GONE, HTTP_ERROR,
    INTERRUPTED, MISSING, MOVED, NEW_REPORT, NEW_VERSION, NOT_MODIFIED, OK, REAPPEARED, REVISION_KINDS,
    TEXT_CHANGED, UNCHANGED, WITHDRAWN, WITHDRAWN_CHANGE, Agency, Blob, Change, CrawlRun, Fetch, Finding, Report,
    ReportUrl, Site, Version,
)
from monitor.archive.store import PARSED, RAW, BlobStore
from monitor.timeutil import parse_timestamp, utcnow

log = logging.getLogger(__name__)

Parser = Callable[[bytes, str], dict[str, Any]]
# Rules the archive computes (the parser's own findings come with the document).
CROSS_YEAR_RULES = ("yoy.carry", "yoy.in_force", "text.near_duplicate")
UNREADABLE_RULE = "document.unreadable"
LIST_MISSES_FOR_WITHDRAWAL = 2


def gxparse_parser(data: bytes, source: str) -> dict[str, Any]:
    """The report JSON of one document, by gxparse (raises gxparse.DocumentError when unreadable)."""
    from gxparse import parse_document

    return parse_document(data, source).to_dict()


@dataclass
class ParsedDocument:
    """A fetched document as parsed: its report JSON (None when unreadable), the error, its content digest."""

    document: dict[str, Any] | None
    error: str | None
    digest: str

    def get(self, key: str) -> Any:
        return (self.document or {}).get(key)

    def agency(self, listed: str | None) -> str:
        """The agency the report is filed under: as its title names it, except that a scan's title is read by
        OCR, which garbles names (开封市 → 开去77), so the agency the site lists it under comes first."""
        read, listed = (self.get("agency") or "").strip(), (listed or "").strip()
        return (listed or read) if self.get("source_type") == "ocr" else (read or listed)

    @property
    def is_annual_report(self) -> bool:
        return bool(self.get("is_annual_report"))


@dataclass
class RecordResult:
    outcome: str
    report_id: int | None = None
    version_id: int | None = None
    changes: list[str] = field(default_factory=list)


def _is_ok(status: int) -> bool:
    return 200 <= status < 300


def _is_html(content_type: str | None, source_type: str | None) -> bool:
    """A page served as such; a page bundled with its pictures (MHTML) is compared as a file is."""
    if (content_type or "").startswith("multipart/related"):
        return False
    return source_type == "html" or "html" in (content_type or "")


class Archive:
    """The archive of one database and one store, with the config that routes its alerts."""

    def __init__(self, engine: Engine, store: BlobStore, config: MonitorConfig | None = None,
                 parser: Parser = gxparse_parser) -> None:
        self.engine = engine
        self.store = store
        self.config = config or MonitorConfig()
        self.parser = parser

    # -- crawl runs -------------------------------------------------------------------------------------

    def start_run(self, site_id: str, trigger: str = "cli", site_name: str | None = None) -> int:
        with new_session(self.engine) as s:
            _ensure_site(s, site_id, site_name)
            run = CrawlRun(site_id=site_id, trigger=trigger, holder=leases.holder_id())
            s.add(run)
            s.commit()
            return run.id

    # -- one document -----------------------------------------------------------------------------------

    def parse(self, doc: FetchedDocument) -> ParsedDocument:
        """Parse outside any transaction (it is the slow part). Parser crashes are archived as errors too.

        A document from a crawl comes parsed (``crawler.pipelines.ParsePipeline`` read it in a worker process,
        within limits of memory and time): its report, or why it is unreadable, is taken as it is.
        """
        from gxparse import DocumentError
        from gxparse.parser import INTERNAL_ERROR

        if doc.unreadable is not None:
            return ParsedDocument(None, doc.unreadable, raw_digest(doc.body))
        try:
            document = doc.report if doc.report is not None else self.parser(doc.body, doc.effective_url)
        except DocumentError as exc:
            return ParsedDocument(None, exc.reason, raw_digest(doc.body))
        except Exception:  # noqa: BLE001 — a parser bug must not lose the fetched document
            # the officer reads what happened; the exception's type and traceback are for the log
            log.exception("parser failed on %s", doc.effective_url)
            return ParsedDocument(None, INTERNAL_ERROR, raw_digest(doc.body))
        html = _is_html(doc.content_type, document.get("source_type"))
        if document.get("is_annual_report"):
            digest = report_digest(document, page_chrome(doc.body) if html else ())
        elif html:
            digest = page_text_digest(doc.body)
        else:
            digest = raw_digest(doc.body)
        return ParsedDocument(document, None, digest)

    def record(self, doc: FetchedDocument, run_id: int | None = None) -> RecordResult:
        """Archive one fetched document in one transaction."""
        ok = _is_ok(doc.status) and not doc.not_modified and doc.status != 304 and not doc.gone
        parsed = self.parse(doc) if ok else None
        fetched_at = parse_timestamp(doc.fetched_at) or utcnow()
        with new_session(self.engine) as s:
            with s.begin():
                _ensure_site(s, doc.site_id)
                url_row = _find_url(s, doc.site_id, doc.effective_url) or _find_url(s, doc.site_id, doc.url)
                if doc.status in (404, 410) or doc.gone:
                    return self._record_gone(s, doc, url_row, run_id, fetched_at)
                if doc.not_modified or doc.status == 304:
                    return self._record_not_modified(s, doc, url_row, run_id, fetched_at)
                if parsed is None:
                    s.add(Fetch(run_id=run_id, report_id=url_row.report_id if url_row else None,
                                url_id=url_row.id if url_row else None, fetched_at=fetched_at,
                                status=doc.status, outcome=HTTP_ERROR, revisit=doc.revisit))
                    return RecordResult(HTTP_ERROR, url_row.report_id if url_row else None)
                return _Recorder(self, s, doc, parsed, run_id, fetched_at).record(url_row)

    def _record_gone(self, s: Session, doc: FetchedDocument, url_row: ReportUrl | None, run_id: int | None,
                     fetched_at: Any) -> RecordResult:
        s.add(Fetch(run_id=run_id, report_id=url_row.report_id if url_row else None,
                    url_id=url_row.id if url_row else None, fetched_at=fetched_at, status=doc.status,
                    outcome=GONE, revisit=doc.revisit))
        if url_row is None:
            return RecordResult(GONE)
        if url_row.gone_at is None:
            url_row.gone_at = fetched_at
        report = s.get(Report, url_row.report_id)
        report.last_fetched_at = fetched_at
        live = s.exec(select(func.count()).select_from(ReportUrl).where(
            ReportUrl.report_id == report.id, col(ReportUrl.gone_at).is_(None))).one()
        changes = []
        if report.status == ACTIVE and live == 0:
            self._withdraw(s, report, run_id, doc.gone or f"HTTP {doc.status}", doc.effective_url)
            changes.append(WITHDRAWN_CHANGE)
        return RecordResult(GONE, report.id, report.latest_version_id, changes)

    def _record_not_modified(self, s: Session, doc: FetchedDocument, url_row: ReportUrl | None,
                             run_id: int | None, fetched_at: Any) -> RecordResult:
        if url_row is None:   # a 304 for a URL the archive does not know: nothing to attach it to
            s.add(Fetch(run_id=run_id, fetched_at=fetched_at, status=doc.status, outcome=NOT_MODIFIED,
                        not_modified=True, revisit=doc.revisit))
            return RecordResult(NOT_MODIFIED)
        version = _latest_version_of_url(s, url_row.id)
        _touch_url(url_row, doc, run_id, fetched_at)
        url_row.gone_at = None
        report = s.get(Report, url_row.report_id)
        report.last_fetched_at = fetched_at
        changes = []
        if report.status == WITHDRAWN:
            self._reactivate(s, report, run_id, url_row.url, fetched_at)
            changes.append(REAPPEARED)
        if version is not None:
            version.last_seen = fetched_at
        s.add(Fetch(run_id=run_id, report_id=report.id, url_id=url_row.id,
                    version_id=version.id if version else None, fetched_at=fetched_at, status=doc.status,
                    outcome=NOT_MODIFIED, not_modified=True, revisit=doc.revisit))
        return RecordResult(NOT_MODIFIED, report.id, version.id if version else None, changes)

    def _reactivate(self, s: Session, report: Report, run_id: int | None, url: str, detected_at: Any) -> None:
        """A withdrawn report is published again (found at one of its URLs): say so."""
        report.status = ACTIVE
        report.missing_runs = 0
        agency = _agency_name(s, report.agency_id)
        change = Change(report_id=report.id, run_id=run_id, kind=REAPPEARED, from_version_id=report.latest_version_id,
                        summary=f"已撤回的报告重新出现：{url}", detail={"url": url}, detected_at=detected_at)
        s.add(change)
        s.flush()
        payload = AlertPayload(kind=ALERT_REAPPEARED, site=report.site_id, summary=change.summary, agency=agency,
                               year=report.year, title=report.title, url=url,
                               links=_links(report_link(self.config.web_base_url, report.id)))
        outbox.queue(s, self.config.recipients(report.site_id, agency), site_id=report.site_id, run_id=run_id,
                     event_key=f"change:{change.id}", payload=payload, report_id=report.id, change_id=change.id)

    def _withdraw(self, s: Session, report: Report, run_id: int | None, reason: str, url: str | None) -> None:
        report.status = WITHDRAWN
        agency = _agency_name(s, report.agency_id)
        change = Change(report_id=report.id, run_id=run_id, kind=WITHDRAWN_CHANGE,
                        from_version_id=report.latest_version_id, summary=f"报告已撤回（{reason}）",
                        detail={"reason": reason, "url": url})
        s.add(change)
        s.flush()
        base = self.config.web_base_url
        payload = AlertPayload(kind=ALERT_WITHDRAWN, site=report.site_id, summary=change.summary,
                               agency=agency, year=report.year, title=report.title, url=url,
                               links=_links(report_link(base, report.id)))
        outbox.queue(s, self.config.recipients(report.site_id, agency), site_id=report.site_id, run_id=run_id,
                     event_key=f"change:{change.id}", payload=payload, report_id=report.id, change_id=change.id)

    # -- end of a crawl ---------------------------------------------------------------------------------

    def finish_run(self, run_id: int, error: str | None = None, pages_fetched: int | None = None,
                   today: date | None = None, interrupted: bool = False, coverage: str | None = None,
                   note: str | None = None) -> CrawlRun:
        """Close a crawl run: its counts and status, and what only a whole crawl can tell.

        A crawl that failed or was interrupted proves nothing about reports it did not see, so only a
        complete one counts list misses, detects moves and checks for overdue reports. ``note`` says why an
        interrupted run was (kept in ``error``; an interruption alerts nobody).
        """
        today = today or utcnow().date()
        with new_session(self.engine) as s:
            with s.begin():
                run = s.get(CrawlRun, run_id)
                _count_fetches(s, run)
                if pages_fetched is not None:
                    run.pages_fetched = pages_fetched
                run.coverage = coverage
                base = self.config.web_base_url
                if error:
                    run.status, run.error = FAILED, error
                    self._site_alert(s, run, ALERT_CRAWL_FAILED, f"抓取失败：{error}", base)
                elif interrupted:
                    run.status, run.error = INTERRUPTED, note
                elif run.reports_listed == 0 and _listed_before(s, run):
                    run.status = EMPTY
                    self._site_alert(s, run, ALERT_CRAWL_EMPTY,
                                     "本次抓取在列表页上未找到任何报告，而此前能找到：抓取规则可能已失效", base)
                else:
                    run.status = OK
                    self._account_listing(s, run)
                    self._detect_moves(s, run)
                    self._check_overdue(s, run, today)
                _count_changes(s, run)
                run.finished_at = utcnow()
            return run

    def _site_alert(self, s: Session, run: CrawlRun, kind: str, summary: str, base: str | None) -> None:
        payload = AlertPayload(kind=kind, site=run.site_id, summary=summary,
                               links=_links(f"{base}/runs/{run.id}" if base else None))
        outbox.queue(s, self.config.site_recipients(run.site_id), site_id=run.site_id, run_id=run.id,
                     event_key=f"run:{run.id}:{kind}", payload=payload)

    def _account_listing(self, s: Session, run: CrawlRun) -> None:
        """Reports revisited (not on any list page) in this crawl count a miss; two in a row ⇒ withdrawn."""
        listed = set(s.exec(select(ReportUrl.report_id).where(ReportUrl.last_listed_run_id == run.id)))
        revisited = set(s.exec(select(Fetch.report_id).where(
            Fetch.run_id == run.id, col(Fetch.revisit).is_(True), col(Fetch.report_id).is_not(None))))
        for report in s.exec(select(Report).where(Report.site_id == run.site_id, Report.status == ACTIVE,
                                                  col(Report.id).in_(listed | revisited))):
            if report.id in listed:
                report.missing_runs = 0
                continue
            report.missing_runs += 1
            if report.missing_runs >= LIST_MISSES_FOR_WITHDRAWAL:
                url = s.exec(select(ReportUrl.url).where(ReportUrl.report_id == report.id)
                             .order_by(col(ReportUrl.last_seen).desc())).first()
                self._withdraw(s, report, run.id, f"连续{report.missing_runs}次抓取未在列表页出现", url)

    def _detect_moves(self, s: Session, run: CrawlRun) -> None:
        """A known report of the site found at a new URL of the site while none of its old URLs is listed
        any more has moved (URLs and reports are the site's own, so a move never crosses sites)."""
        new_urls = s.exec(select(ReportUrl).where(ReportUrl.site_id == run.site_id, ReportUrl.first_run_id == run.id,
                                                  ReportUrl.last_listed_run_id == run.id)).all()
        base = self.config.web_base_url
        for url_row in new_urls:
            old = s.exec(select(ReportUrl).where(ReportUrl.report_id == url_row.report_id,
                                                 ReportUrl.id != url_row.id)).all()
            if not old or any(u.last_listed_run_id == run.id for u in old):
                continue
            report = s.get(Report, url_row.report_id)
            agency = _agency_name(s, report.agency_id)
            change = Change(report_id=report.id, run_id=run.id, kind=MOVED,
                            from_version_id=report.latest_version_id,
                            summary=f"报告迁移到新地址：{url_row.url}",
                            detail={"old_urls": [u.url for u in old], "new_url": url_row.url})
            s.add(change)
            s.flush()
            payload = AlertPayload(kind=ALERT_MOVED, site=report.site_id, summary=change.summary, agency=agency,
                                   year=report.year, title=report.title, url=url_row.url,
                                   links=_links(report_link(base, report.id)))
            outbox.queue(s, self.config.recipients(report.site_id, agency), site_id=report.site_id,
                         run_id=run.id, event_key=f"change:{change.id}", payload=payload, report_id=report.id,
                         change_id=change.id)

    def _check_overdue(self, s: Session, run: CrawlRun, today: date) -> None:
        """report.overdue for each watched agency of the site without last year's report past its deadline."""
        year = today.year - 1
        base = self.config.web_base_url
        for watch in self.config.watched(run.site_id):
            finding = report_overdue(watch.agency, year, today, watch.deadline)
            if finding is None:
                continue
            agency_id = _ensure_agency(s, watch.agency)
            report = s.exec(select(Report).where(Report.site_id == run.site_id, Report.agency_id == agency_id,
                                                 Report.year == year)).first()
            if report is not None and report.version_count > 0:
                continue
            if report is None:
                report = Report(site_id=run.site_id, agency_id=agency_id, year=year, status=MISSING,
                                title=f"{watch.agency}{year}年政府信息公开工作年度报告")
                s.add(report)
                s.flush()
            exists = s.exec(select(Finding.id).where(Finding.report_id == report.id,
                                                     Finding.rule == finding.rule)).first()
            if exists is None:
                s.add(Finding(report_id=report.id, rule=finding.rule, severity=finding.severity,
                              message=finding.message, origin="archive"))
                s.flush()
                _refresh_report_counts(s, report)
            payload = AlertPayload(kind=ALERT_OVERDUE, site=run.site_id, summary=finding.message,
                                   agency=watch.agency, year=year, links=_links(report_link(base, report.id)))
            outbox.queue(s, self.config.recipients(run.site_id, watch.agency), site_id=run.site_id,
                         run_id=run.id, event_key=f"overdue:{agency_id}:{year}", payload=payload,
                         report_id=report.id)


class _Recorder:
    """Archives one successfully fetched document (the body of ``Archive.record`` for status 200)."""

    def __init__(self, archive: Archive, s: Session, doc: FetchedDocument, parsed: ParsedDocument,
                 run_id: int | None, fetched_at: Any) -> None:
        self.archive, self.s, self.doc, self.parsed = archive, s, doc, parsed
        self.run_id, self.fetched_at = run_id, fetched_at
        self.base = archive.config.web_base_url

    def record(self, url_row: ReportUrl | None) -> RecordResult:
        s, doc, parsed = self.s, self.doc, self.parsed
        agency = _clip(parsed.agency(doc.agency), 200)
        year = parsed.get("year") or doc.year
        report = s.get(Report, url_row.report_id) if url_row else None
        if report is None and agency and year:
            report = s.exec(select(Report).where(Report.site_id == doc.site_id,
                                                 Report.agency_id == _ensure_agency(s, agency),
                                                 Report.year == year)).first()
        new_report = report is None or report.version_count == 0
        if report is None:
            report = Report(site_id=doc.site_id, agency_id=_ensure_agency(s, agency) if agency else None,
                            year=year, first_seen=self.fetched_at, first_run_id=self.run_id)
            s.add(report)
            s.flush()
        elif report.agency_id is None and agency and year and not _report_exists(s, doc.site_id, agency, year):
            report.agency_id, report.year = _ensure_agency(s, agency), year
        new_url = url_row is None
        if new_url:
            url_row = ReportUrl(report_id=report.id, site_id=report.site_id, url=doc.effective_url,
                                first_seen=self.fetched_at, first_run_id=self.run_id)
            s.add(url_row)
            s.flush()
        reappeared = report.status == WITHDRAWN
        _touch_url(url_row, doc, self.run_id, self.fetched_at)
        url_row.gone_at = None
        report.last_fetched_at = self.fetched_at
        report.published_at = _clip(doc.published_at, 40) or report.published_at
        baseline = None if new_url else _latest_version_of_url(s, url_row.id)
        if baseline is None and report.latest_version_id is not None:
            baseline = s.get(Version, report.latest_version_id)
        changes: list[str] = []
        if reappeared:
            self.archive._reactivate(s, report, self.run_id, url_row.url, self.fetched_at)
            changes.append(REAPPEARED)
        if baseline is not None and baseline.content_digest == parsed.digest:
            baseline.last_seen = self.fetched_at
            s.add(self._fetch(report, url_row, baseline, UNCHANGED))
            return RecordResult(UNCHANGED, report.id, baseline.id, changes)
        version = self._new_version(report, url_row, baseline, agency, year, new_report)
        changes += [c.kind for c in s.exec(select(Change).where(Change.to_version_id == version.id))]
        s.add(self._fetch(report, url_row, version, NEW_VERSION))
        return RecordResult(NEW_VERSION, report.id, version.id, changes)

    def _fetch(self, report: Report, url_row: ReportUrl, version: Version, outcome: str) -> Fetch:
        return Fetch(run_id=self.run_id, report_id=report.id, url_id=url_row.id, version_id=version.id,
                     fetched_at=self.fetched_at, status=self.doc.status, outcome=outcome,
                     raw_sha256=hashlib.sha256(self.doc.body).digest(), revisit=self.doc.revisit)

    def _new_version(self, report: Report, url_row: ReportUrl, baseline: Version | None, agency: str | None,
                     year: int | None, new_report: bool) -> Version:
        s, doc, parsed, store = self.s, self.doc, self.parsed, self.archive.store
        raw_sha = store.put(RAW, doc.body)
        _ensure_blob(s, raw_sha, RAW, len(doc.body), _clip(doc.content_type, 100))
        parsed_sha = None
        if parsed.document is not None:
            parsed_sha = store.put_json(parsed.document)
            _ensure_blob(s, parsed_sha, PARSED, store.path(PARSED, parsed_sha).stat().st_size, "application/json")
        version = Version(report_id=report.id, seq=report.version_count + 1, url_id=url_row.id,
                          captured_run_id=self.run_id, content_digest=parsed.digest, raw_sha256=raw_sha,
                          parsed_sha256=parsed_sha, first_seen=self.fetched_at, last_seen=self.fetched_at,
                          content_type=_clip(doc.content_type, 100), source_type=parsed.get("source_type"),
                          parser_version=parsed.get("parser_version"), parse_error=parsed.error,
                          is_annual_report=parsed.is_annual_report,
                          title=_clip(parsed.get("title") or doc.page_title, 500),
                          template=parsed.get("template"), published_at=_clip(doc.published_at, 40))
        s.add(version)
        s.flush()
        findings = self._findings(report, version, agency, year)
        _set_version_counts(version, findings)
        if report.status == MISSING:
            report.status = ACTIVE
            s.exec(delete(Finding).where(Finding.report_id == report.id, col(Finding.version_id).is_(None)))
        report.latest_version_id = version.id
        report.latest_url_id = url_row.id
        report.version_count += 1
        report.same_as_id = report.same_as_id or _reposted_from(s, report, version.content_digest)
        report.title = version.title or report.title
        report.missing_runs = 0
        s.flush()
        _refresh_report_counts(s, report)
        if parsed.document is not None and agency and year:
            _recheck_next_year(s, store, report, year, parsed.document)
        old_doc = _load_document(store, baseline)
        changes = self._changes(report, baseline, version, old_doc, new_report)
        self._queue_version_alerts(report, version, baseline, agency, findings, changes, new_report, old_doc)
        return version

    def _findings(self, report: Report, version: Version, agency: str | None, year: int | None) -> list[Finding]:
        s, parsed = self.s, self.parsed
        rows = [Finding(report_id=report.id, version_id=version.id, rule=f["rule"], severity=f["severity"],
                        message=f["message"], cells=f.get("cells") or [], origin="parser")
                for f in (parsed.get("findings") or [])]
        if parsed.error is not None:
            rows.append(Finding(report_id=report.id, version_id=version.id, rule=UNREADABLE_RULE,
                                severity="error", message=f"文档无法读取：{parsed.error}", origin="archive"))
        checks: list[CheckFinding] = publication_late(agency, year, self.doc.published_at,
                                                      self.archive.config.deadline_override(report.site_id, agency))
        if parsed.document is not None and report.agency_id is not None and year:
            previous = _year_document(s, self.archive.store, report, year - 1)
            if previous is not None:
                checks += cross_year_checks(previous, parsed.document)
        rows += [Finding(report_id=report.id, version_id=version.id, rule=c.rule, severity=c.severity,
                         message=c.message, cells=c.cells, origin="archive") for c in checks]
        s.add_all(rows)
        return rows

    def _changes(self, report: Report, baseline: Version | None, version: Version, old_doc: dict | None,
                 new_report: bool) -> list[Change]:
        s, doc = self.s, self.doc
        common = {"report_id": report.id, "run_id": self.run_id, "to_version_id": version.id,
                  "detected_at": self.fetched_at}
        if new_report or baseline is None:
            changes = [Change(kind=NEW_REPORT, summary=f"新报告：{version.title or doc.effective_url}",
                              detail={"url": doc.effective_url}, **common)]
        else:
            common["from_version_id"] = baseline.id
            changes = _classify(diff_documents(old_doc, self.parsed.document), baseline, version,
                                s.get(ReportUrl, baseline.url_id).url, doc.effective_url, common)
        s.add_all(changes)
        s.flush()
        return changes

    def _queue_version_alerts(self, report: Report, version: Version, baseline: Version | None,
                              agency: str | None, findings: list[Finding], changes: list[Change],
                              new_report: bool, old_doc: dict | None = None) -> None:
        revision = [c for c in changes if c.kind in REVISION_KINDS]
        previous = self.s.exec(select(Finding).where(Finding.version_id == baseline.id)).all() if baseline else []
        errors = triage.on_new_version(self.s, report.id, findings, previous)
        mutes = triage.Mutes.load(self.s)
        if mutes.report(report.agency_id, report.id):
            return
        # What people acknowledged, resolved or muted is not repeated: a digest lists the errors still open.
        handled = triage.states(self.s, [report.id])
        shown = [f for f in errors.introduced + errors.carried
                 if (report.id, triage.finding_key(f.rule, f.cells)) not in handled
                 and not mutes.finding(f.rule, report.agency_id, report.id)]
        # A report first found in this crawl is news only if it fails its checks; its other documents
        # (a page and its attachment) are not revisions of it.
        first_run = new_report or (self.run_id is not None and report.first_run_id == self.run_id)
        failing = bool(shown) and (version.parse_error is not None or version.is_annual_report)
        if revision and not first_run:
            kind = ALERT_REVISED
        elif failing:
            kind = ALERT_FAILING
        else:
            return
        figures = [f for c in revision for f in (c.detail or {}).get("figures", [])]
        sections = [t["section"] for c in revision for t in (c.detail or {}).get("text", [])]
        links = _links(report_link(self.base, report.id), version_link(self.base, version.id),
                       diff_link(self.base, baseline.id, version.id) if baseline and revision else None)
        summary = "；".join(c.summary for c in revision) or (
            f"新报告未通过校验：{len(shown)}项错误" if version.parse_error is None
            else f"新报告无法读取：{version.parse_error}")
        introduced = {id(f) for f in errors.introduced} if baseline else set()
        payload = AlertPayload(
            kind=kind, site=report.site_id, summary=summary, agency=agency, year=report.year,
            title=version.title, url=self.doc.effective_url,
            figures=[{**f, "label": cell_label(f["cell"])} for f in figures[:MAX_FIGURES]],
            figures_total=len(figures), text_sections=[SECTION_NAMES.get(x, x) for x in sections],
            text_diffs=[d.to_dict() for d in section_diffs(old_doc, self.parsed.document, context=MAIL_CONTEXT)
                        if d.section in sections],
            errors=[{"rule": f.rule, "message": f.message, "new": id(f) in introduced} for f in shown],
            fixed=[{"rule": f.rule, "message": f.message} for f in errors.fixed],
            handled=len(errors.introduced) + len(errors.carried) - len(shown),
            warnings=version.warning_count, links=links)
        outbox.queue(self.s, self.archive.config.recipients(report.site_id, agency), site_id=report.site_id,
                     run_id=self.run_id, event_key=f"version:{version.id}", payload=payload, report_id=report.id,
                     change_id=(revision or changes)[0].id)


def _classify(diff: DocumentDiff, baseline: Version, version: Version, old_url: str, new_url: str,
              common: dict[str, Any]) -> list[Change]:
    """The changes between two versions: figures, prose, the attached file (at least one of them)."""
    changes = []
    if diff.figures:
        shown = "；".join(f"{cell_label(c.cell)} {c.old}→{c.new}" for c in diff.figures[:3])
        more = f" 等{len(diff.figures)}处" if len(diff.figures) > 3 else ""
        changes.append(Change(kind=FIGURES_CHANGED, summary=f"数字修改：{shown}{more}",
                              detail={"figures": diff.to_dict()["figures"]}, **common))
    if diff.text or diff.meta:
        names = [SECTION_NAMES.get(t.section, t.section) for t in diff.text] + [m.cell for m in diff.meta]
        changes.append(Change(kind=TEXT_CHANGED, summary=f"文字修改：{'、'.join(names)}",
                              detail={"text": diff.to_dict()["text"], "meta": diff.to_dict()["meta"]}, **common))
    attachment = not _is_html(version.content_type, version.source_type)
    if (attachment and baseline.raw_sha256 != version.raw_sha256) or not changes:
        changes.append(Change(kind=ATTACHMENT_REPLACED if attachment else TEXT_CHANGED,
                              summary=f"附件已替换：{new_url}" if attachment else "页面内容改变",
                              detail={"old_url": old_url, "new_url": new_url, "old_raw": baseline.raw_sha256,
                                      "new_raw": version.raw_sha256, "old_type": baseline.content_type,
                                      "new_type": version.content_type}, **common))
    return changes


# -- helpers on the session ------------------------------------------------------------------------------

def _clip(text: str | None, length: int) -> str | None:
    """Text from the web, cut to its column's length (PostgreSQL enforces it), or None when empty."""
    return text[:length] if text else None


def _links(report: str | None = None, version: str | None = None, diff: str | None = None) -> dict[str, str]:
    return {k: v for k, v in (("report", report), ("version", version), ("diff", diff)) if v}


def _ensure_site(s: Session, site_id: str, name: str | None = None) -> None:
    site = s.get(Site, site_id)
    if site is None:
        try:
            with s.begin_nested():
                s.add(Site(id=site_id, name=name))
        except IntegrityError:   # created meanwhile by a concurrent crawl
            pass
    elif name and site.name != name:
        site.name = name


def _ensure_agency(s: Session, name: str) -> int:
    found = s.exec(select(Agency.id).where(Agency.name == name)).first()
    if found is not None:
        return found
    try:
        with s.begin_nested():
            agency = Agency(name=name)
            s.add(agency)
        return agency.id
    except IntegrityError:
        return s.exec(select(Agency.id).where(Agency.name == name)).one()


def _agency_name(s: Session, agency_id: int | None) -> str | None:
    return s.get(Agency, agency_id).name if agency_id is not None else None


def _report_exists(s: Session, site_id: str, agency: str, year: int) -> bool:
    agency_id = s.exec(select(Agency.id).where(Agency.name == agency)).first()
    return agency_id is not None and s.exec(select(Report.id).where(
        Report.site_id == site_id, Report.agency_id == agency_id, Report.year == year)).first() is not None


def _reposted_from(s: Session, report: Report, digest: str) -> int | None:
    """The earliest report of another site with a version of this content (the one it reposts, if that
    is a repost itself), or None."""
    found = s.exec(select(Report.id, Report.same_as_id).join(Version, Version.report_id == Report.id)
                   .where(Version.content_digest == digest, Report.site_id != report.site_id)
                   .order_by(col(Report.id))).first()
    return (found[1] or found[0]) if found else None


def _ensure_blob(s: Session, sha256: str, kind: str, size: int, content_type: str | None) -> None:
    if s.get(Blob, sha256) is None:
        try:
            with s.begin_nested():
                s.add(Blob(sha256=sha256, kind=kind, size=size, content_type=content_type))
        except IntegrityError:
            pass


def _find_url(s: Session, site_id: str, url: str | None) -> ReportUrl | None:
    """The site's row of a URL (another site that fetched the same URL has its own)."""
    return s.exec(select(ReportUrl).where(ReportUrl.site_id == site_id, ReportUrl.url == url)).first() if url else None


def _latest_version_of_url(s: Session, url_id: int) -> Version | None:
    return s.exec(select(Version).where(Version.url_id == url_id).order_by(col(Version.id).desc())).first()


def _touch_url(url_row: ReportUrl, doc: FetchedDocument, run_id: int | None, fetched_at: Any) -> None:
    url_row.last_seen = fetched_at
    if doc.url != doc.effective_url:
        url_row.link_url = doc.url
    if doc.listing_url:
        url_row.listing_url = doc.listing_url
    if doc.link_text:
        url_row.link_text = doc.link_text[:500]
    headers = {k.lower(): v for k, v in (doc.headers or {}).items()}
    if not doc.not_modified:
        url_row.etag = (headers.get("etag") or "")[:200] or None
        url_row.last_modified = (headers.get("last-modified") or "")[:100] or None
    if not doc.revisit and run_id is not None:
        url_row.last_listed_run_id = run_id


def _set_version_counts(version: Version, findings: list[Finding]) -> None:
    version.error_count = sum(f.severity == "error" for f in findings)
    version.warning_count = sum(f.severity == "warning" for f in findings)
    version.info_count = sum(f.severity == "info" for f in findings)


def _refresh_report_counts(s: Session, report: Report) -> None:
    """error_count and warning_count of a report: its latest version's findings and its own (overdue)."""
    scope = col(Finding.version_id).is_(None)
    if report.latest_version_id is not None:
        scope = scope | (Finding.version_id == report.latest_version_id)
    rows = s.exec(select(Finding.severity, func.count()).where(Finding.report_id == report.id, scope)
                  .group_by(Finding.severity)).all()
    counts = dict(rows)
    report.error_count = counts.get("error", 0)
    report.warning_count = counts.get("warning", 0)


def _load_document(store: BlobStore, version: Version | None) -> dict[str, Any] | None:
    if version is None or version.parsed_sha256 is None:
        return None
    return store.get_json(version.parsed_sha256)


def _same_agency(s: Session, report: Report, year: int) -> Report | None:
    """The report of the same agency on the same site for another year."""
    return s.exec(select(Report).where(Report.site_id == report.site_id, Report.agency_id == report.agency_id,
                                       Report.year == year)).first()


def _year_document(s: Session, store: BlobStore, report: Report, year: int) -> dict[str, Any] | None:
    """The latest parsed annual report of the report's agency (on its site) for a year, if archived."""
    report = _same_agency(s, report, year)
    if report is None or report.latest_version_id is None:
        return None
    version = s.get(Version, report.latest_version_id)
    return _load_document(store, version) if version.is_annual_report else None


def _recheck_next_year(s: Session, store: BlobStore, arrived: Report, year: int, document: dict[str, Any]) -> None:
    """A report for ``year`` arrived: redo the cross-year checks of the same agency's report for year + 1."""
    report = _same_agency(s, arrived, year + 1)
    if report is None or report.latest_version_id is None:
        return
    version = s.get(Version, report.latest_version_id)
    current = _load_document(store, version)
    if current is None or not version.is_annual_report:
        return
    s.exec(delete(Finding).where(Finding.version_id == version.id, col(Finding.rule).in_(CROSS_YEAR_RULES)))
    s.add_all(Finding(report_id=report.id, version_id=version.id, rule=c.rule, severity=c.severity,
                      message=c.message, cells=c.cells, origin="archive")
              for c in cross_year_checks(document, current))
    s.flush()
    _set_version_counts(version, list(s.exec(select(Finding).where(Finding.version_id == version.id))))
    _refresh_report_counts(s, report)


def _count_fetches(s: Session, run: CrawlRun) -> None:
    rows = s.exec(select(Fetch.report_id, Fetch.status, Fetch.revisit, Fetch.not_modified, Fetch.outcome)
                  .where(Fetch.run_id == run.id)).all()
    run.documents = len(rows)
    found = [(r, revisit) for r, status, revisit, nm, outcome in rows
             if r is not None and outcome != GONE and (_is_ok(status) or nm)]
    run.reports_found = len({r for r, _ in found})
    run.reports_listed = len({r for r, revisit in found if not revisit})
    run.pages_fetched = max(run.pages_fetched, run.documents)


def _count_changes(s: Session, run: CrawlRun) -> None:
    changes = s.exec(select(Change.kind, Change.report_id).where(Change.run_id == run.id)).all()
    run.new_reports = len({r for kind, r in changes if kind == NEW_REPORT})
    run.revisions = len({r for kind, r in changes if kind in REVISION_KINDS})
    run.withdrawals = len({r for kind, r in changes if kind == WITHDRAWN_CHANGE})
    versions = s.exec(select(Version.error_count, Version.warning_count)
                      .where(Version.captured_run_id == run.id)).all()
    run.new_versions = len(versions)
    run.errors = sum(e for e, _ in versions)
    run.warnings = sum(w for _, w in versions)


def _listed_before(s: Session, run: CrawlRun) -> bool:
    """Whether the last completed crawl of the site before this one found reports on its list pages."""
    previous = s.exec(select(CrawlRun.reports_listed).where(
        CrawlRun.site_id == run.site_id, CrawlRun.id < run.id, col(CrawlRun.status).in_((OK, EMPTY)))
        .order_by(col(CrawlRun.id).desc())).first()
    return bool(previous)

"""Captures of reports, queried like the Wayback Machine's CDX server (``/api/cdx``).

A capture is one fetch of a report document: when, from which URL, the HTTP status, and the digest of
the version it matched. As in CDX, a query names what it is about (a URL, exactly or by prefix, an
agency, or a report), may bound the time (``from``/``to``: 4 to 14 digits ``yyyyMMddhhmmss``, or ISO
dates), may ``collapse`` adjacent captures with the same digest (so each distinct content appears once,
where it was first seen), and pages with a resume key: the answer's ``resume_key`` passed back as
``resume_key`` continues after the last capture looked at. Captures are sorted by report, then time.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from monitor.archive.models import Agency, Blob, Fetch, Report, ReportUrl, Version
from monitor.web.queries import MAX_ID, InvalidQuery

MATCH_TYPES = ("exact", "prefix")
COLLAPSE_FIELDS = ("digest",)
MAX_LIMIT = 10_000
MAX_URLS = 10_000          # URLs one prefix query may cover
SCAN_BUDGET = 100_000      # captures one collapsing request may skip before it answers with a resume key
_TIMESTAMP = re.compile(r"^\d{4}(?:\d{2}){0,5}$")
_ISO_NOISE = re.compile(r"[-:TZ ]")


class CdxError(InvalidQuery):
    """A query parameter that cannot be used; the message names it."""


@dataclass
class CdxQuery:
    url: str | None = None
    match_type: str = "exact"
    agency: str | None = None
    report: int | None = None
    from_: str | None = None
    to: str | None = None
    collapse: str | None = None
    limit: int = 1000
    resume_key: str | None = None


@dataclass
class Capture:
    timestamp: str              # yyyyMMddhhmmss, UTC, as CDX prints it
    fetched_at: datetime
    url: str
    report_id: int
    version_id: int | None
    status: int
    outcome: str                # new_version | unchanged | not_modified | gone | error
    digest: str | None          # content digest of the version matched (monitor.archive.content)
    raw_sha256: str | None      # SHA-256 of the bytes fetched
    mimetype: str | None
    length: int | None          # size of the archived raw document


@dataclass
class CdxResult:
    captures: list[Capture]
    resume_key: str | None      # pass back to continue; None when there is nothing more


def parse_time(text: str, name: str, end: bool = False) -> datetime | None:
    """A CDX timestamp prefix (``2021``, ``202103``, … ``20210305060000``) or an ISO date/time, UTC.

    With ``end`` the result is the first instant *after* the period the text names (a half-open bound), None
    when that is past the last instant a date can name (``to=9999`` bounds nothing).
    """
    digits = _ISO_NOISE.sub("", text.strip())
    if not _TIMESTAMP.match(digits):
        raise CdxError(f"{name}: {text[:40]!r} is not a timestamp (yyyy[MM[dd[hh[mm[ss]]]]] or an ISO date)")
    parts = [int(digits[:4])] + [int(digits[i:i + 2]) for i in range(4, len(digits), 2)]
    try:
        start = datetime(*parts, *[1] * (3 - len(parts)), tzinfo=UTC)   # month and day default to 1
    except ValueError as exc:
        raise CdxError(f"{name}: {text!r} is not a valid date ({exc})") from None
    if not end:
        return start
    try:
        if len(parts) == 1:
            return start.replace(year=start.year + 1)
        if len(parts) == 2:
            return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start + (timedelta(days=1), timedelta(hours=1), timedelta(minutes=1),
                        timedelta(seconds=1))[len(parts) - 3]
    except (ValueError, OverflowError):
        return None


def _encode_key(report_id: int, fetched_at: datetime, fetch_id: int, digest: str | None) -> str:
    raw = json.dumps([report_id, fetched_at.isoformat(), fetch_id, digest], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_key(key: str) -> tuple[int, datetime, int, str | None]:
    """The key's capture; a key not made by ``_encode_key`` (or altered) is a CdxError, whatever it holds."""
    try:
        report_id, when, fetch_id, digest = json.loads(base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)))
        decoded = int(report_id), datetime.fromisoformat(when), int(fetch_id), digest
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError, OverflowError):
        decoded = None
    if decoded is None or not all(1 <= n <= MAX_ID for n in decoded[::2]) or not isinstance(digest, str | None):
        raise CdxError(f"resume_key: {key[:40]!r} is not a resume key from this archive")
    return decoded


def _scope(s: Session, q: CdxQuery) -> tuple[list[int], list[int] | None]:
    """The reports (and, for a URL query, the URLs) a query covers."""
    if q.match_type not in MATCH_TYPES:
        raise CdxError(f"match_type: {q.match_type!r} is not one of {', '.join(MATCH_TYPES)}")
    if q.url:
        query = select(ReportUrl.id, ReportUrl.report_id)
        if q.match_type == "exact":
            query = query.where(ReportUrl.url == q.url)
        else:
            query = query.where(col(ReportUrl.url).startswith(q.url, autoescape=True)).limit(MAX_URLS + 1)
        rows = s.exec(query).all()
        if len(rows) > MAX_URLS:
            raise CdxError(f"url: the prefix {q.url!r} covers more than {MAX_URLS} URLs; give a longer one")
        reports = {r for _, r in rows}
        if q.report is not None:
            reports &= {q.report}
        return sorted(reports), [u for u, _ in rows]
    if q.agency:
        reports = list(s.exec(select(Report.id).join(Agency, Agency.id == Report.agency_id)
                              .where(Agency.name == q.agency).order_by(col(Report.id))))
        return ([r for r in reports if r == q.report] if q.report is not None else reports), None
    if q.report is not None:
        return [q.report], None
    raise CdxError("url, agency or report: a CDX query needs one of them")


def query_captures(s: Session, q: CdxQuery) -> CdxResult:
    if not 1 <= q.limit <= MAX_LIMIT:
        raise CdxError(f"limit: {q.limit} is not between 1 and {MAX_LIMIT}")
    if q.collapse is not None and q.collapse not in COLLAPSE_FIELDS:
        raise CdxError(f"collapse: {q.collapse!r} is not one of {', '.join(COLLAPSE_FIELDS)}")
    start = parse_time(q.from_, "from") if q.from_ else None
    end = parse_time(q.to, "to", end=True) if q.to else None
    after = _decode_key(q.resume_key) if q.resume_key else None
    reports, urls = _scope(s, q)
    if not reports:
        return CdxResult([], None)
    base = (select(Fetch.id, Fetch.report_id, Fetch.fetched_at, ReportUrl.url, Fetch.version_id, Fetch.status,
                   Fetch.outcome, Version.content_digest, Fetch.raw_sha256, Version.content_type, Blob.size)
            .join(ReportUrl, ReportUrl.id == Fetch.url_id)
            .outerjoin(Version, Version.id == Fetch.version_id)
            .outerjoin(Blob, Blob.sha256 == Version.raw_sha256)
            .where(col(Fetch.report_id).in_(reports)))
    if urls is not None:
        base = base.where(col(Fetch.url_id).in_(urls))
    if start is not None:
        base = base.where(Fetch.fetched_at >= start)
    if end is not None:
        base = base.where(Fetch.fetched_at < end)
    base = base.order_by(col(Fetch.report_id), col(Fetch.fetched_at), col(Fetch.id))
    last_report, last_digest = (after[0], after[3]) if after else (None, None)
    captures: list[Capture] = []
    scanned = 0
    while True:
        rows = s.exec(_after(base, after).limit(q.limit)).all()
        consumed = 0
        for fetch_id, report_id, fetched_at, url, version_id, status, outcome, digest, raw, mimetype, size in rows:
            consumed += 1
            scanned += 1
            # The key keeps the time as the database gave it, so the next page compares like with like.
            after = (report_id, fetched_at, fetch_id, digest)
            duplicate = (q.collapse == "digest" and digest is not None and report_id == last_report
                         and digest == last_digest)
            last_report, last_digest = report_id, digest
            if duplicate:
                continue
            when = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
            captures.append(Capture(when.astimezone(UTC).strftime("%Y%m%d%H%M%S"), when, url, report_id, version_id,
                                    status, outcome, digest, raw.hex() if raw else None, mimetype, size))
            if len(captures) == q.limit:
                break
        if len(rows) < q.limit and consumed == len(rows):
            return CdxResult(captures, None)
        if len(captures) == q.limit or scanned >= SCAN_BUDGET:
            return CdxResult(captures, _encode_key(*after))


def _after(query, key: tuple[int, datetime, int, str | None] | None):
    """Captures after the one a resume key names, in (report, time, id) order."""
    if key is None:
        return query
    report_id, when, fetch_id, _ = key
    return query.where(or_(Fetch.report_id > report_id, and_(Fetch.report_id == report_id, or_(
        Fetch.fetched_at > when, and_(Fetch.fetched_at == when, Fetch.id > fetch_id)))))

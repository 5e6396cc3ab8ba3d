"""The archive's tables, in the vocabulary of web-monitoring archives: Report → Version → Change.

A *report* is one agency's annual report for one year *as one site publishes it* (or, while its agency and
year are unknown, one URL of that site). A report belongs to its site: a document found on another site
never becomes a version of it, even when its title names the same agency and year; when the other site
reposts the same document, its own report is *linked* to the first (``Report.same_as_id``), never merged.
Every time the crawler fetches one of its documents a *fetch* row records when, the HTTP status and the
digest. A *version* is stored only when the report's normalised content differs from the version it
is compared with (see ``monitor.archive.content``); a new version carries *changes* (what kind, with the cell
and text diffs) and the *findings* of the parser and of the archive's cross-version checks. *Alerts* are
the outbox of mails to send: written in the same transaction as the version or change that caused them,
grouped into one *delivery* (one digest mail) per recipient and crawl run.

All timestamps are timezone-aware UTC (SQLite stores them without offset; they read back as UTC).
Raw documents and parsed JSON are not in these tables: they live in the content-addressed store
(``monitor.archive.store``); rows name them by SHA-256.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from monitor.timeutil import utcnow

# Report.status
ACTIVE, WITHDRAWN, MISSING = "active", "withdrawn", "missing"

# Change.kind
NEW_REPORT = "new_report"
FIGURES_CHANGED = "figures_changed"
TEXT_CHANGED = "text_changed"
ATTACHMENT_REPLACED = "attachment_replaced"
WITHDRAWN_CHANGE = "withdrawn"
MOVED = "moved"
REAPPEARED = "reappeared"
CHANGE_KINDS = (NEW_REPORT, FIGURES_CHANGED, TEXT_CHANGED, ATTACHMENT_REPLACED, WITHDRAWN_CHANGE, MOVED,
                REAPPEARED)
# Kinds that make a report "revised" in alert counts.
REVISION_KINDS = frozenset({FIGURES_CHANGED, TEXT_CHANGED, ATTACHMENT_REPLACED})

# Fetch.outcome
NEW_VERSION, UNCHANGED, NOT_MODIFIED, GONE, HTTP_ERROR = "new_version", "unchanged", "not_modified", "gone", "error"

# Alert.kind
ALERT_REVISED, ALERT_WITHDRAWN, ALERT_FAILING = "revised", "withdrawn", "failing"
ALERT_MOVED, ALERT_REAPPEARED, ALERT_OVERDUE = "moved", "reappeared", "overdue"
ALERT_CRAWL_FAILED, ALERT_CRAWL_EMPTY = "crawl_failed", "crawl_empty"

# Alert.status and Delivery.status
PENDING, SENDING, SENT = "pending", "sending", "sent"

# CrawlRun.status
RUNNING, OK, FAILED, EMPTY, INTERRUPTED = "running", "ok", "failed", "empty", "interrupted"


def _json(nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))


class Site(SQLModel, table=True):
    """A watched website (an id from config/sites.toml, or a host for ``--start-url`` crawls)."""

    __tablename__ = "site"

    id: str = Field(primary_key=True, max_length=100)
    name: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
    # Lease that keeps two crawls of one site from running at once (see monitor.archive.leases).
    lock_holder: str | None = Field(default=None, max_length=200)
    lock_until: datetime | None = None


class Agency(SQLModel, table=True):
    """A publishing body, by its normalised name as the report title states it."""

    __tablename__ = "agency"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)


class CrawlRun(SQLModel, table=True):
    """One crawl of one site: when, how it ended, and what it found."""

    __tablename__ = "crawl_run"

    id: int | None = Field(default=None, primary_key=True)
    site_id: str = Field(foreign_key="site.id", index=True, max_length=100)
    trigger: str = Field(default="cli", max_length=20)   # cli, schedule, demo, scrapy
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    status: str = Field(default=RUNNING, max_length=20)
    error: str | None = Field(default=None, sa_column=Column(Text))
    # The process running the crawl (monitor.archive.leases.holder_id): a run left `running` by a process
    # that is gone (kill -9, power cut) is closed as interrupted when the next crawl or scheduler starts.
    holder: str | None = Field(default=None, max_length=200)
    # When the crawler was done with the site; the run is closed (finished_at) once every site of the crawl is.
    crawled_at: datetime | None = None
    pages_fetched: int = 0
    documents: int = 0          # report documents fetched (items the pipeline received)
    reports_found: int = 0      # distinct reports whose documents were fetched with status 200/304
    reports_listed: int = 0     # distinct reports linked from a list page this crawl
    new_reports: int = 0
    new_versions: int = 0
    revisions: int = 0
    withdrawals: int = 0
    errors: int = 0             # error findings in new versions
    warnings: int = 0
    coverage: str | None = Field(default=None, sa_column=Column(Text))  # JSON: crawler.coverage.Coverage


class Report(SQLModel, table=True):
    """One agency's report for one year on one site, with denormalised figures of its latest state for fast
    listing."""

    __tablename__ = "report"
    __table_args__ = (
        UniqueConstraint("site_id", "agency_id", "year", name="uq_report_site_agency_year"),
        Index("ix_report_failing", "error_count", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    site_id: str = Field(foreign_key="site.id", index=True, max_length=100)
    agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    year: int | None = Field(default=None, index=True)
    status: str = Field(default=ACTIVE, max_length=20)
    title: str | None = Field(default=None, max_length=500)
    published_at: str | None = Field(default=None, max_length=40)   # as the site states it (ISO date)
    first_seen: datetime = Field(default_factory=utcnow)
    first_run_id: int | None = None           # the crawl that found it
    last_fetched_at: datetime | None = None
    # Denormalised from versions and findings; kept current by monitor.archive.record.
    latest_version_id: int | None = None
    latest_url_id: int | None = None          # the URL of the latest version (lists show it without a join)
    version_count: int = 0
    error_count: int = 0
    warning_count: int = 0
    # Consecutive crawls in which no list page of the site linked the report (two ⇒ withdrawn).
    missing_runs: int = 0
    # The report of another site, archived earlier, whose document this one's reposts (same content digest).
    same_as_id: int | None = Field(default=None, foreign_key="report.id")


class ReportUrl(SQLModel, table=True):
    """A URL a report's document was fetched from, with the validators for conditional requests.

    A URL belongs to one report of each site that fetched it: two sites linking one document each keep
    their own row (their crawls, validators and withdrawals are their own)."""

    __tablename__ = "report_url"
    __table_args__ = (UniqueConstraint("site_id", "url", name="uq_report_url_site_url"),)

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    site_id: str = Field(foreign_key="site.id", max_length=100)     # the report's site
    url: str = Field(sa_column=Column(Text, nullable=False, index=True))
    link_url: str | None = Field(default=None, sa_column=Column(Text, index=True))  # redirected from this link
    first_seen: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow)
    listing_url: str | None = Field(default=None, sa_column=Column(Text))
    link_text: str | None = Field(default=None, max_length=500)
    etag: str | None = Field(default=None, max_length=200)
    last_modified: str | None = Field(default=None, max_length=100)
    gone_at: datetime | None = None          # answered 404/410
    first_run_id: int | None = None          # the crawl that first fetched it
    last_listed_run_id: int | None = None    # last crawl that found it on a list page


class Blob(SQLModel, table=True):
    """A file in the content-addressed store: raw document bytes or a parsed-report JSON."""

    __tablename__ = "blob"

    sha256: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=10)          # raw | parsed
    size: int
    content_type: str | None = Field(default=None, max_length=100)
    stored_at: datetime = Field(default_factory=utcnow)


class Version(SQLModel, table=True):
    """A distinct state of a report's content, first and last seen."""

    __tablename__ = "version"
    # /changes?kind=failing finds the failing versions first (few), then their changes.
    __table_args__ = (Index("ix_version_report_seq", "report_id", "seq"), Index("ix_version_failing", "error_count", "id"))

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id")
    seq: int                                   # 1, 2, … within the report
    url_id: int = Field(foreign_key="report_url.id", index=True)
    captured_run_id: int | None = Field(default=None, foreign_key="crawl_run.id")
    # SHA-256 of the normalised content (monitor.archive.content); indexed to find reposts on other sites.
    content_digest: str = Field(max_length=64, index=True)
    raw_sha256: str = Field(foreign_key="blob.sha256", max_length=64, index=True)
    parsed_sha256: str | None = Field(default=None, foreign_key="blob.sha256", max_length=64)
    first_seen: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow)
    content_type: str | None = Field(default=None, max_length=100)
    source_type: str | None = Field(default=None, max_length=20)
    parser_version: str | None = Field(default=None, max_length=20)
    parse_error: str | None = Field(default=None, sa_column=Column(Text))
    is_annual_report: bool = False
    title: str | None = Field(default=None, max_length=500)
    template: str | None = Field(default=None, max_length=20)
    published_at: str | None = Field(default=None, max_length=40)
    error_count: int = 0
    warning_count: int = 0
    info_count: int = 0


class Fetch(SQLModel, table=True):
    """One fetch of one report document. Kept small: it is the row an unchanged re-crawl adds."""

    __tablename__ = "fetch"
    __table_args__ = (Index("ix_fetch_report_time", "report_id", "fetched_at"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int | None = Field(default=None, foreign_key="crawl_run.id", index=True)
    report_id: int | None = Field(default=None, foreign_key="report.id")
    url_id: int | None = Field(default=None, foreign_key="report_url.id")
    version_id: int | None = Field(default=None, foreign_key="version.id")
    fetched_at: datetime = Field(default_factory=utcnow)
    status: int
    raw_sha256: bytes | None = Field(default=None, sa_column=Column(LargeBinary(32)))  # digest of the body
    outcome: str = Field(max_length=12)
    not_modified: bool = False
    revisit: bool = False


class Finding(SQLModel, table=True):
    """A finding of the parser or of the archive's checks, on a version (or, for report.overdue, a report)."""

    __tablename__ = "finding"
    # The findings pages join current versions and filter by rule and severity: all three from one index.
    __table_args__ = (Index("ix_finding_version_rule_severity", "version_id", "rule", "severity"),)

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    version_id: int | None = Field(default=None, foreign_key="version.id", index=True)
    rule: str = Field(max_length=40, index=True)
    severity: str = Field(max_length=10, index=True)
    message: str = Field(sa_column=Column(Text, nullable=False))
    cells: list[str] | None = _json()
    origin: str = Field(default="parser", max_length=10)    # parser | archive
    created_at: datetime = Field(default_factory=utcnow)


class Change(SQLModel, table=True):
    """What happened between two states of a report; ``detail`` holds the diff (see monitor.archive.diff)."""

    __tablename__ = "change"
    # "What changed since …" reads a period of detection times, newest first (monitor.archive.changes); the
    # counts by kind of /changes read one kind's range each.
    __table_args__ = (Index("ix_change_detected_at", "detected_at", "id"),
                      Index("ix_change_kind_detected", "kind", "detected_at", "id"))

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    run_id: int | None = Field(default=None, foreign_key="crawl_run.id", index=True)
    kind: str = Field(max_length=24)
    from_version_id: int | None = Field(default=None, foreign_key="version.id")
    to_version_id: int | None = Field(default=None, foreign_key="version.id", index=True)
    detected_at: datetime = Field(default_factory=utcnow)
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))
    detail: dict[str, Any] | None = _json()


class Delivery(SQLModel, table=True):
    """One digest mail to one recipient: composed once, stored, sent (and re-sent) byte for byte."""

    __tablename__ = "delivery"

    id: int | None = Field(default=None, primary_key=True)
    recipient: str = Field(max_length=320, index=True)
    run_id: int | None = Field(default=None, foreign_key="crawl_run.id")
    message_id: str = Field(max_length=200, unique=True)
    subject: str = Field(sa_column=Column(Text, nullable=False))
    message: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    status: str = Field(default=PENDING, max_length=10, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow)
    claimed_by: str | None = Field(default=None, max_length=200)
    claimed_until: datetime | None = None
    sent_at: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text))


class Alert(SQLModel, table=True):
    """An outbox entry: one event for one recipient. ``payload`` is a snapshot of what the mail says."""

    __tablename__ = "alert"
    __table_args__ = (
        UniqueConstraint("recipient", "event_key", name="uq_alert_recipient_event"),
        Index("ix_alert_pending", "status", "delivery_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    site_id: str = Field(foreign_key="site.id", max_length=100)
    run_id: int | None = Field(default=None, foreign_key="crawl_run.id", index=True)
    report_id: int | None = Field(default=None, foreign_key="report.id", index=True)
    change_id: int | None = Field(default=None, foreign_key="change.id")
    kind: str = Field(max_length=20)
    recipient: str = Field(max_length=320)
    event_key: str = Field(max_length=200)   # what makes the event unique for a recipient
    payload: dict[str, Any] | None = _json()
    status: str = Field(default=PENDING, max_length=10)
    delivery_id: int | None = Field(default=None, foreign_key="delivery.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None


# Triage.state
ACKNOWLEDGED, RESOLVED = "acknowledged", "resolved"


class Triage(SQLModel, table=True):
    """What people did about one item of a report: a finding (by rule and cells, so it carries over to the
    next version that still has it) or a change. Acknowledged: seen, still open; resolved: dealt with. The
    row goes when a new version no longer has the finding (monitor.archive.triage.on_new_version); every
    action stays in ``audit_log``."""

    __tablename__ = "triage"
    __table_args__ = (UniqueConstraint("report_id", "item", name="uq_triage_report_item"),)

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    item: str = Field(max_length=300)         # finding:RULE|CELLS or change:ID (monitor.archive.triage)
    state: str = Field(max_length=20)
    note: str | None = Field(default=None, sa_column=Column(Text))
    actor: str = Field(max_length=100)
    at: datetime = Field(default_factory=utcnow)
    version_id: int | None = Field(default=None, foreign_key="version.id")   # current when acted on


class Mute(SQLModel, table=True):
    """Findings and changes nobody wants to hear about again: of a rule, an agency, a report, or a
    combination (every field given must match). Digests leave them out; pages mark them."""

    __tablename__ = "mute"

    id: int | None = Field(default=None, primary_key=True)
    rule: str | None = Field(default=None, max_length=40)
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    report_id: int | None = Field(default=None, foreign_key="report.id")
    note: str | None = Field(default=None, sa_column=Column(Text))
    actor: str = Field(max_length=100)
    created_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """One triage action (or login) by whom, when, from where: the trail the triage tables do not keep."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(max_length=100)
    action: str = Field(max_length=20)        # acknowledged, resolved, reopened, muted, unmuted, fixed, login, …
    item: str | None = Field(default=None, max_length=300)
    report_id: int | None = Field(default=None, index=True)   # no foreign key: the trail outlives what it names
    note: str | None = Field(default=None, sa_column=Column(Text))
    origin: str = Field(max_length=10)        # cli | web | archive
    address: str | None = Field(default=None, max_length=100)


class WebUser(SQLModel, table=True):
    """Someone who may triage on the web pages when the operator turns writes on (``gxmon users add``).
    Only an Argon2 hash of the password is kept."""

    __tablename__ = "web_user"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    password_hash: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class WatchedSite(SQLModel, table=True):
    """A site of the watch list kept in the archive (``gxmon sites add``), or a pause of a config site.

    With ``start_urls`` it is a site of its own, crawled as a ``[[site]]`` of the config is; without, the row
    only pauses the config's site of that id. A paused site (``paused_at``) is not crawled, by ``gxmon crawl``
    or by ``gxmon run``, until it is resumed; its pending digests are still sent.
    """

    __tablename__ = "watched_site"

    site_id: str = Field(primary_key=True, max_length=100)
    name: str | None = Field(default=None, max_length=200)
    start_urls: list[str] | None = _json()
    alert_to: list[str] | None = _json()
    # Apprise URLs: kept here because no config file holds them (sites of the config keep theirs in it).
    notify: list[str] | None = _json()
    schedule: str | None = Field(default=None, max_length=100)
    settings: dict[str, Any] | None = _json()    # other [[site]] keys: crawl limits and politeness
    added_at: datetime = Field(default_factory=utcnow)
    paused_at: datetime | None = None

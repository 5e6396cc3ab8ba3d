"""What changed in a period: the changes of every report, newest first, by site, agency and kind.

Shared by ``gxmon changes``, the /changes page and its Atom feed. A change is found by when it was detected
(``change.detected_at``, indexed with the id since migration 0006), so "since last week" costs the week's
changes, whatever the size of the archive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from monitor.archive.models import (
    ATTACHMENT_REPLACED,
    FIGURES_CHANGED,
    MOVED,
    NEW_REPORT,
    REAPPEARED,
    TEXT_CHANGED,
    WITHDRAWN_CHANGE,
    Agency,
    Change,
    Report,
    ReportUrl,
    Version,
)

# A change "brings a failing version" when the version it made has error findings.
FAILING = "failing"
# What /changes and ``gxmon changes --kind`` filter by: the kinds of change, and failing.
KIND_FILTERS = (FIGURES_CHANGED, TEXT_CHANGED, WITHDRAWN_CHANGE, NEW_REPORT, FAILING, ATTACHMENT_REPLACED,
                MOVED, REAPPEARED)
KIND_FILTER_NAMES = {FIGURES_CHANGED: "数字修改", TEXT_CHANGED: "文字修改", WITHDRAWN_CHANGE: "撤回",
                     NEW_REPORT: "新报告", FAILING: "有错误", ATTACHMENT_REPLACED: "附件替换", MOVED: "迁移",
                     REAPPEARED: "重新出现"}
# Short names the command line accepts too.
KIND_ALIASES = {"figures": FIGURES_CHANGED, "text": TEXT_CHANGED, "new": NEW_REPORT, "attachment": ATTACHMENT_REPLACED}
MAX_LIMIT = 1000
# Pages count changes up to it and show more as "10000+": counting a million changes costs a second.
COUNT_CAP = 10_000


class InvalidChangeFilter(ValueError):
    """A kind, page or limit that cannot be used; the message names it."""


def kind_filter(name: str) -> str:
    """A kind filter by its code or short name; InvalidChangeFilter naming the accepted ones otherwise."""
    kind = KIND_ALIASES.get(name, name)
    if kind not in KIND_FILTERS:
        raise InvalidChangeFilter(f"kind: {name!r} 不是变化类型之一：{', '.join(KIND_FILTERS)}"
                                  f"（或简写 {', '.join(KIND_ALIASES)}）")
    return kind


@dataclass
class ChangeFilter:
    """Which changes: detected in [since, until), of a site, of agencies whose name contains ``agency``, of
    any of ``kinds`` (empty: all)."""

    since: datetime | None = None
    until: datetime | None = None
    site: str | None = None
    agency: str | None = None
    kinds: Sequence[str] = ()

    def __post_init__(self) -> None:
        self.kinds = tuple(kind_filter(k) for k in self.kinds)


@dataclass
class ChangeRow:
    id: int
    detected_at: datetime
    site: str
    report_id: int
    agency: str | None
    year: int | None
    kind: str
    summary: str
    from_version: int | None
    to_version: int | None
    errors: int            # error findings of the version the change made (0 when it made none)
    url: str | None        # the report's latest URL
    title: str | None
    run_id: int | None


def _filtered(query, f: ChangeFilter):
    if f.since is not None:
        query = query.where(Change.detected_at >= f.since)
    if f.until is not None:
        query = query.where(Change.detected_at < f.until)
    if f.site:
        query = query.where(Report.site_id == f.site)
    if f.agency:
        names = select(Agency.id).where(col(Agency.name).contains(f.agency, autoescape=True))
        query = query.where(col(Report.agency_id).in_(names))
    if f.kinds:
        kinds = [k for k in f.kinds if k != FAILING]
        conditions = [col(Change.kind).in_(kinds)] if kinds else []
        if FAILING in f.kinds:
            conditions.append(Version.error_count > 0)
        query = query.where(or_(*conditions))
    return query


def _joined(query):
    return (query.join(Report, Report.id == Change.report_id)
            .outerjoin(Version, Version.id == Change.to_version_id))


def _joined_for(query, f: ChangeFilter):
    """``query`` joined to what ``f`` filters on only: a count over the whole archive or a period then runs
    on the change table's own indexes (joined to every report, SQLite scanned all of them: 250 ms a kind
    at a million changes)."""
    if f.site or f.agency:
        query = query.join(Report, Report.id == Change.report_id)
    if FAILING in f.kinds:
        query = query.outerjoin(Version, Version.id == Change.to_version_id)
    return query


def list_changes(s: Session, f: ChangeFilter, limit: int | None = None, offset: int = 0) -> list[ChangeRow]:
    """The changes ``f`` selects, newest first."""
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise InvalidChangeFilter(f"limit: {limit} 应在 1 到 {MAX_LIMIT} 之间")
    if offset < 0:
        raise InvalidChangeFilter(f"offset: {offset} 不能为负数")
    query = _filtered(_joined(select(
        Change.id, Change.detected_at, Report.site_id, Change.report_id, Agency.name, Report.year, Change.kind,
        Change.summary, Change.from_version_id, Change.to_version_id, func.coalesce(Version.error_count, 0),
        ReportUrl.url, Report.title, Change.run_id).select_from(Change))
        .outerjoin(Agency, Agency.id == Report.agency_id)
        .outerjoin(ReportUrl, ReportUrl.id == Report.latest_url_id), f)
    query = query.order_by(col(Change.detected_at).desc(), col(Change.id).desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [ChangeRow(*row) for row in s.exec(query)]


def count_changes(s: Session, f: ChangeFilter, cap: int | None = None) -> int:
    """How many changes ``f`` selects; with ``cap``, counting stops at ``cap + 1`` (more than ``cap``), so that
    a page over the whole archive costs ``cap`` rows, not millions."""
    selected = _filtered(_joined_for(select(Change.id).select_from(Change), f), f)
    if cap is not None:
        selected = selected.limit(cap + 1)
    return s.exec(select(func.count()).select_from(selected.subquery())).one()


def kind_counts(s: Session, f: ChangeFilter, cap: int | None = None) -> dict[str, int]:
    """How many changes of each kind (and failing) the filter selects, whatever kinds it asks for (each count
    stopping at ``cap + 1`` as in ``count_changes``). A site or agency selects few changes: they are counted
    at once from the reports; the whole archive or a period is counted kind by kind, each on its index."""
    if f.site or f.agency:
        every = ChangeFilter(f.since, f.until, f.site, f.agency)
        counts = dict(s.exec(_filtered(_joined_for(select(Change.kind, func.count()).select_from(Change), every), every)
                             .group_by(Change.kind)).all())
        counts[FAILING] = count_changes(s, ChangeFilter(f.since, f.until, f.site, f.agency, (FAILING,)))
        return {k: int(counts.get(k, 0)) for k in KIND_FILTERS}
    return {kind: count_changes(s, ChangeFilter(f.since, f.until, kinds=(kind,)), cap) for kind in KIND_FILTERS}

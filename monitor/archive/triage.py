"""Triage: acknowledging, resolving and muting findings and changes, with who did it and why.

An *item* is what people act on. A finding is named by its rule and cells (``finding:s3.balance|s3.total``), not
by its row: every version gets new finding rows, and an error acknowledged on one version stays acknowledged
on the next version that still has it. A change is named by its id (``change:12``). People refer to items by
the ids the pages and commands show: ``F123`` (finding row 123) and ``C12`` (change 12).

A finding's triage ends when a new version of the report no longer has it (fixed): ``on_new_version`` drops
the row and writes ``fixed`` to the audit trail. Mutes match findings by rule, agency and report (each given
field must match) and changes by agency and report. Every action is written to ``audit_log`` in the same
transaction as the state it changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, delete, select

from monitor.archive.models import (
    ACKNOWLEDGED,
    RESOLVED,
    Agency,
    AuditEntry,
    Change,
    Finding,
    Mute,
    Report,
    Triage,
)
from monitor.archive.queries import open_findings_query, open_findings_union
from monitor.timeutil import utcnow

STATES = (ACKNOWLEDGED, RESOLVED)
STATE_NAMES = {ACKNOWLEDGED: "已确认", RESOLVED: "已解决"}
ACTION_NAMES = {ACKNOWLEDGED: "确认", RESOLVED: "解决", "reopened": "重新打开", "muted": "屏蔽", "unmuted": "取消屏蔽",
                "fixed": "新版本已修正", "login": "登录", "login_failed": "登录失败"}
ARCHIVE_ACTOR = "gxmon"
_REF = re.compile(r"^\s*([FfCc])\s*(\d+)\s*$")


class TriageError(ValueError):
    """An item, mute or user that cannot be acted on; the message (in Chinese) names it."""


def finding_key(rule: str, cells: Iterable[str] | None) -> str:
    return f"finding:{rule}|{','.join(sorted(cells or []))}"


def change_key(change_id: int) -> str:
    return f"change:{change_id}"


@dataclass
class Item:
    """An item found from a reference (F123, C12): what it is, on which report and version."""

    ref: str
    key: str
    report_id: int
    version_id: int | None
    label: str               # rule or change kind, for messages


def find_item(s: Session, ref: str) -> Item:
    """The finding (``F123``) or change (``C12``) a reference names."""
    match = _REF.match(ref)
    if not match:
        raise TriageError(f"{ref!r} 不是问题或变化的编号（问题写作 F123，变化写作 C12）")
    number = int(match.group(2))
    if match.group(1).upper() == "F":
        finding = s.get(Finding, number)
        if finding is None:
            raise TriageError(f"没有编号为 F{number} 的问题")
        return Item(f"F{number}", finding_key(finding.rule, finding.cells), finding.report_id, finding.version_id,
                    finding.rule)
    change = s.get(Change, number)
    if change is None:
        raise TriageError(f"没有编号为 C{number} 的变化")
    return Item(f"C{number}", change_key(change.id), change.report_id, change.to_version_id, change.kind)


def audit(s: Session, actor: str, action: str, origin: str, *, item: str | None = None,
          report_id: int | None = None, note: str | None = None, address: str | None = None) -> None:
    s.add(AuditEntry(actor=actor, action=action, item=item, report_id=report_id, note=note or None, origin=origin,
                     address=address))


def set_state(s: Session, ref: str, state: str, actor: str, note: str | None, origin: str,
              address: str | None = None) -> Item:
    """Acknowledge or resolve the item ``ref`` names (again: the newer action and note replace the older)."""
    if state not in STATES:
        raise TriageError(f"{state!r} 不是处理状态之一：{', '.join(STATES)}")
    if state == RESOLVED and not (note or "").strip():
        raise TriageError("解决一个问题需要写明处理说明（--note）")
    item = find_item(s, ref)
    row = s.exec(select(Triage).where(Triage.report_id == item.report_id, Triage.item == item.key)).first()
    if row is None:
        row = Triage(report_id=item.report_id, item=item.key, state=state, actor=actor)
    row.state, row.note, row.actor, row.at = state, (note or "").strip() or None, actor, utcnow()
    row.version_id = item.version_id
    s.add(row)
    audit(s, actor, state, origin, item=item.key, report_id=item.report_id, note=note, address=address)
    return item


def reopen(s: Session, ref: str, actor: str, note: str | None, origin: str, address: str | None = None) -> Item:
    item = find_item(s, ref)
    s.exec(delete(Triage).where(Triage.report_id == item.report_id, Triage.item == item.key))
    audit(s, actor, "reopened", origin, item=item.key, report_id=item.report_id, note=note, address=address)
    return item


def add_mute(s: Session, *, rule: str | None, agency: str | None, report_id: int | None, actor: str,
             note: str | None, origin: str, address: str | None = None) -> Mute:
    """Mute a rule, an agency (by its exact name), a report, or a combination."""
    if not (rule or agency or report_id):
        raise TriageError("屏蔽需要至少指定规则、机构或报告之一")
    agency_id = None
    if agency:
        agency_id = s.exec(select(Agency.id).where(Agency.name == agency.strip())).first()
        if agency_id is None:
            raise TriageError(f"档案中没有名为 {agency!r} 的机构")
    if report_id is not None and s.get(Report, report_id) is None:
        raise TriageError(f"没有编号为 {report_id} 的报告")
    mute = Mute(rule=rule or None, agency_id=agency_id, report_id=report_id, note=(note or "").strip() or None,
                actor=actor)
    s.add(mute)
    s.flush()
    audit(s, actor, "muted", origin, item=f"mute:{mute.id}", report_id=report_id, note=describe_mute(s, mute),
          address=address)
    return mute


def remove_mute(s: Session, mute_id: int, actor: str, origin: str, address: str | None = None) -> None:
    mute = s.get(Mute, mute_id)
    if mute is None:
        raise TriageError(f"没有编号为 {mute_id} 的屏蔽")
    audit(s, actor, "unmuted", origin, item=f"mute:{mute_id}", report_id=mute.report_id,
          note=describe_mute(s, mute), address=address)
    s.delete(mute)


def describe_mute(s: Session, mute: Mute) -> str:
    parts = []
    if mute.rule:
        parts.append(f"规则 {mute.rule}")
    if mute.agency_id is not None:
        parts.append(f"机构 {s.get(Agency, mute.agency_id).name}")
    if mute.report_id is not None:
        parts.append(f"报告 #{mute.report_id}")
    return "，".join(parts) + (f"：{mute.note}" if mute.note else "")


@dataclass
class Mutes:
    """Every mute, loaded once, to ask of many findings and changes."""

    rows: Sequence[Mute]

    @classmethod
    def load(cls, s: Session) -> Mutes:
        return cls(s.exec(select(Mute)).all())

    def finding(self, rule: str, agency_id: int | None, report_id: int) -> Mute | None:
        return next((m for m in self.rows if (m.rule is None or m.rule == rule)
                     and (m.agency_id is None or m.agency_id == agency_id)
                     and (m.report_id is None or m.report_id == report_id)), None)

    def report(self, agency_id: int | None, report_id: int) -> Mute | None:
        """A mute of the whole report (its agency or itself, for every rule): its changes are muted too."""
        return next((m for m in self.rows if m.rule is None
                     and (m.agency_id is None or m.agency_id == agency_id)
                     and (m.report_id is None or m.report_id == report_id)), None)


def states(s: Session, report_ids: Iterable[int]) -> dict[tuple[int, str], Triage]:
    """The triage rows of these reports, by (report, item)."""
    ids = list(set(report_ids))
    if not ids:
        return {}
    return {(t.report_id, t.item): t for t in s.exec(select(Triage).where(col(Triage.report_id).in_(ids)))}


@dataclass
class VersionErrors:
    """How a new version's error findings compare with the version before."""

    introduced: list[Finding]     # not in the version before (all of them for a first version)
    carried: list[Finding]        # also in the version before
    fixed: list[Finding]          # in the version before only


def on_new_version(s: Session, report_id: int, findings: Sequence[Finding],
                   previous: Sequence[Finding]) -> VersionErrors:
    """Compare a new version's errors with the version before, and end the triage of findings it fixed."""
    errors = [f for f in findings if f.severity == "error"]
    before = {finding_key(f.rule, f.cells): f for f in previous if f.severity == "error"}
    now = {finding_key(f.rule, f.cells) for f in errors}
    fixed = [f for key, f in before.items() if key not in now]
    if fixed:
        keys = [finding_key(f.rule, f.cells) for f in fixed]
        for key in s.exec(select(Triage.item).where(Triage.report_id == report_id, col(Triage.item).in_(keys))):
            audit(s, ARCHIVE_ACTOR, "fixed", "archive", item=key, report_id=report_id)
        s.exec(delete(Triage).where(Triage.report_id == report_id, col(Triage.item).in_(keys)))
    return VersionErrors([f for f in errors if finding_key(f.rule, f.cells) not in before],
                         [f for f in errors if finding_key(f.rule, f.cells) in before], fixed)


@dataclass
class ActionRow:
    at: datetime
    actor: str
    action: str
    item: str | None
    report_id: int | None
    agency: str | None
    year: int | None
    note: str | None
    origin: str


def recent_actions(s: Session, limit: int = 20, since: datetime | None = None) -> list[ActionRow]:
    """The audit trail, newest first (logins left out): what has been dealt with."""
    query = (select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.item, AuditEntry.report_id,
                    Agency.name, Report.year, AuditEntry.note, AuditEntry.origin)
             .outerjoin(Report, Report.id == AuditEntry.report_id).outerjoin(Agency, Agency.id == Report.agency_id)
             .where(col(AuditEntry.action).not_in(("login", "login_failed"))))
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    return [ActionRow(*r) for r in s.exec(query.order_by(col(AuditEntry.id).desc()).limit(limit))]


@dataclass
class OpenError:
    """An error finding of a report's current version (or on the report: report.overdue), with its triage."""

    ref: str                  # F123
    report_id: int
    agency: str | None
    year: int | None
    rule: str
    message: str
    state: str | None         # acknowledged, resolved, or None (open)
    muted: bool


def waiting_reports(s: Session) -> int:
    """How many reports have an error finding that nobody acknowledged, resolved or muted (the dashboard's
    figure), as ``open_errors`` would count them, without reading every open error: the reports with an open
    error of a rule not muted everywhere are counted in SQL, and only those somebody triaged or muted in part
    (a mute of theirs or of their agency) are read one finding at a time, to take away those fully dealt with."""
    mutes = Mutes.load(s)
    muted_rules = {m.rule for m in mutes.rows if m.rule and m.agency_id is None and m.report_id is None}
    reports = open_findings_union(Finding.report_id, where=[Finding.severity == "error",
                                                            col(Finding.rule).not_in(muted_rules)]).subquery()
    total = s.exec(select(func.count(func.distinct(reports.c.report_id)))).one()
    agencies = {m.agency_id for m in mutes.rows if m.agency_id is not None}
    candidates = (set(s.exec(select(Triage.report_id).distinct())) | {m.report_id for m in mutes.rows if m.report_id}
                  | (set(s.exec(select(Report.id).where(col(Report.agency_id).in_(agencies)))) if agencies else set()))
    if not candidates:
        return total
    rows = s.exec(open_findings_query(Finding.report_id, Finding.rule, Finding.cells, Report.agency_id, severity="error")
                  .where(col(Finding.report_id).in_(candidates), col(Finding.rule).not_in(muted_rules))).all()
    handled = states(s, candidates)
    waiting_among = {report_id for report_id, rule, cells, agency_id in rows
                     if mutes.finding(rule, agency_id, report_id) is None
                     and getattr(handled.get((report_id, finding_key(rule, cells))), "state", None) is None}
    return total - len({r[0] for r in rows} - waiting_among)


def open_errors(s: Session, site: str | None = None) -> list[OpenError]:
    """Every error finding that stands now, with what people did about it."""
    rows = s.exec(open_findings_query(Finding.id, Finding.report_id, Agency.name, Report.year, Finding.rule,
                                      Finding.message, Finding.cells, Report.agency_id, severity="error", site=site)
                  .order_by(col(Finding.report_id), col(Finding.id))).all()
    handled = states(s, [r[1] for r in rows])
    mutes = Mutes.load(s)
    found = []
    for finding_id, report_id, agency, year, rule, message, cells, agency_id in rows:
        state = handled.get((report_id, finding_key(rule, cells)))
        found.append(OpenError(f"F{finding_id}", report_id, agency, year, rule, message,
                               state.state if state else None, mutes.finding(rule, agency_id, report_id) is not None))
    return found

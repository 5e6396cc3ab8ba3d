"""What a page shows of triage: the states and mutes of the reports it lists, and whether (and as whom) the
visitor may act on them."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from sqlmodel import Session, col, select

from monitor.archive import triage
from monitor.archive.models import Mute, Report, Triage
from monitor.web.auth import csrf_token, current_user


@dataclass
class TriageView:
    """What a page needs to show triage: states and mutes of the listed reports, and whether (and as whom)
    the visitor may act."""

    states: dict[tuple[int, str], Triage] = field(default_factory=dict)
    mutes: triage.Mutes = field(default_factory=lambda: triage.Mutes([]))
    agencies: dict[int, int | None] = field(default_factory=dict)     # report → agency
    writes: bool = False
    user: str | None = None
    csrf: str | None = None

    def finding_state(self, report_id: int, rule: str, cells: list[str]) -> Triage | None:
        return self.states.get((report_id, triage.finding_key(rule, cells)))

    def finding_muted(self, report_id: int, rule: str) -> Mute | None:
        return self.mutes.finding(rule, self.agencies.get(report_id), report_id)


def triage_view(request: Request, s: Session, report_ids: list[int]) -> TriageView:
    user = current_user(request)
    ids = list(set(report_ids))
    mutes = triage.Mutes.load(s)
    # The reports' agencies matter only to a mute of an agency; most archives have none, and a page saves a query.
    by_agency = ids and any(m.agency_id is not None for m in mutes.rows)
    agencies = (dict(s.exec(select(Report.id, Report.agency_id).where(col(Report.id).in_(ids))).all())
                if by_agency else {})
    return TriageView(triage.states(s, ids), mutes, agencies, bool(request.app.state.writes), user,
                      csrf_token(request) if user else None)

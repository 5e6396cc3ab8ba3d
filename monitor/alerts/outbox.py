"""Writing alerts into the outbox, inside the caller's transaction (the one that stores the cause).

An alert is one event for one recipient, with a snapshot of what the mail will say (``AlertPayload``), so
the digest can be composed later, after a crash or a restart, without re-reading changed rows. The pair
(recipient, event key) is unique, so an event is queued once however often the code that found it runs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlmodel import Session, select

from monitor.archive.models import Alert

MAX_FIGURES = 50   # cells listed per report in a mail; the web view has them all
MAIL_CONTEXT = 30  # characters of unchanged prose around each change of the text in a mail


@dataclass
class AlertPayload:
    kind: str
    site: str
    summary: str
    agency: str | None = None
    year: int | None = None
    title: str | None = None
    url: str | None = None
    figures: list[dict[str, Any]] = field(default_factory=list)    # {cell, label, old, new}
    figures_total: int = 0
    text_sections: list[str] = field(default_factory=list)
    text_diffs: list[dict[str, Any]] = field(default_factory=list)   # monitor.prose.SectionDiff.to_dict()
    errors: list[dict[str, Any]] = field(default_factory=list)       # {rule, message, new}: the open ones
    fixed: list[dict[str, str]] = field(default_factory=list)        # {rule, message}: gone in this version
    handled: int = 0     # errors left out: acknowledged, resolved or muted (monitor.archive.triage)
    warnings: int = 0
    links: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AlertPayload:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def queue(session: Session, recipients: list[str], *, site_id: str,
          run_id: int | None, event_key: str, payload: AlertPayload, report_id: int | None = None,
          change_id: int | None = None) -> list[Alert]:
    """Queue ``payload`` for each recipient that has not had this event yet."""
    if not recipients:
        return []
    already = set(session.exec(
        select(Alert.recipient).where(Alert.event_key == event_key, Alert.recipient.in_(recipients))))
    alerts = [Alert(site_id=site_id, run_id=run_id, report_id=report_id, change_id=change_id,
                    kind=payload.kind, recipient=recipient, event_key=event_key, payload=payload.to_dict())
              for recipient in recipients if recipient not in already]
    session.add_all(alerts)
    return alerts

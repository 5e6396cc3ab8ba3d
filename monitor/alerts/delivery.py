"""Sending the outbox: pending alerts become one digest per recipient and crawl run, sent exactly once.

A recipient is a mail address or a chat channel (``monitor.alerts.channels``: an Apprise URL of ``notify``,
named by its key); both go the same way, only the message (a MIME mail, or a chat title and text) and the
transport (SMTP, Apprise) differ. Retries, backoff and leases are the same.

1. ``prepare``: pending alerts not yet in a delivery are grouped by (recipient, run); each group's mail is
   composed once and stored with its Message-ID in a ``Delivery`` row, and the alerts are tied to it, in
   one transaction. A crash before this commit leaves the alerts pending; after it, the stored mail.
2. ``send_due``: each due delivery is claimed (a lease, so two processes never send the same mail), sent,
   and marked sent together with its alerts in one transaction. When the SMTP server is down or refuses,
   the delivery stays pending with a later ``next_attempt_at`` (exponential backoff); nothing is lost.

The one window SMTP leaves open is a crash after the server accepted the mail and before the "sent" commit;
the retry then sends the same bytes with the same Message-ID, which mail systems use to drop duplicates.
A chat service has no such identifier: after a crash in that window the group may read the message twice.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from monitor.archive import leases
from monitor.alerts.channels import DEFAULT_BODY_LIMIT, body_limit, is_channel, send_chat
from monitor.alerts.chat import chat_message
from monitor.alerts.errors import DeliveryError
from monitor.alerts.links import run_link
from monitor.alerts.outbox import AlertPayload
from monitor.config import MailConfig, MonitorConfig
from monitor.archive.db import session as new_session
from monitor.alerts.mail import Digest, build_digest, message_id_for, render_message, send_bytes
from monitor.archive.models import PENDING, SENDING, SENT, Alert, Delivery, Site
from monitor.timeutil import utcnow

log = logging.getLogger(__name__)

Sender = Callable[[MailConfig, str, bytes], None]
CLAIM_SECONDS_PER_TIMEOUT = 6   # connect, greeting, EHLO, STARTTLS, MAIL/RCPT, DATA: each may take a timeout


@dataclass
class DeliveryReport:
    composed: int = 0
    sent: list[int] = field(default_factory=list)           # delivery ids
    failed: list[tuple[int, str]] = field(default_factory=list)
    waiting: int = 0                                          # pending deliveries not yet due


def backoff(config: MailConfig, attempts: int) -> timedelta:
    """Wait before attempt ``attempts + 1``: base, 2×base, 4×base, … capped at retry_max_seconds."""
    seconds = config.retry_base_seconds * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, config.retry_max_seconds))


def prepare(engine: Engine, config: MonitorConfig) -> int:
    """Compose and store a digest for every (recipient, run) that has alerts not yet in a delivery."""
    composed = 0
    with new_session(engine) as s:
        pending = s.exec(select(Alert).where(Alert.status == PENDING, col(Alert.delivery_id).is_(None))
                         .order_by(col(Alert.id))).all()
        groups: dict[tuple[str, int | None], list[Alert]] = defaultdict(list)
        for alert in pending:
            groups[(alert.recipient, alert.run_id)].append(alert)
        channels = config.channels()
        for (recipient, run_id), alerts in groups.items():
            created = utcnow()
            site_label = _site_label(s, config, {a.site_id for a in alerts})
            digest = build_digest(recipient, site_label, run_id, created,
                                  [AlertPayload.from_dict(a.payload or {}) for a in alerts], config.timezone)
            if is_channel(recipient):
                message_id, subject, data = _chat(digest, config, channels.get(recipient))
            else:
                message_id, data = render_message(digest, config.mail.sender, created)
                subject = digest.subject
            delivery = Delivery(recipient=recipient, run_id=run_id, message_id=message_id,
                                subject=subject, message=data, created_at=created, next_attempt_at=created)
            s.add(delivery)
            s.flush()
            ids = [a.id for a in alerts]
            claimed = s.exec(update(Alert).where(col(Alert.id).in_(ids), col(Alert.delivery_id).is_(None))
                             .values(delivery_id=delivery.id)).rowcount
            if claimed != len(ids):   # another process grouped some of them meanwhile
                s.rollback()
                continue
            s.commit()
            composed += 1
    return composed


def send_due(engine: Engine, config: MonitorConfig, sender: Sender = send_bytes,
             now: datetime | None = None) -> DeliveryReport:
    """Send every delivery that is due; mark each sent, or schedule its retry."""
    report = DeliveryReport()
    now = now or utcnow()
    with new_session(engine) as s:
        due = s.exec(select(Delivery.id).where(col(Delivery.status).in_((PENDING, SENDING)),
                                               Delivery.next_attempt_at <= now).order_by(col(Delivery.id))).all()
        report.waiting = len(s.exec(select(Delivery.id).where(Delivery.status == PENDING,
                                                              Delivery.next_attempt_at > now)).all())
        lease = config.mail.timeout * CLAIM_SECONDS_PER_TIMEOUT + 30
        for delivery_id in due:
            if not leases.claim(s, Delivery, delivery_id, "claimed_by", "claimed_until", lease,
                                extra=(Delivery.status != SENT,)):
                continue
            delivery = s.get(Delivery, delivery_id)
            s.refresh(delivery)
            delivery.status = SENDING
            s.commit()
            try:
                if is_channel(delivery.recipient):
                    _send_chat(config, delivery)
                else:
                    sender(config.mail, delivery.recipient, delivery.message)
            except DeliveryError as exc:
                delivery.attempts += 1
                delivery.status = PENDING
                delivery.last_error = str(exc)
                delivery.next_attempt_at = utcnow() + backoff(config.mail, delivery.attempts)
                delivery.claimed_by = delivery.claimed_until = None
                s.commit()
                log.warning("digest to %s not sent (attempt %d): %s", delivery.recipient, delivery.attempts, exc)
                report.failed.append((delivery.id, str(exc)))
                continue
            sent_at = utcnow()
            delivery.attempts += 1
            delivery.status, delivery.sent_at = SENT, sent_at
            delivery.claimed_by = delivery.claimed_until = None
            delivery.last_error = None
            s.exec(update(Alert).where(Alert.delivery_id == delivery.id).values(status=SENT, sent_at=sent_at))
            s.commit()
            report.sent.append(delivery.id)
    return report


def deliver(engine: Engine, config: MonitorConfig, sender: Sender = send_bytes,
            now: datetime | None = None) -> DeliveryReport:
    """Compose what is new, then send what is due."""
    composed = prepare(engine, config)
    report = send_due(engine, config, sender, now)
    report.composed = composed
    return report


def _chat(digest: Digest, config: MonitorConfig, url: str | None) -> tuple[str, str, bytes]:
    """A chat message's id, title and text (stored as UTF-8), sized for the channel's service."""
    limit = body_limit(url) if url else DEFAULT_BODY_LIMIT
    run_page = run_link(config.web_base_url, digest.run_id) if digest.run_id else None
    title, body = chat_message(digest, limit, run_page)
    return message_id_for(config.mail.sender), title, body.encode("utf-8")


def _send_chat(config: MonitorConfig, delivery: Delivery) -> None:
    url = config.channels().get(delivery.recipient)
    if url is None:
        raise DeliveryError(f"通知渠道 {delivery.recipient} 已不在配置中（notify 地址被删除或修改），消息保留待发")
    send_chat(url, delivery.subject, delivery.message.decode("utf-8"))


def _site_label(s, config: MonitorConfig, site_ids: set[str]) -> str:  # noqa: ANN001 (Session)
    names = []
    for site_id in sorted(site_ids):
        configured = config.site(site_id)
        row = s.get(Site, site_id)
        names.append((configured.name if configured and configured.name else None)
                     or (row.name if row and row.name else site_id))
    return "、".join(names)

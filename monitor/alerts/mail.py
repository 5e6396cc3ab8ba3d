"""The digest mail: one message per recipient and crawl run, plain text and HTML, and its SMTP transport.

Agency names, titles and URLs come from the web, so they never go into a header: the subject is built
from counts and the configured site name only, every header value is stripped of control characters,
and the ``email`` package (policy SMTP) refuses any header containing a line break. The HTML part is
rendered with autoescaping, and only http(s) URLs become links.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from monitor.alerts.errors import DeliveryError
from monitor.alerts.outbox import AlertPayload
from monitor.config import MailConfig
from monitor.labels import rule_explanation, rule_name
from monitor.timeutil import DEFAULT_ZONE, local_time
from monitor.archive.models import (
    ALERT_CRAWL_EMPTY, ALERT_CRAWL_FAILED, ALERT_FAILING, ALERT_MOVED, ALERT_OVERDUE, ALERT_REAPPEARED,
    ALERT_REVISED, ALERT_WITHDRAWN,
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
LINK_NAMES = {"report": "报告页面", "version": "本版本", "diff": "修改对比"}
SECTION_ORDER = (
    (ALERT_CRAWL_FAILED, "抓取失败"),
    (ALERT_CRAWL_EMPTY, "抓取结果为空"),
    (ALERT_REVISED, "被修改的报告"),
    (ALERT_WITHDRAWN, "被撤回的报告"),
    (ALERT_FAILING, "未通过校验的新报告"),
    (ALERT_OVERDUE, "逾期未发布的报告"),
    (ALERT_MOVED, "地址变更的报告"),
    (ALERT_REAPPEARED, "重新出现的报告"),
)

_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                   autoescape=select_autoescape(["html.j2"]), trim_blocks=True, keep_trailing_newline=True)
_env.filters["http_only"] = lambda url: url if isinstance(url, str) and re.match(r"https?://", url) else None
_env.filters.update(rule_name=rule_name, rule_explanation=rule_explanation)


def header_text(value: str) -> str:
    """A header value with control characters (CR, LF, …) replaced by spaces."""
    return _CONTROL.sub(" ", value).strip()


@dataclass
class DigestSection:
    kind: str
    title: str
    items: list[AlertPayload]


@dataclass
class Digest:
    recipient: str
    site_label: str
    run_id: int | None
    created: str
    sections: list[DigestSection] = field(default_factory=list)

    def _reports(self, kinds: tuple[str, ...]) -> int:
        return sum(len(s.items) for s in self.sections if s.kind in kinds)

    @property
    def revised(self) -> int:
        return self._reports((ALERT_REVISED,))

    @property
    def withdrawn(self) -> int:
        return self._reports((ALERT_WITHDRAWN,))

    @property
    def failing(self) -> int:
        return sum(1 for s in self.sections for item in s.items if item.errors)

    @property
    def overdue(self) -> int:
        return self._reports((ALERT_OVERDUE,))

    @property
    def rules(self) -> list[str]:
        """The rules of the errors listed, once each, for the digest's 规则说明."""
        return list(dict.fromkeys(e["rule"] for s in self.sections for item in s.items
                                  for e in [*item.errors, *item.fixed]))

    @property
    def has_text_diffs(self) -> bool:
        return any(item.text_diffs for s in self.sections for item in s.items)

    @property
    def crawl_problem(self) -> bool:
        return bool(self._reports((ALERT_CRAWL_FAILED, ALERT_CRAWL_EMPTY)))

    @property
    def headline(self) -> str:
        text = f"{self.revised}份报告被修改，{self.withdrawn}份被撤回，{self.failing}份未通过校验"
        if self.overdue:
            text += f"，{self.overdue}份逾期未发布"
        return ("抓取出现问题；" if self.crawl_problem else "") + text + "。"

    @property
    def subject(self) -> str:
        prefix = "【抓取失败】" if self.crawl_problem else ""
        counts = f"{self.revised}份修改、{self.withdrawn}份撤回、{self.failing}份未通过校验"
        if self.overdue:
            counts += f"、{self.overdue}份逾期"
        return header_text(f"{prefix}gxmon {self.site_label}：{counts}")


def build_digest(recipient: str, site_label: str, run_id: int | None, created: datetime,
                 payloads: list[AlertPayload], zone: str = DEFAULT_ZONE) -> Digest:
    sections = [DigestSection(kind, title, [p for p in payloads if p.kind == kind]) for kind, title in SECTION_ORDER]
    return Digest(recipient, site_label, run_id, local_time(created, zone), [s for s in sections if s.items])


def message_id_for(sender: str) -> str:
    """A new Message-ID in the sender's domain."""
    return make_msgid("gxmon", domain=Address(addr_spec=sender).domain or "localhost")


def render_message(digest: Digest, sender: str, created: datetime) -> tuple[str, bytes]:
    """The digest as a MIME message: its Message-ID and its bytes (what is stored and sent)."""
    message = EmailMessage(policy=SMTP)
    sender_address = Address(addr_spec=sender)
    message["From"] = Address(display_name="gxmon", addr_spec=sender_address.addr_spec)
    message["To"] = Address(addr_spec=digest.recipient)
    message["Subject"] = digest.subject
    message["Date"] = format_datetime(created)
    message_id = message_id_for(sender)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message["X-Gxmon-Run"] = str(digest.run_id or "-")
    context = {"digest": digest, "link_names": LINK_NAMES}
    message.set_content(_env.get_template("digest.txt.j2").render(**context), charset="utf-8", cte="base64")
    message.add_alternative(_env.get_template("digest.html.j2").render(**context), subtype="html",
                            charset="utf-8", cte="base64")
    return message_id, message.as_bytes()


def send_bytes(config: MailConfig, recipient: str, data: bytes) -> None:
    """Hand one stored message to the configured SMTP server."""
    context = ssl.create_default_context(cafile=config.ca_file)
    try:
        if config.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout,
                                                    context=context)
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with client:
            if config.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if config.login and config.password:
                client.login(config.login, config.password)
            client.sendmail(config.sender, [recipient], data)
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"{config.host}:{config.port}: {type(exc).__name__}: {exc}") from exc

"""The monitor's part of config/sites.toml: mail server, web links, schedules, alert routing, watched agencies.

The ``[[site]]`` tables are shared with the crawler (``crawler.siteconfig.load_sites`` reads how to crawl
them); this module reads only what the monitor needs from them (id, name, schedule, alert_to) and the
tables that are the monitor's own: ``[mail]``, ``[web]``, ``[schedule]``, ``[[route]]`` and ``[[watch]]``.
SMTP credentials come from the environment (never from the archive): ``GXMON_SMTP_USER`` and the
variable named by ``mail.password_env`` (default ``GXMON_SMTP_PASSWORD``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.headerregistry import Address
from pathlib import Path
from typing import Any

from apscheduler.triggers.cron import CronTrigger

DEFAULT_CONFIG = "config/sites.toml"


class ConfigError(Exception):
    """The config file is missing, is not TOML, or holds a value the monitor cannot use."""


@dataclass(frozen=True)
class MailConfig:
    host: str = "localhost"
    port: int = 25
    security: str = "none"          # none | starttls | ssl
    sender: str = "gxmon@localhost"
    username: str | None = None
    password_env: str = "GXMON_SMTP_PASSWORD"
    timeout: float = 30.0
    ca_file: str | None = None      # CA bundle to verify the server's certificate (default: the system's)
    retry_base_seconds: int = 300   # first retry after this long, doubling up to retry_max_seconds
    retry_max_seconds: int = 6 * 3600
    admin_to: tuple[str, ...] = ()  # also told about every site's failed or empty crawls

    @property
    def password(self) -> str | None:
        return os.environ.get(self.password_env) or None

    @property
    def login(self) -> str | None:
        return os.environ.get("GXMON_SMTP_USER") or self.username


@dataclass(frozen=True)
class SiteConfig:
    id: str
    name: str | None = None
    schedule: str | None = None
    alert_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Route:
    """Extra recipients for a site's reports whose agency name contains ``region`` and/or ``agency``.

    Agency names begin with their region (周口市川汇区人民政府), so a region is matched as a substring.
    """

    to: tuple[str, ...]
    site: str | None = None
    region: str | None = None
    agency: str | None = None

    def matches(self, site_id: str, agency: str | None) -> bool:
        if self.site and self.site != site_id:
            return False
        for part in (self.region, self.agency):
            if part and (not agency or part not in agency):
                return False
        return True


@dataclass(frozen=True)
class Watch:
    """An agency that must publish a report every year (``report.overdue`` when it has not)."""

    site: str
    agency: str
    deadline: str | None = None     # "MM-DD" instead of the statutory date


@dataclass(frozen=True)
class MonitorConfig:
    path: Path | None = None
    mail: MailConfig = field(default_factory=MailConfig)
    web_base_url: str | None = None
    timezone: str = "Asia/Shanghai"
    sites: tuple[SiteConfig, ...] = ()
    routes: tuple[Route, ...] = ()
    watches: tuple[Watch, ...] = ()

    def site(self, site_id: str) -> SiteConfig | None:
        return next((s for s in self.sites if s.id == site_id), None)

    def recipients(self, site_id: str, agency: str | None) -> list[str]:
        """Who hears about a report: the site's alert_to plus every matching route, each once."""
        site = self.site(site_id)
        found = list(site.alert_to if site else ())
        for route in self.routes:
            if route.matches(site_id, agency):
                found.extend(route.to)
        return list(dict.fromkeys(found))

    def site_recipients(self, site_id: str) -> list[str]:
        """Who hears that a site's crawl failed or came back empty."""
        site = self.site(site_id)
        found = list(site.alert_to if site else ()) + list(self.mail.admin_to)
        found += [a for r in self.routes if r.site == site_id for a in r.to]
        return list(dict.fromkeys(found))

    def watched(self, site_id: str) -> list[Watch]:
        return [w for w in self.watches if w.site == site_id]

    def deadline_override(self, site_id: str, agency: str | None) -> str | None:
        """The configured publication deadline ("MM-DD") of a watched agency, if one is set."""
        return next((w.deadline for w in self.watched(site_id) if w.agency == agency and w.deadline), None)


def _addresses(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of mail addresses")
    result = []
    for item in value:
        try:
            address = Address(addr_spec=str(item))
        except (HeaderParseError, ValueError, IndexError) as exc:
            raise ConfigError(f"{where}: {item!r} is not a mail address ({exc})") from None
        if not address.domain:
            raise ConfigError(f"{where}: {item!r} is not a mail address (no domain)")
        result.append(address.addr_spec)
    return tuple(result)


def _mail(table: dict[str, Any], where: str) -> MailConfig:
    known = set(MailConfig.__dataclass_fields__)
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"{where} [mail]: unknown keys {sorted(unknown)}")
    values = dict(table)
    if "admin_to" in values:
        values["admin_to"] = _addresses(values["admin_to"], f"{where} [mail].admin_to")
    if "sender" in values:
        values["sender"] = _addresses(values["sender"], f"{where} [mail].sender")[0]
    if values.get("security", "none") not in ("none", "starttls", "ssl"):
        raise ConfigError(f"{where} [mail].security: must be none, starttls or ssl")
    return MailConfig(**values)


def _site(table: dict[str, Any], index: int, where: str) -> SiteConfig:
    site_id = table.get("id")
    if not isinstance(site_id, str) or not site_id:
        raise ConfigError(f"{where} [[site]] #{index + 1}: missing id")
    schedule = table.get("schedule")
    if schedule is not None:
        try:
            CronTrigger.from_crontab(schedule)
        except ValueError as exc:
            raise ConfigError(f"{where} site {site_id}: schedule {schedule!r} is not cron syntax ({exc})") from None
    return SiteConfig(site_id, table.get("name"), schedule,
                      _addresses(table.get("alert_to"), f"{where} site {site_id} alert_to"))


def parse_config(data: dict[str, Any], path: Path | None = None) -> MonitorConfig:
    where = str(path) if path else "<config>"
    sites = tuple(_site(t, i, where) for i, t in enumerate(data.get("site", [])))
    ids = [s.id for s in sites]
    if len(ids) != len(set(ids)):
        raise ConfigError(f"{where}: duplicate site ids")
    routes = []
    for i, t in enumerate(data.get("route", [])):
        if t.get("site") and t["site"] not in ids:
            raise ConfigError(f"{where} [[route]] #{i + 1}: unknown site {t['site']!r}")
        routes.append(Route(_addresses(t.get("to"), f"{where} [[route]] #{i + 1} to"),
                            t.get("site"), t.get("region"), t.get("agency")))
    watches = []
    for i, t in enumerate(data.get("watch", [])):
        if t.get("site") not in ids or not t.get("agency"):
            raise ConfigError(f"{where} [[watch]] #{i + 1}: needs a known site and an agency")
        watches.append(Watch(t["site"], t["agency"], t.get("deadline")))
    web = data.get("web", {})
    return MonitorConfig(path=path, mail=_mail(data.get("mail", {}), where),
                         web_base_url=(web.get("base_url") or "").rstrip("/") or None,
                         timezone=data.get("schedule", {}).get("timezone", "Asia/Shanghai"),
                         sites=sites, routes=tuple(routes), watches=tuple(watches))


def load_config(path: str | os.PathLike[str] | None) -> MonitorConfig:
    """Read a config file; ``None`` gives the empty config (no sites, mail to localhost:25)."""
    if path is None:
        return MonitorConfig()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    return parse_config(data, path)

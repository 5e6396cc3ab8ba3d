"""The monitor's part of config/sites.toml: mail server, web links, schedules, alert routing, watched agencies.

The ``[[site]]`` tables are the crawler's (``crawler.siteconfig`` reads and checks them, one reader for both
packages); this module adds the checks only the monitor needs on them (schedule is cron, alert_to are mail
addresses) and reads the tables that are the monitor's own: ``[mail]``, ``[web]``, ``[schedule]``, ``[crawl]``,
``[[route]]`` and ``[[watch]]``. Errors are ``crawler.siteconfig.ConfigError``, naming the file and the entry.
A key gxmon does not know is an error naming it and the nearest known key (a misspelt ``schedul`` must not
leave a site unscheduled in silence), in every table, ``[[site]]`` included (the crawler alone keeps keys
it does not know in ``Site.extra`` for other packages; gxmon is the package that reads the whole file).
SMTP credentials come from the environment (never from the archive): ``GXMON_SMTP_USER`` and the
variable named by ``mail.password_env`` (default ``GXMON_SMTP_PASSWORD``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from email.errors import HeaderParseError
from email.headerregistry import Address
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

from crawler.run import PARALLEL_SITES
from crawler.siteconfig import ConfigError, Site, check_keys, entry, read_config, sites_from_config
from monitor.alerts.channels import channel_key, check_url

DEFAULT_CONFIG = "config/sites.toml"
TABLES = ("mail", "web", "schedule", "crawl", "site", "route", "watch")
WEB_KEYS = ("base_url", "writes")
SCHEDULE_KEYS = ("timezone", "redis")
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
# A watch list's own columns (``gxmon sites import``): kept with the site (``Site.extra``), shown, not crawled by.
WATCH_LIST_KEYS = ("region", "code")
SITE_KEYS = (*(f.name for f in fields(Site) if f.name != "extra"), "notify", *WATCH_LIST_KEYS)
ROUTE_KEYS = ("site", "region", "agency", "to", "notify")
WATCH_KEYS = ("site", "agency", "deadline")


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
    admin_to: tuple[str, ...] = ()  # told about every site's failed or empty crawls

    @property
    def password(self) -> str | None:
        return os.environ.get(self.password_env) or None

    @property
    def login(self) -> str | None:
        return os.environ.get("GXMON_SMTP_USER") or self.username


@dataclass(frozen=True)
class CrawlConfig:
    """Bounds of one crawl as a whole (a site's own bounds are in its ``[[site]]``)."""

    max_time: float = 12 * 3600.0           # seconds for all the sites of one `gxmon crawl` or scheduled run
    parallel_sites: int = PARALLEL_SITES    # sites crawled at once, each in a process of its own


@dataclass(frozen=True)
class Route:
    """Extra recipients for a site's reports whose agency name contains ``region`` and/or ``agency``.

    Agency names begin with their region (周口市川汇区人民政府), so a region is matched as a substring.
    """

    to: tuple[str, ...]
    site: str | None = None
    region: str | None = None
    agency: str | None = None
    notify: tuple[str, ...] = ()    # Apprise URLs (monitor.alerts.channels)

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
    web_writes: bool = False        # triage on the web pages, for logged-in users (monitor.web.triage)
    timezone: str = "Asia/Shanghai"
    crawl: CrawlConfig = field(default_factory=CrawlConfig)
    redis_url: str | None = None    # [schedule] redis: `gxmon run` puts its crawls on this queue for workers
    sites: tuple[Site, ...] = ()
    routes: tuple[Route, ...] = ()
    watches: tuple[Watch, ...] = ()
    paused: frozenset[str] = frozenset()    # site ids not to crawl now (monitor.watchlist); still alerted

    @property
    def crawlable_sites(self) -> tuple[Site, ...]:
        """The sites to crawl when none is named: all but the paused."""
        return tuple(s for s in self.sites if s.id not in self.paused)

    def site(self, site_id: str) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    def recipients(self, site_id: str, agency: str | None) -> list[str]:
        """Who hears about a report: the site's alert_to and notify channels plus those of every matching
        route, each once (a channel as its ``channel_key``)."""
        site = self.site(site_id)
        found = [*(site.alert_to if site else ()), *map(channel_key, site_notify(site))]
        for route in self.routes:
            if route.matches(site_id, agency):
                found.extend([*route.to, *map(channel_key, route.notify)])
        return list(dict.fromkeys(found))

    def channels(self) -> dict[str, str]:
        """Every configured Apprise URL by its outbox recipient key."""
        urls = [url for site in self.sites for url in site_notify(site)]
        urls += [url for route in self.routes for url in route.notify]
        return {channel_key(url): url for url in urls}

    def site_recipients(self, site_id: str) -> list[str]:
        """Who hears that a site's crawl failed or came back empty: the administrators (``[mail] admin_to``),
        who can mend a crawl; without any, the site's own ``alert_to`` (someone must hear of it). Never the
        recipients of ``[[route]]``, who asked for reports of their region or agency, not for crawl trouble."""
        if self.mail.admin_to:
            return list(self.mail.admin_to)
        site = self.site(site_id)
        return [*site.alert_to, *map(channel_key, site_notify(site))] if site else []

    def watched(self, site_id: str) -> list[Watch]:
        return [w for w in self.watches if w.site == site_id]

    def deadline_override(self, site_id: str, agency: str | None) -> str | None:
        """The configured publication deadline ("MM-DD") of a watched agency, if one is set."""
        return next((w.deadline for w in self.watched(site_id) if w.agency == agency and w.deadline), None)


def site_notify(site: Site | None) -> tuple[str, ...]:
    """A site's Apprise URLs (``notify``, checked by ``parse_config`` or the archive's watch list)."""
    return tuple(site.extra.get("notify", ())) if site else ()


def _channels(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of Apprise URLs")
    try:
        return tuple(check_url(item) for item in value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def parse_addresses(value: Any, where: str) -> tuple[str, ...]:
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


def _mail(table: dict[str, Any], source: str) -> MailConfig:
    where = f"{source}: [mail]"
    check_keys(table, MailConfig.__dataclass_fields__, where)
    values = dict(table)
    if "admin_to" in values:
        values["admin_to"] = parse_addresses(values["admin_to"], f"{where}: admin_to")
    if "sender" in values:
        values["sender"] = parse_addresses(values["sender"], f"{where}: sender")[0]
    if values.get("security", "none") not in ("none", "starttls", "ssl"):
        raise ConfigError(f"{where}: security must be none, starttls or ssl")
    return MailConfig(**values)


def _crawl(table: dict[str, Any], source: str) -> CrawlConfig:
    where = f"{source}: [crawl]"
    check_keys(table, CrawlConfig.__dataclass_fields__, where)
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise ConfigError(f"{where}: {key} must be a positive number, not {value!r}")
    return CrawlConfig(**{k: int(v) if k == "parallel_sites" else float(v) for k, v in table.items()})


def _monitored_site(site: Site, number: int, source: str) -> Site:
    """A crawler Site with what the monitor adds checked: cron schedule, alert_to as mail addresses."""
    where = entry(source, "site", number, site.id)
    check_keys(site.extra, SITE_KEYS, where)
    if site.schedule is not None:
        try:
            CronTrigger.from_crontab(site.schedule)
        except ValueError as exc:
            raise ConfigError(f"{where}: schedule {site.schedule!r} is not cron syntax ({exc})") from None
    notify = _channels(site.extra.get("notify"), f"{where}: notify")
    return replace(site, alert_to=parse_addresses(list(site.alert_to), f"{where}: alert_to"),
                   extra={**site.extra, "notify": notify})


def _routes(tables: list[dict[str, Any]], site_ids: set[str], source: str) -> tuple[Route, ...]:
    routes = []
    for number, t in enumerate(tables, start=1):
        where = entry(source, "route", number)
        check_keys(t, ROUTE_KEYS, where)
        if t.get("site") and t["site"] not in site_ids:
            raise ConfigError(f"{where}: unknown site {t['site']!r}")
        routes.append(Route(parse_addresses(t.get("to"), f"{where}: to"), t.get("site"), t.get("region"), t.get("agency"),
                            _channels(t.get("notify"), f"{where}: notify")))
    return tuple(routes)


def _watches(tables: list[dict[str, Any]], site_ids: set[str], source: str) -> tuple[Watch, ...]:
    watches = []
    for number, t in enumerate(tables, start=1):
        check_keys(t, WATCH_KEYS, entry(source, "watch", number))
        if t.get("site") not in site_ids or not t.get("agency"):
            raise ConfigError(f"{entry(source, 'watch', number)}: needs a known site and an agency")
        watches.append(Watch(t["site"], t["agency"], t.get("deadline")))
    return tuple(watches)


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false, not {value!r}")
    return value


def _timezone(name: Any, where: str) -> str:
    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{where}: timezone {name!r} is not a time zone name (e.g. 'Asia/Shanghai')") from None
    return str(name)


def _redis_url(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.startswith(REDIS_SCHEMES):
        raise ConfigError(f"{where}: redis {value!r} is not a Redis URL (redis://HOST:PORT/N)")
    return value


def parse_config(data: dict[str, Any], path: Path | None = None) -> MonitorConfig:
    """The monitor's config from a parsed TOML file (``path`` names it in errors)."""
    source = str(path) if path else "<config>"
    check_keys(data, TABLES, source, "top-level table or key")
    sites = tuple(_monitored_site(site, number, source)
                  for number, site in enumerate(sites_from_config(data, source), start=1))
    site_ids = {s.id for s in sites}
    web, schedule = data.get("web", {}), data.get("schedule", {})
    check_keys(web, WEB_KEYS, f"{source}: [web]")
    check_keys(schedule, SCHEDULE_KEYS, f"{source}: [schedule]")
    return MonitorConfig(path=path, mail=_mail(data.get("mail", {}), source),
                         web_base_url=(web.get("base_url") or "").rstrip("/") or None,
                         web_writes=_flag(web.get("writes", False), f"{source}: [web] writes"),
                         timezone=_timezone(schedule.get("timezone", "Asia/Shanghai"), f"{source}: [schedule]"),
                         crawl=_crawl(data.get("crawl", {}), source),
                         redis_url=_redis_url(schedule.get("redis"), f"{source}: [schedule]"),
                         sites=sites, routes=_routes(data.get("route", []), site_ids, source),
                         watches=_watches(data.get("watch", []), site_ids, source))


def load_config(path: str | os.PathLike[str] | None) -> MonitorConfig:
    """Read a config file; ``None`` gives the empty config (no sites, mail to localhost:25)."""
    if path is None:
        return MonitorConfig()
    return parse_config(read_config(path), Path(path))

"""The watch list: the config's ``[[site]]`` tables and the sites kept in the archive (``gxmon sites …``).

An officer adds a site without editing TOML (``gxmon sites add URL --name … --alert-to …``); it is stored in
the archive (``WatchedSite``) and crawled, scheduled and alerted like a site of the config. Any site, of the
config or of the archive, can be paused and resumed: a paused site is not crawled (``gxmon crawl``,
``gxmon run``) but its pending digests are still sent. ``merged_config`` is the config with the archive's
sites in it, for everything that crawls or sends.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from crawler.siteconfig import ConfigError, Site, site_from_dict
from monitor.alerts.channels import describe
from monitor.archive.db import session as new_session
from monitor.archive.models import Site as SiteRow
from monitor.archive.models import WatchedSite
from monitor.config import MonitorConfig, parse_config, site_notify
from monitor.timeutil import utcnow

FROM_CONFIG, FROM_ARCHIVE = "配置文件", "命令行添加"


class WatchListError(ValueError):
    """A watch-list request that cannot be done; the message says why, in Chinese."""


@dataclass
class WatchedRow:
    """One site of the watch list as ``gxmon sites list`` shows it."""

    id: str
    name: str
    source: str
    start_urls: list[str]
    alert_to: list[str]
    notify: list[str]               # with their secrets masked
    schedule: str | None
    paused_at: datetime | None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None


def _site_table(site_id: str, name: str, url: str, alert_to: list[str], notify: list[str], schedule: str | None,
                settings: dict[str, Any]) -> dict[str, Any]:
    """The site as a ``[[site]]`` table of the config would hold it."""
    return {**settings, "id": site_id, "name": name, "start_urls": [url], "alert_to": list(alert_to),
            "notify": list(notify), **({"schedule": schedule} if schedule else {})}


def _archive_site(row: WatchedSite) -> Site:
    table = _site_table(row.site_id, row.name or row.site_id, (row.start_urls or [""])[0], row.alert_to or [],
                        row.notify or [], row.schedule, row.settings or {})
    site = site_from_dict({**table, "start_urls": list(row.start_urls or ())}, where=f"watched_site {row.site_id}")
    return replace(site, extra={**site.extra, "notify": tuple(row.notify or ())})


def merged_config(config: MonitorConfig, engine: Engine) -> MonitorConfig:
    """The config with the archive's sites after its own, and the paused ones named (``paused``): they are
    not crawled, but who hears about them still does."""
    with new_session(engine) as s:
        rows = s.exec(select(WatchedSite).order_by(col(WatchedSite.added_at))).all()
    return replace(config, sites=(*config.sites, *(_archive_site(r) for r in rows if r.start_urls)),
                   paused=frozenset(r.site_id for r in rows if r.paused_at is not None))


def add_site(session: Session, config: MonitorConfig, url: str, name: str, alert_to: list[str],
             notify: list[str] = (), site_id: str | None = None, schedule: str | None = None,
             settings: dict[str, Any] | None = None) -> WatchedSite:
    """Add a site to the archive's watch list, checked as a ``[[site]]`` of the config is (``settings``: its
    other keys, e.g. ``{"delay": 2, "max_pages": 2000}``)."""
    host = urlsplit(url).hostname
    if urlsplit(url).scheme not in ("http", "https") or not host:
        raise WatchListError(f"{url!r} 不是 http(s) 网址")
    site_id = site_id or host
    known = {s.id: s for s in merged_config(config, session.get_bind()).sites}
    if site_id in known:
        raise WatchListError(f"网站编号 {site_id!r} 已在监测列表中（{known[site_id].name}）；请用 --id 另取一个")
    for site in known.values():
        if url in site.start_urls:
            raise WatchListError(f"{url} 已在监测列表中：{site.id}（{site.name}）")
    if not alert_to and not notify:
        raise WatchListError("请至少给出一个 --alert-to 邮箱或 --notify 通知地址，否则没有人会收到提醒")
    settings = dict(settings or {})
    try:
        checked = parse_config({"site": [_site_table(site_id, name, url, alert_to, notify, schedule, settings)]})
    except ConfigError as exc:
        raise WatchListError(str(exc).removeprefix("<config>: [[site]] #1 ")) from None
    site = checked.sites[0]
    if session.get(SiteRow, site_id) is None:
        session.add(SiteRow(id=site_id, name=name))
    row = WatchedSite(site_id=site_id, name=name, start_urls=[url], alert_to=list(site.alert_to),
                      notify=list(site_notify(site)), schedule=schedule or None, settings=settings or None)
    session.add(row)
    session.commit()
    return row


def find_site(session: Session, config: MonitorConfig, ref: str) -> Site:
    """The site named by ``ref``: its id, its name, or one of its start URLs."""
    sites = merged_config(config, session.get_bind()).sites
    for matches in (lambda s: s.id == ref, lambda s: s.name == ref, lambda s: ref.rstrip("/") in
                    {u.rstrip("/") for u in s.start_urls}):
        found = [s for s in sites if matches(s)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise WatchListError(f"{ref!r} 指向多个网站：{'、'.join(s.id for s in found)}；请用网站编号")
    raise WatchListError(f"监测列表中没有 {ref!r}（可用网站编号、名称或起始网址；gxmon sites list 列出全部）")


def set_paused(session: Session, config: MonitorConfig, ref: str, paused: bool) -> tuple[Site, bool]:
    """Pause or resume a site; returns the site and whether anything changed."""
    site = find_site(session, config, ref)
    row = session.get(WatchedSite, site.id)
    if row is None:                               # a site of the config: a row that only pauses it
        if not paused:
            return site, False
        row = WatchedSite(site_id=site.id, name=site.name)
    if (row.paused_at is not None) == paused:
        return site, False
    row.paused_at = utcnow() if paused else None
    if row.start_urls or row.paused_at:
        session.add(row)
    else:
        session.delete(row)                       # a config site resumed: nothing left to keep
    session.commit()
    return site, True


def list_sites(session: Session, config: MonitorConfig) -> list[WatchedRow]:
    rows = {r.site_id: r for r in session.exec(select(WatchedSite))}
    configured = {s.id for s in config.sites}
    return [WatchedRow(site.id, site.name, FROM_CONFIG if site.id in configured else FROM_ARCHIVE,
                       list(site.start_urls), list(site.alert_to), [describe(u) for u in site_notify(site)],
                       site.schedule, rows[site.id].paused_at if site.id in rows else None)
            for site in merged_config(config, session.get_bind()).sites]

"""``gxmon sites``: the watch list without editing TOML — add, list, pause, resume (``monitor.watchlist``)."""

from __future__ import annotations

import tomllib
from typing import Any

import click

from monitor import output
from monitor.cli import FORMATS, Context, archive_options, config_option
from monitor.cli import _config as read_config
from monitor.timeutil import local_time
from monitor.watchlist import WatchListError, add_site, list_sites, set_paused

# Keys of [[site]] that `sites add` takes as options of their own.
OWN_OPTIONS = {"id": "id", "name": "name", "start_urls": "URL", "alert_to": "alert-to", "notify": "notify",
               "schedule": "schedule"}


@click.group()
def sites() -> None:
    """The watch list: the config's [[site]] tables and the sites added here (kept in the archive);
    `sites import` writes a province's list of websites (CSV) into the config."""


@sites.command("add")
@config_option
@archive_options
@click.argument("url")
@click.option("--name", required=True, help="The site's name, e.g. 周口市人民政府.")
@click.option("--alert-to", "alert_to", multiple=True, help="Mail address told about its reports (repeatable).")
@click.option("--notify", multiple=True, help="Apprise URL told about its reports: wecombot://KEY, … (repeatable).")
@click.option("--id", "site_id", help="Site id (default: the URL's host).")
@click.option("--schedule", help='Cron line for `gxmon run`, e.g. "0 6 * * *".')
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="Another [[site]] key, as TOML: --set delay=2 --set max_pages=2000 (repeatable).")
@click.pass_obj
def add(obj: Context, url: str, name: str, alert_to: tuple[str, ...], notify: tuple[str, ...],
        site_id: str | None, schedule: str | None, settings: tuple[str, ...]) -> None:
    """Watch the site of URL: crawled by `gxmon crawl` (and `gxmon run` with --schedule)."""
    config = read_config(obj.config_option)
    with obj.writable_session() as s:
        try:
            row = add_site(s, config, url, name, list(alert_to), list(notify), site_id, schedule,
                           dict(_setting(text) for text in settings))
        except WatchListError as exc:
            raise click.ClickException(str(exc)) from None
        output.say(f"已添加 {row.site_id}（{row.name}）：{url}")


def _setting(text: str) -> tuple[str, Any]:
    """``delay=2`` → ("delay", 2): the value read as TOML (a bare word is a string)."""
    key, equals, value = text.partition("=")
    key = key.strip()
    if not equals or not key:
        raise click.BadParameter(f"{text!r} 应写作 键=值，例如 delay=2", param_hint="--set")
    if key in OWN_OPTIONS:
        raise click.BadParameter(f"{key} 请用 --{OWN_OPTIONS[key]} 给出", param_hint="--set")
    try:
        return key, tomllib.loads(f"v = {value}")["v"]
    except tomllib.TOMLDecodeError:
        return key, value


@sites.command("list")
@config_option
@archive_options
@click.option("--format", "fmt", type=FORMATS, default="table")
@click.pass_obj
def list_command(obj: Context, fmt: str) -> None:
    """Every watched site: where it is defined, who hears about it, its schedule, paused or not."""
    config = read_config(obj.config_option)
    with obj.session() as s:
        rows = list_sites(s, config)
    if fmt == "json":
        output.print_json([{**output.plain(r), "paused": r.paused} for r in rows])
    elif fmt == "csv":
        output.print_csv([{**output.plain(r), "paused": r.paused} for r in rows],
                         ["id", "name", "source", "start_urls", "alert_to", "notify", "schedule", "paused", "paused_at"])
    else:
        output.print_table(f"监测列表：{len(rows)}个网站", ["编号", "名称", "来源", "起始网址", "提醒", "计划", "状态"],
                           [(r.id, r.name, r.source, "\n".join(r.start_urls), "\n".join([*r.alert_to, *r.notify]),
                             r.schedule or "—",
                             f"已暂停（{local_time(r.paused_at, config.timezone)}起）" if r.paused else "监测中")
                            for r in rows], long=("起始网址", "提醒"))


def _pause_or_resume(obj: Context, ref: str, paused: bool) -> None:
    config = read_config(obj.config_option)
    with obj.writable_session() as s:
        try:
            site, changed = set_paused(s, config, ref, paused)
        except WatchListError as exc:
            raise click.ClickException(str(exc)) from None
    if changed:
        state = "已暂停，不再抓取" if paused else "已恢复监测"
    else:
        state = "本来就已暂停" if paused else "本来就在监测中"
    output.say(f"{site.id}（{site.name}）{state}")


@sites.command("pause")
@config_option
@archive_options
@click.argument("site")
@click.pass_obj
def pause(obj: Context, site: str) -> None:
    """Stop crawling SITE (its id, name or start URL) until it is resumed."""
    _pause_or_resume(obj, site, True)


@sites.command("resume")
@config_option
@archive_options
@click.argument("site")
@click.pass_obj
def resume(obj: Context, site: str) -> None:
    """Crawl SITE again."""
    _pause_or_resume(obj, site, False)

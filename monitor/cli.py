"""``gxmon``: crawl, archive, alert, query (shared/spec/cli.md).

``--db``, ``--store`` and ``--config`` are accepted before the command and after it (the later one wins).
Commands that only read the archive (reports, history, diff, findings, export, serve) and ``send`` refuse an
archive that does not exist, in one line, creating nothing; ``crawl``, ``run`` and ``demo`` create it.
Exit codes: 0 done, 1 error (one line on stderr), 2 usage, 3 a site could not be crawled (failed, or empty
where it used to list reports), 128+N stopped by signal N (SIGINT 130, SIGTERM 143).
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from sqlalchemy.engine import Engine
from sqlmodel import Session

from monitor import output

from monitor.archive import queries
from monitor.config import DEFAULT_CONFIG, ConfigError, MonitorConfig, load_config
from monitor.archive.db import ArchiveMissing, check_archive, database_url, default_store, open_archive, open_engine
from monitor.labels import CHANGE_NAMES, META_NAMES, SEVERITY_NAMES, STATUS_NAMES, cell_label, rule_name
from monitor.prose import section_diffs
from monitor.timeutil import local_time, zone_label
from monitor.archive.store import BlobStore

FORMATS = click.Choice(["table", "json", "csv"])
CLI_PROSE_CONTEXT = 40   # characters of unchanged prose around each change `gxmon diff` prints
PIECE_STYLES = {"same": "", "del": "red strike", "ins": "bold green"}
EXIT_SITES_FAILED = 3


@dataclass
class Context:
    """The archive and config the command line names (options before or after the command)."""

    db_option: str | None = None
    store_option: str | None = None
    config_option: str | None = None
    _engine: Engine | None = None

    @property
    def db(self) -> str:
        return database_url(self.db_option)

    @property
    def store_dir(self) -> Path:
        return Path(self.store_option) if self.store_option else default_store(self.db)

    @property
    def engine(self) -> Engine:
        """The archive, created or upgraded (crawl, run)."""
        if self._engine is None:
            self._engine = open_engine(self.db)
        return self._engine

    @property
    def archive(self) -> Engine:
        """The archive, which must exist: commands that only read it never create one."""
        if self._engine is None:
            try:
                self._engine = open_archive(self.db)
            except ArchiveMissing as exc:
                raise click.ClickException(str(exc)) from None
        return self._engine

    @property
    def store(self) -> BlobStore:
        return BlobStore(self.store_dir)

    def session(self) -> Session:
        from monitor.archive.db import session

        return session(self.archive)

    @property
    def zone(self) -> str:
        """The time zone times are shown in: the config's ``[schedule] timezone``."""
        return _config(self.config_option).timezone

    def writable_session(self) -> Session:
        """A session on the archive, created or upgraded first (commands that write: sites add, pause)."""
        from monitor.archive.db import session

        return session(self.engine)


def _remember(field: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value is not None:
            setattr(ctx.ensure_object(Context), field, value)
    return callback


DB_HELP = "Archive database URL or SQLite file (default: $GXMON_DB, else gxmon.db here)."
STORE_HELP = "Folder of raw documents (default: gxmon-store/ beside a SQLite file)."
CONFIG_HELP = f"Site config (default: {DEFAULT_CONFIG} if present)."


def archive_options(command: Callable) -> Callable:
    """--db and --store, also after the command name."""
    command = click.option("--store", type=click.Path(file_okay=False), expose_value=False,
                           callback=_remember("store_option"), help=STORE_HELP)(command)
    return click.option("--db", expose_value=False, callback=_remember("db_option"), help=DB_HELP)(command)


def config_option(command: Callable) -> Callable:
    """--config, also after the command name."""
    return click.option("--config", type=click.Path(dir_okay=False), expose_value=False,
                        callback=_remember("config_option"), help=CONFIG_HELP)(command)


def _config(path: str | None, required: bool = False) -> MonitorConfig:
    if path is None and Path(DEFAULT_CONFIG).exists():
        path = DEFAULT_CONFIG
    if path is None:
        if required:
            raise click.UsageError(f"没有配置文件：请用 --config 指定（或创建 {DEFAULT_CONFIG}），或用 gxmon sites add 添加网站")
        return MonitorConfig()
    try:
        return load_config(path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.option("--db", envvar="GXMON_DB", expose_value=False, callback=_remember("db_option"), help=DB_HELP)
@click.option("--store", type=click.Path(file_okay=False), expose_value=False, callback=_remember("store_option"),
              help=STORE_HELP)
@click.option("--config", type=click.Path(dir_okay=False), expose_value=False, callback=_remember("config_option"),
              help=CONFIG_HELP)
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.version_option(package_name="gxmon", prog_name="gxmon")
@click.pass_context
def main(ctx: click.Context, verbose: int) -> None:
    """gxmon: watch 政府信息公开工作年度报告 — crawl, archive, alert, query."""
    logging.basicConfig(level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)], stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(Context)


# -- crawling -------------------------------------------------------------------------------------------

@main.command()
@config_option
@archive_options
@click.option("--site", "sites", multiple=True, help="Crawl only this site id (repeatable).")
@click.option("--start-url", "start_urls", multiple=True, help="Crawl the site of this URL (repeatable).")
@click.option("--no-mail", is_flag=True, help="Archive and queue alerts, but do not send mail now.")
@click.option("--redis", "redis_url", metavar="URL",
              help="Put the sites on the queue in this Redis (redis://HOST:PORT/N) for `gxmon worker`s to crawl, "
                   "and wait for them.")
@click.pass_obj
def crawl(obj: Context, sites: tuple[str, ...], start_urls: tuple[str, ...], no_mail: bool,
          redis_url: str | None) -> None:
    """Run one crawl now and archive what it finds.

    Progress (pages, reports, sites done) shows on stderr when it is a terminal. Exit 3 when a site could
    not be crawled (the reasons are printed); SIGTERM or Ctrl-C stops the crawl, keeping what was archived.
    With --redis the workers crawl; the runs are closed here, as without."""
    from monitor.crawling.job import CrawlRequestError, crawl_now, print_summary, stop_on_signals
    from monitor.watchlist import merged_config

    config = merged_config(_config(obj.config_option), obj.engine)
    if not config.sites and not start_urls:
        _config(obj.config_option, required=True)     # no config and no watched site: say how to give one
    paused = sorted(config.paused.intersection(sites))
    if paused:
        raise click.ClickException(f"网站 {'、'.join(paused)} 已暂停（gxmon sites resume {paused[0]} 恢复监测）")
    with stop_on_signals() as stopping:
        try:
            result = crawl_now(obj.engine, obj.store, config, site_ids=list(sites), start_urls=list(start_urls),
                               send_mail=not no_mail, progress=True, stop=stopping, redis_url=redis_url)
        except CrawlRequestError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            output.say("抓取已停止；本次抓取批次记为中断", err=True)
            sys.exit(128 + (stopping.signum or signal.SIGINT))
    print_summary(result)
    if stopping.is_set():
        output.say("抓取在完成前停止", err=True)
        sys.exit(128 + stopping.signum)
    if result.failed:
        sys.exit(EXIT_SITES_FAILED)


@main.command()
@config_option
@archive_options
@click.pass_obj
def run(obj: Context) -> None:
    """The scheduler: every site on its cron schedule, mail after each crawl, until SIGTERM/Ctrl-C."""
    from monitor.crawling.scheduler import run_scheduler
    from monitor.watchlist import merged_config

    config = _config(obj.config_option, required=True)
    if not any(site.schedule for site in merged_config(config, obj.engine).crawlable_sites):
        raise click.ClickException(f"{config.path}：没有任何网站设置了 schedule，无事可做"
                                   '（请给网站写 schedule = "0 6 * * *"，或用 gxmon crawl）')
    run_scheduler(obj.db, obj.store_dir, config)


@main.command()
@click.option("--redis", "redis_url", metavar="URL", required=True, help="The Redis of the queue (redis://HOST:PORT/N).")
@archive_options
@click.option("--parallel", default=2, show_default=True, type=click.IntRange(1), help="Sites crawled at once.")
@click.option("--lease", "lease_seconds", default=60.0, show_default=True, type=click.FloatRange(1),
              help="Seconds after which a silent worker's site is given to another worker.")
@click.option("--exit-when-idle", "idle_exit_seconds", type=click.FloatRange(0), default=None,
              help="Stop once the queue has been empty this many seconds (default: run until stopped).")
@click.pass_obj
def worker(obj: Context, redis_url: str, parallel: int, lease_seconds: float,
           idle_exit_seconds: float | None) -> None:
    """Crawl sites from the shared queue into the archive until SIGTERM/Ctrl-C (their sites go back on the
    queue). Start as many as the machines allow; `gxmon crawl --redis URL` puts sites on the queue.

    --db and --store default to the archive and folder each crawl names; give them when this machine reaches
    the database by another address or mounts the shared folder elsewhere."""
    from monitor.crawling.job import stop_on_signals
    from monitor.crawling.queue import QueueError
    from monitor.crawling.worker import WorkerOptions, run_worker

    options = WorkerOptions(redis_url, database_url(obj.db_option) if obj.db_option else None, obj.store_option,
                            parallel, lease_seconds, idle_exit_seconds)
    with stop_on_signals() as stopping:
        try:
            report = run_worker(options, stopping)
        except QueueError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            sys.exit(128 + (stopping.signum or signal.SIGINT))
    output.say(f"worker: {len(report.done)} sites crawled, {len(report.given_back)} put back on the queue, "
               f"{len(report.lost)} taken back from it", err=True)
    if stopping.is_set():
        sys.exit(128 + stopping.signum)


@main.command()
@config_option
@archive_options
@click.pass_obj
def send(obj: Context) -> None:
    """Send the alert mails that are due now (crawls do this by themselves)."""
    from monitor.alerts.delivery import deliver
    from monitor.watchlist import merged_config

    report = deliver(obj.archive, merged_config(_config(obj.config_option), obj.archive))
    click.echo(f"已发送 {len(report.sent)}，失败 {len(report.failed)}，等待重试 {report.waiting}")
    for delivery_id, error in report.failed:
        output.say(f"  投递 #{delivery_id}：{error}", err=True)


@main.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False), default="gxmon-demo",
              help="Where to leave the archive and the mails.")
def demo(folder: str) -> None:
    """The whole job on this machine: simulated site, two crawls, a revision, a withdrawal, the mails."""
    from monitor.demo import run_demo

    run_demo(Path(folder))


@main.command()
@config_option
@archive_options
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, type=int, show_default=True)
@click.option("--max-connections", type=click.IntRange(1),
              help="Open connections at most; one more closes the one longest without a request [4096].")
@click.option("--head-timeout", type=click.FloatRange(0.1), help="Seconds a client has to send a request, head and body [20].")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes: one answers on one core; give as many as the cores the server may use.")
@click.pass_obj
def serve(obj: Context, host: str, port: int, max_connections: int | None, head_timeout: float | None,
          workers: int) -> None:
    """The web pages for browsing the archive (read-only unless the config sets `[web] writes = true`:
    then users added by `gxmon users add` log in to acknowledge, resolve and mute), with limits a slow
    client cannot wear out."""
    from monitor.web.server import ServerLimits, serve as run_server

    try:
        check_archive(obj.db)
        config = _config(obj.config_option)
    except ArchiveMissing as exc:
        raise click.ClickException(str(exc)) from exc
    arguments = {"db_url": obj.db, "store": str(obj.store_dir), "writes": config.web_writes, "zone": config.timezone}
    given = {"max_connections": max_connections, "head_timeout": head_timeout}
    run_server(arguments, host, port, ServerLimits(**{name: value for name, value in given.items() if value is not None}),
               workers)


# -- queries --------------------------------------------------------------------------------------------

@main.command()
@archive_options
@click.option("--year", type=int)
@click.option("--agency", help="Part of the agency name.")
@click.option("--site")
@click.option("--failing", is_flag=True, help="Only reports whose current version has errors.")
@click.option("--format", "fmt", type=FORMATS, default="table")
@click.pass_obj
def reports(obj: Context, year: int | None, agency: str | None, site: str | None, failing: bool, fmt: str) -> None:
    """List reports: id, agency, year, URL, versions, latest fetch, error and warning counts."""
    with obj.session() as s:
        rows = queries.list_reports(s, year=year, agency=agency, site=site, failing=failing)
    if fmt == "json":
        output.print_json(rows)
    elif fmt == "csv":
        output.print_csv(rows, ["id", "site", "agency", "year", "url", "status", "versions", "latest_fetch",
                                "errors", "warnings", "title", "same_as"])
    else:
        zone = obj.zone
        output.print_table(f"{len(rows)}份报告",
                           ["编号", "报告与网址", "状态", "版本", "错误", "警告", f"最近抓取（{zone_label(zone)}）"],
                           [(r.id, f"{r.agency or '?'} {r.year or '?'}\n{r.url or ''}", STATUS_NAMES.get(r.status, r.status),
                             r.versions, r.errors, r.warnings, local_time(r.latest_fetch, zone, labelled=False))
                            for r in rows],
                           long=("报告与网址",))


@main.command()
@archive_options
@click.argument("report")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def history(obj: Context, report: str, fmt: str) -> None:
    """The versions of REPORT (its id or URL): first and last seen, digest, what changed."""
    with obj.session() as s:
        try:
            found = queries.report_history(s, report)
        except queries.NotFound as exc:
            raise click.ClickException(str(exc)) from None
    if fmt == "json":
        output.print_json(found)
        return
    r, zone = found.report, obj.zone
    output.say((f"#{r.id} {r.agency or ''} {r.year or ''}", "bold"),
               f"（{r.site}，{STATUS_NAMES.get(r.status, r.status)}）{r.url or ''}")
    if r.same_as is not None:
        output.say(f"与报告 #{r.same_as} 是同一文档（先从另一网站存档）")
    output.print_table(None, ["版本", f"首次/最近见到（{zone_label(zone)}）", "摘要", "错误", "变化"],
                       [(v.version, f"{local_time(v.first_seen, zone, labelled=False)}\n"
                                    f"{local_time(v.last_seen, zone, labelled=False)}",
                         v.digest[:12], v.errors, "\n".join(f"{CHANGE_NAMES.get(c.kind, c.kind)}：{c.summary}"
                                                            for c in v.changes)) for v in found.versions],
                       long=("变化",))
    for event in found.events:
        output.say(f"{local_time(event.detected_at, zone)} {CHANGE_NAMES.get(event.kind, event.kind)}：{event.summary}")


@main.command()
@archive_options
@click.argument("version_a", type=int)
@click.argument("version_b", type=int)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def diff(obj: Context, version_a: int, version_b: int, fmt: str) -> None:
    """The figures (cell path, old, new) and the prose that differ between two versions.

    Two versions of one report show its revision. Versions of two reports (a repost on another site, another
    year) are compared too, with a warning on stderr and at the top of the table: their differences are not a
    revision (JSON: "same_report": false)."""
    with obj.session() as s:
        try:
            found = queries.version_diff(s, obj.store, version_a, version_b)
        except queries.NotFound as exc:
            raise click.ClickException(str(exc)) from None
    if not found.same_report:
        a, b = found.a, found.b
        warning = (f"版本 {a.id} 和 {b.id} 属于两份不同的报告：#{a.report_id} {a.agency or '?'} {a.year or '?'}"
                   f"（{a.site}）与 #{b.report_id} {b.agency or '?'} {b.year or '?'}（{b.site}），它们的差异不是修改")
        output.say(("注意：", "bold red"), warning, err=True, soft_wrap=True)
    if fmt == "json":
        output.print_json({"a": found.a, "b": found.b, "same_report": found.same_report, **found.diff.to_dict()})
        return
    d = found.diff
    if not found.same_report:
        output.say(f"不是修改：{warning}", style="bold red", soft_wrap=True)
    output.say(f"版本 {found.a.id} → {found.b.id}：{len(d.figures)}处数字、{len(d.text)}节正文不同")
    for m in d.meta:
        output.say(f"{META_NAMES.get(m.cell, m.cell)}：{m.old} → {m.new}")
    if d.figures:
        output.print_table("数字", ["单元格", "名称", "原数值", "新数值"],
                           [(c.cell, cell_label(c.cell), c.old, c.new) for c in d.figures], long=("名称",))
    for section in section_diffs(found.a_document, found.b_document, context=CLI_PROSE_CONTEXT):
        output.say("")
        output.say((section.name, "bold"))
        output.say(*((p.text, PIECE_STYLES[p.kind]) for p in section.pieces))


@main.command()
@archive_options
@click.option("--severity", type=click.Choice(queries.SEVERITIES))
@click.option("--rule")
@click.option("--site")
@click.option("--format", "fmt", type=FORMATS, default="table")
@click.pass_obj
def findings(obj: Context, severity: str | None, rule: str | None, site: str | None, fmt: str) -> None:
    """Findings of the current version of every report."""
    with obj.session() as s:
        rows = queries.list_findings(s, severity=severity, rule=rule, site=site)
    if fmt == "json":
        output.print_json(rows)
    elif fmt == "csv":
        output.print_csv(rows, ["report_id", "version_id", "agency", "year", "rule", "severity", "message", "cells",
                                "url"])
    else:
        output.print_table(f"{len(rows)}项问题", ["报告", "级别", "规则", "说明"],
                           [(f"#{f.report_id} {f.agency or '?'} {f.year or '?'}", SEVERITY_NAMES.get(f.severity, f.severity),
                             f"{rule_name(f.rule)}\n{f.rule}", f.message) for f in rows], long=("报告", "说明"))


@main.command()
@config_option
@archive_options
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "xlsx"]), required=True)
@click.option("--out", type=click.Path(), default=None,
              help="File to write, or a folder (existing, or ending in /): one file per template version.")
@click.option("--since", help="Versions first seen since: 7d, 12h, 2w, or a date 2026-11-01.")
@click.option("--year", type=int)
@click.option("--site")
@click.option("--agency", help="Part of the agency name.")
@click.option("--template", type=click.Choice(["v2021", "v2019"]), help="Only versions of this template.")
@click.option("--keys", is_flag=True, help="English keys (cell paths) as headers instead of the Chinese names.")
@click.pass_obj
def export(obj: Context, fmt: str, out: str | None, since: str | None, year: int | None, site: str | None,
           agency: str | None, template: str | None, keys: bool) -> None:
    """One row (or object) per report version with every figure: CSV (UTF-8 BOM, Chinese headers), JSON Lines,
    or an Excel workbook (.xlsx, a sheet per template version)."""
    from monitor.export import ExportFilter, ExportRequest, export as write
    from monitor.periods import parse_since

    config = _config(obj.config_option)
    try:
        since_time = parse_since(since, config.timezone) if since else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    to_folder = bool(out) and (out.endswith(("/", "\\")) or Path(out).is_dir())
    if fmt == "xlsx" and not out:
        raise click.UsageError("--format xlsx 需要 --out 文件或文件夹")
    request = ExportRequest(fmt, Path(out) if out else None, to_folder,
                            ExportFilter(since_time, year, site, agency, template), config.timezone,
                            config.web_base_url, keys)
    with obj.session() as s:     # first: a missing archive leaves no output file behind
        written = write(s, obj.store, request)
    for name, count in written.items():
        click.echo(f"{name}: {count} versions exported", err=True)


# -- commands in their own modules (they import this one's Context and options) ------------------------------

def _register() -> None:
    from monitor.cli_changes import changes
    from monitor.cli_import import import_command
    from monitor.cli_sites import sites
    from monitor.cli_triage import COMMANDS as TRIAGE_COMMANDS

    sites.add_command(import_command)
    for command in (changes, sites, *TRIAGE_COMMANDS):
        main.add_command(command)


_register()


def console_script() -> None:
    """The ``gxmon`` console script: ``main``, its process's heap moved out of the garbage collector's way on the
    way out (``gc.freeze``): the exit no longer collects the ~120,000 objects of the imported modules, which die
    with the process (2.9 to 3.8 s of a ``gxmon`` process's exit on a loaded machine, 0.3 s frozen)."""
    try:
        main()
    finally:
        gc.freeze()

"""``gxmon``: crawl, archive, alert, query (shared/spec/cli.md)."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from monitor import output

from monitor.archive import queries
from monitor.config import DEFAULT_CONFIG, ConfigError, MonitorConfig, load_config
from monitor.archive.db import database_url, default_store, open_engine
from monitor.labels import CHANGE_NAMES, SECTION_NAMES, cell_label
from monitor.archive.store import BlobStore

FORMATS = click.Choice(["table", "json", "csv"])


@dataclass
class Context:
    db: str
    store_dir: Path
    _engine: object = None

    @property
    def engine(self):  # noqa: ANN201 (Engine)
        if self._engine is None:
            self._engine = open_engine(self.db)
        return self._engine

    @property
    def store(self) -> BlobStore:
        return BlobStore(self.store_dir)

    def session(self):  # noqa: ANN201 (Session)
        from monitor.archive.db import session

        return session(self.engine)


def _config(path: str | None, required: bool = False) -> MonitorConfig:
    if path is None and Path(DEFAULT_CONFIG).exists():
        path = DEFAULT_CONFIG
    if path is None:
        if required:
            raise click.UsageError(f"no config: give --config FILE (or create {DEFAULT_CONFIG})")
        return MonitorConfig()
    try:
        return load_config(path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.option("--db", envvar="GXMON_DB", default=None, help="Archive database URL (default: sqlite gxmon.db).")
@click.option("--store", "store_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of raw documents (default: gxmon-store/ beside a SQLite file).")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.pass_context
def main(ctx: click.Context, db: str | None, store_dir: str | None, verbose: int) -> None:
    """gxmon: watch 政府信息公开工作年度报告 — crawl, archive, alert, query."""
    logging.basicConfig(level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)], stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    url = database_url(db)
    ctx.obj = Context(url, Path(store_dir) if store_dir else default_store(url))


# -- crawling -------------------------------------------------------------------------------------------

@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help=f"Site config (default: {DEFAULT_CONFIG} if present).")
@click.option("--site", "sites", multiple=True, help="Crawl only this site id (repeatable).")
@click.option("--start-url", "start_urls", multiple=True, help="Crawl the site of this URL (repeatable).")
@click.option("--no-mail", is_flag=True, help="Archive and queue alerts, but do not send mail now.")
@click.pass_obj
def crawl(obj: Context, config_path: str | None, sites: tuple[str, ...], start_urls: tuple[str, ...],
          no_mail: bool) -> None:
    """Run one crawl now and archive what it finds."""
    from monitor.crawling.job import CrawlRequestError, crawl_now, print_summary

    config = _config(config_path, required=not start_urls)
    try:
        result = crawl_now(obj.engine, obj.store, config, site_ids=list(sites), start_urls=list(start_urls),
                           send_mail=not no_mail)
    except CrawlRequestError as exc:
        raise click.ClickException(str(exc)) from None
    print_summary(result)


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help=f"Site config (default: {DEFAULT_CONFIG}).")
@click.pass_obj
def run(obj: Context, config_path: str | None) -> None:
    """The scheduler: every site on its cron schedule, mail after each crawl, until SIGTERM/Ctrl-C."""
    from monitor.crawling.scheduler import run_scheduler

    config = _config(config_path, required=True)
    run_scheduler(obj.db, obj.store_dir, config)


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help=f"Mail settings and routing (default: {DEFAULT_CONFIG}).")
@click.pass_obj
def send(obj: Context, config_path: str | None) -> None:
    """Send the alert mails that are due now (crawls do this by themselves)."""
    from monitor.alerts.delivery import deliver

    report = deliver(obj.engine, _config(config_path))
    click.echo(f"{len(report.sent)} sent, {len(report.failed)} failed, {report.waiting} waiting for a retry")
    for delivery_id, error in report.failed:
        click.echo(f"  mail #{delivery_id}: {error}", err=True)


@main.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False), default="gxmon-demo",
              help="Where to leave the archive and the mails.")
def demo(folder: str) -> None:
    """The whole job on this machine: simulated site, two crawls, a revision, a withdrawal, the mails."""
    from monitor.demo import run_demo

    run_demo(Path(folder))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, type=int, show_default=True)
@click.pass_obj
def serve(obj: Context, host: str, port: int) -> None:
    """The web pages for browsing the archive (read-only)."""
    import uvicorn

    from monitor.web.app import create_app
    from monitor.web.readonly import ArchiveMissing

    try:
        app = create_app(obj.db, obj.store_dir)
    except ArchiveMissing as exc:
        raise click.ClickException(str(exc)) from exc
    uvicorn.run(app, host=host, port=port)


# -- queries --------------------------------------------------------------------------------------------

@main.command()
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
                                "errors", "warnings", "title"])
    else:
        output.print_table(f"{len(rows)} reports", ["id", "agency", "year", "URL", "status", "versions",
                                                    "latest fetch", "errors", "warnings"],
                           [(r.id, r.agency, r.year, r.url, r.status, r.versions, output.short_time(r.latest_fetch),
                             r.errors, r.warnings) for r in rows])


@main.command()
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
    r = found.report
    output.console().print(f"[bold]#{r.id} {r.agency or ''} {r.year or ''}[/bold] ({r.status}) {r.url or ''}",
                         markup=True, highlight=False)
    output.print_table(None, ["version", "first seen", "last seen", "digest", "errors", "changed"],
                       [(v.version, output.short_time(v.first_seen), output.short_time(v.last_seen),
                         v.digest[:12], v.errors, "\n".join(f"{CHANGE_NAMES.get(c.kind, c.kind)}: {c.summary}"
                                                            for c in v.changes)) for v in found.versions])
    for event in found.events:
        output.console().print(f"{output.short_time(event.detected_at)} {CHANGE_NAMES.get(event.kind, event.kind)}："
                             f"{event.summary}", highlight=False, markup=False)


@main.command()
@click.argument("version_a", type=int)
@click.argument("version_b", type=int)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def diff(obj: Context, version_a: int, version_b: int, fmt: str) -> None:
    """The figures (cell path, old, new) and the prose that differ between two versions."""
    with obj.session() as s:
        try:
            found = queries.version_diff(s, obj.store, version_a, version_b)
        except queries.NotFound as exc:
            raise click.ClickException(str(exc)) from None
    if fmt == "json":
        output.print_json({"a": found.a, "b": found.b, **found.diff.to_dict()})
        return
    d = found.diff
    output.console().print(f"version {found.a.id} → {found.b.id}: {len(d.figures)} figures, "
                         f"{len(d.text)} prose sections changed", highlight=False)
    for m in d.meta:
        output.console().print(f"{m.cell}: {m.old} → {m.new}", highlight=False, markup=False)
    if d.figures:
        output.print_table("figures", ["cell", "label", "old", "new"],
                           [(c.cell, cell_label(c.cell), c.old, c.new) for c in d.figures])
    for t in d.text:
        output.console().print(f"\n[bold]{SECTION_NAMES.get(t.section, t.section)}[/bold]", markup=True)
        for line in t.diff:
            style = "green" if line.startswith("+") else "red" if line.startswith("-") else "dim"
            output.console().print(line, style=style, markup=False, highlight=False)


@main.command()
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
        output.print_csv(rows, ["report_id", "version_id", "agency", "year", "rule", "severity", "message", "cells"])
    else:
        output.print_table(f"{len(rows)} findings", ["report", "agency", "year", "severity", "rule", "message"],
                           [(f.report_id, f.agency, f.year, f.severity, f.rule, f.message) for f in rows])


@main.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), required=True)
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="File to write (default: stdout).")
@click.pass_obj
def export(obj: Context, fmt: str, out: str | None) -> None:
    """One row (or object) per report version with every figure."""
    from monitor.export import write_export

    handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        with obj.session() as s:
            count = write_export(s, obj.store, fmt, handle)
    finally:
        if out:
            handle.close()
    click.echo(f"{count} versions exported", err=True)

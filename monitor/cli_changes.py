"""``gxmon changes``: what changed in a period (``--since 7d``, ``--since 2026-11-01``), by site, agency, kind."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

import click

from monitor import output
from monitor.archive.changes import KIND_FILTER_NAMES, ChangeFilter, ChangeRow, InvalidChangeFilter, list_changes
from monitor.cli import FORMATS, Context, archive_options, config_option
from monitor.cli import _config as read_config
from monitor.labels import CHANGE_NAMES
from monitor.periods import PeriodError, parse_moment, parse_since
from monitor.timeutil import in_zone, local_time, zone_label

CSV_COLUMNS = ("id", "detected_at", "site", "report_id", "agency", "year", "kind", "kind_name", "summary",
               "from_version", "to_version", "errors", "url", "title", "run_id")


def change_record(row: ChangeRow, zone: str) -> dict[str, Any]:
    """A change for JSON and CSV: its fields, the kind's Chinese name, the time in the configured zone with
    its offset (the same instant as the archive's UTC)."""
    return {**asdict(row), "detected_at": in_zone(row.detected_at, zone).isoformat(),
            "kind_name": CHANGE_NAMES.get(row.kind, row.kind)}


def _period(since: str, until: str | None, zone: str) -> tuple[datetime, datetime | None]:
    try:
        return parse_since(since, zone), parse_moment(until, zone, end_of_day=True) if until else None
    except PeriodError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@config_option
@archive_options
@click.option("--since", default="7d", show_default=True,
              help="A span before now (7d, 12h, 2w) or a date (2026-11-01, midnight in the configured zone).")
@click.option("--until", help="Up to and including this date (2026-11-30), or a date and time.")
@click.option("--site", help="Only this site id.")
@click.option("--agency", help="Part of the agency name.")
@click.option("--kind", "kinds", multiple=True,
              help=f"Only this kind (repeatable): {', '.join(KIND_FILTER_NAMES)} (or figures, text, new).")
@click.option("--limit", type=click.IntRange(1, 1000), help="At most this many, newest first.")
@click.option("--format", "fmt", type=FORMATS, default="table")
@click.pass_obj
def changes(obj: Context, since: str, until: str | None, site: str | None, agency: str | None,
            kinds: tuple[str, ...], limit: int | None, fmt: str) -> None:
    """What changed since a time: revisions, withdrawals, new and failing reports, newest first."""
    zone = read_config(obj.config_option).timezone
    start, end = _period(since, until, zone)
    try:
        f = ChangeFilter(since=start, until=end, site=site, agency=agency, kinds=kinds)
    except InvalidChangeFilter as exc:
        raise click.BadParameter(str(exc), param_hint="--kind") from None
    with obj.session() as s:
        rows = list_changes(s, f, limit=limit)
    if fmt == "json":
        output.print_json([change_record(r, zone) for r in rows])
    elif fmt == "csv":
        output.print_csv([change_record(r, zone) for r in rows], CSV_COLUMNS)
    else:
        label = zone_label(zone)
        period = f"{local_time(start, zone, labelled=False)} 起" + (f"至 {local_time(end, zone, labelled=False)}" if end else "至今")
        output.print_table(f"{len(rows)} 项变化（{period}，{label}）", ["时间", "报告", "变化", "说明"],
                           [(local_time(r.detected_at, zone, labelled=False), f"#{r.report_id} {r.agency or '?'} {r.year or '?'}",
                             CHANGE_NAMES.get(r.kind, r.kind) + ("（有错误）" if r.errors else ""), r.summary)
                            for r in rows], long=("报告", "说明"))

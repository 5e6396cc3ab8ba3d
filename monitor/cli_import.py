"""``gxmon sites import FILE.csv``: a province's watch list into the config (``monitor.watchlist_csv``)."""

from __future__ import annotations

from pathlib import Path

import click

from monitor import output
from monitor.cli import Context, config_option
from monitor.config import DEFAULT_CONFIG, ConfigError
from monitor.watchlist_csv import WatchListFileError, import_into_config, read_watch_list


@click.command("import")
@config_option
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def import_command(obj: Context, file: str) -> None:
    """Add every website of FILE (CSV: 网站名称, 首页网址, 所属地区, 网站标识码, 告警邮箱) the config does not
    watch yet, as a [[site]] of the config (created if need be); a site's id is its 网站标识码, else its host."""
    config = Path(obj.config_option or DEFAULT_CONFIG)
    try:
        result = import_into_config(config, read_watch_list(file))
    except (WatchListFileError, ConfigError) as exc:
        raise click.ClickException(str(exc)) from None
    output.say(f"{len(result.added)} sites added to {config}, {len(result.already)} watched already")
    for entry, known in result.already:
        output.say(f"  row {entry.row}: {entry.name} is watched already as {known}")

"""Triage from the command line: ``gxmon ack``, ``resolve``, ``reopen``, ``mute``, ``unmute``, ``triage`` (what has
been dealt with) and ``users`` (who may triage on the web pages)."""

from __future__ import annotations

import getpass
import os
import sys

import click
from sqlmodel import col, select

from monitor import output
from monitor.archive import triage
from monitor.archive.models import ACKNOWLEDGED, RESOLVED, Mute, Triage, WebUser
from monitor.cli import Context, archive_options
from monitor.cli import _config as read_config
from monitor.timeutil import local_time, zone_label
from monitor.archive.users import PasswordError, add_user, remove_user

ACTOR_HELP = "Who did it (default: $GXMON_USER, else the login name)."


def _actor(by: str | None) -> str:
    name = (by or os.environ.get("GXMON_USER") or getpass.getuser()).strip()
    if not name:
        raise click.BadParameter("需要处理人的名字", param_hint="--by")
    return name[:100]


def _act(obj: Context, refs: tuple[str, ...], action, done: str) -> None:  # noqa: ANN001 (a triage function)
    with obj.session() as s:
        try:
            items = [action(s, ref) for ref in refs]
        except triage.TriageError as exc:
            raise click.ClickException(str(exc)) from None
        s.commit()
    for item in items:
        output.say(f"{item.ref}（报告 #{item.report_id}，{item.label}）{done}")


@click.command()
@archive_options
@click.argument("items", nargs=-1, required=True)
@click.option("--note", help="Why, or what was done.")
@click.option("--by", help=ACTOR_HELP)
@click.pass_obj
def ack(obj: Context, items: tuple[str, ...], note: str | None, by: str | None) -> None:
    """Acknowledge findings (F123) or changes (C12): seen, still open; digests stop repeating them."""
    actor = _actor(by)
    _act(obj, items, lambda s, ref: triage.set_state(s, ref, ACKNOWLEDGED, actor, note, "cli"), "已确认")


@click.command()
@archive_options
@click.argument("items", nargs=-1, required=True)
@click.option("--note", required=True, help="What was done (required).")
@click.option("--by", help=ACTOR_HELP)
@click.pass_obj
def resolve(obj: Context, items: tuple[str, ...], note: str, by: str | None) -> None:
    """Resolve findings (F123) or changes (C12) with a note: dealt with."""
    actor = _actor(by)
    _act(obj, items, lambda s, ref: triage.set_state(s, ref, RESOLVED, actor, note, "cli"), "已解决")


@click.command()
@archive_options
@click.argument("items", nargs=-1, required=True)
@click.option("--note")
@click.option("--by", help=ACTOR_HELP)
@click.pass_obj
def reopen(obj: Context, items: tuple[str, ...], note: str | None, by: str | None) -> None:
    """Undo an acknowledgement or resolution: the items are open again."""
    actor = _actor(by)
    _act(obj, items, lambda s, ref: triage.reopen(s, ref, actor, note, "cli"), "已重新打开")


@click.command()
@archive_options
@click.option("--rule", help="A rule code (s3.balance).")
@click.option("--agency", help="An agency's full name as the archive has it.")
@click.option("--report", "report_id", type=int, help="A report id.")
@click.option("--note", help="Why.")
@click.option("--by", help=ACTOR_HELP)
@click.pass_obj
def mute(obj: Context, rule: str | None, agency: str | None, report_id: int | None, note: str | None,
         by: str | None) -> None:
    """Mute a rule, an agency or a report (or a combination: all given must match); digests leave them out."""
    actor = _actor(by)
    with obj.session() as s:
        try:
            row = triage.add_mute(s, rule=rule, agency=agency, report_id=report_id, actor=actor, note=note,
                                  origin="cli")
        except triage.TriageError as exc:
            raise click.ClickException(str(exc)) from None
        s.commit()
        output.say(f"屏蔽 #{row.id}：{triage.describe_mute(s, row)}")


@click.command()
@archive_options
@click.argument("mute_id", type=int)
@click.option("--by", help=ACTOR_HELP)
@click.pass_obj
def unmute(obj: Context, mute_id: int, by: str | None) -> None:
    """Lift mute MUTE_ID (see `gxmon triage`)."""
    actor = _actor(by)
    with obj.session() as s:
        try:
            triage.remove_mute(s, mute_id, actor, "cli")
        except triage.TriageError as exc:
            raise click.ClickException(str(exc)) from None
        s.commit()
    output.say(f"屏蔽 #{mute_id} 已取消")


@click.command("triage")
@archive_options
@click.option("--limit", type=click.IntRange(1, 1000), default=30, show_default=True,
              help="Actions of the audit trail shown.")
@click.option("--open", "open_", is_flag=True,
              help="Instead: every error that stands now, with its F id and what was done about it.")
@click.option("--site", help="With --open: only this site's reports.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def triage_list(obj: Context, limit: int, open_: bool, site: str | None, fmt: str) -> None:
    """What has been dealt with: acknowledged and resolved items, mutes, and the latest actions."""
    if open_:
        _open_errors(obj, site, fmt)
        return
    zone = read_config(obj.config_option).timezone
    with obj.session() as s:
        states = s.exec(select(Triage).order_by(col(Triage.at).desc())).all()
        mutes = [(m.id, triage.describe_mute(s, m), m.actor, m.created_at) for m in
                 s.exec(select(Mute).order_by(col(Mute.id)))]
        actions = triage.recent_actions(s, limit)
    if fmt == "json":
        output.print_json({"items": [{"report_id": t.report_id, "item": t.item, "state": t.state, "note": t.note,
                                      "by": t.actor, "at": t.at} for t in states],
                           "mutes": [{"id": i, "what": what, "by": by, "at": at} for i, what, by, at in mutes],
                           "actions": actions})
        return
    label = zone_label(zone)
    output.print_table(f"{len(states)} 项已处理", ["报告", "项目", "状态", "处理人", f"时间（{label}）", "说明"],
                       [(f"#{t.report_id}", t.item, triage.STATE_NAMES.get(t.state, t.state), t.actor,
                         local_time(t.at, zone, labelled=False), t.note or "") for t in states], long=("项目", "说明"))
    output.print_table(f"{len(mutes)} 项屏蔽", ["编号", "屏蔽", "处理人", f"时间（{label}）"],
                       [(i, what, by, local_time(at, zone, labelled=False)) for i, what, by, at in mutes], long=("屏蔽",))
    output.print_table("最近的处理记录", [f"时间（{label}）", "处理人", "操作", "报告", "说明"],
                       [(local_time(a.at, zone, labelled=False), a.actor, triage.ACTION_NAMES.get(a.action, a.action),
                         f"#{a.report_id} {a.agency or ''} {a.year or ''}" if a.report_id else "",
                         " ".join(p for p in (a.item, a.note) if p)) for a in actions], long=("报告", "说明"))


def _open_errors(obj: Context, site: str | None, fmt: str) -> None:
    with obj.session() as s:
        rows = triage.open_errors(s, site)
    if fmt == "json":
        output.print_json(rows)
        return
    waiting = sum(1 for r in rows if r.state is None and not r.muted)
    output.print_table(f"{len(rows)} 项错误，{waiting} 项未处理", ["编号", "报告", "处理", "规则", "说明"],
                       [(r.ref, f"#{r.report_id} {r.agency or '?'} {r.year or '?'}",
                         "已屏蔽" if r.muted else triage.STATE_NAMES.get(r.state, "未处理"), r.rule, r.message)
                        for r in rows], long=("报告", "说明"))


@click.group()
def users() -> None:
    """Who may triage on the web pages (when `[web] writes = true`)."""


@users.command("add")
@archive_options
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (one line).")
@click.pass_obj
def users_add(obj: Context, name: str, password_stdin: bool) -> None:
    """Add user NAME, or set a new password (asked for twice, unless --password-stdin)."""
    password = (sys.stdin.readline().rstrip("\n") if password_stdin
                else click.prompt("密码", hide_input=True, confirmation_prompt="再输入一次"))
    with obj.session() as s:
        try:
            add_user(s, name, password)
        except PasswordError as exc:
            raise click.ClickException(str(exc)) from None
        s.commit()
    output.say(f"用户 {name} 已保存")


@users.command("list")
@archive_options
@click.pass_obj
def users_list(obj: Context) -> None:
    with obj.session() as s:
        for user in s.exec(select(WebUser).order_by(col(WebUser.name))):
            output.say(user.name)


@users.command("remove")
@archive_options
@click.argument("name")
@click.pass_obj
def users_remove(obj: Context, name: str) -> None:
    with obj.session() as s:
        if not remove_user(s, name):
            raise click.ClickException(f"没有用户 {name}")
        s.commit()
    output.say(f"用户 {name} 已删除")


COMMANDS = (ack, resolve, reopen, mute, unmute, triage_list, users)

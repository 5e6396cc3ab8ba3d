"""The Atom feed of changes (RFC 4287), written by feedgen: one entry per change, newest first.

Entry ids are the change's own URL on this server (``…/reports/7#change-12``): permanent, since a change is
never renumbered, and unique per change. Text from the archive goes into the feed as text elements, which
feedgen escapes; no entry carries HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from feedgen.feed import FeedGenerator

from monitor.archive.changes import ChangeRow
from monitor.labels import CHANGE_NAMES
from monitor.timeutil import in_zone, utcnow

ATOM_TYPE = "application/atom+xml"


def change_link(base: str, row: ChangeRow) -> str:
    """Where a person reads the change: the comparison of its two versions, else the version it made, else
    the report."""
    if row.from_version and row.to_version:
        return f"{base}/diff/{row.from_version}/{row.to_version}"
    if row.to_version:
        return f"{base}/versions/{row.to_version}"
    return f"{base}/reports/{row.report_id}"


def entry_title(row: ChangeRow) -> str:
    name = CHANGE_NAMES.get(row.kind, row.kind)
    report = f"{row.agency or '报告 %d' % row.report_id}{f' {row.year}年' if row.year else ''}"
    return f"{report}：{name}" + ("（有错误）" if row.errors else "")


def changes_feed(rows: Sequence[ChangeRow], *, base: str, self_url: str, page_url: str, title: str,
                 zone: str, now: datetime | None = None) -> bytes:
    """The feed at ``self_url`` of ``rows`` (newest first), linking to ``page_url`` (the same filter as a
    page) and to each change's page under ``base``; times with the offset of ``zone``."""
    feed = FeedGenerator()
    feed.id(self_url)
    feed.title(title)
    feed.subtitle("政府信息公开工作年度报告的修改、撤回、新发布与校验错误")
    feed.author({"name": "gxmon"})
    feed.language("zh-CN")
    feed.link(href=self_url, rel="self", type=ATOM_TYPE)
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.generator("gxmon")
    feed.updated(in_zone(rows[0].detected_at, zone) if rows else in_zone(now or utcnow(), zone))
    for row in rows:
        entry = feed.add_entry(order="append")
        entry.id(f"{base}/reports/{row.report_id}#change-{row.id}")
        entry.title(entry_title(row))
        entry.link(href=change_link(base, row), rel="alternate", type="text/html")
        entry.updated(in_zone(row.detected_at, zone))
        entry.published(in_zone(row.detected_at, zone))
        entry.category(term=row.kind, label=CHANGE_NAMES.get(row.kind, row.kind))
        entry.summary(f"{row.summary}（站点 {row.site}）" if row.summary else f"站点 {row.site}")
    return feed.atom_str(pretty=True)

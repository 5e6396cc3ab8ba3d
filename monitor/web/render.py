"""The Jinja2 environment of the pages: autoescaping everywhere, and the filters that put data into Chinese.

Every value from the archive (titles, agency names, URLs, messages) comes from the web, so autoescaping
is on for every template whatever its name; no template marks a value safe. The official tables are written
in Python (``monitor.web.tablehtml``), each value escaped by ``markupsafe.escape`` as autoescaping would.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from starlette.templating import Jinja2Templates

from monitor.labels import (
    CHANGE_NAMES, REFUSAL_NAMES, RUN_STATUS_NAMES, SECTION_NAMES, SEVERITY_NAMES, STATUS_NAMES, cell_label, rule_explanation,
    rule_name,
)
from monitor.prose import as_published
from monitor.timeutil import DEFAULT_ZONE, in_zone, zone_label
from monitor.web.auth import login_state
from monitor.web.chart import SERIES_NAMES

TEMPLATES = Path(__file__).parent / "templates"

NO_TIME = "—"
DATE_LENGTH, TIME_LENGTH = len("2026-12-04"), len("2026-12-04 17:30")
SORT_NAMES = {"year": "年度", "agency": "机构", "errors": "错误数", "warnings": "警告数", "versions": "版本数",
              "fetched": "最近抓取", "first_seen": "首次发现", "id": "编号"}
OUTCOME_NAMES = {"new_version": "新版本", "unchanged": "未变", "not_modified": "未修改(304)", "gone": "已删除",
                 "error": "错误"}


def zone(context: Context) -> str:
    """The configured time zone of the app serving the page (``create_app(zone=…)``)."""
    request = context.get("request")
    return getattr(request.app.state, "zone", DEFAULT_ZONE) if request is not None else DEFAULT_ZONE


def shown_time(value: datetime | None, zone: str, with_time: bool = True) -> str:
    """``monitor.timeutil.local_time(value, zone, labelled=False, with_time=with_time, empty="—")``, written
    by ``isoformat`` at a third of the cost of its ``strftime`` (5 µs): a report page prints 150 times."""
    if value is None:
        return NO_TIME
    text = in_zone(value, zone).isoformat(" ", "minutes")     # 2026-12-04 17:30+08:00
    return text[:TIME_LENGTH] if with_time else text[:DATE_LENGTH]


@pass_context
def when(context: Context, value: datetime | None, with_time: bool = True) -> str:
    """A stored time in the configured zone; the zone is named once per page (the footer)."""
    return shown_time(value, zone(context), with_time)


@pass_context
def zone_name(context: Context) -> str:
    return zone_label(zone(context))


PUBLISHED_REMEMBERED = 256     # sections of prose; a few KB each


@lru_cache(maxsize=PUBLISHED_REMEMBERED)
def published(text: str | None) -> str:
    """``monitor.prose.as_published``, remembered by the text itself: a pure function of it, so never stale. Its
    regular expressions cost ~0.2 ms per KB of Chinese (0.5-1.5 ms for a report's three sections, a fifth of its
    page), and the same versions are read again and again (a report's latest, opened from lists and mails)."""
    return as_published(text)


def figure(value: Any) -> str:
    return "—" if value is None else str(value)


def http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a page links only to web addresses (no javascript: or data:)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def size(value: int | None) -> str:
    if value is None:
        return "—"
    if value < 1024:
        return f"{value} B"
    if value < 1024 * 1024:
        return f"{value / 1024:.1f} KB"
    return f"{value / (1024 * 1024):.1f} MB"


def query(params: dict[str, Any], **changes: Any) -> str:
    """A query string: ``params`` with ``changes`` applied, empty values left out."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "", False)}, doseq=True)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(when=when, figure=figure, http_url=http_url, size=size, cell_label=cell_label,
                       rule_name=rule_name, rule_explanation=rule_explanation, published=published,
                       short=lambda d: (d or "")[:12],
                       change_name=lambda k: CHANGE_NAMES.get(k, k),
                       severity_name=lambda s: SEVERITY_NAMES.get(s, s),
                       status_name=lambda s: STATUS_NAMES.get(s, s),
                       run_status_name=lambda s: RUN_STATUS_NAMES.get(s, s),
                       refusal_name=lambda r: REFUSAL_NAMES.get(r, r),
                       outcome_name=lambda s: OUTCOME_NAMES.get(s, s),
                       section_name=lambda s: SECTION_NAMES.get(s, s),
                       series_name=lambda s: SERIES_NAMES.get(s, s))
    env.globals.update(query=query, login_state=login_state, SEVERITY_NAMES=SEVERITY_NAMES, STATUS_NAMES=STATUS_NAMES,
                       SORT_NAMES=SORT_NAMES, zone_name=zone_name)
    return env


def templates() -> Jinja2Templates:
    return Jinja2Templates(env=environment())

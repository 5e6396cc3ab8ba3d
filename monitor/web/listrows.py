"""The rows of the report list and what the findings list says of each finding, written in Python rather
than by the templates.

A list page has 50 rows of a dozen printed values each; through Jinja a row cost ~23 µs (a test, an attribute
lookup and an escape per value, a filter call per time), more than the page's queries. Here a row is one
f-string. The markup is the one the template printed, byte for byte; every value from the archive is escaped
as Jinja's autoescaping escapes it (``markupsafe.escape``), so the result is ``Markup`` the template prints as
it is.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from monitor.archive.models import Mute, Triage
from monitor.labels import SEVERITY_NAMES, STATUS_NAMES, cell_label, rule_explanation, rule_name
from monitor.web.queries import FindingRow, ReportRow
from monitor.web.render import shown_time
from monitor.web.triage_state import TriageView


def _report_row(r: ReportRow, zone: str) -> str:
    agency = f'<a href="/agencies/{r.agency_id}">{escape(r.agency)}</a>' if r.agency_id else "—"
    revised = '<span class="badge revised">已修改</span>' if r.revised else ""
    return (f'    <tr class="{"has-errors" if r.errors else ""}">\n'
            f'      <td data-label="机构">{agency}</td>\n'
            f'      <td data-label="年度">{escape(r.year or "—")}</td>\n'
            f'      <td data-label="标题" class="title"><a href="/reports/{r.id}">{escape(r.title or "（无标题）")}</a>\n'
            f'{revised}</td>\n'
            f'      <td data-label="状态"><span class="badge status-{escape(r.status)}">'
            f'{escape(STATUS_NAMES.get(r.status, r.status))}</span></td>\n'
            f'      <td data-label="版本" class="num">{r.versions}</td>\n'
            f'      <td data-label="错误" class="num{" bad" if r.errors else ""}">{r.errors}</td>\n'
            f'      <td data-label="警告" class="num">{r.warnings}</td>\n'
            f'      <td data-label="最近抓取">{shown_time(r.last_fetched, zone)}</td>\n'
            f'    </tr>')


def report_rows(rows: list[ReportRow], zone: str) -> Markup:
    """The rows of the report list (``reports.html``), times in ``zone``."""
    return Markup("\n".join(_report_row(r, zone) for r in rows))


def _finding_cells(f: FindingRow) -> str:
    link = f"/versions/{f.version_id}" if f.version_id else f"/reports/{f.report_id}"
    cells = ("<div class=\"cells\">" + "".join(f"<span>{escape(cell_label(c))}</span>" for c in f.cells) + "</div>"
             if f.cells else "")
    return (f'      <td data-label="报告" class="report"><a href="{link}">{escape(f.agency or f"报告 {f.report_id}")} '
            f'{escape(f.year or "")}</a></td>\n'
            f'      <td data-label="严重程度"><span class="badge sev-{escape(f.severity)}">'
            f'{escape(SEVERITY_NAMES.get(f.severity, f.severity))}</span></td>\n'
            f'      <td data-label="规则"><span class="rule-name" title="{escape(rule_explanation(f.rule))}">'
            f'{escape(rule_name(f.rule))}</span> <code class="rule">{escape(f.rule)}</code></td>\n'
            f'      <td data-label="说明">{escape(f.message)}{cells}</td>')


def finding_rows(rows: list[FindingRow], view: TriageView) -> list[tuple[FindingRow, Markup, Triage | None, Mute | None]]:
    """Each finding of the findings list (``findings.html``) with its report, severity, rule and message cells,
    its triage state and the mute that hides it (the row and its triage cell are the template's)."""
    return [(f, Markup(_finding_cells(f)), view.finding_state(f.report_id, f.rule, f.cells),
             view.finding_muted(f.report_id, f.rule)) for f in rows]

"""Checks that need more than one document: across years of one agency, and against the calendar.

Pure functions of parsed reports (report-json.md shape) and dates; the archive decides which documents to
compare (``monitor.archive.record``). Rules and severities are those of shared/spec/report-json.md:
``yoy.carry`` (R3.6), ``yoy.in_force`` (R2.1), ``text.near_duplicate`` (RX.5), ``publication.late``
(RX.4) and ``report.overdue``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gxparse.template import S3_COLUMNS, column_label
from monitor.archive.content import normalise_prose

# Share of 5-character shingles two years' prose must have in common to count as a near-duplicate.
# Evaluators reported reports "~90 % identical" to the previous year's (template.md §5 RX.5); a
# Jaccard index of 0.8 on shingles corresponds to roughly that much shared running text.
NEAR_DUPLICATE_THRESHOLD = 0.8
SHINGLE = 5
MIN_PROSE_CHARS = 200   # "无。" in 五 and 六 of two reports says nothing about copying

_TOWNSHIP = re.compile(r"(?:乡|镇|街道|街道办事处)(?:人民政府)?$")


@dataclass(frozen=True)
class CheckFinding:
    rule: str
    severity: str
    message: str
    cells: list[str] = field(default_factory=list)


def _cell(document: dict[str, Any], table: str, row: str, column: str) -> Any:
    return (((document.get(table) or {}).get(row)) or {}).get(column)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def yoy_carry(previous: dict[str, Any], current: dict[str, Any]) -> list[CheckFinding]:
    """R3.6: this year's 上年结转 equals last year's 结转下年度继续办理, column by column."""
    findings = []
    for column in S3_COLUMNS:
        now = _cell(current, "s3", "carried_over", column.key)
        before = _cell(previous, "s3", "carry_forward", column.key)
        if _is_count(now) and _is_count(before) and now != before:
            findings.append(CheckFinding(
                "yoy.carry", "warning",
                f"表三（{column.label}列）：{current.get('year')}年上年结转{now}，"
                f"但{previous.get('year')}年报告的结转下年度继续办理为{before}",
                [f"s3.carried_over.{column.key}"]))
    return findings


def yoy_in_force(previous: dict[str, Any], current: dict[str, Any]) -> list[CheckFinding]:
    """R2.1 (a hint only): 现行有效件数 ≈ last year's + 本年制发 − 本年废止, for 规章 and 行政规范性文件."""
    if previous.get("template") != "v2021" or current.get("template") != "v2021":
        return []
    findings = []
    for item, label in (("regulations", "规章"), ("normative_docs", "行政规范性文件")):
        before = _cell(previous, "s2", item, "in_force")
        issued = _cell(current, "s2", item, "issued")
        repealed = _cell(current, "s2", item, "repealed")
        now = _cell(current, "s2", item, "in_force")
        if not all(_is_count(v) for v in (before, issued, repealed, now)):
            continue
        expected = before + issued - repealed
        if now != expected:
            findings.append(CheckFinding(
                "yoy.in_force", "info",
                f"表二（{label}）：{previous.get('year')}年现行有效{before} + 本年制发{issued} − 本年废止"
                f"{repealed} = {expected}，但{column_label('s2', 'in_force')}为{now}",
                [f"s2.{item}.in_force"]))
    return findings


def _prose(document: dict[str, Any]) -> str:
    texts = document.get("text") or {}
    return "".join(normalise_prose(texts.get(key)) for key in ("s1", "s5", "s6")).replace(" ", "")


def _shingles(text: str) -> set[str]:
    return {text[i:i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def prose_similarity(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Jaccard index of the 5-character shingles of two reports' prose; None if either is too short."""
    left, right = _prose(a), _prose(b)
    if len(left) < MIN_PROSE_CHARS or len(right) < MIN_PROSE_CHARS:
        return None
    x, y = _shingles(left), _shingles(right)
    return len(x & y) / len(x | y)


def near_duplicate(previous: dict[str, Any], current: dict[str, Any]) -> list[CheckFinding]:
    """RX.5: the prose is nearly identical to the same agency's report of the year before."""
    similarity = prose_similarity(previous, current)
    if similarity is None or similarity < NEAR_DUPLICATE_THRESHOLD:
        return []
    return [CheckFinding(
        "text.near_duplicate", "warning",
        f"正文与{previous.get('year')}年报告高度雷同（相似度{similarity:.0%}）")]


def agency_kind(agency: str) -> str:
    """``government`` (本级人民政府: its report is due by 3月31日), ``township`` (乡镇/街道: no statutory
    deadline, Art. 49 does not name them) or ``department`` (县级以上人民政府部门: due by 1月31日)."""
    if _TOWNSHIP.search(agency):
        return "township"
    if agency.endswith("人民政府"):
        return "government"
    return "department"


def deadline(agency: str, year: int, override: str | None = None) -> date | None:
    """The last day a report of ``agency`` for ``year`` may be published (条例 Art. 49), or None.

    ``override`` ("MM-DD", from config) replaces the statutory date, e.g. for a province's own timetable.
    """
    if override:
        month, day = (int(part) for part in override.split("-"))
        return date(year + 1, month, day)
    kind = agency_kind(agency)
    if kind == "government":
        return date(year + 1, 3, 31)
    if kind == "department":
        return date(year + 1, 1, 31)
    return None


def publication_late(agency: str | None, year: int | None, published_at: str | None,
                     override: str | None = None) -> list[CheckFinding]:
    """RX.4: published after the deadline (the site's 发布日期 against Art. 49)."""
    if not agency or not year or not published_at:
        return []
    try:
        published = date.fromisoformat(published_at[:10])
    except ValueError:
        return []
    due = deadline(agency, year, override)
    if due is None or published <= due:
        return []
    return [CheckFinding(
        "publication.late", "warning",
        f"{agency}{year}年报告发布于{published.isoformat()}，晚于法定期限{due.isoformat()}"
        f"（逾期{(published - due).days}天）")]


def report_overdue(agency: str, year: int, today: date, override: str | None = None) -> CheckFinding | None:
    """report.overdue: no report of a watched agency for ``year`` although its deadline has passed."""
    due = deadline(agency, year, override)
    if due is None or today <= due:
        return None
    return CheckFinding(
        "report.overdue", "warning",
        f"{agency}尚未发布{year}年政府信息公开工作年度报告（法定期限{due.isoformat()}，已逾期{(today - due).days}天）")


def cross_year_checks(previous: dict[str, Any], current: dict[str, Any]) -> list[CheckFinding]:
    """All checks of a report against the same agency's report of the year before."""
    return yoy_carry(previous, current) + yoy_in_force(previous, current) + near_duplicate(previous, current)

"""Title, agency, report year and template version."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from gxparse.document import Line
from gxparse.normalize import squash
from gxparse.template import S2_MARKERS

_TITLE = re.compile(
    r"(?P<before>[^。，；:]*?)(?P<year>(?:19|20)\d{2})年度?(?P<after>[^。，；:]*?)"
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度报告|年报|工作报告)")
_AGENCY_NOISE = re.compile(r"^(?:关于|印发)|(?:关于|的|度)$")
_STATISTICS_YEAR = re.compile(r"统计期限为(?P<year>(?:19|20)\d{2})年")
_LEGACY_MARKERS = ("收费及减免", "依申请公开情况", "政府信息公开的收费", "因政府信息公开申请行政复议")


@dataclass
class Metadata:
    title: str | None
    agency: str | None
    year: int | None


def _agency(before: str, after: str) -> str | None:
    for candidate in (before, after):
        candidate = _AGENCY_NOISE.sub("", candidate)
        if len(candidate) >= 2:
            return candidate
    return None


def find_metadata(lines: Iterable[Line], page_title: str | None = None) -> Metadata:
    """The report title is the first short line naming a year and 政府信息公开…年度报告."""
    candidates = [squash(line.text) for line in lines if not line.values]
    if page_title:
        candidates.append(squash(page_title))
    for text in candidates:
        if len(text) > 80:
            continue
        if m := _TITLE.search(text):
            return Metadata(m.group(0), _agency(m["before"], m["after"]), int(m["year"]))
    for text in candidates:
        if m := _STATISTICS_YEAR.search(text):
            return Metadata(None, None, int(m["year"]))
    return Metadata(None, None, None)


def detect_template(s2_text: str, s3_layout: str | None, year: int | None, lines: Iterable[Line]) -> str:
    """v2021 / v2019 by the markers of RX.2; legacy for old-format reports; unknown otherwise.

    The column labels of table 二 decide first: a 2021+ report may keep the 2019 single （六） row in table 三.
    The whole text is searched for legacy markers only when nothing else decided (most reports never get there).
    """
    votes = {version: sum(bool(re.search(m, s2_text)) for m in markers) for version, markers in S2_MARKERS.items()}
    if votes["v2021"] or votes["v2019"]:
        return "v2021" if votes["v2021"] >= votes["v2019"] else "v2019"
    if s3_layout is not None:
        return s3_layout
    if year is not None and year <= 2018:
        return "legacy"
    all_text = squash("\n".join(line.text for line in lines))
    if any(m in all_text for m in _LEGACY_MARKERS):
        return "legacy"
    return "unknown"

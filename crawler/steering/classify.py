"""Is this an annual report? Verdicts from titles and link texts.

A 政府信息公开工作年度报告 title names a year, 政府信息公开 and 工作年度报告/年报. Look-alikes carry words
no report title has (要点, 通知, 法治政府, 决算, 统计公报, 掌上, 图解 …). A title that is cut off ("…") or says
only "2021年年报", or an article publishing a report (关于公布…年度报告的公告), cannot decide (MAYBE); then gxparse reads the document (``crawler.pipelines``). Years may be
written in Chinese numerals (二〇二〇年).
"""

from __future__ import annotations

import re
from enum import Enum
from urllib.parse import urlsplit

from crawler.steering.frontier import OTHER_ANNUAL_REPORT_WORDS
from gxparse.normalize import squash


class Verdict(Enum):
    REPORT = "report"        # the title says it is an annual report
    LOOKALIKE = "lookalike"  # the title says it is something else that sounds like one
    MAYBE = "maybe"          # the title hints at a report but cannot decide
    UNRELATED = "unrelated"  # the title says nothing about reports

    @property
    def worth_fetching(self) -> bool:
        return self in (Verdict.REPORT, Verdict.MAYBE)


_YEAR = re.compile(r"(?<!\d)(20\d{2})年")
# 政府信息公开工作年度报告, …年报, the shorter 2024年度政府信息公开工作报告 (never 政府工作报告), and as some agencies
# word it: 政府信息公开年度工作报告（2021年）, 2022年政务公开工作年度报告.
_REPORT_NAME = re.compile(r"(?:信息|政务)公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)")
_VAGUE_NAME = re.compile(r"年度报告|年报")
# Words that mark a document as something other than the report itself (issue 4's look-alike list, plus
# drafts, interpretations and reposts, and other yearly reports: enterprises' 年报, 统计年报, 政府工作报告).
_LOOKALIKE = re.compile(
    r"要点|通知|关于|法治政府|决算|预算|统计公报|国民经济|掌上|图解|一图|解读|报表|意见稿|审核稿|草案|转载|转发|"
    + OTHER_ANNUAL_REPORT_WORDS)
# An article publishing the report, its file attached (关于公布2023年度政府信息公开工作年度报告的公告): only its page
# can tell, so it is read for its files; a notice about reports (关于做好…报告编制工作的通知) publishes none.
_PUBLISHING = re.compile(r"^关于(?:公布|公开|发布)(?P<name>.{4,80})的(?:公告|通知)$")
_TRUNCATED = re.compile(r"(?:\.{2,}|…+)$")
_AGENCY_BEFORE_YEAR = re.compile(r"^(?:[【\[(（][^】\])）]*[】\])）])?(?P<agency>.+?)(?:20\d{2})年")
_AGENCY_AFTER_YEAR = re.compile(r"^(?:20\d{2})年度?(?P<agency>.+?)(?:政府信息公开|信息公开)")
# What stands where an agency's name would when the title does not name one (the agency is the sub-site's).
_NOT_AN_AGENCY = {"政府", "人民政府", "本级", "本机关", "本单位", "本部门", "我局", "我委", "我办", "全市", "全县", "全区"}
# What may stand between an agency's name and the year (云州市民政局政府信息公开工作2021年度报告).
_AGENCY_TAIL = re.compile(r"(?:关于)?(?:政府)?(?:信息公开|政务公开)(?:工作)?$")
# a folder named by a year alone: /ndbg/2023/, /2023年/, /2023年度/
_FOLDER_YEAR = re.compile(r"^(20\d{2})(?:年度?|nd)?$")
_CHINESE_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_CHINESE_YEAR = re.compile(r"[〇零○一二三四五六七八九]{4}(?=年)")


def _squash(text: str) -> str:
    """Squashed text with years in Chinese numerals written in digits (二〇二〇年 → 2020年)."""
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), squash(text))


def classify_title(text: str) -> Verdict:
    """The verdict a title or link text gives on its own."""
    squashed = _squash(text)
    if not squashed:
        return Verdict.UNRELATED
    if announces_report(squashed):
        return Verdict.MAYBE
    if _LOOKALIKE.search(squashed):
        return Verdict.LOOKALIKE
    has_year = _YEAR.search(squashed) is not None
    if has_year and _REPORT_NAME.search(squashed):
        return Verdict.REPORT
    if _TRUNCATED.search(squashed) or (has_year and _VAGUE_NAME.search(squashed)):
        return Verdict.MAYBE
    return Verdict.UNRELATED


def folder_year(title: str, url: str, page_url: str) -> int | None:
    """The year of a report whose title names its kind alone (政府信息公开工作年度报告, no year), listed on a page
    whose own folder is a year's (``/ndbg/2023/``, ``/2023年度/``) and that holds the document (no index page):
    the folder says its year. None for any other title or place: a title naming the kind is also how a 年报 column
    is linked, so only a document inside the year's folder is that year's report."""
    squashed = _squash(title)
    if not _REPORT_NAME.search(squashed) or classify_title(squashed) is not Verdict.UNRELATED:
        return None
    folder, path = urlsplit(page_url).path.rsplit("/", 1)[0] + "/", urlsplit(url).path
    year = _FOLDER_YEAR.match(folder.rstrip("/").rsplit("/", 1)[-1])
    name = path.rsplit("/", 1)[-1]
    if year is None or urlsplit(url).netloc != urlsplit(page_url).netloc or not path.startswith(folder) \
            or not name or name.startswith("index."):
        return None
    return int(year.group(1))


def announces_report(text: str) -> bool:
    """The title is an article's publishing a report (关于公布…年度报告的公告), not the report's."""
    published = _PUBLISHING.match(_squash(text))
    return published is not None and classify_title(published.group("name")) is Verdict.REPORT


def combine(*verdicts: Verdict) -> Verdict:
    """One verdict from several texts about the same document (link text, page title …).

    A look-alike word anywhere wins (a report title never has one); otherwise one clear REPORT is enough.
    """
    if Verdict.LOOKALIKE in verdicts:
        return Verdict.LOOKALIKE
    if Verdict.REPORT in verdicts:
        return Verdict.REPORT
    if Verdict.MAYBE in verdicts:
        return Verdict.MAYBE
    return Verdict.UNRELATED


def title_year(text: str) -> int | None:
    match = _YEAR.search(_squash(text))
    return int(match.group(1)) if match else None


def title_agency(text: str) -> str | None:
    """The publishing body as a report title names it: before the year, or between the year and 政府信息公开."""
    squashed = _squash(text)
    if _TRUNCATED.search(squashed):
        return None
    for pattern in (_AGENCY_BEFORE_YEAR, _AGENCY_AFTER_YEAR):
        match = pattern.match(squashed)
        agency = _AGENCY_TAIL.sub("", match.group("agency")) if match else ""
        if len(agency) >= 2 and agency not in _NOT_AN_AGENCY:
            return agency
    return None


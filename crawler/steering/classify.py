"""Is this an annual report? Verdicts from titles and link texts.

A 政府信息公开工作年度报告 title names a year (2023年, 二〇二三年, or 2023 beside the name: …年度报告（2023）) and
政府信息公开/政务公开 with 工作年度报告, 年报 or 工作情况的报告. Look-alikes carry words no report title has (要点, 通知,
法治政府, 决算, 统计公报, 掌上, 图解, 模板, 通报, 全国, news of an event: 培训, 召开 …; 关于…的 anything but 报告), or name part of a year (第一季度,
上半年, 2023年7月1日至2024年6月30日). A title that is cut off ("…")
or says only "2021年年报", names a period of years or two years (2023—2024年度, 2024年…（2023年度）), or an article
publishing a report (关于公布…年度报告的公告, 关于公开…年度报告的公示, its years perhaps only in its files), cannot decide (MAYBE); then
gxparse reads the document (``crawler.pipelines``). tests/files/report_titles.tsv holds the titles real agencies use.
"""

from __future__ import annotations

import re
from enum import Enum
from urllib.parse import urlsplit

from crawler.steering.frontier import OTHER_ANNUAL_REPORT_WORDS
from gxparse.normalize import TRADITIONAL_SIMPLIFIED, squash


class Verdict(Enum):
    REPORT = "report"        # the title says it is an annual report
    LOOKALIKE = "lookalike"  # the title says it is something else that sounds like one
    MAYBE = "maybe"          # the title hints at a report but cannot decide
    UNRELATED = "unrelated"  # the title says nothing about reports

    @property
    def worth_fetching(self) -> bool:
        return self in (Verdict.REPORT, Verdict.MAYBE)


# The report's year: 2023年 / 2023年度 (not 2024年1月, a date), or 2023 alone beside its name (…年度报告（2023）,
# 信息公开年报2023, 2023政府信息公开…), never a date's (2024-01-31, 2024.01) nor a number's (第2023001号, an
# ordinal's 第2023局).
_YEAR = re.compile(r"(?<![\d第])(?<!\d[.\-/:])(20\d{2})(?:年(?!\d{1,2}月)度?|(?![\d年号期月]|[.\-/:]\d))")
# Two years joined as a period (2023—2024年度, 2023-2024年, 2023年至2024年): the title says no one year is the report's.
_YEAR_RANGE = re.compile(r"(?<!\d)20\d{2}(?:年度?)?\s?(?:[-—–－~～]{1,2}|至|到)\s?20\d{2}(?!\d)")
# 政府信息公开工作年度报告, …年报, the shorter 2024年度政府信息公开工作报告 (never 政府工作报告), and as some agencies
# word it: 政府信息公开年度工作报告（2021年）, 2022年政务公开工作年度报告, 政府信息公开工作情况（的）报告,
# 政府信息公开工作2021年度报告, 政府信息公开工作的年度报告.
_REPORT_NAME = re.compile(r"(?:信息|政务)公开(?:工作)?(?:情况)?的?(?:20\d{2}年度?)?(?:年度)?(?:工作)?(?:情况)?的?(?:报告|年报)")
_VAGUE_NAME = re.compile(r"年度报告|年报")
# Words that mark a document as something other than the report itself (issue 4's look-alike list, plus
# drafts, interpretations and reposts, templates, reviews of the reports (通报, 评估, 考核, 检查), the 国务院办公厅's
# national summary (全国政府信息公开工作年度报告: no agency's report, no template tables), replies to deputies'
# suggestions, and other yearly reports: enterprises' 年报, 统计年报, 政府工作报告, 政府网站工作年度报表).
_LOOKALIKE = re.compile(
    r"要点|通知|法治政府|决算|预算|统计公报|国民经济|掌上|图解|一图|解读|报表|意见稿|审核稿|草案|转载|转发|"
    r"模板|格式|范本|样本|通报|评估|考核|检查|建议|提案|全国(?:政府)?(?:信息|政务)公开|"
    + OTHER_ANNUAL_REPORT_WORDS)
# An item named only as an attachment or the full text: an editor's list of uploaded files (附件, 附件2, 全文下载).
_BARE_ITEM = re.compile(r"^(?:附件\d{0,2}|附件下载|点击下载|全文下载|全文|下载附件)[:：]?$")
# News of an event about the reports (…年报编制培训会, 召开…年度报告工作推进会): a look-alike when it names them.
_EVENT = re.compile(r"培训|召开|举办|座谈会|推进会|部署会")
# 关于…的<something> is a notice, an opinion, a reply …; an agency's own report may be titled 关于…的报告.
_ABOUT_OTHER = re.compile(r"关于.{0,80}?的(?!(?:年度)?(?:工作)?报告|年报)")
# An article publishing the report, its file attached (关于公布2023年度政府信息公开工作年度报告的公告, …办公室关于印发…
# 的通知): only its page can tell, so it is read for its files; a notice about reports (关于做好…报告编制工作的通知)
# publishes none.
_PUBLISHES = r"(?:公布|公开|发布|印发)"
_PUBLISHING = re.compile(rf"^.{{0,40}}?关于{_PUBLISHES}(?P<name>.{{4,80}})的(?:公告|通知|公示)$")
_TRUNCATED = ("..", "…")
# A title is read from its first MAX_TITLE_CHARS characters, spaces included: real titles are under 100 characters,
# a link wrapping a paragraph names its report first, and every pattern here then costs bounded time.
MAX_TITLE_CHARS = 1000
# Where the report's name begins: an agency's name stands before it (and before or after the year).
_NAME_START = re.compile(r"(?:政府|政务)?(?:信息公开|政务公开)")
# A tag before the title ([2024-01-31], 【图文】), 关于 (关于公布 of a notice publishing the report: 某局关于公布2023年度…
# 的公告) and the year's 年度 around an agency's name.
_TAG = re.compile(r"^[【\[(][^】\])]*[】\])]")
_AROUND_AGENCY = re.compile(rf"^(?:关于{_PUBLISHES}?|年度|年)+|(?:关于{_PUBLISHES}?|的)+$")
# What stands where an agency's name would when the title does not name one (the agency is the sub-site's).
_NOT_AN_AGENCY = {"政府", "人民政府", "本级", "本机关", "本单位", "本部门", "我局", "我委", "我办", "全市", "全县", "全区"}
# a folder named by a year alone: /ndbg/2023/, /2023年/, /2023年度/, /2023nd/ and /2023n/ (年度, 年 in pinyin initials)
_FOLDER_YEAR = re.compile(r"^(20\d{2})(?:年度?|nd?)?$")
_CHINESE_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_CHINESE_YEAR = re.compile(r"[〇零○一二三四五六七八九]{4}(?=年)")
# A report titled by the period it covers, a whole calendar year (2023年1月1日至2023年12月31日, （2022年1月1日—12月31日）):
# the year's report, read as 2023年度.
_WHOLE_YEAR = re.compile(r"(20\d{2})年0?1月0?1日(?:至|到|—+|-+|－|~|～)(?:\1年)?12月31日")
# A report on part of a year (第一季度, 上半年) or on a period that is no calendar year (2023年7月1日至2024年6月30日,
# what is left of a period once ``_WHOLE_YEAR`` has written a whole year's as its year): never the annual report.
_PART_OF_YEAR = re.compile(r"季度|[上下]半年|(?:20\d{2}年)?\d{1,2}月\d{1,2}日(?:至|到|—+|-+|－|~|～)")


def _squash(text: str) -> str:
    """Squashed text, its first MAX_TITLE_CHARS characters, with years in Chinese numerals written in digits
    (二〇二〇年 → 2020年) and a whole year's period written as its year (2023年1月1日至2023年12月31日 → 2023年度)."""
    digits = _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), squash(text[:MAX_TITLE_CHARS]))
    return _WHOLE_YEAR.sub(r"\1年度", digits)


def _is_truncated(squashed: str) -> bool:
    return squashed.endswith(_TRUNCATED)


def _in_traditional_characters(text: str) -> bool:
    """A title written in 繁體 (characters no simplified text writes): the copy a 简繁 proxy serves of a page whose
    simplified original is the report; yielding it too would archive every report twice."""
    return any(c in TRADITIONAL_SIMPLIFIED for c in text[:MAX_TITLE_CHARS])


def classify_title(text: str) -> Verdict:
    """The verdict a title or link text gives on its own."""
    squashed = _squash(text)
    if not squashed or _in_traditional_characters(text):
        return Verdict.UNRELATED
    if announces_report(squashed):
        return Verdict.MAYBE
    if _LOOKALIKE.search(squashed) or _ABOUT_OTHER.search(squashed) or _PART_OF_YEAR.search(squashed) or (
            _EVENT.search(squashed) and (_REPORT_NAME.search(squashed) or _VAGUE_NAME.search(squashed))):
        return Verdict.LOOKALIKE
    has_year = _YEAR.search(squashed) is not None
    if _names_years_apart(squashed) and (_REPORT_NAME.search(squashed) or _VAGUE_NAME.search(squashed)):
        return Verdict.MAYBE   # which year it reports on only the document can say
    if has_year and _REPORT_NAME.search(squashed):
        return Verdict.REPORT
    if _is_truncated(squashed) or (has_year and _VAGUE_NAME.search(squashed)):
        return Verdict.MAYBE
    return Verdict.UNRELATED


def folder_year(title: str, url: str, page_url: str) -> int | None:
    """The year of a report whose title names its kind alone (政府信息公开工作年度报告, no year), listed on a page
    whose own folder is a year's (``/ndbg/2023/``, ``/2023年度/``) and that holds the document (no index page):
    the folder says its year. None for any other title or place: a title naming the kind is also how a 年报 column
    is linked, so only a document inside the year's folder is that year's report."""
    if not names_kind_alone(title):
        return None
    folder, path = urlsplit(page_url).path.rsplit("/", 1)[0] + "/", urlsplit(url).path
    year = _FOLDER_YEAR.match(folder.rstrip("/").rsplit("/", 1)[-1])
    name = path.rsplit("/", 1)[-1]
    if year is None or urlsplit(url).netloc != urlsplit(page_url).netloc or not path.startswith(folder) \
            or not name or name.startswith("index."):
        return None
    return int(year.group(1))


def names_kind_alone(title: str) -> bool:
    """The title names the report's kind and no year (政府信息公开工作年度报告): how a 年报 column is named, and how
    a platform titles the article a year's report is attached to."""
    squashed = _squash(title)
    return _REPORT_NAME.search(squashed) is not None and classify_title(squashed) is Verdict.UNRELATED


def names_attached_report(file_text: str, page_title: str) -> bool:
    """A file named by its year and 年度报告/年报 alone (2023年度报告.pdf, MAYBE on its own) on a page titled by the
    report's kind alone (政府信息公开工作年度报告): together they name that year's report, however gxparse reads
    the file (a scan included)."""
    return classify_title(file_text) is Verdict.MAYBE and title_year(file_text) is not None \
        and _VAGUE_NAME.search(_squash(file_text)) is not None and names_kind_alone(page_title)


def is_bare_item(text: str) -> bool:
    """The link text names no document, only that it is one (附件, 附件1, 全文下载): in a 年报 column, the column's
    own item, whose page or file only can tell what it is."""
    return _BARE_ITEM.match(_squash(text)) is not None


def announces_report(text: str) -> bool:
    """The title is an article's publishing a report (关于公布…年度报告的公告), not the report's."""
    published = _PUBLISHING.match(_squash(text))
    if published is None:
        return False
    # the name of the reports without their years (关于公开政府信息公开工作年度报告的公示): several years attached
    name = published.group("name")
    return classify_title(name) is Verdict.REPORT or (
        _REPORT_NAME.search(name) is not None and name.endswith(("报告", "年报")) and _title_is_plain(name))


def _title_is_plain(name: str) -> bool:
    """The name carries no look-alike's word (要点, 模板 …) nor part of a year."""
    return not (_LOOKALIKE.search(name) or _ABOUT_OTHER.search(name) or _PART_OF_YEAR.search(name))


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
    """The one year a title names; None when it names none, or two apart (a period, or a report's year beside
    another: 2024年…年度报告（2023年度）), which only the document can settle."""
    squashed = _squash(text)
    match = _YEAR.search(squashed)
    return None if match is None or _names_years_apart(squashed) else int(match.group(1))


def _names_years_apart(squashed: str) -> bool:
    """The title names a period of years or two different years."""
    return _YEAR_RANGE.search(squashed) is not None or len({m.group(1) for m in _YEAR.finditer(squashed)}) > 1


def title_agency(text: str) -> str | None:
    """The publishing body as a report title names it: before the report's name, and before the year or between
    the year and the name (临江市民政局2023年度…, 2023年度临江市民政局政府信息公开…, 临江市民政局政府信息公开…（2023）)."""
    squashed = _squash(text)
    if _is_truncated(squashed):
        return None
    name, year = _NAME_START.search(squashed), _YEAR_RANGE.search(squashed) or _YEAR.search(squashed)
    head_end = name.start() if name else len(squashed)
    if year is not None and year.start() < head_end:
        # with no report's name, what follows the year is no agency's (2021年度报告)
        candidates = [squashed[:year.start()]] + ([squashed[year.end():head_end]] if name else [])
    else:
        candidates = [squashed[:head_end]] if name else []
    for candidate in candidates:
        agency = _AROUND_AGENCY.sub("", _TAG.sub("", candidate))
        if agency.endswith("人民") and squashed.startswith("政府", head_end):
            agency += "政府"   # 临江市人民政府信息公开…: the name's 政府 is also the report's
        if len(agency) >= 2 and agency not in _NOT_AN_AGENCY:
            return agency
    return None

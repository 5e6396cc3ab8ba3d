"""Title, agency, report year and template version, as real documents print them.

Titles are printed on one line or broken over two or three (agency / year / 政府信息公开工作年度报告), in a
heading, a table's first row, a page title or a header image's alt text, sometimes with Markdown marks or
numbering in front. The year comes from the title, else from the statistics period or the 本报告 sentence,
else from a year alone opening 总体情况's first sentence (``year_source`` says which).
The template is decided only by labels that exist in one version alone, so that a template mismatch is
never inferred from something gxparse failed to read.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gxparse.document import Line
from gxparse.model import YEAR_FROM_OPENING, YEAR_FROM_TITLE, YEAR_STATED, Evidence
from gxparse.normalize import label_key, squash
from gxparse.template import TEMPLATE_MARKERS, expected_template

_YEAR = r"(?P<year>(?:19|20)\d{2})"
# 的 before the report word: 关于2021年度政府信息公开工作的年度报告, as township pages title it
_TAIL = r"(?:政府信息公开|政务公开|信息公开)(?:工作)?的?(?:年度报告|年报|工作报告)"
_TITLES = (
    re.compile(rf"(?P<before>[^。，；:]*?){_YEAR}年度?(?P<after>[^。，；:]*?){_TAIL}"),
    # 〈agency〉政府信息公开工作年度报告（2023年度）
    re.compile(rf"(?P<before>[^。，；:]*?){_TAIL}\(?{_YEAR}年度?\)?(?P<after>)"),
    # a page titled only 2022年年报 / 2022年度报告 (the agency in its 来源 line)
    re.compile(rf"^(?P<before>){_YEAR}年(?:度报告|年报|度年报)(?P<after>)$"),
    # 〈agency〉政府信息公开工作2021年度报告
    re.compile(rf"(?P<before>[^。，；:]*?)(?:政府信息公开|政务公开|信息公开)工作{_YEAR}年度?(?:报告|年报)(?P<after>)"),
    # a page title: 2019年度政府信息公开工作年度报告-澜江区人民政府 (the site's name after the report's)
    re.compile(rf"^(?P<before>){_YEAR}年度?{_TAIL}[-_|—]+(?P<after>[^-_|—]+)$"),
    # a title without its year (the year in the statistics period)
    re.compile(rf"^(?P<before>[^。，；:]*?)(?P<year>){_TAIL}(?P<after>)$"),
)
# The publishing body in a page's metadata line (发布日期：… 来源：临江市统计局), up to the next field.
_SOURCE = re.compile(r"(?:发布机构|发文机关|发布单位|信息来源|来源)\s*:\s*(?P<name>[^\s:|【\[]{2,40}?)"
                     r"(?=发布|时间|日期|浏览|阅读|点击|作者|字号|字体|访问|[\s:|【\[]|$)")
# The reporting body as a record's field (open data's 单位名称 column, said once: 单位名称：某区人民政府).
_BODY_FIELD = re.compile(r"^(?:单位名称|机构名称|部门名称|填报单位|报送单位):(?P<name>[^\s:|]{2,40})$")
# The body 总体情况 opens with (2023年，洪泽区人民政府坚持…), for a report whose title names none.
_OPENING = re.compile(r"(?:(?:19|20)\d{2}年度?|本年度),?(?P<name>[\u4e00-\u9fff]{2,30}?)(?=坚持|把|认真|深入|全面|围绕|按照|紧紧"
                      r"|始终|进一步|扎实|持续|立足|严格|高度|聚焦|切实|不断|以|在)")
_NOT_A_NAME = ("我", "本", "全", "各")   # 我市, 本机关, 全区: the body speaking of itself
_OFFICES = ("办公室", "办公厅")   # a government's office, which compiles the government's report
# The body that compiled the report (本报告由淮安市洪泽区人民政府办公室根据…编制), named as printed.
_COMPILED = re.compile(r"本(?:年度)?报告(?:是)?由(?P<name>[\u4e00-\u9fff()]{2,40}?)(?=根据|依据|按照|编制|负责|组织|汇总"
                       r"|对照|结合|在|于)")
# The sentence announcing the report in its opening paragraph (特编制湛江市人民政府地方志办公室2023年政府信息公开工作
# 年度报告, 现公布区统计局2023年…, 现将临江市水利局2022年…年度报告向社会公布, 现向社会公开《…》, the title in its
# book-title marks), for a page whose title is not in its text.
_ANNOUNCED = re.compile(rf"(?:(?:编制|公布|发布|印发)了?|现将|向社会公开)《?(?P<name>[\u4e00-\u9fff()]{{2,40}}?){_YEAR}年度?{_TAIL}")
# The date under the signature at the end (2024年1月20日, 二〇二四年一月二十日), alone on its line or after the name.
_DATE = re.compile(r"(?:19|20)\d{2}年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日$")
_SIGNATURE_LINES = 4     # the signature and date stand among the last lines
# A year written in Chinese numerals (二〇二四年), as some CMS families print titles.
_CHINESE_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_MAX_TITLE = 80          # characters: a longer line is prose that mentions the report
_MAX_TITLE_LINES = 3     # agency / year / 政府信息公开工作年度报告
# Marks in front of or around a title: Markdown headings and emphasis, bullets, brackets, list numbering.
_DECORATION = re.compile(r"^[#*_>~=\-—·•●■□◆◇★☆【\[「『《〈\s]+|[*_~=\-—】\]」』》〉\s]+$")
_NUMBERING = re.compile(r"^(?:\d{1,2}[.、)]|[一二三四五六七八九十]{1,3}[、.]|\(\w{1,3}\))")
_AGENCY_NOISE = re.compile(r"^(?:关于|印发)|(?:关于|的|度)$")
# A body's name: no sentence punctuation, ending the way names of government bodies end (not 做好, not 年度).
_AGENCY = re.compile(r"^[^\s。，；:、]{1,58}?(?:政府|办公室|办公厅|办|局|委员会|委|厅|院|中心|所|站|署|会|处|部|队"
                     r"|镇|乡|街道|公司|集团|馆|社|台|校|区|县|市|旗|盟|州|省|府|组|室|科|团|行|场|园)(?:\([^)]{1,10}\))?$")
# A county-level body printed without its city (洪泽区人民政府): the city named before it elsewhere.
_COUNTY_LEVEL = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:区|县|旗)")
_PARTICLES = "由与是为向经对据以在和及将请"
# the year of a report that names no year in its title
_YEAR_SENTENCES = (
    re.compile(rf"统计(?:期限|时限|时间|区间|周期)[^。]{{0,12}}?{_YEAR}年"),
    re.compile(rf"{_YEAR}年1月1日起?至(?:(?P=year)年)?12月31日"),
    re.compile(rf"本(?:年度)?报告[^。]{{0,40}}?{_YEAR}年度"),
    _ANNOUNCED,
)
# the year as a record's field (open data's 年度 column, said once: 年度：2023)
_YEAR_FIELD = re.compile(rf"^(?:报告|统计|所属|数据)?年度:{_YEAR}年?$")
# 总体情况 opening with its year alone (2019年，全市… / 2019年度,…), the sentence's comma right after: not a span
# (2019年以来, 2019—2021年), not a bound (截至2019年), not a cited document's number (〔2019〕)
_OPENING_YEAR = re.compile(rf"^{_YEAR}年度?[,，]")


@dataclass
class Metadata:
    title: str | None
    agency: str | None
    year: int | None
    title_evidence: Evidence | None = None
    year_evidence: Evidence | None = None
    year_source: str | None = None
    # titles naming different reports that nothing told apart (no title was read): each as printed, with its place
    rival_titles: list[Evidence] = field(default_factory=list)


def _clean(text: str) -> str:
    """Squashed text without the marks a heading carries around it, its year in figures."""
    text = _CHINESE_YEAR.sub(lambda m: m[0].translate(_CHINESE_DIGITS), squash(text))
    return _DECORATION.sub("", text.replace("**", ""))


def clean_agency(text: str) -> str | None:
    """The agency as a title prints it, without decoration, numbering and connecting words; None when what
    is left does not read like a name (digits, punctuation, a breadcrumb)."""
    text = _DECORATION.sub("", text)
    text = _NUMBERING.sub("", text)
    text = _AGENCY_NOISE.sub("", _DECORATION.sub("", text))
    return text if _AGENCY.match(text) else None


def _match(text: str) -> re.Match[str] | None:
    for pattern in _TITLES:
        if m := pattern.search(text):
            return m
    return None


@dataclass
class _Candidate:
    text: str
    lines: list[Line] = field(default_factory=list)

    @property
    def where(self) -> str:
        return self.lines[0].where if self.lines else "页面标题"


def _titles(candidates: Sequence[_Candidate]) -> tuple[_Candidate, re.Match[str], str | None] | None:
    """The title: first a line naming agency, year and report; then such a title over two or three lines
    (the first of which is the agency, whole); then a line naming only the year and the report."""
    for count in range(1, _MAX_TITLE_LINES + 1):
        for i in range(len(candidates) - count + 1):
            window = candidates[i:i + count]
            joined = _Candidate("".join(c.text for c in window), [ln for c in window for ln in c.lines])
            if len(joined.text) > _MAX_TITLE:
                continue
            for m in filter(None, (pattern.search(joined.text) for pattern in _TITLES)):
                if count > 1 and (m.start() != 0 or m.end() <= len(joined.text) - len(window[-1].text)):
                    continue   # the lines around a title only count when they are the title's own parts
                if agency := clean_agency(m["before"]) or clean_agency(m["after"]):
                    return joined, m, agency
    # of the titles naming no agency, one with its year before one without (a breadcrumb's 政府信息公开年报)
    found = [(c, m) for c in candidates if len(c.text) <= _MAX_TITLE and (m := _match(c.text))]
    candidate, m = next(((c, m) for c, m in found if m["year"]), found[0] if found else (None, None))
    return (candidate, m, None) if candidate is not None else None


_Title = tuple[_Candidate, re.Match[str], str | None]   # a title, its match, the agency it names (None: none)


def _one_line_titles(candidates: Sequence[_Candidate]) -> list[_Title]:
    """Every candidate that is a whole title on its own naming a year or an agency, in order."""
    out = []
    for candidate in candidates:
        if len(candidate.text) > _MAX_TITLE:
            continue
        for m in filter(None, (pattern.search(candidate.text) for pattern in _TITLES)):
            agency = clean_agency(m["before"]) or clean_agency(m["after"])
            if agency or m["year"]:
                out.append((candidate, m, agency))
                break
    return out


def _agree(titles: Sequence[_Title]) -> bool:
    """Whether the titles may name one report: no two years, no two agencies (one name inside another is one
    agency: a page's <title> puts the site's name in front, 临江市民政局-临江市民政局2023年…)."""
    agencies = [a for _, _, a in titles if a]
    return len({m["year"] for _, m, _ in titles if m["year"]}) <= 1 \
        and all(a in b or b in a for a, b in itertools.combinations(agencies, 2))


def _told_apart(titles: Sequence[_Title], stated: int | None) -> _Title | None:
    """Of titles naming different reports (a page's list of other years' reports, a 上一篇 link, printed before
    its own title): those that agree with the page's <title>, else those of the year the statistics period
    states, where they name one report: the first naming an agency, else the first; None where neither tells
    them apart (the first may be another report's)."""
    page = next((t for t in titles if not t[0].lines), None)
    if page is not None:
        pool = [t for t in titles if _agree([t, page])]
    elif stated is not None:
        pool = [t for t in titles if t[1]["year"] and int(t[1]["year"]) == stated]
    else:
        return None
    if not pool or not _agree(pool):
        return None
    # the document's own title before the page's, which may carry the site's name
    return next((t for t in pool if t[2] and t[0].lines), next((t for t in pool if t[2]), pool[0]))


def _qualified(agency: str, text: str) -> str:
    """洪泽区人民政府 → 淮安市洪泽区人民政府 when the document names the city in front of it (本报告由淮安市洪泽区
    人民政府办公室…): the most frequent city so named."""
    county = _COUNTY_LEVEL.match(agency)
    if county is None:
        return agency
    cities = Counter(m[1].lstrip(_PARTICLES) for m in
                     re.finditer(rf"([\u4e00-\u9fff]{{2,3}}?(?:市|州|盟)){re.escape(county[0])}", text))
    cities = Counter({city: n for city, n in cities.items() if len(city) >= 2})
    return cities.most_common(1)[0][0] + agency if cities else agency


def _stated_year(candidates: Sequence[_Candidate]) -> tuple[int, Evidence] | None:
    """The year of the statistics period or the 本报告 sentence, with the line it begins on (sentences run
    over the lines of a PDF, so the lines are searched joined)."""
    text = "".join(c.text for c in candidates)
    for pattern in _YEAR_SENTENCES:
        if m := pattern.search(text):
            end = 0
            for candidate in candidates:
                end += len(candidate.text)
                if end > m.start():
                    return int(m["year"]), Evidence(m[0], candidate.where)
    return next(((int(m["year"]), Evidence(m[0], c.where)) for c in candidates if (m := _YEAR_FIELD.match(c.text))),
                None)


def _phrases(text: str) -> list[str]:
    """The cells of a line as title candidates. A cell of figures alone (a PDF's text printing 2022 apart
    from 年) belongs to the cells on both sides of it: ``局 | 2022 | 年政府信`` is one phrase, not three."""
    out: list[str] = []
    glue = False
    for cell in text.split("\t"):
        figures = cell.strip().isdigit()
        if out and (figures or glue):
            out[-1] += cell
        else:
            out.append(cell)
        glue = figures
    return out


def _signature(closing: Sequence[Line]) -> str | None:
    """The agency signing the report: the name on the date's line or the line right above it, among the
    last lines."""
    texts = [_clean(line.text) for line in closing if not line.values]
    texts = [t for t in texts if t][-_SIGNATURE_LINES:]
    for i, text in enumerate(texts):
        if m := _DATE.search(text):
            for name in (text[:m.start()], texts[i - 1] if i else ""):
                if name and (agency := clean_agency(name)):
                    return agency
    return None


def find_metadata(lines: Iterable[Line], page_title: str | None = None, closing: Sequence[Line] = (),
                  publisher: str | None = None, opening: Line | None = None) -> Metadata:
    """Title, agency and year from the lines before the first sections (and the page's title); an agency
    the title does not name from the page's 来源 line or its stated ``publisher``, the signature over the date
    at the end (``closing``: the document's last lines), the 本报告由… sentence, or the body 总体情况 opens
    with; a year no title or statement gives from the year opening 总体情况 (``opening``: its first line)."""
    lines_seen = list(lines)
    # each cell of a line a candidate: a page printed from a browser puts its navigation column on the
    # title's line (政务公开<gap>周口市人民政府2021年…报告); a title split over cells joins up as lines do
    candidates = [_Candidate(_clean(phrase), [line]) for line in lines_seen if not line.values
                  for phrase in _phrases(line.text)]
    candidates = [c for c in candidates if c.text]
    if page_title:
        candidates.append(_Candidate(_clean(page_title)))
    text = "".join(c.text for c in candidates)
    found = _titles(candidates)
    rivals = _one_line_titles(candidates)
    undecided: list[Evidence] = []
    if not _agree([t for t in rivals if t[0].lines]):   # the page's <title> only tells them apart
        stated = _stated_year([_Candidate(_clean(ln.text), [ln]) for ln in lines_seen])
        found = _told_apart(rivals, stated[0] if stated else None)
        # none telling them apart, no title is read: the year and agency come from the report's other evidence
        undecided = [] if found else [Evidence(c.text, c.where) for c, _, _ in rivals]
    title = agency = year = title_evidence = year_evidence = year_source = None
    if found:
        candidate, m, agency = found
        # a short sentence announcing the report read as its title: the agency is the name after the verb
        if announced := _ANNOUNCED.search(candidate.text):
            agency = None if announced["name"].startswith(_NOT_A_NAME) else clean_agency(announced["name"])
        title = _NUMBERING.sub("", m[0])
        agency = _qualified(agency, text) if agency else None
        title_evidence = Evidence(candidate.text, candidate.where)
        year = int(m["year"]) if m["year"] else None
        year_evidence = title_evidence if year else None
        year_source = YEAR_FROM_TITLE if year else None
    titled = agency is not None
    if agency is None:
        agency = next((name for line in lines_seen if (m := _SOURCE.search(line.text))
                       and (name := clean_agency(squash(m["name"])))), None)
    if agency is None:
        agency = next((name for line in lines_seen if (m := _BODY_FIELD.match(_clean(line.text)))
                       and (name := clean_agency(m["name"]))), None)
    if agency is None and publisher:
        agency = clean_agency(squash(publisher))
    signed = _signature(closing)
    # a page's 发布机构 is the office that published the report (淮安市人民政府办公室) for the body that signs it
    if not titled and signed is not None:
        body = _qualified(signed, text)
        if agency in {name + office for name in (signed, body) for office in _OFFICES}:
            agency = body
    if agency is None:
        agency = signed
    opened = m["name"] if (m := _OPENING.search(text)) and not m["name"].startswith(_NOT_A_NAME) else None
    if agency is None and (m := _COMPILED.search(text)):
        agency = clean_agency(m["name"])
        # compiled by a body's office (本报告由淮安市洪泽区人民政府办公室…编制) for the body 总体情况 opens with
        # (2023年，洪泽区人民政府坚持…): the report is that body's, its office only compiled it
        if agency and opened and (body := clean_agency(_qualified(opened, text))) \
                and agency in {body + office for office in _OFFICES}:
            agency = body
    if agency is None and (m := _ANNOUNCED.search(text)) and not m["name"].startswith(_NOT_A_NAME):
        agency = clean_agency(m["name"])
    if agency is None and opened:
        agency = clean_agency(opened)
    # the period's sentence runs over lines a text reader took figures from (…统计期限自 2024 年 1 / 月 1 日起…)
    if year is None and (stated := _stated_year([_Candidate(_clean(ln.text), [ln]) for ln in lines_seen])):
        year, year_evidence = stated
        year_source = YEAR_STATED
    if year is None and opening is not None and (m := _OPENING_YEAR.match(_clean(opening.text))):
        year, year_evidence, year_source = int(m["year"]), Evidence(m[0], opening.where), YEAR_FROM_OPENING
    return Metadata(title, agency, year, title_evidence, year_evidence, year_source, undecided)


# ---------------------------------------------------------------------------------------------------
# template version


@dataclass
class TemplateCall:
    template: str
    labels: dict[str, list[Evidence]]   # per version, the labels printed that exist in that version only


_LEGACY_MARKERS = ("收费及减免", "依申请公开情况", "政府信息公开的收费", "因政府信息公开申请行政复议")
_MAX_LABEL_LINE = 60   # characters: markers are labels, looked for in table rows and short lines, not in prose
# a version's markers in one pattern: most lines print none, and are looked at once a version, not once a marker
_ANY_MARKER = {version: re.compile("|".join(f"(?:{m})" for m in markers)) for version, markers in TEMPLATE_MARKERS.items()}


def version_labels(lines: Iterable[Line]) -> dict[str, list[Evidence]]:
    """Every version's own labels found in ``lines`` (each once, with the line it is printed on)."""
    found: dict[str, dict[str, Evidence]] = {version: {} for version in TEMPLATE_MARKERS}
    for line in lines:
        if not line.values and len(line.text) > _MAX_LABEL_LINE:
            continue
        key = label_key(line.text)
        for version, markers in TEMPLATE_MARKERS.items():
            if not _ANY_MARKER[version].search(key):
                continue
            for marker in markers:
                if marker not in found[version] and re.search(marker, key):
                    found[version][marker] = Evidence(line.text, line.where)
    return {version: list(markers.values()) for version, markers in found.items()}


def detect_template(label_lines: Iterable[Line], year: int | None, lines: Iterable[Line]) -> TemplateCall:
    """v2021 / v2019 by the labels printed that exist in one version only (RX.2), else the version the
    year calls for; legacy for old-format reports; unknown otherwise.

    A single （六）其他处理 row in table 三 is no evidence of v2019: 2021+ reports print it too. The whole text
    is searched for legacy markers only when nothing else decided (most reports never get there).
    """
    labels = version_labels(label_lines)
    v2021, v2019 = len(labels["v2021"]), len(labels["v2019"])
    if v2021 or v2019:
        return TemplateCall("v2021" if v2021 >= v2019 else "v2019", labels)
    if year is not None and year <= 2018:
        return TemplateCall("legacy", labels)
    if year is not None and (expected := expected_template(year)):
        return TemplateCall(expected, labels)
    all_text = squash("\n".join(line.text for line in lines))
    if any(m in all_text for m in _LEGACY_MARKERS):
        return TemplateCall("legacy", labels)
    return TemplateCall("unknown", labels)

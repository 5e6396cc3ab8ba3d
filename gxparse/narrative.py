"""Figures stated in the prose of 一、总体情况: what the tables should restate, stated totals, stated rates.

Only sentences about 政府信息公开申请 are read for application figures, and only sentences about 复议/诉讼 for
review figures, because the same verbs (受理, 办结) describe hotline and consultation counts elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gxparse.limits import MAX_DIGITS
from gxparse.model import NarrativeFigure, StatedRate, StatedSum
from gxparse.normalize import squash

_SENTENCE = re.compile(r"[^。;!?！？]+")
_QUANTITY = re.compile(r"(?<![第\d.])(?P<n>\d+(?:\.\d+)?)(?P<unit>万|亿)?"
                       r"(?P<measure>件|条|个(?!工作日|月|小时)|家|项|次|期|篇|名|人|起|份|宗)?")
_RATE = re.compile(r"率(?:达到|达|为|是)?(?P<percent>\d+(?:\.\d+)?)%")

_RECEIVED_TOTAL = "s3.new_received.total"
_CARRIED = "s3.carried_over.total"
_ANSWERED = "s3.result.total.total"
_FORWARD = "s3.carry_forward.total"


@dataclass(frozen=True)
class _Pattern:
    key: str
    regex: re.Pattern[str]


def _p(key: str, pattern: str) -> _Pattern:
    return _Pattern(key, re.compile(pattern))


# Order matters: the first pattern to claim a key wins, so the specific forms come first.
_APPLICATION_PATTERNS = (
    _p(f"{_RECEIVED_TOTAL}+{_CARRIED}",
       r"(?:收到|受理|新收|接收)了?(?:(?!复议|诉讼)[^,;\d]){0,20}?(?P<n>\d+)件\((?:其中)?含[^)]{0,14}?结转\d+件\)"),
    _p(_CARRIED, r"(?:上年度?|\d{4}年)结转(?:[^,;\d]){0,14}?(?P<n>\d+)件"),
    _p(_RECEIVED_TOTAL, r"(?:收到|受理|新收|接收)了?(?:(?!复议|诉讼|结转)[^,;\d]){0,20}?(?P<n>\d+)件"),
    _p(_ANSWERED, r"(?:办结|答复|办理完结|完成答复)了?(?:申请)?(?P<n>\d+)件"),
    _p(_FORWARD, r"(?P<n>\d+)件(?:申请)?(?:结转|转)至?下一?年度"),
    _p(_FORWARD, r"(?:结转|转)至?下一?年度(?:继续)?(?:办理)?(?P<n>\d+)件"),
    _p("s3.result.granted.total", r"予以公开(?P<n>\d+)件"),
    _p("s3.result.partial.total", r"部分公开(?P<n>\d+)件"),
    _p("s3.result.denied.*.total", r"不予公开(?P<n>\d+)件"),
    _p("s3.result.unable.*.total", r"无法提供(?P<n>\d+)件"),
    _p("s3.result.not_processed.*.total", r"不予处理(?P<n>\d+)件"),
    _p("s3.result.other.*.total", r"其他处理(?P<n>\d+)件"),
)
_LITIGATION = "s4.litigation_direct.total+s4.litigation_after_review.total"
_REVIEW_PATTERNS = (
    _p("s4.review.total", r"行政复议(?:申请)?(?P<n>\d+)(?:件|起|宗)"),
    _p(_LITIGATION, r"行政诉讼(?P<n>\d+)(?:件|起|宗)"),
    _p("s4.litigation_direct.total", r"未经复议直接(?:提起)?(?:起诉|诉讼)的?(?P<n>\d+)(?:件|起|宗)"),
    _p("s4.litigation_after_review.total", r"复议后(?:提起)?(?:起诉|诉讼)的?(?P<n>\d+)(?:件|起|宗)"),
)
_NO_REVIEW = re.compile(r"(?:没有|未|无)(?:发生|收到|出现|产生)?[^,;]{0,24}?行政复议(?:和|及|、|或|与)?(?:行政)?诉讼")


def _is_figure(number: str) -> bool:
    """Whether a run of digits can be a stated figure: a longer one (a document number, garbage) is
    skipped, and never converted (Python refuses to turn over 4,300 digits into an int)."""
    return len(number) - number.count(".") <= MAX_DIGITS


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(squash(text)) if s]


def _clause(sentence: str, start: int, end: int) -> str:
    """The comma-delimited clause around a match: the words a person would quote."""
    left = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start)) + 1
    right = sentence.find(",", end)
    return sentence[left:right if right != -1 else len(sentence)]


def _is_application_sentence(sentence: str) -> bool:
    return "申请" in sentence and "公开" in sentence


def stated_figures(text: str) -> list[NarrativeFigure]:
    """Figures the prose states that restate cells of tables 三 and 四 (first statement of each wins)."""
    found: dict[str, NarrativeFigure] = {}

    def claim(key: str, value: int, sentence: str, m: re.Match[str]) -> None:
        found.setdefault(key, NarrativeFigure(_clause(sentence, m.start(), m.end()), key, value))

    for sentence in sentences(text):
        if _is_application_sentence(sentence):
            taken: list[tuple[int, int]] = []
            for pattern in _APPLICATION_PATTERNS:
                for m in pattern.regex.finditer(sentence):
                    span = m.span("n")
                    if any(a <= span[0] < b for a, b in taken) or pattern.key in found:
                        continue
                    taken.append(span)
                    if _is_figure(m["n"]):
                        claim(pattern.key, int(m["n"]), sentence, m)
        if "复议" in sentence or "诉讼" in sentence:
            if m := _NO_REVIEW.search(sentence):
                claim("s4.review.total", 0, sentence, m)
                claim(_LITIGATION, 0, sentence, m)
            for pattern in _REVIEW_PATTERNS:
                if (m := pattern.regex.search(sentence)) and _is_figure(m["n"]):
                    claim(pattern.key, int(m["n"]), sentence, m)
    return list(found.values())


@dataclass(frozen=True)
class _Quantity:
    value: float
    unit: str
    start: int
    end: int


def _quantities(sentence: str) -> list[_Quantity]:
    out = []
    for m in _QUANTITY.finditer(sentence):
        unit = (m["unit"] or "") + (m["measure"] or "")
        if unit and _is_figure(m["n"]) and sentence[m.end():m.end() + 1] not in ("%", "年", "月", "日", "号"):
            out.append(_Quantity(float(m["n"]), unit, m.start(), m.end()))
    return out


def stated_sums(text: str) -> list[StatedSum]:
    """"共X件，其中A件、B件…" and "在…的X件中，A件、B件…": a total and at least two parts of its unit."""
    out = []
    for sentence in sentences(text):
        quantities = _quantities(sentence)
        for marker in re.finditer(r"其中|件中|条中", sentence):
            before = [q for q in quantities if q.end <= marker.start() + (1 if marker.group() != "其中" else 0)]
            if not before or marker.start() - before[-1].end > 24:
                continue
            total = before[-1]
            parts = [q for q in quantities if q.start >= marker.end() and q.unit == total.unit]
            if len(parts) >= 2 and total.value.is_integer():
                out.append(StatedSum(sentence[total.start:parts[-1].end], int(total.value),
                                     [int(p.value) for p in parts]))
    return out


def stated_rates(text: str) -> list[StatedRate]:
    """A rate with two counts of one unit stated before it in the same sentence (part, then whole)."""
    out = []
    for sentence in sentences(text):
        quantities = _quantities(sentence)
        for m in _RATE.finditer(sentence):
            before = [q for q in quantities if q.end <= m.start()]
            if len(before) < 2 or not _is_figure(m["percent"]):
                continue
            numerator = before[-1]
            whole = [q for q in before[:-1] if q.unit == numerator.unit]
            if not whole or not whole[-1].value or numerator.value > whole[-1].value:
                continue
            denominator = whole[-1]
            out.append(StatedRate(sentence[denominator.start:m.end()], int(numerator.value),
                                  int(denominator.value), m["percent"]))
    return out

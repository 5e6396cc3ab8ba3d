"""Misread labels of a scanned report put back to the template's wording.

Tesseract often gets one character of a label wrong (不掌握 → 不学握, 不予公开 → 不子公开), and rows are
found by label. A cell or short line whose text is close to exactly one label of the official format is
read as that label. Only labels: a cell holding a number is never touched, so a misread figure stays as
read and the arithmetic checks can catch it.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from gxparse.document import Line, is_value
from gxparse.normalize import label_key, squash
from gxparse.template import (
    REPORT_TITLE_TAIL,
    S2_ITEMS,
    S3_ALL_ROWS,
    S3_COLUMNS,
    S3_CORNER_NOTE,
    S3_RESULTS_GROUP,
    S4_BLOCKS,
    S4_COLUMNS,
    SECTIONS,
)

SIMILARITY = 0.8      # difflib ratio of the label keys: one wrong character in five
_MIN_KEY = 4          # shorter labels (规章, 总计) are too short to tell a misreading from another word
_MAX_KEY = 60
_HEADING_START = 4    # characters of a section title that identify its heading when the rest is garbled
_MIN_FOLDED_KEY = 3   # three characters snap only to a word of at most four holding all three (以公开)
# header cells of the official tables that are no row or column of the template
_HEADERS = ("信息内容", "申请人情况", "法人或其他组织", "行政诉讼")
# Characters Tesseract's Chinese model reads for another one in these labels (予以公开 → 了以公开), folded to
# it for a second comparison, without the item number in front, which it misreads as often ((一) → (二), "(").
_LOOKALIKES = str.maketrans({"了": "予", "子": "予", "于": "予", "矛": "予", "学": "掌", "八": "公"})
_ITEM_NUMBER = re.compile(r"^(?:\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}|\d{1,2}\.?)")
# A report's title: the agency (or none: on the line before), the year, then words OCR of a large heading often garbles
# (信息公开 → 人侍百/咎芭人八开).
_TITLE = re.compile(r"^(?P<agency>\S{2,30}?|)(?P<year>(?:19|20)\d{2})年度?(?P<tail>\S{6,20})$")
_TITLE_SIMILARITY = 0.5   # half the characters of the tail in order: 开工作年度…告 is recognisably the tail
_TITLE_LINES = 3          # the title is among the first lines of the first page
# The place a title's agency begins with (潢川县人民政府, 淮安市洪泽区人民政府).
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:省|市|县|区|州|旗|盟)")
_MIN_PLACE_MENTIONS = 2   # the prose names the place it means at least this often


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, str]:
    """Label key → the label as the official format prints it."""
    words = {f"{s.numeral}、{s.title}" for s in SECTIONS} | set(_HEADERS) | {S3_CORNER_NOTE, S3_RESULTS_GROUP}
    for items in S2_ITEMS.values():
        for item in items:
            words |= {item.label, item.caption, *(c.label for c in item.columns)}
    for row in S3_ALL_ROWS:
        words |= {row.label, row.group} if row.group else {row.label}
    words |= {c.label for c in S3_COLUMNS} | {b.label for b in S4_BLOCKS} | {c.label for c in S4_COLUMNS}
    return {label_key(w): w for w in words}


def unnumbered(key: str) -> str:
    """A label key without the item number in front (``(二)``, ``三``, ``1.``)."""
    return _ITEM_NUMBER.sub("", key)


def _fold(key: str) -> str:
    return unnumbered(key).translate(_LOOKALIKES).strip("()")


@lru_cache(maxsize=1)
def _folded_vocabulary() -> dict[str, str]:
    """Folded key → label, leaving out the keys that several labels fold to (其他 and 3.其他)."""
    labels: dict[str, set[str]] = {}
    for key, label in vocabulary().items():
        labels.setdefault(_fold(key), set()).add(label)
    return {key: next(iter(found)) for key, found in labels.items() if len(found) == 1}


def _closest(key: str, words: dict[str, str]) -> str | None:
    """The one word of ``words`` (key → label) at least SIMILARITY alike to ``key`` and closer than any other."""
    scores = []
    for known, label in words.items():
        matcher = SequenceMatcher(None, key, known, autojunk=False)
        if matcher.real_quick_ratio() >= SIMILARITY and matcher.quick_ratio() >= SIMILARITY:
            scores.append((matcher.ratio(), label))
    scores.sort(reverse=True)
    if scores and scores[0][0] >= SIMILARITY and (len(scores) == 1 or scores[1][0] < scores[0][0]):
        return scores[0][1]
    return None


@lru_cache(maxsize=4096)
def snap_label(text: str) -> str:
    """The template label ``text`` is a misreading of, or ``text`` itself."""
    key = label_key(text)
    if not _MIN_KEY <= len(key) <= _MAX_KEY or is_value(text) or key in vocabulary():
        return text
    folded = _fold(key)
    return (_closest(key, vocabulary())
            or (_closest(folded, _folded_vocabulary()) if len(folded) >= _MIN_FOLDED_KEY else None)
            or _section_heading(key)
            or text)


def _section_heading(key: str) -> str | None:
    """A heading whose end OCR garbled (二、主动公开政府1区二百WU): its numeral, then the first characters of
    the section's title as printed."""
    for section in SECTIONS:
        if key.startswith(section.numeral + section.title[:_HEADING_START]) and len(key) <= 2 * len(section.title):
            return f"{section.numeral}、{section.title}"
    return None


def snap_title(lines: list[Line]) -> None:
    """Puts a garbled title among the first lines of page 1 back to 〈agency〉〈year〉年政府信息公开工作年度报告
    (or its second line 〈year〉年政府信息公开工作年度报告 under the agency), so the year and agency are read
    from it; the agency is kept as read."""
    for line in [ln for ln in lines if ln.page == 1][:_TITLE_LINES]:
        m = _TITLE.match(squash(line.text))
        if line.values or not m:
            continue
        if SequenceMatcher(None, m["tail"], REPORT_TITLE_TAIL, autojunk=False).ratio() >= _TITLE_SIMILARITY:
            line.text = line.label = f"{m['agency']}{m['year']}年{REPORT_TITLE_TAIL}"
            return


def snap_place(lines: list[Line]) -> None:
    """Puts back a place name misread in the title's agency (潢川县 → 江川县: a large title's rare character)
    from the prose, which names the place in small print: a place the rest of the document never names is
    read as the one-character variant of it the rest names most, at least twice."""
    texts = [squash(ln.text) for ln in lines]
    title = [i for i, ln in enumerate(lines) if ln.page == 1 and not ln.values][:_TITLE_LINES]
    for i in title:
        line, rest = lines[i], "".join(texts[:i] + texts[i + 1:])
        m = _PLACE.match(texts[i])
        if m is None or m[0] in rest:
            continue
        place = m[0]
        named = Counter(v for v in re.findall(rf"(?=([\u4e00-\u9fff]{{{len(place) - 1}}}{place[-1]}))", rest)
                        if sum(a != b for a, b in zip(v, place)) == 1)
        if named and (best := named.most_common(1)[0])[1] >= _MIN_PLACE_MENTIONS:
            line.text = line.text.replace(place, best[0], 1)
            line.label = line.label.replace(place, best[0], 1)

"""Misread labels of a scanned report put back to the template's wording.

Tesseract often gets one character of a label wrong (不掌握 → 不学握, 不予公开 → 不子公开), and rows are
found by label. A cell or short line whose text is close to exactly one label of the official format is
read as that label. Only labels: a cell holding a number is never touched, so a misread figure stays as
read and the arithmetic checks can catch it.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from gxparse.document import is_value
from gxparse.normalize import label_key
from gxparse.template import (
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
# header cells of the official tables that are no row or column of the template
_HEADERS = ("信息内容", "申请人情况", "法人或其他组织", "行政诉讼")


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


@lru_cache(maxsize=4096)
def snap_label(text: str) -> str:
    """The template label ``text`` is a misreading of, or ``text`` itself."""
    key = label_key(text)
    if not _MIN_KEY <= len(key) <= _MAX_KEY or is_value(text) or key in vocabulary():
        return text
    scores = []
    for known, label in vocabulary().items():
        matcher = SequenceMatcher(None, key, known, autojunk=False)
        if matcher.real_quick_ratio() >= SIMILARITY and matcher.quick_ratio() >= SIMILARITY:
            scores.append((matcher.ratio(), label))
    scores.sort(reverse=True)
    if scores and scores[0][0] >= SIMILARITY and (len(scores) == 1 or scores[1][0] < scores[0][0]):
        return scores[0][1]
    return text

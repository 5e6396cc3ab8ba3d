"""Reading one printed cell into a value: counts are integers, money keeps its printed decimal digits."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from gxparse.limits import MAX_DIGITS
from gxparse.model import Cell
from gxparse.normalize import squash
from gxparse.normalize import normalize_text

# What a figure may carry after it: a footnote mark (12*, 12※, 12#; a circled or superscript 12① is 12* once
# normalised), read as the figure, or a note word (12注, 12注1, the HTML reader's 12（注）), a cell in its place but
# unread here: notewords reads a bare 注 off its figure before any cell is parsed, never 注1 (its digits may be
# the figure's own).
NOTE_MARK = r"(?:\*{1,3}|※|#)"
NOTE_WORD = r"注\d{0,2}"
_NUMBER = re.compile(r"^(?P<sign>[+-]?)(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
                     rf"(?P<unit>万元|元|件|个|条|项|次|人|家)?(?:{NOTE_MARK}|(?P<word>{NOTE_WORD}))?$")

# What tables print for zero or nothing (template.md, "Blank = ?"): a run of dashes of any width (NFKC has
# made － and ﹣ a hyphen already; ‐ ‒ – — ― − ─ ━ stay), a slash, 无 or 空. Read as 0 with `cell.blank`.
BLANK_MARK = re.compile(r"^(?:[-\u2010-\u2015\u2212\u2500\u2501]+|/|无|空)$")
# Zero written as a character: 〇 (the numeral), ○ (the circle typed for it) and 零 (the word), each alone.
ZERO_MARKS = frozenset("〇○零")
# A count printed with a leading zero (010, 00): no agency prints one, OCR does, reading a column rule between
# two zeros as 1 (0|0 → 010) or two cells as one.
OCR_NOISE = re.compile(r"^0\d+$")
# A figure printed in a cell that could not be read (the replacement character, as a decoder writes for bytes it
# cannot read): the cell keeps its place in its row and is unreadable (``ocr.digits`` writes it for a figure
# of a scanned row that no reading gives, 11 read as 也).
UNREAD_FIGURE = "\ufffd"


class UnreadFigure(str):
    """``UNREAD_FIGURE`` (equal to it wherever a reader compares) that keeps the text printed in the cell, so that
    the tables' sums may later prove a figure printed with letters for digits (``gxparse.markedfigures``)."""

    printed: str

    def __new__(cls, printed: str) -> UnreadFigure:
        figure = super().__new__(cls, UNREAD_FIGURE)
        figure.printed = printed
        return figure


# Thousands grouped by a space as typesetters group them (``1 288``: a thin space, a space, ``&nbsp;``, all spaces once
# normalised), in a cell of its own: one figure, never two figures in one cell
_SPACED_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:[ \u00a0]\d{3})+(?:\.\d+)?$")
_GROUP_SPACE = re.compile(r"[ \u00a0]")
_SPACED_SIGN = re.compile(r"^([+-])[ \u00a0]+(?=\d)")
_SIGNED = re.compile(r"^[+-]\d+(?:\.\d+)?$")
# The same figure in text split at spaces, its groups cells of their own (``12 502`` → ``12``, ``502``): a lead
# of one to three digits that is no zero, then groups of three digits, the last of which may carry decimals.
_GROUP_LEAD = re.compile(r"^[1-9]\d{0,2}$")
_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")
MAX_GROUPINGS = 256   # ways of joining a row's groups weighed: a row with more is too garbled to tell


def grouped_by_commas(cell: str) -> str:
    """A cell's figure whose thousands are grouped by spaces, grouped by commas (`` 1 288`` is ``1,288``), its
    sign set off by a space joined to it (OCR's ``- 3`` is ``-3``: in one delimited cell a dash and a figure are
    one signed figure, never a zero mark and a figure); any other text as it is."""
    figure = _SPACED_SIGN.sub(r"\1", cell.strip())
    if _SPACED_THOUSANDS.match(figure):
        return _GROUP_SPACE.sub(",", figure)
    return figure if figure != cell.strip() and _SIGNED.match(figure) else cell


def joins_group(before: str, cell: str) -> bool:
    """Whether ``cell`` can be a thousands group split from the figure ``before`` it (``12`` ``502``)."""
    return bool(_GROUP.match(cell)) and (bool(_GROUP_LEAD.match(before)) or bool(_GROUP.match(before)))


def thousands_readings(values: Sequence[str], width: int) -> list[list[str]] | None:
    """The ways of reading ``values``, a row of text split at spaces holding more cells than its ``width``, as
    ``width`` figures by joining thousands groups split from their lead (``6 12 502`` as two: ``6``,
    ``12,502``); [] when no way gives ``width`` figures, None when there are more than ``MAX_GROUPINGS``."""
    joins = len(values) - width
    if joins <= 0:
        return []
    places = [i for i in range(1, len(values)) if joins_group(values[i - 1], values[i])]
    if math.comb(len(places), joins) > MAX_GROUPINGS:
        return None
    readings = []
    for chosen in itertools.combinations(places, joins):
        joined = set(chosen)
        # a chain of groups starts at a lead (``1 234 567``), never at a group alone (``234 567``)
        if any(i - 1 not in joined and not _GROUP_LEAD.match(values[i - 1]) for i in joined):
            continue
        # a group with decimals ends its figure
        if any("." in values[i - 1] for i in joined):
            continue
        figures: list[str] = []
        for i, value in enumerate(values):
            if i in joined:
                figures[-1] += "," + value
            else:
                figures.append(value)
        readings.append(figures)
    return readings


def _too_long(m: re.Match[str]) -> bool:
    """More digits than any count or amount has (``limits.MAX_DIGITS``): not a figure, and not converted
    (Python refuses to turn over 4,300 digits into an int)."""
    return len(m["digits"]) - m["digits"].count(",") + len(m["fraction"] or "") > MAX_DIGITS + 1


def _is_blank(text: str) -> bool:
    return not text or bool(BLANK_MARK.match(text))


def _clean(raw: str) -> str:
    return normalize_text(raw).strip().replace(" ", "")


def parse_count(raw: str, signed: bool = False) -> Cell:
    """A count cell: a non-negative integer (or any integer where ``signed``); an ``UnreadFigure`` unread, its
    printed text kept as the cell's (never cached: it equals every other unread figure)."""
    if isinstance(raw, UnreadFigure):
        return Cell(None, raw.printed)
    return _parse_count(raw, signed)


@lru_cache(maxsize=8192)
def _parse_count(raw: str, signed: bool = False) -> Cell:
    text = _clean(raw)
    if _is_blank(text):   # printed empty, as a dash, a slash or 无: read as 0 and flagged (R3.7)
        return Cell(0, raw, blank=True)
    if text == UNREAD_FIGURE:
        return Cell(None, raw)
    if text in ZERO_MARKS:
        return Cell(0, raw)
    m = _NUMBER.match(text)
    if not m:
        return Cell(None, raw, invalid="不是数字")
    if m["word"]:
        return Cell(None, raw)
    if OCR_NOISE.match(text):
        return Cell(None, raw)   # not how a count is printed: unreadable, not the agency's invalid value
    unit = m["unit"]
    if _too_long(m):
        return Cell(None, raw, unit=unit, invalid="数字位数过多")
    if m["fraction"] and set(m["fraction"][1:]) != {"0"}:
        return Cell(None, raw, unit=unit, invalid="计数出现小数")
    value = int(m["sign"] + m["digits"].replace(",", ""))
    if value < 0 and not signed:
        return Cell(value, raw, unit=unit, invalid="计数为负数")
    return Cell(value, raw, unit=unit)


@lru_cache(maxsize=8192)
def parse_money(raw: str) -> Cell:
    """An amount cell: the decimal exactly as printed (as a string), so no float error creeps in."""
    text = _clean(raw)
    if _is_blank(text):
        return Cell("0", raw, blank=True)
    if text == UNREAD_FIGURE:
        return Cell(None, raw)
    if text in ZERO_MARKS:
        return Cell("0", raw)
    m = _NUMBER.match(text)
    if not m:
        return Cell(None, raw, invalid="不是金额")
    if m["word"]:
        return Cell(None, raw)
    if OCR_NOISE.match(text):
        return Cell(None, raw)   # as for counts: unreadable
    if _too_long(m):
        return Cell(None, raw, unit=m["unit"], invalid="数字位数过多")
    amount = m["sign"] + m["digits"].replace(",", "") + (m["fraction"] or "")
    try:
        Decimal(amount)
    except InvalidOperation:
        return Cell(None, raw, invalid="不是金额")
    if amount.startswith("-"):
        return Cell(amount, raw, unit=m["unit"], invalid="金额为负数")
    return Cell(amount.lstrip("+"), raw, unit=m["unit"])


def figure_count(values: Sequence[str]) -> int:
    """How many of a row's ``values`` are figures (a rule of dashes printed as text is a row of blank markers)."""
    return sum(any(ch.isdigit() for ch in value) for value in values)


# figures written as a list apart by commas, semicolons or 、 (NFKC makes ， and ； ASCII): one token, no cell
_FIGURE_LIST = re.compile(r"\d+(?:\.\d+)?(?:[,;、]\d+(?:\.\d+)?)+")


def lists_figures(text: str) -> bool:
    """Whether ``text`` holds figures written as a list anywhere (``6，32，74``, ``行政许可 1，288，行政处罚``): no
    cell reads them, so where they stay in a label they show that its row's figures were printed."""
    return _FIGURE_LIST.search(squash(text)) is not None


@dataclass(frozen=True)
class ListedFigures:
    """A line's label as printed before the list of figures that ends it (``3.其他 0，0，0``: a row's figures
    written as a list), and the figures the list holds, in order (none: no list)."""

    label: str
    figures: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.figures)


def listed_figures(label: str) -> ListedFigures:
    """The list of figures ending ``label`` (its last token: linear in the label), taken off it."""
    *head, last = label.rsplit(None, 1) or [""]
    if not _FIGURE_LIST.fullmatch(last):
        return ListedFigures(label, ())
    return ListedFigures(head[0] if head else "", tuple(re.split(r"[,;、]", last)))


# what sets a figure apart from the label before it within one cell or word: spaces (a label cell merged with the
# figures' cells), commas and quotes (CSV fields a text reader took for one word: ``行政处罚,12,``)
_SET_OFF = re.compile(r"""([\s,"]+)""")


# a figure with a note in brackets after it (``12（注）``), set off before
_NOTED_FIGURE = re.compile(r"[+-]?\d+(?:\.\d+)?[（(]")


def holds_figures(text: str) -> bool:
    """Whether ``text`` holds a figure set off by spaces, commas or quotes (a note in brackets may follow it), or
    figures written as a list, anywhere (``行政处罚 12 （注）``, ``行政处罚 12（注）``): printed figures no cell reads,
    never a row printed blank. An item number (``1.属于国家秘密``) is none."""
    return lists_figures(text) or any(_NUMBER.match(part) or _NOTED_FIGURE.match(part)
                                      for part in _SET_OFF.split(text))


def trailing_figures(label: str) -> ListedFigures:
    """The figures ending ``label`` set off from its text and from each other by spaces, commas or quotes
    (``行政事业性收费 144 4399``, ``行政处罚,12,``, ``行政事业性收费,"144``), in order, and the text before them; no
    figures where its last word is no figure (an item number, ``1.``, is none). Linear in the label."""
    parts = _SET_OFF.split(label)   # text, set-off, text, …: the text parts between set-offs are never empty
    n = len(parts) - (3 if parts[-1] == "" and len(parts) > 1 else 1)
    figures = []
    while n > 0 and _NUMBER.match(parts[n]):
        figures.append(parts[n])
        n -= 2
    if not figures:
        return ListedFigures(label, ())
    return ListedFigures("".join(parts[:n + 1]).strip(), tuple(reversed(figures)))


def printed_after(label: str, head: str) -> str:
    """The figures ``label`` prints after its text ``head`` (``trailing_figures``, ``listed_figures``), as printed,
    without the spaces, commas and quotes that set them off (``行政事业性收费,"144 4399``: ``144 4399``)."""
    return label[label.find(head) + len(head):].strip(' \t,"')

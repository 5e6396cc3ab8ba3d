"""Whether a text's glyphs show an OCR engine's hand where no digit noise does (RapidOCR's clean lines).

Brackets closed by another glyph than the one that opened them (``gxparse.ocr.brackets``) are the engine's, but a
typist switching input widths writes them too; alone they would take an error from a report whose figure is
wrong. So it takes them and another kind of misreading no typist makes, each the engine reading one glyph alone:
a template label with one character read as another (``其他结团`` for 其他结果: a report copies the template's
labels), a table's figure read as a lookalike glyph (``o`` or ``l`` between figures, a full-width ``４`` after
ASCII ones, a full stop read as ``o`` after a word), or a table rule read as a corner bracket nothing opened
(``其他」尚未``). Of the 1,273 other text fixtures none shows any of the last three kinds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gxparse.document import ASCII_FIGURE, FULL_WIDTH_DIGIT, LOOKALIKE_DIGITS
from gxparse.normalize import CJK_CHAR, label_key
from gxparse.ocr.brackets import shows_brackets_misread
from gxparse.ocr.labels import unnumbered, vocabulary

# A full stop read as the letter o: a lone o right after a word's last ideograph or closing mark.
_STOP_AS_O = re.compile(r"[\u4e00-\u9fff）》”][oO](?=$|[\s\u4e00-\u9fff])", re.MULTILINE)
# A table rule read as a corner bracket: no typed report uses 「」 but in pairs (none of the fixtures at all).
_CORNER_OPEN, _CORNER_CLOSE = "「", "」"
_MIN_LABEL = 4   # characters of a label: shorter ones (规章, 其他) are too short to tell a misreading from a word
_MAX_LABEL = 60  # no template label is longer: a longer word is prose, not looked at (bounded time)


@lru_cache(maxsize=1)
def _labels_one_out() -> frozenset[str]:
    """Every template label (its item number aside) with one character but its first left out as ``\\0``: a
    label's first characters may be a wrapped line's end (``大量反复申请`` read ``反复申请``)."""
    keys = {unnumbered(key) for key in vocabulary()}
    return frozenset(key[:at] + "\0" + key[at + 1:] for key in keys if len(key) >= _MIN_LABEL
                     for at in range(1, len(key)))


@lru_cache(maxsize=1)
def _label_heads() -> frozenset[tuple[int, str]]:
    """The length and first character of every template label long enough (its first is never read otherwise)."""
    return frozenset((len(key), key[0]) for key in _labels() if len(key) >= _MIN_LABEL)


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(unnumbered(key) for key in vocabulary())


def _label_misread(text: str) -> bool:
    """Whether a word of ``text`` is a template label with one character another (``其他结团``), the character
    read an ideograph (a figure glued to a label is no misreading)."""
    for word in {w for w in text.split() if _MIN_LABEL <= len(w) <= 2 * _MAX_LABEL}:   # prose runs longer
        key = unnumbered(label_key(word))
        if (len(key), key[:1]) in _label_heads() and key not in _labels() and any(
                CJK_CHAR.match(key[at]) and key[:at] + "\0" + key[at + 1:] in _labels_one_out()
                for at in range(1, len(key))):
            return True
    return False


def _figure_glyph_misread(text: str) -> bool:
    """Whether a figure was read as a lookalike glyph, the words read in order across lines (a box a line):
    ``3 o 0``, ``0 0 ４``, or a full stop read as ``o`` (``hazwgkc@163.com）o``)."""
    words = text.split()
    # a lookalike letter between two figures; a full-width digit after one (RapidOCR's box of a row's last cell)
    return any(ASCII_FIGURE.match(before) and (FULL_WIDTH_DIGIT.match(word) or word in LOOKALIKE_DIGITS
                                               and ASCII_FIGURE.match(after))
               for before, word, after in zip(words, words[1:], [*words[2:], ""])) \
        or bool(_STOP_AS_O.search(text))


def _rule_read_as_bracket(text: str) -> bool:
    """Whether a corner bracket closes nothing: a table rule OCR read (``其他」尚未``)."""
    if _CORNER_CLOSE not in text:
        return False
    opened = 0
    for char in text:
        if char == _CORNER_OPEN:
            opened += 1
        elif char == _CORNER_CLOSE:
            if not opened:
                return True
            opened -= 1
    return False


def shows_glyphs_misread(text: str) -> bool:
    """Whether ``text`` closes brackets by another glyph (``shows_brackets_misread``) and shows
    another kind of glyph misread besides: a label's character, a figure, or a rule."""
    return shows_brackets_misread(text) and (_label_misread(text) or _figure_glyph_misread(text)
                                             or _rule_read_as_bracket(text))

"""Brackets closed by another glyph than the one that opened them: a sign that a text is OCR's.

An OCR engine reads each glyph alone, and a full-width （ and an ASCII ) look alike, as do 〔 and 【: it closes
``（单位：万元)``, ``(七）``, ``〔2019】``. A typist's input method writes a pair in one width, and a text tool
copies what was typed. Of the 1,280 texts in tests/fixtures that tools extracted from PDFs, web pages and
Markdown none holds such a pair; every RapidOCR rendering there holds two or more. One may be a typist's slip,
so it takes ``MIN_MISMATCHED``, and a typist switching widths writes many: ``gxparse.ocr.signs`` takes them for
OCR's only with another kind of glyph misread.
"""

from __future__ import annotations

_PAIRS = {"（": "）", "(": ")", "〔": "〕", "【": "】", "［": "］", "[": "]"}
_OPENERS = {closer: opener for opener, closer in _PAIRS.items()}
# Characters from an opener to its closer: an aside in brackets is short, a label wrapped over a line or two
# (``（区分处理的，只计这一情`` / ``形，不计其他情形)``); an opener left open longer closes nothing.
_MAX_SPAN = 80
# Openers held at once: no report nests brackets deeper; beyond it the oldest is dropped (bounded memory).
_MAX_OPEN = 8
MIN_MISMATCHED = 2


def mismatched_brackets(text: str) -> int:
    """How many bracket pairs of ``text`` are closed by another glyph than their opener's (``（单位：万元)``),
    an opener taken to close with the nearest closer after it within ``_MAX_SPAN`` characters."""
    open_at: list[tuple[str, int]] = []
    mismatched = 0
    for at, char in enumerate(text):
        if char in _PAIRS:
            open_at = [*open_at[-(_MAX_OPEN - 1):], (char, at)]
        elif char in _OPENERS:
            open_at = [(opener, start) for opener, start in open_at if at - start <= _MAX_SPAN]
            if open_at:
                opener, _ = open_at.pop()
                mismatched += _PAIRS[opener] != char
    return mismatched


def shows_brackets_misread(text: str) -> bool:
    """Whether ``text`` closes ``MIN_MISMATCHED`` bracket pairs or more by another glyph than their opener's."""
    return mismatched_brackets(text) >= MIN_MISMATCHED

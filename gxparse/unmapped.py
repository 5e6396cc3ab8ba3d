"""Characters a font gave no text for, as a heading shows them: a PDF whose ToUnicode map leaves a glyph out makes
pdfium give the glyph's code as a Latin or other sign between the ideographs (收到和处理 → 收到和Ì理). A heading
holding one is not found; the officer is told which line it is and what could not be read, not only that the
heading was not found. So is he where the font gave text for none of the heading's characters (a line of such
signs alone, after its numeral at most, between the headings on either side of the section's place)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from gxparse.document import Line
from gxparse.model import Finding
from gxparse.template import SECTIONS

_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_HEADING_MISSING = re.compile(r"^未找到第([一二三四五六])部分标题")
_NUMERAL = re.compile(r"^[一二三四五六]、")
_MIN_UNMAPPED = 4   # signs a line of them alone holds to be a heading's (the shortest section title has 4)
_SIGNS_NAMED = 6


@functools.cache
def in_gb2312(ch: str) -> bool:
    """Whether a character is one of GB2312's (ASCII included): a report's own text is almost all of them."""
    if ch < " ":
        return False
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def unmapped_signs(text: str) -> str:
    """The characters outside GB2312 standing between two ideographs: glyphs a font gave no text for."""
    return "".join(dict.fromkeys(ch for before, ch, after in zip(text, text[1:], text[2:])
                                 if not in_gb2312(ch) and not ch.isspace()
                                 and _IDEOGRAPH.match(before) and _IDEOGRAPH.match(after)))


def _unmapped_line(text: str) -> str:
    """The signs of a line that holds no character of GB2312 but its numeral (三、), ``_MIN_UNMAPPED`` at least;
    '' for any other line."""
    signs = "".join(_NUMERAL.sub("", text.strip()).split())
    return signs if len(signs) >= _MIN_UNMAPPED and not any(in_gb2312(ch) for ch in signs) else ""


def _section_place(lines: Sequence[Line], numeral: str) -> Sequence[Line]:
    """The lines between the heading before section ``numeral``'s (the document's start for 一) and the first
    line opening as the heading after it."""
    numerals = [s.numeral for s in SECTIONS]
    at = numerals.index(numeral)
    start = 0
    if at:
        start = next((i + 1 for i, line in enumerate(lines) if line.text.startswith(f"{numerals[at - 1]}、")), 0)
    end = len(lines)
    if at + 1 < len(numerals):
        end = next((i for i in range(start, len(lines)) if lines[i].text.startswith(f"{numerals[at + 1]}、")), end)
    return lines[start:end]


def _unreadable_heading(lines: Sequence[Line], numeral: str) -> tuple[Line, str] | None:
    """The first line opening as section ``numeral``'s heading (三、) that holds such characters, else the first
    line of such signs alone where the heading belongs."""
    for line in lines:
        if line.text.startswith(f"{numeral}、") and (signs := unmapped_signs(line.text)):
            return line, signs
    for line in _section_place(lines, numeral):
        if signs := _unmapped_line(line.text):
            return line, "".join(dict.fromkeys(signs))[:_SIGNS_NAMED]
    return None


def heading_reasons(findings: list[Finding], lines: Sequence[Line]) -> list[Finding]:
    """The findings with each unfound heading's warning saying, where its line holds characters a font gave no
    text for, which line that is and which characters."""
    numerals = {s.numeral for s in SECTIONS}
    out = []
    for finding in findings:
        m = _HEADING_MISSING.match(finding.message) if finding.rule == "section.heading_missing" else None
        found = _unreadable_heading(lines, m.group(1)) if m and m.group(1) in numerals else None
        if found:
            line, signs = found
            reason = (f"（{line.where}「{line.text[:40]}」疑为该标题，但含字体未给出文字的字符"
                      f"「{'」「'.join(signs)}」，无法识别）")
            finding = replace(finding, message=finding.message[:m.end()] + reason + finding.message[m.end():])
        out.append(finding)
    return out

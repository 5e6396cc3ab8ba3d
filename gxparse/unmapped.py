"""Characters a font gave no text for, as a heading shows them: a PDF whose ToUnicode map leaves a glyph out makes
pdfium give the glyph's code as a Latin or other sign between the ideographs (收到和处理 → 收到和Ì理). A heading
holding one is not found; the officer is told which line it is and what could not be read, not only that the
heading was not found."""

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


def _unreadable_heading(lines: Sequence[Line], numeral: str) -> tuple[Line, str] | None:
    """The first line opening as section ``numeral``'s heading (三、) that holds such characters."""
    for line in lines:
        if line.text.startswith(f"{numeral}、") and (signs := unmapped_signs(line.text)):
            return line, signs
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

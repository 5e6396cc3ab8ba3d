"""Plain text → document lines. Text quoted as e-mail quotes a message it answers or forwards (``> ``, ``>> ``,
``> > `` before every line) is read as the text it quotes: the marks would make each row's first cell."""

from __future__ import annotations

import re

from gxparse.document import Document, lines_from_text, shows_ocr_noise, shows_rules_read
from gxparse.layout.boxtables import unboxed
from gxparse.normalize import unspaced_cjk
from gxparse.ocr.signs import shows_glyphs_misread

# a line's quote marks, each level's ``>`` with the spaces between levels, and the one space after the last
# (a tab after it is the row's first, empty, cell)
_QUOTE_MARKS = re.compile(r"^[ \t]*>(?:[ \t]*>)* ?", re.M)
_QUOTED_SHARE = 0.5   # of the text's lines that are not blank: fewer quoted is a text with a stray ``>``


def unquoted(text: str) -> str:
    """``text`` without the quote marks before its lines when most of its lines carry them (an e-mail's quoted
    message, a forward's note above it unquoted), else as it is."""
    lines = sum(1 for line in text.splitlines() if line.strip())
    quoted = len(_QUOTE_MARKS.findall(text))
    return _QUOTE_MARKS.sub("", text) if lines and quoted >= lines * _QUOTED_SHARE else text


def read_plain_text(text: str) -> Document:
    """The lines of a plain-text document (decoded)."""
    text = unspaced_cjk(unboxed(unquoted(text)))
    lines = lines_from_text(text)
    return Document(lines, "text", ocr_text=shows_ocr_noise(lines) or shows_rules_read(text),
                    glyphs_misread=shows_glyphs_misread(text))

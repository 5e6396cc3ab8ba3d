"""Text from documents made safe to show on a terminal or to hand to a spreadsheet.

Titles, agency names, URLs and messages quoting a document are written by whoever published it. Printed
as they are, an escape sequence in them moves the cursor, recolours or hides what follows, sets the window
title or writes the clipboard (OSC 52), and a bidi override (U+202E) shows text reversed. ``printable``
drops all of that: whole ESC sequences (CSI, OSC, DCS and the like), the remaining C0 and C1 control
characters except tab and newline, DEL, and the invisible bidi controls. ``gxparse check`` and every
``gxmon`` output for people or spreadsheets (tables, CSV, the JSON printed for a terminal) pass text
through it.
"""

from __future__ import annotations

import re

# CSI (ESC [ or U+009B) with its parameters and final byte; OSC, DCS, SOS, PM, APC (ESC ] P X ^ _ or
# U+009D U+0090 U+0098 U+009E U+009F) up to BEL or the string terminator; ESC and the character after it.
_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
                       r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
                       r"|\x1b.?", re.DOTALL)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` without terminal control sequences, control characters (tab and newline stay) or bidi
    controls."""
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def json_safe(encoded: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the characters a terminal acts on written as
    ``\\uXXXX`` escapes: the data stays whole, the terminal sees only ASCII for them."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)

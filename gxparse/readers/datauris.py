"""The bytes of a base64 ``data:`` URI (pictures and fonts embedded in a page). A module of its own, light to import:
the HTML reader reads embedded pictures through it without loading the positioned reader (numpy)."""

from __future__ import annotations

import base64
import binascii
import re

_DATA_URI = re.compile(r"^data:([\w.+-]+)/([\w.+-]+)(?:;[\w.+-]+=[^;,]*)*;base64,", re.I)


def data_uri(src: str, kinds: tuple[str, ...] = ("image",)) -> bytes | None:
    """The bytes of a base64 ``data:`` URI whose media type is of one of ``kinds`` (``image/…``; fonts come as
    ``application/font-woff`` or ``font/woff``); None for another source or a broken one."""
    if not (m := _DATA_URI.match(src)) or m.group(1).lower() not in kinds:
        return None
    try:
        return base64.b64decode(src[src.index(",") + 1:], validate=False)
    except (binascii.Error, ValueError):
        return None


def media_type(src: str) -> str | None:
    """The media type a ``data:`` URI names (``image/svg+xml``), lowercased; None for another source."""
    m = _DATA_URI.match(src)
    return f"{m.group(1)}/{m.group(2)}".lower() if m else None

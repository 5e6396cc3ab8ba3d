"""Excel's Save as Web Page: a cell holds its value in ``x:num`` beside the text its number format displays.

The displayed text is what the report says and is read as it stands. Only where a format shows a count in
larger units (``0!.0,"万"`` shows 12502 as ``1.3万``: no count a reader can take from the text) or an amount with
fewer decimals than were typed (``#,##0.00`` shows 8937.0276 as ``8,937.03``) is the value read from ``x:num``,
and only when the displayed text is exactly that value rounded as displayed: the unit and the number of decimals
the text shows. Anything else stays as displayed (unread where it is no figure).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from lxml import etree

# a figure shown in a larger unit: digits, at most three decimals, the unit
_IN_UNITS = re.compile(r"^(?P<figure>\d{1,9}(?:\.\d{1,3})?)(?P<unit>[万亿])$")
_UNITS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
UNIT_ENDS = frozenset(_UNITS)   # the last character of a text a unit format displays
_WHOLE = re.compile(r"^\d{1,15}$")   # x:num of a count: a whole number, no sign, no exponent
# a displayed amount with decimals (thousands grouped or not), and an x:num with more decimals than it shows
_SHOWN_DECIMAL = re.compile(r"^-?\d{1,3}(?:,?\d{3})*\.\d{1,6}$")
_STORED_DECIMAL = re.compile(r"^-?\d{1,15}\.\d{1,15}$")


def count_behind(td: etree._Element, text: str) -> str | None:
    """The count ``x:num`` holds when ``text`` is that count as a unit format displays it, else None."""
    raw = td.get("x:num")
    m = _IN_UNITS.match(text)
    if raw is None or m is None or not _WHOLE.match(raw.strip()):
        return None
    try:
        shown = Decimal(m["figure"])
    except InvalidOperation:
        return None
    count = Decimal(raw.strip())
    rounded = (count / _UNITS[m["unit"]]).quantize(Decimal(1).scaleb(shown.as_tuple().exponent), ROUND_HALF_UP)
    return str(count) if rounded == shown else None


def stored_number(td: etree._Element, text: str) -> str | None:
    """The ``x:num`` of a cell whose ``text`` is a figure in a larger unit, as stored, None when it has none."""
    raw = td.get("x:num")
    return raw.strip() if raw is not None and _IN_UNITS.match(text) else None


def amount_behind(td: etree._Element, text: str) -> str | None:
    """The amount ``x:num`` holds when ``text`` shows it with fewer decimals (rounded half up as Excel rounds),
    else None: the figure typed, of which the display is a rounding."""
    raw = (td.get("x:num") or "").strip()
    if not _SHOWN_DECIMAL.match(text) or not _STORED_DECIMAL.match(raw):
        return None
    shown, stored = Decimal(text.replace(",", "")), Decimal(raw)
    exponent = shown.as_tuple().exponent
    if stored.as_tuple().exponent >= exponent:   # no more decimals stored than shown: the display says it all
        return None
    return raw if stored.quantize(Decimal(1).scaleb(exponent), ROUND_HALF_UP) == shown else None

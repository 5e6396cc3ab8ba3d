"""The seeds as text whose table rows are split by spaces (as copied from a PDF or a web page), with their
figures written in the notations real reports use: thousands grouped by spaces or commas, full-width digits,
units, footnote marks, zeros as dashes. The truth is the seeds' own figures (a dash is a blank read as 0)."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.gxparse.seeds import seed_bytes

# a figure standing alone between spaces: a table's cell (prose glues its figures to words: 2021年)
_FIGURE = re.compile(r"(?<!\S)(?P<whole>\d+)(?P<fraction>\.\d+)?(?!\S)")
_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _spaced(name: str) -> str:
    """The seed's text with its cells apart by one space (tab text's empty cells are layout and go)."""
    return re.sub(r"[ \t]*\t[ \t]*", " ", seed_bytes(name).decode("utf-8"))


def _grouped(separator: str) -> Callable[[re.Match[str]], str]:
    def group(m: re.Match[str]) -> str:
        whole = m["whole"]
        head = len(whole) % 3 or 3
        groups = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
        return separator.join(groups) + (m["fraction"] or "")
    return group


def _zero_as(mark: str) -> Callable[[re.Match[str]], str]:
    return lambda m: mark if m.group() == "0" else m.group()


def _marked(mark: str) -> Callable[[re.Match[str]], str]:
    """Every figure but zero with a footnote mark after it."""
    return lambda m: m.group() if m.group() == "0" else m.group() + mark


def _wrapped(m: re.Match[str]) -> str:
    """A long figure ending its row wrapped by a narrow cell, its tail on a line of its own (12502 → 12 / 502)."""
    ends_line = m.string[m.end():m.end() + 1] in ("", "\n", "\r")
    return f"{m.group()[:2]}\n{m.group()[2:]}" if ends_line and len(m["whole"]) >= 4 else m.group()


# notation → what it does to one figure cell
NOTATIONS: dict[str, Callable[[re.Match[str]], str]] = {
    "spaced": lambda m: m.group(),
    "thousands-space": _grouped(" "),
    "thousands-comma": _grouped(","),
    "thousands-full-width-comma": _grouped("，"),
    "wrapped": _wrapped,
    "full-width": lambda m: m.group().translate(_FULL_WIDTH),
    "unit": lambda m: m.group() + ("" if m["fraction"] else "件"),
    "note-circled": _marked("①"),
    "note-star": _marked("*"),
    "note-word": _marked("注"),
    "note-word-explained": _marked("注"),
    "zero-dash": _zero_as("—"),
    "zero-hyphen": _zero_as("-"),
    "zero-full-width-hyphen": _zero_as("－"),
    "zero-slash": _zero_as("/"),
    "zero-full-width-slash": _zero_as("／"),
    "zero-wu": _zero_as("无"),
    "zero-kong": _zero_as("空"),
}


def _cells_wrapped(line: str) -> str:
    """A row whose narrow cells each wrap a figure of two digits or more after its first digit, as a text tool
    prints it: the heads on the row's line (which so keeps its count of cells), the tails on a line under it
    (``… 16 19`` → ``… 1 1`` / ``6 9``)."""
    tails = [m["whole"][1:] + (m["fraction"] or "") for m in _FIGURE.finditer(line) if len(m["whole"]) >= 2]
    if not tails:
        return line
    heads = _FIGURE.sub(lambda m: m["whole"][0] if len(m["whole"]) >= 2 else m.group(), line)
    return heads.rstrip() + "\n" + " ".join(tails)


def _tab_groups_apart(line: str) -> str:
    """Tab text whose every figure of four digits or more has its thousands groups in cells of their own
    (``12502`` → ``12`` ``502``): the reading that joins them is right here."""
    return "\t".join(_grouped("\t")(m) if (m := _FIGURE.fullmatch(cell)) else cell for cell in line.split("\t"))


def _tab_extra_cell(line: str) -> str:
    """Tab text whose rows ending in a figure carry one more cell of three digits (a column the template lacks):
    the reading that joins it to the figure before as a thousands group is wrong here."""
    last = line.rstrip("\t").rsplit("\t", 1)[-1]
    return f"{line.rstrip()}\t100" if "\t" in line and _FIGURE.fullmatch(last) else line


def _figures_listed(line: str) -> str:
    """A row whose figures are written as a list apart by full-width commas (``6，32，74``), as a report in prose
    or a copied list gives them: one text token no cell reads."""
    figures = list(_FIGURE.finditer(line))
    if len(figures) < 2:
        return line
    return line[:figures[0].start()] + "，".join(m.group() for m in figures) + line[figures[-1].end():]


# notation → what it does to one row (a line of the text), and whether that text is the seed's tab text
ROW_NOTATIONS: dict[str, Callable[[str], str]] = {
    "cells-wrapped": _cells_wrapped,
    "figures-listed": _figures_listed,
    "tab-groups-apart": _tab_groups_apart,
    "tab-extra-cell": _tab_extra_cell,
}
_IN_TABS = {"tab-groups-apart", "tab-extra-cell"}
# notations whose report explains its note words on a line before section 五 (under its tables)
_EXPLAINED = {"note-word-explained": "注：标“注”的数字含上级机关转办的申请。\n"}


def text_in_notation(name: str, notation: str) -> bytes:
    """The seed's text with its rows split by spaces (or, for a tab notation, by its tabs) and every figure
    cell (or every row) written in ``notation``."""
    text = seed_bytes(name).decode("utf-8") if notation in _IN_TABS else _spaced(name)
    if notation in ROW_NOTATIONS:
        return "\n".join(ROW_NOTATIONS[notation](line) for line in text.split("\n")).encode("utf-8")
    text = _FIGURE.sub(NOTATIONS[notation], text)
    if notation in _EXPLAINED:
        heading = text.index("\n五、") + 1
        text = text[:heading] + _EXPLAINED[notation] + text[heading:]
    return text.encode("utf-8")

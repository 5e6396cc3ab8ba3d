"""Records a table-finding tool made of several rows of a print without ruling lines, given back as those rows.

PyMuPDF's ``find_tables()`` guesses a borderless table's rows from the gaps between lines of text; rows set close
become one record, every field a line per row (``2`` over ``2``) and the label field every row's label lines
together, a group label's pieces among them (``（三）不 4 .保护第三方合法权益`` / ``予公开 5属于三类内部事务信息`` / ``.``).
The item numbers lose their points and spaces, so ``layout.stacked`` cannot tell the labels apart by them.

Such a record is L rows when every field of figures holds L lines of one figure each (L ≥ 2), a blank field
is blank in each (no text lies where any of them is printed), one field of text names exactly L rows of the
template (their anchors, in the order printed) and every other field of text (a group label's pieces) names
none. Row k is given each field's k-th figure and the label's text from where row k-1's anchor ended to where
row k's ends (the rest, after the last anchor, stays with the last row); a group label's field stands in the
first row. Anything else (a field of two figures on a line, a label naming fewer or more rows) stays as it is,
read or found unreadable as ever.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gxparse.document import is_value
from gxparse.layout.grid import SpannedCell
from gxparse.normalize import label_key
from gxparse.template import S2_ITEMS, S3_ALL_ROWS

_MAX_LABEL = 400   # characters of a label field searched for rows' anchors: a few rows' labels at the most



@lru_cache(maxsize=1)
def _anchors() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = [(row.key, row.anchor) for row in S3_ALL_ROWS]
    items = [(item.key, item.anchor) for items in S2_ITEMS.values() for item in items]
    return tuple((key, re.compile(anchor)) for key, anchor in dict(rows + items).items())


def _figures_only(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and all(is_value(token) for token in tokens)


def _column_of_figures(text: str) -> int | None:
    """How many lines of one figure each the field holds; None for any other field (or a blank one)."""
    lines = [line.split() for line in text.split("\n") if line.strip()]
    return len(lines) if lines and all(len(line) == 1 and is_value(line[0]) for line in lines) else None


def _named(label: str) -> list[tuple[int, int]] | None:
    """Where the rows ``label`` names are named in its ``label_key``, in printed order; None for a label too long
    to search or whose anchors overlap."""
    key = label_key(label)
    if len(key) > _MAX_LABEL:
        return None
    found = sorted((m.start(), m.end()) for _, anchor in _anchors() if (m := anchor.search(key)))
    return None if any(a[1] > b[0] for a, b in zip(found, found[1:])) else found


def _cut(label: str, found: list[tuple[int, int]]) -> list[str]:
    """``label`` cut after each row's anchor but the last (the rest stays with the last row)."""
    key = label_key(label)
    ends = [end for _, end in found[:-1]] + [len(key)]
    return [key[start:end] for start, end in zip([0, *ends[:-1]], ends)]


def _rows_of(record: list[SpannedCell]) -> list[list[SpannedCell]] | None:
    """The rows a record stacks, or None where it is one row (or not surely several). Of its fields of text,
    one names as many rows as the figures' lines, the others (a group label's pieces) none: those stand in
    the first row."""
    counts = {_column_of_figures(text) for text, _, _ in record if _figures_only(text)}
    if len(counts) != 1 or (count := counts.pop()) is None or count < 2:
        return None   # a field of figures two on a line, or fields of other heights: no one stack
    named = {i: _named(text) for i, (text, _, _) in enumerate(record) if text.strip() and not _figures_only(text)}
    labels = [i for i, found in named.items() if found is not None and len(found) == count]
    if len(labels) != 1 or any(found != [] for i, found in named.items() if i != labels[0]):
        return None
    rows: list[list[SpannedCell]] = [[] for _ in range(count)]
    for i, (text, _, colspan) in enumerate(record):
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if i == labels[0]:
            parts = _cut(text, named[i] or [])
        else:
            parts = [text] + [""] * (count - 1) if i in named else lines or [""] * count
        for row, part in zip(rows, parts):
            row.append((part, 1, colspan))
    return rows


def unstacked_records(records: list[list[SpannedCell]]) -> list[list[SpannedCell]]:
    """``records`` with every record that stacks several rows (see the module) given back as those rows."""
    out = []
    for record in records:
        stacked = _rows_of(record) if any("\n" in text for text, _, _ in record) else None
        out += stacked or [record]
    return out

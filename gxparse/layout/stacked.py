"""Rows a table stacked into one: several template rows stored as one row whose cells hold a line per row.

Word and WPS merge neighbouring rows into one when an editor selects them and merges, or when a PDF is
converted to Word; the HTML or DOCX then holds one ``<tr>`` whose label cell reads ``1.属于国家秘密<br>2.其他
法律行政法规禁止公开…`` and whose every figure cell reads ``0<br>2<br>…``. Read as one row, its figures are no
row's figures. Such a row is given back as the rows it stacked, when the stack says so unambiguously: every
figure cell holds the same number of figures, one per line, and a label cell holds that many labels (a line
each, or as many numbered items). Anything else is left as it is, to be read (or found unreadable) as ever.

Cells arrive as the readers lay them out for ``grid.expand_spans``, (text, rowspan, colspan), their lines
apart by ``\\n``; they leave with their lines joined as ``document.joined_cell_lines`` joins them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gxparse.document import is_value, joined_cell_lines

RawCell = tuple[str, int, int]   # text (lines apart by \n), rowspan, colspan
Join = Callable[[list[str]], str]   # a cell's lines to its text

# An item of a numbered list of labels: 1. / 2、 / （三） / 四、
_NUMBERED = re.compile(r"^(?:\d{1,2}[.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _label_groups(lines: list[str], count: int, by_line: bool, join: Join) -> list[str] | None:
    """The labels of ``count`` stacked rows in one cell's lines: a line each (``by_line``: where lines are
    the writer's, not wrapped by width), or one numbered item each (an item's label wrapped over its lines);
    None when the lines are not that many labels."""
    if by_line and len(lines) == count:
        return lines
    groups: list[list[str]] = []
    for line in lines:
        if _NUMBERED.match(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    if len(groups) != count or not all(_NUMBERED.match(group[0]) for group in groups):
        return None
    return [join(group) for group in groups]


def _stack(row: Sequence[RawCell], by_line: bool, join: Join) -> tuple[int, dict[int, list[str]]] | None:
    """How many rows ``row`` stacks and the cells it splits (by index: their text per stacked row); None for
    a row that stacks nothing."""
    lines = [_lines(text) for text, _, _ in row]
    figures = [i for i, ls in enumerate(lines) if ls and all(is_value(line) for line in ls)]
    counts = {len(lines[i]) for i in figures}
    if len(counts) != 1 or (count := counts.pop()) < 2 or any(row[i][1] != 1 for i in figures):
        return None
    split = {i: lines[i] for i in figures}
    for i, (_, rowspan, _) in enumerate(row):
        if i in split or rowspan != 1 or not lines[i]:
            continue
        if groups := _label_groups(lines[i], count, by_line, join):
            split[i] = groups
    if len(split) == len(figures):
        return None   # no label cell names the stacked rows: their figures are no row's
    return count, split


def unstacked(rows: Sequence[Sequence[RawCell]], join: Join = joined_cell_lines,
              labels_by_line: bool = True) -> list[list[RawCell]]:
    """``rows`` with every stacked row given back as the rows it stacked; each cell's lines joined by
    ``join``. A cell the stack does not split (a group label, an empty cell) spans all its rows, and a cell
    spanning down into a stacked row from above spans every row it became. A PDF wraps labels by width:
    there (``labels_by_line`` False) only numbered items tell the labels apart."""
    if not any("\n" in text for row in rows for text, _, _ in row):
        return [list(row) for row in rows]
    stacks = [_stack(row, labels_by_line, join) for row in rows]
    heights = [stack[0] if stack else 1 for stack in stacks]
    out: list[list[RawCell]] = []
    for r, (row, stack) in enumerate(zip(rows, stacks)):
        count, split = stack if stack else (1, {})
        new = [[] for _ in range(count)]
        for i, (text, rowspan, colspan) in enumerate(row):
            if i in split:
                for part, texts in zip(new, split[i]):
                    part.append((texts, 1, colspan))
            else:
                joined = join(text.split("\n")) if "\n" in text else text
                new[0].append((joined, sum(heights[r:r + rowspan]), colspan))
        out += new
    return out


def unstacked_row(cells: Sequence[str]) -> list[list[str]]:
    """A row of a table without spans (a Markdown pipe table), its cells' lines apart by ``\\n``, given back as
    the rows it stacked: a cell the stack does not split (a group label) stands in the first of them, empty
    in the others, as such tables print a merged cell; a row that stacks nothing is one row. Each cell's lines
    joined (``joined_cell_lines``)."""
    joined = [joined_cell_lines(text.split("\n")) for text in cells]
    stack = _stack([(text, 1, 1) for text in cells], True, joined_cell_lines) if any("\n" in t for t in cells) else None
    if stack is None:
        return [joined]
    count, split = stack
    # a slot spanned from the left (a marker, never text) stays spanned in every row
    return [[split[i][k] if i in split else text if k == 0 or not text.isprintable() else ""
             for i, text in enumerate(joined)] for k in range(count)]

"""Markdown, as PDF-, Word- and HTML-to-Markdown converters write it → document lines.

Prose loses its Markdown marks (headings, emphasis, quotes, images keep their alt text). Pipe tables are read
as table grids, like HTML tables, after undoing what converters do to them:
- a table broken into several pipe tables (one per page), each with a header row of its own, often made of
  placeholders (``Col2``, ``Column3``, ``数据1``…): placeholders are empty cells, and a fragment whose first
  row carries only label text continues the last row of the fragment before (a label the page broke), as do
  rows of short label pieces under a row of figures (a label cut at a narrow column's width);
- merged cells written once with a bare `` |`` for each further column they span (markdownify, behind
  markitdown's Word and HTML converters: ``| 25 | |``), while an empty cell has its two spaces (``|  |``):
  in a table written that tightly a single space is the cell to its left going on;
- merged cells written once per column they span (``|第二十条第（五）项|第二十条第（五）项|…``, a value
  repeated under a header that spans its columns) or written once with the other columns left out (rows
  after a rowspan are short): repeats become one spanned cell, short rows keep their figures at the right;
- ``<br>`` inside cells: the lines of one wrapped label, joined;
- tables written as HTML (``<table>`` blocks: MinerU, PaddleOCR's and olmOCR's Markdown keep complex tables
  so) are read as the HTML reader reads them, and so are tables written as LaTeX ``tabular`` (Mathpix
  Markdown: ``readers/latextables.py`` turns them into HTML);
- tables whose cells hold several figures each (``| 21 0 | 0 0 |``) or label text and a figure (``（一）予 28``):
  the converter guessed the columns from a page's text, so no table of the document is a grid (an empty cell
  there is no column of a zero printed blank): their rows are read as text lines, as extracted text is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gxparse.cells import grouped_by_commas
from gxparse.document import (Document, Line, is_value, joined_cell_lines, lines_from_text, marked_figure,
                              shows_ocr_noise)
from gxparse.layout.grid import expand_spans, grid_lines
from gxparse.layout.stacked import unstacked_row
from gxparse.limits import check_lines
from gxparse.normalize import normalize_text
from gxparse.readers.flattened import has_inline_tables, unflatten
from gxparse.readers.html import read_html_block
from gxparse.readers.latextables import has_latex_table, latex_tables_as_html
from gxparse.readers.sniff import HTML_TABLE_BLOCK_START

_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# an HTML block holding a table: converters write it on a line of its own, often wrapped in <html><body>
_HTML_TABLE_START = re.compile(HTML_TABLE_BLOCK_START, re.I)
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_PLACEHOLDER = re.compile(r"^(?:col(?:umn)?|field|unnamed:?|数据|列|字段)\s*_?\d{1,3}$", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LINE_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)+")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SEVERAL_FIGURES = re.compile(r"^\S+(?:\s+\S+)+$")
_LABEL_THEN_FIGURE = re.compile(r"^.*[\u4e00-\u9fff）)]\s+\d+$")
# markdownify writes every cell as " text |", a cell spanning further columns adds " |" for each: in a table
# whose cells all have exactly one space on each side (or are "  ", empty), a cell of one space is a span
_TIGHT_CELL = re.compile(r"^ (?:[^ ]|[^ ].*[^ ])? $")
_SPAN_MARK = " "
SPANNED = "\x00"   # a slot the cell to its left spans (kept through the row steps, merged by ``_spanned``)
_MIN_FIGURES = 3   # figures in a row before text among them is taken for a stray piece of a label
_MAX_STRAY = 8     # characters: a longer text among figures is content, not a label piece
# characters: rows of label pieces no longer than this under a row of figures are the rest of its label (a
# converter cut it at a narrow column's width); a longer label with blank cells is a row printed blank
_MAX_PIECE = 3
# header rows above a row of figures that say which columns a header spans (table 三 has three, and a caption)
_MAX_HEADER_ROWS = 6


def has_pipe_table(text: str) -> bool:
    """A pipe table: a row of cells followed by its delimiter row (``|---|---|``)."""
    lines = text.splitlines()
    return any(_DELIMITER.match(line) and "|" in line and i and "|" in lines[i - 1] for i, line in enumerate(lines))


def _inline(text: str) -> str:
    """Text without inline Markdown: images become their alt text, links their text, emphasis and escapes go."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    return _ESCAPE.sub(r"\1", text)


def _split_row(line: str) -> list[str]:
    return [_cell(c) for c in _raw_cells(line)]


def _raw_cells(line: str) -> list[str]:
    cells, current, escaped = [], [], False
    for ch in line.strip().removeprefix("|").removesuffix("|") if line.strip() != "|" else "":
        if ch == "|" and not escaped:
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        escaped = ch == "\\" and not escaped
    cells.append("".join(current))
    return cells


def _table(raw_lines: list[str], numbers: list[int]) -> _Table:
    """A pipe table's rows of cells; in a tightly written table (markdownify) a one-space cell is
    ``SPANNED``."""
    raws = [_raw_cells(line) for line in raw_lines]
    cells = [c for row in raws for c in row]
    tight = any(c == _SPAN_MARK for c in cells) and all(c == _SPAN_MARK or _TIGHT_CELL.match(c) for c in cells)
    rows, lines = [], []
    for row, number in zip(raws, numbers):   # rows stacked into one (lines apart by <br>) given back apart
        split = unstacked_row([SPANNED if tight and c == _SPAN_MARK and i else _cell_lines(c)
                               for i, c in enumerate(row)])
        rows += split
        lines += [number] * len(split)
    return _Table(rows, lines, tight)


def _filled(cell: str) -> bool:
    return bool(cell) and cell != SPANNED


def _cell(raw: str) -> str:
    """A cell's text: ``<br>`` joins the lines of a wrapped label; figures it separates stay apart."""
    return joined_cell_lines(_cell_lines(raw).split("\n"))


def _cell_lines(raw: str) -> str:
    """A cell's lines (broken by ``<br>``) apart by ``\\n``; a line's figure grouped by spaces (``1 288``) is one
    figure (``cells.grouped_by_commas``)."""
    return "\n".join(grouped_by_commas(_inline(_TAG.sub("", p))) for p in _BR.split(raw))


@dataclass
class _Table:
    """One pipe table as written: its rows of cells (the header row first) and their line numbers."""

    rows: list[list[str]]
    numbers: list[int]
    tight: bool = False   # written by markdownify: an empty cell is a blank, never a span or padding


@dataclass
class _HtmlBlock:
    """Lines of HTML from a table's start to its end tag."""

    markup: str


@dataclass
class _Markdown:
    # prose lines, groups of pipe tables, HTML tables
    blocks: list[tuple[int, str] | list[_Table] | _HtmlBlock] = field(default_factory=list)


def _source_lines(text: str) -> list[tuple[int, str]]:
    """The lines with their numbers; a layout table's row holding the whole article (tables nested inline)
    becomes the lines it flattened, each numbered as the row."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        rebuilt = unflatten(line) if has_inline_tables(line) else None
        out += [(number, part) for part in rebuilt] if rebuilt is not None else [(number, line)]
        check_lines(len(out), f"文本（到文件第 {number} 行）")
    return out


def _parse(text: str) -> _Markdown:
    """Prose lines and groups of pipe tables; tables separated only by blank lines or lines without words (a
    page number) are one table broken by the converter."""
    numbered = _source_lines(text)
    lines = [line for _, line in numbered]
    out = _Markdown()
    group: list[_Table] = []
    pending: list[tuple[int, str]] = []   # lines without words after a table: between fragments, or prose
    i = 0
    while i < len(lines):
        line = lines[i]
        if _HTML_TABLE_START.match(line):
            if group:
                out.blocks.append(group)
                group = []
            out.blocks.extend(pending)
            pending = []
            end = _html_end(lines, i)
            out.blocks.append(_HtmlBlock("\n".join(lines[i:end])))
            i = end
            continue
        if _PIPE_ROW.match(line) and i + 1 < len(lines) and _DELIMITER.match(lines[i + 1]):
            raw, numbers = [line], [numbered[i][0]]
            i += 2
            while i < len(lines) and _PIPE_ROW.match(lines[i]) and not _DELIMITER.match(lines[i]):
                raw.append(lines[i])
                numbers.append(numbered[i][0])
                i += 1
            table = _table(raw, numbers)
            pending = []
            group.append(table)
            continue
        if group and not _CJK.search(line):
            pending.append(numbered[i])
        else:
            if group:
                out.blocks.append(group)
                group = []
            out.blocks.extend(pending)
            pending = []
            out.blocks.append(numbered[i])
        i += 1
    if group:
        out.blocks.append(group)
    out.blocks.extend(pending)
    return out


def _html_end(lines: list[str], start: int) -> int:
    """The line after the one closing the table opened at ``start`` (tables nested in it included)."""
    depth = 0
    for i in range(start, len(lines)):
        depth += len(_TABLE_OPEN.findall(lines[i])) - len(_TABLE_CLOSE.findall(lines[i]))
        if depth <= 0:
            return i + 1
    return len(lines)


# ---------------------------------------------------------------------------------------------------
# tables


def _numeric(cell: str) -> bool:
    return bool(cell) and is_value(cell)


def _is_data(row: list[str]) -> bool:
    """A row of figures: a value cell, and nothing but values, blanks or figures whose reading sums must prove
    (``marked_figure``) after the first one."""
    first = next((i for i, c in enumerate(row) if _numeric(c)), None)
    return first is not None and all(not _filled(c) or _numeric(c) or marked_figure(c) for c in row[first:])


def _labels_first(row: list[str]) -> list[str]:
    """A row of figures with short label text among or after them (a vertical group label a converter
    pushed into the data cells): that text joins the label, its slots are dropped. Label text is Chinese: a
    stray of letters among figures (``O``, ``1O``) is a figure OCR misread and keeps its slot."""
    first = next((i for i, c in enumerate(row) if _numeric(c)), None)
    if first is None or sum(_numeric(c) for c in row) < _MIN_FIGURES:
        return row
    stray = [c for c in row[first:] if _filled(c) and not _numeric(c)]
    if not stray or any(len(c) > _MAX_STRAY or not _CJK.search(c) for c in stray):
        return row
    return row[:first] + stray + [c for c in row[first:] if not _filled(c) or _numeric(c)]


def _several_figures(table: _Table) -> bool:
    return any(_SEVERAL_FIGURES.match(c) and all(is_value(t) for t in c.split()) for row in table.rows for c in row)


def _guessed(table: _Table) -> bool:
    """Whether the converter guessed the table's columns from a page's text: a cell holds several figures, or
    label text and then a figure (``（一）予 28``: the label's column ran into the first figure's)."""
    return _several_figures(table) or any(_LABEL_THEN_FIGURE.match(c) for row in table.rows for c in row)


def _without_placeholders(row: list[str]) -> list[str]:
    return ["" if _PLACEHOLDER.match(c) else c for c in row]


def _continues(row: list[str], previous: list[str]) -> bool:
    """A first row holding only label text, under the label cells of a row of figures just before it."""
    if not _is_data(previous) or any(_numeric(c) for c in row) or not any(map(_filled, row)):
        return False
    first_value = next(i for i, c in enumerate(previous) if _numeric(c))
    return all(not _filled(c) for c in row[first_value:])


def _join_continuation(row: list[str], previous: list[str]) -> None:
    labels = [i for i, c in enumerate(previous) if _filled(c) and not _numeric(c)]
    if not labels:
        # figures whose label is all in the pieces after them (a converter put the label's first line on
        # the previous page's row): the pieces become the label, in the empty cells before the figures
        first_value = next(i for i, c in enumerate(previous) if _numeric(c))
        if first_value == 0:
            previous.insert(0, "")
            first_value = 1
        labels = [first_value - 1]
    for i, text in enumerate(row):
        if _filled(text):
            target = i if i < len(previous) and _filled(previous[i]) and not _numeric(previous[i]) else labels[-1]
            previous[target] += text


def _merged_columns(header: list[list[str]], width: int) -> set[int]:
    """Columns that the header rows above span together with the column to their left (a header cell
    repeated across them; a row empty in both says nothing): the figures below are one cell written once
    per column."""
    def agree(h: list[str], c: int) -> bool | None:
        left, right = (h[c - 1] if c - 1 < len(h) else ""), (h[c] if c < len(h) else "")
        return None if not left and not right else left == right

    merged = set()
    for c in range(1, width):
        votes = [v for h in header if (v := agree(h, c)) is not None]
        if votes and all(votes):
            merged.add(c)
    return merged


def _spanned(row: list[str], merged: set[int]) -> list[tuple[str, int, int]]:
    """Cells with their colspan: a slot marked spanned, a text repeated in the next column, or a figure
    repeated under a merged header, is part of the cell to its left."""
    cells: list[tuple[str, int, int]] = []
    for c, text in enumerate(row):
        if cells and text == SPANNED or cells and text and text == cells[-1][0] and (not _numeric(text) or c in merged):
            cells[-1] = (cells[-1][0], 1, cells[-1][2] + 1)
        else:
            cells.append((text, 1, 1))
    return cells


def _blank_after_label(row: list[str]) -> int | None:
    """Where the empty cells begin in a row of label text (or none) and then only empty cells (a row printed
    blank; a caption is a label and only the slots it spans)."""
    end = len(row)
    while end and not _filled(row[end - 1]):
        end -= 1
    empty = "" in row[end:]
    return end if empty and not any(_numeric(c) for c in row) else None


def _right_aligned(row: list[str], width: int, tight: bool) -> list[str] | None:
    """A row of figures, or a row printed blank (known by a tight table's empty cells, or by being shorter
    than its table): the cells a rowspan covered were left out at its start, so its figures (or blanks)
    belong to the last columns; a figure with letters for digits or a dash right before its first value is its
    first figure (``l7``: taken for label text, it left the first column blank, read as 0). None for a row that is
    neither (a header, a caption)."""
    if _is_data(row):
        first = next(i for i, c in enumerate(row) if _numeric(c))
        while first > 1 and marked_figure(row[first - 1]):
            first -= 1
    elif (tight or len(row) < width) and _blank_after_label(row) is not None:
        first = 0   # the blanks do not say where the figures would begin: the label goes right before them
    else:
        return None
    return row[:first] + [""] * max(0, width - len(row)) + row[first:]


def _grid_rows(tables: list[_Table]) -> list[list[list[tuple[str, int, int]]]]:
    """Each fragment of a broken table as rows of (text, rowspan, colspan), ready for ``expand_spans``."""
    fragments: list[list[list[str]]] = []
    tight = any(table.tight for table in tables)
    for table in tables:
        rows = [_without_placeholders(table.rows[0]), *table.rows[1:]]
        if fragments and fragments[-1] and _continues(rows[0], fragments[-1][-1]):
            _join_continuation(rows[0], fragments[-1][-1])
            rows = rows[1:]
        kept: list[list[str]] = []
        # a row of empty cells under the header row of a tight table is printed blank (table 四 in a year
        # without reviews or suits); elsewhere an empty row is layout
        for row in (r for i, r in enumerate(rows) if any(map(_filled, r)) or tight and i and "" in r):
            if kept and _continues(row, kept[-1]) and all(len(c) <= _MAX_PIECE for c in row):
                _join_continuation(row, kept[-1])   # a label the converter cut into narrow pieces
            else:
                kept.append(row)
        fragments.append(kept)
    out = []
    for rows in fragments:
        width = max((len(r) for r in rows), default=0)
        spanned: list[list[tuple[str, int, int]]] = []
        header: list[list[str]] = []   # the header rows right above the current rows of figures
        after_data = False
        for row in map(_labels_first, rows):
            if (aligned := _right_aligned(row, width, tight)) is not None:
                # a tight table marks its spans: a figure repeated there is two cells
                spanned.append(_spanned(aligned, set() if tight else _merged_columns(header, width)))
                after_data = True
                continue
            header = [row] if after_data else [*header[-_MAX_HEADER_ROWS + 1:], row]
            after_data = False
            texts = [c for c in row if _filled(c)]
            # a caption or heading written in the first cell of a row: one cell across the table
            spanned.append([(texts[0], 1, width)] if len(texts) == 1 and row[0] else _spanned(row, set()))
        out.append(spanned)
    return out


def _text_lines(tables: list[_Table]) -> list[Line]:
    """A table whose cells hold several figures each, read as the text it was guessed from."""
    return [line for table in tables for row, number in zip(table.rows, table.numbers)
            for line in lines_from_text(" ".join(c for c in row if _filled(c)), first_lineno=number)]


# ---------------------------------------------------------------------------------------------------
# the document


def _prose(text: str) -> str:
    return _inline(_TAG.sub("", _LINE_MARKS.sub("", text)))


def read_markdown(text: str) -> Document:
    if has_latex_table(text):
        text = latex_tables_as_html(text)
    parsed = _parse(normalize_text(text))
    lines: list[Line] = []
    tables = 0
    # one converter wrote the whole document: where it guessed one table's columns from the page's text, the
    # empty cells of every table are its guesses too (a zero printed blank has no column there)
    guessed = any(_guessed(t) for block in parsed.blocks if isinstance(block, list) for t in block)
    for block in parsed.blocks:
        if isinstance(block, tuple):
            number, raw = block
            lines += lines_from_text(_prose(raw), first_lineno=number)
            continue
        if isinstance(block, _HtmlBlock):
            read, tables = read_html_block(block.markup, tables)
            lines += read
            continue
        if guessed:
            lines += _text_lines(block)
            continue
        for rows in _grid_rows(block):
            tables += 1
            lines += grid_lines(expand_spans(rows), tables)
    # an OCR-to-Markdown tool's text shows OCR's digit noise: its figures are no evidence
    return Document(lines, "markdown", ocr_text=shows_ocr_noise(lines))

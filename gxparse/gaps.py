"""What a parse lacks, and why: absent from the document, or not read by gxparse.

A section, table or row the parse does not have is only the agency's fault when the document shows where it
should stand and that nothing stands there: the sections on both sides of a missing heading, the rows printed
directly one after the other around a missing row. Anything else (a heading with no readable table under it,
a row label printed without figures gxparse could take, figures under no label, a document that may be a
fragment) is a reading gap: reported as a warning that names what could not be read, never as an error.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gxparse import deadline
from gxparse.cells import UNREAD_FIGURE, figure_count, listed_figures
from gxparse.document import Line
from gxparse.model import Evidence, Gap
from gxparse.notewords import explains_notes
from gxparse.normalize import CJK_CHAR, label_key, squash
from gxparse.rows import RawRow
from gxparse.sections import Sections, embedded_heading, table_header_lines
from gxparse.tables.tableread import TableRead
from gxparse.template import (HEADER_LABELS, PROSE_SECTIONS, S2_ITEMS, S3_COLUMNS, S4_WIDTH, SECTION_PARTS,
                               SECTIONS, TABLES_TITLE_WORDS, Item, Section)

_MAX_HEADING = 40   # characters: a numbered line longer than this is prose, not a heading gxparse missed
TABLE_UNREAD = "标题之后未能读取统计表"
# what a text converter writes in place of a table it cannot draw: pandoc -t plain, a table with rowspans
_TABLE_PLACEHOLDERS = frozenset(["[TABLE]"])
_PARTS_PRINTED = "该处印有该部分的分项小标题，只是未找到该部分的标题"
_PART_NUMBER = re.compile(r"^(?:[(（][一二三四五六七八九十][)）]|[一二三四五六七八九十]是|\d{1,2}[、.．])")
# a caption naming one of the report's tables (a sheet named 表四, 表2 above a table): no row of a table
_CAPTION = re.compile(r"表[一二三四1-4]")
_PAGE_HEADER = re.compile(r"^(?:page|p\.)\s*(\d{1,4})(?!\d)|^第\s*(\d{1,4})\s*页", re.IGNORECASE)
_HEADER_CHARS = frozenset(CJK_CHAR.findall("".join(HEADER_LABELS)))
_HEADER_STARTS = tuple(label_key(label) for label in HEADER_LABELS if len(label) >= 4)
_TABLE_ROW_VALUES = 3   # figures on a line that no table took: a table row gxparse could not place
_WORD = 3               # characters of a label that, found in another row's printed text, name this row
_GLUED_DIGITS = 10      # digits running without a break: no count of a report is that large
_FIGURES, _WORDS = "figures", "words"   # a line no row took: figures under no label, a short run of words
# the most figures a row of each section's table holds (table 四 printed as one row of its three blocks)
_WIDEST_ROW = {"s2": max(len(item.columns) for items in S2_ITEMS.values() for item in items), "s3": len(S3_COLUMNS),
               "s4": S4_WIDTH}


def line_evidence(line: Line) -> Evidence:
    return Evidence(line.text, line.where)


def row_evidence(row: RawRow) -> Evidence:
    """The row as printed: figures a reading could not place (``UNREAD_FIGURE``) were never printed."""
    return Evidence(" ".join([row.label, *(v for v in row.values if v != UNREAD_FIGURE)]).strip(), row.where)


# ---------------------------------------------------------------------------------------------------
# rows of a table that was read


@dataclass
class TableContext:
    """Where a table was read from: its lines, and what shows where the table starts (its section heading)
    and ends (the next section heading found), when the document shows it."""

    lines: Sequence[Line]
    start: Evidence | None
    end: Evidence | None
    used_elsewhere: frozenset[str] = frozenset()   # lines (by where) another table was read from
    title: str = ""   # the report's title: repeated above a table (a page's or a sheet's running title), no row


def row_gaps(read: TableRead, row_keys: Sequence[str], context: TableContext,
             match: Callable[[str], str | None], label_of: Callable[[str], str | None] = lambda key: None,
             ) -> dict[str, Gap]:
    """A gap for every template row of a read table whose cells are all unknown. ``label_of`` gives a row's
    template label (where the table has one per row), to see it printed inside a neighbour's text."""
    if read.table is None:
        return {}
    gaps: dict[str, Gap] = {}
    printed: _Printed | None = None
    for index, key in enumerate(row_keys):
        cells = read.table.get(key, {})
        if not cells or any(c.value is not None or c.invalid for c in cells.values()):
            continue
        printed = printed or _Printed(read, context, match)
        gaps[key] = _row_gap(read, row_keys, index, context, printed, label_of)
    return gaps


class _Printed:
    """What a read table's lines print, worked out once for all its rows' gaps: each gap read every line again
    (a label matched twice a line, a label key a line), 21 gaps over 20,000 lines of prose took 75 s."""

    def __init__(self, read: TableRead, context: TableContext, match: Callable[[str], str | None]) -> None:
        self.keys = [label_key(line.text) for line in deadline.layout_timed(context.lines)]
        self.places = Counter(line.where for line in context.lines)
        self.index = {line.where: i for i, line in enumerate(context.lines)}
        self.named: dict[str, Line] = {}   # a row's key → the first line below the header naming it
        self._match = match
        self._below = _below_header(read, context, self.keys)
        self._matched = 0   # of those lines, matched so far
        self._loose: list[str] | None = None
        self._words: list[str] | None = None   # each line below the header's Chinese characters

    def naming(self, key: str) -> Line | None:
        """The first line below the header whose label (or its label before a list of figures) names ``key``:
        the lines are matched as far as needed, each once."""
        while key not in self.named and self._matched < len(self._below):
            deadline.check_layout_time()
            line = self._below[self._matched]
            self._matched += 1
            if line.label:
                for found in (self._match(line.label), self._match(listed_figures(line.label).label)):
                    if found is not None:
                        self.named.setdefault(found, line)
        return self.named.get(key)

    def showing(self, key: str, row_keys: Sequence[str], label_of: Callable[[str], str | None]) -> Line | None:
        """The first line below the header whose words hold the row's whole template label (``_WORD`` characters
        at least), outside another row's label holding it: the row is printed, though no label match took the
        line (figures typed as letters, ``（六）其他处理 1 O O O O O 1``, run into its label), so it is not absent."""
        own = _chinese(label_of(key))
        if len(own) < _WORD:
            return None
        longer = [words for words in (_chinese(label_of(k)) for k in row_keys if k != key) if own in words]
        if self._words is None:
            self._words = [_chinese(line.text) for line in self._below]
        for line, words in zip(self._below, self._words):
            for other in longer:
                words = words.replace(other, "")
            if own in words:
                return line
        return None

    def loose(self, context: TableContext) -> list[str]:
        """Each line's ``_loose_kind``, worked out at the first gap that asks."""
        if self._loose is None:
            self._loose = [_loose_kind(line, text, context)
                           for line, text in deadline.layout_timed(zip(context.lines, self.keys))]
        return self._loose


def _row_gap(read: TableRead, row_keys: Sequence[str], index: int, context: TableContext, printed: _Printed,
             label_of: Callable[[str], str | None]) -> Gap:
    key = row_keys[index]
    if key in read.rows:
        return Gap(False, [row_evidence(read.rows[key])], "印有该行，但其数字无法逐列确定")
    if read.cell_per_line:
        if _stream_lacks(read, key, context, label_of):
            return _between(read, row_keys, index, context)
        return Gap(False, [line_evidence(ln) for ln in context.lines if ln.values][:3],
                   "表格逐格分行印出，无法确定该行的数字")
    # a label whose row's figures are written after it as a list (``3.其他 0，0，0``) names the row without them
    labelled = printed.naming(key)
    if labelled is not None:
        return Gap(False, [line_evidence(labelled)], "印有该行行名，但未能读出其数字")
    before = next((read.rows[k] for k in reversed(row_keys[:index]) if k in read.rows), None)
    after = next((read.rows[k] for k in row_keys[index + 1:] if k in read.rows), None)
    between = [r for r in read.extras if r.where not in context.used_elsewhere and figure_count(r.values)
               and (before is None or r.order > before.order) and (after is None or r.order < after.order)]
    if between:
        return Gap(False, [row_evidence(r) for r in between[:3]], "此处有未能识别行名的数字行")
    unplaced = _unplaced_lines(context, printed, before, after)
    if unplaced is None:
        return Gap(False, [row_evidence(r) for r in (before, after) if r], "无法确定该行在文档中的位置")
    if unplaced:
        return Gap(False, [line_evidence(ln) for ln in unplaced[:3]], "此处有未能归入任何一行的文字")
    neighbours = [r for r in (before, after) if r]
    if any(_printed_inside(label_of(key), row, label_of) for row in neighbours):
        return Gap(False, [row_evidence(r) for r in neighbours], "该行行名印在相邻行的文字中，未能分开读出")
    shown = printed.showing(key, row_keys, label_of)
    if shown is not None:
        return Gap(False, [line_evidence(shown)], "印有该行行名，但未能读出其数字")
    return _between(read, row_keys, index, context)


def _chinese(text: str | None) -> str:
    """A text's Chinese characters: what stays of a label whatever a text did to its numbering and spacing."""
    return "".join(CJK_CHAR.findall(label_key(text or "")))


def _below_header(read: TableRead, context: TableContext, keys: list[str]) -> list[Line]:
    """The table's lines without the column headers printed above its first row read: a header (其他, a
    column of table 三) is no row's label (3.其他's), though a label matcher may take it for one. ``keys``: each
    line's label key."""
    rows = {r.where for r in read.rows.values()}
    first = min((i for i, line in enumerate(context.lines) if line.where in rows), default=len(context.lines))
    return [line for i, line in enumerate(context.lines) if i >= first or line.values or not _is_header(keys[i])]


def unprinted_subtables(gaps: dict[str, Gap], read: TableRead, lines: Sequence[Line], items: Sequence[Item]
                        ) -> dict[str, Gap]:
    """``gaps`` of table 二's rows with the rows of a sub-table the text prints nothing of (no line naming its
    caption 第二十条第（X）项, no row of it read) made unread: a converter that kept only part of the table (an
    LLM pipeline's Markdown keeping 第二十条第（一）项's two rows) cut it; an absent row is the agency's only
    where its sub-table is printed around it."""
    printed = label_key("".join(line.text for line in lines))
    shown = {item.caption for item in items if item.key in read.rows or label_key(item.caption) in printed}
    out = dict(gaps)
    for item in items:
        gap = gaps.get(item.key)
        if gap is not None and gap.absent and item.caption not in shown:
            out[item.key] = Gap(False, gap.evidence, f"文本中既无{item.caption}的标题，也无该项表格的任何一行，"
                                                     "可能是转换时未保留该表")
    return out


def kept_part(gaps: dict[str, Gap], read: TableRead, fewest: int) -> dict[str, Gap]:
    """``gaps`` of a table read from fewer than ``fewest`` rows (``s3.S3_MIN_ROWS``: a part a pipeline kept)
    made unread: the rows around an absent one are not printed either, so nothing shows it is the agency's."""
    if len(read.rows) >= fewest:
        return gaps
    return {key: Gap(False, gap.evidence, f"文本只保留了该表的{len(read.rows)}行") if gap.absent else gap
            for key, gap in gaps.items()}


def _between(read: TableRead, row_keys: Sequence[str], index: int, context: TableContext) -> Gap:
    """The row absent between the rows read on either side of its place (or the table's start and end)."""
    before = next((read.rows[k] for k in reversed(row_keys[:index]) if k in read.rows), None)
    after = next((read.rows[k] for k in row_keys[index + 1:] if k in read.rows), None)
    first = row_evidence(before) if before else context.start
    last = row_evidence(after) if after else context.end
    if first is None:
        return Gap(False, [last] if last else [], "未找到表格的开头")
    if last is None:
        return Gap(False, [first], "未找到表格的结尾（文档可能不完整）")
    return Gap(True, [first, last])


def _stream_lacks(read: TableRead, key: str, context: TableContext, label_of: Callable[[str], str | None]) -> bool:
    """A table printed a cell per line positively lacks a row only when every other row was read whole and no
    word of the row's label (``_WORD`` characters running, so a label broken a piece a line still counts) is
    printed among the table's lines: then no figure of it can be standing unread. Otherwise the order of the
    figures is unsure and the row is unread."""
    label = label_of(key)
    if not label or any(c.value is None for k, cols in (read.table or {}).items() if k != key for c in cols.values()):
        return False
    words = CJK_CHAR.findall(label_key(label))
    pieces = {"".join(words[i:i + _WORD]) for i in range(max(1, len(words) - _WORD + 1))}
    printed = _chinese("".join(line.text for line in context.lines))
    return not any(piece in printed for piece in pieces)


def _unplaced_lines(context: TableContext, printed: _Printed, before: RawRow | None,
                    after: RawRow | None) -> list[Line] | None:
    """Lines between two rows that are part of neither row's label (a label of another row broken into
    pieces, figures under no label), leaving out page numbers, prose, the table's own column headers, lines
    explaining notes (``注：…``), the report's title repeated and a table's caption.
    None when the rows cannot be placed among the lines (no line, or several, at their place)."""
    if any(row and printed.places[row.where] != 1 for row in (before, after)):
        return None
    low = printed.index[before.where] + 1 if before else 0
    high = printed.index[after.where] if after else len(context.lines)
    labels = "".join(label_key(row.label) for row in (before, after) if row)
    kinds = printed.loose(context)
    return [line for line, text, kind in zip(context.lines[low:high], printed.keys[low:high], kinds[low:high])
            if kind == _FIGURES or (kind == _WORDS and text not in labels)]


def _loose_kind(line: Line, text: str, context: TableContext) -> str:
    """What a line (``text`` its label key) may be that no row took, whichever rows are around it: figures under
    no label, a short run of words (a piece of a label), or neither (page numbers, prose, headers, notes, the
    report's title repeated, a table's caption, a line another table was read from)."""
    furniture = label_key(context.title)
    if line.where in context.used_elsewhere or (furniture and text == furniture) or _CAPTION.fullmatch(text):
        return ""
    if figure_count(line.values) and CJK_CHAR.search(text) is None:
        return _FIGURES
    if CJK_CHAR.search(text) and not _is_header(text) and len(text) <= _MAX_HEADING and not explains_notes(line):
        return _WORDS
    return ""


def _printed_inside(label: str | None, row: RawRow, label_of: Callable[[str], str | None]) -> bool:
    """Words of the missing row's label (three characters running) stand in the neighbour row's printed
    label and not in its own template label: narrow cells broke both labels into pieces, and the neighbour
    took the missing row's pieces with its own — the row is printed, only not read apart."""
    if not label:
        return False
    words = CJK_CHAR.findall(label_key(label))
    own = label_key(label_of(row.key) or "") if row.key else ""
    printed = label_key(row.label)
    pieces = {"".join(words[i:i + _WORD]) for i in range(len(words) - _WORD + 1)}
    return any(piece in printed and piece not in own for piece in pieces)


def _glued_cells(line: Line) -> bool:
    """A digit run too long to be any count: a row of cells whose separators the extraction lost."""
    return any(len(value) >= _GLUED_DIGITS and value.isdigit() for value in line.values)


def _is_header(text: str) -> bool:
    """A column-header line of a table (repeated at a page break, or broken over lines): its characters are
    all characters of the template's header labels, or it starts with one (信息内容…, with local additions
    such as 保留4位小数)."""
    return set(CJK_CHAR.findall(text)) <= _HEADER_CHARS or text.startswith(_HEADER_STARTS)


# ---------------------------------------------------------------------------------------------------
# sections


def section_gaps(sections: Sections, tables: dict[str, TableRead], title: Evidence | None) -> dict[str, Gap]:
    """A gap for every section whose heading was not found (and whose table, for 二/三/四, was not read),
    and for every table section whose heading was found but whose table was not read."""
    gaps: dict[str, Gap] = {}
    used = frozenset([raw.where for read in tables.values() for raw in read.rows.values()]
                     + [tail for read in tables.values() for tail in read.tails])
    found = [i for i, s in enumerate(SECTIONS) if s.key in sections.headings]
    for index, section in enumerate(SECTIONS):
        read = tables.get(section.key)
        has_table = read is not None and read.table is not None
        if section.key in sections.headings:
            if read is not None and not has_table:
                gaps[section.key] = _table_unread(sections, section.key)
            continue
        if has_table:
            continue
        gaps[section.key] = _section_gap(sections, found, index, title, used)
    return gaps


def _table_unread(sections: Sections, key: str) -> Gap:
    """The gap of a table under its heading that was not read: where the section holds a converter's placeholder
    for it (``[TABLE]``), that line is shown and said to be all the text holds of the table."""
    evidence = [line_evidence(sections.headings[key])]
    placeholder = next((ln for ln in sections.bodies.get(key, []) if ln.text.strip() in _TABLE_PLACEHOLDERS), None)
    if placeholder is None:
        return Gap(False, evidence, TABLE_UNREAD)
    return Gap(False, [*evidence, line_evidence(placeholder)],
               f"文本中该表只有「{placeholder.text.strip()}」：转换为文本的工具未写出其内容，表中数字不在文本中")


def tables_alone(gaps: dict[str, Gap]) -> dict[str, Gap]:
    """The gaps of a text holding a document's tables alone (a table-to-CSV step): the sections' headings and
    prose were never in it, so a section no heading shows between its neighbours is not found, never absent."""
    keys = {s.key for s in SECTIONS}
    return {key: Gap(False, gap.evidence, "文本只含文档的表格（表格转CSV），各部分标题与正文不在其中")
            if gap.absent and key in keys else gap for key, gap in gaps.items()}


def holds_tables_only(sections: Sections, tables: dict[str, TableRead], title: Evidence | None) -> bool:
    """A document that is the statistics tables alone (an attachment ``附件：…统计表.xls``, a platform's table
    export, a workbook with a table a sheet), the report's prose published apart: a table read, no heading of a
    prose section, and a title naming the tables or not one sentence outside the notes under a table. A report
    printing prose anywhere is no such document: there a section missing between its neighbours stays absent."""
    if not any(read.table is not None for read in tables.values()) \
            or any(key in sections.headings for key in PROSE_SECTIONS):
        return False
    if title and any(word in title.text for word in TABLES_TITLE_WORDS):
        return True
    lines = sections.preamble + [ln for body in sections.bodies.values() for ln in body]
    return not any(_sentence(ln) for ln in lines)


def _sentence(line: Line) -> bool:
    """A line of prose: text with a full stop (figures in it or not), no note under a table (``注：…``)."""
    return "。" in line.text and not explains_notes(line)


def prose_published_apart(gaps: dict[str, Gap], title: Evidence | None) -> dict[str, Gap]:
    """The gaps of a document holding the tables alone (``holds_tables_only``): its prose sections are not in it,
    which says nothing of the report's, so each is not found, for that one cause, shown by the title."""
    evidence = [title] if title else []
    return {key: Gap(False, evidence, "文档只含统计表，报告正文可能另行发布")
            if key in PROSE_SECTIONS else gap for key, gap in gaps.items()}


def _section_gap(sections: Sections, found: list[int], index: int, title: Evidence | None,
                 used: frozenset[str]) -> Gap:
    section = SECTIONS[index]
    before = max((i for i in found if i < index), default=None)
    after = min((i for i in found if i > index), default=None)
    after_heading = line_evidence(sections.headings[SECTIONS[after].key]) if after is not None else None
    if before is None:
        if after_heading is None:
            return Gap(False, [], "文档中未找到任何部分标题")
        if title is None:
            return Gap(False, [after_heading], "未找到报告标题，文档可能不完整")
        later_page = next((ln for ln in sections.preamble if _later_page(ln.text)), None)
        if later_page is not None:
            return Gap(False, [line_evidence(later_page), after_heading],
                       "文本从原文的后续页开始（翻页版或分页摘录的一页），此前各部分不在文本中")
        first, between = title, sections.preamble
    else:
        first, between = line_evidence(sections.headings[SECTIONS[before].key]), sections.bodies[SECTIONS[before].key]
    parts = [ln for ln in between if _part_heading(ln, section)]
    if after_heading is None:
        if parts:
            return Gap(False, [line_evidence(ln) for ln in parts[:3]], _PARTS_PRINTED)
        return Gap(False, [first], "该部分应在文档末尾，文档可能不完整")
    lookalike = _unrecognised_heading(between, section)
    if lookalike is not None:
        return Gap(False, [line_evidence(lookalike)], "有一行带该部分序号，但标题与模板不同")
    embedded = next((ln for ln in between if embedded_heading(ln, section)), None)
    if embedded is not None:
        return Gap(False, [line_evidence(embedded)], "该部分的标题印在一行其他文字之中，未能作为标题读取")
    # glued cells are unread even where a table took their line: no figure can be read from them
    unread = [ln for ln in between if _glued_cells(ln) or _unread_list(ln, section)
              or (figure_count(ln.values) >= _TABLE_ROW_VALUES and ln.where not in used)]
    if unread:
        return Gap(False, [line_evidence(ln) for ln in unread[:3]], "该处有未能读取的表格数字")
    header = table_header_lines(between, section.key)
    if header:
        return Gap(False, [line_evidence(ln) for ln in header[:3]], "该处印有该部分统计表的表头，但未能读取表格")
    if parts:
        return Gap(False, [line_evidence(ln) for ln in parts[:3]], _PARTS_PRINTED)
    return Gap(True, [first, after_heading])


def _later_page(text: str) -> bool:
    """A page header naming a page after the first (``Page 8 - …``, ``P. 8``, ``第8页``): a flip-book's page or a
    paged excerpt begins there, its title repeated as the running header, the parts before it on other pages."""
    number = _PAGE_HEADER.match(squash(text))
    return number is not None and int(number.group(1) or number.group(2)) > 1


def _part_heading(line: Line, section: Section) -> bool:
    """A short line numbered as a part (（一）, 1、) naming one of the section's parts (``SECTION_PARTS``)."""
    text = squash(line.text).lstrip("#*>")
    return len(text) <= _MAX_HEADING and _PART_NUMBER.match(text) is not None \
        and any(part in text for part in SECTION_PARTS.get(section.key, ()))


def _unread_list(line: Line, section: Section) -> bool:
    """Figures alone on a line written as a list (``0，0，0``: no cell reads them), no more than a row of the
    section's table holds: that table's unread row may be these (a list after a row's label is that row's)."""
    listed = listed_figures(line.label)
    return not listed.label and _TABLE_ROW_VALUES <= listed.count <= _WIDEST_ROW.get(section.key, 0)


def _unrecognised_heading(lines: Sequence[Line], section: Section) -> Line | None:
    """A short line numbered like ``section`` (三、 / 第三部分) that was not taken for its heading. Arabic
    numbers are left out: prose numbers its lists 1. 2. 3."""
    numbered = re.compile(rf"^第?{section.numeral}(?:部分)?[、.:]")
    for line in lines:
        text = squash(line.text).lstrip("#*>")
        if len(text) <= _MAX_HEADING and numbered.match(text) and not line.values:
            return line
    return None

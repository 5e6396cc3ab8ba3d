"""Reading table 三 (applications received and how they were answered) from document lines into cells.

Rows are found by label (``rows.collect_rows``); rows with too few or too many numbers are realigned with the
table's own arithmetic (``realign``, ``placement``) and used only when exactly one reading satisfies every rule.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from gxparse.extraction.cellstream import (TILING_BUDGET, Shape, is_cell_per_line, is_column_header, lay_run, read_flow,
                                           read_stream, StreamRead, boxes_of)
from gxparse.cells import UNREAD_FIGURE, holds_figures, parse_count
from gxparse.document import Line, is_column_header_label
from gxparse.ocr.ruledruns import ruled_reading, ruled_readings
from gxparse.arithmetic.ocrorder import solve_box_order
from gxparse.arithmetic.multiset import Budget, solve_blank_rows, solve_rows
from gxparse.arithmetic.tiling import Box, Layout, Undecided, tile
from gxparse.model import WARNING, Cell, Finding, Table
from gxparse.normalize import CJK_CHAR, label_key, squash
from gxparse.arithmetic.placement import (Balance, blank_readings, consistent_readings, glued_readings, holds,
                                         joint_readings, misread_readings)
from gxparse.arithmetic.realign import RowSum, Vector, agreed, candidates, solve
from gxparse.fuzzy import NearestLabel
from gxparse.rows import MAX_FUZZY_LINES, Collected, LabelMatcher, RawRow, collect_rows
from gxparse.extraction.rowboxes import joined_boxes, under_labels
from gxparse.extraction.splitrows import RowShape
from gxparse.extraction.wrappedfigures import tail_readings
from gxparse.layout.strayfigures import others_first, words_of
from gxparse.template import (S2_CONTENT_HEADER, S2_ITEMS, S3_ALL_ROWS, S3_APPLICANT_COLUMNS, S3_APPLICANT_HEADER,
                              S3_COLUMNS, S3_GROUPS, S3_NAMELESS_LABELS, S3_ORG_HEADER, S3_OTHER_SINGLE,
                              S3_OTHER_SPLIT, S3_RESULT_PREFIX, S3_RESULT_TOTAL, S3_RESULTS_GROUP, S3_ROWS, S4_WIDTH,
                              s3_row_cells, s3_row_label)
from gxparse.extraction.scaledheader import spread_under_scaled_header
from gxparse.extraction.textcolumns import header_middles, header_starts, spread_short_rows, spread_under_starts
from gxparse.extraction.totalruns import run_layings, spread_by_total_runs
from gxparse.tables.tableread import (TableRead, as_listed, cells_apart, labelled_rows, listed_extras, meaningful,
                                      named_runs, nonblank, printed_in_boxes, printed_in_row_order, repaired_finding,
                                      tails_under, unread_side_by_side, vector_cells)


def _s3_row_values(row: RawRow) -> list[str]:
    """A 表三 row's cells as printed (``meaningful``), its thousands groups joined where its sum allows."""
    return meaningful(row.values, S3_WIDTH, cells_apart(row), _S3_ROW_SUM)


# near misses are measured against every row label and against the labels that name no row (group labels,
# headers): a label nearer to one of those names nothing
S3_MATCHER = LabelMatcher(((row.key, row.anchor) for row in S3_ALL_ROWS),
                          NearestLabel([(row.key, row.label) for row in S3_ALL_ROWS]
                                       + [(None, label) for label in S3_NAMELESS_LABELS]),
                          # （六）其他处理 is no group's cell only: a 2019 table's row
                          (S3_RESULTS_GROUP, *(label for key, label in S3_GROUPS.items() if key != S3_OTHER_SINGLE)))
S3_WIDTH = len(S3_COLUMNS)
S3_MIN_ROWS = 3   # fewer labelled rows are stray matches in prose or another table, not table 三
# labels printed alone: as many as half the table's rows are a table printed without a figure (every cell blank)
_S3_MIN_BARE = 12
_S3_ROW_SUM = [RowSum(tuple(range(len(S3_APPLICANT_COLUMNS))), S3_WIDTH - 1)]
_LOST_GAP = 1.6   # a gap between a row's figures this many times as wide as each other one holds a lost cell
# a row two or more figures short: its pitch is its narrowest gap, shown by at least _PITCH_GAPS gaps within
# _PITCH_SPREAD of it; a gap n pitches wide (within _PITCH_SLACK) holds n - 1 lost cells
_PITCH_GAPS = 2
_PITCH_SPREAD = 1.3
_PITCH_SLACK = 0.3
# the columns one misreading OCR's row sum does not see breaks: a figure and the row's total read alike (6 read as
# 9 in both: kaifeng_2021's 四、结转下年度继续办理 in RapidOCR's text)
_S3_MISREAD = [frozenset({column, S3_WIDTH - 1}) for column in range(S3_WIDTH - 1)]


def _s3_row_holds(row: RawRow) -> bool:
    """Whether a 表三 row's own sum holds: printed whole, as it stands; printed short (zeros left blank), its
    last figure the sum of the others (``_adds_up``)."""
    values = _s3_row_values(row)
    return _counts_hold(values, _S3_ROW_SUM) if len(values) == S3_WIDTH else _adds_up(values)


def _s3_unwrap(rows: dict[str, RawRow], extras: list[RawRow], row_keys: Sequence[str]) -> list[Finding]:
    """The 表三 text rows with the tails of their wrapped figures right under them (``tails_under``): read where
    exactly one way of writing the tails on to the row's figures (``tail_readings``) holds the row's own sum, or
    where several do and the table's balances with its rows printed whole keep one (``_s3_wrapped_by_table``);
    else unread, never read as printed (the heads alone break its sum: no evidence of the report's error). The
    tails' lines leave ``extras``. A line the row's figures cannot take (more tails than figures other than 0:
    ``tail_readings`` gives no way) is no tail; one they can take in too many ways leaves the row unread."""
    findings = []
    open_rows: dict[str, list[list[str]]] = {}
    tails = tails_under(rows, extras)
    for key, tail in tails.items():
        row = rows[key]
        readings = tail_readings(row.values, tail.values)
        if readings == []:
            continue
        extras.remove(tail)
        held = [values for values in readings or [] if _s3_row_holds(replace(row, values=values))]
        rows[key] = replace(row, values=held[0] if len(held) == 1 else [])
        if len(held) > 1:
            open_rows[key] = held
        if len(held) == 1:
            findings.append(_s3_unwrapped_finding(key, row, tail, held[0], "按该行合计"))
    for key, values in _s3_wrapped_by_table(rows, open_rows, row_keys).items():
        rows[key] = replace(rows[key], values=values)
        findings.append(_s3_unwrapped_finding(key, rows[key], tails[key], values, "按该行合计及表内勾稽关系"))
    return findings


def _s3_unwrapped_finding(key: str, row: RawRow, tail: RawRow, values: Sequence[str], how: str) -> Finding:
    return Finding("row.repaired", WARNING,
                   f"表三「{s3_row_label(key)}」行（{row.where}）的数字被窄格折行，尾数印在下一行（{tail.where}："
                   f"{' '.join(tail.values)}），{how}唯一确定为：{', '.join(values)}", s3_row_cells(key))


def _s3_wrapped_by_table(rows: dict[str, RawRow], open_rows: Mapping[str, list[list[str]]],
                         row_keys: Sequence[str]) -> dict[str, list[str]]:
    """The wrapped rows whose tails several ways of writing on keep their own sum (``open_rows``) that the
    table's balances (R3.1, R3.2) with the rows printed whole decide: every combination of their ways the balances
    keep (``realign.solve``, bounded) gives each such row one way. A balance with a cell no row shows is not
    checked, so a row it alone would decide stays unread."""
    options: dict[str, list[Vector]] = {}
    for key, row in rows.items():
        counts = tuple(parse_count(v).value for v in _s3_row_values(row))
        if key not in open_rows and len(counts) == S3_WIDTH and None not in counts:
            options[key] = [counts]  # type: ignore[list-item]
    ways = {key: {tuple(parse_count(v).value for v in values): values for values in held}
            for key, held in open_rows.items()}
    options.update({key: list(by_counts) for key, by_counts in ways.items()})
    accepted = solve(options, lambda assignment: s3_consistent(assignment, row_keys)) if open_rows else []
    chosen = {key: {a[key] for a in accepted} for key in open_rows}
    return {key: ways[key][next(iter(vectors))] for key, vectors in chosen.items() if len(vectors) == 1}


def _s3_trailing_column(rows: dict[str, RawRow]) -> bool:
    """Whether the table's tab or pipe rows show a column after 总计 that the template lacks: the rows printing one
    figure more than its width each hold their sum without their last figure, and in one at least without no
    other (a row of zeros would hold without any)."""
    wide = [values for row in rows.values() if row.cells_delimited
            and len(values := nonblank(row.values)) == S3_WIDTH + 1]
    if not wide or not all(_counts_hold(values[:-1], _S3_ROW_SUM) for values in wide):
        return False
    return any(not any(_counts_hold(values[:n] + values[n + 1:], _S3_ROW_SUM) for n in range(S3_WIDTH))
               for values in wide)


def _s3_without_trailing(rows: dict[str, RawRow]) -> None:
    """In a table with a column after 总计 (``_s3_trailing_column``), a tab or pipe row of no more figures than the
    width whose own sum fails may hold that column's cell last (a row printed short: 2 0 0 0 16 18 100): read
    without it where the rest holds (``_s3_row_holds``), else unread, never read as printed (the report's error
    is not certain where one cell of the row is not the table's)."""
    if not _s3_trailing_column(rows):
        return
    for key, row in rows.items():
        values = nonblank(row.values)
        if row.cells_delimited and 1 < len(values) <= S3_WIDTH and not _s3_row_holds(row):
            rest = replace(row, values=values[:-1])
            rows[key] = rest if _s3_row_holds(rest) else replace(row, values=[])


def _s3_rules_read_as_ones(rows: dict[str, RawRow], ocr: bool) -> list[Finding]:
    """Rows whose one-digit cells OCR ran together with the rules before them read as 1s (``ocr.ruledruns``),
    read as those cells where that alone gives the row its width and its sum; in OCR's text (``ocr``) also rows
    with rule glyphs read between their cells, glued or set off (``ruled_readings``): said as repaired (the sums
    chose); where several readings keep the row's sum, the row keeps them for the balances (``RawRow.ruled``)."""
    findings = []
    for key, row in rows.items():
        holds = lambda values: _counts_hold(values, _S3_ROW_SUM)   # noqa: E731
        cells = ruled_reading(row.values, S3_WIDTH, holds)
        readings = ruled_readings(row.values, S3_WIDTH, holds) if ocr and cells is None and not row.cells_delimited \
            else None
        if readings is not None and len(readings) > 1:   # the balances choose (``_s3_by_sum``)
            rows[key] = replace(row, ruled=tuple(tuple(r) for r in readings))
        elif readings:
            cells = readings[0]
        if cells is not None:
            vector = tuple(parse_count(v).value for v in cells)
            findings.append(repaired_finding("表三", s3_row_label(key), row, S3_WIDTH, vector, s3_row_cells(key)))
            rows[key] = replace(row, values=cells)
    return findings


def _s3_printed_layout(rows: dict[str, RawRow]) -> str | None:
    if any(k in rows for k in S3_OTHER_SPLIT):
        return "v2021"
    if S3_OTHER_SINGLE in rows:
        return "v2019"
    return None


def _s3_labels_layout(lines: Sequence[Line]) -> str | None:
    """The （六） layout the labels printed show, wherever they stand (apart from their figures, or before cells
    that are no figure: ``_printed_words``), whether or not its figures were read; a column's header word (其他,
    printed over its first figure) names no row. Only a header word itself is left out: （六）其他处理 is written
    in header characters too (第二十条第（六）项, 本年处理决定数量)."""
    named = {S3_MATCHER(_printed_words(line.label)) for line in lines
             if line.label and not is_column_header_label(line.label)}
    if named & set(S3_OTHER_SPLIT):
        return "v2021"
    return "v2019" if S3_OTHER_SINGLE in named else None


def _printed_words(label: str) -> str:
    """``label`` up to its last Chinese character: the cells after it that hold no figure (``O`` for 0, ``l`` for 1)
    are no part of the row's name (``(六)其他处理 l O O O O O l``)."""
    last = None
    for last in CJK_CHAR.finditer(label):
        pass
    return label[:last.end()] if last else label


def _counts_hold(values: Sequence[str], sums: Sequence[RowSum]) -> bool:
    counts = tuple(parse_count(v).value for v in values)
    return None not in counts and holds(counts, sums)


def _adds_up(values: Sequence[str]) -> bool:
    """Figures of a row printed short (zeros as empty cells): at least two, the last the sum of the others."""
    return len(values) > 1 and _counts_hold(values, [RowSum(tuple(range(len(values) - 1)), len(values) - 1)])


_S3_SHAPE = RowShape(S3_WIDTH, lambda values: _counts_hold(values, _S3_ROW_SUM), _adds_up)


def _s3_rows_hold(rows: dict[str, RawRow], layout: str) -> bool:
    """Whether the rows printed whole keep R3.1 and R3.2 where they can be checked."""
    vectors = {}
    for key, row in rows.items():
        counts = tuple(parse_count(v).value for v in row.values)
        if len(counts) == S3_WIDTH and None not in counts:
            vectors[key] = counts
    return s3_consistent(vectors, [r.key for r in S3_ROWS[layout]])


def s3_consistent(rows: dict[str, Vector], row_keys: Sequence[str]) -> bool:
    """R3.1 and R3.2 (``_s3_balances``) on every column where all the cells involved are known."""
    for balance in _s3_balances(row_keys):
        for c in range(S3_WIDTH):
            plus = [rows[k][c] if k in rows else None for k in balance.plus]
            minus = [rows[k][c] if k in rows else None for k in balance.minus]
            if None not in plus + minus and sum(plus) != sum(minus):  # type: ignore[arg-type]
                return False
    return True


def _place_by_position(rows: dict[str, RawRow], extras: list[RawRow], row_keys: Sequence[str]) -> list[Finding]:
    """Template rows not found by their labels are the rows of figures whose labels name no row, printed
    between the two found rows around them, when there are exactly as many of those as rows missing there
    (labels OCR garbled, or an agency reworded): read in order. Before the first found row and after the last,
    where nothing bounds them but the section, such rows must also be whole: the table's width of figures
    adding up to their total. Moves such rows from ``extras`` into ``rows``, with a warning for each."""
    findings = []
    found = [i for i, key in enumerate(row_keys) if key in rows]
    if not found:
        return findings
    bounds = [(-1, found[0]), *zip(found, found[1:]), (found[-1], len(row_keys))]
    for before, after in bounds:
        missing = row_keys[before + 1:after]
        lower = rows[row_keys[before]].order if before >= 0 else -1
        upper = rows[row_keys[after]].order if after < len(row_keys) else len(rows) + len(extras)
        between = [r for r in extras if lower < r.order < upper and r.values]
        if not missing or len(between) != len(missing):
            continue
        if (before < 0 or after == len(row_keys)) and not all(_whole(row) for row in between):
            continue
        for key, row in zip(missing, between):
            extras.remove(row)
            rows[key] = replace(row, key=key)
            findings.append(Finding(
                "row.by_position", WARNING,
                f"表三的行名「{row.label}」（{row.where}）不是模板中的行名；它印在{_between(row_keys, before, after)}，"
                f"按位置读作「{s3_row_label(key)}」",
                s3_row_cells(key)))
    return findings


def _kept_part(rows: dict[str, RawRow], extras: list[RawRow]) -> bool:
    """Fewer rows than a table 三 that are its rows all the same: each printed under its template label in full,
    whole, its sum holding over figures that are not all 0, nothing else figured around them (what an LLM
    pipeline keeps of the table: ``## 表三`` and its first row). Their other rows are unread (``parser._gaps``)."""
    return bool(rows) and not extras and all(
        label_key(row.label) == label_key(s3_row_label(key)) and _whole(row) and any(v != "0" for v in row.values)
        for key, row in rows.items())


def _whole(row: RawRow) -> bool:
    """A row of exactly the table's width of readable figures whose total is the sum of the others."""
    return len(row.values) == S3_WIDTH and _counts_hold(row.values, _S3_ROW_SUM)


def _between(row_keys: Sequence[str], before: int, after: int) -> str:
    if before < 0:
        return f"表三「{s3_row_label(row_keys[after])}」之前"
    if after == len(row_keys):
        return f"表三「{s3_row_label(row_keys[before])}」之后"
    return f"「{s3_row_label(row_keys[before])}」与「{s3_row_label(row_keys[after])}」之间"


def _fuzzy_findings(rows: dict[str, RawRow], row_keys: Sequence[str]) -> list[Finding]:
    return [Finding("label.fuzzy", WARNING,
                    f"表三的行名「{rows[key].label}」（{rows[key].where}）与模板行名不完全一致，"
                    f"按最接近的模板行名读作「{s3_row_label(key)}」",
                    s3_row_cells(key))
            for key in row_keys if key in rows and rows[key].fuzzy]


def _untried_findings(untried: Sequence[str]) -> list[Finding]:
    """What was not compared with the template's labels past ``MAX_FUZZY_LINES``: a row whose label holds a typo
    there is unread, never missing."""
    if not untried:
        return []
    return [Finding("label.untried", WARNING,
                    f"表三中自{untried[0]}起有 {len(untried)} 行文字超出近似比对的上限（每表 {MAX_FUZZY_LINES} 行），"
                    "未与模板行名近似比对：其中行名有错字的行未能读取", [])]


def _spilled(lines: Sequence[Line], following: Sequence[Line], wanted: int) -> int:
    """How many of ``following``'s first lines hold the figures ``lines`` lack to make ``wanted`` (0: none).

    A tool that writes a page's text boxes in its own order may put the next section's heading before the
    last columns of a table printed a cell per line; those figures come first in the next section, before its
    own table (``S4_WIDTH`` figures must be left to it)."""
    missing = wanted - sum(len(line.values) for line in lines)
    if missing <= 0 or sum(len(line.values) for line in following) < missing + S4_WIDTH:
        return 0
    taken = 0
    for n, line in enumerate(following):
        taken += len(line.values)
        if taken >= missing:
            return n + 1 if taken == missing else 0
    return 0


def _led(lines: Sequence[Line], preceding: Sequence[Line], wanted: int,
         passing: Callable[[str], bool] = is_column_header) -> int:
    """How many of ``preceding``'s last lines hold exactly the figures ``lines`` lack to make ``wanted`` (0: none).

    A tool that writes a page's text boxes by their lower edge (pdfminer.six without its boxes' reading order)
    writes the section's heading where the box joining it to the table's header cells ends, after the table's
    first rows: those figures end the section before, after its own table, among column header words only
    (``passing``; ``_past_heading`` lets the table's own labels pass too)."""
    missing = wanted - sum(len(line.values) for line in lines)
    taken = 0
    for n, line in enumerate(reversed(preceding)):
        if line.label and not passing(line.label) and len(label_key(line.label)) > 1 \
                or any(parse_count(v).value is None for v in line.values):
            return 0
        taken += len(line.values)
        if taken >= missing:
            return n + 1 if taken == missing > 0 else 0
    return 0


# the words of table 三 (its rows', groups' and columns' labels, its note) and the label keys of table 二
_S3_WORDS = words_of([*(row.label for row in S3_ALL_ROWS), *S3_NAMELESS_LABELS])
_S2_WORDS = frozenset(label_key(text) for items in S2_ITEMS.values() for item in items
                      for text in (item.label, item.caption, *(c.label for c in item.columns))) \
    | {label_key(S2_CONTENT_HEADER)}


def _past_heading(lines: Sequence[Line], preceding: Sequence[Line], shape: Shape) -> StreamRead | None:
    """Table 三 whose first figures the tool wrote before section 三's heading among the table's own labels, and
    table 二's last figures, under their labels, right after it (``strayfigures``): read as a stream where the
    section before ends with exactly the figures the section lacks, past table 二's (None otherwise)."""
    own = lines[others_first(lines, _S2_WORDS):]
    led = _led(own, preceding, sum(shape.widths), _S3_WORDS)
    if not led:
        return None
    return read_stream([*preceding[-led:], *own], shape, lambda rows: s3_consistent(rows, shape.rows), S3_MATCHER)


@dataclass
class _Tail:
    """Rows a page break cut (their labels with their first figures) and the next section's first lines holding
    the rest of their figures (``_page_tail``)."""

    keys: list[str]
    lines: list[Line]


def _page_tail(lines: Sequence[Line], rows: dict[str, RawRow], extras: Sequence[RawRow], following: Sequence[Line],
               row_keys: Sequence[str]) -> _Tail | None:
    """The rows of table 三 a page break cut, whose other figures the tool wrote after the next section's heading.

    A browser prints a table continued on the next page so that pdftotext writes each row of that page with its
    first cells beside its label, and the page's other columns, a block at a time, after the next heading that
    page holds (section 四's, before table 四's header). Where every row of the table is read, those printed
    short are consecutive (the page's), no figure of the table stands under no row, and the first lines of the
    next section are figures alone holding exactly what the short rows lack with table 四's 15 after them, those
    lines are the short rows' (their order is the tool's: the caller solves them by the arithmetic)."""
    if extras and any(extra.values for extra in extras) or any(key not in rows for key in row_keys):
        return None
    short = [n for n, key in enumerate(row_keys) if len(rows[key].values) < S3_WIDTH]
    if len(short) < 2 or short != list(range(short[0], short[-1] + 1)) \
            or any(len(rows[key].values) > S3_WIDTH for key in row_keys):
        return None
    taken = _spilled(lines, following, S3_WIDTH * len(row_keys))
    if not taken or any(line.label or not line.values for line in following[:taken]):
        return None
    return _Tail([row_keys[n] for n in short], list(following[:taken]))


def _page_cut(lines: Sequence[Line], rows: dict[str, RawRow], extras: Sequence[RawRow], following: Sequence[Line],
              default_layout: str) -> bool:
    """Whether the rows as the grammar collected them show a page break's cut rows whose other figures stand
    after the next heading (``_page_tail``), once rows of no template row are placed by position as ``read_s3``
    places them (on copies)."""
    row_keys = [r.key for r in S3_ROWS[_s3_printed_layout(rows) or default_layout]]
    placed = {key: row for key, row in rows.items() if key in row_keys}
    others = [*extras, *(row for key, row in rows.items() if key not in row_keys)]
    _place_by_position(placed, others, row_keys)
    return _page_tail(lines, placed, others, following, row_keys) is not None


def _s3_tile_tail(rows: dict[str, RawRow], heads: dict[str, list[str]], tail: Sequence[Line],
                  row_keys: Sequence[str]) -> None:
    """The cells of a page's cut rows (``heads``: their figures on their label lines) that the sums alone left
    unread, read where every tiling of the tool's boxes agrees (``tiling``): each row printed whole, and each
    head's figures, a box along its row from its first cell; the tail's boxes (figures stacked in a text block
    down a column, a line of several along a row) anywhere; the cells read keep their figures. The columns of
    a page are interchangeable for the sums, a column's box of several rows is not."""
    boxes = boxes_of(tail)
    known = {key: tuple(None if v == UNREAD_FIGURE else parse_count(v).value for v in rows[key].values)
             for key in row_keys}
    printed = {key: heads.get(key, rows[key].values) for key in row_keys}
    if boxes is None or any(None in vector and key not in heads or len(vector) != S3_WIDTH
                            for key, vector in known.items()):
        return
    boxes = boxes + [Box(tuple(parse_count(v).value for v in printed[key]), True, r)  # type: ignore[misc]
                     for r, key in enumerate(row_keys) if printed[key]]
    layout = Layout(tuple(row_keys), S3_WIDTH, tuple(_S3_ROW_SUM), tuple(_s3_balances(row_keys)))
    try:
        tiled = tile(boxes, layout, known, Budget(TILING_BUDGET))
    except Undecided:
        return
    for key, vector in (tiled or {}).items():
        rows[key] = replace(rows[key], values=[UNREAD_FIGURE if v is None else str(v) for v in vector])


@dataclass
class _Streamed:
    """Table 三 read as a stream: the layout whose rows the figures fill, its rows (a row whose figures cannot be
    placed has none), how many lines of the next section it took (``_spilled``), and the rows solved from the
    figures the others left (``cellstream``'s ``solved``, ``by_prose`` when the prose's totals decided some)."""

    layout: str
    rows: dict[str, RawRow]
    borrowed: int = 0
    solved: list[str] = field(default_factory=list)
    by_prose: bool = False
    by_position: list[str] = field(default_factory=list)   # rows whose columns' order the text does not show


def _unborrowed(read: StreamRead, borrowed: Sequence[Line]) -> None:
    """The rows of ``read`` that took figures from the next section (``borrowed``) made unread, with the rows
    solved from what the others left: the order the tool gave those figures is trusted only where R3.1 and
    R3.2 check it, in a table read whole, and a row unread leaves both unchecked."""
    spilled = {line.where for line in borrowed}
    doubtful = [key for key, row in read.rows.items() if any(f.where in spilled for f in row.printed)]
    if doubtful:
        doubtful += [key for key, row in read.rows.items() if row.solved and key not in doubtful]
    for key in doubtful:
        del read.rows[key]
    read.unread += doubtful


_S3_SPANNING = (S3_APPLICANT_HEADER, S3_ORG_HEADER)


def _s3_stream(lines: Sequence[Line], layouts: Sequence[str], following: Sequence[Line] = (),
               stated: Mapping[str, int] | None = None, preceding: Sequence[Line] = ()) -> _Streamed:
    """Table 三 printed a cell per line (``cellstream``, see ``_Streamed``); ``stated``: rows' totals the prose
    states (``Shape.stated``); ``preceding``: the section before, whose last lines may hold the table's first
    figures (``_led``), taken only where the stream without them cannot be laid at all, and read only as text
    boxes written by their lower edge (``cellstream.read_flow``), the order that puts them there.
    When the stream fits no layout, the rows read are those whose label stands right over a row's figures
    that add up (short of a cell only in text printed in row order), and only when the table's rules across
    rows hold for them."""
    for layout in layouts:
        keys = tuple(r.key for r in S3_ROWS[layout])
        shape = replace(Shape.even(keys, S3_WIDTH, _S3_ROW_SUM, _s3_balances(keys)),
                        stated=tuple((key, S3_WIDTH - 1, figure) for key, figure in (stated or {}).items()),
                        headers=tuple(c.label for c in S3_APPLICANT_COLUMNS))
        borrowed = _spilled(lines, following, sum(shape.widths))
        read = read_stream([*lines, *following[:borrowed]], shape, lambda rows, keys=keys: s3_consistent(rows, keys),
                           S3_MATCHER)
        if read is None and not borrowed and (led := _led(lines, preceding, sum(shape.widths))):
            read = read_flow([*preceding[-led:], *lines], shape, lambda rows, keys=keys: s3_consistent(rows, keys),
                             S3_MATCHER)
        if read is None and not borrowed:
            read = _past_heading(lines, preceding, shape)
        if read is None or borrowed and not read.rows:
            continue
        if borrowed and read.unread:
            _unborrowed(read, following[:borrowed])
        unread_side_by_side(read, [*preceding, *lines, *following], S3_COLUMNS, _S3_SPANNING)
        rows = {key: RawRow(key, "", row.values, row.where, order=n) for n, (key, row) in enumerate(read.rows.items())}
        rows |= {key: RawRow(key, "", [], lines[0].where, order=len(rows) + n) for n, key in enumerate(read.unread)}
        return _Streamed(layout, rows, borrowed, [key for key, row in read.rows.items() if row.solved], read.by_prose,
                         [key for key, row in read.rows.items() if row.by_position])
    if len(layouts) == 1 and sum(len(line.values) for line in following) <= S4_WIDTH \
            and (blank := _s3_blank_stream(lines, layouts[0])) is not None:
        return blank
    layout = layouts[0]
    keys = [r.key for r in S3_ROWS[layout]]
    labelled = _s3_labelled_runs(lines, keys)
    # every row printed under its own label, in the template's order: the text is in row order, so a row short
    # of a cell may be realigned (by its sums and the table's); otherwise a row must hold all its figures
    in_order = len(labelled) >= 2 * len(keys) // 3 and [k for k in keys if k in labelled] == list(labelled)
    sound, vectors = {}, {}
    for key, row in labelled.items():
        readings = candidates([parse_count(v).value for v in row.values], S3_WIDTH, _S3_ROW_SUM)
        if readings and (len(row.values) == S3_WIDTH or in_order and len(row.values) < S3_WIDTH):
            sound[key] = row
            if len(readings) == 1:
                vectors[key] = readings[0]
    return _Streamed(layout, sound if s3_consistent(vectors, keys) else {})


def _s3_blank_stream(lines: Sequence[Line], layout: str) -> _Streamed | None:
    """Table 三 printed a cell per line with fewer figures than cells: zeros printed as empty cells, so no stream
    of the template's size is there to lay, and a row's figures need not stand together (a column of sparse
    figures comes out as a text block of its own). Every figure takes a cell, every other cell is 0, each run
    under a row's own label stays in its order in that row and the rows after it whose labels stand over no run
    (``multiset.solve_blank_rows``), the row's sums and
    the rules across rows hold; a cell is read where every such assignment agrees. None when the layout is not
    known from the labels, the figures are as many as the cells, a figure is no count, fewer than half the rows
    print a run under their own label (figures missing from a table printed apart from its labels are
    more likely elsewhere than blank) or nothing is agreed. The caller makes sure the next section holds no
    more figures than its own table (the missing ones could be there, ``_spilled``)."""
    keys = [r.key for r in S3_ROWS[layout]]
    figures = [parse_count(v).value for line in lines for v in line.values]
    if not figures or len(figures) >= S3_WIDTH * len(keys) or None in figures:
        return None
    runs = [run for run in named_runs(lines, S3_MATCHER, headers_apart=True) if run.key in keys]
    named = Counter(run.key for run in runs)
    led = {run.key: [parse_count(v).value for v in run.values] for run in runs if named[run.key] == 1}
    if 2 * len(led) < len(keys):
        return None
    solved = solve_blank_rows(keys, figures, S3_WIDTH, _S3_ROW_SUM, _s3_balances(keys), led)  # type: ignore[arg-type]
    if solved is None or all(v is None for vector in solved.values() for v in vector):
        return None
    where = {run.key: run.where for run in runs}
    rows = {key: RawRow(key, "", [UNREAD_FIGURE if v is None else str(v) for v in vector],
                        where.get(key, lines[0].where), order=n)
            for n, (key, vector) in enumerate(solved.items()) if any(v is not None for v in vector)}
    as_printed = [key for key, row in rows.items() if row.values == [str(v) for v in led.get(key, ())]]
    return _Streamed(layout, rows, solved=[key for key in rows if key not in as_printed])


def _s3_box_order(lines: Sequence[Line], layout: str) -> _Streamed | None:
    """Table 三 in OCR's text a box per line in the order the program writes them (``arithmetic.ocrorder``: each
    row's figures together, its label before, among or after them, a blank-looking zero's box lost at times):
    the cells every laying agrees on, all the rows said solved by the sums; None when a figure is no count, no
    row's label is read or nothing is agreed. Labels naming no row (a group label's pieces, the rest of a
    wrapped label) and the column headers' words bound nothing. The caller takes it where it reads more cells
    than ``cellstream`` and none otherwise."""
    keys = [r.key for r in S3_ROWS[layout]]
    figures: list[int] = []
    labels: dict[str, list[int]] = {}
    for line in lines:
        if line.label and not is_column_header_label(line.label) and (key := S3_MATCHER(line.label)) in keys:
            labels.setdefault(key, []).append(len(figures))
        for v in line.values:
            if (figure := parse_count(v).value) is None:
                return None
            figures.append(figure)
    if len(labels) < len(keys) // 2:
        return None
    solved = solve_box_order(keys, figures, labels, S3_WIDTH, _S3_ROW_SUM, _s3_balances(keys))
    if solved is None:
        return None
    rows = {key: RawRow(key, "", [UNREAD_FIGURE if v is None else str(v) for v in vector], lines[0].where, order=n)
            for n, (key, vector) in enumerate(solved.items()) if any(v is not None for v in vector)}
    return _Streamed(layout, rows, solved=list(rows)) if rows else None


def _cells_read(rows: Mapping[str, RawRow]) -> int:
    """The cells of the rows read whole (a row of fewer figures is left to the sums after)."""
    return sum(v != UNREAD_FIGURE for row in rows.values() if len(row.values) == S3_WIDTH for v in row.values)


def _agree(rows: Mapping[str, RawRow], others: Mapping[str, RawRow]) -> bool:
    """Whether two readings of a table read no cell of a row read whole differently (where they do, the text is
    in neither's order for sure: the first reading is kept)."""
    return all(a == b or UNREAD_FIGURE in (a, b) for key in rows.keys() & others.keys()
               if len(others[key].values) == S3_WIDTH for a, b in zip(rows[key].values, others[key].values))


def _s3_spread(lines: Sequence[Line], rows: dict[str, RawRow], bare: dict[str, RawRow], extras: Sequence[RawRow],
               row_keys: Sequence[str]) -> dict[str, RawRow]:
    """The rows with those printed short laid under their columns by where layout-kept text puts their figures
    (``textcolumns``: empty cells; where no grid lays them, the rows whose figures start where the column
    headers do, else the rows of runs sharing their total's place whose figures' places are the columns:
    ``totalruns``; where neither lays any, all the rows together under header words on a scale of their own:
    ``scaledheader``), when every row then adds up and R3.1 and R3.2 hold where they can be checked;
    rows laid by a pitch or a fitted scale alone also need R3.1 (the table's four summary rows) checked on every
    column (a label alone counting as a row of zeros, unless figures stand under no row)."""
    printed = {key: rows[key] for key in row_keys if key in rows}
    laid = spread_short_rows(printed, S3_WIDTH)
    runs = {} if laid.rows else spread_by_total_runs(printed, S3_WIDTH)
    spread = laid.rows or _agreed_layings(_s3_under_header_starts(lines, printed), runs)
    scaled = {} if spread else _s3_under_scaled_header(lines, printed)
    # a row holding a figure OCR could not make out is in no sum that could check the blanks it is laid with
    spread = {key: row for key, row in (spread or scaled).items() if UNREAD_FIGURE not in row.values}
    if not spread:
        return rows
    zeros = not any(parse_count(v).value is not None for extra in extras for v in extra.values)
    vectors: dict[str, Vector] = {key: (0,) * S3_WIDTH for key in bare if zeros and key not in rows}
    for key, row in (rows | spread).items():
        values = tuple(parse_count(v).value for v in _s3_row_values(row))
        if len(values) == S3_WIDTH and None not in values:
            if not holds(values, _S3_ROW_SUM):
                return rows
            vectors[key] = values
    summary = _s3_balances(row_keys)[-1]   # R3.1
    fitted = laid.by_pitch or bool(scaled)   # a grid fitted, not shown by a row printed whole
    proven = s3_consistent(vectors, row_keys) and (not fitted or {*summary.plus, *summary.minus} <= set(vectors))
    # rows laid under the header words alone: the rows left short must still be placeable by the sums with them
    if proven and not set(spread) <= set(laid.rows) | set(runs) and not all(key in spread or key in rows and len(rows[key].values) == S3_WIDTH
                                            for key in row_keys):
        proven = _s3_by_sum(rows | spread, bare, row_keys, extras) is not None
    return rows | spread if proven else rows


def _agreed_layings(first: dict[str, RawRow], second: dict[str, RawRow]) -> dict[str, RawRow]:
    """The rows either laying lays, but none the two lay differently (the text's evidence then disagrees)."""
    return {key: row for key, row in (first | second).items()
            if key not in first or key not in second or first[key].values == second[key].values}


def _s3_under_header_starts(lines: Sequence[Line], rows: dict[str, RawRow]) -> dict[str, RawRow]:
    """The rows printed short laid under the column headers printed above the table's first figures, where each
    figure starts exactly where its column's header word does (``textcolumns.spread_under_starts``)."""
    first = next((n for n, line in enumerate(lines) if line.values), len(lines))
    starts = header_starts(lines[:first], [c.label for c in S3_COLUMNS])
    return spread_under_starts(rows, starts) if starts else {}


def _s3_under_scaled_header(lines: Sequence[Line], rows: dict[str, RawRow]) -> dict[str, RawRow]:
    """The rows printed short laid together under the column headers printed above the table's first figures,
    their words spaced on another scale than the figures (``scaledheader``)."""
    first = next((n for n, line in enumerate(lines) if line.values), len(lines))
    middles = header_middles(lines[:first], [c.label for c in S3_COLUMNS])
    return spread_under_scaled_header(rows, middles) if middles else {}


def _s3_balances(row_keys: Sequence[str]) -> tuple[Balance, ...]:
    """R3.2 (the result rows add up to （七）总计) and R3.1 (一 + 二 = （七）总计 + 四), column by column."""
    results = tuple(k for k in row_keys if k.startswith(S3_RESULT_PREFIX) and k != S3_RESULT_TOTAL)
    return (Balance(results, (S3_RESULT_TOTAL,)),
            Balance(("new_received", "carried_over"), (S3_RESULT_TOTAL, "carry_forward")))


def _s3_by_sum(rows: dict[str, RawRow], bare: dict[str, RawRow], row_keys: Sequence[str],
               extras: Sequence[RawRow], ocr: bool = False) -> tuple[Table, dict[str, RawRow], list[Finding]] | None:
    """Table 三 with rows printed short (zeros printed as empty cells, positions lost), long, or with no figure at
    all (``bare``: a label alone) placed by the table's arithmetic (``placement``): the table, the rows it was
    read from and its findings. Rows one figure short or long keep ``realign``'s readings (a lost cell or a blank
    one), solved with the others here because many of them outgrow ``realign.solve`` (a column whose zeros are all
    blank). None when every row is whole, a short row holds an unreadable figure, or no placement satisfies every
    rule: the rows are then read as ever; so too when a row printed whole breaks its own sum or a short one does
    not add up with its blanks as zeros, except in OCR's text (``ocr``), where that is likelier the reading's
    fault (a digit misread, a figure lost) than the report's: a row printed whole is then read as printed, and
    a short one is the rows' balances' remainder where its printed figures stand in it in order
    (``_residual_row``), else unread; either way it first stands in the rules by its readings past one misread,
    placing the others only where all of them agree (``_s3_solve_past_misreads``), and is left out of them
    where none keeps them.
    So too a row holding a figure OCR could not make out (one printed whole: what the balances leave with every
    figure read where it stands, else as printed with that cell unread). A label alone is read as a row of zeros only when
    every figure of the table was found under a row: figures under no row may be its own (its label printed
    apart from them), and zeros would then be read where the report prints figures."""
    # figures found under no row may be a bare row's own: then no label alone is read as zeros
    bare = {} if any(parse_count(v).value is not None for extra in extras for v in extra.values) else bare
    glued = _glued_cuts(rows)
    options: dict[str, list[Vector]] = {}
    short, repaired, lost, unplaced = [], [], [], []
    shared = _s3_side_by_side(rows, row_keys) if ocr else {}
    for first, second in shared.items():
        rows = rows | {first: replace(rows[second], key=first)}
        options[first], options[second] = _shared_readings([parse_count(v).value for v in _s3_row_values(rows[second])])
        (repaired if None not in options[first][0] else lost).extend((first, second))
    misread: dict[str, list[Vector]] = {}   # OCR's rows whose sum breaks: their readings past one misread
    blanked: list[str] = []   # the rows read with blank zeros (``blank_readings``)
    for key in row_keys:
        raw = rows.get(key)
        if key in options:   # two rows sharing one line's figures
            continue
        if raw is not None and raw.ruled:   # readings with rule glyphs taken for rules: the balances choose
            options[key] = [tuple(parse_count(v).value for v in reading) for reading in raw.ruled]
            repaired.append(key)
            continue
        if raw is None:
            options[key] = [(0,) * S3_WIDTH] if key in bare else [(None,) * S3_WIDTH]
            short += [key] if key in bare else []
            continue
        values = [parse_count(v).value for v in _s3_row_values(raw)]
        if len(values) == S3_WIDTH and ocr and values.count(None) == 1:   # a figure OCR could not make out in a
            options[key] = [(None,) * S3_WIDTH]                             # row printed whole: placed after the
            misread[key] = misread_readings(values, S3_WIDTH, _S3_ROW_SUM)  # others, else read as printed
            unplaced.append(key)
            continue
        if len(values) == S3_WIDTH:
            if None not in values and values[-1] != sum(values[:-1]):  # type: ignore[arg-type]
                if not ocr:
                    return None   # a row printed whole that does not add up: the table is read as printed
                options[key] = [(None,) * S3_WIDTH]   # read as printed
                misread[key] = misread_readings(values, S3_WIDTH, _S3_ROW_SUM)
                continue
            options[key] = [tuple(values)]
        elif len(values) > S3_WIDTH:
            options[key] = candidates(values, S3_WIDTH, _S3_ROW_SUM)
            repaired.append(key)
        elif glued is not None and key in glued:   # every short row cut, none read with blanks; one no cut
            options[key] = glued[key] or [(None,) * S3_WIDTH]   # explains holds others' figures
            (repaired if glued[key] else lost).append(key)
        elif None in values and ocr:   # a figure OCR could not make out: placed after the others
            options[key] = [(None,) * S3_WIDTH]
            misread[key] = misread_readings(values, S3_WIDTH, _S3_ROW_SUM)
            unplaced.append(key)
        elif None in values:
            return None
        elif (readings := blank_readings(values, S3_WIDTH, _S3_ROW_SUM)) or not ocr:  # type: ignore[arg-type]
            options[key] = _lost_in_gap(raw, values, readings) if ocr else readings   # none: the row does not add up with its blanks as zeros, nothing is placed
            (short if len(values) < S3_WIDTH - 1 else repaired).append(key)
            blanked.append(key)
        else:   # OCR lost a figure that was no blank zero: placed after the others (_residual_row)
            options[key] = [(None,) * S3_WIDTH]
            misread[key] = misread_readings(values, S3_WIDTH, _S3_ROW_SUM)  # type: ignore[arg-type]
            unplaced.append(key)
    for key in [k for k in short if k not in rows] if lost or unplaced else ():   # a label alone may own those
        options[key] = [(None,) * S3_WIDTH]                                        # figures
        short.remove(key)
    if not short and not repaired and not unplaced:
        return None
    balances = _s3_balances(row_keys)
    groups = _s3_run_choices(rows, blanked, options)
    solution = _s3_solve_past_misreads(options, groups, balances, misread, ocr)
    if solution is None:
        return None
    kept, past, off = solution
    kept |= {key: options[key] for key in past}   # they placed the others: as read themselves, never corrected
    # a row filled is known to the next: (七)总计 left by R3.1 leaves (二)部分公开 by R3.2; a pass a row at most
    for _ in range(len(unplaced)):
        filled = [key for key in unplaced if _fill_residual(key, rows[key], kept, balances)]
        repaired += filled
        unplaced = [key for key in unplaced if key not in filled]
        if not filled:
            break
    lost += [key for key in unplaced if len(_s3_row_values(rows[key])) < S3_WIDTH]
    used = dict(rows) | {key: bare[key] for key in short if key not in rows}
    columns = [c.key for c in S3_COLUMNS]
    table: Table = {}
    findings: list[Finding] = []
    for key in row_keys:
        readings = kept[key]
        vector = readings[0] if len(readings) == 1 else agreed(readings)
        if key in short:
            printed_zero = any(parse_count(v).value == 0 for v in used[key].values)
            cells = [Cell(v, "") if v is None else Cell(v, "" if v == 0 and not printed_zero else str(v),
                                                          blank=v == 0 and not printed_zero) for v in vector]
        elif key in repaired or key in lost:
            cells = vector_cells(vector)
            if len(readings) == 1 and None not in vector:
                findings.append(repaired_finding("表三", s3_row_label(key), rows[key], S3_WIDTH, vector,
                                          [f"s3.{key}.{c}" for c in columns]))
        else:
            cells = [parse_count(v) for v in _s3_row_values(rows[key])] if key in rows else vector_cells(vector)
        table[key] = dict(zip(columns, cells))
    placed = [key for key in short if None not in (cell.value for cell in table[key].values())]
    findings += [_placed_by_sum(placed, used)] if placed else []
    solved = [key for key in row_keys if key in (*short, *repaired, *lost)
              and any(cell.value is not None for cell in table[key].values())]
    findings += [_placed_by_sum(solved, used, misread=True)] if off and solved else []
    return table, used, findings + ([_placed_past(past, solved, used)] if past and solved else [])


def _s3_side_by_side(rows: dict[str, RawRow], row_keys: Sequence[str]) -> dict[str, str]:
    """The rows of OCR's text printed with the next row's label on its line before that label, the figures of
    both after it (``LabelMatcher.side_by_side``), each to the row whose line they are on: only a row not read
    elsewhere, the one right before it in the table, and figures no more than the two rows' cells, each readable."""
    shared = {}
    for key, row in rows.items():
        first = S3_MATCHER.side_by_side(row.label)
        values = [parse_count(v).value for v in _s3_row_values(row)]
        if first is not None and first not in rows and key in row_keys and row_keys.index(key) > 0 \
                and row_keys[row_keys.index(key) - 1] == first and len(values) <= 2 * S3_WIDTH and None not in values:
            shared[first] = key
    return shared


def _shared_readings(values: Sequence[int]) -> tuple[list[Vector], list[Vector]]:
    """The readings of two rows printing ``values`` together in order, the first row's figures first: every way
    of parting them (each row a figure at least, at most its width) whose parts each add up, blank cells as
    zeros (``blank_readings``), each row's readings over all those ways; unread rows where no way does."""
    firsts: dict[Vector, None] = {}
    seconds: dict[Vector, None] = {}
    for cut in range(max(1, len(values) - S3_WIDTH), min(S3_WIDTH, len(values) - 1) + 1):
        head, tail = _part_readings(values[:cut]), _part_readings(values[cut:])
        if head and tail:
            firsts.update(dict.fromkeys(head))
            seconds.update(dict.fromkeys(tail))
    if not firsts:
        return [(None,) * S3_WIDTH], [(None,) * S3_WIDTH]
    return list(firsts), list(seconds)


def _part_readings(values: Sequence[int]) -> list[Vector]:
    if len(values) == S3_WIDTH:
        return [tuple(values)] if values[-1] == sum(values[:-1]) else []
    return blank_readings(values, S3_WIDTH, _S3_ROW_SUM)


def _s3_solve_past_misreads(options: dict[str, list[Vector]], groups: list[list[dict[str, Vector]]],
                            balances: Sequence[Balance], misread: Mapping[str, list[Vector]], ocr: bool
                            ) -> tuple[dict[str, list[Vector]], list[str], bool] | None:
    """The rows' readings the balances keep (``_s3_solved``), the rows of OCR's text whose sum breaks
    (``misread``) standing in them by their readings past one misread each (``placement.misread_readings``);
    where no choice keeps every balance so (a row misread twice), without them (left out of every balance); in
    OCR's text then past a figure misread alike in its row's total (``_S3_MISREAD``). With the rows so taken and
    whether a balance was left off in some columns; None where nothing keeps them (three searches at most, each
    within ``placement``'s bounds)."""
    past = {key: readings for key, readings in misread.items() if readings}
    tries = [*([(past, ())] if past else []), ({}, ()), *([({}, _S3_MISREAD)] if ocr else [])]
    for taken, columns in tries:
        kept = _s3_solved(options | taken, groups, balances, columns)
        if kept is not None:
            return kept, list(taken), bool(columns)
    return None


def _s3_solved(options: dict[str, list[Vector]], groups: list[list[dict[str, Vector]]], balances: Sequence[Balance],
               misread: Sequence[frozenset[int]]) -> dict[str, list[Vector]] | None:
    """The rows' readings the balances keep (``placement.joint_readings``; ``misread``: but in the columns a
    misread figure may break); where the text's places bind rows into runs and no solution keeps them, the sums
    alone are tried."""
    return ((groups and joint_readings(options, groups, balances, S3_WIDTH, misread))
            or consistent_readings(options, balances, S3_WIDTH, misread))


def _s3_run_choices(rows: dict[str, RawRow], blanked: Sequence[str],
                    options: dict[str, list[Vector]]) -> list[list[dict[str, Vector]]]:
    """For each run of short rows whose figures layout-kept text prints at shared places (``totalruns.run_layings``),
    its rows' readings under each laying of those places (a cell without a figure a blank zero), the layings
    whose every row adds up; a run none of whose layings does is left out."""
    printed = {key: rows[key] for key in blanked if _s3_row_values(rows[key]) == rows[key].values}
    groups = []
    for run in run_layings(printed, S3_WIDTH):
        choices = []
        for laying in run.layings:
            choice = {}
            for key, columns in zip(run.keys, laying):
                vector = [0] * S3_WIDTH
                for column, value in zip(columns, rows[key].values):
                    vector[column] = parse_count(value).value   # type: ignore[call-overload]
                choice[key] = tuple(vector)
            if all(choice[key] in options[key] for key in run.keys):
                choices.append(choice)
        if choices:   # a run no laying of which adds up shares no grid (its places tell nothing)
            groups.append(choices)
    return groups


def _lost_in_gap(raw: RawRow, values: Sequence[int], readings: list[Vector]) -> list[Vector]:
    """The ``readings`` of a row printed one figure short, in OCR's text, that lose the figure where the row
    leaves a gap between two figures ``_LOST_GAP`` times as wide as every other (``2  0     0  0  0  2``: the
    cell between the zeros lost, not the first; OCR garbles the header the columns would be placed under);
    all of them where the row shows no such gap or its figures' places are not known."""
    if len(raw.offsets) != len(values) or len(values) < 2:
        return readings
    if len(values) < S3_WIDTH - 1:
        return _lost_in_gaps(raw, values, readings)
    if len(values) != S3_WIDTH - 1:
        return readings
    gaps = [b - a for a, b in zip(raw.offsets, raw.offsets[1:])]
    widest = max(range(len(gaps)), key=gaps.__getitem__)
    if any(gap * _LOST_GAP > gaps[widest] for at, gap in enumerate(gaps) if at != widest):
        return readings
    in_gap = [r for r in readings if [*r[:widest + 1], *r[widest + 2:]] == list(values)]
    return in_gap or readings


def _lost_in_gaps(raw: RawRow, values: Sequence[int], readings: list[Vector]) -> list[Vector]:
    """The ``readings`` of a row printed two or more figures short, in OCR's text, that lose them where its gaps
    are whole numbers of its pitch (``3        0  0  0  3``: the two cells after the 3 lost); all of them where the
    gaps show no pitch, fall between two, or account for another count of lost cells."""
    gaps = [b - a for a, b in zip(raw.offsets, raw.offsets[1:])]
    pitch = min(gaps)
    if pitch <= 0 or sum(gap < pitch * _PITCH_SPREAD for gap in gaps) < _PITCH_GAPS \
            or any(abs(gap / pitch - round(gap / pitch)) > _PITCH_SLACK for gap in gaps) \
            or sum(round(gap / pitch) for gap in gaps) != S3_WIDTH - 1:
        return readings
    places = [0, *itertools.accumulate(round(gap / pitch) for gap in gaps)]
    in_gaps = [r for r in readings if [r[place] for place in places] == list(values)]
    return in_gaps or readings


def _fill_residual(key: str, raw: RawRow, kept: dict[str, list[Vector]], balances: Sequence[Balance]) -> bool:
    """Whether row ``key`` (``raw`` as printed) is what the balances leave (``_residual_row``) with its sum holding
    and its printed figures standing in it in order (a row printed whole: each where it was read): then it is so
    read in ``kept``."""
    residual = _residual_row(key, kept, balances)
    values = [parse_count(v).value for v in _s3_row_values(raw)]
    printed = [value for value in values if value is not None]
    if residual is None or not holds(residual, _S3_ROW_SUM) or not _in_order(printed, residual):
        return False
    if len(values) == S3_WIDTH and any(value not in (None, cell) for value, cell in zip(values, residual)):
        return False   # a row printed whole keeps every figure read where it was read: filled, never corrected
    kept[key] = [residual]
    return True


def _residual_row(key: str, kept: dict[str, list[Vector]], balances: Sequence[Balance]) -> Vector | None:
    """Row ``key``'s cells as a balance across rows gives them, column by column, where every other row of the
    balance is read alike in all its readings (a count is never negative); None where a column has no such
    balance."""
    known = {other: agreed(readings) for other, readings in kept.items() if other != key}
    vector = []
    for column in range(S3_WIDTH):
        value = None
        for balance in (b for b in balances if key in (*b.plus, *b.minus)):
            others = [(1 if other in balance.plus else -1) * (known[other][column] if other in known else None)
                      if other in known and known[other][column] is not None else None
                      for other in (*balance.plus, *balance.minus) if other != key]
            if others and None not in others:
                value = -sum(others) if key in balance.plus else sum(others)   # type: ignore[arg-type]
                break
        if value is None or value < 0:
            return None
        vector.append(value)
    return tuple(vector)


def _in_order(printed: Sequence[int | None], vector: Vector) -> bool:
    """Whether the figures printed stand in ``vector`` in their order (the row's other cells lost)."""
    cells = iter(vector)
    return all(any(value == cell for cell in cells) for value in printed)


def _glued_cuts(rows: dict[str, RawRow]) -> dict[str, list[Vector]] | None:
    """The cuts of every row printed short (``placement.glued_readings``) where table 三 prints its cells without
    the gaps between them (``8162140 94``): a short row that no reading with blank zeros makes add up, and a cut
    of its runs of digits does; None where no row shows it."""
    cuts: dict[str, list[Vector]] = {}
    shown = False
    for key, raw in rows.items():
        printed = _s3_row_values(raw)
        # a run such as 0100001 (0 1 0 0 0 0 1 glued) is no count as printed (a leading zero), but a run all
        # the same: it is cut like the others
        if len(printed) < S3_WIDTH and all(v.isascii() and v.isdigit() for v in printed):
            cuts[key] = glued_readings(printed, S3_WIDTH, _S3_ROW_SUM)
            values = [parse_count(v).value for v in printed]
            shown = shown or bool(cuts[key]) and (
                None in values or not blank_readings(values, S3_WIDTH, _S3_ROW_SUM))  # type: ignore[arg-type]
    return cuts if shown else None


def _labels_printed_among(lines: Sequence[Line], keys: Sequence[str]) -> dict[str, RawRow]:
    """Rows of ``keys`` whose label is printed in pieces among other rows' label text (narrow label cells
    wrapped side by side: ``(三)不 1.属于国 予公开 家秘密``), by a piece of ``_PIECE`` characters only its label
    has, on a line of table text: labels alone, for ``_s3_by_sum`` (which reads them as blank rows only where
    no figure of the table stands under no row and the table's rules hold)."""
    # each line's pieces looked up once for all the rows (a row at a time: 21 passes over 95,000 lines of prose)
    owner = _piece_owners(keys)
    first: dict[str, Line] = {}
    for line in lines:
        if len(first) == len(keys):
            break
        if len(squash(line.text)) <= _MAX_CELL_TEXT:
            for key in _named_by_pieces(_cjk(line.text), owner):
                first.setdefault(key, line)
    return {key: RawRow(key, first[key].text, [], first[key].where) for key in keys if key in first}


@cache
def _own_pieces(key: str) -> tuple[str, ...]:
    """The runs of ``_PIECE`` characters of table 三's row ``key``'s label that no other row's label has."""
    labels = {row.key: _cjk(row.label) for row in S3_ALL_ROWS}
    others = "|".join(text for k, text in labels.items() if k != key)
    pieces = [labels[key][i:i + _PIECE] for i in range(len(labels[key]) - _PIECE + 1)]
    return tuple(piece for piece in pieces if piece not in others)


def _piece_owners(keys: Sequence[str]) -> dict[str, str]:
    """Each own piece (``_own_pieces``) of the rows ``keys``: the row it names."""
    return {piece: key for key in keys for piece in _own_pieces(key)}


def _named_by_pieces(text: str, owner: dict[str, str]) -> set[str]:
    """The rows whose own pieces ``text`` (its Chinese characters) holds, by ``owner``."""
    return {owner[text[i:i + _PIECE]] for i in range(len(text) - _PIECE + 1) if text[i:i + _PIECE] in owner}


def _s3_extras_named(rows: dict[str, RawRow], extras: Sequence[RawRow], keys: Sequence[str]) -> list[RawRow]:
    """Figures under label text the row grammar named no row (a row's label cell wrapped beside its group's,
    part of it printed after its figures: ``(五) 不予处 1.信访 举报投`` / 3 / 3 / ``理 诉类申 请``) given to the
    one row of ``keys`` not read otherwise whose own pieces (``_own_pieces``) that text holds; the extras left."""
    owner = _piece_owners(keys)
    left = []
    for extra in extras:
        named = _named_by_pieces(_cjk(extra.label) if extra.values else "", owner)
        if len(named) == 1 and (key := next(iter(named))) not in rows:
            rows[key] = replace(extra, key=key)
        else:
            left.append(extra)
    return left


def _s3_label_wrapped(rows: dict[str, RawRow], extras: Sequence[RawRow]) -> list[RawRow]:
    """Figures under no label (the rest of a row's label printed as a line of its own among its figures:
    ``5.要求行政机关确认或重新出`` / 1 / 0 / 0 / 0 / 0 / ``具已获取信息`` / 0) given to the row right before them,
    where that row has room for them all; the extras left."""
    before = {row.order + 1: key for key, row in rows.items()}
    left = []
    for extra in extras:
        key = before.get(extra.order) if not extra.label else None
        if key is not None and len(rows[key].values) + len(extra.values) <= S3_WIDTH:
            rows[key] = replace(rows[key], values=[*rows[key].values, *extra.values], offsets=())
        else:
            left.append(extra)
    return left


_WORD = 4   # a label's last characters, run on by its next line's: the wrap is the template label's


def _s3_label_continued(rows: dict[str, RawRow], extras: Sequence[RawRow]) -> list[RawRow]:
    """A row whose slots are all empty, right above figures under the rest of its label (a long label wrapped
    over lines centred on its row in a table without rules: ``（二）部分公开（区分处理的`` alone above
    ``，只计这一情形，不计其他情 447 7 …``): the figures are the row's, not blanks read as 0. Only where the two
    labels' texts run on in the template's label; the extras left."""
    before = {row.order + 1: key for key, row in rows.items()}
    left = []
    for extra in extras:
        key = before.get(extra.order)
        row = rows.get(key) if key is not None else None
        if (row is not None and extra.label and any(v.strip() for v in extra.values)
                and len(extra.values) == len(row.values) and not any(v.strip() for v in row.values)
                and label_key(row.label)[-_WORD:] + label_key(extra.label) in label_key(s3_row_label(key))):
            rows[key] = replace(row, values=list(extra.values), offsets=extra.offsets)
        else:
            left.append(extra)
    return left


def _cjk(text: str) -> str:
    return "".join(CJK_CHAR.findall(text))


def _placed_by_sum(keys: Sequence[str], rows: dict[str, RawRow], misread: bool = False) -> Finding:
    """The warning naming the rows of ``keys`` placed by the sums (``misread``: by all but those a misread broke)."""
    names = "、".join(f"「{s3_row_label(key)}」（{rows[key].where}）" for key in keys)
    how = ("的数字所在的列按其余各列的勾稽关系确定（表三的合计不能全部成立：扫描件经OCR识别，可能是某数与该行总计识别"
           "有误），只读出每一种可能的误读下都一致的数字" if misread else
           "印出的数字少于列数（空白按0读取），各数所在的列只由表内勾稽关系（行的总计、各列的办理结果之和与收支平衡）"
           "唯一确定；这些数字已无法再由表内合计检验")
    return Finding("cell.placed_by_sum", WARNING, f"表三{names}行{how}，请对照原件核对",
                   [f"s3.{key}.{c.key}" for key in keys for c in S3_COLUMNS])


def _placed_past(misread: Sequence[str], keys: Sequence[str], rows: dict[str, RawRow]) -> Finding:
    """The warning naming the rows of ``keys`` placed by the sums with the rows of ``misread`` read past one
    misread each (``placement.misread_readings``)."""
    broken = "、".join(f"「{s3_row_label(key)}」（{rows[key].where}）" for key in misread)
    names = "、".join(f"「{s3_row_label(key)}」" for key in keys)
    return Finding("cell.placed_by_sum", WARNING,
                   f"表三{broken}行识别的数字合计不成立（扫描件经OCR识别，可能有一个数字识别有误或漏识）；{names}行"
                   f"的数字按这些行每一种只有一处误读的读法下的表内勾稽关系确定，只读出每一种读法下都一致的数字，"
                   f"识别有误的数字按识别结果保留，未作更正，请对照原件核对",
                   [f"s3.{key}.{c.key}" for key in (*misread, *keys) for c in S3_COLUMNS])


def _solved_by_sum(rows: dict[str, RawRow], keys: Sequence[str], where: str, printed: str = "逐格输出",
                   by_prose: bool = False) -> Finding:
    """The rows of ``keys`` solved by the arithmetic alone (``by_prose``: and the totals section 一 states),
    naming the cells read (a tiling may leave some); ``printed`` says how the table was printed."""
    names = "、".join(f"「{s3_row_label(key)}」" for key in keys)
    prose = "及第一部分正文所述的各行总数" if by_prose else ""
    return Finding("cell.solved_by_sum", WARNING,
                   f"表三（{where}起）{printed}，{names}行的数字顺序已无法从文本看出，各数所在的格只由表内勾稽关系"
                   f"（行的总计、各列的办理结果之和与收支平衡）{prose}唯一确定；这些数字已无法再由表内合计检验，请对照原件核对",
                   [f"s3.{key}.{c.key}" for key in keys for c, value in zip(S3_COLUMNS, rows[key].values)
                    if value != UNREAD_FIGURE])


def _columns_by_position(rows: dict[str, RawRow], keys: Sequence[str], where: str) -> Finding:
    """The rows of ``keys`` read a column at a time where the text does not show which column each run of figures
    is (a tool's order of its own): the columns taken in the template's order, or in the one the arithmetic
    left, which swapped columns of equal sums would not break."""
    names = "、".join(f"「{s3_row_label(key)}」" for key in keys)
    return Finding("cell.columns_by_position", WARNING,
                   f"表三（{where}起）逐页逐列输出，{names}行各列数字的先后未由列名印证，按模板的列序（或表内勾稽关系"
                   f"唯一允许的列序）读出；合计相同的两列互换时勾稽关系无从发现，请对照原件核对",
                   [f"s3.{key}.{c.key}" for key in keys for c, value in zip(S3_COLUMNS, rows[key].values)
                    if value != UNREAD_FIGURE])


def _s3_labelled_runs(lines: Sequence[Line], keys: Sequence[str]) -> dict[str, RawRow]:
    """Table 三's rows whose label stands right over their figures; a run holding more figures than its row is
    laid into the rows after it up to the row the next run names (``cellstream.lay_run``), the last run into
    the rows to the table's end — only where the runs name rows in the template's order.
    A run holding more than its row that cannot be laid so holds figures of rows whose labels the tool printed
    after them: from the next run on, each label stands over a later row's figures, until labels of several rows
    (or none) stand over one run; the rows named in between are not read from their runs."""
    runs = [run for run in named_runs(lines, S3_MATCHER) if run.key is None or run.key in keys]
    named = [keys.index(run.key) for run in runs if run.key is not None]
    rows = {key: row for key, row in labelled_rows(lines, S3_MATCHER).items() if key in keys}
    if named != sorted(set(named)):
        return rows
    displaced = False
    for n, run in enumerate(runs):
        if run.key is None:
            displaced = False
            continue
        if displaced:
            rows.pop(run.key, None)
            continue
        if len(run.values) <= S3_WIDTH:
            continue
        first = keys.index(run.key)
        following = runs[n + 1] if n + 1 < len(runs) else None
        if following is None:
            end = len(keys)
        elif following.key is None:
            continue
        else:
            end = keys.index(following.key)
        laid = lay_run(run.values, [S3_WIDTH] * (end - first), _S3_ROW_SUM) if end - first > 1 else None
        displaced = not laid
        for key, values in zip(keys[first:end], laid or []):
            rows[key] = replace(run, key=key, values=values, label=run.label if key == run.key else "")
    return dict(sorted(rows.items(), key=lambda item: (item[1].order, keys.index(item[0]))))


def _s3_rows_in_order(lines: Sequence[Line], rows: dict[str, RawRow], bare: dict[str, RawRow],
                      extras: Sequence[RawRow], default_layout: str, ocr: bool = False
                      ) -> tuple[Table, dict[str, RawRow], list[Finding], str | None] | None:
    """Table 三 printed a cell per line in row order, each row's label right over its figures, with zeros printed
    as empty cells (PyMuPDF: the empty cells leave no line, so no stream of the template's size is there to lay):
    the labels bound the rows, and the rows short of figures are placed by the table's arithmetic as in text
    (``_s3_by_sum``; ``ocr``: the text is OCR's, RapidOCR's boxes a line each). Only where every figure of the table stands in a run right under label lines, every run
    is one row's (at most a row's width, no figures the row grammar gave no row) and the rows come in the
    template's order — or, a row's figures printed as several text boxes (pdftotext), the same holds once the
    boxes between two text lines are joined (``rowboxes``); None otherwise, or when the arithmetic places
    nothing."""
    printed_layout = _s3_printed_layout(rows) or _s3_labels_layout(lines)
    layout = printed_layout or default_layout
    row_keys = [r.key for r in S3_ROWS[layout]]
    widths = dict.fromkeys(row_keys, S3_WIDTH)
    rows = dict(rows)
    extras = _s3_label_wrapped(rows, _s3_extras_named(rows, extras, row_keys))
    if len(rows) < S3_MIN_ROWS or not printed_in_row_order(lines, rows, extras, row_keys, widths):
        # a row's figures printed as several text boxes (pdftotext): the boxes between two text lines joined
        boxed = joined_boxes(lines)
        if not under_labels(boxed):
            return None
        rows, extras, bare = _s3_collected(collect_rows(boxed, S3_MATCHER), ocr=True)
        if len(rows) < S3_MIN_ROWS or _s3_printed_layout(rows) not in (None, layout) \
                or not printed_in_boxes(rows, extras, row_keys, widths):
            return None
    # a label alone naming a row of the other layout is a group label here (（六）其他处理 over its three rows)
    bare = {key: row for key, row in bare.items() if key in row_keys}
    by_sum = _s3_by_sum(rows, bare, row_keys, extras, ocr)
    if by_sum is None:
        return None
    table, used, findings = by_sum
    return table, used, _fuzzy_findings(rows, row_keys) + findings, printed_layout


def _s3_solve_left(rows: dict[str, RawRow], extras: list[RawRow], middle: Sequence[RawRow], left: Sequence[RawRow],
                   row_keys: Sequence[str]) -> list[str]:
    """The rows of ``middle`` (rows whose labels stand apart from the rest of their figures that ``tailrows``
    could not lay) given the cells every assignment of their figures and those of the lines ``left`` agrees on
    (``multiset.solve_rows``: the figures on a row's label line its first cells, the rows whole keeping theirs),
    those lines dropped from ``extras``; the keys of the rows so read (none when some cell is no count or a row
    is no row of the table)."""
    keys = [row.key for row in middle]
    if any(key not in row_keys for key in keys) or len(set(keys)) < len(keys):
        return []
    values = [parse_count(v).value for row in [*middle, *left] for v in row.values]
    known = {key: tuple(parse_count(v).value for v in row.values) for key, row in rows.items()
             if key not in keys and len(row.values) == S3_WIDTH}
    if None in values or any(None in vector for vector in known.values()):
        return []
    pinned = {row.key: [parse_count(v).value for v in row.values] for row in middle}
    solved = solve_rows([(keys, values)], S3_WIDTH, _S3_ROW_SUM, _s3_balances(row_keys), known,  # type: ignore[list-item]
                        pinned=pinned)  # type: ignore[arg-type]
    if solved is None or all(v is None for vector in solved.values() for v in vector):
        return []
    for row in middle:
        rows[row.key] = replace(row, values=[UNREAD_FIGURE if v is None else str(v) for v in solved[row.key]],  # type: ignore[index]
                                order=rows[row.key].order if row.key in rows else len(rows) + len(extras))
    wheres = {line.where for line in left}
    extras[:] = [row for row in extras if row.label or row.where not in wheres]
    return keys  # type: ignore[return-value]


def _s3_collected(collected: Collected, ocr: bool) -> tuple[dict[str, RawRow], list[RawRow], dict[str, RawRow]]:
    """Table 三's rows, extras and labels alone as collected, its rows' figures written as lists kept only where
    as many as its columns (``as_listed``, ``listed_extras``)."""
    rows = {key: as_listed(_s3_listed_short(row), S3_WIDTH) for key, row in collected.rows.items()}
    return rows, listed_extras(collected.extras, {S3_WIDTH}), _labels_alone(collected.bare, ocr)


def _labels_alone(bare: dict[str, RawRow], ocr: bool) -> dict[str, RawRow]:
    """The labels alone but those whose cell holds figures no cell reads (``cells.holds_figures``:
    ``1.属于国家秘密 0 0 0（注）``) or, in text typed (not ``ocr``), that are followed by cells holding what is no
    figure (``(六)其他处理 l O O``): never a row printed blank, such a row is left unread. OCR's glyphs for zeros
    (``o``) are the table's sums' to place, with their warnings."""
    return {key: row for key, row in bare.items()
            if not holds_figures(row.label) and (ocr or not _unread_after(row.label))}


def _unread_after(label: str) -> bool:
    """Whether letters follow the last Chinese character of ``label`` (its cells hold what no cell reads as a
    figure); brackets, quotes and dashes do not count, nor digits (figures glued to the label, ``1.本机关不掌握0000000``,
    are the sums' to place)."""
    return _LETTER.search(label, len(_printed_words(label))) is not None


def _s3_listed_short(row: RawRow) -> RawRow:
    """A 表三 row listing one figure fewer than its columns (``2，0，0，0，16，18``), or zeros alone beyond them: read
    as the row printed with spaces would be (no longer ``listed``). A list leaves out a cell without a trace, as
    text extracted a row per line does: the short rows' search places its figures only where every reading the
    row's sum and R3.1/R3.2 keep agrees, with its warning (a row of zeros is the same row whichever zero was left
    out, zeros beyond the columns are any columns'). Any other list not as many as the columns stays unread
    (``as_listed``): two cells or more left out are beyond the lost-cell readings."""
    if row.listed and (len(row.values) == S3_WIDTH - 1
                       or len(row.values) > S3_WIDTH and all(value == "0" for value in row.values)):
        return replace(row, listed="")
    return row


def read_s3(lines: Sequence[Line], default_layout: str = "v2021", following: Sequence[Line] = (),
            stated: Mapping[str, int] | None = None, preceding: Sequence[Line] = (), ocr: bool = False) -> TableRead:
    """Table 三; ``default_layout`` decides the （六） rows when the document prints none of them; ``following``
    (section 四's lines) may hold the last figures of a table printed a cell per line (``_spilled``), ``preceding``
    (section 二's lines) its first figures (``_led``); ``stated``:
    rows' totals the prose states (by row key), deciding between readings of such a table the arithmetic leaves
    open; ``ocr``: the text is OCR's (see ``_s3_by_sum``)."""
    cell_per_line = is_cell_per_line(lines)
    # a row's figures split over several lines are joined (not in a table printed a cell per line: ``cellstream``
    # lays those); rows joined short (zeros printed blank) are kept only where the table's rules across rows hold
    # for them. Rows joined whole are kept as they are: each holds its own sum, and a report whose table breaks
    # R3.1 or R3.2 is read, and its error reported, as it would be printed a row per line
    collected = collect_rows(lines, S3_MATCHER, None if cell_per_line else _S3_SHAPE)
    joined_short = any(row.where in collected.joined and len(row.values) < S3_WIDTH
                       for row in [*collected.rows.values(), *collected.extras])
    if joined_short and not _s3_rows_hold(collected.rows, _s3_printed_layout(collected.rows) or default_layout):
        collected = collect_rows(lines, S3_MATCHER)
    # rows given the figures printed after their labels: the order is the tool's, so kept only where the rows
    # printed whole then keep R3.1 and R3.2
    if collected.tailed and not _s3_rows_hold(collected.rows, _s3_printed_layout(collected.rows) or default_layout):
        collected = collect_rows(lines, S3_MATCHER, _S3_SHAPE, tails=False)
    rows, extras, bare = _s3_collected(collected, ocr)
    extras = _s3_label_continued(rows, extras)
    # a row holding only a blank slot or two (the rest of a group label's cell a lattice cut into rows) prints
    # no figure: a label alone, which names no layout
    for key in [k for k, row in rows.items() if len(row.values) < S3_WIDTH and not any(v.strip() for v in row.values)]:
        bare.setdefault(key, replace(rows.pop(key), values=[]))
    bare = _labels_alone(bare, ocr)
    # labels alone (or with a figure or two the tool joined to their boxes) while the next section holds more
    # figures than its own table, enough for this one's: the tool put that section's heading before this table's
    # figures (pdfminer.six), so they are no table printed without a figure, nor one read by its labels
    spilled = any(_spilled(lines, following, S3_WIDTH * len(layout)) for layout in S3_ROWS.values())
    if (not rows and not extras or spilled and not cell_per_line and not _page_cut(lines, rows, extras, following,
                                                                                 default_layout)) \
            and sum(len(line.values) for line in following) > S4_WIDTH:
        bare, cell_per_line = {}, is_cell_per_line(following)
    if len(rows) < S3_MIN_ROWS and not cell_per_line and len(bare) < _S3_MIN_BARE and not _kept_part(rows, extras):
        return TableRead(None, extras=extras + list(rows.values()))
    ruled = _s3_rules_read_as_ones(rows, ocr)
    # the labels printed decide the （六） layout, not whether that row's figures were read
    printed_layout = _s3_printed_layout(rows) or _s3_labels_layout(lines)
    layout = printed_layout or default_layout
    borrowed = 0
    if cell_per_line and (ordered := _s3_rows_in_order(lines, rows, bare, extras, default_layout, ocr)) is not None:
        table, used, findings, printed_layout = ordered
        return TableRead(table, findings + _untried_findings(collected.untried), [], printed_layout, used,
                         cell_per_line)
    if cell_per_line:   # labels printed apart from their figures: few rows may have been found by them
        printed_layout = _s3_labels_layout(lines)
        layouts = [printed_layout] if printed_layout else [default_layout, *(k for k in S3_ROWS if k != default_layout)]
        streamed = _s3_stream(lines, layouts, following, stated, preceding)
        if ocr and (boxed := _s3_box_order(lines, layouts[0])) is not None \
                and _cells_read(boxed.rows) > _cells_read(streamed.rows) and _agree(boxed.rows, streamed.rows):
            streamed = boxed
        if not streamed.rows and len(rows) < S3_MIN_ROWS:
            return TableRead(None, extras=extras + list(rows.values()))
        layout, borrowed = streamed.layout, streamed.borrowed
        rows, printed_layout, extras, bare = streamed.rows, printed_layout or layout, [], {}
    row_keys = [r.key for r in S3_ROWS[layout]]
    columns = [c.key for c in S3_COLUMNS]
    extras += [rows.pop(k) for k in list(rows) if k not in row_keys]
    unwrapped = [] if cell_per_line else _s3_unwrap(rows, extras, row_keys)
    _s3_without_trailing(rows)
    placed = _place_by_position(rows, extras, row_keys)
    findings = ruled + unwrapped + placed + _fuzzy_findings(rows, row_keys) + _untried_findings(collected.untried)
    tailed = [key for middle, left in collected.left for key in _s3_solve_left(rows, extras, middle, left, row_keys)]
    if not cell_per_line and (spill := _page_tail(lines, rows, extras, following, row_keys)):
        heads = {key: list(rows[key].values) for key in spill.keys}
        solved = _s3_solve_left(rows, extras, [rows[key] for key in spill.keys],
                                [RawRow(None, "", list(line.values), line.where) for line in spill.lines], row_keys)
        if solved:
            _s3_tile_tail(rows, heads, spill.lines, row_keys)
        tailed += solved
        borrowed = len(spill.lines) if solved else 0
    if not cell_per_line:
        rows = _s3_spread(lines, rows, bare, extras, row_keys)
    if cell_per_line and streamed.solved:
        findings.append(_solved_by_sum(rows, streamed.solved, lines[0].where, by_prose=streamed.by_prose))
    if cell_per_line and streamed.by_position:
        findings.append(_columns_by_position(rows, streamed.by_position, lines[0].where))
    if tailed:
        findings.append(_solved_by_sum(rows, tailed, rows[tailed[0]].where, "各行数字与行名分开印出"))
    if not cell_per_line:
        apart = _labels_printed_among(lines, [k for k in row_keys if k not in rows and k not in bare])
        bare = bare | _labels_alone(apart, ocr)
    # a table printed a cell per line is laid out by ``cellstream``: its rows' order is too unsure to place by sums
    if not cell_per_line and (by_sum := _s3_by_sum(rows, bare, row_keys, extras, ocr)) is not None:
        table, rows, more = by_sum
        return TableRead(table, findings + more, extras, printed_layout, rows, cell_per_line, borrowed)

    printed: dict[str, list[Cell]] = {}
    options: dict[str, list[Vector]] = {}
    for key in row_keys:
        raw = rows.get(key)
        cells = [parse_count(v) for v in _s3_row_values(raw)] if raw else []
        if raw is None or len(cells) == S3_WIDTH:
            printed[key] = cells or [Cell(None) for _ in columns]
            options[key] = [tuple(c.value for c in printed[key])]  # type: ignore[misc]
        else:
            options[key] = candidates([c.value for c in cells], S3_WIDTH, _S3_ROW_SUM)  # type: ignore[misc]

    accepted = solve(options, lambda assignment: s3_consistent(assignment, row_keys))
    table: Table = {}
    for key in row_keys:
        if key in printed:
            table[key] = dict(zip(columns, printed[key]))
            continue
        readings = [a[key] for a in accepted] if accepted else options[key]
        vector = readings[0] if len(set(readings)) == 1 else (agreed(readings) if readings else (None,) * S3_WIDTH)
        table[key] = dict(zip(columns, vector_cells(vector)))
        if len(set(readings)) == 1 and None not in vector:
            findings.append(repaired_finding("表三", s3_row_label(key), rows[key], S3_WIDTH, vector,
                                      [f"s3.{key}.{c}" for c in columns]))
    return TableRead(table, findings, extras, printed_layout, rows, cell_per_line, borrowed)


_LETTER = re.compile(r"[^\W\d_]")
_PIECE = 3             # characters running that, only in one row's label, show that label printed
_MAX_CELL_TEXT = 60     # characters of a line of table text (longer is prose)

"""Collecting table rows by their labels, across the ways real documents break them.

A table row is a label and a line of values, but text extraction (pdfplumber, pdftotext, copied web pages)
does not keep them on one line: a label wraps over several lines with its values on the middle one, a
one-line label in a tall row prints its values on the line just before or after it (a digit font sits a
little higher or lower than the label's), a vertical group label (三、本年度办理结果) leaves one character per
line between the rows, a page footer falls inside the table. So the lines are read as a small grammar:

- a line with a label naming a template row and values is a row (*pinned*);
- a label-only line naming a row is a *name* waiting for its values; a label-only line naming nothing joins
  the label-only line right before it (a wrapped label), or, when that names a row, the unnamed fragment
  before the values in between (``5.要求行政机关确认或重新出`` / values / ``具已获取信息``);
- a line of values whose label names nothing takes the label-only line right before it when the two together
  name a row (values on the label's last line);
- a line of values whose label names nothing, followed by label-only lines naming nothing, is a label
  continued below its values (a top-aligned cell); lines holding pieces of two labels side by side (a
  narrow group-label cell beside the item's) continue them piece by piece; so do such lines above and below a
  line of figures with no label, when together they name a row (the figures are that row's);
- a label of one character is a stray (a character of a vertical label, a bullet): never a name; words of the
  column headers alone (其他, 总计) name no row before a label has named one: they head the table;
- a row's figures a text tool split into several lines (text blocks: ``414 0 0`` / ``0`` / ``20 2 436``) are
  joined first where the table's row shape decides it (``splitrows``);
- rows whose labels a text tool printed apart from the rest of their figures (a page's labels, each alone or
  with its first figure, then the other cells row after row) are given them where every row then adds up
  (``tailrows``);
- a run of lines each holding one figure and no label (a table printed a cell per line) is one line of
  figures (``cellstream.lone_runs``; such tables are read as a stream by ``cellstream`` first);
- between two pinned rows (or prose), the names and the lines of values are each in document order, so when
  there are as many of each they pair in order, whichever side of its label each value line is printed on,
  unless a label with an item's number names no row there (a line of values may be its);
  otherwise a line of values takes the name right before it, and the rest are extras; a line of values whose
  own label holds an item number (``（五） 1.信访``, a label never finished) is a row of its own, never a name's.

A label no anchor finds is compared by edit distance with the template's labels (``fuzzy``): such a row is
marked ``fuzzy`` and the table says so (``label.fuzzy``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from gxparse import deadline, limits
from gxparse.cells import listed_figures, lists_figures, printed_after, trailing_figures
from gxparse.extraction.cellstream import is_column_header, lone_runs
from gxparse.document import WORD_MARKS, Line
from gxparse.fuzzy import NearestLabel
from gxparse.normalize import label_key, squash
from gxparse.extraction.splitrows import RowShape, join_split_rows
from gxparse.extraction.tailrows import lay_tails

_MAX_LINE_LABEL = 60    # characters: a longer label-only line is prose, not part of a table row
_MAX_LABEL = 160        # a wrapped label never grows beyond this
# labels a matcher remembers what they name (~300 bytes each): a document's every line's, which the grammar asks of
# again and again (a smaller memory, cleared within one document, matched 95,000 lines of prose four times each)
_KNOWN_LABELS = limits.MAX_LINES
# labels one reading of a table compares by edit distance (``fuzzy``): a table's labels are a few hundred lines, and
# past this many the rest are matched by their anchors alone and said untried (``Collected.untried``): 95,000 lines
# of prose each compared with every template label
MAX_FUZZY_LINES = 2_000


def _is_prose(line: Line) -> bool:
    if line.values:
        return False
    if line.label.rstrip().endswith("。"):
        return True
    # the raw label is never shorter than its key, so most lines need no normalising to decide
    return len(line.label) > _MAX_LINE_LABEL and len(label_key(line.label)) > _MAX_LINE_LABEL


@dataclass
class RawRow:
    key: str | None
    label: str
    values: list[str] = field(default_factory=list)
    where: str = ""
    in_grid: bool = False
    order: int = 0       # place among the rows of one collect_rows call, in document order
    fuzzy: bool = False  # named by a near miss of a template label, not by its anchor
    offsets: tuple[float, ...] = ()   # where each value stands in its text line (``Line.value_offsets``)
    cells_delimited: bool = False     # its line's cells a tab or a pipe delimits (``Line.cells_delimited``)
    # the place of its figures' line among the lines ``collect_rows`` read (-1: none), and whether a blank line
    # stood right before it (``Line.after_gap``): a line of figures is another's wrapped tail only right under it
    line: int = -1
    after_gap: bool = False
    listed: str = ""   # its values as printed in its label (``Line.listed``); '' where they stand in cells
    # readings of its values with OCR's rule glyphs taken for rules where several keep its sum
    # (``ocr.ruledruns.ruled_readings``): the table's balances choose among them
    ruled: tuple[tuple[str, ...], ...] = ()


class LabelMatcher:
    """Finds which template row a label names: the anchor matching latest in the label wins, because
    the item label comes after the group labels a grid row or a wrapped line carries in front of it.
    With ``near``, a label no anchor finds may name a row by a near miss of its label (``find``)."""

    def __init__(self, anchors: Iterable[tuple[str, str]], near: NearestLabel | None = None,
                 groups: Iterable[str] = ()) -> None:
        # each anchor with the characters any match of it holds in a row: a label lacking them is not searched
        # (95,000 lines of prose were searched by every anchor, 2,500,000 searches)
        self._anchors = [(key, re.compile(pattern), _required_text(pattern)) for key, pattern in anchors]
        self._near = near
        self._groups = [label_key(group) for group in groups]
        self._known: dict[str, str | None] = {}   # labels repeat across documents of one template
        self._nearest: dict[str, str | None] = {}

    def __call__(self, label: str) -> str | None:
        if label not in self._known:
            if len(self._known) > _KNOWN_LABELS:
                self._known.clear()
            self._known[label] = self._match(label)
        return self._known[label]

    def may_be_near(self, label: str) -> bool:
        """Whether ``find`` compares ``label`` by edit distance: no anchor finds it, and it is no stray."""
        return self._near is not None and self(label) is None and not _is_stray(label)

    def find(self, label: str, near: bool = True) -> tuple[str | None, bool]:
        """The row ``label`` names and whether by a near miss (no anchor found it; with ``near`` only, one is sought)."""
        key = self(label)
        if key is not None or self._near is None or not near or _is_stray(label):
            return key, False
        if label not in self._nearest:
            if len(self._nearest) > _KNOWN_LABELS:
                self._nearest.clear()
            self._nearest[label] = self._near(label)
        near = self._nearest[label]
        return near, near is not None

    def without_group_piece(self, label: str) -> str:
        """``label`` without a piece of a group label's cell in front where the rest names a row by itself or is
        nothing (``年度办 1.属于国家秘密``, ``理结果`` before a row's figures): OCR joining a page's boxes by height
        gives a line each of the narrow group cell's lines, beside whichever row's label or figures stand at that
        height. The piece is a part of a group label, never the whole of one nor a row's label (（六）其他处理 is a
        row of a 2019 table), at least ``_MIN_GROUP_PIECE`` long; a rest naming no row may be the piece's own
        label's continued beside it (``（三） 1.属于`` over ``不予公 国家秘``), kept as printed."""
        piece, _, rest = label.strip().partition(" ")
        key = label_key(piece)
        if len(key) < _MIN_GROUP_PIECE or self(piece) is not None or rest.strip() and self(rest) is None \
                or not any(key in group and key != group for group in self._groups):
            return label
        return rest.strip()

    def side_by_side(self, label: str) -> str | None:
        """The row a label names before the words naming another (``（三）不予公开 4.保护第三方合法权益
        5.属于三类内部事务信息``: OCR joining a page's boxes by height gives two rows' labels one line), the one
        ``label`` names being the latter; None unless its words part into two such labels exactly one way."""
        words = label.strip().split(" ")
        key = self(label)
        parts = [head for n in range(1, len(words))
                 if (head := self(" ".join(words[:n]))) is not None and head != key
                 and self(" ".join(words[n:])) == key]
        return parts[0] if len(set(parts)) == 1 else None

    def _match(self, label: str) -> str | None:
        text = label_key(label)
        best: tuple[int, int, str] | None = None
        for key, pattern, required in self._anchors:
            if required not in text:
                continue
            for m in pattern.finditer(text):
                rank = (m.end(), m.end() - m.start(), key)
                if best is None or rank[:2] > best[:2]:
                    best = rank
        return best[2] if best else None


def _required_text(pattern: str) -> str:
    """The longest run of characters every match of ``pattern`` holds in a row ('' where none is certain);
    none where case is ignored."""
    if re.compile(pattern).flags & re.IGNORECASE:
        return ""
    return _required_in(re._parser.parse(pattern))   # the parse ``re`` compiles from: no second reading of the syntax


def _required_in(items: Iterable[tuple[object, object]]) -> str:
    """What ``_required_text`` finds in a parsed sequence: its own characters in a row, those a group holds, and
    those every branch of an alternative holds (the shortest branch's where the others hold it)."""
    found, run = [""], ""
    for op, arg in items:
        if op is re._constants.LITERAL:
            run += chr(arg)  # type: ignore[call-overload]
            continue
        found.append(run)
        run = ""
        if op is re._constants.SUBPATTERN and not arg[1] & re.IGNORECASE:  # type: ignore[index]
            found.append(_required_in(arg[-1]))  # type: ignore[index]
        elif op is re._constants.BRANCH:
            branches = sorted((_required_in(branch) for branch in arg[1]), key=len)  # type: ignore[index]
            found.append(branches[0] if all(branches[0] in other for other in branches) else "")
    return max([*found, run], key=len)


_STRAY = 1   # characters: a label this short is a stray character, never a name nor part of one
_MIN_GROUP_PIECE = 2   # characters of a group label's piece taken for one (不 alone may be any word's)
# the numbering of a row's label, squashed, by level: 一、 over （一） over 1.
_NUMBERING = re.compile(r"(?P<l1>[一二三四五六七八九十]、)|(?P<l2>\([一二三四五六七八九十]\))|(?P<l3>(?<!\d)\d{1,2}[.、](?!\d))")
_ITEM_NUMBER = re.compile(_NUMBERING.pattern.replace("(?P<l1>", "^(?P<l1>", 1).replace("|(?P<l2>", "|^(?P<l2>", 1)
                          .replace("|(?P<l3>", "|^(?P<l3>", 1))
# a figure (count or amount) run into the label before it, with nothing after it on the line; or a row's figures
# run together, a change printed negative among them (``行政许可36-22322``: lxml's text_content glues cells); a
# label may end in a closing quote (``3.危及“三安全一稳定”0000000``)
_GLUED_TAIL = re.compile(r"(?<=[\u4e00-\u9fff)\"”’」』])-?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)*$")


def _level(m: re.Match[str]) -> int:
    return 1 if m["l1"] else 2 if m["l2"] else 3


def _short(label: str) -> bool:
    """Whether a label may still grow by another wrapped line (the raw label is never shorter than its key,
    so most need no normalising)."""
    return len(label) <= _MAX_LABEL or len(label_key(label)) <= _MAX_LABEL


def _is_stray(label: str) -> bool:
    # most labels are long: only short ones are normalised to count their characters
    return len(label) <= 4 * _STRAY + 2 and len(label_key(label)) <= _STRAY


@dataclass(slots=True)   # one per line of a table: made often
class _Piece:
    """A non-prose line as the grammar sees it: a label (possibly joined from several lines), values or none,
    and the row its label names."""

    label: str
    values: list[str]
    where: str
    in_grid: bool
    key: str | None = None
    fuzzy: bool = False
    offsets: tuple[float, ...] = ()
    cells_delimited: bool = False
    line: int = -1           # its figures' line (``RawRow.line``)
    after_gap: bool = False
    listed: str = ""
    continued: bool = False   # its label continued below its figures' line (``_Reader._continue_below``)

    @property
    def is_name(self) -> bool:
        return self.key is not None and not self.values


def _joined(a: str, b: str) -> str:
    return f"{a} {b}".strip()


def _beside(above: str, below: str) -> str:
    """A label continued on the next line, where each line may hold pieces of labels printed side by side
    (a group label's narrow cell beside the item's: "（三） 1.属于" over "不予公 国家秘"): the pieces below
    continue the last as many pieces above one by one (those before them may be the tail of the label before), a
    single piece continues the last."""
    upper, lower = above.split(" "), below.split(" ")
    if len(lower) == 1:
        return " ".join([*upper[:-1], upper[-1] + lower[0]])
    if len(lower) <= len(upper):   # the pieces above may follow the tail of the label before them
        kept = len(upper) - len(lower)
        return " ".join([*upper[:kept], *(a + b for a, b in zip(upper[kept:], lower))])
    return _joined(above, below)


class _Reader:
    """Reads lines into segments of pieces; a segment ends at a pinned row or a line of prose."""

    def __init__(self, match: LabelMatcher) -> None:
        self.match = match
        self.segments: list[list[_Piece]] = [[]]
        self.pinned: list[tuple[int, _Piece]] = []   # (segment index, row) for rows named on their own line
        self.named = False   # whether a label named a row yet
        self.near_tried = 0   # labels compared by edit distance, at most MAX_FUZZY_LINES
        self.untried: list[str] = []   # where the labels past them stand

    def find(self, label: str, where: str) -> tuple[str | None, bool]:
        """The row ``label`` (printed at ``where``) names (and whether by a near miss); words of the column headers
        (其他, 总计: also the labels of rows some tables print bare) name no row before a label has named one: they
        head the table."""
        if _is_stray(label) or not self.named and is_column_header(label):
            return None, False
        key, fuzzy = self.match.find(label, self._may_compare(label, where))
        self.named = self.named or key is not None
        return key, fuzzy

    def _may_compare(self, label: str, where: str) -> bool:
        """Whether ``label`` may still be compared by edit distance (within MAX_FUZZY_LINES); one past them is
        said untried."""
        near = self.near_tried < MAX_FUZZY_LINES
        if self.match.may_be_near(label):
            self.near_tried += near
            if not near:
                self.untried.append(where)
        return near

    def prose(self) -> None:
        if self.segments[-1]:
            self.segments.append([])

    def label_line(self, line: Line) -> None:
        segment = self.segments[-1]
        previous = segment[-1] if segment and not segment[-1].values else None
        key, fuzzy = self.find(line.label, line.where)
        opened = segment[-1] if segment and segment[-1].values and segment[-1].key is None and segment[-1].label else None
        # a row's numbered first line with its figures, its label continued below (a top-aligned cell): a line
        # naming a row by itself that opens no row of its own is still that label's continuation
        if opened is not None and (key is None or _ITEM_NUMBER.match(squash(opened.label))
                                   and not _ITEM_NUMBER.match(squash(line.label))):
            self._continue_below(opened, line.label)
            return
        if key is None and self._around(line.label):
            return
        if key is None and previous is not None and _short(previous.label) and not _opens_row(previous, line.label):
            previous.label = _joined(previous.label, line.label)   # a wrapped label
            previous.key = self.match(previous.label) or previous.key
            return
        if key is None and not _is_stray(line.label):
            fragment = self._open_fragment()
            if fragment is not None and (joined := self.match(_joined(fragment.label, line.label))):
                fragment.label, fragment.key = _joined(fragment.label, line.label), joined
                return
        segment.append(_Piece(line.label, [], line.where, line.in_grid, key, fuzzy))

    def continues_label(self, line: Line) -> bool:
        """Whether a line of word marks alone after a stray piece (``其   无``) is a line of a label continued below
        its figures' line: a narrow label printed a character a line (``1.申 / 请 / 人 / 无 / 正 …`` beside its
        group's ``（ / 六 / ） / 其 …``) holds 无 as a word of its text (申请人无正当理由…), never a blank cell,
        while the row above, its figures printed, is still having its label continued line by line."""
        segment = self.segments[-1]
        opened = segment[-1] if segment and segment[-1].values and segment[-1].key is None else None
        return (opened is not None and opened.continued and _is_stray(line.label)
                and all(value in WORD_MARKS for value in line.values))

    def _continue_below(self, row: _Piece, label: str) -> None:
        """A label continued below the line of its values (a top-aligned cell); once the label names a row,
        the row is pinned."""
        if not _short(row.label):
            return
        row.label = _beside(row.label, label)
        row.key = self.match(row.label)
        row.continued = True
        if row.key is not None:
            self._pin(self.segments[-1].pop())

    def _around(self, label: str) -> bool:
        """A label printed around its row's line of figures (a narrow group-label cell beside the item's, both
        wrapped: "（三）不 1.属于国" / figures / "予公开 家秘密"): the label-only piece above, continued piece by
        piece by ``label`` below, names a row that neither names alone. The figures are then that row's."""
        segment = self.segments[-1]
        if len(segment) < 2 or segment[-1].label or not segment[-1].values or segment[-1].key is not None:
            return False
        above = segment[-2]
        if above.values or above.key is not None or not _short(above.label):
            return False
        joined = _beside(above.label, label)
        key = self.match(joined)
        if key is None:
            return False
        figures = segment.pop()
        segment.pop()
        self._pin(replace(figures, label=joined, key=key))
        return True

    def _open_fragment(self) -> _Piece | None:
        """The latest unnamed label of the segment when only lines of values came after it."""
        for piece in reversed(self.segments[-1]):
            if not piece.values:
                return piece if piece.key is None and not _is_stray(piece.label) else None
        return None

    def value_line(self, line: Line, index: int) -> None:
        segment = self.segments[-1]
        label = "" if _is_stray(line.label) else line.label
        key, fuzzy = self.find(label, line.where) if label else (None, False)
        if key is None and label and line.in_grid and self._broken(line, label):
            return
        previous = segment[-1] if segment and not segment[-1].values else None
        if (key is None and label and previous is not None and _lacks_values(segment, previous)
                and not _opens_row(previous, label)):
            joined = _joined(previous.label, label)
            if (named := self.match(joined) or previous.key) is not None:
                segment.pop()   # the label's last line carries its values
                self._pin(_Piece(joined, line.values, line.where, line.in_grid, named, previous.fuzzy, line.value_offsets,
                                 line.cells_delimited, index, line.after_gap, line.listed))
                return
        piece = _Piece(line.label, line.values, line.where, line.in_grid, key, fuzzy, line.value_offsets,
                       line.cells_delimited, index, line.after_gap, line.listed)
        if key is None:
            segment.append(piece)
        else:
            self._pin(piece)

    def _broken(self, line: Line, label: str) -> bool:
        """A grid row a page boundary broke in two (its label's lines on two pages, each cell's figure on one of
        them, none in a row printed blank): the two grid rows are one where their labels together name a row
        that neither names alone."""
        segment = self.segments[-1]
        above = segment[-1] if segment else None
        if (above is None or not above.in_grid or above.key is not None or not above.label
                or len(above.values) != len(line.values) or any(a and b for a, b in zip(above.values, line.values))):
            return False
        joined = _beside(above.label, label)
        key = self.match(joined)
        if key is None:
            return False
        segment.pop()
        self._pin(_Piece(joined, [a or b for a, b in zip(above.values, line.values)], above.where, True, key))
        return True

    def _pin(self, row: _Piece) -> None:
        self.pinned.append((len(self.segments) - 1, row))
        self.segments.append([])

    def name_continued(self) -> None:
        """Labels continued below their figures' line that no anchor named, once whole, named by a near miss
        (``LabelMatcher.find``) of a row no other label names: a narrow group label's cell wrapped beside the
        item's glues a piece of one to the other (``1.信访 / 举报投 / 理诉类申 / 请``: 理 of 不予处理); only the
        whole label can be compared, so it is tried once the lines have all been read."""
        pieces = [p for segment in self.segments for p in segment] + [p for _, p in self.pinned]
        named = {p.key for p in pieces if p.key is not None}
        for piece in pieces:
            if piece.continued and piece.key is None and piece.values:
                key, fuzzy = self.match.find(piece.label, self._may_compare(piece.label, piece.where))
                if key is not None and key not in named:
                    piece.key, piece.fuzzy = key, fuzzy
                    named.add(key)


def _opens_row(name: _Piece, label: str) -> bool:
    """Whether ``label`` opens a row of its own after ``name``: ``name`` names a row already and ``label`` begins
    with an item number no deeper than the last one of ``name`` (2. after 1.属于国家秘密, （四） after 8.属于…: the
    row of ``name`` printed blank, with no figures; not 1. under a group label such as （六）其他处理)."""
    if name.key is None or not (opening := _ITEM_NUMBER.match(squash(label))):
        return False
    numbers = list(_NUMBERING.finditer(squash(name.label)))
    return not numbers or _level(opening) <= _level(numbers[-1])


def _opens_item(label: str) -> bool:
    """Whether a label line begins with an item's own number (``5.属``): the start of an item's label."""
    return bool((m := _ITEM_NUMBER.match(squash(label))) and m["l3"])


def _numbered_item(label: str) -> bool:
    """Whether a label holds an item's own number (``（五） 1.信访``: the start of an item label the grammar could
    not finish, its figures beside it): a row of its own, never the figures of another row's label."""
    return any(m["l3"] for m in _NUMBERING.finditer(squash(label)))


def _lacks_values(segment: list[_Piece], name: _Piece) -> bool:
    """Whether the segment's lines of values so far are too few to give ``name`` one (when there are as
    many as names, the last name's values came before it)."""
    return name.key is None or sum(1 for p in segment if p.values) < sum(1 for p in segment if p.is_name)


def _pair(segment: list[_Piece]) -> list[_Piece]:
    """The rows of one segment, in document order: names given their lines of values."""
    names = [p for p in segment if p.is_name]
    values = [p for p in segment if p.values]
    # a label-only piece holding an item's number that names no row is a row the grammar could not name
    # (``3.危 及 三" 安全一``): a line of values may be its, so the order pairs nothing
    unnamed = any(not p.values and p.key is None and _numbered_item(p.label) for p in segment)
    if names and len(names) == len(values) and not unnamed and not any(_numbered_item(v.label) for v in values):
        return [replace(v, label=n.label, key=n.key, fuzzy=n.fuzzy) for n, v in zip(names, values)]
    rows = []
    for previous, piece in zip([None, *segment], segment):
        if not piece.values:
            continue
        if previous is not None and not previous.values and previous.key is not None \
                and not _numbered_item(piece.label):
            rows.append(replace(piece, label=previous.label, key=previous.key, fuzzy=previous.fuzzy))
        elif previous is not None and not previous.values and not piece.label:
            rows.append(replace(piece, label=previous.label))   # an unnamed row
        else:
            rows.append(piece)
    return rows


@dataclass
class Collected:
    rows: dict[str, RawRow]     # by template key, first occurrence wins
    extras: list[RawRow]        # rows with values that match no template row
    # rows whose label is printed with no figure near it that the grammar could give it: a row printed blank
    # (zeros as empty cells), or one whose figures went elsewhere — only the table's arithmetic can tell
    bare: dict[str, RawRow] = field(default_factory=dict)
    joined: set[str] = field(default_factory=set)   # rows read from figure lines joined by their shape (``splitrows``)
    tailed: set[str] = field(default_factory=set)   # rows given the figures printed after their labels (``tailrows``)
    # the rows of such a run the order could not give their figures (their own figures only), each run's with
    # the lines of figures left for them
    left: Left = field(default_factory=list)
    # where the labels stand that no anchor named and were not compared by edit distance, past MAX_FUZZY_LINES
    untried: list[str] = field(default_factory=list)


Left = list[tuple[list[RawRow], list[RawRow]]]   # rows ``tailrows`` could not lay, with the lines left for them


def _lay_tails(reader: _Reader, shape: RowShape, boxed: set[str]) -> tuple[set[str], Left]:
    """The rows whose labels stand apart from the rest of their figures given them (``tailrows``), in the
    reader's segments: a row laid is pinned, the lines laid dropped; ``boxed``: where the lines joined from lines
    of one figure each stand (each figure a box of its own). The keys laid, and the runs left."""
    pinned: dict[int, list[_Piece]] = {}
    for index, row in reader.pinned:
        pinned.setdefault(index, []).append(row)
    places = [(index, piece, pin) for index, segment in enumerate(reader.segments)
              for piece, pin in [*((p, False) for p in segment), *((p, True) for p in pinned.get(index, []))]]
    pieces = [piece for _, piece, _ in places]
    laid = lay_tails(pieces, shape.width, shape.holds, _is_stray,
                     lambda piece: [[v] for v in piece.values] if piece.where in boxed else [piece.values],
                     _numbered_item)
    if not laid.values:
        return set(), []
    for n, values in (laid.values | laid.rest).items():
        pieces[n].values = values
    # the segments again, a row laid pinned where it stands (it ends its segment, as a row named on its line does)
    reader.segments, reader.pinned = [[]], []
    previous = 0
    for n, (index, piece, pin) in enumerate(places):
        if n in laid.used:
            continue
        if index != previous and reader.segments[-1]:
            reader.segments.append([])   # prose stood between
        previous = index
        if pin or n in laid.values and piece.key is not None:
            reader.pinned.append((len(reader.segments) - 1, piece))
            reader.segments.append([])
        else:
            reader.segments[-1].append(piece)

    def raw(piece: _Piece) -> RawRow:
        return RawRow(piece.key, piece.label, list(piece.values), piece.where, piece.in_grid, fuzzy=piece.fuzzy,
                      cells_delimited=piece.cells_delimited)

    left = [([replace(raw(pieces[n]), values=own) for n, own in middle], [raw(pieces[n]) for n in lines])
            for middle, lines in laid.left]
    return {pieces[n].key for n in laid.values if pieces[n].key is not None}, left


def _glued_row(line: Line, match: LabelMatcher) -> Line | None:
    """A row's label with its figure run into it and nothing after (``行政事业性收费8937.0276``: a tool that wrote
    no space between the two cells) as the row's line; None for any other line."""
    glued = _GLUED_TAIL.search(line.label)
    if glued is None or match(line.label[:glued.start()]) is None:
        return None
    label = line.label[:glued.start()]
    return replace(line, text=f"{label}\t{glued.group()}", label=label, values=[glued.group()])


def _listed_row(line: Line, match: LabelMatcher) -> Line | None:
    """A row's figures written as a list (``规章 1，0，4``, or alone under a wrapped label: no cell reads them) as a
    line of figures marked ``listed``; None for any other line (a label holding another list, or naming no row)."""
    listed = listed_figures(line.label)
    if not listed.figures or listed.label and (lists_figures(listed.label) or match(listed.label) is None):
        return None
    return replace(line, text="\t".join([listed.label, *listed.figures]), label=listed.label,
                   values=list(listed.figures), listed=printed_after(line.label, listed.label))


def _label_figures_row(line: Line, match: LabelMatcher) -> Line | None:
    """A row whose label's cell holds figures too (a converter merged the cells: ``行政处罚 12`` in one tab or pipe
    cell, ``<td>行政处罚 12</td>`` before an empty cell; CSV fields a text reader took for one word: ``行政处罚,12,``,
    ``行政事业性收费,"144 4399``) as a line of its figures, those of the label first, marked ``listed``: certain only
    where as many as its cells, never a row printed blank. None where the label ends in no figure or the text before
    them names no row."""
    label = trailing_figures(line.label)
    if not label.figures or match(label.label) is None:
        return None
    cells = [value for value in line.values if value.strip()]
    values = [*label.figures, *cells]
    return replace(line, text="\t".join([label.label, *values]), label=label.label, values=values, offsets=(),
                   listed=" ".join([printed_after(line.label, label.label), *cells]))


def collect_rows(lines: Iterable[Line], match: LabelMatcher, shape: RowShape | None = None,
                 tails: bool = True) -> Collected:
    """The rows the lines print, by the grammar above; with ``shape``, a row's figures split over several lines
    are joined first (``splitrows``), and (with ``tails``) rows whose labels stand apart from the rest of their
    figures given them (``tailrows``)."""
    reader = _Reader(match)
    lines = list(lines)
    printed = {id(line) for line in lines}
    lines = lone_runs(lines)
    boxed = {line.where for line in lines if id(line) not in printed and len(line.values) > 1}
    wheres: set[str] = set()
    if shape is not None:
        split = join_split_rows(lines, shape, lambda line: not _is_prose(line) and match(line.label) is None,
                                lambda label: _is_stray(label) or not match.without_group_piece(label),
                                lambda label: match(label) is not None, _opens_item)
        lines, wheres = split.lines, split.wheres
    for index, line in enumerate(lines):
        deadline.check_layout_time()
        if not _is_prose(line) and (line.values or " " in line.label.strip()):
            line = replace(line, label=match.without_group_piece(line.label))
        if _is_prose(line):
            reader.prose()
        elif line.values and reader.continues_label(line):
            reader.label_line(replace(line, label=" ".join([line.label, *line.values]), values=[]))
        elif line.values:
            reader.value_line(_label_figures_row(line, match) or line, index)
        elif line.label and (glued := _glued_row(line, match) or _listed_row(line, match)
                             or _label_figures_row(line, match)) is not None:
            reader.value_line(glued, index)
        elif line.label:
            reader.label_line(line)
    reader.name_continued()
    tailed, left = _lay_tails(reader, shape, boxed) if shape is not None and tails else (set(), [])
    pinned: dict[int, list[_Piece]] = {}
    for index, row in reader.pinned:
        pinned.setdefault(index, []).append(row)
    rows: dict[str, RawRow] = {}
    extras: list[RawRow] = []
    for index, segment in enumerate(reader.segments):
        for piece in _pair(segment) + pinned.get(index, []):
            row = RawRow(piece.key, piece.label, piece.values, piece.where, piece.in_grid,
                         len(rows) + len(extras), piece.fuzzy, piece.offsets, piece.cells_delimited, piece.line,
                         piece.after_gap, piece.listed)
            if row.key is None or row.key in rows:
                extras.append(row)
            else:
                rows[row.key] = row
    bare = {}
    for segment in reader.segments:
        for piece in segment:
            if piece.is_name and piece.key not in rows and piece.key not in bare:
                bare[piece.key] = RawRow(piece.key, piece.label, [], piece.where, piece.in_grid, fuzzy=piece.fuzzy)
    return Collected(rows, extras, bare, {key for key, row in rows.items() if row.where in wheres}, tailed, left,
                     reader.untried)

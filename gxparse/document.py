"""The reader-neutral form of a document: a sequence of lines, each a label and the value cells after it.

Every format reader (text, HTML, and the binary formats) produces a ``Document``; sections, tables and prose
are then read from it the same way, so a report gives the same figures whatever it was published as.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from gxparse.cells import (BLANK_MARK, NOTE_MARK, NOTE_WORD, OCR_NOISE, UNREAD_FIGURE, ZERO_MARKS, UnreadFigure,
                           grouped_by_commas, joins_group)
from gxparse.deadline import layout_timed
from gxparse.limits import check_figure_lines, check_line_words, check_lines
from gxparse.normalize import label_key, normalize_text
from gxparse.template import HEADER_LABELS

# The figures OCR misreads as letters, alone or beside digits read right (O for 0, l2 for 12, 1O for 10): in
# a row of figures such a cell is a figure that could not be read.
A4_INCHES = (8.27, 11.69)   # the paper reports are printed on: sizes a picture that states no resolution

_LETTERED = r"(?=\S*\d)(?=\S*[OoIl])[\dOoIl]{2,6}"   # digits and letters for digits: a figure, whichever row
_LETTERED_FIGURE = re.compile(rf"^(?:{_LETTERED})$")
# a figure with a dash before it (``—5``, ``–5``; ``-5`` is a value, read negative): a dash mark or a minus no count
# carries, and the figure printed after it
_DASHED_FIGURE = re.compile(r"^[\u2010-\u2015\u2212\u2500\u2501-]+\d{1,9}$")
_MISREAD = rf"[OoIl]{{1,2}}|{_LETTERED}"
_MISREAD_FIGURE = re.compile(rf"^(?:{_MISREAD})$")
# Letters and marks OCR writes for figures (those, and lo for 10, po for 0, |0 for a rule beside a 0), and how
# many figures a line needs around them to be a table row read by OCR.
_DIGIT_LOOKALIKE = re.compile(rf"^(?:[OoIlLiTtBbSsZzgqp]{{1,2}}|[|丨]\d{{1,4}}|\d{{1,4}}[|丨]|{_MISREAD})$")
_FIGURE = re.compile(r"^\d{1,9}$")
_TAIL = re.compile(r"^\d+(?:\.\d+)?$")   # a wrapped figure's tail: any digits (08, 9127.0135)
_NOISY_ROW_FIGURES = 3
# A value cell: a number (signed, thousands separators, decimals, a trailing unit, a note mark or word), a blank or
# zero mark, or a figure that could not be read.
_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
VALUE_CELL = re.compile(rf"^(?:{_NUMBER})(?:万元|元|件|个|条|项|次|人|家)?(?:{NOTE_MARK}|{NOTE_WORD})?$"
                        rf"|{BLANK_MARK.pattern}"
                        rf"|^[{''.join(sorted(ZERO_MARKS))}{UNREAD_FIGURE}]$")
# A word mark alone on a text line is prose ("无" closing section 六), not a row of one blank value.
WORD_MARKS = frozenset({"无", "空"})
# A row's first figure run into its label (PyMuPDF and pdfminer join words set close: 其他对外管理服务事项48 -3 765,
# 行政诉讼（未经复议直接起诉）1 — 1): digits right after an ideograph or a closing bracket, with values after them.
_ZEROS = re.compile(r"^00+$")
# One-digit cells with the rules between them read as 1 by OCR (``010101010`` for 0|0|0|0|0): a count is never
# printed with a leading zero, and only a run of single digits between 1s in the rules' places, two rules at
# least, reads as cells (``016`` may as well be 0 and 16 run together: unread, ``OCR_NOISE``).
_RULED_DIGITS = re.compile(r"^0(?:1\d){2,}$")
# A piece of a neighbouring cell printed after a row's figures: text tools that sort words by their line put a
# vertical group label's characters on the line of the row beside them (PyMuPDF's ``get_text(sort=True)``:
# ``4.保护第三方合法权益 6 0 0 0 0 0 6 （三）不``, ``… 0 0 8结``). Units after figures are values, not pieces.
_TRAILING_PIECE = re.compile(r"^(\d*)([\u4e00-\u9fff（）()“”]{1,6})$")
_UNITS = frozenset({"件", "个", "条", "项", "次", "人", "人次", "家", "份", "元", "万元", "万", "亿", "年", "月", "日", "天"})
_FIGURES_BEFORE_PIECE = 3   # a row's figures, not a figure in prose (申请 3 件)
_FIGURES_BESIDE_MARKED = 2   # a row's figures around a marked one (table 二's rows print three), not prose's
_GLUED_FIGURE = re.compile(r"(?<=[\u4e00-\u9fff）)])\d+$")
_RUN_ON_FIGURES = 2 * 16   # figures on a line: twice the widest row (table 四's 15 and a label figure) is rows run on
# Pieces a text joined by spaces is split into, a line each: a report page's text nodes are hundreds (368 in the
# widest of tests/fixtures/htmltext); a text of more is read as written, never made into more lines than it has.
MAX_SPACED_PIECES = 20_000
_WORD = re.compile(r"\S+")   # a cell of a text line split at spaces (``split_cells``)
# A table rule OCR read as a bar, alone (a quote beside it is the rule's serif read too: ``"|``) or glued to the
# side of a figure (``|0``, ``12|``): no agency types a bar into a figure, and as a cell of its own it would end a
# row's label among its figures.
_RULE_ALONE = re.compile(r"^[\"“”'‘’]*[|丨]+[\"“”'‘’]*$")
_BARRED_ROWS = 2
_ZEROS_AND_ONES = re.compile(r"^[oOlI]{1,2}$")
# Letters OCR writes for a one-digit figure; alone between two figures they can be nothing else (a label's
# words are Chinese), and the text they stand in is OCR's (``shows_rules_read``): its sums check them.
LOOKALIKE_DIGITS = {"o": "0", "O": "0", "l": "1", "I": "1", "L": "1"}
_LABEL_END = re.compile(r"[\u4e00-\u9fff”\"」）)]$")   # a Chinese label's last character (no sentence ends in os)
_ZERO_LETTER = re.compile(r"^[oO0]$")   # a zero, as OCR writes it or misreads it
_MIN_LOOKALIKE_RUN = 5   # cells: a row of table 三 or 四 holds at least as many; ``12 o`` may be a figure and a word
# A one-digit figure in full-width digits between figures in ASCII ones, on a row or a line each (``308 4 ５ 9``):
# RapidOCR writes some one-digit boxes so; a table typed in one width does not switch for a cell between two.
FULL_WIDTH_DIGIT = re.compile(r"^[０-９]$")
ASCII_FIGURE = re.compile(r"^[0-9]+$")
# 1 as OCR's Chinese model reads it (tesseract: 工), alone before a figure or after a row's last: no label of the
# template's tables has 工, so there it can only be that figure.
_ONE_READ_AS_IDEOGRAPH = "工"
# An ideograph alone between a row's figures is a digit OCR's Chinese model read as one (1 as 工, 7 as 了): no
# table prints a word in a figure's cell but a zero or blank mark (无, 空, 〇), and prose spaced between figures has
# only units there (2023 年 12 月).
_IDEOGRAPH = re.compile(r"^[\u4e00-\u9fff]$")
_RULE_EDGES = re.compile(r"^[\"“”'‘’]*[|丨]+|[|丨]+[\"“”'‘’]*$")
# Figures with a rule OCR read as a bar inside them (``0|1010101010``, ``0  01|10101010  0``): after a label or a
# figure, digits alone on both sides of the bar are cells the rule parts (``0`` and ``1010101010``, whose run the
# row's sums read: ``gxparse.ocr.ruledruns``); with letters among them (``1|101010olol1011``) where one cell ends
# is unknown, and after a row's first figure they are a figure of the row that cannot be read, never a count nor
# a word of the label. First on a line they may be a row's figures alone, which such a word cannot place (table
# 四's one row): left as text.
_RULE_INSIDE = re.compile(r"[|丨]+")
_FIGURES_ACROSS_RULE = re.compile(r"^[\doOlI]*\d[\doOlI]*(?:[|丨][\doOlI]*\d[\doOlI]*)+$")
# A quote mark alone in a figure's place, only figures after it (``具已获取信息  “  0  0  0  0  0  2``): OCR's reading
# of a figure it could not make out (tesseract), never a count: an unread figure that keeps the row's width (a
# quotation in prose has words after it)
_QUOTE_ALONE = re.compile(r"^[\"“”]$")
# One glyph standing alone among a row's last figures, at least ``_MIN_GLYPH_RUN`` of them, or after them (``5  0  0
# 0  0  0  ;``, ``3  1  0  0  0  0  人``, ``80  1  1  1  人  0  90``): tesseract's reading of a figure it could not make
# out. A label's words stand before a row's figures, a unit after one figure (申请 3 人), never one among five or
# more spaced figures: an unread figure that keeps the row's width, for the row's sums to place or leave unread.
_GLYPH_ALONE = re.compile(r"^[\u4e00-\u9fff;；:：,，.。、)）(（\"“”'‘’?？!！]$")
_MIN_GLYPH_RUN = 5
_RULE_LINE = re.compile(r"^[\s|:\-—=+]*-{3,}[\s|:\-—=+]*$")
_FORM_FEED = "\f"   # pdftotext's end of a page
# A cell of a table extracted a cell a line, ending in a bar, spacer bars of a short row after it: ``0 | ||``
_CELL_LINE = re.compile(r"^([^|]+?)\s*\|[\s|]*$")
_BLANK_CELL = "/"   # what an empty cell of such a table reads as: a blank mark (cells.BLANK_MARK)

# A page number printed as its own line ("- 3 -", "第 3 页 共 8 页", "3/8"): where a PDF was turned into text,
# page footers fall between the rows of a table, and "- 3 -" would read as a row of values.
_FURNITURE_LENGTH = 24   # characters: a longer line is no page number
_PAGE_FURNITURE = re.compile(r"^(?:[-—–]+\s*\d{1,4}\s*[-—–]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                             r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4})$")


@dataclass
class Line:
    """One line of a document: prose, a heading, or a table row split into label and values."""

    text: str                 # the whole line, normalised (cells joined by a tab)
    label: str                # the text cells before the values
    values: list[str]         # the value cells, raw; '' is a blank cell of a table grid
    where: str                # position for messages: "第12行", "表2第5行", "第3页第7行"
    page: int | None = None
    in_grid: bool = False     # from a real table grid (HTML, DOCX, PDF): blank cells are meaningful
    after_gap: bool = False   # text printed after a blank line: PDF-to-text tools end a text box with one
    # where each cell stands in the text line (the character offset of its middle), for text split at spaces:
    # layout-keeping extraction (pdftotext -layout, pdfplumber's layout) puts a figure under its column header
    offsets: tuple[float, ...] = ()
    # text whose cells a tab or a pipe delimits: a cell's thousands grouped by spaces are joined within it
    # (``split_cells``), so two cells are two figures, never one figure's groups
    cells_delimited: bool = False
    # values a table took from its label, where they were written there (a list, ``规章 1，0，4``, or figures set off
    # in its cell, ``行政处罚 12``: ``rows``), as printed: the row's figures in order only where they are as many as
    # its cells; '' for any other line
    listed: str = ""

    @property
    def is_prose(self) -> bool:
        return not self.values

    @property
    def value_offsets(self) -> tuple[float, ...]:
        """Where each value stands in the text line (the ``offsets`` of the last cells)."""
        return self.offsets[len(self.offsets) - len(self.values):] if self.offsets and self.values else ()


# the rules of reader notes: how the document was read, never what the report lacks (docs/gxparse.md)
HIDDEN_TEXT = "read.hidden_text"            # text the document keeps from view, read as the report's
HIDDEN_DRAFT = "read.hidden_draft"          # a block kept from view, left out as a draft of what is shown
DISPLAY_MISMATCH = "cell.display_mismatch"  # a spreadsheet cell whose stored and displayed values disagree
OCR_OUT_OF_TIME = "read.ocr_out_of_time"    # scanned pages the document's deadline left unread
LAYERS_UNJUDGED = "read.layers_unjudged"    # PDF pages whose layer memberships were not judged: read as shown
EVIDENCE_CHARS = 40   # of a note's text: enough to find the block or cell in the document
_MAX_NOTES_PER_RULE = 10   # a page of a hundred hidden tabs is told about the first ten and how many more


@dataclass(frozen=True)
class ReadNote:
    """A decision a reader made that a user of the report must be told: carried into the report's findings as a
    warning (``parser.build_report``). ``text`` is what the document prints there, its evidence."""

    rule: str
    message: str
    where: str
    text: str = ""


def bounded_notes(notes: list[ReadNote]) -> list[ReadNote]:
    """``notes`` with at most ``_MAX_NOTES_PER_RULE`` of each rule, the last kept saying how many more there were."""
    counts = Counter(note.rule for note in notes)
    taken: Counter[str] = Counter()
    kept = []
    for note in notes:
        taken[note.rule] += 1
        if taken[note.rule] > _MAX_NOTES_PER_RULE:
            continue
        if taken[note.rule] == _MAX_NOTES_PER_RULE < counts[note.rule]:
            more = counts[note.rule] - _MAX_NOTES_PER_RULE
            note = replace(note, message=f"{note.message}；另有{more}处同类情况未逐一列出")
        kept.append(note)
    return kept


@dataclass
class LinesRead:
    """The lines a reader has appended to its list so far, checked as it goes (``check`` after each block): past
    ``limits.MAX_LINES`` lines, or ``limits.MAX_FIGURE_LINES`` of them holding figures, the document is refused
    before the rest of it is read and before any of it is laid out (100,000 one-figure table rows of a DOCX read
    whole took 13 CPU s, most of it in table 三's layout)."""

    what: str                # the lines of what, for the reason: Word 文档, 网页
    counted: int = 0         # lines of the list already looked at
    figure_lines: int = 0

    def check(self, lines: list[Line]) -> None:
        check_lines(len(lines), self.what)
        self.figure_lines += sum(1 for line in lines[self.counted:] if line.values)
        self.counted = len(lines)
        check_figure_lines(self.figure_lines, f"{self.what}第{len(lines)}行")


@dataclass
class Document:
    lines: list[Line]
    source_type: str                      # html | markdown | csv | text | pdf | ofd | docx | doc | wps | xlsx | xls | et | ocr
    pages: int | None = None
    table_pages: dict[str, int] = field(default_factory=dict)   # filled by page-based readers
    title: str | None = None      # the page or file title, where the format has one
    publisher: str | None = None  # who published it, where the format says (a CMS page's ContentSource)
    ocr_text: bool = False        # text an OCR program wrote (its digit noise shows): its figures are no evidence
    # text whose glyphs show OCR's confusions but no digit noise (gxparse.ocr.brackets): a failed sum one
    # misread digit mends is no evidence (gxparse.ocr.misread)
    glyphs_misread: bool = False
    # the document read again with its large pictures by OCR (tables pasted as pictures): called only when a
    # table is not found in its text, since OCR'd figures are no evidence for an error
    read_pictures: Callable[[], Document] | None = None
    notes: list[ReadNote] = field(default_factory=list)   # what the reader decided that the report must say


def wrapped_tails(label: str, values: Sequence[str], in_grid: bool, after_gap: bool) -> bool:
    """Whether a text line of ``values`` under ``label`` can be the tails a row's narrow cells wrapped on to the
    line right under it (``行政许可 12`` / ``502``, ``… 5 2 5`` / ``08 3 45``): digits alone (a tail may begin with
    0 or carry the decimals), no label, no blank line before it (a text box ends with one). Whether it stands
    right under its row is the caller's: the line before it, by its place among the lines read."""
    return (bool(values) and not label.strip() and not in_grid and not after_gap
            and all(_TAIL.match(v) for v in values))


def shows_ocr_noise(lines: list[Line]) -> bool:
    """Whether a text's table rows (lines of several figures) carry OCR's digit noise: a count with a leading
    zero (``010`` for ``0|0``; a thousands group split from its lead is none: ``1 016``, and so is the tail of a
    wrapped figure, on a line right under a row of as many figures or more: ``08`` of ``5 … 5`` / ``08 3 45``), or
    letters OCR reads for figures between figures (``34 lo lo po 0``, ``|0``); a number at the end of a sentence
    (a document number) is no table row."""
    tails = {n for n, line in enumerate(lines) if n and wrapped_tails(line.label, line.values, line.in_grid,
                                                                      line.after_gap)
             and len(line.values) <= len(lines[n - 1].values)}
    return any(_noise_in(line.values) for n, line in enumerate(lines) if len(line.values) > 1 and n not in tails) \
        or any(_misread_between_figures(line.text.split("\t")) for line in lines if "\t" in line.text)


def shows_rules_read(text: str) -> bool:
    """Whether a text's table rows carry table rules OCR read: as bars glued to figures (``|0``, ``64|``), as 1s
    between one-digit cells (``010101010``) — no agency types a bar into a figure nor a count with a leading
    zero, and text tools write no rule at all —, a letter or an ideograph read for a digit alone between figures
    (``3 o 0``, ``2 工 4``), a one-digit figure in full-width digits between ASCII ones (``4 ５ 9``), a
    line ending in figures read as letters (``_letters_for_figures``), or as bars alone before a row's figures, or glued to
    the label's end, on ``_BARRED_ROWS`` rows or more (``公开申请 | 0  0  0``, ``政府信| 0  0``: one such line may be a
    typed separator). Only rows of several figures split at
    spaces count (a typed table delimits its cells by bars, ``pipe_delimited``)."""
    if _full_width_between_figures(text):
        return True
    barred = 0
    for line in normalize_text(text).splitlines():
        if _letters_for_figures(line):
            return True
        if pipe_delimited(line) or "\t" in line:
            continue
        words = line.split()
        if sum(is_value(w) for w in words) < _NOISY_ROW_FIGURES:
            continue
        if any(_RULE_EDGES.search(w) and is_value(_RULE_EDGES.sub("", w))
               or _RULED_DIGITS.match(w) and not (i and joins_group(words[i - 1], w))
               or (w in LOOKALIKE_DIGITS or _IDEOGRAPH.match(w) and w not in _UNITS and not is_value(w))
               and 0 < i < len(words) - 1 and is_value(words[i - 1]) and is_value(words[i + 1])
               for i, w in enumerate(words)):
            return True
        barred += any((_RULE_ALONE.match(w) or w.endswith(("|", "丨"))) and is_value(after)
                      for w, after in zip(words, words[1:]))
        if barred >= _BARRED_ROWS:
            return True
    return False


def _full_width_between_figures(text: str) -> bool:
    """Whether a one-digit figure in full-width digits stands between two figures in ASCII digits, the text's
    words read in order across lines (``FULL_WIDTH_DIGIT``)."""
    words = text.split()
    return any(FULL_WIDTH_DIGIT.match(w) and ASCII_FIGURE.match(before) and ASCII_FIGURE.match(after)
               for before, w, after in zip(words, words[1:], words[2:]))


def _letters_for_figures(line: str) -> bool:
    """Whether a line ends in a row's figures OCR read as letters (``bl oo oo``, ``窗 | oo oo ll``): its last
    ``_NOISY_ROW_FIGURES`` words or more, bars aside, are figures or letters OCR writes for them, two of them
    os and ls alone (OCR's 0s and 1s: ``It is so`` is no such row) — no sentence of a Chinese report ends so."""
    words = line.replace("|", " ").replace("丨", " ").split()
    run = list(itertools.takewhile(lambda w: bool(_DIGIT_LOOKALIKE.match(w)) or is_value(w), reversed(words)))
    return len(run) >= _NOISY_ROW_FIGURES and sum(bool(_ZEROS_AND_ONES.match(w)) for w in run) >= 2


def _noise_in(values: list[str]) -> bool:
    """A count with a leading zero among ``values``, other than a thousands group split at a space from the
    figure before it (``1 016``)."""
    return any(OCR_NOISE.match(v) and not (i and joins_group(values[i - 1], v)) for i, v in enumerate(values))


def _misread_between_figures(cells: list[str]) -> bool:
    numeric = [bool(_FIGURE.match(c.strip())) for c in cells]
    if sum(numeric) < _NOISY_ROW_FIGURES:
        return False
    return any(_DIGIT_LOOKALIKE.match(c.strip()) and any(numeric[:i]) and any(numeric[i + 1:])
               for i, c in enumerate(cells))


def misread_figure(cell: str) -> bool:
    """A cell OCR wrote letters into for a figure (``O``, ``1O``): unreadable where figures stand."""
    return bool(_MISREAD_FIGURE.match(cell.strip()))


def lettered_figure(cell: str) -> bool:
    """A figure with letters written for some of its digits (``l34``, ``IO582``), as OCR and producers whose
    fonts map glyphs by their shape write them: no label of a table mixes Latin letters into digits."""
    return bool(_LETTERED_FIGURE.match(cell.strip()))


def dashed_figure(cell: str) -> bool:
    """A figure with a dash before it that is no value (``—5``, ``––5``): which count it is, only sums can tell."""
    text = cell.strip()
    return bool(_DASHED_FIGURE.match(text)) and not is_value(text)


def marked_figure(cell: str) -> bool:
    """A figure printed with letters for digits or a dash before it: a figure, no label, its reading unproved."""
    return lettered_figure(cell) or dashed_figure(cell)


@lru_cache(maxsize=16384)
def is_value(cell: str) -> bool:
    """A number or a blank marker (cached: table cells repeat the same few texts, "0" above all)."""
    return bool(VALUE_CELL.match(cell.strip()))


def joined_cell_lines(lines: list[str]) -> str:
    """A table cell printed over several lines (``<br>``, paragraphs): the lines of a wrapped label join up,
    while figures each on a line stay apart (a cell holding one figure per row it merged) — glued, ``2``
    over ``0`` would read as 20."""
    parts = [part.strip() for part in lines if part.strip()]
    if len(parts) > 1 and all(is_value(part) for part in parts):
        return " ".join(parts)
    return "".join(parts)


def glued_cell_lines(lines: list[str]) -> str:
    """A PDF cell's printed lines joined without a gap: labels wrap mid-word, narrow header cells stack one
    character per line, and a long figure wraps in a narrow column."""
    return "".join(lines)


def split_cells(line: str) -> list[str]:
    """Cells of a text line: tab-separated, pipe-separated, or (PDF-extracted) separated by spaces. A cell of
    tab or pipe text whose figure groups its thousands by spaces is that one figure (``1 288``); separated by
    spaces alone, ``1 288`` cannot be told from two figures and stays two cells."""
    if "\t" in line:
        return figures_apart([grouped_by_commas(c.strip()) for c in line.split("\t")])
    if pipe_delimited(line):
        return figures_apart([grouped_by_commas(c.strip()) for c in line.strip().strip("|").split("|")])
    return [cell for cell, _ in spaced_cells(line)]


def pipe_delimited(line: str) -> bool:
    """Whether a line's bars delimit its cells (a typed table, ``规章 | 1 | 0 | 4``) rather than stand between
    the words of a line split at spaces, where OCR read a table's rules as bars (``予以公开  50 | 0  0  0 | 50``):
    there a stretch between two bars holds a figure among other words."""
    if "\t" in line or line.count("|") < 2:
        return False
    return not any(len(words := cell.split()) > 1 and any(is_value(w) for w in words) and grouped_by_commas(cell) == cell
                   for cell in line.strip().strip("|").split("|"))


def spaced_cells(line: str) -> list[tuple[str, float]]:
    """The cells of a line split at spaces, each with where it stands (the character offset of its middle), less
    the table rules OCR read as bars: a bar alone, or glued to a figure's side or a letter OCR reads for a digit
    (``|0``, ``0|``, ``"|0``, ``|o``); such a letter alone between two figures is that digit (``LOOKALIKE_DIGITS``),
    工 before a figure or after the last a 1 (``_ONE_READ_AS_IDEOGRAPH``); figures with a bar
    inside after a label or a figure are parted at it, or unread (``_FIGURES_ACROSS_RULE``); one glyph alone among
    a line's last figures is a figure unread (``_glyph_among_figures``)."""
    cells = []
    for word in _WORD.finditer(line):
        cell = _RULE_ALONE.sub("", word.group())
        offset = word.start() + len(word.group()) / 2
        if is_value(figure := _RULE_EDGES.sub("", cell)) or figure in LOOKALIKE_DIGITS:
            cell = figure
        elif cells and _FIGURES_ACROSS_RULE.match(cell) \
                and all(map(ASCII_FIGURE.match, pieces := _RULE_INSIDE.split(cell))):
            cells += [(piece, offset) for piece in pieces]   # digits apart at a rule: the cells it parts
            continue
        elif _FIGURES_ACROSS_RULE.match(cell) and cells and is_value(cells[-1][0]):
            cell = UNREAD_FIGURE
        elif _QUOTE_ALONE.match(cell) and cells and _figures_after(line, word.end()):
            cell = UNREAD_FIGURE
        if cell:
            cells.append((cell, offset))
    run = _lookalike_run(cells)
    read = [("1" if _one_read_as_ideograph(cells, i) else LOOKALIKE_DIGITS.get(cell, cell) if i >= run
             or 0 < i < len(cells) - 1 and is_value(cells[i - 1][0]) and is_value(cells[i + 1][0]) else cell, offset)
            for i, (cell, offset) in enumerate(cells)]
    glyph = _glyph_among_figures([cell for cell, _ in read])
    return read if glyph is None else [*read[:glyph], (UNREAD_FIGURE, read[glyph][1]), *read[glyph + 1:]]


def _glyph_among_figures(cells: list[str]) -> int | None:
    """Where the one glyph (``_GLYPH_ALONE``) stands in a line's last cells that are otherwise figures, at least
    ``_MIN_GLYPH_RUN`` of them, between two of them or last; None where there is none or more than one."""
    start = len(cells)
    while start and (is_value(cells[start - 1]) or _GLYPH_ALONE.match(cells[start - 1])):
        start -= 1
    while start < len(cells) and not is_value(cells[start]):   # a label's last word of one character
        start += 1
    glyphs = [i for i in range(start, len(cells)) if not is_value(cells[i])]
    if len(glyphs) != 1 or len(cells) - start - 1 < _MIN_GLYPH_RUN:
        return None
    return glyphs[0]


def _lookalike_run(cells: list[tuple[str, float]]) -> int:
    """Where a line's last cells start that are all figures or letters OCR writes for a one-digit figure
    (``LOOKALIKE_DIGITS``), at least ``_MIN_LOOKALIKE_RUN`` of them with two figures among them: a row's
    figures, its letters at either end of the run digits too (``o 0 o o 0 0 o``); or, all os and 0s, right
    after a Chinese label (``3.危及“三安全一稳定” o o o o o o o``: a row of zeros; ls there may be the rules
    between blank cells); the line's length where none."""
    start = len(cells)
    while start and (cells[start - 1][0] in LOOKALIKE_DIGITS or ASCII_FIGURE.match(cells[start - 1][0])):
        start -= 1
    run = [cell for cell, _ in cells[start:]]
    zeros_after_label = start > 0 and bool(_LABEL_END.search(cells[start - 1][0])) and all(map(_ZERO_LETTER.match, run))
    if len(run) < _MIN_LOOKALIKE_RUN or not zeros_after_label and sum(map(bool, map(ASCII_FIGURE.match, run))) < 2:
        return len(cells)
    return start


def _figures_after(line: str, end: int) -> bool:
    """Whether ``line`` holds figures after offset ``end`` and nothing else but rules and quote marks alone (a
    row's last cells)."""
    words = [_RULE_EDGES.sub("", w) for w in line[end:].split() if not _RULE_ALONE.match(w)]
    return any(is_value(w) for w in words) and all(is_value(w) or _QUOTE_ALONE.match(w) for w in words)


def _one_read_as_ideograph(cells: list[tuple[str, float]], i: int) -> bool:
    """Whether cell ``i`` is ``_ONE_READ_AS_IDEOGRAPH`` with a figure after it, or last after a figure."""
    if cells[i][0] != _ONE_READ_AS_IDEOGRAPH or not i:
        return False
    return is_value(cells[i + 1][0]) if i + 1 < len(cells) else is_value(cells[i - 1][0])


def figures_apart(cells: list[str]) -> list[str]:
    """A cell holding only figures apart by spaces is that many cells: cells merged (a Word row whose columns
    were joined) or copied into one, whose figures would otherwise be read as label text and the row as
    printed without a figure."""
    out = []
    for cell in cells:
        parts = cell.split()
        out += parts if len(parts) > 1 and all(is_value(p) for p in parts) else [cell]
    return out


def line_from_cells(cells: list[str], where: str, page: int | None = None) -> Line:
    """A text line: the label is every text cell, the values the value cells after the last text cell.

    Empty cells of text lines are dropped: tab text carries empty cells for merged table cells, so there an
    empty cell is layout, not a blank value.
    """
    cells = _marked_figures_unread(_without_trailing_piece([c for c in cells if c]))
    if len(cells) == 1 and cells[0] in WORD_MARKS:
        return Line(cells[0], cells[0], [], where, page)
    last_text = max((i for i, c in enumerate(cells) if not is_value(c)), default=-1)
    if last_text >= 0 and last_text + 1 < len(cells) and (glued := _GLUED_FIGURE.search(cells[last_text])):
        cells = [*cells[:last_text], cells[last_text][:glued.start()], glued.group(), *cells[last_text + 1:]]
    # a run of zeros is that many zero cells: counts are never printed with a leading zero, so it can only be
    # cells of 0 whose separators the extraction lost (narrow columns, tabs printed as nothing)
    cells = [*cells[:last_text + 1], *(z for i in range(last_text + 1, len(cells))
                                       for z in _cells_run_together(cells[i], cells[i - 1] if i else ""))]
    label = " ".join(cells[: last_text + 1])
    values = cells[last_text + 1:]
    return Line("\t".join(cells), label, values, where, page)


def with_blank_pipe_cells(line: Line, cells: list[str]) -> Line:
    """A row of a table typed or extracted with bars (``一、本年新收… | 0 | | | 1 | | 1 |``) keeps the empty cells
    between its label and its last figure as blank cells of a grid: the page printed those cells empty (zeros
    left blank), and without them the figures after them slide into the wrong columns. Empty cells before the
    label or after the last figure are the layout's spacers (merged cells, padding) and stay dropped."""
    filled = [k for k, cell in enumerate(cells) if cell]
    if not filled or not line.values:
        return line
    last_text = max((k for k in filled if not is_value(cells[k])), default=-1)
    tail = cells[last_text + 1:filled[-1] + 1]
    if "" not in tail or not all(cell == "" or is_value(cell) for cell in tail):
        return line
    return replace(line, values=tail, in_grid=True)


def _marked_figures_unread(cells: list[str]) -> list[str]:
    """The cells with each figure printed with letters for digits or a dash before it (``marked_figure``: ``l34``,
    ``IO582``, ``—5``) in the line's last run of figures an unread figure keeping its printed text
    (``cells.UnreadFigure``), for the tables' sums to prove or leave unread (``gxparse.markedfigures``), where the
    run holds ``_FIGURES_BESIDE_MARKED`` figures or more: taken for label text, it would leave the row a figure
    short, its first column blank or its figures unplaced."""
    start = len(cells)
    while start and (is_value(cells[start - 1]) or marked_figure(cells[start - 1])):
        start -= 1
    run = cells[start:]
    if sum(map(is_value, run)) < _FIGURES_BESIDE_MARKED or all(map(is_value, run)):
        return cells
    return cells[:start] + [c if is_value(c) else UnreadFigure(c) for c in run]


def _cells_run_together(cell: str, before: str) -> list[str]:
    """A value cell that can only be several cells whose separators were lost: a run of zeros (``000``: narrow
    columns, tabs printed as nothing) or one-digit cells with the rules between them read as 1
    (``_RULED_DIGITS``) that is no thousands group split from the figure ``before`` it (``348 019``); any other
    cell as it is."""
    if _ZEROS.match(cell):
        return list(cell)
    if _RULED_DIGITS.match(cell) and not joins_group(before, cell):
        return list(cell[::2])
    return [cell]


def _without_trailing_piece(cells: list[str]) -> list[str]:
    """The cells less a piece of another cell printed after the row's figures (``_TRAILING_PIECE``), when a
    label and at least ``_FIGURES_BEFORE_PIECE`` figures stand before it; a figure glued to it stays."""
    piece = _TRAILING_PIECE.match(cells[-1]) if cells else None
    if piece is None or piece.group(2) in _UNITS or piece.group(2) in WORD_MARKS:
        return cells
    body = cells[:-1] + ([piece.group(1)] if piece.group(1) else [])
    figures = next((n for n, cell in enumerate(reversed(body)) if not is_value(cell)), len(body))
    return body if _FIGURES_BEFORE_PIECE <= figures < len(body) else cells


def lines_from_text(text: str, page: int | None = None, first_lineno: int = 1) -> list[Line]:
    """Lines of plain text; markdown table rules (``---|---``), page numbers on their own line and the
    repeats of a running header are dropped."""
    normal = normalize_text(text)
    raws = normal.splitlines()
    check_lines(len(raws), "文本", counted=True)
    for n, raw in enumerate(raws, start=first_lineno):
        check_line_words(raw, f"第{page}页第{n}行" if page else f"第{n}行")
    pages = _text_pages(normal, len(raws)) if page is None else [page] * len(raws)
    blank_bars = _blank_cell_bars(raws)
    out = []
    gap = False
    figure_lines = 0
    # a tool that joins a page's text nodes by spaces wrote every line so, its headings inside its prose too
    spaced = any(_runs_on(raw) for raw in raws) and sum(len(raw.split()) for raw in raws) <= MAX_SPACED_PIECES
    for n, k, raw in layout_timed((n, k, cell) for n, line in enumerate(raws, start=first_lineno)
                                  for k, cell in enumerate(line.split() if spaced else [line], start=1)):
        if not raw.strip():
            gap = True
            continue
        bare = raw.strip()   # layout-keeping extraction (pdftotext -layout, pdfplumber layout) centres a footer
        if _RULE_LINE.match(raw) or len(bare) <= _FURNITURE_LENGTH and _PAGE_FURNITURE.match(bare):
            continue
        where = (f"第{page}页第{n}行" if page else f"第{n}行") + (f"第{k}段" if spaced else "")
        delimited = "\t" in raw or pipe_delimited(raw)
        # a line split at spaces is split once, for its cells and their places
        placed = None if delimited else spaced_cells(raw)
        cells = split_cells(raw) if placed is None else [cell for cell, _ in placed]
        if n - first_lineno in blank_bars:
            cells = [_BLANK_CELL]
        line = line_from_cells(cells, where, pages[n - first_lineno])
        if delimited and "\t" not in raw:
            line = with_blank_pipe_cells(line, cells)
        if line.values:
            figure_lines += 1
            check_figure_lines(figure_lines, where)
        line.cells_delimited = delimited
        if placed is not None and " " in bare:
            # a figure cut from its label (``_GLUED_FIGURE``) has no place of its own in the line
            line.offsets = (tuple(offset for _, offset in placed) if len(placed) == line.text.count("\t") + 1
                            else ())
        line.after_gap, gap = gap, False
        out.append(line)
    return _without_running_headers(_unglued(_lookalike_boxes(out)))


def _blank_cell_bars(raws: Sequence[str]) -> set[int]:
    """The indexes of the bare ``|`` lines that are empty cells of a table extracted a cell a line, each cell
    ending in `` |`` (``规章 |`` / ``1 |`` / ``|`` / ``3 |``): a run of them after a cell and before a figure's cell
    stands for cells printed empty between figures. A run before a label is left alone: there a bar may also open
    the next row, as some pages' text does, and which bars are cells cannot be told."""
    out: set[int] = set()
    n = 0
    while n < len(raws):
        if raws[n].strip() != "|":
            n += 1
            continue
        end = n
        while end < len(raws) and raws[end].strip() == "|":
            end += 1
        before = raws[n - 1].strip() if n else ""
        after = raws[end].strip() if end < len(raws) else ""
        if _CELL_LINE.match(before) and (figure := _CELL_LINE.match(after)) and is_value(figure.group(1)):
            out.update(range(n, end))
        n = end
    return out


def _lookalike_boxes(lines: list[Line]) -> list[Line]:
    """A line that is only a letter OCR reads for a digit (``LOOKALIKE_DIGITS``), within a run of lines each a
    lone figure or such a letter with a figure before it and after it in the run, is that digit: OCR's boxes a
    line each (RapidOCR: ``508`` / ``2`` / ``o`` / ``33``), as a letter alone between figures of a row is."""
    kinds = ["F" if not line.label.strip() and len(line.values) == 1 and is_value(line.values[0])
             else "L" if not line.values and line.label.strip() in LOOKALIKE_DIGITS else "" for line in lines]
    out = list(lines)
    run_start = 0
    for n, kind in enumerate([*kinds, ""]):
        if kind:
            continue
        run = kinds[run_start:n]
        figures = [k for k, each in enumerate(run) if each == "F"]
        for k, each in enumerate(run):
            if each == "L" and figures and figures[0] < k < figures[-1]:
                line = lines[run_start + k]
                out[run_start + k] = replace(line_from_cells([LOOKALIKE_DIGITS[line.label.strip()]], line.where,
                                                             line.page), after_gap=line.after_gap)
        run_start = n + 1
    return out


def _text_pages(text: str, count: int) -> list[int | None]:
    """The page of each of the ``count`` lines of ``text``: pdftotext ends every page with a form feed, so a page
    is the lines after the last one; text without a form feed has no pages (None)."""
    if _FORM_FEED not in text:
        return [None] * count
    pages: list[int | None] = []
    number = 1
    for line in text.splitlines(keepends=True):
        pages.append(number)
        number += line.endswith(_FORM_FEED)
    return pages


def _runs_on(raw: str) -> bool:
    """Whether a line of text holds more figures apart by spaces than any row (``_RUN_ON_FIGURES``): a tool that
    joins a page's text nodes by spaces (lxml's ``itertext``) writes whole tables, headings and rows on one line,
    each text node a cell."""
    return sum(1 for c in raw.split() if is_value(c)) > _RUN_ON_FIGURES


def _unglued(lines: list[Line]) -> list[Line]:
    """The lines with a label line's glued figure (``_GLUED_FIGURE``) made a line of its own where a line of
    figures follows it: a table printed a cell per line whose first figure ran into the label
    (``其他对外管理服务事项48`` / ``-3`` / ``765``)."""
    out = []
    for line, after in zip(lines, [*lines[1:], None]):
        glued = None if line.values or after is None or after.label or not after.values else \
            _GLUED_FIGURE.search(line.label)
        if glued is None:
            out.append(line)
            continue
        label = line.label[:glued.start()]
        out += [Line(label, label, [], line.where, line.page, after_gap=line.after_gap),
                Line(glued.group(), "", [glued.group()], line.where, line.page)]
    return out


_HEADER_LENGTH = (8, 60)   # characters: a running header is a title-like line, not a stray word nor prose


@lru_cache(maxsize=1)
def _column_headers() -> frozenset[str]:
    return frozenset(label_key(label) for label in HEADER_LABELS)


def is_column_header_label(text: str) -> bool:
    """A column header of a template table (本年处理决定数量 heads two sub-tables of table 二): printed again by
    the table, never a page's running header."""
    return label_key(text) in _column_headers()


def _without_running_headers(lines: list[Line]) -> list[Line]:
    """The lines with the repeats of a label-only line printed again and again (a page header such as the
    report's title over every page, which text extraction puts between a table's rows) left out; the first
    stays (on page 1 it is the title). A line of template column headers alone (one, or several side by side:
    ``上一年项目数量 本年增/减`` heads two sub-tables of table 二) is the table's, never a running header."""
    if len(lines) < 3:   # a paragraph of an HTML or Word page: nothing to repeat
        return lines
    texts = [line.text for line in lines if not line.values]
    if len(set(texts)) == len(texts):
        return lines
    repeated = {text for text, n in Counter(texts).items()
                if n >= 2 and _HEADER_LENGTH[0] <= len(text) <= _HEADER_LENGTH[1]
                and not all(map(is_column_header_label, text.split()))}
    if not repeated:
        return lines
    seen: set[str] = set()
    out = []
    for line in lines:
        if line.text in repeated and not line.values:
            if line.text in seen:
                continue
            seen.add(line.text)
        out.append(line)
    return out

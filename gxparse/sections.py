"""Finding the six sections by their headings, tolerant of the variants real reports use."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from gxparse.deadline import layout_timed
from gxparse.document import Line
from gxparse.normalize import label_key, squash
from gxparse.template import SECTION_PARTS, SECTIONS, TABLE_HEADER_WORDS, Section

# "二、" "二." "二．" "(二)" "第二部分" in front of a heading; arabic numbers are seen in PDF conversions
_NUMERAL = re.compile(r"(?:第?(?P<numeral>[一二三四五六1-6])(?:部分)?[、.:]?|\((?P<bracketed>[一二三四五六])\))")
_MAX_HEADING = 40   # characters, after squashing: headings are short lines
_MARKS = re.compile(r"^[#>*_]+|\*\*|__")   # Markdown heading marks, quotes and emphasis
# a rule (a Markdown table's ``---|---``, a line of dashes) that a text tool ran onto the start of the next line
# when it wrapped: not part of the heading after it
_RULE_RUN = re.compile(r"^[|:\-—=+]*-{3,}[|:\-—=+]*")
_ARABIC = {"1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六"}
_HEADER_WORDS = 2   # distinct header words of a table that show it printed (one alone could be a word of prose)
_TITLE_GAP = 4      # characters between a section's number and its title words in a heading glued into a line
_MAX_PART_TITLE = 20  # characters: a part of 总体情况 named as a heading ((一)政府信息公开平台建设情况)
# Compiled once: every line of a document is tried against every section (95,000 lines of prose made 1,300,000
# look-ups of re's cache and 570,000 calls of re.escape)
_ANCHORS = {s.key: re.compile("|".join(f"(?:{anchor})" for anchor in s.anchors)) for s in SECTIONS}
_GLUED_TITLES = {s.key: re.compile(rf"第?{s.numeral}(?:部分)?[、.:]{re.escape(s.title)}[:：。]?") for s in SECTIONS}


@dataclass
class Sections:
    preamble: list[Line] = field(default_factory=list)
    bodies: dict[str, list[Line]] = field(default_factory=dict)   # section key → lines after its heading
    headings: dict[str, Line] = field(default_factory=dict)

    @property
    def present(self) -> list[str]:
        return [s.key for s in SECTIONS if s.key in self.headings]


def heading_section(line: Line, text: str | None = None) -> Section | None:
    """The section ``line`` is the heading of, or None. A table row is a heading only when it is one cell
    (reports put a table's section heading in its first row; PDF tables sometimes take in the lines around
    them); Markdown marks and emphasis in front of a heading are ignored. ``text``: its ``_heading_text``, where
    worked out already."""
    if line.values or (line.in_grid and "\t" in line.text):
        return None
    text = _heading_text(line) if text is None else text
    if not text or len(text) > _MAX_HEADING:
        return None
    m = _NUMERAL.match(text)
    numeral = None
    if m:
        numeral = m["numeral"] or m["bracketed"]
        numeral = _ARABIC.get(numeral, numeral)
    for section in SECTIONS:
        if not _ANCHORS[section.key].search(text):
            continue
        # a numbered heading must carry its own numeral; an unnumbered one must read like a heading
        if numeral == section.numeral or (numeral is None and text.endswith(("情况", "事项"))):
            return section
    return None


def _heading_text(line: Line) -> str:
    """The line squashed, without Markdown marks and a rule run onto its start."""
    return _MARKS.sub("", _RULE_RUN.sub("", squash(line.text)))


def split_sections(lines: list[Line]) -> Sections:
    """Assign every line to the section whose heading precedes it; headings only count in order."""
    out = Sections()
    current: list[Line] = out.preamble
    last_index = -1
    order = [s.key for s in SECTIONS]
    for line in layout_timed(lines):
        text = None if line.values else _heading_text(line)
        section, rest = heading_section(line, text), None
        if section is None and (glued := glued_heading(line, text)) is not None:
            section, rest = glued
        if section is not None and order.index(section.key) > last_index:
            last_index = order.index(section.key)
            out.headings[section.key] = line
            current = out.bodies.setdefault(section.key, [])
            if rest is not None:
                current.append(rest)
            continue
        current.append(line)
    return out


def opening_line(sections: Sections) -> Line | None:
    """The first line of 总体情况: after its heading, or the document's first when no section heading was read
    (HTML-to-text tools drop headings, keeping the prose); None when other headings were read but not 一's."""
    if sections.headings and "s1" not in sections.headings:
        return None
    lines = sections.bodies.get("s1", []) if sections.headings else sections.preamble
    # 总体情况 opening with its first part's heading ((一)主动公开情况): its prose starts on the next line
    if len(lines) > 1 and _part_title(lines[0]):
        lines = lines[1:]
    return lines[0] if lines and not lines[0].values else None


def _part_title(line: Line) -> bool:
    """A short line naming one of 总体情况's parts (``（一）主动公开情况``, ``主动公开方面``), no sentence."""
    text = squash(line.text)
    return len(text) <= _MAX_PART_TITLE and not line.values and not any(mark in text for mark in "，,。") \
        and any(part in text for part in SECTION_PARTS["s1"])


def glued_heading(line: Line, text: str | None = None) -> tuple[Section, Line] | None:
    """A heading printed with the first sentence of its section on the same line (a web page's
    ``<p><strong>一、总体情况</strong>2021年…</p>``): the section, and the rest of the line as its first line.
    Only the template's numbered title, word for word, counts. ``text``: as for ``heading_section``."""
    if line.values or line.in_grid:
        return None
    text = _heading_text(line) if text is None else text
    for section in SECTIONS:
        m = _GLUED_TITLES[section.key].match(text)
        if m and len(text) > m.end():
            rest = text[m.end():].lstrip("*_ ")
            return section, replace(line, text=rest, label=rest)
    return None


def embedded_heading(line: Line, section: Section) -> bool:
    """Whether ``line`` prints ``section``'s numbered title after other text (a rule drawn as a dash run that a
    PDF-to-text tool joined to the heading's line, ``--- --五、存在的主要问题及改进情况``): the heading is printed,
    though the line is not a heading. The number must not end a larger one (十五、); the search is linear in the
    line (bounded gap)."""
    number = rf"(?<![一二三四五六七八九十0-9])第?{section.numeral}(?:部分)?[、.:]"
    text = squash(line.text)
    return any(re.search(rf"{number}.{{0,{_TITLE_GAP}}}?(?:{anchor})", text) for anchor in section.anchors)


def table_header_lines(lines: Sequence[Line], key: str) -> list[Line]:
    """Lines printing words of section ``key``'s own table header (申请人情况, 法人或其他组织, 复议后起诉, …), a word
    a line or a few side by side, when at least ``_HEADER_WORDS`` different ones are printed: the table is there,
    whether or not its heading is and its figures were read."""
    words = {label_key(word) for word in TABLE_HEADER_WORDS.get(key, ())}
    found: set[str] = set()
    printing: list[Line] = []
    for line in lines:
        if len(squash(line.text)) > _MAX_HEADING:
            continue
        printed = {label_key(token) for token in line.text.split()} & words
        if printed - found:
            found |= printed
            printing.append(line)
    return printing if len(found) >= _HEADER_WORDS else []


def header_in_rows(lines: Sequence[Line], key: str) -> bool:
    """Whether section ``key``'s table header (``table_header_lines``) prints two of its words side by side on a
    line (``行政复议 行政诉讼``): text written a row per line, where a row's figures stand on the row."""
    words = {label_key(word) for word in TABLE_HEADER_WORDS.get(key, ())}
    return any(len({label_key(token) for token in line.text.split()} & words) > 1
               for line in table_header_lines(lines, key))

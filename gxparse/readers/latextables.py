"""LaTeX tables in Markdown (Mathpix Markdown, Nougat and other PDF-to-Markdown tools write tables as ``tabular``
environments): each turned into the HTML table the Markdown reader reads, headings (``\\section*{…}``,
``\\title{…}``) into their text.

A ``tabular`` row ends at ``\\\\``, its cells are apart by ``&``; ``\\multicolumn{n}{spec}{text}`` spans n
columns, ``\\multirow{n}{width}{text}`` n rows, and the rows under a ``\\multirow`` write an empty cell in each
slot it covers: those are the span's, not cells of their own. Rules (``\\hline``, ``\\cline{…}``) go.
"""

from __future__ import annotations

import html
import re

from gxparse.limits import check_lines

LATEX_TABLE = r"\\begin\{tabular\}"
_BEGIN, _END = "\\begin{tabular}", "\\end{tabular}"
_COLUMN_SPEC = re.compile(r"^\s*\{(?:[^{}]|\{[^{}]*\})*\}")   # {|l|c|} or {p{2cm}l}
_RULES = re.compile(r"\\(?:hline|toprule|midrule|bottomrule)\b|\\cline\{[^{}]*\}")
_ROW_END = re.compile(r"\\\\(?:\[[^\]]*\])?")
_CELL_SEPARATOR = re.compile(r"(?<!\\)&")
_SPAN = re.compile(r"\\(multicolumn|multirow)\s*\{(\d{1,9})\}")
_HEADING = re.compile(r"^\\(?:title|(?:sub)*section\*?|chapter\*?)\{(.*)\}\s*$", re.M)
_ESCAPED = re.compile(r"\\([%&#_$])")
_MAX_SPAN = 100   # rows or columns one cell spans: table 三's groups span 22 rows at most
_MAX_WRAPPERS = 4   # span commands around one cell's text (Mathpix nests a \multirow in a \multicolumn: 2)


def has_latex_table(text: str) -> bool:
    return _BEGIN in text


def _argument(text: str, at: int) -> tuple[str, int]:
    """The braced argument starting at ``text[at]`` (``{`` … its matching ``}``) and the index after it."""
    if at >= len(text) or text[at] != "{":
        return "", at
    depth = 0
    for i in range(at, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[at + 1:i], i + 1
    return text[at + 1:], len(text)


def _cell(raw: str) -> tuple[str, int, int]:
    """A cell's text, rowspan and colspan, its ``\\multicolumn``/``\\multirow`` wrappers undone (nested too)."""
    text, rows, columns = raw.strip(), 1, 1
    for _ in range(_MAX_WRAPPERS):
        if not (m := _SPAN.match(text)):
            break
        count = min(int(m.group(2)), _MAX_SPAN)
        _, at = _argument(text, m.end())   # the column spec or the width
        body, _ = _argument(text, at)
        rows, columns = (rows, max(count, 1)) if m.group(1) == "multicolumn" else (max(count, 1), columns)
        text = body.strip()
    return _ESCAPED.sub(r"\1", text), rows, columns


def _table(body: str) -> str:
    """One ``tabular``'s body as an HTML table on one line; slots a ``\\multirow`` above covers are left out."""
    covered: set[tuple[int, int]] = set()   # the (row, column) slots a rowspan above covers
    out = []
    rows = [r for r in _ROW_END.split(_RULES.sub("", body)) if r.strip()]
    check_lines(len(rows), "LaTeX 表格")
    for r, row in enumerate(rows):
        cells, column = [], 0
        for raw in _CELL_SEPARATOR.split(row):
            text, rowspan, colspan = _cell(raw)
            if (r, column) in covered and not text:
                column += colspan
                continue
            covered |= {(r + below, column + right) for below in range(1, rowspan) for right in range(colspan)}
            span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            cells.append(f"<td{span}>{html.escape(text)}</td>")
            column += colspan
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(out) + "</table>"


def latex_tables_as_html(text: str) -> str:
    """The text with each ``tabular`` an HTML table on a line of its own and LaTeX headings as their text."""
    out, at = [], 0
    # found by position, never by one pattern over the text: an environment left open ends the tables, and the
    # text is walked once however many there are
    while (start := text.find(_BEGIN, at)) >= 0 and (end := text.find(_END, start)) >= 0:
        out += [text[at:start], "\n", _table(_COLUMN_SPEC.sub("", text[start + len(_BEGIN):end], count=1)), "\n"]
        at = end + len(_END)
    out.append(text[at:])
    return _HEADING.sub(lambda m: m.group(1), "".join(out))

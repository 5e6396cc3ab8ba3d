"""Figures a PDF-to-text tool wrote on the other side of a section heading, told apart by the labels beside them.

pdfminer.six writes a page's text boxes in the order its grouping gives (``LTLayoutContainer.group_textboxes``),
not the page's: with ``detect_vertical`` on 淮安市 2024's print, table 三's first page of figures comes before
section 三's heading (among table 三's own row and group labels), and table 二's last sub-tables, their labels
and figures, come right after it. The order of the figures says nothing of whose they are; the labels written
last before them do: a figure after another table's labels and no label of its own table is the other table's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from gxparse.document import Line
from gxparse.normalize import label_key


def others_first(lines: Sequence[Line], others: frozenset[str]) -> int:
    """How many of ``lines``' first lines are another table's: label lines, and lone figures whose last label line
    names that table (a label key in ``others``: its rows, captions and column names). Ends at the first figure
    after a label of anything else, or on a label line with figures (a row of a table printed a row per line)."""
    end, theirs = 0, False
    for n, line in enumerate(lines):
        if line.label and line.values:
            break
        if line.label:
            theirs = label_key(line.label) in others
        elif not theirs or len(line.values) != 1:
            break
        else:
            end = n + 1
    return end


def words_of(labels: Sequence[str]) -> Callable[[str], bool]:
    """Whether a label is only words of a table's ``labels`` (every character of it is some label's): its rows'
    labels, their group labels and headers, broken wherever a tool broke them (``形，不计其他情形）``, ``（四）无``)."""
    chars = frozenset(ch for label in labels for ch in label_key(label))
    return lambda label: set(label_key(label)) <= chars


def others_last(lines: Sequence[Line], theirs: frozenset[str], shared: frozenset[str]) -> int:
    """Where the run of another table's lines that ends ``lines`` starts (``len(lines)``: none): label lines naming
    that table (label keys in ``theirs``), at least one of them a name the table ``lines`` belong to does not
    print (not in ``shared``: 总计 heads both tables 三 and 四), and lone figures whose last label line is one of
    those (a tool that wrote the next section's heading after its table: pdfminer.six's detect_vertical)."""
    start: int | None = None
    for n, line in enumerate(lines):
        key = label_key(line.label) if line.label else None
        if key is not None and (line.values or key not in theirs) or key is None and start is None:
            start = None
        elif key is not None and start is None:
            start = n
        elif key is None and len(line.values) != 1:
            start = None
    if start is None or all(label_key(line.label) in shared for line in lines[start:] if line.label):
        return len(lines)
    return start

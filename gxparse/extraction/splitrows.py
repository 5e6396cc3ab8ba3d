"""Table rows whose figures a text tool printed as several lines.

poppler's ``pdftotext`` without ``-layout`` groups the words of a line into text blocks by the gaps between them.
In a ruled table whose columns differ in width (法人或其他组织 over five narrow columns, a wide label column, a
group label repeated on every row) one row's figures come out as two to four lines (``35 1 0`` / ``0`` /
``1 1 38``), often with pieces of the row's label or of its group label (``办理结果``) between them. The row
grammar would read the first line as the row and the others as rows of their own.

Such lines are joined again where the row's shape decides it (``join_split_rows``): a run of figure lines — the
first may carry a label, the others none, with only label lines naming no row between them (nor, together, a
row: the label of a row of its own, wrapped over lines, whose figures follow it) — is cut into
groups, each a line alone or consecutive lines holding together exactly a row's width whose sums hold (a line
already holding a whole row is never joined). The cut covering the most lines with whole rows is used when it is
the only one; a run that could be cut several ways that well is left as printed. The caller checks the table's
arithmetic across rows on what was joined (``Joined.wheres``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from gxparse.document import Line

_MAX_RUN = 60   # lines: a run of figure lines longer than this is no table's split rows (bounds the search)


@dataclass(frozen=True)
class RowShape:
    """A table's row as the join checks it: how many figures it holds, whether figures make one (its sums), and
    whether fewer figures make one printed short, its empty cells left out (its last figure the others' sum)."""

    width: int
    holds: Callable[[Sequence[str]], bool]
    adds_up: Callable[[Sequence[str]], bool]


@dataclass
class Joined:
    lines: list[Line]
    wheres: set[str] = field(default_factory=set)   # where each joined line stands (its first line's place)


def join_split_rows(lines: Sequence[Line], shape: RowShape, between: Callable[[Line], bool],
                    stray: Callable[[str], bool], names: Callable[[str], bool],
                    opens: Callable[[str], bool]) -> Joined:
    """The lines with each row split into several figure lines joined into its first line (see the module's
    docstring); ``between`` tells a label line that may stand among a row's figure lines (one naming no row,
    not prose), ``stray`` a label of a figure line that is no label (a stray character, a group label's piece),
    ``names`` whether a label names a row, ``opens`` whether a label line begins an item's label (``5.属``)."""
    joins: dict[int, list[int]] = {}
    for run in _runs(lines, between, stray, names, opens):
        for first, last in _only_cut([lines[i].values for i in run], shape) or ():
            joins[run[first]] = run[first:last + 1]
    if not joins:
        return Joined(list(lines))
    dropped = {i for members in joins.values() for i in members[1:]}
    out = []
    for n, line in enumerate(lines):
        if n in dropped:
            continue
        if n in joins:
            values = [v for i in joins[n] for v in lines[i].values]
            line = replace(line, values=values, text="\t".join([line.label, *values] if line.label else values),
                           offsets=())
        out.append(line)
    return Joined(out, {lines[n].where for n in joins})


def _runs(lines: Sequence[Line], between: Callable[[Line], bool], stray: Callable[[str], bool],
          names: Callable[[str], bool], opens: Callable[[str], bool]) -> list[list[int]]:
    """Runs of figure lines a row may have been split over: the first may carry a label, the others none; label
    lines naming no row may stand between them, unless together they name one (a wrapped label: pypdfium2 prints
    ``6.属于`` / ``四类过`` / ``程性信息`` / ``1000001`` / ``7.属于`` / ``行政执`` / ``法案卷`` / ``1000001``, each
    row's figures after its label, and two such rows of one figure, alike, would add up as one row printed short);
    nor does a label line that begins an item's label, where the rest of it comes after the figures (``5.属`` /
    ``于三类内部事`` / ``2000002`` / ``务信息``: the figures are that item's, not the row's before)."""
    runs: list[list[int]] = []
    run: list[int] = []
    pending: list[str] = []   # the label lines since the run's last figure line
    for n, line in enumerate(lines):
        if line.values and not line.in_grid:
            # a labelled figure line opens a run, as does one after a label the lines before it complete
            if run and (line.label and not stray(line.label) or pending and names(" ".join([*pending, line.label]))
                        or any(opens(label) for label in pending)):
                runs.append(run)
                run = []
            run.append(n)
            pending = []
        elif line.values or not line.label or not between(line):
            runs.append(run)
            run, pending = [], []
        else:
            pending.append(line.label)
    runs.append(run)
    return [run for run in runs if 1 < len(run) <= _MAX_RUN]


def _only_cut(values: Sequence[list[str]], shape: RowShape) -> tuple[tuple[int, int], ...] | None:
    """The joins (first and last line of each) of the one best cut of a run of figure lines into rows: the cut
    that puts the most lines into whole rows (a line alone, or lines joined whose figures make a row that holds),
    then the most into rows printed short that add up (``RowShape.adds_up``); None when two best cuts differ."""
    # best[i]: (lines in whole rows, lines in short rows) and the joins of the best cut of values[i:], the joins
    # None when that cut is not the only one
    Score = tuple[int, int]
    best: list[tuple[Score, tuple[tuple[int, int], ...] | None]] = [((0, 0), ())] * (len(values) + 1)
    for i in reversed(range(len(values))):
        (whole, short), joins = best[i + 1]
        alone = len(values[i]) == shape.width
        options = [((whole + alone, short + (not alone and shape.adds_up(values[i]))), joins)]
        count = len(values[i])
        for j in range(i + 1, len(values)):
            count += len(values[j])
            if count > shape.width:
                break
            figures = [v for line in values[i:j + 1] for v in line]
            if count == shape.width and shape.holds(figures) or count < shape.width and shape.adds_up(figures):
                (whole, short), joins = best[j + 1]
                score = (whole + j - i + 1, short) if count == shape.width else (whole, short + j - i + 1)
                options.append((score, None if joins is None else ((i, j), *joins)))
        top = max(score for score, _ in options)
        cuts = {joins for score, joins in options if score == top}
        best[i] = (top, cuts.pop() if len(cuts) == 1 else None)
    return best[0][1]

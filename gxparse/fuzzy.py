"""Labels that name a template row by a near miss, matched by edit distance against the template's labels.

A report's own typo (``2.其他法律行政止公开`` for ``2.其他法律行政法规禁止公开``) or a character an extraction
dropped leaves a label that no anchor of ``template.py`` finds. Such a label is compared, by normalised
Levenshtein similarity, with every row label of the template and with the group and header labels that name
no row (decoys: a label nearer to one of those names nothing). The row whose label is nearest is taken when it
is near enough and nearer than every other label. Labels often carry a group label or a stray character of a
vertical group label in front (``三 2.其他…``), so the end of the label is compared: each suffix about as long
as the template's label. A label whose characters are two lines of one row label merged character by character (a
tool writing a wrapped cell by the characters' places across its lines) names that row where no other label has
those characters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

from gxparse.normalize import label_key

SIMILARITY = 0.75   # three edits in twelve characters; OCR's label snapping allows one in five
_MIN_KEY = 5        # shorter labels (规章, 总计, a stray character) are too short to tell a typo from a word
_MAX_MERGED = 64    # characters: a label longer is no row's, and merging stays cheap (a split's check is quadratic)
_SLACK = 4          # suffixes this many characters shorter or longer than the template's label are compared


class NearestLabel:
    """Finds the template row a label names by a near miss; ``labels`` are (row key, label) pairs, with key None
    for a label that names no row (a group or header label)."""

    def __init__(self, labels: Iterable[tuple[str | None, str]]) -> None:
        self._labels = [(key, label_key(text)) for key, text in labels]
        self._holding: dict[str, list[tuple[int, int]]] = {}   # a character → (label's index, times it holds it)
        # labels by their characters sorted: a text two lines of one label merged holds exactly its characters, so
        # one look-up finds the labels it may be (each label's counted characters compared took a line 40 µs)
        self._of_chars: dict[str, list[tuple[str | None, str]]] = {}
        for index, (key, known) in enumerate(self._labels):
            self._of_chars.setdefault("".join(sorted(known)), []).append((key, known))
            for char, times in Counter(known).items():
                self._holding.setdefault(char, []).append((index, times))

    def __call__(self, label: str) -> str | None:
        text = label_key(label)
        if len(text) < _MIN_KEY:
            return None
        merged = self._merged(text)
        if merged is not None:
            return merged
        scores: dict[str | None, float] = {}
        for key, known in self._within_reach(text):
            if len(text) > 2 * len(known) + _SLACK or 2 * len(text) + _SLACK < len(known):
                continue
            score = max(Levenshtein.normalized_similarity(known, text[-n:])
                        for n in range(min(len(text), max(1, len(known) - _SLACK)), min(len(text), len(known) + _SLACK) + 1))
            scores[key] = max(score, scores.get(key, 0.0))
        ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
        if not ranked or ranked[0][0] is None or ranked[0][1] < SIMILARITY:
            return None
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
            return None
        return ranked[0][0]

    def _within_reach(self, text: str) -> list[tuple[str | None, str]]:
        """The labels ``text`` or a suffix of it may be near enough to: those with at least SIMILARITY of their
        characters in ``text``. An edit distance is never less than the longer string's characters the other
        lacks, so a label sharing fewer scores under SIMILARITY whatever the suffix: every other label is left out
        unmeasured (a line of prose shares a few characters with a few labels, and was measured against all)."""
        shared = [0] * len(self._labels)
        for char, count in Counter(text).items():
            for index, times in self._holding.get(char, ()):
                shared[index] += min(count, times)
        return [label for label, common in zip(self._labels, shared) if common >= SIMILARITY * len(label[1]) - 1e-9]

    def _merged(self, text: str) -> str | None:
        """The row whose label ``text`` is two lines of, merged character by character: a cell's label wrapped over
        two lines that a tool wrote by the characters' places across both (``一新、收本政年府…`` of ``一、本年`` over
        ``新收政府…``). Taken only where exactly one label, decoys included, has the text's characters."""
        if len(text) > _MAX_MERGED:
            return None
        alike = self._of_chars.get("".join(sorted(text)), [])
        if len(alike) != 1 or alike[0][0] is None:
            return None
        key, known = alike[0]
        return key if any(_interleaves(known[:cut], known[cut:], text) for cut in range(1, len(known))) else None


def _interleaves(first: str, second: str, text: str) -> bool:
    """Whether ``text`` is ``first`` and ``second`` merged, each keeping its order (O(len(first) * len(second)))."""
    # reachable[j]: text[:i + j] can be first[:i] and second[:j] merged, for the current i
    reachable = [True] + [False] * len(second)
    for j in range(1, len(second) + 1):
        reachable[j] = reachable[j - 1] and second[j - 1] == text[j - 1]
    for i in range(1, len(first) + 1):
        reachable[0] = reachable[0] and first[i - 1] == text[i - 1]
        for j in range(1, len(second) + 1):
            reachable[j] = ((reachable[j] and first[i - 1] == text[i + j - 1])
                            or (reachable[j - 1] and second[j - 1] == text[i + j - 1]))
    return reachable[-1]

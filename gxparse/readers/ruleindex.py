"""The ruling lines of a positioned web page's page, sorted by position in each direction, for placing its text
boxes (``readers/positioned.py``): a box looks at the rules across its inside, found by bisection, and at the
nearest beyond it that it needs, not at every rule of the page (pdfminer puts all pages on one canvas: 10,000
rules under 100,000 boxes were 10⁹ tests).

Bounded: the rules looked at for all the boxes of one document count against ``MAX_RULE_TESTS``; past it
``RuleBudgetExceeded`` is raised (the page is read as it flows)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from gxparse.layout.pages import Rule

# rules looked at while placing one document's boxes: a 200-page report's boxes each look at a few rules near them
# (a few 100,000 tests); 10,000 rows of a single column each looked at by 100,000 boxes is an attack (~1 s a
# 10,000,000 tests)
MAX_RULE_TESTS = 20_000_000


class RuleBudgetExceeded(Exception):
    """More than ``MAX_RULE_TESTS`` rules looked at: the page's positions are not worked out."""


@dataclass
class RuleTests:
    """The rules looked at so far for one document."""

    count: int = 0

    def add(self, tests: int) -> None:
        self.count += tests
        if self.count > MAX_RULE_TESTS:
            raise RuleBudgetExceeded(f"more than {MAX_RULE_TESTS} rule tests")


class RuleIndex:
    """A page's rules, each direction sorted by position."""

    def __init__(self, rules: list[Rule], tests: RuleTests) -> None:
        self.horizontal = sorted((r for r in rules if r.horizontal), key=lambda r: r.pos)
        self.vertical = sorted((r for r in rules if not r.horizontal), key=lambda r: r.pos)
        self._positions = {True: [r.pos for r in self.horizontal], False: [r.pos for r in self.vertical]}
        self.tests = tests

    def between(self, horizontal: bool, low: float, high: float) -> list[Rule]:
        """The rules of a direction whose position is strictly between ``low`` and ``high``."""
        keys = self._positions[horizontal]
        found = (self.horizontal if horizontal else self.vertical)[bisect_right(keys, low):bisect_left(keys, high)]
        self.tests.add(len(found) + 1)
        return found

    def nearest(self, horizontal: bool, pos: float, before: bool, wanted: Callable[[Rule], bool]) -> Rule | None:
        """The rule of a direction nearest ``pos``, at it or ``before`` it (else at it or after it), that is
        ``wanted``; each rule looked at on the way counted."""
        keys, found = self._positions[horizontal], self.horizontal if horizontal else self.vertical
        order = range(bisect_right(keys, pos) - 1, -1, -1) if before else range(bisect_left(keys, pos), len(keys))
        looked = 0
        try:
            for index in order:
                looked += 1
                if wanted(found[index]):
                    return found[index]
            return None
        finally:
            self.tests.add(looked + 1)

"""The rules of a page's own ``<style>`` as they apply to an element: the cascade a converter's page relies on.

Converters place text through class rules (pdf2htmlEX's ``.x3{left:…}``) and, as newer ones write them, through
rules scoped to a page or a layer (``.pf .x1``, ``#pf1 .t``, ``.textLayer > span``), some of them ``!important``.
A selector of tag, ``#id`` and ``.class`` compounds joined by descendant or child combinators is read; any other
(attributes, pseudo-classes, siblings, ``*``) is left out, as if the rule were not there.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree


MAX_STYLE_RULES = 100_000   # rules of the page's <style>: pdf2htmlEX writes a few thousand for 200 pages
MAX_SELECTOR_COMPOUNDS = 8  # compounds in one selector: converters scope by a page and a layer; longer is left out
# selectors tried against the page's elements (~2.5 µs each, a few seconds at the bound; past it the page is read
# as it flows: an ordinary page with a large site style sheet is no report to refuse): pdf2htmlEX's 200 pages,
# ~20,000 lines of ~10 classes a rule each, try 200,000; many rules under one class over many elements try their
# product. A selector with ancestors' compounds counts once more for each ancestor of the element it may walk:
# 60,000 rules `div div div .cN span` tried on spans 200 divs deep walked 200 ancestors a try (over 300 s)
MAX_SELECTOR_TESTS = 5_000_000
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_MEDIA = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")
_COMPOUND = re.compile(r"^([a-z][a-z0-9]*)?((?:[.#][\w-]+)*)$", re.I)
_PART = re.compile(r"([.#])([\w-]+)")
_COMBINATOR = re.compile(r"\s*(>)\s*|\s+")
_IMPORTANT = re.compile(r"\s*!\s*important\s*$")
# a declaration: up to a semicolon outside quotes and parentheses (a data: URI's "image/png;base64")
_DECLARATION = re.compile(r"""(?:[^;"'(]|"[^"]*"|'[^']*'|\([^)]*\))+""")
_URL = re.compile(r"url\([^)]*\)", re.I)

Style = dict[str, str]


class StyleBudgetExceeded(Exception):
    """More ``<style>`` rules than ``MAX_STYLE_RULES`` or selector tries than ``MAX_SELECTOR_TESTS``: the page's
    styles are not worked out (its text is read as it flows: a site's style sheet is no fault of a report)."""


@lru_cache(maxsize=4096)
def _classes(attribute: str) -> frozenset[str]:
    """The classes a ``class`` attribute names, worked out once a distinct attribute: a selector's context asks
    every ancestor of every element it is tried on."""
    return frozenset(attribute.split())


@dataclass(frozen=True)
class _Compound:
    tag: str | None
    id: str | None
    classes: frozenset[str]

    def matches(self, element: etree._Element) -> bool:
        return ((self.tag is None or element.tag == self.tag) and (self.id is None or element.get("id") == self.id)
                and self.classes <= _classes(element.get("class") or ""))

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (self.id is not None, len(self.classes), self.tag is not None)


@dataclass(frozen=True)
class _Selector:
    subject: _Compound
    context: tuple[tuple[bool, _Compound], ...]  # (child combinator?, compound), nearest ancestor's first

    def matches(self, element: etree._Element) -> bool:
        """The nearest ancestor that fits each compound is taken (a child combinator after a descendant one that
        a farther ancestor would satisfy is missed: the rule is left out, never misapplied)."""
        if not self.subject.matches(element):
            return False
        node = element.getparent()
        for child, compound in self.context:
            while node is not None and not compound.matches(node):
                node = None if child else node.getparent()
            if node is None:
                return False
            node = node.getparent()
        return True

    @property
    def specificity(self) -> tuple[int, int, int]:
        counts = [self.subject.specificity] + [c.specificity for _, c in self.context]
        return (sum(c[0] for c in counts), sum(c[1] for c in counts), sum(c[2] for c in counts))


@dataclass(frozen=True)
class _StyleRule:
    order: int
    selector: _Selector
    normal: Style
    important: Style


@dataclass
class StyleSheet:
    """The page's rules, each under its subject's id, first class or tag."""

    rules: dict[str, list[_StyleRule]] = field(default_factory=dict)
    tests: int = 0

    def style(self, element: etree._Element) -> Style:
        """``element``'s declarations: by importance, then specificity, then the order written; inline last
        among its kind."""
        tag = element.tag if isinstance(element.tag, str) else ""
        keys = [tag] + [f".{c}" for c in (element.get("class") or "").split()]
        if element.get("id"):
            keys.append(f"#{element.get('id')}")
        candidates = [rule for key in keys for rule in self.rules.get(key, ())]
        walking = sum(1 for rule in candidates if rule.selector.context)
        self.tests += len(candidates) + (walking and walking * sum(1 for _ in element.iterancestors()))
        if self.tests > MAX_SELECTOR_TESTS:
            raise StyleBudgetExceeded(f"the page's <style> selectors were tried {MAX_SELECTOR_TESTS} times")
        found = {rule.order: rule for rule in candidates if rule.selector.matches(element)}
        ranked = sorted(found.values(), key=lambda r: (r.selector.specificity, r.order))
        inline, inline_important = declarations(element.get("style") or "")
        style: Style = {}
        for rule in ranked:
            style |= rule.normal
        style |= inline
        for rule in ranked:
            style |= rule.important
        return style | inline_important


def declarations(text: str) -> tuple[Style, Style]:
    """A declaration block's properties, lowercased: the normal ones and the ``!important`` ones."""
    normal: Style = {}
    important: Style = {}
    for part in _DECLARATION.findall(text):
        name, colon, value = part.partition(":")
        if colon:
            value = _lowered(value.strip())
            kept = _IMPORTANT.sub("", value)
            (important if kept != value else normal)[name.strip().lower()] = kept.strip()
    return normal, important


def _lowered(value: str) -> str:
    """A value lowercased but for its ``url(…)`` s (a ``data:`` URI's base64 is case-sensitive)."""
    parts, last = [], 0
    for m in _URL.finditer(value):
        parts += [value[last:m.start()].lower(), m.group()]
        last = m.end()
    return "".join(parts) + value[last:].lower()


def _compound(text: str) -> _Compound | None:
    if not (match := _COMPOUND.match(text)) or not text:
        return None
    parts = _PART.findall(match.group(2))
    ids = [name for kind, name in parts if kind == "#"]
    if len(ids) > 1:
        return None
    return _Compound(match.group(1) and match.group(1).lower(), ids[0] if ids else None,
                     frozenset(name for kind, name in parts if kind == "."))


def _selector(text: str) -> _Selector | None:
    tokens = _COMBINATOR.split(text.strip())
    # split keeps the captured '>' (or None for a space) between compounds
    compounds = [_compound(t) for t in tokens[0::2]]
    if len(compounds) > MAX_SELECTOR_COMPOUNDS or any(c is None for c in compounds):
        return None
    children = [t == ">" for t in tokens[1::2]]
    context = tuple(zip(reversed(children), reversed(compounds[:-1])))
    return _Selector(compounds[-1], context)


def _key(compound: _Compound) -> str | None:
    if compound.id is not None:
        return f"#{compound.id}"
    if compound.classes:
        return f".{min(compound.classes)}"
    return compound.tag


def style_sheet(root: etree._Element) -> StyleSheet:
    """The rules of the page's ``<style>`` elements outside ``@media`` blocks (pdf2htmlEX restates its classes in
    points for print there)."""
    sheet = StyleSheet()
    # the rules found before any is read: reading one costs some 20 µs, finding it under 1 (100,000 read before the
    # bound was crossed took 5 CPU s)
    rules = list(itertools.islice((match for element in root.iter("style")
                                   for match in _RULE.finditer(_MEDIA.sub("", element.text or ""))),
                                  MAX_STYLE_RULES + 1))
    if len(rules) > MAX_STYLE_RULES:
        raise StyleBudgetExceeded(f"the page's <style> holds over {MAX_STYLE_RULES} rules")
    for count, match in enumerate(rules, start=1):
        normal, important = declarations(match.group(2))
        for text in match.group(1).split(","):
            if (selector := _selector(text)) and (key := _key(selector.subject)):
                sheet.rules.setdefault(key, []).append(_StyleRule(count, selector, normal, important))
    return sheet

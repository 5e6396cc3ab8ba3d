"""What a browser does not show of an HTML table, and text an editor struck out: neither is the report's figure.

Hidden: the ``hidden`` attribute, ``display:none``, ``visibility:hidden``, ``font-size:0``, and in tables Word's
``mso-hide:all`` (Word's hidden text, an Excel sheet's hidden draft rows, a CMS's draft figures); struck out:
``<del>``, ``<s>``, ``<strike>``, ``text-decoration: line-through`` (tracked changes, a figure typed over). Styles
are read inline and from the page's ``<style>`` sheets, whose rules count when their selectors are of tags,
classes and ids (``.hid``, ``tr.draft``, ``#zoom td .old``): the selectors editors and templates write for this, at
the top of the sheet or in a ``@media`` rule a screen applies (only what a screen shows is the page; ``@media
print`` is paper's).
Outside the tables, a block the page keeps from view (``kept_from_view``) is left out whole when it is a draft
(not ``revealed``: what it says is also shown, an earlier draft of a section); otherwise it is content a script
reveals (a tab or accordion panel, 展开全文) and is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from lxml import etree

from gxparse.document import is_value
from gxparse.errors import LimitExceeded

_STRUCK_TAGS = frozenset({"del", "s", "strike"})
_INHERITED_UNDONE = frozenset({"font-size", "visibility"})   # hiding an element within may undo
_STYLED = etree.XPath(".//*[@hidden or @style] | .//del | .//s | .//strike")
_SELECTABLE = etree.XPath(".//*[@hidden or @style or @class or @id] | .//del | .//s | .//strike")
_ZERO_SIZE = re.compile(r"^0*\.?0*(?:px|pt|em|rem|%|)$")
# one compound selector: an optional tag, then classes, or an id (``p.MsoNormal.hid``, ``#draft``)
_COMPOUND = re.compile(r"^(?P<tag>[a-z][a-z0-9]*)?(?P<classes>(?:\.[\w-]+)+)$|^#(?P<id>[\w-]+)$|^(?P<bare>[a-z][a-z0-9]*)$")
_MAX_COMPOUNDS = 4   # ``.article td span.hid``: deeper selectors are no editor's
_MAX_LABELS = 200   # a hidden block's texts compared with what is shown: enough to tell a draft, in bounded time
_UNREAD_HOLDERS = frozenset({"script", "style", "textarea", "template"})   # text no browser shows as such
_SPACE = re.compile(r"\s+")
# elements tried against a hiding selector that may match them, in one document: a page's hiding rules name a
# few classes, each tried on the elements bearing it (a few thousand tries); rules all keyed on one tag or class
# are each tried against every element bearing it (1,000 rules over 100,000 <b>: 100,000,000 tries)
MAX_SELECTOR_TRIES = 2_000_000
# selectors of a page's sheets that hide text, read before any element is tried: Bootstrap's whole sheet has some
# 60 (``.d-none``, ``.visually-hidden``…), a CMS's theme a few hundred; each costs about 30 µs to read (200,000
# rules ``.a .b .c .d {display:none}`` took 7 CPU s, before the page's first element was walked)
MAX_HIDING_SELECTORS = 10_000


def hiding(declarations: str) -> str | None:
    """The property by which CSS ``declarations`` (``a: b; c: d``) keep text from view or strike it out
    (``display``, ``visibility``, ``font-size``, ``text-decoration``), None if they do not."""
    for declaration in declarations.split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        value = value.lower().replace("!important", "").strip()
        if (name == "display" and value == "none" or name == "visibility" and value in ("hidden", "collapse")
                or name == "font-size" and _ZERO_SIZE.match(value.replace(" ", ""))):
            return name
        if name in ("text-decoration", "text-decoration-line") and "line-through" in value:
            return "text-decoration"
        # Word's mark of its hidden text (w:vanish): a browser may show it where a cleaner dropped the display:none
        # Word writes beside it, but the author hid it, and in a table cell it is never the figure
        if name == "mso-hide" and value == "all":
            return name
    return None


def _shows_again(el: etree._Element, name: str) -> bool:
    """Whether ``el``'s own style undoes an inherited ``name`` that hid it (``font-size:14px`` inside a
    ``font-size:0`` cell, the trick that closes gaps between inline blocks; ``visibility:visible``)."""
    for declaration in (el.get("style") or "").split(";"):
        prop, _, value = declaration.partition(":")
        if prop.strip().lower() == name:
            return hiding(declaration) is None
    return False


@lru_cache(maxsize=4096)
def class_set(attribute: str) -> frozenset[str]:
    """The classes a ``class`` attribute names, in lower case: worked out once a distinct attribute (a try of
    ``.hN b`` walks the ancestors of every <b>, each asked its classes: 12,000,000 splits for 2,000,000 tries)."""
    return frozenset(attribute.lower().split())


@dataclass(frozen=True)
class Compound:
    tag: str | None
    classes: frozenset[str]
    id: str | None

    def matches(self, el: etree._Element) -> bool:
        if self.id is not None:
            return el.get("id") == self.id
        # lower case on both sides: pages without a doctype (Word's) are in quirks mode, where classes match so
        return (self.tag is None or el.tag == self.tag) and self.classes <= class_set(el.get("class") or "")


@dataclass(frozen=True)
class Selector:
    """Compound selectors joined by descendant (or child, read as descendant) combinators: ``td span.hid``, and
    the property by which their rule hides."""

    compounds: tuple[Compound, ...]
    hides: str = "display"

    def matches(self, el: etree._Element) -> bool:
        *outer, own = self.compounds
        if not own.matches(el):
            return False
        ancestor = el.getparent()
        for compound in reversed(outer):
            while ancestor is not None and not compound.matches(ancestor):
                ancestor = ancestor.getparent()
            if ancestor is None:
                return False
            ancestor = ancestor.getparent()
        return True


def _key(compound: Compound) -> str:
    """What an element must have for ``compound`` to match it: its id, one of its classes, else its tag."""
    return f"#{compound.id}" if compound.id is not None else f".{min(compound.classes)}" if compound.classes else \
        f"<{compound.tag}"


@dataclass
class _Tries:
    count: int = 0   # elements tried against selectors, at most MAX_SELECTOR_TRIES


@dataclass(frozen=True)
class HidingRules:
    """A page's hiding selectors, in the sheet's order, indexed by what their own compound asks of an element: an
    element is tried against those that may match it only, not every rule of the sheet (200 rules over 300,000
    elements took 29 s); the tries of one document at most ``MAX_SELECTOR_TRIES``, shared by the rules added."""

    selectors: tuple[Selector, ...] = ()
    tries: _Tries = field(default_factory=_Tries, compare=False)

    @cached_property
    def _index(self) -> dict[str, list[tuple[int, Selector]]]:
        index: dict[str, list[tuple[int, Selector]]] = {}
        for order, selector in enumerate(self.selectors):
            index.setdefault(_key(selector.compounds[-1]), []).append((order, selector))
        return index

    def __add__(self, other: HidingRules) -> HidingRules:
        return HidingRules(self.selectors + other.selectors, self.tries)

    def __bool__(self) -> bool:
        return bool(self.selectors)

    def of(self, el: etree._Element) -> list[Selector]:
        """The selectors whose own compound may match ``el``, in the sheet's order."""
        keys = [*([f"#{el.get('id')}"] if el.get("id") is not None else []),
                *(f".{c}" for c in class_set(el.get("class") or "")),
                *([f"<{el.tag}"] if isinstance(el.tag, str) else [])]
        found = sorted(found for key in keys for found in self._index.get(key, ()))
        self.tries.count += len(found)
        if self.tries.count > MAX_SELECTOR_TRIES:
            raise LimitExceeded(f"网页样式表的隐藏规则过多：元素与可能隐藏它的规则比对超过 {MAX_SELECTOR_TRIES} 次（上限），"
                                "无法判断哪些文字被隐藏")
        return [selector for _, selector in found]


def _selector(text: str, hides: str) -> Selector | None:
    """A selector of compounds ``_COMPOUND`` reads, None for any other (attributes, pseudo-classes, siblings)."""
    parts = text.replace(">", " ").lower().split()
    if not parts or len(parts) > _MAX_COMPOUNDS:
        return None
    compounds = []
    for part in parts:
        if (m := _COMPOUND.match(part)) is None:
            return None
        classes = frozenset(m["classes"][1:].split(".")) if m["classes"] else frozenset()
        compounds.append(Compound(m["tag"] or m["bare"], classes, m["id"]))
    return Selector(tuple(compounds), hides)


def _without_comments(css: str) -> str:
    """The sheet without ``/* … */`` comments, in one pass (an unclosed comment runs to the end)."""
    parts = []
    start = 0
    while (opening := css.find("/*", start)) >= 0:
        parts.append(css[start:opening])
        closing = css.find("*/", opening + 2)
        start = len(css) if closing < 0 else closing + 2
    parts.append(css[start:])
    return "".join(parts)


_BRACE = re.compile("[{}]")
_MAX_BLOCK_DEPTH = 4   # ``@media screen { @supports (…) { .a { … } } }``: deeper nesting is no editor's
_SCREEN_MEDIA = frozenset({"screen", "all", "not print"})


def _screen_media(head: str) -> bool:
    """Whether an at-rule's head is a ``@media`` rule whose rules a browser's screen always applies: a media
    query list with ``screen`` or ``all`` and no condition on the viewport (``screen and (max-width: 480px)``
    holds on a phone only), or ``not print``."""
    name, _, queries = head.partition(" ")
    if name.lower() != "@media":
        return False
    return any(" ".join(query.lower().replace("only ", " ").split()) in _SCREEN_MEDIA for query in queries.split(","))


def _rules(css: str) -> Iterator[tuple[str, str, bool]]:
    """The sheet's rules as (selector text, declarations, whether a screen applies them): a rule inside at-rules
    counts only inside ``@media`` rules of the screen (``_screen_media``), never inside ``@media print``,
    ``@supports``, ``@font-face`` and the like. One pass over the sheet; a statement without a block before a
    rule (``@charset "utf-8";``, ``@import url(…);``) is not part of its selector. Yielded as read: a sheet past
    a bound is refused at its rule that crosses it."""
    heads: list[str] = []   # the blocks open at this point, outermost first
    start = 0
    for brace in _BRACE.finditer(css):
        text = css[start:brace.start()]
        start = brace.end()
        if brace.group() == "{":
            heads.append(" ".join(text.rpartition(";")[2].split()))
        elif heads:
            head = heads.pop()
            if not head.startswith("@") and len(heads) < _MAX_BLOCK_DEPTH:
                yield head, text, all(_screen_media(outer) for outer in heads)


def hiding_selectors(root: etree._Element) -> HidingRules:
    """The selectors of the page's style sheets whose rules hide or strike out text on a screen: rules inside
    ``@media print { … }`` apply to paper only, those inside ``@media screen { … }`` to the page as it is read."""
    selectors = []
    for style in root.iter("style"):
        css = _without_comments((style.text or "").replace("<!--", " ").replace("-->", " "))
        for head, declarations, screen in _rules(css):
            if screen and (hides := hiding(declarations)) is not None:
                selectors += [s for text in head.split(",") if (s := _selector(text, hides)) is not None]
                if len(selectors) > MAX_HIDING_SELECTORS:
                    raise LimitExceeded(f"网页样式表的隐藏规则过多：超过 {MAX_HIDING_SELECTORS} 个隐藏文字的选择器（上限），"
                                        "无法判断哪些文字被隐藏")
    return HidingRules(tuple(selectors))


def _hidden_by(el: etree._Element, selectors: HidingRules) -> str | None:
    if el.tag in _STRUCK_TAGS:
        return "text-decoration"
    if el.get("hidden") is not None:
        return "display"
    return hiding(el.get("style") or "") or next((s.hides for s in selectors.of(el) if s.matches(el)), None)


def kept_from_view(el: etree._Element, selectors: HidingRules) -> bool:
    """Whether the page does not show ``el`` nor anything in it, wherever it stands (a draft of a whole section
    kept in the page): the ``hidden`` attribute, ``display:none`` in its style or a screen rule of the sheet.
    ``aria-hidden`` hides from screen readers only, and a ``visibility`` or ``font-size`` an element within may
    undo is left to the tables' reading (``drop_unshown``)."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style is not None and any(hiding(declaration) == "display" for declaration in style.split(";")):
        return True
    return any(s.hides == "display" and s.matches(el) for s in selectors.of(el))


def revealed(left_out: list[etree._Element], shown: list[str]) -> set[etree._Element]:
    """The blocks kept from view that are content a script reveals (a report in a tab panel), not drafts of what
    the page shows (``shown``: the texts read without them)."""
    shown_text = _SPACE.sub("", "".join(shown))
    return {el for el in left_out if not _is_draft(el, shown_text)}


def _is_draft(el: etree._Element, shown: str) -> bool:
    """Whether a block kept from view is a draft of what the page shows: at least half of its texts other than
    figures (labels, headings, prose; a draft's figures differ) are found in ``shown``, the page's shown text
    without spaces; or it holds figures and nothing else (a figure hidden beside the shown one, Word's hidden text
    in a sentence: no panel a script reveals says nothing but figures). A block saying things the page does not
    show is no draft, nor is one with no text of its own (pictures, a textarea's article source)."""
    labels, figures = _labels(el)
    if not labels:
        return figures
    return 2 * sum(1 for label in labels if label in shown) >= len(labels)


def _labels(el: etree._Element) -> tuple[list[str], bool]:
    """The distinct texts in ``el`` that are not figures, spaces taken out, at most ``_MAX_LABELS``, and whether it
    holds a figure."""
    labels: dict[str, None] = {}
    figures = False
    for inner in el.iter():
        if not isinstance(inner.tag, str) or inner.tag in _UNREAD_HOLDERS:
            continue
        for text in [inner.text, *(child.tail for child in inner)]:
            label = _SPACE.sub("", text or "")
            if label and is_value(label):
                figures = True
            elif len(label) >= 2:
                labels[label] = None
                if len(labels) >= _MAX_LABELS:
                    return list(labels), figures
    return list(labels), figures


@dataclass(frozen=True)
class BlockText:
    """What a block kept from view says, for a note naming it: its length without spaces, its first words, and
    whether it holds figures (a table, or a text that is a figure alone)."""

    length: int
    head: str
    figures: bool


def block_text(el: etree._Element, head: int) -> BlockText:
    """The text of ``el`` a browser would show were it shown (scripts and the like aside), its first ``head``
    characters kept."""
    length, first, figures = 0, "", False
    for inner in el.iter():
        if not isinstance(inner.tag, str) or inner.tag in _UNREAD_HOLDERS:
            continue
        figures = figures or inner.tag == "table"
        for text in [inner.text, *(child.tail for child in inner)]:
            text = _SPACE.sub("", text or "")
            length += len(text)
            first = first if len(first) >= head else (first + text)[:head]
            figures = figures or bool(text) and is_value(text)
    return BlockText(length, first, figures)


def _drop(el: etree._Element) -> None:
    """``el`` taken out of its tree, the text after it kept."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        before = el.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _drop_inheriting(el: etree._Element, name: str) -> None:
    """What of ``el`` inherits a hiding ``name`` emptied, its box kept (a cell keeps its column): all of it,
    unless an element within shows again, then its own text and the children that do not show again."""
    if _shows_again(el, name):   # its own style wins over the inherited one (and over a class rule)
        return
    if not any(_shows_again(inner, name) for inner in el.iterdescendants()):
        el.text = None
        for child in list(el):
            el.remove(child)
        return
    el.text = None
    for child in list(el):
        child.tail = None
        _drop_inheriting(child, name)


def drop_unshown(table: etree._Element, selectors: HidingRules) -> None:
    """``table`` without what a browser does not show or shows struck out; a ``font-size`` or ``visibility``
    that an element within undoes hides only the rest."""
    for el in list((_SELECTABLE if selectors else _STYLED)(table)):
        if (name := _hidden_by(el, selectors)) in _INHERITED_UNDONE:
            _drop_inheriting(el, name)
        elif name is not None:
            _drop(el)

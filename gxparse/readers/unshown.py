"""What a browser does not show of an HTML table, and text an editor struck out: neither is the report's figure.

Hidden: the ``hidden`` attribute, ``display:none``, ``visibility:hidden``, ``font-size:0`` (Word's hidden text, an
Excel sheet's hidden draft rows, a CMS's draft figures); struck out: ``<del>``, ``<s>``, ``<strike>``,
``text-decoration: line-through`` (tracked changes, a figure typed over). Styles are read inline and from the
page's ``<style>`` sheets, whose rules count when their selectors are of tags, classes and ids (``.hid``,
``tr.draft``, ``#zoom td .old``): the selectors editors and templates write for this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_STRUCK_TAGS = frozenset({"del", "s", "strike"})
_STYLED = etree.XPath(".//*[@hidden or @style] | .//del | .//s | .//strike")
_SELECTABLE = etree.XPath(".//*[@hidden or @style or @class or @id] | .//del | .//s | .//strike")
_ZERO_SIZE = re.compile(r"^0*\.?0*(?:px|pt|em|rem|%|)$")
# one compound selector: an optional tag, then classes, or an id (``p.MsoNormal.hid``, ``#draft``)
_COMPOUND = re.compile(r"^(?P<tag>[a-z][a-z0-9]*)?(?P<classes>(?:\.[\w-]+)+)$|^#(?P<id>[\w-]+)$|^(?P<bare>[a-z][a-z0-9]*)$")
_MAX_COMPOUNDS = 4   # ``.article td span.hid``: deeper selectors are no editor's


def hides(declarations: str) -> bool:
    """Whether CSS ``declarations`` (``a: b; c: d``) keep the text from view or strike it out."""
    for declaration in declarations.split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        value = value.lower().replace("!important", "").strip()
        if (name == "display" and value == "none" or name == "visibility" and value in ("hidden", "collapse")
                or name == "font-size" and _ZERO_SIZE.match(value.replace(" ", ""))
                or name in ("text-decoration", "text-decoration-line") and "line-through" in value):
            return True
    return False


@dataclass(frozen=True)
class Compound:
    tag: str | None
    classes: frozenset[str]
    id: str | None

    def matches(self, el: etree._Element) -> bool:
        if self.id is not None:
            return el.get("id") == self.id
        # lower case on both sides: pages without a doctype (Word's) are in quirks mode, where classes match so
        return (self.tag is None or el.tag == self.tag) and self.classes <= set((el.get("class") or "").lower().split())


@dataclass(frozen=True)
class Selector:
    """Compound selectors joined by descendant (or child, read as descendant) combinators: ``td span.hid``."""

    compounds: tuple[Compound, ...]

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


def _selector(text: str) -> Selector | None:
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
    return Selector(tuple(compounds))


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


def hiding_selectors(root: etree._Element) -> list[Selector]:
    """The selectors of the page's style sheets whose rules hide or strike out text. Rules inside an at-rule
    (``@media print { … }``) are left out: they may apply to another medium only."""
    selectors = []
    for style in root.iter("style"):
        css = _without_comments((style.text or "").replace("<!--", " ").replace("-->", " "))
        depth = 0
        for chunk in css.split("}"):   # one pass: each chunk ends a rule or an at-rule block
            head, brace, declarations = chunk.rpartition("{")
            inside = depth > 0 or "{" in head
            depth = max(0, depth + head.count("{") - (0 if brace else 1))
            if not brace or inside or not hides(declarations):
                continue
            selectors += [s for text in head.split(",") if (s := _selector(text)) is not None]
    return selectors


def unshown(table: etree._Element, selectors: list[Selector]) -> list[etree._Element]:
    """The elements of ``table`` a browser does not show or shows struck out."""
    found = []
    for el in (_SELECTABLE if selectors else _STYLED)(table):
        if (el.tag in _STRUCK_TAGS or el.get("hidden") is not None or hides(el.get("style") or "")
                or any(s.matches(el) for s in selectors)):
            found.append(el)
    return found

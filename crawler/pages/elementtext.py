"""The leading text of a page's elements, each of the page's texts converted once.

A button or a clickable element is named by its text, a few words. An element carrying a link's attribute may
hold the whole page instead, and hundreds may nest around one text of millions of characters (200 nested
``<div onclick=…>`` or ``<div data-url=…>`` around 2 million characters: each read whole, 60 s of the spider's
event loop). Here an element's text is read only to ``MAX_TEXT_CHARS``, built from its children's, which are
kept: however deep the nesting, each text node and tail of the page is converted to a string once.

``leading_text`` reads one element's text to a limit, without a cache: for an element read once or a few
times (a title, a heading, a list item), where joining its whole text would cost as much as the page (a
heading of 10⁷ characters: a join and a split of 10⁷ characters, seconds and hundreds of MB, for a few words).
``shown_characters`` likewise reads a page's shown text only as far as a reader that wants a short page looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

MAX_TEXT_CHARS = 200


def leading_text(element, limit: int, separator: str = "") -> str:
    """The first ``limit`` characters of ``separator.join(element.itertext())``: the texts after are not read."""
    # a text longer than the limit is cut to it (what lies past the limit in it lies past it in the join), the
    # others kept whole: this runs on every report page's elements, and a slice a text costs a third more
    pieces, size, step = [], -len(separator), len(separator)
    for text in element.itertext():
        pieces.append(text if len(text) <= limit else text[:limit])
        size += len(pieces[-1]) + step
        if size >= limit:
            break
    return separator.join(pieces)[:limit]


class LeadingText:
    """The first ``limit`` characters (``MAX_TEXT_CHARS``) of elements' text (``"".join(element.itertext())``
    cut), of one page: the texts of the elements read are kept for the next."""

    def __init__(self, limit: int = MAX_TEXT_CHARS) -> None:
        self.limit = limit
        self._known: dict = {}

    def __call__(self, element) -> str:
        stack = [(element, False)]
        while stack:   # children before their parent, without recursion: a page may nest thousands deep
            node, children_known = stack.pop()
            if node in self._known:
                continue
            if not children_known:
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node))
                continue
            self._known[node] = self._joined(node)
        return self._known[element]

    def _joined(self, node) -> str:
        # a comment's or a processing instruction's own text is none of the element's (itertext leaves it out)
        pieces = [(node.text or "")[:self.limit] if isinstance(node.tag, str) else ""]
        size = len(pieces[0])
        for child in node:
            if size >= self.limit:
                break
            for piece in (self._known[child], child.tail or ""):
                pieces.append(piece[:self.limit - size])
                size += len(pieces[-1])
        return "".join(pieces)


_HIDDEN = ("script", "style", "noscript")
_WORD = re.compile(r"\S+")


def shown_characters(element, limit: int) -> str:
    """The first ``limit`` characters of ``element``'s shown text (none of a script's, a style's or a noscript's)
    with its whitespace left out: the texts after are not read, nor a word past the limit whole."""
    pieces, size = [], 0
    for text in _shown_texts(element):
        for word in _WORD.finditer(text or ""):
            pieces.append(word.group()[:limit - size])
            size += len(pieces[-1])
            if size >= limit:
                return "".join(pieces)
    return "".join(pieces)


def _shown_texts(element) -> Iterator[str]:
    """The texts of ``element`` in document order, those a script, a style or a noscript holds left out (their tails
    kept), a comment's own left out (its tail kept). One walk holding one path of the tree, not every child of a
    level: a page may nest thousands deep or hold 10⁵ paragraphs side by side."""
    walk = etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    for event, node in walk:
        if event == "start":
            if node.tag in _HIDDEN:
                walk.skip_subtree()
            elif node.text:
                yield node.text
        elif node.tail and node is not element:
            yield node.tail

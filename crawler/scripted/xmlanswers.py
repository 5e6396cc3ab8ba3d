"""Lists an API answers as XML: the older interfaces of Hanweb, TRS and in-house CMSs that a page's jQuery asks
with ``dataType: "xml"`` and draws item by item (``$(xml).find("item")``).

Such an answer is a tree of records, each field an element or an attribute: ``<list total="27"><item><title>…
</title><url>/art/2023/8842.html</url></item></list>``, ``<docs><doc id="8842" title="…" url="…"/></docs>``. It is
read into the objects a JSON answer would be (an element's attributes and children its fields, a repeated child a
list, a leaf its text), so its links are found as a JSON answer's are (``crawler.scripted.jsonlinks``: a name and an
address, or an address the asking script builds from a field). A Hanweb datastore (``<datastore><recordset>``)
is no such answer: its records are HTML (``crawler.pages.links.record_links``).

Only an API's answer is read so, only when its first bytes are XML and no HTML (neither a page nor a fragment of
one: an answer beginning ``<li>`` or ``<div class="list">`` is the list's HTML a script puts in place), within
``MAX_XML_BYTES``. A root named as an HTML element is XML's when an ``<?xml`` declaration says so, or when it
carries no HTML attribute and no element within its first bytes is one of HTML's markup (``<table><row><title>…``:
records; ``<table class="list"><tr>``: a fragment). Entities are not resolved, nothing is fetched, and at most
``MAX_ELEMENTS`` elements ``MAX_DEPTH`` deep are read.
"""

from __future__ import annotations

import re

from lxml import etree

MAX_XML_BYTES = 2 * 1024 * 1024
MAX_ELEMENTS = 20_000
MAX_DEPTH = 12
# The first element of a page or of a fragment of one (the HTML a list's loader puts in place), which no XML answer
# begins with.
_HTML_ELEMENTS = (rb"html|!doctype|head|body|div|span|p|a|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|h[1-6]|"
                  rb"section|article|nav|header|footer|form|input|img|br|em|strong|b|i|font|label|select|script|"
                  rb"style|link|meta|center|small")
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?<(?!(?:" + _HTML_ELEMENTS + rb")[\s/>])"
                        rb"[A-Za-z_][\w.-]*[\s/>]", re.IGNORECASE)
_DECLARED = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,200}\?>\s*<[A-Za-z_]", re.IGNORECASE)
# A root named as an HTML element a fragment may begin with (a page's own elements say it is a page), its attributes.
_HTML_NAMED_ROOT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?!(?:html|head|body|!doctype|script|style|link|meta)[\s/>])(?:" + _HTML_ELEMENTS + rb")(?P<attributes>[\s/][^<>]{0,500})?>",
                              re.IGNORECASE)
_HTML_ATTRIBUTE = re.compile(rb"(?:^|\s)(?:class|style|id|href|src|width|height|align|valign|border|cellpadding|"
                             rb"cellspacing|bgcolor|colspan|rowspan|target|onclick|onload|name)\s*=", re.IGNORECASE)
# HTML's markup in a fragment's body; a record may name its fields title, link or meta, never div or td.
_MARKUP = re.compile(rb"<(?:div|span|p|a|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|h[1-6]|img|br|hr|em|"
                     rb"strong|b|i|u|font|center|small|form|input|select|option|label|iframe)[\s/>]", re.IGNORECASE)
_ELEMENT = re.compile(rb"<[A-Za-z_]")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False,
                          remove_comments=True, remove_pis=True)


def is_xml_answer(body: bytes) -> bool:
    """The answer's first bytes are an XML document's (a declaration, or an element that is not HTML's, or one
    named as HTML's holding records)."""
    head = body[:1024]
    return len(body) <= MAX_XML_BYTES and bool(_XML_START.match(head) or _DECLARED.match(head)
                                                or _records_under_html_name(head))


def _records_under_html_name(head: bytes) -> bool:
    """``<table><row><title>…``: a root named as an HTML element with no HTML attribute, holding elements of which
    none within ``head`` is HTML's markup."""
    root = _HTML_NAMED_ROOT.match(head)
    if root is None or _HTML_ATTRIBUTE.search(root.group("attributes") or b""):
        return False
    inside = head[root.end():]
    return bool(_ELEMENT.search(inside)) and not _MARKUP.search(inside)


def xml_answer_data(body: bytes) -> object | None:
    """The answer as the objects a JSON answer would be; None when it is no XML within the bounds."""
    if not is_xml_answer(body):
        return None
    try:
        root = etree.fromstring(body, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    budget = [MAX_ELEMENTS]
    return {_name(root.tag): _value(root, 0, budget)}


def _value(element, depth: int, budget: list[int]) -> object:
    """An element's fields (its attributes and children, a repeated child's values a list), or its text when it
    has no children and some text (``<title lang="zh">…</title>``: the title)."""
    budget[0] -= 1
    children = [c for c in element if isinstance(c.tag, str)]
    text = (element.text or "").strip()
    if not children and (text or not element.attrib):
        return text
    grouped: dict[str, list[object]] = {}
    for child in children:
        if budget[0] <= 0 or depth >= MAX_DEPTH:
            break
        grouped.setdefault(_name(child.tag), []).append(_value(child, depth + 1, budget))
    fields: dict[str, object] = {_name(k): v.strip() for k, v in element.attrib.items()}
    fields.update({key: values[0] if len(values) == 1 else values for key, values in grouped.items()})
    return fields


def _name(tag: str) -> str:
    """A tag or attribute's local name (no namespace)."""
    return tag.rsplit("}", 1)[-1]

"""Jeecms's attachments, whose addresses the page's script writes (``Cms.attachment``).

A Jeecms article lists its attachments as links without an address (``<a id="attach0">….pdf</a>``) and calls
``Cms.attachment(base, contentId, n, prefix)`` (its ``front.js``): that asks ``base/attachment_url.jspx?cid=…&n=…``
for a key per attachment (a JSON list of strings, ``["&t=1625796990073&k=e005…"]``) and writes
``base/attachment.jspx?cid=…&i=<i><key>`` into the element ``#<prefix><i>``; the servlet answers the file only with
its key. The attachments are named by those elements' text. An article may call it more than once (its own
attachments, then its 解读's under another prefix): each call is asked in turn.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

from crawler.pages.elementtext import MAX_TEXT_CHARS, leading_text
from crawler.pages.links import Link

MAX_CALLS = 5               # calls of one article: its own attachments, its 解读's, a related notice's
MAX_ATTACHMENTS = 20        # attachments of one call: an article attaches a few
MAX_KEY_CHARS = 300         # a key is a time and a hash (&t=…&k=…)
MAX_KEYS_ANSWER = 20_000    # the keys' answer read
_CALL = re.compile(r"""Cms\.attachment\(\s*(["'])([^"'\s]{0,200})\1\s*,\s*(["']?)(\d{1,20})\3\s*,"""
                   r"""\s*(["']?)(\d{1,4})\5\s*,\s*(["'])([\w-]{1,50})\7\s*\)""")


@dataclass(frozen=True)
class AttachmentCall:
    """One ``Cms.attachment`` call: where its keys are asked, and the names of the attachments they open."""

    base: str                 # the site's address the call writes under (absolute)
    content_id: str
    names: tuple[str, ...]    # the text of #<prefix>0 … #<prefix><n-1>

    @property
    def keys_url(self) -> str:
        return f"{self.base}/attachment_url.jspx?{urlencode({'cid': self.content_id, 'n': len(self.names)})}"


def attachment_calls(root, scripts: list[str], page_url: str) -> list[AttachmentCall]:
    """The ``Cms.attachment`` calls of a page's inline ``scripts`` (the first ``MAX_CALLS``), each with the names of
    its attachments (at most ``MAX_ATTACHMENTS``)."""
    calls = []
    for match in itertools.islice((m for code in scripts for m in _CALL.finditer(code)), MAX_CALLS):
        base, content_id, count, prefix = match.group(2), match.group(4), int(match.group(6)), match.group(8)
        names = tuple(_element_text(root, f"{prefix}{i}") for i in range(min(count, MAX_ATTACHMENTS)))
        if names:
            calls.append(AttachmentCall(urljoin(page_url, base or "/").rstrip("/"), content_id, names))
    return calls


def attachment_links(call: AttachmentCall, answer: str) -> list[Link]:
    """The attachments' links, from the keys the server answered for ``call`` (none for any other answer)."""
    if len(answer) > MAX_KEYS_ANSWER:
        return []
    try:
        keys = json.loads(answer)
    except (ValueError, RecursionError):
        return []
    if not isinstance(keys, list):
        return []
    return [Link(f"{call.base}/attachment.jspx?cid={call.content_id}&i={i}{key}", name)
            for i, (name, key) in enumerate(zip(call.names, keys))
            if isinstance(key, str) and len(key) <= MAX_KEY_CHARS and not re.search(r"[\s#<>\"']", key)]


def _element_text(root, element_id: str) -> str:
    element = next(iter(root.xpath("//*[@id=$id]", id=element_id)), None)
    if element is None:
        return ""
    return leading_text(element, MAX_TEXT_CHARS).strip() or (element.get("title") or "").strip()

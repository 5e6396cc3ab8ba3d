"""Column trees zTree loads a branch at a time, asked as zTree asks them.

A page's script sets ``async: {enable: true, url: "/xxgk/tree.do", autoParam: ["id=channelId", "level=lv"],
otherParam: {"siteId": "rsj"}}``: the first request sends ``otherParam`` alone and answers the roots; a closed
branch (``isParent``) is opened by asking the same URL with each ``autoParam`` entry (``field`` or
``field=parameter``) set from the node (``channelId=<its id>&lv=<its level>``; a node's level is 0 at the roots,
one more than its parent's below), then ``otherParam`` (an object, or an array of names and values). Without
such a setting a branch is asked by its ``id`` (``crawler.jsonlinks``).

At most ``MAX_TREES`` settings are kept a crawl, each read from at most ``MAX_SETTING_CHARS`` of its script.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from crawler.links import Link

MAX_TREES = 20
MAX_SETTING_CHARS = 2_000
_ASYNC = re.compile(r"\basync\s*:\s*\{")
_URL = re.compile(r"""\burl\s*:\s*(["'])([^"'\s<>]{1,300})\1""")
_AUTO = re.compile(r"\bautoParam\s*:\s*\[([^\]]*)\]")
_OTHER = re.compile(r"\botherParam\s*:\s*(\{[^}]*\}|\[[^\]]*\])")
_STRING = re.compile(r"""(["'])([^"']{0,100})\1""")
_PAIR = re.compile(r"""(["']?)([\w$-]{1,50})\1\s*:\s*(["'])([^"']{0,100})\3""")


@dataclass(frozen=True)
class AsyncTree:
    url: str                               # absolute (a query of its own is sent too)
    auto: tuple[tuple[str, str], ...]      # (node field, parameter), as autoParam names them
    other: tuple[tuple[str, str], ...]     # sent with every request

    def first_url(self) -> str:
        """The request for the roots: ``otherParam`` alone."""
        return _with_query(self.url, list(self.other))

    def branch_url(self, fields: dict[str, object], answer_url: str) -> str | None:
        """The request opening the branch a node of ``answer_url``'s answer is (``fields`` by normalised key);
        None when the node lacks a field the request needs."""
        values = []
        for field, parameter in self.auto:
            value = fields.get(field.lower().replace("_", "").replace("-", ""))
            if value is None and field == "level":
                value = _answer_level(self, answer_url)
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                return None
            values.append((parameter, str(value)))
        return _with_query(self.url, values + list(self.other))


class AsyncTrees:
    """The async trees the crawl's pages set up, by their URL."""

    def __init__(self) -> None:
        self._trees: dict[str, AsyncTree] = {}

    def read(self, codes: list[str], base_url: str) -> list[AsyncTree]:
        """The settings in these scripts, kept (while fewer than ``MAX_TREES`` are)."""
        found = [tree for code in codes for tree in _settings(code, base_url)]
        for tree in found:
            if tree.url.split("?")[0] in self._trees or len(self._trees) < MAX_TREES:
                self._trees[tree.url.split("?")[0]] = tree
        return found

    def first_asked(self, links: list[Link], codes: list[str], base_url: str) -> list[Link]:
        """A page's links, each tree its scripts set up (kept from now on) linked as its first request asks it."""
        first = {tree.url: tree.first_url() for tree in self.read(codes, base_url)}
        return [replace(link, url=first[link.url]) if link.url in first else link for link in links]

    def branches(self, answer_url: str) -> Callable[[dict[str, object]], str | None] | None:
        """How the tree whose answer this is opens a branch; None for an answer of no tree known."""
        tree = self._trees.get(answer_url.split("?")[0])
        return None if tree is None else lambda fields: tree.branch_url(fields, answer_url)


def _settings(code: str, base_url: str) -> list[AsyncTree]:
    out = []
    for match in _ASYNC.finditer(code):
        setting = code[match.end():match.end() + MAX_SETTING_CHARS]
        setting = setting[:_closing(setting)]
        url, auto = _URL.search(setting), _AUTO.search(setting)
        if url is None or auto is None:
            continue
        names = [s for _, s in _STRING.findall(auto.group(1)) if s]
        pairs = [tuple(n.split("=", 1)) if "=" in n else (n, n) for n in names]
        other = _OTHER.search(setting)
        values: list[tuple[str, str]] = []
        if other and other.group(1).startswith("{"):
            values = [(k, v) for _, k, _, v in _PAIR.findall(other.group(1))]
        elif other:
            strings = [s for _, s in _STRING.findall(other.group(1))]
            values = list(zip(strings[::2], strings[1::2], strict=False))
        out.append(AsyncTree(urljoin(base_url, url.group(2)).split("#")[0], tuple(pairs), tuple(values)))
    return out


def _closing(setting: str) -> int:
    """Where the object literal the setting starts ends (its closing brace), else its whole bounded length."""
    depth = 1
    for k, char in enumerate(setting):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return k
    return len(setting)


def _answer_level(tree: AsyncTree, answer_url: str) -> int:
    """The level of the nodes of an answer: 0 for the roots, else one more than the branch it opened."""
    parameter = next((p for f, p in tree.auto if f == "level"), None)
    asked = parse_qs(urlsplit(answer_url).query).get(parameter or "", [""])[0]
    return int(asked) + 1 if asked.isdigit() else 0


def _with_query(url: str, params: list[tuple[str, str]]) -> str:
    return f"{url}{'&' if '?' in url else '?'}{urlencode(params)}" if params else url

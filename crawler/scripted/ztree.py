"""Column trees zTree loads a branch at a time, asked as zTree asks them.

A page's script sets ``async: {enable: true, url: "/xxgk/tree.do", autoParam: ["id=channelId", "level=lv"],
otherParam: {"siteId": "rsj"}}``: the first request sends ``otherParam`` alone and answers the roots; a closed
branch (``isParent``) is opened by asking the same URL with each ``autoParam`` entry (``field`` or
``field=parameter``) set from the node (``channelId=<its id>&lv=<its level>``; a node's level is 0 at the roots,
one more than its parent's below), then ``otherParam`` (an object, or an array of names and values). Without
such a setting a branch is asked by its ``id`` (``crawler.scripted.jsonlinks``).

A tree loaded whole draws its nodes from the answer of a GET its page's script makes and hands to zTree
(``$.getJSON('/xxgk/catalog.json', {deptId: '1002'}, function (nodes) { $.fn.zTree.init($('#t'), setting,
nodes); })``: a platform's 信息公开目录 of one department): that request, with its data, is a link of the page
(``loaded_trees``), its answer's nodes read as any tree's: the GET written at most ``MAX_CALLBACK_CHARS`` before
the ``zTree.init`` (the page's other requests are none), at most ``MAX_LOADED_TREES`` a script.

Either is read from the page's inline scripts or from its own script files (``crawler.pages.sitescripts``: a
platform's unit tree set up by its ``deptTree.js``).

At most ``MAX_TREES`` settings are kept a crawl, each read from at most ``MAX_SETTING_CHARS`` of its script.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from crawler.pages.links import Link
from crawler.scripted.scriptapis import api_calls

MAX_TREES = 20
MAX_LOADED_TREES = 5
MAX_CALLBACK_CHARS = 500     # from a request to the zTree.init its callback makes
MAX_SETTING_CHARS = 2_000
_ASYNC = re.compile(r"\basync\s*:\s*\{")
_URL = re.compile(r"""\burl\s*:\s*(["'])([^"'\s<>]{1,300})\1""")
_AUTO = re.compile(r"\bautoParam\s*:\s*\[([^\]]*)\]")
_OTHER = re.compile(r"\botherParam\s*:\s*(\{[^}]*\}|\[[^\]]*\])")
_STRING = re.compile(r"""(["'])([^"']{0,100})\1""")
_TREE_INIT = re.compile(r"\bzTree\s*\.\s*init\s*\(")
# zTree.init's nodes, its third argument (res or res.data: the callback's parameter first), and that callback
_NODES = re.compile(r"""[^,()]*(?:\([^()]*\))?[^,()]*,[^,]*,\s*([A-Za-z_$][\w$]*)[\w$.\[\]"']*\s*\)""")
_CALLBACK = r"function\s*\(\s*{0}\s*[,)]|\(\s*{0}\s*[,)][^()]*=>|(?<![\w$]){0}\s*=>"
_REQUEST = re.compile(r"(?:\$|jQuery)\s*\.\s*(?:ajax|get|getJSON)\s*\(")
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
        """A page's links, each tree its scripts set up (kept from now on) linked as its first request asks it, as
        the rest of that page (a catalogue: asked whichever of the site's pages arrived first)."""
        first = {tree.url: tree.first_url() for tree in self.read(codes, base_url)}
        return [replace(link, url=first[link.url], source="catalogue") if link.url in first else link for link in links]

    def branch_links(self, links: list[Link], answer_url: str) -> list[Link]:
        """An answer's links, the requests opening its tree's closed branches marked as the rest of the page that
        set the tree up (a catalogue), as its first request is."""
        if self._trees.get(tree := answer_url.split("?")[0]) is None:
            return links
        return [replace(link, source="catalogue") if link.url.split("?")[0] == tree else link for link in links]

    def branches(self, answer_url: str) -> Callable[[dict[str, object]], str | None] | None:
        """How the tree whose answer this is opens a branch; None for an answer of no tree known."""
        tree = self._trees.get(answer_url.split("?")[0])
        return None if tree is None else lambda fields: tree.branch_url(fields, answer_url)


def loaded_trees(code: str, base_url: str) -> list[str]:
    """The GET requests whose answers a script hands to zTree whole (its data as the query), absolute."""
    if _ASYNC.search(code):   # an async tree is asked branch by branch instead
        return []
    out, start = [], 0
    for _, init in zip(range(MAX_LOADED_TREES), _TREE_INIT.finditer(code)):
        nodes = _NODES.match(code, init.end(), init.end() + MAX_CALLBACK_CHARS)
        # the callback handing its answer to the tree, written just before it, after the tree before it
        begin = max(start, init.start() - MAX_CALLBACK_CHARS)
        start = init.end()
        callbacks = list(re.finditer(_CALLBACK.format(re.escape(nodes.group(1))), code[begin:init.start()])) \
            if nodes else []
        # the request the callback is given to: the last one begun before it, read to its end
        requests = list(_REQUEST.finditer(code, begin, begin + callbacks[-1].start())) if callbacks else []
        if not requests:
            continue
        request = code[requests[-1].start():init.end() + MAX_CALLBACK_CHARS]
        callback = begin + callbacks[-1].start() - requests[-1].start()
        out += [_with_query(urljoin(base_url, call.url).split("#")[0], list(call.data))
                for call in api_calls(request) if call.method == "GET" and -1 < request.find(call.url) < callback]
    return list(dict.fromkeys(out))


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

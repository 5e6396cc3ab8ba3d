"""大汉's 信息公开 module: a unit's catalogue drawn as a tree, each category's list asked of ``search.jsp``.

A unit's 政府信息公开 page on 大汉's platforms (浙江, 山东, 吉林, 江西: ``/col/col<id>/index.html?vc_xxgkarea=<area>``)
frames its catalogue, ``/module/xxgk/tree.jsp?standardXxgk=1&area=<area>&divid=div4``: a dTree whose nodes call
``funclick('<infotypeId>', …)`` before their label, often inside the script's strings
(``d.add(5,0,'<a onclick="funclick(\\'KL0601\\',\\'…\\');">政府信息公开年报</a>')``). A click lists that category
in the page's ``divid`` by posting ``/module/xxgk/search.jsp`` with the category, the unit's ``area`` and the
div (``infotypeId``, ``area``, ``divid``, ``currpage`` …), answered as the module's table of rows and its pager
(共N页). The nodes a 年报 column's name labels are asked so; at most ``MAX_NODES`` nodes of a tree's first
``MAX_TREE_CHARS`` read.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

MAX_TREE_CHARS = 500_000   # a unit's catalogue: a few hundred categories
MAX_NODES = 500
TREE_PATH = re.compile(r"/module/xxgk/tree\.jsp$", re.IGNORECASE)
SEARCH_PATH = "/module/xxgk/search.jsp"
SORT = "createdatetime:0,orderid:0"   # newest first, as the module's own loaders ask
# funclick('KL0601', …) then the label after the element's >, quotes escaped or not inside a script's string
_NODE = re.compile(r"""funclick\(\s*\\?["']([\w-]{1,40})\\?["'][^()<>]{0,200}\)\s*;?\s*\\?["']?\s*>\s*([^<>]{1,60})""")
# what the tree's address carries on to the search: the unit, the div listed into, the site
_CARRIED = ("area", "divid", "jdid", "standardXxgk")


@dataclass(frozen=True)
class TreeNode:
    """A category of a unit's catalogue: its ``infotypeId`` and its label."""

    infotype: str
    label: str


def is_catalogue_tree(url: str) -> bool:
    return bool(TREE_PATH.search(urlsplit(url).path))


def tree_nodes(code: str) -> list[TreeNode]:
    """The categories a tree's page draws, in order, at most ``MAX_NODES``."""
    found = (TreeNode(m.group(1), m.group(2).strip()) for m in _NODE.finditer(code[:MAX_TREE_CHARS]))
    return list(itertools.islice((n for n in found if n.label), MAX_NODES))


def category_search(tree_url: str, node: TreeNode) -> tuple[str, list[tuple[str, str]]]:
    """The POST listing ``node``'s category, as the tree's click asks it: ``search.jsp`` with the unit, div and
    site the tree's address names and the category, in its address and its form (the form's ``currpage`` the
    page)."""
    carried = [(k, v) for k, v in parse_qsl(urlsplit(tree_url).query) if k in _CARRIED]
    asked = [*carried, ("infotypeId", node.infotype), ("sortfield", SORT)]
    return f"{urljoin(tree_url, SEARCH_PATH)}?{urlencode(asked)}", [*asked, ("currpage", "1")]

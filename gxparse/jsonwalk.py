"""The objects of a parsed JSON answer, depth first in document order, within bounds: a detail API's answer
(``readers.jsondoc``) and a list API's (the crawler's ``jsonlinks``) are searched the same way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple


class JsonObject(NamedTuple):
    node: dict
    fields: dict[str, object]   # its fields by key lower-cased without ``_`` and ``-`` (docTitle, doc_title: doctitle)
    name: str | None            # its own name: the first non-blank string of a ``name_keys`` field
    above: str | None           # the nearest name of the objects holding it (or the walk's first)


def json_objects(data: object, name_keys: tuple[str, ...], max_depth: int, max_nodes: int,
                 above: str | None = None) -> Iterator[JsonObject]:
    """Every object of ``data`` at most ``max_depth`` deep, of the first ``max_nodes`` lists and objects met."""
    stack: list[tuple[object, str | None, int]] = [(data, above, 0)]
    nodes = 0
    while stack and nodes < max_nodes:
        node, held_by, depth = stack.pop()
        nodes += 1
        if depth > max_depth:
            continue
        if isinstance(node, list):
            stack += [(item, held_by, depth + 1) for item in reversed(node) if isinstance(item, (dict, list))]
            continue
        if not isinstance(node, dict):
            continue
        fields = {re.sub(r"[_-]", "", str(k)).lower(): v for k, v in node.items()}
        name = next((v.strip() for k in name_keys if isinstance(v := fields.get(k), str) and v.strip()), None)
        yield JsonObject(node, fields, name, held_by)
        stack += [(v, name or held_by, depth + 1) for v in reversed(list(node.values())) if isinstance(v, (list, dict))]

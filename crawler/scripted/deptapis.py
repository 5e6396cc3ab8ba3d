"""Departments named only in a department API's answer, each asked of the one list call the script fills with it.

A platform draws its department menu from an API (``/api/dept/list``, ``getDeptList``, an ``orgTree``: a flat
list, a nested ``children`` tree, zTree's ``{id, pId, name}``) and asks its 年报 list of one call whose department key
the script fills from the clicked item (``deptId = d.deptId``; ``crawler.scripted.scriptapis.Fill``): no page of its
own per department. The items of the menu's answer holding the field the script fills the key from are the
departments (``departments``): the list call is asked once for each, the department's name (its ``name``,
``deptName``, ``orgName``, ``label`` …) kept with the reports it finds. At most ``MAX_NODES`` objects of an answer
walked, ``MAX_DEPARTMENTS`` departments of it, values of ``MAX_VALUE_CHARS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_NODES = 20_000         # objects and arrays of a menu's answer walked
MAX_DEPARTMENTS = 100      # departments of one answer a list is asked for (a site's: ReportsSpider)
MAX_VALUE_CHARS = 100      # of a department's key and name
_NAMES = ("name", "label", "title", "text")   # a field naming the item: deptName, orgName, unitName, name, label …


@dataclass(frozen=True)
class Department:
    key: str    # the value the list call is filled with
    name: str   # as the menu shows it ("" when the item names none)


def departments(answer: object, fields: Sequence[str]) -> list[Department]:
    """The items of ``answer`` holding the first of ``fields`` any holds as a number or string, in the answer's
    order (a tree's parent before its children), once each."""
    items = _objects(answer)
    field = next((f for f in fields if any(_scalar(item.get(f)) for item in items)), None)
    if field is None:
        return []
    found: dict[str, Department] = {}
    for item in items:
        key = _scalar(item.get(field))
        if key and key not in found:
            found[key] = Department(key, _name(item))
            if len(found) == MAX_DEPARTMENTS:
                break
    return list(found.values())


def _objects(answer: object) -> list[dict]:
    """The objects of an answer, depth first in order, at most ``MAX_NODES`` values walked."""
    out, stack, walked = [], [answer], 0
    while stack and walked < MAX_NODES:
        value = stack.pop()
        walked += 1
        if isinstance(value, dict):
            out.append(value)
            stack.extend(reversed([v for v in value.values() if isinstance(v, (dict, list))]))
        elif isinstance(value, list):
            stack.extend(reversed([v for v in value if isinstance(v, (dict, list))]))
    return out


def _scalar(value: object) -> str:
    """A key's value as sent: a string or a whole number, at most ``MAX_VALUE_CHARS``; "" for anything else."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return ""
    text = str(value).strip()
    return text if len(text) <= MAX_VALUE_CHARS else ""


def _name(item: dict) -> str:
    """What the item is called: a field named ``name`` or ending so (``deptName``), else a label, title or text."""
    for word in _NAMES:
        for key, value in item.items():
            if isinstance(key, str) and key.lower().endswith(word) and isinstance(value, str) \
                    and 0 < len(value.strip()) <= MAX_VALUE_CHARS:
                return value.strip()
    return ""

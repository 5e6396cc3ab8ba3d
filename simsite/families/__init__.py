"""Site families: simulated city portals, each built the way one CMS family builds real government sites.

Every family answers the same small interface (``Site``), so tests, the demo and benchmarks can take any:
``FAMILIES[name](seed=…, size=…)`` builds one deterministically, ``simsite.serve(site)`` serves all its hosts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from simsite.families.hanweb import HanwebSite
from simsite.families.publishing import Doc
from simsite.families.query import QuerySite
from simsite.families.trs import TrsSite
from simsite.resource import ExpectedReport, Resource
from simsite.site import SimSite


class Site(Protocol):
    """What every family provides."""

    name: str                # the family
    seed: int | str
    size: int                # about how many pages it has
    hosts: tuple[str, ...]   # host keys, its portal first; simsite.serve gives each its own address
    base_url: str            # the portal's base URL once served

    def bind(self, urls: Mapping[str, str]) -> None: ...

    def get(self, target: str, host: str = ...) -> Resource: ...

    def expected_reports(self) -> list[ExpectedReport]: ...

    def revise(self, report_id: str) -> dict: ...

    def withdraw(self, report_id: str) -> None: ...

    def prerender(self) -> None: ...

    def page_count(self) -> int: ...


FAMILIES: dict[str, type] = {"classic": SimSite, "trs": TrsSite, "hanweb": HanwebSite, "query": QuerySite}


def make_site(family: str, seed: int | str = 0, size: int | None = None) -> Site:
    """A site of ``family`` (a key of ``FAMILIES``); ``size`` defaults to the family's own."""
    if family not in FAMILIES:
        raise KeyError(f"no site family {family!r}; choose one of {', '.join(FAMILIES)}")
    cls = FAMILIES[family]
    return cls(seed=seed) if size is None else cls(seed=seed, size=size)


__all__ = ["FAMILIES", "Doc", "Site", "make_site"]

"""Simulated city government sites on loopback addresses, deterministic from a seed (docs/architecture.md).

``SimSite`` is the ``classic`` family; ``simsite.families.FAMILIES`` holds every family by name.
"""

from simsite.resource import ExpectedReport, Resource
from simsite.server import SimServer, serve
from simsite.site import SimSite

__all__ = ["ExpectedReport", "Resource", "SimServer", "SimSite", "serve"]

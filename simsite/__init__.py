"""A simulated municipal government site on 127.0.0.1, deterministic from a seed (docs/architecture.md)."""

from simsite.server import SimServer, serve
from simsite.site import ExpectedReport, SimSite

__all__ = ["ExpectedReport", "SimServer", "SimSite", "serve"]

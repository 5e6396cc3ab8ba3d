"""东泽市开发区's platform alone (tests/crawler/portal_aa.py's ``zone_platform``) on one host, for crawls over real
HTTP that are interrupted: a home page linking the one shell for each of the two zones (``/index.html?deptId=5001``,
``?deptId=5002``), its bundle loading the 年报 view as a lazy chunk (``ZONE_CHUNK``) that reads the shell's query."""

from __future__ import annotations

from tests.crawler.portal import OneHost, Page
from tests.crawler.portal_aa import LOOK, ZONE_CHUNK, ZONES, zone_platform

__all__ = ["ZONE_CHUNK", "ZONES", "ZonesPortal"]


class ZonesPortal(OneHost):
    def __init__(self) -> None:
        super().__init__()
        zone_platform(self.main, lambda path, report: self.expected.__setitem__(self.base + path, report))
        self.main.pages["/"] = Page(LOOK.html("东泽市开发区门户网站", (
            '<div class="links"><h3>开发区信息公开</h3><ul>'
            '<li><a href="/index.html?deptId=5001">经济技术开发区</a></li>'
            '<li><a href="/index.html?deptId=5002">高新技术产业开发区</a></li></ul></div>')))

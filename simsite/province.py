"""A province of simulated portals served at once, each on loopback addresses of its own.

A province watches one portal per city and one per county (with their departments' sub-sites inside). The
proportions are real ones: Jiangsu has 13 prefecture-level cities and 95 county-level divisions, China 333 and
2,843 — about one city portal to seven county portals. A county portal is a family site at its smallest
(350–480 pages, 85–145 reports); a city portal carries more county departments and towns (``size`` 800–2000:
about 1,000–2,300 pages). That averages near 550 pages a portal: 200 portals ≈ 110,000 pages. Families take
turns (classic, trs, hanweb, query), each portal with its own seed, so no two publish the same figures.

``Province(count, seed)`` builds the portals; ``serve()`` starts one ``SimServer`` per portal on its own
addresses (from 127.0.20.1 on: every host of a portal — its county on a host of its own — gets one), so
Scrapy's per-host slots and gxmon's shared politeness apply per portal. ``watch_list()`` gives the rows a
province keeps (name, URL, region, 网站标识码, alert recipients) for ``gxmon sites import``.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from types import TracebackType

from simsite.families import FAMILIES, Site, make_site
from simsite.names import CITY, FAMILY_CITIES
from simsite.server import SimServer, loopback_addresses

COUNTIES_PER_CITY = 7                 # 95 / 13 in Jiangsu, 2,843 / 333 in China: about seven
CITY_SIZES = (800, 2000)              # a city portal's size (its family's ``size``), drawn uniformly
FIRST_ADDRESS = 20 * 256 + 1          # 127.0.20.1: clear of the addresses tests use (127.0.0-3.x)
PROVINCE_CODE = "32"                  # the first digits of every 网站标识码 (a Jiangsu-like province)
WATCH_LIST_COLUMNS = ("网站名称", "首页网址", "所属地区", "网站标识码", "告警邮箱")


@dataclass(frozen=True)
class Portal:
    id: str
    name: str
    region: str
    code: str            # 网站标识码: province, city, county digits and a serial (10 digits)
    kind: str            # city | county
    family: str
    seed: str
    size: int | None     # None: the family's smallest


class Province:
    def __init__(self, count: int, seed: int | str = 0, county_only: bool = False) -> None:
        self.portals = plan_province(count, seed, county_only)
        self.sites: dict[str, Site] = {p.id: make_site(p.family, seed=p.seed, size=p.size) for p in self.portals}
        self.servers: dict[str, SimServer] = {}

    def serve(self, delay: float = 0.0) -> Province:
        """Serve every portal on its own addresses; ``delay`` slows every answer (seconds)."""
        first = FIRST_ADDRESS
        for portal in self.portals:
            site = self.sites[portal.id]
            addresses = loopback_addresses(len(site.hosts), first)
            first += len(site.hosts)
            self.servers[portal.id] = SimServer(site, delay=delay, addresses=addresses).start()
        return self

    def close(self) -> None:
        for server in self.servers.values():
            server.close()
        self.servers = {}

    def __enter__(self) -> Province:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def url(self, portal_id: str) -> str:
        return self.servers[portal_id].base_url + "/"

    def page_count(self) -> int:
        return sum(site.page_count() for site in self.sites.values())

    def expected_reports(self) -> dict[str, list]:
        return {portal_id: site.expected_reports() for portal_id, site in self.sites.items()}

    def watch_list(self, alert_domain: str = "example.org") -> str:
        """The served portals as a province's watch list (CSV with a header row)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(WATCH_LIST_COLUMNS)
        for portal in self.portals:
            writer.writerow((portal.name, self.url(portal.id), portal.region, portal.code,
                             f"zwgk-{portal.id}@{alert_domain}"))
        return out.getvalue()


def plan_province(count: int, seed: int | str = 0, county_only: bool = False) -> list[Portal]:
    """``count`` portals: every eighth a city's, the others its counties'; families in turn. ``county_only``
    makes the cities' portals county-sized too (a quick benchmark)."""
    rng = random.Random(f"province/{seed}")
    families = list(FAMILIES)
    portals = []
    city, county, city_name = 0, 0, CITY
    for n in range(count):
        family = families[(n + n // (COUNTIES_PER_CITY + 1)) % len(families)]   # cities of every family too
        if n % (COUNTIES_PER_CITY + 1) == 0:   # a city, named as its portal's family names its city
            city, county, kind = city + 1, 0, "city"
            city_name = FAMILY_CITIES[family].city if family in FAMILY_CITIES else CITY
            size = None if county_only else rng.randint(*CITY_SIZES)
            region = f"{city_name}{city}"
        else:
            county, kind, size = county + 1, "county", None
            region = f"{city_name}{city}第{county}县"
        code = f"{PROVINCE_CODE}{city:02d}{county:02d}{n % 10_000:04d}"
        portals.append(Portal(id=f"p{n + 1:04d}", name=f"{region}人民政府门户网站", region=region, code=code,
                              kind=kind, family=family, seed=f"{seed}/{n}", size=size))
    return portals

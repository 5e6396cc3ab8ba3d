"""What a family's city publishes, as data: who publishes (the city, its departments and counties, each with
the agencies whose reports its column carries) and every report and look-alike with its date and format.

Where a document appears, under which URL and in which markup, is the family's own business: each family
module places these records on its pages. Shared here is only what is true of the city, not of its CMS.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime

from simsite.figures import Agency
from simsite.lookalikes import KINDS, fill
from simsite.names import CITY_HOSTED, COUNTY_DEPARTMENTS, DEPARTMENT_NAMES, DEPARTMENTS, TOWNS, CityNames, chinese_year
from simsite.resource import CST, PORTAL

DEPARTMENTS_PER_CITY = (6, 10)
COUNTIES_PER_CITY = (2, 4)
CITY_HOSTED_PER_CITY = (1, 3)


@dataclass
class Doc:
    """One item a column lists: a report, a look-alike, an ordinary page (news, a letter), or a broken link.

    The family places it: ``page`` is its detail page, ``file`` the attachment (or the file a list links
    straight to), ``href`` what lists link to (an old address the site redirects, sometimes)."""

    id: str
    kind: str                        # report | lookalike | page | broken
    title: str                       # as the document's own page prints it
    published: datetime
    agency: Agency | None = None
    year: int | None = None
    fmt: str = "html"                # the report document's format: html | pdf | docx | doc
    linked_file: bool = False        # lists link the file itself; there is no detail page
    prose: tuple[str, ...] = ()
    host: str = PORTAL
    page: str | None = None
    file: str | None = None
    href: str = ""
    revision: int = 0
    modified: datetime | None = None
    withdrawn: bool = False

    @property
    def document(self) -> str:
        """The path of what a crawler should archive: the attachment, or the page."""
        return self.file or self.page or self.href


@dataclass
class Publisher:
    """A sub-site with its own report column (or the city's own column on the portal)."""

    id: str
    name: str                # 云州市教育局, 东湖区人民政府
    short: str               # how the city's pages name it: 市教育局, 东湖区人民政府
    level: str               # city | department | county
    agencies: list[Agency]   # whose reports its column carries, its own first
    host: str = PORTAL
    encoding: str = "utf-8"
    docs: list[Doc] = field(default_factory=list)

    @property
    def agency(self) -> Agency:
        return self.agencies[0]

    def visible(self, kinds: tuple[str, ...] = ("report", "lookalike", "broken")) -> list[Doc]:
        """What its column lists now: newest first, withdrawn documents gone."""
        return sorted((d for d in self.docs if d.kind in kinds and not d.withdrawn),
                      key=lambda d: (d.published, d.id), reverse=True)


@dataclass
class CityPlan:
    names: CityNames
    city: Publisher
    departments: list[Publisher]
    counties: list[Publisher]

    @property
    def publishers(self) -> list[Publisher]:
        return [self.city, *self.departments, *self.counties]


def plan_city(names: CityNames, rng: random.Random, hosted_agencies: int) -> CityPlan:
    """The city's publishers: its government (whose column also carries a few departments without a site),
    6–10 departments with sub-sites, 2–4 counties whose columns carry ``hosted_agencies`` county departments
    and towns between them."""
    city_agency = Agency("city", names.government, "city")
    hosted = rng.sample(CITY_HOSTED, rng.randint(*CITY_HOSTED_PER_CITY))
    city = Publisher("city", names.government, names.government, "city",
                     [city_agency] + [Agency(i, f"{names.city}{n}", "department") for i, n in hosted])
    others = [d for d, _ in DEPARTMENTS if d not in names.fixed_departments]
    chosen = list(names.fixed_departments) + rng.sample(others, rng.randint(*DEPARTMENTS_PER_CITY)
                                                        - len(names.fixed_departments))
    departments = [Publisher(d, f"{names.city}{DEPARTMENT_NAMES[d]}", f"市{DEPARTMENT_NAMES[d]}", "department",
                             [Agency(d, f"{names.city}{DEPARTMENT_NAMES[d]}", "department")]) for d in chosen]
    count = rng.randint(*COUNTIES_PER_CITY)
    counties = []
    for n, county in enumerate(names.counties[:count]):
        cid = f"c{n:02d}"
        share = hosted_agencies // count + (1 if n < hosted_agencies % count else 0)
        pool = [Agency(f"{cid}-d{k:02d}", f"{county}{d}", "department") for k, d in enumerate(COUNTY_DEPARTMENTS)]
        pool += [Agency(f"{cid}-t{k:02d}", f"{county}{t}", "town") for k, t in enumerate(TOWNS)]
        own = Agency(cid, f"{county}人民政府", "county")
        counties.append(Publisher(cid, own.name, own.name, "county", [own] + pool[:share]))
    return CityPlan(names, city, departments, counties)


def hosted_for_size(size: int, base_pages: int, pages_per_agency: float) -> int:
    """How many county-hosted agencies bring a site of ``base_pages`` to about ``size`` pages."""
    return max(0, math.ceil((size - base_pages) / pages_per_agency))


def published_on(rng: random.Random, agency: Agency, year: int) -> datetime:
    """Inside the legal deadline: departments by 31 January, governments by 31 March (template.md RX.4)."""
    month = {"department": 1, "town": rng.randint(1, 2), "county": rng.randint(2, 3),
             "city": rng.randint(2, 3)}[agency.level]
    return datetime(year + 1, month, rng.randint(5, 28), rng.randint(9, 17), rng.randint(0, 59), tzinfo=CST)


def report_doc(rng: random.Random, agency: Agency, year: int, title: str, form: str) -> Doc:
    """A report whose ``form`` is ``html`` (the page is the report), ``page-pdf`` (a page with the file
    attached) or ``file-pdf`` (lists link the file itself); likewise docx and doc."""
    fmt = form.split("-")[-1]
    return Doc(f"{agency.id}-{year}", "report", title, published_on(rng, agency, year), agency, year, fmt,
               linked_file=form.startswith("file-"))


def lookalike_doc(rng: random.Random, kind_key: str, agency: Agency, year: int) -> Doc:
    kind = KINDS[kind_key]
    low, high = kind.months
    published = datetime(year + kind.year_offset, rng.randint(low, high), rng.randint(1, 28), rng.randint(8, 17),
                         rng.randint(0, 59), tzinfo=CST)
    cn = chinese_year(year)
    return Doc(f"{agency.id}-{year}-{kind_key}", "lookalike", fill(kind.title, agency.name, year, cn), published,
               agency, year, prose=tuple(fill(p, agency.name, year, cn) for p in kind.prose))


def lookalike_kinds(level: str, keys: tuple[str, ...]) -> list[str]:
    """The kinds among ``keys`` that an agency of ``level`` publishes."""
    return [k for k in keys if level in KINDS[k].levels]

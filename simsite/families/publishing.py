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

from simsite.figures import YEARS, Agency
from simsite.lookalikes import KINDS, fill
from simsite.names import (
    CITY_HOSTED,
    COUNTY_DEPARTMENTS,
    DEPARTMENT_NAMES,
    DEPARTMENTS,
    TOWNS,
    CityNames,
    chinese_year,
)
from simsite.resource import CST, PORTAL

DOC_REPORT_YEAR = 2021   # the year of the one report each family publishes as its committed DOC
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
    retaken: dict[str, datetime] = field(default_factory=dict)   # table key → when its picture was re-uploaded

    @property
    def document(self) -> str:
        """The path of what a crawler should archive: the attachment, or the page."""
        return self.file or self.page or self.href


@dataclass(frozen=True)
class Item:
    """A document as a list shows it."""

    href: str
    title: str
    date: str


def list_items(docs: list[Doc], date_format: str = "%Y-%m-%d") -> list[Item]:
    return [Item(d.href, d.title, f"{d.published:{date_format}}") for d in docs]


@dataclass(frozen=True)
class Habits:
    """How one family's sites word and format what they publish (weights of templates and forms)."""

    titles: dict[str, int]                 # report titles: {agency}, {year}, {cn_year}
    forms: dict[str, int]                  # html | page-pdf | file-pdf | page-docx | file-docx
    lookalikes: dict[str, int]             # kinds of simsite.lookalikes
    doc_form: str                          # how the committed DOC report is published: page-doc | file-doc
    second_lookalike: float = 0.3          # chance an agency's year has two look-alikes
    broken: float = 0.5                    # chance a column still links a deleted 2018 report
    own_titles: dict[str, int] | None = None  # a sub-site's own reports, when it titles them its own way
    strip_own_name: bool = False           # a sub-site's own look-alikes are titled without its name


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


def pick_lookalikes(rng: random.Random, level: str, weights: dict[str, int], count: int) -> list[str]:
    """``count`` different kinds (by ``weights``) among those an agency of ``level`` publishes."""
    kinds = {k: w for k, w in weights.items() if level in KINDS[k].levels}
    picked: list[str] = []
    while len(picked) < min(count, len(kinds)):
        kind = rng.choices(list(kinds), weights=list(kinds.values()))[0]
        if kind not in picked:
            picked.append(kind)
    return picked


def publish(rng: random.Random, publisher: Publisher, habits: Habits, doc_report: tuple[Agency, str]) -> list[Doc]:
    """Everything ``publisher``'s column lists, in publishing order: for each agency and year a report and
    one or two look-alikes, then perhaps a dead link. ``doc_report`` is (agency, title) of the family's DOC."""
    docs = []
    for agency in publisher.agencies:
        own = agency is publisher.agency and publisher.level != "city"
        titles = habits.own_titles if own and habits.own_titles else habits.titles
        for year in YEARS:
            if (agency, year) == (doc_report[0], DOC_REPORT_YEAR):
                docs.append(report_doc(rng, agency, year, doc_report[1], habits.doc_form))
            else:
                title = rng.choices(list(titles), weights=list(titles.values()))[0].format(
                    agency=agency.name, year=year, cn_year=chinese_year(year))
                form = rng.choices(list(habits.forms), weights=list(habits.forms.values()))[0]
                docs.append(report_doc(rng, agency, year, title, form))
            count = 2 if rng.random() < habits.second_lookalike else 1
            for kind in pick_lookalikes(rng, agency.level, habits.lookalikes, count):
                doc = lookalike_doc(rng, kind, agency, year)
                if own and habits.strip_own_name:
                    doc.title = doc.title.removeprefix(agency.name)
                docs.append(doc)
    if rng.random() < habits.broken:
        agency = publisher.agency
        docs.append(Doc(f"{agency.id}-2018-broken", "broken", f"{agency.name}2018年政府信息公开工作年度报告",
                        datetime(2019, 1, rng.randint(20, 31), 9, 0, tzinfo=CST), agency, 2018))
    return docs

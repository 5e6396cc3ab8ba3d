"""What a crawl covered, for a person to read: the sub-sites it entered, the 年报 columns it found on each,
the reports per agency and year, the agencies whose sub-site was entered but no column found, the hosts whose
robots.txt refused the crawler (and the agencies whose links led there), and traps.

``Subsites`` is the spider's register while it crawls (pickled into the job's state when a crawl is
interrupted, so a resumed crawl reports the whole of it). A sub-site is entered by a link naming an agency; pages
reached from it belong to it, and so do pages under its folder (``/bm/jyj/…``; its entry's path when that
names no file, ``/public/column/2001``) or on its own host, whoever links to them. A folder several sub-sites
were entered in (units told apart by a query only) is none of theirs, nor is the folder of an entry that is one
page among its siblings (``/channels/304.html``, not ``/bm/jyj/index.html``): ezEIP-like platforms keep every unit's
and the portal's columns in one flat folder, and a folder claimed by the first unit entered in it would take the
portal's pages read before a second unit shows it shared (an order the server's speed decides).
The portal itself is sub-site 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

from crawler.steering.frontier import qualified_name

PORTAL = 0
# a folder's own page, which makes an entry the folder's (``/bm/jyj/index.html``)
_FOLDER_PAGE = re.compile(r"(?:index|default|home|main)\.\w{2,5}", re.IGNORECASE)
ROBOTS_REFUSED = "its robots.txt refuses the crawler"
CHALLENGE_REFUSED = "it lets in only browsers that run its anti-bot script"   # crawler.transport.challenge


@dataclass
class SubsiteCoverage:
    name: str
    url: str                                          # where the crawl entered it
    found_via: str                                    # the heading of the block that linked it, "start", …
    columns: list[str] = field(default_factory=list)  # 年报 list pages found on it (first page of each list)
    reports: int = 0                                  # report documents found on it
    # 通知公告 pages listing a report or an announcement of one (关于公布…年度报告的公告): no 年报 column
    notices: list[str] = field(default_factory=list)
    refused: str = ""          # why the crawl could not read it (ROBOTS_REFUSED, CHALLENGE_REFUSED), "" if it could


@dataclass
class AgencyReports:
    agency: str
    years: dict[int, int]                             # year → report documents found


@dataclass
class Coverage:
    subsites: list[SubsiteCoverage] = field(default_factory=list)   # the portal first
    reports: list[AgencyReports] = field(default_factory=list)
    traps: list[dict[str, str]] = field(default_factory=list)       # crawler.steering.traps.Trap.to_dict()
    # host (with its port) → the agencies whose links its robots.txt refused ([] when no agency's link was)
    robots_refused: dict[str, list[str]] = field(default_factory=dict)

    @property
    def without_column(self) -> list[str]:
        """Agencies whose sub-site was entered but where no report column was found, nor notices publishing one
        (a sub-site the crawl could not read is ``refused``, never blamed for its layout)."""
        return [s.name for s in self.subsites[1:] if not s.columns and not s.notices and not s.refused]

    @property
    def refused(self) -> list[SubsiteCoverage]:
        """The sub-sites linked whose pages the crawl could not read (a robots.txt refusing it, an anti-bot
        challenge it cannot pass), with the reason."""
        return [s for s in self.subsites[1:] if s.refused]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Coverage:
        return cls([SubsiteCoverage(**s) for s in data.get("subsites", [])],
                   [AgencyReports(r["agency"], {int(y): n for y, n in r["years"].items()})
                    for r in data.get("reports", [])],
                   list(data.get("traps", [])), {h: list(n) for h, n in data.get("robots_refused", {}).items()})


class Subsites:
    """The sub-sites entered so far, and which one a page belongs to."""

    def __init__(self, portal_name: str, start_url: str):
        self._found = [SubsiteCoverage(portal_name, start_url, "start")]
        self._roots: dict[str, int] = {}
        self._shared: set[str] = set()   # folders of several sub-sites: none of theirs
        self._by_url: dict[str, int] = {start_url: PORTAL}
        self._portal_hosts = {urlsplit(start_url).netloc}
        self._reports: dict[str, dict[int, set[str]]] = {}
        self._refused: dict[str, list[str]] = {}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({"_refused": {}, **state})   # a register pickled before robots_refused was kept
        for found in self._found:
            found.__dict__.setdefault("notices", [])       # … or before notices pages were

    def enter(self, name: str, url: str, found_via: str) -> int:
        """Register the sub-site an agency link leads to (once per URL); returns its number."""
        if url in self._by_url:
            return self._by_url[url]
        number = len(self._found)
        self._found.append(SubsiteCoverage(name, url, found_via or "link"))
        self._by_url[url] = number
        root = _root(url)
        if root in self._roots:
            # Units told apart only by a query (dept.jsp?unitId=12): their pages belong to whoever links them.
            del self._roots[root]
            self._shared.add(root)
        elif root not in self._shared and not self._is_portal_root(root) and _claims_folder(url):
            self._roots[root] = number
        return number

    def locate(self, url: str, inherited: int) -> int:
        """The sub-site a page belongs to: the one whose folder or host it lies in, else the linking page's."""
        best = max((root for root in self._roots if _under(url, root)), key=len, default=None)
        return self._roots[best] if best is not None else inherited

    def name(self, number: int) -> str:
        return self._found[number].name

    def names(self) -> set[str]:
        """The agencies of the sub-sites entered so far."""
        return {found.name for found in self._found}

    def entry(self, number: int) -> str:
        """Where the crawl entered the sub-site."""
        return self._found[number].url

    def rename(self, number: int, name: str) -> None:
        """A page of the sub-site gave its agency's full name."""
        self._found[number].name = name

    def column_found(self, number: int, url: str) -> None:
        columns = self._found[number].columns
        if url not in columns:
            columns.append(url)

    def notices_found(self, number: int, url: str) -> None:
        notices = self._found[number].notices
        if url not in notices:
            notices.append(url)

    def has_column(self, number: int, trapped: Callable[[str], bool] = lambda url: False) -> bool:
        """A 年报 column (not trapped) was found on the sub-site, or on another entry of its agency: a big portal
        links a unit's home (部门网站) and its 信息公开 page (部门信息公开) apart, each entered as a sub-site, and
        the news of the one need no exploring once the other gave the agency's column."""
        name = self._found[number].name
        return any(not trapped(url) for found in self._found if found is self._found[number] or found.name == name
                   for url in found.columns)

    def report_found(self, number: int, agency: str | None, year: int | None, url: str) -> None:
        self._found[number].reports += 1
        self._reports.setdefault(agency or self.name(number), {}).setdefault(year or 0, set()).add(url)

    def robots_refused(self, url: str, agency: str | None, found_via: str = "", linked_under: int = 0) -> None:
        """The host of ``url`` refused it by its robots.txt; ``agency`` the name of the link that led there (on a
        page of sub-site ``linked_under``: a name of its level alone, 市卫生健康委员会, takes that sub-site's
        place, the agency's own page never being read for its full name), entering its sub-site (found via
        ``found_via``) as one the crawl could not read."""
        agency = agency and qualified_name(agency, self.name(linked_under))
        agencies = self._refused.setdefault(urlsplit(url).netloc, [])
        if agency and agency not in agencies:
            agencies.append(agency)
        if agency:
            self._found[self.enter(agency, url, found_via)].refused = ROBOTS_REFUSED

    def challenged(self, url: str, enter: tuple[str, str] | None, subsite: int) -> None:
        """A page of a sub-site answered an anti-bot challenge the crawl cannot pass: the sub-site entered there
        (``enter``: the agency's link name and where it was found), or ``subsite`` while no column of it was read,
        is one the crawl could not read. A sub-site already read is not: one page's gate says nothing of it. The
        agency's own page unread, a name of its level alone takes the place of the sub-site that linked it, as for
        ``robots_refused``."""
        agency = enter[0] and qualified_name(enter[0], self.name(subsite)) if enter else None
        number = self.enter(agency, url, enter[1]) if enter and agency else subsite
        if number != PORTAL and not self._found[number].columns:
            self._found[number].refused = CHALLENGE_REFUSED

    def coverage(self, traps: list[dict[str, str]], trapped: Callable[[str], bool]) -> Coverage:
        """The coverage so far; lists that turned out to be traps are not counted as columns."""
        reports = [AgencyReports(agency, {year: len(urls) for year, urls in sorted(years.items())})
                   for agency, years in sorted(self._reports.items())]
        subsites = [SubsiteCoverage(**{**asdict(s), "columns": [c for c in s.columns if not trapped(c)],
                                       "notices": [n for n in s.notices if not trapped(n)]}) for s in self._found]
        return Coverage(subsites, reports, traps, {host: list(names) for host, names in self._refused.items()})

    def _is_portal_root(self, root: str) -> bool:
        parts = urlsplit(root)
        return parts.netloc in self._portal_hosts and parts.path in ("", "/")


def _root(url: str) -> str:
    """The folder a sub-site's pages live under: its entry page's folder (the host, for a site of its own), or
    the entry's path itself when it names no file. Platforms that keep every unit in one folder tell them apart
    by the last segment (``/public/column/2001?type=4``, ``/bm/jyj``): that folder is none of theirs."""
    parts = urlsplit(url)
    folder, last = parts.path.rsplit("/", 1) if "/" in parts.path else ("", parts.path)
    path = parts.path if last and "." not in last else folder + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


def _claims_folder(url: str) -> bool:
    """The entry names no file or its folder's own page, or lies at its host's root (a site of its own)."""
    folder, last = urlsplit(url).path.rpartition("/")[::2]
    return not folder or "." not in last or bool(_FOLDER_PAGE.fullmatch(last))


def _under(url: str, root: str) -> bool:
    """The URL is the root or lies under it (``/public/column/2001`` holds ``…/2001?catId=9``, not ``…/20011``)."""
    return url.startswith(root) and (root.endswith("/") or url[len(root):len(root) + 1] in ("", "/", "?", "#"))

"""Crawl traps: calendars and link farms that would keep a crawl busy for hours, and the fake reports they list.

Pages are grouped by URL pattern (the URL with its numbers blanked: ``/cal/2024-03.html`` and
``/cal/2024-04.html`` are one pattern). The signs of a trap, each a threshold below:

- depth in one pattern: a page reached from a page of the same pattern, reached from one of the same pattern
  … more than ``MAX_CHAIN`` times in a row (a calendar's next month, a farm's 下一页 without end). Pager pages a
  TRS or Hanweb script lists are all one step from the first page, however long the column. A chain whose pages
  past ``SUSPECT_CHAIN`` list no new report (an endless 下一页 or 加载更多 behind a genuine column) is cut there:
  what its first pages list stands, as a genuine list reaches that deep; one that still lists new reports that
  deep (a farm) is a trap of its whole pattern: nothing its pages list stands, from the chain's first page on,
  nor what the list's other pages list at addresses of a pattern the chain's reports have (``chain_trapped``);
- repetition: more than ``MAX_BARREN`` pages of one pattern without a single report link (a calendar's days;
  navigation asks no more than ``MAX_BARREN`` + 1 of a pattern before one of them lists a report: ``ask``),
  or more than ``MAX_LISTS`` list pages of one pattern reached by navigation in one sub-site (a farm of
  "columns"; a real sub-site has a few report columns, not dozens);
- too many report-looking links on one page: more than ``MAX_NEW_REPORTS`` new ones, or one agency's report of
  one year under more than ``MAX_SAME_REPORT`` URLs (an agency publishes one report a year);
- a calendar: a page linking views of itself by day (``?date=2024-03-05``) ``CALENDAR_DAYS`` times or more;
- a page of a list listing what one of the ``REPEAT_WINDOW`` pages that led to it listed, its pager's links aside
  (``listing_sign``): a static pager answering its last page again under every later number (``index_3.html``,
  ``index_4.html`` … without end), or its last two pages in turn (a cycle: page 4 listing page 2's, page 5 page 3's).
  The list ends at that page, the repetition reported (``observe_repeat``); nothing is dropped, as the page lists
  nothing its list had not listed before. Page 1 under another of its addresses listing what the list's first page
  listed (``index_1.html`` beside ``index.html``) is that page again, no repetition (the spider tells);
- a count that grows as it is read: the answers of one list (a JSON API's pages) claiming more than
  ``MAX_COUNT_RISES`` different numbers of pages above the first answer's (a 广东 gkmlpt catalog claiming a page
  more on every page). Only the first answer's count is followed, so such a list is bounded anyway; it is
  reported, and what its answers claiming more listed is not yielded (unless they share the first's address: a
  POSTed API's pages, which cannot be told from its first).

A trap is reported in the crawl summary. Its pattern's requests still queued are dropped, and the documents
listed on its pages are never yielded: documents listed on *suspect* pages (deep in a chain, or in a pattern
with many lists) are held back until the crawl runs dry, and released only if no trap was found by then. A
pattern of pages condemns only itself, never the list that led there (``Trap.whole_list``): what a column's
page of another pattern lists (its first page, which the site's navigation links, before a 加载更多 whose
addresses turned endless) was listed before the trap's evidence began, and stands, unless its address is of a
pattern the trapped chain's reports have (a farm's first page listing its first fakes, ``/hb/1_3.html`` before the
chain's ``/hb/2_3.html``): a column's own reports are not where its farm's are. A trap shown by one page (too
many report links on it) condemns its whole list, as does a farm of lists, or a chain whose reports have more
than ``MAX_LISTED_PATTERNS`` patterns (its first page cannot be told from it).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlsplit

MAX_CHAIN = 60
REPEAT_WINDOW = 2   # the pages before a list's page its listing is compared with: a cycle of two pages ends too
SUSPECT_CHAIN = 3
MAX_BARREN = 100
MAX_LISTS = 40
SUSPECT_LISTS = 2
MAX_NEW_REPORTS = 500
MAX_SAME_REPORT = 5
CALENDAR_DAYS = 7   # views of one page by day that make it a calendar
MAX_COUNT_RISES = 1   # counts above the first's one list's answers may claim: a report published meanwhile adds one
MAX_LISTED_PATTERNS = 20   # URL patterns of reports kept per pattern of pages: a list's reports have a few

_NUMBER = re.compile(r"\d+")
_DAY = re.compile(r"^(?:19|20)\d{2}[-/.]?(?:0?[1-9]|1[0-2])[-/.]?(?:0?[1-9]|[12]\d|3[01])$")
_HEX_ID = re.compile(r"(?<![0-9a-z])[0-9a-f]{8,}(?![0-9a-z])", re.IGNORECASE)
# a query value of hexadecimal digits holding a digit is a number too, however short (a session id ``sid=1eef``)
_HEX_VALUE = re.compile(r"(?=[a-f]*\d)[0-9a-f]+", re.IGNORECASE)


def url_pattern(url: str) -> str:
    """The URL with its numbers, hexadecimal ids and hexadecimal query values blanked, query keys sorted: one
    pattern per kind of page."""
    parts = urlsplit(url)
    path = _NUMBER.sub("#", _HEX_ID.sub("#", parts.path))
    query = "&".join(f"{k}={'#' if _HEX_VALUE.fullmatch(v) else _NUMBER.sub('#', v)}"
                     for k, v in sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{parts.hostname}{path}?{query}"


def listed_before(signs: Sequence[str], sign: str) -> list[str]:
    """The listings a list's next page compares its own with: this page's ``sign`` and those of the pages before it
    (``signs``, the latest first), ``REPEAT_WINDOW`` at most, each once (page 1 read again under another address
    lists what it listed)."""
    return [sign, *(before for before in signs if before != sign)][:REPEAT_WINDOW]


def listing_sign(link_urls: Iterable[str]) -> str | None:
    """What a page lists, as a digest of the addresses of its links (a page's ``MAX_PAGE_LINKS`` at most: bounded
    work); None for a page linking nothing."""
    urls = sorted(set(link_urls))
    return hashlib.sha1("\n".join(urls).encode("utf-8")).hexdigest() if urls else None


@dataclass
class ListCounts:
    """The pages the answers of one list claimed: the first's count (the one followed) and the counts above it;
    the addresses of the answers claiming no more than the first, and of those claiming more; the trap it made."""
    first: int | None = None
    rises: set[int] = field(default_factory=set)
    steady: set[str] = field(default_factory=set)
    grown: set[str] = field(default_factory=set)
    trap: Trap | None = None


@dataclass(frozen=True)
class Trap:
    pattern: str
    reason: str
    url: str             # the page where it was recognised
    # the list that led there is a trap from its first page on; not so for a pattern of pages (an endless chain,
    # pages without a report): what the list's pages of other patterns list stands
    whole_list: bool = True
    # documents its lists held back for their end (crawler.steering.holding): fetched, listed before the trap (a cut
    # chain's first pages, the list's pages of another pattern), or dropped
    held_fetched: int = 0
    held_dropped: int = 0

    def to_dict(self) -> dict[str, str]:
        held = [f"{n} documents its lists held {done}" for n, done in
                ((self.held_fetched, "fetched, listed before the trap"), (self.held_dropped, "dropped unfetched")) if n]
        return {"pattern": self.pattern, "reason": "; ".join([self.reason, *held]), "url": self.url}


class TrapWatch:
    """What the crawl has seen of each URL pattern, and the traps recognised so far."""

    def __init__(self) -> None:
        self.traps: list[Trap] = []
        self._trapped_patterns: set[str] = set()
        self._trapped_pages: set[str] = set()
        self._pages: Counter[str] = Counter()
        self._asked: Counter[str] = Counter()             # pages asked by navigation
        self._productive: Counter[str] = Counter()
        self._deep_productive: Counter[str] = Counter()   # pages past SUSPECT_CHAIN in a chain with new reports
        self._cut_patterns: set[str] = set()              # chains trapped past SUSPECT_CHAIN only
        self._lists: Counter[tuple[int, str]] = Counter()
        self._counts: dict[str, ListCounts] = {}           # list id → the page counts its answers claimed
        self._listed: dict[str, set[str]] = {}            # pattern of pages → URL patterns of the reports they list
        self._farm_listed: dict[str, set[str]] = {}       # list id → URL patterns of its trapped chain's reports
        self._repeats: dict[str, Trap] = {}                # pattern → its repeated page's report (observe_repeat)

    def __setstate__(self, state: dict) -> None:
        # a crawl paused (JOBDIR) before cut chains or counted lists existed resumes with none
        self.__dict__.update({"_deep_productive": Counter(), "_cut_patterns": set(), "_counts": {}, "_asked": Counter(),
                              "_listed": {}, "_farm_listed": {}, "_repeats": {}, **state})

    @staticmethod
    def chain(parent_url: str | None, parent_chain: int, url: str) -> int:
        """How many pages of the same pattern lead to ``url`` one from another."""
        return parent_chain + 1 if parent_url and url_pattern(parent_url) == url_pattern(url) else 0

    def observe(self, url: str, chain: int, report_keys: list[tuple[str | None, int | None, str]],
                listed_by_navigation: bool, subsite: int) -> Trap | None:
        """Account for a page read; the trap it reveals, if any.

        ``report_keys`` are (agency, year, url) of the report-looking links on the page not seen before.
        """
        pattern = url_pattern(url)
        self._pages[pattern] += 1
        if report_keys:
            self._productive[pattern] += 1
            self._deep_productive[pattern] += chain > SUSPECT_CHAIN
            self._note_listed(pattern, [link for _, _, link in report_keys])
            if listed_by_navigation:
                self._lists[subsite, pattern] += 1
        if chain > MAX_CHAIN and not self._deep_productive[pattern]:
            return self._trap(pattern, url, f"{chain} pages in a row in one URL pattern without a new report past "
                                            f"page {SUSPECT_CHAIN + 1} (endless pager): cut there", whole_list=False,
                              cut=True)
        if chain > MAX_CHAIN:
            return self._trap(pattern, url, f"{chain} pages in a row in one URL pattern (calendar or endless pager)",
                              whole_list=False)
        if self._pages[pattern] > MAX_BARREN and not self._productive[pattern]:
            return self._trap(pattern, url, f"{self._pages[pattern]} pages of one URL pattern without a report link",
                              whole_list=False)
        if self._lists[subsite, pattern] > MAX_LISTS:
            return self._trap(pattern, url, f"{self._lists[subsite, pattern]} report lists of one URL pattern in one "
                                            "sub-site (link farm)")
        if len(report_keys) > MAX_NEW_REPORTS:
            return self._trap_page(url, f"{len(report_keys)} new report links on one page (link farm)")
        same = Counter((agency, year) for agency, year, _ in report_keys if agency and year)
        if same and max(same.values()) > MAX_SAME_REPORT:
            (agency, year), count = same.most_common(1)[0]
            return self._trap_page(url, f"{count} links to {agency}'s {year} report on one page (link farm)")
        return None

    def observe_repeat(self, url: str) -> Trap:
        """A page of a list listing what the page that led to it listed (``listing_sign``): an endless pager whose
        later numbers answer its last page again. Reported once a pattern, unless a trap of the whole pattern is found
        (which replaces it); its pattern is not trapped, as another list's pages may share it and this page lists
        nothing new."""
        pattern = url_pattern(url)
        known = next((trap for trap in self.traps if trap.pattern == pattern), None)
        if known is not None:
            return known
        trap = Trap(pattern, "a page listing what a page before it listed (endless pager repeating its last "
                             "pages): the list ends there", url, whole_list=False)
        self._repeats[pattern] = trap
        self.traps.append(trap)
        return trap

    def observe_views(self, url: str, views: list[str]) -> Trap | None:
        """A page linking itself by day (``?date=2024-03-05``) more than ``CALENDAR_DAYS`` times is a calendar:
        its day views are a trap, reported and never requested (filters by year or sort order are not days)."""
        page = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
        days: Counter[str] = Counter()
        for view in views:
            changed = {k: v for k, v in parse_qsl(urlsplit(view).query, keep_blank_values=True) if page.get(k) != v}
            if changed and all(_DAY.match(v) for v in changed.values()):
                days[url_pattern(view)] += 1
        if not days:
            return None
        pattern, count = days.most_common(1)[0]
        if count < CALENDAR_DAYS:
            return None
        return self._trap(pattern, url, f"{count} views of one page by day (calendar)")

    def observe_count(self, list_id: str, url: str, pages: int, followed: bool) -> Trap | None:
        """Account for the ``pages`` an answer of a list claims by its count (itself included; ``followed``: the
        answer whose count named the list's other pages); the trap it reveals, if any."""
        counts = self._counts.setdefault(list_id, ListCounts())
        if followed:
            counts.first = pages
        if counts.first is None or pages <= counts.first:
            counts.steady.add(url)
            return None
        counts.rises.add(pages)
        counts.grown.add(url)
        if len(counts.rises) <= MAX_COUNT_RISES:
            return None
        # an answer at the first's address (a POSTed API's pages) cannot be told from it: what it listed stands
        self._trapped_pages.update(counts.grown - counts.steady)
        if counts.trap is None:
            counts.trap = Trap(url_pattern(url), f"answers of one list claiming {counts.first}, then "
                                                 f"{', '.join(map(str, sorted(counts.rises)))} pages (a count growing "
                                                 "as it is read)", url, whole_list=False)
            self.traps.append(counts.trap)
            return counts.trap
        return None

    def ask(self, url: str) -> bool:
        """Account for a page navigation asks; whether it waits for its pattern's verdict: more than
        ``MAX_BARREN`` + 1 pages of the pattern asked and none read listing a report yet. Those are the pages the
        barren trap is seen at; one asked before they are read would be fetched when the trap is about to refuse
        it (Scrapy downloads what it was handed, up to CONCURRENT_REQUESTS, and more while the spider is behind)."""
        pattern = url_pattern(url)
        self._asked[pattern] += 1
        return self._asked[pattern] > MAX_BARREN + 1 and not self._productive[pattern]

    def suspect(self, url: str, chain: int, subsite: int) -> bool:
        """Documents listed on this page wait until the crawl runs dry (a trap may yet show)."""
        return chain > SUSPECT_CHAIN or self._lists[subsite, url_pattern(url)] > SUSPECT_LISTS

    def trapped(self, url: str | None, chain: int = 0) -> bool:
        """Whether a page, or what it lists, is a trap's; ``chain`` its depth (or the depth of the page listing
        it) in a chain of one pattern: a cut chain keeps its first ``SUSPECT_CHAIN`` + 1 pages."""
        if url is None:
            return False
        pattern = url_pattern(url)
        return url in self._trapped_pages or (pattern in self._trapped_patterns and (
            pattern not in self._cut_patterns or chain > SUSPECT_CHAIN))

    def drops_listed(self, meta: dict, url: str | None = None) -> bool:
        """Whether a document (its request's meta, its ``url``) was listed on a trap's page, by a list that is a
        trap, or by a list whose trapped chain lists reports of its address's pattern."""
        chain = meta.get("chain", 0)
        link = meta.get("hash_route") or url   # a hash route is asked of a detail API: its link is what was listed
        return self.trapped(meta.get("listing_url"), chain) or self.trapped(meta.get("list_of"), chain) or (
            link is not None and url_pattern(link) in self._farm_listed.get(meta.get("list_of"), ()))

    def chain_trapped(self, list_id: str, trap: Trap) -> None:
        """A chain of the list's pages is ``trap`` (of its pattern, not its whole list): the documents its other
        pages list at addresses of a pattern the chain's reports have are the farm's too (its first page lists its
        first fakes); a chain cut where it stopped listing new reports condemns none of them, one whose reports
        have more than ``MAX_LISTED_PATTERNS`` patterns all of them."""
        if trap.pattern in self._cut_patterns:
            return
        listed = self._listed.get(trap.pattern, set())
        if len(listed) > MAX_LISTED_PATTERNS:
            self.trap_list(list_id)
        elif listed:
            self._farm_listed.setdefault(list_id, set()).update(listed)

    def held(self, trap: Trap, fetched: int, dropped: int) -> None:
        """Counts in the trap's record the documents its list held back for its end: ``fetched`` (listed before
        the trap: the first pages of a chain cut there, the list's pages of another pattern) and ``dropped``
        unfetched (listed by the trap's pages)."""
        at = next((i for i, t in enumerate(self.traps) if t.pattern == trap.pattern), None)
        if (fetched or dropped) and at is not None:
            known = self.traps[at]
            self.traps[at] = replace(known, held_fetched=known.held_fetched + fetched,
                                     held_dropped=known.held_dropped + dropped)

    def trap_list(self, list_id: str) -> None:
        """A list whose later page is a trap is a trap from its first page on."""
        self._trapped_pages.add(list_id)

    def _note_listed(self, pattern: str, links: list[str]) -> None:
        """Keeps the URL patterns of the reports a pattern of pages lists, up to one past MAX_LISTED_PATTERNS."""
        listed = self._listed.setdefault(pattern, set())
        for link in links:
            if len(listed) > MAX_LISTED_PATTERNS:
                return
            listed.add(url_pattern(link))

    def _trap(self, pattern: str, url: str, reason: str, whole_list: bool = True, cut: bool = False) -> Trap:
        trap = Trap(pattern, reason, url, whole_list)
        if not cut:
            self._cut_patterns.discard(pattern)   # a trap of the whole pattern outweighs a cut chain
        elif pattern not in self._trapped_patterns:
            self._cut_patterns.add(pattern)
        if pattern not in self._trapped_patterns:
            self._trapped_patterns.add(pattern)
            if (repeat := self._repeats.pop(pattern, None)) is not None:
                self.traps.remove(repeat)   # the trap of its whole pattern is the one to report
            self.traps.append(trap)
        return trap

    def _trap_page(self, url: str, reason: str) -> Trap:
        trap = Trap(url_pattern(url), reason, url)
        self._trapped_pages.add(url)
        self.traps.append(trap)
        return trap

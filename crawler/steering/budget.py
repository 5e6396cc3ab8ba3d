"""Whether a queued request is still worth its fetch when its turn comes (``FrontierMiddleware`` asks).

The spider decides what to queue from what it knew when it read the linking page; by the time a request's
turn comes the crawl may know more:

- its URL pattern was recognised as a trap, or it is a document listed on a trapped page: dropped;
- it explores (``Step.EXPLORE``/``Step.AVOID``) a sub-site whose report column has been found since: dropped, but
  for what leads to other agencies' sites, whether it or the column came first: the answer a page's script draws
  its links from (a platform's tree of departments), the rest of a page read; a link entering an agency's
  sub-site (``enter``), whose reports the linking site's column does not list;
- it explores beyond the sub-site's exploration budget (``explore_pages`` per sub-site): dropped.
  Dropped so (``SUBSITE_DONE``), a page is asked again for another sub-site that linked it, before or after.
- it leads below a town, to its villages or residents' committees (``crawler.steering.frontier.names_villages``):
  dropped, and counted, so a crawl says what it left out.
- it is the mobile copy of a page read, which named it so (``crawler.hosts.mobilecopy``): dropped, and counted.
- its host answered an anti-bot challenge the crawl cannot pass (``crawler.transport.challenge``) and no page of it was
  read: every further address of the host (its /sitemap.xml, links queued before the answer) would answer the same gate.

A picture of a report page's tables is never refused: the page's item waits for it. Nothing else is refused
here: site-wide limits (pages, time, bytes) are Scrapy's close-spider settings and
``crawler.extensions.ByteBudget``.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request

from crawler.coverage import Subsites
from crawler.steering.frontier import Step
from crawler.steering.traps import TrapWatch

EXPLORING = (Step.EXPLORE.value, Step.AVOID.value)
# refusals of a way for the sub-site whose page linked it: another sub-site's link may still want it
SUBSITE_DONE = ("explore_column_found", "explore_budget_spent")


class FrontierSkip(IgnoreRequest):
    """A request the frontier no longer wants; counted in the stats, not reported as a failure."""


class Budget:
    def __init__(self, subsites: Subsites, traps: TrapWatch, explore_pages: int):
        self.subsites = subsites
        self.traps = traps
        self.explore_pages = explore_pages
        self.explored: Counter[int] = Counter()
        self.fetched: set[str] = set()
        self.challenged: set[str] = set()   # hosts (with their port) that answered only challenges so far
        self.copies: set[str] = set()       # mobile copies pages named (crawler.hosts.mobilecopy): never fetched
        self._read_hosts: set[str] = set()  # hosts that answered a page: a later challenge is one page's gate

    def host_read(self, url: str) -> None:
        """A page of the host of ``url`` was read: its gate, if any, lets the crawl in."""
        host = urlsplit(url).netloc
        self._read_hosts.add(host)
        self.challenged.discard(host)

    def has_read(self, url: str) -> bool:
        """A page of the host of ``url`` was read."""
        return urlsplit(url).netloc in self._read_hosts

    def host_challenged(self, url: str) -> None:
        """The host of ``url`` answered a challenge the crawl cannot pass; unless it answered a page before, it is
        asked nothing more."""
        host = urlsplit(url).netloc
        if host not in self._read_hosts:
            self.challenged.add(host)

    def fetched_before(self, request: Request) -> bool:
        """A URL already admitted once (an upgraded request re-queued past Scrapy's duplicate filter)."""
        if request.url in self.fetched:
            return True
        self.fetched.add(request.url)
        return False

    def refusal(self, request: Request) -> str | None:
        """Why the request is no longer worth fetching (a short stats key), or None."""
        meta = request.meta
        if meta.get("role") in ("picture", "continuation"):
            return None   # a report page's item waits for it, whatever was fetched before
        if meta.get("gxmon_render"):
            return None   # a page read as it was fetched, read again rendered
        if request.url in self.copies:
            return "mobile_copy"   # a page read named it its mobile copy
        if urlsplit(request.url).netloc in self.challenged:
            return "challenged"   # the host answers only its anti-bot gate (crawler.transport.challenge)
        if meta.get("villages"):
            return "villages"   # below a town: no organ under the 条例, no report (frontier.names_villages)
        if self.traps.trapped(request.url, meta.get("chain", 0)) or (
                meta.get("role") == "document" and self.traps.drops_listed(meta, request.url)):
            return "trap"
        exploring = meta.get("step") in EXPLORING
        if exploring and (reason := self.exploring_refusal(meta)):
            return reason   # before the duplicate check: dropped so, it may be asked for another sub-site
        # A retry is the same fetch asked again: refused as a duplicate, its failure would never be named.
        if request.dont_filter and not meta.get("retry_times") and self.fetched_before(request):
            return "duplicate"
        if exploring:
            self.explored[meta.get("subsite", 0)] += 1
        return None

    def exploring_refusal(self, meta: dict) -> str | None:
        """Why a request exploring with ``meta`` would be dropped now (its sub-site done with), or None."""
        subsite = meta.get("subsite", 0)
        if self.subsites.has_column(subsite, self.traps.trapped) and not meta.get("catalogue") \
                and "enter" not in meta:
            return "explore_column_found"
        if self.explored[subsite] >= self.explore_pages:
            return "explore_budget_spent"
        return None

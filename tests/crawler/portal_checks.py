"""What every crawl of a frozen portal must give, whatever its families: each ``test_crawl_portal*`` module
makes its ``crawl`` fixture with ``crawl_of`` and imports these tests, which pytest runs there on that crawl."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.crawler.helpers import portal_crawl


def crawl_of(make_portal: Callable, site_id: str, name: str, resolver: str | None = None, more: dict | None = None):
    """A module's fixture: the portal served, crawled from its home page once (its host names resolved by
    ``resolver``, with ``more`` settings), as (portal, summary, items)."""
    @pytest.fixture(scope="module")
    def crawl(tmp_path_factory):
        portal = make_portal()
        try:
            summary, items = portal_crawl(site_id, name, portal.base, tmp_path_factory.mktemp(site_id), resolver,
                                          more)
            yield portal, summary, items
        finally:
            portal.close()
    return crawl


def test_every_report_is_found(crawl):
    portal, _, items = crawl
    assert sorted(set(portal.expected) - {i["final_url"] for i in items}) == []


def test_nothing_but_reports_is_yielded(crawl):
    # a report republished under a second address (``republished``, where a portal has some) is a report too
    portal, _, items = crawl
    reports = {*portal.expected, *getattr(portal, "republished", ())}
    assert [i["final_url"] for i in items if i["final_url"] not in reports] == []


def test_the_crawl_ends_by_itself(crawl):
    assert crawl[1].finish_reason == "finished"


def test_pages_fetched_per_report_stay_low(crawl):
    portal, summary, _ = crawl
    assert summary.pages_fetched / len(portal.expected) <= 8


def found_under(crawl, base: str) -> list[str]:
    """The portal's reports under ``base`` that the crawl yielded."""
    portal, _, items = crawl
    return sorted(u for u in portal.expected if u.startswith(base) and u in {i["final_url"] for i in items})


def expected_under(crawl, base: str) -> list[str]:
    """The portal's reports under ``base``."""
    return sorted(u for u in crawl[0].expected if u.startswith(base))


def missed_of(crawl, agency: str) -> list[str]:
    """The portal's reports of ``agency`` that the crawl did not yield with their year and agency."""
    portal, _, items = crawl
    found = {(i["final_url"], i["year"], i["agency"]) for i in items}
    return sorted(u for u, (a, y) in portal.expected.items() if a == agency and (u, y, a) not in found)

"""A crawl of a twenty-fifth portal under host names (tests/crawler/portal_y.py): lists whose links call functions kept
in the site's own script files (``goUrl(id)``, ``openArticle(id, type)``, a ``goPage(n)`` pager, clickable table
rows), a list paged by a form POST, another by posting its form to the action its pager writes, year tabs naming
their JSON lists in ``data-src`` read by a script file, links opening a sized window (``javascript:openWin('…')``),
decoys, over real HTTP from the www home page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_y import CITY, COUNTY, PortalY

crawl = crawl_of(PortalY, "beiyan", CITY, "tests.crawler.portal_y.HostsResolver")


@pytest.mark.parametrize("agency", [CITY, "北岩市发展和改革委员会", "北岩市教育局", "北岩市卫生健康委员会", "北岩市民政局",
                                    "北岩市财政局", "北岩市审计局", "北岩市人力资源和社会保障局",
                                    "北岩市住房和城乡建设局", "北岩市交通运输局", "北岩市水务局",
                                    COUNTY])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


def test_a_pager_writing_its_forms_action_has_its_later_pages_posted_not_got(crawl):
    assert sorted(t for t in crawl[0].jtj.log if "startrow" in t) == [
        "POST /jtgk/ndbg/index.jsp?startrow=4", "POST /jtgk/ndbg/index.jsp?startrow=7"]


def test_a_pager_writing_its_get_forms_action_has_its_later_pages_got_with_the_forms_fields(crawl):
    assert sorted(t for t in crawl[0].swj.log if "list_" in t and "list_1" not in t) == [
        "/xxgk/ndbg/list_2.html?channelId=2231", "/xxgk/ndbg/list_3.html?channelId=2231"]

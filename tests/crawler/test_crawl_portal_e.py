"""A crawl of a fifth portal built of single-page applications (tests/crawler/portal_e.py), over real HTTP,
from its home page alone: every report found and nothing else."""

from __future__ import annotations

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_e import PortalE


crawl = crawl_of(PortalE, "dongling", "东陵市人民政府")


def test_a_webpack_bundles_list_is_read_to_its_end(crawl):
    assert found_under(crawl, crawl[0].base + "/xxgk/") == expected_under(crawl, crawl[0].base + "/xxgk/")


def test_a_vite_bundles_list_is_read(crawl):
    assert found_under(crawl, crawl[0].base + "/jyj/") == expected_under(crawl, crawl[0].base + "/jyj/")


def test_a_whole_query_object_is_posted(crawl):
    assert found_under(crawl, crawl[0].base + "/mzj/") == expected_under(crawl, crawl[0].base + "/mzj/")


def test_shorthand_keys_are_sent(crawl):
    assert found_under(crawl, crawl[0].base + "/wjw/") == expected_under(crawl, crawl[0].base + "/wjw/")


def test_a_load_more_button_naming_no_last_page_is_read_to_its_end(crawl):
    assert found_under(crawl, crawl[0].base + "/jtj/") == expected_under(crawl, crawl[0].base + "/jtj/")
    assert "/jtj/xxgk/ndbg/list_5.html" not in crawl[0].main.log   # the empty fragment ended the list


def test_only_the_shells_own_bundles_are_fetched(crawl):
    """The vendor chunk (Vue, axios) holds no list: it is not fetched."""
    log = crawl[0].main.log
    assert not [t for t in log if "vendor" in t]
    assert sorted(t for t in log if t.endswith(".js")) == ["/jyj/xxgk/nb/assets/index.7c9d2e4f.js",
                                                           "/xxgk/ndbg/static/js/app.3f2a1c9e.js"]


def test_a_hash_routes_report_is_read_from_its_detail_api(crawl):
    """The items' addresses are routes after # (never asked of the server): each report is the detail API's
    JSON answer for the item's id, its address in the app kept as the item's url."""
    portal, _, items = crawl
    assert found_under(crawl, portal.base + "/zjj/") == expected_under(crawl, portal.base + "/zjj/")
    housing = sorted((i["url"], i["final_url"], i["agency"], i["year"], i["published_at"]) for i in items
                     if "/zjj/" in i["final_url"])
    assert housing == [(f"{portal.base}/zjj/xxgk/nb.html#/detail/{3100 + k}", f"{portal.base}/zjj/api/info/detail?id="
                        f"{3100 + k}", "东陵市住房和城乡建设局", year, f"{year + 1}-01-2{k}")
                       for k, year in enumerate(range(2023, 2020, -1))]
    assert "/zjj/api/info/detail?id=3199" not in portal.main.log   # the 部门决算 is not asked for

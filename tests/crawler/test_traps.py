"""Crawl traps recognised from what pages show (crawler.steering.traps), and documents held for their list
(crawler.steering.holding)."""

from __future__ import annotations

import pickle

from scrapy import Request

from crawler.steering.holding import HeldDocuments
from crawler.steering.traps import (MAX_BARREN, MAX_CHAIN, MAX_LISTED_PATTERNS, MAX_LISTS, MAX_SAME_REPORT,
                                    SUSPECT_CHAIN, Trap, TrapWatch, listing_sign, url_pattern)

CAL = "http://www.nanhu.gov.cn/rl/?date=2024-03-05"


def test_a_pattern_blanks_numbers():
    assert url_pattern("http://a.gov.cn/rl/2024/03/?date=2024-03-05") == "a.gov.cn/rl/#/#/?date=#-#-#"


def test_a_pattern_blanks_short_hexadecimal_query_values():
    """A session id in the query (sid=1eef, sid=3dde) is a number: pages of one pager are one pattern."""
    assert url_pattern("http://a.gov.cn/nb/?page=2&sid=1eef") == url_pattern("http://a.gov.cn/nb/?page=3&sid=3dde") \
        == "a.gov.cn/nb/?page=#&sid=#"
    assert url_pattern("http://a.gov.cn/nb/?cat=face&sort=desc") == "a.gov.cn/nb/?cat=face&sort=desc"


def test_a_pattern_blanks_hashed_ids():
    assert url_pattern("http://a.gov.cn/show/8f14e45fceea167a5a36dedd4bea2543.shtml") == "a.gov.cn/show/#.shtml?"


def test_a_pattern_sorts_query_keys():
    assert url_pattern("http://a.gov.cn/l.php?page=2&cid=7") == url_pattern("http://a.gov.cn/l.php?cid=9&page=3")


def test_the_chain_grows_within_one_pattern():
    assert TrapWatch.chain(CAL, 4, "http://www.nanhu.gov.cn/rl/?date=2024-03-06") == 5


def test_the_chain_restarts_in_another_pattern():
    assert TrapWatch.chain(CAL, 4, "http://www.nanhu.gov.cn/zwgk/") == 0


def test_a_long_chain_in_one_pattern_is_a_trap():
    assert TrapWatch().observe(CAL, MAX_CHAIN + 1, [], True, 0) is not None


def test_a_chain_within_the_limit_is_not():
    assert TrapWatch().observe(CAL, MAX_CHAIN, [], True, 0) is None


def test_many_pages_of_one_pattern_without_a_report_are_a_trap():
    watch = TrapWatch()
    traps = [watch.observe(f"http://a.gov.cn/rl/?date={n}", 0, [], True, 0) for n in range(MAX_BARREN + 1)]
    assert traps[-1] is not None and traps[-2] is None


def test_navigation_asks_a_pattern_past_the_barren_bound_only_once_a_page_of_it_lists_a_report():
    watch = TrapWatch()
    asked = [watch.ask(f"http://a.gov.cn/w/{n}.html") for n in range(MAX_BARREN + 1)]
    assert not any(asked) and watch.ask("http://a.gov.cn/w/9001.html")
    watch.observe("http://a.gov.cn/w/0.html", 0, [("某局", 2022, "http://a.gov.cn/nb/1.html")], True, 0)
    assert not watch.ask("http://a.gov.cn/w/9002.html")


def test_a_barren_pattern_condemns_its_pages_never_the_list_that_led_there():
    """An endless pager repeating the column's first page lists nothing new: the column's reports stand."""
    watch = TrapWatch()
    barren = [watch.observe(f"http://a.gov.cn/nb/index_{n}.html", 0, [], False, 0) for n in range(MAX_BARREN + 1)]
    assert not barren[-1].whole_list
    assert not watch.drops_listed({"listing_url": "http://a.gov.cn/nb/", "list_of": "http://a.gov.cn/nb/"})


def test_an_endless_chain_listing_no_new_report_past_its_first_pages_is_cut_there():
    """A genuine column's first pages, then a 下一页 or 加载更多 without end: what the first pages list stands."""
    watch = TrapWatch()
    first = "http://a.gov.cn/nb/?page=1"
    watch.observe(first, 0, [("某局", 2022, "http://a.gov.cn/nb/1.html")], False, 0)
    trap = watch.observe("http://a.gov.cn/nb/?page=62", MAX_CHAIN + 1, [], False, 0)
    kept = {"listing_url": first, "list_of": first, "chain": SUSPECT_CHAIN}
    assert not trap.whole_list and "cut" in trap.reason and watch.traps == [trap]
    assert not watch.drops_listed(kept) and watch.drops_listed({**kept, "chain": SUSPECT_CHAIN + 1})
    assert not watch.trapped(first) and watch.trapped("http://a.gov.cn/nb/?page=70", MAX_CHAIN)


def test_an_endless_chain_listing_new_reports_deep_is_a_trap_of_its_whole_pattern():
    """A 加载更多 listing new report-looking links on every page, 60 pages deep: nothing its pages list stands, from
    the chain's first page on; what the column's page of another pattern listed before the chain began stands."""
    watch = TrapWatch()
    column = "http://a.gov.cn/hb/"
    for n in range(MAX_CHAIN + 2):
        trap = watch.observe(f"http://a.gov.cn/hb/?p={n}", n, [(f"第{n}局", 2022, f"http://a.gov.cn/hb/{n}.html")],
                             False, 0)
    assert not trap.whole_list and "endless pager" in trap.reason
    assert watch.drops_listed({"listing_url": "http://a.gov.cn/hb/?p=0", "list_of": column, "chain": 0})
    assert not watch.drops_listed({"listing_url": column, "list_of": column, "chain": 0})


def _farm_chain(watch: TrapWatch, listed: str) -> Trap:
    """A 下一页 chain ``/hb/?p=N`` listing new reports past MAX_CHAIN pages, page N's at ``listed`` (formatted with N
    and the report's number on the page)."""
    for n in range(1, MAX_CHAIN + 3):
        trap = watch.observe(f"http://a.gov.cn/hb/?p={n}", n - 1,
                             [(f"第{n}{k}局", 2022, listed.format(n, k)) for k in range(3)], False, 0)
    assert trap is not None
    return trap


def test_a_chain_trap_condemns_what_its_first_page_lists_of_the_chains_report_patterns():
    """A farm whose first page (of another pattern than its 下一页's) lists its first fakes where its chain lists
    the rest (/hb/1_3.html, then /hb/2_3.html …): they are the farm's; a report of a pattern the chain never lists
    (the column's own, before its 加载更多 turned endless) stands."""
    watch, column = TrapWatch(), "http://a.gov.cn/hb/"
    watch.observe(column, 0, [("第0局", 2022, "http://a.gov.cn/hb/0_1.html"), ("某局", 2022, "http://a.gov.cn/nb/t1.html")],
                  True, 0)
    watch.chain_trapped(column, _farm_chain(watch, "http://a.gov.cn/hb/{}_{}.html"))
    first = {"listing_url": column, "list_of": column, "chain": 0}
    assert watch.drops_listed(first, "http://a.gov.cn/hb/0_7.html")
    assert not watch.drops_listed(first, "http://a.gov.cn/nb/t1.html")
    assert not watch.drops_listed({**first, "list_of": "http://a.gov.cn/qt/"}, "http://a.gov.cn/hb/0_7.html")


def test_a_trap_record_says_the_documents_its_lists_held_fetched_were_listed_before_it():
    """A farm's chain is no cut chain: what its list's column page listed was fetched as listed before the trap."""
    watch = TrapWatch()
    trap = _farm_chain(watch, "http://a.gov.cn/hb/{}_{}.html")
    watch.held(trap, 6, 12)
    assert watch.traps[0].to_dict()["reason"].endswith(
        "; 6 documents its lists held fetched, listed before the trap; 12 documents its lists held dropped unfetched")


def test_a_chain_trap_whose_reports_have_too_many_patterns_condemns_its_whole_list():
    """Fakes at addresses of ever new patterns (/hb/d1/…, /hb/d2/… with a letter each) cannot be told from the
    column's own: nothing the list lists stands. The patterns kept per pattern of pages are bounded."""
    watch, column = TrapWatch(), "http://a.gov.cn/hb/"
    letters = "abcdefghijklmnopqrstuvwxyz"
    trap = None
    for n in range(1, MAX_CHAIN + 3):
        trap = watch.observe(f"http://a.gov.cn/hb/?p={n}", n - 1,
                             [(f"第{n}局", 2022, f"http://a.gov.cn/{letters[n % 26]}{letters[n // 26]}/{n}.html")],
                             False, 0)
    assert len(watch._listed[trap.pattern]) == MAX_LISTED_PATTERNS + 1
    watch.chain_trapped(column, trap)
    assert watch.drops_listed({"listing_url": column, "list_of": column, "chain": 0}, "http://a.gov.cn/nb/t1.html")


def test_a_chain_cut_where_it_stopped_listing_new_reports_condemns_nothing_its_first_page_lists():
    watch, first = TrapWatch(), "http://a.gov.cn/nb/"
    watch.observe(first, 0, [("某局", 2022, "http://a.gov.cn/nb/t1.html")], True, 0)
    watch.observe("http://a.gov.cn/nb/?p=1", 0, [("某局", 2021, "http://a.gov.cn/nb/t2.html")], False, 0)
    trap = watch.observe("http://a.gov.cn/nb/?p=62", MAX_CHAIN + 1, [], False, 0)
    watch.chain_trapped(first, trap)
    assert not watch.drops_listed({"listing_url": first, "list_of": first, "chain": 0}, "http://a.gov.cn/nb/t3.html")


def test_a_trap_shown_by_one_page_condemns_its_whole_list():
    keys = [("南湖市民政局", 2022, f"http://a.gov.cn/{n}.html") for n in range(MAX_SAME_REPORT + 1)]
    watch = TrapWatch()
    assert watch.observe("http://a.gov.cn/l/?p=2", 1, keys, False, 0).whole_list


def test_a_list_whose_count_grows_as_it_is_read_is_a_trap_of_its_growing_answers():
    """A gkmlpt catalog claiming a page more on every page: its answers claiming more than the first are the
    trap's; what the first listed stands."""
    watch = TrapWatch()
    first, second, later = (f"http://a.gov.cn/api/all/9?page={n}" for n in (1, 2, 3))
    assert watch.observe_count(first, first, 3, True) is None
    assert watch.observe_count(first, second, 4, False) is None
    trap = watch.observe_count(first, later, 5, False)
    assert trap is not None and not trap.whole_list and "claiming 3, then 4, 5 pages" in trap.reason
    assert watch.traps == [trap] and watch.observe_count(first, later, 6, False) is None and watch.traps == [trap]
    assert watch.drops_listed({"listing_url": second, "list_of": first})
    assert not watch.drops_listed({"listing_url": first, "list_of": first})


def test_a_report_published_while_a_list_is_read_is_no_trap():
    watch = TrapWatch()
    first = "http://a.gov.cn/api/all/9?page=1"
    watch.observe_count(first, first, 3, True)
    assert [watch.observe_count(first, f"http://a.gov.cn/api/all/9?page={n}", 4, False) for n in (2, 3)] == [None] * 2
    assert not watch.drops_listed({"listing_url": "http://a.gov.cn/api/all/9?page=2", "list_of": first})


def test_a_growing_count_posted_to_one_address_is_reported_its_answers_kept():
    """A POSTed API's pages share its address: what its growing answers list cannot be told from the first's."""
    watch = TrapWatch()
    api = "http://a.gov.cn/api/list"
    assert [watch.observe_count(api, api, pages, pages == 3) for pages in (3, 4)] == [None, None]
    assert watch.observe_count(api, api, 5, False) is not None
    assert not watch.drops_listed({"listing_url": api, "list_of": api})


def test_many_report_lists_of_one_pattern_in_one_sub_site_are_a_farm():
    watch = TrapWatch()
    traps = [watch.observe(f"http://a.gov.cn/col/col{n}/", 0, [(f"{n}局", 2022, f"http://a.gov.cn/{n}.html")], True, 0)
             for n in range(MAX_LISTS + 1)]
    assert traps[-1] is not None and traps[-2] is None


def test_one_agencys_report_of_one_year_under_many_urls_is_a_farm():
    keys = [("南湖市民政局", 2022, f"http://a.gov.cn/{n}.html") for n in range(MAX_SAME_REPORT + 1)]
    assert TrapWatch().observe("http://a.gov.cn/l/", 0, keys, True, 0) is not None


def test_a_trap_marks_its_pattern():
    watch = TrapWatch()
    watch.observe(CAL, MAX_CHAIN + 1, [], True, 0)
    assert watch.trapped("http://www.nanhu.gov.cn/rl/?date=1999-01-01", MAX_CHAIN)


def test_a_trap_is_reported_once():
    watch = TrapWatch()
    watch.observe(CAL, MAX_CHAIN + 1, [], True, 0)
    watch.observe(CAL, MAX_CHAIN + 2, [], True, 0)
    assert len(watch.traps) == 1


def test_a_trapped_list_is_trapped_from_its_first_page():
    watch = TrapWatch()
    watch.trap_list("http://a.gov.cn/hb/")
    assert watch.trapped("http://a.gov.cn/hb/")


def test_a_page_deep_in_a_chain_is_suspect():
    assert TrapWatch().suspect(CAL, 4, 0)


def test_documents_wait_while_pages_of_their_list_are_expected():
    held = HeldDocuments()
    held.expect("L", 2)
    held.hold("L", Request("http://a.gov.cn/1.html"))
    assert held.arrived("L") == []


def test_documents_go_out_when_the_last_page_of_their_list_is_read():
    held = HeldDocuments()
    held.expect("L", 1)
    held.hold("L", Request("http://a.gov.cn/1.html"))
    assert [r.url for r in held.arrived("L")] == ["http://a.gov.cn/1.html"]


def test_a_page_linking_itself_by_day_is_a_calendar():
    from crawler.steering.traps import CALENDAR_DAYS, TrapWatch
    watch = TrapWatch()
    page = "http://a.gov.cn/ndbg/"
    days = [f"{page}?date=2024-03-{d:02d}" for d in range(1, CALENDAR_DAYS + 1)]
    trap = watch.observe_views(page, days)
    assert trap is not None and "calendar" in trap.reason
    assert watch.trapped(f"{page}?date=2025-01-09") and not watch.trapped(page)


def test_filters_by_year_or_a_few_days_are_no_calendar():
    from crawler.steering.traps import CALENDAR_DAYS, TrapWatch
    watch = TrapWatch()
    page = "http://a.gov.cn/ndbg/"
    assert watch.observe_views(page, [f"{page}?year={y}" for y in range(2010, 2025)]) is None
    assert watch.observe_views(page, [f"{page}?date=2024-03-0{d}" for d in range(1, CALENDAR_DAYS)]) is None


def test_a_watch_saved_before_cut_chains_resumes():
    """A paused crawl's pickled TrapWatch of an older version (no cut chains) still answers."""
    older = TrapWatch()
    older.observe(CAL, MAX_CHAIN + 1, [("某局", 2022, "http://www.nanhu.gov.cn/1.html")], True, 0)
    state = {k: v for k, v in older.__dict__.items() if k not in ("_deep_productive", "_cut_patterns")}
    resumed = TrapWatch.__new__(TrapWatch)
    resumed.__setstate__(pickle.loads(pickle.dumps(state)))
    assert resumed.trapped(CAL) and not resumed.trapped("http://a.gov.cn/nb/?page=1")


def test_an_endless_pager_repeating_its_last_page_is_reported_once_a_pattern():
    watch = TrapWatch()
    for n in (3, 4):
        watch.observe_repeat(f"http://wjj.linjiang.gov.cn/xxgk/ndbg/index_{n}.html")
    assert [t.url for t in watch.traps] == ["http://wjj.linjiang.gov.cn/xxgk/ndbg/index_3.html"]


def test_a_repeated_page_traps_no_pattern():
    watch = TrapWatch()
    watch.observe_repeat("http://wjj.linjiang.gov.cn/xxgk/ndbg/index_3.html")
    assert not watch.trapped("http://wjj.linjiang.gov.cn/xxgk/ndbg/index_9.html", chain=9)


def test_a_page_linking_nothing_has_no_listing_sign():
    assert listing_sign([]) is None


def test_a_trap_of_the_whole_pattern_replaces_the_report_of_its_repeated_page():
    watch = TrapWatch()
    watch.observe_repeat("http://www.nanhu.gov.cn/ndbg/index_3.html")
    for n in range(MAX_BARREN + 1):
        watch.observe(f"http://www.nanhu.gov.cn/ndbg/index_{n + 4}.html", 0, [], True, 0)
    assert [t.reason for t in watch.traps] == [f"{MAX_BARREN + 1} pages of one URL pattern without a report link"]

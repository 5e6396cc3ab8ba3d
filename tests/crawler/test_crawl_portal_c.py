"""A crawl of a third portal built from platform families the other fixtures do not have
(tests/crawler/portal_c.py), over real HTTP on seven hosts, from its home page alone: every report found and
nothing else."""

from __future__ import annotations

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_c import PortalC


crawl = crawl_of(PortalC, "nanhe", "南河市人民政府")


def test_a_postback_pager_is_read_to_its_end(crawl):
    assert found_under(crawl, crawl[0].base + "/xxgk/") == expected_under(crawl, crawl[0].base + "/xxgk/")


def test_a_postback_sends_the_form_as_it_is_without_clicking_its_search_button(crawl):
    assert [t for t in crawl[0].main.log if t.startswith("refused")] == []


def test_links_opened_by_a_function_of_the_page_are_followed(crawl):
    assert found_under(crawl, crawl[0].fg_base) == expected_under(crawl, crawl[0].fg_base)


def test_a_list_drawn_from_a_posted_api_answer_is_read(crawl):
    assert found_under(crawl, crawl[0].rs_base) == expected_under(crawl, crawl[0].rs_base)


def test_every_year_tab_of_a_column_is_read(crawl):
    assert found_under(crawl, crawl[0].zj_base) == expected_under(crawl, crawl[0].zj_base)


def test_sub_sites_listed_by_short_names_take_their_full_names(crawl):
    names = {s.name for s in crawl[1].coverage.subsites}
    assert {"南河市发展和改革委员会", "南河市人力资源和社会保障局", "南河市住房和城乡建设局", "南河市财政局", "南河市交通运输局",
            "南河市教育局", "南河市卫生健康委员会"} <= names


def test_no_site_of_the_links_to_elsewhere_is_entered(crawl):
    assert not [s.name for s in crawl[1].coverage.subsites if "政府网" in s.name]


def test_a_home_page_that_only_sends_the_browser_on_is_followed(crawl):
    assert "/col/col1/index.html" in crawl[0].main.log


def test_the_items_a_load_more_button_loads_arefound_under(crawl):
    assert found_under(crawl, crawl[0].base + "/czj/") == expected_under(crawl, crawl[0].base + "/czj/")


def test_a_department_linked_only_by_an_image_map_isfound_under(crawl):
    assert found_under(crawl, crawl[0].jt_base) == expected_under(crawl, crawl[0].jt_base)


def test_a_list_drawn_from_a_json_api_answer_is_read_to_its_last_page(crawl):
    assert found_under(crawl, crawl[0].jy_base) == expected_under(crawl, crawl[0].jy_base)


def test_a_list_a_script_fetches_with_a_json_body_is_read(crawl):
    assert found_under(crawl, crawl[0].wj_base) == expected_under(crawl, crawl[0].wj_base)

"""The generated news-heavy portal (simsite.newsheavy): every report served where ground truth says, news
columns paged to their count and no further, its traps bounded."""

from __future__ import annotations

from simsite.newsheavy import CALENDAR_YEARS, ITEMS_PER_PAGE, NewsHeavySite

SITE = NewsHeavySite(3, units=12, news_pages=(3, 5))


def path(url: str) -> str:
    return url.removeprefix(SITE.base_url)


def test_every_expected_report_is_served_with_its_agency_and_year():
    for expected in SITE.expected_reports():
        body = SITE.get(path(expected.url)).body.decode()
        assert f"{expected.agency}{expected.year}年政府信息公开工作年度报告" in body
        assert SITE.kind_of(path(expected.url)) == "report"


def test_each_report_is_listed_by_its_units_column_or_its_documents():
    for unit in SITE.units:
        column = "bmwj" if unit.id in SITE.filed else "ndbg"
        listing = SITE.get(f"/{unit.id}/xxgk/fdzdgk/{column}/index.html").body.decode()
        assert listing.count("政府信息公开工作年度报告") == 6


def test_the_platform_lists_only_the_units_not_left_out():
    directory = SITE.get("/zwgk/index.html").body.decode()
    for unit in SITE.units:
        assert (f"/{unit.id}/xxgk/index.html" in directory) is (unit.id not in SITE.unlisted)


def test_a_news_column_ends_at_its_count():
    pages = SITE.news_pages[(SITE.units[0].id, "gzdt")]
    last = SITE.get(f"/{SITE.units[0].id}/gzdt/index_{pages - 1}.html")
    assert last.status == 200 and last.body.decode().count("<li>") == ITEMS_PER_PAGE
    assert SITE.get(f"/{SITE.units[0].id}/gzdt/index_{pages}.html").status == 404


def test_the_calendar_answers_only_its_years():
    assert SITE.get(f"/news/calendar/?date={CALENDAR_YEARS[1]}-12-31").status == 200
    assert SITE.get(f"/news/calendar/?date={CALENDAR_YEARS[1] + 1}-01-01").status == 404
    assert SITE.kind_of("/news/calendar/?date=2024-01-01") == "trap"

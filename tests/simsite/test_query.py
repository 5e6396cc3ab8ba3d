"""The query-string CMS family's own habits: list.aspx?cid=…&page=N pagers, hashed detail URLs, div lists,
departments on a directory page and counties only in a script, 年报 columns in a 法定主动公开内容 sub-menu
behind a 302, titles without the site's own name, old links answering 301, sitemaps named by robots.txt."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
import pytest

from simsite.families.query import DAY_BROWSER
from tests.simsite.conftest import served_family
from tests.simsite.walker import script_strings, sitemap_locations


@pytest.fixture(scope="module")
def query():
    yield from served_family("query")


def _doc(query, url: str):
    return lxml.html.fromstring(query.get(url).content)


def test_lists_page_by_real_links_of_cid_and_page(query):
    pages = [u for u in query.walk.pages if re.search(r"/list\.aspx\?cid=\d+&page=\d+$", u)]
    assert len(pages) >= 10
    page = _doc(query, pages[0])
    assert page.find_class("list-item") and page.find_class("pagination")


def test_detail_urls_are_hashed_in_each_site_style(query):
    finals = [r.final_url for r in query.site.expected_reports() if r.format == "html"]
    portal = [u for u in finals if re.search(r"/content/post_[0-9a-f]{10}\.html$", u)]
    sub_sites = [u for u in finals if re.search(r"/[a-z0-9]+/\d{6}/[0-9a-f]{8}\.shtml$", u)]
    county = [u for u in finals if re.search(r"/content/post_\d+\.html$", u)]
    assert portal and sub_sites and county and len(portal + sub_sites + county) == len(finals)


def test_departments_are_on_a_directory_page_by_full_name(query):
    directory = _doc(query, query.server.base_url + "/xxgk/ml.aspx")
    names = [a.text for a in directory.find_class("directory")[0].iter("a")]
    assert names == [p.name for p in query.site.publishers if p.level == "department"]


def test_counties_exist_only_as_strings_in_a_script(query):
    for path in ("/", "/xxgk/index.aspx"):
        response = query.get(query.server.base_url + path)
        counties = [p.name.removesuffix("人民政府") for p in query.site.publishers if p.level == "county"]
        links = [a.text for a in lxml.html.fromstring(response.content).iter("a")]
        assert not set(counties) & set(links)
        in_script = script_strings(str(response.url), response.text)
        assert sum(1 for u in in_script if u.endswith("/xxgk/index.aspx")) == len(counties)
        assert any(u.startswith(query.server.urls["county"]) for u in in_script)


def test_report_columns_sit_in_a_submenu_behind_a_302(query):
    site = next(s for s in query.site.sites if s.publisher.level == "department")
    platform = [a.text for a in _doc(query, query.site.url(site.host, site.platform)).iter("a")]
    column = query.site.reports[site.publisher.id]
    assert column.name not in platform and "法定主动公开内容" in platform
    submenu = _doc(query, query.site.url(site.host, site.submenu))
    link = next(a.get("href") for a in submenu.iter("a") if a.text == column.name)
    answer = query.get(query.site.url(site.host, link))
    assert answer.status_code == 302 and answer.headers["location"] == column.url()


def test_a_sites_own_reports_are_titled_without_its_name(query):
    own = [d for d in query.site.entries("report") if d.agency.level in ("department", "county")
           and d.agency.name not in d.title and d.page]
    assert own
    page = _doc(query, query.site.url(own[0].host, own[0].page))
    assert f"来源：{own[0].agency.name}" in page.find_class("art-info")[0].text_content()


def test_old_links_answer_301_with_the_page(query):
    moved = [r for r in query.site.expected_reports() if "content.aspx?id=" in r.url]
    assert moved
    answer = query.get(moved[0].url)
    assert answer.status_code == 301 and query.site.url(query.host_of(moved[0].url),
                                                       answer.headers["location"]) == moved[0].final_url


def test_list_items_link_pdf_docx_and_doc_files_straight(query):
    straight = {r.format for r in query.site.expected_reports() if r.url == r.final_url and "/uploadfiles/" in r.url}
    assert straight == {"pdf", "docx", "doc"}


def test_robots_names_a_sitemap_index_that_lists_every_report_page(query):
    for base in query.server.urls.values():
        robots = query.get(base + "/robots.txt").text
        assert f"Sitemap: {base}/sitemap.xml" in robots
        listed = set(sitemap_locations(query.http, f"{base}/sitemap.xml"))
        pages = {r.final_url for r in query.site.expected_reports()
                 if r.format == "html" and r.final_url.startswith(base)}
        assert pages and pages <= listed
        assert listed <= set(query.walk.pages), "the sitemap lists a page the site does not link"


def test_news_by_day_never_runs_out(query):
    url = query.server.base_url + DAY_BROWSER + "?date=2024-12-31"
    for _ in range(40):
        page = _doc(query, url)
        url = query.server.base_url + next(a.get("href") for a in page.iter("a") if a.text == "前一天")
    assert url.endswith("date=2024-11-21")


def test_own_host_county_is_a_whole_site(query):
    county = query.server.urls["county"]
    assert urlsplit(county).hostname == "127.0.0.2"
    assert sum(1 for u in query.walk.pages if u.startswith(county)) >= 15

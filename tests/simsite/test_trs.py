"""The TRS WCM family's own habits: createPageHTML pagers, TRS paths, TRS_Editor bodies, sub-sites linked from
blocks of the platform by agency names alone, a county in GBK that declares no charset in its header."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
import pytest

from tests.simsite.conftest import served_family

TRS_DETAIL = re.compile(r"/\d{6}/t\d{8}_\d+\.html$")


@pytest.fixture(scope="module")
def trs():
    yield from served_family("trs")


def _html(trs, url: str):
    return lxml.html.fromstring(trs.get(url).content)


def _list_pages(trs) -> dict[str, str]:
    return {url: r.text for url, r in trs.walk.pages.items() if "createPageHTML(" in r.text}


def test_list_pagers_exist_only_as_a_script(trs):
    lists = _list_pages(trs)
    assert sum(1 for url in lists if re.search(r"/index_\d+\.html$", url)) >= 3
    for url, text in lists.items():
        hrefs = [a.get("href") or "" for a in lxml.html.fromstring(text).iter("a")]
        assert not any(re.search(r"index_\d+\.html", h) for h in hrefs), url


def test_some_pagers_pass_their_numbers_through_variables(trs):
    assert any("createPageHTML(countPage, currentPage" in text for text in _list_pages(trs).values())


def test_documents_live_in_month_folders_of_their_column(trs):
    pages = [r.final_url for r in trs.site.expected_reports() if r.format == "html"]
    assert pages and all(TRS_DETAIL.search(url) for url in pages)
    files = [r.url for r in trs.site.expected_reports() if r.format != "html"]
    assert all(re.search(r"/\d{6}/P0\d{8}\d+\.(pdf|docx|doc)$", url) for url in files)


def test_report_pages_hold_the_report_in_trs_editor(trs):
    report = next(r for r in trs.site.expected_reports() if r.format == "html")
    editor = _html(trs, report.final_url).find_class("TRS_Editor")
    assert editor and "二、主动公开政府信息情况" in editor[0].text_content()


def test_list_items_link_relative_and_some_link_the_file_itself(trs):
    items = [a.get("href") for text in _list_pages(trs).values()
             for a in lxml.html.fromstring(text).xpath("//ul[@class='list']//a | //table[@class='list-table']//a")]
    assert all(h.startswith("./") for h in items)
    assert any(h.endswith(".pdf") for h in items) and any(h.endswith(".docx") for h in items)


def test_long_titles_are_cut_with_the_full_title_in_the_title_attribute(trs):
    cut = [a for text in _list_pages(trs).values() for a in lxml.html.fromstring(text).iter("a")
           if a.get("title") and a.text.endswith("...")]
    assert cut and all(a.get("title").startswith(a.text[:-3]) for a in cut)


def test_platform_links_sub_sites_by_name_alone_in_two_blocks(trs):
    platform = _html(trs, trs.server.base_url + "/zwgk/")
    blocks = {box.find_class("hd")[0].text_content(): [a.text for a in box.iter("a")]
              for box in platform.find_class("box")}
    departments = [p.short for p in trs.site.publishers if p.level == "department"]
    counties = [p.name for p in trs.site.publishers if p.level == "county"]
    assert blocks["部门信息公开"] == departments and all(d.startswith("市") for d in departments)
    assert blocks["县区信息公开"] == counties
    assert not any("目录" in a.text_content() or "部门信息公开" == a.text for a in platform.iter("a"))


def test_report_columns_are_named_in_several_ways(trs):
    names = {a.text for text in _list_pages(trs).values() for a in lxml.html.fromstring(text).xpath(
        "//div[@class='position']/a[last()]")}
    titles = {lxml.html.fromstring(t).find_class("list-title")[0].text for t in _list_pages(trs).values()}
    assert len(titles & {"政府信息公开年报", "年度报告", "信息公开年报", "政府信息公开工作年度报告"}) >= 3, names


def test_gbk_county_pages_are_gbk_without_a_charset_in_the_header(trs):
    county = next(p for p in trs.site.publishers if p.encoding == "gbk")
    urls = [u for u, r in trs.walk.pages.items() if f"/xqxxgk/{county.id}/" in u and "text/html" in
            r.headers["content-type"]]
    assert len(urls) >= 10
    declared = set()
    for url in urls:
        response = trs.walk.pages[url]
        assert "charset" not in response.headers["content-type"]
        with pytest.raises(UnicodeDecodeError):
            response.content.decode("utf-8")
        text = response.content.decode("gbk")
        assert county.name in text
        match = re.search(r"charset=([\w-]+)", text)
        declared.add(match.group(1) if match else None)
    assert declared == {None, "gb2312"}
    with pytest.raises(UnicodeDecodeError):  # the declared gb2312 is wrong: the county's name is GBK only
        trs.walk.pages[urls[0]].content.decode("gb2312")


def test_own_host_county_is_a_whole_trs_site(trs):
    county_base = trs.server.urls["county"]
    pages = [u for u in trs.walk.pages if u.startswith(county_base)]
    assert any(u.endswith("/zwgk/") for u in pages) and len(pages) >= 20
    assert urlsplit(county_base).hostname == "127.0.0.2"


def test_search_is_disallowed_by_robots(trs):
    assert "Disallow: /was5/" in trs.get(trs.server.base_url + "/robots.txt").text
    assert any("/was5/web/search" in u for u in trs.walk.disallowed) or not any(
        "/was5/" in u for u in trs.walk.pages)

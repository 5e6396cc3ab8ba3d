"""The Hanweb JCMS family's own habits: list items only inside datastore scripts, later pages from the data
proxy (GET or POST), art_COL_ID details, sub-sites in a footer list and a drop-down, 年报 tabs reached by 更多
through a 301, downloads by downfile.jsp, years in Chinese numerals, an endless calendar."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest

from simsite.families.hanweb import CALENDAR, PER_PAGE
from tests.simsite.conftest import served_family
from tests.simsite.walker import RECORD


@pytest.fixture(scope="module")
def hanweb():
    yield from served_family("hanweb")


def _columns(hanweb) -> dict[str, str]:
    return {url: r.text for url, r in hanweb.walk.pages.items() if "<datastore>" in r.text
            and r.headers["content-type"].startswith("text/html")}


def test_list_items_exist_only_inside_the_datastore_script(hanweb):
    for url, text in _columns(hanweb).items():
        visible = [a.get("href") for a in lxml.html.fromstring(text).iter("a")]
        records = [h for r in RECORD.findall(text) for h in re.findall(r'href="([^"]+)"', r)]
        assert records and not set(records) & set(visible), url
        assert len(records) <= PER_PAGE


def test_later_pages_come_from_the_data_proxy_by_get_and_by_post(hanweb):
    web = next(w for w in hanweb.site.webs if len(w.column.visible()) > PER_PAGE)
    base = hanweb.site.url(web.host, "/module/web/jpage/dataproxy.jsp")
    query = f"startrecord={PER_PAGE + 1}&endrecord={2 * PER_PAGE}&perpage={PER_PAGE}"
    got = hanweb.get(f"{base}?{query}&columnid={web.column.id}&unitid={web.column.unit}")
    posted = hanweb.http.post(f"{base}?{query}", data={"col": 1, "webid": web.webid, "columnid": web.column.id,
                                                      "unitid": web.column.unit, "permissiontype": 0})
    assert got.status_code == posted.status_code == 200 and got.content == posted.content
    root = lxml.etree.fromstring(got.content)
    hrefs = [re.search(r'href="([^"]+)"', r.text).group(1) for r in root.iter("record")]
    expected = [d.href for d in web.column.visible()[PER_PAGE:2 * PER_PAGE]]
    assert hrefs == expected


def test_details_are_art_col_id_pages(hanweb):
    pages = [r.final_url for r in hanweb.site.expected_reports() if r.format == "html"]
    assert pages and all(re.search(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$", u) for u in pages)


def test_attachments_are_downloads_and_some_list_items_link_the_file(hanweb):
    files = [r for r in hanweb.site.expected_reports() if r.format in ("pdf", "docx")]
    downloads = [r for r in files if "downfile.jsp?classid=0&filename=" in r.url]
    straight = [r for r in files if "/picture/0/" in r.url]
    assert downloads and straight
    response = hanweb.get(downloads[0].url)
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment; filename*=UTF-8''")


def test_departments_in_a_footer_list_and_counties_in_a_drop_down(hanweb):
    home = lxml.html.fromstring(hanweb.get(hanweb.server.base_url + "/").content)
    footer = home.find_class("footer")[0]
    listed = [a.text for a in footer.find_class("bmwz")[0].iter("a")]
    assert listed == [p.short for p in hanweb.site.publishers if p.level == "department"]
    options = {o.text: o.get("value") for o in footer.iter("option") if o.get("value")}
    counties = {p.name.removesuffix("人民政府") for p in hanweb.site.publishers if p.level == "county"}
    assert set(options) == counties and all(v.startswith("http://127.0.0.") for v in options.values())
    assert "window.open(this.value)" in footer.find(".//select").get("onchange")


def test_the_report_tab_links_its_column_only_by_more_through_a_301(hanweb):
    web = next(w for w in hanweb.site.webs if w.publisher.level == "department")
    platform = lxml.html.fromstring(hanweb.get(hanweb.site.url(web.host, web.platform)).content)
    heads = [s.text for s in platform.find_class("tab-hd")[0].iter("span")]
    pane = platform.find_class("tab-pane")[heads.index(web.column.name)]
    more = pane.find_class("more")[0]
    assert more.text == "更多>>" and more.get("href") == f"/col/col{web.column.id}"
    answer = hanweb.get(hanweb.site.url(web.host, more.get("href")))
    assert answer.status_code == 301 and answer.headers["location"] == f"/col/col{web.column.id}/"


def test_titles_write_the_year_in_chinese_numerals_or_as_a_work_report(hanweb):
    titles = [d.title for d in hanweb.site.entries("report")]
    assert any(re.search("二〇[一二]〇?[〇一二三四五六七八九]年", t) for t in titles)
    assert any(t.endswith("年度政府信息公开工作报告") for t in titles)


def test_the_calendar_never_runs_out(hanweb):
    url = hanweb.server.base_url + CALENDAR
    seen = set()
    for _ in range(30):
        page = lxml.html.fromstring(hanweb.get(url).content)
        seen.add(url)
        url = hanweb.server.base_url + next(a.get("href") for a in page.iter("a") if a.text == "上一月")
    assert len(seen) == 30 and "year=2022" in url


def test_pages_carry_the_government_site_meta_tags(hanweb):
    report = next(r for r in hanweb.site.expected_reports() if r.format == "html")
    head = lxml.html.fromstring(hanweb.get(report.final_url).content).find("head")
    metas = {m.get("name"): m.get("content") for m in head.iter("meta") if m.get("name")}
    assert metas["ArticleTitle"] and metas["SiteName"] and metas["PubDate"].startswith(report.published)


def test_own_host_county_is_a_whole_jcms_site(hanweb):
    county = hanweb.server.urls["county"]
    assert urlsplit(county).hostname == "127.0.0.2"
    assert sum(1 for u in hanweb.walk.pages if u.startswith(county)) >= 15

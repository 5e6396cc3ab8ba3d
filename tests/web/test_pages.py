"""The HTML pages over a real archive (SQLite and PostgreSQL), through the framework's test client."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from lxml import html
from sqlmodel import Session, delete

from monitor.labels import cell_label
from monitor.archive.db import make_engine
from monitor.archive.models import Finding, Report
from monitor.web import raw, timeline
from monitor.web.app import PAGE_CSP, create_app
from monitor.web.queries import RawDocument

from .conftest import XSS_TITLE


def get_page(client, path: str, status: int = 200):
    response = client.get(path)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return html.fromstring(response.text)


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


def report_links(tree) -> list[str]:
    return [a.get("href") for a in tree.xpath("//table[contains(@class,'reports')]//td[@class='title']/a")]


# -- the report list -------------------------------------------------------------------------------------

def test_list_shows_every_report_with_its_counts(client, web_archive):
    tree = get_page(client, "/reports")
    assert texts(tree, "//*[@id='total']") == ["6"]
    assert len(report_links(tree)) == 6
    row = tree.xpath(f"//tr[td/a[@href='/reports/{web_archive.kaifeng_2021}']]")[0]
    cells = dict(zip(["agency", "year", "title", "status", "versions", "errors", "warnings", "fetched"],
                     (" ".join(td.text_content().split()) for td in row.xpath("td"))))
    assert cells["agency"] == "开封市人民政府" and cells["year"] == "2021"
    assert cells["versions"] == "3" and cells["errors"] == "2" and cells["warnings"] == "3"
    assert "已修改" in cells["title"] and cells["status"] == "在线"


@pytest.mark.parametrize(("query", "expected"), [
    ("year=2022", ["kaifeng_2022"]),
    ("agency=开封", ["kaifeng_2021", "kaifeng_2022", "overdue"]),
    ("agency=开封市人民政府", ["kaifeng_2021", "kaifeng_2022"]),
    ("agency=信访局", ["xinfang"]),
    ("failing=1", ["kaifeng_2021", "xinfang", "pdf"]),
    ("revised=1", ["kaifeng_2021"]),
    ("status=withdrawn", ["pdf"]),
    ("status=missing", ["overdue"]),
    ("failing=1&year=2021&agency=周口", ["xinfang", "pdf"]),
    ("agency=%25", []),     # a LIKE wildcard is matched as a character
])
def test_list_filters(client, web_archive, query, expected):
    tree = get_page(client, f"/reports?{query}")
    want = sorted(f"/reports/{getattr(web_archive, name)}" for name in expected)
    assert sorted(report_links(tree)) == want
    assert texts(tree, "//*[@id='total']") == [str(len(expected))]


def test_list_counts_each_flag_within_the_chosen_agency_and_year(client):
    tree = get_page(client, "/reports")
    assert texts(tree, "//*[@id='count-failing']") == ["3"] and texts(tree, "//*[@id='count-revised']") == ["1"]
    assert "已撤回（1）" in texts(tree, "//select[@name='status']/option")
    narrowed = get_page(client, "/reports?agency=开封&failing=1")     # a ticked flag does not change the counts
    assert texts(narrowed, "//*[@id='count-failing']") == ["1"] and texts(narrowed, "//*[@id='count-revised']") == ["1"]
    assert "未发布（1）" in texts(narrowed, "//select[@name='status']/option")


def test_list_empty_form_fields_mean_no_filter(client):
    tree = get_page(client, "/reports?agency=&site=&year=&status=&sort=year&order=desc")
    assert texts(tree, "//*[@id='total']") == ["6"]


def test_list_sorts_and_pages(client, web_archive):
    by_versions = report_links(get_page(client, "/reports?sort=versions&order=desc"))
    assert by_versions[0] == f"/reports/{web_archive.kaifeng_2021}"
    by_errors_asc = report_links(get_page(client, "/reports?sort=errors&order=asc"))
    assert by_errors_asc[-1] in (f"/reports/{web_archive.kaifeng_2021}", f"/reports/{web_archive.xinfang}")
    ids = report_links(get_page(client, "/reports?sort=id&order=asc"))
    assert ids == sorted(ids, key=lambda link: int(link.rsplit("/", 1)[1]))


def test_list_pages_keep_the_filters(client, web_archive):
    first = get_page(client, "/reports?failing=1&sort=id&order=asc&per_page=2")
    assert texts(first, "//*[@id='total']") == ["3"]
    assert report_links(first) == [f"/reports/{web_archive.kaifeng_2021}", f"/reports/{web_archive.xinfang}"]
    [next_link] = first.xpath("//nav[@class='pager']/a[@rel='next']/@href")
    assert "failing=1" in next_link and "per_page=2" in next_link and "page=2" in next_link
    second = get_page(client, "/reports" + next_link)
    assert report_links(second) == [f"/reports/{web_archive.pdf}"]
    assert not second.xpath("//nav[@class='pager']/a[@rel='next']")
    assert second.xpath("//nav[@class='pager']/a[@rel='prev']")


def test_list_search_box_and_filter_form_are_there(client):
    tree = get_page(client, "/reports?agency=开封")
    [search] = tree.xpath("//form[@action='/reports']//input[@name='agency']")
    assert search.get("type") == "search" and search.get("value") == "开封"
    assert {e.get("name") for e in tree.xpath("//form[@action='/reports']//*[@name]")} >= {
        "agency", "site", "year", "status", "failing", "revised", "sort", "order"}


@pytest.mark.parametrize("query", ["year=twenty", "sort=colour", "status=lost", "page=0"])
def test_list_rejects_bad_parameters_with_a_message(client, query):
    tree = get_page(client, f"/reports?{query}", status=400)
    name = query.split("=")[0]
    message = texts(tree, "//p[@class='error-message']")[0]
    assert name in message and ("不是" in message or "不在" in message)      # said in Chinese
    assert texts(tree, "//h1") == ["请求有误"]


def test_errors_and_times_in_chinese_and_the_configured_zone(web_archive):
    missing = get_page(TestClient(create_app(web_archive.url, web_archive.store)), "/no/such/page", status=404)
    assert texts(missing, "//p[@class='error-message']") == ["没有这个页面"]
    with TestClient(create_app(web_archive.url, web_archive.store, zone="UTC")) as utc, \
            TestClient(create_app(web_archive.url, web_archive.store)) as beijing:
        shown = {name: get_page(c, f"/reports/{web_archive.kaifeng_2021}") for name, c in (("utc", utc), ("bj", beijing))}
    assert "时间均为协调世界时" in texts(shown["utc"], "//footer")[0]
    assert "时间均为北京时间" in texts(shown["bj"], "//footer")[0]
    stamp = "//ol[contains(@class,'timeline')]//div[@class='when']"
    assert texts(shown["utc"], stamp) and texts(shown["utc"], stamp) != texts(shown["bj"], stamp)


# -- a report ------------------------------------------------------------------------------------------

def test_report_shows_its_versions_on_a_timeline(client, web_archive):
    tree = get_page(client, f"/reports/{web_archive.kaifeng_2021}")
    entries = tree.xpath("//ol[contains(@class,'timeline')]/li")
    assert [e.get("id") for e in entries] == [f"version-{v}" for v in reversed(web_archive.versions)]
    newest, middle, first = (" ".join(e.text_content().split()) for e in entries)
    assert "第3版" in newest and "数字修改" in newest
    assert "数字修改" in middle and "文字修改" in middle and "508→509" in middle
    assert "第1版" in first and "新报告" in first
    assert "current" in entries[0].get("class")
    digests = [e.xpath(".//code/@title")[0] for e in entries]
    assert len(set(digests)) == 3 and all(len(d) == 64 for d in digests)
    v1, v2, v3 = web_archive.versions
    assert tree.xpath(f"//a[@href='/diff/{v2}/{v3}']") and tree.xpath(f"//a[@href='/diff/{v1}/{v2}']")
    assert tree.xpath(f"//a[@href='/versions/{v1}/raw']")


def test_a_long_timeline_folds_into_a_link_to_every_version(client, web_archive, monkeypatch):
    monkeypatch.setattr(timeline, "LATEST", 1)
    report, (v1, v2, v3) = web_archive.kaifeng_2021, web_archive.versions
    tree = get_page(client, f"/reports/{report}")
    newest, fold = tree.xpath("//ol[contains(@class,'timeline')]/li")
    assert newest.get("id") == f"version-{v3}" and "current" in newest.get("class")
    assert fold.get("class") == "fold" and " ".join(fold.text_content().split()) == "第1–2版（2 个版本）未列出 · 查看全部 3 个版本"
    assert fold.xpath("a/@href") == [f"/reports/{report}/versions#version-{v2}"]
    assert tree.xpath("//form[@class='compare']//select[@name='a']/option/@value") == [str(v) for v in (v1, v2, v3)]
    whole = get_page(client, f"/reports/{report}/versions")
    entries = whole.xpath("//ol[contains(@class,'timeline')]/li")
    assert [e.get("id") for e in entries] == [f"version-{v}" for v in (v3, v2, v1)]
    assert whole.xpath("//a[text()='查看此版']/@href") == [f"/versions/{v}" for v in (v3, v2, v1)]
    assert not whole.xpath("//section[@id='figures']") and texts(whole, "//h1") == texts(tree, "//h1")
    assert get_page(client, "/reports/999999/versions", status=404) is not None


def test_report_marks_failing_cells_with_their_findings_beside_them(client, web_archive):
    tree = get_page(client, f"/reports/{web_archive.xinfang}")
    [cell] = tree.xpath("//td[@id='v-s3.new_received.natural_person']")
    assert "fail-error" in cell.get("class")
    assert cell.xpath("span[@class='value']")[0].text == "900"
    numbers = [a.text for a in cell.xpath("a[@class='note']")]
    assert numbers
    for number in numbers:
        [item] = tree.xpath(f"//aside[@class='notes']//li[@id='v-s3-f{number}']")
        assert "s3.row_sum" in item.text_content() or "s3.balance" in item.text_content()
    messages = texts(tree, "//aside[@class='notes']//span[@class='message']")
    assert any("900" in m for m in messages)
    healthy = tree.xpath("//td[@id='v-s3.carried_over.commercial_enterprise']")[0]
    assert "fail" not in (healthy.get("class") or "")


def test_report_tables_follow_the_official_layout(client, web_archive):
    tree = get_page(client, f"/reports/{web_archive.kaifeng_2022}")
    headings = texts(tree, "//section[@class='table-block']/h3")
    assert headings == ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]
    s3 = tree.xpath("//table[contains(@class,'official') and contains(@class,'s3')]")[0]
    assert "三、本年度办理结果" in texts(s3, ".//th")
    assert len(s3.xpath(".//td[starts-with(@id,'v-s3.')]")) == 25 * 7
    assert len(tree.xpath("//td[starts-with(@id,'v-s4.')]")) == 15


def test_report_of_an_unreadable_document_says_why_and_offers_the_file(client, web_archive):
    tree = get_page(client, f"/reports/{web_archive.pdf}")
    assert any("文档无法读取" in t for t in texts(tree, "//p[contains(@class,'notice')]"))
    assert texts(tree, "//dl[@class='facts']/dd")[3].startswith("已撤回")
    assert any("撤回" in t for t in texts(tree, "//ul[@class='events']/li"))


def test_report_not_yet_published_shows_why_it_is_listed(client, web_archive):
    tree = get_page(client, f"/reports/{web_archive.overdue}")
    assert texts(tree, "//h2")[:2] == ["报告的问题", "版本（0）"]
    [finding] = texts(tree, "//section[@class='report-findings']//li")
    assert "report.overdue" in finding and "开封市审计局尚未发布2024年" in finding
    assert not tree.xpath("//section[@id='figures']")


def test_version_page_shows_that_version(client, web_archive):
    first = web_archive.versions[0]
    tree = get_page(client, f"/versions/{first}")
    [current] = tree.xpath("//ol[contains(@class,'timeline')]/li[contains(@class,'current')]")
    assert current.get("id") == f"version-{first}"
    assert "历史版本" in texts(tree, "//section[@id='figures']/h2")[0]
    assert tree.xpath("//td[@id='v-s3.new_received.natural_person']/span[@class='value']")[0].text == "508"


# -- comparing two versions ------------------------------------------------------------------------------

def test_comparison_marks_changed_cells_old_to_new(client, web_archive):
    v1, _, v3 = web_archive.versions      # not neighbours
    tree = get_page(client, f"/diff/{v1}/{v3}")
    changed = tree.xpath("//td[contains(@class,'changed')]")
    paths = sorted({td.get("id").split("-", 1)[1] for td in changed})
    assert paths == ["s3.new_received.natural_person", "s4.review.total", "s4.review.upheld"]
    [new_cell] = tree.xpath("//td[@id='b-s3.new_received.natural_person']")
    assert new_cell.xpath("del")[0].text == "508" and new_cell.xpath("ins")[0].text == "509"
    [old_cell] = tree.xpath("//td[@id='a-s3.new_received.natural_person']")
    assert old_cell.xpath("span[@class='value']")[0].text == "508"
    first_row = texts(tree, "//table[contains(@class,'cell-changes')]/tbody/tr[1]/td")
    assert first_row == [cell_label("s3.new_received.natural_person"), "508", "509"]
    assert len(tree.xpath("//section[@class='merged']")) == 3          # each table once, whole


def test_comparison_shows_the_prose_diff(client, web_archive):
    v1, v2, _ = web_archive.versions
    tree = get_page(client, f"/diff/{v1}/{v2}")
    assert texts(tree, "//section[@id='text']/h3") == ["五、存在的主要问题及改进情况"]
    inserted = texts(tree, "//section[@id='text']/p[@class='chardiff']/ins")
    assert inserted == ["下一步，我们将进一步规范依申请公开答复文书。"]       # as published: full-width ，


def test_comparison_marks_changed_characters_in_the_prose(client, web_archive):
    """A figure changed inside a sentence is marked alone, in the prose as published."""
    v1, v2, _ = web_archive.versions
    tree = get_page(client, f"/diff/{v1}/{v2}")
    prose = tree.xpath("//section[@id='text']/p[@class='chardiff']")[0]
    assert prose.xpath("string(.)").count("，") > 3 and "," not in prose.xpath("string(.)").replace("……", "")


def test_comparison_of_identical_content_says_so(client, web_archive):
    v = web_archive.versions[1]
    tree = get_page(client, f"/diff/{v}/{v}")
    assert "相同" in texts(tree, "//section[@id='summary']/p")[0]
    assert not tree.xpath("//td[contains(@class,'changed')]")


def test_compare_form_redirects_to_the_comparison(client, web_archive):
    v1, v2, _ = web_archive.versions
    response = client.get(f"/compare?a={v1}&b={v2}", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/diff/{v1}/{v2}"
    tree = get_page(client, f"/reports/{web_archive.kaifeng_2021}")
    assert tree.xpath("//form[@action='/compare']/label/select[@name='a']")


# -- findings, agencies, runs ----------------------------------------------------------------------------

def test_findings_are_counted_by_rule_and_severity(client):
    tree = get_page(client, "/findings")
    rows = [(texts(r, "td[1]")[0], texts(r, "td[2]//code")[0], texts(r, "td[3]")[0])
            for r in tree.xpath("//table[contains(@class,'rule-counts')]/tbody/tr")]
    counts = {(sev, rule): int(n) for sev, rule, n in rows}
    assert counts[("错误", "s3.row_sum")] == 2
    assert counts[("错误", "document.unreadable")] == 1
    assert counts[("警告", "yoy.carry")] == 2
    assert counts[("警告", "report.overdue")] == 1
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=["错误", "警告", "提示"].index)
    [row_sum] = tree.xpath("//table[contains(@class,'rule-counts')]/tbody/tr[.//code='s3.row_sum']/td[2]")
    assert texts(row_sum, "a") == ["表三行合计不符"]                       # the rule's Chinese name
    assert texts(row_sum, "span[@class='rule-explanation']") == ["表三某一行六类申请人之和不等于该行总计。"]


def test_findings_filter_by_rule(client, web_archive):
    tree = get_page(client, "/findings?rule=yoy.carry&severity=warning")
    assert texts(tree, "//*[@id='total']") == ["2"]
    assert set(texts(tree, "//table[contains(@class,'findings-list')]/tbody/tr/td[3]//code")) == {"yoy.carry"}
    assert set(texts(tree, "//table[contains(@class,'findings-list')]/tbody/tr/td[3]/span")) == {"上年结转不一致"}
    assert all("2022" in t for t in texts(tree, "//table[contains(@class,'findings-list')]/tbody/tr/td[1]"))


def test_agency_page_has_its_years_checks_and_a_chart(client, web_archive):
    tree = get_page(client, f"/agencies/{web_archive.kaifeng_agency}")
    assert texts(tree, "//h1") == ["开封市人民政府"]
    years = texts(tree, "//table[contains(@class,'years')]/tbody/tr/td[1]")
    assert years == ["2021", "2022"]
    checks = texts(tree, "//table[contains(@class,'years')]/tbody/tr[2]//ul[@class='checks']/li")
    assert any("上年结转" in c for c in checks)
    bars = tree.xpath("//figure[@class='chart']//*[local-name()='rect']")
    assert {b.get("class") for b in bars} >= {"s-received", "s-granted"}
    assert any("2021年 新收申请 545" in t for t in texts(tree, "//*[local-name()='rect']/*[local-name()='title']"))


def test_agency_search(client, web_archive):
    tree = get_page(client, "/agencies?q=开封")
    assert texts(tree, "//table[contains(@class,'agencies')]/tbody/tr/td") == ["开封市人民政府", "2", "开封市审计局", "1"]


def test_run_page_lists_the_changes_of_a_crawl(client, web_archive):
    tree = get_page(client, "/runs/2")
    kinds = texts(tree, "//table[contains(@class,'run-changes')]/tbody/tr/td[2]")
    assert "数字修改" in kinds and "撤回" in kinds
    v1, v2, _ = web_archive.versions
    assert tree.xpath(f"//table[contains(@class,'run-changes')]//a[@href='/diff/{v1}/{v2}']")
    assert not tree.xpath("//nav[@class='pager']")        # one page


def test_run_page_shows_the_sub_sites_and_their_report_columns(client, web_archive):
    tree = get_page(client, "/runs/2")
    assert texts(tree, "//table[contains(@class,'run-coverage')]/tbody/tr/td[1]") \
        == ["开封市人民政府", "开封市信访局", "开封市教育局", "开封市卫生健康委员会"]


def test_run_page_shows_a_sub_site_refused_by_robots_as_not_crawled_never_as_lacking_a_column(client, web_archive):
    tree = get_page(client, "/runs/2")
    row = tree.xpath("//table[contains(@class,'run-coverage')]/tbody/tr[td[1]='开封市卫生健康委员会']/td[3]")[0]
    assert " ".join(row.itertext()).strip() == "未抓取：robots.txt 禁止抓取" and row.get("class") == "refused"
    assert "开封市卫生健康委员会" not in " ".join(texts(tree, "//p[@class='bad']"))
    assert "开封市卫生健康委员会（robots.txt 禁止抓取）" in " ".join(texts(tree, "//p[@class='refused']"))


def test_run_page_links_the_notices_that_publish_a_sub_sites_reports(client, web_archive):
    tree = get_page(client, "/runs/2")
    row = tree.xpath("//table[contains(@class,'run-coverage')]/tbody/tr[td[1]='开封市教育局']/td[3]")[0]
    assert [(a.text, a.get("href")) for a in row.xpath("a")] == [("通知公告 1", "http://jyj.kf.test/tzgg/")]
    assert row.get("class") == ""


def test_run_page_names_the_sub_sites_without_a_report_column(client, web_archive):
    assert "开封市信访局" in " ".join(texts(get_page(client, "/runs/2"), "//p[@class='bad']"))


def test_run_page_counts_reports_per_agency_and_year(client, web_archive):
    tree = get_page(client, "/runs/2")
    assert texts(tree, "//table[contains(@class,'run-reports')]/tbody/tr/td") == ["开封市人民政府", "1", "1"]


def test_run_page_reports_the_traps(client, web_archive):
    assert any("kf.test/rl/" in t for t in texts(get_page(client, "/runs/2"), "//p[@class='bad']"))


def test_counts_follow_a_write_to_the_archive(web_archive, tmp_path):
    """Counts over the whole archive are remembered by each connection of the server until another
    connection commits (SQLite; other databases count every time)."""
    if not web_archive.url.startswith("sqlite"):
        pytest.skip("remembering counts is SQLite's (PRAGMA data_version)")
    with sqlite3.connect(web_archive.url.removeprefix("sqlite:///")) as source, \
            sqlite3.connect(tmp_path / "copy.db") as copy:
        source.backup(copy)
    url = f"sqlite:///{tmp_path / 'copy.db'}"
    app = create_app(url, web_archive.store)
    writer = make_engine(url)

    def counts(client) -> tuple[list[str], list[str], list[str]]:
        return (texts(get_page(client, "/reports"), "//*[@id='count-failing']"),
                texts(get_page(client, "/reports?failing=1"), "//*[@id='total']"),
                texts(get_page(client, "/findings"), "//table[contains(@class,'rule-counts')]//code"))

    try:
        with TestClient(app) as client:
            for _ in range(2):        # the second time from what the connection remembers
                failing, total, rules = counts(client)
                assert failing == ["3"] and total == ["3"] and "s3.row_sum" in rules
            with Session(writer) as s:
                s.get(Report, web_archive.xinfang).error_count = 0
                s.exec(delete(Finding).where(Finding.rule == "s3.row_sum"))
                s.commit()
            failing, total, rules = counts(client)
            assert failing == ["2"] and total == ["2"] and "s3.row_sum" not in rules
    finally:
        writer.dispose()
        app.state.engine.dispose()


@pytest.mark.parametrize("path", ["/reports/999999", "/versions/999999", "/diff/1/999999", "/agencies/999999",
                                  "/runs/999999", "/reports/abc", "/nowhere"])
def test_unknown_things_are_404_pages(client, path):
    tree = get_page(client, path, status=404)
    assert texts(tree, "//h1") == ["未找到"]


# -- safety ------------------------------------------------------------------------------------------------

def test_a_malicious_title_is_shown_as_text(client, web_archive):
    for path in ("/reports", f"/reports/{web_archive.xss}", "/agencies?q=潢川", "/findings"):
        response = client.get(path)
        assert "<script>" not in response.text
        tree = html.fromstring(response.text)
        assert not tree.xpath("//script")
    tree = get_page(client, f"/reports/{web_archive.xss}")
    assert texts(tree, "//h1[@id='report-title']") == [XSS_TITLE]
    assert '&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;' in client.get(f"/reports/{web_archive.xss}").text


def test_pages_allow_no_script_and_no_framing(client):
    response = client.get("/reports")
    assert response.headers["content-security-policy"] == PAGE_CSP
    assert "script-src" not in PAGE_CSP and "default-src 'none'" in PAGE_CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_raw_document_is_a_download_never_a_page(client, web_archive):
    response = client.get(f"/versions/{web_archive.versions[0]}/raw")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-disposition"].startswith('attachment; filename="2021.html"')
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert "开封市人民政府" in response.content.decode("utf-8")
    pdf_version = client.get(f"/api/reports/{web_archive.pdf}").json()["versions"][0]["version"]
    pdf = client.get(f"/versions/{pdf_version}/raw")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content == b"%PDF-1.4\n% truncated in transit"
    assert "zk2021.pdf" in pdf.headers["content-disposition"]


@pytest.mark.parametrize(("url", "name"), [
    ("http://www.zk.gov.cn/art/2022/1/20/art_1_1.html", "art_1_1.mhtml"),
    ("http://www.zk.gov.cn/ndbg/2021/", "2021.mhtml"),
])
def test_a_page_bundled_with_its_pictures_downloads_as_mhtml(url, name):
    assert raw.filename(RawDocument(1, url, "0" * 64, "multipart/related"), "multipart/related") == name


def test_links_to_archived_urls_are_web_links_only(client, web_archive):
    tree = get_page(client, f"/reports/{web_archive.kaifeng_2021}")
    hrefs = [a.get("href") for a in tree.xpath("//a[@class='external']")]
    assert hrefs and all(h.startswith("http://") for h in hrefs)
    assert all(a.get("rel") == "noopener noreferrer nofollow" for a in tree.xpath("//a[@class='external']"))


def test_the_server_cannot_write(client, web_archive):
    assert client.post("/reports").status_code == 405
    assert client.delete(f"/reports/{web_archive.kaifeng_2021}").status_code == 405
    from sqlalchemy.exc import DBAPIError

    with Session(client.app.state.engine) as s:
        report = s.get(Report, web_archive.kaifeng_2021)
        report.title = "changed"
        with pytest.raises(DBAPIError):
            s.commit()


@pytest.mark.parametrize(("url", "media", "name"), [
    ("http://www.zk.gov.cn/download?id=5", "application/ofd", "download.ofd"),
    ("http://www.zk.gov.cn/download?id=6", "application/pdf", "download.pdf"),
    ("http://www.zk.gov.cn/download?id=7", "application/x-unheard-of", "download.bin"),
])
def test_a_file_named_by_no_extension_downloads_with_its_types_extension(url, media, name):
    assert raw.filename(RawDocument(1, url, "0" * 64, media), media) == name

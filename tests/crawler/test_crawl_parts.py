"""Reports published in parts, crawled over real HTTP (tests/crawler/parts_site.py): an article whose tables are
in 附表.xls, and an article of 正文.pdf and 附表.xls, are each one MHTML document of the article and its parts
(bytes exact); an article whose one attachment is a whole report of its own yields that report as before. Crawled
again after the 附表.xls changed under its name, the article answering 304 is bundled anew with the new xls."""

from __future__ import annotations

import base64
import email

import pytest

from tests.crawler import parts_site as site_
from tests.crawler.hostile import crawl_sites, crawled
from tests.gxparse.formats.make_xlsx import write_table_sheets
from tests.gxparse.formats.plan import report_plan
from tests.gxparse.seeds import report_dict
from tests.monitor.conftest import changed


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    site = site_.parts_site()
    with crawled({"parts": site}, tmp_path_factory.mktemp("parts")) as done:
        yield site, {item["final_url"].removeprefix(site.base): item for item in done.items["parts"]}


def _parts(item: dict) -> list[tuple[str, str, bytes]]:
    message = email.message_from_bytes(base64.b64decode(item["body"]))
    return [(p["Content-Location"], p.get_content_type(), p.get_payload(decode=True)) for p in message.get_payload()]


def test_an_article_and_its_tables_workbook_are_one_document(crawl):
    site, items = crawl
    item = items[site_.ARTICLE]
    assert item["content_type"] == "multipart/related" and item["year"] == 2021
    parts = _parts(item)
    assert [(url.removeprefix(site.base), kind) for url, kind, _ in parts] == [
        (site_.ARTICLE, "text/html"), (site_.TABLES, site_.XLS)]
    assert parts[1][2] == site_.tables_bytes()


def test_an_article_of_a_body_pdf_and_a_tables_workbook_is_one_document(crawl):
    site, items = crawl
    item = items[site_.OF_PARTS]
    parts = _parts(item)
    assert [(url.removeprefix(site.base), kind) for url, kind, _ in parts] == [
        (site_.OF_PARTS, "text/html"), (site_.BODY, "application/pdf"), (site_.BODY_TABLES, site_.XLS)]
    assert parts[1][2] == site.answers[site_.BODY].body and parts[2][2] == site_.tables_bytes()
    assert item["agency"] == "癸市审计局" and item["year"] == 2023
    assert {p["url"].removeprefix(site.base) for p in item["pictures"]} == {site_.BODY, site_.BODY_TABLES}


def test_no_part_is_yielded_as_a_report_of_its_own(crawl):
    _, items = crawl
    assert not {site_.TABLES, site_.BODY, site_.BODY_TABLES} & set(items)


def test_an_attachment_that_is_a_whole_report_stays_a_report_of_its_own(crawl):
    site, items = crawl
    assert items[site_.WHOLE]["content_type"] == "application/pdf"
    assert base64.b64decode(items[site_.WHOLE]["body"]) == site.answers[site_.WHOLE].body
    assert site_.DECOY not in items


def test_every_report_of_the_site_is_yielded_once(crawl):
    site, items = crawl
    assert set(site.expected) <= {site.base + url for url in items}
    assert len(items) == len(site.expected) + 3


@pytest.fixture(scope="module")
def recrawl(tmp_path_factory):
    """The site crawled twice over one state: its article served with an ETag, its 附表.xls replaced in between
    by a workbook of the same tables with one figure changed (the new bytes)."""
    site = site_.parts_site()
    site.answers[site_.ARTICLE].etag = '"article-1"'
    state = tmp_path_factory.mktemp("reparts")
    try:
        crawl_sites({"parts": site}, state, feed="first-")
        report = report_dict("kaifeng_2021")
        revised = changed(report, s2__penalty__decisions=report["s2"]["penalty"]["decisions"] + 10)
        tables = write_table_sheets(report_plan("kaifeng_2021", revised), revised["title"], state / "new.xlsx")
        site.answers[site_.TABLES].body = tables.read_bytes()
        site.log.clear()
        second = crawl_sites({"parts": site}, state, feed="second-")
        yield site, {item["final_url"].removeprefix(site.base): item for item in second.items["parts"]}
    finally:
        site.close()


def test_a_changed_part_of_an_article_answering_304_is_bundled_anew(recrawl):
    site, items = recrawl
    assert site.not_modified == [site_.ARTICLE]
    # the article: its 304, then fetched again; the xls: checked, then fetched again for the new bundle
    assert site.log.count(site_.ARTICLE) == 2 and site.log.count(site_.TABLES) == 2
    item = items[site_.ARTICLE]
    assert item["status"] == 200 and item["content_type"] == "multipart/related"
    parts = _parts(item)
    assert [url.removeprefix(site.base) for url, _, _ in parts] == [site_.ARTICLE, site_.TABLES]
    assert parts[0][2] == site.answers[site_.ARTICLE].body
    assert parts[1][2] == site.answers[site_.TABLES].body != site_.tables_bytes()
    assert site_.TABLES not in items

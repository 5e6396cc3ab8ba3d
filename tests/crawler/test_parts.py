"""crawler.documents.parts: which attachments of an article are parts of its one report, by their names; and the bundle
of an article with its attached parts (crawler.documents.bundle)."""

from __future__ import annotations

import email
import time

import pytest

from crawler.documents.bundle import Part, PicturedPage
from crawler.documents.parts import MAX_PARTS, report_parts
from crawler.items import ReportDocument
from crawler.pages.links import Link

BASE = "http://www.x.gov.cn/ndbg/"


def links(*named: tuple[str, str]) -> list[Link]:
    return [Link(BASE + href, text) for text, href in named]


@pytest.mark.parametrize(("files", "holds_report", "parts"), [
    ((("附表.xls", "fb.xls"),), True, ["fb.xls"]),
    ((("附件2：2023年政府信息公开统计表", "download?id=2"),), True, ["download?id=2"]),
    ((("", "20240120_tables.xlsx"),), True, ["20240120_tables.xlsx"]),          # a workbook holds tables
    ((("附件1：正文.pdf", "zw.pdf"), ("附件2：附表.xls", "fb.xls")), False, ["zw.pdf", "fb.xls"]),
    ((("附件1", "a1.pdf"), ("附件2", "a2.doc")), False, ["a1.pdf", "a2.doc"]),
    ((("某局2023年政府信息公开工作年度报告附表", "fb.pdf"),), False, ["fb.pdf"]),
], ids=["table-words", "statistics-table", "workbook-on-a-report", "body-and-tables", "bare-attachments",
        "the-reports-tables"])
def test_attachments_named_as_parts_of_the_report_are_its_parts(files, holds_report, parts):
    assert [link.url.removeprefix(BASE) for link in report_parts(links(*files), holds_report)] == parts


@pytest.mark.parametrize(("files", "holds_report"), [
    ((("某局2023年政府信息公开工作年度报告.pdf", "nb.pdf"),), False),             # a whole report of its own
    ((("某局2023年政府信息公开工作年度报告.pdf", "nb.pdf"), ("附表.xls", "fb.xls")), False),
    ((("某局2023年政府信息公开工作年度报告.pdf", "nb.pdf"),), True),              # a copy of the page's report
    ((("政策解读.pdf", "jd.pdf"),), True),
    ((("", "tu1.png"),), True),                                                    # a picture is the page's
    ((("", "2023年部门预算.xls"),), False),                                         # a workbook of no report's page
], ids=["whole-report", "whole-report-beside-tables", "copy-of-the-page", "other-file", "picture", "workbook-alone"])
def test_other_attachments_are_judged_as_before(files, holds_report):
    assert report_parts(links(*files), holds_report) == []


def test_an_article_has_at_most_max_parts():
    files = links(*((f"附表{n}.xls", f"fb{n}.xls") for n in range(MAX_PARTS + 3)))
    assert len(report_parts(files, True)) == MAX_PARTS


@pytest.mark.parametrize("holds_report", [True, False])
def test_an_article_listing_ten_thousand_attachments_is_judged_in_linear_time(holds_report):
    # each named file looked up in the list of named files: 8.7 s of CPU
    files = [Link(f"http://a.gov.cn/f/附表{n}.xls", f"附表{n}", "", "a") for n in range(10_000)]
    started = time.process_time()
    assert report_parts(files, holds_report) == files[:MAX_PARTS]
    assert time.process_time() - started < 1


def test_an_article_is_bundled_with_its_attached_parts_bytes_exact_and_known_by_their_validators():
    item = ReportDocument("s", BASE + "a.html", BASE + "a.html", 200, {"etag": '"p"'}, b"<html>...</html>")
    page = PicturedPage(item, "utf-8", [], documents=frozenset([BASE + "fb.xls"]))
    page.attached.append(Part(BASE + "fb.xls", "application/vnd.ms-excel", b"\xd0\xcf\x11\xe0xls", '"x1"', None))
    page.pictures.append(Part(BASE + "t1.png", "image/png", b"\x89PNG...", '"i1"', None))
    bundled = page.bundled()
    parts = email.message_from_bytes(bundled.body).get_payload()
    assert [(p["Content-Location"], p.get_content_type(), p.get_payload(decode=True)) for p in parts[1:]] == [
        (BASE + "fb.xls", "application/vnd.ms-excel", b"\xd0\xcf\x11\xe0xls"),
        (BASE + "t1.png", "image/png", b"\x89PNG...")]
    assert [(p["url"], p["etag"], p["part"]) for p in bundled.pictures] == [
        (BASE + "fb.xls", '"x1"', True), (BASE + "t1.png", '"i1"', False)]

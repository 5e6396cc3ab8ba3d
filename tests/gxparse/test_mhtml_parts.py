"""An article bundled with the attachments that are parts of its report (crawler.documents.parts,
crawler.documents.bundle) is read as one report by gxparse.readers.mhtml: the article's prose, each part by the reader
of its kind, the sections from whichever part holds them, the title from the article."""

from __future__ import annotations

from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from gxparse import parse_document
from simsite.render import render_report_html
from tests.gxparse.seeds import expected_tables, report_dict, seed_prose

FILES = Path(__file__).resolve().parent.parent / "files"
URL = "http://www.kaifeng.gov.cn/zwgk/ndbg/t20220120_91.html"
TITLE = "开封市人民政府2021年政府信息公开工作年度报告"
ARTICLE = (FILES / "parts_article_tables_attached.html").read_text("utf-8")
TABLES = (FILES / "parts_tables.xls").read_bytes()
STUB = (f'<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body><h1>{TITLE}</h1>'
        '<p>现将报告公布如下。</p><a href="zw.pdf">附件1：正文.pdf</a><a href="fb.xls">附件2：附表.xls</a></body></html>')


def bundle(html: str, parts: list[tuple[str, str, bytes]]) -> bytes:
    """``html`` at URL and its attached ``parts`` (file name, media type, bytes) as MHTML, as the crawler bundles
    them."""
    message = MIMEMultipart("related", type="text/html")
    message["Snapshot-Content-Location"] = URL
    page = MIMEText(html, "html", "utf-8")
    page["Content-Location"] = URL
    message.attach(page)
    for name, media, data in parts:
        part = MIMEApplication(data, media.split("/")[1])
        part.replace_header("Content-Type", media)
        part["Content-Location"] = URL.rsplit("/", 1)[0] + "/" + name
        message.attach(part)
    return message.as_bytes()


def _errors(report: dict) -> list[str]:
    return [f["rule"] for f in report["findings"] if f["severity"] == "error"]


def test_an_article_bundled_with_its_tables_workbook_is_one_report_with_every_cell():
    report = parse_document(bundle(ARTICLE, [("parts_tables.xls", "application/vnd.ms-excel", TABLES)]),
                            "bundle.mhtml").to_dict()
    expected = expected_tables("kaifeng_2021")
    assert {table: report[table] for table in ("s2", "s3", "s4")} == expected
    assert report["sections_present"] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert (report["title"], report["agency"], report["year"]) == (TITLE, "开封市人民政府", 2021)
    assert report["text"]["s1"] and report["text"]["s6"] and not _errors(report)


def test_an_article_of_a_body_pdf_and_a_tables_workbook_is_one_report_with_every_cell():
    body = (FILES / "parts_body.pdf").read_bytes()
    report = parse_document(bundle(STUB, [("zw.pdf", "application/pdf", body),
                                          ("fb.xls", "application/octet-stream", TABLES)]), "bundle.mhtml").to_dict()
    assert {table: report[table] for table in ("s2", "s3", "s4")} == expected_tables("kaifeng_2021")
    assert report["sections_present"] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert report["title"] == TITLE and report["text"]["s5"] and not _errors(report)


def test_a_part_that_is_no_document_is_left_out():
    report = parse_document(bundle(ARTICLE, [("x.bin", "application/octet-stream", b"\x00garbage" * 100)]),
                            "bundle.mhtml").to_dict()
    assert report["sections_present"] == ["s1", "s2", "s3", "s4", "s5", "s6"] and report["s2"] is None


def test_a_tables_workbook_beside_an_article_printing_the_tables_itself_is_no_second_table():
    """An article holding the whole report, tables included, with the same tables again as 附表.xls: each section's
    table is the article's, read whole (the copy after it left table 四's cells unread)."""
    html = render_report_html({**report_dict("kaifeng_2021"), **seed_prose("kaifeng_2021")})
    report = parse_document(bundle(html, [("fb.xls", "application/vnd.ms-excel", TABLES)]), "bundle.mhtml").to_dict()
    assert {table: report[table] for table in ("s2", "s3", "s4")} == expected_tables("kaifeng_2021")
    assert not [f for f in report["findings"] if f["rule"].startswith(("cell.", "table."))]

"""Hostile inputs that must be read, and read right: Unicode with a byte-order mark, Big5, odd declared
charsets, external entities, numbers too long to be figures, pages too large to render but with text."""

from __future__ import annotations

import pytest

from gxparse import parse_document
from gxparse.readers.sniff import decode, sniff
from tests.gxparse.hostile.attacks import BY_NAME
from tests.gxparse.seeds import SEEDS, seed_bytes

KAIFENG = seed_bytes("kaifeng_2021").decode()
# A passage of a Taiwanese annual report: traditional characters, as Big5 files hold them.
TRADITIONAL = "臺北市政府資訊公開年度報告\n一、總體情況\n本機關依法受理人民申請案件，總計辦結一百件，處理情形良好。\n"


@pytest.fixture(scope="module")
def kaifeng():
    return parse_document(KAIFENG.encode(), "kaifeng.txt")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be", "utf-32-be", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark_reads_as_the_seed(kaifeng, encoding):
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(encoding, b"")
    report = parse_document(bom + KAIFENG.encode(encoding), f"kaifeng.{encoding}.txt")
    assert (report.s2, report.s3, report.s4) == (kaifeng.s2, kaifeng.s3, kaifeng.s4)
    assert report.agency == kaifeng.agency


def test_utf16_html_is_html():
    data = BY_NAME["html-utf16"].build()
    assert sniff(data) == "html"
    report = parse_document(data, "page.html")
    assert report.source_type == "html" and report.title == "2021年政府信息公开工作年度报告"


def test_big5_is_decoded_as_big5_not_gb18030():
    data = TRADITIONAL.encode("big5")
    assert decode(data, "tw.txt") == TRADITIONAL
    assert parse_document(data, "tw.txt").source_type == "text"
    seed = KAIFENG.encode("big5", errors="replace")   # simplified characters Big5 lacks become "?"
    assert decode(seed, "k.txt") == seed.decode("big5")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_is_not_taken_for_big5(encoding):
    for name in SEEDS:
        data = seed_bytes(name).decode().encode(encoding, errors="replace")
        assert decode(data, name) == data.decode(encoding)


@pytest.mark.parametrize("charset", ["zlib", "hex", "base64", "punycode", "idna", "utf-7", "utf-16", "rot13",
                                     "unicode_escape", "no-such-charset"])
def test_a_declared_charset_that_cannot_be_right_is_ignored(charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>开封市2021年年度报告</p></body></html>'
    for encoding in ("utf-8", "gb18030"):
        text = decode(page.encode(encoding), "page.html")
        assert "开封市2021年年度报告" in text


def test_external_entities_are_never_resolved():
    report = parse_document(BY_NAME["docx-xxe"].build(), "xxe.docx")
    assert "root:" not in report.s1_text + report.s6_text + "".join(f.message for f in report.findings)


def test_a_400_digit_count_in_a_rate_sentence_is_not_a_figure(kaifeng):
    report = parse_document(BY_NAME["text-rate-400-digits"].build(), "rate.txt")
    assert report.stated_rates == kaifeng.stated_rates
    assert report.s3 == kaifeng.s3


def test_a_5000_digit_count_in_the_prose_is_not_a_figure(kaifeng):
    report = parse_document(BY_NAME["text-4300-digits"].build(), "long.txt")
    assert report.narrative == kaifeng.narrative


def test_a_5000_digit_cell_is_an_invalid_value_not_a_crash():
    report = parse_document(BY_NAME["text-4300-digit-cell"].build(), "cell.txt")
    (finding,) = [f for f in report.findings if f.rule == "value.invalid"]
    assert "数字位数过多" in finding.message and finding.cells == ["s3.result.granted.natural_person"]


def test_a_huge_page_with_a_text_layer_is_read_without_rendering():
    report = parse_document(BY_NAME["pdf-huge-page-text"].build(), "big.pdf")
    assert report.source_type == "pdf" and report.pages == 1


def test_an_absurd_stated_resolution_is_replaced_by_an_estimate():
    assert parse_document(BY_NAME["png-absurd-dpi"].build(), "dpi.png").source_type == "ocr"

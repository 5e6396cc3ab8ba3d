"""A report page bundled with its pictures as MHTML (crawler.documents.bundle): the same bytes for the same page and
pictures, and every part found again by its Content-Location, as a reader of the bundle finds it."""

from __future__ import annotations

import email
from dataclasses import replace

from crawler.documents.bundle import MAX_FAILED_PICTURES, MHTML_TYPE, Part, PicturedPage, mhtml
from crawler.items import ReportDocument
from tests.crawler.helpers import FILES

PAGE_URL = "http://www.zhoukou.gov.cn/zwgk/ndbg/202501/t20250124_1345678.html"
PAGE = Part(PAGE_URL, "text/html", (FILES / "detail_picture_tables.html").read_bytes())
PNG = Part("http://www.zhoukou.gov.cn/zwgk/ndbg/202501/W020250124593812345678.png", "image/png",
           b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
JPEG = Part("http://file.zhoukou.gov.cn/uploads/2025/01/b7e2d4c9.jpg", "image/jpeg",
            b"\xff\xd8\xff\xe0" + b"\r\n" * 500)


def _parts(bundle: bytes) -> dict[str, email.message.Message]:
    message = email.message_from_bytes(bundle)
    return {part["Content-Location"]: part for part in message.get_payload()}


def _item(body: bytes = PAGE.body) -> ReportDocument:
    return ReportDocument(site_id="zhoukou", url=PAGE_URL, final_url=PAGE_URL, status=200,
                          headers={"content-type": "text/html; charset=utf-8", "etag": '"abc"'}, body=body,
                          content_type="text/html", page_title="周口市生态环境局2024年政府信息公开工作年度报告",
                          agency="周口市生态环境局", year=2024, published_at="2025-01-24")


def test_the_same_page_and_pictures_give_the_same_bytes():
    assert mhtml(PAGE, [PNG, JPEG], "utf-8") == mhtml(PAGE, [PNG, JPEG], "utf-8")


def test_another_picture_gives_another_boundary():
    other = replace(PNG, body=PNG.body + b"\x00")
    assert mhtml(PAGE, [PNG], "utf-8").split(b"\r\n")[0] != mhtml(PAGE, [other], "utf-8").split(b"\r\n")[0]


def test_the_bundle_has_no_date():
    assert email.message_from_bytes(mhtml(PAGE, [PNG], "utf-8"))["Date"] is None


def test_the_bundle_is_multipart_related_with_the_page_as_its_root():
    message = email.message_from_bytes(mhtml(PAGE, [PNG], "utf-8"))
    assert (message.get_content_type(), message.get_param("type")) == ("multipart/related", "text/html")


def test_the_bundle_names_the_page_it_was_saved_from():
    assert email.message_from_bytes(mhtml(PAGE, [PNG], "utf-8"))["Snapshot-Content-Location"] == PAGE_URL


def test_the_page_is_the_first_part():
    message = email.message_from_bytes(mhtml(PAGE, [PNG, JPEG], "utf-8"))
    assert message.get_payload()[0]["Content-Location"] == PAGE_URL


def test_the_pictures_follow_in_page_order():
    message = email.message_from_bytes(mhtml(PAGE, [PNG, JPEG], "utf-8"))
    assert [p["Content-Location"] for p in message.get_payload()[1:]] == [PNG.url, JPEG.url]


def test_the_page_comes_back_byte_for_byte():
    assert _parts(mhtml(PAGE, [PNG], "utf-8"))[PAGE_URL].get_payload(decode=True) == PAGE.body


def test_the_page_part_says_its_charset():
    assert _parts(mhtml(PAGE, [PNG], "gb18030"))[PAGE_URL].get_content_charset() == "gb18030"


def test_a_picture_comes_back_byte_for_byte():
    assert _parts(mhtml(PAGE, [PNG, JPEG], "utf-8"))[JPEG.url].get_payload(decode=True) == JPEG.body


def test_a_picture_keeps_its_content_type():
    assert _parts(mhtml(PAGE, [PNG, JPEG], "utf-8"))[JPEG.url].get_content_type() == "image/jpeg"


def test_a_long_url_stays_on_one_header_line():
    long = replace(PNG, url=PNG.url.replace(".png", "_" + "x" * 200 + ".png"))
    assert long.url in _parts(mhtml(PAGE, [long], "utf-8"))


def test_a_page_whose_pictures_all_failed_stays_html():
    item = _item()
    assert PicturedPage(item, "utf-8", []).bundled() is item


def test_a_page_whose_pictures_keep_failing_asks_none_after_the_failures_bound():
    """Pictures a tarpit trickles until the timeout: 12 would hold the page 12 timeouts."""
    page = PicturedPage(_item(), "utf-8", [f"{PAGE_URL}/{n}.png" for n in range(12)], [PNG])
    given_up = [page.failed_one() for _ in range(MAX_FAILED_PICTURES)]
    assert given_up == [0] * (MAX_FAILED_PICTURES - 1) + [12 - MAX_FAILED_PICTURES] and page.waiting == []
    assert [p.url for p in page.pictures] == [PNG.url]


def test_a_page_whose_picture_failed_once_asks_the_next():
    page = PicturedPage(_item(), "utf-8", [f"{PAGE_URL}/{n}.png" for n in range(3)])
    assert page.failed_one() == 0 and page.waiting == [f"{PAGE_URL}/1.png", f"{PAGE_URL}/2.png"]


def test_a_bundled_page_is_multipart_related():
    assert PicturedPage(_item(), "utf-8", [], [PNG]).bundled().content_type == MHTML_TYPE


def test_a_bundled_page_keeps_the_page_headers():
    assert PicturedPage(_item(), "utf-8", [], [PNG]).bundled().headers["etag"] == '"abc"'


def test_a_bundled_page_keeps_the_page_title():
    assert PicturedPage(_item(), "utf-8", [], [PNG]).bundled().page_title == "周口市生态环境局2024年政府信息公开工作年度报告"


def test_a_bundled_page_holds_the_page_and_its_pictures():
    body = PicturedPage(_item(), "utf-8", [], [PNG, JPEG]).bundled().body
    assert list(_parts(body)) == [PAGE_URL, PNG.url, JPEG.url]

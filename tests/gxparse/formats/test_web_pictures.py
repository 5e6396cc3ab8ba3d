"""Web pages whose tables are pasted as pictures (screenshots put into the CMS editor): the pictures are read by
OCR where they stand when their bytes are at hand (an MHTML bundle, ``data:`` URIs, a page saved beside its
pictures); when they are not, the tables are unread, which accuses no one."""

import base64
import io
import quopri
import re

import pytest
from PIL import Image

from gxparse import parse_document
from gxparse.cli import _beside
from gxparse.parser import read_document
from gxparse.readers.sniff import sniff
from tests.gxparse.formats.build import PICTURED_PAGE_URL, mhtml_bundle
from tests.gxparse.formats.compare import TABLES, text_version

NAME = "huangchuan_2021"


def _errors(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["severity"] == "error"]


def test_a_page_saved_with_its_pictures_as_mhtml_reads_its_tables_from_them(fixtures):
    report = parse_document(fixtures.pictured_mhtml(NAME).read_bytes(), "page.mhtml").to_dict()
    text = text_version(NAME)
    assert report["source_type"] == "ocr"
    assert (report["agency"], report["year"]) == (text["agency"], text["year"])
    assert {t: report[t] for t in TABLES} == {t: text[t] for t in TABLES}
    assert not _errors(report)


def test_pictures_given_as_data_uris_are_read(fixtures):
    html, pictures = fixtures.pictured_page(NAME)
    for src, data in pictures.items():
        html = html.replace(f'src="{src}"', f'src="data:image/png;base64,{base64.b64encode(data).decode()}"')
    report = parse_document(html.encode(), "page.html").to_dict()
    text = text_version(NAME)
    assert {t: report[t] for t in TABLES} == {t: text[t] for t in TABLES}


def test_pictures_given_by_the_caller_are_read_by_their_src(fixtures):
    html, pictures = fixtures.pictured_page(NAME)
    report = parse_document(html.encode(), "page.html", pictures.get).to_dict()
    assert report["s3"] == text_version(NAME)["s3"]


def test_a_picture_loaded_as_it_scrolls_into_view_is_read_from_its_real_source(fixtures):
    html, pictures = fixtures.pictured_page(NAME)
    lazy = html.replace('<img src="', '<img src="/images/loading.gif" data-original="')
    report = parse_document(lazy.encode(), "page.html", pictures.get).to_dict()
    assert report["s4"] == text_version(NAME)["s4"]


def test_a_page_whose_pictures_are_not_at_hand_leaves_its_tables_unread_and_accuses_no_one(fixtures):
    html, _ = fixtures.pictured_page(NAME)
    report = parse_document(html.encode(), "page.html").to_dict()
    assert report["source_type"] == "html" and all(report[t] is None for t in TABLES)
    unread = [f["message"] for f in report["findings"] if f["rule"] == "table.unread"]
    assert [next(t for t in ("表二", "表三", "表四") if t in message) for message in unread] == ["表二", "表三", "表四"]
    assert not _errors(report)


def test_a_bundle_whose_picture_is_broken_is_read_as_its_page():
    page = "<html><body><h1>某县人民政府2023年政府信息公开工作年度报告</h1><img src='t.png'></body></html>"
    bundle = mhtml_bundle(PICTURED_PAGE_URL, page, {"t.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64})
    report = parse_document(bundle, "broken.mhtml").to_dict()
    assert report["source_type"] == "html" and report["year"] == 2023


def test_mhtml_is_sniffed_by_its_header_block():
    assert sniff(mhtml_bundle(PICTURED_PAGE_URL, "<p>x</p>", {})) == "mhtml"
    word = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01D\"\r\n\r\n"
    assert sniff(word) == "mhtml"
    assert sniff(b"2023\xe5\xb9\xb4\nContent-Type: multipart/related\n") == "text"


def test_a_saved_page_reads_pictures_beside_it_and_nothing_outside_its_folder(tmp_path):
    folder = tmp_path / "saved"
    (folder / "page_files").mkdir(parents=True)
    (folder / "page_files" / "t1.png").write_bytes(b"table")
    (tmp_path / "secret.png").write_bytes(b"secret")
    picture = _beside(folder / "page.html")
    assert picture("page_files/t1.png") == b"table"
    assert picture("page%5Ffiles/t1.png") == b"table"
    for outside in ("../secret.png", "page_files/../../secret.png", str(tmp_path / "secret.png"),
                    "file://" + str(tmp_path / "secret.png"), "http://example.gov.cn/t1.png", ""):
        assert picture(outside) is None, outside


def test_a_word_single_file_web_page_in_gb2312_quoted_printable_is_read():
    """Word's 单个文件网页 (.mht): the page quoted-printable in GB2312, its location a local file."""
    page = ("<html><head><meta http-equiv=Content-Type content='text/html; charset=gb2312'></head><body>"
            "<p class=MsoNormal align=center>开封市人民政府2021年政府信息公开工作年度报告</p></body></html>")
    mht = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D7"\r\n\r\n'
           b"------=_NextPart_01D7\r\nContent-Location: file:///C:/D0A1B2C3/report.htm\r\n"
           b'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n'
           + quopri.encodestring(page.encode("gb2312")) + b"\r\n------=_NextPart_01D7--\r\n")
    report = parse_document(mht, "report.mht").to_dict()
    assert (report["agency"], report["year"]) == ("开封市人民政府", 2021)


def _blank_png() -> bytes:
    out = io.BytesIO()
    Image.new("L", (1000, 400), 255).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(("src", "location"), [
    ("附件/表三.png", "http://www.example.gov.cn/art/2022/1/20/%E9%99%84%E4%BB%B6/%E8%A1%A8%E4%B8%89.png"),
    ("%E8%A1%A8%E4%B8%89.png", "http://www.example.gov.cn/art/2022/1/20/表三.png"),
    ("/uploads/t3.png", "http://www.example.gov.cn/uploads/t3.png"),
])
def test_a_bundled_picture_is_found_by_its_location_percent_encoded_or_not(src, location):
    bundle = mhtml_bundle(PICTURED_PAGE_URL, f"<p>二、主动公开政府信息情况</p><img src='{src}'>", {})
    part = f"--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: {location}\r\n\r\n"
    document = read_document(_with_part(bundle, part.encode() + base64.encodebytes(_blank_png())), "x.mhtml")
    assert document.read_pictures is not None


def test_a_bundled_page_with_a_base_href_finds_its_pictures_against_it():
    page = "<html><head><base href='http://static.example.gov.cn/a/'></head><body><img src='t3.png'></body></html>"
    bundle = mhtml_bundle(PICTURED_PAGE_URL, page, {})
    part = b"--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: " \
           b"http://static.example.gov.cn/a/t3.png\r\n\r\n"
    assert read_document(_with_part(bundle, part + base64.encodebytes(_blank_png())), "x.mhtml").read_pictures


def _with_part(bundle: bytes, part: bytes) -> bytes:
    """The bundle with one more part, its boundary renamed B."""
    boundary = re.search(rb'boundary="([^"]+)"', bundle).group(1)
    bundle = bundle.replace(boundary, b"B")
    return bundle.replace(b"\n--B--", b"\n" + part + b"\r\n--B--")


def _html_part(location: str, body: str, content_id: str = "") -> bytes:
    cid = f"Content-ID: <{content_id}>\r\n" if content_id else ""
    return (f"--B\r\nContent-Type: text/html; charset=utf-8\r\n{cid}Content-Transfer-Encoding: base64\r\n"
            f"Content-Location: {location}\r\n\r\n").encode() + base64.encodebytes(body.encode())


FIRST_PAGE = ("<html><body><h1>某县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
              "<iframe src='share.html'></iframe><div style='background:url(\"header.htm\")'></div></body></html>")
FURTHER_PAGE = "<html><body><p>六、其他需要报告的事项</p><p>本机关收取信息处理费0元。</p></body></html>"


def test_an_articles_further_page_bundled_after_it_is_read_after_it():
    bundle = _with_part(mhtml_bundle(PICTURED_PAGE_URL, FIRST_PAGE, {}),
                        _html_part(PICTURED_PAGE_URL.replace(".html", "_1.html"), FURTHER_PAGE))
    lines = read_document(bundle, "x.mhtml").lines
    assert lines[-1].text == "本机关收取信息处理费0元。" and lines[-1].where.startswith("第2页")


@pytest.mark.parametrize(("location", "content_id"), [
    ("share.html", ""),                                   # a frame the page shows
    ("http://elsewhere.example/ad.html", "frame-3F2A@mhtml.blink"),   # Chromium names its frames so
    ("header.htm", ""),                                   # Word's header and footer, named by its CSS
])
def test_a_page_part_the_first_page_embeds_is_no_further_page(location, content_id):
    location = location if location.startswith("http") else PICTURED_PAGE_URL.rsplit("/", 1)[0] + "/" + location
    bundle = _with_part(mhtml_bundle(PICTURED_PAGE_URL, FIRST_PAGE, {}), _html_part(location, FURTHER_PAGE, content_id))
    assert all("信息处理费" not in line.text for line in read_document(bundle, "x.mhtml").lines)

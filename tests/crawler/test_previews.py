"""The file a document preview service shows (crawler.documents.previews): kkFileView, Office Online, 永中 DCS,
pdf.js, …?fileUrl=; values that hold no file's address leave the preview's own address."""

from __future__ import annotations

import base64
from urllib.parse import quote

import pytest

from crawler.documents.previews import MAX_DECODINGS, MAX_VALUE_CHARS, viewed_file
from crawler.pages.exits import MAX_QUERY_FIELDS
from crawler.hosts.scope import Scope

FILE = "http://www.xp.gov.cn/upload/2025/西屏市2024年政府信息公开工作年度报告.pdf"
KK = "http://view.xp.gov.cn:8012/onlinePreview?url="


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize("preview, shown", [
    (KK + quote(_b64(FILE), safe=""), FILE),                                   # kkFileView 3.x/4.x
    (KK + _b64(FILE), FILE),                                                   # its Base64 not URL-encoded
    (KK + base64.urlsafe_b64encode(FILE.encode()).decode().rstrip("="), FILE),  # URL-safe, unpadded
    (KK + quote(FILE, safe=""), FILE),                                         # kkFileView 2.x
    ("https://view.officeapps.live.com/op/view.aspx?src=" + quote("http://www.xp.gov.cn/a/nb.docx", safe=""),
     "http://www.xp.gov.cn/a/nb.docx"),
    ("http://dcs.yozosoft.com/onlinefile?downloadUrl=http://www.xp.gov.cn/a/nb.doc", "http://www.xp.gov.cn/a/nb.doc"),
    ("http://www.xp.gov.cn/pdfjs/web/viewer.html?file=%252Fupload%252Fnb.pdf", "http://www.xp.gov.cn/upload/nb.pdf"),
    ("http://www.xp.gov.cn/pdfjs/web/viewer.html?file=%2Fupload%2F%25E5%25B9%25B4.pdf",
     "http://www.xp.gov.cn/upload/%E5%B9%B4.pdf"),                              # the file's own escapes kept
    ("http://www.xp.gov.cn/static/pdfjs/web/viewer.html?file=../../../fgw/nb.pdf", "http://www.xp.gov.cn/fgw/nb.pdf"),
    ("http://www.xp.gov.cn/file/preview?fileUrl=" + quote("/common/download.do?fileId=12", safe=""),
     "http://www.xp.gov.cn/common/download.do?fileId=12"),
])
def test_a_preview_shows_the_file_its_query_names(preview, shown):
    assert viewed_file(preview) == shown


@pytest.mark.parametrize("preview", [
    KK + quote(_b64("http://www.xp.gov.cn/art/2025/1.html"), safe=""),   # a page, no file
    KK + quote(_b64("javascript:alert(1)//a.pdf"), safe=""),             # no web address
    KK + "bm90IGJhc2U2NCBhdCBhbGw",                                      # decodes to no address
    "http://www.xp.gov.cn/search?url=abcdefgh",
    "http://www.xp.gov.cn/art/2025/1.html",
])
def test_a_value_holding_no_files_address_leaves_the_link_as_it_is(preview):
    assert viewed_file(preview) == preview


def test_the_bounds_of_what_is_read():
    assert viewed_file(KK + quote("/upload/" + "a" * MAX_VALUE_CHARS + ".pdf", safe="")) \
        == KK + quote("/upload/" + "a" * MAX_VALUE_CHARS + ".pdf", safe="")
    past = "&".join(f"k{i}=v" for i in range(MAX_QUERY_FIELDS)) + "&file=/upload/nb.pdf"
    assert viewed_file("http://www.xp.gov.cn/viewer.html?" + past).endswith("?" + past)
    nested = "/upload/nb.pdf"
    for _ in range(MAX_DECODINGS + 1):
        nested = _b64(nested)
    assert viewed_file(KK + nested) == KK + nested


@pytest.mark.parametrize("target", [
    "http://127.0.0.1/a.pdf", "http://169.254.169.254/latest/meta-data/a.pdf", "http://10.0.0.1/a.pdf",
    "http://[::1]/a.pdf", "http://2130706433/a.pdf", "http://localhost/a.pdf", "file:///etc/passwd.pdf",
    "data:application/pdf;base64,JVBERi0=", "http://evil.example.com/a.pdf",
])
def test_a_public_sites_preview_of_a_file_elsewhere_is_out_of_its_scope(target):
    """The preview's file is judged as any file the site links: a loopback, link-local or private address, another
    scheme or a host that is no government's is never asked (no request forged from the site's pages)."""
    scope = Scope(["http://www.xp.gov.cn/"], ["xp.gov.cn"])
    for preview in (KK + quote(_b64(target), safe=""), "http://www.xp.gov.cn/pdfjs/web/viewer.html?file=" + quote(target)):
        file = viewed_file(preview)
        assert file == preview or not (scope.contains(file) or scope.government(file)), file

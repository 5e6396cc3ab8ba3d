"""The crawler's small parts on their own: validator store, content sniffing, redirect guard, conditional GET."""

from __future__ import annotations

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from crawler.documents.content import is_attachment, sniff_content_type
from crawler.documents.validators import JsonValidatorStore
from crawler.hosts.scope import Scope
from crawler.items import ReportDocument
from crawler.middlewares import ConditionalGetMiddleware, RedirectGuardMiddleware


def item(url: str, status: int = 200, site_id: str = "a", etag: str | None = '"1"') -> ReportDocument:
    headers = {"etag": etag, "last-modified": "Mon, 10 Feb 2025 01:32:00 GMT"} if etag else {}
    return ReportDocument(site_id, url, url, status, headers, b"")


def test_store_remembers_validators_of_yielded_documents(tmp_path):
    store = JsonValidatorStore(tmp_path / "v.json")
    store.item_scraped(item("http://a/1.html"))
    store.save()
    assert JsonValidatorStore(tmp_path / "v.json").get("http://a/1.html") == ('"1"', "Mon, 10 Feb 2025 01:32:00 GMT")


def test_store_lists_known_urls_per_site(tmp_path):
    store = JsonValidatorStore(tmp_path / "v.json")
    store.item_scraped(item("http://a/1.html"))
    store.item_scraped(item("http://b/1.html", site_id="b"))
    assert store.known_urls("a") == ["http://a/1.html"]


def test_store_forgets_a_withdrawn_document(tmp_path):
    store = JsonValidatorStore(tmp_path / "v.json")
    store.item_scraped(item("http://a/1.html"))
    store.item_scraped(item("http://a/1.html", status=404, etag=None))
    assert store.get("http://a/1.html") is None


def test_store_keeps_validators_on_304(tmp_path):
    store = JsonValidatorStore(tmp_path / "v.json")
    store.item_scraped(item("http://a/1.html"))
    store.item_scraped(item("http://a/1.html", status=304, etag=None))
    assert store.get("http://a/1.html") is not None


class _Store:
    def get(self, url):
        return ('"e"', "Mon, 10 Feb 2025 01:32:00 GMT") if url.endswith("known.pdf") else None

    def known_urls(self, site_id):
        return []


def test_conditional_headers_only_for_known_documents():
    mw = ConditionalGetMiddleware(_Store())
    known = Request("http://a/known.pdf", meta={"gxmon_document": True})
    listing = Request("http://a/known.pdf")
    mw.process_request(known)
    mw.process_request(listing)
    assert known.headers.get("If-None-Match") == b'"e"' and b"If-Modified-Since" in known.headers
    assert b"If-None-Match" not in listing.headers


class _Crawler:
    class spider:  # noqa: N801 (stands in for the spider object)
        allowed_domains = ["linjiang.gov.cn"]
        scope = Scope(["http://www.linjiang.gov.cn/"], allowed_domains)


def _redirect(url: str, location: str, chain: list[str] | None = None, **meta) -> Response:
    request = Request(url, meta={"redirect_urls": chain or [], **meta})
    return Response(url, status=302, headers={"Location": location}, request=request)


def test_redirect_inside_the_site_passes():
    guard = RedirectGuardMiddleware(_Crawler())
    response = _redirect("http://www.linjiang.gov.cn/a", "http://fgw.linjiang.gov.cn/b")
    assert guard.process_response(response.request, response) is response


def test_offsite_redirect_is_refused_with_its_target():
    guard = RedirectGuardMiddleware(_Crawler())
    response = _redirect("http://www.linjiang.gov.cn/a", "http://mirror.example.com/a")
    with pytest.raises(IgnoreRequest, match="off-site redirect refused: .* → http://mirror.example.com/a"):
        guard.process_response(response.request, response)


def test_a_files_download_sent_to_a_government_storage_host_passes_and_a_pages_does_not():
    # Hanweb JCMS's downfile.jsp answers 302 to the province's object storage, …/attach/0/….pdf
    guard = RedirectGuardMiddleware(_Crawler())
    download = "http://www.linjiang.gov.cn/module/download/downfile.jsp?classid=0&filename=3a2f.pdf"
    store = "https://jcmsfiles.cloud.xp.gov.cn/jcms_files/jcms1/web3432/site/attach/0/3a2f.pdf"
    response = _redirect(download, store, gxmon_document=True, allow_offsite=True)
    assert guard.process_response(response.request, response) is response
    for refused in (_redirect(download, "https://pan.example.com/3a2f.pdf", gxmon_document=True, allow_offsite=True),
                    _redirect("http://www.linjiang.gov.cn/xxgk/", "http://www.xp.gov.cn/xxgk/"),
                    _redirect(download, store, gxmon_document=True)):   # a listed document: not a page's file
        with pytest.raises(IgnoreRequest, match="off-site redirect refused"):
            guard.process_response(refused.request, refused)


def test_redirect_back_into_its_chain_is_a_loop():
    guard = RedirectGuardMiddleware(_Crawler())
    response = _redirect("http://www.linjiang.gov.cn/b", "/a", chain=["http://www.linjiang.gov.cn/a"])
    with pytest.raises(IgnoreRequest, match="redirect loop"):
        guard.process_response(response.request, response)


@pytest.mark.parametrize("body, header, kind", [
    (b"%PDF-1.4 ...", "application/octet-stream", "application/pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None, "application/msword"),
    (b"PK\x03\x04....word/document.xml", None,
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (b"PK\x03\x04....xl/workbook.xml", "application/octet-stream",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (b"PK\x03\x04....word/document.xml....word/embeddings/xl/", None,
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (b"PK\x03\x04....OFD.xml....Doc_0/Document.xml", None, "application/ofd"),
    (b"PK\x03\x04....data.csv", None, "application/zip"),
    (b"  <!DOCTYPE html><html>", None, "text/html"),
    (b"%PDF-1.4", "application/pdf; name=a.pdf", "application/pdf"),
    (b"\x89PNG\r\n", "application/force-download", "image/png"),
    (b"{\\rtf1\\ansi\\ansicpg936", "application/octet-stream", "application/rtf"),
])
def test_content_type_from_header_or_bytes(body, header, kind):
    assert sniff_content_type(body, header) == kind


@pytest.mark.parametrize("url, text", [
    ("http://www.nanhu.gov.cn/upload/2023/ndbg.rtf", "年度报告"),
    ("http://www.nanhu.gov.cn/cms/attach.action?id=7", "南湖市教育局2023年政府信息公开工作年度报告.rtf"),
])
def test_an_rtf_file_is_an_attachment(url, text):
    """Java exporters and old Word write reports as RTF, which gxparse reads."""
    assert is_attachment(url, text)

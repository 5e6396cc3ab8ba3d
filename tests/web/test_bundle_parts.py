"""A bundled version's parts (crawler.documents.bundle: an article with its attached 附表.xls and a picture) listed on the
version page and each downloaded with its exact bytes, under the raw document's headers."""

from __future__ import annotations

from email import encoders
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from crawler.documents.bundle import Part, mhtml
from monitor.archive.db import make_engine, migrate
from monitor.archive.models import Version
from monitor.archive.record import Archive
from monitor.archive.store import RAW, BlobStore
from monitor.web import create_app
from monitor.web.bundleparts import MAX_PARTS, bundle_part, bundle_parts
from tests.monitor.conftest import document
from tests.web.conftest import _config

FILES = Path(__file__).parents[1] / "files"
ARTICLE_URL = "http://kf.test/nb/t20220120_91.html"
XLS_URL = "http://kf.test/nb/" + quote("附表") + ".xls"
XLS_TYPE = "application/vnd.ms-excel"
PICTURE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4   # the bytes alone: served, never decoded
ARTICLE = (FILES / "parts_article_tables_attached.html").read_bytes()
XLS = (FILES / "parts_tables.xls").read_bytes()


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> tuple[TestClient, int, int, int]:
    """A client over an archive holding the bundle, a plain page and a bundle of more parts than gxparse reads
    (their version ids)."""
    folder = tmp_path_factory.mktemp("parts")
    url = f"sqlite:///{folder / 'archive.db'}"
    engine = make_engine(url)
    migrate(engine)
    archive = Archive(engine, BlobStore(folder / "store"), _config())
    bundle = mhtml(Part(ARTICLE_URL, "text/html", ARTICLE),
                   [Part(XLS_URL, XLS_TYPE, XLS), Part("http://kf.test/nb/t1.png", "image/png", PICTURE)], "utf-8")
    run = archive.start_run("kf")
    archive.record(document(bundle, ARTICLE_URL, content_type="multipart/related"), run)
    archive.record(document(ARTICLE, "http://kf.test/nb/plain.html"), run)
    pictures = [Part(f"http://kf.test/nb/p{i}.png", "image/png", PICTURE[:16]) for i in range(MAX_PARTS)]
    archive.record(document(mhtml(Part(ARTICLE_URL, "text/html", ARTICLE), pictures, "utf-8"),
                            "http://kf.test/nb/many.html", content_type="multipart/related"), run)
    archive.finish_run(run)
    with Session(engine) as s:
        versions = s.exec(select(Version.id).order_by(Version.id)).all()
    engine.dispose()
    app = create_app(url, folder / "store")
    with TestClient(app) as client:
        yield client, *versions
    app.state.engine.dispose()


def test_a_bundled_versions_parts_are_listed_by_name_type_and_size(bundled):
    client, version, *_ = bundled
    tree = lxml.html.fromstring(client.get(f"/versions/{version}").text)
    items = tree.xpath("//details[@id='parts']//li")
    assert [li.xpath("string(a)") for li in items] == ["t20220120_91.html", "附表.xls", "t1.png"]
    assert [li.xpath("a/@href")[0] for li in items] == [f"/versions/{version}/parts/{i}" for i in range(3)]
    xls_meta = items[1].xpath("string(span)")
    assert XLS_TYPE in xls_meta and XLS_URL in xls_meta


@pytest.mark.parametrize(("index", "body", "media", "name"), [
    (0, ARTICLE, 'text/html; charset="utf-8"', "t20220120_91.html"),
    (1, XLS, XLS_TYPE, "附表.xls"),
    (2, PICTURE, "image/png", "t1.png"),
])
def test_each_part_downloads_with_its_exact_bytes_never_as_a_page(bundled, index, body, media, name):
    client, version, *_ = bundled
    response = client.get(f"/versions/{version}/parts/{index}")
    assert response.status_code == 200
    assert response.content == body
    assert response.headers["content-type"] == media
    assert response.headers["content-disposition"].startswith("attachment; ")
    assert response.headers["content-disposition"].endswith(f"filename*=UTF-8''{quote(name)}")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize("index", ["3", "1001", "-1", "x"])
def test_a_part_the_bundle_has_not_is_not_found(bundled, index):
    client, version, *_ = bundled
    assert client.get(f"/versions/{version}/parts/{index}").status_code == 404


def test_a_version_that_is_no_bundle_has_no_parts(bundled):
    client, _, plain, _ = bundled
    assert client.get(f"/versions/{plain}/parts/0").status_code == 404
    assert not lxml.html.fromstring(client.get(f"/versions/{plain}").text).xpath("//details[@id='parts']")


def test_a_bundle_of_more_parts_than_gxparse_reads_says_its_parts_cannot_be_listed(bundled):
    client, *_, many = bundled
    tree = lxml.html.fromstring(client.get(f"/versions/{many}").text)
    assert not tree.xpath("//details[@id='parts']")
    assert f"上限 {MAX_PARTS} 个" in " ".join(tree.xpath("//p[@class='notice']/text()"))
    assert client.get(f"/versions/{many}/parts/0").status_code == 404


@pytest.mark.parametrize(("location", "name"), [
    (None, "part-1.png"),                                      # a part named by its Content-ID alone
    ("http://kf.test/nb/..%2F..%2Fetc%2Fevil.png", "etc_evil.png"),   # a path in the name is no path
    ("http://kf.test/nb/%E9%99%84%E8%A1%A8%201.png", "附表_1.png"),
])
def test_a_parts_file_name_is_made_safe_and_never_empty(tmp_path, location, name):
    picture = MIMENonMultipart("image", "png")
    picture.set_payload(PICTURE)
    encoders.encode_base64(picture)
    picture["Content-ID"] = "<p1@kf.test>"
    if location:
        picture["Content-Location"] = location
    page = MIMEText("<img src='cid:p1@kf.test'>", "html", "utf-8")
    bundle = MIMEMultipart("related", _subparts=[page, picture]).as_bytes()
    store = BlobStore(tmp_path)
    sha = store.put(RAW, bundle)
    assert [p.name for p in bundle_parts(store, sha, "multipart/related")][1] == name
    assert bundle_part(store, sha, "multipart/related", 1)[1] == PICTURE

"""Out-of-range and malformed parameters on every route: a 400 or 404 naming what is wrong, never a 500, and
every error response carrying the security headers of the pages (on SQLite and PostgreSQL).

The probes are those of the issue-12 attack run: ids beyond 2⁶³ and negative, page numbers beyond 2⁶³, CDX
time bounds and resume keys made by hand, NUL characters that PostgreSQL text cannot hold.
"""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient
from lxml import html
from sqlmodel import Session

from monitor.archive.db import make_engine
from monitor.archive.models import Version
from monitor.archive.store import PARSED, BlobStore
from monitor.web import create_app
from monitor.web.app import SECURITY_HEADERS

from .conftest import build_archive

BEYOND = str(2**63)             # one past the largest 64-bit integer
HUGE = "9" * 30


def key(*fields) -> str:
    """A resume key made by hand, encoded as the server encodes its own."""
    return base64.urlsafe_b64encode(json.dumps(list(fields)).encode()).decode().rstrip("=")


def assert_secure(response) -> None:
    for name, value in SECURITY_HEADERS:
        if name == b"content-security-policy" and response.headers.get(name.decode()) is not None:
            continue      # raw downloads set a stricter one
        assert response.headers.get(name.decode()) == value.decode(), (response.url, name)


API_404 = [f"/api/reports/{BEYOND}", "/api/reports/-1", "/api/reports/0", f"/api/reports/{HUGE}",
           f"/api/versions/{BEYOND}", f"/api/diff/1/{BEYOND}", "/api/diff/-1/2", f"/api/agencies/{BEYOND}",
           f"/api/runs/{BEYOND}", "/api/runs/-7"]

API_400 = [f"/api/reports?page={BEYOND}", "/api/reports?page=-1", f"/api/reports?year={BEYOND}",
           "/api/reports?year=-2021", f"/api/reports?per_page={BEYOND}", f"/api/findings?page={BEYOND}",
           f"/api/runs/1?page={BEYOND}", f"/api/agencies?limit={BEYOND}", f"/api/cdx?report={BEYOND}",
           "/api/cdx?report=-5", f"/api/cdx?report=1&limit={BEYOND}", "/api/cdx?report=1&from=99999999999999",
           "/api/cdx?report=1&to=00000101", "/api/cdx?report=1&from=" + HUGE, "/api/cdx?report=1&match_type=regex",
           "/api/cdx?report=1&collapse=urlkey", "/api/cdx?url=http://kf.test/%00", "/api/reports?agency=%00",
           "/api/cdx?report=1&resume_key=" + key(2**63, "2024-03-05T06:00:00", 1, None),
           "/api/cdx?report=1&resume_key=" + key(1, "2024-03-05T06:00:00", -1, None),
           "/api/cdx?report=1&resume_key=" + key(1, "2024-03-05T06:00:00", 1, 5),
           "/api/cdx?report=1&resume_key=" + key(1, "yesterday", 1, None),
           "/api/cdx?report=1&resume_key=" + key(1, "2024-03-05"),
           "/api/cdx?report=1&resume_key=" + base64.urlsafe_b64encode(b'[1e400,"2024-03-05",1,null]').decode(),
           "/api/cdx?report=1&resume_key=" + base64.urlsafe_b64encode(b'{"a":1,"b":2,"c":3,"d":4}').decode(),
           "/api/cdx?report=1&resume_key=naive"]

PAGE_404 = [f"/reports/{BEYOND}", "/reports/-1", f"/versions/{BEYOND}", f"/versions/{BEYOND}/raw",
            "/versions/-3/raw", f"/diff/1/{BEYOND}", f"/agencies/{HUGE}", f"/runs/{BEYOND}", "/compare?a=-1&b=1",
            f"/versions/1/parts/{BEYOND}", "/versions/1/parts/-1", f"/versions/{BEYOND}/parts/0"]

PAGE_400 = [f"/reports?page={BEYOND}", f"/reports?page={HUGE}", f"/reports?year={BEYOND}", "/reports?per_page=-1",
            f"/findings?page={BEYOND}", f"/runs/1?page={BEYOND}", "/agencies?q=%00", "/findings?rule=s3%00",
            f"/compare?a={BEYOND}&b=1", f"/runs?page={2**62}", "/runs?page=-1", f"/changes?page={2**62}",
            "/changes?page=-5", "/changes?per_page=0", "/changes?agency=%00"]


@pytest.mark.parametrize("path", API_404)
def test_api_ids_out_of_range_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404, response.text[:300]
    assert response.json()["detail"]
    assert_secure(response)


@pytest.mark.parametrize("path", API_400)
def test_api_parameters_out_of_range_are_400(client, path):
    response = client.get(path)
    assert response.status_code == 400, response.text[:300]
    assert response.json()["detail"]
    assert_secure(response)


@pytest.mark.parametrize(("path", "status"), [*((p, 404) for p in PAGE_404), *((p, 400) for p in PAGE_400)])
def test_pages_out_of_range_are_chinese_error_pages(client, path, status):
    response = client.get(path)
    assert response.status_code == status, response.text[:300]
    tree = html.fromstring(response.text)
    assert tree.xpath("//h1/text()") == [{404: "未找到", 400: "请求有误"}[status]]
    assert tree.xpath("//p[@class='error-lead']/text()")
    assert_secure(response)


def test_cdx_to_the_last_year_bounds_nothing(client, web_archive):
    everything = client.get(f"/api/cdx?report={web_archive.kaifeng_2021}").json()["captures"]
    assert client.get(f"/api/cdx?report={web_archive.kaifeng_2021}&to=9999").json()["captures"] == everything
    assert client.get(f"/api/cdx?report={web_archive.kaifeng_2021}&to=99991231235959").json()["captures"] == everything


def test_a_hand_made_key_in_the_servers_form_resumes(client, web_archive):
    first = client.get(f"/api/cdx?report={web_archive.kaifeng_2021}").json()["captures"][0]
    made = key(first["report_id"], first["fetched_at"], 1, None)
    response = client.get(f"/api/cdx?report={web_archive.kaifeng_2021}&resume_key={made}")
    assert response.status_code == 200 and len(response.json()["captures"]) == 2


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """An archive whose store lost a parsed report (a directory where its file was): a fault of the server."""
    folder = tmp_path_factory.mktemp("damaged")
    archive = build_archive(f"sqlite:///{folder / 'archive.db'}", folder / "store")
    with Session(make_engine(archive.url)) as s:
        digest = s.get(Version, archive.versions[0]).parsed_sha256
    path = BlobStore(archive.store).path(PARSED, digest)
    path.unlink()
    path.mkdir()
    app = create_app(archive.url, archive.store)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, archive
    app.state.engine.dispose()


@pytest.mark.parametrize("path", ["/api/versions/{v}", "/versions/{v}"])
def test_a_500_carries_the_headers_and_tells_nothing(damaged, path):
    client, archive = damaged
    response = client.get(path.format(v=archive.versions[0]))
    assert response.status_code == 500
    assert_secure(response)
    assert str(archive.store) not in response.text and "Traceback" not in response.text
    if path.startswith("/api/"):
        assert response.json() == {"detail": "服务器出错"}
    else:
        assert html.fromstring(response.text).xpath("//h1/text()") == ["出错了"]

"""Reading the archive: an archived page in a sandboxed frame, and the calendar of one URL's captures.

That a script in an archived page does not run is shown in Chromium (tests/web/test_e2e_officer.py)."""

from __future__ import annotations

import re

import pytest


def test_an_archived_page_is_shown_in_a_sandboxed_scriptless_frame(client, web_archive):
    v1 = web_archive.versions[0]
    page = client.get(f"/versions/{v1}/page")
    assert page.status_code == 200
    assert re.search(rf'<iframe class="archived" src="/versions/{v1}/frame" sandbox ', page.text)
    assert "frame-src 'self'" in page.headers["content-security-policy"]
    frame = client.get(f"/versions/{v1}/frame")
    assert frame.status_code == 200 and frame.headers["content-type"].startswith("text/html")
    policy = frame.headers["content-security-policy"]
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy and "script-src" not in policy
    assert "frame-ancestors 'self'" in policy and frame.headers["x-frame-options"] == "SAMEORIGIN"
    assert "content-disposition" not in frame.headers
    assert "开封市人民政府" in frame.content.decode("utf-8")


def test_a_pdf_is_not_framed(client, web_archive):
    pdf = client.get(f"/reports/{web_archive.pdf}").text
    v = re.search(r'href="/versions/(\d+)/page"', pdf).group(1)
    assert "请下载原文查看" in client.get(f"/versions/{v}/page").text
    refused = client.get(f"/versions/{v}/frame")
    assert refused.status_code == 400 and "不是网页" in refused.text


def test_the_capture_calendar_of_a_url(client):
    page = client.get("/calendar?url=http://kf.test/nb/2021.html")
    assert page.status_code == 200 and '<strong id="total">3</strong>' in page.text
    # Three crawls at 06:00 UTC: 14:00 北京时间 on 5 March, 5 April, 5 May 2024, each a new version.
    for day in ("2024-03-05", "2024-04-05", "2024-05-05"):
        cell = page.text.split(f'id="d{day}"', 1)[0].rsplit("<td", 1)[1]
        assert "captured" in cell and "new-version" in cell
    assert 'class="day" id="d2024-03-06"' in page.text
    assert "2024-05-05 14:00" in page.text
    missing = client.get("/calendar?url=http://nowhere.test/")
    assert missing.status_code == 404 and "没有抓取过" in missing.text
    assert client.get("/calendar").status_code == 400


@pytest.mark.parametrize("path", [f"/versions/{2 ** 70}/page", f"/versions/{2 ** 70}/frame", "/versions/0/page",
                                  "/versions/-1/frame"])
def test_an_archived_page_out_of_the_ids_range_is_not_found_with_the_security_headers(client, path):
    """2**70 overflowed SQLite's integer (a 500) before the route took the archive's id type."""
    response = client.get(path)
    assert response.status_code in (400, 404) and response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response.headers["content-security-policy"]

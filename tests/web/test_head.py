"""HEAD on every GET route of the web app: the status and headers of the GET, and no body."""

from __future__ import annotations

import re

import httpx
import pytest

from monitor.alerts.mailsink import free_port
from monitor.web import api, changes, dashboard, pages, reading, runs, triage

from .test_serve import archive_files, start, stop, wait_until_up  # noqa: F401 (archive_files: a fixture)


def path_values(web_archive) -> dict[str, int]:  # noqa: ANN001 (conftest.WebArchive)
    """A real id for every path parameter the routes take."""
    first, second = web_archive.versions[:2]
    return {"report_id": web_archive.kaifeng_2021, "version_id": first, "version_a": first, "version_b": second,
            "agency_id": web_archive.kaifeng_agency, "run_id": 1, "index": 0}


def get_paths(client, web_archive) -> list[str]:  # noqa: ANN001
    """Every GET route of the app with its parameters filled in, so a new route is covered by itself."""
    values = path_values(web_archive)
    # The routers' own lists: the app keeps included routers as opaque entries.
    routes = [*client.app.routes, *api.router.routes, *pages.router.routes, *changes.router.routes,
              *runs.router.routes, *dashboard.router.routes, *reading.router.routes, *triage.pages.routes]
    return sorted(re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), route.path)
                  for route in routes if "GET" in (getattr(route, "methods", None) or ()))


def test_every_get_route_is_listed(client, web_archive):
    paths = get_paths(client, web_archive)
    assert {"/", "/reports", "/api/reports", "/api/openapi.json", "/healthz", "/api/cdx"} <= set(paths)
    assert f"/versions/{web_archive.versions[0]}/raw" in paths and len(paths) >= 20


@pytest.mark.parametrize("extra", ["", "/static/style.css", "/reports/999999", "/api/reports/999999",
                                   "/reports?year=abc", "/compare?a=1&b=2", "/no/such/page",
                                   "/api/cdx?url=http://kf.test/nb/2021.html"])
def test_head_answers_like_get_without_a_body(client, web_archive, extra):
    for path in get_paths(client, web_archive) if not extra else [extra]:
        got = client.get(path, follow_redirects=False)
        head = client.head(path, follow_redirects=False)
        assert head.status_code == got.status_code != 405, path
        assert head.headers == got.headers, path
        assert head.content == b"", path


def test_head_over_a_real_server_sends_no_body(archive_files):  # noqa: F811
    port = free_port()
    process = start(["serve", "--port", str(port)], cwd=archive_files)
    try:
        wait_until_up(process, f"http://127.0.0.1:{port}/healthz")
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            got, head = http.get("/reports"), http.head("/reports")
            assert http.get("/healthz").text == "ok"        # the connection survived the HEAD
    finally:
        stop(process)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


def test_head_does_not_appear_in_the_api_description(client):
    spec = client.get("/api/openapi.json").json()
    assert all(set(operations) == {"get"} for operations in spec["paths"].values())

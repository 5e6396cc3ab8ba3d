"""The JSON API (/api/…) and its CDX-style capture query, over a real archive (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from monitor.archive.models import REVISION_KINDS

from .conftest import XSS_TITLE


def get_json(client, path: str, status: int = 200):
    response = client.get(path)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "application/json"
    return response.json()


def test_openapi_describes_every_api_route(client):
    spec = get_json(client, "/api/openapi.json")
    assert set(spec["paths"]) == {
        "/api/reports", "/api/reports/{report_id}", "/api/versions/{version_id}",
        "/api/diff/{version_a}/{version_b}", "/api/findings", "/api/agencies", "/api/agencies/{agency_id}",
        "/api/runs/{run_id}", "/api/cdx"}
    cdx = {p["name"] for p in spec["paths"]["/api/cdx"]["get"]["parameters"]}
    assert cdx == {"url", "match_type", "agency", "report", "from", "to", "collapse", "limit", "resume_key"}
    assert "ReportList" in spec["components"]["schemas"]


def test_reports_filter_and_page_like_the_list_page(client, web_archive):
    listing = get_json(client, "/api/reports?failing=true&sort=id&order=asc&per_page=2")
    assert listing["total"] == 3 and listing["pages"] == 2
    assert listing["flags"] == {"reports": 6, "failing": 3, "revised": 1, "withdrawn": 1, "missing": 1}
    assert [r["id"] for r in listing["rows"]] == [web_archive.kaifeng_2021, web_archive.xinfang]
    second = get_json(client, "/api/reports?failing=true&sort=id&order=asc&per_page=2&page=2")
    assert [r["id"] for r in second["rows"]] == [web_archive.pdf]
    revised = get_json(client, "/api/reports?revised=true")
    assert [(r["id"], r["revised"], r["versions"]) for r in revised["rows"]] == [(web_archive.kaifeng_2021, True, 3)]
    assert get_json(client, "/api/reports?status=withdrawn")["rows"][0]["id"] == web_archive.pdf
    assert [r["id"] for r in get_json(client, "/api/reports?status=missing")["rows"]] == [web_archive.overdue]


def test_revised_flag_means_a_change_of_a_revision_kind(client, web_archive):
    for row in get_json(client, "/api/reports")["rows"]:
        detail = get_json(client, f"/api/reports/{row['id']}")
        kinds = {c["kind"] for v in detail["versions"] for c in v["changes"]}
        assert row["revised"] == bool(kinds & REVISION_KINDS), row


def test_report_has_its_urls_versions_and_events(client, web_archive):
    detail = get_json(client, f"/api/reports/{web_archive.kaifeng_2021}")
    assert detail["report"]["agency"] == "开封市人民政府"
    assert [v["version"] for v in detail["versions"]] == web_archive.versions
    assert [[c["kind"] for c in v["changes"]] for v in detail["versions"]] == [
        ["new_report"], ["figures_changed", "text_changed"], ["figures_changed"]]
    assert [u["url"] for u in detail["urls"]] == ["http://kf.test/nb/2021.html"]
    withdrawn = get_json(client, f"/api/reports/{web_archive.pdf}")
    assert [e["kind"] for e in withdrawn["events"]] == ["withdrawn"]
    overdue = get_json(client, f"/api/reports/{web_archive.overdue}")
    assert overdue["versions"] == [] and [f["rule"] for f in overdue["findings"]] == ["report.overdue"]


def test_version_has_findings_and_the_parsed_report(client, web_archive):
    version = get_json(client, f"/api/versions/{web_archive.versions[1]}")
    assert version["seq"] == 2 and version["report"]["s3"]["new_received"]["natural_person"] == 509
    assert {f["rule"] for f in version["findings"]} >= {"s3.row_sum"}
    assert version["findings"][0]["severity"] == "error"     # errors first
    assert len(version["content_digest"]) == 64


def test_diff_of_any_two_versions(client, web_archive):
    v1, _, v3 = web_archive.versions
    diff = get_json(client, f"/api/diff/{v1}/{v3}")
    assert {(c["cell"], c["old"], c["new"]) for c in diff["diff"]["figures"]} == {
        ("s3.new_received.natural_person", 508, 509), ("s4.review.upheld", 5, 6), ("s4.review.total", 25, 26)}
    assert [t["section"] for t in diff["diff"]["text"]] == ["s5"]


def test_findings_counts_and_rows(client, web_archive):
    found = get_json(client, "/api/findings?severity=error")
    counts = {(c["rule"], c["severity"]): c["count"] for c in found["counts"]}
    assert counts[("s3.row_sum", "error")] == 2
    assert found["total"] == sum(n for (_, sev), n in counts.items() if sev == "error")
    assert {r["severity"] for r in found["rows"]} == {"error"}
    assert {r["report_id"] for r in found["rows"]} == {web_archive.kaifeng_2021, web_archive.xinfang, web_archive.pdf}


def test_agency_years_with_figures_and_checks(client, web_archive):
    agency = get_json(client, f"/api/agencies/{web_archive.kaifeng_agency}")
    assert [y["report"]["year"] for y in agency["years"]] == [2021, 2022]
    assert agency["years"][1]["figures"]["received"] == 545
    assert {c["rule"] for c in agency["years"][1]["checks"]} >= {"yoy.carry"}
    assert get_json(client, "/api/agencies?q=潢川")[0]["name"] == '<script>alert("xss")</script>潢川县人民政府'
    assert get_json(client, f"/api/reports/{web_archive.xss}")["report"]["title"] == XSS_TITLE


def test_run(client):
    run = get_json(client, "/api/runs/1")
    assert run["status"] == "ok" and run["new_reports"] == 5
    assert {c["kind"] for c in run["changes"]} == {"new_report"} and run["more"] is False
    pages = [get_json(client, f"/api/runs/1?per_page=2&page={n}") for n in (1, 2, 3)]
    assert [len(p["changes"]) for p in pages] == [2, 2, 1] and [p["more"] for p in pages] == [True, True, False]
    assert [c["id"] for p in pages for c in p["changes"]] == [c["id"] for c in run["changes"]]


@pytest.mark.parametrize("path", ["/api/reports/999999", "/api/versions/999999", "/api/diff/1/999999",
                                  "/api/agencies/999999", "/api/runs/999999"])
def test_unknown_ids_are_404_with_a_message(client, path):
    assert "999999" in get_json(client, path, status=404)["detail"]


def test_bad_parameters_are_400_naming_the_parameter(client):
    assert get_json(client, "/api/reports?sort=colour", status=400)["detail"][0]["loc"] == ["query", "sort"]


# -- CDX -------------------------------------------------------------------------------------------------

def test_cdx_by_url_lists_every_capture_in_time_order(client, web_archive):
    result = get_json(client, "/api/cdx?url=http://kf.test/nb/2021.html")
    captures = result["captures"]
    assert len(captures) == 3 and result["resume_key"] is None
    assert [c["version_id"] for c in captures] == web_archive.versions
    assert all(len(c["timestamp"]) == 14 and c["status"] == 200 and c["mimetype"] == "text/html" for c in captures)
    assert [c["timestamp"] for c in captures] == sorted(c["timestamp"] for c in captures)


def test_cdx_collapse_keeps_one_capture_per_digest(client, web_archive):
    everything = get_json(client, f"/api/cdx?report={web_archive.kaifeng_2022}")["captures"]
    assert [c["outcome"] for c in everything] == ["new_version", "unchanged"]
    collapsed = get_json(client, f"/api/cdx?report={web_archive.kaifeng_2022}&collapse=digest")["captures"]
    assert [c["outcome"] for c in collapsed] == ["new_version"]


def test_cdx_by_agency_and_url_prefix(client, web_archive):
    by_agency = get_json(client, "/api/cdx?agency=开封市人民政府")["captures"]
    assert {c["report_id"] for c in by_agency} == {web_archive.kaifeng_2021, web_archive.kaifeng_2022}
    assert [c["report_id"] for c in by_agency] == sorted(c["report_id"] for c in by_agency)
    by_prefix = get_json(client, "/api/cdx?url=http://kf.test/nb/&match_type=prefix")["captures"]
    assert {c["url"] for c in by_prefix} == {"http://kf.test/nb/2021.html", "http://kf.test/nb/2022.html",
                                             "http://kf.test/nb/zk2021.pdf"}
    assert {(c["status"], c["outcome"]) for c in by_prefix if c["url"].endswith(".pdf")} == {
        (200, "new_version"), (404, "gone")}


def test_cdx_time_range(client):
    def stamps(query: str) -> list[str]:
        captures = get_json(client, f"/api/cdx?url=http://kf.test/nb/2021.html{query}")["captures"]
        return [c["timestamp"] for c in captures]

    assert stamps("") == ["20240305060000", "20240405060000", "20240505060000"]
    assert stamps("&from=202404") == ["20240405060000", "20240505060000"]
    assert stamps("&to=202404") == ["20240305060000", "20240405060000"]      # to is inclusive: all of April
    assert stamps("&from=20240405060001&to=2024-05-05") == ["20240505060000"]
    assert stamps("&to=2023") == []


def test_cdx_pages_with_a_resume_key(client):
    whole = get_json(client, "/api/cdx?agency=开封市人民政府")["captures"]
    seen, key = [], None
    for _ in range(len(whole) + 1):
        page = get_json(client, "/api/cdx?agency=开封市人民政府&limit=2" + (f"&resume_key={key}" if key else ""))
        assert len(page["captures"]) <= 2
        seen += page["captures"]
        key = page["resume_key"]
        if key is None:
            break
    assert seen == whole


@pytest.mark.parametrize(("query", "name"), [
    ("", "url, agency or report"), ("report=1&from=20211", "from"), ("report=1&to=2021-13", "to"),
    ("report=1&resume_key=nonsense!", "resume_key"),
])
def test_cdx_bad_queries_name_the_parameter(client, query, name):
    assert name in get_json(client, f"/api/cdx?{query}", status=400)["detail"]

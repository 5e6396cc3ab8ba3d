"""The simulated municipal site: its structure, its documents, and its HTTP behaviour over a real socket."""

from __future__ import annotations

import io
import re
from collections import Counter

import docx
import httpx
import pypdfium2
import pytest

from gxparse import parse_document
from simsite import SimSite, serve
from simsite.documents import attachment_bytes
from simsite.figures import report_series
from simsite.misprints import MISPRINTS


@pytest.fixture(scope="module")
def site():
    site = SimSite(seed=11)
    site.prerender()
    return site


@pytest.fixture(scope="module")
def server(site):
    with serve(site) as server:
        yield server


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.base_url, follow_redirects=False, timeout=10) as client:
        yield client


# -- structure -----------------------------------------------------------------------------------------

def test_at_least_ten_department_and_county_sub_sites(site):
    assert sum(1 for s in site.subsites if s.prefix != "/") >= 10


def test_three_list_page_styles(site):
    assert {s.style for s in site.subsites} == {"trs", "query", "table"}


def test_at_least_as_many_lookalikes_as_reports(site):
    assert len(site.entries("lookalike")) >= len(site.entries("report"))


def test_reports_for_2019_to_2024_in_every_format(site):
    reports = site.expected_reports()
    assert {r.year for r in reports} == set(range(2019, 2025))
    assert set(Counter(r.format for r in reports)) == {"html", "pdf", "docx", "doc"}


def test_same_seed_same_site_other_seed_other_site():
    assert SimSite(seed=3).expected_reports() == SimSite(seed=3).expected_reports()
    assert SimSite(seed=3).expected_reports() != SimSite(seed=4).expected_reports()


def test_size_scales_past_ten_thousand_pages():
    big = SimSite(seed=1, size=10_000)
    assert big.page_count() >= 10_000
    assert len(big.entries("lookalike")) >= len(big.entries("report"))


def test_unknown_report_id_is_a_clear_error(site):
    with pytest.raises(KeyError, match="no report 'nope-2021'"):
        site.revise("nope-2021")


# -- documents -----------------------------------------------------------------------------------------

def _report(site, fmt):
    return next(r for r in site.expected_reports() if r.format == fmt)


def test_pdf_attachment_has_a_cjk_text_layer(site):
    expected = _report(site, "pdf")
    pdf = pypdfium2.PdfDocument(attachment_bytes("pdf", expected.report))
    assert expected.report["title"] in pdf[0].get_textpage().get_text_range().replace("\r\n", "")


def test_docx_attachment_holds_the_report(site):
    expected = _report(site, "docx")
    document = docx.Document(io.BytesIO(attachment_bytes("docx", expected.report)))
    assert document.paragraphs[0].text == expected.report["title"] and len(document.tables) == 3


def test_doc_attachment_is_a_word97_file_with_the_report(site):
    expected = _report(site, "doc")
    data = attachment_bytes("doc", expected.report)
    assert data.startswith(b"\xd0\xcf\x11\xe0") and expected.report["title"].encode("utf-16-le") in data


def test_doc_fixture_cannot_be_revised(site):
    with pytest.raises(ValueError, match="DOC fixture"):
        site.revise(_report(site, "doc").id)


def test_misprinted_reports_are_read_as_printed_and_fail_their_checks(site):
    misprinted = [r for r in site.expected_reports() if r.misprint]
    assert sorted(r.id for r in misprinted) == sorted(m.report_id for m in MISPRINTS)
    agencies = {e.id: e.agency for e in site.entries("report")}
    for expected in misprinted:
        misprint, printed = expected.misprint, expected.report
        true = report_series(agencies[expected.id], site.seed)[expected.year]
        parsed = parse_document(site.get(expected.final_url.removeprefix(site.base_url)).body, expected.final_url)
        for cell in misprint.cells:
            row, column = cell.removeprefix("s3.").rsplit(".", 1)      # every misprint is in table 三
            assert printed["s3"][row][column] == true["s3"][row][column] + misprint.delta
            assert parsed.value(cell) == printed["s3"][row][column]
        errors = {(f.rule, cell) for f in parsed.findings if f.severity == "error" for cell in f.cells}
        assert {(rule, misprint.cells[0]) for rule in misprint.rules} <= errors, (misprint.mistake, parsed.findings)
        assert {f.rule for f in parsed.findings if f.severity == "error"} == set(misprint.rules), misprint.mistake


def test_other_reports_are_printed_as_generated(site):
    agencies = {e.id: e.agency for e in site.entries("report")}
    clean = [r for r in site.expected_reports() if not r.misprint and r.format != "doc"][:12]
    for expected in clean:
        assert expected.report["s3"] == report_series(agencies[expected.id], site.seed)[expected.year]["s3"]


# -- HTTP ----------------------------------------------------------------------------------------------

def test_robots_txt_disallows_the_private_area(http):
    assert "Disallow: /private/" in http.get("/robots.txt").text


def test_private_area_is_linked_from_the_platform(http):
    assert "/private/ndbg/index.html" in http.get("/zwgk/index.html").text


def test_etag_answers_304(site, http):
    url = _report(site, "html").final_url
    etag = http.get(url).headers["etag"]
    assert http.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_last_modified_answers_304(site, http):
    url = _report(site, "pdf").final_url
    last_modified = http.get(url).headers["last-modified"]
    assert http.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304


def test_old_report_link_redirects_to_the_page(site, http):
    moved = next(r for r in site.expected_reports() if r.url != r.final_url)
    response = http.get(moved.url)
    assert (response.status_code, site.base_url + response.headers["location"]) == (301, moved.final_url)


def test_offsite_redirect_leaves_the_host(server, http):
    location = http.get("/link/province-2024.html").headers["location"]
    assert location.startswith("http://localhost:") and not location.startswith(server.base_url)


def test_broken_links_answer_404(site, http):
    broken = [e for e in site.entries("broken")]
    assert broken and all(http.get(e.href).status_code == 404 for e in broken)


def test_gbk_sub_site_is_served_in_gbk_sometimes_without_any_declaration(site, http):
    gbk = next(s for s in site.subsites if s.encoding == "gbk")
    pages = [e.page for e in gbk.entries if e.page and e.kind in ("report", "lookalike")][:12]
    undeclared = 0
    for path in pages:
        response = http.get(path)
        body = response.content
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        assert gbk.name in body.decode("gbk")
        undeclared += "charset" not in response.headers["content-type"] and b"charset" not in body
    assert undeclared >= 1


def test_three_pagination_styles_are_served(site, http):
    styles = {s.style: s for s in site.subsites}
    assert "createPageHTML(" in http.get(styles["trs"].column + "index.html").text
    assert 'href="?page=2"' in http.get(styles["query"].column + "index.html").text
    assert "<th>序号</th>" in http.get(styles["table"].column + "index.html").text


def test_revise_changes_bytes_and_validators():
    site = SimSite(seed=12)
    with serve(site) as server, httpx.Client(base_url=server.base_url) as http:
        target = next(r for r in site.expected_reports() if r.format == "html")
        before = http.get(target.url)
        revised = site.revise(target.id)
        after = http.get(target.url, headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
        assert revised["s3"] != target.report["s3"]
        assert next(r for r in site.expected_reports() if r.id == target.id).report == revised


def test_retake_picture_changes_the_picture_and_not_its_page():
    site = SimSite(seed=12)
    with serve(site) as server, httpx.Client(base_url=server.base_url) as http:
        target = next(r for r in site.expected_reports() if r.pictured)
        page = http.get(target.url)
        pictures = re.findall(r'src="(/uploads/[^"]+\.png)"', page.text)
        etags = [http.get(p).headers["etag"] for p in pictures]
        site.retake_picture(target.id, "s3")
        assert http.get(target.url, headers={"If-None-Match": page.headers["etag"]}).status_code == 304
        answers = [http.get(p, headers={"If-None-Match": e}) for p, e in zip(pictures, etags)]
        assert [a.status_code for a in answers] == [304, 200, 304]
        assert answers[1].headers["content-type"] == "image/png" and answers[1].headers["etag"] != etags[1]


def test_withdraw_answers_404_and_leaves_the_list():
    site = SimSite(seed=12)
    with serve(site) as server, httpx.Client(base_url=server.base_url) as http:
        target = next(r for r in site.expected_reports() if r.format == "html" and "/bm/" in r.url)
        column = target.final_url.removeprefix(server.base_url).split("xxgk/ndbg/")[0] + "xxgk/ndbg/"
        listing = lambda: "".join(http.get(column + "index.html", params={"page": n}).text for n in range(1, 4))  # noqa: E731
        path = target.final_url.removeprefix(server.base_url).split("/")[-1]
        assert path in listing()
        site.withdraw(target.id)
        assert http.get(target.url).status_code == 404
        assert path not in listing()
        assert target.id not in {r.id for r in site.expected_reports()}


def test_server_log_records_conditional_headers(site, server, http):
    http.get("/index.html", headers={"If-None-Match": '"x"', "User-Agent": "probe/1"})
    entry = server.log[-1]
    assert (entry.path, entry.if_none_match, entry.user_agent) == ("/index.html", '"x"', "probe/1")


@pytest.mark.parametrize("fault, check", [
    ("5xx", lambda r: r.status_code == 503),
    ("loop", lambda r: r.status_code == 302),
    ("garbage", lambda r: r.status_code == 200 and b"<html" not in r.content),
])
def test_faults(fault, check):
    with serve(SimSite(seed=1), fault=fault) as server:
        assert check(httpx.get(server.base_url + "/index.html"))


def test_slow_fault_delays_answers():
    with serve(SimSite(seed=1), fault="slow", delay=2) as server, pytest.raises(httpx.ReadTimeout):
        httpx.get(server.base_url + "/index.html", timeout=0.5)

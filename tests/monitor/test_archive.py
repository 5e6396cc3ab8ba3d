"""The archive on SQLite and PostgreSQL: versions only on real change, diffs, withdrawals, checks, outbox."""

from __future__ import annotations

from datetime import date

import pytest

from sqlmodel import Session, func, select

from gxparse import parse_document
from gxparse import model
from gxparse.parser import INTERNAL_ERROR
from monitor.archive.record import ParsedDocument
from monitor.archive.documents import FetchedDocument
from monitor.archive.models import (
    ACTIVE,
    MISSING,
    WITHDRAWN,
    Alert,
    Blob,
    Change,
    CrawlRun,
    Fetch,
    Finding,
    Report,
    ReportUrl,
    Version,
)
from monitor.archive.store import RAW

from .conftest import changed, document, page, seed_report


def rows(archive, model, *where):
    with Session(archive.engine) as s:
        return s.exec(select(model).where(*where)).all()


def count(archive, model) -> int:
    with Session(archive.engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def crawl(archive, *docs, today: date | None = None, error: str | None = None) -> CrawlRun:
    run_id = archive.start_run("kf")
    for doc in docs:
        archive.record(doc, run_id)
    return archive.finish_run(run_id, error=error, today=today)


def test_first_fetch_stores_report_version_findings_and_raw_bytes(archive):
    report = changed(seed_report(), s3__new_received__natural_person=500)   # so the parser finds errors
    body = page(report)
    run = crawl(archive, document(body))
    [stored] = rows(archive, Report)
    [version] = rows(archive, Version)
    assert (stored.year, stored.status, stored.version_count, stored.latest_version_id) == (2021, ACTIVE, 1, version.id)
    assert archive.store.get(RAW, version.raw_sha256) == body
    assert archive.store.get_json(version.parsed_sha256)["s3"] == report["s3"]
    assert [c.kind for c in rows(archive, Change)] == ["new_report"]
    parser_rules = sorted(f["rule"] for f in parse_document(body, "page").to_dict()["findings"])
    assert sorted(f.rule for f in rows(archive, Finding, Finding.origin == "parser")) == parser_rules
    assert (run.status, run.new_reports, run.new_versions, run.reports_listed) == ("ok", 1, 1, 1)


def test_unchanged_refetch_adds_a_fetch_and_no_version_or_blob(archive):
    body = page(seed_report())
    crawl(archive, document(body))
    blobs = count(archive, Blob)
    crawl(archive, document(body))
    assert count(archive, Version) == 1
    assert count(archive, Blob) == blobs
    assert [f.outcome for f in rows(archive, Fetch)] == ["new_version", "unchanged"]
    [version] = rows(archive, Version)
    assert version.last_seen > version.first_seen


def test_cosmetic_changes_are_not_a_new_version(archive):
    report = seed_report()
    crawl(archive, document(page(report, '<div class="banner"><img src="/b1.jpg">春季专题</div>'
                                          "<p>浏览次数：1021</p><p>今天是2024年3月5日 星期二</p>"
                                          '<a href="/x.jsp;jsessionid=A1B2C3D4E5F6A7B8C9D0E1">返回</a>')))
    crawl(archive, document(page(report, '<div class="banner"><img src="/b2.jpg">政策解读</div>'
                                          "<p>浏览次数：1187</p><p>今天是2024年3月6日 星期三</p>"
                                          '<a href="/x.jsp;jsessionid=Z9Y8X7W6V5U4T3S2R1Q0P9">返回</a>')))
    assert count(archive, Version) == 1
    assert count(archive, Blob) == 2     # the raw page and the parsed JSON of the one version
    assert [f.outcome for f in rows(archive, Fetch)] == ["new_version", "unchanged"]


def test_revision_is_detected_with_the_cell_diff_and_alerts_the_site(archive):
    report = seed_report()
    crawl(archive, document(page(report)))
    revised = changed(report, s3__new_received__natural_person=509)
    run = crawl(archive, document(page(revised)))
    [change] = rows(archive, Change, Change.kind == "figures_changed")
    assert change.detail["figures"] == [{"cell": "s3.new_received.natural_person", "old": 508, "new": 509}]
    assert "508→509" in change.summary
    [alert] = rows(archive, Alert)
    assert (alert.kind, alert.recipient, alert.status) == ("revised", "zwgk@example.org", "pending")
    assert alert.payload["figures"][0]["label"] == "表三 一、本年新收政府信息公开申请数量 / 自然人"
    assert {e["rule"] for e in alert.payload["errors"]} >= {"s3.row_sum"}   # 509 no longer adds up
    assert alert.payload["links"]["diff"].startswith("http://gxmon.test/diff/")
    assert (run.revisions, run.new_versions) == (1, 1)


def test_text_revision_gives_a_sentence_diff(archive):
    report = seed_report()
    crawl(archive, document(page(report)))
    edited = dict(report, text=dict(report["text"], s5=report["text"]["s5"] + "\n\n下一步将进一步加强培训。"))
    crawl(archive, document(page(edited)))
    [change] = rows(archive, Change, Change.kind == "text_changed")
    [section] = change.detail["text"]
    assert section["section"] == "s5"
    assert "+下一步将进一步加强培训。" in section["diff"]
    assert not rows(archive, Change, Change.kind == "figures_changed")


def test_http_410_withdraws_the_report(archive):
    other = document(page(seed_report("zhoukou_city_2021")), url="http://kf.test/nb/city.html")
    crawl(archive, document(page(seed_report())), other)
    run = crawl(archive, document(b"", status=410, revisit=True), other)
    assert sorted(r.status for r in rows(archive, Report)) == [ACTIVE, WITHDRAWN]
    [change] = rows(archive, Change, Change.kind == "withdrawn")
    assert change.detail["reason"] == "HTTP 410"
    assert [a.kind for a in rows(archive, Alert)] == ["withdrawn"]
    assert run.withdrawals == 1


def test_a_page_saying_the_report_is_gone_withdraws_it_and_is_no_version_of_it(archive):
    other = document(page(seed_report("zhoukou_city_2021")), url="http://kf.test/nb/city.html")
    crawl(archive, document(page(seed_report())), other)
    run = crawl(archive, document(b"", gone="页面显示：信息已删除", revisit=True), other)
    assert sorted(r.status for r in rows(archive, Report)) == [ACTIVE, WITHDRAWN]
    [change] = rows(archive, Change, Change.kind == "withdrawn")
    assert change.detail["reason"] == "页面显示：信息已删除"
    assert not rows(archive, Change, Change.kind.in_(["figures_changed", "text_changed"]))
    assert len(rows(archive, Version)) == 2
    assert [a.kind for a in rows(archive, Alert)] == ["withdrawn"]
    assert (run.withdrawals, run.reports_found, run.new_versions) == (1, 1, 0)


def test_gone_from_the_list_page_for_two_crawls_is_a_withdrawal(archive):
    kaifeng, other = seed_report(), seed_report("zhoukou_xinfang_2021")
    other_doc = document(page(other), url="http://kf.test/nb/xinfang.html")
    crawl(archive, document(page(kaifeng)), other_doc)
    crawl(archive, document(page(kaifeng), revisit=True), other_doc)
    assert {r.status for r in rows(archive, Report)} == {ACTIVE}
    crawl(archive, document(page(kaifeng), revisit=True), other_doc)
    statuses = {r.year and r.agency_id: r.status for r in rows(archive, Report)}
    assert sorted(statuses.values()) == [ACTIVE, WITHDRAWN]
    [change] = rows(archive, Change, Change.kind == "withdrawn")
    assert "连续2次" in change.detail["reason"]


def test_a_listed_report_resets_its_misses(archive):
    body = page(seed_report())
    crawl(archive, document(body))
    crawl(archive, document(body, revisit=True))
    crawl(archive, document(body))
    crawl(archive, document(body, revisit=True))
    assert rows(archive, Report)[0].status == ACTIVE


def test_same_content_at_a_new_url_is_a_move(archive):
    body = page(seed_report())
    crawl(archive, document(body))
    crawl(archive, document(body, url="http://kf.test/xxgk/nb2021.html"))
    [change] = rows(archive, Change, Change.kind == "moved")
    assert change.detail == {"old_urls": ["http://kf.test/nb/2021.html"], "new_url": "http://kf.test/xxgk/nb2021.html"}
    assert count(archive, Version) == 1
    assert count(archive, ReportUrl) == 2


def test_unreadable_document_is_archived_with_its_error_and_alerted(archive):
    body = b"%PDF-1.7\n\x00\x01garbage that is no PDF"
    run = crawl(archive, document(body, url="http://kf.test/nb/2021.pdf", agency="开封市人民政府", year=2021))
    [version] = rows(archive, Version)
    assert version.parse_error and version.parsed_sha256 is None
    assert archive.store.get(RAW, version.raw_sha256) == body
    [finding] = rows(archive, Finding)
    assert (finding.rule, finding.severity) == ("document.unreadable", "error")
    [alert] = rows(archive, Alert)
    assert alert.kind == "failing" and alert.payload["agency"] == "开封市人民政府"
    assert run.errors == 1


def test_not_modified_is_a_fetch_of_the_same_version(archive):
    body = page(seed_report())
    crawl(archive, document(body, headers={"etag": '"v1"'}))
    crawl(archive, document(b"", status=304, not_modified=True))
    assert [f.outcome for f in rows(archive, Fetch)] == ["new_version", "not_modified"]
    assert rows(archive, ReportUrl)[0].etag == '"v1"'


def _year(report: dict, year: int) -> dict:
    title = report["title"].replace(str(report["year"]), str(year))
    return dict(report, year=year, title=title)


def test_cross_year_checks_compare_with_last_years_report(archive):
    last = seed_report()
    this = _year(last, 2022)
    this["s3"] = dict(last["s3"], carried_over=dict(last["s3"]["carry_forward"]))
    this = changed(this, s3__carried_over__natural_person=last["s3"]["carry_forward"]["natural_person"] + 4)
    crawl(archive, document(page(last)), document(page(this), url="http://kf.test/nb/2022.html"))
    latest = max(rows(archive, Version), key=lambda v: v.id)
    rules = {f.rule for f in rows(archive, Finding, Finding.version_id == latest.id)}
    assert {"yoy.carry", "text.near_duplicate"} <= rules
    [carry] = rows(archive, Finding, Finding.rule == "yoy.carry")
    assert carry.cells == ["s3.carried_over.natural_person"]


def test_cross_year_checks_rerun_when_last_year_arrives_later(archive):
    last = seed_report()
    this = _year(last, 2022)
    crawl(archive, document(page(this), url="http://kf.test/nb/2022.html"))
    assert not rows(archive, Finding, Finding.rule == "text.near_duplicate")
    crawl(archive, document(page(last)))
    assert len(rows(archive, Finding, Finding.rule == "text.near_duplicate")) == 1


def test_late_publication_is_a_warning(archive):
    crawl(archive, document(page(seed_report()), published_at="2022-04-15"))
    [late] = rows(archive, Finding, Finding.rule == "publication.late")
    assert "2022-03-31" in late.message and late.severity == "warning"


def test_overdue_report_is_alerted_once_and_cleared_when_published(db_url, tmp_path, config):
    from monitor.config import parse_config

    from .conftest import make_archive

    watched = parse_config({"site": [{"id": "kf", "name": "开封市人民政府", "start_urls": ["http://www.kaifeng.gov.cn/"],
                                      "alert_to": ["zwgk@example.org"]}],
                            "watch": [{"site": "kf", "agency": "开封市人民政府"}]})
    archive = make_archive(db_url, tmp_path / "store", watched)
    crawl(archive, today=date(2022, 4, 5))
    crawl(archive, today=date(2022, 4, 6))
    [report] = rows(archive, Report)
    assert (report.status, report.year, report.warning_count) == (MISSING, 2021, 1)
    [alert] = rows(archive, Alert)
    assert alert.kind == "overdue" and "已逾期5天" in alert.payload["summary"]
    crawl(archive, document(page(seed_report())), today=date(2022, 4, 7))
    [report] = rows(archive, Report)
    assert report.status == ACTIVE
    assert not rows(archive, Finding, Finding.rule == "report.overdue")
    archive.engine.dispose()


def test_alerts_are_routed_by_agency(archive):
    xinfang = seed_report("zhoukou_xinfang_2021")
    crawl(archive, document(page(xinfang)))
    crawl(archive, document(page(changed(xinfang, s4__review__upheld=xinfang["s4"]["review"]["upheld"] + 1))))
    assert sorted(a.recipient for a in rows(archive, Alert)) == ["xinfang@example.org", "zwgk@example.org"]


def test_failed_and_empty_crawls_are_alerted(archive):
    crawl(archive, document(page(seed_report())))
    failed = crawl(archive, error="spider crashed: KeyError")
    empty = crawl(archive)
    assert (failed.status, empty.status) == ("failed", "empty")
    alerts = {(a.kind, a.recipient) for a in rows(archive, Alert)}
    # No [mail] admin_to: the site's own recipients, not those of its [[route]] (xinfang@…)
    assert alerts == {(kind, "zwgk@example.org") for kind in ("crawl_failed", "crawl_empty")}
    assert rows(archive, Report)[0].status == ACTIVE   # an empty crawl withdraws nothing


def test_replaced_pdf_attachment_is_a_new_version_with_its_figures_diff(archive):
    from simsite.documents import attachment_bytes

    def pdf(report: dict) -> bytes:
        return attachment_bytes("pdf", {**report, **{f"{k}_text": v for k, v in report["text"].items()}})

    report = seed_report()
    url = "http://kf.test/nb/2021.pdf"
    crawl(archive, FetchedDocument(site_id="kf", url=url, status=200, body=pdf(report),
                                   content_type="application/pdf", listing_url="http://kf.test/nb/"))
    revised = changed(report, s2__penalty__decisions=report["s2"]["penalty"]["decisions"] + 10)
    crawl(archive, FetchedDocument(site_id="kf", url=url, status=200, body=pdf(revised),
                                   content_type="application/pdf", listing_url="http://kf.test/nb/"))
    kinds = sorted(c.kind for c in rows(archive, Change))
    assert kinds == ["attachment_replaced", "figures_changed", "new_report"]
    [figures] = rows(archive, Change, Change.kind == "figures_changed")
    assert [f["cell"] for f in figures.detail["figures"]] == ["s2.penalty.decisions"]
    [replaced] = rows(archive, Change, Change.kind == "attachment_replaced")
    assert replaced.detail["old_raw"] != replaced.detail["new_raw"]
    assert {v.source_type for v in rows(archive, Version)} == {"pdf"}


def test_a_withdrawn_report_that_comes_back_is_reported(archive):
    body = page(seed_report())
    other = document(page(seed_report("zhoukou_city_2021")), url="http://kf.test/nb/city.html")
    crawl(archive, document(body), other)
    crawl(archive, document(b"", status=404, revisit=True), other)
    crawl(archive, document(body), other)
    [report] = rows(archive, Report, Report.year == 2021, Report.title.contains("开封"))
    assert report.status == ACTIVE and report.version_count == 1
    assert [c.kind for c in rows(archive, Change, Change.report_id == report.id)] == ["new_report", "withdrawn",
                                                                                      "reappeared"]
    assert sorted(a.kind for a in rows(archive, Alert)) == ["reappeared", "withdrawn"]


def test_overlong_text_from_the_web_is_clipped_to_fit(archive):
    body = b"\x00\x01\x02 not a document"
    crawl(archive, document(body, url="http://kf.test/nb/x.bin", agency="局" * 300, year=2021,
                            page_title="题" * 800, published_at="2022-01-01" + "x" * 50,
                            content_type="application/octet-stream; " + "p=1; " * 40))
    [version] = rows(archive, Version)
    assert len(version.title) == 500 and len(version.content_type) == 100
    [report] = rows(archive, Report)
    assert report.agency_id is not None and report.published_at.startswith("2022-01-01")


def test_a_report_back_on_the_list_answering_304_is_active_again(archive):
    body = page(seed_report())
    other = document(page(seed_report("zhoukou_city_2021")), url="http://kf.test/nb/city.html")
    crawl(archive, document(body, headers={"etag": '"v1"'}), other)
    crawl(archive, document(body, revisit=True), other)
    crawl(archive, document(body, revisit=True), other)      # two crawls off the list: withdrawn
    crawl(archive, document(b"", status=304, not_modified=True), other)
    [report] = rows(archive, Report, Report.title.contains("开封"))
    assert report.status == ACTIVE and report.missing_runs == 0
    kinds = [c.kind for c in rows(archive, Change, Change.report_id == report.id)]
    assert kinds == ["new_report", "withdrawn", "reappeared"]


def test_validators_of_the_archive(archive):
    from monitor.crawling.validators import ArchiveValidatorStore

    store = ArchiveValidatorStore(archive.engine, "kf")
    other = document(page(seed_report("zhoukou_city_2021")), url="http://kf.test/nb/city.html")
    crawl(archive, document(page(seed_report()), headers={"etag": '"v1"', "last-modified": "Mon, 01 Jan 2024"}),
          other)
    assert store.get("http://kf.test/nb/2021.html") == ('"v1"', "Mon, 01 Jan 2024")
    assert store.get("http://kf.test/nb/city.html") is None
    assert store.known_urls("kf") == ["http://kf.test/nb/2021.html", "http://kf.test/nb/city.html"]
    crawl(archive, document(b"", status=410, revisit=True), other)
    assert store.get("http://kf.test/nb/2021.html") is None
    assert store.known_urls("kf") == ["http://kf.test/nb/city.html"]


def test_a_scan_is_filed_under_the_agency_its_site_lists_it_under():
    scan = ParsedDocument({"agency": "开去77人民政府", "source_type": "ocr"}, None, "d")
    assert scan.agency("开封市人民政府") == "开封市人民政府"
    assert scan.agency(None) == "开去77人民政府"
    page = ParsedDocument({"agency": "开封市人民政府", "source_type": "html"}, None, "d")
    assert page.agency("开封市政府") == "开封市人民政府"
    assert ParsedDocument(None, "unreadable", "d").agency("开封市政府") == "开封市政府"


# -- a report belongs to its site -------------------------------------------------------------------------

@pytest.fixture
def two_sites(db_url, tmp_path):
    """The real site ``kf`` and another host ``other``, each with its own recipients."""
    from monitor.config import parse_config

    from .conftest import make_archive

    config = parse_config({
        "site": [{"id": "kf", "name": "开封市人民政府", "start_urls": ["http://kf.test/"], "alert_to": ["zwgk@kf.org"]},
                 {"id": "other", "name": "别处", "start_urls": ["http://other.test/"], "alert_to": ["ops@other.org"]}],
        "route": [{"site": "kf", "region": "开封市", "to": ["city@kf.org"]}]})
    archive = make_archive(db_url, tmp_path / "store", config)
    yield archive
    archive.engine.dispose()


def crawl_site(archive, site: str, *docs) -> CrawlRun:
    run_id = archive.start_run(site)
    for doc in docs:
        archive.record(doc, run_id)
    return archive.finish_run(run_id)


def test_a_page_on_another_site_titled_with_a_sites_agency_and_year_is_not_its_report(two_sites):
    """The attack of issue 12: another host's page titled 开封市人民政府2021年… with other figures."""
    real = seed_report()
    crawl_site(two_sites, "kf", document(page(real), url="http://kf.test/nb/2021.html", site="kf"))
    [own] = rows(two_sites, Report)
    forged = changed(real, s3__new_received__natural_person=1, s3__new_received__total=9, s4__review__total=99)
    run = crawl_site(two_sites, "other", document(page(forged), url="http://other.test/nb.html", site="other",
                                                  listing_url="http://other.test/"))
    crawl_site(two_sites, "kf", document(page(real), url="http://kf.test/nb/2021.html", site="kf"))

    [after] = rows(two_sites, Report, Report.site_id == "kf")
    assert (after.version_count, after.latest_url_id, after.latest_version_id) == \
        (1, own.latest_url_id, own.latest_version_id)
    assert [c.kind for c in rows(two_sites, Change, Change.report_id == own.id)] == ["new_report"]
    [theirs] = rows(two_sites, Report, Report.site_id == "other")
    assert (theirs.year, theirs.agency_id, theirs.same_as_id) == (2021, own.agency_id, None)
    assert [c.kind for c in rows(two_sites, Change, Change.run_id == run.id)] == ["new_report"]
    assert not rows(two_sites, Change, Change.kind.in_(["moved", "figures_changed"]))
    mailed = {a.recipient for a in rows(two_sites, Alert, Alert.run_id == run.id)}
    assert mailed == {"ops@other.org"}          # its errors go to its own site's people, nobody of kf's


def test_the_same_document_on_another_site_is_its_own_report_linked_to_the_first(two_sites):
    body = page(seed_report())
    crawl_site(two_sites, "kf", document(body, url="http://kf.test/nb/2021.html", site="kf"))
    run = crawl_site(two_sites, "other", document(body, url="http://other.test/zz/2021.html", site="other"),
                     document(body, url="http://kf.test/nb/2021.html", site="other"))   # and kf's URL itself
    own, theirs = sorted(rows(two_sites, Report), key=lambda r: r.id)
    assert (own.site_id, own.version_count, own.same_as_id) == ("kf", 1, None)
    assert (theirs.site_id, theirs.version_count, theirs.same_as_id) == ("other", 1, own.id)
    urls = {(u.site_id, u.url): u.report_id for u in rows(two_sites, ReportUrl)}
    assert urls == {("kf", "http://kf.test/nb/2021.html"): own.id, ("other", "http://other.test/zz/2021.html"):
                    theirs.id, ("other", "http://kf.test/nb/2021.html"): theirs.id}
    assert not rows(two_sites, Change, Change.report_id == own.id, Change.kind != "new_report")
    assert not rows(two_sites, Alert, Alert.run_id == run.id)      # a consistent report: nothing to say


def test_validators_are_the_crawling_sites(two_sites):
    from monitor.crawling.validators import ArchiveValidatorStore

    crawl_site(two_sites, "kf", document(page(seed_report()), url="http://kf.test/nb/2021.html", site="kf",
                                         headers={"etag": '"v1"'}))
    assert ArchiveValidatorStore(two_sites.engine, "kf").get("http://kf.test/nb/2021.html") == ('"v1"', None)
    # A 304 to the other site could not be filed under any report of it: it asks in full.
    assert ArchiveValidatorStore(two_sites.engine, "other").get("http://kf.test/nb/2021.html") is None
    assert ArchiveValidatorStore(two_sites.engine, "other").known_urls("other") == []


def test_a_changed_attachment_of_a_bundled_article_is_a_new_version_with_its_figures_diff(archive, tmp_path):
    """An article bundled with its 附表 workbook (crawler.documents.bundle, crawler.documents.parts): the workbook
    replaced with one figure changed is a new version of the one report, the change that figure."""
    from pathlib import Path

    from crawler.documents.bundle import Part, mhtml
    from tests.gxparse.formats.make_xlsx import write_table_sheets
    from tests.gxparse.formats.plan import report_plan
    from tests.gxparse.seeds import report_dict

    url = "http://kf.test/nb/t20220120_91.html"
    article = (Path(__file__).parents[1] / "files" / "parts_article_tables_attached.html").read_bytes()

    def bundle(report: dict, name: str) -> bytes:
        tables = write_table_sheets(report_plan("kaifeng_2021", report), report["title"], tmp_path / name)
        return mhtml(Part(url, "text/html", article), [Part(url.rsplit("/", 1)[0] + "/parts_tables.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", tables.read_bytes())],
                     "utf-8")

    report = report_dict("kaifeng_2021")
    revised = changed(report, s2__penalty__decisions=report["s2"]["penalty"]["decisions"] + 10)
    crawl(archive, document(bundle(report, "v1.xlsx"), url, content_type="multipart/related"))
    crawl(archive, document(bundle(revised, "v2.xlsx"), url, content_type="multipart/related"))
    assert count(archive, Version) == 2 and count(archive, Report) == 1
    [figures] = rows(archive, Change, Change.kind == "figures_changed")
    assert [f["cell"] for f in figures.detail["figures"]] == ["s2.penalty.decisions"]


def test_a_parser_bug_is_archived_in_chinese_and_its_type_logged(archive, monkeypatch, caplog):
    """A bug past parse_document's own guard (writing the report out) reaches the archive's: the reason is
    shown to officers, the exception's type is for the log."""
    def failing(self):
        raise KeyError("row")
    monkeypatch.setattr(model.Report, "to_dict", failing)
    parsed = archive.parse(document(b"some text", content_type="text/plain"))
    assert parsed.error == INTERNAL_ERROR and parsed.document is None
    assert "KeyError" in caplog.text

"""End to end in headless Chromium: the pages a person opens, over an archive built by crawling the simulated site.

The archive comes from three real crawls (``monitor.crawling.job.crawl_now``: Scrapy in a child process, the
archive pipeline, gxparse) of one department's report column on the simulated site: the 2024 report is
revised on the site between crawls, twice, and the 2019 one withdrawn. One more document, a report whose
title carries a script and whose table does not add up, is put into the same archive through
``Archive.record`` (no simulated site serves such a title). The app runs under uvicorn on 127.0.0.1;
Debian's chromium (scripts/system-packages.txt) is driven by Playwright. Screenshots go to
tests/artifacts/web/.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from monitor.archive.record import Archive
from monitor.config import load_config
from monitor.crawling.job import crawl_now
from monitor.archive.db import open_engine
from monitor.archive.documents import FetchedDocument
from monitor.alerts.mailsink import free_port
from monitor.archive.store import BlobStore
from monitor.web import create_app
from simsite import SimSite, serve
from simsite.render import render_report_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parents[1] / "artifacts" / "web"
COLUMN = "/bm/tjj/xxgk/ndbg/"        # 临江市统计局's report column: six reports, HTML and Word
AGENCY = "临江市统计局"
PAGE_SCRIPT = ("<script>document.body.insertAdjacentHTML('beforeend', '<p id=pwned>pwned</p>');"
               "alert('archived page script')</script>")
SCRIPT_TITLE = '<script>window.__pwned=1;alert("xss")</script>临江市审计局2024年政府信息公开工作年度报告'


def _config(folder: Path, base_url: str) -> Path:
    path = folder / "sites.toml"
    path.write_text(f"""
[[site]]
id = "sim"
name = "模拟市人民政府门户网站"
start_urls = ["{base_url}{COLUMN}"]
depth = 0
delay = 0
concurrency = 8
""", encoding="utf-8")
    return path


def _archive_script_title(archive: Archive, site: SimSite) -> None:
    entry = next(e for e in site.entries("report") if e.year == 2024 and e.fmt == "html")
    report = site.report(entry)
    report = {**report, "title": SCRIPT_TITLE, "agency": "临江市审计局",
              "s3": {**report["s3"], "new_received": {**report["s3"]["new_received"], "natural_person": 9999}}}
    run = archive.start_run("sim")
    # The page itself carries a script too: viewed as archived (a sandboxed frame) it must not run.
    body = render_report_html(report).replace("</body>", f"{PAGE_SCRIPT}</body>")
    archive.record(FetchedDocument(site_id="sim", url="http://other.test/sj/2024.html", status=200,
                                   body=body.encode("utf-8"), content_type="text/html"), run)
    archive.finish_run(run)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e")
    url, store = f"sqlite:///{folder / 'gxmon.db'}", BlobStore(folder / "gxmon-store")
    site = SimSite(seed="gxmon-web", size=0)
    with serve(site) as server:
        config = load_config(_config(folder, server.base_url))
        engine = open_engine(url)
        column = [e for e in site.expected_reports() if e.agency == AGENCY]
        revised = max(column, key=lambda e: e.year)
        withdrawn = min(column, key=lambda e: e.year)
        runs = [crawl_now(engine, store, config, send_mail=False, timeout=180)]
        site.revise(revised.id)
        runs.append(crawl_now(engine, store, config, send_mail=False, timeout=180))
        site.revise(revised.id)
        site.withdraw(withdrawn.id)
        runs.append(crawl_now(engine, store, config, send_mail=False, timeout=180))
    for result in runs:
        [one] = result.sites
        assert one.run is not None and one.run.status == "ok", (one.skipped, one.run)
    _archive_script_title(Archive(engine, store, config), site)
    engine.dispose()
    return {"url": url, "store": store.root, "reports": len(column) + 1, "revised": revised, "withdrawn": withdrawn}


@pytest.fixture(scope="module")
def base_url(archive):
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(archive["url"], archive["store"]), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-system.sh (Debian package chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN", accept_downloads=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """Messages of every alert/confirm/prompt the page opens (a script that ran would open one)."""
    seen: list[str] = []
    page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
    return seen


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_list_shows_the_crawled_reports_and_filters_by_agency(page: Page, base_url, archive):
    page.goto(f"{base_url}/reports")
    assert page.locator("#total").inner_text() == str(archive["reports"])
    titles = page.locator("table.reports td.title a").all_inner_texts()
    assert sum(AGENCY in t for t in titles) == archive["reports"] - 1
    withdrawn_row = page.locator("table.reports tbody tr", has_text=f"{archive['withdrawn'].year}年")
    assert "已撤回" in withdrawn_row.inner_text()
    shot(page, "reports")
    page.get_by_placeholder("机构名称或地区").fill("审计局")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/reports?*agency=*")
    assert page.locator("#total").inner_text() == "1"
    assert page.locator("table.reports td.title").inner_text().startswith("<script>")


def test_a_report_shows_its_versions_and_its_tables(page: Page, base_url, archive):
    page.goto(f"{base_url}/reports?revised=1")
    page.locator("table.reports td.title a").first.click()
    page.wait_for_url("**/reports/*")
    assert page.locator("h1").inner_text().startswith(f"{AGENCY}{archive['revised'].year}年")
    timeline = page.locator("ol.timeline > li")
    assert timeline.count() == 3
    assert "第3版" in timeline.nth(0).inner_text() and "数字修改" in timeline.nth(0).inner_text()
    assert "新报告" in timeline.nth(2).inner_text()
    assert page.locator("table.official.s3").is_visible()
    received = archive["revised"].report["s3"]["new_received"]["total"]
    assert page.locator("#v-s3\\.new_received\\.total .value").inner_text() == str(received)
    shot(page, "report")
    here = page.url
    with page.expect_download() as download:
        page.locator("ol.timeline > li").nth(0).get_by_role("link", name="下载原文").click()
    assert download.value.suggested_filename.endswith(".html")
    assert page.url == here      # the archived page was downloaded, not opened


def test_an_agency_has_its_years_and_a_chart(page: Page, base_url, archive):
    page.goto(f"{base_url}/reports?revised=1")
    page.locator("table.reports td.title a").first.click()
    page.locator("nav.crumbs").get_by_role("link", name=AGENCY).click()
    page.wait_for_url("**/agencies/*")
    years = page.locator("table.years tbody tr td:first-child").all_inner_texts()
    assert years == [str(y) for y in range(2019, 2025)]
    chart = page.locator("figure.chart svg")
    assert chart.is_visible() and chart.bounding_box()["width"] > 300
    assert page.locator("figure.chart rect.s-received").count() == 6      # withdrawn in 2019 keeps its figures
    shot(page, "agency")


def test_comparing_the_first_and_the_last_version(page: Page, base_url):
    page.goto(f"{base_url}/reports?revised=1")
    page.locator("table.reports td.title a").first.click()
    page.wait_for_url("**/reports/*")
    form = page.locator("form.compare")
    options = form.locator("select[name=a] option").all_inner_texts()
    form.locator("select[name=a]").select_option(label=options[0])       # 第1版
    form.locator("select[name=b]").select_option(label=options[-1])      # 第3版, not its neighbour
    form.get_by_role("button", name="比较").click()
    page.wait_for_url("**/diff/*/*")
    changed = page.locator("td.changed")
    assert changed.count() >= 2 and changed.count() % 2 == 0            # marked on both sides
    new_side = page.locator(".side.b td.changed").first
    assert "→" in new_side.inner_text()
    old, new = new_side.locator("del").inner_text(), new_side.locator("ins").inner_text()
    assert old != new and old.isdigit() and new.isdigit()
    assert page.locator("table.cell-changes tbody tr").count() == changed.count() // 2
    assert page.locator("section#text p.chardiff ins").count() >= 1    # the prose of 一 changed too, marked
    shot(page, "compare")


def test_a_script_in_a_title_is_text_and_never_runs(page: Page, dialogs: list[str], base_url):
    page.goto(f"{base_url}/reports?agency=审计局")
    page.locator("table.reports td.title a").first.click()
    page.wait_for_url("**/reports/*")
    assert page.locator("h1").inner_text() == SCRIPT_TITLE
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    failing = page.locator("#v-s3\\.new_received\\.natural_person")
    assert "fail-error" in failing.get_attribute("class")
    assert "9999" in failing.inner_text()
    assert page.locator("aside.notes li").first.is_visible()
    shot(page, "script-title-and-failing-cell")


def test_the_dashboard_answers_what_changed_what_is_wrong_and_how_crawls_go(browser: Browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        for panel in ("#revised", "#failing", "#overdue", "#dealt"):      # all four on the first screen
            box = page.locator(panel).bounding_box()
            assert box["y"] < 900 and box["x"] + box["width"] <= 1280, panel
        revised = page.locator("#revised")
        assert int(revised.locator(".big").inner_text()) >= 2          # the crawls revised one, withdrew one
        assert revised.locator(".badge.kind-withdrawn").count() == 1
        assert "临江市审计局" in page.locator("#failing").inner_text()
        health = page.locator("#site-sim")
        assert "完成" in health.inner_text() and "failed" not in (health.get_attribute("class") or "")
        shot(page, "dashboard")
        revised.get_by_role("link", name="比较").first.click()
        page.wait_for_url("**/diff/*/*")
    finally:
        context.close()


def test_changes_filter_by_kind_and_subscribe(page: Page, base_url):
    page.goto(base_url + "/changes")
    total = int(page.locator("#total").inner_text())
    assert total >= 8                                                   # seven new reports, a revision, …
    page.get_by_label("数字修改").check()
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/changes?*kind=figures_changed*")
    kinds = page.locator("table.changes-list tbody .badge[class*=kind-]").all_inner_texts()
    assert kinds and set(kinds) == {"数字修改"}
    assert page.locator("table.changes-list tbody tr").first.get_by_role("link", name="比较").is_visible()
    shot(page, "changes")
    feed = page.locator("a.feed").get_attribute("href")
    assert feed.startswith("/changes.atom?") and "kind=figures_changed" in feed
    answer = page.request.get(base_url + feed)
    assert answer.headers["content-type"] == "application/atom+xml" and answer.text().count("<entry>") == len(kinds)


def test_the_comparison_shows_table_three_whole_at_1280(browser: Browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{base_url}/changes?kind=figures_changed")
        page.locator("table.changes-list tbody tr").first.get_by_role("link", name="比较").click()
        page.wait_for_url("**/diff/*/*")
        wrap = page.locator("#merged-s3 .side.b .table-wrap")
        assert wrap.evaluate("e => e.scrollWidth - e.clientWidth") <= 0      # no scrollbar hides a column
        total = page.locator("#merged-s3 .side.b table.official.s3 th", has_text="总计").first
        box = total.bounding_box()
        assert total.is_visible() and box["x"] + box["width"] <= 1280
        changed = page.locator("#tables .side.b td.changed")
        assert changed.count() >= 1 and "→" in changed.first.inner_text()
        shot(page, "compare-1280")
    finally:
        context.close()


def test_an_archived_page_is_shown_sandboxed_and_its_script_never_runs(page: Page, dialogs: list[str], base_url):
    page.goto(f"{base_url}/reports?agency=审计局")
    page.locator("table.reports td.title a").first.click()
    page.wait_for_url("**/reports/*")
    page.locator("#figures").get_by_role("link", name="查看原网页").click()
    page.wait_for_url("**/versions/*/page")
    frame = page.frame_locator("iframe.archived")
    assert "临江市审计局" in frame.locator("body").inner_text()
    assert frame.locator("#pwned").count() == 0 and dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "archived-page")


def test_pages_fit_a_phone(browser: Browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="zh-CN")
    page = context.new_page()
    try:
        for path, name in (("/", "phone-dashboard"), ("/changes", "phone-changes"), ("/runs", "phone-runs"),
                           ("/findings", "phone-findings"), ("/reports", "phone-reports")):
            page.goto(base_url + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} is {overflow}px wider than the phone"
            shot(page, name)
        page.locator("table.reports td.title a").first.click()
        page.wait_for_url("**/reports/*")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        shot(page, "phone-report")
    finally:
        context.close()

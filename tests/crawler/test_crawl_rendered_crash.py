"""A browser that dies or hangs mid-render (tests/crawler/browser_sites.CrashPortal: its main process killed, its
renderers stopped, by the server answering the page's script) costs that page only: it is the crawl's error
naming it, the browser is started again for the next shell, whose report is found, and the static crawl goes
on."""

from __future__ import annotations

from tests.crawler.browser_sites import AGENCY, CrashPortal, running
from tests.crawler.portal_checks import crawl_of

RENDER_SECONDS = 5.0
crawl = crawl_of(CrashPortal, "qingya", AGENCY, more={"GXMON_RENDER_SECONDS": RENDER_SECONDS})


def _errors(summary) -> dict[str, str]:
    return {error.url: error.reason for error in summary.errors}


def test_the_browser_was_killed_and_stopped(crawl):
    portal, _, _ = crawl
    assert portal.killed and portal.stopped


def test_the_page_the_browser_died_on_is_its_error(crawl):
    portal, summary, _ = crawl
    assert _errors(summary).get(portal.base + "/zwgk/crash.html", "").startswith("RenderError: the browser")


def test_the_page_the_renderer_hung_on_is_its_error(crawl):
    portal, summary, _ = crawl
    assert _errors(summary).get(portal.base + "/zwgk/hang.html") == \
        f"RenderError: not rendered within {RENDER_SECONDS:g} s"


def test_the_next_shell_is_rendered_and_every_report_found(crawl):
    portal, summary, items = crawl
    assert summary.finish_reason == "finished" and summary.rendered_pages == 3
    assert sorted(i["final_url"] for i in items) == sorted(portal.expected)


def test_no_chromium_is_left_behind(crawl):
    portal, _, _ = crawl
    assert running(portal.killed + portal.stopped) == []


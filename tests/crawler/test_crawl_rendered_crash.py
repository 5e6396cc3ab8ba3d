"""A browser that dies or hangs mid-render (tests/crawler/browser_sites.CrashPortal: its main process killed, its
renderers stopped, by the server answering the page's script) costs that page only: it is the crawl's error
naming it, the browser is started again for the next shell, whose report is found, and the static crawl goes
on. A crawl's browser is started at most MAX_BROWSER_STARTS times."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from crawler.settings import GXMON_CHROMIUM
from crawler.transport.browser import MAX_BROWSER_STARTS, Answer, Asked, Renderer, RenderError, Unanswered
from tests.crawler.browser_sites import AGENCY, CrashPortal, signal_chromium
from tests.crawler.helpers import portal_crawl

RENDER_SECONDS = 5.0
CHROMIUM = Path(GXMON_CHROMIUM)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    portal = CrashPortal()
    try:
        yield portal, *portal_crawl("qingya", AGENCY, portal.base, tmp_path_factory.mktemp("qingya"),
                                    more={"GXMON_RENDER_SECONDS": RENDER_SECONDS})
    finally:
        portal.close()


def _errors(summary) -> dict[str, str]:
    return {error.url: error.reason for error in summary.errors}


def test_the_browser_was_killed_and_stopped(crawl):
    portal, _, _ = crawl
    assert portal.killed >= 1 and portal.stopped >= 1


def test_the_page_the_browser_died_on_is_its_error(crawl):
    portal, summary, _ = crawl
    assert _errors(summary).get(portal.base + "/zwgk/crash.html", "").startswith("RenderError: the browser")


def test_the_page_the_renderer_hung_on_is_its_error(crawl):
    portal, summary, _ = crawl
    assert _errors(summary).get(portal.base + "/zwgk/hang.html") == f"RenderError: not rendered within {RENDER_SECONDS:g} s"


def test_the_next_shell_is_rendered_and_every_report_found(crawl):
    portal, summary, items = crawl
    assert summary.finish_reason == "finished" and summary.rendered_pages == 3
    assert sorted(i["final_url"] for i in items) == sorted(portal.expected)


def test_no_chromium_is_left_behind(crawl):
    assert signal_chromium(renderers=False, signum=0) == signal_chromium(renderers=True, signum=0) == 0


def test_a_browser_that_keeps_dying_is_started_at_most_max_browser_starts_times():
    killed = []

    async def fetch(asked: Asked) -> Answer:   # the page's own request: its browser dies
        killed.append(signal_chromium(renderers=False, signum=signal.SIGKILL))
        raise Unanswered("killed", refused=False)

    async def renders() -> list[str]:
        renderer = Renderer(CHROMIUM, "gxmon-test", render_seconds=RENDER_SECONDS)
        try:
            return [await _failure(renderer.render("http://qingya.test/", fetch)) for _ in range(MAX_BROWSER_STARTS + 1)]
        finally:
            await renderer.close()

    failures = asyncio.run(renders())
    assert all(failure.startswith("the browser") for failure in failures)
    assert failures[-1] == f"the browser died or hung {MAX_BROWSER_STARTS} times: no page is rendered any more"
    assert len(killed) == MAX_BROWSER_STARTS and all(killed)


async def _failure(render) -> str:
    try:
        await render
    except RenderError as error:
        return str(error)
    return "rendered"

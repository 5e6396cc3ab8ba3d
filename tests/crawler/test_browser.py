"""crawler.transport.browser: without Chromium the crawl reads pages as they are (said once); a browser that cannot
start is the page's error, not the crawl's; one that dies on every page is started MAX_BROWSER_STARTS times."""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
import time
from contextlib import suppress
from pathlib import Path

import psutil
import pytest

from crawler.settings import GXMON_CHROMIUM
from crawler.transport.browser import (MAX_BROWSER_STARTS, MAX_JS_HEAP_MB, MAX_PROCESS_DATA_BYTES, Answer, Asked,
                                      RenderError, Renderer, Unanswered, chromium)
from tests.crawler.browser_sites import signal_chromium


def test_a_missing_chromium_turns_rendering_off_with_a_warning(caplog, tmp_path):
    with caplog.at_level(logging.WARNING, logger="crawler.transport.browser"):
        assert chromium(str(tmp_path / "chromium"), True) is None
    assert [r.getMessage() for r in caplog.records] == [
        f"no Chromium at {tmp_path / 'chromium'}: pages only a browser can read are read as they are"]


def test_rendering_off_by_the_setting():
    assert chromium("/usr/bin/chromium", False) is None


def test_a_browser_that_cannot_start_is_the_pages_error():
    async def render() -> None:
        renderer = Renderer(Path("/bin/false"), "gxmon-test")
        try:
            await renderer.render(Answer("http://127.0.0.1:9/", 200, {}, b""), _never)
        finally:
            await renderer.close()
    with pytest.raises(RenderError, match="^the browser could not open the page: "):
        asyncio.run(render())


async def _never(asked: Asked) -> Answer:
    raise AssertionError(f"a browser that cannot start asked {asked.url}")


def test_a_browser_that_keeps_dying_is_started_at_most_max_browser_starts_times():
    killed = []

    page = Answer("http://qingya.test/", 200, {"content-type": "text/html"}, b"<script>fetch('/x')</script>")

    async def fetch(asked: Asked) -> Answer:   # the page's script's request: its browser dies
        killed.append(signal_chromium(renderers=False, signum=signal.SIGKILL))
        raise Unanswered("killed", refused=False)

    async def renders() -> list[str]:
        renderer = Renderer(Path(GXMON_CHROMIUM), "gxmon-test", render_seconds=5.0)
        try:
            return [await _failure(renderer.render(page, fetch))
                    for _ in range(MAX_BROWSER_STARTS + 1)]
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


def _browser_peak_mb(done: threading.Event, peak: list[float]) -> None:
    """The browser's memory (its processes' resident sets summed) at its largest, sampled until ``done``."""
    me = psutil.Process()
    while not done.is_set():
        total = 0
        for child in me.children(recursive=True):
            with suppress(psutil.Error):
                total += child.memory_info().rss
        peak[0] = max(peak[0], total / (1 << 20))
        time.sleep(0.1)


def test_a_script_allocating_without_end_crashes_its_page_within_the_heap_limit():
    """A page's script filling its heap took the browser to 5 GB in 16 s before the page crashed; now the
    renderer's JavaScript heap is ``MAX_JS_HEAP_MB``: the page's error, in seconds."""
    done, peak = threading.Event(), [0.0]
    threading.Thread(target=_browser_peak_mb, args=(done, peak), daemon=True).start()

    async def render() -> None:
        renderer = Renderer(Path(GXMON_CHROMIUM), "gxmon-test", render_seconds=10)
        try:
            await renderer.render(_page("http://jiashi.test/bomb.html",
                                        "<script>let a = []; for (;;) a.push(new Array(1e6).fill(1.5));</script>"),
                                  _nothing_else)
        finally:
            await renderer.close()
    try:
        with pytest.raises(RenderError, match="crashed"):
            asyncio.run(render())
    finally:
        done.set()
    assert peak[0] < 4 * MAX_JS_HEAP_MB


def test_buffers_past_a_processs_memory_limit_fail_in_the_page_which_is_rendered():
    """3 GB of typed arrays (outside the JavaScript heap) took the browser to 4 GB; each of its processes is
    started under ``MAX_PROCESS_DATA_BYTES`` of writable memory: the allocation fails in the page."""
    done, peak = threading.Event(), [0.0]
    threading.Thread(target=_browser_peak_mb, args=(done, peak), daemon=True).start()

    async def render() -> str:
        renderer = Renderer(Path(GXMON_CHROMIUM), "gxmon-test", render_seconds=10)
        try:
            return (await renderer.render(_page(
                "http://jiashi.test/buffers.html",
                '<p id="r">-</p><script>const a = []; try { for (let i = 0; i < 30; i++) a.push(new Uint8Array('
                '100 << 20).fill(1)); } catch (e) { document.getElementById("r").textContent = "refused"; }</script>'),
                _nothing_else)).html
        finally:
            await renderer.close()
    try:
        assert '<p id="r">refused</p>' in asyncio.run(render())
    finally:
        done.set()
    assert peak[0] < 1.5 * MAX_PROCESS_DATA_BYTES / (1 << 20)


def _page(url: str, body: str) -> Answer:
    """A page's answer holding ``body``."""
    return Answer(url, 200, {"content-type": "text/html; charset=utf-8"}, f"<html><body>{body}</body></html>".encode())


async def _nothing_else(asked: Asked) -> Answer:
    """Whatever else the page asks for does not exist."""
    return Answer(asked.url, 404, {}, b"")
def test_a_page_moved_where_chromium_writes_the_address_otherwise_is_moved_once():
    """Scrapy's redirect ended at an address Chromium writes otherwise (its default port dropped): the page is moved
    there once, then given the answer it asked, not moved again and again."""
    page = Answer("http://qingya.test/", 200, {"content-type": "text/html"}, b"<script>location.replace('/go')</script>")
    asked = []

    async def fetch(request: Asked) -> Answer:
        asked.append(request.url)
        return Answer("http://qingya.test:80/there", 200, {"content-type": "text/html"}, b"<p>there</p>")

    async def render() -> str:
        renderer = Renderer(Path(GXMON_CHROMIUM), "gxmon-test", render_seconds=10.0)
        try:
            return (await renderer.render(page, fetch)).html
        finally:
            await renderer.close()

    assert "<p>there</p>" in asyncio.run(render())
    assert asked == ["http://qingya.test/go", "http://qingya.test/there"]



"""crawler.transport.browser: without Chromium the crawl reads pages as they are (said once); a browser that cannot
start is the page's error, not the crawl's."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from crawler.transport.browser import RenderError, Renderer, chromium


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
            await renderer.render("http://127.0.0.1:9/", lambda url: True)
        finally:
            await renderer.close()
    with pytest.raises(RenderError, match="^the browser could not open the page: "):
        asyncio.run(render())

"""Pages only a browser can read: a script shell rendered in headless Chromium, its DOM and the JSON its scripts
fetched given back to be read as any page and any API's answer.

Playwright drives Debian's Chromium (``GXMON_CHROMIUM``, never a browser of its own download) in the crawl's own
asyncio loop (Scrapy's asyncio reactor): one browser a crawl, launched at its first render and closed with the
crawl (``close``), launched again when it died or hung (at most ``MAX_BROWSER_STARTS`` times a crawl: past that
no page is rendered); each page in a context of its own, closed after it. The browser itself sends no request:
the page's own answer is the crawl's fetch of it, given to the browser at the address it ended on; every other
request of the page (its scripts', styles', frames', API calls, a page its script moves to; each redirect they
follow) is fetched by the caller's ``fetch`` (the crawl's downloader: ``crawler.transport.browsergate``) and its
answer handed to the page, a page whose address was redirected moved there (``_MOVE``) so that it stands at the
address it ended on. ``cut`` ends every render under way and refuses the next (the crawl's ``max_time`` and its
grace are over). A render is bounded: its wall time (``render_seconds``, whatever its scripts do: a script
that never ends costs that page only), the requests its scripts make (``MAX_RENDER_REQUESTS``), the JSON answers
kept (``MAX_ANSWERS``, each at most ``MAX_ANSWER_BYTES``, all at most ``MAX_ANSWERS_BYTES``) and the DOM read
(``MAX_DOM_CHARS``); pictures, fonts and media are never fetched, web sockets never opened, downloads are
refused, pop-ups closed, at most ``MAX_PARALLEL_RENDERS`` pages at once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shlex
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag

from playwright.async_api import (Browser, BrowserContext, Error as PlaywrightError, Page, Playwright, Request,
                                  Response, Route, async_playwright)
from w3lib.url import canonicalize_url

from crawler.scripted.jsonp import is_json_answer

logger = logging.getLogger(__name__)

RENDER_SECONDS = 15.0            # a render's wall time, from the page's request to its DOM read
IDLE_SECONDS = 5.0               # of it, waiting for the scripts' requests to end after the page's load
CLOSE_SECONDS = 5.0              # closing a page whose script still runs; past it the browser is restarted
MAX_RENDERS_PER_SITE = 30        # pages of a crawl rendered; the others are read as they are
MAX_PARALLEL_RENDERS = 2         # pages rendered at once, each a renderer process of Chromium's
MAX_RENDER_REQUESTS = 100        # requests a page makes (its scripts, styles, API calls); the others are refused
MAX_ANSWERS = 20                 # JSON answers kept of a page's scripts' requests
MAX_ANSWER_BYTES = 2 * 1024 * 1024
MAX_ANSWERS_BYTES = 5 * 1024 * 1024
MAX_DOM_CHARS = 5_000_000        # of the rendered page read
MAX_BROWSER_STARTS = 3           # launches of the browser a crawl (the first, and after it died or hung)
# a renderer's JavaScript heap: a script allocating without end took the browser to 5 GB before its page crashed
# (Chromium's own limit is ~4 GB a renderer); a real page's scripts use tens of MB
MAX_JS_HEAP_MB = 512
# each of the browser's processes' writable memory (RLIMIT_DATA, set by util-linux's prlimit as it starts): typed
# arrays and other buffers live outside the JavaScript heap (3 GB of Uint8Arrays took the browser to 4 GB); past it
# an allocation fails in the page (a RangeError its script may catch), the page rendered as it is
MAX_PROCESS_DATA_BYTES = 2 * 1024 * 1024 * 1024
_BLOCKED = frozenset({"image", "media", "font", "manifest", "texttrack"})
# Run before the page's own scripts: their requests are counted where they are made, so a loop asking thousands
# costs no round trip to the driver past the limit (the route still checks each that is sent); no window opens,
# no web socket (the route sees none of its traffic).
_GUARD = """(() => {
  let left = %d;
  const spend = () => left-- > 0;
  const fetch = window.fetch, send = XMLHttpRequest.prototype.send;
  window.fetch = function () {
    return spend() ? fetch.apply(this, arguments) : Promise.reject(new TypeError('request limit'));
  };
  XMLHttpRequest.prototype.send = function () {
    if (!spend()) throw new DOMException('request limit', 'NetworkError');
    return send.apply(this, arguments);
  };
  navigator.sendBeacon = () => false;
  window.open = () => null;
  window.WebSocket = undefined;
})();""" % MAX_RENDER_REQUESTS
_SCRIPTED = frozenset({"xhr", "fetch"})
# A page Scrapy was redirected for moves itself to the address it ended on (Chromium ignores a redirect a route
# fulfils), the hash its script set kept unless the redirect gave one; its answer, held, is served there.
_MOVE = """<!DOCTYPE html><script>var t = %s; location.replace(t.indexOf('#') < 0 ? t + location.hash : t);</script>"""
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 "--blink-settings=imagesEnabled=false", f"--js-flags=--max-old-space-size={MAX_JS_HEAP_MB}")


class RenderError(Exception):
    """The page could not be rendered (its browser crashed, or it took too long): that page's error only."""


class Unanswered(Exception):
    """A page's request the caller's ``fetch`` did not answer: ``refused`` when it was never sent (off the site,
    robots.txt, the crawl's limits), else it failed on its way; ``spent`` when no later request of the page will be
    (the crawl's limits are reached): the page is read as it is."""

    def __init__(self, reason: str, refused: bool, spent: bool = False):
        super().__init__(reason)
        self.refused = refused
        self.spent = spent


@dataclass(frozen=True)
class Asked:
    """A request of a rendered page, as the browser would have sent it."""
    url: str
    method: str
    headers: dict[str, str]
    body: bytes | None
    wanted: Callable[[], bool]   # the page still waits for it (its render is not over)


@dataclass(frozen=True)
class Answer:
    """Its answer, as the page gets it: the body as the server sent it decoded (no Content-Encoding), and the
    address it came from (another than the one asked, after redirects)."""
    url: str
    status: int
    headers: dict[str, str]
    body: bytes


Fetch = Callable[[Asked], Awaitable[Answer]]


@dataclass(frozen=True)
class Rendered:
    url: str                    # where the page ended (its own address, unless its script sent the browser on)
    html: str
    answers: tuple[str, ...]    # the JSON its scripts fetched, as sent
    refused: int                # requests of its scripts refused (off the site, robots.txt, past a limit)


@dataclass
class _Traffic:
    """What a page asks while it renders: each request fetched by ``fetch`` or refused, the JSON answers kept."""
    fetch: Fetch
    held: dict[str, Answer]   # answers fetched already for a page of a frame going to their address (served once)
    moved: set[str] = field(default_factory=set)   # the addresses a page was moved to (_MOVE)
    asked: int = 0
    refused: int = 0
    kept_bytes: int = 0
    answers: list[str] = field(default_factory=list)
    reading: set[asyncio.Task] = field(default_factory=set)
    spent: asyncio.Event = field(default_factory=asyncio.Event)   # a limit is reached: the page is read as it is
    over: bool = False                                             # the page was read, or given up

    def wanted(self) -> bool:
        return not self.over

    async def route(self, route: Route, request: Request) -> None:
        self.asked += 1
        if self.asked >= MAX_RENDER_REQUESTS:
            self.spent.set()
        with suppress(PlaywrightError):   # the page was closed meanwhile (its render over, its browser gone)
            if request.resource_type in _BLOCKED or self.asked > MAX_RENDER_REQUESTS:
                self.refused += 1
                await route.abort("blockedbyclient")
                return
            navigation = request.is_navigation_request() and request.method == "GET"
            answer = self.held.pop(_address(request.url), None) if navigation else None
            if answer is None:
                try:
                    answer = await self.fetch(Asked(request.url, request.method, await request.all_headers(),
                                                    request.post_data_buffer, self.wanted))
                except Unanswered as unanswered:
                    self.refused += unanswered.refused
                    if unanswered.spent:
                        self.spent.set()
                    await route.abort("blockedbyclient" if unanswered.refused else "failed")
                    return
            if navigation and (moved := _address(answer.url)) != _address(request.url) and moved not in self.moved:
                self.held[moved] = answer
                self.moved.add(moved)   # once: Chromium may write an address otherwise (its port, its case)
                await route.fulfill(status=200, content_type="text/html", body=_MOVE % json.dumps(answer.url))
                return
            await route.fulfill(status=answer.status, headers=answer.headers, body=answer.body)

    def answered(self, response: Response) -> None:
        if response.request.resource_type in _SCRIPTED and response.ok and len(self.answers) + len(self.reading) \
                < MAX_ANSWERS:
            task = asyncio.ensure_future(self._keep(response))
            self.reading.add(task)
            task.add_done_callback(self.reading.discard)

    async def _keep(self, response: Response) -> None:
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_ANSWER_BYTES:
            return
        with suppress(PlaywrightError):   # the page was closed meanwhile
            body = await response.body()
            if len(body) <= MAX_ANSWER_BYTES and self.kept_bytes + len(body) <= MAX_ANSWERS_BYTES \
                    and is_json_answer(body):
                self.kept_bytes += len(body)
                self.answers.append(body.decode("utf-8", "replace"))


class Renderer:
    """One headless Chromium for a crawl's renders."""

    def __init__(self, executable: Path, user_agent: str, render_seconds: float = RENDER_SECONDS):
        self.executable = executable
        self.user_agent = user_agent
        self.render_seconds = render_seconds
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self.starts = 0
        self._starting = asyncio.Lock()
        self._slots = asyncio.Semaphore(MAX_PARALLEL_RENDERS)
        self._folder: tempfile.TemporaryDirectory | None = None   # holds the script starting the browser limited
        self._cut = asyncio.Event()

    async def render(self, page: Answer, fetch: Fetch) -> Rendered:
        """The page whose answer is ``page`` rendered at the address it came from, each of its other requests
        fetched by ``fetch``."""
        async with self._slots:
            if self._cut.is_set():
                raise RenderError("not rendered: the crawl's time is over")
            context = await self._context()
            traffic = _Traffic(fetch, {_address(page.url): page})
            reading = asyncio.ensure_future(self._read(context, page.url, traffic))
            cut = asyncio.ensure_future(self._cut.wait())
            try:
                await asyncio.wait({reading, cut}, timeout=self.render_seconds, return_when=asyncio.FIRST_COMPLETED)
                if not reading.done():
                    raise RenderError("cut: the crawl's time is over" if cut.done()
                                      else f"not rendered within {self.render_seconds:g} s")
                return reading.result()
            except PlaywrightError as error:
                raise RenderError(f"the browser failed on the page: {error.message.splitlines()[0]}") from error
            finally:
                reading.cancel()   # past its time, cut, or this render itself cancelled (a shutdown)
                cut.cancel()
                traffic.over = True
                try:
                    await asyncio.wait_for(context.close(), CLOSE_SECONDS)
                except (TimeoutError, PlaywrightError):
                    await self._drop_browser()   # a renderer that will not close: the next page gets a new browser

    async def _read(self, context: BrowserContext, url: str, traffic: _Traffic) -> Rendered:
        await context.route("**/*", traffic.route)
        await context.add_init_script(_GUARD)
        page = await context.new_page()
        page.on("popup", _close_popup)
        page.on("response", traffic.answered)
        await page.goto(url, wait_until="load")
        # what the scripts ask after the load, within a third of the time, unless they asked all they may
        idle = asyncio.ensure_future(page.wait_for_load_state(
            "networkidle", timeout=min(IDLE_SECONDS, self.render_seconds / 3) * 1000))
        spent = asyncio.ensure_future(traffic.spent.wait())
        try:
            await asyncio.wait({idle, spent}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            spent.cancel()
            if idle.done():
                idle.exception()   # not idle within its time is no error: the page is read as it is
            else:
                idle.cancel()
        # cut in the page: a DOM of a gigabyte never crosses to the crawl
        html = await page.evaluate("limit => document.documentElement.outerHTML.slice(0, limit)", MAX_DOM_CHARS)
        if traffic.reading:
            await asyncio.wait(set(traffic.reading))
        return Rendered(urldefrag(page.url)[0], html, tuple(traffic.answers), traffic.refused)

    async def _context(self) -> BrowserContext:
        """A page's context in a live browser: a browser that died since its last page (Playwright may not know it
        yet) is started again for this one."""
        for _ in range(2):
            try:
                return await (await self._launched()).new_context(
                    user_agent=self.user_agent, accept_downloads=False, service_workers="block")
            except PlaywrightError as error:
                await self._drop_browser()
                failure = error
        raise RenderError(f"the browser could not open the page: {failure.message.splitlines()[0]}") from failure

    async def _launched(self) -> Browser:
        async with self._starting:
            if self._browser is None or not self._browser.is_connected():
                if self.starts >= MAX_BROWSER_STARTS:
                    raise RenderError(f"the browser died or hung {self.starts} times: no page is rendered any more")
                self.starts += 1
                if self._playwright is None:
                    self._playwright = await async_playwright().start()
                self._browser = await self._playwright.chromium.launch(
                    executable_path=str(self._limited()), args=list(CHROMIUM_ARGS), headless=True)
            return self._browser

    def _limited(self) -> Path:
        """The browser started under ``MAX_PROCESS_DATA_BYTES`` (a script beside it that execs it under prlimit);
        the browser as it is where prlimit is missing (said at each launch: the first render, after a crash)."""
        prlimit = shutil.which("prlimit")
        if prlimit is None:
            logger.warning("no prlimit (util-linux): the browser's memory is bounded by its JavaScript heap only")
            return self.executable
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="gxmon-browser-")
        script = Path(self._folder.name) / "chromium"
        script.write_text(f"#!/bin/sh\nexec {shlex.quote(prlimit)} --data={MAX_PROCESS_DATA_BYTES} -- "
                          f"{shlex.quote(str(self.executable))} \"$@\"\n")
        script.chmod(0o700)
        return script

    async def _drop_browser(self) -> None:
        browser, self._browser = self._browser, None
        if browser is not None:
            with suppress(TimeoutError, PlaywrightError):
                await asyncio.wait_for(browser.close(), CLOSE_SECONDS)

    def cut(self) -> None:
        """Every render under way ended now (its page closed), none started after."""
        self._cut.set()

    async def close(self) -> None:
        await self._drop_browser()
        playwright, self._playwright = self._playwright, None
        if playwright is not None:
            with suppress(TimeoutError, PlaywrightError):
                await asyncio.wait_for(playwright.stop(), CLOSE_SECONDS)
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def _address(url: str) -> str:
    """A page's address as both Scrapy and Chromium write it (no fragment, escapes and query in one form)."""
    return canonicalize_url(url)


def _close_popup(popup: Page) -> None:
    """A page the rendered one opens (window.open) is closed: no pop-ups."""
    asyncio.ensure_future(_closed(popup))


async def _closed(popup: Page) -> None:
    with suppress(PlaywrightError):
        await popup.close()


def chromium(executable: str, enabled: bool) -> Path | None:
    """The browser to render with; None when rendering is off or the browser is missing (said once)."""
    if not enabled:
        return None
    path = Path(executable)
    if not path.is_file():
        logger.warning("no Chromium at %s: pages only a browser can read are read as they are", path)
        return None
    return path

"""Portals whose pages only a browser reads, to see the browser crawl as the crawl does and survive its crashes;
served on 127.0.0.1, each API answer's arrival timed (``Timed``). No address a script asks is written as the
static readers look for one: each is reversed in the script and turned back (as in ``tests/crawler/spa_site``).

- ``PacedPortal``: a home page whose script asks ``/api/item`` ``ITEMS`` times at once, and ``/go``, which
  redirects to ``/private/x`` (robots.txt forbids it), then draws a link to its report;
- ``FloodPortal``: a home page whose script asks ``/api/item`` ``FLOOD_ITEMS`` times at once, or (``ticking``)
  once every ``TICK_MS`` ms for ever;
- ``LoopingPortal``: a home page whose script never ends (a loop: the page never loads);
- ``MovingPortal``: a home page whose script moves to its app's ``#/list`` route at ``/web``, which the server
  redirects to ``/web/``; the app there (behind a cookie challenge written in literals) sets a cookie of its own,
  asks ``api/list`` and draws the link to its report, both relative to ``/web/``: the API answers only a request
  holding the app's cookie (and the challenge's); it links a shell ``big.html`` whose script draws an element of
  more attributes than a parser reads in time;
- ``CrashPortal``: a static home page; its shell ``/zwgk/crash.html`` asks ``/api/crash``, whose answer kills the
  browser's main process; ``/zwgk/next.html``, answered only once that happened, links ``/zwgk/hang.html``, whose
  ``/api/hang`` stops the browser's renderers (SIGSTOP); ``/zwgk/last.html``, answered only once that happened,
  links a shell drawing the link to a report. Its home page links a static report too.
"""

from __future__ import annotations

import os
import signal
import threading
import time

import psutil

from gxparse.limits import MAX_ELEMENT_ATTRIBUTES
from tests.crawler.portal import JSON, Look, OneHost, Page
from tests.crawler.portal_n import JSL, JSL_COOKIE, cookie_gate

AGENCY = "青崖县人民政府"
LOOK = Look(nav="", seed=31)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
ITEMS = 20
FLOOD_ITEMS = 60
TICK_MS = 100
EVENT_WAIT_SECONDS = 30.0   # a page answered once the browser crashed or hung waits that long at most

# r() turns a reversed address back; draw() writes a link into the app's mount point.
_HELPERS = ("function r(s) { return s.split('').reverse().join(''); }"
            "function draw(text, path) { var a = document.createElement('a'); a.textContent = text;"
            " a.setAttribute('href', r(path)); document.getElementById('app').appendChild(a); }")


def shell(title: str, script: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div id="app"></div><script>{_HELPERS}{script}</script></body></html>').encode()


def static(title: str, links: dict[str, str]) -> bytes:
    anchors = "".join(f'<li><a href="{path}">{text}</a></li>' for path, text in links.items())
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<h1>{title}</h1><ul>{anchors}</ul></body></html>').encode()


def drawn_report(portal: OneHost, year: int) -> str:
    """A report of the portal, expected; the script drawing its link."""
    path = f"/xxgk/ndbg/{year}.html"
    title = portal.report(LOOK, path, AGENCY, year)
    return f"draw({title!r}, {path[::-1]!r});"


class Timed(OneHost):
    """A one-host portal whose robots.txt and ``/api/item`` answers are timed (``time.monotonic``)."""

    def __init__(self) -> None:
        super().__init__()
        self.robots_at: list[float] = []
        self.items_at: list[float] = []
        self.main.dynamic["/robots.txt"] = self._robots
        self.main.dynamic["/api/item"] = self._item

    def _robots(self, query: dict[str, list[str]]) -> Page:
        self.robots_at.append(time.monotonic())
        return Page(ROBOTS, "text/plain")

    def _item(self, query: dict[str, list[str]]) -> Page:
        self.items_at.append(time.monotonic())
        return Page(b"{}", JSON)



class PacedPortal(Timed):
    def __init__(self) -> None:
        super().__init__()
        self.main.pages["/go"] = Page(b"", status=302, location="/private/x")
        asks = " ".join(f"fetch(r('=i?meti/ipa/') + {n})," for n in range(ITEMS))
        self.main.pages["/"] = Page(shell(AGENCY, f"Promise.all([{asks} fetch(r('og/')).catch(function () {{}})])"
                                                  f".then(function () {{ {drawn_report(self, 2023)} }});"))


class FloodPortal(Timed):
    def __init__(self, ticking: bool) -> None:
        super().__init__()
        script = f"setInterval(function () {{ fetch(r('meti/ipa/')); }}, {TICK_MS});" if ticking else \
            f"for (var i = 0; i < {FLOOD_ITEMS}; i++) fetch(r('=i?meti/ipa/') + i);"
        self.main.pages["/"] = Page(shell(AGENCY, script))


class LoopingPortal(Timed):
    def __init__(self) -> None:
        super().__init__()
        self.main.pages["/"] = Page(shell(AGENCY, "for (;;) {}"))


OWN_COOKIE = "own=7"


class MovingPortal(OneHost):
    def __init__(self) -> None:
        super().__init__()
        pages = self.main.pages
        pages["/robots.txt"] = Page(ROBOTS, "text/plain")
        pages["/"] = Page(shell(AGENCY, "location.replace(r('tsil/#bew/'));"))
        pages["/web"] = Page(b"", status=301, location="/web/")
        title = self.report(LOOK, "/web/ndbg/2023.html", AGENCY, 2023)
        pages["/web/"] = Page(shell(f"信息公开-{AGENCY}", f"document.cookie = '{OWN_COOKIE}; path=/';"
                                    "fetch(r('tsil/ipa')).then(function (a) { return a.json(); })"
                                    f".then(function (d) {{ if (d.ok) draw({title!r}, 'lmth.3202/gbdn'); }});"
                                    "draw('政务公开', 'lmth.gib');"))
        # its script draws an element of more attributes than a parser reads in time
        pages["/web/big.html"] = Page(shell(f"政务公开-{AGENCY}", "var e = document.createElement('i');"
                                            f"for (var n = 0; n <= {MAX_ELEMENT_ATTRIBUTES}; n++) e.setAttribute('a' + n, '');"
                                            "document.getElementById('app').appendChild(e);"))
        self.main.gates["/web/"] = cookie_gate(JSL_COOKIE, Page(JSL, status=521))
        self.main.gates["/web/api/"] = lambda target, sent: Page(
            b'{"ok": 1}' if OWN_COOKIE in (sent or "").split("; ") else b'{"ok": 0}', JSON)


def chromium_processes(renderers: bool) -> list[psutil.Process]:
    """This test's Chromium processes (its descendants'): the browsers' main processes, or their renderers."""
    found = []
    for process in psutil.Process(os.getpid()).children(recursive=True):
        try:
            command = process.cmdline()
        except psutil.Error:   # gone meanwhile
            continue
        if command and "chromium" in os.path.basename(command[0]) \
                and ("--type=renderer" in command if renderers else not any(a.startswith("--type=") for a in command)):
            found.append(process)
    return found


def signal_chromium(renderers: bool, signum: int) -> list[int]:
    """``signum`` sent to this test's Chromium processes of the kind: → their ids."""
    processes = chromium_processes(renderers)
    for process in processes:
        try:
            process.send_signal(signum)
        except psutil.Error:
            pass
    return [process.pid for process in processes]


def running(pids: list[int]) -> list[int]:
    """Those of the processes that still run (or are stopped): not gone, nor a zombie."""
    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


class CrashPortal(OneHost):
    def __init__(self) -> None:
        super().__init__()
        self.crashed = threading.Event()
        self.hung = threading.Event()
        self.killed: list[int] = []    # the processes signalled
        self.stopped: list[int] = []
        pages = self.main.pages
        pages["/robots.txt"] = Page(ROBOTS, "text/plain")
        pages["/"] = Page(static(AGENCY, {"/zwgk/crash.html": "政务公开", "/zwgk/next.html": "信息公开",
                                          "/xxgk/ndbg/2021.html": f"{AGENCY}2021年政府信息公开工作年度报告"}))
        self.report(LOOK, "/xxgk/ndbg/2021.html", AGENCY, 2021)
        pages["/zwgk/crash.html"] = Page(shell(f"政务公开-{AGENCY}", "fetch(r('hsarc/ipa/'));"))
        pages["/zwgk/hang.html"] = Page(shell(f"通知公告-{AGENCY}", "fetch(r('gnah/ipa/'));"))
        pages["/zwgk/ndbg.html"] = Page(shell(f"信息公开年报-{AGENCY}", drawn_report(self, 2022)))
        self.main.dynamic["/api/crash"] = self._crash
        self.main.dynamic["/api/hang"] = self._hang
        self.main.dynamic["/zwgk/next.html"] = self._after(self.crashed, {"/zwgk/hang.html": "政府信息公开",
                                                                          "/zwgk/last.html": "政务公开"})
        self.main.dynamic["/zwgk/last.html"] = self._after(self.hung, {"/zwgk/ndbg.html": "信息公开年报"})

    def _crash(self, query: dict[str, list[str]]) -> Page:
        self.killed += signal_chromium(renderers=False, signum=signal.SIGKILL)
        self.crashed.set()
        return Page(b"{}", JSON)

    def _hang(self, query: dict[str, list[str]]) -> Page:
        self.stopped += signal_chromium(renderers=True, signum=signal.SIGSTOP)
        self.hung.set()
        return Page(b"{}", JSON)

    def _after(self, event: threading.Event, links: dict[str, str]):
        def answer(query: dict[str, list[str]]) -> Page:
            event.wait(EVENT_WAIT_SECONDS)
            return Page(static(AGENCY, links))
        return answer

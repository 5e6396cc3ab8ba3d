"""A hostile HTTP server for crawl tests: small government sites on 127.0.0.1, each with one attack.

Every ``HostileSite`` is a home page, a 年报 column listing its agencies' reports (pages with the report in
their body) and whatever its scenario adds (``Scenario``): a report whose only attachment is a bomb or a
document that takes minutes to read, an attachment served slowly, a column that lists a link farm of
report-looking pages, a calendar without end, a server that trickles every answer. ``expected`` holds the
URLs of the genuine reports a crawl must archive; ``log`` what was asked.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crawler.run import run_crawl
from crawler.siteconfig import Site
from simsite.figures import Agency, report_series
from simsite.render import render_report_body
from simsite.server import SHUTDOWN_POLL_SECONDS

YEARS = (2021, 2022, 2023)
FAST = {"delay": 0, "concurrency": 4, "retries": 0, "timeout": 10.0, "parse_seconds": 3.0}


@dataclass
class Answer:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0      # seconds before the answer begins
    trickle: float = 0.0    # seconds between chunks of ``chunk`` bytes
    chunk: int = 64
    repeat: int = 1         # the body sent this many times over: a 2 GB answer from 1 MB held
    etag: str | None = None  # sent with it; a request naming it in If-None-Match is answered 304
    location: str | None = None   # sent with it (a redirect)

    @property
    def length(self) -> int:
        return len(self.body) * self.repeat


def page(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>'
            f'<div class="nav"><a href="/">首页</a><a href="/ndbg/">政府信息公开年报</a></div>{body}</body></html>'
            ).encode()


def report_page(agency: str, year: int, number: int) -> bytes:
    title = f"{agency}{year}年政府信息公开工作年度报告"
    report = report_series(Agency(f"a{number}", agency, "department"), number)[year]
    return page(title, f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{year + 1}-01-20'
                       f'</div><div class="content">{render_report_body(report, with_title=False)}</div></div>')


def attachment_page(title: str, href: str) -> bytes:
    return page(title, f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：2024-01-20</div>'
                       f'<div class="content"><p>附件：<a href="{href}">{escape(title)}</a></p></div></div>')


@dataclass
class HostileSite:
    """One site (``agencies`` × YEARS genuine reports) on its own port; ``add_*`` put its attacks in."""

    name: str
    agencies: tuple[str, ...] = ("市教育局", "市民政局")
    trickle: float = 0.0                       # every answer trickled (a tarpit)
    answers: dict[str, Answer] = field(default_factory=dict)
    dynamic: dict[str, Callable[[dict], Answer]] = field(default_factory=dict)   # path → answer from the query
    families: dict[str, Callable[[str], Answer]] = field(default_factory=dict)   # path prefix → answer from the path
    column_extra: list[str] = field(default_factory=list)    # more <li> of the column
    expected: dict[str, tuple[str, int]] = field(default_factory=dict)   # URL → (agency, year)
    log: list[str] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)   # the targets answered 304

    def __post_init__(self) -> None:
        self.server = _Server(self)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.answers["/robots.txt"] = Answer(b"User-agent: *\nDisallow:\n", "text/plain")
        self.answers["/"] = Answer(page(f"{self.name}人民政府", '<a href="/ndbg/">政府信息公开年报</a>'))
        number = 0
        for agency in self.agencies:
            for year in YEARS:
                number += 1
                path = f"/ndbg/t{year + 1}0120_{number}.html"
                self.answers[path] = Answer(report_page(f"{self.name}{agency}", year, number))
                self.expected[self.base + path] = (f"{self.name}{agency}", year)
                self.column_extra.append(f'<li><a href="{path}">{self.name}{agency}{year}年政府信息公开工作年度报告</a></li>')
        threading.Thread(target=self.server.serve_forever, args=(SHUTDOWN_POLL_SECONDS,), daemon=True).start()

    @property
    def start_url(self) -> str:
        return self.base + "/"

    def column(self) -> Answer:
        return Answer(page("政府信息公开年报", f"<ul>{''.join(self.column_extra)}</ul>"))

    def add_attachment(self, title: str, name: str, answer: Answer) -> str:
        """A report page whose only content is one attachment; returns the attachment's URL."""
        number = len(self.answers)
        self.answers[f"/ndbg/t20240120_{number}.html"] = Answer(attachment_page(title, f"/files/{name}"))
        self.answers[f"/files/{name}"] = answer
        self.column_extra.append(f'<li><a href="/ndbg/t20240120_{number}.html">{escape(title)}</a></li>')
        return f"{self.base}/files/{name}"

    def answer(self, target: str) -> Answer:
        self.log.append(target)
        parts = urlsplit(target)
        if parts.path in self.dynamic:
            return self.dynamic[parts.path](parse_qs(parts.query))
        if family := next((f for prefix, f in self.families.items() if parts.path.startswith(prefix)), None):
            return family(parts.path)
        if parts.path == "/ndbg/":
            return self.column()
        return self.answers.get(target) or self.answers.get(parts.path) or Answer(b"<h1>404</h1>", status=404)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Crawl:
    """What one crawl of hostile sites gave: its summary, the items of each site, its seconds by the clock."""

    sites: dict[str, HostileSite]
    summary: Any
    items: dict[str, list[dict]]
    seconds: float


def crawl_sites(sites: dict[str, HostileSite], state: Path, options: dict[str, dict] | None = None,
                settings: dict | None = None, timeout: float = 240, feed: str = "") -> Crawl:
    """One crawl of ``sites`` together (``run_crawl``, each site with FAST and its ``options``), its items written
    under ``state`` as ``{feed}{site}.jsonl``; the servers left running (a crawl again keeps its state there)."""
    configs = [Site(name, f"{site.name}人民政府", (site.start_url,), **{**FAST, **(options or {}).get(name, {})})
               for name, site in sites.items()]
    settings = {"AUTOTHROTTLE_ENABLED": False, "GXMON_STATE_DIR": str(state),
                "FEEDS": {str(state / f"{feed}%(site_id)s.jsonl"): {"format": "jsonlines"}}, **(settings or {})}
    started = time.monotonic()
    summary = run_crawl(configs, settings, timeout=timeout)
    seconds = time.monotonic() - started
    feeds = {name: Path(state, f"{feed}{name}.jsonl") for name in sites}
    items = {name: [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []
             for name, path in feeds.items()}
    return Crawl(sites, summary, items, seconds)


@contextmanager
def crawled(sites: dict[str, HostileSite], state: Path, options: dict[str, dict] | None = None,
            settings: dict | None = None, timeout: float = 240) -> Iterator[Crawl]:
    """Crawl ``sites`` together (``crawl_sites``); the servers closed after."""
    try:
        yield crawl_sites(sites, state, options, settings, timeout)
    finally:
        for site in sites.values():
            site.close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        site: HostileSite = self.server.site
        answer = site.answer(self.path)
        time.sleep(answer.delay)
        trickle = answer.trickle or site.trickle
        try:
            if answer.etag and self.headers.get("If-None-Match") == answer.etag:
                site.not_modified.append(self.path)
                self.send_response(304)
                self.send_header("ETag", answer.etag)
                self.end_headers()
                return
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            if answer.etag:
                self.send_header("ETag", answer.etag)
            if answer.location:
                self.send_header("Location", answer.location)
            self.send_header("Content-Length", str(answer.length))
            self.end_headers()
            if not trickle:
                for _ in range(answer.repeat):
                    self.wfile.write(answer.body)
                return
            body = answer.body * answer.repeat
            for start in range(0, len(body), answer.chunk):
                self.wfile.write(body[start:start + answer.chunk])
                self.wfile.flush()
                time.sleep(trickle)
        except (BrokenPipeError, ConnectionResetError):
            pass   # the crawler gave up waiting: what a tarpit wants

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))   # answered as its address is, whatever it posts
        self.do_GET()

    def log_message(self, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, site: HostileSite):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site

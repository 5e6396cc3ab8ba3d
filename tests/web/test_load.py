"""``gxmon serve`` (the console script, on 127.0.0.1) under load, against slow clients, and sending big documents.

The issue-12 attack run found: 100 concurrent ``/api/reports/1`` → 70 × HTTP 500 (the pool's connections held by
requests waiting for a thread while threads waited for a connection); 1000 concurrent ``/api/cdx`` → nothing,
``/healthz`` included, for 8 minutes; a client trickling its request head held its connection for ever; 40
downloads of a 20 MB document took the server from 109 MB to 1.14 GB. Each test here failed on that code.
Heavy load is for ``benchmarks/web_bench.py``: these tests prove the behaviour, at sizes that run in seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import resource
import socket
import time

import httpx
import pytest
from sqlmodel import Session

from monitor.archive.db import make_engine
from monitor.archive.models import Blob, Version
from monitor.archive.store import RAW, BlobStore
from monitor.web.app import HTTP_MESSAGES, UNREADABLE_REQUEST

from .conftest import build_archive
from .serving import answer, answer_with_body, apps_own, form_head, secured, serving, writes_config

HEAD_TIMEOUT = 1.0
MAX_CONNECTIONS = 40


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("load")
    return folder, build_archive(f"sqlite:///{folder / 'gxmon.db'}", folder / "gxmon-store")


@pytest.fixture(scope="module")
def loaded(archive):
    """A server with the default limits, and this process allowed enough sockets for 1000 connections."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))
    with serving(archive[0]) as served:
        yield served
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.fixture(scope="module")
def guarded(archive):
    """A server with small limits, so that a test reaches them with a few dozen sockets."""
    with serving(archive[0], "--head-timeout", str(HEAD_TIMEOUT), "--max-connections", str(MAX_CONNECTIONS)) as served:
        yield served


async def concurrently(base_url: str, paths: list[str]) -> dict[int | str, int]:
    """Every path requested at once, each on its own connection: how many answers of each status (or error)."""
    limits = httpx.Limits(max_connections=len(paths), max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=180) as client:
        answers = await asyncio.gather(*(client.get(p) for p in paths), return_exceptions=True)
    counts: dict[int | str, int] = {}
    for answer in answers:
        key = answer.status_code if isinstance(answer, httpx.Response) else type(answer).__name__
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_300_concurrent_reports_are_all_answered(loaded, archive):
    report = archive[1].kaifeng_2021
    paths = [f"/api/reports/{report}", f"/reports/{report}", f"/api/versions/{archive[1].versions[0]}"] * 100
    assert asyncio.run(concurrently(loaded.base_url, paths)) == {200: 300}


def test_1000_concurrent_cdx_queries_are_answered_and_healthz_stays_quick(loaded, archive):
    def health() -> float:
        """How long /healthz takes, asked from a thread of its own (not behind the burst in this event loop)."""
        started = time.monotonic()
        assert httpx.get(f"{loaded.base_url}/healthz", timeout=30).text == "ok"
        return time.monotonic() - started

    async def run() -> tuple[dict, float]:
        burst = asyncio.create_task(concurrently(loaded.base_url, [f"/api/cdx?report={archive[1].kaifeng_2021}"] * 1000))
        await asyncio.sleep(1.0)           # the burst is in the server
        took = await asyncio.to_thread(health)
        return await burst, took

    counts, took = asyncio.run(run())
    assert counts == {200: 1000}
    assert took < 5.0, f"/healthz took {took:.1f} s behind 1000 queries"


def _closed_within(sock: socket.socket, seconds: float, trickle: bytes) -> float | None:
    """Trickles ``trickle`` a byte at a time until the server closes the connection: after how long (None if
    it is still open after ``seconds``)."""
    started = time.monotonic()
    sock.settimeout(0.1)
    for byte in trickle * 1000:
        if time.monotonic() - started > seconds:
            return None
        try:
            if sock.recv(1024) == b"":
                return time.monotonic() - started
        except TimeoutError:
            pass
        except ConnectionResetError:
            return time.monotonic() - started
        try:
            sock.send(bytes([byte]))
        except (BrokenPipeError, ConnectionResetError):
            return time.monotonic() - started
        time.sleep(0.1)
    return None


@pytest.mark.parametrize("after_a_response", [False, True], ids=["new connection", "kept-alive connection"])
def test_a_trickled_request_head_is_cut_off(guarded, after_a_response):
    with socket.create_connection(("127.0.0.1", guarded.port)) as sock:
        if after_a_response:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        closed = _closed_within(sock, 10 * HEAD_TIMEOUT, b"X-Slow: 1\r\n")
    assert closed is not None, "the server kept a connection whose head never ended"
    assert HEAD_TIMEOUT * 0.8 <= closed < 4 * HEAD_TIMEOUT + 2


def _keeps_room(served, opening: bytes, pause: float = 0.0) -> None:
    """MAX_CONNECTIONS + 20 clients, each sending ``opening`` and no more, ``pause`` seconds apart: within the
    head timeout, while every slow socket is still trying, the server keeps room and answers /healthz."""
    slow: list[socket.socket] = []
    try:
        for _ in range(MAX_CONNECTIONS + 20):
            slow.append(socket.create_connection(("127.0.0.1", served.port)))
            slow[-1].sendall(opening)
            time.sleep(pause)
        time.sleep(0.2)
        assert served.open_descriptors() < MAX_CONNECTIONS + 30
        response = httpx.get(f"{served.base_url}/healthz", timeout=HEAD_TIMEOUT / 2)
        assert response.status_code == 200
    finally:
        for sock in slow:
            sock.close()


def test_slow_clients_cannot_take_every_connection(guarded):
    _keeps_room(guarded, b"GET /reports HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")


@pytest.fixture(scope="module")
def big_document(archive):
    """The archive with one version whose raw document is 20 MB (as a scanned PDF attachment can be)."""
    folder, ids = archive
    data = os.urandom(1 << 20) * 20
    digest = BlobStore(folder / "gxmon-store").put(RAW, data)
    engine = make_engine(ids.url)
    with Session(engine) as s:
        s.add(Blob(sha256=digest, kind=RAW, size=len(data), content_type="application/pdf"))
        s.get(Version, ids.versions[0]).raw_sha256 = digest
        s.commit()
    engine.dispose()
    return ids.versions[0], hashlib.sha256(data).hexdigest()


def test_big_documents_are_streamed_not_loaded(big_document, archive):
    version, digest = big_document
    with serving(archive[0]) as served:

        async def download() -> str:
            async with httpx.AsyncClient(base_url=served.base_url, timeout=120) as client:
                async with client.stream("GET", f"/versions/{version}/raw") as response:
                    assert response.status_code == 200
                    sha = hashlib.sha256()
                    async for chunk in response.aiter_bytes():
                        sha.update(chunk)
                    return sha.hexdigest()

        async def downloads() -> list[str]:
            return await asyncio.gather(*(download() for _ in range(10)))

        assert asyncio.run(download()) == digest      # the first request imports what serving a version needs
        before = served.rss_kib()
        assert asyncio.run(downloads()) == [digest] * 10
        growth_mib = (served.rss_kib("VmHWM") - before) / 1024
    # Loading them would take 10 × 20 MB at least; streaming costs a few chunks per download, plus what the
    # allocator keeps of the chunks read in each worker thread (8–60 MiB here, depending on the threads used).
    assert growth_mib < 100, f"the server grew by {growth_mib:.0f} MiB sending 10 × 20 MB"


@pytest.mark.parametrize("head", [b"GET /reports/\x00 HTTP/1.1\r\nHost: a\r\n\r\n",
                                  "GET /reports/一 HTTP/1.1\r\nHost: a\r\n\r\n".encode(),
                                  b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-A: " + b"a" * 200_000 + b"\r\n\r\n",
                                  b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-A: " + b"a" * 50_000 + b"\r\n\r\n",
                                  b"GET /reports?q=" + b"a" * 30_000 + b" HTTP/1.1\r\nHost: a\r\n\r\n",
                                  b"GET /\r\n\r\n",
                                  b"GET /api/reports/\x00 HTTP/1.1\r\nHost: a\r\n\r\n",
                                  b"POST /login HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n",
                                  b"GARBAGE\r\n\r\n", b"G\x01T /reports HTTP/1.1\r\nHost: a\r\n\r\n"],
                         ids=["nul", "raw-utf8", "head-too-large", "head-50KB-whole", "query-30KB", "http-0.9",
                              "api-nul", "bad-length", "no-request-line", "control-byte-method"])
def test_a_request_the_server_cannot_read_is_answered_400_as_the_app_answers(guarded, head):
    """uvicorn answers these itself, before the app: its 400 carried none of the app's headers, and said
    "Invalid HTTP request received." in English as plain text, under /api too."""
    with socket.create_connection(("127.0.0.1", guarded.port)) as sock:
        sock.settimeout(10)
        sock.sendall(head)
        status, headers, body = answer_with_body(sock)
    assert status == "HTTP/1.1 400 Bad Request"
    assert secured(headers)
    path = head.split(b" ")[1].decode("latin-1") if head.count(b" ") >= 2 else "/"
    assert apps_own(path, headers, body, UNREADABLE_REQUEST)


@pytest.fixture(scope="module")
def writable(archive):
    """A server with writes on (login and the triage forms take POST bodies) and small limits."""
    folder, ids = archive
    with serving(folder, "--config", str(writes_config(folder, ids.url)), "--head-timeout", str(HEAD_TIMEOUT),
                 "--max-connections", str(MAX_CONNECTIONS)) as served:
        yield served


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=B"])
def test_a_body_declared_too_large_is_refused_before_it_is_sent(writable, content_type):
    """Starlette read 300 form fields of 1 MB each into memory (124 → 423 MB), and spooled a file part of any
    size to disk, before the route found its fields missing."""
    with socket.create_connection(("127.0.0.1", writable.port)) as sock:
        sock.settimeout(10)
        sock.sendall(form_head("/login", 100_000_000, content_type))
        status, headers = answer(sock)
    assert status == "HTTP/1.1 413 Request Entity Too Large" and secured(headers)


@pytest.mark.parametrize("head", [form_head("/login", 100_000_000), form_head("/api/reports", 100_000_000),
                                  b"GET /api/reports HTTP/1.1\r\nHost: a\r\nContent-Length: 100000000\r\n\r\n",
                                  b"GET /reports HTTP/1.1\r\nHost: a\r\nContent-Length: 100000000\r\n\r\n",
                                  form_head("/nowhere", 100_000_000)],
                         ids=["login", "api-post", "api-get", "page-get", "no-route"])
def test_a_body_declared_too_large_is_refused_as_the_app_answers(writable, head):
    """Starlette's body limit answered these "Content Too Large", in English and as plain text, in place of
    whatever the app said (its JSON under /api, its Chinese page elsewhere)."""
    with socket.create_connection(("127.0.0.1", writable.port)) as sock:
        sock.settimeout(10)
        sock.sendall(head)
        status, headers, body = answer_with_body(sock)
    assert status == "HTTP/1.1 413 Request Entity Too Large" and secured(headers)
    assert apps_own(head.split(b" ")[1].decode(), headers, body, HTTP_MESSAGES[413])


def test_a_chunked_body_is_cut_off_at_the_limit(writable):
    """A body of no declared length, 300 chunks of 1 MB of one form field: refused when the limit is read."""
    before = writable.rss_kib()
    chunk = b"%x\r\n" % (1 << 20) + b"a" * (1 << 20) + b"\r\n"
    with socket.create_connection(("127.0.0.1", writable.port)) as sock:
        sock.settimeout(10)
        sock.sendall(form_head("/login", None) + b"%x\r\nname=\r\n" % len(b"name="))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for _ in range(300):
                sock.sendall(chunk)
        status, headers = answer(sock)
    assert status == "HTTP/1.1 413 Request Entity Too Large" and secured(headers)
    assert (writable.rss_kib() - before) / 1024 < 50


def test_a_trickled_request_body_is_cut_off(writable):
    """The head deadline covers the body: a form trickled a byte at a time held its connection for ever."""
    with socket.create_connection(("127.0.0.1", writable.port)) as sock:
        sock.sendall(form_head("/login", 10_000))
        closed = _closed_within(sock, 10 * HEAD_TIMEOUT, b"name=a&")
    assert closed is not None, "the server kept a connection whose body never ended"
    assert closed < 4 * HEAD_TIMEOUT + 2


def test_a_trickled_body_is_answered_408_as_the_app_answers(writable):
    """The server's 408 said "request body not complete in time", in English and as plain text."""
    with socket.create_connection(("127.0.0.1", writable.port)) as sock:
        sock.settimeout(10 * HEAD_TIMEOUT)
        sock.sendall(form_head("/login", 10_000) + b"name=a")
        status, headers, body = answer_with_body(sock)
    assert status == "HTTP/1.1 408 Request Timeout" and secured(headers)
    assert apps_own("/login", headers, body, HTTP_MESSAGES[408])


def test_slow_bodies_cannot_take_every_connection(writable):
    """Clients whose heads arrived but whose bodies never end are slow clients, not requests being answered:
    beyond the cap they are closed to make room, as slow heads are."""
    # each one's head in before the next connects: each is a request whose body has begun
    _keeps_room(writable, form_head("/login", 10_000) + b"name=", pause=0.01)


@pytest.mark.parametrize("file", ["raw", "static"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize(("bytes_range", "status"), [("bytes=5-2", 400), ("bytes=abc", 400), ("items=0-1", 400),
                                                     ("bytes=100000000-", 416)])
def test_a_range_a_file_cannot_give_is_refused_as_the_app_answers(guarded, archive, file, method, bytes_range,
                                                                  status):
    """Starlette's FileResponse answered these itself in English plain text ("Range header: start must be less
    than end", "Only support bytes range"; an empty 416), for an archived document and the site's own files."""
    path = f"/versions/{archive[1].versions[0]}/raw" if file == "raw" else "/static/style.css"
    answered = httpx.request(method, guarded.base_url + path, headers={"Range": bytes_range}, timeout=30)
    assert answered.status_code == status and secured(dict(answered.headers))
    if method == "GET":
        assert apps_own(path, dict(answered.headers), answered.content, HTTP_MESSAGES[status])
    if status == 416:
        assert answered.headers["content-range"].startswith("bytes */")
    whole = httpx.get(guarded.base_url + path, headers={"Range": "bytes=0-9"}, timeout=30)
    assert whole.status_code == 206 and len(whole.content) == 10   # a range it can give is given

"""The web application of ``gxmon serve``: HTML pages and the JSON API over one archive, read-only.

``create_app(db_url, store)`` opens the archive read-only (``monitor.web.readonly``) and serves the pages
(``monitor.web.pages``), the API (``monitor.web.api``) and the stylesheet, to GET and HEAD. Every response
carries headers that keep a browser from running anything the archive holds: a Content-Security-Policy that
allows no script at all, no sniffing, no framing; error responses too, a 500 included (``ArchiveApp``).
An id that names nothing is a 404, a parameter that cannot be used a 400 naming it; an HTML error page is in
Chinese, an unexpected fault is logged and tells the client nothing more.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.staticfiles import NotModifiedResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from monitor.archive.db import database_url, default_store
from monitor.archive.queries import NotFound
from monitor.archive.store import BlobStore, StoreError
from monitor.web import api, changes, dashboard, pages, reading, runs, triage
from monitor.web.deps import DB_CONNECTIONS
from monitor.web.params import no_nul_in_query
from monitor.web.queries import InvalidQuery
from monitor.web.raw import OwnRangeErrors
from monitor.timeutil import DEFAULT_ZONE
from monitor.web.readonly import readonly_engine

STATIC = Path(__file__).parent / "static"
logger = logging.getLogger(__name__)
HTTP_MESSAGES = {400: "请求内容无法读取", 405: "不支持这种请求方式", 403: "没有权限", 408: "请求内容未在限定时间内送达",
                 413: "请求内容过大", 416: "请求的字节范围（Range）超出文档", 500: "服务器出错"}
# What the server says of a request it cannot read at all (a NUL or raw UTF-8 in the request line, a head too
# large, HTTP/0.9): it never reaches the app.
UNREADABLE_REQUEST = "请求无法读取（请求行或请求头不合规范，或者过长）"
# The largest request body a form needs (a login; a triage note). Without a bound Starlette holds 1,000 form
# fields of 1 MB each in memory (300 of them took the server from 124 to 423 MB) and spools a file part of any
# size to disk; a body declared longer is refused (413) before it is read, one sent longer when this much is.
MAX_BODY_BYTES = 64 * 1024
# frame-src 'self': an archived page is shown in a frame of this site (monitor.web.reading), itself sandboxed.
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-src 'self'; "
            "frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", PAGE_CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response that does not set its own (raw downloads set a stricter CSP)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((n, v) for n, v in SECURITY_HEADERS if n not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """Answers HEAD as the GET of the same URL without its body: same status and headers (RFC 9110 §9.3.2).

    FastAPI routes declared with ``get`` answer only GET; doing it here covers every route, the error pages
    and the static files alike, and keeps HEAD out of the OpenAPI description.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # A new scope: the server keeps its own, so it still knows the request was HEAD.
        await self.app({**scope, "method": "GET"}, receive, without_body)


def wants_json(path: str) -> bool:
    return path.startswith("/api/")


def _error(request: Request, status: int, message: str, detail: Any = None) -> Response:
    if wants_json(request.url.path):
        return JSONResponse({"detail": message if detail is None else detail}, status_code=status)
    return pages.render(request, "error.html", status_code=status, status=status, message=message)


def bare_error(status: int, message: str, path: str) -> tuple[bytes, bytes]:
    """The content type and body of an error the server gives outside the app (``monitor.web.server``): the
    app's JSON under /api, else its error page without the parts that need a request (login, time zone)."""
    if wants_json(path):
        return b"application/json", json.dumps({"detail": message}, ensure_ascii=False).encode()
    page = pages.TEMPLATES.get_template("bare_error.html").render(status=status, message=message)
    return b"text/html; charset=utf-8", page.encode()


class BodyLimit:
    """Refuses a request body over ``limit`` bytes with the app's own 413: one declared longer before the app
    runs, one sent longer when the app reads past the limit (an HTTPException its handler answers).

    Starlette's ``max_body_size`` did the same with an English text answer, "Content Too Large", in place of
    whatever the app said. It must run inside the session middleware: the error page shows who is logged in.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await _error(request, 413, HTTP_MESSAGES[413])(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise HTTPException(413)
            return message

        await self.app(scope, limited, send)


def _add_error_handlers(app: FastAPI) -> None:
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    async def invalid(request: Request, exc: InvalidQuery) -> Response:
        return _error(request, 400, str(exc))

    async def store_error(request: Request, exc: StoreError) -> Response:
        logger.error("%s %s: %s", request.method, request.url.path, exc)
        return _error(request, 500, "存档文件无法读取")

    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = "没有这个页面" if exc.status_code == 404 else HTTP_MESSAGES.get(exc.status_code, str(exc.detail))
        response = _error(request, exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    async def validation(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        where = {e["loc"][0] for e in errors if e.get("loc")}
        # /reports/abc (or an id beyond the database's integers) names nothing: "not found"; a wrong query
        # value is a bad request.
        status = 404 if "path" in where else 400
        names = "、".join(str(e["loc"][-1]) for e in errors if e.get("loc"))
        message = f"{names}：不是有效的值" if status == 400 else "没有这个页面"
        return _error(request, status, message, jsonable_encoder(errors))

    async def internal(request: Request, exc: Exception) -> Response:
        # Logged by the server with its traceback; the client learns nothing about the inside.
        return _error(request, 500, HTTP_MESSAGES[500])

    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(InvalidQuery, invalid)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(Exception, internal)


class Static(StaticFiles):
    """The site's own files (``/static``), whose refusals of a Range header are the app's, as raw documents' are."""

    def file_response(self, full_path: str | os.PathLike[str], stat_result: os.stat_result, scope: Scope,
                      status_code: int = 200) -> Response:
        response = OwnRangeErrors(full_path, status_code=status_code, stat_result=stat_result)
        if self.is_not_modified(response.headers, Headers(scope=scope)):
            return NotModifiedResponse(response.headers)
        return response


class ArchiveApp(FastAPI):
    """FastAPI with the security headers and HEAD outside everything, Starlette's error middleware included,
    so that a 500 from an unexpected exception carries the headers as every other response does."""

    def build_middleware_stack(self) -> ASGIApp:
        return HeadAsGet(SecurityHeaders(super().build_middleware_stack()))


def create_app(db_url: str | None = None, store: str | os.PathLike[str] | None = None, *, writes: bool = False,
               zone: str = DEFAULT_ZONE) -> ArchiveApp:
    """The app over the archive at ``db_url`` (default: $GXMON_DB, else gxmon.db) and its store folder;
    ``writes`` turns on login and the triage forms (``[web] writes``), ``zone`` is the configured time zone."""
    url = database_url(db_url)
    app = ArchiveApp(title="gxmon archive", version="1", openapi_url="/api/openapi.json", docs_url=None,
                     redoc_url=None, description="政府信息公开工作年度报告 archive: reports, versions, findings, "
                                                 "diffs, and CDX-style captures. Read-only.",
                     dependencies=[Depends(no_nul_in_query)])
    app.state.engine = readonly_engine(url, connections=DB_CONNECTIONS)
    app.state.store = BlobStore(store if store is not None else default_store(url))
    app.state.zone = zone
    app.mount("/static", Static(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(changes.router)
    app.include_router(runs.router)
    app.include_router(dashboard.router)
    app.include_router(reading.router)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)   # before triage's session middleware: inside it
    triage.install(app, url, writes)

    @app.get("/healthz", include_in_schema=False, response_class=PlainTextResponse)
    async def healthz() -> str:
        """Liveness, and the benchmark's baseline: a route that touches neither database nor templates."""
        return "ok"

    _add_error_handlers(app)
    return app


APP_VARIABLE = "GXMON_WEB_APP"      # create_app's arguments, as JSON, for the worker processes of `serve --workers`


def app_from_environment() -> ArchiveApp:
    """``create_app`` with the arguments ``gxmon serve --workers N`` left in the environment of its workers
    (uvicorn starts each worker process by importing this factory)."""
    return create_app(**json.loads(os.environ[APP_VARIABLE]))


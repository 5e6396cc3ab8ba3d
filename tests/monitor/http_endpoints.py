"""HTTP endpoints for the chat-channel tests, on 127.0.0.1.

``Webhook``: a plain HTTP server that records every request (json://, form:// point at it) and answers the
first ``failures`` requests with 500, as a webhook receiver that is down does.

``ServiceProxy``: the chat services' own hosts (qyapi.weixin.qq.com for 企业微信 bots, oapi.dingtalk.com,
open.feishu.cn, open.larksuite.com) as an HTTPS proxy on 127.0.0.1. Apprise's WeCom, DingTalk and Feishu
plugins post to fixed https addresses, so they are pointed here with ``HTTPS_PROXY`` and trust its test CA
through ``REQUESTS_CA_BUNDLE``; the proxy answers CONNECT itself, speaks TLS with a certificate for those
hosts, records the request and answers as the service does. It never connects anywhere.
"""

from __future__ import annotations

import json
import socketserver
import ssl
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from monitor.alerts.mailsink import free_port
from simsite.server import SHUTDOWN_POLL_SECONDS
from tests.certificates import self_signed_certificate

SERVICE_HOSTS = ("qyapi.weixin.qq.com", "oapi.dingtalk.com", "open.feishu.cn", "open.larksuite.com")
# What each service answers when it takes a message.
SERVICE_ANSWER = {"qyapi.weixin.qq.com": {"errcode": 0, "errmsg": "ok"},
                  "oapi.dingtalk.com": {"errcode": 0, "errmsg": "ok"},
                  "open.feishu.cn": {"code": 0, "msg": "success", "data": {}},
                  "open.larksuite.com": {"code": 0, "msg": "success", "data": {}}}


@dataclass
class Received:
    host: str
    path: str
    content_type: str
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)


class _WebhookHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        server: Webhook = self.server   # type: ignore[assignment]
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with server.lock:
            server.attempts += 1
            failing = server.attempts <= server.failures
            if not failing:
                server.received.append(Received("127.0.0.1", self.path, self.headers.get("Content-Type", ""), body))
        self.send_response(500 if failing else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class Webhook(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.attempts = 0
        self.received: list[Received] = []
        self.lock = threading.Lock()
        self.port = free_port()
        super().__init__(("127.0.0.1", self.port), _WebhookHandler)
        self.thread = threading.Thread(target=self.serve_forever, args=(SHUTDOWN_POLL_SECONDS,), daemon=True)

    def url(self, scheme: str = "json", path: str = "/hook") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> Webhook:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _ProxyHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        server: ServiceProxy = self.server   # type: ignore[assignment]
        request_line = self.rfile.readline().decode("latin-1").split()
        while self.rfile.readline().strip():
            pass
        if len(request_line) < 2 or request_line[0] != "CONNECT":
            self.wfile.write(b"HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\n\r\n")
            return
        host = request_line[1].rsplit(":", 1)[0]
        if host not in SERVICE_HOSTS:
            self.wfile.write(b"HTTP/1.1 403 Not a chat service\r\nContent-Length: 0\r\n\r\n")
            return
        self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        self.wfile.flush()
        with server.context.wrap_socket(self.connection, server_side=True) as tls:
            reader = tls.makefile("rb")
            method, path, _ = reader.readline().decode("latin-1").split(" ", 2)
            headers = {}
            while line := reader.readline().decode("latin-1").strip():
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = reader.read(int(headers.get("content-length", 0)))
            server.received.append(Received(host, path, headers.get("content-type", ""), body))
            answer = json.dumps(server.answers.get(host, SERVICE_ANSWER[host])).encode()
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + f"Content-Length: {len(answer)}\r\n\r\n".encode() + answer)


class ServiceProxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, folder: Path, answers: dict[str, dict] | None = None) -> None:
        self.answers = answers or {}   # host → the JSON it answers instead of SERVICE_ANSWER's
        self.ca, key = self_signed_certificate(folder, SERVICE_HOSTS, "services")
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.context.load_cert_chain(self.ca, key)
        self.received: list[Received] = []
        self.port = free_port()
        super().__init__(("127.0.0.1", self.port), _ProxyHandler)
        self.thread = threading.Thread(target=self.serve_forever, args=(SHUTDOWN_POLL_SECONDS,), daemon=True)

    def __enter__(self) -> ServiceProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()

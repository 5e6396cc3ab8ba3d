"""SMTP servers for the mail tests, on 127.0.0.1: one that refuses (aiosmtpd), and raw-socket ones that
drop the connection in the middle of DATA or stall there (what a crashed or overloaded relay does)."""

from __future__ import annotations

import socketserver
import threading

from aiosmtpd.controller import Controller

from monitor.alerts.mailsink import free_port
from simsite.server import SHUTDOWN_POLL_SECONDS
from tests.certificates import self_signed_certificate


class RefusingHandler:
    """Accepts the session, then refuses every message at the end of DATA."""

    def __init__(self) -> None:
        self.attempts = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001
        self.attempts += 1
        return "554 5.7.1 Message refused by policy"


class RefusingServer:
    def __init__(self) -> None:
        self.handler = RefusingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> RefusingServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


class _ScriptedSMTP(socketserver.StreamRequestHandler):
    """Speaks just enough SMTP to get to DATA, then does what the server says (drop or stall)."""

    def handle(self) -> None:
        server: ScriptedServer = self.server   # type: ignore[assignment]
        self.wfile.write(b"220 scripted ESMTP\r\n")
        while line := self.rfile.readline():
            verb = line.split(b" ", 1)[0].strip().upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 scripted\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            elif verb == b"DATA":
                self.wfile.write(b"354 go ahead\r\n")
                self.rfile.read(200)            # part of the message
                server.in_data.set()
                if server.mode == "stall":
                    server.release.wait(60)
                return                          # drop the connection mid-mail
            else:
                self.wfile.write(b"250 ok\r\n")


class ScriptedServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mode: str) -> None:
        self.mode = mode                        # "drop" or "stall"
        self.in_data = threading.Event()        # a client got as far as sending the message
        self.release = threading.Event()
        self.port = free_port()
        super().__init__(("127.0.0.1", self.port), _ScriptedSMTP)
        self.thread = threading.Thread(target=self.serve_forever, args=(SHUTDOWN_POLL_SECONDS,), daemon=True)

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.shutdown()
        self.server_close()


class TlsServer:
    """aiosmtpd with TLS: ``starttls`` (STARTTLS and AUTH required) or ``ssl`` (TLS from the first byte)."""

    def __init__(self, mode: str, folder, login: bytes = b"gxmon", password: bytes = b"s3cret") -> None:  # noqa: ANN001
        import ssl

        from aiosmtpd.smtp import AuthResult, LoginPassword

        from monitor.alerts.mailsink import EmlWriter

        cert, key = self_signed_certificate(folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        self.cert = cert
        self.handler = EmlWriter(folder / "mails")
        self.port = free_port()
        self.logins: list[bytes] = []

        def authenticator(server, session, envelope, mechanism, data) -> AuthResult:  # noqa: ANN001
            ok = isinstance(data, LoginPassword) and (data.login, data.password) == (login, password)
            self.logins.append(data.login if isinstance(data, LoginPassword) else b"")
            return AuthResult(success=ok)

        if mode == "starttls":
            self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, tls_context=context,
                                         require_starttls=True, authenticator=authenticator, auth_required=True)
        else:
            # aiosmtpd cannot tell an implicit-TLS transport is encrypted, so it is told AUTH needs no STARTTLS
            self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, ssl_context=context,
                                         authenticator=authenticator, auth_required=True, auth_require_tls=False)

    def __enter__(self) -> TlsServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

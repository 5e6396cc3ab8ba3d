"""SMTP servers for the mail tests, on 127.0.0.1: one that refuses (aiosmtpd), and raw-socket ones that
drop the connection in the middle of DATA or stall there (what a crashed or overloaded relay does)."""

from __future__ import annotations

import socketserver
import threading

from aiosmtpd.controller import Controller

from monitor.mailsink import free_port


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
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.shutdown()
        self.server_close()

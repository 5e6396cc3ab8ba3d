"""A local SMTP server that writes every message it accepts as an ``.eml`` file (the demo's mail sink).

Built on aiosmtpd; it runs in a thread on 127.0.0.1 and is stopped with ``stop()``.
"""

from __future__ import annotations

import os
import re
import socket
import threading
from pathlib import Path

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class EmlWriter:
    """aiosmtpd handler: each accepted message becomes ``NNN-recipient.eml`` in ``directory``."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.messages: list[tuple[list[str], bytes]] = []   # (recipients, bytes) in arrival order
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001 (aiosmtpd signature)
        data = envelope.original_content or envelope.content
        with self._lock:
            self.messages.append((list(envelope.rcpt_tos), data))
            number = len(self.messages)
        name = re.sub(r"[^A-Za-z0-9@._-]", "_", envelope.rcpt_tos[0] if envelope.rcpt_tos else "unknown")
        target = self.directory / f"{number:03d}-{name}.eml"
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        return "250 Message accepted for delivery"


class MailSink:
    """An SMTP server on 127.0.0.1 that stores mails as .eml files."""

    def __init__(self, directory: str | os.PathLike[str], port: int | None = None) -> None:
        self.handler = EmlWriter(directory)
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    @property
    def messages(self) -> list[tuple[list[str], bytes]]:
        return self.handler.messages

    def start(self) -> MailSink:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

"""The one exception gxparse raises: a document that cannot be read at all."""

from __future__ import annotations


class DocumentError(Exception):
    """The document could not be read (empty, corrupt, encrypted, or of a type gxparse cannot open)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

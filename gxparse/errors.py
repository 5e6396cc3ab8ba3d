"""The one exception gxparse raises: a document that cannot be read at all."""

from __future__ import annotations


class DocumentError(Exception):
    """The document could not be read (empty, corrupt, encrypted, too large, or of a type gxparse cannot
    open). ``reason`` is a message for a person, in Chinese, naming what is wrong and where."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class LimitExceeded(Exception):
    """A limit of ``gxparse.limits`` was exceeded, raised where the file's name is not at hand;
    ``parser.read_document`` turns it into a ``DocumentError`` naming the file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

"""One wall-clock deadline for the whole reading of one document (``limits.MAX_DOCUMENT_SECONDS``), shared by its
stages: LibreOffice's conversions, rendering and OCR each take what is left. Wall time, not CPU time: on a busy
machine CPU budgets alone let one document hold its worker for minutes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from gxparse import limits
from gxparse.errors import LimitExceeded


class OutOfTime(LimitExceeded):
    """A time limit of the document ran out (``limit`` tells which: this deadline, or the CPU budget of its OCR,
    ``ocr.engine``): a page loop stops and keeps what it read; elsewhere the file is refused."""

    def __init__(self, limit: str = "") -> None:
        self.limit = limit or f"每份文件读取上限 {limits.MAX_DOCUMENT_SECONDS} 秒"
        super().__init__(f"读取超时：{self.limit}已用满")


class WallBudget:
    """Wall seconds the reading of one document by this thread may spend, counted from when it is opened."""

    def __init__(self, seconds: Callable[[], float]) -> None:
        self._seconds = seconds   # the limit read when opened (tests lower it)
        self._end = threading.local()

    @contextmanager
    def opened(self) -> Iterator[None]:
        """Nested, it is the outer one's (a Word file read again with its pictures)."""
        if getattr(self._end, "at", None) is not None:
            yield
            return
        self._end.at = time.monotonic() + self._seconds()
        try:
            yield
        finally:
            self._end.at = None

    def seconds_left(self) -> float:
        end = getattr(self._end, "at", None)
        return float(self._seconds()) if end is None else end - time.monotonic()


_document = WallBudget(lambda: limits.MAX_DOCUMENT_SECONDS)
document_deadline = _document.opened
seconds_left = _document.seconds_left


def check_time() -> None:
    if seconds_left() <= 0:
        raise OutOfTime()


def layout_seconds_left() -> float:
    """Wall seconds the laying out of what was read may still take: to the deadline and
    ``limits.MAX_LAYOUT_OVERRUN_SECONDS`` past it, the end of ``limits.MAX_PARSE_SECONDS``."""
    return seconds_left() + limits.MAX_LAYOUT_OVERRUN_SECONDS


def check_layout_time() -> None:
    """``OutOfTime`` once the layout's overrun past the deadline is spent: checked between pages, solves and the
    lines the rows are read from."""
    if layout_seconds_left() <= 0:
        raise OutOfTime(f"每份文件读取上限 {limits.MAX_PARSE_SECONDS} 秒"
                        "（含版面与表格的识别）")


T = TypeVar("T")


def layout_timed(items: Iterable[T]) -> Iterator[T]:
    """``items``, ``check_layout_time`` before each: a pass over a document's lines (up to ``limits.MAX_LINES``)
    stops with the parse's time, not after it."""
    for item in items:
        check_layout_time()
        yield item

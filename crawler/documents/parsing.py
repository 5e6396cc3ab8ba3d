"""Reading fetched documents with gxparse outside the crawl's event loop, each within limits of memory and time.

gxparse bounds what it reads (``gxparse.limits``), but a crawl must survive the input nobody foresaw: a
document that still takes gigabytes or minutes would stop the reactor (every download of the site waits) or
kill the crawl process with everything in it. So every parse runs in a worker process of a pool (pebble):

- the worker's address space is limited (``RLIMIT_AS``): an allocation beyond it fails in that worker, which
  reports it or dies;
- before each document the worker's CPU limit (``RLIMIT_CPU``) is set to what it has used plus the
  document's allowance: a parse spinning past it is killed by the kernel (SIGXCPU);
- the pool kills a worker whose document takes longer than the wall-clock allowance, and starts another.

Whatever happens to one document, the others are read: a killed worker fails only its own document, which
comes back as ``ParseOutcome.unreadable`` with the reason in words (the archive records it as a
``document.unreadable`` finding and keeps the raw bytes). Workers start from a fork server that has imported
nothing of the crawl, so their memory is gxparse's alone.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import resource
import signal
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from pebble import ProcessExpired, ProcessPool

log = logging.getLogger(__name__)

MB = 1 << 20


@dataclass(frozen=True)
class ParseLimits:
    """What one document may cost. gxparse keeps a parse under about 1 GB and 60 s CPU; these leave headroom
    for the worker's own libraries (address space is reserved well beyond what is resident) and a busy host."""

    memory: int = 2048 * MB        # address space of a worker (RLIMIT_AS)
    cpu_seconds: float = 90.0      # CPU time per document (RLIMIT_CPU)
    wall_seconds: float = 180.0    # wall clock per document, queueing excluded (twice the CPU: a busy host)
    workers: int = 1               # documents read at once

    @classmethod
    def from_settings(cls, settings: Any) -> ParseLimits:
        """From the Scrapy settings ``GXMON_PARSE_MEMORY_MB``, ``GXMON_PARSE_CPU_SECONDS``,
        ``GXMON_PARSE_TIMEOUT`` and ``GXMON_PARSE_WORKERS`` (the spider sets the first three from the site's
        ``parse_memory_mb`` and ``parse_seconds``)."""
        default = cls()
        return cls(memory=settings.getint("GXMON_PARSE_MEMORY_MB", default.memory // MB) * MB,
                   cpu_seconds=settings.getfloat("GXMON_PARSE_CPU_SECONDS", default.cpu_seconds),
                   wall_seconds=settings.getfloat("GXMON_PARSE_TIMEOUT", default.wall_seconds),
                   workers=settings.getint("GXMON_PARSE_WORKERS", default.workers))


@dataclass(frozen=True)
class ParseOutcome:
    """A document as gxparse read it: the report JSON, or why it could not be read (never both)."""

    report: dict[str, Any] | None = None
    unreadable: str | None = None

    @property
    def is_annual_report(self) -> bool:
        return bool(self.report and self.report.get("is_annual_report"))


class ParserPool:
    """Worker processes that parse documents within ``ParseLimits``; ``parse`` awaits one outcome."""

    def __init__(self, limits: ParseLimits = ParseLimits()) -> None:
        self.limits = limits
        self._pool = self._start()

    def _start(self) -> ProcessPool:
        return ProcessPool(max_workers=self.limits.workers, initializer=_start_worker, initargs=(self.limits.memory,),
                           context=multiprocessing.get_context("forkserver"))

    async def parse(self, body: bytes, source: str) -> ParseOutcome:
        # A worker that dies before it has taken its document (out of memory receiving it) breaks the whole
        # pool and aborts what was queued: a new pool reads each of those documents once more.
        for _ in range(2):
            if not self._pool.active:
                self._restart()
            future = self._pool.schedule(_parse, args=(body, source, self.limits.cpu_seconds),
                                         timeout=self.limits.wall_seconds)
            try:
                return await asyncio.wrap_future(future)
            except (FutureTimeout, ProcessExpired) as exc:
                return self._lost(exc, source)
            except BrokenProcessPool:
                continue
        return self._lost(None, source)

    def _lost(self, exc: Exception | None, source: str) -> ParseOutcome:
        """The outcome of a document whose worker was killed: by the pool's clock, the CPU limit, or a crash
        (most often an allocation beyond the address-space limit that a library did not survive)."""
        if isinstance(exc, FutureTimeout):
            reason = f"解析超时：超过 {self.limits.wall_seconds:.0f} 秒，解析进程已终止"
        elif getattr(exc, "exitcode", None) == -signal.SIGXCPU:
            reason = f"解析超时：CPU 时间超过 {self.limits.cpu_seconds:.0f} 秒，解析进程已终止"
        else:
            how = f"（{_signal_name(exc.exitcode)}）" if isinstance(exc, ProcessExpired) else ""
            reason = f"解析进程异常终止{how}，可能超出内存上限 {self.limits.memory // MB} MB"
        log.warning("parsing %s: %s", source, reason)
        return ParseOutcome(unreadable=reason)

    def _restart(self) -> None:
        self.close()
        self._pool = self._start()

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)


def _signal_name(exitcode: int) -> str:
    if exitcode < 0:
        try:
            return f"信号 {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"信号 {-exitcode}"
    return f"退出码 {exitcode}"


# -- in the worker ---------------------------------------------------------------------------------------

def _start_worker(address_space: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    # The pool stops a worker over its wall clock with SIGTERM: as an exception it unwinds the parse, so
    # what the parse started (a LibreOffice conversion's process group) is killed too, not orphaned.
    signal.signal(signal.SIGTERM, _exit_on_sigterm)


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _parse(body: bytes, source: str, cpu_seconds: float) -> ParseOutcome:
    """Parse one document under a CPU limit counted from now; every failure is an outcome, not an exception."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(usage.ru_utime + usage.ru_stime + cpu_seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    return _read(body, source)


def _read(body: bytes, source: str) -> ParseOutcome:
    """The document's report, or why it is unreadable in words for an officer (a bug's type goes to the log)."""
    from gxparse import DocumentError, parse_document
    from gxparse.parser import INTERNAL_ERROR

    try:
        return ParseOutcome(report=parse_document(body, source).to_dict())
    except DocumentError as exc:
        return ParseOutcome(unreadable=exc.reason)
    except MemoryError:
        return ParseOutcome(unreadable="解析所需内存超出上限")
    except Exception:  # noqa: BLE001 — a parser bug must cost the document, not the crawl
        log.exception("gxparse failed on %s", source)
        return ParseOutcome(unreadable=INTERNAL_ERROR)

"""What a route needs from the app: a read-only database session per request, and the content store.

Routes that query are plain ``def`` functions, so their queries run in the server's thread pool, off the event
loop. A session takes one of ``DB_CONNECTIONS`` slots before the route's thread starts and gives it back when the
route has built its response (before the response is sent, so a slow reader or a streamed download holds no
connection). The pool has exactly as many connections as there are slots, so no thread ever waits for a
connection: a thread waiting for one while the requests holding the others wait for a thread was the deadlock
of 1000 concurrent requests. Requests beyond the slots wait in the event loop, in order, at no cost to others.

Two slots: a worker is one process on one core, and its routes are mostly Python (a page is 3-9 ms of CPU
against ~1 ms in SQLite), so more threads at once only take the GIL from each other and from the event loop,
which needs it to read requests and send answers. Two still let one request's reading from disk overlap
another's work.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from anyio import CapacityLimiter
from anyio.lowlevel import RunVar
from fastapi import Depends, Request
from sqlmodel import Session

from monitor.archive.store import BlobStore
from monitor.timeutil import DEFAULT_ZONE

DB_CONNECTIONS = 2     # the read-only pool's size: requests that query at the same time

# One set of slots per event loop (as anyio keeps its thread limiter): a limiter waits on its loop's events.
_slots: RunVar[CapacityLimiter] = RunVar("gxmon_db_slots")


def _connection_slots() -> CapacityLimiter:
    try:
        return _slots.get()
    except LookupError:
        limiter = CapacityLimiter(DB_CONNECTIONS)
        _slots.set(limiter)
        return limiter


async def session(request: Request) -> AsyncIterator[Session]:
    async with _connection_slots():
        with Session(request.app.state.engine) as s:
            yield s


async def store(request: Request) -> BlobStore:
    return request.app.state.store


def zone(request: Request) -> str:
    """The configured time zone (``[schedule] timezone`` given to ``create_app``), for what a page parses
    and prints."""
    return getattr(request.app.state, "zone", DEFAULT_ZONE)


# scope="function": the session closes when the route returns, not after the response has been sent.
SessionDep = Annotated[Session, Depends(session, scope="function")]
StoreDep = Annotated[BlobStore, Depends(store)]

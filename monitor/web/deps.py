"""What a route needs from the app: a read-only database session per request, and the content store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from monitor.archive.store import BlobStore
from monitor.periods import DEFAULT_ZONE


def session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as s:
        yield s


def store(request: Request) -> BlobStore:
    return request.app.state.store


def zone(request: Request) -> str:
    """The configured time zone (``[schedule] timezone`` given to ``create_app``), for what a page parses
    and prints."""
    return getattr(request.app.state, "zone", DEFAULT_ZONE)


SessionDep = Annotated[Session, Depends(session)]
StoreDep = Annotated[BlobStore, Depends(store)]

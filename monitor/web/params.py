"""Route parameters bounded to what the archive can hold: an id is a positive 64-bit integer.

A value out of range is refused before any query (an id path → 404, a query value → 400), where the database
would fail on it (SQLite cannot bind an integer beyond 2⁶³, PostgreSQL's bigint overflows).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query, Request

from monitor.web.queries import MAX_ID, MAX_PAGE, YEARS, InvalidQuery

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Year = Annotated[int | None, Query(ge=YEARS[0], le=YEARS[1])]


async def no_nul_in_query(request: Request) -> None:
    """Refuses NUL in query values (every route's): PostgreSQL text cannot hold one, SQLite would cut it."""
    for name, value in request.query_params.multi_items():
        if "\x00" in value or "\x00" in name:
            raise InvalidQuery(f"{name.replace(chr(0), '')[:40]}: a NUL character is not allowed")

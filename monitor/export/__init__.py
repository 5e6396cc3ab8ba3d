"""``gxmon export``: archived versions with every figure, for Excel/WPS (CSV, .xlsx) and for programs (JSON Lines).

``columns`` says what the columns are (Chinese headers from the template's own row and column names, one
layout per template version), ``rows`` which versions go out (filters, links to their pages), ``writers`` how
each format is written. ``export`` is what the command runs.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from monitor.archive.store import BlobStore
from monitor.export.columns import OTHER
from monitor.export.rows import ExportFilter, exported_versions
from monitor.export.writers import Layout, write_csv, write_csv_folder, write_jsonl, write_xlsx

FORMATS = ("csv", "jsonl", "xlsx")


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    out: Path | None = None         # a file, or a folder (one file per template version); None: stdout
    to_folder: bool = False
    where: ExportFilter = ExportFilter()
    zone: str = "Asia/Shanghai"
    web_base: str | None = None     # [web] base_url, for the report and version page columns
    keys: bool = False              # English keys as headers


def export(session: Session, store: BlobStore, request: ExportRequest) -> dict[str, int]:
    """Write the export; returns the number of versions per file (or sheet, or ``-`` for stdout)."""
    versions = exported_versions(session, store, request.where, request.web_base)
    if request.fmt == "xlsx":
        path = request.out / "versions.xlsx" if request.to_folder else request.out
        return {f"{path} {sheet}": n for sheet, n in write_xlsx(versions, path, request.zone, request.keys).items()}
    if request.fmt == "csv" and request.to_folder:
        return {str(path): n for path, n in write_csv_folder(versions, request.out, request.zone, request.keys).items()}
    if request.to_folder:
        request.out.mkdir(parents=True, exist_ok=True)
        out = request.out / "versions.jsonl"
    else:
        out = request.out
    handle = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if request.fmt == "jsonl":
            return {str(out or "-"): write_jsonl(versions, handle)}
        layout = Layout.of(request.where.template or OTHER, request.zone, request.keys)
        return {str(out or "-"): write_csv(versions, handle, layout)}
    finally:
        if out:
            handle.close()

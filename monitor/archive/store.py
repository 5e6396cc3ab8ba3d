"""Content-addressed file store for raw documents and parsed-report JSON.

A file is named by the SHA-256 of its bytes (``raw/ab/cd/abcd…``), so a document fetched twice is stored
once and a name never points at other bytes. Writes go to a temporary file in the same directory, are
fsynced and renamed into place, so a reader (or a crash) never sees half a file. A file written for a
transaction that then rolls back is an unreferenced orphan, which is harmless: the next write of the
same bytes finds it in place.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

RAW, PARSED = "raw", "parsed"


class StoreError(Exception):
    """A stored file is missing or does not hash to its name."""


class BlobStore:
    """Files under ``root``; ``put`` returns the SHA-256 hex digest that names the bytes."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def path(self, kind: str, sha256: str) -> Path:
        return self.root / kind / sha256[:2] / sha256[2:4] / sha256

    def exists(self, kind: str, sha256: str) -> bool:
        return self.path(kind, sha256).exists()

    def put(self, kind: str, data: bytes) -> str:
        """Store ``data`` (unless already there) and return its digest."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(kind, digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def get(self, kind: str, sha256: str) -> bytes:
        path = self.path(kind, sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"{path}: not in the store") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StoreError(f"{path}: content does not match its SHA-256 name")
        return data

    def verified_path(self, kind: str, sha256: str) -> Path:
        """The path of a stored file whose bytes were just checked against its name, read in chunks: for
        sending a large document without holding it in memory."""
        path = self.path(kind, sha256)
        try:
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except FileNotFoundError:
            raise StoreError(f"{path}: not in the store") from None
        if digest != sha256:
            raise StoreError(f"{path}: content does not match its SHA-256 name")
        return path

    def put_json(self, document: dict[str, Any]) -> str:
        """Store a parsed report as gzip-compressed canonical JSON; the digest names the compressed bytes."""
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        # mtime=0 keeps the gzip bytes (and so the name) a pure function of the JSON.
        return self.put(PARSED, gzip.compress(text.encode("utf-8"), mtime=0))

    def get_json(self, sha256: str) -> dict[str, Any]:
        return json.loads(gzip.decompress(self.get(PARSED, sha256)))

    def count(self, kind: str) -> int:
        base = self.root / kind
        if not base.exists():
            return 0
        return sum(1 for p in base.rglob("*") if p.is_file() and not p.name.startswith(".tmp-"))

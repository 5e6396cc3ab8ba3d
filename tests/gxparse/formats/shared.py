"""The format fixtures built once per test session, whatever the number of xdist workers.

Every worker reads the same folder; each request to the builder runs under one file lock, so a file is built by
one process while the other waits, and is whole when the other sees it (the builders skip files already there).
A build that fails takes back the files it wrote, so no process reuses half a fixture.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from tests.gxparse.formats.build import Fixtures

LOCK_TIMEOUT = 1800   # seconds: longer than any build (soffice batches: 300 s each), short of a hung session


def session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test session that every xdist worker sees: under xdist each worker's base temp folder
    is a child of the session's."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "formats"
    folder.mkdir(exist_ok=True)
    return folder


class SharedFixtures:
    """``Fixtures`` in a folder shared between processes: its methods called one at a time across them."""

    def __init__(self, fixtures: Fixtures) -> None:
        self._fixtures = fixtures
        self._lock = FileLock(fixtures.folder / ".build.lock", timeout=LOCK_TIMEOUT)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._fixtures, name)
        return self._locked(attribute) if callable(attribute) else attribute

    def _locked(self, method: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                before = self._files()
                try:
                    return method(*args, **kwargs)
                except BaseException:
                    for path in self._files() - before:
                        path.unlink()
                    raise
        return call

    def _files(self) -> set[Path]:
        """The fixture files in the folder; LibreOffice's profiles (dot folders) are not fixtures."""
        files = set()
        for folder, subfolders, names in os.walk(self._fixtures.folder):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            files.update(Path(folder, name) for name in names if not name.startswith("."))
        return files

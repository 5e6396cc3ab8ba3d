"""The format fixtures shared between processes: built once, and never half-built."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tests.gxparse.formats.shared import SharedFixtures


class Counted:
    """A builder that writes one file per request and counts its builds in it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def page(self, name: str) -> Path:
        path = self.folder / f"{name}.txt"
        if not path.exists():
            path.write_text("half")
            with (self.folder / "builds").open("a") as builds:
                builds.write("x")
            time.sleep(0.2)   # a build takes time: another process asking meanwhile must wait for it
            path.write_text("whole")
        return path

    def broken(self, name: str) -> Path:
        (self.folder / f"{name}.txt").write_text("half")
        raise RuntimeError("the converter died")


def _page(folder: Path) -> str:
    return SharedFixtures(Counted(folder)).page("report").read_text()


def test_processes_asking_for_the_same_fixture_build_it_once_and_see_it_whole(tmp_path):
    with ProcessPoolExecutor(4) as pool:
        assert list(pool.map(_page, [tmp_path] * 8)) == ["whole"] * 8
    assert (tmp_path / "builds").read_text() == "x"


def test_a_build_that_fails_leaves_none_of_its_files(tmp_path):
    shared = SharedFixtures(Counted(tmp_path))
    with pytest.raises(RuntimeError, match="converter died"):
        shared.broken("report")
    assert not (tmp_path / "report.txt").exists()
    assert shared.page("report").read_text() == "whole"

"""`gxparse parse A B C` and `gxparse check A B C` with hostile files among good ones: every readable document
is printed, every other one gets its one-line error, the batch goes on, and no traceback is shown
(shared/spec/cli.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from gxparse import limits, parser
from gxparse.cli import main
from tests.gxparse.hostile.attacks import BY_NAME, DEV_ZERO
from tests.gxparse.seeds import SEED_DIR

KAIFENG = str(SEED_DIR / "kaifeng_2021.txt")
HOSTILE = ("pdf-huge-page", "docx-ct-no-partname", "pdf-page-tree-loop", "text-rate-400-digits", "gif-200-frames")


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("batch")
    paths = [KAIFENG]
    for name in HOSTILE:
        path = folder / name
        path.write_bytes(BY_NAME[name].build())
        paths.append(str(path))
    return [*paths, DEV_ZERO, str(folder / "missing.pdf"), KAIFENG]


def _gxparse(*args: str) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("gxparse")
    return subprocess.run([str(script), *args], capture_output=True, text=True, timeout=300, check=False)


def test_parse_prints_every_document_and_an_error_line_for_each_unreadable_one(batch):
    done = _gxparse("parse", *batch)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [obj["source"] for obj in lines] == batch
    errors = {obj["source"]: obj["error"] for obj in lines if set(obj) == {"source", "error"}}
    assert [Path(p).name for p in errors] == ["pdf-huge-page", "docx-ct-no-partname", "pdf-page-tree-loop",
                                              "gif-200-frames", "zero", "missing.pdf"]
    assert "页面过大" in errors[batch[1]] and "文件过大" in errors[DEV_ZERO] and "无法读取文件" in errors[batch[-2]]
    assert lines[0]["s3"] == lines[-1]["s3"] and lines[4]["source_type"] == "text"
    assert len(done.stderr.strip().splitlines()) == 6   # one line each: stderr says why


def test_check_reports_each_unreadable_document_and_goes_on(batch):
    done = _gxparse("check", *batch)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    assert sum(line.startswith("  无法读取 ") for line in done.stdout.splitlines()) == 6
    assert done.stdout.count("开封市人民政府 2021年") == 3


def test_a_reader_bug_is_one_error_line_and_the_batch_goes_on(monkeypatch, tmp_path):
    """A bug cannot be produced on demand: a reader that fails is put in the HTML reader's place."""
    def failing(data: bytes, source: str, pictures=None):
        raise IndexError("list index out of range")
    monkeypatch.setitem(parser.READERS, "html", failing)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>年度报告</p></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page), KAIFENG])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)   # an exit, not a crash
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {"source": str(page), "error": parser.INTERNAL_ERROR}
    assert second["year"] == 2021


def test_a_pipe_that_sends_nothing_is_refused_in_time_and_the_batch_goes_on(tmp_path, monkeypatch):
    """A named pipe among the files, its writer open and silent: opening it waited for a writer, reading it for
    data, and `gxparse parse` never printed the files after it. The limit's working is the point, not its
    length: it is 2 s here (MAX_READ_SECONDS in use)."""
    monkeypatch.setattr(limits, "MAX_READ_SECONDS", 2)
    pipe = tmp_path / "stalled.pdf"
    os.mkfifo(pipe)
    stop = threading.Event()

    def silent_writer() -> None:
        end = os.open(pipe, os.O_WRONLY)   # returns when gxparse opens the pipe
        stop.wait(120)
        os.close(end)

    threading.Thread(target=silent_writer, daemon=True).start()
    try:
        started = time.monotonic()
        done = CliRunner().invoke(main, ["parse", str(pipe), KAIFENG])
        seconds = time.monotonic() - started
    finally:
        stop.set()
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first == {"source": str(pipe), "error": "读取超时：2 秒内未能读完（管道或设备不再送来数据）"}
    assert second["year"] == 2021 and done.exit_code == 1
    assert 2 <= seconds < 2 + 30

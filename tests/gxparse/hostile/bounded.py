"""One parse in a child process under an address-space limit and a timeout, so that an input gxparse fails to
bound fails a test (or shows in the benchmark) instead of taking the machine down.

The child reads the file the way ``gxparse parse`` does and answers one JSON object: the outcome (parsed,
refused: a DocumentError, crashed: any other exception), the reason, the wall-clock and CPU seconds of the
parse and the peak resident memory of the process (VmHWM, the kernel's high-water mark). The limit on time
is judged in CPU seconds: on a machine shared by several test runs the wall clock says more about the
others than about the parse.

``run`` starts a fresh interpreter (the benchmark's measure); ``run_forked`` forks the child from a server that
imported gxparse once (multiprocessing's forkserver), as the tests do: the child starts where a fresh one
stands after its imports (the kernel resets the high-water mark and the CPU times at fork), without their
0.4 CPU seconds each time.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

MEMORY_LIMIT = 1 << 30      # bytes of resident memory a parse may reach (issue 12: under 1 GB)
TIME_LIMIT = 60.0           # CPU seconds a parse may take (issue 12: under 60 s)
WALL_LIMIT = 5 * TIME_LIMIT   # seconds before a child that does not answer is killed, on a busy machine
# The child's address space is limited to it too (a normal OCR parse reserves under 400 MB of it): a
# runaway fails there with a MemoryError or an abort instead of taking the machine's memory.
ADDRESS_SPACE_LIMIT = MEMORY_LIMIT
# What a fresh child imports before its clock starts: the forkserver imports it once for every forked child.
PRELOAD = ["gxparse", "gxparse.parser", "gxparse.limits", __name__]
_ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Outcome:
    outcome: str           # parsed | refused | crashed | killed | timeout
    reason: str
    seconds: float         # wall clock
    cpu_seconds: float
    peak_mb: float


def run(path: str, timeout: float = WALL_LIMIT) -> Outcome:
    """Parse ``path`` in a fresh, limited child process."""
    command = [sys.executable, "-m", "tests.gxparse.hostile.bounded", path, str(ADDRESS_SPACE_LIMIT)]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=_ROOT, check=False)
    except subprocess.TimeoutExpired:
        return Outcome("timeout", f"no answer within {timeout:.0f} s", time.perf_counter() - start,
                       float("nan"), float("nan"))
    if done.returncode != 0 or not done.stdout.strip():
        said = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        return Outcome("killed", said, time.perf_counter() - start, float("nan"), float("nan"))
    return Outcome(**json.loads(done.stdout.strip().splitlines()[-1]))


def run_forked(path: str, timeout: float = WALL_LIMIT) -> Outcome:
    """Parse ``path`` in a limited child forked from the preloaded forkserver (started on the first call)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    answers, answer = context.Pipe(duplex=False)
    child = context.Process(target=_forked_child, args=(path, ADDRESS_SPACE_LIMIT, answer), daemon=True)
    start = time.perf_counter()
    child.start()
    answer.close()   # the child's end: the pipe reads as closed when the child dies without answering
    try:
        if not wait([answers], timeout):
            return Outcome("timeout", f"no answer within {timeout:.0f} s", time.perf_counter() - start,
                           float("nan"), float("nan"))
        try:
            return Outcome(**answers.recv())
        except EOFError:
            child.join()
            return Outcome("killed", f"exit status {child.exitcode}", time.perf_counter() - start,
                           float("nan"), float("nan"))
    finally:
        child.kill()
        child.join()
        answers.close()


def _peak_mb() -> float:
    """The process's own high-water mark, or a child's (LibreOffice) when that was higher."""
    with open("/proc/self/status", encoding="ascii") as status:
        own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def _cpu_seconds() -> float:
    """CPU seconds of the process and of the children it waited for (LibreOffice)."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def _parse(path: str) -> dict[str, str | float]:
    """The parse's outcome as ``Outcome``'s fields."""
    from gxparse import DocumentError, parse_document
    from gxparse.limits import read_input
    start, cpu = time.perf_counter(), _cpu_seconds()
    try:
        parse_document(read_input(path), path)
        outcome, reason = "parsed", ""
    except DocumentError as exc:
        outcome, reason = "refused", exc.reason
    except Exception as exc:   # what escaped gxparse: the point of the run
        outcome, reason = "crashed", f"{type(exc).__name__}: {exc}"[:500]
    return {"outcome": outcome, "reason": reason, "seconds": time.perf_counter() - start,
            "cpu_seconds": _cpu_seconds() - cpu, "peak_mb": _peak_mb()}


def _child(path: str, address_space: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    print(json.dumps(_parse(path), ensure_ascii=False))


def _forked_child(path: str, address_space: int, answer: Connection) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    answer.send(_parse(path))


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]))

"""The children test_attacks forks from a preloaded server answer as the fresh interpreters of the benchmark
do, and one that does not answer in time is said to have timed out."""

from __future__ import annotations

from tests.gxparse.hostile import bounded
from tests.gxparse.hostile.attacks import ATTACKS, DEV_ZERO

def test_a_forked_child_answers_as_a_fresh_one(tmp_path):
    path = tmp_path / "attack.pdf"
    [attack] = [attack for attack in ATTACKS if attack.name == "pdf-form-loop"]   # refused once pdfium is loaded
    path.write_bytes(attack.build())
    fresh, forked = bounded.run(str(path)), bounded.run_forked(str(path))
    assert (forked.outcome, forked.reason) == (fresh.outcome, fresh.reason)
    # the kernel starts the child's high-water mark at its fork: near the fresh child's
    assert 0 < forked.peak_mb < 2 * fresh.peak_mb
    assert 0 < forked.cpu_seconds < bounded.TIME_LIMIT


def test_a_forked_child_that_does_not_answer_in_time_is_a_timeout():
    outcome = bounded.run_forked(DEV_ZERO, timeout=0.05)   # 200 MB read before any answer
    assert outcome.outcome == "timeout"

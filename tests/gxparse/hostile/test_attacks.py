"""Every hostile input of ``attacks`` parsed in a child process limited to 1 GB of address space (forked from
one that imported gxparse once: ``bounded.run_forked``): it is refused with a clear Chinese message or read,
never a traceback, and the parse stays under 1 GB and 60 CPU seconds. A regression fails here (the child dies
or times out) instead of taking the test run down."""

from __future__ import annotations

import re

import pytest

from gxparse import DocumentError, parse_document
from gxparse.limits import read_input
from tests.gxparse.hostile import bounded
from tests.gxparse.hostile.attacks import ATTACKS, Attack

_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# what a message for a person never shows: library text, object reprs, exception names
_LEAKS = ("PDFium", " object at 0x", "Error:", "Exception", "Traceback", "<")
# nor English glosses: a word in ASCII parentheses ("(unknown)", "(zero bytes)"), or two English words in a row
# (a library's sentence: "source file could not be loaded", "Expecting value")
_ENGLISH = re.compile(r"\([A-Za-z][A-Za-z ,.'-]*\)|\b[A-Za-z][a-z]+ [a-z]{2,}\b")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


def _path(attack: Attack, folder) -> str:
    if isinstance(attack.build, str):
        return attack.build
    path = folder / attack.name
    path.write_bytes(attack.build())
    return str(path)


QUICK = [attack for attack in ATTACKS if not attack.slow]


def _in_process(path: str) -> bounded.Outcome:
    """A small attack's outcome read here; the bounds are the child's, which its size keeps far from."""
    try:
        parse_document(read_input(path), path)
        return bounded.Outcome("parsed", "", 0.0, 0.0, 0.0)
    except DocumentError as exc:
        return bounded.Outcome("refused", exc.reason, 0.0, 0.0, 0.0)


@pytest.mark.parametrize("attack", QUICK, ids=[a.name for a in QUICK])
def test_attack_is_refused_or_read_within_bounds(attack: Attack, folder):
    outcome = (_in_process if attack.small else bounded.run_forked)(_path(attack, folder))
    expected = "refused" if attack.refused else "parsed"
    assert outcome.outcome == expected, f"{attack.what}: {outcome}"
    if attack.refused:
        assert attack.refused in outcome.reason
        assert _CHINESE.search(outcome.reason) and not any(leak in outcome.reason for leak in _LEAKS)
        assert not _ENGLISH.search(outcome.reason), outcome.reason
    assert outcome.cpu_seconds < bounded.TIME_LIMIT
    assert outcome.peak_mb < bounded.MEMORY_LIMIT / (1 << 20)

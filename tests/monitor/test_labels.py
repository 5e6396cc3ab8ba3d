"""Every finding rule gxparse can raise has a name and an explanation for officers (``monitor.labels``): a page
or a mail never shows a bare code."""

from __future__ import annotations

import re
from pathlib import Path

import gxparse
from gxparse import document
from monitor.labels import RULES, rule_name

# a finding made with its rule written out: Finding("cell.blank", …)
_RULE = re.compile(r'Finding\(\s*"([a-z0-9_]+\.[a-z0-9_.]+)"')
# a reader's note is made with its rule named by a constant of gxparse.document: ReadNote(HIDDEN_TEXT, …)
_NOTE_RULE = re.compile(r"[a-z0-9_]+\.[a-z0-9_]+")


def test_every_rule_gxparse_raises_has_a_name():
    raised = {code for path in Path(gxparse.__file__).parent.rglob("*.py")
              for code in _RULE.findall(path.read_text(encoding="utf-8"))}
    assert {"cell.blank", "cell.placed_by_sum", "s3.row_sum"} <= raised   # the scan finds rules at all
    assert sorted(raised - set(RULES)) == []
    assert rule_name("cell.placed_by_sum") != "cell.placed_by_sum"


def test_every_rule_a_reader_notes_has_a_name():
    noted = {value for name, value in vars(document).items()
             if name.isupper() and isinstance(value, str) and _NOTE_RULE.fullmatch(value)}
    assert {"read.hidden_text", "read.hidden_draft", "cell.display_mismatch"} <= noted   # the scan finds them
    assert sorted(noted - set(RULES)) == []

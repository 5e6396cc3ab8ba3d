"""Every finding rule gxparse can raise has a name and an explanation for officers (``monitor.labels``): a page
or a mail never shows a bare code."""

from __future__ import annotations

import re
from pathlib import Path

import gxparse
from monitor.labels import RULES, rule_name

# a finding made with its rule written out: Finding("cell.blank", …)
_RULE = re.compile(r'Finding\(\s*"([a-z0-9_]+\.[a-z0-9_.]+)"')


def test_every_rule_gxparse_raises_has_a_name():
    raised = {code for path in Path(gxparse.__file__).parent.rglob("*.py")
              for code in _RULE.findall(path.read_text(encoding="utf-8"))}
    assert {"cell.blank", "cell.placed_by_sum", "s3.row_sum"} <= raised   # the scan finds rules at all
    assert sorted(raised - set(RULES)) == []
    assert rule_name("cell.placed_by_sum") != "cell.placed_by_sum"

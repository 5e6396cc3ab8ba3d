"""The seeds with their zeros written as a character (零, 〇), as some agencies type them: as tab text and as
a workbook of the whole report (the figures typed as text). The truth is the seeds' own figures (零 is 0)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from tests.gxparse.formats.make_xlsx import write_report_sheet
from tests.gxparse.formats.plan import Block, report_plan
from tests.gxparse.seeds import seed_bytes

MARKS = {"ling": "零", "circle": "〇"}
# a zero alone in a tab-separated cell: tables only (prose has no tabs)
_TAB_ZERO = re.compile(r"(?<=\t)0(?=\t|\r?$)", re.M)


def text_with_zeros(name: str, mark: str) -> bytes:
    """The seed's text with every zero of its tables written as ``mark``."""
    return _TAB_ZERO.sub(mark, seed_bytes(name).decode("utf-8")).encode("utf-8")


def xlsx_with_zeros(name: str, mark: str, path: Path) -> bytes:
    """The seed as a one-sheet workbook with every zero of its tables typed as ``mark``."""
    plan = report_plan(name)
    blocks = [block if block.table is None else
              Block(block.kind, block.text, replace(block.table, cells=[
                  replace(cell, text=mark if cell.text == "0" else cell.text) for cell in block.table.cells]))
              for block in plan.blocks]
    return write_report_sheet(replace(plan, blocks=blocks), path).read_bytes()

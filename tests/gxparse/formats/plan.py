"""A seed report laid out as an agency lays it out: title, headings, paragraphs and the official tables.

Every fixture format (DOCX, PDF, scans) is built from this one plan, so a difference between formats is a
difference in reading, never in content. The tables come from ``simsite.render`` (the official layout with
its rowspans and colspans), the prose from the seed text itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import lxml.html

from gxparse import parse_document
from gxparse.template import S2_ITEMS, SECTIONS
from simsite.render import _s2_table, _s3_table, _s4_table
from tests.gxparse.seeds import expected, report_dict, seed_bytes


@dataclass(frozen=True)
class Placed:
    """One table cell at its place in the grid."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class TablePlan:
    key: str                     # s2 | s3 | s4
    cells: list[Placed]
    n_rows: int
    n_cols: int
    header_rows: int             # rows repeated when the table continues on the next page

    def at(self, row: int) -> list[Placed]:
        return [c for c in self.cells if c.row == row]


@dataclass
class Block:
    kind: str                    # title | heading | para | table
    text: str = ""
    table: TablePlan | None = None


@dataclass
class ReportPlan:
    name: str
    blocks: list[Block] = field(default_factory=list)

    def tables(self) -> dict[str, TablePlan]:
        return {b.table.key: b.table for b in self.blocks if b.table is not None}


_HEADER_ROWS = {"s2": 0, "s3": 3, "s4": 3}


def place(rows: list[list[tuple[str, int, int]]]) -> tuple[list[Placed], int, int]:
    """HTML-style rows of (text, rowspan, colspan) placed on a grid, skipping slots spanned from above."""
    taken: set[tuple[int, int]] = set()
    cells = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            cells.append(Placed(text, r, c, rowspan, colspan))
            taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            c += colspan
            width = max(width, c)
    return cells, len(rows), width


def _table_plan(key: str, html: str, unprinted: set[str]) -> TablePlan:
    table = lxml.html.fragment_fromstring(html)
    rows = [[(td.text_content(), int(td.get("rowspan", 1)), int(td.get("colspan", 1))) for td in tr]
            for tr in table.iter("tr")]
    cells, n_rows, n_cols = place(rows)
    return _without_empty_items(TablePlan(key, cells, n_rows, n_cols, _HEADER_ROWS[key]), unprinted)


def _without_empty_items(plan: TablePlan, items: set[str]) -> TablePlan:
    """Table 二 without the item rows the report leaves out (the renderer prints every item)."""
    empty = {c.row for c in plan.cells if c.col == 0 and c.text in items}
    cells = [replace(c, row=c.row - sum(r < c.row for r in empty)) for c in plan.cells if c.row not in empty]
    return TablePlan(plan.key, cells, plan.n_rows - len(empty), plan.n_cols, plan.header_rows)


def _paragraphs(text: str) -> list[str]:
    return [p.replace("\t", " ").strip() for p in text.split("\n") if p.strip()]


def report_plan(name: str, report: dict | None = None) -> ReportPlan:
    """The seed's figures (or ``report``'s, a seed's with other figures) in the official tables, its own
    prose, and only the sections it has."""
    exp = expected(name)
    report = report or report_dict(name)
    text = parse_document(seed_bytes(name), f"{name}.txt")
    tables = {
        "s2": _s2_table(report["s2"], report["template"]),
        "s3": _s3_table(report["s3"], report["template"]),
        "s4": _s4_table(report["s4"]),
    }
    prose = {"s1": text.s1_text, "s5": text.s5_text, "s6": text.s6_text}
    unprinted = {item.label for item in S2_ITEMS[report["template"]]
                 if all(v is None for v in (report["s2"] or {}).get(item.key, {}).values())}
    plan = ReportPlan(name, [Block("title", report["title"])])
    orphans: list[str] = []   # a table printed without its section heading goes after the last table
    for section in SECTIONS:
        if section.key in exp["sections_present"]:
            plan.blocks.append(Block("heading", f"{section.numeral}、{section.title}"))
            plan.blocks += [Block("para", p) for p in _paragraphs(prose.get(section.key, ""))]
        elif section.key in tables and tables[section.key]:
            orphans.append(section.key)
        if section.key in tables and tables[section.key]:
            if section.key in exp["sections_present"]:
                plan.blocks.append(Block("table", table=_table_plan(section.key, tables[section.key], unprinted)))
            if section.key == "s4":
                for key in orphans:
                    at = max(i for i, b in enumerate(plan.blocks) if b.kind == "table") + 1
                    plan.blocks.insert(at, Block("table", table=_table_plan(key, tables[key], unprinted)))
    return plan


def with_zero_marks(plan: ReportPlan, mark: str, tables: tuple[str, ...] = ("s2", "s3", "s4")) -> ReportPlan:
    """The plan with every zero of ``tables`` printed as ``mark`` (a dash, a slash, 无, nothing)."""
    blocks = []
    for block in plan.blocks:
        if block.table is not None and block.table.key in tables:
            table = block.table
            cells = [replace(c, text=mark) if c.text == "0" else c for c in table.cells]
            block = Block(block.kind, block.text, TablePlan(table.key, cells, table.n_rows, table.n_cols,
                                                            table.header_rows))
        blocks.append(block)
    return ReportPlan(plan.name, blocks)

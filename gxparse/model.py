"""The parsed report: cells, findings, prose figures, and the JSON of shared/spec/report-json.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gxparse.version import PARSER_VERSION

ERROR, WARNING, INFO = "error", "warning", "info"
_SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell as read: its value (int count, decimal string for money, None if absent/unreadable).

    Immutable, so the cell of a printed "0" can be shared by every table that prints one."""

    value: int | str | None
    raw: str = ""
    blank: bool = False          # printed empty or as a dash and read as 0
    unit: str | None = None      # a unit printed in the cell ("元", "万元", "件")
    invalid: str | None = None   # why the printed text is not a valid value of this cell

    @property
    def known(self) -> bool:
        return self.value is not None


Table = dict[str, dict[str, Cell]]   # row key → column key → cell


@dataclass(frozen=True)
class Evidence:
    """What a finding rests on: text as the document prints it (normalised) and where it stands.

    An error names evidence that is in the document (a label, a heading, the rows around a gap), never only
    an absence that a reading failure could explain."""

    text: str
    where: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "where": self.where}


@dataclass
class Gap:
    """Something the parse lacks (a section, a table, a row). ``absent``: the document positively lacks it,
    and ``evidence`` shows what stands where it belongs. Otherwise gxparse could not read it: ``evidence``
    shows what it could not read or where its reading stopped, and ``reason`` says which, for the message."""

    absent: bool
    evidence: list[Evidence]
    reason: str = ""


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    cells: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "cells": self.cells,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass
class NarrativeFigure:
    """A figure stated in the prose, with the table cell(s) it restates.

    ``key`` is a cell path, or several joined by ``+`` when the prose states a sum
    (e.g. "受理337件（含上年结转3件）" is ``s3.new_received.total+s3.carried_over.total``).
    """

    text: str
    key: str
    value: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "key": self.key, "value": self.value}


@dataclass
class StatedSum:
    """"共X…其中A、B、C": a stated total and its stated parts."""

    text: str
    total: int
    parts: list[int]


@dataclass
class StatedRate:
    """"…采用1790条，采用率92.8%": a rate with the numerator and denominator stated before it."""

    text: str
    numerator: int
    denominator: int
    percent: str   # as printed, e.g. "92.8"


# where a report's year was read (Report.year_source): its title, the statistics period or 本报告 sentence,
# or the year opening 总体情况 (weaker: no error rests on it)
YEAR_FROM_TITLE, YEAR_STATED, YEAR_FROM_OPENING = "title", "statement", "opening"


@dataclass
class Report:
    source: str
    source_type: str
    title: str | None = None
    agency: str | None = None
    year: int | None = None
    year_source: str | None = None   # where the year was read: YEAR_FROM_TITLE, YEAR_STATED, YEAR_FROM_OPENING
    template: str = "unknown"
    sections_present: list[str] = field(default_factory=list)
    s2: Table | None = None
    s3: Table | None = None
    s4: Table | None = None
    s1_text: str = ""
    s5_text: str = ""
    s6_text: str = ""
    narrative: list[NarrativeFigure] = field(default_factory=list)
    stated_sums: list[StatedSum] = field(default_factory=list)
    stated_rates: list[StatedRate] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    table_pages: dict[str, int] = field(default_factory=dict)
    pages: int | None = None
    # what the findings rest on (not part of the JSON): the printed row each template row was read from
    # ("s3.result.granted" → its label and place), the labels printed that exist in one template version
    # only, where the year was read, and what the parse lacks (section keys "s3", row paths "s3.result.granted")
    row_sources: dict[str, Evidence] = field(default_factory=dict)
    template_labels: dict[str, list[Evidence]] = field(default_factory=dict)
    year_evidence: Evidence | None = None
    gaps: dict[str, Gap] = field(default_factory=dict)

    @property
    def is_annual_report(self) -> bool:
        """An annual report has its title, or most of the six sections with at least one table."""
        has_tables = any(t is not None for t in (self.s2, self.s3, self.s4))
        return bool(self.title and self.year) or (len(self.sections_present) >= 4 and has_tables)

    def cell(self, path: str) -> Cell | None:
        """The cell at a path such as ``s3.result.granted.total`` (row keys contain dots)."""
        table_key, _, rest = path.partition(".")
        row, _, column = rest.rpartition(".")
        table = getattr(self, table_key, None) if table_key in ("s2", "s3", "s4") else None
        if not table or row not in table:
            return None
        return table[row].get(column)

    def value(self, path: str) -> int | str | None:
        cell = self.cell(path)
        return cell.value if cell else None

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: _SEVERITY_ORDER.get(f.severity, 9))

    def to_dict(self) -> dict[str, Any]:
        def table(t: Table | None) -> dict[str, dict[str, Any]] | None:
            if t is None:
                return None
            return {row: {col: cell.value for col, cell in cols.items()} for row, cols in t.items()}

        return {
            "source": self.source,
            "parser_version": PARSER_VERSION,
            "title": self.title,
            "agency": self.agency,
            "year": self.year,
            "year_source": self.year_source,
            "template": self.template,
            "source_type": self.source_type,
            "sections_present": self.sections_present,
            "s2": table(self.s2),
            "s3": table(self.s3),
            "s4": table(self.s4),
            "narrative": [n.to_dict() for n in self.narrative],
            "findings": [f.to_dict() for f in self.sorted_findings()],
            "extras": self.extras,
            "table_pages": self.table_pages,
            "pages": self.pages,
            "is_annual_report": self.is_annual_report,
            "text": {"s1": self.s1_text, "s5": self.s5_text, "s6": self.s6_text},
        }

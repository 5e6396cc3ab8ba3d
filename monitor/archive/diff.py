"""Diffs between two parsed reports (report-json.md shape): pure functions of two documents.

- figures: every table cell, by cell path (``s3.new_received.total``), old and new value;
- prose: a sentence-level unified diff of sections 一, 五 and 六 (Chinese prose runs in long
  paragraphs, so lines would be too coarse);
- metadata: title, agency, year and template.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from monitor.archive.content import normalise_prose

TABLES = ("s2", "s3", "s4")
TEXT_SECTIONS = ("s1", "s5", "s6")
META_KEYS = ("title", "agency", "year", "template")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")

Value = int | str | None


@dataclass(frozen=True)
class CellChange:
    cell: str
    old: Value
    new: Value


@dataclass(frozen=True)
class TextChange:
    section: str
    diff: list[str]      # unified-diff lines, one sentence each, without the ---/+++ header


@dataclass
class DocumentDiff:
    figures: list[CellChange] = field(default_factory=list)
    text: list[TextChange] = field(default_factory=list)
    meta: list[CellChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.figures or self.text or self.meta)

    def to_dict(self) -> dict[str, Any]:
        return {"figures": [asdict(c) for c in self.figures], "text": [asdict(t) for t in self.text],
                "meta": [asdict(m) for m in self.meta]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentDiff:
        return cls(figures=[CellChange(**c) for c in data.get("figures", [])],
                   text=[TextChange(**t) for t in data.get("text", [])],
                   meta=[CellChange(**m) for m in data.get("meta", [])])


def flatten_figures(document: dict[str, Any] | None) -> dict[str, Value]:
    """Every cell of tables 二, 三 and 四 by cell path. Row keys contain dots; the column is the last part."""
    cells: dict[str, Value] = {}
    for table in TABLES:
        rows = (document or {}).get(table) or {}
        for row, columns in rows.items():
            for column, value in (columns or {}).items():
                cells[f"{table}.{row}.{column}"] = value
    return cells


def _cell_order(path: str) -> tuple[int, str]:
    return (TABLES.index(path.split(".", 1)[0]), path)


def figure_changes(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[CellChange]:
    """Cells whose value differs, in table order; a cell present on one side only has None on the other."""
    before, after = flatten_figures(old), flatten_figures(new)
    changed = [path for path in set(before) | set(after) if before.get(path) != after.get(path)]
    return [CellChange(p, before.get(p), after.get(p)) for p in sorted(changed, key=_cell_order)]


def sentences(text: str | None) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(normalise_prose_keep_lines(text)) if s.strip()]


def normalise_prose_keep_lines(text: str | None) -> str:
    """Prose normalised like the digest, one paragraph per line, so diffs ignore what the digest ignores."""
    return "\n".join(normalise_prose(line) for line in (text or "").splitlines())


def text_changes(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[TextChange]:
    changes = []
    for section in TEXT_SECTIONS:
        a = sentences(((old or {}).get("text") or {}).get(section))
        b = sentences(((new or {}).get("text") or {}).get(section))
        if a == b:
            continue
        lines = list(difflib.unified_diff(a, b, lineterm="", n=1))[2:]   # drop the ---/+++ header
        changes.append(TextChange(section, lines))
    return changes


def meta_changes(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[CellChange]:
    return [CellChange(key, (old or {}).get(key), (new or {}).get(key)) for key in META_KEYS
            if (old or {}).get(key) != (new or {}).get(key)]


def diff_documents(old: dict[str, Any] | None, new: dict[str, Any] | None) -> DocumentDiff:
    return DocumentDiff(figure_changes(old, new), text_changes(old, new), meta_changes(old, new))

"""Blocks that name their children by id (AWS Textract's ``Blocks``) → the page's paragraphs and tables.

Textract answers a flat list: PAGE, LINE and WORD blocks, a TABLE whose CHILD ids are its CELLs, each CELL a
grid slot (``RowIndex``, ``ColumnIndex``, 1-based) holding the WORDs printed in it, and MERGED_CELL blocks
(``RowSpan``, ``ColumnSpan``) over the CELLs a span covers: a merged cell's text is all its slots' words (a label
centred over its rows stands in the middle slot). The LINEs whose words are no table's are the paragraphs; each
piece stands where its first word is printed (page, then top)."""

from __future__ import annotations

import html
import re

from gxparse.readers.celltables import cells_table

_WIDE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def recognized(answer: object) -> bool:
    """Whether the blocks' words say an OCR engine read them (Textract's ``TextType``: PRINTED, HANDWRITING)."""
    blocks = answer.get("Blocks") if isinstance(answer, dict) else None
    return isinstance(blocks, list) and any(isinstance(b, dict) and b.get("BlockType") == "WORD"
                                            and b.get("TextType") in ("PRINTED", "HANDWRITING") for b in blocks)


def block_pieces(answer: object) -> list[str] | None:
    """The HTML pieces of a Textract answer in reading order; None when ``answer`` is no such answer."""
    blocks = answer.get("Blocks") if isinstance(answer, dict) else None
    if not isinstance(blocks, list):
        return None
    by_id = {b["Id"]: b for b in blocks if isinstance(b, dict) and isinstance(b.get("Id"), str)}
    if not any(b.get("BlockType") == "TABLE" for b in by_id.values()):
        return None
    placed: list[tuple[tuple[float, float], str]] = []
    in_tables: set[str] = set()
    for table in (b for b in by_id.values() if b.get("BlockType") == "TABLE"):
        cells, words = _table_cells(by_id, table)
        in_tables |= set(words)
        if cells and words:
            placed.append((min(_where(by_id[w]) for w in words), cells_table(cells)))
    for line in (b for b in by_id.values() if b.get("BlockType") == "LINE"):
        if not set(_children(line)) & in_tables and isinstance(text := line.get("Text"), str) and text.strip():
            placed.append((_where(line), f"<p>{html.escape(text.strip())}</p>"))
    return [piece for _, piece in sorted(placed, key=lambda p: p[0])]


def _children(block: dict, kind: str = "CHILD") -> list[str]:
    return [i for rel in block.get("Relationships") or [] if isinstance(rel, dict) and rel.get("Type") == kind
            for i in rel.get("Ids") or [] if isinstance(i, str)]


def _where(block: dict) -> tuple[float, float]:
    box = (block.get("Geometry") or {}).get("BoundingBox") or {}
    top = box.get("Top")
    return float(block.get("Page") or 1), float(top) if isinstance(top, (int, float)) else 0.0


def _joined(texts: list[str]) -> str:
    """Words as printed: apart by a space unless both sides are Chinese (a wrapped label's lines)."""
    out = ""
    for text in texts:
        out += ("" if not out or (_WIDE.match(out[-1]) and _WIDE.match(text[:1] or " ")) else " ") + text
    return out


def _slot_words(by_id: dict[str, dict], cell: dict) -> list[str]:
    return [w for w in _children(cell) if by_id.get(w, {}).get("BlockType") == "WORD"]


def _table_cells(by_id: dict[str, dict], table: dict) -> tuple[list[tuple[int, int, int, int, str]], list[str]]:
    """A table's cells (row, column, rowspan, colspan, text; 0-based) and the ids of its words."""
    slots = {c: by_id[c] for c in _children(table) if by_id.get(c, {}).get("BlockType") == "CELL"}
    covered: set[str] = set()
    cells, words = [], []
    for merged in (by_id[m] for m in _children(table, "MERGED_CELL") if m in by_id):
        under = sorted((slots[c] for c in _children(merged) if c in slots),
                       key=lambda c: (c.get("RowIndex", 0), c.get("ColumnIndex", 0)))
        covered |= set(_children(merged))
        ids = [w for c in under for w in _slot_words(by_id, c)]
        words += ids
        cells.append((int(merged.get("RowIndex", 1)) - 1, int(merged.get("ColumnIndex", 1)) - 1,
                      int(merged.get("RowSpan", 1)), int(merged.get("ColumnSpan", 1)),
                      _joined([str(by_id[w].get("Text", "")) for w in ids])))
    for cid, cell in slots.items():
        if cid in covered:
            continue
        ids = _slot_words(by_id, cell)
        words += ids
        cells.append((int(cell.get("RowIndex", 1)) - 1, int(cell.get("ColumnIndex", 1)) - 1,
                      int(cell.get("RowSpan", 1)), int(cell.get("ColumnSpan", 1)),
                      _joined([str(by_id[w].get("Text", "")) for w in ids])))
    return cells, words

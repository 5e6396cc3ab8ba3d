"""Tesseract's TSV output (``tesseract page.png out tsv``, ``pytesseract.image_to_data``): a row per recognised
word with its level, page, block, paragraph, line and word numbers, box and confidence. OCR pipelines keep it
for the boxes; the text is its words, a line per (page, block, paragraph, line) as Tesseract's own text output
writes them (words apart by a space, a blank line after each block), read as that text is: as OCR's (its
figures no evidence for an error)."""

from __future__ import annotations

from gxparse.document import Document, lines_from_text
from gxparse.normalize import unspaced_cjk

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
_WORD_LEVEL = "5"
_FIELDS = len(TSV_HEADER.split("\t"))


def is_tesseract_tsv(head: str) -> bool:
    return head.lstrip("\ufeff").startswith(TSV_HEADER)


def tsv_text(text: str) -> str:
    """The words of the TSV as Tesseract's text output: a line per line, a blank line between blocks."""
    out: list[str] = []
    line_key: tuple[str, ...] | None = None
    block: tuple[str, ...] | None = None
    words: list[str] = []
    for row in text.splitlines()[1:]:
        fields = row.split("\t", _FIELDS - 1)
        if len(fields) < _FIELDS or fields[0] != _WORD_LEVEL or not fields[-1].strip():
            continue
        key = tuple(fields[1:5])
        if key != line_key and words:
            out.append(" ".join(words))
            words = []
            if key[:2] != block:
                out.append("")
        line_key, block = key, key[:2]
        words.append(fields[-1].strip())
    if words:
        out.append(" ".join(words))
    return "\n".join(out)


def read_tesseract_tsv(text: str) -> Document:
    lines = lines_from_text(unspaced_cjk(tsv_text(text)))
    return Document(lines, "text", ocr_text=True)

"""Prose for people: the report's text as it reads, and what changed in it, character by character.

gxparse keeps the prose of sections 一, 五 and 六 in its normalised form (NFKC: ``，`` becomes ``,``, ``（`` ``(``)
and with the line breaks of the extraction (a PDF breaks a sentence wherever its line ended). Its output holds
no other copy, so ``as_published`` gives the reading form back: the full-width punctuation a Chinese text
prints where a half-width mark stands beside Chinese, and the lines a PDF broke inside a sentence joined.
Figures (``97.03%``, ``1,234``) and Latin text keep their marks.

``char_diff`` marks what changed between two versions of a section: sentences are aligned first (difflib),
then each pair of changed sentences is compared character by character (rapidfuzz's Indel opcodes), so a
changed figure or an inserted word is marked, not the whole paragraph. Long unchanged stretches are cut to
their ends (``excerpt``) for mails and summaries.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz.distance import Indel

from monitor.archive.diff import TEXT_SECTIONS
from monitor.labels import SECTION_NAMES

_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》]"
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# A half-width mark with Chinese on one side (and no digit right after a comma or colon: 1,234 and 12:30).
_MARK_AFTER_CJK = re.compile(rf"(?<={_CJK})\s*([,:;?!()])(?![\d])")
_MARK_BEFORE_CJK = re.compile(rf"(?<![\dA-Za-z])([,:;?!()])\s*(?={_CJK})")
_OPEN_BEFORE_CJK = re.compile(rf"\((?={_CJK})")
_CLOSE_AFTER_CJK = re.compile(rf"(?<={_CJK})\)")
# A line break inside a sentence: the line does not end a sentence, a heading or an item.
_SENTENCE_DONE = re.compile(r"[。！？；：!?;:…”」』）)]\s*$")
_ITEM_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.、．])")
_SENTENCE = re.compile(r"(?<=[。！？；!?;])")
WRAPPED_LINE = 20    # a line this long that does not end a sentence was wrapped; shorter ones are headings
CONTEXT = 30          # characters of unchanged text kept on each side of a change in an excerpt


def as_published(text: str | None) -> str:
    """The prose in its reading form: full-width punctuation beside Chinese, lines broken inside a sentence
    joined, one paragraph per line."""
    paragraphs: list[str] = []
    for line in (text or "").splitlines():
        line = " ".join(line.replace("\t", " ").split())
        if not line:
            continue
        if paragraphs and _broken(paragraphs[-1], line):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return "\n".join(_full_width(p) for p in paragraphs)


def _broken(before: str, line: str) -> bool:
    """Whether ``line`` goes on the sentence ``before`` left open: a wrapped line (long, not ending a sentence),
    not a heading (short) and not followed by an item of a list."""
    return len(before) >= WRAPPED_LINE and not _SENTENCE_DONE.search(before) and not _ITEM_START.match(line)


def _full_width(text: str) -> str:
    text = _OPEN_BEFORE_CJK.sub("（", text)
    text = _CLOSE_AFTER_CJK.sub("）", text)
    text = _MARK_AFTER_CJK.sub(lambda m: _FULL_WIDTH[m.group(1)], text)
    text = _MARK_BEFORE_CJK.sub(lambda m: _FULL_WIDTH[m.group(1)], text)
    return re.sub(rf"(?<={_CJK}) (?={_CJK})", "", text)


@dataclass(frozen=True)
class Piece:
    kind: str       # same | del | ins
    text: str


@dataclass
class SectionDiff:
    section: str
    name: str
    pieces: list[Piece]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SectionDiff:
        return cls(data["section"], data["name"], [Piece(**p) for p in data["pieces"]])


def _sentences(text: str) -> list[str]:
    return [s for line in text.splitlines(keepends=True) for s in _SENTENCE.split(line) if s]


def char_diff(old: str, new: str) -> list[Piece]:
    """What changed from ``old`` to ``new``: equal, deleted and inserted runs of characters."""
    a, b = _sentences(old), _sentences(new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            pieces.append(Piece("same", before))
        elif tag == "replace" and Indel.normalized_similarity(before, after) >= 0.5:
            for op in Indel.opcodes(before, after):
                if op.tag == "equal":
                    pieces.append(Piece("same", before[op.src_start:op.src_end]))
                elif op.tag == "delete":
                    pieces.append(Piece("del", before[op.src_start:op.src_end]))
                else:
                    pieces.append(Piece("ins", after[op.dest_start:op.dest_end]))
        else:
            pieces += [Piece("del", before)] * bool(before) + [Piece("ins", after)] * bool(after)
    return _whole_numbers(_merged(pieces))


_LEADING_DIGITS = re.compile(r"^[\d.,%]+")
_TRAILING_DIGITS = re.compile(r"[\d.,]+$")


def _whole_numbers(pieces: list[Piece]) -> list[Piece]:
    """A changed figure marked whole (``12744`` → ``12745``, not ``4`` → ``5``): the digits of the unchanged
    text next to a change that begins or ends in digits go into both sides of the change."""
    out: list[Piece] = []
    n = 0
    while n < len(pieces):
        if pieces[n].kind == "same":
            out.append(pieces[n])
            n += 1
            continue
        end = n
        while end < len(pieces) and pieces[end].kind != "same":
            end += 1
        old = "".join(p.text for p in pieces[n:end] if p.kind == "del")
        new = "".join(p.text for p in pieces[n:end] if p.kind == "ins")
        head = _TRAILING_DIGITS.search(out[-1].text) if out and out[-1].kind == "same" else None
        if head and (old[:1].isdigit() or new[:1].isdigit()):
            out[-1] = Piece("same", out[-1].text[:head.start()])
            old, new = head.group() + old, head.group() + new
        if end < len(pieces) and (old[-1:].isdigit() or new[-1:].isdigit()):
            tail = _LEADING_DIGITS.search(pieces[end].text)
            if tail:
                old, new = old + tail.group(), new + tail.group()
                pieces = [*pieces[:end], Piece("same", pieces[end].text[tail.end():]), *pieces[end + 1:]]
        out += [Piece("del", old)] * bool(old) + [Piece("ins", new)] * bool(new)
        n = end
    return [p for p in out if p.text]


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Runs of one kind joined, and a deletion before the insertion that replaces it (reads old → new)."""
    out: list[Piece] = []
    for piece in pieces:
        if piece.kind == "del" and out and out[-1].kind == "ins" and piece.text:
            inserted = out.pop()
            out = _merged([*out, piece])
            out.append(inserted)
            continue
        if out and out[-1].kind == piece.kind:
            out[-1] = Piece(piece.kind, out[-1].text + piece.text)
        elif piece.text:
            out.append(piece)
    return out


def excerpt(pieces: list[Piece], context: int = CONTEXT) -> list[Piece]:
    """The changes with ``context`` characters of unchanged text around each; longer stretches cut (……)."""
    out = []
    for n, piece in enumerate(pieces):
        text = piece.text
        if piece.kind == "same" and len(text) > 2 * context:
            head = text[:context] if n > 0 else ""
            tail = text[-context:] if n < len(pieces) - 1 else ""
            text = f"{head}……{tail}"
        out.append(Piece(piece.kind, text))
    return out


def section_diffs(old_doc: dict[str, Any] | None, new_doc: dict[str, Any] | None,
                  context: int | None = None) -> list[SectionDiff]:
    """The prose sections that differ between two parsed reports, in reading form, marked character by
    character (cut to ``context`` around each change when given)."""
    diffs = []
    for section in TEXT_SECTIONS:
        old = as_published(((old_doc or {}).get("text") or {}).get(section))
        new = as_published(((new_doc or {}).get("text") or {}).get(section))
        if old == new:
            continue
        pieces = char_diff(old, new)
        diffs.append(SectionDiff(section, SECTION_NAMES.get(section, section),
                                 excerpt(pieces, context) if context else pieces))
    return diffs

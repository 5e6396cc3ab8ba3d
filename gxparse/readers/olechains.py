"""The sector chains of a compound (OLE) file's content streams, checked before LibreOffice reads the file.

A compound file stores a stream as a chain of sectors, each naming the next in its allocation table. A chain
that loops back on itself, or ends before the stream's declared length, is damage: LibreOffice reads what the
chain gives once and, for a workbook, makes an empty one of it — a report that would read as lacking every
table. Such a file is refused here, naming the stream, instead.
"""

from __future__ import annotations

import olefile

from gxparse.errors import DocumentError

# The streams that hold a binary document's content: Word's text and tables, Excel's workbook (``Book`` before
# Excel 97). A walk of each is bounded by its allocation table's length: a chain longer than the table loops.
_CONTENT_STREAMS = ("WordDocument", "0Table", "1Table", "Workbook", "Book")


def _fault(table: object, start: int, sectors: int) -> str | None:
    """What is wrong with the chain from ``start`` for a stream of ``sectors`` sectors, None when it ends
    (ENDOFCHAIN) after as many at least."""
    sector, walked = start, 0
    while sector != olefile.ENDOFCHAIN:
        if sector >= len(table):
            return "指向不存在的扇区"
        if walked >= len(table):
            return "循环（指回已读过的扇区）"
        sector, walked = table[sector], walked + 1
    return "比流的长度短" if walked < sectors else None


def _damage(ole: olefile.OleFileIO) -> str | None:
    """The first damaged content stream's chain, described; None when every one ends where it should."""
    for entry in ole.direntries:
        if entry is None or entry.entry_type != olefile.STGTY_STREAM or entry.name not in _CONTENT_STREAMS:
            continue
        if entry.size < ole.minisectorcutoff:
            ole.loadminifat()
            table, size = ole.minifat, ole.minisectorsize
        else:
            table, size = ole.fat, ole.sectorsize
        if fault := _fault(table, entry.isectStart, -(-entry.size // size)):
            return f"{entry.name} 流的扇区链{fault}"
    return None


def check_chains(data: bytes, source: str, kind: str) -> None:
    """Raises ``DocumentError`` when a content stream's chain of the compound file loops or ends short; a file
    olefile cannot open is left to LibreOffice, which says what is wrong with it."""
    try:
        with olefile.OleFileIO(data) as ole:
            damage = _damage(ole)
    except Exception:   # olefile raises whatever a damaged file leads it to
        return
    if damage:
        raise DocumentError(source, f"{kind.upper()} 文件损坏：{damage}，无法读取")

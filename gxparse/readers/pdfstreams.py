"""A PDF's compressed streams measured before pdfium reads a page.

pdfium inflates a page's content stream whole and makes an object of every operator in it (about 340 bytes
each): a few kilobytes of Flate data can hold 500 MB of rectangles, and pdfium aborts the process when an
allocation fails. So every Flate stream of the file is inflated here once, in bounded steps and discarded,
and a file whose streams inflate beyond ``limits`` (each, and all together) is refused before pdfium sees it;
a content stream not compressed is held to the same limit as it stands. Images are left out:
they are measured by their pixel size before a page is rendered (``readers.pdf``). pdfium parses a content stream
anew for every page that draws it, so the content the pages draw is counted too, a stream once for each reference
to it (a thousand pages drawing one 8 MB stream draw 8 GB), compressed or not, the references inside compressed
object streams (PDF 1.5: pages kept there) once they are inflated.

pdfium also gives every object a page draws its own copy of the marked content (``BDC``/``BMC``) it lies in:
2,000 texts inside 10,000 nested marks are 20 million marks, and pdfium aborts under 1 GB. Each content stream's
drawing operators are counted, each once for every mark open around it, against ``MAX_MARKED_DRAWS``.

What this cannot see: streams of an encrypted file, filters other than Flate (LZW, RunLength).
"""

from __future__ import annotations

import re
import zlib

from gxparse import limits
from gxparse.errors import LimitExceeded

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_OBJECT = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_REFERENCE = re.compile(rb"(\d+)\s+\d+\s+R\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
# Content streams (pages, form XObjects, patterns, Type 3 glyphs) have none of these keys; font programs,
# object and cross-reference streams, metadata, ICC profiles and embedded files have one.
_NOT_CONTENT = re.compile(rb"/(?:Length1|Length2|Length3|Type\s*/(?:ObjStm|XRef|Metadata|EmbeddedFile)|N\b"
                          rb"|Subtype\s*/(?:Type1C|CIDFontType0C|OpenType|XML))")
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b")
# a drawing operator (text shown, a path painted, an XObject or image drawn, a shading) or a marked content's
# start or end, between delimiters: an operator's letters inside a string count too, an overestimate
_MARKED = re.compile(rb"(?<![^\s\])>])(BDC|BMC|EMC|Tj|TJ|'|\"|Do|sh|EI|[fFSsBb]\*?)(?=[\s\[(/<]|$)")
# objects a content stream draws, each counted once for every marked content open around it (pdfium copies the
# marks into each: ~40 bytes a mark, 4,000,000 are 160 MB); a tagged report nests marks a few deep
MAX_MARKED_DRAWS = 4_000_000
_STEP = 1 << 20       # bytes inflated at a time
_READ = 1 << 16       # compressed bytes fed at a time (most streams end within the first)
_DICT_REACH = 4096    # bytes before a stream keyword where its dictionary starts


class _Marks:
    """The drawing operators of one content stream, fed in pieces, each counted once for every mark open."""

    def __init__(self) -> None:
        self.depth = self.draws = 0
        self.tail = b""

    def feed(self, piece: bytes) -> None:
        text = self.tail + piece
        cut = max(text.rfind(b" "), text.rfind(b"\n"), text.rfind(b"\r")) + 1
        self.tail = text[cut:][-64:]   # an operator cut by the piece's end: its whole token is read with the next
        for m in _MARKED.finditer(text, 0, cut):
            if m[1] in (b"BDC", b"BMC"):
                self.depth += 1
            elif m[1] == b"EMC":
                self.depth = max(self.depth - 1, 0)
            else:
                self.draws += self.depth
        if self.draws > MAX_MARKED_DRAWS:
            raise LimitExceeded(f"PDF 页面内容的标记内容（BDC/BMC）嵌套过深：绘制对象计入标记超过 {MAX_MARKED_DRAWS} 个（上限）")


def _inflated_size(data: memoryview, start: int, limit: int, kept: list[bytes] | None = None,
                   marks: _Marks | None = None) -> int:
    """How many bytes the zlib data at ``start`` inflates to, counted no further than just past ``limit``
    (corrupt data counts what inflated before the fault, as far as pdfium reads it too); the bytes are added to
    ``kept`` where given."""
    inflater = zlib.decompressobj()
    size, position, pending = 0, start, b""
    try:
        while not inflater.eof and size <= limit:
            if not pending:
                if position >= len(data):
                    break
                pending = data[position:position + _READ]
                position += _READ
            step = inflater.decompress(pending, _STEP)
            size += len(step)
            if kept is not None:
                kept.append(step)
            if marks is not None:
                marks.feed(step)
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass
    return size


def check_streams(data: bytes) -> None:
    """Raises ``LimitExceeded`` when a Flate stream of the file inflates beyond its limit, its object streams
    (Flate or not) beyond theirs in all, or the content its pages draw beyond ``limits.MAX_PDF_DRAWN_CONTENT``."""
    view = memoryview(data)
    object_streams = inflated = 0
    contents: dict[int, int] = {}   # a content stream's object number → its bytes (inflated when Flate)
    packed: list[bytes] = []   # the object streams' objects, ≤ MAX_PDF_OBJECT_STREAMS (and a step) in all
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - _DICT_REACH):m.start()]
        objects = list(_OBJECT.finditer(head))
        dictionary = head[objects[-1].end():] if objects else head
        if _OBJECT_STREAM.search(dictionary):
            object_streams += _object_stream(data, m.end(), dictionary, limits.MAX_PDF_OBJECT_STREAMS - object_streams,
                                             packed)
            if object_streams > limits.MAX_PDF_OBJECT_STREAMS:
                raise LimitExceeded(f"PDF 中的对象流（ObjStm）合计过大：解压后超过 "
                                    f"{limits.megabytes(limits.MAX_PDF_OBJECT_STREAMS)}（上限）")
            continue
        if _IMAGE.search(dictionary):
            continue
        content = _NOT_CONTENT.search(dictionary) is None
        if b"/FlateDecode" not in dictionary:
            if content and objects:
                size = contents[int(objects[-1][1])] = _raw_size(data, m.end(), limits.MAX_PDF_DRAWN_CONTENT)
                _check_content_size(size, "")
                _Marks().feed(data[m.end():m.end() + size] + b" ")
            continue
        limit = limits.MAX_PDF_CONTENT_STREAM if content else limits.MAX_PDF_STREAM
        marks = _Marks()
        size = _inflated_size(view, m.end(), min(limit, limits.MAX_PDF_INFLATED - inflated),
                              marks=marks if content else None)
        marks.feed(b" ")
        if content:
            _check_content_size(size, "压缩")
        elif size > limit:
            raise LimitExceeded(f"PDF 中的压缩数据流解压后过大：超过 {limits.megabytes(limit)}（上限）")
        inflated += size
        if inflated > limits.MAX_PDF_INFLATED:
            raise LimitExceeded(f"PDF 中的压缩数据流解压后合计过大：超过 {limits.megabytes(limits.MAX_PDF_INFLATED)}（上限）")
        if content and objects:
            contents[int(objects[-1][1])] = size
    limits.check_drawn_content(_drawn([data, *packed], contents))


def _check_content_size(size: int, compressed: str) -> None:
    """A content stream's bytes, inflated (``compressed`` "压缩") or as they stand (""), against
    ``limits.MAX_PDF_CONTENT_STREAM``: pdfium keeps an object of every operator either way (one page of 1,000,000
    text objects in a 31 MB stream as it stands reached 816 MB)."""
    if size > limits.MAX_PDF_CONTENT_STREAM:
        said = "解压后过大" if compressed else "过大"
        limit = limits.megabytes(limits.MAX_PDF_CONTENT_STREAM)
        raise LimitExceeded(f"PDF 中的{compressed}页面内容流{said}：超过 {limit}（上限）")


def _drawn(texts: list[bytes], contents: dict[int, int]) -> int:
    """Bytes of content the pages draw: each content stream's once for every reference to it (in the whole file:
    a stream's bounds can lie, and a reference hidden in one would go uncounted; about 1 s a 100 MB; and in the
    object streams' ``texts`` inflated), counted no further than just past ``limits.MAX_PDF_DRAWN_CONTENT``."""
    total = 0
    for text in texts if contents else ():
        for m in _REFERENCE.finditer(text):
            total += contents.get(int(m[1]), 0)
            if total > limits.MAX_PDF_DRAWN_CONTENT:
                return total
    return total


def _raw_size(data: bytes, start: int, limit: int) -> int:
    """The bytes of the stream at ``start`` as they stand, up to ``endstream`` (or to the end of the file), counted
    no further than just past ``limit``."""
    end = data.find(b"endstream", start, start + limit + _READ)
    return min(len(data), start + limit + _READ) - start if end < 0 else end - start


def _object_stream(data: bytes, start: int, dictionary: bytes, limit: int, packed: list[bytes]) -> int:
    """The bytes of the object stream at ``start``: inflated (no further than just past ``limit``) and added to
    ``packed``, or as they stand up to ``endstream`` when not compressed (their references are the file's bytes;
    another filter: as they stand too, a lower bound, its references unseen)."""
    if b"/FlateDecode" in dictionary:
        kept: list[bytes] = []
        size = _inflated_size(memoryview(data), start, limit, kept)
        packed.append(b"".join(kept))
        return size
    return _raw_size(data, start, limit)

"""A JPEG's segments and scans, counted before Pillow opens it.

Pillow's JPEG plugin takes time that grows faster than the count of APP1 (Exif) segments: 250 of 64 KB took
0.3 s, 1,000 took 18 s, and 100,000 of 100 bytes (a 10 MB file) 36 s. A real JPEG has about twenty segments
(tables, frame, Exif, XMP, an ICC profile in at most 255 pieces), so the markers are walked first, each segment
skipped by its stated length, and a file with more is refused.

Past the first scan, libjpeg decodes a progressive JPEG one scan at a time, each a pass over every block of the
image however few bytes it holds: 2,000 scans of 64 bytes over 5000 × 5000 px (275 KB) took 2.9 s, 20,000
(1.4 MB) 28 s, and nothing stops it once started. A real progressive JPEG has 6 to 10 scans (a tuned encoder a
few more), so the scans and the tables between them are counted too, over the whole file.
"""

from __future__ import annotations

import re

from gxparse import limits
from gxparse.errors import LimitExceeded

_START_OF_SCAN, _END_OF_IMAGE = 0xDA, 0xD9
_STANDALONE = {0x01, 0xD8, *range(0xD0, 0xD8)}   # markers without a length: TEM, SOI, RST0–7
# in a scan's coded data 0xFF is followed by 0x00 (a stuffed byte) or a restart marker; anything else is a marker
_MARKER_IN_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def check_segments(data: bytes) -> None:
    """Raises ``LimitExceeded`` when the JPEG ``data`` has more than ``MAX_JPEG_SEGMENTS`` markers (fill bytes
    included) in all, or more than ``MAX_JPEG_SCANS`` scans."""
    position, count = _after_segments(data, 2, 0)
    scans = 0
    while position is not None:   # at the start of a scan's coded data
        scans += 1
        if scans > limits.MAX_JPEG_SCANS:
            raise LimitExceeded(f"JPEG 图片的扫描段过多：超过 {limits.MAX_JPEG_SCANS} 段（上限），"
                                "渐进式 JPEG 通常 6–10 段")
        marker = _MARKER_IN_SCAN.search(data, position)
        if marker is None:
            return
        position, count = _after_segments(data, marker.start(), count)


def _after_segments(data: bytes, position: int, count: int) -> tuple[int | None, int]:
    """From a marker at ``position`` (``count`` markers walked before it), each segment skipped by its length up
    to the next scan: where its coded data starts (None at the end of the image or of the bytes), and the markers
    walked by then."""
    while position + 4 <= len(data) and data[position] == 0xFF:
        count += 1
        if count > limits.MAX_JPEG_SEGMENTS:
            raise LimitExceeded(f"JPEG 图片的元数据段过多：超过 {limits.MAX_JPEG_SEGMENTS} 段（上限），"
                                "一张图片通常约 20 段")
        marker = data[position + 1]
        if marker == _END_OF_IMAGE:
            return None, count
        if marker == 0xFF or marker in _STANDALONE:
            position += 1 if marker == 0xFF else 2
            continue
        position += 2 + int.from_bytes(data[position + 2:position + 4], "big")
        if marker == _START_OF_SCAN:
            return position, count
    return None, count

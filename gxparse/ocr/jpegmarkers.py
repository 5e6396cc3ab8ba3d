"""A JPEG's segments before its image data, counted before Pillow opens it.

Pillow's JPEG plugin takes time that grows faster than the count of APP1 (Exif) segments: 250 of 64 KB took
0.3 s, 1,000 took 18 s, and 100,000 of 100 bytes (a 10 MB file) 36 s. A real JPEG has about twenty segments
(tables, frame, Exif, XMP, an ICC profile in at most 255 pieces), so the markers are walked first, each segment
skipped by its stated length, and a file with more is refused.
"""

from __future__ import annotations

from gxparse import limits
from gxparse.errors import LimitExceeded

_START_OF_SCAN, _END_OF_IMAGE = 0xDA, 0xD9
_STANDALONE = {0x01, 0xD8, *range(0xD0, 0xD8)}   # markers without a length: TEM, SOI, RST0–7


def check_segments(data: bytes) -> None:
    """Raises ``LimitExceeded`` when the JPEG ``data`` has more than ``MAX_JPEG_SEGMENTS`` markers (fill bytes
    included) before its first scan."""
    position, count = 2, 0
    while position + 4 <= len(data) and data[position] == 0xFF:
        count += 1
        if count > limits.MAX_JPEG_SEGMENTS:
            raise LimitExceeded(f"JPEG 图片的元数据段过多：图像数据之前超过 {limits.MAX_JPEG_SEGMENTS} 段（上限），"
                                "一张图片通常约 20 段")
        marker = data[position + 1]
        if marker in (_START_OF_SCAN, _END_OF_IMAGE):
            return
        if marker == 0xFF or marker in _STANDALONE:
            position += 1 if marker == 0xFF else 2
            continue
        position += 2 + int.from_bytes(data[position + 2:position + 4], "big")

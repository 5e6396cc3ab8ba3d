"""An RTF file's ``\\binN`` runs checked before LibreOffice reads the file.

``\\binN`` says the next N bytes are binary data. LibreOffice, told of more bytes than the file has left, waits
for them: a 1 KB file declaring ``\\bin2000000000`` held a conversion until its 180 s timeout. A run past the
end of the file is damage, and is refused here instead.
"""

from __future__ import annotations

import re

from gxparse.errors import DocumentError

# the control word and its parameter: more digits than this are past the end of any file gxparse reads
_BIN = re.compile(rb"\\bin(-?\d{1,12})(?!\d) ?|\\bin\d")
_MAX_DIGITS = 12


def check_binary_runs(data: bytes, source: str) -> None:
    """Raises ``DocumentError`` when a ``\\binN`` of the RTF declares more bytes than follow it. Each run's
    bytes are skipped, not searched: binary data may hold ``\\bin`` itself."""
    position = 0
    while m := _BIN.search(data, position):
        if m[1] is None:
            raise DocumentError(source, f"RTF 文件损坏：\\bin 的长度超过 {_MAX_DIGITS} 位数字，无法读取")
        length = int(m[1])
        if length > len(data) - m.end():
            raise DocumentError(source, f"RTF 文件损坏：\\bin 声明 {length} 字节的二进制数据，文件只剩 "
                                        f"{len(data) - m.end()} 字节，无法读取")
        position = m.end() + max(length, 0)

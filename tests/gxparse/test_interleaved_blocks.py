"""Table 四 whose blocks' figures pdftotext writes interleaved, each block's left to right
(gxparse.layout.interleavedblocks)."""

from __future__ import annotations

import time

from gxparse.layout.interleavedblocks import _MAX_SPLITS, StatedSum, interleaved_readings
from tests.gxparse.extracted import EXTRACTED, document_truth, parsed_rendering

# 淮安 2024 (the real published PDF) as pdftotext writes table 四: 行政复议's first four columns, 复议后起诉's,
# 行政复议's 总计, the whole of 未经复议直接起诉, 复议后起诉's 总计
HUAIAN_STREAM = (72, 64, 178, 37, 12, 1, 1, 6, 351, 13, 4, 8, 1, 26, 20)


def test_review_block_named_by_the_stated_total_is_read() -> None:
    """The prose states 行政复议351件: the one block adding up to 351 is 行政复议's, read; the two litigation
    blocks the sums cannot tell apart stay unread, said so."""
    report = parsed_rendering(EXTRACTED / "pdftotext", "001_huaian_szf_2024.published")
    truth = document_truth("001_huaian_szf_2024")["s4"]
    assert report["s4"]["review"] == truth["review"]
    for block in ("litigation_direct", "litigation_after_review"):
        assert all(value is None for value in report["s4"][block].values())
    unread = {cell for f in report["findings"] if f["rule"] == "cell.unread" for cell in f["cells"]}
    assert {f"s4.{b}.upheld" for b in ("litigation_direct", "litigation_after_review")} <= unread
    solved = [f for f in report["findings"] if f["rule"] == "cell.solved_by_sum"]
    assert solved and solved[0]["severity"] == "warning" and "s4.review.total" in solved[0]["cells"]
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_without_a_stated_total_no_block_is_named() -> None:
    readings = interleaved_readings(HUAIAN_STREAM, [])
    assert readings and len({r[:5] for r in readings}) > 1


def test_stated_sums_keep_only_the_readings_they_allow() -> None:
    readings = interleaved_readings(HUAIAN_STREAM, [StatedSum((4,), 351)])
    assert readings and {r[:5] for r in readings} == {(72, 64, 178, 37, 351)}
    assert interleaved_readings(HUAIAN_STREAM, [StatedSum((4,), 350)]) == []


def test_a_stream_not_fifteen_figures_is_not_split() -> None:
    assert interleaved_readings(HUAIAN_STREAM[:-1], [StatedSum((4,), 351)]) is None


def test_too_many_splits_read_nothing_in_bounded_time() -> None:
    """Fifteen zeros split every way (126,126 splits): past ``_MAX_SPLITS`` nothing is read, quickly."""
    started = time.perf_counter()
    assert interleaved_readings((0,) * 15, [StatedSum((4,), 0)]) is None
    assert time.perf_counter() - started < 5
    assert _MAX_SPLITS < 126_126

"""Documents are read in worker processes within limits (crawler.documents.parsing), and the parse pipeline keeps, marks
or drops them (crawler.pipelines): a bomb or a document that takes too long costs its own document only."""

from __future__ import annotations

import asyncio
import contextlib
import io
import time

import numpy as np
import psutil
import pytest
from PIL import Image
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.documents.parsing import ParseLimits, ParseOutcome, ParserPool, _read
from crawler.items import ReportDocument
from crawler.pipelines import ParsePipeline
from gxparse.model import Report
from gxparse.parser import INTERNAL_ERROR
from simsite.documents import report_pdf
from simsite.figures import Agency, report_series
from tests.gxparse.formats.build import Fixtures
from tests.gxparse.hostile.attacks import BY_NAME, attack_bytes
from tests.gxparse.seeds import seed_bytes



def _noise(pages: int) -> bytes:
    """A TIFF of A4 pages of random specks at 200 dpi: seconds of OCR a page."""
    rng = np.random.default_rng(12)
    frame = Image.fromarray((rng.random((2339, 1654)) > 0.5).astype(np.uint8) * 255).convert("1")
    out = io.BytesIO()
    frame.save(out, format="TIFF", save_all=True, append_images=[frame] * (pages - 1), compression="group4",
               dpi=(200, 200))
    return out.getvalue()


SLOW = _noise(4)


@pytest.fixture(scope="module")
def report() -> bytes:
    return report_pdf(report_series(Agency("jyj", "临江市教育局", "department"), 1)[2022])


@pytest.fixture(scope="module")
def quick_pool():
    """A pool whose documents may take 6 s of wall clock (4 pages of noise take 12–24 s of OCR)."""
    pool = ParserPool(ParseLimits(wall_seconds=6.0))
    yield pool
    pool.close()


def _parse(pool: ParserPool, body: bytes, source: str) -> ParseOutcome:
    return asyncio.run(pool.parse(body, source))


def test_a_document_is_read_in_a_worker(quick_pool):
    outcome = _parse(quick_pool, seed_bytes("kaifeng_2021"), "kaifeng.txt")
    assert outcome.is_annual_report and outcome.unreadable is None


def test_a_document_gxparse_refuses_is_unreadable_with_its_reason(quick_pool):
    outcome = _parse(quick_pool, attack_bytes(BY_NAME["pdf-huge-page"]), "huge.pdf")
    assert outcome.report is None and "页面过大" in outcome.unreadable


def test_a_document_over_the_wall_clock_limit_is_killed_and_the_next_one_is_read(quick_pool):
    slow = _parse(quick_pool, SLOW, "noise.tif")
    after = _parse(quick_pool, seed_bytes("kaifeng_2021"), "kaifeng.txt")
    assert "解析超时：超过 6 秒" in slow.unreadable and after.is_annual_report


def test_a_document_over_the_cpu_limit_is_killed_by_the_kernel():
    pool = ParserPool(ParseLimits(cpu_seconds=1.0, wall_seconds=60.0))
    try:
        outcome = _parse(pool, SLOW, "noise.tif")
    finally:
        pool.close()
    assert "CPU 时间超过 1 秒" in outcome.unreadable


def test_a_document_beyond_the_memory_limit_is_unreadable_and_the_next_one_is_read():
    pool = ParserPool(ParseLimits(memory=100 << 20))
    try:
        outcome = _parse(pool, SLOW * 10, "noise.tif")    # 40 MB: the worker cannot even receive it
        after = _parse(pool, seed_bytes("kaifeng_2021"), "kaifeng.txt")
    finally:
        pool.close()
    assert "内存上限 100 MB" in outcome.unreadable and after.is_annual_report


def test_documents_are_read_side_by_side_without_the_event_loop_waiting(report):
    pool = ParserPool(ParseLimits(wall_seconds=6.0, workers=2))

    async def both():
        return await asyncio.gather(pool.parse(SLOW, "noise.tif"), pool.parse(report, "report.pdf"))

    try:
        slow, good = asyncio.run(both())
    finally:
        pool.close()
    assert slow.unreadable and good.is_annual_report


# -- the pipeline ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pipeline():
    crawler = get_crawler(settings_dict={"GXMON_PARSE_TIMEOUT": 6.0, "GXMON_PARSE_ALL": True})
    pipeline = ParsePipeline.from_crawler(crawler)
    yield pipeline
    pipeline.close_spider()


def _item(body: bytes, verdict: str = "report", status: int = 200) -> ReportDocument:
    url = "http://www.linjiang.gov.cn/ndbg/a.pdf"
    return ReportDocument("linjiang", url, url, status, {}, body, "application/pdf", verdict=verdict)


def _process(pipeline: ParsePipeline, item: ReportDocument) -> ReportDocument:
    return asyncio.run(pipeline.process_item(item))


def test_a_document_that_may_be_a_report_is_kept_when_gxparse_reads_one(pipeline, report):
    item = _process(pipeline, _item(report, "maybe"))
    assert item.report["is_annual_report"] and item.unreadable is None


def test_a_document_that_may_be_a_report_is_dropped_when_it_is_another_document(pipeline):
    other = report_pdf({"title": "临江市司法局2021年法治政府建设年度报告", "template": "v2021", "s2": None,
                        "s3": None, "s4": None, "s1_text": "全面推进依法行政。"})
    with pytest.raises(DropItem):
        _process(pipeline, _item(other, "maybe"))


def test_an_unreadable_document_that_may_be_a_report_is_dropped_and_counted_as_a_failure(pipeline):
    with pytest.raises(DropItem):
        _process(pipeline, _item(attack_bytes(BY_NAME["pdf-huge-page"]), "maybe"))
    assert "页面过大" in pipeline.crawler.stats.get_value("gxmon/failures")[-1]["reason"]


def test_a_bomb_titled_as_a_report_is_kept_as_unreadable_with_its_reason(pipeline):
    item = _process(pipeline, _item(attack_bytes(BY_NAME["docx-gridspan"])))
    assert item.report is None and "表格过大" in item.unreadable


def test_a_slow_report_is_kept_as_unreadable(pipeline):
    assert "解析超时" in _process(pipeline, _item(SLOW)).unreadable


def test_a_not_modified_answer_is_not_parsed(pipeline):
    item = _process(pipeline, _item(b"", status=304))
    assert (item.report, item.unreadable) == (None, None)


def test_a_plain_crawl_reads_only_what_titles_cannot_decide(report):
    pipeline = ParsePipeline.from_crawler(get_crawler())
    try:
        item = _process(pipeline, _item(report))
    finally:
        pipeline.close_spider()
    assert (item.report, item.unreadable) == (None, None)


def test_a_worker_stopped_over_its_wall_clock_leaves_no_libreoffice_running(tmp_path):
    # One seed printed to DOC, not the five: a soffice run of one file costs half the CPU of five.
    doc = Fixtures(tmp_path, seeds=["kaifeng_2021"]).doc("kaifeng_2021").read_bytes()   # LibreOffice: seconds to start
    started = time.time()
    pool = ParserPool(ParseLimits(wall_seconds=1.0))
    try:
        outcome = _parse(pool, doc, "slow.doc")
    finally:
        pool.close()
    time.sleep(1)
    assert "解析超时：超过 1 秒" in outcome.unreadable
    assert _orphaned_conversions(started) == []


def _orphaned_conversions(since: float) -> list[str]:
    """LibreOffice conversions started since ``since`` that no Python process (a test, a parse worker) is an
    ancestor of any more: left running by a worker that was stopped."""
    found = []
    for process in psutil.process_iter(["cmdline", "create_time", "status"]):
        line = " ".join(process.info["cmdline"] or [])
        if ("gxparse-office-" not in line or process.info["create_time"] < since
                or process.info["status"] == psutil.STATUS_ZOMBIE):
            continue
        with contextlib.suppress(psutil.NoSuchProcess):
            if not any("python" in (parent.name() or "") for parent in process.parents()):
                found.append(line)
    return found


def test_a_bug_past_the_parser_is_told_in_chinese_and_its_type_logged(monkeypatch, caplog):
    """parse_document maps a reader's bug to a DocumentError; a bug after it (writing the report out) is the
    worker's to word: an officer reads it, the exception's type is for the log."""
    def failing(self):
        raise KeyError("row")
    monkeypatch.setattr(Report, "to_dict", failing)
    outcome = _read(b"some text", "bug.txt")
    assert outcome.unreadable == INTERNAL_ERROR and outcome.report is None
    assert "KeyError" in caplog.text

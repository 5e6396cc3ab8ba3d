"""crawler.extensions.LongLivedHeap: a crawl process's objects are moved out of the garbage collector's way once
its engine started and again once it stopped, so that neither the crawl's full collections nor the process's
exit walk them (seconds of each crawl process's exit on a loaded machine)."""

from __future__ import annotations

import gc

import pytest
from scrapy import signals
from scrapy.extension import ExtensionManager
from scrapy.utils.test import get_crawler

from crawler.extensions import LongLivedHeap
from crawler.settings import EXTENSIONS


@pytest.fixture
def crawler():
    crawler = get_crawler(settings_dict={"EXTENSIONS": EXTENSIONS})
    gc.unfreeze()
    yield crawler
    gc.unfreeze()   # this test process's heap is collected as before


def test_the_crawls_extensions_hold_it(crawler):
    assert any(isinstance(ext, LongLivedHeap) for ext in ExtensionManager.from_crawler(crawler).middlewares)


@pytest.mark.parametrize("signal", [signals.engine_started, signals.engine_stopped], ids=["started", "stopped"])
def test_the_heap_is_frozen_when_the_engine_starts_and_stops(crawler, signal):
    ExtensionManager.from_crawler(crawler)
    made_before = []   # a tracked object: among those the collector walks until frozen
    assert any(o is made_before for o in gc.get_objects())
    crawler.signals.send_catch_log(signal)
    assert not any(o is made_before for o in gc.get_objects())

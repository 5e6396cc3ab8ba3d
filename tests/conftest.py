"""Settings for the whole suite."""

import pytest
from hypothesis import settings

# No per-example deadline: on a loaded machine (CI runs two workers on two cores) a 200 ms example is not a
# bug. Speed is measured in benchmarks/; bounded time on hostile input is tested by the limits themselves.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")

# The files that take longest, longest first (share of the suite's time in a full run's junit times, 6 Dec):
# each runs whole on one xdist worker (--dist loadfile), so one started last keeps that worker busy minutes
# after the other is done. xdist's own order (most tests first) put test_demo, one test and 7 %, last of all;
# pytest_configure turns that order off (as --no-loadscope-reorder does) so this one holds. The rest keep theirs.
LONGEST_FILES = (
    "tests/distributed/test_distributed_crawl.py",   # 11.6 %: workers killed, Redis restarted mid-crawl
    "tests/monitor/test_crawl.py",                   # 11.3 %: gxmon crawls and schedulers as processes
    "tests/monitor/test_demo.py",                    # 7.0 %: one test, the whole demo
    "tests/gxparse/hostile/test_attacks.py",         # 4.7 %
    "tests/gxparse/test_extracted.py",               # 4.5 %
    "tests/gxparse/hostile/test_fuzz.py",            # 4.0 %
    "tests/web/test_serve.py",                       # 3.4 %
    "tests/gxparse/formats/test_ocr_reports.py",     # 3.3 %
    "tests/web/test_load.py",                        # 2.8 %
    "tests/web/test_e2e.py",                         # 2.4 %
    "tests/gxparse/test_ocr_slices.py",              # 2.3 %
    "tests/crawler/test_crawl_limits.py",            # 2.1 %
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: n for n, path in enumerate(LONGEST_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config.option, "loadscopereorder"):   # xdist loaded
        config.option.loadscopereorder = False

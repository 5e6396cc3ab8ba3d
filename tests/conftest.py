"""Settings for the whole suite."""

import pytest
from hypothesis import settings

# No per-example deadline: on a loaded machine (CI runs two workers on two cores) a 200 ms example is not a
# bug. Speed is measured in benchmarks/; bounded time on hostile input is tested by the limits themselves.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")

# The files that take longest, longest first (share of both workers' time in a full run's
# --durations=0 at ab1bee8, quiet, 7 Dec 22:10, summed per file):
# each runs whole on one xdist worker (--dist loadfile), so one started last keeps that worker busy minutes
# after the other is done. xdist's own order (most tests first) put test_demo, one test and 7 %, last of all;
# pytest_configure turns that order off (as --no-loadscope-reorder does) so this one holds. The rest keep theirs.
LONGEST_FILES = (
    "tests/gxparse/formats/test_ocr_reports.py",     # 8.7 %
    "tests/gxparse/hostile/test_attacks.py",         # 7.7 %
    "tests/monitor/test_crawl.py",                   # 7.4 %
    "tests/distributed/test_distributed_crawl.py",   # 5.4 %
    "tests/gxparse/test_extracted.py",               # 3.6 %
    "tests/crawler/test_crawl_families.py",          # 2.9 %
    "tests/crawler/test_parsing.py",                 # 2.8 %
    "tests/monitor/test_demo.py",                    # 2.5 %
    "tests/gxparse/formats/test_ocr.py",             # 2.3 %
    "tests/web/test_e2e.py",                         # 1.9 %
    "tests/gxparse/formats/test_blank_marks.py",     # 1.9 %
    "tests/crawler/test_crawl_limits.py",            # 1.9 %
    "tests/monitor/test_crawl_isolation.py",         # 1.8 %
    "tests/web/test_load.py",                        # 1.8 %
    "tests/gxparse/hostile/test_fuzz.py",            # 1.6 %
    "tests/gxparse/formats/test_spreadsheet.py",     # 1.3 %
    "tests/crawler/test_crawl_rendered_limits.py",   # 1.3 %
    "tests/gxparse/formats/test_web_documents.py",   # 1.3 %
    "tests/web/test_serve.py",                       # 1.3 %
    "tests/crawler/test_crawl_hostile_loops.py",     # 1.3 %
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: n for n, path in enumerate(LONGEST_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config.option, "loadscopereorder"):   # xdist loaded
        config.option.loadscopereorder = False

"""Importing gxparse and reading a text loads no numerical library: the crawl's parse workers import gxparse under
an address-space limit (crawler/documents/parsing.py), and numpy alone maps ~120 MB. Readers needing numpy (PDF,
OCR, positioned HTML) are imported on first use."""

import subprocess
import sys

PARSE_AND_LIST = """
import sys
from gxparse import parse_document
parse_document("某市人民政府2024年政府信息公开工作年度报告".encode(), "page.txt")
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_importing_gxparse_and_reading_a_text_loads_neither_numpy_nor_fonttools():
    loaded = subprocess.run([sys.executable, "-c", PARSE_AND_LIST], capture_output=True, text=True, check=True,
                            timeout=120).stdout.split()
    assert "numpy" not in loaded and "fontTools" not in loaded


STARTS = """
import sys
import crawler.run, crawler.spiders.reports, monitor.cli
print("gxparse.parser" in sys.modules)
"""


def test_a_crawl_child_and_the_cli_start_without_importing_the_parser():
    # each crawl child and each gxmon command paid ~0.4 s CPU for the parser before it parsed anything
    loaded = subprocess.run([sys.executable, "-c", STARTS], capture_output=True, text=True, check=True, timeout=120)
    assert loaded.stdout.split() == ["False"]

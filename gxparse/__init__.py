"""gxparse: 政府信息公开工作年度报告 in (bytes), structured report with its consistency findings out.

A pure library: no network, no database. See docs/architecture.md for the contract.
"""

import logging
from typing import Any

from gxparse.errors import DocumentError
from gxparse.model import Cell, Finding, NarrativeFigure, Report
from gxparse.version import PARSER_VERSION

# A library logs, the application decides where to: a failure escaping a reader is logged with its
# traceback (``parser.parse_document``) for an application that configured logging, silent otherwise.
logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    """``parse_document`` is imported on first use: the parser and its readers take ~0.4 s to import, which every
    crawl child and every ``gxmon`` command paid even when it only needs the template or ``normalize``."""
    if name == "parse_document":
        from gxparse.parser import parse_document
        return parse_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Cell", "DocumentError", "Finding", "NarrativeFigure", "PARSER_VERSION", "Report", "parse_document"]

"""gxparse: 政府信息公开工作年度报告 in (bytes), structured report with its consistency findings out.

A pure library: no network, no database. See docs/architecture.md for the contract.
"""

import logging

from gxparse.errors import DocumentError
from gxparse.model import Cell, Finding, NarrativeFigure, Report
from gxparse.parser import parse_document
from gxparse.version import PARSER_VERSION

# A library logs, the application decides where to: a failure escaping a reader is logged with its
# traceback (``parser.parse_document``) for an application that configured logging, silent otherwise.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Cell", "DocumentError", "Finding", "NarrativeFigure", "PARSER_VERSION", "Report", "parse_document"]

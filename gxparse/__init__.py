"""gxparse: 政府信息公开工作年度报告 in (bytes), structured report with its consistency findings out.

A pure library: no network, no database. See docs/architecture.md for the contract.
"""

from gxparse.errors import DocumentError
from gxparse.model import Cell, Finding, NarrativeFigure, Report
from gxparse.parser import parse_document
from gxparse.version import PARSER_VERSION

__all__ = ["Cell", "DocumentError", "Finding", "NarrativeFigure", "PARSER_VERSION", "Report", "parse_document"]

"""Reports the simulated site publishes with a mistake in their tables, as real agencies do.

Every generated report is consistent (``simsite.figures``); a few are printed wrong so that a crawl of the
site has something for the consistency checks to find. The mistakes are data: which agency and year, which
cells, and how far off the printed figure is. They apply to every seed and size (the agencies named exist
on every site) and survive revisions, which change other cells. The prose keeps the true figures.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Misprint:
    """``cells`` (report-json paths) are printed ``delta`` above the true figure; ``rules`` must then fire."""

    agency_id: str
    year: int
    cells: tuple[str, ...]
    delta: int
    rules: tuple[str, ...]
    mistake: str

    @property
    def report_id(self) -> str:
        return f"{self.agency_id}-{self.year}"


MISPRINTS = (
    # A county department's 2021 report (HTML on the demo site, in the county column tests crawl).
    Misprint("c00-d01", 2021, ("s3.result.granted.natural_person",), 10, ("s3.row_sum", "s3.results_sum"),
             "one figure mistyped: the 予以公开 row's 总计 is not the sum of its columns"),
    # A city-hosted department's 2022 report, in the city's own column.
    Misprint("xfj", 2022, ("s3.new_received.natural_person", "s3.new_received.total"), 1, ("s3.balance",),
             "one application counted twice under 本年新收: 新收 + 上年结转 ≠ 办结 + 结转下年度"),
)
_BY_REPORT = {m.report_id: m for m in MISPRINTS}


def misprint_of(report_id: str) -> Misprint | None:
    return _BY_REPORT.get(report_id)


def apply(report: dict, misprint: Misprint) -> dict:
    """The report as printed: a copy with the misprinted cells off by ``delta``."""
    tables = {}
    for path in misprint.cells:
        table, rest = path.split(".", 1)
        row, column = rest.rsplit(".", 1)
        rows = tables.setdefault(table, {k: dict(v) for k, v in report[table].items()})
        rows[row][column] += misprint.delta
    return {**report, **tables}

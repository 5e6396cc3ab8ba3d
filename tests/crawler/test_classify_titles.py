"""The frozen table of titles real agencies give their annual reports and the look-alikes beside them
(tests/files/report_titles.tsv): every row's verdict, year and agency, all mismatches reported at once."""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from pathlib import Path

from crawler.steering.classify import MAX_TITLE_CHARS, Verdict, classify_title, title_agency, title_year

TABLE = Path(__file__).parents[1] / "files" / "report_titles.tsv"
NONE = "-"


@dataclass(frozen=True)
class TitleRow:
    line: int
    title: str
    verdict: Verdict
    year: str      # NONE for none, "" when the row does not say
    agency: str


def _rows() -> list[TitleRow]:
    rows = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        title, verdict, year, agency = (line.split("\t") + ["", ""])[:4]
        rows.append(TitleRow(number, title.replace("\\n", "\n"), Verdict(verdict), year, agency))
    return rows


def _mismatches(row: TitleRow) -> list[str]:
    found = []
    if (verdict := classify_title(row.title)) is not row.verdict:
        found.append(f"verdict {verdict.value}, expected {row.verdict.value}")
    if row.year and (year := title_year(row.title)) != (None if row.year == NONE else int(row.year)):
        found.append(f"year {year}, expected {row.year}")
    if row.agency and (agency := title_agency(row.title)) != (None if row.agency == NONE else row.agency):
        found.append(f"agency {agency}, expected {row.agency}")
    return [f"line {row.line} {row.title!r}: {m}" for m in found]


def test_the_table_is_large_enough_to_mean_something():
    rows = _rows()
    assert len(rows) >= 120
    assert {r.verdict for r in rows} == set(Verdict)


def test_every_title_of_the_table_reads_as_expected():
    mismatches = [m for row in _rows() for m in _mismatches(row)]
    assert not mismatches, f"{len(mismatches)} mismatches:\n" + "\n".join(mismatches)


# 100 KB texts that made the patterns backtrack (a run of dots not at the end took minutes at f51af5f)
HOSTILE_TEXTS = ["." * 100_000 + "x", "…" * 100_000 + "x", "关于" * 50_000, "2023" * 25_000, "政府信息公开" * 16_000,
                 "人民" * 50_000 + "政府信息公开工作年度报告", " 2" * 50_000]
HOSTILE_SECONDS = 20   # each takes milliseconds; the rest is a forked process's start on a loaded machine


def _read_every_way(texts: list[str]) -> None:
    for text in texts:
        classify_title(text), title_agency(text), title_year(text)


def test_a_title_of_any_length_is_read_in_bounded_time():
    assert MAX_TITLE_CHARS < min(len(text) for text in HOSTILE_TEXTS)
    process = multiprocessing.get_context("fork").Process(target=_read_every_way, args=(HOSTILE_TEXTS,))
    process.start()
    process.join(HOSTILE_SECONDS)
    still_reading = process.is_alive()
    process.kill()
    process.join()
    assert not still_reading and process.exitcode == 0

"""Writing exported versions: CSV for Excel and WPS, JSON Lines for programs, an .xlsx workbook.

CSV starts with a UTF-8 BOM (Excel and WPS on Chinese Windows read a file without one as GBK and garble
it), with Chinese headers unless the English keys are asked for. Times are in the configured zone, named in
the header. Text from the sites goes out as ``monitor.output`` prints it: CSV and sheet cells without control
characters, JSON with them escaped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from monitor.export.columns import GROUP_NAMES, ExportColumn, figure_columns, group_of, identity_columns
from monitor.export.rows import ExportedVersion
from monitor.output import cell_value, csv_cell, json_text, looks_like_formula
from monitor.timeutil import local_time

BOM = "\ufeff"


@dataclass(frozen=True)
class Layout:
    """The columns of one file or sheet and how its cells are written."""

    columns: list[ExportColumn]
    zone: str
    keys: bool = False      # headers are the English keys (for programs)

    @classmethod
    def of(cls, template: str, zone: str, keys: bool = False) -> Layout:
        return cls([*identity_columns(zone), *figure_columns(template)], zone, keys)

    @property
    def header(self) -> list[str]:
        return [c.key if self.keys else c.header for c in self.columns]

    def cells(self, version: ExportedVersion) -> list[Any]:
        return [self._cell(version.value(c.key)) for c in self.columns]

    def sheet_cells(self, version: ExportedVersion, sheet: Any) -> list[Any]:
        """The row for an .xlsx sheet: text as published, in text cells (see ``_text_cell``)."""
        return [self._sheet_cell(version.value(c.key), sheet) for c in self.columns]

    def _cell(self, value: Any) -> Any:
        if isinstance(value, datetime):
            return local_time(value, self.zone, labelled=False)
        return "" if value is None else csv_cell(value)

    def _sheet_cell(self, value: Any, sheet: Any) -> Any:
        if isinstance(value, datetime):
            return local_time(value, self.zone, labelled=False)
        value = "" if value is None else cell_value(value)
        return _text_cell(sheet, value) if isinstance(value, str) and looks_like_formula(value) else value


def _start_csv(out: IO[str], layout: Layout) -> Any:
    """Write the BOM and the header; returns the csv writer for the rows."""
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(layout.header)
    return writer


def write_csv(versions: Iterable[ExportedVersion], out: IO[str], layout: Layout) -> int:
    """One CSV (BOM, header, a row per version) on an open text stream; returns the number of rows."""
    writer = _start_csv(out, layout)
    count = 0
    for version in versions:
        writer.writerow(layout.cells(version))
        count += 1
    return count


def write_csv_folder(versions: Iterable[ExportedVersion], folder: Path, zone: str, keys: bool = False) -> dict[Path, int]:
    """One CSV per template version in ``folder`` (``versions-v2021.csv``, ``versions-v2019.csv``, and
    ``versions-other.csv`` for versions of no known template), each made when its first version comes."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[IO[str], Any, Layout]] = {}
    counts: dict[Path, int] = {}
    try:
        for version in versions:
            group = group_of(version.template)
            if group not in files:
                path = folder / f"versions-{group}.csv"
                handle = path.open("w", encoding="utf-8", newline="")
                layout = Layout.of(group, zone, keys)
                files[group] = (handle, _start_csv(handle, layout), layout)
                counts[path] = 0
            handle, writer, layout = files[group]
            writer.writerow(layout.cells(version))
            counts[Path(handle.name)] += 1
    finally:
        for handle, _, _ in files.values():
            handle.close()
    return counts


def write_jsonl(versions: Iterable[ExportedVersion], out: IO[str]) -> int:
    """One JSON object per version: the identity under its English keys, times in ISO UTC, the cells it has."""
    count = 0
    for version in versions:
        row = {c.key: version.value(c.key) for c in identity_columns("UTC")}
        out.write(json_text({**row, **version.figures}) + "\n")
        count += 1
    return count


def write_xlsx(versions: Iterable[ExportedVersion], path: Path, zone: str, keys: bool = False) -> dict[str, int]:
    """An .xlsx workbook with a sheet per template version (openpyxl, written as it streams)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheets: dict[str, tuple[Any, Layout]] = {}
    counts: dict[str, int] = {}
    for version in versions:
        group = group_of(version.template)
        if group not in sheets:
            layout = Layout.of(group, zone, keys)
            sheet = book.create_sheet(GROUP_NAMES[group])
            sheet.freeze_panes = "A2"
            sheet.append([_bold(WriteOnlyCell(sheet, value=h), Font(bold=True)) for h in layout.header])
            sheets[group] = (sheet, layout)
            counts[GROUP_NAMES[group]] = 0
        sheet, layout = sheets[group]
        sheet.append(layout.sheet_cells(version, sheet))
        counts[GROUP_NAMES[group]] += 1
    if not sheets:
        sheet = book.create_sheet(GROUP_NAMES["v2021"])
        sheet.append(Layout.of("v2021", zone, keys).header)
    book.save(path)
    return counts


def _text_cell(sheet: Any, text: str) -> Any:
    """A cell holding ``text`` as text: openpyxl makes a string starting with ``=`` a formula, and a CSV's
    apostrophe would show in a sheet. The quote prefix keeps it text when the officer edits it in Excel or WPS."""
    from openpyxl.cell import WriteOnlyCell
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def _bold(cell: Any, font: Any) -> Any:
    cell.font = font
    return cell

"""``gxmon export``: every archived version with every figure, as CSV or JSON Lines.

CSV columns are the version's identity and counts, then every cell path the template knows (both the
v2021 and v2019 layouts), so one header fits every row; an absent cell is empty. JSON Lines objects hold
the same keys, with only the cells the version has. Text from the sites goes out as ``monitor.output``
prints it: CSV cells without control characters, JSON with them escaped.
"""

from __future__ import annotations

import csv
from typing import IO

from sqlmodel import Session

from gxparse.template import S2_ITEMS, S3_ALL_ROWS, S3_COLUMNS, S4_BLOCKS, S4_COLUMNS
from monitor.archive.queries import EXPORT_COLUMNS, export_versions
from monitor.archive.store import BlobStore
from monitor.output import csv_cell, json_text


def figure_columns() -> list[str]:
    """Every cell path of the official tables, in table order, once."""
    paths = [f"s2.{item.key}.{c.key}" for items in S2_ITEMS.values() for item in items for c in item.columns]
    paths += [f"s3.{row.key}.{c.key}" for row in S3_ALL_ROWS for c in S3_COLUMNS]
    paths += [f"s4.{block.key}.{c.key}" for block in S4_BLOCKS for c in S4_COLUMNS]
    return list(dict.fromkeys(paths))


def write_export(session: Session, store: BlobStore, fmt: str, out: IO[str]) -> int:
    """Write the export to ``out``; returns the number of versions."""
    count = 0
    if fmt == "jsonl":
        for row in export_versions(session, store):
            out.write(json_text(row) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(out, fieldnames=[*EXPORT_COLUMNS, *figure_columns()], extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in export_versions(session, store):
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        count += 1
    return count

"""Cells given by their grid slot and spans → an HTML table: how services and layout tools that list a table's
cells (Baidu's table OCR, docling, Azure, Textract) are handed to the HTML reader."""

from __future__ import annotations

import html


def cells_table(cells: list[tuple[int, int, int, int, str]]) -> str:
    """Cells given as (row, column, rowspan, colspan, text) as an HTML table with spans."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for r0, c0, rs, cs, text in cells:
        span = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
        rows.setdefault(r0, []).append((c0, f"<td{span}>{html.escape(text)}</td>"))
    # a row every cell of which a span from above covers is still a row: the spans count it
    return "<table>" + "".join("<tr>" + "".join(td for _, td in sorted(rows.get(r, []))) + "</tr>"
                               for r in range(min(rows, default=0), max(rows, default=-1) + 1)) + "</table>"

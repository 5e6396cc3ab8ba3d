"""A report as many CMS article pages print it: every cell its own, group labels repeated on each row, columns
of unequal width (``<td width>`` as Word writes when a table is pasted into an editor).

Table 三 prints 三、本年度办理结果 and the sub-group (（三）不予公开 …) in every row they cover instead of one cell
spanning them, and 法人或其他组织 over its five sub-columns; the label columns are wide, the figure columns of
several widths. Printed by a browser and read by poppler's ``pdftotext`` (no ``-layout``), the figures of one
row fall into several text blocks (a block ends at a wide gap): a row's seven figures come as two or three
lines, the label before, after or around them. Tables 二 and 四 likewise, with columns of unequal width.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from gxparse.template import (
    S2_CONTENT_HEADER,
    S2_ITEMS,
    S3_APPLICANT_HEADER,
    S3_COLUMNS,
    S3_CORNER_NOTE,
    S3_ORG_HEADER,
    S3_RESULTS_GROUP,
    S3_ROWS,
    S4_BLOCKS,
    S4_COLUMNS,
    S4_LITIGATION_HEADER,
    SECTIONS,
)

# widths in px of table 三's columns: result group, sub-group, item label, then the seven figure columns
S3_LABEL_WIDTHS = (70, 70, 190)
S3_FIGURE_WIDTHS = (40, 30, 30, 60, 60, 30, 40)
S4_FIGURE_WIDTHS = (34, 34, 34, 52, 34)
S2_WIDTHS = (150, 90, 60, 110)


@dataclass(frozen=True)
class Look:
    """How the tables are set, in px: the cells' font size and padding above and below, the widths of table 三's
    seven figure columns; and the paper (on A3 table 三 fits a page, on letter paper it runs on to the next)."""

    size: int
    padding: int
    figures: tuple[int, ...]
    paper: str


# pdftotext splits a row of "cms" into blocks (its seven figures on three lines: 3, 1 and 3), keeps a row of
# "cms-large" whole with the pieces of its group labels before and after it, and writes the columns of the rows
# on its second page a column at a time
LOOKS = {"cms": Look(12, 6, (44, 30, 30, 58, 30, 30, 30), "A3"),
         "cms-large": Look(14, 4, (44, 30, 30, 58, 30, 30, 44), "letter")}


def _style(look: Look) -> str:
    size, padding = look.size, look.padding
    keep = "table{break-inside:avoid}" if look.paper == "A3" else ""   # on letter paper table 三 runs on as it falls
    return (f"@page{{size:{look.paper}}}{keep}body{{font-family:'Noto Sans CJK SC',sans-serif;font-size:14px;"
            "width:720px}table{border-collapse:collapse;table-layout:fixed}"
            f"td{{border:1px solid #000;padding:{padding}px 2px;text-align:center;font-size:{size}px;"
            "word-break:break-all}")


def _cell(content: object, width: int | None = None, colspan: int = 1, rowspan: int = 1) -> str:
    attrs = (f' width="{width}"' if width else "") + (f' colspan="{colspan}"' if colspan > 1 else "") \
        + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    return f"<td{attrs}>{escape('' if content is None else str(content))}</td>"


def _table(rows: list[list[str]]) -> str:
    return "<table>\n" + "".join("<tr>" + "".join(r) + "</tr>\n" for r in rows) + "</table>\n"


def _s2_table(s2: dict, template: str) -> str:
    rows, caption = [], None
    for item in S2_ITEMS[template]:
        span = 4 - len(item.columns)
        if item.caption != caption:
            caption = item.caption
            rows.append([_cell(caption, colspan=4)])
            rows.append([_cell(S2_CONTENT_HEADER, S2_WIDTHS[0])]
                        + [_cell(c.label, S2_WIDTHS[1 + n], colspan=span if n == 0 else 1)
                           for n, c in enumerate(item.columns)])
        values = s2.get(item.key) or {}
        rows.append([_cell(item.label)] + [_cell(values.get(c.key), colspan=span if n == 0 else 1)
                                           for n, c in enumerate(item.columns)])
    return _table(rows)


def _s3_table(s3: dict, template: str, widths: tuple[int, ...]) -> str:
    figures = [_cell(c.label, w) for c, w in zip(S3_COLUMNS, widths)]
    rows = [[_cell(S3_CORNER_NOTE, sum(S3_LABEL_WIDTHS), colspan=3, rowspan=3), _cell(S3_APPLICANT_HEADER, colspan=7)],
            [figures[0].replace("<td", '<td rowspan="2"', 1), _cell(S3_ORG_HEADER, colspan=5),
             figures[-1].replace("<td", '<td rowspan="2"', 1)],
            figures[1:-1]]
    for row in S3_ROWS[template]:
        values = s3.get(row.key) or {}
        cells = [_cell(values.get(c.key)) for c in S3_COLUMNS]
        if not row.key.startswith("result."):
            labels = [_cell(row.label, colspan=3)]
        elif row.group is None:
            labels = [_cell(S3_RESULTS_GROUP), _cell(row.label, colspan=2)]
        else:   # the group labels repeated on every row they cover
            labels = [_cell(S3_RESULTS_GROUP), _cell(row.group), _cell(row.label)]
        rows.append(labels + cells)
    return _table(rows)


def _s4_table(s4: dict) -> str:
    review, *litigation = S4_BLOCKS
    widths = [w for _ in S4_BLOCKS for w in S4_FIGURE_WIDTHS]
    return _table([
        [_cell(review.label, colspan=5), _cell(S4_LITIGATION_HEADER, colspan=10)],
        [_cell(c.label, rowspan=2) for c in S4_COLUMNS] + [_cell(b.label, colspan=5) for b in litigation],
        [_cell(c.label) for _ in litigation for c in S4_COLUMNS],
        [_cell((s4.get(b.key) or {}).get(c.key), w) for (b, c), w in
         zip(((b, c) for b in S4_BLOCKS for c in S4_COLUMNS), widths)],
    ])


def cms_page(report: dict, look: str = "cms") -> str:
    """The report as a CMS article page (see the module's docstring) in one of ``LOOKS``."""
    template = report.get("template") or "v2021"
    tables = {"s2": lambda: _s2_table(report["s2"], template), "s3": lambda: _s3_table(report["s3"], template, LOOKS[look].figures),
              "s4": lambda: _s4_table(report["s4"])}
    parts = [f"<h1>{escape(report.get('title') or '')}</h1>\n"]
    for section in SECTIONS:
        parts.append(f"<h2>{section.numeral}、{section.title}</h2>\n")
        if section.key in tables and report.get(section.key):
            parts.append(tables[section.key]())
        else:
            text = report.get(f"{section.key}_text") or ""
            parts += [f"<p>{escape(p.strip())}</p>\n" for p in text.split("\n\n") if p.strip()]
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(report.get('title') or '')}</title>\n<style>{_style(LOOKS[look])}</style>\n</head>\n<body>\n"
            + "".join(parts) + "</body>\n</html>\n")

"""Render a report dict (the JSON shape of shared/spec/report-json.md) as an HTML page in the official layout.

The tables follow shared/spec/template.md §2–§4 cell for cell (caption rows, rowspans and colspans), so the
parser's tests and the simulated site see what real agency pages serve. Row and column labels come from
``gxparse.template``, header cells included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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
    S3_ROW_BY_KEY,
    S3_ROWS,
    S4_BLOCKS,
    S4_COLUMNS,
    S4_LITIGATION_HEADER,
    SECTIONS,
    Item,
    Row,
)

S2_VALUE_SLOTS = 3  # value columns of table 二; items with fewer columns widen their last cell
S3_LABEL_SLOTS = 3  # label columns of table 三 (result group, sub-group, item)

TABLE_SECTIONS = ("s2", "s3", "s4")   # the sections whose figures stand in a table

Value = int | str | None


def render_report_html(report: dict, charset: str | None = "utf-8") -> str:
    """A complete HTML page of one report; ``charset=None`` leaves the declaration out (as some sites do)."""
    meta = f'<meta charset="{escape(charset)}">\n' if charset else ""
    title = escape(report.get("title") or "")
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
        f"{meta}<title>{title}</title>\n</head>\n<body>\n"
        f"{render_report_body(report)}"
        "</body>\n</html>\n"
    )


@dataclass(frozen=True)
class Picture:
    """A statistics table printed as a picture: where the page's ``<img>`` points, and how wide it shows it."""

    src: str
    width: int


def render_report_body(report: dict, with_title: bool = True, pictures: Mapping[str, Picture] | None = None) -> str:
    """The report (title, six sections, three tables) as an HTML fragment for a page's content area;
    ``with_title=False`` leaves the <h1> to the page around it. A report with ``sections_present`` (a parsed
    report) gets only those headings. ``pictures`` prints the tables of those sections (``s2``, ``s3``,
    ``s4``) as pictures, as editors paste a Word table their CMS would mangle."""
    parts = [f"<h1>{escape(report.get('title') or '')}</h1>\n"] if with_title else []
    # a parsed report names the sections it has: the others' headings are not printed (their tables may be)
    present = report.get("sections_present") or [section.key for section in SECTIONS]
    for section in SECTIONS:
        if section.key in present:
            parts.append(f"<h2>{section.numeral}、{section.title}</h2>\n")
        if pictures and section.key in pictures:
            parts.append(_picture(pictures[section.key]))
        elif section.key in TABLE_SECTIONS:
            parts.append(render_table(report, section.key))
        else:
            parts.append(_paragraphs(report.get(f"{section.key}_text") or ""))
    return "".join(parts)


def render_table(report: dict, key: str) -> str:
    """The statistics table of section ``key`` (``s2``, ``s3`` or ``s4``) as HTML; empty when the report has none."""
    template = report.get("template") or "v2021"
    if key == "s2":
        return _s2_table(report.get("s2"), template)
    if key == "s3":
        return _s3_table(report.get("s3"), template)
    return _s4_table(report.get("s4"))


def _picture(picture: Picture) -> str:
    return (f'<p style="text-align:center"><img src="{escape(picture.src)}" width="{picture.width}" title="" alt="">'
            "</p>\n")


def _paragraphs(text: str) -> str:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)


def _cell(content: str, tag: str = "td", colspan: int = 1, rowspan: int = 1) -> str:
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    return f"<{tag}{attrs}>{escape(content)}</{tag}>"


def _value(value: Value) -> str:
    return "" if value is None else str(value)


def _row(cells: Iterable[str]) -> str:
    return "<tr>" + "".join(cells) + "</tr>\n"


def _table(rows: Sequence[str]) -> str:
    return '<table border="1" cellspacing="0">\n<tbody>\n' + "".join(rows) + "</tbody>\n</table>\n"


def _widths(item: Item) -> list[int]:
    """Colspans of an item's value cells: one each, the last one filling the remaining slots."""
    n = len(item.columns)
    return [1] * (n - 1) + [S2_VALUE_SLOTS - n + 1]


# ---------------------------------------------------------------------------------------------------
# Table 二: caption row 第二十条第（X）项 over each group of items, then a header row, then one row per item.

def _s2_table(s2: dict | None, template: str) -> str:
    if s2 is None:
        return ""
    rows: list[str] = []
    caption = None
    for item in S2_ITEMS[template]:
        widths = _widths(item)
        if item.caption != caption:
            caption = item.caption
            rows.append(_row([_cell(caption, colspan=1 + S2_VALUE_SLOTS)]))
            rows.append(_row([_cell(S2_CONTENT_HEADER)]
                             + [_cell(c.label, colspan=w) for c, w in zip(item.columns, widths)]))
        values = s2.get(item.key) or {}
        rows.append(_row([_cell(item.label)]
                         + [_cell(_value(values.get(c.key)), colspan=w) for c, w in zip(item.columns, widths)]))
    return _table(rows)


# ---------------------------------------------------------------------------------------------------
# Table 三: 3 header rows; label columns merged by colspan/rowspan exactly as the official format prints them.

def _s3_rows(s3: dict, template: str) -> tuple[Row, ...]:
    """The rows to print: the template's, except a 2021 report that keeps （六） as the single 2019 row."""
    rows = S3_ROWS[template]
    if template == "v2021" and "result.other" in s3:
        single = S3_ROW_BY_KEY["result.other"]
        rows = tuple(r for r in rows if not r.key.startswith("result.other."))
        at = next(i for i, r in enumerate(rows) if r.key == "result.total")
        rows = rows[:at] + (single,) + rows[at:]
    return rows


def _s3_header() -> list[str]:
    org_columns = S3_COLUMNS[1:-1]
    return [
        _row([_cell(S3_CORNER_NOTE, colspan=S3_LABEL_SLOTS, rowspan=3),
              _cell(S3_APPLICANT_HEADER, colspan=len(S3_COLUMNS))]),
        _row([_cell(S3_COLUMNS[0].label, rowspan=2),
              _cell(S3_ORG_HEADER, colspan=len(org_columns)),
              _cell(S3_COLUMNS[-1].label, rowspan=2)]),
        _row([_cell(c.label) for c in org_columns]),
    ]


def _s3_table(s3: dict | None, template: str) -> str:
    if s3 is None:
        return ""
    rows = _s3_rows(s3, template)
    results = [r for r in rows if r.key.startswith("result.")]
    group_sizes = {g: sum(1 for r in results if r.group == g) for g in {r.group for r in results if r.group}}
    html = _s3_header()
    seen_groups: set[str] = set()
    for row in rows:
        labels: list[str] = []
        if row is results[0]:
            labels.append(_cell(S3_RESULTS_GROUP, rowspan=len(results)))
        if not row.key.startswith("result."):
            labels.append(_cell(row.label, colspan=S3_LABEL_SLOTS))
        elif row.group is None:
            labels.append(_cell(row.label, colspan=S3_LABEL_SLOTS - 1))
        else:
            if row.group not in seen_groups:
                seen_groups.add(row.group)
                labels.append(_cell(row.group, rowspan=group_sizes[row.group]))
            labels.append(_cell(row.label))
        values = s3.get(row.key) or {}
        html.append(_row(labels + [_cell(_value(values.get(c.key))) for c in S3_COLUMNS]))
    return _table(html)


# ---------------------------------------------------------------------------------------------------
# Table 四: 行政复议 (5 columns) beside 行政诉讼 (two blocks of 5), one data row.

def _s4_table(s4: dict | None) -> str:
    if s4 is None:
        return ""
    review, *litigation = S4_BLOCKS
    width = len(S4_COLUMNS)
    html = [
        _row([_cell(review.label, colspan=width),
              _cell(S4_LITIGATION_HEADER, colspan=width * len(litigation))]),
        _row([_cell(c.label, rowspan=2) for c in S4_COLUMNS]
             + [_cell(b.label, colspan=width) for b in litigation]),
        _row([_cell(c.label) for _ in litigation for c in S4_COLUMNS]),
        _row([_cell(_value((s4.get(b.key) or {}).get(c.key))) for b in S4_BLOCKS for c in S4_COLUMNS]),
    ]
    return _table(html)

"""The consistency checks that need only the one document (template.md §5, report-json.md findings).

Each check is a function of the report returning findings; messages are in Chinese and name the row, the
column and the numbers, so a person can act on them without opening the table.

An error accuses the agency, so every error rule names the positive evidence it rests on (``Finding.evidence``:
the printed rows, labels or headings, with where they stand). What an error rule needs is listed in
docs/gxparse.md (rules and their evidence); where the only evidence would be an absence that a reading
failure could explain, the rule says gxparse could not read it, as a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from gxparse.gaps import TABLE_UNREAD
from gxparse.model import ERROR, WARNING, YEAR_FROM_OPENING, Cell, Evidence, Finding, Gap, Report
from gxparse.template import (
    S3_APPLICANT_COLUMNS,
    S3_COLUMNS,
    S3_RESULT_PREFIX,
    S3_RESULT_TOTAL,
    S4_BLOCKS,
    S4_COLUMNS,
    SECTION_BY_KEY,
    SECTIONS,
    column_label,
    expected_template,
    row_label,
    s3_row_cells,
    s3_row_label,
)

Check = Callable[[Report], Iterator[Finding]]
_TABLE_NAMES = {"s2": "表二", "s3": "表三", "s4": "表四"}


def _int(report: Report, path: str) -> int | None:
    value = report.value(path)
    return value if isinstance(value, int) else None


def _path_values(report: Report, key: str) -> list[int | None]:
    """Values of a narrative key: paths joined by '+', where ``row.*`` stands for every row under ``row``."""
    out: list[int | None] = []
    for path in key.split("+"):
        if ".*." not in path:
            out.append(_int(report, path))
            continue
        table_key, rest = path.split(".", 1)
        prefix, column = rest.split(".*.")
        table = getattr(report, table_key) or {}
        rows = [r for r in table if r == prefix or r.startswith(prefix + ".")]
        out.extend(_int(report, f"{table_key}.{r}.{column}") for r in rows) if rows else out.append(None)
    return out


def _resolve(report: Report, key: str) -> int | None:
    values = _path_values(report, key)
    return None if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]


def _label_of(table: str, row: str) -> str:
    return row_label(table, row) or row


def _printed(report: Report, table: str, rows: Iterator[str] | list[str] | tuple[str, ...]) -> list[Evidence]:
    """The printed rows the cells of ``rows`` were read from."""
    return [e for r in rows if (e := report.row_sources.get(f"{table}.{r}")) is not None]


def cell_name(path: str) -> str:
    """A cell's place in words: its table, its row's label and its column's (``表三「…」行「…」列``)."""
    table, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    return f"{_TABLE_NAMES.get(table, table)}「{_label_of(table, row)}」行「{column_label(table, column)}」列"


# ---------------------------------------------------------------------------------------------------
# table 三


def _left_empty(cell: Cell) -> bool:
    """A cell printed with nothing in it (a dash is a printed mark, and says 0)."""
    return cell.blank and not cell.raw.strip()


def _sum_known(values: list[int | None]) -> int | None:
    return None if None in values else sum(values)  # type: ignore[arg-type]


def _s3_row_parts(report: Report, row: str) -> int | None:
    return _sum_known([_column(report.s3 or {}, row, c.key) for c in S3_APPLICANT_COLUMNS])


def _s3_result_rows(report: Report) -> list[str]:
    return [r for r in report.s3 or {} if r.startswith(S3_RESULT_PREFIX) and r != S3_RESULT_TOTAL]


def _s3_column_parts(report: Report, column: str) -> int | None:
    return _sum_known([_column(report.s3 or {}, r, column) for r in _s3_result_rows(report)])


def _s3_totals_left_empty(report: Report) -> set[str]:
    """Totals of table 三 printed empty beside figures: a row's 总计 (R3.3) or a column's （七）总计 (R3.2).

    An agency that writes its zeros empty still prints a total that is not 0, so an empty total whose parts
    are not all 0 was not filled (Shanghai 2019 left 总计 empty in its result rows): no evidence of a 0.
    """
    empty: set[str] = set()
    for row, cols in (report.s3 or {}).items():
        if _left_empty(cols["total"]) and _s3_row_parts(report, row):
            empty.add(f"s3.{row}.total")
    for col in S3_COLUMNS:
        cell = (report.s3 or {}).get(S3_RESULT_TOTAL, {}).get(col.key)
        if cell is not None and _left_empty(cell) and _s3_column_parts(report, col.key):
            empty.add(f"s3.{S3_RESULT_TOTAL}.{col.key}")
    return empty


def _unfilled_cells(report: Report) -> frozenset[str]:
    """The blank cells of columns left unfilled (R3.7): read as 0 by the contract, but no zero was printed, so
    no sum rests on them (the column is reported once, as ``s3.column_not_filled``)."""
    return frozenset(path for cells in _unfilled_s3_columns(report).values() for path in cells)


@dataclass(frozen=True)
class _S3NotFilled:
    """Cells of table 三 known not to be zeros although read as 0, so that no sum through them accuses anyone:
    ``cells`` all of them, ``named`` those that get a ``total.not_filled`` of their own (not already named by
    R3.7's ``s3.column_not_filled``)."""

    cells: frozenset[str]
    named: frozenset[str]


def _s3_not_filled(report: Report) -> _S3NotFilled:
    in_columns = _unfilled_cells(report)
    totals = _s3_totals_left_empty(report)
    return _S3NotFilled(in_columns | totals, frozenset(totals - in_columns))


def not_filled_cells(report: Report) -> frozenset[str]:
    """Cells of table 三 read as 0 that are known not to be zeros (``_S3NotFilled``): no sum through them holds."""
    return _s3_not_filled(report).cells


def _total_not_filled(what: str, parts_sum: int, cells: list[str]) -> Finding:
    return Finding("total.not_filled", WARNING,
                   f"{what}的总计为空白，但各项之和为{parts_sum}：总计是未填写，不是0（暂按0读取）", cells)


def check_s3_sums(report: Report) -> Iterator[Finding]:
    """Table 三's row sums (R3.3), balances (R3.1) and result sums (R3.2), its cells not filled found once."""
    if report.s3 is None:
        return
    not_filled = _s3_not_filled(report)
    yield from _s3_row_sums(report, not_filled)
    yield from _s3_balances(report, not_filled)
    yield from _s3_results_sums(report, not_filled)


def _s3_row_sums(report: Report, not_filled: _S3NotFilled) -> Iterator[Finding]:
    for row, cols in (report.s3 or {}).items():
        parts = _s3_row_parts(report, row)
        total = cols["total"].value
        if total is None or parts is None or parts == total:
            continue
        cells = s3_row_cells(row)
        if cells[-1] in not_filled.named and not not_filled.cells & set(cells[:-1]):
            yield _total_not_filled(f"表三「{s3_row_label(row)}」行", parts, cells)
        if not_filled.cells & set(cells):
            continue
        shown = " + ".join(f"{c.label}{cols[c.key].value}" for c in S3_APPLICANT_COLUMNS)
        yield Finding("s3.row_sum", ERROR, f"表三「{s3_row_label(row)}」行：{shown} = {parts}，但总计为{total}",
                      cells, _printed(report, "s3", [row]))


def _column(table: dict, row: str, column: str) -> int | None:
    cell = table.get(row, {}).get(column)
    return cell.value if cell is not None and isinstance(cell.value, int) else None


def _s3_balances(report: Report, not_filled: _S3NotFilled) -> Iterator[Finding]:
    rows = ("new_received", "carried_over", S3_RESULT_TOTAL, "carry_forward")
    for col in S3_COLUMNS:
        new, carried, results, forward = (_column(report.s3 or {}, r, col.key) for r in rows)
        if None in (new, carried, results, forward) or new + carried == results + forward:  # type: ignore[operator]
            continue
        cells = [f"s3.{r}.{col.key}" for r in rows]
        if not_filled.cells & set(cells):
            continue
        yield Finding("s3.balance", ERROR,
                      f"表三（{col.label}列）：新收{new} + 上年结转{carried} = {new + carried}，"  # type: ignore[operator]
                      f"但办理结果总计{results} + 结转下年度{forward} = {results + forward}",  # type: ignore[operator]
                      cells, _printed(report, "s3", rows))


def _s3_results_sums(report: Report, not_filled: _S3NotFilled) -> Iterator[Finding]:
    result_rows = _s3_result_rows(report)
    for col in S3_COLUMNS:
        parts = _s3_column_parts(report, col.key)
        total = _column(report.s3 or {}, S3_RESULT_TOTAL, col.key)
        if total is None or parts is None or parts == total:
            continue
        cells = [f"s3.{r}.{col.key}" for r in result_rows] + [f"s3.{S3_RESULT_TOTAL}.{col.key}"]
        if cells[-1] in not_filled.named and not not_filled.cells & set(cells[:-1]):
            yield _total_not_filled(f"表三（{col.label}列）（七）", parts, cells)
        if not_filled.cells & set(cells):
            continue
        yield Finding("s3.results_sum", ERROR,
                      f"表三（{col.label}列）：各项办理结果之和为{parts}，但（七）总计为{total}", cells,
                      _printed(report, "s3", [*result_rows, S3_RESULT_TOTAL]))


def _unfilled_s3_columns(report: Report) -> dict[str, list[str]]:
    """R3.7: columns of table 三 whose result rows are all blank although （七）总计 prints a figure.

    The result rows must add up to （七）总计 (R3.2), so a non-zero total proves those blanks are not zeros:
    the column was left unfilled (Shanghai 2019 filled only the summary rows of its 总计 column). Maps each
    such column to the paths of all its blank cells.
    """
    if report.s3 is None:
        return {}
    result_rows = _s3_result_rows(report)
    unfilled: dict[str, list[str]] = {}
    for col in S3_COLUMNS:
        total = report.s3.get(S3_RESULT_TOTAL, {}).get(col.key)
        if total is None or total.blank or not total.value:
            continue
        if result_rows and all(report.s3[r][col.key].blank for r in result_rows):
            unfilled[col.key] = [f"s3.{r}.{col.key}" for r, cols in report.s3.items() if cols[col.key].blank]
    return unfilled


def check_s3_column_not_filled(report: Report) -> Iterator[Finding]:
    for column, cells in _unfilled_s3_columns(report).items():
        total = report.value(f"s3.{S3_RESULT_TOTAL}.{column}")
        yield Finding("s3.column_not_filled", WARNING,
                      f"表三「{column_label('s3', column)}」列的各项办理结果全部空白，"
                      f"但{s3_row_label(S3_RESULT_TOTAL)}为{total}：该列是未填写，不是0"
                      f"（{len(cells)}个空白格暂按0读取）", cells)


# ---------------------------------------------------------------------------------------------------
# table 四


def check_s4_block_sum(report: Report) -> Iterator[Finding]:
    for block in S4_BLOCKS:
        cols = (report.s4 or {}).get(block.key)
        if not cols:
            continue
        parts = [cols[c.key].value for c in S4_COLUMNS[:-1]]
        total = cols["total"].value
        if total is None or None in parts or sum(parts) == total:  # type: ignore[arg-type]
            continue
        cells = [f"s4.{block.key}.{c.key}" for c in S4_COLUMNS]
        if _left_empty(cols["total"]):
            yield _total_not_filled(f"表四「{block.label}」", sum(parts), cells)  # type: ignore[arg-type]
            continue
        shown = " + ".join(f"{c.label[2:]}{cols[c.key].value}" for c in S4_COLUMNS[:-1])
        yield Finding("s4.block_sum", ERROR,
                      f"表四「{block.label}」：{shown} = {sum(parts)}，但总计为{total}",  # type: ignore[arg-type]
                      cells, _printed(report, "s4", [block.key]))


# ---------------------------------------------------------------------------------------------------
# every table: values, blanks, missing cells


def _cells(report: Report) -> Iterator[tuple[str, str, dict]]:
    for table_key in ("s2", "s3", "s4"):
        for row, cols in (getattr(report, table_key) or {}).items():
            yield table_key, row, cols


def check_value_invalid(report: Report) -> Iterator[Finding]:
    for table_key, row, cols in _cells(report):
        for col, cell in cols.items():
            if cell.invalid:
                path = f"{table_key}.{row}.{col}"
                source = report.row_sources.get(f"{table_key}.{row}")
                yield Finding("value.invalid", ERROR, f"{cell_name(path)}：“{cell.raw.strip()}”{cell.invalid}", [path],
                              [Evidence(cell.raw.strip(), source.where if source else "")])


def _evidence_text(evidence: Evidence) -> str:
    return f"「{evidence.text}」（{evidence.where}）" if evidence.where else f"「{evidence.text}」"


# more unread rows than this in one table are named in one warning for the table, not a warning a row: an
# officer acts on "表三 24 rows unread, only 一、本年新收 read", not on 24 mails' worth of rows
MAX_ROW_WARNINGS = 3
_TABLE_EVIDENCE = 3   # evidence quoted by a table's warning: its distinct places, the first few
# why a row read in part is unread, in a table's warning (its own warning names the columns; ``cells`` do)
_COLUMNS_UNPLACED = "印有该行，但部分列的数字无法逐列确定"


def check_cell_missing(report: Report) -> Iterator[Finding]:
    """``cell.missing`` (error) only for a row the document positively lacks: the rows printed before and
    after it stand one after the other with nothing unread between (``gaps.row_gaps``). Every other unknown
    cell is ``cell.unread`` (warning): the row is printed but its figures could not be placed, its label is
    printed without figures gxparse could take, or unread figures stand where it belongs. A table with more
    than ``MAX_ROW_WARNINGS`` unread rows, or none of whose rows was read, gets one ``cell.unread`` naming them all
    (its ``cells`` every cell)."""
    for table_key in _TABLE_NAMES:
        unread: list[_RowFinding] = []
        for found in _row_findings(report, table_key):
            if found.finding.rule == "cell.unread":
                unread.append(found)
            else:
                yield found.finding
        rows = getattr(report, table_key) or {}
        if len(unread) > MAX_ROW_WARNINGS or 1 < len(unread) == len(rows):   # table 四's three blocks all unread
            yield _table_unread(report, table_key, unread)
        else:
            yield from (found.finding for found in unread)


@dataclass
class _RowFinding:
    row: str
    finding: Finding
    reason: str = ""   # why a row is unread (``Gap.reason``)


def _row_findings(report: Report, table_key: str) -> Iterator[_RowFinding]:
    table = _TABLE_NAMES[table_key]
    for row, cols in (getattr(report, table_key) or {}).items():
        missing = [col for col, cell in cols.items() if cell.value is None and not cell.invalid]
        if not missing:
            continue
        label = _label_of(table_key, row)
        paths = [f"{table_key}.{row}.{c}" for c in missing]
        gap = report.gaps.get(f"{table_key}.{row}")
        if gap is not None and gap.absent:
            before, after = gap.evidence
            yield _RowFinding(row, Finding(
                "cell.missing", ERROR,
                f"{table}缺少「{label}」行：{_evidence_text(before)}与{_evidence_text(after)}之间没有该行",
                paths, gap.evidence))
            continue
        reason = _COLUMNS_UNPLACED if gap is None else gap.reason
        if gap is None:
            source = report.row_sources.get(f"{table_key}.{row}")
            names = "、".join(column_label(table_key, c) for c in missing)
            gap = Gap(False, [source] if source else [], f"印有该行，但{names}列的数字无法逐列确定")
        where = "：" + "；".join(_evidence_text(e) for e in gap.evidence) if gap.evidence else ""
        yield _RowFinding(row, Finding("cell.unread", WARNING,
                                       f"{table}「{label}」行未能读取（{gap.reason}{where}），请对照原件核对",
                                       paths, gap.evidence), reason)


def _table_unread(report: Report, table_key: str, unread: list[_RowFinding]) -> Finding:
    """One warning for a table most of whose rows are unread: their count and the rows read (or the rows
    unread, where fewer), why, and the first places that show it."""
    table = _TABLE_NAMES[table_key]
    rows = getattr(report, table_key)
    unread_rows = {found.row for found in unread}
    read = [row for row, cols in rows.items()
            if row not in unread_rows and any(c.value is not None for c in cols.values())]
    reasons = list(dict.fromkeys(found.reason for found in unread))
    if read and len(read) < len(unread):
        named = "，读出的行为" + "、".join(f"「{_label_of(table_key, r)}」" for r in read)
    else:
        named = "：" + "、".join(f"「{_label_of(table_key, found.row)}」" for found in unread)
    evidence = list(dict.fromkeys(e for found in unread for e in found.finding.evidence))[:_TABLE_EVIDENCE]
    where = "：" + "；".join(_evidence_text(e) for e in evidence) if evidence else ""
    message = (f"{table}共{len(rows)}行，其中{len(unread)}行的数字未能读取或未能全部读取{named}"
               f"（{'；'.join(reasons)}{where}），请对照原件核对")
    return Finding("cell.unread", WARNING, message, [p for found in unread for p in found.finding.cells], evidence)


def grouped_repairs(report: Report, findings: list[Finding]) -> list[Finding]:
    """The readers' ``row.repaired`` warnings, one for a table with more than ``MAX_ROW_WARNINGS`` repaired rows
    (a text that lost a column has every row of table 三 repaired: 25 mails' worth), naming the rows (or those not
    repaired, where fewer) and showing the first repair; its ``cells`` every cell repaired. A few repairs keep their
    own warnings."""
    by_table: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.rule == "row.repaired" and finding.cells:
            by_table.setdefault(finding.cells[0].partition(".")[0], []).append(finding)
    grouped = {id(f): table for table, found in by_table.items() if len(found) > MAX_ROW_WARNINGS for f in found}
    out = []
    for finding in findings:
        table = grouped.get(id(finding))
        if table is None:
            out.append(finding)
        elif finding is by_table[table][0]:
            out.append(_table_repaired(report, table, by_table[table]))
    return out


def _table_repaired(report: Report, table_key: str, repaired: list[Finding]) -> Finding:
    rows = list(dict.fromkeys(path.partition(".")[2].rpartition(".")[0] for f in repaired for path in f.cells))
    others = [row for row in getattr(report, table_key) or {} if row not in rows]
    table = _TABLE_NAMES.get(table_key, table_key)
    head, named = f"{table}{'有' if others else '全部'}{len(rows)}行", ""
    if others and len(others) < len(rows):
        named = "，未校正的行为" + "、".join(f"「{_label_of(table_key, row)}」" for row in others)
    elif others:
        named = "：" + "、".join(f"「{_label_of(table_key, row)}」" for row in rows)
    return Finding("row.repaired", WARNING,
                   f"{head}印出的数字与表头不齐，已按表内勾稽关系校正{named}（如{repaired[0].message}），请对照原件核对",
                   list(dict.fromkeys(path for f in repaired for path in f.cells)),
                   list(dict.fromkeys(e for f in repaired for e in f.evidence))[:_TABLE_EVIDENCE])


def check_cell_blank(report: Report) -> Iterator[Finding]:
    """A cell printed empty is read as 0 with a ``cell.blank`` warning a row; a table with more than
    ``MAX_ROW_WARNINGS`` such rows (an agency writing its zeros empty) gets one for the table, every cell named."""
    # cells of an unfilled column are reported once, for the whole column (s3.column_not_filled)
    unfilled = _unfilled_cells(report)
    for table_key, table in _TABLE_NAMES.items():
        rows = {row: blank for row, cols in (getattr(report, table_key) or {}).items()
                if (blank := [c for c, cell in cols.items() if cell.blank and f"{table_key}.{row}.{c}" not in unfilled])}
        if len(rows) > MAX_ROW_WARNINGS:
            cells = [f"{table_key}.{row}.{c}" for row, blank in rows.items() for c in blank]
            names = "、".join(column_label(table_key, c) for c in dict.fromkeys(c for b in rows.values() for c in b))
            yield Finding("cell.blank", WARNING,
                          f"{table}有{len(rows)}行的{names}列印为空白（共{len(cells)}格），均按0读取"
                          f"（空白可能表示未填写，也可能是该表以空白表示0），请对照原件核对", cells)
            continue
        for row, blank in rows.items():
            names = "、".join(column_label(table_key, c) for c in blank)
            yield Finding("cell.blank", WARNING,
                          f"{table}「{_label_of(table_key, row)}」行的{names}列为空白，按0读取"
                          f"（空白可能表示未填写）", [f"{table_key}.{row}.{c}" for c in blank])


# ---------------------------------------------------------------------------------------------------
# the document as a whole


def _section_name(key: str) -> str:
    section = SECTION_BY_KEY[key]
    return f"第{section.numeral}部分“{section.title}”"


def check_sections(report: Report) -> Iterator[Finding]:
    """``section.missing`` (error) only where the document shows where the section belongs and that it is
    not there: the sections (or the title) on both sides of it were found, with no heading-like line of its
    number between. A heading found without a readable table is ``table.unread``; a section that may lie
    beyond the end of a fragment or a truncated document is ``section.not_found`` (warnings): one for the
    sections not found for one cause (those after a fragment's end, or all where no heading was found)."""
    if report.template == "legacy":
        return  # the six sections are the 2019+ format; older reports were free-form
    not_found: dict[tuple[str, tuple[Evidence, ...]], list[str]] = {}
    for section in SECTIONS:
        gap = report.gaps.get(section.key)
        if gap is None:
            continue
        name = _section_name(section.key)
        if section.key in report.sections_present:
            cause = "可能以图片、附件或本程序无法识别的版式印出" if gap.reason == TABLE_UNREAD else gap.reason
            yield Finding("table.unread", WARNING,
                          f"{name}的标题{_evidence_text(gap.evidence[0])}之后未能读取{_TABLE_NAMES[section.key]}"
                          f"（{cause}），请对照原件核对", [], gap.evidence)
        elif gap.absent:
            before, after = gap.evidence
            yield Finding("section.missing", ERROR,
                          f"缺少{name}：{_evidence_text(before)}之后的下一部分是{_evidence_text(after)}",
                          [], gap.evidence)
        else:
            not_found.setdefault((gap.reason, tuple(gap.evidence)), []).append(name)
    for (reason, evidence), names in not_found.items():
        where = "：" + "；".join(_evidence_text(e) for e in evidence) if evidence else ""
        yield Finding("section.not_found", WARNING,
                      f"未找到{'、'.join(names)}（{reason}{where}），请对照原件核对", [], list(evidence))


_TEMPLATE_NAMES = {"v2021": "2021年版格式（国办公开办函〔2021〕30号）", "v2019": "2019年版格式（国办公开办函〔2019〕60号）"}


def check_template(report: Report) -> Iterator[Finding]:
    """``template.mismatch`` only when the template was recognised from labels printed in the other version
    only, and none of the version the year calls for is printed; never from an absence (a table 二 not read),
    nor from a year read only from 总体情况's opening sentence (it may speak of another year)."""
    if report.year is None or report.year_source == YEAR_FROM_OPENING or report.template not in _TEMPLATE_NAMES:
        return
    expected = expected_template(report.year)
    labels = report.template_labels
    if not expected or expected == report.template or not labels.get(report.template) or labels.get(expected):
        return
    shown = "、".join(f"「{e.text}」" for e in labels[report.template][:3])
    year = [report.year_evidence] if report.year_evidence else []
    yield Finding("template.mismatch", ERROR,
                  f"{report.year}年度报告应使用{_TEMPLATE_NAMES[expected]}，但本报告印有只属于"
                  f"{_TEMPLATE_NAMES[report.template]}的栏目：{shown}", [], labels[report.template] + year)


_FEE_LIMIT_WAN_YUAN = Decimal(1_000_000)   # 100亿元: beyond any agency's annual fee income


def check_fees_unit(report: Report) -> Iterator[Finding]:
    cell = (report.s2 or {}).get("admin_fees", {}).get("amount_wan_yuan")
    if cell is None or cell.value is None:
        return
    path = "s2.admin_fees.amount_wan_yuan"
    if cell.unit == "元":
        yield Finding("fees.unit", WARNING, f"表二行政事业性收费金额写作“{cell.raw.strip()}”，单位应为万元", [path])
    elif Decimal(str(cell.value)) >= _FEE_LIMIT_WAN_YUAN:
        yield Finding("fees.unit", WARNING,
                      f"表二行政事业性收费金额{cell.value}万元（即{Decimal(str(cell.value)) / 10000}亿元）过大，"
                      f"疑似按元填写", [path])


# ---------------------------------------------------------------------------------------------------
# prose against tables and against itself


def check_narrative_tables(report: Report) -> Iterator[Finding]:
    for figure in report.narrative:
        table_value = _resolve(report, figure.key)
        if table_value is None or table_value == figure.value:
            continue
        names = " + ".join(cell_name(p) for p in figure.key.split("+") if ".*." not in p) or figure.key
        hint = ""
        if figure.key == "s3.new_received.total":
            carried = _int(report, "s3.carried_over.total")
            if carried and table_value + carried == figure.value:
                hint = f"（正文数字等于新收{table_value} + 上年结转{carried}）"
        yield Finding("narrative.mismatch", WARNING,
                      f"正文“{figure.text}”称{figure.value}，但表中{names}为{table_value}{hint}",
                      [p for p in figure.key.split("+")])


def check_narrative_balance(report: Report) -> Iterator[Finding]:
    stated = {f.key: f.value for f in report.narrative}
    keys = ("s3.new_received.total", "s3.carried_over.total", "s3.result.total.total", "s3.carry_forward.total")
    if not all(k in stated for k in keys):
        return
    new, carried, answered, forward = (stated[k] for k in keys)
    if new + carried != answered + forward:
        yield Finding("narrative.balance", WARNING,
                      f"正文数字自相矛盾：受理{new} + 上年结转{carried} = {new + carried}，"
                      f"但办结{answered} + 结转下年度{forward} = {answered + forward}", list(keys))


def check_narrative_sums(report: Report) -> Iterator[Finding]:
    for stated in report.stated_sums:
        running = 0
        prefix_matches = False
        for i, part in enumerate(stated.parts):
            running += part
            if i >= 1 and running == stated.total:
                prefix_matches = True
        if not prefix_matches:
            shown = " + ".join(str(p) for p in stated.parts)
            yield Finding("narrative.sum", WARNING,
                          f"正文“{stated.text}”：合计{stated.total}，但分项{shown} = {sum(stated.parts)}", [])


def check_narrative_rates(report: Report) -> Iterator[Finding]:
    for rate in report.stated_rates:
        decimals = len(rate.percent.partition(".")[2])
        computed = Decimal(rate.numerator) * 100 / Decimal(rate.denominator)
        tolerance = Decimal(1).scaleb(-decimals)   # one unit of the last printed digit: rounding or truncation
        if abs(computed - Decimal(rate.percent)) > tolerance:
            yield Finding("narrative.rate", WARNING,
                          f"正文“{rate.text}”：{rate.numerator} ÷ {rate.denominator} = {computed:.2f}%，"
                          f"与所述{rate.percent}%不符", [])


CHECKS: tuple[Check, ...] = (
    check_sections, check_template, check_value_invalid, check_cell_missing, check_s3_sums,
    check_s3_column_not_filled, check_s4_block_sum, check_cell_blank,
    check_fees_unit, check_narrative_tables, check_narrative_balance, check_narrative_sums, check_narrative_rates,
)


def run_checks(report: Report) -> list[Finding]:
    """Every check. A report read by OCR keeps its errors as warnings (``gxparse.ocr.checks``)."""
    return [finding for check in CHECKS for finding in check(report)]

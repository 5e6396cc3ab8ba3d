"""Bytes in, report out: sniff, read into lines, split sections, read tables and prose, run the checks."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from gxparse import limits, narrative
from gxparse.cells import figure_count
from gxparse.checks import grouped_repairs, run_checks
from gxparse.extraction.cellstream import labelled_runs
from gxparse.document import OCR_OUT_OF_TIME, Document, Line, ReadNote, bounded_notes
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.readers.formats import BINARY_READERS, scanned_findings
from gxparse.readers.html import Pictures, read_html
from gxparse.readers.csvtables import read_csv
from gxparse.readers.markdown import read_markdown
from gxparse.readers.ocrtsv import read_tesseract_tsv
from gxparse.readers.plaintext import read_plain_text
from gxparse.deadline import document_deadline
from gxparse.readers.office import conversion_budget
from gxparse.gaps import (TableContext, holds_tables_only, kept_part, line_evidence, prose_published_apart,
                          row_evidence, row_gaps, section_gaps, tables_alone, unprinted_subtables)
from gxparse.markedfigures import read_marked_figures
from gxparse.metadata import detect_template, find_metadata
from gxparse.notewords import figures_noted
from gxparse.normalize import remembering
from gxparse.model import WARNING, Evidence, Finding, Gap, NarrativeFigure, Report
from gxparse.ocr.misread import misread_sums
from gxparse.rows import RawRow
from gxparse.sections import Sections, header_in_rows, opening_line, split_sections, table_header_lines
from gxparse.readers.sniff import decode, sniff
from gxparse.tables.s2 import S2_MATCHER, read_s2, s2_lead, s2_trail
from gxparse.tables.s3 import S3_MATCHER, S3_MIN_ROWS, read_s3
from gxparse.tables.s4 import (read_blank_s4, read_s4, s4_before_heading, s4_candidate_figures, s4_candidate_lines,
                               s4_review_start, s4_rules_between, s4_rules_read_as_ones, s4_stated)
from gxparse.layout.interleavedblocks import StatedSum
from gxparse.tables.tableread import TableRead
from gxparse.template import S2_ITEMS, SECTIONS, row_label
from gxparse.unmapped import heading_reasons

Reader = Callable[[bytes, str], Document]
_log = logging.getLogger(__name__)


def _read_text(data: bytes, source: str) -> Document:
    return read_plain_text(decode(data, source))


def _read_html(data: bytes, source: str, pictures: Pictures | None = None) -> Document:
    return read_html(decode(data, source), source, pictures)


def _read_markdown(data: bytes, source: str) -> Document:
    return read_markdown(decode(data, source))


def _read_csv(data: bytes, source: str) -> Document:
    return read_csv(decode(data, source))


def _read_json(data: bytes, source: str) -> Document:
    from gxparse.readers.jsondoc import read_json   # a detail API's answer: the report in one of its fields
    return read_json(data, source)


def _read_ocr_tsv(data: bytes, source: str) -> Document:
    return read_tesseract_tsv(decode(data, source))


def _read_ocr_boxes(data: bytes, source: str) -> Document:
    from gxparse.readers.ocrboxes import read_paddle_lines   # its layout path loads numpy
    return read_paddle_lines(decode(data, source))


READERS: dict[str, Reader] = {"text": _read_text, "html": _read_html, "markdown": _read_markdown, "csv": _read_csv,
                              "json": _read_json, "ocrtsv": _read_ocr_tsv, "ocrboxes": _read_ocr_boxes,
                              **BINARY_READERS}
# why a sniffed kind without a reader cannot be read, as a person needs to hear it
_UNREADABLE_KINDS = {
    "encrypted": "Word 或 Excel 文档已加密（受密码保护），无法读取",
    "ole": "不支持的 OLE 复合文件：不是 Word 或 Excel 文档",
    "zip": "不支持的压缩包：不是 Word、Excel 或 OFD 文档，包中的文件须解压后分别读取",
    "archive": "不支持的压缩包（RAR、7z、gzip 等），包中的文件须解压后分别读取",
}
_UNKNOWN_KIND = "不支持的文件类型：无法识别文件格式"


def read_document(data: bytes, source: str, pictures: Pictures | None = None) -> Document:
    """The document's lines, read by the reader of its sniffed kind; ``pictures``: the pictures an HTML page
    shows, by their ``src`` (a page saved beside its pictures)."""
    if not data:
        raise DocumentError(source, "文件为空（0 字节）")
    kind = sniff(data)
    reader = READERS.get(kind)
    if reader is None:
        raise DocumentError(source, _UNREADABLE_KINDS.get(kind, _UNKNOWN_KIND))
    try:
        limits.check_input_size(len(data))
        if kind not in BINARY_READERS:   # read as text: held several times over while read
            limits.check_text_size(len(data))
        # the HTML reader also takes the page's pictures
        document = reader(data, source, pictures=pictures) if kind == "html" else reader(data, source)
        limits.check_lines(len(document.lines), "文件", counted=True)
    except LimitExceeded as exc:
        raise DocumentError(source, exc.reason) from exc
    return document


INTERNAL_ERROR = "gxparse 程序出错，未能读取此文件（不是文件的问题；详情已记入日志，请报告维护者）"


def parse_document(data: bytes, source: str = "<bytes>", pictures: Pictures | None = None) -> Report:
    """Parse one annual report. Raises ``DocumentError`` only when the document cannot be read at all.
    ``pictures`` gives an HTML page's pictures by their ``src`` (tables pasted as pictures are read by OCR);
    an MHTML file carries its own.

    Every reader maps what its libraries raise to a ``DocumentError`` with a message for a person; anything
    that still escapes (a bug) is reported the same way, logged with its traceback, so that one document
    never stops the others.
    """
    try:
        # one wall deadline for all its stages, and one budget for every LibreOffice conversion, read again included
        with document_deadline(), conversion_budget(), remembering():
            document = read_document(data, source, pictures)
            report = build_report(document, source)
            if document.read_pictures is not None and _tables_read(report) < len(_TABLES):
                return _with_pictures(document.read_pictures, report, source)
            return report
    except DocumentError:
        raise
    except LimitExceeded as exc:   # past the reader: the whole parse's time ran out (deadline.check_layout_time)
        raise DocumentError(source, exc.reason) from exc
    except MemoryError as exc:
        raise DocumentError(source, "内存不足：文件内容过于庞大，无法读取") from exc
    except RecursionError as exc:
        raise DocumentError(source, "文件结构嵌套过深，无法读取") from exc
    except Exception as exc:
        # the exception's type and traceback are for the log: an officer reads what happened
        _log.error("gxparse failed on %s: %s", source, type(exc).__name__, exc_info=exc)
        raise DocumentError(source, INTERNAL_ERROR) from exc


_TABLES = ("s2", "s3", "s4")


def _tables_read(report: Report) -> int:
    return sum(getattr(report, table) is not None for table in _TABLES)


def _with_pictures(read_pictures: Callable[[], Document], report: Report, source: str) -> Report:
    """The report read again with its pictures by OCR, when that finds more tables; a picture OCR cannot
    read (over a limit, broken) leaves the text's reading as it was, and pictures OCR had no time for are
    named there: the tables they may hold are unread, not missing."""
    try:
        again = build_report(read_pictures(), source)
    except (DocumentError, LimitExceeded):
        return report
    if _tables_read(again) > _tables_read(report):
        return again
    report.findings += [f for f in again.findings if f.rule == OCR_OUT_OF_TIME]
    return report


_CLOSING_LINES = 8   # the last lines, where a report is signed and dated


def _text(lines: list[Line]) -> str:
    # lines keep their breaks; the prose readers squash whitespace, so a sentence a PDF broke reads whole
    return "\n".join(line.text for line in lines)


def _section_lines(sections: Sections, key: str) -> list[Line]:
    return sections.bodies.get(key, [])


def _all_lines(sections: Sections) -> list[Line]:
    return sections.preamble + [line for body in sections.bodies.values() for line in body]


def _before(sections: Sections, key: str) -> list[Line]:
    """The lines before section ``key``'s place: the preamble and the bodies of the sections before it."""
    order = [s.key for s in SECTIONS]
    return sections.preamble + [line for k in order[:order.index(key)] for line in _section_lines(sections, k)]


def _extras(section: str, rows: list[RawRow]) -> list[dict]:
    return [{"section": section, "label": r.label, "values": r.values, "where": r.where} for r in rows]


def build_report(document: Document, source: str) -> Report:
    document = replace(document, lines=figures_noted(document.lines, scanned=document.source_type == "ocr"))
    sections = split_sections(document.lines)
    meta = find_metadata(sections.preamble + _section_lines(sections, "s1")[:12], document.title,
                         document.lines[-_CLOSING_LINES:], document.publisher, opening_line(sections))
    report = Report(source=source, source_type=document.source_type, title=meta.title, agency=meta.agency,
                    year=meta.year, year_source=meta.year_source, sections_present=sections.present, pages=document.pages,
                    table_pages=dict(document.table_pages), year_evidence=meta.year_evidence)
    findings: list[Finding] = []
    if meta.rival_titles:
        findings.append(Finding("title.ambiguous", WARNING,
                                "标题处有多个不同报告的标题（" + "；".join(e.text for e in meta.rival_titles)
                                + "），页面标题和统计期限都不能确定本报告是哪一个：未读取标题", [], meta.rival_titles))

    s2_lines = _section_lines(sections, "s2") if "s2" in sections.headings else _before(sections, "s3")
    s3_lines = _section_lines(sections, "s3") if "s3" in sections.headings else _all_lines(sections)
    s4_lines = _section_lines(sections, "s4") if "s3" in sections.headings else []
    s4_ahead: list[Line] = []   # table 四's lines the tool wrote before section 四's heading
    if "s4" in sections.headings and not any(line.values for line in s4_lines):
        # the tool wrote section 四's heading after table 四's figures: table 三's stream ends before them
        cut = s4_before_heading(s3_lines)
        s3_lines, s4_ahead = s3_lines[:cut], s3_lines[cut:]
        s4_lines = [*s4_ahead, *s4_lines]
    s1_text = _text(_section_lines(sections, "s1"))
    stated_figures = narrative.stated_figures(s1_text)
    stated = _stated_totals(stated_figures)
    ocr = document.ocr_text or document.glyphs_misread   # its figures may be misread
    s3 = read_s3(s3_lines, following=s4_lines, stated=stated, preceding=s2_lines, ocr=ocr)
    call = detect_template(_label_lines(sections), meta.year, document.lines)
    report.template, report.template_labels = call.template, call.labels
    if report.template == "v2019" and s3.layout is None:
        s3 = read_s3(s3_lines, "v2019", following=s4_lines, stated=stated, preceding=s2_lines, ocr=ocr)

    if report.template != "legacy":
        lead = s2_lead(_before(sections, "s2"), report.template) if "s2" in sections.headings else []
        trail = s2_trail(_section_lines(sections, "s3"), report.template) if "s2" in sections.headings else []
        s2 = read_s2(s2_lines, report.template, lead, trail)
        if s2.table is not None and "s2" not in sections.headings:
            s2.extras = []   # read from the lines before section 三: its unmatched rows are no table's
            findings.append(Finding("section.heading_missing", WARNING,
                                    "未找到第二部分标题；表二按其行标签读取", []))
        zeros_blank = _zeros_printed_blank((s2, s3))
        all_read = _every_figure_read(_all_lines(sections), (s2, s3))
        s4 = _read_s4(sections, findings, s3.borrowed, s3.cell_per_line and not all_read, zeros_blank, all_read,
                      document.ocr_text, s4_stated({f.key: f.value for f in stated_figures}), s4_ahead)
        s4 = s4_rules_read_as_ones(s4) if document.ocr_text else s4
        reads = {key: _nothing_read(read) for key, read in (("s2", s2), ("s3", s3), ("s4", s4))}
        s2, s3, s4 = reads["s2"], reads["s3"], reads["s4"]
        report.s2, report.s3, report.s4 = s2.table, s3.table, s4.table
        for section, read in reads.items():
            findings += read.findings
            # table 三 read from the whole document: its unmatched rows belong to other tables
            if section != "s3" or "s3" in sections.headings:
                report.extras += _extras(section, read.extras)
            report.row_sources.update({f"{section}.{key}": row_evidence(raw) for key, raw in read.rows.items()})
        if s3.table is not None and "s3" not in sections.headings:
            findings.append(Finding("section.heading_missing", WARNING,
                                    "未找到第三部分标题；表三按其行标签读取", []))
        report.gaps = _gaps(sections, reads, report.template, meta.title_evidence, s3_lines)
        if document.source_type == "csv":
            report.gaps = tables_alone(report.gaps)
        elif holds_tables_only(sections, reads, meta.title_evidence):
            report.gaps = prose_published_apart(report.gaps, meta.title_evidence)

    report.s1_text = s1_text
    report.s5_text = _text(_section_lines(sections, "s5"))
    report.s6_text = _text(_section_lines(sections, "s6"))
    report.narrative = stated_figures
    report.stated_sums = narrative.stated_sums(s1_text)
    report.stated_rates = narrative.stated_rates(s1_text)
    findings += read_marked_figures(report)
    report.findings = (run_checks(report) + grouped_repairs(report, heading_reasons(findings, document.lines))
                       + [_noted(note) for note in bounded_notes(document.notes)])
    if document.source_type == "ocr" or document.ocr_text:   # a failed check may be the reading's: no error
        report.findings = scanned_findings(report, foreign_text=document.ocr_text)
    elif document.glyphs_misread:   # a failed sum one misread digit mends may be the reading's: no error
        report.findings = misread_sums(report)
    return report


def _noted(note: ReadNote) -> Finding:
    """A reader's note as a finding: a warning, since it says how the document was read, never what it lacks."""
    return Finding(note.rule, WARNING, note.message, [], [Evidence(note.text, note.where)])


def _stated_totals(figures: list[NarrativeFigure]) -> dict[str, int]:
    """The totals of table 三's rows that the prose of section 一 states one by one (``全年共收到申请94件，上年结转4
    件``), by row key: a table printed a cell per line whose arithmetic leaves readings open is read by them."""
    return {figure.key[len("s3."):-len(".total")]: figure.value for figure in figures
            if re.fullmatch(r"s3\.[a-z_.]+\.total", figure.key)}


def _nothing_read(read: TableRead) -> TableRead:
    """A table printed a cell per line of which no figure could be placed is said unread as a whole
    (``table.unread``), not row by row: its figures are there, their grid is what could not be read."""
    if not read.cell_per_line or read.table is None:
        return read
    if any(cell.value is not None or cell.raw.strip() for cells in read.table.values() for cell in cells.values()):
        return read
    return TableRead(None, extras=read.extras, cell_per_line=True)


def _label_lines(sections: Sections) -> list[Line]:
    """Where template labels are looked for: the bodies of sections 二 and 三, and every table row. Where neither
    heading was read (an article extractor's text: the tables alone, a header row or a label a line), the tables
    are read by their row labels over the whole text (``build_report``), and so are the template's labels
    (``metadata.version_labels`` passes over long prose lines)."""
    if "s2" in sections.headings or "s3" in sections.headings:
        bodies = [ln for key in ("s2", "s3") for ln in _section_lines(sections, key)]
    else:
        bodies = _all_lines(sections)
    seen = {id(ln) for ln in bodies}
    return bodies + [ln for ln in _all_lines(sections) if (ln.values or ln.in_grid) and id(ln) not in seen]


def _gaps(sections: Sections, reads: dict[str, TableRead], template: str, title: Evidence | None,
          s3_lines: list[Line]) -> dict[str, Gap]:
    """What the parse lacks: sections and tables (``gaps.section_gaps``), and rows of the tables read."""
    gaps = section_gaps(sections, reads, title)
    matchers = {"s2": S2_MATCHER[template if template in S2_MATCHER else "v2021"], "s3": S3_MATCHER,
                "s4": lambda label: None}
    order = [s.key for s in SECTIONS]
    for key, read in reads.items():
        others = {raw.where for k, r in reads.items() if k != key for raw in r.rows.values()}
        start = sections.headings.get(key)
        following = [k for k in order[order.index(key) + 1:] if k in sections.headings]
        end = sections.headings[following[0]] if start is not None and following else None
        lines = s3_lines if key == "s3" else _section_lines(sections, key)
        context = TableContext(lines, start and line_evidence(start), end and line_evidence(end), frozenset(others),
                               title.text if title else "")
        label_of = functools.partial(row_label, key)
        rows = row_gaps(read, list(read.table or {}), context, matchers[key], label_of)
        if key == "s2":
            rows = unprinted_subtables(rows, read, lines, S2_ITEMS.get(template, S2_ITEMS["v2021"]))
        if key == "s3":
            rows = kept_part(rows, read, S3_MIN_ROWS)
        for row, gap in rows.items():
            gaps[f"{key}.{row}"] = gap
    return gaps


def _every_figure_read(lines: list[Line], reads: tuple[TableRead, ...]) -> bool:
    """Whether the text is a cell stream in row order holding no figure but the cells ``reads`` read as printed
    (a figure, not a blank nor one left unread): each figure on a line of its own in a run right under label
    lines (``labelled_runs``: a row's label, then its figures), so a table printed after those rows, its
    header words there, prints none of them."""
    figures = sum(figure_count(line.values) for line in lines)
    printed = sum(1 for read in reads for cells in (read.table or {}).values() for cell in cells.values()
                  if cell.value is not None and not cell.blank and cell.raw)
    return 0 < printed == figures == sum(len(run.values) for run in labelled_runs(lines))


def _zeros_printed_blank(reads: tuple[TableRead, ...]) -> bool:
    """Whether the report prints its zeros as empty cells: tables 二 and 三 hold a cell printed blank (read as 0)
    and no 0 printed as a figure. Only then is a table 四 whose header stands without one figure read as blank
    zeros; a report printing 0 elsewhere (or both ways) says nothing of the kind, and such a table is unread."""
    cells = [cell for read in reads for row in (read.table or {}).values() for cell in row.values()]
    return any(cell.blank for cell in cells) and not any(cell.value == 0 and not cell.blank for cell in cells)


def _read_s4(sections: Sections, findings: list[Finding], skip: int = 0, cell_stream: bool = False,
             zeros_blank: bool = False, all_read: bool = False, figures_lost: bool = False,
             stated: Sequence[StatedSum] = (), ahead: Sequence[Line] = ()) -> TableRead:
    """Table 四 from its section, after the ``skip`` first lines (table 三's last figures, ``read_s3``), and the
    lines of it the tool wrote ``ahead`` of the section's heading (``s4_before_heading``); in text
    printed a row per line (table 三 was not a ``cell_stream``) of a report that prints its zeros blank
    (``zeros_blank``), a table 四 printed all blank; so too in a cell stream whose every figure the other tables
    read (``all_read``: none can be table 四's). Not where the text may have lost figures (``figures_lost``): text
    another program's OCR wrote (it drops a row of figures it cannot read, which leaves table 四's headers with no
    figure as a blank table does); one of whose tables 二 and 三 no figure was read prints no zero blank.
    ``stated``: sums of its cells the prose of section 一 states."""
    if "s4" in sections.headings:
        lines = [*ahead, *_section_lines(sections, "s4")[skip:]]
        read = read_s4(lines, stated)
        if figures_lost:   # OCR's text: rules read between its cells
            read = s4_rules_between(lines, read)
        blank = None if read.table is not None or cell_stream or not zeros_blank or figures_lost \
            else read_blank_s4(lines)
        return blank or read
    # Table 四 printed without its heading (or with one OCR garbled): one unlabelled row of 15 numbers
    # before section 五.
    candidates = s4_candidate_lines(_before(sections, "s5"))
    if len(candidates) != 1:
        return _s4_under_header(_before(sections, "s5"), findings, zeros_blank and not figures_lost, all_read,
                                stated)
    read = read_s4(candidates, stated)
    findings.append(Finding("section.heading_missing", WARNING,
                            f"未找到第四部分标题；{candidates[0].where}的{s4_candidate_figures(candidates[0])}个数字"
                            f"按表四（行政复议、行政诉讼）读取", []))
    return read


def _s4_under_header(lines: list[Line], findings: list[Finding], zeros_blank: bool = False,
                     all_read: bool = False, stated: Sequence[StatedSum] = ()) -> TableRead:
    """Table 四 printed without its heading but with its column headers (未经复议直接起诉, 复议后起诉, …): read from
    its first header line on, as under a heading."""
    header = table_header_lines(lines, "s4")
    if not header:
        return TableRead(None)
    start = s4_review_start(lines, next(n for n, line in enumerate(lines) if line is header[0]))
    read = read_s4(lines[start:], stated)
    # all blank only where the report leaves other zeros blank (no figure may be a picture) and in rows (a cell
    # stream may have put its figures elsewhere, unless the other tables read every figure printed)
    if read.table is None and zeros_blank and (header_in_rows(lines, "s4") or all_read):
        read = read_blank_s4(lines[start:]) or read
    if read.table is not None:
        findings.append(Finding("section.heading_missing", WARNING,
                                f"未找到第四部分标题；{lines[start].where}起按表四（行政复议、行政诉讼）的表头读取", []))
    return read

"""Property-based fuzzing of the readers (text, HTML, and the packages: OFD, DOCX, XLSX): whatever the bytes,
reading and checking them raises nothing but ``DocumentError``, within ``EXAMPLE_CPU_SECONDS`` each.

The readers are called below ``parse_document``, whose last-resort net turns any escaping exception into a
``DocumentError``: here a crash must show as the crash it is.
"""

from __future__ import annotations

import time
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gxparse import DocumentError
from gxparse.parser import build_report, read_document
from gxparse.template import S2_ITEMS, S3_ALL_ROWS, SECTIONS
from tests.gxparse.hostile import files

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The words a report is made of, so that the generated text reaches the table, section and prose readers.
WORDS = ([f"{s.numeral}、{s.title}" for s in SECTIONS] + [r.label for r in S3_ALL_ROWS]
         + [i.label for items in S2_ITEMS.values() for i in items]
         + ["开封市人民政府2021年政府信息公开工作年度报告", "收到申请", "办结", "件", "其中", "率", "%", "万元",
            "行政复议", "行政诉讼", "结转下年度", "（含上年结转", "）", "，", "。", "-", "—", "/", "无", "〇"])
numbers = st.one_of(st.integers(-10, 10**6).map(str), st.integers(0, 10**6).map(lambda n: f"{n:,}"),
                    st.decimals(0, 10**5, places=4).map(str), st.integers(16, 6000).map(lambda n: "9" * n))
cells = st.one_of(st.sampled_from(WORDS), numbers, st.text(max_size=12))
lines = st.lists(cells, max_size=12).flatmap(
    lambda row: st.sampled_from(["\t", " | ", " ", "", "　"]).map(lambda sep: sep.join(row)))
texts = st.lists(lines, max_size=40).map("\n".join)
encodings = st.sampled_from(["utf-8", "gb18030", "gbk", "big5", "utf-16", "utf-32", "utf-8-sig"])


# CPU seconds one generated document may take: the largest here is a few KB, read in well under a second;
# one that takes this long has found work that grows faster than its input.
EXAMPLE_CPU_SECONDS = 10.0


def _read(data: bytes, name: str = "fuzz") -> None:
    started = time.process_time()
    try:
        build_report(read_document(data, name), name)
    except DocumentError:
        pass
    assert time.process_time() - started < EXAMPLE_CPU_SECONDS


@FUZZ
@given(texts, encodings)
def test_text_of_report_words_in_any_encoding(text, encoding):
    _read(text.encode(encoding, errors="replace"))


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes(data):
    _read(data)


def _element(tag: str, attributes: list[tuple[str, str]], children: list[str]) -> str:
    attrs = "".join(f" {name}={quoteattr(value)}" for name, value in attributes)
    return f"<{tag}{attrs}>{''.join(children)}</{tag}>"


spans = st.one_of(st.integers(-3, 5000).map(str), st.text(max_size=6), st.just("9" * 5000))
attributes = st.lists(st.tuples(st.sampled_from(["rowspan", "colspan", "class", "charset"]), spans), max_size=3)
tags = st.sampled_from(["table", "tbody", "tr", "td", "th", "p", "div", "br", "span", "b", "script", "title", "meta"])
html_text = st.one_of(cells.map(escape), st.text(max_size=20))
elements = st.recursive(html_text, lambda children: st.builds(_element, tags, attributes, st.lists(children, max_size=6)),
                        max_leaves=60)
pages = st.builds(lambda head, body: f"<html><head>{head}</head><body>{body}</body></html>",
                  st.sampled_from(["", '<meta charset="gbk">', '<meta charset="utf-16">', '<meta charset="zlib">',
                                   "<title>2021年报告</title>"]),
                  st.lists(elements, max_size=8).map("".join))


@FUZZ
@given(pages, encodings)
def test_html_of_any_structure_in_any_encoding(page, encoding):
    _read(page.encode(encoding, errors="replace"))


@FUZZ
@given(pages, st.binary(max_size=200), st.integers(0, 400))
def test_html_with_bytes_spliced_in(page, junk, at):
    data = page.encode("utf-8")
    _read(data[:at] + junk + data[at:])


# The packages: generated content in a well-formed package, then bytes spliced into the package itself.
# Attribute values mix the plausible, the absurd and the malformed.
values = st.one_of(st.integers(-10, 400).map(str), st.sampled_from(["1e308", "-1e308", "nan", "inf", "0", "", "9" * 400]),
                   st.text(alphabet="0123456789 .-egLMSCQBAZ", max_size=30))
boxes = st.lists(values, min_size=0, max_size=6).map(" ".join)
# characters XML can hold: most of the generated parts should reach the reader, not stop at the XML parser
xml_cells = st.one_of(st.sampled_from(WORDS), numbers, st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12))


def _ofd_object(kind: str, box: str, ctm: str, size: str, text: str, deltas: str, path: str) -> str:
    attrs = f"ID=\"1\" Boundary={quoteattr(box)} CTM={quoteattr(ctm)} Size={quoteattr(size)}"
    if kind == "TextObject":
        return (f"<ofd:TextObject {attrs}><ofd:TextCode X=\"0\" Y=\"4\" DeltaX={quoteattr(deltas)}>{escape(text)}"
                "</ofd:TextCode></ofd:TextObject>")
    if kind == "PathObject":
        return f"<ofd:PathObject {attrs}><ofd:AbbreviatedData>{escape(path)}</ofd:AbbreviatedData></ofd:PathObject>"
    return f"<ofd:ImageObject {attrs} ResourceID=\"9\"/>"


ofd_objects = st.builds(_ofd_object, st.sampled_from(["TextObject", "PathObject", "ImageObject"]), boxes, boxes,
                        values, xml_cells, boxes,
                        st.lists(st.sampled_from(["M", "L", "Q", "B", "A", "C", "Z", "S", "0", "1", "5.5", "-3", "x"]),
                                 max_size=40).map(" ".join))
ofd_layers = st.recursive(ofd_objects, lambda inner: st.lists(inner, max_size=5).map(
    lambda objects: f"<ofd:PageBlock>{''.join(objects)}</ofd:PageBlock>"), max_leaves=30)
ofds = st.lists(st.lists(ofd_layers, max_size=12).map(lambda objects: files.ofd_page("".join(objects))),
                min_size=1, max_size=3).map(files.ofd)


@FUZZ
@given(ofds)
def test_ofd_of_any_objects(data):
    _read(data, "fuzz.ofd")


def _docx_cell(text: str, span: str, merge: str) -> str:
    return (f"<w:tc><w:tcPr><w:gridSpan w:val={quoteattr(span)}/><w:vMerge w:val={quoteattr(merge)}/></w:tcPr>"
            f"{files.paragraph(escape(text))}</w:tc>")


docx_cells = st.builds(_docx_cell, xml_cells, spans, st.sampled_from(["restart", "continue", "", "x"]))
docx_tables = st.lists(st.lists(docx_cells, max_size=8).map(lambda row: f"<w:tr>{''.join(row)}</w:tr>"),
                       max_size=12).map(lambda rows: f"<w:tbl>{''.join(rows)}</w:tbl>")
docx_bodies = st.lists(st.one_of(xml_cells.map(lambda text: files.paragraph(escape(text))), docx_tables), max_size=10)
docxs = docx_bodies.map(lambda body: files.docx(files.document_xml("".join(body))))


@FUZZ
@given(docxs)
def test_docx_of_any_paragraphs_and_tables(data):
    _read(data, "fuzz.docx")


cell_refs = st.one_of(st.builds(lambda col, row: f"{col}{row}", st.sampled_from(["A", "B", "Z", "AA", "XFD", "XFE", ""]),
                                st.sampled_from(["1", "2", "30", "1048576", "1048577", "0", ""])),
                      st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=5))
sheet_cells = st.builds(lambda ref, kind, value: f"<c r={quoteattr(ref)} t={quoteattr(kind)}><v>{escape(value)}</v></c>",
                        cell_refs, st.sampled_from(["n", "s", "str", "b", "e", "inlineStr", "x"]), st.one_of(xml_cells, values))
sheet_rows = st.lists(st.builds(lambda number, row: f"<row r={quoteattr(number)}>{''.join(row)}</row>",
                                st.sampled_from(["1", "2", "3", "1048576", "0", "x"]), st.lists(sheet_cells, max_size=8)),
                      max_size=12)
merges = st.lists(st.builds(lambda a, b: f"<mergeCell ref=\"{a}:{b}\"/>", cell_refs, cell_refs), max_size=3)
xlsxs = st.builds(lambda rows, merged: files.xlsx(files.sheet_xml(
    "".join(rows), after=f"<mergeCells>{''.join(merged)}</mergeCells>" if merged else "")), sheet_rows, merges)


@FUZZ
@given(xlsxs)
# a cell beyond Excel's grid: openpyxl fails only when the sheet's cells are read, after the workbook opened
@example(files.xlsx(files.sheet_xml('<row r="1"><c r="A1048577" t="n"><v>0</v></c></row>')))
def test_xlsx_of_any_cells(data):
    _read(data, "fuzz.xlsx")


@FUZZ
@given(st.sampled_from(["ofd", "docx", "xlsx"]), st.binary(min_size=1, max_size=64), st.integers(0, 4000), st.data())
def test_a_package_with_bytes_spliced_in(kind, junk, at, data):
    package = data.draw({"ofd": ofds, "docx": docxs, "xlsx": xlsxs}[kind])
    at = at % len(package)
    _read(package[:at] + junk + package[at + len(junk):], f"fuzz.{kind}")

"""Property-based fuzzing of the text and HTML readers: whatever the bytes, reading and checking them raises
nothing but ``DocumentError``.

The readers are called below ``parse_document``, whose last-resort net turns any escaping exception into a
``DocumentError``: here a crash must show as the crash it is.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxparse import DocumentError
from gxparse.parser import build_report, read_document
from gxparse.template import S2_ITEMS, S3_ALL_ROWS, SECTIONS

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


def _read(data: bytes) -> None:
    try:
        build_report(read_document(data, "fuzz"), "fuzz")
    except DocumentError:
        pass


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

"""Article bodies a script writes into the page (gxparse.readers.scripted): read where the script stands, only
when the page shows no table itself, in time linear in the script's size."""

import json
import re
import time
from urllib.parse import quote

import pytest

from gxparse import parse_document
from gxparse.readers.html import read_html
from gxparse.readers.scripted import held_markup, script_file_markup, scripted_markup
from lxml import etree
from simsite.render import render_report_html
from tests.gxparse.seeds import expected_tables, report_dict

_TABLE = "<p>一、本年新收政府信息公开申请数量</p><table><tr><td>本年新收</td><td>508</td><td>2</td></tr></table>"
_ROW = ("本年新收", ["508", "2"])


def _escape(text: str) -> str:   # JavaScript's escape()
    safe = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./")
    return "".join(c if c in safe else f"%{ord(c):02X}" if ord(c) < 256 else f"%u{ord(c):04X}" for c in text)


def _rows(page: str) -> list[tuple[str, list[str]]]:
    return [(line.label, line.values) for line in read_html(page).lines if line.in_grid]


PAGES = {
    "json string, cut in two": ('<div id="zoom"></div><script>var content = {} +\n {};'
                                'document.getElementById("zoom").innerHTML = content;</script>'
                                .format(json.dumps(_TABLE[:40]).replace("</", "<\\/"), json.dumps(_TABLE[40:]))),
    "escape()d, written by document.write": f"<script>document.write(unescape('{_escape(_TABLE)}'));</script>",
    "escaped twice": f"<script>document.write(unescape(unescape('{_escape(_escape(_TABLE))}')));</script>",
    "URI-encoded": f'<script type="text/javascript">document.write(decodeURIComponent("{quote(_TABLE)}"))</script>',
    "hex escapes, single quotes": "<script>var html = '{}';</script>".format(
        _TABLE.replace("<", "\\x3C").replace("'", "\\'")),
    "written a piece a line": "<script>\n{}</script>".format("".join(
        f"document.write('{piece}');\n" for piece in _TABLE.replace("<tr>", "\n<tr>").replace("</table>", "\n</table>")
        .split("\n"))),
    "hidden textarea": ('<textarea id="src" style="display:none">'
                        + _TABLE.replace("&", "&amp;").replace("<", "&lt;") + "</textarea>"),
    "text/html template": f'<script type="text/html" id="tpl">{_TABLE}</script>',
}


@pytest.mark.parametrize("shape", PAGES)
def test_an_article_a_script_writes_is_read(shape):
    assert _rows(f"<html><body><h1>报告</h1>{PAGES[shape]}<p>主办单位</p></body></html>") == [_ROW]


def test_a_page_that_shows_its_table_is_not_read_again_from_its_script():
    page = f"<html><body>{_TABLE}<script>var shared = {json.dumps(_TABLE)};</script></body></html>"
    assert _rows(page) == [_ROW]


def test_scripts_of_other_kinds_and_strings_without_markup_hold_no_article():
    root = etree.fromstring('<html><body><script type="application/ld+json">{"a": "<table>"}</script>'
                            '<script>var a = "<b>x</b>", b = "no markup";</script></body></html>', etree.HTMLParser())
    assert scripted_markup(root) == {}


def _script(text: str) -> etree._Element:
    script = etree.Element("script")
    script.text = text
    return script


def test_a_huge_or_deeply_wrapped_script_is_read_in_linear_time():
    started = time.perf_counter()
    # a 50 MB string of escapes (one escape the codec does not know: read escape by escape), a line of quotes
    # never closed, 10,000 nested unescape calls around a string escaped twice
    assert len(held_markup(_script("var s = '<p>\\/" + "\\u4e00" * 8_000_000 + "';")) or "") == 8_000_004
    assert held_markup(_script("x = \"'" * 1_000_000 + "<p>")) is None
    assert held_markup(_script("document.write(" + "unescape(" * 10_000 + "'%253Cp%253E1'" + ")" * 10_001)) == "<p>1"
    assert time.perf_counter() - started < 20


def _script_file(report: dict) -> bytes:
    """The report as a site's data script holds it (a real 2019 report was found saved so): menus, then the
    article's markup, rowspans and colspans and all, its zeros printed empty, in one string literal whose
    quotes are escaped."""
    for table in ("s3", "s4"):
        for cols in report[table].values():
            cols.update({column: None for column, value in cols.items() if value == 0})
    body = re.search(r"<body>(.*)</body>", render_report_html(report), re.S)[1].replace("\n", "")
    body = re.sub(r"<td([^>]*)>", r'<td\1 nowrap="nowrap">', body)
    return ('//字典项\nlet secondMenu = [{\n\t"id": "4",\n\t"name": "政府信息公开年报"\n}]\n\n'
            'let content = "' + body.replace('"', '\\"') + '"\n').encode()


def test_a_script_file_holding_the_article_is_read_as_its_markup():
    parsed = parse_document(_script_file(report_dict("kaifeng_2021")), "content.js").to_dict()
    for table in ("s2", "s3", "s4"):
        assert parsed[table] == expected_tables("kaifeng_2021")[table], table
    assert [f for f in parsed["findings"] if f["severity"] == "error"] == []


def test_a_page_with_escaped_markup_in_its_script_stays_a_page():
    # the page starts with markup: its script's article is read only where the page shows no table (above)
    page = (f"<html><body>{_TABLE}<script>var a = \"<td colspan=\\\"3\\\"><td colspan=\\\"3\\\">\";"
            "</script></body></html>")
    assert script_file_markup(page) is None and _rows(page) == [_ROW]


def test_a_huge_script_file_is_read_in_linear_time():
    started = time.perf_counter()
    # escaped attributes everywhere, quotes never closed: no literal, no article
    assert script_file_markup("let a = " + "x=\\\"'" * 200_000) is None
    assert time.perf_counter() - started < 5

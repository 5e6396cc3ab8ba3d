"""A detail API's JSON answer (a single-page application's article): the report in its ``content`` field
reads as the same report's HTML page does; JSON without report content is refused, naming the file."""

import json
from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.errors import DocumentError
from gxparse.readers.jsondoc import read_json
from gxparse.readers.sniff import sniff
from simsite.render import render_report_html
from tests.gxparse.seeds import expected_tables, report_dict

FILES = Path(__file__).resolve().parent.parent / "files"


def test_a_detail_answer_reads_every_figure_as_the_html_page():
    answer = parse_document((FILES / "api_detail_report.json").read_bytes(), "detail?id=2021").to_dict()
    page = parse_document(render_report_html(report_dict("kaifeng_2021")).encode(), "x.html").to_dict()
    assert answer["source_type"] == "html"
    for table in ("s2", "s3", "s4"):
        assert answer[table] == page[table] == expected_tables("kaifeng_2021")[table], table
    assert (answer["agency"], answer["year"]) == (page["agency"], page["year"]) == ("开封市人民政府", 2021)


def test_the_report_is_found_in_nested_objects_and_lists():
    inner = json.loads((FILES / "api_detail_report.json").read_text(encoding="utf-8"))["data"]
    wrapped = {"result": {"list": [{"title": "目录", "text": "短"}, {"article": inner}]}}
    report = parse_document(json.dumps(wrapped, ensure_ascii=False).encode(), "detail?id=2021")
    assert report.value("s3.new_received.total") == parse_document(
        (FILES / "api_detail_report.json").read_bytes(), "x").value("s3.new_received.total")


def test_a_json_answer_without_report_content_is_refused_naming_the_file():
    with pytest.raises(DocumentError) as raised:
        parse_document((FILES / "api_detail_no_content.json").read_bytes(), "api_detail_no_content.json")
    assert raised.value.source == "api_detail_no_content.json"
    assert "JSON" in raised.value.reason and "报告正文" in raised.value.reason


@pytest.mark.parametrize("data, kind", [
    (b'{"code": 200, "data": {"content": "<p>x</p><p>y</p>"}}', "json"),
    (b"\xef\xbb\xbf[1, 2]", "json"),
    ("{年度报告} 一、总体情况\n".encode(), "text"),                       # braces, but no JSON
    ("[1] 一、总体情况</p></div>".encode(), "html"),
    ("| 规章 | 1 |\n|---|---|\n".encode(), "markdown"),
    (b"<html><body><p>{\"a\": 1}</p></body></html>", "html"),
])
def test_json_is_sniffed_only_when_the_whole_document_is_json(data, kind):
    assert sniff(data) == kind


def test_a_json_document_cut_short_is_refused_naming_where_it_breaks():
    # the refusal said only "JSON 文档无法解析": a download cut at 2 KB and a file broken on its line 3 read alike
    data = ('{"title": "2023年政府信息公开工作年度报告",\n "content": "<p>一、总体情况</p>",\n "id": 12,,}').encode()
    with pytest.raises(DocumentError) as refused:
        read_json(data, "answer.json")
    assert refused.value.source == "answer.json" and "第 3 行第 11 列" in refused.value.reason

"""HTML article fragments (a CMS article's body saved without <html>/<body>) read like whole pages."""

import pytest

from gxparse import parse_document
from gxparse.readers.sniff import sniff
from tests.gxparse.fragments import SHAPES, fragment
from tests.gxparse.seeds import expected, expected_tables

TABLE_SEEDS = ["huangchuan_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021", "kaifeng_2021"]


@pytest.mark.parametrize("shape", SHAPES)
def test_fragment_is_sniffed_as_html(shape):
    assert sniff(fragment("kaifeng_2021", shape)) == "html"


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", TABLE_SEEDS)
def test_fragment_gives_every_figure_and_the_metadata(name, shape):
    report = parse_document(fragment(name, shape), f"{name}.{shape}.html").to_dict()
    assert report["source_type"] == "html"
    for table in ("s2", "s3", "s4"):
        assert report[table] == expected_tables(name)[table], table
    exp = expected(name)
    assert (report["agency"], report["year"], report["template"]) == (exp["agency"], exp["year"], exp["template"])
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_gbk_fragment_without_declaration():
    data = fragment("kaifeng_2021", "h1").decode().encode("gb18030")
    report = parse_document(data, "k.html").to_dict()
    assert report["source_type"] == "html" and report["s3"] == expected_tables("kaifeng_2021")["s3"]


@pytest.mark.parametrize("text", [
    "# 报告\n\n| 规章 | 1<br>2 | 0 |\n|---|---|---|\n| 行政许可 | 5<br> | 0 |\n",   # converters' <br> in cells
    "一、总体情况\n依据《条例》<第二十条>，本机关……\n三、收到和处理政府信息公开申请情况\n",
])
def test_text_and_markdown_with_a_stray_tag_are_not_html(text):
    assert sniff(text.encode()) != "html"

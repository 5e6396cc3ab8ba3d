"""Readers of a page's cells, lines and shown text (crawler.pages.tables, pictures.figure_tables,
mobilecopy.article_lines, gone) on a page holding a text node of 50 MB: each text of the page converted once, however
often the elements around it are read, and no join of it beyond the bound read."""

from __future__ import annotations

import sys
import time
import tracemalloc

import lxml.html
import pytest
from scrapy.http import HtmlResponse

from crawler.documents.gone import gone_reason
from crawler.documents.pictures import figure_tables
from crawler.hosts.mobilecopy import article_lines
from crawler.pages.elementtext import shown_characters
from crawler.pages.links import page_links

BIG = "年" * 17_000_000   # 51 MB of UTF-8
ROWS = "".join(f"<tr><td>市局{i}</td><td><a href='/a{i}.html'>查看</a></td></tr>" for i in range(300))


def root_of(body: str):
    html = f"<html><head><title>页面</title></head><body>{body}</body></html>"
    return HtmlResponse("http://a.gov.cn/", body=html.encode(), encoding="utf-8").selector.root


READS = {
    # each link of a table of agencies by years named by the table's caption: read whole for each link, 27 s
    "caption": (f"<table><caption>{BIG}</caption><thead><tr><th>名称</th><th>2023年</th></tr></thead>{ROWS}</table>",
                lambda root: page_links(root, "http://a.gov.cn/")),
    # a cell of 30 nested tables read for its figure once for each table around it: 47 s
    "figure tables": ("<table><tr><td>1</td><td>2</td><td>3</td><td>" * 30 + BIG + "</td></tr></table>" * 30,
                      figure_tables),
    # a line of 60 nested cells read for its digest once for each cell around it: 12 s
    "article lines": ("<table><tr><td>" * 60 + BIG + "</td></tr></table>" * 60, article_lines),
}


@pytest.mark.parametrize("name", READS)
def test_elements_around_a_text_of_fifty_megabytes_read_it_once(name):
    body, read = READS[name]
    root = root_of(body)
    started = time.process_time()
    read(root)
    assert time.process_time() - started < 3


def test_a_page_of_fifty_megabytes_is_judged_gone_or_not_without_joining_its_text():
    # its title and shown text joined whole and split: 272 MB over the 34 MB the node's text takes
    root = root_of(f"<p>{BIG}</p>")
    root.find("head/title").text = BIG
    tracemalloc.start()
    try:
        assert gone_reason(root, "http://a.gov.cn/f.pdf", "http://a.gov.cn/f.pdf") is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 6 * sys.getsizeof(BIG)


@pytest.mark.parametrize("limit", [0, 3, 9, 1000])
def test_shown_characters_are_the_shown_text_without_whitespace_cut(limit):
    root = lxml.html.fromstring("<html><body><p>对不起，<b>您访问的</b> 页面\n不存在<script>var a = 1;</script>尾</p>"
                                "<!-- 注 -->后<noscript>请<i>启用</i></noscript>  完<style>p {}</style></body></html>")
    body = root.find("body")
    shown = body.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
                       "[not(self::comment())]")
    assert shown_characters(body, limit) == "".join("".join(shown).split())[:limit]

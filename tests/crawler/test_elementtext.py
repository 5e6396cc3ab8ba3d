"""An element's leading text: its text as itertext joins it, cut at MAX_TEXT_CHARS, each text of the page read once."""

from __future__ import annotations

import sys
import time
import tracemalloc

import lxml.html
import pytest
from scrapy.http import HtmlResponse

from crawler.documents.pictures import report_element
from crawler.documents.shown import clicked_files
from crawler.pages.elementtext import MAX_TEXT_CHARS, LeadingText, leading_text
from crawler.pages.links import page_links
from crawler.spiders.reports import ReportsSpider


@pytest.mark.parametrize("html", [
    "<div><b>南渚市</b>财政局<!-- 注 -->2023年<i>报告</i> 下载</div>",
    "<div>" + "<span>政府信息公开</span>年报 " * 40 + "</div>",
    "<div>" + "<p>" * 300 + "加载更多" + "</p>" * 300 + "尾</div>",
])
def test_the_leading_text_is_the_elements_text_cut(html):
    element = lxml.html.fragment_fromstring(html)
    texts = LeadingText()
    assert texts(element) == "".join(element.itertext())[:MAX_TEXT_CHARS]
    assert all(texts(e) == "".join(e.itertext())[:MAX_TEXT_CHARS] for e in element.iter() if isinstance(e.tag, str))


@pytest.mark.parametrize("attributes, script", [
    ("""onclick="location.href='/ndbg/a.html'\"""", ""),
    ("data-url='/ndbg/a.html'", "<script>$('.item').click(function () { location.href = $(this).data('url'); });</script>"),
])
def test_clickable_elements_nested_around_the_whole_page_read_its_text_once(attributes, script):
    # 200 nested clickable elements around 2 million characters, each read whole as its link's name: 61 s (onclick)
    # and 44 s (data-url) of the spider's event loop
    root = lxml.html.fromstring(f"<html><body>{f'<div {attributes}>' * 200}<p>{'加载更多 ' * 400_000}</p>"
                                f"{'</div>' * 200}{script}</body></html>")
    started = time.process_time()
    links = page_links(root, "http://a.gov.cn/")
    assert time.process_time() - started < 2
    assert {link.url for link in links} == {"http://a.gov.cn/ndbg/a.html"}
    assert all(len(link.text) <= MAX_TEXT_CHARS for link in links)


@pytest.mark.parametrize("separator", ["", " "])
@pytest.mark.parametrize("limit", [0, 1, 7, 30, 10_000])
def test_leading_text_is_the_joined_text_cut(separator, limit):
    element = lxml.html.fragment_fromstring("<div>南渚<b>市</b>财政局<!-- 注 --><i>2023年</i>报告<p></p>下载</div>")
    assert leading_text(element, limit, separator) == separator.join(element.itertext())[:limit]


BIG = "年 " * 2_500_000   # a text node of 5 million characters, 2.5 million words
READERS = {
    "links": lambda response: page_links(response.selector.root, response.url),
    "title": lambda response: ReportsSpider._parse_title(None, response),
    "report element": lambda response: report_element(response.selector.root),
    "clicked files": lambda response: clicked_files(response.selector.root, response.url),
}


@pytest.fixture(scope="module")
def huge_texts() -> HtmlResponse:
    """A page whose heading, title, clickable element, link, and drop-down option each hold BIG."""
    body = (f"<h1>{BIG}</h1><div class='title' onclick=\"downloadFile('1')\">{BIG}</div>"
            f"<ul><li><span class='tit'>{BIG}</span><a href='/a.html'>{BIG}</a></li></ul>"
            f"<form action='list.html'><select name='year'><option value='2023'>{BIG}</option></select></form>"
            "<script>function downloadFile(id) { location.href = '/f/' + id + '.pdf'; }</script>")
    html = f"<html><head><title>政府信息公开</title></head><body>{body}</body></html>"
    return HtmlResponse("http://a.gov.cn/", body=html.encode(), encoding="utf-8")


@pytest.mark.parametrize("reader", READERS)
def test_a_text_of_millions_of_characters_costs_no_more_memory_than_its_node(huge_texts, reader):
    # each read whole, joined and split into its words: 1.4 GB for the report element, 370 MB for the links
    huge_texts.selector.root   # parsed before measuring
    tracemalloc.start()
    try:
        READERS[reader](huge_texts)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # the node's text as lxml converts it (at most 3 times its size), and the reads bounded
    assert peak < 6 * sys.getsizeof(BIG)


def test_clickable_titles_nested_around_the_page_are_read_in_bounded_time():
    # 200 nested clickable elements around 2 million characters, each read whole for the file it fetches (109 s,
    # 4.4 GB for 10 million) and the page's title (5.7 s)
    html = (f"<html><body>{'<div class=title onclick=downloadFile(1)>' * 200}<p>{'加载更多 ' * 400_000}</p>"
            f"{'</div>' * 200}<script>function downloadFile(id) {{ location.href = '/f/' + id + '.pdf'; }}</script>"
            "</body></html>")
    response = HtmlResponse("http://a.gov.cn/", body=html.encode(), encoding="utf-8")
    response.selector.root
    started = time.process_time()
    READERS["clicked files"](response)
    READERS["title"](response)
    assert time.process_time() - started < 2

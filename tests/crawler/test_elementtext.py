"""An element's leading text: its text as itertext joins it, cut at MAX_TEXT_CHARS, each text of the page read once."""

from __future__ import annotations

import time

import lxml.html
import pytest

from crawler.elementtext import MAX_TEXT_CHARS, LeadingText
from crawler.links import page_links


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

"""HTML a page shows that its tree does not hold as elements (crawler/pages/fragments.py): fragments jQuery loads
into it and templates kept in scripts, read as the page's links, on frozen pages."""

from __future__ import annotations

import lxml.html

from crawler.pages.fragments import loaded_urls
from crawler.pages.links import page_links
from tests.crawler.helpers import FILES

BASE = "http://www.zhoukou.gov.cn"


def _links(name: str, url: str):
    return page_links(lxml.html.fromstring((FILES / name).read_bytes()), url)


def test_a_fragment_jquery_loads_is_read_as_a_frame_of_the_page():
    links = _links("column_jquery_load.html", BASE + "/mzj/xxgk/ndbg/index.html")
    frames = [(link.url, link.heading) for link in links if link.source == "frame"]
    assert frames == [(BASE + "/mzj/xxgk/ndbg/list.html", "政府信息公开年报")]


def test_a_load_of_a_placeholder_or_without_an_address_gives_nothing():
    assert loaded_urls("$('#x').load(url + ' #c'); $('#y').load('{{src}}'); $(window).load(function () {});") == []


def test_a_load_of_an_address_the_script_builds_gives_none():
    # its start alone ('/ndbg/list_') is no page: a fetch for nothing
    assert loaded_urls("$('#list').load('/ndbg/list_' + $(this).attr('data-year') + '.html');") == []


def test_a_load_names_the_element_it_fills():
    assert loaded_urls("jQuery('#list').load('list.html #content'); $('.box').load('/a.html');") == [
        ("list.html", "list"), ("/a.html", None)]


def test_a_templates_links_are_the_pages_with_their_titles():
    links = _links("column_text_template.html", BASE + "/czj/xxgk/ndbg/index.html")
    assert sorted((link.url, link.text) for link in links if "/art/" in link.url) == [
        (BASE + "/czj/art/2023/3322.html", "周口市财政局2022年政府信息公开工作年度报告"),
        (BASE + "/czj/art/2024/3323.html", "周口市财政局2023年政府信息公开工作年度报告")]


def test_a_templates_placeholders_are_no_address():
    links = _links("column_text_template.html", BASE + "/czj/xxgk/ndbg/index.html")
    assert [link.url for link in links if "item" in link.url or "{" in link.url] == []

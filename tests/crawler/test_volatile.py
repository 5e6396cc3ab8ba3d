"""Session ids and cache-busters taken off addresses (crawler/hosts/volatile.py), and off a page's links."""

from __future__ import annotations

import lxml.html
import pytest

from crawler.hosts.volatile import stable_url
from crawler.pages.links import answer_links, page_links


@pytest.mark.parametrize("url, stable", [
    ("http://a.gov.cn/art/123.html;jsessionid=8A2F5C1E0D3B7A9F2E41", "http://a.gov.cn/art/123.html"),
    ("http://a.gov.cn/list.jsp;JSESSIONID=8A2F.node1?page=2", "http://a.gov.cn/list.jsp?page=2"),
    ("http://a.gov.cn/list.jsp?page=2&_=1701234567890", "http://a.gov.cn/list.jsp?page=2"),
    ("http://a.gov.cn/list.html?t=1701234567&id=5", "http://a.gov.cn/list.html?id=5"),
    ("http://a.gov.cn/list.html?random=0.82317346&id=5", "http://a.gov.cn/list.html?id=5"),
])
def test_a_session_or_a_cache_buster_is_taken_off(url, stable):
    assert stable_url(url) == stable


@pytest.mark.parametrize("url", [
    "http://a.gov.cn/list.html?t=2023", "http://a.gov.cn/list.do?r=12&page=3", "http://a.gov.cn/show.do?id=1701234567890",
    "http://a.gov.cn/art;jsessionid/12.html",
])
def test_what_names_something_is_kept(url):
    assert stable_url(url) == url


def test_a_pages_links_written_with_its_session_are_one_url_each():
    root = lxml.html.fromstring(
        '<ul><li><a href="/art/123.html;jsessionid=8A2F0001">西山市教育局2023年政府信息公开工作年度报告</a></li>'
        '<li><a href="/ndbg/list.jsp;jsessionid=8A2F0001?page=2&amp;_=1701234567890">2</a></li></ul>')
    assert [link.url for link in page_links(root, "http://a.gov.cn/ndbg/list.jsp?page=1")] == [
        "http://a.gov.cn/art/123.html", "http://a.gov.cn/ndbg/list.jsp?page=2"]


def test_an_api_answers_addresses_lose_their_session_and_cache_buster():
    answer = ('{"data":{"list":[{"title":"2023年政府信息公开工作年度报告","url":"/art/2024/1/8842.html;jsessionid=8A2F0C1D"},'
              '{"title":"2022年政府信息公开工作年度报告","url":"/art/2023/1/7731.html?_=1701234567890"}]}}')
    urls = sorted(link.url for link in answer_links(answer, "http://www.xs.gov.cn/api/list"))
    assert urls == ["http://www.xs.gov.cn/art/2023/1/7731.html", "http://www.xs.gov.cn/art/2024/1/8842.html"]
